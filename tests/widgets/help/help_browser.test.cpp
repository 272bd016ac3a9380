// SPDX-License-Identifier: MIT
// Tests of HelpBrowser: every panel page is compiled in, links resolve, navigation and the fallback work.
#include "help/help_browser.h"

#include <QtTest>

#include <QFile>
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
};

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

QTEST_MAIN(TstHelpBrowser)
#include "help_browser.test.moc"
