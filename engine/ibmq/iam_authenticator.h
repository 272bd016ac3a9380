// SPDX-License-Identifier: MIT
// Exchanges an IBM Cloud API key for IAM bearer tokens and refreshes them before they expire.
#pragma once

#include "ibmq/http_transport.h"
#include "ibmq/retry_policy.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace engine {

/// Settings of `IamAuthenticator`.
struct IamOptions {
    double refreshFraction = 0.8; ///< refresh once this fraction of the token's lifetime has passed
    double timeoutSeconds = 30.0; ///< per exchange
    /// Monotonic clock in seconds (tests inject one); empty = std::chrono::steady_clock.
    std::function<double()> clock;
};

/// API-key exchange at IAM (POST <iamUrl>, form grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey=...).
/// `accessToken` returns the cached token until refreshFraction of its `expires_in` has passed, then exchanges
/// the key again (IAM has no refresh token for API keys). `refreshAfterRejection` is the 401 path: it fetches a
/// new token unless another thread already replaced the rejected one. Connection failures and transient 5xx of
/// IAM are retried per the policy (the exchange has no side effects); any other non-200 answer throws IbmApiError
/// ("authentication failed ..."). Thread-safe: one mutex serialises exchanges so concurrent callers share one.
class IamAuthenticator {
public:
    IamAuthenticator(std::string apiKey, std::string iamUrl, std::shared_ptr<HttpTransport> transport,
                     std::shared_ptr<RetryPolicy> retry, IamOptions options = {});

    /// A valid bearer token (without the "Bearer " prefix).
    std::string accessToken(RunControl& control);
    /// Called after a 401 with the token that was rejected; returns a token different from it.
    std::string refreshAfterRejection(const std::string& rejectedToken, RunControl& control);
    /// Forgets the cached token.
    void invalidate();
    /// Successful exchanges so far.
    std::size_t exchanges() const;

private:
    void exchangeLocked(RunControl& control);
    double now() const;

    std::string m_apiKey;
    std::string m_iamUrl;
    std::shared_ptr<HttpTransport> m_transport;
    std::shared_ptr<RetryPolicy> m_retry;
    IamOptions m_options;
    mutable std::mutex m_mutex;
    std::string m_token;
    double m_refreshAt = 0.0;
    std::size_t m_exchanges = 0;
};

} // namespace engine
