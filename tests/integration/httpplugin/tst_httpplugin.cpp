// The `http` model backend against the real scoring peer: gunicorn + Flask + a scikit-learn model
// (tests/peers/scoring_service.py) on free loopback ports, the plugin loaded through PluginRegistry from the
// build's plugin folder.

#include "scoring/pluginregistry.h"
#include "support/freeport.h"
#include "support/scoringpeer.h"

#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPluginLoader>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>
#include <cmath>
#include <memory>
#include <random>

using namespace Qt::StringLiterals;
using Opsdeck::Core::PluginInfo;
using Opsdeck::Core::PluginRegistry;
using Opsdeck::Sdk::BatchInput;
using Opsdeck::Sdk::ModelBackend;
using Opsdeck::Sdk::ModelConfig;
using Opsdeck::Sdk::ModelInstance;
using Opsdeck::Sdk::ScoreStatus;
using Opsdeck::Test::ScoringPeer;
using Opsdeck::Test::ScoringPeerOptions;
using Kind = ScoreStatus::Kind;

namespace {

constexpr qsizetype Features = 100;
constexpr qsizetype InputRows = 1000;
constexpr int RunTimeoutMs = 120000;
constexpr double Tolerance = 1e-6;

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Ok:
        return "Ok";
    case Kind::Failed:
        return "Failed";
    case Kind::Unreachable:
        return "Unreachable";
    case Kind::Timeout:
        return "Timeout";
    }
    return "?";
}

// A manager that counts the requests it has in flight, per URL and in total, and remembers the peaks: the
// plugin's in-flight bound is checked on the requests really handed to the network layer.
class CountingNetwork final : public QNetworkAccessManager
{
public:
    int peakTotal = 0;
    QHash<QString, int> peak;
    QHash<QString, int> created;

    void resetCounts()
    {
        peakTotal = 0;
        peak.clear();
        created.clear();
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        const QString url = request.url().toString();
        ++created[url];
        peak[url] = qMax(peak.value(url), ++m_outstanding[url]);
        peakTotal = qMax(peakTotal, ++m_total);
        connect(reply, &QNetworkReply::finished, this, [this, url] {
            --m_outstanding[url];
            --m_total;
        });
        return reply;
    }

private:
    QHash<QString, int> m_outstanding;
    int m_total = 0;
};

// Outcome of scoring a range of rows in batches with a bounded number outstanding.
struct RunState
{
    std::vector<float> scores;
    QList<ScoreStatus> statuses;   // per batch
    QList<int> calls;              // callback runs per batch
    QList<Qt::HANDLE> callThreads; // thread of each callback
    int outstanding = 0;
    int next = 0;
    int finished = 0;
    bool inSubmit = false;
    bool synchronousCallback = false;
    bool timedOut = false;
    QEventLoop *loop = nullptr;
};

struct StatsEndpoint
{
    qint64 requests = 0;
    qint64 ok = 0;
    qint64 errors = 0;
    qint64 transportErrors = 0;
    qint64 timeouts = 0;
    QJsonObject byStatus;
    double meanMs = 0;
};

StatsEndpoint endpointStats(const ModelInstance &instance, int index)
{
    const QJsonObject endpoint = instance.statistics().value(u"endpoints").toArray().at(index).toObject();
    StatsEndpoint stats;
    stats.requests = endpoint.value(u"requests").toInteger(-1);
    stats.ok = endpoint.value(u"ok").toInteger(-1);
    stats.errors = endpoint.value(u"errors").toInteger(-1);
    stats.transportErrors = endpoint.value(u"transport_errors").toInteger(-1);
    stats.timeouts = endpoint.value(u"timeouts").toInteger(-1);
    stats.byStatus = endpoint.value(u"by_status").toObject();
    stats.meanMs = endpoint.value(u"mean_ms").toDouble(-1);
    return stats;
}

} // namespace

class TestHttpPlugin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void metadataAndRegistry();
    void loadErrors_data();
    void loadErrors();
    void instanceProperties();
    void float32MatchesSklearn();
    void ownNetworkWhenNoneGiven();
    void jsonMatchesSklearn();
    void jsonCustomKeysTwoOutputsAndPut();
    void wrongReplyLength();
    void serviceRejectsWrongFeatureCount();
    void badBatches();
    void keepAliveReusesConnections();
    void balanceDistributes_data();
    void balanceDistributes();
    void leastOutstandingAvoidsBusyEndpoint();
    void inflightBound();
    void failEveryThirdCountedPerEndpoint();
    void retriesOnlyForGatewayStatuses();
    void droppedConnection();
    void unreachableEndpoint();
    void timeout();
    void destroyedWithRequestsInFlight();
    void linearPluginMatchesModelExport();

private:
    [[nodiscard]] ModelConfig config(const QStringList &endpoints, const QMap<QString, QString> &options = {},
                                     QNetworkAccessManager *network = nullptr);
    [[nodiscard]] std::unique_ptr<ModelInstance> load(const ModelConfig &config);
    std::shared_ptr<RunState> run(ModelInstance &instance, qsizetype rows, qsizetype batchRows,
                                  int concurrency);
    // Empty when scores[r·k + column] matches the reference for every row of the batches that succeeded.
    [[nodiscard]] QString mismatch(const RunState &state, qsizetype batchRows, qsizetype k, qsizetype column,
                                   bool complement = false) const;

    std::unique_ptr<PluginRegistry> m_registry;
    ModelBackend *m_backend = nullptr;
    QString m_missingPeer; // why the scoring peer cannot run here; empty when it can
    std::unique_ptr<ScoringPeer> m_peer;
    CountingNetwork m_network;
    std::vector<float> m_input;     // InputRows × Features
    std::vector<float> m_reference; // InputRows: sklearn predict_proba[:, 1]
};

