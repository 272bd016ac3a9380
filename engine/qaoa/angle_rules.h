// SPDX-License-Identifier: MIT
// Angle rules without a variational loop: linear ramp, fixed angles, Dweight, SKatan, balanced, SK, MIS.
#pragma once

#include "graph/weighted_graph.h"
#include "qaoa/angle_tables.h"
#include "qaoa/qaoa_angles.h"
#include "qubo/ising_model.h"

#include <cstddef>
#include <string>
#include <vector>

namespace engine {

/// Largest depth the rules accept (bounds the allocation; far beyond any simulated circuit).
constexpr std::size_t MAX_RULE_DEPTH = 10000;

/// The Hamiltonian whose canonical angles a Max-Cut rule returns. Rules are stated in the cut convention
/// (AngleConvention::Cut); the two targets differ only in the scale of gamma:
///   EncodedQubo: f(x) = -cut(x) of encodeMaxCut, whose Ising form is sum_E (w/2) Z_i Z_j - W/2:
///                exp(-i g f) = exp(+i g C_cut) up to a phase, so gamma = -gamma_cut, beta = beta_cut.
///   ZzSum:       H = sum_E w Z_i Z_j (the papers' H_MC; cut = (W - H)/2): gamma = -gamma_cut / 2, beta = beta_cut.
/// (The pair (-gamma, -beta) would give the same energies; we keep beta as tabulated.)
enum class MaxCutHamiltonian {
    EncodedQubo,  ///< the QUBO of encodeMaxCut, which the simulator and the rest of the engine run
    ZzSum,        ///< sum_E w Z_i Z_j
};

/// Angles in the cut convention (see AngleConvention::Cut), before conversion to canonical.
struct CutAngles {
    std::vector<double> gammas;  ///< gamma_1 .. gamma_p, cut convention, radians
    std::vector<double> betas;   ///< beta_1 .. beta_p, radians
};

/// Converts cut-convention angles to canonical QaoaAngles for `target` (see MaxCutHamiltonian). O(p).
/// Throws Error(InvalidArgument) when the two lists differ in length.
QaoaAngles cutToCanonical(const CutAngles& angles, MaxCutHamiltonian target = MaxCutHamiltonian::EncodedQubo);

/// Linear-ramp schedule (LR-QAOA), canonical convention, for any cost function to minimise. With
/// s_k = (k - 1/2) / p, k = 1..p:
///   gamma_k = -s_k * deltaT,   beta_k = (1 - s_k) * deltaT.
/// The magnitudes are the usual ramp; the signs are ours and matter: with gamma <= 0 <= beta (deltaT > 0) the
/// circuit is the first-order Trotterisation, step deltaT, of the anneal H(s) = (1 - s) sum_j X_j - s H from
/// its top eigenstate |+>^n, which ends in the top eigenstate of -H, i.e. the ground state of H. With both
/// signs positive the same schedule would climb towards the maximum of H instead. deltaT is in units of
/// 1 / (energy of H): rescale it with the coefficients. Throws Error(InvalidArgument) for depth 0 or above
/// MAX_RULE_DEPTH, or a non-finite deltaT. O(p).
QaoaAngles linearRampAngles(std::size_t depth, double deltaT);

/// Tree-optimal angles (cut convention) of degree d >= 1 at depth 1..6, the per-degree input of Dweight:
/// the Wurtz-Lykov entry where one exists (6 decimals; the worked examples of algorithms.md 2.6 use them), else
/// table 2.6-T (4 decimals; where both exist they agree to 1.1e-3 in the angles and 1.1e-5 in the cut
/// fraction), else, for d = 11..19 and d > 20, the degree extrapolation of algorithms.md 2.6
/// (our reading of Eq. 18): reference degree r = 10 for 11 <= d < 15, else r = 20, and
///   gamma_1[d] = gamma_1[r] atan(1/sqrt(d - 1)) / atan(1/sqrt(r - 1)),
///   gamma_k[d] = gamma_k[r] sqrt((r - 1) / (d - 1))  (k >= 2),
///   beta_k[d]  = beta_SK,k + (beta_k[r] - beta_SK,k) r / d.
/// `value` is the tree cut fraction for table rows and NaN for extrapolated ones. Throws Error(InvalidArgument)
/// for degree 0 or a depth outside 1..6. O(p).
TabulatedAngles treeAnglesForDegree(std::size_t degree, std::size_t depth);

/// The Max-Cut rules of algorithms.md 2.3 and 2.6 (Phasecraft paper Eqs. 17-21).
enum class MaxCutAngleRule {
    FixedAngle,  ///< Wurtz-Lykov angles of the common degree; the graph must be d-regular (any depth in the table)
    Dweight,     ///< sum_d w_d (gamma_tree[d], beta_tree[d]) with w_d = d n_d / (2|E|); depth 1..6
    SKatan,      ///< gamma = 2 gamma_SK atan(1/sqrt(<d> - 1)) (pi/2 for <d> <= 1), beta = beta_SK; depth 1..11
    Balanced,    ///< alpha SKatan + (1 - alpha) Dweight, alpha = 0.5 in the paper; depth 1..6
};

/// Stable names "fixed", "dweight", "skatan", "balanced", and their parser (Error(InvalidArgument) otherwise).
const char* maxCutAngleRuleName(MaxCutAngleRule rule) noexcept;
MaxCutAngleRule maxCutAngleRuleFromName(const std::string& name);

/// Options of maxCutRuleAngles.
struct MaxCutRuleOptions {
    MaxCutAngleRule rule = MaxCutAngleRule::Balanced;
    double alpha = 0.5;            ///< Balanced only: weight of SKatan, in [0, 1]
    /// Eq. 17: divide gamma by sqrt(mean over edges of w^2), which makes the rule invariant under scaling all
    /// weights (no effect for unit weights; skipped when every weight is 0).
    bool rescaleWeights = true;
    MaxCutHamiltonian target = MaxCutHamiltonian::EncodedQubo;  ///< used by maxCutRuleAngles only
};

/// The rule's angles in the cut convention, after the weight rescaling: directly comparable with the
/// tables and the worked examples of algorithms.md 2.6. Degrees count incident edges (weights ignored).
/// Throws Error(InvalidArgument) for a graph without edges, a depth the rule has no table for (the message
/// names what exists), alpha outside [0, 1], or FixedAngle on a graph that is not regular.
/// O(|V| + |E| + p * distinct degrees).
CutAngles maxCutRuleCutAngles(const WeightedGraph& graph, std::size_t depth, const MaxCutRuleOptions& options = {});

/// maxCutRuleCutAngles converted with cutToCanonical for options.target: by default the canonical angles for
/// the QUBO of encodeMaxCut(graph). Same errors and cost.
QaoaAngles maxCutRuleAngles(const WeightedGraph& graph, std::size_t depth, const MaxCutRuleOptions& options = {});

/// SK-table angles (algorithms.md 2.5) in the canonical convention for MINIMISING
/// H = sum_{j<k} J_jk Z_j Z_k with unit-variance couplings (J = +-1) on n spins: since the table's C_SK is
/// H / sqrt(n), gamma = -gamma_tab / sqrt(n), beta = beta_tab. At large n, <H> / n^{3/2} -> -V_p.
/// Throws Error(InvalidArgument) for n = 0 or a depth outside 1..11. O(p).
QaoaAngles skAngles(std::size_t depth, std::size_t numSpins);

/// Tree-rule angles for a general Ising model (canonical convention, for minimising `model`) -- OUR
/// INTERPRETATION of a Max-Cut-style rule beyond Max-Cut. Take the tree angles (treeAnglesForDegree) at the
/// average degree <d> = 2 |C| / n of the coupling graph (C = distinct pairs with J != 0), interpolated linearly
/// between floor(<d>) and ceil(<d>) (<d> < 1 uses d = 1), and convert them as for Max-Cut on sum J Z Z with
/// Eq. 17's rescaling, generalised to count the fields: gamma = -gamma_cut / (2 rms), beta = beta_cut, with
/// rms = sqrt((sum_F h_u^2 + sum_C J^2) / (|F| + |C|)), F = spins with h != 0. For the Ising form of an
/// unweighted d-regular Max-Cut QUBO (h = 0, J = w/2) this is exactly Dweight with target EncodedQubo.
/// Throws Error(InvalidArgument) for a model without non-zero couplings, a non-finite coefficient or a depth
/// outside 1..6. O(n + |J| log |J| + p).
QaoaAngles isingTreeAngles(const IsingModel& model, std::size_t depth);

/// MIS angles for the QUBO of encodeMis(graph, penalty): isingTreeAngles(toIsing(encodeMis(graph, penalty))).
/// The Phasecraft MIS fit (Eqs. 22-23) cannot be used: its coefficients are unpublished. The MIS Ising form
/// has J = penalty / 4 on every edge and fields h_u = 1/2 - penalty d_u / 4, which are as large as J or larger;
/// rescaling by J alone (the literal Max-Cut conversion) over-rotates gamma. Measured on random 40-vertex
/// d-regular graphs at p = 1 (d = 3..6, penalty 1.5..3, two graphs each; optimum from a 601 x 361 grid), of
/// the way from the random-guess <f> to the p = 1 optimum this rule covers 89..98 %, J alone 34..80 %.
/// Same errors as isingTreeAngles, plus Error(InvalidArgument) for a penalty that is not positive and finite.
QaoaAngles misAngles(const WeightedGraph& graph, std::size_t depth, double penalty);

} // namespace engine
