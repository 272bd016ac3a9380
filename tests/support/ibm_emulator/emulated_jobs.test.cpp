// SPDX-License-Identifier: MIT
// Tests of the emulator's jobs and sessions through plain HTTP: lifecycle, results, validation, ISA, listing, usage.
#include "ibm_protocol_emulator.h"

#include <QtTest>

#include "test_support.h"

#include "emulator_test_client.h"

#include "circuit/gate_table.h"

#include <numbers>

using emulator_test::Api;
using emulator_test::Json;

namespace {

int errorCode(const httplib::Result& res)
{
    const Json body = Json::parse(res->body, nullptr, false);
    return body.is_object() && body.contains("errors") ? body["errors"][0].value("code", -1) : -1;
}

// Share of samples equal to `value` (hex strings decoded the slow, obvious way).
double share(const Json& samples, std::uint64_t value)
{
    std::size_t hits = 0;
    for (const Json& s : samples) {
        const std::string text = s.get<std::string>();
        if (text.rfind("0x", 0) != 0)
            return -1.0;
        if (std::stoull(text.substr(2), nullptr, 16) == value)
            ++hits;
    }
    return samples.empty() ? 0.0 : double(hits) / double(samples.size());
}

std::string fezCircuit(const std::string& body, const std::string& header = "bit[2] meas;\n")
{
    return std::string("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n") + header + body;
}

} // namespace

class TstEmulatedJobs : public QObject {
    Q_OBJECT

private slots:
    void lifecycleAndResults();
    void parameterForms();
    void requestValidation_data();
    void requestValidation();
    void isaFailures_data();
    void isaFailures();
    void shotLimitAndRanTooLong();
    void cancelAndDelete();
    void listingAndTags();
    void injectedFailuresAndHold();
    void metricsAndUsage();
    void sessions();
};

void TstEmulatedJobs::lifecycleAndResults()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 2000);
    body["tags"] = Json::array({"qaoa", "lifecycle"});
    auto res = api.post("/jobs", body);
    QCOMPARE(res->status, 200);
    const Json created = Json::parse(res->body);
    const std::string id = created.value("id", "");
    QCOMPARE(created.value("backend", ""), std::string("ibm_fez"));
    QCOMPARE(id.size(), std::size_t(20));
    QVERIFY(id.find_first_not_of("0123456789abcdefghijklmnopqrstuv") == std::string::npos);

    const Json queued = api.getJson(std::string("/jobs/") + id);
    QCOMPARE(queued["state"].value("status", ""), std::string("Queued"));
    const std::string stamp = queued.value("created", "");
    QCOMPARE(stamp.size(), std::size_t(24));  // 2026-09-01T10:15:30.412Z
    QCOMPARE(stamp.back(), 'Z');
    QCOMPARE(queued["program"].value("id", ""), std::string("sampler"));
    QCOMPARE(queued.value("cost", 0), 600);
    QVERIFY(queued.contains("params"));
    QCOMPARE(api.get(std::string("/jobs/") + id + "/results")->status, 204);  // nothing yet

    const auto statuses = api.waitTerminal(id);
    QCOMPARE(statuses, (std::vector<std::string>{"Queued", "Running", "Completed"}));
    const Json done = api.getJson(std::string("/jobs/") + id);
    QCOMPARE(done.value("status", ""), std::string("Completed"));
    QVERIFY(!done["state"].contains("reason_code"));

    res = api.get(std::string("/jobs/") + id + "/results");
    QCOMPARE(res->status, 200);
    const Json result = Json::parse(res->body);
    QCOMPARE(result["metadata"].value("version", 0), 2);
    QCOMPARE(result["results"].size(), std::size_t(1));
    const Json meas = result["results"][0]["data"]["meas"];
    QCOMPARE(meas.value("num_bits", 0), 2);
    QCOMPARE(meas["samples"].size(), std::size_t(2000));
    // x on $0 and X on $1 (theta = 0): meas = 0b11 in almost every shot on the noisy device (readout errors of
    // about 1 % per qubit on fez); tolerance: at least 90 %.
    QVERIFY2(share(meas["samples"], 3) >= 0.9, std::to_string(share(meas["samples"], 3)).c_str());
    for (const Json& s : meas["samples"]) {
        const std::string text = s.get<std::string>();
        QVERIFY(text == "0x0" || text == "0x1" || text == "0x2" || text == "0x3");
    }
    const Json span = result["metadata"]["execution"]["execution_spans"][0];
    QCOMPARE(span.size(), std::size_t(3));
    QCOMPARE(span[0].value("date", "").size(), std::size_t(26));  // microseconds, no zone
    QCOMPARE(span[2]["0"], Json::parse("[[2000], [0, 1], [0, 2000]]"));
    QCOMPARE(result["results"][0]["metadata"]["circuit_metadata"], Json::object());
}

