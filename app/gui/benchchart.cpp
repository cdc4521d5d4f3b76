#include "benchchart.h"

#include "scoring/decimate.h"
#include "theme.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QEvent>
#include <QtWidgets/QGraphicsLayout>
#include <QtWidgets/QVBoxLayout>
#include <algorithm>
#include <tuple>

namespace Opsdeck::Gui {

namespace {

// The time axis spans at least this much, so the first windows do not fill the width.
constexpr double minimumSpanS = 10;

} // namespace

double maxY(const QList<QPointF> &points)
{
    double m = 0;
    for (const QPointF &p : points)
        m = std::max(m, p.y());
    return m;
}

QChart *newCompactChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setBackgroundRoundness(0);
    // Two charts share the height: the plot gets the room, not the frame.
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    return chart;
}

void colourSeries(QXYSeries *series, const QColor &colour)
{
    QPen pen = series->pen();
    pen.setColor(colour);
    pen.setWidthF(2.0);
    series->setPen(pen);
    series->setColor(colour);
}

RunCharts newRunCharts(QWidget *parent, QAbstractAxis *rateX, QAbstractAxis *latencyX, const QString &invalidName)
{
    RunCharts c;
    c.rateChart = newCompactChart();
    c.latencyChart = newCompactChart();
    const bool dark = isDarkPalette(parent->palette());
    for (QChart *chart : {c.rateChart, c.latencyChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(parent->palette().color(QPalette::Base));
    }
    c.rateAxis = new QValueAxis(c.rateChart);
    c.latencyAxis = new QValueAxis(c.latencyChart);
    c.latencyAxis->setTitleText(BenchChart::tr("p99 (ms)"));
    for (QValueAxis *axis : {c.rateAxis, c.latencyAxis})
        axis->setLabelFormat(QStringLiteral("%g"));
    c.rateChart->addAxis(rateX, Qt::AlignBottom);
    c.latencyChart->addAxis(latencyX, Qt::AlignBottom);
    c.rateChart->addAxis(c.rateAxis, Qt::AlignLeft);
    c.latencyChart->addAxis(c.latencyAxis, Qt::AlignLeft);

    c.rateSeries = new QLineSeries(c.rateChart);
    c.rateSeries->setName(BenchChart::tr("Throughput"));
    c.rateSeries->setPointsVisible(true);
    c.invalidSeries = new QScatterSeries(c.rateChart);
    c.invalidSeries->setName(invalidName);
    c.invalidSeries->setMarkerSize(11);
    c.p99Series = new QLineSeries(c.latencyChart);
    c.p99Series->setName(BenchChart::tr("p99 latency"));
    c.p99Series->setPointsVisible(true);
    for (QXYSeries *series : std::initializer_list<QXYSeries *>{c.rateSeries, c.invalidSeries}) {
        c.rateChart->addSeries(series);
        series->attachAxis(rateX);
        series->attachAxis(c.rateAxis);
    }
    c.latencyChart->addSeries(c.p99Series);
    c.p99Series->attachAxis(latencyX);
    c.p99Series->attachAxis(c.latencyAxis);
    colourSeries(c.rateSeries, seriesColor(0, dark));
    colourSeries(c.p99Series, seriesColor(1, dark));
    c.invalidSeries->setColor(stateColor(Core::HealthState::Unreachable, dark));
    c.invalidSeries->setBorderColor(stateColor(Core::HealthState::Unreachable, dark));
    c.latencyChart->legend()->hide();   // the axis title says what it is

    c.rateView = new QChartView(c.rateChart, parent);
    c.latencyView = new QChartView(c.latencyChart, parent);
    for (QChartView *view : {c.rateView, c.latencyView})
        view->setRenderHint(QPainter::Antialiasing);
    return c;
}

void RunCharts::addBaseline(const QString &name)
{
    if (baselineRateSeries)
        return;
    const bool dark = isDarkPalette(rateView->palette());
    baselineRateSeries = new QLineSeries(rateChart);
    baselineP99Series = new QLineSeries(latencyChart);
    const QList<QAbstractAxis *> rateX = rateSeries->attachedAxes();
    const QList<QAbstractAxis *> latencyX = p99Series->attachedAxes();
    for (auto [series, chart, axes, colour] :
         {std::tuple{baselineRateSeries, rateChart, rateX, seriesColor(0, dark)},
          std::tuple{baselineP99Series, latencyChart, latencyX, seriesColor(1, dark)}}) {
        series->setName(name);
        series->setPointsVisible(true);
        chart->addSeries(series);
        for (QAbstractAxis *axis : axes)
            series->attachAxis(axis);
        colourSeries(series, colour);
        QPen pen = series->pen();
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        series->setPen(pen);
    }
    latencyChart->legend()->show();   // two lines now: which is which
}

void RunCharts::draw(const QList<QPointF> &throughput, const QList<QPointF> &invalid, const QList<QPointF> &p99,
                     const QList<QPointF> &baselineThroughput, const QList<QPointF> &baselineP99) const
{
    const double rateTop = std::max(maxY(throughput), maxY(baselineThroughput));
    const RateScale scale = rateScale(rateTop);
    rateAxis->setTitleText(scale.unit);
    rateAxis->setRange(0, std::max(1.0, rateTop / scale.divisor * 1.15));
    rateAxis->applyNiceNumbers();
    latencyAxis->setRange(0, std::max(1.0, std::max(maxY(p99), maxY(baselineP99)) * 1.15));
    latencyAxis->applyNiceNumbers();
    auto scaled = [&scale](QList<QPointF> points) {
        for (QPointF &p : points)
            p.setY(p.y() / scale.divisor);
        return points;
    };
    rateSeries->replace(scaled(throughput));
    invalidSeries->replace(scaled(invalid));
    p99Series->replace(p99);
    if (baselineRateSeries) {
        baselineRateSeries->replace(scaled(baselineThroughput));
        baselineP99Series->replace(baselineP99);
    }
    rateChart->legend()->setVisible(!invalid.isEmpty() || baselineRateSeries);
}

// Rows/s reach hundreds of millions in process: the axis counts in k or M so its labels stay short.
RateScale rateScale(double maximum)
{
    if (maximum >= 1e6)
        return {1e6, BenchChart::tr("M rows/s")};
    if (maximum >= 1e4)
        return {1e3, BenchChart::tr("k rows/s")};
    return {1, BenchChart::tr("rows/s")};
}

BenchChart::BenchChart(QWidget *parent)
    : QWidget(parent), m_rateChart(newCompactChart()), m_latencyChart(newCompactChart()),
      m_rateView(new QChartView(m_rateChart, this)), m_latencyView(new QChartView(m_latencyChart, this)),
      m_rateTime(new QValueAxis(m_rateChart)), m_rateAxis(new QValueAxis(m_rateChart)),
      m_latencyTime(new QValueAxis(m_latencyChart)), m_latencyAxis(new QValueAxis(m_latencyChart)),
      m_rateSeries(new QLineSeries(m_rateChart)), m_p50Series(new QLineSeries(m_latencyChart)),
      m_p99Series(new QLineSeries(m_latencyChart))
{
    setObjectName(QStringLiteral("benchChart"));
    m_rateView->setObjectName(QStringLiteral("throughputChart"));
    m_latencyView->setObjectName(QStringLiteral("windowLatencyChart"));
    m_rateSeries->setName(tr("Throughput per window"));
    m_p50Series->setName(tr("p50 latency"));
    m_p99Series->setName(tr("p99 latency"));
    // The charts share the time axis: only the lower one has its title.
    m_latencyTime->setTitleText(tr("Time (s)"));
    for (QValueAxis *time : {m_rateTime, m_latencyTime})
        time->setLabelFormat(QStringLiteral("%g"));
    // One series needs no legend: the axis title says what it is.
    m_rateChart->legend()->hide();
    m_latencyAxis->setTitleText(tr("ms"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%g"));
    m_rateAxis->setLabelFormat(QStringLiteral("%g"));
    m_rateChart->addAxis(m_rateTime, Qt::AlignBottom);
    m_rateChart->addAxis(m_rateAxis, Qt::AlignLeft);
    m_latencyChart->addAxis(m_latencyTime, Qt::AlignBottom);
    m_latencyChart->addAxis(m_latencyAxis, Qt::AlignLeft);
    m_rateChart->addSeries(m_rateSeries);
    m_rateSeries->attachAxis(m_rateTime);
    m_rateSeries->attachAxis(m_rateAxis);
    for (QLineSeries *series : {m_p50Series, m_p99Series}) {
        m_latencyChart->addSeries(series);
        series->attachAxis(m_latencyTime);
        series->attachAxis(m_latencyAxis);
    }
    for (QLineSeries *series : {m_rateSeries, m_p50Series, m_p99Series})
        series->setPointsVisible(true);
    for (QChartView *view : {m_rateView, m_latencyView})
        view->setRenderHint(QPainter::Antialiasing);
    m_rateView->setAccessibleName(tr("Rows per second per window"));
    m_latencyView->setAccessibleName(tr("p50 and p99 latency per window"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rateView, 1);
    layout->addWidget(m_latencyView, 1);

    m_dark = isDarkPalette(palette());
    m_rateChart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_latencyChart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    applyColours();
    updateSeries();
}

BenchChart::~BenchChart() = default;

void BenchChart::addWindow(const Core::BenchWindow &window)
{
    appendWindow(window);
    updateSeries();
}

void BenchChart::setWindows(const QList<Core::BenchWindow> &windows)
{
    m_throughput.clear();
    m_p50.clear();
    m_p99.clear();
    for (const Core::BenchWindow &w : windows)
        appendWindow(w);
    updateSeries();
}

void BenchChart::appendWindow(const Core::BenchWindow &window)
{
    m_throughput.append(QPointF(window.t, window.rowsPerS));
    // A window in which no batch completed has no latency (its p50/p99 are 0 by convention): no point rather
    // than a false 0 ms.
    if (window.batches > 0) {
        m_p50.append(QPointF(window.t, window.p50Ms));
        m_p99.append(QPointF(window.t, window.p99Ms));
    }
}

void BenchChart::clear()
{
    setWindows({});
}

qsizetype BenchChart::throughputPoints() const
{
    return m_rateSeries->count();
}

qsizetype BenchChart::p50Points() const
{
    return m_p50Series->count();
}

qsizetype BenchChart::p99Points() const
{
    return m_p99Series->count();
}

void BenchChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        const bool dark = isDarkPalette(palette());
        if (dark != m_dark) {
            m_dark = dark;
            // setTheme() recolours series and axes; our own colours go on top again.
            m_rateChart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
            m_latencyChart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        }
        applyColours();
    }
}

void BenchChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The decimation depends on the plot's width in pixels.
    updateSeries();
}

void BenchChart::updateSeries()
{
    // One column per device-independent pixel of the plot; before the first layout, the widget's width.
    auto columns = [this](const QChart *chart) {
        const int plot = int(chart->plotArea().width());
        return std::max(plot > 0 ? plot : width(), 64);
    };
    const RateScale scale = rateScale(maxY(m_throughput));
    QList<QPointF> rates = Core::decimateMinMax(m_throughput, columns(m_rateChart));
    for (QPointF &p : rates)
        p.setY(p.y() / scale.divisor);
    m_rateSeries->replace(rates);
    m_p50Series->replace(Core::decimateMinMax(m_p50, columns(m_latencyChart)));
    m_p99Series->replace(Core::decimateMinMax(m_p99, columns(m_latencyChart)));

    const double lastT = m_throughput.isEmpty() ? 0.0 : m_throughput.last().x();
    const double span = std::max(minimumSpanS, lastT);
    m_rateTime->setRange(0, span);
    m_latencyTime->setRange(0, span);
    m_rateTime->applyNiceNumbers();
    m_latencyTime->applyNiceNumbers();
    m_rateAxis->setTitleText(scale.unit);
    m_rateAxis->setRange(0, std::max(1.0, maxY(m_throughput) / scale.divisor * 1.15));
    m_rateAxis->applyNiceNumbers();
    m_latencyAxis->setRange(0, std::max(1.0, std::max(maxY(m_p50), maxY(m_p99)) * 1.15));
    m_latencyAxis->applyNiceNumbers();
}

void BenchChart::applyColours()
{
    const QColor base = palette().color(QPalette::Base);
    m_rateChart->setBackgroundBrush(base);
    m_latencyChart->setBackgroundBrush(base);
    auto colour = [this](QLineSeries *series, int index) {
        const QColor c = seriesColor(index, m_dark);
        QPen pen = series->pen();
        pen.setColor(c);
        pen.setWidthF(2.0);
        series->setPen(pen);
        series->setColor(c);
    };
    colour(m_rateSeries, 0);
    colour(m_p50Series, 2);
    colour(m_p99Series, 1);
}

} // namespace Opsdeck::Gui
