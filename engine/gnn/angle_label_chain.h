// SPDX-License-Identifier: MIT
// Optimised QAOA angles for p = 1..P along one INTERP chain: the consistent labels of the GNN training data.
#pragma once

#include "core/run_control.h"
#include "qaoa/qaoa_angles.h"
#include "qaoa/qaoa_optimizer.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/qubo_model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace engine {

/// Options of optimizeAngleChain.
struct AngleChainOptions {
    std::size_t maxDepth = 6;        ///< P: labels for p = 1..P
    int restarts = 2;                ///< extra L-BFGS runs per depth from random linear-ramp starts (0 = none)
    int maxEvaluations = 200;        ///< L-BFGS evaluations per run
    std::size_t gridGammaSteps = 96; ///< p = 1 grid: gamma * rms in [0, pi] (exact analytic landscape)
    std::size_t gridBetaSteps = 64;  ///< p = 1 grid: beta in [-pi/2, pi/2)
    std::uint64_t seed = 1;          ///< seeds the random restarts
    int threads = 1;                 ///< simulator kernel threads (0 = all cores)
};

/// One depth of the chain.
struct AngleChainLevel {
    QaoaAngles angles;               ///< canonical (canonicalQaoaAngles), gamma in the QUBO's own units
    double expectation = 0.0;        ///< <f> at `angles`
    std::uint64_t evaluations = 0;   ///< optimiser evaluations spent at this depth
};

/// Result of optimizeAngleChain.
struct AngleChainResult {
    std::vector<AngleChainLevel> levels;  ///< levels[p - 1] for p = 1..P (fewer when cancelled)
    double rms = 1.0;                     ///< the Ising rms coefficient (isingRmsCoefficient)
    double minEnergy = 0.0;               ///< smallest f over all 2^n states
    double maxEnergy = 0.0;               ///< largest f over all 2^n states
    bool cancelled = false;
};

/// The INTERP extrapolation of Zhou et al. (PRX 10, 021067): depth-p angles to a depth-(p+1) start,
///   x_i^(p+1) = (i - 1)/p x_(i-1)^(p) + (p - i + 1)/p x_i^(p),  i = 1..p+1,  x_0 = x_(p+1) = 0,
/// for gammas and betas separately. Throws Error(InvalidArgument) for empty angles. O(p).
QaoaAngles interpAngles(const QaoaAngles& angles);

/// One L-BFGS run of the chain from `start` (exact adjoint gradients, at most maxEvaluations evaluations,
/// xTolerance 1e-6, fTolerance 1e-10): the best evaluated angles and value. Throws what optimizeQaoa throws.
QaoaOptimizationResult refineQaoaAngles(const QaoaSimulator<double>& simulator, const QaoaAngles& start,
                                        int maxEvaluations, RunControl& control = RunControl::none());

/// Optimises the QAOA angles of `qubo` (X mixer, statevector, exact adjoint gradients) for p = 1..P in one
/// chain: p = 1 from the minimum of the exact analytic landscape on a grid, refined by L-BFGS; p >= 2 from the
/// INTERP extrapolation of the depth p - 1 optimum plus `restarts` random linear-ramp starts
/// (gamma_k = -s_k T / rms, beta_k = (1 - s_k) T, T uniform in [0.3, 1.5]), every run L-BFGS, the best kept.
/// Labels are canonicalised (angle_symmetry.h). The chain makes the labels of neighbouring depths and of
/// similar instances consistent, which is what a regression model needs. Progress: one step per depth;
/// cancel is polled between runs (the result then holds the finished depths, cancelled = true).
/// Throws Error(InvalidArgument) for a QUBO without variables or couplings-and-fields, maxDepth outside 1..16,
/// and what the simulator throws (Error(LimitExceeded) for too many variables).
AngleChainResult optimizeAngleChain(const QuboModel& qubo, const AngleChainOptions& options,
                                    RunControl& control = RunControl::none());

} // namespace engine
