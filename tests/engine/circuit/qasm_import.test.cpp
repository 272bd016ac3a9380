// SPDX-License-Identifier: MIT
// Tests of OpenQASM import: accepted features, exact error places, hostile input, and export/import round trips.
#include "circuit/qasm.h"

#include <QtTest>

#include "test_support.h"

#include "circuit_test_helpers.h"
#include "core/error.h"

#include <cmath>
#include <numbers>
#include <random>

using engine::Circuit;
using engine::ErrorCode;
using engine::GateId;
using engine::OperationKind;

namespace {

constexpr double PI = std::numbers::pi;
const std::string H3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";
const std::string H2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

struct Failure {
    ErrorCode code;
    std::string where;
    std::string detail;
};

Failure failureOf(const std::string& text, const std::string& source = "in.qasm")
{
    try {
        (void)engine::importQasm(text, source);
    } catch (const engine::Error& e) {
        return {e.code(), e.where(), e.detail()};
    }
    return {ErrorCode::SolverFailure, "", "no error"};
}

// Operations without identity gates (the exporter drops them).
std::vector<engine::Operation> withoutIdentities(const Circuit& c)
{
    std::vector<engine::Operation> ops;
    for (const auto& op : c.operations())
        if (!(op.kind == OperationKind::Gate && op.gate == GateId::I))
            ops.push_back(op);
    return ops;
}

void compareOperations(const Circuit& original, const Circuit& back)
{
    const std::vector<engine::Operation> want = withoutIdentities(original);
    QCOMPARE(back.operations().size(), want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        const std::string diff = circuit_test::operationDifference(back.operations()[k], want[k], original.numQubits());
        QVERIFY2(diff.empty(), qPrintable(QStringLiteral("operation %1: %2").arg(k).arg(QString::fromStdString(diff))));
    }
}

} // namespace

