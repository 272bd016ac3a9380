// SPDX-License-Identifier: MIT
// Tests of the Q-factor experiment: optimal pools give R_min(warm) = 1 and Q = R_min(random), random pools give
// Q near 1, runs match single heuristic calls, the time-based variant, the per-run callback, and progress, cancel,
// determinism and argument checks.
#include "warmstart/qfactor_experiment.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "qubo/qubo_generator.h"
#include "solvers/brute_force.h"

#include <algorithm>
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

// Time-mode options: the iteration cap is set to 0 on purpose, since that mode must ignore it.
QFactorExperimentOptions timedOptions(std::size_t runs, double seconds)
{
    QFactorExperimentOptions o = baseOptions(runs, 0);
    o.timeLimitSeconds = seconds;
    o.bootstrapResamples = 100;
    return o;
}

// Checks what every time-mode result must hold: t_i in (0, cap] or +infinity, seconds equal to t_i.
void checkTimedVectors(const QFactorExperimentResult& r, double cap)
{
    QCOMPARE(r.cap, cap);
    QCOMPARE(r.randomSeconds, r.randomFirstSuccess);
    QCOMPARE(r.warmSeconds, r.warmFirstSuccess);
    for (const auto* v : {&r.randomFirstSuccess, &r.warmFirstSuccess})
        for (double t : *v)
            QVERIFY(std::isinf(t) || (t > 0.0 && t <= cap));
}

std::size_t finiteCount(const std::vector<double>& v)
{
    return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](double t) { return std::isfinite(t); }));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// What onRun saw, one entry per call.
struct RunRecord {
    bool warm;
    double t;
    double seconds;
};

