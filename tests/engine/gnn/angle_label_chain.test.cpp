// SPDX-License-Identifier: MIT
// Tests of the optimiser chain that labels GNN training data: INTERP, consistency, determinism, cancel, errors.
#include "gnn/angle_label_chain.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/angle_symmetry.h"
#include "gnn/gnn_qubo_generator.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"

#include <algorithm>

using engine::AngleChainOptions;
using engine::QaoaAngles;

namespace {

engine::QuboModel instance(std::uint64_t index)
{
    return engine::gnnQubo(engine::drawGnnQuboSpec(17, index, 8, 8));
}

} // namespace

class TestAngleLabelChain : public QObject {
    Q_OBJECT

private slots:
    void interpByHand()
    {
        // p = 2 -> 3: x1' = x1, x2' = (x1 + x2) / 2, x3' = x2 (Zhou et al. Eq. B1 with p = 2).
        const QaoaAngles next = engine::interpAngles({{1.0, 3.0}, {-2.0, 4.0}});
        QCOMPARE(next.depth(), std::size_t(3));
        QVERIFY(test_support::near(next.gammas[0], 1.0) && test_support::near(next.gammas[1], 2.0)
                && test_support::near(next.gammas[2], 3.0));
        QVERIFY(test_support::near(next.betas[0], -2.0) && test_support::near(next.betas[1], 1.0)
                && test_support::near(next.betas[2], 4.0));
        const QaoaAngles one = engine::interpAngles({{0.5}, {0.25}});  // p = 1: the value is repeated
        QVERIFY(one.gammas == std::vector<double>({0.5, 0.5}) && one.betas == std::vector<double>({0.25, 0.25}));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::interpAngles(QaoaAngles{}));
    }

    void labelsAreConsistentOptima()
    {
        const engine::QuboModel qubo = instance(0);
        AngleChainOptions o;
        o.maxDepth = 4;
        o.restarts = 1;
        o.seed = 5;
        const engine::AngleChainResult r = engine::optimizeAngleChain(qubo, o);
        QVERIFY(!r.cancelled);
        QCOMPARE(r.levels.size(), std::size_t(4));
        const engine::QaoaSimulator<double> sim(qubo, 1);
        const auto [lo, hi] = std::minmax_element(sim.diagonal().begin(), sim.diagonal().end());
        QCOMPARE(r.minEnergy, *lo);
        QCOMPARE(r.maxEnergy, *hi);
        const bool flip = engine::isSpinFlipSymmetric(engine::toIsing(qubo));
        for (std::size_t p = 1; p <= 4; ++p) {
            const engine::AngleChainLevel& l = r.levels[p - 1];
            QCOMPARE(l.angles.depth(), p);
            // Stored expectation = the canonical label simulated now (1e-9 relative), and the label is canonical.
            QVERIFY(test_support::near(sim.expectation(l.angles), l.expectation, 1e-9));
            QVERIFY(l.angles.gammas[0] <= 0.0);
            const QaoaAngles again = engine::canonicalQaoaAngles(l.angles, flip);
            QVERIFY(again.gammas == l.angles.gammas && again.betas == l.angles.betas);
            QVERIFY(l.evaluations > 0);
            QVERIFY(l.expectation > r.minEnergy - 1e-9 && l.expectation < r.maxEnergy);
            // The INTERP start reproduces the previous depth's state exactly is not true in general, but the
            // optimum of depth p must not be worse than depth p - 1 by more than optimiser noise (1e-6 of range).
            if (p > 1)
                QVERIFY(l.expectation <= r.levels[p - 2].expectation + 1e-6 * (r.maxEnergy - r.minEnergy));
        }
        // Depth helps: p = 4 is clearly better than p = 1 on this instance.
        QVERIFY(r.levels[3].expectation < r.levels[0].expectation);
    }

    void deterministicForSeed()
    {
        AngleChainOptions o;
        o.maxDepth = 3;
        o.restarts = 1;
        o.seed = 9;
        const engine::AngleChainResult a = engine::optimizeAngleChain(instance(1), o);
        const engine::AngleChainResult b = engine::optimizeAngleChain(instance(1), o);
        for (std::size_t p = 0; p < 3; ++p) {
            QCOMPARE(a.levels[p].angles.gammas, b.levels[p].angles.gammas);
            QCOMPARE(a.levels[p].angles.betas, b.levels[p].angles.betas);
            QCOMPARE(a.levels[p].expectation, b.levels[p].expectation);
        }
    }

    void cancelKeepsFinishedDepths()
    {
        engine::RunControl control;
        int calls = 0;
        control.setProgressCallback([&](double, double, std::string_view stage) {
            calls += stage == "optimise angles" ? 1 : 0;  // one per finished depth (the optimiser reports too)
        });
        control.setCancelCallback([&] { return calls >= 2; });
        AngleChainOptions o;
        o.maxDepth = 5;
        const engine::AngleChainResult r = engine::optimizeAngleChain(instance(2), o, control);
        QVERIFY(r.cancelled);
        QCOMPARE(r.levels.size(), std::size_t(2));
    }

    void errors()
    {
        AngleChainOptions o;
        o.maxDepth = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::optimizeAngleChain(instance(0), o));
        o.maxDepth = 2;
        o.restarts = -1;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::optimizeAngleChain(instance(0), o));
        o.restarts = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::optimizeAngleChain(engine::QuboModel(), o));
        engine::QuboModel constant(3);
        constant.addOffset(1.0);
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::optimizeAngleChain(constant, o));
    }
};

QTEST_GUILESS_MAIN(TestAngleLabelChain)
#include "angle_label_chain.test.moc"
