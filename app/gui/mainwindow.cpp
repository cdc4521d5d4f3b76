#include "mainwindow.h"

#include "common/logging.h"
#include "common/version.h"
#include "messagebanner.h"
#include "page.h"
#include "profileeditordialog.h"
#include "question.h"
#include "resources.h"
#include "scoringpage.h"
#include "servicespage.h"

#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDialog>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

#include <cstdio>
#include <cstdlib>

namespace Opsdeck::Gui {

namespace {

/// One entry of the page table below.
struct PageEntry
{
    const char *title;      ///< translated in the Opsdeck::Gui::MainWindow context; '&' marks the menu mnemonic
    const char *iconName;   ///< resources/icons/<name>.svg
    Page *(*create)(QWidget *parent);
};

template<typename T>
Page *createPage(QWidget *parent)
{
    return new T(parent);
}

// The pages of the main window, in navigation order; View ▸ <title> gets Ctrl+<position>.
// Only pages that work are listed. Adding one is a line here (and its #include above).
const PageEntry pageEntries[] = {
    {QT_TRANSLATE_NOOP("Opsdeck::Gui::MainWindow", "&Services"), "services", &createPage<ServicesPage>},
    {QT_TRANSLATE_NOOP("Opsdeck::Gui::MainWindow", "S&coring"), "scoring", &createPage<ScoringPage>},
};

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString pageKey = QStringLiteral("mainWindow/page");
const QString profileKey = QStringLiteral("mainWindow/profile");

QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

} // namespace

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_configFile(options.configFile)
    , m_banner(new MessageBanner(this))
    , m_nav(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_profileBox(new QComboBox(this))
    , m_profileLabel(new QLabel(this))
    , m_configLabel(new QLabel(this))
    , m_pageStatusLabel(new QLabel(this))
    , m_quitWithoutWaiting(options.quitWithoutWaiting)
{
    setObjectName(QStringLiteral("mainWindow"));
    initResources();
    setWindowIcon(icon(QStringLiteral("opsdeck")));

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setIconSize(QSize(fontMetrics().height() * 3 / 2, fontMetrics().height() * 3 / 2));
    m_nav->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_nav->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack->setObjectName(QStringLiteral("pages"));

    auto *central = new QWidget(this);
    auto *body = new QHBoxLayout;
    body->addWidget(m_nav);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    m_profileBox->setObjectName(QStringLiteral("profileSwitcher"));
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileBox->setToolTip(tr("The connection profile every page uses"));
    m_profileLabel->setObjectName(QStringLiteral("profileStatus"));
    m_configLabel->setObjectName(QStringLiteral("configStatus"));
    m_pageStatusLabel->setObjectName(QStringLiteral("pageStatus"));
    const int gap = fontMetrics().averageCharWidth();
    bool firstLabel = true;
    for (QLabel *label : {m_pageStatusLabel, m_profileLabel, m_configLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(gap, 0, gap, 0);
        if (firstLabel) {
            // The page's status takes the room left of the profile labels (a long run summary must not be cut).
            statusBar()->addWidget(label, 1);
            firstLabel = false;
            continue;
        }
        auto *separator = new QFrame(statusBar());
        separator->setFrameShape(QFrame::VLine);
        separator->setFrameShadow(QFrame::Sunken);
        statusBar()->addPermanentWidget(separator);
        statusBar()->addPermanentWidget(label);
    }

    createPages();
    createActions();

    loadStore();
    fillProfileBox();
    switchProfile(initialProfile(options.profile));
    connect(m_profileBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            switchProfile(m_profileBox->itemData(index).toString());
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) {
        const QFontMetrics metrics(font());
        resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 42);
    }
    restoreState(settings.value(stateKey).toByteArray());
    showPage(std::clamp(settings.value(pageKey, 0).toInt(), 0, pageCount() - 1));
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    for (const PageEntry &entry : pageEntries) {
        Page *page = entry.create(m_stack);
        const QString title = withoutMnemonic(tr(entry.title));
        page->setAccessibleName(title);
        m_stack->addWidget(page);
        m_pages.append(page);
        auto *item = new QListWidgetItem(icon(QString::fromLatin1(entry.iconName)), title, m_nav);
        item->setToolTip(title);
        connect(page, &Page::statusTextChanged, this, [this, page] {
            if (m_stack->currentWidget() == page)
                updateStatus();
        });
        connect(page, &Page::issueRaised, this, &MainWindow::showIssue);
        connect(page, &Page::readyToClose, this, [this, page] {
            // Closed from the event loop, not inside the page's signal.
            if (m_pagesClosing.removeOne(page) && m_pagesClosing.isEmpty())
                QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        });
    }
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        QSettings().setValue(pageKey, row);
        updateStatus();
    });
}

