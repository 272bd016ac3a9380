// SPDX-License-Identifier: MIT
// Writing a QCustomPlot as PNG, SVG or PDF at chosen options, leaving the on-screen plot as it was.
#pragma once

#include "export/figure_options.h"

#include <QString>

class QCustomPlot;

namespace workbench {

/// Writes `plot` to `path` in `options.format`: the plot is laid out on a canvas of options.logicalSize() logical
/// pixels with the options' font (an empty family: the plot's own font family) and style applied, then drawn as
/// a PNG of options.pixelSize() device pixels that records the DPI, an SVG whose width and height are the physical
/// size in mm, or a one-page PDF of the physical size in points; `title` names the SVG and PDF documents. Every
/// property the export changes (colours, pens, fonts, axis ranges, the viewport) is restored afterwards and the
/// plot is laid out again for the screen, so the view is unchanged. Returns false when the file cannot be written.
bool writePlotFigure(QCustomPlot* plot, const QString& path, const FigureOptions& options, const QString& title);

} // namespace workbench
