// SPDX-License-Identifier: MIT
// Tests of the shipped GNN models: they load, predict good angles on small instances and serve AngleMethod::Gnn.
#include "gnn/gnn_predictor.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/gnn_model_file.h"
#include "gnn/gnn_qubo_generator.h"
#include "graph/graph_generators.h"
#include "qaoa/qaoa_run.h"
#include "qaoa/qaoa_simulation.h"

#include <algorithm>
#include <filesystem>

#include <QTemporaryDir>

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
            QVERIFY(std::filesystem::file_size(engine::gnnModelPath(engine::shippedGnnModelDirectory(), p)) < 400000);
        }
    }

    // AR* (Eq. 16) of the predicted angles against the optimiser chain (INTERP + 2 restarts, L-BFGS) on 6 random
    // QUBOs with N = 10..12 of the training distribution (seed 77, not a training seed) at every p = 2..6. Stated
    // tolerance: median difference <= TOLERANCE_MEDIAN, every difference <= TOLERANCE_MAX (measured with the
    // shipped models: median 0.0031, max 0.041).
    void predictionsAreCloseToOptimised()
    {
        constexpr double TOLERANCE_MEDIAN = 0.01;
        constexpr double TOLERANCE_MAX = 0.08;
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

    // One directory predicts as its model; two (the shipped set and one whose beta means are shifted by 0.1)
    // predict the component-wise mean: gammas equal, betas shifted by 0.05.
    void predictorFromDirectoriesAverages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        engine::GnnAngleModel shifted = engine::shippedGnnAngleModel(3);
        shifted.targetMean.tail(3).array() += 0.1;
        engine::saveGnnAngleModel(engine::gnnModelPath(dir.path().toStdString(), 3), shifted);
        const engine::QuboModel q = engine::gnnQubo(engine::drawGnnQuboSpec(5, 0, 9, 9));
        const engine::QaoaAngles shipped = engine::predictGnnAngles(q, 3);
        const engine::QuboAnglePredictor one =
            engine::gnnPredictorFromDirectories({engine::shippedGnnModelDirectory()}, {3});
        QVERIFY(one(q, 3).gammas == shipped.gammas && one(q, 3).betas == shipped.betas);
        const engine::QuboAnglePredictor two =
            engine::gnnPredictorFromDirectories({engine::shippedGnnModelDirectory(), dir.path().toStdString()}, {3});
        const engine::QaoaAngles mean = two(q, 3);
        for (std::size_t k = 0; k < 3; ++k) {
            QVERIFY(test_support::near(mean.gammas[k], shipped.gammas[k], 1e-12));
            QVERIFY(test_support::near(mean.betas[k], shipped.betas[k] + 0.05, 1e-12));
        }
        QVERIFY_THROWS_EXCEPTION(engine::Error, two(q, 4));  // no model for p = 4 loaded
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnPredictorFromDirectories({}, {3}));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnPredictorFromDirectories({dir.path().toStdString()}, {4}));
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
