// SPDX-License-Identifier: MIT
// Routers for a set of commuting two-qubit terms (a QAOA cost layer) and for ordered gate sequences.
#pragma once

#include "core/run_control.h"
#include "transpile/coupling_graph.h"
#include "transpile/qubit_layout.h"

#include <cstddef>
#include <string>
#include <vector>

namespace engine {

/// One step of a routed layer, on physical qubits.
struct RoutingStep {
    enum class Kind {
        Swap,         ///< exchange the logical contents of physA and physB
        Term,         ///< execute term `term` (its endpoints sit on physA, physB)
        SwapAndTerm,  ///< a term and a swap on the same pair merged into one 3-CNOT block (algorithms.md 1.4);
                      ///< the contents are exchanged afterwards
    };
    Kind kind = Kind::Swap;
    unsigned physA = 0;
    unsigned physB = 0;
    int term = -1;          ///< index into the routed term list (Term, SwapAndTerm), -1 for Swap
    unsigned timeStep = 0;  ///< layer in the ASAP schedule of the steps (for drawing and depth)
};

/// A routed set of terms: steps in execution order and the layouts before and after.
struct RoutedLayer {
    std::vector<RoutingStep> steps;
    QubitLayout initialLayout;       ///< logical -> physical before the first step
    QubitLayout finalLayout;         ///< logical -> physical after the last step
    std::size_t swaps = 0;           ///< Swap plus SwapAndTerm steps
    std::size_t mergedSwaps = 0;     ///< SwapAndTerm steps
    std::size_t depth = 0;           ///< number of time steps (1 + the largest timeStep), 0 when empty
    std::size_t twoQubitGates() const;  ///< CNOT count: 2 per term, 3 per swap, 3 per merged pair
};

/// Which router.
enum class RouterKind { Greedy, AStar, Sabre };
/// "greedy", "astar", "sabre".
const char* routerKindName(RouterKind kind) noexcept;
/// Inverse of routerKindName; throws Error(InvalidArgument).
RouterKind routerKindFromName(const std::string& name);

/// Router options.
struct RoutingOptions {
    double distanceExponent = 1.0;   ///< q in D = sum d(T)^q (greedy and A*)
    std::size_t beamWidth = 256;     ///< A*: frontier cap kept after each expansion round (0 = unlimited; either
                                     ///< way at most what 256 MiB of search states allow)
    std::size_t maxExpansions = 100000;  ///< A*: node budget; on exhaustion the best node is finished greedily
    double astarHeuristicWeight = 0.5;   ///< A*: f = g + w * D with w = weight * min(1, 3 / mean term degree of
                                         ///< the interaction graph). 1 gives the paper's f = g + D for degree <= 3,
                                         ///< which makes the search greedy (a swap moves two qubits, so D
                                         ///< overestimates about twice, more for denser graphs); 0 is uniform cost
    bool mergeSwapsWithTerms = true; ///< fold a swap adjacent to a pending term on the same pair (SwapAndTerm)
    std::uint64_t seed = 1;          ///< SABRE tie-breaking
    unsigned sabreTrials = 4;        ///< SABRE: seeded trials, best kept
    std::size_t sabreLookahead = 20; ///< SABRE: size of the extended set
    double sabreLookaheadWeight = 0.5;
    double sabreDecay = 0.001;
};

/// Greedy swap network (algorithms.md 7.3): implement every adjacent term, else the swap that lowers D most,
/// else one step along a shortest path of the closest remaining term. `terms` index the logical qubits of
/// `layout`. Throws Error(InvalidArgument) for a layout that is not injective or does not fit the device, a
/// term on a missing logical qubit, or endpoints in different components.
RoutedLayer routeGreedy(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& terms,
                        const QubitLayout& layout, const RoutingOptions& options = {},
                        RunControl& control = RunControl::none());

/// A* over layers of disjoint swaps (algorithms.md 7.4), g = swaps so far, h = D. Successors: every single
/// relevant swap and one greedy maximal set of disjoint swaps that each lower f; f = g + w * h (w from
/// astarHeuristicWeight), ties by smaller h; a state reached twice is kept once (lowest g); the frontier is capped at beamWidth. After
/// maxExpansions expansions, or when cancelled, the best frontier node is finished by the greedy router, so the
/// result is always complete. Deterministic; throws as routeGreedy.
RoutedLayer routeAStar(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& terms,
                       const QubitLayout& layout, const RoutingOptions& options = {},
                       RunControl& control = RunControl::none());

/// SABRE-style routing of an ORDERED gate sequence (gate k depends on the earlier gates sharing a qubit): front
/// layer, extended look-ahead set, decay; best of options.sabreTrials seeded trials. Used for circuits whose gates
/// do not commute, and as the comparison baseline for the QAOA routers (terms in the given order). Scoring and
/// release valve follow Qiskit's LightSABRE defaults (front-layer distance sum plus the weighted mean over the
/// extended set, times the larger decay; after 10 swaps per logical qubit without progress they are undone and the
/// closest front gate is joined along a shortest path). Swaps merge only with a directly adjacent gate.
RoutedLayer routeSabre(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& gates,
                       const QubitLayout& layout, const RoutingOptions& options = {},
                       RunControl& control = RunControl::none());

/// Dispatches on `kind`.
RoutedLayer routeTerms(RouterKind kind, const CouplingGraph& device,
                       const std::vector<std::pair<unsigned, unsigned>>& terms, const QubitLayout& layout,
                       const RoutingOptions& options = {}, RunControl& control = RunControl::none());

/// Recomputes timeStep (ASAP on qubit availability) and depth of `layer`. O(steps).
void scheduleSteps(RoutedLayer& layer);

/// Checks a routed layer by replaying it: every step on a coupler, every term executed exactly once with its
/// endpoints adjacent, finalLayout equal to the replayed layout. Returns an empty string when valid, otherwise
/// what is wrong (tests use it on every router).
std::string checkRoutedLayer(const CouplingGraph& device, const std::vector<std::pair<unsigned, unsigned>>& terms,
                             const RoutedLayer& layer);

} // namespace engine
