// SPDX-License-Identifier: MIT
// Backoff with full jitter, Retry-After parsing and the 429 rule for the IBM client.
#include "ibmq/retry_policy.h"

#include "ibmq/ibm_errors.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>

namespace engine {

namespace {

std::uint64_t seedFrom(std::uint64_t seed)
{
    if (seed != 0)
        return seed;
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

void realSleep(double seconds, RunControl& control)
{
    using namespace std::chrono;
    const auto end = steady_clock::now() + duration_cast<steady_clock::duration>(duration<double>(seconds));
    while (!control.isCancelled()) {
        const auto now = steady_clock::now();
        if (now >= end)
            return;
        std::this_thread::sleep_for(std::min<steady_clock::duration>(end - now, milliseconds(50)));
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long daysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::optional<double> parseHttpDate(std::string_view text)
{
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    static constexpr std::array<std::string_view, 12> MONTHS{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (text.size() != 29 || text[3] != ',' || text.substr(26) != "GMT")
        return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto day = number(5, 2);
    const auto year = number(12, 4);
    const auto hour = number(17, 2);
    const auto minute = number(20, 2);
    const auto second = number(23, 2);
    const auto monthIt = std::find(MONTHS.begin(), MONTHS.end(), text.substr(8, 3));
    if (!day || !year || !hour || !minute || !second || monthIt == MONTHS.end() || *day < 1 || *day > 31 ||
        *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;
    const auto month = static_cast<unsigned>(monthIt - MONTHS.begin() + 1);
    const long long days = daysFromCivil(*year, month, static_cast<unsigned>(*day));
    return static_cast<double>(days * 86400 + *hour * 3600 + *minute * 60 + *second);
}

} // namespace

RetryPolicy::RetryPolicy(RetryOptions options, SleepFn sleep)
    : m_options(options), m_sleep(sleep ? std::move(sleep) : SleepFn(realSleep)), m_rng(seedFrom(options.seed))
{
    m_options.maxAttempts = std::max(1, m_options.maxAttempts);
    m_options.baseSeconds = std::max(0.0, m_options.baseSeconds);
    m_options.capSeconds = std::max(m_options.baseSeconds, m_options.capSeconds);
    m_options.rateLimitSeconds = std::max(0.0, m_options.rateLimitSeconds);
}

double RetryPolicy::backoff(int retryIndex)
{
    const double ceiling =
        std::min(m_options.capSeconds, m_options.baseSeconds * std::ldexp(1.0, std::clamp(retryIndex, 0, 60)));
    std::lock_guard lock(m_mutex);
    // Top 53 bits give a uniform double in [0, 1) identically on every platform.
    const double unit = static_cast<double>(m_rng() >> 11) * 0x1.0p-53;
    return unit * ceiling;
}

std::optional<double> RetryPolicy::delayFor(int retryIndex, const RetryCause& cause, bool retryableRequest)
{
    if (retryIndex < 0 || retryIndex + 1 >= m_options.maxAttempts)
        return std::nullopt;
    std::optional<double> retryAfter;
    if (cause.retryAfterSeconds && std::isfinite(*cause.retryAfterSeconds))
        retryAfter = std::clamp(*cause.retryAfterSeconds, 0.0, m_options.maxRetryAfterSeconds);
    if (cause.connectionFailure) {
        if (cause.requestSent && !retryableRequest)
            return std::nullopt;
        return backoff(retryIndex);
    }
    if (cause.httpStatus == 429) {
        // "Never immediately": a zero Retry-After still waits one backoff step's ceiling at least.
        if (retryAfter)
            return std::max(*retryAfter, std::min(m_options.rateLimitSeconds, m_options.baseSeconds));
        return std::max(m_options.rateLimitSeconds, backoff(retryIndex));
    }
    if (isTransientStatus(cause.httpStatus) && retryableRequest)
        return retryAfter ? *retryAfter : backoff(retryIndex);
    return std::nullopt;
}

void RetryPolicy::sleep(double seconds, RunControl& control) const
{
    if (seconds > 0.0)
        m_sleep(seconds, control);
}

bool RetryPolicy::isTransientStatus(int status) noexcept
{
    return isTransientHttpStatus(status);
}

std::optional<double> parseRetryAfter(std::string_view value, double nowUnixSeconds)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
        value.remove_suffix(1);
    if (value.empty())
        return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
        const std::string text(value);
        char* end = nullptr;
        const double seconds = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size() || !std::isfinite(seconds))
            return std::nullopt;
        return seconds;
    }
    const auto date = parseHttpDate(value);
    if (!date)
        return std::nullopt;
    return std::max(0.0, *date - nowUnixSeconds);
}

} // namespace engine
