// SPDX-License-Identifier: MIT
// Tests of OutcomeHistogramPlot: one bar per outcome at its rank, bitstrings variable 0 first, the hover text.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way
#include "bundle/outcome_histogram_plot.h"

#include <qcustomplot.h>

#include <QtTest>

using namespace workbench;

class TstOutcomeHistogramPlot : public QObject {
    Q_OBJECT

private slots:
    void barsFollowTheOutcomes()
    {
        OutcomeHistogramPlot plot;
        plot.resize(500, 300);
        const std::vector<OutcomeBar> bars{{0b0001, 0.5, -3.0}, {0b0110, 0.25, -2.0}, {0b1000, 0.125, 1.5}};
        plot.setOutcomes(bars, 4, QStringLiteral("probability"));
        QCOMPARE(plot.barCount(), 3);
        QCOMPARE(plot.bars()->dataCount(), 3);
        for (int k = 0; k < 3; ++k) {
            const auto it = plot.bars()->data()->at(k);
            QCOMPARE(it->key, double(k));
            QCOMPARE(it->value, bars[static_cast<std::size_t>(k)].probability);
        }
        // Variable (qubit) 0 is the least-significant bit of the index and is written first.
        QCOMPARE(plot.barLabel(0), QStringLiteral("1000"));
        QCOMPARE(plot.barLabel(1), QStringLiteral("0110"));
        QCOMPARE(plot.barLabel(2), QStringLiteral("0001"));
        const QString text = plot.describeBar(2);
        QVERIFY2(text.contains(QStringLiteral("0001")) && text.contains(QStringLiteral("1.5")), qPrintable(text));
        QCOMPARE(plot.customPlot()->yAxis->label(), QStringLiteral("probability"));
        QVERIFY(plot.customPlot()->yAxis->range().upper > 0.5);  // room above the tallest bar

        plot.customPlot()->replot();
        const QPointF centre(plot.customPlot()->xAxis->coordToPixel(1.0), plot.customPlot()->yAxis->coordToPixel(0.1));
        QCOMPARE(plot.barIndexAt(centre), 1);

        plot.clear();
        QCOMPARE(plot.barCount(), 0);
        QCOMPARE(plot.bars()->dataCount(), 0);
    }
};

QTEST_MAIN(TstOutcomeHistogramPlot)
#include "outcome_histogram_plot.test.moc"
