// SPDX-License-Identifier: MIT
// Tests of the warm-start plots: the drawn data against hand-computed references, ranges, legends and export.
#include "plots/warmstart_plots.h"

#include <QtTest>

#include "test_support.h"

#include <QTemporaryDir>

#include <cmath>
#include <limits>
#include <random>

using namespace workbench;

namespace {

constexpr double NEVER = std::numeric_limits<double>::infinity();

/// F(T) counted by hand.
double fractionWithin(const std::vector<double>& times, double limit)
{
    int hits = 0;
    for (double t : times)
        if (t <= limit)
            ++hits;
    return static_cast<double>(hits) / static_cast<double>(times.size());
}

engine::WarmstartSummaryRow summaryRow(std::size_t n, std::size_t p, double median, double low, double high)
{
    engine::WarmstartSummaryRow row;
    row.family = "regular-3";
    row.n = n;
    row.depth = p;
    row.graphs = 3;
    row.medianQ = median;
    row.minQ = low;
    row.maxQ = high;
    return row;
}

} // namespace

class TstWarmstartPlots : public QObject {
    Q_OBJECT

private slots:
    void histogramShowsEachSetAsFractions();
    void histogramLeavesOutAbsentSets();
    void successCurvesStepAtEveryFirstSuccess();
    void successCurvesInSeconds();
    void liveQEqualsTheEstimator();
    void liveQWaitsForBothStartTypes();
    void liveQRecomputesInTheBackground();
    void liveQFinishTakesTheExperimentsEstimate();
    void sweepPlotsOneLinePerSizeOrDepth();
    void sweepPlotsLeaveOutNonPositiveMedians();
    void plotsExport();
};

void TstWarmstartPlots::histogramShowsEachSetAsFractions()
{
    EnergyHistogramData data;
    data.centres = {-3.0, -2.0, -1.0, 0.0};
    data.width = 1.0;
    data.fractions[EnergyHistogramData::Raw] = {0.1, 0.2, 0.3, 0.4};
    data.fractions[EnergyHistogramData::Mitigated] = {0.2, 0.2, 0.3, 0.3};
    data.fractions[EnergyHistogramData::Filtered] = {0.75, 0.25, 0.0, 0.0};
    EnergyHistogramPlot plot;
    plot.setHistogram(data, -3.0);
    QCOMPARE(plot.seriesCount(), 3);
    QCOMPARE(plot.binCount(), 4);
    QCOMPARE(plot.legendNames(), (QStringList{QStringLiteral("raw"), QStringLiteral("mitigated"),
                                              QStringLiteral("filtered pool")}));
    for (auto series : {EnergyHistogramData::Raw, EnergyHistogramData::Mitigated, EnergyHistogramData::Filtered}) {
        QCOMPARE(plot.barCount(series), 4);
        for (int b = 0; b < 4; ++b) {
            QCOMPARE(plot.barAt(series, b).x(), data.centres[static_cast<std::size_t>(b)]);
            QCOMPARE(plot.barAt(series, b).y(), data.fractions[series][static_cast<std::size_t>(b)]);
        }
    }
    QVERIFY(plot.isOptimumShown());
    const auto [left, right] = plot.keyRange();
    QVERIFY(left <= -3.5 && right >= 0.5);
    const auto [low, high] = plot.valueRange();
    QCOMPARE(low, 0.0);
    QVERIFY(high >= 0.75);
    QCOMPARE(plot.keyLabel(), QStringLiteral("QUBO energy"));
    QCOMPARE(plot.valueLabel(), QStringLiteral("fraction of samples"));
}

