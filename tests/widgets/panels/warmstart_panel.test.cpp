// SPDX-License-Identifier: MIT
// Tests of WarmstartPanel: a small pipeline and a small sweep fill the figures and plots; sources, enabling, cancel.
#include "panels/warmstart_panel.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "lcrp/lcrp_generator.h"
#include "plots/runtime_comparison_plot.h"
#include "plots/warmstart_plots.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>

#include <cmath>

using namespace workbench;

namespace {

void fill(ProjectDocument& document)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 2;
    options.numModels = 3;
    options.seed = 42;
    document.reset(ProjectData{engine::generateLcrp(options), WorkbenchSettings{}}, QString());
}

/// The small pipeline of the brief: an 8-vertex 3-regular graph on local:ideal, 100 shots, 10 runs.
void smallGraphRun(WarmstartPanel& panel)
{
    panel.sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::Generated));
    panel.familyBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::GraphFamily::Regular3));
    panel.verticesBox()->setValue(8);
    panel.graphSeedBox()->setValue(3);
    panel.depthBox()->setValue(1);
    panel.backendBox()->setCurrentIndex(panel.backendBox()->findText(QStringLiteral("local:ideal")));
    panel.shotsBox()->setValue(100);
    panel.runsBox()->setValue(10);
    panel.iterationCapBox()->setValue(200);
    panel.seedBox()->setValue(7);
}

bool itemEnabled(QComboBox* box, int index)
{
    auto* model = qobject_cast<QStandardItemModel*>(box->model());
    return model != nullptr && model->item(index)->isEnabled();
}

} // namespace

class TstWarmstartPanel : public QObject {
    Q_OBJECT

private slots:
    void pipelineFillsFiguresAndPlots();
    void sourcesAndTheVnsOption();
    void runtimeComparisonIsShown();
    void instanceFilesShowKindAndSize();
    void cancelStopsTheRun();
    void sweepFillsPlotsAndTable();
    void badSweepListsCannotRun();
};

