#include "runcomparedialog.h"

#include "tablecopy.h"
#include "theme.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace Opsdeck::Gui {

namespace {

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

QVariant value(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
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
    const Core::RunComparison comparison(first, second);
    for (const Core::RunComparisonRow &row : comparison.rows()) {
        const int r = int(row.metric);
        m_table->setItem(r, MetricColumn, item(row.label));
        if (row.numeric) {
            m_table->setItem(r, FirstColumn, item(row.first, value(row.firstValue), true));
            m_table->setItem(r, SecondColumn, item(row.second, value(row.secondValue), true));
            QTableWidgetItem *difference = item(row.difference, value(row.differenceValue), true);
            if (const int judgement = row.judgement(); judgement != 0)
                difference->setForeground(
                    stateColor(judgement > 0 ? Core::HealthState::Up : Core::HealthState::Unreachable, dark));
            m_table->setItem(r, DifferenceColumn, difference);
            m_table->setItem(r, RatioColumn, item(row.ratio, value(row.ratioValue), true));
        } else {
            m_table->setItem(r, FirstColumn, item(row.first, row.first));
            m_table->setItem(r, SecondColumn, item(row.second, row.second));
            m_table->setItem(r, DifferenceColumn, item(row.difference));
            m_table->setItem(r, RatioColumn, item(row.ratio));
        }
    }
    for (int column : {FirstColumn, SecondColumn}) {
        QTableWidgetItem *verdict = m_table->item(VerdictMetric, column);
        verdict->setForeground(stateColor(
            verdict->text() == u"VALID" ? Core::HealthState::Up : Core::HealthState::Unreachable, dark));
    }

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
