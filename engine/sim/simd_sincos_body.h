// SPDX-License-Identifier: MIT
// Internal: the vectorised sin/cos of the cost phase, part of simd_kernels_body.h (included inside its namespace).
//
// Included exactly once, from simd_kernels_body.h, inside engine::detail::ENGINE_SIMD_NAMESPACE's anonymous
// namespace, after the vector helpers it uses; it includes nothing itself.

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
