// SPDX-License-Identifier: MIT
// Internal: backing large simulator buffers with transparent huge pages, where page faults are the main cost.
#include "sim/huge_pages.h"

#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace engine::detail {

void adviseHugePages(const void* data, std::size_t bytes) noexcept
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t end = begin + bytes;
    const std::uintptr_t first = (begin + HUGE_PAGE_BYTES - 1) / HUGE_PAGE_BYTES * HUGE_PAGE_BYTES;
    const std::uintptr_t last = end / HUGE_PAGE_BYTES * HUGE_PAGE_BYTES;
    if (data == nullptr || last <= first)
        return;
    // Failure only means small pages, so the result is ignored.
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace engine::detail
