#include "runtrenddialog.h"

#include "benchchart.h"

#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCore/QSet>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

namespace Opsdeck::Gui {

RunTrendDialog::RunTrendDialog(QList<Core::BenchHistoryEntry> runs, QWidget *parent)
    : QDialog(parent), m_rateTime(new QDateTimeAxis), m_latencyTime(new QDateTimeAxis),
      m_charts(newRunCharts(this, m_rateTime, m_latencyTime, tr("INVALID run")))
{
    setObjectName(QStringLiteral("runTrendDialog"));
    setWindowTitle(tr("Benchmark runs over time"));
    for (QDateTimeAxis *axis : {m_rateTime, m_latencyTime})
        axis->setTickCount(5);
    m_latencyTime->setTitleText(tr("Start of the run"));
    m_charts.rateView->setObjectName(QStringLiteral("trendThroughputChart"));
    m_charts.rateView->setAccessibleName(tr("Rows per second of each run over time"));
    m_charts.latencyView->setObjectName(QStringLiteral("trendLatencyChart"));
    m_charts.latencyView->setAccessibleName(tr("p99 latency of each run over time"));
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("trendCaption"));
    m_caption->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_charts.rateView, 1);
    layout->addWidget(m_charts.latencyView, 1);
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

    m_charts.draw(m_throughput, m_invalid, m_p99);

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
