// SPDX-License-Identifier: MIT
// HelpBrowser: page lookup with language fallback, the toolbar and the browser.
#include "help/help_browser.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLocale>
#include <QStyle>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace workbench {

namespace {

const QString CONTENTS_PAGE = QStringLiteral("index");

QString resourcePath(const QString& folder, const QString& page)
{
    return QLatin1String(HELP_RESOURCE_ROOT) + folder + QLatin1Char('/') + page + QStringLiteral(".html");
}

} // namespace

QStringList HelpBrowser::panelPages()
{
    return {QStringLiteral("penalty"),     QStringLiteral("solver"),       QStringLiteral("qaoa"),
            QStringLiteral("transpile"),   QStringLiteral("warmstart"),    QStringLiteral("jobs"),
            QStringLiteral("graph-editor"), QStringLiteral("experiments"), QStringLiteral("export")};
}

HelpBrowser::HelpBrowser(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("HelpBrowser"));
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    m_browser->setOpenLinks(true);

    const auto makeButton = [this](QStyle::StandardPixmap icon) {
        auto* button = new QToolButton(this);
        button->setIcon(style()->standardIcon(icon));
        button->setAutoRaise(true);
        return button;
    };
    m_home = makeButton(QStyle::SP_DirHomeIcon);
    m_back = makeButton(QStyle::SP_ArrowBack);
    m_forward = makeButton(QStyle::SP_ArrowForward);
    retranslate();
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    connect(m_home, &QToolButton::clicked, this, &HelpBrowser::showContents);
    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QToolButton::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QToolButton::setEnabled);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_home);
    bar->addWidget(m_back);
    bar->addWidget(m_forward);
    bar->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_browser, 1);

    showContents();
}

QUrl HelpBrowser::pageUrl(const QString& page)
{
    const QString language = QLocale().name().section(QLatin1Char('_'), 0, 0);
    for (const QString& folder : {QLatin1Char('/') + language, QString()}) {
        if (folder == QLatin1String("/"))
            continue;
        const QString path = resourcePath(folder, page);
        if (QFileInfo::exists(path))
            return QUrl(QStringLiteral("qrc") + path);
    }
    return {};
}

bool HelpBrowser::showPage(const QString& page)
{
    QUrl url = pageUrl(page);
    const bool found = !url.isEmpty();
    if (!found)
        url = pageUrl(CONTENTS_PAGE);
    m_browser->setSource(url);
    return found;
}

void HelpBrowser::showContents()
{
    showPage(CONTENTS_PAGE);
}

void HelpBrowser::retranslate()
{
    m_home->setToolTip(tr("Contents"));
    m_back->setToolTip(tr("Back"));
    m_forward->setToolTip(tr("Forward"));
}

void HelpBrowser::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The same page in the new language (QLocale's default was set before the translator was installed).
        const QUrl url = pageUrl(currentPage());
        if (!url.isEmpty() && url != m_browser->source())
            m_browser->setSource(url);
    }
    QWidget::changeEvent(event);
}

QString HelpBrowser::currentPage() const
{
    return QFileInfo(m_browser->source().path()).completeBaseName();
}

} // namespace workbench
