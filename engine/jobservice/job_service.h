// SPDX-License-Identifier: MIT
// One job interface for local and IBM backends: prepare, submit, monitor, cancel, resume and analyse via the store.
#pragma once

#include "core/run_control.h"
#include "ibmq/ibm_account.h"
#include "ibmq/ibm_client.h"
#include "jobservice/backend_listing.h"
#include "jobservice/job_submission.h"
#include "jobservice/local_job_runner.h"
#include "jobstore/job_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace engine {

/// The IBM account of `sources` (Qiskit account file, QISKIT_IBM_TOKEN/QISKIT_IBM_INSTANCE, URL overrides), or
/// nothing when none is configured. A named account that is missing, a malformed file or CRN still throw (the
/// user asked for something that is broken); only "no account anywhere" gives nothing.
std::optional<IbmAccount> findIbmAccount(const IbmAccountSources& sources);

/// An IbmClient on libcurl for `account`.
std::shared_ptr<IbmClient> makeIbmClient(const IbmAccount& account, IbmClientOptions options = {});

/// Settings of a JobService.
struct JobServiceOptions {
    std::shared_ptr<IbmClient> ibm;   ///< null: local backends only (IBM jobs in the store can then not be updated)
    LocalEmulatorFn localEmulator;    ///< empty: emulateCircuit
    int emulatorThreads = 0;          ///< threads of local runs, 0 = all
    /// Waits between polls in wait(); returns early on cancel. Empty: real sleeping in slices of 50 ms.
    std::function<void(double seconds, RunControl& control)> sleep;
    /// Monotonic seconds for wait() timeouts. Empty: steady_clock.
    std::function<double()> clock;
};

/// How wait() polls.
struct WaitOptions {
    double timeoutSeconds = 0.0;       ///< give up after this long (the job goes on); 0 = no limit
    double firstPollSeconds = 0.5;     ///< the first wait between polls
    double maxPollSeconds = 5.0;       ///< the waits grow by `pollGrowth` up to this
    double pollGrowth = 1.5;
    /// Called after every poll with the job as stored (status changes, usage, results).
    std::function<void(const JobRecord&)> progress;
};

/// What resumeUnfinished() did with one job.
struct ResumeOutcome {
    std::int64_t localId = 0;
    JobState before = JobState::Recorded;
    JobState after = JobState::Recorded;
    std::string action;  ///< "found by tag", "refreshed", "not submitted", "resubmitted", "interrupted",
                         ///< "skipped: ...", "error: ..."
};

/// Options of resumeUnfinished().
struct ResumeOptions {
    /// A job recorded but not found on IBM by its tag is submitted again (its stored circuit and parameters)
    /// instead of being marked Failed "not submitted".
    bool resubmitMissing = false;
};

/// The job lifecycle over one JobStore, the same for `local:*` backends (the noisy emulator, run inside
/// submit()) and IBM backends (IbmClient). Every job is written to the store before anything is sent
/// (recordBeforeSubmit, then markSubmitting), so that a crash at any point leaves a record that
/// resumeUnfinished() resolves by the job's client tag without creating a duplicate. Results are stored raw in
/// IBM's Sampler plain-JSON shape for both kinds of backend, so analysis and re-analysis are one code path.
///
/// Thread safety: one JobService per thread (it owns a JobStore connection, which is single-threaded). Several
/// services, in threads or processes, may share one store file and one IbmClient.
class JobService {
public:
    /// Takes over `store`.
    explicit JobService(JobStore store, JobServiceOptions options = {});

    JobStore& store() { return m_store; }
    const JobStore& store() const { return m_store; }
    /// The IBM client, or null.
    IbmClient* ibm() const { return m_options.ibm.get(); }

    /// Local backends, then (with a client) the IBM ones. An IBM listing failure becomes a line in `warnings`
    /// (when given) and the local backends are still returned.
    std::vector<BackendEntry> backends(std::vector<std::string>* warnings = nullptr,
                                       RunControl& control = RunControl::none());

