// SPDX-License-Identifier: MIT
// Internal: the kernel bodies of simd_kernels.h, compiled once per instruction set with GCC vector types.
//
// Include this file from exactly one .cpp per instruction set, after defining
//   ENGINE_SIMD_NAMESPACE  a namespace name unique to that file (generic, avx2, avx512),
//   ENGINE_SIMD_LEVEL      its SimdLevel enumerator,
//   ENGINE_SIMD_BYTES      the native vector width in bytes (16, 32, 64),
//   ENGINE_SIMD_MAX_GROUP  how many qubits one sweep keeps in registers (2^(group+1) vectors live at once),
//   ENGINE_SIMD_PHASE_UNITS how many units' cost phases are computed together (independent chains vs spills).
// Everything here has internal linkage (anonymous namespace) so the copies cannot be mixed up by the linker;
// the only exported symbols are the two table getters at the bottom.
//
// Layout: amplitudes arrive and leave interleaved (re, im); inside a layer they travel in the split layout
// described below ("the split layout"). Qubits 0..UNIT_BITS-1 live inside one unit ("in-register" qubits) and
// higher qubits pair whole units.

#include "sim/simd_kernels.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#if !defined(ENGINE_SIMD_NAMESPACE) || !defined(ENGINE_SIMD_LEVEL) || !defined(ENGINE_SIMD_BYTES)                 \
    || !defined(ENGINE_SIMD_MAX_GROUP) || !defined(ENGINE_SIMD_PHASE_UNITS)
#error "define ENGINE_SIMD_NAMESPACE, _LEVEL, _BYTES, _MAX_GROUP and _PHASE_UNITS first"
#endif

