// SPDX-License-Identifier: MIT
// Exact depth-1 QAOA expectations of Ising problems with fields (Ozaeta et al.) and a (gamma, beta) grid search.
#pragma once

#include "core/run_control.h"
#include "qubo/ising_model.h"

#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

namespace engine {

/// <H> at one fixed gamma as a function of beta. At p = 1 every term of the Ozaeta formula depends on beta only
/// through sin(2 beta), sin(4 beta) and sin^2(2 beta), so
///   <H>(gamma, beta) = offset + sin2Beta * sin(2 beta) + sin4Beta * sin(4 beta) + sinSq2Beta * sin^2(2 beta).
/// A grid over beta therefore costs O(1) per point once the coefficients of its gamma are known.
struct P1Coefficients {
    double offset = 0.0;      ///< the Ising offset (energy of nothing; keeps <H> equal to the QUBO's <f>)
    double sin2Beta = 0.0;    ///< sum_u h_u <Z_u> / sin(2 beta): the field terms
    double sin4Beta = 0.0;    ///< coupling terms proportional to sin(4 beta)
    double sinSq2Beta = 0.0;  ///< coupling terms proportional to sin^2(2 beta)

    /// <H> at this gamma and `beta` (radians). O(1).
    double at(double beta) const;
};

/// Exact p = 1 QAOA expectations for H = offset + sum_u h_u Z_u + sum_{u<v} J_uv Z_u Z_v in the canonical
/// convention of qaoa_angles.h: |psi> = exp(-i beta sum X) exp(-i gamma H) |+>^n, spins z = 1 - 2x (so the
/// expectation of an IsingModel from toIsing(qubo) is the QUBO's expected energy, offset included).
/// Formulas (Ozaeta, van Dam, McMahon 2022; algorithms.md 2.2), products over the other vertices w:
///   <Z_u>     = sin(2b) sin(2g h_u) prod_w cos(2g J_uw)
///   <Z_u Z_v> = 1/2 sin(4b) sin(2g J_uv) [cos(2g h_u) prod_{w!=u,v} cos(2g J_uw) + (u <-> v)]
///               - 1/2 sin^2(2b) [cos(2g(h_u + h_v)) prod_{w!=u,v} cos(2g(J_uw + J_vw))
///                                - cos(2g(h_u - h_v)) prod_{w!=u,v} cos(2g(J_uw - J_vw))]
/// Only neighbours contribute to the products (cos 0 = 1), so a coupling (u, v) costs O(d_u + d_v) and <H>
/// costs O(n + sum over couplings of (d_u + d_v)) = O(n + sum_u d_u^2), independent of 2^n.
/// Couplings are stored as a compressed adjacency (duplicate pairs summed, exact zeros dropped).
/// Thread-safety: immutable after construction; const methods may run concurrently.
class P1Analytic {
public:
    /// Copies `model` into adjacency form; O(n + |J| log |J|). Throws Error(InvalidArgument) naming the entry
    /// ("h[3]", "J[7]", "offset") for a non-finite value, a spin index out of range or a coupling of a spin with
    /// itself; pairs given as (j, i) with j > i are accepted.
    explicit P1Analytic(const IsingModel& model);

    std::size_t numSpins() const { return m_h.size(); }
    /// Number of distinct non-zero couplings.
    std::size_t numCouplings() const { return m_pairs.size(); }

    /// The beta-independent coefficients of <H> at `gamma`. O(n + sum_u d_u^2).
    P1Coefficients coefficients(double gamma) const;
    /// <H>(gamma, beta), offset included. O(n + sum_u d_u^2).
    double expectation(double gamma, double beta) const;
    /// <Z_u>. O(d_u). Throws Error(InvalidArgument) when u is out of range.
    double expectationZ(std::size_t u, double gamma, double beta) const;
    /// <Z_u Z_v> for any pair u != v (coupled or not). O(d_u + d_v + log d_u). Throws Error(InvalidArgument)
    /// when an index is out of range or u == v.
    double expectationZZ(std::size_t u, std::size_t v, double gamma, double beta) const;

private:
    struct Pair {
        std::uint32_t u;  // u < v
        std::uint32_t v;
        double coupling;  // J_uv
    };
    // <Z_u Z_v> split into its sin(4 beta) and sin^2(2 beta) coefficients; cosines[k] = cos(2 gamma coupling[k]).
    void pairCoefficients(std::uint32_t u, std::uint32_t v, double coupling, double gamma,
                          const std::vector<double>& cosines, double& sin4, double& sinSq) const;
    std::vector<double> adjacencyCosines(double gamma) const;

