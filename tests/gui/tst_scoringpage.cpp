// The Scoring page end to end: real benchmark runs of the built-in `linear` plugin on the page's worker
// thread, driven through the form; live and final charts; the history file in a temporary folder, read again
// by a new page; export (JSON, CSV) and the side-by-side comparison; stop, errors, keyboard; the README
// screenshot.
#include "config/profile.h"
#include "gui/benchchart.h"
#include "gui/latencyhistogramchart.h"
#include "gui/mainwindow.h"
#include "gui/runcomparedialog.h"
#include "gui/runtrenddialog.h"
#include "gui/loadsweepdialog.h"
#include "gui/scoringpage.h"
#include "gui/tablecopy.h"
#include "scoring/benchhistory.h"
#include "scoring/benchhistorymodel.h"
#include "scoring/pluginregistry.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtCore/QPointer>
#include <QtCore/QScopeGuard>
#include <QtCore/QSettings>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QStandardItemModel>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>
#include <cmath>
#include <memory>

#include <sys/stat.h>

using namespace Opsdeck;

namespace {

// Generous: the machine is shared and the sanitizer build is several times slower. No assertion is about
// speed.
constexpr int runTimeoutMs = 120000;

int indexOfData(const QComboBox *box, const QVariant &data)
{
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemData(i) == data && (box->model()->flags(box->model()->index(i, 0)) & Qt::ItemIsEnabled))
            return i;
    }
    return -1;
}

// A short in-process run: `linear` with a synthetic model of 8 features on 2 threads.
void quickForm(Gui::ScoringPage &page, bool byDuration, double seconds = 3, int rows = 200000)
{
    page.backendBox()->setCurrentIndex(indexOfData(page.backendBox(), QStringLiteral("linear")));
    page.modelEdit()->clear();
    page.featuresBox()->setValue(8);
    page.threadsBox()->setValue(2);
    page.batchSizeBox()->setValue(2000);
    page.scenarioBox()->setCurrentIndex(page.scenarioBox()->findData(int(Core::Scenario::Offline)));
    page.warmupBox()->setValue(0);
    if (byDuration) {
        page.durationButton()->setChecked(true);
        page.durationBox()->setValue(seconds);
    } else {
        page.rowsButton()->setChecked(true);
        page.rowsBox()->setValue(rows);
    }
}

// Answers the main window's "stop the run?" question as soon as it shows: Stop and close, or Cancel.
void answerCloseQuestion(QObject *context, bool stop, bool *seen)
{
    QTimer::singleShot(0, context, [stop, seen] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QCOMPARE(box->objectName(), QStringLiteral("closeQuestion"));
        *seen = true;
        if (stop)
            box->findChild<QPushButton *>(QStringLiteral("stopAndCloseButton"))->click();
        else
            box->button(QMessageBox::Cancel)->click();
    });
}

Core::BenchReport pastReport(int secondsFromNow)
{
    Core::BenchReport r;
    r.startedAt = QDateTime::currentDateTimeUtc().addSecs(secondsFromNow);
    r.backend = QStringLiteral("linear");
    r.model = QStringLiteral("past model %1").arg(secondsFromNow);
    r.scenario = QStringLiteral("offline");
    r.input = QStringLiteral("synthetic");
    r.features = 8;
    r.batchSize = 100;
    r.threads = 1;
    r.rows = 1000 + secondsFromNow;
    r.batches = 10;
    r.durationS = 1;
    r.rowsPerS = 1000;
    r.latency.p99 = 1.5;
    r.latencyBuckets = {{1'000'000, 1'007'813, 10}};
    for (int w = 0; w < 5; ++w) {
        Core::BenchWindow bw;
        bw.t = 10 * (w + 1); // unlike any live run's first windows
        bw.spanS = 1;
        bw.rows = 200;
        bw.batches = 2;
        bw.rowsPerS = 200;
        bw.p50Ms = 1;
        bw.p99Ms = 2;
        r.windows.append(bw);
    }
    r.evaluate();
    return r;
}

// The page reads the run history on a thread of its own; true once it has.
bool historyRead(const Gui::ScoringPage &page)
{
    return QTest::qWaitFor([&] { return !page.historyModel()->isReading(); }, 10000);
}

// The window's Scoring page, its history read.
Gui::ScoringPage *scoringPage(const Gui::MainWindow &window, int *index = nullptr)
{
    for (int i = 0; i < window.pageCount(); ++i) {
        if (auto *page = qobject_cast<Gui::ScoringPage *>(window.page(i))) {
            if (index)
                *index = i;
            return historyRead(*page) ? page : nullptr;
        }
    }
    return nullptr;
}

} // namespace

class TestScoringPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void formFollowsBackendAndProfile();
    void failedPluginsAreListedButNotSelectable();
    void runShowsChartsVerdictAndHistory();
    void pinControlReachesTheRun();
    void exportWritesTheReport();
    void historyColumnsFitLargeNumbers();
    void compareShowsTwoRunsSideBySide();
    void stopMidRunIsInvalidStopped();
    void badModelFileNamesTheFile();
    void invalidEndpointIsRefused();
    void crossCheckAndCapacityPlanReachTheRun();
    void theFormOfTheLastRunIsRemembered();
    void deletingRunsAsksFirst();
    void historyFilterShowsTheMatchingRuns();
    void trendDrawsTheRunsShownOverTime();
    void sweepRunsEachLevelAndDrawsTheCurve();
    void endpointCountsOfARemoteRunAreShown();
    void keyboardWorksOnlyOnTheShownPage();
    void closingDuringARunIsClean();
    void exportWritesTheRunSelectedWhenTheDialogOpened();
    void exportOfSeveralRunsWritesOneRowEach();
    void exportAfterACompactionRefusesAMovedRun();
    void exportAsksBeforeReplacingANameWithoutSuffix();
    void closingTheWindowMidRunAsksAndKeepsTheRun();
    void closingAgainWhileStoppingOffersToQuitNow();
    void pastRunsAreNotMixedIntoALiveRun();
    void damagedHistoryIsReported();
    void selectionSurvivesARefresh();
    void windowsWithoutBatchesHaveNoLatencyPoint();
    void screenshot();

private:
    bool runToEnd(Gui::ScoringPage &page, Core::BenchReport *report);
    void saveScreenshot(const QPixmap &shot, const QString &fileName);

    QTemporaryDir m_dir;
    QString m_historyPath;
};

void TestScoringPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Settings and the run history land in the temporary folder, never in the user's own.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg-config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg-data"))));
    qunsetenv("OPSDECK_PROFILE");
    qunsetenv("OPSDECK_PLUGIN_PATH");
    QCoreApplication::setOrganizationName(QStringLiteral("opsdeck-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scoringpage"));
    QVERIFY2(QSettings().fileName().startsWith(m_dir.path()), qPrintable(QSettings().fileName()));
    m_historyPath = Core::BenchHistory::defaultPath();
    QVERIFY2(m_historyPath.startsWith(m_dir.path()), qPrintable(m_historyPath));
    QVERIFY(!QFile::exists(m_historyPath));

    Core::PluginRegistry registry;
    auto linear = registry.backend(QStringLiteral("linear"));
    QVERIFY2(linear, qPrintable(linear ? QString() : linear.error().message));
}

void TestScoringPage::init()
{
    QSettings().clear();
}

bool TestScoringPage::runToEnd(Gui::ScoringPage &page, Core::BenchReport *report)
{
    QSignalSpy finished(&page, &Gui::ScoringPage::runFinished);
    if (!page.isRunning()) {
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        if (!page.isRunning())
            return false;
    }
    if (!finished.wait(runTimeoutMs) && finished.isEmpty())
        return false;
    *report = finished.first().first().value<Core::BenchReport>();
    return !page.isRunning();
}

