// SPDX-License-Identifier: MIT
// RuntimeComparisonPlot: expected time to the optimum and success probability of each Max-Cut method, with a table.
#pragma once

#include "plots/warmstart_plot.h"
#include "warmstart/runtime_comparison.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QTableWidget;

namespace workbench {

/// The runtime comparison of the warm-start pipeline (engine::RuntimeComparison: tabu from random and warm starts,
/// VNS, the rank-two heuristic, the exact solver): per method one marker at (expected time to the optimum R_min in
/// seconds, success probability = runs that reached the optimum / runs) over a logarithmic time axis, hollow when
/// censored (no success: R_min is the stand-in T_total x N), with the per-run time limit as a dotted vertical
/// line. Below the plot a table lists the numbers: R_min, the per-run time T* attaining it, successes of runs,
/// the success probability and the median seconds to the optimum. Export (PNG, SVG, PDF, CSV) as every
/// warm-start plot.
class RuntimeComparisonPlot final : public WarmstartPlot {
    Q_OBJECT

public:
    /// Table columns.
    enum Column { MethodColumn, ExpectedColumn, ArgminColumn, SuccessesColumn, ProbabilityColumn, MedianColumn,
                  COLUMNS };

    explicit RuntimeComparisonPlot(QWidget* parent = nullptr);
    ~RuntimeComparisonPlot() override;

    /// Shows `comparison`; `timeLimitSeconds` (> 0) is the per-run limit drawn as a line (0: none). Redraws
    /// (queued).
    void setComparison(const engine::RuntimeComparison& comparison, double timeLimitSeconds);
    void clear();

    const engine::RuntimeComparison& comparison() const { return m_comparison; }
    /// Methods drawn (one graph each, in the comparison's order).
    int methodCount() const { return static_cast<int>(m_graphs.size()); }
    QCPGraph* graph(int method) const { return m_graphs.at(static_cast<std::size_t>(method)); }
    /// (R_min seconds, success probability) of method `method`.
    QPointF pointAt(int method) const;
    bool isLimitShown() const;
    QTableWidget* table() const { return m_table; }

    /// The translated display name of an engine method name ("tabu-warm" -> "tabu, warm starts").
    static QString methodName(const std::string& method);

    QString figureTitle() const override;
    /// One row per method: method (engine name), expected_seconds, argmin_seconds, successes, runs,
    /// success_probability, median_seconds, censored (0/1).
    QString csvData() const override;

private:
    engine::RuntimeComparison m_comparison;
    std::vector<QCPGraph*> m_graphs;
    QCPItemStraightLine* m_limit = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace workbench
