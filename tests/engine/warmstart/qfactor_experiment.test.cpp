// SPDX-License-Identifier: MIT
// Tests of the Q-factor experiment: optimal pools give R_min(warm) = 1 and Q = R_min(random), random pools give
// Q near 1, runs match single heuristic calls, and progress, cancel, determinism and argument checks.
#include "warmstart/qfactor_experiment.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "qubo/qubo_generator.h"
#include "solvers/brute_force.h"

#include <cmath>
#include <limits>
#include <random>

using namespace engine;

namespace {

// An SK-type Max-Cut QUBO (complete graph, weights +-1, n = 18): small enough for brute force, frustrated enough
// that only about 37% of random starts reach the optimum in the first tabu iteration (measured, seed 5).
QuboModel testQubo()
{
    return encodeMaxCut(completeGraph(18, WeightKind::PlusMinusOne, 5));
}

std::vector<Bits> randomPool(std::size_t count, std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<Bits> pool(count, Bits(n));
    for (Bits& b : pool)
        for (auto& x : b)
            x = static_cast<std::uint8_t>(rng() & 1U);
    return pool;
}

QFactorExperimentOptions baseOptions(std::size_t runs, std::uint64_t cap)
{
    QFactorExperimentOptions o;
    o.runsPerStartType = runs;
    o.iterationCap = cap;
    o.seed = 17;
    o.bootstrapResamples = 500;
    return o;
}

} // namespace

class TstQFactorExperiment : public QObject {
    Q_OBJECT

private slots:
    void optimalPoolGivesMaximalQ()
    {
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        const QFactorExperimentOptions o = baseOptions(100, 200);
        const QFactorExperimentResult r = runQFactorExperiment(q, {opt.bits}, opt.objective, o);
        QVERIFY(!r.cancelled);
        QVERIFY(r.qfactor);
        QCOMPARE(r.randomFirstSuccess.size(), std::size_t(100));
        QCOMPARE(r.warmFirstSuccess.size(), std::size_t(100));
        for (double t : r.warmFirstSuccess)
            QCOMPARE(t, 1.0);
        QCOMPARE(r.qfactor->warm.value, 1.0);
        QCOMPARE(r.qfactor->kind, QFactorKind::Estimate);
        const MinimalRuntime random = minimalExpectedRuntime(r.randomFirstSuccess, 200);
        QCOMPARE(r.qfactor->q, random.value);
        QVERIFY(r.qfactor->q > 1.0);  // some random runs need more than one iteration, so the test can tell
        qInfo("optimal pool: Q = R_min(random) = %g (argmin %g, %zu/100 random successes)", r.qfactor->q,
              random.argmin, random.successes);
    }

    void warmRunsMatchSingleTabuCalls()
    {
        // With an in-order pool, warm run i is one independent STS from pool[i] (f* = f(start)), so it must give
        // the same t_i as a direct call with the same cap and target.
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        const std::vector<Bits> pool = randomPool(5, q.numVariables(), 8);
        const QFactorExperimentOptions o = baseOptions(5, 200);
        const QFactorExperimentResult r = runQFactorExperiment(q, pool, opt.objective, o);
        TabuSearchOptions s;
        s.maxIterations = 200;
        s.targetEnergy = opt.objective;
        for (std::size_t i = 0; i < pool.size(); ++i) {
            const HeuristicResult h = runTabuSearch(q, pool[i], s);
            const double t = h.targetIteration ? static_cast<double>(*h.targetIteration)
                                               : std::numeric_limits<double>::infinity();
            QCOMPARE(r.warmFirstSuccess[i], t);  // in-order pool: warm run i starts from pool[i]
        }
    }

    void randomPoolGivesQNearOne()
    {
        // A pool of uniform random strings is a random start by another name, so Q estimates 1. Seeded
        // (experiment seed 17, pool seed 5, 400 runs each, T_total = 200). Over 12 other seeds Q ranged over
        // [0.86, 1.12] (about 0.08 standard deviation); tolerance: 0.6 < Q < 1.6.
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        const std::vector<Bits> pool = randomPool(400, q.numVariables(), 5);
        const QFactorExperimentResult r = runQFactorExperiment(q, pool, opt.objective, baseOptions(400, 200));
        QVERIFY(r.qfactor && r.qfactor->interval);
        qInfo("random pool: Q = %g, 95%% interval [%g, %g], R_min random %g, warm %g", r.qfactor->q,
              r.qfactor->interval->lower, r.qfactor->interval->upper, r.qfactor->random.value,
              r.qfactor->warm.value);
        QVERIFY(r.qfactor->q > 0.6 && r.qfactor->q < 1.6);
        QVERIFY(r.qfactor->interval->lower <= r.qfactor->q && r.qfactor->q <= r.qfactor->interval->upper);
    }

