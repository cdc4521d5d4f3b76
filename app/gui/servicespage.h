#pragma once

#include "page.h"

#include <QtCore/QDateTime>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Opsdeck::Core {
class HealthMonitor;
class HealthTableModel;
} // namespace Opsdeck::Core

namespace Opsdeck::Gui {

class HealthStateDelegate;
class LatencyChart;

/// The Services page: every service of the profile with its state, latency, version and detail, refreshed
/// automatically (interval 5–600 s) by a HealthMonitor, plus the latency history chart.
class ServicesPage final : public Page
{
    Q_OBJECT
public:
    static constexpr int minimumIntervalSeconds = 5;
    static constexpr int maximumIntervalSeconds = 600;
    static constexpr int defaultIntervalSeconds = 15;

    explicit ServicesPage(QWidget *parent = nullptr);
    ~ServicesPage() override;
    Q_DISABLE_COPY_MOVE(ServicesPage)

    /// Aborts a round in flight, clears table and chart, and starts probing `profile` at once.
    void setProfile(const Core::Profile &profile) override;
    /// Starts a round now unless one is in flight (then nothing happens: rounds never overlap).
    void refresh() override;
    [[nodiscard]] QString statusText() const override;

    /// Seconds between the end of a round and the start of the next (clamped to 5–600).
    void setIntervalSeconds(int seconds);
    [[nodiscard]] int intervalSeconds() const;

    [[nodiscard]] Core::HealthMonitor *monitor() const { return m_monitor; }
    /// The table's model; replaced on every profile switch.
    [[nodiscard]] Core::HealthTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refreshButton; }
    [[nodiscard]] LatencyChart *chart() const { return m_chart; }
    /// When the last round finished (invalid before the first).
    [[nodiscard]] QDateTime lastRound() const { return m_lastRound; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void onRoundFinished();
    void updateRefreshButton();
    void applyScheme();
    void setStatus(const QString &text);

    Core::HealthMonitor *m_monitor;
    Core::HealthTableModel *m_model = nullptr;
    HealthStateDelegate *m_stateDelegate;
    QTableView *m_table;
    QSpinBox *m_interval;
    QPushButton *m_refreshButton;
    QLabel *m_roundLabel;
    LatencyChart *m_chart;
    QDateTime m_lastRound;
    QString m_status;
    bool m_started = false;
    bool m_columnsFitted = false;   // columns sized to the first round of the current profile
};

} // namespace Opsdeck::Gui
