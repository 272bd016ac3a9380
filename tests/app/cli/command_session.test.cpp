// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli session` and `submit --session` against the IBM protocol emulator: a batch with
// two jobs, its close and the refusal that follows, the Open plan's refusal of dedicated sessions, bad arguments.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_ibm_account.h"

#include "cli_runner.h"
#include "ibm_protocol_emulator.h"

#include "jobstore/job_store.h"

#include <QTemporaryDir>

#include <memory>

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

class TstCommandSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ibmemu::IbmProtocolEmulator> m_emu;
    std::string path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8());
        test_support::clearCliAccount();
        QCOMPARE(run({"generate", "maxcut", "--nodes", "6", "--degree", "3", "--seed", "4", "-o", path("g6.json")}).code,
                 0);
        ibmemu::EmulatorOptions o;
        o.backends = {"fez"};
        o.queuedSeconds = 0.05;
        o.runningSeconds = 0.05;
        o.jobCreationsPerMinute = 0;
        m_emu = std::make_unique<ibmemu::IbmProtocolEmulator>(o);
        m_emu->start();
    }
    void cleanup() { test_support::clearCliAccount(); }
    void cleanupTestCase() { m_emu.reset(); }

    void batchTakesTwoJobsThenRefusesOnceClosed()
    {
        test_support::pointCliAt(*m_emu);
        const std::string store = path("batch.sqlite");
        const nlohmann::json opened =
            runJson({"session", "open", "--backend", "ibm_fez", "--ttl", "900", "--json", "--store", store});
        const std::string id = opened["id"].get<std::string>();
        QVERIFY(!id.empty());
        QCOMPARE(opened["mode"].get<std::string>(), std::string("batch"));
        QCOMPARE(opened["backend"].get<std::string>(), std::string("ibm_fez"));
        QCOMPARE(opened["max_ttl"].get<int>(), 900);
        QVERIFY(opened["accepting_jobs"].get<bool>());

        std::vector<long long> localIds;
        for (int i = 0; i < 2; ++i) {
            const nlohmann::json j = runJson({"submit", path("g6.json"), "--backend", "ibm_fez", "--shots", "50",
                                              "--session", id, "--wait", "--timeout", "60", "--json", "--store",
                                              store});
            QCOMPARE(j["status"].get<std::string>(), std::string("Completed"));
            QCOMPARE(j["session_id"].get<std::string>(), id);
            localIds.push_back(j["local_id"].get<long long>());
        }
        {
            engine::JobStore s(store);
            for (long long localId : localIds)
                QCOMPARE(s.get(localId)->sessionId, id);
        }

        const nlohmann::json shown = runJson({"session", "show", id, "--json", "--store", store});
        QCOMPARE(shown["id"].get<std::string>(), id);
        QVERIFY(shown["accepting_jobs"].get<bool>());
        QCOMPARE(shown["jobs"].size(), std::size_t{2});
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(shown["jobs"][i]["local_id"].get<long long>(), localIds[i]);
            QCOMPARE(shown["jobs"][i]["status"].get<std::string>(), std::string("Completed"));
        }
        const CliRun text = run({"session", "show", id, "--store", store});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.find("batch on ibm_fez") != std::string::npos);
        QVERIFY(text.out.find("jobs in the store: 2") != std::string::npos);

        const nlohmann::json closed = runJson({"session", "close", id, "--json", "--store", store});
        QVERIFY(!closed["accepting_jobs"].get<bool>());
        QCOMPARE(closed["state"].get<std::string>(), std::string("closed"));

        // A third job into the closed batch: stored as Failed with IBM's refusal, exit status 2.
        const std::size_t created = m_emu->jobsCreated();
        const CliRun refused = run({"submit", path("g6.json"), "--backend", "ibm_fez", "--shots", "50", "--session",
                                    id, "--json", "--store", store});
        QCOMPARE(refused.code, 2);
        const nlohmann::json r = nlohmann::json::parse(refused.out);
        QCOMPARE(r["status"].get<std::string>(), std::string("Failed"));
        QVERIFY2(refused.err.find("session that has been closed") != std::string::npos, refused.err.c_str());
        QCOMPARE(m_emu->jobsCreated(), created);
        QCOMPARE(engine::JobStore(store).get(r["local_id"].get<long long>())->status, engine::JobState::Failed);
    }

    void cancelEndsTheSession()
    {
        test_support::pointCliAt(*m_emu);
        const std::string store = path("cancel.sqlite");
        const std::string id = runJson({"session", "open", "--backend", "ibm_fez", "--json", "--store", store})["id"];
        const nlohmann::json cancelled = runJson({"session", "cancel", id, "--json", "--store", store});
        QCOMPARE(cancelled["state"].get<std::string>(), std::string("closed"));
        QVERIFY(!cancelled["accepting_jobs"].get<bool>());
        QVERIFY(cancelled["jobs"].empty());
    }

    void dedicatedIsRefusedOnTheOpenPlan()
    {
        test_support::pointCliAt(*m_emu);
        const CliRun r = run({"session", "open", "--backend", "ibm_fez", "--mode", "dedicated", "--store",
                              path("dedicated.sqlite")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("1352") != std::string::npos, r.err.c_str());
        QVERIFY(r.err.find("open plan") != std::string::npos);
        QVERIFY(r.out.empty());
    }

    void localBackendsHaveNoSessions()
    {
        // No account is needed to be told so: the check comes first.
        const CliRun open = run({"session", "open", "--backend", "local:fez", "--store", path("local.sqlite")});
        QCOMPARE(open.code, 2);
        QVERIFY2(open.err.find("sessions exist only on IBM backends") != std::string::npos, open.err.c_str());
        QVERIFY(open.err.find("--backend") != std::string::npos);
        const CliRun submit = run({"submit", path("g6.json"), "--backend", "local:fez", "--session",
                                   "0f0e0d0c-0000-4000-8000-000000000000", "--store", path("local.sqlite")});
        QCOMPARE(submit.code, 2);
        QVERIFY2(submit.err.find("sessions exist only on IBM backends") != std::string::npos, submit.err.c_str());
        QVERIFY(submit.err.find("--session") != std::string::npos);
        QCOMPARE(engine::JobStore(path("local.sqlite")).count({}), std::size_t{0});
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        QTest::newRow("no action") << QStringList{} << "ACTION";
        QTest::newRow("unknown action") << QStringList{"reopen", "x"} << "ACTION";
        QTest::newRow("open with id") << QStringList{"open", "x", "--backend", "ibm_fez"} << "ID";
        QTest::newRow("open without backend") << QStringList{"open"} << "--backend";
        QTest::newRow("bad mode") << QStringList{"open", "--backend", "ibm_fez", "--mode", "shared"} << "--mode";
        QTest::newRow("ttl zero") << QStringList{"open", "--backend", "ibm_fez", "--ttl", "0"} << "--ttl";
        QTest::newRow("ttl too long") << QStringList{"open", "--backend", "ibm_fez", "--ttl", "28801"} << "--ttl";
        QTest::newRow("show without id") << QStringList{"show"} << "ID";
        QTest::newRow("mode on close") << QStringList{"close", "x", "--mode", "batch"} << "--mode";
        QTest::newRow("no account") << QStringList{"show", "x"} << "--account";
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        std::vector<std::string> head{"session"};
        for (const QString& a : args)
            head.push_back(a.toStdString());
        head.push_back("--store");
        head.push_back(path("bad.sqlite"));
        const CliRun r = run(head);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(option.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY(r.out.empty());
    }

    void unknownSessionIsAnError()
    {
        test_support::pointCliAt(*m_emu);
        const CliRun r = run({"session", "show", "no-such-session", "--store", path("unknown.sqlite")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("1212") != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandSession)
#include "command_session.test.moc"
