// SPDX-License-Identifier: MIT
// Tests of the runtime comparison plot: points, table and CSV against an engine comparison, censoring, export.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way
#include "plots/runtime_comparison_plot.h"

#include <QtTest>

#include "test_support.h"

#include "export/figure_export.h"
#include "graph/graph_generators.h"

#include <qcustomplot.h>

#include <QTableWidget>
#include <QTemporaryDir>

#include <cmath>
#include <limits>

using namespace workbench;
using test_support::near;

namespace {

/// A comparison measured by the engine on a small graph: every method reaches the optimum quickly.
engine::RuntimeComparison measuredComparison()
{
    const engine::WeightedGraph g = engine::randomRegularGraph(12, 3, engine::WeightKind::Unit, 5);
    engine::RuntimeComparisonOptions o;
    o.runs = 4;
    o.timeLimitSeconds = 0.02;
    o.exactTimeLimitSeconds = 30.0;
    o.seed = 7;
    return engine::compareExpectedRuntimes(g, {}, std::nullopt, o);
}

/// A hand-made comparison with one censored method.
engine::RuntimeComparison handComparison()
{
    engine::RuntimeComparison c;
    c.optimumCut = 10.0;
    c.optimumSource = "given";
    c.methods.push_back({"tabu", {0.5, 0.1, 10, 2, false}, 0.4});
    c.methods.push_back({"vns", {2.0, 0.2, 10, 0, true}, std::numeric_limits<double>::infinity()});
    return c;
}

} // namespace

class TstRuntimeComparisonPlot : public QObject {
    Q_OBJECT

private slots:
    void showsTheEngineResult();
    void censoredMethodsAreHollowAndMarked();
    void clearEmptiesPlotAndTable();
    void csvListsEveryMethod();
    void exportsEveryFormat();
};

void TstRuntimeComparisonPlot::showsTheEngineResult()
{
    const engine::RuntimeComparison c = measuredComparison();
    QVERIFY(!c.cancelled);
    QCOMPARE(c.methods.size(), std::size_t(4));  // tabu, vns, burer, exact (no pool: no tabu-warm)
    RuntimeComparisonPlot plot;
    plot.setComparison(c, 0.02);
    QCOMPARE(plot.methodCount(), 4);
    QVERIFY(plot.isKeyLogarithmic());
    QVERIFY(plot.isLimitShown());
    QCOMPARE(plot.table()->rowCount(), 4);
    QStringList expectedLegend;
    for (int k = 0; k < 4; ++k) {
        const engine::MethodRuntime& m = c.methods[static_cast<std::size_t>(k)];
        const double probability = static_cast<double>(m.runtime.successes) / static_cast<double>(m.runtime.runs);
        QCOMPARE(plot.pointAt(k), QPointF(m.runtime.value, probability));
        // The drawn marker is the same point.
        QCOMPARE(plot.graph(k)->dataCount(), 1);
        QVERIFY(near(plot.graph(k)->data()->at(0)->key, m.runtime.value, 0.0));
        QVERIFY(near(plot.graph(k)->data()->at(0)->value, probability, 0.0));
        // The marker lies inside the shown range of the log axis.
        QVERIFY(plot.keyRange().first < m.runtime.value && m.runtime.value < plot.keyRange().second);
        QCOMPARE(plot.table()->item(k, RuntimeComparisonPlot::MethodColumn)->text(),
                 RuntimeComparisonPlot::methodName(m.method));
        QCOMPARE(plot.table()->item(k, RuntimeComparisonPlot::SuccessesColumn)->text(),
                 QStringLiteral("%1 of %2").arg(m.runtime.successes).arg(m.runtime.runs));
        expectedLegend << plot.graph(k)->name();
    }
    QCOMPARE(plot.legendNames(), expectedLegend);
    QCOMPARE(plot.table()->item(0, RuntimeComparisonPlot::MethodColumn)->text(),
             RuntimeComparisonPlot::methodName("tabu"));
    QCOMPARE(plot.comparison().optimumCut, c.optimumCut);
}

