#include "page.h"

namespace Opsdeck::Gui {

// Out of line so that the vtable and moc output have one home.
Page::~Page() = default;

} // namespace Opsdeck::Gui
