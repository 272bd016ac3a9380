// SPDX-License-Identifier: MIT
// libcurl-based HTTP transport with cancellation, timeouts and a classification of failures for safe retries.
#include "ibmq/http_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <mutex>

namespace engine {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::optional<std::string> findHeader(const std::vector<std::pair<std::string, std::string>>& headers,
                                      std::string_view name)
{
    std::optional<std::string> found;
    for (const auto& [key, value] : headers)
        if (equalsIgnoreCase(key, name))
            found = value;
    return found;
}

std::string trim(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        --end;
    return std::string(text.substr(begin, end - begin));
}

void initCurlOnce()
{
    static std::once_flag flag;
    std::call_once(flag, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CallState {
    HttpResponse response;
    RunControl* control = nullptr;
    std::size_t maxBytes = 0;
    bool tooLarge = false;
};

std::size_t writeBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* state = static_cast<CallState*>(user);
    const std::size_t bytes = size * count;
    if (state->response.body.size() + bytes > state->maxBytes) {
        state->tooLarge = true;
        return 0; // makes libcurl fail the transfer with CURLE_WRITE_ERROR
    }
    state->response.body.append(data, bytes);
    return bytes;
}

std::size_t writeHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* state = static_cast<CallState*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    // A new status line (after "100 Continue" or an informational answer) starts a fresh header block.
    if (line.substr(0, 5) == "HTTP/") {
        state->response.headers.clear();
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && state->response.headers.size() < 1000)
        state->response.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    return bytes;
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* state = static_cast<CallState*>(user);
    return state->control->isCancelled() ? 1 : 0;
}

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

long millis(double seconds)
{
    if (!(seconds > 0.0))
        return 0;
    return static_cast<long>(std::min(seconds, 86400.0) * 1000.0);
}

} // namespace

std::optional<std::string> HttpRequest::header(std::string_view name) const
{
    return findHeader(headers, name);
}

std::optional<std::string> HttpResponse::header(std::string_view name) const
{
    return findHeader(headers, name);
}

const char* transportFailureName(TransportFailure failure) noexcept
{
    switch (failure) {
    case TransportFailure::ConnectFailed: return "connect_failed";
    case TransportFailure::Timeout: return "timeout";
    case TransportFailure::ConnectionLost: return "connection_lost";
    case TransportFailure::Cancelled: return "cancelled";
    case TransportFailure::TooLarge: return "too_large";
    case TransportFailure::Other: return "other";
    }
    return "other";
}

TransportError::TransportError(TransportFailure failure, bool requestSent, std::string detail, std::string where)
    : Error(ErrorCode::Io, std::move(detail), std::move(where)), m_failure(failure), m_requestSent(requestSent)
{
}

CurlTransport::CurlTransport(CurlTransportOptions options) : m_options(std::move(options))
{
    initCurlOnce();
}

HttpResponse CurlTransport::send(const HttpRequest& request, RunControl& control)
{
    const std::string where = request.method + std::string(" ") + request.url;
    if (control.isCancelled())
        throw TransportError(TransportFailure::Cancelled, false, "cancelled before sending", where);

    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    if (!easy)
        throw TransportError(TransportFailure::Other, false, "libcurl could not create a handle", where);
    CURL* h = easy.get();

    CallState state;
    state.control = &control;
    state.maxBytes = m_options.maxResponseBytes;

    curl_slist* rawList = nullptr;
    for (const auto& [name, value] : request.headers) {
        const std::string line = name + std::string(": ") + value;
        curl_slist* next = curl_slist_append(rawList, line.c_str());
        if (!next) {
            curl_slist_free_all(rawList);
            throw TransportError(TransportFailure::Other, false, "out of memory building headers", where);
        }
        rawList = next;
    }
    // An empty "Expect:" stops libcurl from waiting for "100 Continue" before large bodies.
    if (curl_slist* next = curl_slist_append(rawList, "Expect:"))
        rawList = next;
    std::unique_ptr<curl_slist, SlistDeleter> headerList(rawList);

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headerList.get());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, std::max(1L, millis(m_options.connectTimeoutSeconds)));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, millis(request.timeoutSeconds));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, writeBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &state);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, writeHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &state);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &state);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, m_options.verifyPeer ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, m_options.verifyPeer ? 2L : 0L);
    if (!m_options.caBundlePath.empty())
        curl_easy_setopt(h, CURLOPT_CAINFO, m_options.caBundlePath.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");

    const bool hasBody =
        !request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (request.method == "GET") {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "POST") {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    if (hasBody) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        state.response.status = static_cast<int>(status);
        return std::move(state.response);
    }

    // CURLINFO_REQUEST_SIZE counts the request bytes written so far: zero means the server cannot have seen it.
    long requestBytes = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &requestBytes);
    const bool sent = requestBytes > 0;
    const std::string detail = curl_easy_strerror(code);
    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK: throw TransportError(TransportFailure::Cancelled, sent, "cancelled", where);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION: throw TransportError(TransportFailure::ConnectFailed, false, detail, where);
    case CURLE_OPERATION_TIMEDOUT: throw TransportError(TransportFailure::Timeout, sent, detail, where);
    case CURLE_WRITE_ERROR:
        if (state.tooLarge)
            throw TransportError(TransportFailure::TooLarge, sent,
                                 std::string("response body larger than ") +
                                     std::to_string(m_options.maxResponseBytes) + " bytes",
                                 where);
        throw TransportError(TransportFailure::Other, sent, detail, where);
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: throw TransportError(TransportFailure::ConnectionLost, sent, detail, where);
    default: throw TransportError(TransportFailure::Other, sent, detail, where);
    }
}

std::string urlEncode(std::string_view text)
{
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(HEX[u >> 4]);
            out.push_back(HEX[u & 15]);
        }
    }
    return out;
}

} // namespace engine
