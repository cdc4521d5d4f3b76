#pragma once

#include "config/profilestore.h"

#include <QtCore/QMap>
#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace Opsdeck::Gui {

class ServiceConfigEditor;

/// Edits the profiles of one file: the list (add, duplicate, remove, set default) and, per profile, the name,
/// timeout, the five services (URL checked as you type, authentication by secret reference, TLS) and the
/// scoring endpoints. Save (Ctrl+S) writes the file with ProfileStore::saveFile; Esc cancels. Secrets are only
/// ever references here; "Store secret in keychain…" hands a typed secret to the keychain directly. Closing it
/// with changes not saved (Esc, Cancel, the window's close button) asks whether to save them.
class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    enum ScoringColumn { NameColumn, UrlColumn, ProtocolColumn, HealthUrlColumn, FeaturesColumn, ScoringColumnCount };

    /// Edits a copy of `store`'s profiles; Save writes them to `configFile`. `loadError`, when not empty, says
    /// why the file could not be read (the dialog then warns that saving replaces it).
    ProfileEditorDialog(const Core::ProfileStore &store, const QString &configFile, const QString &loadError = {},
                        QWidget *parent = nullptr);
    ~ProfileEditorDialog() override;
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)

    /// Shows the profile called `name` (no-op when there is none). Returns false when it cannot be shown
    /// because the profile being edited has an invalid name.
    bool selectProfile(const QString &name);
    /// The file Save writes to.
    [[nodiscard]] QString configFile() const { return m_configFile; }
    /// The profiles as edited so far (the one in the form included).
    [[nodiscard]] QList<Core::Profile> profiles();
    [[nodiscard]] QString defaultProfileName() const { return m_default; }
    /// What is wrong with the form or the last save, one problem per line; empty when nothing is.
    [[nodiscard]] QString problemText() const;

    /// Checks every profile, writes the file and accepts the dialog. On failure the dialog stays open, shows
    /// the problem ("profile 'p': Livy URL: …" or the store's "FILE:LINE: …") and returns false.
    bool save();

    /// Whether the profiles as edited differ from the ones the dialog was opened with (a form whose profile name
    /// is invalid counts as changed).
    [[nodiscard]] bool hasUnsavedChanges();
    /// Closing the dialog from now on discards changes without asking; a warning on stderr names the file they
    /// were meant for. For closes nobody can answer a question in (SIGTERM).
    void discardChangesOnClose() { m_askBeforeDiscarding = false; }

    /// Closes the dialog; with changes not saved it first asks "Save / Discard / Cancel" unless
    /// discardChangesOnClose() was called.
    void reject() override;

    [[nodiscard]] ServiceConfigEditor *serviceEditor(Core::ServiceKind kind) const { return m_editors.value(kind); }
    [[nodiscard]] QTableWidget *scoringTable() const { return m_scoring; }

Q_SIGNALS:
    /// The file was written.
    void saved(const QString &configFile);

private:
    void buildUi(const QString &loadError);
    void showProfile(int index);
    bool commitForm();
    void refreshList();
    void onCurrentRowChanged(int row);
    void addProfile();
    void duplicateProfile();
    void removeProfile();
    void setDefault();
    void addEndpoint(const Core::ScoringEndpointConfig &endpoint);
    void removeEndpoint();
    [[nodiscard]] QList<Core::ScoringEndpointConfig> endpointsFromTable() const;
    [[nodiscard]] QString nameProblem() const;
    [[nodiscard]] QStringList scoringProblems(const QList<Core::ScoringEndpointConfig> &endpoints) const;
    [[nodiscard]] QStringList profileProblems(const Core::Profile &profile) const;
    void updateProblems();
    void showProblems(const QString &text);
    void markScoringCells();
    [[nodiscard]] QString uniqueName(const QString &base) const;

    QString m_configFile;
    QList<Core::Profile> m_profiles;
    QString m_default;
    QList<Core::Profile> m_savedProfiles;   // as opened: what "unsaved changes" compares with
    QString m_savedDefault;
    bool m_askBeforeDiscarding = true;
    int m_current = -1;
    bool m_loading = false;
    QString m_saveError;
    QList<Core::ScoringEndpointConfig> m_scoringRows;   // what the table does not show (auth, TLS), per row

    QListWidget *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_setDefault = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_timeout = nullptr;
    QTabWidget *m_tabs = nullptr;
    QMap<Core::ServiceKind, ServiceConfigEditor *> m_editors;
    QTableWidget *m_scoring = nullptr;
    QPushButton *m_addEndpoint = nullptr;
    QPushButton *m_removeEndpoint = nullptr;
    QLabel *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Opsdeck::Gui
