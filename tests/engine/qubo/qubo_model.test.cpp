// SPDX-License-Identifier: MIT
// Tests of QuboModel against a dense upper-triangular reference built alongside it.
#include "qubo/qubo_model.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using engine::Bits;
using engine::QuboModel;

namespace {

/// Dense reference: f(x) = f0 + sum_i a_i x_i + sum_{i<j} U[i][j] x_i x_j.
struct DenseQubo {
    explicit DenseQubo(std::size_t n) : a(n, 0.0), U(n, std::vector<double>(n, 0.0)) {}
    double f0 = 0.0;
    std::vector<double> a;
    std::vector<std::vector<double>> U;

    double energy(const Bits& x) const
    {
        double e = f0;
        for (std::size_t i = 0; i < a.size(); ++i)
            for (std::size_t j = i; j < a.size(); ++j)
                if (x[i] && x[j])
                    e += i == j ? a[i] : U[i][j];
        return e;
    }
};

/// Builds a random model through the public API (random order, duplicates, i > j and i == j calls) and the
/// dense reference from the same calls.
std::pair<QuboModel, DenseQubo> randomPair(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> coef(-2.0, 2.0);
    std::uniform_int_distribution<std::size_t> var(0, n - 1);
    QuboModel q(n);
    DenseQubo d(n);
    for (std::size_t k = 0; k < 3 * n; ++k) {
        const std::size_t i = var(rng);
        const double v = coef(rng);
        q.addLinear(i, v);
        d.a[i] += v;
    }
    for (std::size_t k = 0; k < 2 * n * n / 3 + 1; ++k) {
        const std::size_t i = var(rng);
        const std::size_t j = var(rng);
        const double v = coef(rng);
        q.addQuadratic(i, j, v);
        if (i == j)
            d.a[i] += v;
        else
            d.U[std::min(i, j)][std::max(i, j)] += v;
    }
    const double off = coef(rng);
    q.addOffset(off);
    d.f0 += off;
    return {std::move(q), std::move(d)};
}

Bits randomBits(std::size_t n, std::mt19937_64& rng)
{
    Bits x(n);
    for (auto& b : x)
        b = static_cast<std::uint8_t>(rng() & 1U);
    return x;
}

} // namespace

class TstQuboModel : public QObject {
    Q_OBJECT

private slots:
    void energyMatchesDenseReference_data();
    void energyMatchesDenseReference();
    void flipDeltaMatchesEnergyDifference();
    void duplicateAddsAccumulate();
    void diagonalFoldsIntoLinear();
    void quadraticTermsSortedAndCounted();
    void outOfRangeRejected();
    void nonFiniteRejected();
    void energySizeChecked();
    void resizeGrowsOnly();
    void namesAndEquality();
    void maxAbsCoefficient();
};

void TstQuboModel::energyMatchesDenseReference_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("n1") << 1 << quint64(1);
    QTest::newRow("n5") << 5 << quint64(2);
    QTest::newRow("n10") << 10 << quint64(3);
    QTest::newRow("n23") << 23 << quint64(4);
}

void TstQuboModel::energyMatchesDenseReference()
{
    QFETCH(int, n);
    QFETCH(quint64, seed);
    const auto [q, d] = randomPair(static_cast<std::size_t>(n), seed);
    std::mt19937_64 rng(seed + 100);
    for (int t = 0; t < 200; ++t) {
        const Bits x = randomBits(static_cast<std::size_t>(n), rng);
        QAOA_COMPARE_NEAR(q.energy(x), d.energy(x), 1e-12);
    }
    QAOA_COMPARE_NEAR(q.energy(Bits(static_cast<std::size_t>(n), 0)), d.f0, 1e-15);
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
        QAOA_COMPARE_NEAR(q.linear(i), d.a[i], 1e-12);
        for (std::size_t j = i + 1; j < static_cast<std::size_t>(n); ++j) {
            QAOA_COMPARE_NEAR(q.quadratic(i, j), d.U[i][j], 1e-12);
            QCOMPARE(q.quadratic(i, j), q.quadratic(j, i));
        }
    }
}

void TstQuboModel::flipDeltaMatchesEnergyDifference()
{
    for (std::uint64_t seed = 10; seed < 16; ++seed) {
        const std::size_t n = 4 + seed % 9;
        const auto [q, d] = randomPair(n, seed);
        std::mt19937_64 rng(seed);
        for (int t = 0; t < 20; ++t) {
            const Bits x = randomBits(n, rng);
            for (std::size_t i = 0; i < n; ++i) {
                Bits y = x;
                y[i] ^= 1U;
                QAOA_COMPARE_NEAR(q.flipDelta(x, i), d.energy(y) - d.energy(x), 1e-12);
            }
        }
    }
}

void TstQuboModel::duplicateAddsAccumulate()
{
    QuboModel q(3);
    q.addQuadratic(0, 2, 1.5);
    q.addQuadratic(2, 0, 2.0);
    q.addQuadratic(0, 2, -0.25);
    q.addLinear(1, 1.0);
    q.addLinear(1, 2.0);
    q.addOffset(1.0);
    q.addOffset(0.5);
    QCOMPARE(q.quadratic(0, 2), 3.25);
    QCOMPARE(q.numQuadraticTerms(), std::size_t{1});
    QCOMPARE(q.linear(1), 3.0);
    QCOMPARE(q.offset(), 1.5);
    QCOMPARE(q.energy(Bits{1, 1, 1}), 1.5 + 3.0 + 3.25);
}

