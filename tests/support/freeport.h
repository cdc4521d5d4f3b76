#pragma once

#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>

namespace Opsdeck::Test {

/// A loopback TCP port the kernel just handed out and nothing listens on any more (0 when none could be had).
/// Another process may take it before the caller binds it: launchers retry with a new port when binding fails;
/// tests that need a port with nothing behind it use it as is.
inline quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort(); // closed when `server` goes
}

} // namespace Opsdeck::Test
