// SPDX-License-Identifier: MIT
// Tests of the graph layouts: circle geometry, seeded spring layouts without overlaps, device coordinates.
#include "graph/graph_layout.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "transpile/device_topologies.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>

using engine::LayoutPoint;

namespace {

double distance(const LayoutPoint& a, const LayoutPoint& b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Smallest distance between two different vertices (O(n^2), the obvious reference).
double minPairDistance(const std::vector<LayoutPoint>& pos)
{
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < pos.size(); ++i)
        for (std::size_t j = i + 1; j < pos.size(); ++j)
            best = std::min(best, distance(pos[i], pos[j]));
    return best;
}

std::vector<LayoutPoint> toLayout(const std::vector<engine::QubitPosition>& positions)
{
    std::vector<LayoutPoint> out;
    for (const engine::QubitPosition& p : positions)
        out.push_back(LayoutPoint{p.x, p.y});
    return out;
}

} // namespace

class TstGraphLayout : public QObject {
    Q_OBJECT

private slots:
    void circularRadiusAndAngles();
    void circularSpacing();
    void circularRejectsBadRadius();
    void springIsSeededAndDeterministic();
    void springHasNoOverlaps_data();
    void springHasNoOverlaps();
    void springNeighboursCloserThanStrangers();
    void springTrivialSizes();
    void springCancelReturnsPositions();
    void springThousandVertices();
    void deviceLayoutUsesDeviceCoordinates();
    void deviceLayoutRejectsTooManyVertices();
};

void TstGraphLayout::circularRadiusAndAngles()
{
    const std::vector<LayoutPoint> pos = engine::circularLayout(8, 3.0);
    QCOMPARE(pos.size(), std::size_t{8});
    for (std::size_t i = 0; i < pos.size(); ++i) {
        QAOA_COMPARE_NEAR(distance(pos[i], LayoutPoint{}), 3.0, 1e-12);
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / 8.0;
        QAOA_COMPARE_NEAR(pos[i].x, 3.0 * std::sin(a), 1e-12);
        QAOA_COMPARE_NEAR(pos[i].y, -3.0 * std::cos(a), 1e-12);
    }
    // Vertex 0 at the top, vertex 2 (a quarter turn later) on the right: clockwise on a y-down screen.
    QAOA_COMPARE_NEAR(pos[0].y, -3.0, 1e-12);
    QAOA_COMPARE_NEAR(pos[2].x, 3.0, 1e-12);
    QVERIFY(engine::circularLayout(0).empty());
}

void TstGraphLayout::circularSpacing()
{
    for (std::size_t n : {std::size_t{3}, std::size_t{10}, std::size_t{1000}}) {
        const double r = engine::circularRadiusForSpacing(n, 2.0);
        const std::vector<LayoutPoint> pos = engine::circularLayout(n, r);
        QAOA_COMPARE_NEAR(distance(pos[0], pos[1]), 2.0, 1e-9);
    }
    QCOMPARE(engine::circularRadiusForSpacing(1, 2.0), 2.0);
    QAOA_COMPARE_NEAR(engine::circularRadiusForSpacing(2, 2.0), 1.0, 1e-12);
}

void TstGraphLayout::circularRejectsBadRadius()
{
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::circularLayout(4, 0.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::circularLayout(4, std::nan("")));
}

void TstGraphLayout::springIsSeededAndDeterministic()
{
    const engine::WeightedGraph g = engine::randomRegularGraph(40, 3, engine::WeightKind::Unit, 5);
    engine::SpringLayoutOptions options;
    options.seed = 11;
    const std::vector<LayoutPoint> a = engine::springLayout(g, options);
    const std::vector<LayoutPoint> b = engine::springLayout(g, options);
    QVERIFY(a == b);
    options.seed = 12;
    const std::vector<LayoutPoint> c = engine::springLayout(g, options);
    QVERIFY(!(a == c));
}

void TstGraphLayout::springHasNoOverlaps_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("n");
    QTest::newRow("3-regular 50") << 0 << 50;
    QTest::newRow("G(n, 0.1) 80") << 1 << 80;
    QTest::newRow("complete 12") << 2 << 12;
    QTest::newRow("no edges 30") << 3 << 30;
    QTest::newRow("line 25") << 4 << 25;
}

void TstGraphLayout::springHasNoOverlaps()
{
    QFETCH(int, kind);
    QFETCH(int, n);
    const auto size = static_cast<std::size_t>(n);
    engine::WeightedGraph g;
    switch (kind) {
    case 0: g = engine::randomRegularGraph(size, 3, engine::WeightKind::Unit, 1); break;
    case 1: g = engine::erdosRenyiGraph(size, 0.1, engine::WeightKind::Unit, 2); break;
    case 2: g = engine::completeGraph(size, engine::WeightKind::Unit, 3); break;
    case 3: g = engine::WeightedGraph(size); break;
    default: g = engine::lineGraph(size, engine::WeightKind::Unit, 4); break;
    }
    const std::vector<LayoutPoint> pos = engine::springLayout(g);
    QCOMPARE(pos.size(), size);
    // The final pass keeps every pair at least minSeparation = 0.4 k apart (vertices are drawn 0.33 k across).
    const double minDistance = minPairDistance(pos);
    QVERIFY2(minDistance > 0.39, qPrintable(QString::number(minDistance)));
    for (const LayoutPoint& p : pos)
        QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
}

