#pragma once

#include "modelbackend.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QSslCertificate>
#include <optional>

namespace Opsdeck::Plugins::Http {

/// Translation context of every message the plugin produces.
struct HttpText
{
    Q_DECLARE_TR_FUNCTIONS(HttpBackend)
};

enum class Protocol
{
    Float32,
    Json
};
enum class Balance
{
    RoundRobin,
    LeastOutstanding
};
/// What carries the requests. The option `transport=auto` (the default) is Direct.
enum class Transport
{
    Qt,    ///< the host's QNetworkAccessManager (at most six connections per host and port; no TCP_NODELAY, so a
           ///< body over one segment waits for the server's delayed ACK: kept for comparison)
    Direct ///< the plugin's own HTTP/1.1 keep-alive client with TCP_NODELAY (http:// and https://, one
           ///< connection per request in flight)
};

/// Upper bound of the `inflight` option (requests in flight per endpoint).
inline constexpr int MaxInflightPerEndpoint = 64;
/// Qt's QNetworkAccessManager opens at most this many HTTP/1.1 connections per host and port (not
/// configurable in Qt 6.4); requests beyond it wait in the manager's queue.
inline constexpr int QtConnectionsPerHost = 6;

/// A reply head (status line and headers) larger than this fails the request: no scoring service sends one.
inline constexpr qsizetype MaxReplyHeadBytes = 64 * 1024;
/// The least bound on a reply body (replyBodyLimit()), whatever the batch: room for an error page or message.
inline constexpr qint64 MinReplyBodyLimit = 1024 * 1024;
/// protocol=json: reply bytes allowed per predicted value above MinReplyBodyLimit (a float printed in full with
/// indentation and separators takes under 40; the rest is room for other per-row fields).
inline constexpr qint64 JsonReplyBytesPerValue = 256;

/// The validated configuration of one `http` instance.
struct HttpConfig
{
    QList<QUrl> endpoints;
    Protocol protocol = Protocol::Float32;
    qsizetype features = 0; ///< 0 = any (json protocol only)
    qsizetype outputs = 1;
    Balance balance = Balance::RoundRobin;
    Transport transport = Transport::Qt;
    int inflight = 4;      ///< per endpoint
    int timeoutMs = 10000; ///< per request, from hand-over to the network layer to the last reply byte
    int retries = 0;       ///< extra attempts per batch; only transport errors, timeouts and 502/503/504
    QString jsonInstances = QStringLiteral("instances");
    QString jsonPredictions = QStringLiteral("predictions");
    QByteArray jsonMethod = QByteArrayLiteral("POST");
    /// Authorization header value set by the host from the profile or auth keys. Holds a secret: never
    /// logged, shown or put in a message.
    QByteArray authorization;
    QString caFile;                          ///< https: a PEM bundle trusted in addition to the system CAs
    QList<QSslCertificate> caCertificates;   ///< read from caFile
    bool insecure = false;                   ///< https: no certificate verification (only when asked)
};

/// Reads ModelConfig (endpoints, features, options) into an HttpConfig. Returns nullopt and sets `*error` to
/// a message starting with "http: " that names the option or endpoint at fault ("http: no endpoint given
/// (endpoint=URL)", "http: inflight=0 is out of range 1..64", "http: unknown option 'x' …").
[[nodiscard]] std::optional<HttpConfig> parseConfig(const Sdk::ModelConfig &config, QString *error);

/// The most bytes a reply body for a batch of `rows` rows may have; a longer one fails the request as soon as it
/// is seen, so that a faulty or hostile service cannot fill memory until the timeout. float32: the 4·m·k bytes
/// a valid reply has exactly (any other length fails anyway), at least MinReplyBodyLimit. json:
/// MinReplyBodyLimit + JsonReplyBytesPerValue·m·k.
[[nodiscard]] qint64 replyBodyLimit(const HttpConfig &config, qsizetype rows);

/// "float32" or "json".
[[nodiscard]] QString protocolName(Protocol protocol);
/// "round-robin" or "least-outstanding".
[[nodiscard]] QString balanceName(Balance balance);
/// "qt" or "direct".
[[nodiscard]] QString transportName(Transport transport);
/// URLs in messages, statistics and logs: Sdk::displayUrl (no user info, query values masked), as the host does.
using Sdk::displayUrl;

} // namespace Opsdeck::Plugins::Http
