#include "httpbackend.h"

#include "httpconfig.h"
#include "httpinstance.h"

namespace Opsdeck::Plugins::Http {

std::unique_ptr<Sdk::ModelInstance> HttpBackend::load(const Sdk::ModelConfig &config, QString *error)
{
    std::optional<HttpConfig> parsed = parseConfig(config, error);
    if (!parsed)
        return nullptr;
    return std::make_unique<HttpInstance>(std::move(*parsed), config.network);
}

} // namespace Opsdeck::Plugins::Http