void TestHttpPlugin::initTestCase()
{
    m_registry = std::make_unique<PluginRegistry>(QStringList{QStringLiteral(OPSDECK_TEST_PLUGIN_DIR)});
    auto backend = m_registry->backend(u"http"_s);
    QVERIFY2(backend.has_value(), qPrintable(backend.has_value() ? QString() : backend.error().toString()));
    m_backend = *backend;

    // Without Python's service stack only the tests that need no peer run (init() skips the others).
    m_missingPeer = ScoringPeer::missingPrerequisites();
    if (!m_missingPeer.isEmpty())
        return;

    std::mt19937 generator(20240607);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    m_input.resize(size_t(InputRows * Features));
    for (float &value : m_input)
        value = normal(generator);
    QString error;
    QVERIFY2(ScoringPeer::referenceScores(ScoringPeerOptions{}, m_input, &m_reference, &error),
             qPrintable(error));
    QCOMPARE(qsizetype(m_reference.size()), InputRows);

    ScoringPeerOptions options;
    options.logRequests = true;
    m_peer = std::make_unique<ScoringPeer>(options);
    QVERIFY2(m_peer->start(), qPrintable(m_peer->errorString()));
}

void TestHttpPlugin::init()
{
    static const QByteArrayList peerless{"metadataAndRegistry", "loadErrors"};
    if (!m_missingPeer.isEmpty() && !peerless.contains(QTest::currentTestFunction()))
        QSKIP(qPrintable(m_missingPeer));
}

void TestHttpPlugin::cleanupTestCase()
{
    if (m_peer)
        QVERIFY2(m_peer->stop(), qPrintable(m_peer->errorString()));
}

ModelConfig TestHttpPlugin::config(const QStringList &endpoints, const QMap<QString, QString> &options,
                                   QNetworkAccessManager *network)
{
    ModelConfig config;
    config.endpoints = endpoints;
    config.options = options;
    // This suite covers the QNetworkAccessManager transport (tst_httpdirect the plugin's own client, which
    // `auto` picks for http:// endpoints).
    if (!config.options.contains(u"transport"_s))
        config.options.insert(u"transport"_s, u"qt"_s);
    config.features = Features;
    config.network = network ? network : &m_network;
    return config;
}

std::unique_ptr<ModelInstance> TestHttpPlugin::load(const ModelConfig &config)
{
    QString error;
    std::unique_ptr<ModelInstance> instance = m_backend->load(config, &error);
    if (!instance)
        qWarning("load failed: %s", qPrintable(error));
    return instance;
}

std::shared_ptr<RunState> TestHttpPlugin::run(ModelInstance &instance, qsizetype rows, qsizetype batchRows,
                                              int concurrency)
{
    // Shared with the callbacks: a callback that comes late (or from the instance's destructor) must not
    // touch a dead stack frame.
    auto state = std::make_shared<RunState>();
    const int batches = int((rows + batchRows - 1) / batchRows);
    const qsizetype k = instance.outputColumns();
    state->scores.assign(size_t(rows * k), std::nanf(""));
    state->statuses.resize(batches);
    state->calls.fill(0, batches);
    state->callThreads.resize(batches);
    QEventLoop loop;
    state->loop = &loop;

    std::function<void()> submit;
    submit = [this, &instance, state, batches, batchRows, rows, k, concurrency, &submit] {
        while (state->outstanding < concurrency && state->next < batches) {
            const int batch = state->next++;
            const qsizetype first = batch * batchRows;
            BatchInput input;
            input.rows = qMin(batchRows, rows - first);
            input.cols = Features;
            input.values = m_input.data() + first * Features;
            ++state->outstanding;
            state->inSubmit = true;
            instance.scoreAsync(input, state->scores.data() + first * k,
                                [state, batch, batches, &submit](const ScoreStatus &status) {
                                    if (state->inSubmit)
                                        state->synchronousCallback = true;
                                    ++state->calls[batch];
                                    state->callThreads[batch] = QThread::currentThreadId();
                                    state->statuses[batch] = status;
                                    --state->outstanding;
                                    if (++state->finished == batches && state->loop) {
                                        state->loop->quit();
                                        return;
                                    }
                                    if (state->loop)
                                        submit();
                                });
            state->inSubmit = false;
        }
    };
    submit();
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&loop, state] {
        state->timedOut = true;
        loop.quit();
    });
    deadline.start(RunTimeoutMs);
    if (state->finished < batches)
        loop.exec();
    state->loop = nullptr;
    return state;
}

QString TestHttpPlugin::mismatch(const RunState &state, qsizetype batchRows, qsizetype k, qsizetype column,
                                 bool complement) const
{
    const qsizetype rows = qsizetype(state.scores.size()) / k;
    for (qsizetype r = 0; r < rows; ++r) {
        if (!state.statuses.at(int(r / batchRows)).ok())
            continue;
        const double expected =
            complement ? 1.0 - double(m_reference[size_t(r)]) : double(m_reference[size_t(r)]);
        const double got = state.scores[size_t(r * k + column)];
        if (!(std::abs(got - expected) <= Tolerance))
            return u"row %1 column %2: %3, sklearn says %4"_s.arg(r)
                .arg(column)
                .arg(got, 0, 'g', 9)
                .arg(expected, 0, 'g', 9);
    }
    return {};
}

