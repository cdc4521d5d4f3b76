#pragma once
// Valid metadata, but the library needs a function that no library defines (see missingsymbolbackend.cpp):
// loading it must fail with the dynamic linker's "undefined symbol" error, reported by the host, not a crash.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class MissingSymbolBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_missingsymbol.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    MissingSymbolBackend() = default;
    Q_DISABLE_COPY_MOVE(MissingSymbolBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override;
};

} // namespace Opsdeck::Tests
