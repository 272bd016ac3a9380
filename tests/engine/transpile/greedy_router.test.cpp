// SPDX-License-Identifier: MIT
// Tests of the greedy swap network: step for step against a slow reference that recomputes D, and validity.
#include "transpile/swap_routing.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"

#include <limits>
#include <string>

using engine::CouplingGraph;
using engine::QubitLayout;
using engine::RoutedLayer;
using engine::RoutingStep;
using routing_test::Terms;

namespace {

// The greedy router of algorithms.md 7.3 written the obvious way: D recomputed from scratch for every candidate
// swap. Same rules as the engine: lowest edge index among equal D, and after a fallback step the closest term is
// pursued until implemented (meanwhile only D-lowering swaps that do not move it apart are taken).
std::vector<RoutingStep> referenceGreedy(const CouplingGraph& device, const Terms& terms, QubitLayout layout,
                                         double q)
{
    std::vector<char> pending(terms.size(), 1);
    std::vector<RoutingStep> steps;
    auto distance = [&](std::size_t t, const QubitLayout& l) {
        return device.distance(l[terms[t].first], l[terms[t].second]);
    };
    auto totalD = [&](const QubitLayout& l) {
        double d = 0.0;
        for (std::size_t t = 0; t < terms.size(); ++t) {
            if (pending[t])
                d += std::pow(static_cast<double>(distance(t, l)), q);
        }
        return d;
    };
    auto implementAll = [&]() {
        for (std::size_t t = 0; t < terms.size(); ++t) {
            if (pending[t] && distance(t, layout) == 1) {
                pending[t] = 0;
                RoutingStep s;
                s.kind = RoutingStep::Kind::Term;
                s.physA = layout[terms[t].first];
                s.physB = layout[terms[t].second];
                s.term = static_cast<int>(t);
                steps.push_back(s);
            }
        }
    };
    auto swapped = [](QubitLayout l, unsigned a, unsigned b) {
        for (unsigned& p : l)
            p = p == a ? b : (p == b ? a : p);
        return l;
    };
    auto hostsPending = [&](unsigned phys) {
        for (std::size_t t = 0; t < terms.size(); ++t) {
            if (pending[t] && (layout[terms[t].first] == phys || layout[terms[t].second] == phys))
                return true;
        }
        return false;
    };
    implementAll();
    int target = -1;
    while (std::find(pending.begin(), pending.end(), 1) != pending.end()) {
        const double now = totalD(layout);
        int bestEdge = -1;
        double bestD = now - 1e-9;
        for (std::size_t e = 0; e < device.couplers().size(); ++e) {
            const auto c = device.couplers()[e];
            if (!hostsPending(c.a) && !hostsPending(c.b))
                continue;
            const QubitLayout next = swapped(layout, c.a, c.b);
            const double d = totalD(next);
            if (!(d < bestD - (bestEdge >= 0 ? 1e-9 : 0.0)))  // near-equal D counts as a tie: first edge wins
                continue;
            if (target >= 0 && distance(static_cast<std::size_t>(target), next) >
                                   distance(static_cast<std::size_t>(target), layout))
                continue;
            bestD = d;
            bestEdge = static_cast<int>(e);
        }
        unsigned a = 0;
        unsigned b = 0;
        if (bestEdge >= 0) {
            a = device.couplers()[static_cast<std::size_t>(bestEdge)].a;
            b = device.couplers()[static_cast<std::size_t>(bestEdge)].b;
        } else {
            if (target < 0) {
                unsigned best = std::numeric_limits<unsigned>::max();
                for (std::size_t t = 0; t < terms.size(); ++t) {
                    if (pending[t] && distance(t, layout) < best) {
                        best = distance(t, layout);
                        target = static_cast<int>(t);
                    }
                }
            }
            const auto [u, v] = terms[static_cast<std::size_t>(target)];
            a = layout[u];
            b = device.shortestPath(layout[u], layout[v])[1];
        }
        layout = swapped(layout, a, b);
        RoutingStep s;
        s.kind = RoutingStep::Kind::Swap;
        s.physA = a;
        s.physB = b;
        steps.push_back(s);
        implementAll();
        if (target >= 0 && !pending[static_cast<std::size_t>(target)])
            target = -1;
    }
    return steps;
}

bool sameSteps(const std::vector<RoutingStep>& x, const std::vector<RoutingStep>& y)
{
    if (x.size() != y.size())
        return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].kind != y[i].kind || x[i].physA != y[i].physA || x[i].physB != y[i].physB || x[i].term != y[i].term)
            return false;
    }
    return true;
}

} // namespace

