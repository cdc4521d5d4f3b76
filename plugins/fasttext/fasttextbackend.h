#pragma once

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Plugins {

/// Root object of the `fasttext` plugin: a stateless factory for FasttextModel instances.
class FasttextBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "fasttext.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    FasttextBackend() = default;
    Q_DISABLE_COPY_MOVE(FasttextBackend)

    /// A FasttextModel for `config` (see fasttextmodel.h), or null with `*error` set.
    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override;
};

} // namespace Opsdeck::Plugins
