// opsdeck: picks the face before anything else. `--batch` → QCoreApplication + CLI (no display needed);
// otherwise QApplication + main window.
#include "cli/cli.h"
#include "common/error.h"
#include "i18n.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstring>

#ifdef OPSDECK_HAVE_GUI
#include "gui/gui.h"
#endif

namespace {
bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("opsdeck"));
    QCoreApplication::setApplicationName(QStringLiteral("opsdeck"));

    const bool batch = hasArgument(argc, argv, "--batch");
    const bool helpOrVersion = hasArgument(argc, argv, "--help") || hasArgument(argc, argv, "-h")
                               || hasArgument(argc, argv, "--version");
    if (batch || helpOrVersion) {
        QCoreApplication app(argc, argv);
        const QStringList arguments = QCoreApplication::arguments();
        Opsdeck::installLanguage(arguments);
        return Opsdeck::Cli::runBatch(arguments);
    }
    if (hasArgument(argc, argv, "--dashboard")) {
        QCoreApplication app(argc, argv);
        Opsdeck::installLanguage(QCoreApplication::arguments());
        QTextStream(stderr) << QCoreApplication::translate(
            "Cli", "opsdeck: the full-screen dashboard (--dashboard) is not part of this version") << Qt::endl;
        return Opsdeck::ExitUsage;
    }
#ifdef OPSDECK_HAVE_GUI
    return Opsdeck::Gui::run(argc, argv);
#else
    QCoreApplication app(argc, argv);
    QTextStream(stderr) << QCoreApplication::translate(
        "Cli", "opsdeck: built without the GUI; use --batch (see --help)") << Qt::endl;
    return Opsdeck::ExitUsage;
#endif
}