// Every batch's callback ran exactly once, never from inside scoreAsync(), on this thread; the run ended.
#define VERIFY_CALLBACKS(state)                                                                              \
    do {                                                                                                     \
        QVERIFY2(!(state)->timedOut, "the batches did not finish within the run's deadline");                \
        QVERIFY2(!(state)->synchronousCallback, "a callback ran inside scoreAsync()");                       \
        for (int b_ = 0; b_ < (state)->calls.size(); ++b_) {                                                 \
            QCOMPARE((state)->calls.at(b_), 1);                                                              \
            QCOMPARE((state)->callThreads.at(b_), QThread::currentThreadId());                               \
        }                                                                                                    \
    } while (false)

#define VERIFY_ALL_OK(state)                                                                                 \
    do {                                                                                                     \
        for (const ScoreStatus &s_ : std::as_const((state)->statuses))                                       \
            QVERIFY2(s_.ok(),                                                                                \
                     qPrintable(u"%1: %2"_s.arg(QLatin1StringView(kindName(s_.kind)), s_.message)));         \
    } while (false)

void TestHttpPlugin::metadataAndRegistry()
{
    const PluginInfo *info = m_registry->find(u"http"_s);
    QVERIFY(info);
    QCOMPARE(info->state, PluginInfo::State::Loaded);
    QCOMPARE(info->id, u"http"_s);
    QCOMPARE(info->name, u"HTTP scoring service"_s);
    QCOMPARE(info->apiVersion, 1);
    QCOMPARE(info->inputKind, u"dense-float32"_s);
    QCOMPARE(info->capabilities, QStringList{u"remote"_s});
    QVERIFY(!info->version.isEmpty());
    QVERIFY(!info->description.isEmpty());
    QVERIFY(info->error.isEmpty());

    // The metadata is embedded in the library itself (qt_add_plugin sources trap of Qt 6.4).
    QPluginLoader loader(info->file);
    const QJsonObject meta = loader.metaData().value(u"MetaData").toObject();
    QCOMPARE(meta.value(u"id").toString(), u"http"_s);
    QCOMPARE(meta.value(u"version").toString(), info->version);
}

void TestHttpPlugin::loadErrors_data()
{
    QTest::addColumn<QStringList>("endpoints");
    QTest::addColumn<QVariantMap>("options");
    QTest::addColumn<qsizetype>("features");
    QTest::addColumn<QString>("expected");

    const QStringList one{u"http://127.0.0.1:9/score"_s};
    QTest::newRow("no endpoint") << QStringList{} << QVariantMap{} << Features
                                 << u"http: no endpoint given (endpoint=URL)"_s;
    QTest::newRow("not http") << QStringList{u"ftp://127.0.0.1/score"_s} << QVariantMap{} << Features
                              << u"ftp://127.0.0.1/score"_s;
    QTest::newRow("no host") << QStringList{u"http:///score"_s} << QVariantMap{} << Features << u"endpoint"_s;
    // A URL that does not parse (a space in the password) is still shown without its secrets.
    QTest::newRow("unparseable, secrets masked")
        << QStringList{u"http://bob:pa ss/w@127.0.0.1:1/score?code=k3y"_s} << QVariantMap{} << Features
        << u"'http://***@127.0.0.1:1/score?code=***'"_s;
    QTest::newRow("unknown option") << one << QVariantMap{{u"inflght"_s, u"4"_s}} << Features
                                    << u"'inflght'"_s;
    QTest::newRow("bad protocol") << one << QVariantMap{{u"protocol"_s, u"grpc"_s}} << Features
                                  << u"protocol=grpc"_s;
    QTest::newRow("inflight 0") << one << QVariantMap{{u"inflight"_s, u"0"_s}} << Features << u"inflight=0"_s;
    QTest::newRow("inflight 65") << one << QVariantMap{{u"inflight"_s, u"65"_s}} << Features
                                 << u"http: inflight=65 is out of range 1..64"_s;
    QTest::newRow("timeout not a number")
        << one << QVariantMap{{u"timeout_ms"_s, u"soon"_s}} << Features << u"timeout_ms=soon"_s;
    QTest::newRow("bad balance") << one << QVariantMap{{u"balance"_s, u"random"_s}} << Features
                                 << u"balance=random"_s;
    QTest::newRow("float32 without features") << one << QVariantMap{} << qsizetype(0) << u"features=N"_s;
    QTest::newRow("features contradict")
        << one << QVariantMap{{u"features"_s, u"99"_s}} << Features << u"features=99"_s;
    QTest::newRow("json key on float32")
        << one << QVariantMap{{u"json_method"_s, u"PUT"_s}} << Features << u"json_method"_s;
    QTest::newRow("json method") << one
                                 << QVariantMap{{u"protocol"_s, u"json"_s}, {u"json_method"_s, u"GET"_s}}
                                 << Features << u"json_method=GET"_s;
}

