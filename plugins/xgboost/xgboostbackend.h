#pragma once

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Plugins {

/// Root object of the `xgboost` plugin: a stateless factory for XgboostModel instances.
class XgboostBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "xgboost.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    XgboostBackend() = default;
    Q_DISABLE_COPY_MOVE(XgboostBackend)

    /// An XgboostModel for `config` (see xgboostmodel.h), or null with `*error` set.
    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override;
};

} // namespace Opsdeck::Plugins
