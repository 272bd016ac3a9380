// SPDX-License-Identifier: MIT
// Routes all p cost layers of a QAOA circuit: layout iteration, alternating layer order, final permutation.
#pragma once

#include "transpile/swap_routing.h"

#include <vector>

namespace engine {

/// Most cost layers routeQaoa builds (each is a copy of layer 1 or its reverse).
constexpr std::size_t MAX_QAOA_ROUTED_LAYERS = 100000;

/// Options for routing a whole QAOA circuit.
struct QaoaRoutingOptions {
    LayoutMethod layout = LayoutMethod::Qap;
    RouterKind router = RouterKind::AStar;
    unsigned iterations = 1;      ///< route layer 1 this many times, each from the previous final layout; keep
                                  ///< the attempt with the fewest swaps (ties: lower depth)
    RoutingOptions routing;
    QapOptions qap;
};

/// p routed layers. Layer 1 is routed; layer 2 runs layer 1's steps in reverse order (the terms commute, the
/// reversed swaps bring every qubit home), layer 3 equals layer 1, and so on. So for even p the final layout is
/// the initial one, and for odd p it is layer 1's final layout: the measured bits are relabelled with it.
struct RoutedQaoa {
    std::vector<RoutedLayer> layers;  ///< p entries
    QubitLayout initialLayout;        ///< logical -> physical at the start
    QubitLayout finalLayout;          ///< logical -> physical at measurement
    std::size_t swaps = 0;            ///< over all layers
    std::size_t twoQubitGates = 0;    ///< over all layers (CNOT equivalents, routing.mergeSwapsWithTerms applied)
};

/// The initial layout routeQaoa starts from: trivial; Fiedler on device.snakePath when it is a simple path of
/// `coupling` long enough, else on longSimplePath(coupling); FAQ on `coupling` with `qap`; or
/// noiseAwareLayout(device). `coupling` is device.couplingGraph(true). Throws as the chosen layout does.
QubitLayout qaoaInitialLayout(const DeviceModel& device, const CouplingGraph& coupling, const InteractionGraph& graph,
                              LayoutMethod method, const QapOptions& qap = {}, RunControl& control = RunControl::none());

/// Routes one layer of `terms` `iterations` times (0 counts as 1), each attempt starting from the previous
/// attempt's final layout, and returns the attempt with the fewest swaps (ties: lower depth, then earlier).
/// Reports progress per attempt; when cancelled it returns the best attempt so far (at least one runs).
RoutedLayer routeLayerIterated(RouterKind router, const CouplingGraph& device,
                               const std::vector<std::pair<unsigned, unsigned>>& terms, const QubitLayout& layout,
                               unsigned iterations, const RoutingOptions& options = {},
                               RunControl& control = RunControl::none());

/// Layer 1 run backwards: the steps in reverse order, initial and final layouts exchanged, rescheduled. Valid for
/// commuting terms (every term still meets its partner on the same coupler). O(steps).
RoutedLayer reversedRoutedLayer(const RoutedLayer& layer);

/// Routes p >= 1 layers of `terms` on `device` (the device model supplies the snake path and the noise data the
/// layouts use). Throws Error(InvalidArgument) for p = 0 and Error(LimitExceeded) when the logical qubits do not
/// fit or p > MAX_QAOA_ROUTED_LAYERS. Reports progress per iteration and stops early (best so far) when cancelled.
RoutedQaoa routeQaoa(const DeviceModel& device, const InteractionGraph& graph, std::size_t p,
                     const QaoaRoutingOptions& options = {}, RunControl& control = RunControl::none());

} // namespace engine
