// SPDX-License-Identifier: MIT
// Tests of the Max-Cut and MIS encoders against direct objectives over every bitstring of small graphs.
#include "graph/graph_problems.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"

#include <limits>
#include <vector>

using engine::Bits;
using engine::WeightedGraph;
using engine::WeightKind;

namespace {

// Slow reference: the cut from a dense weight matrix, sum over all pairs u < v.
double referenceCut(const WeightedGraph& g, const Bits& x)
{
    double cut = 0.0;
    for (std::size_t u = 0; u < g.numVertices(); ++u)
        for (std::size_t v = u + 1; v < g.numVertices(); ++v)
            if (x[u] != x[v])
                cut += g.weight(u, v);
    return cut;
}

// Slow reference: the number of edges with both endpoints in the set, from the adjacency test per pair.
int violatedPairs(const WeightedGraph& g, const Bits& x)
{
    int count = 0;
    for (std::size_t u = 0; u < g.numVertices(); ++u)
        for (std::size_t v = u + 1; v < g.numVertices(); ++v)
            if (x[u] && x[v] && g.hasEdge(u, v))
                ++count;
    return count;
}

std::vector<WeightedGraph> smallGraphs()
{
    std::vector<WeightedGraph> graphs;
    graphs.push_back(engine::erdosRenyiGraph(7, 0.5, WeightKind::Uniform, 11));
    graphs.push_back(engine::erdosRenyiGraph(8, 0.4, WeightKind::PlusMinusOne, 12));
    graphs.push_back(engine::randomRegularGraph(8, 3, WeightKind::Unit, 13));
    graphs.push_back(engine::completeGraph(6, WeightKind::PlusMinusOne, 14));
    graphs.push_back(engine::lineGraph(5, WeightKind::Uniform, 15));
    graphs.push_back(WeightedGraph(3));  // no edges
    return graphs;
}

} // namespace

class TstGraphProblems : public QObject {
    Q_OBJECT

private slots:
    void maxCutCoefficients();
    void maxCutEnergyIsMinusCutForAllBitstrings();
    void misEnergyMatchesObjectiveForAllBitstrings();
    void misMinimumIsMaximumIndependentSet();
    void errors();
};

void TstGraphProblems::maxCutCoefficients()
{
    WeightedGraph g(3);
    g.addEdge(0, 1, 2.0);
    g.addEdge(2, 1, -0.5);
    const engine::QuboModel q = engine::encodeMaxCut(g);
    QCOMPARE(q.numVariables(), std::size_t{3});
    QCOMPARE(q.linear(0), -2.0);
    QCOMPARE(q.linear(1), -1.5);
    QCOMPARE(q.linear(2), 0.5);
    QCOMPARE(q.quadratic(0, 1), 4.0);
    QCOMPARE(q.quadratic(1, 2), -1.0);
    QCOMPARE(q.quadratic(0, 2), 0.0);
    QCOMPARE(q.offset(), 0.0);
}

void TstGraphProblems::maxCutEnergyIsMinusCutForAllBitstrings()
{
    for (const WeightedGraph& g : smallGraphs()) {
        const engine::QuboModel q = engine::encodeMaxCut(g);
        const std::size_t n = g.numVertices();
        for (std::uint64_t index = 0; index < (std::uint64_t{1} << n); ++index) {
            const Bits x = engine::bitsFromIndex(index, n);
            const double reference = referenceCut(g, x);
            QAOA_COMPARE_NEAR(engine::cutValue(g, x), reference, 1e-12);
            QAOA_COMPARE_NEAR(q.energy(x), -reference, 1e-12);
        }
    }
}

void TstGraphProblems::misEnergyMatchesObjectiveForAllBitstrings()
{
    for (double penalty : {engine::DEFAULT_MIS_PENALTY, 1.5, 0.5}) {
        for (const WeightedGraph& g : smallGraphs()) {
            const engine::QuboModel q = engine::encodeMis(g, penalty);
            const std::size_t n = g.numVertices();
            for (std::uint64_t index = 0; index < (std::uint64_t{1} << n); ++index) {
                const Bits x = engine::bitsFromIndex(index, n);
                int size = 0;
                for (std::uint8_t b : x)
                    size += b;
                const int bad = violatedPairs(g, x);
                QCOMPARE(engine::setSize(x), std::size_t(size));
                QCOMPARE(engine::isIndependentSet(g, x), bad == 0);
                // Edge weights play no part in MIS.
                QAOA_COMPARE_NEAR(q.energy(x), -size + penalty * bad, 1e-12);
            }
        }
    }
}

void TstGraphProblems::misMinimumIsMaximumIndependentSet()
{
    // With lambda > 1 the QUBO minimum is -alpha(G), alpha the independence number found by brute force.
    for (const WeightedGraph& g : smallGraphs()) {
        const std::size_t n = g.numVertices();
        const engine::QuboModel q = engine::encodeMis(g, 1.5);
        double best = std::numeric_limits<double>::infinity();
        std::size_t alpha = 0;
        for (std::uint64_t index = 0; index < (std::uint64_t{1} << n); ++index) {
            const Bits x = engine::bitsFromIndex(index, n);
            best = std::min(best, q.energy(x));
            if (violatedPairs(g, x) == 0)
                alpha = std::max(alpha, engine::setSize(x));
        }
        QAOA_COMPARE_NEAR(best, -static_cast<double>(alpha), 1e-12);
    }
}

void TstGraphProblems::errors()
{
    WeightedGraph g(3);
    g.addEdge(0, 1);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::cutValue(g, Bits{1, 0}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::isIndependentSet(g, Bits{1, 0, 0, 0}));
    for (double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        try {
            engine::encodeMis(g, bad);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
        }
    }
    QCOMPARE(engine::setSize(Bits{}), std::size_t{0});
}

QTEST_APPLESS_MAIN(TstGraphProblems)
#include "graph_problems.test.moc"
