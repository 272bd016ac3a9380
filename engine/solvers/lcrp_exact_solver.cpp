// SPDX-License-Identifier: MIT
// Exact LCRP as a mixed-integer program solved by COIN-OR CBC through its C API.
#include "solvers/lcrp_exact_solver.h"

#include "core/error.h"
#include "solvers/cbc_support.h"
#include "solvers/solver_support.h"


#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>

namespace engine {

namespace {

using detail::CbcModelPtr;
using detail::cbcMutex;

constexpr int MAX_TANGENT_ROUNDS = 50;      // solves of the soft-budget model before giving up on refinement
constexpr double SQUARE_TOLERANCE = 1e-9;   // relative: t >= u^2 (1 - tol) counts as exact
constexpr double ONE_HOT_THRESHOLD = 0.5;   // a binary column counts as set above this value

// Which x_ij exist as columns and where the soft-budget columns are. The budget enters in units of B:
// u = overshoot / B and t >= u^2, so tolerances do not depend on the currency scale of the instance.
struct MipLayout {
    std::vector<std::vector<std::size_t>> taskColumns;  // taskColumns[i]: columns of task i
    std::vector<std::size_t> columnVariable;            // column -> x variable v = i*M + j
    double maxOvershoot = 0.0;                          // upper bound of u (0: budget can never be exceeded)
    bool softBudget = false;                            // u and t columns present
    int overshootColumn = -1;                           // u
    int squareColumn = -1;                              // t
};

std::string taskList(const LcrpInstance& instance, const std::vector<std::size_t>& tasks)
{
    std::string text;
    for (std::size_t k = 0; k < tasks.size() && k < 5; ++k)
        text += (k ? ", " : "") + instance.tasks[tasks[k]].id;
    if (tasks.size() > 5)
        text += " and " + std::to_string(tasks.size() - 5) + " more";
    return text;
}

std::string formatUsd(double value)
{
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

CbcModelPtr buildModel(const LcrpInstance& instance, const LcrpObjectiveTable& table, const LcrpExactOptions& options,
                       const MipLayout& layout, const std::vector<double>& tangentPoints)
{
    CbcModelPtr model(Cbc_newModel());
    if (!model)
        throw Error(ErrorCode::SolverFailure, "CBC could not create a model", "cbc");
    Cbc_Model* m = model.get();
    Cbc_setLogLevel(m, 0);
    // Wall-clock seconds for the time limit (CBC's default is CPU time).
    Cbc_setParameter(m, "timeMode", "elapsed");
    Cbc_setObjSense(m, 1.0);

    const std::size_t numModels = instance.numModels();
    const double budget = instance.budgetUsd;
    for (std::size_t c = 0; c < layout.columnVariable.size(); ++c) {
        const std::size_t v = layout.columnVariable[c];
        const std::string name = "x_" + std::to_string(v / numModels) + "_" + std::to_string(v % numModels);
        Cbc_addCol(m, name.c_str(), 0.0, 1.0, table.unary[v], 1, 0, nullptr, nullptr);
    }
    if (layout.softBudget) {
        Cbc_addCol(m, "u", 0.0, layout.maxOvershoot, 0.0, 0, 0, nullptr, nullptr);
        Cbc_addCol(m, "t", 0.0, layout.maxOvershoot * layout.maxOvershoot, table.budgetWeight, 0, 0, nullptr,
                   nullptr);
    }

    std::vector<int> cols;
    std::vector<double> coefs;
    for (std::size_t i = 0; i < layout.taskColumns.size(); ++i) {
        cols.assign(layout.taskColumns[i].begin(), layout.taskColumns[i].end());
        coefs.assign(cols.size(), 1.0);
        const std::string name = "onehot_" + std::to_string(i);
        Cbc_addRow(m, name.c_str(), static_cast<int>(cols.size()), cols.data(), coefs.data(), 'E', 1.0);
    }

    // Budget row in units of B: sum (C_v / B) x_v [- u] <= 1.
    cols.clear();
    coefs.clear();
    for (std::size_t c = 0; c < layout.columnVariable.size(); ++c) {
        const double cost = table.costUsd[layout.columnVariable[c]];
        if (cost != 0.0) {
            cols.push_back(static_cast<int>(c));
            coefs.push_back(cost / budget);
        }
    }
    if (options.budget == BudgetMode::Hard && !cols.empty()) {
        Cbc_addRow(m, "budget", static_cast<int>(cols.size()), cols.data(), coefs.data(), 'L', 1.0);
    } else if (layout.softBudget) {
        cols.push_back(layout.overshootColumn);
        coefs.push_back(-1.0);
        Cbc_addRow(m, "overshoot", static_cast<int>(cols.size()), cols.data(), coefs.data(), 'L', 1.0);
        // Tangent of t = u^2 at u_m: t >= 2 u_m u - u_m^2.
        for (std::size_t k = 0; k < tangentPoints.size(); ++k) {
            const double um = tangentPoints[k];
            const int tangentCols[2] = {layout.squareColumn, layout.overshootColumn};
            const double tangentCoefs[2] = {1.0, -2.0 * um};
            const std::string name = "tangent_" + std::to_string(k);
            Cbc_addRow(m, name.c_str(), 2, tangentCols, tangentCoefs, 'G', -um * um);
        }
    }
    // Gaps: prove optimality to rounding level, not to CBC's default relative gap.
    Cbc_setAllowableGap(m, 1e-10);
    Cbc_setAllowableFractionGap(m, 0.0);
    return model;
}

// Reads the one-hot assignment from a CBC solution: per task the set column (the largest value if rounding
// blurred it).
std::vector<int> readAssignment(const LcrpInstance& instance, const MipLayout& layout, const double* solution)
{
    const std::size_t numModels = instance.numModels();
    std::vector<int> assignment(instance.numTasks(), 0);
    for (std::size_t i = 0; i < layout.taskColumns.size(); ++i) {
        std::size_t bestColumn = layout.taskColumns[i].front();
        for (std::size_t c : layout.taskColumns[i])
            if (solution[c] > solution[bestColumn])
                bestColumn = c;
        assignment[i] = static_cast<int>(layout.columnVariable[bestColumn] % numModels);
    }
    return assignment;
}

} // namespace

SolverResult solveLcrpExact(const LcrpInstance& instance, const LcrpExactOptions& options, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    instance.validate();
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be a finite number of seconds > 0",
                    "timeLimitSeconds");

