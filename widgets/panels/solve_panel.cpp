// SPDX-License-Identifier: MIT
// SolvePanel: settings editors, job control and the evaluated assignment view.
#include "panels/solve_panel.h"
#include "panels/figure_label.h"

#include "commands/change_value.h"
#include "commands/document_targets.h"
#include "core/error.h"
#include "document/error_text.h"
#include "document/project_document.h"
#include "jobs/run_control_bridge.h"
#include "jobs/solve_job.h"
#include "lcrp/lcrp_baseline.h"
#include "lcrp/lcrp_encoder.h"
#include "lcrp/lcrp_evaluator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

const QColor CHOSEN_ALLOWED(0xa5, 0xd6, 0xa7);
const QColor CHOSEN_VIOLATING(0xef, 0x9a, 0x9a);
const QColor NOT_ALLOWED(0xee, 0xee, 0xee);

QString statusText(engine::SolverStatus status)
{
    switch (status) {
    case engine::SolverStatus::Optimal: return SolvePanel::tr("optimal");
    case engine::SolverStatus::Feasible: return SolvePanel::tr("solution found");
    case engine::SolverStatus::Infeasible: return SolvePanel::tr("infeasible");
    case engine::SolverStatus::TimeLimit: return SolvePanel::tr("time limit reached");
    case engine::SolverStatus::Cancelled: return SolvePanel::tr("cancelled");
    }
    return {};
}

QString solverLabel(SolverChoice choice)
{
    switch (choice) {
    case SolverChoice::GreedyPaper: return SolvePanel::tr("Greedy (paper)");
    case SolverChoice::GreedyBudgetAware: return SolvePanel::tr("Greedy (budget-aware)");
    case SolverChoice::Annealing: return SolvePanel::tr("Simulated annealing");
    case SolverChoice::Exact: return SolvePanel::tr("Exact MIP (CBC)");
    }
    return {};
}

QString number(double value, int significant = 6)
{
    return QLocale().toString(value, 'g', significant);
}

QString money(double value)
{
    return QStringLiteral("$") + QLocale().toString(value, 'f', 4);
}

/// Why task i may not take model j, as a translated list ("quality, latency"), empty when allowed.
QString pairProblems(const engine::LcrpInstance& instance, std::size_t i, std::size_t j)
{
    QStringList problems;
    if (!instance.meetsQuality(i, j))
        problems << SolvePanel::tr("quality below %1").arg(QLocale().toString(instance.qMin(i), 'f', 2));
    if (!instance.meetsLatency(i, j))
        problems << SolvePanel::tr("latency above %1 ms").arg(QLocale().toString(instance.latencySlaMs(i), 'f', 0));
    if (!instance.fitsContext(i, j))
        problems << SolvePanel::tr("context window too small");
    return problems.join(QStringLiteral(", "));
}

} // namespace

