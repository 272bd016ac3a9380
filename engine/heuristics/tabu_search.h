// SPDX-License-Identifier: MIT
// Palubeckis' simple tabu search (STS) and the MST1 multistart strategy for QUBO, as MQLib implements them.
#pragma once

#include "core/run_control.h"
#include "heuristics/heuristic_result.h"
#include "heuristics/start_source.h"
#include "qubo/qubo_model.h"

#include <cstdint>
#include <optional>

namespace engine {

/// How STS finds its move. Both make the same moves in the same order and count the same operations z (the
/// gain vector is updated by the same floating-point operations), so results are identical; only speed differs.
enum class TabuMoveSelection {
    /// MQLib's loop: every iteration scans all non-tabu variables in index order, O(n) comparisons with branches.
    FullScan,
    /// Keeps a gain array with tabu entries masked out and finds its maximum with a branch-free blocked scan;
    /// the aspiration test then needs only that maximum (it is monotone in the gain), and the first qualifying
    /// index is searched only when it passes. z is reconstructed from the tabu list (at most `tenure` entries).
    Indexed,
};

/// Options of STS and MST1. "Per run" limits apply to one STS from one start, "per call" ones to the call.
struct TabuSearchOptions {
    std::uint64_t operationBudget = 0;      ///< per run: z_max; 0 = MQLib's max(500000, n * Z(n))
    std::size_t tenure = 0;                 ///< tabu tenure T; 0 = MQLib's min(20, floor(n / 4)); must be < n
    std::uint64_t maxIterations = 0;        ///< per run: iteration cap (0 = none), e.g. T_total of the Q-factor
    std::optional<double> targetEnergy;     ///< per call: stop at the first state with energy <= target (MQLib
                                            ///< tolerance) and record t*; states are never compared exactly
    double timeLimitSeconds = 0.0;          ///< per call: wall-clock limit (0 = none)
    std::uint64_t seed = 1;                 ///< MST1 only: generator of random starts (a single STS is deterministic)
    TabuMoveSelection selection = TabuMoveSelection::Indexed;
    bool recordTrace = true;                ///< keep the improvement trace
};

/// MQLib's operation budget z_max = max(500000, n * Z) with Z = 3500 (n < 1000), 13000 (n < 2500), else 15000.
std::uint64_t defaultTabuOperationBudget(std::size_t numVariables);
/// MQLib's tenure min(20, floor(n / 4)).
std::size_t defaultTabuTenure(std::size_t numVariables);

/// One STS run (algorithms.md 4.2) from `start` on the minimisation QUBO, searched as MQLib's maximisation of
/// -energy. The aspiration value f* starts at f(start), so runs are independent (4.4). One iteration = one tabu
/// move including the local search it may trigger, counted from 1; t* is the first iteration whose end state
/// reaches the target (t* = 1 when the start already does, with no move made). Stops at z >= z_max (tested at
/// the top of the loop, so the last iteration may overshoot), at the iteration cap, at the target, at the time
/// limit or on cancel (time and cancel are polled every 256 iterations and at every new best).
/// Cost per iteration: O(n + degree(r)) for both selections (see TabuMoveSelection for the constants).
/// Result: best state of the run (the start if never improved), iterations, operations = z, runs = 1.
/// Throws Error(InvalidArgument) for a start of the wrong length or with values other than 0/1, a tenure >= n,
/// or a negative or non-finite time limit or a non-finite target.
HeuristicResult runTabuSearch(const QuboModel& qubo, const Bits& start, const TabuSearchOptions& options = {},
                              RunControl& control = RunControl::none());

/// Options of MST1.
struct MultistartTabuOptions {
    TabuSearchOptions search;      ///< per-run and per-call limits (a time limit or maxRuns is required)
    int threads = 1;               ///< worker threads, each restarting independently; 0 = hardware concurrency
    std::uint64_t maxRuns = 0;     ///< total STS runs over all threads (0 = unlimited)
    /// false (MQLib): f* is the best value found so far by the whole call, so a run aspires only to beat the
    /// global best (with several threads, whatever any thread has found). true (algorithms.md 4.4): each run
    /// starts with f* = f(start), as if it were a fresh MQLib invocation.
    bool independentRuns = false;
};

/// MST1 (algorithms.md 4.3): repeat { draw a start from `starts`; STS } until the time limit, maxRuns, the
/// target or cancel. With one thread and random starts this is MQLib's PalubeckisMST1 (f* set by the first
/// start, then shared by all runs). With T threads, thread t draws from its own generator seeded from
/// (seed, t) (thread 0 uses `seed` itself) and its own runs; the best state, f* (unless independentRuns) and
/// the stop flag are shared: f* is read once per iteration from an atomic, improvements are offered under a
/// mutex. The calling thread is thread 0; it starts the others after 0.5 ms or at the end of its first run,
/// whichever comes first, so trivial instances never pay for thread start-up. Results with T > 1 depend on
/// scheduling and are not reproducible run to run. iterations/operations/runs sum over threads; targetIteration counts the iterations of the thread that
/// reached the target, over all its runs, from 1; trace iterations likewise count per thread.
/// Throws Error(InvalidArgument) for threads < 0, starts of the wrong size, neither a time limit nor maxRuns,
/// and everything runTabuSearch rejects.
HeuristicResult runMultistartTabu(const QuboModel& qubo, const StartSource& starts,
                                  const MultistartTabuOptions& options, RunControl& control = RunControl::none());

} // namespace engine
