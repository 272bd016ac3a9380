// SPDX-License-Identifier: MIT
// Sample multisets: construction from shots and Qiskit strings, normalisation and seeded resampling.
#include "mitigation/sample_counts.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace engine {

namespace {

bool fitsIn(std::uint64_t index, std::size_t numQubits)
{
    return numQubits >= 64 || (index >> numQubits) == 0;
}

} // namespace

SampleCounts::SampleCounts(std::size_t numQubits)
    : m_numQubits(numQubits)
{
    if (numQubits > SAMPLE_COUNTS_MAX_QUBITS)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("at most ") + std::to_string(SAMPLE_COUNTS_MAX_QUBITS) + " qubits are supported, got "
                        + std::to_string(numQubits),
                    "numQubits");
}

SampleCounts SampleCounts::fromShots(const std::vector<std::uint64_t>& shots, std::size_t numQubits)
{
    SampleCounts result(numQubits);
    for (std::size_t i = 0; i < shots.size(); ++i) {
        if (!fitsIn(shots[i], numQubits))
            throw Error(ErrorCode::InvalidInput,
                        std::string("outcome ") + std::to_string(shots[i]) + " has bits beyond qubit "
                            + std::to_string(numQubits),
                        indexedPlace("shots", i));
        result.m_counts[shots[i]] += 1.0;
    }
    return result;
}

SampleCounts SampleCounts::fromQiskitCounts(const std::vector<std::pair<std::string, double>>& counts,
                                            std::size_t numQubits)
{
    SampleCounts result(numQubits);
    for (const auto& [text, c] : counts)
        result.addQiskit(text, c);
    return result;
}

void SampleCounts::checkIndex(std::uint64_t index, const std::string& where) const
{
    if (!fitsIn(index, m_numQubits))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("outcome ") + std::to_string(index) + " does not fit in " + std::to_string(m_numQubits)
                        + " qubits",
                    where);
}

void SampleCounts::add(std::uint64_t index, double count)
{
    checkIndex(index, "index");
    if (!std::isfinite(count) || count < 0.0)
        throw Error(ErrorCode::InvalidArgument, std::string("count must be finite and >= 0, got ") + std::to_string(count),
                    "count");
    if (count == 0.0)
        return;
    m_counts[index] += count;
}

void SampleCounts::add(const Bits& bits, double count)
{
    if (bits.size() != m_numQubits)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("bitstring has ") + std::to_string(bits.size()) + " bits, expected "
                        + std::to_string(m_numQubits),
                    "bits");
    add(bitsToIndex(bits), count);
}

void SampleCounts::addQiskit(std::string_view text, double count)
{
    add(indexFromQiskitString(text, m_numQubits), count);
}

double SampleCounts::count(std::uint64_t index) const
{
    const auto it = m_counts.find(index);
    return it == m_counts.end() ? 0.0 : it->second;
}

double SampleCounts::total() const
{
    double sum = 0.0;
    for (const auto& entry : m_counts)
        sum += entry.second;
    return sum;
}

std::vector<std::pair<std::uint64_t, double>> SampleCounts::probabilities() const
{
    const double n = total();
    if (!(n > 0.0))
        throw Error(ErrorCode::InvalidArgument, "cannot normalise an empty sample", "counts");
    std::vector<std::pair<std::uint64_t, double>> result;
    result.reserve(m_counts.size());
    for (const auto& [index, c] : m_counts)
        result.emplace_back(index, c / n);
    return result;
}

SampleCounts SampleCounts::resample(std::uint64_t shots, std::uint64_t seed) const
{
    if (shots > SAMPLE_COUNTS_MAX_RESAMPLE_SHOTS)
        throw Error(ErrorCode::LimitExceeded,
                    std::string("at most ") + std::to_string(SAMPLE_COUNTS_MAX_RESAMPLE_SHOTS) + " shots per resample, got "
                        + std::to_string(shots),
                    "shots");
    const double n = total();
    if (!(n > 0.0))
        throw Error(ErrorCode::InvalidArgument, "cannot resample an empty sample", "counts");

    std::vector<std::uint64_t> outcomes;
    std::vector<double> cumulative;
    outcomes.reserve(m_counts.size());
    cumulative.reserve(m_counts.size());
    double running = 0.0;
    for (const auto& [index, c] : m_counts) {
        running += c;
        outcomes.push_back(index);
        cumulative.push_back(running);
    }

    std::mt19937_64 engine(seed);
    SampleCounts result(m_numQubits);
    for (std::uint64_t s = 0; s < shots; ++s) {
        // Own inverse-CDF draw instead of std::discrete_distribution, whose algorithm differs between libraries.
        const double u = static_cast<double>(engine() >> 11) * 0x1.0p-53 * running;
        auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        if (it == cumulative.end())
            --it;
        result.m_counts[outcomes[static_cast<std::size_t>(it - cumulative.begin())]] += 1.0;
    }
    return result;
}

std::string SampleCounts::qiskitKey(std::uint64_t index) const
{
    checkIndex(index, "index");
    return indexToQiskitString(index, m_numQubits);
}

std::uint64_t indexFromQiskitString(std::string_view text, std::size_t numQubits)
{
    if (numQubits > SAMPLE_COUNTS_MAX_QUBITS)
        throw Error(ErrorCode::InvalidArgument, "more than 64 qubits", "numQubits");
    return bitsToIndex(bitsFromQiskitString(text, static_cast<long long>(numQubits)));
}

std::string indexToQiskitString(std::uint64_t index, std::size_t numQubits)
{
    if (numQubits > SAMPLE_COUNTS_MAX_QUBITS)
        throw Error(ErrorCode::InvalidArgument, "more than 64 qubits", "numQubits");
    return bitsToQiskitString(bitsFromIndex(index, numQubits));
}

} // namespace engine
