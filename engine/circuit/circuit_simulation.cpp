// SPDX-License-Identifier: MIT
// Circuit simulation on the statevector's general gate path, over the used qubits only.
#include "circuit/circuit_simulation.h"

#include "core/error.h"
#include "sim/gate_kernels.h"

#include <algorithm>
#include <bit>
#include <string>

namespace engine {

namespace {

constexpr unsigned MAX_DISTRIBUTION_CLBITS = 30;

// Checks that the circuit is a unitary part followed by terminal measurements, before anything is allocated.
void checkTerminalMeasurements(const Circuit& circuit)
{
    std::vector<char> touched(circuit.numQubits(), 0);
    std::vector<char> measured(circuit.numQubits(), 0);
    const auto& ops = circuit.operations();
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const Operation& op = ops[k];
        switch (op.kind) {
        case OperationKind::Gate:
            for (unsigned q : op.qubits) {
                if (measured[q])
                    throw Error(ErrorCode::InvalidArgument,
                                "gate " + std::string(gateSpec(op.gate).name) + " acts on qubit " +
                                    std::to_string(q) + " after its measurement (mid-circuit measurements are not "
                                    "simulated)",
                                indexedPlace("operations", k));
                touched[q] = 1;
            }
            break;
        case OperationKind::Measure: measured[op.qubits[0]] = 1; break;
        case OperationKind::Reset:
            if (touched[op.qubits[0]] || measured[op.qubits[0]])
                throw Error(ErrorCode::InvalidArgument,
                            "reset of qubit " + std::to_string(op.qubits[0]) +
                                " after it was used (mid-circuit resets are not simulated)",
                            indexedPlace("operations", k));
            break;
        case OperationKind::Barrier: break;
        }
    }
}

std::vector<unsigned> checkedUsedQubits(const Circuit& circuit, const std::vector<double>& values)
{
    if (values.size() != circuit.parameters().size())
        throw Error(ErrorCode::InvalidArgument,
                    "the circuit has " + std::to_string(circuit.parameters().size()) + " parameters, got " +
                        std::to_string(values.size()) + " values",
                    "values");
    std::vector<unsigned> used = circuit.usedQubits();
    if (used.size() > MAX_SIMULATED_CIRCUIT_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "the circuit uses " + std::to_string(used.size()) + " qubits; at most " +
                        std::to_string(MAX_SIMULATED_CIRCUIT_QUBITS) + " can be simulated",
                    "circuit");
    checkTerminalMeasurements(circuit);
    return used;
}

} // namespace

StateVector<double> simulateCircuit(const Circuit& circuit, const std::vector<double>& values, int threads)
{
    const std::vector<unsigned> used = checkedUsedQubits(circuit, values);
    std::vector<unsigned> local(circuit.numQubits(), 0);
    for (std::size_t k = 0; k < used.size(); ++k)
        local[used[k]] = static_cast<unsigned>(k);

    StateVector<double> state(static_cast<unsigned>(used.size()));
    std::vector<double> numeric;
    for (const Operation& op : circuit.operations()) {
        if (op.kind != OperationKind::Gate || op.gate == GateId::I)
            continue;
        numeric.clear();
        for (const ParameterExpression& e : op.params)
            numeric.push_back(e.evaluate(values));
        if (op.gate == GateId::RZZ) {
            applyRzz(state, local[op.qubits[0]], local[op.qubits[1]], numeric[0], threads);
            continue;
        }
        const GateMatrix g = gateUnitary(op.gate, numeric);
        if (g.dimension == 2) {
            const Matrix2 m = {g.m[0], g.m[1], g.m[2], g.m[3]};
            applyMatrix1(state, local[op.qubits[0]], m, threads);
        } else {
            applyMatrix2(state, local[op.qubits[0]], local[op.qubits[1]], g.m, threads);
        }
    }
    return state;
}

std::vector<double> measuredDistribution(const Circuit& circuit, const std::vector<double>& values, int threads)
{
    const unsigned numClbits = circuit.numClbits();
    if (numClbits > MAX_DISTRIBUTION_CLBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "the circuit has " + std::to_string(numClbits) + " classical bits; the distribution is computed "
                    "for at most " + std::to_string(MAX_DISTRIBUTION_CLBITS),
                    "circuit");
    checkMemoryFits(numClbits, (std::size_t{1} << numClbits) * sizeof(double), "the classical distribution");
    const std::vector<unsigned> used = checkedUsedQubits(circuit, values);

    // readers[k]: the classical bits that read used qubit k (the last measurement into a bit wins).
    std::vector<unsigned> offset(circuit.registers().size(), 0);
    for (std::size_t r = 1; r < offset.size(); ++r)
        offset[r] = offset[r - 1] + circuit.registers()[r - 1].size;
    std::vector<int> source(numClbits, -1);
    for (const Operation& op : circuit.operations()) {
        if (op.kind == OperationKind::Measure)
            source[offset[op.creg] + op.clbit] = static_cast<int>(op.qubits[0]);
    }
    std::vector<unsigned> local(circuit.numQubits(), 0);
    for (std::size_t k = 0; k < used.size(); ++k)
        local[used[k]] = static_cast<unsigned>(k);
    std::vector<std::uint64_t> readers(used.size(), 0);
    for (unsigned c = 0; c < numClbits; ++c) {
        if (source[c] >= 0)
            readers[local[static_cast<unsigned>(source[c])]] |= std::uint64_t{1} << c;
    }

    const StateVector<double> state = simulateCircuit(circuit, values, threads);
    // The classical index of basis state z is the OR of readers over its set bits; two tables (low and high
    // halves of z) make that one lookup each.
    const unsigned n = state.numQubits();
    const unsigned lowBits = std::min(n, 15u);
    const unsigned highBits = n - lowBits;
    const auto table = [&](unsigned first, unsigned count) {
        std::vector<std::uint64_t> t(std::size_t{1} << count, 0);
        for (std::size_t z = 1; z < t.size(); ++z) {
            const unsigned bit = static_cast<unsigned>(std::countr_zero(z));
            t[z] = t[z & (z - 1)] | readers[first + bit];
        }
        return t;
    };
    const std::vector<std::uint64_t> low = table(0, lowBits);
    const std::vector<std::uint64_t> high = table(lowBits, highBits);

    std::vector<double> distribution(std::size_t{1} << numClbits, 0.0);
    const auto* amplitudes = state.amplitudes();
    const std::uint64_t lowMask = (std::uint64_t{1} << lowBits) - 1;
    for (std::uint64_t z = 0; z < state.size(); ++z)
        distribution[low[z & lowMask] | high[z >> lowBits]] += std::norm(amplitudes[z]);
    return distribution;
}

} // namespace engine
