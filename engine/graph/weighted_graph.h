// SPDX-License-Identifier: MIT
// A weighted undirected simple graph.
#pragma once

#include <cstdint>
#include <vector>

namespace engine {

/// One undirected edge; stored with u < v.
struct Edge {
    std::uint32_t u = 0;   ///< smaller endpoint
    std::uint32_t v = 0;   ///< larger endpoint
    double weight = 1.0;   ///< w_uv
};

/// A simple undirected graph (no loops, no parallel edges) over vertices 0..n-1 with real weights.
/// Edges keep insertion order; adjacency lists hold (neighbour, edge index).
class WeightedGraph {
public:
    WeightedGraph() = default;
    explicit WeightedGraph(std::size_t numVertices);

    std::size_t numVertices() const { return m_adjacency.size(); }
    std::size_t numEdges() const { return m_edges.size(); }
    const std::vector<Edge>& edges() const { return m_edges; }

    /// Adds edge {u, v}. Throws Error(InvalidArgument) for u == v, an endpoint out of range, a non-finite
    /// weight or an edge that already exists. O(degree).
    void addEdge(std::size_t u, std::size_t v, double weight = 1.0);
    /// Adds `weight` to edge {u, v}, creating it when absent.
    void accumulateEdge(std::size_t u, std::size_t v, double weight);
    bool hasEdge(std::size_t u, std::size_t v) const;
    /// Weight of {u, v}, 0 when absent.
    double weight(std::size_t u, std::size_t v) const;

    std::size_t degree(std::size_t v) const { return m_adjacency[v].size(); }
    /// (neighbour, index into edges()) pairs of v.
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& neighbors(std::size_t v) const
    {
        return m_adjacency[v];
    }
    /// Sum of all edge weights W.
    double totalWeight() const;

private:
    std::vector<Edge> m_edges;                                                   // insertion order
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_adjacency;  // per vertex
};

} // namespace engine
