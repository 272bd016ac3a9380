// SPDX-License-Identifier: MIT
// Tests of GNN training: the loss falls on a tiny synthetic data set, determinism, early stopping, cancel, errors.
#include "gnn/gnn_trainer.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/gnn_data_generator.h"

#include <mutex>

namespace {

/// 40 labelled graphs with 5..7 nodes and labels for p = 1, 2 (about a second to make).
const std::vector<engine::GnnSample>& tinyData()
{
    static const std::vector<engine::GnnSample> samples = [] {
        engine::GnnDataOptions o;
        o.count = 40;
        o.seed = 5;
        o.minNodes = 5;
        o.maxNodes = 7;
        o.chain.maxDepth = 2;
        o.chain.restarts = 0;
        std::vector<engine::GnnSample> out;
        engine::generateGnnDataset(o, [&out](const engine::GnnSample& s) { out.push_back(s); });
        return out;
    }();
    return samples;
}

engine::GnnTrainingOptions tinyOptions()
{
    engine::GnnTrainingOptions o;
    o.depth = 2;
    o.hidden = 8;
    o.epochs = 60;
    o.batchSize = 8;
    o.learningRate = 1e-2;
    o.validationFraction = 0.25;
    o.patience = 1000;
    o.seed = 3;
    o.maxScaledGamma = 1e9;  // keep all 40 (outliers are tested on their own)
    o.maxTargetDeviation = 0.0;
    o.rootLoss = false;
    return o;
}

} // namespace

