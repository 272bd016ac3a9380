// SPDX-License-Identifier: MIT
// Tests of bundle verification: the leaf comparison against hand-made documents, QAOA, warm-start and job bundles
// that verify, and tampered results or samples that fail with the differing quantity named.
#include "bundle/bundle_verify.h"

#include <QtTest>

#include "test_support.h"

#include "bundle/bundle_kinds.h"
#include "core/error.h"
#include "graph/graph_generators.h"
#include "lcrp_test_instances.h"

#include <QTemporaryDir>

using engine::Bundle;
using engine::BundleCheck;
using engine::BundleVerifyReport;
using nlohmann::json;

namespace {

engine::Instance graphInstance(std::size_t n, std::uint64_t seed)
{
    return engine::GraphInstance{"g", engine::randomRegularGraph(n, 3, engine::WeightKind::Uniform, seed),
                                 engine::GraphProblem::MaxCut, 2.0};
}

engine::QaoaRunOptions smallQaoaOptions()
{
    engine::QaoaRunOptions o;
    o.depth = 2;
    o.optimizer.restarts = 2;
    o.optimizer.evaluationsPerRestart = 30;
    o.optimizer.seed = 11;
    o.shots = 500;
    o.seed = 12;
    return o;
}

Bundle qaoaBundle(const engine::Instance& instance, const engine::QaoaRunOptions& options)
{
    return engine::makeQaoaRunBundle(instance, options, engine::runQaoa(instance, options));
}

const BundleCheck* findCheck(const BundleVerifyReport& report, const std::string& quantity)
{
    for (const BundleCheck& c : report.checks)
        if (c.quantity == quantity)
            return &c;
    return nullptr;
}

std::string failures(const BundleVerifyReport& report)
{
    std::string text;
    for (const BundleCheck& c : report.checks)
        if (c.compared && !c.ok)
            text += c.quantity + " stored " + c.stored.dump() + " recomputed " + c.recomputed.dump() + "; ";
    return text;
}

json resultsOf(const std::vector<std::string>& samples, unsigned bits)
{
    json data;
    data["meas"] = {{"samples", samples}, {"num_bits", bits}};
    return {{"results", json::array({{{"data", data}, {"metadata", json::object()}}})}, {"metadata", json::object()}};
}

} // namespace

class TstBundleVerify : public QObject {
    Q_OBJECT

private slots:
    // The leaf comparison against a document pair whose differences are known by construction.
    void compareResultsLeafByLeaf()
    {
        const json stored{{"a", 1},          {"b", 1.0},       {"c", {1.0, 2.0}}, {"d", "x"},
                          {"e", {{"f", true}}}, {"g", 3},      {"timing", {{"seconds", 4.0}}}, {"only", 1}};
        const json recomputed{{"a", 1},           {"b", 1.0 + 1e-12}, {"c", {1.0, 2.5}}, {"d", "x"},
                              {"e", {{"f", false}}}, {"g", 4},      {"timing", {{"seconds", 9.0}}}, {"extra", 2}};
        std::vector<BundleCheck> checks;
        engine::compareResults(stored, recomputed, 1e-9,
                               [](const std::string& p) { return p == "/timing" ? std::string("clock") : std::string(); },
                               "results:", checks);
        std::map<std::string, const BundleCheck*> byName;
        for (const BundleCheck& c : checks)
            byName[c.quantity] = &c;
        const std::map<std::string, bool> expected{{"results:/a", true},      {"results:/b", true},
                                                   {"results:/c/0", true},    {"results:/c/1", false},
                                                   {"results:/d", true},      {"results:/e/f", false},
                                                   {"results:/g", false},     {"results:/timing", true},
                                                   {"results:/only", false},  {"results:/extra", false}};
        QCOMPARE(byName.size(), expected.size());
        for (const auto& [name, ok] : expected) {
            QVERIFY2(byName.count(name), name.c_str());
            QVERIFY2(byName[name]->ok == ok, name.c_str());
        }
        QVERIFY(!byName["results:/timing"]->compared);
        QCOMPARE(byName["results:/b"]->tolerance, 1e-9);
        QCOMPARE(byName["results:/g"]->tolerance, 0.0);  // integers exactly

        checks.clear();
        engine::compareResults(json{{"v", {1, 2, 3}}}, json{{"v", {1, 2}}}, 1e-9,
                               [](const std::string&) { return std::string(); }, "r:", checks);
        QCOMPARE(checks.size(), std::size_t{1});
        QCOMPARE(checks[0].quantity, std::string("r:/v"));
        QVERIFY(!checks[0].ok);
    }

