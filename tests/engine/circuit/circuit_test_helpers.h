// SPDX-License-Identifier: MIT
// Helpers shared by the engine/circuit tests: dense operators of gates and circuits, random circuits, comparisons.
#pragma once

#include "circuit/circuit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <complex>
#include <cstdint>
#include <numbers>
#include <random>
#include <string>
#include <vector>

namespace circuit_test {

/// The 2^n x 2^n operator of a 2x2 or 4x4 gate matrix on `qubits` (operand 0 = least-significant local index
/// bit; qubit 0 = least-significant bit of the full index), built entry by entry from the basis states.
inline Eigen::MatrixXcd embed(const engine::GateMatrix& g, const std::vector<unsigned>& qubits, unsigned n)
{
    const Eigen::Index dim = Eigen::Index{1} << n;
    Eigen::MatrixXcd full = Eigen::MatrixXcd::Zero(dim, dim);
    for (Eigen::Index column = 0; column < dim; ++column) {
        unsigned in = 0;
        for (std::size_t k = 0; k < qubits.size(); ++k)
            in |= ((static_cast<unsigned>(column) >> qubits[k]) & 1u) << k;
        for (unsigned out = 0; out < g.dimension; ++out) {
            auto row = static_cast<unsigned>(column);
            for (std::size_t k = 0; k < qubits.size(); ++k)
                row = (row & ~(1u << qubits[k])) | (((out >> k) & 1u) << qubits[k]);
            full(row, column) += g.at(out, in);
        }
    }
    return full;
}

/// Product of the gates of a bound circuit (barriers, measurements and resets ignored), in matrix order.
inline Eigen::MatrixXcd circuitOperator(const engine::Circuit& circuit, const std::vector<double>& values = {})
{
    const unsigned n = circuit.numQubits();
    Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(Eigen::Index{1} << n, Eigen::Index{1} << n);
    for (const engine::Operation& op : circuit.operations()) {
        if (op.kind != engine::OperationKind::Gate)
            continue;
        std::vector<double> p;
        for (const auto& e : op.params)
            p.push_back(e.evaluate(values));
        u = embed(engine::gateUnitary(op.gate, p), op.qubits, n) * u;
    }
    return u;
}

/// max |a - b| over entries.
inline double maxAbsDiff(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) { return (a - b).cwiseAbs().maxCoeff(); }

/// min over unit phases c of max |a - c b| (c taken from the largest entry of b).
inline double diffUpToPhase(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b)
{
    Eigen::Index r = 0;
    Eigen::Index c = 0;
    b.cwiseAbs().maxCoeff(&r, &c);
    std::complex<double> phase = a(r, c) / b(r, c);
    phase /= std::abs(phase);
    return maxAbsDiff(a, phase * b);
}

/// Options of randomCircuit.
struct RandomCircuitOptions {
    bool parameters = false;   ///< declare two parameters and use them in some angles
    bool measurements = false; ///< end with measurements into a register "c" (and a scalar-like register "d")
    bool barriers = false;     ///< insert barriers (some on all qubits)
    bool resets = false;       ///< start some qubits with a reset
};

/// A random circuit of `count` gates over every gate of the table, with random qubits and angles (some exact
/// multiples of pi/8, some tiny or large), seeded by `rng`.
inline engine::Circuit randomCircuit(unsigned n, std::size_t count, std::mt19937_64& rng, bool physical = false,
                                     const RandomCircuitOptions& options = {})
{
    engine::Circuit circuit(n, physical);
    if (options.parameters) {
        circuit.addParameter("gamma");
        circuit.addParameter("beta_1");
    }
    std::uniform_int_distribution<unsigned> gatePick(0, static_cast<unsigned>(engine::GATE_COUNT) - 1);
    std::uniform_int_distribution<unsigned> qubitPick(0, n - 1);
    std::uniform_real_distribution<double> angle(-7.0, 7.0);
    std::uniform_int_distribution<int> kind(0, 9);
    const auto randomAngle = [&]() -> engine::ParameterExpression {
        const int k = kind(rng);
        engine::ParameterExpression e;
        if (k == 0)
            e = engine::ParameterExpression(static_cast<double>(static_cast<int>(angle(rng) * 3)) *
                                            std::numbers::pi / 8);
        else if (k == 1)
            e = engine::ParameterExpression(angle(rng) * 1e-9);
        else if (k == 2)
            e = engine::ParameterExpression(angle(rng) * 1e7);
        else
            e = engine::ParameterExpression(angle(rng));
        if (options.parameters && k >= 6)
            e += engine::ParameterExpression::parameter(static_cast<std::size_t>(k % 2), angle(rng));
        if (options.parameters && k == 9)
            e += engine::ParameterExpression::parameter(1 - static_cast<std::size_t>(k % 2), -2.0);
        return e;
    };
    if (options.resets) {
        for (unsigned q = 0; q < n; q += 2) {
            engine::Operation op;
            op.kind = engine::OperationKind::Reset;
            op.qubits = {q};
            circuit.append(op);
        }
    }
    for (std::size_t k = 0; k < count; ++k) {
        if (options.barriers && k % 7 == 3) {
            if (k % 2 == 0)
                circuit.barrier();
            else
                circuit.barrier({qubitPick(rng)});
            continue;
        }
        const auto id = static_cast<engine::GateId>(gatePick(rng));
        const engine::GateSpec& spec = engine::gateSpec(id);
        std::vector<unsigned> qubits{qubitPick(rng)};
        if (spec.numQubits == 2) {
            unsigned other = qubitPick(rng);
            while (other == qubits[0])
                other = qubitPick(rng);
            qubits.push_back(other);
        }
        std::vector<engine::ParameterExpression> params;
        for (unsigned j = 0; j < spec.numParams; ++j)
            params.push_back(randomAngle());
        circuit.gate(id, qubits, params);
    }
    if (options.measurements) {
        const unsigned c = circuit.addRegister("c", n);
        for (unsigned q = 0; q < n; ++q)
            circuit.measure(q, c, n - 1 - q);
        const unsigned d = circuit.addRegister("d", 1);
        circuit.measure(0, d, 0);
    }
    return circuit;
}

/// Empty when the two operations are equal (angles compared exactly, barrier operand sets compared with the empty
/// list meaning all `numQubits` qubits); otherwise what differs.
inline std::string operationDifference(const engine::Operation& a, const engine::Operation& b, unsigned numQubits)
{
    if (a.kind != b.kind)
        return "kind";
    if (a.kind == engine::OperationKind::Barrier) {
        const auto expand = [&](std::vector<unsigned> q) {
            if (q.empty()) {
                for (unsigned k = 0; k < numQubits; ++k)
                    q.push_back(k);
            }
            std::sort(q.begin(), q.end());
            return q;
        };
        return expand(a.qubits) == expand(b.qubits) ? std::string() : std::string("barrier qubits");
    }
    if (a.qubits != b.qubits)
        return "qubits";
    if (a.kind == engine::OperationKind::Gate && a.gate != b.gate)
        return std::string("gate ") + std::string(engine::gateSpec(a.gate).name) + " vs " +
               std::string(engine::gateSpec(b.gate).name);
    if (a.kind == engine::OperationKind::Measure && (a.creg != b.creg || a.clbit != b.clbit))
        return "classical bit";
    if (a.params.size() != b.params.size())
        return "parameter count";
    for (std::size_t k = 0; k < a.params.size(); ++k) {
        if (a.params[k].constant() != b.params[k].constant() || a.params[k].terms() != b.params[k].terms())
            return "parameter " + std::to_string(k);
    }
    return {};
}

} // namespace circuit_test