void TestHttpPlugin::loadErrors()
{
    QFETCH(QStringList, endpoints);
    QFETCH(QVariantMap, options);
    QFETCH(qsizetype, features);
    QFETCH(QString, expected);
    QMap<QString, QString> stringOptions;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        stringOptions.insert(it.key(), it.value().toString());
    ModelConfig c = config(endpoints, stringOptions);
    c.features = features;
    QString error;
    const std::unique_ptr<ModelInstance> instance = m_backend->load(c, &error);
    QVERIFY(!instance);
    QVERIFY2(error.startsWith(u"http: "_s), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestHttpPlugin::instanceProperties()
{
    const auto instance =
        load(config({m_peer->url(u"/score"_s).toString(), m_peer->url(u"/score?b=1"_s).toString()},
                    {{u"inflight"_s, u"3"_s}, {u"balance"_s, u"least-outstanding"_s}}));
    QVERIFY(instance);
    QVERIFY(instance->isRemote());
    QVERIFY(!instance->isThreadSafe());
    QCOMPARE(instance->inputColumns(), Features);
    QCOMPARE(instance->outputColumns(), qsizetype(1));
    QCOMPARE(instance->maxInFlight(), 6);
    QVERIFY2(instance->describe().contains(u"least-outstanding"_s), qPrintable(instance->describe()));
    QVERIFY2(instance->describe().contains(u"100 features"_s), qPrintable(instance->describe()));

    QString error;
    float out = 0;
    BatchInput input;
    input.rows = 1;
    input.cols = Features;
    input.values = m_input.data();
    QVERIFY(!instance->score(input, &out, &error));
    QCOMPARE(error, u"http: remote backend, use scoreAsync"_s);

    const QJsonArray endpoints = instance->statistics().value(u"endpoints").toArray();
    QCOMPARE(endpoints.size(), 2);
    for (const auto *key : {u"url", u"requests", u"ok", u"errors", u"by_status", u"transport_errors",
                            u"timeouts", u"mean_ms"}) {
        QVERIFY2(endpoints.at(0).toObject().contains(QStringView(key)),
                 qPrintable(QStringView(key).toString()));
    }
    QCOMPARE(endpoints.at(1).toObject().value(u"url").toString(), Opsdeck::Test::shownUrl(m_peer->url(u"/score?b=1"_s).toString()));
}

void TestHttpPlugin::float32MatchesSklearn()
{
    const auto instance = load(config({m_peer->url(u"/score"_s).toString()}));
    QVERIFY(instance);
    constexpr qsizetype BatchRows = 64; // the last batch is shorter (1000 = 15·64 + 40)
    const auto state = run(*instance, InputRows, BatchRows, 4);
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    const QString bad = mismatch(*state, BatchRows, 1, 0);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    for (const ScoreStatus &status : std::as_const(state->statuses)) {
        QCOMPARE(status.endpoint, m_peer->url(u"/score"_s).toString());
        QCOMPARE(status.httpStatus, 200);
    }
    const StatsEndpoint stats = endpointStats(*instance, 0);
    QCOMPARE(stats.requests, 16);
    QCOMPARE(stats.ok, 16);
    QCOMPARE(stats.errors, 0);
    QVERIFY(stats.meanMs > 0);
}

void TestHttpPlugin::ownNetworkWhenNoneGiven()
{
    ModelConfig c = config({m_peer->url(u"/score"_s).toString()});
    c.network = nullptr;
    const auto instance = load(c);
    QVERIFY(instance);
    const auto state = run(*instance, 200, 50, 2);
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    const QString bad = mismatch(*state, 50, 1, 0);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
}

void TestHttpPlugin::jsonMatchesSklearn()
{
    ModelConfig c = config({m_peer->url(u"/predict"_s).toString()}, {{u"protocol"_s, u"json"_s}});
    c.features = 0; // json needs no feature count
    const auto instance = load(c);
    QVERIFY(instance);
    QCOMPARE(instance->inputColumns(), qsizetype(0));
    constexpr qsizetype BatchRows = 100;
    const auto state = run(*instance, InputRows, BatchRows, 4);
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    const QString bad = mismatch(*state, BatchRows, 1, 0);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
}

void TestHttpPlugin::jsonCustomKeysTwoOutputsAndPut()
{
    const auto instance =
        load(config({m_peer->url(u"/predict?instances=rows&predictions=scores&outputs=2"_s).toString()},
                    {{u"protocol"_s, u"json"_s},
                     {u"json_instances"_s, u"rows"_s},
                     {u"json_predictions"_s, u"scores"_s},
                     {u"json_method"_s, u"PUT"_s},
                     {u"outputs"_s, u"2"_s}}));
    QVERIFY(instance);
    QCOMPARE(instance->outputColumns(), qsizetype(2));
    constexpr qsizetype BatchRows = 128;
    const auto state = run(*instance, 500, BatchRows, 2);
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    QString bad = mismatch(*state, BatchRows, 2, 1);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    bad = mismatch(*state, BatchRows, 2, 0, true);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));

    // The service keeps its default keys on /predict: a reply without "scores" is a failure naming the URL.
    const auto wrongKey = load(config({m_peer->url(u"/predict"_s).toString()},
                                      {{u"protocol"_s, u"json"_s}, {u"json_predictions"_s, u"scores"_s}}));
    QVERIFY(wrongKey);
    const auto failed = run(*wrongKey, 10, 10, 1);
    VERIFY_CALLBACKS(failed);
    const ScoreStatus status = failed->statuses.at(0);
    QCOMPARE(status.kind, Kind::Failed);
    QVERIFY2(status.message.startsWith(u"POST "_s + m_peer->url(u"/predict"_s).toString()),
             qPrintable(status.message));
    QVERIFY2(status.message.contains(u"'scores'"_s), qPrintable(status.message));
}

void TestHttpPlugin::wrongReplyLength()
{
    // The float32 service answers one score per row; a client expecting k=2 must notice the short reply.
    const auto instance = load(config({m_peer->url(u"/score"_s).toString()}, {{u"outputs"_s, u"2"_s}}));
    QVERIFY(instance);
    const auto state = run(*instance, 100, 100, 1);
    VERIFY_CALLBACKS(state);
    const ScoreStatus status = state->statuses.at(0);
    QCOMPARE(status.kind, Kind::Failed);
    QCOMPARE(status.httpStatus, 200);
    QCOMPARE(status.message, u"PUT %1: reply has 400 bytes, expected 800 (4·100·2)"_s.arg(
                                 m_peer->url(u"/score"_s).toString()));
    QCOMPARE(endpointStats(*instance, 0).errors, 1);
}

