// SPDX-License-Identifier: MIT
// Single-flip Metropolis simulated annealing for any QUBO, with local fields for O(degree) flips.
#include "solvers/qubo_annealer.h"

#include "core/error.h"
#include "solvers/solver_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace engine {

namespace {

constexpr double MAX_TRACE_POINTS = 256.0;  // over the whole run
constexpr double MIN_AUTO_TEMPERATURE = 1e-9;
constexpr double AUTO_TEMPERATURE_RATIO = 1000.0;  // automatic T0 / T1
// Beyond this exponent exp(-delta/T) < 1e-30: reject without drawing, which is the same decision in practice.
constexpr double MAX_BOLTZMANN_EXPONENT = 70.0;

void checkOptions(const QuboAnnealingOptions& options)
{
    if (options.sweeps == 0)
        throw Error(ErrorCode::InvalidArgument, "sweeps must be at least 1", "sweeps");
    if (options.restarts < 1)
        throw Error(ErrorCode::InvalidArgument, "restarts must be at least 1", "restarts");
    if (!std::isfinite(options.initialTemperature))
        throw Error(ErrorCode::InvalidArgument, "initial temperature must be finite", "initialTemperature");
    if (!std::isfinite(options.finalTemperature))
        throw Error(ErrorCode::InvalidArgument, "final temperature must be finite", "finalTemperature");
}

// Flat copy of the adjacency (CSR) so the inner loop walks contiguous memory.
struct FlatAdjacency {
    std::vector<std::size_t> start;      // neighbours of i are [start[i], start[i + 1])
    std::vector<std::uint32_t> index;
    std::vector<double> value;

    explicit FlatAdjacency(const QuboModel& qubo)
    {
        const std::size_t n = qubo.numVariables();
        start.resize(n + 1, 0);
        for (std::size_t i = 0; i < n; ++i)
            start[i + 1] = start[i] + qubo.neighbors(i).size();
        index.reserve(start[n]);
        value.reserve(start[n]);
        for (std::size_t i = 0; i < n; ++i)
            for (const QuboNeighbor& nb : qubo.neighbors(i)) {
                index.push_back(nb.index);
                value.push_back(nb.value);
            }
    }
};

// Copies of the best state are made lazily: `diff` lists the variables where the current state differs from
// `best`, so syncing costs O(|diff|), which is amortised O(1) per accepted flip.
class BestTracker {
public:
    explicit BestTracker(const Bits& start)
        : m_best(start)
        , m_position(start.size(), NONE)
    {
    }

    void flipped(std::size_t i)
    {
        if (m_position[i] == NONE) {
            m_position[i] = m_diff.size();
            m_diff.push_back(i);
        } else {
            const std::size_t at = m_position[i];
            const std::size_t last = m_diff.back();
            m_diff[at] = last;
            m_position[last] = at;
            m_diff.pop_back();
            m_position[i] = NONE;
        }
    }

    /// Makes `best` equal to the current state.
    void sync()
    {
        for (std::size_t i : m_diff) {
            m_best[i] ^= 1;
            m_position[i] = NONE;
        }
        m_diff.clear();
    }

    const Bits& best() const { return m_best; }

private:
    static constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
    Bits m_best;
    std::vector<std::size_t> m_position;
    std::vector<std::size_t> m_diff;
};

// The trace holds a running minimum; running sums and exact re-evaluations differ by rounding, so clamp to keep
// it monotone.
double traceBest(const std::vector<double>& trace, double value)
{
    return trace.empty() ? value : std::min(trace.back(), value);
}

// Sweeps between trace points so that a run of `totalSweeps` leaves at most about MAX_TRACE_POINTS of them.
std::uint64_t traceInterval(double totalSweeps)
{
    const double every = std::ceil(totalSweeps / MAX_TRACE_POINTS);
    return every < 1.0 ? 1 : every >= 1.8e19 ? std::numeric_limits<std::uint64_t>::max()
                                             : static_cast<std::uint64_t>(every);
}

} // namespace