    /// The device of `backend`: a local snapshot, or IBM's live configuration and properties. Throws
    /// Error(InvalidArgument, "backend") for an unknown local name or an IBM backend without a client.
    DeviceModel backendDevice(const std::string& backend, RunControl& control = RunControl::none());

    /// prepareJob for the submission's backend; for IBM also this month's Open Plan usage from the store
    /// (monthUsage, provisional charges in full), what remains, and a warning when the estimate exceeds it.
    PreparedJob prepare(const JobSubmission& submission, RunControl& control = RunControl::none());

    /// Records the job (status Recorded, with instance, parameters, OpenQASM, calibration snapshot and a new
    /// client tag), marks it Submitting, then:
    /// - IBM: creates the Sampler job carrying the client tag, attaches its id, records Queued and the estimate as
    ///   provisional usage. A definite refusal (an error answer, nothing sent) leaves the job Failed with the
    ///   error text; an unknown outcome (the request may have arrived) leaves it Unknown with the error text for
    ///   resumeUnfinished(); cancelling before anything was sent leaves it Cancelled.
    /// - local: records Queued and Running, runs the stored OpenQASM on the emulator, stores the results, records
    ///   Completed and stores the analysis. An emulator failure leaves it Failed with the error text; a cancel
    ///   (checked before the run) leaves it Cancelled.
    /// Returns the job as stored; does not throw for a failed submission (see its status and errorText).
    /// With `refuseOverBudget`, an IBM job whose estimate exceeds the Open Plan's remainder is refused before
    /// anything is recorded (Error(LimitExceeded, "budget")). Throws Error for a bad submission and store errors.
    JobRecord submit(const PreparedJob& job, bool refuseOverBudget = false, RunControl& control = RunControl::none());

    /// IBM: reads the job (GET /jobs/{id}), records a new status with IBM's reason and reason code; once
    /// terminal, fetches and stores the results (before recording Completed, so a Completed job always has them),
    /// the analysis, and the usage (final when IBM says so). Terminal jobs still lacking results or final usage
    /// are completed the same way. Local jobs and jobs without remote id: returned as stored. Throws
    /// Error(InvalidArgument) for an unknown id, IbmApiError/TransportError from the client.
    JobRecord refresh(std::int64_t localId, RunControl& control = RunControl::none());

    /// Polls refresh() until the job is terminal, `options.timeoutSeconds` pass or `control` is cancelled,
    /// waiting firstPollSeconds, growing by pollGrowth up to maxPollSeconds between polls. Transient client
    /// failures (no answer, 5xx, 429) do not end the wait. Returns the job as stored (check its status).
    JobRecord wait(std::int64_t localId, const WaitOptions& options = {}, RunControl& control = RunControl::none());

    /// Cancels the job: IBM jobs with a remote id by POST /jobs/{id}/cancel, then refresh; jobs not yet sent and
    /// local jobs not finished are marked Cancelled in the store. A terminal job is returned unchanged.
    JobRecord cancel(std::int64_t localId, RunControl& control = RunControl::none());

    /// Deletes the job from the store; with `deleteRemote` also the IBM job (terminal jobs only: IBM refuses
    /// others). Returns false when there is no such job.
    bool remove(std::int64_t localId, bool deleteRemote = false, RunControl& control = RunControl::none());

    /// After a restart: for every unfinished job (oldest first), IBM Recorded/Submitting/Unknown: looks its client
    /// tag up on IBM; found: attaches the id and refreshes; not found: Failed "not submitted" (or submits it again
    /// with options.resubmitMissing). IBM Queued/Running: refresh. Local (a run interrupted by a crash): Failed
    /// "interrupted". Without a client, IBM jobs are skipped. One job's failure does not stop the others.
    std::vector<ResumeOutcome> resumeUnfinished(const ResumeOptions& options = {},
                                                RunControl& control = RunControl::none());

    /// Analyses the stored results (analyzeJobRecord, offline) and stores the analysis. Throws
    /// Error(InvalidArgument) for an unknown job or one without results.
    nlohmann::json analyze(std::int64_t localId);

