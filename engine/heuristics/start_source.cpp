// SPDX-License-Identifier: MIT
// Start bitstrings for the heuristics: uniform random bits or pool members in order or at random.
#include "heuristics/start_source.h"

#include "core/error.h"
#include "solvers/solver_support.h"

namespace engine {

StartSource::StartSource(std::size_t numVariables)
    : m_numVariables(numVariables)
{
}

StartSource::StartSource(std::size_t numVariables, std::vector<Bits> pool, StartOrder order)
    : m_numVariables(numVariables)
    , m_pool(std::move(pool))
    , m_order(order)
{
    if (m_pool.empty())
        throw Error(ErrorCode::InvalidArgument, "the start pool is empty", "pool");
    for (std::size_t p = 0; p < m_pool.size(); ++p) {
        const Bits& bits = m_pool[p];
        if (bits.size() != numVariables)
            throw Error(ErrorCode::InvalidArgument,
                        "start has " + std::to_string(bits.size()) + " bits, the problem " +
                            std::to_string(numVariables),
                        indexedPlace("pool", p));
        for (std::uint8_t b : bits)
            if (b > 1)
                throw Error(ErrorCode::InvalidArgument, "start bits must be 0 or 1", indexedPlace("pool", p));
    }
}

void StartSource::draw(std::mt19937_64& rng, Bits& out) const
{
    if (m_pool.empty()) {
        out.resize(m_numVariables);
        std::uint64_t word = 0;
        for (std::size_t i = 0; i < m_numVariables; ++i) {
            if (i % 64 == 0)
                word = rng();
            out[i] = static_cast<std::uint8_t>((word >> (i % 64)) & 1U);
        }
        return;
    }
    std::size_t index = 0;
    if (m_order == StartOrder::InOrder)
        index = static_cast<std::size_t>(m_cursor.fetch_add(1, std::memory_order_relaxed) % m_pool.size());
    else
        index = static_cast<std::size_t>(detail::uniformBelow(rng, m_pool.size()));
    out = m_pool[index];
}

} // namespace engine
