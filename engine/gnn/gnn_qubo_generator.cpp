// SPDX-License-Identifier: MIT
// Random Erdos-Renyi QUBOs of the warm-starts paper's GNN training and test sets.
#include "gnn/gnn_qubo_generator.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "graph/weighted_graph.h"

#include <array>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

namespace engine {

namespace {

constexpr std::array<GnnQuboFamily, 5> FAMILIES{GnnQuboFamily::Uniform, GnnQuboFamily::FixedNode,
                                                GnnQuboFamily::FixedEdge, GnnQuboFamily::MaxCut, GnnQuboFamily::Mis};

/// Uniform double in [lo, hi) from 53 random bits (portable, unlike std::uniform_real_distribution).
double uniform(std::mt19937_64& rng, double lo, double hi)
{
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

/// Uniform integer in [lo, hi] (portable).
std::size_t uniformInt(std::mt19937_64& rng, std::size_t lo, std::size_t hi)
{
    return lo + static_cast<std::size_t>(rng() % (hi - lo + 1));
}

/// Scales every coefficient so that the largest |coefficient| is 1.
QuboModel normalised(const QuboModel& q)
{
    const double m = q.maxAbsCoefficient();
    if (m == 0.0)
        return q;
    QuboModel out(q.numVariables());
    for (std::size_t i = 0; i < q.numVariables(); ++i)
        if (q.linear(i) != 0.0)
            out.addLinear(i, q.linear(i) / m);
    for (const QuadraticTerm& t : q.quadraticTerms())
        if (t.value != 0.0)
            out.addQuadratic(t.i, t.j, t.value / m);
    return out;
}

} // namespace

const char* gnnQuboFamilyName(GnnQuboFamily family) noexcept
{
    switch (family) {
    case GnnQuboFamily::Uniform: return "uniform";
    case GnnQuboFamily::FixedNode: return "fixed-node";
    case GnnQuboFamily::FixedEdge: return "fixed-edge";
    case GnnQuboFamily::MaxCut: return "maxcut";
    case GnnQuboFamily::Mis: return "mis";
    }
    return "uniform";
}

GnnQuboFamily gnnQuboFamilyFromName(const std::string& name)
{
    for (GnnQuboFamily f : FAMILIES)
        if (name == gnnQuboFamilyName(f))
            return f;
    throw Error(ErrorCode::InvalidArgument,
                "unknown QUBO family '" + name + "' (expected uniform, fixed-node, fixed-edge, maxcut or mis)");
}

GnnQuboSpec drawGnnQuboSpec(std::uint64_t seed, std::uint64_t index, std::size_t minNodes, std::size_t maxNodes)
{
    if (minNodes < 2 || minNodes > maxNodes)
        throw Error(ErrorCode::InvalidArgument, "the node range must satisfy 2 <= min <= max", "nodes");
    std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                      static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(index >> 32), 0x9e3779b9U};
    std::mt19937_64 rng(seq);
    GnnQuboSpec spec;
    spec.numNodes = uniformInt(rng, minNodes, maxNodes);
    spec.edgeProbability = uniform(rng, 0.1, 0.9);
    spec.family = FAMILIES[uniformInt(rng, 0, FAMILIES.size() - 1)];
    spec.seed = rng();
    return spec;
}

QuboModel gnnQubo(const GnnQuboSpec& spec)
{
    if (spec.numNodes < 2)
        throw Error(ErrorCode::InvalidArgument, "a QUBO graph needs at least 2 nodes", "numNodes");
    if (!(spec.edgeProbability >= 0.0 && spec.edgeProbability <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "the edge probability must be in [0, 1]", "edgeProbability");
    std::mt19937_64 rng(spec.seed);
    const std::size_t n = spec.numNodes;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (uniform(rng, 0.0, 1.0) < spec.edgeProbability)
                edges.emplace_back(i, j);
    if (edges.empty()) {
        const std::size_t i = uniformInt(rng, 0, n - 2);
        edges.emplace_back(i, uniformInt(rng, i + 1, n - 1));
    }
    switch (spec.family) {
    case GnnQuboFamily::MaxCut:
    case GnnQuboFamily::Mis: {
        WeightedGraph graph(n);
        for (const auto& [i, j] : edges)
            graph.addEdge(i, j, spec.family == GnnQuboFamily::MaxCut ? uniform(rng, -1.0, 1.0) : 1.0);
        return normalised(spec.family == GnnQuboFamily::MaxCut ? encodeMaxCut(graph)
                                                                 : encodeMis(graph, uniform(rng, 1.0, 2.0)));
    }
    case GnnQuboFamily::Uniform:
    case GnnQuboFamily::FixedNode:
    case GnnQuboFamily::FixedEdge:
        break;
    }
    QuboModel q(n);
    const double fixedNode = uniform(rng, -1.0, 1.0);
    const double fixedEdge = uniform(rng, -1.0, 1.0);
    for (std::size_t i = 0; i < n; ++i)
        q.addLinear(i, spec.family == GnnQuboFamily::FixedNode ? fixedNode : uniform(rng, -1.0, 1.0));
    for (const auto& [i, j] : edges)
        q.addQuadratic(i, j, spec.family == GnnQuboFamily::FixedEdge ? fixedEdge : uniform(rng, -1.0, 1.0));
    return q;
}

} // namespace engine
