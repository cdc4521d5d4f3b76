#include "support/scoringpeer.h"

#include "support/freeport.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QSysInfo>
#include <QtCore/QThread>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <unistd.h>

namespace Opsdeck::Test {

namespace {

constexpr int HealthTimeoutMs = 90000; // imports plus fitting the model on a busy 2-core machine
constexpr int StopTimeoutMs = 10000;
constexpr int RequestTimeoutMs = 30000;
constexpr int ReferenceTimeoutMs = 120000;
constexpr int PortAttempts = 3;
constexpr qsizetype LogTailBytes = 4000;

// Processes of the group that are still alive (zombies excluded: they hold no port and no CPU, and a reaper
// outside our control decides when they go). Reads /proc/<pid>/stat: "pid (comm) state ppid pgrp …".
int livingGroupMembers(qint64 group)
{
    int count = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool isPid = false;
        pid.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(u"/proc/" + pid + u"/stat");
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 3)
            continue;
        if (fields.at(2).toLongLong() == group && fields.at(0) != "Z" && fields.at(0) != "X")
            ++count;
    }
    return count;
}

// One HTTP/1.0 exchange on a blocking socket: the server closes the connection after the response, so the
// body is everything after the header block.
QByteArray blockingGet(quint16 port, const QString &path, int timeoutMs, int *status, QString *error)
{
    QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(int(qMax<qint64>(deadline.remainingTime(), 1)))) {
        *error = socket.errorString();
        return {};
    }
    socket.write("GET " + path.toUtf8() + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n");
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(qMax<qint64>(deadline.remainingTime(), 1))))
            response += socket.readAll();
    }
    response += socket.readAll();
    if (socket.state() == QAbstractSocket::ConnectedState) {
        *error = QStringLiteral("no complete response within %1 ms").arg(timeoutMs);
        return {};
    }
    const qsizetype headerEnd = response.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    if (headerEnd < 0 || statusLine.size() < 2) {
        *error = QStringLiteral("malformed HTTP response (%1 bytes)").arg(response.size());
        return {};
    }
    *status = statusLine.at(1).toInt();
    return response.mid(headerEnd + 4);
}

} // namespace

ScoringPeer::ScoringPeer(ScoringPeerOptions options) : m_options(options) {}

ScoringPeer::~ScoringPeer()
{
    stop();
}

QString ScoringPeer::python()
{
    return QStringLiteral("/usr/bin/python3");
}

QString ScoringPeer::peersDir()
{
    return QStringLiteral(OPSDECK_SOURCE_DIR "/tests/peers");
}

QString ScoringPeer::missingPrerequisites()
{
    static const QString missing = [] {
        if (!QFileInfo(python()).isExecutable())
            return QStringLiteral("%1 not found (Debian's python3 with flask, gunicorn, sklearn)")
                .arg(python());
        if (!QFileInfo::exists(peersDir() + u"/scoring_service.py"))
            return QStringLiteral("%1/scoring_service.py not found").arg(peersDir());
        QProcess probe;
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(python(),
                    {QStringLiteral("-c"), QStringLiteral("import flask, gunicorn, numpy, sklearn")});
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit ||
            probe.exitCode() != 0) {
            probe.kill();
            probe.waitForFinished(5000);
            return QStringLiteral("%1 cannot import flask, gunicorn, numpy and sklearn: %2")
                .arg(python(), QString::fromLocal8Bit(probe.readAll()).trimmed().section(u'\n', -1));
        }
        return QString();
    }();
    return missing;
}

bool ScoringPeer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl ScoringPeer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + pathAndQuery);
}

QString ScoringPeer::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("gunicorn.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QList<ScoringPeerRequest> ScoringPeer::requestLog() const
{
    QList<ScoringPeerRequest> requests;
    QFile file(m_dir.filePath(QStringLiteral("requests.log")));
    if (!file.open(QIODevice::ReadOnly))
        return requests;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 3)
            continue;
        requests.append(
            {QString::fromUtf8(fields.at(0)), QString::fromUtf8(fields.at(1)), fields.at(2).toUShort()});
    }
    return requests;
}

QString ScoringPeer::logTail() const
{
    const QString text = log();
    return text.size() > LogTailBytes ? text.right(LogTailBytes) : text;
}

