// opsdeck --batch services check [SERVICE]... [--json]: probes the profile's services (all, or those named) once.
#include "cli/cli.h"
#include "cli/table.h"
#include "common/error.h"
#include "config/profilestore.h"
#include "health/healthcheck.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTextStream>

#include <unistd.h>

namespace Opsdeck::Cli {
namespace {

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Cli", text);
}

int runServicesCheck(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print the results as a JSON array on stdout.")});
    if (!parser.parse(ctx.args)) {
        ctx.err << "opsdeck services check: " << parser.errorText() << Qt::endl;
        return ExitUsage;
    }
    auto selected = Core::ProfileStore::select(ctx.globals.configFile, ctx.globals.profile);
    if (!selected) {
        ctx.err << selected.error().toString() << Qt::endl;
        return selected.error().exitCode();
    }
    // Services named on the command line (livy, redis, scoring:NAME, …): only those are probed.
    auto profile = Core::withServices(*selected, parser.positionalArguments());
    if (!profile) {
        ctx.err << "opsdeck services check: " << profile.error().message << Qt::endl;
        return profile.error().exitCode();
    }

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

const CommandRegistration registration{{
    QStringLiteral("services check"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "probe every service of the profile, or those named (livy, spark_rest, spark_ui, elasticsearch, redis, scoring, scoring:NAME); exit 0 all up, 2 config error, 4 auth refused, 5 unreachable, 1 degraded")),
    QStringLiteral("[SERVICE]… [--json]"),
    &runServicesCheck,
}};

} // namespace
} // namespace Opsdeck::Cli
