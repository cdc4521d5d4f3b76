#pragma once

#include "common/error.h"
#include "page.h"
#include "scoring/benchreport.h"
#include "scoring/benchrun.h"
#include "scoring/loadsweep.h"

#include <QtCore/QPointer>

#include <memory>
#include <utility>

QT_BEGIN_NAMESPACE
class QAbstractButton;
class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QShortcut;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTableView;
QT_END_NAMESPACE

namespace Opsdeck::Core {
class BenchHistoryModel;
struct BenchHistoryEntry;
class PluginRegistry;
} // namespace Opsdeck::Core

namespace Opsdeck::Gui {

class HistoryFilterProxy;
class LoadSweepDialog;
class RunTrendDialog;

class BenchChart;
class BenchRunner;
class LatencyHistogramChart;
class RunCompareDialog;

/// The Scoring page: benchmarks a model backend as `opsdeck --batch bench` does, from a form (backend from
/// the plugin registry, model file or endpoints, scenario, amount, thresholds). The run lives on a worker
/// thread (BenchRunner); the page charts rows/s and p50/p99 per window while it runs, then shows the latency
/// histogram, the verdict with its reasons, and appends the run to the history on disk (Core::BenchHistory),
/// whose table exports a run's report (JSON or CSV) and compares two runs side by side.
///
/// Keyboard: Ctrl+Return starts, Esc or Ctrl+. stops (while the page is shown).
class ScoringPage final : public Page
{
    Q_OBJECT
public:
    /// History in Core::BenchHistory::defaultPath(); plugins from Core::PluginRegistry::defaultSearchPaths().
    explicit ScoringPage(QWidget *parent = nullptr);
    /// Stops a run in flight and waits for its thread (batches in flight complete first); what it measured is
    /// appended to the history.
    ~ScoringPage() override;
    Q_DISABLE_COPY_MOVE(ScoringPage)

    /// Fills the endpoints (and their protocol) from the profile's scoring endpoints. A run in flight goes
    /// on.
    void setProfile(const Core::Profile &profile) override;
    /// Scans the plugins again and re-reads the history.
    void refresh() override;
    [[nodiscard]] QString statusText() const override;
    /// While a run is in flight: "A benchmark is running. Stop the run and keep what was measured?".
    [[nodiscard]] QString closeQuestion() const override;
    /// Asks the run in flight to stop and returns false (true when no run is in flight); once it has stopped,
    /// its partial report is kept in the history, as Stop keeps it, and readyToClose() follows.
    bool prepareToClose() override;
    /// The history file's problems as the page reports them: "FILE: cannot read: reason" and/or "N damaged
    /// entries skipped in FILE"; empty when the last read was clean.
    [[nodiscard]] QString historyProblem() const;

    /// The options the form describes, the plugin bound from the registry. Errors (Usage) name the field at
    /// fault ("Endpoints, line 2: must start with http:// or https://") or the backend's load problem.
    [[nodiscard]] Result<Core::BenchOptions> options();
    /// Starts a run with the form's values and returns at once. Returns false when a run is in flight or the
    /// form is invalid (then the status line and the window's banner say why).
    bool start();
    /// Asks the run in flight to stop; its report follows, marked stopped (INVALID).
    void stop();
    [[nodiscard]] bool isRunning() const;

    /// The report of the last run that finished on this page (empty before the first).
    [[nodiscard]] const Core::BenchReport &lastReport() const { return m_lastReport; }

