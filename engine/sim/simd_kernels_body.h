// SPDX-License-Identifier: MIT
// Internal: the kernel bodies of simd_kernels.h, compiled once per instruction set with GCC vector types.
//
// Include this file from exactly one .cpp per instruction set, after defining
//   ENGINE_SIMD_NAMESPACE  a namespace name unique to that file (generic, avx2, avx512),
//   ENGINE_SIMD_LEVEL      its SimdLevel enumerator,
//   ENGINE_SIMD_BYTES      the native vector width in bytes (16, 32, 64),
//   ENGINE_SIMD_MAX_GROUP  how many qubits one sweep keeps in registers (2^group vectors live at once).
// Everything here has internal linkage (anonymous namespace) so the copies cannot be mixed up by the linker;
// the only exported symbols are the two table getters at the bottom.
//
// Layout reminder: amplitudes are interleaved (re, im) reals; a vector of W = BYTES / (2 sizeof(Real)) complex
// numbers holds amplitudes z..z+W-1, so qubits 0..log2(W)-1 live inside one vector ("in-register" qubits) and
// higher qubits pair whole vectors.

#include "sim/simd_kernels.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#if !defined(ENGINE_SIMD_NAMESPACE) || !defined(ENGINE_SIMD_LEVEL) || !defined(ENGINE_SIMD_BYTES)                 \
    || !defined(ENGINE_SIMD_MAX_GROUP)
#error "define ENGINE_SIMD_NAMESPACE, ENGINE_SIMD_LEVEL, ENGINE_SIMD_BYTES and ENGINE_SIMD_MAX_GROUP first"
#endif

