#pragma once

#include "capacityplan.h"
#include "common/error.h"
#include "latencyhistogram.h"
#include "loadgenerator.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace Opsdeck::Core {

/// Outputs of the measured run compared with a second backend scoring the same rows.
struct CompareResult
{
    QString backend;            ///< the second backend's spec
    qint64 rows = 0;            ///< rows both backends scored without error
    qint64 values = 0;          ///< rows × output columns compared
    double maxAbsDiff = 0;
    double maxRelDiff = 0;      ///< |a−b| / max(|a|,|b|); 0 when both are 0
    double tolerance = 1e-5;
    qint64 overTolerance = 0;   ///< values whose absolute AND relative difference exceed the tolerance (or NaN vs number)
    qint64 errors = 0;          ///< batches the second backend failed (their rows are not compared)
    QString firstError;         ///< the second backend's first failure

    /// {"backend", "rows", "values", "max_abs_diff", "max_rel_diff", "tolerance", "over_tolerance", "errors"}.
    [[nodiscard]] QJsonObject toJson() const;
};

/// Latency percentiles of a run, in milliseconds.
/// The load sweep a run was a level of (LoadSweep): an id its levels share and every level it planned, so that a
/// sweep can be drawn again from the history. JSON (in the report): `load_sweep` {"id", "levels"}.
struct SweepMembership
{
    QString id;
    QList<double> levels;

    friend bool operator==(const SweepMembership &, const SweepMembership &) = default;
};

struct LatencySummary
{
    double p50 = 0;
    double p90 = 0;
    double p95 = 0;
    double p99 = 0;
    double p999 = 0;
    double max = 0;
    double mean = 0;

    [[nodiscard]] static LatencySummary from(const LatencyHistogram &histogram);
};

/// Everything a benchmark run reports. Built by BenchRun; shown by the CLI and the GUI; written as JSON, as a CSV
/// row and to the history.
struct BenchReport
{
    // What ran.
    QDateTime startedAt;            ///< UTC
    QString backend;                ///< backend id
    QString backendSpec;            ///< the full spec ("http,endpoint=…,protocol=json")
    QString model;                  ///< ModelInstance::describe()
    QString scenario;               ///< "offline", "concurrency", "rate"
    QString input;                  ///< data description ("synthetic uniform [-1,1), seed 42", "x.npy (float32)")
    qsizetype features = 0;
    qsizetype batchSize = 0;
    int threads = 0;                ///< host threads calling score() (1 for remote backends: the event loop)
    int pinnedThreads = 0;          ///< of those, pinned to a CPU of their own (LoadPlan::pinThreads)
    int inFlight = 0;               ///< batches in service at once at most
    bool remote = false;
    int concurrency = 0;            ///< Concurrency scenario
    double rate = 0;                ///< Rate scenario, batches/s
    bool poisson = false;
    double warmupS = 0;
    quint64 seed = 0;

    // What was measured (warm-up excluded).
    qint64 rows = 0;
    qint64 batches = 0;
    qint64 errors = 0;
    qint64 warmupBatches = 0;
    qint64 warmupErrors = 0;       ///< failed batches of the warm-up (backend_stats count them too)
    qint64 abandonedBatches = 0;   ///< remote batches still in flight when the run was stopped: not counted
    double durationS = 0;
    double rowsPerS = 0;
    double batchesPerS = 0;
    LatencySummary latency;
    QList<LatencyHistogram::Bucket> latencyBuckets;
    QList<BenchWindow> windows;
    /// Stable, unstable, or not judged (a run too short for the rule; stabilityDetail says why). JSON: `stable`
    /// (true only when Stable) and `stability_judged`.
    Stability stable = Stability::Unstable;
    QString stabilityRule;
    QString stabilityDetail;
    /// Rate runs (LoadResult::scheduledBatches, ::missedBatches): arrivals scheduled in the measured part and
    /// those not sent before the schedule ended. 0 and 0 when unknown (then not in the JSON).
    qint64 scheduledBatches = 0;
    qint64 missedBatches = 0;
    QString firstError;
    QJsonObject backendStats;
    std::optional<CompareResult> compare;
    std::optional<CapacityPlan> capacity;
    std::optional<SweepMembership> sweep;   ///< set when the run was a level of a load sweep
    QString capacityError;          ///< why no capacity plan could be made when one was asked for (else empty)

    // Judgement.
    std::optional<double> maxP99Ms;
    std::optional<double> minThroughput;
    /// --max-error-rate: the percentage of measured batches that may fail. Without it any failed batch makes the run
    /// INVALID (exit 1); with it, failures up to it are tolerated (counted and reported) and more breach it (exit 3).
    std::optional<double> maxErrorRatePct;
    bool stopped = false;
    bool unreachable = false;       ///< every batch failed as unreachable, or the first ones did and the run gave up
    bool authRefused = false;       ///< the first batches were refused with HTTP 401/403 and the run gave up
    std::optional<Error> failure;   ///< the run could not be set up or completed
    QString verdict;                ///< "VALID" or "INVALID"
    QStringList reasons;            ///< why INVALID (empty when VALID)
    bool thresholdBreached = false;
    /// 124 (--timeout elapsed) or 130 (interrupted) when the command that ran it was cancelled, else 0. Then it is
    /// the exit code, so that the report and the process agree.
    int cancelledExitCode = 0;

    /// Sets verdict, reasons and thresholdBreached from the measured fields: INVALID when the run failed, was
    /// stopped, had failed batches, scored nothing, was judged unstable (a run whose stability was not judged is
    /// not INVALID for it), fell behind its rate (fewer than RateKeptFraction of the scheduled batches sent within
    /// the schedule), breached --max-p99 / --min-throughput, or the cross-check found values over tolerance.
    void evaluate();

