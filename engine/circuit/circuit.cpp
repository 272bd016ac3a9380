// SPDX-License-Identifier: MIT
// The circuit value type: checked appends, binding, Qiskit-style statistics and the used-qubit set.
#include "circuit/circuit.h"

#include "core/error.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace engine {

namespace {

// Words that would clash in exported OpenQASM 2 or 3 text, or that the importer gives a meaning of its own.
constexpr std::string_view RESERVED_NAMES[] = {
    // OpenQASM 3 keywords and types
    "OPENQASM", "include", "defcalgrammar", "def", "cal", "defcal", "gate", "extern", "box", "let", "break",
    "continue", "if", "else", "end", "return", "for", "while", "in", "switch", "case", "default", "input",
    "output", "const", "readonly", "mutable", "qreg", "qubit", "creg", "bool", "bit", "int", "uint", "float",
    "angle", "complex", "array", "void", "duration", "stretch", "gphase", "inv", "pow", "ctrl", "negctrl", "dim",
    "durationof", "delay", "reset", "measure", "barrier", "true", "false", "opaque", "pragma", "sizeof",
    // constants and functions
    "pi", "tau", "euler", "sin", "cos", "tan", "exp", "ln", "sqrt", "arcsin", "arccos", "arctan", "mod",
    "popcount", "rotl", "rotr", "real", "imag",
    // gates the importer knows (table names, aliases, OpenQASM built-ins, stdgates/qelib1 names it refuses)
    "U", "CX", "id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx", "ry", "rz", "p", "u", "cx",
    "cy", "cz", "ch", "swap", "ecr", "crz", "cp", "rzz", "rxx", "ryy", "u0", "u1", "u2", "u3", "cu1", "cu3",
    "cnot", "phase", "cphase", "crx", "cry", "ccx", "cswap", "cu", "csx", "rzx"};

std::string qubitText(unsigned q) { return "qubit " + std::to_string(q); }

} // namespace

bool isCircuitName(std::string_view name)
{
    if (name.empty() || name.size() > 256)
        return false;
    const auto isAlpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (!isAlpha(name[0]))
        return false;
    for (char c : name) {
        if (!isAlpha(c) && !isDigit(c))
            return false;
    }
    return std::find(std::begin(RESERVED_NAMES), std::end(RESERVED_NAMES), name) == std::end(RESERVED_NAMES);
}

Circuit::Circuit(unsigned numQubits, bool physical) : m_numQubits(numQubits), m_physical(physical)
{
    if (numQubits > MAX_CIRCUIT_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(numQubits) + " qubits exceed the limit of " + std::to_string(MAX_CIRCUIT_QUBITS),
                    "numQubits");
}

std::size_t Circuit::addParameter(const std::string& name)
{
    const std::size_t existing = parameterIndex(name);
    if (existing != std::string::npos)
        return existing;
    if (!isCircuitName(name))
        throw Error(ErrorCode::InvalidArgument,
                    "parameter name '" + name + "' is not an identifier or is a reserved OpenQASM word", "name");
    for (const auto& reg : m_registers) {
        if (reg.name == name)
            throw Error(ErrorCode::InvalidArgument, "parameter name '" + name + "' is already a register", "name");
    }
    m_parameters.push_back(name);
    return m_parameters.size() - 1;
}

std::size_t Circuit::parameterIndex(const std::string& name) const
{
    const auto it = std::find(m_parameters.begin(), m_parameters.end(), name);
    return it == m_parameters.end() ? std::string::npos : static_cast<std::size_t>(it - m_parameters.begin());
}

unsigned Circuit::addRegister(const std::string& name, unsigned size)
{
    if (!isCircuitName(name))
        throw Error(ErrorCode::InvalidArgument,
                    "register name '" + name + "' is not an identifier or is a reserved OpenQASM word", "name");
    if (size == 0)
        throw Error(ErrorCode::InvalidArgument, "register '" + name + "' has size 0", "size");
    for (const auto& reg : m_registers) {
        if (reg.name == name)
            throw Error(ErrorCode::InvalidArgument, "register '" + name + "' already exists", "name");
    }
    if (parameterIndex(name) != std::string::npos)
        throw Error(ErrorCode::InvalidArgument, "register name '" + name + "' is already a parameter", "name");
    if (size > MAX_CIRCUIT_CLBITS - numClbits())
        throw Error(ErrorCode::LimitExceeded,
                    "register '" + name + "' of " + std::to_string(size) + " bits exceeds the limit of " +
                        std::to_string(MAX_CIRCUIT_CLBITS) + " classical bits",
                    "size");
    m_registers.push_back({name, size});
    return static_cast<unsigned>(m_registers.size() - 1);
}

unsigned Circuit::numClbits() const
{
    unsigned total = 0;
    for (const auto& reg : m_registers)
        total += reg.size;
    return total;
}

