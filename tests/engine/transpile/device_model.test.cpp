// SPDX-License-Identifier: MIT
// Tests of the device model: the six IBM snapshots against facts recomputed from their JSON, units, broken documents.
#include "transpile/device_model.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

using namespace engine;
using nlohmann::json;

namespace {

json readJson(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    return json::parse(in);
}

json snapshotConfiguration(const QString& name)
{
    const std::string n = name.toStdString();
    return readJson(test_support::sharedPath(std::string("ibm-backends/") + n + "/conf_" + n + ".json"));
}

json snapshotProperties(const QString& name)
{
    const std::string n = name.toStdString();
    return readJson(test_support::sharedPath(std::string("ibm-backends/") + n + "/props_" + n + ".json"));
}

double median(std::vector<double> values)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size() / 2;
    return values.size() % 2 == 1 ? values[m] : 0.5 * (values[m - 1] + values[m]);
}

// True when `value` rounds to `quoted` written with `digits` significant digits (the README's precision).
bool roundsTo(double value, double quoted, int digits)
{
    const double exponent = std::floor(std::log10(std::abs(quoted)));
    const double halfStep = 0.5 * std::pow(10.0, exponent - (digits - 1));
    return std::abs(value - quoted) <= halfStep * (1.0 + 1e-9);
}

// The value of parameter `name` of a gate entry straight from the JSON, or NaN.
double gateParameter(const json& gate, const char* name)
{
    for (const json& p : gate["parameters"]) {
        if (p["name"] == name)
            return p["value"].get<double>();
    }
    return std::nan("");
}

// The values of qubit property `name` of every qubit straight from the JSON (absent entries skipped).
std::vector<double> qubitProperty(const json& props, const char* name)
{
    std::vector<double> values;
    for (const json& qubit : props["qubits"]) {
        for (const json& entry : qubit) {
            if (entry["name"] == name)
                values.push_back(entry["value"].get<double>());
        }
    }
    return values;
}

// A small valid pair of documents in the IBM layout: 3 qubits in a line, cz both ways, coupler {1, 2} unusable.
json smallConfiguration()
{
    return json::parse(R"({"backend_name": "test_backend", "n_qubits": 3,
        "basis_gates": ["cz", "id", "rz", "sx", "x"], "coupling_map": [[0, 1], [1, 0], [1, 2], [2, 1]],
        "processor_type": {"family": "Heron", "revision": "2"}, "dt": 0.5, "unknown_field": {"x": 1}})");
}

json smallProperties()
{
    json props = json::parse(R"({"backend_name": "test_backend", "last_update_date": "2025-01-02T03:04:05Z",
        "qubits": [], "general": [], "gates": [
        {"gate": "cz", "qubits": [0, 1], "name": "cz0_1", "parameters": [
            {"name": "gate_error", "unit": "", "value": 0.003}, {"name": "gate_length", "unit": "ns", "value": 68}]},
        {"gate": "cz", "qubits": [1, 0], "name": "cz1_0", "parameters": [
            {"name": "gate_error", "unit": "", "value": 0.003}, {"name": "gate_length", "unit": "ns", "value": 68}]},
        {"gate": "cz", "qubits": [1, 2], "name": "cz1_2", "parameters": [
            {"name": "gate_error", "unit": "", "value": 1}, {"name": "gate_length", "unit": "ns", "value": 68}]},
        {"gate": "cz", "qubits": [2, 1], "name": "cz2_1", "parameters": [
            {"name": "gate_error", "unit": "", "value": 1}, {"name": "gate_length", "unit": "ns", "value": 68}]},
        {"gate": "sx", "qubits": [0], "name": "sx0", "parameters": [
            {"name": "gate_error", "unit": "", "value": 0.0002}, {"name": "gate_length", "unit": "ns", "value": 32}]},
        {"gate": "reset", "qubits": [2], "name": "reset2", "parameters": [
            {"name": "gate_length", "unit": "ns", "value": 1200}]}]})");
    for (int q = 0; q < 3; ++q) {
        props["qubits"].push_back(json::array({
            {{"name", "T1"}, {"unit", "us"}, {"value", 100.0 + q}},
            {{"name", "T2"}, {"unit", "us"}, {"value", 80.0 + q}},
            {{"name", "readout_error"}, {"unit", ""}, {"value", 0.01 * (q + 1)}},
            {{"name", "prob_meas0_prep1"}, {"unit", ""}, {"value", 0.012}},
            {{"name", "prob_meas1_prep0"}, {"unit", ""}, {"value", 0.008}},
            {{"name", "readout_length"}, {"unit", "ns"}, {"value", 1560}},
            {{"name", "frequency"}, {"unit", "GHz"}, {"value", 4.9}},
        }));
    }
    return props;
}

