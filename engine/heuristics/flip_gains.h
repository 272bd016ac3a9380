// SPDX-License-Identifier: MIT
// Incrementally maintained single-flip gains of a QUBO in MQLib's maximisation form (algorithms.md 4.1).
#pragma once

#include "core/bits.h"
#include "qubo/qubo_model.h"

#include <cstdint>
#include <vector>

namespace engine {

/// A minimisation QUBO as MQLib maximises it: f(x) = -energy(x) = constant + sum_i c_i x_i + sum_{i<j} b_ij x_i x_j
/// with c_i = -a_i, b_ij = -b_ij(QUBO), constant = -offset, and a flat adjacency holding each pair in both
/// directions so a flip walks contiguous memory. Immutable after construction: share one between threads.
struct MaximisedQubo {
    explicit MaximisedQubo(const QuboModel& qubo);  ///< O(n + nnz)

    std::size_t n = 0;
    double constant = 0.0;
    std::vector<double> linear;           ///< c_i
    std::vector<std::size_t> offsets;     ///< neighbours of i are [offsets[i], offsets[i + 1]), size n + 1
    std::vector<std::uint32_t> columns;   ///< neighbour indices
    std::vector<double> values;           ///< b_ij of the maximised form, aligned with columns
};

/// A state x with f(x) and every gain g_k = f(x with x_k flipped) - f(x) = energy(x) - energy(x with x_k flipped),
/// kept up to date by `flip` in O(degree(k)). f accumulates the gains of the flips (MQLib's bookkeeping), so it
/// may drift from -energy(x) by rounding on non-integer coefficients. Not thread-safe; one per thread.
class FlipGains {
public:
    explicit FlipGains(const MaximisedQubo& form);

    /// x = `start` (length n, values 0/1, not checked); recomputes f and all gains in O(n + nnz).
    void load(const Bits& start);

    double value() const { return m_f; }
    double gain(std::size_t k) const { return m_gains[k]; }
    const std::vector<double>& gains() const { return m_gains; }
    const Bits& state() const { return m_x; }
    const MaximisedQubo& form() const { return m_form; }

    /// Flips x_k: f += g_k, g_k = -g_k, and for each neighbour j: g_j -= b_kj when x_j = x_k after the flip, else
    /// g_j += b_kj (MQLib's arithmetic, so every caller sees bit-identical gains). Calls `touched(i)` for k and
    /// then for every neighbour after its gain changed (a hook for derived indexes). O(degree(k)).
    template <class Touched>
    void flip(std::size_t k, Touched&& touched)
    {
        // Raw pointers in locals: byte stores (x here, flags in `touched`) may alias anything, which would make
        // the compiler reload every vector's data pointer after each of them.
        std::uint8_t* x = m_x.data();
        double* gains = m_gains.data();
        m_f += gains[k];
        const std::uint8_t xk = x[k] ^= 1;
        gains[k] = -gains[k];
        touched(k);
        const std::uint32_t* columns = m_form.columns.data();
        const double* values = m_form.values.data();
        const std::size_t end = m_form.offsets[k + 1];
        for (std::size_t p = m_form.offsets[k]; p < end; ++p) {
            const std::uint32_t j = columns[p];
            // (-1) * b is exact and a + (-b) is the same IEEE operation as a - b; the sign table avoids an
            // unpredictable branch on x_j.
            gains[j] += FLIP_SIGN[x[j] ^ xk] * values[p];
            touched(j);
        }
    }

    /// flip(k) without a hook.
    void flip(std::size_t k)
    {
        flip(k, [](std::size_t) {});
    }

private:
    static constexpr double FLIP_SIGN[2] = {-1.0, 1.0};  // indexed by x_j xor x_k after the flip

    const MaximisedQubo& m_form;
    Bits m_x;
    double m_f = 0.0;
    std::vector<double> m_gains;
};

} // namespace engine
