// SPDX-License-Identifier: MIT
// Internal: turns the `threads` argument of the simulator kernels into an OpenMP thread count.
#include "sim/thread_count.h"

#include "core/error.h"

#include <omp.h>

#include <string>

namespace engine::detail {

int resolveThreadCount(int threads, std::uint64_t work)
{
    if (threads < 0)
        throw Error(ErrorCode::InvalidArgument,
                    "thread count must be 0 (all cores) or positive, got " + std::to_string(threads), "threads");
    if (work < MIN_PARALLEL_AMPLITUDES)
        return 1;
    if (threads == 0)
        return omp_get_max_threads() > 0 ? omp_get_max_threads() : 1;
    return threads;
}

} // namespace engine::detail
