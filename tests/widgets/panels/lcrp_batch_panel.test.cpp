// SPDX-License-Identifier: MIT
// Tests of LcrpBatchPanel: a run on a worker fills the comparison and group tables from the engine's result, the
// project's instance can be used, group jobs go out and come back through a job store (also after a restart), and
// Cancel stops a production-size batch.
#include "panels/lcrp_batch_panel.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "jobservice/job_service.h"
#include "lcrp/lcrp_generator.h"
#include "warmstart/lcrp_batch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

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

    void groupJobsRoundTripThroughTheStore()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("jobs.sqlite"));
        engine::JobService service(engine::JobStore(storePath.toStdString()));
        int submitted = 0;
        const auto submit = [&](const engine::JobSubmission& s) {
            const engine::JobRecord record = service.submit(service.prepare(s));
            service.wait(record.localId, {});
            ++submitted;
        };
        const auto configure = [](LcrpBatchPanel& panel) {
            panel.tasksSpin()->setValue(12);
            panel.modelsSpin()->setValue(3);
            panel.budgetSpin()->setValue(8.0);
            panel.seedSpin()->setValue(3);
            panel.maxQubitsSpin()->setValue(9);
            panel.shotsSpin()->setValue(500);
        };
        LcrpBatchPanel panel;
        configure(panel);
        QVERIFY(!panel.submitButton()->isEnabled());  // no job handling yet
        panel.setJobHandling(submit, storePath);
        QVERIFY(panel.submitButton()->isEnabled());
        QCOMPARE(panel.jobBackendEdit()->text(), QStringLiteral("local:fez"));
        panel.submitButton()->click();
        QCOMPARE(submitted, 4);  // one job per group
        QSignalSpy finished(&panel, &LcrpBatchPanel::finished);
        panel.finishButton()->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(panel.outcome()->succeeded, panel.outcome()->errorMessage.c_str());
        const engine::LcrpBatchResult& r = panel.outcome()->result;
        QCOMPARE(r.sampler, std::string("samples"));
        QCOMPARE(r.groups.size(), std::size_t{4});
        QVERIFY(r.batch.withinBudget);
        QCOMPARE(panel.groupTable()->rowCount(), 4);

        // After a restart the same settings find the same jobs again.
        LcrpBatchPanel restarted;
        configure(restarted);
        restarted.setJobHandling(submit, storePath);
        QSignalSpy again(&restarted, &LcrpBatchPanel::finished);
        restarted.finishFromJobs();
        QVERIFY(again.wait(20000));
        QVERIFY(restarted.outcome()->succeeded);
        QCOMPARE(restarted.outcome()->result.batch.assignment, r.batch.assignment);
        QCOMPARE(submitted, 4);

        // Other settings plan other groups: no job of theirs is in the store, and the message says so.
        restarted.seedSpin()->setValue(4);
        QSignalSpy third(&restarted, &LcrpBatchPanel::finished);
        restarted.finishFromJobs();
        QVERIFY(third.wait(20000));
        QVERIFY(!restarted.outcome()->succeeded);
        QVERIFY2(restarted.summaryLabel()->text().contains(QStringLiteral("no job of group 1")),
                 qPrintable(restarted.summaryLabel()->text()));
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
