// SPDX-License-Identifier: MIT
// Small helpers shared by the solver implementations (not part of the public solver API).
#pragma once

#include "core/bits.h"

#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

namespace engine::detail {

/// The N*M one-hot bits of an assignment (model index per task, each in [0, M)); bit i*M + j is x_ij. O(NM).
inline Bits oneHotBits(std::size_t numTasks, std::size_t numModels, const std::vector<int>& assignment)
{
    Bits bits(numTasks * numModels, 0);
    for (std::size_t i = 0; i < numTasks; ++i)
        bits[i * numModels + static_cast<std::size_t>(assignment[i])] = 1;
    return bits;
}

/// A uniform integer in [0, n) for n >= 1 by rejection on the raw 64-bit output.
/// NOTE: std::uniform_int_distribution is implementation-defined; this keeps seeded runs identical across
/// standard libraries. O(1) expected.
inline std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t n)
{
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;  // largest multiple of n, exclusive bound
    std::uint64_t r = rng();
    while (r >= limit)
        r = rng();
    return r % n;
}

/// A uniform double in [0, 1) with 53 random bits (portable, unlike std::uniform_real_distribution). O(1).
inline double uniformUnit(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

/// Wall-clock seconds elapsed since `start` (steady clock).
inline double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace engine::detail
