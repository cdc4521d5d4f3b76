#include "health/healthcheck.h"

#include "common/logging.h"
#include "config/secrets.h"
#include "net/httpclient.h"
#include "net/redisconnection.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtCore/QtEndian>

namespace Opsdeck::Core {

namespace {

// lupdate files tr() calls in free functions under the enclosing namespace: the context must match it.
QString tr(const char *text)
{
    return QCoreApplication::translate("Opsdeck::Core", text);
}

/// Maps a transport error or an HTTP status onto the row. Returns true when the body is worth parsing (2xx).
bool classify(const Result<HttpResponse> &result, ServiceHealth &row)
{
    if (!result) {
        // Only a transport failure means nothing answered; a refused redirect or an oversized body did answer.
        const ErrorKind kind = result.error().kind;
        row.state = kind == ErrorKind::Auth          ? HealthState::AuthRefused
                    : kind == ErrorKind::Unreachable ? HealthState::Unreachable
                                                     : HealthState::Degraded;
        row.detail = result.error().message;
        return false;
    }
    row.latencyMs = result->elapsedMs;
    if (auto ok = result->checkStatus(); !ok) {
        row.state = ok.error().kind == ErrorKind::Auth ? HealthState::AuthRefused : HealthState::Degraded;
        row.detail = ok.error().message;
        return false;
    }
    row.state = HealthState::Up;
    return true;
}

/// Parses a 2xx body as a JSON object, or marks the row degraded naming URL and cause.
std::optional<QJsonObject> jsonObject(const HttpResponse &response, ServiceHealth &row)
{
    auto doc = parseJson(response);
    if (!doc) {
        row.state = HealthState::Degraded;
        row.detail = doc.error().message;
        return std::nullopt;
    }
    if (!doc->isObject()) {
        row.state = HealthState::Degraded;
        row.detail = tr("%1 %2: expected a JSON object")
                         .arg(QString::fromLatin1(response.method), displayUrl(response.url));
        return std::nullopt;
    }
    return doc->object();
}

QUrl withPath(const QUrl &base, const QString &path, const QString &query = {})
{
    QUrl url = base;
    QString p = url.path();
    while (p.endsWith(u'/'))
        p.chop(1);
    url.setPath(p + path);
    // The base URL's own query (a proxy's routing parameter, say) stays; the probe's items follow it.
    const QString baseQuery = base.query(QUrl::FullyEncoded);
    url.setQuery(baseQuery.isEmpty() ? query : query.isEmpty() ? baseQuery : baseQuery + u'&' + query,
                 QUrl::StrictMode);
    return url;
}

} // namespace

Result<Profile> withServices(const Profile &profile, const QStringList &keys)
{
    if (keys.isEmpty())
        return profile;
    const QList<ServiceKind> all = allServiceKinds();
    QStringList known;
    for (ServiceKind kind : all)
        known << serviceKey(kind);
    known << QStringLiteral("scoring");
    for (const auto &endpoint : profile.scoring)
        known << QStringLiteral("scoring:") + endpoint.name;

    Profile only = profile;
    QList<ServiceKind> kinds;
    QStringList endpoints;
    bool allEndpoints = false;
    for (const QString &key : keys) {
        const auto kind = std::find_if(all.cbegin(), all.cend(), [&](ServiceKind k) { return serviceKey(k) == key; });
        if (kind != all.cend()) {
            if (!profile.service(*kind).isConfigured())
                return fail(ErrorKind::Usage,
                            tr("service '%1' is not configured in profile '%2'").arg(key, profile.name));
            kinds << *kind;
        } else if (key == u"scoring") {
            if (profile.scoring.isEmpty())
                return fail(ErrorKind::Usage, tr("profile '%1' has no scoring endpoints").arg(profile.name));
            allEndpoints = true;
        } else if (key.startsWith(u"scoring:") && profile.scoringEndpoint(key.mid(8))) {
            endpoints << key.mid(8);
        } else {
            return fail(ErrorKind::Usage, tr("unknown service '%1' in profile '%2' (known: %3)")
                                              .arg(key, profile.name, known.join(QStringLiteral(", "))));
        }
    }
    for (ServiceKind kind : all) {
        if (!kinds.contains(kind))
            only.service(kind) = ServiceConfig{};
    }
    if (!allEndpoints) {
        only.scoring.removeIf(
            [&endpoints](const ScoringEndpointConfig &endpoint) { return !endpoints.contains(endpoint.name); });
    }
    return only;
}

HealthCheck::HealthCheck(Profile profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{
    for (ServiceKind kind : allServiceKinds()) {
        const ServiceConfig &service = m_profile.service(kind);
        if (!service.isConfigured())
            continue;
        ServiceHealth row;
        row.key = serviceKey(kind);
        row.name = serviceDisplayName(kind);
        row.url = displayUrl(service.url);
        row.state = HealthState::Checking;
        m_rows.append(row);
        m_kinds.append(kind);
    }
    for (const auto &endpoint : std::as_const(m_profile.scoring)) {
        ServiceHealth row;
        row.key = QStringLiteral("scoring:") + endpoint.name;
        row.name = tr("Scoring %1").arg(endpoint.name);
        row.url = displayUrl(endpoint.url);
        row.state = HealthState::Checking;
        m_rows.append(row);
    }
}

HealthCheck::~HealthCheck() = default;

QList<ServiceHealth> HealthCheck::pending() const
{
    return m_rows;
}

void HealthCheck::start()
{
    if (m_running)
        return;
    m_running = true;
    m_done = QList<bool>(m_rows.size(), false);
    m_remaining = int(m_rows.size());
    // Start on the next loop turn so that callers connect first and results never arrive inside start().
    QTimer::singleShot(0, this, [this] {
        if (m_remaining == 0) {
            m_running = false;
            Q_EMIT finished(m_rows);
            return;
        }
        readSecrets();
    });
}

// Keychain secrets are read before any probe starts, one after another and without waiting on this thread: a
// local loop here would let a profile switch delete this round under the waiting probe. The keychain answers one
// request at a time anyway, and a key several services share is read once. Environment secrets need no wait.
void HealthCheck::readSecrets()
{
    if (!m_running)
        return;
    const auto needs = [](const AuthConfig &auth, bool redis) {
        return !auth.secret.keychain.isEmpty() && (redis || auth.type != AuthType::None);
    };
    QList<SecretRef> refs;
    for (ServiceKind kind : std::as_const(m_kinds)) {
        if (needs(m_profile.service(kind).auth, kind == ServiceKind::Redis))
            refs.append(m_profile.service(kind).auth.secret);
    }
    for (const auto &endpoint : std::as_const(m_profile.scoring)) {
        if (needs(endpoint.auth, false))
            refs.append(endpoint.auth.secret);
    }
    for (const SecretRef &ref : std::as_const(refs)) {
        if (m_keychainSecrets.contains(ref.keychain))
            continue;
        resolveSecretAsync(ref, this, [this, key = ref.keychain](Result<QByteArray> secret) {
            m_keychainSecrets.insert(key, std::move(secret));
            readSecrets();
        });
        return;
    }
    probeAll();
}

Result<QByteArray> HealthCheck::secret(const SecretRef &ref) const
{
    // An environment variable comes first (as in resolveSecret()) and needs no wait.
    if (!ref.env.isEmpty() || ref.keychain.isEmpty())
        return resolveSecret(ref);
    if (auto it = m_keychainSecrets.constFind(ref.keychain); it != m_keychainSecrets.cend())
        return *it;
    // Never read here: a local loop on this thread is what readSecrets() exists to avoid. A probe whose secret
    // it did not collect is a mistake in this file, said as such rather than waited for.
    return fail(ErrorKind::Failed, tr("secret %1 was not read before the probes started").arg(ref.describe()));
}

void HealthCheck::probeAll()
{
    for (int i = 0; i < m_kinds.size(); ++i) {
        if (m_kinds.at(i) == ServiceKind::Redis)
            probeRedis(i);
        else
            probeHttp(i, m_kinds.at(i));
    }
    for (int j = 0; j < m_profile.scoring.size(); ++j)
        probeScoring(int(m_kinds.size()) + j, m_profile.scoring.at(j));
}

void HealthCheck::abort()
{
    m_running = false;
    m_remaining = 0;
    for (QObject *child : std::as_const(m_children))
        child->deleteLater();
    m_children.clear();
}

void HealthCheck::complete(int index, ServiceHealth health)
{
    if (!m_running || index < 0 || index >= m_rows.size() || m_done.at(index))
        return;
    health.checkedAt = QDateTime::currentDateTimeUtc();
    // Remote text (body excerpts, versions, cluster names, INFO fields) must not drive the terminal.
    health.version = withoutControlCharacters(health.version);
    health.detail = withoutControlCharacters(health.detail);
    m_rows[index] = health;
    m_done[index] = true;
    qCDebug(lcHealth) << health.key << healthStateKey(health.state) << health.latencyMs << "ms";
    Q_EMIT serviceChecked(health);
    if (--m_remaining == 0) {
        m_running = false;
        for (QObject *child : std::as_const(m_children))
            child->deleteLater();
        m_children.clear();
        Q_EMIT finished(m_rows);
    }
}

HttpClient *HealthCheck::clientFor(const AuthConfig &auth, const TlsConfig &tls, ServiceHealth &row, bool *ok)
{
    *ok = false;
    // A secret that is not set or a CA file that cannot be read is the profile's problem, not the service's:
    // the service is not asked at all.
    auto credentials = resolveCredentials(auth, [this](const SecretRef &ref) { return secret(ref); });
    if (!credentials) {
        row.state = HealthState::ConfigError;
        row.detail = credentials.error().message;
        return nullptr;
    }
    auto *client = new HttpClient(this);
    m_children.append(client);
    TlsConfig resolved = tls;
    resolved.caFile = tls.caPath(m_profile.sourceFile);
    if (auto tlsOk = client->setTls(resolved); !tlsOk) {
        row.state = HealthState::ConfigError;
        row.detail = tlsOk.error().message;
        return nullptr;
    }
    client->setCredentials(*credentials);
    *ok = true;
    return client;
}

void HealthCheck::probeHttp(int index, ServiceKind kind)
{
    const ServiceConfig &service = m_profile.service(kind);
    ServiceHealth row = m_rows.at(index);
    bool ok = false;
    HttpClient *client = clientFor(service.auth, service.tls, row, &ok);
    if (!ok) {
        complete(index, row);
        return;
    }
    HttpRequest request;
    request.timeoutMs = m_profile.timeoutMs;
    request.maxRetries = 0;
    switch (kind) {
    case ServiceKind::Livy:
        request.url = withPath(service.url, QStringLiteral("/batches"), QStringLiteral("from=0&size=1"));
        request.headers.append({QByteArrayLiteral("X-Requested-By"), QByteArrayLiteral("opsdeck")});
        break;
    case ServiceKind::SparkRest:
        // An id no driver has: a live server answers 200 {success:false, serverSparkVersion}.
        request.url = withPath(service.url, QStringLiteral("/v1/submissions/status/opsdeck-health-probe"));
        break;
    case ServiceKind::SparkUi:
        request.url = withPath(service.url, QStringLiteral("/api/v1/version"));
        break;
    case ServiceKind::Elasticsearch:
        request.url = withPath(service.url, QStringLiteral("/"));
        break;
    case ServiceKind::Redis:
        return;
    }
    client->send(request, this, [this, index, kind, row, client, service, timeoutMs = request.timeoutMs](
                                    Result<HttpResponse> result) mutable {
        if (!classify(result, row)) {
            complete(index, row);
            return;
        }
        auto object = jsonObject(*result, row);
        if (!object) {
            complete(index, row);
            return;
        }
        switch (kind) {
        case ServiceKind::Livy: {
            if (!object->contains(QStringLiteral("sessions"))) {
                row.state = HealthState::Degraded;
                row.detail = tr("GET %1: not a Livy /batches answer (no 'sessions')").arg(displayUrl(result->url));
            } else {
                row.detail = tr("%n batch(es)", nullptr, object->value(QStringLiteral("total")).toInt());
            }
            break;
        }
        case ServiceKind::SparkRest: {
            row.version = object->value(QStringLiteral("serverSparkVersion")).toString();
            if (row.version.isEmpty()) {
                row.state = HealthState::Degraded;
                row.detail = tr("GET %1: not a Spark submission server answer (no 'serverSparkVersion')")
                                 .arg(displayUrl(result->url));
            } else {
                row.detail = tr("submission server");
            }
            break;
        }
        case ServiceKind::SparkUi: {
            row.version = object->value(QStringLiteral("spark")).toString();
            if (row.version.isEmpty()) {
                row.state = HealthState::Degraded;
                row.detail = tr("GET %1: not a Spark monitoring API answer (no 'spark')").arg(displayUrl(result->url));
            }
            break;
        }
        case ServiceKind::Elasticsearch: {
            row.version = object->value(QStringLiteral("version")).toObject().value(QStringLiteral("number")).toString();
            const QString clusterName = object->value(QStringLiteral("cluster_name")).toString();
            // Any JSON service answers an object; Elasticsearch's root names its version (protocols.md d).
            if (row.version.isEmpty()) {
                row.state = HealthState::Degraded;
                row.detail = tr("not an Elasticsearch answer: GET %1 has no 'version.number'")
                                 .arg(displayUrl(result->url));
                break;
            }
            const qint64 firstLatency = row.latencyMs;
            HttpRequest health;
            health.url = withPath(service.url, QStringLiteral("/_cluster/health"));
            health.timeoutMs = timeoutMs;
            health.maxRetries = 0;
            client->send(health, this, [this, index, row, clusterName, firstLatency](Result<HttpResponse> r) mutable {
                if (!classify(r, row)) {
                    complete(index, row);
                    return;
                }
                row.latencyMs = firstLatency;
                auto h = jsonObject(*r, row);
                if (h) {
                    const QString status = h->value(QStringLiteral("status")).toString();
                    const int nodes = h->value(QStringLiteral("number_of_nodes")).toInt();
                    if (status != u"green" && status != u"yellow" && status != u"red") {
                        row.state = HealthState::Degraded;
                        row.detail = tr("not an Elasticsearch answer: GET %1: 'status' is '%2', expected green, "
                                        "yellow or red")
                                         .arg(displayUrl(r->url), status.left(40));
                    } else {
                        row.detail = tr("cluster %1 %2, %n node(s)", nullptr, nodes).arg(clusterName, status);
                        if (status == u"red")
                            row.state = HealthState::Degraded;
                    }
                }
                complete(index, row);
            });
            return;
        }
        case ServiceKind::Redis:
            break;
        }
        complete(index, row);
    });
}

void HealthCheck::probeRedis(int index)
{
    const ServiceConfig &service = m_profile.redis;
    ServiceHealth row = m_rows.at(index);
    auto address = parseRedisUrl(service.url);
    if (!address) {
        row.state = HealthState::Degraded;
        row.detail = address.error().message;
        complete(index, row);
        return;
    }
    RedisOptions options;
    options.host = address->host;
    options.port = address->port;
    options.db = address->db;
    options.autoReconnect = false;
    options.connectTimeoutMs = m_profile.timeoutMs;
    options.commandTimeoutMs = m_profile.timeoutMs;
    if (service.auth.secret.isSet()) {
        auto secret = this->secret(service.auth.secret);
        if (!secret) {
            row.state = HealthState::ConfigError;
            row.detail = secret.error().message;
            complete(index, row);
            return;
        }
        options.password = *secret;
        options.user = service.auth.user.toUtf8();
    }
    auto *connection = new RedisConnection(options, this);
    m_children.append(connection);
    connect(connection, &RedisConnection::disconnected, this, [this, index, row](const Error &error) mutable {
        // Unreachable only when nothing answered; a server that answered the handshake with an error (SELECT of a
        // database it does not have) is up but not usable as configured.
        row.state = error.kind == ErrorKind::Auth          ? HealthState::AuthRefused
                    : error.kind == ErrorKind::Unreachable ? HealthState::Unreachable
                                                           : HealthState::Degraded;
        row.detail = error.message;
        complete(index, row);
    });
    connect(connection, &RedisConnection::connected, this, [this, index, row, connection]() mutable {
        QElapsedTimer roundTrip;
        roundTrip.start();
        connection->pipeline({{QByteArrayLiteral("PING")}, {QByteArrayLiteral("INFO"), QByteArrayLiteral("server")}},
                             this, [this, index, row, roundTrip](Result<QList<RedisReply>> replies) mutable {
                                 if (!replies) {
                                     const ErrorKind kind = replies.error().kind;
                                     row.state = kind == ErrorKind::Auth          ? HealthState::AuthRefused
                                                 : kind == ErrorKind::Unreachable ? HealthState::Unreachable
                                                                                  : HealthState::Degraded;
                                     row.detail = replies.error().message;
                                     complete(index, row);
                                     return;
                                 }
                                 row.latencyMs = roundTrip.elapsed();
                                 const auto &list = *replies;
                                 if (list.size() != 2) {
                                     row.state = HealthState::Degraded;
                                     row.detail = tr("no reply to PING");
                                     complete(index, row);
                                     return;
                                 }
                                 // Both replies count: an ACL user may be allowed PING and not INFO (or the
                                 // other way round). NOAUTH/WRONGPASS/NOPERM is a refusal, any other error a
                                 // server that answers but is not usable as configured — never up.
                                 static const char *const names[] = {"PING", "INFO server"};
                                 for (int i = 0; i < 2; ++i) {
                                     const RedisReply &reply = list.at(i);
                                     if (!reply.isError())
                                         continue;
                                     row.state = kindForServerError(reply.string) == ErrorKind::Auth
                                                     ? HealthState::AuthRefused
                                                     : HealthState::Degraded;
                                     row.detail = QStringLiteral("%1: %2").arg(QLatin1String(names[i]),
                                                                             reply.toDisplayString());
                                     complete(index, row);
                                     return;
                                 }
                                 row.state = HealthState::Up;
                                 for (const QByteArray &line : list.at(1).string.split('\n')) {
                                     if (line.startsWith("redis_version:"))
                                         row.version = QString::fromLatin1(line.mid(14).trimmed());
                                     else if (line.startsWith("redis_mode:"))
                                         row.detail = tr("mode %1").arg(QString::fromLatin1(line.mid(11).trimmed()));
                                 }
                                 complete(index, row);
                             });
    });
    connection->open();
}

void HealthCheck::probeScoring(int index, const ScoringEndpointConfig &endpoint)
{
    ServiceHealth row = m_rows.at(index);
    bool ok = false;
    HttpClient *client = clientFor(endpoint.auth, endpoint.tls, row, &ok);
    if (!ok) {
        complete(index, row);
        return;
    }
    HttpRequest request;
    request.timeoutMs = m_profile.timeoutMs;
    request.maxRetries = 0;
    const bool oneRow = endpoint.healthUrl.isEmpty();
    if (!oneRow) {
        request.url = endpoint.healthUrl;
    } else if (endpoint.features > maxFeatures) {
        // The profile parser refuses this; an endpoint built in code must not make the probe allocate gigabytes.
        row.state = HealthState::ConfigError;
        row.detail = tr("%1: features must be at most %2, not %3").arg(row.key).arg(maxFeatures).arg(endpoint.features);
        complete(index, row);
        return;
    } else if (endpoint.features <= 0) {
        row.state = HealthState::Degraded;
        row.detail = tr("%1: set health_url or features for a one-row probe").arg(row.key);
        complete(index, row);
        return;
    } else if (endpoint.protocol == u"json") {
        request.method = "POST";
        request.url = endpoint.url;
        request.contentType = "application/json";
        QByteArray body = "{\"instances\":[[";
        for (int i = 0; i < endpoint.features; ++i)
            body += i ? ",0" : "0";
        body += "]]}";
        request.body = body;
    } else {
        request.method = "PUT";
        request.url = endpoint.url;
        request.contentType = "application/octet-stream";
        request.body = QByteArray(qsizetype(endpoint.features) * 4, '\0');   // one row of 0.0f
    }
    const QString protocol = endpoint.protocol;
    client->send(request, this, [this, index, row, oneRow, protocol](Result<HttpResponse> result) mutable {
        if (!classify(result, row)) {
            complete(index, row);
            return;
        }
        if (!oneRow) {
            row.detail = QString::fromUtf8(result->body.left(120)).simplified();
        } else if (protocol == u"json") {
            if (auto object = jsonObject(*result, row))
                row.detail = tr("scored one row");
        } else if (result->body.size() < 4 || result->body.size() % 4 != 0) {
            row.state = HealthState::Degraded;
            row.detail = tr("PUT %1: reply has %2 bytes, expected a multiple of 4")
                             .arg(displayUrl(result->url))
                             .arg(result->body.size());
        } else {
            const float score = qFromLittleEndian<float>(result->body.constData());
            row.detail = tr("scored one row: %1").arg(double(score), 0, 'g', 6);
        }
        complete(index, row);
    });
}

} // namespace Opsdeck::Core
