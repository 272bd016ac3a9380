// SPDX-License-Identifier: MIT
// Tests of ExperimentPlot: series per other-axis value, the valid rate with its random baseline, text axes, live.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way
#include "experiment/experiment_plot.h"

#include <QtTest>

#include <qcustomplot.h>

using namespace workbench;

namespace {

engine::ExperimentHeader header()
{
    return {"qaoa", {"p", "mixer"}, {"valid_rate", "random_valid_rate", "seconds"}};
}

engine::ExperimentRow row(std::size_t point, double p, const char* mixer, double rate, double seconds)
{
    engine::ExperimentRow r;
    r.point = point;
    r.axes = {p, std::string(mixer)};
    r.metrics = {rate, 0.05, seconds};
    return r;
}

} // namespace

class TstExperimentPlot : public QObject {
    Q_OBJECT

private slots:
    void seriesPerMixerWithBaseline()
    {
        ExperimentPlot plot;
        plot.setHeader(header());
        QCOMPARE(plot.xAxis(), QStringLiteral("p"));
        QCOMPARE(plot.metric(), QStringLiteral("valid_rate"));
        // Rows arrive out of order, live.
        plot.addRows({row(3, 2, "xy", 1.0, 0.1), row(0, 1, "x", 0.2, 0.1)});
        plot.addRows({row(1, 1, "xy", 0.9, 0.2), row(2, 2, "x", 0.3, 0.3)});
        QCOMPARE(plot.seriesCount(), 2);
        QCOMPARE(plot.seriesName(0), QStringLiteral("mixer=x"));
        QCOMPARE(plot.seriesName(1), QStringLiteral("mixer=xy"));
        QCOMPARE(plot.pointCount(0), 2);
        QCOMPARE(plot.pointAt(0, 0), QPointF(1, 0.2));
        QCOMPARE(plot.pointAt(0, 1), QPointF(2, 0.3));
        QCOMPARE(plot.pointAt(1, 1), QPointF(2, 1.0));
        QVERIFY(plot.hasBaseline(0) && plot.hasBaseline(1));
        QCOMPARE(plot.baselinePointCount(1), 2);
        QCOMPARE(plot.baselinePointAt(1, 0), QPointF(1, 0.05));
        QCOMPARE(plot.customPlot()->graphCount(), 4);
        QCOMPARE(plot.customPlot()->graph(1)->pen().style(), Qt::DashLine);
        // Another metric has no baseline.
        plot.setMetric(QStringLiteral("seconds"));
        QVERIFY(!plot.hasBaseline(0));
        QCOMPARE(plot.customPlot()->graphCount(), 2);
        QCOMPARE(plot.pointAt(1, 0), QPointF(1, 0.2));
        plot.setMetric(QStringLiteral("no_such_metric"));
        QCOMPARE(plot.metric(), QStringLiteral("seconds"));
    }

    void textAxisAsCategoriesAndFailuresLeftOut()
    {
        ExperimentPlot plot;
        plot.setHeader(header());
        engine::ExperimentRow failed = row(4, 3, "x", 0.0, 0.0);
        failed.status = engine::ExperimentRowStatus::Failed;
        plot.addRows({row(0, 1, "x", 0.2, 0.1), row(1, 1, "xy", 0.9, 0.2), row(2, 2, "x", 0.3, 0.3), failed});
        plot.setXAxis(QStringLiteral("mixer"));
        QCOMPARE(plot.categories(), (QStringList{QStringLiteral("x"), QStringLiteral("xy")}));
        QCOMPARE(plot.seriesCount(), 2);  // p=1 and p=2
        QCOMPARE(plot.seriesName(0), QStringLiteral("p=1"));
        QCOMPARE(plot.pointCount(0), 2);
        QCOMPARE(plot.pointAt(0, 1), QPointF(1, 0.9));
        QCOMPARE(plot.pointCount(1), 1);  // the failed p=3 row is left out
        QCOMPARE(plot.seriesName(1), QStringLiteral("p=2"));
        plot.clear();
        QCOMPARE(plot.seriesCount(), 0);
        QCOMPARE(plot.customPlot()->graphCount(), 0);
    }

    void singleAxisIsOneSeries()
    {
        ExperimentPlot plot;
        plot.setHeader({"warmstart", {"filter"}, {"q_factor", "seconds"}});
        QCOMPARE(plot.metric(), QStringLiteral("q_factor"));
        engine::ExperimentRow a;
        a.axes = {std::string("none")};
        a.metrics = {1.5, 0.1};
        engine::ExperimentRow b;
        b.point = 1;
        b.axes = {std::string("energy")};
        b.metrics = {engine::ExperimentValue(), 0.1};  // undefined Q: no point
        plot.addRows({a, b});
        QCOMPARE(plot.seriesCount(), 1);
        QCOMPARE(plot.seriesName(0), QStringLiteral("all"));
        QCOMPARE(plot.pointCount(0), 1);
        QVERIFY(!plot.hasBaseline(0));
    }
};

QTEST_MAIN(TstExperimentPlot)
#include "experiment_plot.test.moc"
