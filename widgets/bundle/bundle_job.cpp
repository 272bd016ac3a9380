// SPDX-License-Identifier: MIT
// BundleJob: the worker (read, verify, plot data), progress over the three steps, and the relay of each step.
#include "bundle/bundle_job.h"

#include "io/instance_file.h"
#include "jobs/job_support.h"

#include <QCoreApplication>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace workbench {

namespace {

/// Share of the progress range each step ends at (reading is quick; the recomputation usually dominates).
constexpr int READ_END = 50;
constexpr int VERIFY_END = 700;

/// Routes `control`'s progress into [low, high] of the promise's range (never backwards) and its cancel check to
/// the promise. Thread-safe like bridgeRunControl: engine worker threads may report.
void bridgeStep(engine::RunControl& control, QPromise<BundleJobStep>& promise, int low, int high)
{
    auto highest = std::make_shared<std::atomic<int>>(low);
    promise.setProgressValue(low);
    control.setProgressCallback([&promise, highest, low, high](double done, double total, std::string_view) {
        if (!(total > 0.0) || !std::isfinite(done))
            return;
        const int value = low + static_cast<int>(std::clamp(done / total, 0.0, 1.0) * (high - low));
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

// The summary of instance.json; absent when it does not parse (verification then reports why).
std::optional<BundleInstanceInfo> instanceInfo(const engine::Bundle& bundle, const std::string& source)
{
    try {
        const engine::BundleFile& file = bundle.require("instance.json", source);
        const engine::Instance instance =
            engine::instanceFromJson(nlohmann::json::parse(file.content), source + ":instance.json");
        BundleInstanceInfo info;
        info.kind = engine::instanceKindName(instance);
        if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance)) {
            info.name = lcrp->name;
            info.tasks = lcrp->numTasks();
            info.models = lcrp->numModels();
        } else if (const auto* graph = std::get_if<engine::GraphInstance>(&instance)) {
            info.name = graph->name;
            info.problem = engine::graphProblemName(graph->problem);
            info.vertices = graph->graph.numVertices();
            info.edges = graph->graph.numEdges();
        } else if (const auto* qubo = std::get_if<engine::QuboInstance>(&instance)) {
            info.name = qubo->name;
            info.variables = qubo->qubo.numVariables();
        }
        return info;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

QString bundleJobStageText(BundleJobStage stage)
{
    switch (stage) {
    case BundleJobStage::Read: return BundleJob::tr("Reading the bundle and checking its hashes");
    case BundleJobStage::Verify: return BundleJob::tr("Recomputing and comparing");
    case BundleJobStage::Plots: return BundleJob::tr("Rebuilding the plots");
    }
    return {};
}

BundleJob::BundleJob(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("BundleJobPool"));
    connect(&m_watcher, &QFutureWatcher<BundleJobStep>::resultsReadyAt, this, &BundleJob::onResultsReady);
    connect(&m_watcher, &QFutureWatcher<BundleJobStep>::finished, this, &BundleJob::onWatcherFinished);
    connect(&m_watcher, &QFutureWatcher<BundleJobStep>::progressValueChanged, this, [this](int value) {
        if (m_status == BundleJobStatus::Running)
            emit progressChanged(value, PROGRESS_MAXIMUM);
    });
}

BundleJob::~BundleJob()
{
    stopWorker(this, m_watcher, m_future, m_pool);
}

bool BundleJob::start(const QString& path, const BundleJobOptions& options)
{
    if (m_status == BundleJobStatus::Running)
        return false;
    m_status = BundleJobStatus::Running;
    m_cancelRequested = false;
    m_delivered = 0;
    m_outcome = BundleOutcome{};
    m_outcome.path = path;
    auto pending = std::make_shared<Pending>();
    m_pending = pending;
    const std::string file = QFile::encodeName(path).toStdString();

    m_future = QtConcurrent::run(&m_pool, [file, options, pending](QPromise<BundleJobStep>& promise) {
        promise.setProgressRange(0, PROGRESS_MAXIMUM);
        struct Failure {
            bool succeeded = true;
            engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;
            std::string errorMessage;
        } failure;
        BundleJobStage stage = BundleJobStage::Read;
        runRecordingErrors(failure, [&] {
            auto bundle = std::make_shared<const engine::Bundle>(engine::readBundle(file));
            auto members = std::make_shared<const std::vector<BundleMemberStatus>>(verifiedMembers(*bundle));
            promise.addResult(
                BundleJobStep{BundleJobStage::Read, bundle, members, instanceInfo(*bundle, file), nullptr, nullptr});
            if (promise.isCanceled())
                return;

            stage = BundleJobStage::Verify;
            engine::RunControl verifyControl;
            bridgeStep(verifyControl, promise, READ_END, VERIFY_END);
            auto report = std::make_shared<const engine::BundleVerifyReport>(
                engine::verifyBundle(*bundle, file, options.verify, verifyControl));
            promise.addResult(BundleJobStep{BundleJobStage::Verify, nullptr, nullptr, std::nullopt, report, nullptr});
            if (promise.isCanceled())
                return;

            stage = BundleJobStage::Plots;
            engine::RunControl plotControl;
            bridgeStep(plotControl, promise, VERIFY_END, PROGRESS_MAXIMUM);
            auto plots = std::make_shared<const BundlePlotData>(bundlePlotData(*bundle, file, options.plots, plotControl));
            promise.addResult(BundleJobStep{BundleJobStage::Plots, nullptr, nullptr, std::nullopt, nullptr, plots});
            promise.setProgressValue(PROGRESS_MAXIMUM);
        });
        // A cancelled recomputation throws ("verification cancelled"): that is a cancel, not an error.
        if (!failure.succeeded && !promise.isCanceled()) {
            pending->error = BundleJobError{stage, failure.errorCode, failure.errorMessage};
            if (stage == BundleJobStage::Read)
                pending->members = inspectMembers(file);
        }
        // The future's finished state (set after this returns) orders this write before the GUI thread's read.
    });
    m_watcher.setFuture(m_future);
    emit started();
    // QFutureWatcher drops progress texts that come quicker than 25 a second, so the stages are announced here,
    // from the step results, which always arrive.
    emit stageChanged(bundleJobStageText(BundleJobStage::Read));
    return true;
}

void BundleJob::cancel()
{
    if (m_status != BundleJobStatus::Running)
        return;
    m_cancelRequested = true;
    m_future.cancel();
}

void BundleJob::waitForFinished()
{
    m_future.waitForFinished();
}

void BundleJob::onResultsReady(int begin, int end)
{
    if (m_status != BundleJobStatus::Running)
        return;
    for (int k = std::max(begin, m_delivered); k < end; ++k) {
        if (!m_future.isResultReadyAt(k))
            break;
        const BundleJobStep step = m_future.resultAt(k);
        m_delivered = k + 1;
        switch (step.stage) {
        case BundleJobStage::Read:
            m_outcome.bundle = step.bundle;
            m_outcome.members = step.members ? *step.members : std::vector<BundleMemberStatus>{};
            m_outcome.instance = step.instance;
            emit bundleRead();
            emit stageChanged(bundleJobStageText(BundleJobStage::Verify));
            break;
        case BundleJobStage::Verify:
            m_outcome.report = step.report;
            emit verified();
            emit stageChanged(bundleJobStageText(BundleJobStage::Plots));
            break;
        case BundleJobStage::Plots:
            m_outcome.plots = step.plots;
            emit plotsReady();
            break;
        }
    }
}

void BundleJob::onWatcherFinished()
{
    if (m_status != BundleJobStatus::Running)
        return;
    // Steps that finished but were not relayed yet (the watcher may batch the last ones with `finished`).
    onResultsReady(m_delivered, m_future.resultCount());
    if (m_pending) {
        m_outcome.error = m_pending->error;
        if (!m_outcome.bundle)
            m_outcome.members = std::move(m_pending->members);
    }
    m_pending.reset();
    if (m_outcome.error)
        m_status = BundleJobStatus::Failed;
    else if (m_cancelRequested)
        m_status = BundleJobStatus::Cancelled;
    else
        m_status = BundleJobStatus::Finished;
    emit finished();
}

} // namespace workbench
