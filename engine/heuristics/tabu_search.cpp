// SPDX-License-Identifier: MIT
// STS and MST1 (Palubeckis 2004, MQLib's implementation) with a faithful full scan and an indexed move selection.
#include "heuristics/tabu_search.h"

#include "core/error.h"
#include "heuristics/flip_gains.h"
#include "heuristics/mqlib_tolerance.h"
#include "solvers/solver_support.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint64_t POLL_INTERVAL = 256;  // iterations between clock and cancel checks
constexpr double MASKED = -std::numeric_limits<double>::infinity();  // gain of a tabu variable in the masked array
constexpr std::uint64_t MIN_OPERATION_BUDGET = 500'000;
constexpr std::size_t MAX_DEFAULT_TENURE = 20;
constexpr int MAX_THREADS = 1024;
constexpr std::size_t BLOCK = 16;  // gains per block of the indexed selection's two-level maximum
// Helper threads start once the calling thread has searched this long or finished its first run, so instances
// solved within a fraction of a millisecond never pay for starting threads.
constexpr double HELPER_DELAY_SECONDS = 5e-4;
// Longer limits are clamped so the deadline stays representable in the clock's integer ticks (about 31 years).
constexpr double MAX_TIME_LIMIT_SECONDS = 1e9;

// The two scans of the indexed selection. `omp simd` max reductions vectorise without fast-math flags; on x86-64
// an AVX2 copy of each is picked at run time (explicit dispatch rather than ifunc clones, whose resolvers run
// before sanitizer runtimes start).
[[gnu::always_inline]] inline void refreshBlockMaximaBody(const double* values, const std::uint32_t* blocks,
                                                          std::size_t count, double* blockMax)
{
    for (std::size_t d = 0; d < count; ++d) {
        const double* a = values + static_cast<std::size_t>(blocks[d]) * BLOCK;
        double m = MASKED;
#pragma omp simd reduction(max : m)
        for (std::size_t i = 0; i < BLOCK; ++i)
            m = a[i] > m ? a[i] : m;
        blockMax[blocks[d]] = m;
    }
}

[[gnu::always_inline]] inline double maxOfBody(const double* a, std::size_t n)
{
    double m = MASKED;
#pragma omp simd reduction(max : m)
    for (std::size_t i = 0; i < n; ++i)
        m = a[i] > m ? a[i] : m;
    return m;
}

// Recomputes the maximum of each listed block of BLOCK values.
void refreshBlockMaximaGeneric(const double* values, const std::uint32_t* blocks, std::size_t count, double* blockMax)
{
    refreshBlockMaximaBody(values, blocks, count, blockMax);
}

// Largest of n values (MASKED for n = 0).
double maxOfGeneric(const double* a, std::size_t n)
{
    return maxOfBody(a, n);
}

struct ScanKernels {
    void (*refreshBlockMaxima)(const double*, const std::uint32_t*, std::size_t, double*) = refreshBlockMaximaGeneric;
    double (*maxOf)(const double*, std::size_t) = maxOfGeneric;
};

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("avx2"))) void refreshBlockMaximaAvx2(const double* values, const std::uint32_t* blocks,
                                                            std::size_t count, double* blockMax)
{
    refreshBlockMaximaBody(values, blocks, count, blockMax);
}

__attribute__((target("avx2"))) double maxOfAvx2(const double* a, std::size_t n)
{
    return maxOfBody(a, n);
}

ScanKernels pickScanKernels()
{
    ScanKernels kernels;
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) {
        kernels.refreshBlockMaxima = refreshBlockMaximaAvx2;
        kernels.maxOf = maxOfAvx2;
    }
    return kernels;
}
#else
ScanKernels pickScanKernels()
{
    return {};
}
#endif

const ScanKernels& scanKernels()
{
    static const ScanKernels kernels = pickScanKernels();
    return kernels;
}

std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Thread 0 keeps the caller's seed so a one-thread call is the plain seeded sequence.
std::uint64_t threadSeed(std::uint64_t seed, int thread)
{
    return thread == 0 ? seed : splitMix64(seed ^ splitMix64(static_cast<std::uint64_t>(thread)));
}

