// SPDX-License-Identifier: MIT
// SolveJob: the solver dispatch and the QtConcurrent run-with-promise plumbing.
#include "jobs/solve_job.h"

#include "jobs/run_control_bridge.h"
#include "solvers/lcrp_annealer.h"
#include "solvers/lcrp_exact_solver.h"
#include "solvers/lcrp_greedy.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace workbench {

engine::SolverResult runSolver(const SolveRequest& request, engine::RunControl& control)
{
    const WorkbenchSettings& s = request.settings;
    switch (s.solver) {
    case SolverChoice::GreedyPaper:
        return engine::solveLcrpGreedy(request.instance, engine::GreedyVariant::Paper, s.objective, control);
    case SolverChoice::GreedyBudgetAware:
        return engine::solveLcrpGreedy(request.instance, engine::GreedyVariant::BudgetAware, s.objective, control);
    case SolverChoice::Annealing: {
        engine::LcrpAnnealingOptions options;
        options.steps = s.annealingSteps;
        options.seed = s.seed;
        options.restarts = s.annealingRestarts;
        options.objective = s.objective;
        return engine::solveLcrpAnnealing(request.instance, options, control);
    }
    case SolverChoice::Exact: {
        engine::LcrpExactOptions options;
        options.budget = s.exactSoftBudget ? engine::BudgetMode::Soft : engine::BudgetMode::Hard;
        options.hardPairConstraints = s.exactHardPairConstraints;
        options.objective = s.objective;
        options.timeLimitSeconds = s.exactTimeLimitSeconds;
        return engine::solveLcrpExact(request.instance, options, control);
    }
    }
    throw engine::Error(engine::ErrorCode::InvalidArgument, "unknown solver choice", "solver");
}

SolveJob::SolveJob(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("SolveJobPool"));
    connect(&m_watcher, &QFutureWatcher<SolveOutcome>::progressValueChanged, this,
            [this](int value) { emit progressChanged(value, PROGRESS_STEPS); });
    connect(&m_watcher, &QFutureWatcher<SolveOutcome>::finished, this, &SolveJob::onWatcherFinished);
}

SolveJob::~SolveJob()
{
    m_watcher.disconnect(this);
    if (m_future.isRunning() || m_future.isStarted()) {
        m_future.cancel();
        m_future.waitForFinished();
    }
    m_pool.waitForDone();
}

bool SolveJob::start(SolveRequest request)
{
    if (m_status == JobStatus::Running)
        return false;
    m_status = JobStatus::Running;
    m_cancelRequested = false;
    auto pending = std::make_shared<SolveOutcome>();
    m_pending = pending;

    m_future = QtConcurrent::run(&m_pool, [request = std::move(request), pending](QPromise<SolveOutcome>& promise) {
        engine::RunControl control;
        bridgeRunControl(control, promise);
        SolveOutcome outcome;
        try {
            outcome.result = runSolver(request, control);
            outcome.succeeded = true;
        } catch (const engine::Error& e) {
            outcome.errorCode = e.code();
            outcome.errorMessage = e.what();
        } catch (const std::exception& e) {
            // Anything else (bad_alloc, a library's own exception) must not escape into QtConcurrent.
            outcome.errorCode = engine::ErrorCode::SolverFailure;
            outcome.errorMessage = e.what();
        }
        // NOTE: QPromise drops results added after cancel, so the outcome also goes through `pending`; the
        // future's finished state (set after this returns) orders the write before the GUI thread's read.
        *pending = outcome;
        promise.setProgressValue(PROGRESS_STEPS);
        promise.addResult(std::move(outcome));
    });
    m_watcher.setFuture(m_future);
    emit started();
    return true;
}

void SolveJob::cancel()
{
    if (m_status != JobStatus::Running)
        return;
    m_cancelRequested = true;
    m_future.cancel();
}

void SolveJob::waitForFinished()
{
    m_future.waitForFinished();
}

void SolveJob::onWatcherFinished()
{
    if (m_status != JobStatus::Running)
        return;
    m_outcome = m_pending ? *m_pending : SolveOutcome{};
    m_pending.reset();
    if (!m_outcome.succeeded && m_cancelRequested && m_outcome.errorMessage.empty())
        m_status = JobStatus::Cancelled;  // cancelled before the pool started it: nothing ran
    else if (!m_outcome.succeeded)
        m_status = JobStatus::Failed;
    else if (m_cancelRequested || m_outcome.result.status == engine::SolverStatus::Cancelled)
        m_status = JobStatus::Cancelled;
    else
        m_status = JobStatus::Finished;
    emit finished();
}

} // namespace workbench
