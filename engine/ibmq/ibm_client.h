// SPDX-License-Identifier: MIT
// REST client of the IBM Quantum Platform API v1: backends, Sampler V2 jobs, results, usage and sessions.
#pragma once

#include "ibmq/iam_authenticator.h"
#include "ibmq/ibm_account.h"
#include "ibmq/http_transport.h"
#include "ibmq/retry_policy.h"
#include "ibmq/sampler_results.h"
#include "transpile/device_model.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace engine {

/// The IBM-API-Version the client sends unless told otherwise.
constexpr const char* IBM_DEFAULT_API_VERSION = "2026-04-15";
/// Tag prefix of the client's per-request creation tag ("qw-" + 16 hex digits).
constexpr const char* IBM_CLIENT_TAG_PREFIX = "qw-";
/// Job limits checked before sending (IBM: at most 8 tags of at most 86 characters, cost <= 10800 s).
constexpr std::size_t IBM_MAX_JOB_TAGS = 8;
constexpr std::size_t IBM_MAX_TAG_CHARS = 86;
constexpr int IBM_MAX_EXECUTION_SECONDS = 10800;
constexpr std::int64_t IBM_MAX_SHOTS = 10'000'000;

/// A job's state. "Cancelled - Ran too long" is Cancelled with JobInfo::ranTooLong set.
enum class JobStatus { Queued, Running, Completed, Failed, Cancelled, Unknown };

/// "Queued", "Running", ... ("Unknown" for Unknown).
const char* jobStatusName(JobStatus status) noexcept;
/// Parses a status case-insensitively ("Completed", "DONE" is not an API value and gives Unknown).
JobStatus parseJobStatus(std::string_view text) noexcept;
/// Completed, Failed and Cancelled.
bool isTerminal(JobStatus status) noexcept;

/// One entry of GET /versions.
struct ApiVersionInfo {
    std::string version;    ///< "2026-04-15"
    std::string status;     ///< as sent, may be empty (the older list-of-strings shape has none)
    std::string sunsetDate; ///< may be empty
};

/// One device of GET /backends (either API shape: names only, or objects).
struct BackendSummary {
    std::string name;
    std::string status; ///< "online", "paused", "offline", ... (empty in the names-only shape)
    std::string statusReason;
    bool isSimulator = false;
    int numQubits = 0;             ///< 0 when not sent
    int queueLength = -1;          ///< -1 when not sent
    std::string processorFamily;   ///< "Heron", ...
    std::string processorRevision; ///< as text ("2")
};

/// GET /backends/{name}/status.
struct BackendStatus {
    bool operational = false; ///< `state`
    std::string status;       ///< "active" when usable
    std::string message;
    int queueLength = -1; ///< `length_queue`
    std::string backendVersion;
};

/// One PUB: an OpenQASM 3 circuit, its parameter bindings by name, optional own shots.
/// Every parameter has the same number of values N >= 1. N == 1 for all parameters sends scalars (a scalar PUB:
/// flat samples); otherwise arrays (a PUB of shape (N,): nested samples [N][shots]).
struct SamplerPub {
    std::string circuit;
    std::vector<std::pair<std::string, std::vector<double>>> parameters;
    std::optional<std::int64_t> shots;
};

/// options.dynamical_decoupling; only set fields are sent.
struct DynamicalDecouplingOptions {
    std::optional<bool> enable;
    std::optional<std::string> sequenceType;           ///< XX, XpXm, XY4
    std::optional<std::string> extraSlackDistribution; ///< middle, edges
    std::optional<std::string> schedulingMethod;       ///< alap, asap
    std::optional<bool> skipResetQubits;
};

/// options.twirling; only set fields are sent. 0 in the two counts means "auto".
struct TwirlingOptions {
    std::optional<bool> enableGates;
    std::optional<bool> enableMeasure;
    std::optional<int> numRandomizations;
    std::optional<int> shotsPerRandomization;
    std::optional<std::string> strategy; ///< active, active-accum, active-circuit, all
};

