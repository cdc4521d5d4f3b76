#include "net/redisconnection.h"

#include "common/logging.h"
#include "net/redisqtadapter.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QMetaEnum>
#include <QtCore/QRandomGenerator>
#include <QtCore/QVarLengthArray>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QHostInfo>
#include <algorithm>
#include <csignal>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <limits>
#include <mutex>

namespace Opsdeck::Core {

namespace {

// Monotonic milliseconds; deadlines of requests are compared against it.
qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

// The command name as it may appear in messages: upper case, printable, bounded. Arguments never appear (they
// may be secrets: AUTH, CONFIG SET masterauth …).
QString commandName(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return QStringLiteral("(empty)");
    QByteArray name = args.constFirst().left(32).toUpper();
    for (char &ch : name) {
        if (static_cast<unsigned char>(ch) < 0x21 || static_cast<unsigned char>(ch) > 0x7e)
            ch = '?';
    }
    return QString::fromLatin1(name);
}

// Pub/sub and MONITOR switch the connection into push mode, where replies no longer pair with commands (and
// hiredis 0.14 asserts on what it then reads).
bool unsupportedCommand(const QList<QByteArray> &args)
{
    static const QByteArrayList names = {"SUBSCRIBE",    "PSUBSCRIBE",   "SSUBSCRIBE", "UNSUBSCRIBE",
                                         "PUNSUBSCRIBE", "SUNSUBSCRIBE", "MONITOR"};
    return !args.isEmpty() && names.contains(args.constFirst().toUpper());
}


RedisReply toReply(const redisReply *reply)
{
    RedisReply out;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            out.elements.append(toReply(reply->element[i]));
        break;
    case REDIS_REPLY_NIL:
    default:
        out.type = RedisReply::Type::Nil;
        break;
    }
    return out;
}

// hiredis writes with write(2): a peer that went away would kill the process with SIGPIPE. Ignore it the way
// Qt's own socket engine does, only when nobody installed a handler.
void ignoreSigpipe()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current = {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
            struct sigaction ignore = {};
            ignore.sa_handler = SIG_IGN;
            sigemptyset(&ignore.sa_mask);
            sigaction(SIGPIPE, &ignore, nullptr);
        }
    });
}

void *toPrivdata(quint64 id)
{
    return reinterpret_cast<void *>(static_cast<quintptr>(id));
}

const char *stateName(RedisConnection::State state)
{
    return QMetaEnum::fromType<RedisConnection::State>().valueToKey(int(state));
}

} // namespace

RedisConnection::RedisConnection(RedisOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_connectTimer(this), m_reconnectTimer(this),
      m_commandTimer(this)
{
    m_connectTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    m_commandTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_lookupId >= 0)
            connectionLost(tr("host name %1 not looked up within %2 ms")
                               .arg(m_options.host)
                               .arg(m_options.connectTimeoutMs));
        else if (m_ctx && !m_handshakeDone)
            connectionLost(tr("no connection within %1 ms").arg(m_options.connectTimeoutMs));
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Reconnecting && !m_ctx)
            startAttempt();
    });
    connect(&m_commandTimer, &QTimer::timeout, this, &RedisConnection::onCommandTimer);
}

RedisConnection::~RedisConnection()
{
    freeContext();
    failRequests(true, true, ErrorKind::Unreachable, tr("connection destroyed before the reply"));
}

void RedisConnection::open()
{
    if (m_state == State::Connecting || m_state == State::Connected || m_state == State::Reconnecting)
        return;
    ignoreSigpipe();
    m_errorString.clear();
    m_fatalError.reset();
    m_attempt = 0;
    QPointer<RedisConnection> self(this);
    setState(State::Connecting);
    if (!self || m_state != State::Connecting)
        return;
    startAttempt();
}

void RedisConnection::close()
{
    if (m_state == State::Closed)
        return;
    const bool wasUp = m_state == State::Connected && m_handshakeDone;
    m_connectTimer.stop();
    m_reconnectTimer.stop();
    freeContext();
    m_handshakeDone = false;
    failRequests(true, false, ErrorKind::Unreachable, tr("connection closed before the reply"));
    failRequests(false, true, ErrorKind::Unreachable, tr("connection closed before the command was sent"));
    m_commandTimer.stop();
    QPointer<RedisConnection> self(this);
    setState(State::Closed);
    if (!self || m_state != State::Closed)
        return;
    if (wasUp)
        Q_EMIT disconnected(connectionError(ErrorKind::Unreachable, tr("connection closed")));
}

