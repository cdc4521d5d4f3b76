#include "httpinstance.h"

#include "httpcodec.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QSysInfo>
#include <QtCore/QThread>
#include <QtCore/QTimerEvent>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslConfiguration>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace Opsdeck::Plugins::Http {

Q_LOGGING_CATEGORY(lcHttp, "opsdeck.plugins.http", QtWarningMsg)

namespace {

using Kind = Sdk::ScoreStatus::Kind;

// Longest piece of an error body quoted in a message.
constexpr qsizetype ErrorExcerptBytes = 300;

// Refused, DNS, TLS and proxy failures mean "could not talk to the service"; a connection the server accepted
// and then closed, and anything else the network layer reports (protocol violations, unknown schemes, and
// UnknownNetworkError, which Qt gives when a write meets a connection the server reset), is a plain failure of
// that request.
bool isUnreachable(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return true;
    default:
        return error >= QNetworkReply::ProxyConnectionRefusedError &&
               error <= QNetworkReply::UnknownProxyError;
    }
}

// The start of a text or JSON error body, on one line, for the message: services explain their 4xx/5xx there.
QString errorExcerpt(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.toLower();
    if (!type.startsWith("text/") && !type.contains("json"))
        return {};
    const QByteArray head = body.left(ErrorExcerptBytes + 1);
    QString text = QString::fromUtf8(head.left(ErrorExcerptBytes)).simplified();
    if (head.size() > ErrorExcerptBytes)
        text += QStringLiteral("…");
    return text;
}

// Service times per endpoint: a log-linear histogram of microseconds, exact below 64 µs, above it 64 buckets per
// power of two (the midpoint reported for a bucket is within 0.8 % of anything in it), up to 2^37 µs (38 hours)
// in the top octave. A few kilobytes per endpoint, for p50/p99 per endpoint: a slow node of a fleet shows in its
// tail long before it moves the mean.
namespace ServiceTimes {

constexpr int SubBits = 6;
constexpr quint64 Sub = quint64(1) << SubBits;
constexpr int Octaves = 32;
constexpr size_t Buckets = size_t(Sub + Octaves * Sub);

size_t bucketOf(quint64 us)
{
    if (us < Sub)
        return size_t(us);
    const int e = std::min(63 - std::countl_zero(us), SubBits + Octaves - 1);
    const quint64 sub = std::min<quint64>((us >> (e - SubBits)) - Sub, Sub - 1);
    return size_t(Sub + quint64(e - SubBits) * Sub + sub);
}

// The middle of bucket i, in microseconds.
double midpointOf(size_t i)
{
    if (i < Sub)
        return double(i) + 0.5;
    const quint64 k = i - Sub;
    const int shift = int(k / Sub);
    const double lower = double((Sub + k % Sub) << shift);
    return lower + double(quint64(1) << shift) / 2.0;
}

void record(std::vector<quint32> &counts, double ms)
{
    if (counts.empty())
        counts.assign(Buckets, 0);
    quint32 &c = counts[bucketOf(quint64(std::llround(std::max(0.0, ms) * 1000.0)))];
    if (c < std::numeric_limits<quint32>::max())
        ++c;
}

// The q-quantile (0 < q ≤ 1) in milliseconds, at most `maxMs` (the exact largest).
double quantileMs(const std::vector<quint32> &counts, double q, double maxMs)
{
    quint64 total = 0;
    for (const quint32 c : counts)
        total += c;
    if (total == 0)
        return 0;
    const quint64 rank = std::max<quint64>(1, quint64(std::ceil(q * double(total))));
    quint64 seen = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        seen += counts[i];
        if (seen >= rank)
            return std::min(midpointOf(i) / 1000.0, maxMs);
    }
    return maxMs;
}

} // namespace ServiceTimes

} // namespace

