// SPDX-License-Identifier: MIT
// One QAOA run from an instance: ansatz, angles (optimised or predicted), simulation, sampling and metrics.
#pragma once

#include "core/run_control.h"
#include "io/instance_file.h"
#include "qaoa/qaoa_angles.h"
#include "qaoa/qaoa_ansatz.h"
#include "qaoa/qaoa_optimizer.h"
#include "qaoa/sample_metrics.h"
#include "sim/state_vector.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// How the angles are chosen.
enum class AngleMethod {
    Optimize,   ///< NLopt from random starts (QaoaOptimizerOptions)
    Predicted,  ///< no variational loop: Max-Cut balanced rule and MIS rule (angle_rules.h); LCRP and QUBO: at
                ///< p = 1 the minimum of the exact p = 1 landscape on a 128 x 128 grid (p1_analytic.h), at p > 1
                ///< the general Ising tree rule
    Ramp,       ///< linear ramp with QaoaRunOptions::rampDeltaT
    Fixed,      ///< QaoaRunOptions::fixedAngles as given (canonical convention)
    Gnn,        ///< the graph neural network of the warm-starts paper (engine/gnn) for any QUBO, p = 2..6; runs the
                ///< predictor installed with setGnnAnglePredictor
};
const char* angleMethodName(AngleMethod method) noexcept;  ///< "optimize", "predicted", "ramp", "fixed", "gnn"
AngleMethod angleMethodFromName(const std::string& name);   ///< throws Error(InvalidArgument)

/// One optimiser evaluation, reported live (for convergence and valid-rate plots).
struct QaoaProgressPoint {
    std::uint64_t evaluation = 0;        ///< 1-based running count
    int restart = 0;                     ///< restart index
    double energy = 0.0;                 ///< the objective (expected QUBO energy) of this evaluation
    double bestEnergy = 0.0;             ///< best objective so far
    std::optional<double> validRate;     ///< LCRP with trackValidRate: exact one-hot rate of this evaluation's state
    QaoaAngles angles;                   ///< the angles evaluated
};

/// Options of runQaoa.
struct QaoaRunOptions {
    std::size_t depth = 1;                       ///< p >= 1 (Fixed: taken from fixedAngles)
    MixerKind mixer = MixerKind::X;              ///< XY mixers need one-hot groups: LCRP instances only
    bool startFromGreedy = false;                ///< XY mixers and warm starts on LCRP: start from the greedy
                                                 ///< assignment instead of W states / the greedy bits
    AngleMethod angles = AngleMethod::Optimize;
    QaoaAngles fixedAngles;                      ///< AngleMethod::Fixed
    double rampDeltaT = 0.8;                     ///< AngleMethod::Ramp, in units of 1 / (largest |coefficient|)
    QaoaOptimizerOptions optimizer;              ///< AngleMethod::Optimize (depth is set from `depth`)
    std::uint64_t shots = 4000;                  ///< samples drawn from the final state (0: none)
    std::uint64_t seed = 1;                      ///< seeds the sampling (the optimiser has its own seed)
    Precision precision = Precision::Double;
    int threads = 0;                             ///< kernel threads, 0 = all cores
    LcrpEncoderOptions lcrpEncoding;             ///< how an LCRP instance is encoded
    /// Called after every optimiser evaluation on the running thread (AngleMethod::Optimize only).
    std::function<void(const QaoaProgressPoint&)> onEvaluation;
    /// LCRP: also compute the exact valid rate of every evaluated state for onEvaluation (one more simulation
    /// per evaluation).
    bool trackValidRate = false;
};

/// Result of runQaoa. "exact" metrics come from the full probability vector, "sampled" from the shots.
struct QaoaRunResult {
    std::string problem;                         ///< "lcrp", "maxcut", "mis" or "qubo"
    std::size_t numQubits = 0;
    QaoaAngles angles;                           ///< the angles run (canonical convention)
    double expectation = 0.0;                    ///< <H> = expected QUBO energy at `angles`
    std::uint64_t evaluations = 0;               ///< optimiser evaluations (0 for rules)
    std::vector<double> trace;                   ///< optimiser objective per evaluation
    double seconds = 0.0;                        ///< wall time of the whole run
    bool cancelled = false;
    double minEnergy = 0.0;                      ///< smallest QUBO energy over all 2^n states (exact optimum)
    double maxEnergy = 0.0;                      ///< largest QUBO energy over all 2^n states
    QuboSampleMetrics exact;                     ///< AR, AR*, P(optimum) from the state
    std::optional<QuboSampleMetrics> sampled;    ///< the same from the shots
    std::optional<MaxCutSampleMetrics> maxCutExact;    ///< Max-Cut: expected cut etc. from the state
    std::optional<LcrpSampleMetrics> lcrpExact;        ///< LCRP: rates from the state
    std::optional<LcrpSampleMetrics> lcrpSampled;      ///< LCRP: rates and best assignments from the shots
    SampleSet samples;                           ///< the shots as a histogram
    /// The most probable basis states of the final state with their probabilities, most probable first
    /// (at most 64), for histograms.
    std::vector<std::pair<std::uint64_t, double>> topStates;
};

/// Predicts canonical angles for a QUBO at depth p (AngleMethod::Gnn); throws engine::Error for what it cannot do.
using QuboAnglePredictor = std::function<QaoaAngles(const QuboModel& qubo, std::size_t depth)>;

/// Installs the predictor of AngleMethod::Gnn. engine_gnn sits above engine_qaoa (it trains on this optimiser),
/// so runQaoa reaches it through this hook: programs call engine::installGnnAnglePredictor() (gnn/gnn_predictor.h)
/// once at start-up. An empty function uninstalls; runQaoa with AngleMethod::Gnn then throws
/// Error(InvalidArgument). Thread-safe.
void setGnnAnglePredictor(QuboAnglePredictor predictor);

/// The angles of AngleMethod::Predicted for `instance` at depth p (no simulation, no variational loop), in the
/// canonical convention. Throws Error(InvalidArgument) for p = 0 or above what a rule's tables cover.
QaoaAngles predictAngles(const Instance& instance, std::size_t depth, const LcrpEncoderOptions& lcrpEncoding = {});

/// Runs QAOA on `instance` with a statevector: builds the QUBO (LCRP through encodeLcrp), the ansatz, the
/// angles, the final state, its exact metrics, `shots` samples and their metrics. Progress and cancel go
/// through `control` (per optimiser evaluation). Throws Error(InvalidArgument) for options that do not fit the
/// instance (an XY mixer without one-hot groups, a Fixed method without angles), Error(LimitExceeded) when the
/// register does not fit in memory, and whatever the parts throw.
QaoaRunResult runQaoa(const Instance& instance, const QaoaRunOptions& options, RunControl& control = RunControl::none());

} // namespace engine
