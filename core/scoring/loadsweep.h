#pragma once

#include "benchreport.h"
#include "benchrun.h"
#include "common/error.h"
#include "loadgenerator.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace Opsdeck::Core {

/// Levels a sweep runs at most.
inline constexpr qsizetype MaxSweepLevels = 64;

/// Parses the load levels of a sweep: numbers and ranges separated by commas. "1,2,4,8"; "1..64" runs from the
/// first number, doubling, up to the last, which is included (1, 2, 4, … 64; "3..20" is 3, 6, 12, 20);
/// "100..400,500" mixes both. Levels must increase and lie within minimum … maximum; `whole` asks for whole
/// numbers (a concurrency). Errors (Usage) quote the part at fault: "'8,4': 4 after 8 (levels must increase)".
[[nodiscard]] Result<QList<double>> parseLoadLevels(const QString &text, double minimum, double maximum, bool whole);

/// From `from`, doubling, up to `to`, which is included (3, 20: 3, 6, 12, 20); at most MaxSweepLevels + 1 levels
/// (more means the range is too wide). `from` > 0 and `to` > `from`.
[[nodiscard]] QList<double> doublingLevels(double from, double to);

/// True when `text` asks for several levels (a comma or "..") rather than one value.
[[nodiscard]] bool isLoadSweep(const QString &text);

/// A load sweep: the same benchmark at increasing load — concurrency (closed loop) or rate (open loop) — one
/// BenchRun per level, to find the most a backend delivers within the thresholds. A face runs the levels one
/// after another (options(i), then add() with its report) until add() returns false.
///
/// The sweep ends before its last level when a level shows that more load cannot do better: it failed, was
/// stopped, found the endpoint unreachable or refused, had more failed batches than --max-error-rate tolerates
/// (any, without it), breached --max-p99, or (rate) fell behind its schedule. An unstable level, or one below --min-throughput, does not end it.
/// The best level is the one with the most rows/s among the VALID ones (every threshold met).
class LoadSweep
{
public:
    /// A new sweep, with an id of its own (a random UUID) that every level's report carries.
    LoadSweep(Scenario scenario, QList<double> levels);

    /// The sweep `runs` were levels of, as it was when they ended (best level, why it ended early): each must carry
    /// the same SweepMembership, and they must be its first levels in order. A sweep whose process was killed
    /// mid-way is not done(). Errors (Failed): no runs, a run of no sweep or of another one, a scenario that is
    /// neither concurrency nor rate, or a level missing ("the history no longer holds its level concurrency 4":
    /// removed, or dropped when the history was compacted).
    [[nodiscard]] static Result<LoadSweep> fromRuns(QList<BenchReport> runs);

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] Scenario scenario() const { return m_scenario; }
    [[nodiscard]] const QList<double> &levels() const { return m_levels; }

    /// `base` with level i's concurrency or rate, and the sweep's membership (id, levels) for its report.
    [[nodiscard]] BenchOptions options(const BenchOptions &base, qsizetype i) const;
    /// The index of the level to run next; equal to levels().size() when the sweep is over.
    [[nodiscard]] qsizetype next() const { return m_done ? m_levels.size() : m_runs.size(); }
    [[nodiscard]] bool isDone() const { return next() >= m_levels.size(); }
    /// Takes the report of level next(); returns whether another level follows.
    bool add(const BenchReport &report);

    [[nodiscard]] const QList<BenchReport> &runs() const { return m_runs; }
    /// When its first level started (invalid before it did).
    [[nodiscard]] QDateTime startedAt() const
    {
        return m_runs.isEmpty() ? QDateTime() : m_runs.constFirst().startedAt;
    }
    /// Index into runs() of the best level; nullopt when none was VALID.
    [[nodiscard]] std::optional<qsizetype> best() const;
    /// Why the sweep ended before its last level ("concurrency 16: p99 latency 1,210 ms is above --max-p99 …");
    /// empty when it reached its last level (whatever that level's verdict).
    [[nodiscard]] const QString &endedEarly() const { return m_endedEarly; }

    /// 124/130 when a level was cancelled; 0 when a level was VALID; else the exit code of the first level (the
    /// lightest load: when even it did not meet the thresholds, its reason is the sweep's).
    [[nodiscard]] int exitCode() const;

    /// {"sweep": "concurrency"|"rate", "levels": [...], "runs": [report, …], "best": {"level", "run",
    /// "rows_per_s", "p99_ms"} or null, "ended_early": text or null, "exit_code"}.
    [[nodiscard]] QJsonObject toJson() const;

    /// "concurrency 8", "rate 400/s": a level in words.
    [[nodiscard]] QString levelName(double level) const;
    /// The table's header line and one row per level run (the CLI prints them as the levels end).
    [[nodiscard]] QString tableHeader() const;
    [[nodiscard]] QString tableRow(qsizetype run) const;
    /// What follows the table: the best level (and its capacity plan), or that none met the thresholds, and why
    /// the sweep ended early.
    [[nodiscard]] QString conclusion() const;

private:
    [[nodiscard]] QString loadHeader() const;   // the table's first column: "concurrency" or "batches/s"

    QString m_id;
    Scenario m_scenario;
    QList<double> m_levels;
    QList<BenchReport> m_runs;
    QString m_endedEarly;
    bool m_done = false;
};

/// Two load sweeps of one kind level by level: what changed between them (a new model version, a resized fleet,
/// a tuned service). A is the baseline, B the one judged against it. The rows are the levels either ran, in
/// order; a level only one of them ran has nothing on the other side.
class SweepComparison
{
public:
    /// Errors (Usage): the sweeps are of different kinds ("a concurrency sweep against a rate sweep").
    [[nodiscard]] static Result<SweepComparison> compare(LoadSweep a, LoadSweep b);

    struct Row
    {
        double level = 0;
        std::optional<qsizetype> a;   ///< index into a().runs(), when A ran the level
        std::optional<qsizetype> b;
    };
    [[nodiscard]] const LoadSweep &a() const { return m_a; }
    [[nodiscard]] const LoadSweep &b() const { return m_b; }
    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }

    /// B's best rows/s over A's (nullopt unless both had a VALID level).
    [[nodiscard]] std::optional<double> bestRatio() const;
    /// What got worse by more than `maxPct` %: B's best rows/s below A's ("best rows/s fell by 12.5 %: rate
    /// 800/s · 52,000 → rate 400/s · 45,500"), or B without a VALID level where A had one. Empty when nothing did.
    [[nodiscard]] QStringList regressions(double maxPct) const;

    /// A table for people: each level's rows/s and p99 of A and B with B / A, the verdicts, then bests().
    [[nodiscard]] QString table() const;
    /// Each sweep's start and best level, and the ratio of the bests' rows/s: the lines below the table.
    [[nodiscard]] QString bests() const;
    /// {"sweep", "a": {"started_at", "best"}, "b": {…}, "levels": [{"level", "a": {"rows_per_s", "p99_ms",
    /// "verdict"} | null, "b": … | null}], "best_ratio": B/A | null}.
    [[nodiscard]] QJsonObject toJson() const;

private:
    SweepComparison(LoadSweep a, LoadSweep b);

    LoadSweep m_a;
    LoadSweep m_b;
    QList<Row> m_rows;
};

} // namespace Opsdeck::Core
