// SPDX-License-Identifier: MIT
// The emulator's shared state (jobs, sessions, tokens, faults) and the handlers its source files implement.
#pragma once

#include "emulated_backends.h"
#include "emulator_common.h"
#include "ibm_protocol_emulator.h"
#include "sampler_run.h"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ibmemu {

namespace detail {

/// API versions whose response shapes differ (YYYYMMDD).
inline constexpr int API_2025_01_01 = 20250101;
inline constexpr int API_2026_03_15 = 20260315;
inline constexpr int API_2026_04_15 = 20260415;
/// The version assumed when a request has no IBM-API-Version header (the oldest shapes).
inline constexpr int API_DEFAULT = 20240101;

/// Fixed QPU charge of every job and the charge per execution (shot of one bound circuit), seconds.
inline constexpr double QPU_OVERHEAD_SECONDS = 2.0;
inline constexpr double QPU_SECONDS_PER_EXECUTION = 250e-6;
/// The job-creation rate window.
inline constexpr std::chrono::seconds RATE_WINDOW{60};
/// Most jobs and sessions kept, so that a long-running emulator (or a runaway client) is bounded.
inline constexpr std::size_t MAX_STORED_JOBS = 100'000;

enum class JobStatus { Queued, Running, Completed, Failed, Cancelled };

/// One job, as the service stores it.
struct Job {
    std::string id;
    std::uint64_t sequence = 0;     ///< creation order
    std::string backend;
    std::string programId;
    std::string sessionId;          ///< empty: none
    std::string logLevel;
    std::string calibrationId;
    std::string runtime;
    Json params;
    std::vector<std::string> tags;
    int cost = 600;
    bool isPrivate = false;
    std::uint64_t seed = 0;
    std::optional<JobFailure> injectedFailure;

    JobStatus status = JobStatus::Queued;
    bool ranTooLong = false;        ///< Cancelled with reason code 1305
    int reasonCode = 0;
    std::string reason;
    std::string solution;

    SystemClock::time_point created;
    std::optional<SystemClock::time_point> running;
    std::optional<SystemClock::time_point> finished;
    SteadyClock::time_point queuedAt;   ///< when the queue dwell started

    std::string result;             ///< plain-JSON result body (Completed only)
    bool resultDeleted = false;     ///< a private job's result after its first read
    bool usageFinal = false;
    double qpuSeconds = 0.0;        ///< charged once usageFinal
    std::uint64_t executions = 0;
    std::size_t numCircuits = 0;
    std::vector<int> numQubits;
    std::vector<int> depths;

    bool pending() const { return status == JobStatus::Queued || status == JobStatus::Running; }
};

/// One session or batch.
struct Session {
    std::string id;
    std::string mode;               ///< "batch" or "dedicated"
    std::string backend;
    std::string state = "open";     ///< open, active, inactive, closed
    bool acceptingJobs = true;
    int maxTtl = 28800;
    SystemClock::time_point startedAt;
    SteadyClock::time_point startedSteady;
    std::optional<SystemClock::time_point> activatedAt;
    std::optional<SystemClock::time_point> closedAt;
    std::optional<SystemClock::time_point> lastJobStarted;
    std::optional<SystemClock::time_point> lastJobCompleted;
    std::optional<std::string> stateReason;
    std::vector<std::pair<std::string, SystemClock::time_point>> timestamps;
    std::size_t jobsSubmitted = 0;
};

/// What the common checks of a Quantum API request established.
struct RequestContext {
    std::string token;
    int apiVersion = API_DEFAULT;
};

} // namespace detail

struct IbmProtocolEmulator::Impl {
    explicit Impl(EmulatorOptions opts);

    EmulatorOptions options;
    detail::BackendCatalog backends;
    detail::SystemClock::time_point createdAt = detail::SystemClock::now();

    httplib::Server server;
    std::thread serverThread;
    std::thread workerThread;
    int boundPort = 0;
    std::atomic<bool> stopping{false};

    mutable std::mutex mutex;
    std::condition_variable wake;
    std::map<std::string, detail::SteadyClock::time_point> tokens;  ///< token -> expiry
    std::vector<FaultRule> faults;
    std::deque<JobFailure> pendingFailures;
    bool holdQueued = false;
    std::map<std::string, std::shared_ptr<detail::Job>> jobs;
    std::map<std::string, detail::Session> sessions;
    std::deque<detail::SteadyClock::time_point> recentCreations;
    std::uint64_t nextSequence = 0;
    std::uint64_t nextSeed = 1;
    std::size_t jobsCreated = 0;
    std::size_t tokensIssued = 0;
    std::vector<std::string> log;

    // ibm_protocol_emulator.cpp: dispatch, faults, auth, IAM, versions, backends, usage.
    void serve(const httplib::Request& req, httplib::Response& res);
    void process(const httplib::Request& req, httplib::Response& res);
    void route(const httplib::Request& req, httplib::Response& res);
    std::optional<FaultRule> takeFault(const std::string& method, const std::string& path);
    detail::RequestContext checkCommon(const httplib::Request& req, bool needsCrn);
    void issueToken(const httplib::Request& req, httplib::Response& res);
    void serveBackends(const std::vector<std::string>& parts, const detail::RequestContext& ctx,
                       httplib::Response& res);
    void serveUsage(httplib::Response& res);
    int servedQueueLength(const std::string& backend) const;  ///< lock held
    double consumedSeconds() const;                          ///< lock held
    double usageLimitSeconds() const;
    bool sleepUnlessStopping(double seconds);

    // emulated_jobs.cpp: job endpoints and the worker.
    void createJob(const httplib::Request& req, httplib::Response& res);
    void listJobs(const httplib::Request& req, const detail::RequestContext& ctx, httplib::Response& res);
    void serveJob(const std::string& method, const std::string& id, const std::string& action,
                  const httplib::Request& req, const detail::RequestContext& ctx, httplib::Response& res);
    detail::Json jobJson(const detail::Job& job, int apiVersion, bool includeParams) const;
    detail::Json metricsJson(const detail::Job& job, int apiVersion) const;
    void workerLoop();
    void finishJob(detail::Job& job, detail::JobStatus status);  ///< lock held: terminal bookkeeping

    // emulated_sessions.cpp: sessions.
    void serveSessions(const std::string& method, const std::vector<std::string>& parts,
                       const httplib::Request& req, httplib::Response& res);
    detail::Json sessionJson(const detail::Session& session) const;
    void settleSession(const std::string& id);  ///< lock held: close a non-accepting session without pending jobs
    void expireSessions();                      ///< lock held: close sessions past max_ttl
};

namespace detail {

/// Sends `body` as JSON with `status`.
void sendJson(httplib::Response& res, int status, const Json& body);
/// Parses a JSON request body; HttpError 400 when it is not JSON (or not an object when `object`).
Json parseBody(const httplib::Request& req);

} // namespace detail

} // namespace ibmemu
