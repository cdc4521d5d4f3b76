#pragma once

#include "config/profile.h"

#include <QtWidgets/QWidget>

namespace Opsdeck::Gui {

/// A page of the main window (Services, Scoring, …). The main window lists pages in mainwindow.cpp's
/// registration table; each page shows the current profile and refreshes on demand.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    ~Page() override;
    Q_DISABLE_COPY_MOVE(Page)

    /// Shows `profile`: called once after construction and again on every profile switch. Whatever the page
    /// showed for the previous profile is dropped.
    virtual void setProfile(const Core::Profile &profile) = 0;
    /// Re-reads what the page shows now (View ▸ Refresh, F5). A no-op while such work is already in flight.
    virtual void refresh() = 0;
    /// One line for the status bar about the page's data ("Last round 12:03:04 — 5 of 6 up"); empty when there
    /// is nothing to say yet.
    [[nodiscard]] virtual QString statusText() const = 0;
    /// What closing the window now would interrupt, as a question for the user ("A benchmark is running. Stop
    /// the run and keep what was measured?"); empty when nothing would be lost.
    [[nodiscard]] virtual QString closeQuestion() const { return {}; }
    /// The window is to close (the user agreed to closeQuestion()): end the work in flight, keeping what can be
    /// kept. Returns true when the page may go now; false when it has started ending its work and will emit
    /// readyToClose() once it has (the window stays open and responsive meanwhile).
    virtual bool prepareToClose() { return true; }

Q_SIGNALS:
    /// After prepareToClose() returned false: the work has ended and the page may go.
    void readyToClose();
    void statusTextChanged(const QString &text);
    /// A problem the user should see: the main window shows it in its banner and status bar.
    void issueRaised(const QString &message);
};

} // namespace Opsdeck::Gui
