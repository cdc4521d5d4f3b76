#pragma once
// Right IID and valid metadata, but the root object does not implement Opsdeck::Sdk::ModelBackend: the host
// must notice at qobject_cast and list it as Failed.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class NotABackend final : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_notbackend.json")
public:
    NotABackend() = default;
    Q_DISABLE_COPY_MOVE(NotABackend)
};

} // namespace Opsdeck::Tests
