// SPDX-License-Identifier: MIT
// JobsPanel: layout, account choice, backend listing, submission, job actions and the details view.
#include "panels/jobs_panel.h"

#include "core/error.h"
#include "document/error_text.h"
#include "ibmq/sampler_results.h"
#include "jobs/account_dialog.h"
#include "jobs/job_monitor.h"
#include "jobs/submit_dialog.h"
#include "models/job_table_model.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

enum BackendColumn { NameCol, StatusCol, QueueCol, QubitsCol, TwoQubitErrorCol, ReadoutErrorCol, BackendCols };

/// What the backend worker hands back.
struct BackendAnswer {
    std::vector<engine::BackendEntry> entries;
    std::vector<std::string> warnings;
};

QString number(const nlohmann::json& document, const char* key, int precision)
{
    const auto it = document.find(key);
    if (it == document.end() || !it->is_number())
        return JobsPanel::tr("–");
    return QString::number(it->get<double>(), 'g', precision);
}

QString percent(const nlohmann::json& document, const char* key)
{
    const auto it = document.find(key);
    if (it == document.end() || !it->is_number())
        return JobsPanel::tr("–");
    return JobsPanel::tr("%1 %").arg(100.0 * it->get<double>(), 0, 'f', 2);
}

QString errorText(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'e', 2) : JobsPanel::tr("–");
}

QTableWidgetItem* item(const QString& text)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return cell;
}

} // namespace

