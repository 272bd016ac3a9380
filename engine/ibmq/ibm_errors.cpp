// SPDX-License-Identifier: MIT
// Parsing of IBM Quantum / IAM error bodies into IbmApiError with a readable one-line message.
#include "ibmq/ibm_errors.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace engine {

namespace {

ErrorCode codeForStatus(int status)
{
    switch (status) {
    case 400:
    case 404:
    case 409:
    case 422: return ErrorCode::InvalidInput;
    case 401:
    case 403: return ErrorCode::InvalidArgument;
    case 413:
    case 429: return ErrorCode::LimitExceeded;
    default: return ErrorCode::Io;
    }
}

std::string limitText(std::string text)
{
    if (text.size() > IBM_ERROR_MAX_MESSAGE_CHARS) {
        text.resize(IBM_ERROR_MAX_MESSAGE_CHARS);
        // Do not leave half a UTF-8 sequence at the cut.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
            text.pop_back();
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0)
            text.pop_back();
        text += "\xE2\x80\xA6";
    }
    return text;
}

std::string collapseWhitespace(std::string_view text)
{
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string scalarText(const nlohmann::json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<long long>());
    if (value.is_number() || value.is_boolean())
        return value.dump();
    return {};
}

std::string field(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it == object.end() ? std::string() : scalarText(*it);
}

std::string buildWhat(int status, const std::string& code, const std::string& message, const std::string& solution)
{
    std::string text = std::string("HTTP ") + std::to_string(status);
    if (!code.empty())
        text += std::string(", IBM code ") + code;
    if (!message.empty())
        text += std::string(": ") + message;
    if (!solution.empty())
        text += std::string(" (solution: ") + solution + ")";
    return text;
}

/// Text bodies: HTML pages (Cloudflare, the web app) become their <title> or first text, plain text its
/// first non-empty line.
std::string textMessage(const std::string& body)
{
    const std::string_view view(body);
    const std::size_t titleStart = view.find("<title>");
    if (titleStart != std::string_view::npos) {
        const std::size_t titleEnd = view.find("</title>", titleStart);
        if (titleEnd != std::string_view::npos)
            return collapseWhitespace(view.substr(titleStart + 7, titleEnd - titleStart - 7));
    }
    std::size_t pos = 0;
    while (pos < view.size()) {
        std::size_t end = view.find('\n', pos);
        if (end == std::string_view::npos)
            end = view.size();
        std::string line = collapseWhitespace(view.substr(pos, end - pos));
        if (!line.empty())
            return line;
        pos = end + 1;
    }
    return {};
}

} // namespace

IbmApiError::IbmApiError(int httpStatus, std::string ibmCode, std::string message, std::string solution,
                         std::string trace, std::string where)
    : Error(codeForStatus(httpStatus), buildWhat(httpStatus, ibmCode, message, solution), std::move(where)),
      m_httpStatus(httpStatus), m_ibmCode(std::move(ibmCode)), m_message(std::move(message)),
      m_solution(std::move(solution)), m_trace(std::move(trace))
{
}

IbmApiError ibmErrorFromResponse(const HttpResponse& response, const std::string& where)
{
    std::string code;
    std::string message;
    std::string solution;
    std::string trace;

    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object()) {
        const auto errors = body.find("errors");
        if (errors != body.end() && errors->is_array() && !errors->empty()) {
            const nlohmann::json& first = errors->front();
            code = field(first, "code");
            message = field(first, "message");
            solution = field(first, "solution");
            if (message.empty())
                message = field(first, "message_code");
            // Further entries are rare; keep their messages so nothing the server said is lost.
            for (std::size_t i = 1; i < errors->size() && i < 5; ++i) {
                const std::string more = field((*errors)[i], "message");
                if (!more.empty())
                    message += std::string("; ") + more;
            }
        } else if (const auto error = body.find("error"); error != body.end() && error->is_object()) {
            code = field(*error, "code");
            message = field(*error, "message");
            solution = field(*error, "solution");
        } else if (error != body.end() && error->is_string()) {
            message = error->get<std::string>();
        }
        if (code.empty())
            code = field(body, "errorCode");
        if (message.empty())
            message = field(body, "errorMessage");
        if (message.empty())
            message = field(body, "message");
        if (message.empty())
            message = field(body, "detail");
        trace = field(body, "trace");
    } else if (!body.is_discarded()) {
        message = collapseWhitespace(scalarText(body));
    } else {
        message = textMessage(response.body);
    }
    if (trace.empty())
        trace = response.header("uber-trace-id").value_or(response.header("x-request-id").value_or(""));
    if (message.empty())
        message = response.status == 0 ? "no answer" : "no error details in the response";
    return IbmApiError(response.status, limitText(code), limitText(message), limitText(solution), limitText(trace),
                       where);
}

bool isTransientHttpStatus(int status) noexcept
{
    switch (status) {
    case 500:
    case 502:
    case 503:
    case 504:
    case 520:
    case 521:
    case 522:
    case 524: return true;
    default: return false;
    }
}

} // namespace engine
