// SPDX-License-Identifier: MIT
// Tests of the shared routing parts: names, CNOT counts, scheduling, the layer checker, merging and input checks.
#include "transpile/swap_routing.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"
#include "transpile/routing_internal.h"

#include <string>

using engine::RoutedLayer;
using engine::RoutingStep;
using routing_test::codeOf;
using routing_test::Terms;

namespace {

RoutingStep step(RoutingStep::Kind kind, unsigned a, unsigned b, int term = -1)
{
    RoutingStep s;
    s.kind = kind;
    s.physA = a;
    s.physB = b;
    s.term = term;
    return s;
}
RoutingStep swapStep(unsigned a, unsigned b) { return step(RoutingStep::Kind::Swap, a, b); }
RoutingStep termStep(unsigned a, unsigned b, int t) { return step(RoutingStep::Kind::Term, a, b, t); }

// Slow reference for the ASAP depth: repeatedly assign each step the first layer after all earlier steps that
// share a qubit with it.
std::size_t referenceDepth(const std::vector<RoutingStep>& steps)
{
    std::vector<std::size_t> layerOf(steps.size(), 0);
    std::size_t depth = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            const bool share = steps[i].physA == steps[j].physA || steps[i].physA == steps[j].physB ||
                               steps[i].physB == steps[j].physA || steps[i].physB == steps[j].physB;
            if (share)
                layerOf[i] = std::max(layerOf[i], layerOf[j] + 1);
        }
        depth = std::max(depth, layerOf[i] + 1);
    }
    return depth;
}

// A valid hand-made layer on the line 0-1-2: terms (0,1), (0,2) with logical i on physical i.
RoutedLayer handLayer()
{
    RoutedLayer layer;
    layer.initialLayout = {0, 1, 2};
    layer.steps = {termStep(0, 1, 0), swapStep(1, 2), termStep(0, 1, 1)};
    layer.finalLayout = {0, 2, 1};
    layer.swaps = 1;
    engine::scheduleSteps(layer);
    return layer;
}

} // namespace

class TstSwapRouting : public QObject {
    Q_OBJECT

private slots:
    void routerNames()
    {
        for (auto kind : {engine::RouterKind::Greedy, engine::RouterKind::AStar, engine::RouterKind::Sabre})
            QCOMPARE(engine::routerKindFromName(engine::routerKindName(kind)), kind);
        QCOMPARE(std::string(engine::routerKindName(engine::RouterKind::AStar)), std::string("astar"));
        QCOMPARE(codeOf([] { engine::routerKindFromName("lookahead"); }), engine::ErrorCode::InvalidArgument);
    }

    void twoQubitGateCount()
    {
        RoutedLayer layer;
        layer.steps = {termStep(0, 1, 0), swapStep(1, 2), step(RoutingStep::Kind::SwapAndTerm, 0, 1, 1),
                       termStep(2, 3, 2)};
        QCOMPARE(layer.twoQubitGates(), std::size_t{2 + 3 + 3 + 2});
        QCOMPARE(RoutedLayer{}.twoQubitGates(), std::size_t{0});
    }

    void scheduleMatchesReference()
    {
        std::mt19937_64 rng(3);
        std::uniform_int_distribution<unsigned> qubit(0, 7);
        for (int trial = 0; trial < 50; ++trial) {
            RoutedLayer layer;
            for (int k = 0; k < 30; ++k) {
                const unsigned a = qubit(rng);
                unsigned b = qubit(rng);
                if (b == a)
                    b = (a + 1) % 8;
                layer.steps.push_back(swapStep(a, b));
            }
            engine::scheduleSteps(layer);
            QCOMPARE(layer.depth, referenceDepth(layer.steps));
            for (std::size_t i = 0; i < layer.steps.size(); ++i)
                QVERIFY(layer.steps[i].timeStep < layer.depth);
        }
        RoutedLayer empty;
        engine::scheduleSteps(empty);
        QCOMPARE(empty.depth, std::size_t{0});
    }

