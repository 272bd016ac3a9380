// SPDX-License-Identifier: MIT
// The LCRP -> QUBO encoder: objective, one-hot penalty and the budget through binary slack bits.
#include "lcrp/lcrp_encoder.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace engine {

namespace {

constexpr int MAX_SLACK_BITS = 30;

} // namespace

LcrpEncoding encodeLcrp(const LcrpInstance& instance, const LcrpEncoderOptions& options)
{
    instance.validate();
    if (options.budgetSlackBits < 0 || options.budgetSlackBits > MAX_SLACK_BITS)
        throw Error(ErrorCode::InvalidArgument,
                    "budget slack bits must be in [0, " + std::to_string(MAX_SLACK_BITS) + "], got "
                        + std::to_string(options.budgetSlackBits),
                    "budgetSlackBits");

    const bool exact = options.objective == LcrpObjectiveKind::Exact;
    const LcrpObjectiveTable table = makeObjectiveTable(instance, options.objective);
    const std::size_t numTasks = instance.numTasks();
    const std::size_t numModels = instance.numModels();
    const std::size_t numX = numTasks * numModels;
    const std::size_t numSlack = exact ? static_cast<std::size_t>(options.budgetSlackBits) : 0;
    const std::size_t n = numX + numSlack;
    if (numSlack > 0 && instance.penalties.budget > 0.0 && n > MAX_BUDGET_QUBO_VARIABLES)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(n) + " variables with the budget in the QUBO exceed the limit of "
                        + std::to_string(MAX_BUDGET_QUBO_VARIABLES)
                        + " (the budget term couples all pairs); use fewer tasks or budgetSlackBits = 0",
                    "/tasks");

    LcrpEncoding enc;
    enc.options = options;
    enc.numTasks = numTasks;
    enc.numModels = numModels;
    enc.numSlackVariables = numSlack;
    enc.budgetInQubo = numSlack > 0;
    enc.qubo = QuboModel(n);

    const double budget = instance.budgetUsd;
    const double lambdaA = instance.penalties.assignment;
    // The budget term is alpha (sum_u c_u u - B)^2 with alpha = lambda_B / B^2, u over x and slack variables.
    const double alpha = enc.budgetInQubo ? instance.penalties.budget / (budget * budget) : 0.0;
    if (enc.budgetInQubo) {
        enc.slackUnitUsd = budget / (std::ldexp(1.0, static_cast<int>(numSlack)) - 1.0);
        const double half = enc.slackUnitUsd / 2.0;
        enc.budgetMaxError = instance.penalties.budget * half * half / (budget * budget);
    }

    // c[u]: USD weight of variable u inside the budget sum (C_ij for x, 2^k * unit for slack bit k).
    std::vector<double> c(n, 0.0);
    for (std::size_t v = 0; v < numX; ++v)
        c[v] = table.costUsd[v];
    for (std::size_t k = 0; k < numSlack; ++k)
        c[numX + k] = std::ldexp(enc.slackUnitUsd, static_cast<int>(k));

    // Linear terms and offset. (1 - sum_j x_ij)^2 = 1 - sum_j x_ij + 2 sum_{j<j'} x_ij x_ij' because x^2 = x;
    // alpha (S - B)^2 = alpha [sum_u (c_u^2 - 2 B c_u) u + 2 sum_{u<u'} c_u c_u' u u' + B^2].
    enc.qubo.addOffset(lambdaA * static_cast<double>(numTasks));
    for (std::size_t u = 0; u < n; ++u) {
        double a = 0.0;
        if (u < numX)
            a += table.unary[u] - lambdaA;
        if (alpha != 0.0)
            a += alpha * (c[u] * c[u] - 2.0 * budget * c[u]);
        if (a != 0.0)
            enc.qubo.addLinear(u, a);
    }
    if (enc.budgetInQubo)
        enc.qubo.addOffset(alpha * budget * budget);

    // Quadratic terms in increasing (u, u') order so QuboModel appends in O(1). Without a budget term only
    // pairs inside a row couple, so the loop stays O(N M^2) instead of O((NM)^2).
    if (alpha == 0.0) {
        if (lambdaA != 0.0)
            for (std::size_t i = 0; i < numTasks; ++i)
                for (std::size_t j = 0; j < numModels; ++j)
                    for (std::size_t k = j + 1; k < numModels; ++k)
                        enc.qubo.addQuadratic(instance.variableIndex(i, j), instance.variableIndex(i, k),
                                              2.0 * lambdaA);
    } else {
        for (std::size_t u = 0; u < n; ++u) {
            for (std::size_t w = u + 1; w < n; ++w) {
                double b = 2.0 * alpha * c[u] * c[w];
                if (w < numX && u / numModels == w / numModels)
                    b += 2.0 * lambdaA;
                if (b != 0.0)
                    enc.qubo.addQuadratic(u, w, b);
            }
        }
    }

    for (std::size_t i = 0; i < numTasks; ++i)
        for (std::size_t j = 0; j < numModels; ++j)
            enc.qubo.setVariableName(instance.variableIndex(i, j),
                                     "x[" + instance.tasks[i].id + "," + instance.models[j].name + "]");
    for (std::size_t k = 0; k < numSlack; ++k)
        enc.qubo.setVariableName(numX + k, "slack[" + std::to_string(k) + "]");
    return enc;
}

double energyWithOptimalSlack(const LcrpEncoding& encoding, const Bits& x, Bits* full)
{
    const std::size_t numX = encoding.numAssignmentVariables();
    const std::size_t numSlack = encoding.numSlackVariables;
    if (x.size() != numX)
        throw Error(ErrorCode::InvalidArgument,
                    "assignment bits have " + std::to_string(x.size()) + " entries, expected "
                        + std::to_string(numX),
                    "x");
    if (encoding.qubo.numVariables() != numX + numSlack)
        throw Error(ErrorCode::InvalidArgument, "encoding layout does not match its QUBO", "encoding");

    Bits bits(x);
    bits.resize(numX + numSlack, 0);
    if (encoding.budgetInQubo && numSlack > 0) {
        // The encoding keeps no costs, but the QUBO holds them exactly: with alpha = lambda_B / B^2 and unit u0,
        // a_{slack0} = alpha u0 (u0 - 2B) = -alpha u0^2 (2^{K+1} - 3) and b_{v,slack0} = 2 alpha u0 C_v. The
        // slack-dependent energy is alpha u0^2 (m - t)^2 + const for slack integer m, with
        // t = (B - cost) / u0 = (2^K - 1) - sum_v b_{v,slack0} x_v / (2 alpha u0^2).
        const std::size_t s0 = numX;
        const double gridTop = std::ldexp(1.0, static_cast<int>(numSlack)) - 1.0;
        const double curvature = -encoding.qubo.linear(s0) / (2.0 * gridTop - 1.0);  // alpha u0^2
        double m = 0.0;
        if (curvature > 0.0) {
            double coupled = 0.0;
            for (const QuboNeighbor& nb : encoding.qubo.neighbors(s0))
                if (nb.index < numX && x[nb.index])
                    coupled += nb.value;
            const double t = gridTop - coupled / (2.0 * curvature);
            m = std::round(std::clamp(t, 0.0, gridTop));
        }
        const auto slack = static_cast<std::uint64_t>(m);
        for (std::size_t k = 0; k < numSlack; ++k)
            bits[numX + k] = static_cast<std::uint8_t>((slack >> k) & 1U);
    }
    const double energy = encoding.qubo.energy(bits);
    if (full)
        *full = std::move(bits);
    return energy;
}

} // namespace engine
