// SPDX-License-Identifier: MIT
// Tests of writePlotFigure through every plot type: PNG pixels and DPI, SVG and PDF physical size, CSV data, and
// the on-screen plot left as it was.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way
#include "export/plot_export.h"

#include <QtTest>

#include "csv_reader.h"
#include "test_support.h"

#include "document/project_document.h"
#include "export/exportable_figure.h"
#include "lcrp/lcrp_generator.h"
#include "plots/p1_landscape_plot.h"
#include "plots/plot_style.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/qubo_heatmap_plot.h"
#include "plots/state_histogram_plot.h"
#include "plots/warmstart_plots.h"

#include <qcustomplot.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>

using namespace workbench;

namespace {

/// One plot under test: the widget, its figure interface and plot, and a check of its CSV rows against the
/// plot's own read-outs.
struct PlotCase {
    std::shared_ptr<void> keepAlive;  // a document the plot reads
    std::unique_ptr<QWidget> widget;
    ExportableFigure* figure = nullptr;
    QCustomPlot* plot = nullptr;
    QStringList header;
    std::function<void(const std::vector<QStringList>&)> checkRows;  // rows after the header
};

double number(const QString& field)
{
    bool ok = false;
    const double value = field.toDouble(&ok);  // C locale: '.' only
    if (!ok)
        qWarning("not a number: %s", qPrintable(field));
    return ok ? value : std::numeric_limits<double>::quiet_NaN();
}

template <class Plot>
PlotCase adopt(std::unique_ptr<Plot> plot, QStringList header)
{
    PlotCase c;
    c.figure = plot.get();
    c.plot = plot->customPlot();
    c.header = std::move(header);
    c.widget = std::move(plot);
    return c;
}

std::vector<engine::QaoaProgressPoint> progress()
{
    std::vector<engine::QaoaProgressPoint> points;
    const double energies[] = {3.0, 1.25, 2.5, 0.125, 0.5};
    const double rates[] = {0.25, 0.0, 0.5, 0.0625, 0.75};
    double best = std::numeric_limits<double>::infinity();
    for (int k = 0; k < 5; ++k) {
        engine::QaoaProgressPoint point;
        point.evaluation = static_cast<std::uint64_t>(k + 1);
        point.energy = energies[k];
        best = std::min(best, energies[k]);
        point.bestEnergy = best;
        point.validRate = rates[k];
        points.push_back(point);
    }
    return points;
}

PlotCase makeCase(const QString& kind)
{
    if (kind == QLatin1String("heatmap")) {
        auto document = std::make_shared<ProjectDocument>();
        engine::LcrpGeneratorOptions options;
        options.numTasks = 2;
        options.numModels = 2;
        options.seed = 42;
        WorkbenchSettings settings;
        settings.budgetSlackBits = 1;
        document->reset(ProjectData{engine::generateLcrp(options), settings}, QString());
        auto plot = std::make_unique<QuboHeatmapPlot>(document.get());
        plot->rebuild();
        QuboHeatmapPlot* raw = plot.get();
        // The header is "variable" and the variable names (checked by position below).
        PlotCase c = adopt(std::move(plot), {});
        c.keepAlive = document;
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            QCOMPARE(static_cast<int>(rows.size()), raw->mapSize());
            for (int i = 0; i < raw->mapSize(); ++i) {
                QCOMPARE(rows[static_cast<std::size_t>(i)].size(), raw->mapSize() + 1);
                for (int j = 0; j < raw->mapSize(); ++j)
                    QCOMPARE(number(rows[static_cast<std::size_t>(i)][j + 1]), raw->mapCell(j, i));
            }
        };
        return c;
    }
    if (kind == QLatin1String("convergence")) {
        auto plot = std::make_unique<QaoaConvergencePlot>();
        plot->appendPoints(progress());
        plot->setFinalExpectation(-1.5);
        plot->replot();
        QaoaConvergencePlot* raw = plot.get();
        PlotCase c = adopt(std::move(plot), {QStringLiteral("evaluation"), QStringLiteral("energy"),
                                             QStringLiteral("best_so_far"), QStringLiteral("final_expectation")});
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            QCOMPARE(static_cast<int>(rows.size()), raw->pointCount());
            for (int k = 0; k < raw->pointCount(); ++k) {
                const QStringList& row = rows[static_cast<std::size_t>(k)];
                QCOMPARE(QPointF(number(row[0]), number(row[1])), raw->energyAt(k));
                QCOMPARE(number(row[2]), raw->bestAt(k).y());
                QCOMPARE(number(row[3]), -1.5);
            }
        };
        return c;
    }
    if (kind == QLatin1String("validRate")) {
        auto plot = std::make_unique<ValidRatePlot>();
        plot->setBaseline(0.1);
        plot->appendPoints(progress());
        plot->replot();
        ValidRatePlot* raw = plot.get();
        PlotCase c = adopt(std::move(plot), {QStringLiteral("evaluation"), QStringLiteral("valid_rate"),
                                             QStringLiteral("random_baseline"), QStringLiteral("final_rate")});
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            QCOMPARE(static_cast<int>(rows.size()), raw->pointCount());
            for (int k = 0; k < raw->pointCount(); ++k) {
                const QStringList& row = rows[static_cast<std::size_t>(k)];
                QCOMPARE(QPointF(number(row[0]), number(row[1])), raw->rateAt(k));
                QCOMPARE(number(row[2]), 0.1);
                QVERIFY(row[3].isEmpty());
            }
        };
        return c;
    }
    if (kind == QLatin1String("landscape")) {
        engine::IsingModel model;
        model.h = {0.3, -0.2, 0.1};
        model.J = {{0, 1, 1.0}, {1, 2, -0.4}};
        engine::P1GridOptions options;
        options.gammaSteps = 5;
        options.betaSteps = 4;
        const engine::P1GridResult grid = engine::p1GridSearch(model, options);
        auto plot = std::make_unique<P1LandscapePlot>();
        plot->setLandscape(grid, std::make_pair(0.25, -0.125));
        P1LandscapePlot* raw = plot.get();
        PlotCase c = adopt(std::move(plot), {QStringLiteral("gamma"), QStringLiteral("beta"), QStringLiteral("energy"),
                                             QStringLiteral("marker")});
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            QCOMPARE(static_cast<int>(rows.size()), 5 * 4 + 2);
            for (int i = 0; i < 5; ++i) {
                for (int j = 0; j < 4; ++j) {
                    const QStringList& row = rows[static_cast<std::size_t>(i * 4 + j)];
                    QCOMPARE(QPointF(number(row[0]), number(row[1])), raw->cellPosition(i, j));
                    QCOMPARE(number(row[2]), raw->cell(i, j));
                }
            }
            QCOMPARE(rows[20][3], QStringLiteral("grid_minimum"));
            QCOMPARE(QPointF(number(rows[20][0]), number(rows[20][1])), *raw->minimumMarker());
            QCOMPARE(rows[21][3], QStringLiteral("run_angles"));
            QCOMPARE(QPointF(number(rows[21][0]), number(rows[21][1])), QPointF(0.25, -0.125));
        };
        return c;
    }
    if (kind == QLatin1String("states")) {
        engine::LcrpGeneratorOptions options;
        options.numTasks = 2;
        options.numModels = 3;
        options.seed = 42;
        const engine::LcrpInstance instance = engine::generateLcrp(options);
        const engine::LcrpEncoding encoding = engine::encodeLcrp(instance, engine::LcrpEncoderOptions{});
        auto plot = std::make_unique<StateHistogramPlot>();
        // 0b001001: task 0 -> model 0, task 1 -> model 0 (valid); 0b000011: task 0 has two models (invalid).
        plot->setStates(instance, encoding, {{0b001001, 0.5}, {0b000011, 0.25}, {0b100010, 0.125}});
        StateHistogramPlot* raw = plot.get();
        PlotCase c = adopt(std::move(plot), {QStringLiteral("rank"), QStringLiteral("basis_state"),
                                             QStringLiteral("bitstring"), QStringLiteral("probability"),
                                             QStringLiteral("valid"), QStringLiteral("qubo_energy")});
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            QCOMPARE(static_cast<int>(rows.size()), raw->barCount());
            for (int k = 0; k < raw->barCount(); ++k) {
                const QStringList& row = rows[static_cast<std::size_t>(k)];
                QCOMPARE(row[0], QString::number(k + 1));
                QCOMPARE(row[1].toULongLong(), raw->barState(k));
                QCOMPARE(row[2], raw->barLabel(k));
                QCOMPARE(number(row[3]), raw->barProbability(k));
                QCOMPARE(row[4] == QLatin1String("1"), raw->barEvaluation(k).valid);
                QCOMPARE(number(row[5]), raw->barEvaluation(k).quboEnergy);
            }
        };
        return c;
    }
    if (kind == QLatin1String("energyHistogram")) {
        EnergyHistogramData data;
        data.centres = {-2.5, -1.5, -0.5};
        data.width = 1.0;
        data.fractions[EnergyHistogramData::Raw] = {0.25, 0.5, 0.25};
        data.fractions[EnergyHistogramData::Filtered] = {0.75, 0.125, 0.125};
        auto plot = std::make_unique<EnergyHistogramPlot>();
        plot->setHistogram(data, -3.0);
        PlotCase c = adopt(std::move(plot), {QStringLiteral("bin_centre"), QStringLiteral("raw"),
                                             QStringLiteral("filtered_pool"), QStringLiteral("optimum")});
        c.checkRows = [data](const std::vector<QStringList>& rows) {
            QCOMPARE(rows.size(), data.centres.size());
            for (std::size_t b = 0; b < rows.size(); ++b) {
                QCOMPARE(number(rows[b][0]), data.centres[b]);
                QCOMPARE(number(rows[b][1]), data.fractions[EnergyHistogramData::Raw][b]);
                QCOMPARE(number(rows[b][2]), data.fractions[EnergyHistogramData::Filtered][b]);
                QCOMPARE(number(rows[b][3]), -3.0);
            }
        };
        return c;
    }
    if (kind == QLatin1String("successCurves")) {
        auto plot = std::make_unique<SuccessCurvePlot>();
        plot->setCurves({5, 40, std::numeric_limits<double>::infinity()}, {1, 2}, 500.0, false);
        SuccessCurvePlot* raw = plot.get();
        PlotCase c = adopt(std::move(plot), {QStringLiteral("start"), QStringLiteral("T"), QStringLiteral("F_opt")});
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            const int random = raw->pointCount(false);
            const int warm = raw->pointCount(true);
            QCOMPARE(static_cast<int>(rows.size()), random + warm + 1);
            for (int k = 0; k < random + warm; ++k) {
                const bool isWarm = k >= random;
                const QStringList& row = rows[static_cast<std::size_t>(k)];
                QCOMPARE(row[0], isWarm ? QStringLiteral("warm") : QStringLiteral("random"));
                QCOMPARE(QPointF(number(row[1]), number(row[2])), raw->pointAt(isWarm, isWarm ? k - random : k));
            }
            QCOMPARE(rows.back()[0], QStringLiteral("cap"));
            QCOMPARE(number(rows.back()[1]), 500.0);
        };
        return c;
    }
    if (kind == QLatin1String("liveQ")) {
        engine::QFactorOptions options;
        options.cap = 100.0;
        options.bootstrapResamples = 50;
        options.seed = 3;
        auto plot = std::make_unique<LiveQFactorPlot>();
        plot->setOptions(options);
        plot->addRuns({{false, 40.0, 0.0}, {false, 80.0, 0.0}, {true, 5.0, 0.0}, {true, 10.0, 0.0}});
        plot->recomputeNow();
        plot->addRuns({{false, 60.0, 0.0}, {true, 7.0, 0.0}});
        plot->recomputeNow();
        LiveQFactorPlot* raw = plot.get();
        PlotCase c = adopt(std::move(plot), {QStringLiteral("runs"), QStringLiteral("q"),
                                             QStringLiteral("interval_lower"), QStringLiteral("interval_upper")});
        c.checkRows = [raw](const std::vector<QStringList>& rows) {
            QCOMPARE(static_cast<int>(rows.size()), raw->pointCount());
            QVERIFY(raw->pointCount() >= 1);
            for (int k = 0; k < raw->pointCount(); ++k) {
                const QStringList& row = rows[static_cast<std::size_t>(k)];
                QCOMPARE(QPointF(number(row[0]), number(row[1])), raw->pointAt(k));
                QCOMPARE(std::make_pair(number(row[2]), number(row[3])), raw->bandAt(k));
            }
        };
        return c;
    }
    // "sweep": two families, so line names carry a comma and must be quoted.
    std::vector<engine::WarmstartSummaryRow> summary;
    for (const char* family : {"regular-3", "erdos-renyi"}) {
        for (std::size_t p = 1; p <= 3; ++p) {
            engine::WarmstartSummaryRow row;
            row.family = family;
            row.n = 8;
            row.depth = p;
            row.graphs = 3;
            row.medianQ = 1.0 + 0.5 * static_cast<double>(p);
            row.minQ = row.medianQ / 2.0;
            row.maxQ = row.medianQ * 1.5;
            summary.push_back(row);
        }
    }
    auto plot = std::make_unique<QFactorSweepPlot>(QFactorSweepPlot::Axis::Depth);
    plot->setSummary(summary);
    QFactorSweepPlot* raw = plot.get();
    PlotCase c = adopt(std::move(plot), {QStringLiteral("line"), QStringLiteral("p"), QStringLiteral("median_q"),
                                         QStringLiteral("min_q"), QStringLiteral("max_q")});
    c.checkRows = [raw](const std::vector<QStringList>& rows) {
        std::size_t r = 0;
        for (int line = 0; line < raw->lineCount(); ++line) {
            QVERIFY(raw->lineName(line).contains(QLatin1Char(',')));
            for (int k = 0; k < raw->pointCount(line); ++k, ++r) {
                QVERIFY(r < rows.size());
                QCOMPARE(rows[r][0], raw->lineName(line));
                QCOMPARE(QPointF(number(rows[r][1]), number(rows[r][2])), raw->pointAt(line, k));
                QCOMPARE(std::make_pair(number(rows[r][3]), number(rows[r][4])), raw->rangeAt(line, k));
            }
        }
        QCOMPARE(r, rows.size());
        QCOMPARE(r, std::size_t{6});
    };
    return c;
}

