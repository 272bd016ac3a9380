// SPDX-License-Identifier: MIT
// Tests of consensus relabelling: labels never lose more than the tolerance, moved labels are the optimiser's
// result from the model's prediction, determinism across thread counts, cancel and errors.
#include "gnn/label_consensus.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/angle_label_chain.h"
#include "gnn/angle_symmetry.h"
#include "gnn/gnn_benchmark.h"
#include "gnn/gnn_data_generator.h"
#include "gnn/gnn_trainer.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"

namespace {

/// 24 labelled graphs with 6..8 nodes (p = 1..3) and a small model for p = 3 trained on them.
struct Fixture {
    std::vector<engine::GnnSample> samples;
    std::map<std::size_t, engine::GnnAngleModel> models;
};

const Fixture& fixture()
{
    static const Fixture f = [] {
        Fixture out;
        engine::GnnDataOptions o;
        o.count = 24;
        o.seed = 8;
        o.minNodes = 6;
        o.maxNodes = 8;
        o.chain.maxDepth = 3;
        o.chain.restarts = 1;
        engine::generateGnnDataset(o, [&out](const engine::GnnSample& s) { out.samples.push_back(s); });
        engine::GnnTrainingOptions t;
        t.depth = 3;
        t.hidden = 8;
        t.epochs = 30;
        t.seed = 2;
        out.models[3] = engine::trainGnnAngleModel(out.samples, t).model;
        return out;
    }();
    return f;
}

double arOf(const engine::GnnSample& s, std::size_t p)
{
    return engine::arStar(s.levels[p - 1].expectation, s.minEnergy, s.maxEnergy);
}

} // namespace

class TestLabelConsensus : public QObject {
    Q_OBJECT

private slots:
    // Tolerance 0: no label gets worse, labels of other depths are untouched, and a moved label is exactly the
    // canonical L-BFGS optimum from the model's prediction, with its true expectation.
    void labelsNeverGetWorse()
    {
        std::vector<engine::GnnSample> samples = fixture().samples;
        engine::GnnRelabelOptions o;
        o.tolerance = 0.0;
        const engine::GnnRelabelStats stats = engine::relabelTowardsModels(samples, fixture().models, o);
        QCOMPARE(stats.considered, std::uint64_t(24));
        QVERIFY(stats.meanArChange >= 0.0);
        std::uint64_t moved = 0;
        for (std::size_t k = 0; k < samples.size(); ++k) {
            const engine::GnnSample& before = fixture().samples[k];
            const engine::GnnSample& after = samples[k];
            QVERIFY(arOf(after, 3) >= arOf(before, 3));
            QVERIFY(after.levels[1].angles.gammas == before.levels[1].angles.gammas);
            if (after.levels[2].angles.gammas == before.levels[2].angles.gammas)
                continue;
            ++moved;
            const engine::QaoaSimulator<double> sim(after.qubo, 1);
            const engine::QaoaOptimizationResult run =
                engine::refineQaoaAngles(sim, fixture().models.at(3).predict(after.qubo), o.maxEvaluations);
            const bool spinFlip = engine::isSpinFlipSymmetric(engine::toIsing(after.qubo));
            QVERIFY(engine::canonicalQaoaAngles(run.bestAngles, spinFlip).gammas == after.levels[2].angles.gammas);
            QVERIFY(test_support::near(sim.expectation(after.levels[2].angles), after.levels[2].expectation, 1e-9));
        }
        QCOMPARE(moved, stats.replaced);
    }

    // A generous tolerance moves every label, never by more than the tolerance, the same with 1 and 3 threads.
    void toleranceBoundsTheLoss()
    {
        std::vector<engine::GnnSample> one = fixture().samples;
        std::vector<engine::GnnSample> three = fixture().samples;
        engine::GnnRelabelOptions o;
        o.tolerance = 1.0;
        const engine::GnnRelabelStats a = engine::relabelTowardsModels(one, fixture().models, o);
        o.threads = 3;
        const engine::GnnRelabelStats b = engine::relabelTowardsModels(three, fixture().models, o);
        QCOMPARE(a.replaced, a.considered);
        QCOMPARE(b.replaced, a.replaced);
        for (std::size_t k = 0; k < one.size(); ++k)
            QVERIFY(one[k].levels[2].angles.betas == three[k].levels[2].angles.betas);
        o.tolerance = 1e-3;
        std::vector<engine::GnnSample> tight = fixture().samples;
        engine::relabelTowardsModels(tight, fixture().models, o);
        for (std::size_t k = 0; k < tight.size(); ++k)
            QVERIFY(arOf(tight[k], 3) >= arOf(fixture().samples[k], 3) - 1e-3);
    }

    void cancelAndErrors()
    {
        std::vector<engine::GnnSample> samples = fixture().samples;
        engine::RunControl control;
        control.setCancelCallback([] { return true; });
        const engine::GnnRelabelStats s = engine::relabelTowardsModels(samples, fixture().models, {}, control);
        QVERIFY(s.cancelled);
        QCOMPARE(s.considered, std::uint64_t(0));
        engine::GnnRelabelOptions o;
        o.tolerance = -1.0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::relabelTowardsModels(samples, fixture().models, o));
        o = {};
        o.threads = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::relabelTowardsModels(samples, fixture().models, o));
    }
};

QTEST_GUILESS_MAIN(TestLabelConsensus)
#include "label_consensus.test.moc"
