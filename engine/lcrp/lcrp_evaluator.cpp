// SPDX-License-Identifier: MIT
// Decoding of LCRP bitstrings and assignments into validity, constraint violations, cost and energies.
#include "lcrp/lcrp_evaluator.h"

#include "core/error.h"
#include "lcrp/lcrp_objective.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace engine {

namespace {

void checkEncodingMatches(const LcrpInstance& instance, const LcrpEncoding& encoding)
{
    if (encoding.numTasks != instance.numTasks() || encoding.numModels != instance.numModels()
        || encoding.qubo.numVariables() != encoding.numAssignmentVariables() + encoding.numSlackVariables)
        throw Error(ErrorCode::InvalidArgument,
                    "the encoding (" + std::to_string(encoding.numTasks) + " x " + std::to_string(encoding.numModels)
                        + ") does not belong to this instance (" + std::to_string(instance.numTasks()) + " x "
                        + std::to_string(instance.numModels()) + ")",
                    "encoding");
}

void checkAssignment(const LcrpInstance& instance, const std::vector<int>& assignment)
{
    if (assignment.size() != instance.numTasks())
        throw Error(ErrorCode::InvalidInput,
                    "assignment has " + std::to_string(assignment.size()) + " entries, expected one per task ("
                        + std::to_string(instance.numTasks()) + ")",
                    "assignment");
    const auto numModels = static_cast<long long>(instance.numModels());
    for (std::size_t i = 0; i < assignment.size(); ++i)
        if (assignment[i] < 0 || assignment[i] >= numModels)
            throw Error(ErrorCode::InvalidInput,
                        "model index " + std::to_string(assignment[i]) + " is out of range [0, "
                            + std::to_string(numModels) + ")",
                        "assignment[" + std::to_string(i) + "]");
}

std::string_view trimmed(std::string_view s)
{
    const auto isSpace = [](char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
    };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace

LcrpEvaluation evaluateBits(const LcrpInstance& instance, const LcrpEncoding& encoding, const Bits& bits)
{
    instance.validate();
    checkEncodingMatches(instance, encoding);
    const std::size_t numTasks = instance.numTasks();
    const std::size_t numModels = instance.numModels();
    const std::size_t numX = instance.numAssignmentVariables();
    const std::size_t numFull = numX + encoding.numSlackVariables;
    if (bits.size() != numX && bits.size() != numFull)
        throw Error(ErrorCode::InvalidInput,
                    "bitstring has " + std::to_string(bits.size()) + " bits, expected " + std::to_string(numX)
                        + " (assignment) or " + std::to_string(numFull) + " (with slack)",
                    "bits");

    LcrpEvaluation ev;
    ev.assignment.assign(numTasks, -1);
    int qualityMet = 0;
    for (std::size_t i = 0; i < numTasks; ++i) {
        int ones = 0;
        int chosen = -1;
        for (std::size_t j = 0; j < numModels; ++j) {
            if (!bits[instance.variableIndex(i, j)])
                continue;
            ++ones;
            chosen = static_cast<int>(j);
            ev.costUsd += instance.costUsd(i, j);
            if (!instance.meetsQuality(i, j))
                ++ev.violations.quality;
            if (!instance.meetsLatency(i, j))
                ++ev.violations.latency;
            if (!instance.fitsContext(i, j))
                ++ev.violations.context;
        }
        if (ones == 1) {
            ev.assignment[i] = chosen;
            if (instance.meetsQuality(i, static_cast<std::size_t>(chosen)))
                ++qualityMet;
        } else {
            ++ev.violations.oneHot;
        }
    }
    ev.violations.budget = ev.costUsd > instance.budgetUsd ? 1 : 0;
    ev.valid = ev.violations.oneHot == 0;
    ev.feasible = ev.valid && ev.violations.total() == 0;
    ev.qualitySatisfaction = static_cast<double>(qualityMet) / static_cast<double>(numTasks);

    ev.objective = makeObjectiveTable(instance, encoding.options.objective).ofBits(bits);
    if (bits.size() == numFull && numFull != numX) {
        ev.quboEnergy = encoding.qubo.energy(bits);
    } else {
        const Bits x(bits.begin(), bits.begin() + static_cast<std::ptrdiff_t>(numX));
        ev.quboEnergy = energyWithOptimalSlack(encoding, x);
    }
    return ev;
}

LcrpEvaluation evaluateAssignment(const LcrpInstance& instance, const LcrpEncoding& encoding,
                                  const std::vector<int>& assignment)
{
    return evaluateBits(instance, encoding, assignmentToBits(instance, assignment));
}

Bits assignmentToBits(const LcrpInstance& instance, const std::vector<int>& assignment)
{
    checkAssignment(instance, assignment);
    Bits bits(instance.numAssignmentVariables(), 0);
    for (std::size_t i = 0; i < assignment.size(); ++i)
        bits[instance.variableIndex(i, static_cast<std::size_t>(assignment[i]))] = 1;
    return bits;
}

std::vector<int> parseAssignment(const LcrpInstance& instance, const std::string& text)
{
    // Entries are counted from 1 in messages because people read them against the list they typed.
    // NOTE: the count is checked before splitting so a huge malformed list allocates nothing.
    const auto count = static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) + 1;
    if (count != instance.numTasks())
        throw Error(ErrorCode::InvalidInput,
                    "expected " + std::to_string(instance.numTasks()) + " entries (one per task), got "
                        + std::to_string(count),
                    "assignment");
    std::vector<std::string_view> entries;
    entries.reserve(count);
    std::string_view rest(text);
    for (std::size_t comma = rest.find(','); comma != std::string_view::npos; comma = rest.find(',')) {
        entries.push_back(trimmed(rest.substr(0, comma)));
        rest.remove_prefix(comma + 1);
    }
    entries.push_back(trimmed(rest));

    std::vector<int> assignment(entries.size(), -1);
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const std::string_view entry = entries[e];
        const std::string label = "entry " + std::to_string(e + 1);
        if (entry.empty())
            throw Error(ErrorCode::InvalidInput, label + " is empty", "assignment");
        for (std::size_t j = 0; j < instance.numModels(); ++j)
            if (instance.models[j].name == entry) {
                assignment[e] = static_cast<int>(j);
                break;
            }
        if (assignment[e] >= 0)
            continue;
        unsigned long long index = 0;
        const auto [end, ec] = std::from_chars(entry.data(), entry.data() + entry.size(), index);
        if (ec == std::errc() && end == entry.data() + entry.size()) {
            if (index >= instance.numModels())
                throw Error(ErrorCode::InvalidInput,
                            label + " model index " + std::string(entry) + " is out of range [0, "
                                + std::to_string(instance.numModels()) + ")",
                            "assignment");
            assignment[e] = static_cast<int>(index);
            continue;
        }
        throw Error(ErrorCode::InvalidInput,
                    label + " '" + std::string(entry) + "' is not a model name or index", "assignment");
    }
    return assignment;
}