    void qaoaRunBundleVerifies_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("angles");
        QTest::newRow("maxcut optimize") << "maxcut" << "optimize";
        QTest::newRow("maxcut predicted") << "maxcut" << "predicted";
        QTest::newRow("lcrp optimize") << "lcrp" << "optimize";
    }

    void qaoaRunBundleVerifies()
    {
        QFETCH(QString, problem);
        QFETCH(QString, angles);
        engine::Instance instance = graphInstance(8, 5);
        if (problem == QLatin1String("lcrp")) {
            std::mt19937_64 rng(4);
            instance = test_support::randomLcrpInstance(rng, test_support::lcrpSizes(2, 2, 2, 2));
        }
        engine::QaoaRunOptions options = smallQaoaOptions();
        options.angles = engine::angleMethodFromName(angles.toStdString());
        options.lcrpEncoding.budgetSlackBits = 3;

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("run.qwbundle")).toStdString();
        engine::writeBundle(qaoaBundle(instance, options), path);
        const BundleVerifyReport report = engine::verifyBundleFile(path);
        QVERIFY2(report.ok, failures(report).c_str());
        QCOMPARE(report.kind, std::string("qaoa-run"));
        QVERIFY(report.comparedCount() > 20);
        for (const char* q : {"results:/expectation", "results:/gammas/1", "results:/exact/arStar", "samples.json:/raw"})
            QVERIFY2(findCheck(report, q) && findCheck(report, q)->compared, q);
        const BundleCheck* timing = findCheck(report, "results:/timing");
        QVERIFY(timing && !timing->compared);
        if (problem == QLatin1String("lcrp"))
            QVERIFY(findCheck(report, "results:/lcrpSampled/validRate") != nullptr);

        // Thread independence: the recorded run used all cores; one thread gives the same numbers.
        engine::BundleVerifyOptions oneThread;
        oneThread.threads = 1;
        const BundleVerifyReport single = engine::verifyBundleFile(path, oneThread);
        QVERIFY2(single.ok, failures(single).c_str());
    }

    // 14 qubits: the simulator's reductions run in parallel, so the recorded thread count is what reproduces an
    // optimised run.
    void parallelRegisterVerifiesWithRecordedThreads()
    {
        engine::QaoaRunOptions options = smallQaoaOptions();
        options.depth = 1;
        options.optimizer.restarts = 1;
        options.optimizer.evaluationsPerRestart = 15;
        options.threads = 2;
        const Bundle b = qaoaBundle(graphInstance(14, 8), options);
        QCOMPARE(b.settings["threads"].get<int>(), 2);
        const BundleVerifyReport report = engine::verifyBundle(b, "t.qwbundle");
        QVERIFY2(report.ok, failures(report).c_str());
    }

    void tamperedResultFailsNamingTheQuantity()
    {
        const engine::Instance instance = graphInstance(8, 5);
        Bundle b = qaoaBundle(instance, smallQaoaOptions());
        const double stored = b.results["expectation"].get<double>();
        b.results["expectation"] = stored * (1.0 + 1e-6);
        b.results["evaluations"] = b.results["evaluations"].get<std::uint64_t>() + 1;
        const BundleVerifyReport report = engine::verifyBundle(b, "t.qwbundle");
        QVERIFY(!report.ok);
        QCOMPARE(report.failedCount(), std::size_t{2});
        const BundleCheck* e = findCheck(report, "results:/expectation");
        QVERIFY(e && !e->ok);
        QAOA_COMPARE_NEAR(e->recomputed.get<double>(), stored, 1e-12);
        QVERIFY(!findCheck(report, "results:/evaluations")->ok);
        // Within the tolerance it passes again: the check is relative.
        b = qaoaBundle(instance, smallQaoaOptions());
        b.results["expectation"] = stored * (1.0 + 1e-12);
        QVERIFY(engine::verifyBundle(b, "t.qwbundle").ok);
    }

    void tamperedSamplesFail()
    {
        Bundle b = qaoaBundle(graphInstance(6, 2), smallQaoaOptions());
        for (engine::BundleFile& f : b.files)
            if (f.path == "samples.json") {
                json s = json::parse(f.content);
                auto it = s["raw"].begin();
                it.value() = it.value().get<double>() + 1.0;
                f.content = s.dump();
            }
        const BundleVerifyReport report = engine::verifyBundle(b, "t.qwbundle");
        QVERIFY(!report.ok);
        const BundleCheck* c = findCheck(report, "samples.json:/raw");
        QVERIFY(c && !c->ok);
        QVERIFY2(c->note.find("1 outcomes differ") != std::string::npos, c->note.c_str());
    }

    void unusableSettingsAreBadInput()
    {
        Bundle b = qaoaBundle(graphInstance(6, 2), smallQaoaOptions());
        b.settings["mixer"] = "zz";
        try {
            (void)engine::verifyBundle(b, "t.qwbundle");
            QFAIL("accepted an unknown mixer");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
            QCOMPARE(e.where(), std::string("t.qwbundle:manifest.json:/settings/mixer"));
        }
    }

    void warmstartBundleVerifies()
    {
        const engine::Instance instance = graphInstance(10, 3);
        engine::WarmstartPipelineOptions o;
        o.depth = 1;
        o.shots = 300;
        o.runs = 8;
        o.iterationCap = 60;
        o.bootstrapResamples = 50;
        o.filter = engine::SampleFilterKind::Energy;
        o.seed = 5;
        const Bundle b = engine::makeWarmstartBundle(instance, o, engine::runWarmstartPipeline(instance, o));
        QVERIFY(b.find("calibration.json") == nullptr);  // local:ideal has no device snapshot
        const BundleVerifyReport report = engine::verifyBundle(engine::decodeBundle(engine::encodeBundle(b), "w"), "w");
        QVERIFY2(report.ok, failures(report).c_str());
        for (const char* q : {"results:/optimum", "results:/poolSize", "results:/qFactor/rminWarm/value",
                              "results:/warmFirstSuccess/0", "samples.json:/raw", "samples.json:/filtered"})
            QVERIFY2(findCheck(report, q) && findCheck(report, q)->compared, q);

        Bundle tampered = b;
        tampered.results["poolSize"] = tampered.results["poolSize"].get<std::size_t>() + 1;
        const BundleVerifyReport bad = engine::verifyBundle(tampered, "w");
        QVERIFY(!bad.ok);
        QVERIFY(!findCheck(bad, "results:/poolSize")->ok);
    }

    void timeBasedWarmstartSkipsClockDependentValues()
    {
        const engine::Instance instance = graphInstance(8, 4);
        engine::WarmstartPipelineOptions o;
        o.depth = 1;
        o.shots = 200;
        o.runs = 3;
        o.timeLimitSeconds = 0.005;
        o.bootstrapResamples = 0;
        const Bundle b = engine::makeWarmstartBundle(instance, o, engine::runWarmstartPipeline(instance, o));
        const BundleVerifyReport report = engine::verifyBundle(b, "w");
        QVERIFY2(report.ok, failures(report).c_str());
        for (const char* q : {"results:/qFactor", "results:/randomFirstSuccess", "results:/warmFirstSuccess"}) {
            const BundleCheck* c = findCheck(report, q);
            QVERIFY2(c && !c->compared && c->note.find("time-based") != std::string::npos, q);
        }
        QVERIFY(findCheck(report, "results:/poolSize")->compared);
        bool noted = false;
        for (const std::string& n : report.notes)
            noted = noted || n.find("Time-based run") != std::string::npos;
        QVERIFY(noted);
    }

    void noisyWarmstartCarriesCalibration()
    {
        const engine::Instance instance = graphInstance(6, 7);
        engine::WarmstartPipelineOptions o;
        o.depth = 1;
        o.backend = "local:fez";
        o.shots = 200;
        o.readout = engine::ReadoutMitigation::Tensored;
        o.runs = 4;
        o.iterationCap = 40;
        o.bootstrapResamples = 0;
        o.threads = 2;
        const Bundle b = engine::makeWarmstartBundle(instance, o, engine::runWarmstartPipeline(instance, o));
        const engine::BundleFile* calibration = b.find("calibration.json");
        QVERIFY(calibration != nullptr);
        QCOMPARE(json::parse(calibration->content)["device"].get<std::string>(), std::string("fez"));
        const BundleVerifyReport report = engine::verifyBundle(b, "w");
        QVERIFY2(report.ok, failures(report).c_str());
        QVERIFY(findCheck(report, "calibration.json")->ok);
        QVERIFY(findCheck(report, "samples.json:/mitigated")->compared);

        Bundle other = b;
        for (engine::BundleFile& f : other.files)
            if (f.path == "calibration.json") {
                json c = json::parse(f.content);
                c["properties"] = json::object();
                f.content = c.dump();
            }
        const BundleVerifyReport changed = engine::verifyBundle(other, "w");
        QVERIFY(!changed.ok);
        QVERIFY(!findCheck(changed, "calibration.json")->ok);
    }

    void jobBundleVerifies()
    {
        const engine::Instance instance = graphInstance(6, 1);
        engine::JobRecord record;
        record.localId = 3;
        record.remoteId = "local:abc";
        record.provider = engine::JobProvider::Local;
        record.backend = "local:ideal";
        record.status = engine::JobState::Completed;
        record.instance = engine::instanceToJson(instance);
        record.parameters = {{"p", 1}, {"shots", 6}};
        record.qasm = {"OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[6] q;\n"};
        record.results = resultsOf({"0x15", "0x2a", "0x15", "0x3", "0x0", "0x2a"}, 6);
        const Bundle b = engine::makeJobBundle(record);
        QVERIFY(b.find("circuits/pub0.qasm") && b.find("job-results.json") && b.find("samples.json"));
        const BundleVerifyReport report = engine::verifyBundle(engine::decodeBundle(engine::encodeBundle(b), "j"), "j");
        QVERIFY2(report.ok, failures(report).c_str());
        QVERIFY(findCheck(report, "results:/expected_cut")->compared);
        QVERIFY(findCheck(report, "samples.json:/raw")->ok);

        Bundle tampered = b;
        tampered.results["best_energy"] = tampered.results["best_energy"].get<double>() - 1.0;
        QVERIFY(!findCheck(engine::verifyBundle(tampered, "j"), "results:/best_energy")->ok);

        record.results = nullptr;
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::makeJobBundle(record));
    }

    void reportJson()
    {
        const Bundle b = qaoaBundle(graphInstance(6, 2), smallQaoaOptions());
        const json j = engine::bundleVerifyReportJson(engine::verifyBundle(b, "t.qwbundle"));
        QCOMPARE(j["ok"].get<bool>(), true);
        QCOMPARE(j["failed"].get<std::size_t>(), std::size_t{0});
        QCOMPARE(j["checks"].size(), j["compared"].get<std::size_t>() + 1);  // + the skipped timing block
        for (const char* key : {"quantity", "stored", "recomputed", "tolerance", "compared", "ok", "note"})
            QVERIFY2(j["checks"][0].contains(key), key);
    }
};

QTEST_APPLESS_MAIN(TstBundleVerify)
#include "bundle_verify.test.moc"
