// SPDX-License-Identifier: MIT
// `qaoa-cli generate lcrp|maxcut|mis|qubo`: random instances written to a file or stdout.
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"
#include "qubo/qubo_generator.h"

#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

constexpr long long MAX_GENERATED_VARIABLES = 100000;

engine::Instance generateGraph(const ParsedArgs& args, engine::GraphProblem problem)
{
    const auto n = static_cast<std::size_t>(args.integer("--nodes", 0, 1, MAX_GENERATED_VARIABLES));
    if (!args.has("--nodes"))
        throw Error(ErrorCode::InvalidArgument, "option is required", "--nodes");
    const engine::WeightKind weights =
        engine::weightKindFromName(args.choice("--weights", "unit", {"unit", "pm1", "uniform"}));
    const std::uint64_t seed = args.unsignedInteger("--seed", 1);
    const int shapes = int(args.has("--degree")) + int(args.has("--edge-prob")) + int(args.has("--graph"));
    if (shapes != 1)
        throw Error(ErrorCode::InvalidArgument, "give exactly one of --degree D, --edge-prob P or --graph line|complete",
                    "--degree");

    engine::GraphInstance instance;
    instance.problem = problem;
    if (problem == engine::GraphProblem::Mis)
        instance.misPenalty = args.number("--mis-penalty", 2.0, 1e-12, 1e12);
    if (args.has("--degree")) {
        const auto d = static_cast<std::size_t>(args.integer("--degree", 3, 1, static_cast<long long>(n) - 1));
        instance.graph = engine::randomRegularGraph(n, d, weights, seed);
        instance.name = std::to_string(d) + "-regular n=" + std::to_string(n) + " seed " + std::to_string(seed);
    } else if (args.has("--edge-prob")) {
        const double p = args.number("--edge-prob", 0.5, 0.0, 1.0);
        instance.graph = engine::erdosRenyiGraph(n, p, weights, seed);
        instance.name = "G(n=" + std::to_string(n) + ", p=" + args.text("--edge-prob") + ") seed " + std::to_string(seed);
    } else {
        const std::string shape = args.choice("--graph", "line", {"line", "complete"});
        instance.graph = shape == "line" ? engine::lineGraph(n, weights, seed) : engine::completeGraph(n, weights, seed);
        instance.name = shape + " n=" + std::to_string(n) + " seed " + std::to_string(seed);
    }
    return instance;
}

engine::Instance generateLcrpInstance(const ParsedArgs& args)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = static_cast<std::size_t>(args.integer("--tasks", 4, 1, 100000));
    options.numModels = static_cast<std::size_t>(args.integer("--models", 3, 1, 5));
    options.seed = static_cast<std::uint32_t>(args.integer("--seed", 42, 0, 4294967295LL));
    options.budgetUsd = args.number("--budget", 5.0 * static_cast<double>(options.numTasks), 1e-9, 1e15);
    options.referenceStream = args.flag("--reference-stream");
    return engine::generateLcrp(options);
}

engine::Instance generateQuboInstance(const ParsedArgs& args)
{
    engine::RandomQuboOptions options;
    if (!args.has("--nodes"))
        throw Error(ErrorCode::InvalidArgument, "option is required", "--nodes");
    options.numVariables = static_cast<std::size_t>(args.integer("--nodes", 10, 1, 20000));
    options.density = args.number("--density", 0.5, 0.0, 1.0);
    options.low = args.number("--low", -1.0, -1e12, 1e12);
    options.high = args.number("--high", 1.0, -1e12, 1e12);
    options.integer = args.flag("--integer");
    options.seed = args.unsignedInteger("--seed", 1);
    engine::QuboInstance instance;
    instance.qubo = engine::randomQubo(options);
    instance.name = "random QUBO n=" + std::to_string(options.numVariables) + " seed " + std::to_string(options.seed);
    return instance;
}

engine::FileFormat outputFormat(const ParsedArgs& args, const std::string& path)
{
    if (args.has("--output-format"))
        return engine::fileFormatFromName(args.choice("--output-format", "json", {"json", "gset", "mqlib", "bqm"}));
    auto endsWith = [&](const char* suffix) {
        const std::string s(suffix);
        return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
    };
    if (endsWith(".bqm.json"))
        return engine::FileFormat::Bqm;
    if (endsWith(".gset") || endsWith(".rudy") || endsWith(".mc"))
        return engine::FileFormat::Gset;
    if (endsWith(".qubo") || endsWith(".mqlib"))
        return engine::FileFormat::Mqlib;
    return engine::FileFormat::Json;
}

