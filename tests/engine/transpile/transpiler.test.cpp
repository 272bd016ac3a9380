// SPDX-License-Identifier: MIT
// Tests of the whole transpilation: every transpiled circuit is checked against its logical circuit by simulation.
#include "transpile/transpiler.h"

#include <QtTest>

#include "test_support.h"

#include "transpile_test_helpers.h"

#include "circuit/circuit_simulation.h"
#include "core/error.h"
#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "transpile/device_catalog.h"
#include "transpile/device_topologies.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using engine::Circuit;
using engine::DeviceModel;
using engine::GateId;
using engine::LayoutMethod;
using engine::Operation;
using engine::OperationKind;
using engine::ParameterExpression;
using engine::RouterKind;
constexpr double PI = std::numbers::pi;

using transpile_test::piece;

DeviceModel deviceByName(const std::string& name)
{
    if (name == "heron-cell")  // one heavy-hex cell of Heron r2 with its row tails (algorithms.md 8.1)
        return piece(engine::heavyHexHeronR2(), {0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 23, 24, 25, 26, 27}, name);
    if (name == "eagle-cell")  // one cell of Eagle r3, ecr directions as generated (algorithms.md 8.3)
        return piece(engine::heavyHexEagle(), {0, 1, 2, 3, 4, 14, 15, 18, 19, 20, 21, 22}, name);
    return engine::deviceFromSpec(name);
}

using transpile_test::isaProblem;

