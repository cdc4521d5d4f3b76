#include "scoringpage.h"

#include "benchchart.h"
#include "benchrunner.h"
#include "common/logging.h"
#include "latencyhistogramchart.h"
#include "loadsweepdialog.h"
#include "question.h"
#include "resources.h"
#include "runcomparedialog.h"
#include "runtrenddialog.h"
#include "scoring/benchhistorymodel.h"
#include "scoring/capacityplan.h"
#include "scoring/pluginregistry.h"
#include "scoring/remoteaccess.h"
#include "serviceconfigeditor.h"
#include "tablecopy.h"
#include "theme.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QItemSelectionModel>
#include <QtCore/QSettings>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>
#include <algorithm>
#include <utility>
#include <limits>

namespace Opsdeck::Gui {

/// The history table's sorting proxy, which also filters: a run is shown when every word of the filter is in
/// one of its cells as shown (backend, model, scenario, verdict, the start time), case-insensitively, and no word
/// written with a leading minus is ("linear -invalid": the VALID runs of linear; "valid" alone is in both verdicts).
class HistoryFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString &text)
    {
        QStringList wanted;
        QStringList unwanted;
        for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
            if (word.size() > 1 && word.startsWith(u'-'))
                unwanted.append(word.mid(1));
            else
                wanted.append(word);
        }
        if (wanted == m_wanted && unwanted == m_unwanted)
            return;
        m_wanted = wanted;
        m_unwanted = unwanted;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_wanted.isEmpty() && m_unwanted.isEmpty())
            return true;
        const QAbstractItemModel *model = sourceModel();
        QString cells;
        for (int column = 0; column < model->columnCount(sourceParent); ++column)
            cells += model->index(sourceRow, column, sourceParent).data().toString() + u'\n';
        const auto in = [&cells](const QString &word) { return cells.contains(word, Qt::CaseInsensitive); };
        return std::all_of(m_wanted.cbegin(), m_wanted.cend(), in) &&
               std::none_of(m_unwanted.cbegin(), m_unwanted.cend(), in);
    }

private:
    QStringList m_wanted;
    QStringList m_unwanted;
};

namespace {

const QString mainSplitterKey = QStringLiteral("scoring/mainSplitter");
const QString resultSplitterKey = QStringLiteral("scoring/resultSplitter");
const QString chartSplitterKey = QStringLiteral("scoring/chartSplitter");
const QString exportDirKey = QStringLiteral("scoring/exportFolder");
const QString formGroup = QStringLiteral("scoring/form");   // the form as it was when the last run started
const QString linearId = QStringLiteral("linear");

QString milliseconds(double v)
{
    return QLocale().toString(v, 'f', v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3);
}

QString grouped(double v)
{
    return QLocale().toString(v, 'f', 0);
}

// A label whose mnemonic moves the focus to `buddy`.
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// The export dialog: the suffix it adds to a bare name follows the chosen filter, before its own check for an
// existing file (the widget-based dialog checks in accept(); native ones get the suffix as the filter changes).
class ExportDialog final : public QFileDialog
{
public:
    /// `csvFirst`: CSV is offered first and selected (several runs: a spreadsheet's rows).
    ExportDialog(QWidget *parent, const QString &title, const QString &suggested, QString jsonFilter,
                 QString csvFilter, bool csvFirst = false)
        : QFileDialog(parent, title, suggested,
                      csvFirst ? csvFilter + QStringLiteral(";;") + jsonFilter
                               : jsonFilter + QStringLiteral(";;") + csvFilter),
          m_jsonFilter(std::move(jsonFilter)), m_csvFilter(std::move(csvFilter))
    {
        setObjectName(QStringLiteral("exportDialog"));
        setAcceptMode(QFileDialog::AcceptSave);
        setFileMode(QFileDialog::AnyFile);
        const QString first = csvFirst ? m_csvFilter : m_jsonFilter;
        selectNameFilter(first);
        followFilter(first);
        selectFile(suggested);
        connect(this, &QFileDialog::filterSelected, this, &ExportDialog::followFilter);
    }

    void accept() override
    {
        followFilter(selectedNameFilter());
        QFileDialog::accept();
    }

private:
    void followFilter(const QString &filter)
    {
        setDefaultSuffix(filter == m_csvFilter ? QStringLiteral("csv") : QStringLiteral("json"));
    }

    QString m_jsonFilter;
    QString m_csvFilter;
};

// Runs that measured something go to the history, finished or stopped; a run that could not start has
// nothing to keep (its error is in the banner).
bool keepsInHistory(const Core::BenchReport &report)
{
    return report.startedAt.isValid() && !report.failure;
}

} // namespace

ScoringPage::ScoringPage(QWidget *parent)
    : Page(parent), m_registry(std::make_unique<Core::PluginRegistry>()), m_runner(new BenchRunner(this)),
      m_historyModel(new Core::BenchHistoryModel(Core::BenchHistory::defaultPath(),
                                                 Core::BenchHistoryModel::Read::Later, this)),
      m_historyProxy(new HistoryFilterProxy(this))
{
    setObjectName(QStringLiteral("scoringPage"));
    // Load every plugin now, so that the ones that cannot load are shown as such before anyone picks them.
    m_registry->loadAll();

    QWidget *form = createForm();
    QWidget *history = createHistory();

    m_stageLabel = new QLabel(this);
    m_stageLabel->setObjectName(QStringLiteral("stageLabel"));
    m_stageLabel->setTextFormat(Qt::PlainText);
    m_stageLabel->setWordWrap(true);
    m_stageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    m_verdictLabel->setTextFormat(Qt::PlainText);
    QFont verdictFont = m_verdictLabel->font();
    verdictFont.setBold(true);
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.4);
    m_verdictLabel->setFont(verdictFont);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reasonsLabel = new QLabel(this);
    m_reasonsLabel->setObjectName(QStringLiteral("reasonsLabel"));
    m_reasonsLabel->setTextFormat(Qt::PlainText);
    m_reasonsLabel->setWordWrap(true);
    m_reasonsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_chart = new BenchChart(this);
    m_histogram = new LatencyHistogramChart(this);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->setObjectName(QStringLiteral("scoringChartSplitter"));
    charts->setChildrenCollapsible(false);
    charts->addWidget(m_chart);
    charts->addWidget(m_histogram);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);

    auto *results = new QSplitter(Qt::Vertical, this);
    results->setObjectName(QStringLiteral("scoringResultSplitter"));
    results->setChildrenCollapsible(false);
    results->addWidget(charts);
    results->addWidget(history);
    results->setStretchFactor(0, 3);
    results->setStretchFactor(1, 2);

    auto *verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_verdictLabel);
    verdictRow->addWidget(m_summaryLabel, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_stageLabel);
    rightLayout->addLayout(verdictRow);
    rightLayout->addWidget(m_reasonsLabel);
    rightLayout->addWidget(results, 1);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("scoringMainSplitter"));
    main->setChildrenCollapsible(false);
    main->addWidget(form);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(main, 1);

    QSettings settings;
    m_mainSplitter = main;
    m_resultSplitter = results;
    m_chartSplitter = charts;
    m_splittersRestored = main->restoreState(settings.value(mainSplitterKey).toByteArray()) &&
                          results->restoreState(settings.value(resultSplitterKey).toByteArray()) &&
                          charts->restoreState(settings.value(chartSplitterKey).toByteArray());
    connect(main, &QSplitter::splitterMoved, this,
            [main] { QSettings().setValue(mainSplitterKey, main->saveState()); });
    connect(results, &QSplitter::splitterMoved, this,
            [results] { QSettings().setValue(resultSplitterKey, results->saveState()); });
    connect(charts, &QSplitter::splitterMoved, this,
            [charts] { QSettings().setValue(chartSplitterKey, charts->saveState()); });

    // Keyboard: only while the page is shown (a hidden page's shortcuts do not fire).
    m_startShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    m_startEnterShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    m_stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_stopDotShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period), this);
    for (QShortcut *s : {m_startShortcut, m_startEnterShortcut})
        connect(s, &QShortcut::activated, this, [this] { start(); });
    for (QShortcut *s : {m_stopShortcut, m_stopDotShortcut})
        connect(s, &QShortcut::activated, this, &ScoringPage::stop);

    connect(m_runner, &BenchRunner::stageChanged, this, &ScoringPage::onStage);
    connect(m_runner, &BenchRunner::windowCompleted, m_chart, &BenchChart::addWindow);
    connect(m_runner, &BenchRunner::failed, this, &ScoringPage::onFailed);
    connect(m_runner, &BenchRunner::finished, this, &ScoringPage::onFinished);

    fillBackends();
    restoreForm();
    clearVerdict();
    updateFormState();
    setStatus(tr("No run yet: pick a backend and press Start (Ctrl+Return)"));
    // The history is read on a thread of its own (a long one takes a few hundred milliseconds); what it found
    // damaged is reported when it is done, after the main window has connected issueRaised().
    connect(m_historyModel, &Core::BenchHistoryModel::reading, this, [this](bool running) {
        if (!running)
            reportHistoryProblem();
    });
    m_historyModel->reloadInBackground();
    // Runs that other instances and `opsdeck --batch bench --history` keep show up without F5.
    m_historyModel->setWatching(true);
}

void ScoringPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_splittersRestored)
        return;
    // First show without saved sizes: the form as narrow as it can be, the charts most of the height, and the
    // two charts sharing the width. Done here because only now does the page have its real size.
    m_splittersRestored = true;
    const int formWidth = m_mainSplitter->widget(0)->minimumSizeHint().width();
    m_mainSplitter->setSizes({formWidth, std::max(1, m_mainSplitter->width() - formWidth)});
    const int height = m_resultSplitter->height();
    m_resultSplitter->setSizes({height * 5 / 8, height - height * 5 / 8});
    const int width = m_chartSplitter->width();
    m_chartSplitter->setSizes({width / 2, width - width / 2});
}

ScoringPage::~ScoringPage()
{
    // The run uses plugins from the registry: it must be gone (its thread joined) before the registry is.
    // What it measured is kept, as Stop keeps it.
    if (m_runner->isRunning()) {
        const Core::BenchReport report = m_runner->stopAndWait();
        if (keepsInHistory(report)) {
            if (auto id = m_historyModel->append(report); !id)
                qCWarning(lcGui).noquote() << id.error().message;
        }
    }
    delete m_runner;
}

QString ScoringPage::closeQuestion() const
{
    return m_runner->isRunning() ? tr("A benchmark is running. Stop the run and keep what was measured?")
                                 : QString();
}

bool ScoringPage::prepareToClose()
{
    if (!m_runner->isRunning())
        return true;
    // Not waited for here: the window stays responsive (and shows this status) until onFinished() has kept
    // the report, then it closes.
    m_closeRequested = true;
    stop();
    return false;
}

QString ScoringPage::historyProblem() const
{
    QStringList problems;
    if (!m_historyModel->readError().isEmpty())
        problems.append(m_historyModel->readError());
    if (m_historyModel->skippedLines() > 0)
        problems.append(tr("%n damaged entries skipped in %1", nullptr, m_historyModel->skippedLines())
                            .arg(QDir::toNativeSeparators(std::as_const(*m_historyModel).history().path())));
    return problems.join(u'\n');
}

void ScoringPage::reportHistoryProblem()
{
    if (const QString problem = historyProblem(); !problem.isEmpty()) {
        setStatus(problem, true);
        Q_EMIT issueRaised(problem);
    }
}

