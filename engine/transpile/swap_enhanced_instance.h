// SPDX-License-Identifier: MIT
// SWAP-enhanced heavy-hex Max-Cut instances (Phasecraft App. B) and their swap-merged QAOA schedules.
#pragma once

#include "circuit/circuit.h"
#include "core/run_control.h"
#include "graph/weighted_graph.h"
#include "transpile/device_model.h"
#include "transpile/qaoa_routing.h"
#include "transpile/qubit_layout.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace engine {

/// Most search nodes the exact-edge-count search for swap edges visits before it gives up (Error(Infeasible)).
constexpr std::size_t MAX_SWAP_EDGE_SEARCH_NODES = 1'000'000;
/// Most cost layers a swap-merged schedule builds.
constexpr std::size_t MAX_SWAP_SCHEDULE_DEPTH = 10000;

/// The paper's two families of SWAP-enhanced heavy-hex graphs (Sec. VII.3.2): 24 vertices / 40 edges and
/// 41 vertices / 68 edges.
enum class SwapEnhancedPreset { Vertices24, Vertices41 };

/// How generateSwapEnhancedInstance picks the vertex subset, the swap edges and the weights.
struct SwapEnhancedOptions {
    /// Explicit vertex subset (physical qubits, any order, connected through usable couplers). Empty: grown from
    /// seedQubit to numVertices qubits by growConnectedSubset.
    std::vector<unsigned> qubits;
    unsigned seedQubit = 0;      ///< growth start (qubits empty)
    unsigned numVertices = 0;    ///< growth size (qubits empty); must be >= 1 then
    /// Explicit swap edges as physical couplers (either order). Empty: chosen (see targetEdges).
    std::vector<std::pair<unsigned, unsigned>> swapCouplers;
    /// 0: the maximal greedy swap set (couplers in ascending order, each taken when it adds an edge and keeps the
    /// App. B condition). > 0: a swap set giving exactly this many edges |E'| in all, found by a depth-first search
    /// over the couplers in ascending order (taking a coupler before skipping it).
    std::size_t targetEdges = 0;
    std::uint64_t weightSeed = 1;  ///< weights w = -1 + 2 u, u uniform in [0, 1) from std::mt19937_64(weightSeed)
};

/// A SWAP-enhanced instance G' = (V', E') on a device. Vertex v sits on physical qubit qubits[v] at the start.
/// Edge order in `graph`: the induced device edges first (ascending (u, v)), then the distance-two edges in the
/// order of swapEdges, for swap (i, j): (i, j') for j' in N(j) \ {i} ascending, then (i', j) for i' in N(i) \ {j}.
struct SwapEnhancedInstance {
    std::string name;                   ///< e.g. "swap-enhanced heavy-hex 24v/40e on ibm_torino, weights 3"
    std::string deviceName;             ///< the device it was cut from
    std::vector<unsigned> qubits;       ///< qubits[v] = physical qubit of vertex v, ascending
    WeightedGraph graph;                ///< the Max-Cut instance, weights uniform in [-1, 1)
    std::size_t numDeviceEdges = 0;     ///< |E| of the induced subgraph G (the first edges of graph)
    std::vector<std::pair<unsigned, unsigned>> swapEdges;  ///< E_SWAP as vertex pairs u < v, ascending
    std::uint64_t weightSeed = 1;

    /// |E_new|, the distance-two edges the swaps make implementable.
    std::size_t numDistanceTwoEdges() const { return graph.numEdges() - numDeviceEdges; }
};

/// A connected set of `size` qubits grown from `seed` through `coupling`: starting from {seed}, repeatedly add the
/// frontier qubit with the most neighbours already in the set (closing cycles early gives compact, richer
/// regions), ties by smaller hop distance from the seed, then smaller index. Returned ascending. Throws
/// Error(InvalidArgument) for seed out of range or size 0, Error(LimitExceeded) when the seed's component has
/// fewer than `size` qubits. O(size * n).
std::vector<unsigned> growConnectedSubset(const CouplingGraph& coupling, unsigned seed, unsigned size);

/// Builds G' on `device` (usable couplers, device.couplingGraph(true)) as App. B describes: the induced subgraph
/// G on the vertex subset, swap edges E_SWAP among its edges such that no neighbour (in G) of a swap endpoint is
/// itself a swap endpoint (an induced matching), and for each swap (i, j) the new edges (i, j'), j' in N(j) \ {i},
/// and (i', j), i' in N(i) \ {j} (neighbours within G; pairs already in E are not added twice). Weights are
/// drawn in edge order. Throws Error(InvalidArgument) naming the field for qubits out of range or repeated, a
/// disconnected subset, an explicit swap coupler that is no edge of G or breaks the condition, and
/// Error(Infeasible) when no swap set reaches targetEdges (or the search exceeds MAX_SWAP_EDGE_SEARCH_NODES).
SwapEnhancedInstance generateSwapEnhancedInstance(const DeviceModel& device, const SwapEnhancedOptions& options);

