#include "health/healthtablemodel.h"

#include "health/healthmonitor.h"

#include <QtCore/QCoreApplication>

namespace Opsdeck::Core {

HealthTableModel::HealthTableModel(HealthMonitor *monitor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_rows(monitor->current())
{
    auto reset = [this](const QList<ServiceHealth> &rows) {
        // A new round keeps the last values visible until each probe reports — but only while every row still
        // names the same service at the same URL (a profile switch with the same service keys must not show
        // the previous profile's results).
        bool sameKeys = rows.size() == m_rows.size();
        for (int i = 0; sameKeys && i < rows.size(); ++i)
            sameKeys = rows.at(i).key == m_rows.at(i).key && rows.at(i).url == m_rows.at(i).url;
        if (sameKeys) {
            for (int i = 0; i < rows.size(); ++i)
                m_rows[i].state = m_rows.at(i).checkedAt.isValid() ? m_rows.at(i).state : rows.at(i).state;
            return;
        }
        beginResetModel();
        m_rows = rows;
        endResetModel();
    };
    connect(monitor, &HealthMonitor::roundStarted, this, reset);
    // The previous profile's rows must not stay on screen until the next round (or forever, when stopped).
    connect(monitor, &HealthMonitor::profileChanged, this, [this] {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    });
    connect(monitor, &HealthMonitor::serviceUpdated, this, [this](int r, const ServiceHealth &health) {
        if (r < 0 || r >= m_rows.size())
            return;
        m_rows[r] = health;
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    });
    connect(monitor, &HealthMonitor::roundFinished, this, [this](const QList<ServiceHealth> &rows) {
        if (rows.size() != m_rows.size()) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
            return;
        }
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    });
}

int HealthTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HealthTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ServiceHealth &h = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ServiceColumn:
            return h.name;
        case UrlColumn:
            return h.url;
        case StateColumn:
            return healthStateLabel(h.state);
        case LatencyColumn:
            return h.latencyMs >= 0 ? QVariant(h.latencyMs) : QVariant(QStringLiteral("–"));
        case VersionColumn:
            return h.version;
        case DetailColumn:
            return h.detail;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return h.detail;
    case Qt::TextAlignmentRole:
        return index.column() == LatencyColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case StateRole:
        return int(h.state);
    case KeyRole:
        return h.key;
    default:
        return {};
    }
}

QVariant HealthTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn:
        return QCoreApplication::translate("Health", "Service");
    case UrlColumn:
        return QCoreApplication::translate("Health", "URL");
    case StateColumn:
        return QCoreApplication::translate("Health", "State");
    case LatencyColumn:
        return QCoreApplication::translate("Health", "Latency (ms)");
    case VersionColumn:
        return QCoreApplication::translate("Health", "Version");
    case DetailColumn:
        return QCoreApplication::translate("Health", "Detail");
    default:
        return {};
    }
}

} // namespace Opsdeck::Core
