#pragma once

#include "config/profile.h"
#include "health/servicehealth.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>

namespace Opsdeck::Core {

/// `profile` with only the services `keys` name: `livy`, `spark_rest`, `spark_ui`, `elasticsearch`, `redis`,
/// `scoring` (every scoring endpoint) or `scoring:NAME` (one), the keys health rows carry. No keys: the profile
/// as it is. Fails (Usage) naming the key: one that is none of these ("unknown service 'x' (known: livy, …)"),
/// or a service the profile does not configure ("service 'livy' is not configured in profile 'p'").
[[nodiscard]] Result<Profile> withServices(const Profile &profile, const QStringList &keys);

class HttpClient;
class RedisConnection;

/// One round of probes over every configured service of a profile, all in flight at once:
/// Livy `GET /batches?from=0&size=1`; Spark REST `GET /v1/submissions/status/<probe id>` (a live server answers
/// `success:false` with its version); Spark UI `GET /api/v1/version`; Elasticsearch `GET /` then
/// `GET /_cluster/health`; Redis `PING` + `INFO server` in one pipelined round trip; each scoring endpoint its
/// `health_url`, else a one-row scoring request (needs `features`).
/// start() only schedules; serviceChecked() per service as it completes; finished() exactly once, in profile
/// order. Probes never retry: a health check reports what one attempt saw. Keychain secrets are read first,
/// without blocking the thread (resolveSecretAsync()), each key once; the object may be deleted at any point.
class HealthCheck final : public QObject
{
    Q_OBJECT
public:
    explicit HealthCheck(Profile profile, QObject *parent = nullptr);
    ~HealthCheck() override;
    Q_DISABLE_COPY_MOVE(HealthCheck)

    /// The rows this round will produce, in order, all in state Checking (for tables before results arrive).
    [[nodiscard]] QList<ServiceHealth> pending() const;
    void start();
    /// Stops every probe in flight; finished() is not emitted afterwards.
    void abort();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void serviceChecked(const Opsdeck::Core::ServiceHealth &health);
    void finished(const QList<Opsdeck::Core::ServiceHealth> &round);

private:
    void readSecrets();
    [[nodiscard]] Result<QByteArray> secret(const SecretRef &ref) const;
    void probeAll();
    void probeHttp(int index, ServiceKind kind);
    void probeRedis(int index);
    void probeScoring(int index, const ScoringEndpointConfig &endpoint);
    void complete(int index, ServiceHealth health);
    HttpClient *clientFor(const AuthConfig &auth, const TlsConfig &tls, ServiceHealth &row, bool *ok);

    Profile m_profile;
    QList<ServiceHealth> m_rows;
    QList<bool> m_done;
    QList<ServiceKind> m_kinds;
    int m_remaining = 0;
    bool m_running = false;
    QList<QObject *> m_children;
    QHash<QString, Result<QByteArray>> m_keychainSecrets; // by keychain key, as read for this round
};

} // namespace Opsdeck::Core
