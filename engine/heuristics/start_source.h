// SPDX-License-Identifier: MIT
// Where a warm-startable heuristic takes its start bitstrings from: uniform random bits or a pool.
#pragma once

#include "core/bits.h"

#include <atomic>
#include <cstdint>
#include <random>
#include <vector>

namespace engine {

/// How a pool is walked.
enum class StartOrder {
    InOrder,  ///< pool[0], pool[1], ..., wrapping around (shared cursor across threads)
    Random,   ///< a uniformly drawn member each time, from the caller's generator
};

/// The start bitstrings of a search: either uniform random bits (each bit 1 with probability 1/2, MQLib's
/// random start) or members of a pool such as the samples of a QAOA run (the warm-start hook).
/// Thread-safety: `draw` may be called concurrently (in-order draws share an atomic cursor; each caller passes
/// its own generator). Not copyable because of the cursor.
class StartSource {
public:
    /// Uniform random starts over `numVariables` bits.
    explicit StartSource(std::size_t numVariables);
    /// Starts drawn from `pool`. Throws Error(InvalidArgument) when the pool is empty, a member's length is not
    /// `numVariables` or a member holds a value other than 0 and 1 (where() names "pool[i]").
    StartSource(std::size_t numVariables, std::vector<Bits> pool, StartOrder order = StartOrder::InOrder);

    StartSource(const StartSource&) = delete;
    StartSource& operator=(const StartSource&) = delete;

    std::size_t numVariables() const { return m_numVariables; }
    bool isPool() const { return !m_pool.empty(); }
    StartOrder order() const { return m_order; }
    const std::vector<Bits>& pool() const { return m_pool; }

    /// Writes the next start into `out` (resized to numVariables()). Random bits take one generator call per 64
    /// bits, so seeded runs are reproducible; a random pool member takes one bounded draw. O(n).
    void draw(std::mt19937_64& rng, Bits& out) const;
    /// Puts the in-order cursor back to pool[0].
    void rewind() { m_cursor.store(0, std::memory_order_relaxed); }

private:
    std::size_t m_numVariables = 0;
    std::vector<Bits> m_pool;                          // empty for uniform random starts
    StartOrder m_order = StartOrder::InOrder;
    mutable std::atomic<std::uint64_t> m_cursor{0};    // next in-order pool index (modulo the pool size)
};

} // namespace engine
