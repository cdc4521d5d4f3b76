#pragma once

#include "common/error.h"
#include "net/redisreply.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QTimer>
#include <functional>
#include <map>
#include <optional>

struct redisAsyncContext;
class QHostInfo;

namespace Opsdeck::Core {

class RedisQtAdapter;

/// The kind of a Redis error reply: Auth for NOAUTH, WRONGPASS and NOPERM (the ACL user may not run the
/// command), Failed for every other.
[[nodiscard]] ErrorKind kindForServerError(const QByteArray &message);

/// Where and how RedisConnection connects.
struct RedisOptions
{
    /// An address or a name. A name is looked up on Qt's resolver threads (QHostInfo) within connectTimeoutMs,
    /// never on this connection's thread, and the first IPv4 address found is used (else the first address).
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    int db = 0;
    QByteArray user;              ///< ACL user (Redis 6+); empty = AUTH password only
    QByteArray password;          ///< resolved secret; never logged or put in messages
    int connectTimeoutMs = 5000;  ///< name lookup + TCP connect + AUTH + SELECT; <= 0 waits forever
    int commandTimeoutMs = 10000; ///< from command() to the reply; <= 0 waits forever (see command())
    /// First automatic reconnect delay; doubles per failed attempt up to reconnectMaxMs, with jitter.
    int reconnectInitialMs = 200;
    int reconnectMaxMs = 10000;
    bool autoReconnect = true;
};

/// One Redis connection driven by the Qt event loop (hiredis async API). Lives in, and must be used from, the
/// thread it belongs to. Pub/sub and MONITOR are not supported (they need a connection of their own).
class RedisConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisConnection)

public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        Closed
    };
    Q_ENUM(State)

    /// At most this many commands wait for a connection (see command()).
    static constexpr int MaxQueuedCommands = 10000;

    explicit RedisConnection(RedisOptions options, QObject *parent = nullptr);
    /// Frees the hiredis context. Callbacks still pending get an Unreachable error (delivered through the
    /// event loop to their context); no signal is emitted.
    ~RedisConnection() override;

    /// Connects, then sends AUTH [user] password (when a password is set) and SELECT db; emits connected()
    /// only after both succeeded. Returns at once; failures arrive as disconnected(). Does nothing while
    /// connecting, connected or reconnecting. Refused or lost connections are retried with backoff when
    /// autoReconnect is set; a refused AUTH or SELECT closes the connection for good (state Closed).
    void open();
    /// Drops the connection and stops reconnecting (state Closed). Commands in flight or queued fail with
    /// Unreachable; disconnected() is emitted when the connection was up. open() may be called again.
    void close();

    [[nodiscard]] State state() const;
    /// The last connection-level error ("redis://127.0.0.1:6379/0: cannot connect: Connection refused");
    /// empty when none happened since open().
    [[nodiscard]] QString errorString() const;
    /// "redis://host:port/db" — never credentials.
    [[nodiscard]] QString endpoint() const;

    /// Sends one command (args binary-safe, args[0] the command name). `done` runs exactly once, later
    /// through the event loop in `context`'s thread, unless `context` died first (null context: the
    /// connection itself). It gets the reply (Nil, Status, Integer, String or Array), or an Error: server
    /// error reply → Failed "redis://h:p/db: <CMD>: ERR …"; NOAUTH, WRONGPASS or NOPERM → Auth; not
    /// connected, connection lost before the reply, or no reply within commandTimeoutMs → Unreachable; empty
    /// args, SUBSCRIBE-family or MONITOR → Usage. Messages name the command, never its arguments. Commands
    /// issued while (re)connecting are queued (at most MaxQueuedCommands) and sent once connected. Commands
    /// in flight when the connection drops fail with Unreachable and are never re-sent (not every command is
    /// idempotent). A command without a reply within commandTimeoutMs also drops the connection (the server
    /// is taken to be unresponsive) and a reconnect follows: blocking commands (BLPOP …) must use a
    /// server-side timeout shorter than commandTimeoutMs.
    void command(const QList<QByteArray> &args, QObject *context,
                 std::function<void(Result<RedisReply>)> done);
    /// Pipelining: all commands are written before any reply is read; one callback with all replies in order.
    /// A server error for one command is an element of type Error, not a failure of the whole call. Fails as
    /// a whole only as command() does for the connection (not connected, lost, timeout, queue full) or for an
    /// empty or unsupported command in the list (Usage). An empty list succeeds with an empty list.
    void pipeline(const QList<QList<QByteArray>> &commands, QObject *context,
                  std::function<void(Result<QList<RedisReply>>)> done);

