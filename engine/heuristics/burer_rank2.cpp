// SPDX-License-Identifier: MIT
// Burer, Monteiro and Zhang's rank-two relaxation heuristic for Max-Cut (CirCut): angles, cuts, perturbation.
#include "heuristics/burer_rank2.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "heuristics/mqlib_tolerance.h"
#include "solvers/solver_support.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>

namespace engine {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double PI = std::numbers::pi;
constexpr double TWO_PI = 2.0 * std::numbers::pi;
// Longer limits are treated as this (keeps the deadline arithmetic finite): about 31 years.
constexpr double MAX_TIME_LIMIT_SECONDS = 1e9;

// f and its gradient g_v = -sum_u w_uv sin(theta_v - theta_u), from one sin/cos per vertex:
// cos(a - b) = ca cb + sa sb and sin(a - b) = sa cb - ca sb.
double objectiveAndGradient(const WeightedGraph& graph, const std::vector<double>& theta, std::vector<double>& c,
                            std::vector<double>& s, std::vector<double>& gradient)
{
    const std::size_t n = graph.numVertices();
    for (std::size_t v = 0; v < n; ++v) {
        c[v] = std::cos(theta[v]);
        s[v] = std::sin(theta[v]);
    }
    std::fill(gradient.begin(), gradient.end(), 0.0);
    double f = 0.0;
    for (const Edge& e : graph.edges()) {
        f += e.weight * (c[e.u] * c[e.v] + s[e.u] * s[e.v]);
        const double sinUv = s[e.u] * c[e.v] - c[e.u] * s[e.v];  // sin(theta_u - theta_v)
        gradient[e.u] -= e.weight * sinUv;
        gradient[e.v] += e.weight * sinUv;
    }
    return f;
}

double objectiveOnly(const WeightedGraph& graph, const std::vector<double>& theta, std::vector<double>& c,
                     std::vector<double>& s)
{
    for (std::size_t v = 0; v < theta.size(); ++v) {
        c[v] = std::cos(theta[v]);
        s[v] = std::sin(theta[v]);
    }
    double f = 0.0;
    for (const Edge& e : graph.edges())
        f += e.weight * (c[e.u] * c[e.v] + s[e.u] * s[e.v]);
    return f;
}

// Gain of moving v to the other side: the weight to its own side minus the weight to the other side.
double flipGain(const WeightedGraph& graph, const Bits& x, std::size_t v)
{
    double gain = 0.0;
    for (const auto& [u, edge] : graph.neighbors(v))
        gain += (x[u] == x[v] ? 1.0 : -1.0) * graph.edges()[edge].weight;
    return gain;
}

class Circut {
public:
    Circut(const WeightedGraph& graph, const BurerOptions& options, RunControl& control)
        : m_graph(graph)
        , m_options(options)
        , m_control(control)
        , m_start(Clock::now())
        , m_deadline(m_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                                   std::min(options.timeLimitSeconds, MAX_TIME_LIMIT_SECONDS))))
        , m_rng(options.seed)
        , m_n(graph.numVertices())
        , m_theta(m_n)
        , m_trial(m_n)
        , m_gradient(m_n)
        , m_c(m_n)
        , m_s(m_n)
    {
        double maxWeight = 0.0;
        for (const Edge& e : graph.edges())
            maxWeight = std::max(maxWeight, std::abs(e.weight));
        m_gradientStop = options.gradientTolerance * (1.0 + maxWeight);
    }

    void run(const StartSource& starts, HeuristicResult& result)
    {
        Bits startBits;
        while (!stopped(result)) {
            drawStart(starts, startBits);
            ++result.runs;
            for (std::size_t failures = 0; failures < m_options.maxFailures && !stopped(result);) {
                ++result.iterations;
                if (!minimise(result))
                    break;  // stopped inside the descent; the current angles are not a finished iterate
                double cut = 0.0;
                Bits x = bestAngleCut(m_graph, m_theta, cut);
                if (m_options.localSearch)
                    cut = improveBySingleFlips(x, cut);
                if (result.bits.empty() || detail::mqlibImproves(cut, -result.energy)) {
                    accept(x, cut, result);
                    failures = 0;
                } else {
                    ++failures;
                }
                setPerturbed(result.bits);
                if (m_options.maxIterations && result.iterations >= m_options.maxIterations)
                    m_iterationsDone = true;
            }
        }
    }

