// SPDX-License-Identifier: MIT
// Settings and results of each bundle kind as JSON, both directions, and the bundles built from them.
#include "bundle/bundle_kinds.h"

#include "core/error.h"
#include "ibmq/sampler_results.h"
#include "io/resource_directory.h"
#include "jobservice/job_analysis.h"
#include "lcrp/lcrp_objective.h"
#include "sim/thread_count.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>

namespace engine {

namespace {

using json = nlohmann::json;

json finiteOrNull(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json finiteList(const std::vector<double>& values)
{
    json list = json::array();
    for (double v : values)
        list.push_back(finiteOrNull(v));
    return list;
}

template <typename T>
json optionalJson(const std::optional<T>& value)
{
    return value ? finiteOrNull(*value) : json(nullptr);
}

// Typed access to a settings object with errors that name the JSON pointer.
class Reader {
public:
    Reader(const json& object, std::string where) : m_object(object), m_where(std::move(where))
    {
        if (!m_object.is_object())
            throw Error(ErrorCode::InvalidInput, "expected an object", m_where);
    }

    const json& at(const char* key) const
    {
        const auto it = m_object.find(key);
        if (it == m_object.end())
            throw Error(ErrorCode::InvalidInput, std::string("required setting '") + key + "' is missing", m_where);
        return *it;
    }
    std::string place(const char* key) const { return m_where + "/" + key; }
    bool has(const char* key) const { return m_object.contains(key); }

    double number(const char* key) const
    {
        const json& v = at(key);
        if (!v.is_number())
            throw Error(ErrorCode::InvalidInput, "expected a number", place(key));
        return v.get<double>();
    }
    std::uint64_t unsignedInteger(const char* key) const
    {
        const json& v = at(key);
        if (!v.is_number_unsigned())
            throw Error(ErrorCode::InvalidInput, "expected an integer >= 0", place(key));
        return v.get<std::uint64_t>();
    }
    long long integer(const char* key) const
    {
        const json& v = at(key);
        if (!v.is_number_integer())
            throw Error(ErrorCode::InvalidInput, "expected an integer", place(key));
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT32_MAX))
            throw Error(ErrorCode::InvalidInput, "integer out of range", place(key));
        return v.get<long long>();
    }
    int smallInt(const char* key) const
    {
        const long long v = integer(key);
        if (v < INT32_MIN || v > INT32_MAX)
            throw Error(ErrorCode::InvalidInput, "integer out of range", place(key));
        return static_cast<int>(v);
    }
    bool boolean(const char* key) const
    {
        const json& v = at(key);
        if (!v.is_boolean())
            throw Error(ErrorCode::InvalidInput, "expected true or false", place(key));
        return v.get<bool>();
    }
    std::string text(const char* key) const
    {
        const json& v = at(key);
        if (!v.is_string())
            throw Error(ErrorCode::InvalidInput, "expected a string", place(key));
        return v.get<std::string>();
    }
    std::vector<double> numbers(const char* key) const
    {
        const json& v = at(key);
        if (!v.is_array() || v.size() > 100000)
            throw Error(ErrorCode::InvalidInput, "expected an array of numbers", place(key));
        std::vector<double> out;
        out.reserve(v.size());
        for (std::size_t k = 0; k < v.size(); ++k) {
            if (!v[k].is_number())
                throw Error(ErrorCode::InvalidInput, "expected a number", place(key) + "/" + std::to_string(k));
            out.push_back(v[k].get<double>());
        }
        return out;
    }
    // A name converted by `fromName`, whose InvalidArgument becomes InvalidInput at this key.
    template <typename F>
    auto named(const char* key, F fromName) const
    {
        const std::string name = text(key);
        try {
            return fromName(name);
        } catch (const Error& e) {
            throw Error(ErrorCode::InvalidInput, e.detail(), place(key));
        }
    }

private:
    const json& m_object;
    std::string m_where;
};

json anglesJson(const QaoaAngles& angles) { return {{"gammas", angles.gammas}, {"betas", angles.betas}}; }

QaoaAngles anglesFromJson(const json& value, const std::string& where)
{
    const Reader r(value, where);
    QaoaAngles angles{r.numbers("gammas"), r.numbers("betas")};
    if (angles.gammas.size() != angles.betas.size())
        throw Error(ErrorCode::InvalidInput, "as many gammas as betas are needed", where + "/betas");
    return angles;
}

json encodingJson(const LcrpEncoderOptions& o)
{
    return {{"objective", lcrpObjectiveName(o.objective)}, {"budgetSlackBits", o.budgetSlackBits}};
}

LcrpEncoderOptions encodingFromJson(const json& value, const std::string& where)
{
    const Reader r(value, where);
    LcrpEncoderOptions o;
    o.objective = r.named("objective", [](const std::string& n) { return lcrpObjectiveFromName(n); });
    o.budgetSlackBits = r.smallInt("budgetSlackBits");
    return o;
}

json quboMetricsJson(const QuboSampleMetrics& m)
{
    return {{"totalWeight", m.totalWeight},
            {"expectation", m.expectation},
            {"bestEnergy", m.bestEnergy},
            {"bestState", m.bestState},
            {"approximationRatio", optionalJson(m.approximationRatio)},
            {"arStar", optionalJson(m.arStar)},
            {"optimumProbability", optionalJson(m.optimumProbability)}};
}

json lcrpSolutionJson(const LcrpSolutionSummary& s)
{
    return {{"assignment", s.assignment},     {"costUsd", s.costUsd},
            {"qualitySatisfaction", s.qualitySatisfaction}, {"objective", finiteOrNull(s.objective)},
            {"feasible", s.feasible},         {"sampleProbability", s.sampleProbability}};
}

json lcrpMetricsJson(const LcrpSampleMetrics& m)
{
    return {{"totalWeight", m.totalWeight},
            {"validRate", m.validRate},
            {"feasibleRate", m.feasibleRate},
            {"uniformValidRate", m.uniformValidRate},
            {"uniformAllowedRate", m.uniformAllowedRate},
            {"bestValid", m.bestValid ? lcrpSolutionJson(*m.bestValid) : json(nullptr)},
            {"bestFeasible", m.bestFeasible ? lcrpSolutionJson(*m.bestFeasible) : json(nullptr)},
            {"decodedFeasibleRate", m.decodedFeasibleRate},
            {"decodedBest", lcrpSolutionJson(m.decodedBest)},
            {"decodedBestFeasible", m.decodedBestFeasible ? lcrpSolutionJson(*m.decodedBestFeasible) : json(nullptr)}};
}

json minimalRuntimeJson(const MinimalRuntime& m)
{
    return {{"value", finiteOrNull(m.value)}, {"argmin", finiteOrNull(m.argmin)}, {"runs", m.runs},
            {"successes", m.successes},        {"censored", m.censored}};
}

std::string readSnapshotFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, "cannot read the device snapshot", path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string nowUtc() { return formatUtcTimestamp(std::chrono::system_clock::now()); }

BundleFile jsonFile(const std::string& path, const std::string& role, const json& content)
{
    return {path, role, content.dump(2) + "\n"};
}

} // namespace

