// SPDX-License-Identifier: MIT
// Tests of writePaintedFigure and its two users, the circuit and routing diagrams: sizes, fitting, gate and swap
// lists as CSV.
#include "export/painted_figure.h"

#include <QtTest>

#include "csv_reader.h"

#include "circuit/circuit_view.h"
#include "routing/routing_view.h"
#include "transpile/device_topologies.h"

#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace workbench;
using engine::GateId;
using Kind = engine::RoutingStep::Kind;

namespace {

engine::Circuit smallCircuit()
{
    engine::Circuit c(3);
    c.gate(GateId::H, {0});
    c.gate(GateId::CX, {0, 2});
    c.gate(GateId::RZ, {2}, {0.5});
    const unsigned reg = c.addRegister("c", 3);
    c.measure(2, reg, 1);
    return c;
}

engine::RoutingStep step(Kind kind, unsigned a, unsigned b, unsigned timeStep, int term = -1)
{
    engine::RoutingStep s;
    s.kind = kind;
    s.physA = a;
    s.physB = b;
    s.timeStep = timeStep;
    s.term = term;
    return s;
}

FigureOptions options(FigureFormat format)
{
    FigureOptions o;
    o.format = format;
    o.unit = FigureUnit::Millimetres;
    o.width = 100.0;
    o.height = 40.0;
    o.dpi = 200;
    return o;
}

} // namespace

