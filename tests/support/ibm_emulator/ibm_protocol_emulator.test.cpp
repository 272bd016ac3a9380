// SPDX-License-Identifier: MIT
// Tests of the emulator's protocol side through plain HTTP: IAM, auth and CRN checks, versions, backends, faults.
#include "ibm_protocol_emulator.h"

#include <QtTest>

#include "test_support.h"

#include "emulator_test_client.h"

using emulator_test::Api;
using emulator_test::Json;

namespace {

int errorCode(const httplib::Result& res)
{
    const Json body = Json::parse(res->body, nullptr, false);
    if (!body.is_object() || !body.contains("errors") || body["errors"].empty())
        return -1;
    return body["errors"][0].value("code", -1);
}

} // namespace

class TstIbmProtocolEmulator : public QObject {
    Q_OBJECT

private slots:
    void tokenExchange();
    void missingOrExpiredToken();
    void serviceCrnChecks();
    void versionHeader();
    void backendsShapes();
    void backendDocuments();
    void statusFault();
    void dropConnection();
    void malformedAndTruncatedJson();
    void delayFault();
    void expireTokenFault();
    void afterEffectCreatesJob();
    void rateLimit();
    void requestLogAndPayloadLimit();
};

void TstIbmProtocolEmulator::tokenExchange()
{
    ibmemu::EmulatorOptions options = emulator_test::quickOptions();
    options.tokenLifetimeSeconds = 120;
    ibmemu::IbmProtocolEmulator emulator(options);
    emulator.start();
    QVERIFY(emulator.port() > 0);
    QCOMPARE(emulator.apiBaseUrl(), std::string("http://127.0.0.1:") + std::to_string(emulator.port()) + "/api/v1");
    Api api(emulator);
    const auto [status, body] = api.exchange(options.apiKey);
    QCOMPARE(status, 200);
    QCOMPARE(body.value("token_type", ""), std::string("Bearer"));
    QCOMPARE(body.value("expires_in", 0), 120);
    QCOMPARE(body.value("refresh_token", ""), std::string("not_supported"));
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    QVERIFY(std::abs(body.value("expiration", 0ll) - (now + 120)) <= 5);
    QVERIFY(body.value("access_token", "") != api.token());  // every exchange issues a fresh token
    QCOMPARE(emulator.tokensIssued(), std::size_t(2));

    const auto [badStatus, badBody] = api.exchange("not-the-key");
    QCOMPARE(badStatus, 400);
    QCOMPARE(badBody.value("errorCode", ""), std::string("BXNIM0415E"));
    QVERIFY(!badBody.value("errorMessage", "").empty());
    QCOMPARE(emulator.tokensIssued(), std::size_t(2));

    // The grant type is checked too.
    auto res = api.raw().Post("/identity/token", httplib::Params{{"grant_type", "password"}, {"apikey", options.apiKey}});
    QVERIFY(res);
    QCOMPARE(res->status, 400);
}

void TstIbmProtocolEmulator::missingOrExpiredToken()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    int status = 0;
    api.getJson("/backends", &status);
    QCOMPARE(status, 200);

    const std::string token = api.token();
    api.setToken("");
    auto res = api.get("/backends");
    QCOMPARE(res->status, 401);
    QVERIFY(errorCode(res) > 0);
    api.setToken("forged-token");
    QCOMPARE(api.get("/backends")->status, 401);

    api.setToken(token);
    emulator.expireAllTokens();
    res = api.get("/backends");
    QCOMPARE(res->status, 401);
    const Json body = Json::parse(res->body);
    QVERIFY(body.contains("trace"));
    QVERIFY(body["errors"][0].contains("message"));
    QVERIFY(body["errors"][0].contains("solution"));
    QVERIFY(body["errors"][0].contains("more_info"));
    // A fresh exchange works again.
    api.setToken(api.exchange(emulator.options().apiKey).second.value("access_token", ""));
    QCOMPARE(api.get("/backends")->status, 200);
}

