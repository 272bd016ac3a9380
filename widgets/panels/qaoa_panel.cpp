// SPDX-License-Identifier: MIT
// QaoaPanel: option editors, job control, throttled live plots and the figures of a finished run.
#include "panels/qaoa_panel.h"
#include "panels/figure_label.h"
#include "panels/panel_parts.h"

#include "document/error_text.h"
#include "document/project_document.h"
#include "lcrp/lcrp_baseline.h"
#include "plots/p1_landscape_plot.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/state_histogram_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStringList>
#include <QTabWidget>
#include <QVBoxLayout>

#include <climits>
#include <initializer_list>
#include <utility>

namespace workbench {

namespace {

QString mixerLabel(engine::MixerKind kind)
{
    switch (kind) {
    case engine::MixerKind::X: return QaoaPanel::tr("X (transverse field)");
    case engine::MixerKind::XYParityRing: return QaoaPanel::tr("XY parity ring");
    case engine::MixerKind::XYRing: return QaoaPanel::tr("XY ring (exact)");
    case engine::MixerKind::XYComplete: return QaoaPanel::tr("XY complete");
    case engine::MixerKind::WarmStart: return QaoaPanel::tr("Warm start (greedy)");
    }
    return {};
}

QString angleLabel(engine::AngleMethod method)
{
    switch (method) {
    case engine::AngleMethod::Optimize: return QaoaPanel::tr("Optimise");
    case engine::AngleMethod::Predicted: return QaoaPanel::tr("Predicted (tree rule)");
    case engine::AngleMethod::Ramp: return QaoaPanel::tr("Linear ramp");
    case engine::AngleMethod::Fixed: return QaoaPanel::tr("Fixed");
    case engine::AngleMethod::Gnn: return QaoaPanel::tr("Predicted (GNN, p = 2..6)");
    }
    return {};
}

QString optimizerLabel(engine::QaoaOptimizerMethod method)
{
    switch (method) {
    case engine::QaoaOptimizerMethod::Cobyla: return QaoaPanel::tr("COBYLA");
    case engine::QaoaOptimizerMethod::Bobyqa: return QaoaPanel::tr("BOBYQA");
    case engine::QaoaOptimizerMethod::Lbfgs: return QaoaPanel::tr("L-BFGS (adjoint gradient)");
    }
    return {};
}

bool isXY(engine::MixerKind kind)
{
    return kind == engine::MixerKind::XYRing || kind == engine::MixerKind::XYComplete
        || kind == engine::MixerKind::XYParityRing;
}

QString percent(double rate)
{
    return QLocale().toString(rate * 100.0, 'g', 4) + QStringLiteral(" %");
}

QString number(double value, int significant = 6)
{
    return QLocale().toString(value, 'g', significant);
}

QString angleList(const std::vector<double>& angles)
{
    QStringList parts;
    for (double a : angles)
        parts << QLocale().toString(a, 'f', 4);
    return parts.join(QStringLiteral(", "));
}

QGroupBox* framed(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(content);
    return box;
}

} // namespace

QaoaPanel::QaoaPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_job(new QaoaJob(this))
{
    m_depth = spinBox(1, MAX_QAOA_PANEL_DEPTH, tr("Number of QAOA layers p"), this);
    m_mixer = new QComboBox(this);
    for (engine::MixerKind kind : {engine::MixerKind::X, engine::MixerKind::XYParityRing, engine::MixerKind::XYRing,
                                   engine::MixerKind::XYComplete, engine::MixerKind::WarmStart})
        m_mixer->addItem(mixerLabel(kind), static_cast<int>(kind));
    m_mixer->setToolTip(tr("XY mixers keep every task one-hot; the warm start begins near the greedy assignment"));
    m_greedyStart = new QCheckBox(tr("Start from the greedy assignment"), this);
    m_greedyStart->setToolTip(tr("XY mixers: start in the greedy assignment's basis state instead of W states"));
    m_angles = new QComboBox(this);
    for (engine::AngleMethod method :
         {engine::AngleMethod::Optimize, engine::AngleMethod::Predicted, engine::AngleMethod::Ramp,
          engine::AngleMethod::Gnn})
        m_angles->addItem(angleLabel(method), static_cast<int>(method));
    m_angles->setToolTip(tr("Optimise the angles, or use angles from a rule without a variational loop"));
    m_optimizer = new QComboBox(this);
    for (engine::QaoaOptimizerMethod method : {engine::QaoaOptimizerMethod::Cobyla, engine::QaoaOptimizerMethod::Bobyqa,
                                               engine::QaoaOptimizerMethod::Lbfgs})
        m_optimizer->addItem(optimizerLabel(method), static_cast<int>(method));
    m_restarts = spinBox(1, MAX_QAOA_PANEL_RESTARTS, tr("Independent optimiser runs from random angles"), this);
    m_iterations = spinBox(1, MAX_QAOA_PANEL_ITERATIONS, tr("Objective evaluations per restart"), this);
    m_shots = spinBox(0, MAX_QAOA_PANEL_SHOTS, tr("Samples drawn from the final state (0: exact figures only)"), this);
    m_shots->setGroupSeparatorShown(true);
    m_shots->setSingleStep(1000);
    m_seed = spinBox(0, static_cast<int>(MAX_SEED), tr("Seeds the random starts and the samples"), this);
    m_trackValid = new QCheckBox(tr("Track the valid rate"), this);
    m_trackValid->setToolTip(tr("Compute the exact valid rate of every evaluated state (one more simulation each)"));

    m_run = new QPushButton(tr("Run QAOA"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v / %m evaluations"));

    auto* options = new QFormLayout;
    options->addRow(tr("Layers p:"), m_depth);
    options->addRow(tr("Mixer:"), m_mixer);
    options->addRow(QString(), m_greedyStart);
    options->addRow(tr("Angles:"), m_angles);
    options->addRow(tr("Optimiser:"), m_optimizer);
    options->addRow(tr("Restarts:"), m_restarts);
    options->addRow(tr("Iterations:"), m_iterations);
    options->addRow(tr("Shots:"), m_shots);
    options->addRow(tr("Seed:"), m_seed);
    options->addRow(QString(), m_trackValid);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);

    const auto figure = [this](const char* name) { return makeFigureLabel(this, name); };
    m_qubits = figure("qubits");
    m_status = figure("status");
    m_expectation = figure("expectation");
    m_validity = figure("validity");
    m_feasibility = figure("feasibility");
    m_bestValid = figure("bestValid");
    m_decoded = figure("decoded");
    m_arStar = figure("arStar");
    m_time = figure("time");
    m_anglesText = figure("angles");
    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    auto* figures = new QFormLayout;
    figures->addRow(tr("Register:"), m_qubits);
    figures->addRow(tr("Status:"), m_status);
    figures->addRow(tr("Expectation:"), m_expectation);
    figures->addRow(tr("Valid rate:"), m_validity);
    figures->addRow(tr("Feasible rate:"), m_feasibility);
    figures->addRow(tr("Best valid sample:"), m_bestValid);
    figures->addRow(tr("Decoded best:"), m_decoded);
    figures->addRow(tr("AR*:"), m_arStar);
    figures->addRow(tr("Time:"), m_time);
    figures->addRow(tr("Angles:"), m_anglesText);

    // Options and results share the narrow left column as tabs, so the plots keep the width; a finished run
    // switches to its results.
    const SideTabs sideTabs = makeSideTabs(this, options, figures, m_note, tr("Options"), tr("Results"));
    m_tabs = sideTabs.tabs;
    QWidget* side = makeSideColumn(this, sideTabs, buttons, {m_progress});

    m_convergence = new QaoaConvergencePlot(this);
    m_validRate = new ValidRatePlot(this);
    m_landscape = new P1LandscapePlot(this);
    m_histogram = new StateHistogramPlot(this);
    auto* plots = new QWidget(this);
    auto* grid = new QGridLayout(plots);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(framed(tr("Convergence"), m_convergence, plots), 0, 0);
    grid->addWidget(framed(tr("Valid rate"), m_validRate, plots), 0, 1);
    grid->addWidget(framed(tr("p = 1 landscape (× run, ○ minimum)"), m_landscape, plots), 1, 0);
    grid->addWidget(framed(tr("Most probable states"), m_histogram, plots), 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(plots);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    m_plotTimer.setSingleShot(true);
    m_plotTimer.setInterval(PLOT_INTERVAL_MS);
    connect(&m_plotTimer, &QTimer::timeout, this, &QaoaPanel::flushPoints);
    connect(m_run, &QPushButton::clicked, this, &QaoaPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &QaoaPanel::cancel);
    connect(m_job, &QaoaJob::pointsReady, this, &QaoaPanel::onPoints);
    connect(m_job, &QaoaJob::finished, this, &QaoaPanel::onJobFinished);
    connect(document, &ProjectDocument::changed, this, &QaoaPanel::onDocumentChanged);
    for (QComboBox* box : {m_mixer, m_angles})
        connect(box, &QComboBox::currentIndexChanged, this, &QaoaPanel::updateEnabled);

    setSettings(QaoaSettings{});
    updateQubits();
    clearResults(tr("Press Run QAOA to simulate the instance."));
}

QaoaPanel::~QaoaPanel()
{
    shutdown();
}

QaoaSettings QaoaPanel::settings() const
{
    QaoaSettings s;
    s.depth = static_cast<std::size_t>(m_depth->value());
    s.mixer = static_cast<engine::MixerKind>(m_mixer->currentData().toInt());
    s.startFromGreedy = m_greedyStart->isChecked();
    s.angles = static_cast<engine::AngleMethod>(m_angles->currentData().toInt());
    s.optimizer = static_cast<engine::QaoaOptimizerMethod>(m_optimizer->currentData().toInt());
    s.restarts = m_restarts->value();
    s.iterations = m_iterations->value();
    s.shots = static_cast<std::uint64_t>(m_shots->value());
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    s.trackValidRate = m_trackValid->isChecked();
    s.threads = m_threads;
    s.precision = m_precision;
    return s;
}

void QaoaPanel::setThreadCount(int threads)
{
    m_threads = std::max(0, threads);
}

void QaoaPanel::setPrecision(engine::Precision precision)
{
    m_precision = precision;
}

void QaoaPanel::setSettings(const QaoaSettings& s)
{
    m_depth->setValue(static_cast<int>(s.depth));
    m_mixer->setCurrentIndex(std::max(0, m_mixer->findData(static_cast<int>(s.mixer))));
    m_greedyStart->setChecked(s.startFromGreedy);
    m_angles->setCurrentIndex(std::max(0, m_angles->findData(static_cast<int>(s.angles))));
    m_optimizer->setCurrentIndex(std::max(0, m_optimizer->findData(static_cast<int>(s.optimizer))));
    m_restarts->setValue(s.restarts);
    m_iterations->setValue(s.iterations);
    m_shots->setValue(static_cast<int>(std::min<std::uint64_t>(s.shots, MAX_QAOA_PANEL_SHOTS)));
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(s.seed, MAX_SEED)));
    m_trackValid->setChecked(s.trackValidRate);
    updateEnabled();
}

QaoaRequest QaoaPanel::request() const
{
    QaoaRequest request;
    request.instance = m_document->instance();
    request.encoding = encoderOptionsOf(*m_document);
    request.settings = settings();
    return request;
}

QString QaoaPanel::figureText(const QString& key) const
{
    const auto* label = findChild<QLabel*>(key);
    return label ? label->text() : QString();
}

void QaoaPanel::run()
{
    if (m_job->isRunning() || m_registerSize == 0 || m_registerSize > MAX_QAOA_QUBITS)
        return;
    m_runGeneration = m_generation;
    m_pendingPoints.clear();
    m_plotTimer.stop();
    const QaoaRequest req = request();
    clearResults(tr("Running QAOA on %n qubit(s) …", nullptr, static_cast<int>(m_registerSize)));
    m_validRate->setBaseline(engine::uniformRandomValidRate(req.instance));
    m_validRate->replot();
    m_job->start(req);
    const auto budget = static_cast<int>(std::min<std::uint64_t>(m_job->evaluationBudget(), INT_MAX));
    m_progress->setRange(0, budget);  // 0..0: a busy bar for rules without evaluations
    m_progress->setValue(0);
    m_status->setText(tr("running"));
    updateEnabled();
    emit runStarted();
}

void QaoaPanel::cancel()
{
    m_job->cancel();
    if (m_job->isRunning())
        m_note->setText(tr("Cancelling …"));
}

void QaoaPanel::shutdown()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->waitForFinished();
    }
}

