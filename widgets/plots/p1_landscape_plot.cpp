// SPDX-License-Identifier: MIT
// P1LandscapePlot: filling the colour map from a p = 1 grid, markers and the hover read-out.
#include "plots/p1_landscape_plot.h"

#include "export/csv_export.h"
#include "export/figure_export.h"
#include "export/plot_export.h"
#include "plots/plot_style.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace workbench {

P1LandscapePlot::P1LandscapePlot(QWidget* parent)
    : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(200, 140);
    installScreenStyle(m_plot);
    installFigureExportMenu(m_plot, this, this);
    m_plot->xAxis->setLabel(tr("γ (rad)"));
    m_plot->yAxis->setLabel(tr("β (rad)"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->axis()->setLabel(tr("⟨H⟩ at p = 1"));
    m_scale->setBarWidth(10);
    m_map->setColorScale(m_scale);
    m_map->setGradient(QCPColorGradient(QCPColorGradient::gpThermal));
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_minimum = m_plot->addGraph();
    m_minimum->setName(tr("grid minimum"));
    m_minimum->setLineStyle(QCPGraph::lsNone);
    m_minimum->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 2), Qt::NoBrush, 10));
    m_point = m_plot->addGraph();
    m_point->setName(tr("run's angles"));
    m_point->setLineStyle(QCPGraph::lsNone);
    m_point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(QColor(0x00, 0xe0, 0xff), 3), Qt::NoBrush, 14));
    // No legend: it would hide part of the map; the panel's frame title names the two markers.
    m_plot->xAxis->ticker()->setTickCount(4);
    m_plot->yAxis->ticker()->setTickCount(4);
    m_scale->axis()->ticker()->setTickCount(4);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    connect(m_plot, &QCustomPlot::mouseMove, this, &P1LandscapePlot::onMouseMove);
    clear();
}

P1LandscapePlot::~P1LandscapePlot() = default;

int P1LandscapePlot::keySize() const
{
    return m_empty ? 0 : m_map->data()->keySize();
}

int P1LandscapePlot::valueSize() const
{
    return m_empty ? 0 : m_map->data()->valueSize();
}

double P1LandscapePlot::cell(int i, int j) const
{
    return m_map->data()->cell(i, j);
}

std::pair<double, double> P1LandscapePlot::cellRange() const
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (int i = 0; i < keySize(); ++i) {
        for (int j = 0; j < valueSize(); ++j) {
            const double v = m_map->data()->cell(i, j);
            if (std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    return {low, high};
}

std::pair<double, double> P1LandscapePlot::colourRange() const
{
    return {m_map->dataRange().lower, m_map->dataRange().upper};
}

QPointF P1LandscapePlot::cellPosition(int i, int j) const
{
    double key = 0.0;
    double value = 0.0;
    m_map->data()->cellToCoord(i, j, &key, &value);
    return {key, value};
}

std::optional<QPointF> P1LandscapePlot::pointMarker() const
{
    if (m_point->dataCount() == 0)
        return std::nullopt;
    return QPointF(m_point->data()->at(0)->key, m_point->data()->at(0)->value);
}

std::optional<QPointF> P1LandscapePlot::minimumMarker() const
{
    if (m_minimum->dataCount() == 0)
        return std::nullopt;
    return QPointF(m_minimum->data()->at(0)->key, m_minimum->data()->at(0)->value);
}

bool P1LandscapePlot::isVisible(double gamma, double beta) const
{
    return m_plot->xAxis->range().contains(gamma) && m_plot->yAxis->range().contains(beta);
}

void P1LandscapePlot::clear(const QString& note)
{
    m_empty = true;
    m_map->data()->clear();
    m_point->data()->clear();
    m_minimum->data()->clear();
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(-1.6, 1.6);
    m_plot->setToolTip(note);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void P1LandscapePlot::setLandscape(const engine::P1GridResult& grid, std::optional<std::pair<double, double>> point)
{
    const int keys = static_cast<int>(grid.gammas.size());
    const int values = static_cast<int>(grid.betas.size());
    if (keys == 0 || values == 0 || grid.values.size() != grid.gammas.size() * grid.betas.size()) {
        clear();
        return;
    }
    m_empty = false;
    QCPColorMapData* data = m_map->data();
    data->setSize(keys, values);
    data->setRange(QCPRange(grid.gammas.front(), grid.gammas.back()), QCPRange(grid.betas.front(), grid.betas.back()));
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (int i = 0; i < keys; ++i) {
        for (int j = 0; j < values; ++j) {
            const double v = grid.value(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
            data->setCell(i, j, v);
            if (std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    if (!(low <= high))
        low = high = 0.0;
    m_map->setDataRange(QCPRange(low, high > low ? high : low + 1.0));

    m_minimum->data()->clear();
    m_minimum->addData(grid.bestGamma, grid.bestBeta);
    m_point->data()->clear();
    if (point)
        m_point->addData(point->first, point->second);

    // Cells are centred on the grid points: pad by half a cell so the edge cells are drawn whole.
    const double halfKey = keys > 1 ? (grid.gammas.back() - grid.gammas.front()) / (2.0 * (keys - 1)) : 0.5;
    const double halfValue = values > 1 ? (grid.betas.back() - grid.betas.front()) / (2.0 * (values - 1)) : 0.5;
    m_plot->xAxis->setRange(grid.gammas.front() - halfKey, grid.gammas.back() + halfKey);
    m_plot->yAxis->setRange(grid.betas.front() - halfValue, grid.betas.back() + halfValue);
    m_plot->setToolTip(QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString P1LandscapePlot::figureTitle() const
{
    return tr("p = 1 landscape");
}

bool P1LandscapePlot::writeFigure(const QString& path, const FigureOptions& options) const
{
    return writePlotFigure(m_plot, path, options, figureTitle());
}

QString P1LandscapePlot::csvData() const
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("gamma"), QStringLiteral("beta"), QStringLiteral("energy"), QStringLiteral("marker")});
    for (int i = 0; i < keySize(); ++i) {
        for (int j = 0; j < valueSize(); ++j) {
            const QPointF at = cellPosition(i, j);
            csv.addRow(
                {CsvWriter::number(at.x()), CsvWriter::number(at.y()), CsvWriter::number(cell(i, j)), QString()});
        }
    }
    if (const std::optional<QPointF> minimum = minimumMarker())
        csv.addRow({CsvWriter::number(minimum->x()), CsvWriter::number(minimum->y()), QString(),
                    QStringLiteral("grid_minimum")});
    if (const std::optional<QPointF> point = pointMarker())
        csv.addRow({CsvWriter::number(point->x()), CsvWriter::number(point->y()), QString(),
                    QStringLiteral("run_angles")});
    return csv.text();
}

void P1LandscapePlot::onMouseMove(QMouseEvent* event)
{
    if (m_empty)
        return;
    const double gamma = m_plot->xAxis->pixelToCoord(event->position().x());
    const double beta = m_plot->yAxis->pixelToCoord(event->position().y());
    int i = 0;
    int j = 0;
    m_map->data()->coordToCell(gamma, beta, &i, &j);
    if (i < 0 || j < 0 || i >= keySize() || j >= valueSize())
        return;
    const QLocale locale;
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("γ = %1, β = %2: ⟨H⟩ = %3")
                           .arg(locale.toString(gamma, 'f', 4), locale.toString(beta, 'f', 4),
                                locale.toString(m_map->data()->cell(i, j), 'g', 6)),
                       m_plot);
}

} // namespace workbench
