// SPDX-License-Identifier: MIT
// Tests of the versioned JSON instance formats: round trips, sample files, schema and semantic errors.
#include "io/instance_file.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "io/atomic_file.h"

#include <functional>
#include <limits>

using nlohmann::json;
using engine::ErrorCode;
using engine::GraphInstance;
using engine::Instance;
using engine::LcrpInstance;
using engine::QuboInstance;

using Mutation = std::function<void(json&)>;
Q_DECLARE_METATYPE(Mutation)
Q_DECLARE_METATYPE(engine::ErrorCode)

namespace {

json loadSample(const std::string& name)
{
    // NOTE: std::string(...).append() because GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + string.
    return json::parse(engine::readWholeFile(test_support::dataPath(std::string("io/").append(name))));
}

LcrpInstance lcrpExample()
{
    LcrpInstance inst;
    inst.name = "example";
    inst.budgetUsd = 2.5;
    inst.penalties.quality = 12.0;
    inst.models = {{"a", 0.1, 0.5, 100.0, 4096.0}, {"b", 2.0, 0.9, 900.0, 100000.0}};
    inst.tasks = {{"t1", 2, 640.0, {}, {}}, {"t2", 5, 5000.5, 0.75, 1234.5}};
    return inst;
}

GraphInstance graphExample()
{
    GraphInstance g{std::string("g"), engine::WeightedGraph(5), engine::GraphProblem::Mis, 2.5};
    g.graph.addEdge(3, 1, 0.1);
    g.graph.addEdge(0, 4, -2.0);
    g.graph.addEdge(2, 3, 1e-7);
    return g;
}

QuboInstance quboExample(bool names)
{
    QuboInstance q;
    q.qubo = engine::QuboModel(4);
    q.qubo.addLinear(0, 0.3);
    q.qubo.addLinear(3, -1.0 / 3.0);
    q.qubo.addQuadratic(2, 1, 5.0);
    q.qubo.addQuadratic(0, 3, -0.125);
    q.qubo.addOffset(7.0);
    if (names)
        for (std::size_t i = 0; i < 4; ++i)
            q.qubo.setVariableName(i, std::string("v").append(std::to_string(i * 10)));
    return q;
}

void expectError(const json& document, ErrorCode code, const std::string& where, const std::string& detailPart)
{
    try {
        (void)engine::instanceFromJson(document, "src.json");
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QVERIFY2(e.code() == code, e.what());
        QCOMPARE(e.where(), where);
        QVERIFY2(e.detail().find(detailPart) != std::string::npos, e.what());
    }
}

} // namespace

class TstInstanceJson : public QObject {
    Q_OBJECT

private slots:
    void lcrpRoundTrip();
    void graphRoundTrip();
    void quboRoundTrip();
    void samplesLoad();
    void projectReturnsItsInstance();
    void newerVersionIsNamed();
    void lcrpErrors_data();
    void lcrpErrors();
    void graphErrors_data();
    void graphErrors();
    void quboErrors_data();
    void quboErrors();
    void projectErrors_data();
    void projectErrors();
    void nonFiniteValuesAreNotSaved();
};

void TstInstanceJson::lcrpRoundTrip()
{
    const LcrpInstance original = lcrpExample();
    const std::string text = engine::instanceToJson(original).dump(2);
    const Instance loaded = engine::instanceFromJson(json::parse(text), "mem");
    const auto& back = std::get<LcrpInstance>(loaded);
    QCOMPARE(back.name, original.name);
    QCOMPARE(back.budgetUsd, original.budgetUsd);
    QCOMPARE(back.penalties.quality, 12.0);
    QCOMPARE(back.penalties.assignment, original.penalties.assignment);
    QCOMPARE(back.models.size(), std::size_t{2});
    QCOMPARE(back.models[1].name, std::string("b"));
    QCOMPARE(back.models[1].contextTokens, 100000.0);
    QCOMPARE(back.tasks[0].complexity, 2);
    QVERIFY(!back.tasks[0].qMin && !back.tasks[0].latencySlaMs);
    QCOMPARE(*back.tasks[1].qMin, 0.75);
    QCOMPARE(*back.tasks[1].latencySlaMs, 1234.5);
    QCOMPARE(back.tasks[1].tokens, 5000.5);
    QCOMPARE(engine::instanceToJson(loaded).dump(2), text);
}

