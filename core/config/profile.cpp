#include "config/profile.h"

#include "config/urlcheck_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace Opsdeck::Core {

namespace {

struct ProfileText
{
    Q_DECLARE_TR_FUNCTIONS(Opsdeck::Core::Profile)
};

} // namespace

QList<ServiceKind> allServiceKinds()
{
    return {ServiceKind::Livy, ServiceKind::SparkRest, ServiceKind::SparkUi, ServiceKind::Elasticsearch,
            ServiceKind::Redis};
}

QString serviceKey(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Livy:
        return QStringLiteral("livy");
    case ServiceKind::SparkRest:
        return QStringLiteral("spark_rest");
    case ServiceKind::SparkUi:
        return QStringLiteral("spark_ui");
    case ServiceKind::Elasticsearch:
        return QStringLiteral("elasticsearch");
    case ServiceKind::Redis:
        return QStringLiteral("redis");
    }
    return {};
}

QString serviceDisplayName(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Livy:
        return ProfileText::tr("Livy");
    case ServiceKind::SparkRest:
        return ProfileText::tr("Spark REST");
    case ServiceKind::SparkUi:
        return ProfileText::tr("Spark UI");
    case ServiceKind::Elasticsearch:
        return ProfileText::tr("Elasticsearch");
    case ServiceKind::Redis:
        return ProfileText::tr("Redis");
    }
    return {};
}

QString authTypeKey(AuthType type)
{
    switch (type) {
    case AuthType::None:
        return {};
    case AuthType::Basic:
        return QStringLiteral("basic");
    case AuthType::Bearer:
        return QStringLiteral("bearer");
    case AuthType::ApiKey:
        return QStringLiteral("apikey");
    }
    return {};
}

bool SecretRef::isSet() const
{
    return !env.isEmpty() || !keychain.isEmpty();
}

QString SecretRef::describe() const
{
    if (!env.isEmpty())
        return u"env:" + env;
    if (!keychain.isEmpty())
        return u"keychain:" + keychain;
    return {};
}

bool AuthConfig::isSet() const
{
    return type != AuthType::None;
}

QString pathFromProfilesFile(const QString &path, const QString &profilesFile)
{
    if (path.isEmpty() || profilesFile.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QFileInfo(profilesFile).absoluteDir().filePath(path));
}

QString TlsConfig::caPath(const QString &profilesFile) const
{
    return pathFromProfilesFile(caFile, profilesFile);
}

bool ServiceConfig::isConfigured() const
{
    return !url.isEmpty();
}

const ServiceConfig &Profile::service(ServiceKind kind) const
{
    switch (kind) {
    case ServiceKind::Livy:
        return livy;
    case ServiceKind::SparkRest:
        return sparkRest;
    case ServiceKind::SparkUi:
        return sparkUi;
    case ServiceKind::Elasticsearch:
        return elasticsearch;
    case ServiceKind::Redis:
        return redis;
    }
    return livy;
}

ServiceConfig &Profile::service(ServiceKind kind)
{
    return const_cast<ServiceConfig &>(std::as_const(*this).service(kind));
}

const ScoringEndpointConfig *Profile::scoringEndpoint(const QString &endpointName) const
{
    for (const auto &endpoint : scoring) {
        if (endpoint.name == endpointName)
            return &endpoint;
    }
    return nullptr;
}

Result<RedisAddress> parseRedisUrl(const QUrl &url)
{
    auto address = Detail::checkRedisUrl(url);
    if (!address)
        return fail(ErrorKind::Usage, ProfileText::tr("%1: %2").arg(Detail::safeUrlText(url), address.error()));
    return *address;
}

} // namespace Opsdeck::Core
