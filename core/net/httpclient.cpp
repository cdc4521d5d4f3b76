#include "net/httpclient.h"

#include "common/logging.h"
#include "common/version.h"
#include "config/secrets.h"
#include "net/httpstatus.h"
#include "net/networkaccess.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QLocale>
#include <QtCore/QRandomGenerator>
#include <QtCore/QStringList>
#include <QtCore/QTimeZone>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslError>
#include <algorithm>
#include <optional>
#include <vector>

namespace Opsdeck::Core {
namespace {

// Lets go of a reply nobody waits for any more. One that has not failed yet is aborted (its connection goes at
// once); one that has failed already is only deleted: its finished() is on its way, and aborting it again makes Qt
// warn "this method must only be called once".
void discardReply(QObject *owner, QNetworkReply *reply)
{
    reply->disconnect(owner);
    if (!reply->isFinished() && reply->error() == QNetworkReply::NoError)
        reply->abort();
    reply->deleteLater();
}

constexpr int backoffBaseMs = 200;
constexpr int backoffCapMs = 5000;
constexpr qint64 retryAfterLimitMs = 30000;
constexpr qsizetype excerptLimit = 512;

QString printable(const QUrl &url)
{
    return displayUrl(url);
}

QString requestLabel(const QByteArray &method, const QUrl &url)
{
    return QString::fromLatin1(method) + u' ' + printable(url);
}

// Qt's own error strings sometimes quote the URL; credentials in a URL's userinfo must never reach a message.
QString scrubbed(QString text, const QUrl &url)
{
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        for (const auto format : {QUrl::PrettyDecoded, QUrl::FullyEncoded})
            text.replace(url.toString(format), printable(url));
        text.replace(url.toDisplayString(), printable(url));
        const QString password = url.password(QUrl::FullyDecoded);
        if (!password.isEmpty()) {
            text.replace(password, QStringLiteral("***"));
            text.replace(url.password(QUrl::FullyEncoded), QStringLiteral("***"));
        }
    }
    return text;
}

QString bodyExcerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(excerptLimit));
    for (QChar &c : text) {
        if (!c.isPrint() && c != u'\n' && c != u'\t')
            c = u'.';
    }
    if (body.size() > excerptLimit)
        text += u'…';
    return text;
}

// Errors QNetworkReply derives from an HTTP status that did arrive: the response is a value, not a failure.
bool isStatusError(QNetworkReply::NetworkError error)
{
    if (error == QNetworkReply::NoError || error == QNetworkReply::ProtocolInvalidOperationError)
        return true;
    if (error == QNetworkReply::ContentReSendError)
        return false;
    const int code = int(error);
    return (code >= 201 && code <= 299) || (code >= 401 && code <= 499);
}

