#pragma once

#include <QtCore/QByteArray>

namespace Opsdeck::Core {

/// The standard reason phrase of an HTTP status code ("Service Unavailable" for 503), or an empty array for a
/// code without a registered phrase. Used where a server sent none (HTTP/2, terse servers) and by the tests'
/// HTTP fakes.
[[nodiscard]] QByteArray httpReasonPhrase(int status);

} // namespace Opsdeck::Core
