#pragma once
// How a remote backend reaches its services: profile scoring endpoints by name, authentication and TLS.
//
// Spec keys the host reads for a remote backend (they are references, never secrets, so a spec stays printable):
//   auth=bearer|basic|apikey, user=NAME (basic), secret_env=VAR | secret_keychain=KEY — consumed by the host,
//     which resolves the secret and hands the backend the option `authorization` (the header value);
//   ca_file=PATH, insecure=true — passed on to the backend (`ca_file` made absolute first).
// `authorization` itself is the host's to set: a spec that carries it would put a secret on a command line.

#include "backendspec.h"
#include "common/error.h"
#include "config/profile.h"
#include "modelbackend.h"

#include <QtCore/QStringList>

namespace Opsdeck::Core {

/// True when an endpoint entry is a URL ("scheme://…") rather than the name of a profile scoring endpoint.
[[nodiscard]] bool isEndpointUrl(const QString &endpoint);

/// Replaces every endpoint of `spec` that names a scoring endpoint of `profile` by its URL, and with
/// `matchUrls` also recognises an endpoint URL equal to one of the profile's (the GUI, whose endpoint list is
/// filled from the profile). The endpoints so found bring their settings as spec keys: `protocol`, `features`
/// (when the spec has none), `auth`/`user`/`secret_env`/`secret_keychain`, `ca_file` (resolved against the
/// profile's file) and `insecure`. Fails (Usage) naming the endpoint: an unknown name ("endpoint 'x' is neither
/// a URL nor a scoring endpoint of profile 'p' (known: a, b)"), profile endpoints of one run that differ in
/// protocol, authentication or TLS, or a spec key that contradicts the profile's.
[[nodiscard]] Result<void> resolveProfileEndpoints(BackendSpec &spec, const Profile &profile, bool matchUrls);

/// Turns a remote spec's connection keys into what its backend reads (see the top of this header): refuses a
/// spec that sets `authorization`, resolves `auth` and its secret into options["authorization"], removes the
/// host's keys, makes `ca_file` absolute, checks `insecure`. Fails (Usage) naming the key or the secret
/// reference (never a secret): "auth=x is not one of bearer, basic, apikey", "secret env:VAR is not set", ….
[[nodiscard]] Result<void> applyRemoteAccess(const BackendSpec &spec, Sdk::ModelConfig &config);

/// The network access manager partition for a config's TLS trust (`ca_file`, `insecure`): requests that trust
/// differently never share a connection (see networkAccessManagerForThread()). Empty for the default trust.
[[nodiscard]] QByteArray trustPartition(const Sdk::ModelConfig &config);

} // namespace Opsdeck::Core
