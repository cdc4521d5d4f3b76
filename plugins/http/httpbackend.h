#pragma once

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Plugins::Http {

/// The `http` plugin's root object: creates HttpInstance objects that score on remote services.
///
/// BACKEND_SPEC keys (ModelConfig): endpoint=URL (one or more), features=N (required for protocol float32),
/// protocol=float32|json, outputs=K (1), balance=round-robin|least-outstanding, inflight=N per endpoint (4,
/// at most 64), timeout_ms=N (10000), retries=N (0), and for protocol json: json_instances (instances),
/// json_predictions (predictions), json_method=POST|PUT (POST). Endpoint URLs are used exactly as given.
class HttpBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "http.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)

public:
    HttpBackend() = default;
    Q_DISABLE_COPY_MOVE(HttpBackend)

    /// A new instance for config (no request is sent yet). Null with `*error` naming the option or endpoint
    /// at fault ("http: no endpoint given (endpoint=URL)").
    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override;
};

} // namespace Opsdeck::Plugins::Http
