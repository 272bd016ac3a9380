// SPDX-License-Identifier: MIT
// Tests of the canonical QAOA angles: equivalent angles give one label with the same expectation.
#include "gnn/angle_symmetry.h"

#include <QtTest>

#include "test_support.h"

#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "gnn/gnn_qubo_generator.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"

#include <numbers>

using engine::QaoaAngles;

namespace {

constexpr double PI = std::numbers::pi;

bool sameAngles(const QaoaAngles& a, const QaoaAngles& b)
{
    for (std::size_t k = 0; k < a.depth(); ++k)
        if (!test_support::near(a.gammas[k], b.gammas[k], 1e-12) || !test_support::near(a.betas[k], b.betas[k], 1e-12))
            return false;
    return a.depth() == b.depth();
}

} // namespace

class TestAngleSymmetry : public QObject {
    Q_OBJECT

private slots:
    void spinFlipDetection()
    {
        engine::IsingModel m;
        m.h = {0.0, 0.0};
        m.J = {{0, 1, 1.0}};
        QVERIFY(engine::isSpinFlipSymmetric(m));
        m.h[1] = 0.1;
        QVERIFY(!engine::isSpinFlipSymmetric(m));
    }

    void equivalentAnglesShareOneLabelAndOneExpectation_data()
    {
        QTest::addColumn<int>("family");
        QTest::newRow("uniform (fields)") << int(engine::GnnQuboFamily::Uniform);
        QTest::newRow("maxcut (spin flip)") << int(engine::GnnQuboFamily::MaxCut);
    }

    void equivalentAnglesShareOneLabelAndOneExpectation()
    {
        QFETCH(int, family);
        engine::GnnQuboSpec spec;
        spec.numNodes = 6;
        spec.edgeProbability = 0.6;
        spec.family = static_cast<engine::GnnQuboFamily>(family);
        spec.seed = 3;
        const engine::QuboModel qubo = engine::gnnQubo(spec);
        const bool flip = engine::isSpinFlipSymmetric(engine::toIsing(qubo));
        QCOMPARE(flip, spec.family == engine::GnnQuboFamily::MaxCut);
        const engine::QaoaSimulator<double> sim(qubo, 1);
        const QaoaAngles base{{0.31, -0.52, 0.2}, {0.4, 1.9, -0.7}};
        const QaoaAngles label = engine::canonicalQaoaAngles(base, flip);
        QVERIFY(label.gammas[0] <= 0.0);
        const double period = flip ? PI / 2.0 : PI;
        for (double b : label.betas)
            QVERIFY(b >= -period / 2.0 && b < period / 2.0);
        const double e = sim.expectation(base);
        QVERIFY(test_support::near(sim.expectation(label), e, 1e-10));
        // Equivalent variants: all signs flipped; one beta shifted by pi (or pi/2 with the spin flip).
        QaoaAngles negated = base;
        for (double& g : negated.gammas)
            g = -g;
        for (double& b : negated.betas)
            b = -b;
        QaoaAngles shifted = base;
        shifted.betas[1] += period;
        shifted.betas[2] -= 2.0 * period;
        for (const QaoaAngles& variant : {negated, shifted}) {
            QVERIFY(test_support::near(sim.expectation(variant), e, 1e-10));
            QVERIFY(sameAngles(engine::canonicalQaoaAngles(variant, flip), label));
        }
        QVERIFY(sameAngles(engine::canonicalQaoaAngles(label, flip), label));  // idempotent
    }
};

QTEST_GUILESS_MAIN(TestAngleSymmetry)
#include "angle_symmetry.test.moc"
