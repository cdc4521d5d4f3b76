#include "httpfake.h"

#include "net/httpstatus.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QProcess>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <optional>

namespace Opsdeck::Test {
namespace {

constexpr qsizetype maxHeaderBytes = 64 * 1024;

QByteArray headerValue(const FakeHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool hasHeader(const FakeHeaders &headers, QByteArrayView name)
{
    for (const auto &entry : headers) {
        if (QByteArrayView(entry.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool containsToken(const QByteArray &value, QByteArrayView token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &part : parts) {
        if (QByteArrayView(part.trimmed()).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

enum class ParseState
{
    Incomplete,
    Complete,
    Bad
};

struct Parsed
{
    ParseState state = ParseState::Incomplete;
    FakeRequest request;
    qsizetype consumed = 0;
    bool expectsContinue = false; ///< headers complete, body outstanding, client waits for "100 Continue"
    int badStatus = 400;
};

// De-chunks a chunked body starting at `pos`; returns the position after the last CRLF, or nullopt when more
// bytes are needed. Sets `bad` on a malformed chunk header.
std::optional<qsizetype> dechunk(const QByteArray &buffer, qsizetype pos, QByteArray &body, bool &bad)
{
    while (true) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        QByteArray sizeField = buffer.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeField.indexOf(';'); semicolon >= 0)
            sizeField.truncate(semicolon);
        bool ok = false;
        const qlonglong size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            bad = true;
            return std::nullopt;
        }
        pos = lineEnd + 2;
        if (size == 0) {
            // Optional trailers, then an empty line.
            while (true) {
                const qsizetype end = buffer.indexOf("\r\n", pos);
                if (end < 0)
                    return std::nullopt;
                const bool empty = end == pos;
                pos = end + 2;
                if (empty)
                    return pos;
            }
        }
        if (buffer.size() < pos + size + 2)
            return std::nullopt;
        body += buffer.mid(pos, size);
        pos += size + 2;
    }
}

Parsed parseRequest(const QByteArray &buffer)
{
    Parsed result;
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > maxHeaderBytes) {
            result.state = ParseState::Bad;
            result.badStatus = 431;
        }
        return result;
    }
    QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty() ||
        !requestLine[2].startsWith("HTTP/1.")) {
        result.state = ParseState::Bad;
        return result;
    }
    FakeRequest &request = result.request;
    request.method = requestLine[0];
    request.target = requestLine[1];
    request.version = requestLine[2];
    QByteArray target = request.target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // Absolute form (as sent to proxies): keep the path and query only.
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            result.state = ParseState::Bad;
            return result;
        }
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const qsizetype bodyStart = headerEnd + 4;
    if (containsToken(headerValue(request.headers, "Transfer-Encoding"), "chunked")) {
        bool bad = false;
        QByteArray body;
        const auto end = dechunk(buffer, bodyStart, body, bad);
        if (bad) {
            result.state = ParseState::Bad;
            return result;
        }
        if (!end) {
            result.expectsContinue = headerValue(request.headers, "Expect").toLower() == "100-continue";
            return result;
        }
        request.body = body;
        result.consumed = *end;
        result.state = ParseState::Complete;
        return result;
    }

    qlonglong length = 0;
    if (hasHeader(request.headers, "Content-Length")) {
        bool ok = false;
        length = headerValue(request.headers, "Content-Length").toLongLong(&ok);
        if (!ok || length < 0) {
            result.state = ParseState::Bad;
            return result;
        }
    }
    if (buffer.size() - bodyStart < length) {
        result.expectsContinue = headerValue(request.headers, "Expect").toLower() == "100-continue";
        return result;
    }
    request.body = buffer.mid(bodyStart, length);
    result.consumed = bodyStart + length;
    result.state = ParseState::Complete;
    return result;
}

bool wantsKeepAlive(const FakeRequest &request)
{
    const QByteArray connection = headerValue(request.headers, "Connection");
    if (request.version == "HTTP/1.0")
        return containsToken(connection, "keep-alive");
    return !containsToken(connection, "close");
}

bool pathMatches(const QByteArray &pattern, const QByteArray &path)
{
    if (pattern.endsWith('*'))
        return path.startsWith(QByteArrayView(pattern).chopped(1));
    return path == pattern;
}

bool methodMatches(const QByteArray &pattern, const QByteArray &method)
{
    return pattern == "*" || QByteArrayView(pattern).compare(method, Qt::CaseInsensitive) == 0;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

QByteArray FakeRequest::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

bool FakeRequest::hasHeader(QByteArrayView name) const
{
    return Test::hasHeader(headers, name);
}

QUrlQuery FakeRequest::queryItems() const
{
    // '+' means a space in form-encoded query strings; QUrlQuery leaves it alone.
    QByteArray text = query;
    text.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(text));
}

QString FakeRequest::queryItem(const QString &key) const
{
    return queryItems().queryItemValue(key, QUrl::FullyDecoded);
}

QJsonDocument FakeRequest::json() const
{
    return QJsonDocument::fromJson(body);
}

FakeResponse FakeResponse::statusOnly(int status, const QByteArray &reason)
{
    FakeResponse response;
    response.status = status;
    response.reason = reason;
    return response;
}

FakeResponse FakeResponse::json(const QByteArray &json, int status)
{
    FakeResponse response;
    response.status = status;
    response.body = json;
    response.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    return response;
}

FakeResponse FakeResponse::json(const QJsonDocument &document, int status)
{
    return json(document.toJson(QJsonDocument::Compact), status);
}

FakeResponse FakeResponse::text(const QByteArray &text, int status)
{
    FakeResponse response;
    response.status = status;
    response.body = text;
    response.headers.append({QByteArray("Content-Type"), QByteArray("text/plain; charset=utf-8")});
    return response;
}

FakeResponse FakeResponse::withHeader(const QByteArray &name, const QByteArray &value) const
{
    FakeResponse copy = *this;
    copy.headers.append({name, value});
    return copy;
}

FakeResponse FakeResponse::withDelay(int ms) const
{
    FakeResponse copy = *this;
    copy.delayMs = ms;
    return copy;
}

FakeResponse FakeResponse::closingMidBody(int bytesSent) const
{
    FakeResponse copy = *this;
    copy.mode = Mode::CloseMidBody;
    copy.truncateAt = bytesSent;
    return copy;
}

FakeResponse FakeResponse::chunked(int chunkSize, int intervalMs) const
{
    FakeResponse copy = *this;
    copy.mode = Mode::Chunked;
    copy.chunkSize = chunkSize;
    copy.chunkIntervalMs = intervalMs;
    return copy;
}

// ---------------------------------------------------------------------------------------------------------------

struct HttpFake::Route
{
    QByteArray method;
    QByteArray path;
    QList<FakeResponse> sequence;
    qsizetype next = 0;
    FakeHandler handler;
};

/// One accepted connection: parses requests one after another and answers them in order.
class HttpFake::Connection final : public QObject
{
public:
    Connection(HttpFake *fake, QTcpSocket *socket, int serial)
        : QObject(fake), m_fake(fake), m_socket(socket), m_serial(serial)
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::process);
        connect(m_socket, &QTcpSocket::disconnected, this, &Connection::dispose);
    }

