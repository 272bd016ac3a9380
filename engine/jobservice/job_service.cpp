// SPDX-License-Identifier: MIT
// The job lifecycle over the job store: record first, then send or emulate, then poll, fetch, analyse, resume.
#include "jobservice/job_service.h"

#include "core/error.h"
#include "ibmq/ibm_errors.h"
#include "jobservice/job_analysis.h"
#include "jobstore/qpu_estimate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>

namespace engine {

namespace {

std::string localRemoteId(std::int64_t localId)
{
    return std::string("local:") + std::to_string(localId);
}

/// True for failures after which polling again later may succeed.
bool isTransientFailure(const Error& error)
{
    if (const auto* t = dynamic_cast<const TransportError*>(&error))
        return !t->cancelled();
    if (const auto* api = dynamic_cast<const IbmApiError*>(&error))
        return api->httpStatus() == 429 || isTransientHttpStatus(api->httpStatus());
    return false;
}

/// True when an error certainly means IBM refused the request (it was read and rejected), so no job exists.
bool isDefiniteRefusal(const Error& error)
{
    if (const auto* api = dynamic_cast<const IbmApiError*>(&error))
        return api->httpStatus() >= 400 && api->httpStatus() < 500 && api->httpStatus() != 408;
    return false;
}

template <class T>
T valueOr(const nlohmann::json& object, const char* key, T fallback)
{
    if (!object.is_object() || !object.contains(key) || object[key].is_null())
        return fallback;
    try {
        return object[key].get<T>();
    } catch (const nlohmann::json::exception&) {
        return fallback;
    }
}

/// The Sampler request of a stored job: its exact OpenQASM texts and the options in its parameters.
SamplerJobRequest samplerRequestFor(const JobRecord& record)
{
    const nlohmann::json& p = record.parameters;
    SamplerJobRequest request;
    request.backend = record.backend;
    for (const std::string& qasm : record.qasm)
        request.pubs.push_back(SamplerPub{qasm, {}, std::nullopt});
    request.shots = valueOr<std::int64_t>(p, "shots", 4000);
    const std::string dd = valueOr<std::string>(p, "dynamical_decoupling", "");
    if (!dd.empty()) {
        request.options.dynamicalDecoupling.enable = true;
        request.options.dynamicalDecoupling.sequenceType = dd;
    }
    if (valueOr<bool>(p, "twirling", false)) {
        request.options.twirling.enableGates = true;
        request.options.twirling.enableMeasure = true;
    }
    request.tags = valueOr<std::vector<std::string>>(p, "tags", {});
    if (const int cost = valueOr<int>(p, "max_execution_seconds", 0); cost > 0)
        request.maxExecutionSeconds = cost;
    request.sessionId = record.sessionId;
    request.clientTag = record.clientTag;
    return request;
}

std::string usageMonthText(std::chrono::system_clock::time_point time, int& year, int& month)
{
    const std::string stamp = formatUtcTimestamp(time);  // "YYYY-MM-DDT..."
    year = std::stoi(stamp.substr(0, 4));
    month = std::stoi(stamp.substr(5, 2));
    return stamp.substr(0, 7);
}

} // namespace

std::optional<IbmAccount> findIbmAccount(const IbmAccountSources& sources)
{
    try {
        return loadIbmAccount(sources);
    } catch (const Error& error) {
        // "No account anywhere" is the normal case of a local-only user; anything asked for explicitly, or a
        // broken file, is an error the user must see.
        if (error.code() == ErrorCode::InvalidArgument && sources.accountName.empty())
            return std::nullopt;
        throw;
    }
}

std::shared_ptr<IbmClient> makeIbmClient(const IbmAccount& account, IbmClientOptions options)
{
    return std::make_shared<IbmClient>(account, std::make_shared<CurlTransport>(), std::move(options));
}

std::string newJobClientTag()
{
    static std::mutex mutex;
    static std::mt19937_64 rng = [] {
        std::random_device device;
        const auto time = static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
        std::seed_seq seq{device(), device(), static_cast<unsigned>(time), static_cast<unsigned>(time >> 32)};
        return std::mt19937_64(seq);
    }();
    std::uint64_t value = 0;
    {
        std::lock_guard lock(mutex);
        value = rng();
    }
    char digits[17];
    std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(value));
    return std::string(IBM_CLIENT_TAG_PREFIX) + digits;
}

