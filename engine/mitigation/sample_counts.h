// SPDX-License-Identifier: MIT
// A multiset of measured bitstrings with real-valued counts, so raw and readout-mitigated samples share one type.
#pragma once

#include "core/bits.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace engine {

/// Largest register a `SampleCounts` can describe: outcomes are stored as 64-bit indices.
constexpr std::size_t SAMPLE_COUNTS_MAX_QUBITS = 64;

/// Largest number of shots `resample` draws in one call (bounds its running time).
constexpr std::uint64_t SAMPLE_COUNTS_MAX_RESAMPLE_SHOTS = 100'000'000;

/// A multiset of measurement outcomes over `numQubits` qubits.
/// Bit order: an outcome is an integer index whose bit q is the reading of qubit q (qubit 0 = bit 0), the
/// engine-wide convention of core/bits.h. Qiskit strings put qubit 0 RIGHTMOST; `qiskitKey` and
/// `addQiskit` convert. Counts are doubles (>= 0) so that mitigated, non-integer counts fit; outcomes with
/// count 0 are not stored. Iteration is in increasing index order, which for a fixed width is also the
/// lexicographic order of the Qiskit strings. Not thread-safe for concurrent modification.
class SampleCounts {
public:
    /// An empty multiset over `numQubits` qubits; throws Error(InvalidArgument) above
    /// SAMPLE_COUNTS_MAX_QUBITS.
    explicit SampleCounts(std::size_t numQubits = 0);

    /// Counts raw shots given as indices; throws Error(InvalidInput, "shots[i]") for an index with bits at or
    /// above `numQubits`. O(S log m) for S shots and m distinct outcomes.
    static SampleCounts fromShots(const std::vector<std::uint64_t>& shots, std::size_t numQubits);

    /// Builds counts from Qiskit-style (string, count) pairs, qubit 0 rightmost; every string must have
    /// length `numQubits`. Repeated strings are summed.
    static SampleCounts fromQiskitCounts(const std::vector<std::pair<std::string, double>>& counts,
                                         std::size_t numQubits);

    std::size_t numQubits() const { return m_numQubits; }

    /// Adds `count` (finite, >= 0) occurrences of outcome `index`; throws Error(InvalidArgument) when the
    /// count is negative or not finite or the index does not fit in numQubits bits. O(log m).
    void add(std::uint64_t index, double count = 1.0);

    /// Adds occurrences of the outcome given as bits in variable order (bits.size() must equal numQubits).
    void add(const Bits& bits, double count = 1.0);

    /// Adds occurrences of a Qiskit-style string (qubit 0 rightmost, length numQubits).
    void addQiskit(std::string_view text, double count = 1.0);

    /// Count of `index` (0 when absent). O(log m).
    double count(std::uint64_t index) const;

    /// Number of distinct outcomes stored.
    std::size_t size() const { return m_counts.size(); }
    bool empty() const { return m_counts.empty(); }

    /// Sum of all counts (N). O(m).
    double total() const;

    /// The outcomes with their counts, index ascending.
    const std::map<std::uint64_t, double>& counts() const { return m_counts; }

    /// The outcomes with count / total, index ascending; throws Error(InvalidArgument) when total is 0.
    std::vector<std::pair<std::uint64_t, double>> probabilities() const;

    /// Draws `shots` independent samples from the distribution counts / total with a 64-bit Mersenne
    /// Twister seeded by `seed` (same seed, same result on every platform: the inverse-CDF draw uses the
    /// top 53 bits of each engine output). Throws Error(InvalidArgument) when total is 0 and
    /// Error(LimitExceeded) above SAMPLE_COUNTS_MAX_RESAMPLE_SHOTS. O(shots log m).
    SampleCounts resample(std::uint64_t shots, std::uint64_t seed) const;

    /// The Qiskit string of `index` over numQubits qubits (qubit 0 rightmost).
    std::string qiskitKey(std::uint64_t index) const;

    bool operator==(const SampleCounts& other) const = default;

private:
    void checkIndex(std::uint64_t index, const std::string& where) const;

    std::size_t m_numQubits;
    std::map<std::uint64_t, double> m_counts;
};

/// Index of a Qiskit string (qubit 0 rightmost) of exactly `numQubits` characters ('0'/'1').
std::uint64_t indexFromQiskitString(std::string_view text, std::size_t numQubits);

/// Qiskit string (qubit 0 rightmost) of `index` over `numQubits` qubits.
std::string indexToQiskitString(std::uint64_t index, std::size_t numQubits);

} // namespace engine