/// options.execution; only set fields are sent.
struct ExecutionOptions {
    std::optional<bool> initQubits;
    std::optional<double> repDelaySeconds; ///< seconds (the configuration's range is in µs)
    std::optional<std::string> measType;   ///< classified, kerneled, avg_kerneled
};

/// params.options of a Sampler V2 job; sent only with the keys that are set.
struct SamplerOptions {
    std::optional<std::int64_t> defaultShots;
    DynamicalDecouplingOptions dynamicalDecoupling;
    TwirlingOptions twirling;
    ExecutionOptions execution;
};

/// A Sampler V2 job (POST /jobs, program "sampler", plain-JSON results).
struct SamplerJobRequest {
    std::string backend;               ///< required, e.g. "ibm_fez"
    std::vector<SamplerPub> pubs;      ///< at least one
    std::optional<std::int64_t> shots; ///< params.shots (PUB shots win)
    SamplerOptions options;
    std::vector<std::string> tags;          ///< user tags (at most 7: the client adds its own)
    std::optional<int> maxExecutionSeconds; ///< `cost`, 1..10800
    std::string sessionId;                  ///< empty: no session
    std::string clientTag;                  ///< empty: the client generates one ("qw-..."); must start "qw-"
};

/// The JSON body of POST /jobs for `request` with `clientTag` appended to the tags. Validates the request first
/// (Error(InvalidArgument) naming the field: backend, pubs[k].parameters, tags[i], options.twirling.strategy, ...).
nlohmann::json samplerJobBody(const SamplerJobRequest& request, const std::string& clientTag);

/// What createSamplerJob returns.
struct CreatedJob {
    std::string id;
    std::string backend;
    std::string sessionId;
    std::string clientTag;       ///< the creation tag the job carries
    bool recoveredByTag = false; ///< the creation answer was lost and the job was found by its tag
};

/// A job as GET /jobs/{id} or GET /jobs describe it.
struct JobInfo {
    std::string id;
    std::string backend;
    JobStatus status = JobStatus::Unknown;
    std::string statusText;             ///< the top-level `status` as sent ("Cancelled - Ran too long")
    std::string reason;                 ///< state.reason
    std::string reasonCode;             ///< state.reason_code (or reasonCode) as text
    std::string solution;               ///< state.reason_solution
    bool ranTooLong = false;            ///< cancelled for exceeding its maximum execution time (code 1305)
    std::optional<double> usageSeconds; ///< usage.seconds or usage.qpu_charge_time_seconds
    std::string sessionId;
    std::vector<std::string> tags;
    std::string created; ///< ISO 8601 as sent
    std::string programId;
    std::optional<std::int64_t> cost;
    nlohmann::json raw; ///< the object as received
};

/// Filters and paging of GET /jobs.
struct JobListQuery {
    int limit = 50; ///< 1..200
    int offset = 0;
    std::optional<bool> pending; ///< true: Queued+Running; false: terminal
    std::string program;         ///< "sampler"
    std::string backend;
    std::string createdAfter; ///< ISO 8601 UTC
    std::string createdBefore;
    bool ascending = false;        ///< sort=ASC (default newest first)
    std::vector<std::string> tags; ///< a job must carry all of them
    std::string sessionId;
};

/// One page of GET /jobs.
struct JobList {
    std::vector<JobInfo> jobs;
    std::int64_t count = 0; ///< total matching jobs
    std::int64_t offset = 0;
    std::int64_t limit = 0;
};

/// GET /jobs/{id}/metrics, both usage shapes.
struct JobMetrics {
    double qpuSeconds = 0.0; ///< usage.qpu_charge_time_seconds (2026-04-15) or usage.quantum_seconds (older)
    bool usageFinal = false; ///< usage.status == "completed"; in the older shape: a `finished` timestamp exists
    std::string created, running, finished; ///< timestamps as sent, empty when absent
    std::optional<std::int64_t> executions;
    std::optional<std::int64_t> numCircuits;
    nlohmann::json raw;
};

