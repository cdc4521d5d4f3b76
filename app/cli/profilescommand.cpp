// opsdeck --batch profiles list|show|check: the connection profiles as the other commands see them. Secrets are
// shown only as references (env:VAR, keychain:KEY), never resolved.
#include "cli/cli.h"
#include "cli/table.h"
#include "common/error.h"
#include "config/profilestore.h"

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

/// Parses the command's own arguments; on failure prints "opsdeck <words>: <problem>" and returns false.
bool parseArguments(CommandContext &ctx, QCommandLineParser &parser, qsizetype maxPositional)
{
    const QString command = ctx.args.value(0);
    if (!parser.parse(ctx.args)) {
        ctx.err << command << ": " << parser.errorText() << Qt::endl;
        return false;
    }
    if (parser.positionalArguments().size() > maxPositional) {
        ctx.err << command << ": "
                << tr("unexpected argument '%1'").arg(parser.positionalArguments().mid(maxPositional).join(u' '))
                << Qt::endl;
        return false;
    }
    return true;
}

int reportError(CommandContext &ctx, const Error &error)
{
    ctx.err << error.toString() << Qt::endl;
    return error.exitCode();
}

QString sourceText(const Core::Profile &profile)
{
    return profile.sourceFile.isEmpty() ? tr("built-in") : profile.sourceFile;
}

QJsonValue sourceJson(const Core::Profile &profile)
{
    return profile.sourceFile.isEmpty() ? QJsonValue() : QJsonValue(profile.sourceFile);
}

QStringList configuredServices(const Core::Profile &profile)
{
    QStringList keys;
    for (const Core::ServiceKind kind : Core::allServiceKinds()) {
        if (profile.service(kind).isConfigured())
            keys << Core::serviceKey(kind);
    }
    return keys;
}

QString authText(const Core::AuthConfig &auth)
{
    if (!auth.isSet())
        return QStringLiteral("-");
    QStringList parts{Core::authTypeKey(auth.type)};
    if (!auth.user.isEmpty())
        parts << tr("user %1").arg(auth.user);
    if (auth.secret.isSet())
        parts << tr("secret %1").arg(auth.secret.describe());
    return parts.join(QStringLiteral(", "));
}

// `profilesFile`: the profile's sourceFile, which relative ca_file paths are relative to.
QString tlsText(const Core::TlsConfig &tls, const QString &profilesFile)
{
    QStringList parts;
    if (!tls.caFile.isEmpty())
        parts << tr("CA %1").arg(tls.caPath(profilesFile));
    if (tls.insecure)
        parts << tr("INSECURE (no certificate verification)");
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

QJsonValue authJson(const Core::AuthConfig &auth)
{
    if (!auth.isSet())
        return QJsonValue();
    QJsonObject o{{QStringLiteral("type"), Core::authTypeKey(auth.type)},
                  {QStringLiteral("secret"), auth.secret.describe()}};
    o.insert(QStringLiteral("user"), auth.user.isEmpty() ? QJsonValue() : QJsonValue(auth.user));
    return o;
}

// ca_file as written, ca_path the file it names (relative paths are relative to the profiles file).
QJsonObject tlsJson(const Core::TlsConfig &tls, const QString &profilesFile)
{
    return {{QStringLiteral("ca_file"), tls.caFile.isEmpty() ? QJsonValue() : QJsonValue(tls.caFile)},
            {QStringLiteral("ca_path"), tls.caFile.isEmpty() ? QJsonValue() : QJsonValue(tls.caPath(profilesFile))},
            {QStringLiteral("insecure"), tls.insecure}};
}

QJsonValue urlJson(const QUrl &url)
{
    return url.isEmpty() ? QJsonValue() : QJsonValue(Core::displayUrl(url));
}

QJsonObject profileJson(const Core::Profile &profile)
{
    QJsonObject services;
    for (const Core::ServiceKind kind : Core::allServiceKinds()) {
        const Core::ServiceConfig &s = profile.service(kind);
        services.insert(Core::serviceKey(kind), QJsonObject{{QStringLiteral("configured"), s.isConfigured()},
                                                            {QStringLiteral("url"), urlJson(s.url)},
                                                            {QStringLiteral("auth"), authJson(s.auth)},
                                                            {QStringLiteral("tls"), tlsJson(s.tls, profile.sourceFile)}});
    }
    QJsonArray scoring;
    for (const Core::ScoringEndpointConfig &e : profile.scoring) {
        scoring.append(QJsonObject{{QStringLiteral("name"), e.name},
                                   {QStringLiteral("url"), urlJson(e.url)},
                                   {QStringLiteral("protocol"), e.protocol},
                                   {QStringLiteral("health_url"), urlJson(e.healthUrl)},
                                   {QStringLiteral("features"), e.features > 0 ? QJsonValue(e.features) : QJsonValue()},
                                   {QStringLiteral("auth"), authJson(e.auth)},
                                   {QStringLiteral("tls"), tlsJson(e.tls, profile.sourceFile)}});
    }
    return {{QStringLiteral("name"), profile.name},
            {QStringLiteral("source"), sourceJson(profile)},
            {QStringLiteral("builtin"), profile.sourceFile.isEmpty()},
            {QStringLiteral("timeout_ms"), profile.timeoutMs},
            {QStringLiteral("services"), services},
            {QStringLiteral("scoring"), scoring}};
}

int runProfilesList(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print the profiles as JSON on stdout.")});
    if (!parseArguments(ctx, parser, 0))
        return ExitUsage;

    const auto store = Core::ProfileStore::open(ctx.globals.configFile);
    if (!store)
        return reportError(ctx, store.error());
    // The marker shows the profile every other command would use, chosen exactly as they choose it.
    const auto selected = Core::ProfileStore::select(ctx.globals.configFile, ctx.globals.profile);
    if (!selected)
        return reportError(ctx, selected.error());
    QList<Core::Profile> profiles = store->profiles();
    if (profiles.isEmpty())
        profiles << *selected;   // a file without profiles: the built-in one is what commands use

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Core::Profile &p : std::as_const(profiles)) {
            QJsonArray scoring;
            for (const auto &e : p.scoring)
                scoring.append(e.name);
            array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("source"), sourceJson(p)},
                                     {QStringLiteral("builtin"), p.sourceFile.isEmpty()},
                                     {QStringLiteral("default"), p.name == selected->name},
                                     {QStringLiteral("services"), QJsonArray::fromStringList(configuredServices(p))},
                                     {QStringLiteral("scoring"), scoring}});
        }
        const QString defaultKey = store->defaultProfileName();
        const QJsonObject root{{QStringLiteral("file"), store->fileName()},
                               {QStringLiteral("file_exists"), store->isFromFile()},
                               {QStringLiteral("default"), selected->name},
                               {QStringLiteral("default_key"), defaultKey.isEmpty() ? QJsonValue() : defaultKey},
                               {QStringLiteral("profiles"), array}};
        ctx.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    TextTable table({tr("DEFAULT"), tr("NAME"), tr("SOURCE"), tr("SERVICES")});
    for (const Core::Profile &p : std::as_const(profiles)) {
        QStringList services = configuredServices(p);
        if (!p.scoring.isEmpty())
            services << tr("scoring (%1)").arg(p.scoring.size());
        table.addRow({p.name == selected->name ? QStringLiteral("*") : QString(), p.name, sourceText(p),
                      services.isEmpty() ? QStringLiteral("-") : services.join(QStringLiteral(", "))});
    }
    ctx.out << table.render();
    if (!store->isFromFile())
        ctx.err << tr("no profiles file at %1: using the built-in profile").arg(store->fileName()) << Qt::endl;
    return ExitOk;
}