void TstWarmstartPlots::histogramLeavesOutAbsentSets()
{
    // The binning itself: a 3-variable QUBO whose energies are integers, counted by hand.
    engine::QuboModel qubo(3);
    qubo.addLinear(0, -1.0);
    qubo.addLinear(1, -2.0);
    qubo.addQuadratic(0, 1, 3.0);
    qubo.addLinear(2, 1.0);
    engine::SampleCounts raw(3);
    std::mt19937_64 rng(5);
    for (int shot = 0; shot < 500; ++shot)
        raw.add(rng() % 8);
    engine::SampleCounts filtered(3);
    filtered.add(0b010, 3.0);  // energy -2
    filtered.add(0b001, 1.0);  // energy -1
    const EnergyHistogramData data = energyHistogram(qubo, raw, std::nullopt, filtered);
    QVERIFY(data.fractions[EnergyHistogramData::Mitigated].empty());
    // Energies of the 8 strings span -2 .. 1 (x = 011: -1 - 2 + 3 = 0; x = 100: 1): one bin per integer.
    QCOMPARE(data.width, 1.0);
    QCOMPARE(data.centres, (std::vector<double>{-2.0, -1.0, 0.0, 1.0}));
    for (auto series : {EnergyHistogramData::Raw, EnergyHistogramData::Filtered}) {
        const engine::SampleCounts& set = series == EnergyHistogramData::Raw ? raw : filtered;
        std::vector<double> expected(4, 0.0);
        for (const auto& [index, count] : set.counts()) {
            const double e = qubo.energy(engine::bitsFromIndex(index, 3));
            expected[static_cast<std::size_t>(std::lround(e + 2.0))] += count / set.total();
        }
        for (std::size_t b = 0; b < 4; ++b)
            QAOA_COMPARE_NEAR(data.fractions[series][b], expected[b], 1e-12);
    }
    QAOA_COMPARE_NEAR(data.fractions[EnergyHistogramData::Filtered][0], 0.75, 1e-12);

    EnergyHistogramPlot plot;
    plot.setHistogram(data, std::nullopt);
    QCOMPARE(plot.seriesCount(), 2);
    QCOMPARE(plot.legendNames(), (QStringList{QStringLiteral("raw"), QStringLiteral("filtered pool")}));
    QCOMPARE(plot.barCount(EnergyHistogramData::Mitigated), 0);
    QVERIFY(!plot.isOptimumShown());
    plot.clear();
    QCOMPARE(plot.seriesCount(), 0);
    QCOMPARE(plot.barCount(EnergyHistogramData::Raw), 0);
}

void TstWarmstartPlots::successCurvesStepAtEveryFirstSuccess()
{
    const std::vector<double> random{5, 40, NEVER, 40, 300, NEVER};
    const std::vector<double> warm{1, 1, 2, 7, NEVER, 12};
    SuccessCurvePlot plot;
    plot.setCurves(random, warm, 500.0, false);
    QVERIFY(plot.isKeyLogarithmic());
    QCOMPARE(plot.keyLabel(), QStringLiteral("iterations T"));
    QCOMPARE(plot.legendNames(), (QStringList{QStringLiteral("random starts"), QStringLiteral("warm starts")}));
    // Start at 0, one step per distinct finite t, then on to the cap.
    QCOMPARE(plot.pointCount(false), 1 + 3 + 1);
    QCOMPARE(plot.pointCount(true), 1 + 4 + 1);
    for (bool w : {false, true}) {
        const std::vector<double>& list = w ? warm : random;
        QCOMPARE(plot.pointAt(w, 0).y(), 0.0);
        QCOMPARE(plot.pointAt(w, plot.pointCount(w) - 1).x(), 500.0);
        for (int k = 1; k < plot.pointCount(w); ++k) {
            const QPointF p = plot.pointAt(w, k);
            QCOMPARE(p.y(), fractionWithin(list, p.x()));
            QCOMPARE(p.y(), engine::successFraction(list, p.x()));
            QVERIFY(p.x() > plot.pointAt(w, k - 1).x());
        }
    }
    const auto [left, right] = plot.keyRange();
    QVERIFY(left > 0.0 && left < 1.0 && right >= 500.0);
    QCOMPARE(plot.valueRange().first, 0.0);
    QVERIFY(plot.valueRange().second >= 1.0);
}

