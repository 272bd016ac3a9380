// SPDX-License-Identifier: MIT
// Greedy LCRP baselines: the paper's per-task rule and a budget-aware variant.
#include "solvers/lcrp_greedy.h"

#include "solvers/solver_support.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace engine {

namespace {

// Lowest-cost model of `task` among those for which `accept(model)` holds; ties go to the lower index.
// Returns -1 when no model is accepted.
template <typename Accept>
int cheapestModel(const LcrpInstance& instance, std::size_t task, Accept accept)
{
    int best = -1;
    double bestCost = 0.0;
    for (std::size_t j = 0; j < instance.numModels(); ++j) {
        if (!accept(j))
            continue;
        const double cost = instance.costUsd(task, j);
        if (best < 0 || cost < bestCost) {
            best = static_cast<int>(j);
            bestCost = cost;
        }
    }
    return best;
}

std::vector<int> paperGreedy(const LcrpInstance& instance)
{
    std::vector<int> assignment(instance.numTasks());
    for (std::size_t i = 0; i < instance.numTasks(); ++i) {
        int j = cheapestModel(instance, i, [&](std::size_t m) {
            return instance.meetsQuality(i, m) && instance.meetsLatency(i, m);
        });
        if (j < 0)
            j = cheapestModel(instance, i, [](std::size_t) { return true; });
        assignment[i] = j;
    }
    return assignment;
}

std::vector<int> budgetAwareGreedy(const LcrpInstance& instance)
{
    const std::size_t n = instance.numTasks();
    // Demanding tasks first, so the budget goes where the cheap tiers are not allowed anyway. Within a
    // complexity class, more tokens first: C_ij = p_j k_i / 1000 makes that "more expensive" for every model.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const LcrpTask& ta = instance.tasks[a];
        const LcrpTask& tb = instance.tasks[b];
        if (ta.complexity != tb.complexity)
            return ta.complexity > tb.complexity;
        return ta.tokens > tb.tokens;
    });

    // Tolerance for "fits": the running sum is a float sum of USD amounts and must not reject an assignment
    // whose exact total equals B.
    const double slack = 1e-12 * std::max(1.0, instance.budgetUsd);
    double spent = 0.0;
    std::vector<int> assignment(n, 0);
    for (std::size_t i : order) {
        const auto fits = [&](std::size_t m) { return spent + instance.costUsd(i, m) <= instance.budgetUsd + slack; };
        int j = cheapestModel(instance, i, [&](std::size_t m) { return instance.allowed(i, m) && fits(m); });
        if (j < 0)
            j = cheapestModel(instance, i, fits);
        if (j < 0)
            j = cheapestModel(instance, i, [&](std::size_t m) { return instance.allowed(i, m); });
        if (j < 0)
            j = cheapestModel(instance, i, [](std::size_t) { return true; });
        assignment[i] = j;
        spent += instance.costUsd(i, static_cast<std::size_t>(j));
    }
    return assignment;
}

} // namespace

SolverResult solveLcrpGreedy(const LcrpInstance& instance, GreedyVariant variant, LcrpObjectiveKind objective,
                             RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    instance.validate();

    SolverResult result;
    result.solver = variant == GreedyVariant::Paper ? "greedy" : "greedy-budget";
    result.status = SolverStatus::Feasible;
    result.assignment = variant == GreedyVariant::Paper ? paperGreedy(instance) : budgetAwareGreedy(instance);
    result.bits = detail::oneHotBits(instance.numTasks(), instance.numModels(), result.assignment);
    result.objective = makeObjectiveTable(instance, objective).ofAssignment(result.assignment);
    result.iterations = instance.numTasks();
    result.trace = {result.objective};
    result.seconds = detail::secondsSince(start);
    control.reportProgress(1.0, 1.0, "greedy");
    return result;
}

} // namespace engine