    const std::size_t numTasks = instance.numTasks();
    const std::size_t numModels = instance.numModels();
    const LcrpObjectiveTable table = makeObjectiveTable(instance, options.objective);

    SolverResult result;
    result.solver = "exact";
    result.objective = std::numeric_limits<double>::infinity();

    MipLayout layout;
    layout.taskColumns.resize(numTasks);
    std::vector<std::size_t> tasksWithoutModel;
    double maxCost = 0.0;  // most expensive assignment over the existing columns
    double minCost = 0.0;  // cheapest one
    for (std::size_t i = 0; i < numTasks; ++i) {
        double taskMax = 0.0;
        double taskMin = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < numModels; ++j) {
            if (options.hardPairConstraints && !instance.allowed(i, j))
                continue;
            const std::size_t v = instance.variableIndex(i, j);
            layout.taskColumns[i].push_back(layout.columnVariable.size());
            layout.columnVariable.push_back(v);
            taskMax = std::max(taskMax, table.costUsd[v]);
            taskMin = std::min(taskMin, table.costUsd[v]);
        }
        if (layout.taskColumns[i].empty())
            tasksWithoutModel.push_back(i);
        maxCost += taskMax;
        minCost += taskMin;
    }
    if (!tasksWithoutModel.empty()) {
        result.status = SolverStatus::Infeasible;
        result.message = "no model meets the quality, latency and context limits of task "
                         + taskList(instance, tasksWithoutModel);
        result.seconds = detail::secondsSince(start);
        return result;
    }

    layout.maxOvershoot = std::max(0.0, maxCost / instance.budgetUsd - 1.0);
    layout.softBudget = options.budget == BudgetMode::Soft && table.budgetWeight > 0.0 && layout.maxOvershoot > 0.0;
    if (layout.softBudget) {
        layout.overshootColumn = static_cast<int>(layout.columnVariable.size());
        layout.squareColumn = layout.overshootColumn + 1;
    }
    // A few tangents over the reachable range up front save most refinement rounds.
    std::vector<double> tangents;
    if (layout.softBudget)
        for (double fraction : {0.0625, 0.125, 0.25, 0.5, 1.0})
            tangents.push_back(fraction * layout.maxOvershoot);

    std::vector<int> incumbent;
    double incumbentValue = std::numeric_limits<double>::infinity();
    std::vector<int> previous;
    bool optimal = false;
    bool timeLimit = false;
    bool cancelled = false;
    bool refinementExhausted = true;
    int solves = 0;

