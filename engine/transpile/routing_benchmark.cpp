// SPDX-License-Identifier: MIT
// The routing benchmark of the warm-starts paper (Fig. 7 and Fig. 20): routers compared on random regular graphs.
#include "transpile/routing_benchmark.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "transpile/device_catalog.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>

namespace engine {
namespace {

// Guards against runaway protocols from command-line input.
constexpr unsigned MAX_GRAPHS_PER_SIZE = 10000;

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// The same graphs on every device: the seed depends on the protocol seed, degree, size and index only.
std::uint64_t graphSeed(std::uint64_t seed, unsigned degree, unsigned vertices, unsigned index)
{
    return mix(mix(mix(mix(seed) ^ degree) ^ vertices) ^ index);
}

bool validInstance(unsigned degree, unsigned vertices, unsigned numQubits)
{
    return vertices <= numQubits && degree < vertices && (std::size_t{degree} * vertices) % 2 == 0;
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string formatNumber(const char* format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

} // namespace

std::vector<RoutingBenchmarkRow> runRoutingBenchmark(const RoutingBenchmarkOptions& options, RunControl& control)
{
    if (options.graphsPerSize > MAX_GRAPHS_PER_SIZE)
        throw Error(ErrorCode::LimitExceeded,
                    "at most " + std::to_string(MAX_GRAPHS_PER_SIZE) + " graphs per size, got " +
                        std::to_string(options.graphsPerSize),
                    "graphsPerSize");
    std::vector<DeviceModel> devices;
    std::vector<CouplingGraph> couplings;
    for (const std::string& spec : options.devices) {
        devices.push_back(deviceFromSpec(spec));
        couplings.push_back(devices.back().couplingGraph(true));
    }
    double total = 0.0;
    for (const CouplingGraph& coupling : couplings) {
        for (unsigned degree : options.degrees) {
            for (unsigned vertices : options.sizes) {
                if (validInstance(degree, vertices, coupling.numQubits()))
                    total += options.graphsPerSize;
            }
        }
    }

    std::vector<RoutingBenchmarkRow> rows;
    double done = 0.0;
    for (std::size_t dev = 0; dev < devices.size(); ++dev) {
        const CouplingGraph& coupling = couplings[dev];
        for (unsigned degree : options.degrees) {
            for (unsigned vertices : options.sizes) {
                if (!validInstance(degree, vertices, coupling.numQubits()))
                    continue;
                for (unsigned index = 0; index < options.graphsPerSize; ++index) {
                    const WeightedGraph g = randomRegularGraph(vertices, degree, WeightKind::Unit,
                                                               graphSeed(options.seed, degree, vertices, index));
                    InteractionGraph graph;
                    graph.numLogical = vertices;
                    for (const Edge& e : g.edges())
                        graph.terms.emplace_back(e.u, e.v);
                    const QubitLayout layout =
                        qaoaInitialLayout(devices[dev], coupling, graph, options.layout, QapOptions{}, control);
                    std::vector<RoutingBenchmarkRow> instance;
                    for (RouterKind router : options.routers) {
                        const auto start = std::chrono::steady_clock::now();
                        const RoutedLayer layer = routeLayerIterated(router, coupling, graph.terms, layout,
                                                                     options.iterations, options.routing, control);
                        const auto stop = std::chrono::steady_clock::now();
                        RoutingBenchmarkRow row;
                        row.device = options.devices[dev];
                        row.degree = degree;
                        row.vertices = vertices;
                        row.graphIndex = index;
                        row.router = router;
                        row.swaps = layer.swaps;
                        row.depth = layer.depth;
                        row.twoQubitGates = layer.twoQubitGates();
                        row.seconds = std::chrono::duration<double>(stop - start).count();
                        instance.push_back(row);
                    }
                    // A cancel during the instance may have cut a search short: drop the instance.
                    if (control.isCancelled())
                        return rows;
                    rows.insert(rows.end(), instance.begin(), instance.end());
                    control.reportProgress(++done, total, "routing benchmark");
                }
            }
        }
    }
    return rows;
}

std::string routingBenchmarkCsv(const std::vector<RoutingBenchmarkRow>& rows)
{
    std::string csv = "device,degree,vertices,graph,router,swaps,depth,two_qubit_gates,seconds\n";
    for (const RoutingBenchmarkRow& r : rows) {
        csv += csvField(r.device) + ',' + std::to_string(r.degree) + ',' + std::to_string(r.vertices) + ',' +
               std::to_string(r.graphIndex) + ',' + routerKindName(r.router) + ',' + std::to_string(r.swaps) + ',' +
               std::to_string(r.depth) + ',' + std::to_string(r.twoQubitGates) + ',' +
               formatNumber("%.6f", r.seconds) + '\n';
    }
    return csv;
}

std::string routingBenchmarkSummaryCsv(const std::vector<RoutingBenchmarkRow>& rows, RouterKind baseline)
{
    using InstanceKey = std::tuple<std::string, unsigned, unsigned, unsigned>;
    std::map<InstanceKey, std::size_t> baselineSwaps;
    for (const RoutingBenchmarkRow& r : rows) {
        if (r.router == baseline)
            baselineSwaps[{r.device, r.degree, r.vertices, r.graphIndex}] = r.swaps;
    }
    struct Accumulator {
        std::size_t instances = 0;
        double swaps = 0.0;
        double depth = 0.0;
        std::size_t compared = 0;
        double saving = 0.0;
    };
    // Groups in order of first appearance, so the summary follows the protocol's order.
    std::vector<std::pair<std::string, RouterKind>> order;
    std::map<std::pair<std::string, int>, Accumulator> groups;
    for (const RoutingBenchmarkRow& r : rows) {
        const auto key = std::make_pair(r.device, static_cast<int>(r.router));
        if (groups.find(key) == groups.end())
            order.emplace_back(r.device, r.router);
        Accumulator& acc = groups[key];
        ++acc.instances;
        acc.swaps += static_cast<double>(r.swaps);
        acc.depth += static_cast<double>(r.depth);
        const auto it = baselineSwaps.find({r.device, r.degree, r.vertices, r.graphIndex});
        // Instances the baseline routes without swaps have no relative saving.
        if (it != baselineSwaps.end() && it->second > 0) {
            ++acc.compared;
            acc.saving += 1.0 - static_cast<double>(r.swaps) / static_cast<double>(it->second);
        }
    }
    std::string csv = std::string("device,router,instances,mean_swaps,mean_depth,mean_saving_vs_") +
                      routerKindName(baseline) + '\n';
    for (const auto& [device, router] : order) {
        const Accumulator& acc = groups[{device, static_cast<int>(router)}];
        const double n = static_cast<double>(acc.instances);
        csv += csvField(device) + ',' + routerKindName(router) + ',' + std::to_string(acc.instances) + ',' +
               formatNumber("%.3f", acc.swaps / n) + ',' + formatNumber("%.3f", acc.depth / n) + ',' +
               (acc.compared > 0 ? formatNumber("%.4f", acc.saving / static_cast<double>(acc.compared)) : "") + '\n';
    }
    return csv;
}

} // namespace engine
