// SPDX-License-Identifier: MIT
// Random QUBO instances for tests, benchmarks and `qaoa-cli generate qubo`.
#pragma once

#include "qubo/qubo_model.h"

#include <cstdint>

namespace engine {

/// Largest n `randomQubo` accepts (its O(n^2) pair loop and dense output stay bounded).
constexpr std::size_t MAX_RANDOM_QUBO_VARIABLES = 20000;

/// Options of `randomQubo`.
struct RandomQuboOptions {
    std::size_t numVariables = 10;  ///< n
    double density = 0.5;           ///< probability that a pair i < j gets a coefficient, in [0, 1]
    double low = -1.0;              ///< coefficients are uniform in [low, high)
    double high = 1.0;
    bool integer = false;           ///< round coefficients to integers (uniform over [low, high] integers)
    std::uint64_t seed = 1;
};

/// A QUBO with uniform random linear terms on every variable and quadratic terms on a random fraction
/// `density` of the pairs. Reproducible for a seed (std::mt19937_64). O(n^2) time.
/// Throws Error(InvalidArgument) for density outside [0, 1], low > high, or no integer in [low, high] when
/// `integer`; Error(LimitExceeded) above MAX_RANDOM_QUBO_VARIABLES.
QuboModel randomQubo(const RandomQuboOptions& options);

} // namespace engine