JobsPanel::JobsPanel(ProjectDocument* document, JobsPanelOptions options, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_options(std::move(options))
    , m_accounts(m_options.secrets ? m_options.secrets : std::make_shared<KeychainSecretBackend>(),
                 m_options.externalAccount)
    , m_monitor(new JobMonitor(this))
    , m_model(new JobTableModel(this))
{
    setObjectName(QStringLiteral("JobsPanel"));
    m_monitor->configure(m_options.storePath, nullptr);
    m_model->setRefreshInterval(m_options.refreshIntervalMs);

    m_account = new QComboBox(this);
    m_account->setToolTip(tr("Local backends need no account; IBM backends use the chosen account"));
    m_addAccount = new QPushButton(tr("Add Account…"), this);
    m_removeAccount = new QPushButton(tr("Remove Account"), this);
    m_refreshBackends = new QPushButton(tr("Refresh Backends"), this);
    m_newJob = new QPushButton(tr("New Job…"), this);
    m_accountInfo = new QLabel(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Account:"), this));
    top->addWidget(m_account, 1);
    top->addWidget(m_accountInfo, 1);
    top->addWidget(m_addAccount);
    top->addWidget(m_removeAccount);
    top->addSpacing(12);
    top->addWidget(m_refreshBackends);
    top->addWidget(m_newJob);

    m_backends = new QTableWidget(0, BackendCols, this);
    m_backends->setHorizontalHeaderLabels(
        {tr("Backend"), tr("Status"), tr("Queue"), tr("Qubits"), tr("Median 2q error"), tr("Median readout error")});
    m_backends->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backends->verticalHeader()->hide();
    m_backends->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_backendNote = new QLabel(this);
    m_backendNote->setWordWrap(true);
    auto* backendBox = new QWidget(this);
    auto* backendLayout = new QVBoxLayout(backendBox);
    backendLayout->setContentsMargins(0, 0, 0, 0);
    backendLayout->addWidget(m_backends, 1);
    backendLayout->addWidget(m_backendNote);

    m_jobView = new QTableView(this);
    m_jobView->setModel(m_model);
    m_jobView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobView->verticalHeader()->hide();
    m_jobView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_jobView->horizontalHeader()->setStretchLastSection(true);
    m_cancel = new QPushButton(tr("Cancel Job"), this);
    m_delete = new QPushButton(tr("Delete"), this);
    m_reanalyze = new QPushButton(tr("Re-analyse"), this);
    m_reanalyze->setToolTip(tr("Analyse the stored results again, offline"));
    m_warmStart = new QPushButton(tr("Open in Warm Start"), this);
    m_warmStart->setToolTip(tr("Use the job's samples as the warm-start pool of its instance"));
    auto* actions = new QHBoxLayout;
    for (QPushButton* button : {m_cancel, m_delete, m_reanalyze, m_warmStart})
        actions->addWidget(button);
    actions->addStretch(1);
    auto* jobBox = new QWidget(this);
    auto* jobLayout = new QVBoxLayout(jobBox);
    jobLayout->setContentsMargins(0, 0, 0, 0);
    jobLayout->addWidget(m_jobView, 1);
    jobLayout->addLayout(actions);

    auto label = [this] {
        auto* l = new QLabel(this);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_job = label();
    m_status = label();
    m_reason = label();
    m_usage = label();
    m_figures = label();
    m_validRate = label();
    m_bestValidCost = label();
    m_bestEnergy = label();
    m_ratio = label();
    m_error = label();
    auto* details = new QFormLayout;
    details->addRow(tr("Job:"), m_job);
    details->addRow(tr("Status:"), m_status);
    details->addRow(tr("Reason:"), m_reason);
    details->addRow(tr("QPU usage:"), m_usage);
    details->addRow(tr("Circuit:"), m_figures);
    details->addRow(tr("Valid rate:"), m_validRate);
    details->addRow(tr("Best valid cost:"), m_bestValidCost);
    details->addRow(tr("Best energy:"), m_bestEnergy);
    details->addRow(tr("Approximation ratio:"), m_ratio);
    details->addRow(m_error);
    m_history = new QTableWidget(0, 4, this);
    m_history->setHorizontalHeaderLabels({tr("Status"), tr("At (UTC)"), tr("Detail"), tr("Code")});
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    auto* detailBox = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(details);
    detailLayout->addWidget(m_history, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(backendBox);
    splitter->addWidget(jobBox);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_addAccount, &QPushButton::clicked, this, &JobsPanel::openAccountDialog);
    connect(m_removeAccount, &QPushButton::clicked, this, [this] {
        const QString name = m_account->currentData().toString();
        if (name.isEmpty())
            return;
        if (m_options.interactive
            && QMessageBox::question(this, tr("Remove Account"),
                                     tr("Remove the account %1 and its key from the keychain?").arg(name))
                != QMessageBox::Yes)
            return;
        const QString failure = m_accounts.remove(name);
        emit statusMessage(failure.isEmpty() ? tr("Removed the account %1.").arg(name) : failure);
        fillAccounts();
        selectAccount(QString());
    });
    connect(m_refreshBackends, &QPushButton::clicked, this, &JobsPanel::refreshBackends);
    connect(m_newJob, &QPushButton::clicked, this, &JobsPanel::openSubmitDialog);
    connect(m_account, &QComboBox::activated, this,
            [this](int index) { selectAccount(m_account->itemData(index).toString()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedJob())
            cancelJob(*id);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedJob())
            deleteJob(*id);
    });
    connect(m_reanalyze, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedJob())
            reanalyzeJob(*id);
    });
    connect(m_warmStart, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedJob())
            openInWarmStart(*id);
    });
    connect(m_jobView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsPanel::onSelectionChanged);
    // A reset (new rows) drops the selection; the table re-selects the job that was shown.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        bool ok = false;
        const qlonglong shown = m_job->property("localId").toLongLong(&ok);
        if (ok && shown > 0 && !selectJob(shown))
            showDetails();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPanel::countJobs);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::countJobs);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPanel::countJobs);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsPanel::countJobs);
    connect(m_model, &JobTableModel::refreshFailed, this, &JobsPanel::statusMessage);
    connect(m_monitor, &JobMonitor::jobChanged, this, &JobsPanel::onJobChanged);
    connect(m_monitor, &JobMonitor::jobFinished, this, [this](qint64 localId, int) {
        m_model->refresh();
        if (selectedJob() == localId)
            showDetails();
    });
    connect(m_monitor, &JobMonitor::failed, this, &JobsPanel::statusMessage);
    connect(m_monitor, &JobMonitor::resumed, this, [this](const QString& summary) {
        m_model->refresh();
        emit statusMessage(summary);
    });

    const QString failure = m_model->open(m_options.storePath);
    m_error->setText(failure);
    countJobs();
    fillAccounts();
    const QString current = m_accounts.currentName();
    bool chosen = false;
    if (!current.isEmpty() && m_account->findData(current) >= 0)
        chosen = selectAccount(current);
    if (!chosen) {
        m_account->setCurrentIndex(0);
        if (m_options.listBackendsOnStart)
            refreshBackends();
        if (m_options.resumeOnStart && failure.isEmpty())
            m_monitor->resumeUnfinished();
    }
    updateActions();
}

