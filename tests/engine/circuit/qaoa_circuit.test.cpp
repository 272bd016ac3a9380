// SPDX-License-Identifier: MIT
// Tests of the logical QAOA circuit: its structure, and its simulated state against the engine's QAOA simulator.
#include "circuit/qaoa_circuit.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit_simulation.h"
#include "circuit/qasm.h"
#include "core/error.h"
#include "qaoa/qaoa_simulation.h"
#include "qubo/ising_model.h"

#include <functional>
#include <random>

using engine::Circuit;
using engine::GateId;
using engine::IsingModel;
using engine::OperationKind;

namespace {

// A random Ising model with fields on every spin and couplings on about half the pairs (sorted by (i, j)).
IsingModel randomIsing(std::size_t n, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> value(-1.0, 1.0);
    std::bernoulli_distribution coin(0.5);
    IsingModel ising;
    for (std::size_t i = 0; i < n; ++i)
        ising.h.push_back(value(rng));
    for (std::uint32_t i = 0; i < n; ++i)
        for (std::uint32_t j = i + 1; j < n; ++j)
            if (coin(rng))
                ising.J.push_back({i, j, value(rng)});
    ising.offset = value(rng);
    return ising;
}

void expectError(const std::function<void()>& f, engine::ErrorCode code)
{
    try {
        f();
    } catch (const engine::Error& e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(code));
        return;
    }
    QFAIL("no error thrown");
}

} // namespace

class TstQaoaCircuit : public QObject {
    Q_OBJECT

private slots:
    void structure()
    {
        IsingModel ising;
        ising.h = {0.5, 0.0, -1.0};
        ising.J = {{0, 1, 2.0}, {1, 2, 1e-9}};
        engine::QaoaCircuitOptions options;
        options.zeroTolerance = 1e-6;
        const Circuit c = engine::buildQaoaCircuit(ising, 2, options);
        QCOMPARE(c.numQubits(), 3u);
        QVERIFY(!c.isPhysical());
        QCOMPARE(c.parameters(), (std::vector<std::string>{"gamma_0", "beta_0", "gamma_1", "beta_1"}));
        const engine::CircuitStats s = c.stats();
        QCOMPARE(s.countsByName.at("h"), std::size_t{3});
        QCOMPARE(s.countsByName.at("rz"), std::size_t{4});   // two fields, two layers
        QCOMPARE(s.countsByName.at("rzz"), std::size_t{2});  // the 1e-9 coupling is left out
        QCOMPARE(s.countsByName.at("rx"), std::size_t{6});
        QCOMPARE(s.countsByName.at("measure"), std::size_t{3});
        QCOMPARE(c.registers().at(0).name, std::string("meas"));

        // Layer 1 in order: rz(2 gamma_0 h_0) q0, rz(2 gamma_0 h_2) q2, rzz(2 gamma_0 J_01) q0 q1, rx(2 beta_0) ...
        const auto& ops = c.operations();
        QCOMPARE(ops[3].gate, GateId::RZ);
        QCOMPARE(ops[3].qubits, (std::vector<unsigned>{0}));
        QVERIFY(ops[3].params[0].approxEquals(engine::ParameterExpression::parameter(0, 1.0), 0.0));
        QCOMPARE(ops[4].qubits, (std::vector<unsigned>{2}));
        QVERIFY(ops[4].params[0].approxEquals(engine::ParameterExpression::parameter(0, -2.0), 0.0));
        QCOMPARE(ops[5].gate, GateId::RZZ);
        QCOMPARE(ops[5].qubits, (std::vector<unsigned>{0, 1}));
        QVERIFY(ops[5].params[0].approxEquals(engine::ParameterExpression::parameter(0, 4.0), 0.0));
        QCOMPARE(ops[6].gate, GateId::RX);
        QVERIFY(ops[6].params[0].approxEquals(engine::ParameterExpression::parameter(1, 2.0), 0.0));
        // The second layer uses gamma_1 and beta_1.
        QVERIFY(ops[9].params[0].approxEquals(engine::ParameterExpression::parameter(2, 1.0), 0.0));

        options.measure = false;
        options.barriers = true;
        const Circuit plain = engine::buildQaoaCircuit(ising, 2, options);
        QVERIFY(plain.registers().empty());
        std::size_t barriers = 0;
        for (const auto& op : plain.operations())
            barriers += op.kind == OperationKind::Barrier ? 1 : 0;
        QCOMPARE(barriers, std::size_t{2});
        QCOMPARE(engine::qaoaCircuitValues({0.1, 0.2}, {0.3, 0.4}), (std::vector<double>{0.1, 0.3, 0.2, 0.4}));
    }

