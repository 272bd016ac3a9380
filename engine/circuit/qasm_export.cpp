// SPDX-License-Identifier: MIT
// OpenQASM 3 and 2 text of a circuit, written in one pass with definitions for gates the includes lack.
#include "circuit/qasm.h"

#include "core/error.h"

#include <algorithm>
#include <array>

namespace engine {

namespace {

// A qubit register name no parameter or classical register already uses: q, q_, q__, ...
std::string qubitRegisterName(const Circuit& circuit)
{
    std::string name = "q";
    const auto taken = [&](const std::string& candidate) {
        if (circuit.parameterIndex(candidate) != std::string::npos)
            return true;
        return std::any_of(circuit.registers().begin(), circuit.registers().end(),
                           [&](const ClassicalRegister& r) { return r.name == candidate; });
    };
    while (taken(name))
        name += '_';
    return name;
}

std::array<bool, GATE_COUNT> usedGates(const Circuit& circuit)
{
    std::array<bool, GATE_COUNT> used{};
    for (const Operation& op : circuit.operations()) {
        if (op.kind == OperationKind::Gate)
            used[static_cast<std::size_t>(op.gate)] = true;
    }
    return used;
}

// Bytes per operation to reserve: a name, an angle of ~20 digits and one or two operands.
constexpr std::size_t BYTES_PER_OPERATION = 32;

void appendJoined(std::string& out, const std::vector<unsigned>& qubits, const std::vector<std::string>& text,
                  const char* separator)
{
    for (std::size_t k = 0; k < qubits.size(); ++k) {
        if (k > 0)
            out.append(separator);
        out.append(text[qubits[k]]);
    }
}

void appendParams(std::string& out, const Operation& op, const std::vector<std::string>& names,
                  const char* separator)
{
    if (op.params.empty())
        return;
    out += '(';
    for (std::size_t k = 0; k < op.params.size(); ++k) {
        if (k > 0)
            out.append(separator);
        out.append(op.params[k].toQasm(names));
    }
    out += ')';
}

} // namespace

std::string exportQasm3(const Circuit& circuit, const QasmExportOptions& options)
{
    std::string out;
    out.reserve(256 + circuit.size() * BYTES_PER_OPERATION);
    if (options.includeHeader)
        out.append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
    for (const std::string& name : circuit.parameters())
        out.append("input float[64] ").append(name).append(";\n");

    const auto used = usedGates(circuit);
    for (std::size_t k = 0; k < GATE_COUNT; ++k) {
        const GateSpec& spec = gateSpec(static_cast<GateId>(k));
        if (!used[k] || spec.inStdgates)
            continue;
        out.append("gate ").append(spec.name);
        if (spec.numParams > 0) {
            out += '(';
            for (unsigned j = 0; j < spec.numParams; ++j)
                out.append(j > 0 ? ", p" : "p").append(std::to_string(j));
            out += ')';
        }
        out.append(spec.numQubits == 1 ? " _gate_q_0 { " : " _gate_q_0, _gate_q_1 { ");
        out.append(spec.qasmDefinition).append(" }\n");
    }
    for (const ClassicalRegister& reg : circuit.registers())
        out.append("bit[").append(std::to_string(reg.size)).append("] ").append(reg.name).append(";\n");

    const unsigned n = circuit.numQubits();
    std::vector<std::string> qubit(n);
    std::string all;  // the operand list of an all-qubit barrier
    if (circuit.isPhysical()) {
        for (unsigned q = 0; q < n; ++q) {
            qubit[q].append("$").append(std::to_string(q));
            all.append(q > 0 ? ", " : "").append(qubit[q]);
        }
    } else {
        const std::string reg = qubitRegisterName(circuit);
        if (n > 0)
            out.append("qubit[").append(std::to_string(n)).append("] ").append(reg).append(";\n");
        for (unsigned q = 0; q < n; ++q)
            qubit[q] = reg + "[" + std::to_string(q) + "]";
        all = reg;
    }

    const auto& names = circuit.parameters();
    for (const Operation& op : circuit.operations()) {
        switch (op.kind) {
        case OperationKind::Gate:
            if (op.gate == GateId::I)
                break;  // IBM refuses `id`; an identity needs no instruction
            out.append(gateQasm3Name(op.gate));
            appendParams(out, op, names, ", ");
            out += ' ';
            appendJoined(out, op.qubits, qubit, ", ");
            out.append(";\n");
            break;
        case OperationKind::Measure:
            out.append(circuit.registers()[op.creg].name).append("[").append(std::to_string(op.clbit));
            out.append("] = measure ").append(qubit[op.qubits[0]]).append(";\n");
            break;
        case OperationKind::Reset: out.append("reset ").append(qubit[op.qubits[0]]).append(";\n"); break;
        case OperationKind::Barrier:
            if (op.qubits.empty()) {
                out.append(all.empty() ? "barrier" : "barrier ").append(all).append(";\n");
            } else {
                out.append("barrier ");
                appendJoined(out, op.qubits, qubit, ", ");
                out.append(";\n");
            }
            break;
        }
    }
    return out;
}

std::string exportQasm2(const Circuit& circuit, const QasmExportOptions& options)
{
    const auto& ops = circuit.operations();
    for (std::size_t k = 0; k < ops.size(); ++k) {
        for (const ParameterExpression& e : ops[k].params) {
            if (!e.isConstant())
                throw Error(ErrorCode::InvalidArgument,
                            "OpenQASM 2 has no input parameters: bind the circuit's parameters first",
                            indexedPlace("operations", k));
        }
    }
    for (std::size_t r = 0; r < circuit.registers().size(); ++r) {
        const char first = circuit.registers()[r].name[0];
        if (first < 'a' || first > 'z')
            throw Error(ErrorCode::InvalidArgument,
                        "OpenQASM 2 names start with a lower-case letter; register '" + circuit.registers()[r].name +
                            "' cannot be written",
                        indexedPlace("registers", r));
    }
    std::string out;
    out.reserve(256 + circuit.size() * BYTES_PER_OPERATION);
    if (options.includeHeader)
        out.append("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");

    const auto used = usedGates(circuit);
    for (std::size_t k = 0; k < GATE_COUNT; ++k) {
        const GateSpec& spec = gateSpec(static_cast<GateId>(k));
        if (!used[k] || spec.inQelib1)
            continue;
        out.append("gate ").append(gateQasm2Name(spec.id));
        if (spec.numParams > 0) {
            out += '(';
            for (unsigned j = 0; j < spec.numParams; ++j)
                out.append(j > 0 ? ",p" : "p").append(std::to_string(j));
            out += ')';
        }
        out.append(spec.numQubits == 1 ? " a { " : " a,b { ");
        out.append(gateQasm2Definition(spec.id)).append(" }\n");
    }

    const unsigned n = circuit.numQubits();
    const std::string reg = qubitRegisterName(circuit);
    if (n > 0)
        out.append("qreg ").append(reg).append("[").append(std::to_string(n)).append("];\n");
    for (const ClassicalRegister& c : circuit.registers())
        out.append("creg ").append(c.name).append("[").append(std::to_string(c.size)).append("];\n");
    std::vector<std::string> qubit(n);
    for (unsigned q = 0; q < n; ++q)
        qubit[q] = reg + "[" + std::to_string(q) + "]";

    const std::vector<std::string> noNames;
    for (const Operation& op : ops) {
        switch (op.kind) {
        case OperationKind::Gate:
            if (op.gate == GateId::I)
                break;
            out.append(gateQasm2Name(op.gate));
            appendParams(out, op, noNames, ",");
            out += ' ';
            appendJoined(out, op.qubits, qubit, ",");
            out.append(";\n");
            break;
        case OperationKind::Measure:
            out.append("measure ").append(qubit[op.qubits[0]]).append(" -> ");
            out.append(circuit.registers()[op.creg].name).append("[").append(std::to_string(op.clbit)).append("];\n");
            break;
        case OperationKind::Reset: out.append("reset ").append(qubit[op.qubits[0]]).append(";\n"); break;
        case OperationKind::Barrier:
            if (op.qubits.empty()) {
                if (n > 0)
                    out.append("barrier ").append(reg).append(";\n");
            } else {
                out.append("barrier ");
                appendJoined(out, op.qubits, qubit, ",");
                out.append(";\n");
            }
            break;
        }
    }
    return out;
}

} // namespace engine
