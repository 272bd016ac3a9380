// SPDX-License-Identifier: MIT
// A small std::thread pool that runs one task per index.
#include "gnn/task_pool.h"

#include "core/error.h"

#include <omp.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace engine {

void runIndexedTasks(std::size_t count, int threads, const std::function<void(std::size_t index)>& task,
                     const std::function<bool()>& stop)
{
    if (threads < 1 || threads > 1024)
        throw Error(ErrorCode::InvalidArgument, "the number of threads must be in 1..1024", "threads");
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::exception_ptr firstError;
    auto worker = [&] {
        omp_set_num_threads(1);
        for (;;) {
            const std::size_t k = next.fetch_add(1);
            if (k >= count || failed.load() || (stop && stop()))
                return;
            try {
                task(k);
            } catch (...) {
                const std::lock_guard lock(mutex);
                if (!firstError)
                    firstError = std::current_exception();
                failed.store(true);
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    for (std::thread& t : pool)
        t.join();
    if (firstError)
        std::rethrow_exception(firstError);
}

} // namespace engine
