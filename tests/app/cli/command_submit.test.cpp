// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli submit`: local:fez and IBM (protocol emulator) jobs with --wait --json, the
// analysis against the stored job, dry runs, and bad arguments naming their option.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_ibm_account.h"

#include "cli_runner.h"
#include "ibm_protocol_emulator.h"

#include "jobservice/job_analysis.h"
#include "jobstore/job_store.h"

#include <QTemporaryDir>

#include <cmath>

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

class TstCommandSubmit : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
        test_support::clearCliAccount();
        QCOMPARE(run({"generate", "maxcut", "--nodes", "6", "--degree", "3", "--seed", "4", "-o", path("g6.json")}).code,
                 0);
        QCOMPARE(run({"generate", "lcrp", "--tasks", "2", "--models", "2", "--seed", "3", "--budget", "2", "-o",
                      path("l2.json")})
                     .code,
                 0);
    }
    void cleanup() { test_support::clearCliAccount(); }

    void localMaxCutWaitJson()
    {
        const std::string store = path("local.sqlite");
        const nlohmann::json j = runJson({"submit", path("g6.json"), "--backend", "local:fez", "--p", "1", "--shots",
                                          "300", "--wait", "--json", "--store", store});
        for (const char* key : {"job_id", "local_id", "backend", "status", "estimated_qpu_seconds", "two_qubit_gates",
                                "estimated_fidelity", "best_energy", "approximation_ratio", "analysis"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(j["status"].get<std::string>(), std::string("Completed"));
        QCOMPARE(j["backend"].get<std::string>(), std::string("local:fez"));
        QCOMPARE(j["job_id"].get<std::string>(), "local:" + std::to_string(j["local_id"].get<long long>()));
        QVERIFY(j["two_qubit_gates"].get<int>() > 0);
        const double f = j["estimated_fidelity"].get<double>();
        QVERIFY(f > 0.0 && f < 1.0);
        const double ar = j["approximation_ratio"].get<double>();
        QVERIFY(ar > 0.0 && ar <= 1.0);
        QVERIFY(j["open_plan"].is_null());
        QVERIFY(!j["timed_out"].get<bool>());

        // The printed analysis is the stored one, and re-analysis of the stored samples gives it again.
        engine::JobStore s(store);
        const engine::JobRecord r = *s.get(j["local_id"].get<long long>());
        QCOMPARE(j["analysis"], r.analysis);
        QCOMPARE(engine::analyzeJobRecord(r), r.analysis);
        QCOMPARE(r.parameters["shots"].get<int>(), 300);

        // Without --wait a local job has run anyway (the emulator runs inside submit), without the analysis keys.
        const nlohmann::json k = runJson({"submit", path("g6.json"), "--shots", "50", "--json", "--store", store});
        QCOMPARE(k["status"].get<std::string>(), std::string("Completed"));
        QCOMPARE(k["backend"].get<std::string>(), std::string("local:fez"));  // the default backend
        QVERIFY(!k.contains("analysis"));
    }

    void localLcrpReportsValidRates()
    {
        const nlohmann::json j = runJson({"submit", path("l2.json"), "--slack-bits", "1", "--shots", "500", "--wait",
                                          "--json", "--store", path("lcrp.sqlite"), "--params", "fixed", "--gammas",
                                          "0.3", "--betas", "0.4"});
        QCOMPARE(j["status"].get<std::string>(), std::string("Completed"));
        QCOMPARE(j["logical_qubits"].get<int>(), 5);
        QCOMPARE(j["gammas"][0].get<double>(), 0.3);
        QAOA_COMPARE_NEAR(j["random_valid_rate"].get<double>(), 0.25, 1e-12);  // (2 / 2^2)^2
        const double v = j["valid_rate"].get<double>();
        QVERIFY(v >= 0.0 && v <= 1.0);
        QVERIFY(j.contains("best_valid_cost_usd"));
        const CliRun text = run({"submit", path("l2.json"), "--slack-bits", "1", "--shots", "100", "--wait", "--store",
                                 path("lcrp.sqlite")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.find("valid rate") != std::string::npos);
    }

    void ibmThroughTheEmulator()
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
        const nlohmann::json j = runJson({"submit", path("g6.json"), "--backend", "ibm_fez", "--shots", "200", "--dd",
                                          "XY4", "--tag", "cli-test", "--wait", "--timeout", "60", "--json", "--store",
                                          store});
        QCOMPARE(j["status"].get<std::string>(), std::string("Completed"));
        QVERIFY(j["job_id"].is_string());
        QVERIFY(j["job_id"].get<std::string>().rfind("local:", 0) != 0);
        QCOMPARE(j["open_plan"]["used_seconds"].get<double>(), 0.0);
        QVERIFY(j["qpu_seconds"]["final"].get<bool>());
        QVERIFY(j["approximation_ratio"].is_number());
        QCOMPARE(emu.jobsCreated(), std::size_t{1});
        engine::JobStore s(store);
        const engine::JobRecord r = *s.get(j["local_id"].get<long long>());
        QCOMPARE(r.parameters["dynamical_decoupling"].get<std::string>(), std::string("XY4"));
        QCOMPARE(r.remoteId, j["job_id"].get<std::string>());

        // The second submission sees the first one's charge in the month's budget.
        const nlohmann::json k = runJson({"submit", path("g6.json"), "--backend", "ibm_fez", "--shots", "10",
                                          "--dry-run", "--json", "--store", store});
        QAOA_COMPARE_NEAR(k["open_plan"]["used_seconds"].get<double>(), r.usage->qpuSeconds, 1e-9);

        // A job IBM fails: the JSON says so and the exit status is 2.
        emu.failNextJobs({});
        const CliRun failed = run({"submit", path("g6.json"), "--backend", "ibm_fez", "--shots", "10", "--wait",
                                   "--json", "--store", store});
        QCOMPARE(failed.code, 2);
        QCOMPARE(nlohmann::json::parse(failed.out)["status"].get<std::string>(), std::string("Failed"));
        QVERIFY(failed.err.find("Failed") != std::string::npos);
    }

    void dryRunRecordsNothing()
    {
        const std::string store = path("dry.sqlite");
        const nlohmann::json j =
            runJson({"submit", path("g6.json"), "--p", "2", "--dry-run", "--json", "--store", store});
        QCOMPARE(j["status"].get<std::string>(), std::string("NotSubmitted"));
        QVERIFY(j["qasm"].get<std::string>().rfind("OPENQASM 3.0;", 0) == 0);
        QCOMPARE(j["gammas"].size(), std::size_t{2});
        QCOMPARE(engine::JobStore(store).count({}), std::size_t{0});
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        QTest::newRow("no file") << QStringList{} << "FILE";
        QTest::newRow("p zero") << QStringList{"G", "--p", "0"} << "--p";
        QTest::newRow("shots zero") << QStringList{"G", "--shots", "0"} << "--shots";
        QTest::newRow("fixed without angles") << QStringList{"G", "--params", "fixed"} << "--gammas";
        QTest::newRow("angles without fixed") << QStringList{"G", "--gammas", "0.1"} << "--gammas";
        QTest::newRow("angle count") << QStringList{"G", "--params", "fixed", "--gammas", "0.1,0.2", "--betas", "0.1"}
                                     << "--betas";
        QTest::newRow("bad params") << QStringList{"G", "--params", "optimize"} << "--params";
        QTest::newRow("bad dd") << QStringList{"G", "--dd", "XZ"} << "--dd";
        QTest::newRow("max time") << QStringList{"G", "--max-time", "0"} << "--max-time";
        QTest::newRow("timeout alone") << QStringList{"G", "--timeout", "5"} << "--timeout";
        QTest::newRow("unknown local") << QStringList{"G", "--backend", "local:nowhere"} << "--backend";
        QTest::newRow("ibm without account") << QStringList{"G", "--backend", "ibm_fez"} << "--account";
        QTest::newRow("missing file") << QStringList{"nope.json"} << "nope.json";
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        std::vector<std::string> head{"submit"};
        for (const QString& a : args)
            head.push_back(a == "G" ? path("g6.json") : a.toStdString());
        head.push_back("--store");
        head.push_back(path("bad.sqlite"));
        const CliRun r = run(head);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(option.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY(r.out.empty());
    }
};

QTEST_APPLESS_MAIN(TstCommandSubmit)
#include "command_submit.test.moc"
