// SPDX-License-Identifier: MIT
// The warm-start pipeline in one call: instance, predicted angles, transpile, sample, mitigate, filter, Q-factor.
#pragma once

#include "core/run_control.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_encoder.h"
#include "mitigation/sample_counts.h"
#include "qaoa/qaoa_angles.h"
#include "qubo/qubo_model.h"
#include "warmstart/qfactor_experiment.h"
#include "warmstart/runtime_comparison.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Readout mitigation of the raw samples.
enum class ReadoutMitigation {
    None,
    Tensored,  ///< the tensored inverse ⊗Λ_q^{-1} on the observed strings, renormalised and SGS-projected
    Lnf,       ///< the Least-Norm Filter (algorithms.md 6.2, radius 0)
};
const char* readoutMitigationName(ReadoutMitigation m) noexcept;  ///< "none", "tensored", "lnf"
ReadoutMitigation readoutMitigationFromName(const std::string& name);  ///< throws Error(InvalidArgument)

/// The sample filter that makes the warm-start pool (algorithms.md 6.3).
enum class SampleFilterKind { None, Energy, Frequency, Hamming };
const char* sampleFilterKindName(SampleFilterKind f) noexcept;  ///< "none", "energy", "frequency", "hamming"
SampleFilterKind sampleFilterKindFromName(const std::string& name);  ///< throws Error(InvalidArgument)

/// The classical heuristic the Q-factor is measured with.
enum class WarmstartSolver {
    Tabu,  ///< PalubeckisMST1's STS on the QUBO (any instance)
    Vns,   ///< FESTA2002VNSPR (Max-Cut instances only)
};
const char* warmstartSolverName(WarmstartSolver s) noexcept;  ///< "tabu", "vns"
WarmstartSolver warmstartSolverFromName(const std::string& name);  ///< throws Error(InvalidArgument)

/// Options of runWarmstartPipeline. The defaults are the emulated protocol of the warm-starts paper.
struct WarmstartPipelineOptions {
    std::size_t depth = 2;                 ///< p, 1..6 for Max-Cut (balanced rule), 1..64 otherwise
    /// A localBackendNames() entry. "local:ideal" samples the exact logical state (QaoaSimulator, no transpile);
    /// a device backend transpiles for it with bound predicted angles and runs the noisy trajectory emulator.
    std::string backend = "local:ideal";
    std::uint64_t shots = 1000;            ///< samples drawn (1..MAX_EMULATOR_SHOTS)
    /// A finished job's results (bit q = logical variable q) used instead of sampling; `backend` then only
    /// supplies the readout calibration. Its width must equal the variable count.
    std::optional<SampleCounts> samples;
    ReadoutMitigation readout = ReadoutMitigation::None;
    /// > 0: readout errors estimated from two calibration circuits (all |0>, all X) with this many shots each,
    /// run on the backend's emulator on the measured physical qubits; 0: the backend's calibration data.
    std::uint64_t calibrationShots = 0;
    SampleFilterKind filter = SampleFilterKind::None;
    double energyFraction = 0.10;          ///< energy filter: kept fraction of N
    double frequencyThreshold = 0.0005;    ///< frequency filter: threshold as a fraction of N
    double hammingLowFraction = 0.01;      ///< Hamming filter: lowest-energy core
    double hammingNearFraction = 0.09;     ///< Hamming filter: nearest of the rest
    /// Constrained problems (hasHardConstraints): decode every sample to a feasible one before filtering.
    bool feasibleFirst = true;
    /// Largest part sampled as one circuit; instances with more variables are decomposed (decomposition.h) and
    /// their parts' samples recombined. 0: automatic (24 variables on local:ideal, 12 on a noisy backend, whose
    /// transpiled circuits use more physical qubits than variables).
    std::size_t maxPartSize = 0;
    WarmstartSolver solver = WarmstartSolver::Tabu;
    std::size_t runs = 100;                ///< R per start type
    std::uint64_t iterationCap = 500;      ///< T_total in iterations (iteration-based Q)
    double timeLimitSeconds = 0.0;         ///< > 0: time-based Q with this per-run limit (the paper: 0.1 s)
    std::size_t bootstrapResamples = 1000; ///< B of the Q interval (0: none)
    double confidenceLevel = 0.95;
    std::uint64_t seed = 1;                ///< sampling, emulation, filters' resampling and runs derive from it
    int threads = 0;                       ///< simulator and emulator threads (0: all cores)
    LcrpEncoderOptions lcrpEncoding;       ///< how an LCRP instance becomes a QUBO
    /// Time-based Max-Cut only: after the Q-factor, time VNS, the rank-two heuristic and the exact solver on the
    /// same target with the same runs and limit (compareExpectedRuntimes), beside tabu from both start types.
    bool compareRuntimes = false;
    double exactTimeLimitSeconds = 600.0;  ///< the exact solver's limit in that comparison
    /// Passed on to the Q-factor experiment (live plots); see QFactorExperimentOptions::onRun.
    std::function<void(bool warm, double t, double seconds)> onRun;
};

