// SPDX-License-Identifier: MIT
// Tests of the IBM Quantum REST client against a scripted transport: requests, parsing, auth, retries, duplicates.
#include "ibmq/ibm_client.h"

#include <QtTest>

#include "test_support.h"

#include "fake_transport.h"
#include "ibm_protocol_emulator.h"
#include "ibmq/ibm_errors.h"

#include <chrono>
#include <fstream>
#include <thread>

using namespace engine;
using nlohmann::json;
using test_support::apiPath;
using test_support::apiQuery;
using test_support::failureReply;
using test_support::FakeTransport;
using test_support::jsonReply;
using test_support::textReply;

namespace {

constexpr std::uint64_t SEED = 424242;

struct Fixture {
    std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
    test_support::SleepRecorder sleeps;
    std::shared_ptr<double> clock = std::make_shared<double>(50.0);
    std::shared_ptr<int> tags = std::make_shared<int>(0);
    std::unique_ptr<IbmClient> client;

    explicit Fixture(RetryOptions retry = {})
    {
        IbmAccount account;
        account.apiKey = "fixture-api-key-123456";
        account.instanceCrn = test_support::FAKE_CRN;
        account.apiUrl = test_support::FAKE_API_URL;
        account.iamUrl = test_support::FAKE_IAM_URL;
        IbmClientOptions options;
        if (retry.seed == 0)
            retry.seed = SEED;
        options.retry = retry;
        options.sleep = sleeps.fn();
        auto c = clock;
        options.clock = [c] { return *c; };
        auto t = tags;
        options.tagGenerator = [t] { return std::string("qw-test-") + std::to_string(++*t); };
        client = std::make_unique<IbmClient>(account, transport, options);
    }

    std::vector<HttpRequest> api() const { return transport->apiRequests(); }
    std::vector<double> waits() const { return *sleeps.waits; }
};

json readJson(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    return json::parse(in);
}

SamplerJobRequest documentRequest()
{
    // The composed example of §5.3 (circuit shortened).
    SamplerJobRequest r;
    r.backend = "ibm_fez";
    r.tags = {"qaoa", "maxcut-3"};
    r.shots = 2048;
    SamplerPub pub;
    pub.circuit = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] beta;\ninput float[64] gamma;\n"
                  "bit[2] meas;\nrz(2*gamma) $1;\nrz(2*beta + pi) $0;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n";
    pub.parameters = {{"gamma", {0.35, 0.70}}, {"beta", {0.20, 0.40}}};
    pub.shots = 2048;
    r.pubs = {pub};
    r.options.dynamicalDecoupling.enable = true;
    r.options.dynamicalDecoupling.sequenceType = "XpXm";
    return r;
}

json jobJson(const std::string& id, const std::string& status, std::vector<std::string> tags = {})
{
    return {{"id", id},
            {"backend", "ibm_fez"},
            {"state", {{"status", status}}},
            {"status", status},
            {"program", {{"id", "sampler"}}},
            {"created", "2026-09-01T10:15:30.412Z"},
            {"cost", 600},
            {"tags", tags}};
}

/// The waits a fresh policy with the fixture's seed gives for these causes, in order: the reference schedule.
std::vector<double> referenceWaits(const std::vector<RetryCause>& causes, RetryOptions retry = {})
{
    retry.seed = retry.seed == 0 ? SEED : retry.seed;
    RetryPolicy policy(retry, [](double, RunControl&) {});
    std::vector<double> out;
    for (std::size_t i = 0; i < causes.size(); ++i)
        out.push_back(*policy.delayFor(static_cast<int>(i), causes[i], true));
    return out;
}

RetryCause status(int s)
{
    RetryCause c;
    c.httpStatus = s;
    return c;
}

/// The fez circuit the emulator's own tests use: meas[0] = 1 (x on $0); meas[1] = 1 at theta = 0, 0 at pi.
const char* const THETA_CIRCUIT =
    "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nbit[2] meas;\n"
    "x $0;\nsx $1;\nrz(theta) $1;\nsx $1;\ncz $0, $1;\nmeas[0] = measure $0;\nmeas[1] = measure $1;\n";

ibmemu::EmulatorOptions quickEmulator()
{
    ibmemu::EmulatorOptions options;
    options.queuedSeconds = 0.05;
    options.runningSeconds = 0.05;
    options.jobCreationsPerMinute = 0;
    options.backends = {"fez"};
    return options;
}

/// A real client (libcurl) on a started emulator; retry waits are recorded, not slept.
struct EmulatorFixture {
    ibmemu::IbmProtocolEmulator emu;
    test_support::SleepRecorder sleeps;
    std::unique_ptr<IbmClient> client;

    explicit EmulatorFixture(ibmemu::EmulatorOptions options = quickEmulator()) : emu(std::move(options))
    {
        emu.start();
        IbmAccount account;
        account.apiKey = emu.options().apiKey;
        account.instanceCrn = emu.options().instanceCrn;
        account.apiUrl = emu.apiBaseUrl();
        account.iamUrl = emu.iamUrl();
        IbmClientOptions clientOptions;
        clientOptions.retry.seed = SEED;
        clientOptions.sleep = sleeps.fn();
        clientOptions.requestTimeoutSeconds = 20.0;
        client = std::make_unique<IbmClient>(account, std::make_shared<CurlTransport>(), clientOptions);
    }

    SamplerJobRequest request(std::vector<double> thetas, std::int64_t shots = 200) const
    {
        SamplerJobRequest r;
        r.backend = "ibm_fez";
        r.shots = shots;
        r.tags = {"qaoa-test"};
        r.pubs = {SamplerPub{THETA_CIRCUIT, {{"theta", std::move(thetas)}}, std::nullopt}};
        return r;
    }

    /// Polls until the job is terminal (at most 60 s of real time).
    JobInfo waitFor(const std::string& id)
    {
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (true) {
            JobInfo job = client->getJob(id);
            if (isTerminal(job.status) || std::chrono::steady_clock::now() > end)
                return job;
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    }
};

} // namespace

class TstIbmClient : public QObject {
    Q_OBJECT
private slots:
    void headersOnEveryCall();
    void versionsBothShapes();
    void backendsBothShapes();
    void backendDetails();
    void backendDeviceFromSnapshot();
    void samplerBodyMatchesDocument();
    void samplerBodyScalarAndMinimal();
    void samplerBodyValidation_data();
    void samplerBodyValidation();
    void createJobRequest();
    void reauthOnceOn401();
    void noLoopOnSecond401();
    void tokenRefreshedAtEightyPercent();
    void retryScheduleOn5xx();
    void retryOnConnectionErrors();
    void rateLimitWithAndWithoutRetryAfter();
    void noRetryForClientErrors_data();
    void noRetryForClientErrors();
    void retriesExhausted();
    void droppedPostFoundByTag();
    void droppedPostNotFoundRetriedOnce();
    void postServerErrorsAndRateLimit();
    void postNeverSentIsRepeatedWithoutLookup();
    void getJobParsing();
    void listJobsQuery();
    void cancelDeleteTags();
    void metricsBothShapes();
    void resultsDecodedAndStates();
    void instanceUsage();
    void sessions();
    void cancellation();
    void idsChecked();
    void constructorChecks();

    // Against the local protocol emulator (real HTTP through libcurl).
    void emulatorBackends();
    void emulatorJobLifecycle();
    void emulatorBroadcastResults();
    void emulatorCancel();
    void emulatorFailedJob();
    void emulatorReauthAfterExpiry();
    void emulatorRetryAfterHonoured();
    void emulatorRateLimitNeverImmediate();
    void emulatorDroppedPostNoDuplicate();
    void emulatorTransientFaults();
    void emulatorSessionsAndUsage();
};

