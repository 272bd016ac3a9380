// SPDX-License-Identifier: MIT
// Tests of the circuit type: checked appends, names, binding, statistics against a DAG reference, used qubits.
#include "circuit/circuit.h"

#include <QtTest>

#include "test_support.h"

#include "circuit_test_helpers.h"
#include "core/error.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <random>
#include <set>

using engine::Circuit;
using engine::ErrorCode;
using engine::GateId;
using engine::Operation;
using engine::OperationKind;
using engine::ParameterExpression;

Q_DECLARE_METATYPE(std::function<void(engine::Circuit&)>)

namespace {

using Action = std::function<void(Circuit&)>;

// Depth as the longest weighted path through the explicit dependency graph (edges from every earlier operation that
// shares a wire), computed without Qiskit's per-wire bookkeeping.
std::pair<std::size_t, std::size_t> referenceDepths(const Circuit& c)
{
    const auto& ops = c.operations();
    std::vector<unsigned> offset(c.registers().size(), 0);
    for (std::size_t r = 1; r < offset.size(); ++r)
        offset[r] = offset[r - 1] + c.registers()[r - 1].size;
    const auto wiresOf = [&](const Operation& op) {
        std::set<std::size_t> w;
        if (op.kind == OperationKind::Barrier && op.qubits.empty()) {
            for (unsigned q = 0; q < c.numQubits(); ++q)
                w.insert(q);
        }
        for (unsigned q : op.qubits)
            w.insert(q);
        if (op.kind == OperationKind::Measure)
            w.insert(c.numQubits() + offset[op.creg] + op.clbit);
        return w;
    };
    std::vector<std::size_t> longest(ops.size()), longest2(ops.size());
    std::size_t depth = 0, depth2 = 0;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const auto wk = wiresOf(ops[k]);
        std::size_t best = 0, best2 = 0;
        for (std::size_t j = 0; j < k; ++j) {
            const auto wj = wiresOf(ops[j]);
            const bool shares = std::any_of(wk.begin(), wk.end(), [&](std::size_t w) { return wj.count(w) > 0; });
            if (shares) {
                best = std::max(best, longest[j]);
                best2 = std::max(best2, longest2[j]);
            }
        }
        const bool barrier = ops[k].kind == OperationKind::Barrier;
        const bool twoQubit = ops[k].kind == OperationKind::Gate && ops[k].qubits.size() == 2;
        longest[k] = best + (barrier ? 0 : 1);
        longest2[k] = best2 + (twoQubit ? 1 : 0);
        depth = std::max(depth, longest[k]);
        depth2 = std::max(depth2, longest2[k]);
    }
    return {depth, depth2};
}

void expectError(const Action& action, ErrorCode code, const QString& fragment)
{
    Circuit c(3);
    c.addParameter("theta");
    c.addRegister("c", 2);
    try {
        action(c);
    } catch (const engine::Error& e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(code));
        QVERIFY2(QString::fromStdString(e.detail()).contains(fragment), e.what());
        return;
    }
    QFAIL("no error thrown");
}

Operation gateOp(GateId id, std::vector<unsigned> qubits, std::vector<ParameterExpression> params = {})
{
    Operation op;
    op.gate = id;
    op.qubits = std::move(qubits);
    op.params = std::move(params);
    return op;
}

} // namespace