void QaoaPanel::onPoints(const std::vector<engine::QaoaProgressPoint>& points)
{
    if (m_runGeneration != m_generation || points.empty())
        return;
    m_pendingPoints.insert(m_pendingPoints.end(), points.begin(), points.end());
    const auto done = static_cast<int>(std::min<std::uint64_t>(points.back().evaluation, INT_MAX));
    if (done <= m_progress->maximum())
        m_progress->setValue(done);
    if (!m_plotTimer.isActive())
        m_plotTimer.start();
}

void QaoaPanel::flushPoints()
{
    m_plotTimer.stop();
    if (m_pendingPoints.empty())
        return;
    m_convergence->appendPoints(m_pendingPoints);
    m_validRate->appendPoints(m_pendingPoints);
    m_pendingPoints.clear();
    m_convergence->replot();
    m_validRate->replot();
}

void QaoaPanel::onJobFinished()
{
    updateEnabled();
    if (m_runGeneration != m_generation) {
        m_pendingPoints.clear();
        return;  // the document was replaced while the job ran
    }
    flushPoints();
    const QaoaOutcome& outcome = m_job->outcome();
    if (!outcome.succeeded) {
        const QString message = m_job->status() == QaoaJobStatus::Cancelled
            ? tr("Cancelled before the run started.")
            : errorCodeText(outcome.errorCode) + QLatin1Char(' ') + QString::fromStdString(outcome.errorMessage);
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_status->setText(m_job->status() == QaoaJobStatus::Cancelled ? tr("cancelled") : tr("failed"));
        m_note->setText(message);
        emit statusMessage(message);
        return;
    }
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    // Restarts may stop early on their tolerance, so the budget is rarely used up: a finished run shows full.
    if (!outcome.result.cancelled)
        m_progress->setValue(m_progress->maximum());
    m_note->clear();
    showResults();
    m_tabs->setCurrentIndex(1);
    emit statusMessage(tr("QAOA: ⟨H⟩ = %1, valid rate %2 in %3 s")
                           .arg(number(outcome.result.expectation),
                                outcome.result.lcrpExact ? percent(outcome.result.lcrpExact->validRate) : QString(),
                                QLocale().toString(outcome.result.seconds, 'f', 2)));
}

