// SPDX-License-Identifier: MIT
// Burer, Monteiro and Zhang's rank-two relaxation heuristic for Max-Cut (CirCut): angles, cuts, perturbation.
#pragma once

#include "core/run_control.h"
#include "graph/weighted_graph.h"
#include "heuristics/heuristic_result.h"
#include "heuristics/start_source.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace engine {

/// Options of the rank-two heuristic. The defaults follow the paper's CirCut settings where it states them.
struct BurerOptions {
    std::size_t maxFailures = 10;          ///< N: consecutive perturbations without a better cut before a restart
    double perturbation = 0.2;             ///< perturbation of the best cut's angles, as a fraction of pi; (0, 1]
    std::size_t maxDescentSteps = 1000;    ///< gradient steps per minimisation
    double gradientTolerance = 1e-4;       ///< stop a minimisation when max |g_i| <= tol * (1 + max |w|)
    std::uint64_t maxIterations = 0;       ///< iterations (0 = none); a time or iteration limit is required
    std::optional<double> targetCut;       ///< stop at the first cut reaching this (MQLib tolerance)
    double timeLimitSeconds = 0.0;         ///< wall-clock limit (0 = none)
    std::uint64_t seed = 1;                ///< generator of starting angles and perturbations
    bool localSearch = true;               ///< improve every rounded cut by single flips
    bool recordTrace = true;               ///< keep the improvement trace
};

/// f(theta) = sum over edges of w_uv cos(theta_u - theta_v), the rank-two relaxation's objective (minimised).
double rankTwoObjective(const WeightedGraph& graph, const std::vector<double>& theta);

/// Procedure CUT: the best of the n + 1 cuts {v : theta_v - alpha in [0, pi) mod 2 pi} over alpha in [0, pi),
/// found by one sort and one sweep that flips one vertex per event. Returns the cut's bits (x_v = 1: v in S)
/// and writes its value to `cut`. O(n log n + m).
Bits bestAngleCut(const WeightedGraph& graph, const std::vector<double>& theta, double& cut);

/// CirCut for Max-Cut on `graph`. One iteration (counted from 1): minimise f by gradient descent with an Armijo
/// line search from the current angles, round with bestAngleCut, improve by single flips (localSearch), and
/// keep the cut when it beats the best; the next angles are the best cut's (0 or pi) plus a uniform perturbation
/// of +-perturbation * pi. After maxFailures iterations without improvement the search restarts from a new
/// start: uniform random angles for random starts, or a pool member's angles (0 or pi) plus the perturbation
/// (the warm-start hook). runs counts starts, operations counts gradient steps; t* is the first iteration whose
/// best cut reaches the target. Energies are -cut. Single-threaded; time and cancel are polled every gradient
/// step. Throws Error(InvalidArgument) for starts of the wrong size, out-of-range options, or neither a time nor
/// an iteration limit.
HeuristicResult runBurerRank2(const WeightedGraph& graph, const StartSource& starts, const BurerOptions& options,
                              RunControl& control = RunControl::none());

} // namespace engine