class TstPaintedFigure : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    }

    void fittedRectKeepsTheAspect()
    {
        double scale = 0.0;
        const QRectF r = fittedRect(QSizeF(200, 100), QRectF(0, 0, 100, 100), &scale);
        QCOMPARE(scale, 0.5);
        QCOMPARE(r, QRectF(0, 25, 100, 50));
        QCOMPARE(fittedRect(QSizeF(10, 40), QRectF(10, 0, 100, 80)), QRectF(50, 0, 20, 80));
    }

    void canvasesHaveThePhysicalSize()
    {
        QRectF painted;
        const FigurePainter paint = [&painted](QPainter& p, const QRectF& target) {
            painted = target;
            p.fillRect(QRectF(target.topLeft(), target.size() / 2.0), Qt::black);
        };
        const QString png = m_dir.filePath(QStringLiteral("p.png"));
        QVERIFY(writePaintedFigure(png, options(FigureFormat::Png), QStringLiteral("t"), Qt::white, paint));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(787, 315));  // 100 x 40 mm at 200 DPI
        QCOMPARE(image.dotsPerMeterX(), 7874);
        QCOMPARE(image.pixelColor(10, 10), QColor(Qt::black));
        QCOMPARE(image.pixelColor(780, 310), QColor(Qt::white));
        QCOMPARE(painted, QRectF(0, 0, 378, 151));  // the logical canvas, 1/96 inch per unit

        const QString svg = m_dir.filePath(QStringLiteral("p.svg"));
        QVERIFY(writePaintedFigure(svg, options(FigureFormat::Svg), QStringLiteral("t"), Qt::white, paint));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QString svgText = QString::fromUtf8(svgFile.readAll());
        static const QRegularExpression WIDTH(QStringLiteral("<svg[^>]*width=\"([0-9.]+)mm\""));
        const QRegularExpressionMatch width = WIDTH.match(svgText);
        QVERIFY(width.hasMatch());
        QVERIFY(std::abs(width.captured(1).toDouble() - 100.0) < 0.15);

        const QString pdf = m_dir.filePath(QStringLiteral("p.pdf"));
        QVERIFY(writePaintedFigure(pdf, options(FigureFormat::Pdf), QStringLiteral("t"), Qt::white, paint));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdfFile.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        static const QRegularExpression MEDIA_BOX(QStringLiteral("/MediaBox \\[\\s*0 0 ([0-9.]+) ([0-9.]+)"));
        const QRegularExpressionMatch box = MEDIA_BOX.match(QString::fromLatin1(bytes));
        QVERIFY(box.hasMatch());
        QVERIFY(std::abs(box.captured(1).toDouble() - 100.0 / 25.4 * 72.0) < 0.5);
        QVERIFY(std::abs(box.captured(2).toDouble() - 40.0 / 25.4 * 72.0) < 0.5);

        QVERIFY(!writePaintedFigure(m_dir.filePath(QStringLiteral("none/p.png")), options(FigureFormat::Png),
                                    QStringLiteral("t"), Qt::white, paint));
    }

    void circuitExportsWithOptionsAndGateList()
    {
        CircuitView view;
        view.setCircuit(smallCircuit());
        QCOMPARE(view.naturalFigureSize(), view.sceneSize());
        QVERIFY(!view.usesFigureFont());
        const double zoomBefore = view.zoom();
        for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf}) {
            const QString path = m_dir.filePath(QStringLiteral("circuit.") + figureFormatSuffix(format));
            QVERIFY(view.writeFigure(path, options(format)));
            QVERIFY(QFileInfo(path).size() > 100);
        }
        QCOMPARE(QImage(m_dir.filePath(QStringLiteral("circuit.png"))).size(), QSize(787, 315));
        QCOMPARE(view.zoom(), zoomBefore);

        bool ok = false;
        const auto rows = test_support::readCsv(view.csvData(), &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), std::size_t{5});
        QCOMPARE(rows[0], (QStringList{QStringLiteral("index"), QStringLiteral("column"), QStringLiteral("kind"),
                                       QStringLiteral("name"), QStringLiteral("qubits"), QStringLiteral("parameters"),
                                       QStringLiteral("bit")}));
        QCOMPARE(rows[2][3], QStringLiteral("cx"));
        QCOMPARE(rows[2][4], QStringLiteral("q0 q2"));
        QCOMPARE(rows[2][1], QString::number(view.columnOf(1) + 1));
        QCOMPARE(rows[3][5], QStringLiteral("0.5"));  // not "0,5" under the German locale
        QCOMPARE(rows[4][2], QStringLiteral("measure"));
        QVERIFY(!rows[4][6].isEmpty());
    }

    void routingExportsWithOptionsAndSwapLayers()
    {
        RoutingView view;
        view.setDevice(engine::squareGrid(2, 3));
        engine::RoutedLayer layer;
        layer.initialLayout = {0, 1, 2, 3};
        layer.steps = {step(Kind::Swap, 0, 1, 0), step(Kind::Term, 3, 4, 0, 0), step(Kind::SwapAndTerm, 1, 2, 1, 1)};
        view.setRouting({layer}, {0, 1, 2, 3});
        view.setCurrentStep(1);
        const QString png = m_dir.filePath(QStringLiteral("routing.png"));
        QVERIFY(view.writeFigure(png, options(FigureFormat::Png)));
        QCOMPARE(QImage(png).size(), QSize(787, 315));
        QVERIFY(view.writeFigure(m_dir.filePath(QStringLiteral("routing.pdf")), options(FigureFormat::Pdf)));
        QCOMPARE(view.currentStep(), 1);
        QVERIFY(view.naturalFigureSize().width() == 1000.0);

        bool ok = false;
        const auto rows = test_support::readCsv(view.csvData(), &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), std::size_t{1 + 3 + 4});
        QCOMPARE(rows[1], (QStringList{QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("0"),
                                       QStringLiteral("swap"), QStringLiteral("0"), QStringLiteral("1"), QString()}));
        QCOMPARE(rows[2][3], QStringLiteral("term"));
        QCOMPARE(rows[2][6], QStringLiteral("0"));
        QCOMPARE(rows[3][0], QStringLiteral("2"));
        QCOMPARE(rows[3][3], QStringLiteral("swap_and_term"));
        QCOMPARE(rows[4][3], QStringLiteral("layout"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TstPaintedFigure)
#include "painted_figure.test.moc"
