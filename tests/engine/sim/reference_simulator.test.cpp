// SPDX-License-Identifier: MIT
// Tests of the dense reference simulator against hand-computed operators and Pauli algebra.
#include "sim/reference_simulator.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>

using C = std::complex<double>;

namespace {

double maxAbs(const Eigen::MatrixXcd& m)
{
    return m.cwiseAbs().maxCoeff();
}

// Kronecker product a (x) b: a acts on the higher qubits.
Eigen::MatrixXcd kron(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b)
{
    Eigen::MatrixXcd k(a.rows() * b.rows(), a.cols() * b.cols());
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            k.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
    }
    return k;
}

Eigen::MatrixXcd toEigen(const engine::Matrix2& m)
{
    Eigen::MatrixXcd e(2, 2);
    e << m[0], m[1], m[2], m[3];
    return e;
}

const engine::Matrix2 A{C(0.3, 0.1), C(-0.2, 0.5), C(0.7, -0.4), C(0.05, 0.9)};
const engine::Matrix2 B{C(1.1, 0.0), C(0.0, -0.6), C(0.2, 0.2), C(-0.8, 0.3)};

} // namespace

class TstReferenceSimulator : public QObject {
    Q_OBJECT

private slots:
    void qubitZeroIsLeastSignificant();
    void operator1IsKroneckerProduct();
    void operator2OfProductIsProductOfOperators();
    void operator2IndexConvention();
    void expIOfPaulis();
    void pauliAlgebra();
    void invalidArguments();
};

void TstReferenceSimulator::qubitZeroIsLeastSignificant()
{
    const Eigen::MatrixXcd x0 = engine::referencePauli(3, 0, 'X');
    const Eigen::MatrixXcd x2 = engine::referencePauli(3, 2, 'X');
    Eigen::VectorXcd zero = Eigen::VectorXcd::Zero(8);
    zero(0) = 1.0;
    const Eigen::VectorXcd a = x0 * zero;
    const Eigen::VectorXcd b = x2 * zero;
    QCOMPARE(a(1), C(1.0));
    QCOMPARE(b(4), C(1.0));
    QCOMPARE(a.norm(), 1.0);
}

void TstReferenceSimulator::operator1IsKroneckerProduct()
{
    const Eigen::MatrixXcd id = Eigen::MatrixXcd::Identity(2, 2);
    // n = 3: qubit 0 is the rightmost factor.
    QCOMPARE(maxAbs(engine::referenceOperator1(3, 0, A) - kron(id, kron(id, toEigen(A)))), 0.0);
    QCOMPARE(maxAbs(engine::referenceOperator1(3, 1, A) - kron(id, kron(toEigen(A), id))), 0.0);
    QCOMPARE(maxAbs(engine::referenceOperator1(3, 2, A) - kron(toEigen(A), kron(id, id))), 0.0);
    QCOMPARE(maxAbs(engine::referenceOperator1(1, 0, A) - toEigen(A)), 0.0);
}

void TstReferenceSimulator::operator2OfProductIsProductOfOperators()
{
    // With k = 2 bit(q1) + bit(q0), the 4x4 matrix B (x) A acts as A on q0 and B on q1.
    const Eigen::MatrixXcd ba = kron(toEigen(B), toEigen(A));
    engine::Matrix4 m;
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 4; ++c)
            m[static_cast<std::size_t>(4 * r + c)] = ba(r, c);
    }
    for (auto [q0, q1] : {std::pair<unsigned, unsigned>{0, 1}, {1, 0}, {0, 3}, {3, 1}, {2, 0}}) {
        const Eigen::MatrixXcd expected = engine::referenceOperator1(4, q0, A) * engine::referenceOperator1(4, q1, B);
        QVERIFY2(maxAbs(engine::referenceOperator2(4, q0, q1, m) - expected) <= 1e-15,
                 qPrintable(QStringLiteral("(%1, %2)").arg(q0).arg(q1)));
    }
}

void TstReferenceSimulator::operator2IndexConvention()
{
    // CNOT with control q0 and target q1 in the Matrix4 convention: |k=1> (q0 set) <-> |k=3>.
    engine::Matrix4 cnot{};
    cnot[0] = 1.0;
    cnot[4 * 3 + 1] = 1.0;
    cnot[4 * 2 + 2] = 1.0;
    cnot[4 * 1 + 3] = 1.0;
    const Eigen::MatrixXcd op = engine::referenceOperator2(3, 2, 0, cnot);  // control qubit 2, target qubit 0
    Eigen::VectorXcd in = Eigen::VectorXcd::Zero(8);
    in(0b100) = 1.0;
    const Eigen::VectorXcd out = op * in;
    QCOMPARE(out(0b101), C(1.0));
}

void TstReferenceSimulator::expIOfPaulis()
{
    const double t = 0.37;
    // exp(-i t Z) = diag(e^{-it}, e^{it})
    const Eigen::MatrixXcd rz = engine::referenceExpI(engine::referencePauli(1, 0, 'Z'), t);
    QVERIFY(std::abs(rz(0, 0) - std::polar(1.0, -t)) <= 1e-15);
    QVERIFY(std::abs(rz(1, 1) - std::polar(1.0, t)) <= 1e-15);
    QVERIFY(std::abs(rz(0, 1)) <= 1e-15);
    // exp(-i t X) = cos t I - i sin t X, i.e. RX(2t)
    const Eigen::MatrixXcd rx = engine::referenceExpI(engine::referencePauli(2, 1, 'X'), t);
    const Eigen::MatrixXcd expected = std::cos(t) * Eigen::MatrixXcd::Identity(4, 4)
        - C(0, std::sin(t)) * engine::referencePauli(2, 1, 'X');
    QVERIFY(maxAbs(rx - expected) <= 1e-14);
    // Unitary.
    QVERIFY(maxAbs(rx * rx.adjoint() - Eigen::MatrixXcd::Identity(4, 4)) <= 1e-14);
}

void TstReferenceSimulator::pauliAlgebra()
{
    const Eigen::MatrixXcd x = engine::referencePauli(2, 0, 'X');
    const Eigen::MatrixXcd y = engine::referencePauli(2, 0, 'Y');
    const Eigen::MatrixXcd z = engine::referencePauli(2, 0, 'Z');
    QVERIFY(maxAbs(x * y - C(0, 1) * z) <= 1e-15);
    QVERIFY(maxAbs(x * x - Eigen::MatrixXcd::Identity(4, 4)) <= 1e-15);
    // Paulis on different qubits commute.
    const Eigen::MatrixXcd y1 = engine::referencePauli(2, 1, 'Y');
    QVERIFY(maxAbs(x * y1 - y1 * x) <= 1e-15);
    QVERIFY(maxAbs(engine::referencePauli(2, 1, 'I') - Eigen::MatrixXcd::Identity(4, 4)) == 0.0);
}

void TstReferenceSimulator::invalidArguments()
{
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::referencePauli(2, 0, 'Q'));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::referenceOperator1(2, 2, A));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::referenceOperator2(3, 1, 1, engine::Matrix4{}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::referenceOperator1(20, 0, A));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::referenceExpI(Eigen::MatrixXcd::Zero(2, 3), 1.0));
}

QTEST_APPLESS_MAIN(TstReferenceSimulator)
#include "reference_simulator.test.moc"
