// SPDX-License-Identifier: MIT
// Connects an engine::RunControl to a QPromise: engine progress drives the future, its cancel stops the engine.
#pragma once

#include "core/run_control.h"

#include <QPromise>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

namespace workbench {

/// Resolution of the progress range a bridged promise reports (0..PROGRESS_STEPS).
constexpr int PROGRESS_STEPS = 1000;

/// Sets `promise`'s progress range to [0, PROGRESS_STEPS] and installs callbacks on `control`:
/// - progress (done/total) becomes a promise progress value; values only ever increase, so an algorithm that
///   restarts its count (restarts, refinement rounds) does not make the bar jump back;
/// - the cancel check reads promise.isCanceled() and, at the same coarse points, honours suspension.
/// Thread-safety: the callbacks may run on several engine worker threads at once; QPromise's progress and
/// cancel calls are themselves thread-safe and the running maximum is atomic. `promise` must outlive the run.
template <typename T>
void bridgeRunControl(engine::RunControl& control, QPromise<T>& promise)
{
    promise.setProgressRange(0, PROGRESS_STEPS);
    promise.setProgressValue(0);
    auto highest = std::make_shared<std::atomic<int>>(0);
    control.setProgressCallback([&promise, highest](double done, double total, std::string_view) {
        if (!(total > 0.0) || !std::isfinite(done))
            return;
        const int value = static_cast<int>(std::clamp(done / total, 0.0, 1.0) * PROGRESS_STEPS);
        int previous = highest->load(std::memory_order_relaxed);
        while (value > previous && !highest->compare_exchange_weak(previous, value, std::memory_order_relaxed)) {
        }
        if (value > previous)
            promise.setProgressValue(value);
    });
    control.setCancelCallback([&promise]() {
        promise.suspendIfRequested();
        return promise.isCanceled();
    });
}

} // namespace workbench
