// SPDX-License-Identifier: MIT
// `qaoa-cli reproduce lcrp-*|warmstart-emulated`: the LCRP paper's simulator tables and the warm-starts Fig. 5.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "qaoa/lcrp_reproduction.h"
#include "warmstart/qfactor_experiment.h"
#include "warmstart/warmstart_reproduction.h"

#include <charconv>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace cli {

namespace {

nlohmann::json rowJson(const engine::LcrpReproductionRow& r)
{
    auto optional = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    return {{"experiment", r.experiment},
            {"tasks", r.tasks},
            {"models", r.models},
            {"qubits", r.qubits},
            {"p", r.depth},
            {"lambda_q", r.lambdaQ},
            {"objective", r.objective},
            {"mixer", r.mixer},
            {"valid_rate", r.validRate},
            {"valid_rate_exact", r.validRateExact},
            {"random_valid_rate", r.randomValidRate},
            {"feasible_rate", r.feasibleRate},
            {"best_valid_cost_usd", optional(r.bestValidCostUsd)},
            {"best_valid_quality", optional(r.bestValidQuality)},
            {"decoded_best_cost_usd", r.decodedBestCostUsd},
            {"decoded_best_quality", r.decodedBestQuality},
            {"expectation", r.expectation},
            {"evaluations", r.evaluations},
            {"seconds", r.seconds},
            {"paper_valid_rate", optional(r.paperValidRate)},
            {"paper_cost_usd", optional(r.paperCostUsd)},
            {"paper_quality", optional(r.paperQuality)}};
}

const char* const WARMSTART_EXPERIMENT = "warmstart-emulated";

/// Options that belong to one family of experiments only.
const std::vector<std::string> LCRP_OPTIONS{"--p", "--shots", "--restarts", "--maxiter", "--mixers", "--slack-bits"};
const std::vector<std::string> WARMSTART_OPTIONS{"--families", "--sizes", "--graphs", "--depths",
                                                 "--samples",  "--runs",  "--t-total", "--summary", "--unit"};

void rejectOptions(const ParsedArgs& args, const std::vector<std::string>& names, const std::string& experiment)
{
    for (const std::string& name : names)
        if (args.has(name))
            throw engine::Error(engine::ErrorCode::InvalidArgument, std::string("does not apply to 'reproduce ") + experiment + "'",
                                name);
}

std::vector<std::size_t> sizeList(const ParsedArgs& args, const std::string& name, std::size_t min, std::size_t max)
{
    std::vector<std::size_t> values;
    for (const std::string& item : args.list(name)) {
        std::size_t value = 0;
        const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (ec != std::errc() || ptr != item.data() + item.size() || value < min || value > max)
            throw engine::Error(engine::ErrorCode::InvalidArgument,
                                std::string("'") + item + "' is not an integer in [" + std::to_string(min) + ", "
                                    + std::to_string(max) + "]",
                                name);
        values.push_back(value);
    }
    return values;
}

nlohmann::json numberOrNull(double value)
{
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json warmstartRowJson(const engine::WarmstartReproductionRow& r)
{
    return {{"family", r.family},
            {"n", r.n},
            {"graph", r.graph},
            {"edges", r.edges},
            {"p", r.depth},
            {"optimum", r.optimum},
            {"rmin_random", r.rminRandom},
            {"rmin_warm", r.rminWarm},
            {"q_factor", numberOrNull(r.qFactor)},
            {"q_kind", r.qKind},
            {"random_successes", r.randomSuccesses},
            {"warm_successes", r.warmSuccesses},
            {"pool_size", r.poolSize},
            {"pool_optimal_fraction", r.poolOptimalFraction},
            {"mean_sampled_cut", r.meanSampledCut},
            {"seconds", r.seconds}};
}

nlohmann::json warmstartSummaryJson(const engine::WarmstartSummaryRow& s)
{
    return {{"family", s.family},
            {"n", s.n},
            {"p", s.depth},
            {"graphs", s.graphs},
            {"median_q", numberOrNull(s.medianQ)},
            {"min_q", numberOrNull(s.minQ)},
            {"max_q", numberOrNull(s.maxQ)},
            {"lower_bounds", s.lowerBounds},
            {"warm_failed", s.warmFailed},
            {"undefined", s.undefined}};
}

void runWarmstartReproduce(const ParsedArgs& args, std::ostream& out)
{
    rejectOptions(args, LCRP_OPTIONS, WARMSTART_EXPERIMENT);
    engine::WarmstartReproductionOptions o;
    if (args.has("--families")) {
        o.families.clear();
        for (const std::string& name : args.list("--families")) {
            try {
                o.families.push_back(engine::warmstartGraphFamilyFromName(name));
            } catch (const engine::Error& e) {
                throw engine::Error(engine::ErrorCode::InvalidArgument, e.detail(), "--families");
            }
        }
    }
    if (args.has("--sizes"))
        o.sizes = sizeList(args, "--sizes", 2, engine::MAX_WARMSTART_REPRODUCTION_VERTICES);
    if (args.has("--depths"))
        o.depths = sizeList(args, "--depths", 1, 6);
    o.graphsPerSize = static_cast<std::size_t>(args.integer(
        "--graphs", static_cast<long long>(o.graphsPerSize), 1,
        static_cast<long long>(engine::MAX_WARMSTART_REPRODUCTION_GRAPHS)));
    o.samples = static_cast<std::uint64_t>(args.integer(
        "--samples", static_cast<long long>(o.samples), 1,
        static_cast<long long>(engine::MAX_WARMSTART_REPRODUCTION_SAMPLES)));
    o.runsPerStartType = static_cast<std::size_t>(args.integer(
        "--runs", static_cast<long long>(o.runsPerStartType), 1, static_cast<long long>(engine::MAX_QFACTOR_RUNS)));
    o.iterationCap = static_cast<std::uint64_t>(
        args.integer("--t-total", static_cast<long long>(o.iterationCap), 1, 1'000'000'000LL));
    o.unit = engine::warmstartCostUnitFromName(args.choice("--unit", "iterations", {"iterations", "operations"}));
    o.seed = args.unsignedInteger("--seed", o.seed);
    o.threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    // Regular families need N * d even and d < N: report that against the options the user typed.
    for (const engine::WarmstartGraphFamily& family : o.families)
        if (family.kind == engine::WarmstartGraphFamily::Kind::Regular)
            for (std::size_t n : o.sizes) {
                const auto d = static_cast<std::size_t>(family.parameter);
                if (d >= n || (n * d) % 2 != 0)
                    throw engine::Error(engine::ErrorCode::InvalidArgument,
                                        std::string("no ") + engine::warmstartGraphFamilyName(family) + " graph on "
                                            + std::to_string(n) + " vertices",
                                        "--sizes");
            }

    const std::vector<engine::WarmstartReproductionRow> rows = engine::reproduceWarmstartEmulated(o);
    const std::vector<engine::WarmstartSummaryRow> summary = engine::summarizeWarmstartReproduction(rows);
    const std::string csv = engine::warmstartReproductionCsv(rows);
    const std::string summaryCsv = engine::warmstartSummaryCsv(summary);
    if (args.has("--output"))
        engine::writeFileAtomically(args.text("--output"), csv);
    if (args.has("--summary"))
        engine::writeFileAtomically(args.text("--summary"), summaryCsv);
    if (args.flag("--json")) {
        nlohmann::json rowTable = nlohmann::json::array();
        for (const auto& r : rows)
            rowTable.push_back(warmstartRowJson(r));
        nlohmann::json summaryTable = nlohmann::json::array();
        for (const auto& s : summary)
            summaryTable.push_back(warmstartSummaryJson(s));
        nlohmann::json families = nlohmann::json::array();
        for (const auto& f : o.families)
            families.push_back(engine::warmstartGraphFamilyName(f));
        printJson(out, {{"experiment", WARMSTART_EXPERIMENT},
                        {"families", families},
                        {"sizes", o.sizes},
                        {"graphs", o.graphsPerSize},
                        {"depths", o.depths},
                        {"samples", o.samples},
                        {"runs", o.runsPerStartType},
                        {"t_total", o.iterationCap},
                        {"unit", engine::warmstartCostUnitName(o.unit)},
                        {"seed", o.seed},
                        {"rows", rowTable},
                        {"summary", summaryTable}});
        return;
    }
    if (!args.has("--output"))
        out << csv;
    if (!args.has("--summary"))
        out << (args.has("--output") ? "" : "\n") << summaryCsv;
}

void runReproduce(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw engine::Error(engine::ErrorCode::InvalidArgument,
                            "missing experiment (lcrp-penalty, lcrp-scaling, lcrp-depth or warmstart-emulated)",
                            "EXPERIMENT");
    if (args.positionals[0] == WARMSTART_EXPERIMENT) {
        runWarmstartReproduce(args, out);
        return;
    }
    const engine::LcrpExperiment experiment = engine::lcrpExperimentFromName(args.positionals[0]);
    rejectOptions(args, WARMSTART_OPTIONS, args.positionals[0]);
    engine::LcrpReproductionOptions options;
    options.depth = static_cast<std::size_t>(args.integer("--p", 2, 1, 16));
    options.shots = args.unsignedInteger("--shots", 4000);
    options.restarts = static_cast<int>(args.integer("--restarts", 8, 1, 10000));
    options.evaluationsPerRestart = static_cast<int>(args.integer("--maxiter", 80, 1, 1000000));
    options.seed = args.unsignedInteger("--seed", 1);
    options.slackBits = static_cast<int>(args.integer("--slack-bits", 3, 0, 12));
    options.threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    const std::string mixers = args.choice("--mixers", "both", {"both", "x", "xy"});
    if (mixers == "x")
        options.mixers = {engine::MixerKind::X};
    else if (mixers == "xy")
        options.mixers = {engine::MixerKind::XYParityRing};

    const std::vector<engine::LcrpReproductionRow> rows = engine::reproduceLcrp(experiment, options);
    nlohmann::json table = nlohmann::json::array();
    for (const auto& r : rows)
        table.push_back(rowJson(r));
    const std::string prefix = args.text("--output", engine::lcrpExperimentName(experiment));
    engine::writeFileAtomically(prefix + ".csv", engine::lcrpReproductionCsv(rows));
    engine::writeFileAtomically(prefix + ".json", table.dump(2) + "\n");

    if (args.flag("--json")) {
        printJson(out, {{"experiment", engine::lcrpExperimentName(experiment)},
                        {"csv", prefix + ".csv"},
                        {"json", prefix + ".json"},
                        {"rows", table}});
        return;
    }
    out << std::fixed << std::setprecision(4)
        << "tasks qubits p lambda_Q objective     mixer       valid   exact  random  feasible  best$    paper\n";
    for (const auto& r : rows) {
        out << std::setw(5) << r.tasks << std::setw(7) << r.qubits << std::setw(2) << r.depth << std::setw(9)
            << std::setprecision(0) << r.lambdaQ << std::setprecision(4) << " " << std::left << std::setw(13)
            << r.objective << std::setw(11) << r.mixer << std::right << std::setw(7) << r.validRate << std::setw(8)
            << r.validRateExact << std::setw(8) << r.randomValidRate << std::setw(9) << r.feasibleRate;
        if (r.bestValidCostUsd)
            out << std::setw(9) << *r.bestValidCostUsd;
        else
            out << std::setw(9) << "-";
        if (r.paperValidRate)
            out << "  valid " << *r.paperValidRate;
        if (r.paperCostUsd)
            out << "  $" << *r.paperCostUsd << " q " << *r.paperQuality;
        out << "\n";
    }
    out << "wrote " << prefix << ".csv and " << prefix << ".json\n";
}

} // namespace

Command makeReproduceCommand()
{
    Command c;
    c.name = "reproduce";
    c.summary = "rebuild the LCRP paper's Tables 2-4 (simulator) and the warm-starts paper's Fig. 5 (emulated)";
    c.usage = "Usage: qaoa-cli reproduce lcrp-penalty|lcrp-scaling|lcrp-depth [--p P] [--shots S] [--restarts R]\n"
              "                          [--maxiter K] [--seed S] [--mixers both|x|xy] [--slack-bits K] [-o PREFIX]\n"
              "       qaoa-cli reproduce warmstart-emulated [--families F,...] [--sizes N,...] [--graphs G]\n"
              "                          [--depths P,...] [--samples S] [--runs R] [--t-total T] [--unit U]\n"
              "                          [--seed S] [-o OUT.csv] [--summary OUT.csv] [--json]\n\n"
              "lcrp-*: runs the paper's instances (seed 42, NumPy stream, first three tiers) with the paper's objective\n"
              "(reference-v2) and ours (exact, budget through slack bits), X and XY mixers side by side, COBYLA with\n"
              "8 restarts x 80 evaluations by default, 4000 shots, and writes PREFIX.csv and PREFIX.json (PREFIX\n"
              "defaults to the experiment name). Every row carries the uniform-random valid rate and, where the\n"
              "paper published one, the paper's value.\n\n"
              "warmstart-emulated: the warm-starts paper's Fig. 5 protocol. For each family, size N and graph, the\n"
              "maximum cut by brute force; for each depth p, S shots from the QAOA state at the balanced rule's\n"
              "predicted angles form the warm-start pool, and R tabu searches (PalubeckisMST1's STS, at most T\n"
              "iterations each) from uniform random starts and R from the pool give Q = R_min(random) / R_min(warm).\n"
              "Defaults are the paper's: regular-3 and er-0.3 graphs, N = 4..18 (even), 10 graphs, p = 1..6,\n"
              "1000 shots, 1000 runs per start type, T = 500 STS iterations (--unit operations counts evaluated\n"
              "moves instead). One CSV row per graph and p (-o, default: print), and the median Q per family, N\n"
              "and p (--summary, default: print).";
    c.options = {
        {"--p", "P", "lcrp: QAOA depth of Tables 2 and 3 (default 2; Table 4 sweeps 1..3)"},
        {"--shots", "S", "lcrp: shots per row (default 4000)"},
        {"--restarts", "R", "lcrp: COBYLA restarts (default 8)"},
        {"--maxiter", "K", "lcrp: evaluations per restart (default 80)"},
        {"--mixers", "M", "lcrp: both (default), x or xy"},
        {"--slack-bits", "K", "lcrp: budget slack bits of the exact objective (default 3)"},
        {"--families", "F,...", "warmstart: regular-D and er-P graph families (default regular-3,er-0.3)"},
        {"--sizes", "N,...", "warmstart: graph sizes (default 4,6,...,18)"},
        {"--graphs", "G", "warmstart: graphs per family and size (default 10)"},
        {"--depths", "P,...", "warmstart: QAOA depths, 1..6 (default 1,...,6)"},
        {"--samples", "S", "warmstart: shots per QAOA state, the warm-start pool (default 1000)"},
        {"--runs", "R", "warmstart: tabu runs per start type (default 1000)"},
        {"--t-total", "T", "warmstart: iteration cap T_total of every run (default 500)"},
        {"--unit", "U", "warmstart: iterations (default; one tabu move) or operations (evaluated moves)"},
        {"--summary", "OUT", "warmstart: write the median summary CSV (default: print it)"},
        {"--seed", "S", "seed (default 1)"},
        {"--threads", "T", "simulator threads (default: all cores)"},
        {"--output", "OUT", "lcrp: output file prefix; warmstart: the rows CSV (default: print them)", "-o"},
        {"--json", "", "print one JSON object"},
    };
    c.run = runReproduce;
    return c;
}

} // namespace cli
