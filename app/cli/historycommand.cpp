// opsdeck --batch history list|show|sweep|compare|remove: the run history the GUI's Scoring page lists and
// `bench --history` appends to, read from the command line (a cron job's runs, a trend, the last run against the
// one before, a load sweep).
#include "cli/cli.h"
#include "cli/table.h"
#include "common/error.h"
#include "scoring/benchhistory.h"
#include "scoring/loadsweep.h"
#include "scoring/runcomparison.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace Opsdeck::Cli {
namespace {

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Cli", text);
}

// Numbers as the reports write them: C locale with digit grouping ("1,234,567").
QLocale reportLocale()
{
    QLocale l = QLocale::c();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l;
}

QString milliseconds(double v)
{
    return QString::number(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3);
}

// The scenario key with its load, as the table shows it: "concurrency 8", "rate 400/s", "offline".
QString scenarioText(const Core::BenchHistoryEntry &e)
{
    if (e.load <= 0)
        return e.scenario;
    const QString text = e.scenario == u"rate" ? QStringLiteral("rate %1/s").arg(e.load)
                                               : QStringLiteral("%1 %2").arg(e.scenario).arg(e.load);
    return e.sweepId.isEmpty() ? text : tr("%1, sweep").arg(text);   // history sweep N draws the whole sweep
}

// The runs of the history (of one backend with --backend), newest first: run 1 is the last one kept.
struct Runs
{
    Core::BenchHistory history;
    QList<Core::BenchHistoryEntry> newestFirst;
};

class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Cli)   // the context of the free tr() above, for lupdate and at run time

public:
    enum class Output
    {
        TextOrJson,
        Text
    };

    HistoryCommand(CommandContext &ctx, QString name, Output output = Output::TextOrJson)
        : m_ctx(ctx), m_name(std::move(name)), m_output(output)
    {
        if (output == Output::TextOrJson)
            m_parser.addOption({QStringLiteral("json"), tr("Print JSON on stdout.")});
        m_parser.addOption({QStringLiteral("backend"), tr("Only the runs of this backend id."), QStringLiteral("ID")});
    }

    QCommandLineParser &parser() { return m_parser; }

    /// Parses the arguments; false after saying what is wrong (exit 2).
    bool parse(qsizetype maxPositional)
    {
        if (!m_parser.parse(m_ctx.args))
            return usage(m_parser.errorText());
        if (m_parser.positionalArguments().size() > maxPositional)
            return usage(tr("unexpected argument '%1'")
                             .arg(m_parser.positionalArguments().mid(maxPositional).join(u' ')));
        return true;
    }

    bool usage(const QString &message)
    {
        m_ctx.err << "opsdeck " << m_name << ": " << message << Qt::endl;
        return false;
    }

    bool json() const { return m_output == Output::TextOrJson && m_parser.isSet(QStringLiteral("json")); }

    /// --max-regression PCT (an option the command added): `*pct` is set when it was given; false after saying
    /// what is wrong with it (exit 2).
    bool maxRegression(std::optional<double> *pct)
    {
        if (!m_parser.isSet(QStringLiteral("max-regression")))
            return true;
        bool ok = false;
        const double value = m_parser.value(QStringLiteral("max-regression")).toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0)
            return usage(tr("--max-regression needs a percentage of 0 or more (e.g. 10)"));
        *pct = value;
        return true;
    }

    /// Reads the history; nullopt after saying why it cannot be read (exit 2).
    std::optional<Runs> read()
    {
        Runs runs;
        const QList<Core::BenchHistoryEntry> all = runs.history.list();
        if (!runs.history.readError().isEmpty()) {
            m_ctx.err << "opsdeck " << m_name << ": " << runs.history.readError() << Qt::endl;
            return std::nullopt;
        }
        if (runs.history.skippedLines() > 0)
            m_ctx.err << "opsdeck " << m_name << ": "
                      << tr("%1 damaged entries skipped in %2")
                             .arg(runs.history.skippedLines())
                             .arg(runs.history.path())
                      << Qt::endl;
        const QString backend = m_parser.value(QStringLiteral("backend"));
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (backend.isEmpty() || it->backend == backend)
                runs.newestFirst.append(*it);
        }
        return runs;
    }

    /// The run `text` names (1 = the newest), loaded; nullopt after saying why not.
    std::optional<Core::BenchReport> load(const Runs &runs, const QString &text)
    {
        const auto found = entry(runs, text);
        if (!found)
            return std::nullopt;
        auto report = runs.history.load(found->id);
        if (!report) {
            m_ctx.err << "opsdeck " << m_name << ": " << report.error().message << Qt::endl;
            return std::nullopt;
        }
        // Another process may have compacted the file between the listing and this read: the offset then names
        // another run, or none.
        if (report->startedAt != found->startedAt || report->backend != found->backend) {
            m_ctx.err << "opsdeck " << m_name << ": "
                      << tr("%1: the history changed on disk while it was read; run the command again")
                             .arg(runs.history.path())
                      << Qt::endl;
            return std::nullopt;
        }
        return *report;
    }

    /// The listed run `text` names (1 = the newest); nullopt after saying why there is none.
    std::optional<Core::BenchHistoryEntry> entry(const Runs &runs, const QString &text)
    {
        bool ok = false;
        const qsizetype number = text.toLongLong(&ok);
        const QString backend = m_parser.value(QStringLiteral("backend"));
        if (!ok || number < 1 || number > runs.newestFirst.size()) {
            const QString kept = backend.isEmpty()
                                     ? tr("%1 holds %2 runs").arg(runs.history.path()).arg(runs.newestFirst.size())
                                     : tr("%1 holds %2 runs of %3")
                                           .arg(runs.history.path())
                                           .arg(runs.newestFirst.size())
                                           .arg(backend);
            usage(runs.newestFirst.isEmpty()
                      ? tr("no run '%1': %2").arg(text, kept)
                      : tr("no run '%1': runs are numbered from 1, the newest, to %2 (%3)")
                            .arg(text)
                            .arg(runs.newestFirst.size())
                            .arg(kept));
            return std::nullopt;
        }
        return runs.newestFirst.at(number - 1);
    }

