// SPDX-License-Identifier: MIT
// The undirected coupling graph of a device with all-pairs hop distances, the structure routers search.
#include "transpile/coupling_graph.h"

#include "core/error.h"

#include <algorithm>
#include <deque>
#include <string>

namespace engine {

CouplingGraph::CouplingGraph(unsigned numQubits, const std::vector<std::pair<unsigned, unsigned>>& edges)
    : m_numQubits(numQubits), m_neighbours(numQubits)
{
    if (numQubits > MAX_DEVICE_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "a device has at most " + std::to_string(MAX_DEVICE_QUBITS) + " qubits, got " +
                        std::to_string(numQubits),
                    "numQubits");
    for (std::size_t i = 0; i < edges.size(); ++i) {
        auto [a, b] = edges[i];
        if (a >= numQubits || b >= numQubits || a == b)
            throw Error(ErrorCode::InvalidArgument,
                        "coupler (" + std::to_string(a) + ", " + std::to_string(b) + ") is a self-loop or names a "
                            "qubit outside 0.." + std::to_string(numQubits == 0 ? 0 : numQubits - 1),
                        indexedPlace("edges", i));
        if (a > b)
            std::swap(a, b);
        m_couplers.push_back({a, b});
    }
    std::sort(m_couplers.begin(), m_couplers.end(),
              [](const Coupler& x, const Coupler& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    m_couplers.erase(std::unique(m_couplers.begin(), m_couplers.end()), m_couplers.end());
    for (const Coupler& c : m_couplers) {
        m_neighbours[c.a].push_back(c.b);
        m_neighbours[c.b].push_back(c.a);
    }
    for (auto& list : m_neighbours)
        std::sort(list.begin(), list.end());

    // One BFS per source; n <= 4096 keeps the matrix under 32 MiB.
    m_distance.assign(std::size_t{numQubits} * numQubits, UNREACHABLE);
    std::vector<unsigned> queue(numQubits);
    for (unsigned s = 0; s < numQubits; ++s) {
        std::uint16_t* row = m_distance.data() + std::size_t{s} * numQubits;
        std::size_t head = 0;
        std::size_t tail = 0;
        row[s] = 0;
        queue[tail++] = s;
        while (head < tail) {
            const unsigned u = queue[head++];
            for (unsigned v : m_neighbours[u]) {
                if (row[v] == UNREACHABLE) {
                    row[v] = static_cast<std::uint16_t>(row[u] + 1);
                    queue[tail++] = v;
                }
            }
        }
    }
}

int CouplingGraph::edgeIndex(unsigned a, unsigned b) const
{
    if (a >= m_numQubits || b >= m_numQubits || a == b)
        return -1;
    if (a > b)
        std::swap(a, b);
    const Coupler key{a, b};
    const auto it = std::lower_bound(m_couplers.begin(), m_couplers.end(), key, [](const Coupler& x, const Coupler& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    if (it == m_couplers.end() || !(*it == key))
        return -1;
    return static_cast<int>(it - m_couplers.begin());
}

std::vector<unsigned> CouplingGraph::shortestPath(unsigned a, unsigned b) const
{
    if (a >= m_numQubits || b >= m_numQubits || distance(a, b) == UNREACHABLE)
        return {};
    std::vector<unsigned> path{a};
    unsigned at = a;
    while (at != b) {
        for (unsigned v : m_neighbours[at]) {
            if (distance(v, b) + 1 == distance(at, b)) {
                at = v;
                break;
            }
        }
        path.push_back(at);
    }
    return path;
}

bool CouplingGraph::isConnected() const
{
    for (unsigned q = 1; q < m_numQubits; ++q) {
        if (distance(0, q) == UNREACHABLE)
            return false;
    }
    return true;
}

CouplingGraph CouplingGraph::withoutQubits(const std::vector<unsigned>& removed) const
{
    std::vector<char> gone(m_numQubits, 0);
    for (unsigned q : removed) {
        if (q < m_numQubits)
            gone[q] = 1;
    }
    std::vector<std::pair<unsigned, unsigned>> kept;
    for (const Coupler& c : m_couplers) {
        if (!gone[c.a] && !gone[c.b])
            kept.emplace_back(c.a, c.b);
    }
    return CouplingGraph(m_numQubits, kept);
}

} // namespace engine
