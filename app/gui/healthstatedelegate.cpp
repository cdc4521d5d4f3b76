#include "healthstatedelegate.h"

#include "health/healthtablemodel.h"
#include "theme.h"

#include <QtGui/QPainter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>

namespace Opsdeck::Gui {

HealthStateDelegate::HealthStateDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void HealthStateDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const QVariant stateValue = index.data(Core::HealthTableModel::StateRole);
    if (!stateValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    // Background, selection and focus as the style draws them; dot and label on top.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const auto state = Core::HealthState(stateValue.toInt());
    const QColor colour = stateColor(state, m_dark);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
    const int diameter = qMax(6, opt.fontMetrics.height() * 5 / 9);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1;
    const QRect dot(textRect.left() + margin, textRect.center().y() - diameter / 2 + 1, diameter, diameter);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    if (state == Core::HealthState::Checking) {
        // A ring rather than a dot: nothing is known yet.
        painter->setPen(QPen(colour, qMax(1.5, diameter / 5.0)));
        painter->setBrush(Qt::NoBrush);
    }
    painter->drawEllipse(dot);

    const bool selected = opt.state & QStyle::State_Selected;
    QFont font = opt.font;
    font.setBold(state != Core::HealthState::Up && state != Core::HealthState::Checking);
    painter->setFont(font);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText) : colour);
    const QRect labelRect = textRect.adjusted(margin * 2 + diameter + opt.fontMetrics.horizontalAdvance(u' '), 0, 0, 0);
    painter->drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(font).elidedText(text, Qt::ElideRight, labelRect.width()));
    painter->restore();
}

QSize HealthStateDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int extra = metrics.height() + metrics.horizontalAdvance(u' ') * 2;
    size.setWidth(qMax(size.width(), metrics.horizontalAdvance(index.data().toString()) + extra));
    return size;
}

} // namespace Opsdeck::Gui