std::set<std::pair<unsigned, unsigned>> undirected(const std::vector<std::pair<unsigned, unsigned>>& map)
{
    std::set<std::pair<unsigned, unsigned>> out;
    for (const auto& [a, b] : map)
        out.emplace(std::min(a, b), std::max(a, b));
    return out;
}

} // namespace

class TstDeviceModel : public QObject {
    Q_OBJECT

private slots:
    void snapshots_data();
    void snapshots();
    void usableCouplersLeaveOutErrorOne_data();
    void usableCouplersLeaveOutErrorOne();
    void gateQueries();
    void smallDocument();
    void nullPropertiesGiveNoCalibration();
    void timeUnits_data();
    void timeUnits();
    void operationalMarkers();
    void brokenDocuments_data();
    void brokenDocuments();
    void placesForSeparateDocuments();
    void validateRejectsInconsistentModels_data();
    void validateRejectsInconsistentModels();
};

void TstDeviceModel::snapshots_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("revision");
    QTest::addColumn<unsigned>("qubits");
    QTest::addColumn<int>("directed");
    QTest::addColumn<int>("couplers");
    QTest::addColumn<QString>("gate2q");
    QTest::addColumn<double>("median2q");
    QTest::addColumn<double>("medianReadout");
    QTest::addColumn<double>("medianSx");
    QTest::addColumn<double>("medianT1");
    QTest::addColumn<double>("medianT2");
    QTest::addColumn<double>("medianLength2q");
    QTest::addColumn<QString>("date");
    // Figures quoted in shared/ibm-backends/README.md (errors to 3 significant digits, times to whole units).
    QTest::newRow("fez") << "fez" << "Heron" << 2 << 156u << 352 << 176 << "cz" << 3.90e-3 << 7.57e-3 << 2.29e-4
                         << 145.0 << 88.0 << 84.0 << "2025-02-26T15:16:25-05:00";
    QTest::newRow("marrakesh") << "marrakesh" << "Heron" << 2 << 156u << 352 << 176 << "cz" << 3.29e-3 << 9.52e-3
                               << 2.30e-4 << 197.0 << 118.0 << 68.0 << "2025-02-26T14:52:45-05:00";
    QTest::newRow("kingston") << "kingston" << "Heron" << 2 << 156u << 352 << 176 << "cz" << 1.83e-3 << 9.52e-3
                              << 2.36e-4 << 283.0 << 144.0 << 68.0 << "2026-04-15T09:15:15+02:00";
    QTest::newRow("torino") << "torino" << "Heron" << 1 << 133u << 300 << 150 << "cz" << 4.19e-3 << 2.29e-2
                            << 2.71e-4 << 185.0 << 141.0 << 68.0 << "2025-02-26T15:26:08-05:00";
    QTest::newRow("brisbane") << "brisbane" << "Eagle" << 3 << 127u << 144 << 144 << "ecr" << 7.72e-3 << 2.00e-2
                              << 2.43e-4 << 232.0 << 150.0 << 660.0 << "2025-02-26T14:33:06-05:00";
    QTest::newRow("sherbrooke") << "sherbrooke" << "Eagle" << 3 << 127u << 144 << 144 << "ecr" << 7.79e-3
                                << 1.98e-2 << 2.36e-4 << 278.0 << 170.0 << 533.0 << "2025-02-26T14:43:10-05:00";
}