void TstWarmstartPanel::pipelineFillsFiguresAndPlots()
{
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    smallGraphRun(panel);
    QCOMPARE(panel.figureText(QStringLiteral("instance")), QStringLiteral("Max-Cut graph: 8 vertices, 12 edges"));
    const WarmstartPipelineRequest request = panel.pipelineRequest();
    QCOMPARE(request.options.shots, std::uint64_t{100});
    QCOMPARE(request.options.runs, std::size_t{10});
    QCOMPARE(request.options.backend, std::string("local:ideal"));
    QCOMPARE(request.options.timeLimitSeconds, 0.0);

    QSignalSpy finished(panel.job(), &WarmstartJob::finished);
    QSignalSpy started(&panel, &WarmstartPanel::runStarted);
    QSignalSpy message(&panel, &WarmstartPanel::statusMessage);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QCOMPARE(panel.progressBar()->maximum(), 20);
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(!panel.sweepRunButton()->isEnabled());
    QVERIFY(panel.cancelButton()->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel.job()->status(), WarmstartJobStatus::Finished);
    QCOMPARE(message.count(), 1);
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QCOMPARE(panel.progressBar()->value(), 20);

    const WarmstartPipelineOutcome& outcome = panel.job()->pipelineOutcome();
    const engine::WarmstartPipelineResult& r = outcome.result;
    QVERIFY(r.experiment.qfactor.has_value());
    const engine::QFactorResult& q = *r.experiment.qfactor;
    const QLocale locale;
    QVERIFY2(panel.figureText(QStringLiteral("qfactor")).contains(locale.toString(q.q, 'g', 4)),
             qPrintable(panel.figureText(QStringLiteral("qfactor"))));
    QVERIFY(panel.figureText(QStringLiteral("rmin")).contains(locale.toString(q.random.value, 'g', 6)));
    QVERIFY(panel.figureText(QStringLiteral("optimum")).contains(locale.toString(r.optimum, 'g', 10)));
    QVERIFY(panel.figureText(QStringLiteral("optimum")).contains(QStringLiteral("brute force")));
    QVERIFY(panel.figureText(QStringLiteral("pool")).startsWith(QString::number(r.poolSize)));
    QCOMPARE(panel.figureText(QStringLiteral("parts")), QString::number(r.parts));
    QVERIFY(panel.figureText(QStringLiteral("transpiled")).contains(QStringLiteral("local:ideal")));
    QVERIFY(panel.figureText(QStringLiteral("stages")).contains(locale.toString(r.seconds, 'f', 3)));

    // (a) the result's samples, (b) its first-success values, (c) every run, ending at the estimator's Q.
    QVERIFY(panel.histogramPlot()->seriesCount() >= 2);
    QVERIFY(panel.histogramPlot()->binCount() > 0);
    QVERIFY(panel.histogramPlot()->isOptimumShown());
    QCOMPARE(panel.histogramPlot()->data().centres, outcome.histogram.centres);
    QVERIFY(panel.successPlot()->pointCount(false) >= 2);
    QVERIFY(panel.successPlot()->pointCount(true) >= 2);
    QCOMPARE(panel.successPlot()->pointAt(true, panel.successPlot()->pointCount(true) - 1).x(), r.cap);
    LiveQFactorPlot* live = panel.liveQPlot();
    QCOMPARE(live->randomTimes().size() + live->warmTimes().size(), std::size_t{20});
    engine::QFactorOptions options = live->options();
    QCOMPARE(options.cap, r.cap);
    QVERIFY(live->current().has_value());
    const engine::QFactorResult expected = engine::estimateQFactor(live->randomTimes(), live->warmTimes(), options);
    QVERIFY((std::isnan(expected.q) && std::isnan(live->current()->q)) || live->current()->q == expected.q);
    QVERIFY((std::isnan(q.q) && std::isnan(expected.q)) || q.q == expected.q);  // the experiment's own estimate
    if (std::isfinite(q.q))
        QCOMPARE(live->pointAt(live->pointCount() - 1), QPointF(20.0, q.q));

    // Keep pictures of the page for a look at the layout: QAOA_WORKBENCH_SCREENSHOT_DIR names a folder for them.
    panel.resize(1300, 600);
    panel.show();
    for (int tab = 0; tab < 3; ++tab) {
        qobject_cast<QTabWidget*>(live->parentWidget()->parentWidget())->setCurrentIndex(tab);
        QTest::qWait(50);  // queued replots
        const QImage image = panel.grab().toImage();
        QVERIFY(!image.isNull());
        const QString folder = qEnvironmentVariable("QAOA_WORKBENCH_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            image.save(QDir(folder).filePath(QStringLiteral("warmstart-%1.png").arg(tab)));
    }
    const QString folder = qEnvironmentVariable("QAOA_WORKBENCH_SCREENSHOT_DIR");
    for (QTabWidget* tabs : panel.findChildren<QTabWidget*>())
        if (tabs->tabText(0) == QStringLiteral("Options") && !folder.isEmpty()) {
            tabs->setCurrentIndex(0);
            QTest::qWait(50);
            panel.grab().toImage().save(QDir(folder).filePath(QStringLiteral("warmstart-options.png")));
        }
}

void TstWarmstartPanel::runtimeComparisonIsShown()
{
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    // The project's LCRP instance: no comparison (Max-Cut only).
    panel.timeBasedBox()->setChecked(true);
    QVERIFY(!panel.isRuntimeComparisonAvailable());
    QVERIFY(!panel.compareRuntimesBox()->isEnabled());
    smallGraphRun(panel);
    QVERIFY(panel.isRuntimeComparisonAvailable());
    QVERIFY(panel.compareRuntimesBox()->isEnabled());
    QVERIFY(!panel.exactTimeLimitBox()->isEnabled());  // until the comparison is chosen
    panel.compareRuntimesBox()->setChecked(true);
    QVERIFY(panel.exactTimeLimitBox()->isEnabled());
    panel.exactTimeLimitBox()->setValue(20.0);
    panel.timeLimitBox()->setValue(0.01);
    panel.runsBox()->setValue(4);
    WarmstartPipelineRequest request = panel.pipelineRequest();
    QVERIFY(request.options.compareRuntimes);
    QCOMPARE(request.options.exactTimeLimitSeconds, 20.0);
    // Iteration-based runs cannot be compared in time: the option is off in the request.
    panel.timeBasedBox()->setChecked(false);
    QVERIFY(!panel.compareRuntimesBox()->isEnabled());
    QVERIFY(!panel.pipelineRequest().options.compareRuntimes);
    panel.timeBasedBox()->setChecked(true);

    QSignalSpy finished(panel.job(), &WarmstartJob::finished);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QVERIFY(!panel.compareRuntimesBox()->isEnabled());
    QVERIFY(!panel.exactTimeLimitBox()->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel.job()->status(), WarmstartJobStatus::Finished);
    const engine::WarmstartPipelineResult& r = panel.job()->pipelineOutcome().result;
    QVERIFY(r.runtimes.has_value());
    RuntimeComparisonPlot* plot = panel.runtimePlot();
    QCOMPARE(plot->methodCount(), static_cast<int>(r.runtimes->methods.size()));
    QCOMPARE(plot->table()->rowCount(), plot->methodCount());
    QVERIFY(plot->methodCount() >= 4);  // tabu, tabu-warm, vns, burer (and exact)
    for (int k = 0; k < plot->methodCount(); ++k) {
        const engine::MinimalRuntime& m = r.runtimes->methods[static_cast<std::size_t>(k)].runtime;
        QCOMPARE(plot->pointAt(k).x(), m.value);
    }
    QVERIFY(plot->isLimitShown());
    const QString folder = qEnvironmentVariable("QAOA_WORKBENCH_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        panel.resize(1300, 700);
        panel.show();
        qobject_cast<QTabWidget*>(plot->parentWidget()->parentWidget())->setCurrentWidget(plot);
        QTest::qWait(50);  // queued replots
        panel.grab().toImage().save(QDir(folder).filePath(QStringLiteral("warmstart-runtimes.png")));
    }
    // A new run without the comparison empties the plot.
    panel.compareRuntimesBox()->setChecked(false);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(plot->methodCount(), 0);
}

void TstWarmstartPanel::sourcesAndTheVnsOption()
{
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    const int vns = panel.solverBox()->findData(static_cast<int>(engine::WarmstartSolver::Vns));
    QVERIFY(vns >= 0);
    // The project's LCRP instance: no VNS.
    panel.sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::Project));
    QCOMPARE(panel.figureText(QStringLiteral("instance")), QStringLiteral("LCRP: 2 tasks × 3 models"));
    QVERIFY(!panel.isVnsAvailable());
    QVERIFY(!itemEnabled(panel.solverBox(), vns));
    QVERIFY(!panel.familyBox()->isEnabled());
    QVERIFY(std::holds_alternative<engine::LcrpInstance>(panel.pipelineRequest().instance));
    // A generated graph is Max-Cut: VNS can be chosen, and is dropped again on going back to the project.
    panel.sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::Generated));
    QVERIFY(panel.isVnsAvailable());
    QVERIFY(itemEnabled(panel.solverBox(), vns));
    panel.solverBox()->setCurrentIndex(vns);
    QCOMPARE(panel.pipelineRequest().options.solver, engine::WarmstartSolver::Vns);
    panel.sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::Project));
    QCOMPARE(panel.pipelineRequest().options.solver, engine::WarmstartSolver::Tabu);

    // Custom families enable their parameter; impossible graphs cannot run.
    panel.sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::Generated));
    QVERIFY(!panel.degreeBox()->isEnabled());
    panel.familyBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::GraphFamily::CustomRegular));
    QVERIFY(panel.degreeBox()->isEnabled());
    QVERIFY(!panel.probabilityBox()->isEnabled());
    panel.degreeBox()->setValue(3);
    panel.verticesBox()->setValue(9);  // 9 x 3 is odd
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY_THROWS_EXCEPTION(engine::Error, panel.pipelineRequest());
    panel.verticesBox()->setValue(10);
    QVERIFY(panel.runButton()->isEnabled());
    QCOMPARE(panel.figureText(QStringLiteral("instance")), QStringLiteral("Max-Cut graph: 10 vertices, 15 edges"));
    panel.familyBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::GraphFamily::CustomErdosRenyi));
    QVERIFY(panel.probabilityBox()->isEnabled());
    panel.probabilityBox()->setValue(1.0);
    QCOMPARE(panel.figureText(QStringLiteral("instance")), QStringLiteral("Max-Cut graph: 10 vertices, 45 edges"));

    // Readout mitigation needs a noisy backend; the time limit needs the time-based box.
    QVERIFY(!panel.readoutBox()->isEnabled());
    const int noisy = panel.backendBox()->findText(QStringLiteral("local:ideal")) == 0 ? 1 : 0;
    if (panel.backendBox()->count() > 1) {
        panel.backendBox()->setCurrentIndex(noisy);
        QVERIFY(panel.readoutBox()->isEnabled());
    }
    QVERIFY(!panel.timeLimitBox()->isEnabled());
    panel.timeBasedBox()->setChecked(true);
    QVERIFY(panel.timeLimitBox()->isEnabled());
    QVERIFY(!panel.iterationCapBox()->isEnabled());
    QCOMPARE(panel.pipelineRequest().options.timeLimitSeconds, panel.timeLimitBox()->value());

    // No file yet: the file source cannot run.
    panel.sourceBox()->setCurrentIndex(static_cast<int>(WarmstartPanel::InstanceSource::File));
    QVERIFY(!panel.runButton()->isEnabled());

    // Every editor explains itself.
    for (QWidget* w : panel.findChildren<QWidget*>())
        if (qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QCheckBox*>(w)
            || qobject_cast<QLineEdit*>(w) || qobject_cast<QPushButton*>(w))
            QVERIFY2(!w->toolTip().isEmpty() || qobject_cast<QAbstractSpinBox*>(w->parent())
                         || qobject_cast<QComboBox*>(w->parent()),
                     w->metaObject()->className());
}

