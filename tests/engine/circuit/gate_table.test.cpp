// SPDX-License-Identifier: MIT
// Tests of the gate table: every unitary against Pauli algebra, exact inverses, expansions and QASM definitions.
#include "circuit/gate_table.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit.h"
#include "circuit/qasm.h"
#include "circuit_test_helpers.h"
#include "core/error.h"

#include <Eigen/Dense>

#include <numbers>
#include <random>
#include <regex>
#include <set>

using engine::GateId;
using Matrix = Eigen::MatrixXcd;
using circuit_test::diffUpToPhase;
using circuit_test::embed;
using circuit_test::maxAbsDiff;

Q_DECLARE_METATYPE(engine::GateId)

namespace {

constexpr double PI = std::numbers::pi;
const std::complex<double> I1(0.0, 1.0);

Matrix pauli(char p)
{
    Matrix m(2, 2);
    switch (p) {
    case 'X': m << 0, 1, 1, 0; break;
    case 'Y': m << 0, -I1, I1, 0; break;
    case 'Z': m << 1, 0, 0, -1; break;
    default: m = Matrix::Identity(2, 2);
    }
    return m;
}

// Operator on two qubits, written q1 (x) q0 as in the basis index k = 2*b1 + b0.
Matrix kron(const Matrix& onQ1, const Matrix& onQ0)
{
    Matrix r(onQ1.rows() * onQ0.rows(), onQ1.cols() * onQ0.cols());
    for (Eigen::Index a = 0; a < onQ1.rows(); ++a)
        for (Eigen::Index b = 0; b < onQ1.cols(); ++b)
            r.block(a * onQ0.rows(), b * onQ0.cols(), onQ0.rows(), onQ0.cols()) = onQ1(a, b) * onQ0;
    return r;
}

// exp(-i t/2 P) for an operator with P^2 = 1.
Matrix rotation(const Matrix& p, double t)
{
    return std::cos(t / 2) * Matrix::Identity(p.rows(), p.cols()) - I1 * std::sin(t / 2) * p;
}

std::complex<double> phase(double a) { return std::polar(1.0, a); }

// The reference operator of each gate, from Pauli matrices and their exponentials only.
Matrix reference(GateId id, const std::vector<double>& p)
{
    const Matrix X = pauli('X'), Y = pauli('Y'), Z = pauli('Z'), Id = pauli('I');
    const Matrix P0 = (Id + Z) / 2.0, P1 = (Id - Z) / 2.0;  // |0><0|, |1><1|
    const Matrix H = (X + Z) / std::sqrt(2.0);
    const auto controlled = [&](const Matrix& u) { return Matrix(kron(Id, P0) + kron(u, P1)); };
    switch (id) {
    case GateId::I: return Id;
    case GateId::X: return X;
    case GateId::Y: return Y;
    case GateId::Z: return Z;
    case GateId::H: return H;
    case GateId::S: return phase(PI / 4) * rotation(Z, PI / 2);
    case GateId::Sdg: return phase(-PI / 4) * rotation(Z, -PI / 2);
    case GateId::T: return phase(PI / 8) * rotation(Z, PI / 4);
    case GateId::Tdg: return phase(-PI / 8) * rotation(Z, -PI / 4);
    case GateId::SX: return phase(PI / 4) * rotation(X, PI / 2);
    case GateId::SXdg: return phase(-PI / 4) * rotation(X, -PI / 2);
    case GateId::RX: return rotation(X, p[0]);
    case GateId::RY: return rotation(Y, p[0]);
    case GateId::RZ: return rotation(Z, p[0]);
    case GateId::P: return phase(p[0] / 2) * rotation(Z, p[0]);
    case GateId::U:  // U(t, f, l) = e^{i(f+l)/2} RZ(f) RY(t) RZ(l)
        return phase((p[1] + p[2]) / 2) * rotation(Z, p[1]) * rotation(Y, p[0]) * rotation(Z, p[2]);
    case GateId::CX: return controlled(X);
    case GateId::CY: return controlled(Y);
    case GateId::CZ: return controlled(Z);
    case GateId::CH: return controlled(H);
    case GateId::SWAP: return (kron(Id, Id) + kron(X, X) + kron(Y, Y) + kron(Z, Z)) / 2.0;
    case GateId::ECR: return (kron(Id, X) - kron(X, Y)) / std::sqrt(2.0);
    case GateId::CRZ: return controlled(rotation(Z, p[0]));
    case GateId::CP: return controlled(phase(p[0] / 2) * rotation(Z, p[0]));
    case GateId::RZZ: return rotation(kron(Z, Z), p[0]);
    case GateId::RXX: return rotation(kron(X, X), p[0]);
    case GateId::RYY: return rotation(kron(Y, Y), p[0]);
    }
    return Matrix();
}

Matrix toEigen(const engine::GateMatrix& g)
{
    Matrix m(g.dimension, g.dimension);
    for (unsigned r = 0; r < g.dimension; ++r)
        for (unsigned c = 0; c < g.dimension; ++c)
            m(r, c) = g.at(r, c);
    return m;
}

std::vector<double> randomParams(GateId id, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> angle(-2 * PI, 2 * PI);
    std::vector<double> p;
    for (unsigned j = 0; j < engine::gateSpec(id).numParams; ++j)
        p.push_back(angle(rng));
    return p;
}

std::vector<GateId> allGates()
{
    std::vector<GateId> ids;
    for (std::size_t k = 0; k < engine::GATE_COUNT; ++k)
        ids.push_back(static_cast<GateId>(k));
    return ids;
}

// The operator of gate calls applied to a gate of `outer` parameters.
Matrix callsOperator(const std::vector<engine::GateCall>& calls, const std::vector<double>& outer, unsigned n)
{
    Matrix u = Matrix::Identity(1 << n, 1 << n);
    for (const engine::GateCall& c : calls) {
        const engine::GateSpec& spec = engine::gateSpec(c.id);
        std::vector<double> values;
        for (unsigned j = 0; j < spec.numParams; ++j) {
            double v = c.params[j].offset;
            for (std::size_t k = 0; k < outer.size(); ++k)
                v += c.params[j].scale[k] * outer[k];
            values.push_back(v);
        }
        std::vector<unsigned> qubits{c.operands[0]};
        if (spec.numQubits == 2)
            qubits.push_back(c.operands[1]);
        u = embed(engine::gateUnitary(c.id, values), qubits, n) * u;
    }
    return u;
}

// A one- or two-qubit OpenQASM body (formal names replaced) multiplied out through the importer.
Matrix bodyOperator(std::string body, const std::string& header, const std::string& q0, const std::string& q1,
                    double p0)
{
    char number[40];
    std::snprintf(number, sizeof(number), "(%.17g)", p0);
    body = std::regex_replace(body, std::regex("\\bp0\\b"), number);
    body = std::regex_replace(body, std::regex("\\b" + q0 + "\\b"), "q[0]");
    if (!q1.empty())
        body = std::regex_replace(body, std::regex("\\b" + q1 + "\\b"), "q[1]");
    const engine::Circuit c = engine::importQasm(header + body, "definition");
    return circuit_test::circuitOperator(c);
}

} // namespace