    /// Writes the report of the history run shown in `viewRow` of the history table to `path`: CSV when it
    /// ends in .csv, else JSON; replaced atomically. Errors (Failed/Usage) name the file.
    [[nodiscard]] Result<void> exportRun(int viewRow, const QString &path);
    /// The same for the history entry `id` (Core::BenchHistoryModel::IdRole). Errors also when the entry is no
    /// longer in the history.
    /// Writes the run with history id `id`; when `expected` is given, only if that id still holds that run (ids
    /// are byte offsets: a compaction of the history moves every run to another one).
    [[nodiscard]] Result<void> exportEntry(qint64 id, const QString &path,
                                           const Core::BenchHistoryEntry *expected = nullptr);
    /// The same for several runs, in the order given, into one file (Core::writeReports(): CSV rows, or a JSON
    /// array); nothing is written when one of them is no longer in the history.
    [[nodiscard]] Result<void> exportEntries(const QList<qint64> &ids, const QString &path,
                                             const QList<Core::BenchHistoryEntry> *expected = nullptr);
    /// Asks for a file and exports the selected runs (Export report…), oldest first: the runs selected when the
    /// dialog opened, whatever happens to the table meanwhile. One run is offered as JSON, several as CSV (one
    /// row each; JSON writes an array). The dialog adds the filter's suffix to a bare name and asks before
    /// replacing a file. Returns false when cancelled or failed (the failure is shown).
    bool exportSelectedRun();
    /// Opens the side-by-side view of the two runs selected in the history (Compare…), the earlier one as A.
    /// Non-modal; returns it, or null (and says why in the status line) unless exactly two runs are selected.
    RunCompareDialog *compareSelectedRuns();
    /// Opens the throughput and p99 of the runs the history table shows (the filter picks them) over time
    /// (Trend…), or raises the one already open. Non-modal, and it follows the table while open (a run that ends,
    /// the filter); returns it, or null (and says why in the status line) when fewer than two are shown.
    RunTrendDialog *showTrend();
    /// Draws again the load sweep the selected runs were levels of (*Show its load sweep…* in the history's context
    /// menu), from its levels in the history: the sweep window as it was when the sweep ended; runs of two sweeps
    /// (*Compare their load sweeps…*): the later sweep with the earlier one dashed as its baseline
    /// (Core::SweepComparison). Raises the live sweep's window for a level of the sweep in flight. Returns the
    /// window, or null (and says why in the status line) when a selected run was no sweep's level, the runs are of
    /// more than two sweeps or of two kinds, or the history no longer holds a level.
    LoadSweepDialog *showSelectedSweep();
    /// Asks "Delete the N selected runs from the history?" and deletes them when the answer is Delete (Del, the
    /// Delete… button, the history's context menu). Returns true when runs were deleted; on a failure the status
    /// line and the window's banner say why and the history is as it was.
    bool deleteSelectedRuns();
    /// Shows the history run in `viewRow` in the charts, histogram and verdict (double-click, Enter). Refused
    /// while a run is in flight (the charts show the live run then); returns whether it was shown.
    bool showRun(int viewRow);

