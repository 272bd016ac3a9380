// SPDX-License-Identifier: MIT
// Tests of the A* router: validity, the greedy fallback, budgets, cancel, and swap counts against exact BFS.
#include "transpile/swap_routing.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"

#include <deque>
#include <map>
#include <string>

using engine::CouplingGraph;
using engine::QubitLayout;
using engine::RoutedLayer;
using engine::RoutingStep;
using routing_test::Terms;

namespace {

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

// Exact minimum number of swaps by breadth-first search over (layout, unimplemented terms); tiny cases only.
std::size_t optimalSwaps(const CouplingGraph& device, const Terms& terms, const QubitLayout& start)
{
    using State = std::pair<QubitLayout, unsigned>;
    auto settle = [&](const QubitLayout& layout, unsigned mask) {
        for (std::size_t t = 0; t < terms.size(); ++t) {
            if ((mask >> t & 1u) && device.areCoupled(layout[terms[t].first], layout[terms[t].second]))
                mask &= ~(1u << t);
        }
        return mask;
    };
    std::map<State, std::size_t> seen;
    std::deque<State> queue;
    const State first{start, settle(start, (1u << terms.size()) - 1)};
    if (first.second == 0)
        return 0;
    seen[first] = 0;
    queue.push_back(first);
    while (!queue.empty()) {
        const State state = queue.front();
        queue.pop_front();
        const std::size_t depth = seen[state];
        for (const auto& c : device.couplers()) {
            QubitLayout next = state.first;
            for (unsigned& p : next)
                p = p == c.a ? c.b : (p == c.b ? c.a : p);
            const unsigned mask = settle(next, state.second);
            if (mask == 0)
                return depth + 1;
            const State key{next, mask};
            if (seen.emplace(key, depth + 1).second)
                queue.push_back(key);
        }
    }
    return 0;
}

Terms randomTerms(unsigned n, unsigned count, std::mt19937_64& rng)
{
    Terms terms;
    while (terms.size() < count) {
        const auto u = static_cast<unsigned>(rng() % n);
        const auto v = static_cast<unsigned>(rng() % n);
        if (u != v)
            terms.emplace_back(u, v);
    }
    return terms;
}

} // namespace

