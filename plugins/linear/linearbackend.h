#pragma once

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Plugins {

/// Root object of the `linear` plugin: a stateless factory for LinearModel instances.
class LinearBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "linear.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    LinearBackend() = default;
    Q_DISABLE_COPY_MOVE(LinearBackend)

    /// A LinearModel for `config` (see linearmodel.h for files and options), or null with `*error` set.
    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override;
};

} // namespace Opsdeck::Plugins
