// SPDX-License-Identifier: MIT
// The logical QAOA circuit of an Ising model with symbolic angles, in the canonical convention.
#include "circuit/qaoa_circuit.h"

#include "core/error.h"

#include <cmath>
#include <string>

namespace engine {

Circuit buildQaoaCircuit(const IsingModel& ising, std::size_t p, const QaoaCircuitOptions& options)
{
    const std::size_t n = ising.numSpins();
    if (p == 0)
        throw Error(ErrorCode::InvalidArgument, "the QAOA depth p must be at least 1", "p");
    if (n == 0)
        throw Error(ErrorCode::InvalidArgument, "the Ising model has no spins", "ising");
    if (n > MAX_CIRCUIT_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(n) + " spins exceed the limit of " + std::to_string(MAX_CIRCUIT_QUBITS) + " qubits",
                    "ising");
    for (std::size_t k = 0; k < ising.J.size(); ++k) {
        const QuadraticTerm& term = ising.J[k];
        if (term.i >= n || term.j >= n || term.i == term.j)
            throw Error(ErrorCode::InvalidArgument,
                        "coupling (" + std::to_string(term.i) + ", " + std::to_string(term.j) +
                            ") is not a pair of distinct spins below " + std::to_string(n),
                        indexedPlace("J", k));
    }
    // Each layer adds n + |J| + n operations at most; the limit is checked before anything grows.
    const double layerOps = static_cast<double>(2 * n + ising.J.size());
    if (static_cast<double>(n) + static_cast<double>(p) * (layerOps + 2.0) + static_cast<double>(n) >
        static_cast<double>(MAX_CIRCUIT_OPERATIONS))
        throw Error(ErrorCode::LimitExceeded, "the QAOA circuit would exceed the operation limit", "p");

    const auto qubits = static_cast<unsigned>(n);
    Circuit circuit(qubits);
    circuit.reserve(n + p * (2 * n + ising.J.size() + 1) + n + 1);
    std::vector<std::size_t> gammaIndex(p);
    std::vector<std::size_t> betaIndex(p);
    for (std::size_t k = 0; k < p; ++k) {
        gammaIndex[k] = circuit.addParameter("gamma_" + std::to_string(k));
        betaIndex[k] = circuit.addParameter("beta_" + std::to_string(k));
    }

    for (unsigned q = 0; q < qubits; ++q)
        circuit.gate(GateId::H, {q});
    for (std::size_t k = 0; k < p; ++k) {
        if (options.barriers)
            circuit.barrier();
        // exp(-i gamma h Z) = RZ(2 gamma h), exp(-i gamma J Z Z) = RZZ(2 gamma J), exp(-i beta X) = RX(2 beta).
        for (unsigned q = 0; q < qubits; ++q) {
            const double h = ising.h[q];
            if (std::abs(h) > options.zeroTolerance)
                circuit.gate(GateId::RZ, {q}, {ParameterExpression::parameter(gammaIndex[k], 2.0 * h)});
        }
        for (const QuadraticTerm& term : ising.J) {
            if (std::abs(term.value) > options.zeroTolerance)
                circuit.gate(GateId::RZZ, {static_cast<unsigned>(term.i), static_cast<unsigned>(term.j)},
                             {ParameterExpression::parameter(gammaIndex[k], 2.0 * term.value)});
        }
        for (unsigned q = 0; q < qubits; ++q)
            circuit.gate(GateId::RX, {q}, {ParameterExpression::parameter(betaIndex[k], 2.0)});
    }
    if (options.measure) {
        if (options.barriers)
            circuit.barrier();
        circuit.measureAll("meas");
    }
    return circuit;
}

std::vector<double> qaoaCircuitValues(const std::vector<double>& gammas, const std::vector<double>& betas)
{
    if (gammas.empty() || gammas.size() != betas.size())
        throw Error(ErrorCode::InvalidArgument,
                    "need as many gammas as betas, at least one (got " + std::to_string(gammas.size()) + " and " +
                        std::to_string(betas.size()) + ")",
                    "gammas");
    std::vector<double> values;
    values.reserve(2 * gammas.size());
    for (std::size_t k = 0; k < gammas.size(); ++k) {
        values.push_back(gammas[k]);
        values.push_back(betas[k]);
    }
    return values;
}

} // namespace engine
