// SPDX-License-Identifier: MIT
// Shot sampling: from a probability vector in O(1) per shot (Walker/Vose alias method), or straight from a state.
#pragma once

#include "sim/state_vector.h"

#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace engine {

/// Draws indices with probability proportional to `weights` (non-negative, finite, not all zero).
/// Setup O(K) time and memory for K weights; each draw O(1): one uniform index and one uniform real.
/// Deterministic for a given std::mt19937_64 state. Const methods are thread-safe (the generator is not).
class AliasSampler {
public:
    /// Throws Error(InvalidArgument) for negative or non-finite weights or an all-zero vector.
    explicit AliasSampler(const std::vector<double>& weights);

    std::uint64_t sample(std::mt19937_64& rng) const;
    std::size_t size() const { return m_probability.size(); }
    /// Acceptance probability of each column: a draw landing in column k returns k below it, else aliases()[k].
    const std::vector<double>& acceptance() const { return m_probability; }
    /// Alias of each column.
    const std::vector<std::uint64_t>& aliases() const { return m_alias; }

private:
    std::vector<double> m_probability;    // acceptance probability of column k
    std::vector<std::uint64_t> m_alias;   // alias index of column k
};

/// `shots` samples of basis-state indices from probabilities `p` (seeded). Parallel-free and reproducible.
std::vector<std::uint64_t> sampleShots(const std::vector<double>& p, std::uint64_t shots, std::uint64_t seed);

/// `shots` samples of basis-state indices drawn from |amplitude|^2 of `state` (normalised or not), without any
/// O(2^n) table: the shots' uniforms are sorted and matched against the cumulative distribution in two parallel
/// passes over the state, then shuffled into draw order. O(2^n + shots log shots) time and O(shots) memory, so it
/// is the fast way to draw one batch from a large state; AliasSampler pays off when many batches come from one
/// distribution. Reproducible for a seed whatever the thread count (a different stream than sampleShots).
/// Throws Error(InvalidArgument) for an all-zero or non-finite state, Error(LimitExceeded) for too many shots.
template <typename Real>
std::vector<std::uint64_t> sampleStateShots(const StateVector<Real>& state, std::uint64_t shots, std::uint64_t seed,
                                            int threads = 0);

extern template std::vector<std::uint64_t> sampleStateShots<double>(const StateVector<double>&, std::uint64_t,
                                                                     std::uint64_t, int);
extern template std::vector<std::uint64_t> sampleStateShots<float>(const StateVector<float>&, std::uint64_t,
                                                                    std::uint64_t, int);

/// Histogram of sampled indices.
std::map<std::uint64_t, std::uint64_t> countShots(const std::vector<std::uint64_t>& samples);

} // namespace engine
