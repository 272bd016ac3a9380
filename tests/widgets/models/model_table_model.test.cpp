// SPDX-License-Identifier: MIT
// Tests of ModelTableModel: edits through undo commands and rejection of invalid values.
#include "models/model_table_model.h"

#include <QtTest>

#include "test_support.h"

#include "commands/add_remove_model.h"
#include "document/project_document.h"
#include "io/instance_file.h"
#include "lcrp/lcrp_generator.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>

using namespace workbench;

namespace {

void fill(ProjectDocument& document)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 3;
    options.numModels = 5;
    options.seed = 5;
    document.reset(ProjectData{engine::generateLcrp(options), WorkbenchSettings{}}, QString());
}

nlohmann::json snapshot(const ProjectDocument& document)
{
    return engine::instanceToJson(engine::Instance{document.instance()});
}

} // namespace

class TstModelTableModel : public QObject {
    Q_OBJECT

private slots:
    void showsTheDocument();
    void editUndoRedo_data();
    void editUndoRedo();
    void rejectsInvalidValues_data();
    void rejectsInvalidValues();
    void followsStructuralCommands();
};

void TstModelTableModel::showsTheDocument()
{
    ProjectDocument document;
    fill(document);
    ModelTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);
    for (int row = 0; row < 5; ++row) {
        const engine::LcrpModel& m = document.instance().models[static_cast<std::size_t>(row)];
        QCOMPARE(model.index(row, ModelTableModel::NameColumn).data().toString(), QString::fromStdString(m.name));
        QCOMPARE(model.index(row, ModelTableModel::CostColumn).data(Qt::EditRole).toDouble(), m.costPer1kUsd);
        QCOMPARE(model.index(row, ModelTableModel::QualityColumn).data(Qt::EditRole).toDouble(), m.quality);
        QCOMPARE(model.index(row, ModelTableModel::LatencyColumn).data(Qt::EditRole).toDouble(), m.latencyMs);
        QCOMPARE(model.index(row, ModelTableModel::ContextColumn).data(Qt::EditRole).toDouble(), m.contextTokens);
    }
}

void TstModelTableModel::editUndoRedo_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("name") << int(ModelTableModel::NameColumn) << QVariant(QStringLiteral("mini"));
    QTest::newRow("cost") << int(ModelTableModel::CostColumn) << QVariant(0.125);
    QTest::newRow("free") << int(ModelTableModel::CostColumn) << QVariant(0.0);
    QTest::newRow("quality") << int(ModelTableModel::QualityColumn) << QVariant(0.97);
    QTest::newRow("latency") << int(ModelTableModel::LatencyColumn) << QVariant(900.0);
    QTest::newRow("context") << int(ModelTableModel::ContextColumn) << QVariant(4096.0);
}

void TstModelTableModel::editUndoRedo()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    ProjectDocument document;
    fill(document);
    ModelTableModel model(&document);
    const QModelIndex index = model.index(1, column);
    const QVariant before = index.data(Qt::EditRole);
    const nlohmann::json original = snapshot(document);
    QVERIFY(model.setData(index, value));
    QCOMPARE(index.data(Qt::EditRole), value);
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QCOMPARE(index.data(Qt::EditRole), before);
    QCOMPARE(snapshot(document), original);
    document.undoStack()->redo();
    QCOMPARE(index.data(Qt::EditRole), value);
}

void TstModelTableModel::rejectsInvalidValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("empty name") << int(ModelTableModel::NameColumn) << QVariant(QString());
    QTest::newRow("duplicate name") << int(ModelTableModel::NameColumn) << QVariant(QStringLiteral("haiku"));
    QTest::newRow("negative cost") << int(ModelTableModel::CostColumn) << QVariant(-0.01);
    QTest::newRow("cost text") << int(ModelTableModel::CostColumn) << QVariant(QStringLiteral("cheap"));
    QTest::newRow("quality above 1") << int(ModelTableModel::QualityColumn) << QVariant(1.01);
    QTest::newRow("negative latency") << int(ModelTableModel::LatencyColumn) << QVariant(-1.0);
    QTest::newRow("zero context") << int(ModelTableModel::ContextColumn) << QVariant(0.0);
    QTest::newRow("infinite context") << int(ModelTableModel::ContextColumn)
                                      << QVariant(std::numeric_limits<double>::infinity());
}

void TstModelTableModel::rejectsInvalidValues()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    ProjectDocument document;
    fill(document);
    ModelTableModel model(&document);
    const nlohmann::json original = snapshot(document);
    QSignalSpy failed(&model, &ModelTableModel::validationFailed);
    QVERIFY(!model.setData(model.index(0, column), value));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(snapshot(document), original);
    QCOMPARE(document.undoStack()->count(), 0);
}

void TstModelTableModel::followsStructuralCommands()
{
    ProjectDocument document;
    fill(document);
    ModelTableModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.undoStack()->push(new RemoveModel(&document, 2));
    QCOMPARE(model.rowCount(), 4);
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(2, ModelTableModel::NameColumn).data().toString(),
             QString::fromStdString(document.instance().models[2].name));
}

QTEST_MAIN(TstModelTableModel)
#include "model_table_model.test.moc"
