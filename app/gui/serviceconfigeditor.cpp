#include "serviceconfigeditor.h"

#include "resources.h"
#include "storesecretdialog.h"
#include "theme.h"

#include <QtCore/QEvent>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>

namespace Opsdeck::Gui {

QString urlProblem(const QString &text, bool redis)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed != text)
        return ServiceConfigEditor::tr("remove the spaces around the URL");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return ServiceConfigEditor::tr("not a valid URL");
    const QString scheme = url.scheme();
    if (redis) {
        if (scheme == u"rediss")
            return ServiceConfigEditor::tr("rediss:// (TLS) is not supported: the Redis client speaks plain TCP only");
        if (scheme != u"redis")
            return ServiceConfigEditor::tr("must start with redis://");
    } else if (scheme != u"http" && scheme != u"https") {
        return ServiceConfigEditor::tr("must start with http:// or https://");
    }
    // A password here would be written to the profiles file: credentials belong in the authentication fields.
    if (!url.userInfo().isEmpty())
        return ServiceConfigEditor::tr("must not contain a user name or password; use the authentication fields");
    if (url.host().isEmpty())
        return ServiceConfigEditor::tr("has no host name");
    if (url.port() == 0)
        return ServiceConfigEditor::tr("port 0 is not a usable port");
    if (url.hasFragment())
        return ServiceConfigEditor::tr("must not have a fragment ('#…')");
    if (redis) {
        if (url.hasQuery())
            return ServiceConfigEditor::tr("must not have a query ('?…')");
        if (auto address = Core::parseRedisUrl(url); !address)
            return ServiceConfigEditor::tr("the path must be a database number (redis://host:6379/0)");
    }
    return {};
}

