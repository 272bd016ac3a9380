// SPDX-License-Identifier: MIT
// Tests of loading and saving instances: format detection, every format, benchmarks and error places.
#include "io/instance_file.h"

#include <QtTest>

#include "temp_files.h"
#include "test_support.h"

#include "core/error.h"
#include "graph/graph_problems.h"
#include "io/atomic_file.h"
#include "io/text_formats.h"

#include <functional>

using nlohmann::json;
using engine::ErrorCode;
using engine::FileFormat;
using engine::GraphInstance;
using engine::Instance;
using engine::LcrpInstance;
using engine::QuboInstance;
using test_support::entriesOf;
using test_support::readRaw;
using test_support::writeRaw;

namespace {

std::string sample(const std::string& name)
{
    return test_support::dataPath(std::string("io/").append(name));
}

engine::Error errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const engine::Error& e) {
        return e;
    }
    return engine::Error(ErrorCode::SolverFailure, "nothing was thrown");
}

} // namespace

class TstInstanceFile : public QObject {
    Q_OBJECT

private slots:
    void names();
    void detectsFormatByNameAndContent_data();
    void detectsFormatByNameAndContent();
    void jsonSaveLoadSaveIsByteIdentical();
    void textFormatsRoundTrip();
    void gzipRoundTrip();
    void bqmExport();
    void formatsThatCannotHoldTheInstance();
    void benchmarkGset();
    void benchmarkOrLibrary();
    void sampleFilesLoad();
    void badFilesNameThePlace();
    void saveFailureLeavesNoTemporary();
    void instanceQuboPerKind();
};

void TstInstanceFile::names()
{
    for (engine::GraphProblem p : {engine::GraphProblem::MaxCut, engine::GraphProblem::Mis})
        QCOMPARE(engine::graphProblemFromName(engine::graphProblemName(p)), p);
    QCOMPARE(std::string(engine::graphProblemName(engine::GraphProblem::Mis)), std::string("mis"));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::graphProblemFromName("MaxCut"));
    for (FileFormat f : {FileFormat::Auto, FileFormat::Json, FileFormat::Gset, FileFormat::Mqlib, FileFormat::OrLibrary,
                         FileFormat::Bqm})
        QCOMPARE(engine::fileFormatFromName(engine::fileFormatName(f)), f);
    QCOMPARE(std::string(engine::fileFormatName(FileFormat::OrLibrary)), std::string("orlib"));
    QCOMPARE(errorOf([] { engine::fileFormatFromName("csv"); }).code(), ErrorCode::InvalidArgument);
    QCOMPARE(std::string(engine::instanceKindName(Instance{LcrpInstance{}})), std::string("lcrp"));
    QCOMPARE(std::string(engine::instanceKindName(Instance{GraphInstance{}})), std::string("graph"));
    QCOMPARE(std::string(engine::instanceKindName(Instance{QuboInstance{}})), std::string("qubo"));
}

void TstInstanceFile::detectsFormatByNameAndContent_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("variables");
    const QString gset = QStringLiteral("3 2\n1 2 1\n2 3 1\n");
    const QString mqlib = QStringLiteral("3 2\n1 2 1\n2 2 1\n");
    const QString orlib = QStringLiteral("1\n4 1\n1 2 1\n");
    QTest::newRow(".gset") << "a.gset" << gset << "graph" << 3;
    QTest::newRow(".rudy") << "a.rudy" << gset << "graph" << 3;
    QTest::newRow(".mc") << "a.mc" << gset << "graph" << 3;
    QTest::newRow("gset in the name") << "MyGset_7.txt" << gset << "graph" << 3;
    QTest::newRow(".qubo") << "a.qubo" << mqlib << "qubo" << 3;
    QTest::newRow(".mqlib") << "a.mqlib" << mqlib << "qubo" << 3;
    QTest::newRow("bqp in the name") << "bqp4.txt" << orlib << "qubo" << 4;
    QTest::newRow("orlib in the name") << "ORLIB-small" << orlib << "qubo" << 4;
    QTest::newRow("content: orlib") << "a.txt" << orlib << "qubo" << 4;
    QTest::newRow("content: mqlib") << "a.txt" << mqlib << "qubo" << 3;
    QTest::newRow("content: gset") << "a.dat" << gset << "graph" << 3;
    QTest::newRow("content: json") << "noext"
                                   << R"({"format": "qaoa-workbench/graph-instance", "formatVersion": 1,
                                         "problem": "maxcut", "numVertices": 5, "edges": []})"
                                   << "graph" << 5;
}