    ~Connection() override
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }

    void closeNow()
    {
        m_closing = true;
        m_socket->disconnectFromHost();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            dispose();
    }

private:
    void dispose()
    {
        if (m_disposed)
            return;
        m_disposed = true;
        m_fake->m_connections.removeOne(this);
        deleteLater();
    }

    void process()
    {
        if (m_closing)
            return;
        m_buffer += m_socket->readAll();
        if (m_busy)
            return;
        // Tolerate the empty lines some clients send between requests.
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        if (m_buffer.isEmpty())
            return;

        Parsed parsed = parseRequest(m_buffer);
        if (parsed.state == ParseState::Bad) {
            const int status = parsed.badStatus;
            m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + Core::httpReasonPhrase(status) +
                            "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            closeNow();
            return;
        }
        if (parsed.state == ParseState::Incomplete) {
            if (parsed.expectsContinue && !m_sentContinue) {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        m_buffer.remove(0, parsed.consumed);
        m_sentContinue = false;
        m_busy = true;

        FakeRequest request = std::move(parsed.request);
        request.connection = m_serial;
        const QPointer<Connection> self(this);
        m_fake->record(request);
        if (!self)
            return;
        const FakeResponse response = m_fake->respond(request);
        if (!self)
            return;
        const bool keepAlive = wantsKeepAlive(request);
        if (response.delayMs > 0)
            QTimer::singleShot(response.delayMs, this, [this, request, response, keepAlive] {
                answer(request, response, keepAlive);
            });
        else
            answer(request, response, keepAlive);
    }

    void answer(const FakeRequest &request, const FakeResponse &response, bool requestKeepAlive)
    {
        using Mode = FakeResponse::Mode;
        if (response.mode == Mode::NoResponse)
            return;
        if (response.mode == Mode::CloseWithoutResponse) {
            closeNow();
            return;
        }
        const bool keepAlive =
            requestKeepAlive && !response.closeConnection && response.mode != Mode::CloseMidBody;
        const bool headRequest = request.method == "HEAD";
        const bool bodyAllowed = statusHasBody(response.status);

        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                          (response.reason.isEmpty() ? Core::httpReasonPhrase(response.status) : response.reason) +
                          "\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        if (!Test::hasHeader(response.headers, "Server"))
            head += "Server: opsdeck-httpfake\r\n";
        if (response.mode == Mode::Chunked) {
            if (!Test::hasHeader(response.headers, "Transfer-Encoding"))
                head += "Transfer-Encoding: chunked\r\n";
        } else if (bodyAllowed && !Test::hasHeader(response.headers, "Content-Length")) {
            head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        }
        if (!keepAlive && !Test::hasHeader(response.headers, "Connection"))
            head += "Connection: close\r\n";
        head += "\r\n";
        m_socket->write(head);

        if (headRequest || !bodyAllowed) {
            finish(request, response.status, keepAlive);
            return;
        }
        switch (response.mode) {
        case Mode::Normal:
            m_socket->write(response.body);
            finish(request, response.status, keepAlive);
            return;
        case Mode::CloseMidBody: {
            const qsizetype sent = response.truncateAt < 0
                                       ? response.body.size() / 2
                                       : std::min<qsizetype>(response.truncateAt, response.body.size());
            m_socket->write(response.body.left(sent));
            m_socket->flush();
            closeNow();
            return;
        }
        case Mode::Chunked:
            sendChunk(request, response, 0, keepAlive);
            return;
        case Mode::CloseWithoutResponse:
        case Mode::NoResponse:
            return;
        }
    }

    void sendChunk(const FakeRequest &request, const FakeResponse &response, qsizetype offset, bool keepAlive)
    {
        if (offset < response.body.size()) {
            const qsizetype size = response.chunkSize > 0 ? std::min<qsizetype>(response.chunkSize,
                                                                                response.body.size() - offset)
                                                          : response.body.size() - offset;
            m_socket->write(QByteArray::number(size, 16) + "\r\n" + response.body.mid(offset, size) + "\r\n");
            const qsizetype next = offset + size;
            QTimer::singleShot(next < response.body.size() ? response.chunkIntervalMs : 0, this,
                               [this, request, response, next, keepAlive] {
                                   sendChunk(request, response, next, keepAlive);
                               });
            return;
        }
        m_socket->write("0\r\n\r\n");
        finish(request, response.status, keepAlive);
    }

    void finish(const FakeRequest &request, int status, bool keepAlive)
    {
        const QPointer<Connection> self(this);
        Q_EMIT m_fake->responseSent(request, status);
        if (!self)
            return;
        if (!keepAlive) {
            closeNow();
            return;
        }
        m_busy = false;
        // A pipelined request may already be buffered; readyRead will not fire again for it.
        if (!m_buffer.isEmpty())
            QMetaObject::invokeMethod(this, &Connection::process, Qt::QueuedConnection);
    }

    HttpFake *m_fake;
    QTcpSocket *m_socket;
    int m_serial;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_sentContinue = false;
    bool m_closing = false;
    bool m_disposed = false;
};

// ---------------------------------------------------------------------------------------------------------------

HttpFake::HttpFake(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Opsdeck::Test::FakeRequest>();
}

HttpFake::~HttpFake()
{
    // Connections refer back to this object: remove them while it is still whole.
    const QList<Connection *> connections = std::exchange(m_connections, {});
    qDeleteAll(connections);
    delete m_server;
}

bool HttpFake::listen()
{
    m_tls = false;
    return startListening(new QTcpServer(this));
}

bool HttpFake::listenTls(const QSslConfiguration &server)
{
    if (!QSslSocket::supportsSsl()) {
        m_error = QStringLiteral("TLS is not available (no TLS backend)");
        return false;
    }
    auto *sslServer = new QSslServer(this);
    sslServer->setSslConfiguration(server);
    m_tls = true;
    return startListening(sslServer);
}

bool HttpFake::startListening(QTcpServer *server)
{
    close();
    m_server = server;
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpFake::acceptPending);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = QStringLiteral("cannot listen on 127.0.0.1: ") + m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_error.clear();
    return true;
}

