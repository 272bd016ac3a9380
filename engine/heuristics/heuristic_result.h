// SPDX-License-Identifier: MIT
// The result every warm-startable heuristic returns: best state, work counters and the time to a target.
#pragma once

#include "core/bits.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace engine {

/// One entry of an improvement trace: the search held a new best energy at the end of `iteration`.
struct HeuristicTracePoint {
    std::uint64_t iteration = 0;  ///< iterations completed when the best was reached (0 for the first start)
    double seconds = 0.0;         ///< wall time since the call began
    double energy = 0.0;          ///< the new best energy (minimisation sign)
};

/// Trace points kept per call; later improvements still count but are no longer recorded (bounds memory).
constexpr std::size_t MAX_HEURISTIC_TRACE_POINTS = 100'000;

/// Result of a tabu search or VNS call. Energies use the minimisation sign of QuboModel (Max-Cut: -cut).
/// "Iteration" is the heuristic's own unit (tabu: one move with any local search it triggers; VNS: one outer
/// iteration = start, VNS, path relinking); see the functions' comments for the exact counting.
struct HeuristicResult {
    Bits bits;                                  ///< best state found (the start when nothing improved on it)
    double energy = std::numeric_limits<double>::infinity();  ///< energy of `bits`, recomputed exactly
    std::uint64_t iterations = 0;               ///< iterations executed (summed over runs and threads)
    std::uint64_t operations = 0;               ///< finer work counter: tabu = evaluated moves z; VNS = VNS steps
    std::uint64_t runs = 0;                     ///< starts searched from (tabu: STS runs; VNS: outer iterations)
    std::optional<std::uint64_t> targetIteration;  ///< t*: first iteration, from 1, that ended at the target
    std::optional<double> targetSeconds;        ///< wall seconds from the call's start until t*
    double seconds = 0.0;                       ///< wall time of the call
    std::vector<HeuristicTracePoint> trace;     ///< every new best in time order (when tracing is on)
    bool timedOut = false;                      ///< stopped by the time limit
    bool cancelled = false;                     ///< stopped by RunControl

    bool reachedTarget() const { return targetIteration.has_value(); }
};

} // namespace engine
