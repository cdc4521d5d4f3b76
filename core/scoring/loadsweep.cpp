#include "loadsweep.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QLocale>
#include <QtCore/QTextStream>
#include <QtCore/QUuid>

#include <algorithm>
#include <cmath>

namespace Opsdeck::Core {

namespace {

struct SweepText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::LoadSweep)
};

QString grouped(double v, int decimals = 0)
{
    QLocale l = QLocale::c();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(v, 'f', decimals);
}

QString number(double v)
{
    return QLocale::c().toString(v, 'g', 12);
}

// One level of `all` (the whole option value, quoted in errors).
Result<double> parseLevel(const QString &text, const QString &all, double minimum, double maximum, bool integral)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return fail(ErrorKind::Usage, SweepText::tr("'%1': '%2' is not a number").arg(all, text.trimmed()));
    if (integral && v != std::floor(v))
        return fail(ErrorKind::Usage, SweepText::tr("'%1': %2 is not a whole number").arg(all, text.trimmed()));
    if (v < minimum || v > maximum)
        return fail(ErrorKind::Usage, SweepText::tr("'%1': %2 is outside %3 … %4")
                                          .arg(all, text.trimmed(), number(minimum), grouped(maximum)));
    return v;
}

} // namespace

QList<double> doublingLevels(double from, double to)
{
    Q_ASSERT(from > 0 && to > from);
    QList<double> levels;
    for (double v = from; v < to && levels.size() <= MaxSweepLevels; v *= 2)
        levels.append(v);
    levels.append(to);
    return levels;
}

bool isLoadSweep(const QString &text)
{
    return text.contains(u',') || text.contains(QStringLiteral(".."));
}

Result<QList<double>> parseLoadLevels(const QString &text, double minimum, double maximum, bool whole)
{
    QList<double> levels;
    for (const QString &part : text.split(u',')) {
        if (part.trimmed().isEmpty())
            return fail(ErrorKind::Usage, SweepText::tr("'%1': an empty level").arg(text));
        const qsizetype dots = part.indexOf(QStringLiteral(".."));
        if (dots < 0) {
            auto v = parseLevel(part, text, minimum, maximum, whole);
            if (!v)
                return tl::unexpected(v.error());
            levels.append(*v);
            continue;
        }
        auto from = parseLevel(part.left(dots), text, minimum, maximum, whole);
        if (!from)
            return tl::unexpected(from.error());
        auto to = parseLevel(part.mid(dots + 2), text, minimum, maximum, whole);
        if (!to)
            return tl::unexpected(to.error());
        if (*to <= *from)
            return fail(ErrorKind::Usage,
                        SweepText::tr("'%1': the range %2 does not go up").arg(text, part.trimmed()));
        levels.append(doublingLevels(*from, *to));
    }
    if (levels.size() > MaxSweepLevels)
        return fail(ErrorKind::Usage,
                    SweepText::tr("'%1': more than %2 levels").arg(text).arg(MaxSweepLevels));
    for (qsizetype i = 1; i < levels.size(); ++i) {
        if (levels.at(i) <= levels.at(i - 1))
            return fail(ErrorKind::Usage, SweepText::tr("'%1': %2 after %3 (levels must increase)")
                                              .arg(text, number(levels.at(i)), number(levels.at(i - 1))));
    }
    return levels;
}

LoadSweep::LoadSweep(Scenario scenario, QList<double> levels)
    : m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_scenario(scenario)
    , m_levels(std::move(levels))
{
    Q_ASSERT(m_scenario != Scenario::Offline && !m_levels.isEmpty());
}

Result<LoadSweep> LoadSweep::fromRuns(QList<BenchReport> runs)
{
    if (runs.isEmpty())
        return fail(ErrorKind::Failed, SweepText::tr("no runs of a load sweep"));
    const BenchReport &first = runs.constFirst();
    if (!first.sweep)
        return fail(ErrorKind::Failed, SweepText::tr("the run of %1 was not a level of a load sweep")
                                           .arg(first.startedAt.toUTC().toString(Qt::ISODate)));
    const Scenario scenario = first.scenario == u"concurrency" ? Scenario::Concurrency
                              : first.scenario == u"rate"      ? Scenario::Rate
                                                               : Scenario::Offline;
    if (scenario == Scenario::Offline)
        return fail(ErrorKind::Failed, SweepText::tr("a load sweep of the scenario '%1'").arg(first.scenario));
    const SweepMembership membership = *first.sweep;
    for (const BenchReport &r : std::as_const(runs)) {
        if (r.sweep != membership || r.scenario != first.scenario)
            return fail(ErrorKind::Failed, SweepText::tr("the run of %1 belongs to another load sweep")
                                               .arg(r.startedAt.toUTC().toString(Qt::ISODate)));
    }
    const auto levelOf = [scenario](const BenchReport &r) {
        return scenario == Scenario::Concurrency ? double(r.concurrency) : r.rate;
    };
    // The levels ran lightest first; a run whose level is in the history twice (a copied file) counts once.
    std::stable_sort(runs.begin(), runs.end(),
                     [&](const BenchReport &a, const BenchReport &b) { return levelOf(a) < levelOf(b); });
    LoadSweep sweep(scenario, membership.levels);
    sweep.m_id = membership.id;
    for (const BenchReport &r : std::as_const(runs)) {
        if (sweep.isDone())
            break;
        const double expected = sweep.m_levels.at(sweep.next());
        if (levelOf(r) < expected)
            continue;   // the same level again
        if (levelOf(r) > expected)
            return fail(ErrorKind::Failed,
                        SweepText::tr("the history no longer holds its level %1").arg(sweep.levelName(expected)));
        sweep.add(r);
    }
    return sweep;
}

