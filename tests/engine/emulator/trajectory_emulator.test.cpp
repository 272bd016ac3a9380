// SPDX-License-Identifier: MIT
// Tests of the trajectory emulator against analytic single-qubit decay, readout statistics and exact simulation.
#include "emulator/trajectory_emulator.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit_simulation.h"
#include "core/error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <functional>
#include <limits>
#include <utility>
#include <vector>
#include <random>

using engine::GateId;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// A one- or two-qubit device whose only noisy gate is the one under test. Times in us and ns.
engine::DeviceModel device(double t1Us, double t2Us, double idLengthNs, double xError)
{
    engine::DeviceModel d;
    d.name = "analytic";
    d.numQubits = 2;
    d.twoQubitGate = "cz";
    d.qubits.assign(2, engine::QubitCalibration{t1Us, t2Us, NaN, NaN, NaN, NaN, true});
    d.gates = {{"id", {0}, NaN, idLengthNs}, {"x", {0}, xError, NaN}, {"sx", {0}, NaN, NaN},
               {"cz", {0, 1}, 0.02, 80.0}, {"sx", {1}, 0.003, 40.0}};
    return d;
}

double fractionOnes(const engine::EmulationResult& r)
{
    return static_cast<double>(r.registers.at(0).counts.count(1) ? r.registers.at(0).counts.at(1) : 0) /
           static_cast<double>(r.shots);
}

// Five binomial standard deviations (plus a floor for p near 0 or 1).
double binomialTolerance(double p, double shots)
{
    return 5.0 * std::sqrt(std::max(p * (1.0 - p), 1e-4) / shots);
}

void expectError(const std::function<void()>& f, engine::ErrorCode code, const char* fragment)
{
    try {
        f();
    } catch (const engine::Error& e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(code));
        QVERIFY2(e.detail().find(fragment) != std::string::npos, e.what());
        return;
    }
    QFAIL("no error thrown");
}


// Qubit 0 relaxes with (t1Us, t2Us); its x and sx are noiseless and instantaneous. Qubit 1 never relaxes and its
// noiseless sx (40 ns) and x (30 ns) only pass time, so qubit 0 waits for exactly as long as a chain of them on
// qubit 1 lasts.
engine::DeviceModel idleDevice(double t1Us, double t2Us)
{
    engine::DeviceModel d;
    d.name = "idle";
    d.numQubits = 2;
    d.twoQubitGate = "cz";
    d.qubits.assign(2, engine::QubitCalibration{NaN, NaN, NaN, NaN, NaN, NaN, true});
    d.qubits[0].t1Us = t1Us;
    d.qubits[0].t2Us = t2Us;
    d.gates = {{"x", {0}, NaN, NaN}, {"sx", {0}, NaN, NaN}, {"sx", {1}, NaN, 40.0}, {"x", {1}, NaN, 30.0}};
    return d;
}

// Appends sx, x, sx, x, ... (count gates) on qubit 1 and returns their total duration in us.
double waitOnOtherQubit(engine::Circuit& c, int count)
{
    double ns = 0.0;
    for (int k = 0; k < count; ++k) {
        c.gate(k % 2 == 0 ? GateId::SX : GateId::X, {1});
        ns += k % 2 == 0 ? 40.0 : 30.0;
    }
    return ns * 1e-3;
}

// Measures only qubit 0 into a one-bit register.
void measureQubit0(engine::Circuit& c)
{
    c.addRegister("c", 1);
    c.measure(0, 0, 0);
}

// Four binomial standard deviations of a fraction estimated from `shots` independent shots.
double fourSigma(double p, double shots)
{
    return 4.0 * std::sqrt(p * (1.0 - p) / shots);
}

// Slow reference: the exact 2-qubit density matrix under the same channels in the same order.
using C = std::complex<double>;
using Rho = std::array<C, 16>;

std::array<C, 16> embed(const std::array<C, 4>& a, unsigned k)
{
    std::array<C, 16> m{};
    for (unsigned r = 0; r < 4; ++r)
        for (unsigned c = 0; c < 4; ++c) {
            const unsigned other = k == 0 ? 2u : 1u;
            if ((r & other) != (c & other))
                continue;
            const unsigned br = (r >> k) & 1u;
            const unsigned bc = (c >> k) & 1u;
            m[4 * r + c] = a[2 * br + bc];
        }
    return m;
}

Rho conjugate(const std::array<C, 16>& k, const Rho& rho)
{
    Rho out{};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            for (int a = 0; a < 4; ++a)
                for (int b = 0; b < 4; ++b)
                    out[4 * r + c] += k[4 * r + a] * rho[4 * a + b] * std::conj(k[4 * c + b]);
    return out;
}

void addScaled(Rho& acc, const Rho& x, double w)
{
    for (int i = 0; i < 16; ++i)
        acc[i] += w * x[i];
}