void TstWarmstartPanel::instanceFilesShowKindAndSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("triangle.gset"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
        file.write("3 3\n1 2 1\n2 3 1\n1 3 1\n");
    }
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    QVERIFY(panel.loadInstanceFile(path));
    QCOMPARE(panel.sourceBox()->currentIndex(), static_cast<int>(WarmstartPanel::InstanceSource::File));
    QCOMPARE(panel.figureText(QStringLiteral("instance")), QStringLiteral("Max-Cut graph: 3 vertices, 3 edges"));
    QVERIFY(panel.isVnsAvailable());
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.loadInstanceFile(dir.filePath(QStringLiteral("missing.gset"))));
    QVERIFY(panel.figureText(QStringLiteral("note")).contains(QStringLiteral("missing.gset")));
    QCOMPARE(panel.figureText(QStringLiteral("instance")), QStringLiteral("Max-Cut graph: 3 vertices, 3 edges"));
}

void TstWarmstartPanel::cancelStopsTheRun()
{
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    smallGraphRun(panel);
    panel.verticesBox()->setValue(16);
    panel.runsBox()->setValue(MAX_WARMSTART_PANEL_RUNS);
    panel.iterationCapBox()->setValue(5000);
    QSignalSpy points(panel.job(), &WarmstartJob::runPoints);
    QSignalSpy finished(panel.job(), &WarmstartJob::finished);
    panel.run();
    QVERIFY(points.wait(30000));
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(panel.job()->status(), WarmstartJobStatus::Cancelled);
    QVERIFY(panel.figureText(QStringLiteral("status")).startsWith(QStringLiteral("cancelled")));
    QVERIFY(panel.progressBar()->value() < panel.progressBar()->maximum());
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
}

