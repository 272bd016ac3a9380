// SPDX-License-Identifier: MIT
// Splitting a large LCRP instance into task groups whose QUBOs fit a qubit limit, and recombining group answers.
#include "lcrp/lcrp_decomposition.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

namespace engine {

namespace {

/// Cost comparisons allow this relative slack, so that a candidate exactly at its budget counts as within.
constexpr double BUDGET_TOLERANCE = 1e-9;

bool withinBudget(double cost, double budget)
{
    return cost <= budget + BUDGET_TOLERANCE * std::max(1.0, std::abs(budget));
}

} // namespace

double lcrpTaskNeedUsd(const LcrpInstance& instance, std::size_t task)
{
    double cheapestAllowed = std::numeric_limits<double>::infinity();
    double cheapest = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < instance.numModels(); ++j) {
        const double c = instance.costUsd(task, j);
        cheapest = std::min(cheapest, c);
        if (instance.allowed(task, j))
            cheapestAllowed = std::min(cheapestAllowed, c);
    }
    return std::isfinite(cheapestAllowed) ? cheapestAllowed : cheapest;
}

LcrpPartition partitionLcrpTasks(const LcrpInstance& instance, const LcrpPartitionOptions& options)
{
    instance.validate();
    if (options.maxQubits < 1 || options.maxQubits > MAX_LCRP_GROUP_QUBITS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the qubit limit must be in [1, ") + std::to_string(MAX_LCRP_GROUP_QUBITS) + "]",
                    "maxQubits");
    if (options.slackBits < 0 || options.slackBits > 30)
        throw Error(ErrorCode::InvalidArgument, "the slack bits must be in [0, 30]", "slackBits");
    const std::size_t m = instance.numModels();
    const auto slack = static_cast<std::size_t>(options.slackBits);
    if (options.maxQubits < m + slack)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(options.maxQubits) + " qubits cannot hold one task of " + std::to_string(m)
                        + " models plus " + std::to_string(slack) + " slack bits",
                    "maxQubits");

    LcrpPartition partition;
    partition.slackBits = options.slackBits;
    partition.tasksPerGroup = (options.maxQubits - slack) / m;
    const std::size_t n = instance.numTasks();
    partition.taskNeedUsd.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        partition.taskNeedUsd[i] = lcrpTaskNeedUsd(instance, i);

    // Seeded shuffle first, then a stable sort: equal needs keep the shuffled (seeded) order.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 rng(options.seed);
    for (std::size_t k = n; k > 1; --k) {
        const std::size_t r = static_cast<std::size_t>(rng() % k);
        std::swap(order[k - 1], order[r]);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return partition.taskNeedUsd[a] > partition.taskNeedUsd[b];
    });

    const std::size_t groups = (n + partition.tasksPerGroup - 1) / partition.tasksPerGroup;
    partition.groups.resize(groups);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t round = k / groups;
        const std::size_t pos = k % groups;
        const std::size_t g = round % 2 == 0 ? pos : groups - 1 - pos;
        partition.groups[g].tasks.push_back(order[k]);
        partition.groups[g].needUsd += partition.taskNeedUsd[order[k]];
    }
    for (LcrpTaskGroup& group : partition.groups) {
        std::sort(group.tasks.begin(), group.tasks.end());
        partition.qubitsPerGroup = std::max(partition.qubitsPerGroup, group.tasks.size() * m + slack);
    }
    allocateGroupBudgets(partition, instance.budgetUsd);
    return partition;
}

void allocateGroupBudgets(LcrpPartition& partition, double budgetUsd)
{
    double totalNeed = 0.0;
    for (const LcrpTaskGroup& g : partition.groups)
        totalNeed += g.needUsd;
    const double groups = static_cast<double>(std::max<std::size_t>(partition.groups.size(), 1));
    for (LcrpTaskGroup& g : partition.groups)
        g.budgetUsd = totalNeed > 0.0 ? budgetUsd * g.needUsd / totalNeed : budgetUsd / groups;
}

LcrpInstance lcrpGroupInstance(const LcrpInstance& instance, const LcrpTaskGroup& group, std::size_t index)
{
    LcrpInstance sub;
    sub.name = instance.name.empty() ? std::string("group ") : instance.name + " group ";
    sub.name += std::to_string(index + 1);
    sub.models = instance.models;
    sub.penalties = instance.penalties;
    sub.budgetUsd = std::max(group.budgetUsd, 1e-6 * instance.budgetUsd);
    for (std::size_t t : group.tasks) {
        if (t >= instance.numTasks())
            throw Error(ErrorCode::InvalidArgument, std::string("task ") + std::to_string(t) + " is not in the instance",
                        indexedPlace("groups", index));
        sub.tasks.push_back(instance.tasks[t]);
    }
    return sub;
}

