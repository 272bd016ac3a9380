// SPDX-License-Identifier: MIT
// Tests of the generated devices: heavy-hex maps edge for edge against the IBM snapshots, geometry, snake paths.
#include "transpile/device_topologies.h"

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

using EdgeSet = std::set<std::pair<unsigned, unsigned>>;

DeviceModel generator(const QString& id)
{
    if (id == "heron-r2")
        return heavyHexHeronR2();
    if (id == "heron-r1")
        return heavyHexHeronR1();
    if (id == "eagle")
        return heavyHexEagle();
    throw std::logic_error("unknown generator");
}

json snapshotConfiguration(const QString& name)
{
    const std::string n = name.toStdString();
    std::ifstream in(test_support::sharedPath(std::string("ibm-backends/") + n + "/conf_" + n + ".json"),
                     std::ios::binary);
    return json::parse(in);
}

EdgeSet undirected(const std::vector<std::pair<unsigned, unsigned>>& map)
{
    EdgeSet out;
    for (const auto& [a, b] : map)
        out.emplace(std::min(a, b), std::max(a, b));
    return out;
}

// The undirected edge set read straight from a snapshot's configuration JSON.
EdgeSet snapshotEdges(const json& conf)
{
    EdgeSet out;
    for (const json& pair : conf["coupling_map"]) {
        const unsigned a = pair[0];
        const unsigned b = pair[1];
        out.emplace(std::min(a, b), std::max(a, b));
    }
    return out;
}

std::vector<unsigned> neighbourList(const DeviceModel& device, unsigned q)
{
    std::vector<unsigned> out;
    for (const auto& [a, b] : undirected(device.couplingMap)) {
        if (a == q)
            out.push_back(b);
        if (b == q)
            out.push_back(a);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Fails the current test unless `path` is a simple path whose consecutive qubits are coupled.
void verifySimplePath(const DeviceModel& device, const std::vector<unsigned>& path)
{
    const EdgeSet edges = undirected(device.couplingMap);
    std::set<unsigned> seen;
    for (std::size_t i = 0; i < path.size(); ++i) {
        QVERIFY(path[i] < device.numQubits);
        QVERIFY2(seen.insert(path[i]).second, qPrintable(QString("qubit %1 visited twice").arg(path[i])));
        if (i > 0) {
            const unsigned a = std::min(path[i - 1], path[i]);
            const unsigned b = std::max(path[i - 1], path[i]);
            QVERIFY2(edges.count({a, b}) == 1, qPrintable(QString("%1-%2 not coupled").arg(a).arg(b)));
        }
    }
}

} // namespace

class TstDeviceTopologies : public QObject {
    Q_OBJECT

private slots:
    void heavyHexMatchesSnapshots_data();
    void heavyHexMatchesSnapshots();
    void heavyHexDegreesAndNames_data();
    void heavyHexDegreesAndNames();
    void documentedBridges();
    void heavyHexPositions_data();
    void heavyHexPositions();
    void snakePaths_data();
    void snakePaths();
    void heronR2SnakeAsDocumented();
    void squareGrids_data();
    void squareGrids();
    void squareGridErrors_data();
    void squareGridErrors();
    void lines();
    void attachGeometryToSnapshots_data();
    void attachGeometryToSnapshots();
    void attachGeometryRejectsOtherMaps();
};

void TstDeviceTopologies::heavyHexMatchesSnapshots_data()
{
    QTest::addColumn<QString>("snapshot");
    QTest::addColumn<QString>("family");
    QTest::newRow("fez") << "fez" << "heron-r2";
    QTest::newRow("marrakesh") << "marrakesh" << "heron-r2";
    QTest::newRow("kingston") << "kingston" << "heron-r2";
    QTest::newRow("torino") << "torino" << "heron-r1";
    QTest::newRow("brisbane") << "brisbane" << "eagle";
    QTest::newRow("sherbrooke") << "sherbrooke" << "eagle";
}

void TstDeviceTopologies::heavyHexMatchesSnapshots()
{
    QFETCH(QString, snapshot);
    QFETCH(QString, family);
    const json conf = snapshotConfiguration(snapshot);
    const DeviceModel device = generator(family);
    QCOMPARE(device.numQubits, conf["n_qubits"].get<unsigned>());
    const EdgeSet expected = snapshotEdges(conf);
    const EdgeSet actual = undirected(device.couplingMap);
    for (const auto& [a, b] : expected)
        QVERIFY2(actual.count({a, b}) == 1, qPrintable(QString("generator lacks %1-%2").arg(a).arg(b)));
    for (const auto& [a, b] : actual)
        QVERIFY2(expected.count({a, b}) == 1, qPrintable(QString("generator adds %1-%2").arg(a).arg(b)));
    QCOMPARE(device.basisGates, conf["basis_gates"].get<std::vector<std::string>>());
    QCOMPARE(QString::fromStdString(device.family), conf["processor_type"]["family"].get<std::string>().c_str());
}

void TstDeviceTopologies::heavyHexDegreesAndNames_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<unsigned>("qubits");
    QTest::addColumn<int>("couplers");
    QTest::addColumn<int>("directed");
    QTest::addColumn<int>("degree1");
    QTest::addColumn<int>("degree2");
    QTest::addColumn<int>("degree3");
    QTest::addColumn<int>("revision");
    QTest::addColumn<QString>("gate");
    // algorithms.md 8.1-8.3; Heron lists cz both ways, Eagle each ECR once.
    QTest::newRow("heron-r2") << "heron-r2" << 156u << 176 << 352 << 8 << 100 << 48 << 2 << "cz";
    QTest::newRow("heron-r1") << "heron-r1" << 133u << 150 << 300 << 5 << 89 << 39 << 1 << "cz";
    QTest::newRow("eagle") << "eagle" << 127u << 144 << 144 << 2 << 89 << 36 << 3 << "ecr";
}

