// SPDX-License-Identifier: MIT
// Run-time choice between the kernel tables of simd_kernels.h, and the generic (baseline instruction set) table.
#define ENGINE_SIMD_NAMESPACE generic
#define ENGINE_SIMD_LEVEL Generic
#define ENGINE_SIMD_BYTES 16
#define ENGINE_SIMD_MAX_GROUP 3
#define ENGINE_SIMD_PHASE_UNITS 4
#include "sim/simd_kernels_body.h"

#include "core/error.h"

#include <atomic>
#include <string>

namespace engine::detail {

namespace {

// -1: not forced, else a SimdLevel value.
std::atomic<int> g_forcedLevel{-1};

bool cpuSupports(SimdLevel level)
{
    switch (level) {
    case SimdLevel::Generic:
        return true;
    case SimdLevel::Avx2:
#if defined(__x86_64__) || defined(__i386__)
        return avx2KernelsDouble() != nullptr && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
        return false;
#endif
    case SimdLevel::Avx512:
#if defined(__x86_64__) || defined(__i386__)
        return avx512KernelsDouble() != nullptr && __builtin_cpu_supports("avx512f")
            && __builtin_cpu_supports("fma");
#else
        return false;
#endif
    }
    return false;
}

SimdLevel bestLevel()
{
    static const SimdLevel best = [] {
        if (cpuSupports(SimdLevel::Avx512))
            return SimdLevel::Avx512;
        if (cpuSupports(SimdLevel::Avx2))
            return SimdLevel::Avx2;
        return SimdLevel::Generic;
    }();
    return best;
}

} // namespace

const char* simdLevelName(SimdLevel level) noexcept
{
    switch (level) {
    case SimdLevel::Generic:
        return "generic";
    case SimdLevel::Avx2:
        return "avx2";
    case SimdLevel::Avx512:
        return "avx512";
    }
    return "unknown";
}

const SimdKernelTable<double>* genericKernelsDouble()
{
    return &generic::kernelTableDouble();
}

const SimdKernelTable<float>* genericKernelsFloat()
{
    return &generic::kernelTableFloat();
}

#ifndef ENGINE_SIMD_X86
// Builds without the x86 kernel files still link; the level is then reported as unsupported.
const SimdKernelTable<double>* avx2KernelsDouble()
{
    return nullptr;
}
const SimdKernelTable<float>* avx2KernelsFloat()
{
    return nullptr;
}
const SimdKernelTable<double>* avx512KernelsDouble()
{
    return nullptr;
}
const SimdKernelTable<float>* avx512KernelsFloat()
{
    return nullptr;
}
#endif

std::vector<SimdLevel> supportedSimdLevels()
{
    std::vector<SimdLevel> levels;
    for (SimdLevel level : {SimdLevel::Generic, SimdLevel::Avx2, SimdLevel::Avx512}) {
        if (cpuSupports(level))
            levels.push_back(level);
    }
    return levels;
}

void forceSimdLevel(SimdLevel level)
{
    if (!cpuSupports(level))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("SIMD level ") + simdLevelName(level) + " is not supported by this CPU or build",
                    "level");
    g_forcedLevel.store(static_cast<int>(level), std::memory_order_relaxed);
}

SimdLevel activeSimdLevel()
{
    const int forced = g_forcedLevel.load(std::memory_order_relaxed);
    return forced < 0 ? bestLevel() : static_cast<SimdLevel>(forced);
}

const SimdKernelTable<double>& simdKernelsDouble()
{
    switch (activeSimdLevel()) {
    case SimdLevel::Avx512:
        return *avx512KernelsDouble();
    case SimdLevel::Avx2:
        return *avx2KernelsDouble();
    case SimdLevel::Generic:
        break;
    }
    return *genericKernelsDouble();
}

const SimdKernelTable<float>& simdKernelsFloat()
{
    switch (activeSimdLevel()) {
    case SimdLevel::Avx512:
        return *avx512KernelsFloat();
    case SimdLevel::Avx2:
        return *avx2KernelsFloat();
    case SimdLevel::Generic:
        break;
    }
    return *genericKernelsFloat();
}

} // namespace engine::detail
