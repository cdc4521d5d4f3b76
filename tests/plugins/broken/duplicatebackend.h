#pragma once
// A valid plugin claiming the id "linear": searched after the real one, it must be listed as a duplicate.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class DuplicateBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_duplicate.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    DuplicateBackend() = default;
    Q_DISABLE_COPY_MOVE(DuplicateBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &, QString *error) override
    {
        *error = QStringLiteral("DuplicateBackend is a test plugin and has no models");
        return nullptr;
    }
};

} // namespace Opsdeck::Tests
