// SPDX-License-Identifier: MIT
// Tests of GraphTableModel: rows follow the document, weight edits go through undo commands.
#include "graph/graph_table_model.h"

#include <QtTest>

#include "graph/graph_commands.h"
#include "graph/graph_document.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>

using namespace workbench;

namespace {

GraphData triangle()
{
    GraphData data;
    data.positions = {QPointF(0, 0), QPointF(10, 0), QPointF(0, 10)};
    data.linear = {0.0, 0.0, 0.0};
    data.edges = {engine::Edge{0, 1, 1.0}, engine::Edge{1, 2, 2.0}, engine::Edge{0, 2, -0.5}};
    return data;
}

} // namespace

class TstGraphTableModel : public QObject {
    Q_OBJECT

private slots:
    void showsEdges();
    void weightEditPushesCommand();
    void rejectsBadWeightsAndReadOnlyColumns();
    void rowsFollowInsertAndRemove();
};

void TstGraphTableModel::showsEdges()
{
    GraphDocument document;
    document.resetData(triangle());
    GraphTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.data(model.index(2, GraphTableModel::ColumnU)).toInt(), 0);
    QCOMPARE(model.data(model.index(2, GraphTableModel::ColumnV)).toInt(), 2);
    QCOMPARE(model.data(model.index(2, GraphTableModel::ColumnWeight), Qt::EditRole).toString(),
             QLocale().toString(-0.5, 'g', 17));
    QVERIFY(model.flags(model.index(0, GraphTableModel::ColumnWeight)) & Qt::ItemIsEditable);
}

void TstGraphTableModel::weightEditPushesCommand()
{
    GraphDocument document;
    document.resetData(triangle());
    GraphTableModel model(&document);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(1, GraphTableModel::ColumnWeight), QStringLiteral("4.75")));
    QCOMPARE(document.edge(1).weight, 4.75);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Set Edge Weight"));
    QCOMPARE(dataChanged.count(), 1);
    QVERIFY(model.setData(model.index(0, GraphTableModel::ColumnWeight), -3.0));
    QCOMPARE(document.edge(0).weight, -3.0);
    // Same value: accepted, but no new undo step.
    QVERIFY(model.setData(model.index(0, GraphTableModel::ColumnWeight), -3.0));
    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    document.undoStack()->undo();
    QVERIFY(document.data() == triangle());
    QCOMPARE(model.data(model.index(1, GraphTableModel::ColumnWeight), Qt::EditRole).toString(),
             QLocale().toString(2.0, 'g', 17));
}

void TstGraphTableModel::rejectsBadWeightsAndReadOnlyColumns()
{
    GraphDocument document;
    document.resetData(triangle());
    GraphTableModel model(&document);
    QVERIFY(!model.setData(model.index(0, GraphTableModel::ColumnWeight), QStringLiteral("heavy")));
    QVERIFY(!model.setData(model.index(0, GraphTableModel::ColumnWeight), QStringLiteral("inf")));
    QVERIFY(!model.setData(model.index(0, GraphTableModel::ColumnU), 2));
    QVERIFY(!(model.flags(model.index(0, GraphTableModel::ColumnU)) & Qt::ItemIsEditable));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.data() == triangle());
}

void TstGraphTableModel::rowsFollowInsertAndRemove()
{
    GraphDocument document;
    document.resetData(triangle());
    GraphTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    document.undoStack()->push(new AddVertex(&document, QPointF(5, 5)));
    document.undoStack()->push(new AddEdge(&document, 3, 1, 9.0));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.data(model.index(3, GraphTableModel::ColumnU)).toInt(), 1);
    QCOMPARE(model.data(model.index(3, GraphTableModel::ColumnV)).toInt(), 3);
    document.undoStack()->push(new RemoveElements(&document, {0}, {}));
    QCOMPARE(removed.count(), 2);  // edges (0,1) and (0,2)
    QCOMPARE(model.rowCount(), 2);
    // Renumbered endpoints: old (1, 2) is now (0, 1).
    QCOMPARE(model.data(model.index(0, GraphTableModel::ColumnU)).toInt(), 0);
    QCOMPARE(model.data(model.index(0, GraphTableModel::ColumnV)).toInt(), 1);
    QCOMPARE(reset.count(), 0);
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 4);
    document.resetData(triangle());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
}

QTEST_MAIN(TstGraphTableModel)
#include "graph_table_model.test.moc"