RedisConnection::State RedisConnection::state() const
{
    return m_state;
}

QString RedisConnection::errorString() const
{
    return m_errorString;
}

QString RedisConnection::endpoint() const
{
    const QString host = m_options.host.contains(u':') ? u'[' + m_options.host + u']' : m_options.host;
    return QStringLiteral("redis://") + host + u':' + QString::number(m_options.port) + u'/' +
           QString::number(m_options.db);
}

void RedisConnection::command(const QList<QByteArray> &args, QObject *context,
                              std::function<void(Result<RedisReply>)> done)
{
    Request request;
    request.commands = {args};
    request.context = context ? context : this;
    request.single = std::move(done);
    if (args.isEmpty()) {
        fail(request, ErrorKind::Usage, tr("empty command"));
        return;
    }
    if (unsupportedCommand(args)) {
        fail(request, ErrorKind::Usage, tr("pub/sub and MONITOR need a connection of their own"));
        return;
    }
    enqueue(std::move(request));
}

void RedisConnection::pipeline(const QList<QList<QByteArray>> &commands, QObject *context,
                               std::function<void(Result<QList<RedisReply>>)> done)
{
    Request request;
    request.commands = commands;
    request.context = context ? context : this;
    request.isPipeline = true;
    request.multi = std::move(done);
    for (qsizetype i = 0; i < commands.size(); ++i) {
        if (commands.at(i).isEmpty()) {
            fail(request, ErrorKind::Usage, tr("command %1 is empty").arg(i + 1));
            return;
        }
        if (unsupportedCommand(commands.at(i))) {
            fail(request, ErrorKind::Usage,
                 tr("command %1 (%2): pub/sub and MONITOR need a connection of their own")
                     .arg(i + 1)
                     .arg(commandName(commands.at(i))));
            return;
        }
    }
    if (commands.isEmpty()) {
        complete(request, Result<QList<RedisReply>>(QList<RedisReply>{}));
        return;
    }
    enqueue(std::move(request));
}

void RedisConnection::enqueue(Request request)
{
    const auto count = int(request.commands.size());
    if (m_state == State::Disconnected || m_state == State::Closed) {
        // After refused credentials the caller learns the real reason (and the Auth exit code), not just
        // "not connected".
        const ErrorKind kind = m_fatalError ? m_fatalError->kind : ErrorKind::Unreachable;
        fail(request, kind, tr("not connected"), m_errorString);
        return;
    }
    if (m_options.commandTimeoutMs > 0)
        request.deadline = nowMs() + m_options.commandTimeoutMs;
    const quint64 id = m_nextId++;
    if (m_state == State::Connected && m_ctx && m_handshakeDone) {
        auto it = m_requests.emplace(id, std::move(request)).first;
        if (!sendRequest(id, it->second)) {
            fail(it->second, ErrorKind::Unreachable, tr("could not be sent (connection is closing)"));
            m_requests.erase(it);
            return;
        }
    } else {
        if (m_queuedCommands + count > MaxQueuedCommands) {
            fail(request, ErrorKind::Unreachable,
                 tr("not connected and %1 commands already queued").arg(m_queuedCommands), m_errorString);
            return;
        }
        m_queuedCommands += count;
        m_requests.emplace(id, std::move(request));
    }
    if (!m_commandTimer.isActive())
        armCommandTimer();
}

void RedisConnection::startAttempt()
{
    if (m_ctx || m_adapter || m_lookupId >= 0)
        freeContext();   // a previous attempt's leftovers (an adapter whose context hiredis already freed)
    m_handshake = {};
    m_handshakeDone = false;
    m_lostReason.reset();
    qCDebug(lcRedis).noquote() << endpoint() << "connecting, attempt" << (m_attempt + 1);
    if (m_options.connectTimeoutMs > 0)
        m_connectTimer.start(m_options.connectTimeoutMs);

    // hiredis would resolve a name with getaddrinfo() on this thread (the GUI's, say), blocking it for as long as
    // DNS takes, past every time limit. Qt looks it up on its resolver threads instead; an address needs no lookup.
    if (QHostAddress address; address.setAddress(m_options.host)) {
        connectTo(address.toString());
        return;
    }
    const int lookup = ++m_lookups;
    m_lookupId = QHostInfo::lookupHost(m_options.host, this,
                                       [this, lookup](const QHostInfo &info) { onHostLookedUp(lookup, info); });
}

