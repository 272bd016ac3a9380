// SPDX-License-Identifier: MIT
// Quantum-trajectory emulation: unitary gates interleaved with sampled Pauli and amplitude-damping Kraus branches.
#include "emulator/trajectory_emulator.h"

#include "circuit/circuit_simulation.h"
#include "core/error.h"
#include "sim/gate_kernels.h"
#include "sim/state_sampler.h"
#include "sim/thread_count.h"

#include <omp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <exception>
#include <random>
#include <string>

namespace engine {

namespace {

using Complex = std::complex<double>;

// One gate of the compiled circuit, on local (used-qubit) indices, with its noise.
struct Step {
    GateMatrix matrix;
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

// Multiplies amplitudes with bit q = 0 by c0 and those with bit q = 1 by c1.
void scaleQubit(StateVector<double>& state, unsigned q, double c0, double c1)
{
    Complex* a = state.amplitudes();
    const std::uint64_t stride = std::uint64_t{1} << q;
    for (std::uint64_t base = 0; base < state.size(); base += 2 * stride)
        for (std::uint64_t i = 0; i < stride; ++i) {
            a[base + i] *= c0;
            a[base + stride + i] *= c1;
        }
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

const Matrix2& pauliMatrix(unsigned index)
{
    static const Matrix2 paulis[4] = {
        Matrix2{Complex(1), Complex(0), Complex(0), Complex(1)},
        Matrix2{Complex(0), Complex(1), Complex(1), Complex(0)},
        Matrix2{Complex(0), Complex(0, -1), Complex(0, 1), Complex(0)},
        Matrix2{Complex(1), Complex(0), Complex(0), Complex(-1)},
    };
    return paulis[index];
}

void applyPauli(StateVector<double>& state, unsigned q, unsigned index, int threads)
{
    if (index != 0)
        applyMatrix1(state, q, pauliMatrix(index), threads);
}

using Mat2 = std::array<Complex, 4>;
using Mat4 = std::array<Complex, 16>;

constexpr Mat2 IDENTITY2 = {Complex(1), Complex(0), Complex(0), Complex(1)};

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

bool isIdentity(const Mat2& m)
{
    return m == IDENTITY2;
}

// A no-jump damping factor diag(c0, c1) not yet written into the state.
struct Deferred {
    unsigned q = 0;
    double c[2] = {1.0, 1.0};
};

// Marginals of the state after one kernel pass: P(a = 1), P(b = 1), P(a = 1, b = 1).
struct Marginals {
    double a = 0.0, b = 0.0, ab = 0.0;
};

std::uint64_t insertZero(std::uint64_t i, unsigned q)
{
    const std::uint64_t low = i & ((std::uint64_t{1} << q) - 1);
    return ((i - low) << 1) | low;
}

// Applies the deferred scalings (on qubits other than the operands) and the matrix in one pass and returns the
// operands' marginals of the result. Memory-bound: one read and one write of the state.
Marginals fusedPass(StateVector<double>& state, unsigned numOperands, unsigned qa, unsigned qb, const Complex* m,
                    const std::vector<Deferred>& deferred)
{
    Complex* amp = state.amplitudes();
    Marginals out;
    const auto factor = [&](std::uint64_t z) {
        double f = 1.0;
        for (const Deferred& d : deferred)
            f *= d.c[(z >> d.q) & 1u];
        return f;
    };
    if (numOperands == 1) {
        const std::uint64_t bit = std::uint64_t{1} << qa;
        for (std::uint64_t i = 0; i < state.size() / 2; ++i) {
            const std::uint64_t z0 = insertZero(i, qa);
            const double f = factor(z0);
            const Complex a0 = amp[z0] * f;
            const Complex a1 = amp[z0 | bit] * f;
            amp[z0] = m[0] * a0 + m[1] * a1;
            amp[z0 | bit] = m[2] * a0 + m[3] * a1;
            out.a += std::norm(amp[z0 | bit]);
        }
        return out;
    }
    const unsigned lo = std::min(qa, qb);
    const unsigned hi = std::max(qa, qb);
    const std::uint64_t ba = std::uint64_t{1} << qa;
    const std::uint64_t bb = std::uint64_t{1} << qb;
    for (std::uint64_t i = 0; i < state.size() / 4; ++i) {
        const std::uint64_t z = insertZero(insertZero(i, lo), hi);
        const double f = factor(z);
        const std::uint64_t idx[4] = {z, z | ba, z | bb, z | ba | bb};
        Complex in[4];
        for (int k = 0; k < 4; ++k)
            in[k] = amp[idx[k]] * f;
        double p[4];
        for (int r = 0; r < 4; ++r) {
            const Complex v = m[4 * r] * in[0] + m[4 * r + 1] * in[1] + m[4 * r + 2] * in[2] + m[4 * r + 3] * in[3];
            amp[idx[r]] = v;
            p[r] = std::norm(v);
        }
        out.a += p[1] + p[3];
        out.b += p[2] + p[3];
        out.ab += p[3];
    }
    return out;
}

Marginals marginals(const StateVector<double>& state, unsigned qa, unsigned qb)
{
    const Complex* amp = state.amplitudes();
    Marginals out;
    for (std::uint64_t z = 0; z < state.size(); ++z) {
        const double p = std::norm(amp[z]);
        const bool a = (z >> qa) & 1u;
        const bool b = (z >> qb) & 1u;
        out.a += a ? p : 0.0;
        out.b += b ? p : 0.0;
        out.ab += a && b ? p : 0.0;
    }
    return out;
}

// One trajectory: returns its final state. Noiseless one-qubit work (gates without damping, sampled Paulis and
// dephasing flips) is folded into a pending matrix per qubit and no-jump damping factors are deferred into the
// next pass, so a gate costs one pass over the state unless a (rare) jump or Pauli forces an extra one.
StateVector<double> runTrajectory(unsigned numQubits, const std::vector<Step>& steps, std::mt19937_64& rng,
                                  int threads)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    StateVector<double> state(numQubits);
    std::vector<Mat2> pending(numQubits, IDENTITY2);
    std::vector<Deferred> deferred;
    const auto flushDeferred = [&] {
        for (const Deferred& d : deferred)
            scaleQubit(state, d.q, d.c[0], d.c[1]);
        deferred.clear();
    };
    const auto flushPending = [&](unsigned q) {
        if (!isIdentity(pending[q])) {
            applyMatrix1(state, q, pending[q], threads);
            pending[q] = IDENTITY2;
        }
    };
    for (const Step& s : steps) {
        const bool damping = s.relax[0].gamma1 > 0.0 || (s.numQubits == 2 && s.relax[1].gamma1 > 0.0);
        const unsigned pauliCount = s.numQubits == 1 ? 3u : 15u;
        unsigned pauli = 0;
        if (s.pauliProbability > 0.0 && uniform(rng) < s.pauliProbability)
            pauli = 1u + std::min(pauliCount - 1u, static_cast<unsigned>(uniform(rng) * pauliCount));
        if (s.numQubits == 1 && !damping) {
            const Mat2 u = {s.matrix.m[0], s.matrix.m[1], s.matrix.m[2], s.matrix.m[3]};
            pending[s.q[0]] = mul2(u, pending[s.q[0]]);
            if (pauli != 0)
                pending[s.q[0]] = mul2(pauliMatrix(pauli), pending[s.q[0]]);
            if (s.relax[0].phaseFlip > 0.0 && uniform(rng) < s.relax[0].phaseFlip)
                pending[s.q[0]] = mul2(pauliMatrix(3), pending[s.q[0]]);
            continue;
        }
        // Fold the operands' pending matrices and deferred factors into the gate; the rest go into the pass.
        Mat2 right[2] = {IDENTITY2, IDENTITY2};
        std::vector<Deferred> others;
        for (const Deferred& d : deferred) {
            bool folded = false;
            for (unsigned k = 0; k < s.numQubits; ++k)
                if (d.q == s.q[k]) {
                    right[k] = {Complex(d.c[0]), Complex(0), Complex(0), Complex(d.c[1])};
                    folded = true;
                }
            if (!folded)
                others.push_back(d);
        }
        deferred.clear();
        for (unsigned k = 0; k < s.numQubits; ++k) {
            right[k] = mul2(pending[s.q[k]], right[k]);
            pending[s.q[k]] = IDENTITY2;
        }
        Marginals mg;
        if (s.numQubits == 1) {
            const Mat2 u = mul2({s.matrix.m[0], s.matrix.m[1], s.matrix.m[2], s.matrix.m[3]}, right[0]);
            mg = fusedPass(state, 1, s.q[0], s.q[0], u.data(), others);
        } else {
            const Mat4 u = mulKron(s.matrix.m, right[0], right[1]);
            mg = fusedPass(state, 2, s.q[0], s.q[1], u.data(), others);
        }
        if (pauli != 0) {
            applyPauli(state, s.q[0], pauli % 4u, threads);
            if (s.numQubits == 2)
                applyPauli(state, s.q[1], pauli / 4u, threads);
            mg = marginals(state, s.q[0], s.numQubits == 2 ? s.q[1] : s.q[0]);
        }
        // Damping on operand 0, then operand 1 conditioned on operand 0's branch.
        double p1[2] = {std::clamp(mg.a, 0.0, 1.0), std::clamp(mg.b, 0.0, 1.0)};
        for (unsigned k = 0; k < s.numQubits; ++k) {
            const double gamma = s.relax[k].gamma1;
            if (gamma > 0.0) {
                const double jump = gamma * p1[k];
                if (uniform(rng) < jump) {
                    flushDeferred();
                    jumpQubit(state, s.q[k], 1.0 / std::sqrt(p1[k]));
                    if (k == 0 && s.numQubits == 2)
                        p1[1] = std::clamp(marginals(state, s.q[0], s.q[1]).b, 0.0, 1.0);
                } else {
                    const double c0 = 1.0 / std::sqrt(1.0 - jump);
                    Deferred d;
                    d.q = s.q[k];
                    d.c[0] = c0;
                    d.c[1] = c0 * std::sqrt(1.0 - gamma);
                    deferred.push_back(d);
                    if (k == 0 && s.numQubits == 2)
                        p1[1] = std::clamp((mg.b - gamma * mg.ab) / (1.0 - jump), 0.0, 1.0);
                }
            }
            if (s.relax[k].phaseFlip > 0.0 && uniform(rng) < s.relax[k].phaseFlip)
                pending[s.q[k]] = mul2(pauliMatrix(3), pending[s.q[k]]);
        }
    }
    flushDeferred();
    for (unsigned q = 0; q < numQubits; ++q)
        flushPending(q);
    return state;
}

} // namespace

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

