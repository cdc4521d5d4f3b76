// HttpClient against the loopback HTTP fake: responses, JSON, timeouts, retries, truncated bodies, auth
// headers, TLS settings, userinfo hygiene and aborts.
#include "config/profile.h"
#include "net/httpclient.h"
#include "net/networkaccess.h"
#include "support/httpfake.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtNetwork/QNetworkAccessManager>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <algorithm>
#include <optional>

using namespace Opsdeck;
using namespace Opsdeck::Core;
using Opsdeck::Test::FakeRequest;
using Opsdeck::Test::FakeResponse;
using Opsdeck::Test::HttpFake;

namespace {

constexpr int waitMs = 20000;

/// Collects what a `done` callback received and how often it ran.
struct Outcome
{
    std::optional<Result<HttpResponse>> result;
    int calls = 0;

    HttpClient::ResponseHandler handler()
    {
        return [this](Result<HttpResponse> r) {
            ++calls;
            result = std::move(r);
        };
    }
    [[nodiscard]] bool done() const { return result.has_value(); }
    [[nodiscard]] const HttpResponse &response() const { return **result; }
    [[nodiscard]] const Error &error() const { return result->error(); }
    [[nodiscard]] QByteArray describe() const
    {
        if (!result)
            return "no result";
        if (!*result)
            return result->error().toString().toUtf8();
        return "HTTP " + QByteArray::number((*result)->status);
    }
};

/// The error of a result for a failure message; empty for a value (QVERIFY2 evaluates its message always).
template<typename T> QByteArray errorText(const Result<T> &result)
{
    return result.has_value() ? QByteArray() : result.error().toString().toUtf8();
}

HttpRequest get(const QUrl &url, int maxRetries = -1)
{
    HttpRequest request;
    request.url = url;
    request.maxRetries = maxRetries;
    return request;
}

/// Records the opsdeck.net debug lines while it lives (they show what the client did, e.g. that it read a
/// response and went into backoff) and passes every message on to the test framework.
class NetLogCapture
{
public:
    NetLogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("opsdeck.net.debug=true"));
        s_lines.clear();
        s_previous = qInstallMessageHandler(&NetLogCapture::handle);
    }
    ~NetLogCapture()
    {
        qInstallMessageHandler(s_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    Q_DISABLE_COPY_MOVE(NetLogCapture)

    [[nodiscard]] bool contains(const QString &text) const
    {
        return std::any_of(s_lines.cbegin(), s_lines.cend(),
                           [&](const QString &line) { return line.contains(text); });
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtDebugMsg && qstrcmp(context.category, "opsdeck.net") == 0) {
            s_lines.append(message);
            return;
        }
        s_previous(type, context, message);
    }
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

/// A URL on a loopback port nothing listens on: a fake is started, its port noted, and it is closed again.
QUrl closedPortUrl(const QByteArray &path)
{
    HttpFake fake;
    if (!fake.listen())
        return {};
    const QUrl url = fake.url(path);
    fake.close();
    return url;
}

} // namespace

class TstHttpClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void getJsonOk();
    void requestIsRecordedAsSent();
    void keepAliveReusesConnection();
    void wildcardRoutesAndFallback();
    void chunkedResponse();
    void invalidUrlFailsLater();
    void transferTimeout();
    void retriesGetOn503();
    void retryAfter_data();
    void retryAfter();
    void neverRetriesPost();
    void retriesPostWhenAllowed();
    void connectionRefused();
    void connectionClosedMidBody();
    void retriesAfterTruncatedBody();
    void closedWithoutResponse();
    void malformedJson();
    void checkStatus_data();
    void checkStatus();
    void authorizationHeader_data();
    void authorizationHeader();
    void resolveCredentialsFromEnvironment();
    void resolveCredentialsNamesReference();
    void caFileMissing();
    void caFileWithoutCertificate();
    void tlsVerification();
    void userInfoNeverPrinted();
    void abortRunningRequest();
    void abortDuringBackoff();
    void abortAll();
    void contextDestroyedCancelsSilently();
    void destroyingClientInterrupts();
    void managerPerThread();
    void queryValuesNeverPrinted();
    void bodyLimit_data();
    void bodyLimit();
    void bodyUnderLimit();
    void requestDeadline();
    void redirectToAnotherOriginRefused();
    void redirectToSameOriginKeepsCredentials();
};

void TstHttpClient::initTestCase()
{
    qRegisterMetaType<Opsdeck::Test::FakeRequest>();
}