void TstIbmProtocolEmulator::serviceCrnChecks()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    api.crn = "";
    QCOMPARE(api.get("/backends")->status, 400);
    // /versions needs no CRN.
    int status = 0;
    const Json versions = api.getJson("/versions", &status);
    QCOMPARE(status, 200);
    QVERIFY(versions["versions"].is_array());
    QVERIFY(!versions["versions"].empty());
    bool hasCurrent = false;
    for (const Json& v : versions["versions"])
        hasCurrent = hasCurrent || v.value("version", "") == "2026-04-15";
    QVERIFY(hasCurrent);

    api.crn = "crn:v1:bluemix:public:quantum-computing:eu-de:a/0a1b2c3d4e5f:0f9e8d7c-emulated-instance::";
    auto res = api.get("/backends");
    QCOMPARE(res->status, 404);
    QCOMPARE(errorCode(res), 1279);
    QCOMPARE(api.get("/jobs")->status, 404);
    QCOMPARE(api.get("/versions")->status, 200);  // the wrong regional host still answers /versions

    api.crn = "crn:v1:bluemix:public:quantum-computing:us-east:a/0a1b2c3d4e5f:another-instance::";
    res = api.get("/backends");
    QVERIFY(res->status >= 400 && res->status < 500);
    QVERIFY(res->status != 404);
    api.crn = "not a crn";
    QCOMPARE(api.get("/backends")->status, 400);
}

void TstIbmProtocolEmulator::versionHeader()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    for (const char* bad : {"2026-4-15", "yesterday", "2026-02-30", "2026-04-15T00:00:00Z", "20260415"}) {
        api.version = bad;
        auto res = api.get("/backends");
        QVERIFY2(res->status == 400, bad);
    }
}

void TstIbmProtocolEmulator::backendsShapes()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    api.version = "2024-01-01";
    Json body = api.getJson("/backends");
    QCOMPARE(body["devices"], Json::array({"ibm_fez", "ibm_brisbane"}));

    api.version = "2025-05-01";
    body = api.getJson("/backends");
    QCOMPARE(body["devices"].size(), std::size_t(2));
    const Json fez = body["devices"][0];
    QCOMPARE(fez.value("name", ""), std::string("ibm_fez"));
    QCOMPARE(fez["status"].value("name", ""), std::string("online"));
    QCOMPARE(fez.value("queue_length", -1), 0);
    QCOMPARE(fez.value("qubits", 0), 156);
    QCOMPARE(fez["processor_type"].value("family", ""), std::string("Heron"));
    QVERIFY(fez["processor_type"]["revision"].is_string());
    QVERIFY(body["devices"][1]["processor_type"]["revision"].is_string());  // Eagle's integer 3 as "3"

    emulator.setBackendStatus("ibm_brisbane", "paused", 17);
    body = api.getJson("/backends");
    QCOMPARE(body["devices"][1]["status"].value("name", ""), std::string("paused"));
    QCOMPARE(body["devices"][1].value("queue_length", -1), 17);
    const Json status = api.getJson("/backends/ibm_brisbane/status");
    QCOMPARE(status.value("state", true), false);
    QCOMPARE(status.value("status", ""), std::string("paused"));
    QCOMPARE(status.value("length_queue", -1), 17);
    const Json fezStatus = api.getJson("/backends/ibm_fez/status");
    QCOMPARE(fezStatus.value("status", ""), std::string("active"));
    QCOMPARE(fezStatus.value("state", false), true);

    // Header omitted: the oldest shape (names).
    auto res = api.raw().Get("/api/v1/backends", httplib::Headers{{"Authorization", std::string("Bearer ") + api.token()},
                                                                  {"Service-CRN", api.crn}});
    QCOMPARE(res->status, 200);
    QVERIFY(Json::parse(res->body)["devices"][0].is_string());
}

