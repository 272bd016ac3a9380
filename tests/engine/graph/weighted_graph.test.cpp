// SPDX-License-Identifier: MIT
// Tests of WeightedGraph: edge storage, adjacency, lookups and the rules of a simple graph.
#include "graph/weighted_graph.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using engine::WeightedGraph;

class TstWeightedGraph : public QObject {
    Q_OBJECT

private slots:
    void emptyGraph();
    void edgesAreStoredWithSmallerEndpointFirst();
    void adjacencyHoldsNeighbourAndEdgeIndex();
    void invalidEdgesAreRejected_data();
    void invalidEdgesAreRejected();
    void accumulateAddsOrCreates();
    void lookupsOutsideTheGraphAreEmpty();
    void matchesDenseReferenceOnRandomEdits();
};

void TstWeightedGraph::emptyGraph()
{
    const WeightedGraph g(5);
    QCOMPARE(g.numVertices(), std::size_t{5});
    QCOMPARE(g.numEdges(), std::size_t{0});
    QCOMPARE(g.totalWeight(), 0.0);
    for (std::size_t v = 0; v < 5; ++v)
        QCOMPARE(g.degree(v), std::size_t{0});
    QCOMPARE(WeightedGraph().numVertices(), std::size_t{0});
}

void TstWeightedGraph::edgesAreStoredWithSmallerEndpointFirst()
{
    WeightedGraph g(4);
    g.addEdge(3, 1, 2.5);
    g.addEdge(0, 2);
    QCOMPARE(g.numEdges(), std::size_t{2});
    QCOMPARE(g.edges()[0].u, std::uint32_t{1});
    QCOMPARE(g.edges()[0].v, std::uint32_t{3});
    QCOMPARE(g.edges()[0].weight, 2.5);
    QCOMPARE(g.edges()[1].weight, 1.0);  // the default weight
    QVERIFY(g.hasEdge(1, 3));
    QVERIFY(g.hasEdge(3, 1));
    QVERIFY(!g.hasEdge(0, 1));
    QCOMPARE(g.weight(3, 1), 2.5);
    QCOMPARE(g.weight(1, 3), 2.5);
    QCOMPARE(g.weight(0, 1), 0.0);
    QCOMPARE(g.totalWeight(), 3.5);
}

void TstWeightedGraph::adjacencyHoldsNeighbourAndEdgeIndex()
{
    WeightedGraph g(4);
    g.addEdge(0, 1, 1.0);
    g.addEdge(0, 2, 2.0);
    g.addEdge(2, 3, 3.0);
    QCOMPARE(g.degree(0), std::size_t{2});
    QCOMPARE(g.degree(2), std::size_t{2});
    QCOMPARE(g.degree(3), std::size_t{1});
    for (std::size_t v = 0; v < g.numVertices(); ++v) {
        for (const auto& [neighbour, index] : g.neighbors(v)) {
            const engine::Edge& e = g.edges()[index];
            QVERIFY((e.u == v && e.v == neighbour) || (e.v == v && e.u == neighbour));
        }
    }
}

void TstWeightedGraph::invalidEdgesAreRejected_data()
{
    QTest::addColumn<int>("u");
    QTest::addColumn<int>("v");
    QTest::addColumn<double>("weight");
    QTest::newRow("self-loop") << 2 << 2 << 1.0;
    QTest::newRow("endpoint out of range") << 0 << 4 << 1.0;
    QTest::newRow("NaN weight") << 0 << 3 << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("infinite weight") << 0 << 3 << std::numeric_limits<double>::infinity();
    QTest::newRow("existing edge") << 0 << 1 << 1.0;
    QTest::newRow("existing edge reversed") << 1 << 0 << 5.0;
}

void TstWeightedGraph::invalidEdgesAreRejected()
{
    QFETCH(int, u);
    QFETCH(int, v);
    QFETCH(double, weight);
    WeightedGraph g(4);
    g.addEdge(0, 1, 1.0);
    try {
        g.addEdge(static_cast<std::size_t>(u), static_cast<std::size_t>(v), weight);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
    }
    QCOMPARE(g.numEdges(), std::size_t{1});  // nothing was added
    QCOMPARE(g.weight(0, 1), 1.0);
}

void TstWeightedGraph::accumulateAddsOrCreates()
{
    WeightedGraph g(3);
    g.accumulateEdge(2, 0, 1.5);
    g.accumulateEdge(0, 2, -0.5);
    g.accumulateEdge(1, 2, 4.0);
    QCOMPARE(g.numEdges(), std::size_t{2});
    QCOMPARE(g.weight(0, 2), 1.0);
    QCOMPARE(g.weight(2, 1), 4.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, g.accumulateEdge(1, 1, 1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, g.accumulateEdge(0, 2, std::numeric_limits<double>::infinity()));
    QCOMPARE(g.weight(0, 2), 1.0);
}

void TstWeightedGraph::lookupsOutsideTheGraphAreEmpty()
{
    WeightedGraph g(2);
    g.addEdge(0, 1, 7.0);
    QVERIFY(!g.hasEdge(0, 5));
    QVERIFY(!g.hasEdge(1, 1));
    QCOMPARE(g.weight(9, 0), 0.0);
    QCOMPARE(g.weight(1, 1), 0.0);
}

void TstWeightedGraph::matchesDenseReferenceOnRandomEdits()
{
    // Random accumulate/add calls against a dense weight matrix kept by hand.
    constexpr std::size_t n = 12;
    std::mt19937_64 rng(20240611);
    std::uniform_int_distribution<std::size_t> vertex(0, n - 1);
    std::uniform_int_distribution<int> weight(-3, 3);
    WeightedGraph g(n);
    std::vector<std::vector<double>> dense(n, std::vector<double>(n, 0.0));
    std::vector<std::vector<bool>> present(n, std::vector<bool>(n, false));
    for (int step = 0; step < 400; ++step) {
        const std::size_t u = vertex(rng);
        const std::size_t v = vertex(rng);
        const double w = weight(rng);
        if (u == v)
            continue;
        if (step % 2 == 0) {
            g.accumulateEdge(u, v, w);
        } else if (!present[u][v]) {
            g.addEdge(u, v, w);
        } else {
            QVERIFY_THROWS_EXCEPTION(engine::Error, g.addEdge(u, v, w));
            continue;
        }
        dense[u][v] += w;
        dense[v][u] += w;
        present[u][v] = present[v][u] = true;
    }
    double total = 0.0;
    std::size_t edges = 0;
    for (std::size_t u = 0; u < n; ++u) {
        std::size_t degree = 0;
        for (std::size_t v = 0; v < n; ++v) {
            QCOMPARE(g.hasEdge(u, v), bool(present[u][v]));
            QCOMPARE(g.weight(u, v), dense[u][v]);
            degree += present[u][v] ? 1 : 0;
            if (u < v && present[u][v]) {
                total += dense[u][v];
                ++edges;
            }
        }
        QCOMPARE(g.degree(u), degree);
    }
    QCOMPARE(g.numEdges(), edges);
    QCOMPARE(g.totalWeight(), total);
}

QTEST_APPLESS_MAIN(TstWeightedGraph)
#include "weighted_graph.test.moc"