void TstRuntimeComparisonPlot::censoredMethodsAreHollowAndMarked()
{
    RuntimeComparisonPlot plot;
    plot.setComparison(handComparison(), 0.0);
    QVERIFY(!plot.isLimitShown());
    QCOMPARE(plot.methodCount(), 2);
    QCOMPARE(plot.pointAt(0), QPointF(0.5, 0.2));
    QCOMPARE(plot.pointAt(1), QPointF(2.0, 0.0));
    QCOMPARE(plot.graph(0)->scatterStyle().brush().style(), Qt::SolidPattern);
    QCOMPARE(plot.graph(1)->scatterStyle().brush().style(), Qt::NoBrush);
    QVERIFY(plot.graph(1)->name().contains(RuntimeComparisonPlot::methodName("vns")));
    QVERIFY(plot.graph(1)->name() != RuntimeComparisonPlot::methodName("vns"));
    QVERIFY(plot.table()->item(1, RuntimeComparisonPlot::ExpectedColumn)->text().startsWith(QLatin1Char('>')));
    QCOMPARE(plot.table()->item(1, RuntimeComparisonPlot::MedianColumn)->text(), QStringLiteral("∞"));
    QCOMPARE(RuntimeComparisonPlot::methodName("something-new"), QStringLiteral("something-new"));
}

void TstRuntimeComparisonPlot::clearEmptiesPlotAndTable()
{
    RuntimeComparisonPlot plot;
    plot.setComparison(handComparison(), 0.1);
    plot.clear();
    QCOMPARE(plot.methodCount(), 0);
    QCOMPARE(plot.customPlot()->graphCount(), 0);
    QCOMPARE(plot.table()->rowCount(), 0);
    QVERIFY(!plot.isLimitShown());
    QVERIFY(plot.legendNames().isEmpty());
}

void TstRuntimeComparisonPlot::csvListsEveryMethod()
{
    RuntimeComparisonPlot plot;
    plot.setComparison(handComparison(), 0.1);
    const QStringList rows = plot.csvData().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0], QStringLiteral("method,expected_seconds,argmin_seconds,successes,runs,success_probability,"
                                     "median_seconds,censored"));
    QCOMPARE(rows[1], QStringLiteral("tabu,0.5,0.1,2,10,0.2,0.4,0"));
    QCOMPARE(rows[2], QStringLiteral("vns,2,0.2,0,10,0,inf,1"));
}

void TstRuntimeComparisonPlot::exportsEveryFormat()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RuntimeComparisonPlot plot;
    plot.setComparison(handComparison(), 0.1);
    plot.resize(500, 400);
    for (const char* name : {"runtimes.png", "runtimes.svg", "runtimes.pdf"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY(plot.exportTo(path));
        QVERIFY(QFileInfo(path).size() > 100);
    }
    QImage image(dir.filePath(QStringLiteral("runtimes.png")));
    QVERIFY(image.width() >= 600 && image.height() >= 400);
    // Through the shared figure export, with the data beside it.
    FigureOptions options;
    options.format = FigureFormat::Svg;
    options.writeCsv = true;
    QVERIFY(exportFigureTo(plot, dir.filePath(QStringLiteral("shared.svg")), options));
    QFile csv(dir.filePath(QStringLiteral("shared.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(csv.readAll()), plot.csvData());
    // The plot's context menu reaches it as an exportable figure.
    QCOMPARE(exportableFigureAt(plot.customPlot()), static_cast<ExportableFigure*>(&plot));
    QVERIFY(!plot.exportTo(dir.filePath(QStringLiteral("no/such/folder/x.png"))));
}

QTEST_MAIN(TstRuntimeComparisonPlot)
#include "runtime_comparison_plot.test.moc"