namespace engine::detail::ENGINE_SIMD_NAMESPACE {

namespace {

constexpr unsigned VECTOR_BYTES = ENGINE_SIMD_BYTES;
constexpr unsigned MAX_GROUP = ENGINE_SIMD_MAX_GROUP;
// First-sweep sub-blocks of 2^SUB_BLOCK_BYTES_LOG2 bytes stay in L1 while every qubit inside them is applied.
// 16 KiB measured a few percent faster than 32 KiB (and 64 KiB) on the target's 48 KiB L1: room is left for the
// next sub-block's prefetched lines and the energies.
constexpr unsigned SUB_BLOCK_BYTES_LOG2 = 14;

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

#include "sim/simd_sincos_body.h"  // sin and cos, split out to keep this file to one concept per part

// ---- the split layout ----------------------------------------------------------------------------------------
// Inside a layer the kernels hold amplitudes as units of R = REALS amplitudes: one vector of their real parts and
// one of their imaginary parts. The mixer then costs one fused multiply-add per real and qubit with no shuffle,
// and the phase needs no spreading of cos and sin over (re, im) lanes. In memory a unit keeps the place of its
// 2R interleaved reals: first the R real parts, then the R imaginary parts.
// The lanes of a unit hold its amplitudes in the order that in-lane shuffles (within 128 bits, twice the
// throughput of lane-crossing ones on the target) produce from two interleaved vectors: 128-bit lane j of the
// real vector holds the real parts of the amplitudes that lane j of the first and of the second interleaved
// vector hold.

// Reals per 128-bit lane.
template <typename Real>
constexpr unsigned LANE_REALS = 16 / sizeof(Real);

// The amplitude (0..R-1, within its unit) that slot s of a unit's vectors holds.
template <typename Real>
constexpr unsigned ampOfSlot(unsigned s)
{
    constexpr unsigned R = Simd<Real>::REALS;
    constexpr unsigned HALF_LANE = LANE_REALS<Real> / 2;
    const unsigned lane = s / LANE_REALS<Real>;
    const unsigned w = s % LANE_REALS<Real>;
    return w < HALF_LANE ? lane * HALF_LANE + w : R / 2 + lane * HALF_LANE + (w - HALF_LANE);
}

template <typename Real>
constexpr unsigned slotOfAmp(unsigned a)
{
    for (unsigned s = 0; s < Simd<Real>::REALS; ++s) {
        if (ampOfSlot<Real>(s) == a)
            return s;
    }
    return 0;
}

// log2 of R: the amplitude-index bits that live inside one unit ("in-register" qubits).
template <typename Real>
constexpr unsigned UNIT_BITS = log2Of(Simd<Real>::REALS);

// log2 amplitudes of a first-sweep sub-block.
template <typename Real>
constexpr unsigned SUB_BITS = SUB_BLOCK_BYTES_LOG2 - log2Of(2 * sizeof(Real));

template <typename Real, std::size_t... S>
ENGINE_INLINE typename Simd<Real>::V realParts(const typename Simd<Real>::V& x0, const typename Simd<Real>::V& x1,
                                               std::index_sequence<S...>)
{
    return __builtin_shufflevector(x0, x1, static_cast<int>(2 * ampOfSlot<Real>(S))...);
}

template <typename Real, std::size_t... S>
ENGINE_INLINE typename Simd<Real>::V imagParts(const typename Simd<Real>::V& x0, const typename Simd<Real>::V& x1,
                                               std::index_sequence<S...>)
{
    return __builtin_shufflevector(x0, x1, static_cast<int>(2 * ampOfSlot<Real>(S) + 1)...);
}

// Interleaved vector H (0: amplitudes 0..R/2-1 of the unit, 1: the rest) from the split vectors.
template <typename Real, unsigned H, std::size_t... L>
ENGINE_INLINE typename Simd<Real>::V interleavedHalf(const typename Simd<Real>::V& re,
                                                     const typename Simd<Real>::V& im, std::index_sequence<L...>)
{
    constexpr unsigned R = Simd<Real>::REALS;
    return __builtin_shufflevector(
        re, im, static_cast<int>(slotOfAmp<Real>(H * R / 2 + L / 2) + ((L & 1) != 0 ? R : 0))...);
}

// Lane s takes lane partner(s): the amplitude whose index differs in in-register bit Q.
template <typename Real, unsigned Q, std::size_t... S>
ENGINE_INLINE typename Simd<Real>::V partnerImpl(const typename Simd<Real>::V& v, std::index_sequence<S...>)
{
    return __builtin_shufflevector(v, v, static_cast<int>(slotOfAmp<Real>(ampOfSlot<Real>(S) ^ (1u << Q)))...);
}

template <typename Real, unsigned Q>
ENGINE_INLINE typename Simd<Real>::V partner(const typename Simd<Real>::V& v)
{
    return partnerImpl<Real, Q>(v, std::make_index_sequence<Simd<Real>::REALS>{});
}

// Energies of one unit, natural order, into the unit's slot order.
template <typename Real, std::size_t... S>
ENGINE_INLINE typename Simd<Real>::V toSlotOrderImpl(const typename Simd<Real>::V& v, std::index_sequence<S...>)
{
    return __builtin_shufflevector(v, v, static_cast<int>(ampOfSlot<Real>(S))...);
}

template <typename Real>
struct Unit {
    typename Simd<Real>::V re;
    typename Simd<Real>::V im;
};

template <typename Real>
ENGINE_INLINE Unit<Real> loadInterleaved(const Real* p)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    const V x0 = loadV<V>(p);
    const V x1 = loadV<V>(p + R);
    return {realParts<Real>(x0, x1, std::make_index_sequence<R>{}),
            imagParts<Real>(x0, x1, std::make_index_sequence<R>{})};
}

template <typename Real>
ENGINE_INLINE void storeInterleaved(Real* p, const Unit<Real>& u)
{
    constexpr unsigned R = Simd<Real>::REALS;
    storeV(p, interleavedHalf<Real, 0>(u.re, u.im, std::make_index_sequence<R>{}));
    storeV(p + R, interleavedHalf<Real, 1>(u.re, u.im, std::make_index_sequence<R>{}));
}

template <typename Real>
ENGINE_INLINE Unit<Real> loadSplit(const Real* p)
{
    using V = typename Simd<Real>::V;
    return {loadV<V>(p), loadV<V>(p + Simd<Real>::REALS)};
}

template <typename Real>
ENGINE_INLINE void storeSplit(Real* p, const Unit<Real>& u)
{
    storeV(p, u.re);
    storeV(p + Simd<Real>::REALS, u.im);
}

template <typename Real, bool INTERLEAVED>
ENGINE_INLINE void storeUnit(Real* p, const Unit<Real>& u)
{
    if constexpr (INTERLEAVED)
        storeInterleaved(p, u);
    else
        storeSplit(p, u);
}

// In-place conversion of `count` amplitudes (whole units) between the interleaved and the split layout.
template <typename Real>
void convertLayout(Real* a, std::uint64_t count, bool toSplit)
{
    constexpr unsigned R = Simd<Real>::REALS;
    for (std::uint64_t i = 0; i < 2 * count; i += 2 * R) {
        if (toSplit)
            storeSplit(a + i, loadInterleaved(a + i));
        else
            storeInterleaved(a + i, loadSplit(a + i));
    }
}

// ---- mixer building blocks ---------------------------------------------------------------------------------
// RX(2 beta) = [[c, -i s], [-i s, c]] (c = cos beta, s = sin beta) is applied in two normalised forms whose
// scalar factors are collected into one global factor, folded into the first sweep:
//  - one qubit: RX = g [[1, w], [w, 1]] with w = -i kappa, |kappa| <= 1: tangent form g = c, kappa = s/c, or
//    cotangent form g = -i s, kappa = -c/s with the two outputs swapped (RX = g X [[1, w], [w, 1]]). On a pair
//    (x0, x1): Re y0 = Re x0 + kappa Im x1, Im y0 = Im x0 - kappa Re x1: one fused multiply-add per real.
//  - two qubits at once: with a = x0 + x3, b = x0 - x3, c' = x1 + x2, d = x1 - x2 (x1: first qubit set, x2:
//    second, x3: both), RX (x) RX = 1/2 [y0 = b + T1, y3 = T1 - b, y1 = d + T2, y2 = T2 - d] where
//    T1 = cos(2 beta) a - i sin(2 beta) c' and T2 = cos(2 beta) c' - i sin(2 beta) a. Per real and qubit that is
//    half a multiply-add and two additions: the additions run on the pipes the multiply-adds leave idle, and
//    nothing needs a register copy (one-qubit updates overwrite an input another output still needs).
// Measured on the 2-core AMD target (Zen 5), a group of three qubits as one pair and one single costs 0.9 cycles
// per unit and qubit, three singles 1.33, two pairs (32 live vectors, spills) 1.2.

// One qubit's normalised form for angle beta: the cotangent form when |sin beta| > |cos beta|.
inline bool mixSwaps(double beta)
{
    return __builtin_fabs(__builtin_sin(beta)) > __builtin_fabs(__builtin_cos(beta));
}

// g^singles 2^-pairs: the factor the normalised forms leave out of RX(2 beta) on singles + 2 pairs qubits.
inline MixFactor normalisationFactor(double beta, unsigned singles, unsigned pairs)
{
    const double c = __builtin_cos(beta);
    const double s = __builtin_sin(beta);
    const bool swaps = mixSwaps(beta);
    const double gRe = swaps ? 0.0 : c;
    const double gIm = swaps ? -s : 0.0;
    MixFactor f{1.0, 0.0};
    for (unsigned q = 0; q < singles; ++q)
        f = {f.re * gRe - f.im * gIm, f.re * gIm + f.im * gRe};
    for (unsigned q = 0; q < pairs; ++q)
        f = {f.re * 0.5, f.im * 0.5};
    return f;
}

template <typename Real>
struct MixConsts {
    using V = typename Simd<Real>::V;
    V kappa = {};
    V pairCos = {};
    V pairSin = {};
    V scaleRe = {};  // the global factor, used where no cost phase carries it
    V scaleIm = {};
    Real gamma = 0;
    Real angleShift = 0;  // subtracted from gamma * energy: the global factor's angle beyond its quarter turns
    SinCosScale<Real> phase;

