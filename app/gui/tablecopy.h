#pragma once

#include <QtCore/QString>
#include <QtCore/Qt>

class QAction;
class QAbstractItemView;

namespace Opsdeck::Gui {

/// The selected rows of `view` as text for the clipboard: one line per row (in view order), the visible columns
/// in their visual order separated by tabs, the first line their headers. Cells give their full text (what the
/// view elides) in `role` (Qt::DisplayRole unless the model has a role for copying, e.g. exact figures). With
/// nothing selected, the current row; with no current row either, an empty string.
[[nodiscard]] QString selectedRowsText(const QAbstractItemView *view, int role = Qt::DisplayRole);

/// Gives `view` a "Copy" action (Ctrl+C, and in its context menu) that puts selectedRowsText() on the clipboard.
QAction *addCopyRowsAction(QAbstractItemView *view, int role = Qt::DisplayRole);

} // namespace Opsdeck::Gui
