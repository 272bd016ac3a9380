// SPDX-License-Identifier: MIT
// Decodes a job's stored samples and computes LCRP, Max-Cut and QUBO metrics, with a brute-force optimum.
#include "jobservice/job_analysis.h"

#include "core/error.h"
#include "ibmq/sampler_results.h"
#include "lcrp/lcrp_objective.h"
#include "mitigation/sample_counts.h"
#include "qaoa/sample_metrics.h"
#include "solvers/brute_force.h"

#include <algorithm>
#include <cmath>
#include <variant>

namespace engine {

namespace {

nlohmann::json optionalNumber(const std::optional<double>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json modelNames(const LcrpInstance& instance, const std::vector<int>& assignment)
{
    nlohmann::json names = nlohmann::json::array();
    for (int model : assignment)
        names.push_back(model >= 0 && static_cast<std::size_t>(model) < instance.models.size()
                            ? nlohmann::json(instance.models[static_cast<std::size_t>(model)].name)
                            : nlohmann::json(nullptr));
    return names;
}

const char* problemName(const Instance& instance)
{
    if (std::holds_alternative<LcrpInstance>(instance))
        return "lcrp";
    if (const auto* g = std::get_if<GraphInstance>(&instance))
        return graphProblemName(g->problem);
    return "qubo";
}

void addLcrpKeys(nlohmann::json& j, const LcrpInstance& instance, const LcrpEncoderOptions& options,
                 const SampleSet& samples)
{
    const LcrpEncoding encoding = encodeLcrp(instance, options);
    const LcrpSampleMetrics m = lcrpSampleMetrics(instance, encoding, samples);
    j["valid_rate"] = m.validRate;
    j["random_valid_rate"] = m.uniformValidRate;
    j["feasible_rate"] = m.feasibleRate;
    j["best_valid_cost_usd"] = m.bestValid ? nlohmann::json(m.bestValid->costUsd) : nlohmann::json(nullptr);
    j["best_valid_assignment"] = m.bestValid ? modelNames(instance, m.bestValid->assignment) : nlohmann::json(nullptr);
    j["best_feasible_cost_usd"] = m.bestFeasible ? nlohmann::json(m.bestFeasible->costUsd) : nlohmann::json(nullptr);
    j["decoded_feasible_rate"] = m.decodedFeasibleRate;
    j["decoded_best_cost_usd"] = m.decodedBest.costUsd;
    j["decoded_best_assignment"] = modelNames(instance, m.decodedBest.assignment);
    j["decoded_best_feasible"] = m.decodedBest.feasible;
}

} // namespace

LcrpEncoderOptions encodingFromParameters(const nlohmann::json& parameters)
{
    LcrpEncoderOptions options;
    if (!parameters.is_object() || !parameters.contains("lcrp_encoding"))
        return options;
    const nlohmann::json& e = parameters["lcrp_encoding"];
    if (!e.is_object())
        throw Error(ErrorCode::InvalidInput, "must be an object", "parameters:/lcrp_encoding");
    if (e.contains("objective")) {
        if (!e["objective"].is_string())
            throw Error(ErrorCode::InvalidInput, "must be a string", "parameters:/lcrp_encoding/objective");
        try {
            options.objective = lcrpObjectiveFromName(e["objective"].get<std::string>());
        } catch (const Error& error) {
            throw Error(ErrorCode::InvalidInput, error.detail(), "parameters:/lcrp_encoding/objective");
        }
    }
    if (e.contains("slack_bits")) {
        if (!e["slack_bits"].is_number_integer() || e["slack_bits"].get<long long>() < 0
            || e["slack_bits"].get<long long>() > 30)
            throw Error(ErrorCode::InvalidInput, "must be an integer in 0..30", "parameters:/lcrp_encoding/slack_bits");
        options.budgetSlackBits = e["slack_bits"].get<int>();
    }
    return options;
}

SampleSet measuredSamples(const nlohmann::json& results, std::size_t numVariables, const std::string& where)
{
    const SamplerResult decoded = parseSamplerResult(results, where);
    if (decoded.pubs.empty())
        throw Error(ErrorCode::InvalidInput, "the results hold no PUB", where + ":/results");
    const RegisterSamples* meas = decoded.pubs[0].findRegister("meas");
    if (meas == nullptr)
        throw Error(ErrorCode::InvalidInput, "the first PUB has no 'meas' register", where + ":/results/0/data");
    if (meas->numBits != numVariables)
        throw Error(ErrorCode::InvalidInput,
                    std::string("the 'meas' register has ") + std::to_string(meas->numBits) + " bits but the problem has "
                        + std::to_string(numVariables) + " variables",
                    where + ":/results/0/data/meas/num_bits");
    if (meas->values.empty())
        throw Error(ErrorCode::InvalidInput, "the 'meas' register holds no samples", where + ":/results/0/data/meas");
    return sampleSetFromCounts(meas->counts(), numVariables);
}

nlohmann::json analyzeSamplerResults(const Instance& instance, const LcrpEncoderOptions& encoding,
                                     const nlohmann::json& results, const std::string& where)
{
    const QuboModel qubo = instanceQubo(instance, encoding);
    const std::size_t n = qubo.numVariables();
    const SampleSet samples = measuredSamples(results, n, where);
    std::map<std::uint64_t, std::uint64_t> counts;
    std::uint64_t shots = 0;
    for (std::size_t k = 0; k < samples.states.size(); ++k) {
        const auto count = static_cast<std::uint64_t>(samples.weights[k]);
        counts[samples.states[k]] += count;
        shots += count;
    }
    nlohmann::json j;
    j["problem"] = problemName(instance);
    j["num_variables"] = n;
    j["shots"] = shots;
    j["distinct_outcomes"] = counts.size();

    EnergyBounds bounds;
    std::string exactNote;
    if (n <= ANALYSIS_MAX_EXACT_VARIABLES) {
        const SolverResult exact = solveQuboBruteForce(qubo);
        bounds.minimum = exact.objective;
    } else {
        exactNote = std::string("no exact optimum: ") + std::to_string(n) + " variables exceed the brute-force limit of "
                    + std::to_string(ANALYSIS_MAX_EXACT_VARIABLES);
    }
    const QuboSampleMetrics q = quboSampleMetrics(qubo, samples, bounds);
    j["best_energy"] = q.bestEnergy;
    j["mean_energy"] = q.expectation;
    j["best_bitstring"] = indexToQiskitString(q.bestState, n);
    j["optimum_energy"] = optionalNumber(bounds.minimum);
    j["optimum_probability"] = optionalNumber(q.optimumProbability);
    j["approximation_ratio"] = optionalNumber(q.approximationRatio);

    // Keys of the other problem kinds stay present as null, so consumers need no per-kind schema.
    for (const char* key : {"best_cut", "expected_cut", "optimal_cut", "valid_rate", "random_valid_rate",
                            "feasible_rate", "best_valid_cost_usd", "best_valid_assignment", "best_feasible_cost_usd",
                            "decoded_feasible_rate", "decoded_best_cost_usd", "decoded_best_assignment",
                            "decoded_best_feasible"})
        j[key] = nullptr;
    if (const auto* graph = std::get_if<GraphInstance>(&instance); graph && graph->problem == GraphProblem::MaxCut) {
        // encodeMaxCut minimises -cut, so the QUBO optimum is minus the maximum cut.
        const std::optional<double> optimalCut =
            bounds.minimum ? std::optional<double>(-*bounds.minimum) : std::nullopt;
        const MaxCutSampleMetrics m = maxCutSampleMetrics(graph->graph, samples, optimalCut);
        j["best_cut"] = m.bestCut;
        j["expected_cut"] = m.expectedCut;
        j["optimal_cut"] = optionalNumber(optimalCut);
        j["approximation_ratio"] = optionalNumber(m.approximationRatio);
    } else if (const auto* lcrp = std::get_if<LcrpInstance>(&instance)) {
        addLcrpKeys(j, *lcrp, encoding, samples);
    }
    if (exactNote.empty() && j["approximation_ratio"].is_null())
        exactNote = "no approximation ratio: the optimum energy is not negative";
    j["exact_note"] = exactNote;

    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranked(counts.begin(), counts.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    nlohmann::json listed = nlohmann::json::array();
    for (std::size_t i = 0; i < ranked.size() && i < ANALYSIS_MAX_LISTED_COUNTS; ++i)
        listed.push_back({{"bitstring", indexToQiskitString(ranked[i].first, n)}, {"count", ranked[i].second}});
    j["counts"] = std::move(listed);
    j["counts_truncated"] = ranked.size() > ANALYSIS_MAX_LISTED_COUNTS;
    return j;
}

nlohmann::json analyzeJobRecord(const JobRecord& record)
{
    const std::string where = std::string("job ") + std::to_string(record.localId);
    if (record.results.is_null())
        throw Error(ErrorCode::InvalidArgument, "the job has no results to analyse (status "
                                                    + std::string(jobStateName(record.status)) + ")",
                    where);
    if (record.instance.is_null())
        throw Error(ErrorCode::InvalidInput, "the job has no stored instance", where + ":instance");
    const Instance instance = instanceFromJson(record.instance, where + ":instance");
    return analyzeSamplerResults(instance, encodingFromParameters(record.parameters), record.results,
                                 where + ":results");
}

} // namespace engine
