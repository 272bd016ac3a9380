// SPDX-License-Identifier: MIT
// Ozaeta et al.'s closed-form p = 1 expectations on a compressed adjacency, and the parallel landscape grid.
#include "qaoa/p1_analytic.h"

#include "core/error.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <string>

namespace engine {

namespace {

void requireFinite(double value, const std::string& where)
{
    if (!std::isfinite(value))
        throw Error(ErrorCode::InvalidArgument, "value is not finite", where);
}

} // namespace

double P1Coefficients::at(double beta) const
{
    const double s2 = std::sin(2.0 * beta);
    return offset + sin2Beta * s2 + sin4Beta * std::sin(4.0 * beta) + sinSq2Beta * s2 * s2;
}

P1Analytic::P1Analytic(const IsingModel& model) : m_h(model.h), m_offset(model.offset)
{
    const std::size_t n = m_h.size();
    if (n > std::numeric_limits<std::uint32_t>::max())
        throw Error(ErrorCode::LimitExceeded, "too many spins for the p = 1 analytics", "h");
    requireFinite(m_offset, "offset");
    for (std::size_t u = 0; u < n; ++u)
        requireFinite(m_h[u], indexedPlace("h", u));

    std::vector<Pair> pairs;
    pairs.reserve(model.J.size());
    for (std::size_t k = 0; k < model.J.size(); ++k) {
        const QuadraticTerm& t = model.J[k];
        requireFinite(t.value, indexedPlace("J", k));
        if (t.i >= n || t.j >= n)
            throw Error(ErrorCode::InvalidArgument, "coupling names a spin out of range", indexedPlace("J", k));
        if (t.i == t.j)
            throw Error(ErrorCode::InvalidArgument, "coupling joins a spin to itself", indexedPlace("J", k));
        pairs.push_back({std::min(t.i, t.j), std::max(t.i, t.j), t.value});
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
        return a.u != b.u ? a.u < b.u : a.v < b.v;
    });
    // Merge repeated pairs (their ZZ terms add) and drop zeros, which add cos(0) = 1 factors and nothing else.
    for (std::size_t k = 0; k < pairs.size();) {
        Pair merged = pairs[k];
        std::size_t next = k + 1;
        while (next < pairs.size() && pairs[next].u == merged.u && pairs[next].v == merged.v)
            merged.coupling += pairs[next++].coupling;
        if (merged.coupling != 0.0)
            m_pairs.push_back(merged);
        k = next;
    }

    std::vector<std::size_t> degree(n, 0);
    for (const Pair& p : m_pairs) {
        ++degree[p.u];
        ++degree[p.v];
    }
    m_rowStart.assign(n + 1, 0);
    for (std::size_t u = 0; u < n; ++u)
        m_rowStart[u + 1] = m_rowStart[u] + degree[u];
    m_neighbor.resize(m_rowStart[n]);
    m_coupling.resize(m_rowStart[n]);
    std::vector<std::size_t> fill(m_rowStart.begin(), m_rowStart.end() - 1);
    // Filling rows in (u, v) order leaves every row sorted: row w first receives its smaller neighbours (pairs
    // (u, w), u < w, in increasing u), then its larger ones (pairs (w, v), after all of those, in increasing v).
    for (const Pair& p : m_pairs) {
        m_neighbor[fill[p.u]] = p.v;
        m_coupling[fill[p.u]++] = p.coupling;
        m_neighbor[fill[p.v]] = p.u;
        m_coupling[fill[p.v]++] = p.coupling;
    }
}

std::vector<double> P1Analytic::adjacencyCosines(double gamma) const
{
    std::vector<double> cosines(m_coupling.size());
    for (std::size_t k = 0; k < m_coupling.size(); ++k)
        cosines[k] = std::cos(2.0 * gamma * m_coupling[k]);
    return cosines;
}

