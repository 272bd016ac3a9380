// SPDX-License-Identifier: MIT
// In-process tests of `qaoa-cli backends`: local backends without an account, IBM devices from the protocol
// emulator through the environment variables, a failing IBM listing as a warning, and bad usage.
#include "cli_app.h"

#include <QtTest>

#include "test_support.h"

#include "cli_ibm_account.h"

#include "cli_runner.h"
#include "ibm_protocol_emulator.h"

#include "emulator/local_backend.h"

#include <QTemporaryDir>

using test_support::CliRun;
using test_support::run;
using test_support::runJson;

class TstCommandBackends : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;


    static ibmemu::EmulatorOptions emulatorOptions()
    {
        ibmemu::EmulatorOptions o;
        o.backends = {"fez", "torino"};
        o.jobCreationsPerMinute = 0;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // No ~/.qiskit of the machine running the tests may leak in.
        qputenv("HOME", m_home.path().toUtf8());
        test_support::clearCliAccount();
    }
    void cleanup() { test_support::clearCliAccount(); }

    void localOnlyWithoutAccount()
    {
        const nlohmann::json j = runJson({"backends", "--json"});
        QVERIFY(j["ibm_account"].is_null());
        QVERIFY(j["warnings"].empty());
        QCOMPARE(j["backends"].size(), engine::localBackendNames().size());
        for (const auto& b : j["backends"]) {
            QCOMPARE(b["provider"].get<std::string>(), std::string("local"));
            QCOMPARE(b["status"].get<std::string>(), std::string("online"));
        }
        const auto& fez = j["backends"][0];
        QCOMPARE(fez["name"].get<std::string>(), std::string("local:fez"));
        QCOMPARE(fez["qubits"].get<int>(), 156);
        const double e2q = fez["median_2q_error"].get<double>();
        QVERIFY(e2q > 0.0 && e2q < 0.05);
        QVERIFY(j["backends"].back()["median_2q_error"].is_null());  // local:ideal has no calibration

        const CliRun text = run({"backends"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.find("local:ideal") != std::string::npos);
        QVERIFY(text.out.find("no IBM account") != std::string::npos);
    }

    void ibmDevicesFromTheEmulator()
    {
        ibmemu::IbmProtocolEmulator emu(emulatorOptions());
        emu.start();
        emu.setBackendStatus("ibm_torino", "paused", 7);
        test_support::pointCliAt(emu);
        const nlohmann::json j = runJson({"backends", "--json"});
        QCOMPARE(j["ibm_account"].get<std::string>(), std::string("environment"));
        QVERIFY(j["warnings"].empty());
        QCOMPARE(j["backends"].size(), engine::localBackendNames().size() + 2);
        std::map<std::string, nlohmann::json> ibm;
        for (const auto& b : j["backends"])
            if (b["provider"] == "ibm")
                ibm[b["name"].get<std::string>()] = b;
        QCOMPARE(ibm.size(), std::size_t{2});
        QCOMPARE(ibm["ibm_torino"]["status"].get<std::string>(), std::string("paused"));
        QCOMPARE(ibm["ibm_torino"]["queue_length"].get<int>(), 7);
        QCOMPARE(ibm["ibm_fez"]["qubits"].get<int>(), 156);
        // The live calibration is the fez snapshot the local backend uses: the same medians.
        QAOA_COMPARE_NEAR(ibm["ibm_fez"]["median_2q_error"].get<double>(),
                          j["backends"][0]["median_2q_error"].get<double>(), 1e-12);
        QAOA_COMPARE_NEAR(ibm["ibm_fez"]["median_readout_error"].get<double>(),
                          j["backends"][0]["median_readout_error"].get<double>(), 1e-12);

        // The --ibm-url option wins over the environment.
        qputenv("QAOA_IBM_URL", "http://127.0.0.1:9/api/v1");
        const nlohmann::json k = runJson({"backends", "--json", "--ibm-url", emu.apiBaseUrl()});
        QCOMPARE(k["backends"].size(), engine::localBackendNames().size() + 2);
    }

    void ibmFailureIsAWarning()
    {
        ibmemu::IbmProtocolEmulator emu(emulatorOptions());
        emu.start();
        test_support::pointCliAt(emu);
        ibmemu::FaultRule denied;
        denied.method = "GET";
        denied.pathPrefix = "/api/v1/backends";
        denied.status = 403;
        denied.count = -1;
        emu.addFault(denied);
        const CliRun r = run({"backends", "--json"});
        QCOMPARE(r.code, 0);
        const nlohmann::json j = nlohmann::json::parse(r.out);
        QCOMPARE(j["backends"].size(), engine::localBackendNames().size());
        QCOMPARE(j["warnings"].size(), std::size_t{1});
        QVERIFY(j["warnings"][0].get<std::string>().find("403") != std::string::npos);
        const CliRun text = run({"backends"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.find("warning: IBM backends unavailable") != std::string::npos);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("positional") << QStringList{"extra"} << "extra";
        QTest::newRow("unknown option") << QStringList{"--fast"} << "--fast";
        QTest::newRow("missing account") << QStringList{"--account", "nobody"} << "--account";
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = run({"backends"}, args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TstCommandBackends)
#include "command_backends.test.moc"
