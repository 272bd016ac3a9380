// SPDX-License-Identifier: MIT
// Error bodies, random ids, timestamp formatting and parsing for the IBM protocol emulator.
#include "emulator_common.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace ibmemu::detail {

namespace {

std::mt19937_64& engineLocked(std::unique_lock<std::mutex>& lock)
{
    static std::mutex mutex;
    static std::mt19937_64 engine{[] {
        std::random_device device;
        return (std::uint64_t(device()) << 32) ^ device();
    }()};
    lock = std::unique_lock<std::mutex>(mutex);
    return engine;
}

bool allDigits(const std::string& text, std::size_t from, std::size_t count)
{
    if (from + count > text.size())
        return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

int number(const std::string& text, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i)
        value = value * 10 + (text[i] - '0');
    return value;
}

std::optional<std::chrono::sys_days> calendarDate(int y, int m, int d)
{
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                           std::chrono::day{unsigned(d)}};
    if (!date.ok())
        return std::nullopt;
    return std::chrono::sys_days{date};
}

std::string formatUtc(SystemClock::time_point t, int fractionDigits, bool zone)
{
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    std::int64_t seconds = micros / 1'000'000;
    std::int64_t fraction = micros % 1'000'000;
    if (fraction < 0) {
        fraction += 1'000'000;
        --seconds;
    }
    const std::time_t tt = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    std::string out(buffer.data());
    if (fractionDigits == 3)
        std::snprintf(buffer.data(), buffer.size(), ".%03d", int(fraction / 1000));
    else
        std::snprintf(buffer.data(), buffer.size(), ".%06d", int(fraction));
    out += buffer.data();
    if (zone)
        out += 'Z';
    return out;
}

} // namespace

Json errorBody(int code, const std::string& message, const std::string& solution)
{
    Json error{{"code", code}, {"message", message}, {"solution", solution}, {"more_info", MORE_INFO_URL}};
    return Json{{"errors", Json::array({error})}, {"trace", randomUuid()}};
}

int genericErrorCode(int status)
{
    switch (status) {
    case 400: return 1002;
    case 401: return 1201;
    case 403: return 1200;
    case 404: return 1000;
    case 409: return 1003;
    case 429: return 1202;
    default: return status >= 500 ? 1001 : 1000;
    }
}

std::uint64_t randomU64()
{
    std::unique_lock<std::mutex> lock;
    return engineLocked(lock)();
}

std::string randomJobId()
{
    constexpr char ALPHABET[] = "0123456789abcdefghijklmnopqrstuv";
    std::string id;
    std::uint64_t bits = randomU64();
    for (int i = 0; i < 20; ++i) {
        if (i == 12)
            bits = randomU64();
        id += ALPHABET[bits & 31u];
        bits >>= 5;
    }
    return id;
}

std::string randomUuid()
{
    const std::uint64_t a = randomU64();
    const std::uint64_t b = randomU64();
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32),
                  unsigned((a >> 16) & 0xffffu), unsigned(a & 0xfffu), unsigned(0x8000u | ((b >> 48) & 0x3fffu)),
                  static_cast<unsigned long long>(b & 0xffffffffffffull));
    return buffer.data();
}

std::string randomBase64Url(std::size_t count)
{
    constexpr char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve(count);
    std::uint64_t bits = 0;
    int left = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (left < 6) {
            bits = randomU64();
            left = 64;
        }
        out += ALPHABET[bits & 63u];
        bits >>= 6;
        left -= 6;
    }
    return out;
}

std::string base64Url(const std::string& bytes)
{
    constexpr char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned(static_cast<unsigned char>(bytes[i])) << 16) |
                           (unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                           unsigned(static_cast<unsigned char>(bytes[i + 2]));
        out += ALPHABET[(v >> 18) & 63u];
        out += ALPHABET[(v >> 12) & 63u];
        out += ALPHABET[(v >> 6) & 63u];
        out += ALPHABET[v & 63u];
    }
    if (i < bytes.size()) {
        unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size())
            v |= unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += ALPHABET[(v >> 18) & 63u];
        out += ALPHABET[(v >> 12) & 63u];
        if (i + 1 < bytes.size())
            out += ALPHABET[(v >> 6) & 63u];
    }
    return out;
}

std::string isoUtcMillis(SystemClock::time_point t)
{
    return formatUtc(t, 3, true);
}

std::string isoUtcMicrosNoZone(SystemClock::time_point t)
{
    return formatUtc(t, 6, false);
}

std::optional<SystemClock::time_point> parseIsoTime(const std::string& text)
{
    if (!allDigits(text, 0, 4) || text.size() < 10 || text[4] != '-' || !allDigits(text, 5, 2) || text[7] != '-' ||
        !allDigits(text, 8, 2))
        return std::nullopt;
    const auto day = calendarDate(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
    if (!day)
        return std::nullopt;
    SystemClock::time_point t = *day;
    if (text.size() == 10)
        return t;
    if ((text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !allDigits(text, 11, 2) || text.size() < 16 ||
        text[13] != ':' || !allDigits(text, 14, 2))
        return std::nullopt;
    const int hour = number(text, 11, 2);
    const int minute = number(text, 14, 2);
    int second = 0;
    std::size_t pos = 16;
    std::chrono::microseconds fraction{0};
    if (pos < text.size() && text[pos] == ':') {
        if (!allDigits(text, pos + 1, 2))
            return std::nullopt;
        second = number(text, pos + 1, 2);
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            std::int64_t scale = 100000;
            const std::size_t start = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                fraction += std::chrono::microseconds((text[pos] - '0') * scale);
                scale /= 10;
                ++pos;
            }
            if (pos == start)
                return std::nullopt;
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    t += std::chrono::hours(hour) + std::chrono::minutes(minute) + std::chrono::seconds(second) + fraction;
    if (pos == text.size() || ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()))
        return t;
    if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && allDigits(text, pos + 1, 2) &&
        text[pos + 3] == ':' && allDigits(text, pos + 4, 2)) {
        const auto offset = std::chrono::hours(number(text, pos + 1, 2)) + std::chrono::minutes(number(text, pos + 4, 2));
        return text[pos] == '+' ? t - offset : t + offset;
    }
    return std::nullopt;
}

std::optional<int> parseApiVersion(const std::string& text)
{
    if (text.size() != 10 || !allDigits(text, 0, 4) || text[4] != '-' || !allDigits(text, 5, 2) || text[7] != '-' ||
        !allDigits(text, 8, 2))
        return std::nullopt;
    const int y = number(text, 0, 4);
    const int m = number(text, 5, 2);
    const int d = number(text, 8, 2);
    if (!calendarDate(y, m, d))
        return std::nullopt;
    return y * 10000 + m * 100 + d;
}

std::int64_t unixSeconds(SystemClock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

} // namespace ibmemu::detail
