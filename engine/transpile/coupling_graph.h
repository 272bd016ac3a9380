// SPDX-License-Identifier: MIT
// The undirected coupling graph of a device with all-pairs hop distances, the structure routers search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace engine {

/// An undirected coupler between physical qubits a < b.
struct Coupler {
    unsigned a = 0;
    unsigned b = 0;
    friend bool operator==(const Coupler&, const Coupler&) = default;
};

/// Largest device the coupling graph accepts (the distance matrix is numQubits^2 16-bit entries).
constexpr unsigned MAX_DEVICE_QUBITS = 4096;
/// Distance between qubits in different connected components.
constexpr std::uint16_t UNREACHABLE = 0xffff;

/// Immutable undirected graph on physical qubits 0..n-1 with BFS distances precomputed (O(n (n + m)) at
/// construction, O(n^2) memory). Thread-safe for concurrent reads.
class CouplingGraph {
public:
    CouplingGraph() = default;
    /// Edges in any order and direction; duplicates and (a, b)/(b, a) pairs are merged. Throws
    /// Error(InvalidArgument) for a self-loop or a qubit >= numQubits, Error(LimitExceeded) above MAX_DEVICE_QUBITS.
    CouplingGraph(unsigned numQubits, const std::vector<std::pair<unsigned, unsigned>>& edges);

    unsigned numQubits() const { return m_numQubits; }
    /// The couplers, a < b, sorted by (a, b); a coupler's index in this list is its edge index.
    const std::vector<Coupler>& couplers() const { return m_couplers; }
    /// Neighbours of q, ascending.
    const std::vector<unsigned>& neighbours(unsigned q) const { return m_neighbours[q]; }
    /// Edge index of the coupler {a, b}, or -1. O(log degree).
    int edgeIndex(unsigned a, unsigned b) const;
    bool areCoupled(unsigned a, unsigned b) const { return edgeIndex(a, b) >= 0; }
    /// Hops between a and b (0 for a == b), UNREACHABLE across components. O(1).
    std::uint16_t distance(unsigned a, unsigned b) const { return m_distance[std::size_t{a} * m_numQubits + b]; }
    /// A shortest path from a to b (both included), the lowest-numbered neighbour first at each step; empty when
    /// unreachable. O(length * degree).
    std::vector<unsigned> shortestPath(unsigned a, unsigned b) const;
    /// True when every qubit can reach every other.
    bool isConnected() const;
    /// The same qubits without any coupler touching `removed` (numbering unchanged).
    CouplingGraph withoutQubits(const std::vector<unsigned>& removed) const;

private:
    unsigned m_numQubits = 0;
    std::vector<Coupler> m_couplers;
    std::vector<std::vector<unsigned>> m_neighbours;
    std::vector<std::uint16_t> m_distance;
};

} // namespace engine