class TstQasmImport : public QObject {
    Q_OBJECT

private slots:
    void openQasm3Features()
    {
        const std::string text = H3 +
                                 "/* a block\n   comment */\n"
                                 "input float[64] gamma;\n"
                                 "input angle beta;\n"
                                 "qubit[2] q;\n"
                                 "qubit anc;\n"
                                 "qreg r[2];\n"
                                 "bit[2] c;\n"
                                 "creg d[2];\n"
                                 "bit flag;\n"
                                 "gate inner(t) a { rz(t/2) a; gphase(t); }\n"
                                 "gate outer(s, u) a, b { inner(2*s) b; cx a, b; barrier a, b; inner(-u) a; }\n"
                                 "h q;                         // broadcast over q\n"
                                 "cx q[0], r;                  // one control, two targets\n"
                                 "outer(gamma + pi, beta) q[1], anc;\n"
                                 "rz(π/4 + τ - ℇ + tau - euler) r[1];\n"
                                 "rx(sin(pi/6) + cos(0) + tan(0) + exp(0) + ln(1) + sqrt(4) + arcsin(1) + arccos(1) "
                                 "+ arctan(0)) anc;\n"
                                 "u2(0.5, -0.5) q[0];\n"
                                 "U(1, 2, 3) q[1];\n"
                                 "CX q[1], q[0];\n"
                                 "u3(1, 2, 3) anc; u1(0.1) anc; cu1(0.2) anc, q[0]; cnot q[0], anc; phase(0.3) anc; "
                                 "cphase(0.4) anc, r[0];\n"
                                 "reset r;\n"
                                 "barrier q, anc;\n"
                                 "barrier;\n"
                                 "c = measure q;\n"
                                 "measure r -> d;\n"
                                 "flag = measure anc;\n"
                                 "c[1] = measure r[1];\n";
        const Circuit c = engine::importQasm(text, "features.qasm");
        QCOMPARE(c.numQubits(), 5u);  // q[0..1] = 0..1, anc = 2, r[0..1] = 3..4
        QVERIFY(!c.isPhysical());
        QCOMPARE(c.parameters(), (std::vector<std::string>{"gamma", "beta"}));
        QCOMPARE(c.registers().size(), std::size_t{3});
        QCOMPARE(c.registers()[2].name, std::string("flag"));
        QCOMPARE(c.registers()[2].size, 1u);
        const auto& ops = c.operations();
        std::size_t k = 0;
        const auto next = [&]() -> const engine::Operation& { return ops.at(k++); };
        // h q
        QCOMPARE(next().qubits, (std::vector<unsigned>{0}));
        QCOMPARE(next().qubits, (std::vector<unsigned>{1}));
        // cx q[0], r
        QCOMPARE(next().qubits, (std::vector<unsigned>{0, 3}));
        QCOMPARE(next().qubits, (std::vector<unsigned>{0, 4}));
        // outer(gamma + pi, beta) q[1], anc: rz((2*(gamma+pi))/2) anc; cx q1, anc; barrier; rz(-beta/2) q1
        const engine::Operation& rz1 = next();
        QCOMPARE(rz1.gate, GateId::RZ);
        QCOMPARE(rz1.qubits, (std::vector<unsigned>{2}));
        QVERIFY(rz1.params[0].approxEquals(engine::ParameterExpression::parameter(0) + PI, 1e-15));
        QCOMPARE(next().gate, GateId::CX);
        const engine::Operation& innerBarrier = next();
        QCOMPARE(innerBarrier.kind, OperationKind::Barrier);
        QCOMPARE(innerBarrier.qubits, (std::vector<unsigned>{1, 2}));
        const engine::Operation& rz2 = next();
        QCOMPARE(rz2.qubits, (std::vector<unsigned>{1}));
        QVERIFY(rz2.params[0].approxEquals(engine::ParameterExpression::parameter(1, -0.5), 0.0));
        // constants
        const engine::Operation& constants = next();
        QCOMPARE(constants.params[0].constant(), PI / 4 + 2 * PI - std::numbers::e + 2 * PI - std::numbers::e);
        const engine::Operation& functions = next();
        QCOMPARE(functions.gate, GateId::RX);
        QAOA_COMPARE_NEAR(functions.params[0].constant(), 0.5 + 1 + 0 + 1 + 0 + 2 + PI / 2 + 0 + 0, 1e-15);
        // u2 -> U(pi/2, a, b)
        const engine::Operation& u2 = next();
        QCOMPARE(u2.gate, GateId::U);
        QCOMPARE(u2.params[0].constant(), PI / 2);
        QCOMPARE(u2.params[2].constant(), -0.5);
        QCOMPARE(next().gate, GateId::U);
        QCOMPARE(next().gate, GateId::CX);
        for (GateId alias : {GateId::U, GateId::P, GateId::CP, GateId::CX, GateId::P, GateId::CP})
            QCOMPARE(next().gate, alias);
        // reset r
        QCOMPARE(next().kind, OperationKind::Reset);
        QCOMPARE(next().qubits, (std::vector<unsigned>{4}));
        // barrier q, anc; barrier;
        QCOMPARE(next().qubits, (std::vector<unsigned>{0, 1, 2}));
        QCOMPARE(next().qubits.size(), std::size_t{0});
        // measurements
        for (unsigned i = 0; i < 2; ++i) {
            const engine::Operation& m = next();
            QCOMPARE(m.kind, OperationKind::Measure);
            QCOMPARE(m.qubits[0], i);
            QCOMPARE(m.creg, 0u);
            QCOMPARE(m.clbit, i);
        }
        for (unsigned i = 0; i < 2; ++i) {
            const engine::Operation& m = next();
            QCOMPARE(m.qubits[0], 3 + i);
            QCOMPARE(m.creg, 1u);
        }
        QCOMPARE(next().creg, 2u);
        const engine::Operation& last = next();
        QCOMPARE(last.qubits[0], 4u);
        QCOMPARE(last.clbit, 1u);
        QCOMPARE(k, ops.size());
    }