/// The options of a preset: grow from qubit 0 to 24 (40 edges) or 41 (68 edges) vertices over the usable
/// couplers, weights seeded with `instance` (the paper's ten weight sets are instances 1..10). The exact-count
/// search reaches both on every heavy-hex device of the catalog; on the ibm_torino snapshot (qubit 19 unusable) the
/// 24-vertex graph has 24 device edges, 7 swaps and 16 distance-two edges, the 41-vertex one 43 + 25 with 11 swaps
/// (swap_enhanced_instance.test.cpp pins qubits and swaps; the ideal Heron r1 lattice gives 6 and 10 swaps).
SwapEnhancedOptions swapEnhancedPresetOptions(SwapEnhancedPreset preset, std::uint64_t instance);
/// generateSwapEnhancedInstance(device, swapEnhancedPresetOptions(preset, instance)) with the preset's name.
SwapEnhancedInstance swapEnhancedPreset(const DeviceModel& device, SwapEnhancedPreset preset, std::uint64_t instance);
/// 24 or 41; the inverse throws Error(InvalidArgument) for other counts.
unsigned swapEnhancedPresetVertices(SwapEnhancedPreset preset) noexcept;
SwapEnhancedPreset swapEnhancedPresetFromVertices(unsigned vertices);

/// Options of the swap-merged schedule.
struct SwapEnhancedScheduleOptions {
    bool measure = true;    ///< measure vertex v (on finalLayout[v]) into meas[v]: the bit relabelling of odd p
    bool barriers = false;  ///< a barrier between layers (for drawing)
};

/// The swap-merged QAOA circuit of an instance on the device's physical qubits.
struct SwapEnhancedSchedule {
    Circuit circuit;               ///< physical; parameters gamma_0, beta_0, gamma_1, ... as buildQaoaCircuit
    QubitLayout initialLayout;     ///< vertex -> physical qubit at the start (= instance.qubits)
    QubitLayout finalLayout;       ///< vertex -> physical qubit at measurement (the start again for even p)
    std::size_t depth = 0;         ///< p
    std::size_t zzGates = 0;       ///< plain ZZ terms (2 CNOT each), over all layers
    std::size_t mergedSwaps = 0;   ///< ZZ+SWAP blocks (3 CNOT each), over all layers
    std::size_t twoQubitGates = 0; ///< CNOT equivalents: 2 zzGates + 3 mergedSwaps
};

/// The schedule of App. B for p layers on `device` (which must hold every coupler the instance uses): H on every
/// vertex qubit; then layer k = 0, 2, 4, ... runs (1) the ZZ terms of E' \ E_SWAP, (2) the merged ZZ+SWAP blocks
/// CX(a,b) RZ(theta) b CX(b,a) CX(a,b) of E_SWAP (algorithms.md 1.4), (3) the ZZ terms of the distance-two edges,
/// now on couplers; layers k = 1, 3, ... run the same two-qubit sequence reversed, which swaps every qubit
/// home; each layer ends with RX(2 beta_k) on every vertex. Within (1) and (3) the terms are ordered by a greedy
/// coupler colouring (each colour a set of disjoint couplers, couplers ascending), so the two-qubit depth stays
/// near the colour count. ZZ angles are theta = 2 gamma_k J with J = w / 2, the Ising form of encodeMaxCut (the
/// fields vanish), so the circuit's state equals QaoaSimulator's on encodeMaxCut(graph) up to a global phase and
/// the qubit relabelling finalLayout. Throws Error(InvalidArgument) for p = 0, p > MAX_SWAP_SCHEDULE_DEPTH, or an
/// instance that does not fit `device`.
SwapEnhancedSchedule buildSwapEnhancedSchedule(const SwapEnhancedInstance& instance, const DeviceModel& device,
                                               std::size_t p, const SwapEnhancedScheduleOptions& options = {});

/// CNOT counts of the schedule against the generic QAOA router on the same instance and device.
struct SwapEnhancedComparison {
    std::size_t scheduleTwoQubitGates = 0;  ///< buildSwapEnhancedSchedule's count
    std::size_t routedTwoQubitGates = 0;    ///< routeQaoa with the given options (layout method, router)
    std::size_t routedSwaps = 0;            ///< swaps the router inserted, over all layers
    std::size_t placedTwoQubitGates = 0;    ///< one layer routed from the instance's own placement, times p
    std::size_t placedSwaps = 0;            ///< swaps of that routing, times p
};

/// Routes the instance's edges with routeQaoa(device, ..., p, routing) and, separately, one layer from the
/// natural placement (vertex v on qubits[v]) with routeLayerIterated (times p: the layers alternate), and
/// compares both with the schedule's CNOT count. Throws as those functions; cancellation returns their best.
SwapEnhancedComparison compareSwapEnhancedRouting(const SwapEnhancedInstance& instance, const DeviceModel& device,
                                                  std::size_t p, const QaoaRoutingOptions& routing = {},
                                                  RunControl& control = RunControl::none());

} // namespace engine
