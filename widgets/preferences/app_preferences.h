// SPDX-License-Identifier: MIT
// AppPreferences: the user's application-wide preferences and their QSettings group "preferences".
#pragma once

#include "sim/state_vector.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace workbench {

/// The QSettings group every preference lives in ("preferences/<key>").
inline constexpr const char* PREFERENCES_GROUP = "preferences";
/// The full key of the plot style; the figure export reads it as its default style.
inline constexpr const char* PLOT_STYLE_KEY = "preferences/plotStyle";
/// The full key of the language; main() reads it before any window exists.
inline constexpr const char* LANGUAGE_KEY = "preferences/language";
/// Most threads the preferences accept (0 = all cores).
constexpr int MAX_PREFERENCE_THREADS = 1024;

/// The application-wide preferences (not saved with a project). Values always hold a valid choice: `load`
/// replaces anything unknown or out of range by the default, so a hand-edited or old settings file never
/// reaches the panels.
struct AppPreferences {
    /// The colour scheme of the windows.
    enum class Palette { System, Light, Dark };

    QString defaultBackend = QStringLiteral("local:fez");  ///< a local backend name (engine::localBackendNames)
    int threads = 0;                                        ///< simulator and emulator threads; 0 = all cores
    engine::Precision precision = engine::Precision::Double; ///< QAOA statevector amplitudes
    QString plotStyle = QStringLiteral("light");            ///< "light" (screen) or "print" (figure export)
    Palette palette = Palette::System;
    QString language;                                       ///< "" = follow the system, "en", "de"

    /// Reads the group "preferences" of `settings`, falling back to the default for every missing or invalid
    /// value.
    static AppPreferences load(const QSettings& settings);
    /// Reads the preferences from the application's default QSettings.
    static AppPreferences load();
    /// Writes every value into the group "preferences" of `settings`.
    void save(QSettings& settings) const;
    /// Writes into the application's default QSettings.
    void save() const;

    /// The names the default backend may take: the local backends.
    static QStringList backendChoices();
    /// "light", "print".
    static QStringList plotStyleChoices();
    /// "", "en", "de" (the empty code follows the system).
    static QStringList languageChoices();
    /// "system", "light", "dark".
    static QString paletteName(Palette palette);
    /// The palette called `name`; `fallback` for any other text.
    static Palette paletteFromName(const QString& name, Palette fallback = Palette::System);

    friend bool operator==(const AppPreferences&, const AppPreferences&) = default;
};

} // namespace workbench
