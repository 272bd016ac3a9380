// SPDX-License-Identifier: MIT
// The routing benchmark of the warm-starts paper (Fig. 7 and Fig. 20): routers compared on random regular graphs.
#pragma once

#include "core/run_control.h"
#include "transpile/qaoa_routing.h"

#include <cstdint>
#include <string>
#include <vector>

namespace engine {

/// The protocol: for each device, degree and size, `graphsPerSize` random d-regular graphs (seeded), one QAOA
/// layer, each router from the same initial layout (options.layout, iterated options.iterations times).
struct RoutingBenchmarkOptions {
    std::vector<std::string> devices{"grid:12x12", "heavy-hex:heron-r2"};  ///< deviceFromSpec names
    std::vector<unsigned> degrees{3, 5, 7};
    std::vector<unsigned> sizes{20, 30, 40, 50, 60, 70, 80, 90, 100};
    unsigned graphsPerSize = 5;
    std::vector<RouterKind> routers{RouterKind::Greedy, RouterKind::AStar, RouterKind::Sabre};
    LayoutMethod layout = LayoutMethod::Qap;
    unsigned iterations = 1;
    RoutingOptions routing;
    std::uint64_t seed = 2025;
};

/// One routed instance.
struct RoutingBenchmarkRow {
    std::string device;
    unsigned degree = 0;
    unsigned vertices = 0;
    unsigned graphIndex = 0;
    RouterKind router = RouterKind::Greedy;
    std::size_t swaps = 0;
    std::size_t depth = 0;            ///< time steps of the routed layer
    std::size_t twoQubitGates = 0;    ///< CNOT equivalents (merging as options.routing says)
    double seconds = 0.0;             ///< routing time (layout excluded)
};

/// Runs the protocol; rows in (device, degree, size, graph, router) order. Sizes larger than a device are skipped.
/// Progress per instance; on cancel returns the rows done so far.
std::vector<RoutingBenchmarkRow> runRoutingBenchmark(const RoutingBenchmarkOptions& options,
                                                     RunControl& control = RunControl::none());

/// CSV with a header: device,degree,vertices,graph,router,swaps,depth,two_qubit_gates,seconds.
std::string routingBenchmarkCsv(const std::vector<RoutingBenchmarkRow>& rows);

/// Per device and router: mean swaps and mean depth over all rows, and the mean relative swap saving of each
/// router against `baseline` (mean over instances of 1 - swaps / baselineSwaps), as CSV:
/// device,router,instances,mean_swaps,mean_depth,mean_saving_vs_<baseline>.
std::string routingBenchmarkSummaryCsv(const std::vector<RoutingBenchmarkRow>& rows, RouterKind baseline);

} // namespace engine
