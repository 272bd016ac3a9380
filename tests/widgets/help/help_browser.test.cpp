// SPDX-License-Identifier: MIT
// Tests of HelpBrowser: every panel page is compiled in (English and German), links resolve, navigation, the
// language choice and the fallbacks work.
#include "help/help_browser.h"

#include <QtTest>

#include <QEvent>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTextBrowser>

using namespace workbench;

class TstHelpBrowser : public QObject {
    Q_OBJECT

private slots:
    void everyPanelHasAPage();
    void linksResolve();
    void showsPagesAndNavigates();
    void unknownPageFallsBackToContents();
    void germanPagesAreCompleteAndLinked();
    void germanPageChosenUnderGerman();
    void missingTranslationFallsBackToEnglish();
    void languageChangeReloadsThePage();
    void cleanup();
};

namespace {

/// The page names: the contents page and every panel page.
QStringList allPages()
{
    QStringList pages = HelpBrowser::panelPages();
    pages.prepend(QStringLiteral("index"));
    return pages;
}

QString readResource(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// The tags of a page in order (<h1>, <table>, <tr>, ...), without attributes: its structure.
QStringList tagsOf(const QString& html)
{
    static const QRegularExpression tag(QStringLiteral("<(/?[a-z0-9]+)[\\s>]"));
    QStringList tags;
    for (auto it = tag.globalMatch(html); it.hasNext();)
        tags << it.next().captured(1);
    return tags;
}

} // namespace

void TstHelpBrowser::cleanup()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstHelpBrowser::everyPanelHasAPage()
{
    QStringList pages = HelpBrowser::panelPages();
    QCOMPARE(pages.size(), 9);
    pages.prepend(QStringLiteral("index"));
    for (const QString& page : std::as_const(pages)) {
        const QUrl url = HelpBrowser::pageUrl(page);
        QVERIFY2(!url.isEmpty(), qPrintable(page));
        QFile file(QLatin1Char(':') + url.path());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(url.toString()));
        const QString html = QString::fromUtf8(file.readAll());
        QVERIFY2(html.contains(QStringLiteral("<h1>")), qPrintable(page));
        // A real explanation, not a placeholder.
        QVERIFY2(html.size() > 800, qPrintable(page));
    }
}

void TstHelpBrowser::linksResolve()
{
    // Every relative link of every page names a page that exists.
    QStringList pages = HelpBrowser::panelPages();
    pages.prepend(QStringLiteral("index"));
    const QRegularExpression link(QStringLiteral("href=\"([a-z-]+)\\.(html|css)\""));
    int links = 0;
    for (const QString& page : std::as_const(pages)) {
        QFile file(QLatin1Char(':') + HelpBrowser::pageUrl(page).path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        for (auto it = link.globalMatch(html); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString target = QStringLiteral(":/help/") + m.captured(1) + QLatin1Char('.') + m.captured(2);
            QVERIFY2(QFile::exists(target), qPrintable(page + QStringLiteral(" -> ") + target));
            ++links;
        }
    }
    QVERIFY(links >= 20);
    // The contents page links every panel page.
    QFile index(QStringLiteral(":/help/index.html"));
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QString contents = QString::fromUtf8(index.readAll());
    for (const QString& page : HelpBrowser::panelPages())
        QVERIFY2(contents.contains(QStringLiteral("href=\"%1.html\"").arg(page)), qPrintable(page));
}

void TstHelpBrowser::showsPagesAndNavigates()
{
    HelpBrowser help;
    QCOMPARE(help.currentPage(), QStringLiteral("index"));
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("QAOA Workbench")));
    QVERIFY(help.showPage(QStringLiteral("qaoa")));
    QCOMPARE(help.currentPage(), QStringLiteral("qaoa"));
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("AR*")));
    QVERIFY(help.browser()->isBackwardAvailable());
    help.browser()->backward();
    QCOMPARE(help.currentPage(), QStringLiteral("index"));
    help.browser()->forward();
    QCOMPARE(help.currentPage(), QStringLiteral("qaoa"));
    help.showContents();
    QCOMPARE(help.currentPage(), QStringLiteral("index"));
}

void TstHelpBrowser::unknownPageFallsBackToContents()
{
    HelpBrowser help;
    help.showPage(QStringLiteral("jobs"));
    QVERIFY(!help.showPage(QStringLiteral("no-such-page")));
    QCOMPARE(help.currentPage(), QStringLiteral("index"));
    QVERIFY(HelpBrowser::pageUrl(QStringLiteral("no-such-page")).isEmpty());
}

