#include "remoteaccess.h"

#include "config/secrets.h"
#include "net/httpclient.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace Opsdeck::Core {

namespace {

struct AccessText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::RemoteAccess)
};

const QString keyAuth = QStringLiteral("auth");
const QString keyUser = QStringLiteral("user");
const QString keySecretEnv = QStringLiteral("secret_env");
const QString keySecretKeychain = QStringLiteral("secret_keychain");
const QString keyAuthorization = QStringLiteral("authorization");
const QString keyCaFile = QStringLiteral("ca_file");
const QString keyInsecure = QStringLiteral("insecure");
const QString keyProtocol = QStringLiteral("protocol");

// The spec keys one profile endpoint brings; endpoints of one run must agree on all of them.
QMap<QString, QString> settingsOf(const ScoringEndpointConfig &endpoint, const QString &profilesFile)
{
    QMap<QString, QString> keys;
    keys.insert(keyProtocol, endpoint.protocol);
    if (endpoint.auth.isSet()) {
        keys.insert(keyAuth, authTypeKey(endpoint.auth.type));
        if (!endpoint.auth.user.isEmpty())
            keys.insert(keyUser, endpoint.auth.user);
        if (!endpoint.auth.secret.env.isEmpty())
            keys.insert(keySecretEnv, endpoint.auth.secret.env);
        if (!endpoint.auth.secret.keychain.isEmpty())
            keys.insert(keySecretKeychain, endpoint.auth.secret.keychain);
    }
    if (!endpoint.tls.caFile.isEmpty())
        keys.insert(keyCaFile, endpoint.tls.caPath(profilesFile));
    if (endpoint.tls.insecure)
        keys.insert(keyInsecure, QStringLiteral("true"));
    return keys;
}

QString describeSettings(const QMap<QString, QString> &keys)
{
    QStringList parts;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        parts << it.key() + u'=' + it.value();
    return parts.join(u',');
}

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"1" || t == u"yes")
        return true;
    if (t == u"false" || t == u"0" || t == u"no")
        return false;
    return std::nullopt;
}

} // namespace

bool isEndpointUrl(const QString &endpoint)
{
    return endpoint.contains(QStringLiteral("://"));
}

Result<void> resolveProfileEndpoints(BackendSpec &spec, const Profile &profile, bool matchUrls)
{
    const ScoringEndpointConfig *first = nullptr;
    const ScoringEndpointConfig *withFeatures = nullptr;
    QMap<QString, QString> settings;
    for (QString &entry : spec.endpoints) {
        const QString text = entry.trimmed();
        const ScoringEndpointConfig *found = nullptr;
        if (!isEndpointUrl(text)) {
            found = profile.scoringEndpoint(text);
            if (!found) {
                QStringList known;
                for (const ScoringEndpointConfig &e : profile.scoring)
                    known << e.name;
                return fail(ErrorKind::Usage,
                            AccessText::tr("endpoint '%1' is neither a URL nor a scoring endpoint of profile '%2' "
                                           "(known: %3)")
                                .arg(text, profile.name,
                                     known.isEmpty() ? AccessText::tr("none") : known.join(QStringLiteral(", "))));
            }
        } else if (matchUrls) {
            const QUrl url(text);
            for (const ScoringEndpointConfig &e : profile.scoring) {
                if (e.url == url) {
                    found = &e;
                    break;
                }
            }
        }
        if (!found)
            continue;
        entry = found->url.toString();
        const QMap<QString, QString> these = settingsOf(*found, profile.sourceFile);
        if (!first) {
            first = found;
            settings = these;
        } else if (these != settings) {
            return fail(ErrorKind::Usage,
                        AccessText::tr("scoring endpoints '%1' and '%2' of profile '%3' differ in protocol, "
                                       "authentication or TLS (%4 against %5); one run uses one setting, so "
                                       "benchmark them separately")
                            .arg(first->name, found->name, profile.name, describeSettings(settings),
                                 describeSettings(these)));
        }
        if (found->features > 0) {
            if (!withFeatures)
                withFeatures = found;
            else if (withFeatures->features != found->features)
                return fail(ErrorKind::Usage, AccessText::tr("scoring endpoints '%1' and '%2' of profile '%3' "
                                                             "take different feature counts (%4 and %5)")
                                                  .arg(withFeatures->name, found->name, profile.name)
                                                  .arg(withFeatures->features)
                                                  .arg(found->features));
        }
    }
    if (!first)
        return {};
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        const auto given = spec.options.constFind(it.key());
        if (given != spec.options.cend() && given.value() != it.value()) {
            return fail(ErrorKind::Usage,
                        AccessText::tr("scoring endpoint '%1' of profile '%2' has %3=%4, but %3=%5 was given")
                            .arg(first->name, profile.name, it.key(), it.value(), given.value()));
        }
        spec.options.insert(it.key(), it.value());
    }
    if (withFeatures) {
        if (spec.features && *spec.features != withFeatures->features) {
            return fail(ErrorKind::Usage,
                        AccessText::tr("scoring endpoint '%1' of profile '%2' takes %3 features, but %4 were given")
                            .arg(withFeatures->name, profile.name)
                            .arg(withFeatures->features)
                            .arg(*spec.features));
        }
        spec.features = withFeatures->features;
    }
    return {};
}

