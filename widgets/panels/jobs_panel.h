// SPDX-License-Identifier: MIT
// JobsPanel: accounts, backends, submitting, the live job table with its actions, and a job's details.
#pragma once

#include "io/instance_file.h"
#include "jobs/account_store.h"
#include "jobservice/job_service.h"
#include "mitigation/sample_counts.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace workbench {

class JobMonitor;
class JobTableModel;
template <class T>
struct ServiceOutcome;
class ProjectDocument;
class SubmitDialog;

/// How a JobsPanel is set up.
struct JobsPanelOptions {
    QString storePath;                        ///< the job store file (created when missing)
    std::shared_ptr<SecretBackend> secrets;   ///< null: the system keychain
    /// Where the Qiskit account is looked for; nothing: not at all.
    std::optional<engine::IbmAccountSources> externalAccount = AccountStore::defaultExternalSources();
    bool interactive = true;                  ///< false: no modal dialogs (tests); deletes are not confirmed
    bool resumeOnStart = true;                ///< resume the store's unfinished jobs when the panel starts
    bool listBackendsOnStart = true;          ///< read the backend list when the panel starts
    int refreshIntervalMs = 2000;             ///< the table's own re-read of the store; 0: only on events
};

/// The job panel. Top: the account (local only, the GUI's accounts, the Qiskit account), Add/Remove account,
/// Refresh backends and New Job. Left: the backends (status, queue length, qubits, median two-qubit and readout
/// errors; local:* always). Middle: the live job table (JobTableModel) with Cancel, Delete, Re-analyse and
/// "Open in Warm Start". Right: the selected job's details (status history with reasons, usage, transpiled
/// figures, and the analysis: valid rate beside the uniform-random rate and the best valid cost for LCRP, best
/// energy and approximation ratio for graphs). All service work runs on the JobMonitor's workers.
class JobsPanel final : public QWidget {
    Q_OBJECT

public:
    JobsPanel(ProjectDocument* document, JobsPanelOptions options, QWidget* parent = nullptr);
    ~JobsPanel() override;

    /// Chooses the account by its listed name ("" = local backends only): resolves its key, makes the IBM client
    /// and re-reads the backends. False (with the reason in the status line) when the account cannot be used;
    /// the panel then works locally.
    bool selectAccount(const QString& name);
    /// Re-reads the backend list off the GUI thread.
    void refreshBackends();
    /// Opens the submit dialog (interactive) and submits what it accepts.
    void openSubmitDialog();
    /// Opens the account dialog (interactive) for a new account.
    void openAccountDialog();
    /// Prepares and submits `submission` off the GUI thread; the new job is then watched.
    void submit(const engine::JobSubmission& submission);
    /// Submits an already prepared job off the GUI thread.
    void submitPrepared(const engine::PreparedJob& job);
    /// Cancels job `localId` (IBM: remote cancel) off the GUI thread.
    void cancelJob(std::int64_t localId);
    /// Deletes job `localId` from the store (asks first when interactive).
    void deleteJob(std::int64_t localId);
    /// Analyses the stored results of job `localId` again, offline, and shows the new analysis.
    void reanalyzeJob(std::int64_t localId);
    /// Emits openInWarmStart with the job's instance and samples; false (reason in the status line) when it has
    /// no results or they do not decode.
    bool openInWarmStart(std::int64_t localId);
    /// Selects the job's row (and shows its details); false when it is not listed.
    bool selectJob(std::int64_t localId);
    /// The selected job's local id.
    std::optional<std::int64_t> selectedJob() const;
    /// Stops every worker and waits (window close).
    void shutdown();
    /// The backend the submit dialog starts at when none is chosen in the backend table (the preferences').
    void setDefaultBackend(const QString& backend);
    QString defaultBackend() const { return m_defaultBackend; }
    /// Listed jobs that are running now.
    int runningJobCount() const { return m_runningJobs; }
    /// Listed jobs that are unfinished but not running (recorded, submitting, queued, outcome unknown).
    int queuedJobCount() const { return m_queuedJobs; }

    /// Text of the details figure `key`: "job", "status", "reason", "usage", "figures", "validRate",
    /// "bestValidCost", "bestEnergy", "approximationRatio", "error", "account", "backends".
    QString figureText(const QString& key) const;

    AccountStore& accountStore() { return m_accounts; }
    JobMonitor* monitor() const { return m_monitor; }
    JobTableModel* model() const { return m_model; }
    QTableView* jobView() const { return m_jobView; }
    QTableWidget* backendTable() const { return m_backends; }
    QTableWidget* historyTable() const { return m_history; }
    QComboBox* accountBox() const { return m_account; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* reanalyzeButton() const { return m_reanalyze; }
    QPushButton* warmStartButton() const { return m_warmStart; }
    QPushButton* newJobButton() const { return m_newJob; }
    /// The backend names listed now, local first.
    QStringList backendNames() const;

signals:
    /// A one-line translated message for the status bar (job status changes included, as they happen).
    void statusMessage(const QString& message);
    /// A job was recorded and sent (or run locally); its local id.
    void jobSubmitted(qint64 localId);
    /// A submission failed before a job was recorded (bad options, no account, budget).
    void submitFailed(const QString& message);
    /// The backend list was read again.
    void backendsListed();
    /// A service call finished (cancel, delete, re-analysis), for tests and the status line.
    void actionFinished(const QString& action, bool ok);
    /// "Open in Warm Start": the job's instance, its measured samples and its backend.
    void openInWarmStartRequested(const engine::Instance& instance, const engine::SampleCounts& samples,
                                  const QString& backend);
    /// The number of running or of queued jobs in the table changed.
    void jobCountsChanged(int running, int queued);

private:
    void fillAccounts();
    void onJobChanged(qint64 localId, int state, const QString& detail);
    void onSelectionChanged();
    void showDetails();
    void updateActions();
    /// The end of a submission (from either submit path): counts it down, reports a failure or shows the job.
    void onSubmitted(const ServiceOutcome<engine::JobRecord>& outcome);
    void afterSubmit(const engine::JobRecord& record);
    void countJobs();

    ProjectDocument* m_document;
    JobsPanelOptions m_options;
    AccountStore m_accounts;
    JobMonitor* m_monitor;
    JobTableModel* m_model;
    std::vector<engine::BackendEntry> m_backendEntries;
    QString m_accountName;
    int m_submissions = 0;  // submissions on their way (resuming must wait for them)
    QString m_defaultBackend = QString::fromLatin1(engine::DEFAULT_JOB_BACKEND);
    int m_runningJobs = 0;
    int m_queuedJobs = 0;

    QComboBox* m_account = nullptr;
    QPushButton* m_addAccount = nullptr;
    QPushButton* m_removeAccount = nullptr;
    QPushButton* m_refreshBackends = nullptr;
    QPushButton* m_newJob = nullptr;
    QLabel* m_accountInfo = nullptr;
    QTableWidget* m_backends = nullptr;
    QLabel* m_backendNote = nullptr;
    QTableView* m_jobView = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_reanalyze = nullptr;
    QPushButton* m_warmStart = nullptr;
    QLabel* m_job = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_reason = nullptr;
    QLabel* m_usage = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_validRate = nullptr;
    QLabel* m_bestValidCost = nullptr;
    QLabel* m_bestEnergy = nullptr;
    QLabel* m_ratio = nullptr;
    QLabel* m_error = nullptr;
    QTableWidget* m_history = nullptr;
};

} // namespace workbench
