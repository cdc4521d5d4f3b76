#pragma once

#include <QtWidgets/QFrame>

class QLabel;
class QToolButton;

namespace Opsdeck::Gui {

/// A non-modal warning strip for the top of a window: an icon, a message (selectable, wrapped) and a Close
/// button. Hidden while it has nothing to say; follows the light/dark palette.
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(MessageBanner)

    /// The most messages shown at once: older ones make room for newer ones.
    static constexpr int maxMessages = 8;

    /// Shows `message`; messages already shown are kept above it (newest last, the maxMessages newest) until the
    /// banner is closed.
    void showMessage(const QString &message);
    /// Hides the banner and forgets its messages.
    void dismiss();
    /// The messages shown, newline-separated; empty when hidden.
    [[nodiscard]] QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
    QStringList m_messages;
};

} // namespace Opsdeck::Gui