namespace engine::detail::ENGINE_SIMD_NAMESPACE {

namespace {

constexpr unsigned VECTOR_BYTES = ENGINE_SIMD_BYTES;
constexpr unsigned MAX_GROUP = ENGINE_SIMD_MAX_GROUP;
// First-sweep sub-blocks of 2^SUB_BLOCK_BYTES_LOG2 bytes stay in L1 while every qubit inside them is applied.
constexpr unsigned SUB_BLOCK_BYTES_LOG2 = 15;

template <typename Real>
struct Simd;

template <>
struct Simd<double> {
    using V = double __attribute__((vector_size(VECTOR_BYTES)));
    using I = std::int64_t __attribute__((vector_size(VECTOR_BYTES)));
    static constexpr unsigned REALS = VECTOR_BYTES / sizeof(double);
};

template <>
struct Simd<float> {
    using V = float __attribute__((vector_size(VECTOR_BYTES)));
    using I = std::int32_t __attribute__((vector_size(VECTOR_BYTES)));
    static constexpr unsigned REALS = VECTOR_BYTES / sizeof(float);
};

constexpr unsigned log2Of(unsigned v)
{
    unsigned r = 0;
    while ((1u << r) < v)
        ++r;
    return r;
}

template <typename Real>
constexpr unsigned COMPLEX_PER_VECTOR = Simd<Real>::REALS / 2;
template <typename Real>
constexpr unsigned LOG_COMPLEX = log2Of(COMPLEX_PER_VECTOR<Real>);

#define ENGINE_INLINE [[gnu::always_inline]] inline

template <typename V>
ENGINE_INLINE V loadV(const void* p)
{
    V v;
    std::memcpy(&v, p, sizeof(V));
    return v;
}

template <typename V>
ENGINE_INLINE void storeV(void* p, const V& v)
{
    std::memcpy(p, &v, sizeof(V));
}

template <typename V, typename S>
ENGINE_INLINE V splat(S s)
{
    V v = {};
    return v + static_cast<decltype(v[0] + 0)>(s);
}

// Lane permutation l -> l ^ X within one vector.
template <unsigned X, typename V, std::size_t... L>
ENGINE_INLINE V permuteXorImpl(const V& v, std::index_sequence<L...>)
{
    return __builtin_shufflevector(v, v, static_cast<int>(L ^ X)...);
}

template <unsigned X, typename V>
ENGINE_INLINE V permuteXor(const V& v)
{
    constexpr std::size_t n = sizeof(V) / sizeof(v[0]);
    return permuteXorImpl<X>(v, std::make_index_sequence<n>{});
}

// (v[OFF], v[OFF], v[OFF+1], v[OFF+1], ...): per-amplitude values spread over (re, im) lanes.
template <std::size_t OFF, typename V, std::size_t... L>
ENGINE_INLINE V duplicateImpl(const V& v, std::index_sequence<L...>)
{
    return __builtin_shufflevector(v, v, static_cast<int>(OFF + L / 2)...);
}

template <std::size_t OFF, typename V>
ENGINE_INLINE V duplicate(const V& v)
{
    constexpr std::size_t n = sizeof(V) / sizeof(v[0]);
    return duplicateImpl<OFF>(v, std::make_index_sequence<n>{});
}

// (a[OFF], b[OFF], a[OFF+1], b[OFF+1], ...).
template <std::size_t OFF, typename V, std::size_t... L>
ENGINE_INLINE V interleaveImpl(const V& a, const V& b, std::index_sequence<L...>)
{
    constexpr std::size_t n = sizeof...(L);
    return __builtin_shufflevector(a, b, static_cast<int>((L & 1) ? n + OFF + L / 2 : OFF + L / 2)...);
}

template <std::size_t OFF, typename V>
ENGINE_INLINE V interleave(const V& a, const V& b)
{
    constexpr std::size_t n = sizeof(V) / sizeof(a[0]);
    return interleaveImpl<OFF>(a, b, std::make_index_sequence<n>{});
}

// ---- sin and cos -------------------------------------------------------------------------------------------
// Cody-Waite reduction by pi/2 (three-part constant, so k * part is exact without FMA for |k| below 2^20 in
// double and 2^12 in float), then Taylor polynomials on |r| <= LIMIT. k comes from the rounded product
// x * 2/pi, which near odd multiples of pi/4 may round to the neighbouring integer: r then lies up to about
// ulp(x) * pi/4 beyond pi/4 (1e-4 at |x| = 3000 in float), still exact, so LIMIT leaves room for it instead of
// clamping a correct r. The first omitted term is below 7e-17 (double, through r^15 / r^16, |r| <= 0.8) and
// 8e-9 (float, through r^9 / r^10, |r| <= 0.9), under half an ulp. Beyond the exact range
// the result degrades like the rounding of x itself (an ulp of gamma * E), which no method can recover; r is
// clamped so that the polynomials never see an argument they were not made for. Lanes with |x| above FALLBACK
// (where the rounding trick for k would soon fail), infinities and NaNs are recomputed with the C library's
// sin and cos (__builtin_sin: a plain libm call, not an inline function this ISA-specific file could export).

template <typename Real>
struct SinCosConstants;

// Bitwise or of all lanes of an integer vector; X = half the lane count.
template <unsigned X, typename I>
ENGINE_INLINE auto orOfLanes(const I& v)
{
    if constexpr (X == 0)
        return v[0];
    else
        return orOfLanes<X / 2>(v | permuteXor<X>(v));
}

template <>
struct SinCosConstants<double> {
    static constexpr double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
    static constexpr double PIO2_1 = 0x1.921fb544p+0;  // pi/2 in three parts of 33, 33 and 53 bits
    static constexpr double PIO2_2 = 0x1.0b4611a6p-34;
    static constexpr double PIO2_3 = 0x1.3198a2e037073p-69;
    static constexpr double ROUNDER = 0x1.8p52;  // adding it rounds to an integer held in the low mantissa bits
    static constexpr double LIMIT = 0.8;         // pi/4 plus room for a k rounded the wrong way (see above)
    static constexpr int SIGN_SHIFT = 62;        // moves quadrant bit 1 to the sign bit
    static constexpr double FALLBACK = 0x1p30;   // below it, rounding k * PIO2_1 costs at most an ulp of x
    static constexpr std::int64_t ABS_MASK = 0x7fffffffffffffff;
    static double libSin(double x) { return __builtin_sin(x); }
    static double libCos(double x) { return __builtin_cos(x); }
    // Taylor coefficients of sin(r)/r - 1 and cos(r) - 1 in powers of r^2, highest first.
    static constexpr int SIN_TERMS = 7;
    static constexpr double SIN[SIN_TERMS] = {-1.0 / 1307674368000.0, 1.0 / 6227020800.0, -1.0 / 39916800.0,
                                              1.0 / 362880.0, -1.0 / 5040.0, 1.0 / 120.0, -1.0 / 6.0};
    static constexpr int COS_TERMS = 8;
    static constexpr double COS[COS_TERMS] = {1.0 / 20922789888000.0, -1.0 / 87178291200.0, 1.0 / 479001600.0,
                                              -1.0 / 3628800.0, 1.0 / 40320.0, -1.0 / 720.0, 1.0 / 24.0, -0.5};
};

template <>
struct SinCosConstants<float> {
    static constexpr float TWO_OVER_PI = 0x1.45f306p-1f;
    static constexpr float PIO2_1 = 0x1.922p+0f;  // pi/2 in three parts of 12, 12 and 24 bits
    static constexpr float PIO2_2 = -0x1.2aep-18f;
    static constexpr float PIO2_3 = -0x1.de973ep-31f;
    static constexpr float ROUNDER = 0x1.8p23f;
    static constexpr float LIMIT = 0.9f;
    static constexpr int SIGN_SHIFT = 30;
    static constexpr float FALLBACK = 0x1p20f;  // |k| < 2^20, well inside the 2^22 the rounding trick allows
    static constexpr std::int32_t ABS_MASK = 0x7fffffff;
    static float libSin(float x) { return __builtin_sinf(x); }
    static float libCos(float x) { return __builtin_cosf(x); }
    static constexpr int SIN_TERMS = 4;
    static constexpr float SIN[SIN_TERMS] = {1.0f / 362880.0f, -1.0f / 5040.0f, 1.0f / 120.0f, -1.0f / 6.0f};
    static constexpr int COS_TERMS = 5;
    static constexpr float COS[COS_TERMS] = {-1.0f / 3628800.0f, 1.0f / 40320.0f, -1.0f / 720.0f, 1.0f / 24.0f,
                                             -0.5f};
};

// sin and cos of U vectors at once. Every step loops over the U independent vectors, so the long polynomial
// dependency chains interleave in the instruction stream instead of waiting on each other.
template <typename Real, unsigned U>
ENGINE_INLINE void sinCos(const typename Simd<Real>::V (&x)[U], typename Simd<Real>::V (&sinOut)[U],
                          typename Simd<Real>::V (&cosOut)[U])
{
    using V = typename Simd<Real>::V;
    using I = typename Simd<Real>::I;
    using K = SinCosConstants<Real>;
    const V lim = splat<V>(K::LIMIT);
    V r[U];
    V r2[U];
    I quadrant[U];
#pragma GCC unroll 4
    for (unsigned u = 0; u < U; ++u) {
        const V shifted = x[u] * K::TWO_OVER_PI + K::ROUNDER;
        const V k = shifted - K::ROUNDER;
        quadrant[u] = (I)shifted;
        V ru = ((x[u] - k * K::PIO2_1) - k * K::PIO2_2) - k * K::PIO2_3;
        ru = ru > lim ? lim : ru;
        r[u] = ru < -lim ? -lim : ru;
        r2[u] = r[u] * r[u];
    }
    V sp[U];
    V cp[U];
#pragma GCC unroll 4
    for (unsigned u = 0; u < U; ++u) {
        sp[u] = splat<V>(K::SIN[0]);
        cp[u] = splat<V>(K::COS[0]);
    }
#pragma GCC unroll 8
    for (int t = 1; t < K::COS_TERMS; ++t) {
#pragma GCC unroll 4
        for (unsigned u = 0; u < U; ++u) {
            if (t < K::SIN_TERMS)
                sp[u] = sp[u] * r2[u] + K::SIN[t];
            cp[u] = cp[u] * r2[u] + K::COS[t];
        }
    }
#pragma GCC unroll 4
    for (unsigned u = 0; u < U; ++u) {
        const V sinR = r[u] + (r[u] * r2[u]) * sp[u];
        const V cosR = 1 + r2[u] * cp[u];
        // x = r + k pi/2: odd k swaps sin and cos; sin changes sign for k = 2, 3 and cos for k = 1, 2 (mod 4).
        const I odd = (quadrant[u] & 1) != 0;
        const V sv = odd ? cosR : sinR;
        const V cv = odd ? sinR : cosR;
        const I sBits = (I)sv ^ ((quadrant[u] & 2) << K::SIGN_SHIFT);
        const I cBits = (I)cv ^ (((quadrant[u] + 1) & 2) << K::SIGN_SHIFT);
        sinOut[u] = (V)sBits;
        cosOut[u] = (V)cBits;
    }
    // Integer compare of the magnitude bits: true for |x| > FALLBACK, infinities and NaNs alike.
    I tooBig[U];
    I anyBig = {};
#pragma GCC unroll 4
    for (unsigned u = 0; u < U; ++u) {
        tooBig[u] = ((I)x[u] & K::ABS_MASK) > (I)splat<V>(K::FALLBACK);
        anyBig |= tooBig[u];
    }
    // Folding halves onto each other takes log2(lanes) shuffles, far fewer than extracting every lane.
    if (orOfLanes<Simd<Real>::REALS / 2>(anyBig) != 0) [[unlikely]] {
        for (unsigned u = 0; u < U; ++u) {
            for (unsigned l = 0; l < Simd<Real>::REALS; ++l) {
                if (tooBig[u][l] != 0) {
                    sinOut[u][l] = K::libSin(x[u][l]);
                    cosOut[u][l] = K::libCos(x[u][l]);
                }
            }
        }
    }
}

// sinCos over an array of any length (the tail goes through a zero-padded vector): the table's test entry.
template <typename Real>
void sinCosArray(const Real* x, Real* sinOut, Real* cosOut, std::uint64_t count)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    std::uint64_t i = 0;
    for (; i + R <= count; i += R) {
        const V in[1] = {loadV<V>(x + i)};
        V s[1];
        V c[1];
        sinCos<Real, 1>(in, s, c);
        storeV(sinOut + i, s[0]);
        storeV(cosOut + i, c[0]);
    }
    if (i < count) {
        const unsigned rest = static_cast<unsigned>(count - i);
        V in[1] = {};
        std::memcpy(&in[0], x + i, rest * sizeof(Real));
        V s[1];
        V c[1];
        sinCos<Real, 1>(in, s, c);
        std::memcpy(sinOut + i, &s[0], rest * sizeof(Real));
        std::memcpy(cosOut + i, &c[0], rest * sizeof(Real));
    }
}

// ---- mixer building blocks ---------------------------------------------------------------------------------
// K = (kappa, -kappa, ...): y = x + K * swap(re, im)(partner) is x + (-i kappa) partner for every amplitude.

template <typename Real>
struct MixConsts {
    using V = typename Simd<Real>::V;
    V k = {};              // (kappa, -kappa, ...)
    V scaleRe = {};        // (Re g, Re g, ...)
    V scaleIm = {};        // (Im g, Im g, ...)
    V scaleImSigned = {};  // (-Im g, Im g, ...): x * g = x * scaleRe + swap(re, im)(x) * scaleImSigned
    Real gamma = 0;