void TstInstanceJson::graphRoundTrip()
{
    const GraphInstance original = graphExample();
    const json document = engine::instanceToJson(original);
    QCOMPARE(document.at("edges"), (json{{1, 3, 0.1}, {0, 4, -2.0}, {2, 3, 1e-7}}));
    const Instance loaded = engine::instanceFromJson(json::parse(document.dump(2)), "mem");
    const auto& back = std::get<GraphInstance>(loaded);
    QCOMPARE(back.problem, engine::GraphProblem::Mis);
    QCOMPARE(back.misPenalty, 2.5);
    QCOMPARE(back.graph.numVertices(), std::size_t{5});
    QCOMPARE(back.graph.numEdges(), std::size_t{3});
    for (std::size_t k = 0; k < 3; ++k) {
        QCOMPARE(back.graph.edges()[k].u, original.graph.edges()[k].u);
        QCOMPARE(back.graph.edges()[k].v, original.graph.edges()[k].v);
        QCOMPARE(back.graph.edges()[k].weight, original.graph.edges()[k].weight);
    }
    QCOMPARE(engine::instanceToJson(loaded).dump(2), document.dump(2));
}

void TstInstanceJson::quboRoundTrip()
{
    for (bool names : {false, true}) {
        const QuboInstance original = quboExample(names);
        const std::string text = engine::instanceToJson(original).dump(2);
        const Instance loaded = engine::instanceFromJson(json::parse(text), "mem");
        const auto& back = std::get<QuboInstance>(loaded);
        QVERIFY(back.qubo == original.qubo);  // exact: shortest round-trip decimal forms
        QCOMPARE(back.qubo.hasVariableNames(), names);
        if (names)
            QCOMPARE(back.qubo.variableName(3), std::string("v30"));
        QCOMPARE(engine::instanceToJson(loaded).dump(2), text);
    }
}

void TstInstanceJson::samplesLoad()
{
    const auto lcrp = std::get<LcrpInstance>(engine::instanceFromJson(loadSample("lcrp_small.json"), "lcrp"));
    QCOMPARE(lcrp.numTasks(), std::size_t{3});
    QCOMPARE(lcrp.penalties.assignment, 60.0);
    QCOMPARE(lcrp.penalties.budget, 4.5);
    QCOMPARE(lcrp.penalties.quality, engine::LcrpPenalties{}.quality);  // absent: default
    QCOMPARE(lcrp.qMin(1), 0.9);
    QCOMPARE(lcrp.latencySlaMs(2), 2000.0);

    const auto graph = std::get<GraphInstance>(engine::instanceFromJson(loadSample("graph_small.json"), "graph"));
    QCOMPARE(graph.graph.numEdges(), std::size_t{5});
    QCOMPARE(graph.graph.weight(2, 3), -2.0);
    QCOMPARE(graph.misPenalty, 3.0);

    const auto qubo = std::get<QuboInstance>(engine::instanceFromJson(loadSample("qubo_small.json"), "qubo"));
    QCOMPARE(qubo.qubo.quadratic(0, 2), -4.0);
    QCOMPARE(qubo.qubo.offset(), 1.5);
    QCOMPARE(qubo.qubo.variableName(2), std::string("c"));
    // f(1,1,1) = 1.5 - 1 + 2 + 0.5 + 3 - 4
    QCOMPARE(qubo.qubo.energy({1, 1, 1}), 2.0);

    // A graph without "misPenalty" gets the default.
    json noPenalty = loadSample("graph_small.json");
    noPenalty.erase("misPenalty");
    QCOMPARE(std::get<GraphInstance>(engine::instanceFromJson(noPenalty, "g")).misPenalty, 2.0);
}

