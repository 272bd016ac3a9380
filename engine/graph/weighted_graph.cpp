// SPDX-License-Identifier: MIT
// The weighted undirected simple graph: edge list plus per-vertex adjacency.
#include "graph/weighted_graph.h"

#include "core/error.h"

#include <cmath>
#include <limits>
#include <string>

namespace engine {

namespace {

constexpr std::size_t MAX_INDEX = std::numeric_limits<std::uint32_t>::max();

std::string pairText(std::size_t u, std::size_t v)
{
    return "{" + std::to_string(u) + ", " + std::to_string(v) + "}";
}

} // namespace

WeightedGraph::WeightedGraph(std::size_t numVertices)
{
    // Vertex and edge indices are stored as 32-bit values; refuse sizes they cannot address.
    if (numVertices > MAX_INDEX)
        throw Error(ErrorCode::LimitExceeded,
                    "a graph may have at most " + std::to_string(MAX_INDEX) + " vertices", "numVertices");
    m_adjacency.resize(numVertices);
}

void WeightedGraph::addEdge(std::size_t u, std::size_t v, double weight)
{
    const std::size_t n = numVertices();
    if (u >= n || v >= n)
        throw Error(ErrorCode::InvalidArgument,
                    "edge " + pairText(u, v) + " has an endpoint out of range (n = " + std::to_string(n) + ")");
    if (u == v)
        throw Error(ErrorCode::InvalidArgument, "edge " + pairText(u, v) + " is a self-loop");
    if (!std::isfinite(weight))
        throw Error(ErrorCode::InvalidArgument, "edge " + pairText(u, v) + " has a non-finite weight");
    if (hasEdge(u, v))
        throw Error(ErrorCode::InvalidArgument, "edge " + pairText(u, v) + " already exists");
    if (m_edges.size() >= MAX_INDEX)
        throw Error(ErrorCode::LimitExceeded, "a graph may have at most " + std::to_string(MAX_INDEX) + " edges");

    const auto a = static_cast<std::uint32_t>(std::min(u, v));
    const auto b = static_cast<std::uint32_t>(std::max(u, v));
    const auto index = static_cast<std::uint32_t>(m_edges.size());
    m_edges.push_back({a, b, weight});
    m_adjacency[a].emplace_back(b, index);
    m_adjacency[b].emplace_back(a, index);
}

void WeightedGraph::accumulateEdge(std::size_t u, std::size_t v, double weight)
{
    if (u < numVertices() && v < numVertices() && u != v) {
        // Scan the shorter adjacency list, as hasEdge does.
        const std::size_t from = degree(u) <= degree(v) ? u : v;
        const std::size_t to = from == u ? v : u;
        for (const auto& [neighbour, index] : m_adjacency[from]) {
            if (neighbour == to) {
                const double sum = m_edges[index].weight + weight;
                if (!std::isfinite(sum))
                    throw Error(ErrorCode::InvalidArgument, "edge " + pairText(u, v) + " has a non-finite weight");
                m_edges[index].weight = sum;
                return;
            }
        }
    }
    addEdge(u, v, weight);
}

bool WeightedGraph::hasEdge(std::size_t u, std::size_t v) const
{
    if (u >= numVertices() || v >= numVertices() || u == v)
        return false;
    const std::size_t from = degree(u) <= degree(v) ? u : v;
    const std::size_t to = from == u ? v : u;
    for (const auto& entry : m_adjacency[from])
        if (entry.first == to)
            return true;
    return false;
}

double WeightedGraph::weight(std::size_t u, std::size_t v) const
{
    if (u >= numVertices() || v >= numVertices() || u == v)
        return 0.0;
    const std::size_t from = degree(u) <= degree(v) ? u : v;
    const std::size_t to = from == u ? v : u;
    for (const auto& [neighbour, index] : m_adjacency[from])
        if (neighbour == to)
            return m_edges[index].weight;
    return 0.0;
}

double WeightedGraph::totalWeight() const
{
    double sum = 0.0;
    for (const Edge& e : m_edges)
        sum += e.weight;
    return sum;
}

} // namespace engine