// Transport failures worth another attempt. TLS failures are not: a certificate does not get better by
// asking.
bool isRetriableTransport(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

bool isRetriableStatus(int status)
{
    return status == 429 || status == 502 || status == 503 || status == 504;
}

// Full jitter (uniform in [0, min(cap, base·2^(n−1))]) spreads the retries of many clients hitting the same
// overloaded service instead of synchronising them.
int backoffMs(int attempt)
{
    const int exponent = std::clamp(attempt - 1, 0, 16);
    const qint64 ceiling = std::min<qint64>(backoffCapMs, qint64(backoffBaseMs) << exponent);
    return int(QRandomGenerator::global()->bounded(ceiling + 1));
}

/// Retry-After as milliseconds from now: delta-seconds or an HTTP-date; -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

Result<HttpCredentials> resolveCredentials(const AuthConfig &auth)
{
    return resolveCredentials(auth, resolveSecret);
}

Result<HttpCredentials> resolveCredentials(const AuthConfig &auth,
                                           const std::function<Result<QByteArray>(const SecretRef &)> &read)
{
    HttpCredentials credentials;
    credentials.type = auth.type;
    if (auth.type == AuthType::None)
        return credentials;
    credentials.user = auth.user.toUtf8();
    if (!auth.secret.isSet()) {
        // Basic authentication with a user and no password is legitimate; a token scheme without a token is
        // not.
        if (auth.type == AuthType::Basic)
            return credentials;
        return fail(
            ErrorKind::Usage,
            HttpClient::tr("%1 authentication needs a secret (an environment variable or a keychain entry)")
                .arg(authTypeKey(auth.type)));
    }
    auto secret = read(auth.secret);
    if (!secret) {
        const QString reference = auth.secret.describe();
        const QString message = secret.error().message.contains(reference)
                                    ? secret.error().message
                                    : HttpClient::tr("secret %1: %2").arg(reference, secret.error().message);
        return fail(ErrorKind::Usage, message, secret.error().detail);
    }
    credentials.secret = std::move(*secret);
    return credentials;
}

bool HttpRequest::idempotent() const
{
    const QByteArray m = method.toUpper();
    return m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS";
}

int HttpRequest::effectiveMaxRetries() const
{
    if (!idempotent() && !retryPost)
        return 0;
    return maxRetries < 0 ? 3 : maxRetries;
}

int HttpRequest::effectiveDeadlineMs() const
{
    return deadlineMs == 0 ? timeoutMs : deadlineMs;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResponse::isSuccess() const
{
    return status >= 200 && status < 300;
}

Result<void> HttpResponse::checkStatus() const
{
    if (isSuccess())
        return {};
    const QByteArray phrase = reason.isEmpty() ? httpReasonPhrase(status) : reason;
    QString message = requestLabel(method, url) + HttpClient::tr(": HTTP %1").arg(status);
    if (!phrase.isEmpty())
        message += u' ' + QString::fromLatin1(phrase);
    const ErrorKind kind = (status == 401 || status == 403) ? ErrorKind::Auth : ErrorKind::Failed;
    return fail(kind, message, bodyExcerpt(body));
}

Result<QJsonDocument> parseJson(const HttpResponse &response)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return fail(ErrorKind::Failed,
                    HttpClient::tr("%1: HTTP %2: malformed JSON at offset %3: %4")
                        .arg(requestLabel(response.method, response.url))
                        .arg(response.status)
                        .arg(error.offset)
                        .arg(error.errorString()),
                    bodyExcerpt(response.body));
    }
    return document;
}

// ---------------------------------------------------------------------------------------------------------------

struct HttpClient::Pending
{
    HttpRequest request;
    ResponseHandler done;
    QPointer<QObject> context;
    bool hasContext = false;
    QMetaObject::Connection contextConnection;
    QPointer<QNetworkReply> reply;
    QStringList sslErrors;
    QElapsedTimer total;
    QElapsedTimer attemptClock;
    int attempt = 0;
    int maxRetries = 0;
    OwnAbort ownAbort = OwnAbort::None; ///< why this client aborted the current attempt itself, if it did
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent), m_nam(networkAccessManagerForThread()),
      m_userAgent(QByteArray("Opsdeck/") + versionString)
{}

HttpClient::~HttpClient()
{
    // Callbacks may touch other objects but must not reach this one any more: take everything out first.
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto &[id, p] : pending) {
        if (QNetworkReply *reply = p->reply.data(); reply != nullptr)
            discardReply(this, reply);
        QObject::disconnect(p->contextConnection);
        if (p->hasContext && !p->context)
            continue;
        p->done(
            fail(ErrorKind::Interrupted, requestLabel(p->request.method, p->request.url) + tr(": aborted")));
    }
}

QByteArray authorizationValue(const HttpCredentials &credentials)
{
    switch (credentials.type) {
    case AuthType::None:
        break;
    case AuthType::Basic:
        return "Basic " + QByteArray(credentials.user + ':' + credentials.secret).toBase64();
    case AuthType::Bearer:
        return "Bearer " + credentials.secret;
    case AuthType::ApiKey:
        return "ApiKey " + credentials.secret;
    }
    return {};
}

void HttpClient::setCredentials(const HttpCredentials &credentials)
{
    m_authorization = authorizationValue(credentials);
}

