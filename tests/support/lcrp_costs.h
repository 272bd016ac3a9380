// SPDX-License-Identifier: MIT
// Plain reference sums of LCRP assignment costs, independent of the objective code under test.
#pragma once

#include "lcrp/lcrp_instance.h"

#include <cstddef>
#include <vector>

namespace test_support {

/// Total USD cost of assignment `a` (task i -> model a[i]).
inline double totalCost(const engine::LcrpInstance& inst, const std::vector<int>& a)
{
    double c = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        c += inst.costUsd(i, std::size_t(a[i]));
    return c;
}

} // namespace test_support
