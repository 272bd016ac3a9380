// SPDX-License-Identifier: MIT
// WarmstartPlot: the plot frame, its read-outs for tests, and export through the shared figure export.
#include "plots/warmstart_plot.h"

#include "export/figure_export.h"
#include "export/plot_export.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

namespace workbench {

namespace {

/// Smallest size `exportTo` writes, so a plot in a narrow dock still exports legibly.
constexpr int MIN_EXPORT_WIDTH = 600;
constexpr int MIN_EXPORT_HEIGHT = 400;

} // namespace

WarmstartPlot::WarmstartPlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(200, 140);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    installScreenStyle(m_plot);
    styleInsetLegend(m_plot, font());
    m_plot->yAxis->ticker()->setTickCount(4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    installFigureExportMenu(m_plot, this, this);
    m_plot->setToolTip(tr("Drag to pan, wheel to zoom; right-click to export"));
}

WarmstartPlot::~WarmstartPlot() = default;

QStringList WarmstartPlot::legendNames() const
{
    QStringList names;
    for (int k = 0; k < m_plot->legend->itemCount(); ++k)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(k)))
            names << item->plottable()->name();
    return names;
}

std::pair<double, double> WarmstartPlot::keyRange() const
{
    return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper};
}

std::pair<double, double> WarmstartPlot::valueRange() const
{
    return {m_plot->yAxis->range().lower, m_plot->yAxis->range().upper};
}

QString WarmstartPlot::keyLabel() const
{
    return m_plot->xAxis->label();
}

QString WarmstartPlot::valueLabel() const
{
    return m_plot->yAxis->label();
}

bool WarmstartPlot::isKeyLogarithmic() const
{
    return m_plot->xAxis->scaleType() == QCPAxis::stLogarithmic;
}

bool WarmstartPlot::isValueLogarithmic() const
{
    return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void WarmstartPlot::queueReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool WarmstartPlot::writeFigure(const QString& path, const FigureOptions& options) const
{
    return writePlotFigure(m_plot, path, options, figureTitle());
}

bool WarmstartPlot::exportTo(const QString& path) const
{
    FigureOptions options;
    options.format = figureFormatForPath(path);
    options.unit = FigureUnit::Pixels;
    options.width = std::max(m_plot->width(), MIN_EXPORT_WIDTH);
    options.height = std::max(m_plot->height(), MIN_EXPORT_HEIGHT);
    options.dpi = static_cast<int>(FIGURE_LOGICAL_DPI);
    options.fontFamily = font().family();
    options.fontPointSize = font().pointSizeF() > 0 ? font().pointSizeF() : options.fontPointSize;
    return writeFigure(path, options);
}

void WarmstartPlot::exportWithDialog()
{
    exportFigureWithDialog(this, *this);
}

} // namespace workbench
