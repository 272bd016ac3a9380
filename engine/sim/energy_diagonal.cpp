// SPDX-License-Identifier: MIT
// Builds the energy of every basis state of a QUBO, the diagonal the QAOA cost phase uses.
#include "sim/energy_diagonal.h"

#include "sim/huge_pages.h"
#include "sim/thread_count.h"

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

namespace engine {

namespace {

constexpr unsigned DIAGONAL_BLOCK_BITS = 14;  // 2^14 energies per block: a 128 KiB double buffer stays in L2

struct Coupling {
    unsigned other = 0;  // the other variable (block-local index for low partners, high-bit index for high ones)
    double value = 0.0;  // b_ij
};

} // namespace

template <typename Real>
EnergyDiagonal<Real> buildEnergyDiagonal(const QuboModel& qubo, int threads)
{
    const std::size_t numVariables = qubo.numVariables();
    if (numVariables > MAX_STATE_VECTOR_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    "energy diagonal of " + std::to_string(numVariables) + " variables exceeds the simulator limit of "
                        + std::to_string(MAX_STATE_VECTOR_QUBITS) + " qubits",
                    "qubo");
    const auto n = static_cast<unsigned>(numVariables);
    const unsigned low = std::min(n, DIAGONAL_BLOCK_BITS);
    const unsigned high = n - low;
    const std::uint64_t blockSize = std::uint64_t{1} << low;
    const std::uint64_t numBlocks = std::uint64_t{1} << high;
    const std::uint64_t size = std::uint64_t{1} << n;
    const int nt = detail::resolveThreadCount(threads, size);
    constexpr bool IS_DOUBLE = std::is_same_v<Real, double>;
    // Single precision accumulates each block in a double buffer per thread before rounding.
    const std::size_t buffers = IS_DOUBLE ? 0 : static_cast<std::size_t>(nt) * blockSize * sizeof(double);
    checkMemoryFits(n, size * sizeof(Real) + buffers, "energy diagonal");

    // Couplings of each low variable i: to lower low variables (j < i), and to high variables (bit j - low of the
    // block index).
    std::vector<std::vector<Coupling>> lowerPartners(low);
    std::vector<std::vector<Coupling>> highPartners(low);
    for (unsigned i = 0; i < low; ++i) {
        for (const QuboNeighbor& nb : qubo.neighbors(i)) {
            if (nb.index < i)
                lowerPartners[i].push_back({nb.index, nb.value});
            else if (nb.index >= low)
                highPartners[i].push_back({nb.index - low, nb.value});
        }
    }

    EnergyDiagonal<Real> diagonal;
    detail::resizeWithHugePages(diagonal, size);
    Real* out = diagonal.data();
#pragma omp parallel num_threads(nt) if (nt > 1)
    {
        std::vector<double> scratch(IS_DOUBLE ? 0 : blockSize);
        std::vector<double> field(low);
#pragma omp for schedule(static)
        for (std::uint64_t block = 0; block < numBlocks; ++block) {
            // Energy of the high bits alone, and the field they put on every low variable.
            double base = qubo.offset();
            for (unsigned t = 0; t < high; ++t) {
                if (((block >> t) & 1) == 0)
                    continue;
                const unsigned j = low + t;
                base += qubo.linear(j);
                for (const QuboNeighbor& nb : qubo.neighbors(j)) {
                    if (nb.index > j && ((block >> (nb.index - low)) & 1) != 0)
                        base += nb.value;
                }
            }
            for (unsigned i = 0; i < low; ++i) {
                double f = qubo.linear(i);
                for (const Coupling& c : highPartners[i]) {
                    if (((block >> c.other) & 1) != 0)
                        f += c.value;
                }
                field[i] = f;
            }
            double* e = scratch.data();
            if constexpr (IS_DOUBLE)
                e = out + block * blockSize;
            // The states with highest set bit h are those below 2^h plus bit h: each costs its lower partner
            // without h, plus h's field and the couplings of h to the set bits below it.
            e[0] = base;
            for (unsigned h = 0; h < low; ++h) {
                const std::uint64_t half = std::uint64_t{1} << h;
                double* upper = e + half;
                const double fh = field[h];
                for (std::uint64_t z = 0; z < half; ++z)
                    upper[z] = e[z] + fh;
                for (const Coupling& c : lowerPartners[h]) {
                    const std::uint64_t run = std::uint64_t{1} << c.other;
                    for (std::uint64_t start = run; start < half; start += 2 * run) {
                        for (std::uint64_t z = start; z < start + run; ++z)
                            upper[z] += c.value;
                    }
                }
            }
            if constexpr (!IS_DOUBLE) {
                Real* target = out + block * blockSize;
                for (std::uint64_t z = 0; z < blockSize; ++z)
                    target[z] = static_cast<Real>(e[z]);
            }
        }
    }
    return diagonal;
}

template EnergyDiagonal<double> buildEnergyDiagonal<double>(const QuboModel&, int);
template EnergyDiagonal<float> buildEnergyDiagonal<float>(const QuboModel&, int);

} // namespace engine
