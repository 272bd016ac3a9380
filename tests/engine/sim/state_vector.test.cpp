// SPDX-License-Identifier: MIT
// Tests of the statevector type: qubit order, basis and uniform states, copies, norms and memory checks.
#include "sim/state_vector.h"

#include <QtTest>

#include "test_support.h"

#include "sim/gate_kernels.h"
#include "sim_test_helpers.h"

#include <cmath>
#include <limits>

using engine::Precision;
using engine::StateVector;

class TstStateVector : public QObject {
    Q_OBJECT

private slots:
    void qubitOrderPinned();
    void startsInZeroState();
    void basisState();
    void basisStateOutOfRange();
    void uniformState();
    void normAndProbabilitiesMatchSums_data();
    void normAndProbabilitiesMatchSums();
    void copyAndAssign();
    void storageIsAligned();
    void bytesAndNames();
    void memoryCheckRefusesAbsurdSizes();
    void tooManyQubitsRefused();
};

void TstStateVector::qubitOrderPinned()
{
    // X on qubit 0 of |0...0> must give amplitude index 1 (qubit 0 = least-significant bit), on qubit 2 index 4.
    const engine::Matrix2 x{std::complex<double>(0), std::complex<double>(1), std::complex<double>(1),
                            std::complex<double>(0)};
    StateVector<double> s(3);
    engine::applyMatrix1(s, 0, x);
    QCOMPARE(s.amplitudes()[1], std::complex<double>(1.0));
    QCOMPARE(s.amplitudes()[0], std::complex<double>(0.0));
    StateVector<double> t(3);
    engine::applyMatrix1(t, 2, x);
    QCOMPARE(t.amplitudes()[4], std::complex<double>(1.0));
}

void TstStateVector::startsInZeroState()
{
    StateVector<float> s(5);
    QCOMPARE(s.numQubits(), 5u);
    QCOMPARE(s.size(), std::uint64_t{32});
    QCOMPARE(s.amplitudes()[0], std::complex<float>(1.0f));
    for (std::uint64_t z = 1; z < s.size(); ++z)
        QCOMPARE(s.amplitudes()[z], std::complex<float>(0.0f));
}

void TstStateVector::basisState()
{
    StateVector<double> s(4);
    s.setBasisState(11);
    for (std::uint64_t z = 0; z < s.size(); ++z)
        QCOMPARE(s.amplitudes()[z], std::complex<double>(z == 11 ? 1.0 : 0.0));
    StateVector<double> empty(0);
    QCOMPARE(empty.size(), std::uint64_t{1});
    QCOMPARE(empty.normSquared(), 1.0);
}

void TstStateVector::basisStateOutOfRange()
{
    StateVector<double> s(3);
    try {
        s.setBasisState(8);
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
    }
}

void TstStateVector::uniformState()
{
    for (unsigned n : {1u, 4u, 15u}) {
        StateVector<double> s(n);
        s.setUniform();
        const double expected = std::pow(2.0, -0.5 * n);
        for (std::uint64_t z = 0; z < s.size(); z += 7)
            QAOA_COMPARE_NEAR(s.amplitudes()[z].real(), expected, 1e-15);
        QAOA_COMPARE_NEAR(s.normSquared(), 1.0, 1e-13);
    }
    StateVector<float> f(9);
    f.setUniform();
    QAOA_COMPARE_NEAR(f.normSquared(), 1.0, 1e-6);
}

void TstStateVector::normAndProbabilitiesMatchSums_data()
{
    QTest::addColumn<unsigned>("n");
    for (unsigned n : {1u, 2u, 3u, 5u, 8u, 12u, 16u})
        QTest::newRow(qPrintable(QStringLiteral("n=%1").arg(n))) << n;
}

void TstStateVector::normAndProbabilitiesMatchSums()
{
    QFETCH(unsigned, n);
    sim_test::forEachSimdLevel([&](engine::detail::SimdLevel) {
        auto d = sim_test::randomState<double>(n, 100 + n);
        auto f = sim_test::randomState<float>(n, 200 + n);
        for (std::uint64_t z = 0; z < d.size(); ++z) {
            d.amplitudes()[z] *= 1.5;
            f.amplitudes()[z] *= 0.5f;
        }
        double sumD = 0.0;
        double sumF = 0.0;
        for (std::uint64_t z = 0; z < d.size(); ++z) {
            sumD += std::norm(d.amplitudes()[z]);
            sumF += std::norm(std::complex<double>(f.amplitudes()[z]));
        }
        QAOA_COMPARE_NEAR(d.normSquared(), sumD, 1e-13);
        QAOA_COMPARE_NEAR(f.normSquared(), sumF, 1e-6);
        const std::vector<double> p = d.probabilities();
        QCOMPARE(p.size(), static_cast<std::size_t>(d.size()));
        for (std::uint64_t z = 0; z < d.size(); ++z)
            QAOA_COMPARE_NEAR(p[z], std::norm(d.amplitudes()[z]), 1e-15);
    });
}

void TstStateVector::copyAndAssign()
{
    const auto a = sim_test::randomState<double>(10, 5);
    StateVector<double> b(a);
    QCOMPARE(sim_test::maxDiff(a, b), 0.0);
    StateVector<double> c(3);
    c = a;  // different size: reallocates
    QCOMPARE(c.numQubits(), 10u);
    QCOMPARE(sim_test::maxDiff(a, c), 0.0);
    StateVector<double> d(10);
    d = a;  // same size: copies in place
    QCOMPARE(sim_test::maxDiff(a, d), 0.0);
    StateVector<double> e(std::move(d));
    QCOMPARE(sim_test::maxDiff(a, e), 0.0);
}

void TstStateVector::storageIsAligned()
{
    for (unsigned n : {0u, 1u, 6u, 18u}) {
        StateVector<double> d(n);
        StateVector<float> f(n);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(d.amplitudes()) % 64, std::uintptr_t{0});
        QCOMPARE(reinterpret_cast<std::uintptr_t>(f.amplitudes()) % 64, std::uintptr_t{0});
    }
}

void TstStateVector::bytesAndNames()
{
    QCOMPARE(engine::stateVectorBytes(10, Precision::Double), std::size_t{16384});
    QCOMPARE(engine::stateVectorBytes(10, Precision::Single), std::size_t{8192});
    QCOMPARE(engine::stateVectorBytes(200, Precision::Double), std::numeric_limits<std::size_t>::max());
    QCOMPARE(engine::precisionFromName(engine::precisionName(Precision::Double)), Precision::Double);
    QCOMPARE(engine::precisionFromName(engine::precisionName(Precision::Single)), Precision::Single);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::precisionFromName("half"));
    QVERIFY(engine::availableMemoryBytes() > 0);
}

void TstStateVector::memoryCheckRefusesAbsurdSizes()
{
    // 34 qubits with an extra petabyte of buffers never fits; the message says what does.
    try {
        engine::checkMemoryFits(34, std::size_t{1} << 50, "double-precision state vector");
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
        const QString text = QString::fromStdString(e.detail());
        QVERIFY2(text.contains(QStringLiteral("34 qubits need")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("GiB available; at most")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("qubits fit")), qPrintable(text));
    }
    // Small requests pass.
    engine::checkMemoryFits(10, engine::stateVectorBytes(10, Precision::Double), "state");
}

void TstStateVector::tooManyQubitsRefused()
{
    try {
        StateVector<double> s(engine::MAX_STATE_VECTOR_QUBITS + 1);
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
    QVERIFY_THROWS_EXCEPTION(engine::Error, StateVector<float>(63));
}

QTEST_APPLESS_MAIN(TstStateVector)
#include "state_vector.test.moc"
