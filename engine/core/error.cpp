// SPDX-License-Identifier: MIT
// Typed engine errors.
#include "core/error.h"

namespace engine {

namespace {
std::string composeMessage(const std::string& detail, const std::string& where)
{
    // NOTE: built with append() because GCC 12 at -O3 warns falsely (-Wrestrict) on chained operator+.
    if (where.empty())
        return detail;
    std::string message;
    message.reserve(where.size() + 2 + detail.size());
    message.append(where).append(": ").append(detail);
    return message;
}
} // namespace

std::string indexedPlace(const char* name, std::size_t index)
{
    std::string text(name);
    text += '[';
    text += std::to_string(index);
    text += ']';
    return text;
}

std::string jsonPointerToken(std::string_view key)
{
    std::string escaped;
    escaped.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

const char* errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::InvalidInput: return "invalid_input";
    case ErrorCode::Io: return "io";
    case ErrorCode::LimitExceeded: return "limit_exceeded";
    case ErrorCode::Infeasible: return "infeasible";
    case ErrorCode::SolverFailure: return "solver_failure";
    }
    return "unknown";
}

Error::Error(ErrorCode code, std::string detail, std::string where)
    : std::runtime_error(composeMessage(detail, where))
    , m_code(code)
    , m_detail(std::move(detail))
    , m_where(std::move(where))
{
}

} // namespace engine
