#pragma once

#include "health/healthmonitor.h"

#include <QtCore/QHash>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// Latency history of several services over time: one line per service (answered probes) and, in the same
/// colour, triangle markers on the time axis where the service did not answer. The only place that touches
/// Qt Charts (deprecated from Qt 6.10), so replacing it stays local.
class LatencyChart final : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyChart(QWidget *parent = nullptr);
    ~LatencyChart() override;
    Q_DISABLE_COPY_MOVE(LatencyChart)

    /// Replaces the history of service `key` (its series is created on first use, labelled `name`) with
    /// `samples`, in one replace() per series. Samples with latencyMs < 0 become markers, the rest line points.
    void setSamples(const QString &key, const QString &name, const QList<Core::LatencySample> &samples);
    /// Drops every series (profile switch).
    void clear();
    /// Light or dark chart theme; series keep their colours (one per service). Follows the widget's palette on
    /// its own (PaletteChange); call this only to force a scheme.
    void setDark(bool dark);
    [[nodiscard]] bool isDark() const { return m_dark; }

    /// Keys of the services shown, in the order they were first given.
    [[nodiscard]] QStringList keys() const { return m_order; }
    /// Number of answered samples drawn for `key` (0 when unknown).
    [[nodiscard]] qsizetype answeredPoints(const QString &key) const;
    /// Number of "no answer" markers drawn for `key` (0 when unknown).
    [[nodiscard]] qsizetype unreachablePoints(const QString &key) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Series
    {
        QLineSeries *line = nullptr;
        QScatterSeries *down = nullptr;
    };
    void updateAxes();
    void applyColours();

    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_latencyAxis;
    QLabel *m_caption;
    QHash<QString, Series> m_series;
    QStringList m_order;
    bool m_dark = false;
};

} // namespace Opsdeck::Gui
