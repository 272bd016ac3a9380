// SPDX-License-Identifier: MIT
// Tests of the graph generators: structure, weights, reproducibility, distributions and argument errors.
#include "graph/graph_generators.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <vector>

using engine::WeightedGraph;
using engine::WeightKind;

namespace {

// Edges as sorted (u, v, weight) triples, for comparing two graphs regardless of insertion order.
std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> edgeSet(const WeightedGraph& g)
{
    std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> edges;
    for (const engine::Edge& e : g.edges())
        edges.emplace_back(e.u, e.v, e.weight);
    std::sort(edges.begin(), edges.end());
    return edges;
}

// Independent check of simplicity from the raw edge list: u < v < n and no pair twice.
bool isSimple(const WeightedGraph& g)
{
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
    for (const engine::Edge& e : g.edges()) {
        if (!(e.u < e.v) || e.v >= g.numVertices() || !seen.insert({e.u, e.v}).second)
            return false;
    }
    return true;
}

std::vector<std::size_t> degrees(const WeightedGraph& g)
{
    std::vector<std::size_t> d(g.numVertices(), 0);
    for (const engine::Edge& e : g.edges()) {
        ++d[e.u];
        ++d[e.v];
    }
    return d;
}

engine::ErrorCode codeOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const engine::Error& e) {
        return e.code();
    }
    return engine::ErrorCode::SolverFailure;  // "nothing thrown": no generator uses this code
}

} // namespace

class TstGraphGenerators : public QObject {
    Q_OBJECT

private slots:
    void weightKindNames();
    void erdosRenyiExtremes();
    void erdosRenyiIsSimpleAndReproducible();
    void erdosRenyiPairFrequencies();
    void erdosRenyiEdgeCountWithinSigma();
    void regularGraphsAreRegularAndSimple_data();
    void regularGraphsAreRegularAndSimple();
    void regularIsReproducible();
    void regularFourCycleIsUniform();
    void lineAndComplete();
    void weightDistributions();
    void argumentErrors();
};

void TstGraphGenerators::weightKindNames()
{
    for (WeightKind k : {WeightKind::Unit, WeightKind::PlusMinusOne, WeightKind::Uniform})
        QCOMPARE(engine::weightKindFromName(engine::weightKindName(k)), k);
    QCOMPARE(std::string(engine::weightKindName(WeightKind::PlusMinusOne)), std::string("pm1"));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::weightKindFromName("gaussian"));
}

void TstGraphGenerators::erdosRenyiExtremes()
{
    QCOMPARE(engine::erdosRenyiGraph(30, 0.0, WeightKind::Unit, 1).numEdges(), std::size_t{0});
    const WeightedGraph full = engine::erdosRenyiGraph(30, 1.0, WeightKind::Unit, 1);
    QCOMPARE(full.numEdges(), std::size_t{30 * 29 / 2});
    QVERIFY(isSimple(full));
    QCOMPARE(engine::erdosRenyiGraph(1, 0.7, WeightKind::Unit, 3).numEdges(), std::size_t{0});
}

void TstGraphGenerators::erdosRenyiIsSimpleAndReproducible()
{
    const WeightedGraph a = engine::erdosRenyiGraph(60, 0.2, WeightKind::Uniform, 42);
    const WeightedGraph b = engine::erdosRenyiGraph(60, 0.2, WeightKind::Uniform, 42);
    const WeightedGraph c = engine::erdosRenyiGraph(60, 0.2, WeightKind::Uniform, 43);
    QVERIFY(isSimple(a));
    QCOMPARE(a.numVertices(), std::size_t{60});
    QVERIFY(edgeSet(a) == edgeSet(b));
    QVERIFY(edgeSet(a) != edgeSet(c));
}

