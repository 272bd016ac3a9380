// SPDX-License-Identifier: MIT
// What every CBC-based solver shares: the owning model pointer and the process-wide solve lock.
#pragma once

#include <Cbc_C_Interface.h>

#include <memory>
#include <mutex>

namespace engine::detail {

struct CbcModelDeleter {
    void operator()(Cbc_Model* model) const { Cbc_deleteModel(model); }
};
/// Owns a Cbc_Model.
using CbcModelPtr = std::unique_ptr<Cbc_Model, CbcModelDeleter>;

/// Held around every Cbc_solve: it runs CbcMain1, which in CBC 2.10 keeps static state, so solves are
/// serialised process-wide.
std::mutex& cbcMutex();

} // namespace engine::detail
