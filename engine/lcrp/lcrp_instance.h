// SPDX-License-Identifier: MIT
// The LLM cascade routing problem (LCRP) instance: tasks, model tiers, budget and penalty weights.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// One task to route. Complexity 1..5 selects the class defaults of `complexityClasses()`.
struct LcrpTask {
    std::string id;                          ///< unique label, for example "T-000"
    int complexity = 1;                      ///< 1 trivial .. 5 expert
    double tokens = 0.0;                     ///< estimated tokens k_i (> 0)
    std::optional<double> qMin;              ///< explicit minimum quality; overrides the class default
    std::optional<double> latencySlaMs;      ///< explicit latency SLA in ms; overrides the class default
};

/// One model tier.
struct LcrpModel {
    std::string name;               ///< unique label, for example "haiku"
    double costPer1kUsd = 0.0;      ///< price p_j in USD per 1000 tokens (>= 0)
    double quality = 0.0;           ///< quality score q_j in [0, 1]
    double latencyMs = 0.0;         ///< average latency in ms (>= 0)
    double contextTokens = 0.0;     ///< context window in tokens (> 0)
};

/// Penalty weights of the QUBO, one per constraint. Defaults: the paper's lambda_A = 50, lambda_Q = 40,
/// lambda_B = 5, lambda_L = 3; the context-window weight (ours, not in the paper) defaults to 50.
struct LcrpPenalties {
    double assignment = 50.0;  ///< lambda_A: one-hot rows
    double quality = 40.0;     ///< lambda_Q: multiplies P_ij = 10 when q_j < q_min(i)
    double budget = 5.0;       ///< lambda_B: multiplies max(0, cost - B)^2 / B^2
    double latency = 3.0;      ///< lambda_L: multiplies L_ij = 5 when latency_j > SLA(i)
    double context = 50.0;     ///< lambda_C: multiplies K_ij = 10 when tokens_i > context_j
};

/// Per-violation magnitudes used by the paper's reference objective (P_ij, L_ij) and ours (K_ij).
constexpr double QUALITY_VIOLATION = 10.0;
constexpr double LATENCY_VIOLATION = 5.0;
constexpr double CONTEXT_VIOLATION = 10.0;

/// A task complexity class of the paper (lcrp-reference: share, q_min, SLA, token range [low, high)).
struct ComplexityClass {
    int level;              ///< 1..5
    const char* name;       ///< "trivial" .. "expert"
    double share;           ///< share in production batches (sums to 1)
    double qMin;            ///< minimum quality
    double latencySlaMs;    ///< latency SLA in ms
    double tokensLow;       ///< token range lower bound (inclusive)
    double tokensHigh;      ///< token range upper bound (exclusive)
};

/// The five classes, index level - 1.
const std::array<ComplexityClass, 5>& complexityClasses();

/// The paper's five tiers in order: gemma2-2b, haiku, sonnet, opus, o1 (Table 1).
const std::vector<LcrpModel>& defaultModelTiers();

/// An LCRP instance. Binary variable x_ij (task i to model j) has index i * numModels() + j.
/// Value type; cheap accessors; not synchronised.
struct LcrpInstance {
    std::string name;                 ///< free text
    std::vector<LcrpTask> tasks;      ///< N tasks, in order
    std::vector<LcrpModel> models;    ///< M models, in order
    double budgetUsd = 5.0;           ///< budget B in USD (> 0)
    LcrpPenalties penalties;          ///< penalty weights

    std::size_t numTasks() const { return tasks.size(); }
    std::size_t numModels() const { return models.size(); }
    std::size_t numAssignmentVariables() const { return tasks.size() * models.size(); }
    std::size_t variableIndex(std::size_t task, std::size_t model) const { return task * models.size() + model; }

    /// q_min of task i: its explicit value or its class default.
    double qMin(std::size_t task) const;
    /// Latency SLA of task i in ms: its explicit value or its class default.
    double latencySlaMs(std::size_t task) const;
    /// C_ij = p_j * k_i / 1000 in USD.
    double costUsd(std::size_t task, std::size_t model) const;
    /// q_j >= q_min(i).
    bool meetsQuality(std::size_t task, std::size_t model) const;
    /// latency_j <= SLA(i).
    bool meetsLatency(std::size_t task, std::size_t model) const;
    /// k_i <= context_j.
    bool fitsContext(std::size_t task, std::size_t model) const;
    /// All three per-pair constraints hold.
    bool allowed(std::size_t task, std::size_t model) const;

    /// Checks every field; throws Error(InvalidInput) whose where() is a JSON pointer such as
    /// "/tasks/3/complexity" or "/models/1/quality", and whose detail names the rule broken.
    void validate() const;
};

} // namespace engine
