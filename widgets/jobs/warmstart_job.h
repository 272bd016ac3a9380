// SPDX-License-Identifier: MIT
// WarmstartJob: the warm-start pipeline or the emulated Q-factor sweep off the GUI thread, with live results.
#pragma once

#include "core/error.h"
#include "io/instance_file.h"
#include "mitigation/sample_counts.h"
#include "qubo/qubo_model.h"
#include "warmstart/warmstart_pipeline.h"
#include "warmstart/warmstart_reproduction.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace workbench {

/// One finished heuristic run of the Q-factor experiment, as options.onRun reports it.
struct WarmstartRunPoint {
    bool warm = false;     ///< start type: false = uniform random start, true = warm start from the pool
    double t = 0.0;        ///< first success in the experiment's unit (iterations or seconds), +infinity = never
    double seconds = 0.0;  ///< wall seconds to the target, +infinity = never
};

/// What a pipeline run needs, copied on the GUI thread before the job starts.
struct WarmstartPipelineRequest {
    engine::Instance instance;
    /// Passed to engine::runWarmstartPipeline as is, except onRun, which the job replaces by its relay.
    engine::WarmstartPipelineOptions options;
};

/// What a sweep needs.
struct WarmstartSweepRequest {
    engine::WarmstartReproductionOptions options;
};

/// Most bins of the energy histogram.
constexpr std::size_t MAX_ENERGY_BINS = 60;

/// The energy histogram of up to three sample sets over common bins, computed off the GUI thread.
struct EnergyHistogramData {
    /// The sets in drawing order.
    enum Series { Raw = 0, Mitigated = 1, Filtered = 2 };
    static constexpr std::size_t SERIES = 3;
    std::vector<double> centres;  ///< bin centres (QUBO energy), ascending
    double width = 1.0;           ///< common bin width
    /// fractions[s][b]: share of set s's total count in bin b (each present set sums to 1); empty: set absent
    std::array<std::vector<double>, SERIES> fractions;
};

/// Bins the QUBO energies of the outcomes of `raw`, `mitigated` and `filtered` (absent or empty sets are left
/// out). Integer energies spanning at most `maxBins` values get one bin per integer; otherwise `maxBins` equal
/// bins (fewer when there are fewer distinct energies) cover [min, max]. O(m n^2) for m distinct outcomes of n
/// variables plus O(m log m). Throws what QuboModel::energy throws for outcomes wider than the QUBO.
EnergyHistogramData energyHistogram(const engine::QuboModel& qubo, const engine::SampleCounts& raw,
                                    const std::optional<engine::SampleCounts>& mitigated,
                                    const engine::SampleCounts& filtered, std::size_t maxBins = MAX_ENERGY_BINS);

/// What a finished pipeline job delivers.
struct WarmstartPipelineOutcome {
    bool succeeded = false;                  ///< runWarmstartPipeline returned (possibly cancelled)
    engine::WarmstartPipelineResult result;  ///< valid when succeeded
    /// energyHistogram of the result's samples, binned on the worker (empty when the run failed or no sample set
    /// had outcomes)
    EnergyHistogramData histogram;
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;  ///< when !succeeded
    std::string errorMessage;                ///< engine::Error::what() (English) when !succeeded
};

/// What a finished sweep delivers.
struct WarmstartSweepOutcome {
    bool succeeded = false;                           ///< every (family, N) group returned (possibly cancelled)
    std::vector<engine::WarmstartReproductionRow> rows;    ///< the finished rows (also on failure and cancel)
    std::vector<engine::WarmstartSummaryRow> summary;      ///< summarizeWarmstartReproduction(rows)
    bool cancelled = false;                           ///< stopped by cancel; `rows` holds the finished ones
    double seconds = 0.0;                             ///< wall time of the sweep
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;
    std::string errorMessage;
};

/// Which request a job runs.
enum class WarmstartJobKind { None, Pipeline, Sweep };
/// Job state.
enum class WarmstartJobStatus { Idle, Running, Finished, Cancelled, Failed };

