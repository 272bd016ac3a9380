// SPDX-License-Identifier: MIT
// Budget-constrained local search for LCRP assignments (one-hot kept): repair over-budget starts, then improve.
#pragma once

#include "core/run_control.h"
#include "lcrp/lcrp_instance.h"
#include "lcrp/lcrp_objective.h"

#include <cstddef>
#include <vector>

namespace engine {

/// Options of refineLcrpAssignment.
struct LcrpLocalSearchOptions {
    bool pairMoves = true;          ///< also try moving two tasks at once (one up, one down) when no single move helps
    std::size_t maxMoves = 100000;  ///< stop after this many accepted moves
};

/// Outcome of refineLcrpAssignment.
struct LcrpLocalSearchResult {
    std::vector<int> assignment;  ///< model index per task
    double unaryObjective = 0.0;  ///< sum of the table's unary terms (the objective while within the budget)
    double objective = 0.0;       ///< the direct objective F (table.ofAssignment: budget penalty included)
    double costUsd = 0.0;         ///< total cost, USD
    bool withinBudget = false;    ///< costUsd <= B
    std::size_t repairMoves = 0;  ///< moves made to bring the cost within the budget
    std::size_t moves = 0;        ///< improving moves made afterwards
    bool cancelled = false;
};

/// Local search for min sum of unary terms subject to cost <= B (the budget as a hard constraint), from `start`
/// (one model per task). Repair: while the cost exceeds B, the single reassignment that saves cost at the
/// smallest objective increase per USD saved. Improvement: the best single reassignment that lowers the unary
/// objective and keeps the cost within max(B, cost after repair); when none exists and pairMoves is set, the best
/// simultaneous reassignment of two tasks. Every move keeps one model per task. Deterministic (ties: lowest task,
/// then model index). Cancel is checked every pass. Throws Error(InvalidArgument) when `start` does not fit the
/// table. O(passes * N M) for single moves, O(N^2 M^2) per pass that needs pair moves.
LcrpLocalSearchResult refineLcrpAssignment(const LcrpObjectiveTable& table, std::vector<int> start,
                                           const LcrpLocalSearchOptions& options = {},
                                           RunControl& control = RunControl::none());

} // namespace engine
