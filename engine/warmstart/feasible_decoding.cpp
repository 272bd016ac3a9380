// SPDX-License-Identifier: MIT
// Feasibility-first decoding of samples for constrained problems (LCRP one-hot rows, MIS independence).
#include "warmstart/feasible_decoding.h"

#include "core/error.h"
#include "lcrp/lcrp_evaluator.h"
#include "qaoa/qaoa_ansatz.h"

#include <algorithm>
#include <bit>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace engine {

namespace {

constexpr std::size_t INDEX_BITS = 64;

// Mask of the low `bits` bits (all ones for 64).
std::uint64_t lowMask(std::size_t bits)
{
    return bits >= INDEX_BITS ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
}

// An outcome index holds 64 variables; a register wider than that cannot be described by one.
void checkIndexWidth(std::size_t variables, const char* what)
{
    if (variables > INDEX_BITS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string(what) + " has " + std::to_string(variables)
                        + " constrained variables, more than a 64-bit outcome index holds",
                    "index");
}

// Whether every task row of the assignment part of `index` holds exactly one 1. The layout x_ij = i*M + j does
// not depend on the encoder options (slack bits, when any, follow the N*M assignment bits), so neither does this.
bool lcrpRowsOneHot(std::uint64_t index, std::size_t numTasks, std::size_t numModels)
{
    const std::uint64_t rowMask = lowMask(numModels);
    for (std::size_t i = 0; i < numTasks; ++i) {
        const std::uint64_t row = numModels == 0 ? 0 : (index >> (i * numModels)) & rowMask;
        if (std::popcount(row) != 1)
            return false;
    }
    return true;
}

// adjacency[v] = the neighbours of v as a bit mask (the graph has at most 64 vertices).
std::vector<std::uint64_t> adjacencyMasks(const WeightedGraph& graph)
{
    std::vector<std::uint64_t> adjacency(graph.numVertices(), 0);
    for (const Edge& e : graph.edges()) {
        adjacency[e.u] |= std::uint64_t{1} << e.v;
        adjacency[e.v] |= std::uint64_t{1} << e.u;
    }
    return adjacency;
}

bool independent(std::uint64_t set, const std::vector<std::uint64_t>& adjacency)
{
    for (std::uint64_t rest = set; rest != 0; rest &= rest - 1)
        if ((adjacency[static_cast<std::size_t>(std::countr_zero(rest))] & set) != 0)
            return false;
    return true;
}

// Removes, while an edge lies inside `set`, the member with the most neighbours in the set (ties: the higher
// index). Conflict counts only ever fall, so members are kept in buckets by count (as bit masks, whose highest
// bit is the tie winner) and the highest non-empty bucket is found by a pointer that only moves down:
// O(n + edges inside the set).
std::uint64_t removeConflicts(std::uint64_t set, const std::vector<std::uint64_t>& adjacency)
{
    std::vector<std::uint64_t> bucket(INDEX_BITS, 0);  // bucket[c] = members with c neighbours in the set
    std::vector<std::size_t> conflicts(adjacency.size(), 0);
    std::size_t top = 0;
    for (std::uint64_t rest = set; rest != 0; rest &= rest - 1) {
        const auto v = static_cast<std::size_t>(std::countr_zero(rest));
        conflicts[v] = static_cast<std::size_t>(std::popcount(adjacency[v] & set));
        bucket[conflicts[v]] |= std::uint64_t{1} << v;
        top = std::max(top, conflicts[v]);
    }
    while (top > 0) {
        if (bucket[top] == 0) {
            --top;
            continue;
        }
        const auto v = static_cast<std::size_t>(INDEX_BITS - 1 - std::countl_zero(bucket[top]));
        bucket[top] &= ~(std::uint64_t{1} << v);
        set &= ~(std::uint64_t{1} << v);
        for (std::uint64_t rest = adjacency[v] & set; rest != 0; rest &= rest - 1) {
            const auto u = static_cast<std::size_t>(std::countr_zero(rest));
            bucket[conflicts[u]] &= ~(std::uint64_t{1} << u);
            --conflicts[u];
            bucket[conflicts[u]] |= std::uint64_t{1} << u;
        }
    }
    return set;
}

void checkWidth(const SampleCounts& samples, std::size_t variables)
{
    if (samples.numQubits() != variables)
        throw Error(ErrorCode::InvalidArgument,
                    "samples have " + std::to_string(samples.numQubits()) + " bits, the instance "
                        + std::to_string(variables) + " variables",
                    "samples");
}

SampleCounts decodeLcrp(const LcrpInstance& instance, const LcrpEncoderOptions& options, const SampleCounts& samples)
{
    const LcrpEncoding encoding = encodeLcrp(instance, options);
    checkWidth(samples, encoding.qubo.numVariables());
    const std::size_t numTasks = encoding.numTasks;
    const std::size_t numModels = encoding.numModels;
    const std::size_t numX = encoding.numAssignmentVariables();
    const double total = samples.total();
    if (total <= 0.0)
        return samples;
    // P(x_v = 1) over the whole sample, as lcrpSampleMetrics computes it for its decoded metrics (that function
    // works inline and returns the marginals only as part of its full metrics, so they are recomputed here).
    std::vector<double> marginals(numX, 0.0);
    const std::uint64_t assignmentMask = lowMask(numX);
    for (const auto& [index, count] : samples.counts())
        for (std::uint64_t bits = index & assignmentMask; bits != 0; bits &= bits - 1)
            marginals[static_cast<std::size_t>(std::countr_zero(bits))] += count;
    for (double& m : marginals)
        m /= total;

    SampleCounts decoded(samples.numQubits());
    for (const auto& [index, count] : samples.counts()) {
        if (lcrpRowsOneHot(index, numTasks, numModels)) {
            decoded.add(index, count);
            continue;
        }
        const std::vector<int> assignment =
            projectToValid(instance, bitsFromIndex(index & assignmentMask, numX), &marginals,
                           encoding.options.objective);
        decoded.add(lcrpAssignmentBits(encoding, assignment), count);
    }
    return decoded;
}

SampleCounts decodeGraph(const GraphInstance& instance, const SampleCounts& samples)
{
    checkWidth(samples, instance.graph.numVertices());
    if (instance.problem != GraphProblem::Mis)
        return samples;
    // The width check bounds the vertex count by SAMPLE_COUNTS_MAX_QUBITS = 64, so masks hold the sets.
    const std::vector<std::uint64_t> adjacency = adjacencyMasks(instance.graph);
    SampleCounts decoded(samples.numQubits());
    for (const auto& [index, count] : samples.counts())
        decoded.add(independent(index, adjacency) ? index : removeConflicts(index, adjacency), count);
    return decoded;
}

} // namespace