HttpInstance::HttpInstance(HttpConfig config, QNetworkAccessManager *network)
    : m_config(std::move(config)), m_network(network)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    else if (m_network->thread() != thread())
        moveToThread(m_network->thread());

    const bool json = m_config.protocol == Protocol::Json;
    // A reply slower than our own deadline is aborted by timerEvent(); the transfer timeout set here only
    // keeps a host-wide default of the shared manager from cutting in first.
    const int backstopMs = m_config.timeoutMs > std::numeric_limits<int>::max() / 2 - 1000
                               ? std::numeric_limits<int>::max()
                               : 2 * m_config.timeoutMs + 1000;
    QHash<QString, int> perHost;
    m_endpoints.reserve(size_t(m_config.endpoints.size()));
    for (const QUrl &url : std::as_const(m_config.endpoints)) {
        Endpoint endpoint;
        endpoint.url = url;
        endpoint.display = displayUrl(url);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          json ? QByteArrayLiteral("application/json")
                               : QByteArrayLiteral("application/octet-stream"));
        request.setRawHeader("Accept", json ? "application/json" : "application/octet-stream");
        // HTTP/1.1 keep-alive without pipelining: WSGI servers (gunicorn included) do not support pipelined
        // requests reliably, and h2c is not what scoring services speak.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::HttpPipeliningAllowedAttribute, false);
        // A redirect of a PUT/POST would resend the batch somewhere the user did not name.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setTransferTimeout(backstopMs);
        if (!m_config.authorization.isEmpty())
            request.setRawHeader("Authorization", m_config.authorization);
        const bool https = url.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
        const int defaultPort = https ? 443 : 80;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (https && (!m_config.caCertificates.isEmpty() || m_config.insecure)) {
            // The complete list: adding to the default would switch off on-demand loading of the system store.
            if (!m_config.caCertificates.isEmpty())
                ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_config.caCertificates);
            if (m_config.insecure)
                ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
            request.setSslConfiguration(ssl);
        }
        endpoint.request = request;
        if (m_config.transport == Transport::Direct) {
            const int port = url.port(defaultPort);
            endpoint.directPort = quint16(port);
            endpoint.hostKey = url.scheme().toLower() + u"://" + url.host() + u':' + QString::number(port);
            if (https) {
                // HTTP/1.1 only: no ALPN offer of h2, which this client does not speak.
                ssl.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
                endpoint.directTls = ssl;
            }
            QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
            if (target.isEmpty())
                target = "/";
            if (url.hasQuery())
                target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
            const QByteArray method =
                json && m_config.jsonMethod == "POST" ? QByteArrayLiteral("POST") : QByteArrayLiteral("PUT");
            QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
            if (host.contains(':'))
                host = '[' + host + ']'; // IPv6 literal
            if (port != defaultPort)
                host += ':' + QByteArray::number(port);
            const QByteArray type = json ? "application/json" : "application/octet-stream";
            endpoint.directHead = method + ' ' + target + " HTTP/1.1\r\nHost: " + host +
                                  "\r\nContent-Type: " + type + "\r\nAccept: " + type + "\r\n";
            if (!m_config.authorization.isEmpty()) {
                endpoint.directHead += "Authorization: " + m_config.authorization + "\r\n";
            } else if (!url.userName().isEmpty()) {
                // Credentials in the URL: HTTP Basic on every request (the URL is never shown with them).
                const QByteArray credentials =
                    (url.userName(QUrl::FullyDecoded) + u':' + url.password(QUrl::FullyDecoded))
                        .toUtf8()
                        .toBase64();
                endpoint.directHead += "Authorization: Basic " + credentials + "\r\n";
            }
        }
        m_endpoints.push_back(std::move(endpoint));
        perHost[url.scheme() + u"://" + url.host() + u':' +
                QString::number(url.port(url.scheme() == u"https" ? 443 : 80))] += m_config.inflight;
    }
    if (m_config.insecure)
        qCWarning(lcHttp).noquote()
            << HttpText::tr("http: TLS certificate verification is off (insecure=true): the services' identities "
                            "are not checked");
    for (auto it = perHost.cbegin(); it != perHost.cend() && m_config.transport == Transport::Qt; ++it) {
        if (it.value() > QtConnectionsPerHost) {
            qCInfo(lcHttp).noquote()
                << HttpText::tr("http: up to %1 requests in flight to %2, but Qt opens at most %3 HTTP/1.1 "
                                "connections per host and port; the others wait in the client's queue, and "
                                "their latency and timeout include the wait")
                       .arg(it.value())
                       .arg(it.key())
                       .arg(QtConnectionsPerHost);
        }
    }
}

