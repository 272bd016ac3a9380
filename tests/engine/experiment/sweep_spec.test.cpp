// SPDX-License-Identifier: MIT
// Tests of sweep documents: parsing errors with JSON pointers, axis value text, the cartesian product, seeds and
// point runs against direct engine runs.
#include "experiment/sweep_spec.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "io/atomic_file.h"
#include "lcrp/lcrp_generator.h"

#include <QTemporaryDir>

#include <set>

using namespace engine;

namespace {

LcrpInstance smallLcrp(std::size_t tasks = 3)
{
    LcrpGeneratorOptions g;
    g.numTasks = tasks;
    g.numModels = 3;
    g.seed = 42;
    return generateLcrp(g);
}

nlohmann::json qaoaSpec()
{
    return nlohmann::json::parse(R"({
        "kind": "qaoa",
        "instance": {"generate": {"tasks": 3, "models": 3, "seed": 42}},
        "settings": {"params": "predicted", "shots": 300, "objective": "reference-v2", "seed": 7},
        "axes": [{"parameter": "p", "values": [1, 2]}, {"parameter": "mixer", "values": ["x", "xy"]}]
    })");
}

/// The error place of parsing `document` (empty when it parses).
std::string errorPlace(const nlohmann::json& document)
{
    try {
        const SweepSpec spec = parseSweepSpec(document, "s.json");
        planSweep(spec);
    } catch (const Error& e) {
        return e.where();
    }
    return {};
}

} // namespace

class TstSweepSpec : public QObject {
    Q_OBJECT

private slots:
    void parsesKindSettingsAndAxes()
    {
        const SweepSpec spec = parseSweepSpec(qaoaSpec(), "s.json");
        QCOMPARE(spec.kind, SweepKind::Qaoa);
        QVERIFY(spec.instance.has_value());
        QCOMPARE(std::get<LcrpInstance>(*spec.instance).tasks.size(), std::size_t{3});
        QCOMPARE(spec.axes.size(), std::size_t{2});
        QCOMPARE(spec.axes[1].values[1], nlohmann::json("xy"));
        QCOMPARE(spec.seeds, SweepSeeds::PerPoint);
        QCOMPARE(sweepPointCount(spec), std::size_t{4});
        const ExperimentHeader h = sweepHeader(spec);
        QCOMPARE(h.axes, (std::vector<std::string>{"p", "mixer"}));
        QVERIFY(h.metricIndex("valid_rate") >= 0 && h.metricIndex("random_valid_rate") >= 0);
    }

    void cartesianProductFirstAxisSlowest()
    {
        SweepSpec spec;
        spec.axes = {{"p", {1, 2, 3}}, {"mixer", {"x", "xy"}}, {"shots", {10, 20}}};
        QCOMPARE(sweepPointCount(spec), std::size_t{12});
        std::set<std::string> seen;
        for (std::size_t i = 0; i < 12; ++i)
            seen.insert(nlohmann::json(sweepPointValues(spec, i)).dump());
        QCOMPARE(seen.size(), std::size_t{12});  // every combination exactly once
        QCOMPARE(nlohmann::json(sweepPointValues(spec, 0)), nlohmann::json::parse(R"([1, "x", 10])"));
        QCOMPARE(nlohmann::json(sweepPointValues(spec, 1)), nlohmann::json::parse(R"([1, "x", 20])"));
        QCOMPARE(nlohmann::json(sweepPointValues(spec, 2)), nlohmann::json::parse(R"([1, "xy", 10])"));
        QCOMPARE(nlohmann::json(sweepPointValues(spec, 11)), nlohmann::json::parse(R"([3, "xy", 20])"));
        QVERIFY_THROWS_EXCEPTION(Error, sweepPointValues(spec, 12));
    }

