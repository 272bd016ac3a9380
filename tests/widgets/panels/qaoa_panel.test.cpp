// SPDX-License-Identifier: MIT
// Tests of QaoaPanel: a run fills the plots and figures from the job's outcome; limits and document resets.
#include "panels/qaoa_panel.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "lcrp/lcrp_baseline.h"
#include "lcrp/lcrp_generator.h"
#include "plots/p1_landscape_plot.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/state_histogram_plot.h"

#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace workbench;

namespace {

void fill(ProjectDocument& document, std::size_t tasks, std::size_t models, int slackBits)
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = tasks;
    options.numModels = models;
    options.seed = 42;
    WorkbenchSettings settings;
    settings.budgetSlackBits = slackBits;
    document.reset(ProjectData{engine::generateLcrp(options), settings}, QString());
}

QaoaSettings quick()
{
    QaoaSettings s;
    s.restarts = 2;
    s.iterations = 12;
    s.shots = 400;
    s.seed = 5;
    return s;
}

} // namespace

class TstQaoaPanel : public QObject {
    Q_OBJECT

private slots:
    void runFillsPlotsAndFigures();
    void settingsRoundTripAndEnable();
    void tooLargeRegistersCannotRun();
    void resetClearsTheResults();
};

void TstQaoaPanel::runFillsPlotsAndFigures()
{
    ProjectDocument document;
    fill(document, 2, 3, 2);
    QaoaPanel panel(&document);
    panel.setSettings(quick());
    QCOMPARE(panel.figureText(QStringLiteral("qubits")).left(2), QStringLiteral("8 "));
    QSignalSpy finished(panel.job(), &QaoaJob::finished);
    QSignalSpy message(&panel, &QaoaPanel::statusMessage);
    QSignalSpy started(&panel, &QaoaPanel::runStarted);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QCOMPARE(panel.progressBar()->maximum(), 24);
    QVERIFY(finished.wait(30000));
    QCOMPARE(panel.job()->status(), QaoaJobStatus::Finished);
    QCOMPARE(message.count(), 1);
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());

    const QaoaOutcome& outcome = panel.job()->outcome();
    const engine::QaoaRunResult& r = outcome.result;
    // Every live point reached the plots, and the best-so-far ends at the trace's minimum.
    QCOMPARE(panel.convergencePlot()->pointCount(), static_cast<int>(r.evaluations));
    QCOMPARE(panel.validRatePlot()->pointCount(), static_cast<int>(r.evaluations));
    const double traceMin = *std::min_element(r.trace.begin(), r.trace.end());
    QAOA_COMPARE_NEAR(panel.convergencePlot()->bestAt(panel.convergencePlot()->pointCount() - 1).y(), traceMin, 1e-12);
    // The baseline is the instance's uniform random valid rate.
    QAOA_COMPARE_NEAR(panel.validRatePlot()->baseline(), engine::uniformRandomValidRate(document.instance()), 1e-12);
    QVERIFY(panel.validRatePlot()->isBaselineShown());
    // Landscape: the job's grid, with the run's angles marked.
    QVERIFY(outcome.landscape.has_value());
    QCOMPARE(panel.landscapePlot()->keySize(), static_cast<int>(QAOA_LANDSCAPE_STEPS));
    QAOA_COMPARE_NEAR(panel.landscapePlot()->cellRange().first, outcome.landscape->bestValue, 1e-12);
    QVERIFY(panel.landscapePlot()->pointMarker().has_value());
    QAOA_COMPARE_NEAR(panel.landscapePlot()->pointMarker()->x(), landscapePoint(r.angles).first, 1e-12);
    // Histogram: the most probable states, at most 20.
    QCOMPARE(panel.histogramPlot()->barCount(), std::min<int>(MAX_HISTOGRAM_BARS, int(r.topStates.size())));
    QCOMPARE(panel.histogramPlot()->barState(0), r.topStates.front().first);

    const QLocale locale;
    const QString validity = panel.figureText(QStringLiteral("validity"));
    QVERIFY2(validity.contains(locale.toString(r.lcrpSampled->validRate * 100.0, 'g', 4)), qPrintable(validity));
    QVERIFY2(validity.contains(locale.toString(r.lcrpExact->validRate * 100.0, 'g', 4)), qPrintable(validity));
    QVERIFY2(validity.contains(locale.toString(outcome.uniformValidRate * 100.0, 'g', 4)), qPrintable(validity));
    QVERIFY(panel.figureText(QStringLiteral("expectation")).contains(locale.toString(r.expectation, 'g', 6)));
    QVERIFY(panel.figureText(QStringLiteral("arStar")).contains(locale.toString(*r.exact.arStar, 'f', 4)));
    QVERIFY(panel.figureText(QStringLiteral("decoded")).contains(QStringLiteral("T-000 → ")));
    QVERIFY(panel.figureText(QStringLiteral("time")).contains(QString::number(r.evaluations)));

    // An edit after the run keeps the figures but says they belong to the instance as run.
    engine::LcrpInstance edited = document.instance();
    document.setBudgetUsd(edited.budgetUsd + 1.0);
    QCOMPARE(panel.histogramPlot()->barCount(), std::min<int>(MAX_HISTOGRAM_BARS, int(r.topStates.size())));
}

