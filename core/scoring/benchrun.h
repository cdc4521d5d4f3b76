#pragma once

#include "backendspec.h"
#include "benchreport.h"
#include "common/error.h"
#include "loadgenerator.h"
#include "modelbackend.h"

#include <QtCore/QMap>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace Opsdeck::Core {

/// The warm-up of a run that names none. Offline: 0.3 s. The first tenths of a second of a process's heavy work
/// run slower than the rest (idle CPUs waking and clocking up, cold caches and TLBs, code paged in): the 20-ms
/// main job (2M rows, `linear`, 2 threads) measured 0.76 of the machine's memory-read rate without a warm-up,
/// 0.85 after 0.1 s and 0.9–0.96 after 0.3 s, where a steady duration run sits. Closed and open loops: 1 s, for
/// connections, server-side caches and the loop's own steady state.
[[nodiscard]] constexpr double defaultWarmupS(Scenario scenario)
{
    return scenario == Scenario::Offline ? 0.3 : 1.0;
}

/// Everything one benchmark run needs. Unset optionals take the documented defaults once the backend is loaded
/// (they depend on whether it is remote).
struct BenchOptions
{
    BackendSpec backend{QStringLiteral("linear"), {}, {}, {}, {}, {}};
    /// The plugin for backend.id (from PluginRegistry::backend() on the caller's thread); required.
    Sdk::ModelBackend *plugin = nullptr;
    Sdk::InputKind inputKind = Sdk::InputKind::DenseFloat32;   ///< from the plugin's metadata
    QStringList capabilities;                                  ///< from the plugin's metadata

    Scenario scenario = Scenario::Offline;
    std::optional<qint64> rows;          ///< default 2,000,000 in-process / 20,000 remote (unless durationS)
    std::optional<double> durationS;     ///< run for this long instead of a number of rows
    std::optional<qsizetype> batchSize;  ///< default 10,000 in-process / 1,000 remote
    std::optional<qsizetype> features;   ///< default: the spec's features, else the model's, else 100
    int concurrency = 1;
    double rate = 0;                     ///< batches per second (Rate)
    bool poisson = false;
    std::optional<double> warmupS;       ///< default defaultWarmupS(scenario)
    QString inputFile;                   ///< .npy / .csv (dense) or a text file (text backends); empty = synthetic
    int threads = 0;                     ///< 0 = QThread::idealThreadCount()
    bool pinThreads = true;              ///< LoadPlan::pinThreads
    quint64 seed = 42;
    double windowS = 1.0;

    std::optional<double> maxP99Ms;
    std::optional<double> minThroughput; ///< rows/s
    std::optional<double> maxErrorRatePct; ///< failed batches tolerated, % of the measured ones (BenchReport)

    /// Cross-check: score the measured rows again with this backend (outside the timed part) and compare.
    std::optional<BackendSpec> compare;
    Sdk::ModelBackend *comparePlugin = nullptr;
    Sdk::InputKind compareInputKind = Sdk::InputKind::DenseFloat32;
    QStringList compareCapabilities;
    double tolerance = 1e-5;             ///< a value is over tolerance when abs AND rel difference exceed it

    std::optional<SweepMembership> sweep;  ///< the load sweep this run is a level of (LoadSweep::options())
    std::optional<qint64> capacityRows;  ///< capacity plan: rows to score …
    std::optional<double> capacityWithinS; ///< … within this many seconds
};

/// One benchmark run as a job: loads the backend, prepares the data (outside the timed part), drives the
/// LoadGenerator, cross-checks and plans capacity when asked, and judges the result.
///
/// Lives on one thread (move it before start()): the backend instance, the network access manager handed to a
/// remote backend, and the workers' coordination all belong to that thread. start() only schedules; exactly one
/// finished() follows, preceded by failed() when the run could not be set up or completed (the report then
/// carries the failure and exitCode() its exit code).
class BenchRun final : public QObject
{
    Q_OBJECT
public:
    explicit BenchRun(BenchOptions options, QObject *parent = nullptr);
    ~BenchRun() override;
    Q_DISABLE_COPY_MOVE(BenchRun)

    /// Schedules the run on this object's thread; returns at once.
    void start();
    /// Cancels the run (thread-safe): batches in flight complete, the partial result is reported with
    /// stopped = true and verdict INVALID ("stopped").
    void stop();

    /// The report; complete once finished() was emitted. Read it on this object's thread or after finished().
    [[nodiscard]] const BenchReport &report() const { return m_report; }
    [[nodiscard]] bool isRunning() const { return m_running; }

    /// The ModelConfig the run gives the backend for `options` (defaults applied; network not set).
    [[nodiscard]] static Sdk::ModelConfig modelConfig(const BenchOptions &options, const BackendSpec &spec,
                                                      const QStringList &capabilities);

Q_SIGNALS:
    /// What the run is doing now ("loading the model", "generating data", "warming up", "measuring",
    /// "cross-checking"), for a status line.
    void stageChanged(const QString &stage);
    /// A 1-second window of the measured part completed.
    void windowCompleted(const Opsdeck::Core::BenchWindow &window);
    /// The run could not be set up or completed; finished() follows.
    void failed(const Opsdeck::Error &error);
    /// Emitted exactly once, at the end.
    void finished(const Opsdeck::Core::BenchReport &report);

private:
    void begin();
    void onMeasured();
    /// Loads the --compare backend and checks it against the primary one (input kind, outputs per row).
    [[nodiscard]] Result<void> loadCompare();
    /// A remote cross-check scores one batch before the run: a service it cannot reach (exit 5) or that fails
    /// (exit 1) is found before the measurement, not after it.
    void probeCompare();
    void onCompareProbed();
    void startMeasuring();
    void startCompare();
    void onCompared();
    void complete();
    void failWith(const Error &error);

    BenchOptions m_options;
    BenchReport m_report;
    std::atomic<bool> m_stopRequested{false};
    bool m_running = false;
    bool m_finished = false;

    std::unique_ptr<Sdk::ModelInstance> m_instance;
    std::unique_ptr<Sdk::ModelInstance> m_compareInstance;
    /// A remote cross-check's backend options after applyRemoteAccess(), resolved once before the run (so a
    /// missing secret fails early) and used when it loads; they hold the secret until then.
    std::optional<QMap<QString, QString>> m_compareOptions;
    DataSet m_data;
    LoadPlan m_plan;
    LoadResult m_measured;
    LoadGenerator *m_generator = nullptr;
    LoadGenerator *m_compareGenerator = nullptr;
    LoadGenerator *m_probeGenerator = nullptr;
};

} // namespace Opsdeck::Core