nlohmann::json samplesJson(std::size_t numQubits, const std::vector<std::pair<std::string, const SampleCounts*>>& sets)
{
    json j{{"numQubits", numQubits}, {"bitOrder", "qiskit"}};
    for (const auto& [name, counts] : sets) {
        json object = json::object();
        for (const auto& [index, count] : counts->counts())
            object[counts->qiskitKey(index)] = count;
        j[name] = std::move(object);
    }
    return j;
}

SampleCounts samplesFromJson(const nlohmann::json& samples, const std::string& name, const std::string& where)
{
    const Reader r(samples, where);
    const std::uint64_t width = r.unsignedInteger("numQubits");
    if (width == 0 || width > SAMPLE_COUNTS_MAX_QUBITS)
        throw Error(ErrorCode::InvalidInput, "numQubits must lie in [1, 64]", r.place("numQubits"));
    const json& object = r.at(name.c_str());
    if (!object.is_object())
        throw Error(ErrorCode::InvalidInput, "expected an object of bitstring counts", r.place(name.c_str()));
    SampleCounts counts(static_cast<std::size_t>(width));
    for (const auto& [key, value] : object.items()) {
        const std::string place = where + "/" + name + "/" + jsonPointerToken(key);
        if (key.size() != width || key.find_first_not_of("01") != std::string::npos)
            throw Error(ErrorCode::InvalidInput, "keys must be bitstrings of numQubits '0'/'1' characters", place);
        if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0.0)
            throw Error(ErrorCode::InvalidInput, "a count must be a finite number >= 0", place);
        counts.addQiskit(key, value.get<double>());
    }
    return counts;
}