QWidget *ScoringPage::createForm()
{
    auto *panel = new QWidget(this);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);

    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("scoringForm"));
    auto *form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_backend = new QComboBox(m_form);
    m_backend->setObjectName(QStringLiteral("backend"));
    m_backend->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_backend->setMinimumContentsLength(16);
    form->addRow(buddyLabel(tr("&Backend:"), m_backend, m_form), m_backend);

    m_model = new QLineEdit(m_form);
    m_model->setObjectName(QStringLiteral("modelFile"));
    m_model->setClearButtonEnabled(true);
    m_model->setPlaceholderText(tr("empty: the backend's default"));
    m_model->setToolTip(tr("The model file the backend loads (linear: JSON or CSV weights; empty: synthetic)"));
    m_browseModel = new QPushButton(icon(QStringLiteral("folder")), tr("Browse…"), m_form);
    m_browseModel->setObjectName(QStringLiteral("browseModel"));
    m_browseModel->setToolTip(tr("Choose the model file"));
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(m_model, 1);
    modelRow->addWidget(m_browseModel);
    form->addRow(buddyLabel(tr("&Model file:"), m_model, m_form), modelRow);

    m_endpoints = new QPlainTextEdit(m_form);
    m_endpoints->setObjectName(QStringLiteral("endpoints"));
    m_endpoints->setPlaceholderText(
        tr("Remote backends: one URL or profile endpoint name per line\nhttp://host:8099/score"));
    m_endpoints->setTabChangesFocus(true);
    m_endpoints->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_endpoints->setFixedHeight(fontMetrics().lineSpacing() * 4 + 2 * m_endpoints->frameWidth() + 8);
    m_endpoints->setToolTip(tr("The scoring endpoints of a remote backend, one URL or profile endpoint name per "
                               "line (filled from the profile's scoring endpoints, whose authentication and TLS "
                               "settings apply)"));
    form->addRow(buddyLabel(tr("E&ndpoints:"), m_endpoints, m_form), m_endpoints);

    m_protocol = new QComboBox(m_form);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(tr("float32 (binary)"), QStringLiteral("float32"));
    m_protocol->addItem(tr("JSON"), QStringLiteral("json"));
    form->addRow(buddyLabel(tr("Pr&otocol:"), m_protocol, m_form), m_protocol);

    m_features = new QSpinBox(m_form);
    m_features->setObjectName(QStringLiteral("features"));
    m_features->setRange(0, Core::maxFeatures);
    m_features->setSpecialValueText(tr("model's"));
    m_features->setToolTip(tr("Input columns per row; synthetic models and data take 100 unless set"));
    form->addRow(buddyLabel(tr("Feat&ures:"), m_features, m_form), m_features);

    m_byRows = new QRadioButton(tr("&Rows:"), m_form);
    m_byRows->setObjectName(QStringLiteral("byRows"));
    m_rows = new QSpinBox(m_form);
    m_rows->setObjectName(QStringLiteral("rows"));
    m_rows->setRange(0, std::numeric_limits<int>::max());
    m_rows->setSingleStep(100000);
    m_rows->setGroupSeparatorShown(true);
    m_rows->setSpecialValueText(tr("default"));
    m_rows->setAccessibleName(tr("Rows to score"));
    m_rows->setToolTip(tr("Rows to score; default 2,000,000 in process, 20,000 remote"));
    m_byDuration = new QRadioButton(tr("&Duration:"), m_form);
    m_byDuration->setObjectName(QStringLiteral("byDuration"));
    m_duration = new QDoubleSpinBox(m_form);
    m_duration->setObjectName(QStringLiteral("duration"));
    m_duration->setRange(0.5, 7 * 24 * 3600);
    m_duration->setDecimals(1);
    m_duration->setValue(10);
    m_duration->setSuffix(tr(" s"));
    m_duration->setAccessibleName(tr("Seconds to run"));
    auto *amount = new QButtonGroup(m_form);
    amount->addButton(m_byRows);
    amount->addButton(m_byDuration);
    m_byRows->setChecked(true);
    form->addRow(m_byRows, m_rows);
    form->addRow(m_byDuration, m_duration);

    m_batchSize = new QSpinBox(m_form);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_batchSize->setRange(0, 10'000'000);
    m_batchSize->setSingleStep(1000);
    m_batchSize->setGroupSeparatorShown(true);
    m_batchSize->setSpecialValueText(tr("default"));
    m_batchSize->setToolTip(tr("Rows per batch; default 10,000 in process, 1,000 remote"));
    form->addRow(buddyLabel(tr("Batch si&ze:"), m_batchSize, m_form), m_batchSize);

    m_scenario = new QComboBox(m_form);
    m_scenario->setObjectName(QStringLiteral("scenario"));
    // The same names as the history table and the comparison show.
    m_scenario->addItem(Core::scenarioLabel(QStringLiteral("offline")), int(Core::Scenario::Offline));
    m_scenario->addItem(Core::scenarioLabel(QStringLiteral("concurrency")), int(Core::Scenario::Concurrency));
    m_scenario->addItem(Core::scenarioLabel(QStringLiteral("rate")), int(Core::Scenario::Rate));
    m_scenario->setItemData(0, tr("Every row as fast as possible"), Qt::ToolTipRole);
    m_scenario->setItemData(1, tr("Closed loop: a fixed number of batches outstanding"), Qt::ToolTipRole);
    m_scenario->setItemData(2, tr("Open loop: batches sent on a schedule, whatever the answers do"),
                            Qt::ToolTipRole);
    form->addRow(buddyLabel(tr("Sc&enario:"), m_scenario, m_form), m_scenario);

    m_concurrency = new QSpinBox(m_form);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(1, 100'000);
    m_concurrency->setValue(4);
    form->addRow(buddyLabel(tr("Co&ncurrency:"), m_concurrency, m_form), m_concurrency);

    m_rate = new QDoubleSpinBox(m_form);
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setRange(0.01, 1'000'000);
    m_rate->setDecimals(2);
    m_rate->setValue(100);
    m_rate->setSuffix(tr(" batches/s"));
    m_poisson = new QCheckBox(tr("Poisson arriva&ls"), m_form);
    m_poisson->setObjectName(QStringLiteral("poisson"));
    m_poisson->setToolTip(tr("Random (exponential) gaps between batches instead of a fixed interval"));
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rate, 1);
    rateRow->addWidget(m_poisson);
    form->addRow(buddyLabel(tr("R&ate:"), m_rate, m_form), rateRow);

    // A load sweep: the concurrency or rate above, doubled run after run up to this one.
    m_sweep = new QCheckBox(tr("×&2 up to"), m_form);
    m_sweep->setObjectName(QStringLiteral("sweep"));
    m_sweep->setToolTip(tr("One run per load level: the concurrency or rate above, doubled run after run up to this "
                           "one; the sweep ends early where more load cannot do better (failed batches, p99 above "
                           "Max p99, a rate the service falls behind)"));
    m_sweepTo = new QDoubleSpinBox(m_form);
    m_sweepTo->setObjectName(QStringLiteral("sweepTo"));
    m_sweepTo->setRange(0.01, 1'000'000);
    m_sweepTo->setDecimals(2);
    m_sweepTo->setValue(64);
    m_sweepTo->setAccessibleName(tr("Sweep up to this load"));
    auto *sweepRow = new QHBoxLayout;
    sweepRow->addWidget(m_sweep);
    sweepRow->addWidget(m_sweepTo, 1);
    form->addRow(buddyLabel(tr("Sweep:"), m_sweep, m_form), sweepRow);

    m_warmup = new QDoubleSpinBox(m_form);
    m_warmup->setObjectName(QStringLiteral("warmup"));
    m_warmup->setRange(0, 3600);
    m_warmup->setDecimals(1);
    m_warmup->setSuffix(tr(" s"));
    m_warmup->setValue(Core::defaultWarmupS(Core::Scenario::Offline));
    m_warmup->setToolTip(tr("Seconds of load before the measured part (not counted)"));
    form->addRow(buddyLabel(tr("&Warm-up:"), m_warmup, m_form), m_warmup);

    m_threads = new QSpinBox(m_form);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, 4096);
    m_threads->setSpecialValueText(tr("auto"));
    m_threads->setToolTip(tr("Host threads scoring in process; auto: one per core"));
    m_pin = new QCheckBox(tr("Pin to &CPUs"), m_form);
    m_pin->setObjectName(QStringLiteral("pinThreads"));
    m_pin->setChecked(true);
    m_pin->setToolTip(tr("Worker i runs on the i-th CPU the process may use, when there are enough CPUs; "
                         "unchecked, the scheduler places them (same as --no-pin)"));
    auto *threadsRow = new QHBoxLayout;
    threadsRow->addWidget(m_threads, 1);
    threadsRow->addWidget(m_pin);
    form->addRow(buddyLabel(tr("&Threads:"), m_threads, m_form), threadsRow);

    m_input = new QLineEdit(m_form);
    m_input->setObjectName(QStringLiteral("inputFile"));
    m_input->setClearButtonEnabled(true);
    m_input->setPlaceholderText(tr("empty: synthetic rows"));
    m_input->setToolTip(tr(".npy or .csv rows (text backends: one line per row)"));
    m_browseInput = new QPushButton(icon(QStringLiteral("folder")), tr("Browse…"), m_form);
    m_browseInput->setObjectName(QStringLiteral("browseInput"));
    m_browseInput->setToolTip(tr("Choose the input file"));
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_browseInput);
    form->addRow(buddyLabel(tr("&Input file:"), m_input, m_form), inputRow);

    m_seed = new QSpinBox(m_form);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(42);
    m_seed->setToolTip(tr("Seed of the synthetic rows and of the Poisson schedule: the same seed, the same rows "
                          "(same as --seed)"));
    form->addRow(buddyLabel(tr("Seed:"), m_seed, m_form), m_seed);

    m_maxP99 = new QDoubleSpinBox(m_form);
    m_maxP99->setObjectName(QStringLiteral("maxP99"));
    m_maxP99->setRange(0, 600'000);
    m_maxP99->setDecimals(3);
    m_maxP99->setSuffix(tr(" ms"));
    m_maxP99->setSpecialValueText(tr("none"));
    m_maxP99->setToolTip(tr("INVALID when the p99 latency is above this"));
    m_maxErrorRate = new QDoubleSpinBox(m_form);
    m_maxErrorRate->setObjectName(QStringLiteral("maxErrorRate"));
    m_maxErrorRate->setRange(0, 100);
    m_maxErrorRate->setDecimals(2);
    m_maxErrorRate->setSuffix(tr(" %"));
    m_maxErrorRate->setSpecialValueText(tr("none"));
    m_maxErrorRate->setToolTip(tr("Failed batches tolerated, in % of the measured ones: more make the run INVALID "
                                  "(a breached threshold); none: any failed batch does (same as --max-error-rate)"));
    auto *maxErrorsLabel = new QLabel(tr("max failed"), m_form);
    maxErrorsLabel->setBuddy(m_maxErrorRate);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_maxP99, 1);
    thresholdRow->addWidget(maxErrorsLabel);
    thresholdRow->addWidget(m_maxErrorRate, 1);
    form->addRow(buddyLabel(tr("Max p&99:"), m_maxP99, m_form), thresholdRow);

    m_minThroughput = new QDoubleSpinBox(m_form);
    m_minThroughput->setObjectName(QStringLiteral("minThroughput"));
    m_minThroughput->setRange(0, 1e10);
    m_minThroughput->setDecimals(0);
    m_minThroughput->setGroupSeparatorShown(true);
    m_minThroughput->setSuffix(tr(" rows/s"));
    m_minThroughput->setSpecialValueText(tr("none"));
    m_minThroughput->setToolTip(tr("INVALID when the throughput is below this"));
    form->addRow(buddyLabel(tr("Min throu&ghput:"), m_minThroughput, m_form), m_minThroughput);

    m_crossCheck = new QLineEdit(m_form);
    m_crossCheck->setObjectName(QStringLiteral("crossCheck"));
    m_crossCheck->setClearButtonEnabled(true);
    m_crossCheck->setPlaceholderText(tr("none, e.g. linear,model=weights.json"));
    m_crossCheck->setToolTip(tr("Score the measured rows again with this backend spec, ID[,key=value]… (endpoint= "
                                "may name a scoring endpoint of the profile), and compare the outputs; over "
                                "the tolerance the run is INVALID (same as --compare)"));
    m_tolerance = new QLineEdit(QStringLiteral("1e-5"), m_form);
    m_tolerance->setObjectName(QStringLiteral("tolerance"));
    m_tolerance->setToolTip(tr("A value is over the tolerance when both its absolute and its relative difference "
                               "exceed it (same as --tolerance)"));
    m_tolerance->setMaximumWidth(m_tolerance->fontMetrics().horizontalAdvance(QStringLiteral("0.000001000")));
    auto *toleranceLabel = new QLabel(tr("tolerance"), m_form);
    toleranceLabel->setBuddy(m_tolerance);
    auto *crossCheckRow = new QHBoxLayout;
    crossCheckRow->addWidget(m_crossCheck, 1);
    crossCheckRow->addWidget(toleranceLabel);
    crossCheckRow->addWidget(m_tolerance);
    form->addRow(buddyLabel(tr("Cross-chec&k:"), m_crossCheck, m_form), crossCheckRow);

    m_capacityRows = new QDoubleSpinBox(m_form);
    m_capacityRows->setObjectName(QStringLiteral("capacityRows"));
    m_capacityRows->setRange(0, 1e15);
    m_capacityRows->setDecimals(0);
    m_capacityRows->setGroupSeparatorShown(true);
    m_capacityRows->setSuffix(tr(" rows"));
    m_capacityRows->setSpecialValueText(tr("no plan"));
    m_capacityRows->setToolTip(tr("Capacity plan: the nodes needed to score this many rows within the duration "
                                  "at the measured rows/s per node (same as --capacity-rows)"));
    m_capacityWithin = new QLineEdit(m_form);
    m_capacityWithin->setObjectName(QStringLiteral("capacityWithin"));
    m_capacityWithin->setPlaceholderText(tr("e.g. 15m"));
    m_capacityWithin->setToolTip(tr("Duration: 90s, 15m, 2h, 1d or seconds (same as --capacity-within)"));
    m_capacityWithin->setMaximumWidth(m_capacityWithin->fontMetrics().horizontalAdvance(QStringLiteral("e.g. 15m____")));
    auto *withinLabel = new QLabel(tr("within"), m_form);
    withinLabel->setBuddy(m_capacityWithin);
    auto *capacityRow = new QHBoxLayout;
    capacityRow->addWidget(m_capacityRows, 1);
    capacityRow->addWidget(withinLabel);
    capacityRow->addWidget(m_capacityWithin);
    form->addRow(buddyLabel(tr("Capacity plan:"), m_capacityRows, m_form), capacityRow);

    auto *scroll = new QScrollArea(panel);
    scroll->setObjectName(QStringLiteral("scoringFormScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_form->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());

    m_startButton = new QPushButton(icon(QStringLiteral("start")), tr("&Start"), panel);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setToolTip(tr("Start the benchmark (Ctrl+Return)"));
    m_startButton->setDefault(false);
    m_stopButton = new QPushButton(icon(QStringLiteral("stop")), tr("Stop"), panel);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(
        tr("Stop the run: batches in flight complete, the result is INVALID (Esc, Ctrl+.)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton, 1);
    buttons->addWidget(m_stopButton, 1);

    panelLayout->addWidget(scroll, 1);
    panelLayout->addLayout(buttons);

    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        m_backend->setToolTip(m_backend->currentData(Qt::ToolTipRole).toString());
        updateFormState();
    });
    connect(m_byRows, &QRadioButton::toggled, this, &ScoringPage::updateFormState);
    connect(m_crossCheck, &QLineEdit::textChanged, this, &ScoringPage::updateFormState);
    connect(m_sweep, &QCheckBox::toggled, this, &ScoringPage::updateFormState);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_warmupEdited) {
            // The engine's default for the scenario.
            const QSignalBlocker blocker(m_warmup);
            m_warmup->setValue(Core::defaultWarmupS(Core::Scenario(m_scenario->currentData().toInt())));
        }
        updateFormState();
    });
    connect(m_warmup, &QDoubleSpinBox::valueChanged, this, [this] { m_warmupEdited = true; });
    connect(m_browseModel, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Model file"), QFileInfo(m_model->text()).absolutePath(),
            tr("Models (*.json *.csv *.ubj *.bin *.ftz *.model);;All files (*)"));
        if (!path.isEmpty())
            m_model->setText(QDir::toNativeSeparators(path));
    });
    connect(m_browseInput, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Input rows"), QFileInfo(m_input->text()).absolutePath(),
                                         tr("Rows (*.npy *.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            m_input->setText(QDir::toNativeSeparators(path));
    });
    connect(m_startButton, &QPushButton::clicked, this, [this] { start(); });
    connect(m_stopButton, &QPushButton::clicked, this, &ScoringPage::stop);
    return panel;
}

