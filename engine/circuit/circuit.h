// SPDX-License-Identifier: MIT
// A quantum circuit over logical or physical qubits: gates, measurements, barriers, symbolic parameters.
#pragma once

#include "circuit/gate_table.h"
#include "circuit/parameter_expression.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// Largest qubit count a circuit may declare (IBM's largest devices have 156; imported files are checked
/// against this before anything is allocated).
constexpr unsigned MAX_CIRCUIT_QUBITS = 1024;
/// Largest number of operations an imported or built circuit may hold.
constexpr std::size_t MAX_CIRCUIT_OPERATIONS = 50'000'000;
/// Largest total number of classical bits over all registers of a circuit.
constexpr unsigned MAX_CIRCUIT_CLBITS = 65536;

/// True when `name` can name a parameter or register in every exported format: an ASCII identifier
/// [A-Za-z_][A-Za-z0-9_]* of at most 256 characters that is no OpenQASM 2/3 keyword, built-in constant or
/// function, or gate name the importer knows ("pi", "input", "measure", "rz", "U", ...).
bool isCircuitName(std::string_view name);

/// What one entry of a circuit does.
enum class OperationKind {
    Gate,     ///< a unitary from the gate table on `qubits` (1 or 2 of them) with `params`
    Measure,  ///< measure qubits[0] in the Z basis into clbit `clbit` of register `creg`
    Reset,    ///< reset qubits[0] to |0>
    Barrier,  ///< no effect on the state; orders the operations on `qubits` (all qubits when empty)
};

/// One operation, in circuit order.
struct Operation {
    OperationKind kind = OperationKind::Gate;
    GateId gate = GateId::I;                  ///< Gate only
    std::vector<unsigned> qubits;             ///< operands in gate-table order (cx: control, target)
    std::vector<ParameterExpression> params;  ///< Gate only; size = gateSpec(gate).numParams
    unsigned creg = 0;                        ///< Measure only: index into Circuit::registers()
    unsigned clbit = 0;                       ///< Measure only: bit of that register
};

/// A named classical register (`bit[size] name;` in OpenQASM 3).
struct ClassicalRegister {
    std::string name;
    unsigned size = 0;
};

/// Gate counts and depths of a circuit.
struct CircuitStats {
    std::map<std::string, std::size_t> countsByName;  ///< gate-table names plus "measure", "reset"
    std::size_t twoQubitGates = 0;
    std::size_t depth = 0;           ///< longest path through gates, measurements and resets (barriers count 0
                                     ///< but synchronise their qubits), as Qiskit's QuantumCircuit.depth()
    std::size_t twoQubitDepth = 0;   ///< the same path length counting two-qubit gates only
};

/// A circuit on numQubits qubits. When `isPhysical()` the qubit indices are a device's physical qubits
/// (OpenQASM `$n`); otherwise they are logical (a register `q`). Qubit 0 is the least-significant bit of every
/// basis index derived from this circuit, as in StateVector. Values, not shared: copy freely.
class Circuit {
public:
    Circuit() = default;
    /// Throws Error(LimitExceeded) above MAX_CIRCUIT_QUBITS.
    explicit Circuit(unsigned numQubits, bool physical = false);

    unsigned numQubits() const { return m_numQubits; }
    bool isPhysical() const { return m_physical; }
    void setPhysical(bool physical) { m_physical = physical; }

    /// Symbolic parameter names (`input float[64] name;`), in declaration order.
    const std::vector<std::string>& parameters() const { return m_parameters; }
    /// Adds a parameter (or returns the index of an existing one with that name). Names must satisfy
    /// isCircuitName and differ from every register name (throws Error(InvalidArgument) otherwise).
    std::size_t addParameter(const std::string& name);
    /// Index of `name`, or npos.
    std::size_t parameterIndex(const std::string& name) const;

    const std::vector<ClassicalRegister>& registers() const { return m_registers; }
    /// Adds a register; throws Error(InvalidArgument) for a duplicate name (of a register or a parameter), a name
    /// failing isCircuitName or size 0, and Error(LimitExceeded) above MAX_CIRCUIT_CLBITS bits in all.
    unsigned addRegister(const std::string& name, unsigned size);
    /// Total classical bits over all registers.
    unsigned numClbits() const;

    const std::vector<Operation>& operations() const { return m_operations; }
    std::size_t size() const { return m_operations.size(); }

    /// Appends after checking it: qubits in range and distinct, arity and parameter count as in the gate table,
    /// parameter indices in range, finite constants and coefficients, register and bit in range, no params on
    /// measurements, resets and barriers. Throws Error(InvalidArgument) naming the problem (where() =
    /// "operations[<index it would get>]"), Error(LimitExceeded) above MAX_CIRCUIT_OPERATIONS.
    void append(Operation op);
    /// Shorthands for append.
    void gate(GateId id, std::vector<unsigned> qubits, std::vector<ParameterExpression> params = {});
    void measure(unsigned qubit, unsigned creg, unsigned clbit);
    void barrier(std::vector<unsigned> qubits = {});
    /// Adds register `name` of numQubits bits (unless one of that name and size exists) and measures qubit i into
    /// bit i.
    void measureAll(const std::string& name = "meas");
    /// Removes all operations (parameters and registers stay).
    void clearOperations() { m_operations.clear(); }
    /// Reserves room for `count` operations (at most MAX_CIRCUIT_OPERATIONS), so that building a large circuit
    /// does not move its operations repeatedly.
    void reserve(std::size_t count)
    {
        m_operations.reserve(count < MAX_CIRCUIT_OPERATIONS ? count : MAX_CIRCUIT_OPERATIONS);
    }

    /// A copy with every parameter replaced by values[index] (values.size() must equal parameters().size());
    /// the copy has no parameters. Throws Error(InvalidArgument) on a size mismatch.
    Circuit bound(const std::vector<double>& values) const;
    /// Counts and depths. O(size).
    CircuitStats stats() const;
    /// Qubits that any gate, measurement or reset touches, ascending. Barriers do not count: they act on no state.
    std::vector<unsigned> usedQubits() const;

private:
    unsigned m_numQubits = 0;
    bool m_physical = false;
    std::vector<std::string> m_parameters;
    std::vector<ClassicalRegister> m_registers;
    std::vector<Operation> m_operations;
};

/// The operations of gate-call rules (gateInverse, gateExpansion) applied to the gate operation `op`: call
/// operand k acts on op.qubits[k], and each call parameter is the affine combination of op.params the rule gives.
/// Throws Error(InvalidArgument) when op is not a gate. O(calls).
std::vector<Operation> instantiateGateCalls(const Operation& op, const std::vector<GateCall>& calls);

} // namespace engine
