// SPDX-License-Identifier: MIT
// Tests of PreferencesDialog: shows and returns the values, Restore Defaults, tool tips, the restart note.
#include "preferences/preferences_dialog.h"

#include <QtTest>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

using namespace workbench;

namespace {

AppPreferences nonDefault()
{
    AppPreferences p;
    p.defaultBackend = QStringLiteral("local:ideal");
    p.threads = 6;
    p.precision = engine::Precision::Single;
    p.plotStyle = QStringLiteral("print");
    p.palette = AppPreferences::Palette::Dark;
    p.language = QStringLiteral("de");
    return p;
}

} // namespace

class TstPreferencesDialog : public QObject {
    Q_OBJECT

private slots:
    void showsAndReturnsValues();
    void restoreDefaults();
    void everyFieldHasATooltip();
    void languageChangeSaysRestart();
    void okAcceptsCancelRejects();
};

void TstPreferencesDialog::showsAndReturnsValues()
{
    PreferencesDialog dialog(nonDefault());
    QCOMPARE(dialog.preferences(), nonDefault());
    QCOMPARE(dialog.backendBox()->currentText(), QStringLiteral("local:ideal"));
    QCOMPARE(dialog.threadsBox()->value(), 6);

    // Editing the fields changes what the dialog returns.
    dialog.threadsBox()->setValue(0);
    dialog.precisionBox()->setCurrentIndex(dialog.precisionBox()->findData(QStringLiteral("double")));
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QString()));
    const AppPreferences p = dialog.preferences();
    QCOMPARE(p.threads, 0);
    QCOMPARE(p.precision, engine::Precision::Double);
    QCOMPARE(p.language, QString());
    QCOMPARE(p.palette, AppPreferences::Palette::Dark);
    // The backend box offers exactly the local backends.
    QStringList offered;
    for (int i = 0; i < dialog.backendBox()->count(); ++i)
        offered << dialog.backendBox()->itemData(i).toString();
    QCOMPARE(offered, AppPreferences::backendChoices());
}

void TstPreferencesDialog::restoreDefaults()
{
    PreferencesDialog dialog(nonDefault());
    dialog.buttons()->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(dialog.preferences(), AppPreferences{});
    QVERIFY(!dialog.isVisible());  // restoring does not close the dialog
}

void TstPreferencesDialog::everyFieldHasATooltip()
{
    PreferencesDialog dialog(AppPreferences{});
    for (QWidget* field : {static_cast<QWidget*>(dialog.backendBox()), static_cast<QWidget*>(dialog.threadsBox()),
                           static_cast<QWidget*>(dialog.precisionBox()), static_cast<QWidget*>(dialog.plotStyleBox()),
                           static_cast<QWidget*>(dialog.paletteBox()), static_cast<QWidget*>(dialog.languageBox())})
        QVERIFY2(!field->toolTip().trimmed().isEmpty(), field->metaObject()->className());
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::RestoreDefaults)->toolTip().isEmpty());
}

void TstPreferencesDialog::languageChangeSaysRestart()
{
    PreferencesDialog dialog(AppPreferences{});
    QVERIFY(dialog.restartNote()->isHidden());
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("de")));
    QVERIFY(!dialog.restartNote()->isHidden());
    QVERIFY(dialog.restartNote()->text().contains(QStringLiteral("restart")));
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QString()));
    QVERIFY(dialog.restartNote()->isHidden());  // back to the language it opened with
    // Other fields never ask for a restart.
    dialog.paletteBox()->setCurrentIndex(2);
    QVERIFY(dialog.restartNote()->isHidden());
}

void TstPreferencesDialog::okAcceptsCancelRejects()
{
    PreferencesDialog ok(AppPreferences{});
    QSignalSpy accepted(&ok, &QDialog::accepted);
    ok.buttons()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(ok.result(), int(QDialog::Accepted));

    PreferencesDialog cancel(AppPreferences{});
    QSignalSpy rejected(&cancel, &QDialog::rejected);
    cancel.buttons()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(cancel.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TstPreferencesDialog)
#include "preferences_dialog.test.moc"
