#include "profileeditordialog.h"

#include "common/logging.h"
#include "question.h"
#include "resources.h"
#include "serviceconfigeditor.h"
#include "theme.h"

#include <QtCore/QDir>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

namespace Opsdeck::Gui {

namespace {

constexpr int nameRole = Qt::UserRole + 1;

const QStringList &protocols()
{
    static const QStringList list{QStringLiteral("float32"), QStringLiteral("json")};
    return list;
}

void setErrorBorder(QLineEdit *edit, bool invalid)
{
    const QString sheet = invalid ? QStringLiteral("QLineEdit { border: 2px solid %1; }")
                                        .arg(errorColor(isDarkPalette(edit->palette())).name())
                                  : QString();
    if (edit->styleSheet() != sheet)
        edit->setStyleSheet(sheet);
}

} // namespace

ProfileEditorDialog::ProfileEditorDialog(const Core::ProfileStore &store, const QString &configFile,
                                         const QString &loadError, QWidget *parent)
    : QDialog(parent)
    , m_configFile(configFile.isEmpty() ? Core::ProfileStore::defaultConfigPath() : configFile)
    , m_profiles(store.profiles())
    , m_default(store.defaultProfileName())
{
    setObjectName(QStringLiteral("profileEditor"));
    setWindowTitle(tr("Edit profiles"));
    if (m_profiles.isEmpty())
        m_profiles.append(Core::ProfileStore::builtinLocal());
    m_savedProfiles = m_profiles;
    m_savedDefault = m_default;
    buildUi(loadError);
    refreshList();
    m_list->setCurrentRow(0);
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

void ProfileEditorDialog::buildUi(const QString &loadError)
{
    // Widgets are created in reading order, which is also the Tab order.
    auto *warning = new QLabel(this);
    warning->setObjectName(QStringLiteral("loadWarning"));
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::PlainText);
    if (!loadError.isEmpty()) {
        warning->setText(tr("%1 could not be read: %2\nSaving replaces it with the profiles shown here.")
                             .arg(QDir::toNativeSeparators(m_configFile), loadError));
        warning->setAutoFillBackground(true);
        QPalette p = warning->palette();
        const bool dark = isDarkPalette(palette());
        p.setColor(QPalette::Window, warningBackground(dark));
        p.setColor(QPalette::WindowText, warningForeground(dark));
        warning->setPalette(p);
        warning->setMargin(fontMetrics().height() / 3);
    } else {
        warning->hide();
    }

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    auto *listLabel = new QLabel(tr("&Profiles:"), this);
    listLabel->setBuddy(m_list);
    m_add = new QPushButton(icon(QStringLiteral("add")), tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addProfile"));
    m_duplicate = new QPushButton(icon(QStringLiteral("duplicate")), tr("&Duplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateProfile"));
    m_remove = new QPushButton(icon(QStringLiteral("remove")), tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    m_setDefault = new QPushButton(icon(QStringLiteral("default")), tr("Set de&fault"), this);
    m_setDefault->setObjectName(QStringLiteral("setDefaultProfile"));
    m_setDefault->setToolTip(tr("Use this profile when none is chosen with --profile"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(100, 600000);
    m_timeout->setSingleStep(500);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setToolTip(tr("How long one request to a service may take"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("serviceTabs"));
    for (Core::ServiceKind kind : Core::allServiceKinds()) {
        auto *editor = new ServiceConfigEditor(kind, m_tabs);
        editor->setProfilesFile(m_configFile);
        m_editors.insert(kind, editor);
        m_tabs->addTab(editor, Core::serviceDisplayName(kind));
        connect(editor, &ServiceConfigEditor::problemChanged, this, [this, editor](const QString &problem) {
            const int tab = m_tabs->indexOf(editor);
            m_tabs->setTabIcon(tab, problem.isEmpty() ? QIcon() : icon(QStringLiteral("warning")));
            if (!m_loading)
                updateProblems();
        });
        connect(editor, &ServiceConfigEditor::edited, this, [this] {
            if (!m_loading)
                m_saveError.clear();
        });
    }

    auto *scoringPage = new QWidget(m_tabs);
    m_scoring = new QTableWidget(0, ScoringColumnCount, scoringPage);
    m_scoring->setObjectName(QStringLiteral("scoringTable"));
    m_scoring->setHorizontalHeaderLabels({tr("Name"), tr("URL"), tr("Protocol"), tr("Health URL"), tr("Features")});
    m_scoring->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_scoring->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_scoring->horizontalHeader()->setSectionResizeMode(HealthUrlColumn, QHeaderView::Stretch);
    m_scoring->verticalHeader()->hide();
    m_scoring->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scoring->setTabKeyNavigation(false);   // Tab leaves the table; arrows move inside it
    m_scoring->setAccessibleName(tr("Scoring endpoints"));
    m_addEndpoint = new QPushButton(icon(QStringLiteral("add")), tr("Add end&point"), scoringPage);
    m_addEndpoint->setObjectName(QStringLiteral("addEndpoint"));
    m_removeEndpoint = new QPushButton(icon(QStringLiteral("remove")), tr("Remo&ve endpoint"), scoringPage);
    m_removeEndpoint->setObjectName(QStringLiteral("removeEndpoint"));
    auto *scoringButtons = new QHBoxLayout;
    scoringButtons->addWidget(m_addEndpoint);
    scoringButtons->addWidget(m_removeEndpoint);
    scoringButtons->addStretch(1);
    auto *scoringLayout = new QVBoxLayout(scoringPage);
    auto *scoringHint = new QLabel(tr("Endpoints scored by the benchmark and probed by the Services page. Without a "
                                      "health URL the probe scores one row of zeros (needs Features)."),
                                   scoringPage);
    scoringHint->setWordWrap(true);
    scoringLayout->addWidget(scoringHint);
    scoringLayout->addWidget(m_scoring, 1);
    scoringLayout->addLayout(scoringButtons);
    m_tabs->addTab(scoringPage, tr("Scoring endpoints"));

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->hide();
    auto *fileLabel = new QLabel(tr("Saved to %1").arg(QDir::toNativeSeparators(m_configFile)), this);
    fileLabel->setObjectName(QStringLiteral("fileLabel"));
    fileLabel->setTextFormat(Qt::PlainText);
    fileLabel->setForegroundRole(QPalette::PlaceholderText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Save)->setToolTip(tr("Write the profiles file (Ctrl+S)"));

    // Layout.
    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_add, 0, 0);
    listButtons->addWidget(m_duplicate, 0, 1);
    listButtons->addWidget(m_remove, 1, 0);
    listButtons->addWidget(m_setDefault, 1, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *form = new QFormLayout;
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *timeoutLabel = new QLabel(tr("&Timeout:"), this);
    timeoutLabel->setBuddy(m_timeout);
    form->addRow(nameLabel, m_name);
    form->addRow(timeoutLabel, m_timeout);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_tabs, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problems);
    layout->addWidget(fileLabel);
    layout->addWidget(m_buttons);

    // Behaviour.
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileEditorDialog::onCurrentRowChanged);
    connect(m_add, &QPushButton::clicked, this, &ProfileEditorDialog::addProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfileEditorDialog::duplicateProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfileEditorDialog::removeProfile);
    connect(m_setDefault, &QPushButton::clicked, this, &ProfileEditorDialog::setDefault);
    connect(m_addEndpoint, &QPushButton::clicked, this, [this] {
        Core::ScoringEndpointConfig endpoint;
        endpoint.name = tr("score-%1").arg(m_scoring->rowCount() + 1);
        addEndpoint(endpoint);
        m_scoring->setCurrentCell(m_scoring->rowCount() - 1, UrlColumn);
        m_scoring->editItem(m_scoring->item(m_scoring->rowCount() - 1, UrlColumn));
        updateProblems();
    });
    connect(m_removeEndpoint, &QPushButton::clicked, this, &ProfileEditorDialog::removeEndpoint);
    connect(m_scoring, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            updateProblems();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] { updateProblems(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileEditorDialog::reject);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &ProfileEditorDialog::save);

    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 34);
}

bool ProfileEditorDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name) {
            m_list->setCurrentRow(i);
            return m_current == i;
        }
    }
    return true;
}

