#include "runcomparedialog.h"

#include "scoring/benchhistorymodel.h"
#include "tablecopy.h"
#include "theme.h"

#include <QtCore/QLocale>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>
#include <cmath>
#include <functional>

namespace Opsdeck::Gui {

namespace {

enum class Better
{
    Higher,
    Lower,
    Neither
};

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

// Milliseconds with three significant-ish digits, as the CLI summary writes them.
QString milliseconds(double v)
{
    const double a = std::abs(v);
    return number(v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

QTableWidgetItem *item(const QString &text, const QVariant &value = {}, bool numeric = false)
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (value.isValid())
        it->setData(RunCompareDialog::ValueRole, value);
    if (numeric)
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    it->setToolTip(text);
    return it;
}

} // namespace

RunCompareDialog::RunCompareDialog(const Core::BenchReport &first, const Core::BenchReport &second,
                                   QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(MetricCount, ColumnCount, this))
{
    setObjectName(QStringLiteral("runCompareDialog"));
    setWindowTitle(tr("Compare benchmark runs"));
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setHorizontalHeaderLabels({tr("Metric"), tr("Run A"), tr("Run B"), tr("B − A"), tr("B / A")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    addCopyRowsAction(m_table);   // Ctrl+C: the selected metrics as tab-separated text
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Run A and run B side by side"));

    const bool dark = isDarkPalette(palette());
    auto textRow = [this](Metric metric, const QString &label, const QString &a, const QString &b) {
        m_table->setItem(metric, MetricColumn, item(label));
        m_table->setItem(metric, FirstColumn, item(a, a));
        m_table->setItem(metric, SecondColumn, item(b, b));
        m_table->setItem(metric, DifferenceColumn, item(a == b ? tr("same") : tr("differs")));
        m_table->setItem(metric, RatioColumn, item(QString()));
    };
    auto numberRow = [this, dark](Metric metric, const QString &label, double a, double b, Better better,
                                  const std::function<QString(double)> &format) {
        m_table->setItem(metric, MetricColumn, item(label));
        m_table->setItem(metric, FirstColumn, item(format(a), a, true));
        m_table->setItem(metric, SecondColumn, item(format(b), b, true));
        const double diff = b - a;
        const QString sign = diff > 0 ? QStringLiteral("+") : QString();
        QTableWidgetItem *difference = item(sign + format(diff), diff, true);
        if (diff != 0 && better != Better::Neither) {
            const bool good = better == Better::Higher ? diff > 0 : diff < 0;
            difference->setForeground(
                stateColor(good ? Core::HealthState::Up : Core::HealthState::Unreachable, dark));
        }
        m_table->setItem(metric, DifferenceColumn, difference);
        if (a != 0 && std::isfinite(a) && std::isfinite(b))
            m_table->setItem(metric, RatioColumn, item(tr("%1×").arg(number(b / a, 3)), b / a, true));
        else
            m_table->setItem(metric, RatioColumn, item(tr("–"), {}, true));
    };
    auto count = [](double v) {
        return number(v, 0);
    };

    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    textRow(StartedMetric, tr("Started"), first.startedAt.toLocalTime().toString(format),
            second.startedAt.toLocalTime().toString(format));
    m_table->item(StartedMetric, DifferenceColumn)
        ->setText(
            tr("%1 s later").arg(number(double(first.startedAt.msecsTo(second.startedAt)) / 1000.0, 0)));
    textRow(BackendMetric, tr("Backend"), first.backendSpec.isEmpty() ? first.backend : first.backendSpec,
            second.backendSpec.isEmpty() ? second.backend : second.backendSpec);
    textRow(ModelMetric, tr("Model"), first.model, second.model);
    auto scenario = [](const Core::BenchReport &r) {
        if (r.scenario == u"concurrency")
            return tr("concurrency %1").arg(r.concurrency);
        if (r.scenario == u"rate")
            return r.poisson ? tr("rate %1 batches/s (Poisson)").arg(r.rate)
                             : tr("rate %1 batches/s").arg(r.rate);
        return Core::scenarioLabel(r.scenario);
    };
    textRow(ScenarioMetric, tr("Scenario"), scenario(first), scenario(second));
    auto input = [](const Core::BenchReport &r) {
        return tr("%1 · batches of %2").arg(r.input, QLocale().toString(qint64(r.batchSize)));
    };
    textRow(InputMetric, tr("Input"), input(first), input(second));
    numberRow(RowsPerSMetric, tr("Rows/s"), first.rowsPerS, second.rowsPerS, Better::Higher, count);
    numberRow(RowsMetric, tr("Rows"), double(first.rows), double(second.rows), Better::Neither, count);
    numberRow(BatchesMetric, tr("Batches"), double(first.batches), double(second.batches), Better::Neither,
              count);
    numberRow(ErrorsMetric, tr("Errors"), double(first.errors), double(second.errors), Better::Lower, count);
    numberRow(P50Metric, tr("p50 (ms)"), first.latency.p50, second.latency.p50, Better::Lower, milliseconds);
    numberRow(P90Metric, tr("p90 (ms)"), first.latency.p90, second.latency.p90, Better::Lower, milliseconds);
    numberRow(P95Metric, tr("p95 (ms)"), first.latency.p95, second.latency.p95, Better::Lower, milliseconds);
    numberRow(P99Metric, tr("p99 (ms)"), first.latency.p99, second.latency.p99, Better::Lower, milliseconds);
    numberRow(P999Metric, tr("p99.9 (ms)"), first.latency.p999, second.latency.p999, Better::Lower,
              milliseconds);
    numberRow(MaxMetric, tr("max (ms)"), first.latency.max, second.latency.max, Better::Lower, milliseconds);
    textRow(VerdictMetric, tr("Verdict"), first.verdict, second.verdict);
    for (int column : {FirstColumn, SecondColumn}) {
        QTableWidgetItem *verdict = m_table->item(VerdictMetric, column);
        verdict->setForeground(stateColor(
            verdict->text() == u"VALID" ? Core::HealthState::Up : Core::HealthState::Unreachable, dark));
    }
    textRow(ReasonsMetric, tr("Reasons"), first.reasons.join(QStringLiteral("; ")),
            second.reasons.join(QStringLiteral("; ")));

    m_table->resizeColumnsToContents();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(FirstColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(SecondColumn, QHeaderView::Interactive);
    // Long model descriptions and reasons would push the numbers out of sight: tooltips carry the full text.
    const int widest = fontMetrics().averageCharWidth() * 48;
    for (int column : {FirstColumn, SecondColumn})
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), widest));

    auto *caption = new QLabel(tr("A is the earlier run. Green: B is better; red: B is worse."), this);
    caption->setWordWrap(true);
    caption->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(caption);
    layout->addWidget(buttons);

    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * (MetricCount + 8));
}

} // namespace Opsdeck::Gui
