#include "tablecopy.h"

#include <QtCore/QCoreApplication>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeySequence>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableView>

#include <algorithm>

namespace Opsdeck::Gui {

namespace {

// A cell as one clipboard field: tabs and line breaks inside it would split it.
QString field(const QVariant &value)
{
    QString text = value.toString();
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    return text;
}

} // namespace

QString selectedRowsText(const QAbstractItemView *view, int role)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return {};
    QList<int> rows;
    if (const QItemSelectionModel *selection = view->selectionModel()) {
        for (const QModelIndex &index : selection->selectedIndexes()) {
            if (!rows.contains(index.row()))
                rows.append(index.row());
        }
    }
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows.append(view->currentIndex().row());
    if (rows.isEmpty())
        return {};

    QList<int> columns;
    const auto *table = qobject_cast<const QTableView *>(view);
    const QHeaderView *header = table ? table->horizontalHeader() : nullptr;
    for (int visual = 0; visual < model->columnCount(); ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (logical >= 0 && !(table && table->isColumnHidden(logical)))
            columns.append(logical);
    }
    std::sort(rows.begin(), rows.end());   // the view's order: a sorting proxy's rows are already in it

    QStringList lines;
    QStringList cells;
    for (int column : std::as_const(columns))
        cells << field(model->headerData(column, Qt::Horizontal, Qt::DisplayRole));
    lines << cells.join(u'\t');
    for (int row : std::as_const(rows)) {
        cells.clear();
        for (int column : std::as_const(columns))
            cells << field(model->index(row, column).data(role));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

QAction *addCopyRowsAction(QAbstractItemView *view, int role)
{
    auto *action = new QAction(QCoreApplication::translate("Opsdeck::Gui::TableCopy", "&Copy"), view);
    action->setObjectName(QStringLiteral("copyRowsAction"));
    action->setShortcut(QKeySequence::Copy);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(action, &QAction::triggered, view, [view, role] {
        const QString text = selectedRowsText(view, role);
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

} // namespace Opsdeck::Gui
