// SPDX-License-Identifier: MIT
// Tests of basis translation: native identities, one-qubit fusion, cancellation, and random circuits checked by
// multiplying out their unitaries.
#include "transpile/basis_translation.h"

#include <QtTest>

#include "test_support.h"

#include "transpile_test_helpers.h"

#include "circuit/circuit_simulation.h"
#include "core/error.h"
#include "transpile/device_topologies.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using engine::Circuit;
using engine::DeviceModel;
using engine::GateId;
using engine::Operation;
using engine::OperationKind;
using engine::ParameterExpression;
using Complex = std::complex<double>;
constexpr double PI = std::numbers::pi;

// ---- a slow, obvious dense simulator on all qubits (the reference) ----

using State = std::vector<Complex>;

void applyMatrix(State& psi, const engine::GateMatrix& g, const std::vector<unsigned>& qubits)
{
    if (g.dimension == 2) {
        const std::size_t bit = std::size_t{1} << qubits[0];
        for (std::size_t z = 0; z < psi.size(); ++z) {
            if (z & bit)
                continue;
            const Complex a0 = psi[z];
            const Complex a1 = psi[z | bit];
            psi[z] = g.at(0, 0) * a0 + g.at(0, 1) * a1;
            psi[z | bit] = g.at(1, 0) * a0 + g.at(1, 1) * a1;
        }
        return;
    }
    const std::size_t b0 = std::size_t{1} << qubits[0];
    const std::size_t b1 = std::size_t{1} << qubits[1];
    for (std::size_t z = 0; z < psi.size(); ++z) {
        if ((z & b0) || (z & b1))
            continue;
        // basis index k = 2 * bit(qubits[1]) + bit(qubits[0])
        const std::size_t idx[4] = {z, z | b0, z | b1, z | b0 | b1};
        Complex in[4];
        for (int k = 0; k < 4; ++k)
            in[k] = psi[idx[k]];
        for (unsigned r = 0; r < 4; ++r) {
            Complex sum = 0.0;
            for (unsigned c = 0; c < 4; ++c)
                sum += g.at(r, c) * in[c];
            psi[idx[r]] = sum;
        }
    }
}

/// The full unitary (column j = image of |j>), measurements and barriers skipped.
std::vector<State> unitaryOf(const Circuit& circuit, const std::vector<double>& values)
{
    const std::size_t dim = std::size_t{1} << circuit.numQubits();
    std::vector<State> columns;
    for (std::size_t j = 0; j < dim; ++j) {
        State psi(dim, 0.0);
        psi[j] = 1.0;
        for (const Operation& op : circuit.operations()) {
            if (op.kind != OperationKind::Gate)
                continue;
            std::vector<double> p;
            for (const ParameterExpression& e : op.params)
                p.push_back(e.evaluate(values));
            applyMatrix(psi, engine::gateUnitary(op.gate, p), op.qubits);
        }
        columns.push_back(std::move(psi));
    }
    return columns;
}

/// Largest entry difference after removing the best global phase.
double distanceUpToPhase(const std::vector<State>& u, const std::vector<State>& v)
{
    Complex overlap = 0.0;
    for (std::size_t j = 0; j < u.size(); ++j)
        for (std::size_t i = 0; i < u[j].size(); ++i)
            overlap += std::conj(v[j][i]) * u[j][i];
    const Complex phase = std::abs(overlap) > 0 ? overlap / std::abs(overlap) : Complex(1.0);
    double worst = 0.0;
    for (std::size_t j = 0; j < u.size(); ++j)
        for (std::size_t i = 0; i < u[j].size(); ++i)
            worst = std::max(worst, std::abs(u[j][i] - phase * v[j][i]));
    return worst;
}

