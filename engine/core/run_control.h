// SPDX-License-Identifier: MIT
// Progress reporting and cooperative cancellation for long-running engine algorithms.
#pragma once

#include <atomic>
#include <functional>
#include <string_view>

namespace engine {

/// Passed by reference into every long-running algorithm. Algorithms call `reportProgress` and
/// `isCancelled` at coarse points only (per sweep, per chunk of states, per solver callback), never per
/// inner-loop step. On cancel an algorithm returns its best-so-far result marked cancelled; it does not throw.
///
/// Thread-safety: `requestCancel` and `isCancelled` may be called from any thread. The callbacks are invoked
/// on the thread running the algorithm (possibly several worker threads: they must be thread-safe).
class RunControl {
public:
    /// `done` and `total` are in units the algorithm chooses (steps, states); `stage` is a short English label.
    using ProgressFn = std::function<void(double done, double total, std::string_view stage)>;
    /// Extra cancel source polled by `isCancelled`, for example a QPromise bridge.
    using CancelFn = std::function<bool()>;

    RunControl() = default;
    RunControl(const RunControl&) = delete;
    RunControl& operator=(const RunControl&) = delete;

    void setProgressCallback(ProgressFn fn) { m_progress = std::move(fn); }
    void setCancelCallback(CancelFn fn) { m_cancel = std::move(fn); }

    void requestCancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }

    /// True once cancel was requested here or the cancel callback says so (the answer is then latched).
    bool isCancelled() const
    {
        if (m_cancelled.load(std::memory_order_relaxed))
            return true;
        if (m_cancel && m_cancel()) {
            m_cancelled.store(true, std::memory_order_relaxed);
            return true;
        }
        return false;
    }

    void reportProgress(double done, double total, std::string_view stage = {}) const
    {
        if (m_progress)
            m_progress(done, total, stage);
    }

    /// A shared do-nothing instance for callers that need no progress or cancel.
    static RunControl& none()
    {
        thread_local RunControl instance;
        return instance;
    }

private:
    ProgressFn m_progress;
    CancelFn m_cancel;
    mutable std::atomic<bool> m_cancelled{false};
};

} // namespace engine
