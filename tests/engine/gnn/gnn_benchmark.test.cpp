// SPDX-License-Identifier: MIT
// Tests of the GNN comparison: AR*, order statistics, the Fig. 4 protocol with exact and poor predictors.
#include "gnn/gnn_benchmark.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/gnn_qubo_generator.h"

using engine::QaoaAngles;
using engine::QuboModel;

class TestGnnBenchmark : public QObject {
    Q_OBJECT

private slots:
    void arStarIsEquation16()
    {
        QCOMPARE(engine::arStar(-3.0, -3.0, 5.0), 1.0);
        QCOMPARE(engine::arStar(5.0, -3.0, 5.0), 0.0);
        QCOMPARE(engine::arStar(-1.0, -3.0, 5.0), 0.75);
        QCOMPARE(engine::arStar(2.0, 2.0, 2.0), 1.0);
    }

    void summaryMatchesNumpy()
    {
        // numpy.percentile([4, 1, 3, 2, 10], [25, 50, 75]) = [2, 3, 4]; mean 4.
        const engine::GnnDifferenceSummary s = engine::summarizeDifferences({4.0, 1.0, 3.0, 2.0, 10.0});
        QCOMPARE(s.count, std::size_t(5));
        QCOMPARE(s.median, 3.0);
        QCOMPARE(s.lowerQuartile, 2.0);
        QCOMPARE(s.upperQuartile, 4.0);
        QCOMPARE(s.minimum, 1.0);
        QCOMPARE(s.maximum, 10.0);
        QCOMPARE(s.mean, 4.0);
        // Even count: numpy.percentile([1, 2, 3, 4], 25) = 1.75.
        QCOMPARE(engine::summarizeDifferences({4.0, 3.0, 2.0, 1.0}).lowerQuartile, 1.75);
        QCOMPARE(engine::summarizeDifferences({}).count, std::size_t(0));
    }

    // A predictor that runs the same optimiser chain as the benchmark reaches the same optimum: differences 0
    // (up to 1e-9). The plain linear ramp is clearly worse: positive median difference.
    void protocolWithReferencePredictors()
    {
        engine::GnnBenchmarkOptions o;
        o.instances = 3;
        o.minNodes = 6;
        o.maxNodes = 7;
        o.depths = {2, 3};
        o.seed = 4;
        o.chain.restarts = 0;
        const auto chainPredictor = [&o](const QuboModel& qubo, std::size_t p) {
            engine::AngleChainOptions c = o.chain;
            c.maxDepth = 3;
            return engine::optimizeAngleChain(qubo, c).levels[p - 1].angles;
        };
        const engine::GnnComparison same = engine::runGnnBenchmark(o, chainPredictor);
        QCOMPARE(same.rows.size(), std::size_t(6));
        QCOMPARE(same.perDepth.size(), std::size_t(2));
        QCOMPARE(same.overall.count, std::size_t(6));
        for (const engine::GnnComparisonRow& r : same.rows) {
            QVERIFY(std::abs(r.difference) < 1e-9);
            QVERIFY(r.arOptimized > 0.5 && r.arOptimized <= 1.0);
            QVERIFY(r.numNodes >= 6 && r.numNodes <= 7);
        }
        QCOMPARE(same.rows[0].index, std::uint64_t(0));
        QCOMPARE(same.rows[1].depth, std::size_t(3));
        const auto rampPredictor = [](const QuboModel& qubo, std::size_t p) {
            QaoaAngles a;
            for (std::size_t k = 0; k < p; ++k) {
                a.gammas.push_back(0.05 / qubo.maxAbsCoefficient());
                a.betas.push_back(0.05);
            }
            return a;
        };
        const engine::GnnComparison poor = engine::runGnnBenchmark(o, rampPredictor);
        QVERIFY(poor.overall.median > 0.05);
        QVERIFY(poor.overall.minimum > 0.0);
    }

    void comparisonOnSamples()
    {
        engine::GnnSample s;
        s.index = 7;
        s.qubo = engine::gnnQubo(engine::drawGnnQuboSpec(1, 0, 6, 6));
        engine::AngleChainOptions c;
        c.maxDepth = 2;
        const engine::AngleChainResult r = engine::optimizeAngleChain(s.qubo, c);
        s.levels = r.levels;
        s.minEnergy = r.minEnergy;
        s.maxEnergy = r.maxEnergy;
        const engine::GnnComparison same = engine::compareGnnOnSamples(
            {s}, {1, 2, 3}, [&r](const QuboModel&, std::size_t p) { return r.levels[p - 1].angles; });
        QCOMPARE(same.rows.size(), std::size_t(2));  // no label at p = 3
        QVERIFY(std::abs(same.overall.maximum) < 1e-12);
        QCOMPARE(same.rows[0].index, std::uint64_t(7));
    }

    void errors()
    {
        engine::GnnBenchmarkOptions o;
        const engine::QuboAnglePredictor none;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runGnnBenchmark(o, none));
        o.instances = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error,
                                 engine::runGnnBenchmark(o, [](const QuboModel&, std::size_t) { return QaoaAngles{}; }));
        o.instances = 1;
        o.depths = {};
        QVERIFY_THROWS_EXCEPTION(engine::Error,
                                 engine::runGnnBenchmark(o, [](const QuboModel&, std::size_t) { return QaoaAngles{}; }));
    }
};

QTEST_GUILESS_MAIN(TestGnnBenchmark)
#include "gnn_benchmark.test.moc"
