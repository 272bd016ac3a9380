// SPDX-License-Identifier: MIT
// Tests of SolvePanel: a run fills the assignment matrix and the figures from the engine's evaluation.
#include "panels/solve_panel.h"

#include <QtTest>

#include "test_support.h"

#include "commands/add_remove_task.h"
#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "document/project_document.h"
#include "jobs/solve_job.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_evaluator.h"
#include "lcrp/lcrp_generator.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
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

int markedColumn(const QTableWidget* table, int row)
{
    int found = -1;
    for (int column = 0; column < table->columnCount(); ++column) {
        const QTableWidgetItem* item = table->item(row, column);
        if (item != nullptr && !item->text().isEmpty()) {
            if (found >= 0)
                return -2;  // more than one mark
            found = column;
        }
    }
    return found;
}

} // namespace

class TstSolvePanel : public QObject {
    Q_OBJECT

private slots:
    void runShowsTheEvaluatedAssignment();
    void settingsAreUndoable();
    void editsReevaluateAndShapeChangesClear();
    void largeInstancesSkipTheQuboEnergy();
};

void TstSolvePanel::runShowsTheEvaluatedAssignment()
{
    ProjectDocument document;
    fill(document);
    SolvePanel panel(&document);
    panel.solverCombo()->setCurrentIndex(panel.solverCombo()->findData(int(SolverChoice::GreedyPaper)));
    QCOMPARE(document.settings().solver, SolverChoice::GreedyPaper);

    QSignalSpy finished(panel.job(), &SolveJob::finished);
    QSignalSpy status(&panel, &SolvePanel::statusMessage);
    panel.runButton()->click();
    QVERIFY(!panel.runButton()->isEnabled() || finished.count() == 1);
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(status.count(), 1);
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QVERIFY(panel.result().has_value());

    const engine::LcrpInstance& instance = document.instance();
    const std::vector<int>& assignment = panel.result()->assignment;
    QCOMPARE(assignment.size(), instance.numTasks());
    const QTableWidget* table = panel.assignmentTable();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->columnCount(), 3);
    for (int row = 0; row < 4; ++row) {
        const int chosen = assignment[static_cast<std::size_t>(row)];
        QCOMPARE(markedColumn(table, row), chosen);
        // Green when the pair is allowed, red when it violates a per-pair constraint.
        const QColor colour = table->item(row, chosen)->background().color();
        const bool allowed = instance.allowed(static_cast<std::size_t>(row), static_cast<std::size_t>(chosen));
        QVERIFY2(allowed ? colour.green() > colour.red() : colour.red() > colour.green(), qPrintable(colour.name()));
    }

    // The figures are the engine's evaluation of the assignment.
    const engine::LcrpEncoding encoding = engine::encodeLcrp(instance);
    const engine::LcrpEvaluation evaluation = engine::evaluateAssignment(instance, encoding, assignment);
    QVERIFY(panel.figureText(QStringLiteral("cost")).contains(QLocale().toString(evaluation.costUsd, 'f', 4)));
    QVERIFY(panel.figureText(QStringLiteral("objective")).contains(QLocale().toString(evaluation.objective, 'g', 8)));
    QVERIFY(panel.figureText(QStringLiteral("energy")).contains(QLocale().toString(evaluation.quboEnergy, 'g', 8)));
    QVERIFY(panel.figureText(QStringLiteral("validity")).contains(QStringLiteral("1.98")));  // (3/8)^4 = 1.98 %
    QVERIFY(!panel.figureText(QStringLiteral("status")).isEmpty());
}

void TstSolvePanel::settingsAreUndoable()
{
    ProjectDocument document;
    fill(document);
    SolvePanel panel(&document);
    QComboBox* solver = panel.solverCombo();
    solver->setCurrentIndex(solver->findData(int(SolverChoice::Exact)));
    QCOMPARE(document.settings().solver, SolverChoice::Exact);
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QCOMPARE(solver->currentData().toInt(), int(WorkbenchSettings{}.solver));
}

void TstSolvePanel::editsReevaluateAndShapeChangesClear()
{
    ProjectDocument document;
    fill(document);
    SolvePanel panel(&document);
    QSignalSpy finished(panel.job(), &SolveJob::finished);
    panel.run();
    QVERIFY(finished.wait(10000));
    QVERIFY(panel.result().has_value());
    const QString costBefore = panel.figureText(QStringLiteral("cost"));

    // Doubling every task's tokens doubles the cost of the same assignment.
    for (int row = 0; row < 4; ++row)
        pushChangeValue(&document, TaskField<&engine::LcrpTask::tokens>{row},
                        document.instance().tasks[static_cast<std::size_t>(row)].tokens * 2.0, QStringLiteral("t"));
    QVERIFY(panel.result().has_value());
    const engine::LcrpEncoding encoding = engine::encodeLcrp(document.instance());
    const engine::LcrpEvaluation evaluation =
        engine::evaluateAssignment(document.instance(), encoding, panel.result()->assignment);
    QVERIFY(panel.figureText(QStringLiteral("cost")).contains(QLocale().toString(evaluation.costUsd, 'f', 4)));
    QVERIFY(panel.figureText(QStringLiteral("cost")) != costBefore || evaluation.costUsd == 0.0);

    engine::LcrpTask task;
    task.id = "extra";
    task.tokens = 100;
    document.undoStack()->push(new AddTask(&document, 4, task));
    QVERIFY(!panel.result().has_value());
    QCOMPARE(panel.assignmentTable()->rowCount(), 5);
    QCOMPARE(markedColumn(panel.assignmentTable(), 0), -1);
}

void TstSolvePanel::largeInstancesSkipTheQuboEnergy()
{
    // 400 x 5 = 2000 assignment variables: more than the GUI encodes (the budget couples all pairs).
    engine::LcrpGeneratorOptions options;
    options.numTasks = 400;
    options.numModels = 5;
    options.seed = 8;
    options.budgetUsd = 100.0;
    ProjectDocument document;
    WorkbenchSettings settings;
    settings.solver = SolverChoice::GreedyPaper;
    document.reset(ProjectData{engine::generateLcrp(options), settings}, QString());
    QVERIFY(document.instance().numAssignmentVariables() > MAX_ENCODED_VARIABLES);

    SolvePanel panel(&document);
    QSignalSpy finished(panel.job(), &SolveJob::finished);
    panel.run();
    QVERIFY(finished.wait(10000));
    QVERIFY(panel.result().has_value());
    QVERIFY(panel.figureText(QStringLiteral("energy")).contains(QString::number(MAX_ENCODED_VARIABLES)));

    // Cost and validity are still the engine's, from an encoding without the budget slack.
    engine::LcrpEncoderOptions small;
    small.budgetSlackBits = 0;
    const engine::LcrpEvaluation evaluation = engine::evaluateAssignment(
        document.instance(), engine::encodeLcrp(document.instance(), small), panel.result()->assignment);
    QVERIFY(panel.figureText(QStringLiteral("cost")).contains(QLocale().toString(evaluation.costUsd, 'f', 4)));
    QCOMPARE(panel.assignmentTable()->rowCount(), 400);
}

QTEST_MAIN(TstSolvePanel)
#include "solve_panel.test.moc"
