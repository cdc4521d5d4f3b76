// The Services page and the main window shell against loopback fakes for Livy, Spark REST, Spark UI and
// Elasticsearch, a real redis-server and a scoring endpoint with nothing listening; the profile editor's round
// trip through the profiles file; the README screenshot.
#include "config/profilestore.h"
#include "gui/healthstatedelegate.h"
#include "gui/latencychart.h"
#include "gui/mainwindow.h"
#include "gui/messagebanner.h"
#include "gui/profileeditordialog.h"
#include "gui/resources.h"
#include "gui/serviceconfigeditor.h"
#include "gui/servicespage.h"
#include "gui/theme.h"
#include "health/healthmonitor.h"
#include "health/healthtablemodel.h"
#include "support/freeport.h"
#include "support/httpfake.h"
#include "support/redisserver.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtGui/QPalette>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>

#include <memory>

using namespace Opsdeck;
using Core::HealthState;

namespace {

constexpr int roundTimeoutMs = 30000;

QUrl url(const QString &text)
{
    return QUrl(text, QUrl::StrictMode);
}

QMap<QString, HealthState> statesByKey(const QAbstractItemModel *model)
{
    QMap<QString, HealthState> states;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        states.insert(index.data(Core::HealthTableModel::KeyRole).toString(),
                      HealthState(index.data(Core::HealthTableModel::StateRole).toInt()));
    }
    return states;
}

QPalette darkPalette()
{
    QPalette dark;
    const QColor text(0xe6, 0xe6, 0xe6);
    dark.setColor(QPalette::Window, QColor(0x23, 0x25, 0x29));
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1d));
    dark.setColor(QPalette::AlternateBase, QColor(0x20, 0x23, 0x27));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x2d, 0x30, 0x35));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x30, 0x35));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9d, 0xa5, 0xb0));
    dark.setColor(QPalette::Light, QColor(0x3a, 0x3d, 0x42));
    dark.setColor(QPalette::Midlight, QColor(0x33, 0x36, 0x3b));
    dark.setColor(QPalette::Mid, QColor(0x2a, 0x2c, 0x30));
    dark.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x18));
    dark.setColor(QPalette::Shadow, Qt::black);
    return dark;
}

Gui::ServicesPage *servicesPage(const Gui::MainWindow &window)
{
    return qobject_cast<Gui::ServicesPage *>(window.page(0));
}

// Answers the profile editor's "Save the changes?" as soon as it shows, clicking the button called `button`
// (saveChangesButton, discardChangesButton, keepEditingButton); `asked` counts the questions.
void answerUnsavedQuestion(QObject *context, const QString &button, int *asked)
{
    QTimer::singleShot(0, context, [button, asked] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QCOMPARE(box->objectName(), QStringLiteral("unsavedChangesQuestion"));
        ++*asked;
        box->findChild<QPushButton *>(button)->click();
    });
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestServicesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void showsEveryServiceWithItsState();
    void refreshButtonDisabledWhileRoundInFlight();
    void switchingProfileResetsTable();
    void brokenFileStartsOnBuiltinProfile();
    void unknownProfileFallsBackToDefault();
    void paletteChangeSwitchesScheme();
    void urlFieldIsCheckedAsYouType();
    void profileEditorRoundTrip();
    void profileEditorKeyboard();
    void editorSaveFromMainWindowReloads();
    void editorAsksBeforeDiscardingChanges();
    void stateChangesAreAnnounced();
    void closingWithoutAskingDiscardsEditorChanges();
    void sigtermClosesTheWindowAndEnds();
    void screenshot();

private:
    void routeLivy();
    void saveScreenshot(const QPixmap &shot, const QString &fileName);
    [[nodiscard]] QString writeProfiles(const QString &fileName) const;
    [[nodiscard]] Core::Profile stagingProfile() const;

    QTemporaryDir m_dir;
    Test::HttpFake m_http;
    std::unique_ptr<Test::RedisServerProcess> m_redis;
    quint16 m_deadPort = 0;
    QString m_configFile;
    int m_livyRequests = 0;
};

void TestServicesPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Settings and the default profiles path land in the temporary folder, never in the user's own.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg-config"))));
    qunsetenv("OPSDECK_PROFILE");
    QCoreApplication::setOrganizationName(QStringLiteral("opsdeck-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_servicespage"));
    QVERIFY2(QSettings().fileName().startsWith(m_dir.path()), qPrintable(QSettings().fileName()));
    QVERIFY(Core::ProfileStore::defaultConfigPath().startsWith(m_dir.path()));

    if (Test::RedisServerProcess::executable().isEmpty())
        QSKIP("redis-server is not installed (Debian package redis-server)");
    m_redis = std::make_unique<Test::RedisServerProcess>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));

    QVERIFY2(m_http.listen(), qPrintable(m_http.errorString()));
    // Answers as protocols.md describes them.
    routeLivy();
    m_http.route("GET", "/spark-rest/v1/submissions/status/*", [](const Test::FakeRequest &request) {
        const QByteArray id = request.path.mid(request.path.lastIndexOf('/') + 1);
        return Test::FakeResponse::json(R"({"action":"SubmissionStatusResponse","message":"Driver )" + id
                                           + R"( not found","serverSparkVersion":"3.5.1","submissionId":")" + id
                                           + R"(","success":false})")
            .withDelay(8);
    });
    m_http.route("GET", "/spark-ui/api/v1/version", Test::FakeResponse::json(R"({"spark":"3.5.1"})").withDelay(4));
    m_http.route("GET", "/es/",
                 Test::FakeResponse::json(
                     R"({"name":"node-1","cluster_name":"testcluster","cluster_uuid":"hGm2DfX8Q0mFZ0f0cZ4hxw",)"
                     R"("version":{"number":"8.13.4","build_flavor":"default","lucene_version":"9.10.0"},)"
                     R"("tagline":"You Know, for Search"})")
                     .withDelay(12));
    QByteArray clusterHealth = R"({"cluster_name":"testcluster","status":"yellow","timed_out":false,)"
                               R"("number_of_nodes":1,"number_of_data_nodes":1,"active_primary_shards":1,)"
                               R"("active_shards":1,"relocating_shards":0,"initializing_shards":0,)"
                               R"("unassigned_shards":1})";
    QFile fixture(QStringLiteral(OPSDECK_SHARED_DIR "/reference/fixtures/elasticsearch/cluster_health.json"));
    if (fixture.open(QIODevice::ReadOnly))
        clusterHealth = fixture.readAll();   // the recorded answer when the shared folder is there
    m_http.route("GET", "/es/_cluster/health", Test::FakeResponse::json(clusterHealth).withDelay(6));

    m_deadPort = Test::freeLoopbackPort();
    QVERIFY(m_deadPort != 0);
    m_configFile = writeProfiles(QStringLiteral("profiles.toml"));
    QVERIFY(!m_configFile.isEmpty());
}