const char* const KINDS[] = {"heatmap", "convergence", "validRate", "landscape", "states",
                             "energyHistogram", "successCurves", "liveQ", "sweep"};

/// The options of the size checks: 80 x 50 mm at 150 DPI.
FigureOptions millimetreOptions(FigureFormat format)
{
    FigureOptions options;
    options.format = format;
    options.unit = FigureUnit::Millimetres;
    options.width = 80.0;
    options.height = 50.0;
    options.dpi = 150;
    options.fontPointSize = 8.0;
    return options;
}

/// "79.9mm" -> 79.9.
double millimetres(const QString& attribute)
{
    QString text = attribute;
    if (!text.endsWith(QLatin1String("mm")))
        return std::numeric_limits<double>::quiet_NaN();
    text.chop(2);
    return number(text);
}

QImage screenImage(QCustomPlot* plot)
{
    return plot->toPixmap(420, 300).toImage();
}

} // namespace

class TstPlotExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pngHasTheRequestedPixelsAndDpi_data();
    void pngHasTheRequestedPixelsAndDpi();
    void svgHasThePhysicalSize_data();
    void svgHasThePhysicalSize();
    void pdfPageHasThePhysicalSize_data();
    void pdfPageHasThePhysicalSize();
    void csvHoldsThePlottedData_data();
    void csvHoldsThePlottedData();
    void screenPlotIsUnchanged_data();
    void screenPlotIsUnchanged();
    void printStyleIsWhiteOnADarkPalette();
    void pixelSizesScaleWithDpi();
    void unwritablePathFails();