    // `factor`: the global factor the first sweep multiplies in (unused by later sweeps).
    MixConsts(const MixParams& p, MixFactor factor) : phase(Real(1), 0)
    {
        const double c = __builtin_cos(p.beta);
        const double s = __builtin_sin(p.beta);
        kappa = splat<V>(mixSwaps(p.beta) ? -c / s : s / c);
        pairCos = splat<V>(c * c - s * s);
        pairSin = splat<V>(2.0 * s * c);
        scaleRe = splat<V>(factor.re);
        scaleIm = splat<V>(factor.im);
        gamma = static_cast<Real>(p.gamma);
        // factor = rho e^{i phi}, phi = m pi/2 + shift with |shift| <= pi/4: factor e^{-i gamma E} =
        // rho e^{-i (gamma E - shift - m pi/2)}. The mixer's factor is real or imaginary, so shift is 0 and the
        // cost phase's argument stays exactly gamma * E.
        const double rho = __builtin_sqrt(factor.re * factor.re + factor.im * factor.im);
        const double phi = __builtin_atan2(factor.im, factor.re);
        const double quarter = 1.5707963267948966;
        const double turns = __builtin_nearbyint(phi / quarter);
        angleShift = static_cast<Real>(phi - turns * quarter);
        phase = SinCosScale<Real>(static_cast<Real>(rho), static_cast<int>(turns) & 3);
    }
};

template <typename Real, unsigned Q, bool SWAP>
ENGINE_INLINE void mixInRegister(Unit<Real>& x, const typename Simd<Real>::V& k)
{
    using V = typename Simd<Real>::V;
    const V pr = partner<Real, Q>(x.re);
    const V pi = partner<Real, Q>(x.im);
    if constexpr (SWAP) {
        const V re = pr + k * x.im;
        x.im = pi - k * x.re;
        x.re = re;
    } else {
        x.re = x.re + k * pi;
        x.im = x.im - k * pr;
    }
}

// The first `count` in-register qubits of a unit (count <= UNIT_BITS).
template <typename Real, bool SWAP>
ENGINE_INLINE void mixUnitQubits(Unit<Real>& x, const typename Simd<Real>::V& k, unsigned count)
{
    if (count >= 1)
        mixInRegister<Real, 0, SWAP>(x, k);
    if constexpr (UNIT_BITS<Real> >= 2) {
        if (count >= 2)
            mixInRegister<Real, 1, SWAP>(x, k);
    }
    if constexpr (UNIT_BITS<Real> >= 3) {
        if (count >= 3)
            mixInRegister<Real, 2, SWAP>(x, k);
    }
    if constexpr (UNIT_BITS<Real> >= 4) {
        if (count >= 4)
            mixInRegister<Real, 3, SWAP>(x, k);
    }
}

// One qubit on two units, normalised form.
template <typename Real, bool SWAP>
ENGINE_INLINE void mixSingle(Unit<Real>& x0, Unit<Real>& x1, const typename Simd<Real>::V& k)
{
    const Unit<Real> y0{x0.re + k * x1.im, x0.im - k * x1.re};
    const Unit<Real> y1{x1.re + k * x0.im, x1.im - k * x0.re};
    x0 = SWAP ? y1 : y0;
    x1 = SWAP ? y0 : y1;
}

// Two qubits on four units (x1: first qubit set, x2: second, x3: both), pair form (factor 1/2 left out).
template <typename Real>
ENGINE_INLINE void mixDouble(Unit<Real>& x0, Unit<Real>& x1, Unit<Real>& x2, Unit<Real>& x3,
                             const MixConsts<Real>& c)
{
    using V = typename Simd<Real>::V;
    const Unit<Real> a{x0.re + x3.re, x0.im + x3.im};
    const Unit<Real> b{x0.re - x3.re, x0.im - x3.im};
    const Unit<Real> s{x1.re + x2.re, x1.im + x2.im};
    const Unit<Real> d{x1.re - x2.re, x1.im - x2.im};
    const V t1r = c.pairCos * a.re + c.pairSin * s.im;
    const V t1i = c.pairCos * a.im - c.pairSin * s.re;
    const V t2r = c.pairCos * s.re + c.pairSin * a.im;
    const V t2i = c.pairCos * s.im - c.pairSin * a.re;
    x0 = {t1r + b.re, t1i + b.im};
    x3 = {t1r - b.re, t1i - b.im};
    x1 = {t2r + d.re, t2i + d.im};
    x2 = {t2r - d.re, t2i - d.im};
}

// Applies M qubits to 2^M units held in registers (unit j's bit r is qubit r of the group): qubits 0 and 1 as a
// pair, qubit 2 (M = 3) or 0 (M = 1) singly.
template <typename Real, unsigned M, bool SWAP>
ENGINE_INLINE void mixGroup(Unit<Real> (&x)[1u << M], const MixConsts<Real>& c)
{
    static_assert(M >= 1 && M <= 3, "groups of one to three qubits");
    if constexpr (M == 1) {
        mixSingle<Real, SWAP>(x[0], x[1], c.kappa);
    } else {
#pragma GCC unroll 4
        for (unsigned j = 0; j < (1u << M); j += 4)
            mixDouble(x[j], x[j + 1], x[j + 2], x[j + 3], c);
        if constexpr (M == 3) {
#pragma GCC unroll 4
            for (unsigned j = 0; j < 4; ++j)
                mixSingle<Real, SWAP>(x[j], x[j + 4], c.kappa);
        }
    }
}

// One sweep over 2^bits split amplitudes applying qubits q..q+M-1 (q >= UNIT_BITS) to 2^M units at a time;
// INTERLEAVE: leave the amplitudes interleaved.
template <typename Real, unsigned M, bool SWAP, bool INTERLEAVE>
void sweepGroup(Real* a, unsigned bits, unsigned q, const MixConsts<Real>& c)
{
    constexpr unsigned UNIT_REALS = 2 * Simd<Real>::REALS;
    const std::uint64_t numUnits = std::uint64_t{1} << (bits - UNIT_BITS<Real>);
    const std::uint64_t stride = std::uint64_t{1} << (q - UNIT_BITS<Real>);
    for (std::uint64_t base = 0; base < numUnits; base += stride << M) {
        for (std::uint64_t lo = 0; lo < stride; ++lo) {
            Real* p = a + (base + lo) * UNIT_REALS;
            Unit<Real> x[1u << M];
#pragma GCC unroll 16
            for (unsigned j = 0; j < (1u << M); ++j)
                x[j] = loadSplit(p + j * stride * UNIT_REALS);
            mixGroup<Real, M, SWAP>(x, c);
#pragma GCC unroll 16
            for (unsigned j = 0; j < (1u << M); ++j)
                storeUnit<Real, INTERLEAVE>(p + j * stride * UNIT_REALS, x[j]);
        }
    }
}

// Splits `count` qubits into the fewest groups of at most MAX_GROUP, as even as possible: group g's size.
inline unsigned groupSize(unsigned count, unsigned groups, unsigned g)
{
    return count / groups + (g < count % groups ? 1u : 0u);
}

// How many of `count` qubits handled as one range of groups (mixQubitRange, highTile) go singly: one per
// odd-sized group; the rest go in pairs.
inline unsigned singlesInRange(unsigned count)
{
    const unsigned groups = (count + MAX_GROUP - 1) / MAX_GROUP;
    unsigned singles = 0;
    for (unsigned g = 0; g < groups; ++g)
        singles += groupSize(count, groups, g) % 2;
    return singles;
}

template <typename Real, bool SWAP, bool INTERLEAVE>
void sweepGroupOf(unsigned m, Real* a, unsigned bits, unsigned q, const MixConsts<Real>& k)
{
    if (m >= 3) {
        if constexpr (MAX_GROUP >= 3)
            sweepGroup<Real, 3, SWAP, INTERLEAVE>(a, bits, q, k);
    } else if (m == 2) {
        sweepGroup<Real, 2, SWAP, INTERLEAVE>(a, bits, q, k);
    } else {
        sweepGroup<Real, 1, SWAP, INTERLEAVE>(a, bits, q, k);
    }
}

// Qubits qFrom..qTo-1 (>= UNIT_BITS) of 2^bits split amplitudes in register groups of up to MAX_GROUP; the last
// group leaves them interleaved when `interleave` is set.
template <typename Real, bool SWAP>
void mixQubitRange(Real* a, unsigned bits, unsigned qFrom, unsigned qTo, bool interleave, const MixConsts<Real>& k)
{
    if (qTo <= qFrom)
        return;
    const unsigned count = qTo - qFrom;
    const unsigned groups = (count + MAX_GROUP - 1) / MAX_GROUP;
    unsigned q = qFrom;
    for (unsigned g = 0; g < groups; ++g) {
        const unsigned m = groupSize(count, groups, g);
        if (interleave && g + 1 == groups)
            sweepGroupOf<Real, SWAP, true>(m, a, bits, q, k);
        else
            sweepGroupOf<Real, SWAP, false>(m, a, bits, q, k);
        q += m;
    }
}

// Units whose cost phase is computed together: enough independent polynomial chains to fill the pipelines.
constexpr unsigned PHASE_UNITS = ENGINE_SIMD_PHASE_UNITS;

// First touch of U units: interleaved in, global factor and optional cost phase, then (LANES) every in-register
// qubit, stored split or (INTERLEAVE) interleaved. One vector of energies per unit.
// The cost phase of the lanes sinCos leaves to the C library, their arguments recomputed from the energies so
// that the fast path need not keep them.
template <typename Real, unsigned U>
[[gnu::noinline]] void phaseFixup(const Real* energies, typename Simd<Real>::V (&s)[U],
                                  typename Simd<Real>::V (&co)[U], const MixConsts<Real>& c)
{
    constexpr unsigned R = Simd<Real>::REALS;
    for (unsigned u = 0; u < U; ++u) {
        Real arg[R];
        Real sv[R];
        Real cv[R];
        for (unsigned l = 0; l < R; ++l) {
            arg[l] = energies[u * R + ampOfSlot<Real>(l)] * c.gamma - c.angleShift;
            sv[l] = s[u][l];
            cv[l] = co[u][l];
        }
        sinCosFixup(arg, sv, cv, R, c.phase);
        for (unsigned l = 0; l < R; ++l) {
            s[u][l] = sv[l];
            co[u][l] = cv[l];
        }
    }
}

template <typename Real, bool PHASE, bool LANES, bool SWAP, bool INTERLEAVE, unsigned U>
ENGINE_INLINE void firstSweepStep(Real* p, const Real* energies, const MixConsts<Real>& c)
{
    using V = typename Simd<Real>::V;
    constexpr unsigned R = Simd<Real>::REALS;
    Unit<Real> x[U];
    if constexpr (PHASE) {
        V arg[U];
        V s[U];
        V co[U];
#pragma GCC unroll 8
        for (unsigned u = 0; u < U; ++u) {
            const V e = toSlotOrderImpl<Real>(loadV<V>(energies + u * R), std::make_index_sequence<R>{});
            arg[u] = e * c.gamma - c.angleShift;
        }
        if (sinCos<Real, U>(arg, s, co, c.phase)) [[unlikely]]
            phaseFixup<Real, U>(energies, s, co, c);
#pragma GCC unroll 8
        for (unsigned u = 0; u < U; ++u) {
            // times rho e^{-i (arg - m pi/2)} = (co - i s)
            const Unit<Real> in = loadInterleaved(p + u * 2 * R);
            x[u].re = in.re * co[u] + in.im * s[u];
            x[u].im = in.im * co[u] - in.re * s[u];
        }
    } else {
#pragma GCC unroll 8
        for (unsigned u = 0; u < U; ++u) {
            const Unit<Real> in = loadInterleaved(p + u * 2 * R);
            x[u].re = in.re * c.scaleRe - in.im * c.scaleIm;
            x[u].im = in.im * c.scaleRe + in.re * c.scaleIm;
        }
    }
    if constexpr (LANES) {
#pragma GCC unroll 8
        for (unsigned u = 0; u < U; ++u)
            mixUnitQubits<Real, SWAP>(x[u], c.kappa, UNIT_BITS<Real>);
    }
#pragma GCC unroll 8
    for (unsigned u = 0; u < U; ++u)
        storeUnit<Real, INTERLEAVE>(p + u * 2 * R, x[u]);
}

// Asks for the cache lines of `bytes` bytes at p to be brought into the L2 (a hint; never faults).
ENGINE_INLINE void prefetchRange(const void* p, std::size_t bytes)
{
    for (std::size_t off = 0; off < bytes; off += 64)
        __builtin_prefetch(static_cast<const char*>(p) + off, 0, 2);
}

// The first touch of `count` amplitudes. `nextAmps` / `nextDiagonal` (null: none): the next sub-block's data,
// fetched while this one is worked on. Its amplitudes are read only here, and the sweeps that follow in L1
// leave the memory idle, so without the hint each sub-block would wait for its data instead of overlapping.
template <typename Real, bool PHASE, bool LANES, bool SWAP, bool INTERLEAVE>
void firstSweep(Real* a, const Real* diagonal, std::uint64_t count, const MixConsts<Real>& c, const Real* nextAmps,
                const Real* nextDiagonal)
{
    constexpr unsigned R = Simd<Real>::REALS;
    constexpr std::size_t STEP = PHASE_UNITS * R;  // amplitudes per step
    std::uint64_t z = 0;
    for (; z + STEP <= count; z += STEP) {
        if (nextAmps != nullptr) {
            prefetchRange(nextAmps + 2 * z, 2 * STEP * sizeof(Real));
            if (PHASE)
                prefetchRange(nextDiagonal + z, STEP * sizeof(Real));
        }
        firstSweepStep<Real, PHASE, LANES, SWAP, INTERLEAVE, PHASE_UNITS>(a + 2 * z, PHASE ? diagonal + z : nullptr,
                                                                          c);
    }
    for (; z < count; z += R)
        firstSweepStep<Real, PHASE, LANES, SWAP, INTERLEAVE, 1>(a + 2 * z, PHASE ? diagonal + z : nullptr, c);
}

// Blocks smaller than a unit's worth of qubits to mix (only tests ask for them): the first `count` in-register
// qubits in a sweep of their own over split amplitudes.
template <typename Real, bool SWAP>
void mixSomeLanes(Real* a, std::uint64_t count, unsigned qubits, const typename Simd<Real>::V& k)
{
    constexpr unsigned R = Simd<Real>::REALS;
    for (std::uint64_t z = 0; z < count; z += R) {
        Unit<Real> x = loadSplit(a + 2 * z);
        mixUnitQubits<Real, SWAP>(x, k, qubits);
        storeSplit(a + 2 * z, x);
    }
}

// Where a tile group reads and writes its lines: the strided state itself or the contiguous scratch copy.
enum class TileIo { MemoryToMemory, MemoryToScratch, ScratchToScratch, ScratchToMemory };

// One group of M tile qubits (line-index bits r0..r0+M-1) over every line of the tile. Line j lives at
// state + j * stride (memory) or scratch + j * lineSize (scratch); lines hold whole split units.
template <typename Real, unsigned M, bool SWAP, TileIo IO, bool INTERLEAVE>
void tileGroup(Real* state, Real* scratch, std::uint64_t stride, unsigned tileBits, unsigned r0, std::uint64_t lineSize,
               const MixConsts<Real>& k)
{
    constexpr unsigned UNIT_REALS = 2 * Simd<Real>::REALS;
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
#pragma GCC unroll 16
        for (unsigned t = 0; t < (1u << M); ++t) {
            const std::uint64_t j = j0 + (std::uint64_t{t} << r0);
            in[t] = READ_MEMORY ? memoryLine(j) : scratchLine(j);
            out[t] = WRITE_MEMORY ? memoryLine(j) : scratchLine(j);
        }
        for (std::uint64_t v = 0; v < lineReals; v += UNIT_REALS) {
            Unit<Real> x[1u << M];
#pragma GCC unroll 16
            for (unsigned t = 0; t < (1u << M); ++t)
                x[t] = loadSplit(in[t] + v);
            mixGroup<Real, M, SWAP>(x, k);
#pragma GCC unroll 16
            for (unsigned t = 0; t < (1u << M); ++t)
                storeUnit<Real, INTERLEAVE>(out[t] + v, x[t]);
        }
    }
}