    /// Opens an IBM session (`mode` Dedicated) or batch (Batch) on `backend` by POST /sessions; jobs join it
    /// through JobSubmission::sessionId. `maxTtlSeconds` (1..IBM_MAX_SESSION_TTL_SECONDS) bounds its life; empty:
    /// IBM's default. Throws Error(InvalidArgument, "backend") for a local:* backend ("sessions exist only on IBM
    /// backends") or without a client, Error(InvalidArgument, "maxTtlSeconds") for a bad TTL, and IbmApiError for
    /// IBM's refusal (a dedicated session on the Open plan: 403, code 1352). Not repeated once the request may
    /// have been sent (a lost answer may leave an open session, which expires with its TTL).
    SessionInfo openSession(const std::string& backend, SessionMode mode = SessionMode::Batch,
                            std::optional<int> maxTtlSeconds = {}, RunControl& control = RunControl::none());

    /// GET /sessions/{id}. Throws Error(InvalidArgument) without a client, IbmApiError (404, code 1212) for an
    /// unknown id.
    SessionInfo sessionInfo(const std::string& id, RunControl& control = RunControl::none());

    /// Graceful close (PATCH accepting_jobs false): the session takes no new jobs, finishes the ones it has and
    /// then closes. Returns the session as IBM reports it afterwards.
    SessionInfo closeSession(const std::string& id, RunControl& control = RunControl::none());

    /// Cancels the session and its queued and running jobs (DELETE /sessions/{id}/close), then refreshes the
    /// store's unfinished jobs of the session so that they show how they ended. Returns the session afterwards.
    SessionInfo cancelSession(const std::string& id, RunControl& control = RunControl::none());

    /// The stored jobs that were submitted into session `id`, oldest first. O(jobs whose text fields contain id).
    std::vector<JobRecord> sessionJobs(const std::string& id) const;

    /// The job named by `id`: a local id (digits) or a remote id. Nothing when neither matches.
    std::optional<JobRecord> find(const std::string& id) const;

    /// The job or Error(InvalidArgument, "job <id>").
    JobRecord get(std::int64_t localId) const;

private:
    JobRecord submitIbm(std::int64_t localId, const JobRecord& record, RunControl& control);
    JobRecord runLocal(std::int64_t localId, const JobRecord& record, RunControl& control);
    JobRecord refreshIbm(const JobRecord& record, RunControl& control);
    void storeAnalysis(std::int64_t localId);
    IbmClient& requireIbm(const std::string& what) const;
    double now() const;
    void sleep(double seconds, RunControl& control) const;

    JobStore m_store;
    JobServiceOptions m_options;
};

/// Longest max_ttl of a session IBM accepts (8 hours).
constexpr int IBM_MAX_SESSION_TTL_SECONDS = 28800;

/// "batch" / "dedicated".
const char* sessionModeName(SessionMode mode) noexcept;
/// Parses "batch" or "dedicated"; throws Error(InvalidArgument, "mode") otherwise.
SessionMode sessionModeFromName(const std::string& name);

/// A session as JSON for `qaoa-cli session`: id, mode, backend, state, accepting_jobs, max_ttl, active_ttl,
/// started_at, closed_at, state_reason (absent values as null).
nlohmann::json sessionInfoJson(const SessionInfo& session);

/// A new client tag: "qw-" + 16 hex digits from a random device mixed with the time.
std::string newJobClientTag();

/// IBM's remote job status as the store's state (Unknown stays Unknown).
JobState jobStateFromIbm(JobStatus status) noexcept;

/// A job as JSON for listings and `qaoa-cli jobs show`: local_id, job_id (remote id or null), backend,
/// provider, session_id (or null), status, created, updated, client_tag, usage {qpu_seconds, final}, error, history
/// [{status, at, detail, reason_code}], estimated_qpu_seconds, figures, analysis. `withPayload` adds
/// parameters and qasm.
nlohmann::json jobRecordJson(const JobRecord& record, bool withPayload = false);

} // namespace engine