HttpInstance::~HttpInstance()
{
    m_closing = true;
    std::vector<Deferred> pending;
    pending.swap(m_deferred);
    std::unordered_map<quint64, Request> requests;
    requests.swap(m_requests);
    m_deadlines.clear();
    m_deadlineTimer.stop();
    for (auto &[key, connections] : m_idle) {
        for (auto &connection : connections)
            discard(std::move(connection));
    }
    m_idle.clear();
    // Every batch still owed its callback, in flight or waiting to be retried, fails.
    const auto abort = [this, &pending](Batch &batch, int endpoint) {
        Sdk::ScoreStatus status;
        status.kind = Kind::Failed;
        status.endpoint = m_endpoints[size_t(endpoint)].display;
        status.message = HttpText::tr("%1 %2: aborted, the http backend instance was destroyed")
                             .arg(methodName(), status.endpoint);
        pending.push_back({std::move(batch.done), std::move(status)});
    };
    for (auto &[id, request] : requests) {
        if (QNetworkReply *reply = request.reply) {
            // Disconnect first: abort() emits finished() at once and this object is half gone.
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
        discard(std::move(request.connection));
        abort(*request.batch, request.endpoint);
    }
    for (std::unique_ptr<Batch> &batch : m_retries)
        abort(*batch, batch->lastEndpoint);
    m_retries.clear();
    m_batchesInFlight = 0;
    for (Deferred &deferred : pending)
        deferred.done(deferred.status);
}

qsizetype HttpInstance::inputColumns() const
{
    return m_config.features;
}

qsizetype HttpInstance::outputColumns() const
{
    return m_config.outputs;
}

bool HttpInstance::isRemote() const
{
    return true;
}

bool HttpInstance::isThreadSafe() const
{
    return false;
}

int HttpInstance::maxInFlight() const
{
    return m_config.inflight * int(m_endpoints.size());
}

QString HttpInstance::describe() const
{
    QString where = m_endpoints.front().display;
    if (m_endpoints.size() > 1)
        where = HttpText::tr("%1 endpoints (%2, …)").arg(m_endpoints.size()).arg(where);
    const QString features = m_config.features > 0 ? HttpText::tr("%1 features").arg(m_config.features)
                                                   : HttpText::tr("any feature count");
    QString text = HttpText::tr("http %1, %2, %3, %4, k=%5, inflight %6/endpoint, timeout %7 ms")
                       .arg(protocolName(m_config.protocol), where, balanceName(m_config.balance), features)
                       .arg(m_config.outputs)
                       .arg(m_config.inflight)
                       .arg(m_config.timeoutMs);
    if (m_config.retries > 0)
        text += HttpText::tr(", retries %1").arg(m_config.retries);
    if (m_config.transport != Transport::Qt)
        text += HttpText::tr(", transport %1").arg(transportName(m_config.transport));
    if (!m_config.authorization.isEmpty())
        text += HttpText::tr(", authenticated");
    if (!m_config.caFile.isEmpty())
        text += HttpText::tr(", CA file %1").arg(m_config.caFile);
    if (m_config.insecure)
        text += HttpText::tr(", TLS certificates not verified");
    return text;
}

bool HttpInstance::score(const Sdk::BatchInput &, float *, QString *error)
{
    if (error)
        *error = HttpText::tr("http: remote backend, use scoreAsync");
    return false;
}

void HttpInstance::scoreAsync(const Sdk::BatchInput &input, float *out, Sdk::ScoreCallback done)
{
    Sdk::ScoreStatus status;
    status.kind = Kind::Failed;
    if (m_closing || QThread::currentThread() != thread()) {
        // No event loop to defer to: the instance is being destroyed (a callback scored again), or the host
        // broke the threading contract. Answer at once rather than never.
        status.message = m_closing ? HttpText::tr("http: the backend instance is being destroyed")
                                   : HttpText::tr("http: scoreAsync called outside the network thread");
        qCWarning(lcHttp).noquote() << status.message;
        done(status);
        return;
    }
    if (m_batchesInFlight >= maxInFlight()) {
        status.message = HttpText::tr("http: too many requests in flight (at most %1)").arg(maxInFlight());
        qCWarning(lcHttp).noquote() << status.message;
        completeLater(std::move(done), std::move(status));
        return;
    }
    if (input.rows > 0 && (!input.values || input.cols <= 0 || !out)) {
        status.message = HttpText::tr("http: the batch is not dense float32 input");
        completeLater(std::move(done), std::move(status));
        return;
    }
    if (input.rows > 0 && m_config.features > 0 && input.cols != m_config.features) {
        status.message = HttpText::tr("http: the batch has %1 columns, the service expects %2 (features)")
                             .arg(input.cols)
                             .arg(m_config.features);
        completeLater(std::move(done), std::move(status));
        return;
    }
    if (input.rows <= 0) {
        completeLater(std::move(done), Sdk::ScoreStatus{});
        return;
    }

    auto batch = std::make_unique<Batch>();
    if (m_config.protocol == Protocol::Json) {
        QString why;
        batch->body = encodeJson(input.values, input.rows, input.cols, m_config.jsonInstances, &why);
        if (batch->body.isEmpty()) {
            status.message = HttpText::tr("http: cannot send the batch as JSON: %1").arg(why);
            completeLater(std::move(done), std::move(status));
            return;
        }
    } else if (m_config.transport == Transport::Direct && QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
        // The request is assembled from the caller's rows when it is sent (they stay valid until `done`): one
        // copy of the batch on the way to the kernel instead of three.
        batch->values = input.values;
        batch->valueCount = input.rows * input.cols;
    } else {
        batch->body = encodeFloat32(input.values, input.rows * input.cols);
    }
    batch->rows = input.rows;
    batch->out = out;
    batch->done = std::move(done);
    batch->retriesLeft = m_config.retries;
    ++m_batchesInFlight;
    send(std::move(batch));
}

QJsonObject HttpInstance::statistics() const
{
    QJsonArray endpoints;
    for (const Endpoint &endpoint : m_endpoints) {
        QJsonObject byStatus;
        for (auto it = endpoint.byStatus.cbegin(); it != endpoint.byStatus.cend(); ++it)
            byStatus.insert(QString::number(it.key()), it.value());
        endpoints.append(QJsonObject{
            {QStringLiteral("url"), endpoint.display},
            {QStringLiteral("requests"), endpoint.requests},
            {QStringLiteral("ok"), endpoint.ok},
            {QStringLiteral("errors"), endpoint.errors},
            {QStringLiteral("by_status"), byStatus},
            {QStringLiteral("transport_errors"), endpoint.transportErrors},
            {QStringLiteral("timeouts"), endpoint.timeouts},
            {QStringLiteral("mean_ms"), endpoint.ok > 0 ? endpoint.okMillisTotal / double(endpoint.ok) : 0.0},
            {QStringLiteral("p50_ms"), ServiceTimes::quantileMs(endpoint.serviceTimes, 0.5, endpoint.okMillisMax)},
            {QStringLiteral("p99_ms"), ServiceTimes::quantileMs(endpoint.serviceTimes, 0.99, endpoint.okMillisMax)},
            {QStringLiteral("max_ms"), endpoint.okMillisMax},
        });
    }
    return QJsonObject{{QStringLiteral("transport"), transportName(m_config.transport)},
                       {QStringLiteral("endpoints"), endpoints}};
}

void HttpInstance::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_deadlineTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    const QPointer<HttpInstance> alive(this);
    for (;;) {
        dropAnswered();
        if (m_deadlines.empty()) {
            m_deadlineTimer.stop();
            return;
        }
        const qint64 leftMs = m_deadlines.front().at.remainingTime();
        if (leftMs > 0) {
            m_deadlineTimer.start(int(leftMs), Qt::PreciseTimer, this);
            return;
        }
        const quint64 id = m_deadlines.front().id;
        m_deadlines.pop_front();
        expire(id);
        if (!alive)
            return;
    }
}