    void errors()
    {
        IsingModel ising;
        ising.h = {1.0};
        expectError([&] { (void)engine::buildQaoaCircuit(ising, 0); }, engine::ErrorCode::InvalidArgument);
        expectError([&] { (void)engine::buildQaoaCircuit(IsingModel{}, 1); }, engine::ErrorCode::InvalidArgument);
        IsingModel bad;
        bad.h = {0.0, 0.0};
        bad.J = {{0, 2, 1.0}};
        expectError([&] { (void)engine::buildQaoaCircuit(bad, 1); }, engine::ErrorCode::InvalidArgument);
        expectError([&] { (void)engine::qaoaCircuitValues({}, {}); }, engine::ErrorCode::InvalidArgument);
        expectError([&] { (void)engine::qaoaCircuitValues({0.1}, {0.1, 0.2}); }, engine::ErrorCode::InvalidArgument);
    }

    void sameProbabilitiesAsTheQaoaSimulator()
    {
        std::mt19937_64 rng(8128);
        std::uniform_real_distribution<double> angle(-1.5, 1.5);
        for (std::size_t n = 2; n <= 8; ++n) {
            for (std::size_t p = 1; p <= 3; ++p) {
                const IsingModel ising = randomIsing(n, rng);
                engine::QaoaAngles angles;
                for (std::size_t k = 0; k < p; ++k) {
                    angles.gammas.push_back(angle(rng));
                    angles.betas.push_back(angle(rng));
                }
                const Circuit circuit = engine::buildQaoaCircuit(ising, p);
                const Circuit bound = circuit.bound(engine::qaoaCircuitValues(angles.gammas, angles.betas));
                const auto state = engine::simulateCircuit(bound);
                QCOMPARE(state.numQubits(), static_cast<unsigned>(n));
                const std::vector<double> got = state.probabilities();
                const engine::QaoaSimulator<double> simulator(engine::toQubo(ising), engine::makeXAnsatz(n));
                const std::vector<double> want = simulator.probabilities(angles);
                QCOMPARE(got.size(), want.size());
                double err = 0.0;
                for (std::size_t z = 0; z < got.size(); ++z)
                    err = std::max(err, std::abs(got[z] - want[z]));
                QVERIFY2(err <= 1e-10, qPrintable(QStringLiteral("n=%1 p=%2: %3").arg(n).arg(p).arg(err)));

                // The measured distribution of meas equals the state's (meas[i] = qubit i).
                const std::vector<double> measured =
                    engine::measuredDistribution(circuit, engine::qaoaCircuitValues(angles.gammas, angles.betas));
                for (std::size_t z = 0; z < got.size(); ++z)
                    QVERIFY(std::abs(measured[z] - got[z]) <= 1e-12);
            }
        }
    }

    void largeCircuitRoundTripsThroughQasm()
    {
        // 156 qubits, a dense coupling list, p = 40: about 1e5 operations through OpenQASM 3 and back.
        std::mt19937_64 rng(42);
        std::uniform_real_distribution<double> value(-1.0, 1.0);
        IsingModel ising;
        for (std::size_t i = 0; i < 156; ++i)
            ising.h.push_back(value(rng));
        for (std::uint32_t i = 0; i < 156; ++i)
            for (std::uint32_t j = i + 1; j < 156; ++j)
                if ((i * 7 + j * 13) % 5 == 0)
                    ising.J.push_back({i, j, value(rng)});
        const Circuit circuit = engine::buildQaoaCircuit(ising, 40);
        QVERIFY(circuit.size() > 100000);
        const Circuit back = engine::importQasm(engine::exportQasm3(circuit), "qaoa.qasm");
        QCOMPARE(back.size(), circuit.size());
        QCOMPARE(back.parameters(), circuit.parameters());
        for (std::size_t k = 0; k < circuit.size(); ++k) {
            const auto& a = circuit.operations()[k];
            const auto& b = back.operations()[k];
            QVERIFY(a.gate == b.gate && a.qubits == b.qubits && a.params.size() == b.params.size());
            for (std::size_t j = 0; j < a.params.size(); ++j)
                QVERIFY(a.params[j].constant() == b.params[j].constant() && a.params[j].terms() == b.params[j].terms());
        }
    }
};

QTEST_APPLESS_MAIN(TstQaoaCircuit)
#include "qaoa_circuit.test.moc"
