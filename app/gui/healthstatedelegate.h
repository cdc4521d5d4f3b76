#pragma once

#include <QtWidgets/QStyledItemDelegate>

namespace Opsdeck::Gui {

/// Paints the state column of a HealthTableModel: a dot and the state label, both in the state's colour
/// (from HealthTableModel::StateRole), with colours for the light or dark scheme.
class HealthStateDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HealthStateDelegate(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(HealthStateDelegate)

    /// Switches between the light and dark colour sets; the view must repaint afterwards.
    void setDark(bool dark) { m_dark = dark; }
    [[nodiscard]] bool isDark() const { return m_dark; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    bool m_dark = false;
};

} // namespace Opsdeck::Gui
