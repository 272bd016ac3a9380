// SPDX-License-Identifier: MIT
// Greedy LCRP baselines: the paper's per-task rule and a budget-aware variant.
#pragma once

#include "core/run_control.h"
#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"
#include "solvers/solver_result.h"

namespace engine {

enum class GreedyVariant {
    /// As the paper and its code: per task the cheapest model meeting quality and latency; when none does, the
    /// cheapest model overall. Ties: lower index. Budget and context are ignored. O(NM).
    Paper,
    /// Also respects the context window and the budget: tasks in descending complexity (then cost) order take the
    /// cheapest allowed model that still fits the remaining budget; a task with none that fits takes the cheapest
    /// model that fits the budget (giving up quality), and if nothing fits, the cheapest allowed model. O(NM + N log N).
    BudgetAware,
};

/// Runs greedy; `objective` selects the objective reported in SolverResult::objective. Status Feasible.
SolverResult solveLcrpGreedy(const LcrpInstance& instance, GreedyVariant variant,
                             LcrpObjectiveKind objective = LcrpObjectiveKind::Exact,
                             RunControl& control = RunControl::none());

} // namespace engine
