// SPDX-License-Identifier: MIT
// Tests of the trajectory emulator against analytic single-qubit decay, readout statistics and exact simulation.
#include "emulator/trajectory_emulator.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit_simulation.h"
#include "core/error.h"

#include <array>
#include <cmath>
#include <complex>
#include <functional>
#include <limits>

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
    for (unsigned q : op.qubits) {
        const engine::RelaxationNoise r = noise.relaxation(q, gn.durationNs);
        Rho damped = conjugate(embed({C(1), C(0), C(0), C(std::sqrt(1.0 - r.gamma1))}, q), out);
        addScaled(damped, conjugate(embed({C(0), C(std::sqrt(r.gamma1)), C(0), C(0)}, q), out), 1.0);
        out = {};
        addScaled(out, damped, 1.0 - r.phaseFlip);
        addScaled(out, conjugate(embed(paulis[3], q), damped), r.phaseFlip);
    }
    return out;
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

    // Two qubits, every channel at a large rate: the fused trajectory path against the density-matrix reference.
    void twoQubitAgainstDensityMatrix()
    {
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
        Rho rho{};
        rho[0] = 1.0;
        for (const engine::Operation& op : c.operations())
            rho = applyStep(rho, op, noise);
        c.measureAll();
        engine::EmulatorOptions options;
        options.shots = 20000;
        options.trajectories = 20000;
        options.seed = 13;
        const auto result = engine::emulateCircuit(c, noise, options);
        for (std::uint64_t z = 0; z < 4; ++z) {
            const double expected = rho[5 * z].real();
            const auto it = result.registers[0].counts.find(z);
            const double observed = it == result.registers[0].counts.end() ? 0.0 : it->second / 20000.0;
            QVERIFY2(std::abs(observed - expected) <= binomialTolerance(expected, 20000),
                     qPrintable(QString("outcome %1: %2 vs %3").arg(z).arg(observed).arg(expected)));
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
