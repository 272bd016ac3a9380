// SPDX-License-Identifier: MIT
// Devices built by hand, random instances and small references shared by the layout and routing tests.
#pragma once

#include <QtTest>

#include "core/error.h"
#include "graph/graph_generators.h"
#include "transpile/coupling_graph.h"
#include "transpile/qubit_layout.h"
#include "transpile/swap_routing.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numeric>
#include <random>
#include <utility>
#include <vector>

namespace routing_test {

using Terms = std::vector<std::pair<unsigned, unsigned>>;

inline engine::CouplingGraph lineDevice(unsigned n)
{
    Terms edges;
    for (unsigned q = 0; q + 1 < n; ++q)
        edges.emplace_back(q, q + 1);
    return engine::CouplingGraph(n, edges);
}

inline engine::CouplingGraph gridDevice(unsigned rows, unsigned cols)
{
    Terms edges;
    for (unsigned r = 0; r < rows; ++r) {
        for (unsigned c = 0; c < cols; ++c) {
            if (c + 1 < cols)
                edges.emplace_back(r * cols + c, r * cols + c + 1);
            if (r + 1 < rows)
                edges.emplace_back(r * cols + c, (r + 1) * cols + c);
        }
    }
    return engine::CouplingGraph(rows * cols, edges);
}

/// Heron r2 from algorithms.md 8.1, independent of the device generators: 156 qubits, 176 couplers.
inline engine::CouplingGraph heronR2Device()
{
    Terms edges;
    for (unsigned r = 0; r < 8; ++r) {
        for (unsigned c = 0; c < 15; ++c)
            edges.emplace_back(20 * r + c, 20 * r + c + 1);
    }
    for (unsigned r = 0; r < 7; ++r) {
        for (unsigned j = 0; j < 4; ++j) {
            const unsigned col = r % 2 == 0 ? 4 * j + 3 : 4 * j + 1;
            const unsigned bridge = 20 * r + 16 + j;
            edges.emplace_back(20 * r + col, bridge);
            edges.emplace_back(bridge, 20 * (r + 1) + col);
        }
    }
    return engine::CouplingGraph(156, edges);
}

inline Terms regularTerms(unsigned n, unsigned degree, std::uint64_t seed)
{
    const engine::WeightedGraph g = engine::randomRegularGraph(n, degree, engine::WeightKind::Unit, seed);
    Terms terms;
    for (const engine::Edge& e : g.edges())
        terms.emplace_back(e.u, e.v);
    return terms;
}

inline engine::QubitLayout randomLayout(unsigned numLogical, unsigned numQubits, std::uint64_t seed)
{
    std::vector<unsigned> phys(numQubits);
    std::iota(phys.begin(), phys.end(), 0u);
    std::mt19937_64 rng(seed);
    std::shuffle(phys.begin(), phys.end(), rng);
    return engine::QubitLayout(phys.begin(), phys.begin() + numLogical);
}

inline engine::ErrorCode codeOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const engine::Error& e) {
        return e.code();
    }
    QTest::qFail("no engine::Error thrown", __FILE__, __LINE__);
    return engine::ErrorCode::SolverFailure;
}

/// Terms whose endpoints sit on couplers.
inline std::size_t embeddedTerms(const engine::CouplingGraph& device, const Terms& terms,
                                 const engine::QubitLayout& layout)
{
    std::size_t count = 0;
    for (const auto& [u, v] : terms)
        count += device.areCoupled(layout[u], layout[v]) ? 1 : 0;
    return count;
}

inline bool isInjective(const engine::QubitLayout& layout, unsigned numQubits)
{
    std::vector<char> used(numQubits, 0);
    for (unsigned p : layout) {
        if (p >= numQubits || used[p])
            return false;
        used[p] = 1;
    }
    return true;
}

/// Replays the steps and returns, per logical qubit, the terms in the order they were executed.
inline std::vector<std::vector<int>> executionOrderPerQubit(const Terms& terms, const engine::RoutedLayer& layer)
{
    std::vector<std::vector<int>> order(layer.initialLayout.size());
    for (const engine::RoutingStep& step : layer.steps) {
        if (step.kind == engine::RoutingStep::Kind::Swap)
            continue;
        const auto [u, v] = terms[static_cast<std::size_t>(step.term)];
        order[u].push_back(step.term);
        order[v].push_back(step.term);
    }
    return order;
}

} // namespace routing_test
