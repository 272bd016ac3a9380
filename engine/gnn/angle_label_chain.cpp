// SPDX-License-Identifier: MIT
// Optimised QAOA angles for p = 1..P along one INTERP chain.
#include "gnn/angle_label_chain.h"

#include "core/error.h"
#include "gnn/angle_symmetry.h"
#include "gnn/gnn_features.h"
#include "qaoa/p1_analytic.h"
#include "qubo/ising_model.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace engine {

QaoaAngles interpAngles(const QaoaAngles& angles)
{
    const std::size_t p = angles.depth();
    if (p == 0 || angles.betas.size() != p)
        throw Error(ErrorCode::InvalidArgument, "INTERP needs at least one layer of angles", "angles");
    auto extend = [p](const std::vector<double>& x) {
        std::vector<double> out(p + 1, 0.0);
        for (std::size_t i = 1; i <= p + 1; ++i) {
            const double left = i >= 2 ? x[i - 2] : 0.0;
            const double right = i <= p ? x[i - 1] : 0.0;
            out[i - 1] = (static_cast<double>(i - 1) * left + static_cast<double>(p - i + 1) * right)
                         / static_cast<double>(p);
        }
        return out;
    };
    return {extend(angles.gammas), extend(angles.betas)};
}

QaoaOptimizationResult refineQaoaAngles(const QaoaSimulator<double>& simulator, const QaoaAngles& start,
                                        int maxEvaluations, RunControl& control)
{
    QaoaOptimizerOptions o;
    o.method = QaoaOptimizerMethod::Lbfgs;
    o.restarts = 1;
    o.evaluationsPerRestart = maxEvaluations;
    o.start = start;
    o.depth = start.depth();
    o.xTolerance = 1e-6;
    o.fTolerance = 1e-10;
    return optimizeQaoa(simulator, o, control);
}

AngleChainResult optimizeAngleChain(const QuboModel& qubo, const AngleChainOptions& options, RunControl& control)
{
    if (options.maxDepth < 1 || options.maxDepth > 16)
        throw Error(ErrorCode::InvalidArgument, "the chain depth must be in 1..16", "maxDepth");
    if (options.restarts < 0 || options.maxEvaluations < 1)
        throw Error(ErrorCode::InvalidArgument, "restarts must be >= 0 and evaluations >= 1", "restarts");
    if (qubo.numVariables() == 0)
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no variables", "qubo");
    const IsingModel ising = toIsing(qubo);
    AngleChainResult result;
    result.rms = isingRmsCoefficient(ising);
    if (!(result.rms > 0.0))
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no non-zero coefficient", "qubo");
    const bool spinFlip = isSpinFlipSymmetric(ising);
    const QaoaSimulator<double> simulator(qubo, options.threads);
    const auto [minIt, maxIt] = std::minmax_element(simulator.diagonal().begin(), simulator.diagonal().end());
    result.minEnergy = *minIt;
    result.maxEnergy = *maxIt;
    std::mt19937_64 rng(options.seed);
    auto uniform = [&rng](double lo, double hi) { return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53; };

    for (std::size_t p = 1; p <= options.maxDepth; ++p) {
        if (control.isCancelled()) {
            result.cancelled = true;
            return result;
        }
        std::vector<QaoaAngles> starts;
        if (p == 1) {
            P1GridOptions grid;
            grid.gammaMin = 0.0;
            grid.gammaMax = std::numbers::pi / result.rms;
            grid.gammaSteps = options.gridGammaSteps;
            grid.betaMin = -std::numbers::pi / 2.0;
            grid.betaMax = std::numbers::pi / 2.0;
            grid.betaSteps = options.gridBetaSteps;
            const P1GridResult best = p1GridSearch(ising, grid);
            starts.push_back({{best.bestGamma}, {best.bestBeta}});
        } else {
            starts.push_back(interpAngles(result.levels.back().angles));
        }
        for (int r = 0; r < options.restarts; ++r) {
            const double t = uniform(0.3, 1.5);
            QaoaAngles ramp;
            for (std::size_t k = 0; k < p; ++k) {
                const double s = (static_cast<double>(k) + 0.5) / static_cast<double>(p);
                ramp.gammas.push_back(-s * t / result.rms);
                ramp.betas.push_back((1.0 - s) * t);
            }
            starts.push_back(std::move(ramp));
        }
        AngleChainLevel level;
        double best = std::numeric_limits<double>::infinity();
        for (const QaoaAngles& start : starts) {
            const QaoaOptimizationResult run = refineQaoaAngles(simulator, start, options.maxEvaluations, control);
            level.evaluations += run.evaluations;
            if (!run.bestAngles.gammas.empty() && run.bestExpectation < best) {
                best = run.bestExpectation;
                level.angles = run.bestAngles;
            }
            if (run.cancelled) {
                result.cancelled = true;
                return result;
            }
        }
        level.angles = canonicalQaoaAngles(level.angles, spinFlip);
        level.expectation = best;
        result.levels.push_back(std::move(level));
        control.reportProgress(static_cast<double>(p), static_cast<double>(options.maxDepth), "optimise angles");
    }
    return result;
}

} // namespace engine
