// SPDX-License-Identifier: MIT
// Tests of single-flip QUBO simulated annealing: optimum on small QUBOs, local fields, reproducibility, cancel.
#include "solvers/qubo_annealer.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "qubo/qubo_generator.h"
#include "solvers/brute_force.h"

#include <cmath>
#include <limits>

using namespace engine;

namespace {

QuboModel makeQubo(std::size_t n, std::uint64_t seed, double density = 0.5)
{
    RandomQuboOptions options;
    options.numVariables = n;
    options.density = density;
    options.seed = seed;
    return randomQubo(options);
}

} // namespace

class TstQuboAnnealer : public QObject {
    Q_OBJECT

private slots:
    void findsBruteForceOptimum()
    {
        // Pass rule: 20 random 14-variable QUBOs (density 0.5, coefficients uniform in [-1, 1), seeds 1..20),
        // default options (1000 sweeps, automatic temperatures, one restart, seed = QUBO seed): at least 18 of
        // 20 runs must end at the brute-force minimum (within 1e-9).
        int hits = 0;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            const QuboModel q = makeQubo(14, seed);
            QuboAnnealingOptions options;
            options.seed = seed;
            const SolverResult r = solveQuboAnnealing(q, options);
            if (test_support::near(r.objective, solveQuboBruteForce(q, 1).objective, 1e-9))
                ++hits;
        }
        qInfo("SA reached the brute-force minimum on %d of 20 QUBOs", hits);
        QVERIFY2(hits >= 18, qPrintable(QString::number(hits)));
    }

    void objectiveMatchesEnergyAndTrace()
    {
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const QuboModel q = makeQubo(30, seed, 0.2);
            QuboAnnealingOptions options;
            options.seed = seed;
            options.sweeps = 200;
            options.restarts = 2;
            const SolverResult r = solveQuboAnnealing(q, options);
            QCOMPARE(r.bits.size(), std::size_t{30});
            QAOA_COMPARE_NEAR(r.objective, q.energy(r.bits), 1e-12);
            QCOMPARE(r.iterations, std::uint64_t{200 * 30 * 2});
            QVERIFY(!r.trace.empty());
            for (std::size_t t = 1; t < r.trace.size(); ++t)
                QVERIFY(r.trace[t] <= r.trace[t - 1]);
            QAOA_COMPARE_NEAR(r.trace.back(), r.objective, 1e-9);
        }
    }

    void zeroTemperatureEndsInLocalMinimum()
    {
        // At a vanishing temperature only downhill flips are taken, so after enough sweeps the best state is a
        // local minimum: checks the incremental local fields against QuboModel::flipDelta.
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const QuboModel q = makeQubo(60, seed, 0.3);
            QuboAnnealingOptions options;
            options.seed = seed;
            options.sweeps = 200;
            options.initialTemperature = 1e-12;
            options.finalTemperature = 1e-12;
            const SolverResult r = solveQuboAnnealing(q, options);
            for (std::size_t i = 0; i < q.numVariables(); ++i)
                QVERIFY2(q.flipDelta(r.bits, i) >= -1e-12, qPrintable(QString::number(q.flipDelta(r.bits, i))));
        }
    }

    void reproducibleForSeed()
    {
        const QuboModel q = makeQubo(40, 77, 0.3);
        QuboAnnealingOptions options;
        options.seed = 99;
        options.sweeps = 100;
        const SolverResult a = solveQuboAnnealing(q, options);
        const SolverResult b = solveQuboAnnealing(q, options);
        QCOMPARE(a.bits, b.bits);
        QCOMPARE(a.objective, b.objective);
        QCOMPARE(a.trace, b.trace);
        QCOMPARE(a.status, SolverStatus::Feasible);
        QCOMPARE(a.solver, std::string("sa"));
    }

    void traceStaysSmall()
    {
        QuboAnnealingOptions options;
        options.sweeps = 100;
        options.restarts = 50;
        const SolverResult r = solveQuboAnnealing(makeQubo(10, 2), options);
        QVERIFY(r.trace.size() >= 200 && r.trace.size() <= 257);
    }

    void emptyModel()
    {
        QuboModel q;
        q.addOffset(2.0);
        const SolverResult r = solveQuboAnnealing(q);
        QCOMPARE(r.objective, 2.0);
        QVERIFY(r.bits.empty());
    }

    void cancelReturnsSolution()
    {
        const QuboModel q = makeQubo(50, 4, 0.2);
        QuboAnnealingOptions options;
        options.sweeps = 1'000'000;
        RunControl control;
        int polls = 0;
        control.setCancelCallback([&] { return ++polls >= 5; });
        const SolverResult r = solveQuboAnnealing(q, options, control);
        QCOMPARE(r.status, SolverStatus::Cancelled);
        QCOMPARE(r.bits.size(), std::size_t{50});
        QCOMPARE(r.iterations, std::uint64_t{5 * 50});
        QAOA_COMPARE_NEAR(r.objective, q.energy(r.bits), 1e-12);
    }

    void invalidOptions_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("sweeps 0") << 0;
        QTest::newRow("restarts 0") << 1;
        QTest::newRow("T0 infinite") << 2;
        QTest::newRow("T1 NaN") << 3;
    }

    void invalidOptions()
    {
        QFETCH(int, which);
        QuboAnnealingOptions options;
        switch (which) {
        case 0: options.sweeps = 0; break;
        case 1: options.restarts = 0; break;
        case 2: options.initialTemperature = std::numeric_limits<double>::infinity(); break;
        default: options.finalTemperature = std::numeric_limits<double>::quiet_NaN(); break;
        }
        try {
            solveQuboAnnealing(makeQubo(5, 1), options);
            QFAIL("expected InvalidArgument");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        }
    }
};

QTEST_APPLESS_MAIN(TstQuboAnnealer)
#include "qubo_annealer.test.moc"
