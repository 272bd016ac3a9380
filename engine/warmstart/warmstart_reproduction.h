// SPDX-License-Identifier: MIT
// The emulated warm-start protocol of the Phasecraft paper's Fig. 5: Q-factors of QAOA-sampled tabu starts.
#pragma once

#include "core/run_control.h"
#include "graph/weighted_graph.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace engine {

/// Largest graph size of the protocol: the optimum is found by brute force and the QAOA state is simulated.
constexpr std::size_t MAX_WARMSTART_REPRODUCTION_VERTICES = 26;
/// Largest number of graphs per (family, size), and of samples per QAOA state, accepted.
constexpr std::size_t MAX_WARMSTART_REPRODUCTION_GRAPHS = 100'000;
constexpr std::uint64_t MAX_WARMSTART_REPRODUCTION_SAMPLES = 100'000'000;

/// A random graph family of the protocol (unweighted).
struct WarmstartGraphFamily {
    enum class Kind {
        Regular,     ///< random d-regular graphs, d = `parameter`
        ErdosRenyi,  ///< G(n, p) with edge probability p = `parameter`
    };
    Kind kind = Kind::Regular;
    double parameter = 3.0;
};

/// "regular-D" or "er-P" (for example "regular-3", "er-0.3"), and its parser: "regular-D" with an integer
/// 1 <= D <= 64, "er-P" with 0 < P <= 1. Throws Error(InvalidArgument) otherwise.
std::string warmstartGraphFamilyName(const WarmstartGraphFamily& family);
WarmstartGraphFamily warmstartGraphFamilyFromName(const std::string& name);

/// What t_i, R_min and T_total count (algorithms.md 4.4: the paper does not define its "iteration").
enum class WarmstartCostUnit {
    Iterations,  ///< STS iterations: one tabu move with the local search it triggers (runQFactorExperiment)
    Operations,  ///< STS operations z: one per evaluated move, the finer counter MQLib's budget uses
};
/// "iterations", "operations", and the parser (Error(InvalidArgument) otherwise).
const char* warmstartCostUnitName(WarmstartCostUnit unit) noexcept;
WarmstartCostUnit warmstartCostUnitFromName(const std::string& name);

/// Options of reproduceWarmstartEmulated. The defaults are the paper's Fig. 5 protocol (algorithms.md 4.4, 5).
struct WarmstartReproductionOptions {
    std::vector<WarmstartGraphFamily> families{{WarmstartGraphFamily::Kind::Regular, 3.0},
                                               {WarmstartGraphFamily::Kind::ErdosRenyi, 0.3}};
    std::vector<std::size_t> sizes{4, 6, 8, 10, 12, 14, 16, 18};  ///< N, each 2..MAX_WARMSTART_REPRODUCTION_VERTICES
    std::size_t graphsPerSize = 10;         ///< random graphs per (family, N)
    std::vector<std::size_t> depths{1, 2, 3, 4, 5, 6};  ///< p, each 1..6 (the balanced rule's tables)
    std::uint64_t samples = 1000;           ///< shots drawn from each QAOA state: the warm-start pool
    std::size_t runsPerStartType = 1000;    ///< R tabu runs from random starts and R from the pool
    std::uint64_t iterationCap = 500;       ///< T_total of every run, in `unit` (the paper: 500 for N <= 18)
    WarmstartCostUnit unit = WarmstartCostUnit::Iterations;
    std::uint64_t seed = 1;                 ///< graphs, shots and runs are all derived from it
    int threads = 0;                        ///< simulator threads (0 = all cores); results do not depend on it
};

