#include "loadsweepdialog.h"

#include "benchchart.h"

#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCore/QLocale>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QTableWidget>

#include <algorithm>

namespace Opsdeck::Gui {

LoadSweepDialog::LoadSweepDialog(QWidget *parent)
    : QDialog(parent), m_rateLevel(new QLogValueAxis), m_latencyLevel(new QLogValueAxis),
      m_charts(newRunCharts(this, m_rateLevel, m_latencyLevel, tr("INVALID level")))
{
    setObjectName(QStringLiteral("loadSweepDialog"));
    setWindowTitle(tr("Load sweep"));
    // The levels double: on a base-2 axis they stand evenly apart.
    for (QLogValueAxis *axis : {m_rateLevel, m_latencyLevel}) {
        axis->setBase(2);
        axis->setLabelFormat(QStringLiteral("%g"));
    }
    m_charts.rateView->setObjectName(QStringLiteral("sweepThroughputChart"));
    m_charts.rateView->setAccessibleName(tr("Rows per second at each load level"));
    m_charts.latencyView->setObjectName(QStringLiteral("sweepLatencyChart"));
    m_charts.latencyView->setAccessibleName(tr("p99 latency at each load level"));

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("sweepTable"));
    m_table->setAccessibleName(tr("Load levels"));
    m_table->setHorizontalHeaderLabels(
        {tr("Load"), tr("Rows/s"), tr("p50 ms"), tr("p99 ms"), tr("Errors"), tr("Verdict")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_conclusion = new QLabel(this);
    m_conclusion->setObjectName(QStringLiteral("sweepConclusion"));
    m_conclusion->setWordWrap(true);
    m_conclusion->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_charts.rateView, 3);
    layout->addWidget(m_charts.latencyView, 3);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_conclusion);
    layout->addWidget(buttons);
    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 44);
}

void LoadSweepDialog::setSweep(const Core::LoadSweep &sweep)
{
    const QList<Core::BenchReport> &runs = sweep.runs();
    const std::optional<qsizetype> best = sweep.best();
    setWindowTitle(runs.isEmpty() ? tr("Load sweep")
                                  : tr("Load sweep of %1").arg(sweep.startedAt().toLocalTime().toString(
                                        QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    m_throughput.clear();
    m_p99.clear();
    m_invalid.clear();
    m_table->setRowCount(int(runs.size()));
    const QLocale locale;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Core::BenchReport &r = runs.at(i);
        const double level = sweep.levels().at(i);
        m_throughput.append(QPointF(level, r.rowsPerS));
        m_p99.append(QPointF(level, r.latency.p99));
        if (r.verdict != u"VALID")
            m_invalid.append(QPointF(level, r.rowsPerS));
        const QStringList cells{locale.toString(level, 'g', 12),
                                locale.toString(r.rowsPerS, 'f', 0),
                                locale.toString(r.latency.p50, 'f', 3),
                                locale.toString(r.latency.p99, 'f', 3),
                                locale.toString(r.errors),
                                r.reasons.isEmpty() ? r.verdict : tr("%1: %2").arg(r.verdict, r.reasons.join(u"; "))};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column < 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (best && *best == i) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(int(i), column, item);
        }
    }
    m_table->resizeColumnsToContents();

    // Both charts span every level of the sweep, those still to come too: the points fill in from the left (and
    // those of a baseline, when there is one).
    const QList<double> &levels = sweep.levels();
    double lowest = levels.constFirst();
    double highest = levels.constLast();
    for (const QPointF &p : std::as_const(m_baselineThroughput)) {
        lowest = std::min(lowest, p.x());
        highest = std::max(highest, p.x());
    }
    const QString load = sweep.scenario() == Core::Scenario::Concurrency ? tr("Concurrency (batches outstanding)")
                                                                         : tr("Rate (batches/s)");
    for (QLogValueAxis *axis : {m_rateLevel, m_latencyLevel}) {
        axis->setRange(lowest / 1.25, highest * 1.25);
        axis->setTitleText(load);
    }
    m_rateLevel->setTitleVisible(false);   // once, under the lower chart
    m_charts.draw(m_throughput, m_invalid, m_p99, m_baselineThroughput, m_baselineP99);

    QString text = sweep.isDone() ? sweep.conclusion().trimmed()
                                  : tr("%1 of %2 levels done; next: %3.")
                                        .arg(runs.size())
                                        .arg(levels.size())
                                        .arg(sweep.levelName(levels.at(sweep.next())));
    if (!sweep.isDone() && best)
        text += u' ' + tr("Best so far: %1.").arg(sweep.levelName(levels.at(*best)));
    m_conclusion->setText(text);
}

void LoadSweepDialog::setComparison(const Core::SweepComparison &comparison)
{
    const auto started = [](const Core::LoadSweep &sweep) {
        return sweep.startedAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    const Core::LoadSweep &a = comparison.a();
    m_baselineThroughput.clear();
    m_baselineP99.clear();
    for (qsizetype i = 0; i < a.runs().size(); ++i) {
        m_baselineThroughput.append(QPointF(a.levels().at(i), a.runs().at(i).rowsPerS));
        m_baselineP99.append(QPointF(a.levels().at(i), a.runs().at(i).latency.p99));
    }
    m_charts.addBaseline(tr("A: sweep of %1").arg(started(a)));
    m_charts.rateSeries->setName(tr("B: sweep of %1").arg(started(comparison.b())));
    m_charts.p99Series->setName(tr("B: sweep of %1").arg(started(comparison.b())));
    setSweep(comparison.b());
    setWindowTitle(tr("Load sweep of %1 against %2").arg(started(comparison.b()), started(a)));
    // The levels of B in the table; both sweeps' bests and their ratio below it, as history sweep --against
    // prints them.
    m_conclusion->setText(comparison.bests().trimmed());
}

LoadSweepDialog::~LoadSweepDialog() = default;

} // namespace Opsdeck::Gui