class TstCircuit : public QObject {
    Q_OBJECT

private slots:
    void construction()
    {
        const Circuit empty;
        QCOMPARE(empty.numQubits(), 0u);
        Circuit c(5, true);
        QVERIFY(c.isPhysical());
        c.setPhysical(false);
        QVERIFY(!c.isPhysical());
        QCOMPARE(Circuit(engine::MAX_CIRCUIT_QUBITS).numQubits(), engine::MAX_CIRCUIT_QUBITS);
        try {
            Circuit tooBig(engine::MAX_CIRCUIT_QUBITS + 1);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), ErrorCode::LimitExceeded);
        }
    }

    void names()
    {
        QVERIFY(engine::isCircuitName("gamma_0"));
        QVERIFY(engine::isCircuitName("_x1"));
        QVERIFY(engine::isCircuitName("meas"));
        QVERIFY(!engine::isCircuitName(""));
        QVERIFY(!engine::isCircuitName("0abc"));
        QVERIFY(!engine::isCircuitName("a-b"));
        QVERIFY(!engine::isCircuitName("θ"));
        QVERIFY(!engine::isCircuitName("pi"));
        QVERIFY(!engine::isCircuitName("input"));
        QVERIFY(!engine::isCircuitName("rz"));
        QVERIFY(!engine::isCircuitName("U"));
        QVERIFY(!engine::isCircuitName(std::string(257, 'a')));

        Circuit c(2);
        QCOMPARE(c.addParameter("gamma"), std::size_t{0});
        QCOMPARE(c.addParameter("beta"), std::size_t{1});
        QCOMPARE(c.addParameter("gamma"), std::size_t{0});  // existing
        QCOMPARE(c.parameterIndex("beta"), std::size_t{1});
        QCOMPARE(c.parameterIndex("nope"), std::string::npos);
        QCOMPARE(c.addRegister("meas", 2), 0u);
        QCOMPARE(c.addRegister("extra", 3), 1u);
        QCOMPARE(c.numClbits(), 5u);
    }

    void invalidAppends_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const int invalid = static_cast<int>(ErrorCode::InvalidArgument);
        QTest::newRow("qubit out of range") << Action([](Circuit& c) { c.gate(GateId::H, {3}); }) << invalid
                                            << "qubit 3 out of range for a circuit of 3 qubits";
        QTest::newRow("repeated qubit") << Action([](Circuit& c) { c.gate(GateId::CX, {1, 1}); }) << invalid
                                        << "qubit 1 appears twice";
        QTest::newRow("arity") << Action([](Circuit& c) { c.gate(GateId::CX, {1}); }) << invalid
                               << "gate cx acts on 2 qubits, got 1";
        QTest::newRow("parameter count") << Action([](Circuit& c) { c.gate(GateId::RZ, {0}); }) << invalid
                                         << "gate rz takes 1 parameters, got 0";
        QTest::newRow("unknown parameter")
            << Action([](Circuit& c) { c.gate(GateId::RZ, {0}, {ParameterExpression::parameter(1)}); }) << invalid
            << "refers to circuit parameter 1 of 1";
        QTest::newRow("non-finite angle")
            << Action([](Circuit& c) { c.gate(GateId::RX, {0}, {std::numeric_limits<double>::infinity()}); })
            << invalid << "is not finite";
        QTest::newRow("non-finite coefficient")
            << Action([](Circuit& c) { c.gate(GateId::RX, {0}, {ParameterExpression::parameter(0, std::nan(""))}); })
            << invalid << "non-finite coefficient";
        QTest::newRow("missing register") << Action([](Circuit& c) { c.measure(0, 1, 0); }) << invalid
                                          << "classical register 1 does not exist";
        QTest::newRow("bit out of range") << Action([](Circuit& c) { c.measure(0, 0, 2); }) << invalid
                                          << "bit 2 out of range for register c[2]";
        QTest::newRow("measure two qubits") << Action([](Circuit& c) {
            Operation op;
            op.kind = OperationKind::Measure;
            op.qubits = {0, 1};
            c.append(op);
        }) << invalid << "a measurement acts on 1 qubit";
        QTest::newRow("reset with params") << Action([](Circuit& c) {
            Operation op;
            op.kind = OperationKind::Reset;
            op.qubits = {0};
            op.params = {1.0};
            c.append(op);
        }) << invalid << "only gates take parameters";
        QTest::newRow("barrier repeats") << Action([](Circuit& c) { c.barrier({2, 0, 2}); }) << invalid
                                         << "qubit 2 appears twice";
        QTest::newRow("bad parameter name") << Action([](Circuit& c) { c.addParameter("2x"); }) << invalid
                                            << "not an identifier";
        QTest::newRow("reserved parameter name") << Action([](Circuit& c) { c.addParameter("pi"); }) << invalid
                                                 << "reserved";
        QTest::newRow("parameter named like a register") << Action([](Circuit& c) { c.addParameter("c"); })
                                                         << invalid << "already a register";
        QTest::newRow("register named like a parameter") << Action([](Circuit& c) { c.addRegister("theta", 1); })
                                                         << invalid << "already a parameter";
        QTest::newRow("duplicate register") << Action([](Circuit& c) { c.addRegister("c", 1); }) << invalid
                                            << "already exists";
        QTest::newRow("empty register") << Action([](Circuit& c) { c.addRegister("d", 0); }) << invalid
                                        << "size 0";
        QTest::newRow("too many clbits")
            << Action([](Circuit& c) { c.addRegister("d", engine::MAX_CIRCUIT_CLBITS - 1); })
            << static_cast<int>(ErrorCode::LimitExceeded) << "exceeds the limit";
        QTest::newRow("measureAll size clash") << Action([](Circuit& c) { c.measureAll("c"); }) << invalid
                                               << "already exists";
        QTest::newRow("bind count") << Action([](Circuit& c) { (void)c.bound({}); }) << invalid
                                    << "the circuit has 1 parameters, got 0 values";
        QTest::newRow("rule on a measurement") << Action([](Circuit& c) {
            Operation op;
            op.kind = OperationKind::Measure;
            (void)engine::instantiateGateCalls(op, {});
            (void)c;
        }) << invalid << "gates only";
    }
    void invalidAppends()
    {
        QFETCH(Action, action);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        expectError(action, static_cast<ErrorCode>(code), fragment);
    }

    void errorPlaceNamesTheOperation()
    {
        Circuit c(2);
        c.gate(GateId::H, {0});
        try {
            c.gate(GateId::H, {5});
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.where(), std::string("operations[1]"));
        }
        QCOMPARE(c.size(), std::size_t{1});  // nothing appended on failure
    }

    void appendNormalisesUnusedFields()
    {
        Circuit c(2);
        c.addRegister("c", 1);
        Operation op;
        op.kind = OperationKind::Barrier;
        op.gate = GateId::CX;
        op.creg = 7;
        c.append(op);
        QCOMPARE(c.operations()[0].gate, GateId::I);
        QCOMPARE(c.operations()[0].creg, 0u);
    }

    void statsOfHandWrittenCircuits()
    {
        // h 0; cx 0,1; measure both: depth 3 (Qiskit), one two-qubit gate.
        Circuit bell(2);
        bell.gate(GateId::H, {0});
        bell.gate(GateId::CX, {0, 1});
        bell.measureAll();
        engine::CircuitStats s = bell.stats();
        QCOMPARE(s.depth, std::size_t{3});
        QCOMPARE(s.twoQubitDepth, std::size_t{1});
        QCOMPARE(s.twoQubitGates, std::size_t{1});
        QCOMPARE(s.countsByName.at("h"), std::size_t{1});
        QCOMPARE(s.countsByName.at("cx"), std::size_t{1});
        QCOMPARE(s.countsByName.at("measure"), std::size_t{2});
        QCOMPARE(s.countsByName.size(), std::size_t{3});

        // A barrier adds no depth but synchronises: x 0; barrier; x 1 has depth 2 (1 without the barrier).
        Circuit b(2);
        b.gate(GateId::X, {0});
        b.gate(GateId::X, {1});
        QCOMPARE(b.stats().depth, std::size_t{1});
        Circuit synced(2);
        synced.gate(GateId::X, {0});
        synced.barrier();
        synced.gate(GateId::X, {1});
        QCOMPARE(synced.stats().depth, std::size_t{2});
        QVERIFY(synced.stats().countsByName.count("barrier") == 0);

        // Two measurements into one classical bit are ordered by that bit.
        Circuit m(2);
        m.addRegister("c", 1);
        m.measure(0, 0, 0);
        m.measure(1, 0, 0);
        QCOMPARE(m.stats().depth, std::size_t{2});

        // h 0; cx 0,1; h 1; cx 1,2; reset 0: depth 4, two-qubit depth 2.
        Circuit chain(3);
        chain.gate(GateId::H, {0});
        chain.gate(GateId::CX, {0, 1});
        chain.gate(GateId::H, {1});
        chain.gate(GateId::CX, {1, 2});
        engine::Operation reset;
        reset.kind = OperationKind::Reset;
        reset.qubits = {0};
        chain.append(reset);
        s = chain.stats();
        QCOMPARE(s.depth, std::size_t{4});
        QCOMPARE(s.twoQubitDepth, std::size_t{2});
        QCOMPARE(s.countsByName.at("reset"), std::size_t{1});

        QCOMPARE(Circuit(4).stats().depth, std::size_t{0});
    }

    void statsMatchTheDagReference()
    {
        std::mt19937_64 rng(99);
        for (int trial = 0; trial < 60; ++trial) {
            const unsigned n = 1 + trial % 6;
            circuit_test::RandomCircuitOptions options;
            options.barriers = true;
            options.measurements = trial % 2 == 0;
            options.resets = trial % 3 == 0;
            const Circuit c = circuit_test::randomCircuit(n == 1 ? 2 : n, 40, rng, false, options);
            const engine::CircuitStats s = c.stats();
            const auto [depth, depth2] = referenceDepths(c);
            QCOMPARE(s.depth, depth);
            QCOMPARE(s.twoQubitDepth, depth2);
            std::size_t total = 0, twoQubit = 0;
            for (const auto& op : c.operations()) {
                if (op.kind != OperationKind::Barrier)
                    ++total;
                if (op.kind == OperationKind::Gate && op.qubits.size() == 2)
                    ++twoQubit;
            }
            std::size_t counted = 0;
            for (const auto& [name, count] : s.countsByName)
                counted += count;
            QCOMPARE(counted, total);
            QCOMPARE(s.twoQubitGates, twoQubit);
        }
    }

    void boundAndUsedQubits()
    {
        Circuit c(6, true);
        const std::size_t g = c.addParameter("g");
        const std::size_t b = c.addParameter("b");
        c.addRegister("meas", 2);
        c.gate(GateId::RZZ, {4, 1}, {ParameterExpression::parameter(g, 2.0)});
        c.gate(GateId::RX, {4}, {ParameterExpression::parameter(b, 2.0) + ParameterExpression(0.5)});
        c.barrier();          // all qubits, but no state is touched
        c.barrier({0, 5});
        c.measure(1, 0, 1);
        QCOMPARE(c.usedQubits(), (std::vector<unsigned>{1, 4}));

        const Circuit bound = c.bound({0.25, -1.0});
        QVERIFY(bound.parameters().empty());
        QVERIFY(bound.isPhysical());
        QCOMPARE(bound.registers().size(), std::size_t{1});
        QCOMPARE(bound.size(), c.size());
        QVERIFY(bound.operations()[0].params[0].isConstant());
        QCOMPARE(bound.operations()[0].params[0].constant(), 0.5);
        QCOMPARE(bound.operations()[1].params[0].constant(), -1.5);
        QCOMPARE(bound.operations()[2].qubits.size(), std::size_t{0});

        c.clearOperations();
        QCOMPARE(c.size(), std::size_t{0});
        QCOMPARE(c.parameters().size(), std::size_t{2});
    }

    void measureAllReusesAMatchingRegister()
    {
        Circuit c(3);
        c.measureAll();
        c.measureAll();
        QCOMPARE(c.registers().size(), std::size_t{1});
        QCOMPARE(c.registers()[0].name, std::string("meas"));
        QCOMPARE(c.size(), std::size_t{6});
        QCOMPARE(c.operations()[2].qubits[0], 2u);
        QCOMPARE(c.operations()[2].clbit, 2u);
    }

    void instantiateRules()
    {
        // The RZZ expansion on qubits (5, 2) with angle 2 g + 0.1.
        Operation op = gateOp(GateId::RZZ, {5, 2}, {ParameterExpression::parameter(0, 2.0) + ParameterExpression(0.1)});
        const auto ops = engine::instantiateGateCalls(op, engine::gateExpansion(GateId::RZZ));
        QCOMPARE(ops.size(), std::size_t{3});
        QCOMPARE(ops[0].gate, GateId::CX);
        QCOMPARE(ops[0].qubits, (std::vector<unsigned>{5, 2}));
        QCOMPARE(ops[1].gate, GateId::RZ);
        QCOMPARE(ops[1].qubits, (std::vector<unsigned>{2}));
        QVERIFY(ops[1].params[0].approxEquals(op.params[0], 0.0));

        // The U inverse swaps and negates: U(t, p, l) -> U(-t, -l, -p).
        Operation u = gateOp(GateId::U, {1}, {0.1, ParameterExpression::parameter(0), 0.3});
        const auto inv = engine::instantiateGateCalls(u, engine::gateInverse(GateId::U));
        QCOMPARE(inv.size(), std::size_t{1});
        QCOMPARE(inv[0].params[0].constant(), -0.1);
        QCOMPARE(inv[0].params[1].constant(), -0.3);
        QVERIFY(inv[0].params[2].approxEquals(-ParameterExpression::parameter(0), 0.0));

        // Instantiated expansions applied in a circuit equal the gate up to a phase, on random circuits.
        std::mt19937_64 rng(5);
        const Circuit original = circuit_test::randomCircuit(3, 30, rng);
        Circuit expanded(3);
        for (const auto& o : original.operations())
            for (auto& e : engine::instantiateGateCalls(o, engine::gateExpansion(o.gate)))
                expanded.append(e);
        const double err = circuit_test::diffUpToPhase(circuit_test::circuitOperator(expanded),
                                                       circuit_test::circuitOperator(original));
        QVERIFY2(err < 1e-9, qPrintable(QString::number(err)));
    }
};

QTEST_APPLESS_MAIN(TstCircuit)
#include "circuit.test.moc"
