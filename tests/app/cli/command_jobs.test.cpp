// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli jobs`: list, show, results, cancel, delete and resume over local and IBM
// (protocol emulator) jobs, lookup by local or remote id, and bad usage.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_ibm_account.h"

#include "cli_runner.h"
#include "ibm_protocol_emulator.h"

#include "jobservice/job_service.h"
#include "jobstore/job_store.h"

#include <QTemporaryDir>

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

class TstCommandJobs : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }


    static ibmemu::EmulatorOptions quickEmulator()
    {
        ibmemu::EmulatorOptions o;
        o.backends = {"fez"};
        o.queuedSeconds = 0.05;
        o.runningSeconds = 0.05;
        o.jobCreationsPerMinute = 0;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
        test_support::clearCliAccount();
        QCOMPARE(run({"generate", "maxcut", "--nodes", "5", "--degree", "2", "--seed", "2", "-o", path("g5.json")}).code,
                 0);
    }
    void cleanup() { test_support::clearCliAccount(); }

    void localJobsListShowResultsDelete()
    {
        const std::string store = path("local.sqlite");
        const nlohmann::json a = runJson({"submit", path("g5.json"), "--shots", "100", "--json", "--store", store});
        const nlohmann::json b = runJson({"submit", path("g5.json"), "--shots", "120", "--json", "--store", store});
        const nlohmann::json list = runJson({"jobs", "list", "--json", "--store", store});
        QCOMPARE(list["jobs"].size(), std::size_t{2});
        QCOMPARE(list["jobs"][0]["local_id"], b["local_id"]);  // newest first
        QCOMPARE(list["jobs"][1]["status"].get<std::string>(), std::string("Completed"));
        QCOMPARE(runJson({"jobs", "list", "--limit", "1", "--json", "--store", store})["jobs"].size(), std::size_t{1});

        const std::string id = std::to_string(a["local_id"].get<long long>());
        const nlohmann::json show = runJson({"jobs", "show", id, "--json", "--store", store});
        QCOMPARE(show["status"].get<std::string>(), std::string("Completed"));
        QCOMPARE(show["history"].size(), std::size_t{5});
        QCOMPARE(show["history"][0]["status"].get<std::string>(), std::string("Recorded"));
        QVERIFY(show["qasm"][0].get<std::string>().rfind("OPENQASM 3.0;", 0) == 0);
        // By remote id too.
        QCOMPARE(runJson({"jobs", "show", a["job_id"].get<std::string>(), "--json", "--store", store})["local_id"],
                 a["local_id"]);

        const nlohmann::json results = runJson({"jobs", "results", id, "--raw", "--json", "--store", store});
        QCOMPARE(results["analysis"], show["analysis"]);  // offline re-analysis equals the stored one
        QCOMPARE(results["analysis"]["shots"].get<int>(), 100);
        QCOMPARE(results["results"]["results"][0]["data"]["meas"]["samples"].size(), std::size_t{100});
        const CliRun text = run({"jobs", "results", id, "--store", store});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.find("best cut") != std::string::npos);

        // The job as a bundle: written beside the results, and its analysis recomputes from the raw results.
        const std::string bundle = path("job.qwbundle");
        const nlohmann::json written = runJson({"jobs", "results", id, "--bundle", bundle, "--json", "--store", store});
        QCOMPARE(written["bundle"].get<std::string>(), bundle);
        const CliRun verify = run({"bundle", "verify", bundle});
        QVERIFY2(verify.code == 0, verify.out.c_str());
        QCOMPARE(run({"jobs", "show", id, "--bundle", bundle, "--store", store}).code, 2);  // results only

        // Cancelling a finished job changes nothing.
        QCOMPARE(runJson({"jobs", "cancel", id, "--json", "--store", store})["status"].get<std::string>(),
                 std::string("Completed"));
        const nlohmann::json del = runJson({"jobs", "delete", id, "--json", "--store", store});
        QVERIFY(del["deleted"].get<bool>());
        QCOMPARE(runJson({"jobs", "list", "--json", "--store", store})["jobs"].size(), std::size_t{1});
        QCOMPARE(run({"jobs", "show", id, "--store", store}).code, 2);
    }

    void ibmCancelDeleteAndShow()
    {
        ibmemu::IbmProtocolEmulator emu(quickEmulator());
        emu.start();
        test_support::pointCliAt(emu);
        const std::string store = path("ibm.sqlite");
        emu.holdJobsQueued(true);
        const nlohmann::json held =
            runJson({"submit", path("g5.json"), "--backend", "ibm_fez", "--shots", "50", "--json", "--store", store});
        QCOMPARE(held["status"].get<std::string>(), std::string("Queued"));
        const std::string remote = held["job_id"].get<std::string>();
        // Deleting an unfinished job on IBM is refused before asking.
        QCOMPARE(run({"jobs", "delete", remote, "--remote", "--store", store}).code, 2);
        const nlohmann::json cancelled = runJson({"jobs", "cancel", remote, "--json", "--store", store});
        emu.holdJobsQueued(false);
        QCOMPARE(cancelled["status"].get<std::string>(), std::string("Cancelled"));
        const nlohmann::json deleted = runJson({"jobs", "delete", remote, "--remote", "--json", "--store", store});
        QVERIFY(deleted["remote_deleted"].get<bool>());

        // A job left Queued by a submit without --wait is brought up to date by `show`.
        const nlohmann::json queued =
            runJson({"submit", path("g5.json"), "--backend", "ibm_fez", "--shots", "50", "--json", "--store", store});
        const std::string id = std::to_string(queued["local_id"].get<long long>());
        nlohmann::json shown;
        for (int i = 0; i < 100; ++i) {
            shown = runJson({"jobs", "show", id, "--json", "--store", store});
            if (shown["status"] == "Completed")
                break;
            QTest::qSleep(50);
        }
        QCOMPARE(shown["status"].get<std::string>(), std::string("Completed"));
        QVERIFY(shown["usage"]["final"].get<bool>());
        QVERIFY(shown["analysis"]["best_energy"].is_number());
        QCOMPARE(emu.jobsCreated(), std::size_t{2});
    }

    void resumeSettlesUnfinishedJobs()
    {
        ibmemu::IbmProtocolEmulator emu(quickEmulator());
        emu.start();
        test_support::pointCliAt(emu);
        const std::string store = path("resume.sqlite");
        std::int64_t neverSent = 0, local = 0;
        {
            engine::JobStore s(store);
            engine::JobDraft d;
            d.backend = "ibm_fez";
            neverSent = s.recordBeforeSubmit(d);
            d.provider = engine::JobProvider::Local;
            d.backend = "local:fez";
            local = s.recordBeforeSubmit(d);
            s.markSubmitting(local);
        }
        const nlohmann::json j = runJson({"jobs", "resume", "--json", "--store", store});
        QCOMPARE(j["resumed"].size(), std::size_t{2});
        for (const auto& o : j["resumed"]) {
            QCOMPARE(o["after"].get<std::string>(), std::string("Failed"));
            QCOMPARE(o["action"].get<std::string>(),
                     std::string(o["local_id"].get<std::int64_t>() == neverSent ? "not submitted" : "interrupted"));
        }
        QCOMPARE(emu.jobsCreated(), std::size_t{0});
        const CliRun again = run({"jobs", "resume", "--store", store});
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.find("no unfinished jobs") != std::string::npos);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList{} << "ACTION";
        QTest::newRow("unknown action") << QStringList{"purge"} << "purge";
        QTest::newRow("show without id") << QStringList{"show"} << "ID";
        QTest::newRow("unknown id") << QStringList{"show", "4711"} << "4711";
        QTest::newRow("list with id") << QStringList{"list", "3"} << "ID";
        QTest::newRow("remote on list") << QStringList{"list", "--remote"} << "--remote";
        QTest::newRow("resubmit on show") << QStringList{"show", "1", "--resubmit"} << "--resubmit";
        QTest::newRow("bad limit") << QStringList{"list", "--limit", "0"} << "--limit";
        QTest::newRow("too many") << QStringList{"show", "1", "2"} << "unexpected argument";
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> head{"jobs"};
        for (const QString& a : args)
            head.push_back(a.toStdString());
        head.push_back("--store");
        head.push_back(path("empty.sqlite"));
        const CliRun r = run(head);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandJobs)
#include "command_jobs.test.moc"