void TstQaoaPanel::settingsRoundTripAndEnable()
{
    ProjectDocument document;
    fill(document, 2, 3, 2);
    QaoaPanel panel(&document);
    QaoaSettings s = quick();
    s.depth = 3;
    s.mixer = engine::MixerKind::XYComplete;
    s.startFromGreedy = true;
    s.angles = engine::AngleMethod::Ramp;
    s.optimizer = engine::QaoaOptimizerMethod::Lbfgs;
    s.trackValidRate = false;
    panel.setSettings(s);
    const QaoaSettings back = panel.settings();
    QCOMPARE(back.depth, s.depth);
    QCOMPARE(back.mixer, s.mixer);
    QCOMPARE(back.startFromGreedy, true);
    QCOMPARE(back.angles, s.angles);
    QCOMPARE(back.optimizer, s.optimizer);
    QCOMPARE(back.restarts, s.restarts);
    QCOMPARE(back.iterations, s.iterations);
    QCOMPARE(back.shots, s.shots);
    QCOMPARE(back.seed, s.seed);
    QCOMPARE(back.trackValidRate, false);
    // The request copies the document's encoding settings.
    const QaoaRequest request = panel.request();
    QCOMPARE(request.encoding.budgetSlackBits, 2);
    QCOMPARE(request.instance.numTasks(), std::size_t{2});

    // A rule without evaluations runs with a busy bar and delivers no points.
    QSignalSpy finished(panel.job(), &QaoaJob::finished);
    panel.run();
    QCOMPARE(panel.progressBar()->maximum(), 0);
    QVERIFY(finished.wait(30000));
    QCOMPARE(panel.job()->status(), QaoaJobStatus::Finished);
    QCOMPARE(panel.convergencePlot()->pointCount(), 0);
    QVERIFY(panel.histogramPlot()->barCount() > 0);
    QVERIFY(panel.histogramPlot()->invalidBarCount() == 0);  // an XY mixer from a valid start stays one-hot
}

void TstQaoaPanel::tooLargeRegistersCannotRun()
{
    ProjectDocument document;
    fill(document, 5, 5, 6);  // 25 + 6 qubits
    QaoaPanel panel(&document);
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(panel.figureText(QStringLiteral("qubits")).startsWith(QStringLiteral("31 ")));
    panel.run();
    QVERIFY(!panel.job()->isRunning());
    fill(document, 2, 2, 1);
    QVERIFY(panel.runButton()->isEnabled());
}

void TstQaoaPanel::resetClearsTheResults()
{
    ProjectDocument document;
    fill(document, 2, 2, 1);
    QaoaPanel panel(&document);
    panel.setSettings(quick());
    QSignalSpy finished(panel.job(), &QaoaJob::finished);
    panel.run();
    QVERIFY(finished.wait(30000));
    QVERIFY(panel.histogramPlot()->barCount() > 0);
    fill(document, 3, 2, 1);
    QCOMPARE(panel.histogramPlot()->barCount(), 0);
    QCOMPARE(panel.convergencePlot()->pointCount(), 0);
    QCOMPARE(panel.landscapePlot()->keySize(), 0);
    QVERIFY(panel.figureText(QStringLiteral("qubits")).startsWith(QStringLiteral("7 ")));

    // A reset during a run cancels it and drops its late results.
    QaoaSettings slow = quick();
    slow.restarts = MAX_QAOA_PANEL_RESTARTS;
    slow.iterations = MAX_QAOA_PANEL_ITERATIONS;
    panel.setSettings(slow);
    panel.run();
    QVERIFY(panel.job()->isRunning());
    fill(document, 2, 2, 1);
    QVERIFY(finished.wait(30000));
    QCOMPARE(panel.job()->status(), QaoaJobStatus::Cancelled);
    QCOMPARE(panel.histogramPlot()->barCount(), 0);
    QCOMPARE(panel.convergencePlot()->pointCount(), 0);
}

QTEST_MAIN(TstQaoaPanel)
#include "qaoa_panel.test.moc"