SolvePanel::SolvePanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_job(new SolveJob(this))
{
    m_solver = new QComboBox(this);
    for (SolverChoice choice : {SolverChoice::GreedyPaper, SolverChoice::GreedyBudgetAware, SolverChoice::Annealing,
                                SolverChoice::Exact})
        m_solver->addItem(solverLabel(choice), static_cast<int>(choice));
    m_solver->setToolTip(tr("Which classical solver the Run button starts"));

    m_seed = new QSpinBox(this);
    m_seed->setRange(0, static_cast<int>(MAX_SEED));
    m_seed->setKeyboardTracking(false);
    m_seed->setToolTip(tr("Random seed of simulated annealing; the same seed gives the same result"));
    m_steps = new QSpinBox(this);
    m_steps->setRange(1, static_cast<int>(MAX_ANNEALING_STEPS));
    m_steps->setSingleStep(1000);
    m_steps->setAccelerated(true);
    m_steps->setKeyboardTracking(false);
    m_steps->setGroupSeparatorShown(true);
    m_steps->setToolTip(tr("Annealing moves per restart (the paper uses 2000)"));
    m_restarts = new QSpinBox(this);
    m_restarts->setRange(1, MAX_ANNEALING_RESTARTS);
    m_restarts->setKeyboardTracking(false);
    m_restarts->setToolTip(tr("Independent annealing runs; the best one is kept"));

    m_budgetMode = new QComboBox(this);
    m_budgetMode->addItem(tr("hard constraint"), false);
    m_budgetMode->addItem(tr("soft penalty"), true);
    m_budgetMode->setToolTip(tr("Exact solver: budget as a constraint or as the λ_B penalty"));
    m_hardPairs = new QCheckBox(tr("Hard quality, latency and context"), this);
    m_hardPairs->setToolTip(tr("Exact solver: forbid disallowed pairs instead of penalising them"));
    m_timeLimit = new QDoubleSpinBox(this);
    m_timeLimit->setRange(1.0, MAX_EXACT_TIME_LIMIT_SECONDS);
    m_timeLimit->setDecimals(0);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setKeyboardTracking(false);
    m_timeLimit->setToolTip(tr("Exact solver: time limit of CBC"));

    m_run = new QPushButton(tr("Run"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, PROGRESS_STEPS);
    m_progress->setValue(0);

    auto* settings = new QGridLayout;
    settings->addWidget(new QLabel(tr("Solver:"), this), 0, 0);
    settings->addWidget(m_solver, 0, 1, 1, 3);
    settings->addWidget(new QLabel(tr("Seed:"), this), 1, 0);
    settings->addWidget(m_seed, 1, 1);
    settings->addWidget(new QLabel(tr("Steps:"), this), 1, 2);
    settings->addWidget(m_steps, 1, 3);
    settings->addWidget(new QLabel(tr("Restarts:"), this), 1, 4);
    settings->addWidget(m_restarts, 1, 5);
    settings->addWidget(new QLabel(tr("Budget:"), this), 2, 0);
    settings->addWidget(m_budgetMode, 2, 1);
    settings->addWidget(m_hardPairs, 2, 2, 1, 2);
    settings->addWidget(new QLabel(tr("Time limit:"), this), 2, 4);
    settings->addWidget(m_timeLimit, 2, 5);
    settings->setColumnStretch(1, 1);
    settings->setColumnStretch(3, 1);
    settings->setColumnStretch(5, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);

    m_matrix = new QTableWidget(this);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setSelectionMode(QAbstractItemView::NoSelection);
    // NOTE: ResizeToContents would re-measure on every setItem (quadratic for hundreds of tasks); columns are
    // sized once after each fill instead.
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->verticalHeader()->setDefaultSectionSize(m_matrix->fontMetrics().height() + 6);
    m_matrix->setToolTip(tr("Assignment: ● marks the chosen model of each task"));

    const auto figure = [this](const char* name) { return makeFigureLabel(this, name); };
    m_status = figure("status");
    m_cost = figure("cost");
    m_quality = figure("quality");
    m_validity = figure("validity");
    m_objective = figure("objective");
    m_energy = figure("energy");
    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    auto* figures = new QFormLayout;
    figures->addRow(tr("Status:"), m_status);
    figures->addRow(tr("Total cost:"), m_cost);
    figures->addRow(tr("Quality satisfied:"), m_quality);
    figures->addRow(tr("Validity:"), m_validity);
    figures->addRow(tr("Objective:"), m_objective);
    figures->addRow(tr("QUBO energy:"), m_energy);
    figures->addRow(m_note);

    auto* legend = new QLabel(
        tr("● chosen · green: allowed · red: violates quality, latency or context · grey: not allowed"), this);
    legend->setWordWrap(true);
    auto* matrixBox = new QVBoxLayout;
    matrixBox->addWidget(m_matrix, 1);
    matrixBox->addWidget(legend);

    auto* results = new QHBoxLayout;
    results->addLayout(matrixBox, 3);
    results->addLayout(figures, 4);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(settings);
    layout->addLayout(buttons);
    layout->addLayout(results, 1);

    // Translated when pushed, so the undo history follows the language in use.
    const auto text = [](const char* sourceText) { return QCoreApplication::translate("UndoCommands", sourceText); };
    connect(m_solver, &QComboBox::currentIndexChanged, this, [this, text](int) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::solver>{},
                        static_cast<SolverChoice>(m_solver->currentData().toInt()),
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Solver")), SolverChoiceId);
    });
    connect(m_seed, &QSpinBox::valueChanged, this, [this, text](int value) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::seed>{}, static_cast<std::uint64_t>(value),
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Seed")), SeedId);
    });
    connect(m_steps, &QSpinBox::valueChanged, this, [this, text](int value) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::annealingSteps>{},
                        static_cast<std::uint64_t>(value),
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Annealing Steps")), AnnealingStepsId);
    });
    connect(m_restarts, &QSpinBox::valueChanged, this, [this, text](int value) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::annealingRestarts>{}, value,
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Annealing Restarts")), AnnealingRestartsId);
    });
    connect(m_budgetMode, &QComboBox::currentIndexChanged, this, [this, text](int) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::exactSoftBudget>{},
                        m_budgetMode->currentData().toBool(),
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Budget Mode")), ExactBudgetModeId);
    });
    connect(m_hardPairs, &QCheckBox::toggled, this, [this, text](bool checked) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::exactHardPairConstraints>{}, checked,
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Pair Constraints")), ExactPairConstraintsId);
    });
    connect(m_timeLimit, &QDoubleSpinBox::valueChanged, this, [this, text](double value) {
        pushChangeValue(m_document, SettingsField<&WorkbenchSettings::exactTimeLimitSeconds>{}, value,
                        text(QT_TRANSLATE_NOOP("UndoCommands", "Change Time Limit")), ExactTimeLimitId);
    });

    connect(m_run, &QPushButton::clicked, this, &SolvePanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &SolvePanel::cancel);
    connect(m_job, &SolveJob::progressChanged, m_progress, [this](int value, int) { m_progress->setValue(value); });
    connect(m_job, &SolveJob::finished, this, &SolvePanel::onJobFinished);
    connect(document, &ProjectDocument::changed, this, &SolvePanel::onDocumentChanged);

    refreshSettings();
    clearResult(tr("Press Run to solve the instance."));
}