BenchOptions LoadSweep::options(const BenchOptions &base, qsizetype i) const
{
    BenchOptions o = base;
    o.scenario = m_scenario;
    o.sweep = SweepMembership{m_id, m_levels};
    if (m_scenario == Scenario::Concurrency)
        o.concurrency = int(m_levels.at(i));
    else
        o.rate = m_levels.at(i);
    return o;
}

bool LoadSweep::add(const BenchReport &report)
{
    Q_ASSERT(!isDone());
    m_runs.append(report);
    const QString level = levelName(m_levels.at(m_runs.size() - 1));
    // More load does not mend any of these: stop rather than spend the remaining levels on them.
    if (report.failure || report.stopped || report.cancelledExitCode != 0 || report.unreachable ||
        report.authRefused || report.errorsBeyondTolerance() || report.p99AboveThreshold() || report.fellBehindRate()) {
        // The last level ends the sweep anyway: only an earlier one ends it early.
        if (m_runs.size() < m_levels.size()) {
            const QString why = report.reasons.isEmpty() ? SweepText::tr("stopped")
                                                         : report.reasons.join(QStringLiteral("; "));
            m_endedEarly = QStringLiteral("%1: %2").arg(level, why);
        }
        m_done = true;
    }
    return !isDone();
}

std::optional<qsizetype> LoadSweep::best() const
{
    std::optional<qsizetype> best;
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        const BenchReport &r = m_runs.at(i);
        if (r.verdict == u"VALID" && (!best || r.rowsPerS > m_runs.at(*best).rowsPerS))
            best = i;
    }
    return best;
}

int LoadSweep::exitCode() const
{
    for (const BenchReport &r : m_runs) {
        if (r.cancelledExitCode != 0)
            return r.cancelledExitCode;
    }
    if (best())
        return ExitOk;
    return m_runs.isEmpty() ? ExitFailed : m_runs.constFirst().exitCode();
}

QJsonObject LoadSweep::toJson() const
{
    QJsonArray levels;
    for (double l : m_levels)
        levels.append(l);
    QJsonArray runs;
    for (const BenchReport &r : m_runs)
        runs.append(r.toJson());
    QJsonObject o{{QStringLiteral("sweep"), scenarioName(m_scenario)},
                  {QStringLiteral("levels"), levels},
                  {QStringLiteral("runs"), runs},
                  {QStringLiteral("ended_early"), m_endedEarly.isEmpty() ? QJsonValue() : QJsonValue(m_endedEarly)},
                  {QStringLiteral("exit_code"), exitCode()}};
    if (const auto b = best()) {
        // The figures as the run's own object has them.
        const QJsonObject r = runs.at(*b).toObject();
        o.insert(QStringLiteral("best"),
                 QJsonObject{{QStringLiteral("level"), m_levels.at(*b)},
                             {QStringLiteral("run"), *b},
                             {QStringLiteral("rows_per_s"), r.value(QStringLiteral("rows_per_s"))},
                             {QStringLiteral("p99_ms"), r.value(QStringLiteral("latency_ms"))[QStringLiteral("p99")]}});
    } else {
        o.insert(QStringLiteral("best"), QJsonValue());
    }
    return o;
}

QString LoadSweep::levelName(double level) const
{
    return m_scenario == Scenario::Concurrency ? SweepText::tr("concurrency %1").arg(number(level))
                                               : SweepText::tr("rate %1/s").arg(number(level));
}

QString LoadSweep::loadHeader() const
{
    return m_scenario == Scenario::Concurrency ? SweepText::tr("concurrency") : SweepText::tr("batches/s");
}

