// SPDX-License-Identifier: MIT
// Quantum-trajectory emulation: unitary gates interleaved with sampled Pauli and amplitude-damping Kraus branches.
#include "emulator/trajectory_emulator.h"

#include "circuit/circuit_simulation.h"
#include "core/error.h"
#include "sim/state_sampler.h"
#include "sim/thread_count.h"

#include <omp.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <exception>
#include <optional>
#include <random>
#include <string>

namespace engine {

namespace {

using Complex = std::complex<double>;

using Mat2 = std::array<Complex, 4>;
using Mat4 = std::array<Complex, 16>;

constexpr Mat2 IDENTITY2 = {Complex(1), Complex(0), Complex(0), Complex(1)};
// Channel probabilities below this are dropped: their effect is far below any shot noise.
constexpr double NEGLIGIBLE_PROBABILITY = 1e-12;
// The squared norm of a trajectory state only shrinks by no-jump factors; it is renormalised long before it
// could underflow.
constexpr double RENORMALIZE_BELOW = 1e-100;
// Fixed number of partial sums of a weight pass, so that the total does not depend on the thread count.
constexpr std::uint64_t WEIGHT_CHUNKS = 64;

// One gate of the compiled circuit, on local (used-qubit) indices, with its noise. relax[k] covers the gate and,
// with idle relaxation, operand k's wait up to its next gate.
struct Step {
    Mat4 matrix{};  // row-major; a one-qubit gate uses the first 4 entries
    bool identity = false;
    unsigned numQubits = 1;
    unsigned q[2] = {0, 0};
    double pauliProbability = 0.0;
    RelaxationNoise relax[2];
};

// One classical bit: the local qubit that it reads (-1: never measured) and its readout flips.
struct BitSource {
    int localQubit = -1;
    ReadoutNoise readout;
};

// Damping from a qubit's last gate to its measurement, drawn per shot as a 1 -> 0 flip of the sampled bit.
struct TailDecay {
    unsigned localQubit = 0;
    double gamma = 0.0;
};

std::uint64_t splitMix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

void checkTerminal(const Circuit& circuit)
{
    std::vector<char> touched(circuit.numQubits(), 0);
    std::vector<char> measured(circuit.numQubits(), 0);
    const auto& ops = circuit.operations();
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const Operation& op = ops[k];
        if (op.kind == OperationKind::Gate) {
            for (unsigned q : op.qubits) {
                if (measured[q])
                    throw Error(ErrorCode::InvalidArgument,
                                std::string("gate acts on qubit ") + std::to_string(q) +
                                    " after its measurement (mid-circuit measurements are not emulated)",
                                indexedPlace("operations", k));
                touched[q] = 1;
            }
        } else if (op.kind == OperationKind::Measure) {
            measured[op.qubits[0]] = 1;
        } else if (op.kind == OperationKind::Reset && (touched[op.qubits[0]] || measured[op.qubits[0]])) {
            throw Error(ErrorCode::InvalidArgument,
                        std::string("reset of qubit ") + std::to_string(op.qubits[0]) +
                            " after it was used (mid-circuit resets are not emulated)",
                        indexedPlace("operations", k));
        }
    }
}

std::uint64_t insertZero(std::uint64_t i, unsigned q)
{
    const std::uint64_t low = i & ((std::uint64_t{1} << q) - 1);
    return ((i - low) << 1) | low;
}

// The kernels below work on the interleaved (re, im) doubles with real arithmetic: std::complex products carry
// NaN checks that keep the compiler from scheduling them well, and these loops are compute-bound.

// Applies the 2x2 matrix m to qubit q.
void applyOne(StateVector<double>& state, unsigned q, const Mat2& m, int threads)
{
    double mr[4], mi[4];
    for (int k = 0; k < 4; ++k) {
        mr[k] = m[k].real();
        mi[k] = m[k].imag();
    }
    double* a = reinterpret_cast<double*>(state.amplitudes());
    const std::uint64_t bit = std::uint64_t{1} << q;
    const auto half = static_cast<std::int64_t>(state.size() / 2);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::int64_t i = 0; i < half; ++i) {
        const std::uint64_t z0 = insertZero(static_cast<std::uint64_t>(i), q);
        const std::uint64_t z1 = z0 | bit;
        const double x0r = a[2 * z0], x0i = a[2 * z0 + 1], x1r = a[2 * z1], x1i = a[2 * z1 + 1];
        a[2 * z0] = mr[0] * x0r - mi[0] * x0i + mr[1] * x1r - mi[1] * x1i;
        a[2 * z0 + 1] = mr[0] * x0i + mi[0] * x0r + mr[1] * x1i + mi[1] * x1r;
        a[2 * z1] = mr[2] * x0r - mi[2] * x0i + mr[3] * x1r - mi[3] * x1i;
        a[2 * z1 + 1] = mr[2] * x0i + mi[2] * x0r + mr[3] * x1i + mi[3] * x1r;
    }
}