void TestScoringPage::formFollowsBackendAndProfile()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QComboBox *backend = page.backendBox();
    const int linear = indexOfData(backend, QStringLiteral("linear"));
    const int http = indexOfData(backend, QStringLiteral("http"));
    QVERIFY(linear >= 0);
    QVERIFY(http >= 0);
    QCOMPARE(backend->currentIndex(), linear); // the default backend
    QVERIFY(backend->itemData(linear, Qt::ToolTipRole).toString().contains(u"thread-safe"));

    // In process: model file and threads; no endpoints.
    QVERIFY(page.modelEdit()->isEnabled());
    QVERIFY(page.threadsBox()->isEnabled());
    QVERIFY(page.pinBox()->isEnabled());
    QVERIFY(page.pinBox()->isChecked()); // pinned by default, as in --batch bench
    QVERIFY(!page.endpointsEdit()->isEnabled());
    QVERIFY(!page.protocolBox()->isEnabled());
    // Remote: the other way round.
    backend->setCurrentIndex(http);
    QVERIFY(!page.modelEdit()->isEnabled());
    QVERIFY(!page.threadsBox()->isEnabled());
    QVERIFY(!page.pinBox()->isEnabled());
    QVERIFY(page.endpointsEdit()->isEnabled());
    QVERIFY(page.protocolBox()->isEnabled());
    QVERIFY(page.featuresBox()->isEnabled());
    // Text: lines, not columns.
    const int fasttext = indexOfData(backend, QStringLiteral("fasttext"));
    QVERIFY(fasttext >= 0);
    backend->setCurrentIndex(fasttext);
    QVERIFY(!page.featuresBox()->isEnabled());
    QVERIFY(page.threadsBox()->isEnabled());
    backend->setCurrentIndex(linear);
    QVERIFY(page.featuresBox()->isEnabled());
    backend->setCurrentIndex(http);

    // Scenario fields and the warm-up default follow the scenario.
    QCOMPARE(page.warmupBox()->value(), Core::defaultWarmupS(Core::Scenario::Offline));
    QCOMPARE(page.warmupBox()->value(), 0.3);
    QVERIFY(!page.concurrencyBox()->isEnabled());
    QVERIFY(!page.rateBox()->isEnabled());
    page.scenarioBox()->setCurrentIndex(page.scenarioBox()->findData(int(Core::Scenario::Rate)));
    QVERIFY(page.rateBox()->isEnabled());
    QVERIFY(page.poissonBox()->isEnabled());
    QVERIFY(!page.concurrencyBox()->isEnabled());
    QCOMPARE(page.warmupBox()->value(), 1.0);
    page.scenarioBox()->setCurrentIndex(page.scenarioBox()->findData(int(Core::Scenario::Concurrency)));
    QVERIFY(page.concurrencyBox()->isEnabled());
    QVERIFY(!page.rateBox()->isEnabled());
    // Rows or duration.
    QVERIFY(page.rowsBox()->isEnabled());
    QVERIFY(!page.durationBox()->isEnabled());
    page.durationButton()->setChecked(true);
    QVERIFY(!page.rowsBox()->isEnabled());
    QVERIFY(page.durationBox()->isEnabled());

    // The profile's scoring endpoints fill the list, with their protocol and width.
    Core::Profile profile;
    profile.name = QStringLiteral("staging");
    for (const char *url : {"http://127.0.0.1:8101/score", "http://127.0.0.1:8102/score"}) {
        Core::ScoringEndpointConfig endpoint;
        endpoint.name = QString::fromLatin1(url).section(u':', 2, 2);
        endpoint.url = QUrl(QString::fromLatin1(url));
        endpoint.protocol = QStringLiteral("json");
        endpoint.features = 6;
        endpoint.auth.type = Core::AuthType::Bearer;
        endpoint.auth.secret.env = QStringLiteral("SCORE_TOKEN");
        profile.scoring.append(endpoint);
    }
    page.setProfile(profile);
    QCOMPARE(page.endpointsEdit()->toPlainText(),
             QStringLiteral("http://127.0.0.1:8101/score\nhttp://127.0.0.1:8102/score"));
    QCOMPARE(page.protocolBox()->currentData().toString(), QStringLiteral("json"));
    QCOMPARE(page.featuresBox()->value(), 6);

    // The options the form describes are those the CLI would build for the same flags.
    page.scenarioBox()->setCurrentIndex(page.scenarioBox()->findData(int(Core::Scenario::Rate)));
    page.rateBox()->setValue(250);
    page.poissonBox()->setChecked(true);
    page.durationBox()->setValue(42);
    page.batchSizeBox()->setValue(500);
    page.maxP99Box()->setValue(12.5);
    page.minThroughputBox()->setValue(1000);
    page.maxErrorRateBox()->setValue(0.5);
    auto options = page.options();
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message));
    QCOMPARE(options->backend.id, QStringLiteral("http"));
    QCOMPARE(options->backend.endpoints, (QStringList{QStringLiteral("http://127.0.0.1:8101/score"),
                                                      QStringLiteral("http://127.0.0.1:8102/score")}));
    QCOMPARE(options->backend.options.value(QStringLiteral("protocol")), QStringLiteral("json"));
    QVERIFY(options->plugin);
    QVERIFY(options->capabilities.contains(u"remote"));
    QCOMPARE(options->scenario, Core::Scenario::Rate);
    QCOMPARE(options->rate, 250.0);
    QVERIFY(options->poisson);
    QCOMPARE(options->durationS.value_or(0), 42.0);
    QVERIFY(!options->rows);
    QCOMPARE(options->batchSize.value_or(0), qsizetype(500));
    QCOMPARE(options->features.value_or(0), qsizetype(6));
    QCOMPARE(options->warmupS.value_or(-1), 1.0);
    QCOMPARE(options->maxP99Ms.value_or(0), 12.5);
    QCOMPARE(options->minThroughput.value_or(0), 1000.0);
    QCOMPARE(options->maxErrorRatePct.value_or(0), 0.5);
    // The profile's endpoints bring their authentication, as references (the secret is resolved by the run).
    QCOMPARE(options->backend.options.value(QStringLiteral("auth")), QStringLiteral("bearer"));
    QCOMPARE(options->backend.options.value(QStringLiteral("secret_env")), QStringLiteral("SCORE_TOKEN"));
    QCOMPARE(options->backend.features.value_or(0), qsizetype(6));

    // A URL typed in that is not the profile's brings nothing; a protocol other than the profile's is refused.
    page.endpointsEdit()->setPlainText(QStringLiteral("http://127.0.0.1:8103/score"));
    options = page.options();
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message));
    QVERIFY(!options->backend.options.contains(QStringLiteral("auth")));
    page.endpointsEdit()->setPlainText(QStringLiteral("8101/score"));
    page.protocolBox()->setCurrentIndex(page.protocolBox()->findData(QStringLiteral("float32")));
    options = page.options();
    QVERIFY(!options);
    QVERIFY2(options.error().message.startsWith(u"Endpoints: scoring endpoint '8101/score' of profile"),
             qPrintable(options.error().message));
}

void TestScoringPage::failedPluginsAreListedButNotSelectable()
{
    // A folder with one plugin for a future SDK generation next to the real ones.
    const QString folder = m_dir.filePath(QStringLiteral("plugins-broken"));
    QVERIFY(QDir().mkpath(folder));
    const QString source = QStringLiteral(OPSDECK_TEST_BROKEN_PLUGIN);
    const QString copy = folder + u'/' + QFileInfo(source).fileName();
    QVERIFY(QFile::exists(copy) || QFile::copy(source, copy));
    qputenv("OPSDECK_PLUGIN_PATH", QFile::encodeName(folder));
    auto restore = qScopeGuard([] { qunsetenv("OPSDECK_PLUGIN_PATH"); });

    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    QComboBox *backend = page.backendBox();
    int broken = -1;
    for (int i = 0; i < backend->count(); ++i) {
        if (backend->itemData(i).toString() == u"broken_apiversion")
            broken = i;
    }
    QVERIFY2(broken >= 0, "the failed plugin is listed");
    const QModelIndex item = backend->model()->index(broken, 0);
    QVERIFY(!(backend->model()->flags(item) & Qt::ItemIsEnabled));
    QVERIFY(!(backend->model()->flags(item) & Qt::ItemIsSelectable));
    const QString tooltip = backend->itemData(broken, Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(u"apiVersion") && tooltip.contains(QFileInfo(copy).fileName()),
             qPrintable(tooltip));
    QVERIFY2(backend->itemText(broken).contains(u"cannot be used"), qPrintable(backend->itemText(broken)));
    // The usable ones still are, and the default is still linear.
    QCOMPARE(backend->currentData().toString(), QStringLiteral("linear"));
}

void TestScoringPage::runShowsChartsVerdictAndHistory()
{
    const int before = Core::BenchHistory(m_historyPath).list().size();
    auto page = std::make_unique<Gui::ScoringPage>();
    QVERIFY(historyRead(*page));
    page->resize(1100, 700);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    QCOMPARE(page->historyModel()->rowCount(), before);
    quickForm(*page, true, 3);

    QSignalSpy finished(page.get(), &Gui::ScoringPage::runFinished);
    QTest::mouseClick(page->startButton(), Qt::LeftButton);
    QVERIFY(page->isRunning());
    QVERIFY(!page->startButton()->isEnabled());
    QVERIFY(page->stopButton()->isEnabled());
    QVERIFY(!page->backendBox()->isEnabled()); // the form is locked while it runs
    // Live: windows arrive while the run is still in flight.
    QTRY_VERIFY_WITH_TIMEOUT(page->chart()->throughputPoints() > 0 || !finished.isEmpty(), runTimeoutMs);
    QVERIFY2(finished.isEmpty(), "a window was charted before the run ended");
    QVERIFY(page->isRunning());
    QVERIFY(page->chart()->p50Points() > 0);
    QVERIFY(page->chart()->p99Points() > 0);
    QVERIFY2(page->stageLabel()->text().contains(u"measuring"), qPrintable(page->stageLabel()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), runTimeoutMs);
    QVERIFY(!page->isRunning());
    QVERIFY(page->startButton()->isEnabled());
    QVERIFY(!page->stopButton()->isEnabled());
    QVERIFY(page->backendBox()->isEnabled());

    const Core::BenchReport report = finished.first().first().value<Core::BenchReport>();
    QVERIFY(!report.failure);
    QCOMPARE(report.backend, QStringLiteral("linear"));
    QCOMPARE(report.features, qsizetype(8));
    QCOMPARE(report.batchSize, qsizetype(2000));
    QVERIFY(report.rows > 0);
    QVERIFY(report.rowsPerS > 0);
    QVERIFY(report.windows.size() >= 2);
    QCOMPARE(page->lastReport().startedAt, report.startedAt);

    // The charts show exactly the report's windows.
    QCOMPARE(page->chart()->windowCount(), report.windows.size());
    for (qsizetype i = 0; i < report.windows.size(); ++i) {
        QCOMPARE(page->chart()->throughput().at(i),
                 QPointF(report.windows.at(i).t, report.windows.at(i).rowsPerS));
        QCOMPARE(page->chart()->p50().at(i).y(), report.windows.at(i).p50Ms);
        QCOMPARE(page->chart()->p99().at(i).y(), report.windows.at(i).p99Ms);
        QVERIFY(report.windows.at(i).p50Ms <= report.windows.at(i).p99Ms);
    }
    QCOMPARE(page->chart()->throughputPoints(), report.windows.size());

    // The histogram holds every measured batch, with the percentiles marked.
    Gui::LatencyHistogramChart *histogram = page->histogram();
    QVERIFY(histogram->binCount() > 0);
    QVERIFY(histogram->binCount() <= Gui::LatencyHistogramChart::maximumBins);
    quint64 counted = 0;
    for (const auto &bin : histogram->bins())
        counted += bin.count;
    QCOMPARE(qint64(counted), report.batches);
    QCOMPARE(histogram->hint(), QString());
    QVERIFY(histogram->findChild<QWidget *>(QStringLiteral("latencyHistogramView"))->isVisible());
    const QStringList markers = histogram->markers();
    QCOMPARE(markers, (QStringList{QStringLiteral("p50"), QStringLiteral("p99"), QStringLiteral("max")}));
    const QString tip = histogram->findChild<QWidget *>(QStringLiteral("latencyHistogramView"))->toolTip();
    QVERIFY2(tip.contains(u"p99: ") && tip.contains(u" ms"), qPrintable(tip));

    // Verdict and reasons as the report has them.
    QCOMPARE(page->verdictLabel()->text(), report.verdict);
    QVERIFY(page->verdictLabel()->isVisible());
    for (const QString &reason : report.reasons)
        QVERIFY2(page->reasonsLabel()->text().contains(reason), qPrintable(page->reasonsLabel()->text()));
    if (report.reasons.isEmpty())
        QVERIFY(page->reasonsLabel()->text().contains(report.stabilityDetail));
    QVERIFY2(page->statusText().contains(report.verdict), qPrintable(page->statusText()));

    // One more row in the history, newest first and selected, on disk.
    Core::BenchHistoryModel *model = page->historyModel();
    QCOMPARE(model->rowCount(), before + 1);
    const Core::BenchHistoryEntry newest = model->entry(0);
    QCOMPARE(newest.startedAt, report.startedAt);
    QCOMPARE(newest.backend, QStringLiteral("linear"));
    QCOMPARE(newest.rows, report.rows);
    QCOMPARE(newest.rowsPerS, report.rowsPerS);
    QCOMPARE(newest.p99Ms, report.latency.p99);
    QCOMPARE(newest.verdict, report.verdict);
    const QModelIndexList selected = page->historyView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(Core::BenchHistoryModel::IdRole).toLongLong(), newest.id);
    QVERIFY(page->exportButton()->isEnabled());
    QVERIFY(!page->compareButton()->isEnabled());
    QCOMPARE(Core::BenchHistory(m_historyPath).list().size(), before + 1);

    // A new page (a restart) reads the same history.
    page.reset();
    Gui::ScoringPage again;
    // The history is read on a thread of its own, not while the page is built.
    QVERIFY(again.historyModel()->isReading());
    QVERIFY(historyRead(again));
    QCOMPARE(again.historyModel()->rowCount(), before + 1);
    QCOMPARE(again.historyModel()->entry(0).startedAt, report.startedAt);
    QCOMPARE(again.historyView()->model()->index(0, Core::BenchHistoryModel::VerdictColumn).data().toString(),
             report.verdict);
    // Double-clicking (activating) it shows it again.
    again.showRun(0);
    QCOMPARE(again.chart()->windowCount(), report.windows.size());
    QCOMPARE(again.verdictLabel()->text(), report.verdict);
    QVERIFY(again.histogram()->binCount() > 0);
}

