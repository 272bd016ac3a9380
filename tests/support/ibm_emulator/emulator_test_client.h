// SPDX-License-Identifier: MIT
// A plain-HTTP client for the emulator's tests: token exchange, the IBM headers, JSON bodies, polling.
#pragma once

#include "ibm_protocol_emulator.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace emulator_test {

using Json = nlohmann::json;

/// The circuit of the lifecycle tests on fez: meas[0] = 1 (x on $0); meas[1] = 1 for theta = 0 and 0 for
/// theta = pi (sx rz(theta) sx is X at 0 and Z up to a phase at pi); cz $0, $1 sits on a coupler.
inline const char* const THETA_CIRCUIT =
    "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nbit[2] meas;\n"
    "x $0;\nsx $1;\nrz(theta) $1;\nsx $1;\ncz $0, $1;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n";

/// Emulator options for quick tests: short dwell times, no rate limit.
inline ibmemu::EmulatorOptions quickOptions()
{
    ibmemu::EmulatorOptions options;
    options.queuedSeconds = 0.05;
    options.runningSeconds = 0.05;
    options.jobCreationsPerMinute = 0;
    options.backends = {"fez", "brisbane"};
    return options;
}

/// One client session against a running emulator.
class Api {
public:
    explicit Api(const ibmemu::IbmProtocolEmulator& emulator)
        : m_client("127.0.0.1", emulator.port()), m_crn(emulator.options().instanceCrn)
    {
        m_client.set_read_timeout(10, 0);
        m_client.set_connection_timeout(5, 0);
        crn = m_crn;
        m_token = exchange(emulator.options().apiKey).second.value("access_token", "");
    }

    /// POST /identity/token with `apiKey`: status and body.
    std::pair<int, Json> exchange(const std::string& apiKey)
    {
        httplib::Params form{{"grant_type", "urn:ibm:params:oauth:grant-type:apikey"}, {"apikey", apiKey}};
        auto res = m_client.Post("/identity/token", httplib::Headers{{"Accept", "application/json"}}, form);
        if (!res)
            return {-1, Json()};
        return {res->status, Json::parse(res->body, nullptr, false)};
    }

    httplib::Headers headers() const
    {
        httplib::Headers h{{"Accept", "application/json"}, {"IBM-API-Version", version}};
        if (!m_token.empty())
            h.emplace("Authorization", std::string("Bearer ") + m_token);
        if (!crn.empty())
            h.emplace("Service-CRN", crn);
        return h;
    }

    httplib::Result get(const std::string& path) { return m_client.Get((std::string("/api/v1") + path).c_str(), headers()); }
    httplib::Result post(const std::string& path, const Json& body)
    {
        return m_client.Post((std::string("/api/v1") + path).c_str(), headers(), body.dump(), "application/json");
    }
    httplib::Result postRaw(const std::string& path, const std::string& body)
    {
        return m_client.Post((std::string("/api/v1") + path).c_str(), headers(), body, "application/json");
    }
    httplib::Result put(const std::string& path, const Json& body)
    {
        return m_client.Put((std::string("/api/v1") + path).c_str(), headers(), body.dump(), "application/json");
    }
    httplib::Result patch(const std::string& path, const Json& body)
    {
        return m_client.Patch((std::string("/api/v1") + path).c_str(), headers(), body.dump(), "application/json");
    }
    httplib::Result del(const std::string& path) { return m_client.Delete((std::string("/api/v1") + path).c_str(), headers()); }

    /// GET returning the parsed body (null when the request failed or the body is not JSON).
    Json getJson(const std::string& path, int* status = nullptr)
    {
        auto res = get(path);
        if (status)
            *status = res ? res->status : -1;
        return res ? Json::parse(res->body, nullptr, false) : Json();
    }

    /// A Sampler job body for `circuit` with `values` (null for none) on `backend`.
    static Json samplerJob(const std::string& circuit, const Json& values, int shots,
                           const std::string& backend = "ibm_fez")
    {
        Json pub = Json::array({circuit});
        if (!values.is_null())
            pub.push_back(values);
        return Json{{"program_id", "sampler"},
                    {"backend", backend},
                    {"params", {{"version", 2}, {"support_qiskit", false}, {"shots", shots}, {"pubs", Json::array({pub})}}}};
    }

    /// POST /jobs; the new id, or "" (and the status in `status`).
    std::string submit(const Json& body, int* status = nullptr)
    {
        auto res = post("/jobs", body);
        if (status)
            *status = res ? res->status : -1;
        if (!res || res->status != 200)
            return {};
        return Json::parse(res->body).value("id", "");
    }

    /// Polls GET /jobs/{id} until the state is terminal (or 20 s pass); returns the statuses seen, in order and
    /// without repeats.
    std::vector<std::string> waitTerminal(const std::string& id)
    {
        std::vector<std::string> seen;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            const Json job = getJson(std::string("/jobs/") + id);
            const std::string status = job.is_object() ? job["state"].value("status", "") : std::string();
            if (seen.empty() || seen.back() != status)
                seen.push_back(status);
            if (status == "Completed" || status == "Failed" || status == "Cancelled")
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return seen;
    }

    const std::string& token() const { return m_token; }
    void setToken(const std::string& token) { m_token = token; }
    httplib::Client& raw() { return m_client; }

    std::string version = "2026-04-15";
    std::string crn;

private:
    httplib::Client m_client;
    std::string m_crn;
    std::string m_token;

public:
    /// Uses the emulator's own CRN (the default after construction).
    void useInstanceCrn() { crn = m_crn; }
};

} // namespace emulator_test
