// SPDX-License-Identifier: MIT
// A scripted HttpTransport for the IBM client tests: records every request and answers from a queue of replies.
#pragma once

#include "ibmq/http_transport.h"

#include <nlohmann/json.hpp>

#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_support {

constexpr const char* FAKE_IAM_URL = "https://iam.example.test/identity/token";
constexpr const char* FAKE_API_URL = "https://api.example.test/api/v1";
constexpr const char* FAKE_CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/acc123:inst456::";

/// One scripted answer: an HTTP response, or a transport failure (with whether the request was sent).
struct FakeReply {
    engine::HttpResponse response;
    std::optional<engine::TransportFailure> failure;
    bool sent = true;
};

inline FakeReply jsonReply(int status, const nlohmann::json& body,
                           std::vector<std::pair<std::string, std::string>> headers = {})
{
    FakeReply r;
    r.response.status = status;
    r.response.body = body.dump();
    r.response.headers = std::move(headers);
    r.response.headers.emplace_back("Content-Type", "application/json");
    return r;
}

inline FakeReply textReply(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {})
{
    FakeReply r;
    r.response.status = status;
    r.response.body = std::move(body);
    r.response.headers = std::move(headers);
    return r;
}

inline FakeReply failureReply(engine::TransportFailure failure, bool sent)
{
    FakeReply r;
    r.failure = failure;
    r.sent = sent;
    return r;
}

/// The path of a URL below FAKE_API_URL (or the whole URL for other hosts), without the query.
inline std::string apiPath(const std::string& url)
{
    std::string rest = url;
    const std::string base = FAKE_API_URL;
    if (rest.rfind(base, 0) == 0)
        rest = rest.substr(base.size());
    const auto q = rest.find('?');
    return q == std::string::npos ? rest : rest.substr(0, q);
}

/// The query string of a URL ("" when none).
inline std::string apiQuery(const std::string& url)
{
    const auto q = url.find('?');
    return q == std::string::npos ? std::string() : url.substr(q + 1);
}

/// Answers IAM requests itself (token "tok-1", "tok-2", ... with `tokenLifetime` seconds) unless `iamScript` has
/// entries; every other request takes the next entry of `script`. An unscripted request throws std::logic_error so
/// that a test sees it.
class FakeTransport : public engine::HttpTransport {
public:
    engine::HttpResponse send(const engine::HttpRequest& request, engine::RunControl& control) override
    {
        std::lock_guard lock(m_mutex);
        requests.push_back(request);
        if (control.isCancelled())
            throw engine::TransportError(engine::TransportFailure::Cancelled, false, "cancelled", request.url);
        FakeReply reply;
        if (request.url == FAKE_IAM_URL) {
            ++iamCalls;
            if (!iamScript.empty()) {
                reply = iamScript.front();
                iamScript.pop_front();
            } else {
                reply = jsonReply(200, {{"access_token", std::string("tok-") + std::to_string(++m_tokens)},
                                        {"refresh_token", "not_supported"},
                                        {"token_type", "Bearer"},
                                        {"expires_in", tokenLifetime},
                                        {"expiration", 1788265530}});
            }
        } else {
            if (script.empty())
                throw std::logic_error(std::string("unscripted request ") + request.method + " " + request.url);
            reply = script.front();
            script.pop_front();
        }
        if (onSend)
            onSend(request);
        if (reply.failure)
            throw engine::TransportError(*reply.failure, reply.sent, "scripted failure", request.url);
        return reply.response;
    }

    /// The requests that did not go to IAM.
    std::vector<engine::HttpRequest> apiRequests() const
    {
        std::vector<engine::HttpRequest> out;
        for (const auto& r : requests)
            if (r.url != FAKE_IAM_URL)
                out.push_back(r);
        return out;
    }

    std::vector<engine::HttpRequest> requests;
    std::deque<FakeReply> script;
    std::deque<FakeReply> iamScript;
    int tokenLifetime = 3600;
    int iamCalls = 0;
    std::function<void(const engine::HttpRequest&)> onSend;

private:
    std::mutex m_mutex;
    int m_tokens = 0;
};

/// Records the waits of a RetryPolicy instead of sleeping.
struct SleepRecorder {
    std::shared_ptr<std::vector<double>> waits = std::make_shared<std::vector<double>>();
    engine::RetryPolicy::SleepFn fn()
    {
        auto w = waits;
        return [w](double seconds, engine::RunControl&) { w->push_back(seconds); };
    }
};

} // namespace test_support
