// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli reproduce warmstart-emulated` on a tiny configuration: rows, summary, JSON, help
// and bad options.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_runner.h"

#include "io/atomic_file.h"
#include "warmstart/warmstart_reproduction.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <sstream>

namespace {

using test_support::CliRun;
using test_support::run;
using test_support::nonEmptyLines;

const std::vector<std::string> TINY{"reproduce", "warmstart-emulated", "--families", "regular-3,er-0.3", "--sizes",
                                    "4,6",       "--graphs",           "2",          "--depths",           "1,2",
                                    "--samples", "200",                "--runs",     "20",                 "--t-total",
                                    "50",        "--seed",             "5",          "--threads",          "1"};

// The engine run of the same tiny configuration: what the command must write.
engine::WarmstartReproductionOptions tinyOptions()
{
    engine::WarmstartReproductionOptions o;
    o.families = {engine::warmstartGraphFamilyFromName("regular-3"), engine::warmstartGraphFamilyFromName("er-0.3")};
    o.sizes = {4, 6};
    o.graphsPerSize = 2;
    o.depths = {1, 2};
    o.samples = 200;
    o.runsPerStartType = 20;
    o.iterationCap = 50;
    o.seed = 5;
    o.threads = 1;
    return o;
}

// The CSV without its seconds column (the last one), which differs between runs.
std::vector<std::string> withoutSeconds(const std::vector<std::string>& csvLines)
{
    std::vector<std::string> out;
    for (const std::string& line : csvLines)
        out.push_back(line.substr(0, line.rfind(',')));
    return out;
}

} // namespace

class TstCommandReproduce : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void warmstartWritesRowsAndSummary()
    {
        std::vector<std::string> args = TINY;
        args.insert(args.end(), {"-o", path("rows.csv"), "--summary", path("summary.csv")});
        const CliRun r = run(args);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.empty());
        const std::vector<std::string> rows = nonEmptyLines(engine::readWholeFile(path("rows.csv")));
        QCOMPARE(rows.size(), std::size_t{1 + 2 * 2 * 2 * 2});  // families x sizes x graphs x depths
        QVERIFY(rows[0].rfind("family,n,graph,edges,p,optimum,rmin_random,rmin_warm,q_factor,q_kind,", 0) == 0);
        const std::vector<engine::WarmstartReproductionRow> expected =
            engine::reproduceWarmstartEmulated(tinyOptions());
        QCOMPARE(withoutSeconds(rows), withoutSeconds(nonEmptyLines(engine::warmstartReproductionCsv(expected))));
        const std::vector<std::string> summary = nonEmptyLines(engine::readWholeFile(path("summary.csv")));
        QCOMPARE(summary.size(), std::size_t{1 + 2 * 2 * 2});  // families x sizes x depths
        QCOMPARE(summary, nonEmptyLines(engine::warmstartSummaryCsv(engine::summarizeWarmstartReproduction(expected))));
    }

    void warmstartPrintsWithoutFilesAndAsJson()
    {
        CliRun r = run(TINY);
        QCOMPARE(r.code, 0);
        QCOMPARE(nonEmptyLines(r.out).size(), std::size_t{1 + 16 + 1 + 8});

        std::vector<std::string> args = TINY;
        args.push_back("--json");
        r = run(args);
        QCOMPARE(r.code, 0);
        const nlohmann::json j = nlohmann::json::parse(r.out);
        QCOMPARE(j["experiment"].get<std::string>(), std::string("warmstart-emulated"));
        QCOMPARE(j["rows"].size(), std::size_t{16});
        QCOMPARE(j["summary"].size(), std::size_t{8});
        QCOMPARE(j["t_total"].get<int>(), 50);
        for (const nlohmann::json& row : j["rows"]) {
            QCOMPARE(row["pool_size"].get<int>(), 200);
            QVERIFY(row["optimum"].get<double>() >= 1.0);
            QVERIFY(row["rmin_warm"].get<double>() >= 1.0);
        }
        for (const nlohmann::json& s : j["summary"])
            QVERIFY(s["graphs"].get<int>() + s["undefined"].get<int>() == 2);
    }

    void helpNamesTheExperiment()
    {
        const CliRun r = run({"reproduce", "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("warmstart-emulated") != std::string::npos);
        QVERIFY(r.out.find("--t-total") != std::string::npos);
    }

    void badWarmstartOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        auto args = [](const char* a, const char* b) { return QStringList{QLatin1String(a), QLatin1String(b)}; };
        QTest::newRow("family") << args("--families", "ring-3") << QStringLiteral("--families");
        QTest::newRow("sizes") << args("--sizes", "4,x") << QStringLiteral("--sizes");
        QTest::newRow("odd regular") << args("--sizes", "5") << QStringLiteral("--sizes");
        QTest::newRow("too large") << args("--sizes", "40") << QStringLiteral("--sizes");
        QTest::newRow("depth") << args("--depths", "7") << QStringLiteral("--depths");
        QTest::newRow("runs") << args("--runs", "0") << QStringLiteral("--runs");
        QTest::newRow("t-total") << args("--t-total", "0") << QStringLiteral("--t-total");
        QTest::newRow("foreign") << args("--shots", "10") << QStringLiteral("--shots");
    }

    void badWarmstartOptionsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        const CliRun r = run({"reproduce", "warmstart-emulated", "--graphs", "1", "--depths", "1", "--runs", "5"},
                             args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(r.err.find(mention.toStdString()) != std::string::npos, r.err.c_str());
    }

    void lcrpRejectsWarmstartOptions()
    {
        const CliRun r = run({"reproduce", "lcrp-depth", "--samples", "10"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("--samples") != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandReproduce)
#include "command_reproduce.test.moc"