Result<void> HttpClient::setTls(const TlsConfig &tls)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> certificates;
    if (!tls.caFile.isEmpty()) {
        QFile file(tls.caFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorKind::Usage,
                        tr("%1: cannot read CA file: %2").arg(tls.caFile, file.errorString()));
        certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certificates.isEmpty())
            return fail(ErrorKind::Usage, tr("%1: no PEM certificate found in CA file").arg(tls.caFile));
        // Set the complete list: adding to a default configuration would switch off the on-demand loading of
        // the system store, leaving only the custom CA trusted.
        config.setCaCertificates(QSslConfiguration::systemCaCertificates() + certificates);
        qCDebug(lcNet) << "trusting" << certificates.size() << "certificate(s) from" << tls.caFile;
    }
    if (tls.insecure) {
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        qCWarning(lcNet)
            << "TLS peer verification is disabled (insecure = true): server identities are not checked";
    }

    // Requests with other trust settings must not reuse this client's connections (nor it theirs): a manager
    // hands an open connection to any request for the same host and port. See
    // networkAccessManagerForThread().
    QByteArray partition;
    if (!certificates.isEmpty() || tls.insecure) {
        QList<QByteArray> digests;
        for (const QSslCertificate &certificate : std::as_const(certificates))
            digests.append(certificate.digest(QCryptographicHash::Sha256));
        std::sort(digests.begin(), digests.end());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QByteArray &digest : std::as_const(digests))
            hash.addData(digest);
        hash.addData(tls.insecure ? QByteArrayView("insecure") : QByteArrayView("verify"));
        partition = hash.result();
    }
    m_nam = networkAccessManagerForThread(partition);
    m_ssl = config;
    m_tlsConfigured = true;
    return {};
}

void HttpClient::setUserAgent(const QByteArray &userAgent)
{
    m_userAgent = userAgent;
}

int HttpClient::pendingCount() const
{
    return int(m_pending.size());
}

quint64 HttpClient::send(const HttpRequest &request, QObject *context, ResponseHandler done)
{
    const quint64 id = m_nextId++;
    auto p = std::make_unique<Pending>();
    p->request = request;
    p->request.method = request.method.toUpper();
    p->done = std::move(done);
    p->maxRetries = request.effectiveMaxRetries();
    p->total.start();
    if (context) {
        p->hasContext = true;
        p->context = context;
        p->contextConnection = connect(context, &QObject::destroyed, this, [this, id] { dropSilently(id); });
    }

    std::optional<Error> early;
    const QString scheme = request.url.scheme();
    if (!request.url.isValid() || request.url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        early =
            Error{ErrorKind::Usage,
                  requestLabel(p->request.method, request.url) + tr(": not a valid http(s) URL"), QString()};
    } else if (!m_nam) {
        early = Error{ErrorKind::Unreachable,
                      requestLabel(p->request.method, request.url) + tr(": network access has shut down"),
                      QString()};
    }
    m_pending.emplace(id, std::move(p));
    if (early) {
        // done never runs inside send(): callers may still be setting up what it uses.
        QMetaObject::invokeMethod(
            this, [this, id, error = *early] { complete(id, fail(error)); }, Qt::QueuedConnection);
    } else {
        startAttempt(id);
    }
    return id;
}