HttpInstance::Attempt HttpInstance::neverConnected() const
{
    Attempt attempt;
    attempt.transportError = true;
    attempt.unreachable = true;
    attempt.transportMessage = HttpText::tr("could not connect within %1 ms").arg(m_config.timeoutMs);
    return attempt;
}

void HttpInstance::dropAnswered()
{
    while (!m_deadlines.empty() && !m_requests.contains(m_deadlines.front().id))
        m_deadlines.pop_front();
}

void HttpInstance::expire(quint64 id)
{
    const auto found = m_requests.find(id);
    if (found == m_requests.end())
        return;
    found->second.timedOut = true;
    if (QNetworkReply *reply = found->second.reply) {
        // abort() finishes the reply at once; onFinished() may run the callback, which may destroy this
        // instance.
        reply->abort();
        return;
    }
    // Direct: the connection is closed and dropped (a reply that was about to be posted is ignored: its
    // attempt id is gone).
    auto node = m_requests.extract(found);
    Request request = std::move(node.mapped());
    const bool connected = request.connection && request.connection->isConnected();
    discard(std::move(request.connection));
    Attempt attempt;
    if (connected)
        attempt.timedOut = true;
    else
        attempt = neverConnected();
    completeAttempt(std::move(request), std::move(attempt));
}

