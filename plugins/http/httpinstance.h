#pragma once

#include "httpconfig.h"
#include "httpconnection.h"
#include "modelbackend.h"

#include <QtCore/QBasicTimer>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslConfiguration>
#include <optional>
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Opsdeck::Plugins::Http {

/// One remote model: a set of endpoints scored over HTTP with keep-alive connections.
///
/// Threading: everything (scoreAsync, statistics, destruction) happens on the thread of the network access
/// manager; the instance moves itself there. Completion callbacks run on that thread's event loop.
///
/// Concurrency: at most `inflight` requests per endpoint and maxInFlight() = inflight × endpoints batches.
///
/// Transport `qt` (transport=qt; for comparison): the host's QNetworkAccessManager. Qt opens at most six HTTP/1.1 connections per
/// host and port (pipelining is off: common WSGI servers mishandle it), so when more than six requests are in
/// flight to one host:port, the rest wait in Qt's queue; their latency and their timeout_ms include that
/// wait. Qt's HTTP/1 sockets also run without TCP_NODELAY: a body larger than 16 KB may wait for the server's
/// delayed ACK (up to 40 ms) to be sent completely (README.md).
///
/// Transport `direct` (the default): HttpConnection, one keep-alive connection per request in flight (reused
/// across batches, per scheme, host and port), TCP_NODELAY, request head and body written together; http:// and
/// https:// (the same trust as transport qt: system CAs plus ca_file, or insecure), no proxy.
class HttpInstance final : public QObject, public Sdk::ModelInstance
{
    Q_OBJECT

public:
    /// `network` is the host's manager for the scoring thread; when null the instance owns one on the current
    /// thread (tests, tools).
    HttpInstance(HttpConfig config, QNetworkAccessManager *network);
    /// Aborts the requests still in flight; their callbacks run at once with a Failed status ("aborted").
    ~HttpInstance() override;
    Q_DISABLE_COPY_MOVE(HttpInstance)

    /// The feature count n (0 = any, json protocol without features).
    [[nodiscard]] qsizetype inputColumns() const override;
    /// k, the `outputs` option.
    [[nodiscard]] qsizetype outputColumns() const override;
    /// Always true.
    [[nodiscard]] bool isRemote() const override;
    /// False: use from the network manager's thread only.
    [[nodiscard]] bool isThreadSafe() const override;
    /// inflight × number of endpoints.
    [[nodiscard]] int maxInFlight() const override;
    /// "http float32, 2 endpoints (http://h:1/score, …), round-robin, 100 features, k=1, inflight
    /// 4/endpoint".
    [[nodiscard]] QString describe() const override;
    /// Always false with "http: remote backend, use scoreAsync".
    bool score(const Sdk::BatchInput &input, float *out, QString *error) override;
    /// Sends the batch to one endpoint (balance policy) and returns. `done` runs exactly once, later, on this
    /// thread: Ok with `out` filled; Failed (HTTP error: httpStatus set; wrong reply; a reply body over
    /// replyBodyLimit() or a head over MaxReplyHeadBytes; bad input; more than
    /// maxInFlight() batches outstanding: "too many requests in flight"); Unreachable (no connection could be made: refused, DNS; a connection dropped by the server is Failed);
    /// Timeout (no complete reply within timeout_ms). With retries=N, transport errors, timeouts and HTTP
    /// 502/503/504 are retried up to N times, on another endpoint when there is one.
    void scoreAsync(const Sdk::BatchInput &input, float *out, Sdk::ScoreCallback done) override;
    /// {"transport": "direct"|"qt", "endpoints": [{"url", "requests", "ok", "errors", "by_status": {"500": n}, "transport_errors",
    /// "timeouts", "mean_ms"}]}: requests counts attempts sent, errors = attempts that failed for any reason,
    /// mean_ms is the mean round trip of the successful ones.
    [[nodiscard]] QJsonObject statistics() const override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Endpoint
    {
        QUrl url;
        QString display;
        QNetworkRequest request; // prepared once; copies share it (transport qt)
        QByteArray directHead;   // request line and headers up to Content-Length (transport direct)
        QByteArray fullHead;     // directHead with the Content-Length of the last request: batches are mostly
        qsizetype fullHeadBody = -1; // of one size, so requests share it instead of building one each
        QString hostKey;         // "scheme://host:port": direct connections are shared per host and port
        quint16 directPort = 0;  // the port direct connections go to (the scheme's default when the URL has none)
        std::optional<QSslConfiguration> directTls; // https:// (transport direct): what the connections trust
        int outstanding = 0;
        qint64 requests = 0;
        qint64 ok = 0;
        qint64 errors = 0;
        qint64 transportErrors = 0;
        qint64 timeouts = 0;
        double okMillisTotal = 0;
        double okMillisMax = 0;
        /// Service times of the answered requests, log-linear in microseconds (ServiceTimes); empty until the first.
        std::vector<quint32> serviceTimes;
        QMap<int, qint64> byStatus;
    };
    struct Batch
    {
        QByteArray body;               // encoded request body (empty for float32 over transport direct)
        const float *values = nullptr; // float32 over transport direct: the caller's rows, valid until `done`
        qsizetype valueCount = 0;
        qsizetype rows = 0;
        float *out = nullptr;
        Sdk::ScoreCallback done;
        int retriesLeft = 0;
        int attempts = 0;
        int lastEndpoint = -1;
    };
    struct Request
    {
        std::unique_ptr<Batch> batch;
        int endpoint = -1;
        bool timedOut = false;
        bool sentSome = false;                      // transport qt: some of the request reached a connection
        QString refused;                            // transport qt: why the plugin aborted the reply (bounds)
        QElapsedTimer clock;
        QNetworkReply *reply = nullptr;             // transport qt
        std::unique_ptr<HttpConnection> connection; // transport direct
    };
    /// What one attempt came back with, from either transport.
    struct Attempt
    {
        bool timedOut = false;
        bool transportError = false; ///< no usable reply (refused, reset, closed early, malformed)
        bool unreachable = false;    ///< for transport errors: could not talk to the service at all
        QString transportMessage;
        int httpStatus = 0;
        QString reason;
        QByteArray contentType;
        QByteArray body;
    };
    /// Sends the waiting retries that now have room on another endpoint.
    void serveRetries();
    /// The attempt of a request whose connection was not made within the timeout: unreachable.
    [[nodiscard]] Attempt neverConnected() const;
    /// When an attempt times out. All attempts share one timeout, so deadlines fall due in the order the
    /// attempts were sent.
    struct Deadline
    {
        QDeadlineTimer at;
        quint64 id = 0;
    };
    struct Deferred
    {
        Sdk::ScoreCallback done;
        Sdk::ScoreStatus status;
    };

    /// The endpoint for the next attempt (never one at its inflight limit), or -1. `avoid`: the endpoint a
    /// retried batch failed on (-1 for a first attempt), taken only when no other has room.
    [[nodiscard]] int pickEndpoint(int avoid);
    void send(std::unique_ptr<Batch> batch);
    void sendDirect(quint64 id, Request &request);
    void onFinished(quint64 id);
    /// Transport qt: aborts the reply when its header block is over MaxReplyHeadBytes (`headers`: they have just
    /// arrived) or its body, declared or received, over replyBodyLimit(). May destroy this instance.
    void checkQtReply(quint64 id, bool headers);
    /// "reply body over N bytes for M rows".
    [[nodiscard]] QString overBodyLimitMessage(qsizetype rows) const;
    /// Drops the deadlines of answered attempts from the front of the queue.
    void dropAnswered();
    /// The attempt's deadline passed: aborts it and reports a timeout. May destroy this instance.
    void expire(quint64 id);
    void onDirectDone(quint64 id, HttpConnection::Reply reply);
    /// Connects the new direct connections of this event-loop turn, one right after the other.
    void connectNewConnections();
    /// Deletes a direct connection, or schedules its deletion when it is the one whose callback is running.
    void discard(std::unique_ptr<HttpConnection> connection);
    /// Judges an attempt: completes the batch, or sends it again (retries). May destroy this instance.
    void completeAttempt(Request request, Attempt attempt);
    void completeLater(Sdk::ScoreCallback done, Sdk::ScoreStatus status);
    void flushDeferred();
    [[nodiscard]] QString methodName() const;

    HttpConfig m_config;
    QNetworkAccessManager *m_network = nullptr;
    std::vector<Endpoint> m_endpoints;
    std::unordered_map<quint64, Request> m_requests; // by attempt id
    // Deadlines of the attempts in flight, oldest first (answered ones leave lazily), and one timer armed for the
    // oldest: one timer for all attempts instead of one registered and killed per request.
    std::deque<Deadline> m_deadlines;
    QBasicTimer m_deadlineTimer;
    quint64 m_nextId = 1;
    std::map<QString, std::vector<std::unique_ptr<HttpConnection>>> m_idle; // direct: by host key
    HttpConnection *m_callbackConnection = nullptr; // direct: the connection whose reply is being handled
    int m_sending = 0;                              // direct: inside HttpConnection::send()
    std::vector<QPointer<HttpConnection>> m_toConnect; // direct: new connections, connected at the end of the turn
    std::vector<Deferred> m_deferred;
    int m_batchesInFlight = 0;
    /// Retries waiting for room on an endpoint other than the one that failed them (they hold no endpoint slot).
    std::deque<std::unique_ptr<Batch>> m_retries;
    int m_next = 0;
    bool m_closing = false;
};

} // namespace Opsdeck::Plugins::Http
