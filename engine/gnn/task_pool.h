// SPDX-License-Identifier: MIT
// A small std::thread pool that runs one task per index, for the per-instance loops of data generation and benchmarks.
#pragma once

#include <cstddef>
#include <functional>

namespace engine {

/// Runs task(k) for k = 0..count-1 on `threads` std::threads that take indices from a shared counter. Each
/// worker first limits OpenMP to its own thread (omp_set_num_threads(1)): the tasks are single instances, and the
/// simulator's parallel regions would otherwise spin on a busy machine. `stop` is polled before every index
/// (nothing new starts once it is true). The first exception of a task stops the pool and is rethrown after all
/// workers have joined. Throws Error(InvalidArgument) for threads outside 1..1024.
void runIndexedTasks(std::size_t count, int threads, const std::function<void(std::size_t index)>& task,
                     const std::function<bool()>& stop = {});

} // namespace engine
