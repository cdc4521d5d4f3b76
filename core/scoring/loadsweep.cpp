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

} // namespace Opsdeck::Core
