// SPDX-License-Identifier: MIT
// Tests of the graph editor's import and export: round trips through every format and clear errors.
#include "graph/graph_file.h"

#include <QtTest>

#include "temp_files.h"
#include "test_support.h"

#include "graph/graph_generators.h"

#include <QTemporaryDir>

using namespace workbench;

namespace {

GraphData weightedGraph(GraphProblemKind problem)
{
    engine::WeightedGraph g = engine::erdosRenyiGraph(12, 0.4, engine::WeightKind::Uniform, 7);
    GraphData data = graphDataFrom(g, problem, initialPositions(g));
    data.name = "g12";
    return data;
}

// Same graph, QUBO and problem; positions are not stored by any format.
bool sameContent(const GraphData& a, const GraphData& b)
{
    if (a.problem != b.problem || a.numVertices() != b.numVertices() || a.edges.size() != b.edges.size())
        return false;
    for (std::size_t i = 0; i < a.edges.size(); ++i)
        if (a.edges[i].u != b.edges[i].u || a.edges[i].v != b.edges[i].v || a.edges[i].weight != b.edges[i].weight)
            return false;
    return a.qubo() == b.qubo();
}

} // namespace

class TstGraphFile : public QObject {
    Q_OBJECT

private slots:
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void gsetRoundTrip();
    void quboFormatsRoundTripTheEncodedQubo_data();
    void quboFormatsRoundTripTheEncodedQubo();
    void gsetRefusesQuboKind();
    void unknownSuffixIsNamed();
    void brokenFileNamesLine();
    void initialPositionsAreSpreadOut();
};

void TstGraphFile::jsonRoundTrip_data()
{
    QTest::addColumn<int>("problem");
    QTest::newRow("maxcut") << static_cast<int>(GraphProblemKind::MaxCut);
    QTest::newRow("mis") << static_cast<int>(GraphProblemKind::Mis);
    QTest::newRow("qubo") << static_cast<int>(GraphProblemKind::Qubo);
}

void TstGraphFile::jsonRoundTrip()
{
    QFETCH(int, problem);
    QTemporaryDir dir;
    GraphData data = weightedGraph(static_cast<GraphProblemKind>(problem));
    data.misPenalty = 2.5;
    if (data.problem == GraphProblemKind::Qubo) {
        for (std::size_t v = 0; v < data.linear.size(); ++v)
            data.linear[v] = 0.25 * static_cast<double>(v) - 1.0;
        data.offset = 1.5;
    }
    const QString path = dir.filePath(QStringLiteral("g.json"));
    QString error;
    QVERIFY2(saveGraphFile(data, path, &error), qPrintable(error));
    const std::optional<GraphData> loaded = loadGraphFile(path, &error);
    QVERIFY2(loaded.has_value(), qPrintable(error));
    QVERIFY(sameContent(data, *loaded));
    QCOMPARE(loaded->name, data.name);
    if (data.problem == GraphProblemKind::Mis)
        QCOMPARE(loaded->misPenalty, 2.5);
    if (data.problem == GraphProblemKind::Qubo) {
        QVERIFY(loaded->linear == data.linear);
        QCOMPARE(loaded->offset, 1.5);
    }
    // Save, load, save gives equal bytes.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY(saveGraphFile(*loaded, again, &error));
    QCOMPARE(test_support::readRaw(again.toStdString()), test_support::readRaw(path.toStdString()));
}

void TstGraphFile::gsetRoundTrip()
{
    QTemporaryDir dir;
    const GraphData data = weightedGraph(GraphProblemKind::MaxCut);
    for (const QString& name : {QStringLiteral("g.gset"), QStringLiteral("g.rudy.gz")}) {
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(saveGraphFile(data, path, &error), qPrintable(error));
        const std::optional<GraphData> loaded = loadGraphFile(path, &error);
        QVERIFY2(loaded.has_value(), qPrintable(error));
        QVERIFY(sameContent(data, *loaded));
    }
}

void TstGraphFile::quboFormatsRoundTripTheEncodedQubo_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("mqlib") << QStringLiteral("g.qubo");
    QTest::newRow("mqlib gz") << QStringLiteral("g.mqlib.gz");
    QTest::newRow("orlib") << QStringLiteral("g.bqp.txt");
}

void TstGraphFile::quboFormatsRoundTripTheEncodedQubo()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const GraphData data = weightedGraph(GraphProblemKind::Mis);
    const QString path = dir.filePath(name);
    QString error;
    QVERIFY2(saveGraphFile(data, path, &error), qPrintable(error));
    const std::optional<GraphData> loaded = loadGraphFile(path, &error);
    QVERIFY2(loaded.has_value(), qPrintable(error));
    QCOMPARE(loaded->problem, GraphProblemKind::Qubo);
    QVERIFY(loaded->qubo() == data.qubo());
}

void TstGraphFile::gsetRefusesQuboKind()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("q.gset"));
    QString error;
    QVERIFY(!saveGraphFile(weightedGraph(GraphProblemKind::Qubo), path, &error));
    QVERIFY(error.contains(path));
    QVERIFY(!QFileInfo::exists(path));
    // The BQM export takes any kind.
    QVERIFY2(saveGraphFile(weightedGraph(GraphProblemKind::Qubo), dir.filePath(QStringLiteral("q.bqm.json")), &error),
             qPrintable(error));
}

void TstGraphFile::unknownSuffixIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("graph.xyz"));
    QString error;
    QVERIFY(!saveGraphFile(weightedGraph(GraphProblemKind::MaxCut), path, &error));
    QVERIFY(error.contains(path));
    QVERIFY(error.contains(QStringLiteral(".gset")));
}

void TstGraphFile::brokenFileNamesLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.gset"));
    test_support::writeRaw(path.toStdString(), "3 2\n1 2 1\n2 2 1\n");
    QString error;
    QVERIFY(!loadGraphFile(path, &error).has_value());
    QVERIFY2(error.contains(path + QStringLiteral(":3")), qPrintable(error));
    QVERIFY(!loadGraphFile(dir.filePath(QStringLiteral("missing.json")), &error).has_value());
    QVERIFY(error.contains(QStringLiteral("missing.json")));
}

void TstGraphFile::initialPositionsAreSpreadOut()
{
    for (std::size_t n : {std::size_t{20}, std::size_t{300}}) {
        const engine::WeightedGraph g = engine::randomRegularGraph(n, 3, engine::WeightKind::Unit, 3);
        const std::vector<QPointF> pos = initialPositions(g);
        QCOMPARE(pos.size(), n);
        double best = 1e300;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                best = std::min(best, QLineF(pos[i], pos[j]).length());
        // Vertex discs are 20 units across; the layouts keep 0.4 * LAYOUT_SCALE = 24 units between centres.
        QVERIFY2(best >= 0.39 * LAYOUT_SCALE, qPrintable(QString::number(best)));
    }
}

QTEST_MAIN(TstGraphFile)
#include "graph_file.test.moc"
