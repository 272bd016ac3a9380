// SPDX-License-Identifier: MIT
// Time-based expected runtimes of classical Max-Cut solvers beside warm-started tabu (the warm-starts paper's Fig. 10).
#include "warmstart/runtime_comparison.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "heuristics/burer_rank2.h"
#include "heuristics/tabu_search.h"
#include "heuristics/vns.h"
#include "solvers/qubo_exact_solver.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace engine {

namespace {

constexpr double NEVER = std::numeric_limits<double>::infinity();
constexpr double CLOCK_RESOLUTION_SECONDS = 1e-9;  // a success cannot be timed shorter; R_min needs t_i > 0
constexpr double BEST_FOUND_SECONDS = 1.0;         // the multistart tabu search that sets an unknown target

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t run)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (2 * run + stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void checkOptions(const WeightedGraph& graph, const std::vector<Bits>& pool, std::optional<double> optimumCut,
                  const RuntimeComparisonOptions& options)
{
    if (options.runs == 0)
        throw Error(ErrorCode::InvalidArgument, "at least one run per method is needed", "runs");
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be finite and > 0", "timeLimitSeconds");
    if (!std::isfinite(options.exactTimeLimitSeconds) || options.exactTimeLimitSeconds <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "exact time limit must be finite and > 0", "exactTimeLimitSeconds");
    if (optimumCut && !std::isfinite(*optimumCut))
        throw Error(ErrorCode::InvalidArgument, "optimum must be finite", "optimumCut");
    for (std::size_t i = 0; i < pool.size(); ++i)
        if (pool[i].size() != graph.numVertices())
            throw Error(ErrorCode::InvalidArgument, "pool member has the wrong number of bits",
                        "pool[" + std::to_string(i) + "]");
}

} // namespace

double medianSeconds(std::vector<double> seconds)
{
    if (seconds.empty())
        throw Error(ErrorCode::InvalidArgument, "no runs to take the median of", "seconds");
    std::sort(seconds.begin(), seconds.end());
    const std::size_t n = seconds.size();
    return n % 2 ? seconds[n / 2] : 0.5 * (seconds[n / 2 - 1] + seconds[n / 2]);
}

RuntimeComparison compareExpectedRuntimes(const WeightedGraph& graph, const std::vector<Bits>& warmPool,
                                          std::optional<double> optimumCut, const RuntimeComparisonOptions& options,
                                          RunControl& control)
{
    checkOptions(graph, warmPool, optimumCut, options);
    const std::size_t n = graph.numVertices();
    const QuboModel qubo = encodeMaxCut(graph);
    RuntimeComparison out;
    RunControl inner;  // shares the caller's cancel, not its progress (the stages report their own)
    inner.setCancelCallback([&control] { return control.isCancelled(); });

    // 1. The exact solver: its time, and the target when it proves one.
    std::optional<MethodRuntime> exactRow;
    if (options.exact) {
        control.reportProgress(0.0, 1.0, "exact");
        QuboExactOptions eo;
        eo.timeLimitSeconds = options.exactTimeLimitSeconds;
        const SolverResult r = solveQuboExact(qubo, eo, inner);
        if (r.status == SolverStatus::Cancelled) {
            out.cancelled = true;
            return out;
        }
        MethodRuntime row;
        row.method = "exact";
        row.runtime.runs = 1;
        row.runtime.successes = r.provenOptimal ? 1 : 0;
        row.runtime.censored = !r.provenOptimal;
        row.runtime.value = std::max(r.seconds, CLOCK_RESOLUTION_SECONDS);
        row.runtime.argmin = row.runtime.value;
        row.medianSeconds = r.provenOptimal ? row.runtime.value : NEVER;
        exactRow = row;
        if (!optimumCut && r.provenOptimal) {
            out.optimumCut = -r.objective;
            out.optimumSource = "exact_solver";
        }
    }
    if (optimumCut) {
        out.optimumCut = *optimumCut;
        out.optimumSource = "given";
    } else if (out.optimumSource.empty()) {
        control.reportProgress(0.0, 1.0, "optimum");
        MultistartTabuOptions mo;
        mo.search.timeLimitSeconds = BEST_FOUND_SECONDS;
        mo.search.seed = mixSeed(options.seed, 9, 0);
        mo.search.recordTrace = false;
        const HeuristicResult best = runMultistartTabu(qubo, StartSource(n), mo, inner);
        if (best.cancelled) {
            out.cancelled = true;
            return out;
        }
        out.optimumCut = -best.energy;
        out.optimumSource = "best_found";
    }

    // 2. The heuristics, each a series of time-limited optimisations aimed at the target.
    const double cap = options.timeLimitSeconds;
    const StartSource randomStarts(n);
    std::optional<StartSource> warmStarts;
    if (!warmPool.empty())
        warmStarts.emplace(n, warmPool, StartOrder::Random);

    using RunFn = std::function<HeuristicResult(std::uint64_t seed)>;
    auto series = [&](const char* method, std::uint64_t stream, const RunFn& runOne) -> bool {
        std::vector<double> firstSuccess;
        firstSuccess.reserve(options.runs);
        for (std::size_t run = 0; run < options.runs; ++run) {
            const HeuristicResult h = runOne(mixSeed(options.seed, stream, run));
            if (h.cancelled || control.isCancelled())
                return false;
            // The searches read the clock only every so often, so a success just past the limit was reached while
            // still inside it as far as the search could tell: it counts at the limit (see qfactor_experiment).
            firstSuccess.push_back(h.targetSeconds ? std::clamp(*h.targetSeconds, CLOCK_RESOLUTION_SECONDS, cap)
                                                   : NEVER);
            control.reportProgress(static_cast<double>(run + 1), static_cast<double>(options.runs), method);
        }
        MethodRuntime row;
        row.method = method;
        row.runtime = minimalExpectedRuntime(firstSuccess, cap);
        row.medianSeconds = medianSeconds(firstSuccess);
        out.methods.push_back(row);
        return true;
    };

    auto tabuRun = [&](const StartSource& starts) {
        return [&, cap](std::uint64_t seed) {
            MultistartTabuOptions mo;
            mo.independentRuns = true;  // each STS aspires from its own start, as in the time-based Q-factor
            mo.search.timeLimitSeconds = cap;
            mo.search.targetEnergy = -out.optimumCut;
            mo.search.seed = seed;
            mo.search.recordTrace = false;
            return runMultistartTabu(qubo, starts, mo, inner);
        };
    };
    const RunFn vnsRun = [&](std::uint64_t seed) {
        VnsOptions vo;
        vo.timeLimitSeconds = cap;
        vo.targetCut = out.optimumCut;
        vo.seed = seed;
        vo.recordTrace = false;
        return runVnsPathRelinking(graph, randomStarts, vo, inner);
    };
    const RunFn burerRun = [&](std::uint64_t seed) {
        BurerOptions bo;
        bo.timeLimitSeconds = cap;
        bo.targetCut = out.optimumCut;
        bo.seed = seed;
        bo.recordTrace = false;
        return runBurerRank2(graph, randomStarts, bo, inner);
    };

    bool finished = true;
    if (options.tabu)
        finished = series("tabu", 0, tabuRun(randomStarts));
    if (finished && options.tabu && warmStarts)
        finished = series("tabu-warm", 1, tabuRun(*warmStarts));
    if (finished)
        finished = series("vns", 2, vnsRun);
    if (finished)
        finished = series("burer", 3, burerRun);
    if (exactRow)
        out.methods.push_back(*exactRow);
    out.cancelled = !finished;
    return out;
}

} // namespace engine
