#include "storesecretdialog.h"

#include "config/secrets.h"
#include "theme.h"

#include <QtGui/QGuiApplication>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace Opsdeck::Gui {

StoreSecretDialog::StoreSecretDialog(const QString &key, const QString &serviceName, QWidget *parent)
    : QDialog(parent)
    , m_key(new QLineEdit(key, this))
    , m_secret(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Store secret for %1").arg(serviceName));
    m_key->setObjectName(QStringLiteral("keychainKey"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    // No input method or completion may keep a copy of what is typed here.
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Store"));

    auto *intro = new QLabel(tr("The secret is stored in the system keychain (service \"opsdeck\"). The profile "
                                "keeps only the key."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *keyLabel = new QLabel(tr("&Key:"), this);
    keyLabel->setBuddy(m_key);
    auto *secretLabel = new QLabel(tr("S&ecret:"), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(keyLabel, m_key);
    form->addRow(secretLabel, m_secret);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &StoreSecretDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StoreSecretDialog::reject);
    connect(m_key, &QLineEdit::textChanged, this, &StoreSecretDialog::updateButtons);
    connect(m_secret, &QLineEdit::textChanged, this, &StoreSecretDialog::updateButtons);
    m_secret->setFocus();
    updateButtons();
}

StoreSecretDialog::~StoreSecretDialog()
{
    m_secret->clear();
}

QString StoreSecretDialog::key() const
{
    return m_key->text().trimmed();
}

void StoreSecretDialog::accept()
{
    QByteArray secret = m_secret->text().toUtf8();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto stored = Core::storeSecretInKeychain(key(), secret);
    QGuiApplication::restoreOverrideCursor();
    secret.fill('\0');
    if (!stored) {
        QPalette p = m_error->palette();
        p.setColor(QPalette::WindowText, errorColor(isDarkPalette(palette())));
        m_error->setPalette(p);
        m_error->setText(stored.error().message);
        m_error->show();
        return;
    }
    m_secret->clear();
    QDialog::accept();
}

void StoreSecretDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!key().isEmpty() && !m_secret->text().isEmpty());
}

} // namespace Opsdeck::Gui
