// SPDX-License-Identifier: MIT
// Stable names of the solver statuses, as written to JSON and logs.
#include "solvers/solver_result.h"

namespace engine {

const char* solverStatusName(SolverStatus status) noexcept
{
    switch (status) {
    case SolverStatus::Optimal:
        return "optimal";
    case SolverStatus::Feasible:
        return "feasible";
    case SolverStatus::Infeasible:
        return "infeasible";
    case SolverStatus::TimeLimit:
        return "time_limit";
    case SolverStatus::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

} // namespace engine
