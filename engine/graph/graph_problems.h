// SPDX-License-Identifier: MIT
// Max-Cut and maximum independent set (MIS) as QUBOs to minimise, and their direct objectives.
#pragma once

#include "core/bits.h"
#include "graph/weighted_graph.h"
#include "qubo/qubo_model.h"

namespace engine {

/// Max-Cut as a minimisation QUBO with f(x) = -cut(x): a_i = -sum_j w_ij, b_ij = 2 w_ij.
QuboModel encodeMaxCut(const WeightedGraph& graph);
/// cut(x) = sum over edges with x_u != x_v of w_uv. Throws Error(InvalidArgument) on a size mismatch.
double cutValue(const WeightedGraph& graph, const Bits& x);

/// Default MIS penalty lambda (> 1 guarantees that the QUBO minimum is a maximum independent set).
constexpr double DEFAULT_MIS_PENALTY = 2.0;
/// MIS as a minimisation QUBO: f(x) = -sum_i x_i + lambda sum_{(i,j) in E} x_i x_j (edge weights ignored).
/// Throws Error(InvalidArgument) for lambda <= 0 or non-finite.
QuboModel encodeMis(const WeightedGraph& graph, double penalty = DEFAULT_MIS_PENALTY);
/// True when no edge has both endpoints set.
bool isIndependentSet(const WeightedGraph& graph, const Bits& x);
/// Number of set bits.
std::size_t setSize(const Bits& x);

} // namespace engine
