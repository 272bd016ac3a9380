// SPDX-License-Identifier: MIT
// QuboHeatmapPlot: a colour map of the encoded QUBO's coefficient matrix that follows every document edit.
#pragma once

#include "document/workbench_settings.h"
#include "export/exportable_figure.h"

#include <QTimer>
#include <QWidget>

#include <string>
#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QLabel;
class QMouseEvent;

namespace workbench {

class ProjectDocument;

/// Above this many QUBO variables the map is not drawn (n^2 cells; 1500^2 is about 18 MB of doubles).
constexpr std::size_t MAX_HEATMAP_VARIABLES = MAX_ENCODED_VARIABLES;

/// Owns a QCustomPlot with one QCPColorMap and a colour scale. Cell (key j, value i) holds Q_ij of the QUBO
/// from engine::encodeLcrp with the document's objective and slack bits: linear terms a_i on the diagonal and
/// the quadratic b_ij mirrored to both triangles. Row 0 is at the top, as in a printed matrix. The colour range
/// is symmetric around zero so the sign reads at a glance. Document changes schedule a rebuild through a
/// zero-timeout single-shot timer, so a burst of edits costs one encode and one replot.
class QuboHeatmapPlot final : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    explicit QuboHeatmapPlot(ProjectDocument* document, QWidget* parent = nullptr);
    ~QuboHeatmapPlot() override;

    QCustomPlot* customPlot() const { return m_plot; }
    QCPColorMap* colorMap() const { return m_map; }
    /// Size of the colour map's data grid (n x n), read from the QCPColorMap.
    int mapSize() const;
    /// The QCPColorMap's data at key `j` (x, column) and value `i` (y, row).
    double mapCell(int j, int i) const;
    /// The colour scale's data range (symmetric around zero).
    double mapRangeUpper() const;

    /// Encodes the document and refills the map now (normally called by the timer).
    void rebuild();
    bool isRebuildPending() const { return m_timer.isActive(); }
    /// How often `rebuild` ran (tests check that bursts coalesce).
    int rebuildCount() const { return m_rebuildCount; }
    /// Number of QUBO variables shown (0 when nothing is drawn).
    std::size_t numVariables() const { return m_names.size(); }
    /// The status line under the plot (size, couplings, or why nothing is drawn).
    QString summaryText() const;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// The matrix as drawn: header "variable" and the n variable names, then one row per variable i: its name
    /// and Q_ij for j = 0 .. n-1 (empty when nothing is drawn).
    QString csvData() const override;

private:
    void onMouseMove(QMouseEvent* event);
    void clearMap();

    ProjectDocument* m_document;
    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_hover = nullptr;
    QTimer m_timer;
    int m_rebuildCount = 0;
    std::vector<std::string> m_names;  // m_names[i]: QUBO variable i's name
};

} // namespace workbench