void RedisConnection::onHostLookedUp(int lookup, const QHostInfo &info)
{
    if (lookup != m_lookups || m_lookupId < 0)
        return;   // closed, timed out or superseded meanwhile
    m_lookupId = -1;
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        m_lostReason = tr("cannot look up host name %1: %2")
                           .arg(m_options.host,
                                info.error() != QHostInfo::NoError ? info.errorString() : tr("no address"));
        scheduleProcessing();
        return;
    }
    // IPv4 first, as hiredis's own lookup does.
    const auto v4 = std::find_if(addresses.cbegin(), addresses.cend(), [](const QHostAddress &a) {
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    });
    connectTo((v4 != addresses.cend() ? *v4 : addresses.constFirst()).toString());
}

void RedisConnection::connectTo(const QString &address)
{
    const QByteArray host = address.toLatin1();
    redisAsyncContext *ctx = redisAsyncConnect(host.constData(), int(m_options.port));
    if (!ctx || ctx->err) {
        // Resolution and immediate socket errors surface here; they go the same way as later ones.
        m_lostReason = ctx ? QString::fromLocal8Bit(ctx->errstr) : tr("out of memory");
        if (ctx)
            redisAsyncFree(ctx);
        scheduleProcessing();
        return;
    }
    ctx->data = this;
    m_ctx = ctx;
    m_adapter = new RedisQtAdapter(
        ctx, [this](redisAsyncContext *gone) { contextGone(gone); }, this);
    // Sets the write watch hiredis uses to detect the end of connect(2): the hooks must be installed first.
    redisAsyncSetConnectCallback(ctx, &RedisConnection::onConnect);

    // AUTH and SELECT go out as soon as the socket is up (hiredis buffers them until then); user commands
    // wait for both replies so that nothing runs unauthenticated or on the wrong database.
    const auto send = [ctx](quint64 id, const QList<QByteArray> &args) {
        QVarLengthArray<const char *, 3> argv;
        QVarLengthArray<size_t, 3> lengths;
        for (const QByteArray &arg : args) {
            argv.append(arg.constData());
            lengths.append(size_t(arg.size()));
        }
        return redisAsyncCommandArgv(ctx, &RedisConnection::onReply, toPrivdata(id), int(argv.size()),
                                     argv.data(), lengths.data()) == REDIS_OK;
    };
    bool ok = true;
    if (!m_options.password.isEmpty()) {
        m_handshake.authId = m_nextId++;
        const QList<QByteArray> auth = m_options.user.isEmpty()
                                           ? QList<QByteArray>{"AUTH", m_options.password}
                                           : QList<QByteArray>{"AUTH", m_options.user, m_options.password};
        ok = send(m_handshake.authId, auth);
        ++m_handshake.remaining;
    }
    m_handshake.selectId = m_nextId++;
    ok = ok && send(m_handshake.selectId, {"SELECT", QByteArray::number(m_options.db)});
    ++m_handshake.remaining;
    if (!ok) {
        freeContext();
        m_lostReason = tr("could not queue the handshake");
        scheduleProcessing();
        return;
    }
}

bool RedisConnection::sendRequest(quint64 id, Request &request)
{
    for (const QList<QByteArray> &args : std::as_const(request.commands)) {
        QVarLengthArray<const char *, 8> argv;
        QVarLengthArray<size_t, 8> lengths;
        for (const QByteArray &arg : args) {
            argv.append(arg.constData());
            lengths.append(size_t(arg.size()));
        }
        if (redisAsyncCommandArgv(m_ctx, &RedisConnection::onReply, toPrivdata(id), int(argv.size()),
                                  argv.data(), lengths.data()) != REDIS_OK) {
            return false;
        }
    }
    request.sent = true;
    return true;
}

