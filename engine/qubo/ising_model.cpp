// SPDX-License-Identifier: MIT
// The exact Ising form of a QUBO.
#include "qubo/ising_model.h"

#include "core/error.h"

namespace engine {

double IsingModel::energy(const std::vector<int>& spins) const
{
    if (spins.size() != h.size())
        throw Error(ErrorCode::InvalidArgument, "spin vector has " + std::to_string(spins.size())
                                                    + " entries, the model has " + std::to_string(h.size()));
    double e = offset;
    for (std::size_t i = 0; i < h.size(); ++i)
        e += h[i] * spins[i];
    for (const QuadraticTerm& t : J)
        e += t.value * spins[t.i] * spins[t.j];
    return e;
}

double IsingModel::energyOfBits(const Bits& x) const
{
    std::vector<int> spins(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        spins[i] = x[i] ? -1 : 1;
    return energy(spins);
}

IsingModel toIsing(const QuboModel& qubo)
{
    IsingModel ising;
    const std::size_t n = qubo.numVariables();
    ising.h.assign(n, 0.0);
    ising.offset = qubo.offset();
    for (std::size_t i = 0; i < n; ++i) {
        ising.h[i] -= qubo.linear(i) / 2.0;
        ising.offset += qubo.linear(i) / 2.0;
    }
    ising.J = qubo.quadraticTerms();
    for (QuadraticTerm& t : ising.J) {
        const double b = t.value;
        t.value = b / 4.0;
        ising.h[t.i] -= b / 4.0;
        ising.h[t.j] -= b / 4.0;
        ising.offset += b / 4.0;
    }
    return ising;
}

QuboModel toQubo(const IsingModel& ising)
{
    const std::size_t n = ising.h.size();
    QuboModel qubo(n);
    double f0 = ising.offset;
    for (std::size_t i = 0; i < n; ++i) {
        qubo.addLinear(i, -2.0 * ising.h[i]);
        f0 += ising.h[i];
    }
    for (const QuadraticTerm& t : ising.J) {
        qubo.addQuadratic(t.i, t.j, 4.0 * t.value);
        qubo.addLinear(t.i, -2.0 * t.value);
        qubo.addLinear(t.j, -2.0 * t.value);
        f0 += t.value;
    }
    qubo.addOffset(f0);
    return qubo;
}

} // namespace engine