void TstDeviceModel::snapshots()
{
    QFETCH(QString, name);
    QFETCH(QString, family);
    QFETCH(int, revision);
    QFETCH(unsigned, qubits);
    QFETCH(int, directed);
    QFETCH(int, couplers);
    QFETCH(QString, gate2q);
    QFETCH(double, median2q);
    QFETCH(double, medianReadout);
    QFETCH(double, medianSx);
    QFETCH(double, medianT1);
    QFETCH(double, medianT2);
    QFETCH(double, medianLength2q);
    QFETCH(QString, date);

    const json conf = snapshotConfiguration(name);
    const json props = snapshotProperties(name);
    const DeviceModel device = deviceFromIbmJson(conf, props, name.toStdString());

    QCOMPARE(QString::fromStdString(device.name), "ibm_" + name);
    QCOMPARE(QString::fromStdString(device.family), family);
    QCOMPARE(device.revision, revision);
    QCOMPARE(device.numQubits, qubits);
    QCOMPARE(device.qubits.size(), std::size_t{qubits});
    QCOMPARE(QString::fromStdString(device.twoQubitGate), gate2q);
    QCOMPARE(device.directedTwoQubitGate, gate2q == "ecr");
    QCOMPARE(device.supportsFractionalRzz, family == "Heron");
    QCOMPARE(QString::fromStdString(device.calibrationDate), date);
    QCOMPARE(device.basisGates, conf["basis_gates"].get<std::vector<std::string>>());
    QCOMPARE(device.dtNs, conf["dt"].get<double>());
    QVERIFY(device.positions.empty());
    QVERIFY(device.snakePath.empty());

    // The coupling map exactly as listed, and its undirected size.
    QCOMPARE(int(device.couplingMap.size()), directed);
    for (std::size_t i = 0; i < device.couplingMap.size(); ++i) {
        QCOMPARE(device.couplingMap[i].first, conf["coupling_map"][i][0].get<unsigned>());
        QCOMPARE(device.couplingMap[i].second, conf["coupling_map"][i][1].get<unsigned>());
    }
    QCOMPARE(int(device.couplingGraph(false).couplers().size()), couplers);
    QCOMPARE(int(undirected(device.couplingMap).size()), couplers);

    // Medians computed here straight from the JSON, from the model, and as the README quotes them.
    std::vector<double> json2q;
    std::vector<double> jsonLength2q;
    std::vector<double> jsonSx;
    for (const json& gate : props["gates"]) {
        if (gate["gate"] == gate2q.toStdString()) {
            json2q.push_back(gateParameter(gate, "gate_error"));
            jsonLength2q.push_back(gateParameter(gate, "gate_length"));
        } else if (gate["gate"] == "sx") {
            jsonSx.push_back(gateParameter(gate, "gate_error"));
        }
    }
    std::vector<double> model2q;
    std::vector<double> modelLength2q;
    std::vector<double> modelSx;
    for (const GateCalibration& gate : device.gates) {
        if (gate.name == device.twoQubitGate) {
            model2q.push_back(gate.error);
            modelLength2q.push_back(gate.lengthNs);
        } else if (gate.name == "sx") {
            modelSx.push_back(gate.error);
        }
    }
    QCOMPARE(model2q.size(), json2q.size());
    QCOMPARE(model2q.size(), std::size_t(directed)); // one calibration per listed direction
    QCOMPARE(median(model2q), median(json2q));
    QVERIFY2(roundsTo(median(model2q), median2q, 3), qPrintable(QString::number(median(model2q))));
    QCOMPARE(median(modelLength2q), median(jsonLength2q));
    QVERIFY2(roundsTo(median(modelLength2q), medianLength2q, 3), qPrintable(QString::number(median(modelLength2q))));
    QCOMPARE(median(modelSx), median(jsonSx));
    QVERIFY2(roundsTo(median(modelSx), medianSx, 3), qPrintable(QString::number(median(modelSx))));

    std::vector<double> modelReadout;
    std::vector<double> modelT1;
    std::vector<double> modelT2;
    for (const QubitCalibration& q : device.qubits) {
        modelReadout.push_back(q.readoutError);
        if (!std::isnan(q.t1Us))
            modelT1.push_back(q.t1Us);
        if (!std::isnan(q.t2Us))
            modelT2.push_back(q.t2Us);
        QVERIFY(q.operational);
    }
    QCOMPARE(median(modelReadout), median(qubitProperty(props, "readout_error")));
    QVERIFY2(roundsTo(median(modelReadout), medianReadout, 3), qPrintable(QString::number(median(modelReadout))));
    // All snapshot times are in us already, so the conversion must leave them bit for bit.
    QCOMPARE(modelT1.size(), qubitProperty(props, "T1").size());
    QCOMPARE(median(modelT1), median(qubitProperty(props, "T1")));
    QVERIFY(std::abs(median(modelT1) - medianT1) <= 0.5);
    QCOMPARE(median(modelT2), median(qubitProperty(props, "T2")));
    QVERIFY(std::abs(median(modelT2) - medianT2) <= 0.5);
    // kingston has one qubit without T1/T2 (155 values); the model keeps it as NaN.
    QCOMPARE(int(modelT1.size()), name == "kingston" ? 155 : int(qubits));

    // Per-qubit values in order, for every qubit.
    const std::vector<double> readoutLengths = qubitProperty(props, "readout_length");
    const std::vector<double> p01 = qubitProperty(props, "prob_meas0_prep1");
    QCOMPARE(readoutLengths.size(), std::size_t{qubits});
    for (unsigned q = 0; q < qubits; ++q) {
        QCOMPARE(device.qubits[q].readoutLengthNs, readoutLengths[q]);
        QCOMPARE(device.qubits[q].probMeas0Prep1, p01[q]);
    }
    device.validate();
}