SolverResult solveQuboAnnealing(const QuboModel& qubo, const QuboAnnealingOptions& options, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    checkOptions(options);

    SolverResult result;
    result.solver = "sa";
    result.status = SolverStatus::Feasible;
    const std::size_t n = qubo.numVariables();
    if (n == 0) {
        result.objective = qubo.offset();
        result.seconds = detail::secondsSince(start);
        return result;
    }

    const FlatAdjacency adjacency(qubo);
    const std::vector<double>& linear = qubo.linearTerms();
    std::mt19937_64 rng(options.seed);
    const double totalSweeps = static_cast<double>(options.sweeps) * options.restarts;
    const std::uint64_t traceEvery = traceInterval(totalSweeps);
    double bestOverall = std::numeric_limits<double>::infinity();
    std::uint64_t sweepsDone = 0;
    bool cancelled = false;

    Bits x(n);
    std::vector<double> field(n);  // field[i] = a_i + sum_j b_ij x_j, so flipping i changes f by +-field[i]
    for (int restart = 0; restart < options.restarts && !cancelled; ++restart) {
        for (std::size_t i = 0; i < n; ++i)
            x[i] = static_cast<std::uint8_t>(rng() >> 63);
        for (std::size_t i = 0; i < n; ++i) {
            double h = linear[i];
            for (std::size_t k = adjacency.start[i]; k < adjacency.start[i + 1]; ++k)
                if (x[adjacency.index[k]])
                    h += adjacency.value[k];
            field[i] = h;
        }

        double t0 = options.initialTemperature;
        if (t0 <= 0.0) {
            t0 = MIN_AUTO_TEMPERATURE;
            for (std::size_t i = 0; i < n; ++i)
                t0 = std::max(t0, std::abs(field[i]));
        }
        double t1 = options.finalTemperature;
        if (t1 <= 0.0)
            t1 = t0 / AUTO_TEMPERATURE_RATIO;
        // Geometric from T0 at the first sweep to T1 at the last one.
        const double logRatio = options.sweeps > 1
                                    ? std::log(t1 / t0) / static_cast<double>(options.sweeps - 1)
                                    : 0.0;

        double energy = qubo.energy(x);
        double bestEnergy = energy;
        BestTracker tracker(x);

        for (std::uint64_t sweep = 0; sweep < options.sweeps; ++sweep) {
            if (sweep > 0) {
                if (control.isCancelled()) {
                    cancelled = true;
                    break;
                }
                control.reportProgress(static_cast<double>(sweepsDone), totalSweeps, "annealing");
            }
            const double beta = 1.0 / (t0 * std::exp(logRatio * static_cast<double>(sweep)));
            for (std::size_t i = 0; i < n; ++i) {
                const double delta = x[i] ? -field[i] : field[i];
                if (delta > 0.0) {
                    const double exponent = delta * beta;
                    if (exponent > MAX_BOLTZMANN_EXPONENT || detail::uniformUnit(rng) >= std::exp(-exponent))
                        continue;
                }
                // Accepted: x_i goes 0 -> 1 (step +1) or 1 -> 0 (step -1); neighbours' fields move by b_ij * step.
                const double step = x[i] ? -1.0 : 1.0;
                x[i] ^= 1;
                energy += delta;
                for (std::size_t k = adjacency.start[i]; k < adjacency.start[i + 1]; ++k)
                    field[adjacency.index[k]] += step * adjacency.value[k];
                tracker.flipped(i);
                if (energy < bestEnergy) {
                    bestEnergy = energy;
                    tracker.sync();
                }
            }
            result.iterations += n;
            ++sweepsDone;
            if (sweepsDone % traceEvery == 0)
                result.trace.push_back(traceBest(result.trace, std::min(bestOverall, bestEnergy)));
        }

        // Rank restarts by the exactly recomputed energy, not the running sum.
        const double exactBest = qubo.energy(tracker.best());
        if (exactBest < bestOverall) {
            bestOverall = exactBest;
            result.bits = tracker.best();
        }
    }

    if (sweepsDone % traceEvery != 0 || result.trace.empty())
        result.trace.push_back(traceBest(result.trace, bestOverall));
    result.objective = bestOverall;
    if (cancelled) {
        result.status = SolverStatus::Cancelled;
        result.message = "cancelled after " + std::to_string(sweepsDone) + " sweeps";
    }
    result.seconds = detail::secondsSince(start);
    control.reportProgress(static_cast<double>(sweepsDone), totalSweeps, "annealing");
    return result;
}

} // namespace engine
