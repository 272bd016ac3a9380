// SPDX-License-Identifier: MIT
// Runs a circuit on the statevector simulator: final state and the distribution of its measured bits.
#pragma once

#include "circuit/circuit.h"
#include "sim/state_vector.h"

#include <vector>

namespace engine {

/// Largest number of used qubits simulateCircuit accepts (the state is allocated on the used qubits only).
constexpr unsigned MAX_SIMULATED_CIRCUIT_QUBITS = 30;

/// The state after every gate of `circuit` (bound with `values`, one per parameter) applied to |0...0>, on the
/// circuit's USED qubits only: state qubit k is usedQubits()[k] of the circuit. Measurements must come after
/// every gate on their qubit (terminal); they, barriers and trailing resets on |0> are skipped. Throws
/// Error(InvalidArgument) for a mid-circuit measurement or reset, a parameter count mismatch, and
/// Error(LimitExceeded) above MAX_SIMULATED_CIRCUIT_QUBITS used qubits. O(size * 2^used), parallel.
StateVector<double> simulateCircuit(const Circuit& circuit, const std::vector<double>& values = {}, int threads = 0);

/// The exact distribution of the classical bits: entry c is the probability of reading classical index c, where
/// bit k of c is the k-th classical bit in register order (register 0's bit 0 first). Bits never measured read
/// 0. Throws as simulateCircuit, and Error(LimitExceeded) above 30 classical bits.
std::vector<double> measuredDistribution(const Circuit& circuit, const std::vector<double>& values = {},
                                         int threads = 0);

} // namespace engine
