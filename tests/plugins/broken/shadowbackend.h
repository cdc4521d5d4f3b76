#pragma once
// Valid metadata claiming the id "linear", but the root object does not implement the interface: a broken
// copy found before the real plugin. Loading it fails, and the real one must take over.

#include "modelbackend.h"

#include <QtCore/QObject>

namespace Opsdeck::Tests {

class ShadowBackend final : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID OpsdeckModelBackend_iid FILE "broken_shadow.json")
public:
    ShadowBackend() = default;
    Q_DISABLE_COPY_MOVE(ShadowBackend)
};

} // namespace Opsdeck::Tests