/// Figures of the transpiled circuit (noisy backends only).
struct WarmstartTranspileSummary {
    std::size_t parts = 1;                 ///< circuits transpiled (decomposed instances: one per part)
    std::size_t physicalQubits = 0;        ///< largest number of physical qubits one circuit uses
    std::size_t twoQubitGates = 0;         ///< summed over the parts
    std::size_t depth = 0;                 ///< largest
    std::size_t swaps = 0;                 ///< summed
    double estimatedFidelity = 1.0;        ///< smallest
};

/// Wall seconds of each stage.
struct WarmstartStageSeconds {
    double angles = 0.0;
    double sampling = 0.0;                 ///< transpilation and emulation included
    double mitigation = 0.0;
    double filtering = 0.0;                ///< feasibility decoding included
    double optimum = 0.0;
    double runs = 0.0;                     ///< the Q-factor experiment
};

/// Everything the pipeline produced, for the CLI JSON and the GUI's histograms and curves.
struct WarmstartPipelineResult {
    std::string problem;                   ///< "lcrp", "maxcut", "mis" or "qubo"
    QuboModel qubo;                        ///< the minimisation QUBO all energies refer to
    QaoaAngles angles;                     ///< predicted angles (canonical convention), one set for every part
    std::string backend;
    std::optional<WarmstartTranspileSummary> transpiled;
    std::size_t parts = 1;                 ///< 1, or the decomposition's part count
    SampleCounts raw;                      ///< the samples as measured (bit q = variable q)
    std::optional<SampleCounts> mitigated; ///< after readout mitigation (non-integer counts)
    SampleCounts filtered;                 ///< the pool as a multiset: resampled, decoded and filtered
    std::size_t poolSize = 0;              ///< start strings drawn from, with multiplicity (rounded counts)
    double optimum = 0.0;                  ///< the target QUBO energy (minimum)
    /// "brute_force" (exhaustive, n <= 26), "exact_solver" (LCRP through CBC), or "best_found" (the best of a
    /// multistart tabu search of max(1 s, 20 runs' time): not proven optimal).
    std::string optimumSource;
    QFactorExperimentResult experiment;    ///< the runs and the Q-factor with its interval
    /// With compareRuntimes: tabu and tabu-warm from `experiment`, then vns, burer and exact.
    std::optional<RuntimeComparison> runtimes;
    double cap = 0.0;                      ///< T_total of the Q-factor: iterations, or seconds when time-based
    bool timeBased = false;
    WarmstartStageSeconds stages;
    double seconds = 0.0;                  ///< wall time of the whole call
    bool cancelled = false;                ///< stopped by RunControl: the stages finished so far are filled in
};

/// The pipeline: the instance's QUBO, predicted angles (runQaoa's AngleMethod::Predicted rules), samples (exact
/// logical state on local:ideal; transpile with bound angles and noisy emulation on a device backend; or the
/// given job results), decomposition when the instance exceeds maxPartSize, readout mitigation with the
/// backend's calibration of the measured physical qubits (then resampled to `shots` integer samples, seeded),
/// feasibility-first decoding, the filter, the optimum, and runQFactorExperiment (tabu on the QUBO, or VNS on the
/// Max-Cut graph) with the filtered pool as warm starts drawn uniformly with replacement. Progress: stages
/// "angles", "sampling", "mitigation", "filtering", "optimum", then the experiment's own; cancel polled between
/// and inside stages. Throws Error(InvalidArgument) for options that do not fit (VNS on a non-Max-Cut instance,
/// unknown backend, zero shots or runs, fractions outside [0, 1], samples of the wrong width, readout mitigation
/// with local:ideal and no job samples), Error(LimitExceeded) when a part does not fit the emulator, and what
/// the stages throw.
WarmstartPipelineResult runWarmstartPipeline(const Instance& instance, const WarmstartPipelineOptions& options,
                                             RunControl& control = RunControl::none());

} // namespace engine
