// SPDX-License-Identifier: MIT
// Tests of BundleWindow: bundles of every kind made with the engine open offscreen, verify, show the engine's
// report and redraw their plots; tampered, changed, corrupt and too new bundles show a failing check or an error.
#include "bundle/bundle_window.h"

#include <QtTest>

#include "test_support.h"
#include "temp_files.h"

#include "bundle_fixtures.h"

#include "bundle/bundle_plots_view.h"
#include "bundle/bundle_verify.h"
#include "bundle/outcome_histogram_plot.h"
#include "bundle/sha256.h"
#include "lcrp/lcrp_baseline.h"
#include "plots/p1_landscape_plot.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/state_histogram_plot.h"
#include "plots/warmstart_plots.h"

#include <QCheckBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

using namespace workbench;
using nlohmann::json;

namespace {

/// Per-window limit for read + verify + plots of the small bundles here (each takes well under a second).
constexpr int VERIFY_TIMEOUT_MS = 60000;

/// Writes `bundle` into `dir` as `name` and returns the path.
QString writeBundle(const QTemporaryDir& dir, const engine::Bundle& bundle, const QString& name)
{
    const QString path = dir.filePath(name);
    engine::writeBundle(bundle, path.toStdString());
    return path;
}

/// Opens `path` in a window, verifies and waits until the window shows the outcome.
bool verifyInWindow(BundleWindow& window)
{
    QSignalSpy finished(&window, &BundleWindow::verificationFinished);
    return window.verify() && finished.wait(VERIFY_TIMEOUT_MS);
}

/// Row of quantity `quantity` in the window's check table, or -1.
int checkRow(const BundleWindow& window, const QString& quantity)
{
    for (int row = 0; row < window.checkTable()->rowCount(); ++row)
        if (window.checkTable()->item(row, 0)->text() == quantity)
            return row;
    return -1;
}

} // namespace

class TstBundleWindow : public QObject {
    Q_OBJECT

private slots:
    // An optimised p = 1 Max-Cut run: the verdict, one table row per engine check, the members with their
    // hashes, the settings, and the convergence (replayed), histogram and landscape plots filled.
    void maxCutRunVerifiesAndRedraws()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const engine::Bundle bundle =
            bundle_fixtures::qaoaBundle(bundle_fixtures::maxCutInstance(8, 5), bundle_fixtures::qaoaOptions(1, 2, 20));
        const QString path = writeBundle(dir, bundle, QStringLiteral("maxcut-run.qwbundle"));
        const engine::BundleVerifyReport engineReport = engine::verifyBundleFile(path.toStdString());
        QVERIFY(engineReport.ok);

