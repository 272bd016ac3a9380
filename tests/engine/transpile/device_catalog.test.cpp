// SPDX-License-Identifier: MIT
// Tests of the device catalog: specs, shipped snapshots, file loading, resource-directory switching, the cache.
#include "transpile/device_catalog.h"

#include <QtTest>

#include "temp_files.h"
#include "test_support.h"

#include "core/error.h"
#include "transpile/device_topologies.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace engine;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json readJson(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return json::parse(in);
}

std::string shippedFile(const std::string& name, const char* kind)
{
    return std::string(QAOA_SOURCE_DIR) + "/resources/backends/" + name + "/" + kind + "_" + name + ".json";
}

// Restores QAOA_RESOURCE_DIR when a test ends, however it ends.
class ResourceDirOverride {
public:
    explicit ResourceDirOverride(const QByteArray& value)
        : m_had(qEnvironmentVariableIsSet("QAOA_RESOURCE_DIR")), m_old(qgetenv("QAOA_RESOURCE_DIR"))
    {
        qputenv("QAOA_RESOURCE_DIR", value);
    }
    ~ResourceDirOverride()
    {
        if (m_had)
            qputenv("QAOA_RESOURCE_DIR", m_old);
        else
            qunsetenv("QAOA_RESOURCE_DIR");
    }
    ResourceDirOverride(const ResourceDirOverride&) = delete;
    ResourceDirOverride& operator=(const ResourceDirOverride&) = delete;

private:
    bool m_had;
    QByteArray m_old;
};

bool sameDevice(const DeviceModel& a, const DeviceModel& b)
{
    if (a.name != b.name || a.numQubits != b.numQubits || a.couplingMap != b.couplingMap ||
        a.gates.size() != b.gates.size() || a.snakePath != b.snakePath || a.positions.size() != b.positions.size())
        return false;
    for (std::size_t i = 0; i < a.gates.size(); ++i) {
        if (a.gates[i].name != b.gates[i].name || a.gates[i].qubits != b.gates[i].qubits ||
            !(a.gates[i].error == b.gates[i].error || (std::isnan(a.gates[i].error) && std::isnan(b.gates[i].error))))
            return false;
    }
    return true;
}

} // namespace

class TstDeviceCatalog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void bundledNames();
    void shippedSnapshotsAreTheSharedOnes();
    void specs_data();
    void specs();
    void snapshotSpecsMatchDirectParse();
    void badSpecs_data();
    void badSpecs();
    void loadDeviceFiles();
    void loadErrorsNameTheFile();
    void resourceDirectoryOverride();
    void cacheIsThreadSafe();
};

void TstDeviceCatalog::init()
{
    qunsetenv("QAOA_RESOURCE_DIR");
}

void TstDeviceCatalog::bundledNames()
{
    const std::vector<std::string> expected{"fez", "marrakesh", "kingston", "torino", "brisbane", "sherbrooke"};
    QCOMPARE(bundledDeviceNames(), expected);
}

void TstDeviceCatalog::shippedSnapshotsAreTheSharedOnes()
{
    // resources/backends must hold the snapshots unmodified.
    for (const std::string& name : bundledDeviceNames()) {
        for (const char* kind : {"conf", "props"}) {
            const std::string shipped = test_support::readRaw(shippedFile(name, kind));
            const std::string original = test_support::readRaw(
                test_support::sharedPath(std::string("ibm-backends/") + name + "/" + kind + "_" + name + ".json"));
            QVERIFY(!shipped.empty());
            QVERIFY2(shipped == original, (name + " " + kind).c_str());
        }
    }
}

void TstDeviceCatalog::specs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("name");
    QTest::addColumn<unsigned>("qubits");
    QTest::addColumn<bool>("calibrated");
    QTest::newRow("fez") << "fez" << "ibm_fez" << 156u << true;
    QTest::newRow("ibm_fez") << "ibm_fez" << "ibm_fez" << 156u << true;
    QTest::newRow("IBM_Fez") << "IBM_Fez" << "ibm_fez" << 156u << true;
    QTest::newRow("Marrakesh") << "Marrakesh" << "ibm_marrakesh" << 156u << true;
    QTest::newRow("kingston") << "kingston" << "ibm_kingston" << 156u << true;
    QTest::newRow("ibm_torino") << "ibm_torino" << "ibm_torino" << 133u << true;
    QTest::newRow("brisbane") << "brisbane" << "ibm_brisbane" << 127u << true;
    QTest::newRow("SHERBROOKE") << "SHERBROOKE" << "ibm_sherbrooke" << 127u << true;
    QTest::newRow("grid:3x4") << "grid:3x4" << "grid:3x4" << 12u << false;
    QTest::newRow("GRID:2X5") << "GRID:2X5" << "grid:2x5" << 10u << false;
    QTest::newRow("grid:1x1") << "grid:1x1" << "grid:1x1" << 1u << false;
    QTest::newRow("grid:64x64") << "grid:64x64" << "grid:64x64" << 4096u << false;
    QTest::newRow("line:10") << "line:10" << "line:10" << 10u << false;
    QTest::newRow("Line:1") << "Line:1" << "line:1" << 1u << false;
    QTest::newRow("heavy-hex:heron-r2") << "heavy-hex:heron-r2" << "heavy-hex:heron-r2" << 156u << false;
    QTest::newRow("heavy-hex:heron-r1") << "heavy-hex:heron-r1" << "heavy-hex:heron-r1" << 133u << false;
    QTest::newRow("Heavy-Hex:Eagle") << "Heavy-Hex:Eagle" << "heavy-hex:eagle" << 127u << false;
}

