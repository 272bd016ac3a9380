// SPDX-License-Identifier: MIT
// Sample metrics: one validated pass over a sample view per figure, energies by Gray-code walks on dense vectors.
#include "qaoa/sample_metrics.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_baseline.h"
#include "lcrp/lcrp_evaluator.h"
#include "lcrp/lcrp_objective.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

namespace engine {

namespace {

void checkStates(const std::vector<std::uint64_t>& states, std::size_t numVariables)
{
    if (numVariables > MAX_SAMPLE_VARIABLES)
        throw Error(ErrorCode::InvalidArgument,
                    "samples over " + std::to_string(numVariables) + " variables; at most "
                        + std::to_string(MAX_SAMPLE_VARIABLES) + " are supported",
                    "numVariables");
    if (numVariables == MAX_SAMPLE_VARIABLES)
        return;
    const std::uint64_t limit = std::uint64_t{1} << numVariables;
    for (std::size_t k = 0; k < states.size(); ++k)
        if (states[k] >= limit)
            throw Error(ErrorCode::InvalidArgument,
                        "state " + std::to_string(states[k]) + " does not fit in " + std::to_string(numVariables)
                            + " bits",
                        indexedPlace("states", k));
}

// Sum of the weights after checking each; every metric starts here so bad input never reaches a formula.
double checkedTotalWeight(const SampleView& samples)
{
    const char* name = samples.isDense() ? "probabilities" : "weights";
    double total = 0.0;
    for (std::size_t k = 0; k < samples.size(); ++k) {
        const double w = samples.weight(k);
        if (!std::isfinite(w) || w < 0.0)
            throw Error(ErrorCode::InvalidArgument, "weight is negative or not finite", indexedPlace(name, k));
        total += w;
    }
    if (!(total > 0.0))
        throw Error(ErrorCode::InvalidArgument, "the samples have zero total weight", name);
    return total;
}

bool equalsWithin(double value, double reference, double tolerance)
{
    return value <= reference + tolerance * std::max(1.0, std::abs(reference));
}

// Accumulates the energy statistics from (state, weight, energy) triples in any order.
class EnergyAccumulator {
public:
    EnergyAccumulator(double totalWeight, const EnergyBounds& bounds) : m_total(totalWeight), m_bounds(bounds) {}

    void add(std::uint64_t state, double weight, double energy)
    {
        if (weight <= 0.0)
            return;
        m_weightedSum += weight * energy;
        if (!m_found || energy < m_best || (energy == m_best && state < m_bestState)) {
            m_found = true;
            m_best = energy;
            m_bestState = state;
        }
        if (m_bounds.minimum && equalsWithin(energy, *m_bounds.minimum, m_bounds.tolerance))
            m_optimumWeight += weight;
    }