// Applies the 4x4 matrix m (split into real and imaginary parts) to qubits (qa, qb) of the amplitude groups
// begin..end-1 (group i: insertZero(insertZero(i, lo), hi) and its three partners).
struct TwoQubitPass {
    double* a;
    unsigned lo, hi;
    std::uint64_t ba, bb;
    double mr[16], mi[16];
};

void twoQubitRange(const TwoQubitPass& p, std::uint64_t begin, std::uint64_t end)
{
    double* a = p.a;
    for (std::uint64_t i = begin; i < end; ++i) {
        const std::uint64_t z = insertZero(insertZero(i, p.lo), p.hi);
        const std::uint64_t idx[4] = {z, z | p.ba, z | p.bb, z | p.ba | p.bb};
        double xr[4], xi[4];
        for (int k = 0; k < 4; ++k) {
            xr[k] = a[2 * idx[k]];
            xi[k] = a[2 * idx[k] + 1];
        }
        for (int r = 0; r < 4; ++r) {
            double yr = 0.0, yi = 0.0;
            for (int k = 0; k < 4; ++k) {
                yr += p.mr[4 * r + k] * xr[k] - p.mi[4 * r + k] * xi[k];
                yi += p.mr[4 * r + k] * xi[k] + p.mi[4 * r + k] * xr[k];
            }
            a[2 * idx[r]] = yr;
            a[2 * idx[r] + 1] = yi;
        }
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
#define QAOA_EMULATOR_AVX2 1
// The same with AVX2 and FMA, two neighbouring groups per vector: for lo >= 1 groups 2j and 2j + 1 are
// amplitudes z and z + 1 of every partner. begin and end must be even.
__attribute__((target("avx2,fma"))) void twoQubitRangeAvx2(const TwoQubitPass& p, std::uint64_t begin,
                                                            std::uint64_t end)
{
    __m256d mr[16], mi[16];
    for (int k = 0; k < 16; ++k) {
        mr[k] = _mm256_set1_pd(p.mr[k]);
        mi[k] = _mm256_set1_pd(p.mi[k]);
    }
    double* a = p.a;
    for (std::uint64_t i = begin; i < end; i += 2) {
        const std::uint64_t z = insertZero(insertZero(i, p.lo), p.hi);
        double* ptr[4] = {a + 2 * z, a + 2 * (z | p.ba), a + 2 * (z | p.bb), a + 2 * (z | p.ba | p.bb)};
        __m256d x[4], xs[4];
        for (int k = 0; k < 4; ++k) {
            x[k] = _mm256_loadu_pd(ptr[k]);
            xs[k] = _mm256_permute_pd(x[k], 0x5);  // (im, re) pairs
        }
        for (int r = 0; r < 4; ++r) {
            // (mr + i mi) x = mr x + mi (-im, re): real lanes subtract, imaginary lanes add.
            __m256d re = _mm256_mul_pd(mr[4 * r], x[0]);
            __m256d im = _mm256_mul_pd(mi[4 * r], xs[0]);
            for (int k = 1; k < 4; ++k) {
                re = _mm256_fmadd_pd(mr[4 * r + k], x[k], re);
                im = _mm256_fmadd_pd(mi[4 * r + k], xs[k], im);
            }
            _mm256_storeu_pd(ptr[r], _mm256_addsub_pd(re, im));
        }
    }
}

bool hasAvx2()
{
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return yes;
}
#endif

// Groups per parallel chunk of a two-qubit pass: big enough to amortise scheduling, even for the vector path.
constexpr std::uint64_t TWO_QUBIT_CHUNK = std::uint64_t{1} << 12;

// Applies the 4x4 matrix m to qubits (qa, qb), index k = 2 * bit(qb) + bit(qa).
void applyTwo(StateVector<double>& state, unsigned qa, unsigned qb, const Mat4& m, int threads)
{
    TwoQubitPass p;
    p.a = reinterpret_cast<double*>(state.amplitudes());
    p.lo = std::min(qa, qb);
    p.hi = std::max(qa, qb);
    p.ba = std::uint64_t{1} << qa;
    p.bb = std::uint64_t{1} << qb;
    for (int k = 0; k < 16; ++k) {
        p.mr[k] = m[k].real();
        p.mi[k] = m[k].imag();
    }
    const std::uint64_t quarter = state.size() / 4;
    bool vector = false;
#ifdef QAOA_EMULATOR_AVX2
    vector = p.lo >= 1 && quarter % 2 == 0 && hasAvx2();
#endif
    const auto chunks = static_cast<std::int64_t>((quarter + TWO_QUBIT_CHUNK - 1) / TWO_QUBIT_CHUNK);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::int64_t c = 0; c < chunks; ++c) {
        const std::uint64_t begin = static_cast<std::uint64_t>(c) * TWO_QUBIT_CHUNK;
        const std::uint64_t end = std::min(quarter, begin + TWO_QUBIT_CHUNK);
#ifdef QAOA_EMULATOR_AVX2
        if (vector) {
            twoQubitRangeAvx2(p, begin, end);
            continue;
        }
#endif
        twoQubitRange(p, begin, end);
    }
    (void)vector;
}

// Squared norm of the state and the part of it with qubit q = 1.
struct Weights {
    double one = 0.0;
    double total = 0.0;
};

Weights qubitWeights(const StateVector<double>& state, unsigned q, int threads)
{
    const std::uint64_t chunks = std::min<std::uint64_t>(WEIGHT_CHUNKS, state.size());
    const std::uint64_t length = state.size() / chunks;
    std::vector<double> ones(chunks, 0.0), totals(chunks, 0.0);
    const Complex* a = state.amplitudes();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (std::int64_t c = 0; c < static_cast<std::int64_t>(chunks); ++c) {
        double one = 0.0, total = 0.0;
        const std::uint64_t begin = static_cast<std::uint64_t>(c) * length;
        for (std::uint64_t z = begin; z < begin + length; ++z) {
            const double p = std::norm(a[z]);
            total += p;
            one += ((z >> q) & 1u) ? p : 0.0;
        }
        ones[static_cast<std::size_t>(c)] = one;
        totals[static_cast<std::size_t>(c)] = total;
    }
    Weights w;
    for (std::uint64_t c = 0; c < chunks; ++c) {
        w.one += ones[c];
        w.total += totals[c];
    }
    return w;
}

// The damping jump sqrt(gamma)|0><1| followed by normalisation: |1> amplitudes move to |0> scaled by c.
void jumpQubit(StateVector<double>& state, unsigned q, double c)
{
    Complex* a = state.amplitudes();
    const std::uint64_t stride = std::uint64_t{1} << q;
    for (std::uint64_t base = 0; base < state.size(); base += 2 * stride)
        for (std::uint64_t i = 0; i < stride; ++i) {
            a[base + i] = a[base + stride + i] * c;
            a[base + stride + i] = 0.0;
        }
}

const Mat2& pauliMatrix(unsigned index)
{
    static const Mat2 paulis[4] = {
        Mat2{Complex(1), Complex(0), Complex(0), Complex(1)},
        Mat2{Complex(0), Complex(1), Complex(1), Complex(0)},
        Mat2{Complex(0), Complex(0, -1), Complex(0, 1), Complex(0)},
        Mat2{Complex(1), Complex(0), Complex(0), Complex(-1)},
    };
    return paulis[index];
}

Mat2 mul2(const Mat2& a, const Mat2& b)
{
    Mat2 c{};
    for (int r = 0; r < 2; ++r)
        for (int k = 0; k < 2; ++k)
            for (int j = 0; j < 2; ++j)
                c[2 * r + j] += a[2 * r + k] * b[2 * k + j];
    return c;
}

// m * (a on operand 0 (x) b on operand 1), index k = 2 * bit(operand 1) + bit(operand 0).
Mat4 mulKron(const Mat4& m, const Mat2& a, const Mat2& b)
{
    Mat4 out{};
    for (int r = 0; r < 4; ++r)
        for (int k = 0; k < 4; ++k)
            for (int j = 0; j < 4; ++j)
                out[4 * r + j] += m[4 * r + k] * a[2 * (k & 1) + (j & 1)] * b[2 * (k >> 1) + (j >> 1)];
    return out;
}

// a on operand 0 (x) b on operand 1.
Mat4 kron(const Mat2& a, const Mat2& b)
{
    Mat4 out{};
    for (int r = 0; r < 4; ++r)
        for (int j = 0; j < 4; ++j)
            out[4 * r + j] = a[2 * (r & 1) + (j & 1)] * b[2 * (r >> 1) + (j >> 1)];
    return out;
}

Mat4 mulMat4(const Mat4& a, const Mat4& b)
{
    Mat4 c{};
    for (int r = 0; r < 4; ++r)
        for (int k = 0; k < 4; ++k)
            for (int j = 0; j < 4; ++j)
                c[4 * r + j] += a[4 * r + k] * b[4 * k + j];
    return c;
}

// The same two-qubit operator with its operands listed the other way round.
Mat4 swapOperands(const Mat4& m)
{
    const auto swapBits = [](int k) { return ((k & 1) << 1) | (k >> 1); };
    Mat4 out{};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            out[4 * swapBits(r) + swapBits(c)] = m[4 * r + c];
    return out;
}

bool isIdentity(const Mat2& m)
{
    return m == IDENTITY2;
}

// True when m changes no |amplitude|^2 of a basis state: a diagonal of two phases (rz, Z and their products).
bool isPhaseDiagonal(const Mat2& m)
{
    const double scale = std::max(std::abs(m[0]), std::abs(m[3]));
    return std::abs(m[1]) <= 1e-12 * scale && std::abs(m[2]) <= 1e-12 * scale &&
           std::abs(std::abs(m[0]) - std::abs(m[3])) <= 1e-12 * scale;
}

// True when m^dagger m = 1 to rounding: it leaves every other qubit's outcome distribution alone.
bool isUnitary(const Mat2& m)
{
    const double d0 = std::norm(m[0]) + std::norm(m[2]) - 1.0;
    const double d1 = std::norm(m[1]) + std::norm(m[3]) - 1.0;
    const Complex off = std::conj(m[0]) * m[1] + std::conj(m[2]) * m[3];
    return std::abs(d0) <= 1e-12 && std::abs(d1) <= 1e-12 && std::abs(off) <= 1e-12;
}

RelaxationNoise withoutNegligible(RelaxationNoise r)
{
    if (r.gamma1 < NEGLIGIBLE_PROBABILITY)
        r.gamma1 = 0.0;
    if (r.phaseFlip < NEGLIGIBLE_PROBABILITY)
        r.phaseFlip = 0.0;
    return r;
}

// One trajectory from |0...0> in `state` (reused between trajectories: allocating, and the memory check before it,
// would cost more than a small circuit's whole run); leaves its final state there, not normalised (the sampler
// does not need it).
//
// The state is evolved unnormalised: a no-jump damping step multiplies the qubit by diag(1, sqrt(1 - gamma))
// without renormalising, so it is just another 2x2 factor. One-qubit gates, sampled Paulis, dephasing flips and
// no-jump factors therefore all collect in a pending matrix per qubit, which is folded into the qubit's next
// two-qubit gate; that gate waits in turn as a pending pair matrix (below), so a pass over the state is only made
// when a pair must make way for a gate on another pair, or at the end. Whether a damping
// step jumps needs P(1) of the current state, which the pending matrices hide; instead a jump is proposed with
// probability gamma (>= gamma * P(1)) and only then are the pending matrices flushed and P(1) computed exactly,
// to accept the jump with probability P(1). Proposal times acceptance is gamma * P(1), and in the no-jump branch
// the state is the same no-jump factor either way, so the trajectory ensemble is exactly that of drawing each
// jump with probability gamma * P(1); the flushes cost about sum(gamma) times per trajectory.
void runTrajectory(StateVector<double>& state, const std::vector<Step>& steps, const std::vector<char>& measured,
                   std::mt19937_64& rng, int threads)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const unsigned numQubits = state.numQubits();
    state.setBasisState(0);
    std::vector<Mat2> pending(numQubits, IDENTITY2);
    // A two-qubit gate is not applied at once either: it waits as a pending 4x4 on its pair, which absorbs the
    // next two-qubit gate on the same pair (the cz pairs of a decomposed rzz, the three of a swap) together with the
    // pending 2x2s in between. partner[q] is the other qubit of q's pending pair (NO_PARTNER: none); the pair's
    // matrix is pairMatrix[first] in the index order (first, partner[first]). In time, a pair's matrix comes
    // before its qubits' pending 2x2s; pairs on other qubits commute with it.
    constexpr unsigned NO_PARTNER = ~0u;
    std::vector<unsigned> partner(numQubits, NO_PARTNER);
    std::vector<char> first(numQubits, 0);
    std::vector<Mat4> pairMatrix(numQubits);
    const auto applyPair = [&](unsigned q) {
        const unsigned f = first[q] ? q : partner[q];
        const unsigned other = partner[f];
        applyTwo(state, f, other, pairMatrix[f], threads);
        partner[f] = partner[other] = NO_PARTNER;
        first[f] = 0;
    };
    // Lower bound of the squared norm of the state with its pending matrices applied.
    double normBound = 1.0;
    // Applies the pending matrices: each pair with its qubits' 2x2s in one pass, the other 2x2s two qubits per
    // pass. At the end (final), 2x2s that cannot change the measured distribution are left out: phase diagonals,
    // and unitaries on unmeasured qubits.
    const auto flush = [&](bool final) {
        for (unsigned q = 0; q < numQubits; ++q)
            if (first[q]) {
                const unsigned other = partner[q];
                pairMatrix[q] = mulMat4(kron(pending[q], pending[other]), pairMatrix[q]);
                pending[q] = pending[other] = IDENTITY2;
            }
        for (unsigned q = 0; q < numQubits; ++q)
            if (first[q])
                applyPair(q);
        std::vector<unsigned> todo;
        for (unsigned q = 0; q < numQubits; ++q) {
            if (isIdentity(pending[q]))
                continue;
            if (!final || !(isPhaseDiagonal(pending[q]) || (!measured[q] && isUnitary(pending[q]))))
                todo.push_back(q);
            else
                pending[q] = IDENTITY2;
        }
        std::size_t k = 0;
        for (; k + 1 < todo.size(); k += 2)
            applyTwo(state, todo[k], todo[k + 1], kron(pending[todo[k]], pending[todo[k + 1]]), threads);
        if (k < todo.size())
            applyOne(state, todo[k], pending[todo[k]], threads);
        for (unsigned q : todo)
            pending[q] = IDENTITY2;
    };
    const auto leftMultiply = [&](unsigned q, const Mat2& m) { pending[q] = mul2(m, pending[q]); };
    for (const Step& s : steps) {
        if (s.numQubits == 1) {
            if (!s.identity)
                leftMultiply(s.q[0], {s.matrix[0], s.matrix[1], s.matrix[2], s.matrix[3]});
        } else {
            const unsigned c = s.q[0], d = s.q[1];
            if (partner[c] == d) {
                // Same pair: gate (x) history folds into the waiting matrix, in its operand order.
                const bool same = first[c] != 0;
                const Mat4 g = same ? s.matrix : swapOperands(s.matrix);
                const unsigned f = same ? c : d;
                pairMatrix[f] = mulMat4(mulKron(g, pending[f], pending[partner[f]]), pairMatrix[f]);
            } else {
                if (partner[c] != NO_PARTNER)
                    applyPair(c);
                if (partner[d] != NO_PARTNER)
                    applyPair(d);
                pairMatrix[c] = mulKron(s.matrix, pending[c], pending[d]);
                partner[c] = d;
                partner[d] = c;
                first[c] = 1;
            }
            pending[c] = IDENTITY2;
            pending[d] = IDENTITY2;
        }
        if (s.pauliProbability > 0.0 && uniform(rng) < s.pauliProbability) {
            const unsigned count = s.numQubits == 1 ? 3u : 15u;
            const unsigned pauli = 1u + std::min(count - 1u, static_cast<unsigned>(uniform(rng) * count));
            if (pauli % 4u != 0)
                leftMultiply(s.q[0], pauliMatrix(pauli % 4u));
            if (s.numQubits == 2 && pauli / 4u != 0)
                leftMultiply(s.q[1], pauliMatrix(pauli / 4u));
        }
        for (unsigned k = 0; k < s.numQubits; ++k) {
            const unsigned q = s.q[k];
            const double gamma = s.relax[k].gamma1;
            if (gamma > 0.0) {
                bool jumped = false;
                if (uniform(rng) < gamma) {
                    flush(false);
                    const Weights w = qubitWeights(state, q, threads);
                    normBound = w.total;
                    if (uniform(rng) * w.total < w.one) {
                        jumpQubit(state, q, 1.0 / std::sqrt(w.one));
                        normBound = 1.0;
                        jumped = true;
                    }
                }
                if (!jumped) {
                    leftMultiply(q, {Complex(1), Complex(0), Complex(0), Complex(std::sqrt(1.0 - gamma))});
                    normBound *= 1.0 - gamma;
                }
            }
            if (s.relax[k].phaseFlip > 0.0 && uniform(rng) < s.relax[k].phaseFlip)
                leftMultiply(q, pauliMatrix(3));
        }
        if (normBound < RENORMALIZE_BELOW) {
            flush(false);
            const double total = qubitWeights(state, 0, threads).total;
            const Complex c(1.0 / std::sqrt(total));
            applyOne(state, 0, {c, Complex(0), Complex(0), c}, threads);
            normBound = 1.0;
        }
    }
    flush(true);
}

} // namespace

