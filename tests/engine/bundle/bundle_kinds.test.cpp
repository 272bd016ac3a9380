// SPDX-License-Identifier: MIT
// Tests of the bundle kinds: option round trips to the bit, samples.json, and the files each kind's bundle holds.
#include "bundle/bundle_kinds.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "sim/thread_count.h"

using nlohmann::json;

namespace {

engine::Instance graphInstance()
{
    return engine::GraphInstance{"g", engine::randomRegularGraph(6, 3, engine::WeightKind::Uniform, 9),
                                 engine::GraphProblem::MaxCut, 2.0};
}

} // namespace

class TstBundleKinds : public QObject {
    Q_OBJECT

private slots:
    void qaoaOptionsRoundTripExactly()
    {
        engine::QaoaRunOptions o;
        o.depth = 3;
        o.mixer = engine::MixerKind::XYRing;
        o.startFromGreedy = true;
        o.angles = engine::AngleMethod::Ramp;
        o.fixedAngles = {{0.1, 1.0 / 3.0}, {std::nextafter(0.2, 1.0), 0.4}};
        o.rampDeltaT = 0.7071067811865476;
        o.optimizer.method = engine::QaoaOptimizerMethod::Bobyqa;
        o.optimizer.restarts = 5;
        o.optimizer.evaluationsPerRestart = 17;
        o.optimizer.initialStep = 0.3;
        o.optimizer.startLow = -0.5;
        o.optimizer.startHigh = 2.5;
        o.optimizer.start = engine::QaoaAngles{{0.5}, {0.25}};
        o.optimizer.seed = 18446744073709551615ULL;  // the whole 64-bit range survives JSON
        o.optimizer.xTolerance = 1e-7;
        o.optimizer.fTolerance = 1e-11;
        o.shots = 12345;
        o.seed = 99;
        o.precision = engine::Precision::Single;
        o.threads = 3;
        o.lcrpEncoding.budgetSlackBits = 4;
        // Through text, as in a bundle.
        const json text = json::parse(engine::qaoaRunOptionsToJson(o).dump());
        const engine::QaoaRunOptions back = engine::qaoaRunOptionsFromJson(text, "s");
        QCOMPARE(engine::qaoaRunOptionsToJson(back), engine::qaoaRunOptionsToJson(o));
        QCOMPARE(back.fixedAngles.gammas[1], 1.0 / 3.0);  // bit-exact
        QCOMPARE(back.fixedAngles.betas[0], std::nextafter(0.2, 1.0));
        QCOMPARE(back.optimizer.seed, o.optimizer.seed);
        QCOMPARE(back.optimizer.start->betas[0], 0.25);
        QVERIFY(back.mixer == engine::MixerKind::XYRing);
        QVERIFY(back.precision == engine::Precision::Single);
    }

    void qaoaOptionErrorsNameTheKey()
    {
        json s = engine::qaoaRunOptionsToJson({});
        s["optimizer"].erase("seed");
        try {
            (void)engine::qaoaRunOptionsFromJson(s, "b:manifest.json:/settings");
            QFAIL("accepted settings without the optimizer seed");
        } catch (const engine::Error& e) {
            QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
            QCOMPARE(e.where(), std::string("b:manifest.json:/settings/optimizer"));
        }
        s = engine::qaoaRunOptionsToJson({});
        s["shots"] = -4;
        try {
            (void)engine::qaoaRunOptionsFromJson(s, "x");
            QFAIL("accepted negative shots");
        } catch (const engine::Error& e) {
            QCOMPARE(e.where(), std::string("x/shots"));
        }
    }

    void warmstartOptionsRoundTrip()
    {
        engine::WarmstartPipelineOptions o;
        o.depth = 3;
        o.backend = "local:torino";
        o.shots = 777;
        o.readout = engine::ReadoutMitigation::Lnf;
        o.calibrationShots = 100;
        o.filter = engine::SampleFilterKind::Hamming;
        o.energyFraction = 0.3;
        o.frequencyThreshold = 0.001;
        o.hammingLowFraction = 0.02;
        o.hammingNearFraction = 0.1;
        o.feasibleFirst = false;
        o.maxPartSize = 9;
        o.solver = engine::WarmstartSolver::Vns;
        o.runs = 13;
        o.iterationCap = 321;
        o.timeLimitSeconds = 0.1;
        o.bootstrapResamples = 17;
        o.confidenceLevel = 0.9;
        o.seed = 42;
        o.threads = 2;
        const json text = json::parse(engine::warmstartOptionsToJson(o).dump());
        QCOMPARE(engine::warmstartOptionsToJson(engine::warmstartOptionsFromJson(text, "s")), text);
    }

