// SPDX-License-Identifier: MIT
// Builds the logical QAOA circuit of an Ising problem with symbolic angles gamma_k and beta_k.
#pragma once

#include "circuit/circuit.h"
#include "qubo/ising_model.h"

#include <cstddef>

namespace engine {

/// Options of the logical QAOA circuit.
struct QaoaCircuitOptions {
    bool measure = true;           ///< end with measureAll("meas")
    bool barriers = false;         ///< a barrier between the layers (for drawing)
    double zeroTolerance = 0.0;    ///< fields and couplings with |value| <= this are left out
};

/// The canonical QAOA circuit (algorithms.md section 1.3) of `ising` with p layers: H on every qubit, then for
/// k = 0..p-1 the cost layer RZ(2 gamma_k h_i) on every qubit with a field and RZZ(2 gamma_k J_ij) on every
/// coupling (in the order of ising.J), and the mixer RX(2 beta_k) on every qubit. Parameters are declared in the
/// order gamma_0, beta_0, gamma_1, beta_1, ... and named "gamma_<k>", "beta_<k>". The offset is a global phase
/// and is dropped. Simulating it gives the same state as QaoaSimulator with the X ansatz up to a global phase.
/// Throws Error(InvalidArgument) for p = 0 or an empty model.
Circuit buildQaoaCircuit(const IsingModel& ising, std::size_t p, const QaoaCircuitOptions& options = {});

/// The parameter values of buildQaoaCircuit's circuit for the given angles (gamma_0, beta_0, gamma_1, ...).
/// Throws Error(InvalidArgument) when the sizes differ or are 0.
std::vector<double> qaoaCircuitValues(const std::vector<double>& gammas, const std::vector<double>& betas);

} // namespace engine
