// SPDX-License-Identifier: MIT
// Generated devices: IBM heavy-hex maps (Heron r2 and r1, Eagle r3), square grids and lines, with drawing positions.
#include "transpile/device_topologies.h"

#include "core/error.h"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace engine {

namespace {

const std::vector<std::string> HERON_BASIS{"cz", "id", "rz", "sx", "x"};
const std::vector<std::string> EAGLE_BASIS{"ecr", "id", "rz", "sx", "x"};
const std::vector<std::string> GENERATED_BASIS{"cx", "id", "rz", "sx", "x"};

// A heavy-hex lattice as algorithms.md section 8 describes it: rows of qubits on a column grid, and bridge
// qubits that hang below a row at some columns and (except below the last row of Heron r1) join the row beneath.
struct HeavyHexLattice {
    struct Row {
        unsigned firstQubit = 0;
        unsigned firstColumn = 0;
        unsigned lastColumn = 0;
    };
    struct Bridge {
        unsigned qubit = 0;
        unsigned row = 0;  // the row above it
        unsigned column = 0;
        bool joinsNextRow = true;
    };
    std::vector<Row> rows;
    std::vector<Bridge> bridges;
    // The bridge columns of a row by its parity, also for the last row where no bridge may exist: the snake path
    // turns at the outermost of them (algorithms.md 8.4).
    std::function<std::vector<unsigned>(unsigned row)> bridgeColumns;
    unsigned numQubits = 0;

    unsigned rowQubit(unsigned row, unsigned column) const
    {
        return rows[row].firstQubit + column - rows[row].firstColumn;
    }

