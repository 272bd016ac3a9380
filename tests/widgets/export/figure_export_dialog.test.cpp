// SPDX-License-Identifier: MIT
// Tests of FigureExportDialog: suffix and format follow each other, unit conversion, natural size, font lock.
#include "export/figure_export_dialog.h"

#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace workbench;

class TstFigureExportDialog : public QObject {
    Q_OBJECT

private slots:
    void optionsRoundTrip()
    {
        FigureOptions options;
        options.format = FigureFormat::Pdf;
        options.unit = FigureUnit::Millimetres;
        options.width = 120.0;
        options.height = 80.0;
        options.dpi = 600;
        options.fontPointSize = 10.5;
        options.style = FigureStyle::Print;
        options.writeCsv = true;
        FigureExportDialog dialog(QStringLiteral("Plot"), options, QStringLiteral("/tmp/plot.pdf"), {}, true);
        FigureOptions shown = dialog.options();
        QVERIFY(!shown.fontFamily.isEmpty());
        shown.fontFamily.clear();
        QCOMPARE(shown, options);
        QCOMPARE(dialog.path(), QStringLiteral("/tmp/plot.pdf"));
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.naturalSizeButton()->isVisibleTo(&dialog));
    }

    void suffixAndFormatFollowEachOther()
    {
        FigureExportDialog dialog(QStringLiteral("Plot"), FigureOptions{}, QStringLiteral("/tmp/plot.png"), {}, true);
        dialog.formatCombo()->setCurrentIndex(1);
        QCOMPARE(dialog.path(), QStringLiteral("/tmp/plot.svg"));
        QCOMPARE(dialog.options().format, FigureFormat::Svg);
        dialog.pathEdit()->setText(QStringLiteral("/tmp/other.PDF"));
        QCOMPARE(dialog.options().format, FigureFormat::Pdf);
        dialog.pathEdit()->setText(QStringLiteral("/tmp/noSuffix"));
        QCOMPARE(dialog.options().format, FigureFormat::Pdf);  // kept
        dialog.formatCombo()->setCurrentIndex(0);
        QCOMPARE(dialog.path(), QStringLiteral("/tmp/noSuffix.png"));
        dialog.pathEdit()->clear();
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void unitChangeKeepsThePhysicalSize()
    {
        FigureOptions options;
        options.unit = FigureUnit::Millimetres;
        options.width = 254.0;
        options.height = 127.0;
        options.dpi = 300;
        FigureExportDialog dialog(QStringLiteral("Plot"), options, QStringLiteral("p.png"), {}, true);
        QCOMPARE(dialog.pixelSizeText().contains(QStringLiteral("3000")), true);
        dialog.unitCombo()->setCurrentIndex(1);  // px
        QCOMPARE(dialog.widthSpin()->value(), 960.0);
        QCOMPARE(dialog.heightSpin()->value(), 480.0);
        QCOMPARE(dialog.options().pixelSize(), QSize(3000, 1500));
        dialog.dpiSpin()->setValue(96);
        QCOMPARE(dialog.options().pixelSize(), QSize(960, 480));
        dialog.unitCombo()->setCurrentIndex(0);
        QCOMPARE(dialog.widthSpin()->value(), 254.0);
    }

    void naturalSizeAndFontLock()
    {
        FigureOptions options;
        options.unit = FigureUnit::Pixels;
        FigureExportDialog dialog(QStringLiteral("Circuit"), options, QStringLiteral("c.png"), QSizeF(1234.0, 321.0),
                                  false);
        QVERIFY(dialog.naturalSizeButton()->isVisibleTo(&dialog));
        QVERIFY(!dialog.fontCombo()->isEnabled());
        QVERIFY(!dialog.fontSizeSpin()->isEnabled());
        dialog.naturalSizeButton()->click();
        QCOMPARE(dialog.widthSpin()->value(), 1234.0);
        QCOMPARE(dialog.heightSpin()->value(), 321.0);
    }
};

QTEST_MAIN(TstFigureExportDialog)
#include "figure_export_dialog.test.moc"
