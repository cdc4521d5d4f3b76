#pragma once

#include "benchchart.h"
#include "scoring/benchhistory.h"

#include <QtCore/QList>
#include <QtCore/QPointF>
#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QDateTimeAxis;
class QLabel;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// Past runs over time: the throughput (rows/s, top) and the p99 latency (bottom) of each run at its start time,
/// INVALID runs marked. The Scoring page opens it for the runs its history table shows (the filter picks them:
/// one backend and scenario compare like with like) and keeps it up to date while it is open (setRuns()): a run
/// that ends, or a change of the filter, shows at once. Like the other charts, only its own file touches Qt Charts.
class RunTrendDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `runs` in any order; they are drawn in the order of their start.
    explicit RunTrendDialog(QList<Core::BenchHistoryEntry> runs, QWidget *parent = nullptr);
    ~RunTrendDialog() override;
    Q_DISABLE_COPY_MOVE(RunTrendDialog)

    /// Draws `runs` instead (any order): points, axes and caption.
    void setRuns(QList<Core::BenchHistoryEntry> runs);

    /// The points drawn: (start in ms since the epoch, rows/s) and (start, p99 ms), oldest first.
    [[nodiscard]] QList<QPointF> throughput() const { return m_throughput; }
    [[nodiscard]] QList<QPointF> p99() const { return m_p99; }
    /// The points marked as INVALID runs: (start, rows/s).
    [[nodiscard]] QList<QPointF> invalid() const { return m_invalid; }
    /// What the runs are ("12 runs of linear, 2026-12-01 to 2026-12-07 · red: INVALID").
    [[nodiscard]] QLabel *captionLabel() const { return m_caption; }

private:
    QDateTimeAxis *m_rateTime;
    QDateTimeAxis *m_latencyTime;
    RunCharts m_charts;
    QList<QPointF> m_throughput;
    QList<QPointF> m_p99;
    QList<QPointF> m_invalid;
    QLabel *m_caption = nullptr;
};

} // namespace Opsdeck::Gui
