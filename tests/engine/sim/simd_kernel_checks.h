// SPDX-License-Identifier: MIT
// Checks of one SIMD kernel table against obvious scalar loops, shared by the tests of each instruction set.
#pragma once

#include "sim/simd_kernels.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace simd_checks {

using engine::detail::MixParams;
using engine::detail::SimdKernelTable;

struct FreeDeleter {
    void operator()(void* p) const noexcept { std::free(p); }
};

/// 64-byte aligned storage for `count` complex amplitudes as interleaved reals.
template <typename Real>
std::unique_ptr<Real, FreeDeleter> alignedReals(std::size_t count)
{
    const std::size_t bytes = std::max<std::size_t>(64, (count * sizeof(Real) + 63) / 64 * 64);
    return std::unique_ptr<Real, FreeDeleter>(static_cast<Real*>(std::aligned_alloc(64, bytes)));
}

template <typename Real>
void fillRandom(Real* p, std::size_t count, std::uint64_t seed, double low, double high)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(low, high);
    for (std::size_t i = 0; i < count; ++i)
        p[i] = static_cast<Real>(u(rng));
}

template <typename Real>
std::complex<double> at(const Real* a, std::uint64_t z)
{
    return {static_cast<double>(a[2 * z]), static_cast<double>(a[2 * z + 1])};
}

/// RX(2 beta) = [[cos beta, -i sin beta], [-i sin beta, cos beta]] on reference amplitudes, applied to the qubits
/// in `strides` (given as index strides).
inline void referenceMix(std::vector<std::complex<double>>& v, const std::vector<std::uint64_t>& strides, double beta)
{
    const std::complex<double> c(std::cos(beta), 0.0);
    const std::complex<double> mis(0.0, -std::sin(beta));
    for (std::uint64_t bit : strides) {
        for (std::uint64_t z = 0; z < v.size(); ++z) {
            if ((z & bit) != 0)
                continue;
            const std::complex<double> x0 = v[z];
            const std::complex<double> x1 = v[z | bit];
            v[z] = c * x0 + mis * x1;
            v[z | bit] = mis * x0 + c * x1;
        }
    }
}

/// max_z |a[z] - expected[z]| relative to max(1, max_z |expected[z]|): the global factors need not keep the
/// norm, so errors scale with the largest amplitude.
template <typename Real>
double worstDiff(const Real* a, const std::vector<std::complex<double>>& expected)
{
    double worst = 0.0;
    double largest = 1.0;
    for (std::uint64_t z = 0; z < expected.size(); ++z) {
        worst = std::max(worst, std::abs(at(a, z) - expected[z]));
        largest = std::max(largest, std::abs(expected[z]));
    }
    return worst / largest;
}

template <typename Real>
constexpr double TOL = sizeof(Real) == sizeof(double) ? 1e-12 : 2e-5;

inline MixParams params(double gamma, double beta, double scaleRe, double scaleIm)
{
    MixParams p;
    p.gamma = gamma;
    p.beta = beta;
    p.scaleRe = scaleRe;
    p.scaleIm = scaleIm;
    return p;
}

/// Mixer angles of both normalised forms the kernels use: |tan beta| <= 1 and |tan beta| > 1, either sign.
constexpr double BETAS[] = {0.45, -1.2};

