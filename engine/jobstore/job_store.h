// SPDX-License-Identifier: MIT
// The durable job store: every QPU or emulator job the workbench submits, kept in one SQLite file.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine {

/// The schema version this build writes (SQLite `PRAGMA user_version`). A file with a higher version is refused.
constexpr int JOB_STORE_SCHEMA_VERSION = 1;
/// `PRAGMA application_id` of a job store ("QWBJ"), so that another program's SQLite file is recognised as such.
constexpr std::int32_t JOB_STORE_APPLICATION_ID = 0x5157424A;
/// Default largest raw results document (serialised JSON bytes) one job may store: 256 MiB. IBM documents
/// result payloads above a few hundred MB as failing on its side (reason 5302), so a larger one is a bug.
constexpr std::size_t MAX_RESULTS_BYTES = std::size_t{256} << 20;
/// Default largest size of every other stored text (instance, parameters, calibration, analysis, all OpenQASM
/// texts of one job together, error text): 64 MiB.
constexpr std::size_t MAX_FIELD_BYTES = std::size_t{64} << 20;
/// Most OpenQASM (PUB) texts one job may carry.
constexpr std::size_t MAX_CIRCUITS_PER_JOB = 10000;
/// Longest client tag in characters; IBM accepts tags of at most 86 characters.
constexpr std::size_t MAX_CLIENT_TAG_CHARS = 86;
/// Most rows one list() call returns.
constexpr std::size_t MAX_JOB_LIST_LIMIT = 100000;

/// Where a job is in its life. Recorded, Submitting and Unknown exist only on our side; the rest mirror IBM's
/// `state.status` values (ibm-quantum-rest-api.md section 6.2). Named JobState because ibmq/ibm_client.h owns
/// engine::JobStatus (the API's states only); the job service maps that onto this.
enum class JobState {
    Recorded,    ///< written to the store before the submit request is sent
    Submitting,  ///< the submit request is on its way; a crash here leaves the outcome open
    Queued,      ///< accepted by the provider, waiting
    Running,     ///< executing
    Completed,   ///< finished with results (terminal)
    Failed,      ///< failed (terminal)
    Cancelled,   ///< cancelled by the user or the provider (terminal)
    Unknown,     ///< the submission outcome is unknown (request sent, no answer): look the job up by client tag
};
const char* jobStateName(JobState status) noexcept;         ///< "Recorded", "Queued", ... (IBM spelling)
/// The status named `name`, compared case-insensitively. Throws Error(InvalidArgument) for any other text.
JobState jobStateFromName(std::string_view name);
/// Completed, Failed and Cancelled: a job in one of these never changes again except by explicit correction.
bool isTerminalState(JobState status) noexcept;
/// Recorded, Submitting, Queued, Running, Unknown: the jobs to resume after a restart.
bool isUnfinishedState(JobState status) noexcept;

/// Who runs a job.
enum class JobProvider {
    Ibm,    ///< IBM Quantum Platform
    Local,  ///< the local emulator (`local:*` backends)
};
const char* jobProviderName(JobProvider provider) noexcept;   ///< "ibm" / "local"
/// "ibm" or "local" (exact spelling). Throws Error(InvalidArgument) otherwise.
JobProvider jobProviderFromName(std::string_view name);

/// One entry of a job's status history.
struct JobStateChange {
    JobState status = JobState::Recorded;
    std::string at;          ///< UTC ISO 8601 with milliseconds, "2026-09-01T10:15:30.412Z"
    std::string detail;      ///< free English text (empty when none)
    std::string reasonCode;  ///< provider reason code such as IBM's "1305" (empty when none)
};

/// QPU time charged for a job.
struct JobUsage {
    double qpuSeconds = 0.0;  ///< charged QPU seconds (IBM `usage.qpu_charge_time_seconds`); >= 0
    bool final = false;       ///< true once the provider reports the charge as final (IBM `usage.status` completed)
    std::string chargedAt;    ///< UTC ISO 8601 with ms: the time the charge counts at (decides the month)
};

/// What recordBeforeSubmit() writes: everything known before the request is sent.
struct JobDraft {
    JobProvider provider = JobProvider::Ibm;
    std::string backend;              ///< "ibm_fez", "local:fez", ...; not empty
    std::string clientTag;            ///< tag put on the remote job to find it again; empty: the store makes one
    nlohmann::json instance;          ///< the problem instance (any JSON; null when none)
    nlohmann::json parameters;        ///< p, angles, shots, options (any JSON)
    std::vector<std::string> qasm;    ///< the exact OpenQASM text of every PUB, in submission order
    nlohmann::json calibration;       ///< the calibration snapshot the circuits were transpiled with
    std::string sessionId;            ///< IBM session or batch id; empty when none
};

