// SPDX-License-Identifier: MIT
// Tests of the SWAP-enhanced heavy-hex generator: subset growth, preset counts, App. B's condition, the swap-merged
// schedule simulated against the QAOA simulator (p = 1, 2, 3), CNOT counts against the generic router, bad input.
#include "transpile/swap_enhanced_instance.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit_simulation.h"
#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "core/error.h"
#include "graph/graph_problems.h"
#include "qaoa/qaoa_simulation.h"
#include "transpile/device_catalog.h"
#include "transpile/device_topologies.h"
#include "transpile/transpiler.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace {

using engine::DeviceModel;
using engine::SwapEnhancedInstance;
using engine::SwapEnhancedPreset;

/// Max over z of |p(z) - q(z)| between the circuit's measured bits and the simulator's probabilities.
double maxProbabilityGap(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return 1.0;
    double gap = 0.0;
    for (std::size_t z = 0; z < a.size(); ++z)
        gap = std::max(gap, std::abs(a[z] - b[z]));
    return gap;
}

/// Checks App. B's condition and the distance-two property of an instance against the device.
QString instanceProblem(const SwapEnhancedInstance& inst, const DeviceModel& device)
{
    const engine::CouplingGraph coupling = device.couplingGraph(true);
    const auto& edges = inst.graph.edges();
    std::set<unsigned> endpoints;
    for (const auto& [u, v] : inst.swapEdges) {
        if (!coupling.areCoupled(inst.qubits[u], inst.qubits[v]))
            return QStringLiteral("swap %1-%2 is not a coupler").arg(u).arg(v);
        endpoints.insert(u);
        endpoints.insert(v);
    }
    if (endpoints.size() != 2 * inst.swapEdges.size())
        return QStringLiteral("swap edges share a vertex");
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const unsigned a = inst.qubits[edges[k].u];
        const unsigned b = inst.qubits[edges[k].v];
        if (edges[k].weight < -1.0 || edges[k].weight > 1.0)
            return QStringLiteral("weight %1 outside [-1, 1]").arg(edges[k].weight);
        const unsigned expected = k < inst.numDeviceEdges ? 1 : 2;
        if (coupling.distance(a, b) != expected)
            return QStringLiteral("edge %1 at distance %2").arg(k).arg(coupling.distance(a, b));
        if (k < inst.numDeviceEdges && endpoints.count(edges[k].u) && endpoints.count(edges[k].v)) {
            const auto pair = std::make_pair(edges[k].u, edges[k].v);
            if (std::find(inst.swapEdges.begin(), inst.swapEdges.end(), pair) == inst.swapEdges.end())
                return QStringLiteral("edge %1 joins two swap edges").arg(k);
        }
        if (k >= inst.numDeviceEdges && endpoints.count(edges[k].u) + endpoints.count(edges[k].v) != 1)
            return QStringLiteral("distance-two edge %1 has %2 swap endpoints")
                .arg(k)
                .arg(endpoints.count(edges[k].u) + endpoints.count(edges[k].v));
    }
    // Induced: every coupler inside the subset is an edge.
    std::size_t inside = 0;
    const std::set<unsigned> qubits(inst.qubits.begin(), inst.qubits.end());
    for (const engine::Coupler& c : coupling.couplers())
        inside += qubits.count(c.a) && qubits.count(c.b) ? 1 : 0;
    if (inside != inst.numDeviceEdges)
        return QStringLiteral("%1 couplers inside the subset, %2 device edges").arg(inside).arg(inst.numDeviceEdges);
    return {};
}

/// The schedule's measured distribution (bits already relabelled by the measurements).
std::vector<double> scheduleDistribution(const engine::SwapEnhancedSchedule& s, const engine::QaoaAngles& angles)
{
    return engine::measuredDistribution(s.circuit, engine::qaoaCircuitValues(angles.gammas, angles.betas));
}

} // namespace

