// SPDX-License-Identifier: MIT
// Tests of routing whole QAOA circuits: alternating layers, final layouts for p = 1..4, counts, iterations, cancel.
#include "transpile/qaoa_routing.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"

#include <limits>
#include <string>

using engine::InteractionGraph;
using engine::QubitLayout;
using routing_test::codeOf;
using routing_test::Terms;

namespace {

// A rows x cols grid device built by hand with a row-by-row snake path and no calibration.
engine::DeviceModel gridModel(unsigned rows, unsigned cols)
{
    engine::DeviceModel device;
    device.name = "test-grid";
    device.numQubits = rows * cols;
    device.twoQubitGate = "cx";
    device.qubits.resize(rows * cols);
    const auto grid = routing_test::gridDevice(rows, cols);
    for (const auto& c : grid.couplers())
        device.couplingMap.emplace_back(c.a, c.b);
    for (unsigned r = 0; r < rows; ++r) {
        for (unsigned k = 0; k < cols; ++k)
            device.snakePath.push_back(r * cols + (r % 2 == 0 ? k : cols - 1 - k));
    }
    return device;
}

InteractionGraph regularGraph(unsigned n, unsigned degree, std::uint64_t seed)
{
    InteractionGraph g;
    g.numLogical = n;
    g.terms = routing_test::regularTerms(n, degree, seed);
    return g;
}

} // namespace

class TstQaoaRouting : public QObject {
    Q_OBJECT

private slots:
    void layersAlternateForEachP_data()
    {
        QTest::addColumn<int>("router");
        QTest::addRow("greedy") << static_cast<int>(engine::RouterKind::Greedy);
        QTest::addRow("astar") << static_cast<int>(engine::RouterKind::AStar);
        QTest::addRow("sabre") << static_cast<int>(engine::RouterKind::Sabre);
    }
    void layersAlternateForEachP()
    {
        QFETCH(int, router);
        const auto device = gridModel(4, 5);
        const auto coupling = device.couplingGraph(true);
        const InteractionGraph g = regularGraph(16, 3, 21);
        engine::QaoaRoutingOptions options;
        options.router = static_cast<engine::RouterKind>(router);
        for (std::size_t p = 1; p <= 4; ++p) {
            const auto routed = engine::routeQaoa(device, g, p, options);
            QCOMPARE(routed.layers.size(), p);
            QCOMPARE(routed.initialLayout, routed.layers.front().initialLayout);
            QCOMPARE(routed.finalLayout, routed.layers.back().finalLayout);
            std::size_t swaps = 0;
            std::size_t cnots = 0;
            for (std::size_t k = 0; k < p; ++k) {
                QCOMPARE(engine::checkRoutedLayer(coupling, g.terms, routed.layers[k]), std::string());
                if (k > 0)
                    QCOMPARE(routed.layers[k].initialLayout, routed.layers[k - 1].finalLayout);
                swaps += routed.layers[k].swaps;
                cnots += routed.layers[k].twoQubitGates();
            }
            QCOMPARE(routed.swaps, swaps);
            QCOMPARE(routed.twoQubitGates, cnots);
            QCOMPARE(routed.swaps, p * routed.layers.front().swaps);
            if (p % 2 == 0)
                QCOMPARE(routed.finalLayout, routed.initialLayout);
            else
                QCOMPARE(routed.finalLayout, routed.layers.front().finalLayout);
        }
    }

    void everyLayoutMethodRoutes()
    {
        auto device = gridModel(4, 4);
        device.qubits[5].readoutError = 0.2;
        const auto coupling = device.couplingGraph(true);
        const InteractionGraph g = regularGraph(12, 3, 4);
        for (auto method : {engine::LayoutMethod::Trivial, engine::LayoutMethod::Fiedler, engine::LayoutMethod::Qap,
                            engine::LayoutMethod::Noise}) {
            engine::QaoaRoutingOptions options;
            options.layout = method;
            const auto routed = engine::routeQaoa(device, g, 2, options);
            QVERIFY(routing_test::isInjective(routed.initialLayout, 16));
            QCOMPARE(engine::checkRoutedLayer(coupling, g.terms, routed.layers[0]), std::string());
            QCOMPARE(routed.finalLayout, routed.initialLayout);
        }
    }