QWidget *ScoringPage::createHistory()
{
    auto *box = new QWidget(this);
    m_historyProxy->setSourceModel(m_historyModel);
    m_historyProxy->setSortRole(Core::BenchHistoryModel::SortRole);
    m_historyView = new QTableView(box);
    m_historyView->setObjectName(QStringLiteral("historyTable"));
    m_historyView->setModel(m_historyProxy);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    addCopyRowsAction(m_historyView, Core::BenchHistoryModel::CopyRole);   // Ctrl+C: the selected runs, as text
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setWordWrap(false);
    m_historyView->setTextElideMode(Qt::ElideMiddle);
    m_historyView->setSortingEnabled(true);
    m_historyView->sortByColumn(Core::BenchHistoryModel::StartedColumn, Qt::DescendingOrder);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setHighlightSections(false);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_historyView->horizontalHeader()->setSectionResizeMode(Core::BenchHistoryModel::ModelColumn,
                                                            QHeaderView::Stretch);
    m_historyView->setAccessibleName(tr("Past runs"));
    m_historyView->setToolTip(
        tr("Past runs, kept on disk. Double-click one to show it (not while a run is going); select one to "
           "export it, "
           "two to compare them."));
    const int column = fontMetrics().averageCharWidth();
    const int padding = column * 3;
    m_historyView->setColumnWidth(Core::BenchHistoryModel::StartedColumn,
                                  fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) +
                                      padding);
    m_historyView->setColumnWidth(Core::BenchHistoryModel::BackendColumn, column * 10);
    m_historyView->setColumnWidth(Core::BenchHistoryModel::ScenarioColumn, column * 13);
    // Counts as the model shows them (Core::compactCount(): "9,999", "12.3 k", "825 M"): sized from the widest
    // such text rather than a count of average characters, which digits outgrow.
    int counts = 0;
    for (double widest : {9'999.0, 99.9e3, 99.9e6, 999e6, 99.9e9})
        counts = std::max(counts, fontMetrics().horizontalAdvance(Core::compactCount(widest)) + padding);
    m_historyView->setColumnWidth(Core::BenchHistoryModel::RowsColumn, counts);
    m_historyView->setColumnWidth(Core::BenchHistoryModel::RowsPerSColumn, counts);
    m_historyView->setColumnWidth(Core::BenchHistoryModel::P99Column, column * 10);
    m_historyView->setColumnWidth(Core::BenchHistoryModel::VerdictColumn, column * 10);
    m_historyView->horizontalHeader()->setMinimumSectionSize(column * 6);

    auto *label = buddyLabel(tr("Run histor&y:"), m_historyView, box);
    label->setToolTip(m_historyView->toolTip());
    m_exportButton = new QPushButton(icon(QStringLiteral("export")), tr("E&xport report…"), box);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Write the selected runs' reports as JSON or CSV (several runs: one CSV row each)"));
    m_compareButton = new QPushButton(icon(QStringLiteral("compare")), tr("Compare…"), box);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("Show the two selected runs side by side"));
    m_trendButton = new QPushButton(icon(QStringLiteral("trend")), tr("Trend…"), box);
    m_trendButton->setObjectName(QStringLiteral("trendButton"));
    m_trendButton->setToolTip(
        tr("Show the throughput and p99 latency of the runs listed over time (filter them to one backend first)"));
    m_trendButton->setEnabled(false);
    m_deleteButton = new QPushButton(icon(QStringLiteral("remove")), tr("Delete…"), box);
    m_deleteButton->setObjectName(QStringLiteral("deleteRunsButton"));
    m_deleteButton->setToolTip(tr("Delete the selected runs from the history (Del)"));
    m_deleteAction = new QAction(icon(QStringLiteral("remove")), tr("Delete…"), m_historyView);
    m_deleteAction->setObjectName(QStringLiteral("deleteRunsAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_historyView->addAction(m_deleteAction);   // in the context menu after Copy
    m_sweepAction = new QAction(icon(QStringLiteral("trend")), tr("Show its load sweep…"), m_historyView);
    m_sweepAction->setObjectName(QStringLiteral("showSweepAction"));
    m_sweepAction->setToolTip(tr("Draw again the load sweep the selected runs were levels of, from its levels in "
                                 "the history; runs of two sweeps: the later one against the earlier"));
    m_sweepAction->setEnabled(false);
    m_historyView->addAction(m_sweepAction);

    m_historyFilter = new QLineEdit(box);
    m_historyFilter->setObjectName(QStringLiteral("historyFilter"));
    m_historyFilter->setClearButtonEnabled(true);
    m_historyFilter->setPlaceholderText(tr("Filter runs (Ctrl+F)"));
    m_historyFilter->setToolTip(tr("Show only the runs with every word typed here in one of their columns "
                                   "(backend, model, scenario, verdict, date); -WORD leaves out the runs with it "
                                   "(-invalid: the VALID runs)"));
    m_historyFilter->setAccessibleName(tr("Filter past runs"));
    m_historyFilter->setMinimumWidth(fontMetrics().horizontalAdvance(m_historyFilter->placeholderText()) +
                                     fontMetrics().averageCharWidth() * 4);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);   // only on this page
    addAction(findAction);
    connect(findAction, &QAction::triggered, this, [this] {
        m_historyFilter->setFocus(Qt::ShortcutFocusReason);
        m_historyFilter->selectAll();
    });
    m_historyCount = new QLabel(box);
    m_historyCount->setObjectName(QStringLiteral("historyCount"));
    m_historyCount->setForegroundRole(QPalette::PlaceholderText);
    m_historyCount->hide();
    const auto updateCount = [this] {
        const int total = m_historyModel->rowCount();
        const int shown = m_historyProxy->rowCount();
        m_historyCount->setVisible(!m_historyFilter->text().trimmed().isEmpty());
        m_historyCount->setText(tr("shown: %1 of %2").arg(shown).arg(total));
        m_trendButton->setEnabled(shown >= 2);
        if (m_trend)
            m_trend->setRuns(shownRuns());   // an open trend follows the table
    };
    connect(m_historyFilter, &QLineEdit::textChanged, this, [this, updateCount](const QString &text) {
        m_historyProxy->setWords(text);
        updateCount();
        updateButtons();   // a selected run the filter hides is not selected any more
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_historyProxy, signal, this, updateCount);
    connect(m_historyProxy, &QAbstractItemModel::modelReset, this, updateCount);
    connect(m_historyProxy, &QAbstractItemModel::layoutChanged, this, updateCount);

    auto *top = new QHBoxLayout;
    top->addWidget(label, 1);
    top->addWidget(m_historyCount);
    top->addWidget(m_historyFilter);
    top->addWidget(m_exportButton);
    top->addWidget(m_compareButton);
    top->addWidget(m_trendButton);
    top->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_historyView, 1);

    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ScoringPage::updateButtons);
    // A reset (the read when the page opens, F5, a compaction) keeps the runs that were selected: found again
    // by id and start time (a compaction moves the ids; a run whose id now names another one is not selected).
    connect(m_historyModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_selectionBeforeReset.clear();
        const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows) {
            const qint64 id = index.data(Core::BenchHistoryModel::IdRole).toLongLong();
            m_selectionBeforeReset.append({id, m_historyModel->entry(m_historyModel->rowOf(id)).startedAt});
        }
    });
    connect(m_historyModel, &QAbstractItemModel::modelReset, this, [this] {
        QItemSelection selection;
        for (const auto &[id, startedAt] : std::exchange(m_selectionBeforeReset, {})) {
            const int row = m_historyModel->rowOf(id);
            if (row < 0 || m_historyModel->entry(row).startedAt != startedAt)
                continue;
            const QModelIndex index = m_historyProxy->mapFromSource(m_historyModel->index(row, 0));
            selection.select(index, index);
        }
        if (!selection.isEmpty()) {
            QItemSelectionModel *selectionModel = m_historyView->selectionModel();
            selectionModel->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            selectionModel->setCurrentIndex(selection.indexes().constFirst(), QItemSelectionModel::NoUpdate);
        }
        updateButtons();
    });
    connect(m_historyView, &QTableView::activated, this,
            [this](const QModelIndex &index) { showRun(index.row()); });
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportSelectedRun(); });
    connect(m_compareButton, &QPushButton::clicked, this, [this] { compareSelectedRuns(); });
    connect(m_trendButton, &QPushButton::clicked, this, [this] { showTrend(); });
    connect(m_deleteButton, &QPushButton::clicked, this, [this] { deleteSelectedRuns(); });
    connect(m_deleteAction, &QAction::triggered, this, [this] { deleteSelectedRuns(); });
    connect(m_sweepAction, &QAction::triggered, this, [this] { showSelectedSweep(); });
    return box;
}