void TstIbmClient::headersOnEveryCall()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(200, {{"versions", json::array()}}));
    f.transport->script.push_back(jsonReply(200, {{"devices", json::array()}}));
    f.client->versions();
    f.client->backends();
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{2});
    for (const HttpRequest& r : api) {
        QCOMPARE(r.method, std::string("GET"));
        QCOMPARE(r.header("Authorization").value_or(""), std::string("Bearer tok-1"));
        QCOMPARE(r.header("IBM-API-Version").value_or(""), std::string("2026-04-15"));
        QCOMPARE(r.header("Accept").value_or(""), std::string("application/json"));
        QVERIFY(!r.header("Content-Type"));
        QVERIFY(r.header("User-Agent").has_value());
    }
    QCOMPARE(api[0].url, std::string(test_support::FAKE_API_URL) + "/versions");
    QVERIFY(!api[0].header("Service-CRN")); // /versions needs no instance
    QCOMPARE(api[1].url, std::string(test_support::FAKE_API_URL) + "/backends");
    QCOMPARE(api[1].header("Service-CRN").value_or(""), std::string(test_support::FAKE_CRN));
    QCOMPARE(f.transport->iamCalls, 1); // one token for both
}

void TstIbmClient::versionsBothShapes()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"versions":[
        {"version":"2026-04-15","status":"supported"},
        {"version":"2025-05-01","status":"deprecated","sunset_date":"2027-05-01"}]})")));
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"versions":["2024-01-01","2025-01-01"]})")));
    const auto a = f.client->versions();
    QCOMPARE(a.size(), std::size_t{2});
    QCOMPARE(a[1].version, std::string("2025-05-01"));
    QCOMPARE(a[1].status, std::string("deprecated"));
    QCOMPARE(a[1].sunsetDate, std::string("2027-05-01"));
    const auto b = f.client->versions();
    QCOMPARE(b.size(), std::size_t{2});
    QCOMPARE(b[0].version, std::string("2024-01-01"));
    QVERIFY(b[0].status.empty());
}

void TstIbmClient::backendsBothShapes()
{
    Fixture f;
    // §3.1's example.
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"devices":[{"name":"ibm_fez",
        "status":{"name":"online","reason":null},"is_simulator":false,"qubits":156,
        "clops":{"type":"hardware","value":195000},"processor_type":{"family":"Heron","revision":"2"},
        "queue_length":7},
        {"name":"ibm_torino","status":{"name":"paused","reason":"maintenance"},"queue_length":0}]})")));
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"devices":["ibm_fez","ibm_kingston"]})")));
    const auto objects = f.client->backends();
    QCOMPARE(objects.size(), std::size_t{2});
    QCOMPARE(objects[0].name, std::string("ibm_fez"));
    QCOMPARE(objects[0].status, std::string("online"));
    QCOMPARE(objects[0].numQubits, 156);
    QCOMPARE(objects[0].queueLength, 7);
    QCOMPARE(objects[0].processorFamily, std::string("Heron"));
    QCOMPARE(objects[0].processorRevision, std::string("2"));
    QCOMPARE(objects[1].status, std::string("paused"));
    QCOMPARE(objects[1].statusReason, std::string("maintenance"));
    const auto names = f.client->backends();
    QCOMPARE(names.size(), std::size_t{2});
    QCOMPARE(names[1].name, std::string("ibm_kingston"));
    QCOMPARE(names[1].queueLength, -1);
}

void TstIbmClient::backendDetails()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(
        200,
        json::parse(
            R"({"state":true,"status":"active","message":"available","length_queue":7,"backend_version":"1.2.8"})")));
    f.transport->script.push_back(jsonReply(200, {{"backend_name", "ibm_fez"}, {"n_qubits", 156}}));
    f.transport->script.push_back(
        jsonReply(404, {{"errors", {{{"code", 1007}, {"message", "properties not found"}}}}}));
    f.transport->script.push_back(textReply(200, "null"));
    const BackendStatus s = f.client->backendStatus("ibm_fez");
    QVERIFY(s.operational);
    QCOMPARE(s.status, std::string("active"));
    QCOMPARE(s.queueLength, 7);
    QCOMPARE(s.backendVersion, std::string("1.2.8"));
    QCOMPARE(f.client->backendConfiguration("ibm_fez")["n_qubits"].get<int>(), 156);
    QVERIFY(f.client->backendProperties("ibm_fez").is_null());
    QVERIFY(f.client->backendProperties("ibm_fez").is_null());
    const auto api = f.api();
    QCOMPARE(apiPath(api[0].url), std::string("/backends/ibm_fez/status"));
    QCOMPARE(apiPath(api[1].url), std::string("/backends/ibm_fez/configuration"));
    QCOMPARE(apiPath(api[2].url), std::string("/backends/ibm_fez/properties"));
    // A wrong-region 404 (code 1279) is not "no properties".
    f.transport->script.push_back(jsonReply(404, {{"errors", {{{"code", 1279}, {"message", "Instance not found"}}}}}));
    QVERIFY_THROWS_EXCEPTION(IbmApiError, f.client->backendProperties("ibm_fez"));
}

void TstIbmClient::backendDeviceFromSnapshot()
{
    Fixture f;
    const json conf = readJson(test_support::sharedPath("ibm-backends/fez/conf_fez.json"));
    const json props = readJson(test_support::sharedPath("ibm-backends/fez/props_fez.json"));
    f.transport->script.push_back(jsonReply(200, conf));
    f.transport->script.push_back(jsonReply(200, props));
    const DeviceModel device = f.client->backendDevice("ibm_fez");
    // Reference: the same reader applied to the files directly.
    const DeviceModel expected = deviceFromIbmJson(conf, props, "fez");
    QCOMPARE(device.name, expected.name);
    QCOMPARE(device.numQubits, 156u);
    QCOMPARE(device.couplingMap, expected.couplingMap);
    QCOMPARE(device.gates.size(), expected.gates.size());
    QCOMPARE(device.calibrationDate, expected.calibrationDate);
    QCOMPARE(device.twoQubitGate, std::string("cz"));
}

void TstIbmClient::samplerBodyMatchesDocument()
{
    const SamplerJobRequest r = documentRequest();
    const json body = samplerJobBody(r, "qw-0123456789abcdef");
    const json expected = {{"program_id", "sampler"},
                           {"backend", "ibm_fez"},
                           {"tags", {"qaoa", "maxcut-3", "qw-0123456789abcdef"}},
                           {"params",
                            {{"version", 2},
                             {"support_qiskit", false},
                             {"shots", 2048},
                             {"pubs", {{r.pubs[0].circuit, {{"gamma", {0.35, 0.70}}, {"beta", {0.20, 0.40}}}, 2048}}},
                             {"options", {{"dynamical_decoupling", {{"enable", true}, {"sequence_type", "XpXm"}}}}}}}};
    QCOMPARE(QString::fromStdString(body.dump()), QString::fromStdString(expected.dump()));
}

