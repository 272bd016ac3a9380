// SPDX-License-Identifier: MIT
// Sweep documents: parsing with JSON-pointer errors, axis value text, the cartesian product and point runs.
#include "experiment/sweep_spec.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "lcrp/lcrp_baseline.h"
#include "lcrp/lcrp_generator.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>

namespace engine {

namespace {

/// Largest sweep file read.
constexpr std::size_t MAX_SWEEP_FILE_BYTES = std::size_t{64} << 20;

std::string place(const std::string& source, const std::string& pointer)
{
    return source.empty() ? pointer : source + ":" + pointer;
}

[[noreturn]] void invalid(const std::string& detail, const std::string& source, const std::string& pointer)
{
    throw Error(ErrorCode::InvalidInput, detail, place(source, pointer));
}

void checkKeys(const nlohmann::json& object, const std::vector<std::string>& allowed, const std::string& source,
               const std::string& pointer)
{
    for (const auto& [key, value] : object.items()) {
        (void)value;
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string list;
            for (const std::string& a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            invalid("unknown key '" + key + "'; accepted: " + list, source, pointer + "/" + jsonPointerToken(key));
        }
    }
}

Instance generatedInstance(const nlohmann::json& g, const std::string& source, const std::string& pointer)
{
    if (!g.is_object())
        invalid("expected an object {\"tasks\", \"models\", \"seed\", \"budget\"}", source, pointer);
    checkKeys(g, {"tasks", "models", "seed", "budget"}, source, pointer);
    LcrpGeneratorOptions o;
    auto integer = [&](const char* key, double low, double high, double fallback) {
        if (!g.contains(key))
            return fallback;
        const nlohmann::json& v = g[key];
        if (!v.is_number() || v.get<double>() != std::floor(v.get<double>()) || v.get<double>() < low
            || v.get<double>() > high)
            invalid("expected an integer in [" + nlohmann::json(low).dump() + ", " + nlohmann::json(high).dump()
                        + "], got " + v.dump(),
                    source, pointer + "/" + key);
        return v.get<double>();
    };
    o.numTasks = static_cast<std::size_t>(integer("tasks", 1, 64, 4));
    o.numModels = static_cast<std::size_t>(integer("models", 1, 5, 3));
    o.seed = static_cast<std::uint32_t>(integer("seed", 0, 4294967295.0, 42));
    if (g.contains("budget")) {
        const nlohmann::json& b = g["budget"];
        if (!b.is_number() || !(b.get<double>() > 0.0) || !std::isfinite(b.get<double>()))
            invalid("expected a number > 0, got " + b.dump(), source, pointer + "/budget");
        o.budgetUsd = b.get<double>();
    }
    return generateLcrp(o);
}

Instance specInstance(const nlohmann::json& value, const std::string& source, const std::string& baseDirectory)
{
    if (value.is_string()) {
        std::filesystem::path path(value.get<std::string>());
        if (path.is_relative() && !baseDirectory.empty())
            path = std::filesystem::path(baseDirectory) / path;
        return loadInstance(path.string());
    }
    if (!value.is_object())
        invalid("expected a file name, an instance document or {\"generate\": {...}}", source, "/instance");
    if (value.contains("generate")) {
        checkKeys(value, {"generate"}, source, "/instance");
        return generatedInstance(value["generate"], source, "/instance/generate");
    }
    return instanceFromJson(value, place(source, "/instance"));
}

std::vector<nlohmann::json> axisValuesFromJson(const nlohmann::json& v, const std::string& source,
                                               const std::string& pointer)
{
    if (v.is_string())
        return parseAxisValues(v.get<std::string>(), place(source, pointer));
    if (!v.is_array() || v.empty())
        invalid("expected a non-empty array of values or a text such as \"1:6\"", source, pointer);
    std::vector<nlohmann::json> values;
    for (std::size_t j = 0; j < v.size(); ++j) {
        if (!v[j].is_number() && !v[j].is_string() && !v[j].is_boolean())
            invalid("expected a number, a string or a boolean, got " + v[j].dump(), source,
                    pointer + "/" + std::to_string(j));
        values.push_back(v[j]);
    }
    return values;
}

nlohmann::json itemValue(const std::string& item)
{
    if (item == "true")
        return true;
    if (item == "false")
        return false;
    double number = 0.0;
    const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), number);
    if (ec == std::errc() && ptr == item.data() + item.size() && std::isfinite(number)) {
        if (number == std::floor(number) && std::abs(number) < 9007199254740992.0)
            return static_cast<std::int64_t>(number);
        return number;
    }
    return item;
}