private:
    CommandContext &m_ctx;
    QString m_name;
    Output m_output;
    QCommandLineParser m_parser;
};

int runHistoryList(CommandContext &ctx)
{
    HistoryCommand command(ctx, QStringLiteral("history list"));
    command.parser().addOption({QStringLiteral("last"), tr("Only the N newest runs."), QStringLiteral("N")});
    command.parser().addOption(
        {QStringLiteral("csv"), tr("Print the runs' full reports as CSV on stdout, oldest first (the columns of bench "
                                   "--report FILE.csv).")});
    if (!command.parse(0))
        return ExitUsage;
    const bool csv = command.parser().isSet(QStringLiteral("csv"));
    if (csv && command.json()) {
        command.usage(tr("--csv and --json exclude each other"));
        return ExitUsage;
    }
    qsizetype last = -1;
    if (command.parser().isSet(QStringLiteral("last"))) {
        bool ok = false;
        last = command.parser().value(QStringLiteral("last")).toLongLong(&ok);
        if (!ok || last < 1) {
            command.usage(tr("--last needs a whole number of runs from 1"));
            return ExitUsage;
        }
    }
    const auto runs = command.read();
    if (!runs)
        return ExitUsage;
    const qsizetype shown = last < 0 ? runs->newestFirst.size() : std::min(last, runs->newestFirst.size());

    if (csv) {
        // Each run's whole report, read before anything is printed: a run that cannot be read prints nothing.
        QStringList lines{Core::BenchReport::csvHeader().join(u',')};
        for (qsizetype i = shown - 1; i >= 0; --i) {
            const auto report = command.load(*runs, QString::number(i + 1));
            if (!report)
                return ExitUsage;
            lines.append(report->csvRow());
        }
        ctx.out << lines.join(u'\n') << '\n';
        return ExitOk;
    }
    if (command.json()) {
        QJsonArray array;
        for (qsizetype i = 0; i < shown; ++i) {
            const Core::BenchHistoryEntry &e = runs->newestFirst.at(i);
            array.append(QJsonObject{{QStringLiteral("number"), qint64(i + 1)},
                                     {QStringLiteral("started_at"), e.startedAt.toUTC().toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("backend"), e.backend},
                                     {QStringLiteral("model"), e.model},
                                     {QStringLiteral("scenario"), e.scenario},
                                     {QStringLiteral("load"), e.load},
                                     {QStringLiteral("rows"), e.rows},
                                     {QStringLiteral("rows_per_s"), e.rowsPerS},
                                     {QStringLiteral("p99_ms"), e.p99Ms},
                                     {QStringLiteral("verdict"), e.verdict},
                                     {QStringLiteral("sweep_id"),
                                      e.sweepId.isEmpty() ? QJsonValue() : QJsonValue(e.sweepId)}});
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    TextTable table({tr("#"), tr("STARTED"), tr("BACKEND"), tr("SCENARIO"), tr("ROWS"), tr("ROWS/S"), tr("P99 MS"),
                     tr("VERDICT"), tr("MODEL")});
    for (int column : {0, 4, 5, 6})
        table.setRightAligned(column);
    const QLocale locale = reportLocale();
    for (qsizetype i = 0; i < shown; ++i) {
        const Core::BenchHistoryEntry &e = runs->newestFirst.at(i);
        const bool invalid = e.verdict != u"VALID";
        table.addRow({QString::number(i + 1), e.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                      e.backend, scenarioText(e), locale.toString(e.rows), locale.toString(e.rowsPerS, 'f', 0),
                      milliseconds(e.p99Ms), e.verdict, e.model},
                     invalid && ctx.colour() ? QByteArrayLiteral("31") : QByteArray());
    }
    ctx.out << table.render();
    if (runs->newestFirst.isEmpty())
        ctx.err << tr("opsdeck history list: no runs in %1 (opsdeck --batch bench --history and the GUI's Scoring "
                      "page keep them)")
                       .arg(runs->history.path())
                << Qt::endl;
    return ExitOk;
}

int runHistoryShow(CommandContext &ctx)
{
    HistoryCommand command(ctx, QStringLiteral("history show"));
    command.parser().addPositionalArgument(QStringLiteral("N"), tr("the run, 1 the newest (default 1)"));
    if (!command.parse(1))
        return ExitUsage;
    const auto runs = command.read();
    if (!runs)
        return ExitUsage;
    const QStringList positional = command.parser().positionalArguments();
    const auto report = command.load(*runs, positional.isEmpty() ? QStringLiteral("1") : positional.first());
    if (!report)
        return ExitUsage;
    if (command.json())
        ctx.out << QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented);
    else
        ctx.out << report->humanSummary();
    return ExitOk;
}

// history sweep [N] [--against M]: the load sweep run N was a level of (default: the newest sweep), drawn again
// from its levels in the history: the table bench printed as the levels ended, the best level and why it ended
// early; with --against, level by level against the sweep of run M (the baseline).
int runHistorySweep(CommandContext &ctx)
{
    HistoryCommand command(ctx, QStringLiteral("history sweep"));
    command.parser().addPositionalArgument(QStringLiteral("N"),
                                           tr("a run of the sweep, any of its levels (default: the newest sweep)"));
    command.parser().addOption({QStringLiteral("against"),
                                tr("Compare it level by level with the sweep run M was a level of (the baseline, A)."),
                                QStringLiteral("M")});
    command.parser().addOption({QStringLiteral("max-regression"),
                                tr("With --against: exit 3 when the best rows/s fell by more than PCT % from A's, or "
                                   "no level was VALID where A had one."),
                                QStringLiteral("PCT")});
    if (!command.parse(1))
        return ExitUsage;
    const bool against = command.parser().isSet(QStringLiteral("against"));
    std::optional<double> maxRegression;
    if (!command.maxRegression(&maxRegression))
        return ExitUsage;
    if (maxRegression && !against) {
        command.usage(tr("--max-regression needs --against (the sweep to compare with)"));
        return ExitUsage;
    }
    const auto runs = command.read();
    if (!runs)
        return ExitUsage;
    const QString hint = tr("bench --concurrency 1..64 or --rate 100,200,400 with --history, or the Scoring page's "
                            "Sweep");
    // The sweep id of the run `text` names; empty after saying why there is none.
    const auto sweepOf = [&](const QString &text) -> QString {
        const auto entry = command.entry(*runs, text);
        if (!entry)
            return {};
        if (entry->sweepId.isEmpty())
            command.usage(tr("run %1 was not a level of a load sweep (%2)").arg(text, hint));
        return entry->sweepId;
    };
    // The sweep with that id, from its levels in the history; nullopt after saying why not.
    const auto sweepWith = [&](const QString &id) -> std::optional<Core::LoadSweep> {
        QList<Core::BenchReport> levels;
        for (qsizetype i = 0; i < runs->newestFirst.size(); ++i) {
            if (runs->newestFirst.at(i).sweepId != id)
                continue;
            const auto report = command.load(*runs, QString::number(i + 1));
            if (!report)
                return std::nullopt;
            levels.append(*report);
        }
        auto sweep = Core::LoadSweep::fromRuns(std::move(levels));
        if (!sweep) {
            ctx.err << "opsdeck history sweep: " << sweep.error().message << Qt::endl;
            return std::nullopt;
        }
        return std::move(*sweep);
    };

    const QStringList positional = command.parser().positionalArguments();
    QString sweepId;
    if (!positional.isEmpty()) {
        sweepId = sweepOf(positional.first());
        if (sweepId.isEmpty())
            return ExitUsage;
    } else {
        const auto newest = std::find_if(runs->newestFirst.cbegin(), runs->newestFirst.cend(),
                                         [](const Core::BenchHistoryEntry &e) { return !e.sweepId.isEmpty(); });
        if (newest == runs->newestFirst.cend()) {
            command.usage(tr("no load sweep in %1 (%2)").arg(runs->history.path(), hint));
            return ExitUsage;
        }
        sweepId = newest->sweepId;
    }
    QString baselineId;
    if (against) {
        baselineId = sweepOf(command.parser().value(QStringLiteral("against")));
        if (baselineId.isEmpty())
            return ExitUsage;
        if (baselineId == sweepId) {
            command.usage(tr("--against names a run of the same sweep"));
            return ExitUsage;
        }
    }
    auto sweep = sweepWith(sweepId);
    if (!sweep)
        return ExitFailed;

    if (against) {
        auto baseline = sweepWith(baselineId);
        if (!baseline)
            return ExitFailed;
        const auto comparison = Core::SweepComparison::compare(std::move(*baseline), std::move(*sweep));
        if (!comparison) {
            command.usage(comparison.error().message);
            return ExitUsage;
        }
        const QStringList regressions = maxRegression ? comparison->regressions(*maxRegression) : QStringList();
        if (command.json()) {
            QJsonObject object = comparison->toJson();
            if (maxRegression) {
                object.insert(QStringLiteral("max_regression_pct"), *maxRegression);
                object.insert(QStringLiteral("regressions"), QJsonArray::fromStringList(regressions));
            }
            ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            ctx.out << comparison->table();
        }
        for (const QString &regression : regressions)
            ctx.err << tr("opsdeck history sweep: B regressed beyond --max-regression %1 %: %2")
                           .arg(*maxRegression)
                           .arg(regression)
                    << Qt::endl;
        return regressions.isEmpty() ? ExitOk : ExitThreshold;
    }

    if (command.json()) {
        ctx.out << QJsonDocument(sweep->toJson()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out << sweep->tableHeader() << '\n';
    for (qsizetype i = 0; i < sweep->runs().size(); ++i)
        ctx.out << sweep->tableRow(i) << '\n';
    ctx.out << sweep->conclusion();   // a sweep whose process was killed mid-way: "2 of 3 levels ran"
    return ExitOk;
}

int runHistoryCompare(CommandContext &ctx)
{
    HistoryCommand command(ctx, QStringLiteral("history compare"));
    command.parser().addPositionalArgument(QStringLiteral("A"), tr("the first run (default 2)"));
    command.parser().addPositionalArgument(QStringLiteral("B"), tr("the second run (default 1, the newest)"));
    command.parser().addOption({QStringLiteral("max-regression"),
                                tr("Exit 3 when B's rows/s is lower, or its p99 latency higher, than A's by more "
                                   "than PCT %."),
                                QStringLiteral("PCT")});
    if (!command.parse(2))
        return ExitUsage;
    std::optional<double> maxRegression;
    if (!command.maxRegression(&maxRegression))
        return ExitUsage;
    const QStringList positional = command.parser().positionalArguments();
    if (positional.size() == 1) {
        command.usage(tr("give two runs (A B), or none for the one before the newest against the newest"));
        return ExitUsage;
    }
    const auto runs = command.read();
    if (!runs)
        return ExitUsage;
    const auto first = command.load(*runs, positional.isEmpty() ? QStringLiteral("2") : positional.at(0));
    if (!first)
        return ExitUsage;
    const auto second = command.load(*runs, positional.isEmpty() ? QStringLiteral("1") : positional.at(1));
    if (!second)
        return ExitUsage;

    const Core::RunComparison comparison(*first, *second, reportLocale());
    const QStringList regressions = maxRegression ? comparison.regressions(*maxRegression) : QStringList();
    const int exitCode = regressions.isEmpty() ? ExitOk : ExitThreshold;
    if (command.json()) {
        QJsonObject object = comparison.toJson();
        if (maxRegression) {
            object.insert(QStringLiteral("max_regression_pct"), *maxRegression);
            object.insert(QStringLiteral("regressions"), QJsonArray::fromStringList(regressions));
        }
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return exitCode;
    }
    TextTable table({tr("METRIC"), tr("A"), tr("B"), tr("B − A"), tr("B / A")});
    // A and B hold text as well as numbers (the model, the input): left-aligned, as the reports write them.
    for (int column : {3, 4})
        table.setRightAligned(column);
    for (const Core::RunComparisonRow &row : comparison.rows()) {
        const int judgement = row.judgement();
        table.addRow({row.label, row.first, row.second, row.difference, row.ratio},
                     judgement == 0 || !ctx.colour() ? QByteArray()
                     : judgement > 0                 ? QByteArrayLiteral("32")
                                                     : QByteArrayLiteral("31"));
    }
    ctx.out << table.render();
    for (const QString &regression : regressions)
        ctx.err << tr("opsdeck history compare: B regressed beyond --max-regression %1 %: %2")
                       .arg(*maxRegression)
                       .arg(regression)
                << Qt::endl;
    return exitCode;
}

int runHistoryRemove(CommandContext &ctx)
{
    HistoryCommand command(ctx, QStringLiteral("history remove"), HistoryCommand::Output::Text);
    command.parser().addPositionalArgument(QStringLiteral("N"), tr("the runs to remove, 1 the newest"),
                                           QStringLiteral("N…"));
    if (!command.parse(std::numeric_limits<qsizetype>::max()))
        return ExitUsage;
    const QStringList positional = command.parser().positionalArguments();
    if (positional.isEmpty()) {
        command.usage(tr("name the runs to remove (numbers as history list shows them)"));
        return ExitUsage;
    }
    auto runs = command.read();
    if (!runs)
        return ExitUsage;
    // Every number is checked before anything is removed: a typo removes nothing.
    QList<Core::BenchHistoryEntry> entries;
    for (const QString &text : positional) {
        const auto entry = command.entry(*runs, text);
        if (!entry)
            return ExitUsage;
        if (std::none_of(entries.cbegin(), entries.cend(),
                         [&entry](const Core::BenchHistoryEntry &e) { return e.id == entry->id; }))
            entries.append(*entry);
    }
    if (auto removed = runs->history.remove(entries); !removed) {
        ctx.err << "opsdeck history remove: " << removed.error().message << Qt::endl;
        return removed.error().exitCode();
    }
    ctx.err << tr("opsdeck history remove: removed %1 runs from %2").arg(entries.size()).arg(runs->history.path())
            << Qt::endl;
    return ExitOk;
}

const CommandRegistration listRegistration{{
    QStringLiteral("history list"),
    QStringLiteral(QT_TRANSLATE_NOOP(
        "Cli", "the benchmark runs kept in the run history (bench --history, the GUI), newest first, numbered from 1")),
    QStringLiteral("[--last N] [--backend ID] [--json | --csv]"),
    &runHistoryList,
}};

const CommandRegistration showRegistration{{
    QStringLiteral("history show"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "one kept run's report, as bench printed it (1 = the newest)")),
    QStringLiteral("[N] [--backend ID] [--json]"),
    &runHistoryShow,
}};

const CommandRegistration sweepRegistration{{
    QStringLiteral("history sweep"),
    QStringLiteral(QT_TRANSLATE_NOOP(
        "Cli", "the load sweep a kept run was a level of (default: the newest sweep): its levels, the best one and "
               "why it ended early, as bench printed them; --against M: level by level against run M's sweep, exit "
               "3 when its best rows/s fell beyond --max-regression")),
    QStringLiteral("[N] [--against M [--max-regression PCT]] [--backend ID] [--json]"),
    &runHistorySweep,
}};

const CommandRegistration removeRegistration{{
    QStringLiteral("history remove"),
    QStringLiteral(QT_TRANSLATE_NOOP(
        "Cli", "remove kept runs from the run history (numbers as history list shows them; all checked first)")),
    QStringLiteral("N… [--backend ID]"),
    &runHistoryRemove,
}};

const CommandRegistration compareRegistration{{
    QStringLiteral("history compare"),
    QStringLiteral(QT_TRANSLATE_NOOP(
        "Cli", "two kept runs side by side with B − A and B / A (default: run 2 against run 1, the newest); "
               "exit 3 when B regressed beyond --max-regression")),
    QStringLiteral("[A B] [--backend ID] [--max-regression PCT] [--json]"),
    &runHistoryCompare,
}};

} // namespace
} // namespace Opsdeck::Cli
