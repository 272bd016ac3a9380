// SPDX-License-Identifier: MIT
// ExperimentJob: the runner's worker, the row relay and pause, resume and cancel.
#include "experiment/experiment_job.h"

#include "experiment/sweep_runner.h"
#include "jobs/job_support.h"
#include "jobs/run_control_bridge.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>

namespace workbench {

ExperimentJob::ExperimentJob(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("ExperimentJobPool"));
    using Watcher = QFutureWatcher<engine::ExperimentRow>;
    connect(&m_watcher, &Watcher::resultsReadyAt, this, &ExperimentJob::onRowsReady);
    connect(&m_watcher, &Watcher::finished, this, &ExperimentJob::onWatcherFinished);
    connect(&m_watcher, &Watcher::progressValueChanged, this, [this](int value) {
        if (m_status == ExperimentJobStatus::Running)
            emit progressChanged(value, PROGRESS_STEPS);
    });
}

ExperimentJob::~ExperimentJob()
{
    if (m_runner)
        m_runner->cancel();
    stopWorker(this, m_watcher, m_future, m_pool);
}

bool ExperimentJob::start(engine::ExperimentPlan plan, int threads)
{
    if (m_status == ExperimentJobStatus::Running)
        return false;
    m_status = ExperimentJobStatus::Running;
    m_header = plan.header;
    m_points = plan.points.size();
    m_delivered.clear();
    m_nextResult = 0;
    m_paused = false;
    m_cancelRequested = false;
    auto runner = std::make_shared<engine::SweepRunner>(std::move(plan), threads);
    m_runner = runner;
    auto pending = std::make_shared<ExperimentOutcome>();
    m_pending = pending;
    m_future = QtConcurrent::run(&m_pool, [runner, pending](QPromise<engine::ExperimentRow>& promise) {
        engine::RunControl control;
        bridgeRunControl(control, promise);
        // Pause belongs to the runner, so the bridge's suspendIfRequested is not wanted here: only cancel.
        control.setCancelCallback([&promise] { return promise.isCanceled(); });
        // QPromise serialises addResult; the runner serialises the callback too. Rows added after a cancel are
        // dropped by the promise; the watcher's finish hands them on from the outcome instead.
        runner->setRowCallback([&promise](const engine::ExperimentRow& row) { promise.addResult(row); });
        const auto startTime = std::chrono::steady_clock::now();
        ExperimentOutcome outcome;
        runRecordingErrors(outcome, [&] {
            outcome.rows = runner->run(control);
            outcome.succeeded = true;
        });
        outcome.cancelled = runner->isCancelled() || control.isCancelled();
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - startTime).count();
        *pending = std::move(outcome);
    });
    m_watcher.setFuture(m_future);
    emit started();
    return true;
}

void ExperimentJob::pause()
{
    if (m_status != ExperimentJobStatus::Running || m_paused)
        return;
    m_runner->pause();
    m_paused = true;
    emit pausedChanged(true);
}

void ExperimentJob::resume()
{
    if (m_status != ExperimentJobStatus::Running || !m_paused)
        return;
    m_runner->resume();
    m_paused = false;
    emit pausedChanged(false);
}

void ExperimentJob::cancel()
{
    if (m_status != ExperimentJobStatus::Running)
        return;
    m_cancelRequested = true;
    m_runner->cancel();
    m_future.cancel();
}

void ExperimentJob::waitForFinished()
{
    m_future.waitForFinished();
}

void ExperimentJob::onRowsReady(int begin, int end)
{
    if (m_status != ExperimentJobStatus::Running)
        return;
    std::vector<engine::ExperimentRow> rows;
    for (int k = std::max(begin, m_nextResult); k < end; ++k) {
        if (!m_future.isResultReadyAt(k))
            break;
        const engine::ExperimentRow& row = m_future.resultAt(k);
        if (m_delivered.insert({row.point, row.sub}).second)
            rows.push_back(row);
        m_nextResult = k + 1;
    }
    if (!rows.empty())
        emit rowsReady(rows);
}

void ExperimentJob::onWatcherFinished()
{
    if (m_status != ExperimentJobStatus::Running)
        return;
    if (!m_future.isCanceled())
        onRowsReady(m_nextResult, m_future.resultCount());
    m_outcome = m_pending ? std::move(*m_pending) : ExperimentOutcome();
    m_pending.reset();
    m_runner.reset();
    // Rows the promise dropped after a cancel (or that were still queued) go out now, in table order.
    std::vector<engine::ExperimentRow> rest;
    for (const engine::ExperimentRow& row : m_outcome.rows)
        if (m_delivered.insert({row.point, row.sub}).second)
            rest.push_back(row);
    if (!rest.empty())
        emit rowsReady(rest);
    const bool ran = m_outcome.succeeded || !m_outcome.errorMessage.empty();
    if (m_paused) {
        m_paused = false;
        emit pausedChanged(false);
    }
    if (!ran && m_cancelRequested)
        m_status = ExperimentJobStatus::Cancelled;
    else if (!m_outcome.succeeded)
        m_status = ExperimentJobStatus::Failed;
    else if (m_cancelRequested || m_outcome.cancelled)
        m_status = ExperimentJobStatus::Cancelled;
    else
        m_status = ExperimentJobStatus::Finished;
    emit finished();
}

} // namespace workbench
