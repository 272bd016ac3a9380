// SPDX-License-Identifier: MIT
// QAOA statevector simulation: forward passes through the sim kernels and the adjoint-method gradient.
#include "qaoa/qaoa_simulation.h"

#include "core/error.h"
#include "sim/energy_diagonal.h"
#include "sim/gate_kernels.h"

#include <Eigen/Dense>
#include <omp.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <complex>
#include <cstdint>
#include <string>
#include <type_traits>

namespace engine {

namespace {

using Cd = std::complex<double>;

// Below this many loop iterations a parallel region costs more than it saves (and spinning threads hurt on a
// busy machine), so the loops run serially.
constexpr std::int64_t PARALLEL_MIN_ITERATIONS = std::int64_t{1} << 14;

int resolveThreads(int threads)
{
    return threads > 0 ? threads : omp_get_max_threads();
}

// i with a zero bit inserted at position q (bits at and above q move up by one).
inline std::uint64_t insertZeroBit(std::uint64_t i, unsigned q)
{
    const std::uint64_t low = i & ((std::uint64_t{1} << q) - 1);
    return ((i >> q) << (q + 1)) | low;
}

// Im(conj(l) * f) in double.
template <typename Real>
inline double imConjProduct(const std::complex<Real>& l, const std::complex<Real>& f)
{
    return double(l.real()) * double(f.imag()) - double(l.imag()) * double(f.real());
}

// Im <lambda| D |phi> for the diagonal D.
template <typename Real>
double imInnerDiagonal(const StateVector<Real>& lambda, const StateVector<Real>& phi,
                       const EnergyDiagonal<Real>& diagonal, int threads)
{
    const auto* l = lambda.amplitudes();
    const auto* f = phi.amplitudes();
    const auto size = static_cast<std::int64_t>(phi.size());
    double sum = 0.0;
#pragma omp parallel for num_threads(threads) reduction(+ : sum) schedule(static) if (size >= PARALLEL_MIN_ITERATIONS)
    for (std::int64_t z = 0; z < size; ++z)
        sum += double(diagonal[static_cast<std::size_t>(z)]) * imConjProduct(l[z], f[z]);
    return sum;
}

// Im <lambda| X_q |phi>.
template <typename Real>
double imInnerX(const StateVector<Real>& lambda, const StateVector<Real>& phi, unsigned q, int threads)
{
    const auto* l = lambda.amplitudes();
    const auto* f = phi.amplitudes();
    const auto half = static_cast<std::int64_t>(phi.size() >> 1);
    const std::uint64_t bit = std::uint64_t{1} << q;
    double sum = 0.0;
#pragma omp parallel for num_threads(threads) reduction(+ : sum) schedule(static) if (half >= PARALLEL_MIN_ITERATIONS)
    for (std::int64_t i = 0; i < half; ++i) {
        const std::uint64_t z0 = insertZeroBit(static_cast<std::uint64_t>(i), q);
        const std::uint64_t z1 = z0 | bit;
        sum += imConjProduct(l[z0], f[z1]) + imConjProduct(l[z1], f[z0]);
    }
    return sum;
}

// Im <lambda| (s X_q + c Z_q) |phi>.
template <typename Real>
double imInnerXZ(const StateVector<Real>& lambda, const StateVector<Real>& phi, unsigned q, double s, double c,
                 int threads)
{
    const auto* l = lambda.amplitudes();
    const auto* f = phi.amplitudes();
    const auto half = static_cast<std::int64_t>(phi.size() >> 1);
    const std::uint64_t bit = std::uint64_t{1} << q;
    double sumX = 0.0;
    double sumZ = 0.0;
#pragma omp parallel for num_threads(threads) reduction(+ : sumX, sumZ) schedule(static) \
    if (half >= PARALLEL_MIN_ITERATIONS)
    for (std::int64_t i = 0; i < half; ++i) {
        const std::uint64_t z0 = insertZeroBit(static_cast<std::uint64_t>(i), q);
        const std::uint64_t z1 = z0 | bit;
        sumX += imConjProduct(l[z0], f[z1]) + imConjProduct(l[z1], f[z0]);
        sumZ += imConjProduct(l[z0], f[z0]) - imConjProduct(l[z1], f[z1]);
    }
    return s * sumX + c * sumZ;
}

// Im <lambda| (X_a X_b + Y_a Y_b) |phi>; the operator maps |01> <-> |10> of (a, b) with factor 2.
template <typename Real>
double imInnerXY(const StateVector<Real>& lambda, const StateVector<Real>& phi, unsigned a, unsigned b,
                 int threads)
{
    const auto* l = lambda.amplitudes();
    const auto* f = phi.amplitudes();
    const auto quarter = static_cast<std::int64_t>(phi.size() >> 2);
    const unsigned lo = std::min(a, b);
    const unsigned hi = std::max(a, b);
    const std::uint64_t bitA = std::uint64_t{1} << a;
    const std::uint64_t bitB = std::uint64_t{1} << b;
    double sum = 0.0;
#pragma omp parallel for num_threads(threads) reduction(+ : sum) schedule(static) \
    if (quarter >= PARALLEL_MIN_ITERATIONS)
    for (std::int64_t i = 0; i < quarter; ++i) {
        const std::uint64_t z = insertZeroBit(insertZeroBit(static_cast<std::uint64_t>(i), lo), hi);
        const std::uint64_t za = z | bitA;
        const std::uint64_t zb = z | bitB;
        sum += imConjProduct(l[za], f[zb]) + imConjProduct(l[zb], f[za]);
    }
    return 2.0 * sum;
}

// state[z] *= diagonal[z].
template <typename Real>
void multiplyDiagonal(StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, int threads)
{
    auto* a = state.amplitudes();
    const auto size = static_cast<std::int64_t>(state.size());
#pragma omp parallel for num_threads(threads) schedule(static) if (size >= PARALLEL_MIN_ITERATIONS)
    for (std::int64_t z = 0; z < size; ++z)
        a[z] *= diagonal[static_cast<std::size_t>(z)];
}

Matrix2 rxMatrix(double beta)
{
    // exp(-i beta X) = RX(2 beta)
    const double c = std::cos(beta);
    const double s = std::sin(beta);
    return {Cd(c, 0.0), Cd(0.0, -s), Cd(0.0, -s), Cd(c, 0.0)};
}

Matrix2 warmMixerMatrix(double beta, double sinTheta, double cosTheta)
{
    // exp(-i beta (sin theta X + cos theta Z)) = cos beta I - i sin beta (sin theta X + cos theta Z)
    const double c = std::cos(beta);
    const double s = std::sin(beta);
    return {Cd(c, -s * cosTheta), Cd(0.0, -s * sinTheta), Cd(0.0, -s * sinTheta), Cd(c, s * cosTheta)};
}

// A dense sector unitary, row-major, over the sector's local states.
struct SectorUnitary {
    const std::vector<unsigned>* localStates = nullptr;
    std::vector<Cd> matrix;
};

// Applies a unitary that is block-diagonal over the local states of `qubits` (one block per sector).
template <typename Real>
void applyGroupSectors(StateVector<Real>& state, const std::vector<unsigned>& qubits,
                       const std::vector<SectorUnitary>& sectors, int threads)
{
    const auto k = static_cast<unsigned>(qubits.size());
    const std::size_t localSize = std::size_t{1} << k;
    std::vector<std::uint64_t> offsets(localSize, 0);
    for (std::size_t local = 0; local < localSize; ++local)
        for (unsigned t = 0; t < k; ++t)
            if ((local >> t) & 1U)
                offsets[local] |= std::uint64_t{1} << qubits[t];
    std::vector<unsigned> ascending(qubits);
    std::sort(ascending.begin(), ascending.end());

    auto* amplitudes = state.amplitudes();
    const auto outer = static_cast<std::int64_t>(state.size() >> k);
#pragma omp parallel num_threads(threads) if (outer >= PARALLEL_MIN_ITERATIONS >> 4)
    {
        std::vector<Cd> in(localSize);
        std::vector<Cd> out(localSize);
#pragma omp for schedule(static)
        for (std::int64_t o = 0; o < outer; ++o) {
            std::uint64_t base = static_cast<std::uint64_t>(o);
            for (unsigned q : ascending)
                base = insertZeroBit(base, q);
            for (std::size_t local = 0; local < localSize; ++local)
                in[local] = Cd(amplitudes[base | offsets[local]]);
            for (const SectorUnitary& sector : sectors) {
                const std::vector<unsigned>& states = *sector.localStates;
                const std::size_t dim = states.size();
                for (std::size_t r = 0; r < dim; ++r) {
                    Cd acc = 0.0;
                    const Cd* row = sector.matrix.data() + r * dim;
                    for (std::size_t c = 0; c < dim; ++c)
                        acc += row[c] * in[states[c]];
                    out[states[r]] = acc;
                }
            }
            for (std::size_t local = 0; local < localSize; ++local)
                amplitudes[base | offsets[local]] = std::complex<Real>(out[local]);
        }
    }
}

template <typename Real>
constexpr Precision precisionOf()
{
    return std::is_same_v<Real, double> ? Precision::Double : Precision::Single;
}

} // namespace

template <typename Real>
QaoaSimulator<Real>::QaoaSimulator(const QuboModel& qubo, int threads)
    : QaoaSimulator(qubo, makeXAnsatz(qubo.numVariables() == 0 ? 1 : qubo.numVariables()), threads)
{
}

template <typename Real>
QaoaSimulator<Real>::QaoaSimulator(const QuboModel& qubo, QaoaAnsatz ansatz, int threads)
    : m_threads(threads), m_ansatz(std::move(ansatz))
{
    if (qubo.numVariables() == 0)
        throw Error(ErrorCode::InvalidArgument, "the QUBO has no variables", "qubo");
    if (m_ansatz.numQubits != qubo.numVariables())
        throw Error(ErrorCode::InvalidArgument,
                    "the ansatz has " + std::to_string(m_ansatz.numQubits) + " qubits but the QUBO "
                        + std::to_string(qubo.numVariables()) + " variables",
                    "ansatz");
    m_ansatz.validate();
    m_numQubits = static_cast<unsigned>(m_ansatz.numQubits);

    // Diagonal, a kept initial state, and the two states of a gradient evaluation.
    const std::size_t stateBytes = stateVectorBytes(m_numQubits, precisionOf<Real>());
    const std::size_t diagonalBytes = (std::size_t{1} << m_numQubits) * sizeof(Real);
    const bool keepsInitial = m_ansatz.initialState != InitialStateKind::Uniform;
    checkMemoryFits(m_numQubits, diagonalBytes + stateBytes * (keepsInitial ? 3 : 2), "QAOA simulation");

    m_diagonal = buildEnergyDiagonal<Real>(qubo, threads);
    m_ungrouped = m_ansatz.ungroupedQubits();

    switch (m_ansatz.mixer) {
    case MixerKind::X:
        break;
    case MixerKind::XYComplete:
    case MixerKind::XYParityRing:
        for (const auto& group : m_ansatz.groups)
            for (const XYRound& round : xyMixerRounds(group, m_ansatz.mixer))
                m_pairSequence.insert(m_pairSequence.end(), round.begin(), round.end());
        break;
    case MixerKind::XYRing:
        for (const auto& group : m_ansatz.groups) {
            RingGroup ring;
            ring.qubits = group;
            ring.terms = xyRingPairs(group);
            const auto k = static_cast<unsigned>(group.size());
            // Local position of each qubit, to express the terms over local indices.
            std::vector<unsigned> position(m_numQubits, 0);
            for (unsigned t = 0; t < k; ++t)
                position[group[t]] = t;
            for (unsigned weight = 0; weight <= k; ++weight) {
                RingSector sector;
                std::vector<int> indexOf(std::size_t{1} << k, -1);
                for (unsigned local = 0; local < (1U << k); ++local)
                    if (static_cast<unsigned>(std::popcount(local)) == weight) {
                        indexOf[local] = static_cast<int>(sector.localStates.size());
                        sector.localStates.push_back(local);
                    }
                const auto dim = static_cast<Eigen::Index>(sector.localStates.size());
                Eigen::MatrixXd h = Eigen::MatrixXd::Zero(dim, dim);
                for (Eigen::Index r = 0; r < dim; ++r) {
                    const unsigned local = sector.localStates[static_cast<std::size_t>(r)];
                    for (const QubitPair& term : ring.terms) {
                        const unsigned ta = position[term.a];
                        const unsigned tb = position[term.b];
                        if (((local >> ta) & 1U) != ((local >> tb) & 1U)) {
                            const unsigned partner = local ^ ((1U << ta) | (1U << tb));
                            h(r, indexOf[partner]) += 2.0;
                        }
                    }
                }
                const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(h);
                sector.eigenvalues.assign(solver.eigenvalues().data(), solver.eigenvalues().data() + dim);
                sector.eigenvectors.resize(static_cast<std::size_t>(dim * dim));
                for (Eigen::Index r = 0; r < dim; ++r)
                    for (Eigen::Index c = 0; c < dim; ++c)
                        sector.eigenvectors[static_cast<std::size_t>(r * dim + c)] = solver.eigenvectors()(r, c);
                ring.sectors.push_back(std::move(sector));
            }
            m_ringGroups.push_back(std::move(ring));
        }
        break;
    case MixerKind::WarmStart:
        for (double theta : m_ansatz.warmThetas) {
            m_warmSin.push_back(std::sin(theta));
            m_warmCos.push_back(std::cos(theta));
        }
        break;
    }

    if (keepsInitial) {
        StateVector<Real> initial(m_numQubits);
        auto* a = initial.amplitudes();
        const auto size = static_cast<std::int64_t>(initial.size());
        const int nt = resolveThreads(m_threads);
        if (m_ansatz.initialState == InitialStateKind::WarmStart) {
            // Product state built by doubling: after step j the first 2^(j+1) entries hold qubits 0..j.
            a[0] = std::complex<Real>(1);
            for (unsigned j = 0; j < m_numQubits; ++j) {
                const auto len = static_cast<std::int64_t>(std::uint64_t{1} << j);
                const Real c = static_cast<Real>(std::cos(m_ansatz.warmThetas[j] / 2.0));
                const Real s = static_cast<Real>(std::sin(m_ansatz.warmThetas[j] / 2.0));
#pragma omp parallel for num_threads(nt) schedule(static) if (len >= PARALLEL_MIN_ITERATIONS)
                for (std::int64_t z = 0; z < len; ++z) {
                    const std::complex<Real> v = a[z];
                    a[z] = v * c;
                    a[z + len] = v * s;
                }
            }
        } else {
            // Every group must hold its required pattern (W: exactly one 1; basis: the given bits); ungrouped
            // qubits contribute 2^(-1/2) each.
            std::vector<std::uint64_t> masks;
            std::vector<std::uint64_t> patterns;
            double amplitude = std::pow(0.5, 0.5 * double(m_ungrouped.size()));
            const bool w = m_ansatz.initialState == InitialStateKind::WState;
            for (const auto& group : m_ansatz.groups) {
                std::uint64_t mask = 0;
                std::uint64_t pattern = 0;
                for (unsigned q : group) {
                    mask |= std::uint64_t{1} << q;
                    if (!w && m_ansatz.basisBits[q])
                        pattern |= std::uint64_t{1} << q;
                }
                masks.push_back(mask);
                patterns.push_back(pattern);
                if (w)
                    amplitude /= std::sqrt(double(group.size()));
            }
            const auto value = std::complex<Real>(static_cast<Real>(amplitude));
#pragma omp parallel for num_threads(nt) schedule(static) if (size >= PARALLEL_MIN_ITERATIONS)
            for (std::int64_t z = 0; z < size; ++z) {
                const auto bits = static_cast<std::uint64_t>(z);
                bool ok = true;
                for (std::size_t g = 0; g < masks.size() && ok; ++g)
                    ok = w ? std::popcount(bits & masks[g]) == 1 : (bits & masks[g]) == patterns[g];
                a[z] = ok ? value : std::complex<Real>(0);
            }
        }
        m_initial.emplace(std::move(initial));
    }
}

template <typename Real>
StateVector<Real> QaoaSimulator<Real>::initialState() const
{
    if (m_initial)
        return *m_initial;
    StateVector<Real> state(m_numQubits);
    state.setUniform();
    return state;
}

template <typename Real>
void QaoaSimulator<Real>::checkState(const StateVector<Real>& state) const
{
    if (state.numQubits() != m_numQubits)
        throw Error(ErrorCode::InvalidArgument,
                    "state has " + std::to_string(state.numQubits()) + " qubits, the simulator "
                        + std::to_string(m_numQubits),
                    "state");
}

template <typename Real>
void QaoaSimulator<Real>::checkAngles(const QaoaAngles& angles) const
{
    if (angles.gammas.size() != angles.betas.size())
        throw Error(ErrorCode::InvalidArgument,
                    std::to_string(angles.gammas.size()) + " gammas but " + std::to_string(angles.betas.size())
                        + " betas",
                    "angles");
    for (std::size_t k = 0; k < angles.depth(); ++k)
        if (!std::isfinite(angles.gammas[k]) || !std::isfinite(angles.betas[k]))
            throw Error(ErrorCode::InvalidArgument, "angles of layer " + std::to_string(k + 1) + " are not finite",
                        "angles");
}

template <typename Real>
void QaoaSimulator<Real>::applyCost(StateVector<Real>& state, double gamma) const
{
    checkState(state);
    applyCostPhase(state, m_diagonal, gamma, m_threads);
}

template <typename Real>
void QaoaSimulator<Real>::applyUngroupedX(StateVector<Real>& state, double beta) const
{
    const Matrix2 rx = rxMatrix(beta);
    for (unsigned q : m_ungrouped)
        applyMatrix1(state, q, rx, m_threads);
}

template <typename Real>
void QaoaSimulator<Real>::applyMixer(StateVector<Real>& state, double beta) const
{
    checkState(state);
    switch (m_ansatz.mixer) {
    case MixerKind::X:
        applyXMixer(state, beta, m_threads);
        return;
    case MixerKind::XYComplete:
    case MixerKind::XYParityRing:
        for (const QubitPair& pair : m_pairSequence)
            applyXYPair(state, pair.a, pair.b, beta, m_threads);
        applyUngroupedX(state, beta);
        return;
    case MixerKind::XYRing: {
        const int nt = resolveThreads(m_threads);
        for (const RingGroup& ring : m_ringGroups) {
            // U_w = V diag(exp(-i beta lambda)) V^T per sector: O(dim^3), negligible beside the state pass.
            std::vector<SectorUnitary> unitaries;
            unitaries.reserve(ring.sectors.size());
            for (const RingSector& sector : ring.sectors) {
                const std::size_t dim = sector.localStates.size();
                SectorUnitary u;
                u.localStates = &sector.localStates;
                u.matrix.assign(dim * dim, Cd(0.0));
                std::vector<Cd> phases(dim);
                for (std::size_t m = 0; m < dim; ++m)
                    phases[m] = std::polar(1.0, -beta * sector.eigenvalues[m]);
                for (std::size_t r = 0; r < dim; ++r)
                    for (std::size_t c = 0; c < dim; ++c) {
                        Cd acc = 0.0;
                        for (std::size_t m = 0; m < dim; ++m)
                            acc += sector.eigenvectors[r * dim + m] * phases[m] * sector.eigenvectors[c * dim + m];
                        u.matrix[r * dim + c] = acc;
                    }
                unitaries.push_back(std::move(u));
            }
            applyGroupSectors(state, ring.qubits, unitaries, nt);
        }
        applyUngroupedX(state, beta);
        return;
    }
    case MixerKind::WarmStart:
        for (unsigned q = 0; q < m_numQubits; ++q)
            applyMatrix1(state, q, warmMixerMatrix(beta, m_warmSin[q], m_warmCos[q]), m_threads);
        return;
    }
}

template <typename Real>
StateVector<Real> QaoaSimulator<Real>::state(const QaoaAngles& angles) const
{
    checkAngles(angles);
    StateVector<Real> psi = initialState();
    for (std::size_t k = 0; k < angles.depth(); ++k) {
        if (m_ansatz.mixer == MixerKind::X) {
            applyQaoaLayer(psi, m_diagonal, angles.gammas[k], angles.betas[k], m_threads);
        } else {
            applyCostPhase(psi, m_diagonal, angles.gammas[k], m_threads);
            applyMixer(psi, angles.betas[k]);
        }
    }
    return psi;
}

template <typename Real>
double QaoaSimulator<Real>::expectation(const QaoaAngles& angles) const
{
    return expectationOfDiagonal(state(angles), m_diagonal, m_threads);
}

template <typename Real>
std::vector<double> QaoaSimulator<Real>::probabilities(const QaoaAngles& angles) const
{
    return state(angles).probabilities();
}

template <typename Real>
double QaoaSimulator<Real>::expectationAndGradient(const QaoaAngles& angles, std::vector<double>& gradient) const
{
    StateVector<Real> phi = state(angles);
    const double energy = expectationOfDiagonal(phi, m_diagonal, m_threads);
    const std::size_t p = angles.depth();
    gradient.assign(2 * p, 0.0);
    if (p == 0)
        return energy;

    const int nt = resolveThreads(m_threads);
    StateVector<Real> lambda = phi;
    multiplyDiagonal(lambda, m_diagonal, nt);

    // Walk the factors backwards. At each factor exp(-i t G), phi is the state right after it and lambda the
    // adjoint state; dE/dt = 2 Re <lambda| (-i G) |phi> = 2 Im <lambda|G|phi>. Then both are un-applied.
    for (std::size_t layer = p; layer-- > 0;) {
        const double beta = angles.betas[layer];
        double mixerIm = 0.0;
        switch (m_ansatz.mixer) {
        case MixerKind::X:
            for (unsigned q = 0; q < m_numQubits; ++q)
                mixerIm += imInnerX(lambda, phi, q, nt);
            applyXMixer(phi, -beta, m_threads);
            applyXMixer(lambda, -beta, m_threads);
            break;
        case MixerKind::WarmStart:
            for (unsigned q = 0; q < m_numQubits; ++q)
                mixerIm += imInnerXZ(lambda, phi, q, m_warmSin[q], m_warmCos[q], nt);
            applyMixer(phi, -beta);
            applyMixer(lambda, -beta);
            break;
        case MixerKind::XYRing:
            // All groups and the ungrouped X terms commute: one factor with the summed generator.
            for (const RingGroup& ring : m_ringGroups)
                for (const QubitPair& term : ring.terms)
                    mixerIm += imInnerXY(lambda, phi, term.a, term.b, nt);
            for (unsigned q : m_ungrouped)
                mixerIm += imInnerX(lambda, phi, q, nt);
            applyMixer(phi, -beta);
            applyMixer(lambda, -beta);
            break;
        case MixerKind::XYComplete:
        case MixerKind::XYParityRing:
            // The ungrouped X factor acted last (it commutes with the pairs anyway), then the pairs in reverse.
            for (unsigned q : m_ungrouped)
                mixerIm += imInnerX(lambda, phi, q, nt);
            applyUngroupedX(phi, -beta);
            applyUngroupedX(lambda, -beta);
            for (std::size_t f = m_pairSequence.size(); f-- > 0;) {
                const QubitPair& pair = m_pairSequence[f];
                mixerIm += imInnerXY(lambda, phi, pair.a, pair.b, nt);
                applyXYPair(phi, pair.a, pair.b, -beta, m_threads);
                applyXYPair(lambda, pair.a, pair.b, -beta, m_threads);
            }
            break;
        }
        gradient[p + layer] = 2.0 * mixerIm;

        const double gamma = angles.gammas[layer];
        gradient[layer] = 2.0 * imInnerDiagonal(lambda, phi, m_diagonal, nt);
        if (layer > 0) {
            applyCostPhase(phi, m_diagonal, -gamma, m_threads);
            applyCostPhase(lambda, m_diagonal, -gamma, m_threads);
        }
    }
    return energy;
}

template class QaoaSimulator<double>;
template class QaoaSimulator<float>;

} // namespace engine