// Amplitude damping and then the dephasing flip of `r` on qubit q.
Rho relax(const Rho& rho, unsigned q, const engine::RelaxationNoise& r)
{
    const std::array<C, 4> z = {C(1), C(0), C(0), C(-1)};
    Rho damped = conjugate(embed({C(1), C(0), C(0), C(std::sqrt(1.0 - r.gamma1))}, q), rho);
    addScaled(damped, conjugate(embed({C(0), C(std::sqrt(r.gamma1)), C(0), C(0)}, q), rho), 1.0);
    Rho out{};
    addScaled(out, damped, 1.0 - r.phaseFlip);
    addScaled(out, conjugate(embed(z, q), damped), r.phaseFlip);
    return out;
}

// The gate, its depolarising Paulis, then relaxation of its operands over its duration.
Rho applyStep(const Rho& rho, const engine::Operation& op, const engine::NoiseModel& noise)
{
    const std::array<C, 4> paulis[4] = {{C(1), C(0), C(0), C(1)}, {C(0), C(1), C(1), C(0)},
                                        {C(0), C(0, -1), C(0, 1), C(0)}, {C(1), C(0), C(0), C(-1)}};
    const engine::GateMatrix g = engine::gateUnitary(op.gate, {});
    std::array<C, 16> u{};
    if (g.dimension == 2)
        u = embed({g.m[0], g.m[1], g.m[2], g.m[3]}, op.qubits[0]);
    else
        for (int i = 0; i < 16; ++i)
            u[i] = g.m[i];  // the test only uses operands (0, 1) in that order
    Rho out = conjugate(u, rho);
    const engine::GateNoise gn = noise.gateNoise(op.gate, op.qubits);
    if (gn.pauliProbability > 0.0) {
        Rho mixed{};
        addScaled(mixed, out, 1.0 - gn.pauliProbability);
        if (op.qubits.size() == 1) {
            for (int p = 1; p < 4; ++p)
                addScaled(mixed, conjugate(embed(paulis[p], op.qubits[0]), out), gn.pauliProbability / 3.0);
        } else {
            for (int p = 1; p < 16; ++p) {
                const auto a = embed(paulis[p % 4], 0);
                const auto b = embed(paulis[p / 4], 1);
                std::array<C, 16> ab{};
                for (int r = 0; r < 4; ++r)
                    for (int c = 0; c < 4; ++c)
                        for (int k = 0; k < 4; ++k)
                            ab[4 * r + c] += a[4 * r + k] * b[4 * k + c];
                addScaled(mixed, conjugate(ab, out), gn.pauliProbability / 15.0);
            }
        }
        out = mixed;
    }
    for (unsigned q : op.qubits)
        out = relax(out, q, noise.relaxation(q, gn.durationNs));
    return out;
}

// The whole two-qubit circuit (gates only) in the obvious order: with `idle`, each qubit's wait is relaxed right
// before the gate that ends it (times from a plain ASAP loop written here), and the final waits at the end.
Rho referenceDensityMatrix(const engine::Circuit& c, const engine::NoiseModel& noise, bool idle)
{
    Rho rho{};
    rho[0] = 1.0;
    double freeAt[2] = {0.0, 0.0};
    bool started[2] = {false, false};
    for (const engine::Operation& op : c.operations()) {
        const double duration = noise.gateNoise(op.gate, op.qubits).durationNs;
        double start = 0.0;
        for (unsigned q : op.qubits)
            start = std::max(start, freeAt[q]);
        for (unsigned q : op.qubits) {
            if (idle && started[q])
                rho = relax(rho, q, noise.relaxation(q, start - freeAt[q]));
            started[q] = true;
            freeAt[q] = start + duration;
        }
        rho = applyStep(rho, op, noise);
    }
    const double end = std::max(freeAt[0], freeAt[1]);
    for (unsigned q = 0; q < 2; ++q)
        if (idle && started[q])
            rho = relax(rho, q, noise.relaxation(q, end - freeAt[q]));
    return rho;
}

// Slow reference for a few qubits: the full density matrix, every channel as Kraus operators embedded into the
// whole space (dimension 2^n, row-major), gates in circuit order, each wait relaxed right before the gate that
// ends it and the final waits at the end.
struct DensityMatrix {
    unsigned n;
    std::vector<C> rho;
};

using Big = std::vector<C>;

// `op` (2x2, or 4x4 with index 2 * bit(q1) + bit(q0)) on `qubits` of n, as a 2^n x 2^n matrix.
Big embedOperator(const std::vector<C>& op, const std::vector<unsigned>& qubits, unsigned n)
{
    const std::size_t d = std::size_t{1} << n;
    Big m(d * d, C(0));
    for (std::size_t r = 0; r < d; ++r)
        for (std::size_t c = 0; c < d; ++c) {
            bool restEqual = true;
            for (unsigned q = 0; q < n; ++q) {
                const bool operand = std::find(qubits.begin(), qubits.end(), q) != qubits.end();
                if (!operand && ((r >> q) & 1u) != ((c >> q) & 1u))
                    restEqual = false;
            }
            if (!restEqual)
                continue;
            unsigned lr = 0, lc = 0;
            for (std::size_t k = 0; k < qubits.size(); ++k) {
                lr |= static_cast<unsigned>((r >> qubits[k]) & 1u) << k;
                lc |= static_cast<unsigned>((c >> qubits[k]) & 1u) << k;
            }
            m[r * d + c] = op[(std::size_t{1} << qubits.size()) * lr + lc];
        }
    return m;
}

