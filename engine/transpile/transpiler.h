// SPDX-License-Identifier: MIT
// The whole transpilation: logical circuit or QAOA instance to a routed, native, verified ISA circuit.
#pragma once

#include "circuit/circuit.h"
#include "core/run_control.h"
#include "qubo/ising_model.h"
#include "transpile/basis_translation.h"
#include "transpile/qaoa_routing.h"

#include <cstddef>
#include <string>
#include <vector>

namespace engine {

/// Options of a transpilation.
struct TranspileOptions {
    LayoutMethod layout = LayoutMethod::Qap;
    RouterKind router = RouterKind::AStar;  ///< for QAOA circuits; general circuits always use SABRE
    unsigned iterations = 1;
    RoutingOptions routing;
    QapOptions qap;
    BasisTranslationOptions basis;
    bool measure = true;                    ///< QAOA: measure every logical qubit into meas[logical]
    /// When not empty, one value per parameter of the logical circuit (QAOA: gamma_0, beta_0, gamma_1, ...): the
    /// routed circuit is bound before basis translation, so `isa` has no parameters and bound ZZ angles can use
    /// basis.fractionalRzz. `logical` and `routed` stay symbolic. A size mismatch throws Error(InvalidArgument).
    std::vector<double> parameterValues;
};

/// The result and its figures (the JSON of `qaoa-cli transpile`).
struct TranspileResult {
    Circuit logical;                   ///< the circuit before layout
    Circuit routed;                    ///< on physical qubits with swaps, before basis translation (for the viewer)
    Circuit isa;                       ///< native gates on coupled pairs only; meas[i] holds logical qubit i
    QubitLayout layout;                ///< logical -> physical at the start
    QubitLayout finalPermutation;      ///< logical -> physical at measurement
    std::vector<RoutedLayer> layers;   ///< QAOA: one per cost layer; general circuits: one for the whole circuit
    std::size_t swaps = 0;
    std::size_t twoQubitGates = 0;     ///< native two-qubit gates in `isa`
    std::size_t depth = 0;             ///< of `isa`
    std::size_t twoQubitDepth = 0;     ///< of `isa`
    double estimatedFidelity = 1.0;    ///< estimateFidelity(isa, device)
    double seconds = 0.0;              ///< wall time of the whole transpilation
};

/// Builds buildQaoaCircuit(ising, p) and transpiles it with the QAOA router (routeQaoa), keeping the symbolic
/// gamma_k, beta_k parameters. Throws Error(LimitExceeded) when the problem has more variables than the device's
/// usable qubits.
TranspileResult transpileQaoa(const IsingModel& ising, std::size_t p, const DeviceModel& device,
                              const TranspileOptions& options = {}, RunControl& control = RunControl::none());

/// Transpiles any logical circuit (for example an imported OpenQASM file): layout from its two-qubit
/// interaction graph, SABRE routing of its two-qubit gates in program order, basis translation; measurements
/// are moved to the physical qubit holding their logical qubit. One-qubit operations are re-emitted per qubit in
/// program order before the next two-qubit gate on it; barriers are not kept (they carry no state). With
/// options.iterations = K > 1 the start layout is refined K - 1 times SABRE-style (route the reversed gate list
/// from the last final layout) and the forward routing with the fewest swaps is kept. Throws
/// Error(InvalidArgument) when two different qubits are measured into the same classical bit (their order
/// could not be kept) and Error(LimitExceeded) when the circuit has more qubits than the device can use.
TranspileResult transpileCircuit(const Circuit& logical, const DeviceModel& device,
                                 const TranspileOptions& options = {}, RunControl& control = RunControl::none());

} // namespace engine
