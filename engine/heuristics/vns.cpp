// SPDX-License-Identifier: MIT
// VNS with path relinking for Max-Cut (Festa et al. 2002 as MQLib implements FESTA2002VNSPR).
#include "heuristics/vns.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "heuristics/mqlib_tolerance.h"
#include "solvers/solver_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;

// Longer limits are clamped so the deadline stays representable in the clock's integer ticks (about 31 years).
constexpr double MAX_TIME_LIMIT_SECONDS = 1e9;

// Flat adjacency of the graph: neighbours of v are [offsets[v], offsets[v + 1]).
struct CutForm {
    std::size_t n = 0;
    std::vector<std::size_t> offsets;
    std::vector<std::uint32_t> columns;
    std::vector<double> weights;

    explicit CutForm(const WeightedGraph& graph)
        : n(graph.numVertices())
        , offsets(n + 1, 0)
    {
        for (std::size_t v = 0; v < n; ++v)
            offsets[v + 1] = offsets[v] + graph.degree(v);
        columns.reserve(offsets[n]);
        weights.reserve(offsets[n]);
        for (std::size_t v = 0; v < n; ++v)
            for (const auto& [u, edge] : graph.neighbors(v)) {
                columns.push_back(u);
                weights.push_back(graph.edges()[edge].weight);
            }
    }
};

// A cut with the gain of moving each vertex to the other side.
struct CutState {
    Bits x;
    std::vector<double> gain;  // cut change when the vertex switches side
    double cut = 0.0;

    // O(n + m).
    void load(const CutForm& form, const Bits& start)
    {
        x = start;
        gain.assign(form.n, 0.0);
        cut = 0.0;
        for (std::size_t v = 0; v < form.n; ++v) {
            double g = 0.0;
            for (std::size_t p = form.offsets[v]; p < form.offsets[v + 1]; ++p) {
                const std::uint32_t u = form.columns[p];
                const double w = form.weights[p];
                if (x[u] == x[v]) {
                    g += w;
                } else {
                    g -= w;
                    if (u > v)
                        cut += w;
                }
            }
            gain[v] = g;
        }
    }

    bool improving(std::size_t v) const { return detail::mqlibImproves(cut + gain[v], cut); }

    // Moves v to the other side. O(degree). Raw pointers because the byte store to x may alias anything, and a
    // sign table because the side of a neighbour is an unpredictable branch.
    void flip(const CutForm& form, std::size_t v)
    {
        static constexpr double SAME_SIDE_SIGN[2] = {2.0, -2.0};  // indexed by x_u xor x_v after the move
        std::uint8_t* xs = x.data();
        double* gains = gain.data();
        cut += gains[v];
        const std::uint8_t xv = xs[v] ^= 1;
        gains[v] = -gains[v];
        const std::uint32_t* columns = form.columns.data();
        const double* weights = form.weights.data();
        for (std::size_t p = form.offsets[v]; p < form.offsets[v + 1]; ++p) {
            const std::uint32_t u = columns[p];
            gains[u] += SAME_SIDE_SIGN[xs[u] ^ xv] * weights[p];
        }
    }
};

// The ordered lists S (side 1) and S-bar (side 0) the local search walks, as circular doubly linked lists: the
// head is the first element, so MQLib's "rotate the list to start after the last examined vertex" is moving a
// head and "append at the end" is inserting before the head, both O(1) instead of O(n) vector rebuilds.
struct ScanLists {
    std::vector<std::uint32_t> next;
    std::vector<std::uint32_t> prev;
    std::uint32_t head[2] = {0, 0};
    std::size_t size[2] = {0, 0};

    // Each side in index order, as MQLib builds them from a fresh solution.
    void build(const Bits& x)
    {
        next.resize(x.size());
        prev.resize(x.size());
        size[0] = size[1] = 0;
        for (std::size_t v = 0; v < x.size(); ++v)
            append(static_cast<std::uint32_t>(v), x[v]);
    }

    void remove(std::uint32_t v, int side)
    {
        if (--size[side] == 0)
            return;
        next[prev[v]] = next[v];
        prev[next[v]] = prev[v];
        if (head[side] == v)
            head[side] = next[v];
    }