    void vnsOptimalPool()
    {
        const WeightedGraph g = completeGraph(20, WeightKind::PlusMinusOne, 4);
        const SolverResult opt = solveQuboBruteForce(encodeMaxCut(g), 1);
        const double maxCut = cutValue(g, opt.bits);
        // A weak VNS (shakes of one or two vertices, no relinking) so that random starts need several iterations.
        QFactorExperimentOptions o = baseOptions(60, 50);
        o.vns.maxNeighbourhood = 2;
        o.vns.pathRelinking = false;
        const QFactorExperimentResult r = runQFactorExperiment(g, {opt.bits}, maxCut, o);
        QVERIFY(r.qfactor);
        for (double t : r.warmFirstSuccess)
            QCOMPARE(t, 1.0);
        QCOMPARE(r.qfactor->warm.value, 1.0);
        QCOMPARE(r.qfactor->q, minimalExpectedRuntime(r.randomFirstSuccess, 50).value);
        QVERIFY(r.qfactor->q > 1.0);
        qInfo("VNS optimal pool: Q = %g", r.qfactor->q);
    }

    void deterministicForASeed()
    {
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        const std::vector<Bits> pool = randomPool(7, q.numVariables(), 3);
        QFactorExperimentOptions o = baseOptions(30, 100);
        o.poolOrder = StartOrder::Random;
        const QFactorExperimentResult a = runQFactorExperiment(q, pool, opt.objective, o);
        const QFactorExperimentResult b = runQFactorExperiment(q, pool, opt.objective, o);
        QCOMPARE(a.randomFirstSuccess, b.randomFirstSuccess);
        QCOMPARE(a.warmFirstSuccess, b.warmFirstSuccess);
        QCOMPARE(a.qfactor->q, b.qfactor->q);
        QCOMPARE(a.qfactor->interval->lower, b.qfactor->interval->lower);
        o.seed = 18;
        const QFactorExperimentResult c = runQFactorExperiment(q, pool, opt.objective, o);
        QVERIFY(c.randomFirstSuccess != a.randomFirstSuccess);
    }

    void progressAndCancel()
    {
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        RunControl control;
        std::vector<double> done;
        std::vector<std::string> stages;
        control.setProgressCallback([&](double d, double total, std::string_view stage) {
            QCOMPARE(total, 20.0);
            done.push_back(d);
            stages.emplace_back(stage);
        });
        const QFactorExperimentResult r = runQFactorExperiment(q, {opt.bits}, opt.objective, baseOptions(10, 50),
                                                               control);
        QCOMPARE(done.size(), std::size_t(20));
        for (std::size_t i = 0; i < done.size(); ++i)
            QCOMPARE(done[i], static_cast<double>(i + 1));
        QCOMPARE(stages.front(), std::string("random starts"));
        QCOMPARE(stages.back(), std::string("warm starts"));

        // VNS reports its own progress per outer iteration; the experiment must not pass that through.
        const WeightedGraph g = completeGraph(12, WeightKind::PlusMinusOne, 4);
        const SolverResult cut = solveQuboBruteForce(encodeMaxCut(g), 1);
        done.clear();
        runQFactorExperiment(g, {cut.bits}, cutValue(g, cut.bits), baseOptions(10, 50), control);
        QCOMPARE(done.size(), std::size_t(20));

        RunControl cancelling;
        int calls = 0;
        cancelling.setProgressCallback([&](double, double, std::string_view) {
            if (++calls == 13)
                cancelling.requestCancel();
        });
        const QFactorExperimentResult c = runQFactorExperiment(q, {opt.bits}, opt.objective, baseOptions(10, 50),
                                                               cancelling);
        QVERIFY(c.cancelled);
        QVERIFY(!c.qfactor);
        QCOMPARE(c.randomFirstSuccess.size(), std::size_t(10));
        QCOMPARE(c.warmFirstSuccess.size(), std::size_t(3));
        QCOMPARE(c.warmSeconds.size(), std::size_t(3));

        RunControl cancelledBefore;
        cancelledBefore.setCancelCallback([] { return true; });
        const QFactorExperimentResult none = runQFactorExperiment(q, {opt.bits}, opt.objective, baseOptions(10, 50),
                                                                  cancelledBefore);
        QVERIFY(none.cancelled && !none.qfactor && none.randomFirstSuccess.empty());
    }

    void rejectsBadArguments()
    {
        const QuboModel q = testQubo();
        const Bits zero(q.numVariables(), 0);
        QVERIFY_THROWS_EXCEPTION(Error, runQFactorExperiment(q, {zero}, 0.0, baseOptions(0, 10)));
        QVERIFY_THROWS_EXCEPTION(Error, runQFactorExperiment(q, {zero}, 0.0, baseOptions(5, 0)));
        QVERIFY_THROWS_EXCEPTION(Error, runQFactorExperiment(q, {}, 0.0, baseOptions(5, 10)));
        QVERIFY_THROWS_EXCEPTION(Error, runQFactorExperiment(q, {Bits(3, 0)}, 0.0, baseOptions(5, 10)));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(Error, runQFactorExperiment(q, {zero}, nan, baseOptions(5, 10)));
    }
};

QTEST_APPLESS_MAIN(TstQFactorExperiment)
#include "qfactor_experiment.test.moc"
