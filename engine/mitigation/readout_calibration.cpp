// SPDX-License-Identifier: MIT
// Per-qubit readout assignment matrices: validation, estimation from calibration runs and inversion.
#include "mitigation/readout_calibration.h"

#include "core/error.h"

#include <cmath>

namespace engine {

namespace {

bool isProbability(double v)
{
    return std::isfinite(v) && v >= 0.0 && v <= 1.0;
}

} // namespace

ReadoutCalibration::ReadoutCalibration(std::vector<QubitReadoutError> errors)
    : m_errors(std::move(errors))
{
    if (m_errors.size() > SAMPLE_COUNTS_MAX_QUBITS)
        throw Error(ErrorCode::LimitExceeded,
                    std::string("at most ") + std::to_string(SAMPLE_COUNTS_MAX_QUBITS) + " qubits, got "
                        + std::to_string(m_errors.size()),
                    "errors");
    for (std::size_t i = 0; i < m_errors.size(); ++i) {
        const auto& e = m_errors[i];
        if (!isProbability(e.p) || !isProbability(e.q))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("error rates must lie in [0, 1], got p = ") + std::to_string(e.p)
                            + ", q = " + std::to_string(e.q),
                        indexedPlace("errors", i));
        if (!(1.0 - e.p - e.q > 0.0))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("readout is no better than a coin flip (1 - p - q = ") + std::to_string(1.0 - e.p - e.q)
                            + " <= 0), so its assignment matrix cannot be inverted",
                        indexedPlace("errors", i));
    }
}

ReadoutCalibration ReadoutCalibration::fromCalibrationRuns(const SampleCounts& allZeroShots,
                                                           const SampleCounts& allOneShots)
{
    if (allZeroShots.numQubits() != allOneShots.numQubits())
        throw Error(ErrorCode::InvalidArgument,
                    std::string("calibration runs cover ") + std::to_string(allZeroShots.numQubits()) + " and "
                        + std::to_string(allOneShots.numQubits()) + " qubits",
                    "allOneShots");
    const double zeroTotal = allZeroShots.total();
    const double oneTotal = allOneShots.total();
    if (!(zeroTotal > 0.0))
        throw Error(ErrorCode::InvalidArgument, "the all-zero calibration run has no shots", "allZeroShots");
    if (!(oneTotal > 0.0))
        throw Error(ErrorCode::InvalidArgument, "the all-one calibration run has no shots", "allOneShots");

    const std::size_t n = allZeroShots.numQubits();
    std::vector<QubitReadoutError> errors(n);
    for (const auto& [index, c] : allZeroShots.counts())
        for (std::size_t q = 0; q < n; ++q)
            if ((index >> q) & 1U)
                errors[q].p += c;
    for (const auto& [index, c] : allOneShots.counts())
        for (std::size_t q = 0; q < n; ++q)
            if (!((index >> q) & 1U))
                errors[q].q += c;
    for (auto& e : errors) {
        e.p /= zeroTotal;
        e.q /= oneTotal;
    }
    return ReadoutCalibration(std::move(errors));
}

Matrix2 ReadoutCalibration::assignment(std::size_t qubit) const
{
    const auto& e = m_errors.at(qubit);
    return Matrix2{{{1.0 - e.p, e.q}, {e.p, 1.0 - e.q}}};
}

Matrix2 ReadoutCalibration::inverse(std::size_t qubit) const
{
    const auto& e = m_errors.at(qubit);
    const double s = 1.0 / (1.0 - e.p - e.q);
    return Matrix2{{{s * (1.0 - e.q), -s * e.q}, {-s * e.p, s * (1.0 - e.p)}}};
}

} // namespace engine