std::string trimmed(const std::string& text)
{
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    const auto end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

ExperimentValue cellOf(const nlohmann::json& v)
{
    if (v.is_number())
        return v.get<double>();
    if (v.is_boolean())
        return std::string(v.get<bool>() ? "true" : "false");
    if (v.is_string())
        return v.get<std::string>();
    return {};
}

ExperimentValue optionalValue(const std::optional<double>& v)
{
    return v ? finiteValue(*v) : ExperimentValue();
}

const std::vector<std::string> QAOA_METRICS{"qubits",           "expectation",    "approximation_ratio",
                                            "ar_star",          "optimum_probability", "valid_rate",
                                            "random_valid_rate", "valid_rate_exact", "feasible_rate",
                                            "best_valid_cost_usd", "evaluations",  "seed",
                                            "seconds"};
const std::vector<std::string> WARMSTART_METRICS{"variables",       "q_factor",        "q_kind",     "q_low",
                                                 "q_high",          "rmin_random",     "rmin_warm",  "random_successes",
                                                 "warm_successes",  "pool_size",       "optimum",    "random_valid_rate",
                                                 "seed",            "seconds"};

ExperimentRow qaoaRow(const QaoaRunOptions& options, const QaoaRunResult& r)
{
    ExperimentRow row;
    ExperimentValue ar = optionalValue(r.maxCutExact ? r.maxCutExact->approximationRatio : r.exact.approximationRatio);
    ExperimentValue valid, random, validExact, feasible, bestCost;
    if (r.lcrpExact) {
        const LcrpSampleMetrics& m = r.lcrpSampled ? *r.lcrpSampled : *r.lcrpExact;
        valid = m.validRate;
        random = m.uniformValidRate;
        validExact = r.lcrpExact->validRate;
        feasible = m.feasibleRate;
        if (m.bestValid)
            bestCost = m.bestValid->costUsd;
    }
    row.metrics = {static_cast<double>(r.numQubits), finiteValue(r.expectation), ar,
                   optionalValue(r.exact.arStar), optionalValue(r.exact.optimumProbability), valid, random,
                   validExact, feasible, bestCost, static_cast<double>(r.evaluations),
                   static_cast<double>(options.seed), r.seconds};
    row.status = r.cancelled ? ExperimentRowStatus::Cancelled : ExperimentRowStatus::Ok;
    return row;
}

ExperimentRow warmstartRow(const Instance& instance, const WarmstartPipelineOptions& options,
                           const WarmstartPipelineResult& r)
{
    ExperimentRow row;
    const std::optional<QFactorResult>& q = r.experiment.qfactor;
    auto successes = [](const std::vector<double>& t) {
        return static_cast<double>(std::count_if(t.begin(), t.end(), [](double v) { return std::isfinite(v); }));
    };
    ExperimentValue random;
    if (const auto* lcrp = std::get_if<LcrpInstance>(&instance))
        random = uniformRandomValidRate(*lcrp);
    row.metrics = {static_cast<double>(r.qubo.numVariables()),
                   q ? finiteValue(q->q) : ExperimentValue(),
                   std::string(qFactorKindName(q ? q->kind : QFactorKind::Undefined)),
                   q && q->interval ? finiteValue(q->interval->lower) : ExperimentValue(),
                   q && q->interval ? finiteValue(q->interval->upper) : ExperimentValue(),
                   q ? finiteValue(q->random.value) : ExperimentValue(),
                   q ? finiteValue(q->warm.value) : ExperimentValue(),
                   successes(r.experiment.randomFirstSuccess),
                   successes(r.experiment.warmFirstSuccess),
                   static_cast<double>(r.poolSize),
                   finiteValue(r.optimum),
                   random,
                   static_cast<double>(options.seed),
                   r.seconds};
    row.status = r.cancelled ? ExperimentRowStatus::Cancelled : ExperimentRowStatus::Ok;
    return row;
}

} // namespace

