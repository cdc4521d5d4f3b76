// opsdeck_qtclient: the least a client on Qt's event loop does per scoring request, a reference for the http
// plugin. C keep-alive connections (QTcpSocket, TCP_NODELAY), each sending the same body again as soon as its reply
// is complete: head and body in one sendmsg (as the plugin's direct transport sends them), replies read with
// readAll() and framed by Content-Length. No plugin, no load generator, no histogram.
//
//   opsdeck_qtclient URL BODY_FILE CONNECTIONS SECONDS ROWS_PER_REQUEST
//
// Prints one JSON object: requests, rows_per_s, user_us_per_request, sys_us_per_request (CPU time of the timed
// part only). Exit 0; 1 on a failed request (non-2xx, closed connection, malformed reply); 2 on bad arguments.
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpSocket>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace {

QByteArray g_head;
QByteArray g_body;
qint64 g_requests = 0;

[[noreturn]] void die(int code, const QByteArray &message)
{
    std::fprintf(stderr, "opsdeck_qtclient: %s\n", message.constData());
    std::exit(code);
}

double micros(const timeval &t)
{
    return double(t.tv_sec) * 1e6 + double(t.tv_usec);
}

class Connection
{
public:
    explicit Connection(const QUrl &url)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { onReadyRead(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [] { die(1, "the server closed a connection"); });
        m_socket.connectToHost(url.host(), quint16(url.port(80)));
        if (!m_socket.waitForConnected(5000))
            die(1, "cannot connect to " + url.toEncoded() + ": " + m_socket.errorString().toUtf8());
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    }

    void send()
    {
        iovec parts[2] = {{const_cast<char *>(g_head.constData()), size_t(g_head.size())},
                          {const_cast<char *>(g_body.constData()), size_t(g_body.size())}};
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = 2;
        const ssize_t n = ::sendmsg(int(m_socket.socketDescriptor()), &message, MSG_NOSIGNAL);
        if (n < 0)
            die(1, "sendmsg failed");
        const qsizetype sent = qsizetype(n);
        if (sent < g_head.size()) {
            m_socket.write(g_head.constData() + sent, g_head.size() - sent);
            m_socket.write(g_body);
        } else if (sent < g_head.size() + g_body.size()) {
            m_socket.write(g_body.constData() + (sent - g_head.size()), g_body.size() - (sent - g_head.size()));
        }
    }

private:
    void onReadyRead()
    {
        m_in += m_socket.readAll();
        while (true) {
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArrayView head(m_in.constData(), end);
            if (!head.startsWith("HTTP/1.1 2")) {
                const qsizetype eol = head.indexOf('\r');
                die(1, "failed request: " + head.first(eol < 0 ? head.size() : eol).toByteArray());
            }
            qsizetype length = -1;
            for (qsizetype pos = 0; pos < end;) {
                qsizetype next = head.indexOf("\r\n", pos);
                if (next < 0)
                    next = end;
                const QByteArrayView line = head.sliced(pos, next - pos);
                if (line.size() > 15 && line.first(15).compare("content-length:", Qt::CaseInsensitive) == 0)
                    length = line.sliced(15).trimmed().toLongLong();
                pos = next + 2;
            }
            if (length < 0)
                die(1, "a reply without Content-Length");
            if (m_in.size() < end + 4 + length)
                return;
            m_in.remove(0, end + 4 + length);
            ++g_requests;
            send();
        }
    }

    QTcpSocket m_socket;
    QByteArray m_in;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6)
        die(2, "usage: opsdeck_qtclient URL BODY_FILE CONNECTIONS SECONDS ROWS_PER_REQUEST");
    const QUrl url(args.at(1));
    bool ok[3] = {};
    const int connections = args.at(3).toInt(&ok[0]);
    const int seconds = args.at(4).toInt(&ok[1]);
    const int rowsPerRequest = args.at(5).toInt(&ok[2]);
    if (!url.isValid() || url.scheme() != u"http" || !ok[0] || !ok[1] || !ok[2] || connections < 1 || seconds < 1
        || rowsPerRequest < 1)
        die(2, "bad arguments (an http:// URL and three whole numbers ≥ 1)");
    QFile file(args.at(2));
    if (!file.open(QIODevice::ReadOnly))
        die(2, args.at(2).toUtf8() + ": " + file.errorString().toUtf8());
    g_body = file.readAll();
    const QByteArray hostPort = url.host().toUtf8() + ':' + QByteArray::number(url.port(80));
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    g_head = "PUT " + target + " HTTP/1.1\r\nHost: " + hostPort
             + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(g_body.size())
             + "\r\n\r\n";

    // Connected back to back before the clock starts, as the plugin and wrk open theirs.
    std::vector<std::unique_ptr<Connection>> all;
    for (int i = 0; i < connections; ++i)
        all.push_back(std::make_unique<Connection>(url));
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    QElapsedTimer clock;
    clock.start();
    for (auto &c : all)
        c->send();
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    const double n = double(std::max<qint64>(g_requests, 1));
    std::printf("{\"requests\": %lld, \"rows_per_s\": %.1f, \"user_us_per_request\": %.2f, "
                "\"sys_us_per_request\": %.2f}\n",
                static_cast<long long>(g_requests), double(g_requests) * rowsPerRequest / elapsed,
                (micros(after.ru_utime) - micros(before.ru_utime)) / n,
                (micros(after.ru_stime) - micros(before.ru_stime)) / n);
    // Replies still in flight are dropped with the process (closing the sockets would report them as failed).
    std::fflush(stdout);
    std::_Exit(0);
}