void TstEmulatedJobs::parameterForms()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    const double pi = std::numbers::pi;
    // Object form broadcast over two values, array form with one binding, array form with two bindings.
    const std::vector<Json> values{Json{{"theta", {0.0, pi}}}, Json::array({pi}), Json::parse("[[0.0], [3.141592653589793]]")};
    for (std::size_t v = 0; v < values.size(); ++v) {
        const std::string id = api.submit(Api::samplerJob(emulator_test::THETA_CIRCUIT, values[v], 500));
        QVERIFY(!id.empty());
        QCOMPARE(api.waitTerminal(id).back(), std::string("Completed"));
        const Json meas = Json::parse(api.get(std::string("/jobs/") + id + "/results")->body)["results"][0]["data"]["meas"];
        if (v == 1) {
            QCOMPARE(meas["samples"].size(), std::size_t(500));  // scalar PUB: flat list
            QVERIFY(share(meas["samples"], 1) >= 0.9);           // theta = pi: meas[1] = 0
            continue;
        }
        QCOMPARE(meas["samples"].size(), std::size_t(2));  // broadcast PUB: [2][shots]
        QCOMPARE(meas["samples"][0].size(), std::size_t(500));
        QVERIFY(share(meas["samples"][0], 3) >= 0.9);
        QVERIFY(share(meas["samples"][1], 1) >= 0.9);
    }
    // Wrong parameter names or counts fail the job after queueing.
    for (const Json& bad : {Json{{"phi", 0.0}}, Json::array({0.1, 0.2}), Json()}) {
        const std::string id = api.submit(Api::samplerJob(emulator_test::THETA_CIRCUIT, bad, 10));
        QVERIFY(!id.empty());
        QCOMPARE(api.waitTerminal(id).back(), std::string("Failed"));
    }
}

void TstEmulatedJobs::requestValidation_data()
{
    QTest::addColumn<QString>("patch");  // a JSON merge patch applied to a valid body
    QTest::addColumn<int>("status");
    QTest::newRow("missing program_id") << R"({"program_id": null})" << 400;
    QTest::newRow("version 1") << R"({"params": {"version": 1}})" << 400;
    QTest::newRow("unknown options key") << R"({"params": {"options": {"resilience_level": 1}}})" << 400;
    QTest::newRow("bad enum") << R"({"params": {"options": {"dynamical_decoupling": {"sequence_type": "XZ"}}}})" << 400;
    QTest::newRow("twirling strategy") << R"({"params": {"options": {"twirling": {"strategy": "none"}}}})" << 400;
    QTest::newRow("nine tags") << R"({"tags": ["a","b","c","d","e","f","g","h","i"]})" << 400;
    QTest::newRow("long tag") << (QString(R"({"tags": [")") + QString(87, 'x') + R"("]})") << 400;
    QTest::newRow("cost too high") << R"({"cost": 10801})" << 400;
    QTest::newRow("cost negative") << R"({"cost": -1})" << 400;
    QTest::newRow("long session_id") << (QString(R"({"session_id": ")") + QString(37, 's') + R"("})") << 400;
    QTest::newRow("unknown top-level key") << R"({"max_execution_time": 100})" << 400;
    QTest::newRow("support_qiskit true") << R"({"params": {"support_qiskit": true}})" << 400;
    QTest::newRow("support_qiskit missing") << R"({"params": {"support_qiskit": null}})" << 400;
    QTest::newRow("empty pubs") << R"({"params": {"pubs": []}})" << 400;
    QTest::newRow("zero shots") << R"({"params": {"shots": 0}})" << 400;
    QTest::newRow("bad log level") << R"({"log_level": "loud"})" << 400;
    QTest::newRow("unknown backend") << R"({"backend": "ibm_nowhere"})" << 404;
    QTest::newRow("unknown session") << R"({"session_id": "no-such-session"})" << 404;
    QTest::newRow("valid, options set") << R"({"cost": 10800, "tags": ["a","b","c","d","e","f","g","h"],
        "params": {"options": {"default_shots": 10, "dynamical_decoupling": {"enable": true, "sequence_type": "XpXm"},
        "twirling": {"num_randomizations": "auto", "shots_per_randomization": 16}, "execution": {"rep_delay": 0.00025}}}})"
                                        << 200;
}