void TstInstanceFile::detectsFormatByNameAndContent()
{
    QFETCH(QString, fileName);
    QFETCH(QString, content);
    QFETCH(QString, kind);
    QFETCH(int, variables);
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/" + fileName.toStdString();
    writeRaw(path, content.toStdString());
    const Instance inst = engine::loadInstance(path);
    QCOMPARE(QString::fromLatin1(engine::instanceKindName(inst)), kind);
    QCOMPARE(engine::instanceQubo(inst).numVariables(), std::size_t(variables));
}

void TstInstanceFile::jsonSaveLoadSaveIsByteIdentical()
{
    QTemporaryDir dir;
    for (const char* name : {"lcrp_small.json", "graph_small.json", "qubo_small.json"}) {
        const Instance loaded = engine::loadInstance(sample(name));
        const std::string first = dir.path().toStdString() + "/first.json";
        const std::string second = dir.path().toStdString() + "/second.json";
        engine::saveInstance(loaded, first);
        engine::saveInstance(engine::loadInstance(first), second);
        QCOMPARE(readRaw(second), readRaw(first));
        QVERIFY(readRaw(first).back() == '\n');
        // Written with sorted keys and two-space indentation.
        QCOMPARE(readRaw(first), engine::instanceToJson(loaded).dump(2) + "\n");
    }
    QCOMPARE(entriesOf(dir.path().toStdString()), (std::vector<std::string>{"first.json", "second.json"}));
}

void TstInstanceFile::textFormatsRoundTrip()
{
    QTemporaryDir dir;
    const std::string base = dir.path().toStdString();
    const auto graph = std::get<GraphInstance>(engine::loadInstance(sample("graph_small.json")));

    engine::saveInstance(graph, base + "/g.txt", FileFormat::Gset);
    engine::LoadOptions asMis;
    asMis.format = FileFormat::Gset;
    asMis.graphProblem = engine::GraphProblem::Mis;
    const auto back = std::get<GraphInstance>(engine::loadInstance(base + "/g.txt", asMis));
    QCOMPARE(back.name, std::string("g"));
    QCOMPARE(back.problem, engine::GraphProblem::Mis);
    QCOMPARE(engine::writeGset(back.graph), engine::writeGset(graph.graph));

    // A graph saved as MQLib is its QUBO (here MIS with the instance's penalty).
    engine::saveInstance(graph, base + "/g.mqlib", FileFormat::Mqlib);
    const auto asQubo = std::get<QuboInstance>(engine::loadInstance(base + "/g.mqlib"));
    QVERIFY(asQubo.qubo == engine::encodeMis(graph.graph, 3.0));

    const auto qubo = std::get<QuboInstance>(engine::loadInstance(sample("project_small.json")));
    engine::saveInstance(qubo, base + "/q.bqp", FileFormat::OrLibrary);
    QVERIFY(std::get<QuboInstance>(engine::loadInstance(base + "/q.bqp")).qubo == qubo.qubo);
}

void TstInstanceFile::gzipRoundTrip()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/lcrp.json.gz";
    const Instance inst = engine::loadInstance(sample("lcrp_small.json"));
    engine::saveInstance(inst, path, FileFormat::Auto);  // ".json" under ".gz": JSON, compressed
    const std::string raw = readRaw(path);
    QVERIFY(raw.size() > 2 && static_cast<unsigned char>(raw[0]) == 0x1f && static_cast<unsigned char>(raw[1]) == 0x8b);
    QCOMPARE(engine::readWholeFile(path), engine::instanceToJson(inst).dump(2) + "\n");
    QCOMPARE(engine::instanceToJson(engine::loadInstance(path)), engine::instanceToJson(inst));
}