bool hasHardConstraints(const Instance& instance) noexcept
{
    if (std::holds_alternative<LcrpInstance>(instance))
        return true;
    if (const auto* graph = std::get_if<GraphInstance>(&instance))
        return graph->problem == GraphProblem::Mis;
    return false;
}

bool satisfiesHardConstraints(const Instance& instance, const LcrpEncoderOptions& /*encoding*/, std::uint64_t index)
{
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance)) {
        checkIndexWidth(lcrp->numTasks() * lcrp->numModels(), "the LCRP instance");
        return lcrpRowsOneHot(index, lcrp->numTasks(), lcrp->numModels());
    }
    if (const auto* graph = std::get_if<GraphInstance>(&instance)) {
        if (graph->problem != GraphProblem::Mis)
            return true;
        checkIndexWidth(graph->graph.numVertices(), "the MIS graph");
        for (const Edge& e : graph->graph.edges())
            if (((index >> e.u) & 1U) != 0 && ((index >> e.v) & 1U) != 0)
                return false;
        return true;
    }
    return true;
}

SampleCounts decodeFeasibleFirst(const Instance& instance, const LcrpEncoderOptions& encoding,
                                 const SampleCounts& samples)
{
    return std::visit(
        [&](const auto& inst) -> SampleCounts {
            using T = std::decay_t<decltype(inst)>;
            if constexpr (std::is_same_v<T, LcrpInstance>) {
                return decodeLcrp(inst, encoding, samples);
            } else if constexpr (std::is_same_v<T, GraphInstance>) {
                return decodeGraph(inst, samples);
            } else {
                checkWidth(samples, inst.qubo.numVariables());
                return samples;
            }
        },
        instance);
}

} // namespace engine