void ScoringPage::fillBackends()
{
    const QString wanted = m_backend->count() > 0 ? m_backend->currentData().toString() : linearId;
    const QSignalBlocker blocker(m_backend);
    m_backend->clear();
    auto *model = qobject_cast<QStandardItemModel *>(m_backend->model());
    const QList<Core::PluginInfo> plugins = m_registry->plugins();
    int select = -1;
    int firstUsable = -1;
    for (const Core::PluginInfo &info : plugins) {
        const bool failed = info.state == Core::PluginInfo::State::Failed;
        const QString id = info.id.isEmpty() ? QFileInfo(info.file).fileName() : info.id;
        m_backend->addItem(failed ? tr("%1 — cannot be used").arg(id) : tr("%1 — %2").arg(id, info.name),
                           info.id);
        const int index = m_backend->count() - 1;
        QStandardItem *item = model ? model->item(index) : nullptr;
        if (failed) {
            // Listed so that a broken installation shows why, but not selectable.
            if (item)
                item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            m_backend->setItemData(index, tr("%1\n%2").arg(QDir::toNativeSeparators(info.file), info.error),
                                   Qt::ToolTipRole);
            continue;
        }
        m_backend->setItemData(index,
                               tr("%1 %2 (%3)\n%4")
                                   .arg(info.name, info.version, info.capabilities.join(u", "),
                                        QDir::toNativeSeparators(info.file)),
                               Qt::ToolTipRole);
        if (firstUsable < 0)
            firstUsable = index;
        if (select < 0 && info.id == wanted)
            select = index;
    }
    m_backend->setCurrentIndex(select >= 0 ? select : firstUsable);
    m_backend->setToolTip(m_backend->currentData(Qt::ToolTipRole).toString());
    if (firstUsable < 0)
        setStatus(tr("No usable model-backend plugin in %1").arg(m_registry->searchPaths().join(u", ")),
                  true);
}

void ScoringPage::setProfile(const Core::Profile &profile)
{
    m_profile = profile;
    QStringList urls;
    for (const Core::ScoringEndpointConfig &endpoint : profile.scoring) {
        if (!endpoint.url.isEmpty())
            urls.append(endpoint.url.toString());
    }
    m_endpoints->setPlainText(urls.join(u'\n'));
    if (!profile.scoring.isEmpty()) {
        const Core::ScoringEndpointConfig &first = profile.scoring.first();
        const int protocol = m_protocol->findData(first.protocol);
        if (protocol >= 0)
            m_protocol->setCurrentIndex(protocol);
        if (m_features->value() == 0 && first.features > 0)
            m_features->setValue(first.features);
    }
    qCDebug(lcGui) << "scoring page: profile" << profile.name << "with" << urls.size() << "endpoint(s)";
}

void ScoringPage::refresh()
{
    m_registry->scan();
    m_registry->loadAll();
    fillBackends();
    m_historyModel->reloadInBackground(); // reports what it found damaged when done
    updateFormState();
}

QString ScoringPage::statusText() const
{
    return m_status;
}

LoadSweepDialog *ScoringPage::sweepDialog() const
{
    return m_sweepDialog;
}

bool ScoringPage::isRunning() const
{
    return m_runner->isRunning();
}

Result<Core::BenchOptions> ScoringPage::options()
{
    const QString id = m_backend->currentIndex() >= 0 ? m_backend->currentData().toString() : QString();
    if (id.isEmpty()) {
        const QList<Core::PluginInfo> plugins = m_registry->plugins();
        const bool usable = std::any_of(plugins.cbegin(), plugins.cend(), [](const Core::PluginInfo &info) {
            return info.state != Core::PluginInfo::State::Failed;
        });
        return fail(ErrorKind::Usage, usable ? tr("Backend: choose one")
                                             : tr("Backend: no usable model-backend plugin was found in %1")
                                                   .arg(m_registry->searchPaths().join(u", ")));
    }
    auto bound = m_registry->bind(id);
    if (!bound)
        return fail(ErrorKind::Usage, tr("Backend: %1").arg(bound.error().message));
    const bool remote = bound->capabilities.contains(QStringLiteral("remote"));

    Core::BenchOptions o;
    o.backend = Core::BackendSpec{};
    o.backend.id = id;
    o.plugin = bound->backend;
    o.inputKind = bound->inputKind;
    o.capabilities = bound->capabilities;
    if (remote) {
        const QStringList lines = m_endpoints->toPlainText().split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QString url = lines.at(i).trimmed();
            if (url.isEmpty())
                continue;
            // A line without "://" names one of the profile's scoring endpoints (resolved below).
            if (const QString problem = Core::isEndpointUrl(url) ? urlProblem(url, false) : QString();
                !problem.isEmpty())
                return fail(ErrorKind::Usage, tr("Endpoints, line %1: %2 (%3)").arg(i + 1).arg(problem, url));
            o.backend.endpoints.append(url);
        }
        if (o.backend.endpoints.isEmpty())
            return fail(ErrorKind::Usage,
                        tr("Endpoints: the %1 backend needs at least one endpoint URL").arg(id));
        o.backend.options.insert(QStringLiteral("protocol"), m_protocol->currentData().toString());
    } else {
        o.backend.modelPath = QDir::fromNativeSeparators(m_model->text().trimmed());
        o.threads = m_threads->value();
        o.pinThreads = m_pin->isChecked();
    }
    if (m_features->isEnabled() && m_features->value() > 0)   // not for text backends
        o.features = m_features->value();
    if (m_byDuration->isChecked())
        o.durationS = m_duration->value();
    else if (m_rows->value() > 0)
        o.rows = m_rows->value();
    if (m_batchSize->value() > 0)
        o.batchSize = m_batchSize->value();
    o.scenario = Core::Scenario(m_scenario->currentData().toInt());
    o.concurrency = m_concurrency->value();
    if (o.scenario == Core::Scenario::Rate) {
        o.rate = m_rate->value();
        o.poisson = m_poisson->isChecked();
    }
    o.warmupS = m_warmup->value();
    o.inputFile = QDir::fromNativeSeparators(m_input->text().trimmed());
    o.seed = quint64(m_seed->value());
    if (m_maxP99->value() > 0)
        o.maxP99Ms = m_maxP99->value();
    if (m_minThroughput->value() > 0)
        o.minThroughput = m_minThroughput->value();
    if (m_maxErrorRate->value() > 0)
        o.maxErrorRatePct = m_maxErrorRate->value();
    if (remote) {
        // Endpoints of the profile (by name, or by the URL the list was filled with) bring their
        // authentication and TLS settings, as on the command line.
        if (o.features && !o.backend.features)
            o.backend.features = o.features;
        if (auto resolved = Core::resolveProfileEndpoints(o.backend, m_profile, true); !resolved)
            return fail(ErrorKind::Usage, tr("Endpoints: %1").arg(resolved.error().message));
    }
    if (auto checked = crossCheckOptions(o); !checked)
        return fail(checked.error());
    if (auto planned = capacityOptions(o); !planned)
        return fail(planned.error());
    return o;
}

// What the form asked for when the last run started, for the next session. The endpoints and their protocol are
// not kept: they follow the profile (setProfile()).
ScoringPage::FormFields ScoringPage::formFields() const
{
    // The warm-up is not here: it is kept only when the user set it (saveForm()).
    return {{{m_features, "features"}, {m_rows, "rows"}, {m_batchSize, "batchSize"}, {m_concurrency, "concurrency"},
             {m_threads, "threads"}, {m_seed, "seed"}},
            {{m_duration, "duration"}, {m_rate, "rate"}, {m_sweepTo, "sweepTo"}, {m_maxP99, "maxP99"},
             {m_minThroughput, "minThroughput"}, {m_maxErrorRate, "maxErrorRate"}, {m_capacityRows, "capacityRows"}},
            {{m_model, "model"}, {m_input, "input"}, {m_crossCheck, "crossCheck"}, {m_tolerance, "tolerance"},
             {m_capacityWithin, "capacityWithin"}},
            {{m_poisson, "poisson"}, {m_pin, "pin"}, {m_sweep, "sweep"}}};
}

void ScoringPage::saveForm() const
{
    QSettings settings;
    settings.remove(formGroup);
    settings.beginGroup(formGroup);
    settings.setValue(QStringLiteral("backend"), m_backend->currentData());
    settings.setValue(QStringLiteral("scenario"), m_scenario->currentData());
    settings.setValue(QStringLiteral("byDuration"), m_byDuration->isChecked());
    if (m_warmupEdited)   // else the scenario's default, whatever it is then
        settings.setValue(QStringLiteral("warmup"), m_warmup->value());
    const FormFields fields = formFields();
    for (const auto &[box, key] : fields.counts)
        settings.setValue(QLatin1StringView(key), box->value());
    for (const auto &[box, key] : fields.reals)
        settings.setValue(QLatin1StringView(key), box->value());
    for (const auto &[edit, key] : fields.texts)
        settings.setValue(QLatin1StringView(key), edit->text());
    for (const auto &[button, key] : fields.switches)
        settings.setValue(QLatin1StringView(key), button->isChecked());
}