void HttpClient::startAttempt(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &p = *it->second;
    if (!m_nam) {
        complete(id, fail(ErrorKind::Unreachable, requestLabel(p.request.method, p.request.url) +
                                                      tr(": network access has shut down")));
        return;
    }
    ++p.attempt;
    p.sslErrors.clear();
    p.ownAbort = OwnAbort::None;
    p.attemptClock.start();

    const HttpRequest &r = p.request;
    QNetworkRequest request(r.url);
    request.setTransferTimeout(std::max(0, r.timeoutMs));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    // Credentials must not follow a redirect to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         m_authorization.isEmpty() ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                   : QNetworkRequest::SameOriginRedirectPolicy);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    if (!r.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    for (const auto &[name, value] : r.headers)
        request.setRawHeader(name, value);
    if (m_tlsConfigured)
        request.setSslConfiguration(m_ssl);

    QNetworkReply *reply = nullptr;
    if (r.method == "GET" && r.body.isEmpty())
        reply = m_nam->get(request);
    else if (r.method == "HEAD")
        reply = m_nam->head(request);
    else
        reply = m_nam->sendCustomRequest(request, r.method, r.body);
    p.reply = reply;

    connect(reply, &QNetworkReply::sslErrors, this, [this, id](const QList<QSslError> &errors) {
        const auto found = m_pending.find(id);
        if (found == m_pending.end())
            return;
        for (const QSslError &e : errors) {
            if (!found->second->sslErrors.contains(e.errorString()))
                found->second->sslErrors.append(e.errorString());
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });

    // The transfer timeout only catches silence: a server trickling a byte now and then would hold the request
    // forever. The deadline bounds the attempt as a whole. The reply is the timer's context: a finished attempt's
    // timer dies with its reply, and the check below ignores a reply that is no longer the current one.
    if (const int deadline = r.effectiveDeadlineMs(); deadline > 0) {
        QTimer::singleShot(deadline, reply, [this, id, reply] { abortOwn(id, reply, OwnAbort::Deadline); });
    }
    if (r.maxBodyBytes > 0) {
        const qint64 limit = r.maxBodyBytes;
        const bool head = r.method == "HEAD";   // its Content-Length announces a body that never comes
        auto check = [this, id, reply, limit, head] {
            const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
            if ((!head && length.isValid() && length.toLongLong() > limit) || reply->bytesAvailable() > limit)
                abortOwn(id, reply, OwnAbort::BodyLimit);
        };
        connect(reply, &QNetworkReply::metaDataChanged, this, check);
        connect(reply, &QNetworkReply::readyRead, this, check);
    }
}

void HttpClient::abortOwn(quint64 id, QNetworkReply *reply, OwnAbort why)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end() || it->second->reply.data() != reply || reply->isFinished()
        || reply->error() != QNetworkReply::NoError)
        return;   // gone, or already failing: its finished() reports that failure
    it->second->ownAbort = why;
    reply->abort();   // finished() → onFinished(), which reads ownAbort
}

void HttpClient::onFinished(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending &p = *it->second;
    QNetworkReply *reply = p.reply;
    p.reply.clear();
    if (!reply)
        return;
    reply->deleteLater();

    const QString label = requestLabel(p.request.method, p.request.url);
    const qint64 attemptMs = p.attemptClock.elapsed();
    const bool mayRetry = p.attempt <= p.maxRetries;
    const QNetworkReply::NetworkError error = reply->error();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);

    if (p.ownAbort == OwnAbort::BodyLimit) {
        // Something answered, too much of it: not worth another attempt, and not "unreachable".
        complete(id, fail(ErrorKind::Failed, label + tr(": response body larger than %1 bytes (HTTP %2)")
                                                         .arg(p.request.maxBodyBytes)
                                                         .arg(statusAttribute.toInt())));
        return;
    }
    if (error == QNetworkReply::InsecureRedirectError || error == QNetworkReply::TooManyRedirectsError) {
        // Something answered, with a redirect this client will not follow (credentials must not reach another
        // origin; an https → http downgrade is refused too): the service is misconfigured, not unreachable.
        QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (target.isEmpty())
            target = QUrl::fromEncoded(reply->rawHeader("Location"));
        const QString where = target.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(displayUrl(reply->url().resolved(target)));
        const QString cause = error == QNetworkReply::TooManyRedirectsError
                                  ? tr("too many redirects")
                                  : m_authorization.isEmpty() ? tr("redirect to a less secure URL refused")
                                                              : tr("redirect to another origin refused");
        complete(id, fail(ErrorKind::Failed, label + QStringLiteral(": ") + cause + where));
        return;
    }
    if (!statusAttribute.isValid() || statusAttribute.toInt() <= 0 || !isStatusError(error)) {
        QString cause;
        // Our own aborts disconnect before aborting, so a cancelled reply seen here was cancelled by the
        // transfer timeout.
        if (p.ownAbort == OwnAbort::Deadline) {
            cause = tr("timed out after %1 ms").arg(p.request.effectiveDeadlineMs());
        } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
            cause = p.request.timeoutMs > 0 ? tr("timed out after %1 ms").arg(p.request.timeoutMs)
                                            : scrubbed(reply->errorString(), p.request.url);
        } else if (error == QNetworkReply::RemoteHostClosedError && statusAttribute.isValid()) {
            // Headers arrived, the body did not: say how far it got, a truncated export is not a refusal.
            const QByteArray length = reply->rawHeader("Content-Length");
            cause = length.isEmpty()
                        ? tr("connection closed during the response (HTTP %1, %2 body bytes received)")
                              .arg(statusAttribute.toInt())
                              .arg(reply->bytesAvailable())
                        : tr("connection closed during the response (HTTP %1, %2 of %3 body bytes received)")
                              .arg(statusAttribute.toInt())
                              .arg(reply->bytesAvailable())
                              .arg(QString::fromLatin1(length));
        } else {
            cause = scrubbed(reply->errorString(), p.request.url);
            for (const QString &sslError : std::as_const(p.sslErrors)) {
                if (!cause.contains(sslError))
                    cause += QStringLiteral("; ") + sslError;
            }
        }
        qCDebug(lcNet).noquote() << QStringLiteral("%1 failed after %2 ms, attempt %3: %4")
                                        .arg(label)
                                        .arg(attemptMs)
                                        .arg(p.attempt)
                                        .arg(cause);
        if (mayRetry && isRetriableTransport(error)) {
            const int delay = backoffMs(p.attempt);
            QTimer::singleShot(delay, this, [this, id] { startAttempt(id); });
            return;
        }
        complete(id, fail(ErrorKind::Unreachable, label + QStringLiteral(": ") + cause));
        return;
    }

    HttpResponse response;
    response.status = statusAttribute.toInt();
    response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.url = reply->url();
    response.method = p.request.method;
    response.attempts = p.attempt;
    response.elapsedMs = p.total.elapsed();
    qCDebug(lcNet).noquote() << label << "->" << response.status << "in" << attemptMs << "ms, attempt"
                             << p.attempt;

    if (mayRetry && isRetriableStatus(response.status)) {
        const qint64 retryAfter = retryAfterMs(response.header("Retry-After"));
        if (retryAfter <= retryAfterLimitMs) {
            const int delay = retryAfter >= 0 ? int(retryAfter) : backoffMs(p.attempt);
            QTimer::singleShot(delay, this, [this, id] { startAttempt(id); });
            return;
        }
        qCDebug(lcNet).noquote() << label << "not retried: Retry-After of" << retryAfter
                                 << "ms is over the limit";
    }
    complete(id, std::move(response));
}

