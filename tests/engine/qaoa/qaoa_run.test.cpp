// SPDX-License-Identifier: MIT
// Tests of runQaoa: angles, exact and sampled metrics, live progress and argument errors.
#include "qaoa/qaoa_run.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "lcrp/lcrp_baseline.h"
#include "lcrp/lcrp_generator.h"
#include "qaoa/angle_rules.h"
#include "qaoa/p1_analytic.h"
#include "qubo/ising_model.h"
#include "lcrp/lcrp_encoder.h"
#include "qaoa/qaoa_simulation.h"
#include "solvers/brute_force.h"

#include <cmath>

using namespace engine;

namespace {

GraphInstance regularGraph(std::size_t n, std::uint64_t seed)
{
    GraphInstance g;
    g.graph = randomRegularGraph(n, 3, WeightKind::Unit, seed);
    return g;
}

LcrpInstance paperInstance(std::size_t tasks)
{
    LcrpGeneratorOptions o;
    o.numTasks = tasks;
    o.numModels = 3;
    o.seed = 42;
    o.budgetUsd = 5.0 * static_cast<double>(tasks);
    return generateLcrp(o);
}

} // namespace

class TstQaoaRun : public QObject {
    Q_OBJECT

private slots:
    void fixedAnglesMatchTheSimulatorAndBruteForce()
    {
        const GraphInstance g = regularGraph(10, 3);
        QaoaRunOptions o;
        o.angles = AngleMethod::Fixed;
        o.fixedAngles = {{-0.61, -0.9}, {0.39, 0.29}};
        o.shots = 0;
        const QaoaRunResult r = runQaoa(Instance(g), o);
        const QaoaSimulator<double> direct(encodeMaxCut(g.graph));
        QAOA_COMPARE_NEAR(r.expectation, direct.expectation(o.fixedAngles), 1e-10);
        QCOMPARE(r.problem, std::string("maxcut"));
        QVERIFY(r.maxCutExact.has_value());
        QAOA_COMPARE_NEAR(r.maxCutExact->expectedCut, -r.expectation, 1e-10);
        const SolverResult brute = solveQuboBruteForce(encodeMaxCut(g.graph), 1);
        QAOA_COMPARE_NEAR(r.minEnergy, brute.objective, 1e-12);
        QVERIFY(r.exact.arStar.has_value() && *r.exact.arStar > 0.0 && *r.exact.arStar <= 1.0);
        QVERIFY(!r.sampled.has_value());
        QCOMPARE(r.topStates.size(), std::size_t{64});
        for (std::size_t k = 1; k < r.topStates.size(); ++k)
            QVERIFY(r.topStates[k - 1].second >= r.topStates[k].second);
    }

    void predictedAnglesAreTheRule()
    {
        const GraphInstance g = regularGraph(12, 5);
        QaoaRunOptions o;
        o.depth = 2;
        o.angles = AngleMethod::Predicted;
        o.shots = 100;
        const QaoaRunResult r = runQaoa(Instance(g), o);
        const QaoaAngles expected = maxCutRuleAngles(g.graph, 2);
        QCOMPARE(r.angles.gammas, expected.gammas);
        QCOMPARE(r.angles.betas, expected.betas);
        QCOMPARE(r.evaluations, std::uint64_t{0});
        // p = 2 balanced angles exceed the p = 1 tree guarantee on a 3-regular graph.
        QVERIFY(*r.maxCutExact->approximationRatio > 0.6924);
    }

    void predictedP1OnLcrpIsTheAnalyticGridMinimum()
    {
        const LcrpInstance lcrp = paperInstance(2);
        QaoaRunOptions o;
        o.angles = AngleMethod::Predicted;
        o.shots = 0;
        o.lcrpEncoding.objective = LcrpObjectiveKind::ReferenceV2;
        const QaoaRunResult r = runQaoa(Instance(lcrp), o);
        QCOMPARE(r.angles.depth(), std::size_t{1});
        // The simulated expectation at the predicted angles equals the analytic p = 1 value there...
        const IsingModel ising = toIsing(encodeLcrp(lcrp, o.lcrpEncoding).qubo);
        QAOA_COMPARE_NEAR(r.expectation, p1Expectation(ising, r.angles.gammas[0], r.angles.betas[0]), 1e-9);
        // ...and lies below the uniform superposition's <H> (gamma = 0) and below a scan of small angles.
        o.angles = AngleMethod::Fixed;
        o.fixedAngles = {{0.0}, {0.0}};
        QVERIFY(r.expectation < runQaoa(Instance(lcrp), o).expectation);
        for (double g : {0.001, 0.003, 0.01})
            for (double b : {-0.6, -0.3, 0.3, 0.6})
                QVERIFY(r.expectation <= p1Expectation(ising, g, b) + 1e-9);
    }

