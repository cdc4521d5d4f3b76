#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslSocket>
#include <functional>
#include <memory>
#include <optional>

namespace Opsdeck::Plugins::Http {

/// One HTTP/1.1 keep-alive connection with TCP_NODELAY, plain or over TLS: the `transport=direct` client.
///
/// It carries one request at a time (no pipelining). The request head and body go to the socket together, so
/// a body of any size leaves at once instead of waiting for the server's delayed ACK (Qt 6.4's HTTP/1 client
/// runs without TCP_NODELAY and writes bodies in 16 KB pieces, so a 40 KB body took 44 ms, over TLS too).
/// With TLS the request goes out once the handshake is done; certificate errors are not ignored (the
/// configuration given says what is trusted, and whether peers are verified at all). Replies may use Content-Length, chunked
/// transfer coding or end with the connection; interim 1xx replies are skipped. Lines of the reply head and of
/// the chunked coding may end with CRLF or a bare LF (RFC 9112 §2.2).
///
/// Every request carries a bound on its reply body: a declared Content-Length or chunk size beyond it, or a
/// body that grows past it, fails the request as soon as it is seen and closes the connection.
///
/// A request sent on a connection that had already served a reply and that the server closes before sending
/// a byte of the reply (an idle keep-alive connection the server dropped just then) is sent once more on a
/// new connection, as browsers and Qt do; any other early close is a transport error.
///
/// Lives on one thread; the callback runs on it, from inside the socket's signal handlers: it must not delete
/// this object there (abort() and deleteLater() are fine).
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    /// The outcome of one request.
    struct Reply
    {
        bool complete = false;    ///< a whole reply arrived (any status)
        bool unreachable = false; ///< when not complete: no connection could be made (refused, host not found)
        QString error;            ///< when not complete: what went wrong, for messages
        bool overBodyLimit = false; ///< when not complete: the body would have exceeded `maxBodyBytes`
        int status = 0;
        QString reason;
        QByteArray contentType;
        QByteArray body;
        bool reusable = false; ///< the connection may carry the next request (keep-alive, nothing left over)
    };
    using Callback = std::function<void(Reply)>;

    /// A connection to host:port, over TLS with `tls`; nothing is opened before the first send().
    HttpConnection(QString host, quint16 port, std::optional<QSslConfiguration> tls = std::nullopt);
    ~HttpConnection() override;
    Q_DISABLE_COPY_MOVE(HttpConnection)

    /// Sends `head` (request line, headers and the blank line) and then `body`, connecting first when the socket
    /// is not connected. `body` is not copied: it must stay valid until `done` has run or abort() was called.
    /// `done` runs exactly once, unless abort() or destruction comes first. A reply body (after any chunked
    /// coding is removed) longer than `maxBodyBytes` fails with Reply::overBodyLimit set.
    void send(QByteArray head, QByteArrayView body, qint64 maxBodyBytes, Callback done);
    /// Like send(), but when the socket is not connected it only takes the request; connectNow() then connects
    /// and sends it. HttpInstance opens the connections one event-loop turn asks for together (see there).
    void sendLater(QByteArray head, QByteArrayView body, qint64 maxBodyBytes, Callback done);
    /// Connects for the request sendLater() took; nothing when it was aborted or is already on its way.
    void connectNow();
    /// Closes the socket at once; a pending callback is dropped.
    void abort();
    /// True when a request is in progress.
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// True when the socket is connected to the server.
    [[nodiscard]] bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    /// True when the socket can carry a request: connected and, with TLS, encrypted.
    [[nodiscard]] bool isReady() const
    {
        return isConnected() && (!m_tls || static_cast<const QSslSocket *>(m_socket.get())->isEncrypted());
    }

private:
    enum class BodyMode
    {
        None,
        Length,
        Chunked,
        UntilClose
    };

    /// Takes the request and its callback; the connection is busy from here on.
    void take(QByteArray head, QByteArrayView body, qint64 maxBodyBytes, Callback done);
    void start(bool reconnect);
    void writeRequest();
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    /// Parses what has arrived; finishes the request when the reply is complete or malformed.
    void parse();
    bool parseHead();
    /// Chunked body: true when the last chunk and the trailers have arrived (or the coding is broken, then
    /// m_malformed is set).
    bool parseChunks();
    /// Marks the reply as failed for a body beyond m_maxBody (parse() then fails the request); returns false.
    bool overBodyLimit();
    void finish(Reply reply);
    void fail(bool unreachable, const QString &error, bool bodyLimit = false);
    void resetReplyState();

    std::unique_ptr<QTcpSocket> m_socket; // a QSslSocket with TLS
    bool m_tls = false;
    QString m_host;
    quint16 m_port = 0;
    QByteArray m_head;
    QByteArrayView m_body;
    qint64 m_maxBody = 0; // bound on the reply body of the current request
    Callback m_done;
    bool m_busy = false;
    bool m_retried = false;      // this request was already resent once on a new connection
    bool m_reusedSocket = false; // this request went out on a connection that had served a reply before
    int m_served = 0;            // replies completed on the current socket
    bool m_connected = false;    // the current socket got as far as a connection

    // Reply being read.
    QByteArray m_in;
    qsizetype m_headScan = 0; // before the head's end: where to resume looking for it in m_in
    bool m_headDone = false;
    int m_status = 0;
    QString m_reason;
    QByteArray m_contentType;
    bool m_keepAlive = true;
    BodyMode m_mode = BodyMode::None;
    qint64 m_length = 0;       // BodyMode::Length
    qsizetype m_bodyStart = 0; // offset of the body in m_in
    qsizetype m_chunkPos = 0;  // chunked: parse position in m_in
    QByteArray m_chunked;      // chunked: decoded body so far
    QString m_malformed;       // why the reply cannot be read
    bool m_overBodyLimit = false; // with m_malformed: the reason is the body bound
};

} // namespace Opsdeck::Plugins::Http
