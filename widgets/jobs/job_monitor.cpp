// SPDX-License-Identifier: MIT
// JobMonitor: the watch workers (JobService::wait with a progress relay), resuming, cancellation and shutdown.
#include "jobs/job_monitor.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace workbench {

namespace {

JobUpdate updateOf(const engine::JobRecord& record)
{
    JobUpdate update;
    update.localId = record.localId;
    update.state = record.status;
    if (!record.history.empty()) {
        update.detail = record.history.back().detail;
        update.reasonCode = record.history.back().reasonCode;
    }
    return update;
}

/// What the resume worker hands back.
struct ResumeResult {
    std::vector<engine::ResumeOutcome> outcomes;
    std::vector<std::int64_t> stillUnfinished;  ///< jobs to watch afterwards
};

} // namespace

JobMonitor::JobMonitor(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(JOB_MONITOR_THREADS);
    m_pool.setObjectName(QStringLiteral("JobMonitorPool"));
}

JobMonitor::~JobMonitor()
{
    shutdown();
}

void JobMonitor::configure(const QString& storePath, std::shared_ptr<engine::IbmClient> ibm)
{
    m_storePath = storePath;
    m_ibm = std::move(ibm);
}

void JobMonitor::setPollTiming(double firstSeconds, double maxSeconds)
{
    m_firstPoll = firstSeconds;
    m_maxPoll = maxSeconds;
}

engine::JobService JobMonitor::makeService(const std::string& storePath, std::shared_ptr<engine::IbmClient> ibm)
{
    engine::JobServiceOptions options;
    options.ibm = std::move(ibm);
    return engine::JobService(engine::JobStore(storePath), std::move(options));
}

void JobMonitor::track(QFuture<void> future)
{
    std::erase_if(m_calls, [](const QFuture<void>& f) { return f.isFinished(); });
    m_calls.push_back(std::move(future));
}

void JobMonitor::watch(std::int64_t localId)
{
    if (m_watches.count(localId) != 0 || m_storePath.isEmpty())
        return;
    Watch& w = m_watches[localId];
    w.outcome = std::make_shared<ServiceOutcome<engine::JobState>>();
    const std::string path = m_storePath.toStdString();
    engine::WaitOptions options;
    options.firstPollSeconds = m_firstPoll;
    options.maxPollSeconds = m_maxPoll;
    w.future = QtConcurrent::run(&m_pool, [path, ibm = m_ibm, localId, options, outcome = w.outcome](
                                              QPromise<JobUpdate>& promise) mutable {
        engine::RunControl control;
        control.setCancelCallback([&promise] { return promise.isCanceled(); });
        try {
            engine::JobService service = makeService(path, ibm);
            engine::JobRecord current = service.get(localId);
            std::size_t seen = current.history.size();
            promise.addResult(updateOf(current));
            // Every new history entry is a change the table and the status bar should show as it happens.
            options.progress = [&promise, &seen](const engine::JobRecord& record) {
                if (record.history.size() != seen) {
                    seen = record.history.size();
                    promise.addResult(updateOf(record));
                }
            };
            if (!engine::isTerminalState(current.status))
                current = service.wait(localId, options, control);
            if (current.history.size() != seen)
                promise.addResult(updateOf(current));
            outcome->value = current.status;
            outcome->succeeded = true;
        } catch (const engine::Error& e) {
            outcome->errorCode = e.code();
            outcome->errorMessage = e.what();
        } catch (const std::exception& e) {
            outcome->errorMessage = e.what();
        }
        outcome->cancelled = promise.isCanceled();
    });
    w.watcher = new QFutureWatcher<JobUpdate>(this);
    connect(w.watcher, &QFutureWatcher<JobUpdate>::resultsReadyAt, this,
            [this, localId](int begin, int end) { onWatchResults(localId, begin, end); });
    connect(w.watcher, &QFutureWatcher<JobUpdate>::finished, this, [this, localId] { onWatchFinished(localId); });
    w.watcher->setFuture(w.future);
}

