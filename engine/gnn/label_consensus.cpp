// SPDX-License-Identifier: MIT
// Consensus relabelling of GNN training data.
#include "gnn/label_consensus.h"

#include "core/error.h"
#include "gnn/angle_label_chain.h"
#include "gnn/angle_symmetry.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/task_pool.h"
#include "qubo/ising_model.h"

#include <mutex>

namespace engine {

GnnRelabelStats relabelTowardsModels(std::vector<GnnSample>& samples,
                                     const std::map<std::size_t, GnnAngleModel>& models,
                                     const GnnRelabelOptions& options, RunControl& control)
{
    if (!(options.tolerance >= 0.0))
        throw Error(ErrorCode::InvalidArgument, "the tolerance must be >= 0", "tolerance");
    if (options.threads < 1 || options.threads > 1024)
        throw Error(ErrorCode::InvalidArgument, "the number of threads must be in 1..1024", "threads");
    GnnRelabelStats stats;
    double changeSum = 0.0;
    std::size_t done = 0;
    std::mutex mutex;  // guards stats, changeSum, done and progress reports
    runIndexedTasks(
        samples.size(), options.threads,
        [&](std::size_t k) {
            GnnSample& s = samples[k];
            const QaoaSimulator<double> simulator(s.qubo, 1);
            const bool spinFlip = isSpinFlipSymmetric(toIsing(s.qubo));
            std::uint64_t considered = 0;
            std::uint64_t replaced = 0;
            double change = 0.0;
            for (const auto& [p, model] : models) {
                if (p == 0 || s.levels.size() < p)
                    continue;
                ++considered;
                AngleChainLevel& level = s.levels[p - 1];
                const QaoaOptimizationResult run =
                    refineQaoaAngles(simulator, model.predict(s.qubo), options.maxEvaluations);
                if (run.bestAngles.gammas.empty())
                    continue;
                const double before = arStar(level.expectation, s.minEnergy, s.maxEnergy);
                const double after = arStar(run.bestExpectation, s.minEnergy, s.maxEnergy);
                if (after < before - options.tolerance)
                    continue;
                level.angles = canonicalQaoaAngles(run.bestAngles, spinFlip);
                level.expectation = run.bestExpectation;
                level.evaluations += run.evaluations;
                ++replaced;
                change += after - before;
            }
            const std::lock_guard lock(mutex);
            stats.considered += considered;
            stats.replaced += replaced;
            changeSum += change;
            ++done;
            control.reportProgress(static_cast<double>(done), static_cast<double>(samples.size()), "relabel");
        },
        [&control] { return control.isCancelled(); });
    stats.cancelled = control.isCancelled() && done < samples.size();
    stats.meanArChange = stats.replaced > 0 ? changeSum / static_cast<double>(stats.replaced) : 0.0;
    return stats;
}

} // namespace engine