void TestHttpPlugin::serviceRejectsWrongFeatureCount()
{
    // features given as an option (the host gave none): the client sends 4·m·99 bytes, the service wants
    // multiples of 4·100 and says so in a 400, which the message quotes. A 400 is final even with retries.
    ModelConfig c =
        config({m_peer->url(u"/score"_s).toString()}, {{u"features"_s, u"99"_s}, {u"retries"_s, u"2"_s}});
    c.features = 0;
    const auto instance = load(c);
    QVERIFY(instance);
    QCOMPARE(instance->inputColumns(), qsizetype(99));
    std::vector<float> out(10);
    QList<ScoreStatus> statuses;
    BatchInput input;
    input.rows = 10;
    input.cols = 99;
    input.values = m_input.data();
    instance->scoreAsync(input, out.data(), [&statuses](const ScoreStatus &s) { statuses.append(s); });
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 1, 60000);
    const ScoreStatus status = statuses.at(0);
    QCOMPARE(status.kind, Kind::Failed);
    QCOMPARE(status.httpStatus, 400);
    QCOMPARE(
        status.message,
        u"PUT %1: HTTP 400 BAD REQUEST: body has 3960 bytes, not a multiple of 4*n = 400 (n = 100 features)"_s
            .arg(m_peer->url(u"/score"_s).toString()));
    const StatsEndpoint stats = endpointStats(*instance, 0);
    QCOMPARE(stats.requests, 1);
    QCOMPARE(stats.byStatus.value(u"400").toInteger(), 1);
}

void TestHttpPlugin::badBatches()
{
    const auto instance = load(config({m_peer->url(u"/score"_s).toString()}));
    QVERIFY(instance);

    // Wrong column count, and an empty batch: both answered later, without a request.
    QList<ScoreStatus> statuses;
    bool inside = true;
    bool synchronous = false;
    float out[4] = {};
    BatchInput wrongColumns;
    wrongColumns.rows = 1;
    wrongColumns.cols = Features - 1;
    wrongColumns.values = m_input.data();
    BatchInput empty;
    empty.cols = Features;
    empty.values = m_input.data();
    const auto record = [&](const ScoreStatus &status) {
        synchronous = synchronous || inside;
        statuses.append(status);
    };
    instance->scoreAsync(wrongColumns, out, record);
    instance->scoreAsync(empty, out, record);
    inside = false;
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 2, 10000);
    QVERIFY(!synchronous);
    QCOMPARE(statuses.at(0).kind, Kind::Failed);
    QVERIFY2(statuses.at(0).message.contains(u"99 columns"_s), qPrintable(statuses.at(0).message));
    QVERIFY(statuses.at(1).ok());
    QCOMPARE(endpointStats(*instance, 0).requests, 0);

    // JSON cannot carry NaN: refused before sending, naming the cell.
    const auto json = load(config({m_peer->url(u"/predict"_s).toString()}, {{u"protocol"_s, u"json"_s}}));
    QVERIFY(json);
    std::vector<float> row(m_input.begin(), m_input.begin() + Features);
    row[7] = std::nanf("");
    BatchInput nanInput;
    nanInput.rows = 1;
    nanInput.cols = Features;
    nanInput.values = row.data();
    statuses.clear();
    json->scoreAsync(nanInput, out, record);
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 1, 10000);
    QCOMPARE(statuses.at(0).kind, Kind::Failed);
    QVERIFY2(statuses.at(0).message.contains(u"row 1 of the batch, column 8: nan cannot be sent as JSON"_s),
             qPrintable(statuses.at(0).message));
    QCOMPARE(endpointStats(*json, 0).requests, 0);
}

void TestHttpPlugin::keepAliveReusesConnections()
{
    // Without keep-alive every request would arrive on a new connection (a new client port); Qt keeps at most
    // six connections per host and port open and reuses them.
    for (const int concurrency : {1, 4}) {
        const QString target = u"/score?run=keepalive%1"_s.arg(concurrency);
        const auto instance = load(config({m_peer->url(target).toString()}));
        QVERIFY(instance);
        const auto state = run(*instance, 600, 10, concurrency); // 60 batches
        VERIFY_CALLBACKS(state);
        VERIFY_ALL_OK(state);
        int requests = 0;
        QSet<quint16> ports;
        const QList<Opsdeck::Test::ScoringPeerRequest> log = m_peer->requestLog();
        for (const auto &request : log) {
            if (request.target == target) {
                ++requests;
                ports.insert(request.clientPort);
                QCOMPARE(request.method, u"PUT"_s);
            }
        }
        QCOMPARE(requests, 60);
        QVERIFY2(ports.size() <= 6, qPrintable(u"%1 connections for 60 requests"_s.arg(ports.size())));
        if (concurrency == 1)
            QVERIFY2(ports.size() <= 2,
                     qPrintable(u"%1 connections for 60 sequential requests"_s.arg(ports.size())));
    }
}

void TestHttpPlugin::balanceDistributes_data()
{
    QTest::addColumn<QString>("balance");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("round-robin, one at a time") << u"round-robin"_s << 1;
    QTest::newRow("round-robin, 4 outstanding") << u"round-robin"_s << 4;
    QTest::newRow("least-outstanding, one at a time") << u"least-outstanding"_s << 1;
    QTest::newRow("least-outstanding, 4 outstanding") << u"least-outstanding"_s << 4;
}