void HttpClient::complete(quint64 id, Result<HttpResponse> result)
{
    auto node = m_pending.extract(id);
    if (node.empty())
        return;
    std::unique_ptr<Pending> p = std::move(node.mapped());
    if (p->reply)
        discardReply(this, p->reply);
    QObject::disconnect(p->contextConnection);
    if (p->hasContext && !p->context)
        return;
    // Last statement: done may destroy this client.
    p->done(std::move(result));
}

void HttpClient::dropSilently(quint64 id)
{
    auto node = m_pending.extract(id);
    if (node.empty())
        return;
    Pending &p = *node.mapped();
    if (p.reply)
        discardReply(this, p.reply);
    qCDebug(lcNet).noquote() << requestLabel(p.request.method, p.request.url)
                             << "dropped: its context was destroyed";
}

void HttpClient::abort(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending &p = *it->second;
    complete(id,
             fail(ErrorKind::Interrupted, requestLabel(p.request.method, p.request.url) + tr(": aborted")));
}

void HttpClient::abortAll()
{
    std::vector<quint64> ids;
    ids.reserve(m_pending.size());
    for (const auto &entry : m_pending)
        ids.push_back(entry.first);
    std::sort(ids.begin(), ids.end());
    const QPointer<HttpClient> self(this);
    for (const quint64 id : ids) {
        if (!self)
            return;
        abort(id);
    }
}

quint64 HttpClient::getJson(const QUrl &url, QObject *context, JsonHandler done, int timeoutMs)
{
    HttpRequest request;
    request.url = url;
    request.timeoutMs = timeoutMs;
    request.headers.append({QByteArray("Accept"), QByteArray("application/json")});
    return send(request, context, [done = std::move(done), url](Result<HttpResponse> result) {
        if (!result) {
            HttpResponse none;
            none.url = url;
            none.method = "GET";
            done(fail(result.error()), none);
            return;
        }
        if (auto ok = result->checkStatus(); !ok) {
            done(fail(ok.error()), *result);
            return;
        }
        done(parseJson(*result), *result);
    });
}

} // namespace Opsdeck::Core