private:
    QTemporaryDir m_dir;
};

void TstPlotExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Decimal commas must not leak into CSV or SVG numbers.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
}

#define KIND_DATA()                                                                                                 \
    QTest::addColumn<QString>("kind");                                                                              \
    for (const char* kind : KINDS)                                                                                  \
        QTest::newRow(kind) << QString::fromLatin1(kind)

void TstPlotExport::pngHasTheRequestedPixelsAndDpi_data()
{
    KIND_DATA();
}

void TstPlotExport::pngHasTheRequestedPixelsAndDpi()
{
    QFETCH(QString, kind);
    PlotCase c = makeCase(kind);
    const QString path = m_dir.filePath(kind + QStringLiteral(".png"));
    const FigureOptions options = millimetreOptions(FigureFormat::Png);
    QVERIFY(c.figure->writeFigure(path, options));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    // 80 mm x 50 mm at 150 DPI: round(80 / 25.4 * 150) x round(50 / 25.4 * 150).
    QCOMPARE(image.size(), QSize(472, 295));
    QCOMPARE(image.size(), options.pixelSize());
    QCOMPARE(image.dotsPerMeterX(), static_cast<int>(std::lround(150 / 0.0254)));
    // Not blank: more than one colour.
    const QRgb corner = image.pixel(0, 0);
    bool varied = false;
    for (int y = 0; y < image.height() && !varied; y += 7)
        for (int x = 0; x < image.width() && !varied; x += 7)
            varied = image.pixel(x, y) != corner;
    QVERIFY(varied);
}

