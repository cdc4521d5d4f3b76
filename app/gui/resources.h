#pragma once

#include <QtGui/QIcon>

namespace Opsdeck::Gui {

/// Registers the icons compiled into the opsdeck_gui static library (a static library's resource initialiser
/// is otherwise dropped by the linker). Idempotent; call before the first icon() lookup.
void initResources();

/// The icon `name` from :/icons/<name>.svg (scalable: sharp at any device pixel ratio).
[[nodiscard]] QIcon icon(const QString &name);

} // namespace Opsdeck::Gui
