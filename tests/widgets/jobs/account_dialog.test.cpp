// SPDX-License-Identifier: MIT
// Tests of AccountDialog: the CRN check and region, saving through the store, and the connection test.
#include "jobs/account_dialog.h"

#include <QtTest>

#include "test_support.h"

#include "ibm_protocol_emulator.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace workbench;

namespace {

const QString CRN = QStringLiteral("crn:v1:bluemix:public:quantum-computing:us-east:a/abc123:inst-1::");

} // namespace

class TstAccountDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void crnIsCheckedAsTyped_data();
    void crnIsCheckedAsTyped();
    void saveStoresThroughTheStore();
    void connectionTestAgainstTheEmulator();
};

void TstAccountDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_account_dialog"));
}

void TstAccountDialog::init()
{
    QSettings().clear();  // each test starts without accounts
}

void TstAccountDialog::crnIsCheckedAsTyped_data()
{
    QTest::addColumn<QString>("crn");
    QTest::addColumn<QString>("region");  // empty: invalid
    QTest::newRow("us-east") << CRN << "us-east";
    QTest::newRow("eu-de") << "crn:v1:bluemix:public:quantum-computing:eu-de:a/x:y::" << "eu-de";
    QTest::newRow("wrong service") << "crn:v1:bluemix:public:kms:eu-de:a/x:y::" << "";
    QTest::newRow("no account prefix") << "crn:v1:bluemix:public:quantum-computing:eu-de:x:y::" << "";
    QTest::newRow("too few fields") << "crn:v1:bluemix" << "";
    QTest::newRow("upper-case region") << "crn:v1:bluemix:public:quantum-computing:EU-DE:a/x:y::" << "";
}

void TstAccountDialog::crnIsCheckedAsTyped()
{
    QFETCH(QString, crn);
    QFETCH(QString, region);
    AccountStore store(std::make_shared<MemorySecretBackend>(), std::nullopt);
    AccountDialog dialog(&store);
    dialog.nameEdit()->setText(QStringLiteral("acc"));
    dialog.keyEdit()->setText(QStringLiteral("key-0123456789abc"));
    dialog.crnEdit()->setText(crn);
    if (region.isEmpty()) {
        QVERIFY(dialog.regionLabel()->text().startsWith(QStringLiteral("invalid CRN")));
        QVERIFY(!dialog.check().isEmpty());
        QVERIFY(!dialog.saveAccount());
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("CRN")));
        QVERIFY(store.names().isEmpty());
    } else {
        QCOMPARE(dialog.regionLabel()->text(), region);
        QCOMPARE(dialog.check(), QString());
    }
}

void TstAccountDialog::saveStoresThroughTheStore()
{
    auto secrets = std::make_shared<MemorySecretBackend>();
    AccountStore store(secrets, std::nullopt);
    AccountDialog dialog(&store);
    QCOMPARE(dialog.keyEdit()->echoMode(), QLineEdit::Password);
    dialog.nameEdit()->setText(QStringLiteral("lab"));
    dialog.crnEdit()->setText(CRN);
    QVERIFY(!dialog.saveAccount());  // no key yet
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    dialog.keyEdit()->setText(QStringLiteral("LabKey-0123456789-tail"));
    dialog.apiUrlEdit()->setText(QStringLiteral("https://quantum.example.org/api/v1"));
    QVERIFY(dialog.saveAccount());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(store.names(), QStringList{QStringLiteral("lab")});
    QCOMPARE(store.currentName(), QStringLiteral("lab"));
    QCOMPARE(secrets->size(), 1);
    QString error;
    const auto account = store.resolve(QStringLiteral("lab"), &error);
    QVERIFY2(account, qPrintable(error));
    QCOMPARE(account->apiUrl, std::string("https://quantum.example.org/api/v1"));

    // Editing shows the stored values with the key masked, never in full.
    AccountDialog edit(&store);
    edit.setEntry(store.accounts().front());
    QCOMPARE(edit.crnEdit()->text(), CRN);
    QVERIFY(edit.keyEdit()->text().isEmpty());
    QVERIFY(edit.keyEdit()->placeholderText().contains(QStringLiteral("LabK…tail")));
}

void TstAccountDialog::connectionTestAgainstTheEmulator()
{
    ibmemu::EmulatorOptions options;
    options.backends = {"fez", "torino"};
    ibmemu::IbmProtocolEmulator emulator(options);
    emulator.start();
    AccountStore store(std::make_shared<MemorySecretBackend>(), std::nullopt);
    AccountDialog dialog(&store);
    dialog.nameEdit()->setText(QStringLiteral("emu"));
    dialog.crnEdit()->setText(QString::fromStdString(options.instanceCrn));
    dialog.apiUrlEdit()->setText(QString::fromStdString(emulator.apiBaseUrl()));
    dialog.iamUrlEdit()->setText(QString::fromStdString(emulator.iamUrl()));
    QSignalSpy tested(&dialog, &AccountDialog::connectionTested);

    dialog.keyEdit()->setText(QString::fromStdString(options.apiKey));
    dialog.testConnection();
    QVERIFY(dialog.isTesting() || tested.count() == 1);
    QVERIFY(!dialog.testButton()->isEnabled() || tested.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 10000);
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));
    QVERIFY(tested.at(0).at(1).toString().contains(QStringLiteral("2 backend")));
    QVERIFY(dialog.testButton()->isEnabled());
    // Testing saves nothing.
    QVERIFY(store.names().isEmpty());

    // A wrong key is refused by the IAM stub, and the message never shows the key.
    dialog.keyEdit()->setText(QStringLiteral("WrongKey-0123456789"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, 10000);
    QVERIFY(!tested.at(1).at(0).toBool());
    QVERIFY(!tested.at(1).at(1).toString().contains(QStringLiteral("WrongKey-0123456789")));
    QVERIFY(dialog.messageLabel()->text().startsWith(QStringLiteral("Connection failed")));
}

QTEST_MAIN(TstAccountDialog)
#include "account_dialog.test.moc"