void TstQuboModel::diagonalFoldsIntoLinear()
{
    QuboModel q(2);
    q.addQuadratic(1, 1, 4.0);
    QCOMPARE(q.linear(1), 4.0);
    QCOMPARE(q.numQuadraticTerms(), std::size_t{0});
    QCOMPARE(q.quadratic(1, 1), 0.0);
    QCOMPARE(q.energy(Bits{0, 1}), 4.0);
}

void TstQuboModel::quadraticTermsSortedAndCounted()
{
    QuboModel q(5);
    q.addQuadratic(3, 4, 1.0);
    q.addQuadratic(2, 0, 2.0);
    q.addQuadratic(1, 3, 3.0);
    q.addQuadratic(0, 1, 4.0);
    q.addQuadratic(0, 1, -4.0);  // cancels to zero but stays stored
    const auto terms = q.quadraticTerms();
    QCOMPARE(terms.size(), std::size_t{4});
    QCOMPARE(q.numQuadraticTerms(), std::size_t{4});
    for (std::size_t k = 0; k < terms.size(); ++k) {
        QVERIFY(terms[k].i < terms[k].j);
        if (k > 0)
            QVERIFY(std::pair(terms[k - 1].i, terms[k - 1].j) < std::pair(terms[k].i, terms[k].j));
    }
    QCOMPARE(terms[1].i, 0U);
    QCOMPARE(terms[1].j, 2U);
    QCOMPARE(terms[1].value, 2.0);
    // Adjacency lists are sorted and hold each pair from both ends.
    QCOMPARE(q.neighbors(3).size(), std::size_t{2});
    QCOMPARE(q.neighbors(3)[0].index, 1U);
    QCOMPARE(q.neighbors(3)[1].index, 4U);
}

void TstQuboModel::outOfRangeRejected()
{
    QuboModel q(3);
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addLinear(3, 1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addQuadratic(0, 3, 1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addQuadratic(7, 1, 1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addQuadratic(5, 5, 1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.setVariableName(3, "x"));
    try {
        q.addLinear(9, 1.0);
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
    }
    QCOMPARE(q.numQuadraticTerms(), std::size_t{0});
    QCOMPARE(q.quadratic(0, 9), 0.0);
}

void TstQuboModel::nonFiniteRejected()
{
    QuboModel q(2);
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addLinear(0, nan));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addLinear(0, inf));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addQuadratic(0, 1, -inf));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addQuadratic(1, 1, nan));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.addOffset(nan));
    QCOMPARE(q.linear(0), 0.0);
    QCOMPARE(q.offset(), 0.0);
    QCOMPARE(q.numQuadraticTerms(), std::size_t{0});
}

void TstQuboModel::energySizeChecked()
{
    QuboModel q(3);
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.energy(Bits{1, 0}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, q.energy(Bits{1, 0, 0, 0}));
}

void TstQuboModel::resizeGrowsOnly()
{
    QuboModel q(2);
    q.addLinear(1, 2.0);
    q.setVariableName(0, "a");
    q.resize(4);
    QCOMPARE(q.numVariables(), std::size_t{4});
    QCOMPARE(q.linear(1), 2.0);
    QCOMPARE(q.linear(3), 0.0);
    QCOMPARE(q.variableName(3), std::string("x3"));
    q.addQuadratic(1, 3, 1.0);
    q.resize(1);
    QCOMPARE(q.numVariables(), std::size_t{4});
    QCOMPARE(q.energy(Bits{0, 1, 0, 1}), 3.0);
}

void TstQuboModel::namesAndEquality()
{
    QuboModel a(3);
    QVERIFY(!a.hasVariableNames());
    QCOMPARE(a.variableName(2), std::string("x2"));
    a.setVariableName(1, "slack[0]");
    QVERIFY(a.hasVariableNames());
    QCOMPARE(a.variableName(1), std::string("slack[0]"));
    QCOMPARE(a.variableName(0), std::string("x0"));

    QuboModel b(3);
    QuboModel c(3);
    b.addQuadratic(0, 1, 1.0);
    c.addQuadratic(1, 0, 1.0);
    c.addQuadratic(1, 2, 0.0);  // explicit zero entries are ignored by ==
    QVERIFY(b == c);
    c.addLinear(2, 1e-9);
    QVERIFY(!(b == c));
    QVERIFY(!(QuboModel(2) == QuboModel(3)));
    QuboModel d(3);
    d.addOffset(1.0);
    QVERIFY(!(QuboModel(3) == d));
}

void TstQuboModel::maxAbsCoefficient()
{
    QCOMPARE(QuboModel().maxAbsCoefficient(), 0.0);
    QuboModel q(3);
    q.addLinear(0, -2.0);
    q.addQuadratic(1, 2, -7.5);
    q.addOffset(100.0);  // the offset is not a coefficient
    QCOMPARE(q.maxAbsCoefficient(), 7.5);
}

QTEST_APPLESS_MAIN(TstQuboModel)
#include "qubo_model.test.moc"