JobsPanel::~JobsPanel()
{
    shutdown();
}

void JobsPanel::shutdown()
{
    m_model->setRefreshInterval(0);
    m_monitor->shutdown();
}

void JobsPanel::fillAccounts()
{
    const QSignalBlocker blocker(m_account);
    m_account->clear();
    m_account->addItem(tr("Local backends only"), QString());
    for (const AccountEntry& entry : m_accounts.accounts()) {
        m_account->addItem(entry.external ? tr("%1 (read-only)").arg(entry.name) : entry.name, entry.name);
        m_account->setItemData(m_account->count() - 1,
                               tr("Key %1, instance %2").arg(entry.maskedKey, entry.instanceCrn), Qt::ToolTipRole);
    }
    const int index = m_account->findData(m_accountName);
    m_account->setCurrentIndex(index >= 0 ? index : 0);
}

bool JobsPanel::selectAccount(const QString& name)
{
    const auto useLocal = [this] {
        m_accountName.clear();
        m_monitor->configure(m_options.storePath, nullptr);
        const QSignalBlocker blocker(m_account);
        m_account->setCurrentIndex(0);
        m_accountInfo->setText(tr("local only"));
    };
    if (name.isEmpty()) {
        useLocal();
        m_accounts.setCurrentName(QString());
        refreshBackends();
        return true;
    }
    QString error;
    std::optional<engine::IbmAccount> account = m_accounts.resolve(name, &error);
    std::shared_ptr<engine::IbmClient> client;
    if (account) {
        try {
            client = engine::makeIbmClient(*account);
        } catch (const engine::Error& e) {
            error = errorMessage(e);
        }
    }
    if (!client) {
        useLocal();
        emit statusMessage(tr("Cannot use the account %1: %2").arg(name, error));
        m_accountInfo->setText(tr("account unavailable"));
        m_accountInfo->setToolTip(error);
        refreshBackends();
        return false;
    }
    m_accountName = name;
    m_accounts.setCurrentName(name);
    {
        const QSignalBlocker blocker(m_account);
        m_account->setCurrentIndex(m_account->findData(name));
    }
    m_accountInfo->setText(tr("key %1, %2").arg(QString::fromStdString(account->maskedKey()),
                                                  QString::fromStdString(account->region())));
    m_accountInfo->setToolTip(QString::fromStdString(account->apiUrl));
    m_monitor->configure(m_options.storePath, std::move(client));
    refreshBackends();
    // IBM jobs left open by an earlier session can be resolved now that there is a client. Not while a
    // submission is on its way: resuming would take its Submitting record for a crashed one.
    if (m_options.resumeOnStart && m_model->isOpen() && m_submissions == 0)
        m_monitor->resumeUnfinished();
    return true;
}

