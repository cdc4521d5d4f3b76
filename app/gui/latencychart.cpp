#include "latencychart.h"

#include "theme.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QEvent>
#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

#include <limits>

namespace Opsdeck::Gui {

namespace {
// The time axis always spans at least this much, so one or two rounds do not fill the width.
constexpr qint64 minimumSpanMs = 10 * 1000;
} // namespace

LatencyChart::LatencyChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_latencyAxis(new QValueAxis(m_chart))
    , m_caption(new QLabel(this))
{
    setObjectName(QStringLiteral("latencyChart"));
    m_chart->setTheme(QChart::ChartThemeLight);
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTitleText(tr("Time"));
    m_timeAxis->setTickCount(6);
    m_latencyAxis->setTitleText(tr("Latency (ms)"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%d"));
    m_latencyAxis->setRange(0, 10);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_latencyAxis, Qt::AlignLeft);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Latency history"));
    m_caption->setText(tr("▲ on the time axis: the service did not answer that round."));
    m_caption->setWordWrap(true);
    m_caption->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);
    updateAxes();
    setDark(isDarkPalette(palette()));
    applyColours();
}

LatencyChart::~LatencyChart() = default;

void LatencyChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Our own palette, not the parent's: a parent's PaletteChange arrives before its children are updated.
    if (event->type() == QEvent::PaletteChange) {
        setDark(isDarkPalette(palette()));
        applyColours();
    }
}

void LatencyChart::setSamples(const QString &key, const QString &name, const QList<Core::LatencySample> &samples)
{
    Series series = m_series.value(key);
    if (!series.line) {
        series.line = new QLineSeries(m_chart);
        series.line->setName(name);
        series.line->setPointsVisible(true);
        series.down = new QScatterSeries(m_chart);
        series.down->setName(name);
        series.down->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        m_chart->addSeries(series.line);
        m_chart->addSeries(series.down);
        for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(series.line), static_cast<QAbstractSeries *>(series.down)}) {
            s->attachAxis(m_timeAxis);
            s->attachAxis(m_latencyAxis);
        }
        // The markers share the line's legend entry.
        const auto markers = m_chart->legend()->markers(series.down);
        for (QLegendMarker *marker : markers)
            marker->setVisible(false);
        m_series.insert(key, series);
        m_order.append(key);
        applyColours();
    } else if (series.line->name() != name) {
        series.line->setName(name);
        series.down->setName(name);
    }

    QList<QPointF> answered;
    QList<QPointF> unanswered;
    answered.reserve(samples.size());
    for (const auto &sample : samples) {
        const auto x = qreal(sample.at.toMSecsSinceEpoch());
        if (sample.latencyMs >= 0)
            answered.append(QPointF(x, qreal(sample.latencyMs)));
        else
            unanswered.append(QPointF(x, 0));
    }
    // One replace() per series: appending point by point repaints each time.
    series.line->replace(answered);
    series.down->replace(unanswered);
    updateAxes();
}

void LatencyChart::clear()
{
    m_chart->removeAllSeries();
    m_series.clear();
    m_order.clear();
    updateAxes();
}

void LatencyChart::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    // setTheme() recolours series and axes; our own colours are applied again afterwards.
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    applyColours();
}

qsizetype LatencyChart::answeredPoints(const QString &key) const
{
    const Series s = m_series.value(key);
    return s.line ? s.line->count() : 0;
}

qsizetype LatencyChart::unreachablePoints(const QString &key) const
{
    const Series s = m_series.value(key);
    return s.down ? s.down->count() : 0;
}

void LatencyChart::applyColours()
{
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    for (int i = 0; i < m_order.size(); ++i) {
        const Series s = m_series.value(m_order.at(i));
        const QColor colour = seriesColor(i, m_dark);
        QPen pen = s.line->pen();
        pen.setColor(colour);
        pen.setWidthF(2.0);
        s.line->setPen(pen);
        s.line->setColor(colour);
        s.down->setColor(colour);
        s.down->setBorderColor(colour);
        s.down->setMarkerSize(QFontMetricsF(font()).height() * 0.8);
    }
}

void LatencyChart::updateAxes()
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    qreal maxLatency = 0;
    for (const auto &s : std::as_const(m_series)) {
        for (QXYSeries *xy : {static_cast<QXYSeries *>(s.line), static_cast<QXYSeries *>(s.down)}) {
            const QList<QPointF> points = xy->points();
            for (const QPointF &p : points) {
                first = std::min(first, qint64(p.x()));
                last = std::max(last, qint64(p.x()));
                maxLatency = std::max(maxLatency, p.y());
            }
        }
    }
    if (first > last) {
        last = QDateTime::currentMSecsSinceEpoch();
        first = last - minimumSpanMs;
    }
    if (last - first < minimumSpanMs)
        first = last - minimumSpanMs;
    // A little room on the right so the newest point is not cut by the plot edge.
    const qint64 pad = (last - first) / 50;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first - pad), QDateTime::fromMSecsSinceEpoch(last + pad));
    m_latencyAxis->setRange(0, std::max<qreal>(10, maxLatency * 1.15));
    m_latencyAxis->applyNiceNumbers();
}

} // namespace Opsdeck::Gui