void TestServicesPage::cleanupTestCase()
{
    m_http.close();
    if (m_redis)
        m_redis->stop();
}

void TestServicesPage::init()
{
    // Each window starts from the same settings: no remembered profile, page or geometry.
    QSettings().clear();
}

void TestServicesPage::routeLivy()
{
    // Latencies vary a little from request to request so that the chart has a shape.
    m_http.route("GET", "/livy/batches", [this](const Test::FakeRequest &) {
        const int n = ++m_livyRequests;
        return Test::FakeResponse::json(
                   R"({"from":0,"total":2,"sessions":[{"id":11,"name":null,"owner":null,"proxyUser":null,)"
                   R"("state":"running","appId":"application_1622515365210_0423","appInfo":{"driverLogUrl":null,)"
                   R"("sparkUiUrl":null},"log":[]}]})")
            .withDelay(20 + (n * 37) % 60);
    });
}

Core::Profile TestServicesPage::stagingProfile() const
{
    const QString base = m_http.url().toString();
    Core::Profile staging;
    staging.name = QStringLiteral("staging");
    staging.timeoutMs = 5000;
    staging.livy.url = url(base + u"/livy");
    staging.sparkRest.url = url(base + u"/spark-rest");
    staging.sparkUi.url = url(base + u"/spark-ui");
    staging.elasticsearch.url = url(base + u"/es");
    staging.redis.url = url(QStringLiteral("redis://127.0.0.1:%1/0").arg(m_redis->port()));
    Core::ScoringEndpointConfig endpoint;
    endpoint.name = QStringLiteral("score-1");
    endpoint.url = url(QStringLiteral("http://127.0.0.1:%1/score").arg(m_deadPort));
    endpoint.protocol = QStringLiteral("float32");
    endpoint.features = 4;
    staging.scoring.append(endpoint);
    return staging;
}

QString TestServicesPage::writeProfiles(const QString &fileName) const
{
    Core::ProfileStore store;
    store.upsert(stagingProfile());
    Core::Profile redisOnly;
    redisOnly.name = QStringLiteral("redis-only");
    redisOnly.timeoutMs = 5000;
    redisOnly.redis.url = url(QStringLiteral("redis://127.0.0.1:%1/1").arg(m_redis->port()));
    store.upsert(redisOnly);
    store.setDefaultProfileName(QStringLiteral("staging"));
    const QString path = m_dir.filePath(fileName);
    auto written = store.saveFile(path);
    if (!written) {
        qWarning().noquote() << written.error().toString();
        return {};
    }
    return path;
}

