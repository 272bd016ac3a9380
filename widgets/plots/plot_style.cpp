// SPDX-License-Identifier: MIT
// The look every QCustomPlot of the workbench shares: screen and print styles, fonts, inset legend, reference lines.
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QPalette>

#include <algorithm>

namespace workbench {

namespace {

/// The dynamic property holding the background last applied (QCustomPlot has no getter for it).
constexpr const char* BACKGROUND_PROPERTY = "workbenchPlotBackground";

const QColor SCREEN_COLOURS[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                 QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                 QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
                                 QColor(0x17, 0xbe, 0xcf)};
constexpr int SCREEN_COLOUR_COUNT = static_cast<int>(sizeof(SCREEN_COLOURS) / sizeof(SCREEN_COLOURS[0]));

/// Okabe & Ito (2008), "Color Universal Design".
const QColor OKABE_ORANGE(0xe6, 0x9f, 0x00);
const QColor OKABE_SKY_BLUE(0x56, 0xb4, 0xe9);
const QColor OKABE_BLUISH_GREEN(0x00, 0x9e, 0x73);
const QColor OKABE_YELLOW(0xf0, 0xe4, 0x42);
const QColor OKABE_BLUE(0x00, 0x72, 0xb2);
const QColor OKABE_VERMILLION(0xd5, 0x5e, 0x00);
const QColor OKABE_REDDISH_PURPLE(0xcc, 0x79, 0xa7);

/// Print line widths: 1.5 times the screen width, at least this.
constexpr double PRINT_MIN_LINE_WIDTH = 1.5;

/// Every axis of the plot: those of each axis rect and those of the colour scales.
QList<QCPAxis*> allAxes(QCustomPlot* plot)
{
    QList<QCPAxis*> axes;
    for (QCPAxisRect* rect : plot->axisRects())
        axes += rect->axes();
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
        if (auto* scale = qobject_cast<QCPColorScale*>(element))
            axes << scale->axis();
    return axes;
}

void colourAxes(QCustomPlot* plot, const QColor& ink, const QPen& grid, const QPen& subGrid, const QPen& zero,
                double axisWidth)
{
    for (QCPAxis* axis : allAxes(plot)) {
        axis->setBasePen(QPen(ink, axisWidth));
        axis->setTickPen(QPen(ink, axisWidth));
        axis->setSubTickPen(QPen(ink, axisWidth));
        axis->setLabelColor(ink);
        axis->setTickLabelColor(ink);
        axis->grid()->setPen(grid);
        axis->grid()->setSubGridPen(subGrid);
        axis->grid()->setZeroLinePen(zero);
    }
}

QPen printPen(QPen pen)
{
    if (pen.style() == Qt::NoPen)
        return pen;
    pen.setColor(printColour(pen.color()));
    pen.setWidthF(std::max(PRINT_MIN_LINE_WIDTH, pen.widthF() * 1.5));
    return pen;
}

QBrush printBrush(QBrush brush)
{
    if (brush.style() == Qt::NoBrush)
        return brush;
    brush.setColor(printColour(brush.color()));
    return brush;
}

/// Re-applies the screen style when the plot's palette changes (a dark theme switched on at run time).
class PaletteFollower final : public QObject {
public:
    explicit PaletteFollower(QCustomPlot* plot)
        : QObject(plot)
        , m_plot(plot)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange) {
            applyScreenStyle(m_plot, m_plot->palette());
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QCustomPlot* m_plot;
};

} // namespace

QColor plotColour(int index)
{
    const int k = ((index % SCREEN_COLOUR_COUNT) + SCREEN_COLOUR_COUNT) % SCREEN_COLOUR_COUNT;
    return SCREEN_COLOURS[k];
}

QColor printColour(const QColor& screen)
{
    const QColor hsl = screen.toHsl();
    // Greys (and near-white or near-black colours) carry no hue to confuse: keep them neutral.
    if (hsl.hslSaturation() < 40 || hsl.lightness() > 235 || hsl.lightness() < 20) {
        QColor grey = QColor::fromHsl(0, 0, hsl.lightness());
        grey.setAlpha(screen.alpha());
        return grey;
    }
    const int hue = hsl.hslHue();
    QColor out;
    if (hue < 15 || hue >= 330)
        out = OKABE_VERMILLION;
    else if (hue < 50)
        out = OKABE_ORANGE;
    else if (hue < 75)
        out = OKABE_YELLOW;
    else if (hue < 180)
        out = OKABE_BLUISH_GREEN;
    else if (hue < 200)
        out = OKABE_SKY_BLUE;
    else if (hue < 260)
        out = OKABE_BLUE;
    else
        out = OKABE_REDDISH_PURPLE;
    out.setAlpha(screen.alpha());
    return out;
}

void applyScreenStyle(QCustomPlot* plot, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor ink = palette.color(QPalette::Text);
    setPlotBackground(plot, base);
    QColor gridColour = ink;
    gridColour.setAlpha(45);
    QColor subGridColour = ink;
    subGridColour.setAlpha(20);
    QColor zeroColour = ink;
    zeroColour.setAlpha(80);
    colourAxes(plot, ink, QPen(gridColour, 0, Qt::DotLine), QPen(subGridColour, 0, Qt::DotLine),
               QPen(zeroColour, 0, Qt::SolidLine), 0);
    QColor legendBox = base;
    legendBox.setAlpha(190);
    plot->legend->setBrush(legendBox);
    QColor border = ink;
    border.setAlpha(120);
    plot->legend->setBorderPen(QPen(border, 0));
    plot->legend->setTextColor(ink);
}

void installScreenStyle(QCustomPlot* plot)
{
    applyScreenStyle(plot, plot->palette());
    plot->installEventFilter(new PaletteFollower(plot));
}

QColor plotBackground(const QCustomPlot* plot)
{
    const QVariant stored = plot->property(BACKGROUND_PROPERTY);
    return stored.isValid() ? stored.value<QColor>() : QColor(Qt::white);
}

void setPlotBackground(QCustomPlot* plot, const QColor& colour)
{
    plot->setBackground(colour);
    plot->setProperty(BACKGROUND_PROPERTY, colour);
}

void applyPrintStyle(QCustomPlot* plot)
{
    setPlotBackground(plot, Qt::white);
    colourAxes(plot, Qt::black, QPen(QColor(0xd9, 0xd9, 0xd9), 0.75, Qt::SolidLine), QPen(Qt::NoPen),
               QPen(QColor(0xb0, 0xb0, 0xb0), 0.75, Qt::SolidLine), 1.0);
    for (QCPAxis* axis : allAxes(plot))
        axis->grid()->setSubGridVisible(false);
    plot->legend->setBrush(Qt::white);
    plot->legend->setBorderPen(QPen(Qt::black, 0.75));
    plot->legend->setTextColor(Qt::black);

    for (int k = 0; k < plot->plottableCount(); ++k) {
        QCPAbstractPlottable* plottable = plot->plottable(k);
        plottable->setPen(printPen(plottable->pen()));
        plottable->setBrush(printBrush(plottable->brush()));
        if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
            QCPScatterStyle scatter = graph->scatterStyle();
            if (!scatter.isNone()) {
                scatter.setPen(printPen(scatter.pen()));
                scatter.setBrush(printBrush(scatter.brush()));
                graph->setScatterStyle(scatter);
            }
        }
    }
    for (int k = 0; k < plot->itemCount(); ++k) {
        QCPAbstractItem* item = plot->item(k);
        if (auto* line = qobject_cast<QCPItemStraightLine*>(item))
            line->setPen(printPen(line->pen()));
        else if (auto* segment = qobject_cast<QCPItemLine*>(item))
            segment->setPen(printPen(segment->pen()));
        else if (auto* text = qobject_cast<QCPItemText*>(item))
            text->setColor(printColour(text->color()));
    }
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setTextColor(Qt::black);
}

void applyPlotFont(QCustomPlot* plot, const QFont& base)
{
    const auto scaled = [&base](double factor) {
        QFont font = base;
        font.setPointSizeF(base.pointSizeF() * factor);
        return font;
    };
    for (QCPAxis* axis : allAxes(plot)) {
        axis->setLabelFont(base);
        axis->setTickLabelFont(scaled(0.9));
    }
    plot->legend->setFont(scaled(0.85));
    for (int k = 0; k < plot->itemCount(); ++k)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(k)))
            text->setFont(scaled(0.85));
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setFont(scaled(1.1));
}

void styleInsetLegend(QCustomPlot* plot, const QFont& base, Qt::Alignment corner)
{
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.8);
    plot->legend->setVisible(true);
    plot->legend->setFont(small);
    QColor box = plotBackground(plot);
    box.setAlpha(190);
    plot->legend->setBrush(box);
    plot->legend->setIconSize(16, 8);
    plot->legend->setRowSpacing(-3);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, corner);
}

void setHorizontalLine(QCPItemStraightLine* line, double y)
{
    line->point1->setCoords(0.0, y);
    line->point2->setCoords(1.0, y);
}

} // namespace workbench
