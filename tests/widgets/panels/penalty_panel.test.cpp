// SPDX-License-Identifier: MIT
// Tests of PenaltyPanel: spin-box edits become merged undo steps and the panel follows undo and redo.
#include "panels/penalty_panel.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QUndoStack>

using namespace workbench;

class TstPenaltyPanel : public QObject {
    Q_OBJECT

private slots:
    void showsTheDocument();
    void spinStepsMergeIntoOneUndoStep();
    void eachFieldIsItsOwnStep();
    void objectiveChoice();
};

void TstPenaltyPanel::showsTheDocument()
{
    ProjectDocument document;
    PenaltyPanel panel(&document);
    const engine::LcrpInstance& instance = document.instance();
    QCOMPARE(panel.assignmentSpin()->value(), instance.penalties.assignment);
    QCOMPARE(panel.qualitySpin()->value(), instance.penalties.quality);
    QCOMPARE(panel.budgetWeightSpin()->value(), instance.penalties.budget);
    QCOMPARE(panel.latencySpin()->value(), instance.penalties.latency);
    QCOMPARE(panel.contextSpin()->value(), instance.penalties.context);
    QCOMPARE(panel.budgetSpin()->value(), instance.budgetUsd);
    QCOMPARE(panel.slackBitsSpin()->value(), document.settings().budgetSlackBits);
    QCOMPARE(document.undoStack()->count(), 0);  // showing is not editing
}

void TstPenaltyPanel::spinStepsMergeIntoOneUndoStep()
{
    ProjectDocument document;
    PenaltyPanel panel(&document);
    const double start = document.instance().penalties.quality;
    for (int i = 0; i < 5; ++i)
        panel.qualitySpin()->stepUp();
    QCOMPARE(document.instance().penalties.quality, start + 5.0);
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QCOMPARE(document.instance().penalties.quality, start);
    QCOMPARE(panel.qualitySpin()->value(), start);  // the panel follows the document
    document.undoStack()->redo();
    QCOMPARE(panel.qualitySpin()->value(), start + 5.0);

    // Stepping back to the start merges into nothing.
    document.undoStack()->undo();
    panel.qualitySpin()->stepUp();
    panel.qualitySpin()->stepDown();
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
}

void TstPenaltyPanel::eachFieldIsItsOwnStep()
{
    ProjectDocument document;
    PenaltyPanel panel(&document);
    panel.assignmentSpin()->setValue(70.0);
    panel.latencySpin()->setValue(4.0);
    panel.contextSpin()->setValue(9.0);
    panel.budgetWeightSpin()->setValue(6.0);
    panel.budgetSpin()->setValue(12.5);
    panel.slackBitsSpin()->setValue(3);
    QCOMPARE(document.undoStack()->count(), 6);
    const engine::LcrpInstance& instance = document.instance();
    QCOMPARE(instance.penalties.assignment, 70.0);
    QCOMPARE(instance.penalties.latency, 4.0);
    QCOMPARE(instance.penalties.context, 9.0);
    QCOMPARE(instance.penalties.budget, 6.0);
    QCOMPARE(instance.budgetUsd, 12.5);
    QCOMPARE(document.settings().budgetSlackBits, 3);
    document.undoStack()->undo();
    QCOMPARE(document.settings().budgetSlackBits, WorkbenchSettings{}.budgetSlackBits);
    QCOMPARE(panel.slackBitsSpin()->value(), WorkbenchSettings{}.budgetSlackBits);
}

void TstPenaltyPanel::objectiveChoice()
{
    ProjectDocument document;
    PenaltyPanel panel(&document);
    QComboBox* combo = panel.objectiveCombo();
    combo->setCurrentIndex(combo->findData(static_cast<int>(engine::LcrpObjectiveKind::ReferenceV2)));
    QCOMPARE(document.settings().objective, engine::LcrpObjectiveKind::ReferenceV2);
    document.undoStack()->undo();
    QCOMPARE(document.settings().objective, engine::LcrpObjectiveKind::Exact);
    QCOMPARE(combo->currentData().toInt(), static_cast<int>(engine::LcrpObjectiveKind::Exact));
}

QTEST_MAIN(TstPenaltyPanel)
#include "penalty_panel.test.moc"
