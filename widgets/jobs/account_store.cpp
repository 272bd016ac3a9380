// SPDX-License-Identifier: MIT
// AccountStore: QtKeychain and in-memory secret backends, account metadata in QSettings, the Qiskit account.
#include "jobs/account_store.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QMutexLocker>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <QUrl>

#include <qt6keychain/keychain.h>

namespace workbench {

namespace {

const QString GROUP = QStringLiteral("ibmAccounts");
const QString CURRENT_KEY = QStringLiteral("ibmAccountCurrent");
constexpr int MAX_NAME_CHARS = 64;
constexpr int MAX_KEY_CHARS = 512;

QString keychainErrorText(QKeychain::Error error, const QString& detail)
{
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return AccountStore::tr("No key is stored in the system keychain for this account.");
    case QKeychain::CouldNotDeleteEntry:
        return AccountStore::tr("The key could not be deleted from the system keychain: %1").arg(detail);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return AccountStore::tr("Access to the system keychain was denied.");
    case QKeychain::NoBackendAvailable:
        return AccountStore::tr("No system keychain is available (is a Secret Service such as GNOME Keyring or KWallet "
                  "running?). The key was not stored: the workbench never writes it in plain text.");
    case QKeychain::NotImplemented:
        return AccountStore::tr("The system keychain does not support this operation.");
    case QKeychain::OtherError:
        break;
    }
    return AccountStore::tr("The system keychain failed: %1").arg(detail);
}

/// Starts `job` and waits for it in a local event loop, at most `timeoutMs`. On a timeout the job is left to
/// delete itself when it finishes, so nothing dangles. Returns the translated failure or an empty string.
QString runKeychainJob(QKeychain::Job* job, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&done, &loop] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!done) {
        QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
        return AccountStore::tr("The system keychain did not answer within %1 s.").arg(timeoutMs / 1000);
    }
    const QString error = keychainErrorText(job->error(), job->errorString());
    job->deleteLater();
    return error;
}

QString settingsKey(const QString& name, const char* field)
{
    return GROUP + QLatin1Char('/') + name + QLatin1Char('/') + QLatin1String(field);
}

} // namespace

KeychainSecretBackend::KeychainSecretBackend(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretBackend::write(const QString& key, const QString& secret)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    return runKeychainJob(job, m_timeoutMs);
}

std::optional<QString> KeychainSecretBackend::read(const QString& key, QString* error)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    // The job is deleted later by runKeychainJob, so its data can still be read right after it returns.
    const QString failure = runKeychainJob(job, m_timeoutMs);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return std::nullopt;
    }
    return job->textData();
}

QString KeychainSecretBackend::remove(const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    const QString failure = runKeychainJob(job, m_timeoutMs);
    // Deleting what is not there leaves the wanted state.
    return failure == keychainErrorText(QKeychain::EntryNotFound, {}) ? QString() : failure;
}

QString KeychainSecretBackend::displayName() const
{
    return AccountStore::tr("system keychain");
}

QString MemorySecretBackend::write(const QString& key, const QString& secret)
{
    const QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    return {};
}

std::optional<QString> MemorySecretBackend::read(const QString& key, QString* error)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd()) {
        if (error)
            *error = AccountStore::tr("No key is stored for this account.");
        return std::nullopt;
    }
    return *it;
}

QString MemorySecretBackend::remove(const QString& key)
{
    const QMutexLocker lock(&m_mutex);
    m_secrets.remove(key);
    return {};
}

QString MemorySecretBackend::displayName() const
{
    return AccountStore::tr("memory");
}

int MemorySecretBackend::size() const
{
    const QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_secrets.size());
}

AccountStore::AccountStore(std::shared_ptr<SecretBackend> secrets, std::optional<engine::IbmAccountSources> external)
    : m_secrets(std::move(secrets))
    , m_external(std::move(external))
{
    if (!m_secrets)
        m_secrets = std::make_shared<MemorySecretBackend>();
}

engine::IbmAccountSources AccountStore::defaultExternalSources()
{
    engine::IbmAccountSources sources;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name :
         {"QISKIT_IBM_TOKEN", "QISKIT_IBM_INSTANCE", "QAOA_IBM_URL", "QAOA_IAM_URL"}) {
        const QString value = env.value(QLatin1String(name));
        if (!value.isEmpty())
            sources.environment[name] = value.toStdString();
    }
    sources.homeDirectory = QDir::homePath().toStdString();
    return sources;
}

QStringList AccountStore::names() const
{
    QSettings settings;
    settings.beginGroup(GROUP);
    QStringList list = settings.childGroups();
    list.sort(Qt::CaseInsensitive);
    return list;
}

QList<AccountEntry> AccountStore::accounts() const
{
    QList<AccountEntry> list;
    QSettings settings;
    for (const QString& name : names()) {
        AccountEntry entry;
        entry.name = name;
        entry.instanceCrn = settings.value(settingsKey(name, "instanceCrn")).toString();
        entry.apiUrl = settings.value(settingsKey(name, "apiUrl")).toString();
        entry.iamUrl = settings.value(settingsKey(name, "iamUrl")).toString();
        entry.maskedKey = settings.value(settingsKey(name, "maskedKey")).toString();
        list.append(entry);
    }
    if (const std::optional<engine::IbmAccount> account = externalAccount(nullptr)) {
        AccountEntry entry;
        entry.name = QLatin1String(EXTERNAL_ACCOUNT_PREFIX) + QString::fromStdString(account->name);
        entry.instanceCrn = QString::fromStdString(account->instanceCrn);
        entry.apiUrl = QString::fromStdString(account->apiUrl);
        entry.iamUrl = QString::fromStdString(account->iamUrl);
        entry.maskedKey = QString::fromStdString(account->maskedKey());
        entry.external = true;
        list.append(entry);
    }
    return list;
}

