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

#include "sim/simd_sincos_body.h"  // sin and cos, split out to keep this file to one concept per part

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
