// SPDX-License-Identifier: MIT
// Runs the random-start and warm-start heuristic trials behind a Q-factor and estimates it (algorithms.md 4.4, 5).
#include "warmstart/qfactor_experiment.h"

#include "core/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double NEVER = std::numeric_limits<double>::infinity();
// The steady clock's resolution: a first success cannot be measured shorter, and t_i must be > 0 for R_min.
constexpr double CLOCK_RESOLUTION_SECONDS = 1e-9;

bool timeMode(const QFactorExperimentOptions& options)
{
    return options.timeLimitSeconds > 0.0;
}

void checkOptions(const QFactorExperimentOptions& options, double target, const char* targetName)
{
    if (options.runsPerStartType == 0 || options.runsPerStartType > MAX_QFACTOR_RUNS)
        throw Error(ErrorCode::InvalidArgument, "runs per start type must lie in [1, 10000000]", "runsPerStartType");
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be finite and >= 0", "timeLimitSeconds");
    // In time mode the iteration cap is not used, so it is not checked either.
    if (!timeMode(options) && options.iterationCap == 0)
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

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// What one finished run contributes: t_i in the experiment's unit and the wall seconds to the target.
struct RunOutcome {
    double t = NEVER;
    double seconds = NEVER;
    bool cancelled = false;
};

RunOutcome iterationOutcome(const HeuristicResult& h)
{
    RunOutcome out;
    out.cancelled = h.cancelled;
    if (h.targetIteration)
        out.t = static_cast<double>(*h.targetIteration);
    if (h.targetSeconds)
        out.seconds = *h.targetSeconds;
    return out;
}

// A time-mode first success at `seconds` from the run's start. Every search inside the run is given the time
// left until the cap as its own limit, so a target it reports lies inside the run's window as far as the search
// could tell. The search only reads the clock every few hundred iterations (and the target is recorded when it
// is reached, not when the clock is next read), and the reading itself comes after the target move, so a success
// can be measured a little beyond the cap although the search was still within its limit when it last looked.
// Such a run succeeded within T_total by construction, so it counts as succeeding at T_total. This is not a clamp
// of arbitrary values: the run's limit is what bounds t_i, and only this measurement lag is absorbed. Exact zeros
// (a start already at the target, timed below the clock's resolution) become one tick, as R_min needs t_i > 0.
double timeModeSuccess(double seconds, double cap)
{
    if (seconds > cap)
        return cap;
    return std::max(seconds, CLOCK_RESOLUTION_SECONDS);
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
    result.cap = timeMode(options) ? options.timeLimitSeconds : static_cast<double>(options.iterationCap);
    const std::size_t r = options.runsPerStartType;
    result.randomFirstSuccess.reserve(r);
    result.warmFirstSuccess.reserve(r);
    result.randomSeconds.reserve(r);
    result.warmSeconds.reserve(r);
    const double total = 2.0 * static_cast<double>(r);
    for (int type = 0; type < 2; ++type) {
        const bool warm = type == 1;
        auto& firstSuccess = warm ? result.warmFirstSuccess : result.randomFirstSuccess;
        auto& seconds = warm ? result.warmSeconds : result.randomSeconds;
        for (std::size_t run = 0; run < r; ++run) {
            if (control.isCancelled()) {
                result.cancelled = true;
                return result;
            }
            const RunOutcome o = runOne(warm, run, inner);
            if (o.cancelled) {
                result.cancelled = true;
                return result;
            }
            firstSuccess.push_back(o.t);
            seconds.push_back(o.seconds);
            if (options.onRun)
                options.onRun(warm, o.t, o.seconds);
            control.reportProgress(static_cast<double>(type * r + run + 1), total,
                                   warm ? "warm starts" : "random starts");
        }
    }
    QFactorOptions q;
    q.cap = result.cap;
    q.bootstrapResamples = options.bootstrapResamples;
    q.confidenceLevel = options.confidenceLevel;
    q.seed = mixSeed(options.seed, 2, 0);
    result.qfactor = estimateQFactor(result.randomFirstSuccess, result.warmFirstSuccess, q);
    return result;
}

// One time-mode tabu run: STS from successive starts of one kind until the target or the run's time limit.
RunOutcome timedTabuRun(const QuboModel& qubo, const StartSource& starts, std::mt19937_64& rng,
                        TabuSearchOptions search, double cap, RunControl& inner)
{
    RunOutcome out;
    Bits start;
    const Clock::time_point runStart = Clock::now();
    for (;;) {
        const double offset = secondsSince(runStart);
        const double remaining = cap - offset;
        if (remaining <= 0.0)
            return out;
        starts.draw(rng, start);
        search.timeLimitSeconds = remaining;
        const HeuristicResult h = runTabuSearch(qubo, start, search, inner);
        if (h.cancelled) {
            out.cancelled = true;
            return out;
        }
        if (h.targetSeconds) {
            out.t = timeModeSuccess(offset + *h.targetSeconds, cap);
            out.seconds = out.t;
            return out;
        }
        if (h.timedOut)
            return out;
        // Otherwise the operation budget ran out without the target: restart from the next start.
    }
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
    search.targetEnergy = targetEnergy;
    search.timeLimitSeconds = 0.0;
    search.recordTrace = false;
    if (timeMode(options)) {
        // One run = repeated STS within the time limit, each with its full operation budget (options.tabu's,
        // by default MQLib's) and no iteration cap. Each run has its own generator, so run r's sequence of
        // random starts (or random pool picks) does not depend on how many starts earlier runs used.
        search.maxIterations = 0;
        return runBoth(options, control, [&](bool warm, std::size_t run, RunControl& inner) {
            std::mt19937_64 rng(mixSeed(options.seed, warm ? 1 : 0, run));
            return timedTabuRun(qubo, warm ? warmStarts : randomStarts, rng, search, options.timeLimitSeconds,
                                inner);
        });
    }
    search.maxIterations = options.iterationCap;
    // One generator per start type: the random starts do not depend on the pool, and vice versa.
    std::mt19937_64 randomRng(mixSeed(options.seed, 0, 0));
    std::mt19937_64 warmRng(mixSeed(options.seed, 1, 0));
    Bits start;
    return runBoth(options, control, [&](bool warm, std::size_t, RunControl& inner) {
        if (warm)
            warmStarts.draw(warmRng, start);
        else
            randomStarts.draw(randomRng, start);
        return iterationOutcome(runTabuSearch(qubo, start, search, inner));
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
    vns.targetCut = targetCut;
    vns.recordTrace = false;
    const bool timed = timeMode(options);
    // Time mode: one VNS call limited by the time alone; its outer loop already restarts from the next start.
    vns.maxIterations = timed ? 0 : options.iterationCap;
    vns.timeLimitSeconds = timed ? options.timeLimitSeconds : 0.0;
    return runBoth(options, control, [&](bool warm, std::size_t run, RunControl& inner) {
        // Each run is a fresh VNS call (own elite pool, own generator), hence independent of the others.
        vns.seed = mixSeed(options.seed, warm ? 1 : 0, run);
        const HeuristicResult h = runVnsPathRelinking(graph, warm ? warmStarts : randomStarts, vns, inner);
        if (!timed)
            return iterationOutcome(h);
        RunOutcome out;
        out.cancelled = h.cancelled;
        if (h.targetSeconds) {
            out.t = timeModeSuccess(*h.targetSeconds, options.timeLimitSeconds);
            out.seconds = out.t;
        }
        return out;
    });
}

} // namespace engine