void TstWarmstartPlots::successCurvesInSeconds()
{
    SuccessCurvePlot plot;
    plot.setCurves({0.02, NEVER}, {0.001, 0.004}, 0.1, true);
    QCOMPARE(plot.keyLabel(), QStringLiteral("seconds T"));
    QCOMPARE(plot.pointCount(true), 1 + 2 + 1);
    QCOMPARE(plot.pointAt(true, 2).y(), 1.0);
    QCOMPARE(plot.pointAt(false, plot.pointCount(false) - 1).y(), 0.5);
    QVERIFY(plot.keyRange().first < 0.001);
    plot.clear();
    QCOMPARE(plot.pointCount(false), 0);
}

namespace {

/// 60 random and 60 warm runs of an iteration-based experiment with cap 500 (seeded).
std::vector<WarmstartRunPoint> someRuns()
{
    std::mt19937_64 rng(5);
    std::uniform_int_distribution<int> iterations(1, 600);
    std::vector<WarmstartRunPoint> runs;
    for (int k = 0; k < 120; ++k) {
        const bool warm = k >= 60;
        const int t = warm ? iterations(rng) / 4 + 1 : iterations(rng);
        runs.push_back({warm, t > 500 ? NEVER : static_cast<double>(t), 0.0});
    }
    return runs;
}

} // namespace

void TstWarmstartPlots::liveQRecomputesInTheBackground()
{
    engine::QFactorOptions options;
    options.cap = 500.0;
    options.bootstrapResamples = 100;
    options.seed = 9;
    LiveQFactorPlot plot;
    plot.setOptions(options);
    const std::vector<WarmstartRunPoint> runs = someRuns();
    plot.addRuns(runs);
    QCOMPARE(plot.pointCount(), 0);  // stored only; the timer starts the estimate on a worker
    QTRY_COMPARE_WITH_TIMEOUT(plot.pointCount(), 1, 5000);
    QTRY_VERIFY(!plot.isRecomputing());
    std::vector<double> random;
    std::vector<double> warm;
    for (const WarmstartRunPoint& run : runs)
        (run.warm ? warm : random).push_back(run.t);
    const engine::QFactorResult expected = engine::estimateQFactor(random, warm, options);
    QVERIFY(plot.current().has_value());
    QCOMPARE(plot.current()->q, expected.q);
    QCOMPARE(plot.pointAt(0), QPointF(120.0, expected.q));
    // clear() drops an estimate still under way: nothing arrives afterwards.
    plot.addRuns(runs);
    plot.clear();
    QTest::qWait(3 * LiveQFactorPlot::RECOMPUTE_INTERVAL_MS);
    QTRY_VERIFY(!plot.isRecomputing());
    QTest::qWait(20);
    QCOMPARE(plot.pointCount(), 0);
    QVERIFY(!plot.current().has_value());
}

void TstWarmstartPlots::liveQFinishTakesTheExperimentsEstimate()
{
    engine::QFactorOptions options;
    options.cap = 500.0;
    options.bootstrapResamples = 0;
    LiveQFactorPlot plot;
    plot.setOptions(options);
    const std::vector<WarmstartRunPoint> runs = someRuns();
    plot.addRuns(runs);
    engine::QFactorResult experiment;
    experiment.q = 2.5;
    experiment.kind = engine::QFactorKind::Estimate;
    experiment.interval = engine::QFactorInterval{2.0, 3.0, 0.95, 100, 0};
    plot.finish(experiment);
    // Shown at once, as given (no recomputation), and no background estimate replaces it later.
    QCOMPARE(plot.pointCount(), 1);
    QCOMPARE(plot.pointAt(0), QPointF(120.0, 2.5));
    QCOMPARE(plot.bandAt(0), std::make_pair(2.0, 3.0));
    QTest::qWait(3 * LiveQFactorPlot::RECOMPUTE_INTERVAL_MS);
    QTRY_VERIFY(!plot.isRecomputing());
    QCOMPARE(plot.pointCount(), 1);
    QCOMPARE(plot.current()->q, 2.5);
}

