// SPDX-License-Identifier: MIT
// Helpers shared by the emulator's parts: IBM error bodies, ids, timestamps and API-version dates.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

namespace ibmemu::detail {

using Json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

/// Where IBM's error bodies point for details.
inline constexpr const char* MORE_INFO_URL = "https://quantum.cloud.ibm.com/docs/errors";

/// An answer other than success: thrown by request handlers, turned into the IBM error body
/// `{"errors":[{code,message,solution,more_info}],"trace"}` with HTTP status `status`.
struct HttpError : std::runtime_error {
    HttpError(int status, int code, const std::string& message, std::string solution = {})
        : std::runtime_error(message), status(status), code(code), solution(std::move(solution))
    {
    }
    int status;
    int code;
    std::string solution;
};

/// The IBM error body for one error; `trace` is a fresh random UUID.
Json errorBody(int code, const std::string& message, const std::string& solution);

/// A generic IBM error code for an HTTP status (used when a fault rule names none).
int genericErrorCode(int status);

/// A random source safe to call from any thread (one mutex-protected engine seeded from std::random_device).
std::uint64_t randomU64();
/// 20 characters of [0-9a-v], the job-id form of IBM's cloud.
std::string randomJobId();
/// A random version-4 UUID (session ids, traces).
std::string randomUuid();
/// `count` random base64url characters (token material).
std::string randomBase64Url(std::size_t count);
/// Base64url without padding of `bytes`.
std::string base64Url(const std::string& bytes);

/// "2026-09-01T10:15:30.412Z": ISO 8601 UTC with milliseconds and Z (job `created`, metrics timestamps).
std::string isoUtcMillis(SystemClock::time_point t);
/// "2026-09-01T10:21:05.221657": UTC with microseconds and no zone designator (execution spans).
std::string isoUtcMicrosNoZone(SystemClock::time_point t);
/// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM]" (no zone = UTC); nothing when malformed.
std::optional<SystemClock::time_point> parseIsoTime(const std::string& text);

/// An IBM-API-Version value: a valid calendar date "YYYY-MM-DD", as the integer YYYYMMDD; nothing when malformed.
std::optional<int> parseApiVersion(const std::string& text);

/// Seconds since the Unix epoch.
std::int64_t unixSeconds(SystemClock::time_point t);

} // namespace ibmemu::detail
