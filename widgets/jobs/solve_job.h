// SPDX-License-Identifier: MIT
// SolveJob: runs one LCRP solver off the GUI thread (QtConcurrent + QPromise) with progress and cancel.
#pragma once

#include "core/error.h"
#include "core/run_control.h"
#include "document/project_file.h"
#include "solvers/solver_result.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace workbench {

/// An immutable snapshot of what a solve needs, copied on the GUI thread before the job starts.
using SolveRequest = ProjectData;

/// What a finished job delivers.
struct SolveOutcome {
    bool succeeded = false;          ///< the solver returned (possibly Cancelled, Infeasible or TimeLimit)
    engine::SolverResult result;     ///< valid when succeeded
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;  ///< when !succeeded
    std::string errorMessage;        ///< engine::Error::what() (English) when !succeeded
};

/// Runs the solver the settings choose on the calling thread: the exact same call a job makes.
/// Throws engine::Error like the solver does.
engine::SolverResult runSolver(const SolveRequest& request, engine::RunControl& control = engine::RunControl::none());

/// Job state.
enum class JobStatus { Idle, Running, Finished, Cancelled, Failed };

/// One solve at a time on a dedicated single-thread pool (so the global pool stays free for quick work).
/// `start` copies the request; progress arrives through `progressChanged` (0..PROGRESS_STEPS) and the end
/// through `finished`, both on the GUI thread via a QFutureWatcher. `cancel` cancels the future, which the
/// engine sees through its RunControl at its next coarse check; the solver's best-so-far result (status
/// Cancelled) is still delivered. The destructor cancels and waits, so no worker outlives the job.
class SolveJob final : public QObject {
    Q_OBJECT

public:
    explicit SolveJob(QObject* parent = nullptr);
    ~SolveJob() override;

    /// Starts a run; returns false (and does nothing) while one is running.
    bool start(SolveRequest request);
    /// Requests cancellation of the running job; no effect when idle.
    void cancel();
    /// Blocks until the running job (if any) has finished. `finished` is still delivered through the event loop.
    void waitForFinished();

    bool isRunning() const { return m_status == JobStatus::Running; }
    JobStatus status() const { return m_status; }
    /// The last finished job's outcome.
    const SolveOutcome& outcome() const { return m_outcome; }
    /// The running (or last) job's future, for tests and progress dialogs.
    QFuture<SolveOutcome> future() const { return m_future; }

signals:
    void started();
    void progressChanged(int value, int maximum);
    /// The job ended; `outcome()` and `status()` tell how.
    void finished();

private:
    void onWatcherFinished();

    QThreadPool m_pool;
    QFuture<SolveOutcome> m_future;
    QFutureWatcher<SolveOutcome> m_watcher;
    std::shared_ptr<SolveOutcome> m_pending;  // written by the worker, read after it finished
    SolveOutcome m_outcome;
    JobStatus m_status = JobStatus::Idle;
    bool m_cancelRequested = false;
};

} // namespace workbench
