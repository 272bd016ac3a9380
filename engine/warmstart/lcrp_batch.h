// SPDX-License-Identifier: MIT
// LCRP at production scale: task groups solved by QAOA, budget rebalancing, knapsack recombination, refinement.
#pragma once

#include "core/run_control.h"
#include "lcrp/lcrp_decomposition.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"
#include "qaoa/qaoa_ansatz.h"
#include "qaoa/qaoa_run.h"
#include "qaoa/sample_metrics.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Everything the batch pipeline lets a user choose.
struct LcrpBatchOptions {
    std::size_t maxQubits = DEFAULT_LCRP_GROUP_QUBITS;  ///< qubits of one group's QUBO (tasks * M + slackBits)
    /// Budget slack bits of every group QUBO. 0 (default) leaves the budget out of the circuits: the budget is
    /// then enforced classically (group budgets in the decoding, the knapsack, the refinement), which is exact,
    /// while the paper's lambda_B = 5 makes the QUBO's budget term weak beside the quality penalty anyway.
    int slackBits = 0;
    std::size_t depth = 1;                        ///< QAOA depth p
    AngleMethod angles = AngleMethod::Predicted;  ///< Predicted (no variational loop) or Optimize (COBYLA)
    int optimizerRestarts = 2;                    ///< AngleMethod::Optimize: restarts per group
    int optimizerEvaluations = 40;                ///< AngleMethod::Optimize: evaluations per restart
    MixerKind mixer = MixerKind::X;
    std::uint64_t shots = 4000;                   ///< samples per group
    std::uint64_t seed = 1;                       ///< partition ties, and group g's QAOA runs with seed + g
    std::size_t candidatesPerGroup = 8;           ///< the group's top-k handed to the recombination
    int rebalanceRounds = 3;                      ///< budget rebalancing rounds (0: none)
    bool refine = true;                           ///< local search on the full instance after recombination
    bool compareExact = true;                     ///< also solve the full instance with CBC
    double exactTimeLimitSeconds = 60.0;
    int threads = 0;                              ///< statevector threads, 0 = all
};

/// Throws Error(InvalidArgument) naming the field ("maxQubits", "slackBits", "depth", "shots",
/// "candidatesPerGroup", "rebalanceRounds", "optimizerRestarts", "optimizerEvaluations",
/// "exactTimeLimitSeconds", "angles") when the options cannot run.
void validateLcrpBatchOptions(const LcrpBatchOptions& options);

/// The split of one instance: groups with their budgets and sub-instances. What the job path persists.
struct LcrpBatchPlan {
    LcrpPartition partition;                   ///< groups, needs, budgets
    std::vector<LcrpInstance> groupInstances;  ///< lcrpGroupInstance of every group, same order
    LcrpEncoderOptions encoding;               ///< how every group instance is encoded (Exact, slackBits)
};

/// Validates the options and partitions `instance` (partitionLcrpTasks with maxQubits, slackBits, seed).
/// Throws what validateLcrpBatchOptions and partitionLcrpTasks throw. O(N log N + NM).
LcrpBatchPlan planLcrpBatch(const LcrpInstance& instance, const LcrpBatchOptions& options);

/// What happened in one group.
struct LcrpGroupOutcome {
    std::vector<std::size_t> tasks;             ///< task indices in the full instance
    std::size_t qubits = 0;                     ///< qubits of its QUBO
    double needUsd = 0.0;                       ///< sum of the tasks' needs
    double initialBudgetUsd = 0.0;              ///< budget share before rebalancing
    double budgetUsd = 0.0;                     ///< budget share after rebalancing
    double validRate = 0.0;                     ///< weight fraction of one-hot samples
    double randomValidRate = 0.0;               ///< the same for uniformly random bits, (M / 2^M)^tasks
    std::size_t distinctAssignments = 0;        ///< distinct assignments decoded from the samples
    std::vector<LcrpGroupCandidate> candidates; ///< the top-k handed to the recombination
    std::size_t chosen = 0;                     ///< the recombination's pick, index into candidates
    int solves = 0;                             ///< QAOA runs (1, more when rebalancing re-solved it)
    double qaoaSeconds = 0.0;                   ///< time in QAOA for this group
};