// The best state of a call and the flags that stop it, shared by all worker threads.
class Incumbent {
public:
    Incumbent(Clock::time_point start, const TabuSearchOptions& options)
        : m_start(start)
        , m_recordTrace(options.recordTrace)
        , m_hasTarget(options.targetEnergy.has_value())
        , m_targetValue(options.targetEnergy ? -*options.targetEnergy : 0.0)
        , m_hasDeadline(options.timeLimitSeconds > 0.0)
        , m_deadline(start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                                 std::min(options.timeLimitSeconds, MAX_TIME_LIMIT_SECONDS))))
    {
    }

    double value() const noexcept { return m_value.load(std::memory_order_relaxed); }
    bool stopped() const noexcept { return m_stop.load(std::memory_order_relaxed); }
    double elapsed() const { return detail::secondsSince(m_start); }

    bool hasTarget() const noexcept { return m_hasTarget; }
    // The target is reached when it does not improve on f by MQLib's tolerance.
    bool reaches(double f) const noexcept { return !detail::mqlibImproves(m_targetValue, f); }

    // Records (x, f) when it improves on the best so far; `iteration` is the offering thread's count.
    void offer(const Bits& x, double f, std::uint64_t iteration)
    {
        std::lock_guard lock(m_mutex);
        if (!m_bits.empty() && !detail::mqlibImproves(f, m_value.load(std::memory_order_relaxed)))
            return;
        m_bits = x;
        m_value.store(f, std::memory_order_relaxed);
        if (m_recordTrace && m_trace.size() < MAX_HEURISTIC_TRACE_POINTS)
            m_trace.push_back({iteration, elapsed(), -f});
    }

    // The first thread to reach the target records t* and stops everyone.
    void reachTarget(std::uint64_t iteration)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_targetIteration) {
                m_targetIteration = iteration;
                m_targetSeconds = elapsed();
            }
        }
        m_stop.store(true, std::memory_order_relaxed);
    }

    // Polls the clock and the RunControl; true when the call must stop.
    bool poll(RunControl& control)
    {
        if (stopped())
            return true;
        if (m_hasDeadline && Clock::now() >= m_deadline) {
            m_timedOut.store(true, std::memory_order_relaxed);
            m_stop.store(true, std::memory_order_relaxed);
            return true;
        }
        if (control.isCancelled()) {
            m_cancelled.store(true, std::memory_order_relaxed);
            m_stop.store(true, std::memory_order_relaxed);
            return true;
        }
        return false;
    }

    // Only after every worker has finished.
    void fillResult(HeuristicResult& result, const QuboModel& qubo)
    {
        result.bits = m_bits;
        result.energy = qubo.energy(m_bits);
        result.targetIteration = m_targetIteration;
        result.targetSeconds = m_targetSeconds;
        result.trace = std::move(m_trace);
        result.timedOut = m_timedOut.load();
        result.cancelled = m_cancelled.load();
        result.seconds = elapsed();
    }

private:
    Clock::time_point m_start;
    bool m_recordTrace;
    bool m_hasTarget;
    double m_targetValue;  // maximised sign
    bool m_hasDeadline;
    Clock::time_point m_deadline;

    std::mutex m_mutex;  // guards m_bits, m_trace, m_target*; m_value is written only under it
    Bits m_bits;
    std::vector<HeuristicTracePoint> m_trace;
    std::optional<std::uint64_t> m_targetIteration;
    std::optional<double> m_targetSeconds;
    // Read every iteration by every thread, written only on improvements: its own cache line.
    alignas(64) std::atomic<double> m_value{-std::numeric_limits<double>::infinity()};
    alignas(64) std::atomic<bool> m_stop{false};
    std::atomic<bool> m_timedOut{false};
    std::atomic<bool> m_cancelled{false};
};

// What one worker thread carries from run to run.
struct RunContext {
    Incumbent& incumbent;
    RunControl& control;
    bool coupled = true;                 // f* = the call's best (MQLib) rather than the run's own
    std::uint64_t zMax = 0;
    std::uint64_t maxIterations = 0;     // 0 = none
    std::uint64_t iterations = 0;        // this thread's iterations over all its runs
    std::uint64_t operations = 0;
    std::uint64_t runs = 0;
    std::function<void()> onPoll{};      // called at every clock poll inside a run (thread 0 starts helpers)
};

enum class RunEnd { Budget, Stop };

