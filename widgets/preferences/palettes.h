// SPDX-License-Identifier: MIT
// The workbench's light and dark palettes on the Fusion style, and applying the palette preference.
#pragma once

#include "preferences/app_preferences.h"

#include <QPalette>

namespace workbench {

/// A light palette for the Fusion style (the same on every platform, so screenshots and figures match).
QPalette lightPalette();
/// A dark palette for the Fusion style: dark grey windows, near-white text, the same blue highlight.
QPalette darkPalette();

/// Applies `palette` to the running QApplication, live: System restores the style's own palette of the
/// platform's style as it was when this was first called; Light and Dark switch to Fusion with their palette.
/// Open windows repaint at once. Call on the GUI thread after the QApplication exists.
void applyPalette(AppPreferences::Palette palette);

/// True when the application's current window colour is darker than its text colour.
bool isDarkPaletteActive();

} // namespace workbench
