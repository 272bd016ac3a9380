// SPDX-License-Identifier: MIT
// Solves the dense linear assignment problem (minimum-cost perfect matching of a square cost matrix).
#pragma once

#include <vector>

namespace engine {

/// For an n x n row-major cost matrix returns assignment[row] = column minimising the summed cost, exactly
/// (shortest augmenting paths, Jonker-Volgenant style). O(n^3). Throws Error(InvalidArgument) when the size is
/// not a square or an entry is not finite.
std::vector<unsigned> solveLinearAssignment(const std::vector<double>& cost, unsigned n);

} // namespace engine
