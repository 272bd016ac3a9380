// SPDX-License-Identifier: MIT
// Max-Cut and MIS encoders into minimisation QUBOs, and the direct objectives they are checked against.
#include "graph/graph_problems.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace engine {

namespace {

void checkSize(const WeightedGraph& graph, const Bits& x)
{
    if (x.size() != graph.numVertices())
        throw Error(ErrorCode::InvalidArgument, "bitstring has " + std::to_string(x.size())
                                                    + " variables, the graph has "
                                                    + std::to_string(graph.numVertices()) + " vertices");
}

// Edges sorted by (u, v): QuboModel appends in O(1) when pairs arrive in increasing order.
std::vector<Edge> sortedEdges(const WeightedGraph& graph)
{
    std::vector<Edge> edges = graph.edges();
    std::sort(edges.begin(), edges.end(),
              [](const Edge& a, const Edge& b) { return a.u != b.u ? a.u < b.u : a.v < b.v; });
    return edges;
}

} // namespace

QuboModel encodeMaxCut(const WeightedGraph& graph)
{
    QuboModel qubo(graph.numVertices());
    for (const Edge& e : sortedEdges(graph)) {
        qubo.addLinear(e.u, -e.weight);
        qubo.addLinear(e.v, -e.weight);
        qubo.addQuadratic(e.u, e.v, 2.0 * e.weight);
    }
    return qubo;
}

double cutValue(const WeightedGraph& graph, const Bits& x)
{
    checkSize(graph, x);
    double cut = 0.0;
    for (const Edge& e : graph.edges())
        if (x[e.u] != x[e.v])
            cut += e.weight;
    return cut;
}

QuboModel encodeMis(const WeightedGraph& graph, double penalty)
{
    if (!std::isfinite(penalty) || penalty <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "MIS penalty must be a finite number > 0", "penalty");
    QuboModel qubo(graph.numVertices());
    for (std::size_t v = 0; v < graph.numVertices(); ++v)
        qubo.addLinear(v, -1.0);
    for (const Edge& e : sortedEdges(graph))
        qubo.addQuadratic(e.u, e.v, penalty);
    return qubo;
}

bool isIndependentSet(const WeightedGraph& graph, const Bits& x)
{
    checkSize(graph, x);
    for (const Edge& e : graph.edges())
        if (x[e.u] && x[e.v])
            return false;
    return true;
}

std::size_t setSize(const Bits& x)
{
    return static_cast<std::size_t>(std::count_if(x.begin(), x.end(), [](std::uint8_t b) { return b != 0; }));
}

} // namespace engine
