#pragma once

#include "config/profile.h"

#include <QtWidgets/QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Opsdeck::Gui {

/// Checks a URL as typed in a profile field. Returns the reason it is not usable (translated, without the URL,
/// since it might carry a password), or an empty string when it is fine. An empty text is fine: the service is
/// then not configured. `redis` selects redis:// instead of http:// / https://.
[[nodiscard]] QString urlProblem(const QString &text, bool redis);

/// The fields of one service of a profile: URL (checked as you type), authentication (type, user, secret
/// reference as environment variable or keychain key, "Store secret in keychain…") and TLS (CA file, insecure).
class ServiceConfigEditor final : public QWidget
{
    Q_OBJECT
public:
    /// `kind` decides the URL scheme checked and the auth types offered (Redis: none or password).
    explicit ServiceConfigEditor(Core::ServiceKind kind, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ServiceConfigEditor)

    /// Fills the fields from `config`.
    void setConfig(const Core::ServiceConfig &config);
    /// The service as edited (settings the fields do not show are kept from setConfig()). The URL is what the
    /// field holds, even when problem() is not empty.
    [[nodiscard]] Core::ServiceConfig config() const;
    /// Used for the keychain key suggested by "Store secret in keychain…" (opsdeck/<profile>/<service>).
    void setProfileName(const QString &name) { m_profileName = name; }
    /// The profiles file being edited: a relative CA file is relative to its folder ("Browse…" starts there).
    void setProfilesFile(const QString &file) { m_profilesFile = file; }
    /// "<Service> URL: <reason>" when the URL field is not usable; empty when it is.
    [[nodiscard]] QString problem() const;

    [[nodiscard]] Core::ServiceKind kind() const { return m_kind; }
    [[nodiscard]] QLineEdit *urlEdit() const { return m_url; }

Q_SIGNALS:
    /// The URL field's verdict changed (problem() is the new verdict).
    void problemChanged(const QString &problem);
    /// Any field changed.
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void checkUrl();
    void updateEnabled();
    void browseCaFile();
    void storeSecret();
    [[nodiscard]] Core::AuthType authType() const;

    Core::ServiceKind m_kind;
    Core::ServiceConfig m_original;   // keeps what the fields do not show (Redis TLS)
    QString m_profileName;
    QString m_profilesFile;
    QString m_problem;
    QLineEdit *m_url;
    QLabel *m_urlMessage;
    QComboBox *m_authType;
    QLineEdit *m_user;
    QRadioButton *m_secretEnv;
    QRadioButton *m_secretKeychain;
    QButtonGroup *m_secretSource;
    QLineEdit *m_secretName;
    QPushButton *m_storeSecret;
    QLineEdit *m_caFile;
    QPushButton *m_browseCa;
    QCheckBox *m_insecure;
    QLabel *m_insecureWarning;
};

} // namespace Opsdeck::Gui