void TstInstanceJson::projectReturnsItsInstance()
{
    const Instance inst = engine::instanceFromJson(loadSample("project_small.json"), "project");
    const auto& qubo = std::get<QuboInstance>(inst);
    QCOMPARE(qubo.qubo.numVariables(), std::size_t{2});
    QCOMPARE(qubo.qubo.quadratic(0, 1), 2.0);

    json project = {{"format", "qaoa-workbench/project"}, {"formatVersion", 1},
                    {"instance", engine::instanceToJson(lcrpExample())}};
    QCOMPARE(std::get<LcrpInstance>(engine::instanceFromJson(project, "p")).tasks.size(), std::size_t{2});
}

void TstInstanceJson::newerVersionIsNamed()
{
    expectError(loadSample("bad_version.json"), ErrorCode::InvalidInput, "src.json:/formatVersion",
                "formatVersion 2 is newer than this program supports (1)");
    json project = loadSample("project_small.json");
    project["instance"]["formatVersion"] = 3;
    expectError(project, ErrorCode::InvalidInput, "src.json:/instance/formatVersion",
                "formatVersion 3 is newer than this program supports (1)");
    project = loadSample("project_small.json");
    project["formatVersion"] = 2;
    expectError(project, ErrorCode::InvalidInput, "src.json:/formatVersion", "newer than this program supports");
}

void TstInstanceJson::lcrpErrors_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    const ErrorCode bad = ErrorCode::InvalidInput;
    QTest::newRow("formatVersion 0") << Mutation([](json& d) { d["formatVersion"] = 0; }) << bad
                                     << "src.json:/formatVersion" << "rule 'const'";
    QTest::newRow("negative tokens") << Mutation([](json& d) { d["tasks"][0]["tokens"] = -3; }) << bad
                                     << "src.json:/tasks/0/tokens" << "value -3 must be greater than 0";
    QTest::newRow("complexity 7") << Mutation([](json& d) { d["tasks"][2]["complexity"] = 7; }) << bad
                                  << "src.json:/tasks/2/complexity" << "value 7 is greater than the maximum 5";
    QTest::newRow("complexity as text") << Mutation([](json& d) { d["tasks"][1]["complexity"] = "4"; }) << bad
                                        << "src.json:/tasks/1/complexity" << "expected integer, got string";
    QTest::newRow("missing tokens") << Mutation([](json& d) { d["tasks"][1].erase("tokens"); }) << bad
                                    << "src.json:/tasks/1" << "required property 'tokens' is missing";
    QTest::newRow("unknown property") << Mutation([](json& d) { d["foo"] = 1; }) << bad << "src.json:/foo"
                                      << "property 'foo' is not allowed";
    QTest::newRow("unknown penalty") << Mutation([](json& d) { d["penalties"]["speed"] = 1; }) << bad
                                     << "src.json:/penalties/speed" << "property 'speed' is not allowed";
    QTest::newRow("quality above 1") << Mutation([](json& d) { d["models"][0]["quality"] = 1.5; }) << bad
                                     << "src.json:/models/0/quality" << "greater than the maximum 1";
    QTest::newRow("no models") << Mutation([](json& d) { d["models"] = json::array(); }) << bad
                               << "src.json:/models" << "fewer than the minimum 1";
    QTest::newRow("zero budget") << Mutation([](json& d) { d["budgetUsd"] = 0; }) << bad << "src.json:/budgetUsd"
                                 << "must be greater than 0";
    QTest::newRow("empty id") << Mutation([](json& d) { d["tasks"][0]["id"] = ""; }) << bad
                              << "src.json:/tasks/0/id" << "fewer than the minimum 1";
    // Semantic rules beyond the schema come from LcrpInstance::validate(), with the pointer kept.
    QTest::newRow("duplicate task id") << Mutation([](json& d) { d["tasks"][2]["id"] = "T-000"; }) << bad
                                       << "src.json:/tasks/2/id" << "used twice";
    QTest::newRow("duplicate model name") << Mutation([](json& d) { d["models"][1]["name"] = "small"; }) << bad
                                          << "src.json:/models/1/name" << "used twice";
    QTest::newRow("wrong format") << Mutation([](json& d) { d["format"] = "qaoa-workbench/lcrp"; }) << bad
                                  << "src.json:/format" << "unknown format \"qaoa-workbench/lcrp\"";
    QTest::newRow("no format") << Mutation([](json& d) { d.erase("format"); }) << bad << "src.json"
                               << "required property 'format' is missing";
    QTest::newRow("not an object") << Mutation([](json& d) { d = json::array(); }) << bad << "src.json"
                                   << "expected a JSON object";
}