/// lowBlock: phase (with and without a diagonal), global factor and every mixBits <= blockBits.
template <typename Real>
void checkLowBlock(const SimdKernelTable<Real>& table)
{
    for (unsigned blockBits = table.minBlockBits; blockBits <= 13; ++blockBits) {
        const std::uint64_t size = std::uint64_t{1} << blockBits;
        const auto amps = alignedReals<Real>(2 * size);
        const auto diag = alignedReals<Real>(size);
        for (unsigned mixBits : {0u, 1u, blockBits / 2, blockBits}) {
            if (mixBits > blockBits)
                continue;
            for (bool withDiagonal : {true, false}) {
                for (int variant = 0; variant < 4; ++variant) {
                    const double beta = BETAS[variant & 1];
                    const bool splitOutput = (variant & 2) != 0;
                    const std::uint64_t seed = blockBits * 1000 + mixBits * 10 + (withDiagonal ? 1 : 0);
                    fillRandom(amps.get(), 2 * size, seed, -1.0, 1.0);
                    // Energies up to +-60 with gamma 1.7 exercise many quadrants of the range reduction.
                    fillRandom(diag.get(), size, seed + 7, -60.0, 60.0);
                    MixParams p = params(1.7, beta, 0.8, -0.35);
                    p.splitOutput = splitOutput;
                    std::vector<std::complex<double>> expected(size);
                    const std::complex<double> g(p.scaleRe, p.scaleIm);
                    for (std::uint64_t z = 0; z < size; ++z) {
                        expected[z] = g * at(amps.get(), z);
                        if (withDiagonal)
                            expected[z] *= std::polar(1.0, -p.gamma * static_cast<double>(diag.get()[z]));
                    }
                    std::vector<std::uint64_t> strides;
                    for (unsigned q = 0; q < mixBits; ++q)
                        strides.push_back(std::uint64_t{1} << q);
                    referenceMix(expected, strides, beta);
                    table.lowBlock(amps.get(), withDiagonal ? diag.get() : nullptr, blockBits, mixBits, p);
                    if (splitOutput)
                        table.convertLayout(amps.get(), size, false);
                    const double err = worstDiff(amps.get(), expected);
                    QVERIFY2(err <= TOL<Real> * 4,
                             qPrintable(QStringLiteral("%1 lowBlock bits %2 mix %3 diag %4 beta %5 split %6: error %7")
                                            .arg(QString::fromLatin1(engine::detail::simdLevelName(table.level)))
                                            .arg(blockBits).arg(mixBits).arg(withDiagonal).arg(beta)
                                            .arg(splitOutput).arg(err)));
                }
            }
        }
    }
}

/// The phase factor for large and special arguments: still unit modulus and close to std::polar.
template <typename Real>
void checkPhaseRange(const SimdKernelTable<Real>& table)
{
    const unsigned bits = table.minBlockBits + 3;
    const std::uint64_t size = std::uint64_t{1} << bits;
    const auto amps = alignedReals<Real>(2 * size);
    const auto diag = alignedReals<Real>(size);
    const double magnitudes[] = {0.0, 1e-3, 0.785, 3.0, 1e2, 1e4};
    for (double magnitude : magnitudes) {
        std::vector<std::complex<double>> expected(size);
        fillRandom(diag.get(), size, 99, -magnitude, magnitude);
        for (std::uint64_t z = 0; z < size; ++z) {
            amps.get()[2 * z] = 1;
            amps.get()[2 * z + 1] = 0;
            expected[z] = std::polar(1.0, -static_cast<double>(diag.get()[z]));
        }
        table.lowBlock(amps.get(), diag.get(), bits, 0, params(1.0, 0.0, 1.0, 0.0));
        // The argument itself is rounded to the precision: allow an ulp of it on top of the kernel tolerance.
        const double ulp = magnitude * (sizeof(Real) == sizeof(double) ? 2.3e-16 : 1.2e-7);
        const double err = worstDiff(amps.get(), expected);
        QVERIFY2(err <= TOL<Real> + 4 * ulp, qPrintable(QStringLiteral("phase at |x| <= %1: error %2")
                                                            .arg(magnitude).arg(err)));
    }
}