template <typename Real, bool SWAP, TileIo IO, bool INTERLEAVE>
void tileGroupOf(unsigned m, Real* state, Real* scratch, std::uint64_t stride, unsigned tileBits, unsigned r0,
                 std::uint64_t lineSize, const MixConsts<Real>& k)
{
    if (m >= 3) {
        if constexpr (MAX_GROUP >= 3)
            tileGroup<Real, 3, SWAP, IO, INTERLEAVE>(state, scratch, stride, tileBits, r0, lineSize, k);
    } else if (m == 2) {
        tileGroup<Real, 2, SWAP, IO, INTERLEAVE>(state, scratch, stride, tileBits, r0, lineSize, k);
    } else {
        tileGroup<Real, 1, SWAP, IO, INTERLEAVE>(state, scratch, stride, tileBits, r0, lineSize, k);
    }
}

// The strided lines alias onto a few cache sets (their stride is a power of two of 4 KiB or more), so a tile
// cannot stay cached in place: the first group copies it into the contiguous scratch, the last one writes it
// back. INTERLEAVE: the last group leaves the amplitudes interleaved.
// NOTE: measured on the 2-core AMD target, non-temporal stores for the write-back and software prefetch of the
// next lines were both slower than plain stores and the hardware prefetcher, so neither is used.
template <typename Real, bool SWAP>
void mixTile(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
             const MixConsts<Real>& c, bool interleave)
{
    const unsigned groups = (tileBits + MAX_GROUP - 1) / MAX_GROUP;
    if (groups == 1) {
        if (interleave)
            tileGroupOf<Real, SWAP, TileIo::MemoryToMemory, true>(tileBits, base, scratch, stride, tileBits, 0,
                                                                 lineSize, c);
        else
            tileGroupOf<Real, SWAP, TileIo::MemoryToMemory, false>(tileBits, base, scratch, stride, tileBits, 0,
                                                                  lineSize, c);
        return;
    }
    unsigned r0 = 0;
    for (unsigned g = 0; g < groups; ++g) {
        const unsigned m = groupSize(tileBits, groups, g);
        if (g == 0)
            tileGroupOf<Real, SWAP, TileIo::MemoryToScratch, false>(m, base, scratch, stride, tileBits, r0, lineSize,
                                                                   c);
        else if (g + 1 < groups)
            tileGroupOf<Real, SWAP, TileIo::ScratchToScratch, false>(m, base, scratch, stride, tileBits, r0,
                                                                    lineSize, c);
        else if (interleave)
            tileGroupOf<Real, SWAP, TileIo::ScratchToMemory, true>(m, base, scratch, stride, tileBits, r0, lineSize,
                                                                  c);
        else
            tileGroupOf<Real, SWAP, TileIo::ScratchToMemory, false>(m, base, scratch, stride, tileBits, r0, lineSize,
                                                                   c);
        r0 += m;
    }
}