void RedisConnection::onConnect(const redisAsyncContext *ctx, int status)
{
    const auto *self = static_cast<const RedisConnection *>(ctx->data);
    if (!self)
        return;
    if (status == REDIS_OK)
        qCDebug(lcRedis).noquote() << self->endpoint() << "socket connected, authenticating";
    // A failed connect(2) ends in the adapter's cleanup hook (contextGone), which carries the error.
}

void RedisConnection::onReply(redisAsyncContext *ctx, void *reply, void *privdata)
{
    // A null reply means the context is being freed: whoever freed it (or contextGone → connectionLost) fails
    // what was in flight, with a better message than hiredis can give here.
    if (!reply)
        return;
    auto *self = static_cast<RedisConnection *>(ctx->data);
    if (!self)
        return;
    self->handleReply(static_cast<quint64>(reinterpret_cast<quintptr>(privdata)), reply);
}

void RedisConnection::handleReply(quint64 id, const void *rawReply)
{
    // Runs inside hiredis: only record and post, never free the context or call user code here.
    const RedisReply reply = toReply(static_cast<const redisReply *>(rawReply));
    if (id == m_handshake.authId || id == m_handshake.selectId) {
        handleHandshakeReply(id, reply);
        return;
    }
    const auto it = m_requests.find(id);
    if (it == m_requests.end() || !it->second.sent)
        return; // already failed (timeout); its late reply keeps the stream in step
    Request &request = it->second;
    if (request.isPipeline) {
        request.replies.append(reply);
        if (request.replies.size() < request.commands.size())
            return;
        complete(request, Result<QList<RedisReply>>(std::move(request.replies)));
    } else if (reply.isError()) {
        const QString message = endpoint() + QStringLiteral(": ") +
                                commandName(request.commands.constFirst()) + QStringLiteral(": ") +
                                QString::fromUtf8(reply.string);
        complete(request, Result<RedisReply>(Opsdeck::fail(kindForServerError(reply.string), message)));
    } else {
        complete(request, Result<RedisReply>(reply));
    }
    m_requests.erase(it);
}

void RedisConnection::handleHandshakeReply(quint64 id, const RedisReply &reply)
{
    if (reply.isError() && !m_handshake.failure) {
        const bool isAuth = id == m_handshake.authId;
        const ErrorKind kind = isAuth ? ErrorKind::Auth : kindForServerError(reply.string);
        const QString reason = (isAuth ? QStringLiteral("AUTH: ") : QStringLiteral("SELECT: ")) +
                               QString::fromUtf8(reply.string);
        m_handshake.failure = connectionError(kind, reason);
        m_handshake.failureReason = reason;
    }
    if (--m_handshake.remaining == 0)
        scheduleProcessing();
}

// NOAUTH: authentication required; WRONGPASS: refused credentials; NOPERM: the ACL user may not run this.
ErrorKind kindForServerError(const QByteArray &message)
{
    if (message.startsWith("NOAUTH") || message.startsWith("WRONGPASS") || message.startsWith("NOPERM"))
        return ErrorKind::Auth;
    return ErrorKind::Failed;
}

void RedisConnection::contextGone(redisAsyncContext *ctx)
{
    // Called from inside hiredis right before it frees ctx; contexts we free ourselves were detached first.
    if (ctx != m_ctx)
        return;
    m_ctx = nullptr;
    if (ctx->c.err == REDIS_ERR_PROTOCOL) {
        // Something answered, in another protocol (an HTTP server on the port, say): not "unreachable".
        m_lostKind = ErrorKind::Failed;
        m_lostReason = tr("not a Redis server: protocol error (%1)").arg(QString::fromLocal8Bit(ctx->c.errstr));
    } else {
        m_lostKind = ErrorKind::Unreachable;
        m_lostReason = ctx->c.err ? QString::fromLocal8Bit(ctx->c.errstr) : tr("connection closed");
    }
    scheduleProcessing();
}

void RedisConnection::scheduleProcessing()
{
    // Connection-level reactions (freeing, signals, reconnects) run from the event loop, never inside a
    // hiredis callback: hiredis forbids freeing its context there, and a slot might delete this object.
    if (m_processingScheduled)
        return;
    m_processingScheduled = true;
    QMetaObject::invokeMethod(this, &RedisConnection::processPending, Qt::QueuedConnection);
}