/// simulateCircuit's state (on the circuit's used qubits) as a state of all n qubits, unused ones in |0>.
State embeddedLibraryState(const Circuit& circuit, const std::vector<double>& values)
{
    const engine::StateVector<double> small = engine::simulateCircuit(circuit, values, 1);
    const std::vector<unsigned> used = circuit.usedQubits();
    State full(std::size_t{1} << circuit.numQubits(), 0.0);
    for (std::uint64_t z = 0; z < small.size(); ++z) {
        std::size_t index = 0;
        for (std::size_t k = 0; k < used.size(); ++k)
            if ((z >> k) & 1)
                index |= std::size_t{1} << used[k];
        full[index] = small.amplitudes()[z];
    }
    return full;
}

// ---- devices ----

using transpile_test::piece;

DeviceModel heronPiece()
{
    // Row 0 qubits 0..3 of Heron r2, bridge 16 and qubit 23 of row 1 below it (algorithms.md 8.1).
    return piece(engine::heavyHexHeronR2(), {0, 1, 2, 3, 16, 23}, "heron-piece");
}

DeviceModel eaglePiece()
{
    // Row 0 qubits 0..3 of Eagle r3, bridge 14 and qubit 18 of row 1 (algorithms.md 8.3); ecr directions kept.
    return piece(engine::heavyHexEagle(), {0, 1, 2, 3, 14, 18}, "eagle-piece");
}

/// A 4-ring with ecr listed against the ring direction on two couplers.
DeviceModel ecrRing()
{
    DeviceModel d;
    d.name = "ecr-ring";
    d.family = "test";
    d.numQubits = 4;
    d.basisGates = {"ecr", "id", "rz", "sx", "x"};
    d.twoQubitGate = "ecr";
    d.directedTwoQubitGate = true;
    d.couplingMap = {{0, 1}, {2, 1}, {2, 3}, {0, 3}};
    d.qubits.resize(4);
    return d;
}

DeviceModel fractionalHeron()
{
    DeviceModel d = heronPiece();
    d.supportsFractionalRzz = true;
    return d;
}

DeviceModel deviceByName(const QString& name)
{
    if (name == QLatin1String("line:4"))
        return engine::lineDevice(4);
    if (name == QLatin1String("grid:2x3"))
        return engine::squareGrid(2, 3);
    if (name == QLatin1String("heron-piece"))
        return heronPiece();
    if (name == QLatin1String("eagle-piece"))
        return eaglePiece();
    if (name == QLatin1String("ecr-ring"))
        return ecrRing();
    return fractionalHeron();
}

std::string isaProblem(const Circuit& isa, const DeviceModel& device, bool allowRzz)
{
    return transpile_test::isaProblem(isa, device, {.allowRzz = allowRzz, .allowReset = true});
}

/// A random circuit over the whole gate table, two-qubit gates on couplers (random operand order), some angles
/// symbolic (affine in the two parameters a and b).
Circuit randomCircuit(const DeviceModel& device, std::mt19937_64& rng, std::size_t numGates, bool symbolic)
{
    Circuit c(device.numQubits, true);
    c.addParameter("a");
    c.addParameter("b");
    std::uniform_int_distribution<std::size_t> gateDist(0, engine::GATE_COUNT - 1);
    std::uniform_int_distribution<unsigned> qubitDist(0, device.numQubits - 1);
    std::uniform_int_distribution<std::size_t> couplerDist(0, device.couplingMap.size() - 1);
    std::uniform_real_distribution<double> angle(-PI, PI);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::size_t g = 0; g < numGates; ++g) {
        const auto id = static_cast<GateId>(gateDist(rng));
        const engine::GateSpec& spec = engine::gateSpec(id);
        std::vector<unsigned> qubits;
        if (spec.numQubits == 1) {
            qubits = {qubitDist(rng)};
        } else {
            auto [a, b] = device.couplingMap[couplerDist(rng)];
            if (unit(rng) < 0.5)
                std::swap(a, b);
            qubits = {a, b};
        }
        std::vector<ParameterExpression> params;
        for (unsigned j = 0; j < spec.numParams; ++j) {
            ParameterExpression e(angle(rng));
            if (symbolic && unit(rng) < 0.5)
                e += ParameterExpression::parameter(unit(rng) < 0.5 ? 0 : 1, 2.0 * unit(rng) - 1.0);
            params.push_back(e);
        }
        c.gate(id, qubits, params);
    }
    return c;
}