Big conjugateBig(const Big& k, const Big& rho, std::size_t d)
{
    Big tmp(d * d, C(0)), out(d * d, C(0));
    for (std::size_t r = 0; r < d; ++r)
        for (std::size_t a = 0; a < d; ++a)
            if (k[r * d + a] != C(0))
                for (std::size_t c = 0; c < d; ++c)
                    tmp[r * d + c] += k[r * d + a] * rho[a * d + c];
    for (std::size_t r = 0; r < d; ++r)
        for (std::size_t c = 0; c < d; ++c)
            for (std::size_t b = 0; b < d; ++b)
                out[r * d + c] += tmp[r * d + b] * std::conj(k[c * d + b]);
    return out;
}

// sum_i w_i K_i rho K_i^dagger.
Big mixture(const std::vector<std::pair<double, Big>>& kraus, const Big& rho, std::size_t d)
{
    Big out(d * d, C(0));
    for (const auto& [w, k] : kraus) {
        const Big t = conjugateBig(k, rho, d);
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] += w * t[i];
    }
    return out;
}

Big relaxBig(const Big& rho, unsigned q, unsigned n, const engine::RelaxationNoise& r)
{
    const std::size_t d = std::size_t{1} << n;
    const Big damped = mixture({{1.0, embedOperator({C(1), C(0), C(0), C(std::sqrt(1.0 - r.gamma1))}, {q}, n)},
                                {1.0, embedOperator({C(0), C(std::sqrt(r.gamma1)), C(0), C(0)}, {q}, n)}},
                               rho, d);
    return mixture({{1.0 - r.phaseFlip, embedOperator({C(1), C(0), C(0), C(1)}, {q}, n)},
                    {r.phaseFlip, embedOperator({C(1), C(0), C(0), C(-1)}, {q}, n)}},
                   damped, d);
}

// Diagonal of the final density matrix of `c` (gates only) under `noise`, idle waits included.
std::vector<double> referenceProbabilities(const engine::Circuit& c, const engine::NoiseModel& noise)
{
    const unsigned n = c.numQubits();
    const std::size_t d = std::size_t{1} << n;
    const std::vector<C> paulis[4] = {{C(1), C(0), C(0), C(1)}, {C(0), C(1), C(1), C(0)},
                                      {C(0), C(0, -1), C(0, 1), C(0)}, {C(1), C(0), C(0), C(-1)}};
    Big rho(d * d, C(0));
    rho[0] = 1.0;
    std::vector<double> freeAt(n, 0.0);
    std::vector<bool> started(n, false);
    for (const engine::Operation& op : c.operations()) {
        const engine::GateNoise gn = noise.gateNoise(op.gate, op.qubits);
        double start = 0.0;
        for (unsigned q : op.qubits)
            start = std::max(start, freeAt[q]);
        for (unsigned q : op.qubits) {
            if (started[q])
                rho = relaxBig(rho, q, n, noise.relaxation(q, start - freeAt[q]));
            started[q] = true;
            freeAt[q] = start + gn.durationNs;
        }
        std::vector<double> numeric;
        for (const auto& e : op.params)
            numeric.push_back(e.evaluate({}));
        const engine::GateMatrix g = engine::gateUnitary(op.gate, numeric);
        rho = conjugateBig(embedOperator(std::vector<C>(g.m.begin(), g.m.begin() + g.dimension * g.dimension),
                                         op.qubits, n),
                           rho, d);
        std::vector<std::pair<double, Big>> paulisOnGate = {
            {1.0 - gn.pauliProbability, embedOperator(paulis[0], {op.qubits[0]}, n)}};
        const unsigned count = op.qubits.size() == 1 ? 4u : 16u;
        for (unsigned p = 1; p < count; ++p) {
            Big k = embedOperator(paulis[p % 4], {op.qubits[0]}, n);
            if (count == 16) {
                const Big b = embedOperator(paulis[p / 4], {op.qubits[1]}, n);
                Big ab(d * d, C(0));
                for (std::size_t r = 0; r < d; ++r)
                    for (std::size_t j = 0; j < d; ++j)
                        for (std::size_t l = 0; l < d; ++l)
                            ab[r * d + l] += k[r * d + j] * b[j * d + l];
                k = ab;
            }
            paulisOnGate.push_back({gn.pauliProbability / (count - 1), k});
        }
        rho = mixture(paulisOnGate, rho, d);
        for (unsigned q : op.qubits)
            rho = relaxBig(rho, q, n, noise.relaxation(q, gn.durationNs));
    }
    const double end = *std::max_element(freeAt.begin(), freeAt.end());
    for (unsigned q = 0; q < n; ++q)
        if (started[q])
            rho = relaxBig(rho, q, n, noise.relaxation(q, end - freeAt[q]));
    std::vector<double> p(d);
    for (std::size_t z = 0; z < d; ++z)
        p[z] = rho[z * d + z].real();
    return p;
}

} // namespace