void TstIbmClient::samplerBodyScalarAndMinimal()
{
    SamplerJobRequest r;
    r.backend = "ibm_kingston";
    r.pubs = {SamplerPub{"OPENQASM 3.0;", {{"theta", {0.5}}}, std::nullopt}, SamplerPub{"OPENQASM 3.0;", {}, 100},
              SamplerPub{"OPENQASM 3.0;", {}, std::nullopt}};
    r.maxExecutionSeconds = 300;
    r.sessionId = "8c7b1f0e-3a52-4d1b-9e0a-5f6d2c4b7a19";
    r.options.twirling.enableGates = true;
    r.options.twirling.numRandomizations = 0;
    r.options.twirling.shotsPerRandomization = 64;
    r.options.execution.repDelaySeconds = 0.00025;
    r.options.defaultShots = 1000;
    const json body = samplerJobBody(r, "qw-x");
    const json& pubs = body["params"]["pubs"];
    QCOMPARE(pubs[0].dump(), std::string(R"(["OPENQASM 3.0;",{"theta":0.5}])")); // scalar binding
    QCOMPARE(pubs[1].dump(), std::string(R"(["OPENQASM 3.0;",null,100])"));
    QCOMPARE(pubs[2].dump(), std::string(R"(["OPENQASM 3.0;"])"));
    QVERIFY(!body["params"].contains("shots"));
    QCOMPARE(body["cost"].get<int>(), 300);
    QCOMPARE(body["session_id"].get<std::string>(), r.sessionId);
    QCOMPARE(body["tags"].dump(), std::string(R"(["qw-x"])"));
    const json& options = body["params"]["options"];
    QCOMPARE(options.dump(), std::string(R"({"default_shots":1000,"execution":{"rep_delay":0.00025},)"
                                         R"("twirling":{"enable_gates":true,"num_randomizations":"auto",)"
                                         R"("shots_per_randomization":64}})"));
    // Nothing set: no options key at all.
    r.options = {};
    QVERIFY(!samplerJobBody(r, "qw-x")["params"].contains("options"));
}

void TstIbmClient::samplerBodyValidation_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("where");
    QTest::newRow("no backend") << 0 << "backend";
    QTest::newRow("no pubs") << 1 << "pubs";
    QTest::newRow("ragged parameters") << 2 << "pubs[0].parameters";
    QTest::newRow("duplicate parameter") << 3 << "pubs[0].parameters";
    QTest::newRow("nan value") << 4 << "pubs[0].parameters";
    QTest::newRow("too many tags") << 5 << "tags";
    QTest::newRow("long tag") << 6 << "tags[0]";
    QTest::newRow("cost") << 7 << "maxExecutionSeconds";
    QTest::newRow("dd sequence") << 8 << "options.dynamical_decoupling.sequence_type";
    QTest::newRow("twirling strategy") << 9 << "options.twirling.strategy";
    QTest::newRow("meas type") << 10 << "options.execution.meas_type";
    QTest::newRow("shots") << 11 << "shots";
    QTest::newRow("pub shots") << 12 << "pubs[0].shots";
    QTest::newRow("session id") << 13 << "sessionId";
    QTest::newRow("empty circuit") << 14 << "pubs[0].circuit";
}

void TstIbmClient::samplerBodyValidation()
{
    QFETCH(int, which);
    QFETCH(QString, where);
    SamplerJobRequest r = documentRequest();
    switch (which) {
    case 0: r.backend.clear(); break;
    case 1: r.pubs.clear(); break;
    case 2: r.pubs[0].parameters[1].second = {0.1}; break;
    case 3: r.pubs[0].parameters[1].first = "gamma"; break;
    case 4: r.pubs[0].parameters[0].second[1] = std::nan(""); break;
    case 5: r.tags = {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"}; break;
    case 6: r.tags = {std::string(87, 'x')}; break;
    case 7: r.maxExecutionSeconds = 10801; break;
    case 8: r.options.dynamicalDecoupling.sequenceType = "YY"; break;
    case 9: r.options.twirling.strategy = "passive"; break;
    case 10: r.options.execution.measType = "raw"; break;
    case 11: r.shots = 0; break;
    case 12: r.pubs[0].shots = 10'000'001; break;
    case 13: r.sessionId = std::string(37, 'a'); break;
    case 14: r.pubs[0].circuit.clear(); break;
    }
    try {
        samplerJobBody(r, "qw-x");
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(e.where()), where);
    }
}

void TstIbmClient::createJobRequest()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(200, {{"id", "d3k9q1m5f0c8s7a2b4tg"}, {"backend", "ibm_fez"}}));
    const SamplerJobRequest request = documentRequest();
    const CreatedJob job = f.client->createSamplerJob(request);
    QCOMPARE(job.id, std::string("d3k9q1m5f0c8s7a2b4tg"));
    QCOMPARE(job.backend, std::string("ibm_fez"));
    QCOMPARE(job.clientTag, std::string("qw-test-1"));
    QVERIFY(!job.recoveredByTag);
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{1});
    QCOMPARE(api[0].method, std::string("POST"));
    QCOMPARE(api[0].url, std::string(test_support::FAKE_API_URL) + "/jobs");
    QCOMPARE(api[0].header("Content-Type").value_or(""), std::string("application/json"));
    QCOMPARE(api[0].header("Service-CRN").value_or(""), std::string(test_support::FAKE_CRN));
    QCOMPARE(json::parse(api[0].body), samplerJobBody(request, "qw-test-1"));
    QVERIFY(api[0].timeoutSeconds >= 300.0);
    // A caller-chosen tag is used as is; one without the prefix is refused before sending.
    SamplerJobRequest tagged = request;
    tagged.clientTag = "qw-mine";
    f.transport->script.push_back(jsonReply(200, {{"id", "j2"}}));
    QCOMPARE(f.client->createSamplerJob(tagged).clientTag, std::string("qw-mine"));
    tagged.clientTag = "mine";
    QVERIFY_THROWS_EXCEPTION(Error, f.client->createSamplerJob(tagged));
    QCOMPARE(f.api().size(), std::size_t{2});
}

void TstIbmClient::reauthOnceOn401()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(401, {{"errors", {{{"code", 1201}, {"message", "expired"}}}}}));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Running")));
    QCOMPARE(f.client->getJob("j1").status, JobStatus::Running);
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{2});
    QCOMPARE(api[0].header("Authorization").value_or(""), std::string("Bearer tok-1"));
    QCOMPARE(api[1].header("Authorization").value_or(""), std::string("Bearer tok-2"));
    QCOMPARE(f.transport->iamCalls, 2);
    QVERIFY(f.waits().empty()); // no backoff for a re-authentication
}

void TstIbmClient::noLoopOnSecond401()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(401, {{"errors", {{{"code", 1201}, {"message", "expired"}}}}}));
    f.transport->script.push_back(jsonReply(401, {{"errors", {{{"code", 1201}, {"message", "invalid token"}}}}}));
    try {
        f.client->getJob("j1");
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 401);
        QCOMPARE(e.message(), std::string("invalid token"));
    }
    QCOMPARE(f.api().size(), std::size_t{2});
    QCOMPARE(f.transport->iamCalls, 2);
}

void TstIbmClient::tokenRefreshedAtEightyPercent()
{
    Fixture f;
    f.transport->tokenLifetime = 1000;
    for (int i = 0; i < 3; ++i)
        f.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued")));
    f.client->getJob("j1");
    *f.clock += 799.0;
    f.client->getJob("j1");
    *f.clock += 1.0;
    f.client->getJob("j1");
    const auto api = f.api();
    QCOMPARE(api[0].header("Authorization").value_or(""), std::string("Bearer tok-1"));
    QCOMPARE(api[1].header("Authorization").value_or(""), std::string("Bearer tok-1"));
    QCOMPARE(api[2].header("Authorization").value_or(""), std::string("Bearer tok-2"));
}

