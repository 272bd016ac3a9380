// SPDX-License-Identifier: MIT
// WarmstartJob: the pipeline and sweep workers, group-wise sweep rows, and the relay of runs, rows and stages.
#include "jobs/warmstart_job.h"

#include "core/bits.h"
#include "jobs/job_support.h"
#include "jobs/run_control_bridge.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <utility>

namespace workbench {

namespace {

bool nearlyEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

EnergyHistogramData energyHistogram(const engine::QuboModel& qubo, const engine::SampleCounts& raw,
                                    const std::optional<engine::SampleCounts>& mitigated,
                                    const engine::SampleCounts& filtered, std::size_t maxBins)
{
    maxBins = std::max<std::size_t>(maxBins, 1);
    const std::array<const engine::SampleCounts*, EnergyHistogramData::SERIES> sets{
        &raw, mitigated ? &*mitigated : nullptr, &filtered};
    // (energy, share of the set) of every stored outcome, per set.
    std::array<std::vector<std::pair<double, double>>, EnergyHistogramData::SERIES> shares;
    std::vector<double> energies;
    for (std::size_t s = 0; s < sets.size(); ++s) {
        const engine::SampleCounts* set = sets[s];
        if (set == nullptr || set->empty())
            continue;
        const double total = set->total();
        if (!(total > 0.0))
            continue;
        shares[s].reserve(set->size());
        for (const auto& [index, count] : set->counts()) {
            const double energy = qubo.energy(engine::bitsFromIndex(index, set->numQubits()));
            shares[s].emplace_back(energy, count / total);
            energies.push_back(energy);
        }
    }
    EnergyHistogramData data;
    if (energies.empty())
        return data;
    std::sort(energies.begin(), energies.end());
    energies.erase(std::unique(energies.begin(), energies.end(), nearlyEqual), energies.end());
    const double lowest = energies.front();
    const double highest = energies.back();
    const bool integral = std::all_of(energies.begin(), energies.end(),
                                      [](double e) { return nearlyEqual(e, std::round(e)); });
    double origin = 0.0;  // left edge of bin 0
    std::size_t bins = 0;
    if (integral && std::round(highest) - std::round(lowest) + 1.0 <= static_cast<double>(maxBins)) {
        // Max-Cut and MIS energies are integers: one bin per value reads best.
        data.width = 1.0;
        origin = std::round(lowest) - 0.5;
        bins = static_cast<std::size_t>(std::round(highest) - std::round(lowest)) + 1;
    } else if (nearlyEqual(lowest, highest)) {
        data.width = 1.0;
        origin = lowest - 0.5;
        bins = 1;
    } else {
        bins = std::min(maxBins, energies.size());
        data.width = (highest - lowest) / static_cast<double>(bins);
        origin = lowest;
    }
    data.centres.resize(bins);
    for (std::size_t b = 0; b < bins; ++b)
        data.centres[b] = origin + (static_cast<double>(b) + 0.5) * data.width;
    for (std::size_t s = 0; s < shares.size(); ++s) {
        if (shares[s].empty())
            continue;
        data.fractions[s].assign(bins, 0.0);
        for (const auto& [energy, share] : shares[s]) {
            const double position = std::floor((energy - origin) / data.width);
            const auto bin = static_cast<std::size_t>(std::clamp(position, 0.0, static_cast<double>(bins - 1)));
            data.fractions[s][bin] += share;
        }
    }
    return data;
}

std::vector<engine::WarmstartReproductionRow> runSweepGroup(const engine::WarmstartReproductionOptions& options,
                                                            std::size_t family, std::size_t size,
                                                            engine::RunControl& control)
{
    if (family >= options.families.size())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "no such family", "family");
    if (size >= options.sizes.size())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "no such size", "size");
    engine::WarmstartReproductionOptions group = options;
    group.families = {options.families[family]};
    group.sizes = {options.sizes[size]};
    return engine::reproduceWarmstartEmulated(group, control);
}

WarmstartJob::WarmstartJob(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("WarmstartJobPool"));
    using PointsWatcher = QFutureWatcher<std::vector<WarmstartRunPoint>>;
    connect(&m_pipelineWatcher, &PointsWatcher::resultsReadyAt, this, &WarmstartJob::onPointsReady);
    connect(&m_pipelineWatcher, &PointsWatcher::finished, this, &WarmstartJob::onWatcherFinished);
    connect(&m_pipelineWatcher, &PointsWatcher::progressValueChanged, this,
            [this](int value) {
                if (m_status == WarmstartJobStatus::Running && m_kind == WarmstartJobKind::Pipeline)
                    emit progressChanged(value, PROGRESS_STEPS);
            });
    using RowsWatcher = QFutureWatcher<std::vector<engine::WarmstartReproductionRow>>;
    connect(&m_sweepWatcher, &RowsWatcher::resultsReadyAt, this, &WarmstartJob::onRowsReady);
    connect(&m_sweepWatcher, &RowsWatcher::finished, this, &WarmstartJob::onWatcherFinished);
    connect(&m_sweepWatcher, &RowsWatcher::progressValueChanged, this, [this](int value) {
        if (m_status == WarmstartJobStatus::Running && m_kind == WarmstartJobKind::Sweep)
            emit progressChanged(value, PROGRESS_STEPS);
    });
}