/// One job as stored.
struct JobRecord {
    std::int64_t localId = 0;            ///< assigned at insert, never reused (also not after remove())
    std::string remoteId;                ///< IBM job id or "local:..." id; empty until attachRemoteId()
    JobProvider provider = JobProvider::Ibm;
    std::string backend;
    JobState status = JobState::Recorded;  ///< the last entry of `history`
    std::vector<JobStateChange> history;    ///< every status change, oldest first; history[0] is Recorded
    std::string createdAt;               ///< UTC ISO 8601 with ms
    std::string updatedAt;               ///< UTC ISO 8601 with ms, time of the last change of any field
    std::string clientTag;
    nlohmann::json instance;
    nlohmann::json parameters;
    std::vector<std::string> qasm;
    nlohmann::json calibration;
    std::string sessionId;
    std::optional<JobUsage> usage;       ///< empty until setUsage()
    nlohmann::json results;              ///< raw provider results; null until storeResults()
    std::string errorText;               ///< empty unless setErrorText() was called
    nlohmann::json analysis;             ///< free JSON owned by the analysis code; null until set
};

/// Which jobs list() and count() return. Every set criterion must hold.
struct JobFilter {
    std::optional<JobProvider> provider;
    std::string backend;                     ///< exact backend name; empty = any
    std::vector<JobState> statuses;         ///< any of these; empty = any
    std::optional<std::chrono::system_clock::time_point> createdFrom;    ///< created at or after
    std::optional<std::chrono::system_clock::time_point> createdBefore;  ///< created strictly before
    std::string text;            ///< substring (ASCII case-insensitive) of remote id, backend, client tag,
                                 ///< session id or error text
    std::size_t limit = 100;     ///< at most this many rows (<= MAX_JOB_LIST_LIMIT)
    std::size_t offset = 0;      ///< rows skipped first (paging)
    bool withPayload = false;    ///< false: instance, qasm, calibration and results are left empty (cheap listing)
};

/// QPU seconds of one provider in one calendar month (UTC).
struct UsageTotal {
    double finalSeconds = 0.0;        ///< sum of final usage values
    double provisionalSeconds = 0.0;  ///< sum of not-yet-final values (pending charges or estimates)
    std::size_t provisionalJobs = 0;  ///< how many jobs contributed a provisional value
    /// The conservative total: provisional values count at their current value until replaced by final ones.
    double totalSeconds() const noexcept { return finalSeconds + provisionalSeconds; }
};

/// Settings of one JobStore connection.
struct JobStoreOptions {
    bool create = true;                          ///< create the file (and its folder) when missing
    int busyTimeoutMs = 15000;                   ///< how long to wait for another writer before Error(Io)
    std::size_t maxResultsBytes = MAX_RESULTS_BYTES;
    std::size_t maxFieldBytes = MAX_FIELD_BYTES;
    /// The clock for every timestamp the store writes (tests pass a fixed one); empty = system_clock::now.
    std::function<std::chrono::system_clock::time_point()> clock;
};

/// A connection to one job store file.
///
/// Durability: the file runs in WAL mode with `synchronous=FULL`, and every change is one `BEGIN IMMEDIATE`
/// transaction, so a change a method has returned from survives a process crash and a power loss, and a killed
/// writer leaves no half-written job. FULL (one fsync of the WAL per commit) rather than NORMAL because
/// the Recorded row is written before a paid QPU submission: losing it on power loss would lose track of
/// charged QPU time. Jobs are rare (IBM accepts 5 submissions a minute), so the fsync costs nothing that matters.
///
/// Concurrency: several JobStore objects, in threads or processes (the GUI and the CLI), may use one file at
/// the same time. Writers wait up to `busyTimeoutMs` for each other (SQLite busy timeout); readers never wait for
/// writers (WAL). Read-modify-write operations (appendStatus, updateAnalysis, ...) run inside one write
/// transaction, so concurrent updates are never lost. One JobStore object must be used by one thread at a time.
///
/// Errors: every failure is an engine::Error whose where() is the file path (or "path:jobs/<id>/<field>"):
/// InvalidInput for a file that is not a job store, is corrupt or has a newer schema; Io for system errors and a
/// writer that did not get the lock in time; InvalidArgument for a bad call (unknown id, terminal job, duplicate
/// remote id); LimitExceeded for a field over its size limit.
class JobStore {
public:
    /// Opens (and with options.create, creates, folder included) the store at `path`, migrating an older schema.
    /// Cheap when the file is up to date (a few header reads; no integrity check, see integrityCheck()).
    explicit JobStore(std::string path, JobStoreOptions options = {});
    ~JobStore();
    /// A moved-from JobStore may only be destroyed or assigned to.
    JobStore(JobStore&&) noexcept;
    JobStore& operator=(JobStore&&) noexcept;
    JobStore(const JobStore&) = delete;
    JobStore& operator=(const JobStore&) = delete;

