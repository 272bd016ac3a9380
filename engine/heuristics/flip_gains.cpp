// SPDX-License-Identifier: MIT
// The maximisation form of a QUBO and the from-scratch computation of its flip gains.
#include "heuristics/flip_gains.h"

namespace engine {

MaximisedQubo::MaximisedQubo(const QuboModel& qubo)
    : n(qubo.numVariables())
    , constant(-qubo.offset())
    , linear(n)
    , offsets(n + 1, 0)
{
    for (std::size_t i = 0; i < n; ++i) {
        linear[i] = -qubo.linear(i);
        offsets[i + 1] = offsets[i] + qubo.neighbors(i).size();
    }
    columns.reserve(offsets[n]);
    values.reserve(offsets[n]);
    for (std::size_t i = 0; i < n; ++i)
        for (const QuboNeighbor& nb : qubo.neighbors(i)) {
            columns.push_back(nb.index);
            values.push_back(-nb.value);
        }
}

FlipGains::FlipGains(const MaximisedQubo& form)
    : m_form(form)
    , m_x(form.n, 0)
    , m_gains(form.n, 0.0)
{
}

void FlipGains::load(const Bits& start)
{
    const std::size_t n = m_form.n;
    m_x = start;
    m_f = m_form.constant;
    for (std::size_t i = 0; i < n; ++i) {
        // field_i = c_i + sum_j b_ij x_j; g_i = (1 - 2 x_i) field_i (4.1)
        // Multiplying by x_j in {0, 1} instead of branching on it: b * 1 = b, and adding b * 0 = +-0 changes at
        // most the sign of a zero sum, so random x costs no branch mispredictions.
        double field = m_form.linear[i];
        double upper = 0.0;  // sum over set neighbours j > i, so each pair enters f once
        for (std::size_t p = m_form.offsets[i]; p < m_form.offsets[i + 1]; ++p) {
            const std::uint32_t j = m_form.columns[p];
            const double term = m_form.values[p] * static_cast<double>(m_x[j]);
            field += term;
            if (j > i)
                upper += term;
        }
        m_gains[i] = m_x[i] ? -field : field;
        if (m_x[i])
            m_f += m_form.linear[i] + upper;
    }
}

} // namespace engine