    QuboSampleMetrics result() const
    {
        QuboSampleMetrics m;
        m.totalWeight = m_total;
        m.expectation = m_weightedSum / m_total;
        m.bestEnergy = m_best;
        m.bestState = m_bestState;
        if (m_bounds.minimum) {
            const double emin = *m_bounds.minimum;
            if (emin < 0.0)
                m.approximationRatio = m.expectation / emin;
            m.optimumProbability = m_optimumWeight / m_total;
            if (m_bounds.maximum && *m_bounds.maximum > emin)
                m.arStar = 1.0 - (m.expectation - emin) / (*m_bounds.maximum - emin);
        }
        return m;
    }

private:
    double m_total;
    EnergyBounds m_bounds;
    double m_weightedSum = 0.0;
    double m_optimumWeight = 0.0;
    double m_best = 0.0;
    std::uint64_t m_bestState = 0;
    bool m_found = false;
};

void checkBounds(const EnergyBounds& bounds)
{
    if (bounds.minimum && !std::isfinite(*bounds.minimum))
        throw Error(ErrorCode::InvalidArgument, "E_min is not finite", "bounds.minimum");
    if (bounds.maximum && !std::isfinite(*bounds.maximum))
        throw Error(ErrorCode::InvalidArgument, "E_max is not finite", "bounds.maximum");
    if (!(bounds.tolerance >= 0.0 && std::isfinite(bounds.tolerance)))
        throw Error(ErrorCode::InvalidArgument, "tolerance must be finite and >= 0", "bounds.tolerance");
}

// Exact energies drift by rounding along a walk of flipDelta updates; re-anchoring bounds the walk length.
constexpr std::uint64_t GRAY_REANCHOR_STEPS = 1024;

} // namespace

SampleSet sampleSetFromCounts(const std::map<std::uint64_t, std::uint64_t>& counts, std::size_t numVariables)
{
    SampleSet set;
    set.numVariables = numVariables;
    set.states.reserve(counts.size());
    set.weights.reserve(counts.size());
    for (const auto& [state, count] : counts) {
        set.states.push_back(state);
        set.weights.push_back(static_cast<double>(count));
    }
    checkStates(set.states, numVariables);
    return set;
}

SampleSet sampleSetFromBitstrings(const std::vector<Bits>& bitstrings, const std::vector<double>& weights)
{
    if (!weights.empty() && weights.size() != bitstrings.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::to_string(weights.size()) + " weights for " + std::to_string(bitstrings.size())
                        + " bitstrings",
                    "weights");
    SampleSet set;
    set.numVariables = bitstrings.empty() ? 0 : bitstrings.front().size();
    if (set.numVariables > MAX_SAMPLE_VARIABLES)
        throw Error(ErrorCode::InvalidArgument,
                    "bitstrings of " + std::to_string(set.numVariables) + " bits; at most "
                        + std::to_string(MAX_SAMPLE_VARIABLES) + " are supported",
                    "bitstrings[0]");
    std::map<std::uint64_t, double> merged;
    for (std::size_t k = 0; k < bitstrings.size(); ++k) {
        if (bitstrings[k].size() != set.numVariables)
            throw Error(ErrorCode::InvalidArgument,
                        "bitstring has " + std::to_string(bitstrings[k].size()) + " bits, the first has "
                            + std::to_string(set.numVariables),
                        indexedPlace("bitstrings", k));
        merged[bitsToIndex(bitstrings[k])] += weights.empty() ? 1.0 : weights[k];
    }
    for (const auto& [state, weight] : merged) {
        set.states.push_back(state);
        set.weights.push_back(weight);
    }
    return set;
}

SampleView::SampleView(const SampleSet& samples)
    : m_states(&samples.states), m_weights(&samples.weights), m_numVariables(samples.numVariables)
{
    if (samples.states.size() != samples.weights.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::to_string(samples.weights.size()) + " weights for " + std::to_string(samples.states.size())
                        + " states",
                    "weights");
    checkStates(samples.states, samples.numVariables);
}

SampleView::SampleView(const std::vector<double>& probabilities) : m_weights(&probabilities)
{
    const std::size_t size = probabilities.size();
    if (size == 0 || !std::has_single_bit(size) || size > (std::size_t{1} << 63))
        throw Error(ErrorCode::InvalidArgument,
                    "a probability vector needs 2^n entries, got " + std::to_string(size), "probabilities");
    m_numVariables = static_cast<std::size_t>(std::countr_zero(size));
}

QuboSampleMetrics quboSampleMetrics(const QuboModel& qubo, const SampleView& samples, const EnergyBounds& bounds)
{
    const std::size_t n = qubo.numVariables();
    if (samples.numVariables() != n)
        throw Error(ErrorCode::InvalidArgument,
                    "samples have " + std::to_string(samples.numVariables()) + " variables, the QUBO has "
                        + std::to_string(n),
                    "samples");
    checkBounds(bounds);
    EnergyAccumulator acc(checkedTotalWeight(samples), bounds);
    if (!samples.isDense()) {
        for (std::size_t k = 0; k < samples.size(); ++k)
            if (samples.weight(k) > 0.0)
                acc.add(samples.state(k), samples.weight(k), qubo.energy(bitsFromIndex(samples.state(k), n)));
        return acc.result();
    }
    // Gray-code order visits every state flipping one bit per step, so each energy costs one flipDelta.
    Bits x(n, 0);
    double energy = qubo.energy(x);
    const std::uint64_t count = std::uint64_t{1} << n;
    for (std::uint64_t t = 0; t < count; ++t) {
        if (t > 0) {
            const auto flip = static_cast<std::size_t>(std::countr_zero(t));
            energy += qubo.flipDelta(x, flip);
            x[flip] ^= 1;
            if (t % GRAY_REANCHOR_STEPS == 0)
                energy = qubo.energy(x);
        }
        const std::uint64_t z = t ^ (t >> 1);
        acc.add(z, samples.weight(static_cast<std::size_t>(z)), energy);
    }
    return acc.result();
}

QuboSampleMetrics diagonalSampleMetrics(const std::vector<double>& probabilities, const std::vector<double>& energies,
                                        const EnergyBounds& bounds)
{
    const SampleView samples(probabilities);
    if (energies.size() != probabilities.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::to_string(energies.size()) + " energies for " + std::to_string(probabilities.size())
                        + " probabilities",
                    "energies");
    checkBounds(bounds);
    EnergyAccumulator acc(checkedTotalWeight(samples), bounds);
    for (std::size_t z = 0; z < energies.size(); ++z) {
        if (!std::isfinite(energies[z]))
            throw Error(ErrorCode::InvalidArgument, "energy is not finite", indexedPlace("energies", z));
        acc.add(z, probabilities[z], energies[z]);
    }
    return acc.result();
}

MaxCutSampleMetrics maxCutSampleMetrics(const WeightedGraph& graph, const SampleView& samples,
                                        std::optional<double> optimalCut, double tolerance)
{
    EnergyBounds bounds;
    if (optimalCut)
        bounds.minimum = -*optimalCut;
    bounds.tolerance = tolerance;
    const QuboSampleMetrics q = quboSampleMetrics(encodeMaxCut(graph), samples, bounds);
    MaxCutSampleMetrics m;
    m.totalWeight = q.totalWeight;
    m.expectedCut = -q.expectation;
    m.bestCut = -q.bestEnergy;
    m.bestState = q.bestState;
    m.approximationRatio = q.approximationRatio;
    m.optimumProbability = q.optimumProbability;
    return m;
}

namespace {

// Per-assignment figures computed on the hot path (the summaries re-evaluate the winners exactly).
struct Candidate {
    bool found = false;
    std::uint64_t state = 0;  // sample state it came from (tie-break)
    double objective = 0.0;
    double cost = 0.0;
    std::vector<int> assignment;
};

// Lower objective, then lower cost, then lower state.
bool betterByObjective(double objective, double cost, std::uint64_t state, const Candidate& c)
{
    if (!c.found)
        return true;
    if (objective != c.objective)
        return objective < c.objective;
    if (cost != c.cost)
        return cost < c.cost;
    return state < c.state;
}

// Lower cost, then lower objective, then lower state.
bool betterByCost(double objective, double cost, std::uint64_t state, const Candidate& c)
{
    if (!c.found)
        return true;
    if (cost != c.cost)
        return cost < c.cost;
    if (objective != c.objective)
        return objective < c.objective;
    return state < c.state;
}

void take(Candidate& c, double objective, double cost, std::uint64_t state, const std::vector<int>& assignment)
{
    c.found = true;
    c.objective = objective;
    c.cost = cost;
    c.state = state;
    c.assignment = assignment;
}

std::uint64_t assignmentKey(const std::vector<int>& assignment, std::size_t numModels)
{
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < assignment.size(); ++i)
        key |= std::uint64_t{1} << (i * numModels + static_cast<std::size_t>(assignment[i]));
    return key;
}

class LcrpScorer {
public:
    LcrpScorer(const LcrpInstance& instance, const LcrpEncoding& encoding)
        : m_instance(instance), m_table(makeObjectiveTable(instance, encoding.options.objective))
    {
    }