void TstWarmstartPanel::sweepFillsPlotsAndTable()
{
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    panel.sweepFamiliesEdit()->setText(QStringLiteral("regular-3"));
    panel.sweepSizesEdit()->setText(QStringLiteral("6, 8"));
    panel.sweepDepthsEdit()->setText(QStringLiteral("1, 2"));
    panel.sweepGraphsBox()->setValue(2);
    panel.sweepRunsBox()->setValue(20);
    panel.sweepShotsBox()->setValue(200);
    panel.sweepCapBox()->setValue(200);
    const engine::WarmstartReproductionOptions options = panel.sweepOptions();
    QCOMPARE(options.families.size(), std::size_t{1});
    QCOMPARE(options.sizes, (std::vector<std::size_t>{6, 8}));
    QCOMPARE(options.depths, (std::vector<std::size_t>{1, 2}));
    QCOMPARE(options.runsPerStartType, std::size_t{20});

    QSignalSpy rows(panel.job(), &WarmstartJob::sweepRows);
    QSignalSpy finished(panel.job(), &WarmstartJob::finished);
    QTest::mouseClick(panel.sweepRunButton(), Qt::LeftButton);
    QVERIFY(panel.sweepCancelButton()->isEnabled());
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel.job()->status(), WarmstartJobStatus::Finished);
    QCOMPARE(rows.count(), 2);  // streamed per size
    QCOMPARE(panel.sweepProgressBar()->value(), panel.sweepProgressBar()->maximum());

    const WarmstartSweepOutcome& outcome = panel.job()->sweepOutcome();
    QCOMPARE(outcome.rows.size(), std::size_t{8});
    QCOMPARE(outcome.summary.size(), std::size_t{4});
    QCOMPARE(panel.summaryTable()->rowCount(), 4);
    for (int i = 0; i < 4; ++i) {
        const engine::WarmstartSummaryRow& row = outcome.summary[static_cast<std::size_t>(i)];
        QCOMPARE(panel.summaryTable()->item(i, 1)->text(), QString::number(row.n));
        QCOMPARE(panel.summaryTable()->item(i, 2)->text(), QString::number(row.depth));
    }
    // One line per N against p and one per p against N, each point a positive median.
    int positive = 0;
    for (const engine::WarmstartSummaryRow& row : outcome.summary)
        if (row.graphs > 0 && row.medianQ > 0.0)
            ++positive;
    QCOMPARE(panel.depthPlot()->lineCount(), 2);
    QCOMPARE(panel.sizePlot()->lineCount(), 2);
    QCOMPARE(panel.depthPlot()->legendNames(), (QStringList{QStringLiteral("N = 6"), QStringLiteral("N = 8")}));
    QCOMPARE(panel.sizePlot()->legendNames(), (QStringList{QStringLiteral("p = 1"), QStringLiteral("p = 2")}));
    QCOMPARE(panel.depthPlot()->pointCount(0) + panel.depthPlot()->pointCount(1), positive);
    QCOMPARE(panel.sizePlot()->pointCount(0) + panel.sizePlot()->pointCount(1), positive);
    QVERIFY(positive > 0);
    QVERIFY(panel.figureText(QStringLiteral("sweepStatus")).startsWith(QStringLiteral("finished")));

    const QString folder = qEnvironmentVariable("QAOA_WORKBENCH_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        panel.pages()->setCurrentIndex(1);
        panel.resize(1300, 600);
        panel.show();
        QTest::qWait(50);
        panel.grab().toImage().save(QDir(folder).filePath(QStringLiteral("warmstart-sweep.png")));
    }
}

