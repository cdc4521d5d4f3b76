#include "httpinstance.h"

#include "httpcodec.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>
#include <QtCore/QTimerEvent>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <limits>

namespace Opsdeck::Plugins::Http {

Q_LOGGING_CATEGORY(lcHttp, "opsdeck.scoring.http")

namespace {

using Kind = Sdk::ScoreStatus::Kind;

// Longest piece of an error body quoted in a message.
constexpr qsizetype ErrorExcerptBytes = 300;

// Refused, reset, closed, DNS, TLS and proxy failures mean "could not talk to the service"; anything else the
// network layer reports (protocol violations, unknown schemes) is a plain failure.
bool isUnreachable(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return error >= QNetworkReply::ProxyConnectionRefusedError &&
               error <= QNetworkReply::UnknownProxyError;
    }
}

// The start of a text or JSON error body, on one line, for the message: services explain their 4xx/5xx there.
QString errorExcerpt(QNetworkReply *reply)
{
    const QByteArray type = reply->rawHeader("Content-Type").toLower();
    if (!type.startsWith("text/") && !type.contains("json"))
        return {};
    const QByteArray head = reply->read(ErrorExcerptBytes + 1);
    QString text = QString::fromUtf8(head.left(ErrorExcerptBytes)).simplified();
    if (head.size() > ErrorExcerptBytes)
        text += QStringLiteral("…");
    return text;
}

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
        endpoint.request = request;
        m_endpoints.push_back(std::move(endpoint));
        perHost[url.scheme() + u"://" + url.host() + u':' +
                QString::number(url.port(url.scheme() == u"https" ? 443 : 80))] += m_config.inflight;
    }
    for (auto it = perHost.cbegin(); it != perHost.cend(); ++it) {
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
    std::unordered_map<QNetworkReply *, Request> requests;
    requests.swap(m_requests);
    m_timers.clear();
    for (auto &[reply, request] : requests) {
        // Disconnect first: abort() emits finished() at once and this object is half gone.
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        Sdk::ScoreStatus status;
        status.kind = Kind::Failed;
        status.endpoint = m_endpoints[size_t(request.endpoint)].display;
        status.message = HttpText::tr("%1 %2: aborted, the http backend instance was destroyed")
                             .arg(methodName(), status.endpoint);
        pending.push_back({std::move(request.batch->done), std::move(status)});
    }
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
        });
    }
    return QJsonObject{{QStringLiteral("endpoints"), endpoints}};
}

void HttpInstance::timerEvent(QTimerEvent *event)
{
    const auto timer = m_timers.find(event->timerId());
    if (timer == m_timers.end()) {
        QObject::timerEvent(event);
        return;
    }
    QNetworkReply *reply = timer->second;
    m_timers.erase(timer);
    killTimer(event->timerId());
    const auto request = m_requests.find(reply);
    if (request == m_requests.end())
        return;
    request->second.timedOut = true;
    request->second.timerId = 0;
    // abort() finishes the reply at once; onFinished() may run the callback, which may destroy this instance.
    reply->abort();
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
    // Every batch in flight holds exactly one endpoint slot and m_batchesInFlight <= inflight × endpoints, so
    // a free slot always exists here.
    const int index = pickEndpoint(batch->lastEndpoint);
    Q_ASSERT(index >= 0);
    Endpoint &endpoint = m_endpoints[size_t(index)];
    QNetworkReply *reply = nullptr;
    if (m_config.protocol == Protocol::Json && m_config.jsonMethod == "POST")
        reply = m_network->post(endpoint.request, batch->body);
    else
        reply = m_network->put(endpoint.request, batch->body);
    ++endpoint.outstanding;
    ++endpoint.requests;
    ++batch->attempts;
    batch->lastEndpoint = index;

    Request request;
    request.batch = std::move(batch);
    request.endpoint = index;
    request.clock.start();
    request.timerId = startTimer(m_config.timeoutMs, Qt::PreciseTimer);
    m_timers.emplace(request.timerId, reply);
    m_requests.emplace(reply, std::move(request));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void HttpInstance::onFinished(QNetworkReply *reply)
{
    auto node = m_requests.extract(reply);
    if (node.empty())
        return;
    Request request = std::move(node.mapped());
    if (request.timerId != 0) {
        killTimer(request.timerId);
        m_timers.erase(request.timerId);
    }
    reply->deleteLater();
    const double elapsedMs = double(request.clock.nsecsElapsed()) / 1e6;
    std::unique_ptr<Batch> batch = std::move(request.batch);
    Endpoint &endpoint = m_endpoints[size_t(request.endpoint)];
    --endpoint.outstanding;

    Sdk::ScoreStatus status;
    status.endpoint = endpoint.display;
    // "PUT http://h/score", for messages only: the success path stays free of string work.
    const auto what = [this, &endpoint]() -> QString {
        return methodName() + u' ' + endpoint.display;
    };
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    status.httpStatus = httpStatus;
    const QNetworkReply::NetworkError networkError = reply->error();
    bool retryable = false;

    if (request.timedOut || networkError == QNetworkReply::OperationCanceledError ||
        networkError == QNetworkReply::TimeoutError) {
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
        status.message = HttpText::tr("%1: HTTP %2 %3")
                             .arg(what())
                             .arg(httpStatus)
                             .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        const QString excerpt = errorExcerpt(reply);
        if (!excerpt.isEmpty())
            status.message += u": " + excerpt;
        // Only "the gateway or service is not ready" answers are safe to repeat; any other status means the
        // service read the batch and judged it.
        retryable = httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    } else if (networkError != QNetworkReply::NoError || httpStatus == 0) {
        ++endpoint.errors;
        ++endpoint.transportErrors;
        status.kind = isUnreachable(networkError) ? Kind::Unreachable : Kind::Failed;
        status.message = HttpText::tr("%1: %2").arg(what(), reply->errorString());
        retryable = true;
    } else {
        const QByteArray body = reply->readAll();
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