class TstAStarRouter : public QObject {
    Q_OBJECT

private slots:
    void validOnManyInstances()
    {
        const std::vector<CouplingGraph> devices{routing_test::lineDevice(16), routing_test::gridDevice(6, 6),
                                                 routing_test::heronR2Device()};
        int checked = 0;
        for (const CouplingGraph& device : devices) {
            for (unsigned degree : {2u, 3u, 5u}) {
                for (std::uint64_t seed = 0; seed < 6; ++seed) {
                    const unsigned n = std::min(device.numQubits(), 10u + 2 * static_cast<unsigned>(seed));
                    if ((n * degree) % 2 != 0)
                        continue;
                    const Terms terms = routing_test::regularTerms(n, degree, 300 + seed);
                    const auto layout = routing_test::randomLayout(n, device.numQubits(), seed);
                    const auto layer = engine::routeAStar(device, terms, layout);
                    QCOMPARE(engine::checkRoutedLayer(device, terms, layer), std::string());
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 40);
    }

    void zeroBudgetIsTheGreedyRouter()
    {
        const auto device = routing_test::heronR2Device();
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            const Terms terms = routing_test::regularTerms(40, 3, seed);
            const auto layout = routing_test::randomLayout(40, 156, seed);
            engine::RoutingOptions options;
            options.maxExpansions = 0;
            options.mergeSwapsWithTerms = false;
            const auto astar = engine::routeAStar(device, terms, layout, options);
            const auto greedy = engine::routeGreedy(device, terms, layout, options);
            QVERIFY(sameSteps(astar.steps, greedy.steps));
        }
    }

    void budgetsAndBeamsStayValid()
    {
        const auto device = routing_test::gridDevice(5, 5);
        const Terms terms = routing_test::regularTerms(20, 3, 44);
        const auto layout = routing_test::randomLayout(20, 25, 44);
        for (std::size_t budget : {std::size_t{1}, std::size_t{7}, std::size_t{300}}) {
            for (std::size_t beam : {std::size_t{1}, std::size_t{4}, std::size_t{0}}) {
                engine::RoutingOptions options;
                options.maxExpansions = budget;
                options.beamWidth = beam;
                const auto layer = engine::routeAStar(device, terms, layout, options);
                QCOMPARE(engine::checkRoutedLayer(device, terms, layer), std::string());
            }
        }
    }

    void cancelledSearchIsCompletedGreedily()
    {
        const auto device = routing_test::heronR2Device();
        const Terms terms = routing_test::regularTerms(50, 3, 2);
        const auto layout = routing_test::randomLayout(50, 156, 2);
        engine::RunControl control;
        control.requestCancel();
        engine::RoutingOptions options;
        options.mergeSwapsWithTerms = false;
        const auto layer = engine::routeAStar(device, terms, layout, options, control);
        QCOMPARE(engine::checkRoutedLayer(device, terms, layer), std::string());
        QVERIFY(sameSteps(layer.steps, engine::routeGreedy(device, terms, layout, options).steps));
    }

    void uniformCostSearchMatchesBfsBounds()
    {
        // With weight 0 and no caps the search is uniform-cost over single relevant swaps (which include every
        // greedy swap), so it never needs more swaps than greedy and never fewer than the exact optimum.
        std::mt19937_64 rng(12);
        const std::vector<CouplingGraph> devices{routing_test::lineDevice(6), routing_test::gridDevice(2, 3)};
        int optimal = 0;
        int cases = 0;
        for (const CouplingGraph& device : devices) {
            for (int trial = 0; trial < 12; ++trial) {
                const Terms terms = randomTerms(6, 5 + static_cast<unsigned>(trial % 3), rng);
                const auto layout = routing_test::randomLayout(6, 6, rng());
                engine::RoutingOptions exact;
                exact.astarHeuristicWeight = 0.0;
                exact.beamWidth = 0;
                exact.maxExpansions = 1000000;
                const auto layer = engine::routeAStar(device, terms, layout, exact);
                QCOMPARE(engine::checkRoutedLayer(device, terms, layer), std::string());
                const std::size_t best = optimalSwaps(device, terms, layout);
                QVERIFY(layer.swaps >= best);
                QVERIFY(layer.swaps <= engine::routeGreedy(device, terms, layout).swaps);
                optimal += layer.swaps == best ? 1 : 0;
                ++cases;
            }
        }
        qInfo("uniform-cost A* optimal on %d of %d tiny cases", optimal, cases);
        QVERIFY(optimal * 10 >= cases * 8);
    }

    void beatsGreedyOnAverage()
    {
        // Quality regression on heavy-hex with 3-regular graphs (default options); seeded, so deterministic.
        const auto device = routing_test::heronR2Device();
        double greedy = 0.0;
        double astar = 0.0;
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            const Terms terms = routing_test::regularTerms(30, 3, 900 + seed);
            const auto layout = routing_test::randomLayout(30, 156, seed);
            greedy += static_cast<double>(engine::routeGreedy(device, terms, layout).swaps);
            astar += static_cast<double>(engine::routeAStar(device, terms, layout).swaps);
        }
        qInfo("mean swaps: greedy %.1f, A* %.1f", greedy / 6, astar / 6);
        QVERIFY(astar < greedy);
    }

    void deterministic()
    {
        const auto device = routing_test::gridDevice(6, 6);
        const Terms terms = routing_test::regularTerms(30, 3, 5);
        const auto layout = routing_test::randomLayout(30, 36, 5);
        QVERIFY(sameSteps(engine::routeAStar(device, terms, layout).steps,
                          engine::routeAStar(device, terms, layout).steps));
    }
};

QTEST_APPLESS_MAIN(TstAStarRouter)
#include "astar_router.test.moc"
