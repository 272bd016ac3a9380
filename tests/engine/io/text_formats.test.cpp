// SPDX-License-Identifier: MIT
// Tests of the Gset, MQLib and OR-Library readers and writers, on small strings and the shared benchmarks.
#include "io/text_formats.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "graph/graph_generators.h"
#include "graph/graph_problems.h"
#include "io/atomic_file.h"
#include "qubo/qubo_generator.h"

#include <functional>
#include <random>
#include <sstream>
#include <tuple>
#include <vector>

using engine::Bits;
using engine::ErrorCode;
using engine::FileFormat;
using engine::QuboModel;
using engine::WeightedGraph;

Q_DECLARE_METATYPE(engine::ErrorCode)

namespace {

// The slow reference for a maximisation file: sum_i q_ii x_i + 2 sum_{i<j} q_ij x_i x_j from raw triples.
double maximisedObjective(const std::vector<std::tuple<int, int, double>>& triples, const Bits& x)
{
    double value = 0.0;
    for (const auto& [i, j, q] : triples)
        if (x[i - 1] && x[j - 1])
            value += (i == j ? 1.0 : 2.0) * q;
    return value;
}

// Reads "i j v" triples after skipping `skipLines` lines, with plain iostreams (independent of the reader).
std::vector<std::tuple<int, int, double>> rawTriples(const std::string& text, int skipLines, std::size_t count)
{
    std::istringstream in(text);
    std::string line;
    for (int k = 0; k < skipLines; ++k)
        std::getline(in, line);
    std::vector<std::tuple<int, int, double>> triples;
    int i = 0, j = 0;
    double v = 0.0;
    while (triples.size() < count && in >> i >> j >> v)
        triples.emplace_back(i, j, v);
    return triples;
}

void expectError(const std::function<void()>& f, ErrorCode code, const std::string& where,
                 const std::string& detailPart)
{
    try {
        f();
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), code);
        QCOMPARE(e.where(), where);
        QVERIFY2(e.detail().find(detailPart) != std::string::npos, e.what());
        QVERIFY(std::string(e.what()).find(where) == 0);
    }
}

bool sameGraph(const WeightedGraph& a, const WeightedGraph& b)
{
    if (a.numVertices() != b.numVertices() || a.numEdges() != b.numEdges())
        return false;
    for (std::size_t k = 0; k < a.numEdges(); ++k) {
        const engine::Edge& x = a.edges()[k];
        const engine::Edge& y = b.edges()[k];
        if (x.u != y.u || x.v != y.v || x.weight != y.weight)
            return false;
    }
    return true;
}

} // namespace

class TstTextFormats : public QObject {
    Q_OBJECT

private slots:
    void readsGset();
    void gsetRoundTrip();
    void readsMqlibWithItsSignConvention();
    void mqlibRoundTrip();
    void mqlibRefusesOffset();
    void readsOrLibraryInstances();
    void orLibraryRoundTrip();
    void gsetBenchmarkG1();
    void orLibraryBenchmarkBqp50();
    void badGset_data();
    void badGset();
    void badMqlib_data();
    void badMqlib();
    void badOrLibrary_data();
    void badOrLibrary();
    void detectsFormats_data();
    void detectsFormats();
};

void TstTextFormats::readsGset()
{
    const WeightedGraph g = engine::readGset("4 3\n1 2 1\n% comment\n\n2 4 -2.5\r\n4 3 +7\n", "g.txt");
    QCOMPARE(g.numVertices(), std::size_t{4});
    QCOMPARE(g.numEdges(), std::size_t{3});
    QCOMPARE(g.weight(0, 1), 1.0);
    QCOMPARE(g.weight(1, 3), -2.5);
    QCOMPARE(g.weight(2, 3), 7.0);
    // File order is kept.
    QCOMPARE(g.edges()[2].u, std::uint32_t{2});
    QCOMPARE(g.edges()[2].v, std::uint32_t{3});
}

void TstTextFormats::gsetRoundTrip()
{
    const WeightedGraph g = engine::erdosRenyiGraph(40, 0.2, engine::WeightKind::Uniform, 5);
    WeightedGraph odd(4);
    odd.addEdge(2, 0, 1e-300);
    odd.addEdge(1, 2, -123456.789);
    odd.addEdge(3, 1, 0.0);  // vertex 4 only has a zero-weight edge
    for (const WeightedGraph* graph : {&g, static_cast<const WeightedGraph*>(&odd)}) {
        const std::string text = engine::writeGset(*graph);
        const WeightedGraph back = engine::readGset(text, "rt");
        QVERIFY(sameGraph(*graph, back));
        QCOMPARE(engine::writeGset(back), text);
    }
    QCOMPARE(engine::writeGset(odd), std::string("4 3\n1 3 1e-300\n2 3 -123456.789\n2 4 0\n"));
}

