// SPDX-License-Identifier: MIT
// Splitting a large LCRP instance into task groups whose QUBOs fit a qubit limit, and recombining group answers.
#pragma once

#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace engine {

/// Default qubit limit of one group's QUBO: 20 qubits (4 tasks x 5 models), what a local statevector handles in
/// well under a second per circuit.
constexpr std::size_t DEFAULT_LCRP_GROUP_QUBITS = 20;
/// Largest qubit limit a partition accepts (the largest IBM device; local simulation stops far earlier).
constexpr std::size_t MAX_LCRP_GROUP_QUBITS = 156;
/// Cost grid of the recombination knapsack: the budget is split into this many steps.
constexpr std::size_t DEFAULT_RECOMBINATION_GRID_STEPS = 4000;

/// How the tasks are split.
struct LcrpPartitionOptions {
    std::size_t maxQubits = DEFAULT_LCRP_GROUP_QUBITS;  ///< qubits of one group QUBO: tasks * M + slackBits
    int slackBits = 0;          ///< budget slack bits of every group QUBO (counted in maxQubits), 0..30
    std::uint64_t seed = 1;     ///< orders tasks of equal need (std::mt19937_64 shuffle before a stable sort)
};

/// One group of tasks.
struct LcrpTaskGroup {
    std::vector<std::size_t> tasks;  ///< indices into the full instance's tasks, ascending
    double needUsd = 0.0;            ///< sum of lcrpTaskNeedUsd over the tasks
    double budgetUsd = 0.0;          ///< the group's share of the budget (allocateGroupBudgets), USD
};

/// A split of the tasks of one instance.
struct LcrpPartition {
    std::vector<LcrpTaskGroup> groups;   ///< every task in exactly one group
    std::vector<double> taskNeedUsd;     ///< taskNeedUsd[i] = lcrpTaskNeedUsd(instance, i)
    std::size_t tasksPerGroup = 0;       ///< most tasks one group may hold: (maxQubits - slackBits) / M
    std::size_t qubitsPerGroup = 0;      ///< qubits of the largest group's QUBO (its tasks * M + slackBits)
    int slackBits = 0;                   ///< as in the options
};

/// What task `task` needs to be served properly: the cost in USD of its cheapest allowed model (quality,
/// latency and context met), or of its cheapest model when none is allowed. O(M).
double lcrpTaskNeedUsd(const LcrpInstance& instance, std::size_t task);

/// Splits the tasks into G = ceil(N / tasksPerGroup) groups of nearly equal size (sizes differ by at most one)
/// with similar budget needs: tasks sorted by need, descending (ties in a seeded random order), dealt to the
/// groups in snake order (0..G-1, G-1..0, ...), so that every group gets a mix of expensive and cheap
/// complexities. Budgets are then set by allocateGroupBudgets(instance.budgetUsd). Deterministic for a seed.
/// Throws Error(InvalidInput) for an invalid instance, Error(InvalidArgument, "maxQubits") for a limit outside
/// [1, MAX_LCRP_GROUP_QUBITS], Error(InvalidArgument, "slackBits") outside [0, 30], and Error(LimitExceeded,
/// "maxQubits") when not even one task (M qubits plus the slack bits) fits. O(N log N + NM).
LcrpPartition partitionLcrpTasks(const LcrpInstance& instance, const LcrpPartitionOptions& options = {});

/// Sets every group's budgetUsd to budgetUsd * needUsd / (sum of needs), or to equal shares when every need is
/// 0. O(G).
void allocateGroupBudgets(LcrpPartition& partition, double budgetUsd);

/// The sub-instance of one group: its tasks (in the group's order), every model, the penalties of `instance`,
/// budget max(group.budgetUsd, budget floor) where the floor is 1e-6 of the full budget (an instance needs a
/// positive budget), and the name "<name> group <index + 1>". O(|group| + M).
LcrpInstance lcrpGroupInstance(const LcrpInstance& instance, const LcrpTaskGroup& group, std::size_t index);

/// One assignment of a group's tasks, with its figures on the FULL instance.
struct LcrpGroupCandidate {
    std::vector<int> models;      ///< model index per task of the group, in the group's task order
    double costUsd = 0.0;         ///< sum of C_ij, USD
    double unaryObjective = 0.0;  ///< sum of the full objective table's unary terms (normalised cost + penalties)
    int qualityViolations = 0;    ///< tasks whose model misses q_min
    int otherViolations = 0;      ///< latency and context violations
    double weight = 0.0;          ///< sample weight that decoded to it (raw valid samples and projections)
    bool sampledValid = false;    ///< appeared as a valid sample itself (not only through projection)
};

/// Fills costUsd, unaryObjective and the violation counts of `models` for `group` from the full instance and its
/// table (built for `instance`). Throws Error(InvalidArgument) when the sizes differ or a model is out of range.
LcrpGroupCandidate makeGroupCandidate(const LcrpInstance& instance, const LcrpObjectiveTable& table,
                                      const LcrpTaskGroup& group, std::vector<int> models);

/// Orders candidates by unaryObjective, then cost, then models (lexicographic): the total order every choice
/// below uses, so that results do not depend on the order candidates were found in.
bool lcrpCandidateBefore(const LcrpGroupCandidate& a, const LcrpGroupCandidate& b);

/// Index of the best candidate whose cost is within `budgetUsd` (plus 1e-9 relative), or of the cheapest when
/// none is. Throws Error(InvalidArgument) for an empty list. O(K).
std::size_t bestCandidateWithinBudget(const std::vector<LcrpGroupCandidate>& candidates, double budgetUsd);

/// At most `count` candidates for the recombination: first the best ceil(count / 2) within `budgetUsd`
/// (lcrpCandidateBefore order), then the cost/objective Pareto front of the rest (cheapest first), then the best
/// remaining ones; deterministic. O(K log K).
std::vector<LcrpGroupCandidate> selectGroupCandidates(std::vector<LcrpGroupCandidate> pool, double budgetUsd,
                                                      std::size_t count);

/// The recombination's choice: one candidate per group.
struct LcrpRecombination {
    std::vector<std::size_t> choice;  ///< choice[g] indexes candidates[g]
    double costUsd = 0.0;             ///< total cost of the choice
    double unaryObjective = 0.0;      ///< total unary objective of the choice
    bool withinBudget = false;        ///< costUsd <= budgetUsd
};

/// Multiple-choice knapsack: the choice of one candidate per group with the least total unaryObjective whose
/// total cost is within `budgetUsd`, by dynamic programming over a cost grid of `gridSteps` steps. Costs are
/// rounded UP to the grid, so the choice always respects the budget; it is optimal up to that rounding. When no
/// choice fits, the cheapest candidate of every group (withinBudget false). Throws Error(InvalidArgument) for no
/// groups, a group without candidates, budgetUsd <= 0 or gridSteps == 0. O(gridSteps * total candidates).
LcrpRecombination recombineGroupCandidates(const std::vector<std::vector<LcrpGroupCandidate>>& candidates,
                                           double budgetUsd,
                                           std::size_t gridSteps = DEFAULT_RECOMBINATION_GRID_STEPS);

/// The full assignment (model per task of the instance) of one candidate per group; tasks in no group get -1.
std::vector<int> assembleLcrpAssignment(std::size_t numTasks, const std::vector<LcrpTaskGroup>& groups,
                                        const std::vector<const LcrpGroupCandidate*>& chosen);

} // namespace engine
