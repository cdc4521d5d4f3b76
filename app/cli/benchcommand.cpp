// opsdeck --batch bench: benchmarks a model backend (built-in synthetic linear model by default) and judges the
// run. See `opsdeck --batch bench --help` for the options and README for the exit codes.
#include "cli/cli.h"
#include "common/error.h"
#include "config/profilestore.h"
#include "scoring/backendspec.h"
#include "scoring/benchhistory.h"
#include "scoring/benchreport.h"
#include "scoring/benchrun.h"
#include "scoring/capacityplan.h"
#include "scoring/loadsweep.h"
#include "scoring/pluginregistry.h"
#include "scoring/remoteaccess.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtCore/QTextStream>
#include <QtCore/QThread>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unistd.h>

namespace Opsdeck::Cli {
namespace {

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Cli", text);
}

const QString Prefix = QStringLiteral("opsdeck bench: ");
// Wider rows than this are no scoring workload (the plugins' own `features` options and profiles stop here too).
constexpr qint64 MaxFeatures = Core::maxFeatures;

// Typed option readers: every error names the option and quotes the value.
class Options
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Cli)

public:
    explicit Options(QCommandLineParser &parser)
        : m_parser(parser)
    {
    }

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }

    std::optional<qint64> count(const QString &name, qint64 minimum = 1,
                                qint64 maximum = std::numeric_limits<qint64>::max())
    {
        if (!isSet(name))
            return std::nullopt;
        const QString text = value(name);
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok || n < minimum) {
            fail(tr("--%1: '%2' is not a whole number ≥ %3").arg(name, text).arg(minimum));
            return std::nullopt;
        }
        if (n > maximum) {
            fail(tr("--%1: %2 is more than the %3 this option allows").arg(name, text).arg(maximum));
            return std::nullopt;
        }
        return n;
    }

    // A file option given as "" (an unset shell variable, say) is refused: leaving it out would measure something
    // else than asked for.
    QString path(const QString &name)
    {
        if (!isSet(name))
            return {};
        QString text = value(name);
        if (text.trimmed().isEmpty())
            fail(tr("--%1: empty file name").arg(name));
        return text;
    }

    std::optional<double> real(const QString &name, double minimum, bool allowEqual)
    {
        if (!isSet(name))
            return std::nullopt;
        const QString text = value(name);
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < minimum || (!allowEqual && v == minimum)) {
            fail(allowEqual ? tr("--%1: '%2' is not a number ≥ %3").arg(name, text).arg(minimum)
                            : tr("--%1: '%2' is not a number > %3").arg(name, text).arg(minimum));
            return std::nullopt;
        }
        return v;
    }

    std::optional<double> duration(const QString &name, bool allowZero)
    {
        if (!isSet(name))
            return std::nullopt;
        const QString text = value(name);
        if (allowZero) {
            // "0", "0s", "0.0m": none at all (parseDuration() refuses zero, which is right for run lengths).
            QString number = text.trimmed();
            if (!number.isEmpty() && QStringLiteral("smhdSMHD").contains(number.back()))
                number.chop(1);
            bool ok = false;
            const double v = number.trimmed().toDouble(&ok);
            if (ok && v == 0.0)
                return 0.0;
            if (ok && v < 0) {
                fail(tr("--%1: '%2' is negative (0 for none)").arg(name, text));
                return std::nullopt;
            }
        }
        auto parsed = Core::parseDuration(text);
        if (!parsed) {
            fail(u"--" + name + u": " + parsed.error().message);
            return std::nullopt;
        }
        return *parsed;
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    [[nodiscard]] QString error() const { return m_error; }

private:
    QCommandLineParser &m_parser;
    QString m_error;
};

QString grouped(double v, int decimals = 0)
{
    QLocale l = QLocale::c();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(v, 'f', decimals);
}

