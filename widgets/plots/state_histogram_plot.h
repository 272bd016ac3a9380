// SPDX-License-Identifier: MIT
// StateHistogramPlot: bars of the most probable basis states of a QAOA state, coloured by LCRP validity.
#pragma once

#include "export/exportable_figure.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_evaluator.h"
#include "lcrp/lcrp_instance.h"

#include <QColor>
#include <QPointF>
#include <QWidget>

#include <cstdint>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPBars;
class QMouseEvent;

namespace workbench {

/// At most this many bars are drawn.
constexpr int MAX_HISTOGRAM_BARS = 20;

/// Owns a QCustomPlot with two QCPBars: states whose every task row is one-hot (valid) in green, the others in
/// red. Bar k (key k) is the k-th most probable state; its tick label is the bitstring in variable order, one
/// group of M bits per task and the slack bits after a bar. Hovering a bar shows a tooltip decoding it (task ->
/// model, cost, validity and feasibility, QUBO energy) through engine::bitsFromIndex and evaluateBits.
class StateHistogramPlot final : public QWidget, public ExportableFigure {
    Q_OBJECT

public:
    explicit StateHistogramPlot(QWidget* parent = nullptr);
    ~StateHistogramPlot() override;

    /// Shows the first `maxBars` of `states` (basis index, probability; most probable first) of a register laid
    /// out as `encoding` of `instance`. Redraws (queued).
    void setStates(const engine::LcrpInstance& instance, const engine::LcrpEncoding& encoding,
                   const std::vector<std::pair<std::uint64_t, double>>& states, int maxBars = MAX_HISTOGRAM_BARS);
    void clear();

    QCustomPlot* customPlot() const { return m_plot; }
    QCPBars* validBars() const { return m_valid; }
    QCPBars* invalidBars() const { return m_invalid; }
    int barCount() const { return static_cast<int>(m_bars.size()); }
    /// Basis state, probability and evaluation of bar k (0 <= k < barCount()).
    std::uint64_t barState(int k) const { return m_bars[static_cast<std::size_t>(k)].state; }
    double barProbability(int k) const { return m_bars[static_cast<std::size_t>(k)].probability; }
    const engine::LcrpEvaluation& barEvaluation(int k) const { return m_bars[static_cast<std::size_t>(k)].evaluation; }
    /// The tick label of bar k.
    QString barLabel(int k) const;
    /// The hover text of bar k.
    QString describeBar(int k) const;
    /// The bar under `pixel` (widget coordinates of customPlot()), or -1.
    int barIndexAt(const QPointF& pixel) const;
    /// Where bar k's middle is drawn (customPlot() pixels; valid after a replot).
    QPointF barCentre(int k) const;
    /// Number of bars in the valid and in the invalid set.
    int validBarCount() const;
    int invalidBarCount() const;
    /// Fill colour bar k is drawn with.
    QColor barColour(int k) const;

    // --- ExportableFigure ---------------------------------------------------------------------------------------
    QString figureTitle() const override;
    bool writeFigure(const QString& path, const FigureOptions& options) const override;
    /// One row per bar: rank (1 = most probable), basis_state (index), bitstring (variable 0 first, grouped as
    /// drawn), probability, valid (1 or 0), qubo_energy.
    QString csvData() const override;

private:
    struct Bar {
        std::uint64_t state = 0;
        double probability = 0.0;
        engine::LcrpEvaluation evaluation;
        QString label;
    };
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_valid = nullptr;
    QCPBars* m_invalid = nullptr;
    std::vector<Bar> m_bars;
    std::vector<QString> m_taskNames;
    std::vector<QString> m_modelNames;
    std::size_t m_numAssignment = 0;
};

} // namespace workbench