class TstGateTable : public QObject {
    Q_OBJECT

private slots:
    void tableRowsAreConsistent()
    {
        std::set<std::string_view> names;
        for (GateId id : allGates()) {
            const engine::GateSpec& spec = engine::gateSpec(id);
            QCOMPARE(spec.id, id);
            QVERIFY(spec.numQubits == 1 || spec.numQubits == 2);
            QVERIFY(spec.numParams <= 3);
            QVERIFY(names.insert(spec.name).second);
            if (spec.numQubits == 1)
                QVERIFY(!spec.symmetric);
            // A definition exists exactly for the gates stdgates.inc lacks (U is OpenQASM's built-in).
            QCOMPARE(!spec.qasmDefinition.empty(), !spec.inStdgates);
            QCOMPARE(!engine::gateQasm2Definition(id).empty(), !spec.inQelib1);
        }
    }

    void unitaryMatchesReference_data()
    {
        QTest::addColumn<GateId>("id");
        for (GateId id : allGates())
            QTest::newRow(std::string(engine::gateSpec(id).name).c_str()) << id;
    }
    void unitaryMatchesReference()
    {
        QFETCH(GateId, id);
        std::mt19937_64 rng(1000 + static_cast<unsigned>(id));
        for (int trial = 0; trial < 5; ++trial) {
            const std::vector<double> p = randomParams(id, rng);
            const Matrix got = toEigen(engine::gateUnitary(id, p));
            const Matrix want = reference(id, p);
            QCOMPARE(got.rows(), want.rows());
            const double err = maxAbsDiff(got, want);
            QVERIFY2(err <= 1e-14, qPrintable(QStringLiteral("error %1").arg(err)));
            // Unitary to rounding.
            const double unitarity = maxAbsDiff(got.adjoint() * got, Matrix::Identity(got.rows(), got.cols()));
            QVERIFY(unitarity <= 1e-14);
        }
    }