SolvePanel::~SolvePanel()
{
    shutdown();
}

QString SolvePanel::figureText(const QString& key) const
{
    const auto* label = findChild<QLabel*>(key);
    return label ? label->text() : QString();
}

void SolvePanel::run()
{
    if (m_job->isRunning())
        return;
    m_runGeneration = m_generation;
    m_progress->setValue(0);
    m_job->start(m_document->data());
    m_note->setText(tr("Running %1 …").arg(solverLabel(m_document->settings().solver)));
    updateEnabled();
}

void SolvePanel::cancel()
{
    m_job->cancel();
    if (m_job->isRunning())
        m_note->setText(tr("Cancelling …"));
}

void SolvePanel::shutdown()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->waitForFinished();
    }
}

void SolvePanel::onJobFinished()
{
    updateEnabled();
    if (m_runGeneration != m_generation)
        return;  // the document was replaced while the job ran
    const SolveOutcome& outcome = m_job->outcome();
    if (!outcome.succeeded) {
        const QString message = m_job->status() == JobStatus::Cancelled
            ? tr("Cancelled before the solver started.")
            : errorCodeText(outcome.errorCode) + QLatin1Char(' ') + QString::fromStdString(outcome.errorMessage);
        m_result.reset();
        clearResult(message);
        emit statusMessage(message);
        return;
    }
    m_result = outcome.result;
    m_editedSinceRun = false;
    m_progress->setValue(PROGRESS_STEPS);
    showResult();
    emit statusMessage(tr("%1: %2 in %3 s")
                           .arg(solverLabel(m_document->settings().solver), statusText(outcome.result.status),
                                QLocale().toString(outcome.result.seconds, 'f', 3)));
}