void TstInstanceFile::bqmExport()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/q.bqm.json";
    const Instance inst = engine::loadInstance(sample("qubo_small.json"));
    engine::saveInstance(inst, path, FileFormat::Bqm);
    const json bqm = json::parse(readRaw(path));
    QCOMPARE(bqm.at("type").get<std::string>(), std::string("BinaryQuadraticModel"));
    QCOMPARE(bqm.at("variable_labels"), (json{"a", "b", "c"}));
    QCOMPARE(bqm.at("offset").get<double>(), 1.5);
    // BQM files are export-only.
    engine::LoadOptions options;
    options.format = FileFormat::Bqm;
    QCOMPARE(errorOf([&] { engine::loadInstance(path, options); }).code(), ErrorCode::InvalidArgument);
}

void TstInstanceFile::formatsThatCannotHoldTheInstance()
{
    QTemporaryDir dir;
    const std::string base = dir.path().toStdString();
    const Instance lcrp = engine::loadInstance(sample("lcrp_small.json"));
    const Instance qubo = engine::loadInstance(sample("qubo_small.json"));  // offset 1.5
    QCOMPARE(errorOf([&] { engine::saveInstance(qubo, base + "/a", FileFormat::Gset); }).code(),
             ErrorCode::InvalidArgument);
    QCOMPARE(errorOf([&] { engine::saveInstance(lcrp, base + "/b", FileFormat::Mqlib); }).code(),
             ErrorCode::InvalidArgument);
    const engine::Error offset = errorOf([&] { engine::saveInstance(qubo, base + "/c", FileFormat::Mqlib); });
    QCOMPARE(offset.code(), ErrorCode::InvalidArgument);
    QCOMPARE(offset.where(), base + "/c");
    QVERIFY(offset.detail().find("offset 1.5") != std::string::npos);
    QVERIFY(entriesOf(base).empty());
}

void TstInstanceFile::benchmarkGset()
{
    const Instance inst = engine::loadInstance(test_support::sharedPath("benchmarks/gset_G1.txt.gz"));
    const auto& g = std::get<GraphInstance>(inst);
    QCOMPARE(g.name, std::string("gset_G1"));  // without ".txt.gz"
    QCOMPARE(g.graph.numVertices(), std::size_t{800});
    QCOMPARE(g.graph.numEdges(), std::size_t{19176});
    QCOMPARE(g.problem, engine::GraphProblem::MaxCut);
}

void TstInstanceFile::benchmarkOrLibrary()
{
    const std::string path = test_support::sharedPath("benchmarks/orlib_bqp50.txt.gz");
    const auto first = std::get<QuboInstance>(engine::loadInstance(path));
    QCOMPARE(first.qubo.numVariables(), std::size_t{50});
    engine::LoadOptions tenth;
    tenth.orLibraryIndex = 10;
    const auto last = std::get<QuboInstance>(engine::loadInstance(path, tenth));
    QCOMPARE(last.qubo.numVariables(), std::size_t{50});
    QVERIFY(!(last.qubo == first.qubo));
    engine::LoadOptions eleventh;
    eleventh.orLibraryIndex = 11;
    QCOMPARE(errorOf([&] { engine::loadInstance(path, eleventh); }).code(), ErrorCode::InvalidArgument);
}

void TstInstanceFile::sampleFilesLoad()
{
    const auto square = std::get<GraphInstance>(engine::loadInstance(sample("square.gset")));
    QCOMPARE(square.name, std::string("square"));
    QCOMPARE(square.graph.numEdges(), std::size_t{5});
    QCOMPARE(engine::cutValue(square.graph, {1, 0, 1, 0}), 1.0 + 1.0 - 1.0 + 2.5);

    const auto mq = std::get<QuboInstance>(engine::loadInstance(sample("small.mqlib")));
    QCOMPARE(mq.qubo.quadratic(1, 2), 4.0);

    const auto bqp = std::get<QuboInstance>(engine::loadInstance(sample("small_bqp.txt")));
    QCOMPARE(bqp.qubo.numVariables(), std::size_t{2});
    QCOMPARE(bqp.name, std::string("small_bqp-1"));
}

