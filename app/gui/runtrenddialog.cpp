#include "runtrenddialog.h"

#include "benchchart.h"
#include "theme.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QSet>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

namespace Opsdeck::Gui {

namespace {

void colour(QXYSeries *series, const QColor &c)
{
    QPen pen = series->pen();
    pen.setColor(c);
    pen.setWidthF(2.0);
    series->setPen(pen);
    series->setColor(c);
}

} // namespace

RunTrendDialog::RunTrendDialog(QList<Core::BenchHistoryEntry> runs, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("runTrendDialog"));
    setWindowTitle(tr("Benchmark runs over time"));
    std::stable_sort(runs.begin(), runs.end(), [](const Core::BenchHistoryEntry &a, const Core::BenchHistoryEntry &b) {
        return a.startedAt < b.startedAt;
    });
    QSet<QString> backends;
    QSet<QString> scenarios;
    for (const Core::BenchHistoryEntry &run : std::as_const(runs)) {
        const double t = double(run.startedAt.toMSecsSinceEpoch());
        m_throughput.append(QPointF(t, run.rowsPerS));
        m_p99.append(QPointF(t, run.p99Ms));
        if (run.verdict != u"VALID")
            m_invalid.append(QPointF(t, run.rowsPerS));
        backends.insert(run.backend);
        scenarios.insert(run.scenario);
    }

    const bool dark = isDarkPalette(palette());
    QChart *rateChart = newCompactChart();
    QChart *latencyChart = newCompactChart();
    for (QChart *chart : {rateChart, latencyChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().color(QPalette::Base));
    }

    // Both charts span the runs' time; a single run (or runs in one second) still gets a span to sit in.
    const QDateTime first = runs.isEmpty() ? QDateTime::currentDateTimeUtc() : runs.constFirst().startedAt;
    QDateTime last = runs.isEmpty() ? first : runs.constLast().startedAt;
    if (first.secsTo(last) < 60)
        last = first.addSecs(60);
    const qint64 spanS = first.secsTo(last);
    const QString format = spanS > 2 * 86400 ? QStringLiteral("yyyy-MM-dd")
                           : spanS > 3600    ? QStringLiteral("MM-dd HH:mm")
                                             : QStringLiteral("HH:mm:ss");
    auto timeAxis = [&](QChart *chart) {
        auto *axis = new QDateTimeAxis(chart);
        axis->setFormat(format);
        axis->setTickCount(5);
        const qint64 margin = std::max<qint64>(spanS / 20, 1);
        axis->setRange(first.addSecs(-margin).toLocalTime(), last.addSecs(margin).toLocalTime());
        chart->addAxis(axis, Qt::AlignBottom);
        return axis;
    };
    QDateTimeAxis *rateTime = timeAxis(rateChart);
    QDateTimeAxis *latencyTime = timeAxis(latencyChart);
    latencyTime->setTitleText(tr("Start of the run"));

    const RateScale scale = rateScale(maxY(m_throughput));
    auto *rateAxis = new QValueAxis(rateChart);
    rateAxis->setTitleText(scale.unit);
    rateAxis->setLabelFormat(QStringLiteral("%g"));
    rateAxis->setRange(0, std::max(1.0, maxY(m_throughput) / scale.divisor * 1.15));
    rateAxis->applyNiceNumbers();
    rateChart->addAxis(rateAxis, Qt::AlignLeft);
    auto *latencyAxis = new QValueAxis(latencyChart);
    latencyAxis->setTitleText(tr("p99 (ms)"));
    latencyAxis->setLabelFormat(QStringLiteral("%g"));
    latencyAxis->setRange(0, std::max(1.0, maxY(m_p99) * 1.15));
    latencyAxis->applyNiceNumbers();
    latencyChart->addAxis(latencyAxis, Qt::AlignLeft);

    auto scaled = [&scale](QList<QPointF> points) {
        for (QPointF &p : points)
            p.setY(p.y() / scale.divisor);
        return points;
    };
    auto *rate = new QLineSeries(rateChart);
    rate->setName(tr("Throughput"));
    rate->replace(scaled(m_throughput));
    rate->setPointsVisible(true);
    auto *invalid = new QScatterSeries(rateChart);
    invalid->setName(tr("INVALID run"));
    invalid->setMarkerSize(11);
    invalid->replace(scaled(m_invalid));
    auto *p99 = new QLineSeries(latencyChart);
    p99->setName(tr("p99 latency"));
    p99->replace(m_p99);
    p99->setPointsVisible(true);
    for (QXYSeries *series : std::initializer_list<QXYSeries *>{rate, invalid}) {
        rateChart->addSeries(series);
        series->attachAxis(rateTime);
        series->attachAxis(rateAxis);
    }
    latencyChart->addSeries(p99);
    p99->attachAxis(latencyTime);
    p99->attachAxis(latencyAxis);
    colour(rate, seriesColor(0, dark));
    colour(p99, seriesColor(1, dark));
    invalid->setColor(stateColor(Core::HealthState::Unreachable, dark));
    invalid->setBorderColor(stateColor(Core::HealthState::Unreachable, dark));
    if (m_invalid.isEmpty())
        rateChart->legend()->hide();
    latencyChart->legend()->hide();   // the axis title says what it is

    auto *rateView = new QChartView(rateChart, this);
    rateView->setObjectName(QStringLiteral("trendThroughputChart"));
    rateView->setAccessibleName(tr("Rows per second of each run over time"));
    auto *latencyView = new QChartView(latencyChart, this);
    latencyView->setObjectName(QStringLiteral("trendLatencyChart"));
    latencyView->setAccessibleName(tr("p99 latency of each run over time"));
    for (QChartView *view : {rateView, latencyView})
        view->setRenderHint(QPainter::Antialiasing);

    QStringList backendList(backends.cbegin(), backends.cend());
    backendList.sort();
    const QString when = runs.isEmpty()
                             ? QString()
                             : tr("%1 to %2")
                                   .arg(runs.constFirst().startedAt.toLocalTime().toString(
                                            QStringLiteral("yyyy-MM-dd HH:mm")),
                                        runs.constLast().startedAt.toLocalTime().toString(
                                            QStringLiteral("yyyy-MM-dd HH:mm")));
    QString caption = tr("%1 runs of %2, %3.").arg(runs.size()).arg(backendList.join(QStringLiteral(", ")), when);
    if (backends.size() > 1 || scenarios.size() > 1)
        caption += u' ' + tr("They are of different backends or scenarios: filter the history to one to compare "
                             "like with like.");
    if (!m_invalid.isEmpty())
        caption += u' ' + tr("Large red points: INVALID runs.");
    m_caption = new QLabel(caption, this);
    m_caption->setObjectName(QStringLiteral("trendCaption"));
    m_caption->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(rateView, 1);
    layout->addWidget(latencyView, 1);
    layout->addWidget(m_caption);
    layout->addWidget(buttons);
    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 34);
}

RunTrendDialog::~RunTrendDialog() = default;

} // namespace Opsdeck::Gui