    explicit MixConsts(const MixParams& p)
    {
        const Real kap = static_cast<Real>(p.kappa);
        const Real gi = static_cast<Real>(p.scaleIm);
        for (unsigned l = 0; l < Simd<Real>::REALS; ++l) {
            k[l] = (l & 1) ? -kap : kap;
            scaleImSigned[l] = (l & 1) ? gi : -gi;
        }
        scaleRe = splat<V>(p.scaleRe);
        scaleIm = splat<V>(p.scaleIm);
        gamma = static_cast<Real>(p.gamma);
    }
};

template <unsigned Q, bool SWAP, typename V>
ENGINE_INLINE V mixInRegister(const V& x, const V& k)
{
    const V y = x + k * permuteXor<(2u << Q) ^ 1u>(x);
    if constexpr (SWAP)
        return permuteXor<(2u << Q)>(y);
    else
        return y;
}

template <bool SWAP, typename V>
ENGINE_INLINE void mixPair(V& x0, V& x1, const V& k)
{
    const V y0 = x0 + k * permuteXor<1u>(x1);
    const V y1 = x1 + k * permuteXor<1u>(x0);
    if constexpr (SWAP) {
        x0 = y1;
        x1 = y0;
    } else {
        x0 = y0;
        x1 = y1;
    }
}

// Applies M qubits to 2^M vectors held in registers: vector j's bit r is qubit r of the group.
template <unsigned M, bool SWAP, typename V>
ENGINE_INLINE void mixGroup(V (&x)[1u << M], const V& k)
{
#pragma GCC unroll 8
    for (unsigned r = 0; r < M; ++r) {
#pragma GCC unroll 8
        for (unsigned j = 0; j < (1u << M); ++j) {
            if ((j & (1u << r)) == 0)
                mixPair<SWAP>(x[j], x[j | (1u << r)], k);
        }
    }
}

// The qubits of one vector, first `count` of them (count <= LOG_COMPLEX).
template <typename Real, bool SWAP>
ENGINE_INLINE typename Simd<Real>::V mixVectorQubits(typename Simd<Real>::V x, const typename Simd<Real>::V& k,
                                                      unsigned count)
{
    if constexpr (LOG_COMPLEX<Real> >= 1) {
        if (count >= 1)
            x = mixInRegister<0, SWAP>(x, k);
    }
    if constexpr (LOG_COMPLEX<Real> >= 2) {
        if (count >= 2)
            x = mixInRegister<1, SWAP>(x, k);
    }
    if constexpr (LOG_COMPLEX<Real> >= 3) {
        if (count >= 3)
            x = mixInRegister<2, SWAP>(x, k);
    }
    return x;
}

// One sweep over 2^bits amplitudes applying qubits q..q+M-1 (q >= LOG_COMPLEX) to 2^M vectors at a time.
template <typename Real, unsigned M, bool SWAP>
void sweepGroup(Real* a, unsigned bits, unsigned q, const typename Simd<Real>::V& k)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    const std::uint64_t numVectors = std::uint64_t{1} << (bits - LOG_COMPLEX<Real>);
    const std::uint64_t stride = std::uint64_t{1} << (q - LOG_COMPLEX<Real>);
    for (std::uint64_t base = 0; base < numVectors; base += stride << M) {
        for (std::uint64_t lo = 0; lo < stride; ++lo) {
            Real* p = a + (base + lo) * R;
            V x[1u << M];
#pragma GCC unroll 8
            for (unsigned j = 0; j < (1u << M); ++j)
                x[j] = loadV<V>(p + j * stride * R);
            mixGroup<M, SWAP>(x, k);
#pragma GCC unroll 8
            for (unsigned j = 0; j < (1u << M); ++j)
                storeV(p + j * stride * R, x[j]);
        }
    }
}

