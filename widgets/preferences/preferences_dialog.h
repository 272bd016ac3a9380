// SPDX-License-Identifier: MIT
// PreferencesDialog: edits AppPreferences (backend, threads, precision, plot style, palette, language).
#pragma once

#include "preferences/app_preferences.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace workbench {

/// A form over AppPreferences with OK, Cancel and Restore Defaults. The dialog only edits a copy: the caller
/// reads `preferences()` after it was accepted and applies and saves them. Choosing another language than the
/// one the dialog opened with shows a note that it applies after a restart.
class PreferencesDialog final : public QDialog {
    Q_OBJECT

public:
    explicit PreferencesDialog(const AppPreferences& preferences, QWidget* parent = nullptr);

    /// The values the editors show.
    AppPreferences preferences() const;
    /// Sets every editor.
    void setPreferences(const AppPreferences& preferences);
    /// Sets every editor to the defaults (the Restore Defaults button).
    void restoreDefaults();

    QComboBox* backendBox() const { return m_backend; }
    QSpinBox* threadsBox() const { return m_threads; }
    QComboBox* precisionBox() const { return m_precision; }
    QComboBox* plotStyleBox() const { return m_plotStyle; }
    QComboBox* paletteBox() const { return m_palette; }
    QComboBox* languageBox() const { return m_language; }
    QLabel* restartNote() const { return m_restartNote; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void updateRestartNote();

    QString m_initialLanguage;
    QComboBox* m_backend = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_precision = nullptr;
    QComboBox* m_plotStyle = nullptr;
    QComboBox* m_palette = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_restartNote = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace workbench