ServiceConfigEditor::ServiceConfigEditor(Core::ServiceKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_url(new QLineEdit(this))
    , m_urlMessage(new QLabel(this))
    , m_authType(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secretEnv(new QRadioButton(tr("En&vironment variable"), this))
    , m_secretKeychain(new QRadioButton(tr("&Keychain key"), this))
    , m_secretSource(new QButtonGroup(this))
    , m_secretName(new QLineEdit(this))
    , m_storeSecret(new QPushButton(tr("St&ore secret in keychain…"), this))
    , m_caFile(new QLineEdit(this))
    , m_browseCa(new QPushButton(tr("&Browse…"), this))
    , m_insecure(new QCheckBox(tr("Skip TLS certificate verification (&insecure)"), this))
    , m_insecureWarning(new QLabel(this))
{
    const QString key = Core::serviceKey(kind);
    setObjectName(QStringLiteral("serviceEditor_") + key);
    const bool redis = kind == Core::ServiceKind::Redis;

    m_url->setObjectName(QStringLiteral("url_") + key);
    m_url->setClearButtonEnabled(true);
    m_url->setPlaceholderText(redis ? tr("redis://host:6379/0 — empty: not used")
                                    : tr("https://host:port/base — empty: not used"));
    m_url->setAccessibleName(tr("%1 URL").arg(Core::serviceDisplayName(kind)));
    m_urlMessage->setObjectName(QStringLiteral("urlMessage_") + key);
    m_urlMessage->setWordWrap(true);
    m_urlMessage->setTextFormat(Qt::PlainText);
    m_urlMessage->hide();

    m_authType->setObjectName(QStringLiteral("authType_") + key);
    m_authType->addItem(tr("None"), int(Core::AuthType::None));
    if (redis) {
        m_authType->addItem(tr("Password (AUTH)"), int(Core::AuthType::Basic));
    } else {
        m_authType->addItem(tr("Basic (user and password)"), int(Core::AuthType::Basic));
        m_authType->addItem(tr("Bearer token"), int(Core::AuthType::Bearer));
        m_authType->addItem(tr("API key (Elasticsearch)"), int(Core::AuthType::ApiKey));
    }
    m_user->setObjectName(QStringLiteral("user_") + key);
    m_user->setPlaceholderText(redis ? tr("optional ACL user") : tr("user name"));
    m_secretEnv->setObjectName(QStringLiteral("secretEnv_") + key);
    m_secretKeychain->setObjectName(QStringLiteral("secretKeychain_") + key);
    m_secretSource->addButton(m_secretEnv);
    m_secretSource->addButton(m_secretKeychain);
    m_secretEnv->setChecked(true);
    m_secretName->setObjectName(QStringLiteral("secretName_") + key);
    m_secretName->setToolTip(tr("The name of the environment variable, or the keychain key, that holds the "
                                "secret. The secret itself is never written to the profiles file."));
    m_storeSecret->setObjectName(QStringLiteral("storeSecret_") + key);
    m_storeSecret->setIcon(icon(QStringLiteral("key")));

    m_caFile->setObjectName(QStringLiteral("caFile_") + key);
    m_caFile->setPlaceholderText(tr("PEM file; empty: system certificates only"));
    m_caFile->setToolTip(tr("A bundle of PEM certificates trusted in addition to the system's. A relative path is "
                            "relative to the folder of the profiles file."));
    m_browseCa->setObjectName(QStringLiteral("browseCa_") + key);
    m_browseCa->setIcon(icon(QStringLiteral("folder")));
    m_insecure->setObjectName(QStringLiteral("insecure_") + key);
    m_insecureWarning->setObjectName(QStringLiteral("insecureWarning_") + key);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setText(tr("Certificates are not checked: anyone on the network path can read and change "
                                  "this traffic, credentials included. Use a CA file instead where you can."));
    m_insecureWarning->hide();

    // Creation order above is the Tab order; the form below lays the widgets out in the same order.
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    form->addRow(urlLabel, m_url);
    form->addRow(QString(), m_urlMessage);
    auto *authLabel = new QLabel(tr("Aut&hentication:"), this);
    authLabel->setBuddy(m_authType);
    form->addRow(authLabel, m_authType);
    auto *userLabel = new QLabel(tr("Us&er:"), this);
    userLabel->setBuddy(m_user);
    form->addRow(userLabel, m_user);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_secretEnv);
    sourceRow->addWidget(m_secretKeychain);
    sourceRow->addStretch(1);
    form->addRow(tr("Secret from:"), sourceRow);
    auto *secretLabel = new QLabel(tr("Secret na&me:"), this);
    secretLabel->setBuddy(m_secretName);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secretName, 1);
    secretRow->addWidget(m_storeSecret);
    form->addRow(secretLabel, secretRow);
    auto *caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCa);
    form->addRow(caLabel, caRow);
    form->addRow(QString(), m_insecure);
    form->addRow(QString(), m_insecureWarning);
    if (redis) {
        // hiredis here speaks plain TCP; keep the TLS fields visible only where they are used.
        caLabel->hide();
        m_caFile->hide();
        m_browseCa->hide();
        m_insecure->hide();
    }

    connect(m_url, &QLineEdit::textChanged, this, [this] {
        checkUrl();
        Q_EMIT edited();
    });
    connect(m_authType, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT edited();
    });
    connect(m_secretSource, &QButtonGroup::buttonToggled, this, [this] {
        m_secretName->setPlaceholderText(m_secretEnv->isChecked() ? tr("e.g. OPSDECK_LIVY_TOKEN")
                                                                  : tr("e.g. opsdeck/prod/livy"));
        Q_EMIT edited();
    });
    for (QLineEdit *edit : {m_user, m_secretName, m_caFile})
        connect(edit, &QLineEdit::textEdited, this, &ServiceConfigEditor::edited);
    connect(m_insecure, &QCheckBox::toggled, this, [this](bool on) {
        m_insecureWarning->setVisible(on);
        Q_EMIT edited();
    });
    connect(m_browseCa, &QPushButton::clicked, this, &ServiceConfigEditor::browseCaFile);
    connect(m_storeSecret, &QPushButton::clicked, this, &ServiceConfigEditor::storeSecret);
    m_secretName->setPlaceholderText(tr("e.g. OPSDECK_LIVY_TOKEN"));
    updateEnabled();
}

