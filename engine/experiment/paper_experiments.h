// SPDX-License-Identifier: MIT
// One-click reproductions of the papers' experiments as experiment plans over the existing reproduce engines.
#pragma once

#include "experiment/experiment_plan.h"
#include "qaoa/lcrp_reproduction.h"
#include "transpile/routing_benchmark.h"
#include "warmstart/warmstart_reproduction.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// The presets.
enum class PaperExperiment {
    LcrpTable2,     ///< LCRP paper Table 2: penalty weight lambda_Q (reproduceLcrp Penalty)
    LcrpTable3,     ///< LCRP paper Table 3: task count N = 2, 4, 6 (reproduceLcrp Scaling)
    LcrpTable4,     ///< LCRP paper Table 4: depth p = 1..3 (reproduceLcrp Depth)
    WarmstartFig5,  ///< warm-starts paper Fig. 5: Q-factors on random graphs (reproduceWarmstartEmulated)
    RoutingFig7,    ///< warm-starts paper Fig. 7: routers on random regular graphs (runRoutingBenchmark)
};
/// "lcrp-table2", "lcrp-table3", "lcrp-table4", "warmstart-fig5", "routing-fig7".
const char* paperExperimentName(PaperExperiment experiment) noexcept;
/// Inverse of paperExperimentName; throws Error(InvalidArgument) naming the accepted names and `where`.
PaperExperiment paperExperimentFromName(const std::string& name, const std::string& where = "--preset");
/// Every preset in display order.
const std::vector<PaperExperiment>& paperExperiments();

/// Options of every preset.
struct PaperExperimentOptions {
    /// A reduced size that finishes in seconds to a minute: LCRP with 2 restarts x 40 evaluations and 1000 shots;
    /// Fig. 5 on N = 4, 6, 8, 3 graphs, p = 1..3, 200 shots, 100 runs; Fig. 7 on degree 3, N = 20, 30, 2 graphs.
    /// Otherwise the papers' sizes (the engines' defaults).
    bool quick = false;
    std::uint64_t seed = 1;   ///< passed to the engine (LCRP and Fig. 5); Fig. 7 keeps the protocol's seed 2025
    int innerThreads = 1;     ///< simulator threads per point (results do not depend on it)
    /// Custom sizes: when set, the engine options of that preset family as given (their seed and threads
    /// included; `quick`, `seed` and `innerThreads` are then ignored for it). The plan still splits them into
    /// points. LCRP presets split by `mixers`; Fig. 5 by families x sizes; Fig. 7 by devices x degrees x sizes.
    std::optional<LcrpReproductionOptions> lcrp;
    std::optional<WarmstartReproductionOptions> warmstart;
    std::optional<RoutingBenchmarkOptions> routing;
};

/// The preset as a plan. Points split the engine's work where the engine derives every random draw from the
/// row's own coordinates, so the rows equal the engine's single call: LCRP one point per mixer (every row is
/// seeded with options.seed), Fig. 5 one point per (family, N), Fig. 7 one point per (device, degree, N).
/// Columns:
/// lcrp-table*: axes tasks, lambda_q, p, objective, mixer; metrics qubits, valid_rate, valid_rate_exact,
///   random_valid_rate, feasible_rate, best_valid_cost_usd, best_valid_quality, decoded_best_cost_usd,
///   expectation, evaluations, seconds, paper_valid_rate, paper_cost_usd, paper_quality;
/// warmstart-fig5: axes family, n, graph, p; metrics edges, optimum, q_factor, q_kind, rmin_random, rmin_warm,
///   random_successes, warm_successes, pool_optimal_fraction, approximation_ratio, seconds;
/// routing-fig7: axes device, degree, vertices, graph, router; metrics swaps, depth, two_qubit_gates, seconds.
ExperimentPlan planPaperExperiment(PaperExperiment experiment, const PaperExperimentOptions& options = {});

} // namespace engine