void HttpInstance::serveRetries()
{
    // One at a time, from the front: send() may complete synchronously and come back here.
    for (bool sent = true; sent;) {
        sent = false;
        for (auto it = m_retries.begin(); it != m_retries.end(); ++it) {
            const int index = pickEndpoint((*it)->lastEndpoint);
            if (index < 0 || index == (*it)->lastEndpoint)
                continue;
            std::unique_ptr<Batch> batch = std::move(*it);
            m_retries.erase(it);
            send(std::move(batch));
            sent = true;
            break;
        }
    }
}

int HttpInstance::pickEndpoint(int avoid)
{
    const int count = int(m_endpoints.size());
    int chosen = -1;
    int fallback = -1;
    for (int i = 0; i < count; ++i) {
        const int index = (m_next + i) % count;
        const Endpoint &endpoint = m_endpoints[size_t(index)];
        if (endpoint.outstanding >= m_config.inflight)
            continue;
        // A retry goes elsewhere when there is room elsewhere.
        if (index == avoid && count > 1) {
            fallback = index;
            continue;
        }
        if (m_config.balance == Balance::RoundRobin) {
            chosen = index;
            break;
        }
        // least-outstanding; ties go to the first in rotation order, so idle endpoints still take turns.
        if (chosen < 0 || endpoint.outstanding < m_endpoints[size_t(chosen)].outstanding)
            chosen = index;
    }
    if (chosen < 0)
        chosen = fallback;
    // Only first attempts move the rotation: a retry must not shift the endpoints' share of new batches.
    if (chosen >= 0 && avoid < 0)
        m_next = (chosen + 1) % count;
    return chosen;
}

void HttpInstance::send(std::unique_ptr<Batch> batch)
{
    // Every batch in flight holds at most one endpoint slot and m_batchesInFlight <= inflight × endpoints, so
    // a free slot always exists here.
    const int index = pickEndpoint(batch->lastEndpoint);
    Q_ASSERT(index >= 0);
    if (index == batch->lastEndpoint && m_endpoints.size() > 1) {
        // A retry whose only room is the endpoint that just failed it waits for room on another one
        // (serveRetries()), rather than going straight back.
        m_retries.push_back(std::move(batch));
        return;
    }
    Endpoint &endpoint = m_endpoints[size_t(index)];
    ++endpoint.outstanding;
    ++endpoint.requests;
    ++batch->attempts;
    batch->lastEndpoint = index;

    const quint64 id = m_nextId++;
    Request request;
    request.batch = std::move(batch);
    request.endpoint = index;
    request.clock.start();
    m_deadlines.push_back({QDeadlineTimer(m_config.timeoutMs, Qt::PreciseTimer), id});
    if (!m_deadlineTimer.isActive()) // else it is armed for an older deadline
        m_deadlineTimer.start(m_config.timeoutMs, Qt::PreciseTimer, this);
    Request &stored = m_requests.emplace(id, std::move(request)).first->second;
    if (m_config.transport == Transport::Direct) {
        sendDirect(id, stored);
        return;
    }
    QNetworkReply *reply = nullptr;
    if (m_config.protocol == Protocol::Json && m_config.jsonMethod == "POST")
        reply = m_network->post(endpoint.request, stored.batch->body);
    else
        reply = m_network->put(endpoint.request, stored.batch->body);
    stored.reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    // Qt buffers a reply whole and keeps reading it until it is aborted: without these an endless or huge body
    // fills memory until the timeout, and Qt's thread goes on reading even then.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] { checkQtReply(id, true); });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { checkQtReply(id, false); });
    // Qt 6.4 tells nothing of the connection itself; bytes of the request written to one say it was made.
    connect(reply, &QNetworkReply::uploadProgress, this, [this, id](qint64 sent, qint64) {
        if (sent <= 0)
            return;
        const auto found = m_requests.find(id);
        if (found != m_requests.end())
            found->second.sentSome = true;
    });
}