const char* sweepSeedsName(SweepSeeds seeds) noexcept
{
    return seeds == SweepSeeds::Same ? "same" : "per-point";
}

SweepSpec parseSweepSpec(const nlohmann::json& document, const std::string& source, const std::string& baseDirectory)
{
    if (!document.is_object())
        invalid("a sweep must be a JSON object", source, "");
    checkKeys(document, {"format", "formatVersion", "kind", "instance", "settings", "seeds", "axes"}, source, "");
    if (document.contains("format")
        && (!document["format"].is_string() || document["format"].get<std::string>() != "qaoa-workbench/sweep"))
        invalid("expected \"qaoa-workbench/sweep\"", source, "/format");
    if (document.contains("formatVersion") && document["formatVersion"] != 1)
        invalid("expected 1", source, "/formatVersion");
    SweepSpec spec;
    spec.source = source;
    if (!document.contains("kind") || !document["kind"].is_string())
        invalid("expected \"qaoa\" or \"warmstart\"", source, "/kind");
    spec.kind = sweepKindFromName(document["kind"].get<std::string>(), place(source, "/kind"));
    if (document.contains("instance"))
        spec.instance = specInstance(document["instance"], source, baseDirectory);
    if (document.contains("settings")) {
        const nlohmann::json& settings = document["settings"];
        if (!settings.is_object())
            invalid("expected an object of parameter values", source, "/settings");
        for (const auto& [name, value] : settings.items()) {
            const std::string pointer = "/settings/" + jsonPointerToken(name);
            sweepParameter(name, spec.kind, place(source, pointer));
            if (!value.is_number() && !value.is_string() && !value.is_boolean())
                invalid("expected a number, a string or a boolean, got " + value.dump(), source, pointer);
        }
        spec.settings = settings;
    }
    if (document.contains("seeds")) {
        const nlohmann::json& seeds = document["seeds"];
        if (seeds == "per-point")
            spec.seeds = SweepSeeds::PerPoint;
        else if (seeds == "same")
            spec.seeds = SweepSeeds::Same;
        else
            invalid("expected \"per-point\" or \"same\", got " + seeds.dump(), source, "/seeds");
    }
    if (!document.contains("axes") || !document["axes"].is_array() || document["axes"].empty())
        invalid("expected a non-empty array of axes {\"parameter\": NAME, \"values\": [...]}", source, "/axes");
    const nlohmann::json& axes = document["axes"];
    if (axes.size() > MAX_SWEEP_AXES)
        invalid("at most " + std::to_string(MAX_SWEEP_AXES) + " axes", source, "/axes");
    double points = 1.0;
    for (std::size_t k = 0; k < axes.size(); ++k) {
        const std::string pointer = "/axes/" + std::to_string(k);
        const nlohmann::json& a = axes[k];
        if (!a.is_object())
            invalid("expected an object {\"parameter\": NAME, \"values\": [...]}", source, pointer);
        checkKeys(a, {"parameter", "values"}, source, pointer);
        if (!a.contains("parameter") || !a["parameter"].is_string())
            invalid("expected a parameter name", source, pointer + "/parameter");
        SweepAxis axis;
        axis.parameter = a["parameter"].get<std::string>();
        sweepParameter(axis.parameter, spec.kind, place(source, pointer + "/parameter"));
        for (const SweepAxis& earlier : spec.axes)
            if (earlier.parameter == axis.parameter)
                invalid("parameter '" + axis.parameter + "' is already an axis", source, pointer + "/parameter");
        if (!a.contains("values"))
            invalid("missing values", source, pointer + "/values");
        axis.values = axisValuesFromJson(a["values"], source, pointer + "/values");
        points *= static_cast<double>(axis.values.size());
        if (points > static_cast<double>(MAX_SWEEP_POINTS))
            invalid("the axes make more than " + std::to_string(MAX_SWEEP_POINTS) + " points", source, pointer);
        spec.axes.push_back(std::move(axis));
    }
    return spec;
}

SweepSpec loadSweepSpec(const std::string& path)
{
    const std::string text = readWholeFile(path, MAX_SWEEP_FILE_BYTES);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(), path);
    }
    return parseSweepSpec(document, path, std::filesystem::path(path).parent_path().string());
}