    void optimiseReportsEveryEvaluation()
    {
        const GraphInstance g = regularGraph(8, 1);
        QaoaRunOptions o;
        o.optimizer.restarts = 2;
        o.optimizer.evaluationsPerRestart = 15;
        o.shots = 500;
        std::vector<QaoaProgressPoint> points;
        o.onEvaluation = [&](const QaoaProgressPoint& p) { points.push_back(p); };
        const QaoaRunResult r = runQaoa(Instance(g), o);
        QCOMPARE(r.evaluations, std::uint64_t{30});
        QCOMPARE(points.size(), std::size_t{30});
        QCOMPARE(r.trace.size(), std::size_t{30});
        for (std::size_t k = 0; k < points.size(); ++k) {
            QCOMPARE(points[k].evaluation, std::uint64_t{k + 1});
            QCOMPARE(points[k].energy, r.trace[k]);
            QVERIFY(!points[k].validRate.has_value());
        }
        QAOA_COMPARE_NEAR(points.back().bestEnergy, *std::min_element(r.trace.begin(), r.trace.end()), 0.0);
        double shots = 0;
        for (double w : r.samples.weights)
            shots += w;
        QCOMPARE(shots, 500.0);
    }

    void lcrpRatesBesideTheBaseline()
    {
        const LcrpInstance lcrp = paperInstance(2);
        QaoaRunOptions o;
        o.angles = AngleMethod::Fixed;
        o.fixedAngles = {{0.01}, {0.4}};
        o.shots = 4000;
        o.seed = 9;
        o.lcrpEncoding.objective = LcrpObjectiveKind::ReferenceV2;
        const QaoaRunResult r = runQaoa(Instance(lcrp), o);
        QCOMPARE(r.numQubits, std::size_t{6});
        QVERIFY(r.lcrpExact && r.lcrpSampled);
        QAOA_COMPARE_NEAR(r.lcrpSampled->uniformValidRate, uniformRandomValidRate(lcrp), 1e-15);
        const double exact = r.lcrpExact->validRate;
        const double sigma = std::sqrt(exact * (1.0 - exact) / 4000.0);
        QVERIFY2(std::abs(r.lcrpSampled->validRate - exact) <= 5.0 * sigma, "sampled rate beyond 5 sigma");

        // The XY mixer keeps everything one-hot, also with budget slack qubits beside the groups.
        o.mixer = MixerKind::XYParityRing;
        o.lcrpEncoding.objective = LcrpObjectiveKind::Exact;
        o.lcrpEncoding.budgetSlackBits = 2;
        o.trackValidRate = true;
        o.angles = AngleMethod::Optimize;
        o.optimizer.restarts = 1;
        o.optimizer.evaluationsPerRestart = 8;
        std::vector<double> rates;
        o.onEvaluation = [&](const QaoaProgressPoint& p) { rates.push_back(p.validRate.value_or(-1.0)); };
        const QaoaRunResult xy = runQaoa(Instance(lcrp), o);
        QCOMPARE(xy.numQubits, std::size_t{8});
        QAOA_COMPARE_NEAR(xy.lcrpExact->validRate, 1.0, 1e-12);
        QAOA_COMPARE_NEAR(xy.lcrpSampled->validRate, 1.0, 0.0);
        QCOMPARE(rates.size(), std::size_t{8});
        for (double v : rates)
            QAOA_COMPARE_NEAR(v, 1.0, 1e-12);
    }

    void singlePrecisionTracksDouble()
    {
        const GraphInstance g = regularGraph(12, 2);
        QaoaRunOptions o;
        o.angles = AngleMethod::Ramp;
        o.depth = 3;
        o.shots = 0;
        const QaoaRunResult d = runQaoa(Instance(g), o);
        o.precision = Precision::Single;
        const QaoaRunResult f = runQaoa(Instance(g), o);
        QAOA_COMPARE_NEAR(f.expectation, d.expectation, 1e-4);
        QAOA_COMPARE_NEAR(f.minEnergy, d.minEnergy, 1e-6);
    }

    void cancelBeforeStartReturnsNoAngles()
    {
        RunControl control;
        control.requestCancel();
        QaoaRunOptions o;
        const QaoaRunResult r = runQaoa(Instance(regularGraph(6, 1)), o, control);
        QVERIFY(r.cancelled);
        QCOMPARE(r.angles.depth(), std::size_t{0});
    }

    void badOptionsAreRefused()
    {
        QaoaRunOptions o;
        o.mixer = MixerKind::XYComplete;
        QVERIFY_THROWS_EXCEPTION(Error, runQaoa(Instance(regularGraph(6, 1)), o));
        o = {};
        o.angles = AngleMethod::Fixed;
        QVERIFY_THROWS_EXCEPTION(Error, runQaoa(Instance(regularGraph(6, 1)), o));
        o = {};
        o.depth = 0;
        QVERIFY_THROWS_EXCEPTION(Error, runQaoa(Instance(regularGraph(6, 1)), o));
        QCOMPARE(angleMethodFromName("predicted"), AngleMethod::Predicted);
        QVERIFY_THROWS_EXCEPTION(Error, angleMethodFromName("guess"));
    }
};

QTEST_APPLESS_MAIN(TstQaoaRun)
#include "qaoa_run.test.moc"
