// SPDX-License-Identifier: MIT
// LcrpBatchPanel: LCRP at production scale by task groups (QAOA per group, recombination) against the exact optimum.
#include "panels/lcrp_batch_panel.h"

#include "document/error_text.h"
#include "document/project_document.h"
#include "jobs/run_control_bridge.h"
#include "jobservice/lcrp_batch_jobs.h"
#include "jobstore/job_store.h"
#include "lcrp/lcrp_generator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <exception>

namespace workbench {

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

void setCell(QTableWidget* table, int row, int column, const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    if (column > 0)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(row, column, item);
}

QString number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString percent(double fraction, int decimals = 1)
{
    return QLocale().toString(100.0 * fraction, 'f', decimals) + QStringLiteral(" %");
}

} // namespace

LcrpBatchPanel::LcrpBatchPanel(ProjectDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_pool.setMaxThreadCount(1);

    m_source = new QComboBox(this);
    m_source->addItem(tr("Generated batch"));
    if (m_document != nullptr)
        m_source->addItem(tr("Project instance"));
    m_source->setToolTip(tr("Run on a generated production batch or on the project's LCRP instance"));
    m_tasks = new QSpinBox(this);
    m_tasks->setRange(1, 2000);
    m_tasks->setValue(80);
    m_tasks->setToolTip(tr("Tasks of the generated batch"));
    m_models = new QSpinBox(this);
    m_models->setRange(1, 5);
    m_models->setValue(5);
    m_models->setToolTip(tr("Model tiers of the generated batch (the first M of the paper's five)"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Seed of the generator, the partition and the QAOA samples"));
    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(0.01, 1e7);
    m_budget->setDecimals(2);
    m_budget->setValue(400.0);
    m_budget->setSuffix(QStringLiteral(" USD"));
    m_budget->setToolTip(tr("Budget of the generated batch"));
    connect(m_tasks, &QSpinBox::valueChanged, this, [this](int n) { m_budget->setValue(5.0 * n); });
    m_maxQubits = new QSpinBox(this);
    m_maxQubits->setRange(1, static_cast<int>(engine::MAX_LCRP_GROUP_QUBITS));
    m_maxQubits->setValue(static_cast<int>(engine::DEFAULT_LCRP_GROUP_QUBITS));
    m_maxQubits->setToolTip(tr("Qubits of one group's QUBO (tasks x models)"));
    m_depth = new QSpinBox(this);
    m_depth->setRange(1, 8);
    m_depth->setValue(1);
    m_depth->setToolTip(tr("QAOA depth p (predicted angles)"));
    m_shots = new QSpinBox(this);
    m_shots->setRange(1, 1000000);
    m_shots->setValue(4000);
    m_shots->setToolTip(tr("Samples per group"));
    m_candidates = new QSpinBox(this);
    m_candidates->setRange(1, 1024);
    m_candidates->setValue(8);
    m_candidates->setToolTip(tr("Assignments per group handed to the recombination"));
    m_rebalance = new QSpinBox(this);
    m_rebalance->setRange(0, 100);
    m_rebalance->setValue(3);
    m_rebalance->setToolTip(tr("Rounds that move unused budget to groups missing their quality floor"));
    m_exact = new QCheckBox(tr("Compare with the exact optimum (CBC)"), this);
    m_exact->setChecked(true);
    auto updateSource = [this] {
        const bool generated = m_source->currentIndex() == 0;
        m_tasks->setEnabled(generated && !m_running);
        m_models->setEnabled(generated && !m_running);
        m_budget->setEnabled(generated && !m_running);
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, updateSource);

    auto* form = new QFormLayout;
    form->addRow(tr("Instance:"), m_source);
    form->addRow(tr("Tasks:"), m_tasks);
    form->addRow(tr("Models:"), m_models);
    form->addRow(tr("Budget:"), m_budget);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Qubits per group:"), m_maxQubits);
    form->addRow(tr("Depth p:"), m_depth);
    form->addRow(tr("Shots per group:"), m_shots);
    form->addRow(tr("Candidates per group:"), m_candidates);
    form->addRow(tr("Rebalancing rounds:"), m_rebalance);
    form->addRow(m_exact);
    m_jobBackend = new QLineEdit(QStringLiteral("local:fez"), this);
    m_jobBackend->setToolTip(tr("Backend of the group jobs: a local emulator (local:fez, ...) or an IBM backend of "
                                "the account selected in the Jobs panel (ibm_fez, ...)"));
    form->addRow(tr("Job backend:"), m_jobBackend);

    m_run = new QPushButton(tr("Run"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    connect(m_run, &QPushButton::clicked, this, &LcrpBatchPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &LcrpBatchPanel::cancel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    m_submit = new QPushButton(tr("Submit groups as jobs"), this);
    m_submit->setToolTip(tr("One sampling job per group on the job backend, followed in the Jobs panel"));
    m_finish = new QPushButton(tr("Finish from jobs"), this);
    m_finish->setToolTip(tr("Read the submitted groups' finished jobs from the job store and complete the batch"));
    connect(m_submit, &QPushButton::clicked, this, &LcrpBatchPanel::submitGroups);
    connect(m_finish, &QPushButton::clicked, this, &LcrpBatchPanel::finishFromJobs);
    auto* jobButtons = new QHBoxLayout;
    jobButtons->addWidget(m_submit);
    jobButtons->addWidget(m_finish);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, PROGRESS_STEPS);
    m_progress->setValue(0);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addLayout(form);
    leftLayout->addLayout(buttons);
    leftLayout->addLayout(jobButtons);
    leftLayout->addWidget(m_progress);
    leftLayout->addStretch(1);

    m_summary = new QLabel(tr("Split a large LCRP batch into groups that fit the qubit limit, sample each group "
                              "with QAOA, recombine under the budget and compare with the exact optimum."),
                           this);
    m_summary->setWordWrap(true);
    m_methods = makeTable({tr("Method"), tr("Status"), tr("Objective"), tr("Gap to exact"), tr("Cost (USD)"),
                           tr("Quality met"), tr("Budget use"), tr("Within budget"), tr("Seconds")},
                          this);
    m_groups = makeTable({tr("Group"), tr("Tasks"), tr("Qubits"), tr("Budget (USD)"), tr("Chosen cost (USD)"),
                          tr("Valid rate"), tr("Random valid rate"), tr("Distinct assignments"), tr("Solves")},
                         this);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(m_summary);
    rightLayout->addWidget(new QLabel(tr("Comparison"), right));
    rightLayout->addWidget(m_methods, 1);
    rightLayout->addWidget(new QLabel(tr("Groups"), right));
    rightLayout->addWidget(m_groups, 2);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(&m_watcher, &QFutureWatcher<LcrpBatchOutcome>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<LcrpBatchOutcome>::finished, this, &LcrpBatchPanel::onFinished);
    updateEnabled();
}

LcrpBatchPanel::~LcrpBatchPanel()
{
    shutdown();
}

engine::LcrpBatchOptions LcrpBatchPanel::options() const
{
    engine::LcrpBatchOptions o;
    o.maxQubits = static_cast<std::size_t>(m_maxQubits->value());
    o.depth = static_cast<std::size_t>(m_depth->value());
    o.shots = static_cast<std::uint64_t>(m_shots->value());
    o.seed = static_cast<std::uint64_t>(m_seed->value());
    o.candidatesPerGroup = static_cast<std::size_t>(m_candidates->value());
    o.rebalanceRounds = m_rebalance->value();
    o.compareExact = m_exact->isChecked();
    return o;
}

engine::LcrpInstance LcrpBatchPanel::currentInstance() const
{
    if (m_document != nullptr && m_source->currentIndex() == 1)
        return m_document->instance();
    engine::LcrpGeneratorOptions g;
    g.numTasks = static_cast<std::size_t>(m_tasks->value());
    g.numModels = static_cast<std::size_t>(m_models->value());
    g.seed = static_cast<std::uint32_t>(m_seed->value());
    g.budgetUsd = m_budget->value();
    return engine::generateLcrp(g);
}

void LcrpBatchPanel::run()
{
    if (m_running)
        return;
    const engine::LcrpBatchOptions opts = options();
    engine::LcrpInstance instance;
    try {
        instance = currentInstance();  // a snapshot, taken on the GUI thread
    } catch (const engine::Error& e) {
        m_summary->setText(errorMessage(e));
        return;
    }
    start(instance,
          [instance, opts](engine::RunControl& control) { return engine::runLcrpBatch(instance, opts, control); },
          tr("Running: groups of at most %1 qubits…").arg(opts.maxQubits));
}

void LcrpBatchPanel::start(engine::LcrpInstance instance,
                           std::function<engine::LcrpBatchResult(engine::RunControl&)> work, const QString& message)
{
    m_running = true;
    m_progress->setValue(0);
    auto pending = std::make_shared<LcrpBatchOutcome>();
    m_pending = pending;
    m_future = QtConcurrent::run(&m_pool, [instance = std::move(instance), work = std::move(work),
                                           pending](QPromise<LcrpBatchOutcome>& promise) {
        engine::RunControl control;
        bridgeRunControl(control, promise);
        LcrpBatchOutcome outcome;
        outcome.instance = instance;
        try {
            outcome.result = work(control);
            outcome.succeeded = true;
        } catch (const engine::Error& e) {
            outcome.errorCode = e.code();
            outcome.errorMessage = e.what();
        } catch (const std::exception& e) {
            outcome.errorMessage = e.what();
        }
        // NOTE: QPromise drops results added after cancel, so the outcome also travels through `pending`.
        *pending = outcome;
        promise.addResult(std::move(outcome));
    });
    m_watcher.setFuture(m_future);
    m_summary->setText(message);
    updateEnabled();
}

void LcrpBatchPanel::setJobHandling(std::function<void(const engine::JobSubmission&)> submit,
                                    const QString& storePath)
{
    m_submitJob = std::move(submit);
    m_storePath = storePath;
    updateEnabled();
}

LcrpBatchPanel::SubmittedBatch LcrpBatchPanel::plannedBatch() const
{
    SubmittedBatch batch;
    batch.options = options();
    batch.backend = m_jobBackend->text().trimmed().toStdString();
    if (batch.backend.empty())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "no job backend is given", "Job backend");
    batch.instance = currentInstance();
    batch.plan = engine::planLcrpBatch(batch.instance, batch.options);  // O(N log N + NM): fine on the GUI thread
    return batch;
}

void LcrpBatchPanel::submitGroups()
{
    if (m_running || !m_submitJob)
        return;
    SubmittedBatch batch;
    std::vector<engine::JobSubmission> submissions;
    try {
        batch = plannedBatch();
        submissions = engine::lcrpBatchSubmissions(batch.plan, batch.options, batch.backend);
    } catch (const engine::Error& e) {
        m_summary->setText(errorMessage(e));
        return;
    }
    for (const engine::JobSubmission& s : submissions)
        m_submitJob(s);
    const QString backend = QString::fromStdString(batch.backend);
    m_submitted = std::move(batch);
    const QString text = tr("%1 group jobs submitted to %2: follow them in the Jobs panel, then press Finish from "
                            "jobs once all have completed.")
                             .arg(submissions.size())
                             .arg(backend);
    m_summary->setText(text);
    emit statusMessage(text);
    updateEnabled();
}

void LcrpBatchPanel::finishFromJobs()
{
    if (m_running || m_storePath.isEmpty())
        return;
    // The plan is deterministic: after a restart the current settings find the jobs of the same batch again.
    SubmittedBatch batch;
    try {
        batch = m_submitted ? *m_submitted : plannedBatch();
    } catch (const engine::Error& e) {
        m_summary->setText(errorMessage(e));
        return;
    }
    const std::string storePath = m_storePath.toStdString();
    start(batch.instance,
          [batch, storePath](engine::RunControl& control) {
              engine::JobStoreOptions storeOptions;
              storeOptions.create = false;
              const engine::JobStore store(storePath, storeOptions);
              engine::JobFilter filter;
              filter.backend = batch.backend;
              filter.withPayload = true;
              filter.limit = engine::MAX_JOB_LIST_LIMIT;
              const auto matched = engine::matchLcrpBatchJobs(batch.plan, store.list(filter));
              std::vector<engine::SampleSet> samples;
              for (std::size_t g = 0; g < matched.size(); ++g) {
                  if (!matched[g])
                      throw engine::Error(engine::ErrorCode::InvalidInput,
                                          std::string("no job of group ") + std::to_string(g + 1)
                                              + " on " + batch.backend + " is in the job store",
                                          storePath);
                  samples.push_back(engine::lcrpBatchGroupSamples(batch.plan, g, *matched[g]));
              }
              return engine::finishLcrpBatch(batch.instance, batch.plan, samples, batch.options, control);
          },
          tr("Finishing the batch from %1 group jobs…").arg(batch.plan.groupInstances.size()));
}

void LcrpBatchPanel::cancel()
{
    if (m_running)
        m_future.cancel();
}

void LcrpBatchPanel::shutdown()
{
    if (m_running) {
        m_future.cancel();
        m_future.waitForFinished();
    }
    m_pool.waitForDone();
}

void LcrpBatchPanel::onFinished()
{
    m_running = false;
    updateEnabled();
    m_outcome = *m_pending;
    const LcrpBatchOutcome& outcome = *m_outcome;
    if (!outcome.succeeded) {
        const QString message = m_future.isCanceled() && outcome.errorMessage.empty()
            ? tr("Cancelled.")
            : errorCodeText(outcome.errorCode) + QLatin1Char(' ') + QString::fromStdString(outcome.errorMessage);
        m_summary->setText(message);
        emit statusMessage(message);
        emit finished();
        return;
    }
    m_progress->setValue(PROGRESS_STEPS);
    showResult(outcome);
    emit finished();
}

void LcrpBatchPanel::showResult(const LcrpBatchOutcome& outcome)
{
    const engine::LcrpBatchResult& r = outcome.result;
    const engine::LcrpInstance& inst = outcome.instance;
    std::vector<const engine::LcrpMethodSummary*> methods{&r.batch, &r.recombined, &r.greedy, &r.greedyBudget};
    if (r.exact)
        methods.push_back(&*r.exact);
    const auto label = [this](const std::string& method) {
        if (method == "batch")
            return tr("Batch (QAOA groups + refinement)");
        if (method == "recombined")
            return tr("Recombined (before refinement)");
        if (method == "greedy")
            return tr("Greedy (paper)");
        if (method == "greedy-budget")
            return tr("Greedy (budget-aware)");
        return tr("Exact (CBC)");
    };
    m_methods->setRowCount(r.cancelled && r.batch.assignment.empty() ? 0 : static_cast<int>(methods.size()));
    for (int row = 0; row < m_methods->rowCount(); ++row) {
        const engine::LcrpMethodSummary& s = *methods[static_cast<std::size_t>(row)];
        const bool found = !s.assignment.empty();
        setCell(m_methods, row, 0, label(s.method));
        setCell(m_methods, row, 1, QString::fromStdString(s.status));
        setCell(m_methods, row, 2, found ? number(s.objective, 4) : QStringLiteral("–"));
        setCell(m_methods, row, 3, s.gapPercent ? number(*s.gapPercent, 3) + QStringLiteral(" %") : QStringLiteral("–"));
        setCell(m_methods, row, 4, found ? number(s.costUsd, 2) : QStringLiteral("–"));
        setCell(m_methods, row, 5, found ? percent(s.qualitySatisfaction) : QStringLiteral("–"));
        setCell(m_methods, row, 6, found ? percent(s.budgetUse) : QStringLiteral("–"));
        setCell(m_methods, row, 7, s.withinBudget ? tr("yes") : tr("no"));
        setCell(m_methods, row, 8, number(s.seconds, 3));
    }
    m_groups->setRowCount(static_cast<int>(r.groups.size()));
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        const engine::LcrpGroupOutcome& g = r.groups[static_cast<std::size_t>(row)];
        QStringList ids;
        for (std::size_t t : g.tasks)
            ids << QString::fromStdString(inst.tasks[t].id);
        setCell(m_groups, row, 0, QString::number(row + 1));
        setCell(m_groups, row, 1, ids.join(QStringLiteral(", ")));
        setCell(m_groups, row, 2, QString::number(g.qubits));
        setCell(m_groups, row, 3, number(g.budgetUsd, 4));
        setCell(m_groups, row, 4, g.candidates.empty() ? QStringLiteral("–") : number(g.candidates[g.chosen].costUsd, 4));
        setCell(m_groups, row, 5, percent(g.validRate, 2));
        setCell(m_groups, row, 6, percent(g.randomValidRate, 4));
        setCell(m_groups, row, 7, QString::number(g.distinctAssignments));
        setCell(m_groups, row, 8, QString::number(g.solves));
    }
    QString text = tr("%1 tasks x %2 models, budget %3 USD: %4 groups of at most %5 qubits, %6 rebalancing round(s).")
                       .arg(inst.numTasks())
                       .arg(inst.numModels())
                       .arg(number(inst.budgetUsd, 2))
                       .arg(r.groups.size())
                       .arg(r.qubitsPerGroup)
                       .arg(r.rebalanceRoundsRun);
    if (r.cancelled)
        text += QLatin1Char(' ') + tr("Cancelled: the figures shown are the best so far.");
    else if (r.batch.gapPercent)
        text += QLatin1Char(' ') + tr("Gap to the exact optimum: %1 %.").arg(number(*r.batch.gapPercent, 3));
    text += QLatin1Char(' ')
            + tr("Seconds: QAOA %1, recombination %2, refinement %3, exact %4.")
                  .arg(number(r.times.qaoa, 2), number(r.times.recombine, 4), number(r.times.refine, 4),
                       number(r.times.exact, 2));
    m_summary->setText(text);
    emit statusMessage(r.batch.gapPercent ? tr("LCRP batch: objective %1, gap %2 % to exact")
                                                .arg(number(r.batch.objective, 4), number(*r.batch.gapPercent, 3))
                                          : tr("LCRP batch finished"));
}

void LcrpBatchPanel::updateEnabled()
{
    m_run->setEnabled(!m_running);
    m_cancel->setEnabled(m_running);
    m_jobBackend->setEnabled(!m_running && m_submitJob != nullptr);
    m_submit->setEnabled(!m_running && m_submitJob != nullptr);
    m_finish->setEnabled(!m_running && !m_storePath.isEmpty());
    const bool generated = m_source->currentIndex() == 0;
    for (QWidget* w : std::initializer_list<QWidget*>{m_source, m_seed, m_maxQubits, m_depth, m_shots, m_candidates,
                                                      m_rebalance, m_exact})
        w->setEnabled(!m_running);
    m_tasks->setEnabled(generated && !m_running);
    m_models->setEnabled(generated && !m_running);
    m_budget->setEnabled(generated && !m_running);
}

} // namespace workbench