void HttpFake::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        m_connections.append(new Connection(this, socket, ++m_connectionSerial));
    }
}

QString HttpFake::errorString() const
{
    return m_error;
}

bool HttpFake::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpFake::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl HttpFake::url(const QByteArray &pathAndQuery) const
{
    const QString base =
        (m_tls ? QStringLiteral("https://127.0.0.1:") : QStringLiteral("http://127.0.0.1:")) +
        QString::number(port());
    return QUrl(base + QString::fromLatin1(pathAndQuery), QUrl::StrictMode);
}

void HttpFake::close()
{
    closeConnections();
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
}

void HttpFake::route(const QByteArray &method, const QByteArray &path, const FakeResponse &response)
{
    route(method, path, QList<FakeResponse>{response});
}

void HttpFake::route(const QByteArray &method, const QByteArray &path, const QList<FakeResponse> &sequence)
{
    removeRoute(method, path);
    auto route = std::make_unique<Route>();
    route->method = method;
    route->path = path;
    route->sequence = sequence.isEmpty() ? QList<FakeResponse>{FakeResponse{}} : sequence;
    m_routes.push_back(std::move(route));
}

void HttpFake::route(const QByteArray &method, const QByteArray &path, FakeHandler handler)
{
    removeRoute(method, path);
    auto route = std::make_unique<Route>();
    route->method = method;
    route->path = path;
    route->handler = std::move(handler);
    m_routes.push_back(std::move(route));
}