void TstTextFormats::readsMqlibWithItsSignConvention()
{
    const std::string text = "3 5\n1 1 2\n2 2 -1\n1 2 1.5\n3 2 -2\n3 3 0.5\n";
    const QuboModel q = engine::readMqlib(text, "m.txt");
    QCOMPARE(q.numVariables(), std::size_t{3});
    QCOMPARE(q.linear(0), -2.0);
    QCOMPARE(q.quadratic(0, 1), -3.0);
    QCOMPARE(q.quadratic(1, 2), 4.0);
    QCOMPARE(q.offset(), 0.0);
    const auto triples = rawTriples(text, 1, 5);
    for (std::uint64_t index = 0; index < 8; ++index) {
        const Bits x = engine::bitsFromIndex(index, 3);
        QCOMPARE(q.energy(x), -maximisedObjective(triples, x));
    }
}

void TstTextFormats::mqlibRoundTrip()
{
    engine::RandomQuboOptions options;
    options.numVariables = 25;
    options.density = 0.3;
    options.seed = 77;
    const QuboModel q = engine::randomQubo(options);
    const std::string text = engine::writeMqlib(q);
    const QuboModel back = engine::readMqlib(text, "rt");
    QVERIFY(back == q);
    QCOMPARE(engine::writeMqlib(back), text);
}

void TstTextFormats::mqlibRefusesOffset()
{
    QuboModel q(2);
    q.addOffset(3.0);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::writeMqlib(q));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::writeOrLibrary(q));
}

void TstTextFormats::readsOrLibraryInstances()
{
    const std::string text = " 2\n 2 3\n 1 1 5\n 1 2 -3\n 2 2 4\n 3 2\n 1 3 7\n 2 2 -1\n";
    const QuboModel first = engine::readOrLibrary(text, "b.txt", 1);
    QCOMPARE(first.numVariables(), std::size_t{2});
    QCOMPARE(first.linear(0), -5.0);
    QCOMPARE(first.linear(1), -4.0);
    QCOMPARE(first.quadratic(0, 1), 6.0);
    const QuboModel second = engine::readOrLibrary(text, "b.txt", 2);
    QCOMPARE(second.numVariables(), std::size_t{3});
    QCOMPARE(second.quadratic(0, 2), -14.0);
    QCOMPARE(second.linear(1), 1.0);
    for (std::size_t bad : {std::size_t{0}, std::size_t{3}})
        expectError([&] { (void)engine::readOrLibrary(text, "b.txt", bad); }, ErrorCode::InvalidArgument, "b.txt",
                    "instances 1..2");
}

void TstTextFormats::orLibraryRoundTrip()
{
    engine::RandomQuboOptions options;
    options.numVariables = 12;
    options.density = 0.5;
    options.integer = true;
    options.low = -50;
    options.high = 50;
    options.seed = 8;
    const QuboModel q = engine::randomQubo(options);
    const QuboModel back = engine::readOrLibrary(engine::writeOrLibrary(q), "rt", 1);
    QVERIFY(back == q);
}

void TstTextFormats::gsetBenchmarkG1()
{
    const std::string path = test_support::sharedPath("benchmarks/gset_G1.txt.gz");
    const std::string text = engine::readWholeFile(path);
    const WeightedGraph g = engine::readGset(text, path);
    QCOMPARE(g.numVertices(), std::size_t{800});
    QCOMPARE(g.numEdges(), std::size_t{19176});
    QCOMPARE(g.totalWeight(), 19176.0);

    // Reference cut of x_i = i mod 2 and of a seeded random x from the raw triples, with 1-based vertices.
    const auto triples = rawTriples(text, 1, 19176);
    QCOMPARE(triples.size(), std::size_t{19176});
    std::mt19937_64 rng(1);
    Bits alternating(800), random(800);
    for (std::size_t i = 0; i < 800; ++i) {
        alternating[i] = static_cast<std::uint8_t>(i % 2);
        random[i] = static_cast<std::uint8_t>(rng() & 1);
    }
    const engine::QuboModel maxCut = engine::encodeMaxCut(g);
    for (const Bits& x : {alternating, random}) {
        double cut = 0.0;
        for (const auto& [i, j, w] : triples)
            if (x[i - 1] != x[j - 1])
                cut += w;
        QCOMPARE(engine::cutValue(g, x), cut);
        QCOMPARE(maxCut.energy(x), -cut);
    }
    QCOMPARE(maxCut.energy(Bits(800, 0)), 0.0);
    QCOMPARE(maxCut.energy(Bits(800, 1)), 0.0);
}

