// SPDX-License-Identifier: MIT
// The data-driven table of gates a circuit may contain: names, arity, parameters, unitaries, inverses, expansions.
#pragma once

#include <array>
#include <complex>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace engine {

/// Every gate the circuit model knows. The order is the table order; names are the OpenQASM 3 names.
enum class GateId : unsigned char {
    I, X, Y, Z, H, S, Sdg, T, Tdg, SX, SXdg,  // fixed one-qubit gates
    RX, RY, RZ, P, U,                          // parameterised one-qubit gates (U = OpenQASM U(theta, phi, lambda))
    CX, CY, CZ, CH, SWAP, ECR,                 // fixed two-qubit gates
    CRZ, CP, RZZ, RXX, RYY,                    // parameterised two-qubit gates
};
/// Number of entries of GateId.
constexpr std::size_t GATE_COUNT = static_cast<std::size_t>(GateId::RYY) + 1;

/// A dense unitary of dimension 2 or 4, row-major. For two-qubit gates the basis index is
/// k = 2 * bit(qubits[1]) + bit(qubits[0]) (operand 0 is the LEAST-significant bit, as in StateVector), so a
/// gate written `cx a, b` (control a = operand 0) maps k = 1 (a = 1, b = 0) to k = 3.
struct GateMatrix {
    unsigned dimension = 2;                                 ///< 2 or 4
    std::array<std::complex<double>, 16> m{};               ///< m[dimension * row + column]
    std::complex<double> at(unsigned r, unsigned c) const { return m[dimension * r + c]; }
};

/// One row of the gate table.
struct GateSpec {
    GateId id;
    std::string_view name;        ///< OpenQASM 3 name, lower case ("cx", "rzz", "u")
    unsigned numQubits;           ///< 1 or 2
    unsigned numParams;           ///< 0..3 angles, in radians
    bool inStdgates;              ///< defined by OpenQASM 3 stdgates.inc (false: rzz, rxx, ryy, ecr need a
                                  ///< `gate` definition in exported OpenQASM 3; U is the built-in)
    bool inQelib1;                ///< defined by OpenQASM 2 qelib1.inc
    bool symmetric;               ///< the unitary is unchanged when the two operands are exchanged (cz, swap,
                                  ///< rzz, rxx, ryy, cp); always false for one-qubit gates
    std::string_view qasmDefinition;  ///< body of the `gate` definition for gates outside stdgates.inc, written
                                      ///< with formal parameters p0, p1, p2 and qubits _gate_q_0, _gate_q_1
};

/// The table row of `id`. O(1), thread-safe.
const GateSpec& gateSpec(GateId id);
/// The gate called `name` (exact, lower case; also accepts the OpenQASM 2 aliases "u3" -> U, "u1" -> P,
/// "cnot" -> CX), or nothing. O(table size).
std::optional<GateId> gateFromName(std::string_view name);

/// The unitary of `id` at numeric `params` (size must be numParams; throws Error(InvalidArgument) otherwise).
/// Conventions of algorithms.md section 0: RX(t) = exp(-i t X/2), RZ(t) = diag(e^{-it/2}, e^{it/2}),
/// RZZ(t) = exp(-i t Z Z/2), P(l) = diag(1, e^{il}), U(t, p, l) as OpenQASM's U. Exact to rounding.
GateMatrix gateUnitary(GateId id, std::span<const double> params);

/// A gate application with numeric or symbolic parameters resolved later; used by inverse and expansion rules.
struct GateCall {
    GateId id = GateId::I;
    std::array<unsigned, 2> operands{};   ///< indices into the enclosing operation's qubits (operand 0, 1)
    /// Each parameter as an affine function of the enclosing gate's parameters: value = offset + sum over j of
    /// scale[j] * param_j (j < 3). This is enough for every rule in the table (inverses negate, expansions
    /// shift by multiples of pi/2 or scale by 1/2).
    struct Param {
        double offset = 0.0;
        std::array<double, 3> scale{};
    };
    std::array<Param, 3> params{};
};

/// The inverse of `id` as gate calls on the same operands (one call for every gate in the table:
/// S -> Sdg, SX -> SXdg, RX(t) -> RX(-t), U(t,p,l) -> U(-t,-l,-p), ECR -> ECR, ...). The product of the gate and
/// its inverse is the identity exactly (not only up to a global phase); a test checks every row.
std::vector<GateCall> gateInverse(GateId id);

/// One level of expansion of `id` into {CX, U, RZ, SX, X, H, P, RX, RY} calls, exact up to a global phase, used by
/// basis translation: e.g. SWAP -> 3 CX, RZZ(t) -> CX, RZ(t) on operand 1, CX, ECR -> its CX form, CZ -> H CX H.
/// One-qubit gates expand to themselves (fusion handles them). A test multiplies every expansion out.
std::vector<GateCall> gateExpansion(GateId id);

/// The name exported OpenQASM 3 uses: the table name, except the built-in "U" for U (stdgates.inc has no `u`).
std::string_view gateQasm3Name(GateId id);
/// The name exported OpenQASM 2 uses. inQelib1 refers to qelib1.inc as published with OpenQASM 2.0 (Cross et al.
/// 2017; also what Qiskit's qasm2 loader assumes), which spells U as "u3", P as "u1" and CP as "cu1"; every other
/// gate keeps its table name.
std::string_view gateQasm2Name(GateId id);
/// Body of the OpenQASM 2 `gate` definition of a gate outside qelib1.inc, written in qelib1.inc gates with formal
/// parameter p0 and qubits a, b (OpenQASM 2 identifiers must start with a lower-case letter); empty for gates in
/// qelib1.inc. Equal to the gate up to a global phase (a test multiplies every body out).
std::string_view gateQasm2Definition(GateId id);

} // namespace engine
