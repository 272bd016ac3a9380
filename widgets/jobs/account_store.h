// SPDX-License-Identifier: MIT
// IBM accounts of the GUI: API keys in the system keychain (or an injected secret store), the rest in QSettings.
#pragma once

#include "ibmq/ibm_account.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>

#include <memory>
#include <optional>

namespace workbench {

/// Where API keys are kept. Calls block until the store answers; they run on the GUI thread (the keychain
/// answers in milliseconds) or on a worker. Implementations must never write a secret in plain text anywhere.
class SecretBackend {
public:
    virtual ~SecretBackend() = default;
    /// Stores `secret` under `key`; returns an empty string on success, otherwise a translated reason.
    virtual QString write(const QString& key, const QString& secret) = 0;
    /// The secret under `key`, or nothing with `*error` set (a translated reason; "not found" included).
    virtual std::optional<QString> read(const QString& key, QString* error) = 0;
    /// Deletes the secret under `key` (a missing one is no error); empty string on success, else the reason.
    virtual QString remove(const QString& key) = 0;
    /// Short translated name for messages ("system keychain", "memory").
    virtual QString displayName() const = 0;
};

/// The system keychain through QtKeychain (Secret Service, KWallet, macOS Keychain, Windows Credential Store),
/// with QtKeychain's insecure plain-text fallback switched off. Without a keychain daemon (a headless machine,
/// the tests) every call fails with a message saying so; nothing crashes and nothing is written elsewhere.
class KeychainSecretBackend final : public SecretBackend {
public:
    /// `service` names the keychain entries' service ("qaoa-workbench"). `timeoutMs` bounds each call, since a
    /// keychain that waits for a user prompt that never comes must not freeze the window.
    explicit KeychainSecretBackend(QString service = QStringLiteral("qaoa-workbench"), int timeoutMs = 30000);
    QString write(const QString& key, const QString& secret) override;
    std::optional<QString> read(const QString& key, QString* error) override;
    QString remove(const QString& key) override;
    QString displayName() const override;

private:
    QString m_service;
    int m_timeoutMs;
};

/// Secrets held in process memory only (tests, and sessions that must not touch the keychain). Thread-safe.
class MemorySecretBackend final : public SecretBackend {
public:
    QString write(const QString& key, const QString& secret) override;
    std::optional<QString> read(const QString& key, QString* error) override;
    QString remove(const QString& key) override;
    QString displayName() const override;
    /// How many secrets are held (tests).
    int size() const;

private:
    mutable QMutex m_mutex;
    QMap<QString, QString> m_secrets;
};

/// One IBM account as the GUI lists it. Never holds the API key: that stays in the secret backend.
struct AccountEntry {
    QString name;          ///< unique among the GUI's accounts; the external one is named by its source
    QString instanceCrn;
    QString apiUrl;        ///< empty: derived from the CRN's region
    QString iamUrl;        ///< empty: IBM Cloud's IAM endpoint
    QString maskedKey;     ///< "abcd…wxyz"
    bool external = false; ///< from the Qiskit account file or QISKIT_IBM_* (read-only here)
};

/// Prefix of the external account's listed name, so that it can never clash with a name typed in the GUI
/// (those cannot contain ':').
inline constexpr const char* EXTERNAL_ACCOUNT_PREFIX = "qiskit:";

/// The accounts the job panel can use: those entered in the GUI (name, CRN, URLs in QSettings group
/// "ibmAccounts"; the key in the secret backend under "ibm-account/<name>") and, read-only, the account
/// engine::loadIbmAccount finds (Qiskit's ~/.qiskit/qiskit-ibm.json or QISKIT_IBM_TOKEN/QISKIT_IBM_INSTANCE).
/// Keys are shown masked only. Use from the GUI thread.
class AccountStore {
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    /// `external`: where to look for the Qiskit account; nothing = do not look (tests). The default looks in
    /// the process environment and $HOME as the CLI does.
    explicit AccountStore(std::shared_ptr<SecretBackend> secrets,
                          std::optional<engine::IbmAccountSources> external = defaultExternalSources());

    /// The process environment and home directory, as engine::loadIbmAccount() reads them.
    static engine::IbmAccountSources defaultExternalSources();

    /// The GUI accounts (by name) followed by the external one when it loads. The masked key of a GUI
    /// account is stored beside it in QSettings, so listing never unlocks the keychain.
    QList<AccountEntry> accounts() const;
    /// The GUI accounts' names.
    QStringList names() const;

    /// Checks `entry` (name, CRN, URLs) and `apiKey`; an empty string when they are fine, else a translated
    /// reason. Pure.
    static QString validate(const AccountEntry& entry, const QString& apiKey);
    /// Saves a GUI account: the key to the secret backend first, then the rest to QSettings (so a keychain
    /// failure leaves no half account behind). Replaces an account of the same name. Returns an empty string
    /// on success, else the translated reason (validation or keychain).
    QString save(const AccountEntry& entry, const QString& apiKey);
    /// Removes a GUI account and its key. Returns an empty string on success, else the reason.
    QString remove(const QString& name);

    /// The full account for the engine: the GUI account `name` with its key from the secret backend, or the
    /// external account when `name` starts with EXTERNAL_ACCOUNT_PREFIX. Nothing, with `*error` set, when it
    /// cannot be had. The key lives only in the returned value: do not log it.
    std::optional<engine::IbmAccount> resolve(const QString& name, QString* error) const;

    /// The account chosen last (QSettings), or an empty string.
    QString currentName() const;
    void setCurrentName(const QString& name);

    SecretBackend& secrets() const { return *m_secrets; }

    /// The name under which `name`'s key is kept in the secret backend.
    static QString secretKey(const QString& name);
    /// `key` masked as engine::IbmAccount::maskedKey does.
    static QString masked(const QString& key);

private:
    std::optional<engine::IbmAccount> externalAccount(QString* error) const;

    std::shared_ptr<SecretBackend> m_secrets;
    std::optional<engine::IbmAccountSources> m_external;
};

} // namespace workbench
