#pragma once

#include "benchreport.h"
#include "common/error.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

#include <algorithm>

namespace Opsdeck::Core {

/// One past run as listed by BenchHistory (the full report is load()ed on demand).
struct BenchHistoryEntry
{
    qint64 id = 0;              ///< byte offset of its line in the history file (stable while the file only grows)
    QDateTime startedAt;
    QString backend;
    QString model;
    QString scenario;
    double load = 0;            ///< the scenario's concurrency, or its rate in batches/s; 0 offline
    qint64 rows = 0;
    double rowsPerS = 0;
    double p99Ms = 0;
    QString verdict;
    QString sweepId;            ///< the load sweep the run was a level of (SweepMembership::id), else empty
};

/// Where BenchHistory::append() put a report.
struct BenchHistoryAppend
{
    qint64 id = 0;          ///< the offset its line was actually written at (its BenchHistoryEntry::id)
    bool compacted = false; ///< older entries were dropped to keep the bound: every other id changed
    qint64 sizeBefore = 0;  ///< the file's size just before the line was written (under the append lock)
    qint64 sizeAfter = 0;   ///< and just after: another writer's line before or after ours shows in these
};

/// Past benchmark runs, kept as JSON lines (one BenchReport::toJson() per line) in
/// `QStandardPaths::AppDataLocation/bench-history.jsonl`. Appends are flushed and fsync()ed, so a finished run is
/// never lost to a crash; a line left half-written by a crash is skipped (with a warning) and never glued to the
/// next entry. Appends of several processes are serialised by a lock file beside the history (`….lock`).
///
/// The file is bounded: when an append takes it over maxBytes() (default defaultMaxBytes, 32 MiB), the oldest
/// entries are dropped until it is at most three quarters of that, by writing the newest entries to a new file
/// that replaces the old one atomically (QSaveFile). The newest entry is always kept, even alone over the bound.
/// Not thread-safe; use one instance per thread.
class BenchHistory final
{
public:
    static constexpr qint64 defaultMaxBytes = qint64(32) << 20;

    /// The default file (the folder is created on the first append).
    [[nodiscard]] static QString defaultPath();

    explicit BenchHistory(QString path = defaultPath());

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] qint64 maxBytes() const { return m_maxBytes; }
    /// Changes the bound checked by the next append() (at least 1 byte).
    void setMaxBytes(qint64 bytes) { m_maxBytes = std::max<qint64>(1, bytes); }

    /// Appends one report, then compacts the file when it is over maxBytes(). Returns where the line went.
    /// Errors (Failed) name the file and the system's reason; on an error the file is as it was or holds the
    /// new line complete (never half of a compaction).
    [[nodiscard]] Result<BenchHistoryAppend> append(const BenchReport &report);

    /// Every readable entry, oldest first: exactly the lines load() can read. The windows and buckets of each
    /// line are checked as they are scanned but never built, so listing a long history is cheap. Corrupt lines
    /// (anything load() would refuse, also a missing or invalid started_at) are skipped with a warning on the
    /// scoring log category ("FILE:LINE: skipped a corrupt history entry: reason") and counted in skippedLines();
    /// a missing file is an empty history, a file that cannot be read sets readError().
    [[nodiscard]] QList<BenchHistoryEntry> list() const;
    /// How many lines list() skipped the last time it ran.
    [[nodiscard]] int skippedLines() const { return m_skipped; }
    /// "FILE: cannot read: reason" when the last list() found a file it could not open, else empty.
    [[nodiscard]] QString readError() const { return m_readError; }

    /// The summary list() shows for `report` (id 0).
    [[nodiscard]] static BenchHistoryEntry summaryOf(const BenchReport &report);

    /// The full report of entry `id` (from list()). Errors (Failed): unknown id, or the line is corrupt.
    [[nodiscard]] Result<BenchReport> load(qint64 id) const;

    /// Removes `entries` (as list() gave them) from the file. The other lines, damaged ones included, are kept
    /// byte for byte, and the file is replaced atomically (QSaveFile) under the lock appends take; every id
    /// changes. Errors (Failed, naming the file) leave the file as it was: it cannot be read or replaced, or an
    /// entry is not at its id any more ("the history changed on disk since it was read": another process
    /// compacted it meanwhile).
    [[nodiscard]] Result<void> remove(const QList<BenchHistoryEntry> &entries);

private:
    [[nodiscard]] Result<bool> compactIfNeeded(qint64 *newId) const;

    QString m_path;
    qint64 m_maxBytes = defaultMaxBytes;
    mutable int m_skipped = 0;
    mutable QString m_readError;
};

} // namespace Opsdeck::Core
