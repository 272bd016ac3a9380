// SPDX-License-Identifier: MIT
// The per-project UI settings stored in a project file's "workbench" section (solver choice and options).
#pragma once

#include "lcrp/lcrp_objective.h"

#include <cstddef>
#include <cstdint>

namespace workbench {

/// Which solver the solve panel runs.
enum class SolverChoice {
    GreedyPaper,        ///< engine::GreedyVariant::Paper
    GreedyBudgetAware,  ///< engine::GreedyVariant::BudgetAware
    Annealing,          ///< engine::solveLcrpAnnealing
    Exact,              ///< engine::solveLcrpExact (CBC)
};

/// Stable names used in the project file: "greedy", "greedy-budget", "sa", "exact".
const char* solverChoiceName(SolverChoice choice) noexcept;
/// Parses a name written by `solverChoiceName`; returns false when unknown.
bool solverChoiceFromName(const char* name, SolverChoice& choice) noexcept;

/// Limits shared by the editors and the project-file reader, so a file can never ask for more than the UI can.
constexpr std::uint64_t MAX_ANNEALING_STEPS = 1'000'000'000;
constexpr int MAX_ANNEALING_RESTARTS = 1000;
constexpr std::uint64_t MAX_SEED = 2'147'483'647;  // fits a QSpinBox
constexpr int MAX_BUDGET_SLACK_BITS = 16;          // 2^16 slack steps is far finer than any budget needs
constexpr double MAX_EXACT_TIME_LIMIT_SECONDS = 3600.0;
/// Largest QUBO (assignment plus slack variables) the GUI encodes: the budget term couples every pair of
/// assignment variables, so encoding costs O(n^2) time and memory (1500 variables: about 1.1 M couplings).
constexpr std::size_t MAX_ENCODED_VARIABLES = 1500;

/// Plain value type; every field has a sensible default so older files without a field still load.
struct WorkbenchSettings {
    SolverChoice solver = SolverChoice::Annealing;                  ///< solver the Run button starts
    engine::LcrpObjectiveKind objective = engine::LcrpObjectiveKind::Exact;  ///< objective and QUBO form
    std::uint64_t seed = 1;                                         ///< SA seed
    std::uint64_t annealingSteps = 2000;                            ///< SA moves per restart
    int annealingRestarts = 1;                                      ///< SA restarts
    bool exactSoftBudget = false;                                   ///< exact: budget in the objective
    bool exactHardPairConstraints = true;                           ///< exact: quality/latency/context hard
    double exactTimeLimitSeconds = 60.0;                            ///< exact: CBC time limit
    int budgetSlackBits = 6;                                        ///< encoder: budget slack bits K

    bool operator==(const WorkbenchSettings&) const = default;
};

} // namespace workbench