void TstTextFormats::orLibraryBenchmarkBqp50()
{
    const std::string path = test_support::sharedPath("benchmarks/orlib_bqp50.txt.gz");
    const std::string text = engine::readWholeFile(path);
    const QuboModel q = engine::readOrLibrary(text, path, 1);
    QCOMPARE(q.numVariables(), std::size_t{50});

    // Instance 1 starts after the count line and its own "50 111" header.
    const auto triples = rawTriples(text, 2, 111);
    QCOMPARE(triples.size(), std::size_t{111});
    const Bits ones(50, 1);
    QCOMPARE(q.energy(ones), -maximisedObjective(triples, ones));
    QCOMPARE(q.energy(Bits(50, 0)), 0.0);
    std::mt19937_64 rng(2);
    for (int trial = 0; trial < 20; ++trial) {
        Bits x(50);
        for (auto& b : x)
            b = static_cast<std::uint8_t>(rng() & 1);
        QCOMPARE(q.energy(x), -maximisedObjective(triples, x));
    }
    // The last instance is reachable too: the skipped blocks were counted correctly.
    QCOMPARE(engine::readOrLibrary(text, path, 10).numVariables(), std::size_t{50});
}

void TstTextFormats::badGset_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    const ErrorCode bad = ErrorCode::InvalidInput;
    QTest::newRow("empty") << "" << bad << "f" << "no data";
    QTest::newRow("only comments") << "# nothing\n\n" << bad << "f" << "no data";
    QTest::newRow("header one field") << "4\n1 2 1\n" << bad << "f:1" << "header line";
    QTest::newRow("header non-numeric") << "four 1\n1 2 1\n" << bad << "f:1" << "got 'four'";
    QTest::newRow("zero vertices") << "0 0\n" << bad << "f:1" << "at least 1";
    QTest::newRow("huge vertex count") << "99999999999 1\n1 2 1\n" << bad << "f:1"
                                       << "exceeds the limit";
    QTest::newRow("count beyond uint64") << "4 99999999999999999999999\n" << bad << "f:1" << "too large";
    QTest::newRow("huge edge count") << "4 1000000000000\n1 2 1\n" << bad << "f:1" << "n(n-1)/2";
    QTest::newRow("truncated") << "4 3\n1 2 1\n\n2 3 1\n" << bad << "f:4" << "2 of the 3 edges";
    QTest::newRow("header only") << "4 1\n" << bad << "f:1" << "0 of the 1 edges";
    QTest::newRow("non-numeric weight") << "4 1\n1 2 x\n" << bad << "f:2" << "got 'x'";
    QTest::newRow("infinite weight") << "4 1\n1 2 inf\n" << bad << "f:2" << "not finite";
    QTest::newRow("weight overflow") << "4 1\n1 2 1e999\n" << bad << "f:2" << "out of the range";
    QTest::newRow("index out of range") << "4 1\n1 5 1\n" << bad << "f:2" << "5 is out of range 1..4";
    QTest::newRow("index zero") << "4 1\n0 2 1\n" << bad << "f:2" << "0 is out of range 1..4";
    QTest::newRow("negative index") << "4 1\n-1 2 1\n" << bad << "f:2" << "non-negative integer";
    QTest::newRow("fractional index") << "4 1\n1.5 2 1\n" << bad << "f:2" << "got '1.5'";
    QTest::newRow("self-loop") << "4 1\n3 3 1\n" << bad << "f:2" << "self-loop on vertex 3";
    QTest::newRow("two fields") << "4 1\n1 2\n" << bad << "f:2" << "got 2 fields";
    QTest::newRow("duplicate reversed") << "4 3\n1 2 1\n2 3 1\n2 1 1\n" << bad << "f:4" << "repeats line 2";
    QTest::newRow("extra edge") << "4 1\n1 2 1\n2 3 1\n" << bad << "f:3" << "unexpected data";
}

