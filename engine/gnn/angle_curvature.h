// SPDX-License-Identifier: MIT
// The curvature of AR* at optimised QAOA angles: the weight of the GNN's curvature-aware training loss.
#pragma once

#include "qaoa/qaoa_angles.h"
#include "qubo/qubo_model.h"

#include <Eigen/Dense>

namespace engine {

/// The quadratic form C with  AR*(a) - AR*(a + d) ~ d^T C d  near optimised angles a, in the GNN's target
/// coordinates d = (delta gamma_k L, delta beta_k), k = 1..p (L = angleScale):
///   C = D H D / (2 (E_max - E_min)),  H the Hessian of <f>(gamma, beta),  D = diag(1/L, .., 1/L, 1, .., 1),
/// with H from central differences (step 1e-4 in target units) of the exact adjoint gradient, symmetrised and
/// projected onto the positive semi-definite cone (negative eigenvalues set to 0: at a saddle or a slightly
/// unconverged label the loss must stay bounded below). Training on d^T C d instead of the squared angle
/// error spends the model's accuracy where AR* is sensitive and ignores flat directions, which is what the
/// Fig. 4 metric measures. Throws Error(InvalidArgument) for empty angles, angleScale <= 0 or
/// energyRange <= 0, and what QaoaSimulator throws. Cost: 4p gradients, O(p^2 n 2^n).
Eigen::MatrixXd arStarCurvature(const QuboModel& qubo, const QaoaAngles& angles, double angleScale,
                                double energyRange, int threads = 1);

} // namespace engine