// Splits `count` qubits into the fewest groups of at most MAX_GROUP, as even as possible: group g's size.
inline unsigned groupSize(unsigned count, unsigned groups, unsigned g)
{
    return count / groups + (g < count % groups ? 1u : 0u);
}

// Qubits qFrom..qTo-1 of a block of 2^bits amplitudes, in register groups of up to MAX_GROUP.
template <typename Real, bool SWAP>
void mixQubitRange(Real* a, unsigned bits, unsigned qFrom, unsigned qTo, const typename Simd<Real>::V& k)
{
    if (qTo <= qFrom)
        return;
    const unsigned count = qTo - qFrom;
    const unsigned groups = (count + MAX_GROUP - 1) / MAX_GROUP;
    unsigned q = qFrom;
    for (unsigned g = 0; g < groups; ++g) {
        const unsigned m = groupSize(count, groups, g);
        if (m >= 3) {
            if constexpr (MAX_GROUP >= 3)
                sweepGroup<Real, 3, SWAP>(a, bits, q, k);
        } else if (m == 2) {
            sweepGroup<Real, 2, SWAP>(a, bits, q, k);
        } else {
            sweepGroup<Real, 1, SWAP>(a, bits, q, k);
        }
        q += m;
    }
}

// First touch of U units of two vectors each: global factor, optional cost phase, then the in-register qubits.
// One vector of energies covers two vectors of amplitudes.
template <typename Real, bool PHASE, bool SWAP, unsigned U>
ENGINE_INLINE void firstSweepStep(Real* p, const Real* energies, unsigned inRegister, const MixConsts<Real>& c)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    constexpr unsigned HALF = R / 2;
    V x[2 * U];
