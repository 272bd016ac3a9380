// SPDX-License-Identifier: MIT
// Loads PUB circuits and checks them against a device's instruction set and couplers, with IBM's reason codes.
#include "isa_check.h"

#include "circuit/gate_table.h"
#include "circuit/qasm.h"
#include "circuit/qasm_lexer.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <numbers>

namespace ibmemu::detail {

namespace {

constexpr const char* TRANSPILE_SOLUTION =
    "Transpile your circuits for the target before submitting a primitive query.";
constexpr const char* LOAD_SOLUTION =
    "Submit OpenQASM 3 that includes stdgates.inc and defines every other gate with a `gate` block before use.";

std::string qubitTuple(const std::vector<unsigned>& qubits)
{
    // Python's tuple notation, as the service prints it: "(3,)" and "(0, 5)".
    std::string out = "(";
    for (std::size_t i = 0; i < qubits.size(); ++i) {
        if (i)
            out += ", ";
        out += std::to_string(qubits[i]);
    }
    if (qubits.size() == 1)
        out += ",";
    return out + ")";
}

CircuitRejection unsupported(const std::string& name, const std::vector<unsigned>& qubits)
{
    return {1517,
            std::string("The instruction ") + name + " on qubits " + qubitTuple(qubits) +
                " is not supported by the target system.",
            TRANSPILE_SOLUTION};
}

[[noreturn]] void rejectLoad(const std::string& detail)
{
    throw CircuitRejected{{1603, std::string("Unable to load the OpenQASM 3 circuit: ") + detail, LOAD_SOLUTION}};
}

// The service resolves gate names against stdgates.inc and the file's own `gate` blocks only; the engine's importer
// also knows rzz, ecr, rxx, ... from its table, so calls of those without a definition are refused here first.
void rejectUndefinedGates(std::string_view qasm)
{
    using engine::detail::QasmLexer;
    using engine::detail::QasmTokenKind;
    QasmLexer lexer(qasm, "<pub>");
    std::set<std::string> defined;
    bool statementStart = true;
    bool first = true;
    for (engine::detail::QasmToken token = lexer.next(); token.kind != QasmTokenKind::End; token = lexer.next()) {
        if (first && token.kind == QasmTokenKind::Identifier && token.text == "OPENQASM") {
            const auto version = lexer.next();
            if (!version.text.empty() && version.text.front() == '2')
                return;  // qelib1.inc names its own gate set; only OpenQASM 3 has this rule
            token = version;
        }
        first = false;
        if (token.kind == QasmTokenKind::Semicolon || token.kind == QasmTokenKind::LBrace ||
            token.kind == QasmTokenKind::RBrace) {
            statementStart = true;
            continue;
        }
        if (statementStart && token.kind == QasmTokenKind::Identifier) {
            if (token.text == "gate") {
                const auto name = lexer.next();
                if (name.kind == QasmTokenKind::Identifier)
                    defined.emplace(name.text);
            } else if (const auto id = engine::gateFromName(token.text)) {
                const auto& spec = engine::gateSpec(*id);
                if (!spec.inStdgates && spec.name == token.text && !defined.count(std::string(token.text)))
                    rejectLoad(std::string("gate '") + std::string(token.text) + "' is not defined (line " +
                               std::to_string(token.line) + ")");
            }
        }
        statementStart = false;
    }
}

} // namespace

IsaTarget isaTargetFromConfiguration(const nlohmann::json& configuration)
{
    IsaTarget target;
    target.backendName = configuration.at("backend_name").get<std::string>();
    target.numQubits = configuration.at("n_qubits").get<unsigned>();
    for (const auto& name : configuration.at("basis_gates"))
        target.instructions.insert(name.get<std::string>());
    if (const auto it = configuration.find("supported_instructions"); it != configuration.end())
        for (const auto& name : *it)
            target.instructions.insert(name.get<std::string>());
    if (const auto it = configuration.find("gates"); it != configuration.end()) {
        for (const auto& gate : *it) {
            const auto map = gate.find("coupling_map");
            if (map == gate.end() || map->empty())
                continue;
            auto& tuples = target.gateQubits[gate.at("name").get<std::string>()];
            for (const auto& tuple : *map)
                tuples.insert(tuple.get<std::vector<unsigned>>());
        }
    }
    std::set<std::vector<unsigned>> pairs;
    for (const auto& pair : configuration.at("coupling_map"))
        pairs.insert(pair.get<std::vector<unsigned>>());
    for (const std::string& name : target.instructions) {
        const auto id = engine::gateFromName(name);
        if (id && engine::gateSpec(*id).numQubits == 2 && !target.gateQubits.count(name))
            target.gateQubits[name] = pairs;
    }
    return target;
}

engine::Circuit loadIsaCircuit(std::string_view qasm)
{
    engine::Circuit circuit;
    try {
        rejectUndefinedGates(qasm);
        circuit = engine::importQasm(qasm, "<pub>");
    } catch (const engine::Error& error) {
        rejectLoad(error.what());
    }
    circuit.setPhysical(true);
    return circuit;
}

std::optional<CircuitRejection> checkIsa(const engine::Circuit& circuit, const IsaTarget& target)
{
    for (const engine::Operation& op : circuit.operations()) {
        for (unsigned q : op.qubits)
            if (q >= target.numQubits)
                return CircuitRejection{1517,
                                        std::string("Qubit ") + std::to_string(q) + " does not exist on " +
                                            target.backendName + " (" + std::to_string(target.numQubits) +
                                            " qubits).",
                                        TRANSPILE_SOLUTION};
        switch (op.kind) {
        case engine::OperationKind::Barrier:
            break;
        case engine::OperationKind::Measure:
            if (!target.instructions.count("measure"))
                return unsupported("measure", op.qubits);
            break;
        case engine::OperationKind::Reset:
            if (!target.instructions.count("reset"))
                return unsupported("reset", op.qubits);
            break;
        case engine::OperationKind::Gate: {
            // stdgates.inc defines id through the built-in U, which is what the device then refuses.
            if (op.gate == engine::GateId::I)
                return unsupported("u", op.qubits);
            const std::string name(engine::gateSpec(op.gate).name);
            if (!target.instructions.count(name))
                return unsupported(name, op.qubits);
            if (const auto it = target.gateQubits.find(name); it != target.gateQubits.end())
                if (!it->second.count(op.qubits))
                    return unsupported(name, op.qubits);
            break;
        }
        }
    }
    return std::nullopt;
}

std::optional<CircuitRejection> checkFractionalAngles(const engine::Circuit& bound)
{
    constexpr double SLACK = 1e-10;
    for (const engine::Operation& op : bound.operations()) {
        if (op.kind != engine::OperationKind::Gate || op.gate != engine::GateId::RZZ)
            continue;
        const double theta = op.params.at(0).constant();
        if (!(theta >= -SLACK && theta <= std::numbers::pi / 2 + SLACK))
            return CircuitRejection{
                1517,
                std::string("The instruction rzz on qubits ") + qubitTuple(op.qubits) + " with angle " +
                    std::to_string(theta) + " is supported only for angles in the range [0, pi/2].",
                "Fold rzz angles into [0, pi/2] (or use cz) before submitting."};
    }
    return std::nullopt;
}

bool usesFractionalGates(const engine::Circuit& circuit)
{
    for (const engine::Operation& op : circuit.operations())
        if (op.kind == engine::OperationKind::Gate && (op.gate == engine::GateId::RZZ || op.gate == engine::GateId::RX))
            return true;
    return false;
}

} // namespace ibmemu::detail
