// SPDX-License-Identifier: MIT
// Tests of the calibration-to-noise conversions: depolarising, relaxation, readout, missing values, ideal model.
#include "emulator/noise_model.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <limits>

using engine::GateId;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

engine::DeviceModel smallDevice()
{
    engine::DeviceModel d;
    d.name = "test";
    d.numQubits = 3;
    d.twoQubitGate = "cz";
    d.qubits.resize(3);
    d.qubits[0] = {100.0, 80.0, 0.02, 0.01, 0.03, 1000.0, true};
    d.qubits[1] = {50.0, 150.0, NaN, NaN, 0.05, NaN, true};   // T2 above 2 T1: clamped
    d.qubits[2] = {NaN, 40.0, NaN, NaN, NaN, NaN, true};      // no T1
    d.gates = {{"sx", {0}, 0.001, 32.0}, {"x", {1}, NaN, 32.0}, {"cz", {0, 1}, 0.004, 68.0},
               {"ecr", {1, 2}, 0.008, 500.0}, {"rz", {0}, 0.0, 0.0}};
    return d;
}

} // namespace

class TstNoiseModel : public QObject {
    Q_OBJECT

private slots:
    void depolarizingConversion()
    {
        // r = lambda (d - 1) / d and P(non-identity Pauli) = lambda (d^2 - 1) / d^2, worked out by hand.
        QAOA_COMPARE_NEAR(engine::depolarizingPauliProbability(0.002, 1), 0.003, 1e-12);
        QAOA_COMPARE_NEAR(engine::depolarizingPauliProbability(0.008, 2), 0.01, 1e-12);
        QCOMPARE(engine::depolarizingPauliProbability(NaN, 1), 0.0);
        QCOMPARE(engine::depolarizingPauliProbability(-0.1, 2), 0.0);
        QAOA_COMPARE_NEAR(engine::depolarizingPauliProbability(1.0, 1), 0.75, 1e-12);
        QAOA_COMPARE_NEAR(engine::depolarizingPauliProbability(1.0, 2), 15.0 / 16.0, 1e-12);
    }

    void gateLookup()
    {
        const engine::NoiseModel noise(smallDevice());
        QVERIFY(!noise.isIdeal());
        QCOMPARE(noise.numQubits(), 3u);
        const unsigned q0[] = {0};
        const auto sx = noise.gateNoise(GateId::SX, q0);
        QAOA_COMPARE_NEAR(sx.pauliProbability, 0.0015, 1e-12);
        QCOMPARE(sx.durationNs, 32.0);
        const unsigned q1[] = {1};
        const auto x = noise.gateNoise(GateId::X, q1);
        QCOMPARE(x.pauliProbability, 0.0);  // NaN error: no depolarising, but the length still counts
        QCOMPARE(x.durationNs, 32.0);
        const unsigned pair10[] = {1, 0};
        const auto cz = noise.gateNoise(GateId::CZ, pair10);  // symmetric: the reversed entry applies
        QAOA_COMPARE_NEAR(cz.pauliProbability, 0.005, 1e-12);
        QCOMPARE(cz.durationNs, 68.0);
        const unsigned pair21[] = {2, 1};
        QCOMPARE(noise.gateNoise(GateId::ECR, pair21).durationNs, 0.0);  // directed: no entry for (2, 1)
        const unsigned pair12[] = {1, 2};
        QCOMPARE(noise.gateNoise(GateId::ECR, pair12).durationNs, 500.0);
        const auto rz = noise.gateNoise(GateId::RZ, q0);
        QCOMPARE(rz.pauliProbability, 0.0);
        QCOMPARE(rz.durationNs, 0.0);
        const unsigned q9[] = {9};
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)noise.gateNoise(GateId::X, q9));
    }

    // rz is a virtual frame change: no error and no time even when a calibration lists both for it.
    void rzIsVirtual()
    {
        engine::DeviceModel d = smallDevice();
        d.gates.push_back({"rz", {1}, 0.02, 50.0});
        d.gates.push_back({"x", {2}, 0.02, 50.0});
        const engine::NoiseModel noise(d);
        const unsigned q1[] = {1};
        QCOMPARE(noise.gateNoise(GateId::RZ, q1).pauliProbability, 0.0);
        QCOMPARE(noise.gateNoise(GateId::RZ, q1).durationNs, 0.0);
        const unsigned q2[] = {2};  // the same numbers on a real pulse count
        QAOA_COMPARE_NEAR(noise.gateNoise(GateId::X, q2).pauliProbability, 0.03, 1e-12);
        QCOMPARE(noise.gateNoise(GateId::X, q2).durationNs, 50.0);
    }

    void relaxation()
    {
        const engine::NoiseModel noise(smallDevice());
        const double tNs = 500.0;
        const double tUs = tNs / 1000.0;
        // Qubit 0: T1 = 100, T2 = 80 us. Damping shrinks coherence by sqrt(1 - gamma1), dephasing by 1 - 2 p_z;
        // together they must give exp(-t / T2).
        const auto r0 = noise.relaxation(0, tNs);
        QAOA_COMPARE_NEAR(r0.gamma1, 1.0 - std::exp(-tUs / 100.0), 1e-12);
        QAOA_COMPARE_NEAR(std::sqrt(1.0 - r0.gamma1) * (1.0 - 2.0 * r0.phaseFlip), std::exp(-tUs / 80.0), 1e-12);
        QAOA_COMPARE_NEAR(noise.coherence(0).tPhiUs, 1.0 / (1.0 / 80.0 - 1.0 / 200.0), 1e-12);
        // Qubit 1: T2 = 150 > 2 T1 = 100 is clamped: no pure dephasing.
        const auto r1 = noise.relaxation(1, tNs);
        QCOMPARE(r1.phaseFlip, 0.0);
        QVERIFY(std::isinf(noise.coherence(1).tPhiUs));
        // Qubit 2: no T1, so no damping and T_phi = T2.
        const auto r2 = noise.relaxation(2, tNs);
        QCOMPARE(r2.gamma1, 0.0);
        QAOA_COMPARE_NEAR(1.0 - 2.0 * r2.phaseFlip, std::exp(-tUs / 40.0), 1e-12);
        QCOMPARE(noise.relaxation(0, 0.0).gamma1, 0.0);
    }

    void readout()
    {
        const engine::NoiseModel noise(smallDevice());
        QCOMPARE(noise.readout(0).probMeas1Prep0, 0.01);
        QCOMPARE(noise.readout(0).probMeas0Prep1, 0.03);
        QCOMPARE(noise.readout(1).probMeas1Prep0, 0.0);  // NaN: no flip
        QCOMPARE(noise.readout(1).probMeas0Prep1, 0.05);
        QCOMPARE(noise.readout(2).probMeas0Prep1, 0.0);
    }

    void ideal()
    {
        const engine::NoiseModel noise;
        QVERIFY(noise.isIdeal());
        QCOMPARE(noise.name(), std::string("ideal"));
        const unsigned pair[] = {7, 200};
        QCOMPARE(noise.gateNoise(GateId::CZ, pair).pauliProbability, 0.0);
        QCOMPARE(noise.gateNoise(GateId::CZ, pair).durationNs, 0.0);
        QCOMPARE(noise.relaxation(5, 1e6).gamma1, 0.0);
        QCOMPARE(noise.readout(5).probMeas0Prep1, 0.0);
    }
};

QTEST_APPLESS_MAIN(TstNoiseModel)
#include "noise_model.test.moc"