void QaoaPanel::onDocumentChanged(const ChangeEvent& event)
{
    updateQubits();
    if (event.kind == ChangeEvent::Kind::Reset) {
        ++m_generation;
        m_job->cancel();
        clearResults(tr("Press Run QAOA to simulate the instance."));
        return;
    }
    if (m_job->outcome().succeeded && m_job->status() != QaoaJobStatus::Running
        && event.kind != ChangeEvent::Kind::SettingsChanged)
        m_note->setText(tr("The instance was edited after this run; the figures are for the instance as run."));
}

void QaoaPanel::updateQubits()
{
    const RegisterSize size = registerSizeOf(*m_document);
    const std::size_t assignment = size.assignment;
    const std::size_t slack = size.slack;
    m_registerSize = size.total();
    QString text = tr("%1 qubits (%2 assignment, %3 budget slack)").arg(m_registerSize).arg(assignment).arg(slack);
    if (m_registerSize > MAX_QAOA_QUBITS)
        text += QLatin1Char('\n') + tr("too many to simulate here (at most %1)").arg(MAX_QAOA_QUBITS);
    m_qubits->setText(text);
    updateEnabled();
}

void QaoaPanel::updateEnabled()
{
    const bool running = m_job->isRunning();
    const auto mixer = static_cast<engine::MixerKind>(m_mixer->currentData().toInt());
    const bool optimise = static_cast<engine::AngleMethod>(m_angles->currentData().toInt()) == engine::AngleMethod::Optimize;
    for (QWidget* w : std::initializer_list<QWidget*>{m_depth, m_mixer, m_angles, m_shots, m_seed})
        w->setEnabled(!running);
    m_greedyStart->setEnabled(!running && isXY(mixer));
    m_optimizer->setEnabled(!running && optimise);
    m_restarts->setEnabled(!running && optimise);
    m_iterations->setEnabled(!running && optimise);
    m_trackValid->setEnabled(!running && optimise);
    m_run->setEnabled(!running && m_registerSize > 0 && m_registerSize <= MAX_QAOA_QUBITS);
    m_cancel->setEnabled(running);
}

