// SPDX-License-Identifier: MIT
// Exhaustive search: LCRP over all M^N one-hot assignments, QUBO over all 2^n states.
#pragma once

#include "core/run_control.h"
#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"
#include "qubo/qubo_model.h"
#include "solvers/solver_result.h"

#include <cstdint>

namespace engine {

/// Largest search spaces accepted (beyond them: Error(LimitExceeded) at once, never a hang).
constexpr std::uint64_t MAX_LCRP_BRUTE_FORCE_STATES = 100'000'000;  // M^N
constexpr std::size_t MAX_QUBO_BRUTE_FORCE_VARIABLES = 36;          // 2^36 states

/// Minimises the direct objective over all M^N one-hot assignments (odometer order, O(1) incremental update
/// per step). Status Optimal (Cancelled when stopped). Ties: first in odometer order (task 0 fastest).
SolverResult solveLcrpBruteForce(const LcrpInstance& instance,
                                 LcrpObjectiveKind objective = LcrpObjectiveKind::Exact,
                                 RunControl& control = RunControl::none());

/// Minimises the QUBO over all 2^n states: the state space is split into 2^k blocks by the top k bits, one
/// block per task over `threads` threads (0 = hardware concurrency); each block is walked in Gray-code order
/// with O(degree) energy updates. Ties: lowest state index. Status Optimal (Cancelled when stopped).
/// SolverResult::iterations = states visited. Throws Error(InvalidArgument) for threads < 0.
SolverResult solveQuboBruteForce(const QuboModel& qubo, int threads = 0, RunControl& control = RunControl::none());

} // namespace engine