void TstGraphGenerators::erdosRenyiPairFrequencies()
{
    // The generator jumps over pairs with geometric draws; the slow reference is one independent coin per
    // pair, so every pair must appear with frequency p. 4000 graphs: sigma = sqrt(4000 p (1 - p)) ~ 29.
    constexpr std::size_t n = 6;
    constexpr double p = 0.3;
    constexpr int trials = 4000;
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> counts;
    for (int t = 0; t < trials; ++t) {
        const WeightedGraph g = engine::erdosRenyiGraph(n, p, WeightKind::Unit, 1000 + t);
        for (const engine::Edge& e : g.edges())
            ++counts[{e.u, e.v}];
    }
    const double expected = trials * p;
    const double sigma = std::sqrt(trials * p * (1 - p));
    QCOMPARE(counts.size(), std::size_t{n * (n - 1) / 2});
    for (const auto& [pair, count] : counts)
        QVERIFY2(std::abs(count - expected) < 5 * sigma,
                 qPrintable(QStringLiteral("pair (%1,%2): %3").arg(pair.first).arg(pair.second).arg(count)));
}

void TstGraphGenerators::erdosRenyiEdgeCountWithinSigma()
{
    constexpr std::size_t n = 400;
    constexpr double p = 0.05;
    const double pairs = n * (n - 1) / 2.0;
    const double sigma = std::sqrt(pairs * p * (1 - p));
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const WeightedGraph g = engine::erdosRenyiGraph(n, p, WeightKind::Unit, seed);
        QVERIFY(isSimple(g));
        QVERIFY(std::abs(static_cast<double>(g.numEdges()) - pairs * p) < 5 * sigma);
    }
}

void TstGraphGenerators::regularGraphsAreRegularAndSimple_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("degree");
    QTest::newRow("3-regular, 10") << 10 << 3;
    QTest::newRow("3-regular, 1000") << 1000 << 3;
    QTest::newRow("0-regular") << 7 << 0;
    QTest::newRow("1-regular (matching)") << 8 << 1;
    QTest::newRow("20-regular, 100") << 100 << 20;
    QTest::newRow("dense 7-regular, 10") << 10 << 7;
    QTest::newRow("complete as 9-regular") << 10 << 9;
    QTest::newRow("5-regular, 6") << 6 << 5;
}

void TstGraphGenerators::regularGraphsAreRegularAndSimple()
{
    QFETCH(int, n);
    QFETCH(int, degree);
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const WeightedGraph g = engine::randomRegularGraph(n, degree, WeightKind::Unit, seed);
        QCOMPARE(g.numVertices(), std::size_t(n));
        QCOMPARE(g.numEdges(), std::size_t(n * degree / 2));
        QVERIFY(isSimple(g));
        for (std::size_t d : degrees(g))
            QCOMPARE(d, std::size_t(degree));
    }
}

void TstGraphGenerators::regularIsReproducible()
{
    const auto a = engine::randomRegularGraph(50, 3, WeightKind::PlusMinusOne, 9);
    const auto b = engine::randomRegularGraph(50, 3, WeightKind::PlusMinusOne, 9);
    const auto c = engine::randomRegularGraph(50, 3, WeightKind::PlusMinusOne, 10);
    QVERIFY(edgeSet(a) == edgeSet(b));
    QVERIFY(edgeSet(a) != edgeSet(c));
}

void TstGraphGenerators::regularFourCycleIsUniform()
{
    // There are three labelled 2-regular graphs on 4 vertices (the 4-cycles); an unbiased generator yields
    // each a third of the time. 3000 draws: sigma = sqrt(3000 / 3 * 2 / 3) ~ 26.
    std::map<std::vector<std::tuple<std::uint32_t, std::uint32_t, double>>, int> counts;
    for (int seed = 0; seed < 3000; ++seed)
        ++counts[edgeSet(engine::randomRegularGraph(4, 2, WeightKind::Unit, seed))];
    QCOMPARE(counts.size(), std::size_t{3});
    for (const auto& [edges, count] : counts)
        QVERIFY2(std::abs(count - 1000) < 130, qPrintable(QString::number(count)));
}

