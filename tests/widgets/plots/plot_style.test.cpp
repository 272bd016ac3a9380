// SPDX-License-Identifier: MIT
// Tests of the shared plot look: the inset legend and horizontal reference lines.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way
#include "plots/plot_style.h"

#include <QtTest>

#include <qcustomplot.h>

class TstPlotStyle : public QObject {
    Q_OBJECT

private slots:
    void legendIsInsetSmallAndTranslucent()
    {
        QCustomPlot plot;
        QFont base = plot.font();
        base.setPointSizeF(10.0);
        workbench::styleInsetLegend(&plot, base, Qt::AlignBottom | Qt::AlignLeft);
        QVERIFY(plot.legend->visible());
        QCOMPARE(plot.legend->font().pointSizeF(), 8.0);
        QCOMPARE(plot.legend->brush().color().alpha(), 190);
        QCOMPARE(plot.legend->iconSize(), QSize(16, 8));
        QCOMPARE(plot.legend->rowSpacing(), -3);
        QCOMPARE(plot.axisRect()->insetLayout()->insetAlignment(0), Qt::AlignBottom | Qt::AlignLeft);
    }

    void horizontalLineSitsAtTheValue()
    {
        QCustomPlot plot;
        auto* line = new QCPItemStraightLine(&plot);
        workbench::setHorizontalLine(line, 0.25);
        QCOMPARE(line->point1->coords(), QPointF(0.0, 0.25));
        QCOMPARE(line->point2->coords(), QPointF(1.0, 0.25));
    }
};

QTEST_MAIN(TstPlotStyle)
#include "plot_style.test.moc"
