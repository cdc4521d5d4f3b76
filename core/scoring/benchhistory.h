#pragma once

#include "benchreport.h"
#include "common/error.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Opsdeck::Core {

/// One past run as listed by BenchHistory (the full report is load()ed on demand).
struct BenchHistoryEntry
{
    qint64 id = 0;              ///< byte offset of its line in the history file (stable while the file only grows)
    QDateTime startedAt;
    QString backend;
    QString model;
    QString scenario;
    qint64 rows = 0;
    double rowsPerS = 0;
    double p99Ms = 0;
    QString verdict;
};

/// Past benchmark runs, kept as JSON lines (one BenchReport::toJson() per line) in
/// `QStandardPaths::AppDataLocation/bench-history.jsonl`. Appends are flushed and fsync()ed, so a finished run is
/// never lost to a crash; a line left half-written by a crash is skipped (with a warning) and never glued to the
/// next entry. Not thread-safe; use one instance per thread.
class BenchHistory final
{
public:
    /// The default file (the folder is created on the first append).
    [[nodiscard]] static QString defaultPath();

    explicit BenchHistory(QString path = defaultPath());

    [[nodiscard]] QString path() const { return m_path; }

    /// Appends one report. Errors (Failed) name the file and the system's reason.
    [[nodiscard]] Result<void> append(const BenchReport &report);

    /// Every readable entry, oldest first. Corrupt lines are skipped with a warning on the scoring log category
    /// ("FILE:LINE: skipped a corrupt history entry: reason"); a missing file is an empty history.
    [[nodiscard]] QList<BenchHistoryEntry> list() const;
    /// How many lines list() skipped the last time it ran.
    [[nodiscard]] int skippedLines() const { return m_skipped; }

    /// The full report of entry `id` (from list()). Errors (Failed): unknown id, or the line is corrupt.
    [[nodiscard]] Result<BenchReport> load(qint64 id) const;

private:
    QString m_path;
    mutable int m_skipped = 0;
};

} // namespace Opsdeck::Core