    void openQasm2Features()
    {
        const std::string text = H2 +
                                 "qreg q[2];\nqreg r[2];\ncreg c[4];\n"
                                 "gate majority a,b,c { cx c,b; cx c,a; }\n"
                                 "U(0.1,0.2,0.3) q[0];\nCX q[0],q[1];\ncx q,r;\n"
                                 "majority q[0],q[1],r[0];\n"
                                 "barrier q,r;\n"
                                 "measure q -> c[0];\n" // wrong: register into one bit
                                 ;
        const Failure f = failureOf(text);
        QCOMPARE(f.where, std::string("in.qasm:12:14"));
        QVERIFY(QString::fromStdString(f.detail).contains("cannot store the measurement of 2 qubit(s) in 1 bit(s)"));

        std::string good = text.substr(0, text.size() - std::string("measure q -> c[0];\n").size());
        good += "measure q[0] -> c[0];\nmeasure r -> c[2];\n";
        // A register of size 2 into bits 2..3 needs the whole-register form on both sides.
        const Failure f2 = failureOf(good);
        QVERIFY(QString::fromStdString(f2.detail).contains("cannot store"));
        good = text.substr(0, text.size() - std::string("measure q -> c[0];\n").size()) + "measure q[0] -> c[0];\n";
        const Circuit c = engine::importQasm(good);
        QCOMPARE(c.numQubits(), 4u);
        QCOMPARE(c.size(), std::size_t{2 + 2 + 2 + 1 + 1});
        QCOMPARE(c.operations()[4].qubits, (std::vector<unsigned>{2, 1}));  // majority: cx c,b
        QCOMPARE(c.operations()[6].qubits.size(), std::size_t{0});        // barrier over every qubit
    }

    void noVersionLineMeansOpenQasm3()
    {
        const Circuit c = engine::importQasm("qubit[1] q; h q[0];");
        QCOMPARE(c.size(), std::size_t{1});
        QCOMPARE(engine::importQasm("OPENQASM 3;\nqubit q;\nx q;").size(), std::size_t{1});
    }

    void physicalQubits()
    {
        const Circuit c =
            engine::importQasm(H3 + "bit[1] meas;\nrz(pi/2) $3;\nsx $0;\ncz $0, $3;\nmeas[0] = measure $3;\n");
        QVERIFY(c.isPhysical());
        QCOMPARE(c.numQubits(), 4u);
        QCOMPARE(c.operations()[2].qubits, (std::vector<unsigned>{0, 3}));
    }

    void ibmDocumentationExample()
    {
        // The PUB circuit of ibm-quantum-rest-api.md section 5.3, verbatim.
        const std::string text =
            "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] beta;\ninput float[64] gamma;\nbit[2] meas;\n"
            "rz(pi/2) $0;\nsx $0;\nrz(pi/2) $0;\nrz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\nrz(pi/2) $1;\nsx $1;\n"
            "rz(pi/2) $1;\ncz $0, $1;\nrz(pi/2) $1;\nsx $1;\nrz(2*gamma) $1;\nsx $1;\nrz(pi/2) $1;\ncz $0, $1;\n"
            "rz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\nrz(-pi/2) $0;\nsx $0;\nrz(2*beta + pi) $0;\nsx $0;\n"
            "rz(5*pi/2) $0;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n";
        const Circuit c = engine::importQasm(text, "pub.qasm");
        QVERIFY(c.isPhysical());
        QCOMPARE(c.numQubits(), 2u);
        QCOMPARE(c.parameters(), (std::vector<std::string>{"beta", "gamma"}));
        const engine::CircuitStats s = c.stats();
        QCOMPARE(s.countsByName.at("cz"), std::size_t{2});
        QCOMPARE(s.countsByName.at("sx"), std::size_t{8});
        QCOMPARE(s.countsByName.at("measure"), std::size_t{2});
        const engine::Operation& rz = c.operations().at(21);
        QVERIFY(rz.params[0].approxEquals(engine::ParameterExpression::parameter(0, 2.0) + PI, 0.0));
        QCOMPARE(c.operations().at(23).params.at(0).constant(), 5 * PI / 2);
    }

    void oneBitRegisterTakesOneQubit()
    {
        const Circuit c = engine::importQasm(H3 + "qubit[2] q;\nbit[1] c;\nc = measure q[1];\nmeasure q[0] -> c;\n");
        QCOMPARE(c.size(), std::size_t{2});
        QCOMPARE(c.operations()[0].qubits[0], 1u);
        QCOMPARE(c.operations()[1].clbit, 0u);
    }