    void fiedlerFallsBackWhenTheSnakeIsBroken()
    {
        auto device = gridModel(3, 4);
        device.qubits[6].operational = false;  // on the snake path; the usable graph has no coupler to it
        const auto coupling = device.couplingGraph(true);
        InteractionGraph g;
        g.numLogical = 6;
        g.terms = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}};
        const QubitLayout layout = engine::qaoaInitialLayout(device, coupling, g, engine::LayoutMethod::Fiedler);
        QVERIFY(routing_test::isInjective(layout, 12));
        for (unsigned p : layout)
            QVERIFY(p != 6);
        QCOMPARE(routing_test::embeddedTerms(coupling, g.terms, layout), g.terms.size());
        // With the intact snake the given path is used: the path graph lands on its first six qubits.
        const auto intact = gridModel(3, 4);
        const QubitLayout onSnake =
            engine::qaoaInitialLayout(intact, intact.couplingGraph(true), g, engine::LayoutMethod::Fiedler);
        std::vector<unsigned> used(onSnake.begin(), onSnake.end());
        std::sort(used.begin(), used.end());
        QCOMPARE(used, (std::vector<unsigned>{0, 1, 2, 3, 6, 7}));
    }

    void iterationsKeepTheBestAttempt()
    {
        const auto device = routing_test::heronR2Device();
        const Terms terms = routing_test::regularTerms(40, 3, 13);
        const auto layout = routing_test::randomLayout(40, 156, 13);
        const auto once = engine::routeLayerIterated(engine::RouterKind::Greedy, device, terms, layout, 1);
        engine::RunControl control;
        int reports = 0;
        control.setProgressCallback([&](double, double total, std::string_view) {
            ++reports;
            QCOMPARE(total, 6.0);
        });
        const auto best =
            engine::routeLayerIterated(engine::RouterKind::Greedy, device, terms, layout, 6, {}, control);
        QCOMPARE(reports, 6);
        QVERIFY(best.swaps <= once.swaps);
        QCOMPARE(engine::checkRoutedLayer(device, terms, best), std::string());
        // Reference: rerun the chain of attempts by hand and take the fewest swaps.
        QubitLayout start = layout;
        std::size_t fewest = std::numeric_limits<std::size_t>::max();
        for (int i = 0; i < 6; ++i) {
            const auto attempt = engine::routeGreedy(device, terms, start);
            fewest = std::min(fewest, attempt.swaps);
            start = attempt.finalLayout;
        }
        QCOMPARE(best.swaps, fewest);
    }

    void cancelStopsEarlyWithAValidResult()
    {
        const auto device = gridModel(5, 5);
        const InteractionGraph g = regularGraph(20, 3, 6);
        engine::QaoaRoutingOptions options;
        options.iterations = 50;
        engine::RunControl control;
        int reports = 0;
        control.setProgressCallback([&](double, double, std::string_view stage) {
            if (stage == "routing" && ++reports == 2)
                control.requestCancel();
        });
        const auto routed = engine::routeQaoa(device, g, 3, options, control);
        QCOMPARE(reports, 2);
        QCOMPARE(routed.layers.size(), std::size_t{3});
        QCOMPARE(engine::checkRoutedLayer(device.couplingGraph(true), g.terms, routed.layers[1]), std::string());
    }

    void reversedLayerIsValid()
    {
        const auto device = routing_test::gridDevice(5, 5);
        const Terms terms = routing_test::regularTerms(18, 3, 30);
        const auto layer = engine::routeAStar(device, terms, routing_test::randomLayout(18, 25, 30));
        const auto reversed = engine::reversedRoutedLayer(layer);
        QCOMPARE(engine::checkRoutedLayer(device, terms, reversed), std::string());
        QCOMPARE(reversed.finalLayout, layer.initialLayout);
        QCOMPARE(reversed.twoQubitGates(), layer.twoQubitGates());
    }

    void rejectsBadRequests()
    {
        const auto device = gridModel(2, 3);
        const InteractionGraph g = regularGraph(4, 3, 1);
        QCOMPARE(codeOf([&] { engine::routeQaoa(device, g, 0); }), engine::ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([&] { engine::routeQaoa(device, g, engine::MAX_QAOA_ROUTED_LAYERS + 1); }),
                 engine::ErrorCode::LimitExceeded);
        QCOMPARE(codeOf([&] { engine::routeQaoa(device, regularGraph(8, 3, 1), 1); }),
                 engine::ErrorCode::LimitExceeded);
    }
};

QTEST_APPLESS_MAIN(TstQaoaRouting)
#include "qaoa_routing.test.moc"
