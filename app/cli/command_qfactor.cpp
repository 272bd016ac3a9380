// SPDX-License-Identifier: MIT
// `qaoa-cli qfactor FILE`: the warm-start pipeline (QAOA samples as heuristic starts) and its Q-factor.
#include "cli_app.h"
#include "cli_output.h"

#include "bundle/bundle_kinds.h"
#include "core/error.h"
#include "emulator/local_backend.h"
#include "emulator/trajectory_emulator.h"
#include "graph/graph_problems.h"
#include "io/atomic_file.h"
#include "mitigation/sample_filters.h"
#include "warmstart/qfactor_experiment.h"
#include "warmstart/warmstart_pipeline.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

/// Largest counts file read: a million distinct 64-bit outcomes fit in well under this.
constexpr std::size_t MAX_SAMPLES_FILE_BYTES = std::size_t{256} << 20;

/// A finished job's counts: {"counts": {"<bitstring>": n, ...}} or the bare object of counts, Qiskit strings
/// (qubit 0 rightmost). Errors name "path:/json/pointer".
engine::SampleCounts readSamplesFile(const std::string& path)
{
    const std::string text = engine::readWholeFile(path, MAX_SAMPLES_FILE_BYTES);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(), path);
    }
    std::string base;
    const nlohmann::json* counts = &document;
    if (document.is_object() && document.contains("counts")) {
        counts = &document["counts"];
        base = "/counts";
    }
    if (!counts->is_object())
        throw Error(ErrorCode::InvalidInput, "expected an object of bitstring counts", path + ":" + base);
    if (counts->empty())
        throw Error(ErrorCode::InvalidInput, "the counts are empty", path + ":" + base);
    std::size_t width = 0;
    std::vector<std::pair<std::string, double>> entries;
    entries.reserve(counts->size());
    for (const auto& [key, value] : counts->items()) {
        const std::string where = path + ":" + base + "/" + engine::jsonPointerToken(key);
        if (key.empty() || key.size() > engine::SAMPLE_COUNTS_MAX_QUBITS
            || key.find_first_not_of("01") != std::string::npos)
            throw Error(ErrorCode::InvalidInput,
                        "keys must be bitstrings of '0' and '1' (qubit 0 rightmost), at most 64 characters", where);
        if (width == 0)
            width = key.size();
        else if (key.size() != width)
            throw Error(ErrorCode::InvalidInput,
                        "bitstring of " + std::to_string(key.size()) + " bits; the first one has " +
                            std::to_string(width),
                        where);
        if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0.0)
            throw Error(ErrorCode::InvalidInput, "a count must be a finite number >= 0", where);
        entries.emplace_back(key, value.get<double>());
    }
    engine::SampleCounts samples = engine::SampleCounts::fromQiskitCounts(entries, width);
    if (!(samples.total() > 0.0))
        throw Error(ErrorCode::InvalidInput, "all counts are zero", path + ":" + base);
    return samples;
}