void TstWarmstartPlots::liveQEqualsTheEstimator()
{
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<int> iterations(1, 600);
    std::vector<WarmstartRunPoint> runs;
    for (int k = 0; k < 80; ++k) {
        const int t = iterations(rng);
        runs.push_back({false, t > 500 ? NEVER : static_cast<double>(t), 0.0});
    }
    for (int k = 0; k < 80; ++k) {
        const int t = iterations(rng) / 4 + 1;
        runs.push_back({true, t > 120 ? NEVER : static_cast<double>(t), 0.0});
    }
    engine::QFactorOptions options;
    options.cap = 500.0;
    options.bootstrapResamples = 200;
    options.seed = 3;
    LiveQFactorPlot plot;
    plot.setOptions(options);
    // Two batches: random runs first, as the experiment reports them, then the warm ones.
    plot.addRuns({runs.begin(), runs.begin() + 100});
    plot.recomputeNow();
    plot.addRuns({runs.begin() + 100, runs.end()});
    plot.recomputeNow();
    QCOMPARE(plot.pointCount(), 2);

    std::vector<double> random;
    std::vector<double> warm;
    for (const WarmstartRunPoint& run : runs)
        (run.warm ? warm : random).push_back(run.t);
    const engine::QFactorResult expected = engine::estimateQFactor(random, warm, options);
    QVERIFY(plot.current().has_value());
    QCOMPARE(plot.current()->q, expected.q);
    QCOMPARE(plot.current()->kind, expected.kind);
    QVERIFY(expected.interval.has_value());
    QCOMPARE(plot.pointAt(1), QPointF(160.0, expected.q));
    QCOMPARE(plot.bandAt(1), std::make_pair(expected.interval->lower, expected.interval->upper));
    // The first point: all random runs and the first 20 warm ones.
    const std::vector<double> firstWarm(warm.begin(), warm.begin() + 20);
    QCOMPARE(plot.pointAt(0), QPointF(100.0, engine::estimateQFactor(random, firstWarm, options).q));
    const auto [low, high] = plot.valueRange();
    QCOMPARE(low, 0.0);
    QVERIFY(high >= std::max(1.0, expected.interval->upper));
    QCOMPARE(plot.legendNames(), (QStringList{QStringLiteral("bootstrap interval"), QStringLiteral("Q so far")}));
}

void TstWarmstartPlots::liveQWaitsForBothStartTypes()
{
    engine::QFactorOptions options;
    options.cap = 100.0;
    LiveQFactorPlot plot;
    plot.setOptions(options);
    plot.addRuns({{false, 3.0, 0.0}, {false, NEVER, 0.0}});
    plot.recomputeNow();
    QCOMPARE(plot.pointCount(), 0);  // no warm run yet
    QVERIFY(!plot.current().has_value());
    // The timer recomputes by itself.
    plot.addRuns({{true, 1.0, 0.0}});
    QTRY_COMPARE_WITH_TIMEOUT(plot.pointCount(), 1, 2000);
    QCOMPARE(plot.pointAt(0).y(), engine::estimateQFactor({3.0, NEVER}, {1.0}, options).q);
    QCOMPARE(plot.bandAt(0).first, plot.pointAt(0).y());  // no bootstrap: the band collapses onto Q
    plot.clear();
    QCOMPARE(plot.pointCount(), 0);
    QVERIFY(plot.randomTimes().empty() && plot.warmTimes().empty());
}

