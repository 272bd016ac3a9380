// SPDX-License-Identifier: MIT
// The QAOA fast path: cost phase from an energy diagonal, the X mixer, XY pair rotations.
#pragma once

#include "sim/state_vector.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace engine {

/// Energies of every basis state: `diagonal[z]` = energy of bitstring z (qubit i = bit i of z), stored in the
/// state's precision. Built once per instance and reused by every layer and every optimiser evaluation.
template <typename Real>
using EnergyDiagonal = std::vector<Real>;

/// Cost phase U_C(gamma) = exp(-i gamma H): amplitude[z] *= exp(-i gamma diagonal[z]). O(2^n), parallel.
template <typename Real>
void applyCostPhase(StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, double gamma, int threads = 0);

/// X mixer U_M(beta) = prod_j RX(2 beta) = exp(-i beta sum_j X_j). Cache-blocked: qubits inside a block are
/// applied in one pass over each block, the remaining high qubits in further passes. O(n 2^n) flops, two
/// passes over memory for n <= 27 (double) / 28 (single), three up to 30. Parallel over `threads` (0 = all cores).
template <typename Real>
void applyXMixer(StateVector<Real>& state, double beta, int threads = 0);

/// One full X-mixer QAOA layer U_M(beta) U_C(gamma), with the cost phase fused into the mixer's first pass
/// (about two memory passes instead of three). Equal to applyCostPhase followed by applyXMixer.
template <typename Real>
void applyQaoaLayer(StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, double gamma, double beta,
                    int threads = 0);

/// XY pair rotation exp(-i beta (X_a X_b + Y_a Y_b)) (Hadfield's normalisation, = XY(4 beta) of algorithms.md
/// section 3): on {|01>, |10>} of (a, b) the matrix [[cos 2beta, -i sin 2beta], [-i sin 2beta, cos 2beta]];
/// identity on |00>, |11>. Preserves Hamming weight. O(2^n).
template <typename Real>
void applyXYPair(StateVector<Real>& state, unsigned a, unsigned b, double beta, int threads = 0);

/// <H> = sum_z |amplitude[z]|^2 diagonal[z], accumulated in double. O(2^n), parallel.
template <typename Real>
double expectationOfDiagonal(const StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, int threads = 0);

} // namespace engine
