// SPDX-License-Identifier: MIT
// Internal: the vectorised sin/cos of the cost phase, part of simd_kernels_body.h (included inside its namespace).
//
// Included exactly once, from simd_kernels_body.h, inside engine::detail::ENGINE_SIMD_NAMESPACE's anonymous
// namespace, after the vector helpers it uses; it includes nothing itself.

// ---- sin and cos -------------------------------------------------------------------------------------------
// Cody-Waite reduction by pi/2 (three-part constant, so k * part is exact without FMA for |k| below 2^20 in
// double and 2^12 in float), then polynomials in r^2 on |r| <= L (L = 0.786 in double, 0.93 in float). k comes
// from the rounded product x * 2/pi, which near odd multiples of pi/4 may round to the neighbouring integer: r
// then lies up to about ulp(x) * pi/4 beyond pi/4 (0.1 at |x| = 2^20 in float, 2e-7 at 2^30 in double), still
// exact below the exact range. L covers every r of |x| <= FALLBACK, so r needs no clamping. The coefficients are
// Chebyshev fits of (sin r - r) / r^3 and (cos r - 1) / r^2 over [0, L^2] (mpmath.chebyfit at 50 digits, rounded):
// absolute errors 1e-17 / 1e-19 in double (6 and 7 terms, where Taylor needs 7 and 8) and 4e-8 / 1e-9 in float
// (3 and 4 terms), about half an ulp of the results or less. Beyond the exact range the result degrades like the
// rounding of x itself (an ulp of gamma * E), which no method can recover. Lanes with |x| above FALLBACK (where
// the rounding trick for k would soon fail), infinities and NaNs are recomputed with the C library's sin and cos
// (__builtin_sin: a plain libm call, not an inline function this ISA-specific file could export), out of line so
// that the fast path keeps no extra vectors alive.
//
// The cost phase wants rho * (cos, sin)(x - m pi/2) (rho and the quarter turns m from the mixer's global factor,
// see simd_kernels_body.h): rho scales every polynomial coefficient and m shifts the quadrant, so the global
// factor costs no extra operation per amplitude.

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
    static constexpr int SIGN_SHIFT = 62;        // moves quadrant bit 1 to the sign bit
    static constexpr double FALLBACK = 0x1p30;   // below it, rounding k * PIO2_1 costs at most an ulp of x
    static constexpr std::int64_t ABS_MASK = 0x7fffffffffffffff;
    static double libSin(double x) { return __builtin_sin(x); }
    static double libCos(double x) { return __builtin_cos(x); }
    // (sin r - r) / r^3 and (cos r - 1) / r^2 as polynomials in r^2, highest power first.
    static constexpr int SIN_TERMS = 6;
    static constexpr double SIN[SIN_TERMS] = {0x1.5e09e3f1cd7b0p-33, -0x1.ae6007a56aa8dp-26, 0x1.71de37934ee9ap-19,
                                              -0x1.a01a019e812c9p-13, 0x1.1111111110ba8p-7, -0x1.5555555555555p-3};
    static constexpr int COS_TERMS = 7;
    static constexpr double COS[COS_TERMS] = {-0x1.8ff86a8ccbdf7p-37, 0x1.1eea7cbf959b2p-29, -0x1.27e4f8e19b880p-22,
                                              0x1.a01a019dddb46p-16,  -0x1.6c16c16c15d5cp-10, 0x1.5555555555551p-5,
                                              -0x1.0000000000000p-1};
};

template <>
struct SinCosConstants<float> {
    static constexpr float TWO_OVER_PI = 0x1.45f306p-1f;
    static constexpr float PIO2_1 = 0x1.922p+0f;  // pi/2 in three parts of 12, 12 and 24 bits
    static constexpr float PIO2_2 = -0x1.2aep-18f;
    static constexpr float PIO2_3 = -0x1.de973ep-31f;
    static constexpr float ROUNDER = 0x1.8p23f;
    static constexpr int SIGN_SHIFT = 30;
    static constexpr float FALLBACK = 0x1p20f;  // |k| < 2^20, well inside the 2^22 the rounding trick allows
    static constexpr std::int32_t ABS_MASK = 0x7fffffff;
    static float libSin(float x) { return __builtin_sinf(x); }
    static float libCos(float x) { return __builtin_cosf(x); }
    static constexpr int SIN_TERMS = 3;
    static constexpr float SIN[SIN_TERMS] = {-0x1.98ab7ep-13f, 0x1.110774p-7f, -0x1.55554ep-3f};
    static constexpr int COS_TERMS = 4;
    static constexpr float COS[COS_TERMS] = {0x1.982cfep-16f, -0x1.6c05aap-10f, 0x1.55553ep-5f, -0x1.0p-1f};
};

// The scale and quarter-turn shift of one sinCos call: coefficients premultiplied by rho.
template <typename Real>
struct SinCosScale {
    using K = SinCosConstants<Real>;
    Real rho = 1;
    Real sinCoef[K::SIN_TERMS] = {};
    Real cosCoef[K::COS_TERMS] = {};
    int quarterTurns = 0;  // m in 0..3

    SinCosScale(Real scale, int turns)
    {
        rho = scale;
        for (int t = 0; t < K::SIN_TERMS; ++t)
            sinCoef[t] = K::SIN[t] * scale;
        for (int t = 0; t < K::COS_TERMS; ++t)
            cosCoef[t] = K::COS[t] * scale;
        quarterTurns = turns & 3;
    }
};