WarmstartJob::~WarmstartJob()
{
    m_pipelineWatcher.disconnect(this);
    m_sweepWatcher.disconnect(this);
    stopWorker(this, m_pipelineWatcher, m_pipelineFuture, m_pool);
    stopWorker(this, m_sweepWatcher, m_sweepFuture, m_pool);
}

bool WarmstartJob::begin(WarmstartJobKind kind)
{
    if (m_status == WarmstartJobStatus::Running)
        return false;
    m_status = WarmstartJobStatus::Running;
    m_kind = kind;
    m_cancelRequested = false;
    m_delivered = 0;
    return true;
}

void WarmstartJob::installControl(engine::RunControl& control, engine::RunControl& bridged)
{
    // Runs on the worker. The engine may report from several threads; the last stage is shared state.
    auto mutex = std::make_shared<std::mutex>();
    auto last = std::make_shared<std::string>();
    control.setProgressCallback([this, &bridged, mutex, last](double done, double total, std::string_view stage) {
        bridged.reportProgress(done, total, stage);
        if (stage.empty())
            return;
        {
            const std::lock_guard lock(*mutex);
            if (*last == stage)
                return;
            last->assign(stage);
        }
        // Queued to the job's thread; Qt drops the call if the job is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, text = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()))] {
                if (m_status == WarmstartJobStatus::Running)
                    emit stageChanged(text);
            },
            Qt::QueuedConnection);
    });
    control.setCancelCallback([&bridged]() { return bridged.isCancelled(); });
}

bool WarmstartJob::startPipeline(WarmstartPipelineRequest request)
{
    if (!begin(WarmstartJobKind::Pipeline))
        return false;
    auto pending = std::make_shared<WarmstartPipelineOutcome>();
    m_pendingPipeline = pending;
    m_pipelineFuture = QtConcurrent::run(&m_pool, [this, request = std::move(request),
                                                   pending](QPromise<std::vector<WarmstartRunPoint>>& promise) {
        engine::RunControl bridged;
        bridgeRunControl(bridged, promise);
        engine::RunControl control;
        installControl(control, bridged);
        WarmstartPipelineOutcome outcome;
        // Runs may be reported from several threads: the batch is shared state, and adding it under the same lock
        // keeps the batches in the order of the runs.
        std::mutex batchMutex;
        std::vector<WarmstartRunPoint> batch;
        auto lastBatch = std::chrono::steady_clock::time_point{};
        const auto flush = [&] {
            if (batch.empty())
                return;
            promise.addResult(std::move(batch));
            batch = {};
            lastBatch = std::chrono::steady_clock::now();
        };
        runRecordingErrors(outcome, [&] {
            engine::WarmstartPipelineOptions options = request.options;
            options.onRun = [&](bool warm, double t, double seconds) {
                const std::lock_guard lock(batchMutex);
                batch.push_back(WarmstartRunPoint{warm, t, seconds});
                if (std::chrono::steady_clock::now() - lastBatch >= std::chrono::milliseconds(WARMSTART_RUN_BATCH_MS))
                    flush();
            };
            outcome.result = engine::runWarmstartPipeline(request.instance, options, control);
            outcome.succeeded = true;
            outcome.histogram = energyHistogram(outcome.result.qubo, outcome.result.raw, outcome.result.mitigated,
                                                outcome.result.filtered);
        });
        {
            const std::lock_guard lock(batchMutex);
            flush();  // the runs of the last interval, also after an error or a cancel
        }
        // The future's finished state (set after this returns) orders this write before the GUI thread's read.
        *pending = std::move(outcome);
    });
    m_pipelineWatcher.setFuture(m_pipelineFuture);
    emit started();
    return true;
}

bool WarmstartJob::startSweep(WarmstartSweepRequest request)
{
    if (!begin(WarmstartJobKind::Sweep))
        return false;
    auto pending = std::make_shared<WarmstartSweepOutcome>();
    m_pendingSweep = pending;
    m_sweepFuture = QtConcurrent::run(&m_pool, [this, request = std::move(request), pending](
                                                   QPromise<std::vector<engine::WarmstartReproductionRow>>& promise) {
        engine::RunControl bridged;
        bridgeRunControl(bridged, promise);
        engine::RunControl control;
        installControl(control, bridged);
        const auto startTime = std::chrono::steady_clock::now();
        WarmstartSweepOutcome outcome;
        const engine::WarmstartReproductionOptions& options = request.options;
        runRecordingErrors(outcome, [&] {
            const double groupRows = static_cast<double>(options.graphsPerSize * options.depths.size());
            const double totalRows = groupRows * static_cast<double>(options.families.size() * options.sizes.size());
            double offset = 0.0;
            for (std::size_t f = 0; f < options.families.size(); ++f) {
                for (std::size_t s = 0; s < options.sizes.size(); ++s) {
                    if (control.isCancelled()) {
                        outcome.cancelled = true;
                        break;
                    }
                    engine::RunControl group;
                    group.setProgressCallback([&control, offset, groupRows, totalRows](double done, double total,
                                                                                       std::string_view stage) {
                        if (total > 0.0)
                            control.reportProgress(offset + groupRows * std::clamp(done / total, 0.0, 1.0),
                                                   totalRows, stage);
                    });
                    group.setCancelCallback([&control]() { return control.isCancelled(); });
                    std::vector<engine::WarmstartReproductionRow> rows = runSweepGroup(options, f, s, group);
                    offset += groupRows;
                    outcome.rows.insert(outcome.rows.end(), rows.begin(), rows.end());
                    if (!rows.empty())
                        promise.addResult(std::move(rows));
                    if (group.isCancelled()) {
                        outcome.cancelled = true;
                        break;
                    }
                }
                if (outcome.cancelled)
                    break;
            }
            outcome.succeeded = true;
        });
        outcome.summary = engine::summarizeWarmstartReproduction(outcome.rows);
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - startTime).count();
        *pending = std::move(outcome);
    });
    m_sweepWatcher.setFuture(m_sweepFuture);
    emit started();
    return true;
}