    void unitaryForHugeAngles()
    {
        // Angles of 1e7 and more come from unbounded parameter values; the matrices must stay unitary to rounding.
        for (GateId id : allGates()) {
            const std::vector<double> p(engine::gateSpec(id).numParams, 0.0);
            for (double a : {6.1e7, -3.3e7, 2.9e9}) {
                std::vector<double> q = p;
                for (std::size_t j = 0; j < q.size(); ++j)
                    q[j] = a * (1.0 + 0.37 * static_cast<double>(j));
                const Matrix m = toEigen(engine::gateUnitary(id, q));
                const double err = maxAbsDiff(m.adjoint() * m, Matrix::Identity(m.rows(), m.cols()));
                QVERIFY2(err <= 1e-14,
                         qPrintable(QStringLiteral("%1: %2").arg(engine::gateSpec(id).name.data()).arg(err)));
            }
        }
    }

    void conventionsOfTheTask()
    {
        // OpenQASM's U, p, rz and sx as written in stdgates.inc / the task, entry by entry.
        const double t = 0.7, f = -1.3, l = 2.1;
        const engine::GateMatrix u = engine::gateUnitary(GateId::U, std::vector<double>{t, f, l});
        QVERIFY(std::abs(u.at(0, 0) - std::cos(t / 2)) < 1e-15);
        QVERIFY(std::abs(u.at(0, 1) + phase(l) * std::sin(t / 2)) < 1e-15);
        QVERIFY(std::abs(u.at(1, 0) - phase(f) * std::sin(t / 2)) < 1e-15);
        QVERIFY(std::abs(u.at(1, 1) - phase(f + l) * std::cos(t / 2)) < 1e-15);
        const engine::GateMatrix rz = engine::gateUnitary(GateId::RZ, std::vector<double>{t});
        QVERIFY(std::abs(rz.at(0, 0) - phase(-t / 2)) < 1e-15 && std::abs(rz.at(1, 1) - phase(t / 2)) < 1e-15);
        const engine::GateMatrix p = engine::gateUnitary(GateId::P, std::vector<double>{l});
        QVERIFY(p.at(0, 0) == 1.0 && std::abs(p.at(1, 1) - phase(l)) < 1e-15);
        const engine::GateMatrix sx = engine::gateUnitary(GateId::SX, {});
        QCOMPARE(sx.at(0, 0), std::complex<double>(0.5, 0.5));
        QCOMPARE(sx.at(0, 1), std::complex<double>(0.5, -0.5));
        // SX SX = X exactly.
        const Matrix sx2 = toEigen(sx) * toEigen(sx);
        QVERIFY(maxAbsDiff(sx2, pauli('X')) < 1e-15);
        // cx with control operand 0 maps k = 1 (operand 0 set) to k = 3.
        const engine::GateMatrix cx = engine::gateUnitary(GateId::CX, {});
        QCOMPARE(cx.at(3, 1), std::complex<double>(1.0));
        QCOMPARE(cx.at(1, 3), std::complex<double>(1.0));
        QCOMPARE(cx.at(2, 2), std::complex<double>(1.0));
    }