void JobMonitor::unwatch(std::int64_t localId)
{
    const auto it = m_watches.find(localId);
    if (it != m_watches.end())
        it->second.future.cancel();
}

void JobMonitor::onWatchResults(std::int64_t localId, int begin, int end)
{
    const auto it = m_watches.find(localId);
    if (it == m_watches.end())
        return;
    Watch& w = it->second;
    for (int k = std::max(begin, w.delivered); k < end; ++k) {
        if (!w.future.isResultReadyAt(k))
            break;
        const JobUpdate update = w.future.resultAt(k);
        w.delivered = k + 1;
        emit jobChanged(update.localId, static_cast<int>(update.state), QString::fromStdString(update.detail));
    }
}

void JobMonitor::onWatchFinished(std::int64_t localId)
{
    const auto it = m_watches.find(localId);
    if (it == m_watches.end())
        return;
    // Results still queued for the watcher belong before the end.
    onWatchResults(localId, it->second.delivered, it->second.future.resultCount());
    const std::shared_ptr<ServiceOutcome<engine::JobState>> outcome = it->second.outcome;
    it->second.watcher->deleteLater();
    m_watches.erase(it);
    if (outcome->succeeded && engine::isTerminalState(outcome->value))
        emit jobFinished(localId, static_cast<int>(outcome->value));
    else if (!outcome->succeeded && !outcome->cancelled && !outcome->errorMessage.empty())
        emit failed(tr("Watching job %1 failed: %2").arg(localId).arg(QString::fromStdString(outcome->errorMessage)));
}

void JobMonitor::resumeUnfinished()
{
    const bool withIbm = m_ibm != nullptr;
    call<ResumeResult>(
        [withIbm](engine::JobService& service, engine::RunControl& control) {
            ResumeResult result;
            result.outcomes = service.resumeUnfinished({}, control);
            for (const engine::JobRecord& record : service.store().unfinished())
                if (record.provider == engine::JobProvider::Local || withIbm)
                    result.stillUnfinished.push_back(record.localId);
            return result;
        },
        this,
        [this](const ServiceOutcome<ResumeResult>& outcome) {
            if (!outcome.succeeded) {
                if (!outcome.cancelled)
                    emit failed(tr("Resuming unfinished jobs failed: %1")
                                    .arg(QString::fromStdString(outcome.errorMessage)));
                return;
            }
            QStringList lines;
            for (const engine::ResumeOutcome& o : outcome.value.outcomes)
                lines.append(tr("job %1: %2 → %3 (%4)")
                                 .arg(o.localId)
                                 .arg(QString::fromLatin1(engine::jobStateName(o.before)),
                                      QString::fromLatin1(engine::jobStateName(o.after)),
                                      QString::fromStdString(o.action)));
            emit resumed(lines.isEmpty() ? tr("No unfinished jobs to resume.")
                                         : tr("Resumed %n unfinished job(s): %1", nullptr,
                                              static_cast<int>(lines.size()))
                                               .arg(lines.join(QStringLiteral("; "))));
            for (std::int64_t id : outcome.value.stillUnfinished)
                watch(id);
        });
}

int JobMonitor::activeCount() const
{
    int running = static_cast<int>(m_watches.size());
    for (const QFuture<void>& f : m_calls)
        running += f.isFinished() ? 0 : 1;
    return running;
}

void JobMonitor::cancelAll()
{
    for (auto& [id, w] : m_watches)
        w.future.cancel();
    for (QFuture<void>& f : m_calls)
        f.cancel();
}

void JobMonitor::shutdown()
{
    cancelAll();
    for (auto& [id, w] : m_watches) {
        w.watcher->disconnect(this);
        w.future.waitForFinished();
    }
    m_watches.clear();
    for (QFuture<void>& f : m_calls)
        f.waitForFinished();
    m_calls.clear();
    m_pool.waitForDone();
}

bool JobMonitor::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (activeCount() == 0) {
            // Deliver the finished signals of what just ended.
            QCoreApplication::processEvents();
            return true;
        }
        QThread::msleep(5);
    }
    return false;
}

} // namespace workbench
