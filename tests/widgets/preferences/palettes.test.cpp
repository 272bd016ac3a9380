// SPDX-License-Identifier: MIT
// Tests of the palettes: light is light, dark is dark and readable, and switching is live and reversible.
#include "preferences/palettes.h"

#include <QtTest>

#include <QApplication>
#include <QLabel>
#include <QStyle>

#include <algorithm>
#include <cmath>

using namespace workbench;

namespace {

/// WCAG-style contrast ratio of two colours (1 = none, 21 = black on white).
double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TstPalettes : public QObject {
    Q_OBJECT

private slots:
    void palettesAreReadable_data();
    void palettesAreReadable();
    void switchingIsLiveAndReversible();
};

void TstPalettes::palettesAreReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TstPalettes::palettesAreReadable()
{
    QFETCH(bool, dark);
    const QPalette p = dark ? darkPalette() : lightPalette();
    QCOMPARE(p.color(QPalette::Window).lightness() < 128, dark);
    QCOMPARE(p.color(QPalette::Base).lightness() < 128, dark);
    // Body text reaches WCAG AA (4.5:1) on windows, fields and buttons; selected text too.
    QVERIFY(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 4.5);
    QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 4.5);
    QVERIFY(contrast(p.color(QPalette::ButtonText), p.color(QPalette::Button)) >= 4.5);
    QVERIFY(contrast(p.color(QPalette::ToolTipText), p.color(QPalette::ToolTipBase)) >= 4.5);
    QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 3.0);
    // Disabled text is distinguishable from enabled text but still visible.
    QVERIFY(p.color(QPalette::Disabled, QPalette::Text) != p.color(QPalette::Active, QPalette::Text));
    QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)) >= 2.0);
}

void TstPalettes::switchingIsLiveAndReversible()
{
    QLabel label(QStringLiteral("text"));
    label.show();
    const QPalette system = QApplication::palette();
    const QString systemStyle = QApplication::style()->name();

    applyPalette(AppPreferences::Palette::Dark);
    QVERIFY(isDarkPaletteActive());
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QTRY_COMPARE(label.palette().color(QPalette::Window), darkPalette().color(QPalette::Window));  // live, no restart

    applyPalette(AppPreferences::Palette::Light);
    QVERIFY(!isDarkPaletteActive());
    QTRY_COMPARE(label.palette().color(QPalette::Window), lightPalette().color(QPalette::Window));

    applyPalette(AppPreferences::Palette::System);
    QCOMPARE(QApplication::style()->name(), systemStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), system.color(QPalette::Text));
}

QTEST_MAIN(TstPalettes)
#include "palettes.test.moc"
