// SPDX-License-Identifier: MIT
// Describes a QAOA ansatz: which mixer, which initial state, which one-hot groups, which warm start.
#pragma once

#include "core/bits.h"
#include "lcrp/lcrp_encoder.h"

#include <cstddef>
#include <string>
#include <vector>

namespace engine {

/// The mixer U_M(beta) of every layer. All are written exp(-i beta G) with a Hermitian generator G, in the
/// canonical sign convention of algorithms.md section 0 (qaoa_angles.h).
///
/// XY mixers act on one-hot groups (algorithms.md section 3) with Hadfield's normalisation
/// XY_ab = X_a X_b + Y_a Y_b (no 1/2). Qubits outside every group (for example LCRP budget slack bits) get the
/// plain X mixer exp(-i beta X_j) at the same beta and start in |+>.
enum class MixerKind {
    X,             ///< exp(-i beta sum_j X_j), the standard transverse-field mixer
    XYRing,        ///< per group the exact exp(-i beta H_ring), H_ring = sum_a XY_{a,a+1} (ring, k+1 = 1; k = 2: one
                   ///< pair); computed per Hamming-weight sector, groups of at most MAX_EXACT_XY_GROUP_SIZE qubits
    XYComplete,    ///< per group the round-robin partition product of exp(-i beta XY_ab) over all pairs a < b
    XYParityRing,  ///< per group Hadfield's parity ring product U_last U_even U_odd (U_odd first)
    WarmStart,     ///< exp(-i beta sum_j (sin theta_j X_j + cos theta_j Z_j)), the warm-start mixer (see below)
};
/// "x", "xy-ring", "xy-complete", "xy-parity", "warm-start".
const char* mixerKindName(MixerKind kind) noexcept;
/// Inverse of mixerKindName; throws Error(InvalidArgument) naming the accepted names.
MixerKind mixerKindFromName(const std::string& name);

/// The state the first layer acts on.
enum class InitialStateKind {
    Uniform,     ///< |+>^n (X mixer)
    WState,      ///< |W_k> = k^{-1/2} sum_j |e_j> on every group, |+> on ungrouped qubits (XY mixers)
    BasisState,  ///< the basis state `basisBits` on grouped qubits (one-hot per group), |+> on ungrouped ones
    WarmStart,   ///< prod_j RY(theta_j)|0> = cos(theta_j/2)|0> + sin(theta_j/2)|1> (warm-start mixer)
};
/// "uniform", "w", "basis", "warm-start".
const char* initialStateKindName(InitialStateKind kind) noexcept;
/// Inverse of initialStateKindName; throws Error(InvalidArgument).
InitialStateKind initialStateKindFromName(const std::string& name);

/// Largest group the exact ring mixer accepts: its largest weight sector has C(10, 5) = 252 states, so the
/// per-beta sector unitaries cost about 2e7 flops and each state pass 185 complex products per amplitude.
constexpr std::size_t MAX_EXACT_XY_GROUP_SIZE = 10;
/// Regularisation of Egger et al. for warm starts from 0/1 solutions: c_i is clamped to [eps, 1 - eps].
constexpr double DEFAULT_WARM_START_EPSILON = 0.25;

/// An ordered pair of qubits (a != b) for an XY term.
struct QubitPair {
    unsigned a = 0;  ///< first qubit
    unsigned b = 0;  ///< second qubit
};
/// One round of XY pair unitaries on disjoint pairs (they commute, so their order inside a round is free).
using XYRound = std::vector<QubitPair>;

/// A complete ansatz description; a plain value checked by validate(). Build it with the make* functions below
/// rather than by hand. Allowed combinations: X with Uniform; the three XY mixers with WState or BasisState;
/// WarmStart with WarmStart.
///
/// Warm start (Egger, Marecek, Woerner, Quantum 5, 479 (2021), also cited as [13] by the cascade paper 8.1):
/// from a classical solution c in [0,1]^n (bits, or a relaxed solution), c*_j = clamp(c_j, eps, 1 - eps),
/// theta_j = 2 arcsin(sqrt(c*_j)). The initial state prod_j RY(theta_j)|0> measures x_j = 1 with probability c*_j.
/// The mixer we implement is exp(-i beta H_ws), H_ws = sum_j (sin theta_j X_j + cos theta_j Z_j), per qubit
/// RY(theta_j) RZ(2 beta) RY(-theta_j). The initial state is the top (+1) eigenstate of every term, exactly as
/// |+> is for sum_j X_j in the canonical convention; at c*_j = 1/2 (theta = pi/2) H_ws = sum_j X_j, so the
/// ansatz is identical to the standard X-mixer QAOA. Egger et al. write the mixer Hamiltonian with the opposite
/// sign (the initial state as its ground state): their exp(-i beta H_M) is our mixer at -beta.
struct QaoaAnsatz {
    std::size_t numQubits = 0;                     ///< n; must equal the QUBO's number of variables
    MixerKind mixer = MixerKind::X;                ///< mixer of every layer
    InitialStateKind initialState = InitialStateKind::Uniform;  ///< state before layer 1
    std::vector<std::vector<unsigned>> groups;     ///< one-hot groups (XY mixers only): disjoint, qubits < n,
                                                   ///< in the group's ring order; empty for X and WarmStart
    Bits basisBits;                                ///< BasisState: one bit per qubit, one-hot on every group
                                                   ///< (bits of ungrouped qubits are ignored: they start in |+>)
    std::vector<double> warmThetas;                ///< WarmStart: theta_j in [0, pi] per qubit