// One STS state: x with its gains (FlipGains) and the tabu bookkeeping of both selections.
class Sts {
public:
    Sts(const MaximisedQubo& form, std::size_t tenure, TabuMoveSelection selection)
        : m_gains(form)
        , m_n(form.n)
        , m_tenure(tenure)
        , m_selection(selection)
        , m_blocks(selection == TabuMoveSelection::Indexed ? (form.n + BLOCK - 1) / BLOCK : 0)
        , m_masked(m_blocks * BLOCK, MASKED)
        , m_blockMax(m_blocks, MASKED)
        , m_dirty(m_blocks, 0)
        , m_dirtyList(m_blocks + 1)  // markDirty writes one slot past the count before it knows
        , m_tabu(form.n)
        , m_tabuUntil(selection == TabuMoveSelection::FullScan ? form.n : 0)
        , m_ring(tenure)
    {
    }

    // x = start with fresh gains and an empty tabu list.
    void load(const Bits& start)
    {
        m_gains.load(start);
        std::fill(m_tabu.begin(), m_tabu.end(), std::uint8_t{0});
        std::fill(m_tabuUntil.begin(), m_tabuUntil.end(), std::uint64_t{0});
        if (m_selection == TabuMoveSelection::Indexed) {
            std::copy(m_gains.gains().begin(), m_gains.gains().end(), m_masked.begin());
            for (std::size_t b = 0; b < m_blocks; ++b)
                markDirty(b * BLOCK);
        }
    }

    double value() const { return m_gains.value(); }
    const Bits& state() const { return m_gains.state(); }

    RunEnd run(RunContext& ctx)
    {
        return m_selection == TabuMoveSelection::Indexed ? loop<true>(ctx) : loop<false>(ctx);
    }

private:
    // The STS loop of 4.2. INDEXED selects through the masked gain array, otherwise MQLib's scan.
    template <bool INDEXED>
    RunEnd loop(RunContext& ctx)
    {
        Incumbent& incumbent = ctx.incumbent;
        double fStar = ctx.coupled ? incumbent.value() : m_gains.value();
        std::uint64_t z = 0;
        RunEnd end = RunEnd::Budget;
        for (std::uint64_t iter = 0; z < ctx.zMax; ++iter) {
            if (ctx.maxIterations != 0 && iter >= ctx.maxIterations)
                break;
            const std::uint64_t t = ++ctx.iterations;
            if (ctx.coupled)
                fStar = std::max(fStar, incumbent.value());
            bool aspire = false;
            const std::size_t r = INDEXED ? selectIndexed(iter, fStar, z, aspire) : selectScan(iter, fStar, z, aspire);
            flip<INDEXED>(r);
            if (aspire) {
                localSearch<INDEXED>(z);
                fStar = m_gains.value();
                incumbent.offer(m_gains.state(), fStar, t);
            }
            makeTabu<INDEXED>(iter, r);
            if (incumbent.hasTarget() && incumbent.reaches(m_gains.value())) {
                incumbent.reachTarget(t);
                end = RunEnd::Stop;
                break;
            }
            if (incumbent.stopped()) {
                end = RunEnd::Stop;
                break;
            }
            if (aspire || t % POLL_INTERVAL == 0) {
                if (ctx.onPoll)
                    ctx.onPoll();
                if (incumbent.poll(ctx.control)) {
                    end = RunEnd::Stop;
                    break;
                }
            }
        }
        ctx.operations += z;
        return end;
    }

