// opsdeck --batch services check [SERVICE]... [--json]: probes the profile's services (all, or those named) once.
// opsdeck --batch services watch [SERVICE]... [--interval SEC] [--json]: probes them on a timer and prints each
// service's state, then every change, until stopped.
// opsdeck --batch services wait [SERVICE]... [--interval SEC] [--json]: probes them until all are up.
#include "cli/cli.h"
#include "cli/table.h"
#include "common/error.h"
#include "config/profilestore.h"
#include "health/healthcheck.h"
#include "health/healthmonitor.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTextStream>

#include <optional>

#include <unistd.h>

namespace Opsdeck::Cli {
namespace {

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Cli", text);
}

// The command's profile with only the services named on the command line (livy, redis, scoring:NAME, …; none:
// all of them). Otherwise says why on stderr and gives the exit code.
tl::expected<Core::Profile, int> profileWithServices(CommandContext &ctx, const char *prefix, const QStringList &names)
{
    auto selected = Core::ProfileStore::select(ctx.globals.configFile, ctx.globals.profile);
    if (!selected) {
        ctx.err << selected.error().toString() << Qt::endl;
        return tl::unexpected(selected.error().exitCode());
    }
    auto profile = Core::withServices(*selected, names);
    if (!profile) {
        ctx.err << prefix << profile.error().message << Qt::endl;
        return tl::unexpected(profile.error().exitCode());
    }
    return *profile;
}

qsizetype serviceCount(const Core::Profile &profile)
{
    qsizetype services = profile.scoring.size();
    for (Core::ServiceKind kind : Core::allServiceKinds())
        services += profile.service(kind).isConfigured() ? 1 : 0;
    return services;
}

// "Redis: unreachable · connection refused"
QString stateLine(const Core::ServiceHealth &h)
{
    QString line = h.name + u": " + Core::healthStateLabel(h.state);
    if (!h.detail.isEmpty())
        line += u" · " + h.detail;
    return line;
}

int runServicesCheck(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print the results as a JSON array on stdout.")});
    if (!parser.parse(ctx.args)) {
        ctx.err << "opsdeck services check: " << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    auto profile = profileWithServices(ctx, "opsdeck services check: ", parser.positionalArguments());
    if (!profile)
        return profile.error();

    Core::HealthCheck check(*profile);
    QList<Core::ServiceHealth> round;
    QEventLoop loop;
    QObject::connect(&check, &Core::HealthCheck::finished, &loop, [&](const QList<Core::ServiceHealth> &r) {
        round = r;
        loop.quit();
    });
    check.start();
    if (!ctx.exec(loop)) {
        check.abort();
        return ctx.cancelExitCode();
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &h : std::as_const(round))
            array.append(Core::toJson(h));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        const bool colour = ::isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR");
        TextTable table({tr("SERVICE"), tr("URL"), tr("STATE"), tr("LATENCY MS"), tr("VERSION / DETAIL")});
        table.setRightAligned(3);
        for (const auto &h : std::as_const(round)) {
            QString state = Core::healthStateLabel(h.state);
            const char *code = h.state == Core::HealthState::Up ? "32" : h.state == Core::HealthState::Degraded ? "33" : "31";
            QString detail = h.version.isEmpty() ? h.detail : h.detail.isEmpty() ? h.version : h.version + u", " + h.detail;
            table.addRow({h.name, h.url, state, h.latencyMs >= 0 ? QString::number(h.latencyMs) : QStringLiteral("-"),
                          detail},
                         colour ? QByteArray(code) : QByteArray());
        }
        ctx.out << table.render();
        ctx.err << tr("profile '%1': %2 service(s) checked").arg(profile->name).arg(round.size()) << Qt::endl;
    }
    return Core::healthExitCode(round);
}

// What `services watch` and `services wait` share: the profile with the services named, the interval between
// rounds, --json. Otherwise says why on stderr and gives the exit code.
struct Rounds
{
    Core::Profile profile;
    double interval = 0;   // seconds
    bool json = false;
    qsizetype services = 0;

