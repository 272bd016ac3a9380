// SPDX-License-Identifier: MIT
// Live line plots of a QAOA optimisation: energy per evaluation with best-so-far, and valid rate against random.
#pragma once

#include "export/exportable_figure.h"
#include "qaoa/qaoa_run.h"

#include <QPointF>
#include <QString>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace workbench {

/// Owns a QCustomPlot with two graphs over the evaluation count: the objective <H> of every evaluation (grey
/// dots joined thinly, so restarts read as separate descents) and the best value so far (a bold step line).
/// `appendPoints` only stores; `replot` redraws, so a caller can throttle redraws while points stream in.
class QaoaConvergencePlot final : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    explicit QaoaConvergencePlot(QWidget* parent = nullptr);
    ~QaoaConvergencePlot() override;

    /// Removes every point.
    void clear();
    /// Appends points (in evaluation order) to both graphs; no redraw.
    void appendPoints(const std::vector<engine::QaoaProgressPoint>& points);
    /// Marks the final expectation of the chosen angles with a horizontal line (none: hide it).
    void setFinalExpectation(std::optional<double> expectation);
    /// Rescales the axes to the data and redraws (queued).
    void replot();

    QCustomPlot* customPlot() const { return m_plot; }
    QCPGraph* energyGraph() const { return m_energy; }
    QCPGraph* bestGraph() const { return m_best; }
    int pointCount() const;
    /// (evaluation, energy) and (evaluation, best so far) of point k.
    QPointF energyAt(int k) const;
    QPointF bestAt(int k) const;
    /// The value axis range (lower, upper).
    std::pair<double, double> valueRange() const;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// One row per evaluation: evaluation, energy, best_so_far, and final_expectation (the dashed line; empty
    /// while it is hidden).
    QString csvData() const override;

private:
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_energy = nullptr;
    QCPGraph* m_best = nullptr;
    QCPItemStraightLine* m_final = nullptr;
};

/// Owns a QCustomPlot of the exact valid (one-hot) rate of every evaluated state on a logarithmic axis, with
/// the uniform-random baseline (M / 2^M)^N as a labelled horizontal line. The value axis always spans the
/// baseline, so it stays visible beside any rate. Rates of exactly 0 cannot sit on a log axis and are drawn at
/// the axis floor.
class ValidRatePlot final : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    explicit ValidRatePlot(QWidget* parent = nullptr);
    ~ValidRatePlot() override;

    /// The uniform-random valid rate, in (0, 1].
    void setBaseline(double rate);
    /// The final state's exact valid rate as a second labelled line (none: hide it).
    void setFinalRate(std::optional<double> rate);
    /// Removes every point (the baseline stays).
    void clear();
    /// Appends the points that carry a valid rate; no redraw.
    void appendPoints(const std::vector<engine::QaoaProgressPoint>& points);
    /// Rescales (baseline included) and redraws (queued).
    void replot();

    QCustomPlot* customPlot() const { return m_plot; }
    QCPGraph* rateGraph() const { return m_rates; }
    QCPItemStraightLine* baselineLine() const { return m_baseline; }
    QCPItemText* baselineLabel() const { return m_baselineLabel; }
    double baseline() const { return m_baselineRate; }
    int pointCount() const;
    /// (evaluation, rate) of point k as drawn.
    QPointF rateAt(int k) const;
    /// The height of the baseline line's two defining points (equal: the line is horizontal) and its label.
    std::pair<double, double> baselineLineY() const;
    QString baselineText() const;
    bool isBaselineShown() const;
    /// The value axis range (lower, upper) and whether it is logarithmic.
    std::pair<double, double> valueRange() const;
    bool isLogarithmic() const;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// One row per plotted rate: evaluation, valid_rate (as drawn: 0 at the axis floor 1e-12),
    /// random_baseline (the uniform-random rate) and final_rate (empty while hidden).
    QString csvData() const override;

private:
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_rates = nullptr;
    QCPItemStraightLine* m_baseline = nullptr;
    QCPItemText* m_baselineLabel = nullptr;
    QCPItemStraightLine* m_final = nullptr;
    QCPItemText* m_finalLabel = nullptr;
    double m_baselineRate = 1.0;
    std::optional<double> m_finalRate;
    double m_smallest = 1.0;  // smallest positive rate appended
};

} // namespace workbench