void HttpFake::removeRoute(const QByteArray &method, const QByteArray &path)
{
    std::erase_if(m_routes, [&](const std::unique_ptr<Route> &r) {
        return r->path == path && QByteArrayView(r->method).compare(method, Qt::CaseInsensitive) == 0;
    });
}

void HttpFake::clearRoutes()
{
    m_routes.clear();
}

void HttpFake::setFallback(FakeHandler handler)
{
    m_fallback = std::move(handler);
}

HttpFake::Route *HttpFake::findRoute(const QByteArray &method, const QByteArray &path)
{
    Route *best = nullptr;
    qsizetype bestScore = -1;
    for (const auto &route : m_routes) {
        if (!methodMatches(route->method, method) || !pathMatches(route->path, path))
            continue;
        // Exact paths beat every wildcard; longer wildcard prefixes beat shorter ones; then exact methods
        // win.
        const qsizetype pathScore = route->path.endsWith('*') ? route->path.size() : maxHeaderBytes * 2;
        const qsizetype score = pathScore * 2 + (route->method == "*" ? 0 : 1);
        if (score > bestScore) {
            best = route.get();
            bestScore = score;
        }
    }
    return best;
}

FakeResponse HttpFake::respond(const FakeRequest &request)
{
    Route *route = findRoute(request.method, request.path);
    if (!route) {
        if (m_fallback)
            return m_fallback(request);
        QJsonObject error;
        error.insert(QStringLiteral("error"),
                     QString(QStringLiteral("no route for ") + QString::fromLatin1(request.method) + u' ' +
                             QString::fromLatin1(request.path)));
        return FakeResponse::json(QJsonDocument(error), 404);
    }
    if (route->handler)
        return route->handler(request);
    const qsizetype index = std::min(route->next, route->sequence.size() - 1);
    if (route->next < route->sequence.size())
        ++route->next;
    return route->sequence.at(index);
}