JobState jobStateFromIbm(JobStatus status) noexcept
{
    switch (status) {
    case JobStatus::Queued: return JobState::Queued;
    case JobStatus::Running: return JobState::Running;
    case JobStatus::Completed: return JobState::Completed;
    case JobStatus::Failed: return JobState::Failed;
    case JobStatus::Cancelled: return JobState::Cancelled;
    case JobStatus::Unknown: break;
    }
    return JobState::Unknown;
}

JobService::JobService(JobStore store, JobServiceOptions options)
    : m_store(std::move(store)), m_options(std::move(options))
{
}

double JobService::now() const
{
    if (m_options.clock)
        return m_options.clock();
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void JobService::sleep(double seconds, RunControl& control) const
{
    if (m_options.sleep) {
        m_options.sleep(seconds, control);
        return;
    }
    using Clock = std::chrono::steady_clock;
    const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(std::max(0.0, seconds)));
    while (!control.isCancelled()) {
        const Clock::duration left = end - Clock::now();
        if (left <= Clock::duration::zero())
            break;
        std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(50), left));
    }
}

IbmClient& JobService::requireIbm(const std::string& what) const
{
    if (!m_options.ibm)
        throw Error(ErrorCode::InvalidArgument,
                    what + " needs an IBM Quantum account (~/.qiskit/qiskit-ibm.json or QISKIT_IBM_TOKEN and "
                           "QISKIT_IBM_INSTANCE)",
                    "backend");
    return *m_options.ibm;
}

JobRecord JobService::get(std::int64_t localId) const
{
    auto record = m_store.get(localId);
    if (!record)
        throw Error(ErrorCode::InvalidArgument, std::string("no job with local id ") + std::to_string(localId),
                    std::string("job ") + std::to_string(localId));
    return std::move(*record);
}