void TstDeviceModel::usableCouplersLeaveOutErrorOne_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("unusable");
    QTest::addColumn<double>("medianWithout");
    // README: couplers with error = 1, and the median 2q error without those entries.
    QTest::newRow("fez") << "fez" << 7 << 3.82e-3;
    QTest::newRow("marrakesh") << "marrakesh" << 13 << 3.23e-3;
    QTest::newRow("kingston") << "kingston" << 7 << 1.80e-3;
    QTest::newRow("torino") << "torino" << 11 << 4.08e-3;
    QTest::newRow("brisbane") << "brisbane" << 1 << 7.68e-3;
    QTest::newRow("sherbrooke") << "sherbrooke" << 9 << 7.50e-3;
}

void TstDeviceModel::usableCouplersLeaveOutErrorOne()
{
    QFETCH(QString, name);
    QFETCH(int, unusable);
    QFETCH(double, medianWithout);
    const json conf = snapshotConfiguration(name);
    const json props = snapshotProperties(name);
    const DeviceModel device = deviceFromIbmJson(conf, props);
    const CouplingGraph all = device.couplingGraph(false);
    const CouplingGraph usable = device.couplingGraph();
    QCOMPARE(int(all.couplers().size() - usable.couplers().size()), unusable);

    // Reference straight from the JSON: a coupler is unusable when every listed entry of it has error >= 1.
    const std::string gate2q = device.twoQubitGate;
    std::map<std::pair<unsigned, unsigned>, std::pair<int, int>> listedAndBad;
    std::vector<double> goodErrors;
    for (const json& gate : props["gates"]) {
        if (gate["gate"] != gate2q)
            continue;
        const unsigned a = gate["qubits"][0];
        const unsigned b = gate["qubits"][1];
        auto& counts = listedAndBad[{std::min(a, b), std::max(a, b)}];
        ++counts.first;
        const double error = gateParameter(gate, "gate_error");
        if (error >= 1.0)
            ++counts.second;
        else
            goodErrors.push_back(error);
    }
    for (const Coupler& c : all.couplers()) {
        const auto& counts = listedAndBad.at({c.a, c.b});
        QCOMPARE(usable.areCoupled(c.a, c.b), counts.second < counts.first);
    }
    QVERIFY(roundsTo(median(goodErrors), medianWithout, 3));
}

void TstDeviceModel::gateQueries()
{
    // Eagle: ECR is calibrated in the listed direction only.
    const json brisbaneProps = snapshotProperties("brisbane");
    const DeviceModel brisbane = deviceFromIbmJson(snapshotConfiguration("brisbane"), brisbaneProps);
    const std::set<std::pair<unsigned, unsigned>> listed = [&] {
        std::set<std::pair<unsigned, unsigned>> out;
        for (const auto& pair : brisbane.couplingMap)
            out.insert(pair);
        return out;
    }();
    int checked = 0;
    for (const json& gate : brisbaneProps["gates"]) {
        if (gate["gate"] != "ecr")
            continue;
        const unsigned a = gate["qubits"][0];
        const unsigned b = gate["qubits"][1];
        QVERIFY(listed.count({b, a}) == 0);
        QCOMPARE(brisbane.gateError("ecr", {a, b}).value(), gateParameter(gate, "gate_error"));
        QCOMPARE(brisbane.gateLengthNs("ecr", {a, b}).value(), gateParameter(gate, "gate_length"));
        QVERIFY(!brisbane.gateError("ecr", {b, a}).has_value());
        QCOMPARE(brisbane.twoQubitError(a, b).value(), gateParameter(gate, "gate_error"));
        QCOMPARE(brisbane.twoQubitError(b, a).value(), gateParameter(gate, "gate_error"));
        ++checked;
    }
    QCOMPARE(checked, 144);
    QVERIFY(!brisbane.twoQubitError(0, 5).has_value());

    // Heron: cz is symmetric, single-qubit gates by qubit, entries without an error give only a length.
    const json fezProps = snapshotProperties("fez");
    const DeviceModel fez = deviceFromIbmJson(snapshotConfiguration("fez"), fezProps);
    for (const json& gate : fezProps["gates"]) {
        const std::string name = gate["gate"];
        const std::vector<unsigned> qubits = gate["qubits"];
        const double error = gateParameter(gate, "gate_error");
        if (std::isnan(error))
            QVERIFY(!fez.gateError(name, qubits).has_value());
        else
            QCOMPARE(fez.gateError(name, qubits).value(), error);
        QCOMPARE(fez.gateLengthNs(name, qubits).value(), gateParameter(gate, "gate_length"));
        if (name == "cz") {
            QCOMPARE(fez.gateError("cz", {qubits[1], qubits[0]}).value(), error);
            QCOMPARE(fez.twoQubitError(qubits[1], qubits[0]).value(), error);
        }
    }
    QVERIFY(!fez.gateError("measure", {0}).has_value());
    QVERIFY(fez.gateLengthNs("reset", {0}).has_value());
    QVERIFY(!fez.gateError("reset", {0}).has_value());
    QVERIFY(!fez.gateError("sx", {0, 1}).has_value());
    QVERIFY(!fez.gateError("cz", {0, 2}).has_value());
}