int runProfilesShow(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print the profile as JSON on stdout.")});
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile to show (default: the one commands use)."));
    if (!parseArguments(ctx, parser, 1))
        return ExitUsage;
    const QString name = parser.positionalArguments().value(0, ctx.globals.profile);
    const auto profile = Core::ProfileStore::select(ctx.globals.configFile, name);
    if (!profile)
        return reportError(ctx, profile.error());

    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(profileJson(*profile)).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    ctx.out << tr("Profile: %1").arg(profile->name) << '\n'
            << tr("Source:  %1").arg(sourceText(*profile)) << '\n'
            << tr("Timeout: %1 ms").arg(profile->timeoutMs) << "\n\n";
    TextTable services({tr("SERVICE"), tr("URL"), tr("AUTH"), tr("TLS")});
    for (const Core::ServiceKind kind : Core::allServiceKinds()) {
        const Core::ServiceConfig &s = profile->service(kind);
        services.addRow({Core::serviceDisplayName(kind),
                         s.isConfigured() ? Core::displayUrl(s.url) : tr("(not configured)"), authText(s.auth),
                         tlsText(s.tls, profile->sourceFile)});
    }
    ctx.out << services.render();
    if (profile->scoring.isEmpty()) {
        ctx.out << '\n' << tr("No scoring endpoints.") << '\n';
        return ExitOk;
    }
    ctx.out << '\n';
    TextTable scoring({tr("SCORING"), tr("URL"), tr("PROTOCOL"), tr("HEALTH URL"), tr("FEATURES"), tr("AUTH"),
                       tr("TLS")});
    scoring.setRightAligned(4);
    for (const Core::ScoringEndpointConfig &e : profile->scoring) {
        scoring.addRow({e.name, Core::displayUrl(e.url), e.protocol,
                        e.healthUrl.isEmpty() ? QStringLiteral("-") : Core::displayUrl(e.healthUrl),
                        e.features > 0 ? QString::number(e.features) : QStringLiteral("-"), authText(e.auth),
                        tlsText(e.tls, profile->sourceFile)});
    }
    ctx.out << scoring.render();
    return ExitOk;
}

int runProfilesCheck(CommandContext &ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"),
                                 tr("Profiles file to check (default: --config, else the default path)."));
    if (!parseArguments(ctx, parser, 1))
        return ExitUsage;
    QString file = parser.positionalArguments().value(0, ctx.globals.configFile);
    if (file.isEmpty())
        file = Core::ProfileStore::defaultConfigPath();
    const auto store = Core::ProfileStore::loadFile(file);
    if (!store)
        return reportError(ctx, store.error());
    if (const auto files = store->checkFiles(); !files)
        return reportError(ctx, files.error());
    const qsizetype count = store->profiles().size();
    ctx.out << (count == 1 ? tr("%1: ok (1 profile)").arg(file) : tr("%1: ok (%2 profiles)").arg(file).arg(count))
            << Qt::endl;
    return ExitOk;
}

const CommandRegistration listRegistration{{
    QStringLiteral("profiles list"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "list the connection profiles (* = the one commands use)")),
    QStringLiteral("[--json]"),
    &runProfilesList,
}};

const CommandRegistration showRegistration{{
    QStringLiteral("profiles show"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "show one profile: URLs, auth, secret references, TLS")),
    QStringLiteral("[NAME] [--json]"),
    &runProfilesShow,
}};

const CommandRegistration checkRegistration{{
    QStringLiteral("profiles check"),
    QStringLiteral(QT_TRANSLATE_NOOP("Cli", "validate a profiles file and the CA files it names (exit 0 ok, 2 with FILE:LINE: message)")),
    QStringLiteral("[FILE]"),
    &runProfilesCheck,
}};

} // namespace
} // namespace Opsdeck::Cli