std::optional<JobRecord> JobService::find(const std::string& id) const
{
    if (id.empty())
        return std::nullopt;
    if (id.size() <= 18 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
        if (auto record = m_store.get(std::stoll(id)))
            return record;
    return m_store.findByRemoteId(id);
}

std::vector<BackendEntry> JobService::backends(std::vector<std::string>* warnings, RunControl& control)
{
    std::vector<BackendEntry> out = listLocalBackends();
    if (m_options.ibm) {
        try {
            std::vector<BackendEntry> ibm = listIbmBackends(*m_options.ibm, control);
            out.insert(out.end(), std::make_move_iterator(ibm.begin()), std::make_move_iterator(ibm.end()));
        } catch (const Error& error) {
            if (control.isCancelled())
                throw;
            if (warnings)
                warnings->push_back(std::string("IBM backends unavailable: ") + error.what());
        }
    }
    return out;
}

DeviceModel JobService::backendDevice(const std::string& backend, RunControl& control)
{
    if (isLocalBackendName(backend))
        return localBackend(backend).device;
    return requireIbm(std::string("backend '") + backend + "'").backendDevice(backend, control);
}

PreparedJob JobService::prepare(const JobSubmission& submission, RunControl& control)
{
    validateSubmission(submission);
    const bool local = isLocalBackendName(submission.backend);
    const DeviceModel device = backendDevice(submission.backend, control);
    PreparedJob job = prepareJob(submission, device, local ? JobProvider::Local : JobProvider::Ibm, control);
    if (!local) {
        int year = 0, month = 0;
        const std::string monthText = usageMonthText(std::chrono::system_clock::now(), year, month);
        PlanBudget budget;
        budget.usedSeconds = m_store.monthUsageSeconds(JobProvider::Ibm, year, month);
        budget.remainingSeconds = openPlanRemaining(budget.usedSeconds);
        budget.exceeded = job.estimatedQpuSeconds > budget.remainingSeconds;
        if (budget.exceeded) {
            char line[200];
            std::snprintf(line, sizeof line,
                          "the estimated %.1f s of QPU time exceed the %.1f s left of the Open Plan's %.0f s in %s",
                          job.estimatedQpuSeconds, budget.remainingSeconds, OPEN_PLAN_SECONDS_PER_MONTH,
                          monthText.c_str());
            job.warnings.emplace_back(line);
        }
        job.budget = budget;
    }
    return job;
}

JobRecord JobService::submit(const PreparedJob& job, bool refuseOverBudget, RunControl& control)
{
    if (job.qasm.empty())
        throw Error(ErrorCode::InvalidArgument, "the job has no circuit; prepare it first", "job");
    if (refuseOverBudget && job.provider == JobProvider::Ibm && job.budget && job.budget->exceeded)
        throw Error(ErrorCode::LimitExceeded,
                    std::string("refused: the estimated ") + std::to_string(job.estimatedQpuSeconds)
                        + " s of QPU time exceed the Open Plan's remaining "
                        + std::to_string(job.budget->remainingSeconds) + " s this month",
                    "budget");
    if (job.provider == JobProvider::Ibm)
        requireIbm(std::string("backend '") + job.backend + "'");
    // prepare() validated this, but a PreparedJob is a plain value that may have been edited since.
    if (job.provider == JobProvider::Local && !job.submission.sessionId.empty())
        throw Error(ErrorCode::InvalidArgument,
                    std::string("sessions exist only on IBM backends, not on '") + job.backend + "'", "sessionId");

    JobDraft draft;
    draft.provider = job.provider;
    draft.backend = job.backend;
    draft.clientTag = newJobClientTag();
    draft.instance = instanceToJson(job.submission.instance);
    draft.parameters = job.parametersJson();
    draft.qasm = {job.qasm};
    draft.calibration = deviceSnapshotJson(job.device);
    draft.sessionId = job.submission.sessionId;
    // The row exists, durably, before any request leaves: whatever happens next, the job can be found again.
    const std::int64_t localId = m_store.recordBeforeSubmit(draft);
    m_store.markSubmitting(localId);
    const JobRecord record = get(localId);
    return job.provider == JobProvider::Local ? runLocal(localId, record, control)
                                              : submitIbm(localId, record, control);
}

JobRecord JobService::submitIbm(std::int64_t localId, const JobRecord& record, RunControl& control)
{
    IbmClient& client = requireIbm(std::string("backend '") + record.backend + "'");
    if (control.isCancelled()) {
        m_store.appendStatus(localId, JobState::Cancelled, "cancelled before the request was sent");
        return get(localId);
    }
    const SamplerJobRequest request = samplerRequestFor(record);
    std::optional<CreatedJob> created;
    try {
        created = client.createSamplerJob(request, control);
    } catch (const Error& error) {
        const std::string text = error.what();
        // Before deciding, look for the tag once more: whatever failed, the job may exist.
        std::optional<JobInfo> found;
        bool lookupFailed = false;
        if (!control.isCancelled()) {
            try {
                found = client.findJobByTag(record.clientTag, control);
            } catch (const Error&) {
                lookupFailed = true;
            }
        } else {
            lookupFailed = true;
        }
        if (found) {
            created = CreatedJob{found->id, found->backend, found->sessionId, record.clientTag, true};
        } else {
            m_store.setErrorText(localId, text);
            if (!lookupFailed && isDefiniteRefusal(error))
                m_store.appendStatus(localId, JobState::Failed, std::string("not submitted: ") + text);
            else
                m_store.appendStatus(localId, JobState::Unknown,
                                     std::string("submission outcome unknown (resume looks the job up by its tag): ") + text);
            return get(localId);
        }
    }
    m_store.attachRemoteId(localId, created->id);
    m_store.appendStatus(localId, JobState::Queued, created->recoveredByTag ? "found by client tag" : "");
    // Counted against the month at once, so a second submission sees this one's cost before IBM reports it.
    if (!record.usage)
        m_store.setUsage(localId, valueOr<double>(record.parameters, "estimated_qpu_seconds", 0.0), false);
    return get(localId);
}

JobRecord JobService::runLocal(std::int64_t localId, const JobRecord& record, RunControl& control)
{
    if (control.isCancelled()) {
        m_store.appendStatus(localId, JobState::Cancelled, "cancelled before the run started");
        return get(localId);
    }
    m_store.attachRemoteId(localId, localRemoteId(localId));
    m_store.appendStatus(localId, JobState::Queued);
    m_store.appendStatus(localId, JobState::Running, "noisy emulator");
    nlohmann::json results;
    try {
        if (record.qasm.size() != 1)
            throw Error(ErrorCode::InvalidInput, "a local job runs exactly one circuit", "qasm");
        LocalRunOptions options;
        options.shots = valueOr<std::uint64_t>(record.parameters, "shots", 4000);
        options.seed = valueOr<std::uint64_t>(record.parameters, "seed", 1);
        options.threads = m_options.emulatorThreads;
        options.emulator = m_options.localEmulator;
        results = runLocalSampler(record.qasm[0], localBackend(record.backend), options);
    } catch (const Error& error) {
        m_store.setErrorText(localId, error.what());
        if (!isTerminalState(get(localId).status))
            m_store.appendStatus(localId, JobState::Failed, error.what());
        return get(localId);
    }
    // Another process may have cancelled the job while it ran; its decision stands.
    if (isTerminalState(get(localId).status))
        return get(localId);
    m_store.storeResults(localId, results);
    m_store.appendStatus(localId, JobState::Completed);
    storeAnalysis(localId);
    return get(localId);
}

void JobService::storeAnalysis(std::int64_t localId)
{
    nlohmann::json analysis;
    try {
        analysis = analyzeJobRecord(get(localId));
    } catch (const Error& error) {
        // The raw results are kept either way; a failed analysis is reported, and can be redone after a fix.
        analysis = {{"error", error.what()}};
    }
    m_store.setAnalysis(localId, analysis);
}

nlohmann::json JobService::analyze(std::int64_t localId)
{
    const nlohmann::json analysis = analyzeJobRecord(get(localId));
    m_store.setAnalysis(localId, analysis);
    return analysis;
}

JobRecord JobService::refresh(std::int64_t localId, RunControl& control)
{
    const JobRecord record = get(localId);
    if (record.provider == JobProvider::Local || record.remoteId.empty())
        return record;
    return refreshIbm(record, control);
}

JobRecord JobService::refreshIbm(const JobRecord& record, RunControl& control)
{
    IbmClient& client = requireIbm(std::string("updating IBM job ") + std::to_string(record.localId));
    const std::int64_t id = record.localId;
    JobState state = record.status;
    std::string reason, reasonCode;
    if (!isTerminalState(state)) {
        const JobInfo info = client.getJob(record.remoteId, control);
        state = jobStateFromIbm(info.status);
        if (state == JobState::Unknown)
            return get(id);
        reason = info.reason;
        if (!info.solution.empty()) {
            if (reason.empty())
                reason = info.solution;
            else
                reason += std::string(" (solution: ") + info.solution + ")";
        }
        if (state == JobState::Cancelled && info.ranTooLong)
            reason = std::string("ran too long") + (reason.empty() ? std::string() : std::string(": ") + reason);
        reasonCode = info.reasonCode;
    }
    if (state == JobState::Completed && record.results.is_null()) {
        const JobResults results = client.jobResults(record.remoteId, control);
        if (results.available)
            m_store.storeResults(id, results.raw);
        else
            m_store.setErrorText(id, "IBM reports the job completed but returned no results");
    }
    if (!isTerminalState(record.status)) {
        m_store.appendStatus(id, state, reason, reasonCode);
        if (state == JobState::Failed && !reason.empty())
            m_store.setErrorText(id, reason);
    }
    if (!isTerminalState(state))
        return get(id);

    const JobRecord now = get(id);
    if (!now.results.is_null() && now.analysis.is_null())
        storeAnalysis(id);
    if (!now.usage || !now.usage->final) {
        try {
            const JobMetrics metrics = client.jobMetrics(record.remoteId, control);
            if (metrics.usageFinal || !now.usage || !now.usage->final)
                m_store.setUsage(id, metrics.qpuSeconds, metrics.usageFinal);
        } catch (const Error& error) {
            // Usage is bookkeeping: the job's outcome is stored; the next refresh tries again.
            if (control.isCancelled())
                throw;
        }
    }
    return get(id);
}

JobRecord JobService::wait(std::int64_t localId, const WaitOptions& options, RunControl& control)
{
    const double start = now();
    double delay = std::max(0.0, options.firstPollSeconds);
    for (;;) {
        JobRecord record;
        try {
            record = refresh(localId, control);
        } catch (const Error& error) {
            if (control.isCancelled() || !isTransientFailure(error))
                throw;
            record = get(localId);
        }
        if (options.progress)
            options.progress(record);
        if (isTerminalState(record.status) || control.isCancelled())
            return record;
        if (options.timeoutSeconds > 0.0 && now() - start >= options.timeoutSeconds)
            return record;
        double wait = delay;
        if (options.timeoutSeconds > 0.0)
            wait = std::min(wait, std::max(0.0, options.timeoutSeconds - (now() - start)));
        sleep(wait, control);
        delay = std::min(std::max(options.maxPollSeconds, options.firstPollSeconds),
                         delay * std::max(1.0, options.pollGrowth));
    }
}

JobRecord JobService::cancel(std::int64_t localId, RunControl& control)
{
    JobRecord record = get(localId);
    if (isTerminalState(record.status))
        return record;
    if (record.provider == JobProvider::Local) {
        m_store.appendStatus(localId, JobState::Cancelled, "cancelled by the user");
        return get(localId);
    }
    IbmClient& client = requireIbm(std::string("cancelling IBM job ") + std::to_string(localId));
    if (record.remoteId.empty()) {
        if (record.status != JobState::Recorded) {
            // The request may have arrived: cancel what IBM has under the tag rather than leave it running.
            if (auto found = client.findJobByTag(record.clientTag, control)) {
                m_store.attachRemoteId(localId, found->id);
                record = get(localId);
            }
        }
        if (record.remoteId.empty()) {
            m_store.appendStatus(localId, JobState::Cancelled, "cancelled before it reached IBM");
            return get(localId);
        }
    }
    try {
        client.cancelJob(record.remoteId, control);
    } catch (const IbmApiError& error) {
        // 409: it finished meanwhile; the refresh below records how.
        if (error.httpStatus() != 409)
            throw;
    }
    return refreshIbm(get(localId), control);
}

bool JobService::remove(std::int64_t localId, bool deleteRemote, RunControl& control)
{
    const auto record = m_store.get(localId);
    if (!record)
        return false;
    if (deleteRemote && record->provider == JobProvider::Ibm && !record->remoteId.empty()) {
        if (!isTerminalState(record->status))
            throw Error(ErrorCode::InvalidArgument,
                        std::string("IBM deletes finished jobs only; cancel job ") + std::to_string(localId) + " first",
                        std::string("job ") + std::to_string(localId));
        try {
            requireIbm(std::string("deleting IBM job ") + std::to_string(localId)).deleteJob(record->remoteId, control);
        } catch (const IbmApiError& error) {
            if (error.httpStatus() != 404)  // already gone: the goal is reached
                throw;
        }
    }
    return m_store.remove(localId);
}

SessionInfo JobService::openSession(const std::string& backend, SessionMode mode, std::optional<int> maxTtlSeconds,
                                    RunControl& control)
{
    if (backend.empty())
        throw Error(ErrorCode::InvalidArgument, "a session needs a backend", "backend");
    if (isLocalBackendName(backend))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("sessions exist only on IBM backends, not on '") + backend + "'", "backend");
    if (maxTtlSeconds && (*maxTtlSeconds < 1 || *maxTtlSeconds > IBM_MAX_SESSION_TTL_SECONDS))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("the session's maximum time to live must be in 1..")
                        + std::to_string(IBM_MAX_SESSION_TTL_SECONDS) + " s",
                    "maxTtlSeconds");
    IbmClient& client = requireIbm(std::string("a session on '") + backend + "'");
    return client.createSession(mode, backend, maxTtlSeconds, control);
}

