#include "httpconnection.h"

#include "httpconfig.h"

#include <QtNetwork/QNetworkProxy>
#include <algorithm>
#include <limits>
#include <utility>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#include <sys/uio.h>
#endif

namespace Opsdeck::Plugins::Http {

namespace {

constexpr qsizetype MaxHeadBytes = MaxReplyHeadBytes;

// Case-insensitive comma-separated token list ("keep-alive, Upgrade") contains `token`.
bool hasToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = comma < 0 ? list : list.first(comma);
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
    return false;
}

bool isHeader(QByteArrayView name, QByteArrayView expected)
{
    return name.compare(expected, Qt::CaseInsensitive) == 0;
}

} // namespace

HttpConnection::HttpConnection(QString host, quint16 port, std::optional<QSslConfiguration> tls)
    : m_tls(tls.has_value()), m_host(std::move(host)), m_port(port)
{
    // A QSslSocket only for TLS: in plain mode it relays every read and write through a QTcpSocket of its own.
    if (tls) {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(*tls);
        connect(socket.get(), &QSslSocket::encrypted, this, &HttpConnection::writeRequest);
        m_socket = std::move(socket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
    }
    // Scoring endpoints are named directly; an application-wide proxy setting is not for them.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket.get(), &QTcpSocket::connected, this, [this] {
        m_connected = true;
        // Without it every body larger than one segment waits for the server's delayed ACK.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (!m_tls)
            writeRequest();
    });
    connect(m_socket.get(), &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket.get(), &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket.get(), &QTcpSocket::errorOccurred, this, &HttpConnection::onError);
}

HttpConnection::~HttpConnection()
{
    m_done = {};
    m_busy = false;
    disconnect(m_socket.get(), nullptr, this, nullptr);
    m_socket->abort();
}

void HttpConnection::send(QByteArray head, QByteArrayView body, qint64 maxBodyBytes, Callback done)
{
    take(std::move(head), body, maxBodyBytes, std::move(done));
    start(false);
}

void HttpConnection::sendLater(QByteArray head, QByteArrayView body, qint64 maxBodyBytes, Callback done)
{
    take(std::move(head), body, maxBodyBytes, std::move(done));
    if (isReady())
        start(false);
    else
        resetReplyState();
}

void HttpConnection::take(QByteArray head, QByteArrayView body, qint64 maxBodyBytes, Callback done)
{
    m_head = std::move(head);
    m_body = body;
    m_maxBody = maxBodyBytes;
    m_done = std::move(done);
    m_busy = true;
    m_retried = false;
}

void HttpConnection::connectNow()
{
    if (m_busy && m_socket->state() == QAbstractSocket::UnconnectedState)
        start(false);
}

void HttpConnection::abort()
{
    m_done = {};
    m_busy = false;
    m_socket->abort();
    m_served = 0;
    resetReplyState();
}

void HttpConnection::start(bool reconnect)
{
    resetReplyState();
    if (!reconnect && isReady()) {
        m_reusedSocket = m_served > 0;
        writeRequest();
        return;
    }
    m_socket->abort();
    m_served = 0;
    m_reusedSocket = false;
    m_connected = false;
    // Buffered: in Qt 6.4 an unbuffered QTcpSocket does not report a close by the server (no disconnected()),
    // which replies that end with the connection and dropped connections need.
    if (m_tls) // the host name is the name the certificate must carry
        static_cast<QSslSocket *>(m_socket.get())->connectToHostEncrypted(m_host, m_port);
    else
        m_socket->connectToHost(m_host, m_port);
}