/// highTile over tiles of every shape the kernels accept, including in-memory and scratch paths, with split
/// input and split or interleaved output.
template <typename Real>
void checkHighTile(const SimdKernelTable<Real>& table)
{
    for (unsigned tileBits = 1; tileBits <= 8; ++tileBits) {
        for (unsigned lineBits = table.minBlockBits; lineBits <= table.minBlockBits + 2; ++lineBits) {
            for (int variant = 0; variant < 4; ++variant) {
                const double beta = BETAS[variant & 1];
                const bool splitOutput = (variant & 2) != 0;
                // A state of 2^(lineBits + 1 + tileBits) amplitudes: stride 2^(lineBits + 1), tile at offset lineSize.
                const unsigned strideBits = lineBits + 1;
                const std::uint64_t size = std::uint64_t{1} << (strideBits + tileBits);
                const std::uint64_t lineSize = std::uint64_t{1} << lineBits;
                const std::uint64_t stride = std::uint64_t{1} << strideBits;
                const auto amps = alignedReals<Real>(2 * size);
                const auto scratch = alignedReals<Real>(2 * (lineSize << tileBits));
                fillRandom(amps.get(), 2 * size, tileBits * 31 + lineBits, -1.0, 1.0);
                MixParams p = params(0.0, beta, 1.0, 0.0);
                p.splitOutput = splitOutput;
                std::vector<std::complex<double>> before(size);
                for (std::uint64_t z = 0; z < size; ++z)
                    before[z] = at(amps.get(), z);
                // Reference: RX / tileFactor on qubits strideBits.. of the amplitudes whose low index lies in the
                // tile's line [lineSize, 2 lineSize); everything else untouched.
                std::vector<std::complex<double>> expected = before;
                std::vector<std::uint64_t> strides;
                for (unsigned r = 0; r < tileBits; ++r)
                    strides.push_back(std::uint64_t{1} << (strideBits + r));
                std::vector<std::complex<double>> mixed = before;
                referenceMix(mixed, strides, beta);
                const engine::detail::MixFactor f = table.tileFactor(tileBits, beta);
                const double fAbs = std::abs(std::complex<double>(f.re, f.im));
                QVERIFY(fAbs >= std::pow(2.0, -0.5 * tileBits) * 0.999 && fAbs <= 1.0);
                for (std::uint64_t z = 0; z < size; ++z) {
                    const std::uint64_t low = z & (stride - 1);
                    if (low >= lineSize)
                        expected[z] = mixed[z] / std::complex<double>(f.re, f.im);
                }
                const std::uint64_t numLines = std::uint64_t{1} << tileBits;
                for (std::uint64_t j = 0; j < numLines; ++j)
                    table.convertLayout(amps.get() + 2 * (lineSize + j * stride), lineSize, true);
                table.highTile(amps.get() + 2 * lineSize, stride, tileBits, lineSize, scratch.get(), p);
                if (splitOutput) {
                    for (std::uint64_t j = 0; j < numLines; ++j)
                        table.convertLayout(amps.get() + 2 * (lineSize + j * stride), lineSize, false);
                }
                const double err = worstDiff(amps.get(), expected);
                QVERIFY2(err <= TOL<Real> * 4,
                         qPrintable(QStringLiteral("%1 highTile bits %2 line %3 beta %4 split %5: error %6")
                                        .arg(QString::fromLatin1(engine::detail::simdLevelName(table.level)))
                                        .arg(tileBits).arg(lineBits).arg(beta).arg(splitOutput).arg(err)));
            }
        }
    }
}

/// convertLayout: split and back is the identity, and the split layout really moves the reals (so that the
/// kernels' tests above, which go through it, see a different arrangement than the interleaved one).
template <typename Real>
void checkConvertLayout(const SimdKernelTable<Real>& table)
{
    for (unsigned bits = table.minBlockBits; bits <= table.minBlockBits + 3; ++bits) {
        const std::uint64_t size = std::uint64_t{1} << bits;
        const auto amps = alignedReals<Real>(2 * size);
        fillRandom(amps.get(), 2 * size, bits + 300, -1.0, 1.0);
        const std::vector<Real> before(amps.get(), amps.get() + 2 * size);
        table.convertLayout(amps.get(), size, true);
        // Every unit holds the same multiset of reals, the real parts first.
        const std::uint64_t unitReals = std::uint64_t{2} << table.minBlockBits;
        for (std::uint64_t u = 0; u < 2 * size; u += unitReals) {
            std::vector<Real> re;
            std::vector<Real> split(amps.get() + u, amps.get() + u + unitReals / 2);
            for (std::uint64_t i = u; i < u + unitReals; i += 2)
                re.push_back(before[i]);
            std::sort(re.begin(), re.end());
            std::sort(split.begin(), split.end());
            QVERIFY(re == split);
        }
        table.convertLayout(amps.get(), size, false);
        QVERIFY(std::equal(before.begin(), before.end(), amps.get()));
    }
}

