// SPDX-License-Identifier: MIT
// AR* of GNN-predicted against optimised QAOA angles: the warm-starts paper's Fig. 4 protocol and data-set checks.
#pragma once

#include "core/run_control.h"
#include "gnn/angle_label_chain.h"
#include "gnn/gnn_dataset.h"
#include "qaoa/qaoa_run.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace engine {

/// AR* = 1 - (E - E_min) / (E_max - E_min) (warm-starts paper Eq. 16); 1 when E_max = E_min.
double arStar(double expectation, double minEnergy, double maxEnergy);

/// One instance at one depth.
struct GnnComparisonRow {
    std::uint64_t index = 0;        ///< instance index
    std::size_t numNodes = 0;
    std::string family;
    double edgeProbability = 0.0;
    std::size_t depth = 0;          ///< p
    double arOptimized = 0.0;       ///< AR* of the optimised angles (INTERP chain + restarts)
    double arGnn = 0.0;             ///< AR* of the predicted angles
    double difference = 0.0;        ///< arOptimized - arGnn (negative: the GNN found the better point)
};

/// Order statistics of the differences (quartiles by linear interpolation, as numpy's default).
struct GnnDifferenceSummary {
    std::size_t count = 0;
    double median = 0.0;
    double lowerQuartile = 0.0;
    double upperQuartile = 0.0;
    double minimum = 0.0;
    double maximum = 0.0;
    double mean = 0.0;
};
/// Summary of `values`; all zero for an empty list.
GnnDifferenceSummary summarizeDifferences(std::vector<double> values);

/// Outcome of a comparison.
struct GnnComparison {
    std::vector<GnnComparisonRow> rows;                  ///< ordered by index, then depth
    std::map<std::size_t, GnnDifferenceSummary> perDepth;
    GnnDifferenceSummary overall;
    double seconds = 0.0;
    bool cancelled = false;                              ///< rows then hold the finished instances
};

/// Options of runGnnBenchmark (defaults: the paper's Fig. 4 protocol).
struct GnnBenchmarkOptions {
    std::uint64_t instances = 250;
    std::size_t minNodes = 20;                 ///< N uniform in [minNodes, maxNodes]
    std::size_t maxNodes = 25;
    std::vector<std::size_t> depths{2, 3, 4, 5, 6};
    std::uint64_t seed = 2025;                 ///< instance specs drawGnnQuboSpec(seed, k, ...)
    int threads = 1;                           ///< instances in parallel
    AngleChainOptions chain;                   ///< the optimiser (maxDepth is set to the largest depth)
};

/// The Fig. 4 protocol: random Erdos-Renyi QUBOs (gnn_qubo_generator.h, edge probability in [0.1, 0.9], the
/// paper's families), exact E_min / E_max over all 2^N states, angles optimised independently of the GNN
/// (optimizeAngleChain: INTERP chain with restarts, L-BFGS with adjoint gradients) and predicted by `predictor`,
/// compared in AR*. Progress: instances done; cancel stops after the running instances. Throws
/// Error(InvalidArgument) for no instances or depths, a depth of 0 or above 16, and what the parts throw.
/// Cost: one optimiser chain per instance, O(evaluations p N 2^N).
GnnComparison runGnnBenchmark(const GnnBenchmarkOptions& options, const QuboAnglePredictor& predictor,
                              RunControl& control = RunControl::none());

/// The same comparison on labelled samples (their stored optimised expectations against the predictor's angles
/// simulated now), for every depth in `depths` that a sample has a label for. Threads as above.
GnnComparison compareGnnOnSamples(const std::vector<GnnSample>& samples, const std::vector<std::size_t>& depths,
                                  const QuboAnglePredictor& predictor, int threads = 1,
                                  RunControl& control = RunControl::none());

} // namespace engine
