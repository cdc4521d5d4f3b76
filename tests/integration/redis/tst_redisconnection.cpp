#include "net/redisconnection.h"
#include "support/redisserver.h"

#include <QtCore/QPointer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <memory>
#include <optional>

using namespace Opsdeck;
using namespace Opsdeck::Core;
using Opsdeck::Test::RedisServerOptions;
using Opsdeck::Test::RedisServerProcess;

namespace {

// Long enough for a loaded CI machine running the suite under ASan; never a measure of speed.
constexpr int WaitMs = 20000;

const QByteArray Password = "pa ss\"word"; // space and quote: AUTH arguments are binary-safe
const QByteArray AclUser = "opsdeck";
const QByteArray AclPassword = "acl-secret";

RedisReply status(const QByteArray &text)
{
    return RedisReply{RedisReply::Type::Status, text, 0, {}};
}
RedisReply string(const QByteArray &text)
{
    return RedisReply{RedisReply::Type::String, text, 0, {}};
}
RedisReply integer(qint64 value)
{
    return RedisReply{RedisReply::Type::Integer, {}, value, {}};
}
RedisReply nil()
{
    return RedisReply{};
}
RedisReply array(QList<RedisReply> elements)
{
    return RedisReply{RedisReply::Type::Array, {}, 0, std::move(elements)};
}

QString show(const Result<RedisReply> &result)
{
    return result ? result->toDisplayString() : QStringLiteral("error: ") + result.error().message;
}

// The outcome of one command() call, filled in by its callback.
struct Pending
{
    std::optional<Result<RedisReply>> result;
    int calls = 0;
};

// Every disconnected() error a connection emitted.
struct Disconnects
{
    QList<Error> errors;
};

} // namespace

namespace Opsdeck::Core {
// Readable QCOMPARE failures.
char *toString(const RedisReply &reply)
{
    return QTest::toString(reply.toDisplayString());
}
} // namespace Opsdeck::Core

// Compares a command's result with an expected reply; an error result fails with its message.
#define COMPARE_REPLY(result, expected)                                                                      \
    do {                                                                                                     \
        const Result<RedisReply> actual_ = (result);                                                         \
        QVERIFY2(actual_.has_value(), qPrintable(show(actual_)));                                            \
        QCOMPARE(*actual_, (expected));                                                                      \
    } while (false)

class TestRedisConnection final : public QObject
{
    Q_OBJECT

private:
    RedisOptions options(quint16 port, int db = 0) const
    {
        RedisOptions o;
        o.port = port;
        o.db = db;
        o.password = Password;
        o.reconnectInitialMs = 20;
        o.reconnectMaxMs = 200;
        return o;
    }

    std::unique_ptr<RedisConnection> connectTo(RedisOptions o)
    {
        auto connection = std::make_unique<RedisConnection>(std::move(o));
        QSignalSpy connectedSpy(connection.get(), &RedisConnection::connected);
        connection->open();
        if (!QTest::qWaitFor([&] { return connectedSpy.count() > 0; }, WaitMs))
            qWarning() << "no connection:" << connection->errorString();
        return connection;
    }

    std::shared_ptr<Pending> send(RedisConnection &connection, const QList<QByteArray> &args,
                                  QObject *context = nullptr)
    {
        auto pending = std::make_shared<Pending>();
        connection.command(args, context ? context : this, [pending](Result<RedisReply> result) {
            ++pending->calls;
            pending->result = std::move(result);
        });
        return pending;
    }

    // Sends and waits; a missing callback becomes an error the caller's QCOMPARE shows.
    Result<RedisReply> run(RedisConnection &connection, const QList<QByteArray> &args)
    {
        const auto pending = send(connection, args);
        if (!QTest::qWaitFor([&] { return pending->result.has_value(); }, WaitMs))
            return fail(ErrorKind::Failed,
                        QStringLiteral("test: no callback for ") + QString::fromUtf8(args.at(0)));
        return *pending->result;
    }

    static std::shared_ptr<Disconnects> watch(RedisConnection &connection)
    {
        auto disconnects = std::make_shared<Disconnects>();
        QObject::connect(&connection, &RedisConnection::disconnected, &connection,
                         [disconnects](const Error &error) { disconnects->errors.append(error); });
        return disconnects;
    }