/// One (graph, depth) of the protocol.
struct WarmstartReproductionRow {
    std::string family;           ///< warmstartGraphFamilyName
    std::size_t n = 0;            ///< vertices
    std::size_t graph = 0;        ///< index of the graph within (family, n), from 0
    std::size_t edges = 0;
    std::size_t depth = 0;        ///< p
    double optimum = 0.0;         ///< maximum cut (brute force)
    double rminRandom = 0.0;      ///< R_min of the random starts in the options' unit (T_total * R when censored)
    double rminWarm = 0.0;        ///< R_min of the warm starts
    double qFactor = 0.0;         ///< R_min(random) / R_min(warm); 0 for warm_failed, NaN for undefined
    std::string qKind;            ///< qFactorKindName: "estimate", "lower_bound", "warm_failed", "undefined"
    std::size_t randomSuccesses = 0;  ///< random-start runs that reached the optimum within T_total
    std::size_t warmSuccesses = 0;    ///< warm-start runs that did
    std::size_t poolSize = 0;     ///< sampled bitstrings in the pool (with multiplicity) = samples
    double poolOptimalFraction = 0.0;  ///< fraction of the pool that is already a maximum cut
    double meanSampledCut = 0.0;  ///< mean cut of the pool, for the approximation ratio meanSampledCut / optimum
    double seconds = 0.0;         ///< wall time of the row (sampling and both run sets; the optimum is per graph)
};

/// Median Q over the graphs of one (family, n, p).
struct WarmstartSummaryRow {
    std::string family;
    std::size_t n = 0;
    std::size_t depth = 0;
    std::size_t graphs = 0;       ///< rows with a defined Q (undefined ones are left out)
    double medianQ = 0.0;         ///< median of the defined Q (lower bounds at their value, warm_failed at 0)
    double minQ = 0.0;
    double maxQ = 0.0;
    std::size_t lowerBounds = 0;  ///< rows whose Q is a censored lower bound
    std::size_t warmFailed = 0;   ///< rows where no warm start reached the optimum
    std::size_t undefined = 0;    ///< rows where neither start type did
};

/// Graph g (from 0) of `family` on n vertices as the protocol draws it for `seed` (from the seed, the family's
/// name, n and g; an Erdos-Renyi draw without edges is redrawn from a derived seed, at most 1000 times), so
/// that any row can be rebuilt. Unit weights. Throws as the generators, and Error(LimitExceeded) when no
/// Erdos-Renyi draw has an edge. O(n^2).
WeightedGraph warmstartReproductionGraph(const WarmstartGraphFamily& family, std::size_t n, std::size_t graph,
                                         std::uint64_t seed);

/// Runs the protocol: for each family, size N and graph g (warmstartReproductionGraph), the maximum cut by brute force over
/// encodeMaxCut, and for each depth p the QAOA state at the balanced rule's predicted angles (alpha = 0.5,
/// no optimisation), `samples` shots from it as the warm-start pool (with multiplicity, taken in sampled
/// order), and runQFactorExperiment on the QUBO (tabu search, R runs per start type, cap T_total, target =
/// the optimum, no bootstrap). With WarmstartCostUnit::Operations the same 2R independent STS runs (random
/// starts from a seeded mt19937_64, warm starts pool[0], pool[1], ... wrapping) use an operation budget of
/// T_total and t_i = the operations z spent when the optimum was reached (1 for an optimal start); a run that
/// reaches it only by overshooting the budget in its last iteration counts as a failure. Rows come in the order family, N, g, p. Deterministic for a seed, whatever the
/// thread count. Progress: one step per row, stage "family N=n"; cancel is polled between rows and inside the
/// runs, and the rows finished so far are returned. Cost per row O(2^N N p) for the state plus 2 R T_total
/// tabu iterations of O(N); per graph O(2^N) for the optimum.
/// Throws Error(InvalidArgument) for empty lists, sizes or depths out of range, a regular family with N * d odd
/// or d >= N, zero graphs, samples or runs, counts above the limits, T_total == 0; Error(LimitExceeded) when
/// no graph with an edge is found.
std::vector<WarmstartReproductionRow> reproduceWarmstartEmulated(const WarmstartReproductionOptions& options,
                                                                 RunControl& control = RunControl::none());

/// The median summary of `rows`, one line per (family, n, p) in order of first appearance. O(rows log rows).
std::vector<WarmstartSummaryRow> summarizeWarmstartReproduction(const std::vector<WarmstartReproductionRow>& rows);

/// The rows as CSV, header line first; a NaN Q is written as an empty field.
std::string warmstartReproductionCsv(const std::vector<WarmstartReproductionRow>& rows);
/// The summary as CSV, header line first; an empty group's statistics are empty fields.
std::string warmstartSummaryCsv(const std::vector<WarmstartSummaryRow>& summary);

} // namespace engine