    std::vector<double> m_h;                 // field per spin
    std::vector<std::size_t> m_rowStart;     // adjacency of u: entries [m_rowStart[u], m_rowStart[u + 1])
    std::vector<std::uint32_t> m_neighbor;   // neighbour per adjacency entry, sorted within each row
    std::vector<double> m_coupling;          // J with that neighbour
    std::vector<Pair> m_pairs;               // each coupling once, sorted by (u, v)
    double m_offset = 0.0;
};

/// <H>(gamma, beta) of `model` at p = 1; builds a P1Analytic each call (use the class for repeated queries).
double p1Expectation(const IsingModel& model, double gamma, double beta);

/// A rectangular (gamma, beta) grid, endpoints included: gamma_i = gammaMin + i (gammaMax - gammaMin) / (steps - 1)
/// (a single step puts the only point at the minimum). Canonical convention, radians. The defaults cover one
/// full period in beta (pi, since <H> has period pi in beta; pi / 2 without fields) and gamma in [0, pi]:
/// the other half-plane repeats by the symmetry <H>(-gamma, -beta) = <H>(gamma, beta). Gamma is not periodic in
/// general; scale the gamma range to the size of the couplings.
struct P1GridOptions {
    double gammaMin = 0.0;
    double gammaMax = std::numbers::pi;
    std::size_t gammaSteps = 64;
    double betaMin = -std::numbers::pi / 2.0;
    double betaMax = std::numbers::pi / 2.0;
    std::size_t betaSteps = 64;
    int threads = 0;  ///< OpenMP threads over gamma rows; 0 = all cores. The result does not depend on it.
};

/// Largest number of grid points accepted (values are stored: 8 bytes each).
constexpr std::size_t MAX_P1_GRID_POINTS = std::size_t{1} << 24;

/// A grid of p = 1 expectations, for the landscape heat map, and its minimum.
struct P1GridResult {
    std::vector<double> gammas;   ///< gammaSteps grid values
    std::vector<double> betas;    ///< betaSteps grid values
    /// values[i * betas.size() + j] = <H>(gammas[i], betas[j]) (row-major, one row per gamma); NaN in rows
    /// skipped after a cancel.
    std::vector<double> values;
    double bestGamma = 0.0;       ///< argmin over the computed grid points (first in row-major order on ties)
    double bestBeta = 0.0;
    double bestValue = 0.0;       ///< the minimum <H>
    std::size_t bestGammaIndex = 0;
    std::size_t bestBetaIndex = 0;
    bool cancelled = false;       ///< true when `control` cancelled before every row was computed

    /// values[i * betas.size() + j].
    double value(std::size_t i, std::size_t j) const { return values[i * betas.size() + j]; }
};

/// Evaluates <H> on the grid and returns it with its minimum (the canonical convention minimises H).
/// Cost O(gammaSteps * (n + sum_u d_u^2) + gammaSteps * betaSteps), rows in parallel. Progress is reported
/// in rows (from worker threads) and cancel is polled once per row; on cancel the remaining rows hold NaN and
/// the minimum is over the rows done (all fields zero when none was). Throws Error(InvalidArgument) for zero
/// steps, non-finite or reversed bounds, Error(LimitExceeded) above MAX_P1_GRID_POINTS. Safe to call from
/// several threads at once.
P1GridResult p1GridSearch(const IsingModel& model, const P1GridOptions& options = {},
                          RunControl& control = RunControl::none());

} // namespace engine
