// SPDX-License-Identifier: MIT
// Internal: backing large simulator buffers with transparent huge pages, where page faults are the main cost.
#pragma once

#include <cstddef>
#include <vector>

namespace engine::detail {

/// Buffers from this size on are worth huge pages (one 2 MiB page).
constexpr std::size_t HUGE_PAGE_BYTES = std::size_t{2} << 20;

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent huge pages. A hint:
/// does nothing for small ranges, on systems without it, or when refused. Call before the memory is first
/// touched. Thread-safe.
void adviseHugePages(const void* data, std::size_t bytes) noexcept;

/// v.resize(n) with the new storage advised for huge pages before it is zero-filled: on virtual machines a
/// 4 KiB page fault costs microseconds, which dominates filling a vector of 2^26 entries. O(n).
template <typename T>
void resizeWithHugePages(std::vector<T>& v, std::size_t n)
{
    if (n * sizeof(T) >= HUGE_PAGE_BYTES && v.capacity() < n) {
        std::vector<T> fresh;
        fresh.reserve(n);
        adviseHugePages(fresh.data(), n * sizeof(T));
        fresh.assign(v.begin(), v.end());
        v.swap(fresh);
    }
    v.resize(n);
}

} // namespace engine::detail
