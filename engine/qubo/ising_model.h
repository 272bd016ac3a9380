// SPDX-License-Identifier: MIT
// The exact Ising form of a QUBO: E(z) = offset + sum h_i z_i + sum_{i<j} J_ij z_i z_j with z_i = 1 - 2 x_i.
#pragma once

#include "core/bits.h"
#include "qubo/qubo_model.h"

#include <vector>

namespace engine {

/// Spins are +1 for bit 0 and -1 for bit 1 (z_i = 1 - 2 x_i), so E(z(x)) = f(x) exactly for every x.
struct IsingModel {
    std::vector<double> h;             ///< h[i]: field on spin i
    std::vector<QuadraticTerm> J;      ///< couplings J_ij with i < j, sorted by (i, j)
    double offset = 0.0;               ///< constant so that energies equal the QUBO's

    std::size_t numSpins() const { return h.size(); }
    /// E(z) for spins in {+1,-1}; O(n + |J|).
    double energy(const std::vector<int>& spins) const;
    /// E(z(x)) evaluated from bits (z_i = 1 - 2 x_i); O(n + |J|).
    double energyOfBits(const Bits& x) const;
};

/// Exact QUBO -> Ising: J_ij = b_ij/4, h_i = -a_i/2 - (1/4) sum_j b_ij, offset = f0 + sum a_i/2 + sum b_ij/4.
IsingModel toIsing(const QuboModel& qubo);
/// Exact Ising -> QUBO: b_ij = 4 J_ij, a_i = -2 h_i - 2 sum_j J_ij, f0 = offset + sum h_i + sum J_ij.
QuboModel toQubo(const IsingModel& ising);

} // namespace engine
