// SPDX-License-Identifier: MIT
// Bundle verification: rebuild the inputs from the archive, rerun the recorded computation, compare leaf by leaf.
#include "bundle/bundle_verify.h"

#include "bundle/bundle_kinds.h"
#include "core/error.h"
#include "ibmq/sampler_results.h"
#include "io/resource_directory.h"
#include "jobservice/job_analysis.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace engine {

namespace {

using json = nlohmann::json;

json parseMember(const Bundle& bundle, const std::string& path, const std::string& source)
{
    const BundleFile& file = bundle.require(path, source);
    try {
        return json::parse(file.content);
    } catch (const json::parse_error& e) {
        throw Error(ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(), source + ":" + path);
    }
}

Instance bundleInstance(const Bundle& bundle, const std::string& source)
{
    return instanceFromJson(parseMember(bundle, "instance.json", source), source + ":instance.json");
}

bool numbersMatch(double a, double b, double tolerance)
{
    if (a == b)
        return true;
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

json countsSummary(const SampleCounts& counts)
{
    return {{"outcomes", counts.size()}, {"total", counts.total()}};
}

// One check for a whole counts object: equal outcome sets and counts within `tolerance` (0: exact).
BundleCheck compareCounts(const std::string& quantity, const SampleCounts& stored, const SampleCounts& recomputed,
                          double tolerance)
{
    BundleCheck check;
    check.quantity = quantity;
    check.stored = countsSummary(stored);
    check.recomputed = countsSummary(recomputed);
    check.tolerance = tolerance;
    if (stored.numQubits() != recomputed.numQubits()) {
        check.ok = false;
        check.note = "width " + std::to_string(stored.numQubits()) + " bits, recomputed " +
                     std::to_string(recomputed.numQubits());
        return check;
    }
    std::set<std::uint64_t> keys;
    for (const auto& [index, count] : stored.counts())
        keys.insert(index);
    for (const auto& [index, count] : recomputed.counts())
        keys.insert(index);
    std::size_t differing = 0;
    for (std::uint64_t index : keys) {
        const double a = stored.count(index);
        const double b = recomputed.count(index);
        if (numbersMatch(a, b, tolerance))
            continue;
        if (differing++ == 0) {
            std::ostringstream text;
            text.precision(17);
            text << "outcome " << stored.qiskitKey(index) << ": stored " << a << ", recomputed " << b;
            check.note = text.str();
        }
    }
    if (differing > 0) {
        check.ok = false;
        check.note += " (" + std::to_string(differing) + " outcomes differ)";
    }
    return check;
}

void addSkipped(std::vector<BundleCheck>& checks, const std::string& quantity, const json& stored,
                const std::string& reason)
{
    BundleCheck check;
    check.quantity = quantity;
    check.stored = stored;
    check.recomputed = nullptr;
    check.compared = false;
    check.ok = true;
    check.note = reason;
    checks.push_back(std::move(check));
}

void finish(BundleVerifyReport& report)
{
    report.ok = report.comparedCount() > 0 && report.failedCount() == 0;
}

std::string toleranceNote(double tolerance)
{
    std::ostringstream text;
    text << "Integers, strings, booleans and sample counts are compared exactly; other numbers to a relative "
         << tolerance << " (|a - b| <= tol * max(1, |a|, |b|)).";
    return text.str();
}

// ---- qaoa-run ----

void verifyQaoaRun(const Bundle& bundle, const std::string& source, const BundleVerifyOptions& options,
                   RunControl& control, BundleVerifyReport& report)
{
    const Instance instance = bundleInstance(bundle, source);
    QaoaRunOptions run = qaoaRunOptionsFromJson(bundle.settings, source + ":manifest.json:/settings");
    if (options.threads >= 0)
        run.threads = options.threads;
    const QaoaRunResult result = runQaoa(instance, run, control);
    if (result.cancelled)
        throw Error(ErrorCode::InvalidArgument, "verification cancelled", source);
    report.notes.push_back("Recomputed: runQaoa with the recorded options and seeds on instance.json (" +
                           std::string(angleMethodName(run.angles)) + " angles, p = " + std::to_string(run.depth) +
                           ").");
    compareResults(bundle.results, qaoaRunResultsJson(result), options.tolerance,
                   [](const std::string& pointer) {
                       return pointer == "/timing" ? std::string("wall-clock time is not reproducible")
                                                   : std::string();
                   },
                   "results:", report.checks);
    if (bundle.find("samples.json")) {
        const json samples = parseMember(bundle, "samples.json", source);
        const SampleCounts stored = samplesFromJson(samples, "raw", source + ":samples.json:");
        SampleCounts recomputed(result.numQubits);
        for (std::size_t k = 0; k < result.samples.states.size(); ++k)
            recomputed.add(result.samples.states[k], result.samples.weights[k]);
        report.checks.push_back(compareCounts("samples.json:/raw", stored, recomputed, 0.0));
    } else if (run.shots > 0) {
        throw Error(ErrorCode::InvalidInput, "shots were drawn but samples.json is missing", source);
    }
}

// ---- warmstart ----

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, "cannot read the installed device snapshot", path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void verifyCalibration(const Bundle& bundle, const std::string& source, BundleVerifyReport& report)
{
    const json stored = parseMember(bundle, "calibration.json", source);
    if (!stored.is_object() || !stored.contains("device") || !stored["device"].is_string())
        throw Error(ErrorCode::InvalidInput, "expected an object with \"device\"", source + ":calibration.json");
    const std::string device = stored["device"].get<std::string>();
    // The name becomes part of a path: only a plain snapshot name may reach the file system.
    if (device.empty() || device.size() > 64 || device.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        throw Error(ErrorCode::InvalidInput, "\"device\" must be a snapshot name such as \"fez\"",
                    source + ":calibration.json:/device");
    const std::filesystem::path folder = resourceDirectory() / "backends" / device;
    BundleCheck check;
    check.quantity = "calibration.json";
    check.stored = device + " snapshot in the bundle";
    check.tolerance = 0.0;
    json installed{{"configuration", nullptr}, {"properties", nullptr}};
    try {
        installed["configuration"] = json::parse(readText(folder / (std::string("conf_") + device + ".json")));
        const std::filesystem::path properties = folder / (std::string("props_") + device + ".json");
        if (std::filesystem::exists(properties))
            installed["properties"] = json::parse(readText(properties));
    } catch (const json::parse_error& e) {
        throw Error(ErrorCode::InvalidInput, std::string("installed snapshot is not valid JSON: ") + e.what(),
                    folder.string());
    }
    const bool same = stored.value("configuration", json()) == installed["configuration"]
                      && stored.value("properties", json()) == installed["properties"];
    check.recomputed = "installed " + device + " snapshot (" + folder.string() + ")";
    check.ok = same;
    if (!same)
        check.note = "the installed snapshot differs from the one the run used; the recomputation used the "
                     "installed one, so noisy results may differ";
    report.checks.push_back(std::move(check));
}

void verifyWarmstart(const Bundle& bundle, const std::string& source, const BundleVerifyOptions& options,
                     RunControl& control, BundleVerifyReport& report)
{
    const Instance instance = bundleInstance(bundle, source);
    const std::string settingsPlace = source + ":manifest.json:/settings";
    WarmstartPipelineOptions run = warmstartOptionsFromJson(bundle.settings, settingsPlace);
    if (options.threads >= 0)
        run.threads = options.threads;
    const bool samplesGiven = bundle.settings.at("samplesGiven").get<bool>();
    const json samples = parseMember(bundle, "samples.json", source);
    const std::string samplesPlace = source + ":samples.json:";
    if (samplesGiven)
        run.samples = samplesFromJson(samples, "given", samplesPlace);
    if (bundle.find("calibration.json"))
        verifyCalibration(bundle, source, report);

    const WarmstartPipelineResult result = runWarmstartPipeline(instance, run, control);
    if (result.cancelled)
        throw Error(ErrorCode::InvalidArgument, "verification cancelled", source);
    report.notes.push_back(std::string("Recomputed: runWarmstartPipeline with the recorded options and seed on "
                                       "instance.json") +
                           (samplesGiven ? " and the job samples in samples.json." : "."));

    const bool timeBased = bundle.results.value("timeBased", false);
    const bool bestFound = bundle.results.value("optimumSource", std::string()) == "best_found";
    if (timeBased)
        report.notes.push_back("Time-based run: the first-success seconds and the Q-factor depend on the speed of "
                               "the machine and are not compared; angles, samples, pool and optimum are.");
    if (bestFound)
        report.notes.push_back("The optimum came from a time-limited search (best_found): it, the first successes "
                               "and the Q-factor depend on the machine's speed and are not compared.");
    const auto skip = [&](const std::string& pointer) -> std::string {
        if (pointer == "/timing")
            return "wall-clock time is not reproducible";
        if (timeBased && (pointer == "/qFactor" || pointer == "/randomFirstSuccess" || pointer == "/warmFirstSuccess"))
            return "time-based run: depends on the machine's speed";
        if (bestFound && (pointer == "/optimum" || pointer == "/qFactor" || pointer == "/randomFirstSuccess"
                          || pointer == "/warmFirstSuccess"))
            return "optimum from a time-limited search (best_found): depends on the machine's speed";
        return {};
    };
    compareResults(bundle.results, warmstartResultsJson(result), options.tolerance, skip, "results:", report.checks);

    report.checks.push_back(
        compareCounts("samples.json:/raw", samplesFromJson(samples, "raw", samplesPlace), result.raw, 0.0));
    if (samples.contains("mitigated") || result.mitigated) {
        if (!samples.contains("mitigated") || !result.mitigated) {
            BundleCheck check;
            check.quantity = "samples.json:/mitigated";
            check.stored = samples.contains("mitigated");
            check.recomputed = result.mitigated.has_value();
            check.ok = false;
            check.note = "mitigated counts present on one side only";
            report.checks.push_back(std::move(check));
        } else {
            report.checks.push_back(compareCounts("samples.json:/mitigated",
                                                  samplesFromJson(samples, "mitigated", samplesPlace),
                                                  *result.mitigated, options.tolerance));
        }
    }
    report.checks.push_back(compareCounts("samples.json:/filtered",
                                          samplesFromJson(samples, "filtered", samplesPlace), result.filtered, 0.0));
}

// ---- job ----

void verifyJob(const Bundle& bundle, const std::string& source, const BundleVerifyOptions& options,
               BundleVerifyReport& report)
{
    const Instance instance = bundleInstance(bundle, source);
    const json parameters = bundle.settings.value("parameters", json::object());
    LcrpEncoderOptions encoding;
    try {
        encoding = encodingFromParameters(parameters);
    } catch (const Error& e) {
        throw Error(e.code(), e.detail(), source + ":manifest.json:/settings/" + e.where());
    }
    const json results = parseMember(bundle, "job-results.json", source);
    const json analysis = analyzeSamplerResults(instance, encoding, results, source + ":job-results.json");
    report.notes.push_back("Recomputed: analyzeSamplerResults on job-results.json (the provider's raw results) with "
                           "instance.json and the recorded parameters; no circuit is re-run.");
    compareResults(bundle.results, analysis, options.tolerance, [](const std::string&) { return std::string(); },
                   "results:", report.checks);
    if (bundle.find("samples.json")) {
        const json samples = parseMember(bundle, "samples.json", source);
        const SamplerResult decoded = parseSamplerResult(results, source + ":job-results.json");
        const RegisterSamples* meas = decoded.pubs.empty() ? nullptr : decoded.pubs[0].findRegister("meas");
        if (!meas)
            throw Error(ErrorCode::InvalidInput, "the results have no \"meas\" register in their first PUB",
                        source + ":job-results.json");
        report.checks.push_back(compareCounts("samples.json:/raw",
                                              samplesFromJson(samples, "raw", source + ":samples.json:"),
                                              meas->sampleCounts(), 0.0));
    }
    for (const BundleFile& f : bundle.files)
        if (f.role == "circuit")
            report.notes.push_back("Circuit " + f.path + " is kept as submitted (hash checked, not re-run).");
}

} // namespace

std::size_t BundleVerifyReport::comparedCount() const
{
    return static_cast<std::size_t>(std::count_if(checks.begin(), checks.end(), [](const BundleCheck& c) { return c.compared; }));
}

std::size_t BundleVerifyReport::failedCount() const
{
    return static_cast<std::size_t>(
        std::count_if(checks.begin(), checks.end(), [](const BundleCheck& c) { return c.compared && !c.ok; }));
}

void compareResults(const nlohmann::json& stored, const nlohmann::json& recomputed, double tolerance,
                    const std::function<std::string(const std::string& pointer)>& skip, const std::string& prefix,
                    std::vector<BundleCheck>& checks)
{
    // Iterative over an explicit stack so a deeply nested hostile document cannot exhaust the call stack.
    struct Item {
        const json* stored;
        const json* recomputed;
        std::string pointer;
    };
    std::vector<Item> stack{{&stored, &recomputed, ""}};
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const json& a = *item.stored;
        const json& b = *item.recomputed;
        if (const std::string reason = skip(item.pointer); !reason.empty()) {
            addSkipped(checks, prefix + item.pointer, a, reason);
            continue;
        }
        BundleCheck check;
        check.quantity = prefix + (item.pointer.empty() ? "/" : item.pointer);
        if (a.is_object() && b.is_object()) {
            std::set<std::string> keys;
            for (const auto& [key, value] : a.items())
                keys.insert(key);
            for (const auto& [key, value] : b.items())
                keys.insert(key);
            // Pushed in reverse so that keys come out in sorted order.
            for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
                const std::string pointer = item.pointer + "/" + jsonPointerToken(*it);
                const bool inStored = a.contains(*it);
                const bool inRecomputed = b.contains(*it);
                if (inStored && inRecomputed) {
                    stack.push_back({&a[*it], &b[*it], pointer});
                    continue;
                }
                if (const std::string reason = skip(pointer); !reason.empty()) {
                    addSkipped(checks, prefix + pointer, inStored ? a[*it] : json(nullptr), reason);
                    continue;
                }
                BundleCheck missing;
                missing.quantity = prefix + pointer;
                missing.stored = inStored ? a[*it] : json(nullptr);
                missing.recomputed = inRecomputed ? b[*it] : json(nullptr);
                missing.ok = false;
                missing.note = inStored ? "not produced by the recomputation" : "missing from the bundle's results";
                checks.push_back(std::move(missing));
            }
            continue;
        }
        if (a.is_array() && b.is_array()) {
            if (a.size() != b.size()) {
                check.stored = a.size();
                check.recomputed = b.size();
                check.ok = false;
                check.note = "array lengths differ (" + std::to_string(a.size()) + " stored, " +
                             std::to_string(b.size()) + " recomputed)";
                checks.push_back(std::move(check));
                continue;
            }
            for (std::size_t k = a.size(); k-- > 0;)
                stack.push_back({&a[k], &b[k], item.pointer + "/" + std::to_string(k)});
            continue;
        }
        check.stored = a;
        check.recomputed = b;
        if (a.is_number() && b.is_number() && !(a.is_number_integer() && b.is_number_integer())) {
            check.tolerance = tolerance;
            check.ok = numbersMatch(a.get<double>(), b.get<double>(), tolerance);
        } else if (a.is_number_integer() && b.is_number_integer()) {
            check.ok = a == b;
        } else {
            check.ok = a == b;
        }
        if (!check.ok && check.note.empty())
            check.note = "differs";
        checks.push_back(std::move(check));
    }
}