void TstHttpClient::getJsonOk()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/v1/info", FakeResponse::json(R"({"name":"livy","sessions":[1,2,3]})"));

    HttpClient client;
    std::optional<Result<QJsonDocument>> document;
    HttpResponse response;
    int calls = 0;
    client.getJson(fake.url("/v1/info?from=0&size=2"), this,
                   [&](Result<QJsonDocument> d, const HttpResponse &r) {
                       ++calls;
                       document = std::move(d);
                       response = r;
                   });
    QTRY_VERIFY_WITH_TIMEOUT(document.has_value(), waitMs);
    QVERIFY2(document->has_value(), errorText(*document).constData());
    QCOMPARE((*document)->object().value(QStringLiteral("name")).toString(), QStringLiteral("livy"));
    QCOMPARE((*document)->object().value(QStringLiteral("sessions")).toArray().size(), 3);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.reason, QByteArray("OK"));
    QCOMPARE(response.method, QByteArray("GET"));
    QCOMPARE(response.attempts, 1);
    QCOMPARE(response.header("content-TYPE"), QByteArray("application/json"));
    QVERIFY(response.isSuccess());
    QVERIFY(response.checkStatus().has_value());

    QCOMPARE(fake.requestCount(), 1);
    const FakeRequest seen = fake.lastRequest();
    QCOMPARE(seen.method, QByteArray("GET"));
    QCOMPARE(seen.path, QByteArray("/v1/info"));
    QCOMPARE(seen.query, QByteArray("from=0&size=2"));
    QCOMPARE(seen.queryItem(QStringLiteral("size")), QStringLiteral("2"));
    QCOMPARE(seen.header("Accept"), QByteArray("application/json"));
    QVERIFY2(seen.header("User-Agent").startsWith("Opsdeck/"), seen.header("User-Agent").constData());
    QVERIFY(!seen.hasHeader("Authorization"));
    QCOMPARE(calls, 1);
}

void TstHttpClient::requestIsRecordedAsSent()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("POST", "/batches", FakeResponse::json(R"({"id":7,"state":"starting"})", 201));
    QSignalSpy received(&fake, &HttpFake::requestReceived);

    HttpClient client;
    client.setUserAgent("opsdeck-test/1");
    HttpRequest request;
    request.method = "POST";
    request.url = fake.url("/batches");
    request.body = R"({"file":"local:/jobs/score.py","args":["--rows","10"]})";
    request.contentType = "application/json";
    request.headers.append({QByteArray("X-Requested-By"), QByteArray("opsdeck")});
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().status, 201);
    QCOMPARE(outcome.response().reason, QByteArray("Created"));
    auto json = parseJson(outcome.response());
    QVERIFY(json.has_value());
    QCOMPARE(json->object().value(QStringLiteral("id")).toInt(), 7);

    QCOMPARE(received.count(), 1);
    const FakeRequest seen = received.at(0).at(0).value<FakeRequest>();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.body, request.body);
    QCOMPARE(seen.header("content-type"), QByteArray("application/json"));
    QCOMPARE(seen.header("X-Requested-By"), QByteArray("opsdeck"));
    QCOMPARE(seen.header("User-Agent"), QByteArray("opsdeck-test/1"));
    QCOMPARE(seen.json().object().value(QStringLiteral("args")).toArray().size(), 2);
}

void TstHttpClient::keepAliveReusesConnection()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/ping", FakeResponse::text("pong"));

    HttpClient client;
    for (int i = 0; i < 3; ++i) {
        Outcome outcome;
        client.send(get(fake.url("/ping")), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
        QCOMPARE(outcome.response().body, QByteArray("pong"));
    }
    QCOMPARE(fake.requestCount("GET", "/ping"), 3);
    QCOMPARE(fake.connectionCount(), 1);
    const auto seen = fake.requests();
    QCOMPARE(seen.at(2).connection, seen.at(0).connection);
    QCOMPARE(seen.at(2).sequence, 3);
}