double maxDifference(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return 1e300;
    double worst = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

engine::IsingModel randomIsing(unsigned n, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> coefficient(-1.0, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    engine::IsingModel ising;
    ising.h.resize(n);
    for (double& h : ising.h)
        h = unit(rng) < 0.3 ? 0.0 : coefficient(rng);
    for (unsigned i = 0; i < n; ++i)
        for (unsigned j = i + 1; j < n; ++j)
            if (j == i + 1 || unit(rng) < 0.4)
                ising.J.push_back({i, j, coefficient(rng)});
    return ising;
}

/// Checks the figures of a result against its circuits; returns what is wrong or an empty string.
std::string resultProblem(const engine::TranspileResult& r, const DeviceModel& device, unsigned numLogical)
{
    const engine::CircuitStats s = r.isa.stats();
    if (s.twoQubitGates != r.twoQubitGates || s.depth != r.depth || s.twoQubitDepth != r.twoQubitDepth)
        return "stats differ from the ISA circuit";
    if (r.layout.size() != numLogical || r.finalPermutation.size() != numLogical)
        return "layout sizes";
    if (r.isa.numQubits() != device.numQubits || !r.isa.isPhysical())
        return "ISA register";
    if (r.isa.parameters() != r.logical.parameters())
        return "parameters changed";
    if (!(r.estimatedFidelity >= 0.0 && r.estimatedFidelity <= 1.0) || r.seconds < 0.0)
        return "fidelity or seconds out of range";
    std::size_t swaps = 0;
    for (const engine::RoutedLayer& layer : r.layers)
        swaps += layer.swaps;
    if (swaps != r.swaps)
        return "swap count";
    return isaProblem(r.isa, device, {});
}

/// A random logical circuit over the whole gate table on n qubits with two symbolic inputs, measured into a
/// register "c" in a random qubit order.
Circuit randomLogicalCircuit(unsigned n, std::mt19937_64& rng, std::size_t numGates)
{
    Circuit c(n);
    c.addParameter("theta");
    c.addParameter("phi");
    std::uniform_int_distribution<std::size_t> gateDist(0, engine::GATE_COUNT - 1);
    std::uniform_int_distribution<unsigned> qubitDist(0, n - 1);
    std::uniform_real_distribution<double> angle(-PI, PI);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::size_t g = 0; g < numGates; ++g) {
        const auto id = static_cast<GateId>(gateDist(rng));
        const engine::GateSpec& spec = engine::gateSpec(id);
        std::vector<unsigned> qubits{qubitDist(rng)};
        if (spec.numQubits == 2) {
            unsigned b = qubitDist(rng);
            while (b == qubits[0])
                b = qubitDist(rng);
            qubits.push_back(b);
        }
        std::vector<ParameterExpression> params;
        for (unsigned j = 0; j < spec.numParams; ++j) {
            ParameterExpression e(angle(rng));
            if (unit(rng) < 0.3)
                e += ParameterExpression::parameter(unit(rng) < 0.5 ? 0 : 1, 2.0);
            params.push_back(e);
        }
        c.gate(id, qubits, params);
    }
    std::vector<unsigned> order(n);
    for (unsigned i = 0; i < n; ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    const unsigned reg = c.addRegister("c", n);
    for (unsigned i = 0; i < n; ++i)
        c.measure(order[i], reg, i);
    return c;
}

const std::vector<LayoutMethod> LAYOUTS{LayoutMethod::Trivial, LayoutMethod::Fiedler, LayoutMethod::Qap,
                                        LayoutMethod::Noise};

} // namespace

class TstTranspiler : public QObject {
    Q_OBJECT

private slots:
    void qaoaMatchesLogicalBySimulation_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("router");
        for (const char* name : {"line:7", "grid:3x3", "heron-cell", "eagle-cell", "fez"})
            for (const char* router : {"greedy", "astar", "sabre"})
                QTest::newRow(qPrintable(QStringLiteral("%1-%2").arg(QLatin1String(name), QLatin1String(router))))
                    << QString::fromLatin1(name) << static_cast<int>(engine::routerKindFromName(router));
    }

    void qaoaMatchesLogicalBySimulation()
    {
        QFETCH(QString, device);
        QFETCH(int, router);
        const DeviceModel d = deviceByName(device.toStdString());
        std::mt19937_64 rng(7 + static_cast<unsigned>(router));
        std::uniform_real_distribution<double> angle(-PI, PI);
        unsigned sizeIndex = 0;
        for (LayoutMethod layout : LAYOUTS) {
            for (std::size_t p = 1; p <= 3; ++p) {
                const unsigned n = 4 + (sizeIndex++ % 4);  // 4..7 logical qubits
                const engine::IsingModel ising = randomIsing(n, rng);
                engine::TranspileOptions options;
                options.layout = layout;
                options.router = static_cast<RouterKind>(router);
                options.iterations = p == 2 ? 3 : 1;
                options.routing.seed = p;
                const engine::TranspileResult r = engine::transpileQaoa(ising, p, d, options);
                const QString what = QStringLiteral("%1 p=%2 n=%3").arg(engine::layoutMethodName(layout)).arg(p).arg(n);
                const std::string problem = resultProblem(r, d, n);
                QVERIFY2(problem.empty(), qPrintable(what + ": " + QString::fromStdString(problem)));
                QCOMPARE(r.layers.size(), p);

                std::vector<double> gammas(p);
                std::vector<double> betas(p);
                for (std::size_t k = 0; k < p; ++k) {
                    gammas[k] = angle(rng);
                    betas[k] = angle(rng);
                }
                const std::vector<double> values = engine::qaoaCircuitValues(gammas, betas);
                const std::vector<double> logical = engine::measuredDistribution(r.logical, values);
                const double routedError = maxDifference(logical, engine::measuredDistribution(r.routed, values));
                const double isaError = maxDifference(logical, engine::measuredDistribution(r.isa, values));
                QVERIFY2(routedError < 1e-9, qPrintable(what + QStringLiteral(" routed: %1").arg(routedError)));
                QVERIFY2(isaError < 1e-9, qPrintable(what + QStringLiteral(" isa: %1").arg(isaError)));
            }
        }
    }

    void qaoaRoutedCircuitHasOneZzPerTermAndLayer()
    {
        std::mt19937_64 rng(3);
        const engine::IsingModel ising = randomIsing(6, rng);
        const DeviceModel d = engine::lineDevice(6);
        for (bool merge : {false, true}) {
            engine::TranspileOptions options;
            options.router = RouterKind::Greedy;
            options.routing.mergeSwapsWithTerms = merge;
            const engine::TranspileResult r = engine::transpileQaoa(ising, 2, d, options);
            std::size_t merged = 0;
            for (const engine::RoutedLayer& layer : r.layers)
                merged += layer.mergedSwaps;
            const engine::CircuitStats s = r.routed.stats();
            const std::size_t rzz = s.countsByName.count("rzz") ? s.countsByName.at("rzz") : 0;
            const std::size_t swap = s.countsByName.count("swap") ? s.countsByName.at("swap") : 0;
            QCOMPARE(rzz + merged, ising.J.size() * 2);
            QCOMPARE(swap + merged, r.swaps);
            QVERIFY(merge || merged == 0);
        }
    }

    void importedCircuitsMatchBySimulation_data()
    {
        QTest::addColumn<QString>("device");
        for (const char* name : {"line:6", "grid:2x3", "heron-cell", "eagle-cell", "fez"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void importedCircuitsMatchBySimulation()
    {
        QFETCH(QString, device);
        const DeviceModel d = deviceByName(device.toStdString());
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> value(-2.0, 2.0);
        unsigned trial = 0;
        for (LayoutMethod layout : LAYOUTS) {
            for (int repeat = 0; repeat < 2; ++repeat, ++trial) {
                const unsigned n = 4 + trial % 3;
                const Circuit original = randomLogicalCircuit(n, rng, 30);
                const Circuit imported = engine::importQasm(engine::exportQasm3(original), "random.qasm");
                engine::TranspileOptions options;
                options.layout = layout;
                options.iterations = repeat == 0 ? 1 : 3;
                options.routing.seed = trial;
                const engine::TranspileResult r = engine::transpileCircuit(imported, d, options);
                const QString what = QStringLiteral("%1 trial %2").arg(engine::layoutMethodName(layout)).arg(trial);
                const std::string problem = resultProblem(r, d, n);
                QVERIFY2(problem.empty(), qPrintable(what + ": " + QString::fromStdString(problem)));
                const std::vector<double> values{value(rng), value(rng)};
                const std::vector<double> logical = engine::measuredDistribution(imported, values);
                QVERIFY(maxDifference(logical, engine::measuredDistribution(original, values)) < 1e-9);
                const double isaError = maxDifference(logical, engine::measuredDistribution(r.isa, values));
                QVERIFY2(isaError < 1e-9, qPrintable(what + QStringLiteral(": %1").arg(isaError)));
            }
        }
    }

    void boundAnglesUseFractionalRzz()
    {
        std::mt19937_64 rng(9);
        const engine::IsingModel ising = randomIsing(6, rng);
        DeviceModel d = deviceByName("heron-cell");
        d.supportsFractionalRzz = true;
        engine::TranspileOptions options;
        options.basis.fractionalRzz = true;
        options.parameterValues = engine::qaoaCircuitValues({0.7, -0.4}, {0.3, 1.1});
        const engine::TranspileResult r = engine::transpileQaoa(ising, 2, d, options);
        QVERIFY(r.isa.parameters().empty());
        QCOMPARE(r.routed.parameters(), r.logical.parameters());
        const engine::CircuitStats s = r.isa.stats();
        QVERIFY(s.countsByName.count("rzz") != 0);
        for (const Operation& op : r.isa.operations())
            if (op.kind == OperationKind::Gate && op.gate == GateId::RZZ)
                QVERIFY(op.params[0].constant() > 0.0 && op.params[0].constant() <= PI / 2 + 1e-12);
        const double error = maxDifference(engine::measuredDistribution(r.logical, options.parameterValues),
                                           engine::measuredDistribution(r.isa));
        QVERIFY2(error < 1e-9, qPrintable(QString::number(error)));

        options.parameterValues = {0.1};
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::transpileQaoa(ising, 2, d, options));
    }

    void deterministic()
    {
        std::mt19937_64 rng(5);
        const engine::IsingModel ising = randomIsing(7, rng);
        const DeviceModel d = engine::squareGrid(3, 3);
        engine::TranspileOptions options;
        options.iterations = 2;
        const std::string a = engine::exportQasm3(engine::transpileQaoa(ising, 2, d, options).isa);
        const std::string b = engine::exportQasm3(engine::transpileQaoa(ising, 2, d, options).isa);
        QCOMPARE(a, b);
    }

    void rejectsWhatDoesNotFit()
    {
        std::mt19937_64 rng(1);
        const engine::IsingModel ising = randomIsing(5, rng);
        try {
            engine::transpileQaoa(ising, 1, engine::lineDevice(4));
            QFAIL("5 spins were placed on 4 qubits");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
        }
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::transpileQaoa(ising, 0, engine::lineDevice(6)));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::transpileCircuit(Circuit(5), engine::lineDevice(4)));

        Circuit twoWriters(3);
        const unsigned reg = twoWriters.addRegister("c", 1);
        twoWriters.measure(0, reg, 0);
        twoWriters.measure(1, reg, 0);
        try {
            engine::transpileCircuit(twoWriters, engine::lineDevice(3));
            QFAIL("two qubits measured into one bit were accepted");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
        }
    }
};

QTEST_APPLESS_MAIN(TstTranspiler)
#include "transpiler.test.moc"