// The "Pin to CPUs" box decides whether the two workers are pinned (the report says how many were), like
// --no-pin on the command line.
void TestScoringPage::pinControlReachesTheRun()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    quickForm(page, false, 0, 20000);
    const auto run = [&page]() -> Core::BenchReport {
        QSignalSpy finished(&page, &Gui::ScoringPage::runFinished);
        if (!page.start())
            return {};
        if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, runTimeoutMs))
            return {};
        return finished.first().first().value<Core::BenchReport>();
    };

    page.pinBox()->setChecked(false);
    const Core::BenchReport free = run();
    QVERIFY(!free.failure);
    QCOMPARE(free.threads, 2);
    QCOMPARE(free.pinnedThreads, 0);

    page.pinBox()->setChecked(true);
    const Core::BenchReport pinned = run();
    QVERIFY(!pinned.failure);
    QCOMPARE(pinned.threads, 2);
#if defined(Q_OS_LINUX)
    if (QThread::idealThreadCount() >= 2)
        QCOMPARE(pinned.pinnedThreads, 2);
#endif
}

// Rows and rows/s in the run history are compact ("825 M", full figure in the tooltip, raw value for sorting), and
// their columns hold such text without eliding it.
void TestScoringPage::historyColumnsFitLargeNumbers()
{
    const QLocale locale;
    QCOMPARE(Core::compactCount(9'999), locale.toString(9'999));
    QCOMPARE(Core::compactCount(12'345), locale.toString(12.3, 'f', 1) + QStringLiteral(" k"));
    QCOMPARE(Core::compactCount(824'979'496), QStringLiteral("825 M"));
    QCOMPARE(Core::compactCount(1.5e9), locale.toString(1.5, 'f', 2) + QStringLiteral(" G"));
    QCOMPARE(Core::compactCount(99.96e6), QStringLiteral("100 M"));

    Core::BenchHistoryModel model(m_dir.filePath(QStringLiteral("compact/history.jsonl")));
    Core::BenchReport report;
    report.startedAt = QDateTime::currentDateTimeUtc();
    report.backend = QStringLiteral("linear");
    report.model = QStringLiteral("synthetic");
    report.scenario = QStringLiteral("offline");
    report.rows = 801'354'000;
    report.rowsPerS = 824'979'496;
    report.verdict = QStringLiteral("VALID");
    auto added = model.append(report);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    const QModelIndex rows = model.index(0, Core::BenchHistoryModel::RowsColumn);
    const QModelIndex rate = model.index(0, Core::BenchHistoryModel::RowsPerSColumn);
    QCOMPARE(rows.data().toString(), QStringLiteral("801 M"));
    QCOMPARE(rate.data().toString(), QStringLiteral("825 M"));
    QCOMPARE(rows.data(Qt::ToolTipRole).toString(), locale.toString(801'354'000LL));
    QCOMPARE(rate.data(Qt::ToolTipRole).toString(), locale.toString(824'979'496.0, 'f', 0));
    QCOMPARE(rate.data(Core::BenchHistoryModel::SortRole).toDouble(), 824'979'496.0);

    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    const QTableView *view = page.historyView();
    const QFontMetrics metrics = view->fontMetrics();
    for (double value : {9'999.0, 99.9e3, 99.9e6, 999e6, 99.9e9}) {
        const int text = metrics.horizontalAdvance(Core::compactCount(value)) + 8;
        for (int column : {int(Core::BenchHistoryModel::RowsColumn), int(Core::BenchHistoryModel::RowsPerSColumn)}) {
            const int width = view->columnWidth(column);
            QVERIFY2(width >= text, qPrintable(QStringLiteral("column %1: %2 < %3").arg(column).arg(width).arg(text)));
        }
    }

    // Ctrl+C copies the selected runs with the exact figures the cells shorten.
    QCOMPARE(rows.data(Core::BenchHistoryModel::CopyRole).toString(), locale.toString(801'354'000LL));
    QCOMPARE(model.index(0, Core::BenchHistoryModel::VerdictColumn).data(Core::BenchHistoryModel::CopyRole),
             QVariant(QStringLiteral("VALID")));
    QTableView copyView;
    copyView.setModel(&model);
    Gui::addCopyRowsAction(&copyView, Core::BenchHistoryModel::CopyRole);
    copyView.show();
    QVERIFY(QTest::qWaitForWindowExposed(&copyView));
    copyView.setFocus();
    copyView.selectRow(0);
    QGuiApplication::clipboard()->clear();
    QTest::keySequence(&copyView, QKeySequence::Copy);
    const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("Started\t")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(u'\t' + locale.toString(801'354'000LL) + u'\t') &&
                 lines.at(1).endsWith(QStringLiteral("\tVALID")),
             qPrintable(lines.at(1)));
    QCOMPARE(lines.at(1).count(u'\t'), Core::BenchHistoryModel::ColumnCount - 1);
    // The page's history table has the same action, with the same role.
    QVERIFY(page.historyView()->findChild<QAction *>(QStringLiteral("copyRowsAction")));
}

void TestScoringPage::exportWritesTheReport()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    // Long enough for stability groups (a run of a few milliseconds has none), short enough for a test.
    quickForm(page, true, 0.5);
    Core::BenchReport report;
    QVERIFY(runToEnd(page, &report));
    QVERIFY(!report.failure);
    QVERIFY(report.rows > 0);
    QVERIFY(!report.windows.isEmpty());
    QTableView *view = page.historyView();
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    const int row = view->selectionModel()->selectedRows().first().row();

    // JSON: the report as the CLI writes it.
    const QString json = m_dir.filePath(QStringLiteral("export/run.json"));
    QVERIFY(QDir().mkpath(QFileInfo(json).absolutePath()));
    auto written = page.exportRun(row, json);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonObject o = doc.object();
    QCOMPARE(o, report.toJson());
    QCOMPARE(o.value(QStringLiteral("backend")).toString(), QStringLiteral("linear"));
    QCOMPARE(o.value(QStringLiteral("rows")).toInteger(), report.rows);
    QCOMPARE(o.value(QStringLiteral("batches")).toInteger(), report.batches);
    QCOMPARE(o.value(QStringLiteral("rows_per_s")).toDouble(), report.rowsPerS);
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), report.verdict);
    QCOMPARE(o.value(QStringLiteral("latency_ms")).toObject().value(QStringLiteral("p99")).toDouble(),
             report.latency.p99);
    QCOMPARE(o.value(QStringLiteral("latency_buckets_ms")).toArray().size(), report.latencyBuckets.size());
    const QJsonArray windows = o.value(QStringLiteral("windows")).toArray();
    QCOMPARE(windows.size(), report.windows.size());
    QVERIFY(windows.first().toObject().contains(QStringLiteral("p50_ms")));
    QVERIFY(windows.first().toObject().contains(QStringLiteral("p99_ms")));
    auto parsed = Core::BenchReport::fromJson(o);
    QVERIFY(parsed);
    QCOMPARE(parsed->windows.first().p50Ms, report.windows.first().p50Ms);

    // CSV: the header and one row.
    const QString csv = m_dir.filePath(QStringLiteral("export/run.csv"));
    written = page.exportRun(row, csv);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), Core::BenchReport::csvHeader().join(u','));
    QCOMPARE(lines.at(1), report.csvRow());

    // Other names are refused, naming the file; an unwritable place names it too.
    const QString text = m_dir.filePath(QStringLiteral("export/run.txt"));
    written = page.exportRun(row, text);
    QVERIFY(!written);
    QVERIFY2(written.error().message.contains(text), qPrintable(written.error().message));
    const QString nowhere = m_dir.filePath(QStringLiteral("no-such-folder/run.json"));
    written = page.exportRun(row, nowhere);
    QVERIFY(!written);
    QVERIFY2(written.error().message.contains(nowhere), qPrintable(written.error().message));

    // Through the button and the file dialog, which adds the suffix of the chosen filter.
    const QString picked = m_dir.filePath(QStringLiteral("export/picked"));
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialogSeen = true;
        dialog->selectNameFilter(dialog->nameFilters().value(1)); // CSV
        dialog->selectFile(picked);
        QMetaObject::invokeMethod(dialog, &QDialog::accept); // as the Save button does
    });
    QSignalSpy status(&page, &Gui::ScoringPage::statusTextChanged);
    QTest::mouseClick(page.exportButton(), Qt::LeftButton);
    QVERIFY(dialogSeen);
    QVERIFY(QFile::exists(picked + u".csv"));
    QVERIFY2(page.statusText().contains(QDir::toNativeSeparators(picked + u".csv")),
             qPrintable(page.statusText()));
    QCOMPARE(QSettings().value(QStringLiteral("scoring/exportFolder")).toString(),
             QFileInfo(picked).absolutePath());
}