void HttpConnection::writeRequest()
{
    if (!m_busy)
        return;
    qsizetype sent = 0;
    const qsizetype total = m_head.size() + m_body.size();
#if defined(Q_OS_UNIX)
    // Straight to the kernel when nothing is queued before it, head and body in one call and the body from the
    // caller's memory: QTcpSocket::write() would copy the body into its buffer and switch the socket's write
    // notifier on and off again, and each switch wakes the event loop (two extra turns per request). What the
    // kernel does not take now goes through QTcpSocket's buffer as usual.
    if (!m_tls && m_socket->bytesToWrite() == 0) {
        iovec parts[2] = {{const_cast<char *>(m_head.constData()), size_t(m_head.size())},
                          {const_cast<char *>(m_body.data()), size_t(m_body.size())}};
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = m_body.isEmpty() ? 1 : 2;
        const ssize_t n = ::sendmsg(int(m_socket->socketDescriptor()), &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            sent = qsizetype(n);
    }
#endif
    if (sent < total) {
        if (sent < m_head.size()) {
            m_socket->write(m_head.constData() + sent, m_head.size() - sent);
            sent = m_head.size();
        }
        const qsizetype bodySent = sent - m_head.size();
        if (bodySent < m_body.size())
            m_socket->write(m_body.data() + bodySent, m_body.size() - bodySent);
        m_socket->flush();
    }
}

void HttpConnection::resetReplyState()
{
    m_in.clear();
    m_headScan = 0;
    m_headDone = false;
    m_status = 0;
    m_reason.clear();
    m_contentType.clear();
    m_keepAlive = true;
    m_mode = BodyMode::None;
    m_length = 0;
    m_bodyStart = 0;
    m_chunkPos = 0;
    m_chunked.clear();
    m_malformed.clear();
    m_overBodyLimit = false;
}

void HttpConnection::onReadyRead()
{
    if (!m_busy) {
        // Bytes nobody asked for: the connection is out of step, do not reuse it.
        if (!m_socket->readAll().isEmpty())
            m_socket->abort();
        return;
    }
    // Usually the whole reply arrives at once: m_in then owns the bytes alone, and the reply's body can be
    // handed on without a copy (parse()).
    if (m_in.isEmpty())
        m_in = m_socket->readAll();
    else
        m_in += m_socket->readAll();
    parse();
}

void HttpConnection::parse()
{
    while (m_busy) {
        if (!m_headDone) {
            if (!parseHead()) {
                if (!m_malformed.isEmpty())
                    fail(false, m_malformed, m_overBodyLimit);
                return;
            }
            if (!m_headDone)
                continue; // an interim 1xx reply was skipped
        }
        Reply reply;
        switch (m_mode) {
        case BodyMode::None:
            reply.body.clear();
            break;
        case BodyMode::Length:
            if (qint64(m_in.size() - m_bodyStart) < m_length)
                return;
            if (m_bodyStart == 0 && m_in.size() == qsizetype(m_length)) {
                reply.body = std::exchange(m_in, {}); // the common case: exactly the body is left
            } else {
                reply.body = m_in.mid(m_bodyStart, qsizetype(m_length));
                m_in.remove(0, m_bodyStart + qsizetype(m_length));
            }
            break;
        case BodyMode::Chunked:
            if (!parseChunks()) {
                if (!m_malformed.isEmpty()) {
                    fail(false, m_malformed, m_overBodyLimit);
                } else if (m_chunkPos > 0) {
                    // Drop the chunks already decoded, so that the raw bytes kept are only the unfinished
                    // chunk (bounded by the body limit) and not the whole coded body with its framing.
                    // Removing from the front only moves QByteArray's begin.
                    m_in.remove(0, m_chunkPos);
                    m_chunkPos = 0;
                }
                return;
            }
            reply.body = std::move(m_chunked);
            m_in.remove(0, m_chunkPos);
            break;
        case BodyMode::UntilClose:
            if (qint64(m_in.size() - m_bodyStart) > m_maxBody) {
                overBodyLimit();
                fail(false, m_malformed, true);
            }
            return; // else onDisconnected() completes it
        }
        if (m_mode == BodyMode::None)
            m_in.remove(0, m_bodyStart);
        reply.complete = true;
        reply.status = m_status;
        reply.reason = m_reason;
        reply.contentType = m_contentType;
        // Anything after the reply would be an answer to a request never sent: the connection is out of step.
        reply.reusable = m_keepAlive && m_in.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState;
        finish(std::move(reply));
        return;
    }
}

bool HttpConnection::parseHead()
{
    // The head ends with an empty line. Lines end with CRLF, or with a bare LF, which RFC 9112 §2.2 lets a
    // recipient accept (Qt's client does): scanning from LF to LF finds the first empty line either way, where
    // looking for CRLF CRLF would hang on a bare-LF head or take a CRLF CRLF in its body for the head's end.
    // `lastLineEnd`: the LF ending the last header line; `end`: just past the empty line.
    qsizetype lastLineEnd = -1;
    qsizetype end = -1;
    for (qsizetype pos = m_headScan;;) {
        const qsizetype lf = m_in.indexOf('\n', pos);
        if (lf < 0) {
            m_headScan = m_in.size();
            break;
        }
        const qsizetype left = m_in.size() - lf - 1; // bytes after this LF
        if (left >= 1 && m_in.at(lf + 1) == '\n') {
            lastLineEnd = lf;
            end = lf + 2;
            break;
        }
        if (left >= 2 && m_in.at(lf + 1) == '\r' && m_in.at(lf + 2) == '\n') {
            lastLineEnd = lf;
            end = lf + 3;
            break;
        }
        if (left == 0 || (left == 1 && m_in.at(lf + 1) == '\r')) {
            m_headScan = lf; // the next line may be the empty one: look again when more has arrived
            break;
        }
        pos = lf + 1;
    }
    // The same bound whether the head arrived in one piece or in several.
    if ((end < 0 && m_in.size() > MaxHeadBytes) || lastLineEnd > MaxHeadBytes) {
        m_malformed = HttpText::tr("malformed reply: no end of the header block within %1 bytes").arg(MaxHeadBytes);
        return false;
    }
    if (end < 0)
        return false;
    // Views into m_in, read before the head leaves it: no copy per line or header (this runs once per reply).
    QByteArrayView lines(m_in.constData(), lastLineEnd);
    const auto nextLine = [&lines] {
        const qsizetype newline = lines.indexOf('\n');
        const QByteArrayView line = newline < 0 ? lines : lines.first(newline);
        lines = newline < 0 ? QByteArrayView() : lines.sliced(newline + 1);
        return line.trimmed();
    };
    const QByteArrayView statusLine = nextLine();
    // "HTTP/1.1 200 OK"
    const qsizetype firstSpace = statusLine.indexOf(' ');
    const QByteArrayView version = firstSpace > 0 ? statusLine.first(firstSpace) : QByteArrayView();
    const QByteArrayView afterVersion = firstSpace > 0 ? statusLine.sliced(firstSpace + 1) : QByteArrayView();
    bool statusOk = false;
    const int status = afterVersion.first(std::min<qsizetype>(3, afterVersion.size())).toInt(&statusOk);
    if (!version.startsWith("HTTP/1.") || !statusOk || status < 100 || status > 999) {
        m_malformed = HttpText::tr("malformed reply: the status line is '%1'")
                          .arg(QString::fromLatin1(statusLine.first(std::min<qsizetype>(80, statusLine.size()))));
        return false;
    }
    if (status >= 100 && status < 200 && status != 101) {
        m_in.remove(0, end);
        m_headScan = 0;
        return true; // interim reply (100 Continue, 103 Early Hints): the real one follows
    }

    m_status = status;
    m_reason = afterVersion.size() > 4 ? QString::fromLatin1(afterVersion.sliced(4).trimmed()) : QString();
    m_keepAlive = version != "HTTP/1.0";
    qint64 length = -1;
    bool chunked = false;
    while (!lines.isEmpty()) {
        const QByteArrayView line = nextLine();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (isHeader(name, "content-length")) {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (length >= 0 && n != length)) {
                m_malformed =
                    HttpText::tr("malformed reply: Content-Length '%1'").arg(QString::fromLatin1(value));
                return false;
            }
            length = n;
        } else if (isHeader(name, "transfer-encoding")) {
            chunked = hasToken(value, "chunked");
        } else if (isHeader(name, "connection")) {
            if (hasToken(value, "close"))
                m_keepAlive = false;
            else if (hasToken(value, "keep-alive"))
                m_keepAlive = true;
        } else if (isHeader(name, "content-type")) {
            m_contentType = value.toByteArray();
        }
    }
    // A declared length beyond the bound fails before a byte of the body is read.
    if (!chunked && length > m_maxBody && status != 204 && status != 304)
        return overBodyLimit();
    m_in.remove(0, end);
    m_headDone = true;
    m_bodyStart = 0;
    if (status == 204 || status == 304) {
        m_mode = BodyMode::None;
    } else if (chunked) {
        m_mode = BodyMode::Chunked;
        m_chunkPos = 0;
    } else if (length >= 0) {
        m_mode = BodyMode::Length;
        m_length = length;
    } else {
        m_mode = BodyMode::UntilClose;
        m_keepAlive = false;
    }
    return true;
}