void Circuit::append(Operation op)
{
    // The place is formatted only on failure: appends are the hot path of building and importing.
    const auto fail = [&](const std::string& detail) {
        throw Error(ErrorCode::InvalidArgument, detail, indexedPlace("operations", m_operations.size()));
    };
    if (m_operations.size() >= MAX_CIRCUIT_OPERATIONS)
        throw Error(ErrorCode::LimitExceeded, "more than " + std::to_string(MAX_CIRCUIT_OPERATIONS) + " operations",
                    indexedPlace("operations", m_operations.size()));

    for (unsigned q : op.qubits) {
        if (q >= m_numQubits)
            fail(qubitText(q) + " out of range for a circuit of " + std::to_string(m_numQubits) + " qubits");
    }
    // Distinct operands: pairs directly, long barriers by sorting a copy.
    if (op.qubits.size() == 2 && op.qubits[0] == op.qubits[1])
        fail(qubitText(op.qubits[0]) + " appears twice");
    if (op.qubits.size() > 2) {
        std::vector<unsigned> sorted = op.qubits;
        std::sort(sorted.begin(), sorted.end());
        const auto dup = std::adjacent_find(sorted.begin(), sorted.end());
        if (dup != sorted.end())
            fail(qubitText(*dup) + " appears twice");
    }

    switch (op.kind) {
    case OperationKind::Gate: {
        const GateSpec& spec = gateSpec(op.gate);  // throws for an id outside the table
        const std::string name(spec.name);
        if (op.qubits.size() != spec.numQubits)
            fail("gate " + name + " acts on " + std::to_string(spec.numQubits) + " qubits, got " +
                 std::to_string(op.qubits.size()));
        if (op.params.size() != spec.numParams)
            fail("gate " + name + " takes " + std::to_string(spec.numParams) + " parameters, got " +
                 std::to_string(op.params.size()));
        for (std::size_t k = 0; k < op.params.size(); ++k) {
            const ParameterExpression& e = op.params[k];
            if (!std::isfinite(e.constant()))
                fail("parameter " + std::to_string(k) + " of gate " + name + " is not finite");
            for (const auto& [index, coefficient] : e.terms()) {
                if (index >= m_parameters.size())
                    fail("parameter " + std::to_string(k) + " of gate " + name + " refers to circuit parameter " +
                         std::to_string(index) + " of " + std::to_string(m_parameters.size()));
                if (!std::isfinite(coefficient))
                    fail("parameter " + std::to_string(k) + " of gate " + name + " has a non-finite coefficient");
            }
        }
        break;
    }
    case OperationKind::Measure:
        if (op.qubits.size() != 1)
            fail("a measurement acts on 1 qubit, got " + std::to_string(op.qubits.size()));
        if (op.creg >= m_registers.size())
            fail("classical register " + std::to_string(op.creg) + " does not exist (" +
                 std::to_string(m_registers.size()) + " registers)");
        if (op.clbit >= m_registers[op.creg].size)
            fail("bit " + std::to_string(op.clbit) + " out of range for register " + m_registers[op.creg].name +
                 "[" + std::to_string(m_registers[op.creg].size) + "]");
        break;
    case OperationKind::Reset:
        if (op.qubits.size() != 1)
            fail("a reset acts on 1 qubit, got " + std::to_string(op.qubits.size()));
        break;
    case OperationKind::Barrier: break;
    default: fail("unknown operation kind");
    }
    if (op.kind != OperationKind::Gate && !op.params.empty())
        fail("only gates take parameters");
    if (op.kind != OperationKind::Measure) {
        op.creg = 0;
        op.clbit = 0;
    }
    if (op.kind != OperationKind::Gate)
        op.gate = GateId::I;
    m_operations.push_back(std::move(op));
}

void Circuit::gate(GateId id, std::vector<unsigned> qubits, std::vector<ParameterExpression> params)
{
    Operation op;
    op.kind = OperationKind::Gate;
    op.gate = id;
    op.qubits = std::move(qubits);
    op.params = std::move(params);
    append(std::move(op));
}

void Circuit::measure(unsigned qubit, unsigned creg, unsigned clbit)
{
    Operation op;
    op.kind = OperationKind::Measure;
    op.qubits = {qubit};
    op.creg = creg;
    op.clbit = clbit;
    append(std::move(op));
}

void Circuit::barrier(std::vector<unsigned> qubits)
{
    Operation op;
    op.kind = OperationKind::Barrier;
    op.qubits = std::move(qubits);
    append(std::move(op));
}

void Circuit::measureAll(const std::string& name)
{
    unsigned creg = 0;
    const auto it = std::find_if(m_registers.begin(), m_registers.end(),
                                 [&](const ClassicalRegister& r) { return r.name == name; });
    if (it != m_registers.end() && it->size == m_numQubits)
        creg = static_cast<unsigned>(it - m_registers.begin());
    else
        creg = addRegister(name, m_numQubits);  // throws for a same-named register of another size
    for (unsigned q = 0; q < m_numQubits; ++q)
        measure(q, creg, q);
}

Circuit Circuit::bound(const std::vector<double>& values) const
{
    if (values.size() != m_parameters.size())
        throw Error(ErrorCode::InvalidArgument,
                    "the circuit has " + std::to_string(m_parameters.size()) + " parameters, got " +
                        std::to_string(values.size()) + " values",
                    "values");
    Circuit copy(m_numQubits, m_physical);
    copy.m_registers = m_registers;
    copy.m_operations = m_operations;
    for (Operation& op : copy.m_operations) {
        for (ParameterExpression& e : op.params) {
            if (!e.isConstant())
                e = ParameterExpression(e.evaluate(values));
        }
    }
    return copy;
}