void TstHttpClient::wildcardRoutesAndFallback()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/batches/*", [](const FakeRequest &r) { return FakeResponse::text("any " + r.path); });
    fake.route("GET", "/batches/7/*", FakeResponse::text("seven"));
    fake.route("GET", "/batches/7/state", FakeResponse::text("exact"));
    fake.route("*", "/anything", FakeResponse::text("any method"));

    HttpClient client;
    const QList<std::pair<QByteArray, QByteArray>> expectations = {
        {"GET /batches/3", "any /batches/3"},
        {"GET /batches/7/log", "seven"},
        {"GET /batches/7/state", "exact"},
        {"DELETE /anything", "any method"},
    };
    for (const auto &[call, body] : expectations) {
        const QList<QByteArray> parts = call.split(' ');
        HttpRequest request = get(fake.url(parts[1]));
        request.method = parts[0];
        Outcome outcome;
        client.send(request, this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
        QCOMPARE(outcome.response().body, body);
    }

    Outcome missing;
    client.send(get(fake.url("/nowhere")), this, missing.handler());
    QTRY_VERIFY_WITH_TIMEOUT(missing.done(), waitMs);
    QVERIFY2(missing.result->has_value(), missing.describe().constData());
    QCOMPARE(missing.response().status, 404);
    QVERIFY(missing.response().body.contains("no route for GET /nowhere"));
    QCOMPARE(fake.requestCount("*", "/batches/*"), 3);
    QCOMPARE(fake.requestCount("GET", "/batches/7/*"), 2);
}

void TstHttpClient::chunkedResponse()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    QByteArray body;
    for (int i = 0; i < 500; ++i)
        body += "line " + QByteArray::number(i) + '\n';
    fake.route("GET", "/log", FakeResponse::text(body).chunked(700, 5));
    QSignalSpy sent(&fake, &HttpFake::responseSent);

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/log")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(outcome.response().body, body);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.at(0).at(1).toInt(), 200);
}

void TstHttpClient::invalidUrlFailsLater()
{
    HttpClient client;
    Outcome outcome;
    HttpRequest request = get(QUrl(QStringLiteral("ftp://127.0.0.1/file")));
    client.send(request, this, outcome.handler());
    QCOMPARE(outcome.calls, 0); // never from inside send()
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY(!outcome.result->has_value());
    QCOMPARE(outcome.error().kind, ErrorKind::Usage);
    QVERIFY2(outcome.error().message.startsWith(u"GET ftp://127.0.0.1/file: "),
             qPrintable(outcome.error().message));
    QCOMPARE(outcome.calls, 1);
}

void TstHttpClient::transferTimeout()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/slow", FakeResponse::json("{}").withDelay(5000));

    HttpClient client;
    HttpRequest request = get(fake.url("/slow"), 0);
    request.timeoutMs = 300;
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
    QCOMPARE(outcome.error().message,
             QStringLiteral("GET %1: timed out after 300 ms").arg(fake.url("/slow").toString()));
    QCOMPARE(fake.requestCount(), 1);
}

void TstHttpClient::retriesGetOn503()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/flaky",
               {FakeResponse::text("busy", 503), FakeResponse::text("busy", 503),
                FakeResponse::json(R"({"ok":true})")});

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/flaky")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().status, 200);
    QCOMPARE(outcome.response().attempts, 3);
    QCOMPARE(outcome.response().body, QByteArray(R"({"ok":true})"));
    QCOMPARE(fake.requestCount("GET", "/flaky"), 3);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(client.pendingCount(), 0);
}

void TstHttpClient::retryAfter_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<int>("expectedRequests");

    QTest::newRow("429, Retry-After 0: retried") << 429 << QByteArray("0") << 200 << 2;
    QTest::newRow("502, Retry-After 1: retried") << 502 << QByteArray("1") << 200 << 2;
    QTest::newRow("504, past HTTP-date: retried")
        << 504 << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << 200 << 2;
    QTest::newRow("503, Retry-After 120: given up") << 503 << QByteArray("120") << 503 << 1;
    QTest::newRow("500: not retried") << 500 << QByteArray() << 500 << 1;
    QTest::newRow("404: not retried") << 404 << QByteArray() << 404 << 1;
}

void TstHttpClient::retryAfter()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, expectedStatus);
    QFETCH(int, expectedRequests);

    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    FakeResponse first = FakeResponse::text("later", status);
    if (!retryAfter.isEmpty())
        first = first.withHeader("Retry-After", retryAfter);
    fake.route("GET", "/throttled", {first, FakeResponse::json("{}")});

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/throttled")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().status, expectedStatus);
    QCOMPARE(outcome.response().attempts, expectedRequests);
    QCOMPARE(fake.requestCount(), expectedRequests);
}

void TstHttpClient::neverRetriesPost()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("POST", "/batches", {FakeResponse::text("overloaded", 503), FakeResponse::json("{}", 201)});

    HttpClient client;
    HttpRequest request = get(fake.url("/batches"));
    request.method = "POST";
    request.body = "{}";
    request.contentType = "application/json";
    request.maxRetries = 5; // ignored: POST is not idempotent and retryPost is not set
    QVERIFY(!request.idempotent());
    QCOMPARE(request.effectiveMaxRetries(), 0);
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().status, 503);
    QCOMPARE(outcome.response().attempts, 1);
    QCOMPARE(fake.requestCount(), 1);
    QCOMPARE(client.pendingCount(), 0);

    const auto status = outcome.response().checkStatus();
    QVERIFY(!status.has_value());
    QCOMPARE(status.error().kind, ErrorKind::Failed);
    QCOMPARE(status.error().message,
             QStringLiteral("POST %1: HTTP 503 Service Unavailable").arg(fake.url("/batches").toString()));
    QCOMPARE(status.error().detail, QStringLiteral("overloaded"));
}

void TstHttpClient::retriesPostWhenAllowed()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("POST", "/_search", {FakeResponse::text("busy", 503), FakeResponse::json(R"({"hits":{}})")});

    HttpClient client;
    HttpRequest request = get(fake.url("/_search"));
    request.method = "POST";
    request.body = R"({"query":{"match_all":{}}})";
    request.contentType = "application/json";
    request.retryPost = true;
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().status, 200);
    QCOMPARE(outcome.response().attempts, 2);
    const auto seen = fake.requests("POST", "/_search");
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(1).body, request.body);
}

void TstHttpClient::connectionRefused()
{
    const QUrl url = closedPortUrl("/health");
    QVERIFY(url.isValid());
    HttpClient client;
    Outcome outcome;
    client.send(get(url, 0), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
    QVERIFY2(outcome.error().message.startsWith(QStringLiteral("GET %1: ").arg(url.toString())),
             qPrintable(outcome.error().message));
    QVERIFY2(outcome.error().message.contains(u"refused", Qt::CaseInsensitive),
             qPrintable(outcome.error().message));
}

void TstHttpClient::connectionClosedMidBody()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/big", FakeResponse::text(QByteArray(20000, 'x')).closingMidBody(1000));

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/big"), 0), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
    QVERIFY2(outcome.error().message.startsWith(QStringLiteral("GET %1: ").arg(fake.url("/big").toString())),
             qPrintable(outcome.error().message));
    QVERIFY2(outcome.error().message.contains(u"1000 of 20000 body bytes"),
             qPrintable(outcome.error().message));
    QCOMPARE(fake.requestCount(), 1);
}

void TstHttpClient::retriesAfterTruncatedBody()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    const QByteArray body(5000, 'y');
    fake.route("GET", "/export", {FakeResponse::text(body).closingMidBody(), FakeResponse::text(body)});

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/export")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().body, body);
    QCOMPARE(outcome.response().attempts, 2);
    QCOMPARE(fake.requestCount(), 2);
    QCOMPARE(fake.connectionCount(), 2); // the first connection was closed by the fake
}

void TstHttpClient::closedWithoutResponse()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    FakeResponse drop;
    drop.mode = FakeResponse::Mode::CloseWithoutResponse;
    fake.route("GET", "/drop", drop);

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/drop"), 0), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
    QVERIFY2(outcome.error().message.startsWith(QStringLiteral("GET %1: ").arg(fake.url("/drop").toString())),
             qPrintable(outcome.error().message));
    QVERIFY2(outcome.error().message.contains(u"closed", Qt::CaseInsensitive),
             qPrintable(outcome.error().message));
    // QNetworkAccessManager itself sends a request again once when a connection closes before any response
    // (it may have been a stale keep-alive connection); maxRetries = 0 adds nothing to that.
    QCOMPARE(fake.requestCount(), 2);
}

void TstHttpClient::malformedJson()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    const QByteArray broken = R"({"sessions": [1, 2,, 3]})";
    fake.route("GET", "/batches", FakeResponse::json(broken));
    QJsonParseError expected;
    QJsonDocument::fromJson(broken, &expected);
    QVERIFY(expected.error != QJsonParseError::NoError);

    HttpClient client;
    std::optional<Result<QJsonDocument>> document;
    HttpResponse response;
    client.getJson(fake.url("/batches"), this, [&](Result<QJsonDocument> d, const HttpResponse &r) {
        document = std::move(d);
        response = r;
    });
    QTRY_VERIFY_WITH_TIMEOUT(document.has_value(), waitMs);
    QVERIFY(!document->has_value());
    const Error error = document->error();
    QCOMPARE(error.kind, ErrorKind::Failed);
    QCOMPARE(error.message, QStringLiteral("GET %1: HTTP 200: malformed JSON at offset %2: %3")
                                .arg(fake.url("/batches").toString())
                                .arg(expected.offset)
                                .arg(expected.errorString()));
    QCOMPARE(error.detail, QString::fromLatin1(broken));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, broken);

    // The same through parseJson() on a response with a body over the excerpt limit.
    HttpResponse big = response;
    big.body = QByteArray(2000, '[') + QByteArray("\x01\x02");
    const auto parsed = parseJson(big);
    QVERIFY(!parsed.has_value());
    QVERIFY(parsed.error().message.contains(u"malformed JSON at offset"));
    QVERIFY2(parsed.error().detail.size() <= 513, qPrintable(QString::number(parsed.error().detail.size())));
}

void TstHttpClient::checkStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("suffix");

    QTest::newRow("401") << 401 << QByteArray() << int(ErrorKind::Auth)
                         << QStringLiteral("HTTP 401 Unauthorized");
    QTest::newRow("403") << 403 << QByteArray() << int(ErrorKind::Auth)
                         << QStringLiteral("HTTP 403 Forbidden");
    QTest::newRow("404") << 404 << QByteArray() << int(ErrorKind::Failed)
                         << QStringLiteral("HTTP 404 Not Found");
    QTest::newRow("500 own reason") << 500 << QByteArray("Kaboom") << int(ErrorKind::Failed)
                                    << QStringLiteral("HTTP 500 Kaboom");
}

void TstHttpClient::checkStatus()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(int, kind);
    QFETCH(QString, suffix);

    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    FakeResponse answer = FakeResponse::json(R"({"error":"invalid token"})", status);
    answer.reason = reason;
    fake.route("GET", "/secure", answer);

    HttpClient client;
    Outcome outcome;
    client.send(get(fake.url("/secure")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData()); // a status is a value
    QCOMPARE(outcome.response().status, status);
    QVERIFY(!outcome.response().isSuccess());
    const auto checked = outcome.response().checkStatus();
    QVERIFY(!checked.has_value());
    QCOMPARE(int(checked.error().kind), kind);
    QCOMPARE(checked.error().message,
             QStringLiteral("GET %1: %2").arg(fake.url("/secure").toString(), suffix));
    QCOMPARE(checked.error().detail, QStringLiteral(R"({"error":"invalid token"})"));
    QCOMPARE(fake.requestCount(), 1);
}

void TstHttpClient::authorizationHeader_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("none") << int(AuthType::None) << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("basic") << int(AuthType::Basic) << QByteArray("alice") << QByteArray("pa:ss wörd")
                           << QByteArray(QByteArray("Basic ") + QByteArray("alice:pa:ss wörd").toBase64());
    QTest::newRow("bearer") << int(AuthType::Bearer) << QByteArray() << QByteArray("eyJhbGciOi.token")
                            << QByteArray("Bearer eyJhbGciOi.token");
    QTest::newRow("apikey") << int(AuthType::ApiKey) << QByteArray() << QByteArray("aWQ6a2V5")
                            << QByteArray("ApiKey aWQ6a2V5");
}

void TstHttpClient::authorizationHeader()
{
    QFETCH(int, type);
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, expected);

    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/", FakeResponse::json(R"({"cluster_name":"test"})"));

    HttpClient client;
    client.setCredentials(HttpCredentials{AuthType(type), user, secret});
    Outcome outcome;
    client.send(get(fake.url("/")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    const FakeRequest seen = fake.lastRequest();
    QCOMPARE(seen.hasHeader("Authorization"), !expected.isEmpty());
    QCOMPARE(seen.header("Authorization"), expected);
}

void TstHttpClient::resolveCredentialsFromEnvironment()
{
    qputenv("OPSDECK_TST_HTTP_TOKEN", "t0k3n-value");
    AuthConfig auth;
    auth.type = AuthType::Bearer;
    auth.secret.env = QStringLiteral("OPSDECK_TST_HTTP_TOKEN");
    const auto credentials = resolveCredentials(auth);
    qunsetenv("OPSDECK_TST_HTTP_TOKEN");
    QVERIFY2(credentials.has_value(), errorText(credentials).constData());
    QCOMPARE(int(credentials->type), int(AuthType::Bearer));
    QCOMPARE(credentials->secret, QByteArray("t0k3n-value"));

    AuthConfig none;
    const auto empty = resolveCredentials(none);
    QVERIFY(empty.has_value());
    QCOMPARE(int(empty->type), int(AuthType::None));
    QVERIFY(empty->secret.isEmpty());
}

void TstHttpClient::resolveCredentialsNamesReference()
{
    qunsetenv("OPSDECK_TST_HTTP_UNSET");
    AuthConfig auth;
    auth.type = AuthType::Basic;
    auth.user = QStringLiteral("elastic");
    auth.secret.env = QStringLiteral("OPSDECK_TST_HTTP_UNSET");
    const auto credentials = resolveCredentials(auth);
    QVERIFY(!credentials.has_value());
    QCOMPARE(credentials.error().kind, ErrorKind::Usage);
    QVERIFY2(credentials.error().message.contains(u"env:OPSDECK_TST_HTTP_UNSET"),
             qPrintable(credentials.error().message));
}

void TstHttpClient::caFileMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no-such-ca.pem"));
    HttpClient client;
    const auto result = client.setTls(TlsConfig{path, false});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().kind, ErrorKind::Usage);
    QVERIFY2(result.error().message.startsWith(path + u':'), qPrintable(result.error().message));
}

void TstHttpClient::caFileWithoutCertificate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ca.pem"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a certificate\n");
    file.close();
    HttpClient client;
    const auto result = client.setTls(TlsConfig{path, false});
    QVERIFY(!result.has_value());
    QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"no PEM certificate"), qPrintable(result.error().message));
}

void TstHttpClient::tlsVerification()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Test::FakeTls tls = Test::createSelfSignedTls(dir.path());
    if (!tls.isValid())
        QSKIP(qPrintable(QStringLiteral("no TLS identity for the fake: ") + tls.error));
    HttpFake fake;
    QVERIFY2(fake.listenTls(tls.server), qPrintable(fake.errorString()));
    fake.route("GET", "/", FakeResponse::json(R"({"tls":true})"));
    QCOMPARE(fake.url().scheme(), QStringLiteral("https"));

    {
        HttpClient client;
        const auto configured = client.setTls(TlsConfig{tls.certificateFile, false});
        QVERIFY2(configured.has_value(), errorText(configured).constData());
        Outcome outcome;
        client.send(get(fake.url("/")), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
        QCOMPARE(outcome.response().body, QByteArray(R"({"tls":true})"));
    }
    {
        HttpClient client;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("TLS peer verification is disabled")));
        const auto configured = client.setTls(TlsConfig{QString(), true});
        QVERIFY(configured.has_value());
        Outcome outcome;
        client.send(get(fake.url("/")), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
        QCOMPARE(outcome.response().status, 200);
    }
    // The system CAs do not know the fake's certificate: a TLS failure, not retried — even though connections
    // to the same host and port, opened by the clients above with other trust settings, are still open.
    for (const bool setEmptyTls : {false, true}) {
        HttpClient client;
        if (setEmptyTls)
            QVERIFY(client.setTls(TlsConfig{}).has_value());
        Outcome outcome;
        client.send(get(fake.url("/")), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
        QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
        QVERIFY2(outcome.error().message.startsWith(QStringLiteral("GET %1: ").arg(fake.url("/").toString())),
                 qPrintable(outcome.error().message));
        QCOMPARE(fake.requestCount(), 2);
    }
    QCOMPARE(fake.requestCount(), 2);
}

void TstHttpClient::userInfoNeverPrinted()
{
    const QString password = QStringLiteral("hunter2secret");
    auto withUserInfo = [&](QUrl url) {
        url.setUserName(QStringLiteral("admin"));
        url.setPassword(password);
        return url;
    };
    auto clean = [&](const Error &error) {
        const QString text = error.toString();
        return !text.contains(password) && !text.contains(u"admin:") && !text.contains(u"admin@");
    };

    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("POST", "/fail", FakeResponse::text("nope", 503));
    fake.route("GET", "/broken", FakeResponse::json("{oops"));
    fake.route("GET", "/slow", FakeResponse::json("{}").withDelay(5000));
    fake.route("GET", "/cut", FakeResponse::text(QByteArray(4000, 'z')).closingMidBody());

    HttpClient client;
    {
        HttpRequest request = get(withUserInfo(fake.url("/fail")));
        request.method = "POST";
        Outcome outcome;
        client.send(request, this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
        const auto status = outcome.response().checkStatus();
        QVERIFY(!status.has_value());
        QVERIFY2(clean(status.error()), qPrintable(status.error().toString()));
        QVERIFY(status.error().message.contains(fake.url("/fail").toString()));
    }
    {
        std::optional<Result<QJsonDocument>> document;
        client.getJson(withUserInfo(fake.url("/broken")), this,
                       [&](Result<QJsonDocument> d, const HttpResponse &) { document = std::move(d); });
        QTRY_VERIFY_WITH_TIMEOUT(document.has_value(), waitMs);
        QVERIFY(!document->has_value());
        QVERIFY2(clean(document->error()), qPrintable(document->error().toString()));
        QVERIFY(document->error().message.contains(u"malformed JSON"));
    }
    {
        HttpRequest request = get(withUserInfo(fake.url("/slow")), 0);
        request.timeoutMs = 200;
        Outcome outcome;
        client.send(request, this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY(!outcome.result->has_value());
        QVERIFY2(clean(outcome.error()), qPrintable(outcome.error().toString()));
        QVERIFY(outcome.error().message.contains(u"timed out"));
    }
    {
        Outcome outcome;
        client.send(get(withUserInfo(fake.url("/cut")), 0), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY(!outcome.result->has_value());
        QVERIFY2(clean(outcome.error()), qPrintable(outcome.error().toString()));
    }
    {
        Outcome outcome;
        client.send(get(withUserInfo(closedPortUrl("/refused")), 0), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY(!outcome.result->has_value());
        QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
        QVERIFY2(clean(outcome.error()), qPrintable(outcome.error().toString()));
    }
    {
        HttpRequest request = get(withUserInfo(fake.url("/slow")), 0);
        Outcome outcome;
        const quint64 id = client.send(request, this, outcome.handler());
        QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount("GET", "/slow"), 2, waitMs);
        client.abort(id);
        QVERIFY(outcome.done());
        QVERIFY2(clean(outcome.error()), qPrintable(outcome.error().toString()));
    }
}

void TstHttpClient::abortRunningRequest()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    FakeResponse hang;
    hang.mode = FakeResponse::Mode::NoResponse;
    fake.route("GET", "/hang", hang);

    HttpClient client;
    Outcome outcome;
    const quint64 id = client.send(get(fake.url("/hang")), this, outcome.handler());
    QVERIFY(id != 0);
    QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount(), 1, waitMs);
    QCOMPARE(outcome.calls, 0);
    client.abort(id);
    QCOMPARE(outcome.calls, 1); // before abort() returns
    QVERIFY(!outcome.result->has_value());
    QCOMPARE(outcome.error().kind, ErrorKind::Interrupted);
    QCOMPARE(outcome.error().message, QStringLiteral("GET %1: aborted").arg(fake.url("/hang").toString()));
    QCOMPARE(client.pendingCount(), 0);
    client.abort(id); // finished handles are ignored
    QCOMPARE(outcome.calls, 1);

    // The client stays usable and the aborted reply never calls back.
    fake.route("GET", "/after", FakeResponse::text("fine"));
    Outcome next;
    client.send(get(fake.url("/after")), this, next.handler());
    QTRY_VERIFY_WITH_TIMEOUT(next.done(), waitMs);
    QVERIFY2(next.result->has_value(), next.describe().constData());
    QCOMPARE(outcome.calls, 1);
}

void TstHttpClient::abortDuringBackoff()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/later", FakeResponse::text("wait", 503).withHeader("Retry-After", "20"));

    NetLogCapture log;
    HttpClient client;
    Outcome outcome;
    const quint64 id = client.send(get(fake.url("/later")), this, outcome.handler());
    // Once the client has read the 503 it waits 20 s (Retry-After) before the next attempt.
    QTRY_VERIFY_WITH_TIMEOUT(log.contains(QStringLiteral("-> 503")), waitMs);
    QCOMPARE(client.pendingCount(), 1);
    QCOMPARE(outcome.calls, 0);
    client.abort(id);
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(outcome.error().kind, ErrorKind::Interrupted);
    QCOMPARE(client.pendingCount(), 0);
}

void TstHttpClient::abortAll()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    FakeResponse hang;
    hang.mode = FakeResponse::Mode::NoResponse;
    fake.route("*", "/hang/*", hang);

    HttpClient client;
    Outcome first;
    Outcome second;
    client.send(get(fake.url("/hang/1")), this, first.handler());
    HttpRequest put = get(fake.url("/hang/2"));
    put.method = "PUT";
    put.body = "x";
    client.send(put, this, second.handler());
    QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount(), 2, waitMs);
    QCOMPARE(client.pendingCount(), 2);
    client.abortAll();
    QCOMPARE(first.calls, 1);
    QCOMPARE(second.calls, 1);
    QCOMPARE(first.error().kind, ErrorKind::Interrupted);
    QCOMPARE(second.error().message, QStringLiteral("PUT %1: aborted").arg(fake.url("/hang/2").toString()));
    QCOMPARE(client.pendingCount(), 0);
}

void TstHttpClient::contextDestroyedCancelsSilently()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/slow", FakeResponse::text("late").withDelay(300));
    fake.route("GET", "/fast", FakeResponse::text("now"));

    HttpClient client;
    auto *context = new QObject;
    Outcome cancelled;
    client.send(get(fake.url("/slow")), context, cancelled.handler());
    QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount(), 1, waitMs);
    delete context;
    QCOMPARE(client.pendingCount(), 0);

    // Another round trip gives a stray callback of the dropped request every chance to show up.
    Outcome later;
    client.send(get(fake.url("/fast")), this, later.handler());
    QTRY_VERIFY_WITH_TIMEOUT(later.done(), waitMs);
    QVERIFY2(later.result->has_value(), later.describe().constData());
    QCOMPARE(cancelled.calls, 0);
}

void TstHttpClient::destroyingClientInterrupts()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    FakeResponse hang;
    hang.mode = FakeResponse::Mode::NoResponse;
    fake.route("GET", "/hang", hang);

    Outcome outcome;
    {
        HttpClient client;
        client.send(get(fake.url("/hang")), this, outcome.handler());
        QTRY_COMPARE_WITH_TIMEOUT(fake.requestCount(), 1, waitMs);
    }
    QCOMPARE(outcome.calls, 1);
    QCOMPARE(outcome.error().kind, ErrorKind::Interrupted);
}

void TstHttpClient::managerPerThread()
{
    QNetworkAccessManager *mine = networkAccessManagerForThread();
    QVERIFY(mine);
    QCOMPARE(networkAccessManagerForThread(), mine);
    QCOMPARE(mine->thread(), QThread::currentThread());

    QNetworkAccessManager *theirs = nullptr;
    QNetworkAccessManager *theirsAgain = nullptr;
    QPointer<QNetworkAccessManager> watcher;
    QThread *thread = QThread::create([&] {
        theirs = networkAccessManagerForThread();
        theirsAgain = networkAccessManagerForThread();
        watcher = theirs;
    });
    thread->start();
    QVERIFY(thread->wait(waitMs));
    QVERIFY(theirs);
    QCOMPARE(theirsAgain, theirs);
    QVERIFY(theirs != mine);
    QVERIFY2(watcher.isNull(), "the worker's manager must be deleted when the worker finishes");
    delete thread;
}

// README: query values are masked in every message (they may be tokens: ?access-token=…).
void TstHttpClient::queryValuesNeverPrinted()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/fail", FakeResponse::text("nope", 503));
    fake.route("GET", "/broken", FakeResponse::json("{oops"));
    HttpClient client;
    {
        Outcome outcome;
        client.send(get(fake.url("/fail?access-token=hunter2&private_token=s3cr3t"), 0), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
        const auto status = outcome.response().checkStatus();
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().message,
                 QStringLiteral("GET %1?access-token=***&private_token=***: HTTP 503 Service Unavailable")
                     .arg(fake.url("/fail").toString()));
    }
    {
        std::optional<Result<QJsonDocument>> document;
        client.getJson(fake.url("/broken?q=hunter2"), this,
                       [&](Result<QJsonDocument> d, const HttpResponse &) { document = std::move(d); });
        QTRY_VERIFY_WITH_TIMEOUT(document.has_value(), waitMs);
        QVERIFY(!document->has_value());
        QVERIFY2(!document->error().toString().contains(u"hunter2"), qPrintable(document->error().toString()));
        QVERIFY2(document->error().message.contains(u"q=***"), qPrintable(document->error().message));
    }
    {
        Outcome outcome;
        client.send(get(closedPortUrl("/refused?sig=hunter2"), 0), this, outcome.handler());
        QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
        QVERIFY(!outcome.result->has_value());
        QVERIFY2(!outcome.error().toString().contains(u"hunter2"), qPrintable(outcome.error().toString()));
    }
}

void TstHttpClient::bodyLimit_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length over the limit") << false;
    QTest::newRow("chunked, no length") << true;
}

// A body larger than the request's limit is refused while it downloads, not buffered whole.
void TstHttpClient::bodyLimit()
{
    QFETCH(bool, chunked);
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    const QByteArray body(3 << 20, 'x');
    fake.route("GET", "/big", chunked ? FakeResponse::text(body).chunked(64 << 10) : FakeResponse::text(body));

    HttpClient client;
    HttpRequest request = get(fake.url("/big"));
    request.maxBodyBytes = 1 << 20;
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Failed);
    QCOMPARE(outcome.error().message, QStringLiteral("GET %1: response body larger than 1048576 bytes (HTTP 200)")
                                          .arg(fake.url("/big").toString()));
    QCOMPARE(fake.requestCount(), 1);   // not retried: something answered
}

void TstHttpClient::bodyUnderLimit()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    const QByteArray body(3 << 20, 'x');
    fake.route("GET", "/big", FakeResponse::text(body));
    HttpClient client;
    HttpRequest request = get(fake.url("/big"));
    QCOMPARE(request.maxBodyBytes, qint64(16) << 20);
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().body.size(), body.size());
}

// A server trickling a byte now and then never trips the transfer (inactivity) timeout; the deadline ends it.
void TstHttpClient::requestDeadline()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/trickle", FakeResponse::text(QByteArray(100, 't')).chunked(1, 100));   // 10 s in all

    HttpClient client;
    HttpRequest request = get(fake.url("/trickle"), 0);
    request.timeoutMs = 1000;
    Outcome outcome;
    client.send(request, this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Unreachable);
    QCOMPARE(outcome.error().message,
             QStringLiteral("GET %1: timed out after 1000 ms").arg(fake.url("/trickle").toString()));
}

// A redirect the client will not follow is an answer (the service is misconfigured), not "unreachable"; the
// credentials never reach the other origin.
void TstHttpClient::redirectToAnotherOriginRefused()
{
    HttpFake other;
    QVERIFY2(other.listen(), qPrintable(other.errorString()));
    other.route("GET", "/elsewhere", FakeResponse::json("{}"));
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/moved",
               FakeResponse::statusOnly(302).withHeader("Location", other.url("/elsewhere?token=x").toEncoded()));

    HttpClient client;
    client.setCredentials({AuthType::Bearer, {}, QByteArrayLiteral("t0k3n")});
    Outcome outcome;
    client.send(get(fake.url("/moved")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(!outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.error().kind, ErrorKind::Failed);
    QCOMPARE(outcome.error().message, QStringLiteral("GET %1: redirect to another origin refused (%2)")
                                          .arg(fake.url("/moved").toString(),
                                               other.url("/elsewhere").toString() + u"?token=***"));
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(fake.requestCount(), 1);
}

void TstHttpClient::redirectToSameOriginKeepsCredentials()
{
    HttpFake fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.route("GET", "/moved", FakeResponse::statusOnly(302).withHeader("Location", "/target"));
    fake.route("GET", "/target", FakeResponse::json("{}"));
    HttpClient client;
    client.setCredentials({AuthType::Bearer, {}, QByteArrayLiteral("t0k3n")});
    Outcome outcome;
    client.send(get(fake.url("/moved")), this, outcome.handler());
    QTRY_VERIFY_WITH_TIMEOUT(outcome.done(), waitMs);
    QVERIFY2(outcome.result->has_value(), outcome.describe().constData());
    QCOMPARE(outcome.response().status, 200);
    QCOMPARE(fake.lastRequest().header("Authorization"), QByteArray("Bearer t0k3n"));
}

QTEST_GUILESS_MAIN(TstHttpClient)
#include "tst_httpclient.moc"