QString AccountStore::validate(const AccountEntry& entry, const QString& apiKey)
{
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 _.-]*$"));
    if (entry.name.isEmpty())
        return tr("Enter a name for the account.");
    if (entry.name.size() > MAX_NAME_CHARS || !namePattern.match(entry.name).hasMatch())
        return tr("The name may use letters, digits, spaces, '_', '.' and '-' (at most %1 characters).")
            .arg(MAX_NAME_CHARS);
    if (apiKey.trimmed().isEmpty())
        return tr("Enter the IBM Cloud API key.");
    if (apiKey.size() > MAX_KEY_CHARS || apiKey.contains(QRegularExpression(QStringLiteral("\\s"))))
        return tr("The API key must be one word of at most %1 characters.").arg(MAX_KEY_CHARS);
    try {
        engine::parseInstanceCrn(entry.instanceCrn.trimmed().toStdString());
    } catch (const engine::Error& e) {
        return tr("The instance CRN is not valid: %1").arg(QString::fromStdString(e.detail()));
    }
    for (const QString& url : {entry.apiUrl, entry.iamUrl}) {
        if (url.isEmpty())
            continue;
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http")))
            return tr("%1 is not an http(s) URL.").arg(url);
    }
    return {};
}

QString AccountStore::save(const AccountEntry& entry, const QString& apiKey)
{
    if (const QString problem = validate(entry, apiKey); !problem.isEmpty())
        return problem;
    const QString key = apiKey.trimmed();
    if (const QString failure = m_secrets->write(secretKey(entry.name), key); !failure.isEmpty())
        return failure;
    QSettings settings;
    settings.setValue(settingsKey(entry.name, "instanceCrn"), entry.instanceCrn.trimmed());
    settings.setValue(settingsKey(entry.name, "apiUrl"), entry.apiUrl.trimmed());
    settings.setValue(settingsKey(entry.name, "iamUrl"), entry.iamUrl.trimmed());
    settings.setValue(settingsKey(entry.name, "maskedKey"), masked(key));
    settings.sync();
    return {};
}

QString AccountStore::remove(const QString& name)
{
    if (name.isEmpty() || name.startsWith(QLatin1String(EXTERNAL_ACCOUNT_PREFIX)))
        return tr("Only accounts entered in the workbench can be removed here.");
    if (const QString failure = m_secrets->remove(secretKey(name)); !failure.isEmpty())
        return failure;
    QSettings settings;
    settings.remove(GROUP + QLatin1Char('/') + name);
    if (settings.value(CURRENT_KEY).toString() == name)
        settings.remove(CURRENT_KEY);
    return {};
}

std::optional<engine::IbmAccount> AccountStore::externalAccount(QString* error) const
{
    if (!m_external) {
        if (error)
            *error = tr("No Qiskit account is read in this session.");
        return std::nullopt;
    }
    try {
        return engine::loadIbmAccount(*m_external);
    } catch (const engine::Error& e) {
        // The engine's message never contains the key.
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
}

std::optional<engine::IbmAccount> AccountStore::resolve(const QString& name, QString* error) const
{
    if (name.startsWith(QLatin1String(EXTERNAL_ACCOUNT_PREFIX)))
        return externalAccount(error);
    if (!names().contains(name)) {
        if (error)
            *error = tr("There is no account named %1.").arg(name);
        return std::nullopt;
    }
    QString failure;
    const std::optional<QString> key = m_secrets->read(secretKey(name), &failure);
    if (!key) {
        if (error)
            *error = failure;
        return std::nullopt;
    }
    QSettings settings;
    engine::IbmAccount account;
    account.apiKey = key->toStdString();
    account.instanceCrn = settings.value(settingsKey(name, "instanceCrn")).toString().toStdString();
    try {
        const QString apiUrl = settings.value(settingsKey(name, "apiUrl")).toString();
        account.apiUrl = apiUrl.isEmpty() ? engine::defaultApiUrl(account.region()) : apiUrl.toStdString();
    } catch (const engine::Error& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    const QString iamUrl = settings.value(settingsKey(name, "iamUrl")).toString();
    account.iamUrl = iamUrl.isEmpty() ? std::string(engine::IBM_DEFAULT_IAM_URL) : iamUrl.toStdString();
    account.name = name.toStdString();
    return account;
}

QString AccountStore::currentName() const
{
    return QSettings().value(CURRENT_KEY).toString();
}

void AccountStore::setCurrentName(const QString& name)
{
    QSettings().setValue(CURRENT_KEY, name);
}

QString AccountStore::secretKey(const QString& name)
{
    return QStringLiteral("ibm-account/") + name;
}

QString AccountStore::masked(const QString& key)
{
    engine::IbmAccount account;
    account.apiKey = key.toStdString();
    return QString::fromStdString(account.maskedKey());
}

} // namespace workbench
