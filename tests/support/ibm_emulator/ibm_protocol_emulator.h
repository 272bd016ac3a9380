// SPDX-License-Identifier: MIT
// A local IBM Quantum Platform (IAM + Quantum API v1) on 127.0.0.1 for tests: real protocol, emulated results.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ibmemu {

/// How the emulator behaves. Defaults: fast dwell times so tests finish quickly.
struct EmulatorOptions {
    std::string apiKey = "emulator-api-key";  ///< the one IBM Cloud API key the IAM stub accepts
    /// The one instance CRN the Quantum API accepts (field 6 = region).
    std::string instanceCrn =
        "crn:v1:bluemix:public:quantum-computing:us-east:a/0a1b2c3d4e5f:0f9e8d7c-emulated-instance::";
    int tokenLifetimeSeconds = 3600;          ///< expires_in of issued access tokens
    double queuedSeconds = 0.2;               ///< a job's dwell time in Queued before Running
    double runningSeconds = 0.2;              ///< at least this long in Running (emulation may take longer)
    int jobCreationsPerMinute = 5;            ///< POST /jobs rate limit per API key (0 = unlimited) -> 429 code 1202
    /// Backends served, by snapshot name (the bundled calibration snapshots through engine deviceFromSpec).
    std::vector<std::string> backends{"fez", "marrakesh", "kingston", "torino", "brisbane", "sherbrooke"};
    std::uint64_t seed = 1;                   ///< noisy-emulation seed of the first job (then +1 per job)
    std::size_t maxRequestBytes = 50u << 20;  ///< larger request bodies -> 413
    std::size_t maxResultBytes = 64u << 20;   ///< larger results -> job Failed with reason code 5302
    /// Instance plan, as /instances/usage reports it. "open": dedicated sessions are refused (403, code 1352) and
    /// jobs without `cost` get 600 s; any other plan allows them and defaults `cost` to 10800 s.
    std::string plan = "open";
    /// Usage limit of the instance per 28-day period (Open plan: 600 s); 0 = none. Once the finished jobs' QPU
    /// charge reaches it, /instances/usage says usage_limit_reached and POST /jobs answers 409.
    double usageLimitSeconds = 600.0;
    /// Heron devices offer the fractional gates rx and rzz (listed in their configuration; rzz angles must lie in
    /// [0, pi/2]), as fractional-capable Herons do on the live service. false: the snapshots' gate lists as they are.
    bool fractionalGates = true;
};

/// What an injected fault does to a matching request.
enum class FaultKind {
    Status,          ///< answer `status` with an IBM error body (code `errorCode`), Retry-After when set
    DropConnection,  ///< close the connection without an answer (after reading the request)
    MalformedJson,   ///< 200 with a body that is not JSON
    TruncatedJson,   ///< 200 with the real body cut in half
    Delay,           ///< answer normally after `delaySeconds` (client timeouts)
    ExpireToken,     ///< invalidate the caller's token first, so the request gets 401 (token expiry)
};

/// A fault for requests whose method matches (empty = any) and whose path starts with `pathPrefix`
/// (e.g. "/api/v1/jobs", "/identity/token"). Fires on the next `count` matching requests (-1 = always).
/// For DropConnection / Status on "POST /api/v1/jobs", `afterEffect` = true performs the request first (the job
/// IS created) and then drops or errors the answer: the "outcome unknown" case a client must resolve by tag.
struct FaultRule {
    std::string method;
    std::string pathPrefix;
    FaultKind kind = FaultKind::Status;
    int status = 500;
    int errorCode = 0;                      ///< IBM error code in the body (0: a generic one for the status)
    std::optional<int> retryAfterSeconds;   ///< Retry-After header on Status faults
    double delaySeconds = 0.0;              ///< Delay faults
    int count = 1;
    bool afterEffect = false;
};

/// A job failure to apply to the next created job(s): Queued, then Failed with this reason.
struct JobFailure {
    int reasonCode = 1517;
    std::string reason = "The instruction is not supported by the target system.";
    std::string solution = "Transpile your circuits for the target before submitting a primitive query.";
};

/// The emulator. Thread-safe: tests call it while the server thread serves clients.
class IbmProtocolEmulator {
public:
    explicit IbmProtocolEmulator(EmulatorOptions options = {});
    ~IbmProtocolEmulator();  ///< stops the server and the job worker
    IbmProtocolEmulator(const IbmProtocolEmulator&) = delete;
    IbmProtocolEmulator& operator=(const IbmProtocolEmulator&) = delete;

    /// Binds 127.0.0.1 on `port` (0 = a free port) and serves in a background thread; returns when it accepts
    /// connections. Throws std::runtime_error when it cannot bind.
    void start(int port = 0);
    void stop();
    int port() const;
    std::string apiBaseUrl() const;  ///< "http://127.0.0.1:<port>/api/v1"
    std::string iamUrl() const;      ///< "http://127.0.0.1:<port>/identity/token"
    const EmulatorOptions& options() const;

    void addFault(const FaultRule& rule);
    void clearFaults();
    /// The next `count` created jobs fail after queueing with `failure`.
    void failNextJobs(const JobFailure& failure, int count = 1);
    /// While held, created jobs stay Queued (a job stuck in the queue); releasing lets them proceed.
    void holdJobsQueued(bool hold);
    /// Backend status for /backends and /backends/{name}/status: "online", "paused" or "offline".
    void setBackendStatus(const std::string& name, const std::string& status, int queueLength);
    /// Invalidates every issued access token (the next Quantum API call with one gets 401).
    void expireAllTokens();

    std::size_t jobsCreated() const;            ///< jobs created by POST /jobs so far (duplicates show here)
    std::size_t tokensIssued() const;           ///< successful IAM exchanges
    std::vector<std::string> requestLog() const;  ///< "METHOD /path" of every request served, in order

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ibmemu