    [[nodiscard]] QComboBox *backendBox() const { return m_backend; }
    [[nodiscard]] QLineEdit *modelEdit() const { return m_model; }
    [[nodiscard]] QPlainTextEdit *endpointsEdit() const { return m_endpoints; }
    [[nodiscard]] QComboBox *protocolBox() const { return m_protocol; }
    [[nodiscard]] QSpinBox *featuresBox() const { return m_features; }
    [[nodiscard]] QRadioButton *rowsButton() const { return m_byRows; }
    [[nodiscard]] QSpinBox *rowsBox() const { return m_rows; }
    [[nodiscard]] QRadioButton *durationButton() const { return m_byDuration; }
    [[nodiscard]] QDoubleSpinBox *durationBox() const { return m_duration; }
    [[nodiscard]] QSpinBox *batchSizeBox() const { return m_batchSize; }
    [[nodiscard]] QComboBox *scenarioBox() const { return m_scenario; }
    [[nodiscard]] QSpinBox *concurrencyBox() const { return m_concurrency; }
    [[nodiscard]] QDoubleSpinBox *rateBox() const { return m_rate; }
    [[nodiscard]] QCheckBox *poissonBox() const { return m_poisson; }
    /// A load sweep: the concurrency or rate, doubled run after run up to sweepToBox()'s value (Core::LoadSweep).
    [[nodiscard]] QCheckBox *sweepBox() const { return m_sweep; }
    [[nodiscard]] QDoubleSpinBox *sweepToBox() const { return m_sweepTo; }
    /// The chart and table of the last sweep (opened when a sweep starts); null before the first or once closed.
    [[nodiscard]] LoadSweepDialog *sweepDialog() const;
    /// Shows the sweep of the selected runs, or compares two (showSelectedSweep()); enabled when every selected
    /// run was a level of one of at most two sweeps.
    [[nodiscard]] QAction *showSweepAction() const { return m_sweepAction; }
    /// True while a sweep runs (between its levels too).
    [[nodiscard]] bool isSweeping() const { return m_sweepRun.has_value(); }
    [[nodiscard]] QDoubleSpinBox *warmupBox() const { return m_warmup; }
    [[nodiscard]] QSpinBox *threadsBox() const { return m_threads; }
    [[nodiscard]] QCheckBox *pinBox() const { return m_pin; }
    [[nodiscard]] QLineEdit *inputEdit() const { return m_input; }
    [[nodiscard]] QSpinBox *seedBox() const { return m_seed; }
    [[nodiscard]] QDoubleSpinBox *maxP99Box() const { return m_maxP99; }
    [[nodiscard]] QDoubleSpinBox *maxErrorRateBox() const { return m_maxErrorRate; }
    [[nodiscard]] QDoubleSpinBox *minThroughputBox() const { return m_minThroughput; }
    [[nodiscard]] QLineEdit *crossCheckEdit() const { return m_crossCheck; }
    [[nodiscard]] QLineEdit *toleranceEdit() const { return m_tolerance; }
    [[nodiscard]] QDoubleSpinBox *capacityRowsBox() const { return m_capacityRows; }
    [[nodiscard]] QLineEdit *capacityWithinEdit() const { return m_capacityWithin; }
    [[nodiscard]] QPushButton *startButton() const { return m_startButton; }
    [[nodiscard]] QPushButton *stopButton() const { return m_stopButton; }
    [[nodiscard]] QPushButton *exportButton() const { return m_exportButton; }
    [[nodiscard]] QPushButton *compareButton() const { return m_compareButton; }
    [[nodiscard]] QPushButton *trendButton() const { return m_trendButton; }
    [[nodiscard]] QPushButton *deleteButton() const { return m_deleteButton; }
    [[nodiscard]] QLabel *stageLabel() const { return m_stageLabel; }
    [[nodiscard]] QLabel *verdictLabel() const { return m_verdictLabel; }
    [[nodiscard]] QLabel *reasonsLabel() const { return m_reasonsLabel; }
    [[nodiscard]] BenchChart *chart() const { return m_chart; }
    [[nodiscard]] LatencyHistogramChart *histogram() const { return m_histogram; }
    [[nodiscard]] QTableView *historyView() const { return m_historyView; }
    /// Filters the history table (Ctrl+F): the runs with every word of it in one of their columns.
    [[nodiscard]] QLineEdit *historyFilterEdit() const { return m_historyFilter; }
    /// "shown: 12 of 340" while the filter is set, else hidden.
    [[nodiscard]] QLabel *historyCountLabel() const { return m_historyCount; }
    /// The history table's model (newest first); the view shows it through a sorting proxy.
    [[nodiscard]] Core::BenchHistoryModel *historyModel() const { return m_historyModel; }

Q_SIGNALS:
    /// A run ended (also a failed or stopped one) and the page shows its result.
    void runFinished(const Opsdeck::Core::BenchReport &report);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createForm();
    /// The cross-check (--compare, --tolerance) and capacity plan the form asks for, into `o`.
    [[nodiscard]] Result<void> crossCheckOptions(Core::BenchOptions &o);
    [[nodiscard]] Result<void> capacityOptions(Core::BenchOptions &o);
    /// The sweep the form asks for over `o` (none when Sweep is off or the scenario is offline). Errors (Usage):
    /// an end not above the start, a fractional concurrency, a cross-check.
    [[nodiscard]] Result<std::optional<Core::LoadSweep>> loadSweep(const Core::BenchOptions &o) const;
    /// Takes a level's report: starts the next level, or shows the sweep's conclusion when it is over.
    void continueSweep(const Core::BenchReport &report);
    /// The form as the last run started it, kept in the settings for the next session (endpoints and protocol
    /// follow the profile instead).
    void saveForm() const;
    void restoreForm();
    /// The form's widgets saveForm() and restoreForm() keep, each with its settings key.
    struct FormFields
    {
        QList<std::pair<QSpinBox *, const char *>> counts;
        QList<std::pair<QDoubleSpinBox *, const char *>> reals;
        QList<std::pair<QLineEdit *, const char *>> texts;
        QList<std::pair<QAbstractButton *, const char *>> switches;
    };
    [[nodiscard]] FormFields formFields() const;
    QWidget *createHistory();
    void fillBackends();
    void updateFormState();
    void updateButtons();
    void onStage(const QString &stage);
    void onFailed(const Error &error);
    void onFinished(const Core::BenchReport &report);
    void showReport(const Core::BenchReport &report);
    void showVerdict(const Core::BenchReport &report);
    void clearVerdict();
    void reportHistoryProblem();
    [[nodiscard]] QList<int> selectedRows() const;
    /// The sweeps the selected runs were levels of, the earliest first; empty when a selected run was no sweep's.
    [[nodiscard]] QStringList selectedSweepIds() const;
    /// The sweep `id` drawn again from its levels in the history (Core::LoadSweep::fromRuns()).
    [[nodiscard]] Result<Core::LoadSweep> sweepFromHistory(const QString &id) const;
    /// The runs the history table shows, in its order.
    [[nodiscard]] QList<Core::BenchHistoryEntry> shownRuns() const;
    void setStatus(const QString &text, bool problem = false);
    void applyColours();

