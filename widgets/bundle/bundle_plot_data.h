// SPDX-License-Identifier: MIT
// BundlePlotData: what the bundle window's plots draw, rebuilt from a bundle's files, settings and results.
#pragma once

#include "bundle/bundle_file.h"
#include "core/run_control.h"
#include "jobs/warmstart_job.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"
#include "qaoa/p1_analytic.h"
#include "qaoa/qaoa_run.h"
#include "warmstart/qfactor.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace workbench {

/// Side of the p = 1 landscape grid drawn for a depth-1 QAOA bundle.
constexpr std::size_t BUNDLE_LANDSCAPE_STEPS = 64;
/// Most outcomes a bundle histogram lists.
constexpr std::size_t BUNDLE_HISTOGRAM_OUTCOMES = 20;

/// How bundlePlotData works.
struct BundlePlotOptions {
    /// qaoa-run with optimised angles: rerun the recorded optimisation once more with a per-evaluation callback
    /// to redraw the convergence and valid-rate traces (the bundle stores only the final angles). It costs one
    /// more run of the recorded size; false leaves the traces empty.
    bool replayTrace = true;
    std::size_t landscapeSteps = BUNDLE_LANDSCAPE_STEPS;  ///< p = 1 X-mixer runs; 0: no landscape
};

/// One bar of a bundle's state or outcome histogram.
struct OutcomeBar {
    std::uint64_t state = 0;     ///< basis index, variable (qubit) 0 = least-significant bit
    double probability = 0.0;    ///< probability (qaoa-run: exact, from the state) or sampled frequency (job)
    double energy = 0.0;         ///< QUBO energy of the state (offset included)
};

/// Everything the plots of one bundle need. Which parts are filled depends on `kind`.
struct BundlePlotData {
    std::string kind;                       ///< the manifest's kind
    std::string problem;                    ///< "lcrp", "maxcut", "mis" or "qubo"
    std::size_t numBits = 0;                ///< QUBO variables (register width)

    // qaoa-run and job: the histogram.
    std::vector<OutcomeBar> bars;           ///< most probable first, at most BUNDLE_HISTOGRAM_OUTCOMES
    /// LCRP: the instance and its encoding, for StateHistogramPlot's decoding (absent for other problems).
    std::optional<engine::LcrpInstance> lcrpInstance;
    std::optional<engine::LcrpEncoding> lcrpEncoding;

    // qaoa-run.
    std::vector<engine::QaoaProgressPoint> trace;  ///< replayed optimiser evaluations (empty: none or not replayed)
    bool traceReplayed = false;             ///< the optimisation was rerun for `trace`
    bool optimised = false;                 ///< the bundle's angles came from an optimiser
    std::optional<double> finalExpectation; ///< the stored <H> of the final angles
    std::optional<double> uniformValidRate; ///< LCRP: (M / 2^M)^N
    std::optional<double> finalValidRate;   ///< LCRP: the stored exact valid rate of the final state
    std::optional<engine::P1GridResult> landscape;    ///< p = 1 with the X mixer
    std::pair<double, double> landscapePoint{0.0, 0.0};  ///< the run's (gamma, beta) in the landscape's window

    // warmstart.
    EnergyHistogramData energyHistogram;    ///< raw, mitigated and filtered samples of samples.json
    std::optional<double> optimum;          ///< the stored optimum (absent when it had no source)
    std::vector<double> randomFirstSuccess; ///< stored first successes, +infinity = never
    std::vector<double> warmFirstSuccess;
    double cap = 0.0;                       ///< T_total
    bool timeBased = false;
    engine::QFactorOptions qFactorOptions;  ///< the recorded estimator options (cap, resamples, level, seed)
    std::optional<double> qFactor;          ///< the stored Q (absent when undefined)

    // job.
    nlohmann::json analysis;                ///< the stored analysis document (the manifest's results)
    double shots = 0.0;                     ///< total count of the histogram's samples
};

/// Rebuilds the plot data of `bundle` (`source` names it in errors) from its files, settings and stored results:
/// - qaoa-run: the stored top states with their QUBO energies, the LCRP valid-rate baseline and final rate, the
///   p = 1 landscape (X mixer) around the stored angles and, with options.replayTrace and optimised angles, the
///   optimiser trace of one more runQaoa with the recorded options (LCRP: with the exact valid rate per
///   evaluation);
/// - warmstart: the energy histogram of samples.json's raw, mitigated and filtered counts over the instance's
///   QUBO, the stored first successes, cap and Q-factor options;
/// - job: the most frequent outcomes of samples.json (or of the analysis' "counts" list when there is none)
///   and the stored analysis.
/// Progress and cancel go to the replay and the landscape. Throws Error(InvalidInput) naming the member or
/// JSON pointer for content it cannot use, and what the engine throws. Runs on a worker thread; reentrant.
BundlePlotData bundlePlotData(const engine::Bundle& bundle, const std::string& source,
                              const BundlePlotOptions& options = {},
                              engine::RunControl& control = engine::RunControl::none());

} // namespace workbench