template <typename Real, bool PHASE, bool SWAP>
void lowBlockImpl(Real* a, const Real* diagonal, unsigned blockBits, unsigned mixBits, const MixParams& params)
{
    constexpr unsigned UB = UNIT_BITS<Real>;
    const unsigned subBits = blockBits < SUB_BITS<Real> ? blockBits : SUB_BITS<Real>;
    const unsigned inRegister = mixBits < UB ? mixBits : UB;
    const unsigned subMix = mixBits < subBits ? mixBits : subBits;
    const bool interleave = !params.splitOutput;
    // Which sweep touches the amplitudes last, and so writes them in the caller's layout.
    const bool blockSweeps = mixBits > subBits;
    const bool subSweeps = subMix > UB;
    // The first sweep multiplies in what every normalised form of this block leaves out, and the caller's factor.
    const unsigned subSingles = subSweeps ? singlesInRange(subMix - UB) : 0;
    const unsigned blockSingles = blockSweeps ? singlesInRange(mixBits - subBits) : 0;
    const unsigned singles = inRegister + subSingles + blockSingles;
    const MixFactor own = normalisationFactor(params.beta, singles, (mixBits - singles) / 2);
    const MixConsts<Real> c(params, {own.re * params.scaleRe - own.im * params.scaleIm,
                                     own.re * params.scaleIm + own.im * params.scaleRe});
    const std::uint64_t subSize = std::uint64_t{1} << subBits;
    const std::uint64_t blockSize = std::uint64_t{1} << blockBits;
    for (std::uint64_t off = 0; off < blockSize; off += subSize) {
        Real* sub = a + 2 * off;
        const Real* d = PHASE ? diagonal + off : nullptr;
        const bool last = off + subSize >= blockSize;
        const Real* nextAmps = last ? nullptr : sub + 2 * subSize;
        const Real* nextDiagonal = last || !PHASE ? nullptr : d + subSize;
        if (inRegister == UB) {
            if (interleave && !blockSweeps && !subSweeps)
                firstSweep<Real, PHASE, true, SWAP, true>(sub, d, subSize, c, nextAmps, nextDiagonal);
            else
                firstSweep<Real, PHASE, true, SWAP, false>(sub, d, subSize, c, nextAmps, nextDiagonal);
        } else if (inRegister == 0 && interleave) {
            firstSweep<Real, PHASE, false, SWAP, true>(sub, d, subSize, c, nextAmps, nextDiagonal);
        } else {
            // mixBits < UB, no further sweeps: the few qubits go in a split sweep of their own
            firstSweep<Real, PHASE, false, SWAP, false>(sub, d, subSize, c, nextAmps, nextDiagonal);
            mixSomeLanes<Real, SWAP>(sub, subSize, inRegister, c.kappa);
            if (interleave)
                convertLayout(sub, subSize, false);
        }
        if (subSweeps)
            mixQubitRange<Real, SWAP>(sub, subBits, UB, subMix, interleave && !blockSweeps, c);
    }
    if (blockSweeps)
        mixQubitRange<Real, SWAP>(a, blockBits, subBits, mixBits, interleave, c);
}

