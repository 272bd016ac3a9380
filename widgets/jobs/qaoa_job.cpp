// SPDX-License-Identifier: MIT
// QaoaJob: engine options from the panel's settings, the worker (run, then landscape) and the live-point relay.
#include "jobs/qaoa_job.h"

#include "jobs/job_support.h"
#include "jobs/run_control_bridge.h"
#include "lcrp/lcrp_baseline.h"
#include "qubo/ising_model.h"

#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <exception>
#include <numbers>

namespace workbench {

engine::QaoaRunOptions qaoaRunOptions(const QaoaRequest& request)
{
    const QaoaSettings& s = request.settings;
    engine::QaoaRunOptions options;
    options.depth = s.depth;
    options.mixer = s.mixer;
    options.startFromGreedy = s.startFromGreedy;
    options.angles = s.angles;
    options.optimizer.method = s.optimizer;
    options.optimizer.restarts = s.restarts;
    options.optimizer.evaluationsPerRestart = s.iterations;
    options.optimizer.seed = s.seed;
    options.shots = s.shots;
    options.seed = s.seed;
    options.lcrpEncoding = request.encoding;
    options.trackValidRate = s.trackValidRate;
    options.threads = s.threads;
    options.precision = s.precision;
    return options;
}

engine::P1GridOptions landscapeGrid(const engine::QaoaAngles& angles, const engine::QuboModel& qubo,
                                    std::size_t steps)
{
    engine::P1GridOptions grid;
    const double scale = qubo.maxAbsCoefficient();
    // One radian of gamma is many periods of the phase separator when coefficients are large, so a window of
    // pi / scale shows the landscape's coarse structure; the run's own gamma always fits with room on both sides.
    const double natural = std::numbers::pi / (scale > 0.0 ? scale : 1.0);
    const double gamma = angles.depth() > 0 ? std::abs(angles.gammas[0]) : 0.0;
    grid.gammaMin = 0.0;
    grid.gammaMax = std::max(2.0 * gamma, natural);
    grid.betaMin = -std::numbers::pi / 2.0;
    grid.betaMax = std::numbers::pi / 2.0;
    grid.gammaSteps = steps;
    grid.betaSteps = steps;
    return grid;
}

std::pair<double, double> landscapePoint(const engine::QaoaAngles& angles)
{
    if (angles.depth() == 0)
        return {0.0, 0.0};
    double gamma = angles.gammas[0];
    double beta = angles.betas[0];
    if (gamma < 0.0) {
        gamma = -gamma;
        beta = -beta;
    }
    beta -= std::numbers::pi * std::floor((beta + std::numbers::pi / 2.0) / std::numbers::pi);
    return {gamma, beta};
}

QaoaJob::QaoaJob(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("QaoaJobPool"));
    connect(&m_watcher, &QFutureWatcher<engine::QaoaProgressPoint>::resultsReadyAt, this, &QaoaJob::onResultsReady);
    connect(&m_watcher, &QFutureWatcher<engine::QaoaProgressPoint>::finished, this, &QaoaJob::onWatcherFinished);
}

QaoaJob::~QaoaJob()
{
    stopWorker(this, m_watcher, m_future, m_pool);
}

bool QaoaJob::start(QaoaRequest request)
{
    if (m_status == QaoaJobStatus::Running)
        return false;
    m_status = QaoaJobStatus::Running;
    m_cancelRequested = false;
    m_delivered = 0;
    m_budget = request.settings.angles == engine::AngleMethod::Optimize
        ? static_cast<std::uint64_t>(request.settings.restarts) * static_cast<std::uint64_t>(request.settings.iterations)
        : 0;
    auto pending = std::make_shared<QaoaOutcome>();
    m_pending = pending;

    m_future = QtConcurrent::run(&m_pool, [request = std::move(request),
                                           pending](QPromise<engine::QaoaProgressPoint>& promise) {
        engine::RunControl control;
        bridgeRunControl(control, promise);
        QaoaOutcome outcome;
        runRecordingErrors(outcome, [&] {
            outcome.instance = request.instance;
            outcome.encoding = engine::encodeLcrp(request.instance, request.encoding);
            const std::size_t qubits = outcome.encoding.qubo.numVariables();
            if (qubits > MAX_QAOA_QUBITS)
                throw engine::Error(engine::ErrorCode::LimitExceeded,
                                    std::to_string(qubits) + " qubits exceed the workbench's simulation limit of "
                                        + std::to_string(MAX_QAOA_QUBITS),
                                    "qubits");
            outcome.uniformValidRate = engine::uniformRandomValidRate(request.instance);
            engine::QaoaRunOptions options = qaoaRunOptions(request);
            // The watcher delivers results in index order on the GUI thread; points added after a cancel are
            // dropped by QPromise, which is what a cancelled plot wants anyway.
            options.onEvaluation = [&promise](const engine::QaoaProgressPoint& point) { promise.addResult(point); };
            outcome.result = engine::runQaoa(request.instance, options, control);
            outcome.succeeded = true;
            if (request.settings.landscapeSteps > 0 && outcome.result.angles.depth() > 0 && !control.isCancelled()) {
                engine::P1GridResult grid = engine::p1GridSearch(
                    engine::toIsing(outcome.encoding.qubo),
                    landscapeGrid(outcome.result.angles, outcome.encoding.qubo, request.settings.landscapeSteps),
                    control);
                if (!grid.cancelled)
                    outcome.landscape = std::move(grid);
            }
        });
        // The future's finished state (set after this returns) orders this write before the GUI thread's read.
        *pending = std::move(outcome);
    });
    m_watcher.setFuture(m_future);
    emit started();
    return true;
}

void QaoaJob::cancel()
{
    if (m_status != QaoaJobStatus::Running)
        return;
    m_cancelRequested = true;
    m_future.cancel();
}

void QaoaJob::waitForFinished()
{
    m_future.waitForFinished();
}

void QaoaJob::onResultsReady(int begin, int end)
{
    if (m_status != QaoaJobStatus::Running)
        return;
    std::vector<engine::QaoaProgressPoint> points;
    // Results arrive in order; a batch can overlap one already passed on, so resume from what was delivered.
    for (int k = std::max(begin, m_delivered); k < end; ++k) {
        if (!m_future.isResultReadyAt(k))
            break;
        points.push_back(m_future.resultAt(k));
        m_delivered = k + 1;
    }
    if (!points.empty())
        emit pointsReady(points);
}

void QaoaJob::onWatcherFinished()
{
    if (m_status != QaoaJobStatus::Running)
        return;
    m_outcome = m_pending ? std::move(*m_pending) : QaoaOutcome{};
    m_pending.reset();
    if (!m_outcome.succeeded && m_cancelRequested && m_outcome.errorMessage.empty())
        m_status = QaoaJobStatus::Cancelled;  // cancelled before the pool started it: nothing ran
    else if (!m_outcome.succeeded)
        m_status = QaoaJobStatus::Failed;
    else if (m_cancelRequested || m_outcome.result.cancelled)
        m_status = QaoaJobStatus::Cancelled;
    else
        m_status = QaoaJobStatus::Finished;
    emit finished();
}

} // namespace workbench