    // Inserts v as the last element of `side`.
    void append(std::uint32_t v, int side)
    {
        if (size[side]++ == 0) {
            head[side] = v;
            next[v] = prev[v] = v;
            return;
        }
        const std::uint32_t first = head[side];
        const std::uint32_t last = prev[first];
        next[last] = v;
        prev[v] = last;
        next[v] = first;
        prev[first] = v;
    }
};

// First-improvement local search examining the next vertex of S and of S-bar alternately; the improving vertex
// moves to the end of the other list and both lists are rotated to start after their last examined vertex, so
// the next pass resumes there (MQLib's reading of Festa's local.f). O(examinations + degrees of moved vertices).
void localSearch(const CutForm& form, CutState& s, ScanLists& lists)
{
    for (;;) {
        std::uint32_t at[2] = {lists.head[0], lists.head[1]};
        std::size_t seen[2] = {0, 0};
        const std::size_t size[2] = {lists.size[0], lists.size[1]};
        const std::uint32_t* next = lists.next.data();
        const double* gains = s.gain.data();
        const double cut = s.cut;
        int from = -1;
        std::uint32_t v = 0;
        while (from < 0 && (seen[1] < size[1] || seen[0] < size[0])) {
            for (int side : {1, 0}) {
                if (seen[side] == size[side])
                    continue;
                v = at[side];
                at[side] = next[v];
                ++seen[side];
                if (detail::mqlibImproves(cut + gains[v], cut)) {
                    from = side;
                    break;
                }
            }
        }
        if (from < 0)
            return;
        const int to = 1 - from;
        s.flip(form, v);
        lists.head[from] = at[from];  // starts after v; v is then the last element and leaves
        lists.remove(v, from);
        lists.head[to] = at[to];      // starts after the last examined vertex (back at the head if all were)
        lists.append(v, to);
    }
}

// One elite pool member.
struct Elite {
    Bits x;
    double cut = 0.0;
};

std::size_t hamming(const Bits& a, const Bits& b)
{
    std::size_t d = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        d += a[i] != b[i];
    return d;
}

class Vns {
public:
    Vns(const CutForm& form, const VnsOptions& options, RunControl& control)
        : m_form(form)
        , m_options(options)
        , m_control(control)
        , m_start(Clock::now())
        , m_deadline(m_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                                   std::min(options.timeLimitSeconds, MAX_TIME_LIMIT_SECONDS))))
        , m_rng(options.seed)
        , m_kMax(std::min(options.maxNeighbourhood, form.n))
        , m_minDistance(static_cast<std::size_t>(std::ceil(options.eliteDistanceFraction * static_cast<double>(form.n))))
        , m_perm(form.n)
    {
        std::iota(m_perm.begin(), m_perm.end(), 0U);
    }

    void run(const StartSource& starts, HeuristicResult& result)
    {
        Bits start;
        std::vector<Elite> elite;
        for (std::uint64_t i = 1; m_options.maxIterations == 0 || i <= m_options.maxIterations; ++i) {
            if (m_options.timeLimitSeconds > 0.0)
                m_control.reportProgress(detail::secondsSince(m_start), m_options.timeLimitSeconds, "vns");
            else
                m_control.reportProgress(static_cast<double>(i - 1), static_cast<double>(m_options.maxIterations),
                                         "vns");
            m_iteration = i;
            result.iterations = i;
            ++result.runs;
            starts.draw(m_rng, start);
            m_current.load(m_form, start);
            m_currentLists.build(start);
            if (offer(m_current.x, m_current.cut) || stopNow())
                break;
            if (vns(result) || stopNow())
                break;
            if (!m_options.pathRelinking)
                continue;
            if (i == 1) {
                elite.push_back({m_current.x, m_current.cut});
                continue;
            }
            const std::size_t pick = static_cast<std::size_t>(detail::uniformBelow(m_rng, elite.size()));
            Elite relinked = pathRelink(m_current, elite[pick].x);
            if (offer(relinked.x, relinked.cut))
                break;
            updatePool(elite, std::move(relinked));
            if (stopNow())
                break;
        }
        result.bits = m_bestBits;
        result.trace = std::move(m_trace);
        result.targetIteration = m_targetIteration;
        result.targetSeconds = m_targetSeconds;
        result.timedOut = m_timedOut;
        result.cancelled = m_cancelled;
        result.seconds = detail::secondsSince(m_start);
    }