    void ecrIsQiskitsMatrix()
    {
        // Qiskit's ECRGate documentation (qiskit.circuit.library.ECRGate, little-endian, qubit 0 = first operand):
        // ECR q0, q1 = 1/sqrt(2) [[0, 1, 0, i], [1, 0, -i, 0], [0, i, 0, 1], [-i, 0, 1, 0]].
        Matrix want(4, 4);
        want << 0, 1, 0, I1, 1, 0, -I1, 0, 0, I1, 0, 1, -I1, 0, 1, 0;
        want /= std::sqrt(2.0);
        QVERIFY(maxAbsDiff(toEigen(engine::gateUnitary(GateId::ECR, {})), want) < 1e-15);
        // Operands exchanged, Qiskit's second matrix: [[0, 0, 1, i], [0, 0, i, 1], [1, -i, 0, 0], [-i, 1, 0, 0]].
        Matrix swapped(4, 4);
        swapped << 0, 0, 1, I1, 0, 0, I1, 1, 1, -I1, 0, 0, -I1, 1, 0, 0;
        swapped /= std::sqrt(2.0);
        QVERIFY(maxAbsDiff(embed(engine::gateUnitary(GateId::ECR, {}), {1, 0}, 2), swapped) < 1e-15);
        // ECR = RZX(-pi/4) X0 RZX(pi/4) (Qiskit's definition: rzx(pi/4), x on q0, rzx(-pi/4)),
        // with RZX(t) = exp(-i t/2 Z0 X1).
        const Matrix zx = kron(pauli('X'), pauli('Z'));
        const Matrix echoed = rotation(zx, -PI / 4) * kron(pauli('I'), pauli('X')) * rotation(zx, PI / 4);
        QVERIFY(maxAbsDiff(echoed, want) < 1e-15);
    }

    void symmetricFlagMatchesOperandExchange()
    {
        std::mt19937_64 rng(7);
        for (GateId id : allGates()) {
            const engine::GateSpec& spec = engine::gateSpec(id);
            if (spec.numQubits != 2)
                continue;
            const std::vector<double> p = randomParams(id, rng);
            const engine::GateMatrix g = engine::gateUnitary(id, p);
            const bool invariant = maxAbsDiff(embed(g, {0, 1}, 2), embed(g, {1, 0}, 2)) < 1e-14;
            QVERIFY2(invariant == spec.symmetric, spec.name.data());
        }
    }

