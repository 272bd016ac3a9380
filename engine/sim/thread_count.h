// SPDX-License-Identifier: MIT
// Internal: turns the `threads` argument of the simulator kernels into an OpenMP thread count.
#pragma once

#include <cstdint>

namespace engine::detail {

/// Smallest number of amplitudes worth splitting over threads; below it kernels run on the calling thread.
constexpr std::uint64_t MIN_PARALLEL_AMPLITUDES = std::uint64_t{1} << 14;

/// `threads` when positive, all of OpenMP's threads (omp_get_max_threads) when 0, and 1 when `work` (amplitudes
/// or other items) is below MIN_PARALLEL_AMPLITUDES. Throws Error(InvalidArgument) for negative `threads`.
/// Thread-safe.
int resolveThreadCount(int threads, std::uint64_t work = MIN_PARALLEL_AMPLITUDES);

} // namespace engine::detail