void JobsPanel::openAccountDialog()
{
    if (!m_options.interactive)
        return;
    AccountDialog dialog(&m_accounts, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    fillAccounts();
    selectAccount(dialog.entry().name);
}

void JobsPanel::refreshBackends()
{
    m_refreshBackends->setEnabled(false);
    m_backendNote->setText(tr("Reading the backends …"));
    m_monitor->call<BackendAnswer>(
        [](engine::JobService& service, engine::RunControl& control) {
            BackendAnswer answer;
            answer.entries = service.backends(&answer.warnings, control);
            return answer;
        },
        this,
        [this](const ServiceOutcome<BackendAnswer>& outcome) {
            m_refreshBackends->setEnabled(true);
            if (!outcome.succeeded) {
                m_backendNote->setText(outcome.cancelled ? QString()
                                                         : tr("Cannot list the backends: %1")
                                                               .arg(QString::fromStdString(outcome.errorMessage)));
                return;
            }
            m_backendEntries = outcome.value.entries;
            m_backends->setRowCount(static_cast<int>(m_backendEntries.size()));
            for (int row = 0; row < static_cast<int>(m_backendEntries.size()); ++row) {
                const engine::BackendEntry& b = m_backendEntries[static_cast<std::size_t>(row)];
                auto* name = item(QString::fromStdString(b.name));
                name->setToolTip(QString::fromStdString(b.processor));
                m_backends->setItem(row, NameCol, name);
                auto* status = item(QString::fromStdString(b.status));
                status->setToolTip(QString::fromStdString(b.statusMessage));
                status->setForeground(b.status == "online" ? QColor(0x15, 0x80, 0x3d) : QColor(0xb9, 0x1c, 0x1c));
                m_backends->setItem(row, StatusCol, status);
                m_backends->setItem(row, QueueCol, item(b.queueLength >= 0 ? QString::number(b.queueLength)
                                                                           : tr("–")));
                m_backends->setItem(row, QubitsCol, item(QString::number(b.numQubits)));
                m_backends->setItem(row, TwoQubitErrorCol, item(errorText(b.errors.medianTwoQubitError)));
                m_backends->setItem(row, ReadoutErrorCol, item(errorText(b.errors.medianReadoutError)));
            }
            QStringList warnings;
            for (const std::string& w : outcome.value.warnings)
                warnings.append(QString::fromStdString(w));
            m_backendNote->setText(warnings.join(QLatin1Char('\n')));
            emit backendsListed();
        });
}

QStringList JobsPanel::backendNames() const
{
    QStringList names;
    for (const engine::BackendEntry& b : m_backendEntries)
        names.append(QString::fromStdString(b.name));
    if (names.isEmpty())
        names.append(QString::fromLatin1(engine::DEFAULT_JOB_BACKEND));
    return names;
}

void JobsPanel::openSubmitDialog()
{
    if (!m_options.interactive)
        return;
    SubmitDialog dialog(m_document, m_monitor, this);
    dialog.setBackends(backendNames());
    // The backend chosen in the table, else the preferences' default.
    QString backend = m_defaultBackend;
    if (const int row = m_backends->currentRow(); row >= 0 && m_backends->item(row, NameCol))
        backend = m_backends->item(row, NameCol)->text();
    if (const int index = dialog.backendBox()->findText(backend); index >= 0)
        dialog.backendBox()->setCurrentIndex(index);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.prepared())
        submitPrepared(*dialog.prepared());
    else
        submit(dialog.submission());
}

void JobsPanel::setDefaultBackend(const QString& backend)
{
    m_defaultBackend = backend;
}

void JobsPanel::countJobs()
{
    int running = 0;
    int queued = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const engine::JobRecord* record = m_model->record(row);
        if (record == nullptr || !engine::isUnfinishedState(record->status))
            continue;
        if (record->status == engine::JobState::Running)
            ++running;
        else
            ++queued;
    }
    if (running == m_runningJobs && queued == m_queuedJobs)
        return;
    m_runningJobs = running;
    m_queuedJobs = queued;
    emit jobCountsChanged(running, queued);
}

void JobsPanel::submit(const engine::JobSubmission& submission)
{
    try {
        engine::validateSubmission(submission);
    } catch (const engine::Error& e) {
        emit submitFailed(errorMessage(e));
        emit statusMessage(errorMessage(e));
        return;
    }
    emit statusMessage(tr("Preparing the job for %1 …").arg(QString::fromStdString(submission.backend)));
    ++m_submissions;
    m_monitor->call<engine::JobRecord>(
        [submission](engine::JobService& service, engine::RunControl& control) {
            const engine::PreparedJob job = service.prepare(submission, control);
            return service.submit(job, true, control);
        },
        this,
        [this](const ServiceOutcome<engine::JobRecord>& outcome) { onSubmitted(outcome); });
}

