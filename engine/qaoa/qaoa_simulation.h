// SPDX-License-Identifier: MIT
// Statevector simulation of a QAOA ansatz on a QUBO: states, expectations, probabilities, adjoint gradients.
#pragma once

#include "qaoa/qaoa_angles.h"
#include "qaoa/qaoa_ansatz.h"
#include "qubo/qubo_model.h"
#include "sim/qaoa_kernels.h"
#include "sim/state_vector.h"

#include <optional>
#include <vector>

namespace engine {

/// Simulates |psi(gamma, beta)> = U_M(beta_p) U_C(gamma_p) ... U_M(beta_1) U_C(gamma_1) |psi_0> for the QUBO
/// energy H = f(x) (offset included, so expectations are QUBO energies) and an ansatz (qaoa_ansatz.h).
/// U_C(gamma) = exp(-i gamma H); U_M(beta) is the ansatz mixer. The energy diagonal (2^n reals) is built once
/// in the constructor; a non-uniform initial state is built once and kept (one more state of memory).
///
/// Precision: `Real` = double or float for the amplitudes; expectations and gradients are accumulated in double.
/// Threads: `threads` (0 = all cores) is passed to every kernel. Const methods allocate their own states and may
/// run concurrently from several threads. Each evaluation allocates one state (two for the gradient).
template <typename Real>
class QaoaSimulator {
public:
    /// The standard X-mixer ansatz on all variables of `qubo`.
    explicit QaoaSimulator(const QuboModel& qubo, int threads = 0);
    /// Throws Error(InvalidArgument) when ansatz.numQubits != qubo.numVariables() or the ansatz is invalid,
    /// Error(LimitExceeded) when the register or its memory (diagonal, initial state, two work states) does not
    /// fit. O(2^n * average degree) for the diagonal.
    QaoaSimulator(const QuboModel& qubo, QaoaAnsatz ansatz, int threads = 0);

    /// n, the number of qubits (= QUBO variables).
    unsigned numQubits() const { return m_numQubits; }
    /// The validated ansatz.
    const QaoaAnsatz& ansatz() const { return m_ansatz; }
    /// diagonal()[z] = QUBO energy of basis state z (qubit i = bit i of z).
    const EnergyDiagonal<Real>& diagonal() const { return m_diagonal; }
    /// Threads passed to the kernels (0 = all cores).
    int threads() const { return m_threads; }

    /// |psi_0> of the ansatz. O(2^n).
    StateVector<Real> initialState() const;
    /// state <- exp(-i gamma H) state. O(2^n).
    void applyCost(StateVector<Real>& state, double gamma) const;
    /// state <- U_M(beta) state for the ansatz mixer: X O(n 2^n); product XY mixers O(#pairs 2^n); exact ring
    /// O(2^n sum_w C(k,w)^2) per group of size k; warm start O(n 2^n). Throws Error(InvalidArgument) when the
    /// state has a different number of qubits.
    void applyMixer(StateVector<Real>& state, double beta) const;

    /// |psi(angles)>. Throws Error(InvalidArgument) for gammas/betas of different lengths or non-finite angles
    /// ("angles"). Depth 0 returns the initial state.
    StateVector<Real> state(const QaoaAngles& angles) const;
    /// <psi|H|psi>, the expected QUBO energy.
    double expectation(const QaoaAngles& angles) const;
    /// |<z|psi>|^2 for every z (double precision).
    std::vector<double> probabilities(const QaoaAngles& angles) const;

    /// The expectation and its exact gradient with respect to (gamma_1..gamma_p, beta_1..beta_p) (the order of
    /// QaoaAngles::flatten), by the adjoint method: one forward pass, then a backward pass that carries
    /// |phi> (the state after each factor) and |lambda> = U_later^dagger H |psi> and un-applies one factor at a
    /// time. For a factor exp(-i t G), dE/dt = 2 Im <lambda|G|phi>. For the product XY mixers every pair
    /// factor exp(-i beta XY_ab) contributes its own term to dE/dbeta_k. Cost about three forward passes and
    /// two states of memory (measured 3 to 4.5 times an expectation() at n = 20, p = 3).
    double expectationAndGradient(const QaoaAngles& angles, std::vector<double>& gradient) const;

private:
    // One Hamming-weight sector of an exact ring group with its eigen-decomposition.
    struct RingSector {
        std::vector<unsigned> localStates;  // local indices l in [0, 2^k) with popcount w, ascending
        std::vector<double> eigenvectors;   // dim x dim, row-major: column c is an eigenvector
        std::vector<double> eigenvalues;    // dim
    };
    // One group of the exact ring mixer.
    struct RingGroup {
        std::vector<unsigned> qubits;       // group qubits; local bit t = qubits[t]
        std::vector<QubitPair> terms;       // ring Hamiltonian terms (xyRingPairs)
        std::vector<RingSector> sectors;    // weight 0..k
    };

    void applyUngroupedX(StateVector<Real>& state, double beta) const;
    void checkAngles(const QaoaAngles& angles) const;
    void checkState(const StateVector<Real>& state) const;

    unsigned m_numQubits = 0;
    int m_threads = 0;
    QaoaAnsatz m_ansatz;
    EnergyDiagonal<Real> m_diagonal;                  // m_diagonal[z] = f(bits of z)
    std::optional<StateVector<Real>> m_initial;       // non-uniform initial states only
    std::vector<unsigned> m_ungrouped;                // qubits with the X mixer (XY ansatz)
    std::vector<QubitPair> m_pairSequence;            // product XY mixers: pair factors in application order
    std::vector<RingGroup> m_ringGroups;              // exact ring mixer: one per group
    std::vector<double> m_warmSin;                    // warm start: sin theta_j
    std::vector<double> m_warmCos;                    // warm start: cos theta_j
};

extern template class QaoaSimulator<double>;
extern template class QaoaSimulator<float>;

} // namespace engine