void QaoaPanel::clearResults(const QString& note)
{
    for (QLabel* label : {m_status, m_expectation, m_validity, m_feasibility, m_bestValid, m_decoded, m_arStar, m_time,
                          m_anglesText})
        label->setText(QStringLiteral("–"));
    const double baseline = engine::uniformRandomValidRate(m_document->instance());
    m_validity->setText(tr("– (uniform random: %1)").arg(percent(baseline)));
    m_note->setText(note);
    m_pendingPoints.clear();
    m_convergence->clear();
    m_validRate->clear();
    m_validRate->setBaseline(baseline);
    m_validRate->replot();
    m_landscape->clear();
    m_histogram->clear();
}

QString QaoaPanel::assignmentText(const std::vector<int>& assignment) const
{
    const engine::LcrpInstance& instance = m_job->outcome().instance;
    QStringList parts;
    for (std::size_t i = 0; i < assignment.size() && i < instance.numTasks(); ++i) {
        const int j = assignment[i];
        const QString model = j >= 0 && static_cast<std::size_t>(j) < instance.numModels()
            ? QString::fromStdString(instance.models[static_cast<std::size_t>(j)].name)
            : QStringLiteral("?");
        parts << tr("%1 → %2").arg(QString::fromStdString(instance.tasks[i].id), model);
    }
    return parts.join(QStringLiteral(", "));
}

