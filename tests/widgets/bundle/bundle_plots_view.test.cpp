// SPDX-License-Identifier: MIT
// Tests of BundlePlotsView: the tabs each kind gets from hand-made plot data, the notes, and clearing.
#include "bundle/bundle_plots_view.h"

#include <QtTest>

#include "bundle/outcome_histogram_plot.h"
#include "lcrp_test_instances.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/state_histogram_plot.h"
#include "plots/warmstart_plots.h"

#include <QLabel>
#include <QTreeWidget>

#include <limits>
#include <random>

using namespace workbench;

namespace {

std::vector<engine::QaoaProgressPoint> trace(int n, bool withRates)
{
    std::vector<engine::QaoaProgressPoint> points;
    for (int k = 0; k < n; ++k) {
        engine::QaoaProgressPoint p;
        p.evaluation = static_cast<std::uint64_t>(k + 1);
        p.energy = -1.0 - 0.1 * k;
        p.bestEnergy = p.energy;
        if (withRates)
            p.validRate = 0.1 + 0.01 * k;
        points.push_back(p);
    }
    return points;
}

} // namespace

class TstBundlePlotsView : public QObject {
    Q_OBJECT

private slots:
    void qaoaRunTabs()
    {
        BundlePlotsView view;
        BundlePlotData data;
        data.kind = "qaoa-run";
        data.numBits = 3;
        data.optimised = true;
        data.traceReplayed = true;
        data.trace = trace(7, false);
        data.finalExpectation = -1.6;
        data.bars = {{1, 0.5, -1.0}, {2, 0.3, 0.0}};
        view.setPlotData(data);
        QCOMPARE(view.tabTitles(), (QStringList{QStringLiteral("Convergence"), QStringLiteral("States")}));
        QCOMPARE(view.convergencePlot()->pointCount(), 7);
        QCOMPARE(view.outcomeHistogram()->barCount(), 2);
        QVERIFY(view.noteOf(0).contains(QStringLiteral("7 evaluation")));
        QVERIFY(view.validRatePlot() == nullptr && view.landscapePlot() == nullptr);

        // LCRP: the valid-rate tab and the decoding histogram.
        std::mt19937_64 rng(3);
        data.lcrpInstance = test_support::randomLcrpInstance(rng, test_support::lcrpSizes(2, 2, 2, 2));
        data.lcrpEncoding = engine::encodeLcrp(*data.lcrpInstance);
        data.numBits = data.lcrpEncoding->qubo.numVariables();
        data.uniformValidRate = 0.25;
        data.finalValidRate = 0.6;
        data.trace = trace(5, true);
        view.setPlotData(data);
        QCOMPARE(view.tabTitles(), (QStringList{QStringLiteral("Convergence"), QStringLiteral("Valid rate"),
                                                QStringLiteral("States")}));
        QCOMPARE(view.validRatePlot()->pointCount(), 5);
        QCOMPARE(view.validRatePlot()->baseline(), 0.25);
        QCOMPARE(view.stateHistogram()->barCount(), 2);
        QVERIFY(view.outcomeHistogram() == nullptr);

        view.clear(QStringLiteral("gone"));
        QCOMPARE(view.tabs()->count(), 0);
        QVERIFY(view.convergencePlot() == nullptr);
        QCOMPARE(view.message(), QStringLiteral("gone"));
    }

    void warmstartTabs()
    {
        BundlePlotsView view;
        BundlePlotData data;
        data.kind = "warmstart";
        data.energyHistogram.centres = {-2.0, -1.0};
        data.energyHistogram.fractions[EnergyHistogramData::Raw] = {0.25, 0.75};
        data.energyHistogram.fractions[EnergyHistogramData::Filtered] = {1.0, 0.0};
        data.optimum = -2.0;
        const double never = std::numeric_limits<double>::infinity();
        data.randomFirstSuccess = {10, 40, never, 25};
        data.warmFirstSuccess = {2, 5, 8, never};
        data.cap = 50;
        data.qFactorOptions.cap = 50;
        data.qFactor = 4.0;
        view.setPlotData(data);
        QCOMPARE(view.tabTitles(), (QStringList{QStringLiteral("Energy histogram"), QStringLiteral("Success curves"),
                                                QStringLiteral("Q-factor")}));
        QCOMPARE(view.energyHistogramPlot()->binCount(), 2);
        QVERIFY(view.energyHistogramPlot()->isOptimumShown());
        QVERIFY(view.successCurvePlot()->pointCount(true) > 0);
        // Four batches of one run of each type: an estimate after each.
        QCOMPARE(view.qFactorPlot()->pointCount(), 4);
        QCOMPARE(view.qFactorPlot()->randomTimes().size(), std::size_t{4});
    }

    void jobTabs()
    {
        BundlePlotsView view;
        BundlePlotData data;
        data.kind = "job";
        data.problem = "maxcut";
        data.numBits = 2;
        data.shots = 10;
        data.bars = {{3, 0.6, -2.0}, {0, 0.4, 0.0}};
        data.analysis = {{"problem", "maxcut"}, {"expected_cut", 1.2}, {"counts", nlohmann::json::array()}};
        view.setPlotData(data);
        QCOMPARE(view.tabTitles(), (QStringList{QStringLiteral("Outcomes"), QStringLiteral("Analysis")}));
        QCOMPARE(view.outcomeHistogram()->barCount(), 2);
        QCOMPARE(view.analysisTree()->topLevelItemCount(), 3);
        QVERIFY(view.analysisSummary()->text().contains(QStringLiteral("1.2")));
    }
};

QTEST_MAIN(TstBundlePlotsView)
#include "bundle_plots_view.test.moc"