std::size_t countGate(const Circuit& c, const char* name)
{
    const engine::CircuitStats s = c.stats();
    const auto it = s.countsByName.find(name);
    return it == s.countsByName.end() ? 0 : it->second;
}

std::vector<std::string> gateNames(const Circuit& c)
{
    std::vector<std::string> names;
    for (const Operation& op : c.operations())
        names.emplace_back(op.kind == OperationKind::Gate ? std::string(engine::gateSpec(op.gate).name)
                                                          : std::string("other"));
    return names;
}

Circuit oneWire(const DeviceModel& device)
{
    Circuit c(device.numQubits, true);
    c.addParameter("beta");
    c.addParameter("gamma");
    return c;
}

} // namespace

class TstBasisTranslation : public QObject {
    Q_OBJECT

private slots:
    void cxFromEcrIdentity()
    {
        // CX(a -> b) = ECR(a, b) . (I x SX) . (X RZ(pi/2) x I), operand a = the less significant index bit, all
        // from the gate table's unitaries; the translator's comment cites this test.
        const engine::GateMatrix ecr = engine::gateUnitary(GateId::ECR, {});
        const engine::GateMatrix cx = engine::gateUnitary(GateId::CX, {});
        const std::vector<double> halfPi{PI / 2};
        const engine::GateMatrix rz = engine::gateUnitary(GateId::RZ, halfPi);
        const engine::GateMatrix x = engine::gateUnitary(GateId::X, {});
        const engine::GateMatrix sx = engine::gateUnitary(GateId::SX, {});
        auto onA = [](const engine::GateMatrix& g, unsigned r, unsigned c) {
            return ((r >> 1) == (c >> 1)) ? g.at(r & 1, c & 1) : Complex(0.0);
        };
        auto onB = [](const engine::GateMatrix& g, unsigned r, unsigned c) {
            return ((r & 1) == (c & 1)) ? g.at(r >> 1, c >> 1) : Complex(0.0);
        };
        Complex pre[4][4];   // (X RZ(pi/2)) on a, then SX on b
        for (unsigned r = 0; r < 4; ++r)
            for (unsigned c = 0; c < 4; ++c) {
                Complex both = 0.0;
                for (unsigned k = 0; k < 4; ++k) {
                    Complex xa = 0.0;
                    for (unsigned m = 0; m < 4; ++m)
                        xa += onA(x, k, m) * onA(rz, m, c);
                    both += onB(sx, r, k) * xa;
                }
                pre[r][c] = both;
            }
        double worst = 0.0;
        for (unsigned r = 0; r < 4; ++r)
            for (unsigned c = 0; c < 4; ++c) {
                Complex v = 0.0;
                for (unsigned k = 0; k < 4; ++k)
                    v += ecr.at(r, k) * pre[k][c];
                worst = std::max(worst, std::abs(v - cx.at(r, c)));
            }
        QVERIFY2(worst < 1e-12, qPrintable(QString::number(worst)));
    }

