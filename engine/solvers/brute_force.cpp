// SPDX-License-Identifier: MIT
// Exhaustive search: LCRP by an odometer over M^N assignments, QUBO by multithreaded Gray-code walks over 2^n.
#include "solvers/brute_force.h"

#include "core/error.h"
#include "solvers/solver_support.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>
#include <thread>

namespace engine {

namespace {

constexpr std::uint64_t CANCEL_CHECK_STATES = std::uint64_t{1} << 20;  // states between cancel polls
constexpr std::size_t MAX_QUBO_BLOCK_BITS = 16;  // at most 2^16 blocks (per-block results are kept)
constexpr std::size_t TARGET_BLOCK_VARIABLES = 20;  // large problems: 2^20 states per block

// M^N, or nullopt-like UINT64_MAX when it exceeds `cap` (never overflows).
std::uint64_t boundedPower(std::uint64_t base, std::size_t exponent, std::uint64_t cap)
{
    std::uint64_t value = 1;
    for (std::size_t k = 0; k < exponent; ++k) {
        if (base != 0 && value > cap / base)
            return std::numeric_limits<std::uint64_t>::max();
        value *= base;
    }
    return value;
}

} // namespace

SolverResult solveLcrpBruteForce(const LcrpInstance& instance, LcrpObjectiveKind objective, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    instance.validate();
    const std::size_t numTasks = instance.numTasks();
    const std::size_t numModels = instance.numModels();
    const std::uint64_t states = boundedPower(numModels, numTasks, MAX_LCRP_BRUTE_FORCE_STATES);
    if (states > MAX_LCRP_BRUTE_FORCE_STATES)
        throw Error(ErrorCode::LimitExceeded,
                    "brute force over M^N = " + std::to_string(numModels) + "^" + std::to_string(numTasks)
                        + " assignments exceeds the limit of " + std::to_string(MAX_LCRP_BRUTE_FORCE_STATES)
                        + " states",
                    "instance");

    const LcrpObjectiveTable table = makeObjectiveTable(instance, objective);
    // Suffix sums: unarySuffix[i] = sum over tasks k >= i of unary[k, a_k] (same for cost), so a change of digit
    // i recomputes suffixes 0..i. Each assignment's value is then the same fixed-order sum wherever it is reached
    // (no drift), at O(1) amortised cost per step because digit i changes once every M^i steps.
    std::vector<int> digits(numTasks, 0);
    std::vector<double> unarySuffix(numTasks + 1, 0.0);
    std::vector<double> costSuffix(numTasks + 1, 0.0);
    auto refreshUpTo = [&](std::size_t top) {
        for (std::size_t i = top + 1; i-- > 0;) {
            const std::size_t v = i * numModels + static_cast<std::size_t>(digits[i]);
            unarySuffix[i] = unarySuffix[i + 1] + table.unary[v];
            costSuffix[i] = costSuffix[i + 1] + table.costUsd[v];
        }
    };
    refreshUpTo(numTasks - 1);

    SolverResult result;
    result.solver = "brute";
    result.status = SolverStatus::Optimal;
    std::vector<int> best = digits;
    double bestValue = std::numeric_limits<double>::infinity();
    std::uint64_t visited = 0;
    bool cancelled = false;

    while (true) {
        const double value = unarySuffix[0] + table.budgetPenalty(costSuffix[0]);
        ++visited;
        if (value < bestValue) {
            bestValue = value;
            best = digits;
        }
        if (visited == states)
            break;
        if (visited % CANCEL_CHECK_STATES == 0) {
            if (control.isCancelled()) {
                cancelled = true;
                break;
            }
            control.reportProgress(static_cast<double>(visited), static_cast<double>(states), "brute force");
        }
        // Odometer: task 0 is the fastest digit.
        std::size_t i = 0;
        while (digits[i] + 1 == static_cast<int>(numModels)) {
            digits[i] = 0;
            ++i;
        }
        ++digits[i];
        refreshUpTo(i);
    }

    result.assignment = best;
    result.bits = detail::oneHotBits(numTasks, numModels, best);
    result.objective = table.ofAssignment(best);
    result.iterations = visited;
    result.provenOptimal = !cancelled;
    if (cancelled) {
        result.status = SolverStatus::Cancelled;
        result.message = "cancelled after " + std::to_string(visited) + " of " + std::to_string(states) + " states";
    }
    result.seconds = detail::secondsSince(start);
    control.reportProgress(static_cast<double>(visited), static_cast<double>(states), "brute force");
    return result;
}

namespace {

// Best state of one block of the QUBO state space.
struct BlockResult {
    double energy = std::numeric_limits<double>::infinity();
    std::uint64_t index = 0;
    std::uint64_t visited = 0;
};

// The variables below `lowBits` are walked; the rest are fixed per block. Only couplings among walked
// variables need field updates, so each walked variable keeps its walked neighbours in a flat list.
class QuboBlockWalker {
public:
    QuboBlockWalker(const QuboModel& qubo, std::size_t lowBits)
        : m_qubo(qubo)
        , m_lowBits(lowBits)
    {
        m_start.resize(lowBits + 1, 0);
        for (std::size_t i = 0; i < lowBits; ++i) {
            for (const QuboNeighbor& nb : qubo.neighbors(i))
                if (nb.index < lowBits) {
                    m_index.push_back(nb.index);
                    m_value.push_back(nb.value);
                }
            m_start[i + 1] = m_index.size();
        }
    }