// Checks that onRun was called once per run, random runs first, with the result's values.
void checkRecords(const std::vector<RunRecord>& records, const QFactorExperimentResult& r)
{
    const std::size_t runs = r.randomFirstSuccess.size();
    QCOMPARE(records.size(), runs + r.warmFirstSuccess.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const bool warm = i >= runs;
        const std::size_t k = warm ? i - runs : i;
        QCOMPARE(records[i].warm, warm);
        QCOMPARE(records[i].t, warm ? r.warmFirstSuccess[k] : r.randomFirstSuccess[k]);
        QCOMPARE(records[i].seconds, warm ? r.warmSeconds[k] : r.randomSeconds[k]);
    }
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

    void iterationModeCap()
    {
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        const QFactorExperimentResult r = runQFactorExperiment(q, {opt.bits}, opt.objective, baseOptions(5, 77));
        QCOMPARE(r.cap, 77.0);
        const WeightedGraph g = completeGraph(10, WeightKind::PlusMinusOne, 4);
        const SolverResult cut = solveQuboBruteForce(encodeMaxCut(g), 1);
        const QFactorExperimentResult v = runQFactorExperiment(g, {cut.bits}, cutValue(g, cut.bits),
                                                               baseOptions(5, 33));
        QCOMPARE(v.cap, 33.0);
        // Cancelled before any run: the cap is still the one asked for.
        RunControl cancelled;
        cancelled.setCancelCallback([] { return true; });
        QCOMPARE(runQFactorExperiment(q, {opt.bits}, opt.objective, baseOptions(5, 12), cancelled).cap, 12.0);
    }

    void onRunSeesEveryRun()
    {
        std::vector<RunRecord> records;
        QFactorExperimentOptions o = baseOptions(12, 100);
        o.onRun = [&records](bool warm, double t, double seconds) { records.push_back({warm, t, seconds}); };
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        // A random pool, so that some warm t_i differ from 1 and some runs may fail: the values must still match.
        const QFactorExperimentResult r = runQFactorExperiment(q, randomPool(4, q.numVariables(), 9), opt.objective,
                                                               o);
        checkRecords(records, r);
        QCOMPARE(records.size(), std::size_t(24));

        records.clear();
        const WeightedGraph g = completeGraph(16, WeightKind::PlusMinusOne, 6);
        const SolverResult cut = solveQuboBruteForce(encodeMaxCut(g), 1);
        o.iterationCap = 5;
        o.vns.maxNeighbourhood = 2;
        o.vns.pathRelinking = false;
        const QFactorExperimentResult v = runQFactorExperiment(g, randomPool(3, 16, 2), cutValue(g, cut.bits), o);
        checkRecords(records, v);
        QCOMPARE(records.size(), std::size_t(24));

        // Cancelled after 5 runs: exactly the finished runs were reported.
        records.clear();
        RunControl control;
        int calls = 0;
        control.setProgressCallback([&](double, double, std::string_view) {
            if (++calls == 5)
                control.requestCancel();
        });
        const QFactorExperimentResult c = runQFactorExperiment(q, {opt.bits}, opt.objective, o, control);
        QVERIFY(c.cancelled);
        QCOMPARE(records.size(), std::size_t(5));
        checkRecords(records, c);
    }

    void timeModeSmallQubo()
    {
        // The SK instance of n = 18: repeated STS reaches the optimum within milliseconds, so with a 2 s limit
        // every run succeeds (a run that failed would need 2 s of STS restarts without finding it).
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        constexpr double CAP = 2.0;
        std::vector<RunRecord> records;
        QFactorExperimentOptions o = timedOptions(10, CAP);
        o.onRun = [&records](bool warm, double t, double seconds) { records.push_back({warm, t, seconds}); };
        const QFactorExperimentResult r = runQFactorExperiment(q, randomPool(5, q.numVariables(), 4), opt.objective,
                                                               o);
        QVERIFY(!r.cancelled);
        checkTimedVectors(r, CAP);
        QCOMPARE(finiteCount(r.randomFirstSuccess), std::size_t(10));
        QCOMPARE(finiteCount(r.warmFirstSuccess), std::size_t(10));
        QVERIFY(r.qfactor);
        QCOMPARE(r.qfactor->kind, QFactorKind::Estimate);
        QVERIFY(std::isfinite(r.qfactor->q) && r.qfactor->q > 0.0);
        QCOMPARE(r.qfactor->random.value, minimalExpectedRuntime(r.randomFirstSuccess, CAP).value);
        checkRecords(records, r);
        qInfo("time mode, n = 18: median seconds to the optimum random %g, warm (random pool) %g, Q = %g",
              median(r.randomFirstSuccess), median(r.warmFirstSuccess), r.qfactor->q);
    }

    void timeModeRestartsFromTheNextPoolMember()
    {
        // With a one-operation STS budget each search makes a single move, so a run can only succeed by moving on
        // to further starts. The pool holds members from which such a search provably fails (checked with direct
        // calls), then the optimum: every warm run must walk the pool to the optimum and succeed, which it could
        // not if it restarted from the same member.
        const QuboModel q = testQubo();
        const SolverResult opt = solveQuboBruteForce(q, 1);
        TabuSearchOptions s;
        s.operationBudget = 1;
        s.targetEnergy = opt.objective;
        std::vector<Bits> pool;
        for (const Bits& b : randomPool(40, q.numVariables(), 21))
            if (pool.size() < 6 && !runTabuSearch(q, b, s).reachedTarget())
                pool.push_back(b);
        QCOMPARE(pool.size(), std::size_t(6));
        pool.push_back(opt.bits);
        QFactorExperimentOptions o = timedOptions(4, 2.0);
        o.tabu.operationBudget = 1;
        const QFactorExperimentResult r = runQFactorExperiment(q, pool, opt.objective, o);
        checkTimedVectors(r, 2.0);
        QCOMPARE(finiteCount(r.warmFirstSuccess), std::size_t(4));
    }

    void timeModeWarmPoolOfOptima()
    {
        // A medium instance with a known optimum: a random 3-regular graph on 300 vertices, weighted +1 across and
        // -1 within a planted bipartition, so the planted cut takes every positive weight and nothing else can
        // do better (an unfrustrated, gauge-transformed ferromagnet). Warm runs start at the optimum (both mirror
        // images in the pool); random ones have to search. Only successes and finiteness are asserted; the
        // seconds are reported, not compared (timing belongs in benchmarks).
        constexpr std::size_t N = 300;
        const WeightedGraph shape = randomRegularGraph(N, 3, WeightKind::Unit, 12);
        const Bits planted = randomPool(1, N, 13).front();
        WeightedGraph g(N);
        double positive = 0.0;
        for (const Edge& e : shape.edges()) {
            const double w = planted[e.u] != planted[e.v] ? 1.0 : -1.0;
            g.addEdge(e.u, e.v, w);
            positive += std::max(w, 0.0);
        }
        QCOMPARE(cutValue(g, planted), positive);
        const QuboModel q = encodeMaxCut(g);
        Bits mirror = planted;
        for (auto& b : mirror)
            b = static_cast<std::uint8_t>(1U - b);
        constexpr double CAP = 1.0;
        const QFactorExperimentResult r = runQFactorExperiment(q, {planted, mirror}, q.energy(planted),
                                                               timedOptions(6, CAP));
        checkTimedVectors(r, CAP);
        QCOMPARE(finiteCount(r.warmFirstSuccess), std::size_t(6));
        for (double t : r.warmFirstSuccess)
            QVERIFY(std::isfinite(t) && t > 0.0);
        QVERIFY(r.qfactor);
        QVERIFY(r.qfactor->kind == QFactorKind::Estimate || r.qfactor->kind == QFactorKind::LowerBound);
        qInfo("time mode, planted n = 300: random %zu/6 successes, median %g s; warm median %g s; Q = %g (%s)",
              finiteCount(r.randomFirstSuccess), median(r.randomFirstSuccess), median(r.warmFirstSuccess),
              r.qfactor->q, qFactorKindName(r.qfactor->kind));
    }

    void timeModeVns()
    {
        const WeightedGraph g = completeGraph(16, WeightKind::PlusMinusOne, 4);
        const SolverResult opt = solveQuboBruteForce(encodeMaxCut(g), 1);
        const double maxCut = cutValue(g, opt.bits);
        constexpr double CAP = 2.0;
        std::vector<RunRecord> records;
        QFactorExperimentOptions o = timedOptions(6, CAP);
        o.onRun = [&records](bool warm, double t, double seconds) { records.push_back({warm, t, seconds}); };
        const QFactorExperimentResult r = runQFactorExperiment(g, {opt.bits}, maxCut, o);
        checkTimedVectors(r, CAP);
        QCOMPARE(finiteCount(r.randomFirstSuccess), std::size_t(6));
        QCOMPARE(finiteCount(r.warmFirstSuccess), std::size_t(6));
        QVERIFY(r.qfactor);
        QCOMPARE(r.qfactor->kind, QFactorKind::Estimate);
        checkRecords(records, r);
        qInfo("VNS time mode, n = 16: median seconds random %g, warm (optimal pool) %g",
              median(r.randomFirstSuccess), median(r.warmFirstSuccess));
    }

    void rejectsBadTimeLimits_data()
    {
        QTest::addColumn<double>("limit");
        QTest::newRow("negative") << -0.5;
        QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity();
    }

    void rejectsBadTimeLimits()
    {
        QFETCH(double, limit);
        const QuboModel q = testQubo();
        const Bits zero(q.numVariables(), 0);
        QFactorExperimentOptions o = baseOptions(2, 10);
        o.timeLimitSeconds = limit;
        for (int version = 0; version < 2; ++version) {
            try {
                if (version == 0)
                    runQFactorExperiment(q, {zero}, 0.0, o);
                else
                    runQFactorExperiment(completeGraph(18, WeightKind::PlusMinusOne, 5), {zero}, 0.0, o);
                QFAIL("no exception");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
                QCOMPARE(std::string(e.where()), std::string("timeLimitSeconds"));
            }
        }
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