    // MQLib's selection: first non-tabu move that would beat f* (aspiration), else the steepest non-tabu move
    // with the lowest index among ties; one operation per non-tabu variable examined.
    std::size_t selectScan(std::uint64_t iter, double fStar, std::uint64_t& z, bool& aspire) const
    {
        const std::size_t n = m_n;
        const double f = m_gains.value();
        const double* gains = m_gains.gains().data();
        double best = -std::numeric_limits<double>::max();
        std::size_t r = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (m_tabuUntil[k] > iter)
                continue;
            ++z;
            if (detail::mqlibImproves(f + gains[k], fStar)) {
                aspire = true;
                return k;
            }
            if (gains[k] > best) {
                best = gains[k];
                r = k;
            }
        }
        return r;
    }

    // Same decision as selectScan. mqlibImproves(f + gain, f*) is monotone in the gain, so some non-tabu move
    // aspires exactly when the largest non-tabu gain does; only then is the first such index searched. The
    // maximum is kept in two levels: blocks whose gains changed since the last move are recomputed, then the
    // block maxima are scanned, so a move costs O(changed blocks * BLOCK + n / BLOCK) rather than O(n).
    std::size_t selectIndexed(std::uint64_t iter, double fStar, std::uint64_t& z, bool& aspire)
    {
        const std::size_t n = m_n;
        const double f = m_gains.value();
        const double* gains = m_masked.data();
        m_kernels.refreshBlockMaxima(gains, m_dirtyList.data(), m_dirtyCount, m_blockMax.data());
        for (std::size_t d = 0; d < m_dirtyCount; ++d)
            m_dirty[m_dirtyList[d]] = 0;
        m_dirtyCount = 0;
        const double top = m_kernels.maxOf(m_blockMax.data(), m_blocks);
        if (detail::mqlibImproves(f + top, fStar)) {
            std::size_t r = 0;
            while (!detail::mqlibImproves(f + gains[r], fStar))
                ++r;
            aspire = true;
            z += r + 1 - tabuBelow(iter, r);
            return r;
        }
        std::size_t b = 0;
        while (m_blockMax[b] != top)
            ++b;
        std::size_t r = b * BLOCK;
        while (gains[r] != top)
            ++r;
        z += n - std::min<std::uint64_t>(iter, m_tenure);
        return r;
    }

    // Queues the block of variable j for recomputation; branch-free because first touches are unpredictable.
    void markDirty(std::size_t j)
    {
        const std::size_t b = j / BLOCK;
        m_dirtyList[m_dirtyCount] = static_cast<std::uint32_t>(b);
        m_dirtyCount += m_dirty[b] ^ 1U;
        m_dirty[b] = 1;
    }

    // Tabu variables with an index below r; the ring holds the last min(iter, T) moves, all distinct.
    std::size_t tabuBelow(std::uint64_t iter, std::size_t r) const
    {
        const std::size_t live = static_cast<std::size_t>(std::min<std::uint64_t>(iter, m_tenure));
        std::size_t count = 0;
        for (std::size_t s = 0; s < live; ++s)
            count += m_ring[s] < r;
        return count;
    }

    // Flips x_k (4.1); the indexed selection mirrors every changed gain into the masked array.
    template <bool INDEXED>
    void flip(std::size_t k)
    {
        if constexpr (INDEXED) {
            // Locals for the same aliasing reason as in FlipGains::flip.
            const double* gains = m_gains.gains().data();
            double* masked = m_masked.data();
            const std::uint8_t* tabu = m_tabu.data();
            std::uint8_t* dirty = m_dirty.data();
            std::uint32_t* dirtyList = m_dirtyList.data();
            std::size_t dirtyCount = m_dirtyCount;
            m_gains.flip(k, [&](std::size_t j) {
                masked[j] = tabu[j] ? MASKED : gains[j];
                const std::size_t b = j / BLOCK;
                dirtyList[dirtyCount] = static_cast<std::uint32_t>(b);
                dirtyCount += dirty[b] ^ 1U;
                dirty[b] = 1;
            });
            m_dirtyCount = dirtyCount;
        } else {
            m_gains.flip(k);
        }
    }

    // First-improvement 1-flip sweeps until none improves, one operation per variable examined.
    template <bool INDEXED>
    void localSearch(std::uint64_t& z)
    {
        const std::size_t n = m_n;
        bool changed = true;
        while (changed) {
            changed = false;
            for (std::size_t k = 0; k < n; ++k) {
                ++z;
                if (detail::mqlibImproves(m_gains.value() + m_gains.gain(k), m_gains.value())) {
                    flip<INDEXED>(k);
                    changed = true;
                }
            }
        }
    }

    // r may not move during the next T iterations.
    template <bool INDEXED>
    void makeTabu(std::uint64_t iter, std::size_t r)
    {
        if (m_tenure == 0)
            return;
        if constexpr (INDEXED) {
            std::uint32_t& slot = m_ring[static_cast<std::size_t>(iter % m_tenure)];
            if (iter >= m_tenure) {  // the move of iteration iter - T becomes free for iteration iter + 1
                m_tabu[slot] = 0;
                m_masked[slot] = m_gains.gain(slot);
                markDirty(slot);
            }
            slot = static_cast<std::uint32_t>(r);
            m_tabu[r] = 1;
            m_masked[r] = MASKED;
            markDirty(r);
        } else {
            m_tabuUntil[r] = iter + m_tenure + 1;
        }
    }

    FlipGains m_gains;
    ScanKernels m_kernels = scanKernels();
    std::size_t m_n;
    std::size_t m_tenure;
    TabuMoveSelection m_selection;
    std::size_t m_blocks;                  // INDEXED: ceil(n / BLOCK)
    std::vector<double> m_masked;          // INDEXED: gain, or MASKED while tabu (padded with MASKED)
    std::vector<double> m_blockMax;        // INDEXED: maximum of each block, valid for clean blocks
    std::vector<std::uint8_t> m_dirty;     // INDEXED: 1 when the block is queued in m_dirtyList
    std::vector<std::uint32_t> m_dirtyList;
    std::size_t m_dirtyCount = 0;
    std::vector<std::uint8_t> m_tabu;      // INDEXED: 1 while tabu
    std::vector<std::uint64_t> m_tabuUntil;  // FullScan: first iteration at which the variable may move again
    std::vector<std::uint32_t> m_ring;     // INDEXED: the last T moves, slot = iteration mod T
};

