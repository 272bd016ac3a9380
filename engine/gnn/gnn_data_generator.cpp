// SPDX-License-Identifier: MIT
// Labelled GNN training data: random QUBO graphs with angles from the optimiser chain, on a thread pool.
#include "gnn/gnn_data_generator.h"

#include "core/error.h"
#include "gnn/gnn_qubo_generator.h"
#include "gnn/task_pool.h"

#include <atomic>
#include <mutex>

namespace engine {

std::uint64_t generateGnnDataset(const GnnDataOptions& options, const GnnSampleSink& sink, RunControl& control)
{
    if (options.threads < 1 || options.threads > 1024)
        throw Error(ErrorCode::InvalidArgument, "the number of threads must be in 1..1024", "threads");
    (void)drawGnnQuboSpec(options.seed, 0, options.minNodes, options.maxNodes);  // validates the node range
    std::vector<std::uint64_t> todo;
    for (std::uint64_t k = 0; k < options.count; ++k)
        if (options.skip.count(k) == 0)
            todo.push_back(k);

    std::mutex mutex;  // guards sink, done and progress reports
    std::uint64_t done = 0;
    std::atomic<bool> failed{false};
    auto stop = [&] { return failed.load() || control.isCancelled(); };
    runIndexedTasks(
        todo.size(), options.threads,
        [&](std::size_t slot) {
            try {
                RunControl chainControl;
                chainControl.setCancelCallback(stop);
                const std::uint64_t index = todo[slot];
                const GnnQuboSpec spec = drawGnnQuboSpec(options.seed, index, options.minNodes, options.maxNodes);
                AngleChainOptions chain = options.chain;
                chain.seed = spec.seed ^ 0x5bd1e995ULL;
                chain.threads = 1;
                GnnSample sample;
                sample.index = index;
                sample.family = gnnQuboFamilyName(spec.family);
                sample.edgeProbability = spec.edgeProbability;
                sample.qubo = gnnQubo(spec);
                const AngleChainResult labels = optimizeAngleChain(sample.qubo, chain, chainControl);
                if (labels.cancelled)
                    return;
                sample.rms = labels.rms;
                sample.minEnergy = labels.minEnergy;
                sample.maxEnergy = labels.maxEnergy;
                sample.levels = labels.levels;
                const std::lock_guard lock(mutex);
                sink(sample);
                ++done;
                control.reportProgress(static_cast<double>(done), static_cast<double>(todo.size()),
                                       "label instances");
            } catch (...) {
                failed.store(true);
                throw;
            }
        },
        stop);
    return done;
}

} // namespace engine
