// SPDX-License-Identifier: MIT
// Initial placements of logical qubits on a device: trivial, Fiedler line, quadratic assignment, noise-aware.
#pragma once

#include "core/run_control.h"
#include "transpile/coupling_graph.h"
#include "transpile/device_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace engine {

/// layout[logical] = physical qubit; injective.
using QubitLayout = std::vector<unsigned>;

/// Which initial layout to use.
enum class LayoutMethod { Trivial, Fiedler, Qap, Noise };
/// "trivial", "fiedler", "qap", "noise".
const char* layoutMethodName(LayoutMethod method) noexcept;
/// Inverse of layoutMethodName; throws Error(InvalidArgument).
LayoutMethod layoutMethodFromName(const std::string& name);

/// The logical interaction graph: one entry per two-qubit term (u != v, both < numLogical; repeats allowed).
struct InteractionGraph {
    unsigned numLogical = 0;
    std::vector<std::pair<unsigned, unsigned>> terms;
};

/// Logical i on physical i. Throws Error(LimitExceeded) when numLogical exceeds the device.
QubitLayout trivialLayout(unsigned numLogical, const CouplingGraph& device);

/// algorithms.md 7.1: order the logical vertices by the Fiedler vector of the unweighted Laplacian (components
/// one after another) and place the k-th on path[k]. `path` must be a simple path of the device with at least
/// numLogical qubits (throws Error(InvalidArgument) otherwise; Error(LimitExceeded) when it is too short).
/// A path of the device is found by longSimplePath when `path` is empty.
QubitLayout fiedlerLayout(const InteractionGraph& graph, const CouplingGraph& device, std::vector<unsigned> path = {});

/// A long simple path of the device: the snake path when the caller has one, else a DFS-based heuristic
/// (deterministic). O(n^2) at most.
std::vector<unsigned> longSimplePath(const CouplingGraph& device);

/// Options of the FAQ quadratic-assignment layout.
struct QapOptions {
    unsigned restarts = 1;        ///< 1 = the barycenter start only; more add randomised starts (seeded)
    unsigned maxIterations = 30;  ///< Frank-Wolfe iterations per start
    double tolerance = 0.05;      ///< stop when ||P_{k+1} - P_k||_F < tolerance
    std::uint64_t seed = 1;
};
/// algorithms.md 7.2: maximise the number of terms that land on couplers by FAQ (Frank-Wolfe on the doubly
/// stochastic relaxation, linear assignment steps, final projection), best over the restarts. O(restarts *
/// iterations * n^3) with n = device qubits; checks `control` between iterations.
QubitLayout qapLayout(const InteractionGraph& graph, const CouplingGraph& device, const QapOptions& options = {},
                      RunControl& control = RunControl::none());

/// Noise-aware placement: grows a connected region from the qubit/coupler of lowest error, placing the logical
/// vertex with the most already-placed neighbours next on the free physical qubit that minimises the summed
/// two-qubit error (plus hop distance) to its placed neighbours plus its readout error, plus one hop for each of
/// its unplaced neighbours that would find no free qubit next to it. Uses device.couplingGraph(true); missing
/// calibration values count as the median of the known ones. Deterministic.
QubitLayout noiseAwareLayout(const InteractionGraph& graph, const DeviceModel& device);

} // namespace engine
