// SPDX-License-Identifier: MIT
// Writing a figure that draws itself with a QPainter (the circuit and routing diagrams) at chosen figure options.
#pragma once

#include "export/figure_options.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace workbench {

/// Draws the figure into `target` (logical pixels of the canvas) with `painter`.
using FigurePainter = std::function<void(QPainter& painter, const QRectF& target)>;

/// Writes a self-drawing figure to `path` in `options.format`: a canvas of options.logicalSize() logical pixels
/// filled with `background`, on which `paint` draws into the whole canvas; a PNG of options.pixelSize() pixels
/// recording the DPI, an SVG of the physical size in mm, or a one-page PDF of the physical size, titled `title`.
/// Returns false when the file cannot be written.
bool writePaintedFigure(const QString& path, const FigureOptions& options, const QString& title,
                        const QColor& background, const FigurePainter& paint);

/// The largest rectangle of aspect `content` centred in `canvas` (letterboxing), and the scale from content to it.
QRectF fittedRect(const QSizeF& content, const QRectF& canvas, double* scale = nullptr);

} // namespace workbench
