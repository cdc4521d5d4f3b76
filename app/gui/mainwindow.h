#pragma once

#include "config/profilestore.h"

#include <QtCore/QPointer>
#include <functional>
#include <QtWidgets/QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace Opsdeck::Gui {

class MessageBanner;
class Page;
class ProfileEditorDialog;

/// The main window: page navigation (left) over a stack of pages, the profile switcher in the toolbar, menus,
/// a status bar (profile, config file, the page's status) and a non-modal banner for problems. Pages are listed
/// in mainwindow.cpp's registration table.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString configFile;   ///< --config; empty = the default profiles file (or the built-in profile)
        QString profile;      ///< --profile; empty = $OPSDECK_PROFILE, the last one used, the file's default
        /// Ends the process when the user chooses not to wait for work that is stopping (a batch that cannot be
        /// interrupted); empty = flush and _Exit(0). Tests replace it.
        std::function<void()> quitWithoutWaiting;
    };

    /// Reads the profiles and shows the chosen one. Never fails: an unreadable file or an unknown profile is
    /// reported in the banner and the window runs on the built-in (or default) profile instead.
    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    /// Shows the profile called `name` on every page. Returns false (and says why in the banner) when the
    /// profiles have none of that name.
    bool switchProfile(const QString &name);
    /// Reads the profiles file again and shows the current profile's new values (or the default profile when
    /// the current one is gone).
    void reloadProfiles();
    /// Opens the profile editor (File ▸ Edit profiles…) without blocking; it writes to configFileForSaving().
    /// Returns the dialog (one at a time: a second call raises the open one).
    ProfileEditorDialog *editProfiles();

    [[nodiscard]] QString currentProfileName() const { return m_profile.name; }
    [[nodiscard]] const Core::Profile &currentProfile() const { return m_profile; }
    [[nodiscard]] const Core::ProfileStore &profileStore() const { return m_store; }
    /// The file the profile editor saves to: the file read, --config, or the default path.
    [[nodiscard]] QString configFileForSaving() const;
    /// The banner's messages (empty when it is hidden).
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] int pageCount() const;
    [[nodiscard]] Page *page(int index) const;
    [[nodiscard]] int currentPageIndex() const;
    void showPage(int index);
    [[nodiscard]] QComboBox *profileSwitcher() const { return m_profileBox; }
    /// Closes as File ▸ Quit does once the user has agreed to stop the work in flight, without asking (SIGTERM,
    /// SIGINT): a modal dialog open now is rejected first, each page ends its work keeping what it can, and the
    /// window closes once they all have.
    void closeWithoutAsking();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages();
    void createActions();
    void loadStore();
    void fillProfileBox();
    [[nodiscard]] QString initialProfile(const QString &requested);
    void showIssue(const QString &message);
    void saveWindowState();
    void askQuitWithoutWaiting();
    void updateStatus();
    void about();

    QString m_configFile;
    Core::ProfileStore m_store;
    QString m_storeError;
    Core::Profile m_profile;

    MessageBanner *m_banner;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QComboBox *m_profileBox;
    QLabel *m_profileLabel;
    QLabel *m_configLabel;
    QLabel *m_pageStatusLabel;
    QAction *m_refreshAction = nullptr;
    QList<Page *> m_pages;
    QList<Page *> m_pagesClosing;   // asked to close, still ending their work (the window closes after them)
    std::function<void()> m_quitWithoutWaiting;
    QPointer<ProfileEditorDialog> m_editor;
};

} // namespace Opsdeck::Gui