void JobsPanel::submitPrepared(const engine::PreparedJob& job)
{
    emit statusMessage(tr("Submitting the job to %1 …").arg(QString::fromStdString(job.backend)));
    ++m_submissions;
    m_monitor->call<engine::JobRecord>(
        [job](engine::JobService& service, engine::RunControl& control) { return service.submit(job, true, control); },
        this,
        [this](const ServiceOutcome<engine::JobRecord>& outcome) { onSubmitted(outcome); });
}

void JobsPanel::onSubmitted(const ServiceOutcome<engine::JobRecord>& outcome)
{
    --m_submissions;
    if (!outcome.succeeded) {
        const QString message = tr("The job was not submitted: %1").arg(QString::fromStdString(outcome.errorMessage));
        emit submitFailed(message);
        emit statusMessage(message);
        return;
    }
    afterSubmit(outcome.value);
}

void JobsPanel::afterSubmit(const engine::JobRecord& record)
{
    m_model->refresh();
    selectJob(record.localId);
    emit jobSubmitted(record.localId);
    emit statusMessage(tr("Job %1 on %2: %3")
                           .arg(record.localId)
                           .arg(QString::fromStdString(record.backend), JobTableModel::stateText(record.status)));
    if (!engine::isTerminalState(record.status))
        m_monitor->watch(record.localId);
}

void JobsPanel::onJobChanged(qint64 localId, int state, const QString& detail)
{
    m_model->refresh();
    QString message = tr("Job %1: %2").arg(localId).arg(JobTableModel::stateText(static_cast<engine::JobState>(state)));
    if (!detail.isEmpty())
        message += QStringLiteral(" — ") + detail;
    emit statusMessage(message);
    if (selectedJob() == localId)
        showDetails();
}

void JobsPanel::cancelJob(std::int64_t localId)
{
    emit statusMessage(tr("Cancelling job %1 …").arg(localId));
    m_monitor->call<engine::JobRecord>(
        [localId](engine::JobService& service, engine::RunControl& control) { return service.cancel(localId, control); },
        this,
        [this, localId](const ServiceOutcome<engine::JobRecord>& outcome) {
            m_model->refresh();
            if (selectedJob() == localId)
                showDetails();
            emit statusMessage(outcome.succeeded
                                   ? tr("Job %1: %2").arg(localId).arg(JobTableModel::stateText(outcome.value.status))
                                   : tr("Cannot cancel job %1: %2")
                                         .arg(localId)
                                         .arg(QString::fromStdString(outcome.errorMessage)));
            emit actionFinished(QStringLiteral("cancel"), outcome.succeeded);
        });
}

void JobsPanel::deleteJob(std::int64_t localId)
{
    if (m_options.interactive
        && QMessageBox::question(this, tr("Delete Job"),
                                 tr("Delete job %1 and its stored results from the job store?").arg(localId))
            != QMessageBox::Yes)
        return;
    m_monitor->unwatch(localId);
    m_monitor->call<bool>(
        [localId](engine::JobService& service, engine::RunControl& control) {
            return service.remove(localId, false, control);
        },
        this,
        [this, localId](const ServiceOutcome<bool>& outcome) {
            m_model->refresh();
            const bool ok = outcome.succeeded && outcome.value;
            emit statusMessage(ok ? tr("Deleted job %1.").arg(localId)
                                  : tr("Cannot delete job %1: %2")
                                        .arg(localId)
                                        .arg(QString::fromStdString(outcome.errorMessage)));
            emit actionFinished(QStringLiteral("delete"), ok);
        });
}

void JobsPanel::reanalyzeJob(std::int64_t localId)
{
    emit statusMessage(tr("Analysing job %1 …").arg(localId));
    m_monitor->call<nlohmann::json>(
        [localId](engine::JobService& service, engine::RunControl&) { return service.analyze(localId); }, this,
        [this, localId](const ServiceOutcome<nlohmann::json>& outcome) {
            m_model->refresh();
            if (selectedJob() == localId)
                showDetails();
            emit statusMessage(outcome.succeeded ? tr("Analysed job %1 again.").arg(localId)
                                                 : tr("Cannot analyse job %1: %2")
                                                       .arg(localId)
                                                       .arg(QString::fromStdString(outcome.errorMessage)));
            emit actionFinished(QStringLiteral("reanalyze"), outcome.succeeded);
        });
}

