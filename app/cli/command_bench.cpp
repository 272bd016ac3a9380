// SPDX-License-Identifier: MIT
// `qaoa-cli bench statevector|routing`: QAOA layer time against a plain memory pass; routers compared on
// random regular graphs (the warm-starts paper's Fig. 7/20 protocol); GNN-predicted against optimised QAOA angles
// (its Fig. 4 protocol).
#include "cli_app.h"
#include "cli_output.h"

#include "core/error.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/gnn_model_file.h"
#include "gnn/gnn_predictor.h"
#include "io/atomic_file.h"
#include "sim/sim_benchmark.h"
#include "transpile/device_catalog.h"
#include "transpile/routing_benchmark.h"

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <iostream>
#include <ostream>
#include <sstream>

namespace cli {

namespace {

/// Options that belong to one benchmark only.
const std::vector<std::string> STATEVECTOR_OPTIONS{"--qubits", "--p", "--threads", "--precision", "--shots"};
const std::vector<std::string> ROUTING_OPTIONS{"--devices", "--degrees", "--sizes",      "--graphs", "--routers",
                                               "--layout",  "--iterations", "--seed", "--output", "--summary"};
const std::vector<std::string> GNN_OPTIONS{"--instances", "--nodes", "--models", "--restarts", "--evaluations"};

void rejectOptions(const ParsedArgs& args, const std::vector<std::string>& names, const std::string& benchmark)
{
    for (const std::string& name : names)
        if (args.has(name))
            throw engine::Error(engine::ErrorCode::InvalidArgument, "applies to 'bench " + benchmark + "' only", name);
}

std::vector<unsigned> unsignedList(const ParsedArgs& args, const std::string& name, unsigned min, unsigned max)
{
    std::vector<unsigned> values;
    for (const std::string& item : args.list(name)) {
        unsigned value = 0;
        const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (ec != std::errc() || ptr != item.data() + item.size() || value < min || value > max)
            throw engine::Error(engine::ErrorCode::InvalidArgument,
                                "'" + item + "' is not an integer in [" + std::to_string(min) + ", "
                                    + std::to_string(max) + "]",
                                name);
        values.push_back(value);
    }
    return values;
}

/// CSV text with a header line as an array of objects (numbers where a cell parses as one).
nlohmann::json csvJson(const std::string& csv)
{
    auto cells = [](const std::string& line) {
        std::vector<std::string> out;
        std::string cell;
        std::istringstream stream(line);
        while (std::getline(stream, cell, ','))
            out.push_back(cell);
        return out;
    };
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);
    const std::vector<std::string> header = cells(line);
    nlohmann::json rows = nlohmann::json::array();
    while (std::getline(lines, line)) {
        if (line.empty())
            continue;
        const std::vector<std::string> values = cells(line);
        nlohmann::json row = nlohmann::json::object();
        for (std::size_t k = 0; k < header.size() && k < values.size(); ++k) {
            double number = 0.0;
            const std::string& v = values[k];
            const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
            if (!v.empty() && ec == std::errc() && ptr == v.data() + v.size())
                row[header[k]] = number;
            else
                row[header[k]] = v;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// "A:B", "A..B" or "A" as an inclusive range inside [min, max].
std::pair<std::size_t, std::size_t> sizeRange(const ParsedArgs& args, const std::string& name, std::size_t lo,
                                              std::size_t hi, std::size_t min, std::size_t max)
{
    if (!args.has(name))
        return {lo, hi};
    const std::string text = args.text(name);
    const std::size_t dots = text.find("..");
    const std::size_t colon = text.find(':');
    const std::size_t split = dots != std::string::npos ? dots : colon;
    const std::size_t width = dots != std::string::npos ? 2 : 1;
    auto parse = [&](const std::string& item) {
        std::size_t value = 0;
        const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (ec != std::errc() || ptr != item.data() + item.size())
            throw engine::Error(engine::ErrorCode::InvalidArgument, "'" + text + "' is not a range A:B", name);
        return value;
    };
    const std::size_t a = parse(split == std::string::npos ? text : text.substr(0, split));
    const std::size_t b = split == std::string::npos ? a : parse(text.substr(split + width));
    if (a > b || a < min || b > max)
        throw engine::Error(engine::ErrorCode::InvalidArgument,
                            "'" + text + "' is not a range inside " + std::to_string(min) + ".." + std::to_string(max),
                            name);
    return {a, b};
}

nlohmann::json gnnSummaryJson(const engine::GnnDifferenceSummary& s)
{
    return {{"count", s.count}, {"median", s.median}, {"q1", s.lowerQuartile}, {"q3", s.upperQuartile},
            {"min", s.minimum}, {"max", s.maximum},   {"mean", s.mean}};
}

void runGnnBench(const ParsedArgs& args, std::ostream& out)
{
    rejectOptions(args, {"--qubits", "--precision", "--shots"}, "statevector");
    rejectOptions(args, {"--devices", "--degrees", "--sizes", "--graphs", "--routers", "--layout", "--iterations",
                         "--summary"},
                  "routing");
    engine::GnnBenchmarkOptions o;  // defaults: the full Fig. 4 protocol
    o.instances = static_cast<std::uint64_t>(args.integer("--instances", 250, 1, 1000000));
    std::tie(o.minNodes, o.maxNodes) = sizeRange(args, "--nodes", 20, 25, 2, 30);
    const auto [pLow, pHigh] = sizeRange(args, "--p", engine::MIN_GNN_DEPTH, engine::MAX_GNN_DEPTH, 1, 16);
    o.depths.clear();
    for (std::size_t p = pLow; p <= pHigh; ++p)
        o.depths.push_back(p);
    o.seed = args.unsignedInteger("--seed", o.seed);
    o.threads = static_cast<int>(args.integer("--threads", 1, 1, 1024));
    o.chain.restarts = static_cast<int>(args.integer("--restarts", o.chain.restarts, 0, 100));
    o.chain.maxEvaluations = static_cast<int>(args.integer("--evaluations", o.chain.maxEvaluations, 1, 100000));
    engine::QuboAnglePredictor predictor = engine::predictGnnAngles;
    const std::string models = args.text("--models", "shipped");
    if (args.has("--models")) {
        const std::vector<std::string> dirs = args.list("--models");
        predictor = engine::gnnPredictorFromDirectories({dirs.begin(), dirs.end()}, o.depths);
    } else {
        for (std::size_t p : o.depths)
            (void)engine::shippedGnnAngleModel(p);  // a missing model fails now, not after the first optimisation
    }
    engine::RunControl control;
    if (!args.flag("--json"))
        control.setProgressCallback([](double done, double total, std::string_view) {
            std::cerr << "bench gnn: " << done << " / " << total << " instances" << std::endl;
        });
    const engine::GnnComparison c = engine::runGnnBenchmark(o, predictor, control);
    std::string csv = "index,n,family,edge_probability,p,ar_optimized,ar_gnn,difference\n";
    std::ostringstream rows;
    rows << std::setprecision(10);
    for (const engine::GnnComparisonRow& r : c.rows)
        rows << r.index << ',' << r.numNodes << ',' << r.family << ',' << r.edgeProbability << ',' << r.depth << ','
             << r.arOptimized << ',' << r.arGnn << ',' << r.difference << '\n';
    csv += rows.str();
    if (args.has("--output"))
        engine::writeFileAtomically(args.text("--output"), csv);
    const double perInstance = c.seconds * static_cast<double>(o.threads) / static_cast<double>(o.instances);
    if (args.flag("--json")) {
        nlohmann::json perDepth = nlohmann::json::object();
        for (const auto& [p, s] : c.perDepth)
            perDepth[std::to_string(p)] = gnnSummaryJson(s);
        printJson(out, {{"benchmark", "gnn"},
                        {"difference", "AR*(optimised) - AR*(gnn)"},
                        {"instances", o.instances},
                        {"nodes", {o.minNodes, o.maxNodes}},
                        {"seed", o.seed},
                        {"models", models},
                        {"restarts", o.chain.restarts},
                        {"per_p", perDepth},
                        {"overall", gnnSummaryJson(c.overall)},
                        {"seconds", c.seconds},
                        {"cpu_seconds_per_instance", perInstance},
                        {"rows", csvJson(csv)}});
        return;
    }
    if (!args.has("--output"))
        out << csv << "\n";
    out << std::setprecision(4) << "AR*(optimised) - AR*(gnn), " << o.instances << " instances, N = " << o.minNodes
        << ".." << o.maxNodes << ", seed " << o.seed << ", models " << models << ":\n";
    auto line = [&out](const std::string& label, const engine::GnnDifferenceSummary& s) {
        out << "  " << label << ": median " << s.median << ", quartiles [" << s.lowerQuartile << ", "
            << s.upperQuartile << "], min " << s.minimum << ", max " << s.maximum << " (n = " << s.count << ")\n";
    };
    for (const auto& [p, s] : c.perDepth)
        line("p = " + std::to_string(p), s);
    line("all", c.overall);
    out << "  " << c.seconds << " s (" << perInstance << " CPU s per instance)\n";
}

void runRoutingBench(const ParsedArgs& args, std::ostream& out)
{
    rejectOptions(args, STATEVECTOR_OPTIONS, "statevector");
    rejectOptions(args, GNN_OPTIONS, "gnn");
    engine::RoutingBenchmarkOptions o;  // defaults: the full Fig. 7/20 protocol
    if (args.has("--devices")) {
        o.devices = args.list("--devices");
        for (const std::string& spec : o.devices) {
            try {
                (void)engine::deviceFromSpec(spec);
            } catch (const engine::Error& e) {
                throw engine::Error(e.code(), e.detail(), "--devices");
            }
        }
    }
    if (args.has("--degrees"))
        o.degrees = unsignedList(args, "--degrees", 1, 64);
    if (args.has("--sizes"))
        o.sizes = unsignedList(args, "--sizes", 2, 4096);
    o.graphsPerSize = static_cast<unsigned>(args.integer("--graphs", o.graphsPerSize, 1, 10000));
    if (args.has("--routers")) {
        o.routers.clear();
        for (const std::string& name : args.list("--routers")) {
            try {
                o.routers.push_back(engine::routerKindFromName(name));
            } catch (const engine::Error& e) {
                throw engine::Error(engine::ErrorCode::InvalidArgument, e.detail(), "--routers");
            }
        }
    }
    o.layout = engine::layoutMethodFromName(args.choice("--layout", "qap", {"trivial", "fiedler", "qap", "noise"}));
    o.iterations = static_cast<unsigned>(args.integer("--iterations", o.iterations, 1, 1000));
    o.seed = args.unsignedInteger("--seed", o.seed);
    o.routing.seed = o.seed;

    const std::vector<engine::RoutingBenchmarkRow> rows = engine::runRoutingBenchmark(o);
    // Savings are reported against SABRE (the paper's LightSABRE baseline) when it ran.
    const engine::RouterKind baseline =
        std::find(o.routers.begin(), o.routers.end(), engine::RouterKind::Sabre) != o.routers.end()
            ? engine::RouterKind::Sabre
            : o.routers.front();
    const std::string csv = engine::routingBenchmarkCsv(rows);
    const std::string summary = engine::routingBenchmarkSummaryCsv(rows, baseline);
    if (args.has("--output"))
        engine::writeFileAtomically(args.text("--output"), csv);
    if (args.has("--summary"))
        engine::writeFileAtomically(args.text("--summary"), summary);
    if (args.flag("--json")) {
        printJson(out, {{"benchmark", "routing"},
                        {"layout", engine::layoutMethodName(o.layout)},
                        {"iterations", o.iterations},
                        {"seed", o.seed},
                        {"baseline", engine::routerKindName(baseline)},
                        {"rows", csvJson(csv)},
                        {"summary", csvJson(summary)}});
        return;
    }
    if (!args.has("--output"))
        out << csv;
    if (!args.has("--summary"))
        out << (args.has("--output") ? "" : "\n") << summary;
}

void runBench(const ParsedArgs& args, std::ostream& out)
{
    const std::string what = args.positionals.empty() ? std::string() : args.positionals[0];
    if (what == "routing") {
        runRoutingBench(args, out);
        return;
    }
    if (what == "gnn") {
        runGnnBench(args, out);
        return;
    }
    if (what != "statevector")
        throw engine::Error(engine::ErrorCode::InvalidArgument,
                            what.empty() ? "missing benchmark name (statevector, routing or gnn)"
                                         : "unknown benchmark '" + what + "' (expected statevector, routing or gnn)",
                            "BENCHMARK");
    rejectOptions(args, ROUTING_OPTIONS, "routing");
    rejectOptions(args, GNN_OPTIONS, "gnn");
    const auto n = static_cast<unsigned>(args.integer("--qubits", 24, 4, engine::MAX_STATE_VECTOR_QUBITS));
    const auto p = static_cast<unsigned>(args.integer("--p", 3, 1, 64));
    const int threads = static_cast<int>(args.integer("--threads", 0, 0, 1024));
    const engine::Precision precision =
        engine::precisionFromName(args.choice("--precision", "double", {"double", "single"}));
    const std::uint64_t shots = args.unsignedInteger("--shots", 0);

    const engine::SimBenchmarkResult r = engine::runSimBenchmark(n, p, threads, precision);
    nlohmann::json j{{"benchmark", "statevector"},
                     {"qubits", r.numQubits},
                     {"p", r.layers},
                     {"threads", r.threads},
                     {"precision", engine::precisionName(r.precision)},
                     {"simd", r.simdLevel},
                     {"pass_seconds", r.passSeconds},
                     {"pass_gb_per_second", r.passGigabytesPerSecond},
                     {"layer_seconds", r.layerSeconds},
                     {"layer_over_pass", r.layerOverPass},
                     {"circuit_seconds", r.layerSeconds * r.layers},
                     {"diagonal_seconds", r.diagonalSeconds}};
    if (shots > 0) {
        j["shots"] = shots;
        j["sampling_seconds"] = engine::benchmarkSampling(n, shots);
    }
    if (args.flag("--json")) {
        printJson(out, j);
        return;
    }
    out << std::setprecision(4) << "statevector, n = " << r.numQubits << ", " << engine::precisionName(r.precision)
        << ", " << r.threads << " threads, kernels " << r.simdLevel << "\n"
        << "  plain read-and-write pass: " << r.passSeconds << " s (" << r.passGigabytesPerSecond << " GB/s)\n"
        << "  QAOA layer:                " << r.layerSeconds << " s = " << r.layerOverPass << " passes\n"
        << "  p = " << r.layers << " circuit:             " << r.layerSeconds * r.layers << " s\n"
        << "  energy diagonal (once):    " << r.diagonalSeconds << " s\n";
    if (shots > 0)
        out << "  sampling " << shots << " shots:    " << j["sampling_seconds"].get<double>() << " s\n";
}

} // namespace

Command makeBenchCommand()
{
    Command c;
    c.name = "bench";
    c.summary = "benchmarks: statevector layer time; routers on random regular graphs; GNN angles against optimised";
    c.usage = "Usage: qaoa-cli bench statevector [--qubits N] [--p P] [--threads T] [--precision double|single]\n"
              "                                  [--shots S] [--json]\n"
              "       qaoa-cli bench routing [--devices D1,D2] [--degrees 3,5,7] [--sizes 20,30,..] [--graphs N]\n"
              "                              [--routers greedy,astar,sabre] [--layout METHOD] [--iterations K]\n"
              "                              [--seed S] [-o OUT.csv] [--summary OUT.csv] [--json]\n"
              "       qaoa-cli bench gnn [--instances K] [--nodes A:B] [--p 2..6] [--seed S] [--threads T]\n"
              "                          [--restarts R] [--evaluations E] [--models DIR] [-o OUT.csv] [--json]\n\n"
              "statevector times one QAOA layer (cost phase from the precomputed diagonal plus the X mixer) on a\n"
              "random 3-regular Max-Cut instance and, in the same run, one plain read-and-write pass over a state of\n"
              "the same size, and prints their ratio. The diagonal build is timed separately; --shots also times\n"
              "sampling.\n\n"
              "routing routes one QAOA layer of N random d-regular graphs per size with every router from the same\n"
              "initial layout and writes one CSV row per routed instance (swaps, depth, two-qubit gates, seconds)\n"
              "and a summary per device and router with the mean swap saving against sabre. The defaults are the\n"
              "warm-starts paper's Fig. 7/20 protocol: grid:12x12 and heavy-hex:heron-r2, degrees 3, 5, 7, sizes\n"
              "20..100, 5 graphs per size, qap layout.\n\n"
              "gnn compares, on K random Erdos-Renyi QUBOs (N uniform in A..B, the warm-starts paper's weight families),\n"
              "the AR* (Eq. 16, exact extremes over all 2^N states) of optimised angles (INTERP chain with R random\n"
              "restarts, L-BFGS with adjoint gradients, independent of the GNN) with that of the GNN's angles, and prints\n"
              "one CSV row per instance and depth and the median, quartiles and extremes of AR*(opt) - AR*(gnn) per p\n"
              "and overall. The defaults are the paper's Fig. 4 protocol: 250 instances, N = 20..25, p = 2..6. --p here is\n"
              "a range; --models takes gnn-p<p>.json files from DIR instead of the shipped ones (DIR,DIR2,..: the mean\n"
              "prediction of several model sets).";
    c.options = {
        {"--qubits", "N", "number of qubits, even, >= 4 (default 24)"},
        {"--p", "P", "layers of the timed circuit (default 3); gnn: depth range (default 2..6)"},
        {"--threads", "T", "threads (default: all cores); gnn: instances in parallel (default 1)"},
        {"--precision", "P", "double (default) or single"},
        {"--shots", "S", "also time sampling S shots (double precision)"},
        {"--devices", "LIST", "routing: device specs (default grid:12x12,heavy-hex:heron-r2)"},
        {"--degrees", "LIST", "routing: graph degrees (default 3,5,7)"},
        {"--sizes", "LIST", "routing: graph sizes (default 20,30,..,100)"},
        {"--graphs", "N", "routing: random graphs per size (default 5)"},
        {"--routers", "LIST", "routing: greedy, astar, sabre (default all three)"},
        {"--layout", "METHOD", "routing: trivial, fiedler, qap (default) or noise"},
        {"--iterations", "K", "routing: layout refinement iterations (default 1)"},
        {"--seed", "S", "routing, gnn: seed of the graphs (and of SABRE) (default 2025)"},
        {"--output", "OUT", "routing, gnn: write the rows as CSV (default: print them)", "-o"},
        {"--instances", "K", "gnn: random QUBOs (default 250)"},
        {"--nodes", "A:B", "gnn: node range (default 20:25)"},
        {"--restarts", "R", "gnn: random restarts per depth of the optimiser (default 2)"},
        {"--evaluations", "E", "gnn: L-BFGS evaluations per run (default 200)"},
        {"--models", "DIRS", "gnn: model directories, comma-separated (default: the shipped models)"},
        {"--summary", "OUT", "routing: write the summary CSV (default: print it)"},
        {"--json", "", "print one JSON object"},
    };
    c.run = runBench;
    return c;
}

} // namespace cli