class TstSwapEnhancedInstance : public QObject {
    Q_OBJECT

private slots:
    void growthIsConnectedAndDeterministic();
    void presetCounts_data();
    void presetCounts();
    void presetTopologyOnTorino();
    void weightSetsShareTheTopology();
    void scheduleMatchesQaoaSimulator_data();
    void scheduleMatchesQaoaSimulator();
    void relabellingOfTheStatevector();
    void cnotCountsAndTranspilation();
    void savingAgainstGenericRouter();
    void explicitChoices();
    void badInput();
};

void TstSwapEnhancedInstance::growthIsConnectedAndDeterministic()
{
    const engine::CouplingGraph coupling = engine::heavyHexHeronR1().couplingGraph();
    const std::vector<unsigned> s = engine::growConnectedSubset(coupling, 0, 24);
    QCOMPARE(s.size(), std::size_t{24});
    QVERIFY(std::is_sorted(s.begin(), s.end()));
    QCOMPARE(engine::growConnectedSubset(coupling, 0, 24), s);
    QCOMPARE(s.front(), 0u);
    // A 12-cycle (one heavy-hex cell) closes within 24 qubits: one more edge than a tree.
    std::size_t inside = 0;
    const std::set<unsigned> set(s.begin(), s.end());
    for (const engine::Coupler& c : coupling.couplers())
        inside += set.count(c.a) && set.count(c.b) ? 1 : 0;
    QCOMPARE(inside, std::size_t{24});
    QCOMPARE(engine::growConnectedSubset(coupling, 70, 1), std::vector<unsigned>{70});
}

void TstSwapEnhancedInstance::presetCounts_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("preset");
    QTest::addColumn<int>("deviceEdges");
    QTest::addColumn<int>("swaps");
    QTest::newRow("torino 24") << "torino" << 24 << 24 << 7;
    QTest::newRow("torino 41") << "torino" << 41 << 43 << 11;
    QTest::newRow("fez 24") << "fez" << 24 << 24 << 7;
    QTest::newRow("fez 41") << "fez" << 41 << 42 << 12;
    QTest::newRow("heron-r1 24") << "heavy-hex:heron-r1" << 24 << 24 << 6;
    QTest::newRow("heron-r1 41") << "heavy-hex:heron-r1" << 41 << 43 << 10;
    QTest::newRow("heron-r2 24") << "heavy-hex:heron-r2" << 24 << 24 << 7;
    QTest::newRow("heron-r2 41") << "heavy-hex:heron-r2" << 41 << 44 << 10;
    QTest::newRow("eagle 24") << "heavy-hex:eagle" << 24 << 24 << 6;
    QTest::newRow("eagle 41") << "heavy-hex:eagle" << 41 << 43 << 10;
}