void TestHttpPlugin::balanceDistributes()
{
    QFETCH(QString, balance);
    QFETCH(int, concurrency);
    const QStringList endpoints{m_peer->url(u"/score?endpoint=a"_s).toString(),
                                m_peer->url(u"/score?endpoint=b"_s).toString()};
    const auto instance = load(config(endpoints, {{u"balance"_s, balance}}));
    QVERIFY(instance);
    constexpr qsizetype BatchRows = 50;
    const auto state = run(*instance, InputRows, BatchRows, concurrency); // 20 batches
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    const QString bad = mismatch(*state, BatchRows, 1, 0);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));

    const StatsEndpoint a = endpointStats(*instance, 0);
    const StatsEndpoint b = endpointStats(*instance, 1);
    QCOMPARE(a.requests + b.requests, 20);
    QCOMPARE(a.ok + b.ok, 20);
    if (balance == u"round-robin"_s || concurrency == 1) {
        // Strict alternation (least-outstanding with idle endpoints breaks ties in rotation order).
        QCOMPARE(a.requests, 10);
        QCOMPARE(b.requests, 10);
        for (int i = 0; i < state->statuses.size(); ++i)
            QCOMPARE(state->statuses.at(i).endpoint, Opsdeck::Test::shownUrl(endpoints.at(i % 2)));
    } else {
        QVERIFY2(a.requests > 0 && b.requests > 0,
                 qPrintable(u"a=%1 b=%2"_s.arg(a.requests).arg(b.requests)));
    }
}

void TestHttpPlugin::leastOutstandingAvoidsBusyEndpoint()
{
    // Endpoint a holds each request for 2 s, b answers at once. With two batches outstanding,
    // least-outstanding keeps feeding b while a is busy; round-robin would give a every other batch.
    const QStringList endpoints{m_peer->url(u"/score?delay_ms=2000"_s).toString(),
                                m_peer->url(u"/score"_s).toString()};
    const auto instance = load(config(endpoints, {{u"balance"_s, u"least-outstanding"_s}}));
    QVERIFY(instance);
    const auto state = run(*instance, 200, 10, 2); // 20 batches
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    const StatsEndpoint slow = endpointStats(*instance, 0);
    const StatsEndpoint fast = endpointStats(*instance, 1);
    QCOMPARE(slow.requests + fast.requests, 20);
    QVERIFY2(slow.requests >= 1 && slow.requests < 10,
             qPrintable(u"slow=%1 fast=%2"_s.arg(slow.requests).arg(fast.requests)));
}

void TestHttpPlugin::inflightBound()
{
    const QStringList endpoints{m_peer->url(u"/score?delay_ms=300&endpoint=a"_s).toString(),
                                m_peer->url(u"/score?delay_ms=300&endpoint=b"_s).toString()};
    const auto instance = load(config(endpoints, {{u"inflight"_s, u"3"_s}}));
    QVERIFY(instance);
    QCOMPARE(instance->maxInFlight(), 6);
    m_network.resetCounts();

    // maxInFlight() batches at once reach the network together, three per endpoint; one more is refused.
    std::vector<float> out(16 * 10);
    int done = 0;
    QList<ScoreStatus> statuses;
    BatchInput input;
    input.rows = 10;
    input.cols = Features;
    input.values = m_input.data();
    for (int i = 0; i < 7; ++i) {
        instance->scoreAsync(input, out.data() + i * 10, [&](const ScoreStatus &status) {
            ++done;
            statuses.append(status);
        });
    }
    QCOMPARE(m_network.peakTotal, 6);
    QCOMPARE(m_network.peak.value(endpoints.at(0)), 3);
    QCOMPARE(m_network.peak.value(endpoints.at(1)), 3);
    QCOMPARE(done, 0);
    QTRY_COMPARE_WITH_TIMEOUT(done, 7, 60000);
    QCOMPARE(statuses.at(0).kind, Kind::Failed); // the refused one is answered first, without a request
    QVERIFY2(statuses.at(0).message.contains(u"too many requests in flight"_s),
             qPrintable(statuses.at(0).message));
    for (int i = 1; i < 7; ++i)
        QVERIFY2(statuses.at(i).ok(), qPrintable(statuses.at(i).message));

    // A longer run with the host's bound: never more than `inflight` per endpoint.
    m_network.resetCounts();
    const auto state = run(*instance, 300, 10, instance->maxInFlight());
    VERIFY_CALLBACKS(state);
    VERIFY_ALL_OK(state);
    QCOMPARE(m_network.peak.value(endpoints.at(0)), 3);
    QCOMPARE(m_network.peak.value(endpoints.at(1)), 3);
    QCOMPARE(m_network.created.value(endpoints.at(0)) + m_network.created.value(endpoints.at(1)), 30);
}

