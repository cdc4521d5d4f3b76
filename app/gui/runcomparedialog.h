#pragma once

#include "scoring/runcomparison.h"

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QTableWidget;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// Two benchmark runs side by side: what ran (backend, model, scenario), what was measured (rows/s, batches,
/// errors, latency percentiles) and the verdict, with the difference (B − A) and the ratio (B / A) of each
/// number. Differences that are better for B are coloured as good, worse ones as bad.
class RunCompareDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        MetricColumn,
        FirstColumn,
        SecondColumn,
        DifferenceColumn,
        RatioColumn,
        ColumnCount
    };
    /// The rows of the table, in order (those of Core::RunComparison).
    enum Metric
    {
        StartedMetric = int(Core::RunMetric::Started),
        BackendMetric = int(Core::RunMetric::Backend),
        ModelMetric = int(Core::RunMetric::Model),
        ScenarioMetric = int(Core::RunMetric::Scenario),
        InputMetric = int(Core::RunMetric::Input),
        RowsPerSMetric = int(Core::RunMetric::RowsPerS),
        RowsMetric = int(Core::RunMetric::Rows),
        BatchesMetric = int(Core::RunMetric::Batches),
        ErrorsMetric = int(Core::RunMetric::Errors),
        P50Metric = int(Core::RunMetric::P50),
        P90Metric = int(Core::RunMetric::P90),
        P95Metric = int(Core::RunMetric::P95),
        P99Metric = int(Core::RunMetric::P99),
        P999Metric = int(Core::RunMetric::P999),
        MaxMetric = int(Core::RunMetric::Max),
        VerdictMetric = int(Core::RunMetric::Verdict),
        ReasonsMetric = int(Core::RunMetric::Reasons),
        MetricCount = int(Core::RunMetric::Count)
    };
    /// Item data role of the value cells: the number (double) for numeric rows, the text for the others; the
    /// difference and ratio cells carry theirs (invalid when there is none).
    static constexpr int ValueRole = Qt::UserRole + 1;

    /// Shows `first` (column A) against `second` (column B).
    RunCompareDialog(const Core::BenchReport &first, const Core::BenchReport &second,
                     QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RunCompareDialog)

    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace Opsdeck::Gui
