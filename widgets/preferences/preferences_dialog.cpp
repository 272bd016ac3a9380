// SPDX-License-Identifier: MIT
// PreferencesDialog: the form, its tool tips, Restore Defaults and the restart note of the language.
#include "preferences/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace workbench {

namespace {

void selectData(QComboBox* box, const QVariant& value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

PreferencesDialog::PreferencesDialog(const AppPreferences& preferences, QWidget* parent)
    : QDialog(parent)
    , m_initialLanguage(preferences.language)
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_backend = new QComboBox(this);
    for (const QString& name : AppPreferences::backendChoices())
        m_backend->addItem(name, name);
    m_backend->setToolTip(tr("The backend new jobs and warm-start runs use unless you choose another one: "
                             "local:ideal samples the exact state, a device backend emulates that device's noise"));

    m_threads = new QSpinBox(this);
    m_threads->setRange(0, MAX_PREFERENCE_THREADS);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Threads of the QAOA simulator and the noisy emulator; 0 uses every core. "
                             "Fewer threads keep the desktop responsive during long runs"));

    m_precision = new QComboBox(this);
    m_precision->addItem(tr("Double (16 bytes per amplitude)"), QStringLiteral("double"));
    m_precision->addItem(tr("Single (8 bytes per amplitude)"), QStringLiteral("single"));
    m_precision->setToolTip(tr("Amplitude precision of the QAOA statevector: single precision halves the memory "
                               "and is faster, with energies accurate to about 1e-6 relative"));

    m_plotStyle = new QComboBox(this);
    m_plotStyle->addItem(tr("Light (screen)"), QStringLiteral("light"));
    m_plotStyle->addItem(tr("Print (thin lines, white background)"), QStringLiteral("print"));
    m_plotStyle->setToolTip(tr("The style exported figures use unless the export dialog chooses another one"));

    m_palette = new QComboBox(this);
    m_palette->addItem(tr("System"), AppPreferences::paletteName(AppPreferences::Palette::System));
    m_palette->addItem(tr("Light"), AppPreferences::paletteName(AppPreferences::Palette::Light));
    m_palette->addItem(tr("Dark"), AppPreferences::paletteName(AppPreferences::Palette::Dark));
    m_palette->setToolTip(tr("The colours of the windows; applies at once"));

    m_language = new QComboBox(this);
    m_language->addItem(tr("System language"), QString());
    // Language names in their own language, so a user who cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setToolTip(tr("The language of the user interface; the --lang option overrides it. "
                              "Applies after a restart"));

    m_restartNote = new QLabel(tr("The new language applies after you restart QAOA Workbench."), this);
    m_restartNote->setWordWrap(true);
    m_restartNote->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Default &backend:"), m_backend);
    form->addRow(tr("&Threads:"), m_threads);
    form->addRow(tr("Statevector &precision:"), m_precision);
    form->addRow(tr("&Figure style:"), m_plotStyle);
    form->addRow(tr("&Colours:"), m_palette);
    form->addRow(tr("&Language:"), m_language);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                         | QDialogButtonBox::RestoreDefaults,
                                     this);
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setToolTip(tr("Set every field to its default value"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &PreferencesDialog::restoreDefaults);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateRestartNote);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_restartNote);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setPreferences(preferences);
}

AppPreferences PreferencesDialog::preferences() const
{
    AppPreferences p;
    p.defaultBackend = m_backend->currentData().toString();
    p.threads = m_threads->value();
    p.precision = m_precision->currentData().toString() == QLatin1String("single") ? engine::Precision::Single
                                                                                    : engine::Precision::Double;
    p.plotStyle = m_plotStyle->currentData().toString();
    p.palette = AppPreferences::paletteFromName(m_palette->currentData().toString());
    p.language = m_language->currentData().toString();
    return p;
}

void PreferencesDialog::setPreferences(const AppPreferences& p)
{
    selectData(m_backend, p.defaultBackend);
    m_threads->setValue(p.threads);
    selectData(m_precision, QString::fromLatin1(engine::precisionName(p.precision)));
    selectData(m_plotStyle, p.plotStyle);
    selectData(m_palette, AppPreferences::paletteName(p.palette));
    selectData(m_language, p.language);
    updateRestartNote();
}

void PreferencesDialog::restoreDefaults()
{
    setPreferences(AppPreferences{});
}

void PreferencesDialog::updateRestartNote()
{
    m_restartNote->setVisible(m_language->currentData().toString() != m_initialLanguage);
}

} // namespace workbench