    const Bridge* bridgeBelow(unsigned row, unsigned column) const
    {
        for (const Bridge& b : bridges) {
            if (b.row == row && b.column == column)
                return &b;
        }
        return nullptr;
    }
};

// 8.1: 8 rows x 16 at 20r + c; 4 bridges 20r + 16 + j between rows r and r + 1 at columns 4j + 3 (r even) or
// 4j + 1 (r odd).
HeavyHexLattice heronR2Lattice()
{
    HeavyHexLattice lattice;
    lattice.bridgeColumns = [](unsigned r) {
        return r % 2 == 0 ? std::vector<unsigned>{3, 7, 11, 15} : std::vector<unsigned>{1, 5, 9, 13};
    };
    for (unsigned r = 0; r < 8; ++r)
        lattice.rows.push_back({20 * r, 0, 15});
    for (unsigned r = 0; r < 7; ++r) {
        const std::vector<unsigned> columns = lattice.bridgeColumns(r);
        for (unsigned j = 0; j < 4; ++j)
            lattice.bridges.push_back({20 * r + 16 + j, r, columns[j], true});
    }
    lattice.numQubits = 156;
    return lattice;
}

// 8.2: 7 rows x 15 at 19r + c; 4 bridges 19r + 15 + j after every row at columns 4j (r even) or 4j + 2 (r odd);
// those after row 6 hang free.
HeavyHexLattice heronR1Lattice()
{
    HeavyHexLattice lattice;
    lattice.bridgeColumns = [](unsigned r) {
        return r % 2 == 0 ? std::vector<unsigned>{0, 4, 8, 12} : std::vector<unsigned>{2, 6, 10, 14};
    };
    for (unsigned r = 0; r < 7; ++r)
        lattice.rows.push_back({19 * r, 0, 14});
    for (unsigned r = 0; r < 7; ++r) {
        const std::vector<unsigned> columns = lattice.bridgeColumns(r);
        for (unsigned j = 0; j < 4; ++j)
            lattice.bridges.push_back({19 * r + 15 + j, r, columns[j], r < 6});
    }
    lattice.numQubits = 133;
    return lattice;
}

// 8.3: rows of 14, 15 x 5, 14 qubits on a 15-column grid (row 0 lacks column 14, row 6 column 0), each of rows
// 0..5 followed in the numbering by its 4 bridges at columns 0, 4, 8, 12 (r even) or 2, 6, 10, 14 (r odd).
HeavyHexLattice eagleLattice()
{
    HeavyHexLattice lattice;
    lattice.bridgeColumns = [](unsigned r) {
        return r % 2 == 0 ? std::vector<unsigned>{0, 4, 8, 12} : std::vector<unsigned>{2, 6, 10, 14};
    };
    unsigned next = 0;
    for (unsigned r = 0; r < 7; ++r) {
        const unsigned first = r == 6 ? 1 : 0;
        const unsigned last = r == 0 ? 13 : 14;
        lattice.rows.push_back({next, first, last});
        next += last - first + 1;
        if (r < 6) {
            for (unsigned column : lattice.bridgeColumns(r))
                lattice.bridges.push_back({next++, r, column, true});
        }
    }
    lattice.numQubits = next;
    return lattice;
}

// The long simple path of algorithms.md 8.4: the first row runs from one end to the outermost bridge column at
// the other (whichever direction is longer); every later row runs from the column where the path came down to
// the outermost bridge column on the far side, clamped to the row; the path goes down every bridge it ends a row
// on, including a free-hanging one after the last row.
std::vector<unsigned> snakeOf(const HeavyHexLattice& lattice)
{
    std::vector<unsigned> path;
    const auto clampToRow = [&](unsigned row, unsigned column) {
        return std::clamp(column, lattice.rows[row].firstColumn, lattice.rows[row].lastColumn);
    };
    const auto farthestTurn = [&](unsigned row, unsigned entry) {
        const std::vector<unsigned> columns = lattice.bridgeColumns(row);
        const unsigned left = clampToRow(row, columns.front());
        const unsigned right = clampToRow(row, columns.back());
        return entry - std::min(entry, left) >= std::max(entry, right) - entry ? left : right;
    };

    const HeavyHexLattice::Row& top = lattice.rows.front();
    const std::vector<unsigned> topColumns = lattice.bridgeColumns(0);
    const unsigned rightTurn = clampToRow(0, topColumns.back());
    const unsigned leftTurn = clampToRow(0, topColumns.front());
    const bool goRight = rightTurn - top.firstColumn >= top.lastColumn - leftTurn;
    unsigned entry = goRight ? top.firstColumn : top.lastColumn;
    unsigned exit = goRight ? rightTurn : leftTurn;

    for (unsigned r = 0; r < lattice.rows.size(); ++r) {
        if (r > 0)
            exit = farthestTurn(r, entry);
        for (unsigned c = entry;; c = c < exit ? c + 1 : c - 1) {
            path.push_back(lattice.rowQubit(r, c));
            if (c == exit)
                break;
        }
        const HeavyHexLattice::Bridge* bridge = lattice.bridgeBelow(r, exit);
        if (!bridge)
            break;
        path.push_back(bridge->qubit);
        if (!bridge->joinsNextRow)
            break;
        entry = exit;
    }
    return path;
}

// Both directions of every undirected edge, sorted, as IBM lists symmetric gates.
std::vector<std::pair<unsigned, unsigned>> bothDirections(const std::vector<std::pair<unsigned, unsigned>>& edges)
{
    std::vector<std::pair<unsigned, unsigned>> out;
    out.reserve(2 * edges.size());
    for (const auto& [a, b] : edges) {
        out.emplace_back(a, b);
        out.emplace_back(b, a);
    }
    std::sort(out.begin(), out.end());
    return out;
}

DeviceModel deviceFromLattice(const HeavyHexLattice& lattice, std::string name, std::string family, int revision,
                              bool ecr)
{
    DeviceModel device;
    device.name = std::move(name);
    device.family = std::move(family);
    device.revision = revision;
    device.numQubits = lattice.numQubits;
    device.basisGates = ecr ? EAGLE_BASIS : HERON_BASIS;
    device.twoQubitGate = ecr ? "ecr" : "cz";
    device.directedTwoQubitGate = ecr;
    device.qubits.assign(lattice.numQubits, QubitCalibration{});
    device.positions.assign(lattice.numQubits, QubitPosition{});

    std::vector<std::pair<unsigned, unsigned>> edges;
    for (unsigned r = 0; r < lattice.rows.size(); ++r) {
        const HeavyHexLattice::Row& row = lattice.rows[r];
        for (unsigned c = row.firstColumn; c <= row.lastColumn; ++c) {
            device.positions[lattice.rowQubit(r, c)] = {static_cast<double>(c), 2.0 * r};
            if (c < row.lastColumn)
                edges.emplace_back(lattice.rowQubit(r, c), lattice.rowQubit(r, c + 1));
        }
    }
    for (const HeavyHexLattice::Bridge& b : lattice.bridges) {
        device.positions[b.qubit] = {static_cast<double>(b.column), 2.0 * b.row + 1.0};
        edges.emplace_back(lattice.rowQubit(b.row, b.column), b.qubit);
        if (b.joinsNextRow)
            edges.emplace_back(b.qubit, lattice.rowQubit(b.row + 1, b.column));
    }
    if (ecr) {
        // One direction per coupler, lower qubit first; real Eagle devices fix their own directions.
        for (auto& [a, b] : edges) {
            if (a > b)
                std::swap(a, b);
        }
        std::sort(edges.begin(), edges.end());
        device.couplingMap = std::move(edges);
    } else {
        device.couplingMap = bothDirections(edges);
    }
    device.snakePath = snakeOf(lattice);
    return device;
}

const DeviceModel& cachedHeronR2()
{
    static const DeviceModel device = deviceFromLattice(heronR2Lattice(), "heavy-hex:heron-r2", "Heron", 2, false);
    return device;
}

const DeviceModel& cachedHeronR1()
{
    static const DeviceModel device = deviceFromLattice(heronR1Lattice(), "heavy-hex:heron-r1", "Heron", 1, false);
    return device;
}

const DeviceModel& cachedEagle()
{
    static const DeviceModel device = deviceFromLattice(eagleLattice(), "heavy-hex:eagle", "Eagle", 3, true);
    return device;
}

std::vector<std::pair<unsigned, unsigned>> undirectedSorted(const std::vector<std::pair<unsigned, unsigned>>& map)
{
    std::vector<std::pair<unsigned, unsigned>> edges;
    edges.reserve(map.size());
    for (auto [a, b] : map)
        edges.emplace_back(std::min(a, b), std::max(a, b));
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

DeviceModel generatedDevice(std::string name, std::string family, unsigned numQubits)
{
    DeviceModel device;
    device.name = std::move(name);
    device.family = std::move(family);
    device.numQubits = numQubits;
    device.basisGates = GENERATED_BASIS;
    device.twoQubitGate = "cx";
    device.qubits.assign(numQubits, QubitCalibration{});
    device.positions.assign(numQubits, QubitPosition{});
    return device;
}

} // namespace

DeviceModel heavyHexHeronR2()
{
    return cachedHeronR2();
}

DeviceModel heavyHexHeronR1()
{
    return cachedHeronR1();
}

DeviceModel heavyHexEagle()
{
    return cachedEagle();
}

DeviceModel squareGrid(unsigned rows, unsigned cols)
{
    const std::uint64_t total = std::uint64_t{rows} * cols;
    if (rows == 0 || cols == 0 || total > MAX_DEVICE_QUBITS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("a grid needs at least one row and one column and at most ") +
                        std::to_string(MAX_DEVICE_QUBITS) + " qubits, got " + std::to_string(rows) + " x " +
                        std::to_string(cols),
                    "grid");
    DeviceModel device = generatedDevice(std::string("grid:") + std::to_string(rows) + "x" + std::to_string(cols),
                                         "grid", static_cast<unsigned>(total));
    std::vector<std::pair<unsigned, unsigned>> edges;
    for (unsigned r = 0; r < rows; ++r) {
        for (unsigned c = 0; c < cols; ++c) {
            const unsigned q = r * cols + c;
            device.positions[q] = {static_cast<double>(c), static_cast<double>(r)};
            if (c + 1 < cols)
                edges.emplace_back(q, q + 1);
            if (r + 1 < rows)
                edges.emplace_back(q, q + cols);
        }
    }
    device.couplingMap = bothDirections(edges);
    device.snakePath.reserve(total);
    for (unsigned r = 0; r < rows; ++r) {
        for (unsigned k = 0; k < cols; ++k)
            device.snakePath.push_back(r * cols + (r % 2 == 0 ? k : cols - 1 - k));
    }
    return device;
}

DeviceModel lineDevice(unsigned n)
{
    if (n == 0 || n > MAX_DEVICE_QUBITS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("a line has 1..") + std::to_string(MAX_DEVICE_QUBITS) + " qubits, got " +
                        std::to_string(n),
                    "line");
    DeviceModel device = generatedDevice(std::string("line:") + std::to_string(n), "line", n);
    std::vector<std::pair<unsigned, unsigned>> edges;
    for (unsigned q = 0; q < n; ++q) {
        device.positions[q] = {static_cast<double>(q), 0.0};
        device.snakePath.push_back(q);
        if (q + 1 < n)
            edges.emplace_back(q, q + 1);
    }
    device.couplingMap = bothDirections(edges);
    return device;
}

bool attachHeavyHexGeometry(DeviceModel& device)
{
    const std::vector<std::pair<unsigned, unsigned>> edges = undirectedSorted(device.couplingMap);
    for (const DeviceModel* family : {&cachedHeronR2(), &cachedHeronR1(), &cachedEagle()}) {
        if (family->numQubits != device.numQubits)
            continue;
        if (undirectedSorted(family->couplingMap) != edges)
            continue;
        device.positions = family->positions;
        device.snakePath = family->snakePath;
        return true;
    }
    return false;
}

} // namespace engine
