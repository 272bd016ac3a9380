// SPDX-License-Identifier: MIT
// Tests of the graph editor's undo commands: each one does and undoes exactly, random edit sequences replay.
#include "graph/graph_commands.h"

#include <QtTest>

#include "graph/graph_document.h"
#include "graph/graph_generators.h"

#include <QSignalSpy>
#include <QUndoStack>

#include <map>
#include <random>

using namespace workbench;

namespace {

// A 6-vertex graph with distinct weights, positions and linear terms, so every field is checked on undo.
GraphData sampleData()
{
    GraphData data;
    data.name = "sample";
    for (int v = 0; v < 6; ++v) {
        data.positions.emplace_back(10.0 * v, -3.0 * v);
        data.linear.push_back(0.5 * v - 1.0);
    }
    const int pairs[][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {0, 5}, {1, 4}};
    for (std::size_t i = 0; i < std::size(pairs); ++i)
        data.edges.push_back(engine::Edge{static_cast<std::uint32_t>(pairs[i][0]),
                                          static_cast<std::uint32_t>(pairs[i][1]), 1.0 + static_cast<double>(i)});
    return data;
}

// One random valid command on `document`, or nullptr when the drawn kind does not apply right now.
QUndoCommand* randomCommand(GraphDocument& document, std::mt19937_64& rng)
{
    auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto real = [&rng](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    const int n = document.numVertices();
    const int m = document.numEdges();
    switch (uniform(0, 9)) {
    case 0:
    case 1: return new AddVertex(&document, QPointF(real(-200, 200), real(-200, 200)), real(-2, 2));
    case 2:
    case 3: {
        if (n < 2)
            return nullptr;
        const int u = uniform(0, n - 1);
        const int v = uniform(0, n - 1);
        if (!document.edgeProblem(u, v, 1.0).isEmpty())
            return nullptr;
        return new AddEdge(&document, u, v, real(-3, 3));
    }
    case 4: {
        QList<int> vertices;
        QList<int> edges;
        for (int k = uniform(0, 2); k > 0 && n > 0; --k)
            vertices.append(uniform(0, n - 1));
        for (int k = uniform(0, 3); k > 0 && m > 0; --k)
            edges.append(uniform(0, m - 1));
        if (vertices.isEmpty() && edges.isEmpty())
            return nullptr;
        return new RemoveElements(&document, vertices, edges);
    }
    case 5: {
        if (n == 0)
            return nullptr;
        QList<int> vertices{uniform(0, n - 1)};
        QList<QPointF> from{document.position(vertices[0])};
        QList<QPointF> to{from[0] + QPointF(real(-50, 50), real(-50, 50))};
        return new MoveVertices(&document, vertices, from, to);
    }
    case 6: return m == 0 ? nullptr : new SetEdgeWeight(&document, uniform(0, m - 1), real(-5, 5));
    case 7: return n == 0 ? nullptr : new SetVertexLinear(&document, uniform(0, n - 1), real(-5, 5));
    case 8: {
        std::vector<QPointF> positions;
        for (int v = 0; v < n; ++v)
            positions.emplace_back(real(-100, 100), real(-100, 100));
        return new ApplyLayout(&document, positions, QStringLiteral("layout"));
    }
    default: {
        if (uniform(0, 3) == 0) {
            const engine::WeightedGraph g = engine::erdosRenyiGraph(static_cast<std::size_t>(uniform(1, 8)), 0.4,
                                                                    engine::WeightKind::Uniform, rng());
            std::vector<QPointF> positions(g.numVertices(), QPointF(1, 2));
            return new ReplaceGraph(&document, graphDataFrom(g, GraphProblemKind::Mis, positions),
                                    QStringLiteral("replace"));
        }
        return new SetGraphProblem(&document, static_cast<GraphProblemKind>(uniform(0, 2)), real(0.5, 4),
                                   real(-1, 1));
    }
    }
}

} // namespace

class TstGraphCommands : public QObject {
    Q_OBJECT

private slots:
    void addVertexAndEdge();
    void removeVertexRestoresEdgesAndNumbering();
    void removeEdgesOnly();
    void moveMergesAndDropsNoOp();
    void setWeightAndLinearNoOpIsObsolete();
    void applyLayoutAndReplace();
    void problemKind();
    void randomSequencesUndoAndRedoExactly_data();
    void randomSequencesUndoAndRedoExactly();
    void modifiedFollowsCleanState();
};

void TstGraphCommands::addVertexAndEdge()
{
    GraphDocument document;
    document.resetData(sampleData());
    const GraphData before = document.data();
    auto* add = new AddVertex(&document, QPointF(5, 6), 0.25);
    document.undoStack()->push(add);
    QCOMPARE(add->vertex(), 6);
    QCOMPARE(document.numVertices(), 7);
    QCOMPARE(document.position(6), QPointF(5, 6));
    QCOMPARE(document.linear(6), 0.25);
    document.undoStack()->push(new AddEdge(&document, 6, 2, -1.5));
    QCOMPARE(document.numEdges(), 8);
    QCOMPARE(document.edge(7).u, 2u);  // stored with u < v
    QCOMPARE(document.edge(7).v, 6u);
    QCOMPARE(document.edge(7).weight, -1.5);
    const GraphData after = document.data();
    document.undoStack()->undo();
    document.undoStack()->undo();
    QVERIFY(document.data() == before);
    document.undoStack()->redo();
    document.undoStack()->redo();
    QVERIFY(document.data() == after);
}

void TstGraphCommands::removeVertexRestoresEdgesAndNumbering()
{
    GraphDocument document;
    document.resetData(sampleData());
    const GraphData before = document.data();
    QSignalSpy spy(&document, &GraphDocument::changed);
    document.undoStack()->push(new RemoveElements(&document, {1, 4}, {}));
    // Vertices 1 and 4 and their 5 edges gone; 0, 2, 3, 5 renumbered 0..3.
    QCOMPARE(document.numVertices(), 4);
    QCOMPARE(document.numEdges(), 2);
    QCOMPARE(document.edge(0).u, 1u);  // old (2, 3)
    QCOMPARE(document.edge(0).v, 2u);
    QCOMPARE(document.edge(0).weight, 3.0);
    QCOMPARE(document.edge(1).u, 0u);  // old (0, 5)
    QCOMPARE(document.edge(1).v, 3u);
    QCOMPARE(document.position(3), before.positions[5]);
    QCOMPARE(document.linear(1), before.linear[2]);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Remove 2 Vertex(es)"));
    const GraphData after = document.data();
    document.undoStack()->undo();
    QVERIFY(document.data() == before);
    document.undoStack()->redo();
    QVERIFY(document.data() == after);
    QVERIFY(spy.count() > 0);
}

void TstGraphCommands::removeEdgesOnly()
{
    GraphDocument document;
    document.resetData(sampleData());
    const GraphData before = document.data();
    document.undoStack()->push(new RemoveElements(&document, {}, {6, 0, 3}));
    QCOMPARE(document.numEdges(), 4);
    QCOMPARE(document.numVertices(), 6);
    QCOMPARE(document.edge(0).weight, 2.0);
    document.undoStack()->undo();
    QVERIFY(document.data() == before);
}

void TstGraphCommands::moveMergesAndDropsNoOp()
{
    GraphDocument document;
    document.resetData(sampleData());
    const GraphData before = document.data();
    QUndoStack* stack = document.undoStack();
    const QPointF p0 = document.position(0);
    const QPointF p2 = document.position(2);
    stack->push(new MoveVertices(&document, {0, 2}, {p0, p2}, {p0 + QPointF(5, 0), p2 + QPointF(5, 0)}));
    stack->push(new MoveVertices(&document, {0, 2}, {p0 + QPointF(5, 0), p2 + QPointF(5, 0)},
                                 {p0 + QPointF(9, 1), p2 + QPointF(9, 1)}));
    QCOMPARE(stack->count(), 1);  // the second drag of the same vertices merged
    QCOMPARE(document.position(0), p0 + QPointF(9, 1));
    // A different vertex set is its own step.
    stack->push(new MoveVertices(&document, {3}, {document.position(3)}, {QPointF(0, 0)}));
    QCOMPARE(stack->count(), 2);
    stack->undo();
    stack->undo();
    QVERIFY(document.data() == before);
    // A move back to the start merges into nothing: the stack drops it.
    stack->redo();
    stack->push(new MoveVertices(&document, {0, 2}, {p0 + QPointF(9, 1), p2 + QPointF(9, 1)}, {p0, p2}));
    QCOMPARE(stack->count(), 0);
    QVERIFY(document.data() == before);
    // A move that moves nothing never appears.
    stack->push(new MoveVertices(&document, {1}, {document.position(1)}, {document.position(1)}));
    QCOMPARE(stack->count(), 0);
}

void TstGraphCommands::setWeightAndLinearNoOpIsObsolete()
{
    GraphDocument document;
    document.resetData(sampleData());
    QUndoStack* stack = document.undoStack();
    stack->push(new SetEdgeWeight(&document, 3, document.edge(3).weight));
    stack->push(new SetVertexLinear(&document, 2, document.linear(2)));
    QCOMPARE(stack->count(), 0);
    stack->push(new SetEdgeWeight(&document, 3, -7.25));
    stack->push(new SetVertexLinear(&document, 2, 3.5));
    QCOMPARE(document.edge(3).weight, -7.25);
    QCOMPARE(document.linear(2), 3.5);
    stack->undo();
    stack->undo();
    QVERIFY(document.data() == sampleData());
}

void TstGraphCommands::applyLayoutAndReplace()
{
    GraphDocument document;
    document.resetData(sampleData());
    QUndoStack* stack = document.undoStack();
    std::vector<QPointF> positions(6, QPointF(1, 1));
    stack->push(new ApplyLayout(&document, positions, QStringLiteral("Circle")));
    QVERIFY(document.data().positions == positions);
    const engine::WeightedGraph g = engine::completeGraph(4, engine::WeightKind::Unit, 1);
    GraphData replacement = graphDataFrom(g, GraphProblemKind::Mis, std::vector<QPointF>(4));
    stack->push(new ReplaceGraph(&document, replacement, QStringLiteral("Generate")));
    QVERIFY(document.data() == replacement);
    stack->undo();
    QVERIFY(document.data().positions == positions);
    stack->undo();
    QVERIFY(document.data() == sampleData());
    stack->redo();
    stack->redo();
    QVERIFY(document.data() == replacement);
}

void TstGraphCommands::problemKind()
{
    GraphDocument document;
    document.resetData(sampleData());
    QUndoStack* stack = document.undoStack();
    stack->push(new SetGraphProblem(&document, GraphProblemKind::MaxCut, 2.0, 0.0));
    QCOMPARE(stack->count(), 0);  // nothing changes
    stack->push(new SetGraphProblem(&document, GraphProblemKind::Mis, 3.0, 0.0));
    QCOMPARE(document.problem(), GraphProblemKind::Mis);
    QCOMPARE(document.data().misPenalty, 3.0);
    stack->undo();
    QVERIFY(document.data() == sampleData());
}

void TstGraphCommands::randomSequencesUndoAndRedoExactly_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed : {1ull, 2ull, 3ull, 4ull, 5ull})
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void TstGraphCommands::randomSequencesUndoAndRedoExactly()
{
    QFETCH(quint64, seed);
    std::mt19937_64 rng(seed);
    GraphDocument document;
    document.resetData(sampleData());
    QUndoStack* stack = document.undoStack();
    std::map<int, GraphData> atIndex;  // the document after the command that ends at stack index k
    atIndex[0] = document.data();
    for (int step = 0; step < 300; ++step) {
        QUndoCommand* command = randomCommand(document, rng);
        if (command == nullptr)
            continue;
        stack->push(command);
        document.data().validate();
        atIndex[stack->index()] = document.data();
    }
    QVERIFY(stack->count() > 100);
    const GraphData final = document.data();
    while (stack->canUndo()) {
        stack->undo();
        QVERIFY2(document.data() == atIndex[stack->index()], qPrintable(QString::number(stack->index())));
    }
    QVERIFY(document.data() == sampleData());
    while (stack->canRedo()) {
        stack->redo();
        QVERIFY(document.data() == atIndex[stack->index()]);
    }
    QVERIFY(document.data() == final);
}

void TstGraphCommands::modifiedFollowsCleanState()
{
    GraphDocument document;
    document.resetData(sampleData());
    QSignalSpy modified(&document, &GraphDocument::modifiedChanged);
    QVERIFY(!document.isModified());
    document.undoStack()->push(new AddVertex(&document, QPointF()));
    QVERIFY(document.isModified());
    document.setSaved();
    QVERIFY(!document.isModified());
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    document.undoStack()->redo();
    QVERIFY(!document.isModified());
    QVERIFY(modified.count() >= 3);
}

QTEST_MAIN(TstGraphCommands)
#include "graph_commands.test.moc"