void RedisConnection::processPending()
{
    m_processingScheduled = false;
    const bool handshakeFinished = !m_handshakeDone && m_handshake.remaining == 0 && (m_ctx || m_lostReason);
    if (handshakeFinished && m_handshake.failure) {
        const Error error = *m_handshake.failure;
        const QString reason = m_handshake.failureReason;
        fatalClose(error, reason);
    } else if (m_lostReason) {
        const QString reason = *m_lostReason;
        const ErrorKind kind = m_lostKind;
        m_lostReason.reset();
        m_lostKind = ErrorKind::Unreachable;
        connectionLost(reason, kind);
    } else if (handshakeFinished && m_ctx) {
        finishHandshake();
    }
}

void RedisConnection::finishHandshake()
{
    m_connectTimer.stop();
    m_handshakeDone = true;
    m_attempt = 0;
    // Queued commands go out in issue order, behind nothing but each other.
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        Request &request = it->second;
        if (request.sent) {
            ++it;
            continue;
        }
        if (!sendRequest(it->first, request)) {
            fail(request, ErrorKind::Unreachable, tr("could not be sent (connection is closing)"));
            it = m_requests.erase(it);
            continue;
        }
        ++it;
    }
    m_queuedCommands = 0;
    QPointer<RedisConnection> self(this);
    setState(State::Connected);
    if (!self || m_state != State::Connected)
        return;
    Q_EMIT connected();
}

void RedisConnection::connectionLost(const QString &reason, ErrorKind kind)
{
    if (m_state == State::Closed || m_state == State::Disconnected)
        return;
    m_connectTimer.stop();
    const bool wasUp = m_handshakeDone;
    freeContext();
    m_handshakeDone = false;
    const Error error = connectionError(kind, wasUp ? tr("connection lost: %1").arg(reason)
                                                                      : tr("cannot connect: %1").arg(reason));
    m_errorString = error.message;
    // A failed first connect reaches the caller through disconnected(); only a lost connection is news.
    if (wasUp)
        qCWarning(lcRedis).noquote() << error.message;
    else
        qCInfo(lcRedis).noquote() << error.message;
    failRequests(true, false, kind, tr("connection lost before the reply (%1)").arg(reason));

    QPointer<RedisConnection> self(this);
    if (m_options.autoReconnect) {
        setState(State::Reconnecting);
        if (!self || m_state != State::Reconnecting)
            return;
        scheduleReconnect();
    } else {
        failRequests(false, true, kind, tr("not sent: %1").arg(error.message));
        m_commandTimer.stop();
        setState(State::Disconnected);
        if (!self || m_state != State::Disconnected)
            return;
    }
    Q_EMIT disconnected(error);
}

void RedisConnection::fatalClose(const Error &error, const QString &reason)
{
    m_connectTimer.stop();
    m_reconnectTimer.stop();
    freeContext();
    m_handshakeDone = false;
    m_fatalError = error;
    m_errorString = error.message;
    qCWarning(lcRedis).noquote() << error.message << "(not retrying)";
    failRequests(true, true, error.kind, tr("not sent: %1").arg(reason));
    m_commandTimer.stop();
    QPointer<RedisConnection> self(this);
    setState(State::Closed);
    if (!self || m_state != State::Closed)
        return;
    Q_EMIT disconnected(error);
}

void RedisConnection::freeContext()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (redisAsyncContext *ctx = m_ctx) {
        // Detach first: the null-reply callbacks and the cleanup hook that redisAsyncFree runs must see a
        // context that is no longer ours.
        m_ctx = nullptr;
        ctx->data = nullptr;
        redisAsyncFree(ctx);
    }
    // Never inside the adapter's own notifier callbacks: this runs from the event loop, close() or the
    // destructor only.
    delete m_adapter;
    m_adapter = nullptr;
    m_lostReason.reset();
    m_handshake = {};
}

void RedisConnection::failRequests(bool inFlight, bool queued, ErrorKind kind, const QString &reason,
                                   const QString &detail)
{
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        Request &request = it->second;
        if ((request.sent && inFlight) || (!request.sent && queued)) {
            if (!request.sent)
                m_queuedCommands -= int(request.commands.size());
            fail(request, kind, reason, detail);
            it = m_requests.erase(it);
        } else {
            ++it;
        }
    }
}