void TstIbmClient::retryScheduleOn5xx()
{
    Fixture f;
    f.transport->script.push_back(textReply(503, "maintenance"));
    f.transport->script.push_back(jsonReply(502, {{"errors", {{{"code", 0}, {"message", "bad gateway"}}}}}));
    f.transport->script.push_back(textReply(524, "timeout"));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Completed")));
    QCOMPARE(f.client->getJob("j1").status, JobStatus::Completed);
    QCOMPARE(f.api().size(), std::size_t{4});
    const auto expected = referenceWaits({status(503), status(502), status(524)});
    QCOMPARE(f.waits(), expected);
    QVERIFY(expected[0] < 0.5 && expected[1] < 1.0 && expected[2] < 2.0);
    // A Retry-After on a 503 is honoured.
    f.transport->script.push_back(textReply(503, "maintenance", {{"Retry-After", "4"}}));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Completed")));
    f.client->getJob("j1");
    QCOMPARE(f.waits().back(), 4.0);
}

void TstIbmClient::retryOnConnectionErrors()
{
    Fixture f;
    f.transport->script.push_back(failureReply(TransportFailure::ConnectFailed, false));
    f.transport->script.push_back(failureReply(TransportFailure::ConnectionLost, true));
    f.transport->script.push_back(failureReply(TransportFailure::Timeout, true));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued")));
    QCOMPARE(f.client->getJob("j1").id, std::string("j1"));
    QCOMPARE(f.waits().size(), std::size_t{3});
    // A malformed or cut JSON body of a GET is retried as well.
    f.transport->script.push_back(textReply(200, R"({"id":"j1","sta)"));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued")));
    QCOMPARE(f.client->getJob("j1").id, std::string("j1"));
    QCOMPARE(f.waits().size(), std::size_t{4});
}

void TstIbmClient::rateLimitWithAndWithoutRetryAfter()
{
    Fixture f;
    f.transport->script.push_back(
        jsonReply(429, {{"errors", {{{"code", 1202}, {"message", "Too many"}}}}}, {{"Retry-After", "7"}}));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued")));
    f.client->getJob("j1");
    QCOMPARE(f.waits(), std::vector<double>{7.0});
    f.transport->script.push_back(jsonReply(429, {{"errors", {{{"code", 1202}, {"message", "Too many"}}}}}));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued")));
    f.client->getJob("j1");
    QCOMPARE(f.waits().size(), std::size_t{2});
    QVERIFY(f.waits()[1] >= 12.0);
    // Configurable for tests, but still not immediate when the server sends Retry-After: 0.
    RetryOptions quick;
    quick.rateLimitSeconds = 1.0;
    Fixture g(quick);
    g.transport->script.push_back(jsonReply(429, json::object(), {{"Retry-After", "0"}}));
    g.transport->script.push_back(jsonReply(429, json::object()));
    g.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued")));
    g.client->getJob("j1");
    QCOMPARE(g.waits().size(), std::size_t{2});
    QVERIFY(g.waits()[0] > 0.0);
    QVERIFY(g.waits()[1] >= 1.0);
}

void TstIbmClient::noRetryForClientErrors_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("400") << 400;
    QTest::newRow("403") << 403;
    QTest::newRow("404") << 404;
    QTest::newRow("409") << 409;
}

void TstIbmClient::noRetryForClientErrors()
{
    QFETCH(int, code);
    Fixture f;
    f.transport->script.push_back(jsonReply(code, {{"errors", {{{"code", 1000 + code}, {"message", "nope"}}}}}));
    f.transport->script.push_back(jsonReply(200, jobJson("j1", "Queued"))); // must stay unused
    try {
        f.client->getJob("j1");
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), code);
        QCOMPARE(e.ibmCode(), std::to_string(1000 + code));
    }
    QCOMPARE(f.api().size(), std::size_t{1});
    QVERIFY(f.waits().empty());
    // The same for a job creation: no tag lookup, no second POST.
    f.transport->script.clear();
    f.transport->script.push_back(jsonReply(code, {{"errors", {{{"code", 1000 + code}, {"message", "nope"}}}}}));
    QVERIFY_THROWS_EXCEPTION(IbmApiError, f.client->createSamplerJob(documentRequest()));
    QCOMPARE(f.api().size(), std::size_t{2});
}

void TstIbmClient::retriesExhausted()
{
    RetryOptions retry;
    retry.maxAttempts = 3;
    Fixture f(retry);
    for (int i = 0; i < 3; ++i)
        f.transport->script.push_back(textReply(503, "down"));
    try {
        f.client->getJob("j1");
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 503);
        QCOMPARE(e.message(), std::string("down"));
    }
    QCOMPARE(f.api().size(), std::size_t{3});
    QCOMPARE(f.waits().size(), std::size_t{2});
    for (int i = 0; i < 3; ++i)
        f.transport->script.push_back(failureReply(TransportFailure::ConnectionLost, true));
    QVERIFY_THROWS_EXCEPTION(TransportError, f.client->getJob("j1"));
}

void TstIbmClient::droppedPostFoundByTag()
{
    Fixture f;
    f.transport->script.push_back(failureReply(TransportFailure::ConnectionLost, true));
    f.transport->script.push_back(
        jsonReply(200, {{"jobs", {jobJson("d3k9q1m5f0c8s7a2b4tg", "Queued", {"qaoa", "qw-test-1"})}},
                        {"count", 1},
                        {"offset", 0},
                        {"limit", 10}}));
    const CreatedJob job = f.client->createSamplerJob(documentRequest());
    QCOMPARE(job.id, std::string("d3k9q1m5f0c8s7a2b4tg"));
    QVERIFY(job.recoveredByTag);
    QCOMPARE(job.clientTag, std::string("qw-test-1"));
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{2});
    QCOMPARE(api[0].method, std::string("POST"));
    QCOMPARE(api[1].method, std::string("GET"));
    QCOMPARE(apiPath(api[1].url), std::string("/jobs"));
    QVERIFY(apiQuery(api[1].url).find("tags=qw-test-1") != std::string::npos);
    QCOMPARE(f.waits().size(), std::size_t{1}); // a pause before looking, so the server can record the job
}

void TstIbmClient::droppedPostNotFoundRetriedOnce()
{
    Fixture f;
    f.transport->script.push_back(failureReply(TransportFailure::Timeout, true));
    f.transport->script.push_back(jsonReply(200, {{"jobs", json::array()}, {"count", 0}}));
    f.transport->script.push_back(jsonReply(200, {{"id", "j-second"}, {"backend", "ibm_fez"}}));
    const CreatedJob job = f.client->createSamplerJob(documentRequest());
    QCOMPARE(job.id, std::string("j-second"));
    QVERIFY(!job.recoveredByTag);
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{3});
    int posts = 0;
    for (const auto& r : api)
        posts += r.method == "POST" ? 1 : 0;
    QCOMPARE(posts, 2);
    QCOMPARE(api[0].body, api[2].body); // the repeat carries the same tag
}

