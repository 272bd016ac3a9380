// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli bench routing` on a tiny configuration: CSV rows, summary, JSON and bad options.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <sstream>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::nonEmptyLines;

const std::vector<std::string> TINY{"bench",   "routing", "--devices", "line:12,grid:3x4", "--degrees", "3",
                                    "--sizes", "6,8",     "--graphs",  "1",                "--routers", "greedy,sabre",
                                    "--layout", "trivial", "--seed",   "3"};

} // namespace

class TstCommandBench : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void routingWritesRowsAndSummary()
    {
        std::vector<std::string> args = TINY;
        args.insert(args.end(), {"-o", path("rows.csv"), "--summary", path("summary.csv")});
        const CliRun r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.empty());
        const std::vector<std::string> rows = nonEmptyLines(engine::readWholeFile(path("rows.csv")));
        // 2 devices x 1 degree x 2 sizes x 1 graph x 2 routers
        QCOMPARE(rows.size(), std::size_t{1 + 8});
        QCOMPARE(rows[0], std::string("device,degree,vertices,graph,router,swaps,depth,two_qubit_gates,seconds"));
        const std::vector<std::string> summary = nonEmptyLines(engine::readWholeFile(path("summary.csv")));
        QCOMPARE(summary.size(), std::size_t{1 + 4});  // per device and router
        QVERIFY(summary[0].find("mean_saving_vs_sabre") != std::string::npos);
    }

    void routingPrintsWithoutFilesAndAsJson()
    {
        CliRun r = run(TINY);
        QCOMPARE(r.code, 0);
        QCOMPARE(nonEmptyLines(r.out).size(), std::size_t{1 + 8 + 1 + 4});

        std::vector<std::string> args = TINY;
        args.push_back("--json");
        r = run(args);
        QCOMPARE(r.code, 0);
        const nlohmann::json j = nlohmann::json::parse(r.out);
        QCOMPARE(j["rows"].size(), std::size_t{8});
        QCOMPARE(j["summary"].size(), std::size_t{4});
        QCOMPARE(j["baseline"].get<std::string>(), std::string("sabre"));
        for (const nlohmann::json& row : j["rows"]) {
            QVERIFY(row["swaps"].is_number());
            QVERIFY(row["two_qubit_gates"].get<double>() >= 2.0 * 3 * row["vertices"].get<double>() / 2);
        }
    }

    void badRoutingOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        auto args = [](const char* a, const char* b, const char* c) {
            return QStringList{QLatin1String(a), QLatin1String(b), QLatin1String(c)};
        };
        QTest::newRow("router") << args("routing", "--routers", "magic") << QStringLiteral("--routers");
        QTest::newRow("device") << args("routing", "--devices", "nowhere") << QStringLiteral("--devices");
        QTest::newRow("sizes") << args("routing", "--sizes", "6,x") << QStringLiteral("--sizes");
        QTest::newRow("foreign") << args("routing", "--qubits", "10") << QStringLiteral("--qubits");
        QTest::newRow("foreign2") << args("statevector", "--routers", "astar") << QStringLiteral("--routers");
        QTest::newRow("name") << QStringList{QStringLiteral("nothing")} << QStringLiteral("routing");
    }

    void badRoutingOptionsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        const CliRun r = run({"bench"}, args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find(mention.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandBench)
#include "command_bench.test.moc"
