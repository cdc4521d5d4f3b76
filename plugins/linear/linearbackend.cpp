#include "linearbackend.h"

#include "linearmodel.h"

// linear.json.in states the SDK version it was written for; the two must move together.
static_assert(Opsdeck::Sdk::ApiVersion == 1, "update apiVersion in linear.json.in");

namespace Opsdeck::Plugins {

std::unique_ptr<Sdk::ModelInstance> LinearBackend::load(const Sdk::ModelConfig &config, QString *error)
{
    QString message;
    auto model = LinearModel::load(config, &message);
    if (!model && error)
        *error = message;
    return model;
}

} // namespace Opsdeck::Plugins
