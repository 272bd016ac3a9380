// SPDX-License-Identifier: MIT
// AccountDialog: enter an IBM Quantum account (name, key, instance CRN, URLs), check it, test it, save it.
#pragma once

#include "jobs/account_store.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace workbench {

/// Edits one GUI account of an AccountStore. The key is typed into a password field and only ever leaves the
/// dialog into the store's secret backend or, for "Test connection", into an IBM client on a worker thread
/// (IAM exchange and GET /backends) that never blocks the window. The CRN is checked as it is typed and its
/// region shown. Save writes through AccountStore::save and closes the dialog; failures stay in the dialog.
class AccountDialog final : public QDialog {
    Q_OBJECT

public:
    explicit AccountDialog(AccountStore* store, QWidget* parent = nullptr);
    ~AccountDialog() override;

    /// Fills the fields from `entry` for editing (the key must be entered again).
    void setEntry(const AccountEntry& entry);
    /// The entry the fields describe (no key).
    AccountEntry entry() const;

    /// Checks the fields; an empty string when they can be saved, else the translated reason (also shown).
    QString check();
    /// Saves and accepts; false (with the reason shown) when it cannot.
    bool saveAccount();
    /// Starts the connection test on a worker; no effect while one runs or when the fields are bad.
    void testConnection();
    bool isTesting() const { return m_test.isRunning(); }

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* keyEdit() const { return m_key; }
    QLineEdit* crnEdit() const { return m_crn; }
    QLineEdit* apiUrlEdit() const { return m_apiUrl; }
    QLineEdit* iamUrlEdit() const { return m_iamUrl; }
    QLabel* regionLabel() const { return m_region; }
    QLabel* messageLabel() const { return m_message; }
    QPushButton* testButton() const { return m_testButton; }
    QPushButton* saveButton() const { return m_saveButton; }

signals:
    /// The connection test ended: whether it reached IBM and was accepted, and a translated sentence.
    void connectionTested(bool ok, const QString& message);

private:
    void updateRegion();
    void onTestFinished();

    AccountStore* m_store;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_key = nullptr;
    QLineEdit* m_crn = nullptr;
    QLineEdit* m_apiUrl = nullptr;
    QLineEdit* m_iamUrl = nullptr;
    QLabel* m_region = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_testButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    /// The worker's answer.
    struct TestAnswer {
        QString failure;  ///< empty: connected
        int backends = 0;
    };
    QFutureWatcher<TestAnswer> m_test;
};

} // namespace workbench