SessionInfo JobService::sessionInfo(const std::string& id, RunControl& control)
{
    return requireIbm(std::string("session ") + id).getSession(id, control);
}

SessionInfo JobService::closeSession(const std::string& id, RunControl& control)
{
    IbmClient& client = requireIbm(std::string("closing session ") + id);
    client.closeSession(id, control);
    return client.getSession(id, control);
}

SessionInfo JobService::cancelSession(const std::string& id, RunControl& control)
{
    IbmClient& client = requireIbm(std::string("cancelling session ") + id);
    client.cancelSession(id, control);
    for (const JobRecord& record : sessionJobs(id)) {
        if (isTerminalState(record.status) || record.remoteId.empty())
            continue;
        try {
            refreshIbm(get(record.localId), control);  // the listing leaves the payload out
        } catch (const Error&) {
            // The cancel itself succeeded; a job that cannot be read now is settled by its next refresh.
            if (control.isCancelled())
                throw;
        }
    }
    return client.getSession(id, control);
}

std::vector<JobRecord> JobService::sessionJobs(const std::string& id) const
{
    std::vector<JobRecord> out;
    if (id.empty())
        return out;
    // The store searches text fields by substring; the exact comparison below keeps only this session's jobs.
    JobFilter filter;
    filter.text = id;
    filter.limit = 1000;
    for (;;) {
        const std::vector<JobRecord> page = m_store.list(filter);
        for (const JobRecord& record : page)
            if (record.sessionId == id)
                out.push_back(record);
        if (page.size() < filter.limit)
            break;
        filter.offset += page.size();
    }
    // Rows inserted while paging shift the pages; a job seen twice is kept once.
    std::sort(out.begin(), out.end(), [](const JobRecord& a, const JobRecord& b) { return a.localId < b.localId; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const JobRecord& a, const JobRecord& b) { return a.localId == b.localId; }),
              out.end());
    return out;
}

