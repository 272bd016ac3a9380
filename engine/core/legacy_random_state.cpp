// SPDX-License-Identifier: MIT
// A random stream bit-exact with NumPy's legacy RandomState (MT19937).
#include "core/legacy_random_state.h"

namespace engine {

double LegacyRandomState::randomSample()
{
    const std::uint32_t a = next32() >> 5;
    const std::uint32_t b = next32() >> 6;
    return (static_cast<double>(a) * 67108864.0 + static_cast<double>(b)) / 9007199254740992.0;
}

std::uint32_t LegacyRandomState::boundedInt(std::uint32_t max)
{
    if (max == 0)
        return 0;
    std::uint32_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    std::uint32_t value = 0;
    do {
        value = next32() & mask;
    } while (value > max);
    return value;
}

} // namespace engine