private:
    bool stopped(HeuristicResult& result) const
    {
        if (result.reachedTarget() || m_iterationsDone || result.cancelled || result.timedOut)
            return true;
        if (m_control.isCancelled()) {
            result.cancelled = true;
            return true;
        }
        return false;
    }

    void drawStart(const StartSource& starts, Bits& bits)
    {
        if (!starts.isPool()) {
            std::uniform_real_distribution<double> angle(0.0, TWO_PI);
            for (double& t : m_theta)
                t = angle(m_rng);
            return;
        }
        starts.draw(m_rng, bits);
        setPerturbed(bits);
    }

    // theta_v = pi x_v + u, u uniform in +-perturbation * pi.
    void setPerturbed(const Bits& x)
    {
        std::uniform_real_distribution<double> noise(-m_options.perturbation * PI, m_options.perturbation * PI);
        for (std::size_t v = 0; v < m_n; ++v)
            m_theta[v] = PI * static_cast<double>(x[v]) + noise(m_rng);
    }

    // Gradient descent with an Armijo backtracking line search; the step grows by 2 after an accepted first trial.
    // Returns false when the time limit or cancel interrupted it.
    bool minimise(HeuristicResult& result)
    {
        double f = objectiveAndGradient(m_graph, m_theta, m_c, m_s, m_gradient);
        for (std::size_t step = 0; step < m_options.maxDescentSteps; ++step) {
            double maxAbs = 0.0;
            double squared = 0.0;
            for (double g : m_gradient) {
                maxAbs = std::max(maxAbs, std::abs(g));
                squared += g * g;
            }
            if (maxAbs <= m_gradientStop)
                return true;
            ++result.operations;
            if (m_control.isCancelled()) {
                result.cancelled = true;
                return false;
            }
            if (m_options.timeLimitSeconds > 0.0 && Clock::now() >= m_deadline) {
                result.timedOut = true;
                return false;
            }
            double alpha = m_step;
            bool firstTrial = true;
            while (true) {
                for (std::size_t v = 0; v < m_n; ++v)
                    m_trial[v] = m_theta[v] - alpha * m_gradient[v];
                const double trialF = objectiveOnly(m_graph, m_trial, m_c, m_s);
                if (trialF <= f - 1e-4 * alpha * squared || alpha < 1e-12) {
                    m_theta.swap(m_trial);
                    m_step = firstTrial ? std::min(2.0 * alpha, 1e6) : alpha;
                    break;
                }
                alpha *= 0.5;
                firstTrial = false;
            }
            f = objectiveAndGradient(m_graph, m_theta, m_c, m_s, m_gradient);
        }
        return true;
    }

    double improveBySingleFlips(Bits& x, double cut)
    {
        bool improved = true;
        while (improved) {
            improved = false;
            for (std::size_t v = 0; v < m_n; ++v) {
                const double gain = flipGain(m_graph, x, v);
                if (gain > 1e-12) {
                    x[v] ^= 1U;
                    cut += gain;
                    improved = true;
                }
            }
        }
        return cut;
    }

    void accept(const Bits& x, double cut, HeuristicResult& result)
    {
        result.bits = x;
        result.energy = -cut;
        const double seconds = detail::secondsSince(m_start);
        if (m_options.recordTrace && result.trace.size() < MAX_HEURISTIC_TRACE_POINTS)
            result.trace.push_back({result.iterations, seconds, -cut});
        if (m_options.targetCut && !detail::mqlibImproves(*m_options.targetCut, cut)) {
            result.targetIteration = result.iterations;
            result.targetSeconds = seconds;
        }
        if (m_options.timeLimitSeconds > 0.0)
            m_control.reportProgress(seconds, m_options.timeLimitSeconds, "rank-two");
    }

    const WeightedGraph& m_graph;
    const BurerOptions& m_options;
    RunControl& m_control;
    Clock::time_point m_start;
    Clock::time_point m_deadline;
    std::mt19937_64 m_rng;
    std::size_t m_n;
    std::vector<double> m_theta, m_trial, m_gradient, m_c, m_s;
    double m_gradientStop = 0.0;
    double m_step = 0.1;
    bool m_iterationsDone = false;
};

} // namespace

