// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli lcrp-batch`: the local comparison table and JSON, the job path on local:fez, the
// IBM batch (protocol emulator) submitted with --submit and finished with --collect, and bad arguments.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_ibm_account.h"

#include "ibm_protocol_emulator.h"

#include "core/error.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"
#include "jobstore/job_store.h"

#include <QTemporaryDir>

#include <fstream>
#include <sstream>

namespace cli {
Command makeLcrpBatchCommand();
}

namespace {

struct BatchRun {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs the command the way runCli does (parse, run, Error -> exit 2), whether or not it is registered yet.
BatchRun runBatch(const std::vector<std::string>& args)
{
    const cli::Command c = cli::makeLcrpBatchCommand();
    BatchRun r;
    std::ostringstream out;
    try {
        const cli::ParsedArgs parsed = cli::parseArgs(args, c.options, c.maxPositionals);
        c.run(parsed, out);
        r.code = 0;
    } catch (const engine::Error& e) {
        r.code = 2;
        r.err = e.what();
    }
    r.out = out.str();
    return r;
}

nlohmann::json runBatchJson(const std::vector<std::string>& args)
{
    const BatchRun r = runBatch(args);
    if (r.code != 0)
        qWarning("exit %d: %s", r.code, r.err.c_str());
    return nlohmann::json::parse(r.out);
}

const nlohmann::json& method(const nlohmann::json& j, const std::string& name)
{
    for (const auto& m : j["methods"])
        if (m["method"] == name)
            return m;
    throw std::runtime_error(std::string("no method ") + name);
}

} // namespace

class TstCommandLcrpBatch : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }
    const std::vector<std::string> m_small{"--tasks", "12", "--models", "3", "--seed", "3", "--budget", "8",
                                           "--max-qubits", "9", "--shots", "500", "--threads", "1"};
    std::vector<std::string> small(std::vector<std::string> more) const
    {
        std::vector<std::string> args = m_small;
        args.insert(args.end(), more.begin(), more.end());
        return args;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
        test_support::clearCliAccount();
    }

    void localJsonComparesWithExact()
    {
        const nlohmann::json j = runBatchJson(small({"--json"}));
        QCOMPARE(j["num_groups"].get<int>(), 4);
        QCOMPARE(j["qubits_per_group"].get<int>(), 9);
        QCOMPARE(j["sampler"].get<std::string>(), std::string("statevector"));
        const nlohmann::json& batch = method(j, "batch");
        const nlohmann::json& exact = method(j, "exact");
        QCOMPARE(exact["status"].get<std::string>(), std::string("optimal"));
        QVERIFY(batch["within_budget"].get<bool>());
        QVERIFY(batch["cost_usd"].get<double>() <= 8.0 + 1e-9);
        QVERIFY(batch["objective"].get<double>() >= exact["objective"].get<double>() - 1e-6);
        QCOMPARE(j["gap_percent"], batch["gap_percent"]);
        QCOMPARE(batch["assignment"].size(), std::size_t{12});
        // The paper's greedy ignores the budget: it is reported over it.
        QVERIFY(!method(j, "greedy")["within_budget"].get<bool>());
    }

    void textTableListsMethodsAndGroups()
    {
        const BatchRun r = runBatch(small({}));
        QCOMPARE(r.code, 0);
        for (const char* word : {"method", "batch", "recombined", "greedy-budget", "exact", "group", "seconds:"})
            QVERIFY2(r.out.find(word) != std::string::npos, word);
        QCOMPARE(std::count(r.out.begin(), r.out.end(), '\n') >= 14, true);
    }

    void fileInputAndNoExact()
    {
        engine::LcrpGeneratorOptions g;
        g.numTasks = 6;
        g.numModels = 3;
        g.seed = 42;
        g.budgetUsd = 3.0;
        engine::saveInstance(engine::generateLcrp(g), path("six.json"));
        const nlohmann::json j =
            runBatchJson({path("six.json"), "--max-qubits", "6", "--shots", "300", "--no-exact", "--json"});
        QCOMPARE(j["tasks"].get<int>(), 6);
        QCOMPARE(j["num_groups"].get<int>(), 3);
        QCOMPARE(j["budget_usd"].get<double>(), 3.0);
        QVERIFY(j["exact_objective"].is_null());
        QVERIFY(j["gap_percent"].is_null());
        QCOMPARE(j["methods"].size(), std::size_t{4});
        // --budget overrides the file's; FILE with --tasks is refused.
        QCOMPARE(runBatchJson({path("six.json"), "--max-qubits", "6", "--budget", "1.5", "--no-exact", "--json"})
                     ["budget_usd"].get<double>(),
                 1.5);
        QCOMPARE(runBatch({path("six.json"), "--tasks", "6"}).code, 2);
        const BatchRun missing = runBatch({path("missing.json"), "--json"});
        QCOMPARE(missing.code, 2);
    }

    void jobPathOnTheLocalEmulator()
    {
        const std::string store = path("local.sqlite");
        const nlohmann::json j = runBatchJson(small({"--backend", "local:fez", "--store", store, "--json"}));
        QCOMPARE(j["sampler"].get<std::string>(), std::string("samples"));
        QCOMPARE(j["jobs"].size(), std::size_t{4});
        QCOMPARE(j["backend"].get<std::string>(), std::string("local:fez"));
        QVERIFY(method(j, "batch")["within_budget"].get<bool>());
        QCOMPARE(engine::JobStore(store).count({}), std::size_t{4});
    }

    void ibmBatchSubmitThenCollect()
    {
        ibmemu::EmulatorOptions o;
        o.backends = {"fez"};
        o.queuedSeconds = 0.05;
        o.runningSeconds = 0.05;
        o.jobCreationsPerMinute = 0;
        ibmemu::IbmProtocolEmulator emu(o);
        emu.start();
        test_support::pointCliAt(emu);
        const std::string store = path("ibm.sqlite");
        const std::string manifest = path("batch.json");
        const nlohmann::json submitted = runBatchJson(
            small({"--backend", "ibm_fez", "--submit", "--manifest", manifest, "--store", store, "--json"}));
        QCOMPARE(submitted["jobs"].size(), std::size_t{4});
        QCOMPARE(emu.jobsCreated(), std::size_t{4});
        {
            engine::JobStore s(store);
            QCOMPARE(s.count({}), std::size_t{4});  // every group job is recorded
            for (const auto& id : submitted["jobs"]) {
                const engine::JobRecord r = *s.get(id.get<long long>());
                QCOMPARE(r.backend, std::string("ibm_fez"));
                QVERIFY(!r.remoteId.empty());
            }
        }
        // Collect (the store comes from the manifest): waits for the jobs and finishes the recombination.
        const nlohmann::json j = runBatchJson({"--collect", manifest, "--timeout", "60", "--json"});
        QCOMPARE(j["sampler"].get<std::string>(), std::string("samples"));
        QCOMPARE(j["jobs"], submitted["jobs"]);
        QCOMPARE(j["num_groups"].get<int>(), 4);
        QVERIFY(method(j, "batch")["within_budget"].get<bool>());
        QVERIFY(method(j, "batch")["objective"].get<double>() >= method(j, "exact")["objective"].get<double>() - 1e-6);
        QCOMPARE(emu.jobsCreated(), std::size_t{4});  // collecting submits nothing
        // Collecting again gives the same answer from the stored results.
        const nlohmann::json again = runBatchJson({"--collect", manifest, "--json"});
        QCOMPARE(again["methods"][0]["assignment"], j["methods"][0]["assignment"]);
        test_support::clearCliAccount();
    }

    void badArgumentsNameTheirOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("place");
        QTest::newRow("qubits") << QStringList{"--tasks", "4", "--models", "5", "--max-qubits", "4"}
                                << QStringLiteral("maxQubits");
        QTest::newRow("submit local") << QStringList{"--tasks", "4", "--submit"} << QStringLiteral("--backend");
        QTest::newRow("manifest") << QStringList{"--tasks", "4", "--backend", "local:fez", "--submit"}
                                  << QStringLiteral("--manifest");
        QTest::newRow("params") << QStringList{"--tasks", "4", "--params", "ramp"} << QStringLiteral("--params");
        QTest::newRow("collect") << QStringList{"--collect", "/nonexistent/batch.json"}
                                 << QStringLiteral("/nonexistent/batch.json");
    }
    void badArgumentsNameTheirOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, place);
        std::vector<std::string> a;
        for (const QString& s : args)
            a.push_back(s.toStdString());
        const BatchRun r = runBatch(a);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(place.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TstCommandLcrpBatch)
#include "command_lcrp_batch.test.moc"