    /// A rate run that sent fewer than this fraction of its scheduled batches within the schedule fell behind.
    static constexpr double RateKeptFraction = 0.9;
    /// A rate run that sent fewer than RateKeptFraction of its scheduled batches within the schedule.
    [[nodiscard]] bool fellBehindRate() const;
    /// Rows were scored and their p99 latency is above --max-p99.
    [[nodiscard]] bool p99AboveThreshold() const { return maxP99Ms && rows > 0 && latency.p99 > *maxP99Ms; }
    /// Failed batches as a percentage of the measured ones (0 when none were measured).
    [[nodiscard]] double errorRatePct() const;
    /// Batches failed and more of them than --max-error-rate tolerates (any, without it).
    [[nodiscard]] bool errorsBeyondTolerance() const
    {
        return errors > 0 && (!maxErrorRatePct || errorRatePct() > *maxErrorRatePct);
    }
    /// When batches failed within --max-error-rate (VALID for them): "10 % of the batches failed (20 of 200), within
    /// --max-error-rate 15 % · first: HTTP 503 …"; else empty.
    [[nodiscard]] QString toleratedErrors() const;

    /// The process exit code: cancelledExitCode when set; the failure's own code (2 usage, 5 unreachable, …);
    /// 4 credentials refused; 5 unreachable; 1 for
    /// stopped, failed batches (without --max-error-rate), nothing scored or a cross-check over tolerance; 3 for a
    /// breached threshold (--max-p99, --min-throughput, --max-error-rate)
    /// (also when the run was unstable as well); 1 for an unstable run or one that fell behind its rate; 0 when
    /// VALID.
    [[nodiscard]] int exitCode() const;

    /// The report as one JSON object (the `bench --json` output).
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads what toJson() wrote (for the history). Errors (Failed) name the missing or mistyped field.
    [[nodiscard]] static Result<BenchReport> fromJson(const QJsonObject &object);

    /// Column names of the CSV report (fixed, whatever options a run had).
    [[nodiscard]] static QStringList csvHeader();
    /// This run as one CSV line (RFC 4180 quoting, no line break at the end).
    [[nodiscard]] QString csvRow() const;
    /// The same, with the given report columns in their order (an existing file's, csvReportColumns()).
    [[nodiscard]] QString csvRow(const QStringList &columns) const;
    /// A few lines for people (the CLI prints them on stderr).
    [[nodiscard]] QString humanSummary() const;
    /// One line per endpoint a remote backend reported in backendStats (`endpoints`: url, requests, ok, errors,
    /// by_status, transport_errors, timeouts, mean_ms and p99_ms), at most MaxEndpointLines and then how many more:
    /// "http://h:8099/score · 5,000 requests · 4,990 ok · failed: HTTP 503 × 8, 2 timed out · mean 3.10 ms · p99
    /// 9.80 ms" (the service times of its answered requests).
    /// Empty for a backend that reports no endpoints.
    [[nodiscard]] QStringList endpointSummaries() const;
    static constexpr qsizetype MaxEndpointLines = 16;
};

/// Checks, before a run, that a report can be written to `path`: its folder exists and is writable, `path` is
/// not a folder, an existing file can be written, and for a .csv path checkCsvReport(). A report that cannot be
/// written is found now, not after a long run. Errors (Usage): "FILE: cannot write: the folder DIR does not
/// exist" (or "is not writable"), "FILE: is a folder", "FILE: cannot write: the file is read-only", or
/// checkCsvReport()'s.
[[nodiscard]] Result<void> checkReportFile(const QString &path);
/// Checks that `path` can take a CSV report (csvReportColumns()).
[[nodiscard]] Result<void> checkCsvReport(const QString &path);
/// The columns a CSV report appended to `path` gets: csvHeader() for a new or empty file; an existing file's own
/// header when it names report columns only, each once, started_at among them (a report an earlier version
/// started, without the columns added since, keeps its layout). Errors (Usage): "FILE: the header differs from
/// this version's report columns: unknown or repeated: a, b (…)" or "FILE: cannot read: …".
[[nodiscard]] Result<QStringList> csvReportColumns(const QString &path);
/// Appends the report as one row in the file's columns (csvReportColumns()), writing the header first when the
/// file is new or empty; refuses (Usage) a file whose header is not a report's.
[[nodiscard]] Result<void> appendCsvReport(const QString &path, const BenchReport &report);
/// Writes the report's JSON (indented) to `path`, replacing it atomically. Errors (Failed) name the file.
[[nodiscard]] Result<void> writeJsonReport(const QString &path, const BenchReport &report);
/// Writes any JSON object (indented) to `path`, replacing it atomically (a sweep's report). Errors (Failed) name the
/// file.
[[nodiscard]] Result<void> writeJsonFile(const QString &path, const QJsonObject &object);
/// Writes the CSV header and the report as one row to `path`, replacing it atomically (an export of one run;
/// appendCsvReport() collects runs). Errors (Failed) name the file.
[[nodiscard]] Result<void> writeCsvReport(const QString &path, const BenchReport &report);
/// Writes several runs to `path`, replacing it atomically: for a .csv path the header and one row per report in
/// the order given, for a .json path one report's object or, for several, an array of them. Errors: Usage for any
/// other suffix or no report, Failed (naming the file) when it cannot be written.
[[nodiscard]] Result<void> writeReports(const QString &path, const QList<BenchReport> &reports);

} // namespace Opsdeck::Core

Q_DECLARE_METATYPE(Opsdeck::Core::BenchReport)
