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

RunTrendDialog::RunTrendDialog(QList<Core::BenchHistoryEntry> runs, QWidget *parent)
    : QDialog(parent), m_rateChart(newCompactChart()), m_latencyChart(newCompactChart()),
      m_rateTime(new QDateTimeAxis(m_rateChart)), m_latencyTime(new QDateTimeAxis(m_latencyChart)),
      m_rateAxis(new QValueAxis(m_rateChart)), m_latencyAxis(new QValueAxis(m_latencyChart)),
      m_rateSeries(new QLineSeries(m_rateChart)), m_invalidSeries(new QScatterSeries(m_rateChart)),
      m_p99Series(new QLineSeries(m_latencyChart))
{
    setObjectName(QStringLiteral("runTrendDialog"));
    setWindowTitle(tr("Benchmark runs over time"));
    const bool dark = isDarkPalette(palette());
    for (QChart *chart : {m_rateChart, m_latencyChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().color(QPalette::Base));
    }
    for (QDateTimeAxis *axis : {m_rateTime, m_latencyTime})
        axis->setTickCount(5);
    m_rateChart->addAxis(m_rateTime, Qt::AlignBottom);
    m_latencyChart->addAxis(m_latencyTime, Qt::AlignBottom);
    m_latencyTime->setTitleText(tr("Start of the run"));
    m_latencyAxis->setTitleText(tr("p99 (ms)"));
    for (QValueAxis *axis : {m_rateAxis, m_latencyAxis})
        axis->setLabelFormat(QStringLiteral("%g"));
    m_rateChart->addAxis(m_rateAxis, Qt::AlignLeft);
    m_latencyChart->addAxis(m_latencyAxis, Qt::AlignLeft);

    m_rateSeries->setName(tr("Throughput"));
    m_rateSeries->setPointsVisible(true);
    m_invalidSeries->setName(tr("INVALID run"));
    m_invalidSeries->setMarkerSize(11);
    m_p99Series->setName(tr("p99 latency"));
    m_p99Series->setPointsVisible(true);
    for (QXYSeries *series : std::initializer_list<QXYSeries *>{m_rateSeries, m_invalidSeries}) {
        m_rateChart->addSeries(series);
        series->attachAxis(m_rateTime);
        series->attachAxis(m_rateAxis);
    }
    m_latencyChart->addSeries(m_p99Series);
    m_p99Series->attachAxis(m_latencyTime);
    m_p99Series->attachAxis(m_latencyAxis);
    colourSeries(m_rateSeries, seriesColor(0, dark));
    colourSeries(m_p99Series, seriesColor(1, dark));
    m_invalidSeries->setColor(stateColor(Core::HealthState::Unreachable, dark));
    m_invalidSeries->setBorderColor(stateColor(Core::HealthState::Unreachable, dark));
    m_latencyChart->legend()->hide();   // the axis title says what it is

    auto *rateView = new QChartView(m_rateChart, this);
    rateView->setObjectName(QStringLiteral("trendThroughputChart"));
    rateView->setAccessibleName(tr("Rows per second of each run over time"));
    auto *latencyView = new QChartView(m_latencyChart, this);
    latencyView->setObjectName(QStringLiteral("trendLatencyChart"));
    latencyView->setAccessibleName(tr("p99 latency of each run over time"));
    for (QChartView *view : {rateView, latencyView})
        view->setRenderHint(QPainter::Antialiasing);
    m_caption = new QLabel(this);
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

    setRuns(std::move(runs));
}

void RunTrendDialog::setRuns(QList<Core::BenchHistoryEntry> runs)
{
    std::stable_sort(runs.begin(), runs.end(), [](const Core::BenchHistoryEntry &a, const Core::BenchHistoryEntry &b) {
        return a.startedAt < b.startedAt;
    });
    m_throughput.clear();
    m_p99.clear();
    m_invalid.clear();
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

    // Both charts span the runs' time; a single run (or runs in one minute) still gets a span to sit in.
    const QDateTime first = runs.isEmpty() ? QDateTime::currentDateTimeUtc() : runs.constFirst().startedAt;
    QDateTime last = runs.isEmpty() ? first : runs.constLast().startedAt;
    if (first.secsTo(last) < 60)
        last = first.addSecs(60);
    const qint64 spanS = first.secsTo(last);
    const QString format = spanS > 2 * 86400 ? QStringLiteral("yyyy-MM-dd")
                           : spanS > 3600    ? QStringLiteral("MM-dd HH:mm")
                                             : QStringLiteral("HH:mm:ss");
    const qint64 margin = std::max<qint64>(spanS / 20, 1);
    for (QDateTimeAxis *axis : {m_rateTime, m_latencyTime}) {
        axis->setFormat(format);
        axis->setRange(first.addSecs(-margin).toLocalTime(), last.addSecs(margin).toLocalTime());
    }

    const RateScale scale = rateScale(maxY(m_throughput));
    m_rateAxis->setTitleText(scale.unit);
    m_rateAxis->setRange(0, std::max(1.0, maxY(m_throughput) / scale.divisor * 1.15));
    m_rateAxis->applyNiceNumbers();
    m_latencyAxis->setRange(0, std::max(1.0, maxY(m_p99) * 1.15));
    m_latencyAxis->applyNiceNumbers();
    auto scaled = [&scale](QList<QPointF> points) {
        for (QPointF &p : points)
            p.setY(p.y() / scale.divisor);
        return points;
    };
    m_rateSeries->replace(scaled(m_throughput));
    m_invalidSeries->replace(scaled(m_invalid));
    m_p99Series->replace(m_p99);
    m_rateChart->legend()->setVisible(!m_invalid.isEmpty());

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
    m_caption->setText(caption);
}

RunTrendDialog::~RunTrendDialog() = default;

} // namespace Opsdeck::Gui