void P1Analytic::pairCoefficients(std::uint32_t u, std::uint32_t v, double coupling, double gamma,
                                  const std::vector<double>& cosines, double& sin4, double& sinSq) const
{
    // One merge over the sorted rows of u and v: a neighbour of only one endpoint contributes the same factor
    // cos(2g J) to both the (J_uw + J_vw) and the (J_uw - J_vw) products (cos is even), a common neighbour
    // needs its own two cosines.
    double productU = 1.0;      // prod_{w != u,v} cos(2g J_uw)
    double productV = 1.0;      // prod_{w != u,v} cos(2g J_vw)
    double productPlus = 1.0;   // prod cos(2g (J_uw + J_vw))
    double productMinus = 1.0;  // prod cos(2g (J_uw - J_vw))
    std::size_t a = m_rowStart[u];
    std::size_t b = m_rowStart[v];
    const std::size_t endA = m_rowStart[u + 1];
    const std::size_t endB = m_rowStart[v + 1];
    while (a < endA || b < endB) {
        if (a < endA && m_neighbor[a] == v) {
            ++a;
            continue;
        }
        if (b < endB && m_neighbor[b] == u) {
            ++b;
            continue;
        }
        const bool takeA = a < endA && (b >= endB || m_neighbor[a] < m_neighbor[b]);
        const bool takeB = b < endB && (a >= endA || m_neighbor[b] < m_neighbor[a]);
        if (takeA) {
            productU *= cosines[a];
            productPlus *= cosines[a];
            productMinus *= cosines[a];
            ++a;
        } else if (takeB) {
            productV *= cosines[b];
            productPlus *= cosines[b];
            productMinus *= cosines[b];
            ++b;
        } else {
            productU *= cosines[a];
            productV *= cosines[b];
            productPlus *= std::cos(2.0 * gamma * (m_coupling[a] + m_coupling[b]));
            productMinus *= std::cos(2.0 * gamma * (m_coupling[a] - m_coupling[b]));
            ++a;
            ++b;
        }
    }
    const double hu = m_h[u];
    const double hv = m_h[v];
    sin4 = 0.5 * std::sin(2.0 * gamma * coupling)
           * (std::cos(2.0 * gamma * hu) * productU + std::cos(2.0 * gamma * hv) * productV);
    sinSq = -0.5 * (std::cos(2.0 * gamma * (hu + hv)) * productPlus
                    - std::cos(2.0 * gamma * (hu - hv)) * productMinus);
}

P1Coefficients P1Analytic::coefficients(double gamma) const
{
    const std::vector<double> cosines = adjacencyCosines(gamma);
    P1Coefficients c;
    c.offset = m_offset;
    for (std::size_t u = 0; u < m_h.size(); ++u) {
        if (m_h[u] == 0.0)
            continue;
        double product = 1.0;
        for (std::size_t k = m_rowStart[u]; k < m_rowStart[u + 1]; ++k)
            product *= cosines[k];
        c.sin2Beta += m_h[u] * std::sin(2.0 * gamma * m_h[u]) * product;
    }
    for (const Pair& p : m_pairs) {
        double sin4 = 0.0;
        double sinSq = 0.0;
        pairCoefficients(p.u, p.v, p.coupling, gamma, cosines, sin4, sinSq);
        c.sin4Beta += p.coupling * sin4;
        c.sinSq2Beta += p.coupling * sinSq;
    }
    return c;
}

double P1Analytic::expectation(double gamma, double beta) const
{
    return coefficients(gamma).at(beta);
}

double P1Analytic::expectationZ(std::size_t u, double gamma, double beta) const
{
    if (u >= m_h.size())
        throw Error(ErrorCode::InvalidArgument, "spin index out of range", "u");
    double product = 1.0;
    for (std::size_t k = m_rowStart[u]; k < m_rowStart[u + 1]; ++k)
        product *= std::cos(2.0 * gamma * m_coupling[k]);
    return std::sin(2.0 * beta) * std::sin(2.0 * gamma * m_h[u]) * product;
}

double P1Analytic::expectationZZ(std::size_t u, std::size_t v, double gamma, double beta) const
{
    if (u >= m_h.size())
        throw Error(ErrorCode::InvalidArgument, "spin index out of range", "u");
    if (v >= m_h.size())
        throw Error(ErrorCode::InvalidArgument, "spin index out of range", "v");
    if (u == v)
        throw Error(ErrorCode::InvalidArgument, "<Z_u Z_u> = 1 is not a pair expectation", "v");
    const auto first = m_neighbor.begin() + static_cast<std::ptrdiff_t>(m_rowStart[u]);
    const auto last = m_neighbor.begin() + static_cast<std::ptrdiff_t>(m_rowStart[u + 1]);
    const auto it = std::lower_bound(first, last, static_cast<std::uint32_t>(v));
    const double coupling =
        it != last && *it == v ? m_coupling[static_cast<std::size_t>(it - m_neighbor.begin())] : 0.0;
    const std::vector<double> cosines = adjacencyCosines(gamma);
    double sin4 = 0.0;
    double sinSq = 0.0;
    pairCoefficients(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v), coupling, gamma, cosines, sin4,
                     sinSq);
    const double s2 = std::sin(2.0 * beta);
    return sin4 * std::sin(4.0 * beta) + sinSq * s2 * s2;
}