#pragma GCC unroll 8
    for (unsigned v = 0; v < 2 * U; ++v)
        x[v] = loadV<V>(p + v * R);
    if constexpr (PHASE) {
        V arg[U];
        V s[U];
        V co[U];
#pragma GCC unroll 4
        for (unsigned u = 0; u < U; ++u)
            arg[u] = loadV<V>(energies + u * R) * c.gamma;
        sinCos<Real, U>(arg, s, co);
#pragma GCC unroll 4
        for (unsigned u = 0; u < U; ++u) {
            // factor = g * (cos - i sin) per amplitude
            const V pr = c.scaleRe * co[u] + c.scaleIm * s[u];  // Re g cos + Im g sin
            const V pi = c.scaleIm * co[u] - c.scaleRe * s[u];  // Im g cos - Re g sin
            const V npi = -pi;
            V& x0 = x[2 * u];
            V& x1 = x[2 * u + 1];
            x0 = x0 * duplicate<0>(pr) + permuteXor<1u>(x0) * interleave<0>(npi, pi);
            x1 = x1 * duplicate<HALF>(pr) + permuteXor<1u>(x1) * interleave<HALF>(npi, pi);
        }
    } else {
#pragma GCC unroll 8
        for (unsigned v = 0; v < 2 * U; ++v)
            x[v] = x[v] * c.scaleRe + permuteXor<1u>(x[v]) * c.scaleImSigned;
    }
    if (inRegister != 0) {
#pragma GCC unroll 8
        for (unsigned v = 0; v < 2 * U; ++v)
            x[v] = mixVectorQubits<Real, SWAP>(x[v], c.k, inRegister);
    }
