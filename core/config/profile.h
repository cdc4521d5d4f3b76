#pragma once

#include "common/error.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

namespace Opsdeck::Core {

/// The services a profile can point at. Scoring endpoints are a list of their own (Profile::scoring).
enum class ServiceKind { Livy, SparkRest, SparkUi, Elasticsearch, Redis };

/// All service kinds in display order (Livy, Spark REST, Spark UI, Elasticsearch, Redis).
[[nodiscard]] QList<ServiceKind> allServiceKinds();
/// The key used in the profiles file and in JSON output: "livy", "spark_rest", "spark_ui", "elasticsearch",
/// "redis".
[[nodiscard]] QString serviceKey(ServiceKind kind);
/// The translated name for people: "Livy", "Spark REST", "Spark UI", "Elasticsearch", "Redis".
[[nodiscard]] QString serviceDisplayName(ServiceKind kind);

/// How a client authenticates. Redis authentication (AUTH [user] password) is always Basic.
enum class AuthType { None, Basic, Bearer, ApiKey };

/// The file spelling of an auth type: "" (None), "basic", "bearer", "apikey".
[[nodiscard]] QString authTypeKey(AuthType type);

/// Where a secret lives. Exactly one of the two is set in a valid profile; the value itself is never stored in
/// a Profile (see resolveSecret() in secrets.h).
struct SecretRef
{
    QString env;        ///< name of an environment variable holding the secret
    QString keychain;   ///< key in the system keychain (service "opsdeck")

    /// True when either reference is set.
    [[nodiscard]] bool isSet() const;
    /// "env:ES_API_KEY", "keychain:opsdeck/prod/es", or "" when unset. Safe to print.
    [[nodiscard]] QString describe() const;

    friend bool operator==(const SecretRef &, const SecretRef &) = default;
};

struct AuthConfig
{
    AuthType type = AuthType::None;
    QString user;        ///< Basic user name; for Redis the optional ACL user
    SecretRef secret;    ///< password (Basic, Redis), token (Bearer) or API key (ApiKey)

    /// True when the service needs authentication (type is not None).
    [[nodiscard]] bool isSet() const;

    friend bool operator==(const AuthConfig &, const AuthConfig &) = default;
};

/// `path` as a file to open: an absolute path as it is; a relative one in the folder of `profilesFile` (the
/// profiles file that names it, as kubeconfig and ssh resolve theirs), or in the working folder when
/// `profilesFile` is empty (a profile built in code). Empty when `path` is.
[[nodiscard]] QString pathFromProfilesFile(const QString &path, const QString &profilesFile);

struct TlsConfig
{
    QString caFile;          ///< extra CA bundle (PEM) as written in the file; empty = system CAs only
    bool insecure = false;   ///< skip certificate verification; only ever true when the file says so

    /// caFile as a file to open (pathFromProfilesFile(); `profilesFile` is Profile::sourceFile).
    [[nodiscard]] QString caPath(const QString &profilesFile) const;

    friend bool operator==(const TlsConfig &, const TlsConfig &) = default;
};

struct ServiceConfig
{
    QUrl url;
    AuthConfig auth;
    TlsConfig tls;

    /// True when the profile gives this service a URL.
    [[nodiscard]] bool isConfigured() const;

    friend bool operator==(const ServiceConfig &, const ServiceConfig &) = default;
};

/// The largest number of input columns (features) of one scoring row: 2^24, the limit of `bench --features` and of
/// a profile's `features`. A one-row float32 probe is at most 64 MiB.
inline constexpr int maxFeatures = 1 << 24;

struct ScoringEndpointConfig
{
    QString name;
    QUrl url;
    QString protocol = QStringLiteral("float32");   ///< "float32" or "json"
    QUrl healthUrl;                                 ///< empty = no health probe URL
    int features = 0;                               ///< input columns; 0 = not known
    AuthConfig auth;
    TlsConfig tls;

    friend bool operator==(const ScoringEndpointConfig &, const ScoringEndpointConfig &) = default;
};

/// One named set of service addresses. Plain value type: copy it freely.
struct Profile
{
    QString name;
    QString sourceFile;   ///< the file it was read from; empty for the built-in profile
    int timeoutMs = 10000;
    ServiceConfig livy;
    ServiceConfig sparkRest;
    ServiceConfig sparkUi;
    ServiceConfig elasticsearch;
    ServiceConfig redis;
    QList<ScoringEndpointConfig> scoring;

    /// The service of that kind (one of the members above).
    [[nodiscard]] const ServiceConfig &service(ServiceKind kind) const;
    [[nodiscard]] ServiceConfig &service(ServiceKind kind);
    /// The scoring endpoint with that name, or nullptr.
    [[nodiscard]] const ScoringEndpointConfig *scoringEndpoint(const QString &name) const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

/// A Redis address taken apart.
struct RedisAddress
{
    QString host;
    quint16 port = 6379;
    int db = 0;

    friend bool operator==(const RedisAddress &, const RedisAddress &) = default;
};

/// Parses "redis://host:port/db" (port default 6379, db default 0). Fails (Usage) naming the URL when the scheme
/// is not redis (rediss://, Redis over TLS, is refused: the client speaks plain TCP), the host is missing, the
/// database is not a non-negative integer, or the URL carries a user, password, query or fragment. The password
/// is never echoed.
[[nodiscard]] Result<RedisAddress> parseRedisUrl(const QUrl &url);

/// A URL as every message, table and JSON document shows it: without user name and password, and with every
/// query (and fragment) value replaced by "***" ("http://h:1/p?token=***&size=***"); keys are kept. Use it wherever
/// a URL is shown.
[[nodiscard]] QString displayUrl(const QUrl &url);
/// Whether a key or query name names a secret (access-token, client_secret, X-Api-Key, sig, passwd …; not keyword,
/// signal or author): such names are refused in profile URLs and their values masked in reports.
[[nodiscard]] bool isSecretName(const QString &name);

} // namespace Opsdeck::Core
