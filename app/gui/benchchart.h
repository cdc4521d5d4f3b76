#pragma once

#include "scoring/loadgenerator.h"

#include <QtCore/QList>
#include <QtCore/QPointF>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// How a rows/s axis counts: in rows/s, k rows/s or M rows/s, so that its labels stay short.
struct RateScale
{
    double divisor = 1;
    QString unit;   ///< "M rows/s"
};
/// The scale for an axis up to `maximum` rows/s.
[[nodiscard]] RateScale rateScale(double maximum);
/// The largest y of `points` (0 for none).
[[nodiscard]] double maxY(const QList<QPointF> &points);
/// A chart for a pair stacked in one widget: no animation, the legend on top, thin margins (the plot gets the
/// room). The caller owns it until a QChartView takes it.
[[nodiscard]] QChart *newCompactChart();
/// Draws `series` in `colour`, its line 2 px wide (the pair charts of past runs and sweeps).
void colourSeries(QXYSeries *series, const QColor &colour);

/// The pair of charts of a set of runs: the throughput of each (top; INVALID runs marked by large red points, with
/// a legend then) and its p99 latency (bottom), over an x axis the caller supplies (start times, load levels).
/// The trend and the load sweep windows draw theirs with it.
struct RunCharts
{
    QChart *rateChart = nullptr;
    QChart *latencyChart = nullptr;
    QValueAxis *rateAxis = nullptr;
    QValueAxis *latencyAxis = nullptr;
    QLineSeries *rateSeries = nullptr;
    QScatterSeries *invalidSeries = nullptr;
    QLineSeries *p99Series = nullptr;
    QChartView *rateView = nullptr;
    QChartView *latencyView = nullptr;
    QLineSeries *baselineRateSeries = nullptr;   ///< addBaseline(): what the runs are compared with, dashed
    QLineSeries *baselineP99Series = nullptr;

    /// Adds a dashed pair of series for a baseline (an earlier sweep), named `name` in the legends.
    void addBaseline(const QString &name);
    /// Draws the points, rows/s and ms (the rows/s axis counts in k or M rows/s as rateScale() says); both y
    /// axes start at 0 with room above the highest point, the baseline's (after addBaseline()) included.
    void draw(const QList<QPointF> &throughput, const QList<QPointF> &invalid, const QList<QPointF> &p99,
              const QList<QPointF> &baselineThroughput = {}, const QList<QPointF> &baselineP99 = {}) const;
};
/// Builds the pair in `parent`'s palette: `rateX` and `latencyX` become the charts' x axes (created by the caller,
/// owned by the charts), `invalidName` names the INVALID points in the legend.
[[nodiscard]] RunCharts newRunCharts(QWidget *parent, QAbstractAxis *rateX, QAbstractAxis *latencyX,
                                     const QString &invalidName);

/// The windows of a benchmark run as two charts over the run's time: rows/s per window (top) and the p50 and
/// p99 latency per window (bottom). Each update rebuilds the series from the windows decimated in core
/// (Core::decimateMinMax, one column per pixel of the plot) with one replace() per series. Like LatencyChart,
/// the only place besides it that touches Qt Charts.
class BenchChart final : public QWidget
{
    Q_OBJECT
public:
    explicit BenchChart(QWidget *parent = nullptr);
    ~BenchChart() override;
    Q_DISABLE_COPY_MOVE(BenchChart)

    /// Adds one completed window (a live run).
    void addWindow(const Core::BenchWindow &window);
    /// Shows exactly `windows` (a finished run's report: short runs are judged on batch groups instead of the
    /// live 1-second windows).
    void setWindows(const QList<Core::BenchWindow> &windows);
    /// Drops every point (a new run).
    void clear();

    /// Windows shown.
    [[nodiscard]] qsizetype windowCount() const { return m_throughput.size(); }
    /// Points drawn by each series (after decimation).
    [[nodiscard]] qsizetype throughputPoints() const;
    [[nodiscard]] qsizetype p50Points() const;
    [[nodiscard]] qsizetype p99Points() const;
    /// The windows given, as (end of window in s, rows/s) and (end of window in s, p50 / p99 in ms); a window
    /// in which no batch completed has a rate point but no latency points.
    [[nodiscard]] QList<QPointF> throughput() const { return m_throughput; }
    [[nodiscard]] QList<QPointF> p50() const { return m_p50; }
    [[nodiscard]] QList<QPointF> p99() const { return m_p99; }
    [[nodiscard]] bool isDark() const { return m_dark; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void appendWindow(const Core::BenchWindow &window);
    void updateSeries();
    void applyColours();

    QChart *m_rateChart;
    QChart *m_latencyChart;
    QChartView *m_rateView;
    QChartView *m_latencyView;
    QValueAxis *m_rateTime;
    QValueAxis *m_rateAxis;
    QValueAxis *m_latencyTime;
    QValueAxis *m_latencyAxis;
    QLineSeries *m_rateSeries;
    QLineSeries *m_p50Series;
    QLineSeries *m_p99Series;
    QList<QPointF> m_throughput; // (t s, rows/s), every window
    QList<QPointF> m_p50;        // (t s, ms)
    QList<QPointF> m_p99;
    bool m_dark = false;
};

} // namespace Opsdeck::Gui