void TstIbmProtocolEmulator::backendDocuments()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    int status = 0;
    const Json conf = api.getJson("/backends/ibm_fez/configuration", &status);
    QCOMPARE(status, 200);
    QCOMPARE(conf.value("backend_name", ""), std::string("ibm_fez"));
    QCOMPARE(conf.value("n_qubits", 0), 156);
    const auto& basis = conf["basis_gates"];
    QVERIFY(std::find(basis.begin(), basis.end(), "cz") != basis.end());
    QVERIFY(std::find(basis.begin(), basis.end(), "rzz") != basis.end());  // fractional gates on Heron
    const Json eagle = api.getJson("/backends/ibm_brisbane/configuration");
    QVERIFY(std::find(eagle["basis_gates"].begin(), eagle["basis_gates"].end(), "rzz") == eagle["basis_gates"].end());

    // Properties are the snapshot verbatim.
    auto res = api.get("/backends/ibm_fez/properties");
    QCOMPARE(res->status, 200);
    const Json props = Json::parse(res->body);
    std::ifstream snapshot(test_support::sharedPath("ibm-backends/fez/props_fez.json"));
    QVERIFY(snapshot.good());
    QCOMPARE(props, Json::parse(snapshot));

    res = api.get("/backends/ibm_fez/defaults");
    QCOMPARE(res->status, 200);
    QCOMPARE(res->body, std::string("null"));
    res = api.get("/backends/ibm_nowhere/configuration");
    QCOMPARE(res->status, 404);
}

void TstIbmProtocolEmulator::statusFault()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    for (int status : {500, 502, 503, 504, 520, 524, 429}) {
        ibmemu::FaultRule rule;
        rule.method = "GET";
        rule.pathPrefix = "/api/v1/backends";
        rule.status = status;
        if (status == 503)
            rule.retryAfterSeconds = 7;
        if (status == 429)
            rule.errorCode = 1202;
        emulator.addFault(rule);
        auto res = api.get("/backends");
        QVERIFY(res);
        QCOMPARE(res->status, status);
        QVERIFY(errorCode(res) > 0);
        QCOMPARE(res->has_header("Retry-After"), status == 503);
        if (status == 503)
            QCOMPARE(res->get_header_value("Retry-After"), std::string("7"));
        if (status == 429)
            QCOMPARE(errorCode(res), 1202);
        QCOMPARE(api.get("/backends")->status, 200);  // count 1: the next request is served
    }
    // Method and prefix must match; count -1 fires until cleared.
    ibmemu::FaultRule always;
    always.method = "POST";
    always.pathPrefix = "/api/v1/backends";
    always.count = -1;
    emulator.addFault(always);
    QCOMPARE(api.get("/backends")->status, 200);
    ibmemu::FaultRule every;
    every.pathPrefix = "/api/v1/versions";
    every.count = -1;
    emulator.addFault(every);
    QCOMPARE(api.get("/versions")->status, 500);
    QCOMPARE(api.get("/versions")->status, 500);
    emulator.clearFaults();
    QCOMPARE(api.get("/versions")->status, 200);
}

void TstIbmProtocolEmulator::dropConnection()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    ibmemu::FaultRule rule;
    rule.pathPrefix = "/api/v1/backends";
    rule.kind = ibmemu::FaultKind::DropConnection;
    emulator.addFault(rule);
    auto res = api.get("/backends");
    QVERIFY(!res);  // the connection closed without any response
    QVERIFY(res.error() == httplib::Error::Read || res.error() == httplib::Error::Connection);
    QCOMPARE(api.get("/backends")->status, 200);  // a new connection is served normally
}

void TstIbmProtocolEmulator::malformedAndTruncatedJson()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    ibmemu::FaultRule malformed;
    malformed.pathPrefix = "/api/v1/backends";
    malformed.kind = ibmemu::FaultKind::MalformedJson;
    emulator.addFault(malformed);
    auto res = api.get("/backends");
    QCOMPARE(res->status, 200);
    QVERIFY(Json::parse(res->body, nullptr, false).is_discarded());

    const std::string full = api.get("/backends")->body;
    ibmemu::FaultRule truncated = malformed;
    truncated.kind = ibmemu::FaultKind::TruncatedJson;
    emulator.addFault(truncated);
    res = api.get("/backends");
    QCOMPARE(res->status, 200);
    QCOMPARE(res->body, full.substr(0, full.size() / 2));
    QVERIFY(Json::parse(res->body, nullptr, false).is_discarded());
}

void TstIbmProtocolEmulator::delayFault()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    ibmemu::FaultRule rule;
    rule.pathPrefix = "/api/v1/versions";
    rule.kind = ibmemu::FaultKind::Delay;
    rule.delaySeconds = 2.0;
    emulator.addFault(rule);
    // A client with a short read timeout gives up; the emulator answers the next request normally.
    api.raw().set_read_timeout(0, 300'000);
    auto res = api.get("/versions");
    QVERIFY(!res);
    QCOMPARE(res.error(), httplib::Error::Read);
    api.raw().set_read_timeout(10, 0);
    rule.delaySeconds = 0.2;
    emulator.addFault(rule);
    res = api.get("/versions");
    QVERIFY(res);
    QCOMPARE(res->status, 200);
}

