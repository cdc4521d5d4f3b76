#pragma once

// A scriptable loopback HTTP/1.1 server for tests (Livy, Spark REST/monitoring and Elasticsearch fakes, the
// services health check, HttpClient itself).
//
//     Opsdeck::Test::HttpFake fake;
//     QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
//     fake.route("GET", "/batches", FakeResponse::json(R"({"from":0,"total":0,"sessions":[]})"));
//     fake.route("GET", "/batches/*", [](const FakeRequest &r) { return FakeResponse::text(r.path); });
//     fake.route("GET", "/flaky", {FakeResponse::statusOnly(503), FakeResponse::json("{}")});
//     client.send(… fake.url("/batches?from=0") …);
//     QTRY_COMPARE(fake.requestCount("GET", "/batches"), 1);
//     QCOMPARE(fake.lastRequest().header("Authorization"), "Bearer t0k3n");
//     fake.route("GET", "/slow", FakeResponse::json("{}").withDelay(5000));       // transfer timeouts
//     fake.route("GET", "/cut", FakeResponse::text(body).closingMidBody(100));     // truncated responses
//     HttpFake tlsFake; tlsFake.listenTls(createSelfSignedTls(dir.path()).server);  // https
//
// Link opsdeck_testsupport_http and include "support/httpfake.h".
//
// It is written on QTcpServer (QSslServer for https) rather than QHttpServer: QHttpServer 6.4 answers from
// inside the route handler, so it can neither delay a response without blocking the event loop nor send a
// truncated body. Everything is asynchronous on the thread that owns the fake; keep-alive and pipelined
// requests work, request bodies may be sent with Content-Length or chunked, and "Expect: 100-continue" is
// answered.

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QJsonDocument>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QSslConfiguration>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace Opsdeck::Test {

using FakeHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// One request as the fake received it.
struct FakeRequest
{
    QByteArray method;   ///< as sent ("GET")
    QByteArray path;     ///< path of the request target, percent-encoding kept ("/idx%2Fx/_search")
    QByteArray query;    ///< query string without '?', percent-encoding kept; empty when none
    QByteArray target;   ///< the request target exactly as sent (path plus "?query")
    QByteArray version;  ///< "HTTP/1.1"
    FakeHeaders headers; ///< in arrival order, names as sent
    QByteArray body;     ///< de-chunked when it was sent chunked
    int connection = 0;  ///< serial number (from 1) of the TCP connection it arrived on
    int sequence = 0;    ///< serial number (from 1) of the request among all the fake received

    /// The first header with this name (case-insensitive); empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    /// The decoded query items.
    [[nodiscard]] QUrlQuery queryItems() const;
    /// The value of one query item (decoded); empty when absent.
    [[nodiscard]] QString queryItem(const QString &key) const;
    /// The body parsed as JSON (null document when it is not JSON).
    [[nodiscard]] QJsonDocument json() const;
};

/// What the fake answers to one request.
struct FakeResponse
{
    enum class Mode
    {
        Normal,               ///< status line, headers and the whole body
        Chunked,              ///< body with Transfer-Encoding: chunked, chunkSize bytes every chunkIntervalMs
        CloseMidBody,         ///< headers announce the whole body (Content-Length) but only truncateAt bytes
                              ///< are sent before the connection closes
        CloseWithoutResponse, ///< the connection is closed without a byte of response (QNetworkAccessManager
                              ///< sends the request once more by itself before it reports the failure)
        NoResponse,           ///< never answers; the connection stays open until the client gives up
    };

    int status = 200;
    QByteArray reason;   ///< empty: the standard phrase of `status`
    FakeHeaders headers; ///< sent as given; Content-Length, Connection and Server are added unless present
    QByteArray body;
    int delayMs = 0; ///< wait this long (without blocking) before sending the status line
    Mode mode = Mode::Normal;
    int truncateAt = -1;          ///< CloseMidBody: body bytes sent before closing; -1 = half the body
    int chunkSize = 0;            ///< Chunked: bytes per chunk; 0 = the whole body in one chunk
    int chunkIntervalMs = 0;      ///< Chunked: pause between chunks
    bool closeConnection = false; ///< answer with "Connection: close" and close after the response

    /// An empty-bodied response with this status.
    [[nodiscard]] static FakeResponse statusOnly(int status, const QByteArray &reason = {});
    /// A JSON body (Content-Type: application/json) given as text, e.g. a fixture file's content.
    [[nodiscard]] static FakeResponse json(const QByteArray &json, int status = 200);
    [[nodiscard]] static FakeResponse json(const QJsonDocument &document, int status = 200);
    /// A text/plain body.
    [[nodiscard]] static FakeResponse text(const QByteArray &text, int status = 200);

    /// Builder helpers: each returns a modified copy.
    [[nodiscard]] FakeResponse withHeader(const QByteArray &name, const QByteArray &value) const;
    [[nodiscard]] FakeResponse withDelay(int ms) const;
    [[nodiscard]] FakeResponse closingMidBody(int bytesSent = -1) const;
    [[nodiscard]] FakeResponse chunked(int chunkSize, int intervalMs = 0) const;
};

/// Computes a response from the request (for stateful fakes: a POST creating an id, a cursor advancing …).
using FakeHandler = std::function<FakeResponse(const FakeRequest &)>;

/// The loopback HTTP fake; see the top of this file. Not thread-safe: use it from the thread that created it.
class HttpFake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFake)

