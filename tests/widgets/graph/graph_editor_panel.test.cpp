// SPDX-License-Identifier: MIT
// Tests of GraphEditorPanel: open and save, generation, layouts (device, circular, background spring) and the
// selection link between the view and the edge table.
#include "graph/graph_editor_panel.h"

#include <QtTest>

#include "graph/graph_commands.h"
#include "graph/graph_document.h"
#include "graph/graph_generator_dialog.h"
#include "graph/graph_scene.h"
#include "graph/graph_table_model.h"
#include "graph/graph_view.h"
#include "graph/qubo_matrix_view.h"
#include "graph/graph_problems.h"
#include "transpile/device_catalog.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cmath>

using namespace workbench;

class TstGraphEditorPanel : public QObject {
    Q_OBJECT

private slots:
    void generateOpenSaveRoundTrip();
    void openFailureLeavesGraph();
    void deviceLayoutUsesDeviceCoordinates();
    void deviceLayoutRejectsLargeGraph();
    void circularLayout();
    void springLayoutRunsInBackground();
    void springLayoutDiscardedAfterEdit();
    void selectionLinkedBothWays();
    void problemComboPushesCommand();
    void rendersGraph();
};

void TstGraphEditorPanel::generateOpenSaveRoundTrip()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.family = GraphFamily::RandomRegular;
    settings.vertices = 10;
    settings.degree = 3;
    settings.seed = 4;
    settings.weights = engine::WeightKind::Uniform;
    QString error;
    QVERIFY2(panel.generate(settings, &error), qPrintable(error));
    QCOMPARE(panel.document()->numVertices(), 10);
    QCOMPARE(panel.document()->numEdges(), 15);
    QCOMPARE(panel.undoStack()->count(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.json"));
    QVERIFY2(panel.saveTo(path, &error), qPrintable(error));
    QVERIFY(!panel.document()->isModified());
    QCOMPARE(panel.document()->filePath(), path);

    GraphEditorPanel other;
    QVERIFY2(other.openFile(path, &error), qPrintable(error));
    QCOMPARE(other.document()->numEdges(), 15);
    QVERIFY(other.document()->data().qubo() == panel.document()->data().qubo());
    QVERIFY(!other.document()->isModified());
    // The import is one undoable step.
    QVERIFY(other.undoStack()->canUndo());
    other.undoStack()->undo();
    QCOMPARE(other.document()->numVertices(), 0);

    settings.vertices = 7;  // 7 * 3 odd: rejected with the engine's reason
    QVERIFY(!panel.generate(settings, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(panel.document()->numVertices(), 10);
}

void TstGraphEditorPanel::openFailureLeavesGraph()
{
    GraphEditorPanel panel;
    panel.undoStack()->push(new AddVertex(panel.document(), QPointF()));
    QString error;
    QVERIFY(!panel.openFile(QStringLiteral("/nonexistent/graph.gset"), &error));
    QVERIFY(error.contains(QStringLiteral("graph.gset")));
    QCOMPARE(panel.document()->numVertices(), 1);
}

void TstGraphEditorPanel::deviceLayoutUsesDeviceCoordinates()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.family = GraphFamily::Line;
    settings.vertices = 20;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    QVERIFY2(panel.applyDeviceLayout(QStringLiteral("heavy-hex:heron-r2"), &error), qPrintable(error));
    const engine::DeviceModel device = engine::deviceFromSpec("heavy-hex:heron-r2");
    for (int v = 0; v < 20; ++v) {
        QCOMPARE(panel.document()->position(v).x(), device.positions[static_cast<std::size_t>(v)].x * LAYOUT_SCALE);
        QCOMPARE(panel.document()->position(v).y(), device.positions[static_cast<std::size_t>(v)].y * LAYOUT_SCALE);
    }
    // "grid" picks the smallest square grid: 5 x 5 for 20 vertices, vertex 7 on row 1, column 2.
    QVERIFY2(panel.applyDeviceLayout(QStringLiteral("grid"), &error), qPrintable(error));
    const engine::DeviceModel grid = engine::deviceFromSpec("grid:5x5");
    QCOMPARE(panel.document()->position(7), QPointF(grid.positions[7].x * LAYOUT_SCALE, grid.positions[7].y * LAYOUT_SCALE));
    panel.undoStack()->undo();
    panel.undoStack()->undo();
    QCOMPARE(panel.undoStack()->index(), 1);
}

void TstGraphEditorPanel::deviceLayoutRejectsLargeGraph()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.family = GraphFamily::Line;
    settings.vertices = 130;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    const GraphData before = panel.document()->data();
    QVERIFY(!panel.applyDeviceLayout(QStringLiteral("heavy-hex:eagle"), &error));
    QVERIFY2(error.contains(QStringLiteral("130")) && error.contains(QStringLiteral("127")), qPrintable(error));
    QVERIFY(panel.document()->data() == before);
    QVERIFY(!panel.applyDeviceLayout(QStringLiteral("no-such-device"), &error));
    QVERIFY(!error.isEmpty());
}

void TstGraphEditorPanel::circularLayout()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.family = GraphFamily::Complete;
    settings.vertices = 8;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    panel.applyCircularLayout();
    // Neighbours on the circle one layout unit apart: radius LAYOUT_SCALE / (2 sin(pi / 8)), vertex 0 at the top.
    const double radius = LAYOUT_SCALE / (2.0 * std::sin(M_PI / 8.0));
    for (int v = 0; v < 8; ++v)
        QVERIFY(std::abs(QLineF(QPointF(), panel.document()->position(v)).length() - radius) < 1e-9);
    QVERIFY(std::abs(panel.document()->position(0).y() + radius) < 1e-9);
}

