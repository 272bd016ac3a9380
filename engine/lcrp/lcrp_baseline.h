// SPDX-License-Identifier: MIT
// Uniform-random baselines: the chance that a uniformly random bitstring is a valid (or feasible) assignment.
#pragma once

#include "lcrp/lcrp_instance.h"

namespace engine {

/// P(every task row is one-hot) for uniform random bits = (M / 2^M)^N. Slack bits do not matter.
/// Examples: 2x3 -> 0.140625, 4x3 -> 0.019775, 6x3 -> 0.002781.
double uniformRandomValidRate(const LcrpInstance& instance);

/// P(every row is one-hot and picks an allowed model (quality, latency, context)) = prod_i a_i / 2^M, a_i the
/// number of allowed models of task i. The budget is not included.
double uniformRandomAllowedRate(const LcrpInstance& instance);

} // namespace engine