void TstDeviceTopologies::heavyHexDegreesAndNames()
{
    QFETCH(QString, family);
    QFETCH(unsigned, qubits);
    QFETCH(int, couplers);
    QFETCH(int, directed);
    QFETCH(int, degree1);
    QFETCH(int, degree2);
    QFETCH(int, degree3);
    QFETCH(int, revision);
    QFETCH(QString, gate);
    const DeviceModel device = generator(family);
    QCOMPARE(device.numQubits, qubits);
    QCOMPARE(int(undirected(device.couplingMap).size()), couplers);
    QCOMPARE(int(device.couplingMap.size()), directed);
    QCOMPARE(device.revision, revision);
    QCOMPARE(QString::fromStdString(device.twoQubitGate), gate);
    QCOMPARE(device.directedTwoQubitGate, gate == "ecr");
    QCOMPARE(QString::fromStdString(device.name), "heavy-hex:" + family);
    std::map<std::size_t, int> degrees;
    for (unsigned q = 0; q < qubits; ++q)
        ++degrees[neighbourList(device, q).size()];
    QCOMPARE(degrees[1], degree1);
    QCOMPARE(degrees[2], degree2);
    QCOMPARE(degrees[3], degree3);
    QCOMPARE(degrees[1] + degrees[2] + degrees[3], int(qubits));
    QVERIFY(device.couplingGraph().isConnected());
    QCOMPARE(device.qubits.size(), std::size_t{qubits});
    QVERIFY(device.gates.empty());
    device.validate();
}

