// SPDX-License-Identifier: MIT
// Tests of StateHistogramPlot: bars per state coloured by one-hot validity, decoding, bar lookup under the mouse.
#include "plots/state_histogram_plot.h"

#include <QtTest>

#include "test_support.h"

#include "core/bits.h"
#include "lcrp/lcrp_generator.h"

using namespace workbench;

namespace {

struct Fixture {
    engine::LcrpInstance instance;
    engine::LcrpEncoding encoding;
};

Fixture twoByThree()
{
    engine::LcrpGeneratorOptions options;
    options.numTasks = 2;
    options.numModels = 3;
    options.seed = 42;
    Fixture f;
    f.instance = engine::generateLcrp(options);
    engine::LcrpEncoderOptions encoder;
    encoder.budgetSlackBits = 2;
    f.encoding = engine::encodeLcrp(f.instance, encoder);
    return f;
}

/// Basis index of bits given as a string in variable order ("100010" + slack).
std::uint64_t index(const char* bits)
{
    return engine::bitsToIndex(engine::bitsFromString(bits));
}

/// The slow rule: every task row of M bits has exactly one 1.
bool oneHot(std::uint64_t state, std::size_t tasks, std::size_t models)
{
    for (std::size_t i = 0; i < tasks; ++i) {
        int ones = 0;
        for (std::size_t j = 0; j < models; ++j)
            ones += static_cast<int>((state >> (i * models + j)) & 1U);
        if (ones != 1)
            return false;
    }
    return true;
}

} // namespace

class TstStateHistogramPlot : public QObject {
    Q_OBJECT

private slots:
    void barsAreColouredByValidity();
    void atMostTwentyBars();
    void hoverFindsTheBar();
};

void TstStateHistogramPlot::barsAreColouredByValidity()
{
    const Fixture f = twoByThree();
    const std::vector<std::pair<std::uint64_t, double>> states{
        {index("10000100"), 0.30},  // task 0 -> model 0, task 1 -> model 2: valid
        {index("11000100"), 0.20},  // task 0 has two models: invalid
        {index("01001011"), 0.15},  // valid, slack 11
        {index("00000000"), 0.10},  // nothing chosen: invalid
    };
    StateHistogramPlot plot;
    plot.setStates(f.instance, f.encoding, states);
    QCOMPARE(plot.barCount(), 4);
    QCOMPARE(plot.validBarCount(), 2);
    QCOMPARE(plot.invalidBarCount(), 2);
    const QColor validColour = plot.barColour(0);
    const QColor invalidColour = plot.barColour(1);
    QVERIFY(validColour.isValid() && invalidColour.isValid());
    QVERIFY(validColour != invalidColour);
    QVERIFY(validColour.green() > validColour.red());
    QVERIFY(invalidColour.red() > invalidColour.green());
    for (int k = 0; k < 4; ++k) {
        const bool valid = oneHot(plot.barState(k), 2, 3);
        QCOMPARE(plot.barEvaluation(k).valid, valid);
        QCOMPARE(plot.barColour(k), valid ? validColour : invalidColour);
        QCOMPARE(plot.barProbability(k), states[std::size_t(k)].second);
        // The decoding is evaluateBits of the state's bits.
        const engine::LcrpEvaluation e =
            engine::evaluateBits(f.instance, f.encoding, engine::bitsFromIndex(plot.barState(k), 8));
        QCOMPARE(plot.barEvaluation(k).assignment, e.assignment);
        QAOA_COMPARE_NEAR(plot.barEvaluation(k).costUsd, e.costUsd, 1e-12);
    }
    QCOMPARE(plot.barLabel(0), QStringLiteral("100 001 | 00"));
    QCOMPARE(plot.barLabel(2), QStringLiteral("010 010 | 11"));

    const QString text = plot.describeBar(0);
    const QString model0 = QString::fromStdString(f.instance.models[0].name);
    const QString model2 = QString::fromStdString(f.instance.models[2].name);
    QVERIFY2(text.contains(QStringLiteral("T-000 → ") + model0), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("T-001 → ") + model2), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("valid")));
    QVERIFY(text.contains(QStringLiteral("30 %")));
    QVERIFY(plot.describeBar(1).contains(QStringLiteral("invalid")));
    QVERIFY(plot.describeBar(1).contains(QStringLiteral("(not one-hot)")));

    plot.clear();
    QCOMPARE(plot.barCount(), 0);
    QCOMPARE(plot.validBarCount() + plot.invalidBarCount(), 0);
}

void TstStateHistogramPlot::atMostTwentyBars()
{
    const Fixture f = twoByThree();
    std::vector<std::pair<std::uint64_t, double>> states;
    for (std::uint64_t z = 0; z < 64; ++z)
        states.emplace_back(z, 1.0 / double(z + 2));
    StateHistogramPlot plot;
    plot.setStates(f.instance, f.encoding, states);
    QCOMPARE(plot.barCount(), MAX_HISTOGRAM_BARS);
    QCOMPARE(plot.validBarCount() + plot.invalidBarCount(), MAX_HISTOGRAM_BARS);
    int valid = 0;
    for (std::uint64_t z = 0; z < std::uint64_t(MAX_HISTOGRAM_BARS); ++z)
        valid += oneHot(z, 2, 3) ? 1 : 0;
    QCOMPARE(plot.validBarCount(), valid);
    plot.setStates(f.instance, f.encoding, states, 5);
    QCOMPARE(plot.barCount(), 5);
}

void TstStateHistogramPlot::hoverFindsTheBar()
{
    const Fixture f = twoByThree();
    StateHistogramPlot plot;
    plot.resize(600, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.setStates(f.instance, f.encoding,
                   {{index("10000100"), 0.4}, {index("11000100"), 0.3}, {index("01001011"), 0.2}});
    QTest::qWait(50);  // the queued replot lays out the axes
    for (int k = 0; k < plot.barCount(); ++k)
        QCOMPARE(plot.barIndexAt(plot.barCentre(k)), k);
    // Above the shortest bar, between bars and outside the plot there is no bar.
    const QPointF third = plot.barCentre(2);
    QCOMPARE(plot.barIndexAt(QPointF(third.x(), third.y() - 150)), -1);
    QCOMPARE(plot.barIndexAt(QPointF((plot.barCentre(0).x() + plot.barCentre(1).x()) / 2.0, plot.barCentre(1).y())),
             -1);
    QCOMPARE(plot.barIndexAt(QPointF(-10, -10)), -1);
}

QTEST_MAIN(TstStateHistogramPlot)
#include "state_histogram_plot.test.moc"
