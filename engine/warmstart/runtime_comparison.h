// SPDX-License-Identifier: MIT
// Time-based expected runtimes of classical Max-Cut solvers beside warm-started tabu (the warm-starts paper's Fig. 10).
#pragma once

#include "core/bits.h"
#include "core/run_control.h"
#include "graph/weighted_graph.h"
#include "warmstart/qfactor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Options of compareExpectedRuntimes.
struct RuntimeComparisonOptions {
    std::size_t runs = 100;               ///< optimisations per heuristic; >= 1
    double timeLimitSeconds = 0.1;        ///< per optimisation (the paper: 0.1 s); > 0
    bool tabu = true;                     ///< time tabu and tabu-warm (off where a Q-factor experiment has them)
    bool exact = true;                    ///< time the exact solver (CBC on the linearised QUBO)
    double exactTimeLimitSeconds = 600.0; ///< its limit; > 0
    std::uint64_t seed = 1;               ///< per-run seeds derive from it
};

/// The expected runtime of one method.
struct MethodRuntime {
    /// "tabu" (PalubeckisMST1, random starts), "tabu-warm" (from the pool), "vns" (FESTA2002VNSPR),
    /// "burer" (rank-two relaxation) or "exact" (CBC).
    std::string method;
    /// Heuristics: R_min in seconds over the runs (C(T) = T / F(T) minimised, time-based); exact: the wall
    /// seconds to a proven optimum (or to its limit, then censored).
    MinimalRuntime runtime;
    double medianSeconds = 0.0;           ///< median seconds to the optimum over the runs (+infinity if <= half)
};

/// What compareExpectedRuntimes measured.
struct RuntimeComparison {
    double optimumCut = 0.0;              ///< the target every run aims at
    /// "given" (passed in), "exact_solver" (proven by CBC here) or "best_found" (the best any method found:
    /// runs that found it count as successes, but the value is not proven optimal).
    std::string optimumSource;
    std::vector<MethodRuntime> methods;   ///< in the order listed at MethodRuntime::method (tabu-warm only with a pool)
    bool cancelled = false;               ///< stopped by RunControl: the methods finished so far are filled in
};

/// The median of first-success seconds (+infinity entries count as the largest values). Throws
/// Error(InvalidArgument) for an empty list.
double medianSeconds(std::vector<double> seconds);

/// Times every method on Max-Cut of `graph`: the exact solver first (its proven optimum becomes the target unless
/// `optimumCut` is given; without either the target is the best cut any run finds, and runs are then scored
/// against it afterwards), then `runs` time-limited optimisations of each heuristic, one after another on the
/// calling thread so they never compete for cores. A tabu optimisation restarts STS from successive starts of its
/// kind until the limit (as in the time-based Q-factor); VNS and the rank-two heuristic run their own restarts.
/// Progress: stage names as the methods; cancel is polled inside every run. Cost: about
/// 4 runs * timeLimitSeconds plus the exact solve. Throws Error(InvalidArgument) for runs == 0, a non-positive
/// or non-finite limit, a pool member of the wrong size, or a non-finite optimum.
RuntimeComparison compareExpectedRuntimes(const WeightedGraph& graph, const std::vector<Bits>& warmPool,
                                          std::optional<double> optimumCut, const RuntimeComparisonOptions& options,
                                          RunControl& control = RunControl::none());

} // namespace engine