/// One method's answer on the full instance.
struct LcrpMethodSummary {
    std::string method;                ///< "batch", "recombined", "exact", "greedy", "greedy-budget"
    std::vector<int> assignment;       ///< model per task (empty when the method found nothing)
    double objective = 0.0;            ///< direct objective F (Exact kind; budget penalty included)
    double costUsd = 0.0;
    double qualitySatisfaction = 0.0;  ///< fraction of tasks whose model meets q_min
    double budgetUse = 0.0;            ///< costUsd / B
    bool withinBudget = false;
    double seconds = 0.0;
    std::optional<double> gapPercent;  ///< 100 (F - F_exact) / |F_exact|, when the exact optimum is known
    std::string status;                ///< solver status name ("optimal", "feasible", ...)
};

/// Seconds per stage of the pipeline.
struct LcrpBatchTimes {
    double partition = 0.0;
    double qaoa = 0.0;         ///< all group QAOA runs (the first and the rebalancing re-solves), or decoding
    double rebalance = 0.0;    ///< rebalancing bookkeeping (its re-solves count under qaoa)
    double recombine = 0.0;
    double refine = 0.0;
    double exact = 0.0;
    double greedy = 0.0;
    double total = 0.0;
};

/// The whole comparison.
struct LcrpBatchResult {
    std::vector<LcrpGroupOutcome> groups;
    std::size_t tasksPerGroup = 0;
    std::size_t qubitsPerGroup = 0;        ///< largest group's qubits
    std::string sampler;                   ///< "statevector" or "samples" (external, e.g. job results)
    int rebalanceRoundsRun = 0;
    LcrpMethodSummary recombined;          ///< knapsack choice before refinement
    LcrpMethodSummary batch;               ///< the pipeline's answer (after refinement when enabled)
    std::optional<LcrpMethodSummary> exact;///< CBC, budget hard, pair constraints penalised as in F
    LcrpMethodSummary greedy;              ///< the paper's greedy
    LcrpMethodSummary greedyBudget;        ///< budget-aware greedy
    LcrpBatchTimes times;
    bool cancelled = false;                ///< stopped by RunControl: what is filled is the best so far
};

/// Runs the pipeline with the local statevector: plan, QAOA per group (runQaoa on the group instance, seed + g),
/// decoding of the samples into valid assignments (one-hot samples as they are, the rest through
/// feasibility-first projection), the budget rebalancing (unused budget of groups whose pick is within their
/// share moves to groups whose pick misses q_min, in proportion to their needs; those are re-solved: QAOA again
/// when the budget is in the QUBO, else a new pick from their decoded samples, since the circuit would not
/// change), the knapsack recombination under the global budget, the refinement and the comparison with greedy
/// and the CBC optimum (min F with the budget as a hard constraint, as the pipeline respects it).
/// Progress: one unit per group solve plus the stages; cancel between groups and stages (the result is then
/// marked cancelled). Deterministic for a seed and thread count. Throws what planLcrpBatch and runQaoa throw.
LcrpBatchResult runLcrpBatch(const LcrpInstance& instance, const LcrpBatchOptions& options,
                             RunControl& control = RunControl::none());

/// The same pipeline from samples obtained elsewhere (jobs on local:* or IBM backends): groupSamples[g] holds
/// group g's outcomes over its QUBO's variables (the first tasks * M are decoded; slack bits are ignored).
/// Rebalancing can only re-pick (no new circuits run). Throws Error(InvalidArgument, "groupSamples") when the
/// count or a width does not match the plan, and what the stages throw.
LcrpBatchResult finishLcrpBatch(const LcrpInstance& instance, const LcrpBatchPlan& plan,
                                const std::vector<SampleSet>& groupSamples, const LcrpBatchOptions& options,
                                RunControl& control = RunControl::none());

/// The result as JSON: groups (tasks, qubits, budgets, valid rates, candidates, chosen), methods (one object per
/// method with assignment as model names), times, and the headline figures. Stable keys, for --json and files.
nlohmann::json lcrpBatchResultJson(const LcrpInstance& instance, const LcrpBatchResult& result);

/// The plan as JSON (partition and encoding; the group instances follow from the instance) and back. The reader
/// checks every index against `instance` and throws Error(InvalidInput, "<where>:/...") naming the field.
nlohmann::json lcrpBatchPlanToJson(const LcrpBatchPlan& plan);
LcrpBatchPlan lcrpBatchPlanFromJson(const LcrpInstance& instance, const nlohmann::json& json,
                                    const std::string& where = "plan");

} // namespace engine
