#pragma once

#include "common/error.h"
#include "datasource.h"
#include "latencyhistogram.h"
#include "modelbackend.h"

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Opsdeck::Core {

/// How batches are offered to the backend.
enum class Scenario {
    Offline,      ///< every row as fast as possible: all workers / in-flight slots kept busy
    Concurrency,  ///< closed loop: N batches outstanding; a batch is issued when one completes
    Rate,         ///< open loop: batches issued on a fixed or Poisson schedule, whatever the completions do
};

/// "offline", "concurrency", "rate".
[[nodiscard]] QString scenarioName(Scenario scenario);
/// The scenario for a name as scenarioName() writes it; nullopt for anything else.
[[nodiscard]] std::optional<Scenario> scenarioFromName(const QString &name);

/// What one LoadGenerator run does.
/// Open-loop rates LoadGenerator::validate() accepts, in batches per second.
inline constexpr double MinRate = 1e-3;
inline constexpr double MaxRate = 1e9;
/// Entries the completion log that judges runs shorter than three windows holds at most (see judgeShortRun()).
inline constexpr qsizetype ShortRunLogCapacity = qsizetype(1) << 20;

struct LoadPlan
{
    Scenario scenario = Scenario::Offline;
    qint64 rows = 0;            ///< measured rows; 0 = run for durationS instead
    double durationS = 0;       ///< measured seconds when rows == 0
    qsizetype batchSize = 1000;
    int concurrency = 1;        ///< Concurrency: batches outstanding
    double rate = 0;            ///< Rate: batches per second
    bool poisson = false;       ///< Rate: exponential inter-arrival times instead of fixed ones
    double warmupS = 0;         ///< scenario run before the measured part, not counted
    int threads = 1;            ///< in-process workers for a thread-safe backend
    /// Pin in-process worker i to the i-th CPU this process may run on, when there are no more workers than such
    /// CPUs (Linux; elsewhere workers are never pinned). See LoadResult::pinnedWorkers.
    bool pinThreads = true;
    quint64 seed = 42;          ///< Poisson schedule
    bool keepOutputs = false;   ///< keep the outputs of the first pass over the data (for a cross-check)
    double windowS = 1.0;       ///< stability / progress window length
    /// Entries of the completion log a run shorter than three windows is judged from (at least 4). When it is full
    /// it is thinned to every second entry, so it always spans the whole run; tests set a small one.
    qsizetype shortRunLogCapacity = ShortRunLogCapacity;
};

/// The stability verdict of a run. A run too short to judge (see LoadGenerator) is neither stable nor unstable:
/// it is NotJudged, which does not make a report INVALID.
enum class Stability : quint8 {
    NotJudged,
    Unstable,
    Stable,
};

/// One stability window of a run: a 1-second window of wall time, or (for runs shorter than three windows) one
/// of the equal batch groups the run is cut into afterwards (see LoadResult::stabilityRule).
struct BenchWindow
{
    int index = 0;
    double t = 0;         ///< end of the window, seconds since the measured part began
    double spanS = 0;     ///< its length in seconds
    qint64 rows = 0;      ///< rows of batches that completed in it without error
    qint64 batches = 0;   ///< batches that completed in it without error
    qint64 errors = 0;    ///< batches that failed in it
    double rowsPerS = 0;
    double p50Ms = 0;     ///< median latency of its batches (0 when none)
    double p99Ms = 0;     ///< 99th percentile latency of its batches (0 when none)
};

/// The outcome of a LoadGenerator run (measured part only; warm-up excluded).
struct LoadResult
{
    qint64 rows = 0;            ///< rows of successful batches
    qint64 batches = 0;         ///< successful batches
    qint64 errors = 0;          ///< failed batches
    qint64 unreachableErrors = 0;
    qint64 timeoutErrors = 0;
    qint64 warmupBatches = 0;
    qint64 warmupErrors = 0;
    /// Remote batches in flight when stop() was called: the run ends without waiting for them (a service that
    /// hangs must not hold a --timeout or a Stop button for its whole request timeout), and they count nowhere.
    qint64 abandonedBatches = 0;
    /// From the start of the measured part to the last completion; for a Rate run that was not stopped, at
    /// least to the end of its schedule (the duration, or one interval after the last arrival of a --rows run).
    double durationS = 0;
    LatencyHistogram latency;   ///< per batch, from its scheduled time to its completion (ok batches only)
    QList<BenchWindow> windows;
    Stability stable = Stability::Unstable;
    QString stabilityRule;      ///< which rule judged stability, in words
    QString stabilityDetail;    ///< the numbers behind the judgement ("last 3: 101, 99, 100 Mrows/s …")
    bool remote = false;
    int workers = 0;            ///< host threads calling score() (0 for remote backends)
    int slots = 0;              ///< batches in service at once at most (workers, or in-flight requests)
    int pinnedWorkers = 0;      ///< workers pinned to a CPU of their own (LoadPlan::pinThreads)
    bool stopped = false;       ///< stop() was called before the plan completed
    /// The first batches all failed as unreachable (could not connect) before any batch reached the service,
    /// so the run gave up.
    bool unreachableAbort = false;
    /// The service refused the first batches' credentials (HTTP 401 or 403) before any batch was scored, so
    /// the run gave up; `firstError` is then that refusal (endpoint and status).
    bool authRefusedAbort = false;
    /// Rate: arrivals the schedule placed in the measured part (up to the stop, for a stopped run); 0 otherwise.
    qint64 scheduledBatches = 0;
    /// Rate: arrivals of scheduledBatches that were not sent before the schedule ended. A --duration run never
    /// sends them; a --rows run sends every batch, these ones late. scheduledBatches − missedBatches were sent
    /// within the schedule.
    qint64 missedBatches = 0;
    QString firstError;         ///< message of the first failed batch
    QString setupError;         ///< the plan could not run (see LoadGenerator::validate)

    /// With LoadPlan::keepOutputs: outputs of the measured part's first pass over the data, `outputRows` ×
    /// outputColumns() floats for data rows [0, outputRows); `outputOk[b]` is 1 when batch b of that pass
    /// (rows [b·batchSize, …)) was scored without error.
    FloatBuffer outputs;
    qsizetype outputRows = 0;
    qsizetype outputColumns = 0;
    std::vector<quint8> outputOk;
};

/// One completed batch as the stability judgement sees it (nanoseconds on one clock). In a thinned log (see
/// LoadPlan::shortRunLogCapacity) one entry stands for several completions: `batches` of them, which completed
/// after the previous entry's and at the latest at `endNs`; `rows` counts the rows of all of them, and the times
/// and latency are those of one of them (a sample).
struct BatchTiming
{
    qint64 startNs = 0;     ///< when it was handed to the backend
    qint64 endNs = 0;       ///< when it completed
    qint64 latencyNs = 0;   ///< from its scheduled time to its completion
    qint64 rows = 0;
    qint64 batches = 1;     ///< completions the entry stands for
};

/// The stability verdict and the windows it was judged on.
struct StabilityJudgement
{
    Stability stable = Stability::Unstable;
    QString rule;
    QString detail;
    QList<BenchWindow> windows;
};

/// Judges complete windows: the last three must lie within ±10 % of their mean rows/s, or within `slackRows`
/// rows of it. Needs ≥ 3 windows. A window counts the batches that completed in it, so it is exact only to one
/// batch per slot: batches that take a good part of a window complete 3 or 4 times per slot in one, which is
/// ±15 % with nothing unsteady about it. The load generator passes slots × batch size.
[[nodiscard]] StabilityJudgement judgeWindows(const QList<BenchWindow> &windows, qint64 slackRows = 0);
/// Judges the complete windows of an open-loop (rate) run: in each of the last three, the rows completed must lie
/// within ±10 % (or `slackRows`) of the rows whose arrivals were scheduled in it, sent or not (`scheduledRows`, one per
/// window); a window with none scheduled and none completed kept pace. Needs ≥ 3. The load generator passes one
/// batch as the slack: at a few batches per window, one batch crossing a window's edge is more than 10 %.
[[nodiscard]] StabilityJudgement judgeRateWindows(const QList<BenchWindow> &windows,
                                                  const QList<qint64> &scheduledRows, qint64 slackRows = 0);

/// Shortest stretch of run time one batch group of judgeShortRun() may span: shorter groups would judge the
/// scheduler's hiccups rather than the backend.
inline constexpr double MinGroupS = 0.05;
/// Groups judgeShortRun() needs at least: the first holds the ramp-up and is not judged, the last 3 are.
inline constexpr int MinGroups = 4;

/// Judges a run shorter than three windows from its batches (see LoadGenerator): `slots` batches can be in
/// service at once; `openLoop` runs are paced by their schedule, so they are grouped batch by batch and keep their
/// tail. `t0Ns` is the start of the measured part. The returned windows are the groups. A run too short for
/// MinGroups groups of MinGroupS each is Stability::NotJudged.
[[nodiscard]] StabilityJudgement judgeShortRun(std::vector<BatchTiming> batches, int slots, bool openLoop,
                                               qint64 t0Ns, double windowS);
/// Judges a constant-rate run shorter than three windows: the groups of judgeShortRun() (open loop), of which each
/// of the last three must have completed within ±10 % (or `slackRows`) of the rows whose arrivals were scheduled in
/// its span, sent or not: `scheduledRows(fromNs, toNs)` for the span from the previous group's last completion
/// (`t0Ns` for the first group) to its own. As judgeRateWindows() does for windows.
[[nodiscard]] StabilityJudgement judgeShortRateRun(std::vector<BatchTiming> batches, qint64 t0Ns, double windowS,
                                                   const std::function<qint64(qint64, qint64)> &scheduledRows,
                                                   qint64 slackRows = 0);

/// Drives one model instance through a scenario and measures it.
///
/// In-process backends are scored by worker threads (LoadPlan::threads of them for a thread-safe backend, else
/// one), started before the first phase and pinned one per CPU where they fit (LoadPlan::pinThreads), that take
/// batches from a shared counter; each worker hands a fixed-size record per batch to this object
/// through its own lock-free ring, and this object (on its thread's event loop) folds them into 1-second windows
/// and the run's histogram. Remote backends are driven on this object's thread through scoreAsync(), never with
/// more than maxInFlight() batches outstanding. Latency always runs from a batch's scheduled time: in the open
/// loop a batch that waits for a free slot is late, and the wait counts.
///
/// Stability: with three or more complete windows, the last three must lie within ±10 % of their mean rows/s, or
/// within one batch per slot of it where that is more (judgeWindows(); rate runs: judgeRateWindows()). Poisson rate
/// runs shorter than three windows are not judged. Other shorter runs are cut, after the fact, into groups of equal
/// batch count: as many as fit a tenth of a window each (100 ms for 1-s windows) but never less than MinGroupS
/// (50 ms), at least 4 and at most 10, so that the first group (the ramp-up) is never one of the three judged. A
/// group's batch count is a multiple of the number of slots, so that groups span whole "rounds" of the workers, and
/// the last slots−1 completions, where the workers run dry, are left out. Each group's rate is its rows over the
/// time from the previous group's last completion to its own; every group must span at least MinGroupS, and the
/// last three groups must lie within ±10 % of their mean (constant-rate runs: each must have completed within
/// ±10 %, or one batch, of the rows scheduled in its span; judgeShortRateRun()). The groups are cut from a log of
/// at most LoadPlan::shortRunLogCapacity entries that always spans the whole run: once full, it keeps every second
/// entry and from then on logs one entry per 2^k completions, each counting the rows of all it stands for, so the
/// groups still count every row (to one entry at each edge) and only their latency percentiles are sampled. A run
/// that cannot form four such groups (shorter than 0.2 s, or too few batches) is not judged: Stability::NotJudged,
/// which is not a reason for an INVALID verdict.
///
/// Rate (open loop): arrivals are taken from the schedule one at a time when a worker or slot can send them, so a
/// backlog costs no memory. Nothing is sent once the measured duration is over: arrivals still due then are
/// missed (LoadResult::missedBatches), batches in flight are awaited (except after stop()). A --rows run sends all its batches; those
/// sent after the end of its schedule (one interval after the last arrival) count as missed too. Windows are
/// closed at the end of the schedule, so an N-second run has N windows.
///
/// Unreachable: when the first batches of a remote backend all fail with ScoreStatus::Kind::Unreachable (could
/// not connect at all) before any batch got an answer (ok, or a failure the service reported), the run gives up
/// (LoadResult::unreachableAbort). Likewise when the first batches are refused with HTTP 401/403 and none of those
/// in flight is scored (LoadResult::authRefusedAbort): nothing more is sent once a refusal arrives until the
/// batches in flight are back, so a wrong credential is not repeated for the whole run. Once a batch was
/// scored, any failure is counted and the run goes on.
class LoadGenerator final : public QObject
{
    Q_OBJECT
public:
    /// `instance` and `data` must outlive this object, and `data` must hold at least one batch of rows.
    LoadGenerator(Sdk::ModelInstance &instance, const DataSet &data, LoadPlan plan, QObject *parent = nullptr);
    /// Stops and joins the workers (shutDown()). Destroy it before the instance only when no remote batch is in
    /// flight; otherwise call shutDown(), destroy the instance, then this.
    ~LoadGenerator() override;

    /// Ends the run for good without a result: stops and joins the workers and ignores every completion from
    /// then on. Afterwards the instance may be destroyed before this object (a remote instance that completes
    /// its outstanding batches as it goes calls into nothing that is gone).
    void shutDown();
    Q_DISABLE_COPY_MOVE(LoadGenerator)

    /// Checks that `plan` can run on `instance` with `data` (batch size ≥ 1 and ≤ the data's rows, rows or
    /// duration > 0, rate > 0 for Rate, concurrency ≥ 1, matching input kind and columns). Errors are Usage.
    [[nodiscard]] static Result<void> validate(const LoadPlan &plan, const Sdk::ModelInstance &instance,
                                               const DataSet &data);

    /// Schedules the run on this object's thread and returns at once. finished() follows exactly once (also when
    /// validate() fails: result().setupError says why).
    void start();
    /// Asks the run to end early (thread-safe): no new batches are issued, batches in flight complete, then
    /// finished() is emitted with result().stopped set.
    void stop();

    [[nodiscard]] bool isRunning() const;
    /// The result; complete once finished() was emitted.
    [[nodiscard]] const LoadResult &result() const;
    /// Moves the result out (after finished()).
    [[nodiscard]] LoadResult takeResult();

Q_SIGNALS:
    /// A 1-second window of the measured part completed (not emitted during warm-up).
    void windowCompleted(const Opsdeck::Core::BenchWindow &window);
    void finished();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Opsdeck::Core

Q_DECLARE_METATYPE(Opsdeck::Core::BenchWindow)
