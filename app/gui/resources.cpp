#include "resources.h"

// Q_INIT_RESOURCE must be used outside any namespace.
static void initOpsdeckResources()
{
    Q_INIT_RESOURCE(opsdeck);
}

namespace Opsdeck::Gui {

void initResources()
{
    static const bool done = [] {
        initOpsdeckResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon icon(const QString &name)
{
    initResources();
    return QIcon(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
}

} // namespace Opsdeck::Gui
