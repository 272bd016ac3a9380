// SPDX-License-Identifier: MIT
// Tests of AppPreferences: defaults, the QSettings round trip, the exact keys, and fallbacks for bad values.
#include "preferences/app_preferences.h"

#include <QtTest>

#include <QSettings>
#include <QTemporaryDir>

#include <memory>
#include <vector>

using namespace workbench;

class TstAppPreferences : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void roundTrip();
    void keysAreThoseOthersRead();
    void invalidValuesFallBack_data();
    void invalidValuesFallBack();
    void paletteNames();

private:
    QSettings* freshSettings(const QString& name);
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<QSettings>> m_settings;
};

QSettings* TstAppPreferences::freshSettings(const QString& name)
{
    m_settings.push_back(
        std::make_unique<QSettings>(m_dir.filePath(name + QStringLiteral(".ini")), QSettings::IniFormat));
    return m_settings.back().get();
}

void TstAppPreferences::defaults()
{
    const AppPreferences p = AppPreferences::load(*freshSettings(QStringLiteral("empty")));
    QCOMPARE(p, AppPreferences{});
    QCOMPARE(p.defaultBackend, QStringLiteral("local:fez"));
    QCOMPARE(p.threads, 0);
    QCOMPARE(p.precision, engine::Precision::Double);
    QCOMPARE(p.plotStyle, QStringLiteral("light"));
    QCOMPARE(p.palette, AppPreferences::Palette::System);
    QCOMPARE(p.language, QString());
    QVERIFY(AppPreferences::backendChoices().contains(p.defaultBackend));
    QVERIFY(AppPreferences::backendChoices().contains(QStringLiteral("local:ideal")));
}

void TstAppPreferences::roundTrip()
{
    AppPreferences p;
    p.defaultBackend = QStringLiteral("local:ideal");
    p.threads = 3;
    p.precision = engine::Precision::Single;
    p.plotStyle = QStringLiteral("print");
    p.palette = AppPreferences::Palette::Dark;
    p.language = QStringLiteral("de");
    QSettings* settings = freshSettings(QStringLiteral("roundtrip"));
    p.save(*settings);
    settings->sync();
    QCOMPARE(AppPreferences::load(*settings), p);
    // A second QSettings on the same file reads the same (it was written to disk, not only cached).
    QSettings reread(settings->fileName(), QSettings::IniFormat);
    QCOMPARE(AppPreferences::load(reread), p);
}

void TstAppPreferences::keysAreThoseOthersRead()
{
    AppPreferences p;
    p.plotStyle = QStringLiteral("print");
    p.language = QStringLiteral("de");
    QSettings* settings = freshSettings(QStringLiteral("keys"));
    p.save(*settings);
    // The figure export reads preferences/plotStyle, main() reads preferences/language.
    QCOMPARE(settings->value(QLatin1String(PLOT_STYLE_KEY)).toString(), QStringLiteral("print"));
    QCOMPARE(settings->value(QLatin1String(LANGUAGE_KEY)).toString(), QStringLiteral("de"));
    QCOMPARE(settings->value(QStringLiteral("preferences/precision")).toString(), QStringLiteral("double"));
    QCOMPARE(settings->value(QStringLiteral("preferences/palette")).toString(), QStringLiteral("system"));
    QCOMPARE(settings->value(QStringLiteral("preferences/defaultBackend")).toString(), QStringLiteral("local:fez"));
    QCOMPARE(settings->value(QStringLiteral("preferences/threads")).toInt(), 0);
}

void TstAppPreferences::invalidValuesFallBack_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("unknown backend") << QStringLiteral("defaultBackend") << QVariant(QStringLiteral("ibm_fez"));
    QTest::newRow("empty backend") << QStringLiteral("defaultBackend") << QVariant(QString());
    QTest::newRow("negative threads") << QStringLiteral("threads") << QVariant(-2);
    QTest::newRow("huge threads") << QStringLiteral("threads") << QVariant(MAX_PREFERENCE_THREADS + 1);
    QTest::newRow("threads not a number") << QStringLiteral("threads") << QVariant(QStringLiteral("many"));
    QTest::newRow("precision") << QStringLiteral("precision") << QVariant(QStringLiteral("quad"));
    QTest::newRow("plot style") << QStringLiteral("plotStyle") << QVariant(QStringLiteral("neon"));
    QTest::newRow("palette") << QStringLiteral("palette") << QVariant(QStringLiteral("purple"));
    QTest::newRow("language") << QStringLiteral("language") << QVariant(QStringLiteral("klingon"));
}

void TstAppPreferences::invalidValuesFallBack()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QSettings* settings = freshSettings(QStringLiteral("bad-") + QString::fromLatin1(QTest::currentDataTag())
                                                                     .replace(QLatin1Char(' '), QLatin1Char('-')));
    AppPreferences good;
    good.threads = 2;  // valid non-defaults elsewhere must survive one bad value
    good.palette = AppPreferences::Palette::Light;
    good.save(*settings);
    settings->setValue(QStringLiteral("preferences/") + key, value);
    const AppPreferences loaded = AppPreferences::load(*settings);
    const AppPreferences defaults;
    if (key == QLatin1String("threads"))
        QCOMPARE(loaded.threads, defaults.threads);
    else
        QCOMPARE(loaded.threads, 2);
    if (key == QLatin1String("palette"))
        QCOMPARE(loaded.palette, defaults.palette);
    else
        QCOMPARE(loaded.palette, AppPreferences::Palette::Light);
    QCOMPARE(loaded.defaultBackend, defaults.defaultBackend);
    QCOMPARE(loaded.precision, defaults.precision);
    QCOMPARE(loaded.plotStyle, defaults.plotStyle);
    QCOMPARE(loaded.language, defaults.language);
}

void TstAppPreferences::paletteNames()
{
    for (auto p : {AppPreferences::Palette::System, AppPreferences::Palette::Light, AppPreferences::Palette::Dark})
        QCOMPARE(AppPreferences::paletteFromName(AppPreferences::paletteName(p)), p);
    QCOMPARE(AppPreferences::paletteFromName(QStringLiteral("x"), AppPreferences::Palette::Dark),
             AppPreferences::Palette::Dark);
}

QTEST_GUILESS_MAIN(TstAppPreferences)
#include "app_preferences.test.moc"
