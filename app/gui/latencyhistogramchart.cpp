#include "latencyhistogramchart.h"

#include "scoring/decimate.h"
#include "theme.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>
#include <QtCore/QEvent>
#include <QtCore/QLocale>
#include <QtWidgets/QGraphicsLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace Opsdeck::Gui {

namespace {

constexpr char colourProperty[] = "opsdeckColourIndex";

double toMs(qint64 ns)
{
    return double(ns) / 1e6;
}

QString milliseconds(double v)
{
    return QLocale().toString(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3);
}

} // namespace

LatencyHistogramChart::LatencyHistogramChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this)), m_hint(new QLabel(this)),
      m_latencyAxis(new QLogValueAxis(m_chart)), m_countAxis(new QValueAxis(m_chart)),
      m_outline(new QLineSeries(m_chart)), m_area(new QAreaSeries(m_outline))
{
    setObjectName(QStringLiteral("latencyHistogram"));
    m_view->setObjectName(QStringLiteral("latencyHistogramView"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_latencyAxis->setBase(10);
    m_latencyAxis->setTitleText(tr("Batch latency (ms, log scale)"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%g"));
    m_latencyAxis->setMinorTickCount(8);
    m_countAxis->setTitleText(tr("Batches"));
    m_countAxis->setLabelFormat(QStringLiteral("%g"));
    m_chart->addAxis(m_latencyAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_outline->setParent(m_area);
    m_area->setName(tr("Batches per latency bin"));
    m_chart->addSeries(m_area);
    m_area->attachAxis(m_latencyAxis);
    m_area->attachAxis(m_countAxis);
    // The legend names the percentile markers; the bars are explained by the axes.
    for (QLegendMarker *marker : m_chart->legend()->markers(m_area))
        marker->setVisible(false);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Latency histogram"));

    m_hint->setObjectName(QStringLiteral("latencyHistogramHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_hint, 1);

    m_dark = isDarkPalette(palette());
    m_chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    clear();
}

LatencyHistogramChart::~LatencyHistogramChart() = default;

void LatencyHistogramChart::setHistogram(const QList<Core::LatencyHistogram::Bucket> &buckets,
                                         const Core::LatencySummary &latency)
{
    for (QLineSeries *marker : std::as_const(m_markers)) {
        m_chart->removeSeries(marker);
        delete marker;
    }
    m_markers.clear();
    m_bins = Core::decimateHistogram(buckets, maximumBins);
    if (m_bins.isEmpty()) {
        m_outline->clear();
        m_view->setToolTip(QString());
        m_view->hide();
        m_hint->setText(tr("No batch completed, so there is no latency to show."));
        m_hint->show();
        return;
    }

    // A step outline: each bin is a flat top from its lower to its upper bound, with the line dropping to
    // zero across bins that are not adjacent. The exact buckets below 128 ns start at 0, which a log axis
    // cannot show.
    auto x = [](qint64 ns, qint64 upperNs) {
        return ns > 0 ? toMs(ns) : toMs(upperNs) / 2;
    };
    QList<QPointF> outline;
    outline.reserve(m_bins.size() * 4 + 2);
    quint64 maximum = 0;
    qint64 previousUpper = -1;
    for (const auto &bin : std::as_const(m_bins)) {
        const double lower = x(bin.lowerNs, bin.upperNs);
        if (bin.lowerNs != previousUpper) {
            if (previousUpper >= 0)
                outline.append(QPointF(toMs(previousUpper), 0));
            outline.append(QPointF(lower, 0));
        }
        outline.append(QPointF(lower, double(bin.count)));
        outline.append(QPointF(toMs(bin.upperNs), double(bin.count)));
        previousUpper = bin.upperNs;
        maximum = std::max(maximum, bin.count);
    }
    outline.append(QPointF(toMs(previousUpper), 0));
    m_outline->replace(outline);

    double lo = x(m_bins.first().lowerNs, m_bins.first().upperNs);
    double hi = toMs(m_bins.last().upperNs);
    lo = std::min(lo, latency.p50 > 0 ? latency.p50 : lo);
    hi = std::max(hi, latency.max);
    // A little room on both sides, and at least a factor of 10 so the axis has a labelled decade.
    const double centre = std::sqrt(lo * hi);
    const double half = std::max(std::sqrt(10.0), std::sqrt(hi / lo) * 1.15);
    m_latencyAxis->setRange(centre / half, centre * half);
    const double top = double(maximum) * 1.15;
    m_countAxis->setRange(0, std::max(1.0, top));
    m_countAxis->applyNiceNumbers();

    // Markers in the colours the window charts use for the same percentiles (p50 green, p99 orange).
    const struct
    {
        const char *name;
        double value;
        int colour;
    } marks[] = {{QT_TR_NOOP("p50"), latency.p50, 2},
                 {QT_TR_NOOP("p99"), latency.p99, 1},
                 {QT_TR_NOOP("max"), latency.max, 3}};
    QStringList tips;
    for (const auto &mark : marks) {
        if (!(mark.value > 0))
            continue;
        auto *line = new QLineSeries(m_chart);
        // Short names keep the legend on one line; the values are in the page's summary and the tooltip.
        line->setName(tr(mark.name));
        tips.append(tr("%1: %2 ms").arg(tr(mark.name), milliseconds(mark.value)));
        line->setProperty(colourProperty, mark.colour);
        line->replace({QPointF(mark.value, 0), QPointF(mark.value, m_countAxis->max())});
        m_chart->addSeries(line);
        line->attachAxis(m_latencyAxis);
        line->attachAxis(m_countAxis);
        m_markers.append(line);
    }
    m_view->setToolTip(tips.join(u'\n'));
    applyColours();
    m_hint->hide();
    m_view->show();
}

void LatencyHistogramChart::clear()
{
    for (QLineSeries *marker : std::as_const(m_markers)) {
        m_chart->removeSeries(marker);
        delete marker;
    }
    m_markers.clear();
    m_bins.clear();
    m_outline->clear();
    m_view->setToolTip(QString());
    m_view->hide();
    m_hint->setText(tr("The latency histogram of a run appears here when the run ends."));
    m_hint->show();
}

QStringList LatencyHistogramChart::markers() const
{
    QStringList names;
    for (const QLineSeries *marker : m_markers)
        names.append(marker->name());
    return names;
}

QString LatencyHistogramChart::hint() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void LatencyHistogramChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        const bool dark = isDarkPalette(palette());
        if (dark != m_dark) {
            m_dark = dark;
            m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        }
        applyColours();
    }
}

void LatencyHistogramChart::applyColours()
{
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    QColor fill = seriesColor(0, m_dark);
    QPen pen(fill);
    pen.setWidthF(1.5);
    m_area->setPen(pen);
    fill.setAlphaF(0.45f);
    m_area->setBrush(fill);
    for (QLineSeries *marker : std::as_const(m_markers)) {
        QPen markerPen(seriesColor(marker->property(colourProperty).toInt(), m_dark));
        markerPen.setWidthF(2.0);
        markerPen.setStyle(Qt::DashLine);
        marker->setPen(markerPen);
    }
}

} // namespace Opsdeck::Gui