void MainWindow::createActions()
{
    auto *editProfilesAction = new QAction(icon(QStringLiteral("profiles")), tr("&Edit profiles…"), this);
    editProfilesAction->setObjectName(QStringLiteral("editProfilesAction"));
    editProfilesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    editProfilesAction->setStatusTip(tr("Add, change or remove connection profiles"));
    connect(editProfilesAction, &QAction::triggered, this, [this] { editProfiles(); });

    auto *quitAction = new QAction(icon(QStringLiteral("quit")), tr("&Quit"), this);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction->setMenuRole(QAction::QuitRole);
    connect(quitAction, &QAction::triggered, this, &MainWindow::close);

    m_refreshAction = new QAction(icon(QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setStatusTip(tr("Refresh the page shown now"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (auto *page = qobject_cast<Page *>(m_stack->currentWidget()))
            page->refresh();
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(editProfilesAction);
    file->addSeparator();
    file->addAction(quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addSeparator();
    for (int i = 0; i < int(std::size(pageEntries)); ++i) {
        auto *action = new QAction(icon(QString::fromLatin1(pageEntries[i].iconName)), tr(pageEntries[i].title), this);
        action->setObjectName(QStringLiteral("showPageAction%1").arg(i + 1));
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPage(i); });
        view->addAction(action);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    auto *aboutAction = help->addAction(icon(QStringLiteral("about")), tr("&About Opsdeck"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    auto *aboutQtAction = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQtAction->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *profileLabel = new QLabel(tr("&Profile:"), toolbar);
    profileLabel->setBuddy(m_profileBox);
    profileLabel->setContentsMargins(fontMetrics().averageCharWidth(), 0, fontMetrics().averageCharWidth() / 2, 0);
    toolbar->addWidget(profileLabel);
    toolbar->addWidget(m_profileBox);
    toolbar->addAction(editProfilesAction);
    toolbar->addSeparator();
    toolbar->addAction(m_refreshAction);
}

void MainWindow::loadStore()
{
    auto store = Core::ProfileStore::open(m_configFile);
    if (store) {
        m_store = *store;
        m_storeError.clear();
        return;
    }
    // A broken file must not keep the console from starting: run on the built-in profile and say so.
    m_storeError = store.error().toString();
    m_store = Core::ProfileStore();
    m_store.upsert(Core::ProfileStore::builtinLocal());
    qCWarning(lcGui).noquote() << m_storeError;
    showIssue(tr("%1\nRunning on the built-in profile 'local'; File ▸ Edit profiles… can fix the file.")
                  .arg(m_storeError));
}

void MainWindow::fillProfileBox()
{
    const QSignalBlocker blocker(m_profileBox);
    m_profileBox->clear();
    const QStringList names = m_store.names();
    for (const QString &name : names) {
        const bool isDefault = name == m_store.defaultProfileName();
        m_profileBox->addItem(isDefault ? tr("%1 (default)").arg(name) : name, name);
    }
}

QString MainWindow::initialProfile(const QString &requested)
{
    const QStringList names = m_store.names();
    QString name = requested;
    QString from = QStringLiteral("--profile");
    if (name.isEmpty()) {
        name = qEnvironmentVariable("OPSDECK_PROFILE");
        from = QStringLiteral("OPSDECK_PROFILE");
    }
    if (!name.isEmpty() && !names.contains(name)) {
        auto missing = m_store.profile(name);
        showIssue(tr("%1 (asked for by %2)").arg(missing ? tr("unknown profile '%1'").arg(name) : missing.error().message, from));
        name.clear();
    }
    if (name.isEmpty()) {
        const QString last = QSettings().value(profileKey).toString();
        if (names.contains(last))
            name = last;
    }
    if (name.isEmpty() && names.contains(m_store.defaultProfileName()))
        name = m_store.defaultProfileName();
    if (name.isEmpty())
        name = names.value(0, Core::ProfileStore::builtinLocal().name);
    return name;
}

bool MainWindow::switchProfile(const QString &name)
{
    auto profile = m_store.profile(name);
    if (!profile) {
        showIssue(profile.error().toString());
        return false;
    }
    m_profile = *profile;
    {
        const QSignalBlocker blocker(m_profileBox);
        m_profileBox->setCurrentIndex(m_profileBox->findData(name));
    }
    for (Page *page : std::as_const(m_pages))
        page->setProfile(m_profile);
    setWindowTitle(tr("Opsdeck — %1").arg(m_profile.name));
    QSettings().setValue(profileKey, m_profile.name);
    updateStatus();
    qCDebug(lcGui) << "profile" << m_profile.name << "from" << m_profile.sourceFile;
    return true;
}

void MainWindow::reloadProfiles()
{
    const QString current = m_profile.name;
    m_banner->dismiss();
    loadStore();
    fillProfileBox();
    QString name = current;
    if (!m_store.names().contains(name))
        name = m_store.names().contains(m_store.defaultProfileName()) ? m_store.defaultProfileName()
                                                                       : m_store.names().value(0);
    switchProfile(name);
}

QString MainWindow::configFileForSaving() const
{
    if (!m_configFile.isEmpty())
        return m_configFile;
    if (!m_store.fileName().isEmpty())
        return m_store.fileName();
    return Core::ProfileStore::defaultConfigPath();
}

ProfileEditorDialog *MainWindow::editProfiles()
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return m_editor;
    }
    auto *dialog = new ProfileEditorDialog(m_store, configFileForSaving(), m_storeError, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->selectProfile(m_profile.name);
    connect(dialog, &ProfileEditorDialog::saved, this, [this](const QString &path) {
        m_configFile = path;
        statusBar()->showMessage(tr("Profiles saved to %1").arg(QDir::toNativeSeparators(path)), 10000);
        reloadProfiles();
    });
    m_editor = dialog;
    dialog->open();
    return dialog;
}

QString MainWindow::bannerText() const
{
    return m_banner->text();
}

int MainWindow::pageCount() const
{
    return int(m_pages.size());
}

Page *MainWindow::page(int index) const
{
    return m_pages.value(index);
}

int MainWindow::currentPageIndex() const
{
    return m_stack->currentIndex();
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    m_nav->setCurrentRow(index);
    m_stack->setCurrentIndex(index);
    updateStatus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Work in flight (a benchmark run) is not thrown away silently: the user confirms, then each page ends its
    // work and keeps what it can; the window stays responsive (showing "Stopping…") and closes once they all
    // have. Closing again meanwhile offers to quit without waiting.
    if (!m_pagesClosing.isEmpty()) {
        event->ignore();
        askQuitWithoutWaiting();
        return;
    }
    QStringList questions;
    for (const Page *page : std::as_const(m_pages)) {
        if (const QString question = page->closeQuestion(); !question.isEmpty())
            questions.append(question);
    }
    if (!questions.isEmpty()) {
        const int answer = ask(this, QStringLiteral("closeQuestion"), tr("Close Opsdeck"), questions.join(u"\n\n"),
                               {}, {{tr("&Stop and close"), QStringLiteral("stopAndCloseButton")}, {}}, 1, 1);
        if (answer != 0) {
            event->ignore();
            return;
        }
        for (Page *page : std::as_const(m_pages)) {
            if (!page->prepareToClose())
                m_pagesClosing.append(page);
        }
        if (!m_pagesClosing.isEmpty()) {
            event->ignore();
            updateStatus();
            return;
        }
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::closeWithoutAsking()
{
    if (m_editor)
        m_editor->discardChangesOnClose();   // nobody is there to answer "Save the changes?"
    // A question or file dialog runs a loop of its own; it ends first (answered "no"), and the rest follows from
    // the event loop once its exec() has returned.
    if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
        dialog->reject();
        QMetaObject::invokeMethod(this, &MainWindow::closeWithoutAsking, Qt::QueuedConnection);
        return;
    }
    if (!m_pagesClosing.isEmpty())
        return;   // already stopping: the window closes once the pages have
    for (Page *page : std::as_const(m_pages)) {
        if (!page->prepareToClose())
            m_pagesClosing.append(page);
    }
    if (!m_pagesClosing.isEmpty()) {
        updateStatus();
        return;
    }
    close();
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.sync();
}

void MainWindow::askQuitWithoutWaiting()
{
    const int answer =
        ask(this, QStringLiteral("quitNowQuestion"), tr("Close Opsdeck"),
            tr("The work in flight is still stopping: a batch or a model load that cannot be interrupted "
               "has not ended yet. The window closes by itself once it has.\n\nQuit now instead? What "
               "the run measured is lost."),
            {}, {{tr("&Quit now"), QStringLiteral("quitNowButton"), QMessageBox::DestructiveRole},
                 {tr("&Keep waiting"), {}, QMessageBox::RejectRole}},
            1, 1);
    if (answer != 0 || m_pagesClosing.isEmpty())
        return;   // kept waiting, or the work ended while the question was open (the window closes anyway)
    qCWarning(lcGui) << "quitting without waiting for the work in flight to stop";
    saveWindowState();
    if (m_quitWithoutWaiting) {
        m_quitWithoutWaiting();
        return;
    }
    // The worker is blocked where it cannot be reached (a read, a lock in a model library); ending the
    // process is the only way that does not wait for it. Nothing half-written is left: the history is
    // appended atomically and only from this thread.
    std::fflush(nullptr);
    std::_Exit(EXIT_SUCCESS);
}

void MainWindow::showIssue(const QString &message)
{
    m_banner->showMessage(message);
    // The status bar keeps the first line; the banner has the whole text.
    statusBar()->showMessage(message.section(u'\n', 0, 0));
}

void MainWindow::updateStatus()
{
    m_profileLabel->setText(tr("Profile: %1").arg(m_profile.name));
    if (m_profile.sourceFile.isEmpty()) {
        m_configLabel->setText(tr("built-in profile"));
        m_configLabel->setToolTip(m_storeError.isEmpty() ? tr("No profiles file: %1 does not exist")
                                                               .arg(QDir::toNativeSeparators(configFileForSaving()))
                                                         : m_storeError);
    } else {
        m_configLabel->setText(QDir::toNativeSeparators(m_profile.sourceFile));
        m_configLabel->setToolTip(tr("Profiles file"));
    }
    const auto *page = qobject_cast<Page *>(m_stack->currentWidget());
    m_pageStatusLabel->setText(page ? page->statusText() : QString());
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Opsdeck"),
                       tr("<h3>Opsdeck %1</h3>"
                          "<p>Operator console for the job and scoring platform: Spark through Livy and the Spark "
                          "REST API, Celery over Redis, Elasticsearch results and model scoring services.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>")
                           .arg(QString::fromLatin1(versionString), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}

} // namespace Opsdeck::Gui