    void pastedStandardDefinitionsAreChecked()
    {
        // Qiskit's qelib1.inc bodies for some gates (equal to the table's gates up to global phases).
        const std::string text = H2 +
                                 "gate u3(theta,phi,lambda) q { U(theta,phi,lambda) q; }\n"
                                 "gate u1(lambda) q { U(0,0,lambda) q; }\n"
                                 "gate rz(phi) a { u1(phi) a; }\n"
                                 "gate rx(theta) a { u3(theta,-pi/2,pi/2) a; }\n"
                                 "gate sx a { sdg a; h a; sdg a; }\n"
                                 "gate cu1(lambda) a,b { u1(lambda/2) a; cx a,b; u1(-lambda/2) b; cx a,b; "
                                 "u1(lambda/2) b; }\n"
                                 "gate crz(lambda) a,b { u1(lambda/2) b; cx a,b; u1(-lambda/2) b; cx a,b; }\n"
                                 "gate ch a,b { h b; sdg b; cx a,b; h b; t b; cx a,b; t b; h b; s b; x b; s a; }\n"
                                 "gate rzz(theta) a,b { cx a,b; u1(theta) b; cx a,b; }\n"
                                 "gate rxx(theta) a,b { u3(pi/2, theta, 0) a; h b; cx a,b; u1(-theta) b; cx a,b; h b; "
                                 "u2(-pi, pi-theta) a; }\n"
                                 "qreg q[2];\nrzz(0.3) q[0],q[1];\nrxx(0.2) q[1],q[0];\nch q[0],q[1];\n";
        const Circuit c = engine::importQasm(text);
        QCOMPARE(c.size(), std::size_t{3});
        QCOMPARE(c.operations()[0].gate, GateId::RZZ);  // the table gate, not its body
        QCOMPARE(c.operations()[1].gate, GateId::RXX);
        QCOMPARE(c.operations()[2].gate, GateId::CH);
    }