void TstDeviceTopologies::documentedBridges()
{
    // The examples of algorithms.md 8.1-8.3.
    const DeviceModel r2 = heavyHexHeronR2();
    QCOMPARE(neighbourList(r2, 16), (std::vector<unsigned>{3, 23}));
    QCOMPARE(neighbourList(r2, 36), (std::vector<unsigned>{21, 41}));
    QCOMPARE(neighbourList(r2, 19), (std::vector<unsigned>{15, 35}));
    const DeviceModel r1 = heavyHexHeronR1();
    QCOMPARE(neighbourList(r1, 15), (std::vector<unsigned>{0, 19}));
    QCOMPARE(neighbourList(r1, 34), (std::vector<unsigned>{21, 40}));
    for (unsigned b = 129; b <= 132; ++b)
        QCOMPARE(neighbourList(r1, b).size(), std::size_t{1});
    QCOMPARE(neighbourList(r1, 129), std::vector<unsigned>{114});
    const DeviceModel eagle = heavyHexEagle();
    QCOMPARE(neighbourList(eagle, 14), (std::vector<unsigned>{0, 18}));
    QCOMPARE(neighbourList(eagle, 109), (std::vector<unsigned>{96, 114}));
    QCOMPARE(neighbourList(eagle, 113), std::vector<unsigned>{114}); // row 6 starts at column 1
    QCOMPARE(neighbourList(eagle, 13), std::vector<unsigned>{12});   // row 0 ends at column 13
}

void TstDeviceTopologies::heavyHexPositions_data()
{
    QTest::addColumn<QString>("family");
    QTest::newRow("heron-r2") << "heron-r2";
    QTest::newRow("heron-r1") << "heron-r1";
    QTest::newRow("eagle") << "eagle";
}

void TstDeviceTopologies::heavyHexPositions()
{
    QFETCH(QString, family);
    const DeviceModel device = generator(family);
    QCOMPARE(device.positions.size(), std::size_t{device.numQubits});
    // Every coupler joins lattice neighbours one unit apart; no two qubits share a place.
    for (const auto& [a, b] : undirected(device.couplingMap)) {
        const QubitPosition& p = device.positions[a];
        const QubitPosition& q = device.positions[b];
        QCOMPARE(std::abs(p.x - q.x) + std::abs(p.y - q.y), 1.0);
    }
    std::set<std::pair<double, double>> places;
    for (const QubitPosition& p : device.positions) {
        QVERIFY(places.insert({p.x, p.y}).second);
        QCOMPARE(p.x, std::round(p.x));
        QCOMPARE(p.y, std::round(p.y));
        QVERIFY(p.x >= 0.0 && p.x <= 15.0);
    }
    // Rows sit on even y and run horizontally; bridges sit alone on odd y with no horizontal neighbour.
    for (unsigned q = 0; q < device.numQubits; ++q) {
        const bool bridge = std::fmod(device.positions[q].y, 2.0) == 1.0;
        for (unsigned n : neighbourList(device, q)) {
            if (bridge)
                QCOMPARE(device.positions[n].x, device.positions[q].x);
        }
    }
    if (family == "heron-r2") {
        for (unsigned r = 0; r < 8; ++r)
            for (unsigned c = 0; c < 16; ++c)
                QVERIFY(device.positions[20 * r + c].x == c && device.positions[20 * r + c].y == 2.0 * r);
        QVERIFY(device.positions[16].x == 3.0 && device.positions[16].y == 1.0);
        QVERIFY(device.positions[36].x == 1.0 && device.positions[36].y == 3.0);
    }
    if (family == "eagle") {
        QVERIFY(device.positions[113].x == 1.0 && device.positions[113].y == 12.0);
        QVERIFY(device.positions[109].x == 2.0 && device.positions[109].y == 11.0);
    }
}

void TstDeviceTopologies::snakePaths_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("length");
    // 8.4's construction: r2 = row 0 (16) + 7 rows without column 0 (15 each) + 7 bridges. r1 = 7 full rows of 15
    // (the bridge columns 0 and 14 alternate at the row ends) + 6 bridges + the free bridge 129 at the end.
    // Eagle = row 0 from column 13 to 0 (14) + rows 1-5 (15 each) + row 6 (14) + 6 bridges.
    QTest::newRow("heron-r2") << "heron-r2" << 16 + 7 * 15 + 7;
    QTest::newRow("heron-r1") << "heron-r1" << 7 * 15 + 6 + 1;
    QTest::newRow("eagle") << "eagle" << 14 + 5 * 15 + 14 + 6;
}