QString LoadSweep::tableHeader() const
{
    return QStringLiteral("%1 %2 %3 %4 %5  %6")
        .arg(loadHeader(), int(std::max<qsizetype>(12, loadHeader().size())))
        .arg(SweepText::tr("rows/s"), 14)
        .arg(SweepText::tr("p50 ms"), 10)
        .arg(SweepText::tr("p99 ms"), 10)
        .arg(SweepText::tr("errors"), 8)
        .arg(SweepText::tr("verdict"));
}

QString LoadSweep::tableRow(qsizetype run) const
{
    const BenchReport &r = m_runs.at(run);
    return QStringLiteral("%1 %2 %3 %4 %5  %6%7")
        .arg(number(m_levels.at(run)), int(std::max<qsizetype>(12, loadHeader().size())))
        .arg(grouped(r.rowsPerS), 14)
        .arg(r.latency.p50, 10, 'f', 3)
        .arg(r.latency.p99, 10, 'f', 3)
        .arg(r.errors, 8)
        .arg(r.verdict)
        .arg(r.reasons.isEmpty() ? QString() : QStringLiteral(" (") + r.reasons.constFirst() + u')');
}

QString LoadSweep::conclusion() const
{
    QString text;
    QTextStream s(&text);
    if (const auto b = best()) {
        const BenchReport &r = m_runs.at(*b);
        s << SweepText::tr("best: %1 · %2 rows/s · p99 %3 ms")
                 .arg(levelName(m_levels.at(*b)), grouped(r.rowsPerS))
                 .arg(r.latency.p99, 0, 'f', 3)
          << '\n';
        if (r.capacity)
            s << SweepText::tr("capacity at it: %1").arg(r.capacity->summary()) << '\n';
    } else {
        s << SweepText::tr("best: none (no level was VALID)") << '\n';
    }
    if (!m_endedEarly.isEmpty())
        s << SweepText::tr("ended early at %1").arg(m_endedEarly) << '\n';
    else if (m_runs.size() < m_levels.size())
        s << SweepText::tr("%1 of %2 levels ran").arg(m_runs.size()).arg(m_levels.size()) << '\n';
    return text;
}

Result<SweepComparison> SweepComparison::compare(LoadSweep a, LoadSweep b)
{
    if (a.scenario() != b.scenario())
        return fail(ErrorKind::Usage, SweepText::tr("a %1 sweep against a %2 sweep: compare sweeps of one kind")
                                          .arg(scenarioName(a.scenario()), scenarioName(b.scenario())));
    return SweepComparison(std::move(a), std::move(b));
}

SweepComparison::SweepComparison(LoadSweep a, LoadSweep b)
    : m_a(std::move(a)), m_b(std::move(b))
{
    QList<double> levels;
    for (const LoadSweep *sweep : {&m_a, &m_b}) {
        for (qsizetype i = 0; i < sweep->runs().size(); ++i)
            levels.append(sweep->levels().at(i));
    }
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    const auto indexOf = [](const LoadSweep &sweep, double level) -> std::optional<qsizetype> {
        for (qsizetype i = 0; i < sweep.runs().size(); ++i) {
            if (sweep.levels().at(i) == level)
                return i;
        }
        return std::nullopt;
    };
    for (const double level : std::as_const(levels))
        m_rows.append(Row{level, indexOf(m_a, level), indexOf(m_b, level)});
}

std::optional<double> SweepComparison::bestRatio() const
{
    const auto a = m_a.best();
    const auto b = m_b.best();
    if (!a || !b || !(m_a.runs().at(*a).rowsPerS > 0))
        return std::nullopt;
    return m_b.runs().at(*b).rowsPerS / m_a.runs().at(*a).rowsPerS;
}

QStringList SweepComparison::regressions(double maxPct) const
{
    QStringList found;
    const auto a = m_a.best();
    const auto b = m_b.best();
    if (a && !b) {
        found.append(SweepText::tr("B has no VALID level (A's best: %1 · %2 rows/s)")
                         .arg(m_a.levelName(m_a.levels().at(*a)), grouped(m_a.runs().at(*a).rowsPerS)));
    } else if (const auto ratio = bestRatio(); ratio && (1.0 - *ratio) * 100.0 > maxPct) {
        found.append(SweepText::tr("best rows/s fell by %1 %: %2 · %3 → %4 · %5")
                         .arg(QString::number((1.0 - *ratio) * 100.0, 'f', 1),
                              m_a.levelName(m_a.levels().at(*a)), grouped(m_a.runs().at(*a).rowsPerS),
                              m_b.levelName(m_b.levels().at(*b)), grouped(m_b.runs().at(*b).rowsPerS)));
    }
    return found;
}

