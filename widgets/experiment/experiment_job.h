// SPDX-License-Identifier: MIT
// ExperimentJob: a sweep or paper preset on the engine's SweepRunner off the GUI thread, with live rows.
#pragma once

#include "core/error.h"
#include "experiment/experiment_plan.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace engine {
class SweepRunner;
}

namespace workbench {

/// What a finished experiment delivers.
struct ExperimentOutcome {
    bool succeeded = false;                    ///< the runner returned (possibly cancelled; rows may have failed)
    std::vector<engine::ExperimentRow> rows;   ///< every finished row in (point, sub) order
    bool cancelled = false;                    ///< stopped by cancel; `rows` holds the finished ones
    double seconds = 0.0;                      ///< wall time
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;  ///< when !succeeded
    std::string errorMessage;                  ///< English, when !succeeded
};

/// Job state.
enum class ExperimentJobStatus { Idle, Running, Finished, Cancelled, Failed };

/// One experiment at a time. `start` hands the plan to an engine::SweepRunner with `threads` workers, run from a
/// dedicated single-thread QThreadPool (the runner starts its own std::threads); every finished row is added to
/// the promise and handed to the GUI thread in batches through `rowsReady`, in finishing order. Pause and resume
/// go to the runner (running points finish, no new ones start); cancel cancels the runner and the running
/// points. Rows finished around a cancel are still delivered before `finished`. The destructor cancels and waits.
class ExperimentJob final : public QObject {
    Q_OBJECT

public:
    explicit ExperimentJob(QObject* parent = nullptr);
    ~ExperimentJob() override;

    /// Starts `plan` on `threads` workers (0 = all cores); returns false (and does nothing) while a job runs.
    bool start(engine::ExperimentPlan plan, int threads);
    void pause();
    void resume();
    /// Requests cancellation (also while paused); no effect when idle.
    void cancel();
    /// Blocks until the running job (if any) has finished; `finished` still goes through the event loop.
    void waitForFinished();

    bool isRunning() const { return m_status == ExperimentJobStatus::Running; }
    bool isPaused() const { return m_paused; }
    ExperimentJobStatus status() const { return m_status; }
    /// The running or last plan's header.
    const engine::ExperimentHeader& header() const { return m_header; }
    /// Points of the running or last plan.
    std::size_t pointCount() const { return m_points; }
    /// The last finished job's outcome.
    const ExperimentOutcome& outcome() const { return m_outcome; }

signals:
    void started();
    /// Rows finished since the last batch (GUI thread).
    void rowsReady(const std::vector<engine::ExperimentRow>& rows);
    /// Points finished (with the running points' fractions) in [0, maximum].
    void progressChanged(int value, int maximum);
    void pausedChanged(bool paused);
    /// The job ended; `status()` and `outcome()` tell how.
    void finished();

private:
    void onRowsReady(int begin, int end);
    void onWatcherFinished();

    QThreadPool m_pool;
    QFuture<engine::ExperimentRow> m_future;
    QFutureWatcher<engine::ExperimentRow> m_watcher;
    std::shared_ptr<engine::SweepRunner> m_runner;
    std::shared_ptr<ExperimentOutcome> m_pending;  // written by the worker, read after it finished
    ExperimentOutcome m_outcome;
    engine::ExperimentHeader m_header;
    std::size_t m_points = 0;
    ExperimentJobStatus m_status = ExperimentJobStatus::Idle;
    std::set<std::pair<std::size_t, std::size_t>> m_delivered;  // (point, sub) already passed on
    int m_nextResult = 0;
    bool m_paused = false;
    bool m_cancelRequested = false;
};

} // namespace workbench
