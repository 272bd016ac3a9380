// SPDX-License-Identifier: MIT
// Tests of the exact QUBO solver: CBC's optimum equals brute force on random QUBOs, Max-Cut and MIS, the
// incumbent hook, the time limit, cancel and argument checks.
#include "solvers/qubo_exact_solver.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "solvers/brute_force.h"

#include <random>

using namespace engine;
using test_support::near;

namespace {

QuboModel randomQubo(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> coef(-1.0, 1.0);
    std::bernoulli_distribution present(0.5);
    QuboModel q(n);
    for (std::size_t i = 0; i < n; ++i) {
        q.addLinear(i, coef(rng));
        for (std::size_t j = i + 1; j < n; ++j)
            if (present(rng))
                q.addQuadratic(i, j, coef(rng));
    }
    q.addOffset(0.75);
    return q;
}

} // namespace

class TstQuboExactSolver : public QObject {
    Q_OBJECT

private slots:
    void equalsBruteForceOnRandomQubos()
    {
        for (std::uint64_t seed = 1; seed <= 10; ++seed) {
            const QuboModel q = randomQubo(12, seed);
            const SolverResult exact = solveQuboExact(q);
            const SolverResult brute = solveQuboBruteForce(q);
            QCOMPARE(exact.status, SolverStatus::Optimal);
            QVERIFY(exact.provenOptimal);
            QVERIFY2(near(exact.objective, brute.objective, 1e-9), qPrintable(QString::number(seed)));
            QVERIFY(near(exact.objective, q.energy(exact.bits), 1e-12));
        }
    }

    void solvesMaxCutAndMis()
    {
        const WeightedGraph g = randomRegularGraph(16, 3, WeightKind::Unit, 4);
        const QuboModel cut = encodeMaxCut(g);
        QVERIFY(near(solveQuboExact(cut).objective, solveQuboBruteForce(cut).objective, 1e-9));
        const QuboModel mis = encodeMis(g);
        const SolverResult r = solveQuboExact(mis);
        QVERIFY(isIndependentSet(g, r.bits));
        QVERIFY(near(r.objective, solveQuboBruteForce(mis).objective, 1e-9));
    }

    void incumbentIsUsedAndNeverBeaten()
    {
        const QuboModel q = randomQubo(14, 77);
        const SolverResult brute = solveQuboBruteForce(q);
        QuboExactOptions options;
        options.incumbent = brute.bits;
        const SolverResult r = solveQuboExact(q, options);
        QVERIFY(r.provenOptimal);
        QVERIFY(near(r.objective, brute.objective, 1e-9));
    }

    void timeLimitReturnsBestWithoutProof()
    {
        // A dense +-1 (spin-glass) Max-Cut of 60 vertices: its LP bound is weak, far from proven in 0.3 s.
        const QuboModel q = encodeMaxCut(erdosRenyiGraph(60, 0.5, WeightKind::PlusMinusOne, 1));
        QuboExactOptions options;
        options.timeLimitSeconds = 0.3;
        options.incumbent = Bits(60, 0);
        const SolverResult r = solveQuboExact(q, options);
        QCOMPARE(r.status, SolverStatus::TimeLimit);
        QVERIFY(!r.provenOptimal);
        QCOMPARE(r.bits.size(), std::size_t(60));
        QVERIFY(r.objective <= 0.0);
        QVERIFY(r.seconds < 10.0);
        QVERIFY(!r.message.empty());
    }

    void emptyAndCancelled()
    {
        QuboModel empty(0);
        empty.addOffset(2.5);
        const SolverResult e = solveQuboExact(empty);
        QCOMPARE(e.status, SolverStatus::Optimal);
        QCOMPARE(e.objective, 2.5);

        RunControl control;
        control.requestCancel();
        const SolverResult c = solveQuboExact(randomQubo(6, 1), {}, control);
        QCOMPARE(c.status, SolverStatus::Cancelled);
        QVERIFY(c.bits.empty());
    }

    void rejectsBadArguments()
    {
        const QuboModel q = randomQubo(5, 2);
        QuboExactOptions options;
        options.timeLimitSeconds = 0.0;
        QVERIFY_THROWS_EXCEPTION(Error, solveQuboExact(q, options));
        options = {};
        options.incumbent = Bits(4, 0);
        QVERIFY_THROWS_EXCEPTION(Error, solveQuboExact(q, options));
        options.incumbent = Bits{0, 1, 2, 0, 0};
        try {
            solveQuboExact(q, options);
            QFAIL("no error");
        } catch (const Error& err) {
            QCOMPARE(QString::fromStdString(err.where()), QStringLiteral("incumbent[2]"));
        }
    }
};

QTEST_APPLESS_MAIN(TstQuboExactSolver)
#include "qubo_exact_solver.test.moc"
