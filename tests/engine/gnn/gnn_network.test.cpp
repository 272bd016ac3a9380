// SPDX-License-Identifier: MIT
// Tests of the GINE network: exact gradients against central finite differences, permutation invariance, errors.
#include "gnn/gnn_network.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "gnn/gnn_features.h"
#include "gnn/gnn_qubo_generator.h"

#include <algorithm>
#include <numeric>
#include <random>

using engine::GnnGraph;
using engine::GnnNetwork;
using engine::GnnNetworkShape;

namespace {

/// A raw feature graph of a random QUBO of the training distribution.
GnnGraph randomGraph(std::uint64_t seed, std::size_t nodes)
{
    return engine::gnnGraphFromQubo(engine::gnnQubo(engine::drawGnnQuboSpec(seed, 0, nodes, nodes)));
}

/// `graph` with node k renamed perm[k] (directed edges renamed alike and listed in reverse order).
GnnGraph permuted(const GnnGraph& graph, const std::vector<std::uint32_t>& perm)
{
    GnnGraph out = graph;
    for (std::size_t k = 0; k < graph.numNodes; ++k)
        out.nodeFeatures.row(perm[k]) = graph.nodeFeatures.row(static_cast<Eigen::Index>(k));
    const std::size_t m = graph.numEdges();
    for (std::size_t e = 0; e < m; ++e) {
        const std::size_t r = m - 1 - e;
        out.edgeSource[r] = perm[graph.edgeSource[e]];
        out.edgeTarget[r] = perm[graph.edgeTarget[e]];
        out.edgeFeatures.row(static_cast<Eigen::Index>(r)) = graph.edgeFeatures.row(static_cast<Eigen::Index>(e));
    }
    return out;
}

} // namespace

