// SPDX-License-Identifier: MIT
// The one result structure every solver returns.
#pragma once

#include "core/bits.h"

#include <cstdint>
#include <string>
#include <vector>

namespace engine {

/// How a solver run ended.
enum class SolverStatus {
    Optimal,     ///< proven optimal (exact or brute force)
    Feasible,    ///< a solution without optimality proof (heuristics)
    Infeasible,  ///< proven that no solution satisfies the hard constraints
    TimeLimit,   ///< stopped by a time limit; best so far returned (may be empty)
    Cancelled,   ///< stopped by RunControl; best so far returned (may be empty)
};
/// "optimal", "feasible", "infeasible", "time_limit", "cancelled".
const char* solverStatusName(SolverStatus status) noexcept;

/// Result of any solver.
struct SolverResult {
    std::string solver;                   ///< "greedy", "greedy-budget", "sa", "brute", "exact"
    SolverStatus status = SolverStatus::Feasible;
    Bits bits;                            ///< solution over the problem's variables (LCRP: the N*M x_ij bits)
    std::vector<int> assignment;          ///< LCRP only: model index per task (empty otherwise)
    double objective = 0.0;               ///< minimised value: QUBO energy, or the LCRP direct objective;
                                          ///< +infinity when there is no solution
    bool provenOptimal = false;           ///< optimality proven for the solver's own objective
    double seconds = 0.0;                 ///< wall time
    std::uint64_t iterations = 0;         ///< steps (SA), states (brute force), nodes (exact)
    std::vector<double> trace;            ///< best objective after each progress point (for plots), may be empty
    std::string message;                  ///< English note, for example why it is infeasible

    bool hasSolution() const { return !bits.empty() || !assignment.empty(); }
};

} // namespace engine