void TstEmulatedJobs::requestValidation()
{
    QFETCH(QString, patch);
    QFETCH(int, status);
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
    body.merge_patch(Json::parse(patch.toStdString()));
    auto res = api.post("/jobs", body);
    QVERIFY(res);
    QCOMPARE(res->status, status);
    QCOMPARE(emulator.jobsCreated(), std::size_t(status == 200 ? 1 : 0));
    if (status != 200)
        QVERIFY(errorCode(res) > 0);
    QCOMPARE(api.postRaw("/jobs", "{not json")->status, 400);
}

void TstEmulatedJobs::isaFailures_data()
{
    QTest::addColumn<QString>("circuit");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("reasonCode");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("uncoupled cz") << "cz $0, $5;\nmeas[0] = measure $0;\n" << "ibm_fez" << 1517 << "cz on qubits (0, 5)";
    QTest::newRow("register qubits are physical") << "qubit[6] q;\ncz q[0], q[5];\n" << "ibm_fez" << 1517
                                                  << "(0, 5)";
    QTest::newRow("non-ISA h") << "h $0;\n" << "ibm_fez" << 1517 << "instruction h";
    QTest::newRow("bare id") << "id $0;\n" << "ibm_fez" << 1517 << "instruction u on qubits (0,)";
    QTest::newRow("bare rzz") << "rzz(0.5) $0, $1;\n" << "ibm_fez" << 1603 << "'rzz' is not defined";
    QTest::newRow("rzz angle") << "gate rzz(p0) a, b { cx a, b; rz(p0) b; cx a, b; }\nrzz(2.0) $0, $1;\n"
                               << "ibm_fez" << 1517 << "[0, pi/2]";
    QTest::newRow("duplicate operands") << "cz $0, $0;\n" << "ibm_fez" << 1603 << "";
    QTest::newRow("syntax") << "x $0\n" << "ibm_fez" << 1603 << "";
    QTest::newRow("cz on eagle") << "cz $0, $1;\n" << "ibm_brisbane" << 1517 << "instruction cz";
    QTest::newRow("ecr without definition") << "ecr $1, $0;\n" << "ibm_brisbane" << 1603 << "'ecr' is not defined";
    const QString ecr = QString::fromStdString(std::string("gate ecr _gate_q_0, _gate_q_1 { ") +
                                               std::string(engine::gateSpec(engine::GateId::ECR).qasmDefinition) + " }\n");
    QTest::newRow("ecr against its direction") << ecr + "ecr $0, $1;\n" << "ibm_brisbane" << 1517 << "ecr on qubits (0, 1)";
}