    const std::string& path() const noexcept;

    /// Inserts a job with status Recorded (one history row) in one transaction, before anything is sent.
    /// Returns the new local id. Throws InvalidArgument for an empty backend, a bad or duplicate client tag.
    std::int64_t recordBeforeSubmit(const JobDraft& draft);
    /// appendStatus(Submitting): allowed from Recorded, Submitting (no-op) and Unknown (a resubmission).
    void markSubmitting(std::int64_t localId);
    /// Sets the remote id. The same id again is a no-op; a different id on a job that has one, or an id that
    /// another job has, is InvalidArgument.
    void attachRemoteId(std::int64_t localId, const std::string& remoteId);
    /// Appends a history row and sets the status, unless the status is already `status` (returns false then).
    /// A terminal job changes only with `correction` (which is recorded in the history like any other change).
    bool appendStatus(std::int64_t localId, JobState status, const std::string& detail = {},
                      const std::string& reasonCode = {}, bool correction = false);
    /// Sets the QPU usage. `chargedAt` defaults to now. A final value cannot be replaced by a provisional one.
    void setUsage(std::int64_t localId, double qpuSeconds, bool final,
                  std::optional<std::chrono::system_clock::time_point> chargedAt = std::nullopt);
    /// Stores the raw results (replacing earlier ones). LimitExceeded above maxResultsBytes serialised.
    void storeResults(std::int64_t localId, const nlohmann::json& results);
    void setErrorText(std::int64_t localId, const std::string& text);
    /// Replaces the analysis document.
    void setAnalysis(std::int64_t localId, const nlohmann::json& analysis);
    /// Reads, changes and writes the analysis document in one write transaction (no lost update between
    /// connections). `change` must not use this JobStore; if it throws, nothing is written.
    void updateAnalysis(std::int64_t localId, const std::function<void(nlohmann::json&)>& change);

    /// The job, with every field, or nullopt. O(size of the job).
    std::optional<JobRecord> get(std::int64_t localId) const;
    std::optional<JobRecord> findByRemoteId(const std::string& remoteId) const;
    std::optional<JobRecord> findByTag(const std::string& clientTag) const;
    /// Jobs matching `filter`, newest first (created time, then local id, descending).
    std::vector<JobRecord> list(const JobFilter& filter = {}) const;
    /// How many jobs match `filter`, ignoring its limit and offset.
    std::size_t count(const JobFilter& filter = {}) const;
    /// Every job in Recorded, Submitting, Queued, Running or Unknown, oldest first, with payload.
    std::vector<JobRecord> unfinished() const;
    /// Deletes the job and its history. Returns false when there was no such job.
    bool remove(std::int64_t localId);

    /// Used QPU seconds of `provider` in calendar month `month` (1-12) of `year` (UTC), by each job's
    /// usage.chargedAt. Final values sum into finalSeconds; provisional ones into provisionalSeconds.
    UsageTotal monthUsage(JobProvider provider, int year, int month) const;
    /// monthUsage(...).totalSeconds(): provisional values count in full, so a budget check based on it never
    /// overstates what is left. A job with no usage recorded counts 0 (record an estimate as provisional usage).
    double monthUsageSeconds(JobProvider provider, int year, int month) const;

    /// Runs `PRAGMA integrity_check`: {"ok"} for a sound file, else SQLite's list of problems. O(file size).
    std::vector<std::string> integrityCheck() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The default store path from the values of XDG_DATA_HOME and HOME (either may be empty):
/// "$XDG_DATA_HOME/qaoa-workbench/jobs.sqlite" when XDG_DATA_HOME is an absolute path (the XDG rule: a relative
/// value is ignored), else "$HOME/.local/share/qaoa-workbench/jobs.sqlite". Throws Error(InvalidArgument)
/// when neither gives an absolute folder. Pure; the caller reads the environment.
std::string defaultJobStorePath(std::string_view xdgDataHome, std::string_view home);

/// `time` as UTC ISO 8601 with milliseconds ("2026-09-01T10:15:30.412Z"), truncated to the millisecond.
/// Throws Error(InvalidArgument) outside the years 1970-9999, where the text would not sort by time.
std::string formatUtcTimestamp(std::chrono::system_clock::time_point time);

} // namespace engine
