// SPDX-License-Identifier: MIT
// Tests of the general gate path against dense reference operators on random states.
#include "sim/gate_kernels.h"

#include <QtTest>

#include "test_support.h"

#include "sim/reference_simulator.h"
#include "sim_test_helpers.h"

#include <random>

using engine::Matrix2;
using engine::Matrix4;
using engine::StateVector;
using sim_test::maxDiff;
using sim_test::randomState;
using sim_test::toEigen;

namespace {

// Arbitrary complex entries of modulus about 1: the kernels are linear maps, unitarity is not needed to check
// that they apply the right matrix to the right amplitudes.
template <std::size_t N>
std::array<std::complex<double>, N> randomMatrix(std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-0.7, 0.7);
    std::array<std::complex<double>, N> m;
    for (auto& v : m)
        v = {u(rng), u(rng)};
    return m;
}

template <typename Real>
void checkOneQubit(unsigned n)
{
    for (unsigned q = 0; q < n; ++q) {
        const Matrix2 m = randomMatrix<4>(10 * n + q);
        const StateVector<Real> start = randomState<Real>(n, 100 * n + q);
        StateVector<Real> s = start;
        engine::applyMatrix1(s, q, m);
        const double err = maxDiff(s, Eigen::VectorXcd(engine::referenceOperator1(n, q, m) * toEigen(start)));
        QVERIFY2(err <= sim_test::TOLERANCE<Real>, qPrintable(QStringLiteral("n=%1 q=%2: %3").arg(n).arg(q).arg(err)));
    }
}

template <typename Real>
void checkTwoQubit(unsigned n)
{
    for (unsigned q0 = 0; q0 < n; ++q0) {
        for (unsigned q1 = 0; q1 < n; ++q1) {
            if (q0 == q1)
                continue;
            const Matrix4 m = randomMatrix<16>(100 * q0 + q1);
            const StateVector<Real> start = randomState<Real>(n, 7 * q0 + q1);
            StateVector<Real> s = start;
            engine::applyMatrix2(s, q0, q1, m);
            double err = maxDiff(s, Eigen::VectorXcd(engine::referenceOperator2(n, q0, q1, m) * toEigen(start)));
            QVERIFY2(err <= sim_test::TOLERANCE<Real>,
                     qPrintable(QStringLiteral("matrix n=%1 (%2,%3): %4").arg(n).arg(q0).arg(q1).arg(err)));

            const double theta = 0.3 + 0.1 * q0 - 0.2 * q1;
            s = start;
            engine::applyRzz(s, q0, q1, theta);
            // exp(-i theta/2 Z Z) on two qubits, spread to n qubits by the reference.
            const Eigen::MatrixXcd zz = engine::referencePauli(2, 0, 'Z') * engine::referencePauli(2, 1, 'Z');
            const Eigen::MatrixXcd u = engine::referenceExpI(zz, theta / 2);
            Matrix4 rzz;
            for (int r = 0; r < 4; ++r) {
                for (int c = 0; c < 4; ++c)
                    rzz[static_cast<std::size_t>(4 * r + c)] = u(r, c);
            }
            err = maxDiff(s, Eigen::VectorXcd(engine::referenceOperator2(n, q0, q1, rzz) * toEigen(start)));
            QVERIFY2(err <= sim_test::TOLERANCE<Real>,
                     qPrintable(QStringLiteral("rzz n=%1 (%2,%3): %4").arg(n).arg(q0).arg(q1).arg(err)));
        }
    }
}

} // namespace

class TstGateKernels : public QObject {
    Q_OBJECT

private slots:
    void oneQubitMatchesReference_data();
    void oneQubitMatchesReference();
    void twoQubitMatchesReference_data();
    void twoQubitMatchesReference();
    void largeStateParallelAgreesWithSerial();
    void invalidArguments();
};

void TstGateKernels::oneQubitMatchesReference_data()
{
    QTest::addColumn<unsigned>("n");
    for (unsigned n = 1; n <= 8; ++n)
        QTest::newRow(qPrintable(QStringLiteral("n=%1").arg(n))) << n;
}

void TstGateKernels::oneQubitMatchesReference()
{
    QFETCH(unsigned, n);
    checkOneQubit<double>(n);
    checkOneQubit<float>(n);
}

void TstGateKernels::twoQubitMatchesReference_data()
{
    QTest::addColumn<unsigned>("n");
    for (unsigned n = 2; n <= 8; ++n)
        QTest::newRow(qPrintable(QStringLiteral("n=%1").arg(n))) << n;
}

void TstGateKernels::twoQubitMatchesReference()
{
    QFETCH(unsigned, n);
    checkTwoQubit<double>(n);
    checkTwoQubit<float>(n);
}

void TstGateKernels::largeStateParallelAgreesWithSerial()
{
    const unsigned n = 16;
    const Matrix2 m1 = randomMatrix<4>(1);
    const Matrix4 m2 = randomMatrix<16>(2);
    StateVector<double> a = randomState<double>(n, 3);
    StateVector<double> b = a;
    engine::applyMatrix1(a, 13, m1, 1);
    engine::applyMatrix2(a, 15, 2, m2, 1);
    engine::applyRzz(a, 0, 14, 0.7, 1);
    engine::applyMatrix1(b, 13, m1, 2);
    engine::applyMatrix2(b, 15, 2, m2, 2);
    engine::applyRzz(b, 0, 14, 0.7, 2);
    QCOMPARE(maxDiff(a, b), 0.0);
}

void TstGateKernels::invalidArguments()
{
    StateVector<double> s(3);
    const Matrix2 m1 = randomMatrix<4>(1);
    const Matrix4 m2 = randomMatrix<16>(2);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyMatrix1(s, 3, m1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyMatrix2(s, 1, 1, m2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyMatrix2(s, 0, 5, m2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyRzz(s, 2, 2, 0.1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyRzz(s, 0, 1, std::nan("")));
    Matrix2 bad = m1;
    bad[2] = {std::nan(""), 0.0};
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyMatrix1(s, 0, bad));
    QCOMPARE(s.amplitudes()[0], std::complex<double>(1.0));
}

QTEST_APPLESS_MAIN(TstGateKernels)
#include "gate_kernels.test.moc"
