// opsdeck --batch plugins list [--json]: every model-backend plugin on the search path, loaded or failed.
#include "cli/cli.h"
#include "cli/table.h"
#include "common/error.h"
#include "scoring/pluginregistry.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>

namespace Opsdeck::Cli {
namespace {

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Cli", text);
}

QString stateName(Core::PluginInfo::State state)
{
    switch (state) {
    case Core::PluginInfo::State::Available:
        return QStringLiteral(QT_TR_NOOP("available"));
    case Core::PluginInfo::State::Loaded:
        return QStringLiteral(QT_TR_NOOP("loaded"));
    case Core::PluginInfo::State::Failed:
        return QStringLiteral(QT_TR_NOOP("failed"));
    }
    return QStringLiteral("failed");
}

QJsonObject toJson(const Core::PluginInfo &info)
{
    return QJsonObject{{QStringLiteral("id"), info.id},
                       {QStringLiteral("name"), info.name},
                       {QStringLiteral("version"), info.version},
                       {QStringLiteral("apiVersion"), info.apiVersion},
                       {QStringLiteral("inputKind"), info.inputKind},
                       {QStringLiteral("capabilities"), QJsonArray::fromStringList(info.capabilities)},
                       {QStringLiteral("file"), info.file},
                       {QStringLiteral("state"), stateName(info.state)},
                       {QStringLiteral("error"), info.error}};
}

int runPluginsList(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print the plugins as a JSON array on stdout.")});
    if (!parser.parse(ctx.args) || !parser.positionalArguments().isEmpty()) {
        ctx.err << "opsdeck plugins list: "
                << (parser.errorText().isEmpty()
                        ? tr("unexpected argument '%1'").arg(parser.positionalArguments().join(u' '))
                        : parser.errorText())
                << Qt::endl;
        return ExitUsage;
    }

    Core::PluginRegistry registry;
    // Loading each plugin is what shows the failures metadata cannot (missing symbols, missing libraries).
    registry.loadAll();
    const QList<Core::PluginInfo> plugins = registry.plugins();

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &info : plugins)
            array.append(toJson(info));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        TextTable table({tr("ID"), tr("VERSION"), tr("INPUT"), tr("STATE"), tr("FILE"), tr("ERROR")});
        for (const auto &info : plugins) {
            const bool failed = info.state == Core::PluginInfo::State::Failed;
            table.addRow(
                {info.id, info.version, info.inputKind, tr(qPrintable(stateName(info.state))), info.file,
                 info.error},
                failed && ctx.colour() ? QByteArrayLiteral("31") : QByteArray());
        }
        ctx.out << table.render();
    }
    if (plugins.isEmpty()) {
        ctx.err << tr("opsdeck: no model-backend plugins found in: %1")
                       .arg(registry.searchPaths().join(QStringLiteral(", ")))
                << Qt::endl;
    }
    return ExitOk;
}

const CommandRegistration registration{{
    QStringLiteral("plugins list"),
    QStringLiteral(QT_TRANSLATE_NOOP(
        "Cli", "list the model-backend plugins, loaded or failed with the reason (exit 0)")),
    QStringLiteral("[--json]"),
    &runPluginsList,
}};

} // namespace
} // namespace Opsdeck::Cli