bool JobsPanel::openInWarmStart(std::int64_t localId)
{
    if (!m_model->store())
        return false;
    try {
        const std::optional<engine::JobRecord> record = m_model->store()->get(localId);
        if (!record)
            throw engine::Error(engine::ErrorCode::InvalidArgument, "no such job", "job " + std::to_string(localId));
        if (record->results.is_null())
            throw engine::Error(engine::ErrorCode::InvalidArgument, "the job has no results yet",
                                "job " + std::to_string(localId));
        const engine::Instance instance =
            engine::instanceFromJson(record->instance, "job " + std::to_string(localId) + ":instance");
        const engine::SamplerResult result =
            engine::parseSamplerResult(record->results, "job " + std::to_string(localId) + ":results");
        const std::string registerName = record->parameters.value("register", std::string("meas"));
        const engine::RegisterSamples* samples =
            result.pubs.empty() ? nullptr : result.pubs.front().findRegister(registerName);
        if (!samples)
            throw engine::Error(engine::ErrorCode::InvalidInput, "no register '" + registerName + "'",
                                "job " + std::to_string(localId) + ":results");
        emit openInWarmStartRequested(instance, samples->sampleCounts(), QString::fromStdString(record->backend));
        emit statusMessage(tr("Job %1's samples are in the warm-start panel.").arg(localId));
        return true;
    } catch (const engine::Error& e) {
        emit statusMessage(tr("Cannot open job %1 in the warm-start panel: %2").arg(localId).arg(errorMessage(e)));
        return false;
    }
}

bool JobsPanel::selectJob(std::int64_t localId)
{
    const int row = m_model->rowOf(localId);
    if (row < 0)
        return false;
    m_jobView->selectRow(row);
    showDetails();
    return true;
}

std::optional<std::int64_t> JobsPanel::selectedJob() const
{
    const QModelIndexList rows = m_jobView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const engine::JobRecord* record = m_model->record(rows.front().row());
    if (!record)
        return std::nullopt;
    return record->localId;
}

void JobsPanel::onSelectionChanged()
{
    showDetails();
    updateActions();
}

void JobsPanel::updateActions()
{
    const std::optional<std::int64_t> id = selectedJob();
    const engine::JobRecord* record = id ? m_model->record(m_model->rowOf(*id)) : nullptr;
    const bool terminal = record && engine::isTerminalState(record->status);
    m_cancel->setEnabled(record && !terminal);
    m_delete->setEnabled(record != nullptr);
    m_reanalyze->setEnabled(record && record->status == engine::JobState::Completed);
    m_warmStart->setEnabled(record && record->status == engine::JobState::Completed);
    m_removeAccount->setEnabled(!m_account->currentData().toString().isEmpty()
                                && !m_account->currentData().toString().startsWith(
                                    QLatin1String(EXTERNAL_ACCOUNT_PREFIX)));
}

