// SPDX-License-Identifier: MIT
// GraphGeneratorDialog: every engine graph generator with its parameters, weights and seed.
#pragma once

#include "graph/graph_data.h"
#include "graph/graph_generators.h"

#include <QDialog>
#include <QString>

#include <cstdint>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace workbench {

/// The largest graph the dialog offers (the editor stays smooth up to about this size).
constexpr int MAX_GENERATED_VERTICES = 5000;
/// The most edges a generated graph may have (expected count for Erdős–Rényi).
constexpr int MAX_GENERATED_EDGES = 100000;

/// The generator families of engine/graph, and the SWAP-enhanced heavy-hex graphs of engine/transpile.
enum class GraphFamily { ErdosRenyi, RandomRegular, Line, Complete, SwapHeavyHex };

/// What the dialog edits.
struct GraphGeneratorSettings {
    GraphFamily family = GraphFamily::RandomRegular;
    int vertices = 16;
    double edgeProbability = 0.3;  ///< Erdős–Rényi
    int degree = 3;                ///< random regular
    engine::WeightKind weights = engine::WeightKind::Unit;  ///< not for SwapHeavyHex (uniform in [-1, 1])
    std::uint64_t seed = 1;        ///< weight seed; a SwapHeavyHex preset's instance K (the paper's are 1..10)
    GraphProblemKind problem = GraphProblemKind::MaxCut;
    QString device = QStringLiteral("torino");  ///< SwapHeavyHex: device spec (engine::deviceFromSpec)
    int swapPreset = 24;           ///< SwapHeavyHex: 24 or 41 (the paper's families), 0 = custom
    int seedQubit = 0;             ///< SwapHeavyHex custom: qubit the vertex subset grows from
    int targetEdges = 0;           ///< SwapHeavyHex custom: exact edge count, 0 = maximal swap set
};

/// Runs the generator `settings` names. Throws engine::Error for parameters the generator rejects (n d odd, an
/// unknown device, an edge count no swap set reaches, ...) and Error(LimitExceeded) above MAX_GENERATED_VERTICES
/// vertices or MAX_GENERATED_EDGES (expected) edges. SwapHeavyHex reads the device snapshot (milliseconds).
engine::WeightedGraph generateGraph(const GraphGeneratorSettings& settings);

/// A form with the family, its parameters (only the relevant ones enabled), weights, seed and problem kind.
/// OK is accepted only when the generator accepts the parameters; otherwise the reason shows under the form.
class GraphGeneratorDialog final : public QDialog {
    Q_OBJECT

public:
    explicit GraphGeneratorDialog(QWidget* parent = nullptr);

    GraphGeneratorSettings settings() const;
    void setSettings(const GraphGeneratorSettings& settings);
    /// The graph generated on accept (empty before).
    const engine::WeightedGraph& graph() const { return m_graph; }
    /// The message shown for rejected parameters (empty when none).
    QString errorText() const;

    void accept() override;

private:
    void updateEnabled();

    QComboBox* m_family;
    QSpinBox* m_vertices;
    QDoubleSpinBox* m_probability;
    QSpinBox* m_degree;
    QComboBox* m_weights;
    QSpinBox* m_seed;
    QComboBox* m_problem;
    QComboBox* m_device;
    QComboBox* m_swapPreset;
    QSpinBox* m_seedQubit;
    QSpinBox* m_targetEdges;
    QLabel* m_error;
    engine::WeightedGraph m_graph;
};

} // namespace workbench