#pragma GCC unroll 8
    for (unsigned v = 0; v < 2 * U; ++v)
        storeV(p + v * R, x[v]);
}

// First touch of `count` amplitudes (a multiple of two vectors), two units per step where possible.
template <typename Real, bool PHASE, bool SWAP>
void firstSweep(Real* a, const Real* diagonal, std::uint64_t count, unsigned inRegister, const MixConsts<Real>& c)
{
    constexpr unsigned R = Simd<Real>::REALS;
    std::uint64_t z = 0;
    for (; z + 2 * R <= count; z += 2 * R)
        firstSweepStep<Real, PHASE, SWAP, 2>(a + 2 * z, PHASE ? diagonal + z : nullptr, inRegister, c);
    if (z < count)
        firstSweepStep<Real, PHASE, SWAP, 1>(a + 2 * z, PHASE ? diagonal + z : nullptr, inRegister, c);
}

template <typename Real, bool PHASE, bool SWAP>
void lowBlockImpl(Real* a, const Real* diagonal, unsigned blockBits, unsigned mixBits, const MixParams& params)
{
    const MixConsts<Real> c(params);
    constexpr unsigned LC = LOG_COMPLEX<Real>;
    const unsigned subBits0 = SUB_BLOCK_BYTES_LOG2 - log2Of(2 * sizeof(Real));
    const unsigned subBits = blockBits < subBits0 ? blockBits : subBits0;
    const unsigned inRegister = mixBits < LC ? mixBits : LC;
    const unsigned subMix = mixBits < subBits ? mixBits : subBits;
    const std::uint64_t subSize = std::uint64_t{1} << subBits;
    const std::uint64_t blockSize = std::uint64_t{1} << blockBits;
    for (std::uint64_t off = 0; off < blockSize; off += subSize) {
        firstSweep<Real, PHASE, SWAP>(a + 2 * off, PHASE ? diagonal + off : nullptr, subSize, inRegister, c);
        if (subMix > LC)
            mixQubitRange<Real, SWAP>(a + 2 * off, subBits, LC, subMix, c.k);
    }
    if (mixBits > subBits)
        mixQubitRange<Real, SWAP>(a, blockBits, subBits, mixBits, c.k);
}

template <typename Real>
void lowBlock(Real* a, const Real* diagonal, unsigned blockBits, unsigned mixBits, const MixParams& params)
{
    if (diagonal != nullptr) {
        if (params.swapOutputs)
            lowBlockImpl<Real, true, true>(a, diagonal, blockBits, mixBits, params);
        else
            lowBlockImpl<Real, true, false>(a, diagonal, blockBits, mixBits, params);
    } else {
        if (params.swapOutputs)
            lowBlockImpl<Real, false, true>(a, diagonal, blockBits, mixBits, params);
        else
            lowBlockImpl<Real, false, false>(a, diagonal, blockBits, mixBits, params);
    }
}