std::vector<ResumeOutcome> JobService::resumeUnfinished(const ResumeOptions& options, RunControl& control)
{
    std::vector<ResumeOutcome> out;
    for (const JobRecord& record : m_store.unfinished()) {
        if (control.isCancelled())
            break;
        ResumeOutcome o;
        o.localId = record.localId;
        o.before = record.status;
        try {
            if (record.provider == JobProvider::Local) {
                m_store.setErrorText(record.localId, "interrupted: the run ended before it finished");
                m_store.appendStatus(record.localId, JobState::Failed,
                                     "interrupted: the process running the emulation ended before it finished");
                o.action = "interrupted";
            } else if (!m_options.ibm) {
                o.action = "skipped: no IBM account";
            } else if (!record.remoteId.empty()) {
                refreshIbm(record, control);
                o.action = "refreshed";
            } else {
                IbmClient& client = *m_options.ibm;
                if (auto found = client.findJobByTag(record.clientTag, control)) {
                    m_store.attachRemoteId(record.localId, found->id);
                    if (!record.usage)
                        m_store.setUsage(record.localId,
                                         valueOr<double>(record.parameters, "estimated_qpu_seconds", 0.0), false);
                    refreshIbm(get(record.localId), control);
                    o.action = "found by tag";
                } else if (options.resubmitMissing) {
                    m_store.markSubmitting(record.localId);
                    submitIbm(record.localId, get(record.localId), control);
                    o.action = "resubmitted";
                } else {
                    const std::string text = std::string("not submitted: no IBM job carries tag ") + record.clientTag;
                    m_store.setErrorText(record.localId, text);
                    m_store.appendStatus(record.localId, JobState::Failed, text);
                    o.action = "not submitted";
                }
            }
        } catch (const Error& error) {
            if (control.isCancelled())
                throw;
            o.action = std::string("error: ") + error.what();
        }
        o.after = get(record.localId).status;
        out.push_back(std::move(o));
    }
    return out;
}

