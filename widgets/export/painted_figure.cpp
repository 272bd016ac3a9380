// SPDX-License-Identifier: MIT
// writePaintedFigure: PNG, SVG and PDF canvases of the figure's physical size for a QPainter-drawn figure.
#include "export/painted_figure.h"

#include "export/figure_export.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace workbench {

namespace {

constexpr double METRES_PER_INCH = 0.0254;

bool paintOn(QPaintDevice& device, const QSize& logical, const QColor& background, const FigurePainter& paint,
             double sx = 1.0, double sy = 1.0)
{
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(sx, sy);
    const QRectF canvas(QPointF(0, 0), QSizeF(logical));
    painter.fillRect(canvas, background);
    paint(painter, canvas);
    return painter.end();
}

} // namespace

bool writePaintedFigure(const QString& path, const FigureOptions& requested, const QString& title,
                        const QColor& background, const FigurePainter& paint)
{
    const FigureOptions options = requested.sanitized();
    const QSize logical = options.logicalSize();
    switch (options.format) {
    case FigureFormat::Png: {
        const QSize pixels = options.pixelSize();
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return false;
        // Drawn at 96 DPI (fonts in points as on the vector canvases), then labelled with the chosen DPI.
        const int logicalDotsPerMetre = static_cast<int>(std::lround(FIGURE_LOGICAL_DPI / METRES_PER_INCH));
        image.setDotsPerMeterX(logicalDotsPerMetre);
        image.setDotsPerMeterY(logicalDotsPerMetre);
        image.fill(background);
        if (!paintOn(image, logical, background, paint, static_cast<double>(pixels.width()) / logical.width(),
                     static_cast<double>(pixels.height()) / logical.height()))
            return false;
        const int dotsPerMetre = static_cast<int>(std::lround(options.dpi / METRES_PER_INCH));
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        return image.save(path, "PNG");
    }
    case FigureFormat::Svg: {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(logical);
        generator.setViewBox(QRect(QPoint(0, 0), logical));
        generator.setResolution(static_cast<int>(FIGURE_LOGICAL_DPI));
        generator.setTitle(title);
        return paintOn(generator, logical, background, paint) && QFileInfo(path).size() > 0;
    }
    case FigureFormat::Pdf: {
        QPdfWriter writer(path);
        setUpFigurePdf(writer, title, options.pointSize());
        writer.setResolution(static_cast<int>(FIGURE_LOGICAL_DPI));
        return paintOn(writer, logical, background, paint) && QFileInfo(path).size() > 0;
    }
    }
    return false;
}

QRectF fittedRect(const QSizeF& content, const QRectF& canvas, double* scale)
{
    const double w = std::max(content.width(), 1e-9);
    const double h = std::max(content.height(), 1e-9);
    const double s = std::min(canvas.width() / w, canvas.height() / h);
    if (scale)
        *scale = s;
    const QSizeF size(w * s, h * s);
    return {canvas.center() - QPointF(size.width() / 2.0, size.height() / 2.0), size};
}

} // namespace workbench