bool ScoringPeer::start()
{
    if (isRunning())
        return true;
    if (const QString missing = missingPrerequisites(); !missing.isEmpty()) {
        m_errorString = missing;
        return false;
    }
    if (!m_dir.isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary folder: ") + m_dir.errorString();
        return false;
    }
    for (int attempt = 0; attempt < PortAttempts; ++attempt) {
        m_port = Test::freeLoopbackPort();
        if (m_port == 0) {
            m_errorString = QStringLiteral("cannot find a free loopback port");
            return false;
        }
        if (startOnce())
            return true;
        if (!m_errorString.contains(QStringLiteral("Connection in use")))
            return false;
    }
    return false;
}

bool ScoringPeer::startOnce()
{
    QFile::remove(m_dir.filePath(QStringLiteral("gunicorn.log")));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SCORING_FEATURES"), QString::number(m_options.features));
    env.insert(QStringLiteral("SCORING_SEED"), QString::number(m_options.seed));
    env.insert(QStringLiteral("SCORING_ROWS"), QString::number(m_options.rows));
    env.insert(QStringLiteral("SCORING_FAIL_EVERY"), QString::number(m_options.failEvery));
    if (!m_options.token.isEmpty())
        env.insert(QStringLiteral("SCORING_TOKEN"), QString::fromLatin1(m_options.token));
    else
        env.remove(QStringLiteral("SCORING_TOKEN"));
    if (m_options.logRequests)
        env.insert(QStringLiteral("SCORING_REQUEST_LOG"), m_dir.filePath(QStringLiteral("requests.log")));
    else
        env.remove(QStringLiteral("SCORING_REQUEST_LOG"));
    // No .pyc files in the source tree; one BLAS thread per worker (the machine is shared, and BLAS thread
    // pools do not survive gunicorn's fork reliably).
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("OPENBLAS_NUM_THREADS"), QStringLiteral("1"));
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    env.insert(QStringLiteral("MKL_NUM_THREADS"), QStringLiteral("1"));
    env.remove(QStringLiteral("PYTHONPATH"));
    env.remove(QStringLiteral("PYTHONHOME"));

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(python());
    // gthread workers keep connections alive (sync workers close after every response); --preload fits the
    // model once in the master and shares the SCORING_FAIL_EVERY counter with every forked worker.
    m_process->setArguments({
        QStringLiteral("-m"),
        QStringLiteral("gunicorn"),
        QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1:%1").arg(m_port),
        QStringLiteral("--workers"),
        QString::number(m_options.workers),
        QStringLiteral("--worker-class"),
        QStringLiteral("gthread"),
        QStringLiteral("--threads"),
        QString::number(m_options.threads),
        QStringLiteral("--keep-alive"),
        QStringLiteral("30"),
        QStringLiteral("--graceful-timeout"),
        QStringLiteral("3"),
        QStringLiteral("--timeout"),
        QStringLiteral("60"),
        QStringLiteral("--preload"),
        QStringLiteral("scoring_service:create_app()"),
    });
    m_process->setWorkingDirectory(peersDir());
    m_process->setProcessEnvironment(env);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("gunicorn.log")), QIODevice::Append);
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("gunicorn.log")), QIODevice::Append);
    m_process->setChildProcessModifier([] {
        // Own process group, so stop() reaches the workers too; and the master goes when the test dies, so a
        // crashed test leaves no server behind (the workers follow their master).
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    m_process->start();
    if (!m_process->waitForStarted(StopTimeoutMs)) {
        m_errorString = QStringLiteral("cannot start %1: %2").arg(python(), m_process->errorString());
        m_process.reset();
        return false;
    }
    m_processGroup = m_process->processId();
    if (!waitUntilHealthy()) {
        const QString why = m_errorString;
        stop();
        m_errorString = why;
        return false;
    }
    return true;
}

bool ScoringPeer::waitUntilHealthy()
{
    const QDeadlineTimer deadline(HealthTimeoutMs);
    QString lastError;
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_errorString = QStringLiteral("gunicorn on port %1 exited (code %2):\n%3")
                                .arg(m_port)
                                .arg(m_process->exitCode())
                                .arg(logTail());
            return false;
        }
        int status = 0;
        const QByteArray body = blockingGet(m_port, QStringLiteral("/health"), 2000, &status, &lastError);
        if (status == 200) {
            const QJsonObject health = QJsonDocument::fromJson(body).object();
            if (health.value(QStringLiteral("status")).toString() == QLatin1String("ok") &&
                health.value(QStringLiteral("features")).toInt() == m_options.features) {
                return true;
            }
            m_errorString =
                QStringLiteral("GET /health on port %1 answered %2").arg(m_port).arg(QString::fromUtf8(body));
            return false;
        }
        if (status != 0)
            lastError = QStringLiteral("HTTP %1").arg(status);
        m_process->waitForFinished(200);
    }
    m_errorString = QStringLiteral("gunicorn on port %1 did not answer GET /health within %2 ms (%3):\n%4")
                        .arg(m_port)
                        .arg(HealthTimeoutMs)
                        .arg(lastError, logTail());
    return false;
}