bool HttpConnection::parseChunks()
{
    // Lines end with CRLF or a bare LF, as in the head (parseHead()). Lines are bounded like the head: without
    // their end the bytes would pile up until the timeout.
    while (true) {
        const qsizetype lineEnd = m_in.indexOf('\n', m_chunkPos);
        if (lineEnd < 0) {
            if (m_in.size() - m_chunkPos > MaxHeadBytes)
                m_malformed =
                    HttpText::tr("malformed reply: no end of a chunk-size line within %1 bytes").arg(MaxHeadBytes);
            return false;
        }
        QByteArray sizeText = m_in.mid(m_chunkPos, lineEnd - m_chunkPos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon); // chunk extensions
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > std::numeric_limits<int>::max()) {
            m_malformed = HttpText::tr("malformed reply: chunk size '%1'")
                              .arg(QString::fromLatin1(sizeText.trimmed().left(40)));
            return false;
        }
        // Fails on the chunk's size line, before its data arrives.
        if (size > m_maxBody - qint64(m_chunked.size()))
            return overBodyLimit();
        if (size == 0) {
            // Trailers, then an empty line.
            const qsizetype trailers = lineEnd + 1;
            qsizetype pos = trailers;
            while (true) {
                const qsizetype end = m_in.indexOf('\n', pos);
                if ((end < 0 ? m_in.size() : end) - trailers > MaxHeadBytes) {
                    m_malformed =
                        HttpText::tr("malformed reply: no end of the trailers within %1 bytes").arg(MaxHeadBytes);
                    return false;
                }
                if (end < 0)
                    return false;
                if (end == pos || (end == pos + 1 && m_in.at(pos) == '\r')) {
                    m_chunkPos = end + 1;
                    return true;
                }
                pos = end + 1;
            }
        }
        const qsizetype dataStart = lineEnd + 1;
        const qsizetype dataEnd = dataStart + qsizetype(size);
        if (m_in.size() <= dataEnd || (m_in.at(dataEnd) == '\r' && m_in.size() <= dataEnd + 1))
            return false;
        qsizetype next = -1;
        if (m_in.at(dataEnd) == '\n')
            next = dataEnd + 1;
        else if (m_in.at(dataEnd) == '\r' && m_in.at(dataEnd + 1) == '\n')
            next = dataEnd + 2;
        if (next < 0) {
            // The size line did not tell the truth: what follows would be read as the next size line.
            m_malformed = HttpText::tr("malformed reply: no line end after a chunk of %1 bytes").arg(size);
            return false;
        }
        m_chunked.append(m_in.constData() + dataStart, qsizetype(size));
        m_chunkPos = next;
    }
}

