// SPDX-License-Identifier: MIT
// Shot sampling: from a probability vector in O(1) per shot (Walker/Vose alias method), or straight from a state.
#include "sim/state_sampler.h"

#include "core/error.h"
#include "sim/huge_pages.h"
#include "sim/thread_count.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <string>

namespace engine {

namespace {

__extension__ using Uint128 = unsigned __int128;

// Uniform index below `bound` from one 64-bit draw (multiply-shift; bias below bound / 2^64).
inline std::uint64_t uniformIndex(std::mt19937_64& rng, std::uint64_t bound)
{
    return static_cast<std::uint64_t>((static_cast<Uint128>(rng()) * bound) >> 64);
}

// Uniform real in [0, 1) with 53 random bits.
inline double uniformReal(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Largest number of shots sampleShots returns in one vector (8 bytes each; 2^32 shots = 32 GiB).
constexpr std::uint64_t MAX_SHOTS = std::uint64_t{1} << 32;

// Amplitudes per chunk of the state sampler's two passes.
constexpr unsigned CHUNK_BITS = 14;

void checkShots(std::uint64_t shots, double bytesPerShot)
{
    if (shots > MAX_SHOTS)
        throw Error(ErrorCode::LimitExceeded,
                    std::to_string(shots) + " shots exceed the limit of " + std::to_string(MAX_SHOTS), "shots");
    if (static_cast<double>(shots) * bytesPerShot > 0.9 * static_cast<double>(availableMemoryBytes()))
        throw Error(ErrorCode::LimitExceeded, std::to_string(shots) + " shots do not fit in the available memory",
                    "shots");
}

// |a|^2 of chunk c, summed in one fixed sequential order: the sampling pass repeats exactly these additions, so
// its running sum ends on the same value and every uniform below the chunk total finds its state.
template <typename Real>
double chunkProbability(const std::complex<Real>* a, std::uint64_t count)
{
    double sum = 0.0;
    for (std::uint64_t z = 0; z < count; ++z)
        sum += static_cast<double>(a[z].real()) * a[z].real() + static_cast<double>(a[z].imag()) * a[z].imag();
    return sum;
}

} // namespace

AliasSampler::AliasSampler(const std::vector<double>& weights)
{
    const std::size_t k = weights.size();
    if (k == 0)
        throw Error(ErrorCode::InvalidArgument, "no weights to sample from", "weights");
    double total = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        const double w = weights[i];
        if (!std::isfinite(w) || w < 0.0)
            throw Error(ErrorCode::InvalidArgument,
                        "weight " + std::to_string(i) + " is negative or not finite", "weights");
        total += w;
    }
    if (!(total > 0.0) || !std::isfinite(total))
        throw Error(ErrorCode::InvalidArgument, "weights sum to zero or overflow", "weights");

    // Vose's construction without work lists: one scan finds the small columns (scaled weight < 1), another the
    // large ones, both moving forward. A large column that drops below 1 is handled at once when the small scan
    // has already passed it, otherwise the small scan meets it later. m_probability holds the scaled weights
    // while the table is built, which is also each small column's final acceptance probability.
    const double scaleToColumns = static_cast<double>(k) / total;
    detail::resizeWithHugePages(m_probability, k);
    for (std::size_t i = 0; i < k; ++i)
        m_probability[i] = weights[i] * scaleToColumns;
    constexpr std::uint64_t UNSET = std::numeric_limits<std::uint64_t>::max();
    detail::resizeWithHugePages(m_alias, k);
    std::fill(m_alias.begin(), m_alias.end(), UNSET);
    std::vector<double>& q = m_probability;

