// SPDX-License-Identifier: MIT
// Tests of the QAOA fast path against the dense reference: cost phase, X mixer, fused layer, XY pairs, <H>.
#include "sim/qaoa_kernels.h"

#include <QtTest>

#include "test_support.h"

#include "qubo/ising_model.h"
#include "sim/energy_diagonal.h"
#include "sim/mixer_layout.h"
#include "sim/reference_simulator.h"
#include "sim_test_helpers.h"

#include <bit>
#include <cmath>
#include <random>

using engine::EnergyDiagonal;
using engine::StateVector;
using engine::detail::SimdLevel;
using sim_test::maxDiff;
using sim_test::randomState;
using sim_test::toEigen;

namespace {

// Angles on both sides of |tan beta| = 1 (the kernels switch between tangent and cotangent forms there), a
// zero angle, and exactly pi/2, where cos beta = 0.
const double BETAS[] = {0.0, 0.37, -0.7, 1.3, 1.5707963267948966, 2.9, -2.2};

template <typename Real>
EnergyDiagonal<Real> randomDiagonal(unsigned n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-4.0, 4.0);
    EnergyDiagonal<Real> d(std::size_t{1} << n);
    for (auto& e : d)
        e = static_cast<Real>(u(rng));
    return d;
}

template <typename Real>
Eigen::MatrixXcd diagonalMatrix(const EnergyDiagonal<Real>& d)
{
    Eigen::VectorXcd v(static_cast<Eigen::Index>(d.size()));
    for (std::size_t z = 0; z < d.size(); ++z)
        v(static_cast<Eigen::Index>(z)) = static_cast<double>(d[z]);
    return v.asDiagonal();
}

// exp(-i beta sum_j X_j) as one dense matrix.
Eigen::MatrixXcd mixerMatrix(unsigned n, double beta)
{
    const Eigen::Index dim = Eigen::Index{1} << n;
    Eigen::MatrixXcd sumX = Eigen::MatrixXcd::Zero(dim, dim);
    for (unsigned j = 0; j < n; ++j)
        sumX += engine::referencePauli(n, j, 'X');
    return engine::referenceExpI(sumX, beta);
}

QString where(SimdLevel level, unsigned n, double angle, double err)
{
    return QStringLiteral("%1 n=%2 angle=%3: error %4")
        .arg(QString::fromLatin1(engine::detail::simdLevelName(level)))
        .arg(n)
        .arg(angle)
        .arg(err);
}

template <typename Real>
void checkAgainstReference(unsigned n)
{
    const double tol = sim_test::TOLERANCE<Real>;
    const EnergyDiagonal<Real> diagonal = randomDiagonal<Real>(n, 10 + n);
    const Eigen::MatrixXcd h = diagonalMatrix(diagonal);
    const double gamma = 0.83;
    const Eigen::MatrixXcd phase = engine::referenceExpI(h, gamma);
    for (double beta : BETAS) {
        const Eigen::MatrixXcd mixer = mixerMatrix(n, beta);
        sim_test::forEachSimdLevel([&](SimdLevel level) {
            const StateVector<Real> start = randomState<Real>(n, 1000 * n + 17);
            const Eigen::VectorXcd psi = toEigen(start);

            StateVector<Real> s = start;
            engine::applyCostPhase(s, diagonal, gamma);
            double err = maxDiff(s, Eigen::VectorXcd(phase * psi));
            QVERIFY2(err <= tol, qPrintable(QStringLiteral("cost phase ") + where(level, n, gamma, err)));

            s = start;
            engine::applyXMixer(s, beta);
            err = maxDiff(s, Eigen::VectorXcd(mixer * psi));
            QVERIFY2(err <= tol, qPrintable(QStringLiteral("mixer ") + where(level, n, beta, err)));

            s = start;
            engine::applyQaoaLayer(s, diagonal, gamma, beta);
            err = maxDiff(s, Eigen::VectorXcd(mixer * (phase * psi)));
            QVERIFY2(err <= tol, qPrintable(QStringLiteral("layer ") + where(level, n, beta, err)));
        });
        if (QTest::currentTestFailed())
            return;
    }
}

