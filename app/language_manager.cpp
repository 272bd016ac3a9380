// SPDX-License-Identifier: MIT
// LanguageManager: translator loading from Qt's translation folder and the ":/i18n" resource.
#include "language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace app {

QString LanguageManager::resolveLanguage(const QString& commandLine, const QString& preference)
{
    if (!commandLine.trimmed().isEmpty())
        return commandLine.trimmed();
    return preference.trimmed();
}

bool LanguageManager::install(const QString& code)
{
    m_locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(m_locale);
    if (m_locale.language() == QLocale::English || m_locale.language() == QLocale::C)
        return true;

    // Qt's own strings (standard buttons, dialogs); Debian ships them separately, so their absence is fine.
    if (m_qtTranslator.load(m_locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);

    const bool ours = m_appTranslator.load(m_locale, QStringLiteral("qaoa-workbench"), QStringLiteral("_"),
                                           QStringLiteral(":/i18n"));
    if (ours)
        QCoreApplication::installTranslator(&m_appTranslator);
    return ours || code.isEmpty();
}

} // namespace app
