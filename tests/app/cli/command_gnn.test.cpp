// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli train-gnn` (tiny generate / train / evaluate), `qaoa --params gnn` and `bench gnn`.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "gnn/gnn_dataset.h"
#include "gnn/gnn_model_file.h"
#include "gnn/gnn_qubo_generator.h"
#include "io/instance_file.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <filesystem>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

} // namespace

class TstCommandGnn : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void generateTrainEvaluate()
    {
        const std::string data = path("tiny.jsonl");
        const std::vector<std::string> generate{"train-gnn", "--generate", data,        "--count",     "8",
                                                "--nodes",   "5:6",      "--max-depth", "2",           "--restarts",
                                                "0",         "--seed",   "3",           "--quiet",     "--json"};
        nlohmann::json g = runJson(generate);
        QCOMPARE(g["generated"].get<int>(), 8);
        QCOMPARE(g["existing"].get<int>(), 0);
        g = runJson(generate);  // resumes: nothing left to do
        QCOMPARE(g["generated"].get<int>(), 0);
        QCOMPARE(g["existing"].get<int>(), 8);

        const std::string models = path("models");
        const nlohmann::json t = runJson({"train-gnn", "--data", data, "--out", models, "--p", "2", "--epochs", "4",
                                          "--hidden", "4", "--batch", "4", "--validation", "0.25", "--max-gamma", "100",
                                          "--max-deviation", "0", "--json"});
        QCOMPARE(t["models"].size(), std::size_t(1));
        QCOMPARE(t["models"][0]["train_samples"].get<int>(), 6);
        QCOMPARE(t["models"][0]["validation_samples"].get<int>(), 2);
        QCOMPARE(t["models"][0]["epochs"].get<int>(), 4);
        const engine::GnnAngleModel m = engine::loadGnnAngleModel(models + "/gnn-p2.json");
        QCOMPARE(m.depth, std::size_t(2));
        QCOMPARE(m.network.shape().hidden, std::size_t(4));
        QCOMPARE(m.training.dataset, std::string("tiny.jsonl"));

        // One consensus round: the labels move towards the first models, the models are retrained on them.
        const std::string relabelled = path("relabelled.jsonl");
        const nlohmann::json c = runJson({"train-gnn", "--data", data, "--out", path("consensus"), "--p", "2",
                                          "--epochs", "4", "--hidden", "4", "--loss", "mse", "--max-deviation", "0",
                                          "--consensus", "1", "--tolerance", "1", "--relabelled", relabelled, "--json"});
        QCOMPARE(c["consensus"].size(), std::size_t(1));
        QCOMPARE(c["consensus"][0]["considered"].get<int>(), 8);
        QCOMPARE(c["consensus"][0]["replaced"].get<int>(), 8);  // tolerance 1: every label moves
        QCOMPARE(engine::readGnnDataset(relabelled).size(), std::size_t(8));

        const nlohmann::json e = runJson({"train-gnn", "--evaluate", data, "--models", models, "--p", "2", "--json"});
        QCOMPARE(e["per_p"]["2"]["count"].get<int>(), 8);
        QVERIFY(e["overall"]["max"].get<double>() <= 1.0 && e["overall"]["min"].get<double>() >= -1.0);
        QCOMPARE(e["rows"].size(), std::size_t(8));
        for (const nlohmann::json& r : e["rows"]) {
            QCOMPARE(r["p"].get<int>(), 2);
            QVERIFY(test_support::near(r["difference"].get<double>(),
                                       r["ar_optimized"].get<double>() - r["ar_gnn"].get<double>()));
        }
        const CliRun text = run({"train-gnn", "--evaluate", data, "--models", models, "--p", "2"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.find("p = 2: n = 8, median") != std::string::npos, text.out.c_str());
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no mode") << QStringList{} << "give exactly one of";
        QTest::newRow("two modes") << QStringList{"--generate", "a.jsonl", "--data", "b.jsonl"} << "exactly one";
        QTest::newRow("train option with generate") << QStringList{"--generate", "a.jsonl", "--epochs", "3"}
                                                    << "--epochs";
        QTest::newRow("missing out") << QStringList{"--data", "a.jsonl"} << "--out";
        QTest::newRow("bad depth range") << QStringList{"--data", "a.jsonl", "--out", "d", "--p", "3..1"} << "--p";
        QTest::newRow("too many nodes") << QStringList{"--generate", "a.jsonl", "--nodes", "10:40"} << "--nodes";
        QTest::newRow("unknown loss") << QStringList{"--data", "a.jsonl", "--out", "d", "--loss", "l1"} << "--loss";
        QTest::newRow("negative tolerance") << QStringList{"--data", "a.jsonl", "--out", "d", "--tolerance", "-1"}
                                            << "--tolerance";
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = run({"train-gnn"}, args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    }

    // The shipped models (resources/gnn) predict angles for any QUBO; p = 1 names the alternative.
    void qaoaParamsGnn()
    {
        engine::QuboInstance instance;
        instance.name = "er-9";
        instance.qubo = engine::gnnQubo(engine::drawGnnQuboSpec(8, 0, 9, 9));
        const std::string file = path("er9.json");
        engine::saveInstance(instance, file);
        const nlohmann::json q = runJson({"qaoa", file, "--p", "3", "--params", "gnn", "--shots", "100", "--json"});
        QCOMPARE(q["params"].get<std::string>(), std::string("gnn"));
        QCOMPARE(q["gammas"].size(), std::size_t(3));
        QCOMPARE(q["evaluations"].get<int>(), 0);
        // Far better than the uniform superposition: the expectation lies well below the mean energy.
        const nlohmann::json zero = runJson({"qaoa", file, "--params", "fixed", "--gammas", "0", "--betas", "0",
                                             "--shots", "100", "--json"});
        QVERIFY(q["expectation"].get<double>() < zero["expectation"].get<double>() - 0.1);
        const CliRun r = run({"qaoa", file, "--p", "1", "--params", "gnn"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("predicted") != std::string::npos, r.err.c_str());
    }

    void benchGnn()
    {
        const nlohmann::json b = runJson({"bench", "gnn", "--instances", "2", "--nodes", "10:11", "--p", "2..3",
                                          "--restarts", "0", "--seed", "5", "--json"});
        QCOMPARE(b["benchmark"].get<std::string>(), std::string("gnn"));
        QCOMPARE(b["overall"]["count"].get<int>(), 4);
        QCOMPARE(b["per_p"]["3"]["count"].get<int>(), 2);
        QCOMPARE(b["rows"].size(), std::size_t(4));
        // The shipped models land near the optimum on instances of their training range (N = 10..14): median
        // AR* difference below 0.1 (measured 0.02 here).
        QVERIFY(std::abs(b["overall"]["median"].get<double>()) < 0.1);
        const CliRun r = run({"bench", "gnn", "--qubits", "10"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("--qubits") != std::string::npos, r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TstCommandGnn)
#include "command_gnn.test.moc"