// exp(-i beta (X_a X_b + Y_a Y_b)) on n qubits, built from the 4x4 two-qubit operator.
Eigen::MatrixXcd xyMatrix(unsigned n, unsigned a, unsigned b, double beta)
{
    const Eigen::MatrixXcd xx = engine::referencePauli(2, 0, 'X') * engine::referencePauli(2, 1, 'X');
    const Eigen::MatrixXcd yy = engine::referencePauli(2, 0, 'Y') * engine::referencePauli(2, 1, 'Y');
    const Eigen::MatrixXcd u = engine::referenceExpI(xx + yy, beta);
    engine::Matrix4 m;
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 4; ++c)
            m[static_cast<std::size_t>(4 * r + c)] = u(r, c);
    }
    return engine::referenceOperator2(n, a, b, m);
}

template <typename Real>
void checkXYPairs(unsigned n)
{
    const double tol = sim_test::TOLERANCE<Real>;
    const double beta = 0.41;
    for (unsigned a = 0; a < n; ++a) {
        for (unsigned b = 0; b < n; ++b) {
            if (a == b)
                continue;
            const StateVector<Real> start = randomState<Real>(n, 31 * a + b);
            StateVector<Real> s = start;
            engine::applyXYPair(s, a, b, beta);
            const double err = maxDiff(s, Eigen::VectorXcd(xyMatrix(n, a, b, beta) * toEigen(start)));
            QVERIFY2(err <= tol, qPrintable(QStringLiteral("XY pair (%1, %2) n=%3: error %4")
                                                .arg(a).arg(b).arg(n).arg(err)));
        }
    }
}

} // namespace

class TstQaoaKernels : public QObject {
    Q_OBJECT

private slots:
    void matchesDenseReferenceDouble_data();
    void matchesDenseReferenceDouble();
    void matchesDenseReferenceFloat_data();
    void matchesDenseReferenceFloat();
    void layerEqualsPhaseThenMixer_data();
    void layerEqualsPhaseThenMixer();
    void smallBlocksAndTiles();
    void threadCountDoesNotChangeResult();
    void normPreserved();
    void xyPairMatchesReference_data();
    void xyPairMatchesReference();
    void xyPairKeepsHammingWeight();
    void expectationMatchesSum();
    void canonicalInstance();
    void invalidArguments();
};

void TstQaoaKernels::matchesDenseReferenceDouble_data()
{
    QTest::addColumn<unsigned>("n");
    for (unsigned n = 1; n <= 8; ++n)
        QTest::newRow(qPrintable(QStringLiteral("n=%1").arg(n))) << n;
}

void TstQaoaKernels::matchesDenseReferenceDouble()
{
    QFETCH(unsigned, n);
    checkAgainstReference<double>(n);
}

void TstQaoaKernels::matchesDenseReferenceFloat_data()
{
    matchesDenseReferenceDouble_data();
}

void TstQaoaKernels::matchesDenseReferenceFloat()
{
    QFETCH(unsigned, n);
    checkAgainstReference<float>(n);
}

void TstQaoaKernels::layerEqualsPhaseThenMixer_data()
{
    QTest::addColumn<unsigned>("n");
    for (unsigned n : {9u, 11u, 13u, 16u})
        QTest::newRow(qPrintable(QStringLiteral("n=%1").arg(n))) << n;
}

void TstQaoaKernels::layerEqualsPhaseThenMixer()
{
    QFETCH(unsigned, n);
    const EnergyDiagonal<double> dd = randomDiagonal<double>(n, n);
    const EnergyDiagonal<float> df = randomDiagonal<float>(n, n);
    sim_test::forEachSimdLevel([&](SimdLevel level) {
        for (double beta : {0.3, 1.2}) {
            StateVector<double> fused = randomState<double>(n, n + 3);
            StateVector<double> split = fused;
            engine::applyQaoaLayer(fused, dd, 0.6, beta);
            engine::applyCostPhase(split, dd, 0.6);
            engine::applyXMixer(split, beta);
            double err = maxDiff(fused, split);
            QVERIFY2(err <= 1e-12, qPrintable(where(level, n, beta, err)));

            StateVector<float> fusedF = randomState<float>(n, n + 4);
            StateVector<float> splitF = fusedF;
            engine::applyQaoaLayer(fusedF, df, 0.6, beta);
            engine::applyCostPhase(splitF, df, 0.6);
            engine::applyXMixer(splitF, beta);
            err = maxDiff(fusedF, splitF);
            QVERIFY2(err <= 1e-5, qPrintable(where(level, n, beta, err)));
        }
    });
}