// Where a tile group reads and writes its lines: the strided state itself or the contiguous scratch copy.
enum class TileIo { MemoryToMemory, MemoryToScratch, ScratchToScratch, ScratchToMemory };

// One group of M tile qubits (line-index bits r0..r0+M-1) over every line of the tile. Line j lives at
// state + j * stride (memory) or scratch + j * lineSize (scratch).
template <typename Real, unsigned M, bool SWAP, TileIo IO>
void tileGroup(Real* state, Real* scratch, std::uint64_t stride, unsigned tileBits, unsigned r0, std::uint64_t lineSize,
               const typename Simd<Real>::V& k)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    constexpr bool READ_MEMORY = IO == TileIo::MemoryToMemory || IO == TileIo::MemoryToScratch;
    constexpr bool WRITE_MEMORY = IO == TileIo::MemoryToMemory || IO == TileIo::ScratchToMemory;
    const std::uint64_t numLines = std::uint64_t{1} << tileBits;
    const std::uint64_t lineReals = 2 * lineSize;
    const std::uint64_t strideReals = 2 * stride;
    auto memoryLine = [&](std::uint64_t j) { return state + j * strideReals; };
    auto scratchLine = [&](std::uint64_t j) { return scratch + j * lineReals; };
    const std::uint64_t inner = std::uint64_t{1} << r0;
    const std::uint64_t steps = numLines >> M;  // one step = the 2^M lines that pair up
    for (std::uint64_t step = 0; step < steps; ++step) {
        const std::uint64_t j0 = ((step >> r0) << (r0 + M)) | (step & (inner - 1));
        const Real* in[1u << M];
        Real* out[1u << M];
#pragma GCC unroll 8
        for (unsigned t = 0; t < (1u << M); ++t) {
            const std::uint64_t j = j0 + (std::uint64_t{t} << r0);
            in[t] = READ_MEMORY ? memoryLine(j) : scratchLine(j);
            out[t] = WRITE_MEMORY ? memoryLine(j) : scratchLine(j);
        }
        for (std::uint64_t v = 0; v < lineReals; v += R) {
            V x[1u << M];
#pragma GCC unroll 8
            for (unsigned t = 0; t < (1u << M); ++t)
                x[t] = loadV<V>(in[t] + v);
            mixGroup<M, SWAP>(x, k);
#pragma GCC unroll 8
            for (unsigned t = 0; t < (1u << M); ++t)
                storeV(out[t] + v, x[t]);
        }
    }
}

template <typename Real, bool SWAP, TileIo IO>
void tileGroupOf(unsigned m, Real* state, Real* scratch, std::uint64_t stride, unsigned tileBits, unsigned r0,
                 std::uint64_t lineSize, const typename Simd<Real>::V& k)
{
    if (m >= 3) {
        if constexpr (MAX_GROUP >= 3)
            tileGroup<Real, 3, SWAP, IO>(state, scratch, stride, tileBits, r0, lineSize, k);
    } else if (m == 2) {
        tileGroup<Real, 2, SWAP, IO>(state, scratch, stride, tileBits, r0, lineSize, k);
    } else {
        tileGroup<Real, 1, SWAP, IO>(state, scratch, stride, tileBits, r0, lineSize, k);
    }
}

// The strided lines alias onto a few cache sets (their stride is a large power of two), so a tile cannot stay
// cached in place: the first group copies it into the contiguous scratch, the last one writes it back.
// NOTE: measured on the 2-core AMD target, non-temporal stores for the write-back and software prefetch of the
// next lines were both slower than plain stores and the hardware prefetcher, so neither is used.
template <typename Real, bool SWAP>
void highTileImpl(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
                  const MixParams& params)
{
    const MixConsts<Real> c(params);
    const unsigned groups = (tileBits + MAX_GROUP - 1) / MAX_GROUP;
    if (groups == 1) {
        tileGroupOf<Real, SWAP, TileIo::MemoryToMemory>(tileBits, base, scratch, stride, tileBits, 0, lineSize, c.k);
    } else {
        unsigned r0 = 0;
        for (unsigned g = 0; g < groups; ++g) {
            const unsigned m = groupSize(tileBits, groups, g);
            if (g == 0)
                tileGroupOf<Real, SWAP, TileIo::MemoryToScratch>(m, base, scratch, stride, tileBits, r0, lineSize, c.k);
            else if (g + 1 == groups)
                tileGroupOf<Real, SWAP, TileIo::ScratchToMemory>(m, base, scratch, stride, tileBits, r0, lineSize, c.k);
            else
                tileGroupOf<Real, SWAP, TileIo::ScratchToScratch>(m, base, scratch, stride, tileBits, r0, lineSize, c.k);
            r0 += m;
        }
    }
}

