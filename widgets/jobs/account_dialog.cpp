// SPDX-License-Identifier: MIT
// AccountDialog: the form, the live CRN check, the off-thread connection test and saving.
#include "jobs/account_dialog.h"

#include "core/error.h"
#include "jobservice/job_service.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <QtConcurrent/QtConcurrentRun>


namespace workbench {

AccountDialog::AccountDialog(AccountStore* store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("IBM Quantum Account"));
    setObjectName(QStringLiteral("AccountDialog"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. open-plan"));
    m_key = new QLineEdit(this);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("IBM Cloud API key"));
    m_key->setToolTip(tr("Kept in the system keychain; never written in plain text"));
    m_crn = new QLineEdit(this);
    m_crn->setPlaceholderText(QStringLiteral("crn:v1:bluemix:public:quantum-computing:us-east:a/…:…::"));
    m_region = new QLabel(this);
    m_apiUrl = new QLineEdit(this);
    m_apiUrl->setPlaceholderText(tr("from the CRN's region"));
    m_iamUrl = new QLineEdit(this);
    m_iamUrl->setPlaceholderText(QString::fromLatin1(engine::IBM_DEFAULT_IAM_URL));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("API key:"), m_key);
    form->addRow(tr("Instance CRN:"), m_crn);
    form->addRow(tr("Region:"), m_region);
    form->addRow(tr("API URL (optional):"), m_apiUrl);
    form->addRow(tr("IAM URL (optional):"), m_iamUrl);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_testButton = m_buttons->addButton(tr("Test Connection"), QDialogButtonBox::ActionRole);
    m_saveButton = m_buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setDefault(true);
    // The Save role would accept the dialog before saving; saving decides.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveButton, &QPushButton::clicked, this, &AccountDialog::saveAccount);
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_crn, &QLineEdit::textChanged, this, &AccountDialog::updateRegion);
    connect(&m_test, &QFutureWatcher<TestAnswer>::finished, this, &AccountDialog::onTestFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    updateRegion();
}

AccountDialog::~AccountDialog()
{
    // The test holds its own copy of the account; waiting only keeps the worker from outliving the dialog.
    m_test.disconnect(this);
    m_test.waitForFinished();
}

void AccountDialog::setEntry(const AccountEntry& entry)
{
    m_name->setText(entry.name);
    m_crn->setText(entry.instanceCrn);
    m_apiUrl->setText(entry.apiUrl);
    m_iamUrl->setText(entry.iamUrl);
    m_key->clear();
    m_key->setPlaceholderText(entry.maskedKey.isEmpty() ? tr("IBM Cloud API key")
                                                        : tr("enter the key again (stored: %1)").arg(entry.maskedKey));
}

AccountEntry AccountDialog::entry() const
{
    AccountEntry e;
    e.name = m_name->text().trimmed();
    e.instanceCrn = m_crn->text().trimmed();
    e.apiUrl = m_apiUrl->text().trimmed();
    e.iamUrl = m_iamUrl->text().trimmed();
    e.maskedKey = AccountStore::masked(m_key->text().trimmed());
    return e;
}

void AccountDialog::updateRegion()
{
    const QString crn = m_crn->text().trimmed();
    if (crn.isEmpty()) {
        m_region->setText(tr("–"));
        return;
    }
    try {
        const engine::InstanceCrn parts = engine::parseInstanceCrn(crn.toStdString());
        m_region->setText(QString::fromStdString(parts.region));
    } catch (const engine::Error& e) {
        m_region->setText(tr("invalid CRN: %1").arg(QString::fromStdString(e.detail())));
    }
}

QString AccountDialog::check()
{
    const QString problem = AccountStore::validate(entry(), m_key->text());
    m_message->setText(problem);
    return problem;
}

bool AccountDialog::saveAccount()
{
    if (!check().isEmpty())
        return false;
    const QString failure = m_store->save(entry(), m_key->text());
    if (!failure.isEmpty()) {
        m_message->setText(failure);
        return false;
    }
    m_store->setCurrentName(entry().name);
    accept();
    return true;
}

void AccountDialog::testConnection()
{
    if (m_test.isRunning() || !check().isEmpty())
        return;
    const AccountEntry e = entry();
    engine::IbmAccount account;
    account.apiKey = m_key->text().trimmed().toStdString();
    account.instanceCrn = e.instanceCrn.toStdString();
    try {
        account.apiUrl = e.apiUrl.isEmpty() ? engine::defaultApiUrl(account.region()) : e.apiUrl.toStdString();
    } catch (const engine::Error& error) {
        m_message->setText(QString::fromStdString(error.what()));
        return;
    }
    account.iamUrl = e.iamUrl.isEmpty() ? std::string(engine::IBM_DEFAULT_IAM_URL) : e.iamUrl.toStdString();
    account.name = e.name.toStdString();
    m_message->setText(tr("Connecting to %1 …").arg(QString::fromStdString(account.apiUrl)));
    m_testButton->setEnabled(false);
    m_test.setFuture(QtConcurrent::run([account]() {
        TestAnswer answer;
        try {
            std::shared_ptr<engine::IbmClient> client = engine::makeIbmClient(account);
            answer.backends = static_cast<int>(client->backends().size());
        } catch (const std::exception& error) {
            // The engine's messages carry IBM's code and text, never the key.
            answer.failure = QString::fromStdString(error.what());
        }
        return answer;
    }));
}

void AccountDialog::onTestFinished()
{
    m_testButton->setEnabled(true);
    const TestAnswer answer = m_test.result();
    const bool ok = answer.failure.isEmpty();
    const QString text = ok ? tr("Connected: the instance offers %n backend(s).", nullptr, answer.backends)
                            : tr("Connection failed: %1").arg(answer.failure);
    m_message->setText(text);
    emit connectionTested(ok, text);
}

} // namespace workbench
