#pragma once

#include "common/error.h"
#include "config/profile.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QJsonDocument>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtNetwork/QSslConfiguration>
#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace Opsdeck::Core {

/// Resolved credentials for one service. They hold a secret: never log, print or store them.
struct HttpCredentials
{
    AuthType type = AuthType::None;
    QByteArray user;
    QByteArray secret;
};

/// Resolves an AuthConfig's secret (see resolveSecret) into credentials. AuthType::None gives empty
/// credentials. Failure: a Usage error (a configuration problem; no service was asked) whose message names the
/// secret reference (never its value), e.g. when the environment variable is unset or the keychain has no entry.
[[nodiscard]] Result<HttpCredentials> resolveCredentials(const AuthConfig &auth);
/// The same with the secret taken from `read` (a secret already read, say) instead of resolveSecret().
[[nodiscard]] Result<HttpCredentials>
resolveCredentials(const AuthConfig &auth, const std::function<Result<QByteArray>(const SecretRef &)> &read);

/// The Authorization header value for credentials: Basic → "Basic base64(user:secret)", Bearer → "Bearer
/// secret", ApiKey → "ApiKey secret"; empty for None. It holds the secret: never log or print it.
[[nodiscard]] QByteArray authorizationValue(const HttpCredentials &credentials);

/// One HTTP request as HttpClient sends it.
struct HttpRequest
{
    /// The default body limit (16 MiB): plenty for JSON API answers and probes.
    static constexpr qint64 defaultMaxBodyBytes = qint64(16) << 20;

    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QByteArray contentType;                           ///< when set, sent as the Content-Type header
    QList<std::pair<QByteArray, QByteArray>> headers; ///< extra headers; they override the client's defaults
    int timeoutMs = 10000;  ///< transfer timeout: fails when no byte moves for this long; <= 0: none
    /// Deadline of one attempt, however steadily bytes trickle in: fails with "timed out after N ms" (kind
    /// Unreachable, like the transfer timeout). 0: the same as timeoutMs; < 0: none.
    int deadlineMs = 0;
    /// Largest response body accepted, checked while it downloads (Content-Length and bytes received): a larger
    /// one is aborted with kind Failed "METHOD URL: response body larger than N bytes". <= 0: no limit.
    qint64 maxBodyBytes = defaultMaxBodyBytes;
    int maxRetries = -1;    ///< -1: 3 when the request may be retried (idempotent() or retryPost), else 0
    bool retryPost = false; ///< allow retries of a non-idempotent method (only for requests known to be safe)

    /// True for GET, HEAD, PUT, DELETE and OPTIONS (by method, case-insensitive); POST and PATCH are not.
    [[nodiscard]] bool idempotent() const;
    /// How many times this request may be retried: 0 unless idempotent() or retryPost; otherwise maxRetries,
    /// with -1 meaning 3.
    [[nodiscard]] int effectiveMaxRetries() const;
    /// The deadline of one attempt in ms (deadlineMs, or timeoutMs when 0); <= 0: none.
    [[nodiscard]] int effectiveDeadlineMs() const;
};

/// What came back: any HTTP status that arrived is a response (see checkStatus()).
struct HttpResponse
{
    int status = 0;    ///< 0 when no response arrived
    QByteArray reason; ///< the reason phrase as sent (empty over HTTP/2)
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QUrl url; ///< the URL that answered (after redirects); may carry userinfo and secrets in its query: print
              ///< it with displayUrl() only
    QByteArray method;
    qint64 elapsedMs = 0; ///< from the first attempt's start to the last attempt's end, backoff included
    int attempts = 1;

    /// The first header with this name (case-insensitive); empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// True for 2xx.
    [[nodiscard]] bool isSuccess() const;
    /// Ok for 2xx. Otherwise an Error whose message is "METHOD URL: HTTP 503 Service Unavailable" (URL
    /// without userinfo) and whose detail is an excerpt of the body (at most 512 bytes, non-printable
    /// characters replaced); kind Auth for 401 and 403, Failed for every other status.
    [[nodiscard]] Result<void> checkStatus() const;
};

/// Parses the body as JSON. Failure (kind Failed): "METHOD URL: HTTP <status>: malformed JSON at offset N:
/// <parse error>", detail an excerpt of the body.
[[nodiscard]] Result<QJsonDocument> parseJson(const HttpResponse &response);

