#pragma once

#include "health/servicehealth.h"

#include <QtCore/QAbstractTableModel>

namespace Opsdeck::Core {

class HealthMonitor;

/// The services table shown by the GUI (and by any face that wants a model): one row per service of the
/// monitor's profile, updated as each probe completes.
class HealthTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ServiceColumn, UrlColumn, StateColumn, LatencyColumn, VersionColumn, DetailColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1,   ///< HealthState as int
        KeyRole,                        ///< service key ("redis", "scoring:score-1")
    };

    explicit HealthTableModel(HealthMonitor *monitor, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HealthTableModel)

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] ServiceHealth row(int row) const { return m_rows.value(row); }

private:
    QList<ServiceHealth> m_rows;
};

} // namespace Opsdeck::Core