void TstWarmstartPanel::badSweepListsCannotRun()
{
    ProjectDocument document;
    fill(document);
    WarmstartPanel panel(&document);
    QVERIFY(panel.sweepRunButton()->isEnabled());
    panel.sweepSizesEdit()->setText(QStringLiteral("6, x"));
    QVERIFY(!panel.sweepRunButton()->isEnabled());
    QVERIFY(!panel.figureText(QStringLiteral("sweepStatus")).isEmpty());
    panel.sweepSizesEdit()->setText(QStringLiteral("7"));  // no 3-regular graph on 7 vertices
    QVERIFY(!panel.sweepRunButton()->isEnabled());
    panel.sweepSizesEdit()->setText(QStringLiteral("6"));
    panel.sweepFamiliesEdit()->setText(QStringLiteral("regular-3, cube"));
    QVERIFY(!panel.sweepRunButton()->isEnabled());
    panel.sweepFamiliesEdit()->setText(QStringLiteral("er-0.5"));
    panel.sweepDepthsEdit()->setText(QStringLiteral("7"));
    QVERIFY(!panel.sweepRunButton()->isEnabled());
    panel.sweepDepthsEdit()->setText(QStringLiteral("3"));
    QVERIFY(panel.sweepRunButton()->isEnabled());
    QVERIFY(panel.figureText(QStringLiteral("sweepStatus")).isEmpty());
    panel.runSweep();
    QVERIFY(panel.job()->isRunning());
    panel.shutdown();  // cancels and waits; the job's state follows through the event loop
    QTRY_VERIFY(!panel.job()->isRunning());
    QCOMPARE(panel.job()->status(), WarmstartJobStatus::Cancelled);
}

QTEST_MAIN(TstWarmstartPanel)
#include "warmstart_panel.test.moc"