bool HttpConnection::overBodyLimit()
{
    m_overBodyLimit = true;
    m_malformed = HttpText::tr("reply body over %1 bytes").arg(m_maxBody);
    return false;
}

void HttpConnection::onDisconnected()
{
    if (!m_busy)
        return;
    if (m_headDone && m_mode == BodyMode::UntilClose) {
        m_in += m_socket->readAll();
        if (qint64(m_in.size() - m_bodyStart) > m_maxBody) {
            overBodyLimit();
            fail(false, m_malformed, true);
            return;
        }
        Reply reply;
        reply.complete = true;
        reply.status = m_status;
        reply.reason = m_reason;
        reply.contentType = m_contentType;
        reply.body = m_in.mid(m_bodyStart);
        reply.reusable = false;
        finish(std::move(reply));
        return;
    }
    if (m_reusedSocket && m_in.isEmpty() && !m_headDone && !m_retried) {
        // The server closed an idle keep-alive connection as the request went out: it never saw it. Reconnect
        // from the event loop, not from inside the socket's own signal.
        m_retried = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_busy)
                    start(true);
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_tls && !static_cast<QSslSocket *>(m_socket.get())->isEncrypted()) {
        // Closed before a TLS session was set up: no service could be talked to, as for any failed handshake.
        fail(true, HttpText::tr("TLS handshake failed: the server closed the connection"));
        return;
    }
    // The server accepted the connection and then dropped it: a failed request, not an unreachable service.
    fail(false, HttpText::tr("the server closed the connection before the reply was complete"));
}

void HttpConnection::onError(QAbstractSocket::SocketError error)
{
    // A close by the server is followed by disconnected(), which decides whether the reply was complete.
    if (error == QAbstractSocket::RemoteHostClosedError || !m_busy)
        return;
    // Unreachable when no connection was made at all (refused, host not found, connect timeout) or no TLS
    // session (a certificate not trusted, no common protocol), as with transport=qt.
    if (error == QAbstractSocket::SslHandshakeFailedError) {
        fail(true, HttpText::tr("TLS handshake failed: %1").arg(m_socket->errorString()));
        return;
    }
    fail(!m_connected, m_socket->errorString());
}

void HttpConnection::fail(bool unreachable, const QString &error, bool bodyLimit)
{
    Reply reply;
    reply.unreachable = unreachable;
    reply.error = error;
    reply.overBodyLimit = bodyLimit;
    // A connection that failed mid-reply is in an unknown state. Not busy any more first: abort() emits
    // disconnected() at once, and that must not report the request a second time.
    m_busy = false;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    m_served = 0;
    finish(std::move(reply));
}

void HttpConnection::finish(Reply reply)
{
    m_busy = false;
    if (reply.complete)
        ++m_served;
    m_head.clear();
    m_body = {};
    resetReplyState();
    Callback done = std::move(m_done);
    m_done = {};
    if (done)
        done(std::move(reply));
}

} // namespace Opsdeck::Plugins::Http
