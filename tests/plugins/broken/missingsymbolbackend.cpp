#include "missingsymbolbackend.h"

// Declared here and defined in no library at all.
extern "C" int opsdeck_test_symbol_defined_nowhere(int value);

namespace Opsdeck::Tests {

std::unique_ptr<Sdk::ModelInstance> MissingSymbolBackend::load(const Sdk::ModelConfig &config, QString *error)
{
    *error = QString::number(opsdeck_test_symbol_defined_nowhere(int(config.features)));
    return nullptr;
}

} // namespace Opsdeck::Tests
