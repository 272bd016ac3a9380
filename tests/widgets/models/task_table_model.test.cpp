// SPDX-License-Identifier: MIT
// Tests of TaskTableModel: display, edits through undo commands, and rejection of invalid values.
#include "models/task_table_model.h"

#include <QtTest>

#include "test_support.h"

#include "commands/add_remove_task.h"
#include "document/project_document.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"
#include "models/editor_roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>

using namespace workbench;

namespace {

void fill(ProjectDocument& document)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 4;
    options.numModels = 3;
    options.seed = 42;
    document.reset(ProjectData{engine::generateLcrp(options), WorkbenchSettings{}}, QString());
}

nlohmann::json snapshot(const ProjectDocument& document)
{
    return engine::instanceToJson(engine::Instance{document.instance()});
}

} // namespace

class TstTaskTableModel : public QObject {
    Q_OBJECT

private slots:
    void showsTheDocument();
    void editUndoRedo_data();
    void editUndoRedo();
    void optionalFieldsResetToDefault();
    void rejectsInvalidValues_data();
    void rejectsInvalidValues();
    void followsStructuralCommands();
};

void TstTaskTableModel::showsTheDocument()
{
    ProjectDocument document;
    fill(document);
    TaskTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(TaskTableModel::ColumnCount));
    const engine::LcrpInstance& instance = document.instance();
    for (int row = 0; row < 4; ++row) {
        const auto i = static_cast<std::size_t>(row);
        const auto cell = [&](int column, int role) { return model.index(row, column).data(role); };
        QCOMPARE(cell(TaskTableModel::IdColumn, Qt::DisplayRole).toString(),
                 QString::fromStdString(instance.tasks[i].id));
        QCOMPARE(cell(TaskTableModel::ComplexityColumn, Qt::EditRole).toInt(), instance.tasks[i].complexity);
        QCOMPARE(cell(TaskTableModel::TokensColumn, Qt::EditRole).toDouble(), instance.tasks[i].tokens);
        // The generator sets no explicit q_min: the edit value is empty, the display shows the class default.
        QVERIFY(!model.index(row, TaskTableModel::QMinColumn).data(Qt::EditRole).isValid());
        QCOMPARE(QLocale().toDouble(model.index(row, TaskTableModel::QMinColumn).data().toString()), instance.qMin(i));
        int allowed = 0;
        for (std::size_t j = 0; j < instance.numModels(); ++j)
            allowed += instance.allowed(i, j) ? 1 : 0;
        QVERIFY(model.index(row, TaskTableModel::AllowedColumn).data().toString().startsWith(QString::number(allowed)));
    }
    QVERIFY(!(model.flags(model.index(0, TaskTableModel::AllowedColumn)) & Qt::ItemIsEditable));
    QCOMPARE(model.index(0, TaskTableModel::ComplexityColumn).data(EditorMaximumRole).toInt(), 5);
}

void TstTaskTableModel::editUndoRedo_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("id") << int(TaskTableModel::IdColumn) << QVariant(QStringLiteral("renamed"));
    QTest::newRow("complexity") << int(TaskTableModel::ComplexityColumn) << QVariant(5);
    QTest::newRow("tokens") << int(TaskTableModel::TokensColumn) << QVariant(4321.0);
    QTest::newRow("tokens as text") << int(TaskTableModel::TokensColumn) << QVariant(QStringLiteral("777"));
    QTest::newRow("q_min") << int(TaskTableModel::QMinColumn) << QVariant(0.25);
    QTest::newRow("sla") << int(TaskTableModel::LatencySlaColumn) << QVariant(2500.0);
}