void SolvePanel::onDocumentChanged(const ChangeEvent& event)
{
    if (event.kind == ChangeEvent::Kind::Reset) {
        ++m_generation;
        m_job->cancel();
        m_result.reset();
        refreshSettings();
        clearResult(tr("Press Run to solve the instance."));
        return;
    }
    if (event.kind == ChangeEvent::Kind::SettingsChanged)
        refreshSettings();
    if (!m_result)
        return;
    if (event.isStructural()) {
        m_result.reset();
        clearResult(tr("The instance changed shape since the last run; run the solver again."));
        return;
    }
    m_editedSinceRun = true;
    showResult();
}

void SolvePanel::refreshSettings()
{
    const WorkbenchSettings& s = m_document->settings();
    {
        const QSignalBlocker b1(m_solver), b2(m_seed), b3(m_steps), b4(m_restarts), b5(m_budgetMode), b6(m_hardPairs),
            b7(m_timeLimit);
        m_solver->setCurrentIndex(m_solver->findData(static_cast<int>(s.solver)));
        m_seed->setValue(static_cast<int>(s.seed));
        m_steps->setValue(static_cast<int>(std::min<std::uint64_t>(s.annealingSteps, MAX_ANNEALING_STEPS)));
        m_restarts->setValue(s.annealingRestarts);
        m_budgetMode->setCurrentIndex(s.exactSoftBudget ? 1 : 0);
        m_hardPairs->setChecked(s.exactHardPairConstraints);
        m_timeLimit->setValue(s.exactTimeLimitSeconds);
    }
    updateEnabled();
}

void SolvePanel::updateEnabled()
{
    const bool running = m_job->isRunning();
    const SolverChoice solver = m_document->settings().solver;
    const bool annealing = solver == SolverChoice::Annealing;
    const bool exact = solver == SolverChoice::Exact;
    m_solver->setEnabled(!running);
    m_seed->setEnabled(!running && annealing);
    m_steps->setEnabled(!running && annealing);
    m_restarts->setEnabled(!running && annealing);
    m_budgetMode->setEnabled(!running && exact);
    m_hardPairs->setEnabled(!running && exact);
    m_timeLimit->setEnabled(!running && exact);
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
}

void SolvePanel::clearResult(const QString& note)
{
    const engine::LcrpInstance& instance = m_document->instance();
    m_matrix->clear();
    m_matrix->setRowCount(static_cast<int>(instance.numTasks()));
    m_matrix->setColumnCount(static_cast<int>(instance.numModels()));
    QStringList rows, columns;
    for (const auto& task : instance.tasks)
        rows << QString::fromStdString(task.id);
    for (const auto& model : instance.models)
        columns << QString::fromStdString(model.name);
    m_matrix->setVerticalHeaderLabels(rows);
    m_matrix->setHorizontalHeaderLabels(columns);
    m_matrix->resizeColumnsToContents();
    for (QLabel* label : {m_status, m_cost, m_quality, m_validity, m_objective, m_energy})
        label->setText(QStringLiteral("–"));
    m_validity->setText(tr("– (a uniformly random bitstring is valid with probability %1 %)")
                            .arg(number(engine::uniformRandomValidRate(instance) * 100.0, 3)));
    m_note->setText(note);
}