    /// True for the three XY mixers.
    bool usesGroups() const;
    /// Qubits in no group, ascending (all qubits for X and WarmStart). O(n).
    std::vector<unsigned> ungroupedQubits() const;
    /// Throws Error(InvalidArgument) with `where` naming the field ("groups/1/2", "basisBits", ...) when the
    /// combination is not allowed, a group is empty, repeats or overlaps, a qubit is out of range, an exact ring
    /// group exceeds MAX_EXACT_XY_GROUP_SIZE, basis bits are missing or not one-hot per group, thetas are
    /// missing or outside [0, pi], or XY mixers have no group. O(n + sum of group sizes).
    void validate() const;
};

/// The standard ansatz: X mixer from |+>^n.
QaoaAnsatz makeXAnsatz(std::size_t numQubits);

/// An XY-mixer ansatz over `groups` (validated). Empty `basisBits` starts every group in its W state; otherwise
/// the basis state `basisBits` (size numQubits, one-hot per group). Throws Error(InvalidArgument) for a mixer
/// that is not one of the XY kinds or an invalid description.
QaoaAnsatz makeXYAnsatz(std::size_t numQubits, std::vector<std::vector<unsigned>> groups, MixerKind mixer,
                        const Bits& basisBits = {});

/// The LCRP one-hot groups: group i = variables i*M .. i*M + M - 1 (one per task, in model order). Budget slack
/// variables [N*M, N*M + K) are in no group (they get the X mixer and |+>). O(N M).
std::vector<std::vector<unsigned>> lcrpOneHotGroups(const LcrpEncoding& encoding);

/// The N*M + K bits of an assignment (model index per task): x_ij = 1 iff assignment[i] == j, slack bits 0.
/// Throws Error(InvalidArgument) ("assignment" or "assignment/<i>") for a wrong size or a model out of range.
Bits lcrpAssignmentBits(const LcrpEncoding& encoding, const std::vector<int>& assignment);

/// An XY ansatz for an encoded LCRP: groups from lcrpOneHotGroups; W states when `assignment` is empty, else the
/// basis state of that assignment (for example the greedy one). With a feasible start every sample is one-hot,
/// so the assignment penalty of the QUBO is a constant on the reachable states.
QaoaAnsatz makeLcrpXYAnsatz(const LcrpEncoding& encoding, MixerKind mixer, const std::vector<int>& assignment = {});

/// theta_j = 2 arcsin(sqrt(clamp(c_j, epsilon, 1 - epsilon))) for a classical solution c (entries in [0, 1]).
/// Throws Error(InvalidArgument) for epsilon outside [0, 0.5] ("epsilon") or an entry that is not a finite
/// number in [0, 1] ("c/<j>"). With epsilon = 0 a 0/1 entry gives theta = 0 or pi: that qubit then never moves.
std::vector<double> warmStartThetas(const std::vector<double>& c, double epsilon = DEFAULT_WARM_START_EPSILON);

/// The warm-start ansatz for solution c (one entry per qubit; Bits convert with the overload below).
QaoaAnsatz makeWarmStartAnsatz(const std::vector<double>& c, double epsilon = DEFAULT_WARM_START_EPSILON);
/// Warm start from a bitstring (c_j = x_j).
QaoaAnsatz makeWarmStartAnsatz(const Bits& x, double epsilon = DEFAULT_WARM_START_EPSILON);

/// The Hamiltonian terms of the exact ring mixer on `group` (qubit ids): (g_0,g_1), ..., (g_{k-1}, g_0) for
/// k >= 3, the single pair for k = 2, none for k = 1.
std::vector<QubitPair> xyRingPairs(const std::vector<unsigned>& group);

/// The rounds of a product XY mixer on `group` in application order (first round acts first):
/// XYParityRing: U_odd {(g0,g1),(g2,g3),...}, U_even {(g1,g2),(g3,g4),..., plus (g_{k-1},g0) for even k},
///   U_last {(g_{k-1},g0)} for odd k (algorithms.md section 3, 0-based); k = 2 gives the single pair once.
/// XYComplete: the round-robin ("circle") schedule, k - 1 rounds for even k, k for odd k (a dummy element whose
///   pairs are dropped); every pair a < b appears exactly once.
/// Throws Error(InvalidArgument) for other mixer kinds. O(k^2).
std::vector<XYRound> xyMixerRounds(const std::vector<unsigned>& group, MixerKind mixer);

} // namespace engine
