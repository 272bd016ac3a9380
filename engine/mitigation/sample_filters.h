// SPDX-License-Identifier: MIT
// Sample filters that pick warm-start pools from a (mitigated) sample: energy, frequency and Hamming rules.
#pragma once

#include "mitigation/sample_counts.h"
#include "qubo/qubo_model.h"

#include <cstdint>
#include <functional>

namespace engine {

/// Energy (cost, lower is better) of an outcome index (qubit q = bit q = variable q).
using SampleEnergy = std::function<double(std::uint64_t index)>;

/// The energy of `model` at each index; the model must outlive the returned function.
SampleEnergy quboSampleEnergy(const QuboModel& model);

/// Default fractions of algorithms.md 6.3 (Phasecraft §VI.2), as fractions of the total count N.
constexpr double ENERGY_FILTER_FRACTION = 0.10;
constexpr double FREQUENCY_FILTER_THRESHOLD = 0.0005;
constexpr double HAMMING_FILTER_LOW_FRACTION = 0.01;
constexpr double HAMMING_FILTER_NEAR_FRACTION = 0.09;

/// Energy filter: keeps the `fraction`·N lowest-energy samples counted with multiplicity. Samples are taken
/// in order of energy ascending, then count descending, then index ascending (= Qiskit string
/// lexicographic order); the string at the cut-off keeps only the part of its count that fills the quota, so
/// the result totals min(fraction·N, N). Throws Error(InvalidArgument) when `fraction` is outside [0, 1],
/// the energy function is empty or returns a non-finite value. O(m log m) plus m energy evaluations.
SampleCounts energyFilter(const SampleCounts& samples, const SampleEnergy& energy,
                          double fraction = ENERGY_FILTER_FRACTION);

/// What the frequency filter did.
struct FrequencyFilterResult {
    SampleCounts kept;       ///< strings with count >= threshold, with their counts (the input when !filtered)
    double threshold = 0.0;  ///< the threshold finally used
    bool filtered = false;   ///< false when no filtering was applied (uniform output)
};

/// Frequency filter: threshold τ = thresholdFraction·N; keeps the strings with count >= τ. When none
/// qualifies τ is lowered by one until the most frequent string qualifies; if that needs τ <= 1 (every
/// string seen about once, i.e. uniform output) the input is returned unfiltered. Throws
/// Error(InvalidArgument) when thresholdFraction is outside [0, 1]. O(m).
FrequencyFilterResult frequencyFilter(const SampleCounts& samples,
                                      double thresholdFraction = FREQUENCY_FILTER_THRESHOLD);

/// Hamming filter: L = energyFilter(samples, lowFraction); then adds nearFraction·N of the remaining samples
/// (with multiplicity) ordered by Hamming distance to the nearest string of L, then energy, then count
/// descending, then index. With `complementEquivalent` (Max-Cut symmetry, not in the paper) the distance to a
/// string is min(d, n - d). Throws Error(InvalidArgument) for fractions outside [0, 1] or summing above 1.
/// O(m·|L| + m log m).
SampleCounts hammingFilter(const SampleCounts& samples, const SampleEnergy& energy,
                           double lowFraction = HAMMING_FILTER_LOW_FRACTION,
                           double nearFraction = HAMMING_FILTER_NEAR_FRACTION, bool complementEquivalent = false);

} // namespace engine
