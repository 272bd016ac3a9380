// SPDX-License-Identifier: MIT
// Tests of the initial layouts: trivial, long simple paths, Fiedler order, FAQ quadratic assignment, noise-aware.
#include "transpile/qubit_layout.h"

#include <QtTest>

#include "test_support.h"

#include "routing_test_helpers.h"

#include <string>

using engine::CouplingGraph;
using engine::InteractionGraph;
using engine::QubitLayout;
using routing_test::codeOf;
using routing_test::Terms;

namespace {

bool isSimplePath(const std::vector<unsigned>& path, const CouplingGraph& device)
{
    std::vector<char> seen(device.numQubits(), 0);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] >= device.numQubits() || seen[path[i]])
            return false;
        seen[path[i]] = 1;
        if (i > 0 && !device.areCoupled(path[i - 1], path[i]))
            return false;
    }
    return true;
}

InteractionGraph graphOf(unsigned n, const Terms& terms)
{
    InteractionGraph g;
    g.numLogical = n;
    g.terms = terms;
    return g;
}

// A path 0..n-1 with its vertex labels permuted.
InteractionGraph shuffledPath(unsigned n, std::uint64_t seed)
{
    std::vector<unsigned> label(n);
    std::iota(label.begin(), label.end(), 0u);
    std::mt19937_64 rng(seed);
    std::shuffle(label.begin(), label.end(), rng);
    Terms terms;
    for (unsigned i = 0; i + 1 < n; ++i)
        terms.emplace_back(label[i], label[i + 1]);
    return graphOf(n, terms);
}

InteractionGraph shuffledCycle(unsigned n, std::uint64_t seed)
{
    InteractionGraph g = shuffledPath(n, seed);
    const unsigned first = g.terms.front().first;
    const unsigned last = g.terms.back().second;
    g.terms.emplace_back(last, first);
    return g;
}

// Slow reference eigen-solver: cyclic Jacobi rotations on a small symmetric matrix. Returns the eigenvector of
// the second-smallest eigenvalue.
std::vector<double> jacobiFiedler(std::vector<std::vector<double>> a)
{
    const std::size_t n = a.size();
    std::vector<std::vector<double>> v(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i)
        v[i][i] = 1.0;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q)
                off += a[p][q] * a[p][q];
        }
        if (off < 1e-26)
            break;
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                if (std::abs(a[p][q]) < 1e-300)
                    continue;
                const double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0);
                const double s = t * c;
                for (std::size_t k = 0; k < n; ++k) {
                    const double akp = a[k][p];
                    const double akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double apk = a[p][k];
                    const double aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double vkp = v[k][p];
                    const double vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq;
                    v[k][q] = s * vkp + c * vkq;
                }
            }
        }
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a[x][x] < a[y][y]; });
    std::vector<double> f(n);
    for (std::size_t k = 0; k < n; ++k)
        f[k] = v[k][order[1]];
    return f;
}

// A small calibrated line device for the noise-aware layout.
engine::DeviceModel calibratedLine(unsigned n)
{
    engine::DeviceModel device;
    device.name = "test-line";
    device.numQubits = n;
    device.twoQubitGate = "cz";
    device.basisGates = {"cz", "rz", "sx", "x"};
    device.qubits.resize(n);
    for (unsigned q = 0; q < n; ++q)
        device.qubits[q].readoutError = 0.02;
    for (unsigned q = 0; q + 1 < n; ++q) {
        device.couplingMap.emplace_back(q, q + 1);
        device.couplingMap.emplace_back(q + 1, q);
        engine::GateCalibration gate;
        gate.name = "cz";
        gate.qubits = {q, q + 1};
        gate.error = 0.01;
        device.gates.push_back(gate);
    }
    return device;
}

void setCouplerError(engine::DeviceModel& device, unsigned a, unsigned b, double error)
{
    for (engine::GateCalibration& g : device.gates) {
        if (g.name == "cz" && ((g.qubits[0] == a && g.qubits[1] == b) || (g.qubits[0] == b && g.qubits[1] == a)))
            g.error = error;
    }
}

} // namespace

class TstQubitLayout : public QObject {
    Q_OBJECT

private slots:
    void methodNames()
    {
        for (auto m : {engine::LayoutMethod::Trivial, engine::LayoutMethod::Fiedler, engine::LayoutMethod::Qap,
                       engine::LayoutMethod::Noise})
            QCOMPARE(engine::layoutMethodFromName(engine::layoutMethodName(m)), m);
        QCOMPARE(std::string(engine::layoutMethodName(engine::LayoutMethod::Qap)), std::string("qap"));
        QCOMPARE(codeOf([] { engine::layoutMethodFromName("sabre"); }), engine::ErrorCode::InvalidArgument);
    }

