// SPDX-License-Identifier: MIT
// The direct LCRP objective table.
#include "lcrp/lcrp_objective.h"

#include "core/error.h"

#include <algorithm>

namespace engine {

const char* lcrpObjectiveName(LcrpObjectiveKind kind) noexcept
{
    return kind == LcrpObjectiveKind::Exact ? "exact" : "reference-v2";
}

LcrpObjectiveKind lcrpObjectiveFromName(const std::string& name)
{
    if (name == "exact")
        return LcrpObjectiveKind::Exact;
    if (name == "reference-v2" || name == "reference")
        return LcrpObjectiveKind::ReferenceV2;
    throw Error(ErrorCode::InvalidArgument, "unknown objective '" + name + "' (expected exact or reference-v2)");
}

double LcrpObjectiveTable::budgetPenalty(double totalCostUsd) const
{
    const double over = std::max(0.0, totalCostUsd - budgetUsd);
    return budgetWeight * over * over / (budgetUsd * budgetUsd);
}

double LcrpObjectiveTable::ofAssignment(const std::vector<int>& assignment) const
{
    double value = 0.0;
    double cost = 0.0;
    for (std::size_t i = 0; i < numTasks; ++i) {
        const std::size_t v = i * numModels + static_cast<std::size_t>(assignment[i]);
        value += unary[v];
        cost += costUsd[v];
    }
    return value + budgetPenalty(cost);
}

double LcrpObjectiveTable::ofBits(const Bits& x) const
{
    double value = 0.0;
    double cost = 0.0;
    for (std::size_t i = 0; i < numTasks; ++i) {
        int ones = 0;
        for (std::size_t j = 0; j < numModels; ++j) {
            const std::size_t v = i * numModels + j;
            if (v < x.size() && x[v]) {
                ++ones;
                value += unary[v];
                cost += costUsd[v];
            }
        }
        value += assignmentWeight * (1 - ones) * (1 - ones);
    }
    return value + budgetPenalty(cost);
}

LcrpObjectiveTable makeObjectiveTable(const LcrpInstance& instance, LcrpObjectiveKind kind)
{
    LcrpObjectiveTable table;
    table.numTasks = instance.numTasks();
    table.numModels = instance.numModels();
    const std::size_t n = instance.numAssignmentVariables();
    table.unary.assign(n, 0.0);
    table.costUsd.assign(n, 0.0);
    table.assignmentWeight = instance.penalties.assignment;
    table.budgetWeight = instance.penalties.budget;
    table.budgetUsd = instance.budgetUsd;
    for (std::size_t i = 0; i < table.numTasks; ++i)
        for (std::size_t j = 0; j < table.numModels; ++j)
            table.costScale = std::max(table.costScale, instance.costUsd(i, j));

    const LcrpPenalties& p = instance.penalties;
    for (std::size_t i = 0; i < table.numTasks; ++i) {
        for (std::size_t j = 0; j < table.numModels; ++j) {
            const std::size_t v = instance.variableIndex(i, j);
            const double cost = instance.costUsd(i, j);
            table.costUsd[v] = cost;
            double u = table.costScale > 0.0 ? cost / table.costScale : 0.0;
            if (!instance.meetsQuality(i, j))
                u += p.quality * QUALITY_VIOLATION;
            if (!instance.meetsLatency(i, j))
                u += p.latency * LATENCY_VIOLATION;
            if (kind == LcrpObjectiveKind::Exact && !instance.fitsContext(i, j))
                u += p.context * CONTEXT_VIOLATION;
            table.unary[v] = u;
        }
    }
    return table;
}

} // namespace engine