    void samplesJsonRoundTrip()
    {
        engine::SampleCounts raw(5);
        raw.add(0b00011, 7);
        raw.add(0b10000, 2);
        engine::SampleCounts mitigated(5);
        mitigated.add(0b00011, 6.25);
        const json j = engine::samplesJson(5, {{"raw", &raw}, {"mitigated", &mitigated}});
        QCOMPARE(j["raw"]["00011"].get<double>(), 7.0);  // Qiskit order: qubit 0 rightmost
        QCOMPARE(j["raw"]["10000"].get<double>(), 2.0);
        QVERIFY(engine::samplesFromJson(j, "raw", "s") == raw);
        QVERIFY(engine::samplesFromJson(j, "mitigated", "s") == mitigated);

        json bad = j;
        bad["raw"]["0001"] = 1;
        try {
            (void)engine::samplesFromJson(bad, "raw", "f:samples.json:");
            QFAIL("accepted a short key");
        } catch (const engine::Error& e) {
            QCOMPARE(e.where(), std::string("f:samples.json:/raw/0001"));
        }
        bad = j;
        bad["raw"]["00011"] = -1;
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::samplesFromJson(bad, "raw", "s"));
        QVERIFY_THROWS_EXCEPTION(engine::Error, (void)engine::samplesFromJson(j, "filtered", "s"));
    }

    void qaoaRunBundleHoldsInstanceAndSamples()
    {
        const engine::Instance instance = graphInstance();
        engine::QaoaRunOptions o;
        o.angles = engine::AngleMethod::Predicted;
        o.shots = 300;
        const engine::QaoaRunResult r = engine::runQaoa(instance, o);
        const engine::Bundle b = engine::makeQaoaRunBundle(instance, o, r);
        QCOMPARE(b.kind, std::string("qaoa-run"));
        QCOMPARE(b.files.size(), std::size_t{2});
        const engine::Instance back =
            engine::instanceFromJson(json::parse(b.require("instance.json", "b").content), "instance.json");
        QCOMPARE(engine::instanceToJson(back), engine::instanceToJson(instance));
        const engine::SampleCounts samples =
            engine::samplesFromJson(json::parse(b.require("samples.json", "b").content), "raw", "s");
        QCOMPARE(samples.total(), 300.0);
        QCOMPARE(samples.size(), r.samples.states.size());
        QCOMPARE(b.results["expectation"].get<double>(), r.expectation);
        QCOMPARE(b.results["sampleShots"].get<double>(), 300.0);
        QCOMPARE(b.settings["seed"].get<std::uint64_t>(), o.seed);
        // "All cores" is recorded as the count used, so another machine recomputes with the same sums.
        QCOMPARE(o.threads, 0);
        QCOMPARE(b.settings["threads"].get<int>(), engine::detail::resolveThreadCount(0));

        o.shots = 0;  // no samples, no samples.json
        QCOMPARE(engine::makeQaoaRunBundle(instance, o, engine::runQaoa(instance, o)).files.size(), std::size_t{1});
    }

    void warmstartBundleWithJobSamplesKeepsThem()
    {
        const engine::Instance instance = graphInstance();
        engine::WarmstartPipelineOptions o;
        o.depth = 1;
        o.runs = 3;
        o.iterationCap = 20;
        o.bootstrapResamples = 0;
        engine::SampleCounts given(6);
        given.addQiskit("010101", 30);
        given.addQiskit("101010", 20);
        o.samples = given;
        const engine::Bundle b = engine::makeWarmstartBundle(instance, o, engine::runWarmstartPipeline(instance, o));
        QCOMPARE(b.settings["samplesGiven"].get<bool>(), true);
        const json samples = json::parse(b.require("samples.json", "b").content);
        QVERIFY(engine::samplesFromJson(samples, "given", "s") == given);
        QVERIFY(samples.contains("raw") && samples.contains("filtered"));
    }
};

QTEST_APPLESS_MAIN(TstBundleKinds)
#include "bundle_kinds.test.moc"
