// SPDX-License-Identifier: MIT
// Tests of FieldDelegate: editor kinds and ranges from the model's roles, and the "class default" entry.
#include "models/field_delegate.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "models/model_table_model.h"
#include "models/task_table_model.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QUndoStack>

#include <memory>

using namespace workbench;

class TstFieldDelegate : public QObject {
    Q_OBJECT

private slots:
    void editorsMatchTheCells();
    void classDefaultEntryClearsTheValue();
};

void TstFieldDelegate::editorsMatchTheCells()
{
    ProjectDocument document;
    TaskTableModel tasks(&document);
    ModelTableModel models(&document);
    FieldDelegate delegate;
    QWidget parent;
    const QStyleOptionViewItem option;

    std::unique_ptr<QWidget> editor(
        delegate.createEditor(&parent, option, tasks.index(0, TaskTableModel::ComplexityColumn)));
    auto* complexity = qobject_cast<QSpinBox*>(editor.get());
    QVERIFY(complexity);
    QCOMPARE(complexity->minimum(), 1);
    QCOMPARE(complexity->maximum(), 5);

    editor.reset(delegate.createEditor(&parent, option, models.index(0, ModelTableModel::QualityColumn)));
    auto* quality = qobject_cast<QDoubleSpinBox*>(editor.get());
    QVERIFY(quality);
    QCOMPARE(quality->minimum(), 0.0);
    QCOMPARE(quality->maximum(), 1.0);
    QVERIFY(quality->specialValueText().isEmpty());

    editor.reset(delegate.createEditor(&parent, option, tasks.index(0, TaskTableModel::IdColumn)));
    QVERIFY(qobject_cast<QLineEdit*>(editor.get()));
}

void TstFieldDelegate::classDefaultEntryClearsTheValue()
{
    ProjectDocument document;
    TaskTableModel tasks(&document);
    FieldDelegate delegate;
    QWidget parent;
    const QModelIndex index = tasks.index(0, TaskTableModel::QMinColumn);

    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), index));
    auto* spin = qobject_cast<QDoubleSpinBox*>(editor.get());
    QVERIFY(spin);
    QVERIFY(!spin->specialValueText().isEmpty());
    QVERIFY(spin->minimum() < 0.0);
    delegate.setEditorData(spin, index);
    QCOMPARE(spin->value(), spin->minimum());  // no explicit value: shows "class default"

    spin->setValue(0.75);
    delegate.setModelData(spin, &tasks, index);
    QCOMPARE(document.instance().tasks[0].qMin.value_or(-1.0), 0.75);

    spin->setValue(spin->minimum());
    delegate.setModelData(spin, &tasks, index);
    QVERIFY(!document.instance().tasks[0].qMin.has_value());
    QCOMPARE(document.undoStack()->count(), 2);
}

QTEST_MAIN(TstFieldDelegate)
#include "field_delegate.test.moc"