void TstDeviceCatalog::specs()
{
    QFETCH(QString, spec);
    QFETCH(QString, name);
    QFETCH(unsigned, qubits);
    QFETCH(bool, calibrated);
    const DeviceModel device = deviceFromSpec(spec.toStdString());
    QCOMPARE(QString::fromStdString(device.name), name);
    QCOMPARE(device.numQubits, qubits);
    QCOMPARE(!device.gates.empty(), calibrated);
    QCOMPARE(!device.calibrationDate.empty(), calibrated);
    // Snapshots come with heavy-hex geometry; every device here can be drawn and laid out along a line.
    QCOMPARE(device.positions.size(), std::size_t{qubits});
    QVERIFY(!device.snakePath.empty());
    device.validate();
}

void TstDeviceCatalog::snapshotSpecsMatchDirectParse()
{
    const std::vector<std::pair<std::string, DeviceModel (*)()>> families{
        {"fez", heavyHexHeronR2}, {"marrakesh", heavyHexHeronR2}, {"kingston", heavyHexHeronR2},
        {"torino", heavyHexHeronR1}, {"brisbane", heavyHexEagle}, {"sherbrooke", heavyHexEagle}};
    for (const auto& [name, family] : families) {
        const DeviceModel device = deviceFromSpec(name);
        DeviceModel direct =
            deviceFromIbmJson(readJson(shippedFile(name, "conf")), readJson(shippedFile(name, "props")));
        QVERIFY(attachHeavyHexGeometry(direct));
        QVERIFY(sameDevice(device, direct));
        QCOMPARE(device.snakePath, family().snakePath);
        // A second request comes from the cache and is an independent copy.
        DeviceModel again = deviceFromSpec(std::string("ibm_") + name);
        QVERIFY(sameDevice(again, device));
        again.gates.clear();
        QVERIFY(!deviceFromSpec(name).gates.empty());
    }
}

void TstDeviceCatalog::badSpecs_data()
{
    QTest::addColumn<QString>("spec");
    for (const char* spec : {"grid:0x3", "grid:3x0", "grid:3", "grid:3x", "grid:x4", "grid:3x4x5", "grid:-3x4",
                             "grid:+3x4", "grid: 3x4", "grid:100x100", "grid:99999999999x1", "line:-1", "line:0",
                             "line:", "line:10a", "line: 10", "line:5000", "line:1.5", "heavy-hex:heron-r3",
                             "heavy-hex:", "foo", "", "ibm_", "ibm_foo", "fez ", "fez/../torino", "grid3x4"})
        QTest::newRow(*spec ? spec : "(empty)") << spec;
}

void TstDeviceCatalog::badSpecs()
{
    QFETCH(QString, spec);
    try {
        deviceFromSpec(spec.toStdString());
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QCOMPARE(e.where(), std::string("device"));
        const QString detail = QString::fromStdString(e.detail());
        QVERIFY2(detail.contains("\"" + spec + "\""), qPrintable(detail));
        for (const char* form : {"fez", "sherbrooke", "ibm_", "grid:RxC", "line:N", "heavy-hex:heron-r2",
                                 "heavy-hex:heron-r1", "heavy-hex:eagle"})
            QVERIFY2(detail.contains(form), qPrintable(detail));
    }
}

void TstDeviceCatalog::loadDeviceFiles()
{
    const DeviceModel full = engine::loadDeviceFiles(shippedFile("torino", "conf"), shippedFile("torino", "props"));
    QCOMPARE(full.name, std::string("ibm_torino"));
    QCOMPARE(full.gates.size(), readJson(shippedFile("torino", "props"))["gates"].size());
    QCOMPARE(full.snakePath, heavyHexHeronR1().snakePath);

    const DeviceModel bare = engine::loadDeviceFiles(shippedFile("brisbane", "conf"), {});
    QCOMPARE(bare.numQubits, 127u);
    QVERIFY(bare.gates.empty());
    QVERIFY(std::isnan(bare.qubits[0].t1Us));
    QCOMPARE(bare.positions.size(), std::size_t{127});
}

