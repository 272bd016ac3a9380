// SPDX-License-Identifier: MIT
// Tests of the energy diagonal: every entry equals QuboModel::energy, across block boundaries and thread counts.
#include "sim/energy_diagonal.h"

#include <QtTest>

#include "test_support.h"

#include "core/bits.h"
#include "sim_test_helpers.h"

#include <random>

using engine::EnergyDiagonal;
using engine::QuboModel;

class TstEnergyDiagonal : public QObject {
    Q_OBJECT

private slots:
    void matchesQuboEnergy_data();
    void matchesQuboEnergy();
    void acrossBlockBoundary();
    void emptyModelIsOffset();
    void threadCountDoesNotChangeResult();
    void tooManyVariables();
};

void TstEnergyDiagonal::matchesQuboEnergy_data()
{
    QTest::addColumn<unsigned>("n");
    QTest::addColumn<double>("density");
    for (unsigned n : {1u, 2u, 3u, 5u, 8u, 11u, 14u}) {
        for (double density : {0.0, 0.3, 1.0})
            QTest::newRow(qPrintable(QStringLiteral("n=%1 density=%2").arg(n).arg(density))) << n << density;
    }
}

void TstEnergyDiagonal::matchesQuboEnergy()
{
    QFETCH(unsigned, n);
    QFETCH(double, density);
    const QuboModel q = sim_test::randomQubo(n, density, 1000 + n);
    const EnergyDiagonal<double> d = engine::buildEnergyDiagonal<double>(q);
    const EnergyDiagonal<float> f = engine::buildEnergyDiagonal<float>(q);
    QCOMPARE(d.size(), std::size_t{1} << n);
    QCOMPARE(f.size(), std::size_t{1} << n);
    for (std::uint64_t z = 0; z < d.size(); ++z) {
        const double e = q.energy(engine::bitsFromIndex(z, n));
        QAOA_COMPARE_NEAR(d[z], e, 1e-12);
        // Accumulated in double, rounded once to single precision.
        QCOMPARE(f[z], static_cast<float>(d[z]));
    }
}

void TstEnergyDiagonal::acrossBlockBoundary()
{
    // 17 variables: three bits above the 2^14 blocks, every high-low coupling kind present.
    const unsigned n = 17;
    const QuboModel q = sim_test::randomQubo(n, 0.5, 17);
    const EnergyDiagonal<double> d = engine::buildEnergyDiagonal<double>(q);
    std::mt19937_64 rng(4);
    for (int k = 0; k < 4000; ++k) {
        const std::uint64_t z = rng() & ((std::uint64_t{1} << n) - 1);
        QAOA_COMPARE_NEAR(d[z], q.energy(engine::bitsFromIndex(z, n)), 1e-12);
    }
    const std::uint64_t last = (std::uint64_t{1} << n) - 1;
    QAOA_COMPARE_NEAR(d[last], q.energy(engine::bitsFromIndex(last, n)), 1e-12);
    QAOA_COMPARE_NEAR(d[0], q.offset(), 0.0);
}

void TstEnergyDiagonal::emptyModelIsOffset()
{
    QuboModel q;
    q.addOffset(2.5);
    const EnergyDiagonal<double> d = engine::buildEnergyDiagonal<double>(q);
    QCOMPARE(d.size(), std::size_t{1});
    QCOMPARE(d[0], 2.5);
}

void TstEnergyDiagonal::threadCountDoesNotChangeResult()
{
    const QuboModel q = sim_test::randomQubo(16, 0.4, 8);
    QVERIFY(engine::buildEnergyDiagonal<double>(q, 1) == engine::buildEnergyDiagonal<double>(q, 2));
    QVERIFY(engine::buildEnergyDiagonal<float>(q, 1) == engine::buildEnergyDiagonal<float>(q, 2));
}

void TstEnergyDiagonal::tooManyVariables()
{
    const QuboModel q(engine::MAX_STATE_VECTOR_QUBITS + 1);
    try {
        engine::buildEnergyDiagonal<double>(q);
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::buildEnergyDiagonal<float>(q, -1));
}

QTEST_APPLESS_MAIN(TstEnergyDiagonal)
#include "energy_diagonal.test.moc"
