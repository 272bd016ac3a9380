// SPDX-License-Identifier: MIT
// Exact LCRP through a mixed-integer program solved by COIN-OR CBC.
#pragma once

#include "core/run_control.h"
#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"
#include "solvers/solver_result.h"

namespace engine {

/// How the budget enters the MIP.
enum class BudgetMode {
    Hard,  ///< sum C_ij x_ij <= B as a constraint
    Soft,  ///< lambda_B max(0, cost - B)^2 / B^2 in the objective (tangent cuts on the square, refined until exact)
};

/// Options.
struct LcrpExactOptions {
    BudgetMode budget = BudgetMode::Hard;
    /// true: quality, latency and context are hard (x_ij only for allowed pairs) and the objective is the
    /// normalised cost (plus the soft budget term). false: they are penalised exactly as in the direct
    /// objective, so the optimum equals brute force over the direct objective.
    bool hardPairConstraints = true;
    LcrpObjectiveKind objective = LcrpObjectiveKind::Exact;
    double timeLimitSeconds = 60.0;
};

/// Solves with CBC (one-hot rows as equalities). Returns Optimal with provenOptimal when CBC proves it,
/// Infeasible (message naming the first task without an allowed model, or the budget) when no assignment
/// satisfies the hard constraints, TimeLimit with the incumbent otherwise. SolverResult::objective is the
/// direct objective (`objective` kind) of the returned assignment. Cancel is polled between CBC solves.
/// Status Feasible when the soft-budget tangents do not converge within 50 rounds. Throws
/// Error(InvalidArgument) for a non-positive or non-finite time limit, Error(SolverFailure) when CBC abandons.
SolverResult solveLcrpExact(const LcrpInstance& instance, const LcrpExactOptions& options = {},
                            RunControl& control = RunControl::none());

} // namespace engine