    void includeFlagsMatchTheStandardFiles()
    {
        // stdgates.inc of the OpenQASM 3 specification (U is the language's built-in).
        const std::set<std::string_view> stdgates = {"p",  "x",  "y",  "z",  "h",   "s",   "sdg", "t",  "tdg",
                                                     "sx", "rx", "ry", "rz", "cx",  "cy",  "cz",  "cp", "crx",
                                                     "cry", "crz", "ch", "swap", "ccx", "cswap", "cu", "id", "u"};
        // qelib1.inc as published with OpenQASM 2.0, with this table's names for u3 (U), u1 (P) and cu1 (CP).
        const std::set<std::string_view> qelib1 = {"u",  "p",   "cx", "id",  "x",  "y",  "z",  "h",  "s",  "sdg",
                                                   "t",  "tdg", "rx", "ry",  "rz", "cz", "cy", "ch", "crz", "cp"};
        for (GateId id : allGates()) {
            const engine::GateSpec& spec = engine::gateSpec(id);
            QVERIFY2(spec.inStdgates == (stdgates.count(spec.name) > 0), spec.name.data());
            QVERIFY2(spec.inQelib1 == (qelib1.count(spec.name) > 0), spec.name.data());
        }
        QCOMPARE(engine::gateQasm3Name(GateId::U), std::string_view("U"));
        QCOMPARE(engine::gateQasm2Name(GateId::U), std::string_view("u3"));
        QCOMPARE(engine::gateQasm2Name(GateId::P), std::string_view("u1"));
        QCOMPARE(engine::gateQasm2Name(GateId::CP), std::string_view("cu1"));
        QCOMPARE(engine::gateQasm2Name(GateId::RZZ), std::string_view("rzz"));
    }

    void namesAndAliases()
    {
        for (GateId id : allGates())
            QCOMPARE(engine::gateFromName(engine::gateSpec(id).name), std::optional<GateId>(id));
        QCOMPARE(engine::gateFromName("u3"), std::optional<GateId>(GateId::U));
        QCOMPARE(engine::gateFromName("u1"), std::optional<GateId>(GateId::P));
        QCOMPARE(engine::gateFromName("cnot"), std::optional<GateId>(GateId::CX));
        QVERIFY(!engine::gateFromName("CX").has_value());  // exact, lower case
        QVERIFY(!engine::gateFromName("H").has_value());
        QVERIFY(!engine::gateFromName("ccx").has_value());
        QVERIFY(!engine::gateFromName("").has_value());
    }

