// SPDX-License-Identifier: MIT
// LanguageManager: installs Qt's own and the workbench's translators for the system locale or a chosen language.
#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace app {

/// Owns the installed translators (they must outlive every translated string lookup, so keep this alive for
/// the application's lifetime). English is the source language and needs no translator.
class LanguageManager {
public:
    /// Installs translators for `code` ("de", "de_DE"; empty: the system locale) and makes that locale the
    /// default for number formatting. Returns false when a non-English language was asked for explicitly and
    /// the workbench has no translation for it.
    bool install(const QString& code);
    /// The locale in use after `install`.
    QLocale locale() const { return m_locale; }

    /// The language to install: the command line's --lang beats the preference, which beats the system locale
    /// (the empty result). Both arguments are language codes or empty.
    static QString resolveLanguage(const QString& commandLine, const QString& preference);

private:
    QTranslator m_qtTranslator;
    QTranslator m_appTranslator;
    QLocale m_locale;
};

} // namespace app
