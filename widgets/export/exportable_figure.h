// SPDX-License-Identifier: MIT
// ExportableFigure: what every view that can be saved as a figure (and its data as CSV) provides.
#pragma once

#include "export/figure_options.h"

#include <QSizeF>
#include <QString>

namespace workbench {

/// Implemented by every plot and diagram view beside QWidget. The export dialog, the context menu and the main
/// window's "Export figure…" action reach a view through this interface only (see figure_export.h).
class ExportableFigure {
public:
    virtual ~ExportableFigure() = default;

    /// A short translated name of the figure: the dialog's title, the file's title and the suggested file name.
    virtual QString figureTitle() const = 0;
    /// Writes the figure to `path` in `options.format` at the options' size, resolution, font and style, without
    /// changing what the view shows. Returns false when the file cannot be written.
    virtual bool writeFigure(const QString& path, const FigureOptions& options) const = 0;
    /// The plotted data as CSV (see csv_export.h): a header row, then one row per plotted point.
    virtual QString csvData() const = 0;
    /// The size (logical pixels, 1/96 inch) at which the figure shows all its detail; empty when any size will do.
    /// The dialog offers it as "Natural size".
    virtual QSizeF naturalFigureSize() const { return {}; }
    /// Whether the options' font family and size are used (diagrams whose layout depends on their own fonts
    /// keep them).
    virtual bool usesFigureFont() const { return true; }

protected:
    ExportableFigure() = default;
    ExportableFigure(const ExportableFigure&) = default;
    ExportableFigure& operator=(const ExportableFigure&) = default;
};

} // namespace workbench