QList<Core::Profile> ProfileEditorDialog::profiles()
{
    commitForm();
    return m_profiles;
}

QString ProfileEditorDialog::problemText() const
{
    return m_problems->text();
}

void ProfileEditorDialog::refreshList()
{
    const QSignalBlocker blocker(m_list);
    const int row = m_list->currentRow();
    m_list->clear();
    // Every row gets an icon so that the names line up whether or not they carry the default star.
    const int side = m_list->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_list);
    QPixmap empty(m_list->iconSize().isValid() ? m_list->iconSize() : QSize(side, side));
    empty.fill(Qt::transparent);
    const QIcon blank(empty);
    for (const auto &profile : std::as_const(m_profiles)) {
        const bool isDefault = profile.name == m_default;
        auto *item = new QListWidgetItem(isDefault ? tr("%1 (default)").arg(profile.name) : profile.name, m_list);
        item->setData(nameRole, profile.name);
        item->setIcon(isDefault ? icon(QStringLiteral("default")) : blank);
        QFont font = item->font();
        font.setBold(isDefault);
        item->setFont(font);
    }
    m_list->setCurrentRow(std::min(row, int(m_list->count()) - 1));
    m_remove->setEnabled(m_profiles.size() > 1);
}

void ProfileEditorDialog::onCurrentRowChanged(int row)
{
    if (row == m_current)
        return;
    if (m_current >= 0 && !commitForm()) {
        // The profile being edited has an unusable name: stay on it.
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_current);
        return;
    }
    showProfile(row);
}

