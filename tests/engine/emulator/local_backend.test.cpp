// SPDX-License-Identifier: MIT
// Tests of the local backend names and the device and noise they resolve to.
#include "emulator/local_backend.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>

class TstLocalBackend : public QObject {
    Q_OBJECT

private slots:
    void names()
    {
        const auto& names = engine::localBackendNames();
        for (const char* expected : {"local:fez", "local:marrakesh", "local:kingston", "local:torino",
                                     "local:brisbane", "local:sherbrooke", "local:ideal"})
            QVERIFY2(std::find(names.begin(), names.end(), expected) != names.end(), expected);
    }

    void fez()
    {
        const engine::LocalBackend b = engine::localBackend("local:fez");
        QCOMPARE(b.name, std::string("local:fez"));
        QCOMPARE(b.device.name, std::string("ibm_fez"));
        QVERIFY(!b.noise.isIdeal());
        QCOMPARE(b.noise.numQubits(), b.device.numQubits);
        // Readout flips come straight from the calibration of some qubit that has them.
        for (unsigned q = 0; q < b.device.numQubits; ++q) {
            if (std::isfinite(b.device.qubits[q].probMeas1Prep0)) {
                QCOMPARE(b.noise.readout(q).probMeas1Prep0, b.device.qubits[q].probMeas1Prep0);
                break;
            }
        }
    }

    void ideal()
    {
        const engine::LocalBackend b = engine::localBackend("local:ideal");
        QVERIFY(b.noise.isIdeal());
        QVERIFY(b.device.numQubits > 100);
    }

    void unknownNames()
    {
        for (const char* bad : {"fez", "local:", "local:FEZ", "ibm_fez", "local:grid:3x3"}) {
            try {
                (void)engine::localBackend(bad);
                QFAIL(bad);
            } catch (const engine::Error& e) {
                QCOMPARE(static_cast<int>(e.code()), static_cast<int>(engine::ErrorCode::InvalidArgument));
                QVERIFY(e.detail().find("local:ideal") != std::string::npos);
                QVERIFY(e.detail().find("local:sherbrooke") != std::string::npos);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TstLocalBackend)
#include "local_backend.test.moc"