void TstEmulatedJobs::isaFailures()
{
    QFETCH(QString, circuit);
    QFETCH(QString, backend);
    QFETCH(int, reasonCode);
    QFETCH(QString, reasonPart);
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    const std::string id = api.submit(Api::samplerJob(fezCircuit(circuit.toStdString()), Json(), 10, backend.toStdString()));
    QVERIFY(!id.empty());  // accepted at submission
    const auto statuses = api.waitTerminal(id);
    QCOMPARE(statuses.front(), std::string("Queued"));
    QCOMPARE(statuses.back(), std::string("Failed"));
    const Json job = api.getJson(std::string("/jobs/") + id);
    QCOMPARE(job["state"].value("reason_code", 0), reasonCode);
    QVERIFY2(job["state"].value("reason", "").find(reasonPart.toStdString()) != std::string::npos,
             job["state"].value("reason", "").c_str());
    QVERIFY(!job["state"].value("reason_solution", "").empty());
    auto res = api.get(std::string("/jobs/") + id + "/results");
    QCOMPARE(res->status, 200);
    QVERIFY(Json::parse(res->body, nullptr, false).is_discarded());  // text, not JSON
    QVERIFY(res->body.find(std::to_string(reasonCode)) != std::string::npos);
}

void TstEmulatedJobs::shotLimitAndRanTooLong()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    std::string id = api.submit(Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10'000'001));
    QVERIFY(!id.empty());
    QCOMPARE(api.waitTerminal(id).back(), std::string("Failed"));
    QVERIFY(api.getJson(std::string("/jobs/") + id)["state"].value("reason", "").find("10000000") != std::string::npos);

    // 2 s overhead + 4000 shots * 250 us = 3 s of emulated QPU time against a cost of 2 s.
    Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 4000);
    body["cost"] = 2;
    id = api.submit(body);
    const auto statuses = api.waitTerminal(id);
    QCOMPARE(statuses, (std::vector<std::string>{"Queued", "Running", "Cancelled"}));
    const Json job = api.getJson(std::string("/jobs/") + id);
    QCOMPARE(job.value("status", ""), std::string("Cancelled - Ran too long"));
    QCOMPARE(job["state"].value("reason_code", 0), 1305);
    QCOMPARE(api.get(std::string("/jobs/") + id + "/results")->status, 204);
    body["cost"] = 3;  // exactly enough
    id = api.submit(body);
    QCOMPARE(api.waitTerminal(id).back(), std::string("Completed"));
}

void TstEmulatedJobs::cancelAndDelete()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    emulator.holdJobsQueued(true);
    const Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
    const std::string id = api.submit(body);
    QCOMPARE(api.del(std::string("/jobs/") + id)->status, 409);  // not terminal
    QCOMPARE(api.post(std::string("/jobs/") + id + "/cancel", Json::object())->status, 204);
    const Json job = api.getJson(std::string("/jobs/") + id);
    QCOMPARE(job["state"].value("status", ""), std::string("Cancelled"));
    QCOMPARE(api.get(std::string("/jobs/") + id + "/results")->status, 204);
    auto res = api.post(std::string("/jobs/") + id + "/cancel", Json::object());
    QCOMPARE(res->status, 409);
    QVERIFY(errorCode(res) > 0);
    emulator.holdJobsQueued(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    QCOMPARE(api.getJson(std::string("/jobs/") + id)["state"].value("status", ""), std::string("Cancelled"));  // immutable
    QCOMPARE(api.del(std::string("/jobs/") + id)->status, 204);
    QCOMPARE(api.get(std::string("/jobs/") + id)->status, 404);
    QCOMPARE(api.del(std::string("/jobs/") + id)->status, 404);
    QCOMPARE(api.del("/jobs/d3k9q1m5f0c8s7a2b4tg")->status, 404);
    // A completed job can be deleted too.
    const std::string done = api.submit(body);
    QCOMPARE(api.waitTerminal(done).back(), std::string("Completed"));
    QCOMPARE(api.post(std::string("/jobs/") + done + "/cancel", Json::object())->status, 409);
    QCOMPARE(api.del(std::string("/jobs/") + done)->status, 204);
}