Result<void> applyRemoteAccess(const BackendSpec &spec, Sdk::ModelConfig &config)
{
    QMap<QString, QString> &options = config.options;
    if (options.contains(keyAuthorization)) {
        return fail(ErrorKind::Usage,
                    AccessText::tr("authorization= would put a secret on a command line or in a report; use "
                                   "auth=bearer|basic|apikey with secret_env=VAR, or a profile's scoring endpoint"));
    }
    AuthConfig auth;
    const QString type = options.take(keyAuth).trimmed().toLower();
    auth.user = options.take(keyUser);
    auth.secret.env = options.take(keySecretEnv).trimmed();
    auth.secret.keychain = options.take(keySecretKeychain).trimmed();
    if (type.isEmpty()) {
        if (!auth.user.isEmpty() || auth.secret.isSet())
            return fail(ErrorKind::Usage, AccessText::tr("user, secret_env and secret_keychain need auth=bearer, "
                                                         "basic or apikey"));
    } else {
        if (type == u"bearer")
            auth.type = AuthType::Bearer;
        else if (type == u"basic")
            auth.type = AuthType::Basic;
        else if (type == u"apikey")
            auth.type = AuthType::ApiKey;
        else
            return fail(ErrorKind::Usage,
                        AccessText::tr("auth=%1 is not one of bearer, basic, apikey").arg(type));
        if (!auth.secret.env.isEmpty() && !auth.secret.keychain.isEmpty())
            return fail(ErrorKind::Usage, AccessText::tr("give secret_env or secret_keychain, not both"));
        if (auth.type == AuthType::Basic && auth.user.isEmpty())
            return fail(ErrorKind::Usage, AccessText::tr("auth=basic needs user=NAME"));
        auto credentials = resolveCredentials(auth);
        if (!credentials) {
            Error error = credentials.error();
            error.message = AccessText::tr("backend '%1': %2").arg(spec.id, error.message);
            return tl::unexpected(error);
        }
        options.insert(keyAuthorization, QString::fromLatin1(authorizationValue(*credentials)));
    }
    if (const auto ca = options.constFind(keyCaFile); ca != options.cend()) {
        if (ca.value().trimmed().isEmpty())
            return fail(ErrorKind::Usage, AccessText::tr("ca_file: empty file name"));
        options.insert(keyCaFile, QDir::cleanPath(QFileInfo(ca.value().trimmed()).absoluteFilePath()));
    }
    if (const auto insecure = options.constFind(keyInsecure); insecure != options.cend()) {
        const std::optional<bool> on = parseBool(insecure.value());
        if (!on)
            return fail(ErrorKind::Usage,
                        AccessText::tr("insecure=%1 is not true or false").arg(insecure.value()));
        if (*on)
            options.insert(keyInsecure, QStringLiteral("true"));
        else
            options.remove(keyInsecure);
    }
    return {};
}

QByteArray trustPartition(const Sdk::ModelConfig &config)
{
    const QString ca = config.options.value(keyCaFile);
    const bool insecure = config.options.contains(keyInsecure);
    if (ca.isEmpty() && !insecure)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(ca.toUtf8());
    hash.addData(insecure ? QByteArrayView("|insecure") : QByteArrayView("|verify"));
    return "backend:" + hash.result().toHex();
}

} // namespace Opsdeck::Core