engine::WarmstartPipelineOptions optionsFromArgs(const ParsedArgs& args)
{
    engine::WarmstartPipelineOptions o;
    o.depth = static_cast<std::size_t>(args.integer("--p", 2, 1, 64));
    o.shots = args.unsignedInteger("--shots", 1000);
    if (o.shots == 0 || o.shots > engine::MAX_EMULATOR_SHOTS)
        throw Error(ErrorCode::InvalidArgument, "shots must lie in [1, 100000000]", "--shots");
    o.backend = args.text("--backend", "local:ideal");
    const auto& names = engine::localBackendNames();
    if (std::find(names.begin(), names.end(), o.backend) == names.end()) {
        std::string accepted;
        for (const std::string& name : names)
            accepted += (accepted.empty() ? "" : ", ") + name;
        throw Error(ErrorCode::InvalidArgument, "unknown backend '" + o.backend + "'; accepted: " + accepted,
                    "--backend");
    }
    o.readout = engine::readoutMitigationFromName(args.choice("--readout", "none", {"none", "tensored", "lnf"}));
    o.calibrationShots = args.unsignedInteger("--calibration-shots", 0);
    o.filter = engine::sampleFilterKindFromName(
        args.choice("--filter", "none", {"none", "energy", "frequency", "hamming"}));
    o.energyFraction = args.number("--energy-fraction", engine::ENERGY_FILTER_FRACTION, 0.0, 1.0);
    o.frequencyThreshold = args.number("--frequency-threshold", engine::FREQUENCY_FILTER_THRESHOLD, 0.0, 1.0);
    o.hammingLowFraction = args.number("--hamming-low", engine::HAMMING_FILTER_LOW_FRACTION, 0.0, 1.0);
    o.hammingNearFraction = args.number("--hamming-near", engine::HAMMING_FILTER_NEAR_FRACTION, 0.0, 1.0);
    o.feasibleFirst = !args.flag("--no-feasible-first");
    o.maxPartSize = static_cast<std::size_t>(args.integer("--max-part-size", 0, 0, 64));
    o.solver = engine::warmstartSolverFromName(args.choice("--solver", "tabu", {"tabu", "vns"}));
    o.runs = static_cast<std::size_t>(
        args.integer("--runs", 100, 1, static_cast<long long>(engine::MAX_QFACTOR_RUNS)));
    o.iterationCap = args.unsignedInteger("--iterations", 500);
    if (o.iterationCap == 0)
        throw Error(ErrorCode::InvalidArgument, "the iteration cap must be at least 1", "--iterations");
    o.timeLimitSeconds = args.number("--time-limit", 0.0, 0.0, 3600.0);
    o.bootstrapResamples = static_cast<std::size_t>(
        args.integer("--bootstrap", 1000, 0, static_cast<long long>(engine::MAX_QFACTOR_BOOTSTRAP_RESAMPLES)));
    o.seed = args.unsignedInteger("--seed", 1);
    o.threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    o.lcrpEncoding = lcrpEncodingFromArgs(args);
    o.compareRuntimes = args.flag("--compare-runtimes");
    o.exactTimeLimitSeconds = args.number("--exact-time-limit", 600.0, 1e-3, 1e7);
    if (args.has("--samples"))
        o.samples = readSamplesFile(args.text("--samples"));
    return o;
}

/// The command-line option behind a pipeline option named in an engine error.
std::string optionOf(const std::string& where, const ParsedArgs& args)
{
    static const std::map<std::string, std::string> names{
        {"depth", "--p"},
        {"shots", "--shots"},
        {"backend", "--backend"},
        {"readout", "--readout"},
        {"calibrationShots", "--calibration-shots"},
        {"filter", "--filter"},
        {"energyFraction", "--energy-fraction"},
        {"frequencyThreshold", "--frequency-threshold"},
        {"hammingLowFraction", "--hamming-low"},
        {"hammingNearFraction", "--hamming-near"},
        {"solver", "--solver"},
        {"runs", "--runs"},
        {"iterationCap", "--iterations"},
        {"timeLimitSeconds", "--time-limit"},
        {"bootstrapResamples", "--bootstrap"},
        {"threads", "--threads"},
        {"compareRuntimes", "--compare-runtimes"},
        {"exactTimeLimitSeconds", "--exact-time-limit"},
    };
    if (where == "samples" && args.has("--samples"))
        return args.text("--samples");
    const auto it = names.find(where);
    return it == names.end() ? where : it->second;
}

