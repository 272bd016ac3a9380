// SPDX-License-Identifier: MIT
// Test devices cut out of the IBM lattices and an ISA check, shared by the basis translation and transpiler tests.
#pragma once

#include "circuit/circuit.h"
#include "circuit/gate_table.h"
#include "transpile/device_model.h"

#include <cstddef>
#include <map>
#include <numbers>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace transpile_test {

/// The piece of `full` on `keep` (renumbered 0..k-1 in that order), couplers and their directions kept; the
/// qubits carry no calibration.
inline engine::DeviceModel piece(const engine::DeviceModel& full, const std::vector<unsigned>& keep,
                                 const std::string& name)
{
    engine::DeviceModel d;
    d.name = name;
    d.family = full.family;
    d.numQubits = static_cast<unsigned>(keep.size());
    d.basisGates = full.basisGates;
    d.twoQubitGate = full.twoQubitGate;
    d.directedTwoQubitGate = full.directedTwoQubitGate;
    d.supportsFractionalRzz = full.supportsFractionalRzz;
    d.qubits.resize(keep.size());
    std::map<unsigned, unsigned> index;
    for (unsigned k = 0; k < keep.size(); ++k)
        index[keep[k]] = k;
    for (const auto& [a, b] : full.couplingMap)
        if (index.count(a) && index.count(b))
            d.couplingMap.emplace_back(index[a], index[b]);
    return d;
}

/// What an ISA circuit may hold besides rz, sx, x, the device's two-qubit gate, measurements and barriers.
struct IsaRules {
    bool allowRzz = false;    ///< fractional rzz with a constant angle in (0, pi/2]
    bool allowReset = false;  ///< reset operations
};

/// Empty string when `isa` holds only what `rules` and the device allow, with two-qubit gates on listed couplers
/// (in a listed direction when the gate is directed), else what is wrong.
inline std::string isaProblem(const engine::Circuit& isa, const engine::DeviceModel& device, IsaRules rules)
{
    using engine::OperationKind;
    const std::set<std::pair<unsigned, unsigned>> listed(device.couplingMap.begin(), device.couplingMap.end());
    for (std::size_t k = 0; k < isa.size(); ++k) {
        const engine::Operation& op = isa.operations()[k];
        if (op.kind == OperationKind::Reset && !rules.allowReset)
            return std::string("reset at ") + std::to_string(k);
        if (op.kind != OperationKind::Gate)
            continue;
        const std::string name(engine::gateSpec(op.gate).name);
        if (op.qubits.size() == 1) {
            if (name != "rz" && name != "sx" && name != "x")
                return std::string("operation ") + std::to_string(k) + " is " + name;
            continue;
        }
        if (name != device.twoQubitGate && !(rules.allowRzz && name == "rzz"))
            return std::string("operation ") + std::to_string(k) + " is " + name;
        const bool forward = listed.count({op.qubits[0], op.qubits[1]}) != 0;
        const bool backward = listed.count({op.qubits[1], op.qubits[0]}) != 0;
        if (!forward && (device.directedTwoQubitGate || !backward))
            return std::string("operation ") + std::to_string(k) + " (" + name + " " + std::to_string(op.qubits[0]) +
                   ", " + std::to_string(op.qubits[1]) + ") is not on a listed coupler direction";
        if (name == "rzz") {
            const double t = op.params[0].constant();
            if (!op.params[0].isConstant() || t <= 0.0 || t > std::numbers::pi / 2 + 1e-12)
                return "rzz angle out of (0, pi/2]";
        }
    }
    return {};
}

} // namespace transpile_test