class TestGnnNetwork : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesCentralDifferences_data()
    {
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("seed");
        QTest::newRow("1 layer") << 1 << 3;
        QTest::newRow("3 layers") << 3 << 5;
    }

    // The slow obvious reference: (L(x + h e_k) - L(x - h e_k)) / 2h for every parameter k. ReLU kinks are
    // met with probability ~0 at h = 1e-6 for random weights; tolerance 1e-5 relative (central differences are
    // O(h^2) accurate, rounding adds ~1e-10 / h).
    void gradientMatchesCentralDifferences()
    {
        QFETCH(int, layers);
        QFETCH(int, seed);
        GnnNetworkShape shape;
        shape.hidden = 5;
        shape.layers = static_cast<std::size_t>(layers);
        shape.outputs = 4;
        GnnNetwork net(shape, static_cast<std::uint64_t>(seed));
        Eigen::VectorXd params = net.parameters();
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        std::normal_distribution<double> normal(0.0, 0.1);
        for (Eigen::Index k = 0; k < params.size(); ++k)
            params(k) += normal(rng);  // non-zero biases and eps, so every block is exercised
        net.setParameters(params);
        const GnnGraph graph = randomGraph(static_cast<std::uint64_t>(seed), 7);
        const Eigen::VectorXd target = Eigen::VectorXd::LinSpaced(4, -1.0, 1.0);
        Eigen::VectorXd gradient = Eigen::VectorXd::Zero(params.size());
        const double loss = net.lossAndGradient(graph, target, &gradient);
        QVERIFY(loss > 0.0);
        QCOMPARE(net.lossAndGradient(graph, target, nullptr), loss);
        const double h = 1e-6;
        double worst = 0.0;
        for (Eigen::Index k = 0; k < params.size(); ++k) {
            Eigen::VectorXd plus = params;
            Eigen::VectorXd minus = params;
            plus(k) += h;
            minus(k) -= h;
            GnnNetwork a = net;
            a.setParameters(plus);
            GnnNetwork b = net;
            b.setParameters(minus);
            const double numeric = (a.lossAndGradient(graph, target, nullptr) - b.lossAndGradient(graph, target, nullptr))
                                   / (2.0 * h);
            worst = std::max(worst, std::abs(numeric - gradient(k)) / std::max(1.0, std::abs(numeric)));
        }
        QVERIFY2(worst < 1e-5, qPrintable(QString("worst relative gradient error %1").arg(worst)));
        QVERIFY(gradient.norm() > 1e-3);
    }

    // The weighted loss d^T W d / outputs: W = I gives the plain loss; a random symmetric positive definite W
    // has a gradient that matches central differences (h = 1e-6) to 1e-5 relative.
    void weightedLossGradient()
    {
        GnnNetwork net(GnnNetworkShape{}, 5);
        const GnnGraph graph = randomGraph(5, 6);
        const Eigen::VectorXd target = Eigen::VectorXd::LinSpaced(4, 1.0, -1.0);
        const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(4, 4);
        QVERIFY(test_support::near(net.lossAndGradient(graph, target, nullptr, &identity),
                                   net.lossAndGradient(graph, target, nullptr)));
        std::mt19937_64 rng(6);
        std::normal_distribution<double> normal;
        Eigen::MatrixXd a(4, 4);
        for (Eigen::Index k = 0; k < a.size(); ++k)
            a(k) = normal(rng);
        const Eigen::MatrixXd weight = a * a.transpose() + 0.1 * identity;
        const Eigen::VectorXd params = net.parameters();
        Eigen::VectorXd gradient = Eigen::VectorXd::Zero(params.size());
        net.lossAndGradient(graph, target, &gradient, &weight);
        const double h = 1e-6;
        double worst = 0.0;
        for (Eigen::Index k = 0; k < params.size(); k += 7) {
            GnnNetwork plus = net;
            GnnNetwork minus = net;
            Eigen::VectorXd p = params;
            p(k) += h;
            plus.setParameters(p);
            p(k) -= 2.0 * h;
            minus.setParameters(p);
            const double numeric = (plus.lossAndGradient(graph, target, nullptr, &weight)
                                    - minus.lossAndGradient(graph, target, nullptr, &weight))
                                   / (2.0 * h);
            worst = std::max(worst, std::abs(numeric - gradient(k)) / std::max(1.0, std::abs(numeric)));
        }
        QVERIFY2(worst < 1e-5, qPrintable(QString("worst relative gradient error %1").arg(worst)));
        const Eigen::MatrixXd wrong = Eigen::MatrixXd::Identity(3, 3);
        QVERIFY_THROWS_EXCEPTION(engine::Error, net.lossAndGradient(graph, target, nullptr, &wrong));
    }

    void gradientIsAdded()
    {
        GnnNetwork net(GnnNetworkShape{}, 1);
        const GnnGraph graph = randomGraph(2, 6);
        const Eigen::VectorXd target = Eigen::VectorXd::Ones(4);
        Eigen::VectorXd once = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(net.numParameters()));
        net.lossAndGradient(graph, target, &once);
        Eigen::VectorXd twice = once;
        net.lossAndGradient(graph, target, &twice);
        QVERIFY((twice - 2.0 * once).norm() <= 1e-12 * (1.0 + once.norm()));
    }

    void outputIsInvariantUnderNodeRelabelling()
    {
        GnnNetworkShape shape;
        shape.layers = 3;
        shape.outputs = 6;
        const GnnNetwork net(shape, 9);
        const GnnGraph graph = randomGraph(4, 9);
        std::vector<std::uint32_t> perm(graph.numNodes);
        std::iota(perm.begin(), perm.end(), 0U);
        std::mt19937_64 rng(4);
        std::shuffle(perm.begin(), perm.end(), rng);
        const Eigen::VectorXd a = net.forward(graph);
        const Eigen::VectorXd b = net.forward(permuted(graph, perm));
        QCOMPARE(a.size(), Eigen::Index(6));
        QVERIFY2((a - b).norm() <= 1e-12 * (1.0 + a.norm()), "the output depends on the node order");
    }

    void deterministicForSeed()
    {
        QVERIFY(GnnNetwork(GnnNetworkShape{}, 5).parameters() == GnnNetwork(GnnNetworkShape{}, 5).parameters());
        QVERIFY(GnnNetwork(GnnNetworkShape{}, 5).parameters() != GnnNetwork(GnnNetworkShape{}, 6).parameters());
    }

    void parameterCountFollowsTheLayout()
    {
        GnnNetworkShape s;
        s.nodeFeatures = 3;
        s.edgeFeatures = 2;
        s.hidden = 4;
        s.layers = 2;
        s.outputs = 5;
        // layer 1: We 2x3, be 3, eps, W1 3x4, b1 4, W2 4x4, b2 4; layer 2 with d = 4; W3 8x4, b3 4, W4 4x5, b4 5.
        const std::size_t layer1 = 6 + 3 + 1 + 12 + 4 + 16 + 4;
        const std::size_t layer2 = 8 + 4 + 1 + 16 + 4 + 16 + 4;
        QCOMPARE(GnnNetwork(s, 1).numParameters(), layer1 + layer2 + 32 + 4 + 20 + 5);
    }

    void errors()
    {
        GnnNetworkShape zero;
        zero.hidden = 0;
        QVERIFY_THROWS_EXCEPTION(engine::Error, GnnNetwork(zero, 1));
        GnnNetwork net(GnnNetworkShape{}, 1);
        QVERIFY_THROWS_EXCEPTION(engine::Error, net.setParameters(Eigen::VectorXd::Zero(3)));
        Eigen::VectorXd bad = net.parameters();
        bad(0) = std::numeric_limits<double>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(engine::Error, net.setParameters(bad));
        GnnGraph graph = randomGraph(1, 5);
        QVERIFY_THROWS_EXCEPTION(engine::Error, net.lossAndGradient(graph, Eigen::VectorXd::Zero(3), nullptr));
        graph.nodeFeatures.conservativeResize(Eigen::NoChange, 2);
        QVERIFY_THROWS_EXCEPTION(engine::Error, net.forward(graph));
        QVERIFY_THROWS_EXCEPTION(engine::Error, net.forward(GnnGraph{}));
        QVERIFY_THROWS_EXCEPTION(engine::Error, GnnNetwork().forward(randomGraph(1, 5)));
    }
};

QTEST_GUILESS_MAIN(TestGnnNetwork)
#include "gnn_network.test.moc"
