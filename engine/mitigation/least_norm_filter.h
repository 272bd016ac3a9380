// SPDX-License-Identifier: MIT
// Least-Norm Filter readout-error mitigation (Yang, Raymond, Uno 2022) on the observed subspace, with SGS projection.
#pragma once

#include "mitigation/readout_calibration.h"
#include "mitigation/sample_counts.h"

#include <cstdint>
#include <vector>

namespace engine {

/// Largest subspace S (observed strings plus Hamming neighbours) the filter accepts. The reduced inverse is
/// applied without storing it (O(m) memory) but costs O(n m^2) time, about 1e10 elementary steps at this
/// bound; it covers any 10 000-shot run at radius 0.
constexpr std::size_t LNF_MAX_SUBSPACE = 10'000;

/// The intermediate and final vectors of one LNF run, all aligned with `subspace`.
struct LeastNormFilterResult {
    std::vector<std::uint64_t> subspace;  ///< s_1..s_m, outcome indices in increasing order
    std::vector<double> measured;         ///< y_i = c_i / N (0 for strings added by the Hamming radius)
    std::vector<double> inverted;         ///< x = M y, M = S×S block of ⊗_q Λ_q^{-1}
    std::vector<double> corrected;        ///< x̂ = x + ((1 - Σx) / m)·1
    std::vector<double> probabilities;    ///< x̃ = SGS projection of x̂ (a probability vector)
    SampleCounts counts;                  ///< N·x̃ with zero entries dropped (non-integer counts)
};

/// Runs the Least-Norm Filter of algorithms.md 6.2 (steps 1-6) on `counts` with the per-qubit model
/// `calibration` (same number of qubits) and Hamming radius `hammingRadius` (0 = observed strings only).
/// Throws Error(InvalidArgument) when the widths differ, the sample is empty or the radius exceeds the
/// number of qubits, and Error(LimitExceeded, "counts") before any m×m work when the subspace would exceed
/// LNF_MAX_SUBSPACE strings. Time O(n m^2), memory O(m + n). Pure function, thread-safe.
LeastNormFilterResult leastNormFilter(const SampleCounts& counts, const ReadoutCalibration& calibration,
                                      std::size_t hammingRadius = 0);

/// Smolin-Gambetta-Smith projection (PRL 108, 070502): the probability vector nearest in 2-norm to
/// `values`, which should already sum to 1 (the LNF guarantees it). Entries keep their positions; negative
/// mass is removed smallest-first and spread evenly over the survivors. Throws Error(InvalidArgument) for an
/// empty vector or a non-finite entry. O(m log m).
std::vector<double> sgsProject(const std::vector<double>& values);

} // namespace engine