void TstQaoaKernels::smallBlocksAndTiles()
{
    // Tiny blocks, tiles and lines force every boundary (block edge, several tile passes, scratch copies) at
    // n <= 13, where the fused layer is checked against the one-qubit-at-a-time textbook mixer.
    const unsigned n = 11;
    const EnergyDiagonal<double> diagonal = randomDiagonal<double>(n, 77);
    sim_test::forEachSimdLevel([&](SimdLevel level) {
        const StateVector<double> start = randomState<double>(n, 78);
        for (double beta : {0.45, -1.1}) {
            StateVector<double> expected = start;
            engine::applyCostPhase(expected, diagonal, -0.9);
            const engine::Matrix2 rx{std::complex<double>(std::cos(beta)), std::complex<double>(0, -std::sin(beta)),
                                     std::complex<double>(0, -std::sin(beta)), std::complex<double>(std::cos(beta))};
            for (unsigned q = 0; q < n; ++q)
                engine::applyMatrix1(expected, q, rx);
            for (unsigned blockBits : {1u, 3u, 4u, 6u})
                for (unsigned tileBits : {1u, 2u, 3u, 5u})
                    for (unsigned lineBits : {0u, 1u, 2u, 4u}) {
                        StateVector<double> s = start;
                        engine::detail::applyLayerWithLayout(s, &diagonal, -0.9, true, beta,
                                                             {blockBits, tileBits, lineBits}, 2);
                        const double err = maxDiff(s, expected);
                        QVERIFY2(err <= 1e-12, qPrintable(QStringLiteral("layout (%1,%2,%3) ")
                                                              .arg(blockBits).arg(tileBits).arg(lineBits)
                                                          + where(level, n, beta, err)));
                    }
        }
    });
}

void TstQaoaKernels::threadCountDoesNotChangeResult()
{
    const unsigned n = 17;
    const EnergyDiagonal<double> diagonal = randomDiagonal<double>(n, 5);
    StateVector<double> one = randomState<double>(n, 6);
    StateVector<double> two = one;
    engine::applyQaoaLayer(one, diagonal, 0.2, 0.9, 1);
    engine::applyQaoaLayer(two, diagonal, 0.2, 0.9, 2);
    // Blocks and tiles do the same arithmetic whoever runs them.
    QCOMPARE(maxDiff(one, two), 0.0);
    QAOA_COMPARE_NEAR(engine::expectationOfDiagonal(one, diagonal, 2), engine::expectationOfDiagonal(one, diagonal, 1),
                      1e-13);
}

void TstQaoaKernels::normPreserved()
{
    for (unsigned n : {10u, 14u, 16u}) {
        const EnergyDiagonal<double> dd = randomDiagonal<double>(n, 40 + n);
        const EnergyDiagonal<float> df = randomDiagonal<float>(n, 40 + n);
        StateVector<double> d(n);
        StateVector<float> f(n);
        d.setUniform();
        f.setUniform();
        for (int layer = 0; layer < 4; ++layer) {
            engine::applyQaoaLayer(d, dd, 0.3 + 0.2 * layer, 1.4 - 0.5 * layer);
            engine::applyQaoaLayer(f, df, 0.3 + 0.2 * layer, 1.4 - 0.5 * layer);
            engine::applyXYPair(d, 0, n - 1, 0.3);
        }
        QAOA_COMPARE_NEAR(d.normSquared(), 1.0, 1e-12);
        QAOA_COMPARE_NEAR(f.normSquared(), 1.0, 1e-5);
    }
}

void TstQaoaKernels::xyPairMatchesReference_data()
{
    QTest::addColumn<unsigned>("n");
    for (unsigned n = 2; n <= 8; ++n)
        QTest::newRow(qPrintable(QStringLiteral("n=%1").arg(n))) << n;
}

void TstQaoaKernels::xyPairMatchesReference()
{
    QFETCH(unsigned, n);
    checkXYPairs<double>(n);
    if (QTest::currentTestFailed())
        return;
    checkXYPairs<float>(n);
}

