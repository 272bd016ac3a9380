// SPDX-License-Identifier: MIT
// LcrpBatchPanel: LCRP at production scale by task groups (QAOA per group, recombination) against the exact optimum.
#pragma once

#include "core/error.h"
#include "lcrp/lcrp_instance.h"
#include "jobservice/job_submission.h"
#include "warmstart/lcrp_batch.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace workbench {

class ProjectDocument;

/// What one batch run delivers (written by the worker, read on the GUI thread after it finished).
struct LcrpBatchOutcome {
    bool succeeded = false;
    engine::LcrpInstance instance;                 ///< the instance that ran (generated or the project's)
    engine::LcrpBatchResult result;                ///< valid when succeeded
    engine::ErrorCode errorCode = engine::ErrorCode::SolverFailure;  ///< when !succeeded
    std::string errorMessage;                      ///< engine::Error::what() (English) when !succeeded
};

/// Options on the left: the instance (a generated N x M batch with seed and budget, or the project's instance
/// when a document is given), the qubit limit per group, QAOA depth and shots, candidates per group,
/// rebalancing rounds and whether to compare with the exact CBC optimum. Run starts engine::runLcrpBatch on a
/// dedicated one-thread pool through QtConcurrent with a QPromise (progress bar, Cancel); the result shows as a
/// method table (objective, gap to exact, cost, quality satisfaction, budget use, seconds) and a per-group table
/// (tasks, qubits, budget share, chosen cost, valid rate beside the random baseline, distinct assignments).
/// The destructor cancels a running batch and waits for it.
class LcrpBatchPanel final : public QWidget {
    Q_OBJECT

public:
    /// `document` may be null: then only generated instances are offered. The panel does not own it.
    explicit LcrpBatchPanel(ProjectDocument* document = nullptr, QWidget* parent = nullptr);
    ~LcrpBatchPanel() override;

    /// Starts a batch with the current options (no effect while one runs).
    void run();
    /// Requests cancellation; the engine stops at its next group or stage.
    void cancel();
    /// Cancels and waits (window close).
    void shutdown();

    /// How group jobs reach a backend: `submit` hands one submission to the job panel (which owns accounts and
    /// the service), `storePath` is the job store the finished jobs are read back from. Until this is called the
    /// job buttons stay disabled.
    void setJobHandling(std::function<void(const engine::JobSubmission&)> submit, const QString& storePath);
    /// Plans the batch and submits one job per group to the job backend (predicted angles); remembers the plan.
    void submitGroups();
    /// Finds the groups' jobs in the job store (the batch last submitted, or after a restart the one the current
    /// settings plan) and, when all have completed, finishes the batch from their samples on a worker
    /// (recombination, refinement, comparison), shown like a local run.
    void finishFromJobs();
    bool isRunning() const { return m_running; }

    /// The options the controls describe.
    engine::LcrpBatchOptions options() const;

    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QTableWidget* methodTable() const { return m_methods; }
    QTableWidget* groupTable() const { return m_groups; }
    QComboBox* sourceCombo() const { return m_source; }
    QSpinBox* tasksSpin() const { return m_tasks; }
    QSpinBox* modelsSpin() const { return m_models; }
    QSpinBox* seedSpin() const { return m_seed; }
    QDoubleSpinBox* budgetSpin() const { return m_budget; }
    QSpinBox* maxQubitsSpin() const { return m_maxQubits; }
    QSpinBox* depthSpin() const { return m_depth; }
    QSpinBox* shotsSpin() const { return m_shots; }
    QCheckBox* exactCheck() const { return m_exact; }
    QLineEdit* jobBackendEdit() const { return m_jobBackend; }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* finishButton() const { return m_finish; }
    QLabel* summaryLabel() const { return m_summary; }
    /// The running (or last) batch, for tests.
    QFuture<LcrpBatchOutcome> future() const { return m_future; }
    /// The last finished batch's outcome, if one finished.
    const std::optional<LcrpBatchOutcome>& outcome() const { return m_outcome; }

signals:
    /// A one-line translated summary for the status bar when a batch ends.
    void statusMessage(const QString& message);
    /// A batch ended (finished, failed or cancelled); outcome() tells how.
    void finished();

private:
    engine::LcrpInstance currentInstance() const;
    /// Runs `work` on the panel's worker with progress and cancel; its result is shown like any batch.
    void start(engine::LcrpInstance instance, std::function<engine::LcrpBatchResult(engine::RunControl&)> work,
               const QString& message);
    void onFinished();
    void showResult(const LcrpBatchOutcome& outcome);
    void updateEnabled();

    ProjectDocument* m_document;
    QComboBox* m_source = nullptr;
    QSpinBox* m_tasks = nullptr;
    QSpinBox* m_models = nullptr;
    QSpinBox* m_seed = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QSpinBox* m_maxQubits = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_shots = nullptr;
    QSpinBox* m_candidates = nullptr;
    QSpinBox* m_rebalance = nullptr;
    QCheckBox* m_exact = nullptr;
    QLineEdit* m_jobBackend = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_finish = nullptr;
    std::function<void(const engine::JobSubmission&)> m_submitJob;
    QString m_storePath;
    /// The batch last submitted as jobs: what finishFromJobs() needs.
    struct SubmittedBatch {
        engine::LcrpInstance instance;
        engine::LcrpBatchPlan plan;
        engine::LcrpBatchOptions options;
        std::string backend;
    };
    std::optional<SubmittedBatch> m_submitted;
    /// The batch the current settings describe (instance, options, plan, job backend); throws engine::Error.
    SubmittedBatch plannedBatch() const;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_methods = nullptr;
    QTableWidget* m_groups = nullptr;
    QThreadPool m_pool;
    QFuture<LcrpBatchOutcome> m_future;
    QFutureWatcher<LcrpBatchOutcome> m_watcher;
    std::shared_ptr<LcrpBatchOutcome> m_pending;  // written by the worker, read after it finished
    std::optional<LcrpBatchOutcome> m_outcome;
    bool m_running = false;
};

} // namespace workbench
