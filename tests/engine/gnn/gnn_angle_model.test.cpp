// SPDX-License-Identifier: MIT
// Tests of GNN angle models: target scaling, gamma scaling with the QUBO, invariance under relabelling, errors.
#include "gnn/gnn_angle_model.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/gnn_qubo_generator.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace {

engine::GnnAngleModel model()
{
    engine::GnnAngleModel m;
    m.depth = 2;
    engine::GnnNetworkShape shape;
    shape.hidden = 8;
    shape.outputs = 4;
    m.network = engine::GnnNetwork(shape, 3);
    m.targetMean = Eigen::Vector4d(-0.3, -0.5, 0.6, 0.3);
    m.targetScale = Eigen::Vector4d(0.1, 0.2, 0.05, 0.1);
    return m;
}

engine::QuboModel scaledRelabelled(const engine::QuboModel& q, double c, const std::vector<std::size_t>& perm)
{
    engine::QuboModel out(q.numVariables());
    for (std::size_t i = 0; i < q.numVariables(); ++i)
        if (q.linear(i) != 0.0)
            out.addLinear(perm[i], c * q.linear(i));
    for (const engine::QuadraticTerm& t : q.quadraticTerms())
        out.addQuadratic(perm[t.i], perm[t.j], c * t.value);
    return out;
}

} // namespace

class TestGnnAngleModel : public QObject {
    Q_OBJECT

private slots:
    void predictionUndoesTheScalings()
    {
        const engine::GnnAngleModel m = model();
        const engine::QuboModel q = engine::gnnQubo(engine::drawGnnQuboSpec(2, 1, 9, 9));
        const engine::GnnGraph raw = engine::gnnGraphFromQubo(q);
        const Eigen::VectorXd standard = m.network.forward(m.features.apply(raw));
        const Eigen::VectorXd y = m.predictScaled(raw);
        for (Eigen::Index k = 0; k < 4; ++k)
            QVERIFY(test_support::near(y(k), standard(k) * m.targetScale(k) + m.targetMean(k)));
        const engine::QaoaAngles a = m.predict(q);
        QCOMPARE(a.depth(), std::size_t(2));
        QVERIFY(test_support::near(a.gammas[1], y(1) / raw.angleScale));
        QVERIFY(test_support::near(a.betas[0], y(2)));
    }

    // c Q with relabelled variables: gammas divide by c, betas stay, up to rounding (1e-12 relative).
    void gammasScaleWithTheQuboAndIgnoreLabels()
    {
        const engine::GnnAngleModel m = model();
        const engine::QuboModel q = engine::gnnQubo(engine::drawGnnQuboSpec(2, 2, 10, 10));
        std::vector<std::size_t> perm(10);
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        std::mt19937_64 rng(1);
        std::shuffle(perm.begin(), perm.end(), rng);
        const engine::QaoaAngles a = m.predict(q);
        const engine::QaoaAngles b = m.predict(scaledRelabelled(q, 4.0, perm));
        for (std::size_t k = 0; k < 2; ++k) {
            QVERIFY(test_support::near(b.gammas[k], a.gammas[k] / 4.0, 1e-12));
            QVERIFY(test_support::near(b.betas[k], a.betas[k], 1e-12));
        }
    }

    void errors()
    {
        engine::GnnAngleModel m = model();
        QVERIFY_THROWS_EXCEPTION(engine::Error, m.predict(engine::QuboModel()));
        m.depth = 3;  // outputs no longer 2p
        QVERIFY_THROWS_EXCEPTION(engine::Error, m.predict(engine::gnnQubo(engine::drawGnnQuboSpec(2, 1, 6, 6))));
    }
};

QTEST_GUILESS_MAIN(TestGnnAngleModel)
#include "gnn_angle_model.test.moc"