void ProfileEditorDialog::showProfile(int index)
{
    m_current = index;
    const bool valid = index >= 0 && index < m_profiles.size();
    m_name->setEnabled(valid);
    m_timeout->setEnabled(valid);
    m_tabs->setEnabled(valid);
    if (!valid)
        return;
    const Core::Profile &profile = m_profiles.at(index);
    m_loading = true;
    m_name->setText(profile.name);
    m_timeout->setValue(profile.timeoutMs);
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        it.value()->setProfileName(profile.name);
        it.value()->setConfig(profile.service(it.key()));
    }
    m_scoring->setRowCount(0);
    m_scoringRows.clear();
    for (const auto &endpoint : profile.scoring)
        addEndpoint(endpoint);
    m_scoring->resizeColumnToContents(NameColumn);
    m_scoring->resizeColumnToContents(ProtocolColumn);
    m_scoring->resizeColumnToContents(FeaturesColumn);
    m_loading = false;
    m_setDefault->setEnabled(profile.name != m_default);
    updateProblems();
}

bool ProfileEditorDialog::commitForm()
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return true;
    if (const QString problem = nameProblem(); !problem.isEmpty()) {
        updateProblems();
        return false;
    }
    Core::Profile &profile = m_profiles[m_current];
    const QString newName = m_name->text().trimmed();
    if (newName != profile.name) {
        if (m_default == profile.name)
            m_default = newName;
        profile.name = newName;
        refreshList();
    }
    profile.timeoutMs = m_timeout->value();
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        profile.service(it.key()) = it.value()->config();
    profile.scoring = endpointsFromTable();
    return true;
}

QString ProfileEditorDialog::uniqueName(const QString &base) const
{
    auto taken = [this](const QString &name) {
        return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [&](const Core::Profile &p) { return p.name == name; });
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        QString candidate = base + u'-' + QString::number(n);
        if (!taken(candidate))
            return candidate;
    }
}