    // Cost in task order (the order evaluateBits sums in, so the budget test rounds identically) and whether
    // every chosen pair is allowed and the budget holds.
    void score(const std::vector<int>& assignment, double& objective, double& cost, bool& feasible) const
    {
        cost = 0.0;
        bool allowed = true;
        for (std::size_t i = 0; i < assignment.size(); ++i) {
            const auto j = static_cast<std::size_t>(assignment[i]);
            cost += m_instance.costUsd(i, j);
            allowed = allowed && m_instance.allowed(i, j);
        }
        feasible = allowed && !(cost > m_instance.budgetUsd);
        objective = m_table.ofAssignment(assignment);
    }

private:
    const LcrpInstance& m_instance;
    LcrpObjectiveTable m_table;
};

LcrpSolutionSummary summarise(const LcrpInstance& instance, const LcrpEncoding& encoding, const Candidate& c)
{
    const LcrpEvaluation ev = evaluateAssignment(instance, encoding, c.assignment);
    LcrpSolutionSummary s;
    s.assignment = c.assignment;
    s.costUsd = ev.costUsd;
    s.qualitySatisfaction = ev.qualitySatisfaction;
    s.objective = ev.objective;
    s.feasible = ev.feasible;
    return s;
}

// Largest row width for which the projection is tabulated per (task, row pattern) instead of run per sample.
constexpr std::size_t MAX_TABULATED_ROW_BITS = 16;

} // namespace

