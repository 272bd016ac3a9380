// SPDX-License-Identifier: MIT
// Energy, frequency and Hamming sample filters over real-valued sample multisets.
#include "mitigation/sample_filters.h"

#include "core/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <vector>

namespace engine {

namespace {

void checkFraction(double f, const char* name)
{
    if (!std::isfinite(f) || f < 0.0 || f > 1.0)
        throw Error(ErrorCode::InvalidArgument,
                    std::string("fraction must lie in [0, 1], got ") + std::to_string(f), name);
}

struct Candidate {
    std::uint64_t index = 0;
    double count = 0.0;
    double energy = 0.0;
    std::size_t distance = 0;
};

// Takes candidates in their given order until `quota` is filled; the last one may be taken partially.
void takeUpTo(const std::vector<Candidate>& ordered, double quota, SampleCounts& out)
{
    double taken = 0.0;
    for (const auto& c : ordered) {
        const double room = quota - taken;
        if (!(room > 0.0))
            break;
        const double part = std::min(c.count, room);
        out.add(c.index, part);
        taken += part;
    }
}

bool byEnergyThenCount(const Candidate& a, const Candidate& b)
{
    if (a.energy != b.energy)
        return a.energy < b.energy;
    if (a.count != b.count)
        return a.count > b.count;
    return a.index < b.index;
}

std::vector<Candidate> candidates(const SampleCounts& samples, const SampleEnergy& energy)
{
    std::vector<Candidate> result;
    result.reserve(samples.size());
    for (const auto& [index, c] : samples.counts()) {
        const double e = energy(index);
        // A NaN would break the strict weak ordering the sorts rely on.
        if (!std::isfinite(e))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("energy of outcome ") + std::to_string(index) + " is not finite", "energy");
        result.push_back({index, c, e, 0});
    }
    return result;
}

} // namespace

SampleEnergy quboSampleEnergy(const QuboModel& model)
{
    return [&model](std::uint64_t index) { return model.energy(bitsFromIndex(index, model.numVariables())); };
}

SampleCounts energyFilter(const SampleCounts& samples, const SampleEnergy& energy, double fraction)
{
    checkFraction(fraction, "fraction");
    if (!energy)
        throw Error(ErrorCode::InvalidArgument, "no energy function", "energy");
    auto ordered = candidates(samples, energy);
    std::sort(ordered.begin(), ordered.end(), byEnergyThenCount);
    SampleCounts result(samples.numQubits());
    takeUpTo(ordered, fraction * samples.total(), result);
    return result;
}

FrequencyFilterResult frequencyFilter(const SampleCounts& samples, double thresholdFraction)
{
    checkFraction(thresholdFraction, "thresholdFraction");
    FrequencyFilterResult result{SampleCounts(samples.numQubits()), thresholdFraction * samples.total(), true};
    double maxCount = 0.0;
    for (const auto& entry : samples.counts())
        maxCount = std::max(maxCount, entry.second);
    if (maxCount < result.threshold) {
        // Lowering by whole steps until the most frequent string qualifies.
        result.threshold -= std::ceil(result.threshold - maxCount);
        if (result.threshold <= 1.0) {
            result.kept = samples;
            result.filtered = false;
            return result;
        }
    }
    for (const auto& [index, c] : samples.counts())
        if (c >= result.threshold)
            result.kept.add(index, c);
    return result;
}

SampleCounts hammingFilter(const SampleCounts& samples, const SampleEnergy& energy, double lowFraction,
                           double nearFraction, bool complementEquivalent)
{
    checkFraction(lowFraction, "lowFraction");
    checkFraction(nearFraction, "nearFraction");
    if (lowFraction + nearFraction > 1.0 + 1e-12)
        throw Error(ErrorCode::InvalidArgument, "lowFraction + nearFraction exceeds 1", "nearFraction");
    const SampleCounts low = energyFilter(samples, energy, lowFraction);

    const std::size_t n = samples.numQubits();
    std::vector<Candidate> rest;
    for (const auto& [index, c] : samples.counts()) {
        const double left = c - low.count(index);
        if (!(left > 0.0))
            continue;
        std::size_t best = std::numeric_limits<std::size_t>::max();
        for (const auto& entry : low.counts()) {
            std::size_t d = static_cast<std::size_t>(std::popcount(index ^ entry.first));
            if (complementEquivalent)
                d = std::min(d, n - d);
            best = std::min(best, d);
        }
        const double e = energy(index);
        if (!std::isfinite(e))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("energy of outcome ") + std::to_string(index) + " is not finite", "energy");
        rest.push_back({index, left, e, best});
    }
    std::sort(rest.begin(), rest.end(), [](const Candidate& a, const Candidate& b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        return byEnergyThenCount(a, b);
    });

    SampleCounts result = low;
    takeUpTo(rest, nearFraction * samples.total(), result);
    return result;
}

} // namespace engine