        BundleWindow window(path);
        QVERIFY(window.windowTitle().contains(QStringLiteral("maxcut-run.qwbundle")));
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Passed);
        QCOMPARE(window.job()->status(), BundleJobStatus::Finished);
        QCOMPARE(window.checkTable()->rowCount(), static_cast<int>(engineReport.checks.size()));
        QVERIFY(checkRow(window, QStringLiteral("results:/expectation")) >= 0);
        QVERIFY(checkRow(window, QStringLiteral("samples.json:/raw")) >= 0);
        QCOMPARE(window.summaryText(QStringLiteral("kind")), QStringLiteral("qaoa-run"));
        QVERIFY(window.summaryText(QStringLiteral("instance")).contains(QStringLiteral("8 vertices")));
        QVERIFY(window.settingsTree()->topLevelItemCount() == static_cast<int>(bundle.settings.size()));
        QVERIFY(window.exportButton()->isEnabled());

        // Members: instance.json and samples.json, each with the SHA-256 of its bytes.
        QCOMPARE(window.memberTable()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const engine::BundleFile* file = bundle.find(window.memberTable()->item(row, 1)->text().toStdString());
            QVERIFY(file != nullptr);
            QCOMPARE(window.memberTable()->item(row, 4)->text().toStdString(), engine::sha256Hex(file->content));
        }

        BundlePlotsView* plots = window.plotsView();
        QCOMPARE(plots->tabTitles(), (QStringList{QStringLiteral("Convergence"), QStringLiteral("States"),
                                                  QStringLiteral("Landscape")}));
        const auto evaluations = bundle.results["evaluations"].get<int>();
        QVERIFY(evaluations > 0);
        QCOMPARE(plots->convergencePlot()->pointCount(), evaluations);
        // The replayed trace ends in the stored run: its best value is the stored expectation (exact replay).
        double best = INFINITY;
        for (int k = 0; k < evaluations; ++k)
            best = std::min(best, plots->convergencePlot()->energyAt(k).y());
        QAOA_COMPARE_NEAR(best, bundle.results["expectation"].get<double>(), 1e-9);
        const auto topStates = static_cast<int>(bundle.results["topStates"].size());
        QCOMPARE(plots->outcomeHistogram()->barCount(), std::min(topStates, 20));
        QVERIFY(plots->stateHistogram() == nullptr);
        QVERIFY(plots->validRatePlot() == nullptr);  // Max-Cut has no one-hot validity
        QCOMPARE(plots->landscapePlot()->keySize(), 64);
        QVERIFY(plots->landscapePlot()->pointMarker().has_value());
    }

    // An LCRP run: the valid-rate plot has one point per evaluation and the uniform-random baseline, and the
    // state histogram decodes the stored top states.
    void lcrpRunShowsValidRateAgainstBaseline()
    {
        QTemporaryDir dir;
        const engine::Instance instance = bundle_fixtures::lcrpInstance();
        const engine::Bundle bundle = bundle_fixtures::qaoaBundle(instance, bundle_fixtures::qaoaOptions(1, 2, 15));
        BundleWindow window(writeBundle(dir, bundle, QStringLiteral("lcrp.qwbundle")));
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Passed);
        BundlePlotsView* plots = window.plotsView();
        QVERIFY(plots->tabTitles().contains(QStringLiteral("Valid rate")));
        const auto evaluations = bundle.results["evaluations"].get<int>();
        QCOMPARE(plots->validRatePlot()->pointCount(), evaluations);
        QAOA_COMPARE_NEAR(plots->validRatePlot()->baseline(),
                          engine::uniformRandomValidRate(std::get<engine::LcrpInstance>(instance)), 1e-12);
        QVERIFY(plots->validRatePlot()->isBaselineShown());
        QCOMPARE(plots->stateHistogram()->barCount(),
                 std::min(static_cast<int>(bundle.results["topStates"].size()), 20));
        QVERIFY(plots->outcomeHistogram() == nullptr);
    }

    // Rule-based angles have no optimiser trace: the convergence tab says so and stays empty.
    void predictedAnglesHaveNoTrace()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle = bundle_fixtures::qaoaBundle(
            bundle_fixtures::maxCutInstance(6, 2),
            bundle_fixtures::qaoaOptions(2, 1, 1, engine::AngleMethod::Predicted));
        BundleWindow window(writeBundle(dir, bundle, QStringLiteral("predicted.qwbundle")));
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Passed);
        QCOMPARE(window.plotsView()->convergencePlot()->pointCount(), 0);
        QVERIFY(window.plotsView()->noteOf(0).contains(QStringLiteral("Rule-based")));
        QVERIFY(window.plotsView()->landscapePlot() == nullptr);  // p = 2
    }

    // A warm-start bundle: energy histogram, both success curves and the Q-factor ending at the stored Q.
    void warmstartBundleRedrawsItsPlots()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle = bundle_fixtures::warmstartBundle();
        BundleWindow window(writeBundle(dir, bundle, QStringLiteral("warm.qwbundle")));
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Passed);
        BundlePlotsView* plots = window.plotsView();
        QCOMPARE(plots->tabTitles(), (QStringList{QStringLiteral("Energy histogram"), QStringLiteral("Success curves"),
                                                  QStringLiteral("Q-factor")}));
        QVERIFY(plots->energyHistogramPlot()->binCount() > 0);
        QVERIFY(plots->energyHistogramPlot()->barCount(EnergyHistogramData::Raw) > 0);
        QVERIFY(plots->energyHistogramPlot()->barCount(EnergyHistogramData::Filtered) > 0);
        QVERIFY(plots->successCurvePlot()->pointCount(false) > 0);
        QVERIFY(plots->successCurvePlot()->pointCount(true) > 0);
        const json& q = bundle.results["qFactor"];
        if (q.is_object() && q["q"].is_number()) {
            LiveQFactorPlot* live = plots->qFactorPlot();
            QVERIFY(live->pointCount() > 0);
            QAOA_COMPARE_NEAR(live->pointAt(live->pointCount() - 1).y(), q["q"].get<double>(), 1e-12);
        }
    }

    // A job bundle: the outcome histogram of its six shots and the stored analysis as a tree.
    void jobBundleShowsHistogramAndAnalysis()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle = bundle_fixtures::jobBundle();
        BundleWindow window(writeBundle(dir, bundle, QStringLiteral("job.qwbundle")));
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Passed);
        BundlePlotsView* plots = window.plotsView();
        QCOMPARE(plots->tabTitles(), (QStringList{QStringLiteral("Outcomes"), QStringLiteral("Analysis")}));
        QCOMPARE(plots->outcomeHistogram()->barCount(), 4);  // 0x15, 0x2a, 0x3, 0x0
        // 0x15 and 0x2a both twice: the lower index first; variable 0 first, 0x15 reads 101010.
        QCOMPARE(plots->outcomeHistogram()->barLabel(0), QStringLiteral("101010"));
        QCOMPARE(plots->analysisTree()->topLevelItemCount(), static_cast<int>(bundle.results.size()));
        QVERIFY(plots->analysisSummary()->text().contains(QStringLiteral("expected cut")));
        QCOMPARE(window.memberTable()->rowCount(), static_cast<int>(bundle.files.size()));
    }

    // A stored result changed (and the manifest re-hashed, so the file is well-formed): the recomputation
    // differs in exactly that quantity, shown as a failing row and a failed verdict.
    void tamperedResultShowsFailingCheck()
    {
        QTemporaryDir dir;
        engine::Bundle bundle =
            bundle_fixtures::qaoaBundle(bundle_fixtures::maxCutInstance(6, 2), bundle_fixtures::qaoaOptions(1, 1, 10));
        bundle.results["expectation"] = bundle.results["expectation"].get<double>() * (1.0 + 1e-6) + 1e-6;
        BundleWindow window(writeBundle(dir, bundle, QStringLiteral("tampered.qwbundle")));
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Failed);
        QVERIFY(window.bannerText().contains(QStringLiteral("1 of")));
        const int row = checkRow(window, QStringLiteral("results:/expectation"));
        QVERIFY(row >= 0);
        QCOMPARE(window.checkTable()->item(row, 5)->text(), QStringLiteral("DIFFERS"));
        QVERIFY(!window.checkTable()->item(row, 3)->text().isEmpty());  // the difference
        // The filter leaves only the failing row and the skipped timing block.
        window.findChild<QCheckBox*>()->setChecked(true);
        int visible = 0;
        for (int r = 0; r < window.checkTable()->rowCount(); ++r)
            visible += window.checkTable()->isRowHidden(r) ? 0 : 1;
        QCOMPARE(visible, 2);
        QVERIFY(window.plotsView()->convergencePlot() != nullptr);  // plots are still drawn
    }

    // Bytes that are not a bundle: an error naming the file, no plots, no crash.
    void corruptFileShowsErrorNamingTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.qwbundle"));
        test_support::writeRaw(path.toStdString(), "this is not a gzip stream");
        BundleWindow window(path);
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Error);
        QVERIFY(window.bannerText().contains(QStringLiteral("broken.qwbundle")));
        QVERIFY(window.bannerText().contains(path));  // the engine's place names the full path
        QCOMPARE(window.checkTable()->rowCount(), 0);
        QCOMPARE(window.plotsView()->tabs()->count(), 0);
        QVERIFY(!window.exportButton()->isEnabled());
        QVERIFY(window.reverifyButton()->isEnabled());

        const QString missing = dir.filePath(QStringLiteral("absent.qwbundle"));
        BundleWindow none(missing);
        QVERIFY(verifyInWindow(none));
        QCOMPARE(none.verdict(), BundleWindow::Verdict::Error);
        QVERIFY(none.bannerText().contains(missing));
    }

    // A member changed after writing: the hash mismatch names the member, which the member table marks.
    void changedMemberShowsHashMismatch()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle =
            bundle_fixtures::qaoaBundle(bundle_fixtures::maxCutInstance(6, 2), bundle_fixtures::qaoaOptions(1, 1, 10));
        const std::string bytes = bundle_fixtures::editMembers(engine::encodeBundle(bundle), [](auto& members) {
            for (engine::UstarMember& m : members)
                if (m.path == "instance.json")
                    m.content.replace(m.content.find("  "), 2, "\t ");  // same size and JSON, other bytes
        });
        const QString path = dir.filePath(QStringLiteral("changed.qwbundle"));
        test_support::writeRaw(path.toStdString(), bytes);
        BundleWindow window(path);
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Error);
        QVERIFY(window.bannerText().contains(QStringLiteral("SHA-256")));
        QVERIFY(window.bannerText().contains(QStringLiteral("instance.json")));
        QCOMPARE(window.memberTable()->rowCount(), 2);
        bool marked = false;
        for (int row = 0; row < 2; ++row)
            if (window.memberTable()->item(row, 1)->text() == QStringLiteral("instance.json"))
                marked = window.memberTable()->item(row, 0)->text() == QStringLiteral("changed: hash differs");
        QVERIFY(marked);
    }

    // A bundle of a newer format version is refused with the version named.
    void newerFormatVersionIsRefused()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle = bundle_fixtures::jobBundle();
        const std::string bytes = bundle_fixtures::editMembers(engine::encodeBundle(bundle), [](auto& members) {
            json manifest = json::parse(members.front().content);
            manifest["formatVersion"] = engine::BUNDLE_FORMAT_VERSION + 1;
            members.front().content = manifest.dump(2);
        });
        const QString path = dir.filePath(QStringLiteral("future.qwbundle"));
        test_support::writeRaw(path.toStdString(), bytes);
        BundleWindow window(path);
        QVERIFY(verifyInWindow(window));
        QCOMPARE(window.verdict(), BundleWindow::Verdict::Error);
        QVERIFY(window.bannerText().contains(QStringLiteral("formatVersion")));
        QVERIFY(window.bannerText().contains(QStringLiteral("newer")));
    }

    // Export report writes the engine's report JSON; Save member writes a member byte for byte.
    void exportReportAndSaveMember()
    {
        QTemporaryDir dir;
        const engine::Bundle bundle = bundle_fixtures::jobBundle();
        const QString path = writeBundle(dir, bundle, QStringLiteral("job.qwbundle"));
        BundleWindow window(path);
        QString error;
        QVERIFY(!window.exportReport(dir.filePath(QStringLiteral("early.json")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(verifyInWindow(window));

        const QString reportPath = dir.filePath(QStringLiteral("report.json"));
        QVERIFY(window.exportReport(reportPath, &error));
        const json exported = json::parse(test_support::readRaw(reportPath.toStdString()));
        const json expected = engine::bundleVerifyReportJson(engine::verifyBundleFile(path.toStdString()));
        QCOMPARE(exported, expected);

        const QString memberPath = dir.filePath(QStringLiteral("pub0.qasm"));
        QVERIFY(window.saveMember(QStringLiteral("circuits/pub0.qasm"), memberPath, &error));
        QCOMPARE(test_support::readRaw(memberPath.toStdString()), bundle.find("circuits/pub0.qasm")->content);
        QVERIFY(!window.saveMember(QStringLiteral("nope.json"), memberPath, &error));
        QVERIFY(error.contains(QStringLiteral("nope.json")));
        QVERIFY(!window.saveMemberButton()->isEnabled());
        window.memberTable()->selectRow(0);
        QVERIFY(window.saveMemberButton()->isEnabled());
    }

    // The lead's entry point: shown, verifying, deleted on close.
    void showBundleWindowOwnsItself()
    {
        QTemporaryDir dir;
        const QString path = writeBundle(dir, bundle_fixtures::jobBundle(), QStringLiteral("job.qwbundle"));
        QWidget parent;
        QPointer<BundleWindow> window = showBundleWindow(&parent, path);
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QVERIFY(window->isWindow());
        QVERIFY(window->testAttribute(Qt::WA_DeleteOnClose));
        QSignalSpy finished(window.data(), &BundleWindow::verificationFinished);
        QVERIFY(window->job()->isRunning() || window->verdict() != BundleWindow::Verdict::Pending);
        QVERIFY(finished.count() > 0 || finished.wait(VERIFY_TIMEOUT_MS));
        QCOMPARE(window->verdict(), BundleWindow::Verdict::Passed);
        window->close();
        QTRY_VERIFY(window.isNull());
    }
};

QTEST_MAIN(TstBundleWindow)
#include "bundle_window.test.moc"
