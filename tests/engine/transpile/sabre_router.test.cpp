// SPDX-License-Identifier: MIT
// Tests of the SABRE router: validity, gate order per qubit, trials, determinism and the release valve.
#include "transpile/swap_routing.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"

#include <string>

using engine::CouplingGraph;
using engine::RoutedLayer;
using engine::RoutingStep;
using routing_test::Terms;

namespace {

// Slow reference for the dependency rule: on every logical qubit the gates run in program order.
bool respectsProgramOrder(const Terms& gates, const RoutedLayer& layer)
{
    for (const auto& perQubit : routing_test::executionOrderPerQubit(gates, layer)) {
        if (!std::is_sorted(perQubit.begin(), perQubit.end()))
            return false;
    }
    return true;
}

} // namespace

class TstSabreRouter : public QObject {
    Q_OBJECT

private slots:
    void validAndOrderedOnManyInstances()
    {
        const std::vector<CouplingGraph> devices{routing_test::lineDevice(14), routing_test::gridDevice(5, 6),
                                                 routing_test::heronR2Device()};
        int checked = 0;
        for (const CouplingGraph& device : devices) {
            for (unsigned degree : {2u, 3u, 5u}) {
                for (std::uint64_t seed = 0; seed < 6; ++seed) {
                    const unsigned n = std::min(device.numQubits(), 8u + 2 * static_cast<unsigned>(seed));
                    const Terms gates = routing_test::regularTerms(n, degree, 500 + seed);
                    const auto layout = routing_test::randomLayout(n, device.numQubits(), seed);
                    for (bool merge : {false, true}) {
                        engine::RoutingOptions options;
                        options.mergeSwapsWithTerms = merge;
                        const auto layer = engine::routeSabre(device, gates, layout, options);
                        QCOMPARE(engine::checkRoutedLayer(device, gates, layer), std::string());
                        QVERIFY(respectsProgramOrder(gates, layer));
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked > 100);
    }

    void smallKnownCase()
    {
        // Line 0-1-2, gate (0, 2) with logical i on physical i: one swap, then the gate.
        const auto line = routing_test::lineDevice(3);
        const auto layer = engine::routeSabre(line, {{0, 2}}, {0, 1, 2});
        QCOMPARE(layer.swaps, std::size_t{1});
        QCOMPARE(engine::checkRoutedLayer(line, {{0, 2}}, layer), std::string());
        // A gate that is already adjacent needs nothing.
        QCOMPARE(engine::routeSabre(line, {{0, 1}, {1, 2}}, {0, 1, 2}).swaps, std::size_t{0});
    }

    void moreTrialsNeverHurt()
    {
        // Trial t uses the same seed whatever the trial count, so the best of more trials cannot be worse.
        const auto device = routing_test::heronR2Device();
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            const Terms gates = routing_test::regularTerms(40, 3, seed);
            const auto layout = routing_test::randomLayout(40, 156, seed);
            engine::RoutingOptions one;
            one.sabreTrials = 1;
            engine::RoutingOptions eight;
            eight.sabreTrials = 8;
            QVERIFY(engine::routeSabre(device, gates, layout, eight).swaps <=
                    engine::routeSabre(device, gates, layout, one).swaps);
        }
    }

    void deterministicForASeed()
    {
        const auto device = routing_test::gridDevice(6, 6);
        const Terms gates = routing_test::regularTerms(30, 3, 77);
        const auto layout = routing_test::randomLayout(30, 36, 77);
        engine::RoutingOptions options;
        options.seed = 42;
        const auto a = engine::routeSabre(device, gates, layout, options);
        const auto b = engine::routeSabre(device, gates, layout, options);
        QCOMPARE(a.swaps, b.swaps);
        QCOMPARE(a.finalLayout, b.finalLayout);
        QCOMPARE(a.steps.size(), b.steps.size());
    }

    void releaseValveGuaranteesProgress()
    {
        // Without look-ahead or decay the plain front-layer score can oscillate; the valve must still finish.
        engine::RoutingOptions options;
        options.sabreLookahead = 0;
        options.sabreDecay = 0.0;
        options.sabreLookaheadWeight = 0.0;
        const auto line = routing_test::lineDevice(12);
        Terms gates;
        for (unsigned k = 0; k < 6; ++k)
            gates.emplace_back(k, 11 - k);  // nested pairs: every swap that helps one gate hurts another
        const auto layer = engine::routeSabre(line, gates, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, options);
        QCOMPARE(engine::checkRoutedLayer(line, gates, layer), std::string());
        QVERIFY(respectsProgramOrder(gates, layer));
        const auto grid = routing_test::gridDevice(4, 4);
        const Terms dense = routing_test::regularTerms(16, 7, 3);
        const auto layer2 = engine::routeSabre(grid, dense, routing_test::randomLayout(16, 16, 3), options);
        QCOMPARE(engine::checkRoutedLayer(grid, dense, layer2), std::string());
    }

    void repeatedGatesOnOnePair()
    {
        const auto grid = routing_test::gridDevice(3, 3);
        const Terms gates{{0, 8}, {8, 0}, {0, 8}, {1, 2}, {0, 1}};
        const auto layer = engine::routeSabre(grid, gates, {0, 1, 2, 3, 4, 5, 6, 7, 8});
        QCOMPARE(engine::checkRoutedLayer(grid, gates, layer), std::string());
        QVERIFY(respectsProgramOrder(gates, layer));
    }
};

QTEST_APPLESS_MAIN(TstSabreRouter)
#include "sabre_router.test.moc"