void TestScoringPage::compareShowsTwoRunsSideBySide()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    quickForm(page, false, 0, 200000);
    Core::BenchReport first;
    QVERIFY(runToEnd(page, &first));
    QTest::qWait(20); // distinct start times, so "earlier" is well defined
    quickForm(page, false, 0, 120000);
    page.batchSizeBox()->setValue(4000);
    Core::BenchReport second;
    QVERIFY(runToEnd(page, &second));
    QVERIFY(first.startedAt < second.startedAt);
    QCOMPARE(second.rows, qint64(120000));
    QCOMPARE(second.batchSize, qsizetype(4000));

    // Select both (the newest two rows, newest first) and compare.
    QTableView *view = page.historyView();
    view->clearSelection();
    QVERIFY(!page.compareButton()->isEnabled());
    QVERIFY(page.compareSelectedRuns() == nullptr);
    QVERIFY(page.statusText().contains(u"two runs"));
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->model()->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(page.compareButton()->isEnabled());
    QVERIFY(page.exportButton()->isEnabled());   // several runs export as one file
    QTest::mouseClick(page.compareButton(), Qt::LeftButton);
    auto *dialog = page.findChild<Gui::RunCompareDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), int(Gui::RunCompareDialog::MetricCount));

    using D = Gui::RunCompareDialog;
    auto value = [table](int metric, int column) {
        return table->item(metric, column)->data(D::ValueRole);
    };
    // The earlier run is A.
    QCOMPARE(value(D::RowsMetric, D::FirstColumn).toDouble(), double(first.rows));
    QCOMPARE(value(D::RowsMetric, D::SecondColumn).toDouble(), double(second.rows));
    QCOMPARE(value(D::RowsMetric, D::DifferenceColumn).toDouble(), double(second.rows - first.rows));
    QCOMPARE(value(D::RowsMetric, D::RatioColumn).toDouble(), double(second.rows) / double(first.rows));
    QCOMPARE(value(D::RowsPerSMetric, D::FirstColumn).toDouble(), first.rowsPerS);
    QCOMPARE(value(D::RowsPerSMetric, D::SecondColumn).toDouble(), second.rowsPerS);
    QCOMPARE(value(D::RowsPerSMetric, D::RatioColumn).toDouble(), second.rowsPerS / first.rowsPerS);
    QCOMPARE(value(D::BatchesMetric, D::FirstColumn).toDouble(), double(first.batches));
    QCOMPARE(value(D::BatchesMetric, D::SecondColumn).toDouble(), double(second.batches));
    QCOMPARE(value(D::BatchesMetric, D::SecondColumn).toDouble(), 30.0); // 120,000 rows in batches of 4,000
    QCOMPARE(value(D::ErrorsMetric, D::FirstColumn).toDouble(), 0.0);
    QCOMPARE(value(D::ErrorsMetric, D::SecondColumn).toDouble(), 0.0);
    const std::pair<int, double Core::LatencySummary::*> percentiles[] = {
        {D::P50Metric, &Core::LatencySummary::p50},   {D::P90Metric, &Core::LatencySummary::p90},
        {D::P95Metric, &Core::LatencySummary::p95},   {D::P99Metric, &Core::LatencySummary::p99},
        {D::P999Metric, &Core::LatencySummary::p999}, {D::MaxMetric, &Core::LatencySummary::max}};
    for (const auto &[metric, field] : percentiles) {
        QCOMPARE(value(metric, D::FirstColumn).toDouble(), first.latency.*field);
        QCOMPARE(value(metric, D::SecondColumn).toDouble(), second.latency.*field);
        QCOMPARE(value(metric, D::DifferenceColumn).toDouble(), second.latency.*field - first.latency.*field);
    }
    QCOMPARE(table->item(D::VerdictMetric, D::FirstColumn)->text(), first.verdict);
    QCOMPARE(table->item(D::VerdictMetric, D::SecondColumn)->text(), second.verdict);
    QCOMPARE(table->item(D::BackendMetric, D::FirstColumn)->text(), first.backendSpec);
    QCOMPARE(table->item(D::ModelMetric, D::SecondColumn)->text(), second.model);
    QCOMPARE(table->item(D::ScenarioMetric, D::FirstColumn)->text(), QStringLiteral("offline"));
    QCOMPARE(table->item(D::ModelMetric, D::DifferenceColumn)->text(), QStringLiteral("same"));
    QCOMPARE(table->item(D::InputMetric, D::DifferenceColumn)->text(), QStringLiteral("differs"));
    // Ctrl+C copies the selected metrics (here every one) as text, with the headers.
    QVERIFY(table->findChild<QAction *>(QStringLiteral("copyRowsAction")));
    table->selectAll();
    const QStringList copied = Gui::selectedRowsText(table).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), D::MetricCount + 1);
    QCOMPARE(copied.at(0), QStringLiteral("Metric\tRun A\tRun B\tB − A\tB / A"));
    QVERIFY2(copied.at(1 + D::VerdictMetric).endsWith(first.verdict + u'\t' + second.verdict + u'\t'
                                                        + table->item(D::VerdictMetric, D::DifferenceColumn)->text()
                                                        + u'\t'),
             qPrintable(copied.at(1 + D::VerdictMetric)));
    dialog->close();
    QTRY_VERIFY(!page.findChild<Gui::RunCompareDialog *>()); // deletes itself
}

void TestScoringPage::stopMidRunIsInvalidStopped()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    quickForm(page, true, 600);
    const int before = page.historyModel()->rowCount();
    QSignalSpy finished(&page, &Gui::ScoringPage::runFinished);
    QTest::mouseClick(page.startButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.chart()->windowCount() >= 1, runTimeoutMs);
    QVERIFY(finished.isEmpty());
    // Esc stops (the page is shown and its window active).
    QTest::keyClick(&page, Qt::Key_Escape);
    QVERIFY(!page.stopButton()->isEnabled());
    QVERIFY2(page.statusText().contains(u"Stopping"), qPrintable(page.statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), runTimeoutMs);
    const Core::BenchReport report = finished.first().first().value<Core::BenchReport>();
    QVERIFY(report.stopped);
    QCOMPARE(report.verdict, QStringLiteral("INVALID"));
    QVERIFY2(report.reasons.contains(QStringLiteral("stopped")), qPrintable(report.reasons.join(u"; ")));
    QVERIFY(report.durationS < 600);
    QCOMPARE(page.verdictLabel()->text(), QStringLiteral("INVALID"));
    QVERIFY(page.reasonsLabel()->text().contains(u"stopped"));
    QVERIFY2(page.statusText().startsWith(u"Stopped"), qPrintable(page.statusText()));
    // What was measured is kept.
    QCOMPARE(page.historyModel()->rowCount(), before + 1);
    QCOMPARE(page.historyModel()->entry(0).verdict, QStringLiteral("INVALID"));
    QVERIFY(page.startButton()->isEnabled());
}

void TestScoringPage::badModelFileNamesTheFile()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    quickForm(page, false);
    const QString missing = m_dir.filePath(QStringLiteral("models/missing-weights.json"));
    page.modelEdit()->setText(missing);
    const int before = page.historyModel()->rowCount();
    QSignalSpy issues(&page, &Gui::Page::issueRaised);
    QSignalSpy finished(&page, &Gui::ScoringPage::runFinished);
    // Ctrl+Return starts.
    QTest::keyClick(page.modelEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(page.isRunning() || !finished.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), runTimeoutMs);
    const Core::BenchReport report = finished.first().first().value<Core::BenchReport>();
    QVERIFY(report.failure);
    QVERIFY2(report.failure->message.contains(missing), qPrintable(report.failure->message));
    QCOMPARE(report.verdict, QStringLiteral("INVALID"));
    QCOMPARE(issues.size(), 1);
    const QString issue = issues.first().first().toString();
    QVERIFY2(issue.contains(missing), qPrintable(issue));
    QVERIFY2(page.statusText().startsWith(u"Failed: ") && page.statusText().contains(missing),
             qPrintable(page.statusText()));
    QCOMPARE(page.stageLabel()->text(), page.statusText());
    QCOMPARE(page.verdictLabel()->text(), QStringLiteral("INVALID"));
    QVERIFY(page.reasonsLabel()->text().contains(missing));
    QCOMPARE(page.histogram()->binCount(), 0);
    // Nothing was measured: nothing joins the history.
    QCOMPARE(page.historyModel()->rowCount(), before);
    QVERIFY(page.startButton()->isEnabled());
}

void TestScoringPage::invalidEndpointIsRefused()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.backendBox()->setCurrentIndex(indexOfData(page.backendBox(), QStringLiteral("http")));
    QSignalSpy issues(&page, &Gui::Page::issueRaised);
    page.endpointsEdit()->setPlainText(QStringLiteral("http://127.0.0.1:8101/score\nftp://scores.example/x"));
    QVERIFY(!page.start());
    QVERIFY(!page.isRunning());
    QVERIFY2(page.statusText().contains(u"Endpoints, line 2") &&
                 page.statusText().contains(u"ftp://scores.example/x"),
             qPrintable(page.statusText()));
    QCOMPARE(issues.size(), 1);
    QVERIFY(issues.first().first().toString().contains(u"Endpoints, line 2"));

    page.endpointsEdit()->clear();
    QVERIFY(!page.start());
    QVERIFY2(page.statusText().contains(u"at least one endpoint"), qPrintable(page.statusText()));
}