    void checkerAcceptsValidLayer()
    {
        const auto device = routing_test::lineDevice(3);
        const Terms terms{{0, 1}, {0, 2}};
        QCOMPARE(engine::checkRoutedLayer(device, terms, handLayer()), std::string());
    }

    void checkerFindsEachFault()
    {
        const auto device = routing_test::lineDevice(3);
        const Terms terms{{0, 1}, {0, 2}};
        auto expectFault = [&](const RoutedLayer& layer, const char* what) {
            const std::string message = engine::checkRoutedLayer(device, terms, layer);
            if (message.empty())
                QFAIL(what);
        };
        RoutedLayer notCoupler = handLayer();
        notCoupler.steps[1] = swapStep(0, 2);
        expectFault(notCoupler, "swap on a missing coupler");
        RoutedLayer missingTerm = handLayer();
        missingTerm.steps.pop_back();
        expectFault(missingTerm, "term never executed");
        RoutedLayer twice = handLayer();
        twice.steps.push_back(termStep(0, 1, 1));
        expectFault(twice, "term executed twice");
        RoutedLayer wrongPlace = handLayer();
        wrongPlace.steps[0] = termStep(1, 2, 0);
        expectFault(wrongPlace, "term away from its qubits");
        RoutedLayer badFinal = handLayer();
        badFinal.finalLayout = {0, 1, 2};
        expectFault(badFinal, "final layout wrong");
        RoutedLayer badCount = handLayer();
        badCount.swaps = 2;
        expectFault(badCount, "swap count wrong");
        RoutedLayer badDepth = handLayer();
        badDepth.depth = 7;
        expectFault(badDepth, "depth wrong");
        RoutedLayer notInjective = handLayer();
        notInjective.initialLayout = {0, 0, 2};
        expectFault(notInjective, "layout not injective");
        RoutedLayer badIndex = handLayer();
        badIndex.steps[0].term = 5;
        expectFault(badIndex, "term index out of range");
    }

    void mergeFoldsNeighbouringTerm()
    {
        // Term then swap on the same pair.
        std::vector<RoutingStep> steps{termStep(0, 1, 0), swapStep(1, 0)};
        engine::detail::mergeSwapsWithTerms(steps, true);
        QCOMPARE(steps.size(), std::size_t{1});
        QCOMPARE(steps[0].kind, RoutingStep::Kind::SwapAndTerm);
        QCOMPARE(steps[0].term, 0);
        // Swap then term on the same pair.
        steps = {swapStep(2, 3), termStep(3, 2, 4)};
        engine::detail::mergeSwapsWithTerms(steps, false);
        QCOMPARE(steps.size(), std::size_t{1});
        QCOMPARE(steps[0].term, 4);
    }

    void mergeRespectsOrderRules()
    {
        // A term on (1, 2) in between: commuting terms let the (0, 1) term slide to the swap, ordered gates not.
        const std::vector<RoutingStep> base{termStep(0, 1, 0), termStep(1, 2, 1), swapStep(0, 1)};
        std::vector<RoutingStep> commuting = base;
        engine::detail::mergeSwapsWithTerms(commuting, true);
        QCOMPARE(commuting.size(), std::size_t{2});
        QCOMPARE(commuting[1].kind, RoutingStep::Kind::SwapAndTerm);
        QCOMPARE(commuting[1].term, 0);
        std::vector<RoutingStep> ordered = base;
        engine::detail::mergeSwapsWithTerms(ordered, false);
        QCOMPARE(ordered.size(), std::size_t{3});
        // A swap touching qubit 1 in between blocks merging in both modes.
        std::vector<RoutingStep> blocked{termStep(0, 1, 0), swapStep(1, 2), swapStep(0, 1)};
        engine::detail::mergeSwapsWithTerms(blocked, true);
        QCOMPARE(blocked.size(), std::size_t{3});
        // Each term merges at most once.
        std::vector<RoutingStep> once{termStep(0, 1, 0), swapStep(0, 1), swapStep(0, 1)};
        engine::detail::mergeSwapsWithTerms(once, true);
        QCOMPARE(once.size(), std::size_t{2});
        QCOMPARE(once[0].kind, RoutingStep::Kind::SwapAndTerm);
        QCOMPARE(once[1].kind, RoutingStep::Kind::Swap);
    }