class TstGreedyRouter : public QObject {
    Q_OBJECT

private slots:
    void matchesSlowReference_data()
    {
        QTest::addColumn<int>("deviceKind");
        QTest::addColumn<unsigned>("vertices");
        QTest::addColumn<unsigned>("degree");
        QTest::addColumn<double>("q");
        QTest::addRow("line 12, 3-regular") << 0 << 12u << 3u << 1.0;
        QTest::addRow("grid 5x5, 3-regular") << 1 << 20u << 3u << 1.0;
        QTest::addRow("grid 5x5, 5-regular, q=2") << 1 << 16u << 5u << 2.0;
        QTest::addRow("heavy-hex, 3-regular") << 2 << 40u << 3u << 1.0;
        QTest::addRow("heavy-hex, 4-regular, q=0.5") << 2 << 30u << 4u << 0.5;
    }
    void matchesSlowReference()
    {
        QFETCH(int, deviceKind);
        QFETCH(unsigned, vertices);
        QFETCH(unsigned, degree);
        QFETCH(double, q);
        const CouplingGraph device = deviceKind == 0   ? routing_test::lineDevice(12)
                                     : deviceKind == 1 ? routing_test::gridDevice(5, 5)
                                                       : routing_test::heronR2Device();
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            const Terms terms = routing_test::regularTerms(vertices, degree, seed * 31 + vertices);
            const QubitLayout layout = routing_test::randomLayout(vertices, device.numQubits(), seed);
            engine::RoutingOptions options;
            options.mergeSwapsWithTerms = false;
            options.distanceExponent = q;
            const RoutedLayer layer = engine::routeGreedy(device, terms, layout, options);
            QCOMPARE(engine::checkRoutedLayer(device, terms, layer), std::string());
            QVERIFY(sameSteps(layer.steps, referenceGreedy(device, terms, layout, q)));
        }
    }

    void validOnManyInstances()
    {
        const std::vector<CouplingGraph> devices{routing_test::lineDevice(20), routing_test::gridDevice(6, 6),
                                                 routing_test::heronR2Device()};
        int checked = 0;
        for (const CouplingGraph& device : devices) {
            for (unsigned degree : {2u, 3u, 5u}) {
                for (std::uint64_t seed = 0; seed < 8; ++seed) {
                    const unsigned n = std::min(device.numQubits(), 10u + 2 * static_cast<unsigned>(seed));
                    if ((n * degree) % 2 != 0)
                        continue;
                    const Terms terms = routing_test::regularTerms(n, degree, 100 + seed);
                    const auto layer =
                        engine::routeGreedy(device, terms, routing_test::randomLayout(n, device.numQubits(), seed));
                    QCOMPARE(engine::checkRoutedLayer(device, terms, layer), std::string());
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 50);
    }

    void hardCasesTerminate()
    {
        // A star on a line: the centre has to meet everyone (greedy D steps alone stall here).
        const auto line = routing_test::lineDevice(15);
        Terms star;
        for (unsigned v = 1; v < 15; ++v)
            star.emplace_back(0, v);
        QubitLayout layout(15);
        for (unsigned i = 0; i < 15; ++i)
            layout[i] = 14 - i;
        const auto layer = engine::routeGreedy(line, star, layout);
        QCOMPARE(engine::checkRoutedLayer(line, star, layer), std::string());
        // The complete graph K8 on a line, repeated terms included, and a disconnected interaction graph.
        Terms complete;
        for (unsigned u = 0; u < 8; ++u) {
            for (unsigned v = u + 1; v < 8; ++v)
                complete.emplace_back(u, v);
        }
        complete.emplace_back(0, 7);
        complete.emplace_back(7, 0);
        const auto line8 = routing_test::lineDevice(8);
        QCOMPARE(engine::checkRoutedLayer(line8, complete, engine::routeGreedy(line8, complete, {7, 3, 5, 1, 0, 2, 4, 6})),
                 std::string());
        const Terms twoParts{{0, 1}, {2, 3}, {4, 5}, {0, 5}, {6, 7}};
        const auto grid = routing_test::gridDevice(3, 3);
        QCOMPARE(engine::checkRoutedLayer(grid, twoParts, engine::routeGreedy(grid, twoParts, {0, 8, 2, 6, 1, 7, 3, 5})),
                 std::string());
    }

    void trivialCases()
    {
        const auto device = routing_test::gridDevice(2, 3);
        const auto empty = engine::routeGreedy(device, {}, {4, 1});
        QVERIFY(empty.steps.empty());
        QCOMPARE(empty.finalLayout, (QubitLayout{4, 1}));
        QCOMPARE(empty.depth, std::size_t{0});
        // Already adjacent: terms only, no swaps.
        const Terms terms{{0, 1}, {1, 2}};
        const auto layer = engine::routeGreedy(device, terms, {0, 1, 2});
        QCOMPARE(layer.swaps, std::size_t{0});
        QCOMPARE(layer.steps.size(), std::size_t{2});
        QCOMPARE(layer.twoQubitGates(), std::size_t{4});
    }

    void singleFarTermNeedsDistanceMinusOneSwaps()
    {
        const auto device = routing_test::lineDevice(9);
        for (unsigned far = 2; far < 9; ++far) {
            const auto layer = engine::routeGreedy(device, {{0, 1}}, {0, far});
            QCOMPARE(layer.swaps, std::size_t{far - 1});
            QCOMPARE(engine::checkRoutedLayer(device, {{0, 1}}, layer), std::string());
        }
    }

    void deterministic()
    {
        const auto device = routing_test::heronR2Device();
        const Terms terms = routing_test::regularTerms(60, 3, 8);
        const auto layout = routing_test::randomLayout(60, 156, 8);
        const auto a = engine::routeGreedy(device, terms, layout);
        const auto b = engine::routeGreedy(device, terms, layout);
        QVERIFY(sameSteps(a.steps, b.steps));
    }
};

QTEST_APPLESS_MAIN(TstGreedyRouter)
#include "greedy_router.test.moc"
