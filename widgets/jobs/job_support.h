// SPDX-License-Identifier: MIT
// What the background jobs share around their worker: exceptions turned into a failed outcome, and shutdown.
#pragma once

#include "core/error.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <exception>

namespace workbench {

/// How a job's work ended.
enum class WorkEnd { Returned, EngineError, OtherError };

/// Runs `work` on the worker thread and records an exception in `outcome` (fields succeeded, errorCode,
/// errorMessage): an engine::Error keeps its code; anything else (bad_alloc, a library's own exception) becomes
/// SolverFailure, because no exception may escape into QtConcurrent. Says which way it ended.
template <class Outcome, class Work>
WorkEnd runRecordingErrors(Outcome& outcome, Work&& work)
{
    try {
        work();
        return WorkEnd::Returned;
    } catch (const engine::Error& e) {
        outcome.succeeded = false;
        outcome.errorCode = e.code();
        outcome.errorMessage = e.what();
        return WorkEnd::EngineError;
    } catch (const std::exception& e) {
        outcome.succeeded = false;
        outcome.errorCode = engine::ErrorCode::SolverFailure;
        outcome.errorMessage = e.what();
        return WorkEnd::OtherError;
    }
}

/// For a job's destructor: stops `watcher` reporting to `job`, cancels and waits for a running `future`, and
/// waits for `pool` to drain, so no worker outlives the job.
template <class T>
void stopWorker(QObject* job, QFutureWatcher<T>& watcher, QFuture<T>& future, QThreadPool& pool)
{
    watcher.disconnect(job);
    if (future.isRunning() || future.isStarted()) {
        future.cancel();
        future.waitForFinished();
    }
    pool.waitForDone();
}

} // namespace workbench