// rho * cos(x - m pi/2) and rho * sin(x - m pi/2) of U vectors at once. Every step loops over the U independent
// vectors, so the long polynomial dependency chains interleave in the instruction stream instead of waiting on
// each other. Returns true when some lane lies beyond FALLBACK (or is not finite): sinCosFixup must then redo
// those lanes.
template <typename Real, unsigned U>
ENGINE_INLINE bool sinCos(const typename Simd<Real>::V (&x)[U], typename Simd<Real>::V (&sinOut)[U],
                          typename Simd<Real>::V (&cosOut)[U], const SinCosScale<Real>& sc)
{
    using V = typename Simd<Real>::V;
    using I = typename Simd<Real>::I;
    using K = SinCosConstants<Real>;
    // Integer compare of the magnitude bits: true for |x| > FALLBACK, infinities and NaNs alike.
    I anyBig = {};
#pragma GCC unroll 8
    for (unsigned u = 0; u < U; ++u)
        anyBig |= ((I)x[u] & K::ABS_MASK) > (I)splat<V>(K::FALLBACK);
    V r[U];
    V r2[U];
    I quadrant[U];
#pragma GCC unroll 8
    for (unsigned u = 0; u < U; ++u) {
        const V shifted = x[u] * K::TWO_OVER_PI + K::ROUNDER;
        const V k = shifted - K::ROUNDER;
        // Subtracting m from k turns (cos, sin)(r + k pi/2) into the values at x - m pi/2.
        quadrant[u] = (I)shifted - sc.quarterTurns;
        r[u] = ((x[u] - k * K::PIO2_1) - k * K::PIO2_2) - k * K::PIO2_3;
        r2[u] = r[u] * r[u];
    }
    V sp[U];
    V cp[U];
#pragma GCC unroll 8
    for (unsigned u = 0; u < U; ++u) {
        sp[u] = splat<V>(sc.sinCoef[0]);
        cp[u] = splat<V>(sc.cosCoef[0]);
    }
#pragma GCC unroll 8
    for (int t = 1; t < K::COS_TERMS; ++t) {
#pragma GCC unroll 8
        for (unsigned u = 0; u < U; ++u) {
            if (t < K::SIN_TERMS)
                sp[u] = sp[u] * r2[u] + sc.sinCoef[t];
            cp[u] = cp[u] * r2[u] + sc.cosCoef[t];
        }
    }
#pragma GCC unroll 8
    for (unsigned u = 0; u < U; ++u) {
        const V sinR = r[u] * (r2[u] * sp[u] + sc.rho);
        const V cosR = r2[u] * cp[u] + sc.rho;
        // x = r + k pi/2: odd k swaps sin and cos; sin changes sign for k = 2, 3 and cos for k = 1, 2 (mod 4).
        const I odd = (quadrant[u] & 1) != 0;
        const V sv = odd ? cosR : sinR;
        const V cv = odd ? sinR : cosR;
        const I sBits = (I)sv ^ ((quadrant[u] & 2) << K::SIGN_SHIFT);
        const I cBits = (I)cv ^ (((quadrant[u] + 1) & 2) << K::SIGN_SHIFT);
        sinOut[u] = (V)sBits;
        cosOut[u] = (V)cBits;
    }
    // Folding halves onto each other takes log2(lanes) shuffles, far fewer than extracting every lane.
    return orOfLanes<Simd<Real>::REALS / 2>(anyBig) != 0;
}

// The lanes of `count` values that sinCos leaves to the C library: |x| > FALLBACK, infinities and NaNs.
template <typename Real>
[[gnu::noinline]] void sinCosFixup(const Real* x, Real* sinOut, Real* cosOut, unsigned count,
                                   const SinCosScale<Real>& sc)
{
    using K = SinCosConstants<Real>;
    for (unsigned l = 0; l < count; ++l) {
        if (!(__builtin_fabs(x[l]) <= K::FALLBACK)) {
            const Real s = K::libSin(x[l]);
            const Real c = K::libCos(x[l]);
            // (sin, cos)(x - m pi/2) for m = 0..3.
            const Real rs[4] = {s, -c, -s, c};
            const Real rc[4] = {c, s, -c, -s};
            sinOut[l] = sc.rho * rs[sc.quarterTurns];
            cosOut[l] = sc.rho * rc[sc.quarterTurns];
        }
    }
}

// sinCos over an array of any length (the tail goes through a zero-padded vector): the table's test entry.
template <typename Real>
void sinCosArray(const Real* x, Real* sinOut, Real* cosOut, std::uint64_t count)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    const SinCosScale<Real> unit(Real(1), 0);
    std::uint64_t i = 0;
    for (; i + R <= count; i += R) {
        const V in[1] = {loadV<V>(x + i)};
        V s[1];
        V c[1];
        const bool fixup = sinCos<Real, 1>(in, s, c, unit);
        storeV(sinOut + i, s[0]);
        storeV(cosOut + i, c[0]);
        if (fixup)
            sinCosFixup(x + i, sinOut + i, cosOut + i, R, unit);
    }
    if (i < count) {
        const unsigned rest = static_cast<unsigned>(count - i);
        V in[1] = {};
        std::memcpy(&in[0], x + i, rest * sizeof(Real));
        V s[1];
        V c[1];
        const bool fixup = sinCos<Real, 1>(in, s, c, unit);
        std::memcpy(sinOut + i, &s[0], rest * sizeof(Real));
        std::memcpy(cosOut + i, &c[0], rest * sizeof(Real));
        if (fixup)
            sinCosFixup(x + i, sinOut + i, cosOut + i, rest, unit);
    }
}