nlohmann::json qaoaRunOptionsToJson(const QaoaRunOptions& o)
{
    const QaoaOptimizerOptions& opt = o.optimizer;
    return {{"depth", o.depth},
            {"mixer", mixerKindName(o.mixer)},
            {"startFromGreedy", o.startFromGreedy},
            {"angles", angleMethodName(o.angles)},
            {"fixedAngles", anglesJson(o.fixedAngles)},
            {"rampDeltaT", o.rampDeltaT},
            {"optimizer",
             {{"method", qaoaOptimizerMethodName(opt.method)},
              {"restarts", opt.restarts},
              {"evaluationsPerRestart", opt.evaluationsPerRestart},
              {"initialStep", opt.initialStep},
              {"startLow", opt.startLow},
              {"startHigh", opt.startHigh},
              {"start", opt.start ? anglesJson(*opt.start) : json(nullptr)},
              {"seed", opt.seed},
              {"xTolerance", opt.xTolerance},
              {"fTolerance", opt.fTolerance}}},
            {"shots", o.shots},
            {"seed", o.seed},
            {"precision", precisionName(o.precision)},
            {"threads", o.threads},
            {"lcrpEncoding", encodingJson(o.lcrpEncoding)}};
}

QaoaRunOptions qaoaRunOptionsFromJson(const nlohmann::json& settings, const std::string& where)
{
    const Reader r(settings, where);
    QaoaRunOptions o;
    o.depth = static_cast<std::size_t>(r.unsignedInteger("depth"));
    o.mixer = r.named("mixer", [](const std::string& n) { return mixerKindFromName(n); });
    o.startFromGreedy = r.boolean("startFromGreedy");
    o.angles = r.named("angles", [](const std::string& n) { return angleMethodFromName(n); });
    o.fixedAngles = anglesFromJson(r.at("fixedAngles"), r.place("fixedAngles"));
    o.rampDeltaT = r.number("rampDeltaT");
    const Reader opt(r.at("optimizer"), r.place("optimizer"));
    o.optimizer.method = opt.named("method", [](const std::string& n) { return qaoaOptimizerMethodFromName(n); });
    o.optimizer.restarts = opt.smallInt("restarts");
    o.optimizer.evaluationsPerRestart = opt.smallInt("evaluationsPerRestart");
    o.optimizer.initialStep = opt.number("initialStep");
    o.optimizer.startLow = opt.number("startLow");
    o.optimizer.startHigh = opt.number("startHigh");
    if (!opt.at("start").is_null())
        o.optimizer.start = anglesFromJson(opt.at("start"), opt.place("start"));
    o.optimizer.seed = opt.unsignedInteger("seed");
    o.optimizer.xTolerance = opt.number("xTolerance");
    o.optimizer.fTolerance = opt.number("fTolerance");
    o.shots = r.unsignedInteger("shots");
    o.seed = r.unsignedInteger("seed");
    o.precision = r.named("precision", [](const std::string& n) { return precisionFromName(n); });
    o.threads = r.smallInt("threads");
    o.lcrpEncoding = encodingFromJson(r.at("lcrpEncoding"), r.place("lcrpEncoding"));
    return o;
}