    // A port nobody listens on (taken from the kernel, then released).
    static quint16 deadPort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return 0;
        return server.serverPort();
    }

    std::unique_ptr<RedisServerProcess> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        if (RedisServerProcess::executable().isEmpty())
            QSKIP("redis-server is not installed (Debian package redis-server); tools/test installs it");
        m_server = std::make_unique<RedisServerProcess>(RedisServerOptions{Password, AclUser, AclPassword, {}});
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        auto admin = connectTo(options(m_server->port()));
        QCOMPARE(admin->state(), RedisConnection::State::Connected);
        COMPARE_REPLY(run(*admin, {"FLUSHALL"}), status("OK"));
    }

    void cleanupTestCase() { m_server.reset(); }

    void displayStrings_data()
    {
        QTest::addColumn<RedisReply>("reply");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nil") << nil() << QStringLiteral("(nil)");
        QTest::newRow("status") << status("OK") << QStringLiteral("OK");
        QTest::newRow("error") << RedisReply{RedisReply::Type::Error, "ERR wrong", 0, {}}
                               << QStringLiteral("(error) ERR wrong");
        QTest::newRow("integer") << integer(-42) << QStringLiteral("(integer) -42");
        QTest::newRow("string escaped")
            << string(QByteArray("a\"b\\c\n\x01\xff", 8)) << QStringLiteral("\"a\\\"b\\\\c\\n\\x01\\xff\"");
        QTest::newRow("empty array") << array({}) << QStringLiteral("(empty array)");
        QTest::newRow("nested array") << array({string("a"), array({integer(1), nil()}), string("z")})
                                      << QStringLiteral("1) \"a\"\n2) 1) (integer) 1\n   2) (nil)\n3) \"z\"");
    }

    void displayStrings()
    {
        QFETCH(RedisReply, reply);
        QFETCH(QString, expected);
        QCOMPARE(reply.toDisplayString(), expected);
        QCOMPARE(reply.isError(), reply.type == RedisReply::Type::Error);
    }

    void notOpened()
    {
        RedisConnection connection(options(m_server->port(), 3));
        QCOMPARE(connection.state(), RedisConnection::State::Disconnected);
        QCOMPARE(connection.endpoint(), QStringLiteral("redis://127.0.0.1:%1/3").arg(m_server->port()));
        const Result<RedisReply> result = run(connection, {"PING"});
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorKind::Unreachable);
        QCOMPARE(result.error().message,
                 QStringLiteral("redis://127.0.0.1:%1/3: PING: not connected").arg(m_server->port()));
    }

    void replyTypes()
    {
        auto connection = connectTo(options(m_server->port()));
        QCOMPARE(connection->state(), RedisConnection::State::Connected);
        RedisConnection &c = *connection;

        const QByteArray binary("va\0l\r\nue\xff", 10);
        COMPARE_REPLY(run(c, {"SET", "types:string", binary}), status("OK"));
        COMPARE_REPLY(run(c, {"GET", "types:string"}), string(binary));
        COMPARE_REPLY(run(c, {"GET", "types:missing"}), nil());
        COMPARE_REPLY(run(c, {"INCR", "types:counter"}), integer(1));
        COMPARE_REPLY(run(c, {"INCRBY", "types:counter", "41"}), integer(42));
        COMPARE_REPLY(run(c, {"LPUSH", "types:list", "a", "b", "c"}), integer(3));
        COMPARE_REPLY(run(c, {"LRANGE", "types:list", "0", "-1"}),
                      array({string("c"), string("b"), string("a")}));
        COMPARE_REPLY(run(c, {"LRANGE", "types:nolist", "0", "-1"}), array({}));
        COMPARE_REPLY(run(c, {"MGET", "types:counter", "types:missing"}), array({string("42"), nil()}));
        COMPARE_REPLY(run(c, {"ping"}), status("PONG"));

        const Result<RedisReply> wrongType = run(c, {"incr", "types:list"});
        QVERIFY(!wrongType);
        QCOMPARE(wrongType.error().kind, ErrorKind::Failed);
        QCOMPARE(wrongType.error().message,
                 QStringLiteral("redis://127.0.0.1:%1/0: INCR: WRONGTYPE Operation against a key holding the "
                                "wrong kind of value")
                     .arg(m_server->port()));
        const Result<RedisReply> notInteger = run(c, {"INCR", "types:string"});
        QVERIFY(!notInteger);
        QCOMPARE(notInteger.error().message,
                 QStringLiteral("redis://127.0.0.1:%1/0: INCR: ERR value is not an integer or out of range")
                     .arg(m_server->port()));
        // The connection is still usable after server errors.
        COMPARE_REPLY(run(c, {"GET", "types:counter"}), string("42"));
    }

    void usageErrors()
    {
        auto connection = connectTo(options(m_server->port()));
        const Result<RedisReply> empty = run(*connection, {});
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, ErrorKind::Usage);
        const Result<RedisReply> subscribe = run(*connection, {"subscribe", "channel"});
        QVERIFY(!subscribe);
        QCOMPARE(subscribe.error().kind, ErrorKind::Usage);
        QVERIFY(subscribe.error().message.contains(QStringLiteral("SUBSCRIBE")));
        COMPARE_REPLY(run(*connection, {"PING"}), status("PONG"));
    }

    void wrongPassword()
    {
        RedisOptions o = options(m_server->port());
        o.password = "not-the-password";
        RedisConnection connection(o);
        const auto disconnects = watch(connection);
        QList<RedisConnection::State> states;
        connect(&connection, &RedisConnection::stateChanged, this,
                [&states](RedisConnection::State s) { states.append(s); });
        connection.open();
        const auto queued = send(connection, {"GET", "some-key"});
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Closed, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);

        QCOMPARE(disconnects->errors.size(), 1);
        const Error error = disconnects->errors.constFirst();
        QCOMPARE(error.kind, ErrorKind::Auth);
        QVERIFY2(error.message.startsWith(
                     QStringLiteral("redis://127.0.0.1:%1/0: AUTH: WRONGPASS").arg(m_server->port())),
                 qPrintable(error.message));
        QVERIFY(!error.toString().contains(QStringLiteral("not-the-password")));
        QCOMPARE(connection.errorString(), error.message);

        QVERIFY(!*queued->result);
        QCOMPARE(queued->result->error().kind, ErrorKind::Auth);
        QVERIFY(queued->result->error().message.contains(QStringLiteral("WRONGPASS")));
        QVERIFY(!queued->result->error().message.contains(QStringLiteral("some-key")));

        // Bad credentials are final: no reconnect loop (the backoff here would retry within milliseconds).
        QTest::qWait(300);
        QCOMPARE(connection.state(), RedisConnection::State::Closed);
        QCOMPARE(disconnects->errors.size(), 1);
        QCOMPARE(states, (QList<RedisConnection::State>{RedisConnection::State::Connecting,
                                                        RedisConnection::State::Closed}));
        const Result<RedisReply> later = run(connection, {"PING"});
        QVERIFY(!later);
        QCOMPARE(later.error().kind, ErrorKind::Auth);
    }

    void missingPassword()
    {
        RedisOptions o = options(m_server->port());
        o.password.clear();
        RedisConnection connection(o);
        const auto disconnects = watch(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Closed, WaitMs);
        QCOMPARE(disconnects->errors.size(), 1);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Auth);
        QVERIFY2(disconnects->errors.constFirst().message.contains(QStringLiteral("SELECT: NOAUTH")),
                 qPrintable(disconnects->errors.constFirst().message));
    }

    void aclUser()
    {
        RedisOptions o = options(m_server->port());
        o.user = AclUser;
        o.password = AclPassword;
        auto connection = connectTo(o);
        QCOMPARE(connection->state(), RedisConnection::State::Connected);
        COMPARE_REPLY(run(*connection, {"ACL", "WHOAMI"}), string(AclUser));

        o.password = "wrong";
        RedisConnection refused(o);
        const auto disconnects = watch(refused);
        refused.open();
        QTRY_COMPARE_WITH_TIMEOUT(refused.state(), RedisConnection::State::Closed, WaitMs);
        QCOMPARE(disconnects->errors.size(), 1);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Auth);
        QVERIFY(!disconnects->errors.constFirst().message.contains(QStringLiteral("wrong")));
    }

    void selectDatabase()
    {
        auto db3 = connectTo(options(m_server->port(), 3));
        QCOMPARE(db3->state(), RedisConnection::State::Connected);
        COMPARE_REPLY(run(*db3, {"SET", "select:key", "in-db-3"}), status("OK"));

        auto db0 = connectTo(options(m_server->port(), 0));
        COMPARE_REPLY(run(*db0, {"GET", "select:key"}), nil());
        COMPARE_REPLY(run(*db0, {"EXISTS", "select:key"}), integer(0));

        auto other3 = connectTo(options(m_server->port(), 3));
        COMPARE_REPLY(run(*other3, {"GET", "select:key"}), string("in-db-3"));
        QVERIFY(run(*other3, {"CLIENT", "INFO"}).value_or(RedisReply{}).string.contains(" db=3 "));
    }

    void selectOutOfRange()
    {
        RedisConnection connection(options(m_server->port(), 99));
        const auto disconnects = watch(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Closed, WaitMs);
        QCOMPARE(disconnects->errors.size(), 1);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Failed);
        QCOMPARE(disconnects->errors.constFirst().message,
                 QStringLiteral("redis://127.0.0.1:%1/99: SELECT: ERR DB index is out of range")
                     .arg(m_server->port()));
    }

    void pipelineThousand()
    {
        auto connection = connectTo(options(m_server->port()));
        COMPARE_REPLY(run(*connection, {"SET", "pipe:text", "not a number"}), status("OK"));
        COMPARE_REPLY(run(*connection, {"DEL", "pipe:counter"}), integer(0));

        constexpr int Count = 1000;
        constexpr int Broken = 500;
        QList<QList<QByteArray>> commands;
        for (int i = 0; i < Count; ++i)
            commands.append(i == Broken ? QList<QByteArray>{"INCR", "pipe:text"}
                                        : QList<QByteArray>{"INCR", "pipe:counter"});
        std::optional<Result<QList<RedisReply>>> outcome;
        int calls = 0;
        connection->pipeline(commands, this, [&](Result<QList<RedisReply>> result) {
            ++calls;
            outcome = std::move(result);
        });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), WaitMs);
        QCOMPARE(calls, 1);
        QVERIFY2(outcome->has_value(), qPrintable(outcome->error().message));
        const QList<RedisReply> &replies = outcome->value();
        QCOMPARE(replies.size(), Count);
        qint64 expected = 0;
        for (int i = 0; i < Count; ++i) {
            if (i == Broken) {
                QCOMPARE(replies.at(i).type, RedisReply::Type::Error);
                QCOMPARE(replies.at(i).string, QByteArray("ERR value is not an integer or out of range"));
                continue;
            }
            QCOMPARE(replies.at(i), integer(++expected));
        }
        COMPARE_REPLY(run(*connection, {"GET", "pipe:counter"}), string(QByteArray::number(Count - 1)));
    }

    void pipelineEdgeCases()
    {
        auto connection = connectTo(options(m_server->port()));
        std::optional<Result<QList<RedisReply>>> empty;
        connection->pipeline({}, this, [&](Result<QList<RedisReply>> result) { empty = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(empty.has_value(), WaitMs);
        QVERIFY(empty->has_value());
        QVERIFY(empty->value().isEmpty());

        std::optional<Result<QList<RedisReply>>> invalid;
        connection->pipeline({{"PING"}, {}}, this,
                             [&](Result<QList<RedisReply>> result) { invalid = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(invalid.has_value(), WaitMs);
        QVERIFY(!invalid->has_value());
        QCOMPARE(invalid->error().kind, ErrorKind::Usage);

        // A pipeline issued before the connection is up waits for it like a command.
        RedisConnection later(options(m_server->port()));
        std::optional<Result<QList<RedisReply>>> queued;
        later.open();
        later.pipeline({{"SET", "pipe:queued", "1"}, {"GET", "pipe:queued"}}, this,
                       [&](Result<QList<RedisReply>> result) { queued = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(queued.has_value(), WaitMs);
        QVERIFY(queued->has_value());
        QCOMPARE(queued->value(), (QList<RedisReply>{status("OK"), string("1")}));
    }

    void connectionRefused()
    {
        const quint16 port = deadPort();
        QVERIFY(port != 0);
        RedisOptions o = options(port);
        o.commandTimeoutMs = 300;
        RedisConnection connection(o);
        const auto disconnects = watch(connection);
        connection.open();
        const auto queued = send(connection, {"PING"});
        // Each failed attempt reports, then the next one is scheduled.
        QTRY_VERIFY_WITH_TIMEOUT(disconnects->errors.size() >= 3, WaitMs);
        QCOMPARE(connection.state(), RedisConnection::State::Reconnecting);
        for (const Error &error : std::as_const(disconnects->errors)) {
            QCOMPARE(error.kind, ErrorKind::Unreachable);
            QCOMPARE(error.message,
                     QStringLiteral("redis://127.0.0.1:%1/0: cannot connect: Connection refused").arg(port));
        }
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);
        QVERIFY(!*queued->result);
        QCOMPARE(queued->result->error().kind, ErrorKind::Unreachable);
        QCOMPARE(queued->result->error().message,
                 QStringLiteral("redis://127.0.0.1:%1/0: PING: not connected within 300 ms").arg(port));
        QCOMPARE(queued->result->error().detail, connection.errorString());
        connection.close();
        QCOMPARE(connection.state(), RedisConnection::State::Closed);
        const qsizetype reported = disconnects->errors.size();
        QTest::qWait(300);
        QCOMPARE(disconnects->errors.size(), reported);
    }

    void connectionRefusedWithoutReconnect()
    {
        const quint16 port = deadPort();
        RedisOptions o = options(port);
        o.autoReconnect = false;
        RedisConnection connection(o);
        const auto disconnects = watch(connection);
        connection.open();
        const auto queued = send(connection, {"GET", "k"});
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Disconnected, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);
        QCOMPARE(queued->result->error().kind, ErrorKind::Unreachable);
        QCOMPARE(disconnects->errors.size(), 1);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Unreachable);
        // A later open() tries again.
        connection.open();
        QCOMPARE(connection.state(), RedisConnection::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Disconnected, WaitMs);
        QCOMPARE(disconnects->errors.size(), 2);
    }

    void connectTimeout()
    {
        // Accepts TCP, never answers: AUTH and SELECT get no reply.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        RedisOptions o = options(silent.serverPort());
        o.connectTimeoutMs = 300;
        o.autoReconnect = false;
        RedisConnection connection(o);
        const auto disconnects = watch(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Disconnected, WaitMs);
        QCOMPARE(disconnects->errors.size(), 1);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Unreachable);
        QCOMPARE(disconnects->errors.constFirst().message,
                 QStringLiteral("redis://127.0.0.1:%1/0: cannot connect: no connection within 300 ms")
                     .arg(silent.serverPort()));
    }

    // An HTTP server on the port answers the first command with "HTTP/1.1 400 …": something answered, in
    // another protocol. Failed (not Unreachable), and the message says what it is.
    void notARedisServer_data()
    {
        QTest::addColumn<bool>("withPassword");
        QTest::newRow("during AUTH") << true;
        QTest::newRow("a command, no handshake") << false;
    }

    void notARedisServer()
    {
        QFETCH(bool, withPassword);
        QTcpServer http;
        QVERIFY(http.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&http, &QTcpServer::newConnection, &http, [&http] {
            while (QTcpSocket *socket = http.nextPendingConnection()) {
                socket->setParent(&http);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                });
            }
        });
        RedisOptions o = options(http.serverPort());
        if (!withPassword)
            o.password.clear();
        o.autoReconnect = false;
        RedisConnection connection(o);
        const auto disconnects = watch(connection);
        connection.open();
        const auto queued = send(connection, {"PING"});
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);
        QVERIFY(!*queued->result);
        QCOMPARE(queued->result->error().kind, ErrorKind::Failed);
        QVERIFY2(queued->result->error().message.contains(u"not a Redis server: protocol error"),
                 qPrintable(queued->result->error().message));
        QTRY_COMPARE_WITH_TIMEOUT(disconnects->errors.size(), 1, WaitMs);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Failed);
        QVERIFY2(disconnects->errors.constFirst().message.contains(u"not a Redis server: protocol error"),
                 qPrintable(disconnects->errors.constFirst().message));
    }

    void commandTimeout()
    {
        RedisOptions o = options(m_server->port());
        o.commandTimeoutMs = 1000;
        auto connection = connectTo(o);
        QSignalSpy connectedSpy(connection.get(), &RedisConnection::connected);
        const auto disconnects = watch(*connection);
        const auto blocked = send(*connection, {"BLPOP", "timeout:never", "0"});
        QTRY_VERIFY_WITH_TIMEOUT(blocked->result.has_value(), WaitMs);
        QVERIFY(!*blocked->result);
        QCOMPARE(blocked->result->error().kind, ErrorKind::Unreachable);
        QCOMPARE(
            blocked->result->error().message,
            QStringLiteral("redis://127.0.0.1:%1/0: BLPOP: no reply within 1000 ms").arg(m_server->port()));
        QCOMPARE(disconnects->errors.size(), 1);
        QVERIFY(disconnects->errors.constFirst().message.contains(QStringLiteral("no reply within 1000 ms")));
        // The unresponsive connection was replaced by a new one.
        QTRY_COMPARE_WITH_TIMEOUT(connectedSpy.count(), 1, WaitMs);
        COMPARE_REPLY(run(*connection, {"PING"}), status("PONG"));
        QCOMPARE(blocked->calls, 1);
    }

    void serverRestart()
    {
        RedisServerProcess server(RedisServerOptions{Password, {}, {}, {}});
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const quint16 port = server.port();
        auto connection = connectTo(options(port));
        QCOMPARE(connection->state(), RedisConnection::State::Connected);
        QSignalSpy connectedSpy(connection.get(), &RedisConnection::connected);
        const auto disconnects = watch(*connection);
        COMPARE_REPLY(run(*connection, {"SET", "restart:before", "1"}), status("OK"));

        // Two commands the server holds (in flight) when it goes away.
        const auto blocked1 = send(*connection, {"BLPOP", "restart:list", "0"});
        const auto blocked2 = send(*connection, {"BRPOP", "restart:list", "0"});
        {
            RedisOptions probeOptions = options(port);
            probeOptions.autoReconnect = false;
            auto probe = connectTo(probeOptions);
            QTRY_VERIFY_WITH_TIMEOUT(
                run(*probe, {"INFO", "clients"}).value_or(RedisReply{}).string.contains("blocked_clients:1"),
                WaitMs);
        }
        QVERIFY(!blocked1->result.has_value());
        QVERIFY(server.stop());

        QTRY_VERIFY_WITH_TIMEOUT(blocked1->result.has_value() && blocked2->result.has_value(), WaitMs);
        for (const auto &blocked : {blocked1, blocked2}) {
            QVERIFY(!*blocked->result);
            QCOMPARE(blocked->result->error().kind, ErrorKind::Unreachable);
            QVERIFY2(
                blocked->result->error().message.contains(QStringLiteral("connection lost before the reply")),
                qPrintable(blocked->result->error().message));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!disconnects->errors.isEmpty(), WaitMs);
        QCOMPARE(disconnects->errors.constFirst().kind, ErrorKind::Unreachable);
        QVERIFY(disconnects->errors.constFirst().message.contains(QStringLiteral("connection lost")));
        QCOMPARE(connection->state(), RedisConnection::State::Reconnecting);

        // Issued while the server is down: queued, sent after the reconnect.
        const auto queued = send(*connection, {"SET", "restart:after", "2"});
        QTRY_VERIFY_WITH_TIMEOUT(disconnects->errors.size() >= 2, WaitMs); // failed reconnect attempts
        QVERIFY(!queued->result.has_value());

        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QCOMPARE(server.port(), port);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), RedisConnection::State::Connected, WaitMs);
        QCOMPARE(connectedSpy.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);
        COMPARE_REPLY(*queued->result, status("OK"));
        COMPARE_REPLY(run(*connection, {"GET", "restart:after"}), string("2"));
        COMPARE_REPLY(run(*connection, {"GET", "restart:before"}), nil()); // no persistence: a new server
        QCOMPARE(blocked1->calls, 1);
        QCOMPARE(blocked2->calls, 1);
    }

    void closeWhileConnecting()
    {
        RedisConnection connection(options(m_server->port()));
        QSignalSpy connectedSpy(&connection, &RedisConnection::connected);
        const auto disconnects = watch(connection);
        connection.open();
        QCOMPARE(connection.state(), RedisConnection::State::Connecting);
        const auto queued = send(connection, {"SET", "close:key", "x"});
        connection.close();
        QCOMPARE(connection.state(), RedisConnection::State::Closed);
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);
        QCOMPARE(queued->result->error().kind, ErrorKind::Unreachable);
        QCOMPARE(queued->result->error().message,
                 QStringLiteral("redis://127.0.0.1:%1/0: SET: connection closed before the command was sent")
                     .arg(m_server->port()));
        QTest::qWait(200);
        QCOMPARE(connectedSpy.count(), 0);
        QVERIFY(disconnects->errors.isEmpty());

        // Closed during the handshake against a server that never answers, then reopened elsewhere.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        RedisConnection handshaking(options(silent.serverPort()));
        handshaking.open();
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), WaitMs);
        handshaking.close();
        QCOMPARE(handshaking.state(), RedisConnection::State::Closed);

        // The same object connects again after close().
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::Connected, WaitMs);
        COMPARE_REPLY(run(connection, {"PING"}), status("PONG"));
        const auto disconnectsBefore = disconnects->errors.size();
        connection.close();
        QCOMPARE(disconnects->errors.size(), disconnectsBefore + 1); // a connection that was up reports
    }

    void destroyWithPendingCallbacks()
    {
        auto connection = connectTo(options(m_server->port()));
        QCOMPARE(connection->state(), RedisConnection::State::Connected);
        const auto inFlight = send(*connection, {"BLPOP", "destroy:list", "0"});
        const auto second = send(*connection, {"GET", "destroy:key"});
        auto context = std::make_unique<QObject>();
        const auto orphan = send(*connection, {"GET", "destroy:key"}, context.get());
        context.reset(); // its callback must never run
        connection.reset();
        QTRY_VERIFY_WITH_TIMEOUT(inFlight->result.has_value() && second->result.has_value(), WaitMs);
        QCOMPARE(inFlight->result->error().kind, ErrorKind::Unreachable);
        QVERIFY(inFlight->result->error().message.contains(QStringLiteral("connection destroyed")));
        QCOMPARE(second->result->error().kind, ErrorKind::Unreachable);
        QCOMPARE(orphan->calls, 0);

        // Destroyed while connecting, with a queued command.
        auto connecting = std::make_unique<RedisConnection>(options(m_server->port()));
        connecting->open();
        const auto queued = send(*connecting, {"PING"});
        connecting.reset();
        QTRY_VERIFY_WITH_TIMEOUT(queued->result.has_value(), WaitMs);
        QCOMPARE(queued->result->error().kind, ErrorKind::Unreachable);
        QCOMPARE(queued->calls, 1);
    }

    void reentrantCallbacks()
    {
        // Deleting the connection from one of its own callbacks and from its own signal must be safe.
        auto *connection = new RedisConnection(options(m_server->port()), this);
        QPointer<RedisConnection> guard(connection);
        std::optional<Result<RedisReply>> first;
        connection->open();
        connection->command({"PING"}, this, [&](Result<RedisReply> result) {
            first = std::move(result);
            delete connection;
        });
        const auto after = send(*connection, {"PING"});
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), WaitMs);
        COMPARE_REPLY(*first, status("PONG"));
        QVERIFY(guard.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(after->result.has_value(),
                                 WaitMs); // already replied or failed on destruction
        QCOMPARE(after->calls, 1);

        auto *refused = new RedisConnection(options(deadPort()), this);
        QPointer<RedisConnection> refusedGuard(refused);
        connect(refused, &RedisConnection::disconnected, refused, [refused] { delete refused; });
        refused->open();
        QTRY_VERIFY_WITH_TIMEOUT(refusedGuard.isNull(), WaitMs);

        // close() and open() from inside a slot of the connection's own signal.
        RedisConnection bouncing(options(m_server->port()));
        int bounces = 0;
        connect(&bouncing, &RedisConnection::connected, this, [&] {
            if (++bounces < 3) {
                bouncing.close();
                bouncing.open();
            }
        });
        bouncing.open();
        QTRY_COMPARE_WITH_TIMEOUT(bounces, 3, WaitMs);
        QCOMPARE(bouncing.state(), RedisConnection::State::Connected);
        COMPARE_REPLY(run(bouncing, {"PING"}), status("PONG"));
    }
};

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
