// SPDX-License-Identifier: MIT
// Exact QUBO (and so Max-Cut and MIS) through the standard linearisation solved by COIN-OR CBC.
#pragma once

#include "core/bits.h"
#include "core/run_control.h"
#include "qubo/qubo_model.h"
#include "solvers/solver_result.h"

#include <optional>

namespace engine {

/// Options of solveQuboExact.
struct QuboExactOptions {
    double timeLimitSeconds = 60.0;   ///< CBC's wall-clock limit; > 0 and finite
    /// A known good state (for example a tabu search's best) handed to CBC as its first incumbent; it prunes the
    /// tree from the start and is returned when nothing better is proven within the limit.
    std::optional<Bits> incumbent;
};

/// Minimises the QUBO energy exactly: binaries x_i and, for every coupling q_ij, a continuous y_ij in [0, 1] tied
/// to x_i x_j by y_ij >= x_i + x_j - 1 (q_ij > 0) or y_ij <= x_i, y_ij <= x_j (q_ij < 0), which is exact at every
/// binary point because the objective pushes y_ij to the bound it needs. Status Optimal with provenOptimal when
/// CBC proves optimality, TimeLimit with the best state otherwise (objective recomputed exactly from the bits;
/// iterations = CBC nodes). CBC cannot be interrupted from outside: cancel is polled before the solve and a
/// cancelled call returns Cancelled; inside the solve only the time limit stops it. A QUBO without variables
/// returns its offset. Throws Error(InvalidArgument) for a bad time limit or an incumbent of the wrong length
/// or with values other than 0/1, Error(SolverFailure) when CBC abandons.
SolverResult solveQuboExact(const QuboModel& qubo, const QuboExactOptions& options = {},
                            RunControl& control = RunControl::none());

} // namespace engine
