// SPDX-License-Identifier: MIT
// Simulated annealing for LCRP over one-hot assignments with O(1) objective deltas.
#include "solvers/lcrp_annealer.h"

#include "core/error.h"
#include "solvers/lcrp_greedy.h"
#include "solvers/solver_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace engine {

namespace {

constexpr std::uint64_t CANCEL_CHECK_STEPS = 1024;  // steps between cancel polls and cost resyncs
constexpr double MAX_TRACE_POINTS = 256.0;          // over the whole run, so long runs keep a small trace

void checkOptions(const LcrpAnnealingOptions& options)
{
    if (options.steps == 0)
        throw Error(ErrorCode::InvalidArgument, "steps must be at least 1", "steps");
    if (!std::isfinite(options.initialTemperature) || options.initialTemperature <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "initial temperature must be a finite number > 0",
                    "initialTemperature");
    if (!std::isfinite(options.finalTemperature) || options.finalTemperature <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "final temperature must be a finite number > 0", "finalTemperature");
    if (options.restarts < 1)
        throw Error(ErrorCode::InvalidArgument, "restarts must be at least 1", "restarts");
}

// Sum of C_ij over the assignment; recomputed at checkpoints to drop the rounding drift of the running total.
double totalCost(const LcrpObjectiveTable& table, const std::vector<int>& assignment)
{
    double cost = 0.0;
    for (std::size_t i = 0; i < table.numTasks; ++i)
        cost += table.costUsd[i * table.numModels + static_cast<std::size_t>(assignment[i])];
    return cost;
}

// Sum of the per-pair terms of the assignment.
double unaryTotal(const LcrpObjectiveTable& table, const std::vector<int>& assignment)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < table.numTasks; ++i)
        sum += table.unary[i * table.numModels + static_cast<std::size_t>(assignment[i])];
    return sum;
}

// The trace holds a running minimum; running sums and exact re-evaluations differ by rounding, so clamp to keep
// it monotone.
double traceBest(const std::vector<double>& trace, double value)
{
    return trace.empty() ? value : std::min(trace.back(), value);
}

// Steps between trace points so that a run of `totalSteps` leaves at most about MAX_TRACE_POINTS of them.
std::uint64_t traceInterval(double totalSteps)
{
    const double every = std::ceil(totalSteps / MAX_TRACE_POINTS);
    return every < 1.0 ? 1 : every >= 1.8e19 ? std::numeric_limits<std::uint64_t>::max()
                                             : static_cast<std::uint64_t>(every);
}

} // namespace

SolverResult solveLcrpAnnealing(const LcrpInstance& instance, const LcrpAnnealingOptions& options,
                                RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    checkOptions(options);
    instance.validate();

    const LcrpObjectiveTable table = makeObjectiveTable(instance, options.objective);
    const std::size_t numTasks = table.numTasks;
    const std::size_t numModels = table.numModels;
    std::mt19937_64 rng(options.seed);

    std::vector<int> greedyAssignment;
    if (options.greedyStart)
        greedyAssignment = solveLcrpGreedy(instance, GreedyVariant::Paper, options.objective).assignment;

    SolverResult result;
    result.solver = "sa";
    result.status = SolverStatus::Feasible;
    double bestOverall = std::numeric_limits<double>::infinity();

    const double logRatio = std::log(options.finalTemperature / options.initialTemperature);
    const double invSteps = 1.0 / static_cast<double>(options.steps);
    const double totalSteps = static_cast<double>(options.steps) * options.restarts;
    const std::uint64_t traceEvery = traceInterval(totalSteps);
    bool cancelled = false;

    for (int restart = 0; restart < options.restarts && !cancelled; ++restart) {
        std::vector<int> current(numTasks);
        if (options.greedyStart)
            current = greedyAssignment;
        else
            for (std::size_t i = 0; i < numTasks; ++i)
                current[i] = static_cast<int>(detail::uniformBelow(rng, numModels));

        double cost = totalCost(table, current);
        double value = unaryTotal(table, current) + table.budgetPenalty(cost);
        std::vector<int> best = current;
        double bestValue = value;
        // Tasks changed since `best` was last synced, so a new best costs O(changes) instead of O(N).
        std::vector<std::size_t> changed;
        bool changedOverflow = false;  // more than N changes: a full copy is cheaper

        for (std::uint64_t k = 0; k < options.steps; ++k) {
            if (k % CANCEL_CHECK_STEPS == 0 && k > 0) {
                if (control.isCancelled()) {
                    cancelled = true;
                    break;
                }
                control.reportProgress(static_cast<double>(result.iterations), totalSteps, "annealing");
                cost = totalCost(table, current);
                value = unaryTotal(table, current) + table.budgetPenalty(cost);
            }
            ++result.iterations;
            // With one model per task there is no move; the loop still runs so iterations mean "steps".
            if (numModels > 1) {
                const double temperature =
                    options.initialTemperature * std::exp(logRatio * static_cast<double>(k) * invSteps);
                const std::size_t task = detail::uniformBelow(rng, numTasks);
                const std::size_t from = static_cast<std::size_t>(current[task]);
                std::size_t to = detail::uniformBelow(rng, numModels - 1);
                if (to >= from)
                    ++to;
                const std::size_t vFrom = task * numModels + from;
                const std::size_t vTo = task * numModels + to;
                const double newCost = cost - table.costUsd[vFrom] + table.costUsd[vTo];
                const double delta = table.unary[vTo] - table.unary[vFrom] + table.budgetPenalty(newCost)
                                     - table.budgetPenalty(cost);
                if (delta <= 0.0 || detail::uniformUnit(rng) < std::exp(-delta / temperature)) {
                    current[task] = static_cast<int>(to);
                    cost = newCost;
                    value += delta;
                    if (!changedOverflow) {
                        changed.push_back(task);
                        changedOverflow = changed.size() > numTasks;
                    }
                    if (value < bestValue) {
                        bestValue = value;
                        if (changedOverflow)
                            best = current;
                        else
                            for (std::size_t t : changed)
                                best[t] = current[t];
                        changed.clear();
                        changedOverflow = false;
                    }
                }
            }
            if (result.iterations % traceEvery == 0)
                result.trace.push_back(traceBest(result.trace, std::min(bestOverall, bestValue)));
        }

        // The running value is only used for acceptance; rank restarts by the exact objective.
        const double exactBest = table.ofAssignment(best);
        if (exactBest < bestOverall) {
            bestOverall = exactBest;
            result.assignment = best;
        }
    }

    if (result.iterations % traceEvery != 0 || result.trace.empty())
        result.trace.push_back(traceBest(result.trace, bestOverall));
    result.objective = bestOverall;
    result.bits = detail::oneHotBits(numTasks, numModels, result.assignment);
    if (cancelled) {
        result.status = SolverStatus::Cancelled;
        result.message = "cancelled after " + std::to_string(result.iterations) + " steps";
    }
    result.seconds = detail::secondsSince(start);
    control.reportProgress(static_cast<double>(result.iterations), totalSteps, "annealing");
    return result;
}

} // namespace engine
