// SPDX-License-Identifier: MIT
// When and how long the IBM client waits before repeating a failed request: backoff, jitter and rate limits.
#pragma once

#include "core/run_control.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>

namespace engine {

/// Settings of `RetryPolicy`. Times in seconds.
struct RetryOptions {
    int maxAttempts = 6;                 ///< tries per request including the first (1 = never retry)
    double baseSeconds = 0.5;            ///< backoff scale: retry k (0-based) waits U(0, min(cap, base * 2^k))
    double capSeconds = 30.0;            ///< upper bound of one backoff wait
    double rateLimitSeconds = 12.0;      ///< wait after a 429 without Retry-After (5 job creations per minute)
    double maxRetryAfterSeconds = 600.0; ///< a longer Retry-After is clamped to this
    std::uint64_t seed = 0;              ///< jitter seed; 0 draws one from std::random_device
};

/// What a request failed with, for `RetryPolicy::delayFor`.
struct RetryCause {
    int httpStatus = 0;                      ///< 0 for a transport failure
    bool connectionFailure = false;          ///< no HTTP answer
    bool requestSent = true;                 ///< for connection failures: the request may have reached the server
    std::optional<double> retryAfterSeconds; ///< the parsed Retry-After header
};

/// Exponential backoff with full jitter, Retry-After, and the 429 rule (never retry a 429 immediately).
/// Which requests may be retried is the caller's decision (`retryable` arguments): the policy only knows the
/// statuses. The sleep function is injectable so tests record waits instead of sleeping.
/// Thread-safe: the jitter generator is guarded by a mutex; the sleep function may be called concurrently.
class RetryPolicy {
public:
    /// Waits `seconds`; returns early when `control` is cancelled. The default sleeps in slices of at most
    /// 50 ms, polling cancellation.
    using SleepFn = std::function<void(double seconds, RunControl& control)>;

    explicit RetryPolicy(RetryOptions options = {}, SleepFn sleep = {});

    /// The settings in force (after clamping nonsensical values).
    const RetryOptions& options() const { return m_options; }

    /// The wait before retry number `retryIndex` (0 = the first retry) after `cause`, or nothing when the
    /// request must not be repeated: attempts exhausted, a status that is neither transient nor 429, or
    /// `retryableRequest` false (for 5xx and for connection failures after sending). 429 is always retryable
    /// within the attempt budget because the server refused the request. Retry-After (clamped) wins when
    /// present; a 429 without it waits rateLimitSeconds. Draws jitter (advances the generator).
    std::optional<double> delayFor(int retryIndex, const RetryCause& cause, bool retryableRequest);

    /// U(0, min(cap, base * 2^retryIndex)), from the seeded generator.
    double backoff(int retryIndex);

    /// Calls the sleep function.
    void sleep(double seconds, RunControl& control) const;

    /// True for 500, 502, 503, 504, 520, 521, 522 and 524.
    static bool isTransientStatus(int status) noexcept;

private:
    RetryOptions m_options;
    SleepFn m_sleep;
    mutable std::mutex m_mutex;
    std::mt19937_64 m_rng;
};

/// Parses a Retry-After value: delta seconds ("120", decimals tolerated) or an IMF-fixdate
/// ("Wed, 21 Oct 2026 07:28:00 GMT", converted against `nowUnixSeconds`). Negative results become 0; anything
/// else gives nothing.
std::optional<double> parseRetryAfter(std::string_view value, double nowUnixSeconds);

} // namespace engine
