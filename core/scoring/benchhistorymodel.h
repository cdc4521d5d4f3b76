#pragma once

#include "benchhistory.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>

QT_BEGIN_NAMESPACE
class QFileSystemWatcher;
class QThread;
class QTimer;
QT_END_NAMESPACE

namespace Opsdeck::Core {

/// A count or rate for a narrow table cell: as is below 10,000, else three significant digits and an SI prefix
/// ("12.3 k", "825 M", "1.50 G"), in the current locale.
[[nodiscard]] QString compactCount(double value);

/// The translated name of a report's scenario key ("offline" → "Offline", "concurrency", "rate"); an unknown
/// key as it is.
[[nodiscard]] QString scenarioLabel(const QString &scenario);
/// The same with the run's load when it has one: "Concurrency 8", "Rate 400/s" (the runs of a load sweep differ
/// only in it).
[[nodiscard]] QString scenarioLabel(const QString &scenario, double load);

/// The past benchmark runs of a BenchHistory as a table, newest first (for the GUI's run list and any other
/// face that wants a model). Rows are read again by reload(), or by reloadInBackground() on a thread of its own
/// (a full history takes a few hundred milliseconds to list: not on a GUI thread); the model never writes the
/// file except through append(), which inserts the one new row (or resets the model when the append dropped old
/// entries).
class BenchHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StartedColumn,
        BackendColumn,
        ModelColumn,
        ScenarioColumn,
        RowsColumn,
        RowsPerSColumn,
        P99Column,
        VerdictColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< the raw value of the cell (date, number or text), for sorting
        IdRole,                      ///< BenchHistoryEntry::id of the row (qint64), for BenchHistory::load()
        CopyRole,                    ///< the cell as text to copy: the exact figure where the view shows "825 M"
    };

    enum class Read
    {
        Now,  ///< in the constructor (reload())
        Later ///< by the owner: reload() or reloadInBackground(); the model is empty until then
    };

    /// Reads the history at `path` at once.
    explicit BenchHistoryModel(QString path = BenchHistory::defaultPath(), QObject *parent = nullptr);
    BenchHistoryModel(QString path, Read read, QObject *parent = nullptr);
    /// Waits for a background read still running (it only reads the file).
    ~BenchHistoryModel() override;
    Q_DISABLE_COPY_MOVE(BenchHistoryModel)

    [[nodiscard]] const BenchHistory &history() const { return m_history; }
    /// The file and its bound (setMaxBytes() applies to the next append()).
    [[nodiscard]] BenchHistory &history() { return m_history; }
    /// Reads the file again, now (a reset of the model); a background read still running is discarded.
    void reload();
    /// Reads the file again on a thread of its own; the model keeps its rows until the read is done, then
    /// resets to it (with the rows append()ed meanwhile that the read did not find). isReading() is true and
    /// reading(true) was emitted until then; reading(false) follows the reset. Asked while a read runs, one more
    /// read follows it (the file may have changed since it began).
    void reloadInBackground();
    [[nodiscard]] bool isReading() const { return m_reader != nullptr; }
    /// Follows the file: when something else changes it (another Opsdeck appending, `opsdeck --batch bench
    /// --history`, a deletion or compaction elsewhere), the model reads it again in the background, once the
    /// changes have settled for a moment. Its own appends and deletions read nothing again. Creates the file's
    /// folder when missing (so that its first file can be noticed).
    void setWatching(bool on);
    [[nodiscard]] bool isWatching() const { return m_watcher != nullptr; }
    /// What the last completed read found: lines skipped as damaged, and "FILE: cannot read: reason" (else empty).
    [[nodiscard]] int skippedLines() const { return m_skipped; }
    [[nodiscard]] QString readError() const { return m_readError; }
    /// Appends `report` to the file and shows it as row 0 (the rows read before stay; a compaction of the file
    /// reloads them); returns the id of its entry, the offset its line was written at. Errors: those of
    /// BenchHistory::append() (Failed, naming the file).
    [[nodiscard]] Result<qint64> append(const BenchReport &report);
    /// The entry shown in `row` (a default entry when out of range).
    [[nodiscard]] BenchHistoryEntry entry(int row) const { return m_entries.value(row); }
    /// The row of the entry with this id, or -1.
    [[nodiscard]] int rowOf(qint64 id) const;
    /// The full report of the entry in `row`. Errors: those of BenchHistory::load(), and Failed when the line
    /// at its id is another run (the file was compacted by another process since it was read).
    [[nodiscard]] Result<BenchReport> report(int row) const;
    /// Deletes the runs shown in `rows` from the file (BenchHistory::remove()), then reads it again: every id
    /// changes. On an error the file and the rows are as they were.
    [[nodiscard]] Result<void> removeEntries(const QList<int> &rows);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void reading(bool running);

private:
    struct ReadResult;
    void setRows(QList<BenchHistoryEntry> fileOrder, int skipped, QString readError);
    void finishBackgroundRead(quint64 generation, ReadResult &result);

    /// What the file looked like when the model last read or wrote it: a change notice that finds it so is the
    /// model's own doing (or the lock file's).
    struct FileStamp
    {
        bool exists = false;
        qint64 size = 0;
        QDateTime modified;
        friend bool operator==(const FileStamp &, const FileStamp &) = default;
    };
    [[nodiscard]] FileStamp stampNow() const;
    void watchPaths();

    BenchHistory m_history;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_settle = nullptr;
    FileStamp m_stamp;
    QList<BenchHistoryEntry> m_entries; // newest first
    int m_skipped = 0;
    QString m_readError;
    QThread *m_reader = nullptr;
    quint64 m_generation = 0;                        // a read whose generation is no longer this one is discarded
    QList<BenchHistoryEntry> m_appendedDuringRead;   // newest first
    bool m_readAgain = false;
};

} // namespace Opsdeck::Core