void WarmstartJob::cancel()
{
    if (m_status != WarmstartJobStatus::Running)
        return;
    m_cancelRequested = true;
    if (m_kind == WarmstartJobKind::Pipeline)
        m_pipelineFuture.cancel();
    else
        m_sweepFuture.cancel();
}

void WarmstartJob::waitForFinished()
{
    if (m_kind == WarmstartJobKind::Pipeline)
        m_pipelineFuture.waitForFinished();
    else if (m_kind == WarmstartJobKind::Sweep)
        m_sweepFuture.waitForFinished();
}

void WarmstartJob::onPointsReady(int begin, int end)
{
    if (m_status != WarmstartJobStatus::Running || m_kind != WarmstartJobKind::Pipeline)
        return;
    std::vector<WarmstartRunPoint> points;
    // Results arrive in order; a batch can overlap one already passed on, so resume from what was delivered.
    for (int k = std::max(begin, m_delivered); k < end; ++k) {
        if (!m_pipelineFuture.isResultReadyAt(k))
            break;
        const std::vector<WarmstartRunPoint>& batch = m_pipelineFuture.resultAt(k);
        points.insert(points.end(), batch.begin(), batch.end());
        m_delivered = k + 1;
    }
    if (!points.empty())
        emit runPoints(points);
}

void WarmstartJob::onRowsReady(int begin, int end)
{
    if (m_status != WarmstartJobStatus::Running || m_kind != WarmstartJobKind::Sweep)
        return;
    std::vector<engine::WarmstartReproductionRow> rows;
    for (int k = std::max(begin, m_delivered); k < end; ++k) {
        if (!m_sweepFuture.isResultReadyAt(k))
            break;
        const std::vector<engine::WarmstartReproductionRow>& group = m_sweepFuture.resultAt(k);
        rows.insert(rows.end(), group.begin(), group.end());
        m_delivered = k + 1;
    }
    if (!rows.empty())
        emit sweepRows(rows);
}

void WarmstartJob::onWatcherFinished()
{
    if (m_status != WarmstartJobStatus::Running)
        return;
    // Only the running kind's watcher counts: the other one may report the end of an earlier job late.
    if (sender() == &m_pipelineWatcher && m_kind != WarmstartJobKind::Pipeline)
        return;
    if (sender() == &m_sweepWatcher && m_kind != WarmstartJobKind::Sweep)
        return;
    bool succeeded = false;
    bool cancelled = false;
    bool ran = false;  // false: cancelled before the pool started the worker
    if (m_kind == WarmstartJobKind::Pipeline) {
        onPointsReady(m_delivered, m_pipelineFuture.resultCount());
        m_pipelineOutcome = m_pendingPipeline ? std::move(*m_pendingPipeline) : WarmstartPipelineOutcome();
        m_pendingPipeline.reset();
        succeeded = m_pipelineOutcome.succeeded;
        cancelled = m_pipelineOutcome.result.cancelled;
        ran = succeeded || !m_pipelineOutcome.errorMessage.empty();
    } else {
        // Rows still waiting in the watcher (the last group) go out before `finished`.
        onRowsReady(m_delivered, m_sweepFuture.resultCount());
        m_sweepOutcome = m_pendingSweep ? std::move(*m_pendingSweep) : WarmstartSweepOutcome();
        m_pendingSweep.reset();
        succeeded = m_sweepOutcome.succeeded;
        cancelled = m_sweepOutcome.cancelled;
        ran = succeeded || !m_sweepOutcome.errorMessage.empty();
    }
    if (!ran && m_cancelRequested)
        m_status = WarmstartJobStatus::Cancelled;
    else if (!succeeded)
        m_status = WarmstartJobStatus::Failed;
    else if (m_cancelRequested || cancelled)
        m_status = WarmstartJobStatus::Cancelled;
    else
        m_status = WarmstartJobStatus::Finished;
    emit finished();
}

} // namespace workbench
