#pragma once

namespace Opsdeck::Gui {
/// Runs the graphical face: creates the QApplication, installs translations, shows the main window.
int run(int argc, char **argv);
} // namespace Opsdeck::Gui
