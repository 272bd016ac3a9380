// SPDX-License-Identifier: MIT
// A quantum device as the transpiler and the noisy emulator see it: couplers, native gates, calibration, drawing.
#pragma once

#include "transpile/coupling_graph.h"

#include <nlohmann/json_fwd.hpp>

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// Per-qubit calibration. Missing values are NaN (kingston lacks T1/T2 on one qubit, generated devices have none).
struct QubitCalibration {
    double t1Us = std::numeric_limits<double>::quiet_NaN();             ///< T1 in microseconds
    double t2Us = std::numeric_limits<double>::quiet_NaN();             ///< T2 in microseconds
    double readoutError = std::numeric_limits<double>::quiet_NaN();     ///< average assignment error
    double probMeas1Prep0 = std::numeric_limits<double>::quiet_NaN();   ///< P(read 1 | prepared 0)
    double probMeas0Prep1 = std::numeric_limits<double>::quiet_NaN();   ///< P(read 0 | prepared 1)
    double readoutLengthNs = std::numeric_limits<double>::quiet_NaN();  ///< measurement duration, ns
    bool operational = true;                                            ///< false: IBM marks it faulty
};

/// Calibration of one gate on specific qubits (directed for two-qubit gates: qubits[0] is the first operand).
struct GateCalibration {
    std::string name;                                           ///< "cz", "ecr", "sx", "x", "rz", "measure", ...
    std::vector<unsigned> qubits;
    double error = std::numeric_limits<double>::quiet_NaN();    ///< gate_error (1 marks an unusable coupler)
    double lengthNs = std::numeric_limits<double>::quiet_NaN(); ///< gate_length in ns
};

/// Where a qubit is drawn, in lattice units (x to the right, y downward); heavy-hex rows are 2 units apart.
struct QubitPosition {
    double x = 0.0;
    double y = 0.0;
};

/// Everything the rest of the engine needs to know about a device. A plain value.
struct DeviceModel {
    std::string name;                          ///< "ibm_fez", "grid:3x4", "line:10", ...
    std::string family;                        ///< "Heron", "Eagle", "grid", "line", or the configuration's value
    int revision = 0;                          ///< processor revision (Heron r2 = 2), 0 when unknown
    unsigned numQubits = 0;
    std::vector<std::string> basisGates;       ///< native gates as the configuration lists them, e.g. cz id rz sx x
    std::string twoQubitGate;                  ///< "cz" or "ecr" (or "cx" for generated devices)
    bool directedTwoQubitGate = false;         ///< true for ECR: only the listed (control, target) order is native
    std::vector<std::pair<unsigned, unsigned>> couplingMap;  ///< directed pairs as listed by the configuration
    std::vector<QubitCalibration> qubits;      ///< one per qubit
    std::vector<GateCalibration> gates;        ///< every calibrated gate entry
    std::vector<QubitPosition> positions;      ///< one per qubit, for drawing; empty when unknown
    std::vector<unsigned> snakePath;           ///< a long simple path for line layouts (algorithms.md 8.4), or empty
    double dtNs = std::numeric_limits<double>::quiet_NaN();  ///< sample time of the control electronics
    std::string calibrationDate;               ///< properties' last_update_date, or empty
    bool supportsFractionalRzz = false;        ///< properties carry rzz entries (Heron)

    /// The undirected coupling graph. Couplers whose native two-qubit gate has error >= 1 in both directions and
    /// qubits marked non-operational are left out when `usableOnly` (the default for routing).
    CouplingGraph couplingGraph(bool usableOnly = true) const;
    /// Error of gate `name` on `qubits` (exact order; for symmetric gates either order), or nothing.
    std::optional<double> gateError(const std::string& name, const std::vector<unsigned>& qubits) const;
    /// Duration in ns of gate `name` on `qubits`, or nothing.
    std::optional<double> gateLengthNs(const std::string& name, const std::vector<unsigned>& qubits) const;
    /// The native two-qubit gate's error on coupler {a, b} (either direction), or nothing.
    std::optional<double> twoQubitError(unsigned a, unsigned b) const;
    /// Throws Error(InvalidInput) naming the field when the model is inconsistent (sizes, qubits out of range,
    /// probabilities outside [0, 1], no two-qubit gate).
    void validate() const;
};

/// Reads an IBM backend configuration and properties document (the JSON of GET /backends/{name}/configuration
/// and /properties, or the snapshots in resources/backends/). `where` prefixes error places
/// ("<where>:/coupling_map/3"). Unknown fields are ignored; missing required ones (n_qubits, basis_gates,
/// coupling_map) and wrong types throw Error(InvalidInput). `properties` may be null (no calibration).
DeviceModel deviceFromIbmJson(const nlohmann::json& configuration, const nlohmann::json& properties,
                              const std::string& where = "backend");

/// As above with one place per document (file paths, say): configuration errors name
/// "<configurationWhere>:/pointer", properties errors "<propertiesWhere>:/pointer". The three-argument form uses
/// "<where>" and "<where>/properties". Qubit T1/T2 are converted to microseconds and lengths to nanoseconds from
/// each entry's `unit` (s, ms, us, µs, ns, ps; empty means already so); a gate whose parameters mark it
/// non-operational gets error 1. Linear in the size of the documents.
DeviceModel deviceFromIbmJson(const nlohmann::json& configuration, const nlohmann::json& properties,
                              const std::string& configurationWhere, const std::string& propertiesWhere);

} // namespace engine
