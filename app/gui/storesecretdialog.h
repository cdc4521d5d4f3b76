#pragma once

#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Opsdeck::Gui {

/// Asks for a secret (password field) and stores it in the system keychain under a key. The secret goes
/// straight to the keychain: it is never kept in a profile, written to a file or logged.
class StoreSecretDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `key` is suggested (editable); `serviceName` is shown in the title.
    StoreSecretDialog(const QString &key, const QString &serviceName, QWidget *parent = nullptr);
    ~StoreSecretDialog() override;
    Q_DISABLE_COPY_MOVE(StoreSecretDialog)

    /// The keychain key the secret was stored under (valid after Accepted).
    [[nodiscard]] QString key() const;

    /// Stores the secret; on failure keeps the dialog open and shows the error (naming the key, never the
    /// secret). Accepts the dialog on success.
    void accept() override;

private:
    void updateButtons();

    QLineEdit *m_key;
    QLineEdit *m_secret;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Opsdeck::Gui