    void trivial()
    {
        const auto device = routing_test::gridDevice(2, 3);
        QCOMPARE(engine::trivialLayout(4, device), (QubitLayout{0, 1, 2, 3}));
        QVERIFY(engine::trivialLayout(0, device).empty());
        QCOMPARE(codeOf([&] { engine::trivialLayout(7, device); }), engine::ErrorCode::LimitExceeded);
    }

    void longSimplePaths()
    {
        const auto line = routing_test::lineDevice(11);
        QCOMPARE(engine::longSimplePath(line).size(), std::size_t{11});
        for (auto [r, c] : {std::pair{4u, 5u}, std::pair{7u, 3u}, std::pair{12u, 12u}}) {
            const auto grid = routing_test::gridDevice(r, c);
            const auto path = engine::longSimplePath(grid);
            QVERIFY(isSimplePath(path, grid));
            QCOMPARE(path.size(), std::size_t{r * c});  // grids are Hamiltonian
        }
        const auto heavyHex = routing_test::heronR2Device();
        const auto path = engine::longSimplePath(heavyHex);
        QVERIFY(isSimplePath(path, heavyHex));
        QVERIFY(path.size() >= 128);  // at least as long as the snake of algorithms.md 8.4
        // Disconnected: a 3-line and a 5-line; the path lies in the larger part.
        const CouplingGraph split(8, {{0, 1}, {1, 2}, {3, 4}, {4, 5}, {5, 6}, {6, 7}});
        const auto part = engine::longSimplePath(split);
        QVERIFY(isSimplePath(part, split));
        QCOMPARE(part.size(), std::size_t{5});
        QVERIFY(engine::longSimplePath(CouplingGraph(0, {})).empty());
        QCOMPARE(engine::longSimplePath(CouplingGraph(1, {})).size(), std::size_t{1});
    }

