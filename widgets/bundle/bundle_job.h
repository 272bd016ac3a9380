// SPDX-License-Identifier: MIT
// BundleJob: reads, verifies (recomputes) and rebuilds the plot data of a .qwbundle off the GUI thread.
#pragma once

#include "bundle/bundle_file.h"
#include "bundle/bundle_members.h"
#include "bundle/bundle_plot_data.h"
#include "bundle/bundle_verify.h"
#include "core/error.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace workbench {

/// How a BundleJob verifies and what it draws.
struct BundleJobOptions {
    engine::BundleVerifyOptions verify;  ///< tolerance and threads of the recomputation (defaults: as the CLI)
    BundlePlotOptions plots;             ///< trace replay and landscape size
};

/// The three steps of a job, in order.
enum class BundleJobStage {
    Read,    ///< readBundle: gzip, archive, manifest schema and version, every member's size and SHA-256
    Verify,  ///< verifyBundle: recompute and compare
    Plots,   ///< bundlePlotData
};

/// A short description of a bundle's instance.json for the window's summary (read on the worker).
struct BundleInstanceInfo {
    std::string kind;            ///< "lcrp", "graph" or "qubo" (engine::instanceKindName)
    std::string problem;         ///< graphs: "maxcut" or "mis"; else empty
    std::string name;            ///< the instance's name (may be empty)
    std::size_t tasks = 0;       ///< LCRP: N
    std::size_t models = 0;      ///< LCRP: M
    std::size_t vertices = 0;    ///< graph
    std::size_t edges = 0;       ///< graph
    std::size_t variables = 0;   ///< QUBO instance: n
};

/// What one finished step hands to the GUI thread (the other pointers are null).
struct BundleJobStep {
    BundleJobStage stage = BundleJobStage::Read;
    std::shared_ptr<const engine::Bundle> bundle;               ///< Read
    std::shared_ptr<const std::vector<BundleMemberStatus>> members;  ///< Read: verifiedMembers(*bundle)
    std::optional<BundleInstanceInfo> instance;                 ///< Read: absent when instance.json does not parse
    std::shared_ptr<const engine::BundleVerifyReport> report;   ///< Verify
    std::shared_ptr<const BundlePlotData> plots;                ///< Plots
};

/// Why a job stopped early.
struct BundleJobError {
    BundleJobStage stage = BundleJobStage::Read;                     ///< the step that threw
    engine::ErrorCode code = engine::ErrorCode::SolverFailure;
    std::string message;                                             ///< engine::Error::what(): "<where>: <detail>"
};

/// What a job delivered: every step that finished, and the error of the one that did not.
struct BundleOutcome {
    QString path;                                               ///< the bundle file
    std::shared_ptr<const engine::Bundle> bundle;               ///< null until read
    /// The member files: verifiedMembers once read; when reading failed, inspectMembers' lenient listing (empty
    /// when even that failed), which marks the member whose hash differs.
    std::vector<BundleMemberStatus> members;
    std::optional<BundleInstanceInfo> instance;                 ///< set when read and instance.json parses
    std::shared_ptr<const engine::BundleVerifyReport> report;   ///< null until verified
    std::shared_ptr<const BundlePlotData> plots;                ///< null until the plot data is built
    std::optional<BundleJobError> error;                        ///< set when a step threw (not for a cancel)
};

/// Job state.
enum class BundleJobStatus { Idle, Running, Finished, Cancelled, Failed };

/// One bundle at a time on a dedicated single-thread pool. The worker reads the file (engine::readBundle),
/// verifies it (engine::verifyBundle: the recorded computation is rerun and every stored number compared) and
/// builds the plot data (bundlePlotData), handing each step's result to the GUI thread as soon as it is done
/// (`bundleRead`, `verified`, `plotsReady`). Progress spans the three steps in one range (QFutureWatcher
/// throttles it to 25 updates a second); the running step's translated name comes through `stageChanged` when
/// the step before it has delivered. Cancel goes through an engine::RunControl bridged to the QPromise. The
/// destructor cancels and waits, so no worker outlives the job.
class BundleJob final : public QObject {
    Q_OBJECT

public:
    /// Progress range of `progressChanged`: [0, PROGRESS_MAXIMUM].
    static constexpr int PROGRESS_MAXIMUM = 1000;

    explicit BundleJob(QObject* parent = nullptr);
    ~BundleJob() override;

    /// Starts on `path`; returns false (and does nothing) while a job runs. Clears the last outcome.
    bool start(const QString& path, const BundleJobOptions& options = {});
    /// Requests cancellation; no effect when idle.
    void cancel();
    /// Blocks until the running job (if any) has finished; the signals still go through the event loop.
    void waitForFinished();

    bool isRunning() const { return m_status == BundleJobStatus::Running; }
    BundleJobStatus status() const { return m_status; }
    /// The running or last job's results so far.
    const BundleOutcome& outcome() const { return m_outcome; }

signals:
    void started();
    /// outcome().bundle is set (GUI thread).
    void bundleRead();
    /// outcome().report is set.
    void verified();
    /// outcome().plots is set.
    void plotsReady();
    void progressChanged(int value, int maximum);
    /// The running step, translated (bundleJobStageText), announced once per step.
    void stageChanged(const QString& stage);
    /// The job ended; `status()` and `outcome()` tell how.
    void finished();

private:
    void onResultsReady(int begin, int end);
    void onWatcherFinished();

    QThreadPool m_pool;
    QFuture<BundleJobStep> m_future;
    QFutureWatcher<BundleJobStep> m_watcher;
    struct Pending {
        std::optional<BundleJobError> error;
        std::vector<BundleMemberStatus> members;  // inspectMembers after a failed read
    };
    std::shared_ptr<Pending> m_pending;  // written by the worker, read after it finished
    BundleOutcome m_outcome;
    BundleJobStatus m_status = BundleJobStatus::Idle;
    int m_delivered = 0;
    bool m_cancelRequested = false;
};

/// The translated name of a step, as `stageChanged` reports it.
QString bundleJobStageText(BundleJobStage stage);

} // namespace workbench
