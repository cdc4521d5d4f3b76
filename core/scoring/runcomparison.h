#pragma once

#include "benchreport.h"

#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>
#include <QtCore/QList>
#include <QtCore/QLocale>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace Opsdeck::Core {

/// The rows of a run comparison, in order (RunComparison::rows() has one per metric, at its index).
enum class RunMetric
{
    Started,
    Backend,
    Model,
    Scenario,
    Input,
    RowsPerS,
    Rows,
    Batches,
    Errors,
    P50,
    P90,
    P95,
    P99,
    P999,
    Max,
    Verdict,
    Reasons,
    Count
};

/// One metric of two runs side by side. Text rows (what ran, the verdict) say whether the two differ; number
/// rows carry the numbers, their difference (B − A) and ratio (B / A), and which direction is better.
struct RunComparisonRow
{
    enum class Better
    {
        Higher,  ///< more is better (rows/s)
        Lower,   ///< less is better (latency, errors)
        Neither  ///< a size, not a quality (rows, batches)
    };

    RunMetric metric = RunMetric::Started;
    QString key;         ///< machine name, for JSON: "rows_per_s", "p99_ms", "backend", …
    QString label;       ///< translated: "Rows/s", "p99 (ms)"
    QString first;       ///< run A's cell as shown
    QString second;      ///< run B's
    QString difference;  ///< "+1,234", "same", "differs", "30 s later"
    QString ratio;       ///< "1.050×", "–" (no ratio); empty for text rows
    bool numeric = false;
    std::optional<double> firstValue;       ///< number rows: A's number
    std::optional<double> secondValue;      ///< number rows: B's number
    std::optional<double> differenceValue;  ///< number rows: B − A
    std::optional<double> ratioValue;       ///< number rows: B / A when A is non-zero and both finite
    Better better = Better::Neither;
    QJsonValue firstReport;   ///< A's value as the report's JSON has it (UTC time, "concurrency", the reasons)
    QJsonValue secondReport;  ///< B's

    /// +1 when B is better than A on this metric, −1 when worse, 0 when the same or neither is better.
    [[nodiscard]] int judgement() const;
};

/// Run A (the earlier) against run B, as the GUI's Compare… dialog and `opsdeck --batch history compare` show
/// them. Numbers are written with `locale` (the GUI: the user's; the CLI: C with digit grouping, as its reports).
class RunComparison final
{
public:
    RunComparison(const BenchReport &first, const BenchReport &second, const QLocale &locale = QLocale());

    [[nodiscard]] const QList<RunComparisonRow> &rows() const { return m_rows; }
    [[nodiscard]] const RunComparisonRow &row(RunMetric metric) const { return m_rows.at(qsizetype(metric)); }

    /// What got worse from A to B by more than `percent` %: the throughput (rows/s) down, the p99 latency up.
    /// One translated sentence each ("rows/s fell by 12.5 % (1,000 → 875)"); empty when neither did.
    [[nodiscard]] QStringList regressions(double percent) const;

    /// `{"metrics": [{"metric": key, "a": …, "b": …, "difference": …, "ratio": …}, …]}` with the values as the
    /// reports' JSON has them (not translated): numbers with their difference and ratio (null where there is
    /// none), the start times with the seconds from A to B, text with "same" or "differs".
    [[nodiscard]] QJsonObject toJson() const;

private:
    QLocale m_locale;
    QList<RunComparisonRow> m_rows;
};

} // namespace Opsdeck::Core
