// SPDX-License-Identifier: MIT
// writePlotFigure: snapshot of the plot's look, style and font for the figure, PNG/SVG/PDF rendering, restore.
#include "export/plot_export.h"

#include "export/figure_export.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QPointer>
#include <QSvgGenerator>

#include <cmath>
#include <utility>
#include <vector>

namespace workbench {

namespace {

/// Everything the figure style and font may change, read before and written back after the export. Properties are
/// read through Qt's property system, so each element type lists only the names it may have.
class PlotLookSnapshot {
public:
    explicit PlotLookSnapshot(QCustomPlot* plot)
        : m_plot(plot)
        , m_background(plotBackground(plot))
    {
        static const char* const AXIS[] = {"basePen", "tickPen", "subTickPen", "labelColor", "tickLabelColor",
                                           "labelFont", "tickLabelFont"};
        static const char* const GRID[] = {"pen", "subGridPen", "zeroLinePen", "subGridVisible"};
        static const char* const LEGEND[] = {"borderPen", "brush", "font", "textColor", "iconBorderPen"};
        static const char* const PLOTTABLE[] = {"pen", "brush"};
        static const char* const ITEM[] = {"pen", "brush", "color", "font"};
        static const char* const TEXT[] = {"font", "textColor"};

        QList<QCPAxis*> axes;
        for (QCPAxisRect* rect : plot->axisRects())
            axes += rect->axes();
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
            m_margins.emplace_back(element, element->margins());
            if (auto* scale = qobject_cast<QCPColorScale*>(element))
                axes << scale->axis();
            else if (auto* title = qobject_cast<QCPTextElement*>(element))
                save(title, TEXT);
        }
        for (QCPAxis* axis : axes) {
            save(axis, AXIS);
            save(axis->grid(), GRID);
            m_ranges.emplace_back(axis, axis->range());
        }
        save(plot->legend, LEGEND);
        for (int k = 0; k < plot->plottableCount(); ++k) {
            QCPAbstractPlottable* plottable = plot->plottable(k);
            save(plottable, PLOTTABLE);
            if (auto* graph = qobject_cast<QCPGraph*>(plottable))
                m_scatters.emplace_back(graph, graph->scatterStyle());
        }
        for (int k = 0; k < plot->itemCount(); ++k)
            save(plot->item(k), ITEM);
    }

    void restore()
    {
        for (const Saved& saved : m_properties)
            if (saved.object)
                saved.object->setProperty(saved.name, saved.value);
        for (const auto& [graph, scatter] : m_scatters)
            if (graph)
                graph->setScatterStyle(scatter);
        for (const auto& [axis, range] : m_ranges)
            if (axis)
                axis->setRange(range);
        setPlotBackground(m_plot, m_background);
        // NOTE: in a margin group, an element without axes (a colour scale) offers its current margin as its
        // wanted one, so a margin grown for larger export fonts would never shrink back on its own.
        for (const auto& [element, margins] : m_margins)
            if (element)
                element->setMargins(margins);
    }

private:
    struct Saved {
        QPointer<QObject> object;
        const char* name;
        QVariant value;
    };

    template <std::size_t N>
    void save(QObject* object, const char* const (&names)[N])
    {
        const QMetaObject* meta = object->metaObject();
        for (const char* name : names)
            if (meta->indexOfProperty(name) >= 0)
                m_properties.push_back({object, name, object->property(name)});
    }

    QCustomPlot* m_plot;
    QColor m_background;
    std::vector<Saved> m_properties;
    std::vector<std::pair<QPointer<QCPAxis>, QCPRange>> m_ranges;
    std::vector<std::pair<QPointer<QCPGraph>, QCPScatterStyle>> m_scatters;
    std::vector<std::pair<QPointer<QCPLayoutElement>, QMargins>> m_margins;
};

constexpr double METRES_PER_INCH = 0.0254;

bool writePng(QCustomPlot* plot, const QString& path, const FigureOptions& options)
{
    const QSize logical = options.logicalSize();
    const QSize pixels = options.pixelSize();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(plotBackground(plot));
    // NOTE: the image claims 96 DPI while drawing, so fonts in points get the same logical size as on the SVG and
    // PDF canvases whatever the screen's DPI; the painter's scale then maps the layout onto the device pixels.
    const int logicalDotsPerMetre = static_cast<int>(std::lround(FIGURE_LOGICAL_DPI / METRES_PER_INCH));
    image.setDotsPerMeterX(logicalDotsPerMetre);
    image.setDotsPerMeterY(logicalDotsPerMetre);
    {
        QCPPainter painter(&image);
        if (!painter.isActive())
            return false;
        const double sx = static_cast<double>(pixels.width()) / logical.width();
        const double sy = static_cast<double>(pixels.height()) / logical.height();
        if (sx > 1.0 || sy > 1.0)
            painter.setMode(QCPPainter::pmNonCosmetic);  // scale lines with the picture, as QCustomPlot::toPixmap
        painter.scale(sx, sy);
        plot->toPainter(&painter, logical.width(), logical.height());
    }
    const int dotsPerMetre = static_cast<int>(std::lround(options.dpi / METRES_PER_INCH));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    return image.save(path, "PNG");
}

bool writeSvg(QCustomPlot* plot, const QString& path, const FigureOptions& options, const QString& title)
{
    const QSize logical = options.logicalSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(logical);
    generator.setViewBox(QRect(QPoint(0, 0), logical));
    // width and height in mm = logical pixels x 25.4 / resolution: the physical size.
    generator.setResolution(static_cast<int>(FIGURE_LOGICAL_DPI));
    generator.setTitle(title);
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    plot->toPainter(&painter, logical.width(), logical.height());
    return painter.end() && QFileInfo(path).size() > 0;
}

bool writePdf(QCustomPlot* plot, const QString& path, const FigureOptions& options, const QString& title)
{
    const QSize logical = options.logicalSize();
    QPdfWriter writer(path);
    setUpFigurePdf(writer, title, options.pointSize());
    // One device unit per logical pixel: the page (in points) holds the logical canvas exactly.
    writer.setResolution(static_cast<int>(FIGURE_LOGICAL_DPI));
    QCPPainter painter;
    if (!painter.begin(&writer))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    plot->toPainter(&painter, logical.width(), logical.height());
    return painter.end() && QFileInfo(path).size() > 0;
}

} // namespace

bool writePlotFigure(QCustomPlot* plot, const QString& path, const FigureOptions& requested, const QString& title)
{
    const FigureOptions options = requested.sanitized();
    PlotLookSnapshot snapshot(plot);
    QFont font = plot->xAxis ? plot->xAxis->labelFont() : plot->font();
    if (!options.fontFamily.isEmpty())
        font.setFamily(options.fontFamily);
    font.setPointSizeF(options.fontPointSize);
    applyPlotFont(plot, font);
    if (options.style == FigureStyle::Print)
        applyPrintStyle(plot);

    bool written = false;
    switch (options.format) {
    case FigureFormat::Png: written = writePng(plot, path, options); break;
    case FigureFormat::Svg: written = writeSvg(plot, path, options, title); break;
    case FigureFormat::Pdf: written = writePdf(plot, path, options, title); break;
    }

    snapshot.restore();
    // The export laid the plot out for the figure's canvas: lay it out for the widget again now, so hit tests
    // and the next paint see the screen geometry.
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return written;
}

} // namespace workbench