private:
    // k = 1 .. k_max: shake k vertices, local search, accept on improvement and restart at k = 1.
    // Returns true when the target was reached.
    bool vns(HeuristicResult& result)
    {
        std::size_t k = 1;
        while (k <= m_kMax) {
            ++result.operations;
            m_trial = m_current;
            m_trialLists = m_currentLists;
            shake(m_trial, m_trialLists, k);
            localSearch(m_form, m_trial, m_trialLists);
            if (detail::mqlibImproves(m_trial.cut, m_current.cut)) {
                std::swap(m_current, m_trial);
                std::swap(m_currentLists, m_trialLists);
                k = 1;
                if (offer(m_current.x, m_current.cut))
                    return true;
            } else {
                ++k;
            }
            if (stopNow())
                return false;
        }
        return false;
    }

    // Flips k distinct uniformly drawn vertices (a partial Fisher-Yates shuffle of a persistent permutation).
    // The list order follows MQLib: unmoved vertices keep their order, moved ones join the end of the list of
    // their new side in index order.
    void shake(CutState& s, ScanLists& lists, std::size_t k)
    {
        const std::size_t n = m_form.n;
        for (std::size_t i = 0; i < k; ++i) {
            const std::size_t j = i + static_cast<std::size_t>(detail::uniformBelow(m_rng, n - i));
            std::swap(m_perm[i], m_perm[j]);
        }
        m_moved.assign(m_perm.begin(), m_perm.begin() + static_cast<std::ptrdiff_t>(k));
        std::sort(m_moved.begin(), m_moved.end());
        for (std::uint32_t v : m_moved)
            lists.remove(v, s.x[v]);
        for (std::uint32_t v : m_moved) {
            lists.append(v, s.x[v] ^ 1);
            s.flip(m_form, v);
        }
    }

    // Walks from `from` to `to`, each step flipping the differing vertex of largest gain (first in the working
    // order of MQLib's difference list); returns the best intermediate state that strictly improves on `from`
    // (`from` itself when none does). O(d^2 + sum of degrees) for d differing vertices.
    Elite pathRelink(const CutState& from, const Bits& to)
    {
        m_walk = from;
        Elite best{from.x, from.cut};
        m_diff.clear();
        for (std::size_t v = 0; v < m_form.n; ++v)
            if (from.x[v] != to[v])
                m_diff.push_back(static_cast<std::uint32_t>(v));
        while (!m_diff.empty()) {
            std::size_t bestIndex = 0;
            for (std::size_t i = 1; i < m_diff.size(); ++i)
                if (m_walk.gain[m_diff[i]] > m_walk.gain[m_diff[bestIndex]])
                    bestIndex = i;
            m_walk.flip(m_form, m_diff[bestIndex]);
            m_diff[bestIndex] = m_diff.back();
            m_diff.pop_back();
            if (detail::mqlibImproves(m_walk.cut, best.cut)) {
                best.x = m_walk.x;
                best.cut = m_walk.cut;
            }
        }
        return best;
    }

    // MQLib's rule: add while the pool is not full; else replace the worst member when no member beats the new
    // solution, or when it beats some member and is at least the minimum distance from all.
    void updatePool(std::vector<Elite>& elite, Elite candidate)
    {
        if (elite.size() < m_options.eliteSize) {
            elite.push_back(std::move(candidate));
            return;
        }
        bool tooClose = false;
        bool beaten = false;
        bool winner = false;
        std::size_t worst = 0;
        for (std::size_t i = 0; i < elite.size(); ++i) {
            if (elite[i].cut < elite[worst].cut)
                worst = i;
            if (detail::mqlibImproves(elite[i].cut, candidate.cut))
                beaten = true;
            else if (detail::mqlibImproves(candidate.cut, elite[i].cut))
                winner = true;
            if (hamming(candidate.x, elite[i].x) < m_minDistance)
                tooClose = true;
            if (tooClose && beaten)
                return;
        }
        if (!beaten || (winner && !tooClose))
            elite[worst] = std::move(candidate);
    }

    // Records a new best; true when the target is reached (then the search stops).
    bool offer(const Bits& x, double cut)
    {
        if (m_bestBits.empty() || detail::mqlibImproves(cut, m_bestCut)) {
            m_bestBits = x;
            m_bestCut = cut;
            if (m_options.recordTrace && m_trace.size() < MAX_HEURISTIC_TRACE_POINTS)
                m_trace.push_back({m_iteration - 1, detail::secondsSince(m_start), -cut});
        }
        if (m_options.targetCut && !detail::mqlibImproves(*m_options.targetCut, cut)) {
            m_targetIteration = m_iteration;
            m_targetSeconds = detail::secondsSince(m_start);
            return true;
        }
        return false;
    }

    bool stopNow()
    {
        if (m_options.timeLimitSeconds > 0.0 && Clock::now() >= m_deadline) {
            m_timedOut = true;
            return true;
        }
        if (m_control.isCancelled()) {
            m_cancelled = true;
            return true;
        }
        return false;
    }

    const CutForm& m_form;
    const VnsOptions& m_options;
    RunControl& m_control;
    Clock::time_point m_start;
    Clock::time_point m_deadline;
    std::mt19937_64 m_rng;
    std::size_t m_kMax;
    std::size_t m_minDistance;
    std::vector<std::uint32_t> m_perm;
    std::vector<std::uint32_t> m_moved;   // the vertices of one shake, in index order
    std::vector<std::uint32_t> m_diff;
    CutState m_current;
    CutState m_trial;
    CutState m_walk;
    ScanLists m_currentLists;
    ScanLists m_trialLists;
    std::uint64_t m_iteration = 0;
    Bits m_bestBits;
    double m_bestCut = 0.0;
    std::vector<HeuristicTracePoint> m_trace;
    std::optional<std::uint64_t> m_targetIteration;
    std::optional<double> m_targetSeconds;
    bool m_timedOut = false;
    bool m_cancelled = false;
};