LcrpGroupCandidate makeGroupCandidate(const LcrpInstance& instance, const LcrpObjectiveTable& table,
                                      const LcrpTaskGroup& group, std::vector<int> models)
{
    if (models.size() != group.tasks.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::string("a candidate has ") + std::to_string(models.size()) + " models for "
                        + std::to_string(group.tasks.size()) + " tasks",
                    "models");
    LcrpGroupCandidate c;
    for (std::size_t k = 0; k < models.size(); ++k) {
        const std::size_t task = group.tasks[k];
        if (models[k] < 0 || static_cast<std::size_t>(models[k]) >= instance.numModels() || task >= table.numTasks)
            throw Error(ErrorCode::InvalidArgument, "model or task out of range", indexedPlace("models", k));
        const auto j = static_cast<std::size_t>(models[k]);
        const std::size_t v = task * table.numModels + j;
        c.costUsd += table.costUsd[v];
        c.unaryObjective += table.unary[v];
        if (!instance.meetsQuality(task, j))
            ++c.qualityViolations;
        if (!instance.meetsLatency(task, j) || !instance.fitsContext(task, j))
            ++c.otherViolations;
    }
    c.models = std::move(models);
    return c;
}

bool lcrpCandidateBefore(const LcrpGroupCandidate& a, const LcrpGroupCandidate& b)
{
    if (a.unaryObjective != b.unaryObjective)
        return a.unaryObjective < b.unaryObjective;
    if (a.costUsd != b.costUsd)
        return a.costUsd < b.costUsd;
    return a.models < b.models;
}

std::size_t bestCandidateWithinBudget(const std::vector<LcrpGroupCandidate>& candidates, double budgetUsd)
{
    if (candidates.empty())
        throw Error(ErrorCode::InvalidArgument, "a group has no candidate assignment", "candidates");
    std::size_t best = candidates.size();
    std::size_t cheapest = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const LcrpGroupCandidate& c = candidates[k];
        if (withinBudget(c.costUsd, budgetUsd) && (best == candidates.size() || lcrpCandidateBefore(c, candidates[best])))
            best = k;
        const LcrpGroupCandidate& d = candidates[cheapest];
        if (c.costUsd < d.costUsd || (c.costUsd == d.costUsd && lcrpCandidateBefore(c, d)))
            cheapest = k;
    }
    return best < candidates.size() ? best : cheapest;
}

std::vector<LcrpGroupCandidate> selectGroupCandidates(std::vector<LcrpGroupCandidate> pool, double budgetUsd,
                                                      std::size_t count)
{
    std::sort(pool.begin(), pool.end(), lcrpCandidateBefore);
    std::vector<LcrpGroupCandidate> picked;
    std::vector<bool> taken(pool.size(), false);
    const std::size_t withinQuota = (count + 1) / 2;
    for (std::size_t k = 0; k < pool.size() && picked.size() < withinQuota; ++k)
        if (withinBudget(pool[k].costUsd, budgetUsd)) {
            picked.push_back(pool[k]);
            taken[k] = true;
        }
    // Pareto front of what is left: by cost ascending, keep each candidate better than every cheaper one.
    std::vector<std::size_t> byCost;
    for (std::size_t k = 0; k < pool.size(); ++k)
        if (!taken[k])
            byCost.push_back(k);
    std::stable_sort(byCost.begin(), byCost.end(),
                     [&](std::size_t a, std::size_t b) { return pool[a].costUsd < pool[b].costUsd; });
    double bestSoFar = std::numeric_limits<double>::infinity();
    for (std::size_t k : byCost) {
        if (picked.size() >= count)
            break;
        if (pool[k].unaryObjective < bestSoFar) {
            bestSoFar = pool[k].unaryObjective;
            picked.push_back(pool[k]);
            taken[k] = true;
        }
    }
    for (std::size_t k = 0; k < pool.size() && picked.size() < count; ++k)
        if (!taken[k]) {
            picked.push_back(pool[k]);
            taken[k] = true;
        }
    std::sort(picked.begin(), picked.end(), lcrpCandidateBefore);
    return picked;
}