template <typename Real>
void highTile(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
              const MixParams& params)
{
    if (params.swapOutputs)
        highTileImpl<Real, true>(base, stride, tileBits, lineSize, scratch, params);
    else
        highTileImpl<Real, false>(base, stride, tileBits, lineSize, scratch, params);
}

template <typename Real>
void scale(Real* a, std::uint64_t count, Real factor)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    for (std::uint64_t i = 0; i < 2 * count; i += R)
        storeV(a + i, loadV<V>(a + i) * factor);
}

// Horizontal sum of a double vector.
ENGINE_INLINE double sumLanes(const Simd<double>::V& v)
{
    double s = 0.0;
    for (unsigned l = 0; l < Simd<double>::REALS; ++l)
        s += v[l];
    return s;
}

// Adds the lanes of a vector of Real to a double accumulator vector (floats widened in two halves).
ENGINE_INLINE void accumulate(Simd<double>::V& acc, const Simd<double>::V& v)
{
    acc += v;
}

template <std::size_t... L>
ENGINE_INLINE Simd<double>::V widenHalf(const Simd<float>::V& v, std::size_t offset, std::index_sequence<L...>)
{
    Simd<double>::V out;
    ((out[L] = static_cast<double>(v[offset + L])), ...);
    return out;
}

ENGINE_INLINE void accumulate(Simd<double>::V& acc, const Simd<float>::V& v)
{
    constexpr std::size_t n = Simd<double>::REALS;
    acc += widenHalf(v, 0, std::make_index_sequence<n>{});
    acc += widenHalf(v, n, std::make_index_sequence<n>{});
}

template <typename Real>
double expectation(const Real* a, const Real* diagonal, std::uint64_t count)
{
    using V = typename Simd<Real>::V;
    using D = Simd<double>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    D acc0 = {};
    D acc1 = {};
    for (std::uint64_t z = 0; z < count; z += R) {
        const V e = loadV<V>(diagonal + z);
        const V x0 = loadV<V>(a + 2 * z);
        const V x1 = loadV<V>(a + 2 * z + R);
        accumulate(acc0, x0 * x0 * duplicate<0>(e));
        accumulate(acc1, x1 * x1 * duplicate<R / 2>(e));
    }
    return sumLanes(acc0 + acc1);
}

template <typename Real>
double normSquared(const Real* a, std::uint64_t count)
{
    using V = typename Simd<Real>::V;
    using D = Simd<double>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    D acc0 = {};
    D acc1 = {};
    for (std::uint64_t i = 0; i < 2 * count; i += 2 * R) {
        const V x0 = loadV<V>(a + i);
        const V x1 = loadV<V>(a + i + R);
        accumulate(acc0, x0 * x0);
        accumulate(acc1, x1 * x1);
    }
    return sumLanes(acc0 + acc1);
}

#undef ENGINE_INLINE

} // namespace

const SimdKernelTable<double>& kernelTableDouble()
{
    static constexpr SimdKernelTable<double> TABLE{SimdLevel::ENGINE_SIMD_LEVEL, LOG_COMPLEX<double> + 1,
                                                   &lowBlock<double>, &highTile<double>, &scale<double>,
                                                   &expectation<double>, &normSquared<double>,
                                                   &sinCosArray<double>};
    return TABLE;
}

const SimdKernelTable<float>& kernelTableFloat()
{
    static constexpr SimdKernelTable<float> TABLE{SimdLevel::ENGINE_SIMD_LEVEL, LOG_COMPLEX<float> + 1,
                                                  &lowBlock<float>, &highTile<float>, &scale<float>,
                                                  &expectation<float>, &normSquared<float>,
                                                  &sinCosArray<float>};
    return TABLE;
}

} // namespace engine::detail::ENGINE_SIMD_NAMESPACE