void TstDeviceCatalog::loadErrorsNameTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string missing = dir.filePath("missing.json").toStdString();
    try {
        engine::loadDeviceFiles(missing, {});
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Io);
        QVERIFY(e.where().find("missing.json") != std::string::npos);
    }

    const std::string broken = dir.filePath("broken.json").toStdString();
    test_support::writeRaw(broken, "{\"n_qubits\": 3,\n  \"basis_gates\": [}\n");
    try {
        engine::loadDeviceFiles(broken, {});
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(e.where(), broken + ":2:19"); // the '}' on line 2
    }

    const std::string conf = dir.filePath("conf.json").toStdString();
    test_support::writeRaw(conf, R"({"n_qubits": 2, "basis_gates": ["cz"], "coupling_map": [[0, 1]]})");
    const std::string props = dir.filePath("props.json").toStdString();
    test_support::writeRaw(props, R"({"qubits": [[], []], "gates": [{"gate": "cz", "qubits": [0, 5]}]})");
    try {
        engine::loadDeviceFiles(conf, props);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidInput);
        QCOMPARE(e.where(), props + ":/gates/0/qubits/1");
    }
    const DeviceModel tiny = engine::loadDeviceFiles(conf, {});
    QCOMPARE(tiny.numQubits, 2u);
    QVERIFY(tiny.positions.empty()); // not a heavy-hex map
}

void TstDeviceCatalog::resourceDirectoryOverride()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path root = dir.path().toStdString();
    fs::create_directories(root / "backends" / "fez");
    // A recognisable copy of fez: the same calibration under another backend name.
    json conf = readJson(shippedFile("fez", "conf"));
    conf["backend_name"] = "ibm_fez_copy";
    test_support::writeRaw((root / "backends" / "fez" / "conf_fez.json").string(), conf.dump());
    fs::copy_file(shippedFile("fez", "props"), root / "backends" / "fez" / "props_fez.json");
    {
        const ResourceDirOverride override(QByteArray::fromStdString(root.string()));
        QCOMPARE(deviceFromSpec("fez").name, std::string("ibm_fez_copy"));
        // torino is not in this directory: an I/O error that names the missing file.
        try {
            deviceFromSpec("torino");
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Io);
            QVERIFY(e.where().find("conf_torino.json") != std::string::npos);
        }
    }
    // Back to the shipped snapshots; the copy stays cached under its own path and does not leak.
    QCOMPARE(deviceFromSpec("fez").name, std::string("ibm_fez"));
}

void TstDeviceCatalog::cacheIsThreadSafe()
{
    const std::vector<std::string> specs{"fez", "torino", "ibm_brisbane", "Kingston", "sherbrooke", "marrakesh",
                                         "grid:4x4", "heavy-hex:eagle"};
    std::vector<DeviceModel> expected;
    for (const std::string& spec : specs)
        expected.push_back(deviceFromSpec(spec));

    // A fresh copy of the snapshots, so that the threads below race on the first parse, not just on cache hits.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path root = dir.path().toStdString();
    for (const std::string& name : bundledDeviceNames()) {
        fs::create_directories(root / "backends" / name);
        for (const char* kind : {"conf", "props"})
            fs::copy_file(shippedFile(name, kind),
                          root / "backends" / name / (std::string(kind) + "_" + name + ".json"));
    }
    const ResourceDirOverride override(QByteArray::fromStdString(root.string()));

    constexpr int THREADS = 8;
    std::vector<int> mismatches(THREADS, 0);
    std::vector<int> failures(THREADS, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            const auto slot = static_cast<std::size_t>(t);
            try {
                for (int round = 0; round < 3; ++round) {
                    for (std::size_t k = 0; k < specs.size(); ++k) {
                        const std::size_t i = (k + slot) % specs.size();
                        if (!sameDevice(deviceFromSpec(specs[i]), expected[i]))
                            ++mismatches[slot];
                    }
                }
            } catch (...) {
                ++failures[slot];
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (int t = 0; t < THREADS; ++t) {
        QCOMPARE(failures[static_cast<std::size_t>(t)], 0);
        QCOMPARE(mismatches[static_cast<std::size_t>(t)], 0);
    }
}

QTEST_APPLESS_MAIN(TstDeviceCatalog)
#include "device_catalog.test.moc"