void ScoringPage::restoreForm()
{
    QSettings settings;
    settings.beginGroup(formGroup);
    if (!settings.contains(QStringLiteral("backend")))
        return;   // no run yet: the defaults
    const auto value = [&settings](const char *key) { return settings.value(QLatin1StringView(key)); };
    const auto has = [&settings](const char *key) { return settings.contains(QLatin1StringView(key)); };
    // A backend that is gone or cannot load any more leaves the one fillBackends() chose.
    if (const int index = m_backend->findData(value("backend")); index >= 0) {
        const auto *model = qobject_cast<QStandardItemModel *>(m_backend->model());
        if (!model || (model->item(index)->flags() & Qt::ItemIsEnabled))
            m_backend->setCurrentIndex(index);
    }
    if (const int index = m_scenario->findData(value("scenario")); index >= 0)
        m_scenario->setCurrentIndex(index);   // sets the scenario's default warm-up first
    if (has("warmup"))
        m_warmup->setValue(value("warmup").toDouble());
    const FormFields fields = formFields();
    for (const auto &[box, key] : fields.counts) {
        if (has(key))
            box->setValue(value(key).toInt());   // clamped to the box's range
    }
    for (const auto &[box, key] : fields.reals) {
        if (has(key))
            box->setValue(value(key).toDouble());
    }
    for (const auto &[edit, key] : fields.texts) {
        if (has(key))
            edit->setText(value(key).toString());
    }
    for (const auto &[button, key] : fields.switches) {
        if (has(key))
            button->setChecked(value(key).toBool());
    }
    if (value("byDuration").toBool())
        m_byDuration->setChecked(true);
    else
        m_byRows->setChecked(true);
}

Result<void> ScoringPage::crossCheckOptions(Core::BenchOptions &o)
{
    const QString text = m_crossCheck->text().trimmed();
    const QString toleranceText = m_tolerance->text().trimmed();
    if (text.isEmpty())
        return {};
    auto spec = Core::BackendSpec::parse(text);
    if (!spec)
        return fail(ErrorKind::Usage, tr("Cross-check: %1").arg(spec.error().message));
    auto bound = m_registry->bind(spec->id);
    if (!bound)
        return fail(ErrorKind::Usage, tr("Cross-check: %1").arg(bound.error().message));
    // endpoint=NAME: a scoring endpoint of the profile, with its settings, as --compare takes it.
    if (std::any_of(spec->endpoints.cbegin(), spec->endpoints.cend(),
                    [](const QString &e) { return !Core::isEndpointUrl(e); })) {
        if (auto resolved = Core::resolveProfileEndpoints(*spec, m_profile, false); !resolved)
            return fail(ErrorKind::Usage, tr("Cross-check: %1").arg(resolved.error().message));
    }
    // The C locale's "1e-5" and the user's own decimal separator ("0,001") both read.
    bool ok = false;
    double tolerance = QLocale::c().toDouble(toleranceText, &ok);
    if (!ok)
        tolerance = QLocale().toDouble(toleranceText, &ok);
    if (!toleranceText.isEmpty() && (!ok || !std::isfinite(tolerance) || tolerance < 0))
        return fail(ErrorKind::Usage,
                    tr("Cross-check tolerance: '%1' is not a number ≥ 0 (e.g. 1e-5)").arg(toleranceText));
    o.compare = *spec;
    o.comparePlugin = bound->backend;
    o.compareInputKind = bound->inputKind;
    o.compareCapabilities = bound->capabilities;
    if (!toleranceText.isEmpty())
        o.tolerance = tolerance;
    return {};
}

Result<void> ScoringPage::capacityOptions(Core::BenchOptions &o)
{
    const double rows = m_capacityRows->value();
    const QString within = m_capacityWithin->text().trimmed();
    if (rows <= 0 && within.isEmpty())
        return {};
    if (rows <= 0)
        return fail(ErrorKind::Usage, tr("Capacity plan: give the rows to score within %1").arg(within));
    if (within.isEmpty())
        return fail(ErrorKind::Usage, tr("Capacity plan: give the duration to score the rows within (e.g. 15m)"));
    auto seconds = Core::parseDuration(within);
    if (!seconds)
        return fail(ErrorKind::Usage, tr("Capacity plan: %1").arg(seconds.error().message));
    o.capacityRows = qint64(rows);
    o.capacityWithinS = *seconds;
    return {};
}

bool ScoringPage::start()
{
    if (m_runner->isRunning())
        return false;
    auto built = options();
    if (!built) {
        setStatus(tr("Cannot start: %1").arg(built.error().message), true);
        Q_EMIT issueRaised(tr("Scoring: %1").arg(built.error().message));
        return false;
    }
    auto sweep = loadSweep(*built);
    if (!sweep) {
        setStatus(tr("Cannot start: %1").arg(sweep.error().message), true);
        Q_EMIT issueRaised(tr("Scoring: %1").arg(sweep.error().message));
        return false;
    }
    m_chart->clear();
    m_histogram->clear();
    clearVerdict();
    const QString backend = built->backend.id;
    m_sweepRun.reset();
    if (*sweep) {
        m_sweepRun.emplace(SweepRun{std::move(**sweep), *built});
        *built = m_sweepRun->sweep.options(m_sweepRun->base, 0);
    }
    if (!m_runner->start(std::move(*built))) {
        m_sweepRun.reset();
        return false;
    }
    saveForm();
    if (m_sweepRun) {
        if (!m_sweepDialog)
            m_sweepDialog = new LoadSweepDialog(this);
        m_sweepDialog->setSweep(m_sweepRun->sweep);
        m_sweepDialog->show();
        m_sweepDialog->raise();
        setStatus(tr("Starting a sweep of %1…").arg(backend));
    } else {
        setStatus(tr("Starting %1…").arg(backend));
    }
    updateFormState();
    return true;
}

Result<std::optional<Core::LoadSweep>> ScoringPage::loadSweep(const Core::BenchOptions &o) const
{
    if (!m_sweep->isChecked() || o.scenario == Core::Scenario::Offline)
        return std::optional<Core::LoadSweep>();
    const bool concurrency = o.scenario == Core::Scenario::Concurrency;
    const double from = concurrency ? double(o.concurrency) : o.rate;
    const double to = m_sweepTo->value();
    if (to <= from)
        return fail(ErrorKind::Usage, concurrency ? tr("Sweep: up to %1 is not above the concurrency %2")
                                                        .arg(QLocale().toString(to), QLocale().toString(from))
                                                  : tr("Sweep: up to %1 is not above the rate %2")
                                                        .arg(QLocale().toString(to), QLocale().toString(from)));
    if (concurrency && to != std::floor(to))
        return fail(ErrorKind::Usage,
                    tr("Sweep: up to %1 is not a whole number of batches").arg(QLocale().toString(to)));
    if (o.compare)
        return fail(ErrorKind::Usage,
                    tr("Sweep: a cross-check does not depend on the load; clear Cross-check or run without a sweep"));
    return std::optional<Core::LoadSweep>(std::in_place, o.scenario, Core::doublingLevels(from, to));
}

void ScoringPage::stop()
{
    if (!m_runner->isRunning() || m_runner->isStopping())
        return;
    m_runner->stop();
    setStatus(tr("Stopping: batches in flight complete first…"));
    updateButtons();
}

void ScoringPage::onStage(const QString &stage)
{
    if (m_runner->isStopping())
        return;
    if (m_sweepRun) {
        const Core::LoadSweep &sweep = m_sweepRun->sweep;
        setStatus(tr("Sweep, %1 (%2 of %3): %4")
                      .arg(sweep.levelName(sweep.levels().at(sweep.next())))
                      .arg(sweep.next() + 1)
                      .arg(sweep.levels().size())
                      .arg(stage));
    } else {
        setStatus(tr("Running: %1").arg(stage));
    }
}

void ScoringPage::onFailed(const Error &error)
{
    setStatus(tr("Failed: %1").arg(error.message), true);
    Q_EMIT issueRaised(tr("Benchmark failed: %1").arg(error.message));
}

void ScoringPage::onFinished(const Core::BenchReport &report)
{
    m_lastReport = report;
    showReport(report);
    if (keepsInHistory(report)) {
        auto id = m_historyModel->append(report);
        if (!id) {
            Q_EMIT issueRaised(tr("The run could not be added to the history: %1").arg(id.error().message));
        } else {
            const int row = m_historyModel->rowOf(*id);
            const QModelIndex index = m_historyProxy->mapFromSource(m_historyModel->index(row, 0));
            if (index.isValid()) {
                m_historyView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
                m_historyView->scrollTo(index);
            }
        }
        if (report.stopped)
            setStatus(tr("Stopped after %1 rows: %2").arg(QLocale().toString(report.rows), report.verdict));
        else
            setStatus(tr("Finished: %1, %2 rows/s, p99 %3 ms")
                          .arg(report.verdict, grouped(report.rowsPerS), milliseconds(report.latency.p99)),
                      report.verdict != u"VALID");
    }
    if (m_sweepRun)
        continueSweep(report);
    updateFormState();
    Q_EMIT runFinished(report);
    if (std::exchange(m_closeRequested, false))
        Q_EMIT readyToClose();
}