class TstTrajectoryEmulator : public QObject {
    Q_OBJECT

private slots:
    void amplitudeDamping_data()
    {
        QTest::addColumn<int>("delays");
        QTest::newRow("0") << 0;
        QTest::newRow("20") << 20;
        QTest::newRow("100") << 100;
    }

    // |1> held for t = k * 1 us decays to P(1) = exp(-t / T1) (T2 = 2 T1: no pure dephasing).
    void amplitudeDamping()
    {
        QFETCH(int, delays);
        const double t1 = 80.0;
        const engine::NoiseModel noise(device(t1, 2.0 * t1, 1000.0, NaN));
        engine::Circuit c(1, true);
        c.gate(GateId::X, {0});
        for (int k = 0; k < delays; ++k)
            c.gate(GateId::I, {0});
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 4000;
        options.trajectories = 4000;  // one shot per trajectory: the shots are independent Bernoulli draws
        options.seed = 11;
        const auto result = engine::emulateCircuit(c, noise, options);
        const double expected = std::exp(-delays * 1.0 / t1);
        QVERIFY(std::abs(fractionOnes(result) - expected) <= binomialTolerance(expected, 4000));
        QCOMPARE(result.trajectories, delays == 0 ? std::uint64_t{1} : std::uint64_t{4000});
    }

    void ramsey_data()
    {
        QTest::addColumn<int>("delays");
        QTest::newRow("10") << 10;
        QTest::newRow("40") << 40;
        QTest::newRow("120") << 120;
    }