nlohmann::json finiteOrNull(double value)
{
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json resultJson(const engine::Instance& instance, const engine::WarmstartPipelineOptions& options,
                          const engine::WarmstartPipelineResult& r)
{
    const std::optional<engine::QFactorResult>& q = r.experiment.qfactor;
    nlohmann::json j;
    j["q_factor"] = q ? finiteOrNull(q->q) : nlohmann::json(nullptr);
    j["q_factor_kind"] = engine::qFactorKindName(q ? q->kind : engine::QFactorKind::Undefined);
    j["q_factor_ci"] = q && q->interval ? nlohmann::json::array({q->interval->lower, q->interval->upper})
                                        : nlohmann::json(nullptr);
    j["q_factor_level"] = options.confidenceLevel;
    j["q_factor_upper_bound"] = q && q->upperBound ? finiteOrNull(*q->upperBound) : nlohmann::json(nullptr);
    j["rmin_random"] = q ? finiteOrNull(q->random.value) : nlohmann::json(nullptr);
    j["rmin_warm"] = q ? finiteOrNull(q->warm.value) : nlohmann::json(nullptr);
    j["rmin_random_censored"] = q && q->random.censored;
    j["rmin_warm_censored"] = q && q->warm.censored;
    auto successes = [](const std::vector<double>& t) {
        return static_cast<std::size_t>(std::count_if(t.begin(), t.end(), [](double v) { return std::isfinite(v); }));
    };
    j["random_successes"] = successes(r.experiment.randomFirstSuccess);
    j["warm_successes"] = successes(r.experiment.warmFirstSuccess);
    j["optimum"] = r.optimum;
    j["optimum_source"] = r.optimumSource;
    if (const auto* g = std::get_if<engine::GraphInstance>(&instance); g && g->problem == engine::GraphProblem::MaxCut)
        j["optimum_cut"] = -r.optimum;
    j["runs"] = options.runs;
    j["pool_size"] = r.poolSize;
    j["seconds"] = r.seconds;
    j["cap"] = r.cap;
    j["time_based"] = r.timeBased;
    j["problem"] = r.problem;
    j["variables"] = r.qubo.numVariables();
    j["p"] = r.angles.depth();
    j["gammas"] = r.angles.gammas;
    j["betas"] = r.angles.betas;
    j["backend"] = r.backend;
    j["parts"] = r.parts;
    j["shots"] = options.shots;
    j["samples_given"] = options.samples.has_value();
    j["readout"] = engine::readoutMitigationName(options.readout);
    j["filter"] = engine::sampleFilterKindName(options.filter);
    j["solver"] = engine::warmstartSolverName(options.solver);
    j["stage_seconds"] = {{"angles", r.stages.angles},       {"sampling", r.stages.sampling},
                          {"mitigation", r.stages.mitigation}, {"filtering", r.stages.filtering},
                          {"optimum", r.stages.optimum},     {"runs", r.stages.runs}};
    if (r.transpiled)
        j["transpiled"] = {{"parts", r.transpiled->parts},
                           {"physical_qubits", r.transpiled->physicalQubits},
                           {"two_qubit_gates", r.transpiled->twoQubitGates},
                           {"depth", r.transpiled->depth},
                           {"swaps", r.transpiled->swaps},
                           {"estimated_fidelity", r.transpiled->estimatedFidelity}};
    else
        j["transpiled"] = nullptr;
    if (r.runtimes) {
        nlohmann::json rows = nlohmann::json::array();
        for (const engine::MethodRuntime& m : r.runtimes->methods)
            rows.push_back({{"method", m.method},
                            {"expected_seconds", finiteOrNull(m.runtime.value)},
                            {"censored", m.runtime.censored},
                            {"successes", m.runtime.successes},
                            {"runs", m.runtime.runs},
                            {"median_seconds", finiteOrNull(m.medianSeconds)}});
        j["runtimes"] = rows;
    }
    return j;
}

std::string numberText(const nlohmann::json& value)
{
    if (value.is_null())
        return "n/a";
    std::ostringstream s;
    s << value.get<double>();
    return s.str();
}

void printText(std::ostream& out, const nlohmann::json& j)
{
    const std::string unit = j["time_based"].get<bool>() ? " s" : " iterations";
    out << "Q-factor = " << numberText(j["q_factor"]);
    if (j["q_factor_ci"].is_array())
        out << "  [" << j["q_factor_ci"][0].get<double>() << ", " << j["q_factor_ci"][1].get<double>() << "] ("
            << 100.0 * j["q_factor_level"].get<double>() << " % bootstrap)";
    out << "  kind: " << j["q_factor_kind"].get<std::string>() << "\n";
    out << "R_min random = " << numberText(j["rmin_random"])
        << (j["rmin_random_censored"].get<bool>() ? " (censored)" : "") << ", warm = " << numberText(j["rmin_warm"])
        << (j["rmin_warm_censored"].get<bool>() ? " (censored)" : "") << unit << "; successes "
        << j["random_successes"].get<std::size_t>() << "/" << j["runs"].get<std::size_t>() << " random, "
        << j["warm_successes"].get<std::size_t>() << "/" << j["runs"].get<std::size_t>() << " warm; cap "
        << j["cap"].get<double>() << unit << "\n";
    out << "optimum = " << j["optimum"].get<double>();
    if (j.contains("optimum_cut"))
        out << " (cut " << j["optimum_cut"].get<double>() << ")";
    out << " from " << j["optimum_source"].get<std::string>() << "\n";
    out << "pool: " << j["pool_size"].get<std::size_t>() << " start strings (filter "
        << j["filter"].get<std::string>() << ", readout " << j["readout"].get<std::string>() << ") from "
        << j["shots"].get<std::uint64_t>() << " shots of p=" << j["p"].get<std::size_t>() << " on "
        << j["backend"].get<std::string>() << ", " << j["variables"].get<std::size_t>() << " variables in "
        << j["parts"].get<std::size_t>() << (j["parts"].get<std::size_t>() == 1 ? " part" : " parts") << "\n";
    if (!j["transpiled"].is_null())
        out << "transpiled: " << j["transpiled"]["physical_qubits"].get<std::size_t>() << " physical qubits, "
            << j["transpiled"]["two_qubit_gates"].get<std::size_t>() << " two-qubit gates, depth "
            << j["transpiled"]["depth"].get<std::size_t>() << ", estimated fidelity "
            << j["transpiled"]["estimated_fidelity"].get<double>() << "\n";
    out << "solver " << j["solver"].get<std::string>() << ", " << j["seconds"].get<double>() << " s\n";
    if (j.contains("runtimes")) {
        out << "expected runtime (s)   method      successes  median (s)\n";
        for (const nlohmann::json& row : j["runtimes"]) {
            std::ostringstream line;
            line << std::setw(20) << std::left
                 << (numberText(row["expected_seconds"]) + (row["censored"].get<bool>() ? " (censored)" : ""))
                 << "   " << std::setw(10) << row["method"].get<std::string>() << "  " << std::setw(9)
                 << (std::to_string(row["successes"].get<std::size_t>()) + "/"
                     + std::to_string(row["runs"].get<std::size_t>()))
                 << "  " << numberText(row["median_seconds"]);
            out << line.str() << "\n";
        }
    }
}

void runQFactorCommand(const ParsedArgs& args, std::ostream& out)
{
    const engine::Instance instance = loadInstanceArg(args);
    const engine::WarmstartPipelineOptions options = optionsFromArgs(args);
    engine::WarmstartPipelineResult r;
    try {
        r = engine::runWarmstartPipeline(instance, options);
    } catch (const Error& e) {
        const std::string where = optionOf(e.where(), args);
        if (where == e.where())
            throw;
        throw Error(e.code(), e.detail(), where);
    }
    if (args.has("--bundle"))
        engine::writeBundle(engine::makeWarmstartBundle(instance, options, r), args.text("--bundle"));
    nlohmann::json j = resultJson(instance, options, r);
    if (args.has("--bundle"))
        j["bundle"] = args.text("--bundle");
    if (args.flag("--json")) {
        printJson(out, j);
        return;
    }
    printText(out, j);
    if (args.has("--bundle"))
        out << "bundle written to " << args.text("--bundle") << " (check it with 'qaoa-cli bundle verify')\n";
}

} // namespace

