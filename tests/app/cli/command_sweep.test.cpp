// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli sweep`: a sweep file on several threads, CSV and JSON, presets and bad usage.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

namespace {

using test_support::CliRun;
using test_support::nonEmptyLines;
using test_support::run;
using test_support::runJson;

const char* const SPEC = R"({
    "format": "qaoa-workbench/sweep", "formatVersion": 1,
    "kind": "qaoa",
    "instance": {"generate": {"tasks": 3, "models": 3, "seed": 42}},
    "settings": {"params": "predicted", "shots": 300, "objective": "reference-v2", "seed": 5},
    "axes": [{"parameter": "p", "values": "1:2"}, {"parameter": "mixer", "values": ["x", "xy"]}]
})";

/// The rows of a JSON result without their wall times.
nlohmann::json withoutSeconds(nlohmann::json rows)
{
    for (nlohmann::json& row : rows)
        row.erase("seconds");
    return rows;
}

} // namespace

class TstCommandSweep : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        engine::writeFileAtomically(path("sweep.json"), SPEC);
    }

    void sweepFileAsJsonOnSeveralThreads()
    {
        const nlohmann::json two = runJson({"sweep", path("sweep.json"), "--threads", "2", "--json"});
        QCOMPARE(two["kind"], nlohmann::json("qaoa"));
        QCOMPARE(two["axes"], nlohmann::json::parse(R"(["p", "mixer"])"));
        QCOMPARE(two["points"], nlohmann::json(4));
        QCOMPARE(two["threads"], nlohmann::json(2));
        QCOMPARE(two["rows"].size(), std::size_t{4});
        const nlohmann::json& last = two["rows"][3];
        QCOMPARE(last["p"], nlohmann::json(2.0));
        QCOMPARE(last["mixer"], nlohmann::json("xy"));
        QCOMPARE(last["status"], nlohmann::json("ok"));
        QAOA_COMPARE_NEAR(last["random_valid_rate"].get<double>(), std::pow(3.0 / 8.0, 3), 1e-12);
        QAOA_COMPARE_NEAR(last["valid_rate"].get<double>(), 1.0, 1e-12);  // the XY mixer stays one-hot
        const nlohmann::json one = runJson({"sweep", path("sweep.json"), "--json"});
        QCOMPARE(withoutSeconds(one["rows"]), withoutSeconds(two["rows"]));
    }

    void csvToFileAndToStdout()
    {
        const CliRun printed = run({"sweep", path("sweep.json")});
        QCOMPARE(printed.code, 0);
        const std::vector<std::string> lines = nonEmptyLines(printed.out);
        QCOMPARE(lines.size(), std::size_t{5});
        QVERIFY(lines[0].rfind("point,p,mixer,qubits,expectation,", 0) == 0);
        QVERIFY(lines[0].find(",valid_rate,random_valid_rate,") != std::string::npos);
        QVERIFY(lines[1].rfind("0,1,x,", 0) == 0);
        const CliRun written = run({"sweep", path("sweep.json"), "--csv", path("rows.csv"), "--threads", "3"});
        QCOMPARE(written.code, 0);
        QVERIFY(written.out.find("4 rows from 4 points") != std::string::npos);
        QCOMPARE(nonEmptyLines(engine::readWholeFile(path("rows.csv"))).size(), std::size_t{5});
    }

    void presetQuick()
    {
        const CliRun r = run({"sweep", "--preset", "routing-fig7", "--quick", "--threads", "2", "--csv",
                              path("fig7.csv")});
        QCOMPARE(r.code, 0);
        const std::vector<std::string> lines = nonEmptyLines(engine::readWholeFile(path("fig7.csv")));
        QCOMPARE(lines[0], std::string("point,device,degree,vertices,graph,router,swaps,depth,two_qubit_gates,"
                                       "seconds,status,error"));
        QCOMPARE(lines.size(), std::size_t{1 + 2 * 2 * 2 * 3});  // devices x sizes x graphs x routers
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << "give either a sweep file or --preset";
        QTest::newRow("both") << QStringList{QStringLiteral("SPEC"), QStringLiteral("--preset"),
                                             QStringLiteral("lcrp-table2")}
                              << "give either a sweep file or --preset";
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("table9")}
                                        << "--preset: unknown experiment 'table9'";
        QTest::newRow("quick without preset") << QStringList{QStringLiteral("SPEC"), QStringLiteral("--quick")}
                                              << "--quick: applies to --preset only";
        QTest::newRow("threads") << QStringList{QStringLiteral("SPEC"), QStringLiteral("--threads"),
                                                QStringLiteral("-1")}
                                 << "--threads";
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QStringList resolved;
        for (const QString& a : args)
            resolved << (a == QStringLiteral("SPEC") ? QString::fromStdString(path("sweep.json")) : a);
        const CliRun r = run({"sweep"}, resolved);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    }

    void badSpecNamesThePointer()
    {
        nlohmann::json spec = nlohmann::json::parse(SPEC);
        spec["axes"][1]["values"] = nlohmann::json::parse(R"(["x", "xz"])");
        engine::writeFileAtomically(path("bad.json"), spec.dump());
        const CliRun r = run({"sweep", path("bad.json")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(path("bad.json") + ":/axes/1/values/1") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("xy-parity") != std::string::npos, r.err.c_str());  // names the accepted values
    }

    void failedPointExitsWithOne()
    {
        // An XY mixer passes the parameter check but a graph has no one-hot groups: that point fails at run time.
        nlohmann::json spec = nlohmann::json::parse(SPEC);
        spec["instance"] = nlohmann::json::parse(R"({"format": "qaoa-workbench/graph-instance", "formatVersion": 1,
            "problem": "maxcut", "numVertices": 3, "edges": [[0, 1, 1], [1, 2, 1]]})");
        spec["settings"].erase("objective");
        spec["axes"] = nlohmann::json::parse(R"([{"parameter": "mixer", "values": ["x", "xy"]}])");
        engine::writeFileAtomically(path("fails.json"), spec.dump());
        const CliRun r = run({"sweep", path("fails.json"), "--json"});
        QCOMPARE(r.code, 1);
        const nlohmann::json j = nlohmann::json::parse(r.out);
        QCOMPARE(j["rows"][0]["status"], nlohmann::json("ok"));
        QCOMPARE(j["rows"][1]["status"], nlohmann::json("failed"));
        QVERIFY(r.err.find("1 of 2 rows failed") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TstCommandSweep)
#include "command_sweep.test.moc"
