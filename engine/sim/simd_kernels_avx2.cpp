// SPDX-License-Identifier: MIT
// The kernel table for AVX2 + FMA CPUs (this file alone is compiled with -mavx2 -mfma; see CMakeLists.txt).
#define ENGINE_SIMD_NAMESPACE avx2
#define ENGINE_SIMD_LEVEL Avx2
#define ENGINE_SIMD_BYTES 32
#define ENGINE_SIMD_MAX_GROUP 3    // 16 live vectors spill a little, still 15% faster than groups of 2
#define ENGINE_SIMD_PHASE_UNITS 4  // measured 15% faster than 2
#include "sim/simd_kernels_body.h"

namespace engine::detail {

const SimdKernelTable<double>* avx2KernelsDouble()
{
    return &avx2::kernelTableDouble();
}

const SimdKernelTable<float>* avx2KernelsFloat()
{
    return &avx2::kernelTableFloat();
}

} // namespace engine::detail
