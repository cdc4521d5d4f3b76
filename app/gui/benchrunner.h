#pragma once

#include "scoring/benchrun.h"

#include <QtCore/QObject>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Opsdeck::Gui {

/// Runs one Core::BenchRun at a time on a worker thread of its own, so the GUI thread never waits for a
/// benchmark, and relays the run's signals to the thread this object lives on.
///
/// The run, its model instance and the worker's network access manager are created, used and destroyed on the
/// worker thread. Destroying the runner while a run is in flight stops the run and waits until its thread has
/// finished (batches in flight complete first), so nothing outlives the runner.
class BenchRunner final : public QObject
{
    Q_OBJECT
public:
    explicit BenchRunner(QObject *parent = nullptr);
    ~BenchRunner() override;
    Q_DISABLE_COPY_MOVE(BenchRunner)

    /// Starts a run of `options` (options.plugin set) on a new worker thread and returns at once. Returns
    /// false, doing nothing, while a run is in flight.
    bool start(Core::BenchOptions options);
    /// Asks the run in flight to stop (Core::BenchRun::stop()): batches in flight complete, then finished()
    /// follows with a report marked stopped. A no-op when no run is in flight.
    void stop();
    /// Stops the run in flight and waits for its thread (batches in flight complete first), then returns its
    /// report at once, as finished() would have carried it; finished() and any signal of that run still queued
    /// are not emitted. Returns an empty report (startedAt invalid) when no run was in flight. Blocks: for
    /// closing the window, not for the Stop button.
    Core::BenchReport stopAndWait();
    /// True from start() until finished() was emitted.
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    /// True once stop() was called for the run in flight.
    [[nodiscard]] bool isStopping() const { return m_stopping; }

Q_SIGNALS:
    /// Relayed from the run (see Core::BenchRun).
    void stageChanged(const QString &stage);
    void windowCompleted(const Opsdeck::Core::BenchWindow &window);
    void failed(const Opsdeck::Error &error);
    /// The run ended and its thread is gone: a new run may start now. Emitted exactly once per start().
    void finished(const Opsdeck::Core::BenchReport &report);

private:
    struct Shared;
    void onThreadFinished();
    Core::BenchReport joinAndTakeReport();   // joins the run's thread (done or stopped) and takes its report

    QThread *m_thread = nullptr;
    quint64 m_serial = 0; // bumped per run and by stopAndWait(): signals of an older run are dropped
    std::shared_ptr<Shared> m_shared;
    bool m_stopping = false;
};

} // namespace Opsdeck::Gui