nlohmann::json qaoaRunResultsJson(const QaoaRunResult& r)
{
    json j{{"problem", r.problem},
           {"numQubits", r.numQubits},
           {"gammas", r.angles.gammas},
           {"betas", r.angles.betas},
           {"expectation", r.expectation},
           {"evaluations", r.evaluations},
           {"minEnergy", r.minEnergy},
           {"maxEnergy", r.maxEnergy},
           {"cancelled", r.cancelled},
           {"exact", quboMetricsJson(r.exact)},
           {"sampled", r.sampled ? quboMetricsJson(*r.sampled) : json(nullptr)}};
    if (r.maxCutExact)
        j["maxCutExact"] = {{"expectedCut", r.maxCutExact->expectedCut},
                            {"bestCut", r.maxCutExact->bestCut},
                            {"bestState", r.maxCutExact->bestState},
                            {"approximationRatio", optionalJson(r.maxCutExact->approximationRatio)},
                            {"optimumProbability", optionalJson(r.maxCutExact->optimumProbability)}};
    else
        j["maxCutExact"] = nullptr;
    j["lcrpExact"] = r.lcrpExact ? lcrpMetricsJson(*r.lcrpExact) : json(nullptr);
    j["lcrpSampled"] = r.lcrpSampled ? lcrpMetricsJson(*r.lcrpSampled) : json(nullptr);
    double shots = 0.0;
    for (double w : r.samples.weights)
        shots += w;
    j["sampleShots"] = shots;
    j["sampleDistinct"] = r.samples.states.size();
    json top = json::array();
    for (const auto& [state, probability] : r.topStates)
        top.push_back({{"state", state}, {"probability", probability}});
    j["topStates"] = std::move(top);
    j["timing"] = {{"seconds", r.seconds}};
    return j;
}

Bundle makeQaoaRunBundle(const Instance& instance, const QaoaRunOptions& options, const QaoaRunResult& result)
{
    Bundle b;
    b.kind = BUNDLE_KIND_QAOA_RUN;
    b.created = nowUtc();
    b.producer = bundleProducer();
    b.settings = qaoaRunOptionsToJson(options);
    // The simulator's OpenMP reductions split sums by thread count from 2^14 amplitudes on, and an optimiser
    // trajectory can follow the last bit: record the count actually used, not "all cores" (0).
    b.settings["threads"] = detail::resolveThreadCount(options.threads);
    b.results = qaoaRunResultsJson(result);
    b.files.push_back(jsonFile("instance.json", "instance", instanceToJson(instance)));
    if (!result.samples.states.empty()) {
        SampleCounts raw(result.numQubits);
        for (std::size_t k = 0; k < result.samples.states.size(); ++k)
            raw.add(result.samples.states[k], result.samples.weights[k]);
        b.files.push_back(jsonFile("samples.json", "samples", samplesJson(result.numQubits, {{"raw", &raw}})));
    }
    return b;
}

nlohmann::json warmstartOptionsToJson(const WarmstartPipelineOptions& o)
{
    return {{"depth", o.depth},
            {"backend", o.backend},
            {"shots", o.shots},
            {"samplesGiven", o.samples.has_value()},
            {"readout", readoutMitigationName(o.readout)},
            {"calibrationShots", o.calibrationShots},
            {"filter", sampleFilterKindName(o.filter)},
            {"energyFraction", o.energyFraction},
            {"frequencyThreshold", o.frequencyThreshold},
            {"hammingLowFraction", o.hammingLowFraction},
            {"hammingNearFraction", o.hammingNearFraction},
            {"feasibleFirst", o.feasibleFirst},
            {"maxPartSize", o.maxPartSize},
            {"solver", warmstartSolverName(o.solver)},
            {"runs", o.runs},
            {"iterationCap", o.iterationCap},
            {"timeLimitSeconds", o.timeLimitSeconds},
            {"compareRuntimes", o.compareRuntimes},
            {"exactTimeLimitSeconds", o.exactTimeLimitSeconds},
            {"bootstrapResamples", o.bootstrapResamples},
            {"confidenceLevel", o.confidenceLevel},
            {"seed", o.seed},
            {"threads", o.threads},
            {"lcrpEncoding", encodingJson(o.lcrpEncoding)}};
}

