#pragma once
// Valid metadata, but the library depends on libopsdeck_broken_stub.so, which the dynamic linker cannot find
// at run time: loading must fail with "cannot open shared object file", reported by the host.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class MissingLibraryBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_missinglibrary.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    MissingLibraryBackend() = default;
    Q_DISABLE_COPY_MOVE(MissingLibraryBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &config, QString *error) override;
};

} // namespace Opsdeck::Tests
