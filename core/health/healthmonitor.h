#pragma once

#include "config/profile.h"
#include "health/healthcheck.h"
#include "health/servicehealth.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace Opsdeck::Core {

/// One latency sample of a service's history.
struct LatencySample
{
    QDateTime at;
    qint64 latencyMs = -1;   ///< -1 when the service did not answer
    HealthState state = HealthState::Unreachable;
};

/// Probes a profile's services on a timer. The next round starts `interval` after the previous one finished, so
/// rounds never overlap a probe still in flight; refresh() while a round runs is a no-op. Keeps a bounded latency
/// history per service (the GUI's sparkline/chart).
class HealthMonitor final : public QObject
{
    Q_OBJECT
public:
    static constexpr int historyLimit = 720;

    explicit HealthMonitor(QObject *parent = nullptr);
    ~HealthMonitor() override;
    Q_DISABLE_COPY_MOVE(HealthMonitor)

    /// Switches profile: aborts a round in flight, clears history and current() (emitting profileChanged()), and
    /// starts a round at once when running.
    void setProfile(const Profile &profile);
    [[nodiscard]] const Profile &profile() const { return m_profile; }
    void setInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds interval() const { return m_interval; }

    void start();     ///< first round now, then every interval after each round
    void stop();      ///< aborts a round in flight
    /// Starts a round now unless one is in flight. Returns false when one was already running.
    bool refresh();
    [[nodiscard]] bool isRoundRunning() const { return m_check != nullptr; }
    [[nodiscard]] QList<ServiceHealth> current() const { return m_current; }
    [[nodiscard]] QList<LatencySample> history(const QString &serviceKey) const;
    [[nodiscard]] int roundsCompleted() const { return m_rounds; }

Q_SIGNALS:
    /// setProfile() switched profile: earlier results (current(), history()) are gone.
    void profileChanged();
    void roundStarted(const QList<Opsdeck::Core::ServiceHealth> &pending);
    void serviceUpdated(int row, const Opsdeck::Core::ServiceHealth &health);
    /// A round found a service in another state than the round before it did (same profile; so never after a
    /// profile's first round). Emitted for each such service, before roundFinished().
    void stateChanged(const Opsdeck::Core::ServiceHealth &health, Opsdeck::Core::HealthState before);
    void roundFinished(const QList<Opsdeck::Core::ServiceHealth> &round);

private:
    void onFinished(const QList<ServiceHealth> &round);

    Profile m_profile;
    std::chrono::milliseconds m_interval{std::chrono::seconds(15)};
    QTimer m_timer;
    bool m_running = false;
    QPointer<HealthCheck> m_check;
    QList<ServiceHealth> m_current;
    QList<ServiceHealth> m_lastRound;   // as the last round finished, for stateChanged()
    QHash<QString, QList<LatencySample>> m_history;
    int m_rounds = 0;
};

} // namespace Opsdeck::Core