void TstPlotExport::svgHasThePhysicalSize_data()
{
    KIND_DATA();
}

void TstPlotExport::svgHasThePhysicalSize()
{
    QFETCH(QString, kind);
    PlotCase c = makeCase(kind);
    const QString path = m_dir.filePath(kind + QStringLiteral(".svg"));
    QVERIFY(c.figure->writeFigure(path, millimetreOptions(FigureFormat::Svg)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    bool sawRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && !sawRoot) {
            sawRoot = true;
            QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
            // One logical pixel is 1/96 inch: the size is within half a pixel (0.14 mm) of 80 x 50 mm.
            QVERIFY(std::abs(millimetres(xml.attributes().value(QStringLiteral("width")).toString()) - 80.0) < 0.15);
            QVERIFY(std::abs(millimetres(xml.attributes().value(QStringLiteral("height")).toString()) - 50.0) < 0.15);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawRoot);
}

void TstPlotExport::pdfPageHasThePhysicalSize_data()
{
    KIND_DATA();
}

void TstPlotExport::pdfPageHasThePhysicalSize()
{
    QFETCH(QString, kind);
    PlotCase c = makeCase(kind);
    const QString path = m_dir.filePath(kind + QStringLiteral(".pdf"));
    QVERIFY(c.figure->writeFigure(path, millimetreOptions(FigureFormat::Pdf)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    static const QRegularExpression MEDIA_BOX(QStringLiteral("/MediaBox \\[\\s*0 0 ([0-9.]+) ([0-9.]+)\\s*\\]"));
    const QRegularExpressionMatch match = MEDIA_BOX.match(QString::fromLatin1(bytes));
    QVERIFY(match.hasMatch());
    // 80 mm = 226.77 pt, 50 mm = 141.73 pt.
    QVERIFY(std::abs(match.captured(1).toDouble() - 80.0 / 25.4 * 72.0) < 0.5);
    QVERIFY(std::abs(match.captured(2).toDouble() - 50.0 / 25.4 * 72.0) < 0.5);
}

void TstPlotExport::csvHoldsThePlottedData_data()
{
    KIND_DATA();
}

void TstPlotExport::csvHoldsThePlottedData()
{
    QFETCH(QString, kind);
    PlotCase c = makeCase(kind);
    const QString text = c.figure->csvData();
    QVERIFY(text.endsWith(QLatin1String("\r\n")));
    bool ok = false;
    std::vector<QStringList> rows = test_support::readCsv(text, &ok);
    QVERIFY(ok);
    QVERIFY(!rows.empty());
    if (c.header.isEmpty())
        QCOMPARE(rows.front().value(0), QStringLiteral("variable"));
    else
        QCOMPARE(rows.front(), c.header);
    for (const QStringList& row : rows)
        QCOMPARE(row.size(), rows.front().size());
    rows.erase(rows.begin());
    c.checkRows(rows);
    // The default locale writes decimal commas, yet every number above read back through the C locale.
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
}

void TstPlotExport::screenPlotIsUnchanged_data()
{
    KIND_DATA();
}

void TstPlotExport::screenPlotIsUnchanged()
{
    QFETCH(QString, kind);
    PlotCase c = makeCase(kind);
    c.widget->resize(420, 300);
    c.widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(c.widget.get()));
    c.plot->replot();
    const QRect axisRectBefore = c.plot->axisRect()->rect();
    const QImage before = screenImage(c.plot);
    c.plot->replot();
    const QCPRange xBefore = c.plot->xAxis->range();
    const QCPRange yBefore = c.plot->yAxis->range();
    const QFont labelBefore = c.plot->xAxis->labelFont();
    const QRect viewportBefore = c.plot->viewport();
    FigureOptions options = millimetreOptions(FigureFormat::Png);
    options.style = FigureStyle::Print;
    options.fontPointSize = 14.0;
    options.width = 200.0;  // another aspect than the screen's
    for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
        options.format = format;
        QVERIFY(c.figure->writeFigure(m_dir.filePath(kind + QStringLiteral("-print.") + figureFormatSuffix(format)),
                                      options));
    }
    // Equal up to rounding: the heat map's square-cell rule recomputes its range on every layout.
    for (const auto& [now, then] : {std::make_pair(c.plot->xAxis->range(), xBefore),
                                    std::make_pair(c.plot->yAxis->range(), yBefore)}) {
        QAOA_COMPARE_NEAR(now.lower, then.lower, 1e-12);
        QAOA_COMPARE_NEAR(now.upper, then.upper, 1e-12);
    }
    QCOMPARE(c.plot->xAxis->labelFont(), labelBefore);
    QCOMPARE(c.plot->viewport(), viewportBefore);
    QCOMPARE(c.plot->axisRect()->rect(), axisRectBefore);  // laid out for the screen again
    QVERIFY(screenImage(c.plot) == before);
}

void TstPlotExport::printStyleIsWhiteOnADarkPalette()
{
    PlotCase c = makeCase(QStringLiteral("convergence"));
    QPalette dark = c.plot->palette();
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    c.plot->setPalette(dark);  // the screen style follows the palette
    QCOMPARE(plotBackground(c.plot), QColor(0x20, 0x20, 0x20));
    QCOMPARE(c.plot->xAxis->tickLabelColor(), QColor(0xee, 0xee, 0xee));

    FigureOptions options = millimetreOptions(FigureFormat::Png);
    const QString light = m_dir.filePath(QStringLiteral("dark-light.png"));
    const QString print = m_dir.filePath(QStringLiteral("dark-print.png"));
    QVERIFY(c.figure->writeFigure(light, options));
    options.style = FigureStyle::Print;
    QVERIFY(c.figure->writeFigure(print, options));
    QCOMPARE(QImage(light).pixelColor(1, 1), QColor(0x20, 0x20, 0x20));
    QCOMPARE(QImage(print).pixelColor(1, 1), QColor(Qt::white));
    // The print style recolours the best-so-far line (screen blue) with Okabe–Ito blue; the screen keeps its own.
    QCOMPARE(printColour(QColor(0x1f, 0x77, 0xb4)), QColor(0x00, 0x72, 0xb2));
    QCOMPARE(printColour(QColor(0x90, 0x90, 0x90)).hslSaturation(), 0);
    auto* convergence = static_cast<QaoaConvergencePlot*>(c.widget.get());
    QCOMPARE(convergence->bestGraph()->pen().color(), QColor(0x1f, 0x77, 0xb4));
    QCOMPARE(plotBackground(c.plot), QColor(0x20, 0x20, 0x20));
}

void TstPlotExport::pixelSizesScaleWithDpi()
{
    PlotCase c = makeCase(QStringLiteral("validRate"));
    FigureOptions options;
    options.format = FigureFormat::Png;
    options.unit = FigureUnit::Pixels;
    options.width = 480;
    options.height = 320;
    for (int dpi : {96, 192, 300}) {
        options.dpi = dpi;
        const QString path = m_dir.filePath(QStringLiteral("px-%1.png").arg(dpi));
        QVERIFY(c.figure->writeFigure(path, options));
        // A pixel size is 1/96 inch: the PNG has size x dpi / 96 pixels.
        const QSize expected(static_cast<int>(std::lround(480.0 * dpi / 96.0)),
                             static_cast<int>(std::lround(320.0 * dpi / 96.0)));
        QCOMPARE(QImage(path).size(), expected);
    }
}

void TstPlotExport::unwritablePathFails()
{
    PlotCase c = makeCase(QStringLiteral("states"));
    for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
        FigureOptions options = millimetreOptions(format);
        QVERIFY(!c.figure->writeFigure(m_dir.filePath(QStringLiteral("missing/x.") + figureFormatSuffix(format)),
                                       options));
    }
}

QTEST_MAIN(TstPlotExport)
#include "plot_export.test.moc"