BundleVerifyReport verifyBundle(const Bundle& bundle, const std::string& source, const BundleVerifyOptions& options,
                                RunControl& control)
{
    if (!(options.tolerance >= 0.0) || !std::isfinite(options.tolerance))
        throw Error(ErrorCode::InvalidArgument, "the tolerance must be a finite number >= 0", "tolerance");
    BundleVerifyReport report;
    report.source = source;
    report.kind = bundle.kind;
    report.notes.push_back("Bundle written by " + bundle.producer + " at " + bundle.created +
                           "; every file's SHA-256 matched the manifest.");
    if (bundle.kind == BUNDLE_KIND_QAOA_RUN)
        verifyQaoaRun(bundle, source, options, control, report);
    else if (bundle.kind == BUNDLE_KIND_WARMSTART)
        verifyWarmstart(bundle, source, options, control, report);
    else if (bundle.kind == BUNDLE_KIND_JOB)
        verifyJob(bundle, source, options, report);
    else
        throw Error(ErrorCode::InvalidInput, "unknown bundle kind '" + bundle.kind + "'",
                    source + ":manifest.json:/kind");
    report.notes.push_back(toleranceNote(options.tolerance));
    finish(report);
    return report;
}

BundleVerifyReport verifyBundleFile(const std::string& path, const BundleVerifyOptions& options, RunControl& control)
{
    return verifyBundle(readBundle(path), path, options, control);
}

nlohmann::json bundleVerifyReportJson(const BundleVerifyReport& report)
{
    json checks = json::array();
    for (const BundleCheck& c : report.checks)
        checks.push_back({{"quantity", c.quantity},
                          {"stored", c.stored},
                          {"recomputed", c.recomputed},
                          {"tolerance", c.tolerance},
                          {"compared", c.compared},
                          {"ok", c.ok},
                          {"note", c.note}});
    return {{"source", report.source},         {"kind", report.kind},
            {"ok", report.ok},                 {"compared", report.comparedCount()},
            {"failed", report.failedCount()},  {"notes", report.notes},
            {"checks", std::move(checks)}};
}

} // namespace engine