void TstIbmClient::postServerErrorsAndRateLimit()
{
    Fixture f;
    // A 503 may have been processed: look up, find nothing, repeat.
    f.transport->script.push_back(textReply(503, "busy"));
    f.transport->script.push_back(jsonReply(200, {{"jobs", json::array()}, {"count", 0}}));
    // A 429 was refused: no lookup, wait >= 12 s, repeat.
    f.transport->script.push_back(
        jsonReply(429, {{"errors", {{{"code", 1202}, {"message", "limit is 5 per minute"}}}}}));
    f.transport->script.push_back(jsonReply(200, {{"id", "j-ok"}}));
    const CreatedJob job = f.client->createSamplerJob(documentRequest());
    QCOMPARE(job.id, std::string("j-ok"));
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{4});
    QCOMPARE(api[1].method, std::string("GET"));
    QCOMPARE(api[2].method, std::string("POST"));
    QCOMPARE(api[3].method, std::string("POST"));
    QCOMPARE(f.waits().size(), std::size_t{2});
    QVERIFY(f.waits()[1] >= 12.0);

    // A 502 whose job was in fact created is recovered.
    f.transport->script.push_back(textReply(502, "bad gateway"));
    f.transport->script.push_back(
        jsonReply(200, {{"jobs", {jobJson("j-made", "Queued", {"qw-test-2"})}}, {"count", 1}}));
    const CreatedJob recovered = f.client->createSamplerJob(documentRequest());
    QCOMPARE(recovered.id, std::string("j-made"));
    QVERIFY(recovered.recoveredByTag);
}

void TstIbmClient::postNeverSentIsRepeatedWithoutLookup()
{
    Fixture f;
    f.transport->script.push_back(failureReply(TransportFailure::ConnectFailed, false));
    f.transport->script.push_back(jsonReply(200, {{"id", "j-1"}}));
    QCOMPARE(f.client->createSamplerJob(documentRequest()).id, std::string("j-1"));
    const auto api = f.api();
    QCOMPARE(api.size(), std::size_t{2});
    QCOMPARE(api[1].method, std::string("POST"));
    // Exhausted attempts with an unknown outcome report the tag that was searched for.
    RetryOptions retry;
    retry.maxAttempts = 1;
    Fixture g(retry);
    g.transport->script.push_back(failureReply(TransportFailure::ConnectionLost, true));
    g.transport->script.push_back(jsonReply(200, {{"jobs", json::array()}, {"count", 0}}));
    try {
        g.client->createSamplerJob(documentRequest());
        QFAIL("no error");
    } catch (const TransportError& e) {
        QVERIFY(e.requestSent());
        QVERIFY(std::string(e.what()).find("qw-test-1") != std::string::npos);
    }
    QCOMPARE(g.api().size(), std::size_t{2});
}

void TstIbmClient::getJobParsing()
{
    Fixture f;
    // §6.1's examples.
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"id":"d3k9q1m5f0c8s7a2b4tg","backend":"ibm_fez",
        "state":{"status":"Completed"},"status":"Completed","program":{"id":"sampler"},
        "created":"2026-09-01T10:15:30.412Z","cost":600,"tags":["qaoa","maxcut-3"],
        "session_id":"8c7b1f0e-3a52-4d1b-9e0a-5f6d2c4b7a19","user_id":"IBMid-6900000AAA",
        "usage":{"seconds":3.0},"runtime":""})")));
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"id":"d3k9r7a1p2c4e6g8i0kg","backend":"ibm_fez",
        "state":{"status":"Failed",
        "reason":"The instruction cz on qubits (0, 5) is not supported by the target system.",
        "reason_code":1517,
        "reason_solution":"Transpile your circuits for the target before submitting a primitive query."},
        "status":"Failed","program":{"id":"sampler"},"created":"2026-09-01T10:20:02.005Z","cost":600})")));
    f.transport->script.push_back(
        jsonReply(200, json::parse(R"({"id":"j3","state":{"status":"CANCELLED","reasonCode":"1305",
        "reason":"RAN TOO LONG"},"status":"Cancelled - Ran too long","program":{"id":"sampler"},"created":"x","cost":1,
        "usage":{"qpu_charge_time_seconds":2,"status":"pending"}})")));
    const JobInfo done = f.client->getJob("d3k9q1m5f0c8s7a2b4tg");
    QCOMPARE(apiPath(f.api()[0].url), std::string("/jobs/d3k9q1m5f0c8s7a2b4tg"));
    QCOMPARE(done.status, JobStatus::Completed);
    QCOMPARE(done.tags, (std::vector<std::string>{"qaoa", "maxcut-3"}));
    QCOMPARE(done.sessionId, std::string("8c7b1f0e-3a52-4d1b-9e0a-5f6d2c4b7a19"));
    QCOMPARE(*done.usageSeconds, 3.0);
    QCOMPARE(*done.cost, std::int64_t{600});
    QCOMPARE(done.programId, std::string("sampler"));
    QCOMPARE(done.created, std::string("2026-09-01T10:15:30.412Z"));
    const JobInfo failed = f.client->getJob("d3k9r7a1p2c4e6g8i0kg");
    QCOMPARE(failed.status, JobStatus::Failed);
    QCOMPARE(failed.reasonCode, std::string("1517"));
    QVERIFY(failed.reason.find("(0, 5)") != std::string::npos);
    QVERIFY(failed.solution.find("Transpile") != std::string::npos);
    QVERIFY(!failed.usageSeconds);
    QVERIFY(!failed.ranTooLong);
    const JobInfo tooLong = f.client->getJob("j3");
    QCOMPARE(tooLong.status, JobStatus::Cancelled);
    QVERIFY(tooLong.ranTooLong);
    QCOMPARE(tooLong.reasonCode, std::string("1305"));
    QCOMPARE(*tooLong.usageSeconds, 2.0);
    QVERIFY(isTerminal(tooLong.status));
    QVERIFY(!isTerminal(JobStatus::Running));
    QCOMPARE(parseJobStatus("queued"), JobStatus::Queued);
    QCOMPARE(parseJobStatus("DONE"), JobStatus::Unknown);
    f.transport->script.push_back(jsonReply(200, {{"state", {{"status", "Queued"}}}}));
    QVERIFY_THROWS_EXCEPTION(Error, f.client->getJob("j4")); // no id
}

void TstIbmClient::listJobsQuery()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(
        200,
        {{"jobs", {jobJson("a", "Queued"), jobJson("b", "Running")}}, {"count", 313}, {"offset", 20}, {"limit", 2}}));
    JobListQuery q;
    q.limit = 2;
    q.offset = 20;
    q.pending = true;
    q.program = "sampler";
    q.backend = "ibm_fez";
    q.createdAfter = "2026-09-01T00:00:00Z";
    q.ascending = true;
    q.tags = {"qaoa", "run 7"};
    q.sessionId = "s1";
    const JobList list = f.client->listJobs(q);
    QCOMPARE(list.jobs.size(), std::size_t{2});
    QCOMPARE(list.jobs[1].status, JobStatus::Running);
    QCOMPARE(list.count, std::int64_t{313});
    QCOMPARE(list.offset, std::int64_t{20});
    QCOMPARE(apiQuery(f.api()[0].url),
             std::string(
                 "limit=2&offset=20&pending=true&program=sampler&backend=ibm_fez&created_after=2026-09-01T00%3A00%3A00Z"
                 "&sort=ASC&tags=qaoa&tags=run%207&session_id=s1&exclude_params=true"));
    q.limit = 201;
    QVERIFY_THROWS_EXCEPTION(Error, f.client->listJobs(q));
    QCOMPARE(f.api().size(), std::size_t{1});
}