CircuitSchedule scheduleCircuit(const Circuit& circuit, const NoiseModel& noise)
{
    constexpr double NOT_STARTED = -1.0;
    const auto& ops = circuit.operations();
    CircuitSchedule out;
    out.startNs.assign(ops.size(), 0.0);
    out.durationNs.assign(ops.size(), 0.0);
    std::vector<double> freeAt(circuit.numQubits(), 0.0);            // when the qubit can start its next operation
    std::vector<double> busyUntil(circuit.numQubits(), NOT_STARTED);  // end of its last gate since a fresh start
    std::vector<unsigned> all;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const Operation& op = ops[k];
        if (op.kind == OperationKind::Gate) {
            const double duration = noise.gateNoise(op.gate, op.qubits).durationNs;
            double start = 0.0;
            for (unsigned q : op.qubits)
                start = std::max(start, freeAt[q]);
            for (unsigned q : op.qubits) {
                if (busyUntil[q] != NOT_STARTED && start > busyUntil[q])
                    out.idle.push_back({q, busyUntil[q], start});
                freeAt[q] = busyUntil[q] = start + duration;
            }
            out.startNs[k] = start;
            out.durationNs[k] = duration;
            out.makespanNs = std::max(out.makespanNs, start + duration);
        } else if (op.kind == OperationKind::Barrier) {
            const std::vector<unsigned>* qubits = &op.qubits;
            if (op.qubits.empty()) {
                if (all.empty())
                    for (unsigned q = 0; q < circuit.numQubits(); ++q)
                        all.push_back(q);
                qubits = &all;
            }
            double align = 0.0;
            for (unsigned q : *qubits)
                align = std::max(align, freeAt[q]);
            for (unsigned q : *qubits)
                freeAt[q] = align;
            out.startNs[k] = align;
        } else if (op.kind == OperationKind::Reset) {
            out.startNs[k] = freeAt[op.qubits[0]];
            busyUntil[op.qubits[0]] = NOT_STARTED;
        }
    }
    for (unsigned q = 0; q < circuit.numQubits(); ++q)
        if (busyUntil[q] != NOT_STARTED && out.makespanNs > busyUntil[q])
            out.idle.push_back({q, busyUntil[q], out.makespanNs});
    for (std::size_t k = 0; k < ops.size(); ++k)
        if (ops[k].kind == OperationKind::Measure)
            out.startNs[k] = out.makespanNs;
    std::stable_sort(out.idle.begin(), out.idle.end(),
                     [](const IdleWindow& a, const IdleWindow& b) { return a.qubit < b.qubit; });
    return out;
}

