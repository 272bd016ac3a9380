// SPDX-License-Identifier: MIT
// FigureOptions: format, physical size, resolution, font and style of an exported figure, remembered in QSettings.
#pragma once

#include <QSize>
#include <QSizeF>
#include <QString>

namespace workbench {

/// The picture formats a figure can be written in.
enum class FigureFormat { Png, Svg, Pdf };

/// Light: the on-screen look (palette colours). Print: white background, black axes, thicker lines, neutral grid,
/// colour-blind safe (Okabe–Ito) line colours.
enum class FigureStyle { Light, Print };

/// The unit `FigureOptions::width` and `height` are given in.
enum class FigureUnit { Pixels, Millimetres };

/// Logical pixels per inch: a figure's layout is computed on a canvas of this many pixels per inch, so a
/// "pixel" size is 1/96 inch (as on a standard screen and in CSS) and fonts in points keep their printed size.
constexpr double FIGURE_LOGICAL_DPI = 96.0;
/// Limits the dialog and `sanitized` enforce.
constexpr int FIGURE_MIN_DPI = 36;
constexpr int FIGURE_MAX_DPI = 1200;
constexpr double FIGURE_MIN_POINT_SIZE = 4.0;
constexpr double FIGURE_MAX_POINT_SIZE = 48.0;
/// Largest side of a written PNG, in device pixels (larger requests are refused by `sanitized`).
constexpr int FIGURE_MAX_PIXELS = 20000;

/// How a figure is written. The physical size is width x height in `unit` (pixels are 1/96 inch); a PNG has
/// (size in inches) x dpi device pixels and records the DPI; SVG and PDF are vector drawings of that physical size
/// (SVG width/height in mm, a PDF page in points). An empty font family means the application's font.
struct FigureOptions {
    FigureFormat format = FigureFormat::Png;
    FigureUnit unit = FigureUnit::Millimetres;
    double width = 160.0;   // in `unit`
    double height = 100.0;  // in `unit`
    int dpi = 300;          // device pixels per inch of a PNG
    QString fontFamily;     // empty: the application font's family
    double fontPointSize = 9.0;  // axis labels; tick labels and legends are drawn a little smaller
    FigureStyle style = FigureStyle::Light;
    bool writeCsv = false;  // also write the plotted data beside the picture (same name, .csv)

    /// Width and height in inches.
    QSizeF sizeInches() const;
    /// The layout canvas: the size in logical pixels (1/96 inch), rounded, at least 1 x 1.
    QSize logicalSize() const;
    /// The PNG's device pixels: round(inches x dpi), at least 1 x 1.
    QSize pixelSize() const;
    /// The physical size in PostScript points (1/72 inch): a PDF page's size.
    QSizeF pointSize() const;
    /// The physical size in millimetres (an SVG's width and height).
    QSizeF millimetreSize() const;

    /// A copy with every field clamped to the limits above (non-finite or non-positive sizes become the default).
    FigureOptions sanitized() const;
    /// Sets width and height from a size in logical pixels, converting to the current unit.
    void setLogicalSize(const QSizeF& logicalPixels);

    bool operator==(const FigureOptions&) const = default;
};

/// The format a file name's suffix names (case-insensitive "svg", "pdf"; anything else is PNG).
FigureFormat figureFormatForPath(const QString& path);
/// "png", "svg" or "pdf".
QString figureFormatSuffix(FigureFormat format);

/// The options last used (QSettings group "figureExport"); defaults where nothing is stored or a value is invalid.
FigureOptions loadFigureOptions();
/// Remembers `options` for the next export.
void saveFigureOptions(const FigureOptions& options);

} // namespace workbench