LcrpSampleMetrics lcrpSampleMetrics(const LcrpInstance& instance, const LcrpEncoding& encoding,
                                    const SampleView& samples)
{
    instance.validate();
    const std::size_t numTasks = instance.numTasks();
    const std::size_t numModels = instance.numModels();
    const std::size_t numX = numTasks * numModels;
    if (encoding.numTasks != numTasks || encoding.numModels != numModels)
        throw Error(ErrorCode::InvalidArgument,
                    "the encoding (" + std::to_string(encoding.numTasks) + " x " + std::to_string(encoding.numModels)
                        + ") does not belong to this instance (" + std::to_string(numTasks) + " x "
                        + std::to_string(numModels) + ")",
                    "encoding");
    const std::size_t n = samples.numVariables();
    if (n != numX && n != numX + encoding.numSlackVariables)
        throw Error(ErrorCode::InvalidArgument,
                    "samples have " + std::to_string(n) + " variables, expected " + std::to_string(numX)
                        + " (assignment) or " + std::to_string(numX + encoding.numSlackVariables) + " (with slack)",
                    "samples");
    const double total = checkedTotalWeight(samples);
    const LcrpScorer scorer(instance, encoding);
    const std::uint64_t rowMask = numModels >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << numModels) - 1;
    const std::uint64_t assignmentMask = numX >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << numX) - 1;

    LcrpSampleMetrics m;
    m.totalWeight = total;
    m.uniformValidRate = uniformRandomValidRate(instance);
    m.uniformAllowedRate = uniformRandomAllowedRate(instance);
    m.marginals.assign(numX, 0.0);

    // Scores one valid assignment of weight w and keeps it when it is the best by objective, or the cheapest
    // feasible one (whose weight it then adds to feasibleWeight).
    const auto consider = [&](const std::vector<int>& a, std::uint64_t state, double w, Candidate& best,
                              Candidate& bestFeasibleOne, double& feasibleWeightSum) {
        double objective = 0.0;
        double cost = 0.0;
        bool feasible = false;
        scorer.score(a, objective, cost, feasible);
        if (betterByObjective(objective, cost, state, best))
            take(best, objective, cost, state, a);
        if (feasible) {
            feasibleWeightSum += w;
            if (betterByCost(objective, cost, state, bestFeasibleOne))
                take(bestFeasibleOne, objective, cost, state, a);
        }
    };

    // Pass 1: marginals, raw validity and feasibility, best raw samples.
    Candidate bestValid;
    Candidate bestFeasible;
    std::vector<int> assignment(numTasks);
    double validWeight = 0.0;
    double feasibleWeight = 0.0;
    std::size_t positiveEntries = 0;
    for (std::size_t k = 0; k < samples.size(); ++k) {
        const double w = samples.weight(k);
        if (w <= 0.0)
            continue;
        ++positiveEntries;
        const std::uint64_t state = samples.state(k);
        for (std::uint64_t bits = state & assignmentMask; bits != 0; bits &= bits - 1)
            m.marginals[static_cast<std::size_t>(std::countr_zero(bits))] += w;
        bool valid = true;
        for (std::size_t i = 0; i < numTasks && valid; ++i) {
            const std::uint64_t row = (state >> (i * numModels)) & rowMask;
            valid = std::popcount(row) == 1;
            assignment[i] = std::countr_zero(row);
        }
        if (!valid)
            continue;
        validWeight += w;
        consider(assignment, state, w, bestValid, bestFeasible, feasibleWeight);
    }
    for (double& marginal : m.marginals)
        marginal /= total;
    m.validRate = validWeight / total;
    m.feasibleRate = feasibleWeight / total;

    // Pass 2: feasibility-first decoding. projectToValid decides each task row on its own (from that row's bits
    // and marginals), so for narrow rows it is tabulated once per (task, row pattern) -- 2^M calls -- instead
    // of once per sample.
    const bool tabulate = numModels <= MAX_TABULATED_ROW_BITS && (std::size_t{1} << numModels) <= positiveEntries;
    std::vector<int> projectionTable;  // projectionTable[pattern * numTasks + i]
    if (tabulate) {
        const std::size_t patterns = std::size_t{1} << numModels;
        projectionTable.resize(patterns * numTasks);
        Bits bits(numX);
        for (std::size_t pattern = 0; pattern < patterns; ++pattern) {
            for (std::size_t v = 0; v < numX; ++v)
                bits[v] = static_cast<std::uint8_t>((pattern >> (v % numModels)) & 1U);
            const std::vector<int> projected =
                projectToValid(instance, bits, &m.marginals, encoding.options.objective);
            std::copy(projected.begin(), projected.end(),
                      projectionTable.begin() + static_cast<std::ptrdiff_t>(pattern * numTasks));
        }
    }
    Candidate decodedBest;
    Candidate decodedBestFeasible;
    double decodedFeasibleWeight = 0.0;
    for (std::size_t k = 0; k < samples.size(); ++k) {
        const double w = samples.weight(k);
        if (w <= 0.0)
            continue;
        const std::uint64_t state = samples.state(k);
        if (tabulate) {
            for (std::size_t i = 0; i < numTasks; ++i) {
                const auto pattern = static_cast<std::size_t>((state >> (i * numModels)) & rowMask);
                assignment[i] = projectionTable[pattern * numTasks + i];
            }
        } else {
            assignment = projectToValid(instance, bitsFromIndex(state & assignmentMask, numX), &m.marginals,
                                        encoding.options.objective);
        }
        consider(assignment, state, w, decodedBest, decodedBestFeasible, decodedFeasibleWeight);
    }
    m.decodedFeasibleRate = decodedFeasibleWeight / total;

    // Pass 3: how often the raw samples hit each reported assignment exactly.
    std::vector<std::pair<const Candidate*, LcrpSolutionSummary*>> reported;
    if (bestValid.found)
        reported.emplace_back(&bestValid, &m.bestValid.emplace(summarise(instance, encoding, bestValid)));
    if (bestFeasible.found)
        reported.emplace_back(&bestFeasible, &m.bestFeasible.emplace(summarise(instance, encoding, bestFeasible)));
    m.decodedBest = summarise(instance, encoding, decodedBest);
    reported.emplace_back(&decodedBest, &m.decodedBest);
    if (decodedBestFeasible.found)
        reported.emplace_back(&decodedBestFeasible,
                              &m.decodedBestFeasible.emplace(summarise(instance, encoding, decodedBestFeasible)));
    for (const auto& [candidate, summary] : reported) {
        const std::uint64_t key = assignmentKey(candidate->assignment, numModels);
        double weight = 0.0;
        for (std::size_t k = 0; k < samples.size(); ++k)
            if ((samples.state(k) & assignmentMask) == key)
                weight += samples.weight(k);
        summary->sampleProbability = weight / total;
    }
    return m;
}

} // namespace engine
