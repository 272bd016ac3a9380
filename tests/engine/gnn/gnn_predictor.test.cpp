// SPDX-License-Identifier: MIT
// Tests of the shipped GNN models: they load, predict good angles on small instances and serve AngleMethod::Gnn.
#include "gnn/gnn_predictor.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/gnn_qubo_generator.h"
#include "graph/graph_generators.h"
#include "qaoa/qaoa_run.h"
#include "qaoa/qaoa_simulation.h"

#include <algorithm>
#include <filesystem>

class TestGnnPredictor : public QObject {
    Q_OBJECT

private slots:
    void shippedModelsLoad()
    {
        QCOMPARE(engine::gnnModelPath("/x", 3), std::filesystem::path("/x/gnn-p3.json"));
        for (std::size_t p = engine::MIN_GNN_DEPTH; p <= engine::MAX_GNN_DEPTH; ++p) {
            QVERIFY(std::filesystem::exists(engine::gnnModelPath(engine::shippedGnnModelDirectory(), p)));
            const engine::GnnAngleModel& m = engine::shippedGnnAngleModel(p);
            QCOMPARE(m.depth, p);
            QCOMPARE(m.network.shape().layers, p);
            QVERIFY(m.training.trainSamples > 500);
            QCOMPARE(&engine::shippedGnnAngleModel(p), &m);  // loaded once
            // The files stay small.
            QVERIFY(std::filesystem::file_size(engine::gnnModelPath(engine::shippedGnnModelDirectory(), p)) < 200000);
        }
    }

    // AR* (Eq. 16) of the predicted angles against the optimiser chain (INTERP + 2 restarts, L-BFGS) on 6 random
    // QUBOs with N = 10..12 of the training distribution (seed 77, not a training seed) at every p = 2..6. Stated
    // tolerance: median difference <= TOLERANCE_MEDIAN, every difference <= TOLERANCE_MAX (measured with the
    // shipped models: median 0.010, max 0.041).
    void predictionsAreCloseToOptimised()
    {
        constexpr double TOLERANCE_MEDIAN = 0.03;
        constexpr double TOLERANCE_MAX = 0.1;
        engine::GnnBenchmarkOptions o;
        o.instances = 6;
        o.minNodes = 10;
        o.maxNodes = 12;
        o.seed = 77;
        const engine::GnnComparison c = engine::runGnnBenchmark(o, engine::predictGnnAngles);
        QCOMPARE(c.rows.size(), std::size_t(30));
        QVERIFY2(c.overall.median <= TOLERANCE_MEDIAN, qPrintable(QString("median %1").arg(c.overall.median)));
        QVERIFY2(c.overall.maximum <= TOLERANCE_MAX, qPrintable(QString("max %1").arg(c.overall.maximum)));
        for (const engine::GnnComparisonRow& r : c.rows)
            QVERIFY(r.arGnn > 0.5);  // far above the uniform superposition on every instance
    }

    void servesAngleMethodGnn()
    {
        engine::installGnnAnglePredictor();
        engine::GraphInstance g;
        g.graph = engine::erdosRenyiGraph(9, 0.5, engine::WeightKind::Unit, 4);
        g.problem = engine::GraphProblem::MaxCut;
        engine::QaoaRunOptions o;
        o.depth = 4;
        o.angles = engine::AngleMethod::Gnn;
        o.shots = 10;
        const engine::QaoaRunResult r = engine::runQaoa(engine::Instance(g), o);
        QCOMPARE(r.angles.depth(), std::size_t(4));
        QVERIFY(r.angles.gammas == engine::predictGnnAngles(engine::instanceQubo(engine::Instance(g)), 4).gammas);
        o.depth = 1;
        try {
            engine::runQaoa(engine::Instance(g), o);
            QFAIL("no error at p = 1");
        } catch (const engine::Error& e) {
            QVERIFY2(e.detail().find("predicted") != std::string::npos, e.detail().c_str());
        }
        o.depth = 7;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runQaoa(engine::Instance(g), o));
        engine::setGnnAnglePredictor({});
        o.depth = 3;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runQaoa(engine::Instance(g), o));
        engine::installGnnAnglePredictor();
    }
};

QTEST_GUILESS_MAIN(TestGnnPredictor)
#include "gnn_predictor.test.moc"