void TstDeviceTopologies::snakePaths()
{
    QFETCH(QString, family);
    QFETCH(int, length);
    const DeviceModel device = generator(family);
    QCOMPARE(int(device.snakePath.size()), length);
    verifySimplePath(device, device.snakePath);
    if (QTest::currentTestFailed())
        return;
    // The path runs through every row: its qubits cover every even y.
    std::set<double> rows;
    for (unsigned q : device.snakePath)
        rows.insert(device.positions[q].y);
    for (double y = 0.0; y <= device.positions.back().y; y += 2.0)
        QVERIFY(rows.count(y) == 1);
}

void TstDeviceTopologies::heronR2SnakeAsDocumented()
{
    const std::vector<unsigned> path = heavyHexHeronR2().snakePath;
    QCOMPARE(path.size(), std::size_t{128});
    for (unsigned c = 0; c < 16; ++c)
        QCOMPARE(path[c], c);
    QCOMPARE(path[16], 19u);
    QCOMPARE(path[17], 35u);
    QCOMPARE(path[31], 21u);
    QCOMPARE(path[32], 36u);
    QCOMPARE(path[33], 41u);
    QCOMPARE(path[47], 55u);
    QCOMPARE(path[48], 59u);
    QCOMPARE(path[64], 76u);
    QCOMPARE(path.back(), 141u); // row 7, column 1
}

void TstDeviceTopologies::squareGrids_data()
{
    QTest::addColumn<unsigned>("rows");
    QTest::addColumn<unsigned>("cols");
    QTest::newRow("1x1") << 1u << 1u;
    QTest::newRow("1x5") << 1u << 5u;
    QTest::newRow("4x1") << 4u << 1u;
    QTest::newRow("3x4") << 3u << 4u;
    QTest::newRow("6x6") << 6u << 6u;
    QTest::newRow("7x3") << 7u << 3u;
}

void TstDeviceTopologies::squareGrids()
{
    QFETCH(unsigned, rows);
    QFETCH(unsigned, cols);
    const DeviceModel device = squareGrid(rows, cols);
    QCOMPARE(device.numQubits, rows * cols);
    QCOMPARE(QString::fromStdString(device.name), QString("grid:%1x%2").arg(rows).arg(cols));
    QCOMPARE(device.twoQubitGate, std::string("cx"));
    QVERIFY(!device.directedTwoQubitGate);
    // Reference: a pair is coupled exactly when the two cells are lattice neighbours.
    EdgeSet expected;
    for (unsigned a = 0; a < rows * cols; ++a) {
        for (unsigned b = a + 1; b < rows * cols; ++b) {
            const int dr = int(b / cols) - int(a / cols);
            const int dc = int(b % cols) - int(a % cols);
            if (std::abs(dr) + std::abs(dc) == 1)
                expected.emplace(a, b);
        }
    }
    QCOMPARE(undirected(device.couplingMap), expected);
    QCOMPARE(device.couplingMap.size(), 2 * expected.size());
    QCOMPARE(int(expected.size()), int(2 * rows * cols - rows - cols));
    for (unsigned q = 0; q < rows * cols; ++q) {
        QCOMPARE(device.positions[q].x, double(q % cols));
        QCOMPARE(device.positions[q].y, double(q / cols));
    }
    QCOMPARE(device.snakePath.size(), std::size_t{rows * cols});
    verifySimplePath(device, device.snakePath);
    // Boustrophedon: even rows left to right, odd rows right to left.
    for (unsigned r = 0; r < rows; ++r)
        for (unsigned k = 0; k < cols; ++k)
            QCOMPARE(device.snakePath[r * cols + k], r * cols + (r % 2 == 0 ? k : cols - 1 - k));
    device.validate();
}

void TstDeviceTopologies::squareGridErrors_data()
{
    QTest::addColumn<unsigned>("rows");
    QTest::addColumn<unsigned>("cols");
    QTest::newRow("0x3") << 0u << 3u;
    QTest::newRow("3x0") << 3u << 0u;
    QTest::newRow("65x64") << 65u << 64u;
    QTest::newRow("product overflows 32 bits") << 65536u << 65536u;
}