void TstEmulatedJobs::listingAndTags()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    emulator.holdJobsQueued(true);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
        body["tags"] = i % 2 ? Json::array({"odd", "all"}) : Json::array({"even", "all"});
        if (i == 4)
            body["backend"] = "ibm_brisbane";
        if (i == 4)
            body["params"]["pubs"][0][0] = fezCircuit("x $0;\nmeas[0] = measure $0;\n");
        ids.push_back(api.submit(body));
        QVERIFY(!ids.back().empty());
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    Json list = api.getJson("/jobs");
    QCOMPARE(list.value("count", 0), 5);
    QCOMPARE(list["jobs"][0].value("id", ""), ids[4]);  // newest first
    QVERIFY(!list["jobs"][0].contains("params"));      // exclude_params defaults to true
    list = api.getJson("/jobs?sort=ASC&limit=2&offset=1");
    QCOMPARE(list.value("count", 0), 5);
    QCOMPARE(list.value("limit", 0), 2);
    QCOMPARE(list.value("offset", -1), 1);
    QCOMPARE(list["jobs"].size(), std::size_t(2));
    QCOMPARE(list["jobs"][0].value("id", ""), ids[1]);
    QCOMPARE(list["jobs"][1].value("id", ""), ids[2]);
    QCOMPARE(api.getJson("/jobs?tags=odd&tags=all").value("count", 0), 2);
    QCOMPARE(api.getJson("/jobs?tags=odd&tags=even").value("count", 0), 0);
    QCOMPARE(api.getJson("/jobs?tags[]=odd").value("count", 0), 5);  // bracket encoding is ignored
    QCOMPARE(api.getJson("/jobs?backend=ibm_brisbane").value("count", 0), 1);
    QCOMPARE(api.getJson("/jobs?program=sampler").value("count", 0), 5);
    QCOMPARE(api.getJson("/jobs?pending=true").value("count", 0), 5);
    QCOMPARE(api.getJson("/jobs?pending=false").value("count", 0), 0);
    QCOMPARE(api.getJson("/jobs?created_after=2000-01-01T00:00:00Z").value("count", 0), 5);
    QCOMPARE(api.getJson("/jobs?created_before=2000-01-01T00:00:00Z").value("count", 0), 0);
    const std::string third = api.getJson(std::string("/jobs/") + ids[2]).value("created", "");
    QCOMPARE(api.getJson(std::string("/jobs?created_after=") + third).value("count", 0), 3);
    QVERIFY(api.getJson("/jobs?exclude_params=false")["jobs"][0].contains("params"));
    int status = 0;
    api.getJson("/jobs?limit=201", &status);
    QCOMPARE(status, 400);
    api.getJson("/jobs?sort=sideways", &status);
    QCOMPARE(status, 400);
    api.getJson("/jobs?created_after=yesterday", &status);
    QCOMPARE(status, 400);

    auto res = api.put(std::string("/jobs/") + ids[0] + "/tags", Json{{"tags", {"renamed"}}});
    QCOMPARE(res->status, 204);
    QCOMPARE(api.getJson(std::string("/jobs/") + ids[0])["tags"], Json::array({"renamed"}));
    QCOMPARE(api.getJson("/jobs?tags=even").value("count", 0), 2);  // jobs 2 and 4 keep it
    QCOMPARE(api.put(std::string("/jobs/") + ids[0] + "/tags", Json{{"tags", Json::array({"a","b","c","d","e","f","g","h","i"})}})->status, 400);
    QCOMPARE(api.put("/jobs/nosuchjob/tags", Json{{"tags", Json::array()}})->status, 404);
    emulator.holdJobsQueued(false);
}

