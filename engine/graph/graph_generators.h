// SPDX-License-Identifier: MIT
// Random and structured graph generators with unit, +-1 or uniform weights.
#pragma once

#include "graph/weighted_graph.h"

#include <cstdint>
#include <string>

namespace engine {

/// Edge weight distribution of the generators.
enum class WeightKind {
    Unit,          ///< every weight 1
    PlusMinusOne,  ///< +1 or -1 with probability 1/2 each (SK-style)
    Uniform,       ///< uniform in [0, 1)
};

/// Names "unit", "pm1", "uniform" and their parser (throws Error(InvalidArgument)).
const char* weightKindName(WeightKind kind) noexcept;
WeightKind weightKindFromName(const std::string& name);

/// G(n, p): each pair independently with probability p. Seeded std::mt19937_64. O(n^2).
WeightedGraph erdosRenyiGraph(std::size_t n, double edgeProbability, WeightKind weights, std::uint64_t seed);
/// A random simple d-regular graph (Steger-Wormald pairing, approximately uniform for sparse degrees; dense
/// degrees through the complement of a sparse one). Requires n*d even and d < n;
/// throws Error(InvalidArgument) otherwise, Error(LimitExceeded) if no simple pairing is found in 1000 tries.
WeightedGraph randomRegularGraph(std::size_t n, std::size_t degree, WeightKind weights, std::uint64_t seed);
/// The path 0-1-...-(n-1).
WeightedGraph lineGraph(std::size_t n, WeightKind weights, std::uint64_t seed);
/// The complete graph K_n (with PlusMinusOne weights: the Sherrington-Kirkpatrick model).
WeightedGraph completeGraph(std::size_t n, WeightKind weights, std::uint64_t seed);

} // namespace engine
