// SPDX-License-Identifier: MIT
// Tests of AccountStore: keys stay out of QSettings and files, validation, removal, the Qiskit account, keychain errors.
#include "jobs/account_store.h"

#include <QtTest>

#include "test_support.h"

#include <QDirIterator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace workbench;

namespace {

const QString CRN = QStringLiteral("crn:v1:bluemix:public:quantum-computing:eu-de:a/abc123:inst-42::");
const QString KEY = QStringLiteral("SeCrEtApIkEy-0123456789-zyxw");

AccountEntry entryNamed(const QString& name)
{
    AccountEntry e;
    e.name = name;
    e.instanceCrn = CRN;
    return e;
}

/// Every file below `folder` whose bytes contain `needle`.
QStringList filesContaining(const QString& folder, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

} // namespace

class TstAccountStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void keyNeverReachesSettingsOrDisk();
    void validation_data();
    void validation();
    void removeDeletesKeyAndEntry();
    void qiskitAccountIsListedReadOnly();
    void missingKeychainGivesAMessage();

private:
    QTemporaryDir m_home;
};

void TstAccountStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_account_store"));
    QVERIFY(m_home.isValid());
}

void TstAccountStore::init()
{
    QSettings().clear();
    QSettings().sync();
}

void TstAccountStore::keyNeverReachesSettingsOrDisk()
{
    auto secrets = std::make_shared<MemorySecretBackend>();
    AccountStore store(secrets, std::nullopt);
    AccountEntry e = entryNamed(QStringLiteral("open plan"));
    e.apiUrl = QStringLiteral("http://127.0.0.1:9/api/v1");
    QCOMPARE(store.save(e, KEY), QString());
    store.setCurrentName(e.name);
    QSettings settings;
    settings.sync();

    // The key is in the secret backend only.
    QCOMPARE(secrets->size(), 1);
    QString error;
    QCOMPARE(secrets->read(AccountStore::secretKey(e.name), &error).value_or(QString()), KEY);
    const QString settingsFile = settings.fileName();
    QVERIFY(QFileInfo::exists(settingsFile));
    QFile file(settingsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("inst-42"));  // the metadata went there, so this scan looked at the right file
    QVERIFY(!content.contains(KEY.toUtf8()));
    for (const QString& value : settings.allKeys())
        QVERIFY2(!settings.value(value).toString().contains(KEY), qPrintable(value));
    // Nor anywhere in the test-mode config and data folders.
    for (const auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppDataLocation,
                                QStandardPaths::GenericDataLocation})
        QCOMPARE(filesContaining(QStandardPaths::writableLocation(location), KEY.toUtf8()), QStringList());

    // Listed masked, resolved in full.
    const QList<AccountEntry> listed = store.accounts();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed[0].name, e.name);
    QCOMPARE(listed[0].maskedKey, QStringLiteral("SeCr…zyxw"));
    QVERIFY(!listed[0].external);
    const std::optional<engine::IbmAccount> account = store.resolve(e.name, &error);
    QVERIFY2(account, qPrintable(error));
    QCOMPARE(QString::fromStdString(account->apiKey), KEY);
    QCOMPARE(account->region(), std::string("eu-de"));
    QCOMPARE(account->apiUrl, std::string("http://127.0.0.1:9/api/v1"));
    QCOMPARE(account->iamUrl, std::string(engine::IBM_DEFAULT_IAM_URL));
    QCOMPARE(store.currentName(), e.name);
    // Without a URL the CRN's region decides.
    AccountEntry plain = entryNamed(QStringLiteral("plain"));
    QCOMPARE(store.save(plain, KEY), QString());
    QCOMPARE(store.resolve(plain.name, &error)->apiUrl, engine::defaultApiUrl("eu-de"));
}

void TstAccountStore::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("crn");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("fine") << "a-b_c.d 1" << KEY << CRN << "" << true;
    QTest::newRow("https url") << "x" << KEY << CRN << "https://eu-de.quantum.cloud.ibm.com/api/v1" << true;
    QTest::newRow("empty name") << "" << KEY << CRN << "" << false;
    QTest::newRow("colon in name") << "qiskit:x" << KEY << CRN << "" << false;
    QTest::newRow("slash in name") << "a/b" << KEY << CRN << "" << false;
    QTest::newRow("empty key") << "x" << "" << CRN << "" << false;
    QTest::newRow("key with space") << "x" << "ab cd" << CRN << "" << false;
    QTest::newRow("crn wrong service") << "x" << KEY << "crn:v1:bluemix:public:cloud-object:eu-de:a/abc:i::" << ""
                                       << false;
    QTest::newRow("crn short") << "x" << KEY << "crn:v1:bluemix" << "" << false;
    QTest::newRow("ftp url") << "x" << KEY << CRN << "ftp://example.com/api" << false;
}

