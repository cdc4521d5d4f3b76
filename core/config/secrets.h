#pragma once

#include "common/error.h"
#include "config/profile.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <functional>

class QObject;

namespace Opsdeck::Core {

/// The secret a reference points at. env: the variable's value; keychain: the system keychain entry (service
/// "opsdeck", key = the reference), waited for on a local event loop for at most 10 s. Keychain jobs always run
/// on the application's thread (qtkeychain is not thread-safe): called from another thread, this hands the job
/// over and waits at most 20 s, so the application's event loop must be running. Either wait ends at once on
/// cancelKeychainRequests(), and the hand-over's when the calling QThread is asked to stop. While a request
/// the keychain did not answer (timed out or cancelled) is pending, it fails at once: qtkeychain runs one request
/// at a time, so a new one would only wait behind it. Fails (Usage: the
/// configuration cannot be used here; no service was asked) with
/// "secret env:VAR is not set" (also when empty), "secret keychain:KEY: …" (not found, denied, no keychain
/// service, timed out) or "no secret reference" when neither is set. The value never appears in a message.
[[nodiscard]] Result<QByteArray> resolveSecret(const SecretRef &ref);

/// resolveSecret() without waiting, for the application's thread (a GUI must not spin a local loop: whatever
/// deletes the caller meanwhile would pull it from under the wait). `done` is called once, on a later turn of the
/// event loop and never inside this call, with what resolveSecret() would return; not at all once `context` is
/// destroyed. The same limit (10 s), cancel and unanswered-request rules apply. From another thread it fails
/// (Failed): use resolveSecret() there.
void resolveSecretAsync(const SecretRef &ref, QObject *context, std::function<void(Result<QByteArray>)> done);

/// Stores `secret` in the system keychain (service "opsdeck") under `key`, waiting at most 10 s (from another
/// thread than the application's: as resolveSecret()). Fails (Failed)
/// naming the key when no keychain service is available, access is denied or the wait times out.
[[nodiscard]] Result<void> storeSecretInKeychain(const QString &key, const QByteArray &secret);

/// Ends every keychain wait in progress at once, as cancelled ("the keychain request was cancelled: …"), those
/// of other threads included: a command cancelled by --timeout or a signal does not wait out the keychain's
/// limits. A job the keychain has not answered is left to end on its own. Any thread; from another than the
/// application's, it takes effect when that thread's event loop next runs.
void cancelKeychainRequests();

} // namespace Opsdeck::Core
