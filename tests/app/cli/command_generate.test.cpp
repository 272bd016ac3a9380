// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli generate swap-heavy-hex`: preset counts, the written instance and schedule (simulated
// against the QAOA simulator), the router comparison and bad input.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "circuit/circuit_simulation.h"
#include "circuit/qasm.h"
#include "graph/graph_problems.h"
#include "io/atomic_file.h"
#include "io/instance_file.h"
#include "qaoa/qaoa_simulation.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

engine::WeightedGraph loadGraph(const std::string& path)
{
    const engine::Instance instance = engine::loadInstance(path);
    const auto* g = std::get_if<engine::GraphInstance>(&instance);
    if (g == nullptr)
        throw std::runtime_error(std::string("not a graph instance: ") + path);
    return g->graph;
}

} // namespace

class TstCommandGenerate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void presetCounts_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("edges");
        QTest::addColumn<int>("deviceEdges");
        QTest::newRow("24") << "24" << 40 << 24;
        QTest::newRow("41") << "41" << 68 << 43;
    }

    void presetCounts()
    {
        QFETCH(QString, preset);
        QFETCH(int, edges);
        QFETCH(int, deviceEdges);
        const std::string file = path("preset.json");
        const nlohmann::json j = runJson({"generate", "swap-heavy-hex", "--preset", preset.toStdString(), "--instance",
                                          "4", "--device", "torino", "-o", file, "--json"});
        QCOMPARE(j["nodes"].get<int>(), preset.toInt());
        QCOMPARE(j["edges"].get<int>(), edges);
        QCOMPARE(j["device_edges"].get<int>(), deviceEdges);
        QCOMPARE(j["distance_two_edges"].get<int>(), edges - deviceEdges);
        QCOMPARE(j["device"].get<std::string>(), std::string("ibm_torino"));
        QCOMPARE(j["qubits"].size(), std::size_t(preset.toInt()));
        QVERIFY(!j["swap_couplers"].empty());
        const engine::WeightedGraph g = loadGraph(file);
        QCOMPARE(g.numVertices(), std::size_t(preset.toInt()));
        QCOMPARE(g.numEdges(), std::size_t(edges));
        for (const engine::Edge& e : g.edges())
            QVERIFY(e.weight >= -1.0 && e.weight <= 1.0);
    }

    void instancesShareTopologyNotWeights()
    {
        QCOMPARE(run({"generate", "swap-heavy-hex", "--preset", "24", "--instance", "1", "-o", path("i1.json")}).code,
                 0);
        QCOMPARE(run({"generate", "swap-heavy-hex", "--preset", "24", "--instance", "2", "-o", path("i2.json")}).code,
                 0);
        const engine::WeightedGraph a = loadGraph(path("i1.json"));
        const engine::WeightedGraph b = loadGraph(path("i2.json"));
        QCOMPARE(a.numEdges(), b.numEdges());
        bool differs = false;
        for (std::size_t k = 0; k < a.numEdges(); ++k) {
            QVERIFY(b.hasEdge(a.edges()[k].u, a.edges()[k].v));
            differs = differs || a.edges()[k].weight != b.weight(a.edges()[k].u, a.edges()[k].v);
        }
        QVERIFY(differs);
    }

    void scheduleFileMatchesSimulator_data()
    {
        QTest::addColumn<int>("p");
        QTest::newRow("p=1") << 1;
        QTest::newRow("p=2") << 2;
        QTest::newRow("p=3") << 3;
    }

    void scheduleFileMatchesSimulator()
    {
        QFETCH(int, p);
        const std::string graphFile = path("custom.json");
        const std::string qasmFile = path("custom.qasm");
        std::vector<std::string> args{"generate", "swap-heavy-hex", "--qubits", "11", "--seed-qubit", "40",
                                      "--device", "heavy-hex:heron-r2", "--seed", "5", "-o", graphFile,
                                      "--circuit", qasmFile, "--depth", std::to_string(p), "--json"};
        engine::QaoaAngles angles;
        std::string gammas;
        std::string betas;
        for (int k = 0; k < p; ++k) {
            angles.gammas.push_back(0.25 + 0.1 * k);
            angles.betas.push_back(0.6 - 0.15 * k);
            gammas.append(k ? "," : "").append(std::to_string(angles.gammas.back()));
            betas.append(k ? "," : "").append(std::to_string(angles.betas.back()));
        }
        args.insert(args.end(), {"--gammas", gammas, "--betas", betas});
        const nlohmann::json j = runJson(args);
        QCOMPARE(j["depth"].get<int>(), p);
        QCOMPARE(j["angle_rule"].get<std::string>(), std::string("given"));
        const auto initial = j["initial_layout"].get<std::vector<unsigned>>();
        const auto final = j["final_layout"].get<std::vector<unsigned>>();
        QCOMPARE(initial == final, p % 2 == 0);

        const engine::Circuit circuit = engine::importQasm(engine::readWholeFile(qasmFile), qasmFile);
        QVERIFY(circuit.isPhysical());
        QCOMPARE(circuit.stats().countsByName.at("cx") + 2 * circuit.stats().countsByName.at("rzz"),
                 j["two_qubit_gates"].get<std::size_t>());
        const std::vector<double> measured = engine::measuredDistribution(circuit);
        // Angles went through text with 6 decimals: use the printed values on the simulator side too.
        for (double& g : angles.gammas)
            g = std::stod(std::to_string(g));
        for (double& b : angles.betas)
            b = std::stod(std::to_string(b));
        const std::vector<double> reference =
            engine::QaoaSimulator<double>(engine::encodeMaxCut(loadGraph(graphFile)), 1).probabilities(angles);
        QCOMPARE(measured.size(), reference.size());
        double gap = 0.0;
        for (std::size_t z = 0; z < measured.size(); ++z)
            gap = std::max(gap, std::abs(measured[z] - reference[z]));
        // OpenQASM angles round-trip exactly (17 digits) and the weights through JSON: rounding only (1e-9).
        QVERIFY2(gap < 1e-9, qPrintable(QString::number(gap)));
    }

    void balancedAnglesAndComparison()
    {
        const nlohmann::json j = runJson({"generate", "swap-heavy-hex", "--preset", "24", "--circuit",
                                          path("b.qasm"), "--depth", "2", "--compare-router", "astar", "--json"});
        QCOMPARE(j["angle_rule"].get<std::string>(), std::string("balanced"));
        QCOMPARE(j["gammas"].size(), std::size_t{2});
        const nlohmann::json& c = j["comparison"];
        QCOMPARE(c["schedule_two_qubit_gates"].get<std::size_t>(), j["two_qubit_gates"].get<std::size_t>());
        QVERIFY(c["routed_two_qubit_gates"].get<std::size_t>() > c["schedule_two_qubit_gates"].get<std::size_t>());
        // Without --json the figures come as sentences.
        const CliRun r = run({"generate", "swap-heavy-hex", "--qubits", "8", "--compare-router", "greedy"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("CNOTs at p = 1") != std::string::npos);
    }

    void customChoices()
    {
        const nlohmann::json j = runJson({"generate", "swap-heavy-hex", "--subset", "0,1,2,3,4,15,19", "--device",
                                          "heavy-hex:heron-r1", "--swaps", "2-3", "--json"});
        QCOMPARE(j["nodes"].get<int>(), 7);
        QCOMPARE(j["edges"].get<int>(), 8);
        QCOMPARE(j["swap_couplers"], nlohmann::json::parse("[[2, 3]]"));
        const nlohmann::json exact = runJson({"generate", "swap-heavy-hex", "--qubits", "16", "--device",
                                              "heavy-hex:heron-r1", "--edges", "20", "--json"});
        QCOMPARE(exact["edges"].get<int>(), 20);
        // Without -o and --json the instance itself is printed.
        const nlohmann::json printed = runJson({"generate", "swap-heavy-hex", "--qubits", "6"});
        QVERIFY(printed.contains("edges"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("place");
        QTest::newRow("no shape") << QStringList{} << "--preset";
        QTest::newRow("two shapes") << QStringList{"--preset", "24", "--qubits", "5"} << "--preset";
        QTest::newRow("bad preset") << QStringList{"--preset", "30"} << "--preset";
        QTest::newRow("preset with seed") << QStringList{"--preset", "24", "--seed", "3"} << "--seed";
        QTest::newRow("instance without preset") << QStringList{"--qubits", "5", "--instance", "2"} << "--instance";
        QTest::newRow("depth without circuit") << QStringList{"--qubits", "5", "--depth", "2"} << "--depth";
        QTest::newRow("disconnected") << QStringList{"--subset", "0,1,3", "--device", "heavy-hex:heron-r1"}
                                      << "qubits";
        QTest::newRow("bad qubit") << QStringList{"--subset", "0,x"} << "--subset";
        QTest::newRow("bad swap") << QStringList{"--qubits", "5", "--swaps", "1x2"} << "--swaps";
        QTest::newRow("too many edges") << QStringList{"--qubits", "5", "--edges", "40"} << "targetEdges";
        QTest::newRow("angles") << QStringList{"--qubits", "5", "--circuit", "x.qasm", "--depth", "2", "--gammas",
                                               "0.1", "--betas", "0.2"}
                                << "--gammas";
        QTest::newRow("unknown device") << QStringList{"--qubits", "5", "--device", "nowhere"} << "nowhere";
        QTest::newRow("bad router") << QStringList{"--qubits", "5", "--compare-router", "magic"}
                                    << "--compare-router";
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, place);
        const CliRun r = run({"generate", "swap-heavy-hex"}, args);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.find(place.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TstCommandGenerate)
#include "command_generate.test.moc"