std::vector<int> projectToValid(const LcrpInstance& instance, const Bits& bits, const std::vector<double>* marginals,
                                LcrpObjectiveKind objective)
{
    instance.validate();
    const std::size_t numX = instance.numAssignmentVariables();
    // Trailing slack bits or slack marginals are accepted and ignored: only the assignment rows are projected.
    if (bits.size() < numX)
        throw Error(ErrorCode::InvalidInput,
                    "bitstring has " + std::to_string(bits.size()) + " bits, expected at least "
                        + std::to_string(numX),
                    "bits");
    if (marginals) {
        if (marginals->size() < numX)
            throw Error(ErrorCode::InvalidArgument,
                        "marginals have " + std::to_string(marginals->size()) + " entries, expected "
                            + std::to_string(numX),
                        "marginals");
        for (std::size_t v = 0; v < numX; ++v)
            if (!std::isfinite((*marginals)[v]))
                throw Error(ErrorCode::InvalidArgument, "marginal " + std::to_string(v) + " is not finite",
                            "marginals");
    }
    const LcrpObjectiveTable table = makeObjectiveTable(instance, objective);
    const std::size_t numModels = instance.numModels();

    std::vector<int> assignment(instance.numTasks(), -1);
    for (std::size_t i = 0; i < instance.numTasks(); ++i) {
        const std::size_t row = i * numModels;
        int ones = 0;
        for (std::size_t j = 0; j < numModels; ++j)
            ones += bits[row + j] ? 1 : 0;
        // Candidates: the set models of a multi-one row, every model of an empty row.
        int best = -1;
        for (std::size_t j = 0; j < numModels; ++j) {
            if (ones > 0 && !bits[row + j])
                continue;
            if (best < 0) {
                best = static_cast<int>(j);
                continue;
            }
            const std::size_t b = row + static_cast<std::size_t>(best);
            // Strict comparisons keep the lower index on ties.
            const bool better = marginals ? (*marginals)[row + j] > (*marginals)[b]
                                          : table.unary[row + j] < table.unary[b];
            if (better)
                best = static_cast<int>(j);
        }
        assignment[i] = best;
    }
    return assignment;
}

} // namespace engine
