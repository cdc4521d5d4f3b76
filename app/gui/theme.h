#pragma once

#include "health/servicehealth.h"

#include <QtGui/QColor>
#include <QtGui/QPalette>

namespace Opsdeck::Gui {

/// True when the palette's window colour is dark (HSL lightness below one half), i.e. the system runs a dark
/// scheme. Everything Opsdeck draws itself (state colours, charts, the banner) picks its colours from this.
[[nodiscard]] bool isDarkPalette(const QPalette &palette);

/// The colour of a health state, with enough contrast on the palette's base colour in the given scheme.
[[nodiscard]] QColor stateColor(Core::HealthState state, bool dark);

/// Colour of the n-th series of a chart (cycles through a fixed set, distinct from the state colours' meaning).
[[nodiscard]] QColor seriesColor(int index, bool dark);

/// Background and text colours of a warning banner in the given scheme.
[[nodiscard]] QColor warningBackground(bool dark);
[[nodiscard]] QColor warningForeground(bool dark);

/// Colour for the border and message of a field whose value is invalid.
[[nodiscard]] QColor errorColor(bool dark);

} // namespace Opsdeck::Gui
