// SPDX-License-Identifier: MIT
// The QAOA fast path: cost phase, cache-blocked X mixer fused with it, XY pair rotations, diagonal expectations.
#include "sim/qaoa_kernels.h"

#include "sim/mixer_layout.h"
#include "sim/simd_kernels.h"
#include "sim/thread_count.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>

namespace engine {

namespace {

// Sizes tuned on the 2-core AMD EPYC reference machine (tests/bench/sim/statevector.bench.cpp).
constexpr unsigned BLOCK_BYTES_LOG2 = 20;  // pass-1 blocks of 1 MiB (the L2 size), qubits inside applied in L1 pieces
constexpr unsigned TILE_BYTES_LOG2 = 21;   // later-pass tiles of up to 2 MiB, copied into a per-thread scratch
constexpr unsigned LINE_BYTES_LOG2 = 10;   // tile lines of 1 KiB: strided reads shorter than that are slow

const detail::SimdKernelTable<double>& kernels(double)
{
    return detail::simdKernelsDouble();
}

const detail::SimdKernelTable<float>& kernels(float)
{
    return detail::simdKernelsFloat();
}

void checkAngle(double angle, const char* name)
{
    if (!std::isfinite(angle))
        throw Error(ErrorCode::InvalidArgument, std::string(name) + " must be finite", name);
}

template <typename Real>
void checkDiagonal(const StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal)
{
    if (diagonal.size() != state.size())
        throw Error(ErrorCode::InvalidArgument,
                    "energy diagonal has " + std::to_string(diagonal.size()) + " entries, the state "
                        + std::to_string(state.size()),
                    "diagonal");
}

struct FreeDeleter {
    void operator()(void* p) const noexcept { std::free(p); }
};

// States too small for two SIMD vectors: the textbook loops.
template <typename Real>
void smallLayer(StateVector<Real>& state, const EnergyDiagonal<Real>* diagonal, double gamma, bool mix, double beta)
{
    using C = std::complex<Real>;
    C* a = state.amplitudes();
    const std::uint64_t n = state.size();
    if (diagonal != nullptr) {
        for (std::uint64_t z = 0; z < n; ++z) {
            const double x = gamma * static_cast<double>((*diagonal)[z]);
            a[z] *= C(static_cast<Real>(std::cos(x)), static_cast<Real>(-std::sin(x)));
        }
    }
    if (!mix)
        return;
    const Real c = static_cast<Real>(std::cos(beta));
    const C mis(0, static_cast<Real>(-std::sin(beta)));
    for (unsigned q = 0; q < state.numQubits(); ++q) {
        const std::uint64_t bit = std::uint64_t{1} << q;
        for (std::uint64_t z = 0; z < n; ++z) {
            if ((z & bit) != 0)
                continue;
            const C x0 = a[z];
            const C x1 = a[z | bit];
            a[z] = c * x0 + mis * x1;
            a[z | bit] = mis * x0 + c * x1;
        }
    }
}

// Inserts a zero bit at position `bit` of i.
inline std::uint64_t insertZero(std::uint64_t i, unsigned bit)
{
    const std::uint64_t low = (std::uint64_t{1} << bit) - 1;
    return ((i & ~low) << 1) | (i & low);
}

} // namespace

namespace detail {

MixerLayout defaultMixerLayout(unsigned numQubits, Precision precision)
{
    const unsigned amplitudeLog2 = precision == Precision::Double ? 4 : 3;
    MixerLayout layout;
    layout.lineBits = LINE_BYTES_LOG2 - amplitudeLog2;
    layout.tileBits = TILE_BYTES_LOG2 - LINE_BYTES_LOG2;
    layout.blockBits = std::min(numQubits, BLOCK_BYTES_LOG2 - amplitudeLog2);
    return layout;
}

template <typename Real>
void applyLayerWithLayout(StateVector<Real>& state, const EnergyDiagonal<Real>* diagonal, double gamma, bool mix,
                          double beta, const MixerLayout& layout, int threads)
{
    const unsigned n = state.numQubits();
    const auto& table = kernels(Real{});
    const int nt = resolveThreadCount(threads, state.size());
    if (n < table.minBlockBits) {
        smallLayer(state, diagonal, gamma, mix, beta);
        return;
    }
    MixParams params;
    params.gamma = gamma;
    params.beta = mix ? beta : 0.0;
    const unsigned blockBits = std::clamp(layout.blockBits, table.minBlockBits, n);
    const unsigned lineBits = std::clamp(layout.lineBits, table.minBlockBits, blockBits);
    const unsigned tileBits = std::max(layout.tileBits, 1u);
    Real* a = reinterpret_cast<Real*>(state.amplitudes());
    const Real* d = diagonal != nullptr ? diagonal->data() : nullptr;

    const std::uint64_t blockSize = std::uint64_t{1} << blockBits;
    const std::uint64_t numBlocks = state.size() >> blockBits;
    const unsigned mixBits = mix ? blockBits : 0;
    const bool tilesFollow = mix && blockBits < n;
    // The remaining qubits, split evenly over as few tile passes as the tile size allows; pass k takes
    // tileQubits(k) of them.
    const unsigned high = n - blockBits;
    const unsigned passes = tilesFollow ? (high + tileBits - 1) / tileBits : 0;
    auto tileQubits = [&](unsigned pass) {
        return high / passes + (pass < high % passes ? 1u : 0u);
    };
    // The tile passes leave scalar factors out; the first pass multiplies them in for free.
    std::complex<double> tileScale = 1.0;
    for (unsigned pass = 0; pass < passes; ++pass) {
        const MixFactor f = table.tileFactor(tileQubits(pass), beta);
        tileScale *= std::complex<double>(f.re, f.im);
    }
    params.scaleRe = tileScale.real();
    params.scaleIm = tileScale.imag();
    // Between the passes the amplitudes stay in the kernels' split layout; the last pass interleaves them again.
    params.splitOutput = tilesFollow;
#pragma omp parallel for num_threads(nt) schedule(static) if (nt > 1)
    for (std::uint64_t b = 0; b < numBlocks; ++b)
        table.lowBlock(a + 2 * b * blockSize, d != nullptr ? d + b * blockSize : nullptr, blockBits, mixBits, params);
    if (!tilesFollow)
        return;

    const std::uint64_t lineSize = std::uint64_t{1} << lineBits;
    unsigned q0 = blockBits;
    for (unsigned pass = 0; pass < passes; ++pass) {
        const unsigned h = tileQubits(pass);
        const std::uint64_t stride = std::uint64_t{1} << q0;
        params.splitOutput = pass + 1 < passes;
        const std::uint64_t chunksPerOuter = stride / lineSize;
        const std::uint64_t numTiles = (state.size() >> h) / lineSize;
        auto tileBase = [&](std::uint64_t t) {
            const std::uint64_t outer = t / chunksPerOuter;
            const std::uint64_t lo = (t % chunksPerOuter) * lineSize;
            return a + 2 * ((outer << (q0 + h)) | lo);
        };
        // One scratch tile per thread, allocated here so that a failure throws on the calling thread.
        const std::size_t scratchReals = ((lineSize << h) * 2 * sizeof(Real) + 63) / 64 * 64 / sizeof(Real);
        const std::unique_ptr<Real, FreeDeleter> scratch(
            static_cast<Real*>(std::aligned_alloc(64, scratchReals * sizeof(Real) * static_cast<std::size_t>(nt))));
        if (!scratch)
            throw std::bad_alloc();
#pragma omp parallel num_threads(nt) if (nt > 1)
        {
            Real* mine = scratch.get() + scratchReals * static_cast<std::size_t>(omp_get_thread_num());
#pragma omp for schedule(static)
            for (std::uint64_t t = 0; t < numTiles; ++t)
                table.highTile(tileBase(t), stride, h, lineSize, mine, params);
        }
        q0 += h;
    }
}

template void applyLayerWithLayout<double>(StateVector<double>&, const EnergyDiagonal<double>*, double, bool, double,
                                           const MixerLayout&, int);
template void applyLayerWithLayout<float>(StateVector<float>&, const EnergyDiagonal<float>*, double, bool, double,
                                          const MixerLayout&, int);

} // namespace detail

template <typename Real>
void applyCostPhase(StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, double gamma, int threads)
{
    checkDiagonal(state, diagonal);
    checkAngle(gamma, "gamma");
    const auto precision = sizeof(Real) == sizeof(double) ? Precision::Double : Precision::Single;
    detail::applyLayerWithLayout(state, &diagonal, gamma, false, 0.0,
                                 detail::defaultMixerLayout(state.numQubits(), precision), threads);
}

template <typename Real>
void applyXMixer(StateVector<Real>& state, double beta, int threads)
{
    checkAngle(beta, "beta");
    const auto precision = sizeof(Real) == sizeof(double) ? Precision::Double : Precision::Single;
    detail::applyLayerWithLayout<Real>(state, nullptr, 0.0, true, beta,
                                       detail::defaultMixerLayout(state.numQubits(), precision), threads);
}

template <typename Real>
void applyQaoaLayer(StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, double gamma, double beta,
                    int threads)
{
    checkDiagonal(state, diagonal);
    checkAngle(gamma, "gamma");
    checkAngle(beta, "beta");
    const auto precision = sizeof(Real) == sizeof(double) ? Precision::Double : Precision::Single;
    detail::applyLayerWithLayout(state, &diagonal, gamma, true, beta,
                                 detail::defaultMixerLayout(state.numQubits(), precision), threads);
}

template <typename Real>
void applyXYPair(StateVector<Real>& state, unsigned a, unsigned b, double beta, int threads)
{
    const unsigned n = state.numQubits();
    if (a >= n || b >= n || a == b)
        throw Error(ErrorCode::InvalidArgument,
                    "XY pair needs two different qubits below " + std::to_string(n) + ", got " + std::to_string(a)
                        + " and " + std::to_string(b),
                    a >= n || a == b ? "a" : "b");
    checkAngle(beta, "beta");
    using C = std::complex<Real>;
    const Real c = static_cast<Real>(std::cos(2.0 * beta));
    const C mis(0, static_cast<Real>(-std::sin(2.0 * beta)));
    const unsigned lo = std::min(a, b);
    const unsigned hi = std::max(a, b);
    const std::uint64_t bitA = std::uint64_t{1} << a;
    const std::uint64_t bitB = std::uint64_t{1} << b;
    const std::uint64_t quarter = state.size() >> 2;
    C* amp = state.amplitudes();
    const int nt = detail::resolveThreadCount(threads, state.size());
#pragma omp parallel for num_threads(nt) schedule(static) if (nt > 1)
    for (std::uint64_t i = 0; i < quarter; ++i) {
        const std::uint64_t base = insertZero(insertZero(i, lo), hi);
        // Only |01> and |10> of (a, b) mix; |00> and |11> are left alone.
        const C x = amp[base | bitA];
        const C y = amp[base | bitB];
        amp[base | bitA] = c * x + mis * y;
        amp[base | bitB] = mis * x + c * y;
    }
}

template <typename Real>
double expectationOfDiagonal(const StateVector<Real>& state, const EnergyDiagonal<Real>& diagonal, int threads)
{
    checkDiagonal(state, diagonal);
    const auto& table = kernels(Real{});
    const std::uint64_t n = state.size();
    const Real* a = reinterpret_cast<const Real*>(state.amplitudes());
    const Real* d = diagonal.data();
    const int nt = detail::resolveThreadCount(threads, n);
    if (n < (std::uint64_t{1} << table.minBlockBits)) {
        double sum = 0.0;
        for (std::uint64_t z = 0; z < n; ++z)
            sum += static_cast<double>(std::norm(state.amplitudes()[z])) * static_cast<double>(d[z]);
        return sum;
    }
    constexpr std::uint64_t CHUNK = std::uint64_t{1} << 14;
    const std::uint64_t chunk = std::min(CHUNK, n);
    const std::uint64_t chunks = n / chunk;
    double sum = 0.0;
#pragma omp parallel for num_threads(nt) schedule(static) reduction(+ : sum) if (nt > 1)
    for (std::uint64_t c = 0; c < chunks; ++c)
        sum += table.expectation(a + 2 * c * chunk, d + c * chunk, chunk);
    return sum;
}

template void applyCostPhase<double>(StateVector<double>&, const EnergyDiagonal<double>&, double, int);
template void applyCostPhase<float>(StateVector<float>&, const EnergyDiagonal<float>&, double, int);
template void applyXMixer<double>(StateVector<double>&, double, int);
template void applyXMixer<float>(StateVector<float>&, double, int);
template void applyQaoaLayer<double>(StateVector<double>&, const EnergyDiagonal<double>&, double, double, int);
template void applyQaoaLayer<float>(StateVector<float>&, const EnergyDiagonal<float>&, double, double, int);
template void applyXYPair<double>(StateVector<double>&, unsigned, unsigned, double, int);
template void applyXYPair<float>(StateVector<float>&, unsigned, unsigned, double, int);
template double expectationOfDiagonal<double>(const StateVector<double>&, const EnergyDiagonal<double>&, int);
template double expectationOfDiagonal<float>(const StateVector<float>&, const EnergyDiagonal<float>&, int);

} // namespace engine