void TstInstanceJson::lcrpErrors()
{
    QFETCH(Mutation, mutate);
    QFETCH(ErrorCode, code);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    json document = loadSample("lcrp_small.json");
    (void)engine::instanceFromJson(document, "src.json");  // the unmodified sample is valid
    mutate(document);
    expectError(document, code, where.toStdString(), detail.toStdString());
}

void TstInstanceJson::graphErrors_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    const ErrorCode bad = ErrorCode::InvalidInput;
    QTest::newRow("vertex out of range") << Mutation([](json& d) { d["edges"][1][1] = 4; }) << bad
                                         << "src.json:/edges/1/1" << "vertex index 4 is out of range 0..3";
    QTest::newRow("negative vertex") << Mutation([](json& d) { d["edges"][0][0] = -1; }) << bad
                                     << "src.json:/edges/0/0" << "out of range";
    QTest::newRow("fractional vertex") << Mutation([](json& d) { d["edges"][0][0] = 0.5; }) << bad
                                       << "src.json:/edges/0/0" << "not an integer";
    QTest::newRow("self-loop") << Mutation([](json& d) { d["edges"][2] = {1, 1, 1.0}; }) << bad
                               << "src.json:/edges/2" << "self-loop on vertex 1";
    QTest::newRow("duplicate edge") << Mutation([](json& d) { d["edges"].push_back({2, 1, 5.0}); }) << bad
                                    << "src.json:/edges/5" << "edge {2, 1} repeats /edges/1";
    QTest::newRow("edge with two numbers") << Mutation([](json& d) { d["edges"][3] = {0, 1}; }) << bad
                                           << "src.json:/edges/3" << "fewer than the minimum 3";
    QTest::newRow("weight as text") << Mutation([](json& d) { d["edges"][0][2] = "1"; }) << bad
                                    << "src.json:/edges/0/2" << "expected number, got string";
    QTest::newRow("unknown problem") << Mutation([](json& d) { d["problem"] = "tsp"; }) << bad
                                     << "src.json:/problem" << "is not one of";
    QTest::newRow("zero vertices") << Mutation([](json& d) { d["numVertices"] = 0; }) << bad
                                   << "src.json:/numVertices" << "less than the minimum 1";
    QTest::newRow("zero penalty") << Mutation([](json& d) { d["misPenalty"] = 0; }) << bad
                                  << "src.json:/misPenalty" << "must be greater than 0";
    QTest::newRow("huge vertex count") << Mutation([](json& d) { d["numVertices"] = 1e15; })
                                       << bad << "src.json:/numVertices" << "exceeds the limit";
}

void TstInstanceJson::graphErrors()
{
    QFETCH(Mutation, mutate);
    QFETCH(ErrorCode, code);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    json document = loadSample("graph_small.json");
    (void)engine::instanceFromJson(document, "src.json");
    mutate(document);
    expectError(document, code, where.toStdString(), detail.toStdString());
}