/// The rows of one (family, N) group of a sweep: reproduceWarmstartEmulated with just that family and size.
/// The engine derives every graph, sample and run from (seed, family name, N, graph, p), so the groups' rows
/// concatenated equal the rows of the whole sweep in one call; the job runs them group by group to deliver rows
/// while the sweep goes on. `control` as the engine's.
std::vector<engine::WarmstartReproductionRow> runSweepGroup(const engine::WarmstartReproductionOptions& options,
                                                            std::size_t family, std::size_t size,
                                                            engine::RunControl& control);

/// Finished runs are handed to the GUI thread in batches at most this often (fast runs finish by the thousand per
/// second; one event each would flood the event loop).
constexpr int WARMSTART_RUN_BATCH_MS = 40;

/// One pipeline run or one sweep at a time on a dedicated single-thread pool.
/// Pipeline: the worker calls engine::runWarmstartPipeline with an onRun callback that collects the finished runs
/// and adds them to the promise as one result every WARMSTART_RUN_BATCH_MS (and the rest at the end); the watcher
/// hands them to the GUI thread in order through `runPoints`. Sweep: the worker runs one (family, N) group after the other (runSweepGroup) and adds each
/// group's rows as one result, handed on through `sweepRows`; progress counts rows over all groups. The stage
/// the engine reports is relayed through `stageChanged`. Cancel goes through the RunControl bridge; what was
/// finished is still delivered. The destructor cancels and waits, so no worker outlives the job.
class WarmstartJob final : public QObject {
    Q_OBJECT

public:
    explicit WarmstartJob(QObject* parent = nullptr);
    ~WarmstartJob() override;

    /// Starts a pipeline run; returns false (and does nothing) while a job runs.
    bool startPipeline(WarmstartPipelineRequest request);
    /// Starts a sweep; returns false (and does nothing) while a job runs.
    bool startSweep(WarmstartSweepRequest request);
    /// Requests cancellation; no effect when idle.
    void cancel();
    /// Blocks until the running job (if any) has finished; `finished` still goes through the event loop.
    void waitForFinished();

    bool isRunning() const { return m_status == WarmstartJobStatus::Running; }
    WarmstartJobStatus status() const { return m_status; }
    /// The running or last job's kind.
    WarmstartJobKind kind() const { return m_kind; }
    /// The last finished pipeline job's outcome.
    const WarmstartPipelineOutcome& pipelineOutcome() const { return m_pipelineOutcome; }
    /// The last finished sweep's outcome.
    const WarmstartSweepOutcome& sweepOutcome() const { return m_sweepOutcome; }

signals:
    void started();
    /// Runs finished since the last batch, in the order the experiment finished them (GUI thread).
    void runPoints(const std::vector<WarmstartRunPoint>& points);
    /// Rows of the sweep finished since the last batch, in sweep order (GUI thread).
    void sweepRows(const std::vector<engine::WarmstartReproductionRow>& rows);
    /// Progress of the job in [0, maximum] (sweep: rows; pipeline: the engine's stage-wise fraction).
    void progressChanged(int value, int maximum);
    /// The engine's stage label (English, as the engine names it) changed.
    void stageChanged(const QString& stage);
    /// The job ended; `status()` and the outcome of `kind()` tell how.
    void finished();

private:
    void onPointsReady(int begin, int end);
    void onRowsReady(int begin, int end);
    void onWatcherFinished();
    void installControl(engine::RunControl& control, engine::RunControl& bridged);
    bool begin(WarmstartJobKind kind);

    QThreadPool m_pool;
    QFuture<std::vector<WarmstartRunPoint>> m_pipelineFuture;  // one result per batch of runs
    QFutureWatcher<std::vector<WarmstartRunPoint>> m_pipelineWatcher;
    QFuture<std::vector<engine::WarmstartReproductionRow>> m_sweepFuture;
    QFutureWatcher<std::vector<engine::WarmstartReproductionRow>> m_sweepWatcher;
    std::shared_ptr<WarmstartPipelineOutcome> m_pendingPipeline;  // written by the worker, read after it finished
    std::shared_ptr<WarmstartSweepOutcome> m_pendingSweep;
    WarmstartPipelineOutcome m_pipelineOutcome;
    WarmstartSweepOutcome m_sweepOutcome;
    WarmstartJobStatus m_status = WarmstartJobStatus::Idle;
    WarmstartJobKind m_kind = WarmstartJobKind::None;
    int m_delivered = 0;  // results of the running future already passed on
    bool m_cancelRequested = false;
};

} // namespace workbench