/// scale, expectation and normSquared against plain sums.
template <typename Real>
void checkReductions(const SimdKernelTable<Real>& table)
{
    for (unsigned bits = table.minBlockBits; bits <= 12; ++bits) {
        const std::uint64_t size = std::uint64_t{1} << bits;
        const auto amps = alignedReals<Real>(2 * size);
        const auto diag = alignedReals<Real>(size);
        fillRandom(amps.get(), 2 * size, bits, -1.0, 1.0);
        fillRandom(diag.get(), size, bits + 50, -5.0, 5.0);
        double norm = 0.0;
        double energy = 0.0;
        for (std::uint64_t z = 0; z < size; ++z) {
            const double p = std::norm(at(amps.get(), z));
            norm += p;
            energy += p * static_cast<double>(diag.get()[z]);
        }
        const double relTol = sizeof(Real) == sizeof(double) ? 1e-13 : 1e-6;
        QVERIFY(std::abs(table.normSquared(amps.get(), size) - norm) <= relTol * norm);
        QVERIFY(std::abs(table.expectation(amps.get(), diag.get(), size) - energy)
                <= relTol * 5.0 * static_cast<double>(size));
        std::vector<std::complex<double>> expected(size);
        for (std::uint64_t z = 0; z < size; ++z)
            expected[z] = at(amps.get(), z) * 0.5;
        table.scale(amps.get(), size, static_cast<Real>(0.5));
        QVERIFY(worstDiff(amps.get(), expected) == 0.0);  // halving is exact, so every amplitude must match
    }
}

