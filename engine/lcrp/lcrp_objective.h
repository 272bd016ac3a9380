// SPDX-License-Identifier: MIT
// The direct LCRP objective (what the QUBO encodes), precomputed as a table for fast evaluation.
#pragma once

#include "core/bits.h"
#include "lcrp/lcrp_instance.h"

#include <vector>

namespace engine {

/// Which objective to use.
enum class LcrpObjectiveKind {
    /// Ours: normalised cost + lambda_A one-hot + lambda_Q P + lambda_L L + lambda_C K
    ///       + lambda_B max(0, cost - B)^2 / B^2. Encoded exactly (budget through slack bits).
    Exact,
    /// The published reference code's "v2": the same without the context term. Its circuit omits the budget
    /// term; the objective still counts it (classically), as the reference code does.
    ReferenceV2,
};

/// Stable names "exact" / "reference-v2" and their parser (throws Error(InvalidArgument) on anything else).
const char* lcrpObjectiveName(LcrpObjectiveKind kind) noexcept;
LcrpObjectiveKind lcrpObjectiveFromName(const std::string& name);

/// The objective split into per-pair terms and the budget term, so one-hot moves cost O(1):
///   F(x) = sum_v unary[v] x_v + assignmentWeight * sum_i (1 - sum_j x_ij)^2
///          + budgetWeight * max(0, sum_v costUsd[v] x_v - budgetUsd)^2 / budgetUsd^2,
/// with v = i * numModels + j. unary[v] = C_ij / max C + lambda_Q P_ij + lambda_L L_ij (+ lambda_C K_ij for
/// Exact). When every C_ij is 0, the normalised cost is 0.
struct LcrpObjectiveTable {
    std::size_t numTasks = 0;
    std::size_t numModels = 0;
    std::vector<double> unary;      ///< unary[v]: all linear per-pair terms of x_v
    std::vector<double> costUsd;    ///< costUsd[v] = C_ij in USD
    double costScale = 0.0;         ///< max C_ij (normaliser); 0 when all costs are 0
    double assignmentWeight = 0.0;  ///< lambda_A
    double budgetWeight = 0.0;      ///< lambda_B
    double budgetUsd = 1.0;         ///< B

    /// lambda_B max(0, total - B)^2 / B^2.
    double budgetPenalty(double totalCostUsd) const;
    /// F for a one-hot assignment (model index per task, each in [0, M)). O(N).
    double ofAssignment(const std::vector<int>& assignment) const;
    /// F for any bits over the N*M assignment variables (extra trailing bits, e.g. slack, are ignored). O(NM).
    double ofBits(const Bits& x) const;
};

/// Builds the table for `instance` (which must be valid). O(NM).
LcrpObjectiveTable makeObjectiveTable(const LcrpInstance& instance, LcrpObjectiveKind kind);

} // namespace engine