void TstDeviceTopologies::squareGridErrors()
{
    QFETCH(unsigned, rows);
    QFETCH(unsigned, cols);
    try {
        squareGrid(rows, cols);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
}

void TstDeviceTopologies::lines()
{
    const DeviceModel one = lineDevice(1);
    QCOMPARE(one.numQubits, 1u);
    QVERIFY(one.couplingMap.empty());
    QCOMPARE(one.snakePath, std::vector<unsigned>{0});
    one.validate();
    const DeviceModel ten = lineDevice(10);
    QCOMPARE(ten.name, std::string("line:10"));
    QCOMPARE(ten.family, std::string("line"));
    EdgeSet expected;
    for (unsigned q = 0; q + 1 < 10; ++q)
        expected.emplace(q, q + 1);
    QCOMPARE(undirected(ten.couplingMap), expected);
    for (unsigned q = 0; q < 10; ++q) {
        QCOMPARE(ten.snakePath[q], q);
        QCOMPARE(ten.positions[q].x, double(q));
        QCOMPARE(ten.positions[q].y, 0.0);
    }
    ten.validate();
    QCOMPARE(lineDevice(MAX_DEVICE_QUBITS).numQubits, MAX_DEVICE_QUBITS);
    QVERIFY_THROWS_EXCEPTION(Error, lineDevice(0));
    QVERIFY_THROWS_EXCEPTION(Error, lineDevice(MAX_DEVICE_QUBITS + 1));
}

void TstDeviceTopologies::attachGeometryToSnapshots_data()
{
    heavyHexMatchesSnapshots_data();
}

void TstDeviceTopologies::attachGeometryToSnapshots()
{
    QFETCH(QString, snapshot);
    QFETCH(QString, family);
    DeviceModel device = deviceFromIbmJson(snapshotConfiguration(snapshot), nullptr);
    QVERIFY(device.positions.empty());
    QVERIFY(attachHeavyHexGeometry(device));
    const DeviceModel reference = generator(family);
    QCOMPARE(device.positions.size(), reference.positions.size());
    for (std::size_t q = 0; q < device.positions.size(); ++q) {
        QCOMPARE(device.positions[q].x, reference.positions[q].x);
        QCOMPARE(device.positions[q].y, reference.positions[q].y);
    }
    QCOMPARE(device.snakePath, reference.snakePath);
    QCOMPARE(QString::fromStdString(device.name), "ibm_" + snapshot); // nothing else changes
    verifySimplePath(device, device.snakePath);
    device.validate();
}

void TstDeviceTopologies::attachGeometryRejectsOtherMaps()
{
    DeviceModel grid = squareGrid(3, 4);
    const DeviceModel gridBefore = grid;
    QVERIFY(!attachHeavyHexGeometry(grid));
    QCOMPARE(grid.snakePath, gridBefore.snakePath);

    // One coupler fewer, one more, or the same couplers on more qubits: no match, nothing attached.
    DeviceModel fewer = deviceFromIbmJson(snapshotConfiguration("torino"), nullptr);
    fewer.couplingMap.erase(std::remove_if(fewer.couplingMap.begin(), fewer.couplingMap.end(),
                                           [](const auto& e) { return std::min(e.first, e.second) == 0 &&
                                                                      std::max(e.first, e.second) == 1; }),
                            fewer.couplingMap.end());
    QVERIFY(!attachHeavyHexGeometry(fewer));
    QVERIFY(fewer.positions.empty());
    DeviceModel more = deviceFromIbmJson(snapshotConfiguration("brisbane"), nullptr);
    more.couplingMap.emplace_back(0, 2);
    QVERIFY(!attachHeavyHexGeometry(more));
    QVERIFY(more.positions.empty());
    DeviceModel wider = heavyHexEagle();
    wider.positions.clear();
    wider.snakePath.clear();
    wider.numQubits += 1;
    wider.qubits.emplace_back();
    QVERIFY(!attachHeavyHexGeometry(wider));
    QVERIFY(wider.positions.empty());
}

QTEST_APPLESS_MAIN(TstDeviceTopologies)
#include "device_topologies.test.moc"
