// SPDX-License-Identifier: MIT
// Simulated annealing for LCRP with one-hot-preserving moves (the paper's schedule by default).
#pragma once

#include "core/run_control.h"
#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"
#include "solvers/solver_result.h"

#include <cstdint>

namespace engine {

/// Options; defaults are the reference code's: 2000 steps, T_k = 50 (0.1/50)^(k/2000), random one-hot start.
struct LcrpAnnealingOptions {
    std::uint64_t steps = 2000;     ///< moves per restart
    double initialTemperature = 50.0;
    double finalTemperature = 0.1;
    std::uint64_t seed = 1;         ///< std::mt19937_64 seed; same seed, same result
    bool greedyStart = false;       ///< start from the paper greedy instead of a uniform random assignment
    int restarts = 1;               ///< independent runs; the best is returned
    LcrpObjectiveKind objective = LcrpObjectiveKind::Exact;
};

/// Move: one uniformly random task gets a uniformly random different model (one-hot kept); Metropolis
/// acceptance on the direct objective with an O(1) delta (per-task terms plus running budget total); keeps the
/// best. Checks cancel every 1024 steps. Status Feasible (Cancelled when stopped). Throws Error(InvalidArgument)
/// for steps == 0, non-positive temperatures or restarts < 1.
SolverResult solveLcrpAnnealing(const LcrpInstance& instance, const LcrpAnnealingOptions& options = {},
                                RunControl& control = RunControl::none());

} // namespace engine
