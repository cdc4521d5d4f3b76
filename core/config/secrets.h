#pragma once

#include "common/error.h"
#include "config/profile.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace Opsdeck::Core {

/// The secret a reference points at. env: the variable's value; keychain: the system keychain entry (service
/// "opsdeck", key = the reference), waited for on a local event loop for at most 10 s. Keychain jobs always run
/// on the application's thread (qtkeychain is not thread-safe): called from another thread, this hands the job
/// over and waits at most 20 s, so the application's event loop must be running. Fails (Usage: the
/// configuration cannot be used here; no service was asked) with
/// "secret env:VAR is not set" (also when empty), "secret keychain:KEY: …" (not found, denied, no keychain
/// service, timed out) or "no secret reference" when neither is set. The value never appears in a message.
[[nodiscard]] Result<QByteArray> resolveSecret(const SecretRef &ref);

/// Stores `secret` in the system keychain (service "opsdeck") under `key`, waiting at most 10 s (from another
/// thread than the application's: as resolveSecret()). Fails (Failed)
/// naming the key when no keychain service is available, access is denied or the wait times out.
[[nodiscard]] Result<void> storeSecretInKeychain(const QString &key, const QByteArray &secret);

} // namespace Opsdeck::Core
