// SPDX-License-Identifier: MIT
// What every CBC-based solver shares: the owning model pointer and the process-wide solve lock.
#include "solvers/cbc_support.h"

namespace engine::detail {

std::mutex& cbcMutex()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace engine::detail