    /// Walks block `block` (top bits = block) in Gray-code order; stops early (result marked partial by a
    /// smaller `visited`) when `control` reports cancel. `field` is scratch of size lowBits.
    BlockResult walk(std::uint64_t block, std::vector<double>& field, const RunControl& control,
                     const std::atomic<bool>& stop) const
    {
        const std::size_t n = m_qubo.numVariables();
        const std::uint64_t prefix = block << m_lowBits;

        // Start state: low bits 0, top bits from the block index.
        double energy = m_qubo.offset();
        for (std::size_t i = m_lowBits; i < n; ++i) {
            if (!((prefix >> i) & 1))
                continue;
            energy += m_qubo.linear(i);
            for (const QuboNeighbor& nb : m_qubo.neighbors(i))
                if (nb.index > i && ((prefix >> nb.index) & 1))
                    energy += nb.value;
        }
        for (std::size_t i = 0; i < m_lowBits; ++i) {
            double h = m_qubo.linear(i);
            for (const QuboNeighbor& nb : m_qubo.neighbors(i))
                if (nb.index >= m_lowBits && ((prefix >> nb.index) & 1))
                    h += nb.value;
            field[i] = h;
        }

        BlockResult r;
        r.energy = energy;
        r.index = prefix;
        r.visited = 1;
        const std::uint64_t count = std::uint64_t{1} << m_lowBits;
        std::uint64_t gray = 0;
        std::uint64_t t = 1;
        while (t < count) {
            const std::uint64_t chunkEnd = std::min(count, t + CANCEL_CHECK_STATES);
            for (; t < chunkEnd; ++t) {
                const int i = std::countr_zero(t);
                const std::uint64_t mask = std::uint64_t{1} << i;
                const bool wasSet = (gray & mask) != 0;
                energy += wasSet ? -field[i] : field[i];
                gray ^= mask;
                const double step = wasSet ? -1.0 : 1.0;
                for (std::size_t k = m_start[i], e = m_start[i + 1]; k < e; ++k)
                    field[m_index[k]] += step * m_value[k];
                if (energy <= r.energy) {
                    const std::uint64_t index = prefix | gray;
                    if (energy < r.energy || index < r.index) {
                        r.energy = energy;
                        r.index = index;
                    }
                }
            }
            r.visited = t;
            if (t < count && (stop.load(std::memory_order_relaxed) || control.isCancelled()))
                break;
        }
        return r;
    }

private:
    const QuboModel& m_qubo;
    std::size_t m_lowBits;
    std::vector<std::size_t> m_start;  // walked neighbours of i are [m_start[i], m_start[i + 1])
    std::vector<std::uint32_t> m_index;
    std::vector<double> m_value;
};

} // namespace

SolverResult solveQuboBruteForce(const QuboModel& qubo, int threads, RunControl& control)
{
    const auto start = std::chrono::steady_clock::now();
    const std::size_t n = qubo.numVariables();
    if (n > MAX_QUBO_BRUTE_FORCE_VARIABLES)
        throw Error(ErrorCode::LimitExceeded,
                    "brute force is limited to " + std::to_string(MAX_QUBO_BRUTE_FORCE_VARIABLES)
                        + " variables (2^" + std::to_string(MAX_QUBO_BRUTE_FORCE_VARIABLES)
                        + " states); this QUBO has " + std::to_string(n),
                    "qubo");
    if (threads < 0)
        throw Error(ErrorCode::InvalidArgument, "thread count must be >= 0 (0 = all cores)", "threads");

    // The block split depends on n only, so the result (including ties) is the same for every thread count.
    // Small problems still get a few blocks so that the parallel path is exercised by small tests.
    const std::size_t blockBits = std::min(
        MAX_QUBO_BLOCK_BITS, n > TARGET_BLOCK_VARIABLES ? n - TARGET_BLOCK_VARIABLES : std::min<std::size_t>(4, n / 2));
    const std::size_t lowBits = n - blockBits;
    const std::uint64_t numBlocks = std::uint64_t{1} << blockBits;
    const std::uint64_t totalStates = std::uint64_t{1} << n;

    std::size_t workers = threads > 0 ? static_cast<std::size_t>(threads)
                                      : std::max(1u, std::thread::hardware_concurrency());
    workers = static_cast<std::size_t>(std::min<std::uint64_t>(workers, numBlocks));

    const QuboBlockWalker walker(qubo, lowBits);
    std::vector<BlockResult> blocks(numBlocks);
    std::atomic<std::uint64_t> nextBlock{0};
    std::atomic<std::uint64_t> visitedStates{0};
    std::atomic<bool> stop{false};

    auto work = [&](bool reportsProgress) {
        std::vector<double> field(lowBits);
        while (!stop.load(std::memory_order_relaxed)) {
            const std::uint64_t b = nextBlock.fetch_add(1, std::memory_order_relaxed);
            if (b >= numBlocks)
                break;
            blocks[b] = walker.walk(b, field, control, stop);
            const std::uint64_t done = visitedStates.fetch_add(blocks[b].visited) + blocks[b].visited;
            if (blocks[b].visited < (std::uint64_t{1} << lowBits) || control.isCancelled()) {
                stop.store(true, std::memory_order_relaxed);
                break;
            }
            if (reportsProgress)
                control.reportProgress(static_cast<double>(done), static_cast<double>(totalStates), "brute force");
        }
    };

    // The calling thread works too; progress is reported from it only, so callbacks stay on one thread.
    std::vector<std::thread> pool;
    for (std::size_t k = 1; k < workers; ++k) {
        try {
            pool.emplace_back(work, false);
        } catch (const std::system_error&) {
            break;  // fewer threads than asked is still correct
        }
    }
    work(true);
    for (std::thread& thread : pool)
        thread.join();

    // Merge in block order: blocks cover increasing index ranges, so "<" keeps the lowest index on ties.
    BlockResult best;
    bool any = false;
    for (const BlockResult& block : blocks) {
        if (block.visited == 0)
            continue;
        if (!any || block.energy < best.energy) {
            best = block;
            any = true;
        }
    }

    SolverResult result;
    result.solver = "brute";
    result.iterations = visitedStates.load();
    const bool cancelled = result.iterations < totalStates;
    result.status = cancelled ? SolverStatus::Cancelled : SolverStatus::Optimal;
    result.provenOptimal = !cancelled;
    if (any) {
        result.bits = bitsFromIndex(best.index, n);
        result.objective = qubo.energy(result.bits);
    } else {
        result.objective = std::numeric_limits<double>::infinity();
    }
    if (cancelled)
        result.message = "cancelled after " + std::to_string(result.iterations) + " of "
                         + std::to_string(totalStates) + " states";
    result.seconds = detail::secondsSince(start);
    control.reportProgress(static_cast<double>(result.iterations), static_cast<double>(totalStates), "brute force");
    return result;
}

} // namespace engine