void TstGraphLayout::springNeighboursCloserThanStrangers()
{
    // Two 10-cycles joined by nothing: edges end near k, far shorter than the mean distance of non-adjacent pairs.
    engine::WeightedGraph g(20);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t i = 0; i < 10; ++i)
            g.addEdge(c * 10 + i, c * 10 + (i + 1) % 10);
    const std::vector<LayoutPoint> pos = engine::springLayout(g);
    double edgeSum = 0.0;
    for (const engine::Edge& e : g.edges())
        edgeSum += distance(pos[e.u], pos[e.v]);
    const double meanEdge = edgeSum / static_cast<double>(g.numEdges());
    double otherSum = 0.0;
    int others = 0;
    for (std::size_t i = 0; i < 20; ++i)
        for (std::size_t j = i + 1; j < 20; ++j)
            if (!g.hasEdge(i, j)) {
                otherSum += distance(pos[i], pos[j]);
                ++others;
            }
    QVERIFY2(meanEdge > 0.5 && meanEdge < 2.0, qPrintable(QString::number(meanEdge)));
    QVERIFY(meanEdge < 0.6 * otherSum / others);
}

void TstGraphLayout::springTrivialSizes()
{
    QVERIFY(engine::springLayout(engine::WeightedGraph()).empty());
    const std::vector<LayoutPoint> one = engine::springLayout(engine::WeightedGraph(1));
    QCOMPARE(one.size(), std::size_t{1});
    QVERIFY(one[0] == LayoutPoint{});
    engine::SpringLayoutOptions bad;
    bad.idealEdgeLength = -1.0;
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::springLayout(engine::WeightedGraph(3), bad));
}

void TstGraphLayout::springCancelReturnsPositions()
{
    engine::RunControl control;
    control.requestCancel();
    const engine::WeightedGraph g = engine::lineGraph(10, engine::WeightKind::Unit, 1);
    const std::vector<LayoutPoint> pos = engine::springLayout(g, {}, control);
    QCOMPARE(pos.size(), std::size_t{10});
    for (const LayoutPoint& p : pos)
        QVERIFY(std::isfinite(p.x) && std::isfinite(p.y));
}

void TstGraphLayout::springThousandVertices()
{
    // Exact repulsion at the size the editor targets: O(n^2) per iteration, typically 0.3-0.8 s on one core; the
    // GUI runs it off the GUI thread. The bound only catches a complexity blunder.
    const engine::WeightedGraph g = engine::randomRegularGraph(1000, 3, engine::WeightKind::Unit, 9);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<LayoutPoint> pos = engine::springLayout(g);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    qInfo("spring layout, 1000 vertices: %.1f ms", ms);
    QVERIFY2(ms < 6000.0, qPrintable(QString::number(ms)));
    QVERIFY2(minPairDistance(pos) > 0.39, qPrintable(QString::number(minPairDistance(pos))));
}

void TstGraphLayout::deviceLayoutUsesDeviceCoordinates()
{
    const engine::DeviceModel grid = engine::squareGrid(3, 4);
    const std::vector<LayoutPoint> devicePos = toLayout(grid.positions);
    const std::vector<LayoutPoint> pos = engine::deviceLayout(7, devicePos);
    QCOMPARE(pos.size(), std::size_t{7});
    for (std::size_t i = 0; i < 7; ++i) {
        QCOMPARE(pos[i].x, grid.positions[i].x);
        QCOMPARE(pos[i].y, grid.positions[i].y);
    }
    const engine::DeviceModel heron = engine::heavyHexHeronR2();
    const std::vector<LayoutPoint> hex = engine::deviceLayout(156, toLayout(heron.positions));
    QCOMPARE(hex.size(), std::size_t{156});
    QCOMPARE(hex[155].x, heron.positions[155].x);
    QCOMPARE(hex[155].y, heron.positions[155].y);
}

void TstGraphLayout::deviceLayoutRejectsTooManyVertices()
{
    const engine::DeviceModel grid = engine::squareGrid(2, 2);
    try {
        engine::deviceLayout(5, toLayout(grid.positions));
        QFAIL("no error for 5 vertices on a 4-qubit device");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
        QVERIFY(std::string(e.what()).find("5 vertices") != std::string::npos);
        QVERIFY(std::string(e.what()).find("4 qubit") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::deviceLayout(1, {}));
}

QTEST_APPLESS_MAIN(TstGraphLayout)
#include "graph_layout.test.moc"
