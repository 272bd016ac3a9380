// SPDX-License-Identifier: MIT
// Tests of the GNN graph features: rms and local-field scales, scale invariance, directed edges, standardisation, errors.
#include "gnn/gnn_features.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "qubo/ising_model.h"

#include <cmath>

using engine::GnnGraph;
using engine::QuboModel;

namespace {

QuboModel sample()
{
    QuboModel q(4);
    q.addLinear(0, 1.0);
    q.addLinear(2, -0.5);
    q.addQuadratic(0, 1, 0.8);
    q.addQuadratic(1, 2, -0.4);
    q.addQuadratic(2, 3, 0.6);
    q.addOffset(3.0);
    return q;
}

QuboModel scaled(const QuboModel& q, double c)
{
    QuboModel out(q.numVariables());
    for (std::size_t i = 0; i < q.numVariables(); ++i)
        if (q.linear(i) != 0.0)
            out.addLinear(i, c * q.linear(i));
    for (const engine::QuadraticTerm& t : q.quadraticTerms())
        out.addQuadratic(t.i, t.j, c * t.value);
    out.addOffset(c * q.offset());
    return out;
}

} // namespace

class TestGnnFeatures : public QObject {
    Q_OBJECT

private slots:
    void rmsCoefficientByHand()
    {
        engine::IsingModel m;
        m.h = {3.0, 0.0};
        m.J = {{0, 1, 4.0}};
        QVERIFY(test_support::near(engine::isingRmsCoefficient(m), std::sqrt((9.0 + 16.0) / 2.0)));
        QCOMPARE(engine::isingRmsCoefficient(engine::IsingModel{}), 0.0);
    }

    // L^2 = (h_0^2 + J_01^2 + J_01^2 + J_12^2 + J_12^2 + h_2^2) / 3 by hand for a path of three spins.
    void localFieldScaleByHand()
    {
        engine::IsingModel m;
        m.h = {3.0, 0.0, -1.0};
        m.J = {{0, 1, 4.0}, {1, 2, -2.0}};
        const double expected = std::sqrt((9.0 + 16.0 + 16.0 + 4.0 + 4.0 + 1.0) / 3.0);
        QVERIFY(test_support::near(engine::isingLocalFieldScale(m), expected));
        QCOMPARE(engine::isingLocalFieldScale(engine::IsingModel{}), 0.0);
    }

    void graphOfAQubo()
    {
        const QuboModel q = sample();
        const GnnGraph g = engine::gnnGraphFromQubo(q);
        QCOMPARE(g.numNodes, std::size_t(4));
        QCOMPARE(g.numEdges(), std::size_t(6));  // three couplings, both directions
        QCOMPARE(g.nodeFeatures.rows(), Eigen::Index(4));
        QCOMPARE(g.nodeFeatures.cols(), Eigen::Index(engine::GNN_NODE_FEATURES));
        QCOMPARE(g.edgeFeatures.cols(), Eigen::Index(engine::GNN_EDGE_FEATURES));
        const engine::IsingModel ising = engine::toIsing(q);
        QVERIFY(test_support::near(g.rms, engine::isingRmsCoefficient(ising)));
        QVERIFY(test_support::near(g.angleScale, engine::isingLocalFieldScale(ising)));
        for (std::size_t e = 0; e < g.numEdges(); e += 2) {  // pairs of opposite directions with equal features
            QCOMPARE(g.edgeSource[e], g.edgeTarget[e + 1]);
            QCOMPARE(g.edgeTarget[e], g.edgeSource[e + 1]);
            QVERIFY(g.edgeFeatures.row(Eigen::Index(e)) == g.edgeFeatures.row(Eigen::Index(e + 1)));
        }
        // Node 1 of the path 0 - 1 - 2 - 3 by hand: degree 2 of mean 1.5, couplings J_01 and J_12.
        const double j01 = 0.8 / 4.0;
        const double j12 = -0.4 / 4.0;
        const double h1 = ising.h[1];
        const Eigen::RowVectorXd node1 = g.nodeFeatures.row(1);
        QVERIFY(test_support::near(node1(0), h1 / g.angleScale));
        QVERIFY(test_support::near(node1(1), std::abs(h1) / g.angleScale));
        QVERIFY(test_support::near(node1(2), std::sqrt(h1 * h1 + j01 * j01 + j12 * j12) / g.angleScale));
        QVERIFY(test_support::near(node1(3), 2.0 / 1.5));
        QVERIFY(test_support::near(node1(4), 1.0 / std::sqrt(3.0)));
        QVERIFY(test_support::near(node1(5), (j01 + j12) / (std::abs(j01) + std::abs(j12))));
        QVERIFY(test_support::near(node1(6), h1 / g.rms));
        QVERIFY(test_support::near(g.edgeFeatures(0, 0), j01 / g.rms));
        QVERIFY(test_support::near(g.edgeFeatures(0, 2), j01 / g.angleScale));
    }

    void scaleInvariant()
    {
        const GnnGraph a = engine::gnnGraphFromQubo(sample());
        const GnnGraph b = engine::gnnGraphFromQubo(scaled(sample(), 7.5));
        QVERIFY(test_support::near(b.rms, 7.5 * a.rms));
        QVERIFY(test_support::near(b.angleScale, 7.5 * a.angleScale));
        QVERIFY((a.nodeFeatures - b.nodeFeatures).norm() < 1e-12);
        QVERIFY((a.edgeFeatures - b.edgeFeatures).norm() < 1e-12);
    }

    void standardisation()
    {
        const std::vector<GnnGraph> graphs{engine::gnnGraphFromQubo(sample()),
                                           engine::gnnGraphFromQubo(scaled(sample(), -2.0))};
        const engine::GnnFeatureScaling s = engine::GnnFeatureScaling::fit(graphs);
        Eigen::MatrixXd all(8, engine::GNN_NODE_FEATURES);
        all << s.apply(graphs[0]).nodeFeatures, s.apply(graphs[1]).nodeFeatures;
        for (Eigen::Index k = 0; k < all.cols(); ++k) {
            const double mean = all.col(k).mean();
            const double var = (all.col(k).array() - mean).square().mean();
            QVERIFY(std::abs(mean) < 1e-12);
            // Constant features keep scale 1 (variance 0); the others have variance 1.
            QVERIFY(std::abs(var) < 1e-12 || std::abs(var - 1.0) < 1e-9);
        }
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::GnnFeatureScaling::fit({}));
    }

    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnGraphFromQubo(QuboModel()));
        QuboModel constant(3);
        constant.addOffset(2.0);
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gnnGraphFromQubo(constant));
    }
};

QTEST_GUILESS_MAIN(TestGnnFeatures)
#include "gnn_features.test.moc"