void TstAccountStore::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, key);
    QFETCH(QString, crn);
    QFETCH(QString, url);
    QFETCH(bool, valid);
    AccountEntry e;
    e.name = name;
    e.instanceCrn = crn;
    e.apiUrl = url;
    QCOMPARE(AccountStore::validate(e, key).isEmpty(), valid);
    auto secrets = std::make_shared<MemorySecretBackend>();
    AccountStore store(secrets, std::nullopt);
    QCOMPARE(store.save(e, key).isEmpty(), valid);
    QCOMPARE(secrets->size(), valid ? 1 : 0);
    QCOMPARE(store.names().size(), valid ? 1 : 0);
}

void TstAccountStore::removeDeletesKeyAndEntry()
{
    auto secrets = std::make_shared<MemorySecretBackend>();
    AccountStore store(secrets, std::nullopt);
    QCOMPARE(store.save(entryNamed(QStringLiteral("one")), KEY), QString());
    QCOMPARE(store.save(entryNamed(QStringLiteral("two")), KEY + QLatin1Char('2')), QString());
    store.setCurrentName(QStringLiteral("one"));
    QCOMPARE(store.names(), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
    QCOMPARE(store.remove(QStringLiteral("one")), QString());
    QCOMPARE(store.names(), QStringList{QStringLiteral("two")});
    QCOMPARE(secrets->size(), 1);
    QCOMPARE(store.currentName(), QString());
    QString error;
    QVERIFY(!store.resolve(QStringLiteral("one"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(QString::fromStdString(store.resolve(QStringLiteral("two"), &error)->apiKey), KEY + QLatin1Char('2'));
}

void TstAccountStore::qiskitAccountIsListedReadOnly()
{
    engine::IbmAccountSources sources;
    sources.homeDirectory = m_home.path().toStdString();  // no account file there
    sources.environment["QISKIT_IBM_TOKEN"] = "EnvTokenValue-abcdefgh";
    sources.environment["QISKIT_IBM_INSTANCE"] = CRN.toStdString();
    auto secrets = std::make_shared<MemorySecretBackend>();
    AccountStore store(secrets, sources);
    const QList<AccountEntry> listed = store.accounts();
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed[0].external);
    QVERIFY(listed[0].name.startsWith(QLatin1String(EXTERNAL_ACCOUNT_PREFIX)));
    QCOMPARE(listed[0].maskedKey, QStringLiteral("EnvT…efgh"));
    QString error;
    const std::optional<engine::IbmAccount> account = store.resolve(listed[0].name, &error);
    QVERIFY2(account, qPrintable(error));
    QCOMPARE(account->apiKey, std::string("EnvTokenValue-abcdefgh"));
    QVERIFY(!store.remove(listed[0].name).isEmpty());
    QCOMPARE(secrets->size(), 0);
    // Nothing configured: nothing listed, and the reason is available.
    AccountStore none(secrets, engine::IbmAccountSources{{}, m_home.path().toStdString(), {}, {}, {}, {}});
    QVERIFY(none.accounts().isEmpty());
}

void TstAccountStore::missingKeychainGivesAMessage()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("a session bus is present: this test must not write into a real keychain");
    auto keychain = std::make_shared<KeychainSecretBackend>(QStringLiteral("qaoa-workbench-test"), 5000);
    const QString failure = keychain->write(QStringLiteral("probe"), KEY);
    QVERIFY(!failure.isEmpty());
    QVERIFY(!failure.contains(KEY));
    QString error;
    QVERIFY(!keychain->read(QStringLiteral("probe"), &error));
    QVERIFY(!error.isEmpty());
    AccountStore store(keychain, std::nullopt);
    const QString saved = store.save(entryNamed(QStringLiteral("k")), KEY);
    QVERIFY(!saved.isEmpty());
    QVERIFY(!saved.contains(KEY));
    // A failed keychain leaves no half account.
    QVERIFY(store.names().isEmpty());
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains(KEY.toUtf8()));
}

QTEST_MAIN(TstAccountStore)
#include "account_store.test.moc"
