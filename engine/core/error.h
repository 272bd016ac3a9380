// SPDX-License-Identifier: MIT
// Typed engine errors: a code the GUI can translate, an English detail for logs, and the place it refers to.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace engine {

/// What kind of failure an `Error` reports. The Qt layer translates these; the CLI maps them to exit codes.
enum class ErrorCode {
    InvalidArgument,  ///< a caller or command-line argument is out of range or malformed
    InvalidInput,     ///< file or field content breaks a rule (schema, format, value range)
    Io,               ///< a file could not be read or written
    LimitExceeded,    ///< the request is larger than a documented limit (qubits, states, memory)
    Infeasible,       ///< the problem has no solution satisfying the hard constraints
    SolverFailure,    ///< an external solver failed
};

/// Returns a stable lower-case name for `code` ("invalid_input", ...), used in JSON output.
const char* errorCodeName(ErrorCode code) noexcept;

/// "name[index]", the place of one element of a list in an error's where().
std::string indexedPlace(const char* name, std::size_t index);

/// `key` as one JSON-pointer reference token (RFC 6901: '~' becomes "~0", '/' becomes "~1"), for places such as
/// "/counts/<key>" in where().
std::string jsonPointerToken(std::string_view key);

/// The one exception type thrown by the engine.
/// `where()` names the place: a file path, "path:line:column", a JSON pointer such as "/tasks/3/tokens",
/// or an argument name such as "--tasks". `what()` is "where: detail" (or just the detail when where is empty).
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string detail, std::string where = {});

    ErrorCode code() const noexcept { return m_code; }
    const std::string& detail() const noexcept { return m_detail; }
    const std::string& where() const noexcept { return m_where; }

private:
    ErrorCode m_code;
    std::string m_detail;
    std::string m_where;
};

} // namespace engine
