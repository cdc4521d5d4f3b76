#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Opsdeck::Core {

/// What one probe of one service found.
enum class HealthState {
    Up,           ///< answered as expected
    Degraded,     ///< answered, but not healthy (HTTP error status, unexpected body, refused redirect, body too
                  ///< large, not the expected protocol, Elasticsearch red)
    AuthRefused,  ///< refused our credentials (HTTP 401/403, Redis WRONGPASS/NOAUTH/NOPERM)
    Unreachable,  ///< no answer: refused, DNS, reset, TLS failure, timeout
    ConfigError,  ///< not probed: the profile's own settings cannot be used here (secret not set, CA file unreadable)
    Checking,     ///< a probe is in flight (GUI only; never in a finished round)
};

struct ServiceHealth
{
    QString key;            ///< "livy", "spark_rest", "spark_ui", "elasticsearch", "redis", "scoring:<name>"
    QString name;           ///< display name ("Livy", "Scoring score-1")
    QString url;            ///< without user info
    HealthState state = HealthState::Unreachable;
    qint64 latencyMs = -1;  ///< round trip of the probe's last request; -1 when nothing answered
    QString version;        ///< server version when the service tells it
    QString detail;         ///< one line: cluster status, batch count, or the error naming URL and cause
    QDateTime checkedAt;
};

/// Text a service sent (a body excerpt, a version, a cluster name, an INFO field) made safe for a terminal: C0 and
/// C1 control characters and DEL are dropped (ESC sequences lose their ESC and do nothing), line breaks and tabs
/// become spaces, bidirectional overrides are dropped. HealthCheck applies it to every row's version and detail.
[[nodiscard]] QString withoutControlCharacters(const QString &text);

/// "up", "degraded", "auth-refused", "unreachable", "config-error", "checking" (stable: used in --json output).
[[nodiscard]] QString healthStateKey(HealthState state);
/// Translated label for tables.
[[nodiscard]] QString healthStateLabel(HealthState state);
/// The JSON object of `services check --json`: service, name, url, state, latency_ms (null when none),
/// version, detail, checked_at (ISO 8601 UTC).
[[nodiscard]] QJsonObject toJson(const ServiceHealth &health);
/// Exit code of a finished round: 2 when any could not be probed for a configuration error; else 4 when any
/// refused authentication; else 5 when any is unreachable; else 1 when any answered degraded; else 0.
[[nodiscard]] int healthExitCode(const QList<ServiceHealth> &round);

} // namespace Opsdeck::Core
