// SPDX-License-Identifier: MIT
// Routes all p cost layers of a QAOA circuit: initial layout, iterated routing of layer 1, alternating reversal.
#include "transpile/qaoa_routing.h"

#include "core/error.h"

#include <algorithm>
#include <string>

namespace engine {
namespace {

// Whether `path` is a simple path of `device` with at least `length` qubits.
bool isUsablePath(const std::vector<unsigned>& path, const CouplingGraph& device, std::size_t length)
{
    if (path.size() < length)
        return false;
    std::vector<char> seen(device.numQubits(), 0);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] >= device.numQubits() || seen[path[i]])
            return false;
        seen[path[i]] = 1;
        if (i > 0 && !device.areCoupled(path[i - 1], path[i]))
            return false;
    }
    return true;
}

bool better(const RoutedLayer& candidate, const RoutedLayer& incumbent)
{
    return candidate.swaps < incumbent.swaps ||
           (candidate.swaps == incumbent.swaps && candidate.depth < incumbent.depth);
}

} // namespace

QubitLayout qaoaInitialLayout(const DeviceModel& device, const CouplingGraph& coupling, const InteractionGraph& graph,
                              LayoutMethod method, const QapOptions& qap, RunControl& control)
{
    switch (method) {
    case LayoutMethod::Trivial: return trivialLayout(graph.numLogical, coupling);
    case LayoutMethod::Fiedler: {
        // A snake path that crosses a dropped qubit or coupler is no longer a path of the usable graph.
        std::vector<unsigned> path = isUsablePath(device.snakePath, coupling, graph.numLogical)
                                         ? device.snakePath
                                         : longSimplePath(coupling);
        return fiedlerLayout(graph, coupling, std::move(path));
    }
    case LayoutMethod::Qap: return qapLayout(graph, coupling, qap, control);
    case LayoutMethod::Noise: return noiseAwareLayout(graph, device);
    }
    throw Error(ErrorCode::InvalidArgument, "unknown layout method", "layout");
}

RoutedLayer routeLayerIterated(RouterKind router, const CouplingGraph& device,
                               const std::vector<std::pair<unsigned, unsigned>>& terms, const QubitLayout& layout,
                               unsigned iterations, const RoutingOptions& options, RunControl& control)
{
    const unsigned attempts = std::max(1u, iterations);
    RoutedLayer best = routeTerms(router, device, terms, layout, options, control);
    QubitLayout start = best.finalLayout;
    control.reportProgress(1, attempts, "routing");
    for (unsigned i = 1; i < attempts; ++i) {
        if (control.isCancelled())
            break;
        RoutedLayer attempt = routeTerms(router, device, terms, start, options, control);
        start = attempt.finalLayout;
        if (better(attempt, best))
            best = std::move(attempt);
        control.reportProgress(i + 1, attempts, "routing");
    }
    return best;
}

RoutedLayer reversedRoutedLayer(const RoutedLayer& layer)
{
    RoutedLayer reversed;
    reversed.steps.assign(layer.steps.rbegin(), layer.steps.rend());
    reversed.initialLayout = layer.finalLayout;
    reversed.finalLayout = layer.initialLayout;
    reversed.swaps = layer.swaps;
    reversed.mergedSwaps = layer.mergedSwaps;
    scheduleSteps(reversed);
    return reversed;
}

RoutedQaoa routeQaoa(const DeviceModel& device, const InteractionGraph& graph, std::size_t p,
                     const QaoaRoutingOptions& options, RunControl& control)
{
    if (p == 0)
        throw Error(ErrorCode::InvalidArgument, "a QAOA circuit needs at least one layer (p >= 1)", "p");
    if (p > MAX_QAOA_ROUTED_LAYERS)
        throw Error(ErrorCode::LimitExceeded,
                    "p = " + std::to_string(p) + " exceeds the limit of " + std::to_string(MAX_QAOA_ROUTED_LAYERS) +
                        " routed layers",
                    "p");
    const CouplingGraph coupling = device.couplingGraph(true);
    if (graph.numLogical > coupling.numQubits())
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(graph.numLogical) + " logical qubits do not fit on the " +
                        std::to_string(coupling.numQubits()) + "-qubit device " + device.name,
                    "numLogical");
    const QubitLayout layout = qaoaInitialLayout(device, coupling, graph, options.layout, options.qap, control);
    const RoutedLayer first =
        routeLayerIterated(options.router, coupling, graph.terms, layout, options.iterations, options.routing, control);
    const RoutedLayer second = reversedRoutedLayer(first);

    RoutedQaoa result;
    result.layers.reserve(p);
    for (std::size_t k = 0; k < p; ++k) {
        result.layers.push_back(k % 2 == 0 ? first : second);
        result.swaps += first.swaps;
        result.twoQubitGates += first.twoQubitGates();
    }
    result.initialLayout = first.initialLayout;
    result.finalLayout = result.layers.back().finalLayout;
    return result;
}

} // namespace engine
