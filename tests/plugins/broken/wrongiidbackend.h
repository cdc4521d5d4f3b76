#pragma once
// Declares another interface's IID: the host must refuse it without loading it.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class WrongIidBackend final : public QObject, public Sdk::ModelBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.example.NotAModelBackend/1" FILE "broken_wrongiid.json")
    Q_INTERFACES(Opsdeck::Sdk::ModelBackend)
public:
    WrongIidBackend() = default;
    Q_DISABLE_COPY_MOVE(WrongIidBackend)

    std::unique_ptr<Sdk::ModelInstance> load(const Sdk::ModelConfig &, QString *error) override
    {
        *error = QStringLiteral("WrongIidBackend is a test plugin and has no models");
        return nullptr;
    }
};

} // namespace Opsdeck::Tests