WarmstartPipelineOptions warmstartOptionsFromJson(const nlohmann::json& settings, const std::string& where)
{
    const Reader r(settings, where);
    WarmstartPipelineOptions o;
    o.depth = static_cast<std::size_t>(r.unsignedInteger("depth"));
    o.backend = r.text("backend");
    o.shots = r.unsignedInteger("shots");
    (void)r.boolean("samplesGiven");  // the caller attaches the samples from samples.json
    o.readout = r.named("readout", [](const std::string& n) { return readoutMitigationFromName(n); });
    o.calibrationShots = r.unsignedInteger("calibrationShots");
    o.filter = r.named("filter", [](const std::string& n) { return sampleFilterKindFromName(n); });
    o.energyFraction = r.number("energyFraction");
    o.frequencyThreshold = r.number("frequencyThreshold");
    o.hammingLowFraction = r.number("hammingLowFraction");
    o.hammingNearFraction = r.number("hammingNearFraction");
    o.feasibleFirst = r.boolean("feasibleFirst");
    o.maxPartSize = static_cast<std::size_t>(r.unsignedInteger("maxPartSize"));
    o.solver = r.named("solver", [](const std::string& n) { return warmstartSolverFromName(n); });
    o.runs = static_cast<std::size_t>(r.unsignedInteger("runs"));
    o.iterationCap = r.unsignedInteger("iterationCap");
    o.timeLimitSeconds = r.number("timeLimitSeconds");
    // Bundles written before the runtime comparison existed do not name it.
    if (settings.contains("compareRuntimes")) {
        o.compareRuntimes = r.boolean("compareRuntimes");
        o.exactTimeLimitSeconds = r.number("exactTimeLimitSeconds");
    }
    o.bootstrapResamples = static_cast<std::size_t>(r.unsignedInteger("bootstrapResamples"));
    o.confidenceLevel = r.number("confidenceLevel");
    o.seed = r.unsignedInteger("seed");
    o.threads = r.smallInt("threads");
    o.lcrpEncoding = encodingFromJson(r.at("lcrpEncoding"), r.place("lcrpEncoding"));
    return o;
}

nlohmann::json warmstartResultsJson(const WarmstartPipelineResult& r)
{
    json j{{"problem", r.problem},
           {"variables", r.qubo.numVariables()},
           {"gammas", r.angles.gammas},
           {"betas", r.angles.betas},
           {"backend", r.backend},
           {"parts", r.parts},
           {"optimum", r.optimum},
           {"optimumSource", r.optimumSource},
           {"poolSize", r.poolSize},
           {"cap", r.cap},
           {"timeBased", r.timeBased},
           {"cancelled", r.cancelled},
           {"rawShots", r.raw.total()},
           {"rawDistinct", r.raw.size()},
           {"mitigatedDistinct", r.mitigated ? json(r.mitigated->size()) : json(nullptr)},
           {"filteredDistinct", r.filtered.size()},
           {"randomFirstSuccess", finiteList(r.experiment.randomFirstSuccess)},
           {"warmFirstSuccess", finiteList(r.experiment.warmFirstSuccess)}};
    if (const auto& q = r.experiment.qfactor) {
        json interval = nullptr;
        if (q->interval)
            interval = {{"lower", finiteOrNull(q->interval->lower)},
                        {"upper", finiteOrNull(q->interval->upper)},
                        {"level", q->interval->level},
                        {"resamples", q->interval->resamples},
                        {"undefinedResamples", q->interval->undefinedResamples}};
        j["qFactor"] = {{"q", finiteOrNull(q->q)},
                        {"kind", qFactorKindName(q->kind)},
                        {"upperBound", optionalJson(q->upperBound)},
                        {"rminRandom", minimalRuntimeJson(q->random)},
                        {"rminWarm", minimalRuntimeJson(q->warm)},
                        {"interval", std::move(interval)}};
    } else {
        j["qFactor"] = nullptr;
    }
    if (r.transpiled)
        j["transpiled"] = {{"parts", r.transpiled->parts},
                           {"physicalQubits", r.transpiled->physicalQubits},
                           {"twoQubitGates", r.transpiled->twoQubitGates},
                           {"depth", r.transpiled->depth},
                           {"swaps", r.transpiled->swaps},
                           {"estimatedFidelity", r.transpiled->estimatedFidelity}};
    else
        j["transpiled"] = nullptr;
    j["timing"] = {{"seconds", r.seconds},
                   {"stages",
                    {{"angles", r.stages.angles},
                     {"sampling", r.stages.sampling},
                     {"mitigation", r.stages.mitigation},
                     {"filtering", r.stages.filtering},
                     {"optimum", r.stages.optimum},
                     {"runs", r.stages.runs}}},
                   {"randomSeconds", finiteList(r.experiment.randomSeconds)},
                   {"warmSeconds", finiteList(r.experiment.warmSeconds)}};
    return j;
}