Q_SIGNALS:
    /// The connection is up, authenticated and on the configured database.
    void connected();
    /// The connection went down, a connection attempt failed (also before each automatic reconnect attempt),
    /// or close() ended a connection that was up. Kind Auth for refused credentials, Unreachable otherwise
    /// (Failed when the server refused SELECT, or when the peer is not a Redis server: "not a Redis server:
    /// protocol error (…)"; requests in flight then fail with Failed too).
    void disconnected(const Opsdeck::Error &error);
    void stateChanged(Opsdeck::Core::RedisConnection::State state);

private:
    struct Request
    {
        QList<QList<QByteArray>> commands;
        QPointer<QObject> context;
        bool isPipeline = false;
        bool sent = false;
        qint64 deadline = 0; ///< monotonic ms (QDeadlineTimer::current()); 0 = none
        QList<RedisReply> replies;
        std::function<void(Result<RedisReply>)> single;
        std::function<void(Result<QList<RedisReply>>)> multi;
    };
    struct Handshake
    {
        quint64 authId = 0;
        quint64 selectId = 0;
        int remaining = 0;
        std::optional<Error> failure;
        QString failureReason; ///< failure's message without the endpoint ("AUTH: WRONGPASS …")
    };

    static void onReply(redisAsyncContext *ctx, void *reply, void *privdata);
    static void onConnect(const redisAsyncContext *ctx, int status);

    void enqueue(Request request);
    void startAttempt();
    void onHostLookedUp(int lookup, const QHostInfo &info);
    void connectTo(const QString &address);
    bool sendRequest(quint64 id, Request &request);
    void handleReply(quint64 id, const void *reply);
    void handleHandshakeReply(quint64 id, const RedisReply &reply);
    void contextGone(redisAsyncContext *ctx);
    void scheduleProcessing();
    void processPending();
    void finishHandshake();
    void connectionLost(const QString &reason, ErrorKind kind = ErrorKind::Unreachable);
    void fatalClose(const Error &error, const QString &reason);
    void freeContext();
    void failRequests(bool inFlight, bool queued, ErrorKind kind, const QString &reason,
                      const QString &detail = {});
    static void complete(Request &request, Result<RedisReply> result);
    static void complete(Request &request, Result<QList<RedisReply>> result);
    void fail(Request &request, ErrorKind kind, const QString &reason, const QString &detail = {});
    void onCommandTimer();
    void armCommandTimer();
    void scheduleReconnect();
    void setState(State state);
    [[nodiscard]] QString describe(const Request &request) const;
    [[nodiscard]] Error connectionError(ErrorKind kind, const QString &reason) const;

    RedisOptions m_options;
    State m_state = State::Disconnected;
    QString m_errorString;
    std::optional<Error> m_fatalError; ///< why the connection closed for good (refused AUTH/SELECT)
    redisAsyncContext *m_ctx = nullptr;
    RedisQtAdapter *m_adapter = nullptr;
    int m_lookupId = -1;   ///< QHostInfo lookup in flight for this attempt, or -1
    int m_lookups = 0;     ///< lookups started; a result whose number is not the last is stale
    Handshake m_handshake;
    bool m_handshakeDone = false;
    std::optional<QString> m_lostReason;
    ErrorKind m_lostKind = ErrorKind::Unreachable; ///< Failed when the peer spoke another protocol
    bool m_processingScheduled = false;
    quint64 m_nextId = 1;
    std::map<quint64, Request> m_requests; ///< by id, i.e. in issue order (deadlines ascend with it)
    int m_queuedCommands = 0;
    int m_attempt = 0;
    // Children (parented in the constructor) so that moveToThread() takes them along.
    QTimer m_connectTimer;
    QTimer m_reconnectTimer;
    QTimer m_commandTimer;
};

} // namespace Opsdeck::Core
