#pragma once

#include "scoring/benchreport.h"

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// The latency distribution of a finished run: batches per latency bin on a logarithmic latency axis (the
/// report's histogram buckets reduced in core by Core::decimateHistogram), with the p50, p99 and maximum
/// marked. Shows a hint instead while there is no run to show.
class LatencyHistogramChart final : public QWidget
{
    Q_OBJECT
public:
    /// Bins drawn at most: enough for the shape, few enough to read each bar.
    static constexpr int maximumBins = 60;

    explicit LatencyHistogramChart(QWidget *parent = nullptr);
    ~LatencyHistogramChart() override;
    Q_DISABLE_COPY_MOVE(LatencyHistogramChart)

    /// Shows `buckets` (Core::BenchReport::latencyBuckets) with the percentiles of `latency` marked. An empty
    /// bucket list shows the hint "no batch completed".
    void setHistogram(const QList<Core::LatencyHistogram::Bucket> &buckets,
                      const Core::LatencySummary &latency);
    /// Back to the hint (a new run).
    void clear();

    /// Bins drawn (0 while the hint is shown).
    [[nodiscard]] qsizetype binCount() const { return m_bins.size(); }
    /// The bins drawn, in nanoseconds, in order.
    [[nodiscard]] QList<Core::LatencyHistogram::Bucket> bins() const { return m_bins; }
    /// Names of the percentile markers drawn ("p50", "p99", "max"); the view's tooltip has their values.
    [[nodiscard]] QStringList markers() const;
    /// The hint shown instead of the chart (empty while the chart is shown).
    [[nodiscard]] QString hint() const;
    [[nodiscard]] bool isDark() const { return m_dark; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_hint;
    QLogValueAxis *m_latencyAxis;
    QValueAxis *m_countAxis;
    QLineSeries *m_outline;
    QAreaSeries *m_area;
    QList<QLineSeries *> m_markers;
    QList<Core::LatencyHistogram::Bucket> m_bins;
    bool m_dark = false;
};

} // namespace Opsdeck::Gui
