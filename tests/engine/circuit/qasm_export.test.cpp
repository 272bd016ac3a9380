// SPDX-License-Identifier: MIT
// Tests of OpenQASM 3 and 2 export: exact texts for small circuits, definitions only when used, names, errors.
#include "circuit/qasm.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <numbers>

using engine::Circuit;
using engine::GateId;
using engine::ParameterExpression;

namespace {

constexpr double PI = std::numbers::pi;

void compareText(const std::string& got, const std::string& want)
{
    if (got != want)
        qWarning("got:\n%s\nwant:\n%s", got.c_str(), want.c_str());
    QCOMPARE(QString::fromStdString(got), QString::fromStdString(want));
}

Circuit logicalExample()
{
    Circuit c(3);
    const std::size_t gamma = c.addParameter("gamma");
    const std::size_t beta = c.addParameter("beta");
    c.addRegister("meas", 3);
    c.gate(GateId::H, {0});
    c.gate(GateId::I, {1});
    c.gate(GateId::RZZ, {0, 1}, {ParameterExpression::parameter(gamma, 2.0)});
    c.gate(GateId::U, {2}, {PI / 2, ParameterExpression::parameter(beta), -0.25});
    c.gate(GateId::ECR, {1, 2});
    c.gate(GateId::SXdg, {0});
    engine::Operation reset;
    reset.kind = engine::OperationKind::Reset;
    reset.qubits = {2};
    c.append(reset);
    c.barrier();
    c.barrier({0, 2});
    c.measure(0, 0, 0);
    c.measure(2, 0, 2);
    return c;
}

} // namespace

class TstQasmExport : public QObject {
    Q_OBJECT

private slots:
    void logicalOpenQasm3()
    {
        compareText(engine::exportQasm3(logicalExample()),
                    "OPENQASM 3.0;\n"
                    "include \"stdgates.inc\";\n"
                    "input float[64] gamma;\n"
                    "input float[64] beta;\n"
                    "gate sxdg _gate_q_0 { x _gate_q_0; sx _gate_q_0; }\n"
                    "gate ecr _gate_q_0, _gate_q_1 { h _gate_q_1; cx _gate_q_0, _gate_q_1; rz(pi/2) _gate_q_1; "
                    "cx _gate_q_0, _gate_q_1; h _gate_q_1; x _gate_q_0; }\n"
                    "gate rzz(p0) _gate_q_0, _gate_q_1 { cx _gate_q_0, _gate_q_1; rz(p0) _gate_q_1; "
                    "cx _gate_q_0, _gate_q_1; }\n"
                    "bit[3] meas;\n"
                    "qubit[3] q;\n"
                    "h q[0];\n"
                    "rzz(2*gamma) q[0], q[1];\n"
                    "U(pi/2, beta, -0.25) q[2];\n"
                    "ecr q[1], q[2];\n"
                    "sxdg q[0];\n"
                    "reset q[2];\n"
                    "barrier q;\n"
                    "barrier q[0], q[2];\n"
                    "meas[0] = measure q[0];\n"
                    "meas[2] = measure q[2];\n");
    }

    void physicalOpenQasm3()
    {
        // The shape IBM's Sampler takes for a Heron ISA circuit (ibm-quantum-rest-api.md 5.4).
        Circuit c(3, true);
        const std::size_t gamma = c.addParameter("gamma");
        c.addRegister("meas", 2);
        c.gate(GateId::RZ, {0}, {PI / 2});
        c.gate(GateId::SX, {0});
        c.gate(GateId::CZ, {0, 2});
        c.gate(GateId::RZ, {2}, {ParameterExpression::parameter(gamma, 2.0)});
        c.gate(GateId::RZZ, {2, 0}, {0.25});
        c.barrier();
        c.measure(0, 0, 0);
        c.measure(2, 0, 1);
        compareText(engine::exportQasm3(c),
                    "OPENQASM 3.0;\n"
                    "include \"stdgates.inc\";\n"
                    "input float[64] gamma;\n"
                    "gate rzz(p0) _gate_q_0, _gate_q_1 { cx _gate_q_0, _gate_q_1; rz(p0) _gate_q_1; "
                    "cx _gate_q_0, _gate_q_1; }\n"
                    "bit[2] meas;\n"
                    "rz(pi/2) $0;\n"
                    "sx $0;\n"
                    "cz $0, $2;\n"
                    "rz(2*gamma) $2;\n"
                    "rzz(0.25) $2, $0;\n"
                    "barrier $0, $1, $2;\n"
                    "meas[0] = measure $0;\n"
                    "meas[1] = measure $2;\n");
    }