EmulationResult emulateCircuit(const Circuit& circuit, const NoiseModel& noise, const EmulatorOptions& options)
{
    if (!circuit.parameters().empty())
        throw Error(ErrorCode::InvalidArgument,
                    "the circuit has " + std::to_string(circuit.parameters().size()) +
                        " unbound parameters; bind them first (Circuit::bound)",
                    "circuit");
    if (options.shots == 0 || options.shots > MAX_EMULATOR_SHOTS)
        throw Error(ErrorCode::InvalidArgument,
                    "shots must be between 1 and " + std::to_string(MAX_EMULATOR_SHOTS) + ", got " +
                        std::to_string(options.shots),
                    "shots");
    if (options.threads < 0)
        throw Error(ErrorCode::InvalidArgument, "threads must be 0 (all) or positive", "threads");
    for (std::size_t r = 0; r < circuit.registers().size(); ++r)
        if (circuit.registers()[r].size > 64)
            throw Error(ErrorCode::InvalidArgument,
                        "register " + circuit.registers()[r].name + " has " +
                            std::to_string(circuit.registers()[r].size) + " bits; at most 64 are supported",
                        indexedPlace("registers", r));
    if (!noise.isIdeal() && circuit.numQubits() > noise.numQubits())
        throw Error(ErrorCode::InvalidArgument,
                    "the circuit has " + std::to_string(circuit.numQubits()) + " qubits, the noise model of " +
                        noise.name() + " " + std::to_string(noise.numQubits()),
                    "circuit");
    const std::vector<unsigned> used = circuit.usedQubits();
    if (used.size() > MAX_SIMULATED_CIRCUIT_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "the circuit uses " + std::to_string(used.size()) + " qubits; at most " +
                        std::to_string(MAX_SIMULATED_CIRCUIT_QUBITS) + " can be emulated",
                    "circuit");
    checkTerminal(circuit);
    const unsigned n = static_cast<unsigned>(used.size());
    std::vector<unsigned> local(circuit.numQubits(), 0);
    for (unsigned k = 0; k < n; ++k)
        local[used[k]] = k;

    std::vector<char> measuredQubit(circuit.numQubits(), 0);
    for (const Operation& op : circuit.operations())
        if (op.kind == OperationKind::Measure)
            measuredQubit[op.qubits[0]] = 1;

    // Compile gates with their noise once; trajectories only read this. Each operand's relaxation runs from the
    // start of its gate to the start of its next non-passive gate (or the measurements): the gate and the wait
    // after it act on that qubit alone while everything in between acts on others, so one channel covers both.
    // Passive gates (noiseless, 0 ns, diagonal, one qubit: rz) commute with damping and dephasing and do not
    // split the wait. Before its first gate a qubit is |0> and does not relax.
    const CircuitSchedule schedule = scheduleCircuit(circuit, noise);
    constexpr std::size_t NO_STEP = static_cast<std::size_t>(-1);
    struct Holder {
        std::size_t step = NO_STEP;  // the step whose relax[operand] the qubit's current wait extends
        unsigned operand = 0;
        double durationNs = 0.0;     // gate plus idle time so far
    };
    std::vector<Holder> holder(circuit.numQubits());
    std::vector<double> busyUntil(circuit.numQubits(), -1.0);  // -1: no gate yet
    std::vector<Step> steps;
    std::vector<double> numeric;
    const auto& ops = circuit.operations();
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const Operation& op = ops[k];
        if (op.kind != OperationKind::Gate)
            continue;
        const double start = schedule.startNs[k];
        const double duration = schedule.durationNs[k];
        Step s;
        s.numQubits = static_cast<unsigned>(op.qubits.size());
        numeric.clear();
        for (const ParameterExpression& e : op.params)
            numeric.push_back(e.evaluate({}));
        const GateMatrix g = gateUnitary(op.gate, numeric);
        for (unsigned i = 0; i < g.dimension * g.dimension; ++i)
            s.matrix[i] = g.m[i];
        s.identity = op.gate == GateId::I;
        s.pauliProbability = noise.gateNoise(op.gate, op.qubits).pauliProbability;
        if (s.pauliProbability < NEGLIGIBLE_PROBABILITY)
            s.pauliProbability = 0.0;
        const bool passive = s.numQubits == 1 && s.pauliProbability == 0.0 && duration == 0.0 &&
                             s.matrix[1] == Complex(0) && s.matrix[2] == Complex(0);
        for (unsigned j = 0; j < s.numQubits; ++j) {
            const unsigned q = op.qubits[j];
            s.q[j] = local[q];
            Holder& h = holder[q];
            if (options.idleRelaxation && busyUntil[q] >= 0.0)
                h.durationNs += start - busyUntil[q];
            busyUntil[q] = start + duration;
            if (passive)
                continue;
            if (h.step != NO_STEP)
                steps[h.step].relax[h.operand] = withoutNegligible(noise.relaxation(q, h.durationNs));
            h = {steps.size(), j, duration};
        }
        if (!passive || !s.identity)
            steps.push_back(s);
    }
    // The last wait of each qubit ends at the measurements; before a Z measurement damping is a classical
    // 1 -> 0 flip and dephasing does nothing, and on an unmeasured qubit neither matters.
    std::vector<TailDecay> tails;
    for (unsigned q = 0; q < circuit.numQubits(); ++q) {
        Holder& h = holder[q];
        if (h.step == NO_STEP)
            continue;
        if (options.idleRelaxation)
            h.durationNs += schedule.makespanNs - busyUntil[q];
        const double gamma = withoutNegligible(noise.relaxation(q, h.durationNs)).gamma1;
        if (measuredQubit[q] && gamma > 0.0)
            tails.push_back({local[q], gamma});
    }
    bool quantumNoise = false;
    for (const Step& s : steps)
        for (unsigned j = 0; j < s.numQubits; ++j)
            quantumNoise = quantumNoise || s.pauliProbability > 0.0 || s.relax[j].gamma1 > 0.0 ||
                           s.relax[j].phaseFlip > 0.0;
    std::vector<char> measuredLocal(n, 0);
    for (unsigned k = 0; k < n; ++k)
        measuredLocal[k] = measuredQubit[used[k]];

    std::vector<std::uint32_t> regOffset(circuit.registers().size(), 0);
    for (std::size_t r = 1; r < regOffset.size(); ++r)
        regOffset[r] = regOffset[r - 1] + circuit.registers()[r - 1].size;
    std::vector<BitSource> bits(circuit.numClbits());
    for (const Operation& op : circuit.operations())
        if (op.kind == OperationKind::Measure) {
            BitSource& b = bits[regOffset[op.creg] + op.clbit];
            b.localQubit = static_cast<int>(local[op.qubits[0]]);
            b.readout = noise.readout(op.qubits[0]);
        }

    EmulationResult result;
    result.shots = options.shots;
    result.noiseModel = noise.name();
    const std::uint64_t trajectories =
        !quantumNoise ? 1
                      : std::min(options.shots, options.trajectories == 0 ? DEFAULT_EMULATOR_TRAJECTORIES
                                                                          : options.trajectories);
    result.trajectories = trajectories;
    const int threads = detail::resolveThreadCount(options.threads, std::uint64_t{1} << 20);
    const int outerThreads = static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(threads),
                                                                      trajectories));
    const int innerThreads =
        outerThreads > 1 ? 1 : detail::resolveThreadCount(options.threads, std::uint64_t{1} << n);
    const std::size_t shotBytes = static_cast<std::size_t>(options.shots) *
                                  (circuit.registers().size() + 2) * sizeof(std::uint64_t);
    checkMemoryFits(n, stateVectorBytes(n, Precision::Double) * static_cast<std::size_t>(outerThreads) + shotBytes,
                    "the trajectory states and shots");

    const std::size_t numRegs = circuit.registers().size();
    std::vector<std::vector<std::uint64_t>> values(numRegs, std::vector<std::uint64_t>(options.shots, 0));
    std::exception_ptr failure;
    std::vector<std::optional<StateVector<double>>> states(static_cast<std::size_t>(outerThreads));