void ScoringPage::continueSweep(const Core::BenchReport &report)
{
    Core::LoadSweep &sweep = m_sweepRun->sweep;
    sweep.add(report);
    if (m_sweepDialog)
        m_sweepDialog->setSweep(sweep);
    // A window that is closing stops here: the sweep ended with the stopped level.
    if (!sweep.isDone() && !m_closeRequested) {
        m_chart->clear();
        m_histogram->clear();
        if (m_runner->start(sweep.options(m_sweepRun->base, sweep.next())))
            return;
    }
    // The sweep's conclusion in the verdict area, under the last level's verdict.
    const std::optional<qsizetype> best = sweep.best();
    m_reasonsLabel->setText(sweep.conclusion().trimmed() + u'\n' + m_reasonsLabel->text());
    if (best) {
        const Core::BenchReport &r = sweep.runs().at(*best);
        setStatus(tr("Sweep finished: best %1, %2 rows/s, p99 %3 ms")
                      .arg(sweep.levelName(sweep.levels().at(*best)), grouped(r.rowsPerS),
                           milliseconds(r.latency.p99)));
    } else {
        setStatus(tr("Sweep finished: no level was VALID"), true);
    }
    m_sweepRun.reset();
}

void ScoringPage::showReport(const Core::BenchReport &report)
{
    m_chart->setWindows(report.windows);
    if (report.failure)
        m_histogram->clear();
    else
        m_histogram->setHistogram(report.latencyBuckets, report.latency);
    showVerdict(report);
}

void ScoringPage::showVerdict(const Core::BenchReport &report)
{
    m_shownVerdict = report.verdict;
    m_verdictLabel->setText(report.verdict);
    m_verdictLabel->setAccessibleName(tr("Verdict: %1").arg(report.verdict));
    applyColours();
    m_verdictLabel->show();
    if (report.failure) {
        m_summaryLabel->setText(
            tr("%1 · %2: the run could not be set up").arg(report.backend, Core::scenarioLabel(report.scenario)));
    } else {
        m_summaryLabel->setText(
            tr("%1 · %2 · %3 rows/s · p50 %4 ms · p99 %5 ms · max %6 ms · %7 rows in %8 s · %9 errors")
                .arg(report.backend, Core::scenarioLabel(report.scenario), grouped(report.rowsPerS),
                     milliseconds(report.latency.p50), milliseconds(report.latency.p99),
                     milliseconds(report.latency.max), QLocale().toString(report.rows),
                     QLocale().toString(report.durationS, 'f', 2))
                .arg(QLocale().toString(report.errors)));
    }
    m_summaryLabel->setToolTip(report.model);
    QStringList lines;
    for (const QString &reason : report.reasons)
        lines.append(tr("• %1").arg(reason));
    if (lines.isEmpty())
        lines.append(tr("All checks passed. Stability: %1").arg(report.stabilityDetail));
    if (const QString tolerated = report.toleratedErrors(); !tolerated.isEmpty())
        lines.append(tr("• %1").arg(tolerated));
    if (report.compare) {
        const Core::CompareResult &c = *report.compare;
        lines.append(tr("Cross-check with %1: %2 rows, max |Δ| %3, max relative %4, %5 values over the tolerance %6")
                         .arg(c.backend, QLocale().toString(c.rows), QLocale().toString(c.maxAbsDiff, 'g', 3),
                              QLocale().toString(c.maxRelDiff, 'g', 3), QLocale().toString(c.overTolerance),
                              QLocale().toString(c.tolerance, 'g', 6)));
    }
    for (const QString &endpoint : report.endpointSummaries())
        lines.append(tr("Endpoint %1").arg(endpoint));
    if (report.capacity)
        lines.append(tr("Capacity: %1").arg(report.capacity->summary()));
    else if (!report.capacityError.isEmpty())
        lines.append(tr("Capacity: no plan: %1").arg(report.capacityError));
    m_reasonsLabel->setText(lines.join(u'\n'));
    m_reasonsLabel->show();
}

void ScoringPage::clearVerdict()
{
    m_shownVerdict.clear();
    m_verdictLabel->clear();
    m_verdictLabel->hide();
    m_summaryLabel->clear();
    m_reasonsLabel->clear();
    m_reasonsLabel->hide();
}

void ScoringPage::updateFormState()
{
    const bool running = m_runner->isRunning();
    m_form->setEnabled(!running);
    const Core::PluginInfo *info = m_registry->find(m_backend->currentData().toString());
    const bool remote = info && info->capabilities.contains(QStringLiteral("remote"));
    m_model->setEnabled(!remote);
    m_browseModel->setEnabled(!remote);
    m_threads->setEnabled(!remote);
    m_pin->setEnabled(!remote);
    // Text backends score lines, not columns.
    m_features->setEnabled(!(info && info->inputKind == u"text"));
    m_endpoints->setEnabled(remote);
    m_protocol->setEnabled(remote);
    m_rows->setEnabled(m_byRows->isChecked());
    m_duration->setEnabled(m_byDuration->isChecked());
    const auto scenario = Core::Scenario(m_scenario->currentData().toInt());
    m_concurrency->setEnabled(scenario == Core::Scenario::Concurrency);
    m_rate->setEnabled(scenario == Core::Scenario::Rate);
    m_poisson->setEnabled(scenario == Core::Scenario::Rate);
    m_sweep->setEnabled(scenario != Core::Scenario::Offline);
    m_sweepTo->setEnabled(scenario != Core::Scenario::Offline && m_sweep->isChecked());
    m_tolerance->setEnabled(!m_crossCheck->text().trimmed().isEmpty());
    updateButtons();
}

void ScoringPage::updateButtons()
{
    const bool running = m_runner->isRunning();
    const bool canStart = !running && m_backend->currentIndex() >= 0;
    m_startButton->setEnabled(canStart);
    m_startShortcut->setEnabled(canStart);
    m_startEnterShortcut->setEnabled(canStart);
    const bool canStop = running && !m_runner->isStopping();
    m_stopButton->setEnabled(canStop);
    m_stopShortcut->setEnabled(canStop);
    m_stopDotShortcut->setEnabled(canStop);
    const qsizetype selected = selectedRows().size();
    m_exportButton->setEnabled(selected >= 1);
    m_compareButton->setEnabled(selected == 2);
    m_deleteButton->setEnabled(selected > 0);
    m_deleteAction->setEnabled(selected > 0);
    const qsizetype sweeps = selectedSweepIds().size();
    m_sweepAction->setEnabled(sweeps == 1 || sweeps == 2);
    m_sweepAction->setText(sweeps == 2 ? tr("Compare their load sweeps…") : tr("Show its load sweep…"));
}

QStringList ScoringPage::selectedSweepIds() const
{
    // Oldest first: the earlier sweep is the baseline of a comparison.
    QList<Core::BenchHistoryEntry> entries;
    for (const int row : selectedRows()) {
        const Core::BenchHistoryEntry entry =
            m_historyModel->entry(m_historyProxy->mapToSource(m_historyProxy->index(row, 0)).row());
        if (entry.sweepId.isEmpty())
            return {};
        entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(), [](const Core::BenchHistoryEntry &a, const Core::BenchHistoryEntry &b) {
        return a.startedAt < b.startedAt;
    });
    QStringList ids;
    for (const Core::BenchHistoryEntry &entry : std::as_const(entries)) {
        if (!ids.contains(entry.sweepId))
            ids.append(entry.sweepId);
    }
    return ids;
}

Result<Core::LoadSweep> ScoringPage::sweepFromHistory(const QString &id) const
{
    // Its levels, whatever the filter shows (the table may hide some of them).
    QList<Core::BenchReport> levels;
    for (int row = 0; row < m_historyModel->rowCount(); ++row) {
        if (m_historyModel->entry(row).sweepId != id)
            continue;
        auto report = m_historyModel->report(row);
        if (!report)
            return tl::unexpected(report.error());
        levels.append(*report);
    }
    return Core::LoadSweep::fromRuns(std::move(levels));
}

