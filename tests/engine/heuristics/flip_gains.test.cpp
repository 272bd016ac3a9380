// SPDX-License-Identifier: MIT
// Tests of the incremental flip gains against energies recomputed from scratch after random flips.
#include "heuristics/flip_gains.h"

#include <QtTest>

#include "test_support.h"

#include "qubo/qubo_generator.h"

#include <random>

using namespace engine;

namespace {

// Slow and obvious: the gain of flipping k is energy(x) - energy(x with x_k flipped), two full evaluations.
double gainFromScratch(const QuboModel& q, Bits x, std::size_t k)
{
    const double before = q.energy(x);
    x[k] ^= 1;
    return before - q.energy(x);
}

} // namespace

class TstFlipGains : public QObject {
    Q_OBJECT

private slots:
    void gainsMatchEnergiesAfterRandomFlips_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("density");
        QTest::addColumn<bool>("integer");
        QTest::addColumn<double>("offset");
        QTest::newRow("n1") << 1 << 0.0 << false << 0.0;
        QTest::newRow("n2 dense") << 2 << 1.0 << true << 3.0;
        QTest::newRow("n12 real") << 12 << 0.5 << false << -1.5;
        QTest::newRow("n40 sparse integer") << 40 << 0.1 << true << 0.0;
        QTest::newRow("n60 dense real") << 60 << 0.9 << false << 7.25;
    }

    void gainsMatchEnergiesAfterRandomFlips()
    {
        // Pass rule: after loading a random start and after each of 200 random flips, every gain equals the
        // from-scratch energy difference and f equals -energy(x), within 1e-9 relative (exact for integers).
        QFETCH(int, n);
        QFETCH(double, density);
        QFETCH(bool, integer);
        QFETCH(double, offset);
        RandomQuboOptions options;
        options.numVariables = static_cast<std::size_t>(n);
        options.density = density;
        options.integer = integer;
        options.low = integer ? -5.0 : -1.0;
        options.high = integer ? 5.0 : 1.0;
        options.seed = static_cast<std::uint64_t>(n) * 7 + 1;
        QuboModel q = randomQubo(options);
        q.addOffset(offset);
        const MaximisedQubo form(q);
        FlipGains gains(form);

        std::mt19937_64 rng(99);
        Bits x(static_cast<std::size_t>(n));
        for (auto& b : x)
            b = static_cast<std::uint8_t>(rng() & 1U);
        gains.load(x);
        const double tol = integer ? 0.0 : 1e-9;
        for (int step = 0; step <= 200; ++step) {
            if (step > 0) {
                const std::size_t k = static_cast<std::size_t>(rng() % static_cast<std::uint64_t>(n));
                gains.flip(k);
                x[k] ^= 1;
            }
            QVERIFY(gains.state() == x);
            QAOA_COMPARE_NEAR(gains.value(), -q.energy(x), tol);
            for (std::size_t k = 0; k < x.size(); ++k)
                QAOA_COMPARE_NEAR(gains.gain(k), gainFromScratch(q, x, k), tol);
        }
    }

    void touchedHookSeesTheFlippedVariableAndEveryNeighbour()
    {
        QuboModel q(4);
        q.addQuadratic(0, 1, 2.0);
        q.addQuadratic(0, 3, -1.0);
        q.addLinear(2, 1.0);
        const MaximisedQubo form(q);
        FlipGains gains(form);
        gains.load(Bits{0, 1, 0, 1});
        std::vector<std::size_t> seen;
        gains.flip(0, [&](std::size_t j) { seen.push_back(j); });
        QCOMPARE(seen, (std::vector<std::size_t>{0, 1, 3}));
        // x = 1101: energy = b01 + b03 = 2 - 1 = 1; flipping 1 removes b01 = 2 -> gain 2.
        QCOMPARE(gains.value(), -1.0);
        QCOMPARE(gains.gain(1), 2.0);
        QCOMPARE(gains.gain(2), -1.0);
    }

    void maximisedFormNegatesTheQubo()
    {
        QuboModel q(3);
        q.addLinear(0, 1.5);
        q.addQuadratic(1, 2, -4.0);
        q.addOffset(2.0);
        const MaximisedQubo form(q);
        QCOMPARE(form.n, std::size_t{3});
        QCOMPARE(form.constant, -2.0);
        QCOMPARE(form.linear, (std::vector<double>{-1.5, 0.0, 0.0}));
        QCOMPARE(form.offsets, (std::vector<std::size_t>{0, 0, 1, 2}));
        QCOMPARE(form.columns, (std::vector<std::uint32_t>{2, 1}));
        QCOMPARE(form.values, (std::vector<double>{4.0, 4.0}));
    }
};

QTEST_APPLESS_MAIN(TstFlipGains)
#include "flip_gains.test.moc"