    void axisValuesFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("list") << "1,2,3" << R"([1,2,3])";
        QTest::newRow("range") << "1:6" << R"([1,2,3,4,5,6])";
        QTest::newRow("step") << "0.5:2:0.5" << R"([0.5,1.0,1.5,2.0])";
        QTest::newRow("tenths") << "0.1:0.3:0.1" << R"([0.1,0.2,0.3])";
        QTest::newRow("down") << "3:1:-1" << R"([3,2,1])";
        QTest::newRow("names") << " x , xy ,true" << R"(["x","xy",true])";
        QTest::newRow("mixed") << "1:2,5" << R"([1,2,5])";
    }
    void axisValuesFromText()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(nlohmann::json(parseAxisValues(text.toStdString(), "values")).dump(),
                 nlohmann::json::parse(expected.toStdString()).dump());
    }

    void badAxisText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << " , ";
        QTest::newRow("wrong step sign") << "1:6:-1";
        QTest::newRow("zero step") << "1:6:0";
        QTest::newRow("not numbers") << "a:b";
        QTest::newRow("too many colons") << "1:2:3:4";
        QTest::newRow("huge") << "1:1000000";
    }
    void badAxisText()
    {
        QFETCH(QString, text);
        try {
            parseAxisValues(text.toStdString(), "axis p");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("axis p"));
            QCOMPARE(e.code(), ErrorCode::InvalidInput);
        }
    }

    void errorsNameTheJsonPointer_data()
    {
        QTest::addColumn<QString>("patch");  // a JSON merge patch applied to qaoaSpec()
        QTest::addColumn<QString>("where");
        QTest::newRow("unknown top key") << R"({"axis": 1})" << "s.json:/axis";
        QTest::newRow("kind") << R"({"kind": "anneal"})" << "s.json:/kind";
        QTest::newRow("unknown setting") << R"({"settings": {"depth": 2}})" << "s.json:/settings/depth";
        QTest::newRow("setting type") << R"({"settings": {"shots": [1]}})" << "s.json:/settings/shots";
        QTest::newRow("setting range") << R"({"settings": {"shots": 0}})" << "s.json:/settings/shots";
        QTest::newRow("warmstart-only setting") << R"({"settings": {"backend": "local:ideal"}})"
                                                << "s.json:/settings/backend";
        QTest::newRow("no axes") << R"({"axes": []})" << "s.json:/axes";
        QTest::newRow("axis parameter") << R"({"axes": [{"parameter": "q", "values": [1]}]})"
                                        << "s.json:/axes/0/parameter";
        QTest::newRow("axis value") << R"({"axes": [{"parameter": "p", "values": [1, 0]}]})"
                                    << "s.json:/axes/0/values/1";
        QTest::newRow("axis value type") << R"({"axes": [{"parameter": "p", "values": [1, "two"]}]})"
                                         << "s.json:/axes/0/values/1";
        QTest::newRow("mixer name") << R"({"axes": [{"parameter": "mixer", "values": ["x", "z"]}]})"
                                    << "s.json:/axes/0/values/1";
        QTest::newRow("too many tasks") << R"({"axes": [{"parameter": "tasks", "values": [1, 4]}]})"
                                        << "s.json:/axes/0/values/1";
        QTest::newRow("duplicate axis")
            << R"({"axes": [{"parameter": "p", "values": [1]}, {"parameter": "p", "values": [2]}]})"
            << "s.json:/axes/1/parameter";
        QTest::newRow("axis key") << R"({"axes": [{"parameter": "p", "values": [1], "step": 1}]})"
                                  << "s.json:/axes/0/step";
        QTest::newRow("range text") << R"({"axes": [{"parameter": "p", "values": "1:"}]})"
                                    << "s.json:/axes/0/values";
        QTest::newRow("seeds") << R"({"seeds": "random"})" << "s.json:/seeds";
        QTest::newRow("generate") << R"({"instance": {"generate": {"tasks": 0}}})"
                                  << "s.json:/instance/generate/tasks";
        QTest::newRow("format") << R"({"format": "qaoa-workbench/project"})" << "s.json:/format";
        QTest::newRow("no instance") << R"({"instance": null})" << "s.json:/instance";
    }
    void errorsNameTheJsonPointer()
    {
        QFETCH(QString, patch);
        QFETCH(QString, where);
        nlohmann::json document = qaoaSpec();
        document.merge_patch(nlohmann::json::parse(patch.toStdString()));
        QCOMPARE(QString::fromStdString(errorPlace(document)), where);
    }

    void lcrpParametersRejectedOnGraphs()
    {
        nlohmann::json document = qaoaSpec();
        document.erase("instance");
        document["settings"].erase("objective");
        document["axes"] = nlohmann::json::parse(R"([{"parameter": "lambda_q", "values": [5, 10]}])");
        const SweepSpec spec = parseSweepSpec(document, "s.json");
        GraphInstance graph;
        graph.graph = WeightedGraph(3);
        graph.graph.addEdge(0, 1, 1.0);
        const Instance instance = graph;
        try {
            planSweep(spec, &instance);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("s.json:/axes/0/values/0"));
            QVERIFY(e.detail().find("LCRP") != std::string::npos);
        }
    }

    void instanceFileRelativeToTheSpec()
    {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        saveInstance(Instance(smallLcrp(2)), folder + "/inst.json");
        nlohmann::json document = qaoaSpec();
        document["instance"] = "inst.json";
        writeFileAtomically(folder + "/sweep.json", document.dump());
        const SweepSpec spec = loadSweepSpec(folder + "/sweep.json");
        QCOMPARE(std::get<LcrpInstance>(*spec.instance).tasks.size(), std::size_t{2});
        writeFileAtomically(folder + "/bad.json", "{\"kind\": ");
        try {
            loadSweepSpec(folder + "/bad.json");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where(), folder + "/bad.json");
        }
    }

    void settingsAxesAndSeeds()
    {
        nlohmann::json document = qaoaSpec();
        document["axes"] = nlohmann::json::parse(
            R"([{"parameter": "lambda_q", "values": [5, 80]}, {"parameter": "tasks", "values": [2, 3]}])");
        document["settings"]["shots"] = 123;
        SweepSpec spec = parseSweepSpec(document, "s.json");
        const Instance& base = *spec.instance;
        const SweepSettings s3 = sweepPointSettings(spec, base, 3);  // lambda_q 80, tasks 3
        const LcrpInstance& lcrp = std::get<LcrpInstance>(s3.instance);
        QCOMPARE(lcrp.penalties.quality, 80.0);
        QCOMPARE(lcrp.tasks.size(), std::size_t{3});
        QCOMPARE(s3.qaoa.shots, std::uint64_t{123});
        QCOMPARE(s3.qaoa.angles, AngleMethod::Predicted);
        QCOMPARE(s3.qaoa.lcrpEncoding.objective, LcrpObjectiveKind::ReferenceV2);
        QCOMPARE(std::get<LcrpInstance>(sweepPointSettings(spec, base, 0).instance).tasks.size(), std::size_t{2});
        // Per-point seeds: derived from the base seed 7 and the index, distinct, below 2^53.
        QCOMPARE(s3.qaoa.seed, sweepPointSeed(7, 3));
        QCOMPARE(s3.qaoa.optimizer.seed, s3.qaoa.seed);
        QVERIFY(sweepPointSeed(7, 3) != sweepPointSeed(7, 2));
        QVERIFY(sweepPointSeed(7, 3) != sweepPointSeed(8, 3));
        QVERIFY(sweepPointSeed(7, 3) < (std::uint64_t{1} << 53));
        spec.seeds = SweepSeeds::Same;
        QCOMPARE(sweepPointSettings(spec, base, 3).qaoa.seed, std::uint64_t{7});
        // A seed axis sets the seed directly.
        spec.seeds = SweepSeeds::PerPoint;
        spec.axes = {{"seed", {11, 12}}};
        QCOMPARE(sweepPointSettings(spec, base, 1).qaoa.seed, std::uint64_t{12});
    }

    void pointRunEqualsTheEngine()
    {
        const SweepSpec spec = parseSweepSpec(qaoaSpec(), "s.json");
        const Instance& instance = *spec.instance;
        const SweepSettings s = sweepPointSettings(spec, instance, 3, 1);  // p 2, mixer xy
        QCOMPARE(s.qaoa.depth, std::size_t{2});
        QCOMPARE(s.qaoa.mixer, MixerKind::XYParityRing);
        const QaoaRunResult direct = runQaoa(s.instance, s.qaoa);
        const ExperimentRow row = runSweepPoint(spec, instance, 3, 1);
        const ExperimentHeader h = sweepHeader(spec);
        QCOMPARE(row.axes.size(), std::size_t{2});
        QCOMPARE(experimentValueNumber(row.axes[0]), 2.0);
        QCOMPARE(std::get<std::string>(row.axes[1]), std::string("xy"));
        QCOMPARE(row.metrics.size(), h.metrics.size());
        QCOMPARE(experimentValueNumber(row.metric(h, "valid_rate")), direct.lcrpSampled->validRate);
        QCOMPARE(experimentValueNumber(row.metric(h, "random_valid_rate")), std::pow(3.0 / 8.0, 3));
        QCOMPARE(experimentValueNumber(row.metric(h, "expectation")), direct.expectation);
        QCOMPARE(experimentValueNumber(row.metric(h, "seed")), static_cast<double>(sweepPointSeed(7, 3)));
        QCOMPARE(row.status, ExperimentRowStatus::Ok);
    }

    void warmstartPointOnAGraph()
    {
        const nlohmann::json document = nlohmann::json::parse(R"({
            "kind": "warmstart",
            "instance": {"format": "qaoa-workbench/graph-instance", "formatVersion": 1, "problem": "maxcut",
                         "numVertices": 6, "edges": [[0,1,1],[1,2,1],[2,3,1],[3,4,1],[4,5,1],[5,0,1],[0,2,1]]},
            "settings": {"runs": 20, "iterations": 50, "bootstrap": 0, "shots": 100},
            "axes": [{"parameter": "filter", "values": ["none", "energy"]}]
        })");
        const SweepSpec spec = parseSweepSpec(document, "w.json");
        const ExperimentHeader h = sweepHeader(spec);
        const ExperimentRow row = runSweepPoint(spec, *spec.instance, 1, 1);
        QCOMPARE(std::get<std::string>(row.axes[0]), std::string("energy"));
        QCOMPARE(experimentValueNumber(row.metric(h, "variables")), 6.0);
        QCOMPARE(experimentValueNumber(row.metric(h, "optimum")), -6.0);  // bipartite plus one chord: cut 6 of 7
        QVERIFY(std::holds_alternative<std::string>(row.metric(h, "q_kind")));
        QVERIFY(std::holds_alternative<std::monostate>(row.metric(h, "random_valid_rate")));
    }
};

QTEST_APPLESS_MAIN(TstSweepSpec)
#include "sweep_spec.test.moc"