void TstTaskTableModel::editUndoRedo()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    ProjectDocument document;
    fill(document);
    TaskTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex index = model.index(2, column);
    const QVariant before = index.data(Qt::EditRole);
    const nlohmann::json original = snapshot(document);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(index, value));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(dataChanged.count() >= 1);
    const QVariant after = index.data(Qt::EditRole);
    if (value.typeId() == QMetaType::QString && column != TaskTableModel::IdColumn)
        QCOMPARE(after.toDouble(), value.toString().toDouble());
    else
        QCOMPARE(after, value);

    document.undoStack()->undo();
    QCOMPARE(index.data(Qt::EditRole), before);
    QCOMPARE(snapshot(document), original);
    document.undoStack()->redo();
    QCOMPARE(index.data(Qt::EditRole), after);
}

void TstTaskTableModel::optionalFieldsResetToDefault()
{
    ProjectDocument document;
    fill(document);
    TaskTableModel model(&document);
    const QModelIndex qMin = model.index(1, TaskTableModel::QMinColumn);
    QVERIFY(model.setData(qMin, 0.99));
    QCOMPARE(document.instance().qMin(1), 0.99);
    QVERIFY(model.setData(qMin, QVariant()));  // "class default"
    QVERIFY(!document.instance().tasks[1].qMin);
    QCOMPARE(document.undoStack()->count(), 2);
    // Setting the same value again is no step at all.
    QVERIFY(model.setData(qMin, QVariant()));
    QCOMPARE(document.undoStack()->count(), 2);
}

void TstTaskTableModel::rejectsInvalidValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("empty id") << int(TaskTableModel::IdColumn) << QVariant(QStringLiteral("  "));
    QTest::newRow("duplicate id") << int(TaskTableModel::IdColumn) << QVariant(QStringLiteral("T-000"));
    QTest::newRow("complexity 0") << int(TaskTableModel::ComplexityColumn) << QVariant(0);
    QTest::newRow("complexity 6") << int(TaskTableModel::ComplexityColumn) << QVariant(6);
    QTest::newRow("complexity 2.5") << int(TaskTableModel::ComplexityColumn) << QVariant(2.5);
    QTest::newRow("complexity text") << int(TaskTableModel::ComplexityColumn) << QVariant(QStringLiteral("hard"));
    QTest::newRow("tokens 0") << int(TaskTableModel::TokensColumn) << QVariant(0.0);
    QTest::newRow("tokens negative") << int(TaskTableModel::TokensColumn) << QVariant(-10.0);
    QTest::newRow("tokens huge") << int(TaskTableModel::TokensColumn) << QVariant(1e12);
    QTest::newRow("tokens nan") << int(TaskTableModel::TokensColumn) << QVariant(std::nan(""));
    QTest::newRow("q_min above 1") << int(TaskTableModel::QMinColumn) << QVariant(1.5);
    QTest::newRow("q_min negative") << int(TaskTableModel::QMinColumn) << QVariant(-0.1);
    QTest::newRow("sla zero") << int(TaskTableModel::LatencySlaColumn) << QVariant(0.0);
    QTest::newRow("read-only column") << int(TaskTableModel::AllowedColumn) << QVariant(3);
}

void TstTaskTableModel::rejectsInvalidValues()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    ProjectDocument document;
    fill(document);
    TaskTableModel model(&document);
    const nlohmann::json original = snapshot(document);
    QSignalSpy failed(&model, &TaskTableModel::validationFailed);
    QSignalSpy changed(&document, &ProjectDocument::changed);

    QVERIFY(!model.setData(model.index(1, column), value));
    QCOMPARE(snapshot(document), original);
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(changed.count(), 0);
    if (column != TaskTableModel::AllowedColumn) {
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.first().at(0).toString().isEmpty());
    }
}

void TstTaskTableModel::followsStructuralCommands()
{
    ProjectDocument document;
    fill(document);
    TaskTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    engine::LcrpTask task;
    task.id = "X";
    task.tokens = 50;
    document.undoStack()->push(new AddTask(&document, 0, task));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, TaskTableModel::IdColumn).data().toString(), QStringLiteral("X"));
    document.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    document.reset(ProjectDocument::newProjectData(), QString());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TstTaskTableModel)
#include "task_table_model.test.moc"
