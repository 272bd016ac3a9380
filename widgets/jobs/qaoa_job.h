// SPDX-License-Identifier: MIT
// QaoaJob: one QAOA run on the project's LCRP instance and its p = 1 landscape, off the GUI thread with live points.
#pragma once

#include "core/error.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_instance.h"
#include "qaoa/p1_analytic.h"
#include "qaoa/qaoa_run.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace workbench {

/// Largest register the panel simulates: 2^24 complex doubles are 256 MB, and the probability vector, the
/// energy diagonal and the valid-rate tracking add about as much again; beyond that a desktop stalls.
constexpr std::size_t MAX_QAOA_QUBITS = 24;
/// Editor limits of the QAOA options (kept well inside the engine's own limits).
constexpr int MAX_QAOA_PANEL_DEPTH = 16;
constexpr int MAX_QAOA_PANEL_RESTARTS = 64;
constexpr int MAX_QAOA_PANEL_ITERATIONS = 5000;
constexpr int MAX_QAOA_PANEL_SHOTS = 10'000'000;
/// Side of the (gamma, beta) landscape grid.
constexpr std::size_t QAOA_LANDSCAPE_STEPS = 64;

/// The QAOA options the panel edits (not part of the project file).
struct QaoaSettings {
    std::size_t depth = 1;                                             ///< p
    engine::MixerKind mixer = engine::MixerKind::X;
    bool startFromGreedy = false;                                      ///< XY mixers: greedy basis state, not W states
    engine::AngleMethod angles = engine::AngleMethod::Optimize;        ///< Optimize, Predicted or Ramp
    engine::QaoaOptimizerMethod optimizer = engine::QaoaOptimizerMethod::Cobyla;
    int restarts = 8;                                                  ///< optimiser restarts R
    int iterations = 80;                                               ///< evaluations per restart K
    std::uint64_t shots = 4000;
    std::uint64_t seed = 1;                                            ///< seeds the starts and the shots
    bool trackValidRate = true;                                        ///< exact valid rate per evaluation
    std::size_t landscapeSteps = QAOA_LANDSCAPE_STEPS;                 ///< grid side; 0: no landscape
    int threads = 0;                                                   ///< simulator threads, 0 = all cores
    engine::Precision precision = engine::Precision::Double;           ///< statevector amplitudes
};

/// An immutable snapshot of what a run needs, copied on the GUI thread before the job starts.
struct QaoaRequest {
    engine::LcrpInstance instance;
    engine::LcrpEncoderOptions encoding;  ///< the document's objective and slack bits
    QaoaSettings settings;
};

/// The engine options a request stands for (no callback): what the job passes to engine::runQaoa.
engine::QaoaRunOptions qaoaRunOptions(const QaoaRequest& request);

/// The grid of the p = 1 landscape around `angles`' first layer: gamma in [0, 2 |gamma_1|] (so the point sits in
/// the middle; [0, pi / largest |coefficient|] when gamma_1 is 0 or there are no angles), beta over one period
/// [-pi/2, pi/2]. `steps` points per side.
engine::P1GridOptions landscapeGrid(const engine::QaoaAngles& angles, const engine::QuboModel& qubo,
                                    std::size_t steps);

/// The first layer's (gamma, beta) mapped into the landscape's window by the symmetries of the p = 1
/// X-mixer expectation: <H>(-gamma, -beta) = <H>(gamma, beta) and period pi in beta.
std::pair<double, double> landscapePoint(const engine::QaoaAngles& angles);

/// What a finished job delivers.
struct QaoaOutcome {
    bool succeeded = false;                       ///< runQaoa returned (possibly cancelled)
    engine::QaoaRunResult result;                 ///< valid when succeeded
    /// The p = 1 landscape (X mixer, analytic) around the run's first layer; absent when cancelled first or
    /// not requested.
    std::optional<engine::P1GridResult> landscape;
    engine::LcrpInstance instance;                ///< the instance that was run (decoding uses it)
    engine::LcrpEncoding encoding;                ///< its encoding
    double uniformValidRate = 0.0;                ///< engine::uniformRandomValidRate(instance)
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;  ///< when !succeeded
    std::string errorMessage;                     ///< engine::Error::what() (English) when !succeeded
};

/// Job state.
enum class QaoaJobStatus { Idle, Running, Finished, Cancelled, Failed };

/// One QAOA run at a time on a dedicated single-thread pool. The worker calls engine::runQaoa with
/// `qaoaRunOptions(request)` and an onEvaluation callback that adds every QaoaProgressPoint to the promise as a
/// result; the watcher hands them to the GUI thread in order through `pointsReady`. Then it computes the p = 1
/// landscape (cancellable too). Cancel goes through the RunControl bridge; the best angles so far are still
/// simulated and delivered. The destructor cancels and waits, so no worker outlives the job.
class QaoaJob final : public QObject {
    Q_OBJECT

public:
    explicit QaoaJob(QObject* parent = nullptr);
    ~QaoaJob() override;

    /// Starts a run; returns false (and does nothing) while one is running.
    bool start(QaoaRequest request);
    /// Requests cancellation; no effect when idle.
    void cancel();
    /// Blocks until the running job (if any) has finished; `finished` still goes through the event loop.
    void waitForFinished();

    bool isRunning() const { return m_status == QaoaJobStatus::Running; }
    QaoaJobStatus status() const { return m_status; }
    /// The last finished job's outcome.
    const QaoaOutcome& outcome() const { return m_outcome; }
    /// The evaluation budget of the running (or last) job: restarts x iterations, 0 without an optimiser.
    std::uint64_t evaluationBudget() const { return m_budget; }

signals:
    void started();
    /// New live points, in evaluation order (GUI thread).
    void pointsReady(const std::vector<engine::QaoaProgressPoint>& points);
    /// The job ended; `outcome()` and `status()` tell how.
    void finished();

private:
    void onResultsReady(int begin, int end);
    void onWatcherFinished();

    QThreadPool m_pool;
    QFuture<engine::QaoaProgressPoint> m_future;
    QFutureWatcher<engine::QaoaProgressPoint> m_watcher;
    std::shared_ptr<QaoaOutcome> m_pending;  // written by the worker, read after it finished
    QaoaOutcome m_outcome;
    QaoaJobStatus m_status = QaoaJobStatus::Idle;
    std::uint64_t m_budget = 0;
    int m_delivered = 0;  // results of m_future already passed on
    bool m_cancelRequested = false;
};

} // namespace workbench