    void openQasm2()
    {
        Circuit c(2);
        c.addRegister("c", 2);
        c.gate(GateId::U, {0}, {0.1, PI, -PI / 4});
        c.gate(GateId::P, {1}, {0.5});
        c.gate(GateId::CP, {0, 1}, {PI / 2});
        c.gate(GateId::SX, {1});
        c.gate(GateId::SWAP, {0, 1});
        c.gate(GateId::RZZ, {1, 0}, {0.5});
        c.gate(GateId::I, {0});
        c.barrier();
        c.measure(0, 0, 0);
        compareText(engine::exportQasm2(c),
                    "OPENQASM 2.0;\n"
                    "include \"qelib1.inc\";\n"
                    "gate sx a { sdg a; h a; sdg a; }\n"
                    "gate swap a,b { cx a,b; cx b,a; cx a,b; }\n"
                    "gate rzz(p0) a,b { cx a,b; u1(p0) b; cx a,b; }\n"
                    "qreg q[2];\n"
                    "creg c[2];\n"
                    "u3(0.1,pi,-pi/4) q[0];\n"
                    "u1(0.5) q[1];\n"
                    "cu1(pi/2) q[0],q[1];\n"
                    "sx q[1];\n"
                    "swap q[0],q[1];\n"
                    "rzz(0.5) q[1],q[0];\n"
                    "barrier q;\n"
                    "measure q[0] -> c[0];\n");
    }

    void openQasm2NeedsBoundParameters()
    {
        Circuit c(1);
        c.addParameter("theta");
        c.gate(GateId::RX, {0}, {0.5});
        QVERIFY(engine::exportQasm2(c).find("rx(0.5) q[0];") != std::string::npos);  // unused parameter: fine
        c.gate(GateId::RX, {0}, {ParameterExpression::parameter(0)});
        try {
            (void)engine::exportQasm2(c);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
            QCOMPARE(e.where(), std::string("operations[1]"));
        }
        QVERIFY(engine::exportQasm2(c.bound({0.25})).find("rx(0.25) q[0];") != std::string::npos);
    }

    void openQasm2RegisterNames()
    {
        Circuit c(1);
        c.addRegister("Meas", 1);
        c.measure(0, 0, 0);
        try {
            (void)engine::exportQasm2(c);
            QFAIL("no error");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
            QCOMPARE(e.where(), std::string("registers[0]"));
        }
        QVERIFY(engine::exportQasm3(c).find("Meas[0] = measure q[0];") != std::string::npos);
    }

    void headerCanBeLeftOut()
    {
        Circuit c(1);
        c.gate(GateId::X, {0});
        engine::QasmExportOptions options;
        options.includeHeader = false;
        compareText(engine::exportQasm3(c, options), "qubit[1] q;\nx q[0];\n");
        compareText(engine::exportQasm2(c, options), "qreg q[1];\nx q[0];\n");
    }

    void qubitRegisterAvoidsTakenNames()
    {
        Circuit c(2);
        c.addParameter("q");
        c.addRegister("q_", 1);
        c.gate(GateId::RX, {1}, {ParameterExpression::parameter(0)});
        const std::string text = engine::exportQasm3(c);
        QVERIFY(text.find("qubit[2] q__;\n") != std::string::npos);
        QVERIFY(text.find("rx(q) q__[1];\n") != std::string::npos);
        QVERIFY(engine::importQasm(text).size() == 1);
    }

    void emptyCircuits()
    {
        compareText(engine::exportQasm3(Circuit()), "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        compareText(engine::exportQasm3(Circuit(2, true)), "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        compareText(engine::exportQasm2(Circuit()), "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
    }

    void definitionsOnlyForUsedGates()
    {
        Circuit c(2);
        c.gate(GateId::RXX, {0, 1}, {0.3});
        c.gate(GateId::CX, {0, 1});
        const std::string text = engine::exportQasm3(c);
        QVERIFY(text.find("gate rxx(p0)") != std::string::npos);
        QVERIFY(text.find("gate rzz") == std::string::npos);
        QVERIFY(text.find("gate cx") == std::string::npos);
        // Each definition once, however often the gate is used.
        c.gate(GateId::RXX, {1, 0}, {0.4});
        const std::string twice = engine::exportQasm3(c);
        QCOMPARE(twice.find("gate rxx"), twice.rfind("gate rxx"));
    }

    void exportedTextReadsBack()
    {
        const Circuit c = logicalExample();
        const Circuit back = engine::importQasm(engine::exportQasm3(c), "example.qasm");
        QCOMPARE(back.size(), c.size() - 1);  // the id gate is not written
        QCOMPARE(back.parameters(), c.parameters());
        QCOMPARE(back.operations()[4].gate, GateId::SXdg);
        QCOMPARE(back.operations()[6].qubits.size(), std::size_t{0});  // `barrier q;` is the all-qubit barrier
    }
};

QTEST_APPLESS_MAIN(TstQasmExport)
#include "qasm_export.test.moc"