    std::size_t smallScan = 0;
    std::size_t largeScan = 0;
    auto nextSmall = [&] {
        while (smallScan < k && q[smallScan] >= 1.0)
            ++smallScan;
        return smallScan < k ? smallScan++ : k;
    };
    auto nextLarge = [&] {
        while (largeScan < k && q[largeScan] < 1.0)
            ++largeScan;
        return largeScan;
    };
    std::size_t small = nextSmall();
    std::size_t large = nextLarge();
    while (small < k && large < k) {
        m_alias[small] = large;
        q[large] = (q[large] + q[small]) - 1.0;  // this order loses the least to rounding
        if (q[large] < 1.0) {
            ++largeScan;
            const std::size_t dropped = large;
            large = nextLarge();
            if (dropped < smallScan) {
                small = dropped;
                continue;
            }
        }
        small = nextSmall();
    }
    // Columns left over (the last large ones, or smalls stranded by rounding) keep their own index always.
    for (std::size_t i = 0; i < k; ++i) {
        if (m_alias[i] == UNSET) {
            m_alias[i] = i;
            m_probability[i] = 1.0;
        }
    }
}

std::uint64_t AliasSampler::sample(std::mt19937_64& rng) const
{
    const std::uint64_t column = uniformIndex(rng, m_probability.size());
    return uniformReal(rng) < m_probability[column] ? column : m_alias[column];
}

std::vector<std::uint64_t> sampleShots(const std::vector<double>& p, std::uint64_t shots, std::uint64_t seed)
{
    checkShots(shots, sizeof(std::uint64_t));
    const AliasSampler sampler(p);
    std::mt19937_64 rng(seed);
    std::vector<std::uint64_t> samples(shots);
    for (std::uint64_t& s : samples)
        s = sampler.sample(rng);
    return samples;
}

template <typename Real>
std::vector<std::uint64_t> sampleStateShots(const StateVector<Real>& state, std::uint64_t shots, std::uint64_t seed,
                                            int threads)
{
    checkShots(shots, 2 * sizeof(double));
    const std::uint64_t size = state.size();
    const std::uint64_t chunk = std::min(size, std::uint64_t{1} << CHUNK_BITS);
    const std::uint64_t numChunks = size / chunk;
    const std::complex<Real>* a = state.amplitudes();
    const int nt = detail::resolveThreadCount(threads, size);

    // Pass 1: probability mass of each chunk, and where each chunk starts in the cumulative distribution.
    std::vector<double> start(numChunks + 1, 0.0);
#pragma omp parallel for num_threads(nt) schedule(static) if (nt > 1)
    for (std::uint64_t c = 0; c < numChunks; ++c)
        start[c + 1] = chunkProbability(a + c * chunk, chunk);
    for (std::uint64_t c = 0; c < numChunks; ++c)
        start[c + 1] += start[c];
    const double total = start[numChunks];
    if (!(total > 0.0) || !std::isfinite(total))
        throw Error(ErrorCode::InvalidArgument, "state has zero or non-finite norm", "state");

    // Sorted uniform targets in [0, total); the generator then shuffles the results into draw order.
    std::mt19937_64 rng(seed);
    std::vector<double> targets(shots);
    const double below = std::nextafter(total, 0.0);
    for (double& t : targets)
        t = std::min(uniformReal(rng) * total, below);
    std::sort(targets.begin(), targets.end());

    // Pass 2: each chunk walks its states once and hands out the targets that fall into it.
    std::vector<std::uint64_t> samples(shots);
#pragma omp parallel for num_threads(nt) schedule(dynamic, 16) if (nt > 1)
    for (std::uint64_t c = 0; c < numChunks; ++c) {
        const auto first = static_cast<std::uint64_t>(
            std::lower_bound(targets.begin(), targets.end(), start[c]) - targets.begin());
        const auto last = c + 1 == numChunks ? shots
                                             : static_cast<std::uint64_t>(std::lower_bound(targets.begin(), targets.end(),
                                                                                           start[c + 1])
                                                                          - targets.begin());
        if (first == last)
            continue;
        const std::complex<Real>* chunkAmplitudes = a + c * chunk;
        std::uint64_t next = first;
        std::uint64_t lastNonZero = 0;
        double cumulative = 0.0;
        for (std::uint64_t z = 0; z < chunk && next < last; ++z) {
            const std::complex<Real> x = chunkAmplitudes[z];
            const double p = static_cast<double>(x.real()) * x.real() + static_cast<double>(x.imag()) * x.imag();
            if (p > 0.0)
                lastNonZero = z;
            cumulative += p;
            while (next < last && targets[next] - start[c] < cumulative)
                samples[next++] = c * chunk + z;
        }
        // Rounding of targets[next] - start[c] can leave a target a hair above the chunk's sum.
        for (; next < last; ++next)
            samples[next] = c * chunk + lastNonZero;
    }
    // Fisher-Yates with the same generator: the sorted order would otherwise correlate neighbouring shots.
    for (std::uint64_t i = shots; i > 1; --i)
        std::swap(samples[i - 1], samples[uniformIndex(rng, i)]);
    return samples;
}

template std::vector<std::uint64_t> sampleStateShots<double>(const StateVector<double>&, std::uint64_t,
                                                              std::uint64_t, int);
template std::vector<std::uint64_t> sampleStateShots<float>(const StateVector<float>&, std::uint64_t, std::uint64_t,
                                                             int);

std::map<std::uint64_t, std::uint64_t> countShots(const std::vector<std::uint64_t>& samples)
{
    std::map<std::uint64_t, std::uint64_t> counts;
    for (std::uint64_t s : samples)
        ++counts[s];
    return counts;
}

} // namespace engine