void TstGraphGenerators::lineAndComplete()
{
    const WeightedGraph line = engine::lineGraph(6, WeightKind::Unit, 1);
    QCOMPARE(line.numEdges(), std::size_t{5});
    for (std::size_t v = 0; v + 1 < 6; ++v)
        QVERIFY(line.hasEdge(v, v + 1));
    QCOMPARE(engine::lineGraph(1, WeightKind::Unit, 1).numEdges(), std::size_t{0});

    const WeightedGraph k = engine::completeGraph(9, WeightKind::Unit, 1);
    QCOMPARE(k.numEdges(), std::size_t{36});
    QVERIFY(isSimple(k));
    for (std::size_t d : degrees(k))
        QCOMPARE(d, std::size_t{8});
}

void TstGraphGenerators::weightDistributions()
{
    const WeightedGraph unit = engine::completeGraph(20, WeightKind::Unit, 5);
    for (const engine::Edge& e : unit.edges())
        QCOMPARE(e.weight, 1.0);

    // SK couplings: +-1 with equal probability; 1225 edges, sigma of the sum = 35.
    const WeightedGraph sk = engine::completeGraph(50, WeightKind::PlusMinusOne, 5);
    double sum = 0.0;
    for (const engine::Edge& e : sk.edges()) {
        QVERIFY(e.weight == 1.0 || e.weight == -1.0);
        sum += e.weight;
    }
    QVERIFY(std::abs(sum) < 5 * 35.0);

    // Uniform [0, 1): mean 1/2, sigma of the mean sqrt(1/12/1225) ~ 0.0082.
    const WeightedGraph u = engine::completeGraph(50, WeightKind::Uniform, 5);
    double mean = 0.0;
    for (const engine::Edge& e : u.edges()) {
        QVERIFY(e.weight >= 0.0 && e.weight < 1.0);
        mean += e.weight / static_cast<double>(u.numEdges());
    }
    QVERIFY(std::abs(mean - 0.5) < 5 * 0.0083);

    // The weights follow the seed too.
    QVERIFY(edgeSet(engine::lineGraph(10, WeightKind::Uniform, 3)) == edgeSet(engine::lineGraph(10, WeightKind::Uniform, 3)));
    QVERIFY(edgeSet(engine::lineGraph(10, WeightKind::Uniform, 3)) != edgeSet(engine::lineGraph(10, WeightKind::Uniform, 4)));
}

void TstGraphGenerators::argumentErrors()
{
    using engine::ErrorCode;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(codeOf([] { engine::erdosRenyiGraph(10, -0.1, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::erdosRenyiGraph(10, 1.5, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([&] { engine::erdosRenyiGraph(10, nan, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::erdosRenyiGraph(0, 0.5, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::randomRegularGraph(5, 3, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::randomRegularGraph(4, 4, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::randomRegularGraph(0, 0, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::lineGraph(0, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    QCOMPARE(codeOf([] { engine::completeGraph(0, WeightKind::Unit, 1); }), ErrorCode::InvalidArgument);
    // Requests far beyond the generator limits fail before allocating anything.
    QCOMPARE(codeOf([] { engine::completeGraph(200000, WeightKind::Unit, 1); }), ErrorCode::LimitExceeded);
    QCOMPARE(codeOf([] { engine::erdosRenyiGraph(200000, 0.9, WeightKind::Unit, 1); }), ErrorCode::LimitExceeded);
    QCOMPARE(codeOf([] { engine::lineGraph(std::size_t{1} << 40, WeightKind::Unit, 1); }), ErrorCode::LimitExceeded);
    QCOMPARE(codeOf([] { engine::randomRegularGraph(std::size_t{1} << 23, 100, WeightKind::Unit, 1); }),
             ErrorCode::LimitExceeded);
}

QTEST_APPLESS_MAIN(TstGraphGenerators)
#include "graph_generators.test.moc"