std::vector<nlohmann::json> parseAxisValues(const std::string& text, const std::string& where)
{
    std::vector<nlohmann::json> values;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const std::size_t comma = std::min(text.find(',', begin), text.size());
        const std::string item = trimmed(text.substr(begin, comma - begin));
        begin = comma + 1;
        if (item.empty())
            continue;
        const std::size_t colon = item.find(':');
        if (colon == std::string::npos) {
            values.push_back(itemValue(item));
        } else {
            std::vector<nlohmann::json> parts;
            std::size_t from = 0;
            while (from <= item.size()) {
                const std::size_t next = std::min(item.find(':', from), item.size());
                parts.push_back(itemValue(trimmed(item.substr(from, next - from))));
                from = next + 1;
            }
            if (parts.size() < 2 || parts.size() > 3
                || !std::all_of(parts.begin(), parts.end(), [](const nlohmann::json& p) { return p.is_number(); }))
                throw Error(ErrorCode::InvalidInput, "'" + item + "' is not a range a:b or a:b:step of numbers", where);
            const double a = parts[0].get<double>();
            const double b = parts[1].get<double>();
            const double step = parts.size() == 3 ? parts[2].get<double>() : 1.0;
            if (step == 0.0 || (b - a) / step < 0.0)
                throw Error(ErrorCode::InvalidInput, "the step of '" + item + "' never reaches its end", where);
            // A small slack so that 0.1:0.3:0.1 includes 0.3 despite rounding.
            const double count = std::floor((b - a) / step + 1e-9) + 1.0;
            if (count + static_cast<double>(values.size()) > static_cast<double>(MAX_SWEEP_POINTS))
                throw Error(ErrorCode::InvalidInput,
                            "'" + item + "' has more than " + std::to_string(MAX_SWEEP_POINTS) + " values", where);
            const bool integral = parts[0].is_number_integer() && parts[1].is_number_integer()
                                  && (parts.size() == 2 || parts[2].is_number_integer());
            for (double k = 0; k < count; k += 1.0) {
                const double v = a + k * step;
                if (integral)
                    values.push_back(static_cast<std::int64_t>(std::llround(v)));
                else
                    values.push_back(std::round(v * 1e12) / 1e12);  // 0.1 + 2 * 0.1 reads as 0.3
            }
        }
    }
    if (values.empty())
        throw Error(ErrorCode::InvalidInput, "no values", where);
    return values;
}

std::size_t sweepPointCount(const SweepSpec& spec)
{
    if (spec.axes.empty())
        return 0;
    std::size_t count = 1;
    for (const SweepAxis& axis : spec.axes)
        count *= axis.values.size();
    return count;
}

std::vector<nlohmann::json> sweepPointValues(const SweepSpec& spec, std::size_t index)
{
    if (index >= sweepPointCount(spec))
        throw Error(ErrorCode::InvalidArgument, "point " + std::to_string(index) + " does not exist", "index");
    std::vector<nlohmann::json> values(spec.axes.size());
    for (std::size_t k = spec.axes.size(); k-- > 0;) {
        const std::size_t n = spec.axes[k].values.size();
        values[k] = spec.axes[k].values[index % n];
        index /= n;
    }
    return values;
}