    void mergingKeepsLayersValid()
    {
        const auto device = routing_test::gridDevice(4, 4);
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            const Terms terms = routing_test::regularTerms(12, 3, seed);
            const auto layout = routing_test::randomLayout(12, 16, seed);
            for (auto kind : {engine::RouterKind::Greedy, engine::RouterKind::AStar, engine::RouterKind::Sabre}) {
                engine::RoutingOptions plain;
                plain.mergeSwapsWithTerms = false;
                engine::RoutingOptions merged;
                const RoutedLayer a = engine::routeTerms(kind, device, terms, layout, plain);
                const RoutedLayer b = engine::routeTerms(kind, device, terms, layout, merged);
                QCOMPARE(engine::checkRoutedLayer(device, terms, a), std::string());
                QCOMPARE(engine::checkRoutedLayer(device, terms, b), std::string());
                QCOMPARE(a.mergedSwaps, std::size_t{0});
                QCOMPARE(b.swaps, a.swaps);
                // SABRE keeps the trial with the lower depth among equal swap counts, and merging changes depth.
                if (kind != engine::RouterKind::Sabre)
                    QCOMPARE(b.finalLayout, a.finalLayout);
                // Each merge saves exactly the 2 CNOTs of the term it absorbs.
                QCOMPARE(b.twoQubitGates() + 2 * b.mergedSwaps, a.twoQubitGates());
            }
        }
    }

    void routeTermsDispatches()
    {
        const auto device = routing_test::gridDevice(3, 4);
        const Terms terms = routing_test::regularTerms(10, 3, 9);
        const auto layout = routing_test::randomLayout(10, 12, 9);
        const auto direct = engine::routeGreedy(device, terms, layout);
        const auto viaKind = engine::routeTerms(engine::RouterKind::Greedy, device, terms, layout);
        QCOMPARE(viaKind.swaps, direct.swaps);
        QCOMPARE(viaKind.steps.size(), direct.steps.size());
        QCOMPARE(engine::routeTerms(engine::RouterKind::Sabre, device, terms, layout).swaps,
                 engine::routeSabre(device, terms, layout).swaps);
        QCOMPARE(engine::routeTerms(engine::RouterKind::AStar, device, terms, layout).swaps,
                 engine::routeAStar(device, terms, layout).swaps);
    }

    void rejectsBadInput()
    {
        const auto device = routing_test::lineDevice(4);
        const Terms ok{{0, 1}};
        for (auto kind : {engine::RouterKind::Greedy, engine::RouterKind::AStar, engine::RouterKind::Sabre}) {
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, ok, {0, 0}); }), engine::ErrorCode::InvalidArgument);
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, ok, {0, 4}); }), engine::ErrorCode::InvalidArgument);
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, {{1, 1}}, {0, 1}); }),
                     engine::ErrorCode::InvalidArgument);
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, {{0, 2}}, {0, 1}); }),
                     engine::ErrorCode::InvalidArgument);
            engine::RoutingOptions badQ;
            badQ.distanceExponent = 0.0;
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, ok, {0, 1}, badQ); }),
                     engine::ErrorCode::InvalidArgument);
            engine::RoutingOptions badWeight;
            badWeight.astarHeuristicWeight = std::nan("");
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, ok, {0, 1}, badWeight); }),
                     engine::ErrorCode::InvalidArgument);
        }
    }

    void termsThatCannotMeetAreAnError()
    {
        // Two separate lines 0-1 and 2-3: a term across them can never be implemented.
        const engine::CouplingGraph device(4, {{0, 1}, {2, 3}});
        for (auto kind : {engine::RouterKind::Greedy, engine::RouterKind::AStar, engine::RouterKind::Sabre}) {
            QCOMPARE(codeOf([&] { engine::routeTerms(kind, device, {{0, 1}}, {0, 2}); }),
                     engine::ErrorCode::InvalidArgument);
            // Terms inside each component are fine.
            const auto layer = engine::routeTerms(kind, device, {{0, 1}, {2, 3}}, {1, 0, 3, 2});
            QCOMPARE(engine::checkRoutedLayer(device, {{0, 1}, {2, 3}}, layer), std::string());
        }
    }

    void termStateMatchesRecomputation()
    {
        // The incremental D and the one-pass swap effect against recomputing everything from the layout.
        const auto device = routing_test::heronR2Device();
        const Terms terms = routing_test::regularTerms(40, 3, 17);
        for (double q : {1.0, 0.5, 2.0}) {
            const engine::detail::TermContext context(device, terms, 40, q);
            engine::detail::TermState state(context, routing_test::randomLayout(40, 156, 17));
            auto recomputed = [&](const engine::detail::TermState& s) {
                double d = 0.0;
                for (unsigned t = 0; t < terms.size(); ++t) {
                    if (s.isPending(t))
                        d += std::pow(device.distance(s.physOf(terms[t].first), s.physOf(terms[t].second)), q);
                }
                return d;
            };
            std::mt19937_64 rng(5);
            std::vector<unsigned> implemented;
            for (int k = 0; k < 300; ++k) {
                const auto& c = device.couplers()[rng() % device.couplers().size()];
                const auto effect = state.swapEffect(c.a, c.b);
                engine::detail::TermState copy = state;
                copy.applySwap(c.a, c.b);
                QAOA_COMPARE_NEAR(effect.delta, recomputed(copy) - recomputed(state), 1e-9);
                QAOA_COMPARE_NEAR(effect.delta, state.swapDelta(c.a, c.b), 1e-9);
                QCOMPARE(effect.newlyAdjacent, state.swapNewlyAdjacent(c.a, c.b));
                QCOMPARE(effect.relevant, state.swapIsRelevant(c.a, c.b));
                state.applySwap(c.a, c.b);
                implemented.clear();
                state.implementAdjacentAt(c.a, c.b, implemented);
                QAOA_COMPARE_NEAR(state.totalDistance(), recomputed(state), 1e-9);
                for (unsigned t = 0; t < terms.size(); ++t) {
                    if (state.isPending(t) && state.termDistance(t) == 1 && (state.physOf(terms[t].first) == c.a ||
                                                                           state.physOf(terms[t].first) == c.b ||
                                                                           state.physOf(terms[t].second) == c.a ||
                                                                           state.physOf(terms[t].second) == c.b))
                        QFAIL("an adjacent term touching the swap was left pending");
                }
            }
        }
    }

    void stateHashTracksState()
    {
        const auto device = routing_test::gridDevice(3, 3);
        const Terms terms{{0, 1}, {1, 2}, {0, 2}};
        const engine::detail::TermContext context(device, terms, 3, 1.0);
        engine::detail::TermState a(context, {0, 4, 8});
        engine::detail::TermState b = a;
        QCOMPARE(a.hash(), b.hash());
        b.applySwap(0, 1);
        QVERIFY(a.hash() != b.hash());
        b.applySwap(0, 1);
        QCOMPARE(a.hash(), b.hash());
        // Disjoint swaps in either order reach the same state and the same hash.
        engine::detail::TermState c = a;
        engine::detail::TermState d = a;
        c.applySwap(0, 1);
        c.applySwap(7, 8);
        d.applySwap(7, 8);
        d.applySwap(0, 1);
        QCOMPARE(c.layout(), d.layout());
        QCOMPARE(c.hash(), d.hash());
    }
};

QTEST_APPLESS_MAIN(TstSwapRouting)
#include "swap_routing.test.moc"
