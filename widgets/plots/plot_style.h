// SPDX-License-Identifier: MIT
// The look every QCustomPlot of the workbench shares: palette-following screen style, print style, fonts, legend.
#pragma once

#include <QColor>
#include <Qt>

class QCPItemStraightLine;
class QCustomPlot;
class QFont;
class QPalette;

namespace workbench {

/// The workbench's line colours on screen (index wraps): blue, orange, green, red, purple, brown, pink, grey,
/// olive, cyan — the same hues in every plot, so a series keeps its colour from panel to panel.
QColor plotColour(int index);

/// The colour-blind safe (Okabe–Ito) colour a print figure uses for the screen colour `screen`: chromatic colours
/// go to the Okabe–Ito colour of the nearest hue band (blue, sky blue, bluish green, yellow, orange, vermillion,
/// reddish purple), greys and near-whites stay neutral. The alpha is kept.
QColor printColour(const QColor& screen);

/// The on-screen style: background, axes, tick labels, grid and legend box from `palette` (Base for the
/// background, Text for axes and labels, a faint Text grid), so plots read on light and dark palettes alike.
/// The plottables' own colours are left alone. Remembers the background for `plotBackground`.
void applyScreenStyle(QCustomPlot* plot, const QPalette& palette);
/// applyScreenStyle with the plot's palette now and again whenever the plot's palette changes.
void installScreenStyle(QCustomPlot* plot);
/// The background last set through setPlotBackground, applyScreenStyle or applyPrintStyle (white when none ran).
QColor plotBackground(const QCustomPlot* plot);
/// Sets the plot's background and remembers it for `plotBackground` (QCustomPlot has no getter).
void setPlotBackground(QCustomPlot* plot, const QColor& colour);

/// The print style: white background, black axes and labels, a neutral light-grey grid without sub-grid, a
/// white legend box with a thin black border, every line 1.5 times as thick (at least 1.5 px), and plottable,
/// marker, reference-line and label colours mapped through printColour. Colour maps keep their gradients.
void applyPrintStyle(QCustomPlot* plot);

/// Sets every text of the plot from `base`: axis labels (colour-scale axes included) in `base`, tick labels at
/// 90 %, legend and item labels at 85 %, title elements at 110 %.
void applyPlotFont(QCustomPlot* plot, const QFont& base);

/// A visible legend inside the axis rect at `corner`, in 80 % of `base`'s size on a translucent box in the
/// background colour with small icons and tight rows, so it covers little of the data.
void styleInsetLegend(QCustomPlot* plot, const QFont& base, Qt::Alignment corner = Qt::AlignTop | Qt::AlignRight);

/// Places `line` horizontally at data value `y` (its two points at x = 0 and 1 of the axis rect's line).
void setHorizontalLine(QCPItemStraightLine* line, double y);

} // namespace workbench