LoadSweepDialog *ScoringPage::showSelectedSweep()
{
    const QStringList ids = selectedSweepIds();
    if (ids.isEmpty() || ids.size() > 2) {
        setStatus(tr("Select runs of one load sweep to show it, or of two to compare them"));
        return nullptr;
    }
    if (ids.size() == 1 && m_sweepRun && m_sweepRun->sweep.id() == ids.first() && m_sweepDialog) {
        m_sweepDialog->show();
        m_sweepDialog->raise();
        m_sweepDialog->activateWindow();
        return m_sweepDialog;
    }
    QList<Core::LoadSweep> sweeps;
    for (const QString &id : ids) {
        auto sweep = sweepFromHistory(id);
        if (!sweep) {
            setStatus(tr("Cannot show the load sweep: %1").arg(sweep.error().message), true);
            return nullptr;
        }
        sweeps.append(std::move(*sweep));
    }
    std::optional<Core::SweepComparison> comparison;
    if (sweeps.size() == 2) {
        auto compared = Core::SweepComparison::compare(sweeps.at(0), sweeps.at(1));
        if (!compared) {
            setStatus(tr("Cannot compare the load sweeps: %1").arg(compared.error().message), true);
            return nullptr;
        }
        comparison = std::move(*compared);
    }
    // A window of its own each time: a comparison's baseline stays in the charts it was drawn into.
    if (m_pastSweepDialog)
        m_pastSweepDialog->close();
    m_pastSweepDialog = new LoadSweepDialog(this);
    m_pastSweepDialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto started = [](const Core::LoadSweep &sweep) {
        return sweep.startedAt().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    if (comparison) {
        m_pastSweepDialog->setComparison(*comparison);
        setStatus(tr("Comparing the load sweep of %1 with that of %2")
                      .arg(started(comparison->b()), started(comparison->a())));
    } else {
        m_pastSweepDialog->setSweep(sweeps.constFirst());
        setStatus(tr("Showing the load sweep of %1: %2 levels")
                      .arg(started(sweeps.constFirst()))
                      .arg(sweeps.constFirst().runs().size()));
    }
    m_pastSweepDialog->show();
    m_pastSweepDialog->raise();
    m_pastSweepDialog->activateWindow();
    return m_pastSweepDialog;
}

bool ScoringPage::deleteSelectedRuns()
{
    const QList<int> viewRows = selectedRows();
    if (viewRows.isEmpty())
        return false;
    const int answer = ask(this, QStringLiteral("deleteRunsQuestion"), tr("Delete runs"),
                           viewRows.size() == 1
                               ? tr("Delete the selected run from the history?")
                               : tr("Delete the %1 selected runs from the history?").arg(viewRows.size()),
                           tr("Deleted runs cannot be restored; export a run first to keep its report."),
                           {{tr("&Delete"), QStringLiteral("confirmDeleteButton"), QMessageBox::DestructiveRole}, {}},
                           1, 1);
    if (answer != 0)
        return false;
    QList<int> rows;
    for (int viewRow : viewRows)
        rows.append(m_historyProxy->mapToSource(m_historyProxy->index(viewRow, 0)).row());
    if (auto removed = m_historyModel->removeEntries(rows); !removed) {
        setStatus(tr("Not deleted: %1").arg(removed.error().message), true);
        Q_EMIT issueRaised(tr("Runs not deleted: %1").arg(removed.error().message));
        return false;
    }
    setStatus(rows.size() == 1 ? tr("Deleted 1 run from the history")
                               : tr("Deleted %1 runs from the history").arg(rows.size()));
    updateButtons();
    return true;
}

QList<int> ScoringPage::selectedRows() const
{
    QList<int> rows;
    if (!m_historyView || !m_historyView->selectionModel())
        return rows;
    const QModelIndexList indexes = m_historyView->selectionModel()->selectedRows();
    for (const QModelIndex &index : indexes)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

Result<void> ScoringPage::exportRun(int viewRow, const QString &path)
{
    const QModelIndex index = m_historyProxy->index(viewRow, 0);
    if (!index.isValid())
        return fail(ErrorKind::Failed, tr("%1: no run in row %2").arg(m_historyModel->history().path()).arg(viewRow));
    return exportEntry(index.data(Core::BenchHistoryModel::IdRole).toLongLong(), path);
}

Result<void> ScoringPage::exportEntry(qint64 id, const QString &path, const Core::BenchHistoryEntry *expected)
{
    const QList<Core::BenchHistoryEntry> entries = expected ? QList{*expected} : QList<Core::BenchHistoryEntry>();
    return exportEntries({id}, path, expected ? &entries : nullptr);
}

Result<void> ScoringPage::exportEntries(const QList<qint64> &ids, const QString &path,
                                        const QList<Core::BenchHistoryEntry> *expected)
{
    QList<Core::BenchReport> reports;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const int row = m_historyModel->rowOf(ids.at(i));
        const auto moved = [&] {
            const Core::BenchHistoryEntry now = m_historyModel->entry(row);
            const Core::BenchHistoryEntry &was = expected->at(i);
            return now.startedAt != was.startedAt || now.backend != was.backend || now.model != was.model;
        };
        if (row < 0 || (expected && moved()))
            return fail(ErrorKind::Failed, tr("%1: the run is no longer in the history").arg(path));
        auto report = m_historyModel->report(row);
        if (!report)
            return tl::unexpected(report.error());
        reports.append(std::move(*report));
    }
    return Core::writeReports(path, reports);
}

bool ScoringPage::exportSelectedRun()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        setStatus(tr("Select the runs to export"));
        return false;
    }
    // The entries, not their rows: a run finishing while the dialog is open adds a row above them.
    QList<Core::BenchHistoryEntry> entries;
    for (int viewRow : rows) {
        const qint64 id = m_historyProxy->index(viewRow, 0).data(Core::BenchHistoryModel::IdRole).toLongLong();
        entries.append(m_historyModel->entry(m_historyModel->rowOf(id)));
    }
    std::sort(entries.begin(), entries.end(), [](const Core::BenchHistoryEntry &a, const Core::BenchHistoryEntry &b) {
        return a.startedAt < b.startedAt;
    });
    QList<qint64> ids;
    for (const Core::BenchHistoryEntry &entry : std::as_const(entries))
        ids.append(entry.id);
    const QString folder =
        QSettings()
            .value(exportDirKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString jsonFilter = tr("JSON report (*.json)");
    const QString csvFilter = tr("CSV report (*.csv)");
    const auto stamp = [](const Core::BenchHistoryEntry &e) {
        return e.startedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    };
    const bool several = entries.size() > 1;
    const QString suggested =
        folder + u'/' +
        (several ? QStringLiteral("bench-%1-runs-%2-%3.csv")
                       .arg(QString::number(entries.size()), stamp(entries.constFirst()), stamp(entries.constLast()))
                 : QStringLiteral("bench-%1-%2.json").arg(entries.constFirst().backend, stamp(entries.constFirst())));
    // The dialog adds the suffix itself (setDefaultSuffix), so its overwrite question is about the file that
    // is written. Several runs are offered as CSV first: a spreadsheet's rows.
    ExportDialog dialog(this, several ? tr("Export %1 benchmark reports").arg(entries.size())
                                      : tr("Export benchmark report"),
                        suggested, jsonFilter, csvFilter, several);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    QString path = dialog.selectedFiles().constFirst();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"json" && suffix != u"csv") {
        setStatus(tr("Export failed: %1: the file name must end in .json or .csv").arg(path), true);
        return false;
    }
    if (auto written = exportEntries(ids, path, &entries); !written) {
        setStatus(tr("Export failed: %1").arg(written.error().message), true);
        Q_EMIT issueRaised(tr("Export failed: %1").arg(written.error().message));
        return false;
    }
    QSettings().setValue(exportDirKey, QFileInfo(path).absolutePath());
    setStatus(several ? tr("%1 reports written to %2").arg(entries.size()).arg(QDir::toNativeSeparators(path))
                      : tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

RunCompareDialog *ScoringPage::compareSelectedRuns()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 2) {
        setStatus(tr("Select two runs to compare"));
        return nullptr;
    }
    QList<Core::BenchReport> reports;
    for (int viewRow : rows) {
        auto report =
            m_historyModel->report(m_historyProxy->mapToSource(m_historyProxy->index(viewRow, 0)).row());
        if (!report) {
            setStatus(tr("Cannot compare: %1").arg(report.error().message), true);
            Q_EMIT issueRaised(tr("Cannot compare: %1").arg(report.error().message));
            return nullptr;
        }
        reports.append(*report);
    }
    std::sort(reports.begin(), reports.end(), [](const Core::BenchReport &a, const Core::BenchReport &b) {
        return a.startedAt < b.startedAt;
    });
    auto *dialog = new RunCompareDialog(reports.at(0), reports.at(1), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QList<Core::BenchHistoryEntry> ScoringPage::shownRuns() const
{
    QList<Core::BenchHistoryEntry> runs;
    for (int row = 0; row < m_historyProxy->rowCount(); ++row)
        runs.append(m_historyModel->entry(m_historyProxy->mapToSource(m_historyProxy->index(row, 0)).row()));
    return runs;
}

RunTrendDialog *ScoringPage::showTrend()
{
    QList<Core::BenchHistoryEntry> runs = shownRuns();
    if (runs.size() < 2) {
        setStatus(tr("A trend needs at least two runs in the history table"));
        return nullptr;
    }
    if (m_trend) {
        m_trend->setRuns(std::move(runs));
    } else {
        m_trend = new RunTrendDialog(std::move(runs), this);
        m_trend->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_trend->show();
    m_trend->raise();
    m_trend->activateWindow();
    return m_trend;
}

bool ScoringPage::showRun(int viewRow)
{
    if (m_runner->isRunning()) {
        // The charts and the verdict belong to the live run: a past run drawn into them would mix the two.
        setStatus(tr("A run is in flight: past runs can be shown when it has ended"));
        return false;
    }
    auto report =
        m_historyModel->report(m_historyProxy->mapToSource(m_historyProxy->index(viewRow, 0)).row());
    if (!report) {
        setStatus(tr("Cannot show the run: %1").arg(report.error().message), true);
        return false;
    }
    showReport(*report);
    setStatus(tr("Showing the run of %1")
                  .arg(report->startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    return true;
}

void ScoringPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyColours();
}

void ScoringPage::applyColours()
{
    // Only the text colour is set on these labels (an otherwise empty palette), so the rest keeps following
    // the window's palette.
    const bool dark = isDarkPalette(palette());
    QPalette verdict;
    if (!m_shownVerdict.isEmpty())
        verdict.setColor(
            QPalette::WindowText,
            stateColor(m_shownVerdict == u"VALID" ? Core::HealthState::Up : Core::HealthState::Unreachable,
                       dark));
    m_verdictLabel->setPalette(verdict);
    QPalette status;
    if (m_statusProblem)
        status.setColor(QPalette::WindowText, errorColor(dark));
    m_stageLabel->setPalette(status);
}

void ScoringPage::setStatus(const QString &text, bool problem)
{
    m_status = text;
    m_statusProblem = problem;
    m_stageLabel->setText(text);
    applyColours();
    Q_EMIT statusTextChanged(text);
}

} // namespace Opsdeck::Gui