void TstDeviceModel::smallDocument()
{
    const DeviceModel device = deviceFromIbmJson(smallConfiguration(), smallProperties());
    QCOMPARE(device.name, std::string("test_backend"));
    QCOMPARE(device.revision, 2);
    QCOMPARE(device.dtNs, 0.5);
    QCOMPARE(device.twoQubitGate, std::string("cz"));
    QCOMPARE(device.calibrationDate, std::string("2025-01-02T03:04:05Z"));
    QVERIFY(!device.supportsFractionalRzz);
    QCOMPARE(device.gates.size(), std::size_t{6});
    QCOMPARE(device.qubits[2].t1Us, 102.0);
    QCOMPARE(device.qubits[1].t2Us, 81.0);
    QCOMPARE(device.qubits[1].readoutError, 0.02);
    QCOMPARE(device.qubits[0].probMeas1Prep0, 0.008);
    QCOMPARE(device.gateLengthNs("reset", {2}).value(), 1200.0);
    QCOMPARE(device.couplingGraph(false).couplers().size(), std::size_t{2});
    QCOMPARE(device.couplingGraph().couplers().size(), std::size_t{1});

    // A coupler stays usable while one listed direction has error < 1.
    json props = smallProperties();
    props["gates"][3]["parameters"][0]["value"] = 0.02;
    QCOMPARE(deviceFromIbmJson(smallConfiguration(), props).couplingGraph().couplers().size(), std::size_t{2});

    // The two-qubit gate: ecr before cz before the cx fallback.
    json conf = smallConfiguration();
    conf["basis_gates"] = {"ecr", "cz", "rz"};
    DeviceModel ecr = deviceFromIbmJson(conf, nullptr);
    QCOMPARE(ecr.twoQubitGate, std::string("ecr"));
    QVERIFY(ecr.directedTwoQubitGate);
    conf["basis_gates"] = {"rz", "sx"};
    QCOMPARE(deviceFromIbmJson(conf, nullptr).twoQubitGate, std::string("cx"));
    QVERIFY(!deviceFromIbmJson(conf, nullptr).directedTwoQubitGate);

    // Revisions arrive as strings (Heron) or integers (Eagle).
    conf = smallConfiguration();
    conf["processor_type"]["revision"] = 3;
    QCOMPARE(deviceFromIbmJson(conf, nullptr).revision, 3);
    conf["processor_type"]["revision"] = "r?";
    QCOMPARE(deviceFromIbmJson(conf, nullptr).revision, 0);

    props = smallProperties();
    props["gates"].push_back(json::parse(R"({"gate": "rzz", "qubits": [0, 1], "parameters": []})"));
    QVERIFY(deviceFromIbmJson(smallConfiguration(), props).supportsFractionalRzz);
}

void TstDeviceModel::nullPropertiesGiveNoCalibration()
{
    const DeviceModel device = deviceFromIbmJson(smallConfiguration(), nullptr);
    QCOMPARE(device.qubits.size(), std::size_t{3});
    for (const QubitCalibration& q : device.qubits) {
        QVERIFY(std::isnan(q.t1Us));
        QVERIFY(std::isnan(q.readoutError));
        QVERIFY(q.operational);
    }
    QVERIFY(device.gates.empty());
    QVERIFY(device.calibrationDate.empty());
    QVERIFY(!device.twoQubitError(0, 1).has_value());
    QCOMPARE(device.couplingGraph().couplers().size(), std::size_t{2}); // nothing calibrated, nothing left out
}

