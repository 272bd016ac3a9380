// SPDX-License-Identifier: MIT
// Festa, Pardalos, Resende and Ribeiro's VNS with path relinking for Max-Cut (MQLib's FESTA2002VNSPR).
#pragma once

#include "core/run_control.h"
#include "graph/weighted_graph.h"
#include "heuristics/heuristic_result.h"
#include "heuristics/start_source.h"

#include <cstdint>
#include <optional>

namespace engine {

/// Options of the VNS with path relinking. The defaults are MQLib's FESTA2002VNSPR parameters.
struct VnsOptions {
    std::size_t maxNeighbourhood = 100;    ///< k_max, capped at n (MQLib: 100 without GRASP); >= 1
    std::size_t eliteSize = 30;            ///< elite pool size; >= 1
    double eliteDistanceFraction = 0.01;   ///< "different enough": Hamming distance >= ceil(fraction * n); in [0, 1]
    bool pathRelinking = true;             ///< false gives MQLib's FESTA2002VNS (no pool, no relinking)
    std::uint64_t maxIterations = 0;       ///< outer iterations (0 = none)
    std::optional<double> targetCut;       ///< stop at the first state whose cut reaches this (MQLib tolerance)
    double timeLimitSeconds = 0.0;         ///< wall-clock limit (0 = none); a time or iteration limit is required
    std::uint64_t seed = 1;                ///< generator of starts, shakes and elite picks
    bool recordTrace = true;               ///< keep the improvement trace
};

/// FESTA2002VNSPR (algorithms.md 4.5) for Max-Cut on `graph`, bit x_v = 1 meaning v is in S. Outer iteration i
/// (counted from 1): draw a start from `starts` (the warm-start hook; MQLib draws uniform random bits), VNS from
/// it (k = 1..k_max: flip k distinct random vertices, local search alternating over the ordered lists S and S-bar,
/// accept and reset k when the cut improves), then path relinking towards a random elite member and the elite
/// pool update (the first iteration's solution only enters the pool). operations counts VNS steps (one shake and
/// its local search each). t* is the outer iteration during which the target cut is first held (a start already
/// there gives the current iteration). Energies are -cut. Single-threaded; time and cancel are polled every VNS
/// step. Cost per VNS step: O(n + sum of degrees of the vertices moved) plus O(n) per local-search move (list
/// rotation, as in MQLib). Known difference from MQLib's code: there the S/S-bar lists of the current solution
/// are not carried over when a neighbour is accepted and every shaken vertex is appended to S-bar; here the
/// lists always follow the sides (the paper's description), so scan orders differ, not the method.
/// Throws Error(InvalidArgument) for starts of the wrong size, out-of-range options, or neither a time limit nor
/// an iteration limit.
HeuristicResult runVnsPathRelinking(const WeightedGraph& graph, const StartSource& starts,
                                    const VnsOptions& options, RunControl& control = RunControl::none());

} // namespace engine