void ServiceConfigEditor::setConfig(const Core::ServiceConfig &config)
{
    m_original = config;
    const QSignalBlocker blockUrl(m_url);
    m_url->setText(config.url.isEmpty() ? QString() : config.url.toString());
    int authIndex = m_authType->findData(int(config.auth.type));
    m_authType->setCurrentIndex(authIndex < 0 ? 0 : authIndex);
    m_user->setText(config.auth.user);
    const bool keychain = config.auth.secret.env.isEmpty() && !config.auth.secret.keychain.isEmpty();
    (keychain ? m_secretKeychain : m_secretEnv)->setChecked(true);
    m_secretName->setText(keychain ? config.auth.secret.keychain : config.auth.secret.env);
    m_caFile->setText(config.tls.caFile);
    m_insecure->setChecked(config.tls.insecure);
    m_insecureWarning->setVisible(config.tls.insecure);
    checkUrl();
    updateEnabled();
}

Core::ServiceConfig ServiceConfigEditor::config() const
{
    Core::ServiceConfig config = m_original;
    config.auth = {};
    const QString text = m_url->text().trimmed();
    config.url = text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
    config.auth.type = authType();
    if (config.auth.type != Core::AuthType::None) {
        config.auth.user = config.auth.type == Core::AuthType::Basic ? m_user->text().trimmed() : QString();
        const QString name = m_secretName->text().trimmed();
        if (m_secretKeychain->isChecked())
            config.auth.secret.keychain = name;
        else
            config.auth.secret.env = name;
    }
    if (m_kind != Core::ServiceKind::Redis) {
        config.tls.caFile = m_caFile->text().trimmed();
        config.tls.insecure = m_insecure->isChecked();
    }
    return config;
}

QString ServiceConfigEditor::problem() const
{
    return m_problem;
}

void ServiceConfigEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        checkUrl();
}

void ServiceConfigEditor::checkUrl()
{
    const QString reason = urlProblem(m_url->text(), m_kind == Core::ServiceKind::Redis);
    const QString problem = reason.isEmpty() ? QString()
                                             : tr("%1 URL: %2").arg(Core::serviceDisplayName(m_kind), reason);
    const QColor colour = errorColor(isDarkPalette(palette()));
    // A per-widget style sheet only while invalid, so the native look stays otherwise.
    const QString sheet = problem.isEmpty() ? QString()
                                            : QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(colour.name());
    if (m_url->styleSheet() != sheet)
        m_url->setStyleSheet(sheet);
    QPalette messagePalette = m_urlMessage->palette();
    messagePalette.setColor(QPalette::WindowText, colour);
    m_urlMessage->setPalette(messagePalette);
    m_urlMessage->setText(problem);
    m_urlMessage->setVisible(!problem.isEmpty());
    m_url->setToolTip(problem);
    if (problem != m_problem) {
        m_problem = problem;
        Q_EMIT problemChanged(problem);
    }
}

void ServiceConfigEditor::updateEnabled()
{
    const Core::AuthType type = authType();
    const bool auth = type != Core::AuthType::None;
    m_user->setEnabled(type == Core::AuthType::Basic);
    m_secretEnv->setEnabled(auth);
    m_secretKeychain->setEnabled(auth);
    m_secretName->setEnabled(auth);
    m_storeSecret->setEnabled(auth);
}

Core::AuthType ServiceConfigEditor::authType() const
{
    return Core::AuthType(m_authType->currentData().toInt());
}

void ServiceConfigEditor::browseCaFile()
{
    const QString start = Core::pathFromProfilesFile(m_caFile->text().trimmed(), m_profilesFile);
    const QString file = QFileDialog::getOpenFileName(this, tr("CA certificates for %1").arg(Core::serviceDisplayName(m_kind)),
                                                      start, tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (file.isEmpty())
        return;
    m_caFile->setText(file);
    Q_EMIT edited();
}

void ServiceConfigEditor::storeSecret()
{
    QString key = m_secretKeychain->isChecked() ? m_secretName->text().trimmed() : QString();
    if (key.isEmpty()) {
        key = QStringLiteral("opsdeck/") + (m_profileName.isEmpty() ? QStringLiteral("local") : m_profileName)
              + u'/' + Core::serviceKey(m_kind);
    }
    StoreSecretDialog dialog(key, Core::serviceDisplayName(m_kind), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_secretKeychain->setChecked(true);
    m_secretName->setText(dialog.key());
    Q_EMIT edited();
}

} // namespace Opsdeck::Gui
