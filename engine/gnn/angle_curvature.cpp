// SPDX-License-Identifier: MIT
// The curvature of AR* at optimised QAOA angles.
#include "gnn/angle_curvature.h"

#include "core/error.h"
#include "qaoa/qaoa_simulation.h"

#include <cmath>

namespace engine {

Eigen::MatrixXd arStarCurvature(const QuboModel& qubo, const QaoaAngles& angles, double angleScale,
                                double energyRange, int threads)
{
    const std::size_t p = angles.depth();
    if (p == 0 || angles.betas.size() != p)
        throw Error(ErrorCode::InvalidArgument, "the curvature needs at least one layer of angles", "angles");
    if (!(angleScale > 0.0) || !(energyRange > 0.0) || !std::isfinite(angleScale) || !std::isfinite(energyRange))
        throw Error(ErrorCode::InvalidArgument, "the angle scale and the energy range must be positive",
                    "angleScale");
    const QaoaSimulator<double> simulator(qubo, threads);
    const auto dims = static_cast<Eigen::Index>(2 * p);
    constexpr double STEP = 1e-4;  // in target units (gamma L, beta)
    // unit[k]: the size of one target unit of coordinate k in the simulator's (gamma, beta).
    auto unit = [&](Eigen::Index k) { return k < static_cast<Eigen::Index>(p) ? 1.0 / angleScale : 1.0; };
    auto gradientAt = [&](Eigen::Index k, double sign) {
        QaoaAngles shifted = angles;
        const auto kk = static_cast<std::size_t>(k);
        (kk < p ? shifted.gammas[kk] : shifted.betas[kk - p]) += sign * STEP * unit(k);
        std::vector<double> g;
        simulator.expectationAndGradient(shifted, g);
        Eigen::VectorXd out(dims);
        for (Eigen::Index j = 0; j < dims; ++j)
            out(j) = g[static_cast<std::size_t>(j)] * unit(j);  // d<f>/d(target j)
        return out;
    };
    Eigen::MatrixXd hessian(dims, dims);
    for (Eigen::Index k = 0; k < dims; ++k)
        hessian.col(k) = (gradientAt(k, 1.0) - gradientAt(k, -1.0)) / (2.0 * STEP);
    hessian = 0.5 * (hessian + hessian.transpose()).eval();
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(hessian);
    const Eigen::VectorXd clipped = eigen.eigenvalues().cwiseMax(0.0);
    return eigen.eigenvectors() * clipped.asDiagonal() * eigen.eigenvectors().transpose() / (2.0 * energyRange);
}

} // namespace engine
