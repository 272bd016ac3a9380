// SPDX-License-Identifier: MIT
// IAM API-key exchange with proactive refresh at a fraction of the token lifetime and re-authentication on 401.
#include "ibmq/iam_authenticator.h"

#include "ibmq/ibm_errors.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>

namespace engine {

namespace {

constexpr const char* GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";

double steadySeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double unixNow()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

} // namespace

IamAuthenticator::IamAuthenticator(std::string apiKey, std::string iamUrl, std::shared_ptr<HttpTransport> transport,
                                   std::shared_ptr<RetryPolicy> retry, IamOptions options)
    : m_apiKey(std::move(apiKey)), m_iamUrl(std::move(iamUrl)), m_transport(std::move(transport)),
      m_retry(retry ? std::move(retry) : std::make_shared<RetryPolicy>()), m_options(std::move(options))
{
    if (!m_transport)
        throw Error(ErrorCode::InvalidArgument, "no HTTP transport", "transport");
    if (m_apiKey.empty())
        throw Error(ErrorCode::InvalidArgument, "the IBM Cloud API key is empty", "apiKey");
    if (m_iamUrl.empty())
        throw Error(ErrorCode::InvalidArgument, "the IAM URL is empty", "iamUrl");
    if (!(m_options.refreshFraction > 0.0 && m_options.refreshFraction <= 1.0))
        m_options.refreshFraction = 0.8;
}

double IamAuthenticator::now() const
{
    return m_options.clock ? m_options.clock() : steadySeconds();
}

std::string IamAuthenticator::accessToken(RunControl& control)
{
    std::lock_guard lock(m_mutex);
    if (m_token.empty() || now() >= m_refreshAt)
        exchangeLocked(control);
    return m_token;
}

std::string IamAuthenticator::refreshAfterRejection(const std::string& rejectedToken, RunControl& control)
{
    std::lock_guard lock(m_mutex);
    if (m_token.empty() || m_token == rejectedToken)
        exchangeLocked(control);
    return m_token;
}

void IamAuthenticator::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_token.clear();
    m_refreshAt = 0.0;
}

std::size_t IamAuthenticator::exchanges() const
{
    std::lock_guard lock(m_mutex);
    return m_exchanges;
}

void IamAuthenticator::exchangeLocked(RunControl& control)
{
    const std::string where = std::string("POST ") + m_iamUrl;
    HttpRequest request;
    request.method = "POST";
    request.url = m_iamUrl;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = std::string("grant_type=") + urlEncode(GRANT_TYPE) + std::string("&apikey=") + urlEncode(m_apiKey);
    request.timeoutSeconds = m_options.timeoutSeconds;

    for (int retry = 0;; ++retry) {
        if (control.isCancelled())
            throw TransportError(TransportFailure::Cancelled, false, "cancelled", where);
        const double sentAt = now();
        HttpResponse response;
        try {
            response = m_transport->send(request, control);
        } catch (const TransportError& error) {
            if (error.cancelled())
                throw;
            RetryCause cause;
            cause.connectionFailure = true;
            cause.requestSent = error.requestSent();
            const auto wait = m_retry->delayFor(retry, cause, true);
            if (!wait)
                throw;
            m_retry->sleep(*wait, control);
            continue;
        }
        if (response.status != 200) {
            RetryCause cause;
            cause.httpStatus = response.status;
            if (const auto value = response.header("Retry-After"))
                cause.retryAfterSeconds = parseRetryAfter(*value, unixNow());
            const auto wait = m_retry->delayFor(retry, cause, true);
            if (wait) {
                m_retry->sleep(*wait, control);
                continue;
            }
            const IbmApiError error = ibmErrorFromResponse(response, where);
            throw IbmApiError(error.httpStatus(), error.ibmCode(),
                              std::string("authentication failed (check the API key): ") + error.message(),
                              error.solution(), error.trace(), where);
        }
        const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
        if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string() ||
            body["access_token"].get<std::string>().empty())
            throw Error(ErrorCode::InvalidInput, "the IAM answer carries no access_token", where);
        double lifetime = 3600.0;
        if (const auto it = body.find("expires_in"); it != body.end() && it->is_number() && it->get<double>() > 0)
            lifetime = it->get<double>();
        else if (const auto exp = body.find("expiration"); exp != body.end() && exp->is_number())
            lifetime = std::max(1.0, exp->get<double>() - unixNow());
        lifetime = std::min(lifetime, 7.0 * 86400.0);
        m_token = body["access_token"].get<std::string>();
        m_refreshAt = sentAt + m_options.refreshFraction * lifetime;
        ++m_exchanges;
        return;
    }
}

} // namespace engine
