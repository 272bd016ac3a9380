// SPDX-License-Identifier: MIT
// Tests of the coupling graph: BFS distances against Floyd-Warshall, shortest paths, edge indices and errors.
#include "transpile/coupling_graph.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>
#include <random>
#include <set>

using namespace engine;

namespace {

using EdgeList = std::vector<std::pair<unsigned, unsigned>>;

// Random edges with duplicates and both orientations mixed in, so that the merging is exercised too.
EdgeList randomEdges(unsigned n, double density, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    EdgeList edges;
    for (unsigned a = 0; a < n; ++a) {
        for (unsigned b = a + 1; b < n; ++b) {
            if (coin(rng) >= density)
                continue;
            edges.emplace_back(coin(rng) < 0.5 ? std::pair{a, b} : std::pair{b, a});
            if (coin(rng) < 0.2)
                edges.emplace_back(b, a);
        }
    }
    std::shuffle(edges.begin(), edges.end(), rng);
    return edges;
}

// All-pairs hop counts by Floyd-Warshall, -1 for unreachable.
std::vector<std::vector<int>> floydWarshall(unsigned n, const EdgeList& edges)
{
    const int inf = 1 << 28;
    std::vector<std::vector<int>> d(n, std::vector<int>(n, inf));
    for (unsigned i = 0; i < n; ++i)
        d[i][i] = 0;
    for (const auto& [a, b] : edges) {
        d[a][b] = 1;
        d[b][a] = 1;
    }
    for (unsigned k = 0; k < n; ++k)
        for (unsigned i = 0; i < n; ++i)
            for (unsigned j = 0; j < n; ++j)
                d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    for (auto& row : d)
        for (int& x : row)
            if (x >= inf)
                x = -1;
    return d;
}

std::set<std::pair<unsigned, unsigned>> undirectedSet(const EdgeList& edges)
{
    std::set<std::pair<unsigned, unsigned>> out;
    for (const auto& [a, b] : edges)
        out.emplace(std::min(a, b), std::max(a, b));
    return out;
}

} // namespace

class TstCouplingGraph : public QObject {
    Q_OBJECT

private slots:
    void distancesMatchFloydWarshall_data();
    void distancesMatchFloydWarshall();
    void couplersSortedAndMerged();
    void edgeIndexAgreesWithCouplerList();
    void shortestPathsAreShortestAndLowestFirst();
    void withoutQubitsDropsTheirCouplers();
    void emptyAndSingleQubit();
    void rejectsBadEdges();
    void rejectsTooManyQubits();
};

void TstCouplingGraph::distancesMatchFloydWarshall_data()
{
    QTest::addColumn<unsigned>("n");
    QTest::addColumn<double>("density");
    QTest::addColumn<quint64>("seed");
    // Sparse graphs fall apart into components (UNREACHABLE); dense ones have short distances.
    QTest::newRow("sparse-40") << 40u << 0.04 << quint64{1};
    QTest::newRow("sparse-60") << 60u << 0.03 << quint64{2};
    QTest::newRow("medium-50") << 50u << 0.1 << quint64{3};
    QTest::newRow("dense-30") << 30u << 0.5 << quint64{4};
    QTest::newRow("tree-like-80") << 80u << 0.025 << quint64{5};
    QTest::newRow("no-edges-7") << 7u << 0.0 << quint64{6};
}

void TstCouplingGraph::distancesMatchFloydWarshall()
{
    QFETCH(unsigned, n);
    QFETCH(double, density);
    QFETCH(quint64, seed);
    const EdgeList edges = randomEdges(n, density, seed);
    const CouplingGraph graph(n, edges);
    const auto reference = floydWarshall(n, edges);
    bool connected = true;
    for (unsigned a = 0; a < n; ++a) {
        for (unsigned b = 0; b < n; ++b) {
            const int expected = reference[a][b];
            if (expected < 0) {
                connected = false;
                QCOMPARE(graph.distance(a, b), UNREACHABLE);
            } else {
                QCOMPARE(int(graph.distance(a, b)), expected);
            }
        }
    }
    QCOMPARE(graph.isConnected(), connected);
}

void TstCouplingGraph::couplersSortedAndMerged()
{
    const EdgeList edges = randomEdges(45, 0.15, 11);
    const CouplingGraph graph(45, edges);
    const auto expected = undirectedSet(edges);
    QCOMPARE(graph.couplers().size(), expected.size());
    std::size_t i = 0;
    for (const auto& [a, b] : expected) {
        QCOMPARE(graph.couplers()[i].a, a);
        QCOMPARE(graph.couplers()[i].b, b);
        ++i;
    }
    // Neighbour lists: ascending and exactly the partners in the edge set.
    for (unsigned q = 0; q < 45; ++q) {
        std::vector<unsigned> partners;
        for (const auto& [a, b] : expected) {
            if (a == q)
                partners.push_back(b);
            if (b == q)
                partners.push_back(a);
        }
        std::sort(partners.begin(), partners.end());
        QCOMPARE(graph.neighbours(q), partners);
    }
}

