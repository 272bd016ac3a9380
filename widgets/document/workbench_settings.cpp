// SPDX-License-Identifier: MIT
// Names of the solver choices as written to project files.
#include "document/workbench_settings.h"

#include <cstring>

namespace workbench {

const char* solverChoiceName(SolverChoice choice) noexcept
{
    switch (choice) {
    case SolverChoice::GreedyPaper: return "greedy";
    case SolverChoice::GreedyBudgetAware: return "greedy-budget";
    case SolverChoice::Annealing: return "sa";
    case SolverChoice::Exact: return "exact";
    }
    return "sa";
}

bool solverChoiceFromName(const char* name, SolverChoice& choice) noexcept
{
    for (SolverChoice c : {SolverChoice::GreedyPaper, SolverChoice::GreedyBudgetAware, SolverChoice::Annealing,
                           SolverChoice::Exact}) {
        if (std::strcmp(name, solverChoiceName(c)) == 0) {
            choice = c;
            return true;
        }
    }
    return false;
}

} // namespace workbench
