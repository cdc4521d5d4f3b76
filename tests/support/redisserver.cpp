#include "support/redisserver.h"

#include "support/freeport.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <csignal>
#include <sys/prctl.h>

namespace Opsdeck::Test {

namespace {

constexpr int StartTimeoutMs = 10000;
constexpr int StopTimeoutMs = 10000;
constexpr int PortAttempts = 5;

// redis.conf arguments are split like a shell line: quote and escape so any byte sequence stays one argument.
QByteArray quoted(const QByteArray &value)
{
    QByteArray out = "\"";
    for (const char ch : value) {
        if (ch == '"' || ch == '\\')
            out += '\\';
        out += ch;
    }
    out += '"';
    return out;
}

} // namespace

RedisServerProcess::RedisServerProcess(RedisServerOptions options) : m_options(std::move(options)) {}

RedisServerProcess::~RedisServerProcess()
{
    stop();
}

QString RedisServerProcess::executable()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(QStringLiteral("redis-server"), {QStringLiteral("/usr/bin")});
    return path;
}

bool RedisServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool RedisServerProcess::start()
{
    if (isRunning())
        return true;
    if (executable().isEmpty()) {
        m_errorString = QStringLiteral("redis-server not found on PATH or in /usr/bin");
        return false;
    }
    if (!m_dir.isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary folder: ") + m_dir.errorString();
        return false;
    }
    if (m_portFixed)
        return startOnce();
    for (int attempt = 0; attempt < PortAttempts; ++attempt) {
        m_port = Test::freeLoopbackPort();
        if (m_port == 0) {
            m_errorString = QStringLiteral("cannot find a free loopback port");
            return false;
        }
        if (startOnce()) {
            m_portFixed = true;
            return true;
        }
        if (!m_errorString.contains(QStringLiteral("Address already in use")))
            return false;
    }
    return false;
}

bool RedisServerProcess::stop()
{
    if (!m_process)
        return true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(StopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
        }
    }
    const bool stopped = m_process->state() == QProcess::NotRunning;
    if (stopped)
        m_process.reset();
    return stopped;
}

bool RedisServerProcess::restart()
{
    if (!stop()) {
        m_errorString = QStringLiteral("redis-server on port %1 did not stop").arg(m_port);
        return false;
    }
    return start();
}

bool RedisServerProcess::startOnce()
{
    if (!writeConfig())
        return false;
    QFile::remove(m_dir.filePath(QStringLiteral("redis.log")));
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(executable());
    m_process->setArguments({m_dir.filePath(QStringLiteral("redis.conf"))});
    m_process->setWorkingDirectory(m_dir.path());
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    // A test that crashes must not leave servers behind on the machine: the kernel stops the child then.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start();
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        m_errorString = QStringLiteral("cannot start %1: %2").arg(executable(), m_process->errorString());
        m_process.reset();
        return false;
    }
    if (!waitUntilReady()) {
        stop();
        return false;
    }
    return true;
}

bool RedisServerProcess::writeConfig()
{
    QByteArray config;
    config += "port " + QByteArray::number(m_port) + '\n';
    config += "bind 127.0.0.1\n";
    config += "save \"\"\n";
    config += "appendonly no\n";
    config += "daemonize no\n";
    config += "databases 16\n";
    config += "dir " + quoted(QFile::encodeName(m_dir.path())) + '\n';
    config += "logfile " + quoted(QFile::encodeName(m_dir.filePath(QStringLiteral("redis.log")))) + '\n';
    if (!m_options.password.isEmpty())
        config += "requirepass " + quoted(m_options.password) + '\n';
    if (!m_options.aclUser.isEmpty())
        config += "user " + quoted(m_options.aclUser) + " on " + quoted('>' + m_options.aclPassword) +
                  " ~* &* +@all" + (m_options.aclRules.isEmpty() ? QByteArray() : ' ' + m_options.aclRules) + '\n';
    QFile file(m_dir.filePath(QStringLiteral("redis.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config) != config.size()) {
        m_errorString = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool RedisServerProcess::waitUntilReady()
{
    // Accepting TCP is not enough (a server loading data answers -LOADING): wait for an answer to PING. Any
    // reply but -LOADING means the server is serving (-NOAUTH included).
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(0)) {
            m_errorString =
                QStringLiteral("redis-server exited with code %1 before accepting connections; log:\n%2")
                    .arg(m_process->exitCode())
                    .arg(logTail());
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            socket.write("PING\r\n");
            QByteArray answer;
            while (!answer.contains('\n') && socket.waitForReadyRead(500))
                answer += socket.readAll();
            if (!answer.isEmpty() && !answer.startsWith("-LOADING"))
                return true;
        }
        QThread::msleep(20);
    }
    m_errorString = QStringLiteral("redis-server on port %1 did not answer within %2 ms; log:\n%3")
                        .arg(m_port)
                        .arg(StartTimeoutMs)
                        .arg(logTail());
    return false;
}

QString RedisServerProcess::logTail() const
{
    QFile file(m_dir.filePath(QStringLiteral("redis.log")));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log)");
    const QByteArray log = file.readAll();
    return QString::fromLocal8Bit(log.right(4000));
}

} // namespace Opsdeck::Test