void TstCouplingGraph::edgeIndexAgreesWithCouplerList()
{
    const unsigned n = 35;
    const EdgeList edges = randomEdges(n, 0.2, 12);
    const CouplingGraph graph(n, edges);
    const auto expected = undirectedSet(edges);
    for (unsigned a = 0; a < n; ++a) {
        for (unsigned b = 0; b < n; ++b) {
            const int index = graph.edgeIndex(a, b);
            const bool coupled = expected.count({std::min(a, b), std::max(a, b)}) > 0;
            QCOMPARE(index >= 0, coupled);
            QCOMPARE(graph.areCoupled(a, b), coupled);
            if (coupled) {
                const Coupler& c = graph.couplers()[static_cast<std::size_t>(index)];
                QCOMPARE(c.a, std::min(a, b));
                QCOMPARE(c.b, std::max(a, b));
                QCOMPARE(graph.edgeIndex(b, a), index);
            }
        }
    }
    QCOMPARE(graph.edgeIndex(0, n), -1);
    QCOMPARE(graph.edgeIndex(n + 5, 1), -1);
}

void TstCouplingGraph::shortestPathsAreShortestAndLowestFirst()
{
    const unsigned n = 60;
    const EdgeList edges = randomEdges(n, 0.05, 13);
    const CouplingGraph graph(n, edges);
    const auto reference = floydWarshall(n, edges);
    int reachablePairs = 0;
    for (unsigned a = 0; a < n; ++a) {
        for (unsigned b = 0; b < n; ++b) {
            const std::vector<unsigned> path = graph.shortestPath(a, b);
            if (reference[a][b] < 0) {
                QVERIFY(path.empty());
                continue;
            }
            ++reachablePairs;
            QCOMPARE(int(path.size()), reference[a][b] + 1);
            QCOMPARE(path.front(), a);
            QCOMPARE(path.back(), b);
            for (std::size_t k = 1; k < path.size(); ++k) {
                QVERIFY(graph.areCoupled(path[k - 1], path[k]));
                // The documented tie-break: the lowest-numbered neighbour that still lies on a shortest path.
                unsigned lowest = n;
                for (unsigned v : graph.neighbours(path[k - 1])) {
                    if (reference[v][b] >= 0 && reference[v][b] + 1 == reference[path[k - 1]][b]) {
                        lowest = std::min(lowest, v);
                    }
                }
                QCOMPARE(path[k], lowest);
            }
        }
    }
    QVERIFY(reachablePairs > int(n)); // the seed gives more than the trivial a == b pairs
    QVERIFY(graph.shortestPath(0, n).empty());
}

void TstCouplingGraph::withoutQubitsDropsTheirCouplers()
{
    const unsigned n = 30;
    const EdgeList edges = randomEdges(n, 0.2, 14);
    const CouplingGraph graph(n, edges);
    const std::vector<unsigned> removed{3, 7, 29, 500};
    const CouplingGraph reduced = graph.withoutQubits(removed);
    QCOMPARE(reduced.numQubits(), n);
    EdgeList kept;
    for (const auto& [a, b] : edges) {
        if (std::find(removed.begin(), removed.end(), a) == removed.end() &&
            std::find(removed.begin(), removed.end(), b) == removed.end())
            kept.emplace_back(a, b);
    }
    const auto expected = undirectedSet(kept);
    QCOMPARE(reduced.couplers().size(), expected.size());
    for (const Coupler& c : reduced.couplers())
        QVERIFY(expected.count({c.a, c.b}) == 1);
    const auto reference = floydWarshall(n, kept);
    QCOMPARE(reduced.distance(3, 3), std::uint16_t{0});
    QCOMPARE(reduced.distance(3, 4), UNREACHABLE);
    for (unsigned a = 0; a < n; ++a)
        for (unsigned b = 0; b < n; ++b)
            QCOMPARE(int(reduced.distance(a, b)), reference[a][b] < 0 ? int(UNREACHABLE) : reference[a][b]);
}

void TstCouplingGraph::emptyAndSingleQubit()
{
    const CouplingGraph none;
    QCOMPARE(none.numQubits(), 0u);
    QVERIFY(none.isConnected());
    QVERIFY(none.couplers().empty());
    const CouplingGraph single(1, {});
    QVERIFY(single.isConnected());
    QCOMPARE(single.distance(0, 0), std::uint16_t{0});
    QCOMPARE(single.shortestPath(0, 0), std::vector<unsigned>{0});
    const CouplingGraph pair(2, {{1, 0}, {0, 1}, {1, 0}});
    QCOMPARE(pair.couplers().size(), std::size_t{1});
    QCOMPARE(pair.distance(1, 0), std::uint16_t{1});
}

void TstCouplingGraph::rejectsBadEdges()
{
    try {
        CouplingGraph(4, {{0, 1}, {2, 2}});
        QFAIL("a self-loop was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(e.where()), QStringLiteral("edges[1]"));
    }
    try {
        CouplingGraph(4, {{0, 1}, {1, 2}, {3, 4}});
        QFAIL("a qubit outside the device was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(e.where()), QStringLiteral("edges[2]"));
    }
    QVERIFY_THROWS_EXCEPTION(Error, CouplingGraph(0, {{0, 1}}));
}

void TstCouplingGraph::rejectsTooManyQubits()
{
    try {
        CouplingGraph(MAX_DEVICE_QUBITS + 1, {});
        QFAIL("a graph above the limit was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        QCOMPARE(QString::fromStdString(e.where()), QStringLiteral("numQubits"));
    }
}

QTEST_APPLESS_MAIN(TstCouplingGraph)
#include "coupling_graph.test.moc"