void TstIbmClient::cancelDeleteTags()
{
    Fixture f;
    f.transport->script.push_back(textReply(204, ""));
    f.transport->script.push_back(
        jsonReply(409, {{"errors", {{{"code", 1213}, {"message", "Job is in a terminal state"}}}}}));
    f.transport->script.push_back(textReply(204, ""));
    f.transport->script.push_back(textReply(204, ""));
    f.client->cancelJob("j1");
    try {
        f.client->cancelJob("j1");
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 409);
        QVERIFY(std::string(e.what()).find("cannot be cancelled") != std::string::npos);
        QVERIFY(std::string(e.what()).find("terminal state") != std::string::npos);
    }
    f.client->deleteJob("j1");
    f.client->replaceJobTags("j1", {"a", "b"});
    const auto api = f.api();
    QCOMPARE(api[0].method, std::string("POST"));
    QCOMPARE(apiPath(api[0].url), std::string("/jobs/j1/cancel"));
    QCOMPARE(api.size(), std::size_t{4}); // the 409 was not retried
    QCOMPARE(api[2].method, std::string("DELETE"));
    QCOMPARE(apiPath(api[2].url), std::string("/jobs/j1"));
    QCOMPARE(api[3].method, std::string("PUT"));
    QCOMPARE(apiPath(api[3].url), std::string("/jobs/j1/tags"));
    QCOMPARE(json::parse(api[3].body), json({{"tags", {"a", "b"}}}));
}

void TstIbmClient::metricsBothShapes()
{
    Fixture f;
    // §6.7, API version 2026-04-15.
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"timestamps":{"created":"2026-09-01T10:15:30.412Z",
        "running":"2026-09-01T10:21:02.118Z","finished":"2026-09-01T10:21:07.950Z"},
        "usage":{"qpu_charge_time_seconds":3,"status":"completed"},"circuits_execution_time_ns":1834000000,
        "executions":4096,"num_circuits":2,"num_qubits":[2],"circuit_depths":[17]})")));
    f.transport->script.push_back(
        jsonReply(200, json::parse(R"({"timestamps":{"created":"c","running":null,"finished":null},
        "usage":{"qpu_charge_time_seconds":0,"status":"pending"}})")));
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"timestamps":{"created":"c","finished":"f"},
        "usage":{"quantum_seconds":4.5,"seconds":4.5},"bss":{"seconds":4}})")));
    const JobMetrics now = f.client->jobMetrics("j1");
    QCOMPARE(apiPath(f.api()[0].url), std::string("/jobs/j1/metrics"));
    QCOMPARE(now.qpuSeconds, 3.0);
    QVERIFY(now.usageFinal);
    QCOMPARE(now.finished, std::string("2026-09-01T10:21:07.950Z"));
    QCOMPARE(*now.executions, std::int64_t{4096});
    QCOMPARE(*now.numCircuits, std::int64_t{2});
    const JobMetrics pending = f.client->jobMetrics("j1");
    QVERIFY(!pending.usageFinal);
    QVERIFY(pending.running.empty());
    const JobMetrics old = f.client->jobMetrics("j1");
    QCOMPARE(old.qpuSeconds, 4.5);
    QVERIFY(old.usageFinal);
}

void TstIbmClient::resultsDecodedAndStates()
{
    Fixture f;
    f.transport->script.push_back(
        jsonReply(200, json::parse(R"({"results":[{"data":{"meas":{"samples":["0x3","0x0","0x3","0x1","0x2","0x3"],
        "num_bits":2}},"metadata":{"circuit_metadata":{}}}],"metadata":{"version":2}})")));
    f.transport->script.push_back(textReply(204, ""));
    f.transport->script.push_back(
        textReply(200,
                  "Job failed.\nTraceback (most recent call last):\n  File x\n"
                  "Traceback (most recent call last):\n  File y\nQiskitError: 'duplicate bit arguments'\n",
                  {{"Content-Type", "text/plain"}}));
    f.transport->script.push_back(textReply(200, R"({"results":[{"data":{"meas":{"sam)"));
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"results":[]})")));
    const JobResults results = f.client->jobResults("j1");
    QVERIFY(results.available);
    QCOMPARE(apiPath(f.api()[0].url), std::string("/jobs/j1/results"));
    const SampleCounts counts = results.result.pubs.at(0).findRegister("meas")->sampleCounts();
    QCOMPARE(counts.count(3), 3.0);
    QCOMPARE(counts.count(1), 1.0);
    QVERIFY(!f.client->jobResults("j1").available);
    try {
        f.client->jobResults("j1");
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        const std::string what = e.what();
        QVERIFY(what.find("Traceback (most recent call last):\n  File y") != std::string::npos);
        QVERIFY(what.find("File x") == std::string::npos); // from the last Traceback on
        QVERIFY(what.find("duplicate bit arguments") != std::string::npos);
    }
    // A cut body is fetched again.
    QVERIFY(f.client->jobResults("j1").available);
    QCOMPARE(f.waits().size(), std::size_t{1});
}

void TstIbmClient::instanceUsage()
{
    Fixture f;
    f.transport->script.push_back(jsonReply(200, json::parse(R"({"instance_id":"crn:x","plan_id":"open",
        "usage_period":{"start_time":"2026-09-01T00:00:00Z","end_time":"2026-09-29T00:00:00Z"},
        "usage_consumed_seconds":120,"usage_limit_seconds":600,"usage_limit_reached":false})")));
    const InstanceUsage u = f.client->instanceUsage();
    QCOMPARE(apiPath(f.api()[0].url), std::string("/instances/usage"));
    QCOMPARE(u.consumedSeconds, 120.0);
    QCOMPARE(*u.limitSeconds, 600.0);
    QVERIFY(!u.allocationSeconds);
    QVERIFY(!u.limitReached);
    QCOMPARE(u.periodEnd, std::string("2026-09-29T00:00:00Z"));
}

void TstIbmClient::sessions()
{
    Fixture f;
    const json session =
        json::parse(R"({"id":"8c7b1f0e-3a52-4d1b-9e0a-5f6d2c4b7a19","mode":"batch","backend_name":"ibm_fez",
        "state":"open","accepting_jobs":true,"max_ttl":28800,
        "active_ttl":null,"started_at":null,"state_reason":null})");
    f.transport->script.push_back(jsonReply(200, session));
    f.transport->script.push_back(jsonReply(200, session));
    f.transport->script.push_back(textReply(204, ""));
    f.transport->script.push_back(textReply(204, ""));
    const SessionInfo created = f.client->createSession(SessionMode::Batch, "ibm_fez", 28800);
    QCOMPARE(created.id, std::string("8c7b1f0e-3a52-4d1b-9e0a-5f6d2c4b7a19"));
    QCOMPARE(created.backend, std::string("ibm_fez"));
    QVERIFY(created.acceptingJobs);
    QCOMPARE(*created.maxTtl, std::int64_t{28800});
    QVERIFY(!created.activeTtl);
    QCOMPARE(f.client->getSession(created.id).state, std::string("open"));
    f.client->closeSession(created.id);
    f.client->cancelSession(created.id);
    const auto api = f.api();
    QCOMPARE(api[0].method, std::string("POST"));
    QCOMPARE(apiPath(api[0].url), std::string("/sessions"));
    QCOMPARE(json::parse(api[0].body), json({{"mode", "batch"}, {"backend", "ibm_fez"}, {"max_ttl", 28800}}));
    QCOMPARE(apiPath(api[1].url), std::string("/sessions/") + created.id);
    QCOMPARE(api[2].method, std::string("PATCH"));
    QCOMPARE(json::parse(api[2].body), json({{"accepting_jobs", false}}));
    QCOMPARE(api[3].method, std::string("DELETE"));
    QCOMPARE(apiPath(api[3].url), std::string("/sessions/") + created.id + "/close");
    // Creating is not repeated after a 5xx or a dropped answer (it could open a second session).
    f.transport->script.push_back(textReply(503, "busy"));
    QVERIFY_THROWS_EXCEPTION(IbmApiError, f.client->createSession(SessionMode::Dedicated, "ibm_fez"));
    f.transport->script.push_back(failureReply(TransportFailure::ConnectionLost, true));
    QVERIFY_THROWS_EXCEPTION(TransportError, f.client->createSession(SessionMode::Dedicated, "ibm_fez"));
    QCOMPARE(f.api().size(), std::size_t{6});
    QCOMPARE(json::parse(f.api()[4].body)["mode"].get<std::string>(), std::string("dedicated"));
}

