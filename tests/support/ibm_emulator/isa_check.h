// SPDX-License-Identifier: MIT
// Circuit acceptance as IBM's service applies it after queueing: OpenQASM 3 loading and ISA checks per device.
#pragma once

#include "circuit/circuit.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ibmemu::detail {

/// Why a job's circuit was refused: the reason code and texts a Failed job reports (§6.4 of the protocol notes).
struct CircuitRejection {
    int reasonCode = 1517;
    std::string reason;
    std::string solution;
};

/// Thrown by loadIsaCircuit.
struct CircuitRejected {
    CircuitRejection rejection;
};

/// What a device accepts: instruction names and, per gate, the qubit tuples it exists on.
struct IsaTarget {
    std::string backendName;                                      ///< "ibm_fez"
    unsigned numQubits = 0;
    std::set<std::string> instructions;                           ///< basis_gates plus supported_instructions
    std::map<std::string, std::set<std::vector<unsigned>>> gateQubits;  ///< per gate: allowed operand tuples
};

/// The target of a configuration document (the JSON served at /backends/{name}/configuration). Two-qubit gates
/// without a per-gate coupling_map use the top-level one. Throws nlohmann exceptions on a malformed document.
IsaTarget isaTargetFromConfiguration(const nlohmann::json& configuration);

/// Loads an OpenQASM 3 PUB circuit the way the service does: gates outside stdgates.inc (rzz, ecr, rxx, ...)
/// must have a `gate` definition first (1603 "gate 'rzz' is not defined" otherwise); anything importQasm refuses
/// (syntax, duplicate operands, unsupported statements) is 1603 with its message. `q[i]` of a declared register is
/// physical qubit i, so the result is always a physical circuit. Throws CircuitRejected. O(text size).
engine::Circuit loadIsaCircuit(std::string_view qasm);

/// Checks every operation of `circuit` (parameters may still be unbound) against `target`: gate names in the
/// instruction set (a bare `id` is reported as the `u` it expands to), operands on allowed tuples, qubits on the
/// device. Returns the first violation (reason code 1517), or nothing. O(operations * log).
std::optional<CircuitRejection> checkIsa(const engine::Circuit& circuit, const IsaTarget& target);

/// Checks the angles of fractional gates of a bound circuit: rzz needs 0 <= theta <= pi/2 (1e-10 slack), as the
/// service enforces at run time (1517). Returns the first violation, or nothing.
std::optional<CircuitRejection> checkFractionalAngles(const engine::Circuit& bound);

/// True when `circuit` applies a fractional gate (rx or rzz), which gate twirling refuses (1519).
bool usesFractionalGates(const engine::Circuit& circuit);

} // namespace ibmemu::detail
