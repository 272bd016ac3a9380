// SPDX-License-Identifier: MIT
// Tests of backend listing: medians against a sort in the test, the calibration snapshot JSON, local listing.
#include "jobservice/backend_listing.h"

#include <QtTest>

#include "test_support.h"

#include "emulator/local_backend.h"
#include "transpile/device_catalog.h"

#include <algorithm>
#include <cmath>

using namespace engine;

namespace {

/// The obvious median: sort, take the middle (mean of the two middles for an even count).
double sortedMedian(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

class TstBackendListing : public QObject {
    Q_OBJECT

private slots:
    void mediansOfASnapshot()
    {
        const DeviceModel fez = deviceFromSpec("fez");
        std::vector<double> twoQubit, readout;
        for (const GateCalibration& g : fez.gates)
            if (g.name == fez.twoQubitGate && std::isfinite(g.error) && g.error < 1.0)
                twoQubit.push_back(g.error);
        for (const QubitCalibration& q : fez.qubits)
            if (std::isfinite(q.readoutError))
                readout.push_back(q.readoutError);
        const DeviceErrorSummary s = deviceErrorSummary(fez);
        QVERIFY(s.medianTwoQubitError && s.medianReadoutError && s.medianTwoQubitNs && s.medianReadoutNs);
        QCOMPARE(*s.medianTwoQubitError, sortedMedian(twoQubit));
        QCOMPARE(*s.medianReadoutError, sortedMedian(readout));
        QVERIFY(*s.medianTwoQubitNs > 10.0 && *s.medianTwoQubitNs < 1000.0);
    }

    void evenCountsAndMissingValues()
    {
        // A generated line without calibration, given some by hand.
        DeviceModel d = deviceFromSpec("line:4");
        const std::string cz = d.twoQubitGate;
        d.qubits[0].readoutError = 0.01;
        d.qubits[1].readoutError = 0.03;
        d.qubits[2].readoutError = 0.02;
        d.qubits[3].readoutError = 0.04;
        d.gates = {{cz, {0, 1}, 0.005, 68.0}, {cz, {1, 2}, 1.0, 68.0}, {cz, {2, 3}, 0.007, 84.0}};
        const DeviceErrorSummary s = deviceErrorSummary(d);
        QAOA_COMPARE_NEAR(*s.medianReadoutError, 0.025, 1e-15);
        QAOA_COMPARE_NEAR(*s.medianTwoQubitError, 0.006, 1e-15);  // the switched-off coupler (error 1) is left out
        QVERIFY(!s.medianSxNs);
        QVERIFY(!s.medianT1Us);
        const nlohmann::json snap = deviceSnapshotJson(d);
        QCOMPARE(snap["qubits"].size(), std::size_t{4});
        QVERIFY(snap["qubits"][0][0].is_null());  // T1 unknown
        QCOMPARE(snap["gates"][1][2].get<double>(), 1.0);
        QCOMPARE(snap["gates"][2][1], nlohmann::json({2, 3}));
    }

    void localListing()
    {
        const std::vector<BackendEntry> list = listLocalBackends();
        QCOMPARE(list.size(), localBackendNames().size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            QCOMPARE(list[i].name, localBackendNames()[i]);
            QVERIFY(isLocalBackendName(list[i].name));
            QCOMPARE(list[i].status, std::string("online"));
            QCOMPARE(list[i].queueLength, 0);
        }
        QCOMPARE(list.front().processor, std::string("Heron r2"));
        QVERIFY(!list.back().errors.medianTwoQubitError);  // local:ideal
        const nlohmann::json j = backendEntryJson(list.front());
        QCOMPARE(j["name"].get<std::string>(), std::string("local:fez"));
        QCOMPARE(j["median_2q_error"].get<double>(), *list.front().errors.medianTwoQubitError);
        QVERIFY(!isLocalBackendName("ibm_fez"));
    }
};

QTEST_APPLESS_MAIN(TstBackendListing)
#include "backend_listing.test.moc"