    void wrongParameterCountThrows()
    {
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gateUnitary(GateId::RX, {}));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gateUnitary(GateId::H, std::vector<double>{1.0}));
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::gateSpec(static_cast<GateId>(engine::GATE_COUNT)));
    }

    void inversesAreExact_data() { unitaryMatchesReference_data(); }
    void inversesAreExact()
    {
        QFETCH(GateId, id);
        std::mt19937_64 rng(2000 + static_cast<unsigned>(id));
        const unsigned n = engine::gateSpec(id).numQubits;
        for (int trial = 0; trial < 5; ++trial) {
            const std::vector<double> p = randomParams(id, rng);
            const std::vector<unsigned> qubits = n == 1 ? std::vector<unsigned>{0} : std::vector<unsigned>{0, 1};
            const Matrix gate = embed(engine::gateUnitary(id, p), qubits, n);
            const Matrix inverse = callsOperator(engine::gateInverse(id), p, n);
            const double err = maxAbsDiff(inverse * gate, Matrix::Identity(1 << n, 1 << n));
            QVERIFY2(err <= 1e-14, qPrintable(QStringLiteral("error %1").arg(err)));
        }
    }

    void expansionsEqualTheGate_data() { unitaryMatchesReference_data(); }
    void expansionsEqualTheGate()
    {
        QFETCH(GateId, id);
        const std::set<GateId> allowed = {GateId::CX, GateId::U, GateId::RZ, GateId::SX, GateId::X,
                                          GateId::H,  GateId::P, GateId::RX, GateId::RY};
        std::mt19937_64 rng(3000 + static_cast<unsigned>(id));
        const unsigned n = engine::gateSpec(id).numQubits;
        const std::vector<engine::GateCall> calls = engine::gateExpansion(id);
        QVERIFY(!calls.empty());
        if (n == 1) {
            QCOMPARE(calls.size(), std::size_t{1});
            QCOMPARE(calls[0].id, id);
        } else {
            for (const engine::GateCall& c : calls)
                QVERIFY2(allowed.count(c.id) > 0, engine::gateSpec(c.id).name.data());
        }
        for (int trial = 0; trial < 5; ++trial) {
            const std::vector<double> p = randomParams(id, rng);
            const std::vector<unsigned> qubits = n == 1 ? std::vector<unsigned>{0} : std::vector<unsigned>{0, 1};
            const Matrix gate = embed(engine::gateUnitary(id, p), qubits, n);
            const double err = diffUpToPhase(callsOperator(calls, p, n), gate);
            QVERIFY2(err <= 1e-14, qPrintable(QStringLiteral("error %1").arg(err)));
        }
    }

    void expansionCosts()
    {
        const auto cxCount = [](GateId id) {
            std::size_t count = 0;
            for (const auto& c : engine::gateExpansion(id))
                count += c.id == GateId::CX ? 1 : 0;
            return count;
        };
        QCOMPARE(cxCount(GateId::SWAP), std::size_t{3});
        QCOMPARE(cxCount(GateId::RZZ), std::size_t{2});
        QCOMPARE(cxCount(GateId::ECR), std::size_t{1});
        QCOMPARE(cxCount(GateId::CZ), std::size_t{1});
        QCOMPARE(cxCount(GateId::CH), std::size_t{1});
        QCOMPARE(engine::gateExpansion(GateId::CZ).size(), std::size_t{3});
    }

    void qasm3DefinitionsAreExact()
    {
        // The definition bodies use stdgates.inc gates, whose definitions are exact, so the product must equal
        // the gate itself, global phase included.
        const std::string header = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\n";
        for (GateId id : allGates()) {
            const engine::GateSpec& spec = engine::gateSpec(id);
            if (spec.inStdgates)
                continue;
            for (double p0 : {0.37, -2.9}) {
                const Matrix body = bodyOperator(std::string(spec.qasmDefinition), header, "_gate_q_0", "_gate_q_1",
                                                 p0);
                std::vector<double> p(spec.numParams, p0);
                const std::vector<unsigned> qubits =
                    spec.numQubits == 1 ? std::vector<unsigned>{0} : std::vector<unsigned>{0, 1};
                const double err = maxAbsDiff(body, embed(engine::gateUnitary(id, p), qubits, 2));
                QVERIFY2(err <= 1e-14, qPrintable(QStringLiteral("%1: %2").arg(spec.name.data()).arg(err)));
            }
        }
        // The rzz block IBM's documentation gives, verbatim.
        QCOMPARE(engine::gateSpec(GateId::RZZ).qasmDefinition,
                 std::string_view("cx _gate_q_0, _gate_q_1; rz(p0) _gate_q_1; cx _gate_q_0, _gate_q_1;"));
    }

    void qasm2DefinitionsMatchUpToPhase()
    {
        const std::string header = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\n";
        for (GateId id : allGates()) {
            const engine::GateSpec& spec = engine::gateSpec(id);
            if (spec.inQelib1)
                continue;
            const std::string body(engine::gateQasm2Definition(id));
            // Only qelib1.inc gates inside.
            const std::regex call("([a-z0-9]+)(\\([^)]*\\))? [ab](,[ab])?;");
            for (auto it = std::sregex_iterator(body.begin(), body.end(), call); it != std::sregex_iterator(); ++it) {
                const auto inner = engine::gateFromName((*it)[1].str());
                QVERIFY2(inner && engine::gateSpec(*inner).inQelib1, (*it)[1].str().c_str());
            }
            for (double p0 : {0.37, -2.9}) {
                const Matrix got = bodyOperator(body, header, "a", "b", p0);
                std::vector<double> p(spec.numParams, p0);
                const std::vector<unsigned> qubits =
                    spec.numQubits == 1 ? std::vector<unsigned>{0} : std::vector<unsigned>{0, 1};
                const double err = diffUpToPhase(got, embed(engine::gateUnitary(id, p), qubits, 2));
                QVERIFY2(err <= 1e-14, qPrintable(QStringLiteral("%1: %2").arg(spec.name.data()).arg(err)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TstGateTable)
#include "gate_table.test.moc"
