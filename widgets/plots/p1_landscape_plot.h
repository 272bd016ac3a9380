// SPDX-License-Identifier: MIT
// P1LandscapePlot: the analytic p = 1 QAOA energy landscape over (gamma, beta) with the run's angles marked.
#pragma once

#include "export/exportable_figure.h"
#include "qaoa/p1_analytic.h"

#include <QPointF>
#include <QWidget>

#include <optional>
#include <utility>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QMouseEvent;

namespace workbench {

/// Owns a QCustomPlot with a QCPColorMap of engine::p1GridSearch values: key (x) gamma, value (y) beta, cell
/// (i, j) = grid.value(i, j). Two scatter graphs mark the grid's minimum and the chosen point (the run's angles
/// at p = 1, its first layer at p > 1). NaN rows of a cancelled grid stay blank.
class P1LandscapePlot final : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    explicit P1LandscapePlot(QWidget* parent = nullptr);
    ~P1LandscapePlot() override;

    /// Shows `grid` and marks `point` (gamma, beta) when given. Redraws (queued).
    void setLandscape(const engine::P1GridResult& grid, std::optional<std::pair<double, double>> point);
    /// Empties the map and shows `note` in the title line.
    void clear(const QString& note = {});

    QCustomPlot* customPlot() const { return m_plot; }
    QCPColorMap* colorMap() const { return m_map; }
    QCPGraph* pointGraph() const { return m_point; }
    QCPGraph* minimumGraph() const { return m_minimum; }
    /// Grid sizes as held by the QCPColorMap (0 when empty).
    int keySize() const;
    int valueSize() const;
    /// The map's cell at gamma index i and beta index j.
    double cell(int i, int j) const;
    /// Smallest and largest finite cell of the map.
    std::pair<double, double> cellRange() const;
    /// The colour scale's data range (lower, upper).
    std::pair<double, double> colourRange() const;
    /// Plot coordinates (gamma, beta) of cell (i, j).
    QPointF cellPosition(int i, int j) const;
    /// The chosen point's and the grid minimum's markers (none when not drawn).
    std::optional<QPointF> pointMarker() const;
    std::optional<QPointF> minimumMarker() const;
    /// Whether the axes' visible ranges contain (gamma, beta).
    bool isVisible(double gamma, double beta) const;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// One row per grid cell (gamma-major): gamma, beta, energy (nan for cells a cancelled grid left out);
    /// then the markers as rows with the energy column empty and "marker" naming them.
    QString csvData() const override;

private:
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QCPGraph* m_point = nullptr;
    QCPGraph* m_minimum = nullptr;
    bool m_empty = true;
};

} // namespace workbench
