// SPDX-License-Identifier: MIT
// A random stream bit-exact with NumPy's legacy RandomState (MT19937), to rebuild published instances.
#pragma once

#include <cstdint>
#include <random>

namespace engine {

/// MT19937 seeded by the classic init_genrand(seed), with NumPy's legacy `RandomState` derivations:
/// `randomSample()` equals `RandomState(seed).random_sample()` and `boundedInt(max)` equals one draw of
/// `RandomState(seed).randint(0, max + 1)` (masked rejection sampling) for the same seed and call order.
/// Not thread-safe; cheap to copy.
class LegacyRandomState {
public:
    explicit LegacyRandomState(std::uint32_t seed) : m_engine(seed) {}

    /// The next raw 32-bit output of MT19937.
    std::uint32_t next32() { return static_cast<std::uint32_t>(m_engine()); }

    /// A double in [0, 1) with 53 random bits: ((a >> 5) * 2^26 + (b >> 6)) / 2^53.
    double randomSample();

    /// An integer in [0, max] by masked rejection: mask = smallest 2^k - 1 >= max; redraw while value > max.
    /// For max < 2^32 one 32-bit output per try (NumPy's legacy 32-bit path).
    std::uint32_t boundedInt(std::uint32_t max);

private:
    std::mt19937 m_engine;
};

} // namespace engine