// The cross-check (--compare, --tolerance) and the capacity plan (--capacity-rows, --capacity-within) of the
// form: refused with the field named when they are incomplete or wrong, else in the run's report and shown
// with the verdict.
void TestScoringPage::crossCheckAndCapacityPlanReachTheRun()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    quickForm(page, false, 0, 20000);
    QVERIFY(!page.toleranceEdit()->isEnabled());   // nothing to cross-check yet

    const auto refused = [&page](const QString &expected) {
        if (page.start())
            return QStringLiteral("started");
        return page.statusText().contains(expected) ? QString() : page.statusText();
    };
    page.capacityRowsBox()->setValue(1e9);
    QCOMPARE(refused(QStringLiteral("Capacity plan: give the duration")), QString());
    page.capacityWithinEdit()->setText(QStringLiteral("15x"));
    QCOMPARE(refused(QStringLiteral("Capacity plan: '15x' is not a duration")), QString());
    page.capacityWithinEdit()->setText(QStringLiteral("15m"));
    page.crossCheckEdit()->setText(QStringLiteral("no-such-backend"));
    QVERIFY(page.toleranceEdit()->isEnabled());
    QCOMPARE(refused(QStringLiteral("Cross-check: ")), QString());
    QVERIFY2(page.statusText().contains(u"no-such-backend"), qPrintable(page.statusText()));
    page.crossCheckEdit()->setText(QStringLiteral("linear,endpoint=nowhere"));
    QCOMPARE(refused(QStringLiteral("Cross-check: ")), QString());
    page.crossCheckEdit()->setText(QStringLiteral("linear"));   // the same synthetic model: no difference
    page.toleranceEdit()->setText(QStringLiteral("abc"));
    QCOMPARE(refused(QStringLiteral("Cross-check tolerance: 'abc'")), QString());
    page.toleranceEdit()->setText(QStringLiteral("1e-4"));

    Core::BenchReport report;
    QVERIFY2(runToEnd(page, &report), qPrintable(page.statusText()));
    QVERIFY2(!report.failure, qPrintable(report.reasons.join(u"; ")));
    QVERIFY(report.compare);
    QCOMPARE(report.compare->backend, QStringLiteral("linear"));
    QCOMPARE(report.compare->rows, report.rows);
    QCOMPARE(report.compare->overTolerance, qint64(0));
    QCOMPARE(report.compare->tolerance, 1e-4);
    QVERIFY(report.capacity);
    QCOMPARE(report.capacity->rows, qint64(1'000'000'000));
    QCOMPARE(report.capacity->withinS, 900.0);
    QCOMPARE(report.capacity->nodes, qint64(std::ceil(1e9 / (report.capacity->rowsPerSPerNode * 900.0))));
    const QString shown = page.reasonsLabel()->text();
    QVERIFY2(shown.contains(u"Cross-check with linear: ") && shown.contains(u"0 values over the tolerance"),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Capacity: %1").arg(report.capacity->summary())), qPrintable(shown));
}

// A new session's form is the one the last run started with (not the endpoints: they follow the profile); a form
// that never started a run is not kept.
void TestScoringPage::theFormOfTheLastRunIsRemembered()
{
    {
        Gui::ScoringPage page;
        QVERIFY(historyRead(page));
        quickForm(page, false, 0, 20000);
        page.scenarioBox()->setCurrentIndex(page.scenarioBox()->findData(int(Core::Scenario::Concurrency)));
        page.concurrencyBox()->setValue(3);
        page.pinBox()->setChecked(false);
        page.maxP99Box()->setValue(250);
        page.maxErrorRateBox()->setValue(2.5);
        page.crossCheckEdit()->setText(QStringLiteral("linear"));
        page.toleranceEdit()->setText(QStringLiteral("1e-3"));
        page.capacityRowsBox()->setValue(5e9);
        page.capacityWithinEdit()->setText(QStringLiteral("2h"));
        QCOMPARE(page.seedBox()->value(), 42);   // --seed's default
        page.seedBox()->setValue(7);
        Core::BenchReport report;
        QVERIFY(runToEnd(page, &report));
        QVERIFY(!report.failure);
        // Edited after the run: not kept.
        page.batchSizeBox()->setValue(777);
    }
    Gui::ScoringPage page;
    QCOMPARE(page.backendBox()->currentData().toString(), QStringLiteral("linear"));
    QCOMPARE(page.featuresBox()->value(), 8);
    QVERIFY(page.rowsButton()->isChecked());
    QCOMPARE(page.rowsBox()->value(), 20000);
    QCOMPARE(page.batchSizeBox()->value(), 2000);
    QCOMPARE(Core::Scenario(page.scenarioBox()->currentData().toInt()), Core::Scenario::Concurrency);
    QCOMPARE(page.concurrencyBox()->value(), 3);
    QCOMPARE(page.warmupBox()->value(), 0.0);
    QCOMPARE(page.threadsBox()->value(), 2);
    QVERIFY(!page.pinBox()->isChecked());
    QCOMPARE(page.maxP99Box()->value(), 250.0);
    QCOMPARE(page.maxErrorRateBox()->value(), 2.5);
    QCOMPARE(page.crossCheckEdit()->text(), QStringLiteral("linear"));
    QCOMPARE(page.toleranceEdit()->text(), QStringLiteral("1e-3"));
    QVERIFY(page.toleranceEdit()->isEnabled());
    QCOMPARE(page.capacityRowsBox()->value(), 5e9);
    QCOMPARE(page.capacityWithinEdit()->text(), QStringLiteral("2h"));
    auto options = page.options();
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message));
    QCOMPARE(options->capacityWithinS.value_or(0), 7200.0);
    QCOMPARE(page.seedBox()->value(), 7);
    QCOMPARE(options->seed, quint64(7));

    QSettings().clear();
    Gui::ScoringPage fresh;
    QCOMPARE(fresh.crossCheckEdit()->text(), QString());
    QCOMPARE(fresh.capacityRowsBox()->value(), 0.0);
    QVERIFY(fresh.pinBox()->isChecked());
}

// Del (or Delete…) asks before runs leave the history: Cancel keeps them, Delete removes exactly the selected ones
// from the file and the table.
void TestScoringPage::deletingRunsAsksFirst()
{
    {
        Core::BenchHistory history(m_historyPath);
        for (int i = 0; i < 3; ++i)
            QVERIFY(history.append(pastReport(-90000 + i)));
    }
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = page.historyView();
    const auto rowOfModel = [view](int secondsFromNow) {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, Core::BenchHistoryModel::ModelColumn).data() ==
                QStringLiteral("past model %1").arg(secondsFromNow))
                return row;
        }
        return -1;
    };
    const int before = view->model()->rowCount();
    QVERIFY(!page.deleteButton()->isEnabled());
    view->selectionModel()->select(view->model()->index(rowOfModel(-90000), 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->model()->index(rowOfModel(-89998), 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(page.deleteButton()->isEnabled());

    const auto answer = [this](const char *button, QString *asked) {
        QTimer::singleShot(0, this, [button, asked] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QCOMPARE(box->objectName(), QStringLiteral("deleteRunsQuestion"));
            *asked = box->text();
            if (qstrcmp(button, "cancel") == 0)
                box->button(QMessageBox::Cancel)->click();
            else
                box->findChild<QPushButton *>(QLatin1StringView(button))->click();
        });
    };
    QString asked;
    answer("cancel", &asked);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(asked, QStringLiteral("Delete the 2 selected runs from the history?"));
    QCOMPARE(view->model()->rowCount(), before);

    asked.clear();
    answer("confirmDeleteButton", &asked);
    QVERIFY(page.deleteSelectedRuns());
    QVERIFY(!asked.isEmpty());
    QCOMPARE(view->model()->rowCount(), before - 2);
    QCOMPARE(rowOfModel(-90000), -1);
    QCOMPARE(rowOfModel(-89998), -1);
    QVERIFY(rowOfModel(-89999) >= 0);
    QVERIFY2(page.statusText().contains(u"Deleted 2 runs"), qPrintable(page.statusText()));
    QVERIFY(!page.deleteButton()->isEnabled());
    // The file agrees.
    Core::BenchHistory history(m_historyPath);
    QCOMPARE(history.list().size(), before - 2);
    // And the table follows the file when something else changes it (tst_benchhistory checks how).
    QVERIFY(page.historyModel()->isWatching());
    QVERIFY(history.append(pastReport(-80000)));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), before - 1, 10000);
}

// The filter above the history: every word in one of a run's columns, case-insensitively; Ctrl+F reaches it; the
// count says how many runs it shows; a selected run it hides is not selected any more.
void TestScoringPage::historyFilterShowsTheMatchingRuns()
{
    {
        Core::BenchHistory history(m_historyPath);
        for (int i = 0; i < 3; ++i) {
            Core::BenchReport r = pastReport(-80000 + i);
            r.model = QStringLiteral("filtered model %1").arg(i);
            if (i == 2)
                r.backend = QStringLiteral("xgboost");
            QVERIFY(history.append(r));
        }
    }
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = page.historyView();
    const int total = page.historyModel()->rowCount();
    QVERIFY(total >= 3);
    QVERIFY(page.historyCountLabel()->isHidden());

    view->setFocus();
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page.historyFilterEdit()->hasFocus());
    QTest::keyClicks(page.historyFilterEdit(), QStringLiteral("FILTERED"));
    QCOMPARE(view->model()->rowCount(), 3);
    QVERIFY(page.historyCountLabel()->isVisible());
    QCOMPARE(page.historyCountLabel()->text(), QStringLiteral("shown: 3 of %1").arg(total));

    view->selectRow(0);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    page.historyFilterEdit()->setText(QStringLiteral("filtered   xgboost"));   // every word, in any column
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, Core::BenchHistoryModel::ModelColumn).data().toString(),
             QStringLiteral("filtered model 2"));
    page.historyFilterEdit()->setText(QStringLiteral("filtered linear"));
    QCOMPARE(view->model()->rowCount(), 2);
    page.historyFilterEdit()->setText(QStringLiteral("filtered -XGBOOST"));   // a minus leaves out
    QCOMPARE(view->model()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(view->model()->index(row, Core::BenchHistoryModel::BackendColumn).data().toString(),
                 QStringLiteral("linear"));
    page.historyFilterEdit()->setText(QStringLiteral("filtered -"));   // a lone minus is a word: in every date
    QCOMPARE(view->model()->rowCount(), 3);
    page.historyFilterEdit()->setText(QStringLiteral("no such run"));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(view->selectionModel()->selectedRows().isEmpty());
    QVERIFY(!page.exportButton()->isEnabled());
    QCOMPARE(page.historyCountLabel()->text(), QStringLiteral("shown: 0 of %1").arg(total));

    page.historyFilterEdit()->clear();
    QCOMPARE(view->model()->rowCount(), total);
    QVERIFY(page.historyCountLabel()->isHidden());
}

// Trend…: the runs the table shows (the filter picks them), at their start times, oldest first; INVALID runs
// marked; at least two runs.
void TestScoringPage::trendDrawsTheRunsShownOverTime()
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-3);
    const QList<std::pair<int, double>> runs = {{120, 300.0}, {0, 100.0}, {60, 200.0}};   // appended out of order
    {
        Core::BenchHistory history(m_historyPath);
        for (const auto &[seconds, rate] : runs) {
            Core::BenchReport r = pastReport(0);
            r.startedAt = start.addSecs(seconds);
            r.backend = QStringLiteral("trendbackend");
            r.rowsPerS = rate;
            r.latency.p99 = rate / 100;
            r.verdict = seconds == 60 ? QStringLiteral("INVALID") : QStringLiteral("VALID");
            QVERIFY(history.append(r));
        }
    }
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.historyFilterEdit()->setText(QStringLiteral("trendbackend"));
    QCOMPARE(page.historyView()->model()->rowCount(), 3);
    QVERIFY(page.trendButton()->isEnabled());

    QTest::mouseClick(page.trendButton(), Qt::LeftButton);
    auto *dialog = page.findChild<Gui::RunTrendDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const double t0 = double(start.toMSecsSinceEpoch());
    QCOMPARE(dialog->throughput(), (QList<QPointF>{{t0, 100.0}, {t0 + 60000, 200.0}, {t0 + 120000, 300.0}}));
    QCOMPARE(dialog->p99(), (QList<QPointF>{{t0, 1.0}, {t0 + 60000, 2.0}, {t0 + 120000, 3.0}}));
    QCOMPARE(dialog->invalid(), (QList<QPointF>{{t0 + 60000, 200.0}}));
    QVERIFY2(dialog->captionLabel()->text().startsWith(u"3 runs of trendbackend, "),
             qPrintable(dialog->captionLabel()->text()));
    QVERIFY(dialog->captionLabel()->text().contains(u"INVALID"));

    // Open, it follows the table: a run that ends, then the filter; Trend… again raises the same dialog.
    Core::BenchReport newest = pastReport(0);
    newest.startedAt = start.addSecs(180);
    newest.backend = QStringLiteral("trendbackend");
    newest.rowsPerS = 400;
    newest.verdict = QStringLiteral("VALID");
    QVERIFY(page.historyModel()->append(newest));
    QCOMPARE(dialog->throughput().size(), 4);
    QCOMPARE(dialog->throughput().constLast(), QPointF(t0 + 180000, 400.0));
    QVERIFY2(dialog->captionLabel()->text().startsWith(u"4 runs of trendbackend, "),
             qPrintable(dialog->captionLabel()->text()));
    page.historyFilterEdit()->setText(QStringLiteral("trendbackend -invalid"));
    QCOMPARE(dialog->throughput().size(), 3);
    QVERIFY(dialog->invalid().isEmpty());
    QCOMPARE(page.showTrend(), dialog);
    QCOMPARE(page.findChildren<Gui::RunTrendDialog *>().size(), 1);
    page.historyFilterEdit()->setText(QStringLiteral("trendbackend"));
    dialog->close();

    // One run shown is no trend.
    page.historyFilterEdit()->setText(QStringLiteral("trendbackend INVALID"));
    QCOMPARE(page.historyView()->model()->rowCount(), 1);
    QTRY_VERIFY(page.findChildren<Gui::RunTrendDialog *>().isEmpty());   // the closed one went (WA_DeleteOnClose)
    QVERIFY(!page.trendButton()->isEnabled());
    QVERIFY(!page.showTrend());
}