Bundle makeWarmstartBundle(const Instance& instance, const WarmstartPipelineOptions& options,
                           const WarmstartPipelineResult& result)
{
    Bundle b;
    b.kind = BUNDLE_KIND_WARMSTART;
    b.created = nowUtc();
    b.producer = bundleProducer();
    b.settings = warmstartOptionsToJson(options);
    b.settings["threads"] = detail::resolveThreadCount(options.threads);  // as for qaoa-run bundles
    b.results = warmstartResultsJson(result);
    b.files.push_back(jsonFile("instance.json", "instance", instanceToJson(instance)));
    std::vector<std::pair<std::string, const SampleCounts*>> sets;
    if (options.samples)
        sets.emplace_back("given", &*options.samples);
    sets.emplace_back("raw", &result.raw);
    if (result.mitigated)
        sets.emplace_back("mitigated", &*result.mitigated);
    sets.emplace_back("filtered", &result.filtered);
    b.files.push_back(jsonFile("samples.json", "samples", samplesJson(result.raw.numQubits(), sets)));
    const std::string prefix = "local:";
    if (options.backend.rfind(prefix, 0) == 0 && options.backend != "local:ideal") {
        const std::string device = options.backend.substr(prefix.size());
        const std::filesystem::path folder = resourceDirectory() / "backends" / device;
        const std::filesystem::path configuration = folder / (std::string("conf_") + device + ".json");
        const std::filesystem::path properties = folder / (std::string("props_") + device + ".json");
        json calibration{{"backend", options.backend}, {"device", device}};
        try {
            calibration["configuration"] = json::parse(readSnapshotFile(configuration));
            calibration["properties"] =
                std::filesystem::exists(properties) ? json::parse(readSnapshotFile(properties)) : json(nullptr);
        } catch (const json::parse_error& e) {
            throw Error(ErrorCode::InvalidInput, std::string("device snapshot is not valid JSON: ") + e.what(),
                        folder.string());
        }
        b.files.push_back(jsonFile("calibration.json", "calibration", calibration));
    }
    return b;
}

Bundle makeJobBundle(const JobRecord& record)
{
    const std::string where = "jobs/" + std::to_string(record.localId);
    if (record.results.is_null())
        throw Error(ErrorCode::InvalidArgument, "the job has no results yet", where + "/results");
    if (record.instance.is_null())
        throw Error(ErrorCode::InvalidArgument, "the job has no instance to re-analyse with", where + "/instance");
    Bundle b;
    b.kind = BUNDLE_KIND_JOB;
    b.created = nowUtc();
    b.producer = bundleProducer();
    json usage = nullptr;
    if (record.usage)
        usage = {{"qpuSeconds", record.usage->qpuSeconds}, {"final", record.usage->final},
                 {"chargedAt", record.usage->chargedAt}};
    b.settings = {{"localId", record.localId},
                  {"remoteId", record.remoteId},
                  {"provider", jobProviderName(record.provider)},
                  {"backend", record.backend},
                  {"status", jobStateName(record.status)},
                  {"createdAt", record.createdAt},
                  {"updatedAt", record.updatedAt},
                  {"clientTag", record.clientTag},
                  {"sessionId", record.sessionId},
                  {"usage", std::move(usage)},
                  {"errorText", record.errorText},
                  {"parameters", record.parameters.is_null() ? json::object() : record.parameters}};
    b.results = record.analysis.is_object() ? record.analysis : analyzeJobRecord(record);
    b.files.push_back(jsonFile("instance.json", "instance", record.instance));
    for (std::size_t k = 0; k < record.qasm.size(); ++k)
        b.files.push_back({"circuits/pub" + std::to_string(k) + ".qasm", "circuit", record.qasm[k]});
    if (!record.calibration.is_null())
        b.files.push_back(jsonFile("calibration.json", "calibration", record.calibration));
    b.files.push_back(jsonFile("job-results.json", "job-results", record.results));
    try {
        const SamplerResult decoded = parseSamplerResult(record.results, where + "/results");
        if (!decoded.pubs.empty())
            if (const RegisterSamples* meas = decoded.pubs[0].findRegister("meas")) {
                const SampleCounts counts = meas->sampleCounts();
                b.files.push_back(jsonFile("samples.json", "samples", samplesJson(meas->numBits, {{"raw", &counts}})));
            }
    } catch (const Error&) {
        // Results that do not decode still travel as job-results.json; the verifier reports the decode error.
    }
    return b;
}

} // namespace engine