void TstTextFormats::badGset()
{
    QFETCH(QString, content);
    QFETCH(ErrorCode, code);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    expectError([&] { (void)engine::readGset(content.toStdString(), "f"); }, code, where.toStdString(),
                detail.toStdString());
}

void TstTextFormats::badMqlib_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    const ErrorCode bad = ErrorCode::InvalidInput;
    QTest::newRow("empty") << "\n" << bad << "f" << "no data";
    QTest::newRow("header three fields") << "3 1 1\n1 1 1\n" << bad << "f:1" << "header line";
    QTest::newRow("huge variable count") << "9000000 0\n" << bad << "f:1" << "exceeds the limit";
    QTest::newRow("too many entries") << "2 4\n" << bad << "f:1" << "n(n+1)/2";
    QTest::newRow("truncated") << "3 3\n1 1 1\n2 2 1\n" << bad << "f:3" << "2 of the 3 entries";
    QTest::newRow("non-numeric") << "3 1\n1 1 one\n" << bad << "f:2" << "got 'one'";
    QTest::newRow("out of range") << "3 1\n1 4 1\n" << bad << "f:2" << "4 is out of range 1..3";
    QTest::newRow("duplicate diagonal") << "3 2\n2 2 1\n2 2 5\n" << bad << "f:3" << "repeats line 2";
    QTest::newRow("duplicate transposed") << "3 2\n1 3 1\n3 1 1\n" << bad << "f:3" << "repeats line 2";
    QTest::newRow("too large to double") << "3 1\n1 2 1.7e308\n" << bad << "f:2" << "too large";
    QTest::newRow("trailing data") << "3 1\n1 2 1\n3 3 1\n" << bad << "f:3" << "unexpected data";
}

void TstTextFormats::badMqlib()
{
    QFETCH(QString, content);
    QFETCH(ErrorCode, code);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    expectError([&] { (void)engine::readMqlib(content.toStdString(), "f"); }, code, where.toStdString(),
                detail.toStdString());
}

void TstTextFormats::badOrLibrary_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("detail");
    QTest::newRow("empty") << "" << 1 << "f" << "no data";
    QTest::newRow("count with two fields") << "2 3\n" << 1 << "f:1" << "instance count alone";
    QTest::newRow("zero count") << "0\n" << 1 << "f:1" << "at least 1";
    QTest::newRow("missing block") << "2\n2 1\n1 1 1\n" << 2 << "f:3" << "ends before instance 2";
    QTest::newRow("skipped block truncated") << "2\n2 3\n1 1 1\n" << 2 << "f:3" << "ends inside instance 1";
    QTest::newRow("bad entry in chosen block") << "2\n2 1\n1 1 1\n2 1\n1 3 1\n" << 2 << "f:5" << "out of range";
    QTest::newRow("bad header of skipped block") << "2\nx 1\n1 1 1\n2 1\n1 1 1\n" << 2 << "f:2" << "got 'x'";
}

void TstTextFormats::badOrLibrary()
{
    QFETCH(QString, content);
    QFETCH(int, index);
    QFETCH(QString, where);
    QFETCH(QString, detail);
    expectError([&] { (void)engine::readOrLibrary(content.toStdString(), "f", static_cast<std::size_t>(index)); },
                ErrorCode::InvalidInput, where.toStdString(), detail.toStdString());
}

void TstTextFormats::detectsFormats_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("format");
    QTest::newRow("json") << "  \n{\"format\": 1}" << int(FileFormat::Json);
    QTest::newRow("orlib") << "10\n50 111\n1 4 39\n" << int(FileFormat::OrLibrary);
    QTest::newRow("mqlib") << "3 2\n1 2 1\n2 2 -1\n" << int(FileFormat::Mqlib);
    QTest::newRow("gset") << "3 2\n1 2 1\n2 3 -1\n" << int(FileFormat::Gset);
    QTest::newRow("empty") << "" << int(FileFormat::Gset);
}

void TstTextFormats::detectsFormats()
{
    QFETCH(QString, content);
    QFETCH(int, format);
    QCOMPARE(int(engine::detectTextFormat(content.toStdString())), format);
}

QTEST_APPLESS_MAIN(TstTextFormats)
#include "text_formats.test.moc"
