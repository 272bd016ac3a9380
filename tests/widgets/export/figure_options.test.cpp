// SPDX-License-Identifier: MIT
// Tests of FigureOptions: unit conversions, pixel sizes at a DPI, limits, suffixes and the QSettings round trip.
#include "export/figure_options.h"

#include <QtTest>

#include <QSettings>
#include <QStandardPaths>

#include <cmath>
#include <limits>

using namespace workbench;

class TstFigureOptions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_figure_options"));
        QSettings().clear();
    }

    void millimetresConvert()
    {
        FigureOptions options;
        options.unit = FigureUnit::Millimetres;
        options.width = 254.0;  // 10 inches
        options.height = 127.0;
        options.dpi = 300;
        QCOMPARE(options.sizeInches(), QSizeF(10.0, 5.0));
        QCOMPARE(options.pixelSize(), QSize(3000, 1500));
        QCOMPARE(options.logicalSize(), QSize(960, 480));
        QCOMPARE(options.pointSize(), QSizeF(720.0, 360.0));
        QCOMPARE(options.millimetreSize(), QSizeF(254.0, 127.0));
    }

    void pixelsAreAtNinetySixDpi()
    {
        FigureOptions options;
        options.unit = FigureUnit::Pixels;
        options.width = 800;
        options.height = 600;
        options.dpi = 192;
        QCOMPARE(options.logicalSize(), QSize(800, 600));
        QCOMPARE(options.pixelSize(), QSize(1600, 1200));
        QCOMPARE(options.pointSize(), QSizeF(600.0, 450.0));
        options.setLogicalSize(QSizeF(96.0, 48.0));
        QCOMPARE(options.width, 96.0);
        options.unit = FigureUnit::Millimetres;
        options.setLogicalSize(QSizeF(96.0, 48.0));
        QCOMPARE(options.width, 25.4);
        QCOMPARE(options.height, 12.7);
    }

    void sanitizedClampsEveryField()
    {
        FigureOptions options;
        options.dpi = 5;
        options.fontPointSize = std::numeric_limits<double>::quiet_NaN();
        options.width = -3.0;
        options.height = 1e9;
        const FigureOptions clean = options.sanitized();
        QCOMPARE(clean.dpi, FIGURE_MIN_DPI);
        QCOMPARE(clean.fontPointSize, FigureOptions{}.fontPointSize);
        QCOMPARE(clean.width, FigureOptions{}.width);
        QVERIFY(clean.pixelSize().height() <= FIGURE_MAX_PIXELS);
        options.dpi = 100000;
        options.fontPointSize = 1000.0;
        QCOMPARE(options.sanitized().dpi, FIGURE_MAX_DPI);
        QCOMPARE(options.sanitized().fontPointSize, FIGURE_MAX_POINT_SIZE);
        // Within the limits nothing changes.
        QCOMPARE(FigureOptions{}.sanitized(), FigureOptions{});
    }

    void suffixPicksTheFormat()
    {
        QCOMPARE(figureFormatForPath(QStringLiteral("/a/b.SVG")), FigureFormat::Svg);
        QCOMPARE(figureFormatForPath(QStringLiteral("b.pdf")), FigureFormat::Pdf);
        QCOMPARE(figureFormatForPath(QStringLiteral("b.png")), FigureFormat::Png);
        QCOMPARE(figureFormatForPath(QStringLiteral("b")), FigureFormat::Png);
        QCOMPARE(figureFormatSuffix(FigureFormat::Pdf), QStringLiteral("pdf"));
    }

    void settingsRoundTrip()
    {
        QSettings().clear();
        QCOMPARE(loadFigureOptions(), FigureOptions{});
        FigureOptions options;
        options.format = FigureFormat::Svg;
        options.unit = FigureUnit::Pixels;
        options.width = 1024;
        options.height = 512;
        options.dpi = 150;
        options.fontFamily = QStringLiteral("DejaVu Serif");
        options.fontPointSize = 11.5;
        options.style = FigureStyle::Print;
        options.writeCsv = true;
        saveFigureOptions(options);
        QCOMPARE(loadFigureOptions(), options);
        // A damaged value falls back to its default.
        QSettings().setValue(QStringLiteral("figureExport/dpi"), QStringLiteral("lots"));
        QCOMPARE(loadFigureOptions().dpi, FigureOptions{}.dpi);
    }
};

QTEST_GUILESS_MAIN(TstFigureOptions)
#include "figure_options.test.moc"