    std::unique_ptr<Core::PluginRegistry> m_registry;
    BenchRunner *m_runner;
    Core::BenchHistoryModel *m_historyModel;
    HistoryFilterProxy *m_historyProxy;
    Core::BenchReport m_lastReport;
    QList<std::pair<qint64, QDateTime>> m_selectionBeforeReset; // history runs selected: id, started_at
    Core::Profile m_profile;

    QWidget *m_form = nullptr;
    QComboBox *m_backend = nullptr;
    QLineEdit *m_model = nullptr;
    QPushButton *m_browseModel = nullptr;
    QPlainTextEdit *m_endpoints = nullptr;
    QComboBox *m_protocol = nullptr;
    QSpinBox *m_features = nullptr;
    QRadioButton *m_byRows = nullptr;
    QSpinBox *m_rows = nullptr;
    QRadioButton *m_byDuration = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QComboBox *m_scenario = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QCheckBox *m_poisson = nullptr;
    QCheckBox *m_sweep = nullptr;
    QDoubleSpinBox *m_sweepTo = nullptr;
    /// The sweep in flight and the options of its levels (each level's concurrency or rate set on them).
    struct SweepRun
    {
        Core::LoadSweep sweep;
        Core::BenchOptions base;
    };
    std::optional<SweepRun> m_sweepRun;
    QPointer<LoadSweepDialog> m_sweepDialog;
    QDoubleSpinBox *m_warmup = nullptr;
    QSpinBox *m_threads = nullptr;
    QCheckBox *m_pin = nullptr;
    QLineEdit *m_input = nullptr;
    QPushButton *m_browseInput = nullptr;
    QSpinBox *m_seed = nullptr;
    QDoubleSpinBox *m_maxP99 = nullptr;
    QDoubleSpinBox *m_maxErrorRate = nullptr;   ///< 0: none (any failed batch makes the run INVALID)
    QDoubleSpinBox *m_minThroughput = nullptr;
    QLineEdit *m_crossCheck = nullptr;
    QLineEdit *m_tolerance = nullptr;
    QDoubleSpinBox *m_capacityRows = nullptr;
    QLineEdit *m_capacityWithin = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QShortcut *m_startShortcut = nullptr;
    QShortcut *m_startEnterShortcut = nullptr;
    QShortcut *m_stopShortcut = nullptr;
    QShortcut *m_stopDotShortcut = nullptr;

    QLabel *m_stageLabel = nullptr;
    QLabel *m_verdictLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_reasonsLabel = nullptr;
    BenchChart *m_chart = nullptr;
    LatencyHistogramChart *m_histogram = nullptr;
    QTableView *m_historyView = nullptr;
    QLineEdit *m_historyFilter = nullptr;
    QLabel *m_historyCount = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_trendButton = nullptr;
    QPointer<RunTrendDialog> m_trend;
    QPushButton *m_deleteButton = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_sweepAction = nullptr;
    QPointer<LoadSweepDialog> m_pastSweepDialog;   ///< a sweep drawn from the history (showSelectedSweep())

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_resultSplitter = nullptr;
    QSplitter *m_chartSplitter = nullptr;
    bool m_closeRequested = false;    // prepareToClose() is waiting for the run to stop
    bool m_splittersRestored = false; // sizes saved by the user, or the defaults applied at the first show
    QString m_status;
    bool m_statusProblem = false;
    QString m_shownVerdict;      // the verdict shown (its colour follows the palette)
    bool m_warmupEdited = false; // the user set a warm-up: scenario changes keep it
};

} // namespace Opsdeck::Gui