void ProfileEditorDialog::addProfile()
{
    if (!commitForm())
        return;
    Core::Profile profile;
    profile.name = uniqueName(tr("new-profile"));
    m_profiles.append(profile);
    refreshList();
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfileEditorDialog::duplicateProfile()
{
    if (!commitForm() || m_current < 0)
        return;
    Core::Profile copy = m_profiles.at(m_current);
    copy.name = uniqueName(copy.name + tr("-copy"));
    m_profiles.insert(m_current + 1, copy);
    refreshList();
    m_list->setCurrentRow(m_current + 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfileEditorDialog::removeProfile()
{
    if (m_current < 0 || m_profiles.size() <= 1)
        return;
    const int removed = m_current;
    if (m_profiles.at(removed).name == m_default)
        m_default.clear();
    m_profiles.removeAt(removed);
    m_current = -1;   // nothing to commit: the form showed the removed profile
    refreshList();
    const int next = std::min(removed, int(m_profiles.size()) - 1);
    m_list->setCurrentRow(next);
    if (m_current != next)
        showProfile(next);
}

void ProfileEditorDialog::setDefault()
{
    if (!commitForm() || m_current < 0)
        return;
    m_default = m_profiles.at(m_current).name;
    refreshList();
    m_setDefault->setEnabled(false);
}

void ProfileEditorDialog::addEndpoint(const Core::ScoringEndpointConfig &endpoint)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_scoring->rowCount();
    m_scoring->insertRow(row);
    m_scoringRows.append(endpoint);
    m_scoring->setItem(row, NameColumn, new QTableWidgetItem(endpoint.name));
    m_scoring->setItem(row, UrlColumn, new QTableWidgetItem(endpoint.url.toString()));
    auto *protocol = new QComboBox(m_scoring);
    protocol->setObjectName(QStringLiteral("protocol"));
    protocol->addItems(protocols());
    protocol->setCurrentIndex(std::max(0, int(protocols().indexOf(endpoint.protocol))));
    protocol->setAccessibleName(tr("Protocol"));
    m_scoring->setCellWidget(row, ProtocolColumn, protocol);
    m_scoring->setItem(row, HealthUrlColumn, new QTableWidgetItem(endpoint.healthUrl.toString()));
    auto *features = new QTableWidgetItem;
    features->setData(Qt::EditRole, endpoint.features);
    features->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_scoring->setItem(row, FeaturesColumn, features);
    m_loading = wasLoading;
}

void ProfileEditorDialog::removeEndpoint()
{
    const int row = m_scoring->currentRow();
    if (row < 0)
        return;
    m_scoring->removeRow(row);
    m_scoringRows.removeAt(row);
    updateProblems();
}

QList<Core::ScoringEndpointConfig> ProfileEditorDialog::endpointsFromTable() const
{
    QList<Core::ScoringEndpointConfig> endpoints;
    for (int row = 0; row < m_scoring->rowCount(); ++row) {
        Core::ScoringEndpointConfig endpoint = m_scoringRows.value(row);
        auto text = [&](int column) {
            const QTableWidgetItem *item = m_scoring->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        endpoint.name = text(NameColumn);
        const QString url = text(UrlColumn);
        endpoint.url = url.isEmpty() ? QUrl() : QUrl(url, QUrl::StrictMode);
        if (const auto *combo = qobject_cast<QComboBox *>(m_scoring->cellWidget(row, ProtocolColumn)))
            endpoint.protocol = combo->currentText();
        const QString health = text(HealthUrlColumn);
        endpoint.healthUrl = health.isEmpty() ? QUrl() : QUrl(health, QUrl::StrictMode);
        const QTableWidgetItem *features = m_scoring->item(row, FeaturesColumn);
        endpoint.features = features ? features->data(Qt::EditRole).toInt() : 0;
        endpoints.append(endpoint);
    }
    return endpoints;
}

QString ProfileEditorDialog::nameProblem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Name: a profile needs a name");
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (i != m_current && m_profiles.at(i).name == name)
            return tr("Name: there is already a profile called '%1'").arg(name);
    }
    return {};
}

QStringList ProfileEditorDialog::scoringProblems(const QList<Core::ScoringEndpointConfig> &endpoints) const
{
    QStringList problems;
    QStringList seen;
    for (int i = 0; i < endpoints.size(); ++i) {
        const auto &endpoint = endpoints.at(i);
        const QString label = endpoint.name.isEmpty() ? tr("Scoring endpoint %1").arg(i + 1)
                                                      : tr("Scoring endpoint '%1'").arg(endpoint.name);
        if (endpoint.name.isEmpty())
            problems << tr("%1: the name is empty").arg(label);
        else if (seen.contains(endpoint.name))
            problems << tr("%1: the name is used twice").arg(label);
        seen << endpoint.name;
        const QString url = endpoint.url.isEmpty() ? QString() : endpoint.url.toString();
        if (!endpoint.url.isEmpty() && !endpoint.url.isValid())
            problems << tr("%1 URL: %2").arg(label, tr("not a valid URL"));
        else if (url.isEmpty())
            problems << tr("%1 URL: an endpoint needs a URL").arg(label);
        else if (const QString reason = urlProblem(url, false); !reason.isEmpty())
            problems << tr("%1 URL: %2").arg(label, reason);
        if (!endpoint.healthUrl.isEmpty() && !endpoint.healthUrl.isValid()) {
            problems << tr("%1 health URL: %2").arg(label, tr("not a valid URL"));
        } else if (!endpoint.healthUrl.isEmpty()) {
            if (const QString reason = urlProblem(endpoint.healthUrl.toString(), false); !reason.isEmpty())
                problems << tr("%1 health URL: %2").arg(label, reason);
        }
        if (endpoint.features < 0)
            problems << tr("%1: features must be 0 (unknown) or more").arg(label);
    }
    return problems;
}

QStringList ProfileEditorDialog::profileProblems(const Core::Profile &profile) const
{
    QStringList problems;
    for (Core::ServiceKind kind : Core::allServiceKinds()) {
        const QUrl &url = profile.service(kind).url;
        if (url.isEmpty())
            continue;
        if (!url.isValid())
            problems << tr("%1 URL: %2").arg(Core::serviceDisplayName(kind), tr("not a valid URL"));
        else if (const QString reason = urlProblem(url.toString(), kind == Core::ServiceKind::Redis); !reason.isEmpty())
            problems << tr("%1 URL: %2").arg(Core::serviceDisplayName(kind), reason);
    }
    problems << scoringProblems(profile.scoring);
    return problems;
}

void ProfileEditorDialog::updateProblems()
{
    QStringList problems;
    const QString name = nameProblem();
    if (!name.isEmpty())
        problems << name;
    setErrorBorder(m_name, !name.isEmpty());
    for (Core::ServiceKind kind : Core::allServiceKinds()) {
        if (const QString p = m_editors.value(kind)->problem(); !p.isEmpty())
            problems << p;
    }
    problems << scoringProblems(endpointsFromTable());
    markScoringCells();
    if (!m_saveError.isEmpty())
        problems << m_saveError;
    showProblems(problems.join(u'\n'));
}

void ProfileEditorDialog::markScoringCells()
{
    const bool wasLoading = m_loading;
    m_loading = true;   // the colour changes below emit itemChanged
    const QColor error = errorColor(isDarkPalette(palette()));
    for (int row = 0; row < m_scoring->rowCount(); ++row) {
        for (int column : {UrlColumn, HealthUrlColumn}) {
            QTableWidgetItem *item = m_scoring->item(row, column);
            if (!item)
                continue;
            const QString text = item->text();
            QString reason = urlProblem(text, false);
            if (column == UrlColumn && text.trimmed().isEmpty())
                reason = tr("an endpoint needs a URL");
            item->setToolTip(reason);
            item->setData(Qt::ForegroundRole, reason.isEmpty() ? QVariant() : QVariant(error));
        }
    }
    m_loading = wasLoading;
}

void ProfileEditorDialog::showProblems(const QString &text)
{
    QPalette p = m_problems->palette();
    p.setColor(QPalette::WindowText, errorColor(isDarkPalette(palette())));
    m_problems->setPalette(p);
    m_problems->setText(text);
    m_problems->setVisible(!text.isEmpty());
}

bool ProfileEditorDialog::save()
{
    m_saveError.clear();
    if (!commitForm())
        return false;
    // Every profile is checked, not only the one shown: an edit may sit in a profile the user left.
    for (int i = 0; i < m_profiles.size(); ++i) {
        const QStringList problems = profileProblems(m_profiles.at(i));
        if (problems.isEmpty())
            continue;
        if (i != m_current)
            m_list->setCurrentRow(i);
        m_saveError = tr("Not saved: profile '%1': %2").arg(m_profiles.at(i).name, problems.first());
        updateProblems();
        return false;
    }
    Core::ProfileStore store;
    for (const auto &profile : std::as_const(m_profiles))
        store.upsert(profile);
    store.setDefaultProfileName(m_default);
    if (auto written = store.saveFile(m_configFile); !written) {
        m_saveError = tr("Not saved: %1").arg(written.error().toString());
        updateProblems();
        return false;
    }
    m_savedProfiles = m_profiles;
    m_savedDefault = m_default;
    Q_EMIT saved(m_configFile);
    accept();
    return true;
}

bool ProfileEditorDialog::hasUnsavedChanges()
{
    if (!commitForm())
        return true;
    return m_profiles != m_savedProfiles || m_default != m_savedDefault;
}

void ProfileEditorDialog::reject()
{
    if (!isVisible() || !hasUnsavedChanges()) {
        QDialog::reject();
        return;
    }
    const QString file = QDir::toNativeSeparators(m_configFile);
    if (!m_askBeforeDiscarding) {
        qCWarning(lcGui).noquote() << QStringLiteral("profile editor closed: changes to %1 not saved").arg(file);
        QDialog::reject();
        return;
    }
    // A question cancelled from outside (SIGTERM rejects the active dialog) counts as "Cancel": the caller that
    // cancelled it decides what happens next.
    const int answer = ask(this, QStringLiteral("unsavedChangesQuestion"), windowTitle(),
                           tr("Save the changes to the profiles in %1?").arg(file),
                           tr("Changes that are not saved are lost."),
                           {{tr("&Save"), QStringLiteral("saveChangesButton"), QMessageBox::AcceptRole},
                            {tr("&Discard"), QStringLiteral("discardChangesButton"), QMessageBox::DestructiveRole},
                            {tr("Cancel"), QStringLiteral("keepEditingButton"), QMessageBox::RejectRole}},
                           0, 2);
    if (answer == 0)
        save();   // on failure the dialog stays open and shows why
    else if (answer == 1)
        QDialog::reject();
}

} // namespace Opsdeck::Gui
