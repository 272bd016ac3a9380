// SPDX-License-Identifier: MIT
// Random LCRP instances with the paper's complexity mix, including the NumPy-compatible reference stream.
#pragma once

#include "lcrp/lcrp_instance.h"

#include <cstdint>

namespace engine {

/// Generator options.
struct LcrpGeneratorOptions {
    std::size_t numTasks = 4;          ///< N >= 1
    std::size_t numModels = 3;         ///< M in [1, 5]: the first M of `defaultModelTiers()`
    std::uint32_t seed = 42;           ///< seed of the stream
    double budgetUsd = 5.0;            ///< B > 0
    bool referenceStream = true;       ///< draw exactly as the published code (NumPy legacy RandomState)
};

/// Draws N tasks: per task first the complexity (from the 100-entry share list [1 x30, 2 x25, 3 x25, 4 x15,
/// 5 x5]) then the tokens int(lo + (hi - lo) * u) in the class range. With `referenceStream` the draws are
/// `LegacyRandomState(seed)`'s boundedInt(99) and randomSample(), bit-exact with the published instances;
/// otherwise std::mt19937_64(seed) with the same distributions. Ids are T-000, T-001, ...
/// Throws Error(InvalidArgument) naming the bad option ("--tasks", "--models", "--budget").
LcrpInstance generateLcrp(const LcrpGeneratorOptions& options);

} // namespace engine
