// SPDX-License-Identifier: MIT
// BundlePlotData: the plots' data from a bundle's instance, samples, settings and stored results, per kind.
#include "bundle/bundle_plot_data.h"

#include "bundle/bundle_kinds.h"
#include "core/bits.h"
#include "core/error.h"
#include "io/instance_file.h"
#include "jobs/qaoa_job.h"
#include "jobservice/job_analysis.h"
#include "lcrp/lcrp_baseline.h"
#include "qubo/ising_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace workbench {

namespace {

using json = nlohmann::json;

json parseMember(const engine::Bundle& bundle, const std::string& path, const std::string& source)
{
    const engine::BundleFile& file = bundle.require(path, source);
    try {
        return json::parse(file.content);
    } catch (const json::parse_error& e) {
        throw engine::Error(engine::ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(),
                            source + ":" + path);
    }
}

std::optional<double> numberAt(const json& object, const char* key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    const double value = it->get<double>();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::string textAt(const json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A stored list of finite numbers (angles).
std::vector<double> numbersAt(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        throw engine::Error(engine::ErrorCode::InvalidInput, "expected an array of numbers", where + "/" + key);
    std::vector<double> out;
    for (const json& value : *it) {
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            throw engine::Error(engine::ErrorCode::InvalidInput, "expected a finite number",
                                where + "/" + key + "/" + std::to_string(out.size()));
        out.push_back(value.get<double>());
    }
    return out;
}

// The instance's QUBO; for LCRP also the instance and its encoding (the histogram decodes states with them).
engine::QuboModel quboOf(const engine::Instance& instance, const engine::LcrpEncoderOptions& encoding,
                         BundlePlotData& data)
{
    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance)) {
        data.lcrpInstance = *lcrp;
        data.lcrpEncoding = engine::encodeLcrp(*lcrp, encoding);
        return data.lcrpEncoding->qubo;
    }
    return engine::instanceQubo(instance, encoding);
}

OutcomeBar makeBar(const engine::QuboModel& qubo, std::uint64_t state, double probability)
{
    return {state, probability, qubo.energy(engine::bitsFromIndex(state, qubo.numVariables()))};
}

// A stored first-success list: numbers, null = never (+infinity).
std::vector<double> firstSuccesses(const json& results, const char* key, const std::string& where)
{
    std::vector<double> out;
    const auto it = results.find(key);
    if (it == results.end() || !it->is_array())
        throw engine::Error(engine::ErrorCode::InvalidInput, "expected an array of first successes",
                            where + "/" + key);
    for (const json& value : *it) {
        if (value.is_null())
            out.push_back(std::numeric_limits<double>::infinity());
        else if (value.is_number())
            out.push_back(value.get<double>());
        else
            throw engine::Error(engine::ErrorCode::InvalidInput, "expected a number or null",
                                where + "/" + key + "/" + std::to_string(out.size()));
    }
    return out;
}

// The `limit` largest counts, ties by lower index, as probabilities of the total.
std::vector<OutcomeBar> topOutcomes(const engine::QuboModel& qubo, const engine::SampleCounts& counts,
                                    std::size_t limit)
{
    std::vector<std::pair<std::uint64_t, double>> entries(counts.counts().begin(), counts.counts().end());
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (entries.size() > limit)
        entries.resize(limit);
    const double total = counts.total();
    std::vector<OutcomeBar> bars;
    for (const auto& [index, count] : entries)
        bars.push_back(makeBar(qubo, index, total > 0.0 ? count / total : 0.0));
    return bars;
}

void qaoaRunData(const engine::Bundle& bundle, const std::string& source, const BundlePlotOptions& options,
                 engine::RunControl& control, BundlePlotData& data)
{
    const engine::Instance instance =
        engine::instanceFromJson(parseMember(bundle, "instance.json", source), source + ":instance.json");
    engine::QaoaRunOptions run =
        engine::qaoaRunOptionsFromJson(bundle.settings, source + ":manifest.json:/settings");
    const engine::QuboModel qubo = quboOf(instance, run.lcrpEncoding, data);
    data.numBits = qubo.numVariables();
    const json& results = bundle.results;
    const std::string where = source + ":manifest.json:/results";
    data.problem = textAt(results, "problem");
    data.finalExpectation = numberAt(results, "expectation");

    const auto top = results.find("topStates");
    if (top != results.end() && top->is_array()) {
        for (std::size_t k = 0; k < top->size() && k < BUNDLE_HISTOGRAM_OUTCOMES; ++k) {
            const json& entry = (*top)[k];
            const std::string place = where + "/topStates/" + std::to_string(k);
            if (!entry.is_object() || !entry.contains("state") || !entry["state"].is_number_unsigned()
                || !numberAt(entry, "probability"))
                throw engine::Error(engine::ErrorCode::InvalidInput, "expected {\"state\", \"probability\"}", place);
            const auto state = entry["state"].get<std::uint64_t>();
            if (data.numBits < 64 && state >> data.numBits != 0)
                throw engine::Error(engine::ErrorCode::InvalidInput, "state wider than the register", place + "/state");
            data.bars.push_back(makeBar(qubo, state, *numberAt(entry, "probability")));
        }
    }
    if (data.lcrpInstance) {
        data.uniformValidRate = engine::uniformRandomValidRate(*data.lcrpInstance);
        if (const auto exact = results.find("lcrpExact"); exact != results.end())
            data.finalValidRate = numberAt(*exact, "validRate");
    }

    const engine::QaoaAngles angles{numbersAt(results, "gammas", where), numbersAt(results, "betas", where)};
    if (options.landscapeSteps > 0 && angles.depth() == 1 && angles.gammas.size() == angles.betas.size()
        && run.mixer == engine::MixerKind::X && !control.isCancelled()) {
        engine::P1GridResult grid = engine::p1GridSearch(
            engine::toIsing(qubo), landscapeGrid(angles, qubo, options.landscapeSteps), control);
        if (!grid.cancelled) {
            data.landscape = std::move(grid);
            data.landscapePoint = landscapePoint(angles);
        }
    }

    data.optimised = run.angles == engine::AngleMethod::Optimize;
    if (options.replayTrace && data.optimised && !control.isCancelled()) {
        std::vector<engine::QaoaProgressPoint> points;
        run.onEvaluation = [&points](const engine::QaoaProgressPoint& point) { points.push_back(point); };
        run.trackValidRate = data.lcrpInstance.has_value();
        const engine::QaoaRunResult replay = engine::runQaoa(instance, run, control);
        data.trace = std::move(points);
        data.traceReplayed = !replay.cancelled;
    }
}

void warmstartData(const engine::Bundle& bundle, const std::string& source, BundlePlotData& data)
{
    const engine::Instance instance =
        engine::instanceFromJson(parseMember(bundle, "instance.json", source), source + ":instance.json");
    const engine::WarmstartPipelineOptions run =
        engine::warmstartOptionsFromJson(bundle.settings, source + ":manifest.json:/settings");
    const engine::QuboModel qubo = quboOf(instance, run.lcrpEncoding, data);
    data.numBits = qubo.numVariables();
    const json& results = bundle.results;
    const std::string where = source + ":manifest.json:/results";
    data.problem = textAt(results, "problem");

    const json samples = parseMember(bundle, "samples.json", source);
    const std::string samplesPlace = source + ":samples.json:";
    const engine::SampleCounts raw = engine::samplesFromJson(samples, "raw", samplesPlace);
    std::optional<engine::SampleCounts> mitigated;
    if (samples.contains("mitigated"))
        mitigated = engine::samplesFromJson(samples, "mitigated", samplesPlace);
    const engine::SampleCounts filtered = engine::samplesFromJson(samples, "filtered", samplesPlace);
    if (raw.numQubits() != qubo.numVariables())
        throw engine::Error(engine::ErrorCode::InvalidInput,
                            "samples of " + std::to_string(raw.numQubits()) + " bits for a QUBO of " +
                                std::to_string(qubo.numVariables()) + " variables",
                            samplesPlace + "/numQubits");
    data.energyHistogram = energyHistogram(qubo, raw, mitigated, filtered);

    if (!textAt(results, "optimumSource").empty())
        data.optimum = numberAt(results, "optimum");
    data.randomFirstSuccess = firstSuccesses(results, "randomFirstSuccess", where);
    data.warmFirstSuccess = firstSuccesses(results, "warmFirstSuccess", where);
    data.cap = numberAt(results, "cap").value_or(0.0);
    const auto timeBased = results.find("timeBased");
    data.timeBased = timeBased != results.end() && timeBased->is_boolean() && timeBased->get<bool>();
    data.qFactorOptions.cap = data.cap;
    data.qFactorOptions.bootstrapResamples = run.bootstrapResamples;
    data.qFactorOptions.confidenceLevel = run.confidenceLevel;
    data.qFactorOptions.seed = run.seed;
    if (const auto q = results.find("qFactor"); q != results.end())
        data.qFactor = numberAt(*q, "q");
}

void jobData(const engine::Bundle& bundle, const std::string& source, BundlePlotData& data)
{
    const engine::Instance instance =
        engine::instanceFromJson(parseMember(bundle, "instance.json", source), source + ":instance.json");
    engine::LcrpEncoderOptions encoding;
    try {
        const auto parameters = bundle.settings.find("parameters");
        encoding = engine::encodingFromParameters(parameters != bundle.settings.end() && parameters->is_object()
                                                      ? *parameters
                                                      : json::object());
    } catch (const engine::Error& e) {
        throw engine::Error(e.code(), e.detail(), source + ":manifest.json:/settings/" + e.where());
    }
    const engine::QuboModel qubo = quboOf(instance, encoding, data);
    data.numBits = qubo.numVariables();
    data.analysis = bundle.results;
    data.problem = textAt(bundle.results, "problem");

    engine::SampleCounts counts(qubo.numVariables());
    if (bundle.find("samples.json")) {
        counts = engine::samplesFromJson(parseMember(bundle, "samples.json", source), "raw", source + ":samples.json:");
    } else if (const auto listed = bundle.results.find("counts"); listed != bundle.results.end() && listed->is_array()) {
        // The analysis lists the most frequent outcomes (Qiskit order) when the raw counts were not kept.
        for (std::size_t k = 0; k < listed->size(); ++k) {
            const json& entry = (*listed)[k];
            const std::string bits = textAt(entry, "bitstring");
            const std::optional<double> count = numberAt(entry, "count");
            if (bits.size() != qubo.numVariables() || bits.find_first_not_of("01") != std::string::npos || !count
                || *count < 0.0)
                throw engine::Error(engine::ErrorCode::InvalidInput, "expected {\"bitstring\", \"count\"}",
                                    source + ":manifest.json:/results/counts/" + std::to_string(k));
            counts.addQiskit(bits, *count);
        }
    }
    if (!counts.empty() && counts.numQubits() != qubo.numVariables())
        throw engine::Error(engine::ErrorCode::InvalidInput,
                            "samples of " + std::to_string(counts.numQubits()) + " bits for a QUBO of " +
                                std::to_string(qubo.numVariables()) + " variables",
                            source + ":samples.json:/numQubits");
    data.shots = counts.total();
    data.bars = topOutcomes(qubo, counts, BUNDLE_HISTOGRAM_OUTCOMES);
}

} // namespace

BundlePlotData bundlePlotData(const engine::Bundle& bundle, const std::string& source,
                              const BundlePlotOptions& options, engine::RunControl& control)
{
    BundlePlotData data;
    data.kind = bundle.kind;
    if (bundle.kind == engine::BUNDLE_KIND_QAOA_RUN)
        qaoaRunData(bundle, source, options, control, data);
    else if (bundle.kind == engine::BUNDLE_KIND_WARMSTART)
        warmstartData(bundle, source, data);
    else if (bundle.kind == engine::BUNDLE_KIND_JOB)
        jobData(bundle, source, data);
    else
        throw engine::Error(engine::ErrorCode::InvalidInput, "unknown bundle kind '" + bundle.kind + "'",
                            source + ":manifest.json:/kind");
    return data;
}

} // namespace workbench