template <typename Real>
void lowBlock(Real* a, const Real* diagonal, unsigned blockBits, unsigned mixBits, const MixParams& params)
{
    const bool swaps = mixSwaps(params.beta);
    if (diagonal != nullptr) {
        if (swaps)
            lowBlockImpl<Real, true, true>(a, diagonal, blockBits, mixBits, params);
        else
            lowBlockImpl<Real, true, false>(a, diagonal, blockBits, mixBits, params);
    } else {
        if (swaps)
            lowBlockImpl<Real, false, true>(a, diagonal, blockBits, mixBits, params);
        else
            lowBlockImpl<Real, false, false>(a, diagonal, blockBits, mixBits, params);
    }
}

template <typename Real, bool SWAP>
void highTileImpl(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
                  const MixParams& params)
{
    mixTile<Real, SWAP>(base, stride, tileBits, lineSize, scratch, MixConsts<Real>(params, {1.0, 0.0}),
                        !params.splitOutput);
}

template <typename Real>
void highTile(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
              const MixParams& params)
{
    if (mixSwaps(params.beta))
        highTileImpl<Real, true>(base, stride, tileBits, lineSize, scratch, params);
    else
        highTileImpl<Real, false>(base, stride, tileBits, lineSize, scratch, params);
}

MixFactor tileFactor(unsigned tileBits, double beta)
{
    const unsigned singles = singlesInRange(tileBits);
    return normalisationFactor(beta, singles, (tileBits - singles) / 2);
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
                                                   &lowBlock<double>, &highTile<double>, &tileFactor,
                                                   &convertLayout<double>,
                                                   &scale<double>,
                                                   &expectation<double>, &normSquared<double>,
                                                   &sinCosArray<double>};
    return TABLE;
}

const SimdKernelTable<float>& kernelTableFloat()
{
    static constexpr SimdKernelTable<float> TABLE{SimdLevel::ENGINE_SIMD_LEVEL, LOG_COMPLEX<float> + 1,
                                                  &lowBlock<float>, &highTile<float>, &tileFactor,
                                                  &convertLayout<float>,
                                                  &scale<float>,
                                                  &expectation<float>, &normSquared<float>,
                                                  &sinCosArray<float>};
    return TABLE;
}

} // namespace engine::detail::ENGINE_SIMD_NAMESPACE