void TestHttpPlugin::failEveryThirdCountedPerEndpoint()
{
    ScoringPeerOptions options;
    options.failEvery = 3;
    ScoringPeer failing(options);
    QVERIFY2(failing.start(), qPrintable(failing.errorString()));
    const QStringList endpoints{failing.url(u"/score?endpoint=a"_s).toString(),
                                failing.url(u"/score?endpoint=b"_s).toString()};
    // retries=2 must not repeat a 500: the service read the batch and answered.
    const auto instance = load(config(endpoints, {{u"retries"_s, u"2"_s}}));
    QVERIFY(instance);
    constexpr qsizetype BatchRows = 20;
    const auto state = run(*instance, 9 * BatchRows, BatchRows, 1); // requests 1…9: 3, 6 and 9 fail
    VERIFY_CALLBACKS(state);
    for (int i = 0; i < 9; ++i) {
        const ScoreStatus &status = state->statuses.at(i);
        if ((i + 1) % 3 == 0) {
            QCOMPARE(status.kind, Kind::Failed);
            QCOMPARE(status.httpStatus, 500);
            QCOMPARE(status.endpoint, Opsdeck::Test::shownUrl(endpoints.at(i % 2)));
            QVERIFY2(status.message.startsWith(u"PUT "_s + Opsdeck::Test::shownUrl(endpoints.at(i % 2)) + u": HTTP 500"_s),
                     qPrintable(status.message));
            QVERIFY2(status.message.contains(u"SCORING_FAIL_EVERY=3"_s), qPrintable(status.message));
        } else {
            QVERIFY2(status.ok(), qPrintable(status.message));
        }
    }
    const QString bad = mismatch(*state, BatchRows, 1, 0);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));

    // Batches 3 and 9 went to a, batch 6 to b.
    const StatsEndpoint a = endpointStats(*instance, 0);
    const StatsEndpoint b = endpointStats(*instance, 1);
    QCOMPARE(a.requests, 5);
    QCOMPARE(a.ok, 3);
    QCOMPARE(a.errors, 2);
    QCOMPARE(a.byStatus.value(u"500").toInteger(), 2);
    QCOMPARE(a.transportErrors, 0);
    QCOMPARE(b.requests, 4);
    QCOMPARE(b.ok, 3);
    QCOMPARE(b.errors, 1);
    QCOMPARE(b.byStatus.value(u"500").toInteger(), 1);
    QCOMPARE(b.byStatus.size(), 1);
    QVERIFY(failing.stop());
}

void TestHttpPlugin::retriesOnlyForGatewayStatuses()
{
    constexpr qsizetype BatchRows = 25;
    const QString good = m_peer->url(u"/score"_s).toString();
    {
        // 503 is retried on the other endpoint: every batch succeeds.
        const QString unavailable = m_peer->url(u"/score?status=503"_s).toString();
        const auto instance = load(config({unavailable, good}, {{u"retries"_s, u"1"_s}}));
        QVERIFY(instance);
        const auto state = run(*instance, 6 * BatchRows, BatchRows, 1);
        VERIFY_CALLBACKS(state);
        VERIFY_ALL_OK(state);
        const QString bad = mismatch(*state, BatchRows, 1, 0);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        const StatsEndpoint first = endpointStats(*instance, 0);
        const StatsEndpoint second = endpointStats(*instance, 1);
        QCOMPARE(first.requests, 3);
        QCOMPARE(first.byStatus.value(u"503").toInteger(), 3);
        QCOMPARE(second.requests, 6);
        QCOMPARE(second.ok, 6);
    }
    {
        // Without retries the 503 is the batch's outcome.
        const QString unavailable = m_peer->url(u"/score?status=503"_s).toString();
        const auto instance = load(config({unavailable}));
        QVERIFY(instance);
        const auto state = run(*instance, BatchRows, BatchRows, 1);
        VERIFY_CALLBACKS(state);
        QCOMPARE(state->statuses.at(0).kind, Kind::Failed);
        QCOMPARE(state->statuses.at(0).httpStatus, 503);
    }
    {
        // 500 and 400 are final: no second attempt.
        for (const int code : {500, 400}) {
            const QString failing = m_peer->url(u"/score?status=%1"_s.arg(code)).toString();
            const auto instance = load(config({failing, good}, {{u"retries"_s, u"3"_s}}));
            QVERIFY(instance);
            const auto state = run(*instance, 4 * BatchRows, BatchRows, 1);
            VERIFY_CALLBACKS(state);
            for (int i = 0; i < 4; ++i) {
                QCOMPARE(state->statuses.at(i).ok(), i % 2 == 1);
                if (i % 2 == 0)
                    QCOMPARE(state->statuses.at(i).httpStatus, code);
            }
            QCOMPARE(endpointStats(*instance, 0).requests, 2);
            QCOMPARE(endpointStats(*instance, 1).requests, 2);
        }
    }
}

void TestHttpPlugin::droppedConnection()
{
    constexpr qsizetype BatchRows = 25;
    const QString good = m_peer->url(u"/score"_s).toString();
    const QString dropping = m_peer->url(u"/score?drop=1"_s).toString();
    {
        const auto instance = load(config({good, dropping}));
        QVERIFY(instance);
        const auto state = run(*instance, 6 * BatchRows, BatchRows, 1);
        VERIFY_CALLBACKS(state);
        for (int i = 0; i < 6; ++i) {
            const ScoreStatus &status = state->statuses.at(i);
            if (i % 2 == 0) {
                QVERIFY2(status.ok(), qPrintable(status.message));
            } else {
                QCOMPARE(status.kind, Kind::Failed);   // accepted, then dropped: not unreachable
                QCOMPARE(status.httpStatus, 0);
                QVERIFY2(status.message.startsWith(u"PUT "_s + Opsdeck::Test::shownUrl(dropping) + u": "_s),
                         qPrintable(status.message));
            }
        }
        const QString bad = mismatch(*state, BatchRows, 1, 0);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        const StatsEndpoint stats = endpointStats(*instance, 1);
        QCOMPARE(stats.requests, 3);
        QCOMPARE(stats.transportErrors, 3);
        QCOMPARE(stats.errors, 3);
        QVERIFY(stats.byStatus.isEmpty());
        QCOMPARE(endpointStats(*instance, 0).ok, 3);
    }
    {
        // A transport error is retried when retries are declared safe.
        const auto instance = load(config({good, dropping}, {{u"retries"_s, u"1"_s}}));
        QVERIFY(instance);
        const auto state = run(*instance, 6 * BatchRows, BatchRows, 1);
        VERIFY_CALLBACKS(state);
        VERIFY_ALL_OK(state);
        QCOMPARE(endpointStats(*instance, 1).transportErrors, 3);
        QCOMPARE(endpointStats(*instance, 0).ok, 6);
    }
}

