#pragma once

#include "benchhistory.h"

#include <QtCore/QAbstractTableModel>

namespace Opsdeck::Core {

/// A count or rate for a narrow table cell: as is below 10,000, else three significant digits and an SI prefix
/// ("12.3 k", "825 M", "1.50 G"), in the current locale.
[[nodiscard]] QString compactCount(double value);

/// The translated name of a report's scenario key ("offline" → "Offline", "concurrency", "rate"); an unknown
/// key as it is.
[[nodiscard]] QString scenarioLabel(const QString &scenario);

/// The past benchmark runs of a BenchHistory as a table, newest first (for the GUI's run list and any other
/// face that wants a model). Rows are read again by reload(); the model never writes the file except through
/// append(), which inserts the one new row (or resets the model when the append dropped old entries).
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
    };

    /// Reads the history at `path` at once.
    explicit BenchHistoryModel(QString path = BenchHistory::defaultPath(), QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(BenchHistoryModel)

    [[nodiscard]] const BenchHistory &history() const { return m_history; }
    /// Reads the file again (a reset of the model).
    void reload();
    /// The history read (its readError() and skippedLines() describe the last reload()).
    [[nodiscard]] BenchHistory &history() { return m_history; }
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

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    BenchHistory m_history;
    QList<BenchHistoryEntry> m_entries; // newest first
};

} // namespace Opsdeck::Core
