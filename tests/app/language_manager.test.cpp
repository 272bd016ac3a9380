// SPDX-License-Identifier: MIT
// Tests of the GUI's language choice: --lang beats the preference beats the system locale, and installing.
#include "language_manager.h"

#include <QtTest>

class TstLanguageManager : public QObject {
    Q_OBJECT

private slots:
    void precedence_data();
    void precedence();
    void installEnglishNeedsNoTranslation();
    void unknownLanguageIsReported();
};

void TstLanguageManager::precedence_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("preference");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system") << QString() << QString() << QString();
    QTest::newRow("preference") << QString() << QStringLiteral("de") << QStringLiteral("de");
    QTest::newRow("command line beats preference") << QStringLiteral("en") << QStringLiteral("de")
                                                   << QStringLiteral("en");
    QTest::newRow("command line alone") << QStringLiteral("de") << QString() << QStringLiteral("de");
    QTest::newRow("blank command line") << QStringLiteral("  ") << QStringLiteral("en") << QStringLiteral("en");
}

void TstLanguageManager::precedence()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, preference);
    QFETCH(QString, expected);
    QCOMPARE(app::LanguageManager::resolveLanguage(commandLine, preference), expected);
}

void TstLanguageManager::installEnglishNeedsNoTranslation()
{
    app::LanguageManager manager;
    QVERIFY(manager.install(QStringLiteral("en")));
    QCOMPARE(manager.locale().language(), QLocale::English);
    QCOMPARE(QLocale().language(), QLocale::English);  // the default locale follows
}

void TstLanguageManager::unknownLanguageIsReported()
{
    // This test program carries no translations: an explicitly asked-for language is reported as missing, while
    // the system locale (empty code) never is.
    app::LanguageManager manager;
    QVERIFY(!manager.install(QStringLiteral("fr")));
    QCOMPARE(manager.locale().language(), QLocale::French);
    app::LanguageManager system;
    QVERIFY(system.install(QString()));
}

QTEST_GUILESS_MAIN(TstLanguageManager)
#include "language_manager.test.moc"