    void brokenInputs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<int>("code");
        const int invalid = static_cast<int>(ErrorCode::InvalidInput);
        const int limit = static_cast<int>(ErrorCode::LimitExceeded);
        const auto row = [&](const char* name, const std::string& body, const char* where, const char* fragment,
                             int code) {
            QTest::newRow(name) << QString::fromStdString(H3 + body) << QString(where) << QString(fragment) << code;
        };
        row("unknown gate", "qubit[2] q;\nfoo q[0];", "4:1", "unknown gate 'foo'", invalid);
        row("missing semicolon", "qubit[2] q;\nh q[0]", "4:7",
            "expected ';' after the gate's qubits, found the end of the file", invalid);
        row("index out of range", "qubit[5] q;\nh q[7];", "4:5", "qubit 7 out of range for register q[5]", invalid);
        row("qubit twice", "qubit[2] q;\ncx q[0], q[0];", "4:10", "qubit q[0] is used twice in one gate", invalid);
        row("missing parameter", "qubit[2] q;\nrz q[0];", "4:1", "gate 'rz' takes 1 parameter, got 0", invalid);
        row("missing qubit", "qubit[2] q;\ncx q[0];", "4:1", "gate 'cx' acts on 2 qubits, got 1", invalid);
        row("U arity", "qubit q;\nU(1, 2) q;", "4:1", "gate 'U' takes 3 parameters, got 2", invalid);
        row("product of inputs", "input float[64] g;\nqubit q;\nrz(g*g) q;", "5:5",
            "the product of two expressions with input parameters is not affine", invalid);
        row("division by input", "input float[64] g;\nqubit q;\nrz(1/g) q;", "5:5",
            "division by an expression with input parameters is not affine", invalid);
        row("function of input", "input float[64] g;\nqubit q;\nrz(sin(g)) q;", "5:4",
            "sin of an expression with input parameters is not affine", invalid);
        row("division by zero", "qubit q;\nrz(1/0) q;", "4:5", "division by zero", invalid);
        row("huge number", "qubit q;\nrz(1e999) q;", "4:4", "number '1e999' is out of the range of a double", invalid);
        row("tiny number", "qubit q;\nrz(1e-999) q;", "4:4", "out of the range of a double", invalid);
        row("overflowing product", "qubit q;\nrz(1e300*1e300) q;", "4:9", "out of the range of a double", invalid);
        row("sqrt domain", "qubit q;\nrz(sqrt(-1)) q;", "4:4", "the argument of sqrt is outside its domain", invalid);
        row("exp range", "qubit q;\nrz(exp(1000)) q;", "4:4", "the value of exp is out of the range", invalid);
        row("unknown function", "qubit q;\nrz(sinh(1)) q;", "4:4", "unknown function 'sinh'", invalid);
        row("unknown identifier", "qubit q;\nrz(foo) q;", "4:4", "unknown identifier 'foo'", invalid);
        row("unicode columns", "qubit q;\nrz(π*τ/ℇ + bad) q;", "4:12", "unknown identifier 'bad'", invalid);
        row("power operator", "qubit q;\nrz(2**3) q;", "4:5", "found '**'", invalid);
        row("missing parenthesis", "qubit q;\nrz(((1)) q;", "4:10",
            "expected ')' after the gate's parameters, found 'q'", invalid);
        row("two numbers", "qubit q;\nrz(1 2) q;", "4:6", "expected ')' after the gate's parameters, found '2'",
            invalid);
        row("if", "qubit q;\nbit c;\nif (c) x q;", "5:1", "classical control flow ('if') is not supported", invalid);
        row("for", "for i in [0:2] {}", "3:1", "classical control flow ('for')", invalid);
        row("modifier", "qubit[2] q;\nctrl @ x q[0], q[1];", "4:1", "gate modifiers ('ctrl') are not supported",
            invalid);
        row("subroutine", "def f() {}", "3:1", "subroutines and calibrations ('def') are not supported", invalid);
        row("delay", "qubit q;\ndelay[100ns] q;", "4:1", "unsupported statement 'delay'", invalid);
        row("classical declaration", "int[8] n = 3;", "3:1", "unsupported statement 'int'", invalid);
        row("pragma", "#pragma x", "3:1", "expected a statement, found '#'", invalid);
        row("stray symbol", "qubit q;\nh q; @", "4:6", "expected a statement, found '@'", invalid);
        row("redeclaration", "qubit[2] q;\nqubit[3] q;", "4:10", "'q' is already declared at 3:10", invalid);
        row("reserved name", "input float[64] pi;", "3:17", "'pi' cannot be declared", invalid);
        row("gate name as register", "qubit[2] h;", "3:10", "'h' cannot be declared", invalid);
        row("non-ascii register", "bit[2] θ;", "3:8", "classical register names must be ASCII identifiers", invalid);
        row("empty register", "qubit[0] q;", "3:7", "a register needs at least one bit", invalid);
        row("wrong type", "input int[8] n;", "3:7", "unsupported input type 'int'", invalid);
        row("register as gate", "qubit[2] q;\nq q[0];", "4:1", "'q' is a qubit register, not a gate", invalid);
        row("bits as qubits", "qubit[2] q;\nbit[2] c;\nh c;", "5:3", "'c' is not a qubit register", invalid);
        row("unknown register", "qubit[2] q;\nh r[0];", "4:3", "unknown qubit register 'r'", invalid);
        row("unknown bits", "qubit[2] q;\nz[0] = measure q[0];", "4:1", "unknown classical register 'z'", invalid);
        row("broadcast sizes", "qubit[3] q;\nqubit[2] r;\ncx q, r;", "5:7", "register 'r' has 2 qubits but 'q' has 3",
            invalid);
        row("measure sizes", "qubit[2] q;\nbit[3] c;\nc = measure q;", "5:13",
            "cannot store the measurement of 2 qubit(s) in 3 bit(s)", invalid);
        row("measure without target", "qubit[2] q;\nmeasure q[0];", "4:13", "a measurement must store its result",
            invalid);
        row("assignment of a gate", "qubit q;\nbit c;\nc = h q;", "5:5", "only measurement results can be assigned",
            invalid);
        row("bit index", "qubit q;\nbit[2] c;\nc[2] = measure q;", "5:3", "bit 2 out of range for register c[2]",
            invalid);
        row("other include", "include \"other.inc\";", "3:9", "cannot include 'other.inc'", invalid);
        row("second version line", "OPENQASM 3.0;", "3:1", "the OPENQASM version line must be the first statement",
            invalid);
        row("unsupported standard gate", "qubit[3] q;\nccx q[0], q[1], q[2];", "4:1",
            "gate 'ccx' is not supported: it is not in the gate table", invalid);
        row("mixing physical and declared", "qubit[2] q;\nx $0;", "4:3",
            "physical qubits ($n) cannot be mixed with declared qubit registers", invalid);
        row("declaring after physical", "x $0;\nqubit[2] q;", "4:1",
            "qubit registers cannot be declared in a file that uses physical qubits", invalid);
        row("gate redefined", "gate g a { h a; }\ngate g a { x a; }", "4:6", "'g' is already declared at 3:6", invalid);
        row("unknown formal", "gate g a { h b; }", "3:14", "'b' is not a qubit argument of gate 'g'", invalid);
        row("unclosed body", "gate g a { h a;", "3:10", "the body of gate 'g' is not closed", invalid);
        row("measure in body", "gate g a { measure a; }", "3:12", "'measure' is not allowed in a gate body", invalid);
        row("missing semicolon in body", "gate g a { h a }", "3:16", "expected ';' after the gate's qubits, found '}'",
            invalid);
        row("indexed formal", "gate g a { h a[0]; }", "3:15", "qubit arguments cannot be indexed inside a gate body",
            invalid);
        row("input inside body", "input float[64] w;\ngate g a { rz(w) a; }", "4:15",
            "input 'w' cannot be used inside a gate body", invalid);
        row("error during expansion", "gate g(t) a { rz(t*t) a; }\ninput float[64] w;\nqubit q;\ng(w) q;", "3:19",
            "not affine (in gate 'g' called at 6:1)", invalid);
        row("duplicate formal", "gate g(a) a { h a; }", "3:11", "gate argument 'a' is named twice", invalid);
        row("constant as formal", "gate g(pi) a { h a; }", "3:8", "'pi' is a built-in constant", invalid);
        row("builtin redefined", "gate U(a, b, c) q { }", "3:6", "'U' is built in and cannot be redefined", invalid);
        row("keyword as gate", "gate measure a { }", "3:6", "cannot name a gate", invalid);
        row("wrong rzz definition", "gate rzz(t) a, b { cx a, b; rz(2*t) b; cx a, b; }", "3:6",
            "the definition of gate 'rzz' does not match the standard rzz gate", invalid);
        row("wrong h definition", "gate h a { x a; }", "3:6", "does not match the standard h gate", invalid);
        row("rzz definition arity", "gate rzz a, b { cx a, b; }", "3:6",
            "gate 'rzz' is defined with 0 parameter(s) and 2 qubit(s); the standard rzz has 1 and 2", invalid);
        row("gphase on qubits", "qubit q;\ngphase(1) q;", "4:11", "gphase on qubits", invalid);
        row("barrier repeats", "qubit[2] q;\nbarrier q, q[1];", "4:12", "qubit q[1] appears twice in the barrier",
            invalid);
        // Limits, refused before anything is allocated.
        row("too many qubits", "qubit[2000] q;", "3:7", "takes the circuit beyond 1024 qubits", limit);
        row("absurd register", "qubit[99999999999999999999999] q;", "3:7", "beyond 1024 qubits", limit);
        row("two registers over the limit", "qubit[1000] q;\nqreg r[100];", "4:8", "beyond 1024 qubits", limit);
        row("too many bits", "bit[70000] c;", "3:5", "beyond 65536 classical bits", limit);
        row("physical qubit limit", "x $1024;", "3:3", "physical qubit $1024 is beyond the limit of 1024 qubits",
            limit);
    }
    void brokenInputs()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        QFETCH(QString, fragment);
        QFETCH(int, code);
        const Failure f = failureOf(text.toStdString(), "in.qasm");
        QVERIFY2(f.detail.find(fragment.toStdString()) != std::string::npos, f.detail.c_str());
        QCOMPARE(QString::fromStdString(f.where), "in.qasm:" + where);
        QCOMPARE(static_cast<int>(f.code), code);
    }

    void versionErrors()
    {
        Failure f = failureOf("OPENQASM 4.0;\n");
        QCOMPARE(f.where, std::string("in.qasm:1:10"));
        QVERIFY(f.detail.find("unsupported OpenQASM version '4.0'") != std::string::npos);
        f = failureOf("// header\nOPENQASM 2.0;\nqubit[2] q;\n");
        QCOMPARE(f.where, std::string("in.qasm:3:1"));
        QVERIFY(f.detail.find("'qubit' declarations need OpenQASM 3") != std::string::npos);
        f = failureOf(H2 + "qreg q[1];\nx $0;\n");
        QCOMPARE(f.where, std::string("in.qasm:4:3"));
        f = failureOf(H2 + "include \"stdgates.inc\";\n");
        QVERIFY(f.detail.find("may include only \"qelib1.inc\"") != std::string::npos);
        f = failureOf("OPENQASM x;");
        QCOMPARE(f.where, std::string("in.qasm:1:10"));
    }

    void hostileInput()
    {
        // Deeply nested parentheses and sign chains: refused, not a stack overflow.
        std::string deep = H3 + "qubit q;\nrz(" + std::string(100000, '(') + "1" + std::string(100000, ')') + ") q;";
        QCOMPARE(failureOf(deep).code, ErrorCode::LimitExceeded);
        std::string signs = H3 + "qubit q;\nrz(" + std::string(100000, '-') + "1) q;";
        QCOMPARE(failureOf(signs).code, ErrorCode::LimitExceeded);

        // Definitions nested 65 deep.
        std::string nested = H3 + "gate g0 a { x a; }\n";
        for (int k = 1; k <= 64; ++k)
            nested += "gate g" + std::to_string(k) + " a { g" + std::to_string(k - 1) + " a; }\n";
        Failure f = failureOf(nested);
        QCOMPARE(f.code, ErrorCode::LimitExceeded);
        QVERIFY(f.detail.find("nested deeper than 64") != std::string::npos);
        QCOMPARE(f.where, std::string("in.qasm:67:14"));  // the call inside g64's body
        // 64 deep is accepted and expands to one x.
        std::string ok = H3 + "gate g0 a { x a; }\n";
        for (int k = 1; k < 64; ++k)
            ok += "gate g" + std::to_string(k) + " a { g" + std::to_string(k - 1) + " a; }\n";
        ok += "qubit q;\ng63 q;\n";
        QCOMPARE(engine::importQasm(ok).size(), std::size_t{1});

        // Each level doubles: 2^40 operations from a few hundred bytes.
        std::string bomb = H3 + "gate b0 a { x a; x a; }\n";
        for (int k = 1; k <= 40; ++k)
            bomb += "gate b" + std::to_string(k) + " a { b" + std::to_string(k - 1) + " a; b" +
                    std::to_string(k - 1) + " a; }\n";
        bomb += "qubit q;\nb40 q;\n";
        f = failureOf(bomb);
        QCOMPARE(f.code, ErrorCode::LimitExceeded);
        QCOMPARE(f.where, std::string("in.qasm:45:1"));

        // Broadcasting: 1000 statements of `h q;` over 1024 qubits would be a million operations.
        std::string broadcast = H3 + "qubit[1024] q;\n";
        for (int k = 0; k < 1000; ++k)
            broadcast += "h q;\n";
        f = failureOf(broadcast);
        QCOMPARE(f.code, ErrorCode::LimitExceeded);
        QVERIFY(f.detail.find("more than 1000000 operations") != std::string::npos);

        // Huge index and malformed bytes.
        QCOMPARE(failureOf(H3 + "qubit[2] q;\nh q[18446744073709551616];").code, ErrorCode::InvalidInput);
        QCOMPARE(failureOf(std::string("qubit q;\nh q;\0", 14)).code, ErrorCode::InvalidInput);

        // Arbitrary bytes never crash the importer (seeded fuzz over a valid program's characters).
        const std::string seed = H3 + "input float[64] g;\nqubit[3] q;\nbit[3] c;\n"
                                      "gate f(t) a, b { rzz(t) a, b; h b; }\nf(2*g + pi/2) q[0], q[2];\n"
                                      "c = measure q;\n";
        std::mt19937_64 rng(11);
        std::uniform_int_distribution<std::size_t> position(0, seed.size() - 1);
        std::uniform_int_distribution<int> byte(0, 255);
        for (int trial = 0; trial < 3000; ++trial) {
            std::string mutated = seed;
            for (int k = 0; k < 1 + trial % 4; ++k) {
                const std::size_t at = position(rng) % mutated.size();
                if (trial % 3 == 0)
                    mutated.erase(at, 1);
                else
                    mutated[at] = static_cast<char>(trial % 2 == 0 ? seed[position(rng)] : byte(rng));
            }
            try {
                (void)engine::importQasm(mutated);
            } catch (const engine::Error& e) {
                QVERIFY(e.code() == ErrorCode::InvalidInput || e.code() == ErrorCode::LimitExceeded);
                QVERIFY(e.where().rfind("<qasm>:", 0) == 0);
            }
        }
    }

    void roundTripOpenQasm3()
    {
        std::mt19937_64 rng(777);
        for (int trial = 0; trial < 60; ++trial) {
            const unsigned n = 2 + trial % 7;
            circuit_test::RandomCircuitOptions options;
            options.parameters = trial % 2 == 0;
            options.measurements = trial % 3 != 0;
            options.barriers = true;
            options.resets = trial % 4 == 0;
            const bool physical = trial % 2 == 1;
            Circuit c = circuit_test::randomCircuit(n, 150, rng, physical, options);
            c.gate(GateId::X, {n - 1});  // the last qubit is used: an imported physical circuit ends there
            const std::string text = engine::exportQasm3(c);
            const Circuit back = engine::importQasm(text, "roundtrip.qasm");
            QCOMPARE(back.isPhysical(), physical);
            QCOMPARE(back.numQubits(), n);
            QCOMPARE(back.parameters(), c.parameters());
            QCOMPARE(back.registers().size(), c.registers().size());
            for (std::size_t r = 0; r < c.registers().size(); ++r) {
                QCOMPARE(back.registers()[r].name, c.registers()[r].name);
                QCOMPARE(back.registers()[r].size, c.registers()[r].size);
            }
            compareOperations(c, back);
            // Export of the import is the same text.
            QCOMPARE(engine::exportQasm3(back), text);
        }
    }

    void roundTripOpenQasm2()
    {
        std::mt19937_64 rng(778);
        for (int trial = 0; trial < 60; ++trial) {
            const unsigned n = 2 + trial % 7;
            circuit_test::RandomCircuitOptions options;
            options.parameters = true;
            options.measurements = trial % 3 != 0;
            options.barriers = true;
            options.resets = trial % 4 == 0;
            const bool physical = trial % 2 == 1;
            const Circuit c = circuit_test::randomCircuit(n, 150, rng, physical, options).bound({0.3, -1.7});
            const std::string text = engine::exportQasm2(c);
            const Circuit back = engine::importQasm(text, "roundtrip.qasm");
            // OpenQASM 2 has no physical qubits: the register q stands for them.
            QVERIFY(!back.isPhysical());
            QCOMPARE(back.numQubits(), n);
            QCOMPARE(back.registers().size(), c.registers().size());
            compareOperations(c, back);
            QCOMPARE(engine::exportQasm2(back), text);
        }
    }

    void roundTripKeepsTheUnitary()
    {
        // The exported definitions are checked on import, so the text's meaning is the circuit's meaning.
        std::mt19937_64 rng(4);
        const Circuit c = circuit_test::randomCircuit(3, 60, rng);
        for (const std::string& text : {engine::exportQasm3(c), engine::exportQasm2(c)}) {
            const Circuit back = engine::importQasm(text);
            const double err =
                circuit_test::maxAbsDiff(circuit_test::circuitOperator(back), circuit_test::circuitOperator(c));
            QVERIFY(err < 1e-12);
        }
    }
};

QTEST_APPLESS_MAIN(TstQasmImport)
#include "qasm_import.test.moc"