void TestHttpPlugin::unreachableEndpoint()
{
    const quint16 port = Opsdeck::Test::freeLoopbackPort();
    QVERIFY(port != 0);
    const QString nowhere = u"http://127.0.0.1:%1/score"_s.arg(port);
    const auto instance = load(config({nowhere}));
    QVERIFY(instance);
    const auto state = run(*instance, 10, 10, 1);
    VERIFY_CALLBACKS(state);
    const ScoreStatus status = state->statuses.at(0);
    QCOMPARE(status.kind, Kind::Unreachable);
    QCOMPARE(status.endpoint, nowhere);
    QVERIFY2(status.message.startsWith(u"PUT "_s + nowhere + u": "_s), qPrintable(status.message));
    QVERIFY2(status.message.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(status.message));
    const StatsEndpoint stats = endpointStats(*instance, 0);
    QCOMPARE(stats.transportErrors, 1);
    QCOMPARE(stats.errors, 1);
    QCOMPARE(stats.ok, 0);
}

void TestHttpPlugin::timeout()
{
    const QString slow = m_peer->url(u"/score?delay_ms=5000"_s).toString();
    const auto instance = load(config({slow}, {{u"timeout_ms"_s, u"300"_s}}));
    QVERIFY(instance);
    const auto state = run(*instance, 10, 10, 1);
    VERIFY_CALLBACKS(state);
    const ScoreStatus status = state->statuses.at(0);
    QCOMPARE(status.kind, Kind::Timeout);
    QVERIFY2(status.message.startsWith(u"PUT "_s + Opsdeck::Test::shownUrl(slow) + u": "_s), qPrintable(status.message));
    QVERIFY2(status.message.contains(u"300 ms"_s), qPrintable(status.message));
    const StatsEndpoint stats = endpointStats(*instance, 0);
    QCOMPARE(stats.timeouts, 1);
    QCOMPARE(stats.errors, 1);
    QCOMPARE(stats.transportErrors, 0);

    // The instance stays usable: the next batch goes through (to the same service, without the delay).
    const auto fine = load(config({m_peer->url(u"/score"_s).toString()}, {{u"timeout_ms"_s, u"30000"_s}}));
    const auto next = run(*fine, 10, 10, 1);
    VERIFY_CALLBACKS(next);
    VERIFY_ALL_OK(next);
}

void TestHttpPlugin::destroyedWithRequestsInFlight()
{
    auto instance = load(config({m_peer->url(u"/score?delay_ms=3000"_s).toString()}));
    QVERIFY(instance);
    std::vector<float> out(20);
    QList<ScoreStatus> statuses;
    BatchInput input;
    input.rows = 10;
    input.cols = Features;
    input.values = m_input.data();
    for (int i = 0; i < 2; ++i)
        instance->scoreAsync(input, out.data() + 10 * i,
                             [&statuses](const ScoreStatus &s) { statuses.append(s); });
    QTest::qWait(100); // let the requests reach the network layer
    QCOMPARE(statuses.size(), 0);
    instance.reset();
    QCOMPARE(statuses.size(), 2);
    for (const ScoreStatus &status : std::as_const(statuses)) {
        QCOMPARE(status.kind, Kind::Failed);
        QVERIFY2(status.message.contains(u"aborted"_s), qPrintable(status.message));
    }
    QTest::qWait(200); // no second call arrives from a late reply
    QCOMPARE(statuses.size(), 2);
}

void TestHttpPlugin::linearPluginMatchesModelExport()
{
    auto linear = m_registry->backend(u"linear"_s);
    if (!linear.has_value())
        QSKIP(qPrintable(u"the linear plugin is not built or does not load: "_s + linear.error().message));
    QString error;
    const QByteArray exported = m_peer->get(u"/model"_s, &error);
    QVERIFY2(!exported.isEmpty(), qPrintable(error));
    QCOMPARE(QJsonDocument::fromJson(exported).object().value(u"weights").toArray().size(), Features);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"model.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(exported), exported.size());
    file.close();

    ModelConfig c;
    c.modelPath = file.fileName();
    c.features = Features;
    std::unique_ptr<ModelInstance> model = (*linear)->load(c, &error);
    QVERIFY2(model, qPrintable(error));
    QCOMPARE(model->inputColumns(), Features);
    QCOMPARE(model->outputColumns(), qsizetype(1));
    std::vector<float> scores(static_cast<size_t>(InputRows));
    BatchInput input;
    input.rows = InputRows;
    input.cols = Features;
    input.values = m_input.data();
    QVERIFY2(model->score(input, scores.data(), &error), qPrintable(error));
    double worst = 0;
    qsizetype worstRow = 0;
    for (qsizetype r = 0; r < InputRows; ++r) {
        const double diff = std::abs(double(scores[size_t(r)]) - double(m_reference[size_t(r)]));
        if (!(diff <= worst)) {
            worst = diff;
            worstRow = r;
        }
    }
    QVERIFY2(worst <= Tolerance, qPrintable(u"row %1: linear %2, service %3 (difference %4)"_s.arg(worstRow)
                                                .arg(scores[size_t(worstRow)], 0, 'g', 9)
                                                .arg(m_reference[size_t(worstRow)], 0, 'g', 9)
                                                .arg(worst, 0, 'g', 3)));
}

QTEST_GUILESS_MAIN(TestHttpPlugin)
#include "tst_httpplugin.moc"
