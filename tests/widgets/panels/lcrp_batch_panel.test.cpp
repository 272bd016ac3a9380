// SPDX-License-Identifier: MIT
// Tests of LcrpBatchPanel: a run on a worker fills the comparison and group tables from the engine's result, the
// project's instance can be used, and Cancel stops a production-size batch.
#include "panels/lcrp_batch_panel.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "lcrp/lcrp_generator.h"
#include "warmstart/lcrp_batch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>

using namespace workbench;

class TstLcrpBatchPanel : public QObject {
    Q_OBJECT

private slots:
    void runFillsTheTables()
    {
        LcrpBatchPanel panel;
        panel.tasksSpin()->setValue(12);
        panel.modelsSpin()->setValue(3);
        panel.budgetSpin()->setValue(8.0);
        panel.seedSpin()->setValue(3);
        panel.maxQubitsSpin()->setValue(9);
        panel.shotsSpin()->setValue(1000);
        QCOMPARE(panel.sourceCombo()->count(), 1);  // no document: generated batches only
        QSignalSpy finished(&panel, &LcrpBatchPanel::finished);
        panel.runButton()->click();
        QVERIFY(panel.isRunning());
        QVERIFY(!panel.runButton()->isEnabled());
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(finished.wait(20000));
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.runButton()->isEnabled());
        QVERIFY(panel.outcome().has_value() && panel.outcome()->succeeded);
        const engine::LcrpBatchResult& r = panel.outcome()->result;
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());

        // Five methods, batch first and exact last; the figures are the engine's.
        QCOMPARE(panel.methodTable()->rowCount(), 5);
        QCOMPARE(panel.groupTable()->rowCount(), 4);
        QVERIFY(r.exact.has_value());
        const QString gap = panel.methodTable()->item(0, 3)->text();
        QVERIFY2(gap.endsWith(QStringLiteral(" %")), qPrintable(gap));
        QCOMPARE(panel.methodTable()->item(0, 2)->text(), QLocale().toString(r.batch.objective, 'f', 4));
        QCOMPARE(panel.methodTable()->item(4, 2)->text(), QLocale().toString(r.exact->objective, 'f', 4));
        QCOMPARE(panel.methodTable()->item(0, 7)->text(), QStringLiteral("yes"));
        QCOMPARE(panel.groupTable()->item(0, 2)->text(), QStringLiteral("9"));
        QCOMPARE(panel.groupTable()->item(0, 1)->text().count(QLatin1Char(',')), 2);  // three task ids
        QVERIFY(panel.summaryLabel()->text().contains(QStringLiteral("Gap to the exact optimum")));

        // The same options in the engine give the same answer (the panel holds no algorithm).
        engine::LcrpGeneratorOptions g;
        g.numTasks = 12;
        g.numModels = 3;
        g.seed = 3;
        g.budgetUsd = 8.0;
        const engine::LcrpBatchResult direct = engine::runLcrpBatch(engine::generateLcrp(g), panel.options());
        QCOMPARE(direct.batch.assignment, r.batch.assignment);
    }

    void projectInstanceCanBeUsed()
    {
        ProjectDocument document;
        engine::LcrpGeneratorOptions g;
        g.numTasks = 6;
        g.numModels = 3;
        g.seed = 42;
        g.budgetUsd = 4.0;
        document.reset(ProjectData{engine::generateLcrp(g), WorkbenchSettings{}}, QString());
        LcrpBatchPanel panel(&document);
        QCOMPARE(panel.sourceCombo()->count(), 2);
        panel.sourceCombo()->setCurrentIndex(1);
        QVERIFY(!panel.tasksSpin()->isEnabled());
        panel.maxQubitsSpin()->setValue(6);
        panel.shotsSpin()->setValue(500);
        panel.exactCheck()->setChecked(false);
        QSignalSpy finished(&panel, &LcrpBatchPanel::finished);
        panel.run();
        QVERIFY(finished.wait(20000));
        QVERIFY(panel.outcome()->succeeded);
        QCOMPARE(panel.outcome()->instance.numTasks(), std::size_t{6});
        QCOMPARE(panel.groupTable()->rowCount(), 3);
        QCOMPARE(panel.methodTable()->rowCount(), 4);  // no exact row
        QCOMPARE(panel.methodTable()->item(3, 3)->text(), QStringLiteral("–"));
    }

    void cancelStopsAProductionBatch()
    {
        LcrpBatchPanel panel;  // 80 x 5 by default: many seconds of QAOA
        QCOMPARE(panel.tasksSpin()->value(), 80);
        QSignalSpy finished(&panel, &LcrpBatchPanel::finished);
        panel.run();
        QVERIFY(panel.isRunning());
        panel.cancel();
        QVERIFY(finished.wait(20000));
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.outcome().has_value());
        QVERIFY(!panel.outcome()->succeeded || panel.outcome()->result.cancelled);
        QVERIFY(panel.runButton()->isEnabled());
    }

    void destructionWhileRunningWaits()
    {
        auto* panel = new LcrpBatchPanel;
        panel->run();
        const QFuture<LcrpBatchOutcome> future = panel->future();
        QVERIFY(future.isRunning() || future.isFinished());
        delete panel;  // cancels and waits: no worker outlives the panel
        QVERIFY(future.isFinished());
        QVERIFY(future.isCanceled());
    }
};

QTEST_MAIN(TstLcrpBatchPanel)
#include "lcrp_batch_panel.test.moc"