/// A thin asynchronous HTTP client over the thread's QNetworkAccessManager (networkAccessManagerForThread()):
/// transfer timeouts, retries with backoff for idempotent requests, authentication headers, custom CAs. Use
/// it from the thread that created it. Requests, responses and errors never contain the credentials, and URLs
/// are printed without userinfo.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    using ResponseHandler = std::function<void(Result<HttpResponse>)>;
    using JsonHandler = std::function<void(Result<QJsonDocument>, const HttpResponse &)>;

    /// A client on the calling thread's network access manager.
    explicit HttpClient(QObject *parent = nullptr);
    /// Requests still running are aborted: their `done` runs with an Interrupted error (unless their context
    /// is already gone).
    ~HttpClient() override;

    /// Sets the Authorization header of every later request: Basic → "Basic base64(user:secret)", Bearer →
    /// "Bearer secret", ApiKey (Elasticsearch) → "ApiKey secret" (the secret is already base64(id:key)), None
    /// → no header. While credentials are set, redirects are followed to the same origin only.
    void setCredentials(const HttpCredentials &credentials);
    /// TLS settings of every later https request: `caFile` (PEM, one or more certificates) is trusted in
    /// addition to the system CAs; `insecure` disables peer verification (a warning is logged). A client with
    /// such settings never shares connections with clients that trust differently. Failure (kind Usage,
    /// settings unchanged): the CA file cannot be read or holds no PEM certificate; the message names the
    /// file.
    [[nodiscard]] Result<void> setTls(const TlsConfig &tls);
    /// The User-Agent of later requests (default "Opsdeck/<version>").
    void setUserAgent(const QByteArray &userAgent);

    /// Sends `request` and returns its handle (never 0). `done` runs exactly once, later, on this object's
    /// thread — unless `context` (if not null) is destroyed first, which silently cancels the request. Any
    /// HTTP status that arrived is a success value (use HttpResponse::checkStatus()). Errors: Unreachable
    /// "METHOD URL: <cause>" for transport failures (refused, DNS, reset, TLS, "timed out after N ms" when no
    /// byte moved for timeoutMs or the attempt's deadline passed); Failed when something answered but not
    /// usably: "redirect to another origin refused" (credentials never follow one), "too many redirects",
    /// "response body larger than N bytes" (maxBodyBytes); Usage for a URL that is not http(s); Interrupted
    /// "METHOD URL: aborted" after abort(). URLs in messages are shown with displayUrl(). Requests that may be
    /// retried (see HttpRequest::effectiveMaxRetries()) are retried on transport failures (not TLS errors) and
    /// on 429/502/503/504 with exponential backoff and full jitter (base 200 ms, cap 5 s); a Retry-After of at
    /// most 30 s is honoured, a longer one ends the retries with that response. The body limit and a refused
    /// redirect are never retried.
    quint64 send(const HttpRequest &request, QObject *context, ResponseHandler done);
    /// Aborts a running request: its `done` runs before this returns, with Interrupted "METHOD URL: aborted".
    /// Unknown or finished handles are ignored.
    void abort(quint64 id);
    /// Aborts every running request (see abort()).
    void abortAll();
    /// Number of requests not finished yet.
    [[nodiscard]] int pendingCount() const;

    /// GET `url` (Accept: application/json), check the status and parse the body. `done` gets the document,
    /// or the first error (transport, checkStatus(), parseJson()), plus the response as far as it arrived.
    quint64 getJson(const QUrl &url, QObject *context, JsonHandler done, int timeoutMs = 10000);

private:
    struct Pending;
    /// Why this client aborted an attempt itself.
    enum class OwnAbort { None, Deadline, BodyLimit };
    void startAttempt(quint64 id);
    void onFinished(quint64 id);
    void abortOwn(quint64 id, QNetworkReply *reply, OwnAbort why);
    void complete(quint64 id, Result<HttpResponse> result);
    void dropSilently(quint64 id);

    QPointer<QNetworkAccessManager> m_nam;
    QByteArray m_authorization;
    QByteArray m_userAgent;
    QSslConfiguration m_ssl;
    bool m_tlsConfigured = false;
    quint64 m_nextId = 1;
    std::unordered_map<quint64, std::unique_ptr<Pending>> m_pending;
};

} // namespace Opsdeck::Core