void TstDeviceModel::timeUnits_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("withUnit");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");
    QTest::newRow("T1 s") << "T1" << "s" << true << 1e-4 << 100.0;
    QTest::newRow("T1 ms") << "T1" << "ms" << true << 0.25 << 250.0;
    QTest::newRow("T1 us") << "T1" << "us" << true << 42.0 << 42.0;
    QTest::newRow("T1 micro sign") << "T1" << QString::fromUtf8("\xc2\xb5s") << true << 42.0 << 42.0;
    QTest::newRow("T1 greek mu") << "T1" << QString::fromUtf8("\xce\xbcs") << true << 42.0 << 42.0;
    QTest::newRow("T1 ns") << "T1" << "ns" << true << 42000.0 << 42.0;
    QTest::newRow("T1 empty unit") << "T1" << "" << true << 42.0 << 42.0;
    QTest::newRow("T1 no unit") << "T1" << "" << false << 42.0 << 42.0;
    QTest::newRow("T2 s") << "T2" << "s" << true << 2e-4 << 200.0;
    QTest::newRow("readout_length us") << "readout_length" << "us" << true << 1.5 << 1500.0;
    QTest::newRow("readout_length s") << "readout_length" << "s" << true << 2e-6 << 2000.0;
    QTest::newRow("readout_length ns") << "readout_length" << "ns" << true << 1560.0 << 1560.0;
    QTest::newRow("gate_length us") << "gate_length" << "us" << true << 0.068 << 68.0;
    QTest::newRow("gate_length ps") << "gate_length" << "ps" << true << 68000.0 << 68.0;
    QTest::newRow("gate_length ms") << "gate_length" << "ms" << true << 1e-4 << 100.0;
}

void TstDeviceModel::timeUnits()
{
    QFETCH(QString, field);
    QFETCH(QString, unit);
    QFETCH(bool, withUnit);
    QFETCH(double, value);
    QFETCH(double, expected);
    json props = smallProperties();
    json entry = {{"name", field.toStdString()}, {"value", value}};
    if (withUnit)
        entry["unit"] = unit.toStdString();
    double actual = 0.0;
    if (field == "gate_length") {
        props["gates"][4]["parameters"][1] = entry;
        actual = deviceFromIbmJson(smallConfiguration(), props).gateLengthNs("sx", {0}).value();
    } else {
        const int index = field == "T1" ? 0 : field == "T2" ? 1 : 5;
        props["qubits"][1][index] = entry;
        const QubitCalibration q = deviceFromIbmJson(smallConfiguration(), props).qubits[1];
        actual = field == "T1" ? q.t1Us : field == "T2" ? q.t2Us : q.readoutLengthNs;
    }
    // Relative 1e-12: a unit change costs at most a couple of roundings.
    QVERIFY2(std::abs(actual - expected) <= 1e-12 * expected, qPrintable(QString::number(actual, 'g', 17)));
}

void TstDeviceModel::operationalMarkers()
{
    json props = smallProperties();
    props["qubits"][0].push_back({{"name", "operational"}, {"value", 0}});
    props["qubits"][2].push_back({{"name", "operational"}, {"value", true}});
    DeviceModel device = deviceFromIbmJson(smallConfiguration(), props);
    QVERIFY(!device.qubits[0].operational);
    QVERIFY(device.qubits[1].operational);
    QVERIFY(device.qubits[2].operational);
    QCOMPARE(device.couplingGraph(false).couplers().size(), std::size_t{2});
    QVERIFY(device.couplingGraph().couplers().empty()); // {0,1} touches a faulty qubit, {1,2} has error 1

    // A gate marked non-operational counts as error 1; a marked operational one keeps its error.
    props = smallProperties();
    props["gates"][0]["parameters"].push_back({{"name", "operational"}, {"value", false}});
    props["gates"][4]["parameters"].push_back({{"name", "operational"}, {"value", 1}});
    device = deviceFromIbmJson(smallConfiguration(), props);
    QCOMPARE(device.gateError("cz", {0, 1}).value(), 1.0);
    QCOMPARE(device.gateError("cz", {1, 0}).value(), 0.003);
    QCOMPARE(device.gateError("sx", {0}).value(), 0.0002);
    QCOMPARE(device.couplingGraph().couplers().size(), std::size_t{1}); // {1,0} is still usable
    props["gates"][1]["parameters"].push_back({{"name", "operational"}, {"value", 0}});
    QVERIFY(deviceFromIbmJson(smallConfiguration(), props).couplingGraph().couplers().empty());
}

