// SPDX-License-Identifier: MIT
// Decoding of LCRP bitstrings and assignments: validity per constraint, cost, quality satisfaction, energy.
#pragma once

#include "core/bits.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"

#include <vector>

namespace engine {

/// Violations counted per constraint.
struct LcrpViolations {
    int oneHot = 0;    ///< tasks whose row does not hold exactly one 1
    int quality = 0;   ///< set bits x_ij = 1 with q_j < q_min(i)
    int latency = 0;   ///< set bits with latency_j > SLA(i)
    int context = 0;   ///< set bits with tokens_i > context_j
    int budget = 0;    ///< 1 when the total cost exceeds B, else 0
    int total() const { return oneHot + quality + latency + context + budget; }
};

/// The decoded view of one bitstring or assignment.
struct LcrpEvaluation {
    std::vector<int> assignment;       ///< model index per task; -1 where the task's row is not one-hot
    bool valid = false;                ///< every row one-hot: the paper's "valid assignment"
    bool feasible = false;             ///< valid and no quality, latency, context or budget violation
    LcrpViolations violations;         ///< per-constraint counts
    double costUsd = 0.0;              ///< sum of C_ij over all set assignment bits, USD
    double qualitySatisfaction = 0.0;  ///< fraction of tasks that are one-hot and meet q_min
    double objective = 0.0;            ///< direct objective F (encoding's objective kind)
    double quboEnergy = 0.0;           ///< QUBO energy: of the full bitstring when slack bits were given,
                                       ///< else with the optimal slack (`energyWithOptimalSlack`)
};

/// Evaluates bits of size N*M (slack chosen optimally) or N*M + K (slack as given).
/// Throws Error(InvalidInput) for any other size.
LcrpEvaluation evaluateBits(const LcrpInstance& instance, const LcrpEncoding& encoding, const Bits& bits);

/// Evaluates a one-hot assignment (model index per task). Throws Error(InvalidInput) when its size is not N
/// or an index is out of [0, M).
LcrpEvaluation evaluateAssignment(const LcrpInstance& instance, const LcrpEncoding& encoding,
                                  const std::vector<int>& assignment);

/// The N*M bits of a one-hot assignment.
Bits assignmentToBits(const LcrpInstance& instance, const std::vector<int>& assignment);

/// Parses a comma-separated list of model names (or indices), one per task, into an assignment.
/// Throws Error(InvalidInput) naming the entry that is unknown or the count that is wrong.
std::vector<int> parseAssignment(const LcrpInstance& instance, const std::string& text);

/// Feasibility-first decoding (LCRP paper 8.2): projects bits to the nearest valid assignment. A one-hot row
/// is kept. A row with several ones keeps, among its set models, the one with the highest marginal when
/// `marginals` (P(x_v = 1), size N*M) is given, else the one with the lowest per-task objective term. An empty
/// row takes the model with the highest marginal, else the lowest per-task objective term. Ties: lower index.
std::vector<int> projectToValid(const LcrpInstance& instance, const Bits& bits,
                                const std::vector<double>* marginals = nullptr,
                                LcrpObjectiveKind objective = LcrpObjectiveKind::Exact);

} // namespace engine