void HttpInstance::sendDirect(quint64 id, Request &request)
{
    Endpoint &endpoint = m_endpoints[size_t(request.endpoint)];
    std::vector<std::unique_ptr<HttpConnection>> &idle = m_idle[endpoint.hostKey];
    const bool fresh = idle.empty();
    if (!fresh) {
        request.connection = std::move(idle.back());
        idle.pop_back();
    } else {
        request.connection =
            std::make_unique<HttpConnection>(endpoint.url.host(), endpoint.directPort, endpoint.directTls);
    }
    const Batch &batch = *request.batch;
    const qsizetype bodyBytes =
        batch.values ? batch.valueCount * qsizetype(sizeof(float)) : batch.body.size();
    if (bodyBytes != endpoint.fullHeadBody) {
        endpoint.fullHead = endpoint.directHead + "Content-Length: " + QByteArray::number(bodyBytes) + "\r\n\r\n";
        endpoint.fullHeadBody = bodyBytes;
    }
    QByteArray head = endpoint.fullHead; // shared, not copied
    // The body goes out from the batch itself (the caller's rows, or the encoded JSON), which outlives the request.
    const QByteArrayView body = batch.values
                                    ? QByteArrayView(reinterpret_cast<const char *>(batch.values), bodyBytes)
                                    : QByteArrayView(batch.body);
    // The reply is handled as it arrives, inside the connection's socket signal: no extra turn of the event
    // loop per request (discard() keeps that connection alive until the signal has returned). Only a
    // connection that fails while it is being handed the request (inside scoreAsync()) is answered later.
    HttpConnection *connection = request.connection.get();
    auto done = [this, id](HttpConnection::Reply reply) {
        if (m_sending > 0) {
            QMetaObject::invokeMethod(
                this, [this, id, reply = std::move(reply)]() mutable { onDirectDone(id, std::move(reply)); },
                Qt::QueuedConnection);
            return;
        }
        onDirectDone(id, std::move(reply));
    };
    if (fresh) {
        // A new connection connects at the end of this turn of the event loop, together with the others opened
        // in it (a load generator starting N requests opens N). A pre-forking server whose workers share one
        // listening socket (gunicorn) gives connections that arrive a little apart, each before its request, all
        // to the worker that accepted the first: measured on the scoring peer, 4 connections 0.5 ms apart went to
        // one of its 2 workers in 10 of 12 trials (half the service's throughput for the whole run); opened
        // back to back, as wrk opens them, they were shared out in 11 of 12.
        connection->sendLater(std::move(head), body, replyBodyLimit(m_config, batch.rows), std::move(done));
        m_toConnect.emplace_back(connection);
        if (m_toConnect.size() == 1)
            QMetaObject::invokeMethod(this, [this] { connectNewConnections(); }, Qt::QueuedConnection);
        return;
    }
    ++m_sending;
    connection->send(std::move(head), body, replyBodyLimit(m_config, batch.rows), std::move(done));
    --m_sending;
}

void HttpInstance::connectNewConnections()
{
    const std::vector<QPointer<HttpConnection>> batch = std::exchange(m_toConnect, {});
    // A connection that fails at once answers from the event loop, as inside sendDirect(): no callback (which may
    // destroy this instance) runs in this loop.
    ++m_sending;
    for (const QPointer<HttpConnection> &connection : batch) {
        if (connection)
            connection->connectNow();
    }
    --m_sending;
}

void HttpInstance::discard(std::unique_ptr<HttpConnection> connection)
{
    if (!connection)
        return;
    if (connection.get() == m_callbackConnection) {
        // Its signal handler is still on the stack: delete it once control is back in the event loop.
        connection->abort();
        connection.release()->deleteLater();
        return;
    }
    connection.reset();
}

