#pragma once
// A Qt plugin with the right IID but no FILE in Q_PLUGIN_METADATA, so its metadata has no "MetaData" object:
// the host must refuse it without loading it.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class NoMetadataBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid)
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    NoMetadataBackend() = default;
    Q_DISABLE_COPY_MOVE(NoMetadataBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &, QString *error) override
    {
        *error = QStringLiteral("NoMetadataBackend is a test plugin and has no models");
        return nullptr;
    }
};

} // namespace Opsdeck::Tests
