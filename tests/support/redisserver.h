#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>
#include <memory>

namespace Opsdeck::Test {

/// How RedisServerProcess configures the server.
struct RedisServerOptions
{
    QByteArray password;    ///< requirepass for the default user; empty: no password
    QByteArray aclUser;     ///< an extra ACL user with every permission (`user NAME on >PASS ~* &* +@all`)
    QByteArray aclPassword; ///< that user's password (used only with aclUser)
    QByteArray aclRules;    ///< more rules for that user after "+@all", e.g. "-info" (a user that may not run INFO)
};

/// A real redis-server for tests: bound to 127.0.0.1 on a free port chosen at run time, no persistence,
/// config and log in a temporary folder. Blocking calls (bounded waits); the destructor stops the server.
class RedisServerProcess final
{
    Q_DISABLE_COPY_MOVE(RedisServerProcess)

public:
    explicit RedisServerProcess(RedisServerOptions options = {});
    ~RedisServerProcess();

    /// The redis-server binary from PATH or /usr/bin; empty when not installed (tests then QSKIP).
    [[nodiscard]] static QString executable();

    /// Starts the server (on a new free port the first time, on the same port afterwards) and waits until it
    /// answers PING (at most 10 s). False with errorString() (including the server's log) on failure.
    [[nodiscard]] bool start();
    /// Stops the server (SIGTERM, then SIGKILL after 10 s); true when it is no longer running.
    bool stop();
    /// stop() then start() on the same port.
    [[nodiscard]] bool restart();

    /// The port; 0 before the first start().
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString errorString() const { return m_errorString; }

private:
    [[nodiscard]] bool startOnce();
    [[nodiscard]] bool writeConfig();
    [[nodiscard]] bool waitUntilReady();
    [[nodiscard]] QString logTail() const;

    RedisServerOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_portFixed = false;
    QString m_errorString;
};

} // namespace Opsdeck::Test