void TstWarmstartPlots::sweepPlotsOneLinePerSizeOrDepth()
{
    const std::vector<engine::WarmstartSummaryRow> summary{
        summaryRow(6, 1, 2.0, 1.5, 3.0), summaryRow(6, 2, 4.0, 2.0, 8.0),
        summaryRow(8, 1, 1.5, 0.5, 2.5), summaryRow(8, 2, 3.0, 3.0, 3.0)};
    QFactorSweepPlot byDepth(QFactorSweepPlot::Axis::Depth);
    byDepth.setSummary(summary);
    QVERIFY(byDepth.isValueLogarithmic());
    QCOMPARE(byDepth.keyLabel(), QStringLiteral("QAOA depth p"));
    QCOMPARE(byDepth.lineCount(), 2);
    QCOMPARE(byDepth.legendNames(), (QStringList{QStringLiteral("N = 6"), QStringLiteral("N = 8")}));
    QCOMPARE(byDepth.pointCount(0), 2);
    QCOMPARE(byDepth.pointAt(0, 1), QPointF(2.0, 4.0));
    QCOMPARE(byDepth.rangeAt(0, 1), std::make_pair(2.0, 8.0));
    QCOMPARE(byDepth.pointAt(1, 0), QPointF(1.0, 1.5));
    QCOMPARE(byDepth.rangeAt(1, 0), std::make_pair(0.5, 2.5));
    const auto [low, high] = byDepth.valueRange();
    QVERIFY(low > 0.0 && low < 0.5 && high > 8.0);
    const auto [left, right] = byDepth.keyRange();
    QVERIFY(left < 1.0 && right > 2.0);

    QFactorSweepPlot bySize(QFactorSweepPlot::Axis::Size);
    bySize.setSummary(summary);
    QCOMPARE(bySize.keyLabel(), QStringLiteral("vertices N"));
    QCOMPARE(bySize.legendNames(), (QStringList{QStringLiteral("p = 1"), QStringLiteral("p = 2")}));
    QCOMPARE(bySize.pointAt(1, 1), QPointF(8.0, 3.0));
    QCOMPARE(bySize.rangeAt(1, 1), std::make_pair(3.0, 3.0));
    const auto [sizeLeft, sizeRight] = bySize.keyRange();
    QVERIFY(sizeLeft < 6.0 && sizeRight > 8.0);

    // A second family names its lines.
    std::vector<engine::WarmstartSummaryRow> two = summary;
    two.push_back(summaryRow(6, 1, 5.0, 5.0, 5.0));
    two.back().family = "er-0.3";
    bySize.setSummary(two);
    QCOMPARE(bySize.lineCount(), 3);
    QCOMPARE(bySize.lineName(2), QStringLiteral("er-0.3, p = 1"));
    bySize.clear();
    QCOMPARE(bySize.lineCount(), 0);
}

void TstWarmstartPlots::sweepPlotsLeaveOutNonPositiveMedians()
{
    std::vector<engine::WarmstartSummaryRow> summary{summaryRow(6, 1, 0.0, 0.0, 0.0), summaryRow(6, 2, 2.0, 0.0, 4.0),
                                                     summaryRow(6, 3, std::nan(""), 0.0, 0.0)};
    summary[2].graphs = 0;
    QFactorSweepPlot plot(QFactorSweepPlot::Axis::Depth);
    plot.setSummary(summary);
    QCOMPARE(plot.lineCount(), 1);
    QCOMPARE(plot.pointCount(0), 1);
    QCOMPARE(plot.pointAt(0, 0), QPointF(2.0, 2.0));
    // min Q = 0 (a warm failure) sits at the axis floor, above 0.
    const auto [low, high] = plot.rangeAt(0, 0);
    QVERIFY(low > 0.0 && low < 2.0);
    QCOMPARE(high, 4.0);
    QVERIFY(plot.valueRange().first <= low);
}

void TstWarmstartPlots::plotsExport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SuccessCurvePlot plot;
    plot.setCurves({5, 40}, {1, 2}, 500.0, false);
    plot.resize(400, 300);
    for (const char* name : {"curves.png", "curves.svg", "curves.pdf"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY(plot.exportTo(path));
        QVERIFY(QFileInfo(path).size() > 100);
    }
    QImage image(dir.filePath(QStringLiteral("curves.png")));
    QVERIFY(image.width() >= 600 && image.height() >= 400);
    QVERIFY(!plot.exportTo(dir.filePath(QStringLiteral("no/such/folder/x.png"))));
}

QTEST_MAIN(TstWarmstartPlots)
#include "warmstart_plots.test.moc"
