// SPDX-License-Identifier: MIT
// Labelled GNN training data: random QUBO graphs with angles from the optimiser chain, on a thread pool.
#pragma once

#include "core/run_control.h"
#include "gnn/angle_label_chain.h"
#include "gnn/gnn_dataset.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <vector>

namespace engine {

/// Options of generateGnnDataset.
struct GnnDataOptions {
    std::uint64_t count = 100;        ///< samples with indices 0..count-1
    std::uint64_t seed = 1;           ///< seeds the specs (drawGnnQuboSpec(seed, index, ...)) and the restarts
    std::size_t minNodes = 10;        ///< N range of the graphs
    std::size_t maxNodes = 20;
    int threads = 1;                  ///< worker threads, one instance each (>= 1)
    AngleChainOptions chain;          ///< labels for p = 1..chain.maxDepth (its seed is replaced per index)
    std::set<std::uint64_t> skip;     ///< indices already done (resuming a data set)
};

/// Called from the worker threads, one at a time (serialised by the generator), for every finished sample.
using GnnSampleSink = std::function<void(const GnnSample& sample)>;

/// Draws spec k = drawGnnQuboSpec(seed, k, minNodes, maxNodes) for every index k < count not in `skip`, builds
/// gnnQubo(spec), labels it with optimizeAngleChain (chain seed derived from seed and k, one kernel thread) and
/// hands it to `sink`. Instances are handed out to `threads` std::threads from a shared counter; each sample is
/// deterministic, only the order of the sink calls depends on the scheduling. Progress: samples done of those
/// to do, stage "label instances"; cancel stops after the running instances (their chains are cancelled too).
/// Returns the number of samples produced. Throws Error(InvalidArgument) for threads < 1 or a bad node range;
/// the first exception of a worker (or of `sink`) stops the others and is rethrown.
std::uint64_t generateGnnDataset(const GnnDataOptions& options, const GnnSampleSink& sink,
                                 RunControl& control = RunControl::none());

} // namespace engine
