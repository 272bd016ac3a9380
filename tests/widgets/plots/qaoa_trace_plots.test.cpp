// SPDX-License-Identifier: MIT
// Tests of QaoaConvergencePlot and ValidRatePlot: graph contents, the labelled baseline and its visibility.
#include "plots/qaoa_trace_plots.h"

#include <QtTest>

#include "test_support.h"

#include <cmath>

using namespace workbench;

namespace {

engine::QaoaProgressPoint point(std::uint64_t evaluation, double energy, double best, std::optional<double> rate)
{
    engine::QaoaProgressPoint p;
    p.evaluation = evaluation;
    p.energy = energy;
    p.bestEnergy = best;
    p.validRate = rate;
    return p;
}

} // namespace

class TstQaoaTracePlots : public QObject {
    Q_OBJECT

private slots:
    void convergenceHoldsEnergiesAndBest();
    void baselineLineSitsAtTheUniformRate();
    void baselineStaysVisibleBesideAnyRate_data();
    void baselineStaysVisibleBesideAnyRate();
};

void TstQaoaTracePlots::convergenceHoldsEnergiesAndBest()
{
    QaoaConvergencePlot plot;
    const std::vector<double> energies{5.0, 3.0, 4.0, 1.0, 2.0};
    std::vector<engine::QaoaProgressPoint> points;
    double best = 1e300;
    for (std::size_t k = 0; k < energies.size(); ++k) {
        best = std::min(best, energies[k]);
        points.push_back(point(k + 1, energies[k], best, std::nullopt));
    }
    plot.appendPoints({points.begin(), points.begin() + 2});
    plot.appendPoints({points.begin() + 2, points.end()});
    plot.setFinalExpectation(0.5);
    plot.replot();
    QCOMPARE(plot.pointCount(), 5);
    const double expectedBest[] = {5.0, 3.0, 3.0, 1.0, 1.0};
    for (int k = 0; k < 5; ++k) {
        QCOMPARE(plot.energyAt(k).x(), double(k + 1));
        QCOMPARE(plot.energyAt(k).y(), energies[static_cast<std::size_t>(k)]);
        QCOMPARE(plot.bestAt(k).y(), expectedBest[k]);
    }
    // The final expectation line is inside the value range.
    const auto [low, high] = plot.valueRange();
    QVERIFY(low <= 0.5 && high >= 5.0);
    plot.clear();
    QCOMPARE(plot.pointCount(), 0);
}

void TstQaoaTracePlots::baselineLineSitsAtTheUniformRate()
{
    ValidRatePlot plot;
    const double baseline = std::pow(3.0 / 8.0, 4);  // 4 x 3: 0.019775...
    plot.setBaseline(baseline);
    plot.replot();
    QCOMPARE(plot.baseline(), baseline);
    QCOMPARE(plot.baselineLineY().first, baseline);
    QCOMPARE(plot.baselineLineY().second, baseline);
    QVERIFY(plot.isBaselineShown());  // horizontal, labelled at its height, inside the axis range
    QVERIFY(plot.baselineText().contains(QLocale().toString(baseline * 100.0, 'g', 3)));

    // Points without a valid rate (tracking off) are skipped; the others keep their value.
    plot.appendPoints({point(1, 0, 0, 0.25), point(2, 0, 0, std::nullopt), point(3, 0, 0, 0.5)});
    plot.replot();
    QCOMPARE(plot.pointCount(), 2);
    QCOMPARE(plot.rateAt(1).x(), 3.0);
    QCOMPARE(plot.rateAt(1).y(), 0.5);
    plot.clear();
    QCOMPARE(plot.pointCount(), 0);
    QCOMPARE(plot.baselineLineY().first, baseline);  // clear keeps the baseline
    QVERIFY(plot.isBaselineShown());
}

void TstQaoaTracePlots::baselineStaysVisibleBesideAnyRate_data()
{
    QTest::addColumn<double>("baseline");
    QTest::addColumn<double>("rate");
    QTest::newRow("rates far above") << 0.0028 << 1.0;
    QTest::newRow("rates below") << 0.14 << 1e-5;
    QTest::newRow("rate zero") << 0.02 << 0.0;
    QTest::newRow("tiny baseline") << 1e-9 << 0.3;
}

void TstQaoaTracePlots::baselineStaysVisibleBesideAnyRate()
{
    QFETCH(double, baseline);
    QFETCH(double, rate);
    ValidRatePlot plot;
    plot.setBaseline(baseline);
    plot.appendPoints({point(1, 0, 0, rate), point(2, 0, 0, 0.5)});
    plot.setFinalRate(rate);
    plot.replot();
    const auto [low, high] = plot.valueRange();
    QVERIFY(low <= baseline && baseline <= high);
    QVERIFY(high >= 1.0);
    QVERIFY(low > 0.0);  // a log axis
    QVERIFY(plot.isLogarithmic());
    QVERIFY(plot.isBaselineShown());
    QCOMPARE(plot.pointCount(), 2);
    for (int k = 0; k < plot.pointCount(); ++k)
        QVERIFY(low <= plot.rateAt(k).y() && plot.rateAt(k).y() <= high);
}

QTEST_MAIN(TstQaoaTracePlots)
#include "qaoa_trace_plots.test.moc"