void TstSwapEnhancedInstance::presetCounts()
{
    QFETCH(QString, device);
    QFETCH(int, preset);
    QFETCH(int, deviceEdges);
    QFETCH(int, swaps);
    const DeviceModel d = engine::deviceFromSpec(device.toStdString());
    const SwapEnhancedPreset which = engine::swapEnhancedPresetFromVertices(static_cast<unsigned>(preset));
    const SwapEnhancedInstance inst = engine::swapEnhancedPreset(d, which, 1);
    const std::size_t totalEdges = preset == 24 ? 40 : 68;
    QCOMPARE(inst.graph.numVertices(), std::size_t(preset));
    QCOMPARE(inst.graph.numEdges(), totalEdges);
    QCOMPARE(inst.numDeviceEdges, std::size_t(deviceEdges));
    QCOMPARE(inst.numDistanceTwoEdges(), totalEdges - std::size_t(deviceEdges));
    QCOMPARE(inst.swapEdges.size(), std::size_t(swaps));
    const QString problem = instanceProblem(inst, d);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TstSwapEnhancedInstance::presetTopologyOnTorino()
{
    // The documented choice: qubits grown from qubit 0 of ibm_torino, swap couplers found by the search.
    const DeviceModel torino = engine::deviceFromSpec("torino");
    const SwapEnhancedInstance small = engine::swapEnhancedPreset(torino, SwapEnhancedPreset::Vertices24, 1);
    // ibm_torino's snapshot marks qubit 19 unusable, so the growth takes 35 and 44 below row 1 instead.
    const std::vector<unsigned> qubits24{0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 15,
                                         16, 17, 20, 21, 22, 23, 24, 25, 26, 27, 35, 44};
    QCOMPARE(small.qubits, qubits24);
    std::vector<std::pair<unsigned, unsigned>> physical;
    for (const auto& [u, v] : small.swapEdges)
        physical.emplace_back(small.qubits[u], small.qubits[v]);
    const std::vector<std::pair<unsigned, unsigned>> swaps24{{0, 1},   {3, 4},   {6, 7},  {9, 10},
                                                             {17, 27}, {22, 23}, {25, 35}};
    QCOMPARE(physical, swaps24);
    const SwapEnhancedInstance large = engine::swapEnhancedPreset(torino, SwapEnhancedPreset::Vertices41, 1);
    QCOMPARE(large.qubits.size(), std::size_t{41});
    const std::vector<unsigned> qubits41{0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
                                         15, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                                         30, 31, 35, 36, 41, 42, 43, 44, 45, 46, 47, 48, 54};
    QCOMPARE(large.qubits, qubits41);
    QCOMPARE(large.numDistanceTwoEdges(), std::size_t{25});
}

void TstSwapEnhancedInstance::weightSetsShareTheTopology()
{
    const DeviceModel torino = engine::heavyHexHeronR1();
    const SwapEnhancedInstance first = engine::swapEnhancedPreset(torino, SwapEnhancedPreset::Vertices24, 1);
    double meanAbs = 0.0;
    for (std::uint64_t k = 2; k <= 10; ++k) {
        const SwapEnhancedInstance other = engine::swapEnhancedPreset(torino, SwapEnhancedPreset::Vertices24, k);
        QCOMPARE(other.qubits, first.qubits);
        QCOMPARE(other.swapEdges, first.swapEdges);
        QCOMPARE(other.graph.numEdges(), first.graph.numEdges());
        bool differs = false;
        for (std::size_t e = 0; e < first.graph.numEdges(); ++e) {
            QCOMPARE(other.graph.edges()[e].u, first.graph.edges()[e].u);
            QCOMPARE(other.graph.edges()[e].v, first.graph.edges()[e].v);
            differs = differs || other.graph.edges()[e].weight != first.graph.edges()[e].weight;
            meanAbs += std::abs(other.graph.edges()[e].weight);
        }
        QVERIFY(differs);
    }
    // Uniform on [-1, 1]: E|w| = 1/2; 360 draws, sigma of the mean about 0.29 / sqrt(360) = 0.015 (5 sigma).
    meanAbs /= 9.0 * 40.0;
    QVERIFY2(std::abs(meanAbs - 0.5) < 0.075, qPrintable(QString::number(meanAbs)));
    // Same seed, same weights.
    const SwapEnhancedInstance again = engine::swapEnhancedPreset(torino, SwapEnhancedPreset::Vertices24, 1);
    for (std::size_t e = 0; e < first.graph.numEdges(); ++e)
        QCOMPARE(again.graph.edges()[e].weight, first.graph.edges()[e].weight);
}

void TstSwapEnhancedInstance::scheduleMatchesQaoaSimulator_data()
{
    QTest::addColumn<int>("vertices");
    QTest::addColumn<int>("p");
    for (int p = 1; p <= 3; ++p) {
        QTest::newRow(qPrintable(QStringLiteral("10 vertices p=%1").arg(p))) << 10 << p;
        QTest::newRow(qPrintable(QStringLiteral("12 vertices p=%1").arg(p))) << 12 << p;
    }
}

void TstSwapEnhancedInstance::scheduleMatchesQaoaSimulator()
{
    QFETCH(int, vertices);
    QFETCH(int, p);
    const DeviceModel torino = engine::heavyHexHeronR1();
    engine::SwapEnhancedOptions o;
    o.seedQubit = 0;
    o.numVertices = static_cast<unsigned>(vertices);
    o.weightSeed = 7;
    const SwapEnhancedInstance inst = engine::generateSwapEnhancedInstance(torino, o);
    QVERIFY(!inst.swapEdges.empty());
    QVERIFY(inst.numDistanceTwoEdges() > 0);
    const auto depth = static_cast<std::size_t>(p);
    const engine::SwapEnhancedSchedule s = engine::buildSwapEnhancedSchedule(inst, torino, depth);
    // Odd p leaves every swap applied (bits relabelled), even p brings every qubit home.
    QCOMPARE(s.finalLayout == s.initialLayout, p % 2 == 0);
    engine::QaoaAngles angles;
    for (int k = 0; k < p; ++k) {
        angles.gammas.push_back(0.31 + 0.17 * k);
        angles.betas.push_back(0.52 - 0.11 * k);
    }
    const engine::QaoaSimulator<double> simulator(engine::encodeMaxCut(inst.graph), 1);
    const double gap = maxProbabilityGap(scheduleDistribution(s, angles), simulator.probabilities(angles));
    // Both are exact double-precision simulations of the same unitary: agreement to rounding (1e-10).
    QVERIFY2(gap < 1e-10, qPrintable(QString::number(gap)));
    // A measured distribution without the relabelling would differ for odd p (the check can fail).
    if (p % 2 == 1) {
        engine::SwapEnhancedScheduleOptions unmeasured;
        unmeasured.measure = false;
        engine::Circuit wrong = engine::buildSwapEnhancedSchedule(inst, torino, depth, unmeasured).circuit;
        const unsigned reg = wrong.addRegister("meas", static_cast<unsigned>(inst.qubits.size()));
        for (unsigned v = 0; v < inst.qubits.size(); ++v)
            wrong.measure(s.initialLayout[v], reg, v);
        const std::vector<double> unrelabelled =
            engine::measuredDistribution(wrong, engine::qaoaCircuitValues(angles.gammas, angles.betas));
        QVERIFY(maxProbabilityGap(unrelabelled, simulator.probabilities(angles)) > 1e-4);
    }
}

void TstSwapEnhancedInstance::relabellingOfTheStatevector()
{
    // The state on the used qubits (ascending physical) relabelled by finalLayout equals the simulator's.
    const DeviceModel fez = engine::heavyHexHeronR2();
    engine::SwapEnhancedOptions o;
    o.seedQubit = 40;
    o.numVertices = 11;
    o.weightSeed = 3;
    const SwapEnhancedInstance inst = engine::generateSwapEnhancedInstance(fez, o);
    engine::SwapEnhancedScheduleOptions so;
    so.measure = false;
    const engine::SwapEnhancedSchedule s = engine::buildSwapEnhancedSchedule(inst, fez, 3, so);
    const engine::QaoaAngles angles{{0.2, 0.4, -0.3}, {0.7, 0.35, 0.1}};
    const auto state = engine::simulateCircuit(s.circuit, engine::qaoaCircuitValues(angles.gammas, angles.betas), 1);
    const std::vector<unsigned> used = s.circuit.usedQubits();
    QCOMPARE(used, inst.qubits);
    const std::vector<double> reference =
        engine::QaoaSimulator<double>(engine::encodeMaxCut(inst.graph), 1).probabilities(angles);
    const std::size_t n = inst.qubits.size();
    std::vector<unsigned> stateBitOfVertex(n);
    for (std::size_t v = 0; v < n; ++v)
        stateBitOfVertex[v] = static_cast<unsigned>(
            std::lower_bound(used.begin(), used.end(), s.finalLayout[v]) - used.begin());
    double gap = 0.0;
    for (std::uint64_t z = 0; z < state.size(); ++z) {
        std::uint64_t x = 0;
        for (std::size_t v = 0; v < n; ++v)
            x |= ((z >> stateBitOfVertex[v]) & 1u) << v;
        gap = std::max(gap, std::abs(std::norm(state.amplitudes()[z]) - reference[x]));
    }
    QVERIFY2(gap < 1e-10, qPrintable(QString::number(gap)));
}

void TstSwapEnhancedInstance::cnotCountsAndTranspilation()
{
    const DeviceModel torino = engine::deviceFromSpec("torino");
    const SwapEnhancedInstance inst = engine::swapEnhancedPreset(torino, SwapEnhancedPreset::Vertices24, 2);
    const std::size_t m = inst.numDeviceEdges;
    const std::size_t swaps = inst.swapEdges.size();
    const std::size_t perLayer = 2 * (m - swaps) + 3 * swaps + 2 * inst.numDistanceTwoEdges();
    QCOMPARE(perLayer, std::size_t{2 * 17 + 3 * 7 + 2 * 16});
    for (std::size_t p : {1, 2, 3}) {
        const engine::SwapEnhancedSchedule s = engine::buildSwapEnhancedSchedule(inst, torino, p);
        QCOMPARE(s.twoQubitGates, p * perLayer);
        QCOMPARE(s.mergedSwaps, p * swaps);
        const engine::CircuitStats stats = s.circuit.stats();
        QCOMPARE(stats.countsByName.at("cx") + 2 * stats.countsByName.at("rzz"), s.twoQubitGates);
        // The existing transpiler takes the schedule as it is: no swap, one CZ per CNOT.
        engine::TranspileOptions options;
        options.layout = engine::LayoutMethod::Trivial;
        options.parameterValues = engine::qaoaCircuitValues(std::vector<double>(p, 0.3), std::vector<double>(p, 0.6));
        const engine::TranspileResult t = engine::transpileCircuit(s.circuit, torino, options);
        QCOMPARE(t.swaps, std::size_t{0});
        QCOMPARE(t.twoQubitGates, s.twoQubitGates);
        // QASM 3 export round-trips.
        const engine::Circuit back = engine::importQasm(engine::exportQasm3(s.circuit));
        QCOMPARE(back.stats().twoQubitGates, stats.twoQubitGates);
    }
}

void TstSwapEnhancedInstance::savingAgainstGenericRouter()
{
    const DeviceModel torino = engine::heavyHexHeronR1();
    for (SwapEnhancedPreset preset : {SwapEnhancedPreset::Vertices24, SwapEnhancedPreset::Vertices41}) {
        const SwapEnhancedInstance inst = engine::swapEnhancedPreset(torino, preset, 1);
        engine::QaoaRoutingOptions routing;  // QAP layout, A* router
        const engine::SwapEnhancedComparison c = engine::compareSwapEnhancedRouting(inst, torino, 2, routing);
        qInfo("preset %u, p = 2: schedule %zu CNOT; A*+QAP %zu CNOT (%zu swaps); A* from the placement %zu CNOT "
              "(%zu swaps)",
              engine::swapEnhancedPresetVertices(preset), c.scheduleTwoQubitGates, c.routedTwoQubitGates,
              c.routedSwaps, c.placedTwoQubitGates, c.placedSwaps);
        QVERIFY(c.scheduleTwoQubitGates < c.routedTwoQubitGates);
        QVERIFY(c.scheduleTwoQubitGates <= c.placedTwoQubitGates);
    }
}

void TstSwapEnhancedInstance::explicitChoices()
{
    const DeviceModel torino = engine::heavyHexHeronR1();
    engine::SwapEnhancedOptions o;
    o.qubits = {4, 3, 2, 1, 0, 15, 19};  // row 0 columns 0..4, bridge 15, qubit 19 below it
    o.swapCouplers = {{2, 3}};
    const SwapEnhancedInstance inst = engine::generateSwapEnhancedInstance(torino, o);
    QCOMPARE(inst.qubits, (std::vector<unsigned>{0, 1, 2, 3, 4, 15, 19}));
    QCOMPARE(inst.numDeviceEdges, std::size_t{6});
    // Swap 2-3 adds 2-4 and 1-3 (qubits 0..4 are vertices 0..4, 15 is vertex 5, 19 vertex 6).
    QCOMPARE(inst.numDistanceTwoEdges(), std::size_t{2});
    QVERIFY(inst.graph.hasEdge(2, 4));
    QVERIFY(inst.graph.hasEdge(1, 3));
    // Maximal greedy choice: 0-1 (adds 0-2 and 1-15) blocks 0-15, 1-2, 2-3 and 15-19; 3-4 adds 2-4.
    o.swapCouplers.clear();
    const SwapEnhancedInstance greedy = engine::generateSwapEnhancedInstance(torino, o);
    QCOMPARE(greedy.swapEdges.size(), std::size_t{2});
    QVERIFY(instanceProblem(greedy, torino).isEmpty());
    // An exact target.
    o.targetEdges = 7;
    QCOMPARE(engine::generateSwapEnhancedInstance(torino, o).graph.numEdges(), std::size_t{7});
}

void TstSwapEnhancedInstance::badInput()
{
    const DeviceModel torino = engine::heavyHexHeronR1();
    auto throwsAt = [&](const engine::SwapEnhancedOptions& o, const std::string& where) {
        try {
            engine::generateSwapEnhancedInstance(torino, o);
        } catch (const engine::Error& e) {
            return e.where().rfind(where, 0) == 0;
        }
        return false;
    };
    engine::SwapEnhancedOptions o;
    o.qubits = {0, 1, 3};  // 3 is not joined to 0-1
    QVERIFY(throwsAt(o, "qubits"));
    o.qubits = {0, 1, 1};
    QVERIFY(throwsAt(o, "qubits"));
    o.qubits = {0, 1, 500};
    QVERIFY(throwsAt(o, "qubits"));
    o.qubits = {0, 1, 2, 3, 4};
    o.swapCouplers = {{0, 1}, {2, 3}};  // 1 and 2 are neighbours
    QVERIFY(throwsAt(o, "swapCouplers[1]"));
    o.swapCouplers = {{0, 2}};  // not a coupler
    QVERIFY(throwsAt(o, "swapCouplers[0]"));
    o.swapCouplers.clear();
    o.targetEdges = 3;  // fewer than the 4 device edges
    QVERIFY(throwsAt(o, "targetEdges"));
    o.targetEdges = 9;  // a path of 5 can add at most 2
    QVERIFY(throwsAt(o, "targetEdges"));
    o.qubits.clear();
    o.targetEdges = 0;
    o.numVertices = 0;
    QVERIFY(throwsAt(o, "numVertices"));
    o.numVertices = 200;
    QVERIFY(throwsAt(o, "numVertices"));
    o.numVertices = 5;
    o.seedQubit = 133;
    QVERIFY(throwsAt(o, "seedQubit"));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::swapEnhancedPresetFromVertices(30));

    o.seedQubit = 0;
    const SwapEnhancedInstance inst = engine::generateSwapEnhancedInstance(torino, o);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::buildSwapEnhancedSchedule(inst, torino, 0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::buildSwapEnhancedSchedule(inst, engine::lineDevice(3), 1));
    // A distance-two edge whose swap was dropped cannot be scheduled.
    SwapEnhancedInstance broken = inst;
    broken.swapEdges.clear();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::buildSwapEnhancedSchedule(broken, torino, 1));
}

QTEST_APPLESS_MAIN(TstSwapEnhancedInstance)
#include "swap_enhanced_instance.test.moc"
