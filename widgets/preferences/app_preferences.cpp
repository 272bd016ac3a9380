// SPDX-License-Identifier: MIT
// AppPreferences: validation against the known choices, and the QSettings mapping.
#include "preferences/app_preferences.h"

#include "emulator/local_backend.h"

#include <QSettings>

namespace workbench {

namespace {

const QString BACKEND_KEY = QStringLiteral("defaultBackend");
const QString THREADS_KEY = QStringLiteral("threads");
const QString PRECISION_KEY = QStringLiteral("precision");
const QString PLOT_STYLE = QStringLiteral("plotStyle");
const QString PALETTE_KEY = QStringLiteral("palette");
const QString LANGUAGE = QStringLiteral("language");

QString oneOf(const QString& value, const QStringList& choices, const QString& fallback)
{
    return choices.contains(value) ? value : fallback;
}

} // namespace

AppPreferences AppPreferences::load(const QSettings& settings)
{
    const AppPreferences defaults;
    AppPreferences p;
    const QString group = QLatin1String(PREFERENCES_GROUP) + QLatin1Char('/');
    p.defaultBackend =
        oneOf(settings.value(group + BACKEND_KEY).toString(), backendChoices(), defaults.defaultBackend);

    bool ok = false;
    const int threads = settings.value(group + THREADS_KEY, defaults.threads).toInt(&ok);
    p.threads = ok && threads >= 0 && threads <= MAX_PREFERENCE_THREADS ? threads : defaults.threads;

    const QString precision = settings.value(group + PRECISION_KEY).toString();
    p.precision = precision == QLatin1String("single") ? engine::Precision::Single : engine::Precision::Double;

    p.plotStyle = oneOf(settings.value(group + PLOT_STYLE).toString(), plotStyleChoices(), defaults.plotStyle);
    p.palette = paletteFromName(settings.value(group + PALETTE_KEY).toString(), defaults.palette);
    p.language = oneOf(settings.value(group + LANGUAGE).toString(), languageChoices(), defaults.language);
    return p;
}

AppPreferences AppPreferences::load()
{
    return load(QSettings());
}

void AppPreferences::save(QSettings& settings) const
{
    settings.beginGroup(QLatin1String(PREFERENCES_GROUP));
    settings.setValue(BACKEND_KEY, defaultBackend);
    settings.setValue(THREADS_KEY, threads);
    settings.setValue(PRECISION_KEY, QString::fromLatin1(engine::precisionName(precision)));
    settings.setValue(PLOT_STYLE, plotStyle);
    settings.setValue(PALETTE_KEY, paletteName(palette));
    settings.setValue(LANGUAGE, language);
    settings.endGroup();
}

void AppPreferences::save() const
{
    QSettings settings;
    save(settings);
}

QStringList AppPreferences::backendChoices()
{
    QStringList names;
    for (const std::string& name : engine::localBackendNames())
        names.append(QString::fromStdString(name));
    return names;
}

QStringList AppPreferences::plotStyleChoices()
{
    return {QStringLiteral("light"), QStringLiteral("print")};
}

QStringList AppPreferences::languageChoices()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("de")};
}

QString AppPreferences::paletteName(Palette palette)
{
    switch (palette) {
    case Palette::Light: return QStringLiteral("light");
    case Palette::Dark: return QStringLiteral("dark");
    case Palette::System: break;
    }
    return QStringLiteral("system");
}

AppPreferences::Palette AppPreferences::paletteFromName(const QString& name, Palette fallback)
{
    for (Palette p : {Palette::System, Palette::Light, Palette::Dark})
        if (name == paletteName(p))
            return p;
    return fallback;
}

} // namespace workbench