void checkStart(const Bits& start, std::size_t n, const char* where)
{
    if (start.size() != n)
        throw Error(ErrorCode::InvalidArgument,
                    "start has " + std::to_string(start.size()) + " bits, the QUBO " + std::to_string(n) + " variables",
                    where);
    for (std::uint8_t b : start)
        if (b > 1)
            throw Error(ErrorCode::InvalidArgument, "start bits must be 0 or 1", where);
}

// Validates the options and returns the tenure to use.
std::size_t checkOptions(const TabuSearchOptions& options, std::size_t n)
{
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be finite and >= 0", "timeLimitSeconds");
    if (options.targetEnergy && !std::isfinite(*options.targetEnergy))
        throw Error(ErrorCode::InvalidArgument, "target energy must be finite", "targetEnergy");
    if (options.tenure != 0 && options.tenure >= n)
        throw Error(ErrorCode::InvalidArgument,
                    "tenure " + std::to_string(options.tenure) + " leaves no free move among " + std::to_string(n) +
                        " variables",
                    "tenure");
    return options.tenure != 0 ? options.tenure : defaultTabuTenure(n);
}

// One start: offer it (when asked), stop at once when it reaches the target, else run STS from it.
RunEnd searchFrom(Sts& sts, const Bits& start, bool offerStart, RunContext& ctx)
{
    sts.load(start);
    ++ctx.runs;
    if (offerStart)
        ctx.incumbent.offer(start, sts.value(), ctx.iterations);
    if (ctx.incumbent.hasTarget() && ctx.incumbent.reaches(sts.value())) {
        ctx.incumbent.reachTarget(ctx.iterations + 1);  // t* = 1 for a start that is already there (4.4)
        return RunEnd::Stop;
    }
    return sts.run(ctx);
}

// The result of a call on a QUBO without variables: the empty state.
HeuristicResult emptyResult(const QuboModel& qubo, const TabuSearchOptions& options)
{
    HeuristicResult result;
    result.bits = {};
    result.energy = qubo.offset();
    if (options.targetEnergy && !detail::mqlibImproves(-*options.targetEnergy, -result.energy)) {
        result.targetIteration = 1;
        result.targetSeconds = 0.0;
    }
    return result;
}

} // namespace

std::uint64_t defaultTabuOperationBudget(std::size_t numVariables)
{
    const std::uint64_t z = numVariables >= 2500 ? 15000 : numVariables >= 1000 ? 13000 : 3500;
    return std::max<std::uint64_t>(MIN_OPERATION_BUDGET, static_cast<std::uint64_t>(numVariables) * z);
}

std::size_t defaultTabuTenure(std::size_t numVariables)
{
    return std::min(MAX_DEFAULT_TENURE, numVariables / 4);
}

HeuristicResult runTabuSearch(const QuboModel& qubo, const Bits& start, const TabuSearchOptions& options,
                              RunControl& control)
{
    const std::size_t n = qubo.numVariables();
    checkStart(start, n, "start");
    const std::size_t tenure = checkOptions(options, n);
    if (n == 0) {
        HeuristicResult result = emptyResult(qubo, options);
        result.runs = 1;
        return result;
    }
    const MaximisedQubo form(qubo);
    Incumbent incumbent(Clock::now(), options);
    RunContext ctx{incumbent, control};
    ctx.coupled = true;  // the incumbent holds only this run's states, so f* starts at f(start)
    ctx.zMax = options.operationBudget != 0 ? options.operationBudget : defaultTabuOperationBudget(n);
    ctx.maxIterations = options.maxIterations;
    Sts sts(form, tenure, options.selection);
    searchFrom(sts, start, true, ctx);

    HeuristicResult result;
    incumbent.fillResult(result, qubo);
    result.iterations = ctx.iterations;
    result.operations = ctx.operations;
    result.runs = ctx.runs;
    return result;
}