void TestServicesPage::showsEveryServiceWithItsState()
{
    Gui::MainWindow window({m_configFile, {}, {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentProfileName(), QStringLiteral("staging"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Opsdeck — staging"));
    QCOMPARE(window.bannerText(), QString());
    QCOMPARE(window.pageCount(), 2);   // Services, Scoring

    Gui::ServicesPage *page = servicesPage(window);
    QVERIFY(page);
    QTRY_COMPARE_WITH_TIMEOUT(page->monitor()->roundsCompleted(), 1, roundTimeoutMs);

    const QAbstractItemModel *model = page->table()->model();
    QCOMPARE(model, page->model());
    QCOMPARE(model->rowCount(), 6);
    const QMap<QString, HealthState> expected{
        {QStringLiteral("livy"), HealthState::Up},
        {QStringLiteral("spark_rest"), HealthState::Up},
        {QStringLiteral("spark_ui"), HealthState::Up},
        {QStringLiteral("elasticsearch"), HealthState::Up},
        {QStringLiteral("redis"), HealthState::Up},
        {QStringLiteral("scoring:score-1"), HealthState::Unreachable},
    };
    QTRY_COMPARE(statesByKey(model), expected);

    // Versions and details as the services told them.
    for (int row = 0; row < model->rowCount(); ++row) {
        const Core::ServiceHealth health = page->model()->row(row);
        if (health.key == u"spark_ui" || health.key == u"spark_rest")
            QCOMPARE(health.version, QStringLiteral("3.5.1"));
        if (health.key == u"elasticsearch") {
            QCOMPARE(health.version, QStringLiteral("8.13.4"));
            QVERIFY2(health.detail.contains(u"yellow"), qPrintable(health.detail));
        }
        if (health.key == u"redis")
            QVERIFY(!health.version.isEmpty());
        if (health.key == u"scoring:score-1") {
            QCOMPARE(health.latencyMs, -1);
            QVERIFY2(health.detail.contains(QString::number(m_deadPort)), qPrintable(health.detail));
        }
        if (health.key == u"livy")
            QCOMPARE(health.detail, QStringLiteral("2 batch(es)"));
    }
    // The state column is painted by the state delegate; latency is right-aligned; detail has a tooltip.
    QVERIFY(qobject_cast<Gui::HealthStateDelegate *>(
        page->table()->itemDelegateForColumn(Core::HealthTableModel::StateColumn)));
    const QModelIndex latency = model->index(0, Core::HealthTableModel::LatencyColumn);
    QCOMPARE(latency.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    const QModelIndex detail = model->index(5, Core::HealthTableModel::DetailColumn);
    QCOMPARE(detail.data(Qt::ToolTipRole).toString(), detail.data().toString());

    // The chart got one point per answering service and a marker for the one that did not answer.
    Gui::LatencyChart *chart = page->chart();
    QCOMPARE(chart->keys().size(), 6);
    QCOMPARE(chart->answeredPoints(QStringLiteral("livy")), 1);
    QCOMPARE(chart->unreachablePoints(QStringLiteral("livy")), 0);
    QCOMPARE(chart->answeredPoints(QStringLiteral("redis")), 1);
    QCOMPARE(chart->answeredPoints(QStringLiteral("scoring:score-1")), 0);
    QCOMPARE(chart->unreachablePoints(QStringLiteral("scoring:score-1")), 1);

    // Status bar: profile, config file, last round.
    auto *pageStatus = window.findChild<QLabel *>(QStringLiteral("pageStatus"));
    auto *configStatus = window.findChild<QLabel *>(QStringLiteral("configStatus"));
    auto *profileStatus = window.findChild<QLabel *>(QStringLiteral("profileStatus"));
    QVERIFY(pageStatus && configStatus && profileStatus);
    QVERIFY2(pageStatus->text().contains(u"5 of 6"), qPrintable(pageStatus->text()));
    QCOMPARE(configStatus->text(), QDir::toNativeSeparators(m_configFile));
    QVERIFY(profileStatus->text().contains(u"staging"));

    // Ctrl+C copies the selected service's row with the headers, tab-separated, its detail in full.
    QGuiApplication::clipboard()->clear();
    page->table()->setFocus();
    page->table()->selectRow(5);
    QTest::keySequence(page->table(), QKeySequence::Copy);
    const QStringList copied = QGuiApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(copied.size(), 2);
    QVERIFY2(copied.at(0).startsWith(QStringLiteral("Service\t")), qPrintable(copied.at(0)));
    QVERIFY2(copied.at(1).startsWith(QStringLiteral("Scoring score-1\t")), qPrintable(copied.at(1)));
    QVERIFY2(copied.at(1).endsWith(u'\t' + detail.data().toString()), qPrintable(copied.at(1)));
    QCOMPARE(copied.at(1).count(u'\t'), model->columnCount() - 1);
    // Also in the table's context menu.
    QVERIFY(page->table()->contextMenuPolicy() == Qt::ActionsContextMenu);
    QVERIFY(page->table()->findChild<QAction *>(QStringLiteral("copyRowsAction")));
}

void TestServicesPage::refreshButtonDisabledWhileRoundInFlight()
{
    Gui::MainWindow window({m_configFile, {}, {}});
    window.show();
    Gui::ServicesPage *page = servicesPage(window);
    QTRY_COMPARE_WITH_TIMEOUT(page->monitor()->roundsCompleted(), 1, roundTimeoutMs);
    QPushButton *button = page->refreshButton();
    QVERIFY(button->isEnabled());

    // Livy now answers after a long pause, so the round stays in flight while we look.
    m_http.route("GET", "/livy/batches",
                 Test::FakeResponse::json(R"({"from":0,"total":0,"sessions":[]})").withDelay(1500));
    const int livyBefore = m_http.requestCount("GET", "/livy/batches");
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(page->monitor()->isRoundRunning());
    QVERIFY(!button->isEnabled());
    // F5 and clicks while the round runs start nothing new (rounds never overlap).
    QTRY_COMPARE(m_http.requestCount("GET", "/livy/batches"), livyBefore + 1);
    window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(page->monitor()->roundsCompleted(), 2, roundTimeoutMs);
    QVERIFY(button->isEnabled());
    QCOMPARE(m_http.requestCount("GET", "/livy/batches"), livyBefore + 1);
    QCOMPARE(page->chart()->answeredPoints(QStringLiteral("livy")), 2);
    QCOMPARE(page->chart()->unreachablePoints(QStringLiteral("scoring:score-1")), 2);

    routeLivy();
}

void TestServicesPage::switchingProfileResetsTable()
{
    Gui::MainWindow window({m_configFile, {}, {}});
    window.show();
    Gui::ServicesPage *page = servicesPage(window);
    QTRY_COMPARE_WITH_TIMEOUT(page->monitor()->roundsCompleted(), 1, roundTimeoutMs);
    QCOMPARE(page->model()->rowCount(), 6);

    QComboBox *switcher = window.profileSwitcher();
    QCOMPARE(switcher->count(), 2);
    switcher->setCurrentIndex(switcher->findData(QStringLiteral("redis-only")));
    QCOMPARE(window.currentProfileName(), QStringLiteral("redis-only"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Opsdeck — redis-only"));
    QCOMPARE(page->monitor()->profile().name, QStringLiteral("redis-only"));
    // The previous profile's rows and chart are gone at once; the new round starts in Checking.
    QCOMPARE(page->table()->model(), page->model());
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(statesByKey(page->model()),
             (QMap<QString, HealthState>{{QStringLiteral("redis"), HealthState::Checking}}));
    QVERIFY(page->chart()->keys().isEmpty());
    QVERIFY(!page->lastRound().isValid());

    QTRY_COMPARE_WITH_TIMEOUT(statesByKey(page->model()),
                              (QMap<QString, HealthState>{{QStringLiteral("redis"), HealthState::Up}}),
                              roundTimeoutMs);
    QCOMPARE(page->chart()->keys(), QStringList{QStringLiteral("redis")});
    QCOMPARE(page->chart()->answeredPoints(QStringLiteral("redis")), 1);

    // Back to a profile with the same row keys as before must not show stale values either.
    switcher->setCurrentIndex(switcher->findData(QStringLiteral("staging")));
    QCOMPARE(page->model()->rowCount(), 6);
    for (HealthState state : statesByKey(page->model()))
        QCOMPARE(state, HealthState::Checking);
    QTRY_COMPARE_WITH_TIMEOUT(statesByKey(page->model()).value(QStringLiteral("redis")), HealthState::Up,
                              roundTimeoutMs);
    // The last profile used is remembered for the next start.
    QCOMPARE(QSettings().value(QStringLiteral("mainWindow/profile")).toString(), QStringLiteral("staging"));
}

void TestServicesPage::brokenFileStartsOnBuiltinProfile()
{
    const QString broken = m_dir.filePath(QStringLiteral("broken.toml"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("default = \"prod\"\n[profiles.prod\nlivy = 3\n");
    file.close();

    Gui::MainWindow window({broken, QStringLiteral("prod"), {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentProfileName(), Core::ProfileStore::builtinLocal().name);
    QVERIFY2(window.bannerText().contains(broken + u':'), qPrintable(window.bannerText()));
    QVERIFY2(window.bannerText().contains(u"built-in profile"), qPrintable(window.bannerText()));
    auto *banner = window.findChild<QWidget *>(QStringLiteral("messageBanner"));
    QVERIFY(banner && banner->isVisible());
    // The profile asked for is not in the built-in set: said too, and the status bar shows the latest problem.
    QVERIFY2(window.bannerText().contains(u"'prod'"), qPrintable(window.bannerText()));
    QVERIFY2(window.statusBar()->currentMessage().contains(u"'prod'"), qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("configStatus"))->text(), QStringLiteral("built-in profile"));
    // The banner's Close button hides it.
    QTest::mouseClick(window.findChild<QWidget *>(QStringLiteral("messageBannerClose")), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QCOMPARE(window.bannerText(), QString());
}

void TestServicesPage::unknownProfileFallsBackToDefault()
{
    Gui::MainWindow window({m_configFile, QStringLiteral("nope"), {}});
    QCOMPARE(window.currentProfileName(), QStringLiteral("staging"));
    QVERIFY2(window.bannerText().contains(u"'nope'"), qPrintable(window.bannerText()));
    QVERIFY(!window.switchProfile(QStringLiteral("also-missing")));
    QCOMPARE(window.currentProfileName(), QStringLiteral("staging"));
    QVERIFY(window.bannerText().contains(u"'also-missing'"));
}

void TestServicesPage::paletteChangeSwitchesScheme()
{
    Gui::MainWindow window({m_configFile, {}, {}});
    window.show();
    Gui::ServicesPage *page = servicesPage(window);
    auto *delegate = qobject_cast<Gui::HealthStateDelegate *>(
        page->table()->itemDelegateForColumn(Core::HealthTableModel::StateColumn));
    QVERIFY(delegate);
    const QPalette original = QApplication::palette();
    const bool startedDark = Gui::isDarkPalette(original);
    QCOMPARE(page->chart()->isDark(), startedDark);
    QCOMPARE(delegate->isDark(), startedDark);

    const QPalette dark = darkPalette();
    QPalette light = dark;
    light.setColor(QPalette::Window, QColor(0xf3, 0xf3, 0xf3));
    QApplication::setPalette(startedDark ? light : dark);
    QTRY_COMPARE(page->chart()->isDark(), !startedDark);
    QCOMPARE(delegate->isDark(), !startedDark);
    QApplication::setPalette(original);
    QTRY_COMPARE(page->chart()->isDark(), startedDark);
    QCOMPARE(delegate->isDark(), startedDark);
    // State colours differ between the schemes and from each other.
    QVERIFY(Gui::stateColor(HealthState::Up, true) != Gui::stateColor(HealthState::Up, false));
    QVERIFY(Gui::stateColor(HealthState::Up, false) != Gui::stateColor(HealthState::Unreachable, false));
}

void TestServicesPage::urlFieldIsCheckedAsYouType()
{
    QCOMPARE(Gui::urlProblem(QString(), false), QString());
    QCOMPARE(Gui::urlProblem(QStringLiteral("https://es.example:9200"), false), QString());
    QCOMPARE(Gui::urlProblem(QStringLiteral("redis://127.0.0.1:6379/2"), true), QString());
    QVERIFY(!Gui::urlProblem(QStringLiteral("ftp://host"), false).isEmpty());
    QVERIFY(!Gui::urlProblem(QStringLiteral("http://user:pw@host"), false).isEmpty());
    QVERIFY(!Gui::urlProblem(QStringLiteral("http://"), false).isEmpty());
    QVERIFY(!Gui::urlProblem(QStringLiteral("redis://host/x"), true).isEmpty());
    QVERIFY(!Gui::urlProblem(QStringLiteral("http://host"), true).isEmpty());

    auto store = Core::ProfileStore::loadFile(m_configFile);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
    Gui::ProfileEditorDialog dialog(*store, m_dir.filePath(QStringLiteral("unused.toml")));
    dialog.show();
    Gui::ServiceConfigEditor *livy = dialog.serviceEditor(Core::ServiceKind::Livy);
    QLineEdit *edit = livy->urlEdit();
    QCOMPARE(livy->problem(), QString());
    QCOMPARE(edit->styleSheet(), QString());
    QSignalSpy problems(livy, &Gui::ServiceConfigEditor::problemChanged);

    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("htp://livy:8998"));
    QVERIFY2(livy->problem().startsWith(u"Livy URL: "), qPrintable(livy->problem()));
    QVERIFY(edit->styleSheet().contains(u"border"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("urlMessage_livy"));
    QVERIFY(message && message->isVisible());
    QCOMPARE(message->text(), livy->problem());
    QVERIFY(dialog.problemText().contains(u"Livy URL: "));
    QVERIFY(!problems.isEmpty());

    // Saving is refused, naming the field, and nothing is written.
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.problemText().contains(u"profile 'staging': Livy URL"), qPrintable(dialog.problemText()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("unused.toml"))));

    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("http://livy:8998"));
    QCOMPARE(livy->problem(), QString());
    QCOMPARE(edit->styleSheet(), QString());
    QVERIFY(!message->isVisible());
}

void TestServicesPage::profileEditorRoundTrip()
{
    const QString path = writeProfiles(QStringLiteral("roundtrip.toml"));
    QVERIFY(!path.isEmpty());
    auto store = Core::ProfileStore::loadFile(path);
    QVERIFY(store);

    qputenv("OPSDECK_TEST_ES_PASSWORD", "pa55-w0rd-never-in-files");
    Gui::ProfileEditorDialog dialog(*store, path);
    QSignalSpy saved(&dialog, &Gui::ProfileEditorDialog::saved);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(dialog.selectProfile(QStringLiteral("staging")));

    const QString newLivy = m_http.url("/livy-v2").toString();
    QLineEdit *livyUrl = dialog.serviceEditor(Core::ServiceKind::Livy)->urlEdit();
    livyUrl->selectAll();
    QTest::keyClicks(livyUrl, newLivy);

    // Elasticsearch with Basic auth, its password from an environment variable.
    Gui::ServiceConfigEditor *es = dialog.serviceEditor(Core::ServiceKind::Elasticsearch);
    auto *authType = es->findChild<QComboBox *>(QStringLiteral("authType_elasticsearch"));
    QVERIFY(authType);
    authType->setCurrentIndex(authType->findData(int(Core::AuthType::Basic)));
    QTest::keyClicks(es->findChild<QLineEdit *>(QStringLiteral("user_elasticsearch")), QStringLiteral("elastic"));
    QTest::keyClicks(es->findChild<QLineEdit *>(QStringLiteral("secretName_elasticsearch")),
                     QStringLiteral("OPSDECK_TEST_ES_PASSWORD"));
    // Insecure TLS shows its warning.
    auto *insecure = es->findChild<QWidget *>(QStringLiteral("insecure_elasticsearch"));
    auto *warning = es->findChild<QLabel *>(QStringLiteral("insecureWarning_elasticsearch"));
    dialog.findChild<QTabWidget *>(QStringLiteral("serviceTabs"))->setCurrentWidget(es);
    QVERIFY(!warning->isVisible());
    QTest::mouseClick(insecure, Qt::LeftButton);
    QVERIFY(warning->isVisible());

    // A second scoring endpoint speaking JSON.
    QTableWidget *scoring = dialog.scoringTable();
    QCOMPARE(scoring->rowCount(), 1);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addEndpoint")), Qt::LeftButton);
    QCOMPARE(scoring->rowCount(), 2);
    scoring->item(1, Gui::ProfileEditorDialog::NameColumn)->setText(QStringLiteral("score-json"));
    scoring->item(1, Gui::ProfileEditorDialog::UrlColumn)->setText(QStringLiteral("http://127.0.0.1:8100/predict"));
    qobject_cast<QComboBox *>(scoring->cellWidget(1, Gui::ProfileEditorDialog::ProtocolColumn))->setCurrentIndex(1);
    scoring->item(1, Gui::ProfileEditorDialog::FeaturesColumn)->setData(Qt::EditRole, 3);

    // Rename the other profile and make it the default.
    QVERIFY(dialog.selectProfile(QStringLiteral("redis-only")));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("profileName"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("queues"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("setDefaultProfile")), Qt::LeftButton);
    QCOMPARE(dialog.defaultProfileName(), QStringLiteral("queues"));

    // Ctrl+S saves and closes.
    QTest::keySequence(&dialog, QKeySequence::Save);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), path);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    auto reread = Core::ProfileStore::loadFile(path);
    QVERIFY2(reread, qPrintable(reread ? QString() : reread.error().toString()));
    QCOMPARE(reread->names(), (QStringList{QStringLiteral("staging"), QStringLiteral("queues")}));
    QCOMPARE(reread->defaultProfileName(), QStringLiteral("queues"));
    auto staging = reread->profile(QStringLiteral("staging"));
    QVERIFY(staging);
    QCOMPARE(staging->livy.url.toString(), newLivy);
    QCOMPARE(staging->elasticsearch.auth.type, Core::AuthType::Basic);
    QCOMPARE(staging->elasticsearch.auth.user, QStringLiteral("elastic"));
    QCOMPARE(staging->elasticsearch.auth.secret.env, QStringLiteral("OPSDECK_TEST_ES_PASSWORD"));
    QVERIFY(staging->elasticsearch.auth.secret.keychain.isEmpty());
    QVERIFY(staging->elasticsearch.tls.insecure);
    // Everything not edited is as it was.
    const Core::Profile before = stagingProfile();
    QCOMPARE(staging->sparkRest.url, before.sparkRest.url);
    QCOMPARE(staging->redis.url, before.redis.url);
    QCOMPARE(staging->timeoutMs, before.timeoutMs);
    QCOMPARE(staging->scoring.size(), 2);
    QCOMPARE(staging->scoring.at(0), before.scoring.at(0));
    QCOMPARE(staging->scoring.at(1).name, QStringLiteral("score-json"));
    QCOMPARE(staging->scoring.at(1).protocol, QStringLiteral("json"));
    QCOMPARE(staging->scoring.at(1).features, 3);
    auto queues = reread->profile(QStringLiteral("queues"));
    QVERIFY(queues);
    QCOMPARE(queues->redis.url.port(), int(m_redis->port()));

    // The secret's value is in no file; only its reference is.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("pa55-w0rd-never-in-files"));
    QVERIFY(text.contains("OPSDECK_TEST_ES_PASSWORD"));
    QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    qunsetenv("OPSDECK_TEST_ES_PASSWORD");
}

void TestServicesPage::profileEditorKeyboard()
{
    const QString path = writeProfiles(QStringLiteral("keyboard.toml"));
    QVERIFY(!path.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    auto store = Core::ProfileStore::loadFile(path);
    QVERIFY(store);
    Gui::ProfileEditorDialog dialog(*store, path);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    // Tab walks through every field of the form, the visible service's fields included.
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("profileName"));
    name->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), name);
    QStringList reached;
    for (int i = 0; i < 40 && !reached.contains(u"save"); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        auto *button = qobject_cast<QPushButton *>(focus);
        reached << (button && button->text() == u"&Save" ? QStringLiteral("save") : focus->objectName());
    }
    for (const char *expected : {"timeout", "url_livy", "authType_livy", "caFile_livy", "browseCa_livy",
                                 "insecure_livy", "save"})
        QVERIFY2(reached.contains(QLatin1StringView(expected)), qPrintable(reached.join(u", ")));
    // Fields that need authentication are enabled with it and then reachable too.
    auto *authType = dialog.findChild<QComboBox *>(QStringLiteral("authType_livy"));
    authType->setCurrentIndex(authType->findData(int(Core::AuthType::Bearer)));
    authType->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), authType);
    QTest::keyClick(authType, Qt::Key_Tab);
    QWidget *afterAuth = QApplication::focusWidget();
    QVERIFY(afterAuth->objectName() == u"secretEnv_livy" || afterAuth->objectName() == u"secretKeychain_livy");

    // Mnemonics: Alt+U goes to the URL field, Alt+N to the profile name.
    QTest::keyClick(&dialog, Qt::Key_U, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.serviceEditor(Core::ServiceKind::Livy)->urlEdit());
    QTest::keyClick(&dialog, Qt::Key_N, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), name);

    // Esc cancels: asked whether to save the changed name, "Discard" writes nothing.
    QTest::keyClicks(name, QStringLiteral("-changed"));
    int asked = 0;
    answerUnsavedQuestion(this, QStringLiteral("discardChangesButton"), &asked);
    QTest::keyClick(name, Qt::Key_Escape);
    QCOMPARE(asked, 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestServicesPage::editorSaveFromMainWindowReloads()
{
    const QString path = writeProfiles(QStringLiteral("reload.toml"));
    QVERIFY(!path.isEmpty());
    Gui::MainWindow window({path, {}, {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.configFileForSaving(), path);

    Gui::ProfileEditorDialog *dialog = window.editProfiles();
    QVERIFY(dialog);
    QCOMPARE(window.editProfiles(), dialog);   // one editor at a time
    QCOMPARE(dialog->configFile(), path);
    QLineEdit *sparkUi = dialog->serviceEditor(Core::ServiceKind::SparkUi)->urlEdit();
    QCOMPARE(sparkUi->text(), m_http.url("/spark-ui").toString());
    sparkUi->setText(m_http.url("/spark-ui-moved").toString());
    QPointer<Gui::ProfileEditorDialog> guard(dialog);
    QVERIFY(dialog->save());
    QTRY_VERIFY(guard.isNull());   // closes and deletes itself

    // The window re-read the file: same profile, new URL, a new round probing it.
    QCOMPARE(window.currentProfileName(), QStringLiteral("staging"));
    QCOMPARE(window.currentProfile().sparkUi.url, m_http.url("/spark-ui-moved"));
    Gui::ServicesPage *page = servicesPage(window);
    QCOMPARE(page->monitor()->profile().sparkUi.url, m_http.url("/spark-ui-moved"));
    QTRY_COMPARE_WITH_TIMEOUT(statesByKey(page->model()).value(QStringLiteral("spark_ui")), HealthState::Degraded,
                              roundTimeoutMs);   // the fake has no route there: 404
}

// Esc, Cancel and the window's close button ask before changes are lost: nothing when nothing changed, Cancel
// keeps editing, Save writes (or stays open saying why it cannot), Discard writes nothing.
void TestServicesPage::editorAsksBeforeDiscardingChanges()
{
    const QString path = writeProfiles(QStringLiteral("unsaved.toml"));
    QVERIFY(!path.isEmpty());
    const QByteArray before = fileContents(path);
    auto store = Core::ProfileStore::loadFile(path);
    QVERIFY(store);
    int asked = 0;
    {
        // Every field of both profiles (auth, TLS, scoring endpoints) reads back as it was loaded: no question.
        Gui::ProfileEditorDialog dialog(*store, path);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.selectProfile(QStringLiteral("redis-only")));
        QVERIFY(dialog.selectProfile(QStringLiteral("staging")));
        QVERIFY(!dialog.hasUnsavedChanges());
        dialog.reject();
        QVERIFY(!dialog.isVisible());
    }

    Gui::ProfileEditorDialog dialog(*store, path);
    QSignalSpy saved(&dialog, &Gui::ProfileEditorDialog::saved);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *sparkUi = dialog.serviceEditor(Core::ServiceKind::SparkUi)->urlEdit();
    sparkUi->setText(m_http.url("/spark-ui-unsaved").toString());
    QVERIFY(dialog.hasUnsavedChanges());
    // A change in a profile that is no longer shown counts too.
    QVERIFY(dialog.selectProfile(QStringLiteral("redis-only")));
    QVERIFY(dialog.hasUnsavedChanges());

    answerUnsavedQuestion(this, QStringLiteral("keepEditingButton"), &asked);
    dialog.reject();
    QCOMPARE(asked, 1);
    QVERIFY(dialog.isVisible());
    QCOMPARE(fileContents(path), before);

    // Save from the question: written, closed.
    answerUnsavedQuestion(this, QStringLiteral("saveChangesButton"), &asked);
    dialog.reject();
    QCOMPARE(asked, 2);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    auto written = Core::ProfileStore::loadFile(path);
    QVERIFY(written);
    QCOMPARE(written->profile(QStringLiteral("staging"))->sparkUi.url, m_http.url("/spark-ui-unsaved"));
    const QByteArray afterSave = fileContents(path);

    // What was saved is the new reference: no question.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.hasUnsavedChanges());

    // The close button asks too; Discard writes nothing.
    QVERIFY(dialog.selectProfile(QStringLiteral("staging")));
    sparkUi->setText(m_http.url("/spark-ui-discarded").toString());
    answerUnsavedQuestion(this, QStringLiteral("discardChangesButton"), &asked);
    QVERIFY(dialog.close());
    QCOMPARE(asked, 3);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(fileContents(path), afterSave);

    // Save with a problem in the form: not written, the dialog stays open and says why.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.selectProfile(QStringLiteral("staging")));
    sparkUi->setText(QStringLiteral("htp://nowhere"));
    answerUnsavedQuestion(this, QStringLiteral("saveChangesButton"), &asked);
    dialog.reject();
    QCOMPARE(asked, 4);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.problemText().contains(u"Spark UI URL"), qPrintable(dialog.problemText()));
    QCOMPARE(fileContents(path), afterSave);
    QCOMPARE(saved.count(), 1);
}

// A service that changes state between two rounds is announced in the window's banner, going down and coming
// back; the first round of a profile announces nothing.
void TestServicesPage::stateChangesAreAnnounced()
{
    Test::HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    const auto answering = Test::FakeResponse::json(R"({"spark":"3.5.1"})");
    fake.route("GET", "/ui/api/v1/version", answering);
    Core::Profile profile;
    profile.name = QStringLiteral("flappy");
    profile.timeoutMs = 5000;
    profile.sparkUi.url = fake.url("/ui");
    Core::ProfileStore store;
    store.upsert(profile);
    const QString path = m_dir.filePath(QStringLiteral("flappy.toml"));
    QVERIFY(store.saveFile(path));

    Gui::MainWindow window({path, {}, {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Gui::ServicesPage *page = servicesPage(window);
    QTRY_VERIFY_WITH_TIMEOUT(page->monitor()->roundsCompleted() >= 1, roundTimeoutMs);
    QCOMPARE(statesByKey(page->model()).value(QStringLiteral("spark_ui")), HealthState::Up);
    QCOMPARE(window.bannerText(), QString());

    const auto nextRound = [page] {
        const int done = page->monitor()->roundsCompleted();
        bool started = false;   // refresh() starts a round when none is in flight; QTRY evaluates twice
        QTRY_VERIFY_WITH_TIMEOUT(started = started || page->monitor()->refresh(), roundTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(page->monitor()->roundsCompleted() > done && !page->monitor()->isRoundRunning(),
                                 roundTimeoutMs);
    };
    fake.route("GET", "/ui/api/v1/version", Test::FakeResponse::statusOnly(503));
    nextRound();
    QVERIFY2(window.bannerText().contains(u"Spark UI is degraded (was up): "), qPrintable(window.bannerText()));
    fake.route("GET", "/ui/api/v1/version", answering);
    nextRound();
    const QStringList lines = window.bannerText().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).endsWith(u"Spark UI is up again (was degraded)"), qPrintable(lines.at(1)));
    nextRound();   // no change, nothing new
    QCOMPARE(window.bannerText().split(u'\n').size(), 2);

    // A service that keeps flapping does not grow the banner: the newest notices stay.
    Gui::MessageBanner banner;
    for (int i = 0; i < Gui::MessageBanner::maxMessages + 3; ++i)
        banner.showMessage(QStringLiteral("notice %1").arg(i));
    const QStringList kept = banner.text().split(u'\n');
    QCOMPARE(kept.size(), Gui::MessageBanner::maxMessages);
    QCOMPARE(kept.constFirst(), QStringLiteral("notice 3"));
    QCOMPARE(kept.constLast(), QStringLiteral("notice %1").arg(Gui::MessageBanner::maxMessages + 2));
}

// SIGTERM closes the main window without asking anything: an open profile editor with changes, and its question
// if it is showing, end without a word from the user; the changes are not written and stderr says so.
void TestServicesPage::closingWithoutAskingDiscardsEditorChanges()
{
    const QString path = writeProfiles(QStringLiteral("sigterm.toml"));
    QVERIFY(!path.isEmpty());
    const QByteArray before = fileContents(path);
    for (const bool questionShowing : {false, true}) {
        Gui::MainWindow window({path, {}, {}});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QPointer<Gui::ProfileEditorDialog> editor = window.editProfiles();
        QVERIFY(QTest::qWaitForWindowExposed(editor.data()));
        editor->serviceEditor(Core::ServiceKind::SparkUi)->urlEdit()->setText(
            m_http.url("/spark-ui-never-saved").toString());
        const QString warning = QStringLiteral("profile editor closed: changes to %1 not saved")
                                    .arg(QDir::toNativeSeparators(path));
        QTest::ignoreMessage(QtWarningMsg, qPrintable(warning));
        bool questionSeen = false;
        if (questionShowing) {
            // The signal arrives while the editor asks "Save the changes?".
            QTimer::singleShot(0, &window, [&window, &questionSeen] {
                QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
                questionSeen = true;
                window.closeWithoutAsking();
            });
            editor->reject();
            QVERIFY(questionSeen);
        } else {
            window.closeWithoutAsking();
        }
        QTRY_VERIFY(editor.isNull());
        QTRY_VERIFY(!window.isVisible());
        QCOMPARE(fileContents(path), before);
    }
}

// SIGTERM (a logout, `kill`) closes the window as the user would, without the question, and the process ends
// within its exit grace although the Services page's Redis host-name lookup is still in flight (a slow resolver
// preloaded, support/slowresolver.cpp; Qt waits for lookups at exit): exit 130, the window's state saved.
void TestServicesPage::sigtermClosesTheWindowAndEnds()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QFile profiles(home.filePath(QStringLiteral("slow.toml")));
    QVERIFY(profiles.open(QIODevice::WriteOnly));
    profiles.write("[profiles.slow]\nredis = \"redis://db.slow-dns.test:9/0\"\n");
    profiles.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("opsdeck.redis.debug=true"));
    env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(OPSDECK_SLOW_RESOLVER));
    env.insert(QStringLiteral("OPSDECK_TEST_DNS_DELAY_MS"), QStringLiteral("15000"));
    // Under ASan the preloaded module comes before the sanitizer's runtime, which is harmless here.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(OPSDECK_BINARY_DIR "/bin/opsdeck"), {QStringLiteral("--config"), profiles.fileName()});
    QVERIFY2(gui.waitForStarted(10000), qPrintable(gui.errorString()));
    auto guard = qScopeGuard([&gui] {
        gui.kill();
        gui.waitForFinished(5000);
    });
    // The first round's Redis probe has started looking its host up: the event loop runs.
    QByteArray said;
    QElapsedTimer waited;
    waited.start();
    while (!said.contains("connecting, attempt") && waited.elapsed() < 60000 && gui.state() == QProcess::Running) {
        gui.waitForReadyRead(200);
        said += gui.readAllStandardError();
    }
    QVERIFY2(said.contains("connecting, attempt"), said.constData());

    QElapsedTimer ended;
    ended.start();
    gui.terminate();
    QVERIFY(gui.waitForFinished(30000));
    const qint64 endedMs = ended.elapsed();
    said += gui.readAllStandardError();
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 130);
    // The lookup has 15 s to go; the process waits 3 s for its teardown at most.
    QVERIFY2(endedMs < 9000, qPrintable(QStringLiteral("ended after %1 ms").arg(endedMs)));
    const QSettings saved(home.filePath(QStringLiteral("config/opsdeck/opsdeck.conf")), QSettings::IniFormat);
    QVERIFY2(saved.contains(QStringLiteral("mainWindow/geometry")), said.constData());
}

void TestServicesPage::screenshot()
{
    Gui::MainWindow window({m_configFile, {}, {}});
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Gui::ServicesPage *page = servicesPage(window);
    // A few rounds so the chart shows a history.
    for (int round = 1; round <= 8; ++round) {
        QTRY_COMPARE_WITH_TIMEOUT(page->monitor()->roundsCompleted(), round, roundTimeoutMs);
        if (round < 8) {
            QTest::qWait(1000);   // spread the rounds over the chart's time axis
            page->refresh();
        }
    }
    QTRY_COMPARE(statesByKey(page->model()).value(QStringLiteral("redis")), HealthState::Up);
    QCOMPARE(page->chart()->answeredPoints(QStringLiteral("livy")), 8);
    page->table()->clearSelection();
    QCOMPARE(window.size(), QSize(1200, 760));

    saveScreenshot(window.grab(), QStringLiteral("services.png"));

    // The same in a dark scheme: state colours and chart follow the palette.
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QTRY_VERIFY(page->chart()->isDark());
    saveScreenshot(window.grab(), QStringLiteral("services-dark.png"));
    QApplication::setPalette(original);
    QTRY_COMPARE(page->chart()->isDark(), Gui::isDarkPalette(original));

    // The profile editor on the same profile.
    Gui::ProfileEditorDialog *editor = window.editProfiles();
    editor->resize(1000, 620);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    saveScreenshot(editor->grab(), QStringLiteral("profile-editor.png"));
    editor->reject();
}

void TestServicesPage::saveScreenshot(const QPixmap &shot, const QString &fileName)
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

QTEST_MAIN(TestServicesPage)
#include "tst_servicespage.moc"
