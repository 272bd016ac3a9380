// SPDX-License-Identifier: MIT
// QAOA angles in the workbench's canonical convention.
#pragma once

#include <cstddef>
#include <vector>

namespace engine {

/// Angles of a depth-p QAOA in the canonical convention of algorithms.md section 0: minimise H and
///   |psi> = U_M(beta_p) U_C(gamma_p) ... U_M(beta_1) U_C(gamma_1) |psi_0>,
///   U_C(gamma) = exp(-i gamma H),  U_M(beta) = exp(-i beta sum_j X_j) = prod_j RX(2 beta)
/// (for XY mixers U_M(beta) is the chosen XY mixer unitary at angle beta). gammas[k] and betas[k] belong to
/// layer k + 1. Tables in other conventions are converted where they are read.
struct QaoaAngles {
    std::vector<double> gammas;  ///< gamma_1 .. gamma_p
    std::vector<double> betas;   ///< beta_1 .. beta_p

    std::size_t depth() const { return gammas.size(); }
    /// Flattened (gamma_1..gamma_p, beta_1..beta_p), the optimiser's parameter vector.
    std::vector<double> flatten() const
    {
        std::vector<double> x(gammas);
        x.insert(x.end(), betas.begin(), betas.end());
        return x;
    }
    /// Inverse of flatten(); x.size() must be even.
    static QaoaAngles unflatten(const std::vector<double>& x)
    {
        const std::size_t p = x.size() / 2;
        return {std::vector<double>(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(p)),
                std::vector<double>(x.begin() + static_cast<std::ptrdiff_t>(p), x.end())};
    }
};

} // namespace engine