    void fiedlerPutsAPathOnALine()
    {
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            const auto g = shuffledPath(12, seed);
            const auto line = routing_test::lineDevice(12);
            const auto layout = engine::fiedlerLayout(g, line);
            QVERIFY(routing_test::isInjective(layout, 12));
            QCOMPARE(routing_test::embeddedTerms(line, g.terms, layout), g.terms.size());
            // The same through an explicit snake path of a grid.
            const auto grid = routing_test::gridDevice(3, 4);
            const std::vector<unsigned> snake{0, 1, 2, 3, 7, 6, 5, 4, 8, 9, 10, 11};
            const auto onGrid = engine::fiedlerLayout(g, grid, snake);
            QCOMPARE(routing_test::embeddedTerms(grid, g.terms, onGrid), g.terms.size());
        }
    }

    void fiedlerOrderMatchesJacobiReference()
    {
        // A connected random graph; the order along the path must follow the reference Fiedler vector (either
        // direction).
        std::mt19937_64 rng(8);
        for (int trial = 0; trial < 5; ++trial) {
            const unsigned n = 10;
            Terms terms;
            for (unsigned v = 1; v < n; ++v)
                terms.emplace_back(static_cast<unsigned>(rng() % v), v);  // a random tree keeps it connected
            for (int extra = 0; extra < 6; ++extra) {
                const auto u = static_cast<unsigned>(rng() % n);
                const auto v = static_cast<unsigned>(rng() % n);
                if (u != v && std::find(terms.begin(), terms.end(), std::pair{u, v}) == terms.end() &&
                    std::find(terms.begin(), terms.end(), std::pair{v, u}) == terms.end())
                    terms.emplace_back(u, v);
            }
            std::vector<std::vector<double>> laplacian(n, std::vector<double>(n, 0.0));
            for (auto [u, v] : terms) {
                laplacian[u][v] = laplacian[v][u] = -1.0;
                laplacian[u][u] += 1.0;
                laplacian[v][v] += 1.0;
            }
            const std::vector<double> f = jacobiFiedler(laplacian);
            const auto line = routing_test::lineDevice(n);
            const auto layout = engine::fiedlerLayout(graphOf(n, terms), line);
            // Positions along the line must be monotone in f.
            std::vector<unsigned> byPosition(n);
            for (unsigned v = 0; v < n; ++v)
                byPosition[layout[v]] = v;
            bool increasing = true;
            bool decreasing = true;
            for (unsigned k = 0; k + 1 < n; ++k) {
                increasing = increasing && f[byPosition[k]] <= f[byPosition[k + 1]] + 1e-9;
                decreasing = decreasing && f[byPosition[k]] >= f[byPosition[k + 1]] - 1e-9;
            }
            QVERIFY(increasing || decreasing);
        }
    }

    void fiedlerLaysComponentsOneAfterAnother()
    {
        // A path of 4, a path of 3, an isolated vertex: the larger component first, each one contiguous.
        const InteractionGraph g = graphOf(8, {{5, 2}, {2, 7}, {7, 0}, {1, 6}, {6, 3}});
        const auto line = routing_test::lineDevice(8);
        const auto layout = engine::fiedlerLayout(g, line);
        QCOMPARE(routing_test::embeddedTerms(line, g.terms, layout), g.terms.size());
        for (unsigned v : {5u, 2u, 7u, 0u})
            QVERIFY(layout[v] < 4);
        for (unsigned v : {1u, 6u, 3u})
            QVERIFY(layout[v] >= 4 && layout[v] < 7);
        QCOMPARE(layout[4], 7u);
    }

    void fiedlerRejectsBadInput()
    {
        const auto line = routing_test::lineDevice(6);
        const auto g = shuffledPath(4, 1);
        QCOMPARE(codeOf([&] { engine::fiedlerLayout(g, line, {0, 2, 3, 4}); }), engine::ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([&] { engine::fiedlerLayout(g, line, {0, 1, 1, 2}); }), engine::ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([&] { engine::fiedlerLayout(g, line, {0, 1, 2}); }), engine::ErrorCode::LimitExceeded);
        QCOMPARE(codeOf([&] { engine::fiedlerLayout(shuffledPath(7, 1), line); }), engine::ErrorCode::LimitExceeded);
        QCOMPARE(codeOf([&] { engine::fiedlerLayout(graphOf(3, {{0, 3}}), line); }),
                 engine::ErrorCode::InvalidArgument);
        // The longest path of a device with a branch is too short for all its qubits.
        const CouplingGraph star(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
        QCOMPARE(codeOf([&] { engine::fiedlerLayout(shuffledPath(5, 2), star); }), engine::ErrorCode::LimitExceeded);
    }

    void qapFindsPerfectEmbeddings_data()
    {
        QTest::addColumn<int>("graphKind");
        QTest::addColumn<unsigned>("rows");
        QTest::addColumn<unsigned>("cols");
        QTest::addRow("path 10 into a line") << 0 << 1u << 10u;
        QTest::addRow("path 10 into 3x4") << 0 << 3u << 4u;
        QTest::addRow("path 10 into 5x5") << 0 << 5u << 5u;
        QTest::addRow("cycle 8 into 2x4") << 1 << 2u << 4u;
    }
    void qapFindsPerfectEmbeddings()
    {
        QFETCH(int, graphKind);
        QFETCH(unsigned, rows);
        QFETCH(unsigned, cols);
        const auto device = routing_test::gridDevice(rows, cols);
        engine::QapOptions options;
        options.restarts = 20;
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            const auto g = graphKind == 0 ? shuffledPath(10, seed) : shuffledCycle(8, seed);
            options.seed = seed;
            const auto layout = engine::qapLayout(g, device, options);
            QVERIFY(routing_test::isInjective(layout, device.numQubits()));
            QCOMPARE(routing_test::embeddedTerms(device, g.terms, layout), g.terms.size());
        }
    }

    void qapIsSeededAndNeverWorseWithRestarts()
    {
        const auto device = routing_test::gridDevice(5, 5);
        const auto g = graphOf(18, routing_test::regularTerms(18, 3, 4));
        engine::QapOptions one;
        engine::QapOptions many;
        many.restarts = 8;
        QCOMPARE(engine::qapLayout(g, device, many), engine::qapLayout(g, device, many));
        // Restart 0 is the barycenter start in both, and the best over restarts is kept.
        QVERIFY(routing_test::embeddedTerms(device, g.terms, engine::qapLayout(g, device, many)) >=
                routing_test::embeddedTerms(device, g.terms, engine::qapLayout(g, device, one)));
    }

    void qapLayoutNeedsFewerSwapsThanRandom()
    {
        const auto device = routing_test::gridDevice(5, 5);
        double qapSwaps = 0.0;
        double randomSwaps = 0.0;
        for (std::uint64_t seed = 1; seed <= 8; ++seed) {
            const auto g = graphOf(20, routing_test::regularTerms(20, 3, 60 + seed));
            qapSwaps += static_cast<double>(engine::routeGreedy(device, g.terms, engine::qapLayout(g, device)).swaps);
            randomSwaps += static_cast<double>(
                engine::routeGreedy(device, g.terms, routing_test::randomLayout(20, 25, seed)).swaps);
        }
        qInfo("mean greedy swaps: QAP layout %.1f, random layout %.1f", qapSwaps / 8, randomSwaps / 8);
        QVERIFY(qapSwaps < randomSwaps);
    }

    void qapEdgeCases()
    {
        const auto device = routing_test::gridDevice(2, 2);
        QVERIFY(engine::qapLayout(graphOf(0, {}), device).empty());
        QCOMPARE(codeOf([&] { engine::qapLayout(shuffledPath(5, 1), device); }), engine::ErrorCode::LimitExceeded);
        engine::QapOptions bad;
        bad.tolerance = std::nan("");
        QCOMPARE(codeOf([&] { engine::qapLayout(shuffledPath(3, 1), device, bad); }),
                 engine::ErrorCode::InvalidArgument);
        // Isolated vertices only, and a cancelled run: still an injective layout.
        QVERIFY(routing_test::isInjective(engine::qapLayout(graphOf(3, {}), device), 4));
        engine::RunControl control;
        control.requestCancel();
        const auto big = routing_test::gridDevice(6, 6);
        QVERIFY(routing_test::isInjective(engine::qapLayout(graphOf(30, routing_test::regularTerms(30, 3, 1)), big, {},
                                                            control),
                                          36));
    }

    void noiseAwareUsesTheBestCoupler()
    {
        engine::DeviceModel device = calibratedLine(8);
        setCouplerError(device, 5, 6, 0.001);
        const auto layout = engine::noiseAwareLayout(graphOf(2, {{0, 1}}), device);
        QVERIFY((layout == QubitLayout{5, 6}) || (layout == QubitLayout{6, 5}));
    }

    void noiseAwareAvoidsBadQubits()
    {
        // A 3x3 grid whose centre reads badly: a path of 3 fits around it without extra hops.
        engine::DeviceModel device;
        device.name = "test-grid";
        device.numQubits = 9;
        device.twoQubitGate = "cz";
        device.qubits.resize(9);
        for (auto& q : device.qubits)
            q.readoutError = 0.02;
        device.qubits[4].readoutError = 0.3;
        const auto grid = routing_test::gridDevice(3, 3);
        for (const auto& c : grid.couplers()) {
            device.couplingMap.emplace_back(c.a, c.b);
            engine::GateCalibration gate;
            gate.name = "cz";
            gate.qubits = {c.a, c.b};
            gate.error = 0.01;
            device.gates.push_back(gate);
        }
        const InteractionGraph g = graphOf(3, {{0, 1}, {1, 2}});
        const auto layout = engine::noiseAwareLayout(g, device);
        QVERIFY(routing_test::isInjective(layout, 9));
        QCOMPARE(routing_test::embeddedTerms(grid, g.terms, layout), g.terms.size());
        for (unsigned p : layout)
            QVERIFY(p != 4);
    }

    void noiseAwareSkipsUnusableQubitsAndWorksUncalibrated()
    {
        engine::DeviceModel device = calibratedLine(7);
        device.qubits[3].operational = false;  // splits the line into 0-2 and 4-6
        const InteractionGraph g = graphOf(3, {{0, 1}, {1, 2}});
        const auto layout = engine::noiseAwareLayout(g, device);
        QVERIFY(routing_test::isInjective(layout, 7));
        for (unsigned p : layout)
            QVERIFY(p != 3);
        QCOMPARE(routing_test::embeddedTerms(device.couplingGraph(true), g.terms, layout), g.terms.size());

        engine::DeviceModel bare;
        bare.name = "bare";
        bare.numQubits = 9;
        bare.twoQubitGate = "cx";
        bare.qubits.resize(9);
        const auto grid = routing_test::gridDevice(3, 3);
        for (const auto& c : grid.couplers())
            bare.couplingMap.emplace_back(c.a, c.b);
        const InteractionGraph h = graphOf(8, routing_test::regularTerms(8, 3, 2));
        const auto onBare = engine::noiseAwareLayout(h, bare);
        QVERIFY(routing_test::isInjective(onBare, 9));
        QCOMPARE(engine::noiseAwareLayout(h, bare), onBare);
        QCOMPARE(codeOf([&] { engine::noiseAwareLayout(graphOf(10, {}), bare); }), engine::ErrorCode::LimitExceeded);
    }
};

QTEST_APPLESS_MAIN(TstQubitLayout)
#include "qubit_layout.test.moc"