    for (int round = 0; round < MAX_TANGENT_ROUNDS; ++round) {
        if (control.isCancelled()) {
            cancelled = true;
            refinementExhausted = false;
            break;
        }
        const double remaining = options.timeLimitSeconds - detail::secondsSince(start);
        if (remaining <= 0.0) {
            timeLimit = true;
            refinementExhausted = false;
            break;
        }
        control.reportProgress(round, MAX_TANGENT_ROUNDS, "exact (CBC)");

        CbcModelPtr model = buildModel(instance, table, options, layout, tangents);
        Cbc_setMaximumSeconds(model.get(), remaining);
        {
            std::lock_guard<std::mutex> lock(cbcMutex());
            Cbc_solve(model.get());
        }
        ++solves;
        result.iterations += static_cast<std::uint64_t>(std::max(0, Cbc_getNodeCount(model.get())));

        if (Cbc_isProvenInfeasible(model.get())) {
            result.status = SolverStatus::Infeasible;
            result.message = "no assignment fits the budget of " + formatUsd(instance.budgetUsd)
                             + " USD: the cheapest " + (options.hardPairConstraints ? "allowed " : "")
                             + "assignment costs " + formatUsd(minCost) + " USD";
            result.seconds = detail::secondsSince(start);
            return result;
        }
        if (Cbc_isAbandoned(model.get()))
            throw Error(ErrorCode::SolverFailure, "CBC abandoned the search because of numerical difficulties",
                        "cbc");

        const double* solution = Cbc_bestSolution(model.get());
        std::vector<int> assignment;
        if (solution) {
            assignment = readAssignment(instance, layout, solution);
            const double value = table.ofAssignment(assignment);
            if (value < incumbentValue) {
                incumbentValue = value;
                incumbent = assignment;
            }
        }
        if (!Cbc_isProvenOptimal(model.get()) || !solution) {
            timeLimit = true;
            refinementExhausted = false;
            break;
        }
        if (!layout.softBudget) {
            optimal = true;
            refinementExhausted = false;
            break;
        }
        // NOTE: the tangent goes at the assignment's true overshoot, not at CBC's u: where only the t >= 0 cut
        // is active u is free to float above the true overshoot, and a tangent there would not be tight.
        // The MIP optimum is exact when t reaches u^2 at the true overshoot, or when the same assignment comes
        // back after its own tangent was added (then t is exact up to CBC's tolerances).
        double cost = 0.0;
        for (std::size_t i = 0; i < numTasks; ++i)
            cost += table.costUsd[i * numModels + static_cast<std::size_t>(assignment[i])];
        const double u = std::max(0.0, cost / instance.budgetUsd - 1.0);
        const double t = solution[layout.squareColumn];
        if (t >= u * u - SQUARE_TOLERANCE * std::max(1.0, u * u) || assignment == previous) {
            optimal = true;
            refinementExhausted = false;
            // The exact optimum is the MIP's assignment; the incumbent of an earlier round cannot be better.
            incumbent = assignment;
            incumbentValue = table.ofAssignment(assignment);
            break;
        }
        tangents.push_back(u);
        previous = assignment;
    }

    if (!incumbent.empty()) {
        result.assignment = incumbent;
        result.bits = detail::oneHotBits(numTasks, numModels, incumbent);
        result.objective = incumbentValue;
    }
    std::string summary = std::to_string(solves) + " CBC solve" + (solves == 1 ? "" : "s");
    if (layout.softBudget)
        summary += ", " + std::to_string(tangents.size()) + " budget tangents";
    if (optimal) {
        result.status = SolverStatus::Optimal;
        result.provenOptimal = true;
        result.message = "optimal (" + summary + ")";
    } else if (cancelled) {
        result.status = SolverStatus::Cancelled;
        result.message = "cancelled (" + summary + ")";
    } else if (timeLimit) {
        result.status = SolverStatus::TimeLimit;
        result.message = "time limit of " + formatUsd(options.timeLimitSeconds) + " s reached (" + summary + ")";
    } else if (refinementExhausted) {
        result.status = SolverStatus::Feasible;
        result.message = "budget tangents did not converge within " + std::to_string(MAX_TANGENT_ROUNDS)
                         + " rounds (" + summary + ")";
    }
    if (!incumbent.empty())
        result.trace = {incumbentValue};
    result.seconds = detail::secondsSince(start);
    control.reportProgress(MAX_TANGENT_ROUNDS, MAX_TANGENT_ROUNDS, "exact (CBC)");
    return result;
}

} // namespace engine
