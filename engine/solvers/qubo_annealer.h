// SPDX-License-Identifier: MIT
// Single-flip simulated annealing for any QUBO.
#pragma once

#include "core/run_control.h"
#include "qubo/qubo_model.h"
#include "solvers/solver_result.h"

#include <cstdint>

namespace engine {

/// Options. Temperatures <= 0 mean "automatic": T0 = max |single-flip delta| at a random start (at least
/// 1e-9), T1 = T0 / 1000; geometric schedule over the sweeps.
struct QuboAnnealingOptions {
    std::uint64_t sweeps = 1000;      ///< one sweep = n flip attempts in variable order
    double initialTemperature = 0.0;
    double finalTemperature = 0.0;
    std::uint64_t seed = 1;
    int restarts = 1;
};

/// Metropolis single-flip SA with O(degree) deltas; keeps the best state; checks cancel once per sweep.
/// SolverResult::iterations counts flip attempts. Status Feasible (Cancelled when stopped).
/// Throws Error(InvalidArgument) for sweeps == 0, restarts < 1 or non-finite temperatures.
SolverResult solveQuboAnnealing(const QuboModel& qubo, const QuboAnnealingOptions& options = {},
                                RunControl& control = RunControl::none());

} // namespace engine
