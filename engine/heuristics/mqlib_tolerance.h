// SPDX-License-Identifier: MIT
// MQLib's comparison of objective values, shared by the tabu search and the VNS so both decide alike.
#pragma once

namespace engine::detail {

/// True when the maximised value w1 improves on w2 by MQLib's rule: w1 - w2 > 1e-6 and (w2 <= 0 or
/// w1 / w2 - 1 >= 1e-10). Monotone in w1 for fixed w2, which the indexed tabu move selection relies on. O(1).
inline bool mqlibImproves(double w1, double w2) noexcept
{
    return w1 - w2 > 1e-6 && (w2 <= 0.0 || w1 / w2 - 1.0 >= 1e-10);
}

} // namespace engine::detail