double rankTwoObjective(const WeightedGraph& graph, const std::vector<double>& theta)
{
    if (theta.size() != graph.numVertices())
        throw Error(ErrorCode::InvalidArgument, "one angle per vertex is needed", "theta");
    std::vector<double> c(theta.size()), s(theta.size());
    return objectiveOnly(graph, theta, c, s);
}

Bits bestAngleCut(const WeightedGraph& graph, const std::vector<double>& theta, double& cut)
{
    const std::size_t n = graph.numVertices();
    if (theta.size() != n)
        throw Error(ErrorCode::InvalidArgument, "one angle per vertex is needed", "theta");
    // Vertex v is in S(alpha) while (theta_v - alpha) mod 2 pi < pi; as alpha runs over [0, pi) it changes side
    // exactly once, at key_v = theta_v mod pi.
    std::vector<double> reduced(n), key(n);
    Bits x(n);
    for (std::size_t v = 0; v < n; ++v) {
        double t = std::fmod(theta[v], TWO_PI);
        if (t < 0.0)
            t += TWO_PI;
        reduced[v] = t;
        x[v] = t < PI ? 1U : 0U;
        key[v] = t < PI ? t : t - PI;
    }
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });

    double current = 0.0;
    for (const Edge& e : graph.edges())
        if (x[e.u] != x[e.v])
            current += e.weight;
    double best = current;
    std::size_t bestPrefix = 0;  // the best cut is S(0) with the first bestPrefix vertices of `order` flipped
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t v = order[k];
        current += flipGain(graph, x, v);
        x[v] ^= 1U;
        if (current > best) {
            best = current;
            bestPrefix = k + 1;
        }
    }
    // x is now S(0) with every vertex flipped; undo the flips after the best prefix.
    for (std::size_t k = bestPrefix; k < n; ++k)
        x[order[k]] ^= 1U;
    cut = best;
    return x;
}

HeuristicResult runBurerRank2(const WeightedGraph& graph, const StartSource& starts, const BurerOptions& options,
                              RunControl& control)
{
    if (starts.numVariables() != graph.numVertices())
        throw Error(ErrorCode::InvalidArgument, "starts must have one bit per vertex", "starts");
    if (options.maxFailures == 0)
        throw Error(ErrorCode::InvalidArgument, "the failure count must be at least 1", "maxFailures");
    if (!(options.perturbation > 0.0 && options.perturbation <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "the perturbation must lie in (0, 1]", "perturbation");
    if (options.maxDescentSteps == 0)
        throw Error(ErrorCode::InvalidArgument, "at least one descent step is needed", "maxDescentSteps");
    if (!(options.gradientTolerance > 0.0) || !std::isfinite(options.gradientTolerance))
        throw Error(ErrorCode::InvalidArgument, "the gradient tolerance must be finite and > 0", "gradientTolerance");
    if (!std::isfinite(options.timeLimitSeconds) || options.timeLimitSeconds < 0.0)
        throw Error(ErrorCode::InvalidArgument, "time limit must be finite and >= 0", "timeLimitSeconds");
    if (options.targetCut && !std::isfinite(*options.targetCut))
        throw Error(ErrorCode::InvalidArgument, "target cut must be finite", "targetCut");
    if (options.timeLimitSeconds <= 0.0 && options.maxIterations == 0)
        throw Error(ErrorCode::InvalidArgument, "the rank-two heuristic needs a time limit or an iteration limit",
                    "timeLimitSeconds");

    HeuristicResult result;
    const auto begin = Clock::now();
    if (graph.numVertices() == 0) {
        result.energy = 0.0;
        if (options.targetCut && !detail::mqlibImproves(*options.targetCut, 0.0)) {
            result.targetIteration = 1;
            result.targetSeconds = 0.0;
        }
        return result;
    }
    Circut(graph, options, control).run(starts, result);
    if (!result.bits.empty())
        result.energy = -cutValue(graph, result.bits);
    result.seconds = detail::secondsSince(begin);
    return result;
}

} // namespace engine
