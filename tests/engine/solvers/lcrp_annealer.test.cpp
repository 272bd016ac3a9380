// SPDX-License-Identifier: MIT
// Tests of LCRP simulated annealing: reproducibility, the O(1) deltas, reaching the optimum, cancel, options.
#include "solvers/lcrp_annealer.h"

#include <QtTest>

#include "lcrp_test_instances.h"
#include "test_support.h"

#include "core/error.h"
#include "solvers/brute_force.h"
#include "solvers/lcrp_greedy.h"

#include <cmath>
#include <limits>
#include <random>

using namespace engine;
using test_support::lcrpSizes;
using test_support::randomLcrpInstance;

class TstLcrpAnnealer : public QObject {
    Q_OBJECT

private slots:
    void reproducibleForSeed()
    {
        std::mt19937_64 rng(11);
        const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(8, 8, 4, 4));
        LcrpAnnealingOptions options;
        options.seed = 1234;
        options.restarts = 2;
        const SolverResult a = solveLcrpAnnealing(inst, options);
        const SolverResult b = solveLcrpAnnealing(inst, options);
        QCOMPARE(a.assignment, b.assignment);
        QCOMPARE(a.objective, b.objective);
        QCOMPARE(a.trace, b.trace);
        QCOMPARE(a.iterations, std::uint64_t{4000});
        QCOMPARE(a.solver, std::string("sa"));
        QCOMPARE(a.status, SolverStatus::Feasible);
    }

    void objectiveIsTheDirectObjective()
    {
        // The incremental deltas must agree with a from-scratch evaluation: the reported objective is the
        // table's value of the returned assignment and never below the brute-force optimum; the trace is the
        // running best, so it never increases and ends at the objective.
        std::mt19937_64 rng(12);
        for (int k = 0; k < 40; ++k) {
            const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(1, 6, 1, 5));
            const LcrpObjectiveKind kind = k % 2 ? LcrpObjectiveKind::Exact : LcrpObjectiveKind::ReferenceV2;
            LcrpAnnealingOptions options;
            options.seed = std::uint64_t(k);
            options.objective = kind;
            options.steps = 500;
            const SolverResult r = solveLcrpAnnealing(inst, options);
            const LcrpObjectiveTable table = makeObjectiveTable(inst, kind);
            QCOMPARE(r.assignment.size(), inst.numTasks());
            QAOA_COMPARE_NEAR(r.objective, table.ofAssignment(r.assignment), 1e-12);
            QVERIFY(r.objective >= solveLcrpBruteForce(inst, kind).objective - 1e-12);
            QVERIFY(!r.trace.empty());
            for (std::size_t t = 1; t < r.trace.size(); ++t)
                QVERIFY(r.trace[t] <= r.trace[t - 1]);
            QAOA_COMPARE_NEAR(r.trace.back(), r.objective, 1e-9);
            QCOMPARE(r.bits.size(), inst.numAssignmentVariables());
        }
    }

    void reachesBruteForceOptimum()
    {
        // Pass rule: 30 random instances (N in [3, 6], M in [2, 4], at most 4096 assignments), paper schedule
        // (2000 steps, T 50 -> 0.1), one run each with seed k: at least 27 of 30 must reach the brute-force
        // optimum (within 1e-9).
        std::mt19937_64 rng(2024);
        int hits = 0;
        const int runs = 30;
        for (int k = 0; k < runs; ++k) {
            const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(3, 6, 2, 4));
            LcrpAnnealingOptions options;
            options.seed = std::uint64_t(100 + k);
            const double best = solveLcrpBruteForce(inst).objective;
            const SolverResult r = solveLcrpAnnealing(inst, options);
            if (test_support::near(r.objective, best, 1e-9))
                ++hits;
        }
        qInfo("SA reached the brute-force optimum in %d of %d runs", hits, runs);
        QVERIFY2(hits >= 27, qPrintable(QString::number(hits)));
    }

    void greedyStartNeverWorseThanGreedy()
    {
        std::mt19937_64 rng(13);
        for (int k = 0; k < 20; ++k) {
            const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(4, 12, 2, 5));
            LcrpAnnealingOptions options;
            options.greedyStart = true;
            options.seed = std::uint64_t(k);
            options.steps = 300;
            const SolverResult r = solveLcrpAnnealing(inst, options);
            QVERIFY(r.objective <= solveLcrpGreedy(inst, GreedyVariant::Paper).objective + 1e-12);
        }
    }

    void traceStaysSmall()
    {
        std::mt19937_64 rng(16);
        const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(10, 10, 3, 3));
        LcrpAnnealingOptions options;
        options.restarts = 300;
        const SolverResult r = solveLcrpAnnealing(inst, options);
        QCOMPARE(r.iterations, std::uint64_t{600000});
        QVERIFY(r.trace.size() >= 200 && r.trace.size() <= 257);
    }

    void singleModelHasOneAssignment()
    {
        LcrpInstance inst;
        inst.models = {{"only", 1.0, 0.5, 10.0, 1e6}};
        inst.tasks = test_support::numberedTasks(3, 1, 500.0);
        const SolverResult r = solveLcrpAnnealing(inst);
        QCOMPARE(r.assignment, (std::vector<int>{0, 0, 0}));
    }

    void cancelReturnsSolution()
    {
        std::mt19937_64 rng(14);
        const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(20, 20, 5, 5));
        LcrpAnnealingOptions options;
        options.steps = 1'000'000;
        RunControl control;
        int polls = 0;
        control.setCancelCallback([&] { return ++polls >= 3; });
        const SolverResult r = solveLcrpAnnealing(inst, options, control);
        QCOMPARE(r.status, SolverStatus::Cancelled);
        QVERIFY(r.hasSolution());
        QCOMPARE(r.assignment.size(), inst.numTasks());
        QCOMPARE(r.iterations, std::uint64_t{3 * 1024});
        QAOA_COMPARE_NEAR(r.objective, makeObjectiveTable(inst, LcrpObjectiveKind::Exact).ofAssignment(r.assignment),
                          1e-12);
    }

    void invalidOptions_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("steps 0") << 0;
        QTest::newRow("T0 0") << 1;
        QTest::newRow("Tf negative") << 2;
        QTest::newRow("T0 NaN") << 3;
        QTest::newRow("restarts 0") << 4;
    }

    void invalidOptions()
    {
        QFETCH(int, which);
        std::mt19937_64 rng(15);
        const LcrpInstance inst = randomLcrpInstance(rng, lcrpSizes(2, 2, 2, 2));
        LcrpAnnealingOptions options;
        switch (which) {
        case 0: options.steps = 0; break;
        case 1: options.initialTemperature = 0.0; break;
        case 2: options.finalTemperature = -1.0; break;
        case 3: options.initialTemperature = std::numeric_limits<double>::quiet_NaN(); break;
        default: options.restarts = 0; break;
        }
        try {
            solveLcrpAnnealing(inst, options);
            QFAIL("expected InvalidArgument");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QVERIFY(!e.where().empty());
        }
    }
};

QTEST_APPLESS_MAIN(TstLcrpAnnealer)
#include "lcrp_annealer.test.moc"