/// GET /jobs/{id}/results.
struct JobResults {
    bool available = false; ///< false: 204, the job has no final result (cancelled, or not finished)
    SamplerResult result;
    nlohmann::json raw;
};

/// GET /instances/usage.
struct InstanceUsage {
    std::string instanceId;
    std::string planId;
    std::string periodStart, periodEnd;
    double consumedSeconds = 0.0;
    std::optional<double> limitSeconds;
    std::optional<double> allocationSeconds;
    bool limitReached = false;
    nlohmann::json raw;
};

/// Execution mode of a session.
enum class SessionMode { Batch, Dedicated };

/// A session or batch (POST/GET /sessions).
struct SessionInfo {
    std::string id;
    std::string mode;
    std::string backend;
    std::string state; ///< open, active, inactive, closed, ...
    bool acceptingJobs = false;
    std::optional<std::int64_t> maxTtl;
    std::optional<std::int64_t> activeTtl;
    std::string startedAt, closedAt, stateReason;
    nlohmann::json raw;
};

/// Client settings.
struct IbmClientOptions {
    std::string apiVersion = IBM_DEFAULT_API_VERSION; ///< IBM-API-Version, YYYY-MM-DD
    RetryOptions retry;
    RetryPolicy::SleepFn sleep;    ///< empty: real sleeping (tests inject a recorder)
    std::function<double()> clock; ///< monotonic seconds for token refresh; empty: steady_clock
    double requestTimeoutSeconds = 60.0;
    double jobCreateTimeoutSeconds = 300.0;
    double resultsTimeoutSeconds = 600.0;
    double iamTimeoutSeconds = 30.0;
    std::string userAgent = "qaoa-workbench";
    std::function<std::string()> tagGenerator; ///< empty: "qw-" + 16 random hex digits
};

/// The IBM Quantum Platform client. Every call sends Authorization (Bearer from IAM, refreshed at 80 % of its
/// lifetime), IBM-API-Version, Accept and, except /versions, Service-CRN; fetches a new token and repeats once on
/// a 401; retries per RetryPolicy (GET/PUT/PATCH/DELETE and job cancel on transient 5xx and connection errors, any
/// request on 429 after a wait); is cancellable through `control` (throws TransportError Cancelled); and throws
/// IbmApiError for error answers, TransportError when no answer came, Error(InvalidInput) for malformed bodies.
/// Job and backend ids are opaque, must be non-empty and are percent-encoded into paths.
/// Thread-safe: calls may run concurrently from several threads (the transport must be thread-safe too).
class IbmClient {
public:
    IbmClient(IbmAccount account, std::shared_ptr<HttpTransport> transport, IbmClientOptions options = {});

    /// The account in use, with the API and IAM URLs filled in.
    const IbmAccount& account() const { return m_account; }
    /// The settings given at construction.
    const IbmClientOptions& options() const { return m_options; }
    /// The token source (to count exchanges, or invalidate).
    IamAuthenticator& authenticator() { return *m_auth; }

    /// GET /versions (no instance needed).
    std::vector<ApiVersionInfo> versions(RunControl& control = RunControl::none());

    /// GET /backends.
    std::vector<BackendSummary> backends(RunControl& control = RunControl::none());
    /// GET /backends/{name}/configuration, as received.
    nlohmann::json backendConfiguration(const std::string& name, RunControl& control = RunControl::none());
    /// GET /backends/{name}/properties, as received (null when the device has none: 404 or a null body).
    nlohmann::json backendProperties(const std::string& name, RunControl& control = RunControl::none());
    /// GET /backends/{name}/status.
    BackendStatus backendStatus(const std::string& name, RunControl& control = RunControl::none());
    /// Configuration + properties read into a DeviceModel (the same reader as the bundled snapshots), for the
    /// transpiler and the noisy emulator.
    DeviceModel backendDevice(const std::string& name, RunControl& control = RunControl::none());