void TstInstanceFile::badFilesNameThePlace()
{
    const engine::Error truncated = errorOf([] { engine::loadInstance(sample("bad_truncated.gset")); });
    QCOMPARE(truncated.code(), ErrorCode::InvalidInput);
    QCOMPARE(truncated.where(), sample("bad_truncated.gset") + ":3");

    const engine::Error index = errorOf([] { engine::loadInstance(sample("bad_index.mqlib")); });
    QCOMPARE(index.code(), ErrorCode::InvalidInput);
    QCOMPARE(index.where(), sample("bad_index.mqlib") + ":3");

    const engine::Error version = errorOf([] { engine::loadInstance(sample("bad_version.json")); });
    QCOMPARE(version.where(), sample("bad_version.json") + ":/formatVersion");
    QVERIFY(std::string(version.what()).find("newer than this program supports") != std::string::npos);

    QTemporaryDir dir;
    const std::string broken = dir.path().toStdString() + "/broken.json";
    writeRaw(broken, "{\n  \"format\": \"qaoa-workbench/qubo-instance\",\n  \"offset\": ,\n}\n");
    const engine::Error syntax = errorOf([&] { engine::loadInstance(broken); });
    QCOMPARE(syntax.code(), ErrorCode::InvalidInput);
    QCOMPARE(syntax.where(), broken + ":3:13");
    QVERIFY(syntax.detail().rfind("invalid JSON: ", 0) == 0);

    writeRaw(broken, "{\"format\": \"qaoa-workbench/qubo-instance\", \"offset\": 1e999}");
    QCOMPARE(errorOf([&] { engine::loadInstance(broken); }).code(), ErrorCode::InvalidInput);

    const engine::Error missing = errorOf([&] { engine::loadInstance(dir.path().toStdString() + "/none.json"); });
    QCOMPARE(missing.code(), ErrorCode::Io);
    QCOMPARE(missing.where(), dir.path().toStdString() + "/none.json");
}

void TstInstanceFile::saveFailureLeavesNoTemporary()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/model.json";
    const Instance small = engine::loadInstance(sample("qubo_small.json"));
    const Instance other = engine::loadInstance(sample("graph_small.json"));
    engine::saveInstance(other, path);
    const std::string before = readRaw(path);
    // A failing save (the format cannot hold a QUBO with an offset) leaves the old file exactly as it was.
    QVERIFY(errorOf([&] { engine::saveInstance(small, path, FileFormat::Mqlib); }).code()
            == ErrorCode::InvalidArgument);
    QCOMPARE(readRaw(path), before);
    // A successful save replaces it whole.
    engine::saveInstance(small, path);
    QCOMPARE(readRaw(path), engine::instanceToJson(small).dump(2) + "\n");
    QCOMPARE(entriesOf(dir.path().toStdString()), std::vector<std::string>{"model.json"});

    const engine::Error io = errorOf([&] { engine::saveInstance(small, dir.path().toStdString() + "/no/such.json"); });
    QCOMPARE(io.code(), ErrorCode::Io);
    QCOMPARE(entriesOf(dir.path().toStdString()), std::vector<std::string>{"model.json"});
}

void TstInstanceFile::instanceQuboPerKind()
{
    const auto graph = std::get<GraphInstance>(engine::loadInstance(sample("graph_small.json")));
    QVERIFY(engine::instanceQubo(graph) == engine::encodeMis(graph.graph, 3.0));
    GraphInstance cut = graph;
    cut.problem = engine::GraphProblem::MaxCut;
    QVERIFY(engine::instanceQubo(cut) == engine::encodeMaxCut(graph.graph));

    const auto qubo = std::get<QuboInstance>(engine::loadInstance(sample("qubo_small.json")));
    QVERIFY(engine::instanceQubo(qubo) == qubo.qubo);

    const auto lcrp = std::get<LcrpInstance>(engine::loadInstance(sample("lcrp_small.json")));
    engine::LcrpEncoderOptions options;
    options.budgetSlackBits = 3;
    const engine::QuboModel encoded = engine::instanceQubo(lcrp, options);
    QVERIFY(encoded == engine::encodeLcrp(lcrp, options).qubo);
    QCOMPARE(encoded.numVariables(), lcrp.numAssignmentVariables() + 3);
}

QTEST_APPLESS_MAIN(TstInstanceFile)
#include "instance_file.test.moc"
