#pragma once

#include "benchchart.h"
#include "scoring/loadsweep.h"

#include <QtCore/QList>
#include <QtCore/QPointF>
#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QLabel;
class QLogValueAxis;
class QTableWidget;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// A load sweep as it goes: the throughput (top) and the p99 latency (bottom) of each level against the load (a
/// logarithmic axis: the levels double), INVALID levels marked, the levels in a table with the best one in bold,
/// and the sweep's conclusion (the best level, why it ended early). The Scoring page opens it when a sweep
/// starts and calls setSweep() as each level ends. Like the other charts, only its own file touches Qt Charts.
class LoadSweepDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LoadSweepDialog(QWidget *parent = nullptr);
    ~LoadSweepDialog() override;
    Q_DISABLE_COPY_MOVE(LoadSweepDialog)

    /// Draws the levels `sweep` has run so far: points, axes, table and conclusion.
    void setSweep(const Core::LoadSweep &sweep);
    /// Draws sweep B of `comparison` as setSweep() does, with sweep A dashed in both charts as its baseline, and
    /// both sweeps' best levels and the ratio of their rows/s below the table.
    void setComparison(const Core::SweepComparison &comparison);
    /// The baseline's points (setComparison()): (level, rows/s) and (level, p99 ms); empty without one.
    [[nodiscard]] QList<QPointF> baselineThroughput() const { return m_baselineThroughput; }
    [[nodiscard]] QList<QPointF> baselineP99() const { return m_baselineP99; }

    /// The points drawn: (level, rows/s) and (level, p99 ms), in the order of the levels.
    [[nodiscard]] QList<QPointF> throughput() const { return m_throughput; }
    [[nodiscard]] QList<QPointF> p99() const { return m_p99; }
    /// The points marked as INVALID levels: (level, rows/s).
    [[nodiscard]] QList<QPointF> invalid() const { return m_invalid; }
    /// One row per level run: level, rows/s, p50, p99, errors, verdict.
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    /// The best level and why the sweep ended early, or how far it has come.
    [[nodiscard]] QLabel *conclusionLabel() const { return m_conclusion; }

private:
    QLogValueAxis *m_rateLevel;
    QLogValueAxis *m_latencyLevel;
    RunCharts m_charts;
    QList<QPointF> m_throughput;
    QList<QPointF> m_p99;
    QList<QPointF> m_invalid;
    QList<QPointF> m_baselineThroughput;
    QList<QPointF> m_baselineP99;
    QTableWidget *m_table = nullptr;
    QLabel *m_conclusion = nullptr;
};

} // namespace Opsdeck::Gui
