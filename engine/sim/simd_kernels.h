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

/// Angles and layout flags shared by every kernel of one call.
struct MixParams {
    double gamma = 0.0;    ///< cost-phase angle: amplitude[z] *= exp(-i gamma diagonal[z])
    double beta = 0.0;     ///< mixer angle: RX(2 beta) = exp(-i beta X) on each mixed qubit
    double scaleRe = 1.0;  ///< real part of an extra global factor lowBlock multiplies in (1 when unused)
    double scaleIm = 0.0;  ///< imaginary part of that factor
    /// Leave the amplitudes in the split layout (see SimdKernelTable) for further highTile passes instead of
    /// interleaving them again.
    bool splitOutput = false;
};

/// A complex number without <complex> (see the note at the top of this header).
struct MixFactor {
    double re;
    double im;
};

/// One instruction set's kernels for amplitudes of type std::complex<Real>, passed as interleaved (re, im) reals.
/// Between the passes of one layer the amplitudes use the split layout instead: units of 2^minBlockBits
/// amplitudes (two SIMD vectors), each stored as its real parts followed by its imaginary parts, in a lane order
/// private to the table; `convertLayout` converts. lowBlock reads interleaved amplitudes, highTile split ones;
/// both write split ones when MixParams::splitOutput is set, interleaved ones otherwise.
/// Every pointer must be 64-byte aligned; sizes are in complex amplitudes. Kernels are serial: callers
/// parallelise over blocks and tiles. All are thread-safe on disjoint data.
template <typename Real>
struct SimdKernelTable {
    SimdLevel level;
    /// log2 of the amplitudes in one split unit (two SIMD vectors): the smallest block `lowBlock` accepts and the
    /// shortest line `highTile` accepts.
    unsigned minBlockBits;

    /// On one block of 2^blockBits amplitudes: multiplies by scaleRe + i scaleIm and, when `diagonal` is not null,
    /// by exp(-i gamma diagonal[z]); then applies RX(2 beta) to the block's qubits 0..mixBits-1 (mixBits <=
    /// blockBits; 0 = phase only). O(2^blockBits * (1 + mixBits)), cache-blocked inside.
    void (*lowBlock)(Real* amplitudes, const Real* diagonal, unsigned blockBits, unsigned mixBits,
                     const MixParams& params);

    /// On one tile of split amplitudes: 2^tileBits lines of `lineSize` amplitudes (whole units; 1 KiB or more
    /// for speed), line j starting at base + j * stride, applies RX(2 beta) to each of the tile's qubits (the bits
    /// of j), the result divided by tileFactor(tileBits, beta). `scratch` holds 2^tileBits * lineSize amplitudes
    /// (64-byte aligned, private to the caller). scaleRe / scaleIm are ignored.
    void (*highTile)(Real* base, std::uint64_t stride, unsigned tileBits, std::uint64_t lineSize, Real* scratch,
                     const MixParams& params);
    /// The scalar factor highTile leaves out of RX(2 beta) on its tileBits qubits, which keeps its inner loops
    /// free of multiplications by it; the caller multiplies the factors of all its tile passes into lowBlock's
    /// scaleRe / scaleIm. Of modulus between 2^(-tileBits/2) and 1. O(tileBits).
    MixFactor (*tileFactor)(unsigned tileBits, double beta);

    /// Converts `count` amplitudes (whole units) in place from the interleaved to the split layout (toSplit) or
    /// back. O(count).
    void (*convertLayout)(Real* amplitudes, std::uint64_t count, bool toSplit);

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
