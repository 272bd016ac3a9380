// SPDX-License-Identifier: MIT
// The kernel table for AVX-512F CPUs (this file alone is compiled with -mavx512f -mfma; see CMakeLists.txt).
#define ENGINE_SIMD_NAMESPACE avx512
#define ENGINE_SIMD_LEVEL Avx512
#define ENGINE_SIMD_BYTES 64
#define ENGINE_SIMD_MAX_GROUP 3
#define ENGINE_SIMD_PHASE_UNITS 8  // measured: 10% faster than 4, twice as fast as 16 (spills)
#include "sim/simd_kernels_body.h"

namespace engine::detail {

const SimdKernelTable<double>* avx512KernelsDouble()
{
    return &avx512::kernelTableDouble();
}

const SimdKernelTable<float>* avx512KernelsFloat()
{
    return &avx512::kernelTableFloat();
}

} // namespace engine::detail