#pragma omp parallel for schedule(dynamic, 1) num_threads(outerThreads)
    for (std::int64_t ti = 0; ti < static_cast<std::int64_t>(trajectories); ++ti) {
        try {
            const auto t = static_cast<std::uint64_t>(ti);
            std::mt19937_64 rng(splitMix(options.seed ^ splitMix(t + 1)));
            const std::uint64_t share = options.shots / trajectories + (t < options.shots % trajectories ? 1 : 0);
            const std::uint64_t first = t * (options.shots / trajectories) + std::min(t, options.shots % trajectories);
            std::optional<StateVector<double>>& state = states[static_cast<std::size_t>(omp_get_thread_num())];
            if (!state)
                state.emplace(n);
            runTrajectory(*state, steps, measuredLocal, rng, innerThreads);
            std::vector<std::uint64_t> samples = sampleStateShots(*state, share, rng(), innerThreads);
            std::uniform_real_distribution<double> uniform(0.0, 1.0);
            for (std::uint64_t s = 0; s < share; ++s) {
                for (const TailDecay& tail : tails)
                    if (((samples[s] >> tail.localQubit) & 1u) && uniform(rng) < tail.gamma)
                        samples[s] &= ~(std::uint64_t{1} << tail.localQubit);
                for (std::size_t r = 0; r < numRegs; ++r) {
                    std::uint64_t value = 0;
                    for (unsigned b = 0; b < circuit.registers()[r].size; ++b) {
                        const BitSource& src = bits[regOffset[r] + b];
                        if (src.localQubit < 0)
                            continue;
                        std::uint64_t bit = (samples[s] >> src.localQubit) & 1u;
                        const double flip = bit ? src.readout.probMeas0Prep1 : src.readout.probMeas1Prep0;
                        if (flip > 0.0 && uniform(rng) < flip)
                            bit ^= 1u;
                        value |= bit << b;
                    }
                    values[r][first + s] = value;
                }
            }
        } catch (...) {
#pragma omp critical(emulator_failure)
            if (!failure)
                failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);

    // Trajectory order would correlate neighbouring shots; a seeded shuffle makes the list look like a Sampler's.
    std::vector<std::uint64_t> order(options.shots);
    for (std::uint64_t s = 0; s < options.shots; ++s)
        order[s] = s;
    std::mt19937_64 shuffleRng(splitMix(options.seed ^ 0x53485546464C45ULL));
    for (std::uint64_t s = options.shots; s > 1; --s) {
        const std::uint64_t j = std::uniform_int_distribution<std::uint64_t>(0, s - 1)(shuffleRng);
        std::swap(order[s - 1], order[j]);
    }
    for (std::size_t r = 0; r < numRegs; ++r) {
        RegisterShots reg;
        reg.name = circuit.registers()[r].name;
        reg.size = circuit.registers()[r].size;
        reg.values.resize(options.shots);
        for (std::uint64_t s = 0; s < options.shots; ++s) {
            reg.values[s] = values[r][order[s]];
            ++reg.counts[reg.values[s]];
        }
        result.registers.push_back(std::move(reg));
    }
    return result;
}

} // namespace engine