void HttpInstance::onDirectDone(quint64 id, HttpConnection::Reply reply)
{
    auto node = m_requests.extract(id);
    if (node.empty())
        return; // timed out meanwhile
    Request request = std::move(node.mapped());
    dropAnswered();
    // The connection that called back: whatever happens to it below or in the batch's callback (which may
    // destroy this instance and its idle connections), it must outlive its signal handler.
    HttpConnection *const caller = request.connection.get();
    m_callbackConnection = caller;
    if (reply.complete && reply.reusable && !m_closing)
        m_idle[m_endpoints[size_t(request.endpoint)].hostKey].push_back(std::move(request.connection));
    else
        discard(std::move(request.connection));
    Attempt attempt;
    attempt.transportError = !reply.complete;
    attempt.unreachable = reply.unreachable;
    attempt.transportMessage =
        reply.overBodyLimit ? overBodyLimitMessage(request.batch->rows) : std::move(reply.error);
    attempt.httpStatus = reply.status;
    attempt.reason = std::move(reply.reason);
    attempt.contentType = std::move(reply.contentType);
    attempt.body = std::move(reply.body);
    const QPointer<HttpInstance> alive(this);
    completeAttempt(std::move(request), std::move(attempt));
    if (alive)
        m_callbackConnection = nullptr;
}

