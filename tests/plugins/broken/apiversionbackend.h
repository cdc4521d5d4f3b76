#pragma once
// Valid code, but its metadata claims apiVersion 2: the host must refuse it from the metadata alone.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class ApiVersionBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_apiversion.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    ApiVersionBackend() = default;
    Q_DISABLE_COPY_MOVE(ApiVersionBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &, QString *error) override
    {
        *error = QStringLiteral("ApiVersionBackend is a test plugin and has no models");
        return nullptr;
    }
};

} // namespace Opsdeck::Tests