void TstIbmProtocolEmulator::expireTokenFault()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    ibmemu::FaultRule rule;
    rule.pathPrefix = "/api/v1/jobs";
    rule.kind = ibmemu::FaultKind::ExpireToken;
    emulator.addFault(rule);
    QCOMPARE(api.get("/jobs")->status, 401);
    QCOMPARE(api.get("/backends")->status, 401);  // the token stays invalid
    api.setToken(api.exchange(emulator.options().apiKey).second.value("access_token", ""));
    QCOMPARE(api.get("/jobs")->status, 200);
}

void TstIbmProtocolEmulator::afterEffectCreatesJob()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    const Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 100);
    for (auto kind : {ibmemu::FaultKind::Status, ibmemu::FaultKind::DropConnection}) {
        Json tagged = body;
        const std::string tag = kind == ibmemu::FaultKind::Status ? "after-status" : "after-drop";
        tagged["tags"] = Json::array({tag});
        ibmemu::FaultRule rule;
        rule.method = "POST";
        rule.pathPrefix = "/api/v1/jobs";
        rule.kind = kind;
        rule.status = 503;
        rule.afterEffect = true;
        emulator.addFault(rule);
        const std::size_t before = emulator.jobsCreated();
        auto res = api.post("/jobs", tagged);
        if (kind == ibmemu::FaultKind::Status) {
            QVERIFY(res);
            QCOMPARE(res->status, 503);
        } else {
            QVERIFY(!res);
        }
        QCOMPARE(emulator.jobsCreated(), before + 1);  // the job exists although the client saw a failure
        const Json list = api.getJson(std::string("/jobs?tags=") + tag);
        QCOMPARE(list.value("count", 0), 1);
    }
    // Without afterEffect nothing is created.
    ibmemu::FaultRule plain;
    plain.method = "POST";
    plain.pathPrefix = "/api/v1/jobs";
    emulator.addFault(plain);
    const std::size_t before = emulator.jobsCreated();
    QCOMPARE(api.post("/jobs", body)->status, 500);
    QCOMPARE(emulator.jobsCreated(), before);
}

void TstIbmProtocolEmulator::rateLimit()
{
    ibmemu::EmulatorOptions options = emulator_test::quickOptions();
    options.jobCreationsPerMinute = 3;
    ibmemu::IbmProtocolEmulator emulator(options);
    emulator.start();
    Api api(emulator);
    const Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
    // Refused requests (400) do not count.
    Json broken = body;
    broken.erase("program_id");
    QCOMPARE(api.post("/jobs", broken)->status, 400);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(api.post("/jobs", body)->status, 200);
    auto res = api.post("/jobs", body);
    QCOMPARE(res->status, 429);
    QCOMPARE(errorCode(res), 1202);
    QCOMPARE(emulator.jobsCreated(), std::size_t(3));
}

void TstIbmProtocolEmulator::requestLogAndPayloadLimit()
{
    ibmemu::EmulatorOptions options = emulator_test::quickOptions();
    options.maxRequestBytes = 4096;
    ibmemu::IbmProtocolEmulator emulator(options);
    emulator.start();
    Api api(emulator);
    api.get("/versions");
    api.get("/backends/ibm_fez/status?x=1");
    const auto log = emulator.requestLog();
    QCOMPARE(log.size(), std::size_t(3));
    QCOMPARE(log[0], std::string("POST /identity/token"));
    QCOMPARE(log[1], std::string("GET /api/v1/versions"));
    QCOMPARE(log[2], std::string("GET /api/v1/backends/ibm_fez/status"));

    Json big = Api::samplerJob(std::string(8000, ' ') + emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
    auto res = api.post("/jobs", big);
    QVERIFY(res);
    QCOMPARE(res->status, 413);
    QCOMPARE(emulator.jobsCreated(), std::size_t(0));
}

QTEST_APPLESS_MAIN(TstIbmProtocolEmulator)
#include "ibm_protocol_emulator.test.moc"