    /// POST /jobs, duplicate-safe: the job carries a unique client tag; when the outcome is unknown (connection
    /// lost after sending, timeout, transient 5xx) the client waits, lists jobs by that tag and returns the job
    /// found instead of posting again; only when none is found does it repeat the POST. A 429 waits (Retry-After
    /// or >= rateLimitSeconds) and repeats. Cancelling after the request was sent may leave a job: it carries
    /// `request.clientTag` (set one to be able to look it up).
    CreatedJob createSamplerJob(const SamplerJobRequest& request, RunControl& control = RunControl::none());

    /// GET /jobs/{id} (exclude_params=true).
    JobInfo getJob(const std::string& id, RunControl& control = RunControl::none());
    /// GET /jobs with filters (exclude_params=true).
    JobList listJobs(const JobListQuery& query, RunControl& control = RunControl::none());
    /// The first job carrying `tag` (GET /jobs?tags=...), or nothing.
    std::optional<JobInfo> findJobByTag(const std::string& tag, RunControl& control = RunControl::none());
    /// POST /jobs/{id}/cancel; a 409 throws IbmApiError "job <id> cannot be cancelled ...".
    void cancelJob(const std::string& id, RunControl& control = RunControl::none());
    /// DELETE /jobs/{id} (terminal jobs only).
    void deleteJob(const std::string& id, RunControl& control = RunControl::none());
    /// PUT /jobs/{id}/tags, replacing all tags.
    void replaceJobTags(const std::string& id, const std::vector<std::string>& tags,
                        RunControl& control = RunControl::none());
    /// GET /jobs/{id}/metrics.
    JobMetrics jobMetrics(const std::string& id, RunControl& control = RunControl::none());
    /// GET /jobs/{id}/results: decoded plain-JSON Sampler results; 204 gives available = false; a text body (a
    /// failed job's diagnostics) throws IbmApiError carrying the text from its last "Traceback" on.
    JobResults jobResults(const std::string& id, RunControl& control = RunControl::none());

    /// GET /instances/usage.
    InstanceUsage instanceUsage(RunControl& control = RunControl::none());

    /// POST /sessions {mode, backend[, max_ttl]}. Not repeated after the request may have been sent.
    SessionInfo createSession(SessionMode mode, const std::string& backend, std::optional<int> maxTtlSeconds = {},
                              RunControl& control = RunControl::none());
    /// GET /sessions/{id}.
    SessionInfo getSession(const std::string& id, RunControl& control = RunControl::none());
    /// PATCH /sessions/{id} {"accepting_jobs": false}: closes once its jobs are done.
    void closeSession(const std::string& id, RunControl& control = RunControl::none());
    /// DELETE /sessions/{id}/close: cancels the session and its queued jobs.
    void cancelSession(const std::string& id, RunControl& control = RunControl::none());

private:
    struct Call {
        std::string method = "GET";
        std::string path; ///< below the API base, starting with '/'
        std::vector<std::pair<std::string, std::string>> query;
        std::optional<nlohmann::json> body;
        bool instanceScoped = true;
        bool retryTransient = true;  ///< repeat on transient 5xx and on connection failures after sending
        bool expectJson = true;      ///< parse 2xx bodies (except 204) as JSON
        double timeoutSeconds = 0.0; ///< 0: requestTimeoutSeconds
    };
    struct Answer {
        HttpResponse response;
        nlohmann::json json;
    };

    Answer execute(const Call& call, RunControl& control);
    HttpResponse sendOnce(const Call& call, RunControl& control, bool& reauthUsed);
    HttpRequest buildRequest(const Call& call, const std::string& token) const;
    std::string newClientTag();

    IbmAccount m_account;
    std::shared_ptr<HttpTransport> m_transport;
    IbmClientOptions m_options;
    std::shared_ptr<RetryPolicy> m_retry;
    std::unique_ptr<IamAuthenticator> m_auth;
    std::mutex m_tagMutex;
    std::uint64_t m_tagState = 0;
};

/// Parses one job object (GET /jobs/{id} or an entry of GET /jobs). Throws Error(InvalidInput) without an id.
JobInfo parseJobInfo(const nlohmann::json& job, const std::string& where);

} // namespace engine