namespace {

QString ratioText(double b, double a)
{
    return a > 0 ? QString::number(b / a, 'f', 2) : QStringLiteral("—");
}

QString bestText(const LoadSweep &sweep)
{
    const QString started = sweep.startedAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const auto best = sweep.best();
    if (!best)
        return SweepText::tr("%1 · best: none (no level was VALID)").arg(started);
    const BenchReport &r = sweep.runs().at(*best);
    return SweepText::tr("%1 · best: %2 · %3 rows/s · p99 %4 ms")
        .arg(started, sweep.levelName(sweep.levels().at(*best)), grouped(r.rowsPerS))
        .arg(r.latency.p99, 0, 'f', 3);
}

QJsonObject levelJson(const BenchReport &r)
{
    return QJsonObject{{QStringLiteral("rows_per_s"), r.rowsPerS},
                       {QStringLiteral("p99_ms"), r.latency.p99},
                       {QStringLiteral("verdict"), r.verdict}};
}

QJsonObject sideJson(const LoadSweep &sweep)
{
    const QJsonObject whole = sweep.toJson();
    return QJsonObject{{QStringLiteral("started_at"),
                        sweep.startedAt().isValid()
                            ? QJsonValue(sweep.startedAt().toUTC().toString(Qt::ISODateWithMs))
                            : QJsonValue()},
                       {QStringLiteral("id"), sweep.id()},
                       {QStringLiteral("best"), whole.value(QStringLiteral("best"))},
                       {QStringLiteral("ended_early"), whole.value(QStringLiteral("ended_early"))}};
}

} // namespace

QString SweepComparison::table() const
{
    const QString load = m_a.scenario() == Scenario::Concurrency ? SweepText::tr("concurrency")
                                                                  : SweepText::tr("batches/s");
    const int loadWidth = int(std::max<qsizetype>(12, load.size()));
    QString text;
    QTextStream s(&text);
    s << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8")
             .arg(load, loadWidth)
             .arg(SweepText::tr("A rows/s"), 14)
             .arg(SweepText::tr("B rows/s"), 14)
             .arg(SweepText::tr("B/A"), 6)
             .arg(SweepText::tr("A p99 ms"), 10)
             .arg(SweepText::tr("B p99 ms"), 10)
             .arg(SweepText::tr("B/A"), 6)
             .arg(SweepText::tr("verdicts A · B"))
      << '\n';
    const QString none = QStringLiteral("—");
    for (const Row &row : m_rows) {
        const BenchReport *a = row.a ? &m_a.runs().at(*row.a) : nullptr;
        const BenchReport *b = row.b ? &m_b.runs().at(*row.b) : nullptr;
        s << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8 · %9")
                 .arg(number(row.level), loadWidth)
                 .arg(a ? grouped(a->rowsPerS) : none, 14)
                 .arg(b ? grouped(b->rowsPerS) : none, 14)
                 .arg(a && b ? ratioText(b->rowsPerS, a->rowsPerS) : none, 6)
                 .arg(a ? QString::number(a->latency.p99, 'f', 3) : none, 10)
                 .arg(b ? QString::number(b->latency.p99, 'f', 3) : none, 10)
                 .arg(a && b ? ratioText(b->latency.p99, a->latency.p99) : none, 6)
                 .arg(a ? a->verdict : none, b ? b->verdict : none)
          << '\n';
    }
    s << bests();
    return text;
}

QString SweepComparison::bests() const
{
    QString text = SweepText::tr("A  %1").arg(bestText(m_a)) + u'\n';
    text += SweepText::tr("B  %1").arg(bestText(m_b)) + u'\n';
    if (const auto ratio = bestRatio())
        text += SweepText::tr("best rows/s B / A: %1").arg(QString::number(*ratio, 'f', 2)) + u'\n';
    return text;
}

QJsonObject SweepComparison::toJson() const
{
    QJsonArray levels;
    for (const Row &row : m_rows) {
        levels.append(QJsonObject{
            {QStringLiteral("level"), row.level},
            {QStringLiteral("a"), row.a ? QJsonValue(levelJson(m_a.runs().at(*row.a))) : QJsonValue()},
            {QStringLiteral("b"), row.b ? QJsonValue(levelJson(m_b.runs().at(*row.b))) : QJsonValue()}});
    }
    const auto ratio = bestRatio();
    return QJsonObject{{QStringLiteral("sweep"), scenarioName(m_a.scenario())},
                       {QStringLiteral("a"), sideJson(m_a)},
                       {QStringLiteral("b"), sideJson(m_b)},
                       {QStringLiteral("levels"), levels},
                       {QStringLiteral("best_ratio"), ratio ? QJsonValue(*ratio) : QJsonValue()}};
}

} // namespace Opsdeck::Core
