#pragma once

// Internal to core/config: URL checks shared by the profile parser and parseRedisUrl().

#include "config/profile.h"

#include <QtCore/QString>
#include <QtCore/QUrl>

#include <tl/expected.hpp>

namespace Opsdeck::Core::Detail {

/// The URL for messages: displayUrl() (no user name or password, query values masked).
[[nodiscard]] QString safeUrlText(const QUrl &url);
/// Raw (possibly unparseable) URL text for messages: everything from "//" to the last '@' is masked, and every
/// query and fragment value replaced by "***".
[[nodiscard]] QString safeRawUrlText(const QString &text);
/// True for names that hold credentials: any name containing token, secret, key, sig, pass, auth, pwd or
/// credential, in any case, '-' and '_' alike (access-token, X-Api-Key, private_token, passwd …).
[[nodiscard]] bool isSecretName(const QString &name);
/// "a=1&b&c=" → "a=***&b&c=": every non-empty value replaced by "***".
[[nodiscard]] QString maskQueryValues(const QString &query);

/// Checks an http(s) base URL. Returns the reason (one translated phrase, no URL in it) when it is not usable.
[[nodiscard]] tl::expected<void, QString> checkHttpUrl(const QUrl &url);
/// Checks and splits a redis(s) URL. Returns the reason (one translated phrase, no URL in it) on failure.
[[nodiscard]] tl::expected<RedisAddress, QString> checkRedisUrl(const QUrl &url);

} // namespace Opsdeck::Core::Detail
