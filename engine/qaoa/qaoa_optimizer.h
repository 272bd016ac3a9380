// SPDX-License-Identifier: MIT
// Variational optimisation of QAOA angles with NLopt: COBYLA, BOBYQA or L-BFGS with adjoint gradients, restarts.
#pragma once

#include "core/run_control.h"
#include "qaoa/qaoa_angles.h"
#include "qaoa/qaoa_simulation.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// The local optimiser run from every start.
enum class QaoaOptimizerMethod {
    Cobyla,  ///< NLopt LN_COBYLA, derivative-free (the cascade paper's choice: 8 restarts x 80 evaluations)
    Bobyqa,  ///< NLopt LN_BOBYQA, derivative-free quadratic model (run unbounded: the angles are periodic)
    Lbfgs,   ///< NLopt LD_LBFGS with the exact adjoint gradient (QaoaSimulator::expectationAndGradient)
};
/// "cobyla", "bobyqa", "lbfgs".
const char* qaoaOptimizerMethodName(QaoaOptimizerMethod method) noexcept;
/// Inverse of qaoaOptimizerMethodName; throws Error(InvalidArgument).
QaoaOptimizerMethod qaoaOptimizerMethodFromName(const std::string& name);

/// Largest depth the optimiser accepts (2p parameters).
constexpr std::size_t MAX_QAOA_OPTIMIZER_DEPTH = 64;
/// Largest total evaluation budget restarts * evaluationsPerRestart (the trace keeps one double each).
constexpr std::uint64_t MAX_QAOA_OPTIMIZER_EVALUATIONS = 10'000'000;

/// Called after every evaluation, on the optimiser's thread: running evaluation count (1-based), restart index,
/// the objective value and the angles it was evaluated at. For live plots.
using QaoaEvaluationCallback =
    std::function<void(std::uint64_t evaluation, int restart, double value, const QaoaAngles& angles)>;

/// Options. Defaults follow the cascade paper and its reference code (lcrp-reference.md): COBYLA, 8 restarts of
/// 80 evaluations, random starts with gamma_k, beta_k uniform in [0, pi), initial step (rhobeg) 0.5.
struct QaoaOptimizerOptions {
    QaoaOptimizerMethod method = QaoaOptimizerMethod::Cobyla;
    std::size_t depth = 1;                          ///< p; ignored when `start` is given (its depth is used)
    int restarts = 8;                               ///< R >= 1 independent local runs
    int evaluationsPerRestart = 80;                 ///< K >= 1 objective evaluations per run (NLopt maxeval)
    double initialStep = 0.5;                       ///< rhobeg in radians (COBYLA, BOBYQA); L-BFGS ignores it
    double startLow = 0.0;                          ///< random starts: every angle uniform in [startLow, startHigh)
    double startHigh = std::numbers::pi;            ///< upper end of the random start range
    std::optional<QaoaAngles> start;                ///< when set, restart 0 starts here; later restarts are random
    std::uint64_t seed = 1;                         ///< seeds the random starts (std::mt19937_64, 53-bit uniforms)
    double xTolerance = 1e-4;                       ///< stop a run when a step changes every angle by less than
                                                    ///< this (radians; 1e-4 is SciPy COBYLA's default rhoend)
    double fTolerance = 0.0;                        ///< stop a run on a relative objective change below this; 0 = off
    QaoaEvaluationCallback onEvaluation;            ///< optional per-evaluation callback
};

/// Outcome of optimizeQaoa. `bestExpectation` is the smallest objective value evaluated and `bestAngles` the
/// angles it was evaluated at (exactly, not a re-evaluation).
struct QaoaOptimizationResult {
    QaoaAngles bestAngles;                                        ///< minimiser found (empty if nothing ran)
    double bestExpectation = std::numeric_limits<double>::infinity();  ///< objective at bestAngles
    std::uint64_t evaluations = 0;                                ///< objective evaluations done in total
    std::vector<double> trace;                                    ///< trace[e] = value of evaluation e, in order
    std::vector<std::uint64_t> restartStarts;                     ///< index into trace where each run began
    std::vector<double> restartBest;                              ///< best value of each run
    std::vector<QaoaAngles> restartStartAngles;                   ///< the start of each run
    double seconds = 0.0;                                         ///< wall time
    bool cancelled = false;                                       ///< stopped by RunControl (best so far kept)
    std::string method;                                           ///< qaoaOptimizerMethodName
    std::string message;                                          ///< NLopt status of the last run, in English
};

/// The function to minimise: its value at `angles`; when `gradient` is not null it must also be filled with the
/// 2p partial derivatives in QaoaAngles::flatten order (only L-BFGS asks for them).
using QaoaObjective = std::function<double(const QaoaAngles& angles, std::vector<double>* gradient)>;

/// Minimises `objective` over the 2p angles: R local runs of the chosen NLopt method, each with at most K
/// evaluations, keeping the best evaluation overall. Every evaluation is recorded in the trace, reported to
/// control.reportProgress(done, R*K, "optimise") and to options.onEvaluation. control.isCancelled() is polled
/// before each evaluation; on cancel the run is stopped (nlopt_force_stop), no further runs start, and the result
/// holds the best so far with cancelled = true (no throw). Deterministic for a given seed and objective.
/// Throws Error(InvalidArgument) for invalid options ("options.<field>"), Error(LimitExceeded) above
/// MAX_QAOA_OPTIMIZER_DEPTH or MAX_QAOA_OPTIMIZER_EVALUATIONS, Error(SolverFailure) when NLopt rejects its
/// arguments; exceptions thrown by the objective are passed on after NLopt has been stopped.
QaoaOptimizationResult optimizeQaoaAngles(const QaoaObjective& objective, const QaoaOptimizerOptions& options,
                                          RunControl& control = RunControl::none());

/// Minimises the expectation of `simulator` (L-BFGS uses expectationAndGradient). See optimizeQaoaAngles.
QaoaOptimizationResult optimizeQaoa(const QaoaSimulator<double>& simulator, const QaoaOptimizerOptions& options,
                                    RunControl& control = RunControl::none());
/// Single-precision variant; values and gradients are still returned in double.
QaoaOptimizationResult optimizeQaoa(const QaoaSimulator<float>& simulator, const QaoaOptimizerOptions& options,
                                    RunControl& control = RunControl::none());

} // namespace engine