LcrpRecombination recombineGroupCandidates(const std::vector<std::vector<LcrpGroupCandidate>>& candidates,
                                           double budgetUsd, std::size_t gridSteps)
{
    if (candidates.empty())
        throw Error(ErrorCode::InvalidArgument, "there are no groups to recombine", "candidates");
    if (!(budgetUsd > 0.0) || gridSteps == 0)
        throw Error(ErrorCode::InvalidArgument, "the budget and the grid must be positive", "budgetUsd");
    for (std::size_t g = 0; g < candidates.size(); ++g)
        if (candidates[g].empty())
            throw Error(ErrorCode::InvalidArgument, "a group has no candidate assignment", indexedPlace("groups", g));

    const double unit = budgetUsd / static_cast<double>(gridSteps);
    const double inf = std::numeric_limits<double>::infinity();
    const std::size_t width = gridSteps + 1;
    // dp[u]: least unary objective of the groups so far with total rounded cost u steps; parent[g][u] the choice.
    std::vector<double> dp(width, inf);
    dp[0] = 0.0;
    std::vector<std::vector<int>> parent(candidates.size(), std::vector<int>(width, -1));
    for (std::size_t g = 0; g < candidates.size(); ++g) {
        std::vector<double> next(width, inf);
        for (std::size_t k = 0; k < candidates[g].size(); ++k) {
            const LcrpGroupCandidate& c = candidates[g][k];
            const double steps = std::ceil(c.costUsd / unit - 1e-9);
            if (!(steps <= static_cast<double>(gridSteps)))
                continue;
            const auto s = static_cast<std::size_t>(std::max(0.0, steps));
            for (std::size_t u = 0; u + s < width; ++u) {
                if (dp[u] == inf)
                    continue;
                const double value = dp[u] + c.unaryObjective;
                if (value < next[u + s]) {
                    next[u + s] = value;
                    parent[g][u + s] = static_cast<int>(k);
                }
            }
        }
        dp.swap(next);
    }

    LcrpRecombination result;
    result.choice.assign(candidates.size(), 0);
    std::size_t bestU = width;
    for (std::size_t u = 0; u < width; ++u)
        if (dp[u] < inf && (bestU == width || dp[u] < dp[bestU]))
            bestU = u;
    if (bestU < width) {
        std::size_t u = bestU;
        for (std::size_t g = candidates.size(); g-- > 0;) {
            const auto k = static_cast<std::size_t>(parent[g][u]);
            result.choice[g] = k;
            u -= static_cast<std::size_t>(std::max(0.0, std::ceil(candidates[g][k].costUsd / unit - 1e-9)));
        }
    } else {
        for (std::size_t g = 0; g < candidates.size(); ++g) {
            std::size_t cheapest = 0;
            for (std::size_t k = 1; k < candidates[g].size(); ++k)
                if (candidates[g][k].costUsd < candidates[g][cheapest].costUsd)
                    cheapest = k;
            result.choice[g] = cheapest;
        }
    }
    for (std::size_t g = 0; g < candidates.size(); ++g) {
        result.costUsd += candidates[g][result.choice[g]].costUsd;
        result.unaryObjective += candidates[g][result.choice[g]].unaryObjective;
    }
    result.withinBudget = withinBudget(result.costUsd, budgetUsd);
    return result;
}

std::vector<int> assembleLcrpAssignment(std::size_t numTasks, const std::vector<LcrpTaskGroup>& groups,
                                        const std::vector<const LcrpGroupCandidate*>& chosen)
{
    if (chosen.size() != groups.size())
        throw Error(ErrorCode::InvalidArgument, "one candidate per group is needed", "chosen");
    std::vector<int> assignment(numTasks, -1);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (chosen[g] == nullptr || chosen[g]->models.size() != groups[g].tasks.size())
            throw Error(ErrorCode::InvalidArgument, "a candidate does not match its group", indexedPlace("groups", g));
        for (std::size_t k = 0; k < groups[g].tasks.size(); ++k) {
            const std::size_t task = groups[g].tasks[k];
            if (task >= numTasks)
                throw Error(ErrorCode::InvalidArgument, "task out of range", indexedPlace("groups", g));
            assignment[task] = chosen[g]->models[k];
        }
    }
    return assignment;
}

} // namespace engine