public:
    explicit HttpFake(QObject *parent = nullptr);
    ~HttpFake() override;

    /// Listens on 127.0.0.1 on a port the system chooses. False (see errorString()) when that fails.
    [[nodiscard]] bool listen();
    /// Same over TLS: `server` must hold the certificate and private key (see createSelfSignedTls()).
    [[nodiscard]] bool listenTls(const QSslConfiguration &server);
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    /// "http://127.0.0.1:PORT" (https when listening with TLS) followed by `pathAndQuery`
    /// ("/batches?from=0").
    [[nodiscard]] QUrl url(const QByteArray &pathAndQuery = {}) const;
    /// Stops listening and closes every connection. The port is free afterwards (clients see "refused").
    void close();

    /// Routes a method ("GET"; "*" for any) and path to a response. A path ending in '*' matches every path
    /// with that prefix ("/batches/*" matches "/batches/7/log"). An exact path wins over a wildcard, the
    /// longest wildcard prefix over shorter ones, an exact method over "*". Routing the same method and path
    /// again replaces the route. The query string never takes part in matching (see
    /// FakeRequest::queryItems()).
    void route(const QByteArray &method, const QByteArray &path, const FakeResponse &response);
    /// A sequence: the n-th matching request gets the n-th response; once exhausted the last one repeats.
    void route(const QByteArray &method, const QByteArray &path, const QList<FakeResponse> &sequence);
    void route(const QByteArray &method, const QByteArray &path, FakeHandler handler);
    void removeRoute(const QByteArray &method, const QByteArray &path);
    void clearRoutes();
    /// Answers requests no route matches. Default: 404 with {"error": "no route for METHOD PATH"}.
    void setFallback(FakeHandler handler);

    /// Every request received so far, in arrival order (recorded when complete, before any response delay).
    [[nodiscard]] QList<FakeRequest> requests() const;
    /// The requests matching a method ("*" any) and a path pattern, with the same rules as route().
    [[nodiscard]] QList<FakeRequest> requests(const QByteArray &method, const QByteArray &path) const;
    [[nodiscard]] int requestCount() const;
    [[nodiscard]] int requestCount(const QByteArray &method, const QByteArray &path) const;
    /// The most recent request (a default FakeRequest when none arrived).
    [[nodiscard]] FakeRequest lastRequest() const;
    void clearRequests();
    /// Connections accepted so far: with keep-alive, sequential requests share one.
    [[nodiscard]] int connectionCount() const;
    [[nodiscard]] int openConnectionCount() const;
    /// Closes every open connection and keeps listening (the client's next request reconnects).
    void closeConnections();

Q_SIGNALS:
    /// A complete request arrived (before the response is scheduled).
    void requestReceived(const Opsdeck::Test::FakeRequest &request);
    /// The last byte of a response was written (not emitted for CloseWithoutResponse or NoResponse).
    void responseSent(const Opsdeck::Test::FakeRequest &request, int status);

private:
    class Connection;
    struct Route;
    friend class Connection;

    bool startListening(QTcpServer *server);
    void acceptPending();
    FakeResponse respond(const FakeRequest &request);
    Route *findRoute(const QByteArray &method, const QByteArray &path);
    void record(const FakeRequest &request);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QString m_error;
    std::vector<std::unique_ptr<Route>> m_routes;
    FakeHandler m_fallback;
    QList<FakeRequest> m_requests;
    QList<Connection *> m_connections;
    int m_connectionSerial = 0;
};

/// Files and server configuration of a throw-away TLS identity for 127.0.0.1 and localhost.
struct FakeTls
{
    QString certificateFile;  ///< PEM; also what a client trusts as its CA
    QString keyFile;          ///< PEM private key
    QSslConfiguration server; ///< for HttpFake::listenTls()
    QString error;            ///< why it could not be created; empty on success

    [[nodiscard]] bool isValid() const { return error.isEmpty(); }
};

/// Creates a self-signed certificate (P-256, valid two days, SAN IP:127.0.0.1 and DNS:localhost) in
/// `directory` with /usr/bin/openssl. Tests QSKIP with FakeTls::error when it is not valid (no openssl, no
/// TLS backend).
[[nodiscard]] FakeTls createSelfSignedTls(const QString &directory);

} // namespace Opsdeck::Test

Q_DECLARE_METATYPE(Opsdeck::Test::FakeRequest)
