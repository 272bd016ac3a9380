// SPDX-License-Identifier: MIT
// The LCRP -> QUBO encoder, exact (budget through binary slack variables) or reference-compatible.
#pragma once

#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"
#include "qubo/qubo_model.h"

namespace engine {

/// Encoder options.
struct LcrpEncoderOptions {
    LcrpObjectiveKind objective = LcrpObjectiveKind::Exact;
    /// Number K of binary slack bits for the budget (Exact only). Slack bit k is worth 2^k * slackUnitUsd with
    /// slackUnitUsd = B / (2^K - 1), so the slack covers [0, B] in 2^K steps. 0 leaves the budget out of the
    /// QUBO. Default 6.
    int budgetSlackBits = 6;
};

/// The encoded QUBO with its variable layout: variables [0, N*M) are x_ij at i*M + j; variables
/// [N*M, N*M + K) are the budget slack bits, least-significant first.
///
/// Budget method (Exact): lambda_B / B^2 * (sum C_ij x_ij + s - B)^2 with s = slackUnitUsd * sum_k 2^k y_k.
/// Minimised over the slack bits it equals lambda_B max(0, cost - B)^2 / B^2 when cost > B (s = 0) and is at
/// most lambda_B (slackUnitUsd/2)^2 / B^2 = `budgetMaxError` when cost <= B; it is exact when B - cost is a
/// multiple of slackUnitUsd. So for every x, min over slack of the QUBO energy lies in
/// [F(x), F(x) + budgetMaxError], F the direct objective (`LcrpObjectiveTable`).
/// ReferenceV2: the QUBO holds everything but the budget term, which the objective counts classically.
struct LcrpEncoding {
    QuboModel qubo;                        ///< the QUBO to minimise; variables named x[task,model], slack[k]
    std::size_t numTasks = 0;              ///< N
    std::size_t numModels = 0;             ///< M
    std::size_t numSlackVariables = 0;     ///< K (extra variables added by the budget encoding)
    double slackUnitUsd = 0.0;             ///< USD worth of slack bit 0 (0 when K = 0)
    double budgetMaxError = 0.0;           ///< bound on min-over-slack energy minus F for any x
    bool budgetInQubo = false;             ///< whether the QUBO contains the budget term
    LcrpEncoderOptions options;            ///< the options used

    std::size_t numAssignmentVariables() const { return numTasks * numModels; }
};

/// Largest N*M + K for which the budget term (which couples every pair of variables) is put into the QUBO:
/// 4096 variables mean up to 8.4 million pairs (about 270 MB of adjacency lists), far beyond any QAOA register.
constexpr std::size_t MAX_BUDGET_QUBO_VARIABLES = 4096;

/// Encodes `instance` (validated first: throws Error(InvalidInput) on a bad instance, Error(InvalidArgument)
/// for budgetSlackBits outside [0, 30], Error(LimitExceeded) when the budget is in the QUBO and
/// N*M + K > MAX_BUDGET_QUBO_VARIABLES). With the budget: O((NM + K)^2) time and memory, since the budget couples
/// all pairs; without it (ReferenceV2, K = 0 or lambda_B = 0): O(NM^2). ReferenceV2 ignores budgetSlackBits.
/// With K = 0 the QUBO equals F minus the budget penalty and budgetMaxError is 0.
LcrpEncoding encodeLcrp(const LcrpInstance& instance, const LcrpEncoderOptions& options = {});

/// QUBO energy of assignment bits x (size N*M) with the slack bits chosen to minimise it: O(NM + 2^min(K,20))
/// in the worst case, computed in closed form by rounding the needed slack to the grid.
/// Returns the full bitstring (N*M + K bits) through `full` when it is not null. Throws Error(InvalidArgument)
/// when x does not have N*M bits.
double energyWithOptimalSlack(const LcrpEncoding& encoding, const Bits& x, Bits* full = nullptr);

} // namespace engine
