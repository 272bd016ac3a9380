// SPDX-License-Identifier: MIT
// Least-Norm Filter: subspace construction, reduced tensored inverse, least-norm correction and SGS projection.
#include "mitigation/least_norm_filter.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace engine {

namespace {

void throwTooLarge(std::size_t atLeast)
{
    throw Error(ErrorCode::LimitExceeded,
                std::string("the mitigation subspace has at least ") + std::to_string(atLeast)
                    + " strings, more than the limit of " + std::to_string(LNF_MAX_SUBSPACE),
                "counts");
}

// Adds every string obtained from `base` by flipping between 1 and `remaining` further qubits at
// positions >= `from`, so each neighbour is produced once per base string.
void addNeighbours(std::uint64_t base, std::size_t from, std::size_t remaining, std::size_t numQubits,
                   std::set<std::uint64_t>& out)
{
    if (remaining == 0)
        return;
    for (std::size_t q = from; q < numQubits; ++q) {
        const std::uint64_t flipped = base ^ (std::uint64_t{1} << q);
        out.insert(flipped);
        if (out.size() > LNF_MAX_SUBSPACE)
            throwTooLarge(out.size());
        addNeighbours(flipped, q + 1, remaining - 1, numQubits, out);
    }
}

} // namespace

std::vector<double> sgsProject(const std::vector<double>& values)
{
    if (values.empty())
        throw Error(ErrorCode::InvalidArgument, "cannot project an empty vector", "values");
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            throw Error(ErrorCode::InvalidArgument, "entry is not finite", indexedPlace("values", i));

    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });

    double acc = 0.0;
    std::size_t remaining = values.size();
    std::size_t removed = 0;
    // The last survivor is never removed: once r = 1 the shift acc/r leaves it at the (non-negative) total.
    while (remaining > 1 && values[order[removed]] + acc / static_cast<double>(remaining) < 0.0) {
        acc += values[order[removed]];
        ++removed;
        --remaining;
    }
    std::vector<double> result(values.size(), 0.0);
    const double shift = acc / static_cast<double>(remaining);
    for (std::size_t k = removed; k < order.size(); ++k)
        result[order[k]] = values[order[k]] + shift;
    return result;
}

LeastNormFilterResult leastNormFilter(const SampleCounts& counts, const ReadoutCalibration& calibration,
                                      std::size_t hammingRadius)
{
    const std::size_t n = counts.numQubits();
    if (calibration.numQubits() != n)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("calibration covers ") + std::to_string(calibration.numQubits())
                        + " qubits, the sample " + std::to_string(n),
                    "calibration");
    if (hammingRadius > n)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("Hamming radius ") + std::to_string(hammingRadius) + " exceeds the "
                        + std::to_string(n) + " qubits",
                    "hammingRadius");
    const double shots = counts.total();
    if (counts.empty() || !(shots > 0.0))
        throw Error(ErrorCode::InvalidArgument, "the sample is empty", "counts");
    if (counts.size() > LNF_MAX_SUBSPACE)
        throwTooLarge(counts.size());

    // Step 1: the subspace S.
    std::set<std::uint64_t> subspace;
    for (const auto& entry : counts.counts())
        subspace.insert(entry.first);
    if (hammingRadius > 0)
        for (const auto& entry : counts.counts())
            addNeighbours(entry.first, 0, hammingRadius, n, subspace);

    LeastNormFilterResult result;
    result.subspace.assign(subspace.begin(), subspace.end());
    const std::size_t m = result.subspace.size();
    result.measured.resize(m, 0.0);
    for (std::size_t i = 0; i < m; ++i)
        result.measured[i] = counts.count(result.subspace[i]) / shots;

    // Steps 2-3: x = M y with M_ij = Π_q (Λ_q^{-1})[bit_q(s_i)][bit_q(s_j)], evaluated on the fly so memory
    // stays O(m). Only columns with y_j != 0 contribute, which skips the Hamming-added strings.
    std::vector<Matrix2> inverses(n);
    for (std::size_t q = 0; q < n; ++q)
        inverses[q] = calibration.inverse(q);
    std::vector<std::size_t> support;
    for (std::size_t j = 0; j < m; ++j)
        if (result.measured[j] != 0.0)
            support.push_back(j);
    result.inverted.assign(m, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        const std::uint64_t si = result.subspace[i];
        double sum = 0.0;
        for (const std::size_t j : support) {
            const std::uint64_t sj = result.subspace[j];
            double product = 1.0;
            for (std::size_t q = 0; q < n; ++q)
                product *= inverses[q][(si >> q) & 1U][(sj >> q) & 1U];
            sum += product * result.measured[j];
        }
        result.inverted[i] = sum;
    }

    // Step 4: least-norm correction onto the hyperplane Σ x = 1.
    const double deficit = 1.0 - std::accumulate(result.inverted.begin(), result.inverted.end(), 0.0);
    result.corrected = result.inverted;
    for (double& v : result.corrected)
        v += deficit / static_cast<double>(m);

    // Steps 5-6.
    result.probabilities = sgsProject(result.corrected);
    result.counts = SampleCounts(n);
    for (std::size_t i = 0; i < m; ++i)
        if (result.probabilities[i] > 0.0)
            result.counts.add(result.subspace[i], shots * result.probabilities[i]);
    return result;
}

} // namespace engine
