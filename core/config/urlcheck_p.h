#pragma once

// Internal to core/config: URL checks shared by the profile parser and parseRedisUrl().

#include "config/profile.h"

#include <QtCore/QString>
#include <QtCore/QUrl>

#include <tl/expected.hpp>

namespace Opsdeck::Core::Detail {

/// The URL for messages, without user name or password.
[[nodiscard]] QString safeUrlText(const QUrl &url);
/// Raw URL text for messages, with anything that looks like user info between "//" and "@" masked, and every
/// query value replaced by "***".
[[nodiscard]] QString safeRawUrlText(const QString &text);
/// True for names that hold credentials (password, secret, token, api_key, …), in any case.
[[nodiscard]] bool isSecretName(const QString &name);

/// Checks an http(s) base URL. Returns the reason (one translated phrase, no URL in it) when it is not usable.
[[nodiscard]] tl::expected<void, QString> checkHttpUrl(const QUrl &url);
/// Checks and splits a redis(s) URL. Returns the reason (one translated phrase, no URL in it) on failure.
[[nodiscard]] tl::expected<RedisAddress, QString> checkRedisUrl(const QUrl &url);

} // namespace Opsdeck::Core::Detail
