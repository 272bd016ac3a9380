// SPDX-License-Identifier: MIT
// HelpBrowser: the help pages compiled into the resources (":/help"), shown in a QTextBrowser with navigation.
#pragma once

#include <QStringList>
#include <QUrl>
#include <QWidget>

class QTextBrowser;
class QToolButton;

namespace workbench {

/// Resource folder of the help pages ("<page>.html", and per language "<lang>/<page>.html" when translated).
inline constexpr const char* HELP_RESOURCE_ROOT = ":/help";

/// Home, Back and Forward over a QTextBrowser that shows the pages under HELP_RESOURCE_ROOT. A page is named by
/// its file's base name ("index", "qaoa", ...). When a page exists in the language of QLocale() (for example
/// ":/help/de/qaoa.html") that one is shown, else the English one. Links between pages and anchors work as in
/// any QTextBrowser; external links open in the system browser. When the UI language changes (a LanguageChange
/// event, sent when the application installs a translator), the page shown is reloaded in the new language.
class HelpBrowser final : public QWidget {
    Q_OBJECT

public:
    /// The page names of the panels, in the order of the contents page.
    static QStringList panelPages();

    explicit HelpBrowser(QWidget* parent = nullptr);

    /// Shows the page called `page`; the contents page when it does not exist. Returns false in that case.
    bool showPage(const QString& page);
    /// Shows the contents page.
    void showContents();
    /// The resource URL of `page` in the current language (falling back to English); empty when it does not
    /// exist.
    static QUrl pageUrl(const QString& page);
    /// The name of the page shown now.
    QString currentPage() const;

    QTextBrowser* browser() const { return m_browser; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QTextBrowser* m_browser = nullptr;
    QToolButton* m_home = nullptr;
    QToolButton* m_back = nullptr;
    QToolButton* m_forward = nullptr;
};

} // namespace workbench
