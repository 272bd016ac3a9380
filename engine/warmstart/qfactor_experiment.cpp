// SPDX-License-Identifier: MIT
// Runs the random-start and warm-start heuristic trials behind a Q-factor and estimates it (algorithms.md 4.4, 5).
#include "warmstart/qfactor_experiment.h"

#include "core/error.h"

#include <cmath>
#include <limits>
#include <random>

namespace engine {

namespace {

constexpr double NEVER = std::numeric_limits<double>::infinity();

void checkOptions(const QFactorExperimentOptions& options, double target, const char* targetName)
{
    if (options.runsPerStartType == 0 || options.runsPerStartType > MAX_QFACTOR_RUNS)
        throw Error(ErrorCode::InvalidArgument, "runs per start type must lie in [1, 10000000]", "runsPerStartType");
    if (options.iterationCap == 0)
        throw Error(ErrorCode::InvalidArgument, "iteration cap T_total must be at least 1", "iterationCap");
    if (!std::isfinite(target))
        throw Error(ErrorCode::InvalidArgument, "target must be finite", targetName);
}

// splitmix64: turns (seed, stream, run) into well-spread seeds so neighbouring runs are not correlated.
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t run)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (2 * run + stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Runs `runOne(warm, run, inner)` for both start types in turn, collecting t_i, then estimates Q.
template <typename RunOne>
QFactorExperimentResult runBoth(const QFactorExperimentOptions& options, RunControl& control, RunOne runOne)
{
    // The heuristics get a control that shares the caller's cancel but not its progress callback, so the
    // caller sees one progress unit (runs) rather than each search's own iteration counts mixed in.
    RunControl inner;
    inner.setCancelCallback([&control] { return control.isCancelled(); });
    QFactorExperimentResult result;
    const std::size_t r = options.runsPerStartType;
    result.randomFirstSuccess.reserve(r);
    result.warmFirstSuccess.reserve(r);
    result.randomSeconds.reserve(r);
    result.warmSeconds.reserve(r);
    const double total = 2.0 * static_cast<double>(r);
    for (int type = 0; type < 2; ++type) {
        const bool warm = type == 1;
        auto& iterations = warm ? result.warmFirstSuccess : result.randomFirstSuccess;
        auto& seconds = warm ? result.warmSeconds : result.randomSeconds;
        for (std::size_t run = 0; run < r; ++run) {
            if (control.isCancelled()) {
                result.cancelled = true;
                return result;
            }
            const HeuristicResult h = runOne(warm, run, inner);
            if (h.cancelled) {
                result.cancelled = true;
                return result;
            }
            iterations.push_back(h.targetIteration ? static_cast<double>(*h.targetIteration) : NEVER);
            seconds.push_back(h.targetSeconds ? *h.targetSeconds : NEVER);
            control.reportProgress(static_cast<double>(type * r + run + 1), total,
                                   warm ? "warm starts" : "random starts");
        }
    }
    QFactorOptions q;
    q.cap = static_cast<double>(options.iterationCap);
    q.bootstrapResamples = options.bootstrapResamples;
    q.confidenceLevel = options.confidenceLevel;
    q.seed = mixSeed(options.seed, 2, 0);
    result.qfactor = estimateQFactor(result.randomFirstSuccess, result.warmFirstSuccess, q);
    return result;
}

} // namespace

QFactorExperimentResult runQFactorExperiment(const QuboModel& qubo, const std::vector<Bits>& warmPool,
                                             double targetEnergy, const QFactorExperimentOptions& options,
                                             RunControl& control)
{
    checkOptions(options, targetEnergy, "targetEnergy");
    const std::size_t n = qubo.numVariables();
    const StartSource randomStarts(n);
    const StartSource warmStarts(n, warmPool, options.poolOrder);

    TabuSearchOptions search = options.tabu;
    search.maxIterations = options.iterationCap;
    search.targetEnergy = targetEnergy;
    search.timeLimitSeconds = 0.0;
    search.recordTrace = false;
    // One generator per start type: the random starts do not depend on the pool, and vice versa.
    std::mt19937_64 randomRng(mixSeed(options.seed, 0, 0));
    std::mt19937_64 warmRng(mixSeed(options.seed, 1, 0));
    Bits start;
    return runBoth(options, control, [&](bool warm, std::size_t, RunControl& inner) {
        if (warm)
            warmStarts.draw(warmRng, start);
        else
            randomStarts.draw(randomRng, start);
        return runTabuSearch(qubo, start, search, inner);
    });
}

QFactorExperimentResult runQFactorExperiment(const WeightedGraph& graph, const std::vector<Bits>& warmPool,
                                             double targetCut, const QFactorExperimentOptions& options,
                                             RunControl& control)
{
    checkOptions(options, targetCut, "targetCut");
    const std::size_t n = graph.numVertices();
    const StartSource randomStarts(n);
    const StartSource warmStarts(n, warmPool, options.poolOrder);

    VnsOptions vns = options.vns;
    vns.maxIterations = options.iterationCap;
    vns.targetCut = targetCut;
    vns.timeLimitSeconds = 0.0;
    vns.recordTrace = false;
    return runBoth(options, control, [&](bool warm, std::size_t run, RunControl& inner) {
        // Each run is a fresh VNS call (own elite pool, own generator), hence independent of the others.
        vns.seed = mixSeed(options.seed, warm ? 1 : 0, run);
        return runVnsPathRelinking(graph, warm ? warmStarts : randomStarts, vns, inner);
    });
}

} // namespace engine