int runBench(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList valued;
    auto opt = [&parser, &valued](const char *name, const char *description, const char *valueName = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), tr(description));
        if (valueName) {
            o.setValueName(QString::fromLatin1(valueName));
            valued << QString::fromLatin1(name);
        }
        parser.addOption(o);
    };
    opt("backend", QT_TR_NOOP("backend id or spec ID[,key=value]… (default linear)"), "SPEC");
    opt("model", QT_TR_NOOP("model file"), "PATH");
    opt("endpoint", QT_TR_NOOP("remote endpoint URL, or the name of a scoring endpoint of the profile (repeatable)"),
        "URL|NAME");
    opt("protocol", QT_TR_NOOP("remote protocol: float32 or json"), "NAME");
    opt("option", QT_TR_NOOP("backend option key=value (repeatable)"), "KEY=VALUE");
    opt("features", QT_TR_NOOP("input columns (default: the model's, else 100)"), "N");
    opt("rows", QT_TR_NOOP("rows to score (default 2000000 in-process, 20000 remote)"), "N");
    opt("duration", QT_TR_NOOP("run for this long instead of a number of rows (90s, 15m, 2h, seconds)"), "SEC");
    opt("batch-size", QT_TR_NOOP("rows per batch (default 10000 in-process, 1000 remote)"), "N");
    opt("scenario", QT_TR_NOOP("offline, concurrency or rate (default offline)"), "NAME");
    opt("concurrency",
        QT_TR_NOOP("closed loop: batches outstanding; several (1,2,4 or 1..64, doubling) sweep them, one run each"),
        "N");
    opt("rate", QT_TR_NOOP("open loop: batches per second; several (100,200 or 100..1600, doubling) sweep them"),
        "BATCHES_PER_S");
    opt("poisson", QT_TR_NOOP("open loop: Poisson arrivals instead of a fixed interval"));
    opt("warmup", QT_TR_NOOP("warm-up seconds, not measured (default 0.3 offline, else 1)"), "SEC");
    opt("input", QT_TR_NOOP("input rows: .npy or .csv (text backends: one line per row)"), "FILE");
    opt("threads", QT_TR_NOOP("host threads for in-process backends (default: the ideal thread count)"), "N");
    opt("no-pin", QT_TR_NOOP("do not pin in-process worker threads to CPUs (by default worker i runs on the i-th CPU "
                             "when there are no more threads than CPUs)"));
    opt("seed", QT_TR_NOOP("seed of the synthetic data and the Poisson schedule (default 42)"), "N");
    opt("max-p99", QT_TR_NOOP("threshold: the p99 latency must not exceed this"), "MS");
    opt("min-throughput", QT_TR_NOOP("threshold: the throughput must reach this"), "ROWS_PER_S");
    opt("max-error-rate",
        QT_TR_NOOP("threshold: at most this percentage of the batches may fail (default: none may; 0.5, 1%)"), "PCT");
    opt("report", QT_TR_NOOP("also write the report to FILE.json or append it to FILE.csv"), "FILE");
    opt("json", QT_TR_NOOP("print the report as one JSON object on stdout"));
    opt("history", QT_TR_NOOP("also keep the run in the run history the GUI's Scoring page lists"));
    opt("compare", QT_TR_NOOP("cross-check: score the same rows with this backend spec and compare"), "SPEC");
    opt("tolerance", QT_TR_NOOP("cross-check tolerance, absolute or relative (default 1e-5)"), "X");
    opt("capacity-rows", QT_TR_NOOP("capacity plan: rows to score …"), "N");
    opt("capacity-within", QT_TR_NOOP("… within this duration (90s, 15m, 2h, seconds)"), "DURATION");
    parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, tr("show this help")));

    if (!parser.parse(ctx.args)) {
        ctx.err << Prefix << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        ctx.err << Prefix << tr("unexpected argument '%1'").arg(parser.positionalArguments().join(u' ')) << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << tr("Usage: opsdeck --batch bench [OPTIONS]") << "\n\n" << parser.helpText().section(u'\n', 2)
                << "\n"
                << tr("Latency runs from each batch's scheduled time (open loop: a batch delayed because every "
                      "slot is busy counts its wait). Stability: the last 3 one-second windows within ±10% of their "
                      "mean rows/s, or within one batch per slot where that is more (rate runs: each of them "
                      "completed within ±10% or one batch of the rows scheduled in it); a run shorter than 3 "
                      "windows is cut into 4 to 10 groups of equal batch count, each at least 50 ms long, the last "
                      "3 judged the same way. A run too short for 4 such groups (under 0.2 s), or a Poisson run "
                      "shorter than 3 windows, is not judged, which does not make it INVALID. A rate run sends "
                      "nothing after its schedule ends and is INVALID when it sent fewer than 90% of its scheduled "
                      "batches. Stopped (--timeout, a signal), a run does not wait for remote batches in flight.")
                << "\n"
                << tr("Exit codes: 0 VALID · 1 failed batches, stopped or INVALID (unstable, cross-check over "
                      "tolerance) · 2 usage or input error · 3 threshold breached · 4 endpoint refused the "
                      "credentials (HTTP 401/403 before any batch was scored) · 5 endpoint unreachable")
                << Qt::endl;
        return ExitOk;
    }

    Options o(parser);
    Core::BenchOptions options;

    // Options that take one value: given twice, which one was meant is anybody's guess.
    for (const QString &name : std::as_const(valued)) {
        if (name != u"endpoint" && name != u"option" && parser.values(name).size() > 1)
            o.fail(tr("--%1: given twice").arg(name));
    }

    // Backend: a spec, then the single options on top.
    {
        auto spec = Core::BackendSpec::parse(o.isSet(QStringLiteral("backend")) ? o.value(QStringLiteral("backend"))
                                                                                 : QStringLiteral("linear"));
        if (!spec) {
            ctx.err << Prefix << QStringLiteral("--backend: ") << spec.error().message << Qt::endl;
            return ExitUsage;
        }
        options.backend = *spec;
        auto apply = [&](const QString &key, const QString &value, const QString &option) {
            if (auto ok = options.backend.set(key, value); !ok)
                o.fail(u"--" + option + u": " + ok.error().message);
        };
        if (o.isSet(QStringLiteral("model")))
            apply(QStringLiteral("model"), o.value(QStringLiteral("model")), QStringLiteral("model"));
        for (const QString &e : parser.values(QStringLiteral("endpoint")))
            apply(QStringLiteral("endpoint"), e, QStringLiteral("endpoint"));
        if (o.isSet(QStringLiteral("protocol"))) {
            const QString protocol = o.value(QStringLiteral("protocol"));
            if (protocol != u"float32" && protocol != u"json")
                o.fail(tr("--protocol: '%1' is not float32 or json").arg(protocol));
            apply(QStringLiteral("protocol"), protocol, QStringLiteral("protocol"));
        }
        for (const QString &kv : parser.values(QStringLiteral("option"))) {
            const qsizetype eq = kv.indexOf(u'=');
            if (eq <= 0 || kv.left(eq).trimmed().isEmpty())
                o.fail(tr("--option: '%1' is not key=value").arg(kv));
            else
                apply(kv.left(eq).trimmed(), kv.mid(eq + 1), QStringLiteral("option"));
        }
    }

    if (auto f = o.count(QStringLiteral("features"), 1, MaxFeatures)) {
        options.features = qsizetype(*f);
        if (options.backend.features)
            o.fail(tr("--features: given twice (also features= in --backend or --option)"));
    }
    options.rows = o.count(QStringLiteral("rows"));
    options.durationS = o.duration(QStringLiteral("duration"), false);
    if (options.rows && options.durationS)
        o.fail(tr("--rows and --duration exclude each other"));
    if (auto b = o.count(QStringLiteral("batch-size"), 1, std::numeric_limits<qint32>::max()))
        options.batchSize = qsizetype(*b);

    std::optional<Core::Scenario> scenario;
    if (o.isSet(QStringLiteral("scenario"))) {
        scenario = Core::scenarioFromName(o.value(QStringLiteral("scenario")));
        if (!scenario)
            o.fail(tr("--scenario: '%1' is not offline, concurrency or rate").arg(o.value(QStringLiteral("scenario"))));
    }
    // Several levels ("1,2,4,8", "1..64") make a load sweep: one run per level; the first is the scenario's value.
    std::optional<Core::LoadSweep> sweep;
    const auto sweeps = [&o](const QString &name) { return o.isSet(name) && Core::isLoadSweep(o.value(name)); };
    const auto firstLevel = [&](const QString &name, Core::Scenario kind, double minimum, double maximum,
                                bool whole) -> std::optional<double> {
        auto parsed = Core::parseLoadLevels(o.value(name), minimum, maximum, whole);
        if (!parsed) {
            o.fail(u"--" + name + u": " + parsed.error().message);
            return std::nullopt;
        }
        sweep.emplace(kind, *parsed);
        return parsed->constFirst();
    };
    std::optional<qint64> concurrency;
    if (sweeps(QStringLiteral("concurrency"))) {
        if (auto first = firstLevel(QStringLiteral("concurrency"), Core::Scenario::Concurrency, 1, 1'000'000, true))
            concurrency = qint64(*first);
    } else {
        concurrency = o.count(QStringLiteral("concurrency"), 1, 1'000'000);
    }
    std::optional<double> rate;
    if (sweeps(QStringLiteral("rate"))) {
        if (sweep)
            o.fail(tr("--rate: one sweep at a time (--concurrency is one already)"));
        else
            rate = firstLevel(QStringLiteral("rate"), Core::Scenario::Rate, Core::MinRate, Core::MaxRate, false);
    } else {
        rate = o.real(QStringLiteral("rate"), 0, false);
        if (rate && (*rate < Core::MinRate || *rate > Core::MaxRate))
            o.fail(tr("--rate: %1 is outside %2 … %3 batches/s")
                       .arg(o.value(QStringLiteral("rate")))
                       .arg(Core::MinRate)
                       .arg(QLocale::c().toString(Core::MaxRate, 'f', 0)));
    }
    if (!scenario)
        scenario = rate ? Core::Scenario::Rate : concurrency ? Core::Scenario::Concurrency : Core::Scenario::Offline;
    options.scenario = *scenario;
    if (concurrency && options.scenario != Core::Scenario::Concurrency)
        o.fail(tr("--concurrency needs --scenario concurrency"));
    if (rate && options.scenario != Core::Scenario::Rate)
        o.fail(tr("--rate needs --scenario rate"));
    if (options.scenario == Core::Scenario::Rate && !o.isSet(QStringLiteral("rate")))
        o.fail(tr("--scenario rate needs --rate BATCHES_PER_S"));
    if (o.isSet(QStringLiteral("poisson")) && options.scenario != Core::Scenario::Rate)
        o.fail(tr("--poisson needs --scenario rate"));
    options.concurrency = int(concurrency.value_or(1));
    options.rate = rate.value_or(0);
    options.poisson = o.isSet(QStringLiteral("poisson"));
    options.warmupS = o.duration(QStringLiteral("warmup"), true);
    options.inputFile = o.path(QStringLiteral("input"));
    if (auto t = o.count(QStringLiteral("threads"), 1, 4096))
        options.threads = int(*t);
    options.pinThreads = !o.isSet(QStringLiteral("no-pin"));
    if (o.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = o.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            o.fail(tr("--seed: '%1' is not a whole number ≥ 0").arg(o.value(QStringLiteral("seed"))));
    }
    options.maxP99Ms = o.real(QStringLiteral("max-p99"), 0, false);
    options.minThroughput = o.real(QStringLiteral("min-throughput"), 0, true);
    if (o.isSet(QStringLiteral("max-error-rate"))) {
        const QString text = o.value(QStringLiteral("max-error-rate"));
        QString number = text.trimmed();
        if (number.endsWith(u'%'))
            number = number.chopped(1).trimmed();
        bool ok = false;
        const double pct = number.toDouble(&ok);
        if (!ok || !std::isfinite(pct) || pct < 0 || pct > 100)
            o.fail(tr("--max-error-rate: '%1' is not a percentage from 0 to 100").arg(text));
        else
            options.maxErrorRatePct = pct;
    }

    const QString reportFile = o.path(QStringLiteral("report"));
    const QString reportSuffix = QFileInfo(reportFile).suffix().toLower();
    if (!reportFile.isEmpty() && reportSuffix != u"json" && reportSuffix != u"csv")
        o.fail(tr("--report: '%1' must end in .json or .csv").arg(reportFile));

    if (o.isSet(QStringLiteral("compare"))) {
        auto spec = Core::BackendSpec::parse(o.value(QStringLiteral("compare")));
        if (!spec)
            o.fail(u"--compare: " + spec.error().message);
        else
            options.compare = *spec;
    }
    if (auto tol = o.real(QStringLiteral("tolerance"), 0, true)) {
        if (!options.compare)
            o.fail(tr("--tolerance needs --compare"));
        options.tolerance = *tol;
    }
    options.capacityRows = o.count(QStringLiteral("capacity-rows"), 0);
    options.capacityWithinS = o.duration(QStringLiteral("capacity-within"), false);
    if (o.isSet(QStringLiteral("capacity-rows")) != o.isSet(QStringLiteral("capacity-within")))
        o.fail(tr("--capacity-rows and --capacity-within go together"));
    // The scores do not depend on the load: one cross-check is enough, and a sweep is about speed.
    if (sweep && options.compare)
        o.fail(tr("--compare: a cross-check does not depend on the load; run it without a sweep"));

    if (!o.error().isEmpty()) {
        ctx.err << Prefix << o.error() << Qt::endl;
        return ExitUsage;
    }

    // Endpoints given by name are the profile's scoring endpoints, with their protocol, authentication and TLS.
    // The profiles file is read only then: a URL-only run does not depend on it.
    const auto namesEndpoint = [](const Core::BackendSpec &spec) {
        return std::any_of(spec.endpoints.cbegin(), spec.endpoints.cend(),
                           [](const QString &e) { return !Core::isEndpointUrl(e); });
    };
    if (namesEndpoint(options.backend) || (options.compare && namesEndpoint(*options.compare))) {
        auto profile = Core::ProfileStore::select(ctx.globals.configFile, ctx.globals.profile);
        if (!profile) {
            ctx.err << Prefix << profile.error().toString() << Qt::endl;
            return profile.error().exitCode();
        }
        if (options.features && !options.backend.features)
            options.backend.features = options.features;
        for (Core::BackendSpec *spec : {&options.backend, options.compare ? &*options.compare : nullptr}) {
            if (!spec)
                continue;
            if (auto resolved = Core::resolveProfileEndpoints(*spec, *profile, false); !resolved) {
                ctx.err << Prefix << resolved.error().message << Qt::endl;
                return ExitUsage;
            }
        }
    }

    // A report that cannot be written (no such folder, a CSV with other columns) is refused now, not after a
    // long run.
    if (!reportFile.isEmpty()) {
        if (auto ok = Core::checkReportFile(reportFile); !ok) {
            ctx.err << Prefix << ok.error().message << Qt::endl;
            return ok.error().exitCode();
        }
    }

    Core::PluginRegistry registry;
    auto backend = registry.bind(options.backend.id);
    if (!backend) {
        ctx.err << Prefix << backend.error().message << Qt::endl;
        return backend.error().exitCode();
    }
    options.plugin = backend->backend;
    options.inputKind = backend->inputKind;
    options.capabilities = backend->capabilities;
    // Options this backend has no use for are refused, not silently ignored.
    if (options.threads > 0 && backend->capabilities.contains(QStringLiteral("remote"))) {
        ctx.err << Prefix
                << tr("--threads: backend '%1' scores on remote services, not on host threads; its batches in "
                      "flight are --concurrency (or the spec's inflight=)")
                       .arg(options.backend.id)
                << Qt::endl;
        return ExitUsage;
    }
    if ((options.features || options.backend.features) && backend->inputKind == Sdk::InputKind::Text) {
        ctx.err << Prefix
                << tr("--features: backend '%1' scores lines of text, not columns").arg(options.backend.id)
                << Qt::endl;
        return ExitUsage;
    }
    // A remote backend without an endpoint: say where endpoints come from, and which the profile has.
    if (options.backend.endpoints.isEmpty() && !options.backend.options.contains(QStringLiteral("endpoint")) &&
        backend->capabilities.contains(QStringLiteral("remote"))) {
        QString known;
        if (auto profile = Core::ProfileStore::select(ctx.globals.configFile, ctx.globals.profile)) {
            QStringList names;
            for (const Core::ScoringEndpointConfig &e : profile->scoring)
                names << e.name;
            known = names.isEmpty() ? tr(" (profile '%1' has no scoring endpoints)").arg(profile->name)
                                    : tr(" (profile '%1': %2)").arg(profile->name, names.join(QStringLiteral(", ")));
        }
        ctx.err << Prefix
                << tr("backend '%1' scores on remote services: give --endpoint URL, or --endpoint NAME of a scoring "
                      "endpoint of the profile%2")
                       .arg(options.backend.id, known)
                << Qt::endl;
        return ExitUsage;
    }
    if (options.compare) {
        auto other = registry.bind(options.compare->id);
        if (!other) {
            ctx.err << Prefix << QStringLiteral("--compare: ") << other.error().message << Qt::endl;
            return other.error().exitCode();
        }
        options.comparePlugin = other->backend;
        options.compareInputKind = other->inputKind;
        options.compareCapabilities = other->capabilities;
    }

    const bool progress = ::isatty(STDERR_FILENO);
    const bool json = o.isSet(QStringLiteral("json"));
    const bool keep = o.isSet(QStringLiteral("history"));

    // One run, to its end: a cancelled one (--timeout or a signal) is stopped and still reported, marked INVALID.
    const auto runOnce = [&](const Core::BenchOptions &runOptions, const QString &level) {
        Core::BenchRun run(runOptions);
        bool done = false;
        QEventLoop loop;
        QObject::connect(&run, &Core::BenchRun::finished, &loop, [&] {
            done = true;
            loop.quit();
        });
        QObject::connect(&run, &Core::BenchRun::failed, &ctx, [&ctx](const Error &error) {
            ctx.err << Prefix << error.message << Qt::endl;
        });
        if (progress) {
            QObject::connect(&run, &Core::BenchRun::stageChanged, &ctx, [&ctx, &level](const QString &stage) {
                ctx.err << Prefix << (level.isEmpty() ? stage : level + u": " + stage) << Qt::endl;
            });
            QObject::connect(&run, &Core::BenchRun::windowCompleted, &ctx, [&ctx](const Core::BenchWindow &w) {
                ctx.err << tr("  [%1 s] %2 rows/s · p99 %3 ms%4")
                               .arg(w.t, 5, 'f', 0)
                               .arg(grouped(w.rowsPerS).rightJustified(14))
                               .arg(w.p99Ms, 0, 'f', 3)
                               .arg(w.errors ? tr(" · %1 errors").arg(w.errors) : QString())
                        << Qt::endl;
            });
        }
        run.start();
        if (!ctx.exec(loop) && !done) {
            run.stop();
            QEventLoop drain;
            QObject::connect(&run, &Core::BenchRun::finished, &drain, &QEventLoop::quit);
            if (!done)
                drain.exec();
        }
        Core::BenchReport report = run.report();
        if (ctx.isCancelled())
            report.cancelledExitCode = ctx.cancelExitCode();
        return report;
    };

    // What a run leaves behind: a CSV row, a history entry (a sweep: one per level, as it ends, so an interrupted
    // sweep keeps the levels it measured). A usage or input error measured nothing: no report row of zeros, and an
    // existing report stays as it was. The GUI keeps the same runs: measured ones, stopped ones included, never a
    // run that could not be set up.
    std::optional<Error> reportError;
    const auto keepRun = [&](const Core::BenchReport &report, bool jsonFile) {
        const bool measured = !(report.failure && report.failure->kind == ErrorKind::Usage);
        if (!reportFile.isEmpty() && measured && !reportError) {
            auto written = reportSuffix == u"csv" ? Core::appendCsvReport(reportFile, report)
                           : jsonFile             ? Core::writeJsonReport(reportFile, report)
                                                  : Result<void>{};
            if (!written)
                reportError = written.error();
        }
        if (keep && report.startedAt.isValid() && !report.failure) {
            if (auto kept = Core::BenchHistory().append(report); !kept && !reportError)
                reportError = kept.error();
        }
    };
    // The result is printed even when the report file could not be written (a disk that filled up during the
    // run): what was measured is not lost to it. The exit code then says the report is missing.
    const auto finish = [&](QJsonObject object, int exitCode, const QString &summary) {
        if (reportError && exitCode == ExitOk)
            exitCode = reportError->exitCode();
        if (json) {
            if (reportError) {
                object.insert(QStringLiteral("report_error"), reportError->message);
                object.insert(QStringLiteral("exit_code"), exitCode);
            }
            ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            ctx.err << summary;
        }
        ctx.out.flush();
        if (reportError)
            ctx.err << Prefix << reportError->message << Qt::endl;
        ctx.err.flush();
        return exitCode;
    };

    if (!sweep) {
        const Core::BenchReport report = runOnce(options, {});
        keepRun(report, true);
        return finish(report.toJson(), report.exitCode(), report.failure ? QString() : report.humanSummary());
    }

    // A sweep: the levels one after another, a table row as each ends (the header with the first row: a sweep
    // whose first level cannot be set up says only why).
    bool tableStarted = false;
    while (!sweep->isDone()) {
        const qsizetype i = sweep->next();
        const Core::BenchReport report = runOnce(sweep->options(options, i), sweep->levelName(sweep->levels().at(i)));
        keepRun(report, false);
        sweep->add(report);
        if (!json && !report.failure) {
            if (!std::exchange(tableStarted, true))
                ctx.err << sweep->tableHeader() << Qt::endl;
            ctx.err << sweep->tableRow(i) << Qt::endl;
        }
        if (ctx.isCancelled())
            break;
    }
    if (reportSuffix == u"json" && !sweep->runs().isEmpty() && !reportError) {
        const Core::BenchReport &first = sweep->runs().constFirst();
        if (!(first.failure && first.failure->kind == ErrorKind::Usage)) {
            if (auto written = Core::writeJsonFile(reportFile, sweep->toJson()); !written)
                reportError = written.error();
        }
    }
    // A first level that could not be set up has said why (BenchRun::failed); the conclusion would only repeat it.
    const bool setUpFailed = sweep->runs().size() == 1 && sweep->runs().constFirst().failure;
    return finish(sweep->toJson(), sweep->exitCode(), setUpFailed ? QString() : sweep->conclusion());
}

const CommandRegistration registration{{
    QStringLiteral("bench"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "benchmark a model backend (default: built-in linear model, 2M synthetic "
                                            "rows); exit 0 VALID, 1 INVALID, 3 threshold breached, 4 auth refused, 5 unreachable")),
    QStringLiteral(QT_TRANSLATE_NOOP(
        "Cli", "[--backend SPEC] [--model PATH] [--endpoint URL|NAME]… [--rows N | --duration SEC] [--batch-size N] "
               "[--scenario offline|concurrency|rate] [--concurrency N|LEVELS] [--rate N|LEVELS] [--poisson] "
               "[--warmup SEC] [--input FILE] [--threads N] [--no-pin] [--max-p99 MS] [--min-throughput N] "
               "[--max-error-rate PCT] [--report FILE] "
               "[--history] [--json] [--compare SPEC] [--capacity-rows N --capacity-within D] (see bench --help)")),
    &runBench,
    true,
}};

} // namespace
} // namespace Opsdeck::Cli