void runGenerate(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "missing KIND (lcrp, maxcut, mis or qubo)", "KIND");
    const std::string kind = args.positionals[0];
    engine::Instance instance;
    if (kind == "lcrp")
        instance = generateLcrpInstance(args);
    else if (kind == "maxcut")
        instance = generateGraph(args, engine::GraphProblem::MaxCut);
    else if (kind == "mis")
        instance = generateGraph(args, engine::GraphProblem::Mis);
    else if (kind == "qubo")
        instance = generateQuboInstance(args);
    else
        throw Error(ErrorCode::InvalidArgument, "unknown kind '" + kind + "' (expected lcrp, maxcut, mis or qubo)",
                    "KIND");

    if (!args.has("--output")) {
        printJson(out, engine::instanceToJson(instance));
        return;
    }
    const std::string path = args.text("--output");
    const engine::FileFormat format = outputFormat(args, path);
    engine::saveInstance(instance, path, format);
    if (args.flag("--json")) {
        nlohmann::json summary{{"kind", engine::instanceKindName(instance)}, {"file", path},
                               {"format", engine::fileFormatName(format)}};
        if (const auto* l = std::get_if<engine::LcrpInstance>(&instance)) {
            summary["tasks"] = l->numTasks();
            summary["models"] = l->numModels();
            summary["budget_usd"] = l->budgetUsd;
        } else if (const auto* g = std::get_if<engine::GraphInstance>(&instance)) {
            summary["nodes"] = g->graph.numVertices();
            summary["edges"] = g->graph.numEdges();
        } else if (const auto* q = std::get_if<engine::QuboInstance>(&instance)) {
            summary["variables"] = q->qubo.numVariables();
            summary["quadratic_terms"] = q->qubo.numQuadraticTerms();
        }
        printJson(out, summary);
    } else {
        out << "wrote " << engine::instanceKindName(instance) << " instance to " << path << "\n";
    }
}

} // namespace

Command makeGenerateCommand()
{
    Command c;
    c.name = "generate";
    c.summary = "generate a random LCRP, Max-Cut, MIS or QUBO instance";
    c.usage = "Usage: qaoa-cli generate lcrp   --tasks N --models M --seed S --budget B [--reference-stream] [-o FILE]\n"
              "       qaoa-cli generate maxcut --nodes N (--degree D | --edge-prob P | --graph line|complete)\n"
              "                                [--weights unit|pm1|uniform] [--seed S] [-o FILE]\n"
              "       qaoa-cli generate mis    (as maxcut) [--mis-penalty L]\n"
              "       qaoa-cli generate qubo   --nodes N [--density D] [--low A --high B] [--integer] [--seed S] [-o FILE]\n\n"
              "Writes the instance to FILE (format from the extension: .json workbench JSON, .gset/.rudy edge\n"
              "list, .qubo/.mqlib MQLib, .bqm.json D-Wave BQM; or --output-format) or, without -o, prints it as\n"
              "workbench JSON. LCRP instances use the first M of the paper's five model tiers; --reference-stream\n"
              "draws tasks exactly as the published code (NumPy RandomState) so the paper's instances are rebuilt.";
    c.options = {
        {"--tasks", "N", "lcrp: number of tasks (default 4)"},
        {"--models", "M", "lcrp: number of model tiers, 1..5 (default 3)"},
        {"--budget", "B", "lcrp: budget in USD (default 5 per task)"},
        {"--reference-stream", "", "lcrp: use the NumPy-compatible stream of the published code"},
        {"--nodes", "N", "graphs and qubo: number of vertices / variables"},
        {"--degree", "D", "graphs: random D-regular graph"},
        {"--edge-prob", "P", "graphs: Erdos-Renyi G(N, P)"},
        {"--graph", "SHAPE", "graphs: line or complete (complete with pm1 weights = SK model)"},
        {"--weights", "W", "graphs: unit (default), pm1 or uniform"},
        {"--mis-penalty", "L", "mis: penalty lambda of the QUBO (default 2)"},
        {"--density", "D", "qubo: fraction of pairs with a coefficient (default 0.5)"},
        {"--low", "A", "qubo: smallest coefficient (default -1)"},
        {"--high", "B", "qubo: largest coefficient (default 1)"},
        {"--integer", "", "qubo: integer coefficients"},
        {"--seed", "S", "random seed (default 42 for lcrp, 1 otherwise)"},
        {"--output", "FILE", "output file", "-o"},
        {"--output-format", "FMT", "json, gset, mqlib or bqm (default: from the extension)"},
        {"--json", "", "print a JSON summary instead of a sentence"},
    };
    c.run = runGenerate;
    return c;
}

} // namespace cli