    void configure(Core::HealthMonitor &monitor) const
    {
        monitor.setInterval(std::chrono::milliseconds(qint64(interval * 1000)));
        monitor.setProfile(profile);
    }
};

struct IntervalRange
{
    double byDefault;
    double minimum;
    double maximum;
};

tl::expected<Rounds, int> parseRounds(CommandContext &ctx, const char *prefix, const QString &jsonHelp,
                                      IntervalRange range, const QString &noServices)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), jsonHelp});
    parser.addOption({QStringLiteral("interval"), tr("Seconds between rounds (default %1).").arg(range.byDefault),
                      QStringLiteral("SEC"), QString::number(range.byDefault)});
    if (!parser.parse(ctx.args)) {
        ctx.err << prefix << parser.errorText() << Qt::endl;
        return tl::unexpected(int(ExitUsage));
    }
    bool ok = false;
    const double interval = parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (!ok || !(interval >= range.minimum) || interval > range.maximum) {
        ctx.err << prefix
                << tr("--interval: '%1' is not a number of seconds from %2 to %3")
                       .arg(parser.value(QStringLiteral("interval")))
                       .arg(range.minimum)
                       .arg(range.maximum)
                << Qt::endl;
        return tl::unexpected(int(ExitUsage));
    }
    auto profile = profileWithServices(ctx, prefix, parser.positionalArguments());
    if (!profile)
        return tl::unexpected(profile.error());
    const qsizetype services = serviceCount(*profile);
    if (services == 0) {
        ctx.err << prefix << noServices.arg(profile->name) << Qt::endl;
        return tl::unexpected(int(ExitUsage));
    }
    return Rounds{*profile, interval, parser.isSet(QStringLiteral("json")), services};
}

// One event of `services watch`: a service's state in the first round, or a change later (`before` set).
void printWatchEvent(CommandContext &ctx, const Core::ServiceHealth &h, std::optional<Core::HealthState> before,
                     bool json)
{
    if (json) {
        QJsonObject object = Core::toJson(h);
        object.insert(QStringLiteral("before"), before ? QJsonValue(Core::healthStateKey(*before)) : QJsonValue());
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';   // one object per line
    } else {
        QString line = h.checkedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u"  " + h.name
                       + u": " + Core::healthStateLabel(h.state);
        if (before)
            line += tr(" (was %1)").arg(Core::healthStateLabel(*before));
        if (h.latencyMs >= 0)
            line += tr(", %1 ms").arg(h.latencyMs);
        const QString detail = h.version.isEmpty() ? h.detail : h.detail.isEmpty() ? h.version : h.version + u", " + h.detail;
        if (!detail.isEmpty())
            line += u" · " + detail;
        ctx.out << line << '\n';
    }
    ctx.out.flush();   // a pipe into a log sees each event when it happens
}

int runServicesWatch(CommandContext &ctx)
{
    const auto rounds = parseRounds(ctx, "opsdeck services watch: ", tr("Print one JSON object per line on stdout."),
                                    {15, 1, 86400}, tr("profile '%1' has no services to watch"));
    if (!rounds)
        return rounds.error();
    const Core::Profile &profile = rounds->profile;
    const bool json = rounds->json;

    Core::HealthMonitor monitor;
    rounds->configure(monitor);
    QObject::connect(&monitor, &Core::HealthMonitor::roundFinished, &ctx,
                     [&ctx, &monitor, json](const QList<Core::ServiceHealth> &round) {
                         if (monitor.roundsCompleted() != 1)
                             return;   // later rounds print their changes only (stateChanged)
                         for (const auto &h : round)
                             printWatchEvent(ctx, h, std::nullopt, json);
                     });
    QObject::connect(&monitor, &Core::HealthMonitor::stateChanged, &ctx,
                     [&ctx, json](const Core::ServiceHealth &h, Core::HealthState before) {
                         printWatchEvent(ctx, h, before, json);
                     });
    if (!json)
        ctx.err << tr("profile '%1': watching %2 service(s), a round every %3 s; stop with Ctrl-C")
                       .arg(profile.name)
                       .arg(rounds->services)
                       .arg(rounds->interval)
                << Qt::endl;
    monitor.start();
    QEventLoop loop;   // never quits by itself: the watch ends with --timeout or a signal
    ctx.exec(loop);
    monitor.stop();
    return ctx.cancelExitCode();
}

// services wait: rounds until every service is up in one of them (a deployment script waiting for what it
// started); a configuration error ends it at once, since no round can mend it, and so do credentials refused in
// WaitRefusedRounds rounds in a row.
constexpr int WaitRefusedRounds = 3;