void TstIbmClient::cancellation()
{
    Fixture f;
    RunControl cancelled;
    cancelled.requestCancel();
    try {
        f.client->getJob("j1", cancelled);
        QFAIL("no error");
    } catch (const TransportError& e) {
        QVERIFY(e.cancelled());
    }
    QVERIFY(f.api().empty());
    // Cancelled while waiting between retries: no further request.
    RunControl control;
    IbmClientOptions options;
    options.retry.seed = 1;
    options.sleep = [&](double, RunControl& c) { c.requestCancel(); };
    IbmAccount account;
    account.apiKey = "k-0000000000000";
    account.instanceCrn = test_support::FAKE_CRN;
    account.apiUrl = test_support::FAKE_API_URL;
    account.iamUrl = test_support::FAKE_IAM_URL;
    auto transport = std::make_shared<FakeTransport>();
    IbmClient client(account, transport, options);
    transport->script.push_back(textReply(503, "busy"));
    QVERIFY_THROWS_EXCEPTION(TransportError, client.getJob("j1", control));
    QCOMPARE(transport->apiRequests().size(), std::size_t{1});
}

void TstIbmClient::idsChecked()
{
    Fixture f;
    QVERIFY_THROWS_EXCEPTION(Error, f.client->getJob(""));
    QVERIFY_THROWS_EXCEPTION(Error, f.client->jobResults(""));
    QVERIFY_THROWS_EXCEPTION(Error, f.client->backendConfiguration(""));
    QVERIFY_THROWS_EXCEPTION(Error, f.client->getJob("a\nb"));
    QVERIFY(f.api().empty());
    f.transport->script.push_back(jsonReply(200, jobJson("a/b c", "Queued")));
    f.client->getJob("a/b c");
    QCOMPARE(apiPath(f.api()[0].url), std::string("/jobs/a%2Fb%20c"));
}

void TstIbmClient::constructorChecks()
{
    IbmAccount account;
    account.apiKey = "k-0000000000000";
    account.instanceCrn = test_support::FAKE_CRN;
    auto transport = std::make_shared<FakeTransport>();
    IbmClientOptions options;
    options.apiVersion = "2026-4-15";
    QVERIFY_THROWS_EXCEPTION(Error, IbmClient(account, transport, options));
    options.apiVersion = "2025-05-01";
    IbmClient client(account, transport, options);
    // Missing URLs come from the CRN's region and the public IAM.
    QCOMPARE(client.account().apiUrl, std::string("https://quantum.cloud.ibm.com/api/v1"));
    QCOMPARE(client.account().iamUrl, std::string(IBM_DEFAULT_IAM_URL));
    account.instanceCrn = "crn:v1:bluemix:public:quantum-computing:eu-de:a/x:y::";
    QCOMPARE(IbmClient(account, transport).account().apiUrl, std::string("https://eu-de.quantum.cloud.ibm.com/api/v1"));
    account.instanceCrn = "nonsense";
    QVERIFY_THROWS_EXCEPTION(Error, IbmClient(account, transport));
    account.instanceCrn = test_support::FAKE_CRN;
    QVERIFY_THROWS_EXCEPTION(Error, IbmClient(account, nullptr));
}

void TstIbmClient::emulatorBackends()
{
    EmulatorFixture f;
    const auto versions = f.client->versions();
    QVERIFY(std::any_of(versions.begin(), versions.end(),
                        [](const ApiVersionInfo& v) { return v.version == "2026-04-15"; }));
    const auto backends = f.client->backends();
    QCOMPARE(backends.size(), std::size_t{1});
    QCOMPARE(backends[0].name, std::string("ibm_fez"));
    QCOMPARE(backends[0].status, std::string("online"));
    const BackendStatus status = f.client->backendStatus("ibm_fez");
    QVERIFY(status.operational);
    const DeviceModel device = f.client->backendDevice("ibm_fez");
    QCOMPARE(device.numQubits, 156u);
    QCOMPARE(device.twoQubitGate, std::string("cz"));
    QVERIFY(!device.couplingMap.empty());
    try {
        f.client->backendConfiguration("ibm_nowhere");
        QFAIL("no error");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 404);
    }
}

void TstIbmClient::emulatorJobLifecycle()
{
    EmulatorFixture f;
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0}, 300));
    QVERIFY(!created.id.empty());
    QCOMPARE(created.backend, std::string("ibm_fez"));
    const JobInfo done = f.waitFor(created.id);
    QCOMPARE(done.status, JobStatus::Completed);
    QVERIFY(std::find(done.tags.begin(), done.tags.end(), created.clientTag) != done.tags.end());
    QVERIFY(std::find(done.tags.begin(), done.tags.end(), "qaoa-test") != done.tags.end());
    QCOMPARE(done.programId, std::string("sampler"));

    const JobResults results = f.client->jobResults(created.id);
    QVERIFY(results.available);
    QCOMPARE(results.result.pubs.size(), std::size_t{1});
    const RegisterSamples* meas = results.result.pubs[0].findRegister("meas");
    QVERIFY(meas);
    QCOMPARE(meas->numBits, 2u);
    QVERIFY(meas->shape.empty()); // a scalar binding gives flat samples
    const SampleCounts counts = meas->sampleCounts();
    QCOMPARE(counts.total(), 300.0);
    // theta = 0: both qubits read 1 apart from noise, so outcome 3 (meas[0] = meas[1] = 1) dominates; the bit
    // order is checked by meas[0] = 1 alone (x on $0) being far likelier than meas[1] = 1 alone.
    QVERIFY2(counts.count(3) > 0.7 * 300, qPrintable(QString::number(counts.count(3))));
    QVERIFY(counts.count(1) >= counts.count(2) || counts.count(1) + counts.count(2) < 30);

    const JobMetrics metrics = f.client->jobMetrics(created.id);
    QVERIFY(!metrics.created.empty());
    QVERIFY(metrics.qpuSeconds >= 0.0);

    JobListQuery query;
    query.tags = {created.clientTag};
    const JobList list = f.client->listJobs(query);
    QCOMPARE(list.jobs.size(), std::size_t{1});
    QCOMPARE(list.jobs[0].id, created.id);
    QCOMPARE(list.count, std::int64_t{1});

    f.client->deleteJob(created.id);
    try {
        f.client->getJob(created.id);
        QFAIL("deleted job still there");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 404);
    }
    QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
}

void TstIbmClient::emulatorBroadcastResults()
{
    EmulatorFixture f;
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0, 3.141592653589793}, 200));
    QCOMPARE(f.waitFor(created.id).status, JobStatus::Completed);
    const JobResults results = f.client->jobResults(created.id);
    const RegisterSamples* meas = results.result.pubs.at(0).findRegister("meas");
    QVERIFY(meas);
    QCOMPARE(meas->shape, std::vector<std::size_t>{2});
    QCOMPARE(meas->shotsPerBinding, std::size_t{200});
    // Binding 0 (theta = 0): meas[1] = 1 mostly; binding 1 (theta = pi): meas[1] = 0 mostly; meas[0] = 1 in both.
    const SampleCounts zero = meas->sampleCounts(0);
    const SampleCounts pi = meas->sampleCounts(1);
    QVERIFY2(zero.count(3) > 140, qPrintable(QString::number(zero.count(3))));
    QVERIFY2(pi.count(1) > 140, qPrintable(QString::number(pi.count(1))));
}