void TestScoringPage::sweepRunsEachLevelAndDrawsTheCurve()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    quickForm(page, false, 0, 20000);
    QVERIFY(!page.sweepBox()->isEnabled());   // offline: nothing to sweep
    page.scenarioBox()->setCurrentIndex(page.scenarioBox()->findData(int(Core::Scenario::Concurrency)));
    page.warmupBox()->setValue(0);
    page.concurrencyBox()->setValue(1);
    QVERIFY(page.sweepBox()->isEnabled());
    QVERIFY(!page.sweepToBox()->isEnabled());
    page.sweepBox()->setChecked(true);
    QVERIFY(page.sweepToBox()->isEnabled());

    // An end that is not above the start is refused, naming both.
    page.sweepToBox()->setValue(1);
    QVERIFY(!page.start());
    QVERIFY2(page.statusText().contains(u"Sweep: up to 1 is not above the concurrency 1"),
             qPrintable(page.statusText()));

    // 1, 2, 4: three runs, each in the history, the curve and the table filled as they end.
    page.sweepToBox()->setValue(4);
    const int before = page.historyModel()->rowCount();
    QSignalSpy finished(&page, &Gui::ScoringPage::runFinished);
    QVERIFY(page.start());
    QVERIFY(page.isSweeping());
    QPointer<Gui::LoadSweepDialog> dialog = page.sweepDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(QTest::qWaitFor([&page] { return !page.isSweeping(); }, runTimeoutMs));
    QVERIFY(!page.isRunning());
    QCOMPARE(finished.size(), 3);
    QList<double> levels;
    for (const QPointF &p : dialog->throughput())
        levels.append(p.x());
    QCOMPARE(levels, (QList<double>{1, 2, 4}));
    QCOMPARE(dialog->p99().size(), 3);
    QCOMPARE(dialog->table()->rowCount(), 3);
    QCOMPARE(dialog->table()->item(2, 0)->text(), QLocale().toString(4));
    QVERIFY2(dialog->conclusionLabel()->text().startsWith(u"best: concurrency "),
             qPrintable(dialog->conclusionLabel()->text()));
    QVERIFY2(page.statusText().startsWith(u"Sweep finished: best concurrency "), qPrintable(page.statusText()));
    QVERIFY(page.reasonsLabel()->text().startsWith(u"best: concurrency "));
    QCOMPARE(page.historyModel()->rowCount(), before + 3);
    // The history tells the levels apart (newest first), each marked as a sweep's; the filter finds them.
    for (int row = 0; row < 3; ++row)
        QCOMPARE(page.historyModel()->index(row, Core::BenchHistoryModel::ScenarioColumn).data().toString(),
                 QStringLiteral("Concurrency %1 · sweep").arg(4 >> row));
    page.historyFilterEdit()->setText(QStringLiteral("sweep"));
    QCOMPARE(page.historyView()->model()->rowCount(), 3);
    page.historyFilterEdit()->clear();
    saveScreenshot(dialog->grab(), QStringLiteral("sweep.png"));
    for (int i = 0; i < 3; ++i) {
        const Core::BenchReport r = finished.at(i).first().value<Core::BenchReport>();
        QCOMPARE(r.scenario, QStringLiteral("concurrency"));
        QCOMPARE(r.concurrency, 1 << i);
    }

    // Closed, the sweep is drawn again from the history: any of its levels selected, the context menu's
    // Show its load sweep… opens it as it ended. A run of no sweep has nothing to show.
    const QString conclusion = dialog->conclusionLabel()->text();
    dialog->close();
    const auto *view = qobject_cast<QSortFilterProxyModel *>(page.historyView()->model());
    QVERIFY(view);
    page.historyView()->selectRow(view->mapFromSource(page.historyModel()->index(1, 0)).row());   // concurrency 2
    QVERIFY(page.showSweepAction()->isEnabled());
    QVERIFY(page.historyView()->actions().contains(page.showSweepAction()));
    page.showSweepAction()->trigger();
    Gui::LoadSweepDialog *past = nullptr;
    for (Gui::LoadSweepDialog *d : page.findChildren<Gui::LoadSweepDialog *>()) {
        if (d->isVisible())
            past = d;
    }
    QVERIFY(past);
    QVERIFY(past != dialog);   // the live sweep's window stays its own
    QList<double> pastLevels;
    for (const QPointF &p : past->throughput())
        pastLevels.append(p.x());
    QCOMPARE(pastLevels, (QList<double>{1, 2, 4}));
    QCOMPARE(past->table()->rowCount(), 3);
    QCOMPARE(past->conclusionLabel()->text(), conclusion);
    QVERIFY2(page.statusText().contains(u": 3 levels"), qPrintable(page.statusText()));
    past->close();
    QVERIFY(page.historyModel()->append(pastReport(-9000)));
    int plain = -1;
    for (int row = 0; row < page.historyModel()->rowCount(); ++row) {
        if (page.historyModel()->entry(row).sweepId.isEmpty())
            plain = row;
    }
    QVERIFY(plain >= 0);
    page.historyView()->selectRow(view->mapFromSource(page.historyModel()->index(plain, 0)).row());
    QVERIFY(!page.showSweepAction()->isEnabled());
    QVERIFY(!page.showSelectedSweep());

    // A second sweep, 1 and 2, against the first: a run of each selected, the later is drawn with the earlier
    // dashed as its baseline.
    page.sweepToBox()->setValue(2);
    QVERIFY(page.start());
    QVERIFY(QTest::qWaitFor([&page] { return !page.isSweeping(); }, runTimeoutMs));
    QCOMPARE(finished.size(), 5);
    int firstSweepRow = -1;
    int secondSweepRow = -1;
    for (int row = 0; row < page.historyModel()->rowCount(); ++row) {
        const Core::BenchHistoryEntry e = page.historyModel()->entry(row);
        if (e.sweepId.isEmpty())
            continue;
        if (secondSweepRow < 0)
            secondSweepRow = row;   // the newest first
        else if (e.sweepId != page.historyModel()->entry(secondSweepRow).sweepId && firstSweepRow < 0)
            firstSweepRow = row;
    }
    QVERIFY(firstSweepRow >= 0 && secondSweepRow >= 0);
    page.historyView()->clearSelection();
    for (const int row : {firstSweepRow, secondSweepRow})
        page.historyView()->selectionModel()->select(view->mapFromSource(page.historyModel()->index(row, 0)),
                                                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(page.showSweepAction()->isEnabled());
    QCOMPARE(page.showSweepAction()->text(), QStringLiteral("Compare their load sweeps…"));
    Gui::LoadSweepDialog *compared = page.showSelectedSweep();
    QVERIFY(compared);
    QVERIFY(compared->isVisible());
    QList<double> baselineLevels;
    for (const QPointF &p : compared->baselineThroughput())
        baselineLevels.append(p.x());
    QCOMPARE(baselineLevels, (QList<double>{1, 2, 4}));
    QCOMPARE(compared->throughput().size(), 2);
    QCOMPARE(compared->table()->rowCount(), 2);
    QVERIFY2(compared->conclusionLabel()->text().contains(u"best rows/s B / A: "),
             qPrintable(compared->conclusionLabel()->text()));
    QVERIFY2(page.statusText().startsWith(u"Comparing the load sweep of "), qPrintable(page.statusText()));
    saveScreenshot(compared->grab(), QStringLiteral("sweep-compare.png"));
    compared->close();

    // Stop during the first level (of 30 s): the sweep ends with it, the next levels never start.
    page.sweepToBox()->setValue(4);
    page.durationButton()->setChecked(true);
    page.durationBox()->setValue(30);
    finished.clear();
    QVERIFY(page.start());
    QTest::qWait(300);
    QVERIFY(finished.isEmpty());
    page.stop();
    QVERIFY(QTest::qWaitFor([&page] { return !page.isSweeping(); }, runTimeoutMs));
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<Core::BenchReport>().stopped);
    QCOMPARE(dialog->table()->rowCount(), 1);
    QVERIFY2(dialog->conclusionLabel()->text().contains(u"ended early at concurrency 1: stopped"),
             qPrintable(dialog->conclusionLabel()->text()));
    QVERIFY(page.statusText().startsWith(u"Sweep finished: no level was VALID"));
    QVERIFY(!page.isRunning());
}

// A remote run's per-endpoint counts (the http plugin's backend_stats) are in its verdict area.
void TestScoringPage::endpointCountsOfARemoteRunAreShown()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    Core::BenchReport remote = pastReport(3600);
    remote.backend = QStringLiteral("http");
    remote.remote = true;
    remote.backendStats = QJsonObject{
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("http://a:8099/score")},
                                {QStringLiteral("requests"), 5},
                                {QStringLiteral("ok"), 4},
                                {QStringLiteral("errors"), 1},
                                {QStringLiteral("by_status"), QJsonObject{{QStringLiteral("503"), 1}}},
                                {QStringLiteral("mean_ms"), 2.5}}}}};
    QVERIFY(page.historyModel()->append(remote));
    const auto *view = qobject_cast<QSortFilterProxyModel *>(page.historyView()->model());
    QVERIFY(view);
    const QModelIndex shown = view->mapFromSource(page.historyModel()->index(0, 0));   // the newest: this one
    QCOMPARE(page.historyModel()->entry(0).startedAt, remote.startedAt);
    QVERIFY(page.showRun(shown.row()));
    QVERIFY2(page.reasonsLabel()->text().contains(
                 u"Endpoint http://a:8099/score · 5 requests · 4 ok · failed: HTTP 503 × 1 · mean 2.50 ms"),
             qPrintable(page.reasonsLabel()->text()));

    // Failed batches within the error rate the run tolerated: VALID, and said so.
    Core::BenchReport tolerant = pastReport(-5400);   // not the newest: later tests put theirs on top
    tolerant.batches = 199;
    tolerant.errors = 1;
    tolerant.firstError = QStringLiteral("HTTP 503");
    tolerant.maxErrorRatePct = 1;
    tolerant.stable = Core::Stability::Stable;
    tolerant.evaluate();
    QVERIFY2(tolerant.verdict == u"VALID", qPrintable(tolerant.reasons.join(u"; ")));
    QVERIFY(page.historyModel()->append(tolerant));
    int row = -1;
    for (int i = 0; i < page.historyModel()->rowCount(); ++i) {
        if (page.historyModel()->entry(i).startedAt == tolerant.startedAt)
            row = i;
    }
    QVERIFY(row >= 0);
    QVERIFY(page.showRun(view->mapFromSource(page.historyModel()->index(row, 0)).row()));
    QVERIFY2(page.reasonsLabel()->text().contains(
                 u"• 0.5 % of the batches failed (1 of 200), within --max-error-rate 1 % · first: HTTP 503"),
             qPrintable(page.reasonsLabel()->text()));
}

