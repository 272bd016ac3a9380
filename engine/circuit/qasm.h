// SPDX-License-Identifier: MIT
// OpenQASM 2 and 3 text for circuits: export in the subset IBM accepts, import with line and column errors.
#pragma once

#include "circuit/circuit.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace engine {

/// Deepest nesting of `gate` definitions importQasm accepts (a definition calling one that calls one ... ).
constexpr unsigned MAX_QASM_GATE_NESTING = 64;
/// Most operations importQasm creates beyond one per statement, by register broadcasting (`h q;`) and by
/// expanding `gate` definitions; a few bytes of text cannot demand gigabytes (Error(LimitExceeded)).
constexpr std::size_t MAX_QASM_GENERATED_OPERATIONS = 1'000'000;

/// Export options.
struct QasmExportOptions {
    /// Physical circuits write qubits as `$n`; logical ones declare `qubit[n] q;` (OpenQASM 3) / `qreg q[n];` (2).
    /// Parameters become `input float[64] name;` (OpenQASM 3; unbound circuits cannot be written as OpenQASM 2).
    /// Gates outside stdgates.inc / qelib1.inc get a `gate` definition block before first use; `id` is never
    /// written (an I gate is dropped).
    bool includeHeader = true;  ///< write `OPENQASM 3.0;` / `OPENQASM 2.0;` and the include line
};

/// OpenQASM 3 text of `circuit` (IBM's Sampler accepts it for a physical ISA circuit). Angles round-trip.
/// A logical circuit's qubit register is `q` (or `q_`, `q__`, ... when a parameter or register has that name); U is
/// written as the built-in `U`. O(size), thread-safe.
std::string exportQasm3(const Circuit& circuit, const QasmExportOptions& options = {});
/// OpenQASM 2 text. Throws Error(InvalidArgument) for a circuit with unbound parameters.
/// Also throws Error(InvalidArgument) for a classical register whose name does not start with a lower-case letter
/// (OpenQASM 2 identifiers must). OpenQASM 2 has no physical qubits: a physical circuit is written with one register
/// `q` (q[i] is physical qubit i on IBM hardware) and reads back as a logical circuit. O(size), thread-safe.
std::string exportQasm2(const Circuit& circuit, const QasmExportOptions& options = {});

/// Parses OpenQASM 2.0 or 3.0 (chosen by the version line; no version line means 3). Accepted: the header and
/// include of qelib1.inc / stdgates.inc; `qubit[n] name;` / `qubit name;` / `qreg name[n];` (several registers
/// are laid out one after another) or physical qubits `$n` (not both); `bit[n] name;` / `creg name[n];`;
/// `input float[64] name;` (also `input angle name;`); `gate` definitions (expanded inline, nested allowed);
/// every gate of the gate table with expressions over numbers, pi/π, tau, euler, declared inputs and gate
/// parameters using + - * / and parentheses (the result must be affine in the inputs); `measure` in both the
/// `c[i] = measure q[j];` and `measure q -> c;` forms, whole-register broadcasting, `reset`, `barrier`,
/// comments. Anything else (classical control flow, subroutines, modifiers, `delay`) is refused.
/// Errors: Error(InvalidInput) with where() = "<sourceName>:<line>:<column>" of the offending token and a
/// message naming it (unknown gate 'foo', expected ';', qubit 7 out of range for register q[5], ...).
/// Limits: MAX_CIRCUIT_QUBITS, MAX_CIRCUIT_OPERATIONS, gate-definition nesting depth 64.
///
/// Details: expressions may also use ℇ, τ and sin, cos, tan, exp, ln, sqrt, arcsin, arccos, arctan of constant
/// arguments; input and classical register names must pass isCircuitName. Columns count Unicode code points from
/// 1. Declared sizes and `$n` are checked against the limits
/// before anything is allocated (Error(LimitExceeded)), as are MAX_CIRCUIT_CLBITS, MAX_QASM_GATE_NESTING and
/// MAX_QASM_GENERATED_OPERATIONS; numbers outside the double range (1e999) are refused. A file with physical qubits
/// gives a physical circuit of 1 + the largest `$n` qubits. A `gate` definition under a gate-table name (the
/// rzz/ecr/sxdg blocks the exporter writes, or a pasted qelib1.inc) is checked numerically against the table's
/// unitary up to a global phase and then stands for the table gate; other definitions are expanded at each call.
/// A barrier over every qubit of the circuit reads back as the empty (all-qubit) barrier. `gphase` is dropped
/// (a global phase), `u2(a, b)` becomes U(pi/2, a, b), and `U`, `CX`, `u3`, `u1`, `cu1`, `cnot`, `phase`,
/// `cphase` are read as their table gates. O(text size + operations created); thread-safe (no shared state).
Circuit importQasm(std::string_view text, const std::string& sourceName = "<qasm>");

} // namespace engine