CircuitStats Circuit::stats() const
{
    CircuitStats stats;
    // Qiskit's depth: every wire (qubit or classical bit) keeps the level of its last operation; an operation sits
    // one above the highest of its wires (barriers: at that height, adding nothing) and lifts all its wires there.
    std::vector<unsigned> clbitOffset(m_registers.size(), 0);
    unsigned totalClbits = 0;
    for (std::size_t r = 0; r < m_registers.size(); ++r) {
        clbitOffset[r] = totalClbits;
        totalClbits += m_registers[r].size;
    }
    std::vector<std::size_t> level(m_numQubits + totalClbits, 0);
    std::vector<std::size_t> level2(level.size(), 0);
    std::vector<std::size_t> wires;
    std::array<std::size_t, GATE_COUNT> gateCounts{};
    std::size_t measures = 0;
    std::size_t resets = 0;

    for (const Operation& op : m_operations) {
        wires.clear();
        if (op.kind == OperationKind::Barrier && op.qubits.empty()) {
            for (unsigned q = 0; q < m_numQubits; ++q)
                wires.push_back(q);
        } else {
            wires.assign(op.qubits.begin(), op.qubits.end());
        }
        if (op.kind == OperationKind::Measure)
            wires.push_back(m_numQubits + clbitOffset[op.creg] + op.clbit);

        std::size_t add = 1;
        std::size_t add2 = 0;
        switch (op.kind) {
        case OperationKind::Gate:
            ++gateCounts[static_cast<std::size_t>(op.gate)];
            if (op.qubits.size() == 2) {
                ++stats.twoQubitGates;
                add2 = 1;
            }
            break;
        case OperationKind::Measure: ++measures; break;
        case OperationKind::Reset: ++resets; break;
        case OperationKind::Barrier: add = 0; break;
        }
        std::size_t top = 0;
        std::size_t top2 = 0;
        for (std::size_t w : wires) {
            top = std::max(top, level[w]);
            top2 = std::max(top2, level2[w]);
        }
        for (std::size_t w : wires) {
            level[w] = top + add;
            level2[w] = top2 + add2;
        }
    }
    for (std::size_t k = 0; k < GATE_COUNT; ++k) {
        if (gateCounts[k] > 0)
            stats.countsByName[std::string(gateSpec(static_cast<GateId>(k)).name)] = gateCounts[k];
    }
    if (measures > 0)
        stats.countsByName["measure"] = measures;
    if (resets > 0)
        stats.countsByName["reset"] = resets;
    for (std::size_t w = 0; w < level.size(); ++w) {
        stats.depth = std::max(stats.depth, level[w]);
        stats.twoQubitDepth = std::max(stats.twoQubitDepth, level2[w]);
    }
    return stats;
}

std::vector<unsigned> Circuit::usedQubits() const
{
    std::vector<char> used(m_numQubits, 0);
    for (const Operation& op : m_operations) {
        if (op.kind == OperationKind::Barrier)
            continue;
        for (unsigned q : op.qubits)
            used[q] = 1;
    }
    std::vector<unsigned> result;
    for (unsigned q = 0; q < m_numQubits; ++q) {
        if (used[q])
            result.push_back(q);
    }
    return result;
}

std::vector<Operation> instantiateGateCalls(const Operation& op, const std::vector<GateCall>& calls)
{
    if (op.kind != OperationKind::Gate)
        throw Error(ErrorCode::InvalidArgument, "gate-call rules apply to gates only", "op");
    std::vector<Operation> result;
    result.reserve(calls.size());
    for (const GateCall& c : calls) {
        const GateSpec& spec = gateSpec(c.id);
        Operation out;
        out.kind = OperationKind::Gate;
        out.gate = c.id;
        for (unsigned k = 0; k < spec.numQubits; ++k) {
            if (c.operands[k] >= op.qubits.size())
                throw Error(ErrorCode::InvalidArgument,
                            "a rule names operand " + std::to_string(c.operands[k]) + " of a " +
                                std::to_string(op.qubits.size()) + "-qubit gate",
                            "calls");
            out.qubits.push_back(op.qubits[c.operands[k]]);
        }
        for (unsigned k = 0; k < spec.numParams; ++k) {
            const GateCall::Param& p = c.params[k];
            ParameterExpression e(p.offset);
            for (std::size_t j = 0; j < p.scale.size(); ++j) {
                if (p.scale[j] == 0.0)
                    continue;
                if (j >= op.params.size())
                    throw Error(ErrorCode::InvalidArgument,
                                "a rule uses parameter " + std::to_string(j) + " of a gate with " +
                                    std::to_string(op.params.size()),
                                "calls");
                e += op.params[j] * p.scale[j];
            }
            out.params.push_back(std::move(e));
        }
        result.push_back(std::move(out));
    }
    return result;
}

} // namespace engine