int runServicesWait(CommandContext &ctx)
{
    const auto rounds = parseRounds(ctx, "opsdeck services wait: ", tr("Print the last round as a JSON array on stdout."),
                                    {2, 0.2, 3600}, tr("profile '%1' has no services to wait for"));
    if (!rounds)
        return rounds.error();
    const Core::Profile &profile = rounds->profile;
    const bool json = rounds->json;
    auto printRound = [&ctx, json](const QList<Core::ServiceHealth> &round) {
        if (!json)
            return;
        QJsonArray array;
        for (const auto &h : round)
            array.append(Core::toJson(h));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    };

    QElapsedTimer waited;
    waited.start();
    Core::HealthMonitor monitor;
    rounds->configure(monitor);
    QList<Core::ServiceHealth> last;
    QStringList lastWaitingFor;
    int code = ExitOk;
    int refusedRounds = 0;   // rounds in a row in which a service refused the credentials
    QEventLoop loop;
    QObject::connect(&monitor, &Core::HealthMonitor::roundFinished, &ctx, [&](const QList<Core::ServiceHealth> &round) {
        last = round;
        QStringList waitingFor;
        bool configError = false;
        bool refused = false;
        for (const auto &h : round) {
            if (h.state == Core::HealthState::ConfigError)
                configError = true;
            if (h.state == Core::HealthState::AuthRefused)
                refused = true;
            if (h.state != Core::HealthState::Up)
                waitingFor.append(stateLine(h));
        }
        refusedRounds = refused ? refusedRounds + 1 : 0;
        // Credentials refused round after round are not mended by waiting either; a few rounds are allowed, as a
        // service being deployed may refuse them until its users are set up (Elasticsearch's security index,
        // a Redis ACL file loaded after the start).
        const bool refusedForGood = refusedRounds >= WaitRefusedRounds;
        if (configError || refusedForGood) {
            for (const QString &line : std::as_const(waitingFor))
                ctx.err << "opsdeck services wait: " << line << Qt::endl;
            if (refusedForGood && !configError)
                ctx.err << tr("opsdeck services wait: credentials refused in %1 rounds in a row; waiting does not "
                              "mend them")
                               .arg(refusedRounds)
                        << Qt::endl;
            code = Core::healthExitCode(round);
            loop.quit();
            return;
        }
        if (waitingFor.isEmpty()) {
            loop.quit();
            return;
        }
        if (waitingFor != lastWaitingFor)   // said when it changes, not every round
            ctx.err << tr("waiting for: %1").arg(waitingFor.join(QStringLiteral("; "))) << Qt::endl;
        lastWaitingFor = waitingFor;
    });
    if (!json)
        ctx.err << tr("profile '%1': waiting until %2 service(s) are up, a round every %3 s")
                       .arg(profile.name)
                       .arg(rounds->services)
                       .arg(rounds->interval)
                << Qt::endl;
    monitor.start();
    const bool ended = ctx.exec(loop);
    monitor.stop();
    if (!ended) {
        for (const auto &h : std::as_const(last)) {
            if (h.state != Core::HealthState::Up)
                ctx.err << tr("opsdeck services wait: not up when it ended: %1").arg(stateLine(h)) << Qt::endl;
        }
        printRound(last);
        return ctx.cancelExitCode();
    }
    printRound(last);
    if (code == ExitOk)
        ctx.err << tr("profile '%1': %2 service(s) up after %3 s")
                       .arg(profile.name)
                       .arg(rounds->services)
                       .arg(double(waited.elapsed()) / 1000.0, 0, 'f', 1)
                << Qt::endl;
    return code;
}

const CommandRegistration registration{{
    QStringLiteral("services check"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "probe every service of the profile, or those named (livy, spark_rest, spark_ui, elasticsearch, redis, scoring, scoring:NAME); exit 0 all up, 2 config error, 4 auth refused, 5 unreachable, 1 degraded")),
    QStringLiteral("[SERVICE]… [--json]"),
    &runServicesCheck,
}};

const CommandRegistration watchRegistration{{
    QStringLiteral("services watch"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "probe the profile's services (or those named) on a timer: each one's state, then every change, one line each, until Ctrl-C (exit 130) or --timeout (exit 124)")),
    QStringLiteral("[SERVICE]… [--interval SEC] [--json]"),
    &runServicesWatch,
}};

const CommandRegistration waitRegistration{{
    QStringLiteral("services wait"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "probe the profile's services (or those named) until all are up in one round (exit 0); a configuration error ends it at once (exit 2), credentials refused in 3 rounds in a row too (exit 4); with --timeout, 124 when they were not up in time")),
    QStringLiteral("[SERVICE]… [--interval SEC] [--json]"),
    &runServicesWait,
}};

} // namespace
} // namespace Opsdeck::Cli