Command makeQFactorCommand()
{
    Command c;
    c.name = "qfactor";
    c.summary = "warm-start a tabu or VNS heuristic from QAOA samples and measure the Q-factor";
    c.usage = "Usage: qaoa-cli qfactor FILE [--p P] [--shots S] [--backend NAME] [--samples COUNTS.json]\n"
              "                            [--readout none|tensored|lnf] [--calibration-shots S]\n"
              "                            [--filter none|energy|frequency|hamming] [--solver tabu|vns]\n"
              "                            [--runs R] [--iterations T] [--time-limit SECONDS] [--seed S] [--bundle OUT]\n"
              "                            [--json]\n\n"
              "The pipeline: predicted angles (no variational loop), samples of the QAOA state (exact on local:ideal;\n"
              "transpiled with the bound angles and emulated with the device's noise on local:<device>; or a finished\n"
              "job's counts), readout mitigation, feasibility-first decoding (LCRP, MIS), the filter, the optimum, then\n"
              "R heuristic runs from uniform random starts and R from the filtered samples. The Q-factor is\n"
              "R_min(random) / R_min(warm), the ratio of minimal expected runtimes, with a bootstrap interval; its kind\n"
              "says whether it is an estimate, a lower bound (no random run succeeded) or undefined. Instances larger\n"
              "than --max-part-size are split into parts sampled separately and recombined.";
    c.options = instanceCommandOptions({
        {"--p", "P", "QAOA depth (default 2; Max-Cut 1..6)"},
        {"--shots", "S", "samples drawn (default 1000)"},
        {"--backend", "NAME", "local:ideal (default, exact state) or local:<device>, e.g. local:fez (noisy)"},
        {"--samples", "FILE", "counts of a finished job ({\"counts\": {\"<bitstring>\": n}}, qubit 0 rightmost)"},
        {"--readout", "M", "readout mitigation: none (default), tensored or lnf"},
        {"--calibration-shots", "S", "> 0: estimate readout errors from calibration circuits (default 0: data)"},
        {"--filter", "F", "none (default), energy, frequency or hamming"},
        {"--energy-fraction", "X", "energy filter: kept fraction of the samples (default 0.1)"},
        {"--frequency-threshold", "X", "frequency filter: threshold as a fraction of the samples (default 0.0005)"},
        {"--hamming-low", "X", "Hamming filter: lowest-energy core fraction (default 0.01)"},
        {"--hamming-near", "X", "Hamming filter: nearest-to-core fraction (default 0.09)"},
        {"--no-feasible-first", "", "LCRP, MIS: keep infeasible samples instead of decoding them first"},
        {"--max-part-size", "N", "largest part sampled as one circuit (default 0: 24 ideal, 12 on a device)"},
        {"--solver", "S", "tabu (default, any instance) or vns (Max-Cut only)"},
        {"--runs", "R", "runs per start type (default 100)"},
        {"--iterations", "T", "iteration cap T_total of every run (default 500)"},
        {"--time-limit", "SECONDS", "> 0: time-based Q-factor with this limit per run (default 0)"},
        {"--bootstrap", "B", "bootstrap resamples of the interval (default 1000, 0: none)"},
        {"--seed", "S", "seed of sampling, emulation, filters and runs (default 1)"},
        {"--threads", "T", "simulator and emulator threads (default: all cores)"},
        {"--compare-runtimes", "", "time-based Max-Cut: also time VNS, the rank-two heuristic and the exact solver"},
        {"--exact-time-limit", "SEC", "with --compare-runtimes: the exact solver's limit (default 600)"},
        {"--bundle", "OUT", "also write a reproducible bundle of the run (.qwbundle; see 'qaoa-cli bundle')"},
        {"--json", "", "print one JSON object"},
    });
    c.run = runQFactorCommand;
    return c;
}

} // namespace cli