void TstDeviceModel::brokenDocuments_data()
{
    QTest::addColumn<bool>("inProperties");
    QTest::addColumn<bool>("erase");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("where");
    const int invalid = int(ErrorCode::InvalidInput);
    const auto conf = [](const char* tag, bool erase, const char* pointer, const char* value, int code,
                         const char* where) {
        QTest::newRow(tag) << false << erase << pointer << value << code << QString("backend:") + where;
    };
    const auto props = [](const char* tag, bool erase, const char* pointer, const char* value, int code,
                          const char* where) {
        QTest::newRow(tag) << true << erase << pointer << value << code << QString("backend/properties") + where;
    };
    conf("missing n_qubits", true, "/n_qubits", "", invalid, "/n_qubits");
    conf("n_qubits string", false, "/n_qubits", R"("3")", invalid, "/n_qubits");
    conf("n_qubits negative", false, "/n_qubits", "-2", invalid, "/n_qubits");
    conf("n_qubits fraction", false, "/n_qubits", "2.5", invalid, "/n_qubits");
    conf("n_qubits zero", false, "/n_qubits", "0", invalid, "/n_qubits");
    conf("n_qubits huge", false, "/n_qubits", "5000", int(ErrorCode::LimitExceeded), "/n_qubits");
    conf("missing basis_gates", true, "/basis_gates", "", invalid, "/basis_gates");
    conf("basis gate number", false, "/basis_gates/1", "7", invalid, "/basis_gates/1");
    conf("missing coupling_map", true, "/coupling_map", "", invalid, "/coupling_map");
    conf("coupling_map object", false, "/coupling_map", "{}", invalid, "/coupling_map");
    conf("coupling pair out of range", false, "/coupling_map/2", "[1, 3]", invalid, "/coupling_map/2/1");
    conf("coupling pair negative", false, "/coupling_map/1/0", "-1", invalid, "/coupling_map/1/0");
    conf("coupling pair short", false, "/coupling_map/0", "[0]", invalid, "/coupling_map/0");
    conf("coupling self-loop", false, "/coupling_map/0", "[1, 1]", invalid, "/coupling_map/0");
    conf("coupling qubit string", false, "/coupling_map/3/0", R"("2")", invalid, "/coupling_map/3/0");
    conf("backend_name number", false, "/backend_name", "4", invalid, "/backend_name");
    conf("family array", false, "/processor_type/family", "[]", invalid, "/processor_type/family");
    conf("processor_type string", false, "/processor_type", R"("Heron")", invalid, "/processor_type");
    conf("revision bool", false, "/processor_type/revision", "true", invalid, "/processor_type/revision");
    conf("dt string", false, "/dt", R"("0.5")", invalid, "/dt");
    QTest::newRow("configuration array") << false << false << "" << "[]" << invalid << "backend";
    props("qubits object", false, "/qubits", "{}", invalid, ":/qubits");
    props("qubit count mismatch", true, "/qubits/2", "", invalid, ":/qubits");
    props("qubit not a list", false, "/qubits/1", "{}", invalid, ":/qubits/1");
    props("T1 string", false, "/qubits/1/0/value", R"("long")", invalid, ":/qubits/1/0/value");
    props("T1 bool", false, "/qubits/0/0/value", "true", invalid, ":/qubits/0/0/value");
    props("T1 missing value", true, "/qubits/0/0/value", "", invalid, ":/qubits/0/0/value");
    props("T2 negative", false, "/qubits/2/1/value", "-3", invalid, ":/qubits/2/1/value");
    props("readout error above 1", false, "/qubits/0/2/value", "1.5", invalid, ":/qubits/0/2/value");
    props("prob_meas negative", false, "/qubits/1/3/value", "-0.1", invalid, ":/qubits/1/3/value");
    props("unknown unit", false, "/qubits/0/0/unit", R"("fortnights")", invalid, ":/qubits/0/0/unit");
    props("unit number", false, "/qubits/0/5/unit", "9", invalid, ":/qubits/0/5/unit");
    props("entry without name", true, "/qubits/0/1/name", "", invalid, ":/qubits/0/1/name");
    props("gates object", false, "/gates", "{}", invalid, ":/gates");
    props("gate qubit out of range", false, "/gates/0/qubits/1", "3", invalid, ":/gates/0/qubits/1");
    props("gate without qubits", false, "/gates/0/qubits", "[]", invalid, ":/gates/0/qubits");
    props("gate qubit twice", false, "/gates/0/qubits", "[1, 1]", invalid, ":/gates/0/qubits/1");
    props("gate without name", true, "/gates/1/gate", "", invalid, ":/gates/1/gate");
    props("gate error negative", false, "/gates/0/parameters/0/value", "-0.1", invalid,
          ":/gates/0/parameters/0/value");
    props("gate error string", false, "/gates/2/parameters/0/value", R"("1")", invalid,
          ":/gates/2/parameters/0/value");
    props("gate length unit", false, "/gates/4/parameters/1/unit", R"("cycles")", invalid,
          ":/gates/4/parameters/1/unit");
    props("parameters string", false, "/gates/0/parameters", R"("x")", invalid, ":/gates/0/parameters");
    props("operational string", false, "/qubits/0/6", R"({"name": "operational", "value": "yes"})", invalid,
          ":/qubits/0/6/value");
    props("date number", false, "/last_update_date", "20250101", invalid, ":/last_update_date");
    props("properties array", false, "", "[]", invalid, "");
}