void TstEmulatedJobs::injectedFailuresAndHold()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    const Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
    ibmemu::JobFailure failure;
    failure.reasonCode = 1517;
    failure.reason = "The instruction cz on qubits (0, 5) is not supported by the target system.";
    emulator.failNextJobs(failure, 2);
    for (int i = 0; i < 3; ++i) {
        const std::string id = api.submit(body);
        const auto statuses = api.waitTerminal(id);
        QCOMPARE(statuses.back(), std::string(i < 2 ? "Failed" : "Completed"));
        if (i < 2) {
            QCOMPARE(statuses.front(), std::string("Queued"));
            QCOMPARE(api.getJson(std::string("/jobs/") + id)["state"].value("reason", ""), failure.reason);
        }
    }
    emulator.holdJobsQueued(true);
    const std::string held = api.submit(body);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QCOMPARE(api.getJson(std::string("/jobs/") + held)["state"].value("status", ""), std::string("Queued"));
    QCOMPARE(api.getJson("/backends/ibm_fez/status").value("length_queue", 0), 1);
    emulator.holdJobsQueued(false);
    QCOMPARE(api.waitTerminal(held).back(), std::string("Completed"));
    // A paused backend keeps its jobs queued too.
    emulator.setBackendStatus("ibm_fez", "paused", 0);
    const std::string paused = api.submit(body);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(api.getJson(std::string("/jobs/") + paused)["state"].value("status", ""), std::string("Queued"));
    emulator.setBackendStatus("ibm_fez", "online", 0);
    QCOMPARE(api.waitTerminal(paused).back(), std::string("Completed"));
}

void TstEmulatedJobs::metricsAndUsage()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    emulator.holdJobsQueued(true);
    const std::string first = api.submit(Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", {0.0, 1.0}}}, 4000));
    Json metrics = api.getJson(std::string("/jobs/") + first + "/metrics");
    QCOMPARE(metrics["usage"].value("status", ""), std::string("pending"));
    QCOMPARE(metrics["usage"].value("qpu_charge_time_seconds", -1.0), 0.0);
    emulator.holdJobsQueued(false);
    QCOMPARE(api.waitTerminal(first).back(), std::string("Completed"));
    // 2 s + 2 circuits * 4000 shots * 250 us = 4 s.
    metrics = api.getJson(std::string("/jobs/") + first + "/metrics");
    QCOMPARE(metrics["usage"].value("status", ""), std::string("completed"));
    QCOMPARE(metrics["usage"].value("qpu_charge_time_seconds", 0.0), 4.0);
    QCOMPARE(metrics.value("circuits_execution_time_ns", 0ll), 2'000'000'000ll);
    QCOMPARE(metrics.value("num_circuits", 0), 2);
    QCOMPARE(metrics.value("executions", 0), 8000);
    QCOMPARE(metrics["num_qubits"], Json::array({2}));
    QVERIFY(!metrics["timestamps"]["finished"].is_null());
    QVERIFY(!metrics["usage"].contains("quantum_seconds"));
    QVERIFY(!metrics.contains("bss"));

    api.version = "2025-05-01";
    metrics = api.getJson(std::string("/jobs/") + first + "/metrics");
    QCOMPARE(metrics["usage"].value("quantum_seconds", 0.0), 4.0);
    QCOMPARE(metrics["usage"].value("seconds", 0.0), 4.0);
    QCOMPARE(metrics["bss"].value("seconds", 0.0), 4.0);
    QCOMPARE(api.getJson(std::string("/jobs/") + first)["usage"].value("seconds", 0.0), 4.0);
    api.version = "2026-04-15";

    // 2 s + 1000 * 250 us = 2.25 s, charged as 3 s (whole seconds, rounded up).
    const std::string second = api.submit(Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 1000));
    QCOMPARE(api.waitTerminal(second).back(), std::string("Completed"));
    Json usage = api.getJson("/instances/usage");
    QCOMPARE(usage.value("usage_consumed_seconds", 0.0), 7.0);
    QCOMPARE(usage.value("usage_limit_seconds", 0.0), 600.0);
    QCOMPARE(usage.value("usage_limit_reached", true), false);
    QCOMPARE(usage.value("plan_id", ""), std::string("open"));
    QVERIFY(usage["usage_period"].contains("start_time"));
}

