// SPDX-License-Identifier: MIT
// Errors answered by the IBM Quantum API and IBM Cloud IAM, parsed from their JSON or text bodies.
#pragma once

#include "core/error.h"
#include "ibmq/http_transport.h"

#include <string>

namespace engine {

/// An error answer of the IBM Quantum API (or IAM). Carries the HTTP status, IBM's error code as text (numbers
/// and strings both occur: "1202", "BXNIM0415E"), message, solution and trace id. `what()` is one line:
/// "<where>: HTTP <status>, IBM code <code>: <message> (solution: <solution>)", parts left out when empty.
/// ErrorCode: 400/404/409/422 InvalidInput, 401/403 InvalidArgument (credentials or permissions), 413/429
/// LimitExceeded, everything else Io.
class IbmApiError : public Error {
public:
    IbmApiError(int httpStatus, std::string ibmCode, std::string message, std::string solution, std::string trace,
                std::string where);

    /// The HTTP status (200 for a failed job's text result).
    int httpStatus() const noexcept { return m_httpStatus; }
    const std::string& ibmCode() const noexcept { return m_ibmCode; }
    const std::string& message() const noexcept { return m_message; }
    const std::string& solution() const noexcept { return m_solution; }
    const std::string& trace() const noexcept { return m_trace; }

private:
    int m_httpStatus;
    std::string m_ibmCode;
    std::string m_message;
    std::string m_solution;
    std::string m_trace;
};

/// Longest error message kept from a body (characters); longer text is cut and marked with "…".
constexpr std::size_t IBM_ERROR_MAX_MESSAGE_CHARS = 2000;

/// Builds the error for a non-success response. Understands the current platform's
/// {"errors":[{"code","message","solution","more_info"}],"trace"}, the older {"error":{"code","message"}},
/// IAM's {"errorCode","errorMessage"} and {"errors":[{"code","message"}],"status_code","trace"}, a bare
/// {"message"} and plain text or HTML (first line, whitespace collapsed). The trace falls back to the
/// "uber-trace-id" / "x-request-id" headers. Never throws on bad bodies. `where` names the request
/// ("GET /jobs/abc"). O(body size).
IbmApiError ibmErrorFromResponse(const HttpResponse& response, const std::string& where);

/// The HTTP statuses IBM documents as transient (500, 502, 503, 504, 520, 521, 522, 524).
bool isTransientHttpStatus(int status) noexcept;

} // namespace engine
