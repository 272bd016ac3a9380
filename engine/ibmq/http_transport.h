// SPDX-License-Identifier: MIT
// The HTTP layer under the IBM Quantum client: plain request/response values, an abstract transport, and libcurl.
#pragma once

#include "core/error.h"
#include "core/run_control.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace engine {

/// Largest response body `CurlTransport` accepts by default (bytes); larger bodies fail as TransportError.
constexpr std::size_t HTTP_DEFAULT_MAX_RESPONSE_BYTES = std::size_t{512} << 20;

/// One HTTP request. `headers` are sent in order as "Name: value"; `timeoutSeconds` bounds the whole exchange.
struct HttpRequest {
    std::string method = "GET"; ///< GET, POST, PUT, PATCH or DELETE
    std::string url;            ///< absolute http:// or https:// URL including the query
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body; ///< sent when non-empty (and always for POST/PUT/PATCH)
    double timeoutSeconds = 60.0;

    /// The value of header `name` (case-insensitive), or nothing.
    std::optional<std::string> header(std::string_view name) const;
};

/// One HTTP response as received (no redirects are followed). Header names keep the server's spelling.
struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// The value of the last header called `name` (case-insensitive), or nothing.
    std::optional<std::string> header(std::string_view name) const;
};

/// Why a request got no HTTP answer.
enum class TransportFailure {
    ConnectFailed,  ///< name resolution, TCP or TLS setup failed: the request was certainly not sent
    Timeout,        ///< the connect or total timeout expired
    ConnectionLost, ///< the connection broke (reset, closed without an answer, malformed answer)
    Cancelled,      ///< the caller's RunControl asked to stop
    TooLarge,       ///< the response body exceeded the transport's limit
    Other,          ///< any other transport-level failure
};

/// Stable lower-case name of `failure` ("timeout", ...), for messages.
const char* transportFailureName(TransportFailure failure) noexcept;

/// A request that got no HTTP answer. `requestSent()` is true when the request may have reached the server
/// (bytes of it were written before the failure): for a POST the outcome is then unknown and the caller must not
/// blindly repeat it. Error code Io.
class TransportError : public Error {
public:
    TransportError(TransportFailure failure, bool requestSent, std::string detail, std::string where);

    /// Why no answer came.
    TransportFailure failure() const noexcept { return m_failure; }
    /// True when bytes of the request were written, so the server may have acted on it.
    bool requestSent() const noexcept { return m_requestSent; }
    /// True for a failure caused by the caller's cancel request.
    bool cancelled() const noexcept { return m_failure == TransportFailure::Cancelled; }

private:
    TransportFailure m_failure;
    bool m_requestSent;
};

/// Sends one request and returns the server's answer, whatever its status. Implementations throw TransportError
/// when no answer arrives and must poll `control.isCancelled()` while waiting (throwing a Cancelled
/// TransportError). Implementations are thread-safe: the client sends from several threads at once.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    /// Sends `request`; returns the answer (any status) or throws TransportError.
    virtual HttpResponse send(const HttpRequest& request, RunControl& control) = 0;
};

/// Settings of `CurlTransport`.
struct CurlTransportOptions {
    double connectTimeoutSeconds = 10.0; ///< TCP + TLS setup
    std::size_t maxResponseBytes = HTTP_DEFAULT_MAX_RESPONSE_BYTES;
    bool verifyPeer = true;   ///< TLS certificate and host name checks
    std::string caBundlePath; ///< empty: libcurl's default CA store
};

/// HttpTransport on libcurl: one easy handle per call (no shared state, so calls from several threads are
/// independent), TLS verified, no redirects, no "Expect: 100-continue". Cancellation is polled from libcurl's
/// progress callback (at least once a second, more often while data flows).
class CurlTransport : public HttpTransport {
public:
    /// Initialises libcurl once per process.
    explicit CurlTransport(CurlTransportOptions options = {});
    /// See HttpTransport::send. Thread-safe.
    HttpResponse send(const HttpRequest& request, RunControl& control) override;

private:
    CurlTransportOptions m_options;
};

/// Percent-encodes `text` for a URL path segment or query value (RFC 3986 unreserved characters stay as they are).
std::string urlEncode(std::string_view text);

} // namespace engine