/// sinCos against long-double std::sin / std::cos of the same (exactly representable) argument: random values of
/// every magnitude from 1e-300 (1e-30 in float) up past the library fallback, integers times an irrational step
/// (what gamma * energy looks like), multiples of pi/4 rounded to Real, and infinities and NaNs.
/// Bounds, absolute: double 5e-16 up to |x| = 2^20 (exact reduction), float 3e-7 up to 2^12; beyond that up to the
/// fallback (2^30 / 2^20) the reduction's rounding adds up to an ulp of x; tiny |x| must give sin x within an ulp
/// of x. Above the fallback the C library's own values are expected.
template <typename Real>
void checkSinCos(const SimdKernelTable<Real>& table)
{
    constexpr bool IS_DOUBLE = sizeof(Real) == sizeof(double);
    const double exactLimit = IS_DOUBLE ? 0x1p20 : 0x1p12;
    const double fallback = IS_DOUBLE ? 0x1p30 : 0x1p20;
    const double baseTol = IS_DOUBLE ? 5e-16 : 3e-7;
    const double eps = IS_DOUBLE ? 0x1p-52 : 0x1p-23;
    const double tiny = IS_DOUBLE ? 1e-300 : 1e-30;
    const double huge = IS_DOUBLE ? 1e300 : 1e30;

    std::vector<Real> x;
    std::mt19937_64 rng(20261123);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // Log-uniform magnitudes over the whole range, random signs.
    for (int i = 0; i < 6000; ++i) {
        const double logMag = std::log(tiny) + unit(rng) * (std::log(huge) - std::log(tiny));
        x.push_back(static_cast<Real>((unit(rng) < 0.5 ? -1.0 : 1.0) * std::exp(logMag)));
    }
    // Dense where the cost phase lives: uniform up to 1e5 (double) / 1e3 (float).
    const double dense = IS_DOUBLE ? 1e5 : 1e3;
    for (int i = 0; i < 4000; ++i)
        x.push_back(static_cast<Real>((2.0 * unit(rng) - 1.0) * dense));
    for (int e = -2000; e <= 2000; ++e)
        x.push_back(static_cast<Real>(0.3819660112501051 * e));
    for (int m = -4000; m <= 4000; ++m)
        x.push_back(static_cast<Real>(m * 0.78539816339744830962));
    // Around the reduction and fallback limits, and special values.
    for (double edge : {exactLimit, fallback, 0x1p51, 0x1p22}) {
        for (double f : {0.999999, 1.0, 1.000001})
            for (double sign : {-1.0, 1.0})
                x.push_back(static_cast<Real>(sign * edge * f));
    }
    for (double special : {0.0, -0.0, 1e-320, 0.785, 0.7854, 1.0, 1.5707963267948966, 3.141592653589793})
        x.push_back(static_cast<Real>(special));
    const std::size_t finiteCount = x.size();
    x.push_back(std::numeric_limits<Real>::infinity());
    x.push_back(-std::numeric_limits<Real>::infinity());
    x.push_back(std::numeric_limits<Real>::quiet_NaN());

    // Odd count and an offset of one element: the tail path and unaligned access.
    const std::size_t count = x.size() | 1u;
    x.resize(count + 1, Real(0.5));
    std::vector<Real> s(count + 1);
    std::vector<Real> c(count + 1);
    table.sinCos(x.data() + 1, s.data() + 1, c.data() + 1, count);
    double worstExact = 0.0;
    for (std::size_t i = 1; i <= count; ++i) {
        const double xi = static_cast<double>(x[i]);
        const double si = static_cast<double>(s[i]);
        const double ci = static_cast<double>(c[i]);
        const QString where = QStringLiteral("%1 sinCos(%2): sin %3 cos %4")
                                  .arg(QString::fromLatin1(engine::detail::simdLevelName(table.level)))
                                  .arg(xi, 0, 'g', 17).arg(si, 0, 'g', 17).arg(ci, 0, 'g', 17);
        if (i >= finiteCount && i < finiteCount + 3) {
            QVERIFY2(std::isnan(si) && std::isnan(ci), qPrintable(where));
            continue;
        }
        const double ax = std::abs(xi);
        if (ax > fallback) {
            const double ls = static_cast<double>(std::sin(x[i]));
            const double lc = static_cast<double>(std::cos(x[i]));
            QVERIFY2(std::abs(si - ls) <= baseTol && std::abs(ci - lc) <= baseTol, qPrintable(where));
            continue;
        }
        const long double xl = static_cast<long double>(x[i]);
        const double rs = static_cast<double>(std::sin(xl));
        const double rc = static_cast<double>(std::cos(xl));
        const double tol = ax <= exactLimit ? baseTol : baseTol + eps * ax;
        const double err = std::max(std::abs(si - rs), std::abs(ci - rc));
        QVERIFY2(err <= tol, qPrintable(where + QStringLiteral(": error %1 > %2").arg(err).arg(tol)));
        if (ax <= exactLimit)
            worstExact = std::max(worstExact, err);
        if (ax < 1e-4)
            QVERIFY2(std::abs(si - rs) <= eps * std::abs(rs), qPrintable(where));
    }
    QVERIFY(worstExact > 0.0);  // the sample really reached the polynomial path with nonzero rounding
}

template <typename Real>
void checkTable(const SimdKernelTable<Real>& table)
{
    checkSinCos(table);
    if (QTest::currentTestFailed())
        return;
    checkLowBlock(table);
    if (QTest::currentTestFailed())
        return;
    checkPhaseRange(table);
    if (QTest::currentTestFailed())
        return;
    checkConvertLayout(table);
    if (QTest::currentTestFailed())
        return;
    checkHighTile(table);
    if (QTest::currentTestFailed())
        return;
    checkReductions(table);
}

} // namespace simd_checks