void HttpFake::record(const FakeRequest &request)
{
    m_requests.append(request);
    m_requests.last().sequence = int(m_requests.size());
    Q_EMIT requestReceived(m_requests.last());
}

QList<FakeRequest> HttpFake::requests() const
{
    return m_requests;
}

QList<FakeRequest> HttpFake::requests(const QByteArray &method, const QByteArray &path) const
{
    QList<FakeRequest> matching;
    for (const FakeRequest &r : m_requests) {
        if (methodMatches(method, r.method) && pathMatches(path, r.path))
            matching.append(r);
    }
    return matching;
}

int HttpFake::requestCount() const
{
    return int(m_requests.size());
}

int HttpFake::requestCount(const QByteArray &method, const QByteArray &path) const
{
    return int(requests(method, path).size());
}

FakeRequest HttpFake::lastRequest() const
{
    return m_requests.isEmpty() ? FakeRequest{} : m_requests.last();
}

void HttpFake::clearRequests()
{
    m_requests.clear();
}

int HttpFake::connectionCount() const
{
    return m_connectionSerial;
}

int HttpFake::openConnectionCount() const
{
    return int(m_connections.size());
}

void HttpFake::closeConnections()
{
    const QList<Connection *> connections = m_connections;
    for (Connection *connection : connections)
        connection->closeNow();
}

// ---------------------------------------------------------------------------------------------------------------

FakeTls createSelfSignedTls(const QString &directory)
{
    FakeTls tls;
    if (!QSslSocket::supportsSsl()) {
        tls.error = QStringLiteral("Qt has no TLS backend here");
        return tls;
    }
    const QString openssl = QStringLiteral("/usr/bin/openssl");
    if (!QFile::exists(openssl)) {
        tls.error = QStringLiteral("%1 is missing (Debian package openssl)").arg(openssl);
        return tls;
    }
    const QDir dir(directory);
    tls.certificateFile = dir.filePath(QStringLiteral("fake-cert.pem"));
    tls.keyFile = dir.filePath(QStringLiteral("fake-key.pem"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"),
                   tls.keyFile, QStringLiteral("-out"), tls.certificateFile});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        tls.error = QStringLiteral("openssl req failed: ") +
                    QString::fromLocal8Bit(process.readAll()).trimmed() + process.errorString();
        return tls;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(tls.certificateFile, QSsl::Pem);
    QFile keyFile(tls.keyFile);
    if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
        tls.error = QStringLiteral("cannot read the generated certificate or key in ") + directory;
        return tls;
    }
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        tls.error = QStringLiteral("the generated key %1 cannot be loaded").arg(tls.keyFile);
        return tls;
    }
    tls.server = QSslConfiguration::defaultConfiguration();
    tls.server.setLocalCertificate(certificates.first());
    tls.server.setPrivateKey(key);
    tls.server.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

} // namespace Opsdeck::Test
