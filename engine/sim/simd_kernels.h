// SPDX-License-Identifier: MIT
// Internal: the block and tile kernels of the QAOA fast path, one table per instruction set, picked at run time.
#pragma once

// NOTE: this header is included by the translation units compiled with -mavx2 / -mavx512f. It must stay free of
// inline functions and standard-library templates, or the linker could hand an AVX-512 copy of one of them to
// code running on a CPU without AVX-512.
#include <cstdint>
#include <vector>

namespace engine::detail {

/// Instruction-set level of a kernel table. Generic is plain x86-64 (SSE2) or whatever the target offers.
enum class SimdLevel { Generic, Avx2, Avx512 };

/// "generic" / "avx2" / "avx512".
const char* simdLevelName(SimdLevel level) noexcept;

/// Coefficients of the normalised X mixer, shared by every kernel of one call.
/// RX(2 beta) = g * [[1, w], [w, 1]] (tangent form, |tan beta| <= 1: g = cos beta, w = -i tan beta) or
/// g * X * [[1, w], [w, 1]] (cotangent form: g = -i sin beta, w = i cot beta, the outputs of each pair swap).
/// Either way the off-diagonal w = -i kappa has modulus <= 1, and g^n is folded into the first sweep, so a qubit
/// costs one fused multiply-add and one shuffle per real instead of two multiplies and an add.
struct MixParams {
    double gamma = 0.0;    ///< cost-phase angle: amplitude[z] *= exp(-i gamma diagonal[z])
    double scaleRe = 1.0;  ///< real part of the global factor (g^n for the mixer, 1 without one)
    double scaleIm = 0.0;  ///< imaginary part of the global factor
    double kappa = 0.0;    ///< w = -i kappa: kappa = tan beta (tangent form) or -cot beta (cotangent form)
    bool swapOutputs = false;  ///< cotangent form: each pair's two outputs trade places
};

/// One instruction set's kernels for amplitudes of type std::complex<Real>, passed as interleaved (re, im) reals.
/// Every pointer must be 64-byte aligned; sizes are in complex amplitudes. Kernels are serial: callers
/// parallelise over blocks and tiles. All are thread-safe on disjoint data.
template <typename Real>
struct SimdKernelTable {
    SimdLevel level;
    /// Smallest block (log2 of amplitudes) `lowBlock` accepts: two SIMD vectors.
    unsigned minBlockBits;

    /// On one block of 2^blockBits amplitudes: multiplies by the global factor and, when `diagonal` is not null,
    /// by exp(-i gamma diagonal[z]); then applies the normalised mixer to the block's qubits 0..mixBits-1
    /// (mixBits <= blockBits; 0 = phase only). O(2^blockBits * (1 + mixBits)), cache-blocked inside.
    void (*lowBlock)(Real* amplitudes, const Real* diagonal, unsigned blockBits, unsigned mixBits,
                     const MixParams& params);

    /// On one tile: 2^tileBits lines of `lineSize` amplitudes (at least one SIMD vector; 64 bytes or more for speed), line j
    /// starting at base + j * stride, applies the normalised mixer to the tile's qubits (the bits of j).
    /// `scratch` holds 2^tileBits * lineSize amplitudes (64-byte aligned, private to the caller).
    void (*highTile)(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
                     const MixParams& params);

    /// amplitude[z] *= factor for z < count (count a multiple of two SIMD vectors): the plain memory pass.
    void (*scale)(Real* amplitudes, std::uint64_t count, Real factor);
    /// sum_z |amplitude[z]|^2 diagonal[z] over z < count (multiple of two SIMD vectors), accumulated in double.
    double (*expectation)(const Real* amplitudes, const Real* diagonal, std::uint64_t count);
    /// sum_z |amplitude[z]|^2 over z < count (multiple of two SIMD vectors), accumulated in double.
    double (*normSquared)(const Real* amplitudes, std::uint64_t count);
    /// sinOut[i] = sin x[i], cosOut[i] = cos x[i] for i < count (any count, no alignment needed), with the
    /// vector code the cost phase uses: for |x| up to 2^20 (double) / 2^12 (float) within about an ulp of the
    /// result, beyond that within about an ulp of x; above 2^30 (double) / 2^20 (float), and for infinities and
    /// NaNs, the C library's sin and cos. O(count); exposed so tests can check it directly.
    void (*sinCos)(const Real* x, Real* sinOut, Real* cosOut, std::uint64_t count);
};

/// The kernels of the best level this CPU supports, or of the level forced by `forceSimdLevel`. Thread-safe.
const SimdKernelTable<double>& simdKernelsDouble();
const SimdKernelTable<float>& simdKernelsFloat();

/// Levels this build and CPU can run, Generic first.
std::vector<SimdLevel> supportedSimdLevels();
/// Selects the level every later kernel call uses (tests run each level; benchmarks compare them).
/// Throws Error(InvalidArgument) for a level the CPU or build lacks. Not for use while kernels run.
void forceSimdLevel(SimdLevel level);
/// The level now in use.
SimdLevel activeSimdLevel();

// Tables of each compiled level (defined in simd_kernels.cpp and simd_kernels_<isa>.cpp; null when the build
// lacks that level). Exposed so each file's test can check its own table.
const SimdKernelTable<double>* genericKernelsDouble();
const SimdKernelTable<float>* genericKernelsFloat();
const SimdKernelTable<double>* avx2KernelsDouble();
const SimdKernelTable<float>* avx2KernelsFloat();
const SimdKernelTable<double>* avx512KernelsDouble();
const SimdKernelTable<float>* avx512KernelsFloat();

} // namespace engine::detail