void JobsPanel::showDetails()
{
    const std::optional<std::int64_t> id = selectedJob();
    std::optional<engine::JobRecord> record;
    QString failure;
    if (id && m_model->store()) {
        try {
            record = m_model->store()->get(*id);
        } catch (const engine::Error& e) {
            failure = errorMessage(e);
        }
    }
    for (QLabel* l : {m_job, m_status, m_reason, m_usage, m_figures, m_validRate, m_bestValidCost, m_bestEnergy,
                      m_ratio, m_error})
        l->clear();
    m_history->setRowCount(0);
    m_job->setProperty("localId", record ? QVariant::fromValue<qlonglong>(record->localId) : QVariant());
    m_error->setText(failure);
    if (!record)
        return;
    const engine::JobRecord& r = *record;
    m_job->setText(tr("#%1 on %2%3")
                       .arg(r.localId)
                       .arg(QString::fromStdString(r.backend),
                            r.remoteId.empty() ? QString()
                                               : tr(" (remote id %1)").arg(QString::fromStdString(r.remoteId))));
    m_status->setText(JobTableModel::stateText(r.status));
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(JobTableModel::stateColor(r.status).name()));
    if (!r.history.empty()) {
        const engine::JobStateChange& last = r.history.back();
        QString reason = QString::fromStdString(last.detail);
        if (!last.reasonCode.empty())
            reason += tr(" (code %1)").arg(QString::fromStdString(last.reasonCode));
        m_reason->setText(reason);
    }
    const nlohmann::json& p = r.parameters.is_object() ? r.parameters : nlohmann::json::object();
    const QString estimate = number(p, "estimated_qpu_seconds", 3);
    if (r.usage)
        m_usage->setText(tr("%1 s (%2), estimate %3 s")
                             .arg(r.usage->qpuSeconds, 0, 'f', 1)
                             .arg(r.usage->final ? tr("final") : tr("provisional"), estimate));
    else
        m_usage->setText(tr("none recorded, estimate %1 s").arg(estimate));
    if (const auto f = p.find("figures"); f != p.end() && f->is_object())
        m_figures->setText(tr("p = %1, %2 shots, %3 two-qubit gates, depth %4, %5 SWAPs, fidelity ≈ %6")
                               .arg(number(p, "p", 3), number(p, "shots", 10), number(*f, "two_qubit_gates", 10),
                                    number(*f, "depth", 10), number(*f, "swaps", 10),
                                    number(*f, "estimated_fidelity", 3)));
    const nlohmann::json& a = r.analysis.is_object() ? r.analysis : nlohmann::json::object();
    if (!a.empty()) {
        m_validRate->setText(tr("%1 (uniform random %2)").arg(percent(a, "valid_rate"), percent(a, "random_valid_rate")));
        m_bestValidCost->setText(a.contains("best_valid_cost_usd") && a["best_valid_cost_usd"].is_number()
                                     ? tr("$%1").arg(a["best_valid_cost_usd"].get<double>(), 0, 'f', 4)
                                     : tr("–"));
        m_bestEnergy->setText(number(a, "best_energy", 8));
        m_ratio->setText(number(a, "approximation_ratio", 4));
    } else if (r.status == engine::JobState::Completed) {
        m_validRate->setText(tr("not analysed yet: Re-analyse"));
    }
    if (!r.errorText.empty())
        m_error->setText(QString::fromStdString(r.errorText));
    m_history->setRowCount(static_cast<int>(r.history.size()));
    for (int row = 0; row < static_cast<int>(r.history.size()); ++row) {
        const engine::JobStateChange& change = r.history[static_cast<std::size_t>(row)];
        auto* state = item(JobTableModel::stateText(change.status));
        state->setForeground(JobTableModel::stateColor(change.status));
        m_history->setItem(row, 0, state);
        m_history->setItem(row, 1, item(QString::fromStdString(change.at)));
        m_history->setItem(row, 2, item(QString::fromStdString(change.detail)));
        m_history->setItem(row, 3, item(QString::fromStdString(change.reasonCode)));
    }
}

QString JobsPanel::figureText(const QString& key) const
{
    const QLabel* label = key == QLatin1String("job")                  ? m_job
                          : key == QLatin1String("status")             ? m_status
                          : key == QLatin1String("reason")             ? m_reason
                          : key == QLatin1String("usage")              ? m_usage
                          : key == QLatin1String("figures")            ? m_figures
                          : key == QLatin1String("validRate")          ? m_validRate
                          : key == QLatin1String("bestValidCost")      ? m_bestValidCost
                          : key == QLatin1String("bestEnergy")         ? m_bestEnergy
                          : key == QLatin1String("approximationRatio") ? m_ratio
                          : key == QLatin1String("error")              ? m_error
                          : key == QLatin1String("account")            ? m_accountInfo
                          : key == QLatin1String("backends")           ? m_backendNote
                                                                       : nullptr;
    return label ? label->text() : QString();
}

} // namespace workbench