    void singleQubitFusion()
    {
        const DeviceModel d = heronPiece();
        Circuit c = oneWire(d);
        c.gate(GateId::H, {0});
        c.gate(GateId::H, {0});
        c.gate(GateId::SX, {1});
        c.gate(GateId::SXdg, {1});
        c.gate(GateId::RZ, {2}, {0.0});
        c.gate(GateId::X, {2});
        c.gate(GateId::X, {2});
        QCOMPARE(engine::translateToBasis(c, d).size(), std::size_t{0});

        c.clearOperations();
        c.gate(GateId::X, {0});
        QCOMPARE(gateNames(engine::translateToBasis(c, d)), std::vector<std::string>{"x"});

        c.clearOperations();
        c.gate(GateId::S, {0});
        c.gate(GateId::T, {0});
        c.gate(GateId::Z, {0});
        c.gate(GateId::RZ, {0}, {0.3});
        c.gate(GateId::P, {0}, {0.2});
        Circuit isa = engine::translateToBasis(c, d);
        QCOMPARE(gateNames(isa), std::vector<std::string>{"rz"});
        const double expected = std::remainder(PI / 2 + PI / 4 + PI + 0.5, 2 * PI);
        QAOA_COMPARE_NEAR(isa.operations()[0].params[0].constant(), expected, 1e-12);

        c.clearOperations();
        c.gate(GateId::H, {0});
        QCOMPARE(gateNames(engine::translateToBasis(c, d)), (std::vector<std::string>{"rz", "sx", "rz"}));

        c.clearOperations();  // a general rotation needs the full rz-sx-rz-sx-rz
        c.gate(GateId::U, {0}, {0.7, 0.3, -1.1});
        c.gate(GateId::T, {0});
        QCOMPARE(countGate(engine::translateToBasis(c, d), "sx"), std::size_t{2});
    }

    void symbolicAnglesStaySymbolic()
    {
        const DeviceModel d = heronPiece();
        Circuit c = oneWire(d);
        const auto beta = ParameterExpression::parameter(0, 2.0);
        c.gate(GateId::RX, {0}, {beta});
        const Circuit isa = engine::translateToBasis(c, d);
        QCOMPARE(gateNames(isa), (std::vector<std::string>{"rz", "sx", "rz", "sx", "rz"}));
        const auto& ops = isa.operations();
        QVERIFY(ops[0].params[0].approxEquals(ParameterExpression(PI / 2)));
        QVERIFY(ops[2].params[0].approxEquals(beta + ParameterExpression(PI)));
        QVERIFY(ops[4].params[0].approxEquals(ParameterExpression(PI / 2)));

        c.clearOperations();  // adjacent rz's add, numeric diagonals fold into them
        c.gate(GateId::RZ, {0}, {ParameterExpression::parameter(0)});
        c.gate(GateId::S, {0});
        c.gate(GateId::RZ, {0}, {ParameterExpression::parameter(1, 3.0)});
        const Circuit merged = engine::translateToBasis(c, d);
        QCOMPARE(gateNames(merged), std::vector<std::string>{"rz"});
        QVERIFY(merged.operations()[0].params[0].approxEquals(ParameterExpression::parameter(0)
                                                               + ParameterExpression::parameter(1, 3.0)
                                                               + ParameterExpression(PI / 2)));

        c.clearOperations();  // inverse symbolic rotations cancel completely
        c.gate(GateId::RX, {0}, {beta});
        c.gate(GateId::RX, {0}, {-beta});
        c.gate(GateId::RZ, {1}, {ParameterExpression::parameter(1)});
        c.gate(GateId::RZ, {1}, {-ParameterExpression::parameter(1)});
        QCOMPARE(engine::translateToBasis(c, d).size(), std::size_t{0});
    }

    void twoQubitCancellationAndCosts()
    {
        const DeviceModel heron = heronPiece();
        Circuit c = oneWire(heron);
        c.gate(GateId::CZ, {0, 1});
        c.gate(GateId::CZ, {1, 0});
        c.gate(GateId::CX, {1, 2});
        c.gate(GateId::CX, {1, 2});
        QCOMPARE(engine::translateToBasis(c, heron).size(), std::size_t{0});

        // RZZ in CZ form: 2 CZ and 4 SX (algorithms.md 1.4)
        c.clearOperations();
        c.gate(GateId::RZZ, {0, 1}, {ParameterExpression::parameter(1, 2.0)});
        Circuit isa = engine::translateToBasis(c, heron);
        QCOMPARE(countGate(isa, "cz"), std::size_t{2});
        QCOMPARE(countGate(isa, "sx"), std::size_t{4});

        c.clearOperations();
        c.gate(GateId::SWAP, {2, 3});
        QCOMPARE(engine::translateToBasis(c, heron).stats().twoQubitGates, std::size_t{3});

        for (const DeviceModel& ecr : {eaglePiece(), ecrRing()}) {
            Circuit e(ecr.numQubits, true);
            const auto [a, b] = ecr.couplingMap[0];
            e.gate(GateId::CX, {a, b});
            e.gate(GateId::CX, {a, b});
            e.gate(GateId::CX, {b, a});
            e.gate(GateId::CX, {b, a});
            QCOMPARE(engine::translateToBasis(e, ecr).size(), std::size_t{0});
            e.clearOperations();
            e.gate(GateId::CX, {b, a});
            isa = engine::translateToBasis(e, ecr);
            QCOMPARE(countGate(isa, "ecr"), std::size_t{1});
            QCOMPARE(QString::fromStdString(isaProblem(isa, ecr, false)), QString());
        }
    }