std::uint64_t sweepPointSeed(std::uint64_t baseSeed, std::size_t index)
{
    auto splitmix = [](std::uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    return splitmix(splitmix(baseSeed) ^ static_cast<std::uint64_t>(index)) & ((std::uint64_t{1} << 53) - 1);
}

SweepSettings sweepPointSettings(const SweepSpec& spec, const Instance& instance, std::size_t index, int innerThreads)
{
    SweepSettings s;
    s.instance = instance;
    s.qaoa.threads = s.warmstart.threads = innerThreads;
    const std::vector<nlohmann::json> values = sweepPointValues(spec, index);
    bool seedAxis = false;
    for (const auto& [name, value] : spec.settings.items()) {
        bool overridden = false;
        for (const SweepAxis& axis : spec.axes)
            overridden = overridden || axis.parameter == name;
        if (!overridden)
            applySweepParameter(sweepParameter(name, spec.kind, place(spec.source, "/settings")), s, value,
                                place(spec.source, "/settings/" + jsonPointerToken(name)));
    }
    for (std::size_t k = 0; k < spec.axes.size(); ++k) {
        const std::string pointer = "/axes/" + std::to_string(k);
        const std::size_t j = static_cast<std::size_t>(
            std::find(spec.axes[k].values.begin(), spec.axes[k].values.end(), values[k]) - spec.axes[k].values.begin());
        applySweepParameter(sweepParameter(spec.axes[k].parameter, spec.kind, place(spec.source, pointer)), s,
                            values[k], place(spec.source, pointer + "/values/" + std::to_string(j)));
        seedAxis = seedAxis || spec.axes[k].parameter == "seed";
    }
    if (!seedAxis && spec.seeds == SweepSeeds::PerPoint) {
        const std::uint64_t seed = sweepPointSeed(s.qaoa.seed, index);
        s.qaoa.seed = s.qaoa.optimizer.seed = s.warmstart.seed = seed;
    }
    return s;
}

void validateSweep(const SweepSpec& spec, const Instance& instance)
{
    if (spec.axes.empty())
        invalid("a sweep needs at least one axis", spec.source, "/axes");
    SweepSettings base;
    base.instance = instance;
    for (const auto& [name, value] : spec.settings.items())
        applySweepParameter(sweepParameter(name, spec.kind, place(spec.source, "/settings")), base, value,
                            place(spec.source, "/settings/" + jsonPointerToken(name)));
    for (std::size_t k = 0; k < spec.axes.size(); ++k) {
        const std::string pointer = "/axes/" + std::to_string(k);
        const SweepParameter& p = sweepParameter(spec.axes[k].parameter, spec.kind, place(spec.source, pointer));
        for (std::size_t j = 0; j < spec.axes[k].values.size(); ++j) {
            SweepSettings s;
            s.instance = instance;
            applySweepParameter(p, s, spec.axes[k].values[j],
                                place(spec.source, pointer + "/values/" + std::to_string(j)));
        }
    }
}

ExperimentHeader sweepHeader(const SweepSpec& spec)
{
    ExperimentHeader h;
    h.kind = sweepKindName(spec.kind);
    for (const SweepAxis& axis : spec.axes)
        h.axes.push_back(axis.parameter);
    h.metrics = spec.kind == SweepKind::Qaoa ? QAOA_METRICS : WARMSTART_METRICS;
    return h;
}

ExperimentRow runSweepPoint(const SweepSpec& spec, const Instance& instance, std::size_t index, int innerThreads,
                            RunControl& control)
{
    const SweepSettings s = sweepPointSettings(spec, instance, index, innerThreads);
    ExperimentRow row;
    if (spec.kind == SweepKind::Qaoa)
        row = qaoaRow(s.qaoa, runQaoa(s.instance, s.qaoa, control));
    else
        row = warmstartRow(s.instance, s.warmstart, runWarmstartPipeline(s.instance, s.warmstart, control));
    for (const nlohmann::json& v : sweepPointValues(spec, index))
        row.axes.push_back(cellOf(v));
    return row;
}

ExperimentPlan planSweep(const SweepSpec& spec, const Instance* instance, int innerThreads)
{
    if (instance == nullptr) {
        if (!spec.instance)
            invalid("the sweep names no instance and none was given", spec.source, "/instance");
        instance = &*spec.instance;
    }
    validateSweep(spec, *instance);
    ExperimentPlan plan;
    plan.header = sweepHeader(spec);
    const std::size_t count = sweepPointCount(spec);
    // Shared, immutable after this point: every worker reads the same copies.
    auto shared = std::make_shared<const std::pair<SweepSpec, Instance>>(spec, *instance);
    plan.points.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        ExperimentPoint point;
        for (const nlohmann::json& v : sweepPointValues(spec, i))
            point.axisValues.push_back(cellOf(v));
        point.run = [shared, i, innerThreads](RunControl& control) {
            return std::vector<ExperimentRow>{runSweepPoint(shared->first, shared->second, i, innerThreads, control)};
        };
        plan.points.push_back(std::move(point));
    }
    return plan;
}

} // namespace engine
