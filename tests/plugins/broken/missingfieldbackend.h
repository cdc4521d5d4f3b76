#pragma once
// Its metadata has no "id": the host must refuse it and name the field.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class MissingFieldBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_missingfield.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    MissingFieldBackend() = default;
    Q_DISABLE_COPY_MOVE(MissingFieldBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &, QString *error) override
    {
        *error = QStringLiteral("MissingFieldBackend is a test plugin and has no models");
        return nullptr;
    }
};

} // namespace Opsdeck::Tests