void TstIbmClient::emulatorCancel()
{
    EmulatorFixture f;
    f.emu.holdJobsQueued(true);
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0}));
    QCOMPARE(f.client->getJob(created.id).status, JobStatus::Queued);
    f.client->cancelJob(created.id);
    QCOMPARE(f.client->getJob(created.id).status, JobStatus::Cancelled);
    QVERIFY(!f.client->jobResults(created.id).available); // 204 after cancel
    try {
        f.client->cancelJob(created.id);
        QFAIL("cancelled twice");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 409);
        QVERIFY(std::string(e.what()).find("cannot be cancelled") != std::string::npos);
    }
    f.emu.holdJobsQueued(false);
}

void TstIbmClient::emulatorFailedJob()
{
    EmulatorFixture f;
    ibmemu::JobFailure failure;
    failure.reasonCode = 1517;
    failure.reason = "The instruction cz on qubits (0, 5) is not supported by the target system.";
    f.emu.failNextJobs(failure);
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0}));
    const JobInfo job = f.waitFor(created.id);
    QCOMPARE(job.status, JobStatus::Failed);
    QCOMPARE(job.reasonCode, std::string("1517"));
    QVERIFY(job.reason.find("(0, 5)") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(IbmApiError, f.client->jobResults(created.id));
}

void TstIbmClient::emulatorReauthAfterExpiry()
{
    EmulatorFixture f;
    f.client->backends();
    QCOMPARE(f.emu.tokensIssued(), std::size_t{1});
    f.emu.expireAllTokens();
    QCOMPARE(f.client->backends().size(), std::size_t{1});
    QCOMPARE(f.emu.tokensIssued(), std::size_t{2});
    QVERIFY(f.sleeps.waits->empty());
    // The fault form: the next request's token is invalidated first.
    ibmemu::FaultRule rule;
    rule.kind = ibmemu::FaultKind::ExpireToken;
    rule.pathPrefix = "/api/v1/backends";
    f.emu.addFault(rule);
    QCOMPARE(f.client->backends().size(), std::size_t{1});
    QCOMPARE(f.emu.tokensIssued(), std::size_t{3});
}

void TstIbmClient::emulatorRetryAfterHonoured()
{
    EmulatorFixture f;
    ibmemu::FaultRule rule;
    rule.method = "POST";
    rule.pathPrefix = "/api/v1/jobs";
    rule.status = 429;
    rule.errorCode = 1202;
    rule.retryAfterSeconds = 3;
    f.emu.addFault(rule);
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0}));
    QVERIFY(!created.id.empty());
    QVERIFY(!created.recoveredByTag);
    QCOMPARE(*f.sleeps.waits, std::vector<double>{3.0});
    QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
}

void TstIbmClient::emulatorRateLimitNeverImmediate()
{
    ibmemu::EmulatorOptions options = quickEmulator();
    options.jobCreationsPerMinute = 1;
    RetryOptions retry;
    EmulatorFixture f(options);
    f.client->createSamplerJob(f.request({0.0}));
    try {
        f.client->createSamplerJob(f.request({0.0}));
        QFAIL("the rate limit did not apply");
    } catch (const IbmApiError& e) {
        QCOMPARE(e.httpStatus(), 429);
        QCOMPARE(e.ibmCode(), std::string("1202"));
        QCOMPARE(e.code(), ErrorCode::LimitExceeded);
    }
    // Every retry waited at least the 5-per-minute spacing; the waits were recorded, not slept.
    QCOMPARE(f.sleeps.waits->size(), std::size_t(retry.maxAttempts - 1));
    for (const double w : *f.sleeps.waits)
        QVERIFY(w >= 12.0);
    QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
}

void TstIbmClient::emulatorDroppedPostNoDuplicate()
{
    EmulatorFixture f;
    ibmemu::FaultRule rule;
    rule.method = "POST";
    rule.pathPrefix = "/api/v1/jobs";
    rule.kind = ibmemu::FaultKind::DropConnection;
    rule.afterEffect = true;
    f.emu.addFault(rule);
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0}));
    QVERIFY(created.recoveredByTag);
    QCOMPARE(f.emu.jobsCreated(), std::size_t{1});
    QCOMPARE(f.waitFor(created.id).status, JobStatus::Completed);

    // The same with a 503 answered after the job was made.
    rule.kind = ibmemu::FaultKind::Status;
    rule.status = 503;
    f.emu.addFault(rule);
    const CreatedJob second = f.client->createSamplerJob(f.request({0.0}));
    QVERIFY(second.recoveredByTag);
    QCOMPARE(f.emu.jobsCreated(), std::size_t{2});

    // Dropped before anything happened: the lookup finds nothing and the job is created once.
    rule.kind = ibmemu::FaultKind::DropConnection;
    rule.afterEffect = false;
    f.emu.addFault(rule);
    const CreatedJob third = f.client->createSamplerJob(f.request({0.0}));
    QVERIFY(!third.recoveredByTag);
    QCOMPARE(f.emu.jobsCreated(), std::size_t{3});
}

void TstIbmClient::emulatorTransientFaults()
{
    EmulatorFixture f;
    const CreatedJob created = f.client->createSamplerJob(f.request({0.0}));
    f.waitFor(created.id);
    for (const auto kind :
         {ibmemu::FaultKind::MalformedJson, ibmemu::FaultKind::TruncatedJson, ibmemu::FaultKind::DropConnection}) {
        ibmemu::FaultRule rule;
        rule.method = "GET";
        rule.pathPrefix = "/api/v1/jobs/";
        rule.kind = kind;
        f.emu.addFault(rule);
        QCOMPARE(f.client->getJob(created.id).id, created.id);
    }
    for (const int code : {500, 502, 503, 504, 520, 524}) {
        ibmemu::FaultRule rule;
        rule.method = "GET";
        rule.pathPrefix = "/api/v1/jobs/";
        rule.status = code;
        f.emu.addFault(rule);
        QVERIFY(f.client->jobResults(created.id).available);
    }
    QCOMPARE(f.sleeps.waits->size(), std::size_t{9});
    ibmemu::FaultRule forbidden;
    forbidden.pathPrefix = "/api/v1/jobs/";
    forbidden.status = 403;
    f.emu.addFault(forbidden);
    QVERIFY_THROWS_EXCEPTION(IbmApiError, f.client->getJob(created.id));
    QCOMPARE(f.sleeps.waits->size(), std::size_t{9});
}

void TstIbmClient::emulatorSessionsAndUsage()
{
    EmulatorFixture f;
    const SessionInfo session = f.client->createSession(SessionMode::Batch, "ibm_fez", 600);
    QVERIFY(!session.id.empty());
    QCOMPARE(session.mode, std::string("batch"));
    SamplerJobRequest request = f.request({0.0});
    request.sessionId = session.id;
    const CreatedJob created = f.client->createSamplerJob(request);
    QCOMPARE(created.sessionId, session.id);
    QCOMPARE(f.waitFor(created.id).sessionId, session.id);
    QCOMPARE(f.client->getSession(session.id).id, session.id);
    f.client->closeSession(session.id);
    QVERIFY(!f.client->getSession(session.id).acceptingJobs);
    const InstanceUsage usage = f.client->instanceUsage();
    QVERIFY(usage.consumedSeconds >= 0.0);
    const SessionInfo other = f.client->createSession(SessionMode::Batch, "ibm_fez");
    f.client->cancelSession(other.id);
}

QTEST_APPLESS_MAIN(TstIbmClient)
#include "ibm_client.test.moc"