    // sx, wait t, sx against a density-matrix reference that decays populations by exp(-t/T1) and coherences by
    // exp(-t/T2) directly (no Kraus operators, no T_phi).
    void ramsey()
    {
        QFETCH(int, delays);
        const double t1 = 120.0;
        const double t2 = 70.0;
        const double t = delays * 0.5;  // 500 ns per identity
        const engine::NoiseModel noise(device(t1, t2, 500.0, NaN));
        engine::Circuit c(1, true);
        c.gate(GateId::SX, {0});
        for (int k = 0; k < delays; ++k)
            c.gate(GateId::I, {0});
        c.gate(GateId::SX, {0});
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 4000;
        options.trajectories = 4000;
        options.seed = 5;
        const double p1 = fractionOnes(engine::emulateCircuit(c, noise, options));

        using C = std::complex<double>;
        const std::array<C, 4> sx = {C(0.5, 0.5), C(0.5, -0.5), C(0.5, -0.5), C(0.5, 0.5)};
        const std::array<C, 2> psi = {sx[0], sx[2]};  // sx |0>
        std::array<C, 4> rho = {psi[0] * std::conj(psi[0]), psi[0] * std::conj(psi[1]),
                                psi[1] * std::conj(psi[0]), psi[1] * std::conj(psi[1])};
        rho[3] *= std::exp(-t / t1);
        rho[0] = 1.0 - rho[3];
        rho[1] *= std::exp(-t / t2);
        rho[2] *= std::exp(-t / t2);
        // (sx rho sx^dagger)_{11}
        C out = 0.0;
        for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b)
                out += sx[2 + a] * rho[2 * a + b] * std::conj(sx[2 + b]);
        const double expected = out.real();
        QVERIFY2(std::abs(p1 - expected) <= binomialTolerance(expected, 4000),
                 qPrintable(QString("P(1) = %1, expected %2").arg(p1).arg(expected)));
    }

    // N x gates with gate_error r and no duration: the Bloch vector shrinks by 1 - 2r per gate, so
    // P(1) = (1 - (1 - 2r)^N) / 2 for even N.
    void depolarizing()
    {
        const double r = 0.004;
        const int n = 120;
        const engine::NoiseModel noise(device(NaN, NaN, NaN, r));
        engine::Circuit c(1, true);
        for (int k = 0; k < n; ++k)
            c.gate(GateId::X, {0});
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 4000;
        options.trajectories = 4000;
        options.seed = 3;
        const double expected = 0.5 * (1.0 - std::pow(1.0 - 2.0 * r, n));
        const double p1 = fractionOnes(engine::emulateCircuit(c, noise, options));
        QVERIFY2(std::abs(p1 - expected) <= binomialTolerance(expected, 4000),
                 qPrintable(QString("P(1) = %1, expected %2").arg(p1).arg(expected)));
    }

    void readoutFlips_data()
    {
        QTest::addColumn<bool>("prepareOne");
        QTest::newRow("P(1|0)") << false;
        QTest::newRow("P(0|1)") << true;
    }

    void readoutFlips()
    {
        QFETCH(bool, prepareOne);
        engine::DeviceModel d = device(NaN, NaN, NaN, NaN);
        d.qubits[0].probMeas1Prep0 = 0.03;
        d.qubits[0].probMeas0Prep1 = 0.11;
        const engine::NoiseModel noise(d);
        engine::Circuit c(1, true);
        if (prepareOne)
            c.gate(GateId::X, {0});
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 20000;
        options.seed = 9;
        const auto result = engine::emulateCircuit(c, noise, options);
        QCOMPARE(result.trajectories, std::uint64_t{1});
        const double p1 = fractionOnes(result);
        const double expected = prepareOne ? 1.0 - 0.11 : 0.03;
        QVERIFY2(std::abs(p1 - expected) <= binomialTolerance(expected, 20000),
                 qPrintable(QString("P(1) = %1, expected %2").arg(p1).arg(expected)));
    }

    // Many gates on overlapping and repeated pairs (both operand orders of directed gates), then their inverses in
    // reverse order: the ideal emulation must return the prepared basis state in every shot. Exercises the
    // folding of gates into pending pair matrices and the vector kernel (pairs above qubit 0) and the scalar one
    // (pairs with qubit 0); any slip in operand order or time order scrambles the outcome.
    void foldedGatesReturnToBasisState()
    {
        const unsigned n = 6;
        std::mt19937_64 rng(31);
        std::uniform_real_distribution<double> angle(-3.0, 3.0);
        const std::vector<std::pair<unsigned, unsigned>> pairs = {{0, 1}, {1, 0}, {2, 3}, {3, 2}, {1, 4},
                                                                  {4, 5}, {5, 2}, {0, 5}, {3, 4}};
        struct G {
            GateId id, inverse;
            std::vector<unsigned> q;
            double theta;
        };
        std::vector<G> gates;
        for (int k = 0; k < 300; ++k) {
            const auto pick = rng() % 10;
            const auto& pr = pairs[rng() % pairs.size()];
            const unsigned q = static_cast<unsigned>(rng() % n);
            const double t = angle(rng);
            switch (pick) {
            case 0: gates.push_back({GateId::CX, GateId::CX, {pr.first, pr.second}, NaN}); break;
            case 1: gates.push_back({GateId::CZ, GateId::CZ, {pr.first, pr.second}, NaN}); break;
            case 2: gates.push_back({GateId::RZZ, GateId::RZZ, {pr.first, pr.second}, t}); break;
            case 3: gates.push_back({GateId::RXX, GateId::RXX, {pr.first, pr.second}, t}); break;
            case 4: gates.push_back({GateId::CRZ, GateId::CRZ, {pr.first, pr.second}, t}); break;
            case 5: gates.push_back({GateId::RX, GateId::RX, {q}, t}); break;
            case 6: gates.push_back({GateId::RY, GateId::RY, {q}, t}); break;
            case 7: gates.push_back({GateId::SX, GateId::SXdg, {q}, NaN}); break;
            case 8: gates.push_back({GateId::H, GateId::H, {q}, NaN}); break;
            default: gates.push_back({GateId::RZ, GateId::RZ, {q}, t}); break;
            }
        }
        engine::Circuit c(n, true);
        c.gate(GateId::X, {1});
        c.gate(GateId::X, {4});
        c.gate(GateId::X, {5});
        for (const G& g : gates)
            std::isnan(g.theta) ? c.gate(g.id, g.q) : c.gate(g.id, g.q, {g.theta});
        for (auto it = gates.rbegin(); it != gates.rend(); ++it)
            std::isnan(it->theta) ? c.gate(it->inverse, it->q) : c.gate(it->inverse, it->q, {-it->theta});
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 500;
        options.seed = 4;
        const auto result = engine::emulateCircuit(c, engine::NoiseModel(), options);
        QCOMPARE(result.registers[0].counts.size(), std::size_t{1});
        QCOMPARE(result.registers[0].counts.begin()->first, std::uint64_t{0b110010});
    }

    // Ideal emulation samples the exact distribution; two registers check the bit placement.
    void idealMatchesExactDistribution()
    {
        engine::Circuit c(5, true);
        c.gate(GateId::H, {1});
        c.gate(GateId::RY, {3}, {0.7});
        c.gate(GateId::CX, {1, 4});
        c.gate(GateId::RZZ, {3, 4}, {1.1});
        c.gate(GateId::SX, {4});
        c.gate(GateId::CZ, {1, 3});
        c.gate(GateId::RX, {1}, {0.4});
        c.addRegister("a", 2);
        c.addRegister("b", 1);
        c.measure(4, 0, 0);
        c.measure(1, 0, 1);
        c.measure(3, 1, 0);
        const std::vector<double> exact = engine::measuredDistribution(c);
        engine::EmulatorOptions options;
        options.shots = 20000;
        options.seed = 21;
        const auto result = engine::emulateCircuit(c, engine::NoiseModel(), options);
        QCOMPARE(result.registers.size(), std::size_t{2});
        QCOMPARE(result.registers[0].values.size(), std::size_t{20000});
        std::vector<double> observed(exact.size(), 0.0);
        for (std::size_t s = 0; s < result.shots; ++s)
            observed[result.registers[0].values[s] | (result.registers[1].values[s] << 2)] += 1.0 / 20000.0;
        for (std::size_t k = 0; k < exact.size(); ++k)
            QVERIFY2(std::abs(observed[k] - exact[k]) <= binomialTolerance(exact[k], 20000),
                     qPrintable(QString("outcome %1: %2 vs %3").arg(k).arg(observed[k]).arg(exact[k])));
        // Counts agree with the value lists.
        std::uint64_t total = 0;
        for (const auto& [value, count] : result.registers[1].counts)
            total += count;
        QCOMPARE(total, std::uint64_t{20000});
    }

    void idleDecay_data()
    {
        QTest::addColumn<int>("chain");
        QTest::addColumn<bool>("gateAfterWait");
        QTest::addColumn<bool>("idle");
        // Without a later gate the wait runs into the measurement (the classical-flip path); with one, the wait is
        // a quantum damping step of the trajectory.
        QTest::newRow("20 us to measurement") << 572 << false << true;
        QTest::newRow("60 us to measurement") << 1714 << false << true;
        QTest::newRow("20 us before a gate") << 572 << true << true;
        QTest::newRow("60 us before a gate") << 1714 << true << true;
        QTest::newRow("off, to measurement") << 1714 << false << false;
        QTest::newRow("off, before a gate") << 1714 << true << false;
    }

    // X on qubit 0, then qubit 0 idles while gates run on qubit 1 for D: P(1) = exp(-D / T1) (T2 = 2 T1: damping
    // only), within 4 sigma of the shot noise; without idle relaxation P(1) = 1 exactly.
    void idleDecay()
    {
        QFETCH(int, chain);
        QFETCH(bool, gateAfterWait);
        QFETCH(bool, idle);
        const double t1 = 50.0;
        const engine::NoiseModel noise(idleDevice(t1, 2.0 * t1));
        engine::Circuit c(2, true);
        c.gate(GateId::X, {0});
        const double d = waitOnOtherQubit(c, chain);
        if (gateAfterWait) {
            c.barrier({0, 1});  // holds qubit 0's next gates until the chain is over
            c.gate(GateId::X, {0});
            c.gate(GateId::X, {0});
        }
        measureQubit0(c);
        engine::EmulatorOptions options;
        options.shots = 8000;
        options.trajectories = 8000;  // one shot per trajectory: independent shots on either path
        options.seed = 17;
        options.idleRelaxation = idle;
        const auto result = engine::emulateCircuit(c, noise, options);
        const double p1 = fractionOnes(result);
        if (!idle) {
            QCOMPARE(p1, 1.0);
            QCOMPARE(result.trajectories, std::uint64_t{1});  // nothing quantum is left to sample
            return;
        }
        // The wait to the measurement is a classical flip, so one trajectory serves; before a gate it is quantum.
        QCOMPARE(result.trajectories, gateAfterWait ? std::uint64_t{8000} : std::uint64_t{1});
        const double expected = std::exp(-d / t1);
        QVERIFY2(std::abs(p1 - expected) <= fourSigma(expected, 8000),
                 qPrintable(QString("D = %1 us: P(1) = %2, expected %3").arg(d).arg(p1).arg(expected)));
    }

    void idleRamsey_data()
    {
        QTest::addColumn<int>("chain");
        QTest::addColumn<bool>("idle");
        QTest::newRow("5 us") << 143 << true;
        QTest::newRow("15 us") << 429 << true;
        QTest::newRow("40 us") << 1143 << true;
        QTest::newRow("off") << 1143 << false;
    }

    // sx, rz(pi), wait D (gates on qubit 1), sx on qubit 0 with pure dephasing (no T1): sx Z sx is Z up to a phase,
    // so a coherent qubit returns to |0> and P(0) = (1 + exp(-D / T2)) / 2. The rz sits inside the wait and must not
    // split or shorten it.
    void idleRamsey()
    {
        QFETCH(int, chain);
        QFETCH(bool, idle);
        const double t2 = 20.0;
        const engine::NoiseModel noise(idleDevice(NaN, t2));
        engine::Circuit c(2, true);
        c.gate(GateId::SX, {0});
        c.gate(GateId::RZ, {0}, {M_PI});
        const double d = waitOnOtherQubit(c, chain);
        c.barrier();
        c.gate(GateId::SX, {0});
        measureQubit0(c);
        engine::EmulatorOptions options;
        options.shots = 8000;
        options.trajectories = 8000;
        options.seed = 23;
        options.idleRelaxation = idle;
        const double p0 = 1.0 - fractionOnes(engine::emulateCircuit(c, noise, options));
        if (!idle) {
            QCOMPARE(p0, 1.0);
            return;
        }
        const double expected = 0.5 * (1.0 + std::exp(-d / t2));
        QVERIFY2(std::abs(p0 - expected) <= fourSigma(expected, 8000),
                 qPrintable(QString("D = %1 us: P(0) = %2, expected %3").arg(d).arg(p0).arg(expected)));
    }

    // ASAP start times, barrier alignment, virtual rz and idle windows of a small circuit, worked out by hand.
    void schedule()
    {
        engine::DeviceModel d;
        d.name = "schedule";
        d.numQubits = 4;
        d.qubits.assign(4, engine::QubitCalibration{100.0, 100.0, NaN, NaN, NaN, NaN, true});
        d.gates = {{"sx", {0}, NaN, 35.0}, {"sx", {1}, NaN, 40.0}, {"x", {2}, NaN, 50.0},
                   {"cz", {0, 1}, NaN, 70.0}, {"cz", {1, 2}, NaN, 90.0},
                   {"rz", {2}, 0.01, 100.0}};  // rz is virtual whatever the calibration says
        const engine::NoiseModel noise(d);
        engine::Circuit c(4, true);
        c.append({engine::OperationKind::Reset, GateId::I, {3}, {}, 0, 0});
        c.gate(GateId::SX, {0});         // [0, 35]
        c.gate(GateId::SX, {1});         // [0, 40]
        c.gate(GateId::CZ, {0, 1});      // [40, 110]: qubit 0 waits 35..40
        c.gate(GateId::X, {2});          // [0, 50]
        c.gate(GateId::RZ, {2}, {0.3});  // [50, 50]
        c.gate(GateId::CZ, {1, 2});      // [110, 200]: qubit 2 waits 50..110
        c.gate(GateId::SX, {0});         // [110, 145]
        c.barrier({0, 2});               // at 200: qubit 0 held until then
        c.gate(GateId::SX, {0});         // [200, 235]: qubit 0 waits 145..200
        c.measureAll();                  // all at 235; qubits 1 and 2 wait 200..235, qubit 3 never started
        const engine::CircuitSchedule s = engine::scheduleCircuit(c, noise);
        const std::vector<double> start = {0, 0, 0, 40, 0, 50, 110, 110, 200, 200, 235, 235, 235, 235};
        const std::vector<double> duration = {0, 35, 40, 70, 50, 0, 90, 35, 0, 35, 0, 0, 0, 0};
        QCOMPARE(s.startNs, start);
        QCOMPARE(s.durationNs, duration);
        QCOMPARE(s.makespanNs, 235.0);
        const std::vector<std::array<double, 3>> expected = {
            {0, 35, 40}, {0, 145, 200}, {1, 200, 235}, {2, 50, 110}, {2, 200, 235}};
        QCOMPARE(s.idle.size(), expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            QCOMPARE(static_cast<double>(s.idle[k].qubit), expected[k][0]);
            QCOMPARE(s.idle[k].startNs, expected[k][1]);
            QCOMPARE(s.idle[k].endNs, expected[k][2]);
        }
        // The ideal model has no durations: everything at 0, no waits.
        const engine::CircuitSchedule ideal = engine::scheduleCircuit(c, engine::NoiseModel());
        QCOMPARE(ideal.makespanNs, 0.0);
        QVERIFY(ideal.idle.empty());
    }

    void twoQubitAgainstDensityMatrix_data()
    {
        QTest::addColumn<bool>("idle");
        QTest::newRow("gate relaxation only") << false;
        QTest::newRow("idle relaxation") << true;
    }

    // Two qubits, every channel at a large rate: the folded trajectory path (pending matrices, proposed jumps,
    // waits merged into gate channels, final damping as a classical flip) against the density-matrix reference.
    void twoQubitAgainstDensityMatrix()
    {
        QFETCH(bool, idle);
        const engine::NoiseModel noise(device(3.0, 2.5, 300.0, 0.05));
        engine::Circuit c(2, true);
        c.gate(GateId::SX, {1});
        c.gate(GateId::H, {0});
        // id on 0 then sx on 1: the no-jump factor of qubit 0 is written during the pass of the other qubit's gate.
        c.gate(GateId::I, {0});
        c.gate(GateId::SX, {1});
        c.gate(GateId::I, {0});
        c.gate(GateId::SX, {1});
        for (int k = 0; k < 4; ++k) {
            c.gate(GateId::CZ, {0, 1});
            c.gate(GateId::X, {0});
            c.gate(GateId::I, {0});
            c.gate(GateId::SX, {1});
            c.gate(GateId::H, {0});
        }
        const Rho rho = referenceDensityMatrix(c, noise, idle);
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 20000;
        options.trajectories = 20000;
        options.seed = 13;
        options.idleRelaxation = idle;
        const auto result = engine::emulateCircuit(c, noise, options);
        for (std::uint64_t z = 0; z < 4; ++z) {
            const double expected = rho[5 * z].real();
            const auto it = result.registers[0].counts.find(z);
            const double observed = it == result.registers[0].counts.end() ? 0.0 : it->second / 20000.0;
            QVERIFY2(std::abs(observed - expected) <= binomialTolerance(expected, 20000),
                     qPrintable(QString("outcome %1: %2 vs %3").arg(z).arg(observed).arg(expected)));
        }
    }

    // Three qubits with fast relaxation, depolarising gates and waits, on pairs that take turns (pending pairs
    // make way for each other, jumps flush pairs and single-qubit matrices together), qubit 1 unmeasured: the
    // measured marginal against the full density-matrix reference.
    void threeQubitsAgainstDensityMatrix()
    {
        engine::DeviceModel d;
        d.name = "three";
        d.numQubits = 3;
        d.qubits = {{4.0, 3.0, NaN, NaN, NaN, NaN, true}, {2.5, 4.0, NaN, NaN, NaN, NaN, true},
                    {3.5, 1.5, NaN, NaN, NaN, NaN, true}};
        d.gates = {{"sx", {0}, 0.01, 40.0}, {"sx", {1}, 0.02, 60.0},  {"sx", {2}, 0.01, 30.0},
                   {"x", {2}, 0.03, 50.0},  {"cz", {0, 1}, 0.03, 90.0}, {"cz", {1, 2}, 0.04, 150.0},
                   {"cx", {2, 0}, 0.02, 200.0}};
        const engine::NoiseModel noise(d);
        engine::Circuit c(3, true);
        c.gate(GateId::SX, {0});
        c.gate(GateId::SX, {1});
        c.gate(GateId::H, {2});
        for (int k = 0; k < 3; ++k) {
            c.gate(GateId::CZ, {0, 1});
            c.gate(GateId::RZ, {1}, {0.4 + k});
            c.gate(GateId::SX, {1});
            c.gate(GateId::CZ, {1, 0});  // the same pair in the other order
            c.gate(GateId::SX, {2});
            c.gate(GateId::CZ, {1, 2});
            c.gate(GateId::X, {2});
            c.gate(GateId::CX, {2, 0});
            c.gate(GateId::RY, {0}, {0.3 * k - 0.2});
            c.gate(GateId::SX, {0});
        }
        const std::vector<double> full = referenceProbabilities(c, noise);
        c.addRegister("c", 2);
        c.measure(0, 0, 0);
        c.measure(2, 0, 1);
        engine::EmulatorOptions options;
        options.shots = 20000;
        options.trajectories = 20000;
        options.seed = 19;
        const auto result = engine::emulateCircuit(c, noise, options);
        for (std::uint64_t v = 0; v < 4; ++v) {
            double expected = 0.0;
            for (std::uint64_t z = 0; z < 8; ++z)
                if (((z & 1u) | (((z >> 2) & 1u) << 1)) == v)
                    expected += full[z];
            const auto it = result.registers[0].counts.find(v);
            const double observed = it == result.registers[0].counts.end() ? 0.0 : it->second / 20000.0;
            QVERIFY2(std::abs(observed - expected) <= fourSigma(expected, 20000),
                     qPrintable(QString("outcome %1: %2 vs %3").arg(v).arg(observed).arg(expected)));
        }
    }

    void deterministicAcrossThreads()
    {
        const engine::NoiseModel noise(device(30.0, 25.0, 300.0, 0.01));
        engine::Circuit c(2, true);
        c.gate(GateId::SX, {0});
        c.gate(GateId::SX, {1});
        for (int k = 0; k < 10; ++k) {
            c.gate(GateId::CZ, {0, 1});
            c.gate(GateId::X, {0});
            c.gate(GateId::I, {0});
            c.gate(GateId::SX, {1});
        }
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 1000;
        options.trajectories = 50;
        options.seed = 77;
        options.threads = 1;
        const auto one = engine::emulateCircuit(c, noise, options);
        options.threads = 2;
        const auto two = engine::emulateCircuit(c, noise, options);
        options.threads = 3;
        const auto three = engine::emulateCircuit(c, noise, options);
        QCOMPARE(one.trajectories, std::uint64_t{50});
        QVERIFY(one.registers[0].values == two.registers[0].values);
        QVERIFY(one.registers[0].values == three.registers[0].values);
        QVERIFY(one.registers[0].counts.size() > 1);
        options.seed = 78;
        QVERIFY(engine::emulateCircuit(c, noise, options).registers[0].values != one.registers[0].values);
    }

    void errors()
    {
        engine::Circuit params(1, true);
        params.addParameter("theta");
        params.gate(GateId::RX, {0}, {engine::ParameterExpression::parameter(0)});
        expectError([&] { (void)engine::emulateCircuit(params, engine::NoiseModel()); },
                    engine::ErrorCode::InvalidArgument, "unbound");

        engine::Circuit mid(1, true);
        mid.addRegister("c", 1);
        mid.measure(0, 0, 0);
        mid.gate(GateId::X, {0});
        expectError([&] { (void)engine::emulateCircuit(mid, engine::NoiseModel()); },
                    engine::ErrorCode::InvalidArgument, "mid-circuit");

        engine::Circuit ok(1, true);
        ok.measureAll();
        engine::EmulatorOptions zero;
        zero.shots = 0;
        expectError([&] { (void)engine::emulateCircuit(ok, engine::NoiseModel(), zero); },
                    engine::ErrorCode::InvalidArgument, "shots");

        engine::Circuit wide(3, true);
        wide.gate(GateId::X, {2});
        expectError([&] { (void)engine::emulateCircuit(wide, engine::NoiseModel(device(NaN, NaN, NaN, NaN))); },
                    engine::ErrorCode::InvalidArgument, "qubits");

        engine::Circuit big(31, true);
        for (unsigned q = 0; q < 31; ++q)
            big.gate(GateId::X, {q});
        expectError([&] { (void)engine::emulateCircuit(big, engine::NoiseModel()); },
                    engine::ErrorCode::LimitExceeded, "at most 30");
    }
};

QTEST_APPLESS_MAIN(TstTrajectoryEmulator)
#include "trajectory_emulator.test.moc"
