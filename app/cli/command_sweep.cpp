// SPDX-License-Identifier: MIT
// `qaoa-cli sweep SPEC.json | --preset NAME`: parameter sweeps and paper reproductions on a thread pool.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "experiment/experiment_writers.h"
#include "experiment/paper_experiments.h"
#include "experiment/sweep_runner.h"
#include "experiment/sweep_spec.h"
#include "io/atomic_file.h"

#include <algorithm>
#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

/// SPEC options that make no sense with --preset, and the reverse.
const std::vector<std::string> PRESET_ONLY{"--quick", "--seed"};

void runSweep(const ParsedArgs& args, std::ostream& out)
{
    const bool preset = args.has("--preset");
    if (preset == !args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "give either a sweep file or --preset NAME", preset ? "--preset" : "SPEC");
    if (!preset)
        for (const std::string& name : PRESET_ONLY)
            if (args.has(name))
                throw Error(ErrorCode::InvalidArgument, "applies to --preset only (set \"seed\" in the sweep file)",
                            name);
    const int threads = static_cast<int>(args.integer("--threads", 1, 0, engine::MAX_SWEEP_THREADS));
    const int innerThreads = static_cast<int>(args.integer("--inner-threads", 1, 0, 1024));

    engine::ExperimentPlan plan;
    if (preset) {
        engine::PaperExperimentOptions o;
        o.quick = args.flag("--quick");
        o.seed = args.unsignedInteger("--seed", 1);
        o.innerThreads = innerThreads;
        plan = engine::planPaperExperiment(engine::paperExperimentFromName(args.text("--preset")), o);
    } else {
        const engine::SweepSpec spec = engine::loadSweepSpec(args.positionals[0]);
        plan = engine::planSweep(spec, nullptr, innerThreads);
    }
    engine::SweepRunner runner(std::move(plan), threads);
    const std::vector<engine::ExperimentRow> rows = runner.run();
    const engine::ExperimentHeader& header = runner.header();

    const std::string csv = engine::experimentCsv(header, rows);
    if (args.has("--csv"))
        engine::writeFileAtomically(args.text("--csv"), csv);
    const auto failed = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto& r) {
        return r.status == engine::ExperimentRowStatus::Failed;
    }));
    if (args.flag("--json")) {
        nlohmann::json j = engine::experimentJson(header, rows);
        j["points"] = runner.pointCount();
        j["threads"] = runner.threadCount();
        if (args.has("--csv"))
            j["csv"] = args.text("--csv");
        printJson(out, j);
    } else if (args.has("--csv")) {
        out << header.kind << ": " << rows.size() << " rows from " << runner.pointCount() << " points on "
            << runner.threadCount() << " threads written to " << args.text("--csv") << "\n";
    } else {
        out << csv;
    }
    if (failed > 0) {
        const auto first = std::find_if(rows.begin(), rows.end(), [](const auto& r) {
            return r.status == engine::ExperimentRowStatus::Failed;
        });
        throw CommandFailed(std::to_string(failed) + " of " + std::to_string(rows.size())
                            + " rows failed; the first (point " + std::to_string(first->point) + "): " + first->error);
    }
}

std::string parameterTable()
{
    std::string text;
    for (const engine::SweepParameter& p : engine::sweepParameters()) {
        std::string kinds = p.qaoa && p.warmstart ? "both" : (p.qaoa ? "qaoa" : "warmstart");
        std::string line = "  " + std::string(p.name);
        line.resize(std::max<std::size_t>(line.size() + 1, 22), ' ');
        line += kinds;
        line.resize(std::max<std::size_t>(line.size() + 1, 33), ' ');
        text += line + p.description + " (" + p.valueHelp + ")\n";
    }
    return text;
}

} // namespace

Command makeSweepCommand()
{
    Command c;
    c.name = "sweep";
    c.summary = "parameter sweeps and one-click paper reproductions on a thread pool, as CSV or JSON";
    std::string presets;
    for (engine::PaperExperiment e : engine::paperExperiments())
        presets.append(presets.empty() ? "" : "|").append(engine::paperExperimentName(e));
    c.usage = "Usage: qaoa-cli sweep SPEC.json [--threads T] [--csv FILE] [--json]\n"
              "       qaoa-cli sweep --preset " + presets + " [--quick] [--seed S] [--threads T]\n"
              "                      [--csv FILE] [--json]\n\n"
              "A sweep file runs QAOA or the warm-start pipeline on every point of the cartesian product of its axes:\n"
              "  {\"kind\": \"qaoa\", \"instance\": \"paper-4x3.json\",\n"
              "   \"settings\": {\"params\": \"predicted\", \"shots\": 1000, \"seed\": 1}, \"seeds\": \"per-point\",\n"
              "   \"axes\": [{\"parameter\": \"p\", \"values\": \"1:4\"}, {\"parameter\": \"mixer\", \"values\": [\"x\", \"xy\"]}]}\n"
              "\"instance\" is a file (relative to the sweep file), an inline instance document or {\"generate\":\n"
              "{\"tasks\": N, \"models\": M, \"seed\": S, \"budget\": B}}. Each point's seed is derived from the base seed and\n"
              "its index (\"seeds\": \"same\" reuses the base seed), so rows do not depend on --threads. One row per point\n"
              "(presets: per table row) with the axes, the metrics (valid rates beside the uniform-random baseline,\n"
              "AR, Q-factor, seconds, ...), status and error. Exit status 1 when some point failed.\n\n"
              "Parameters (name, sweep kind, meaning):\n" + parameterTable() +
              "\nPresets rebuild the LCRP paper's Tables 2-4 and the warm-starts paper's Fig. 5 and Fig. 7 (the reproduce\n"
              "commands' engines, split into points); --quick runs a reduced size in seconds to a minute.";
    c.options = {
        {"--preset", "NAME", "run a paper experiment instead of a sweep file"},
        {"--quick", "", "--preset: the reduced size"},
        {"--seed", "S", "--preset: seed (default 1)"},
        {"--threads", "T", "points run in parallel (default 1; 0 = all cores)"},
        {"--inner-threads", "T", "simulator threads per point (default 1; 0 = all cores)"},
        {"--csv", "FILE", "write the rows as CSV (default: print them)"},
        {"--json", "", "print one JSON object: kind, axes, metrics, rows"},
    };
    c.run = runSweep;
    return c;
}

} // namespace cli
