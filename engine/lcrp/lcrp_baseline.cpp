// SPDX-License-Identifier: MIT
// Uniform-random baselines: how often a uniformly random bitstring is a valid (or allowed) LCRP assignment.
#include "lcrp/lcrp_baseline.h"

#include <algorithm>
#include <cmath>

namespace engine {

double uniformRandomValidRate(const LcrpInstance& instance)
{
    instance.validate();
    // A row is one-hot in exactly M of its 2^M patterns; rows are independent.
    const double m = static_cast<double>(instance.numModels());
    const double perRow = m / std::ldexp(1.0, static_cast<int>(std::min<std::size_t>(instance.numModels(), 2000)));
    return std::pow(perRow, static_cast<double>(instance.numTasks()));
}

double uniformRandomAllowedRate(const LcrpInstance& instance)
{
    instance.validate();
    const double rowPatterns = std::ldexp(1.0, static_cast<int>(std::min<std::size_t>(instance.numModels(), 2000)));
    double rate = 1.0;
    for (std::size_t i = 0; i < instance.numTasks(); ++i) {
        int allowedModels = 0;
        for (std::size_t j = 0; j < instance.numModels(); ++j)
            allowedModels += instance.allowed(i, j) ? 1 : 0;
        rate *= static_cast<double>(allowedModels) / rowPatterns;
    }
    return rate;
}

} // namespace engine
