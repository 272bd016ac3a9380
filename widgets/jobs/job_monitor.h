// SPDX-License-Identifier: MIT
// JobMonitor: the job service's work (watching jobs, submitting, cancelling, analysing) on a thread pool.
#pragma once

#include "core/error.h"
#include "jobservice/job_service.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <QtConcurrent/QtConcurrentRun>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace workbench {

/// Most service calls the monitor runs at once. Each watched job holds one thread while it waits between
/// polls, so this also bounds how many jobs are polled at the same time (the others wait for a thread).
constexpr int JOB_MONITOR_THREADS = 6;

/// One status change of a watched job, as the worker reports it.
struct JobUpdate {
    std::int64_t localId = 0;
    engine::JobState state = engine::JobState::Recorded;
    std::string detail;      ///< the last history entry's detail
    std::string reasonCode;  ///< the last history entry's reason code
};

/// What a service call delivers: the value, or the failure (never an exception on the GUI thread).
template <class T>
struct ServiceOutcome {
    bool succeeded = false;
    bool cancelled = false;   ///< cancel() or shutdown() stopped it
    T value{};
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;
    std::string errorMessage;  ///< English engine text for the log and the details
};

/// Runs the job service off the GUI thread. Every call opens its own engine::JobService on the worker (over a
/// fresh JobStore connection to `storePath`, sharing the IBM client), because a JobStore may be used by one
/// thread at a time. `watch` polls one job with JobService::wait until it is terminal and reports each status
/// change through `jobChanged` as it happens; `resumeUnfinished` resolves what a previous session left open and
/// then watches every job still unfinished. All work is cancellable (RunControl through a QPromise) and
/// shutdown() cancels and waits for everything, so no worker outlives the monitor.
class JobMonitor final : public QObject {
    Q_OBJECT

public:
    explicit JobMonitor(QObject* parent = nullptr);
    ~JobMonitor() override;

    /// The store every call opens, and the IBM client (null: local backends only). Running calls keep the
    /// values they started with.
    void configure(const QString& storePath, std::shared_ptr<engine::IbmClient> ibm);
    QString storePath() const { return m_storePath; }
    std::shared_ptr<engine::IbmClient> ibmClient() const { return m_ibm; }
    /// Poll timing of watch() (tests shorten it).
    void setPollTiming(double firstSeconds, double maxSeconds);

    /// Starts watching `localId` until it is terminal; no effect while it is already watched.
    void watch(std::int64_t localId);
    bool isWatching(std::int64_t localId) const { return m_watches.count(localId) != 0; }
    /// Stops watching `localId` (the job itself goes on).
    void unwatch(std::int64_t localId);
    /// Runs JobService::resumeUnfinished, reports a summary through `resumed`, then watches every unfinished job.
    void resumeUnfinished();

    /// Runs `work` with a JobService on a worker and hands its outcome to `done` on the GUI thread, unless
    /// `context` was destroyed first. Exceptions become a failed outcome.
    template <class T>
    void call(std::function<T(engine::JobService&, engine::RunControl&)> work, QObject* context,
              std::function<void(const ServiceOutcome<T>&)> done);

    /// Number of calls and watches not yet finished.
    int activeCount() const;
    /// Cancels every running call and watch (the jobs themselves go on).
    void cancelAll();
    /// cancelAll, then waits for the workers (window close).
    void shutdown();
    /// Blocks until no call or watch is running; false when `timeoutMs` passed first.
    bool waitForIdle(int timeoutMs);

signals:
    /// A watched job changed status (GUI thread, in order per job).
    void jobChanged(qint64 localId, int state, const QString& detail);
    /// A watched job reached a terminal status (after its last jobChanged).
    void jobFinished(qint64 localId, int state);
    /// resumeUnfinished() is done: a translated summary and the outcomes.
    void resumed(const QString& summary);
    /// A call or watch failed (translated headline plus the engine's text).
    void failed(const QString& message);

private:
    /// The service a worker uses, built on that worker.
    static engine::JobService makeService(const std::string& storePath, std::shared_ptr<engine::IbmClient> ibm);
    void track(QFuture<void> future);
    void onWatchResults(std::int64_t localId, int begin, int end);
    void onWatchFinished(std::int64_t localId);

    struct Watch {
        QFuture<JobUpdate> future;
        QFutureWatcher<JobUpdate>* watcher = nullptr;
        int delivered = 0;
        std::shared_ptr<ServiceOutcome<engine::JobState>> outcome;
    };

    QThreadPool m_pool;
    QString m_storePath;
    std::shared_ptr<engine::IbmClient> m_ibm;
    double m_firstPoll = 0.5;
    double m_maxPoll = 5.0;
    std::map<std::int64_t, Watch> m_watches;
    std::vector<QFuture<void>> m_calls;
};

template <class T>
void JobMonitor::call(std::function<T(engine::JobService&, engine::RunControl&)> work, QObject* context,
                      std::function<void(const ServiceOutcome<T>&)> done)
{
    auto outcome = std::make_shared<ServiceOutcome<T>>();
    const std::string path = m_storePath.toStdString();
    std::shared_ptr<engine::IbmClient> ibm = m_ibm;
    QFuture<void> future = QtConcurrent::run(&m_pool, [work = std::move(work), outcome, path,
                                                       ibm](QPromise<void>& promise) {
        engine::RunControl control;
        control.setCancelCallback([&promise] { return promise.isCanceled(); });
        try {
            engine::JobService service = makeService(path, ibm);
            outcome->value = work(service, control);
            outcome->succeeded = true;
        } catch (const engine::Error& e) {
            outcome->errorCode = e.code();
            outcome->errorMessage = e.what();
        } catch (const std::exception& e) {
            outcome->errorMessage = e.what();
        }
        outcome->cancelled = promise.isCanceled() || control.isCancelled();
    });
    auto* watcher = new QFutureWatcher<void>(this);
    QPointer<QObject> guard(context);
    connect(watcher, &QFutureWatcher<void>::finished, this, [watcher, outcome, guard, done = std::move(done)] {
        watcher->deleteLater();
        ServiceOutcome<T> result = std::move(*outcome);
        // A call cancelled before a worker picked it up never ran: no value and no error.
        if (!result.succeeded && result.errorMessage.empty())
            result.cancelled = true;
        if (guard)
            done(result);
    });
    watcher->setFuture(future);
    track(future);
}

} // namespace workbench
