#include "missinglibrarybackend.h"

extern "C" int opsdeck_broken_stub_function(int value);

namespace Opsdeck::Tests {

std::unique_ptr<Sdk::ModelInstance> MissingLibraryBackend::load(const Sdk::ModelConfig &config,
                                                                QString *error)
{
    *error = QString::number(opsdeck_broken_stub_function(int(config.features)));
    return nullptr;
}

} // namespace Opsdeck::Tests