void TstHelpBrowser::germanPagesAreCompleteAndLinked()
{
    // Every English page has a German one with the same structure (same tags in the same order) and the same
    // links, and every relative link of a German page names a German page.
    const QRegularExpression link(QStringLiteral("href=\"([a-z./-]+)\""));
    for (const QString& page : allPages()) {
        const QString english = readResource(QStringLiteral(":/help/%1.html").arg(page));
        const QString german = readResource(QStringLiteral(":/help/de/%1.html").arg(page));
        QVERIFY2(!german.isEmpty(), qPrintable(page));
        QVERIFY2(german.contains(QStringLiteral("lang=\"de\"")), qPrintable(page));
        QCOMPARE(tagsOf(german), tagsOf(english));
        QStringList englishLinks;
        QStringList germanLinks;
        for (auto it = link.globalMatch(english); it.hasNext();)
            englishLinks << it.next().captured(1);
        for (auto it = link.globalMatch(german); it.hasNext();) {
            const QString target = it.next().captured(1);
            germanLinks << target;
            QVERIFY2(QFile::exists(QStringLiteral(":/help/de/") + target), qPrintable(page + QStringLiteral(" -> ") + target));
        }
        // The same pages, the style sheet one folder up.
        englishLinks.replaceInStrings(QStringLiteral("style.css"), QStringLiteral("../style.css"));
        QCOMPARE(germanLinks, englishLinks);
        QVERIFY2(german.size() > 800, qPrintable(page));
    }
}

void TstHelpBrowser::germanPageChosenUnderGerman()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    for (const QString& page : allPages())
        QCOMPARE(HelpBrowser::pageUrl(page), QUrl(QStringLiteral("qrc:/help/de/%1.html").arg(page)));
    HelpBrowser help;
    QCOMPARE(help.currentPage(), QStringLiteral("index"));
    QCOMPARE(help.browser()->source(), QUrl(QStringLiteral("qrc:/help/de/index.html")));
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("Bereiche")));
    QVERIFY(help.showPage(QStringLiteral("warmstart")));
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("Laufzeitvergleich")));
    // A link on a German page stays in German (QTextBrowser resolves a clicked link against the page's URL).
    help.showContents();
    const QUrl target = help.browser()->source().resolved(QUrl(QStringLiteral("qaoa.html")));
    QCOMPARE(target, QUrl(QStringLiteral("qrc:/help/de/qaoa.html")));
    help.browser()->setSource(target);
    QCOMPARE(help.currentPage(), QStringLiteral("qaoa"));
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("Ergebnis")));
    // Other German regions use the same pages.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Switzerland));
    QCOMPARE(HelpBrowser::pageUrl(QStringLiteral("jobs")), QUrl(QStringLiteral("qrc:/help/de/jobs.html")));
}

void TstHelpBrowser::missingTranslationFallsBackToEnglish()
{
    // No French pages: every page is the English one.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    for (const QString& page : allPages())
        QCOMPARE(HelpBrowser::pageUrl(page), QUrl(QStringLiteral("qrc:/help/%1.html").arg(page)));
    HelpBrowser help;
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("Panels")));
    // Unknown pages stay unknown in every language.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(HelpBrowser::pageUrl(QStringLiteral("no-such-page")).isEmpty());
    QVERIFY(!help.showPage(QStringLiteral("no-such-page")));
    QCOMPARE(help.browser()->source(), QUrl(QStringLiteral("qrc:/help/de/index.html")));
}

void TstHelpBrowser::languageChangeReloadsThePage()
{
    HelpBrowser help;
    QVERIFY(help.showPage(QStringLiteral("transpile")));
    QCOMPARE(help.browser()->source(), QUrl(QStringLiteral("qrc:/help/transpile.html")));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&help, &change);
    QCOMPARE(help.currentPage(), QStringLiteral("transpile"));
    QCOMPARE(help.browser()->source(), QUrl(QStringLiteral("qrc:/help/de/transpile.html")));
    QVERIFY(help.browser()->toPlainText().contains(QStringLiteral("Transpilieren")));
}

QTEST_MAIN(TstHelpBrowser)
#include "help_browser.test.moc"