const char* sessionModeName(SessionMode mode) noexcept
{
    return mode == SessionMode::Dedicated ? "dedicated" : "batch";
}

SessionMode sessionModeFromName(const std::string& name)
{
    if (name == "batch")
        return SessionMode::Batch;
    if (name == "dedicated")
        return SessionMode::Dedicated;
    throw Error(ErrorCode::InvalidArgument, std::string("session mode must be batch or dedicated, not '") + name + "'",
                "mode");
}

nlohmann::json sessionInfoJson(const SessionInfo& s)
{
    const auto textOrNull = [](const std::string& text) {
        return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
    };
    const auto numberOrNull = [](const std::optional<std::int64_t>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    return {{"id", s.id},
            {"mode", textOrNull(s.mode)},
            {"backend", textOrNull(s.backend)},
            {"state", textOrNull(s.state)},
            {"accepting_jobs", s.acceptingJobs},
            {"max_ttl", numberOrNull(s.maxTtl)},
            {"active_ttl", numberOrNull(s.activeTtl)},
            {"started_at", textOrNull(s.startedAt)},
            {"closed_at", textOrNull(s.closedAt)},
            {"state_reason", textOrNull(s.stateReason)}};
}

nlohmann::json jobRecordJson(const JobRecord& r, bool withPayload)
{
    nlohmann::json history = nlohmann::json::array();
    for (const JobStateChange& c : r.history)
        history.push_back({{"status", jobStateName(c.status)},
                           {"at", c.at},
                           {"detail", c.detail},
                           {"reason_code", c.reasonCode.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.reasonCode)}});
    nlohmann::json j{{"local_id", r.localId},
                     {"job_id", r.remoteId.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.remoteId)},
                     {"backend", r.backend},
                     {"provider", jobProviderName(r.provider)},
                     {"session_id", r.sessionId.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.sessionId)},
                     {"status", jobStateName(r.status)},
                     {"created", r.createdAt},
                     {"updated", r.updatedAt},
                     {"client_tag", r.clientTag},
                     {"error", r.errorText.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.errorText)},
                     {"history", std::move(history)}};
    j["usage"] = r.usage ? nlohmann::json{{"qpu_seconds", r.usage->qpuSeconds}, {"final", r.usage->final}}
                         : nlohmann::json(nullptr);
    const nlohmann::json& p = r.parameters;
    j["estimated_qpu_seconds"] = p.is_object() && p.contains("estimated_qpu_seconds") ? p["estimated_qpu_seconds"]
                                                                                        : nlohmann::json(nullptr);
    j["figures"] = p.is_object() && p.contains("figures") ? p["figures"] : nlohmann::json(nullptr);
    j["p"] = p.is_object() && p.contains("p") ? p["p"] : nlohmann::json(nullptr);
    j["shots"] = p.is_object() && p.contains("shots") ? p["shots"] : nlohmann::json(nullptr);
    j["instance_name"] = p.is_object() && p.contains("instance_name") ? p["instance_name"] : nlohmann::json(nullptr);
    j["analysis"] = r.analysis;
    if (withPayload) {
        j["parameters"] = r.parameters;
        j["qasm"] = r.qasm;
    }
    return j;
}

} // namespace engine
