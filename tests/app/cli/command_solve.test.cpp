// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli solve --solver tabu|vns|burer|exact`: targets against brute force, JSON keys, time limits,
// an OR-Library file and the errors for instances and options the heuristics do not take.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QTemporaryDir>

#include <sstream>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

std::string number(double value)
{
    std::ostringstream s;
    s.precision(17);
    s << value;
    return s.str();
}

} // namespace

class TstCommandSolve : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void heuristicsReachTheBruteForceOptimum()
    {
        // Pass rule: with the brute-force energy as --target, tabu (1 and 2 threads) and vns stop with the target
        // reached (well inside the 30 s limit), report the same energy and cut, and carry the heuristic keys.
        const std::string file = path("m14.json");
        QCOMPARE(run({"generate", "maxcut", "--nodes", "14", "--edge-prob", "0.4", "--weights", "uniform", "--seed",
                      "6", "-o", file})
                     .code,
                 0);
        const nlohmann::json brute = runJson({"solve", file, "--solver", "brute", "--json"});
        const double optimum = brute["energy"].get<double>();
        for (const std::vector<std::string>& extra : {std::vector<std::string>{"--solver", "tabu"},
                                                      std::vector<std::string>{"--solver", "tabu", "--threads", "2"},
                                                      std::vector<std::string>{"--solver", "vns"},
                                                      std::vector<std::string>{"--solver", "burer"}}) {
            std::vector<std::string> args{"solve", file, "--time-limit", "30", "--target", number(optimum),
                                          "--seed", "4", "--json"};
            args.insert(args.end(), extra.begin(), extra.end());
            const nlohmann::json j = runJson(args);
            for (const char* key : {"solver", "status", "seconds", "iterations", "operations", "runs", "variables",
                                    "bitstring", "energy", "cut_value", "target_reached", "target_iteration",
                                    "target_seconds"})
                QVERIFY2(j.contains(key), key);
            QVERIFY(j["target_reached"].get<bool>());
            QCOMPARE(j["status"].get<std::string>(), std::string("feasible"));
            QAOA_COMPARE_NEAR(j["energy"].get<double>(), optimum, 1e-9);
            QAOA_COMPARE_NEAR(j["cut_value"].get<double>(), -optimum, 1e-9);
            QVERIFY(j["target_iteration"].get<unsigned long long>() >= 1);
        }
        // The exact MIP proves the same optimum.
        const nlohmann::json exact = runJson({"solve", file, "--solver", "exact", "--json"});
        QCOMPARE(exact["status"].get<std::string>(), std::string("optimal"));
        QVERIFY(exact["proven_optimal"].get<bool>());
        QAOA_COMPARE_NEAR(exact["energy"].get<double>(), optimum, 1e-9);
        const CliRun text = run({"solve", file, "--solver", "tabu", "--target", number(optimum)});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.find("target reached at iteration") != std::string::npos, text.out.c_str());
    }

    void timeLimitWithoutTarget()
    {
        const std::string file = path("q.json");
        QCOMPARE(run({"generate", "qubo", "--nodes", "40", "--density", "0.3", "--seed", "2", "-o", file}).code, 0);
        const nlohmann::json j = runJson({"solve", file, "--solver", "tabu", "--time-limit", "0.05", "--json"});
        QCOMPARE(j["status"].get<std::string>(), std::string("time_limit"));
        QVERIFY(!j.contains("target_reached"));
        QCOMPARE(j["bitstring"].get<std::string>().size(), std::size_t{40});
        QVERIFY(j["runs"].get<int>() >= 1);
    }

    void orLibraryFile()
    {
        const std::string bqp = test_support::sharedPath("benchmarks/orlib_bqp50.txt.gz");
        if (!QFileInfo::exists(QString::fromStdString(bqp)))
            QSKIP("../shared/benchmarks not present");
        // bqp50-1 maximises to 2098: energy -2098 in the workbench's minimisation sign.
        const nlohmann::json j =
            runJson({"solve", bqp, "--solver", "tabu", "--time-limit", "20", "--target", "-2098", "--json"});
        QVERIFY(j["target_reached"].get<bool>());
        QCOMPARE(j["energy"].get<double>(), -2098.0);
    }

    void rejectedCombinations_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("mention");
        QTest::newRow("vns on a QUBO") << "qubo" << QStringList{"--solver", "vns"} << "--solver";
        QTest::newRow("vns on MIS") << "maxcut" << QStringList{"--solver", "vns", "--problem", "mis"} << "--solver";
        QTest::newRow("vns threads") << "maxcut" << QStringList{"--solver", "vns", "--threads", "2"} << "--threads";
        QTest::newRow("burer on a QUBO") << "qubo" << QStringList{"--solver", "burer"} << "--solver";
        QTest::newRow("burer threads") << "maxcut" << QStringList{"--solver", "burer", "--threads", "2"}
                                       << "--threads";
        QTest::newRow("tabu on LCRP") << "lcrp" << QStringList{"--solver", "tabu"} << "--solver";
        QTest::newRow("bad target") << "maxcut" << QStringList{"--solver", "tabu", "--target", "abc"} << "--target";
        QTest::newRow("bad time") << "maxcut" << QStringList{"--solver", "tabu", "--time-limit", "0"} << "--time-limit";
    }

    void rejectedCombinations()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, extra);
        QFETCH(QString, mention);
        const std::string file = path((kind + ".json").toLatin1().constData());
        std::vector<std::string> generate{"generate", kind.toStdString(), "-o", file};
        if (kind != "lcrp") {
            generate.push_back("--nodes");
            generate.push_back("8");
        }
        if (kind == "maxcut") {
            generate.push_back("--degree");
            generate.push_back("3");
        }
        QCOMPARE(run(generate).code, 0);
        std::vector<std::string> args{"solve", file};
        for (const QString& e : extra)
            args.push_back(e.toStdString());
        const CliRun r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find(mention.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandSolve)
#include "command_solve.test.moc"
