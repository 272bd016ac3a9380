// SPDX-License-Identifier: MIT
// In-process tests of the qaoa-cli dispatcher and its subcommands (Stim's main_namespaced style).
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>
#include <fstream>
#include <sstream>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

} // namespace

class TstCliApp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void overviewAndVersion()
    {
        CliRun r = run({});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("Commands:") != std::string::npos);
        r = run({"--version"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.rfind("qaoa-cli ", 0) == 0);
        r = run({"frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.find("unknown command 'frobnicate'") != std::string::npos);
    }

    void everyCommandHasHelp()
    {
        for (const cli::Command& c : cli::commands()) {
            const CliRun r = run({c.name, "--help"});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.find("Usage: qaoa-cli " + c.name) != std::string::npos, c.name.c_str());
        }
    }

    void badArgumentsExitTwoNamingTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        QTest::newRow("not an integer") << QStringList{"generate", "lcrp", "--tasks", "abc"} << "--tasks";
        QTest::newRow("out of range") << QStringList{"generate", "lcrp", "--models", "9"} << "--models";
        QTest::newRow("missing value") << QStringList{"generate", "lcrp", "--seed"} << "--seed";
        QTest::newRow("unknown option") << QStringList{"generate", "lcrp", "--frob"} << "--frob";
        QTest::newRow("twice") << QStringList{"generate", "lcrp", "--tasks", "2", "--tasks", "3"} << "--tasks";
        QTest::newRow("unknown kind") << QStringList{"generate", "hypergraph"} << "hypergraph";
        QTest::newRow("no shape") << QStringList{"generate", "maxcut", "--nodes", "5"} << "--degree";
        QTest::newRow("odd regular") << QStringList{"generate", "maxcut", "--nodes", "5", "--degree", "3"} << "";
        QTest::newRow("solver missing") << QStringList{"solve", "x.json"} << "--solver";
        QTest::newRow("bad solver") << QStringList{"solve", "x.json", "--solver", "magic"} << "magic";
        QTest::newRow("missing file") << QStringList{"solve", "/nonexistent/x.json", "--solver", "sa"}
                                      << "/nonexistent/x.json";
        QTest::newRow("bad budget") << QStringList{"generate", "lcrp", "--budget", "-1"} << "--budget";
        QTest::newRow("nan budget") << QStringList{"generate", "lcrp", "--budget", "nan"} << "--budget";
    }

    void badArgumentsExitTwoNamingTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        std::vector<std::string> a;
        for (const QString& s : args)
            a.push_back(s.toStdString());
        const CliRun r = run(a);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find("error:") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find(mention.toStdString()) != std::string::npos, r.err.c_str());
    }

    void generateLcrpAndSolveEverySolver()
    {
        const std::string file = path("paper.json");
        const nlohmann::json summary = runJson({"generate", "lcrp", "--tasks", "4", "--models", "3", "--seed", "42",
                                                "--budget", "5", "--reference-stream", "-o", file, "--json"});
        QCOMPARE(summary["tasks"].get<int>(), 4);
        QCOMPARE(summary["models"].get<int>(), 3);

        // A roomy instance on which every solver, exact with hard constraints included, finds a solution.
        const std::string roomy = path("roomy.json");
        QCOMPARE(run({"generate", "lcrp", "--tasks", "5", "--models", "5", "--seed", "3", "--budget", "500", "-o", roomy}).code, 0);
        for (const char* solver : {"greedy", "greedy-budget", "sa", "brute", "exact"}) {
            const nlohmann::json j = runJson({"solve", roomy, "--solver", solver, "--json"});
            for (const char* key : {"solver", "assignment", "cost_usd", "quality_satisfaction", "valid", "violations",
                                    "qubo_energy", "seconds", "random_valid_rate", "objective", "feasible"})
                QVERIFY2(j.contains(key), (std::string(solver) + " lacks " + key).c_str());
            QCOMPARE(j["assignment"].size(), std::size_t{5});
            QVERIFY(j["valid"].get<bool>());
            QAOA_COMPARE_NEAR(j["random_valid_rate"].get<double>(), std::pow(5.0 / 32.0, 5), 1e-12);
        }
        // On the paper's instance no tier meets T-002's quality floor with three tiers: exact with hard
        // constraints proves it infeasible, names the task, and keeps the solution keys as nulls.
        const nlohmann::json hard = runJson({"solve", file, "--solver", "exact", "--json"});
        QCOMPARE(hard["status"].get<std::string>(), std::string("infeasible"));
        QVERIFY(hard["assignment"].is_null());
        QVERIFY(hard["message"].get<std::string>().find("T-002") != std::string::npos);
        // The paper's Table 2: greedy costs $14.22 with 75 % quality satisfaction on this instance.
        const nlohmann::json greedy = runJson({"solve", file, "--solver", "greedy", "--json"});
        QAOA_COMPARE_NEAR(greedy["cost_usd"].get<double>(), 14.22, 5e-4);
        QAOA_COMPARE_NEAR(greedy["quality_satisfaction"].get<double>(), 0.75, 1e-12);
        // Exact with soft constraints minimises the same objective as brute force.
        const nlohmann::json brute = runJson({"solve", file, "--solver", "brute", "--json"});
        const nlohmann::json exact =
            runJson({"solve", file, "--solver", "exact", "--budget-mode", "soft", "--soft-constraints", "--json"});
        QAOA_COMPARE_NEAR(exact["objective"].get<double>(), brute["objective"].get<double>(), 1e-7);
        QVERIFY(exact["proven_optimal"].get<bool>());
    }

    void evaluateAssignmentAndBitstring()
    {
        const std::string file = path("eval.json");
        QCOMPARE(run({"generate", "lcrp", "--tasks", "2", "--models", "3", "--seed", "7", "-o", file}).code, 0);
        const nlohmann::json a = runJson({"evaluate", file, "--assignment", "haiku,sonnet", "--json"});
        QCOMPARE(a["assignment"][0].get<std::string>(), std::string("haiku"));
        QCOMPARE(a["assignment"][1].get<std::string>(), std::string("sonnet"));
        // Same assignment as bits, variable 0 first: task 0 -> model 1, task 1 -> model 2.
        const nlohmann::json b = runJson({"evaluate", file, "--bitstring", "010001", "--json"});
        QCOMPARE(b["assignment"], a["assignment"]);
        QAOA_COMPARE_NEAR(b["cost_usd"].get<double>(), a["cost_usd"].get<double>(), 1e-12);
        // Qiskit order reverses the string.
        const nlohmann::json q = runJson({"evaluate", file, "--bitstring", "100010", "--qiskit-order", "--json"});
        QCOMPARE(q["assignment"], a["assignment"]);
        // An invalid row is reported as null and counted.
        const nlohmann::json bad = runJson({"evaluate", file, "--bitstring", "110001", "--json"});
        QVERIFY(!bad["valid"].get<bool>());
        QVERIFY(bad["assignment"][0].is_null());
        QCOMPARE(bad["violations"]["one_hot"].get<int>(), 1);
        const nlohmann::json projected = runJson({"evaluate", file, "--bitstring", "110001", "--project", "--json"});
        QVERIFY(projected["valid"].get<bool>());

        CliRun r = run({"evaluate", file, "--bitstring", "01x001"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("--bitstring") != std::string::npos, r.err.c_str());
        r = run({"evaluate", file, "--bitstring", "0101"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("needs 6 or 12") != std::string::npos, r.err.c_str());
        r = run({"evaluate", file, "--assignment", "haiku,sonet"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("sonet") != std::string::npos, r.err.c_str());
    }

    void graphInstances()
    {
        const std::string file = path("g.json");
        QCOMPARE(run({"generate", "maxcut", "--nodes", "10", "--degree", "3", "--seed", "3", "-o", file}).code, 0);
        const nlohmann::json brute = runJson({"solve", file, "--solver", "brute", "--json"});
        QCOMPARE(brute["bitstring"].get<std::string>().size(), std::size_t{10});
        QAOA_COMPARE_NEAR(brute["cut_value"].get<double>(), -brute["energy"].get<double>(), 1e-12);
        const nlohmann::json sa = runJson({"solve", file, "--solver", "sa", "--seed", "5", "--json"});
        QVERIFY(sa["cut_value"].get<double>() <= brute["cut_value"].get<double>() + 1e-9);
        const nlohmann::json eval = runJson({"evaluate", file, "--bitstring", brute["bitstring"], "--json"});
        QAOA_COMPARE_NEAR(eval["cut_value"].get<double>(), brute["cut_value"].get<double>(), 1e-12);

        const nlohmann::json mis = runJson({"solve", file, "--problem", "mis", "--solver", "brute", "--json"});
        QVERIFY(mis["independent"].get<bool>());
        QVERIFY(mis["set_size"].get<int>() >= 3);

        // The exact MIP takes graphs too (the linearised QUBO); greedy needs an LCRP instance.
        const nlohmann::json exact = runJson({"solve", file, "--solver", "exact", "--json"});
        QAOA_COMPARE_NEAR(exact["cut_value"].get<double>(), brute["cut_value"].get<double>(), 1e-9);
        const CliRun r = run({"solve", file, "--solver", "greedy"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("LCRP") != std::string::npos, r.err.c_str());
    }

    void gsetBenchmarkFile()
    {
        const std::string g11 = test_support::sharedPath("benchmarks/gset_G11.txt.gz");
        if (!QFileInfo::exists(QString::fromStdString(g11)))
            QSKIP("../shared/benchmarks not present");
        const nlohmann::json j = runJson({"solve", g11, "--solver", "sa", "--sweeps", "200", "--seed", "1", "--json"});
        QCOMPARE(j["variables"].get<int>(), 800);
        // G11's best known cut is 564; a short anneal gets within 10 % of it and never above it.
        QVERIFY(j["cut_value"].get<double>() <= 564.0);
        QVERIFY(j["cut_value"].get<double>() >= 0.9 * 564.0);
    }

    void encodeReportsSlackVariablesAndExports()
    {
        const std::string file = path("enc.json");
        QCOMPARE(run({"generate", "lcrp", "--tasks", "3", "--models", "3", "-o", file}).code, 0);
        nlohmann::json j = runJson({"encode", file, "--json"});
        QCOMPARE(j["assignment_variables"].get<int>(), 9);
        QCOMPARE(j["slack_variables"].get<int>(), 6);
        QCOMPARE(j["variables"].get<int>(), 15);
        j = runJson({"encode", file, "--objective", "reference-v2", "--json"});
        QCOMPARE(j["slack_variables"].get<int>(), 0);
        QCOMPARE(j["variables"].get<int>(), 9);

        const std::string bqm = path("enc.bqm.json");
        j = runJson({"encode", file, "-o", bqm, "--output-format", "bqm", "--json"});
        QVERIFY(QFileInfo::exists(QString::fromStdString(bqm)));
        const std::string qubo = path("enc-qubo.json");
        QCOMPARE(run({"encode", file, "-o", qubo}).code, 0);
        const nlohmann::json again = runJson({"encode", qubo, "--json"});
        QCOMPARE(again["variables"].get<int>(), 15);
        QCOMPARE(again["quadratic_terms"], j["quadratic_terms"]);
    }

    void badFilesExitTwoNamingThePlace()
    {
        const std::string file = path("broken.json");
        {
            std::ofstream f(file);
            f << R"({"format": "qaoa-workbench/lcrp-instance", "formatVersion": 1, "budgetUsd": 5,
                     "models": [{"name": "a", "costPer1kUsd": 1, "quality": 0.5, "latencyMs": 1, "contextTokens": 10}],
                     "tasks": [{"id": "t", "complexity": 9, "tokens": 5}]})";
        }
        CliRun r = run({"solve", file, "--solver", "greedy"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("/tasks/0/complexity") != std::string::npos, r.err.c_str());

        const std::string text = path("garbage.json");
        {
            std::ofstream f(text);
            f << "{ not json";
        }
        r = run({"encode", text});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(text) != std::string::npos, r.err.c_str());
    }

    void qaoaOnLcrpShowsTheRandomBaseline()
    {
        const std::string file = path("q23.json");
        QCOMPARE(run({"generate", "lcrp", "--tasks", "2", "--models", "3", "--seed", "42", "--budget", "10",
                      "--reference-stream", "-o", file}).code, 0);
        const nlohmann::json x = runJson({"qaoa", file, "--p", "1", "--objective", "reference-v2", "--restarts", "2",
                                          "--maxiter", "30", "--shots", "2000", "--seed", "3", "--json"});
        for (const char* key : {"valid_rate", "random_valid_rate", "best_valid_cost_usd", "expectation", "gammas",
                                "betas", "p", "mixer", "shots", "evaluations", "seconds", "valid_rate_exact"})
            QVERIFY2(x.contains(key), key);
        QCOMPARE(x["qubits"].get<int>(), 6);
        QAOA_COMPARE_NEAR(x["random_valid_rate"].get<double>(), 0.140625, 1e-12);
        QCOMPARE(x["evaluations"].get<int>(), 60);
        // Sampled and exact valid rates agree within 5 standard deviations of 2000 shots.
        const double exact = x["valid_rate_exact"].get<double>();
        const double sigma = std::sqrt(exact * (1 - exact) / 2000.0);
        QVERIFY(std::abs(x["valid_rate"].get<double>() - exact) <= 5 * sigma + 1e-12);
        // The same seed reproduces the run exactly.
        const nlohmann::json again = runJson({"qaoa", file, "--p", "1", "--objective", "reference-v2", "--restarts", "2",
                                              "--maxiter", "30", "--shots", "2000", "--seed", "3", "--json"});
        QCOMPARE(again["gammas"], x["gammas"]);
        QCOMPARE(again["valid_rate"], x["valid_rate"]);

        // XY mixers keep every sample one-hot.
        const nlohmann::json xy = runJson({"qaoa", file, "--p", "1", "--mixer", "xy", "--objective", "reference-v2",
                                           "--params", "fixed", "--gammas", "0.02", "--betas", "0.4", "--json"});
        QAOA_COMPARE_NEAR(xy["valid_rate"].get<double>(), 1.0, 1e-12);
        QAOA_COMPARE_NEAR(xy["valid_rate_exact"].get<double>(), 1.0, 1e-12);
    }

    void qaoaOnMaxCut()
    {
        const std::string file = path("m10.json");
        QCOMPARE(run({"generate", "maxcut", "--nodes", "10", "--degree", "3", "--seed", "4", "-o", file}).code, 0);
        const nlohmann::json brute = runJson({"solve", file, "--solver", "brute", "--json"});
        const nlohmann::json q = runJson({"qaoa", file, "--p", "2", "--params", "predicted", "--json"});
        QAOA_COMPARE_NEAR(q["optimal_cut"].get<double>(), brute["cut_value"].get<double>(), 1e-12);
        QAOA_COMPARE_NEAR(q["approximation_ratio"].get<double>(),
                          q["expected_cut"].get<double>() / q["optimal_cut"].get<double>(), 1e-12);
        // Predicted p = 2 angles beat the p = 1 fixed-angle guarantee of 0.6924 on this 3-regular graph.
        QVERIFY(q["approximation_ratio"].get<double>() > 0.6924);
        QCOMPARE(q["evaluations"].get<int>(), 0);
        // Fixed angles in the canonical convention: gamma = 0, beta = 0 leaves |+>, the expected cut is W/2.
        const nlohmann::json zero = runJson({"qaoa", file, "--params", "fixed", "--gammas", "0", "--betas", "0", "--json"});
        QAOA_COMPARE_NEAR(zero["expected_cut"].get<double>(), 15.0 / 2.0, 1e-12);

        CliRun r = run({"qaoa", file, "--mixer", "xy"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("LCRP") != std::string::npos, r.err.c_str());
        r = run({"qaoa", file, "--params", "fixed", "--gammas", "0.1,0.2", "--betas", "0.3"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("--betas") != std::string::npos, r.err.c_str());
    }

    void benchStatevector()
    {
        const nlohmann::json j = runJson({"bench", "statevector", "--qubits", "10", "--p", "1", "--shots", "1000", "--json"});
        for (const char* key : {"pass_seconds", "layer_seconds", "layer_over_pass", "diagonal_seconds", "sampling_seconds"})
            QVERIFY2(j.contains(key) && j[key].get<double>() >= 0.0, key);
        QCOMPARE(run({"bench", "nothing"}).code, 2);
    }

    void schemaCommand()
    {
        CliRun r = run({"schema"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("lcrp-instance") != std::string::npos);
        r = run({"schema", "lcrp-instance"});
        QCOMPARE(r.code, 0);
        QVERIFY(nlohmann::json::parse(r.out).contains("properties"));
        r = run({"schema", "nope"});
        QCOMPARE(r.code, 2);
    }
};

QTEST_APPLESS_MAIN(TstCliApp)
#include "cli_app.test.moc"
