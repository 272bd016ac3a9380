// SPDX-License-Identifier: MIT
// Random Erdos-Renyi QUBOs of the warm-starts paper's GNN training and test sets (section IV.3, appendix A.1).
#pragma once

#include "qubo/qubo_model.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace engine {

/// How node weights a_i (the QUBO's c) and edge weights b_ij (its Q) are drawn; all in [-1, 1].
enum class GnnQuboFamily {
    Uniform,    ///< every a_i and b_ij uniform in [-1, 1]
    FixedNode,  ///< one node weight c ~ U[-1, 1] for all nodes, edge weights uniform
    FixedEdge,  ///< one edge weight w ~ U[-1, 1] for all edges, node weights uniform
    MaxCut,     ///< weighted Max-Cut (encodeMaxCut) with w ~ U[-1, 1], rescaled so max |coefficient| = 1
    Mis,        ///< unweighted MIS (encodeMis) with penalty lambda ~ U[1, 2], rescaled so max |coefficient| = 1
};
/// Stable names "uniform", "fixed-node", "fixed-edge", "maxcut", "mis", and the parser (Error(InvalidArgument)).
const char* gnnQuboFamilyName(GnnQuboFamily family) noexcept;
GnnQuboFamily gnnQuboFamilyFromName(const std::string& name);

/// One drawn instance description.
struct GnnQuboSpec {
    std::size_t numNodes = 10;                   ///< N
    double edgeProbability = 0.5;                ///< p_E of G(N, p_E)
    GnnQuboFamily family = GnnQuboFamily::Uniform;
    std::uint64_t seed = 1;                      ///< seeds the graph and the weights
};

/// Draws a spec: N uniform in [minNodes, maxNodes], p_E uniform in [0.1, 0.9], the family uniform over the
/// five, and a weight seed, from `seed` and
/// `index` (so spec k of a data set does not depend on how many threads generate it). Throws
/// Error(InvalidArgument) for minNodes < 2 or minNodes > maxNodes.
GnnQuboSpec drawGnnQuboSpec(std::uint64_t seed, std::uint64_t index, std::size_t minNodes, std::size_t maxNodes);

/// The QUBO of `spec`: a G(N, p_E) graph (an edge is added between two random nodes when it came out empty, so
/// every instance has a coupling) with the family's weights. Deterministic for a spec. O(N^2).
QuboModel gnnQubo(const GnnQuboSpec& spec);

} // namespace engine
