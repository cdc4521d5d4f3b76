#include "question.h"

#include <QtWidgets/QPushButton>

namespace Opsdeck::Gui {

int ask(QWidget *parent, const QString &name, const QString &title, const QString &text, const QString &informative,
        const QList<Answer> &answers, int preferred, int cancel)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(name);
    if (!informative.isEmpty())
        box.setInformativeText(informative);
    QList<QPushButton *> buttons;
    for (const Answer &answer : answers) {
        QPushButton *button = answer.text.isEmpty() ? box.addButton(QMessageBox::Cancel)
                                                    : box.addButton(answer.text, answer.role);
        if (!answer.objectName.isEmpty())
            button->setObjectName(answer.objectName);
        buttons.append(button);
    }
    box.setDefaultButton(buttons.value(preferred));
    box.setEscapeButton(buttons.value(cancel));
    box.exec();
    const qsizetype clicked = buttons.indexOf(qobject_cast<QPushButton *>(box.clickedButton()));
    return clicked >= 0 ? int(clicked) : cancel;
}

} // namespace Opsdeck::Gui