HeuristicResult runMultistartTabu(const QuboModel& qubo, const StartSource& starts,
                                  const MultistartTabuOptions& options, RunControl& control)
{
    const std::size_t n = qubo.numVariables();
    if (starts.numVariables() != n)
        throw Error(ErrorCode::InvalidArgument,
                    "starts have " + std::to_string(starts.numVariables()) + " bits, the QUBO " + std::to_string(n) +
                        " variables",
                    "starts");
    const std::size_t tenure = checkOptions(options.search, n);
    if (options.threads < 0 || options.threads > MAX_THREADS)
        throw Error(ErrorCode::InvalidArgument, "threads must be in [0, " + std::to_string(MAX_THREADS) + "]",
                    "threads");
    if (options.search.timeLimitSeconds <= 0.0 && options.maxRuns == 0)
        throw Error(ErrorCode::InvalidArgument, "multistart tabu search needs a time limit or a run limit",
                    "timeLimitSeconds");
    if (n == 0) {
        HeuristicResult result = emptyResult(qubo, options.search);
        result.runs = 1;
        return result;
    }
    int threads = options.threads;
    if (threads == 0)
        threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    if (options.maxRuns != 0)
        threads = static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(threads), options.maxRuns));

    const MaximisedQubo form(qubo);
    Incumbent incumbent(Clock::now(), options.search);
    std::atomic<std::uint64_t> runsStarted{0};
    std::vector<RunContext> contexts;
    contexts.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        RunContext ctx{incumbent, control};
        ctx.coupled = !options.independentRuns;
        ctx.zMax = options.search.operationBudget != 0 ? options.search.operationBudget
                                                       : defaultTabuOperationBudget(n);
        ctx.maxIterations = options.search.maxIterations;
        contexts.push_back(ctx);
    }

    std::vector<std::thread> helpers;
    std::function<void(int)> worker;
    auto startHelpers = [&](bool now) {
        if (helpers.empty() && (now || incumbent.elapsed() >= HELPER_DELAY_SECONDS)) {
            helpers.reserve(static_cast<std::size_t>(threads - 1));
            for (int t = 1; t < threads; ++t)
                helpers.emplace_back(worker, t);
        }
    };
    if (threads > 1)
        contexts[0].onPoll = [&] { startHelpers(false); };

    worker = [&](int t) {
        RunContext& ctx = contexts[static_cast<std::size_t>(t)];
        std::mt19937_64 rng(threadSeed(options.search.seed, t));
        Sts sts(form, tenure, options.search.selection);
        Bits start;
        bool first = true;
        while (!incumbent.stopped()) {
            if (options.maxRuns != 0 && runsStarted.fetch_add(1, std::memory_order_relaxed) >= options.maxRuns)
                break;
            starts.draw(rng, start);
            // MQLib sets f* from the first start only; independent runs each begin at their own start.
            if (searchFrom(sts, start, first || options.independentRuns, ctx) == RunEnd::Stop)
                break;
            first = false;
            if (t == 0) {
                if (threads > 1)
                    startHelpers(true);
                if (options.search.timeLimitSeconds > 0.0)
                    control.reportProgress(incumbent.elapsed(), options.search.timeLimitSeconds, "tabu search");
                else
                    control.reportProgress(static_cast<double>(ctx.runs), static_cast<double>(options.maxRuns),
                                           "tabu search");
            }
            if (incumbent.poll(control))
                break;
        }
    };

    // The calling thread is worker 0 and starts the others from inside its search (see HELPER_DELAY_SECONDS);
    // when it returns, all runs are claimed or the call is stopping.
    worker(0);
    for (std::thread& helper : helpers)
        helper.join();

    HeuristicResult result;
    incumbent.fillResult(result, qubo);
    for (const RunContext& ctx : contexts) {
        result.iterations += ctx.iterations;
        result.operations += ctx.operations;
        result.runs += ctx.runs;
    }
    return result;
}

} // namespace engine
