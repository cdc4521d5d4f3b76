#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtWidgets/QMessageBox>

class QWidget;

namespace Opsdeck::Gui {

/// One button of ask(): its text (empty: the standard Cancel button), the object name tests find it by, its role.
struct Answer
{
    QString text;
    QString objectName;
    QMessageBox::ButtonRole role = QMessageBox::AcceptRole;
};

/// Asks a modal question: a QMessageBox (icon Question, object name `name`) with `text`, `informative` below it
/// when not empty, and the `answers` as buttons. `preferred` is the default button (Enter); `cancel` is what Esc,
/// closing the box, or rejecting it from outside (SIGTERM rejects the active dialog) answer. Returns the index in
/// `answers` of the button clicked, or `cancel`.
[[nodiscard]] int ask(QWidget *parent, const QString &name, const QString &title, const QString &text,
                      const QString &informative, const QList<Answer> &answers, int preferred, int cancel);

} // namespace Opsdeck::Gui