void HttpInstance::onFinished(quint64 id)
{
    auto node = m_requests.extract(id);
    if (node.empty())
        return;
    Request request = std::move(node.mapped());
    dropAnswered();
    QNetworkReply *reply = request.reply;
    request.reply = nullptr;
    reply->deleteLater();

    Attempt attempt;
    if (!request.refused.isEmpty()) {
        // Aborted by checkQtReply(): a failed reply, whatever its status (as with transport direct).
        attempt.transportError = true;
        attempt.transportMessage = std::move(request.refused);
        completeAttempt(std::move(request), std::move(attempt));
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    attempt.httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError networkError = reply->error();
    attempt.timedOut = request.timedOut || networkError == QNetworkReply::OperationCanceledError ||
                       networkError == QNetworkReply::TimeoutError;
    if (attempt.timedOut && !request.sentSome && attempt.httpStatus == 0) {
        // No connection within the timeout (a dropped SYN, a full accept queue): the service cannot be reached.
        attempt = neverConnected();
        completeAttempt(std::move(request), std::move(attempt));
        return;
    }
    attempt.transportError = networkError != QNetworkReply::NoError || attempt.httpStatus == 0;
    if (attempt.transportError) {
        attempt.unreachable = isUnreachable(networkError);
        attempt.transportMessage = reply->errorString();
    }
    attempt.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    attempt.contentType = reply->rawHeader("Content-Type");
    if (!attempt.timedOut)
        attempt.body = reply->readAll();
    completeAttempt(std::move(request), std::move(attempt));
}

void HttpInstance::checkQtReply(quint64 id, bool headers)
{
    const auto found = m_requests.find(id);
    if (found == m_requests.end() || !found->second.reply)
        return;
    Request &request = found->second;
    QNetworkReply *reply = request.reply;
    const qint64 limit = replyBodyLimit(m_config, request.batch->rows);
    if (headers) {
        // Qt has parsed the head already (slowly when it is large, README.md), so this bounds what is kept and
        // makes the two transports fail the same replies, as far as Qt lets it.
        qint64 headBytes = 0;
        const QList<QNetworkReply::RawHeaderPair> &pairs = reply->rawHeaderPairs();
        for (const QNetworkReply::RawHeaderPair &pair : pairs)
            headBytes += pair.first.size() + pair.second.size() + 4; // "name: value\r\n"
        if (headBytes > MaxReplyHeadBytes) {
            request.refused = HttpText::tr("malformed reply: the header block has %1 bytes, more than %2")
                                  .arg(headBytes)
                                  .arg(MaxReplyHeadBytes);
        } else if (const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
                   length.isValid() && length.toLongLong() > limit) {
            request.refused = overBodyLimitMessage(request.batch->rows);
        }
    }
    // The whole body so far: it is read only once the reply has finished.
    if (request.refused.isEmpty() && reply->bytesAvailable() > limit)
        request.refused = overBodyLimitMessage(request.batch->rows);
    if (!request.refused.isEmpty())
        reply->abort(); // emits finished() at once: onFinished() reports the attempt
}

QString HttpInstance::overBodyLimitMessage(qsizetype rows) const
{
    return HttpText::tr("reply body over %1 bytes for %2 rows").arg(replyBodyLimit(m_config, rows)).arg(rows);
}

void HttpInstance::completeAttempt(Request request, Attempt attempt)
{
    const double elapsedMs = double(request.clock.nsecsElapsed()) / 1e6;
    std::unique_ptr<Batch> batch = std::move(request.batch);
    Endpoint &endpoint = m_endpoints[size_t(request.endpoint)];
    --endpoint.outstanding;
    if (!m_retries.empty())
        serveRetries();

    Sdk::ScoreStatus status;
    status.endpoint = endpoint.display;
    // "PUT http://h/score", for messages only: the success path stays free of string work.
    const auto what = [this, &endpoint]() -> QString {
        return methodName() + u' ' + endpoint.display;
    };
    const int httpStatus = attempt.timedOut ? 0 : attempt.httpStatus;
    status.httpStatus = httpStatus;
    bool retryable = false;

    if (attempt.timedOut) {
        ++endpoint.errors;
        ++endpoint.timeouts;
        status.kind = Kind::Timeout;
        status.message =
            HttpText::tr("%1: no complete reply within %2 ms").arg(what()).arg(m_config.timeoutMs);
        retryable = true;
    } else if (httpStatus != 0 && (httpStatus < 200 || httpStatus > 299)) {
        ++endpoint.errors;
        ++endpoint.byStatus[httpStatus];
        status.kind = Kind::Failed;
        status.message = HttpText::tr("%1: HTTP %2 %3").arg(what()).arg(httpStatus).arg(attempt.reason);
        const QString excerpt = errorExcerpt(attempt.contentType, attempt.body);
        if (!excerpt.isEmpty())
            status.message += u": " + excerpt;
        // Only "the gateway or service is not ready" answers are safe to repeat; any other status means the
        // service read the batch and judged it.
        retryable = httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    } else if (attempt.transportError || httpStatus == 0) {
        ++endpoint.errors;
        ++endpoint.transportErrors;
        status.kind = attempt.unreachable ? Kind::Unreachable : Kind::Failed;
        status.message = HttpText::tr("%1: %2").arg(what(), attempt.transportMessage);
        retryable = true;
    } else {
        const QByteArray &body = attempt.body;
        QString why;
        bool decoded = false;
        if (m_config.protocol == Protocol::Json) {
            decoded =
                decodeJson(body, m_config.jsonPredictions, batch->rows, m_config.outputs, batch->out, &why);
        } else {
            const qsizetype expected = 4 * batch->rows * m_config.outputs;
            decoded = body.size() == expected;
            if (decoded) {
                decodeFloat32(body, batch->out, batch->rows * m_config.outputs);
            } else {
                why = HttpText::tr("reply has %1 bytes, expected %2 (4·%3·%4)")
                          .arg(body.size())
                          .arg(expected)
                          .arg(batch->rows)
                          .arg(m_config.outputs);
            }
        }
        if (decoded) {
            ++endpoint.ok;
            endpoint.okMillisTotal += elapsedMs;
            endpoint.okMillisMax = std::max(endpoint.okMillisMax, elapsedMs);
            ServiceTimes::record(endpoint.serviceTimes, elapsedMs);
        } else {
            ++endpoint.errors;
            status.kind = Kind::Failed;
            status.message = what() + u": " + why;
        }
    }

    if (!status.ok()) {
        qCDebug(lcHttp).noquote() << status.message;
        if (retryable && batch->retriesLeft > 0) {
            --batch->retriesLeft;
            send(std::move(batch));
            return;
        }
        if (batch->attempts > 1)
            status.message += HttpText::tr(" (after %1 attempts)").arg(batch->attempts);
    }
    --m_batchesInFlight;
    Sdk::ScoreCallback done = std::move(batch->done);
    batch.reset();
    // Last statement: the callback may score again or destroy this instance.
    done(status);
}

void HttpInstance::completeLater(Sdk::ScoreCallback done, Sdk::ScoreStatus status)
{
    m_deferred.push_back({std::move(done), std::move(status)});
    if (m_deferred.size() == 1)
        QMetaObject::invokeMethod(this, &HttpInstance::flushDeferred, Qt::QueuedConnection);
}

void HttpInstance::flushDeferred()
{
    std::vector<Deferred> pending;
    pending.swap(m_deferred);
    // Runs from a local list: a callback may destroy this instance, the rest are still owed their call.
    for (Deferred &deferred : pending)
        deferred.done(deferred.status);
}

QString HttpInstance::methodName() const
{
    return m_config.protocol == Protocol::Json ? QString::fromLatin1(m_config.jsonMethod)
                                               : QStringLiteral("PUT");
}

} // namespace Opsdeck::Plugins::Http