double p1Expectation(const IsingModel& model, double gamma, double beta)
{
    return P1Analytic(model).expectation(gamma, beta);
}

namespace {

std::vector<double> gridAxis(double lo, double hi, std::size_t steps)
{
    std::vector<double> axis(steps, lo);
    for (std::size_t i = 1; i < steps; ++i)
        axis[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(steps - 1);
    return axis;
}

void checkAxis(double lo, double hi, std::size_t steps, const char* minName, const char* maxName,
               const char* stepsName)
{
    if (steps == 0)
        throw Error(ErrorCode::InvalidArgument, "a grid axis needs at least one step", stepsName);
    if (!std::isfinite(lo))
        throw Error(ErrorCode::InvalidArgument, "bound is not finite", minName);
    if (!std::isfinite(hi))
        throw Error(ErrorCode::InvalidArgument, "bound is not finite", maxName);
    if (hi < lo)
        throw Error(ErrorCode::InvalidArgument, "upper bound is below the lower bound", maxName);
}

} // namespace

P1GridResult p1GridSearch(const IsingModel& model, const P1GridOptions& options, RunControl& control)
{
    checkAxis(options.gammaMin, options.gammaMax, options.gammaSteps, "gammaMin", "gammaMax", "gammaSteps");
    checkAxis(options.betaMin, options.betaMax, options.betaSteps, "betaMin", "betaMax", "betaSteps");
    if (options.gammaSteps > MAX_P1_GRID_POINTS / options.betaSteps)
        throw Error(ErrorCode::LimitExceeded,
                    "grid of " + std::to_string(options.gammaSteps) + " x " + std::to_string(options.betaSteps)
                        + " points exceeds the limit of " + std::to_string(MAX_P1_GRID_POINTS),
                    "gammaSteps");
    const P1Analytic analytic(model);

    P1GridResult result;
    result.gammas = gridAxis(options.gammaMin, options.gammaMax, options.gammaSteps);
    result.betas = gridAxis(options.betaMin, options.betaMax, options.betaSteps);
    const std::size_t rows = result.gammas.size();
    const std::size_t cols = result.betas.size();
    result.values.assign(rows * cols, std::numeric_limits<double>::quiet_NaN());

    std::vector<double> sin2(cols);
    std::vector<double> sin4(cols);
    for (std::size_t j = 0; j < cols; ++j) {
        sin2[j] = std::sin(2.0 * result.betas[j]);
        sin4[j] = std::sin(4.0 * result.betas[j]);
    }

    std::vector<unsigned char> rowDone(rows, 0);
    std::atomic<std::size_t> rowsFinished{0};
    std::exception_ptr failure;
    const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
    const auto rowCount = static_cast<long long>(rows);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (long long r = 0; r < rowCount; ++r) {
        const auto i = static_cast<std::size_t>(r);
        // Exceptions must not leave an OpenMP region: the first one is kept and rethrown after it.
        try {
            if (control.isCancelled())
                continue;
            const P1Coefficients c = analytic.coefficients(result.gammas[i]);
            double* row = result.values.data() + i * cols;
            for (std::size_t j = 0; j < cols; ++j)
                row[j] = c.offset + c.sin2Beta * sin2[j] + c.sin4Beta * sin4[j] + c.sinSq2Beta * sin2[j] * sin2[j];
            rowDone[i] = 1;
            control.reportProgress(static_cast<double>(++rowsFinished), static_cast<double>(rows), "p = 1 grid");
        } catch (...) {
#pragma omp critical(qaoa_p1_grid_failure)
            if (!failure)
                failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);

    bool found = false;
    for (std::size_t i = 0; i < rows; ++i) {
        if (!rowDone[i]) {
            result.cancelled = true;
            continue;
        }
        for (std::size_t j = 0; j < cols; ++j) {
            const double v = result.values[i * cols + j];
            if (!found || v < result.bestValue) {
                found = true;
                result.bestValue = v;
                result.bestGammaIndex = i;
                result.bestBetaIndex = j;
            }
        }
    }
    if (found) {
        result.bestGamma = result.gammas[result.bestGammaIndex];
        result.bestBeta = result.betas[result.bestBetaIndex];
    }
    return result;
}

} // namespace engine
