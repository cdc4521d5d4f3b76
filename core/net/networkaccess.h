#pragma once

#include <QtCore/QByteArray>

class QNetworkAccessManager;

namespace Opsdeck::Core {

/// The calling thread's QNetworkAccessManager, created on first use. Never null. It belongs to a thread-local
/// holder: it is deleted when its thread finishes (the main thread's when the QCoreApplication is destroyed),
/// so callers must neither delete nor reparent it, and must not keep it past their thread's lifetime. Only
/// core/net creates network access managers; everything else reaches the network through HttpClient.
[[nodiscard]] QNetworkAccessManager *networkAccessManagerForThread();

/// The calling thread's manager for one TLS trust setting (same lifetime rules as above). A manager reuses an
/// open connection to host:port whatever the TLS configuration of the next request, so a connection trusted
/// through one client's CA file, or opened without verification, would otherwise serve a client with stricter
/// settings. `partition` identifies the trust setting (HttpClient derives it from the CA certificates and the
/// insecure flag); an empty partition is the default manager above.
[[nodiscard]] QNetworkAccessManager *networkAccessManagerForThread(const QByteArray &partition);

} // namespace Opsdeck::Core