void TstQaoaKernels::xyPairKeepsHammingWeight()
{
    const unsigned n = 10;
    StateVector<double> s = randomState<double>(n, 9);
    auto sectorNorms = [&] {
        std::vector<double> norms(n + 1, 0.0);
        for (std::uint64_t z = 0; z < s.size(); ++z)
            norms[static_cast<std::size_t>(std::popcount(z))] += std::norm(s.amplitudes()[z]);
        return norms;
    };
    const std::vector<double> before = sectorNorms();
    std::mt19937_64 rng(3);
    for (int k = 0; k < 40; ++k) {
        const auto a = static_cast<unsigned>(rng() % n);
        const auto b = static_cast<unsigned>((a + 1 + rng() % (n - 1)) % n);
        engine::applyXYPair(s, a, b, 0.1 * k - 1.7);
    }
    const std::vector<double> after = sectorNorms();
    for (unsigned w = 0; w <= n; ++w)
        QVERIFY2(std::abs(after[w] - before[w]) <= 1e-12, qPrintable(QStringLiteral("weight %1 leaked").arg(w)));
    // A basis state of weight 1 stays inside weight 1.
    StateVector<double> one(4);
    one.setBasisState(0b0010);
    engine::applyXYPair(one, 1, 3, 0.5);
    QAOA_COMPARE_NEAR(std::norm(one.amplitudes()[0b0010]), std::pow(std::cos(1.0), 2), 1e-15);
    QAOA_COMPARE_NEAR(std::norm(one.amplitudes()[0b1000]), std::pow(std::sin(1.0), 2), 1e-15);
}

void TstQaoaKernels::expectationMatchesSum()
{
    for (unsigned n : {1u, 3u, 7u, 15u}) {
        sim_test::forEachSimdLevel([&](SimdLevel) {
            const EnergyDiagonal<double> dd = randomDiagonal<double>(n, n + 100);
            const EnergyDiagonal<float> df = randomDiagonal<float>(n, n + 100);
            const StateVector<double> d = randomState<double>(n, n);
            const StateVector<float> f = randomState<float>(n, n);
            double sumD = 0.0;
            double sumF = 0.0;
            for (std::uint64_t z = 0; z < d.size(); ++z) {
                sumD += std::norm(d.amplitudes()[z]) * dd[z];
                sumF += std::norm(std::complex<double>(f.amplitudes()[z])) * df[z];
            }
            QAOA_COMPARE_NEAR(engine::expectationOfDiagonal(d, dd), sumD, 1e-12);
            QAOA_COMPARE_NEAR(engine::expectationOfDiagonal(f, df), sumF, 1e-5);
        });
    }
}

void TstQaoaKernels::canonicalInstance()
{
    // algorithms.md 2.1: n = 3, H = 0.5 Z0 - 0.3 Z1 + 1.0 Z0Z1 - 0.7 Z1Z2 + 0.2 Z0Z2, gamma 0.4, beta 0.25, p = 1
    // from |+>: <H> = 0.8182966961.
    engine::IsingModel ising;
    ising.h = {0.5, -0.3, 0.0};
    ising.J = {{0, 1, 1.0}, {0, 2, 0.2}, {1, 2, -0.7}};
    const engine::QuboModel qubo = engine::toQubo(ising);
    sim_test::forEachSimdLevel([&](SimdLevel) {
        const EnergyDiagonal<double> dd = engine::buildEnergyDiagonal<double>(qubo);
        StateVector<double> d(3);
        d.setUniform();
        engine::applyQaoaLayer(d, dd, 0.4, 0.25);
        QAOA_COMPARE_NEAR(engine::expectationOfDiagonal(d, dd), 0.8182966961, 1e-9);

        const EnergyDiagonal<float> df = engine::buildEnergyDiagonal<float>(qubo);
        StateVector<float> f(3);
        f.setUniform();
        engine::applyQaoaLayer(f, df, 0.4, 0.25);
        QAOA_COMPARE_NEAR(engine::expectationOfDiagonal(f, df), 0.8182966961, 1e-5);
    });
}

void TstQaoaKernels::invalidArguments()
{
    StateVector<double> s(4);
    const EnergyDiagonal<double> wrong(8, 0.0);
    const EnergyDiagonal<double> right(16, 0.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyCostPhase(s, wrong, 0.1));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyQaoaLayer(s, wrong, 0.1, 0.2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::expectationOfDiagonal(s, wrong));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyQaoaLayer(s, right, std::nan(""), 0.2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyXMixer(s, INFINITY));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyXYPair(s, 1, 1, 0.2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyXYPair(s, 0, 4, 0.2));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::applyQaoaLayer(s, right, 0.1, 0.2, -1));
    // Nothing was changed by the refused calls.
    QCOMPARE(s.amplitudes()[0], std::complex<double>(1.0));
}

QTEST_APPLESS_MAIN(TstQaoaKernels)
#include "qaoa_kernels.test.moc"