bool ScoringPeer::stop()
{
    if (!m_process)
        return true;
    const qint64 group = m_processGroup;
    if (group > 0)
        ::kill(pid_t(-group), SIGTERM);
    m_process->waitForFinished(StopTimeoutMs);
    QDeadlineTimer deadline(StopTimeoutMs);
    while (group > 0 && livingGroupMembers(group) > 0 && !deadline.hasExpired())
        QThread::msleep(50);
    if (group > 0 && livingGroupMembers(group) > 0) {
        ::kill(pid_t(-group), SIGKILL);
        m_process->waitForFinished(StopTimeoutMs);
        QThread::msleep(200);
    }
    const bool stopped =
        m_process->state() == QProcess::NotRunning && (group <= 0 || livingGroupMembers(group) == 0);
    if (stopped) {
        m_process.reset();
        m_processGroup = 0;
    } else {
        m_errorString = QStringLiteral("gunicorn process group %1 did not stop").arg(group);
    }
    return stopped;
}

QByteArray ScoringPeer::get(const QString &path, QString *error) const
{
    QString why;
    int status = 0;
    const QByteArray body = blockingGet(m_port, path, RequestTimeoutMs, &status, &why);
    if (status != 200) {
        if (error) {
            *error = status != 0 ? QStringLiteral("GET %1: HTTP %2 %3")
                                       .arg(url(path).toString())
                                       .arg(status)
                                       .arg(QString::fromUtf8(body.left(200)))
                                 : QStringLiteral("GET %1: %2").arg(url(path).toString(), why);
        }
        return {};
    }
    return body;
}

bool ScoringPeer::referenceScores(const ScoringPeerOptions &options, const std::vector<float> &input,
                                  std::vector<float> *scores, QString *error)
{
    const auto failed = [error](QString message) {
        if (error)
            *error = std::move(message);
        return false;
    };
    static_assert(QSysInfo::ByteOrder == QSysInfo::LittleEndian, "the input file is written as host floats");
    if (options.features <= 0 || input.size() % size_t(options.features) != 0)
        return failed(QStringLiteral("input size %1 is not a multiple of %2 features")
                          .arg(input.size())
                          .arg(options.features));
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(QStringLiteral("cannot create a temporary folder: ") + dir.errorString());
    const QString inputPath = dir.filePath(QStringLiteral("input.f32"));
    const QString outputPath = dir.filePath(QStringLiteral("scores.f32"));
    QFile inputFile(inputPath);
    const qint64 bytes = qint64(input.size() * sizeof(float));
    if (!inputFile.open(QIODevice::WriteOnly) ||
        inputFile.write(reinterpret_cast<const char *>(input.data()), bytes) != bytes) {
        return failed(QStringLiteral("%1: %2").arg(inputPath, inputFile.errorString()));
    }
    inputFile.close();

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("OPENBLAS_NUM_THREADS"), QStringLiteral("1"));
    env.remove(QStringLiteral("PYTHONPATH"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(peersDir());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python(),
                  {peersDir() + u"/reference_scores.py", QStringLiteral("--input"), inputPath,
                   QStringLiteral("--output"), outputPath, QStringLiteral("--features"),
                   QString::number(options.features), QStringLiteral("--seed"), QString::number(options.seed),
                   QStringLiteral("--rows"), QString::number(options.rows)});
    if (!process.waitForFinished(ReferenceTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return failed(
            QStringLiteral("reference_scores.py did not finish within %1 ms").arg(ReferenceTimeoutMs));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return failed(QStringLiteral("reference_scores.py failed (exit %1): %2")
                          .arg(process.exitCode())
                          .arg(QString::fromLocal8Bit(process.readAll()).trimmed()));
    }
    QFile outputFile(outputPath);
    if (!outputFile.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("%1: %2").arg(outputPath, outputFile.errorString()));
    const QByteArray data = outputFile.readAll();
    const size_t rows = input.size() / size_t(options.features);
    if (size_t(data.size()) != rows * sizeof(float))
        return failed(
            QStringLiteral("%1 has %2 bytes, expected %3").arg(outputPath).arg(data.size()).arg(rows * 4));
    scores->resize(rows);
    std::memcpy(scores->data(), data.constData(), size_t(data.size()));
    return true;
}

} // namespace Opsdeck::Test
