// SPDX-License-Identifier: MIT
// Tests of the exact QUBO <-> Ising conversion: energies agree on every bitstring, round trips, MIS cross-check.
#include "qubo/ising_model.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "qubo/qubo_generator.h"

#include <random>
#include <utility>
#include <vector>

using engine::Bits;
using engine::IsingModel;
using engine::QuboModel;

namespace {

QuboModel randomQubo(std::size_t n, double density, std::uint64_t seed)
{
    engine::RandomQuboOptions o;
    o.numVariables = n;
    o.density = density;
    o.low = -3.0;
    o.high = 3.0;
    o.seed = seed;
    QuboModel q = engine::randomQubo(o);
    q.addOffset(0.75);
    return q;
}

} // namespace

class TstIsingModel : public QObject {
    Q_OBJECT

private slots:
    void energiesAgreeOnAllBitstrings_data();
    void energiesAgreeOnAllBitstrings();
    void coefficientsMatchFormulas();
    void quboIsingQuboRoundTrip();
    void isingToQuboEnergiesAgree();
    void misCrossCheck();
    void spinConvention();
    void spinCountChecked();
};

void TstIsingModel::energiesAgreeOnAllBitstrings_data()
{
    QTest::addColumn<double>("density");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("sparse") << 0.2 << quint64(1);
    QTest::newRow("half") << 0.5 << quint64(2);
    QTest::newRow("dense") << 1.0 << quint64(3);
    QTest::newRow("dense-2") << 1.0 << quint64(4);
}

void TstIsingModel::energiesAgreeOnAllBitstrings()
{
    QFETCH(double, density);
    QFETCH(quint64, seed);
    const QuboModel q = randomQubo(8, density, seed);
    const IsingModel ising = engine::toIsing(q);
    QCOMPARE(ising.numSpins(), std::size_t{8});
    for (std::uint64_t index = 0; index < 256; ++index) {
        const Bits x = engine::bitsFromIndex(index, 8);
        QAOA_COMPARE_NEAR(ising.energyOfBits(x), q.energy(x), 1e-9);
    }
}

void TstIsingModel::coefficientsMatchFormulas()
{
    // algorithms.md 1.2 written out with a dense loop over all pairs.
    const QuboModel q = randomQubo(7, 0.6, 11);
    const IsingModel ising = engine::toIsing(q);
    const std::size_t n = q.numVariables();
    double offset = q.offset();
    for (std::size_t i = 0; i < n; ++i) {
        double h = -q.linear(i) / 2.0;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i)
                h -= q.quadratic(i, j) / 4.0;
        QAOA_COMPARE_NEAR(ising.h[i], h, 1e-12);
        offset += q.linear(i) / 2.0;
        for (std::size_t j = i + 1; j < n; ++j)
            offset += q.quadratic(i, j) / 4.0;
    }
    QAOA_COMPARE_NEAR(ising.offset, offset, 1e-12);
    QCOMPARE(ising.J.size(), q.numQuadraticTerms());
    for (std::size_t k = 0; k < ising.J.size(); ++k) {
        const auto& t = ising.J[k];
        QVERIFY(t.i < t.j);
        if (k > 0)
            QVERIFY(std::pair(ising.J[k - 1].i, ising.J[k - 1].j) < std::pair(t.i, t.j));
        QAOA_COMPARE_NEAR(t.value, q.quadratic(t.i, t.j) / 4.0, 1e-15);
    }
}

void TstIsingModel::quboIsingQuboRoundTrip()
{
    for (std::uint64_t seed = 20; seed < 25; ++seed) {
        const QuboModel q = randomQubo(9, 0.5, seed);
        const QuboModel back = engine::toQubo(engine::toIsing(q));
        QCOMPARE(back.numVariables(), q.numVariables());
        QAOA_COMPARE_NEAR(back.offset(), q.offset(), 1e-12);
        for (std::size_t i = 0; i < q.numVariables(); ++i) {
            QAOA_COMPARE_NEAR(back.linear(i), q.linear(i), 1e-12);
            for (std::size_t j = i + 1; j < q.numVariables(); ++j)
                QAOA_COMPARE_NEAR(back.quadratic(i, j), q.quadratic(i, j), 1e-12);
        }
    }
}

void TstIsingModel::isingToQuboEnergiesAgree()
{
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> coef(-1.0, 1.0);
    IsingModel ising;
    ising.h.resize(6);
    for (double& h : ising.h)
        h = coef(rng);
    for (std::uint32_t i = 0; i < 6; ++i)
        for (std::uint32_t j = i + 1; j < 6; ++j)
            if (rng() % 2)
                ising.J.push_back({i, j, coef(rng)});
    ising.offset = -0.3;
    const QuboModel q = engine::toQubo(ising);
    for (std::uint64_t index = 0; index < 64; ++index) {
        const Bits x = engine::bitsFromIndex(index, 6);
        QAOA_COMPARE_NEAR(q.energy(x), ising.energyOfBits(x), 1e-12);
    }
}

void TstIsingModel::misCrossCheck()
{
    // Phasecraft Eq. (12): maximise sum x_i - lambda sum_E x_i x_j, i.e. minimise a_i = -1, b_ij = lambda,
    // gives J_ij = lambda / 4 and h_i = 1/2 - lambda d_i / 4.
    const double lambda = 3.0;
    const std::vector<std::pair<int, int>> edges{{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}, {3, 4}};
    QuboModel q(5);
    std::vector<int> degree(5, 0);
    for (int i = 0; i < 5; ++i)
        q.addLinear(static_cast<std::size_t>(i), -1.0);
    for (const auto& [u, v] : edges) {
        q.addQuadratic(static_cast<std::size_t>(u), static_cast<std::size_t>(v), lambda);
        ++degree[static_cast<std::size_t>(u)];
        ++degree[static_cast<std::size_t>(v)];
    }
    const IsingModel ising = engine::toIsing(q);
    QCOMPARE(ising.J.size(), edges.size());
    for (const auto& t : ising.J)
        QAOA_COMPARE_NEAR(t.value, lambda / 4.0, 1e-15);
    for (std::size_t i = 0; i < 5; ++i)
        QAOA_COMPARE_NEAR(ising.h[i], 0.5 - lambda * degree[i] / 4.0, 1e-15);
}

void TstIsingModel::spinConvention()
{
    // x = 0 <-> z = +1: a lone field h on spin 0 gives +h for bit 0 and -h for bit 1.
    IsingModel ising;
    ising.h = {2.0, 0.0};
    QCOMPARE(ising.energyOfBits(Bits{0, 0}), 2.0);
    QCOMPARE(ising.energyOfBits(Bits{1, 0}), -2.0);
    QCOMPARE(ising.energy({-1, 1}), -2.0);
}

void TstIsingModel::spinCountChecked()
{
    IsingModel ising;
    ising.h = {1.0, 1.0, 1.0};
    QVERIFY_THROWS_EXCEPTION(engine::Error, ising.energy({1, 1}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, ising.energyOfBits(Bits{1, 1, 1, 1}));
}

QTEST_APPLESS_MAIN(TstIsingModel)
#include "ising_model.test.moc"
