// SPDX-License-Identifier: MIT
// The simulator parts of the LCRP paper's Tables 2-4 on the paper's instances, with our objective beside theirs.
#pragma once

#include "core/run_control.h"
#include "qaoa/qaoa_run.h"

#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Which table to rebuild.
enum class LcrpExperiment {
    Penalty,  ///< Table 2: 4 x 3, seed 42, B = 5 USD, lambda_Q in {5, 10, 20, 40, 80}
    Scaling,  ///< Table 3: N x 3 for N = 2, 4, 6, seed 42, B = 5 N USD, p = 2, 4000 shots
    Depth,    ///< Table 4: 4 x 3, seed 42, B = 5 USD, p = 1, 2, 3
};
const char* lcrpExperimentName(LcrpExperiment experiment) noexcept;   ///< "lcrp-penalty", "lcrp-scaling", "lcrp-depth"
LcrpExperiment lcrpExperimentFromName(const std::string& name);       ///< throws Error(InvalidArgument)

/// Options shared by all rows.
struct LcrpReproductionOptions {
    std::size_t depth = 2;            ///< p of Tables 2 and 3 (Table 4 sweeps p = 1..3)
    std::uint64_t shots = 4000;       ///< the paper's shot count
    int restarts = 8;                 ///< COBYLA restarts (the paper: 8)
    int evaluationsPerRestart = 80;   ///< evaluations per restart (the paper: 80)
    std::uint64_t seed = 1;
    int slackBits = 3;                ///< budget slack bits of our exact objective (qubits: N*M + slackBits)
    std::vector<MixerKind> mixers{MixerKind::X, MixerKind::XYParityRing};
    int threads = 0;
};

/// One row: one instance, objective, mixer and depth, the run's metrics and, where the paper gives one, its value.
struct LcrpReproductionRow {
    std::string experiment;
    std::size_t tasks = 0, models = 0, qubits = 0, depth = 0;
    double lambdaQ = 0.0;
    std::string objective;                 ///< "reference-v2" (the paper's) or "exact" (ours)
    std::string mixer;                     ///< mixerKindName
    double validRate = 0.0;                ///< sampled (shots), as the paper reports it
    double validRateExact = 0.0;           ///< from the state
    double randomValidRate = 0.0;          ///< uniform-random baseline (M/2^M)^N
    double feasibleRate = 0.0;             ///< sampled
    std::optional<double> bestValidCostUsd;        ///< cost of the lowest-objective valid sample
    std::optional<double> bestValidQuality;        ///< its quality satisfaction
    double decodedBestCostUsd = 0.0;       ///< feasibility-first decoded best
    double decodedBestQuality = 0.0;
    double expectation = 0.0;
    std::uint64_t evaluations = 0;
    double seconds = 0.0;
    std::optional<double> paperValidRate;  ///< the paper's simulator valid rate for this row, if published
    std::optional<double> paperCostUsd;    ///< the paper's cost, if published
    std::optional<double> paperQuality;    ///< the paper's quality satisfaction, if published
};

/// Runs every row of `experiment`: for each instance (paper stream, lcrp-reference.md), both objectives
/// (reference-v2 without slack bits, exact with options.slackBits) and each mixer in options.mixers, QAOA with
/// COBYLA restarts, then samples. Progress: one step per row; cancel between rows and inside runs (rows done so
/// far are returned). Deterministic for a seed.
std::vector<LcrpReproductionRow> reproduceLcrp(LcrpExperiment experiment, const LcrpReproductionOptions& options,
                                               RunControl& control = RunControl::none());

/// The rows as CSV (header line first; empty fields for missing values).
std::string lcrpReproductionCsv(const std::vector<LcrpReproductionRow>& rows);

} // namespace engine
