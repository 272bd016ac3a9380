// SPDX-License-Identifier: MIT
// Runs the random-start and warm-start heuristic trials behind a Q-factor and estimates it (algorithms.md 4.4, 5).
#pragma once

#include "core/bits.h"
#include "core/run_control.h"
#include "graph/weighted_graph.h"
#include "heuristics/start_source.h"
#include "heuristics/tabu_search.h"
#include "heuristics/vns.h"
#include "qubo/qubo_model.h"
#include "warmstart/qfactor.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace engine {

/// Largest number of runs per start type accepted by the experiments.
constexpr std::size_t MAX_QFACTOR_RUNS = 10'000'000;

/// Options of a Q-factor experiment.
struct QFactorExperimentOptions {
    std::size_t runsPerStartType = 100;  ///< R: independent runs from random starts and R from the pool; >= 1
    std::uint64_t iterationCap = 500;    ///< T_total, the same for both start types (Phasecraft: 500 for N <= 18)
    StartOrder poolOrder = StartOrder::InOrder;  ///< how warm starts are taken from the pool
    std::uint64_t seed = 1;              ///< generator of random starts, random pool picks and per-run VNS seeds
    TabuSearchOptions tabu;              ///< tenure, operation budget and move selection; maxIterations,
                                         ///< targetEnergy, timeLimitSeconds and seed are set by the experiment
    VnsOptions vns;                      ///< VNS parameters; maxIterations, targetCut, timeLimitSeconds and seed
                                         ///< are set by the experiment
    std::size_t bootstrapResamples = 1000;  ///< B of the confidence interval (0 = none)
    double confidenceLevel = 0.95;       ///< level of the interval
    /// Time-based variant (the paper's Fig. 10, algorithms.md 5): when > 0, one run is one optimisation with this
    /// wall-clock limit in seconds instead of an iteration cap; inside it the search restarts from successive
    /// starts of its kind (random bits, or the next pool member) whenever one search ends without the target
    /// (tabu: the STS operation budget; VNS: its own outer loop), and t_i is the seconds to the target. The
    /// Q-factor is then computed from the seconds with cap = this limit, and iterationCap is ignored.
    double timeLimitSeconds = 0.0;
    /// Called on the calling thread after every finished run (for live plots): `warm` says the start type, `t` the
    /// run's first success in the experiment's unit (+infinity = never), `seconds` its wall seconds to the target
    /// (+infinity = never). Must not throw.
    std::function<void(bool warm, double t, double seconds)> onRun;
};

/// Raw trials and the Q-factor of an experiment.
struct QFactorExperimentResult {
    std::vector<double> randomFirstSuccess;  ///< t_i of each random-start run: iterations, +infinity = never
    std::vector<double> warmFirstSuccess;    ///< t_i of each warm-start run
    std::vector<double> randomSeconds;       ///< wall seconds to t_i (+infinity = never), for the time-based variant
    std::vector<double> warmSeconds;         ///< likewise for warm starts
    /// From the iteration counts, or (timeLimitSeconds > 0) from the seconds, whose vectors then equal the
    /// first-success ones; absent when cancelled.
    std::optional<QFactorResult> qfactor;
    double cap = 0.0;                        ///< the T_total the Q-factor used: iterations or seconds
    bool cancelled = false;                  ///< stopped by RunControl; the vectors hold the finished runs only
};

/// Q-factor experiment for a minimisation QUBO with tabu search: R independent STS runs (algorithms.md 4.4:
/// each run's aspiration value starts at f(start)) from uniform random starts, then R from `warmPool`, each
/// stopped at `targetEnergy` (the known optimum, MQLib tolerance) or after T_total iterations; t_i is the STS
/// target iteration. Run r of each type is seeded deterministically from `seed`, so results are reproducible.
/// Progress: once per run, done/total in runs, stage "random starts" or "warm starts"; cancel is polled per run
/// and inside the search. Cost: 2R runs of at most T_total iterations, O(n + degree) each, plus the bootstrap.
/// Throws Error(InvalidArgument) for R == 0 or R > MAX_QFACTOR_RUNS, T_total == 0, a non-finite target, and
/// everything StartSource and runTabuSearch reject (an empty or malformed pool included).
QFactorExperimentResult runQFactorExperiment(const QuboModel& qubo, const std::vector<Bits>& warmPool,
                                             double targetEnergy, const QFactorExperimentOptions& options,
                                             RunControl& control = RunControl::none());

/// The same for Max-Cut on `graph` with FESTA2002VNSPR: one run = one VNS call with an iteration cap T_total and
/// target `targetCut` (the maximum cut), whose outer iterations draw starts from uniform random bits or from
/// `warmPool`; t_i is the VNS target iteration. Throws as the QUBO version and as runVnsPathRelinking.
QFactorExperimentResult runQFactorExperiment(const WeightedGraph& graph, const std::vector<Bits>& warmPool,
                                             double targetCut, const QFactorExperimentOptions& options,
                                             RunControl& control = RunControl::none());

} // namespace engine