void SolvePanel::showResult()
{
    const engine::SolverResult& result = *m_result;
    const engine::LcrpInstance& instance = m_document->instance();
    const WorkbenchSettings& settings = m_document->settings();
    const QString noteSuffix = m_editedSinceRun
        ? tr("The instance was edited after this run; the figures are for the current instance.")
        : QString();
    QString solverNote = QString::fromStdString(result.message);

    if (result.assignment.size() != instance.numTasks()) {
        clearResult(solverNote.isEmpty() ? tr("The solver returned no assignment.") : solverNote);
        m_status->setText(statusText(result.status));
        return;
    }

    engine::LcrpEvaluation evaluation;
    engine::LcrpEncoding encoding;
    // Beyond the encoding limit the budget stays out of the QUBO (K = 0 avoids its all-pairs coupling); cost,
    // validity and the direct objective do not depend on it, only the QUBO energy, which is then not shown.
    const std::size_t quboSize = instance.numAssignmentVariables() + static_cast<std::size_t>(settings.budgetSlackBits);
    const bool fullQubo = quboSize <= MAX_ENCODED_VARIABLES;
    try {
        engine::LcrpEncoderOptions options;
        options.objective = settings.objective;
        options.budgetSlackBits = fullQubo ? settings.budgetSlackBits : 0;
        encoding = engine::encodeLcrp(instance, options);
        evaluation = engine::evaluateAssignment(instance, encoding, result.assignment);
    } catch (const engine::Error& e) {
        clearResult(errorMessage(e));
        return;
    }

    clearResult(QString());
    const QLocale locale;
    m_matrix->setUpdatesEnabled(false);
    for (std::size_t i = 0; i < instance.numTasks(); ++i) {
        for (std::size_t j = 0; j < instance.numModels(); ++j) {
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            const bool chosen = result.assignment[i] == static_cast<int>(j);
            const QString problems = pairProblems(instance, i, j);
            QString tip = tr("%1 → %2: cost %3")
                              .arg(QString::fromStdString(instance.tasks[i].id),
                                   QString::fromStdString(instance.models[j].name), money(instance.costUsd(i, j)));
            if (!problems.isEmpty())
                tip += QLatin1Char('\n') + tr("Not allowed: %1").arg(problems);
            item->setToolTip(tip);
            if (chosen) {
                item->setText(QStringLiteral("●"));
                item->setBackground(problems.isEmpty() ? CHOSEN_ALLOWED : CHOSEN_VIOLATING);
            } else if (!problems.isEmpty()) {
                item->setBackground(NOT_ALLOWED);
            }
            m_matrix->setItem(static_cast<int>(i), static_cast<int>(j), item);
        }
    }
    m_matrix->resizeColumnsToContents();
    m_matrix->setUpdatesEnabled(true);

    QString status = tr("%1 · %2 · %3 s")
                         .arg(statusText(result.status), solverLabel(settings.solver),
                              locale.toString(result.seconds, 'f', 3));
    if (result.provenOptimal)
        status += tr(" · proven optimal");
    m_status->setText(status);

    const QString budget = QStringLiteral("$") + locale.toString(instance.budgetUsd, 'f', 2);
    m_cost->setText(tr("%1 of %2 budget").arg(money(evaluation.costUsd), budget));
    m_quality->setText(tr("%1 % of tasks").arg(locale.toString(evaluation.qualitySatisfaction * 100.0, 'f', 1)));

    QStringList violations;
    const engine::LcrpViolations& v = evaluation.violations;
    if (v.oneHot > 0)
        violations << tr("one-hot %1").arg(v.oneHot);
    if (v.quality > 0)
        violations << tr("quality %1").arg(v.quality);
    if (v.latency > 0)
        violations << tr("latency %1").arg(v.latency);
    if (v.context > 0)
        violations << tr("context %1").arg(v.context);
    if (v.budget > 0)
        violations << tr("budget %1").arg(v.budget);
    QString validity = evaluation.valid ? tr("valid") : tr("invalid");
    validity += evaluation.feasible ? tr(", feasible")
                                    : tr(", infeasible (%1)").arg(violations.join(QStringLiteral(", ")));
    validity += QLatin1Char('\n')
        + tr("uniform random valid rate: %1 %").arg(number(engine::uniformRandomValidRate(instance) * 100.0, 3));
    m_validity->setText(validity);

    m_objective->setText(number(evaluation.objective, 8));
    const QString energy = number(evaluation.quboEnergy, 8);
    if (!fullQubo)
        m_energy->setText(tr("not computed: more than %1 QUBO variables").arg(MAX_ENCODED_VARIABLES));
    else if (encoding.budgetInQubo)
        m_energy->setText(tr("%1 (optimal slack over %2 bits)").arg(energy).arg(encoding.numSlackVariables));
    else
        m_energy->setText(tr("%1 (budget not in the QUBO)").arg(energy));

    QStringList notes;
    if (!solverNote.isEmpty())
        notes << solverNote;
    if (!noteSuffix.isEmpty())
        notes << noteSuffix;
    m_note->setText(notes.join(QLatin1Char('\n')));
}

} // namespace workbench