void TstInstanceJson::quboErrors_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    const ErrorCode bad = ErrorCode::InvalidInput;
    QTest::newRow("linear too short") << Mutation([](json& d) { d["linear"].erase(2); }) << bad << "src.json:/linear"
                                      << "linear has 2 entries, numVariables is 3";
    QTest::newRow("count without content") << Mutation([](json& d) { d["numVariables"] = 1000000; }) << bad
                                           << "src.json:/linear" << "numVariables is 1000000";
    QTest::newRow("index out of range") << Mutation([](json& d) { d["quadratic"][1][0] = 3; }) << bad
                                        << "src.json:/quadratic/1/0" << "out of range 0..2";
    QTest::newRow("diagonal term") << Mutation([](json& d) { d["quadratic"][0] = {1, 1, 2.0}; }) << bad
                                   << "src.json:/quadratic/0" << "belongs in 'linear'";
    QTest::newRow("repeated pair") << Mutation([](json& d) { d["quadratic"].push_back({1, 0, 1.0}); }) << bad
                                   << "src.json:/quadratic/2" << "pair (0, 1) repeats /quadratic/0";
    QTest::newRow("names length") << Mutation([](json& d) { d["variableNames"].push_back("d"); }) << bad
                                  << "src.json:/variableNames" << "variableNames has 4 entries";
    QTest::newRow("name not a string") << Mutation([](json& d) { d["variableNames"][1] = 5; }) << bad
                                       << "src.json:/variableNames/1" << "expected string, got integer";
    QTest::newRow("missing offset") << Mutation([](json& d) { d.erase("offset"); }) << bad << "src.json"
                                    << "required property 'offset' is missing";
}

void TstInstanceJson::quboErrors()
{
    QFETCH(Mutation, mutate);
    QFETCH(ErrorCode, code);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    json document = loadSample("qubo_small.json");
    (void)engine::instanceFromJson(document, "src.json");
    mutate(document);
    expectError(document, code, where.toStdString(), detail.toStdString());
}

void TstInstanceJson::projectErrors_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    QTest::newRow("bad field inside the instance")
        << Mutation([](json& d) { d["instance"]["linear"][0] = "x"; }) << "src.json:/instance/linear/0"
        << "expected number, got string";
    QTest::newRow("semantic error inside the instance")
        << Mutation([](json& d) { d["instance"]["quadratic"][0][1] = 7; }) << "src.json:/instance/quadratic/0/1"
        << "out of range";
    QTest::newRow("unknown instance format") << Mutation([](json& d) { d["instance"]["format"] = "other"; })
                                             << "src.json:/instance/format" << "unknown format";
    QTest::newRow("project inside a project") << Mutation([](json& d) { d["instance"] = d; })
                                              << "src.json:/instance/format" << "cannot contain another project";
    QTest::newRow("instance not an object") << Mutation([](json& d) { d["instance"] = 3; }) << "src.json:/instance"
                                            << "matches none of the 3 alternatives";
    QTest::newRow("missing instance") << Mutation([](json& d) { d.erase("instance"); }) << "src.json"
                                      << "required property 'instance' is missing";
    QTest::newRow("extra property") << Mutation([](json& d) { d["notes"] = "x"; }) << "src.json:/notes"
                                    << "property 'notes' is not allowed";
    QTest::newRow("workbench not an object") << Mutation([](json& d) { d["workbench"] = 1; })
                                             << "src.json:/workbench" << "expected object, got integer";
}

void TstInstanceJson::projectErrors()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    json document = loadSample("project_small.json");
    mutate(document);
    expectError(document, ErrorCode::InvalidInput, where.toStdString(), detail.toStdString());
}

void TstInstanceJson::nonFiniteValuesAreNotSaved()
{
    LcrpInstance lcrp = lcrpExample();
    lcrp.budgetUsd = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::instanceToJson(lcrp));
    // QuboModel and WeightedGraph refuse non-finite numbers themselves; the MIS penalty is a plain field.
    GraphInstance graph = graphExample();
    graph.misPenalty = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::instanceToJson(graph));
}

QTEST_APPLESS_MAIN(TstInstanceJson)
#include "instance_json.test.moc"
