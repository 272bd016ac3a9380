// SPDX-License-Identifier: MIT
// AR* of GNN-predicted against optimised QAOA angles.
#include "gnn/gnn_benchmark.h"

#include "core/error.h"
#include "gnn/gnn_qubo_generator.h"
#include "gnn/task_pool.h"
#include "qaoa/qaoa_simulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <numeric>

namespace engine {

double arStar(double expectation, double minEnergy, double maxEnergy)
{
    const double range = maxEnergy - minEnergy;
    return range > 0.0 ? 1.0 - (expectation - minEnergy) / range : 1.0;
}

GnnDifferenceSummary summarizeDifferences(std::vector<double> values)
{
    GnnDifferenceSummary s;
    s.count = values.size();
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    auto quantile = [&values](double q) {
        const double position = q * static_cast<double>(values.size() - 1);
        const auto low = static_cast<std::size_t>(std::floor(position));
        const std::size_t high = std::min(low + 1, values.size() - 1);
        return values[low] + (position - static_cast<double>(low)) * (values[high] - values[low]);
    };
    s.median = quantile(0.5);
    s.lowerQuartile = quantile(0.25);
    s.upperQuartile = quantile(0.75);
    s.minimum = values.front();
    s.maximum = values.back();
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    return s;
}

namespace {

void checkDepths(const std::vector<std::size_t>& depths)
{
    if (depths.empty())
        throw Error(ErrorCode::InvalidArgument, "no depths to compare", "depths");
    for (std::size_t p : depths)
        if (p == 0 || p > 16)
            throw Error(ErrorCode::InvalidArgument, "depths must be in 1..16", "depths");
}

void summarize(GnnComparison& c)
{
    std::sort(c.rows.begin(), c.rows.end(), [](const GnnComparisonRow& a, const GnnComparisonRow& b) {
        return a.index != b.index ? a.index < b.index : a.depth < b.depth;
    });
    std::map<std::size_t, std::vector<double>> byDepth;
    std::vector<double> all;
    for (const GnnComparisonRow& r : c.rows) {
        byDepth[r.depth].push_back(r.difference);
        all.push_back(r.difference);
    }
    for (auto& [p, values] : byDepth)
        c.perDepth[p] = summarizeDifferences(std::move(values));
    c.overall = summarizeDifferences(std::move(all));
}

/// Rows of one instance: the optimised AR* from `expectations[p - 1]`, the predictor's simulated now.
std::vector<GnnComparisonRow> compareInstance(const QuboModel& qubo, const std::vector<double>& expectations,
                                              double minEnergy, double maxEnergy,
                                              const std::vector<std::size_t>& depths,
                                              const QuboAnglePredictor& predictor, GnnComparisonRow base)
{
    const QaoaSimulator<double> simulator(qubo, 1);
    std::vector<GnnComparisonRow> rows;
    for (std::size_t p : depths) {
        if (expectations.size() < p)
            continue;
        GnnComparisonRow r = base;
        r.depth = p;
        r.arOptimized = arStar(expectations[p - 1], minEnergy, maxEnergy);
        r.arGnn = arStar(simulator.expectation(predictor(qubo, p)), minEnergy, maxEnergy);
        r.difference = r.arOptimized - r.arGnn;
        rows.push_back(r);
    }
    return rows;
}

} // namespace

GnnComparison runGnnBenchmark(const GnnBenchmarkOptions& options, const QuboAnglePredictor& predictor,
                              RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    if (options.instances == 0)
        throw Error(ErrorCode::InvalidArgument, "at least one instance is needed", "instances");
    checkDepths(options.depths);
    if (!predictor)
        throw Error(ErrorCode::InvalidArgument, "no predictor to compare", "predictor");
    (void)drawGnnQuboSpec(options.seed, 0, options.minNodes, options.maxNodes);  // validates the node range
    AngleChainOptions chain = options.chain;
    chain.maxDepth = *std::max_element(options.depths.begin(), options.depths.end());
    chain.threads = 1;

    GnnComparison result;
    std::mutex mutex;
    std::size_t done = 0;
    auto stop = [&control] { return control.isCancelled(); };
    runIndexedTasks(
        options.instances, options.threads,
        [&](std::size_t k) {
            const GnnQuboSpec spec = drawGnnQuboSpec(options.seed, k, options.minNodes, options.maxNodes);
            const QuboModel qubo = gnnQubo(spec);
            RunControl chainControl;
            chainControl.setCancelCallback(stop);
            AngleChainOptions mine = chain;
            mine.seed = spec.seed ^ 0x2545f491ULL;
            const AngleChainResult optimized = optimizeAngleChain(qubo, mine, chainControl);
            if (optimized.cancelled)
                return;
            std::vector<double> expectations;
            for (const AngleChainLevel& l : optimized.levels)
                expectations.push_back(l.expectation);
            GnnComparisonRow base;
            base.index = k;
            base.numNodes = spec.numNodes;
            base.family = gnnQuboFamilyName(spec.family);
            base.edgeProbability = spec.edgeProbability;
            std::vector<GnnComparisonRow> rows = compareInstance(qubo, expectations, optimized.minEnergy,
                                                                 optimized.maxEnergy, options.depths, predictor, base);
            const std::lock_guard lock(mutex);
            result.rows.insert(result.rows.end(), rows.begin(), rows.end());
            ++done;
            control.reportProgress(static_cast<double>(done), static_cast<double>(options.instances), "benchmark");
        },
        stop);
    result.cancelled = control.isCancelled();
    summarize(result);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

GnnComparison compareGnnOnSamples(const std::vector<GnnSample>& samples, const std::vector<std::size_t>& depths,
                                  const QuboAnglePredictor& predictor, int threads, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    checkDepths(depths);
    if (!predictor)
        throw Error(ErrorCode::InvalidArgument, "no predictor to compare", "predictor");
    GnnComparison result;
    std::mutex mutex;
    std::size_t done = 0;
    runIndexedTasks(
        samples.size(), threads,
        [&](std::size_t k) {
            const GnnSample& s = samples[k];
            std::vector<double> expectations;
            for (const AngleChainLevel& l : s.levels)
                expectations.push_back(l.expectation);
            GnnComparisonRow base;
            base.index = s.index;
            base.numNodes = s.qubo.numVariables();
            base.family = s.family;
            base.edgeProbability = s.edgeProbability;
            std::vector<GnnComparisonRow> rows =
                compareInstance(s.qubo, expectations, s.minEnergy, s.maxEnergy, depths, predictor, base);
            const std::lock_guard lock(mutex);
            result.rows.insert(result.rows.end(), rows.begin(), rows.end());
            ++done;
            control.reportProgress(static_cast<double>(done), static_cast<double>(samples.size()), "evaluate");
        },
        [&control] { return control.isCancelled(); });
    result.cancelled = control.isCancelled();
    summarize(result);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace engine