void RedisConnection::complete(Request &request, Result<RedisReply> result)
{
    QObject *target = request.context.data();
    if (!target || !request.single)
        return;
    // Through the event loop: the callback may call back into this object, close it or delete it.
    QMetaObject::invokeMethod(
        target, [done = std::move(request.single), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void RedisConnection::complete(Request &request, Result<QList<RedisReply>> result)
{
    QObject *target = request.context.data();
    if (!target || !request.multi)
        return;
    QMetaObject::invokeMethod(
        target, [done = std::move(request.multi), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void RedisConnection::fail(Request &request, ErrorKind kind, const QString &reason, const QString &detail)
{
    Error error{kind, endpoint() + QStringLiteral(": ") + describe(request) + QStringLiteral(": ") + reason,
                detail};
    if (request.isPipeline)
        complete(request, Result<QList<RedisReply>>(tl::unexpected<Error>(std::move(error))));
    else
        complete(request, Result<RedisReply>(tl::unexpected<Error>(std::move(error))));
}

void RedisConnection::onCommandTimer()
{
    const qint64 now = nowMs();
    bool unresponsive = false;
    while (!m_requests.empty()) {
        const auto it = m_requests.begin();
        Request &request = it->second;
        if (request.deadline == 0 || request.deadline > now)
            break;
        if (request.sent) {
            fail(request, ErrorKind::Unreachable,
                 tr("no reply within %1 ms").arg(m_options.commandTimeoutMs));
            unresponsive = true;
        } else {
            m_queuedCommands -= int(request.commands.size());
            fail(request, ErrorKind::Unreachable,
                 tr("not connected within %1 ms").arg(m_options.commandTimeoutMs), m_errorString);
        }
        m_requests.erase(it);
    }
    // Replies come in order: a server that did not answer one command in time holds up all later ones and may
    // be gone for good (half-open TCP). Drop the connection; the reconnect logic takes over.
    if (unresponsive && m_ctx && m_handshakeDone) {
        QPointer<RedisConnection> self(this);
        connectionLost(tr("no reply within %1 ms").arg(m_options.commandTimeoutMs));
        if (!self)
            return;
    }
    armCommandTimer();
}

void RedisConnection::armCommandTimer()
{
    // Deadlines ascend with ids (one timeout for all requests), so the first request is the next to expire.
    if (m_requests.empty() || m_requests.begin()->second.deadline == 0) {
        m_commandTimer.stop();
        return;
    }
    const qint64 wait = m_requests.begin()->second.deadline - nowMs();
    m_commandTimer.start(int(qBound<qint64>(0, wait, qint64(std::numeric_limits<int>::max()))));
}

void RedisConnection::scheduleReconnect()
{
    // Exponential backoff with "equal jitter": half the step is fixed, half random, so that many clients
    // cut off at once do not come back in lockstep.
    const qint64 initial = qMax(1, m_options.reconnectInitialMs);
    const qint64 maximum = qMax<qint64>(initial, m_options.reconnectMaxMs);
    const qint64 step = qMin(maximum, initial << qMin(m_attempt, 30));
    const qint64 delay = step / 2 + qint64(QRandomGenerator::global()->bounded(quint64(step / 2 + 1)));
    ++m_attempt;
    qCDebug(lcRedis).noquote() << endpoint() << "reconnecting in" << delay << "ms";
    m_reconnectTimer.start(int(delay));
}

void RedisConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcRedis).noquote() << endpoint() << "state" << stateName(state);
    Q_EMIT stateChanged(state);
}

QString RedisConnection::describe(const Request &request) const
{
    if (request.isPipeline)
        return tr("pipeline of %n command(s)", nullptr, int(request.commands.size()));
    return commandName(request.commands.isEmpty() ? QList<QByteArray>{} : request.commands.constFirst());
}

Error RedisConnection::connectionError(ErrorKind kind, const QString &reason) const
{
    return Error{kind, endpoint() + QStringLiteral(": ") + reason, {}};
}

} // namespace Opsdeck::Core