void TstEmulatedJobs::sessions()
{
    ibmemu::IbmProtocolEmulator emulator(emulator_test::quickOptions());
    emulator.start();
    Api api(emulator);
    auto res = api.post("/sessions", Json{{"mode", "batch"}, {"backend", "ibm_fez"}, {"max_ttl", 600}});
    QCOMPARE(res->status, 200);
    const Json session = Json::parse(res->body);
    const std::string sid = session.value("id", "");
    QCOMPARE(sid.size(), std::size_t(36));
    QCOMPARE(session.value("mode", ""), std::string("batch"));
    QCOMPARE(session.value("backend_name", ""), std::string("ibm_fez"));
    QCOMPARE(session.value("accepting_jobs", false), true);
    QCOMPARE(session.value("state", ""), std::string("open"));
    res = api.post("/sessions", Json{{"mode", "dedicated"}, {"backend", "ibm_fez"}});
    QCOMPARE(res->status, 403);  // Open plan
    QCOMPARE(errorCode(res), 1352);
    QCOMPARE(api.post("/sessions", Json{{"mode", "exclusive"}, {"backend", "ibm_fez"}})->status, 400);
    QCOMPARE(api.get("/sessions/00000000-0000-4000-8000-000000000000")->status, 404);

    Json body = Api::samplerJob(emulator_test::THETA_CIRCUIT, Json{{"theta", 0.0}}, 10);
    body["session_id"] = sid;
    res = api.post("/jobs", body);
    QCOMPARE(res->status, 200);
    QCOMPARE(Json::parse(res->body).value("session_id", ""), sid);
    const std::string id = Json::parse(res->body).value("id", "");
    QCOMPARE(api.waitTerminal(id).back(), std::string("Completed"));
    QCOMPARE(api.getJson(std::string("/jobs/") + id).value("session_id", ""), sid);
    QCOMPARE(api.getJson(std::string("/sessions/") + sid).value("state", ""), std::string("active"));
    QCOMPARE(api.getJson(std::string("/jobs?session_id=") + sid).value("count", 0), 1);

    QCOMPARE(api.patch(std::string("/sessions/") + sid, Json{{"accepting_jobs", false}})->status, 204);
    const Json closed = api.getJson(std::string("/sessions/") + sid);
    QCOMPARE(closed.value("accepting_jobs", true), false);
    QCOMPARE(closed.value("state", ""), std::string("closed"));  // no jobs left
    res = api.post("/jobs", body);
    QCOMPARE(res->status, 400);
    QCOMPARE(errorCode(res), 4001);
    QCOMPARE(api.patch(std::string("/sessions/") + sid, Json{{"accepting_jobs", true}})->status, 400);  // one-way
    QCOMPARE(api.patch("/sessions/no-such-session", Json{{"accepting_jobs", false}})->status, 404);

    // DELETE .../close cancels the queued jobs of a session.
    const std::string other = Json::parse(api.post("/sessions", Json{{"mode", "batch"}, {"backend", "ibm_fez"}})->body)
                                  .value("id", "");
    emulator.holdJobsQueued(true);
    body["session_id"] = other;
    const std::string queued = api.submit(body);
    QVERIFY(!queued.empty());
    QCOMPARE(api.del(std::string("/sessions/") + other + "/close")->status, 204);
    QCOMPARE(api.getJson(std::string("/jobs/") + queued)["state"].value("status", ""), std::string("Cancelled"));
    QCOMPARE(api.getJson(std::string("/sessions/") + other).value("state", ""), std::string("closed"));
    emulator.holdJobsQueued(false);

    // Another plan may open dedicated sessions.
    ibmemu::EmulatorOptions premium = emulator_test::quickOptions();
    premium.plan = "premium";
    ibmemu::IbmProtocolEmulator paid(premium);
    paid.start();
    Api paidApi(paid);
    QCOMPARE(paidApi.post("/sessions", Json{{"mode", "dedicated"}, {"backend", "ibm_fez"}})->status, 200);
}

QTEST_APPLESS_MAIN(TstEmulatedJobs)
#include "emulated_jobs.test.moc"