class TestGnnTrainer : public QObject {
    Q_OBJECT

private slots:
    void targetLayout()
    {
        const engine::GnnSample& s = tinyData().front();
        const Eigen::VectorXd y = engine::gnnTrainingTarget(s, 2);
        QCOMPARE(y.size(), Eigen::Index(4));
        const double scale = engine::isingLocalFieldScale(engine::toIsing(s.qubo));
        QVERIFY(test_support::near(y(1), s.levels[1].angles.gammas[1] * scale));
        QVERIFY(test_support::near(y(2), s.levels[1].angles.betas[0]));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnTrainingTarget(s, 3));
    }

    void trainingReducesTheLoss_data()
    {
        QTest::addColumn<bool>("curvature");
        QTest::addColumn<bool>("root");
        QTest::newRow("squared error") << false << false;
        QTest::newRow("curvature") << true << false;
        QTest::newRow("root of the curvature loss") << true << true;
    }

    // Every loss must fall by at least a third (its root by the root of that) on the training set within 60
    // epochs, and the kept validation loss must be below the first epoch's.
    void trainingReducesTheLoss()
    {
        QFETCH(bool, curvature);
        QFETCH(bool, root);
        engine::GnnTrainingOptions o = tinyOptions();
        o.curvatureLoss = curvature;
        o.rootLoss = root;
        o.threads = 2;
        std::vector<engine::GnnEpoch> seen;
        const engine::GnnTrainingResult r = engine::trainGnnAngleModel(
            tinyData(), o, [&seen](const engine::GnnEpoch& e) { seen.push_back(e); });
        QVERIFY(!r.cancelled);
        QCOMPARE(r.history.size(), std::size_t(60));
        QCOMPARE(seen.size(), r.history.size());
        const double first = r.history.front().trainLoss;
        const double last = r.history.back().trainLoss;
        const double factor = root ? std::sqrt(2.0 / 3.0) : 2.0 / 3.0;  // the root of a loss a third lower
        QVERIFY2(last < first * factor, qPrintable(QString("train loss %1 -> %2").arg(first).arg(last)));
        const engine::GnnTrainingInfo& t = r.model.training;
        QVERIFY(t.validationLoss < r.history.front().validationLoss);
        QCOMPARE(t.trainSamples + t.validationSamples, std::uint64_t(40));
        QCOMPARE(t.validationSamples, std::uint64_t(10));
        QVERIFY(t.bestEpoch >= 1 && t.bestEpoch <= 60);
        QCOMPARE(t.validationLoss, r.history[t.bestEpoch - 1].validationLoss);
        QCOMPARE(r.model.depth, std::size_t(2));
        QCOMPARE(t.loss, std::string(root ? "root-" : "") + (curvature ? "curvature" : "mse"));
        QCOMPARE(r.model.network.shape().layers, std::size_t(2));  // p layers, as the paper
        QCOMPARE(r.model.network.shape().outputs, std::size_t(4));
        const engine::QaoaAngles a = r.model.predict(tinyData().back().qubo);
        QCOMPARE(a.depth(), std::size_t(2));
    }

    // Median and MAD per component by hand: column 0 = {0, 1, 2, 3, 100, 2} has median 2 and MAD 1, so with 3
    // robust deviations (4.45) 100 is out; column 1 is constant (MAD 0) and keeps only the equal values.
    void robustDeviationByHand()
    {
        std::vector<Eigen::VectorXd> t;
        for (double x : {0.0, 1.0, 2.0, 3.0, 100.0})
            t.push_back(Eigen::Vector2d(x, 5.0));
        t.push_back(Eigen::Vector2d(2.0, 5.5));
        const std::vector<bool> keep = engine::withinRobustDeviation(t, 3.0);
        QCOMPARE(keep, (std::vector<bool>{true, true, true, true, false, false}));
        QVERIFY(engine::withinRobustDeviation({}, 3.0).empty());
    }

    void outliersAreLeftOut()
    {
        engine::GnnTrainingOptions o = tinyOptions();
        o.epochs = 1;
        o.maxScaledGamma = 0.3;
        std::size_t within = 0;
        for (const engine::GnnSample& s : tinyData()) {  // the filter is on gamma rms, not on the target gamma L
            const std::vector<double>& g = s.levels[1].angles.gammas;
            within += std::abs(g[0] * s.rms) <= 0.3 && std::abs(g[1] * s.rms) <= 0.3 ? 1 : 0;
        }
        QVERIFY(within >= 2 && within < 40);
        const engine::GnnTrainingInfo t = engine::trainGnnAngleModel(tinyData(), o).model.training;
        QCOMPARE(t.trainSamples + t.validationSamples, std::uint64_t(within));
    }

    void deterministicForSeed()
    {
        engine::GnnTrainingOptions o = tinyOptions();
        o.epochs = 5;
        const engine::GnnTrainingResult a = engine::trainGnnAngleModel(tinyData(), o);
        const engine::GnnTrainingResult b = engine::trainGnnAngleModel(tinyData(), o);
        QVERIFY(a.model.network.parameters() == b.model.network.parameters());
        o.seed = 4;
        const engine::GnnTrainingResult c = engine::trainGnnAngleModel(tinyData(), o);
        QVERIFY(a.model.network.parameters() != c.model.network.parameters());
    }

    void earlyStoppingAndCancel()
    {
        engine::GnnTrainingOptions o = tinyOptions();
        o.learningRate = 0.5;  // far too large: the validation loss stops improving quickly
        o.patience = 3;
        o.epochs = 200;
        const engine::GnnTrainingResult r = engine::trainGnnAngleModel(tinyData(), o);
        QVERIFY(r.history.size() < 200);
        QCOMPARE(r.history.size(), r.model.training.bestEpoch + 3);
        engine::RunControl control;
        int epochs = 0;
        control.setCancelCallback([&epochs] { return epochs >= 2; });
        const engine::GnnTrainingResult c = engine::trainGnnAngleModel(
            tinyData(), tinyOptions(), [&epochs](const engine::GnnEpoch&) { ++epochs; }, control);
        QVERIFY(c.cancelled);
        QCOMPARE(c.history.size(), std::size_t(2));
    }

    void errors()
    {
        engine::GnnTrainingOptions o = tinyOptions();
        o.depth = 3;  // no labels at p = 3
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::trainGnnAngleModel(tinyData(), o));
        o = tinyOptions();
        o.batchSize = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::trainGnnAngleModel(tinyData(), o));
        o = tinyOptions();
        o.validationFraction = 1.0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::trainGnnAngleModel(tinyData(), o));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::trainGnnAngleModel({tinyData().front()}, tinyOptions()));
    }
};

QTEST_GUILESS_MAIN(TestGnnTrainer)
#include "gnn_trainer.test.moc"