void TestScoringPage::keyboardWorksOnlyOnTheShownPage()
{
    Gui::MainWindow window(Gui::MainWindow::Options{});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    int index = -1;
    Gui::ScoringPage *page = scoringPage(window, &index);
    QVERIFY(page);
    QCOMPARE(window.pageCount(), index + 1);
    quickForm(*page, false);
    window.showPage(0);
    QVERIFY(!page->isVisible());
    // Ctrl+Return on another page starts nothing.
    QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!page->isRunning());

    window.showPage(index);
    QVERIFY(page->isVisible());
    // Mnemonics: Alt+B to the backend, Alt+E to the scenario, Alt+W to the warm-up.
    QTest::keyClick(&window, Qt::Key_B, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page->backendBox());
    QTest::keyClick(&window, Qt::Key_E, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page->scenarioBox());
    QTest::keyClick(&window, Qt::Key_W, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page->warmupBox()));

    QSignalSpy finished(page, &Gui::ScoringPage::runFinished);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(page->isRunning() || !finished.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), runTimeoutMs);
    // The page's status reaches the window's status bar.
    QVERIFY2(window.findChild<QLabel *>(QStringLiteral("pageStatus"))->text() == page->statusText(),
             qPrintable(window.findChild<QLabel *>(QStringLiteral("pageStatus"))->text()));

    // Ctrl+. stops a run; not while another page is shown.
    page->durationButton()->setChecked(true);
    page->durationBox()->setValue(600);
    finished.clear();
    QVERIFY(page->start());
    QTRY_VERIFY_WITH_TIMEOUT(page->chart()->windowCount() >= 1, runTimeoutMs);
    window.showPage(0);
    QTest::keyClick(&window, Qt::Key_Period, Qt::ControlModifier);
    QVERIFY(page->isRunning());
    QVERIFY(page->stopButton()->isEnabled());
    QVERIFY(finished.isEmpty());
    window.showPage(index);
    QTest::keyClick(&window, Qt::Key_Period, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), runTimeoutMs);
    QVERIFY(finished.first().first().value<Core::BenchReport>().stopped);
}

void TestScoringPage::closingDuringARunIsClean()
{
    // Deleting the page mid-run stops the run and waits for its thread, keeping what it measured in the
    // history; the sanitizer build checks for leaks.
    const int before = Core::BenchHistory(m_historyPath).list().size();
    auto *page = new Gui::ScoringPage;
    QVERIFY(historyRead(*page));
    page->show();
    quickForm(*page, true, 600);
    QVERIFY(page->start());
    QTRY_VERIFY_WITH_TIMEOUT(page->chart()->windowCount() >= 1, runTimeoutMs);
    QVERIFY(page->isRunning());
    delete page;
    const QList<Core::BenchHistoryEntry> kept = Core::BenchHistory(m_historyPath).list();
    QCOMPARE(kept.size(), before + 1);
    QCOMPARE(kept.last().verdict, QStringLiteral("INVALID"));

    // The same through the main window, closed while the run is still setting up.
    auto window = std::make_unique<Gui::MainWindow>(Gui::MainWindow::Options{});
    window->show();
    Gui::ScoringPage *inWindow = scoringPage(*window);
    QVERIFY(inWindow);
    quickForm(*inWindow, true, 600);
    QVERIFY(inWindow->start());
    bool asked = false;
    answerCloseQuestion(this, true, &asked);
    window->close();
    QVERIFY(asked);
    window.reset();
    // A later page still works (no thread or plugin state left behind).
    Gui::ScoringPage after;
    quickForm(after, false, 0, 40000);
    Core::BenchReport report;
    QVERIFY(runToEnd(after, &report));
    QCOMPARE(report.rows, qint64(40000));
}

// A run finishing while the export dialog is open adds a row above the selected one: the export still writes
// the run that was selected when the dialog opened.
void TestScoringPage::exportWritesTheRunSelectedWhenTheDialogOpened()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(page.historyModel()->append(pastReport(-3600)));
    QTableView *view = page.historyView();
    // Newest first: select the top row, the run that is newest now.
    view->selectRow(0);
    const QModelIndex selected = view->selectionModel()->selectedRows().value(0);
    QVERIFY(selected.isValid());
    const qint64 id = selected.data(Core::BenchHistoryModel::IdRole).toLongLong();
    auto expected = page.historyModel()->report(page.historyModel()->rowOf(id));
    QVERIFY(expected);

    const QString out = m_dir.filePath(QStringLiteral("export/race.json"));
    QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
    QFile::remove(out);
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialogSeen = true;
        // A run ends meanwhile: its row goes on top.
        QVERIFY(page.historyModel()->append(pastReport(3600)));
        QVERIFY(view->model()->index(0, 0).data(Core::BenchHistoryModel::IdRole).toLongLong() != id);
        dialog->selectFile(out);
        QMetaObject::invokeMethod(dialog, &QDialog::accept);
    });
    QVERIFY(page.exportSelectedRun());
    QVERIFY(dialogSeen);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(written, expected->toJson());
}

// Several runs selected: offered as CSV, one row each, oldest first; as JSON, an array.
void TestScoringPage::exportOfSeveralRunsWritesOneRowEach()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    Core::BenchReport later = pastReport(-7000);
    later.model = QStringLiteral("exported later");
    Core::BenchReport earlier = pastReport(-7100);
    earlier.model = QStringLiteral("exported earlier");
    QVERIFY(page.historyModel()->append(later));
    QVERIFY(page.historyModel()->append(earlier));   // appended after, started before
    QTableView *view = page.historyView();
    page.historyFilterEdit()->setText(QStringLiteral("exported"));
    QCOMPARE(view->model()->rowCount(), 2);
    view->selectAll();
    QVERIFY(page.exportButton()->isEnabled());

    const QString base = m_dir.filePath(QStringLiteral("export/several"));
    QVERIFY(QDir().mkpath(QFileInfo(base).absolutePath()));
    const auto exportAs = [&](const QString &name, const char *filter, QString *title) {
        QTimer::singleShot(0, this, [&, name, filter, title] {
            QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            *title = dialog->windowTitle() + u'|' + dialog->selectedNameFilter();
            if (filter)
                dialog->selectNameFilter(dialog->nameFilters().filter(QLatin1StringView(filter)).value(0));
            dialog->selectFile(name);
            QMetaObject::invokeMethod(dialog, &QDialog::accept);
        });
        return page.exportSelectedRun();
    };
    QString title;
    QVERIFY(exportAs(base, nullptr, &title));   // a bare name: the CSV filter offered first adds .csv
    QCOMPARE(title, QStringLiteral("Export 2 benchmark reports|CSV report (*.csv)"));
    QFile csv(base + QStringLiteral(".csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), Core::BenchReport::csvHeader().join(u',').toUtf8());
    QVERIFY2(lines.at(1).contains("exported earlier") && lines.at(2).contains("exported later"), lines.at(1).constData());

    QVERIFY(exportAs(base + QStringLiteral(".json"), "JSON", &title));
    QFile json(base + QStringLiteral(".json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray reports = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(reports.size(), 2);
    QCOMPARE(reports.at(0).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("exported earlier"));
    QCOMPARE(reports.at(1).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("exported later"));
}

// History ids are byte offsets: a run that finishes while the dialog is open and compacts the history moves
// every older run. The export then refuses rather than write whichever run now sits at the old offset.
void TestScoringPage::exportAfterACompactionRefusesAMovedRun()
{
    QFile::remove(m_historyPath);
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    page.historyModel()->reload();
    QVERIFY(page.historyModel()->append(pastReport(-3600)));
    QTableView *view = page.historyView();
    view->selectRow(0);
    const qint64 id = view->selectionModel()->selectedRows().value(0).data(Core::BenchHistoryModel::IdRole).toLongLong();
    QCOMPARE(id, qint64(0));   // the first line of a fresh history

    const QString out = m_dir.filePath(QStringLiteral("export/moved.json"));
    QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
    QFile::remove(out);
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        // A run ends meanwhile and takes the history over its bound: only it is kept, at offset 0.
        page.historyModel()->history().setMaxBytes(1);
        QVERIFY(page.historyModel()->append(pastReport(3600)));
        page.historyModel()->history().setMaxBytes(Core::BenchHistory::defaultMaxBytes);
        QCOMPARE(page.historyModel()->rowCount(), 1);
        QCOMPARE(page.historyModel()->rowOf(id), 0);
        dialog->selectFile(out);
        QMetaObject::invokeMethod(dialog, &QDialog::accept);
    });
    QVERIFY(!page.exportSelectedRun());
    QVERIFY(!QFile::exists(out));
}

// A bare name gets the filter's suffix from the dialog itself, so the dialog asks before replacing that file.
void TestScoringPage::exportAsksBeforeReplacingANameWithoutSuffix()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(page.historyModel()->append(pastReport(-7200)));
    page.historyView()->selectRow(0);
    const QString bare = m_dir.filePath(QStringLiteral("export/existing"));
    QVERIFY(QDir().mkpath(QFileInfo(bare).absolutePath()));
    {
        QFile f(bare + u".csv");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me\n");
    }
    bool asked = false;
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialogSeen = true;
        dialog->selectNameFilter(dialog->nameFilters().value(1)); // CSV
        dialog->selectFile(bare);
        // The dialog's question about existing.csv: No keeps the file and the dialog open.
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            asked = box->text().contains(u"existing.csv");
            box->button(QMessageBox::No)->click();
        });
        QMetaObject::invokeMethod(dialog, &QDialog::accept);
        QVERIFY(dialog->isVisible());
        dialog->reject();
    });
    QVERIFY(!page.exportSelectedRun());
    QVERIFY(dialogSeen);
    QVERIFY(asked);
    QFile f(bare + u".csv");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me\n"));
}