void checkOptions(const VnsOptions& options)
{
    if (options.maxNeighbourhood == 0)
        throw Error(ErrorCode::InvalidArgument, "k_max must be at least 1", "maxNeighbourhood");
    if (options.eliteSize == 0)
        throw Error(ErrorCode::InvalidArgument, "the elite pool needs at least 1 member", "eliteSize");
    if (!(options.eliteDistanceFraction >= 0.0 && options.eliteDistanceFraction <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "must be in [0, 1]", "eliteDistanceFraction");
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be finite and >= 0", "timeLimitSeconds");
    if (options.targetCut && !std::isfinite(*options.targetCut))
        throw Error(ErrorCode::InvalidArgument, "target cut must be finite", "targetCut");
    if (options.timeLimitSeconds <= 0.0 && options.maxIterations == 0)
        throw Error(ErrorCode::InvalidArgument, "VNS needs a time limit or an iteration limit", "timeLimitSeconds");
}

} // namespace

HeuristicResult runVnsPathRelinking(const WeightedGraph& graph, const StartSource& starts,
                                    const VnsOptions& options, RunControl& control)
{
    checkOptions(options);
    const std::size_t n = graph.numVertices();
    if (starts.numVariables() != n)
        throw Error(ErrorCode::InvalidArgument,
                    "starts have " + std::to_string(starts.numVariables()) + " bits, the graph " + std::to_string(n) +
                        " vertices",
                    "starts");
    HeuristicResult result;
    if (n == 0) {
        result.energy = 0.0;
        result.runs = 1;
        if (options.targetCut && !detail::mqlibImproves(*options.targetCut, 0.0)) {
            result.targetIteration = 1;
            result.targetSeconds = 0.0;
        }
        return result;
    }
    const CutForm form(graph);
    Vns vns(form, options, control);
    vns.run(starts, result);
    result.energy = -cutValue(graph, result.bits);
    return result;
}

} // namespace engine
