// SPDX-License-Identifier: MIT
// Runs the points of an experiment plan on a pool of std::threads with live rows, progress, pause and cancel.
#pragma once

#include "core/run_control.h"
#include "experiment/experiment_plan.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

namespace engine {

/// Largest worker count accepted.
constexpr int MAX_SWEEP_THREADS = 256;

/// Runs an ExperimentPlan. Workers take points in plan order from a shared counter; each finished point's rows
/// go to the row callback at once (serialised: one call at a time, so the callback need not be thread-safe, but
/// it runs on a worker thread). `run` returns all rows sorted by (point, sub). The rows do not depend on the
/// thread count because every point's randomness comes from the plan (per-point seeds), never from the worker.
///
/// Pause: workers finish the points they run and take no new ones until resume (or cancel). Cancel: no new
/// points start, and every running point's RunControl is cancelled, so it returns its best so far (rows marked
/// Cancelled). A point that throws gives one Failed row with the message; the others go on.
///
/// Thread-safety: pause, resume, cancel, isPaused and the counters may be called from any thread while `run`
/// runs on another. One `run` at a time per runner.
class SweepRunner {
public:
    using RowCallback = std::function<void(const ExperimentRow& row)>;

    /// `threads` workers (0 = std::thread::hardware_concurrency(); clamped to [1, MAX_SWEEP_THREADS] and to
    /// the point count).
    explicit SweepRunner(ExperimentPlan plan, int threads = 1);
    SweepRunner(const SweepRunner&) = delete;
    SweepRunner& operator=(const SweepRunner&) = delete;

    /// Called once per finished row, in finishing order. Set before `run`.
    void setRowCallback(RowCallback callback) { m_onRow = std::move(callback); }

    /// Runs every point and blocks until all are done or cancelled. Progress goes to control.reportProgress(done,
    /// points, "points"), done counting finished points plus the running points' own fractions; cancel is taken
    /// from control.isCancelled() (polled by each worker between points and by each running point) as well as
    /// from cancel(). Returns the rows in (point, sub) order.
    std::vector<ExperimentRow> run(RunControl& control = RunControl::none());

    void pause();
    void resume();
    /// Cancels the run (also when paused). Irreversible for this runner.
    void cancel();
    bool isPaused() const { return m_paused.load(); }
    bool isCancelled() const { return m_cancelled.load(); }

    const ExperimentHeader& header() const { return m_plan.header; }
    std::size_t pointCount() const { return m_plan.points.size(); }
    /// Points finished (any status) so far.
    std::size_t pointsDone() const { return m_done.load(); }
    /// The worker count `run` uses.
    int threadCount() const { return m_threads; }

private:
    void worker(RunControl& control, std::size_t slot);
    void reportProgress(RunControl& control);

    ExperimentPlan m_plan;
    int m_threads = 1;
    RowCallback m_onRow;
    std::atomic<std::size_t> m_next{0};
    std::atomic<std::size_t> m_done{0};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_cancelled{false};
    std::mutex m_pauseMutex;
    std::condition_variable m_resumed;
    std::mutex m_rowMutex;                 // serialises the callback and guards m_rows
    std::vector<ExperimentRow> m_rows;
    std::mutex m_progressMutex;            // guards m_fractions and the progress call
    std::vector<double> m_fractions;       // per worker slot: fraction of its running point
};

} // namespace engine