void TstDeviceModel::brokenDocuments()
{
    QFETCH(bool, inProperties);
    QFETCH(bool, erase);
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(int, code);
    QFETCH(QString, where);
    json conf = smallConfiguration();
    json props = smallProperties();
    json& doc = inProperties ? props : conf;
    const json::json_pointer target(pointer.toStdString());
    if (erase) {
        json& parent = doc.at(target.parent_pointer());
        if (parent.is_array())
            parent.erase(std::stoul(target.back()));
        else
            parent.erase(target.back());
    }
    else
        doc[target] = json::parse(value.toStdString());
    try {
        deviceFromIbmJson(conf, props);
        QFAIL("a broken document was accepted");
    } catch (const Error& e) {
        QCOMPARE(int(e.code()), code);
        QCOMPARE(QString::fromStdString(e.where()), where);
        QVERIFY(!e.detail().empty());
    }
}

void TstDeviceModel::placesForSeparateDocuments()
{
    json conf = smallConfiguration();
    conf["coupling_map"][1][1] = 9;
    try {
        deviceFromIbmJson(conf, smallProperties(), "conf.json", "props.json");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.where(), std::string("conf.json:/coupling_map/1/1"));
    }
    json props = smallProperties();
    props["gates"][5]["qubits"][0] = 17;
    try {
        deviceFromIbmJson(smallConfiguration(), props, "conf.json", "props.json");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.where(), std::string("props.json:/gates/5/qubits/0"));
    }
}

void TstDeviceModel::validateRejectsInconsistentModels_data()
{
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QString>("where");
    QTest::newRow("too many qubits") << 0 << "numQubits";
    QTest::newRow("calibration count") << 1 << "qubits";
    QTest::newRow("position count") << 2 << "positions";
    QTest::newRow("no two-qubit gate") << 3 << "twoQubitGate";
    QTest::newRow("coupler out of range") << 4 << "couplingMap[4]";
    QTest::newRow("coupler self-loop") << 5 << "couplingMap[0]";
    QTest::newRow("readout error") << 6 << "qubits[1].readoutError";
    QTest::newRow("negative T1") << 7 << "qubits[2].t1Us";
    QTest::newRow("gate error") << 8 << "gates[0].error";
    QTest::newRow("gate qubit") << 9 << "gates[5].qubits";
    QTest::newRow("snake not coupled") << 10 << "snakePath[1]";
    QTest::newRow("snake revisits") << 11 << "snakePath[2]";
    QTest::newRow("negative gate length") << 12 << "gates[4].lengthNs";
}

void TstDeviceModel::validateRejectsInconsistentModels()
{
    QFETCH(int, mutation);
    QFETCH(QString, where);
    DeviceModel device = deviceFromIbmJson(smallConfiguration(), smallProperties());
    device.validate();
    switch (mutation) {
    case 0: device.numQubits = MAX_DEVICE_QUBITS + 1; break;
    case 1: device.qubits.pop_back(); break;
    case 2: device.positions.resize(2); break;
    case 3: device.twoQubitGate.clear(); break;
    case 4: device.couplingMap.emplace_back(0, 7); break;
    case 5: device.couplingMap[0] = {1, 1}; break;
    case 6: device.qubits[1].readoutError = 1.5; break;
    case 7: device.qubits[2].t1Us = -1.0; break;
    case 8: device.gates[0].error = 2.0; break;
    case 9: device.gates[5].qubits = {9}; break;
    case 10: device.snakePath = {0, 2}; break;
    case 11: device.snakePath = {0, 1, 0}; break;
    case 12: device.gates[4].lengthNs = -5.0; break;
    default: QFAIL("unknown mutation");
    }
    try {
        device.validate();
        QFAIL("an inconsistent model passed");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(QString::fromStdString(e.where()), where);
    }
}

QTEST_APPLESS_MAIN(TstDeviceModel)
#include "device_model.test.moc"