void QaoaPanel::showResults()
{
    const QaoaOutcome& outcome = m_job->outcome();
    const engine::QaoaRunResult& r = outcome.result;
    const QLocale locale;

    m_status->setText(r.cancelled ? tr("cancelled (best angles so far)") : tr("finished"));
    m_expectation->setText(tr("⟨H⟩ = %1 (optimum %2, worst %3)")
                               .arg(number(r.expectation), number(r.minEnergy), number(r.maxEnergy)));
    const QString baseline = percent(outcome.uniformValidRate);
    const QString exactValid = r.lcrpExact ? percent(r.lcrpExact->validRate) : QStringLiteral("–");
    const QString exactFeasible = r.lcrpExact ? percent(r.lcrpExact->feasibleRate) : QStringLiteral("–");
    if (r.lcrpSampled) {
        m_validity->setText(tr("sampled %1, exact %2 · uniform random %3")
                                .arg(percent(r.lcrpSampled->validRate), exactValid, baseline));
        m_feasibility->setText(tr("sampled %1, exact %2").arg(percent(r.lcrpSampled->feasibleRate), exactFeasible));
    } else {
        m_validity->setText(tr("exact %1 · uniform random %2").arg(exactValid, baseline));
        m_feasibility->setText(tr("exact %1").arg(exactFeasible));
    }

    const auto solution = [this, &locale](const engine::LcrpSolutionSummary& s) {
        return tr("$%1, objective %2, %3\n%4")
            .arg(locale.toString(s.costUsd, 'f', 4), number(s.objective),
                 s.feasible ? tr("feasible") : tr("infeasible"), assignmentText(s.assignment));
    };
    if (!r.lcrpSampled) {
        m_bestValid->setText(tr("– (no shots)"));
        m_decoded->setText(tr("– (no shots)"));
    } else {
        m_bestValid->setText(r.lcrpSampled->bestValid ? solution(*r.lcrpSampled->bestValid)
                                                      : tr("no valid sample among the shots"));
        m_decoded->setText(solution(r.lcrpSampled->decodedBest) + QLatin1Char('\n')
                           + tr("decoded feasible rate %1").arg(percent(r.lcrpSampled->decodedFeasibleRate)));
    }
    QString ar = r.exact.arStar ? tr("exact %1").arg(locale.toString(*r.exact.arStar, 'f', 4)) : QStringLiteral("–");
    if (r.sampled && r.sampled->arStar)
        ar += tr(", sampled %1").arg(locale.toString(*r.sampled->arStar, 'f', 4));
    m_arStar->setText(ar);
    m_time->setText(tr("%1 s, %n evaluation(s)", nullptr, static_cast<int>(std::min<std::uint64_t>(r.evaluations, INT_MAX)))
                        .arg(locale.toString(r.seconds, 'f', 3)));
    m_anglesText->setText(r.angles.depth() == 0
                              ? QStringLiteral("–")
                              : tr("γ = (%1)\nβ = (%2)").arg(angleList(r.angles.gammas), angleList(r.angles.betas)));

    m_convergence->setFinalExpectation(r.angles.depth() > 0 ? std::optional<double>(r.expectation) : std::nullopt);
    m_convergence->replot();
    m_validRate->setBaseline(outcome.uniformValidRate);
    m_validRate->setFinalRate(r.lcrpExact ? std::optional<double>(r.lcrpExact->validRate) : std::nullopt);
    m_validRate->replot();
    if (outcome.landscape)
        m_landscape->setLandscape(*outcome.landscape, landscapePoint(r.angles));
    else
        m_landscape->clear();
    m_histogram->setStates(outcome.instance, outcome.encoding, r.topStates);
}

} // namespace workbench
