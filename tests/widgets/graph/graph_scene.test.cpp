// SPDX-License-Identifier: MIT
// Tests of GraphScene: items follow document changes, and the mouse and keyboard gestures push the right commands.
#include "graph/graph_scene.h"

#include <QtTest>

#include "graph/graph_commands.h"
#include "graph/graph_document.h"
#include "graph/graph_items.h"
#include "graph/graph_view.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace workbench;

namespace {

GraphData path3()
{
    GraphData data;
    data.positions = {QPointF(0, 0), QPointF(100, 0), QPointF(200, 0)};
    data.linear = {0.0, 0.0, 0.0};
    data.edges = {engine::Edge{0, 1, 1.0}, engine::Edge{1, 2, 2.0}};
    return data;
}

// Items agree with the document: one per vertex at its position, edges between their endpoints' items.
void checkItems(const GraphScene& scene, const GraphDocument& document)
{
    QCOMPARE(scene.vertexCount(), document.numVertices());
    QCOMPARE(scene.edgeCount(), document.numEdges());
    for (int v = 0; v < document.numVertices(); ++v) {
        QCOMPARE(scene.vertexItem(v)->index(), v);
        QCOMPARE(scene.vertexItem(v)->pos(), document.position(v));
    }
    for (int e = 0; e < document.numEdges(); ++e) {
        QCOMPARE(scene.edgeItem(e)->index(), e);
        const engine::Edge& edge = document.edge(e);
        const QRectF box = scene.edgeItem(e)->boundingRect();
        QVERIFY(box.contains(document.position(static_cast<int>(edge.u))));
        QVERIFY(box.contains(document.position(static_cast<int>(edge.v))));
    }
}

struct Fixture {
    GraphDocument document;
    GraphScene scene{&document};
    GraphView view{&scene};
    Fixture()
    {
        document.resetData(path3());
        view.resize(600, 400);
        view.show();
        view.setSceneRect(-100, -200, 400, 400);
        view.resetTransform();
        view.centerOn(100, 0);
    }
    QPoint at(QPointF scenePos) const { return view.mapFromScene(scenePos); }
};

} // namespace

class TstGraphScene : public QObject {
    Q_OBJECT

private slots:
    void itemsFollowCommands();
    void clickAddsVertexInAddMode();
    void dragBetweenVerticesAddsEdge();
    void dragMovesSelectionAsOneCommand();
    void deleteKeyRemovesSelection();
    void doubleClickAsksForWeight();
    void selectElements();
};

void TstGraphScene::itemsFollowCommands()
{
    GraphDocument document;
    document.resetData(path3());
    GraphScene scene(&document);
    checkItems(scene, document);
    QUndoStack* stack = document.undoStack();
    stack->push(new AddVertex(&document, QPointF(50, 80)));
    stack->push(new AddEdge(&document, 3, 0, -1.0));
    checkItems(scene, document);
    stack->push(new RemoveElements(&document, {1}, {}));
    checkItems(scene, document);
    stack->push(new MoveVertices(&document, {0}, {document.position(0)}, {QPointF(-40, 30)}));
    checkItems(scene, document);
    stack->push(new ApplyLayout(&document, {QPointF(1, 1), QPointF(2, 2), QPointF(3, 3)}, QStringLiteral("L")));
    checkItems(scene, document);
    while (stack->canUndo()) {
        stack->undo();
        checkItems(scene, document);
    }
    stack->push(new ReplaceGraph(&document, GraphData{}, QStringLiteral("clear")));
    checkItems(scene, document);
    QCOMPARE(scene.items().size(), 0);
}

void TstGraphScene::clickAddsVertexInAddMode()
{
    Fixture f;
    f.scene.setMode(GraphScene::Mode::AddVertex);
    f.view.updateDragMode();
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(50, 120)));
    QCOMPARE(f.document.numVertices(), 4);
    QVERIFY(QLineF(f.document.position(3), QPointF(50, 120)).length() < 1.5);
    // A click on a vertex adds nothing.
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(100, 0)));
    QCOMPARE(f.document.numVertices(), 4);
    checkItems(f.scene, f.document);
}

void TstGraphScene::dragBetweenVerticesAddsEdge()
{
    Fixture f;
    f.scene.setMode(GraphScene::Mode::AddEdge);
    f.view.updateDragMode();
    QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(0, 0)));
    QTest::mouseMove(f.view.viewport(), f.at(QPointF(120, 10)));
    QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(200, 0)));
    QCOMPARE(f.document.numEdges(), 3);
    QCOMPARE(f.document.edge(2).u, 0u);
    QCOMPARE(f.document.edge(2).v, 2u);
    // The same edge again, or a release on empty space, adds nothing.
    QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(200, 0)));
    QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(0, 0)));
    QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(200, 0)));
    QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(150, 150)));
    QCOMPARE(f.document.numEdges(), 3);
    QCOMPARE(f.document.undoStack()->count(), 1);
    checkItems(f.scene, f.document);
}

void TstGraphScene::dragMovesSelectionAsOneCommand()
{
    Fixture f;
    QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(100, 0)));
    QTest::mouseMove(f.view.viewport(), f.at(QPointF(110, 20)));
    QTest::mouseMove(f.view.viewport(), f.at(QPointF(130, 60)));
    QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(130, 60)));
    QCOMPARE(f.document.undoStack()->count(), 1);
    QVERIFY(QLineF(f.document.position(1), QPointF(130, 60)).length() < 1.5);
    // The edges followed the vertex while it moved.
    QVERIFY(f.scene.edgeItem(0)->boundingRect().contains(f.document.position(1)));
    f.document.undoStack()->undo();
    checkItems(f.scene, f.document);
    QCOMPARE(f.document.position(1), QPointF(100, 0));
}

void TstGraphScene::deleteKeyRemovesSelection()
{
    Fixture f;
    f.scene.selectElements({1}, {});
    f.view.setFocus();
    QTest::keyClick(f.view.viewport(), Qt::Key_Delete);
    QCOMPARE(f.document.numVertices(), 2);
    QCOMPARE(f.document.numEdges(), 0);
    checkItems(f.scene, f.document);
    f.document.undoStack()->undo();
    QVERIFY(f.document.data() == path3());
    // The restored vertex is a new, unselected item: nothing left to delete.
    QVERIFY(!f.scene.deleteSelection());
}

void TstGraphScene::doubleClickAsksForWeight()
{
    Fixture f;
    QSignalSpy edgeSpy(&f.scene, &GraphScene::edgeEditRequested);
    QSignalSpy vertexSpy(&f.scene, &GraphScene::vertexEditRequested);
    QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(150, 0)));
    QCOMPARE(edgeSpy.count(), 1);
    QCOMPARE(edgeSpy.first().first().toInt(), 1);
    QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, {}, f.at(QPointF(0, 0)));
    QCOMPARE(vertexSpy.count(), 1);
    QCOMPARE(vertexSpy.first().first().toInt(), 0);
}

void TstGraphScene::selectElements()
{
    GraphDocument document;
    document.resetData(path3());
    GraphScene scene(&document);
    QSignalSpy spy(&scene, &QGraphicsScene::selectionChanged);
    scene.selectElements({0, 2}, {1});
    QCOMPARE(spy.count(), 1);
    QCOMPARE(scene.selectedVertices(), (QList<int>{0, 2}));
    QCOMPARE(scene.selectedEdges(), (QList<int>{1}));
}

QTEST_MAIN(TstGraphScene)
#include "graph_scene.test.moc"
