// SPDX-License-Identifier: MIT
// GraphData: the plain value an editable graph document holds (vertices with positions, weighted edges, problem).
#pragma once

#include "graph/weighted_graph.h"
#include "qubo/qubo_model.h"

#include <QPointF>

#include <string>
#include <vector>

namespace workbench {

/// What the edited graph encodes.
enum class GraphProblemKind {
    MaxCut,  ///< maximise the weighted cut: engine::encodeMaxCut
    Mis,     ///< maximum independent set, edge weights ignored: engine::encodeMis with `misPenalty`
    Qubo,    ///< a general QUBO: a_v = linear[v], b_uv = edge weight, plus `offset`
};

/// Scene units per layout unit: engine layouts make edges about one unit long, drawn about this many pixels.
constexpr double LAYOUT_SCALE = 60.0;

/// An editable graph as a plain value. Vertices are 0..n-1; an edge {u, v} is stored with u < v; edges keep their
/// order (the edge table's row order). `positions`, `linear` have one entry per vertex.
struct GraphData {
    std::string name;                             ///< instance name (saved in the JSON formats)
    std::vector<QPointF> positions;               ///< positions[v]: vertex v in scene coordinates
    std::vector<double> linear;                   ///< linear[v]: a_v of the Qubo kind (kept but unused otherwise)
    std::vector<engine::Edge> edges;              ///< weighted edges, u < v, in table order
    GraphProblemKind problem = GraphProblemKind::MaxCut;
    double misPenalty = 2.0;                      ///< lambda of the MIS encoding (> 0)
    double offset = 0.0;                          ///< constant of the Qubo kind

    std::size_t numVertices() const { return positions.size(); }
    /// The weighted graph (edge order kept). Throws engine::Error for an invalid edge list.
    engine::WeightedGraph graph() const;
    /// The QUBO this graph encodes (to minimise): Max-Cut, MIS or the general QUBO, as engine encoders build them.
    engine::QuboModel qubo() const;
    /// Throws engine::Error(InvalidInput) naming the first broken rule (sizes, loops, duplicates, non-finite values).
    void validate() const;

    bool operator==(const GraphData& other) const;
};

/// A GraphData holding `graph` with `problem`, every a_v zero and the given positions (one per vertex).
GraphData graphDataFrom(const engine::WeightedGraph& graph, GraphProblemKind problem,
                        std::vector<QPointF> positions);

/// A GraphData of the Qubo kind holding `qubo`: one vertex per variable, an edge per non-zero b_ij.
GraphData graphDataFromQubo(const engine::QuboModel& qubo, std::vector<QPointF> positions);

/// Stable names "maxcut", "mis", "qubo".
const char* graphProblemKindName(GraphProblemKind kind) noexcept;

} // namespace workbench