    void measurementsAndBarriersKept()
    {
        const DeviceModel d = engine::lineDevice(4);
        Circuit c(4, true);
        c.gate(GateId::H, {0});
        c.barrier();
        c.gate(GateId::H, {0});
        c.gate(GateId::CX, {0, 1});
        c.measureAll();
        const Circuit isa = engine::translateToBasis(c, d);
        const engine::CircuitStats s = isa.stats();
        QCOMPARE(s.countsByName.at("measure"), std::size_t{4});
        QCOMPARE(isa.registers().size(), std::size_t{1});
        QVERIFY(std::any_of(isa.operations().begin(), isa.operations().end(),
                            [](const Operation& op) { return op.kind == OperationKind::Barrier; }));
        QCOMPARE(QString::fromStdString(isaProblem(isa, d, false)), QString());
        QVERIFY(isa.isPhysical());
    }

    void randomCircuitsMatch_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<bool>("fractional");
        QTest::addColumn<quint64>("seed");
        for (const char* name : {"line:4", "grid:2x3", "heron-piece", "eagle-piece", "ecr-ring", "fractional"})
            for (quint64 seed : {1ull, 2ull})
                QTest::addRow("%s-%llu", name, static_cast<unsigned long long>(seed))
                    << QString::fromLatin1(name) << (QString::fromLatin1(name) == QLatin1String("fractional"))
                    << seed;
    }

    void randomCircuitsMatch()
    {
        QFETCH(QString, device);
        QFETCH(bool, fractional);
        QFETCH(quint64, seed);
        const DeviceModel d = deviceByName(device);
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> value(-3.0, 3.0);
        engine::BasisTranslationOptions options;
        options.fractionalRzz = fractional;
        for (int trial = 0; trial < 12; ++trial) {
            const bool symbolic = trial % 2 == 1;
            const Circuit c = randomCircuit(d, rng, 40, symbolic);
            const Circuit isa = engine::translateToBasis(c, d, options);
            QCOMPARE(QString::fromStdString(isaProblem(isa, d, fractional)), QString());
            const std::vector<double> values{value(rng), value(rng)};
            const std::vector<State> reference = unitaryOf(c, values);
            const double distance = distanceUpToPhase(reference, unitaryOf(isa, values));
            QVERIFY2(distance < 1e-9, qPrintable(QStringLiteral("trial %1: %2").arg(trial).arg(distance)));
            // The library simulator on the translated circuit gives the input's column |0...0>.
            const double stateDistance =
                distanceUpToPhase({reference[0]}, {embeddedLibraryState(isa, values)});
            QVERIFY2(stateDistance < 1e-9, qPrintable(QStringLiteral("trial %1 state: %2").arg(trial).arg(stateDistance)));
        }
    }

    void fractionalRzz()
    {
        const DeviceModel d = fractionalHeron();
        engine::BasisTranslationOptions options;
        options.fractionalRzz = true;
        for (double theta : {0.3, -0.3, PI / 2, -PI / 2, 2.0, -2.5, PI, 7.0, 0.0}) {
            Circuit c = oneWire(d);
            c.gate(GateId::H, {0});
            c.gate(GateId::RZZ, {0, 1}, {theta});
            const Circuit isa = engine::translateToBasis(c, d, options);
            QCOMPARE(QString::fromStdString(isaProblem(isa, d, true)), QString());
            QCOMPARE(countGate(isa, "cz"), std::size_t{0});
            QVERIFY(countGate(isa, "rzz") <= 1);
            QVERIFY(distanceUpToPhase(unitaryOf(c, {0.0, 0.0}), unitaryOf(isa, {0.0, 0.0})) < 1e-9);
        }
        Circuit c = oneWire(d);
        c.gate(GateId::RZZ, {0, 1}, {ParameterExpression::parameter(1, 2.0)});
        QCOMPARE(countGate(engine::translateToBasis(c, d, options), "rzz"), std::size_t{0});
        c.clearOperations();
        c.gate(GateId::RZZ, {0, 1}, {0.3});
        QCOMPARE(countGate(engine::translateToBasis(c, d), "rzz"), std::size_t{0});  // option off
        QCOMPARE(countGate(engine::translateToBasis(c, heronPiece(), options), "rzz"), std::size_t{0});  // no support

        // A calibrated device offers rzz only where its error is below 1.
        DeviceModel calibrated = d;
        calibrated.gates = {{"rzz", {0, 1}, 1.0, 0.0}, {"rzz", {1, 2}, 2e-3, 0.0}};
        c.clearOperations();
        c.gate(GateId::RZZ, {0, 1}, {0.3});
        c.gate(GateId::RZZ, {2, 1}, {0.4});
        c.gate(GateId::RZZ, {2, 3}, {0.5});
        const Circuit isa = engine::translateToBasis(c, calibrated, options);
        QCOMPARE(countGate(isa, "rzz"), std::size_t{1});
        QCOMPARE(countGate(isa, "cz"), std::size_t{4});
        QVERIFY(distanceUpToPhase(unitaryOf(c, {0.0, 0.0}), unitaryOf(isa, {0.0, 0.0})) < 1e-9);
    }

    void rejectsWhatDoesNotFit()
    {
        const DeviceModel d = engine::lineDevice(4);
        Circuit c(4, true);
        c.gate(GateId::CX, {0, 2});
        try {
            engine::translateToBasis(c, d);
            QFAIL("a gate off the couplers was accepted");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
            QCOMPARE(QString::fromStdString(e.where()), QStringLiteral("operations[0]"));
        }
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::translateToBasis(Circuit(5, true), d));
        DeviceModel odd = d;
        odd.twoQubitGate = "iswap";
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::translateToBasis(Circuit(4, true), odd));
    }

    void fidelityIsTheProductOfCalibratedErrors()
    {
        DeviceModel d = engine::lineDevice(3);
        d.twoQubitGate = "cz";
        d.basisGates = {"cz", "id", "rz", "sx", "x"};
        d.qubits.assign(3, engine::QubitCalibration{});
        d.qubits[0].readoutError = 0.01;
        d.qubits[1].readoutError = 0.02;
        d.gates = {{"sx", {0}, 1e-3, 30.0}, {"x", {1}, 2e-3, 30.0}, {"cz", {0, 1}, 5e-3, 60.0},
                   {"cz", {1, 2}, 1.0, 60.0}};
        Circuit isa(3, true);
        isa.gate(GateId::SX, {0});
        isa.gate(GateId::X, {1});
        isa.gate(GateId::RZ, {1}, {0.4});
        isa.gate(GateId::CZ, {1, 0});
        isa.gate(GateId::SX, {2});  // no calibration: counts 1
        isa.measureAll();
        const double expected = (1 - 1e-3) * (1 - 2e-3) * (1 - 5e-3) * (1 - 0.01) * (1 - 0.02);
        QAOA_COMPARE_NEAR(engine::estimateFidelity(isa, d), expected, 1e-12);
        isa.gate(GateId::CZ, {1, 2});
        QCOMPARE(engine::estimateFidelity(isa, d), 0.0);
    }
};

QTEST_APPLESS_MAIN(TstBasisTranslation)
#include "basis_translation.test.moc"