    // Compile gates with their noise once; trajectories only read this.
    std::vector<Step> steps;
    bool quantumNoise = false;
    std::vector<double> numeric;
    for (const Operation& op : circuit.operations()) {
        if (op.kind != OperationKind::Gate)
            continue;
        Step s;
        s.numQubits = static_cast<unsigned>(op.qubits.size());
        numeric.clear();
        for (const ParameterExpression& e : op.params)
            numeric.push_back(e.evaluate({}));
        s.identity = op.gate == GateId::I;
        s.matrix = gateUnitary(op.gate, numeric);
        const GateNoise g = noise.gateNoise(op.gate, op.qubits);
        s.pauliProbability = g.pauliProbability;
        for (unsigned k = 0; k < s.numQubits; ++k) {
            s.q[k] = local[op.qubits[k]];
            s.relax[k] = noise.relaxation(op.qubits[k], g.durationNs);
            quantumNoise = quantumNoise || s.relax[k].gamma1 > 0.0 || s.relax[k].phaseFlip > 0.0;
        }
        quantumNoise = quantumNoise || s.pauliProbability > 0.0;
        if (s.identity && s.pauliProbability == 0.0 && s.relax[0].gamma1 == 0.0 && s.relax[0].phaseFlip == 0.0)
            continue;
        steps.push_back(s);
    }

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
    const int innerThreads = outerThreads > 1 ? 1 : options.threads;
    const std::size_t shotBytes = static_cast<std::size_t>(options.shots) *
                                  (circuit.registers().size() + 2) * sizeof(std::uint64_t);
    checkMemoryFits(n, stateVectorBytes(n, Precision::Double) * static_cast<std::size_t>(outerThreads) + shotBytes,
                    "the trajectory states and shots");

    const std::size_t numRegs = circuit.registers().size();
    std::vector<std::vector<std::uint64_t>> values(numRegs, std::vector<std::uint64_t>(options.shots, 0));
    std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(outerThreads)
    for (std::int64_t ti = 0; ti < static_cast<std::int64_t>(trajectories); ++ti) {
        try {
            const auto t = static_cast<std::uint64_t>(ti);
            std::mt19937_64 rng(splitMix(options.seed ^ splitMix(t + 1)));
            const std::uint64_t share = options.shots / trajectories + (t < options.shots % trajectories ? 1 : 0);
            const std::uint64_t first = t * (options.shots / trajectories) + std::min(t, options.shots % trajectories);
            const StateVector<double> state = runTrajectory(n, steps, rng, innerThreads);
            const std::vector<std::uint64_t> samples = sampleStateShots(state, share, rng(), innerThreads);
            std::uniform_real_distribution<double> uniform(0.0, 1.0);
            for (std::uint64_t s = 0; s < share; ++s) {
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
