// SPDX-License-Identifier: MIT
// Per-qubit readout assignment matrices (tensored readout-error model) and their inverses.
#pragma once

#include "mitigation/sample_counts.h"

#include <array>
#include <cstddef>
#include <vector>

namespace engine {

/// A 2x2 matrix, m[row][column].
using Matrix2 = std::array<std::array<double, 2>, 2>;

/// Readout error rates of one qubit (probabilities in [0, 1]).
struct QubitReadoutError {
    double p = 0.0;  ///< P(read 1 | prepared 0); IBM calibration field prob_meas1_prep0
    double q = 0.0;  ///< P(read 0 | prepared 1); IBM calibration field prob_meas0_prep1
};

/// The tensored readout model A = ⊗_q Λ_q with Λ_q = [[1 - p_q, q_q], [p_q, 1 - q_q]]
/// (rows = measured 0/1, columns = prepared 0/1), so noisy probabilities are y = A x
/// (algorithms.md 6.1). Qubit q is bit q of an outcome index. Immutable after construction, so
/// concurrent reads are safe.
class ReadoutCalibration {
public:
    /// From per-qubit error rates (e.g. device calibration data). Throws Error(InvalidArgument, "errors[q]")
    /// when p or q is outside [0, 1] or not finite, or when 1 - p - q <= 0 (the assignment matrix is then
    /// singular or flips the meaning of the readout, so it cannot be inverted for mitigation); throws
    /// Error(LimitExceeded) above SAMPLE_COUNTS_MAX_QUBITS qubits.
    explicit ReadoutCalibration(std::vector<QubitReadoutError> errors);

    /// Estimates p_q and q_q from two calibration runs over the same qubits: `allZeroShots` measured after
    /// preparing |0...0⟩, `allOneShots` after X on every qubit. p_q = fraction of all-zero shots reading 1
    /// on qubit q; q_q = fraction of all-one shots reading 0. Throws Error(InvalidArgument) when a run is
    /// empty or the two runs have different widths, and the constructor's errors for unusable rates. O(n m).
    static ReadoutCalibration fromCalibrationRuns(const SampleCounts& allZeroShots, const SampleCounts& allOneShots);

    std::size_t numQubits() const { return m_errors.size(); }
    const QubitReadoutError& error(std::size_t qubit) const { return m_errors.at(qubit); }
    const std::vector<QubitReadoutError>& errors() const { return m_errors; }

    /// Λ_q.
    Matrix2 assignment(std::size_t qubit) const;

    /// Λ_q^{-1} = (1 / (1 - p - q)) [[1 - q, -q], [-p, 1 - p]].
    Matrix2 inverse(std::size_t qubit) const;

private:
    std::vector<QubitReadoutError> m_errors;
};

} // namespace engine
