#include "health/healthmonitor.h"

#include "health/healthcheck.h"

#include <algorithm>
#include <utility>

namespace Opsdeck::Core {

HealthMonitor::HealthMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { refresh(); });
}

HealthMonitor::~HealthMonitor()
{
    if (m_check)
        m_check->abort();
}

void HealthMonitor::setProfile(const Profile &profile)
{
    if (m_check) {
        m_check->abort();
        m_check->deleteLater();
        m_check = nullptr;
    }
    m_profile = profile;
    m_history.clear();
    m_current.clear();
    m_lastRound.clear();
    Q_EMIT profileChanged();
    if (m_running) {
        m_timer.stop();
        refresh();
    }
}

void HealthMonitor::setInterval(std::chrono::milliseconds interval)
{
    // A floor keeps a mistyped interval from hammering the services.
    m_interval = std::max(interval, std::chrono::milliseconds(500));
}

void HealthMonitor::start()
{
    m_running = true;
    if (!m_check)
        refresh();
}

void HealthMonitor::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_check) {
        m_check->abort();
        m_check->deleteLater();
        m_check = nullptr;
    }
}

bool HealthMonitor::refresh()
{
    if (m_check)
        return false;
    m_timer.stop();
    auto *check = new HealthCheck(m_profile, this);
    m_check = check;
    m_current = check->pending();
    connect(check, &HealthCheck::serviceChecked, this, [this, check](const ServiceHealth &health) {
        for (int i = 0; i < m_current.size(); ++i) {
            if (m_current.at(i).key == health.key) {
                m_current[i] = health;
                Q_EMIT serviceUpdated(i, health);
                break;
            }
        }
        Q_UNUSED(check);
    });
    connect(check, &HealthCheck::finished, this, [this, check](const QList<ServiceHealth> &round) {
        if (m_check != check)
            return;
        m_check = nullptr;
        check->deleteLater();
        onFinished(round);
    });
    Q_EMIT roundStarted(m_current);
    check->start();
    return true;
}

void HealthMonitor::onFinished(const QList<ServiceHealth> &round)
{
    m_current = round;
    // current() changes as the round goes (Checking, then each answer): the round before is kept apart.
    const QList<ServiceHealth> previous = std::exchange(m_lastRound, round);
    ++m_rounds;
    for (const auto &h : round) {
        auto &samples = m_history[h.key];
        samples.append(LatencySample{h.checkedAt, h.state == HealthState::Unreachable ? -1 : h.latencyMs, h.state});
        if (samples.size() > historyLimit)
            samples.remove(0, samples.size() - historyLimit);
    }
    for (const auto &h : round) {
        const auto before = std::find_if(previous.cbegin(), previous.cend(),
                                         [&h](const ServiceHealth &p) { return p.key == h.key; });
        if (before != previous.cend() && before->state != h.state)
            Q_EMIT stateChanged(h, before->state);
    }
    Q_EMIT roundFinished(round);
    if (m_running)
        m_timer.start(m_interval);
}

QList<LatencySample> HealthMonitor::history(const QString &serviceKey) const
{
    return m_history.value(serviceKey);
}

} // namespace Opsdeck::Core
