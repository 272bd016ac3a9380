// SPDX-License-Identifier: MIT
// FigureOptions: unit conversions, limits and the QSettings round trip.
#include "export/figure_options.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

constexpr double MM_PER_INCH = 25.4;
constexpr double POINTS_PER_INCH = 72.0;
/// Smallest figure side, in inches (about 5 mm), so a figure always has room for an axis.
constexpr double MIN_SIDE_INCHES = 0.2;
/// Largest figure side, in inches (a PDF viewer's page limit is 200 inches).
constexpr double MAX_SIDE_INCHES = 200.0;

const QString GROUP = QStringLiteral("figureExport");

double toInches(double value, FigureUnit unit)
{
    return unit == FigureUnit::Pixels ? value / FIGURE_LOGICAL_DPI : value / MM_PER_INCH;
}

double fromInches(double inches, FigureUnit unit)
{
    return unit == FigureUnit::Pixels ? inches * FIGURE_LOGICAL_DPI : inches * MM_PER_INCH;
}

int roundedAtLeastOne(double value)
{
    return std::max(1, static_cast<int>(std::lround(value)));
}

} // namespace

QSizeF FigureOptions::sizeInches() const
{
    return {toInches(width, unit), toInches(height, unit)};
}

QSize FigureOptions::logicalSize() const
{
    const QSizeF inches = sizeInches();
    return {roundedAtLeastOne(inches.width() * FIGURE_LOGICAL_DPI),
            roundedAtLeastOne(inches.height() * FIGURE_LOGICAL_DPI)};
}

QSize FigureOptions::pixelSize() const
{
    const QSizeF inches = sizeInches();
    return {roundedAtLeastOne(inches.width() * dpi), roundedAtLeastOne(inches.height() * dpi)};
}

QSizeF FigureOptions::pointSize() const
{
    return sizeInches() * POINTS_PER_INCH;
}

QSizeF FigureOptions::millimetreSize() const
{
    return sizeInches() * MM_PER_INCH;
}

FigureOptions FigureOptions::sanitized() const
{
    const FigureOptions defaults;
    FigureOptions out = *this;
    out.dpi = std::clamp(dpi, FIGURE_MIN_DPI, FIGURE_MAX_DPI);
    out.fontPointSize = std::isfinite(fontPointSize)
        ? std::clamp(fontPointSize, FIGURE_MIN_POINT_SIZE, FIGURE_MAX_POINT_SIZE)
        : defaults.fontPointSize;
    // The pixel limit caps the physical size at this DPI, so a 200-inch page at 1200 DPI cannot exhaust memory.
    const double maxInches = std::min(MAX_SIDE_INCHES, FIGURE_MAX_PIXELS / static_cast<double>(out.dpi));
    const auto side = [&](double value, double fallback) {
        if (!std::isfinite(value) || value <= 0.0)
            value = fromInches(toInches(fallback, defaults.unit), unit);
        return fromInches(std::clamp(toInches(value, unit), MIN_SIDE_INCHES, maxInches), unit);
    };
    out.width = side(width, defaults.width);
    out.height = side(height, defaults.height);
    return out;
}

void FigureOptions::setLogicalSize(const QSizeF& logicalPixels)
{
    width = fromInches(logicalPixels.width() / FIGURE_LOGICAL_DPI, unit);
    height = fromInches(logicalPixels.height() / FIGURE_LOGICAL_DPI, unit);
}

FigureFormat figureFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return FigureFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return FigureFormat::Pdf;
    return FigureFormat::Png;
}

QString figureFormatSuffix(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Svg: return QStringLiteral("svg");
    case FigureFormat::Pdf: return QStringLiteral("pdf");
    case FigureFormat::Png: break;
    }
    return QStringLiteral("png");
}

FigureOptions loadFigureOptions()
{
    FigureOptions options;
    QSettings settings;
    settings.beginGroup(GROUP);
    const QString format = settings.value(QStringLiteral("format")).toString();
    options.format = format == QLatin1String("svg")   ? FigureFormat::Svg
                   : format == QLatin1String("pdf") ? FigureFormat::Pdf
                                                    : FigureFormat::Png;
    options.unit = settings.value(QStringLiteral("unit")).toString() == QLatin1String("px") ? FigureUnit::Pixels
                                                                                           : FigureUnit::Millimetres;
    const FigureOptions defaults;
    const auto number = [&settings](const QString& key, double fallback) {
        bool ok = false;
        const double value = settings.value(key).toDouble(&ok);
        return ok ? value : fallback;
    };
    if (options.unit == FigureUnit::Pixels) {
        options.setLogicalSize(QSizeF(defaults.width, defaults.height) / 25.4 * FIGURE_LOGICAL_DPI);
    }
    options.width = number(QStringLiteral("width"), options.width);
    options.height = number(QStringLiteral("height"), options.height);
    options.dpi = static_cast<int>(number(QStringLiteral("dpi"), defaults.dpi));
    options.fontFamily = settings.value(QStringLiteral("fontFamily")).toString();
    options.fontPointSize = number(QStringLiteral("fontPointSize"), defaults.fontPointSize);
    options.style = settings.value(QStringLiteral("style")).toString() == QLatin1String("print") ? FigureStyle::Print
                                                                                                 : FigureStyle::Light;
    options.writeCsv = settings.value(QStringLiteral("writeCsv"), false).toBool();
    settings.endGroup();
    return options.sanitized();
}

void saveFigureOptions(const FigureOptions& options)
{
    QSettings settings;
    settings.beginGroup(GROUP);
    settings.setValue(QStringLiteral("format"), figureFormatSuffix(options.format));
    settings.setValue(QStringLiteral("unit"),
                      options.unit == FigureUnit::Pixels ? QStringLiteral("px") : QStringLiteral("mm"));
    settings.setValue(QStringLiteral("width"), options.width);
    settings.setValue(QStringLiteral("height"), options.height);
    settings.setValue(QStringLiteral("dpi"), options.dpi);
    settings.setValue(QStringLiteral("fontFamily"), options.fontFamily);
    settings.setValue(QStringLiteral("fontPointSize"), options.fontPointSize);
    settings.setValue(QStringLiteral("style"),
                      options.style == FigureStyle::Print ? QStringLiteral("print") : QStringLiteral("light"));
    settings.setValue(QStringLiteral("writeCsv"), options.writeCsv);
    settings.endGroup();
}

} // namespace workbench
