// SPDX-License-Identifier: MIT
// `qaoa-cli generate lcrp|maxcut|mis|qubo|swap-heavy-hex`: random instances written to a file or stdout.
#include "cli_app.h"
#include "cli_output.h"

#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "core/error.h"
#include "graph/graph_generators.h"
#include "io/atomic_file.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"
#include "qaoa/angle_rules.h"
#include "qubo/qubo_generator.h"
#include "transpile/device_catalog.h"
#include "transpile/swap_enhanced_instance.h"

#include <charconv>
#include <ostream>

namespace cli {

namespace {

using engine::Error;
using engine::ErrorCode;

constexpr long long MAX_GENERATED_VARIABLES = 100000;
/// Largest QAOA depth of a written swap-merged schedule.
constexpr long long MAX_SCHEDULE_DEPTH = 64;

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

/// A non-negative integer item of a list option ("17" in "--subset 3,17"), named in errors.
unsigned listQubit(const std::string& item, const std::string& option)
{
    unsigned value = 0;
    const char* end = item.data() + item.size();
    const auto [ptr, ec] = std::from_chars(item.data(), end, value);
    if (ec != std::errc() || ptr != end)
        throw Error(ErrorCode::InvalidArgument, std::string("'") + item + "' is not a qubit number", option);
    return value;
}

/// The generator's options from --preset, --qubits or --subset (exactly one) and their companions.
engine::SwapEnhancedOptions swapOptionsFromArgs(const ParsedArgs& args, std::string& label)
{
    const int shapes = int(args.has("--preset")) + int(args.has("--qubits")) + int(args.has("--subset"));
    if (shapes != 1)
        throw Error(ErrorCode::InvalidArgument, "give exactly one of --preset 24|41, --qubits N or --subset LIST",
                    "--preset");
    if (args.has("--preset")) {
        for (const char* other : {"--seed", "--seed-qubit", "--edges", "--swaps"})
            if (args.has(other))
                throw Error(ErrorCode::InvalidArgument, "a preset fixes the subset, swaps and seed; use --instance K",
                            other);
        const auto preset = engine::swapEnhancedPresetFromVertices(
            static_cast<unsigned>(std::stoi(args.choice("--preset", "24", {"24", "41"}))));
        const std::uint64_t k = static_cast<std::uint64_t>(args.integer("--instance", 1, 1, 4294967295LL));
        label = std::string("preset ") + std::to_string(engine::swapEnhancedPresetVertices(preset)) + ", instance "
                + std::to_string(k);
        return engine::swapEnhancedPresetOptions(preset, k);
    }
    if (args.has("--instance"))
        throw Error(ErrorCode::InvalidArgument, "--instance selects a preset's weight set; use --seed S", "--instance");
    engine::SwapEnhancedOptions o;
    if (args.has("--qubits")) {
        o.numVertices = static_cast<unsigned>(args.integer("--qubits", 24, 1, engine::MAX_DEVICE_QUBITS));
        o.seedQubit = static_cast<unsigned>(args.integer("--seed-qubit", 0, 0, engine::MAX_DEVICE_QUBITS - 1));
    } else {
        if (args.has("--seed-qubit"))
            throw Error(ErrorCode::InvalidArgument, "--seed-qubit applies to --qubits N", "--seed-qubit");
        for (const std::string& item : args.list("--subset"))
            o.qubits.push_back(listQubit(item, "--subset"));
    }
    o.targetEdges = static_cast<std::size_t>(args.integer("--edges", 0, 0, 1000000));
    o.weightSeed = args.unsignedInteger("--seed", 1);
    if (args.has("--swaps"))
        for (const std::string& item : args.list("--swaps")) {
            const std::size_t dash = item.find('-');
            if (dash == std::string::npos)
                throw Error(ErrorCode::InvalidArgument, std::string("'") + item + "' is not a coupler A-B", "--swaps");
            o.swapCouplers.emplace_back(listQubit(item.substr(0, dash), "--swaps"),
                                        listQubit(item.substr(dash + 1), "--swaps"));
        }
    label = std::string("custom, weight seed ") + std::to_string(o.weightSeed);
    return o;
}

nlohmann::json pairsJson(const std::vector<std::pair<unsigned, unsigned>>& pairs, const std::vector<unsigned>& map)
{
    nlohmann::json a = nlohmann::json::array();
    for (const auto& [u, v] : pairs)
        a.push_back({map[u], map[v]});
    return a;
}

/// `generate swap-heavy-hex`: the instance (to -o or stdout), the schedule (--circuit) and the router comparison.
void runSwapHeavyHex(const ParsedArgs& args, std::ostream& out)
{
    const bool wantsCircuit = args.has("--circuit");
    const bool compare = args.has("--compare-router");
    for (const char* option : {"--depth", "--gammas", "--betas"})
        if (args.has(option) && !wantsCircuit && !compare)
            throw Error(ErrorCode::InvalidArgument, "applies to the schedule; give --circuit FILE.qasm", option);
    const engine::DeviceModel device = engine::deviceFromSpec(args.text("--device", "torino"));
    std::string label;
    const engine::SwapEnhancedOptions options = swapOptionsFromArgs(args, label);
    engine::SwapEnhancedInstance generated = engine::generateSwapEnhancedInstance(device, options);
    engine::GraphInstance instance;
    instance.name = std::string("swap-enhanced heavy-hex on ") + device.name + " (" + label + ")";
    instance.graph = generated.graph;
    instance.problem = engine::GraphProblem::MaxCut;

    nlohmann::json summary{{"kind", "maxcut"},
                           {"name", instance.name},
                           {"device", device.name},
                           {"nodes", generated.graph.numVertices()},
                           {"edges", generated.graph.numEdges()},
                           {"device_edges", generated.numDeviceEdges},
                           {"distance_two_edges", generated.numDistanceTwoEdges()},
                           {"qubits", generated.qubits},
                           {"swap_couplers", pairsJson(generated.swapEdges, generated.qubits)}};
    std::vector<std::string> sentences;
    if (args.has("--output")) {
        const std::string path = args.text("--output");
        const engine::FileFormat format = outputFormat(args, path);
        engine::saveInstance(instance, path, format);
        summary["file"] = path;
        summary["format"] = engine::fileFormatName(format);
        sentences.push_back(std::string("wrote maxcut instance (") + std::to_string(generated.graph.numVertices())
                            + " vertices, " + std::to_string(generated.graph.numEdges()) + " edges) to " + path);
    }

    const auto p = static_cast<std::size_t>(args.integer("--depth", 1, 1, MAX_SCHEDULE_DEPTH));
    if (wantsCircuit) {
        engine::QaoaAngles angles;
        if (args.has("--gammas") || args.has("--betas")) {
            angles.gammas = args.numberList("--gammas");
            angles.betas = args.numberList("--betas");
            if (angles.gammas.size() != p || angles.betas.size() != p)
                throw Error(ErrorCode::InvalidArgument,
                            std::string("--gammas and --betas need exactly p = ") + std::to_string(p) + " angles each",
                            "--gammas");
            summary["angle_rule"] = "given";
        } else {
            angles = engine::maxCutRuleAngles(generated.graph, p);
            summary["angle_rule"] = "balanced";
        }
        const engine::SwapEnhancedSchedule schedule = engine::buildSwapEnhancedSchedule(generated, device, p);
        const std::string path = args.text("--circuit");
        engine::writeFileAtomically(
            path, engine::exportQasm3(schedule.circuit.bound(engine::qaoaCircuitValues(angles.gammas, angles.betas))));
        summary["circuit"] = path;
        summary["depth"] = p;
        summary["gammas"] = angles.gammas;
        summary["betas"] = angles.betas;
        summary["two_qubit_gates"] = schedule.twoQubitGates;
        summary["zz_gates"] = schedule.zzGates;
        summary["merged_swaps"] = schedule.mergedSwaps;
        summary["initial_layout"] = schedule.initialLayout;
        summary["final_layout"] = schedule.finalLayout;
        sentences.push_back(std::string("wrote the swap-merged schedule (p = ") + std::to_string(p) + ", "
                            + std::to_string(schedule.twoQubitGates) + " CNOTs; meas[v] reads vertex v) to " + path);
    }
    if (compare) {
        engine::QaoaRoutingOptions routing;
        routing.router =
            engine::routerKindFromName(args.choice("--compare-router", "astar", {"astar", "greedy", "sabre"}));
        const engine::SwapEnhancedComparison c = engine::compareSwapEnhancedRouting(generated, device, p, routing);
        summary["comparison"] = {{"router", engine::routerKindName(routing.router)},
                                 {"depth", p},
                                 {"schedule_two_qubit_gates", c.scheduleTwoQubitGates},
                                 {"routed_two_qubit_gates", c.routedTwoQubitGates},
                                 {"routed_swaps", c.routedSwaps},
                                 {"placed_two_qubit_gates", c.placedTwoQubitGates},
                                 {"placed_swaps", c.placedSwaps}};
        sentences.push_back(std::string("CNOTs at p = ") + std::to_string(p) + ": schedule "
                            + std::to_string(c.scheduleTwoQubitGates) + ", " + engine::routerKindName(routing.router)
                            + " with QAP layout " + std::to_string(c.routedTwoQubitGates)
                            + ", from the instance's placement " + std::to_string(c.placedTwoQubitGates));
    }

    if (args.flag("--json")) {
        printJson(out, summary);
    } else if (!args.has("--output") && !wantsCircuit && !compare) {
        printJson(out, engine::instanceToJson(instance));
    } else {
        if (!args.has("--output"))
            sentences.insert(sentences.begin(),
                             std::string("generated ") + instance.name + " (no -o: instance not written)");
        for (const std::string& line : sentences)
            out << line << "\n";
    }
}

void runGenerate(const ParsedArgs& args, std::ostream& out)
{
    if (args.positionals.empty())
        throw Error(ErrorCode::InvalidArgument, "missing KIND (lcrp, maxcut, mis, qubo or swap-heavy-hex)", "KIND");
    const std::string kind = args.positionals[0];
    if (kind == "swap-heavy-hex") {
        runSwapHeavyHex(args, out);
        return;
    }
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
        throw Error(ErrorCode::InvalidArgument,
                    std::string("unknown kind '") + kind + "' (expected lcrp, maxcut, mis, qubo or swap-heavy-hex)",
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
    c.summary = "generate a random LCRP, Max-Cut, MIS, QUBO or SWAP-enhanced heavy-hex instance";
    c.usage = "Usage: qaoa-cli generate lcrp   --tasks N --models M --seed S --budget B [--reference-stream] [-o FILE]\n"
              "       qaoa-cli generate maxcut --nodes N (--degree D | --edge-prob P | --graph line|complete)\n"
              "                                [--weights unit|pm1|uniform] [--seed S] [-o FILE]\n"
              "       qaoa-cli generate mis    (as maxcut) [--mis-penalty L]\n"
              "       qaoa-cli generate qubo   --nodes N [--density D] [--low A --high B] [--integer] [--seed S] [-o FILE]\n"
              "       qaoa-cli generate swap-heavy-hex (--preset 24|41 [--instance K] | --qubits N [--seed-qubit Q]\n"
              "                | --subset LIST) [--swaps A-B,...] [--edges M] [--seed S] [--device NAME] [-o FILE]\n"
              "                [--circuit FILE.qasm [--depth P] [--gammas L --betas L]] [--compare-router R]\n\n"
              "Writes the instance to FILE (format from the extension: .json workbench JSON, .gset/.rudy edge\n"
              "list, .qubo/.mqlib MQLib, .bqm.json D-Wave BQM; or --output-format) or, without -o, prints it as\n"
              "workbench JSON. LCRP instances use the first M of the paper's five model tiers; --reference-stream\n"
              "draws tasks exactly as the published code (NumPy RandomState) so the paper's instances are rebuilt.\n"
              "swap-heavy-hex builds the SWAP-enhanced heavy-hex Max-Cut graphs of the Phasecraft paper (App. B):\n"
              "an induced device subgraph plus the distance-two edges that mid-layer swaps make free, weights uniform\n"
              "in [-1, 1]. Presets 24 (40 edges) and 41 (68 edges) grow from qubit 0 of the device (default torino);\n"
              "--instance 1..10 are the paper's ten weight sets. --circuit writes the swap-merged QAOA schedule as\n"
              "OpenQASM 3 on physical qubits with bound angles (balanced rule unless --gammas/--betas); meas[v] holds\n"
              "vertex v, so odd p needs no further relabelling. --compare-router routes the same instance with the\n"
              "generic router (astar, greedy or sabre) and prints both CNOT counts.";
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
        {"--preset", "V", "swap-heavy-hex: the paper's family with 24 or 41 vertices"},
        {"--instance", "K", "swap-heavy-hex: weight set K of a preset (default 1)"},
        {"--device", "NAME", "swap-heavy-hex: device to cut from (default torino; any catalog name or spec)"},
        {"--qubits", "N", "swap-heavy-hex: grow a connected subset of N qubits"},
        {"--seed-qubit", "Q", "swap-heavy-hex: qubit the subset grows from (default 0)"},
        {"--subset", "LIST", "swap-heavy-hex: explicit connected qubit subset, comma-separated"},
        {"--swaps", "LIST", "swap-heavy-hex: explicit swap couplers A-B,C-D (default: chosen)"},
        {"--edges", "M", "swap-heavy-hex: choose swaps giving exactly M edges (default: maximal swap set)"},
        {"--circuit", "FILE", "swap-heavy-hex: write the swap-merged schedule as OpenQASM 3"},
        {"--depth", "P", "swap-heavy-hex: QAOA layers of the schedule (default 1)"},
        {"--gammas", "LIST", "swap-heavy-hex: gamma_1..gamma_p (default: balanced rule)"},
        {"--betas", "LIST", "swap-heavy-hex: beta_1..beta_p (default: balanced rule)"},
        {"--compare-router", "R", "swap-heavy-hex: also route the instance with astar, greedy or sabre"},
    };
    c.run = runGenerate;
    return c;
}

} // namespace cli
