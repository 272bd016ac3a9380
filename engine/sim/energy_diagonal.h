// SPDX-License-Identifier: MIT
// Builds the energy of every basis state of a QUBO, the diagonal the QAOA cost phase uses.
#pragma once

#include "qubo/qubo_model.h"
#include "sim/qaoa_kernels.h"

namespace engine {

/// diagonal[z] = qubo.energy(bits of z) for all z in [0, 2^n) (offset included). Incremental: the energy of z
/// is the energy of z without its highest set bit plus that bit's local field, so each state costs O(degree)
/// and the whole build O(2^n * average degree), parallel over blocks. Checks memory first (Error(LimitExceeded)).
template <typename Real>
EnergyDiagonal<Real> buildEnergyDiagonal(const QuboModel& qubo, int threads = 0);

extern template EnergyDiagonal<double> buildEnergyDiagonal<double>(const QuboModel&, int);
extern template EnergyDiagonal<float> buildEnergyDiagonal<float>(const QuboModel&, int);

} // namespace engine