void TstGraphEditorPanel::springLayoutRunsInBackground()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.vertices = 300;  // above IMMEDIATE_SPRING_LIMIT: generated on a circle
    QString error;
    QVERIFY(panel.generate(settings, &error));
    QSignalSpy finished(&panel, &GraphEditorPanel::layoutFinished);
    panel.startSpringLayout(3);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(panel.undoStack()->count(), 2);
    QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Spring Layout"));
    const std::vector<QPointF> first = panel.document()->data().positions;
    // Seeded: the same seed gives the same layout.
    panel.undoStack()->undo();
    panel.startSpringLayout(3);
    QVERIFY(finished.wait(10000));
    QVERIFY(panel.document()->data().positions == first);
}

void TstGraphEditorPanel::springLayoutDiscardedAfterEdit()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.vertices = 600;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    QSignalSpy finished(&panel, &GraphEditorPanel::layoutFinished);
    panel.startSpringLayout(1);
    panel.undoStack()->push(new AddVertex(panel.document(), QPointF(1, 1)));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Add Vertex"));
}

void TstGraphEditorPanel::selectionLinkedBothWays()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.family = GraphFamily::Line;
    settings.vertices = 6;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    panel.scene()->selectElements({}, {1, 2, 4});
    QList<int> rows;
    for (const QModelIndex& index : panel.edgeTable()->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, (QList<int>{1, 2, 4}));

    panel.edgeTable()->selectionModel()->select(
        panel.edgeModel()->index(3, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(panel.scene()->selectedEdges(), (QList<int>{3}));
    QVERIFY(panel.scene()->selectedVertices().isEmpty());

    // An edit in the table is an undo step and reaches the QUBO view.
    QVERIFY(panel.edgeModel()->setData(panel.edgeModel()->index(3, GraphTableModel::ColumnWeight), 2.5));
    QCOMPARE(panel.undoStack()->undoText(), QStringLiteral("Set Edge Weight"));
    panel.quboView()->rebuild();
    QCOMPARE(panel.quboView()->cell(3, 4), 5.0);  // Max-Cut: b = 2 w
}

void TstGraphEditorPanel::problemComboPushesCommand()
{
    GraphEditorPanel panel;
    GraphGeneratorSettings settings;
    settings.family = GraphFamily::Line;
    settings.vertices = 4;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    auto* combo = panel.findChild<QComboBox*>();
    QVERIFY(combo != nullptr);
    combo->setCurrentIndex(combo->findData(static_cast<int>(GraphProblemKind::Mis)));
    QCOMPARE(panel.document()->problem(), GraphProblemKind::Mis);
    panel.quboView()->rebuild();
    QVERIFY(panel.quboView()->qubo() == engine::encodeMis(panel.document()->data().graph(), 2.0));
    panel.undoStack()->undo();
    QCOMPARE(panel.document()->problem(), GraphProblemKind::MaxCut);
    QCOMPARE(combo->currentData().toInt(), static_cast<int>(GraphProblemKind::MaxCut));
}

void TstGraphEditorPanel::rendersGraph()
{
    GraphEditorPanel panel;
    panel.resize(1100, 650);
    panel.show();
    GraphGeneratorSettings settings;
    settings.vertices = 16;
    settings.weights = engine::WeightKind::PlusMinusOne;
    QString error;
    QVERIFY(panel.generate(settings, &error));
    panel.scene()->selectElements({2}, {3});
    QCoreApplication::processEvents();
    const QImage image = panel.grab().toImage();
    // Set GRAPH_EDITOR_SCREENSHOT=path to look at it.
    if (qEnvironmentVariableIsSet("GRAPH_EDITOR_SCREENSHOT"))
        image.save(qEnvironmentVariable("GRAPH_EDITOR_SCREENSHOT"));
    // The fitted view is covered by the drawing: many dark (edge, outline, label) pixels, and the selected vertex
    // and edge in the highlight colour.
    const QImage viewImage = panel.view()->viewport()->grab().toImage();
    int dark = 0;
    int highlight = 0;
    for (int y = 0; y < viewImage.height(); ++y)
        for (int x = 0; x < viewImage.width(); ++x) {
            const QColor c(viewImage.pixel(x, y));
            dark += c.lightness() < 120 ? 1 : 0;
            highlight += c == QColor(0xd9, 0x5f, 0x02) ? 1 : 0;
        }
    QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
    QVERIFY2(highlight > 20, qPrintable(QString::number(highlight)));
    QVERIFY(panel.view()->zoom() > 0.3);
}

QTEST_MAIN(TstGraphEditorPanel)
#include "graph_editor_panel.test.moc"