// Closing the window mid-run asks first; Cancel keeps the window and the run, Stop and close keeps what was
// measured in the history, as Stop does. The window does not wait for the run on the spot: it stays open (and
// paints "Stopping…") until the run has stopped, then closes.
void TestScoringPage::closingTheWindowMidRunAsksAndKeepsTheRun()
{
    const int before = Core::BenchHistory(m_historyPath).list().size();
    auto window = std::make_unique<Gui::MainWindow>(Gui::MainWindow::Options{});
    window->show();
    Gui::ScoringPage *page = scoringPage(*window);
    QVERIFY(page);
    quickForm(*page, true, 600);
    QVERIFY(page->start());
    QTRY_VERIFY_WITH_TIMEOUT(page->chart()->windowCount() >= 2, runTimeoutMs);

    bool asked = false;
    answerCloseQuestion(this, false, &asked);
    QVERIFY(!window->close());
    QVERIFY(asked);
    QVERIFY(window->isVisible());
    QVERIFY(page->isRunning());

    asked = false;
    QSignalSpy finished(page, &Gui::ScoringPage::runFinished);
    answerCloseQuestion(this, true, &asked);
    QVERIFY(!window->close());
    QVERIFY(asked);
    QVERIFY(window->isVisible());
    QVERIFY2(page->statusText().startsWith(u"Stopping"), qPrintable(page->statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), runTimeoutMs);
    QVERIFY(!page->isRunning());
    QCOMPARE(finished.size(), 1);
    const Core::BenchReport report = finished.first().first().value<Core::BenchReport>();
    QVERIFY(report.stopped);
    QVERIFY(report.rows > 0);
    window.reset();

    const QList<Core::BenchHistoryEntry> entries = Core::BenchHistory(m_historyPath).list();
    QCOMPARE(entries.size(), before + 1);
    QCOMPARE(entries.last().startedAt, report.startedAt);
    QCOMPARE(entries.last().verdict, QStringLiteral("INVALID"));
    QCOMPARE(entries.last().rows, report.rows);

    // No run, no question.
    Gui::MainWindow idle{Gui::MainWindow::Options{}};
    idle.show();
    QVERIFY(idle.close());
}

// A run blocked where a stop cannot reach it (here: opening a FIFO input no one writes to) does not hang the
// window: it stays responsive, and closing it again offers to quit without waiting. Keep waiting keeps the
// window; Quit now ends the process (a hook here); once the run ends after all, the window closes by itself.
void TestScoringPage::closingAgainWhileStoppingOffersToQuitNow()
{
    const QString fifo = m_dir.filePath(QStringLiteral("blocked.csv"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    auto removeFifo = qScopeGuard([&] { QFile::remove(fifo); });
    int quits = 0;
    Gui::MainWindow::Options options;
    options.quitWithoutWaiting = [&quits] { ++quits; };
    auto window = std::make_unique<Gui::MainWindow>(options);
    window->show();
    Gui::ScoringPage *page = scoringPage(*window);
    QVERIFY(page);
    quickForm(*page, false, 1000);
    page->inputEdit()->setText(fifo);
    QVERIFY(page->start());
    QTRY_VERIFY_WITH_TIMEOUT(page->statusText().contains(u"reading"), runTimeoutMs);

    bool asked = false;
    answerCloseQuestion(this, true, &asked);
    QVERIFY(!window->close());
    QVERIFY(asked);
    QVERIFY(page->isRunning());
    QTest::qWait(100);   // the run is stuck in the FIFO's open(): nothing closes the window
    QVERIFY(window->isVisible());

    // Closing again: Keep waiting, then Quit now.
    for (const bool quit : {false, true}) {
        bool offered = false;
        QTimer::singleShot(0, this, [quit, &offered] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QCOMPARE(box->objectName(), QStringLiteral("quitNowQuestion"));
            offered = true;
            if (quit)
                box->findChild<QPushButton *>(QStringLiteral("quitNowButton"))->click();
            else
                box->escapeButton()->click();
        });
        QVERIFY(!window->close());
        QVERIFY(offered);
        QCOMPARE(quits, quit ? 1 : 0);
        QVERIFY(window->isVisible());
    }

    // The writer comes and goes: the input is empty, the run ends (failed: no rows) and the window closes.
    QFile writer(fifo);
    QVERIFY(writer.open(QIODevice::WriteOnly));
    writer.close();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), runTimeoutMs);
    QVERIFY(!page->isRunning());
    QCOMPARE(quits, 1);
}

// Double-clicking a past run while a run is live does not draw it into the live charts or verdict.
void TestScoringPage::pastRunsAreNotMixedIntoALiveRun()
{
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    page.show();
    QVERIFY(page.historyModel()->append(pastReport(-10800)));
    quickForm(page, true, 600);
    QVERIFY(page.start());
    QTRY_VERIFY_WITH_TIMEOUT(page.chart()->windowCount() >= 1, runTimeoutMs);
    QVERIFY(!page.showRun(0));
    QVERIFY(!page.verdictLabel()->isVisible());
    QVERIFY2(page.statusText().contains(u"in flight"), qPrintable(page.statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(page.chart()->windowCount() >= 2, runTimeoutMs);
    const QList<QPointF> live = page.chart()->throughput();
    for (qsizetype i = 1; i < live.size(); ++i)
        QVERIFY2(live.at(i).x() > live.at(i - 1).x(), "the live chart's windows go back in time");
    QVERIFY(live.first().x() < 10);
    page.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isRunning(), runTimeoutMs);
    // Once it has ended, past runs show again; the scenario is named, not keyed.
    QVERIFY(page.showRun(0));
    QVERIFY(page.verdictLabel()->isVisible());
    const QString summary = page.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(u"Offline"), qPrintable(summary));
}

// A history file with damaged entries, or one that cannot be read, is said in the page and the window's banner.
void TestScoringPage::damagedHistoryIsReported()
{
    const QString saved = m_historyPath + u".saved";
    QFile::remove(saved);
    const bool had = QFile::exists(m_historyPath);
    if (had)
        QVERIFY(QFile::copy(m_historyPath, saved));
    auto restore = qScopeGuard([&] {
        QDir(m_historyPath).removeRecursively();
        QFile::remove(m_historyPath);
        if (had)
            QFile::rename(saved, m_historyPath);
    });
    {
        Core::BenchHistory history(m_historyPath);
        QVERIFY(history.append(pastReport(-20000)));
        QFile f(m_historyPath);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"backend\": \"damaged\"}\nnot json\n");
    }
    const QString skipped = QStringLiteral("2 damaged entries skipped in %1").arg(m_historyPath);
    {
        Gui::MainWindow window{Gui::MainWindow::Options{}};
        Gui::ScoringPage *page = scoringPage(window);
        QVERIFY(page);
        QVERIFY2(page->statusText().contains(skipped), qPrintable(page->statusText()));
        QTRY_VERIFY2(window.bannerText().contains(skipped), qPrintable(window.bannerText()));
    }
    // A folder where the file should be: it cannot be read.
    QVERIFY(QFile::remove(m_historyPath));
    QVERIFY(QDir().mkpath(m_historyPath));
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    QVERIFY2(page.statusText().startsWith(m_historyPath + u": cannot read: "), qPrintable(page.statusText()));
    QCOMPARE(page.historyModel()->rowCount(), 0);
}

// F5 reads the history again on a thread of its own; the runs that were selected are selected afterwards.
void TestScoringPage::selectionSurvivesARefresh()
{
    {
        Core::BenchHistory history(m_historyPath);
        for (int i = 0; i < 4; ++i)
            QVERIFY(history.append(pastReport(-40000 + i * 60)));
    }
    Gui::ScoringPage page;
    QVERIFY(historyRead(page));
    QTableView *view = page.historyView();
    QVERIFY(view->model()->rowCount() >= 4);
    const auto selectedIds = [view] {
        QList<qint64> ids;
        const QModelIndexList rows = view->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows)
            ids.append(index.data(Core::BenchHistoryModel::IdRole).toLongLong());
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    view->selectionModel()->select(view->model()->index(1, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->model()->index(3, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<qint64> before = selectedIds();
    QCOMPARE(before.size(), 2);
    QVERIFY(page.compareButton()->isEnabled());

    QSignalSpy reset(page.historyModel(), &QAbstractItemModel::modelReset);
    page.refresh();
    QVERIFY(page.historyModel()->isReading());
    QVERIFY(historyRead(page));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(selectedIds(), before);
    QVERIFY(page.compareButton()->isEnabled());
}

// A window in which no batch completed has a throughput point (0) but no latency point, rather than 0 ms.
void TestScoringPage::windowsWithoutBatchesHaveNoLatencyPoint()
{
    Gui::BenchChart chart;
    chart.resize(600, 400);
    QList<Core::BenchWindow> windows;
    for (int i = 0; i < 3; ++i) {
        Core::BenchWindow w;
        w.t = i + 1;
        w.spanS = 1;
        w.batches = i == 1 ? 0 : 4;
        w.rows = w.batches * 100;
        w.rowsPerS = double(w.rows);
        w.p50Ms = i == 1 ? 0 : 5;
        w.p99Ms = i == 1 ? 0 : 9;
        windows.append(w);
    }
    chart.setWindows(windows);
    QCOMPARE(chart.windowCount(), qsizetype(3));
    QCOMPARE(chart.p50(), (QList<QPointF>{{1, 5}, {3, 5}}));
    QCOMPARE(chart.p99(), (QList<QPointF>{{1, 9}, {3, 9}}));
    chart.clear();
    chart.addWindow(windows.at(1));
    QCOMPARE(chart.windowCount(), qsizetype(1));
    QVERIFY(chart.p50().isEmpty());
}

void TestScoringPage::screenshot()
{
    Gui::MainWindow window(Gui::MainWindow::Options{});
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int index = -1;
    Gui::ScoringPage *page = scoringPage(window, &index);
    QVERIFY(page);
    window.showPage(index);
    // An open-loop run: its rate does not depend on how busy the machine is, so the picture is a steady one.
    quickForm(*page, true, 8);
    page->batchSizeBox()->setValue(1000);
    page->scenarioBox()->setCurrentIndex(page->scenarioBox()->findData(int(Core::Scenario::Rate)));
    page->rateBox()->setValue(400);
    page->poissonBox()->setChecked(true);
    page->warmupBox()->setValue(1);
    page->maxP99Box()->setValue(50);
    Core::BenchReport report;
    QVERIFY(runToEnd(*page, &report));
    QVERIFY(report.windows.size() >= 3);
    QVERIFY(page->histogram()->binCount() > 0);
    QCOMPARE(window.size(), QSize(1200, 760));
    saveScreenshot(window.grab(), QStringLiteral("scoring.png"));
}

void TestScoringPage::saveScreenshot(const QPixmap &shot, const QString &fileName)
{
    QVERIFY(!shot.isNull());
    const QString buildShots = QStringLiteral(OPSDECK_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(buildShots));
    QVERIFY(shot.save(buildShots + u'/' + fileName));
    // The README shows the copies under docs/; they change only when asked for.
    if (qEnvironmentVariable("OPSDECK_UPDATE_SCREENSHOTS") == u"1") {
        const QString docsShots = QStringLiteral(OPSDECK_SOURCE_DIR "/docs/screenshots");
        QVERIFY(QDir().mkpath(docsShots));
        QVERIFY(shot.save(docsShots + u'/' + fileName));
    }
}

QTEST_MAIN(TestScoringPage)
#include "tst_scoringpage.moc"
