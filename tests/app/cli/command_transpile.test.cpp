// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli transpile`: JSON figures against the written ISA file, simulation of that file
// against the logical QAOA circuit, OpenQASM inputs, and bad input.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "circuit/circuit_simulation.h"
#include "circuit/qaoa_circuit.h"
#include "circuit/qasm.h"
#include "io/atomic_file.h"
#include "io/instance_file.h"
#include "qubo/ising_model.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

} // namespace

class TstCommandTranspile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(run({"generate", "maxcut", "--nodes", "8", "--degree", "3", "--seed", "1", "-o", path("g8.json")}).code,
                 0);
        QCOMPARE(
            run({"generate", "maxcut", "--nodes", "12", "--degree", "3", "--seed", "2", "-o", path("g12.json")}).code,
            0);
    }

    void jsonMatchesTheWrittenCircuit()
    {
        const std::string out = path("g8.qasm");
        const nlohmann::json j = runJson({"transpile", path("g8.json"), "--backend", "grid:3x3", "--p", "2", "--router",
                                          "greedy", "--layout", "fiedler", "--json", "-o", out});
        for (const char* key : {"swaps", "two_qubit_gates", "depth", "two_qubit_depth", "layout", "final_permutation",
                                "estimated_fidelity", "seconds", "backend", "router", "layout_method", "p", "qubits",
                                "gate_counts"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["qubits"].get<int>(), 8);
        QCOMPARE(j["p"].get<int>(), 2);
        QCOMPARE(j["router"].get<std::string>(), std::string("greedy"));
        QCOMPARE(j["layout_method"].get<std::string>(), std::string("fiedler"));
        const auto layout = j["layout"].get<std::vector<unsigned>>();
        const auto final = j["final_permutation"].get<std::vector<unsigned>>();
        QCOMPARE(layout.size(), std::size_t{8});
        QCOMPARE(final.size(), std::size_t{8});
        QCOMPARE(std::set<unsigned>(layout.begin(), layout.end()).size(), std::size_t{8});
        QVERIFY(*std::max_element(layout.begin(), layout.end()) < 9);

        const engine::Circuit isa = engine::importQasm(engine::readWholeFile(out), out);
        const engine::CircuitStats s = isa.stats();
        QCOMPARE(j["two_qubit_gates"].get<std::size_t>(), s.twoQubitGates);
        QCOMPARE(j["depth"].get<std::size_t>(), s.depth);
        QCOMPARE(j["two_qubit_depth"].get<std::size_t>(), s.twoQubitDepth);
        for (const auto& [name, count] : s.countsByName)
            QCOMPARE(j["gate_counts"][name].get<std::size_t>(), count);
        QCOMPARE(j["gate_counts"].size(), s.countsByName.size());

        // The written file, bound and simulated, gives the logical circuit's distribution.
        const engine::Instance instance = engine::loadInstance(path("g8.json"));
        const engine::IsingModel ising = engine::toIsing(engine::instanceQubo(instance));
        const engine::Circuit logical = engine::buildQaoaCircuit(ising, 2);
        QCOMPARE(isa.parameters(), logical.parameters());
        const std::vector<double> values = engine::qaoaCircuitValues({0.4, -0.9}, {0.3, 1.2});
        const std::vector<double> a = engine::measuredDistribution(logical, values);
        const std::vector<double> b = engine::measuredDistribution(isa, values);
        QCOMPARE(a.size(), b.size());
        double worst = 0.0;
        for (std::size_t i = 0; i < a.size(); ++i)
            worst = std::max(worst, std::abs(a[i] - b[i]));
        QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
    }

    void calibratedBackendAndTextSummary()
    {
        const nlohmann::json j = runJson({"transpile", path("g12.json"), "--backend", "fez", "--json"});
        QCOMPARE(j["backend"].get<std::string>(), std::string("ibm_fez"));
        QCOMPARE(j["two_qubit_gate"].get<std::string>(), std::string("cz"));
        const double f = j["estimated_fidelity"].get<double>();
        QVERIFY(f > 0.0 && f < 1.0);
        QVERIFY(j["gate_counts"].contains("cz"));

        const CliRun r = run({"transpile", path("g12.json"), "--backend", "heavy-hex:eagle", "--router", "sabre"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("swaps:") != std::string::npos);
        QVERIFY(r.out.find("two-qubit gates (ecr)") != std::string::npos);
        QVERIFY(r.out.find("estimated fidelity") != std::string::npos);
    }

    void openQasmInput()
    {
        const std::string in = path("ghz.qasm");
        engine::writeFileAtomically(in, "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[4] q;\nbit[4] c;\n"
                                        "h q[0];\ncx q[0], q[3];\ncx q[3], q[1];\ncx q[1], q[2];\nrz(0.3) q[2];\n"
                                        "c = measure q;\n");
        const std::string out = path("ghz-isa.qasm");
        const nlohmann::json j = runJson({"transpile", in, "--backend", "line:5", "--json", "--qasm2", "-o", out});
        QCOMPARE(j["kind"].get<std::string>(), std::string("circuit"));
        QCOMPARE(j["router"].get<std::string>(), std::string("sabre"));
        QVERIFY(j["p"].is_null());
        QCOMPARE(j["qubits"].get<int>(), 4);
        const std::string text = engine::readWholeFile(out);
        QVERIFY(text.rfind("OPENQASM 2.0;", 0) == 0);
        const engine::Circuit isa = engine::importQasm(text, out);
        const engine::Circuit logical = engine::importQasm(engine::readWholeFile(in), in);
        const std::vector<double> a = engine::measuredDistribution(logical);
        const std::vector<double> b = engine::measuredDistribution(isa);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY(std::abs(a[i] - b[i]) < 1e-9);
    }

    void qasm2NeedsBoundAngles()
    {
        const std::string out = path("bound.qasm");
        CliRun r = run({"transpile", path("g8.json"), "--backend", "line:8", "-o", out, "--qasm2"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("--gammas") != std::string::npos);
        r = run({"transpile", path("g8.json"), "--backend", "line:8", "-o", out, "--qasm2", "--gammas", "0.3",
                 "--betas", "0.2"});
        QCOMPARE(r.code, 0);
        QVERIFY(engine::readWholeFile(out).rfind("OPENQASM 2.0;", 0) == 0);
    }

    void fractionalRzzWithBoundAngles()
    {
        const nlohmann::json j = runJson({"transpile", path("g8.json"), "--backend", "fez", "--fractional-rzz",
                                          "--gammas", "0.3", "--betas", "0.2", "--json"});
        QVERIFY(j["fractional_rzz"].get<bool>());
        QVERIFY(j["gate_counts"].contains("rzz"));
        QVERIFY(j["parameters"].empty());
        // Symbolic angles keep the cz form.
        const nlohmann::json symbolic =
            runJson({"transpile", path("g8.json"), "--backend", "fez", "--fractional-rzz", "--json"});
        QVERIFY(!symbolic["gate_counts"].contains("rzz"));
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        QTest::newRow("backend") << QStringList{QStringLiteral("--backend"), QStringLiteral("nowhere")}
                                 << QStringLiteral("--backend");
        QTest::newRow("p") << QStringList{QStringLiteral("--p"), QStringLiteral("0")} << QStringLiteral("--p");
        QTest::newRow("router") << QStringList{QStringLiteral("--router"), QStringLiteral("magic")}
                                << QStringLiteral("--router");
        QTest::newRow("layout") << QStringList{QStringLiteral("--layout"), QStringLiteral("random")}
                                << QStringLiteral("--layout");
        QTest::newRow("too-small") << QStringList{QStringLiteral("--backend"), QStringLiteral("line:4")}
                                   << QStringLiteral("usable qubits");
        QTest::newRow("angles") << QStringList{QStringLiteral("--gammas"), QStringLiteral("0.1,0.2"),
                                               QStringLiteral("--betas"), QStringLiteral("0.1")}
                                << QStringLiteral("--gammas");
    }

    void badInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        const CliRun r = run({"transpile", path("g8.json")}, args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find(mention.toStdString()) != std::string::npos, r.err.c_str());
    }

    void badFilesExitTwo()
    {
        CliRun r = run({"transpile", path("missing.json")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("missing.json") != std::string::npos);

        const std::string bad = path("bad.qasm");
        engine::writeFileAtomically(bad, "OPENQASM 3.0;\nqubit[2] q;\nfrobnicate q[0];\n");
        r = run({"transpile", bad, "--backend", "line:3"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("bad.qasm:3") != std::string::npos, r.err.c_str());

        const std::string ghz = path("small.qasm");
        engine::writeFileAtomically(ghz, "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\ncx q[0], q[1];\n");
        r = run({"transpile", ghz, "--router", "astar"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("sabre") != std::string::npos);
        r = run({"transpile", ghz, "--p", "2"});
        QCOMPARE(r.code, 2);
        r = run({"transpile"});
        QCOMPARE(r.code, 2);
    }
};

QTEST_APPLESS_MAIN(TstCommandTranspile)
#include "command_transpile.test.moc"
