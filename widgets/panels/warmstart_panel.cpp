// SPDX-License-Identifier: MIT
// WarmstartPanel: option editors, instance sources, job control, live plots, figures and the sweep page.
#include "panels/warmstart_panel.h"
#include "panels/figure_label.h"
#include "panels/panel_parts.h"

#include "document/error_text.h"
#include "document/project_document.h"
#include "document/workbench_settings.h"
#include "emulator/local_backend.h"
#include "jobs/run_control_bridge.h"
#include "plots/runtime_comparison_plot.h"
#include "plots/warmstart_plots.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringList>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>
#include <variant>

namespace workbench {

namespace {

QString number(double value, int significant = 4)
{
    return QLocale().toString(value, 'g', significant);
}

QString seconds(double value)
{
    return QLocale().toString(value, 'f', value < 10.0 ? 3 : 1);
}

QGroupBox* framed(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(content);
    return box;
}

QString qKindText(engine::QFactorKind kind)
{
    switch (kind) {
    case engine::QFactorKind::Estimate: return WarmstartPanel::tr("estimate");
    case engine::QFactorKind::LowerBound: return WarmstartPanel::tr("lower bound (no random start succeeded)");
    case engine::QFactorKind::WarmFailed: return WarmstartPanel::tr("no warm start succeeded");
    case engine::QFactorKind::Undefined: return WarmstartPanel::tr("undefined (no run succeeded)");
    }
    return {};
}

QString optimumSourceText(const std::string& source)
{
    if (source == "brute_force")
        return WarmstartPanel::tr("brute force");
    if (source == "exact_solver")
        return WarmstartPanel::tr("exact solver");
    if (source == "best_found")
        return WarmstartPanel::tr("best found, not proven optimal");
    return QString::fromStdString(source);
}

/// "6, 8, 10" as numbers within [low, high]; throws engine::Error naming `what` otherwise.
std::vector<std::size_t> parseSizes(const QString& text, std::size_t low, std::size_t high, const char* what)
{
    std::vector<std::size_t> values;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const qulonglong value = part.trimmed().toULongLong(&ok);
        if (!ok || value < low || value > high)
            throw engine::Error(engine::ErrorCode::InvalidArgument,
                                std::string("'") + part.trimmed().toStdString() + "' is not a whole number in ["
                                    + std::to_string(low) + ", " + std::to_string(high) + "]",
                                what);
        values.push_back(static_cast<std::size_t>(value));
    }
    if (values.empty())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "the list is empty", what);
    return values;
}

/// The text of an instance's kind and size.
QString instanceSummary(const engine::Instance& instance)
{
    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance))
        return WarmstartPanel::tr("LCRP: %1 tasks × %2 models").arg(lcrp->numTasks()).arg(lcrp->numModels());
    if (const auto* graph = std::get_if<engine::GraphInstance>(&instance)) {
        const QString problem = graph->problem == engine::GraphProblem::MaxCut ? WarmstartPanel::tr("Max-Cut")
                                                                                : WarmstartPanel::tr("MIS");
        return WarmstartPanel::tr("%1 graph: %2 vertices, %3 edges")
            .arg(problem)
            .arg(graph->graph.numVertices())
            .arg(graph->graph.edges().size());
    }
    const auto& qubo = std::get<engine::QuboInstance>(instance);
    return WarmstartPanel::tr("QUBO: %1 variables, %2 couplings")
        .arg(qubo.qubo.numVariables())
        .arg(qubo.qubo.numQuadraticTerms());
}

void setItemEnabled(QComboBox* box, int index, bool enabled)
{
    if (auto* model = qobject_cast<QStandardItemModel*>(box->model()))
        if (QStandardItem* item = model->item(index))
            item->setEnabled(enabled);
}

} // namespace

WarmstartPanel::WarmstartPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_job(new WarmstartJob(this))
{
    m_pages = new QTabWidget(this);
    m_pages->addTab(buildPipelinePage(), tr("Single instance"));
    m_pages->addTab(buildSweepPage(), tr("Sweep"));
    m_pages->setTabToolTip(0, tr("The warm-start pipeline on one instance: sample, filter, and measure the Q-factor"));
    m_pages->setTabToolTip(1, tr("The emulated protocol over random graph families, sizes and depths"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_pages);

    connect(m_job, &WarmstartJob::runPoints, this, &WarmstartPanel::onRunPoints);
    connect(m_job, &WarmstartJob::sweepRows, this, &WarmstartPanel::onSweepRows);
    connect(m_job, &WarmstartJob::progressChanged, this, &WarmstartPanel::onProgress);
    connect(m_job, &WarmstartJob::stageChanged, this, &WarmstartPanel::onStage);
    connect(m_job, &WarmstartJob::finished, this, &WarmstartPanel::onJobFinished);
    connect(document, &ProjectDocument::changed, this, &WarmstartPanel::onDocumentChanged);

    updateInstance();
    updateSweepCheck();
    clearPipelineResults(tr("Press Run to sample the instance and measure the Q-factor."));
}

WarmstartPanel::~WarmstartPanel()
{
    shutdown();
}

QWidget* WarmstartPanel::buildPipelinePage()
{
    auto* page = new QWidget(this);

    m_source = new QComboBox(page);
    m_source->addItem(tr("Project LCRP instance"));
    m_source->addItem(tr("Generated graph (Max-Cut)"));
    m_source->addItem(tr("Instance file"));
    m_source->setToolTip(tr("The instance to sample: the open project, a random graph, or a file"));
    m_family = new QComboBox(page);
    m_family->addItem(tr("3-regular"));
    m_family->addItem(tr("Erdős–Rényi, p = 0.3"));
    m_family->addItem(tr("d-regular (degree below)"));
    m_family->addItem(tr("Erdős–Rényi (probability below)"));
    m_family->setToolTip(tr("Random graph family; unit weights, drawn as the sweep draws its graph 0"));
    m_degree = spinBox(1, 64, tr("Degree d of the custom regular family (N × d must be even, d < N)"), page);
    m_degree->setValue(4);
    m_probability = new QDoubleSpinBox(page);
    m_probability->setRange(0.01, 1.0);
    m_probability->setDecimals(3);
    m_probability->setSingleStep(0.05);
    m_probability->setValue(0.5);
    m_probability->setKeyboardTracking(false);
    m_probability->setToolTip(tr("Edge probability of the custom Erdős–Rényi family"));
    m_vertices = spinBox(2, MAX_WARMSTART_PANEL_VERTICES, tr("Number of vertices N of the generated graph"), page);
    m_vertices->setValue(12);
    m_graphSeed = spinBox(0, static_cast<int>(MAX_SEED), tr("Seed of the generated graph"), page);
    m_graphSeed->setValue(1);
    m_openFile = new QPushButton(tr("Open…"), page);
    m_openFile->setToolTip(tr("Read an instance file (workbench JSON, Gset, MQLib or OR-Library)"));
    m_filePath = new QLabel(tr("no file"), page);
    m_filePath->setWordWrap(true);
    m_filePath->setToolTip(tr("The instance file in use"));
    m_instanceInfo = makeFigureLabel(page, "instance");
    m_instanceInfo->setToolTip(tr("Kind and size of the instance that Run samples"));

    m_depth = spinBox(1, MAX_WARMSTART_PANEL_DEPTH, tr("QAOA depth p of the predicted angles (Max-Cut: 1 to 6)"), page);
    m_depth->setValue(2);
    m_backend = new QComboBox(page);
    for (const std::string& name : engine::localBackendNames())
        m_backend->addItem(QString::fromStdString(name));
    m_backend->setCurrentIndex(std::max(0, m_backend->findText(QStringLiteral("local:ideal"))));
    m_backend->setToolTip(
        tr("local:ideal samples the exact state; a device backend transpiles and emulates its noise"));
    m_shots = spinBox(1, MAX_WARMSTART_PANEL_SHOTS, tr("Samples drawn from the QAOA state"), page);
    m_shots->setGroupSeparatorShown(true);
    m_shots->setSingleStep(100);
    m_shots->setValue(1000);
    m_readout = new QComboBox(page);
    for (engine::ReadoutMitigation m :
         {engine::ReadoutMitigation::None, engine::ReadoutMitigation::Tensored, engine::ReadoutMitigation::Lnf})
        m_readout->addItem(QString::fromLatin1(engine::readoutMitigationName(m)), static_cast<int>(m));
    m_readout->setToolTip(tr("Readout-error mitigation of the samples (noisy backends only): none, the tensored "
                             "inverse, or the least-norm filter"));
    m_filter = new QComboBox(page);
    for (engine::SampleFilterKind f : {engine::SampleFilterKind::None, engine::SampleFilterKind::Energy,
                                       engine::SampleFilterKind::Frequency, engine::SampleFilterKind::Hamming})
        m_filter->addItem(QString::fromLatin1(engine::sampleFilterKindName(f)), static_cast<int>(f));
    m_filter->setToolTip(tr("Which samples become the warm-start pool: all, the lowest energies, the frequent ones, "
                            "or the lowest energies and their Hamming neighbours"));
    m_solver = new QComboBox(page);
    for (engine::WarmstartSolver s : {engine::WarmstartSolver::Tabu, engine::WarmstartSolver::Vns})
        m_solver->addItem(QString::fromLatin1(engine::warmstartSolverName(s)), static_cast<int>(s));
    m_solver->setToolTip(tr("The heuristic the Q-factor is measured with: tabu search on the QUBO, or VNS with path "
                            "relinking (Max-Cut only)"));
    m_runs = spinBox(1, MAX_WARMSTART_PANEL_RUNS, tr("Runs R from random starts and R from the warm-start pool"), page);
    m_runs->setValue(100);
    m_timeBased = new QCheckBox(tr("Time-based"), page);
    m_timeBased->setToolTip(tr("Limit each run by wall-clock seconds instead of iterations (the Q-factor is then in "
                               "seconds)"));
    m_iterationCap = spinBox(1, MAX_WARMSTART_PANEL_ITERATIONS, tr("Iteration cap T_total of every run"), page);
    m_iterationCap->setValue(500);
    m_timeLimit = new QDoubleSpinBox(page);
    m_timeLimit->setRange(0.001, 60.0);
    m_timeLimit->setDecimals(3);
    m_timeLimit->setSingleStep(0.05);
    m_timeLimit->setValue(0.1);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setKeyboardTracking(false);
    m_timeLimit->setToolTip(tr("Wall-clock limit T_total of every run in seconds (time-based only)"));
    m_seed = spinBox(0, static_cast<int>(MAX_SEED), tr("Seeds the samples, the filters and the runs"), page);
    m_seed->setValue(1);
    m_compareRuntimes = new QCheckBox(tr("Compare runtimes"), page);
    m_compareRuntimes->setToolTip(tr("After the Q-factor, time VNS, the rank-two heuristic and the exact solver on the "
                                     "same optimum with the same runs and limit (time-based Max-Cut with the tabu "
                                     "solver only)"));
    m_exactTimeLimit = new QDoubleSpinBox(page);
    m_exactTimeLimit->setRange(0.1, MAX_EXACT_TIME_LIMIT_SECONDS);
    m_exactTimeLimit->setDecimals(1);
    m_exactTimeLimit->setSingleStep(10.0);
    m_exactTimeLimit->setValue(engine::WarmstartPipelineOptions{}.exactTimeLimitSeconds);
    m_exactTimeLimit->setSuffix(tr(" s"));
    m_exactTimeLimit->setKeyboardTracking(false);
    m_exactTimeLimit->setToolTip(tr("Wall-clock limit of the exact solver (CBC) in the runtime comparison; a solve "
                                    "that hits it is shown as censored"));

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_openFile);
    fileRow->addWidget(m_filePath, 1);
    auto* options = new QFormLayout;
    options->addRow(tr("Instance:"), m_source);
    options->addRow(tr("Family:"), m_family);
    options->addRow(tr("Degree d:"), m_degree);
    options->addRow(tr("Probability:"), m_probability);
    options->addRow(tr("Vertices N:"), m_vertices);
    options->addRow(tr("Graph seed:"), m_graphSeed);
    options->addRow(tr("File:"), fileRow);
    options->addRow(tr("Size:"), m_instanceInfo);
    options->addRow(tr("Depth p:"), m_depth);
    options->addRow(tr("Backend:"), m_backend);
    options->addRow(tr("Shots:"), m_shots);
    options->addRow(tr("Readout:"), m_readout);
    options->addRow(tr("Filter:"), m_filter);
    options->addRow(tr("Solver:"), m_solver);
    options->addRow(tr("Runs R:"), m_runs);
    options->addRow(QString(), m_timeBased);
    options->addRow(tr("Iteration cap:"), m_iterationCap);
    options->addRow(tr("Time limit:"), m_timeLimit);
    options->addRow(tr("Seed:"), m_seed);
    options->addRow(QString(), m_compareRuntimes);
    options->addRow(tr("Exact limit:"), m_exactTimeLimit);

    m_run = new QPushButton(tr("Run"), page);
    m_run->setToolTip(tr("Sample the instance, build the warm-start pool and measure the Q-factor"));
    m_cancel = new QPushButton(tr("Cancel"), page);
    m_cancel->setToolTip(tr("Stop the run; the runs finished so far stay in the plots"));
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v / %m runs"));
    m_progress->setToolTip(tr("Finished heuristic runs of both start types"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);

    const auto figure = [page](const char* name) { return makeFigureLabel(page, name); };
    m_status = figure("status");
    m_qfactor = figure("qfactor");
    m_rmin = figure("rmin");
    m_optimum = figure("optimum");
    m_pool = figure("pool");
    m_parts = figure("parts");
    m_transpiled = figure("transpiled");
    m_stages = figure("stages");
    m_note = new QLabel(page);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    auto* figures = new QFormLayout;
    figures->addRow(tr("Status:"), m_status);
    figures->addRow(tr("Q-factor:"), m_qfactor);
    figures->addRow(tr("R_min:"), m_rmin);
    figures->addRow(tr("Optimum:"), m_optimum);
    figures->addRow(tr("Pool:"), m_pool);
    figures->addRow(tr("Parts:"), m_parts);
    figures->addRow(tr("Transpiled:"), m_transpiled);
    figures->addRow(tr("Stages:"), m_stages);

    const SideTabs sideTabs = makeSideTabs(page, options, figures, m_note, tr("Options"), tr("Results"));
    m_sideTabs = sideTabs.tabs;
    QWidget* side = makeSideColumn(page, sideTabs, buttons, {m_progress});

    m_histogram = new EnergyHistogramPlot(page);
    m_success = new SuccessCurvePlot(page);
    m_liveQ = new LiveQFactorPlot(page);
    m_runtimes = new RuntimeComparisonPlot(page);
    m_plotTabs = new QTabWidget(page);
    m_plotTabs->addTab(m_liveQ, tr("Q-factor (live)"));
    m_plotTabs->addTab(m_success, tr("Success curves"));
    m_plotTabs->addTab(m_histogram, tr("Energy histogram"));
    m_plotTabs->setTabToolTip(0, tr("The Q-factor of the runs finished so far, with its bootstrap interval"));
    m_plotTabs->setTabToolTip(1, tr("Fraction of runs that reached the optimum within T, per start type"));
    m_plotTabs->setTabToolTip(2, tr("Energies of the raw, mitigated and filtered samples"));
    m_plotTabs->addTab(m_runtimes, tr("Runtime comparison"));
    m_plotTabs->setTabToolTip(3, tr("Expected time to the optimum and success probability of each method (with "
                                    "Compare runtimes)"));

    auto* splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(side);
    splitter->addWidget(m_plotTabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_run, &QPushButton::clicked, this, &WarmstartPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &WarmstartPanel::cancel);
    connect(m_openFile, &QPushButton::clicked, this, &WarmstartPanel::openInstanceFile);
    for (QComboBox* box : {m_source, m_family})
        connect(box, &QComboBox::currentIndexChanged, this, &WarmstartPanel::updateInstance);
    for (QSpinBox* box : {m_degree, m_vertices, m_graphSeed})
        connect(box, &QSpinBox::valueChanged, this, &WarmstartPanel::updateInstance);
    connect(m_probability, &QDoubleSpinBox::valueChanged, this, &WarmstartPanel::updateInstance);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &WarmstartPanel::updateEnabled);
    connect(m_timeBased, &QCheckBox::toggled, this, &WarmstartPanel::updateEnabled);
    connect(m_compareRuntimes, &QCheckBox::toggled, this, &WarmstartPanel::updateEnabled);
    connect(m_solver, &QComboBox::currentIndexChanged, this, &WarmstartPanel::updateEnabled);
    return page;
}

QWidget* WarmstartPanel::buildSweepPage()
{
    auto* page = new QWidget(this);
    m_sweepFamilies = new QLineEdit(QStringLiteral("regular-3, er-0.3"), page);
    m_sweepFamilies->setToolTip(
        tr("Comma-separated graph families: regular-D (degree D) or er-P (edge probability P)"));
    m_sweepSizes = new QLineEdit(QStringLiteral("6, 8, 10"), page);
    m_sweepSizes->setToolTip(
        tr("Comma-separated vertex counts N (2 to %1)").arg(engine::MAX_WARMSTART_REPRODUCTION_VERTICES));
    m_sweepDepths = new QLineEdit(QStringLiteral("1, 2, 3"), page);
    m_sweepDepths->setToolTip(tr("Comma-separated QAOA depths p (1 to 6)"));
    m_sweepGraphs = spinBox(1, MAX_WARMSTART_PANEL_GRAPHS, tr("Random graphs per family and size"), page);
    m_sweepGraphs->setValue(3);
    m_sweepRuns = spinBox(1, MAX_WARMSTART_PANEL_RUNS, tr("Tabu runs R per start type and graph"), page);
    m_sweepRuns->setValue(100);
    m_sweepShots = spinBox(1, MAX_WARMSTART_PANEL_SHOTS, tr("Samples from each QAOA state: the warm-start pool"), page);
    m_sweepShots->setGroupSeparatorShown(true);
    m_sweepShots->setValue(1000);
    m_sweepCap = spinBox(1, MAX_WARMSTART_PANEL_ITERATIONS, tr("Iteration cap T_total of every tabu run"), page);
    m_sweepCap->setValue(500);
    m_sweepSeed = spinBox(0, static_cast<int>(MAX_SEED), tr("Seeds the graphs, the samples and the runs"), page);
    m_sweepSeed->setValue(1);

    auto* options = new QFormLayout;
    options->addRow(tr("Families:"), m_sweepFamilies);
    options->addRow(tr("Sizes N:"), m_sweepSizes);
    options->addRow(tr("Depths p:"), m_sweepDepths);
    options->addRow(tr("Graphs per size:"), m_sweepGraphs);
    options->addRow(tr("Runs R:"), m_sweepRuns);
    options->addRow(tr("Shots:"), m_sweepShots);
    options->addRow(tr("Iteration cap:"), m_sweepCap);
    options->addRow(tr("Seed:"), m_sweepSeed);

    m_sweepRun = new QPushButton(tr("Run sweep"), page);
    m_sweepRun->setToolTip(tr("Run the protocol for every family, size, graph and depth"));
    m_sweepCancel = new QPushButton(tr("Cancel"), page);
    m_sweepCancel->setToolTip(tr("Stop the sweep; the finished rows stay"));
    m_sweepProgress = new QProgressBar(page);
    m_sweepProgress->setRange(0, PROGRESS_STEPS);
    m_sweepProgress->setValue(0);
    m_sweepProgress->setTextVisible(true);
    m_sweepProgress->setToolTip(tr("Rows of the sweep finished"));
    m_sweepStatus = new QLabel(page);
    m_sweepStatus->setObjectName(QStringLiteral("sweepStatus"));
    m_sweepStatus->setWordWrap(true);
    m_sweepStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_sweepRun);
    buttons->addWidget(m_sweepCancel);

    auto* side = new QWidget(page);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addLayout(options);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(m_sweepProgress);
    sideLayout->addWidget(m_sweepStatus);
    sideLayout->addStretch(1);
    side->setMinimumWidth(280);

    m_byDepth = new QFactorSweepPlot(QFactorSweepPlot::Axis::Depth, page);
    m_bySize = new QFactorSweepPlot(QFactorSweepPlot::Axis::Size, page);
    m_summaryTable = new QTableWidget(0, 9, page);
    m_summaryTable->setHorizontalHeaderLabels({tr("Family"), tr("N"), tr("p"), tr("Graphs"), tr("Median Q"),
                                               tr("Min Q"), tr("Max Q"), tr("Lower bounds"), tr("Warm failed")});
    m_summaryTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summaryTable->verticalHeader()->setVisible(false);
    m_summaryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summaryTable->setToolTip(tr("Median Q over the graphs of each family, size and depth"));

    auto* plots = new QWidget(page);
    auto* grid = new QHBoxLayout(plots);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(framed(tr("Q-factor against p"), m_byDepth, plots), 1);
    grid->addWidget(framed(tr("Q-factor against N"), m_bySize, plots), 1);
    auto* right = new QSplitter(Qt::Vertical, page);
    right->addWidget(plots);
    right->addWidget(m_summaryTable);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(side);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_sweepRun, &QPushButton::clicked, this, &WarmstartPanel::runSweep);
    connect(m_sweepCancel, &QPushButton::clicked, this, &WarmstartPanel::cancel);
    for (QLineEdit* edit : {m_sweepFamilies, m_sweepSizes, m_sweepDepths})
        connect(edit, &QLineEdit::textChanged, this, &WarmstartPanel::updateSweepCheck);
    return page;
}

QString WarmstartPanel::figureText(const QString& key) const
{
    const auto* label = findChild<QLabel*>(key);
    return label ? label->text() : QString();
}

bool WarmstartPanel::isVnsAvailable() const
{
    return m_instanceValid && m_maxCut;
}

bool WarmstartPanel::isRuntimeComparisonAvailable() const
{
    return m_instanceValid && m_maxCut && m_timeBased->isChecked()
           && static_cast<engine::WarmstartSolver>(m_solver->currentData().toInt()) == engine::WarmstartSolver::Tabu;
}

std::optional<engine::Instance> WarmstartPanel::buildInstance(QString* error) const
{
    try {
        switch (static_cast<InstanceSource>(m_source->currentIndex())) {
        case InstanceSource::Project:
            return engine::Instance(m_document->instance());
        case InstanceSource::Generated: {
            engine::WarmstartGraphFamily family;
            switch (static_cast<GraphFamily>(m_family->currentIndex())) {
            case GraphFamily::Regular3: family = {engine::WarmstartGraphFamily::Kind::Regular, 3.0}; break;
            case GraphFamily::ErdosRenyi03: family = {engine::WarmstartGraphFamily::Kind::ErdosRenyi, 0.3}; break;
            case GraphFamily::CustomRegular:
                family = {engine::WarmstartGraphFamily::Kind::Regular, static_cast<double>(m_degree->value())};
                break;
            case GraphFamily::CustomErdosRenyi:
                family = {engine::WarmstartGraphFamily::Kind::ErdosRenyi, m_probability->value()};
                break;
            }
            const auto n = static_cast<std::size_t>(m_vertices->value());
            engine::GraphInstance graph;
            graph.name = engine::warmstartGraphFamilyName(family) + "-n" + std::to_string(n) + "-s"
                + std::to_string(m_graphSeed->value());
            graph.graph = engine::warmstartReproductionGraph(family, n, 0,
                                                             static_cast<std::uint64_t>(m_graphSeed->value()));
            graph.problem = engine::GraphProblem::MaxCut;
            return engine::Instance(std::move(graph));
        }
        case InstanceSource::File:
            if (!m_fileInstance) {
                if (error)
                    *error = tr("Open an instance file.");
                return std::nullopt;
            }
            return m_fileInstance;
        }
    } catch (const engine::Error& e) {
        if (error)
            *error = errorMessage(e);
    }
    return std::nullopt;
}

WarmstartPipelineRequest WarmstartPanel::pipelineRequest() const
{
    QString error;
    std::optional<engine::Instance> instance = buildInstance(&error);
    if (!instance)
        throw engine::Error(engine::ErrorCode::InvalidArgument, error.toStdString(), "instance");
    WarmstartPipelineRequest request;
    request.instance = std::move(*instance);
    engine::WarmstartPipelineOptions& o = request.options;
    o.depth = static_cast<std::size_t>(m_depth->value());
    o.backend = m_backend->currentText().toStdString();
    o.shots = static_cast<std::uint64_t>(m_shots->value());
    o.readout = m_readout->isEnabled() ? static_cast<engine::ReadoutMitigation>(m_readout->currentData().toInt())
                                       : engine::ReadoutMitigation::None;
    o.filter = static_cast<engine::SampleFilterKind>(m_filter->currentData().toInt());
    o.solver = static_cast<engine::WarmstartSolver>(m_solver->currentData().toInt());
    o.runs = static_cast<std::size_t>(m_runs->value());
    o.iterationCap = static_cast<std::uint64_t>(m_iterationCap->value());
    o.timeLimitSeconds = m_timeBased->isChecked() ? m_timeLimit->value() : 0.0;
    o.seed = static_cast<std::uint64_t>(m_seed->value());
    o.lcrpEncoding = encoderOptionsOf(*m_document);
    o.threads = m_threads;
    o.compareRuntimes = m_compareRuntimes->isChecked() && isRuntimeComparisonAvailable();
    o.exactTimeLimitSeconds = m_exactTimeLimit->value();
    if (m_jobSamples && static_cast<InstanceSource>(m_source->currentIndex()) == InstanceSource::File)
        o.samples = m_jobSamples;
    return request;
}

void WarmstartPanel::useJobSamples(const engine::Instance& instance, const engine::SampleCounts& samples,
                                   const QString& backend)
{
    if (m_job->isRunning())
        return;
    m_fileInstance = instance;
    m_jobSamples = samples;
    m_fileName = tr("samples of a job on %1").arg(backend);
    m_filePath->setText(m_fileName);
    m_filePath->setToolTip(m_fileName);
    // The samples come from the job; the pipeline's backend then only supplies the readout calibration, so the
    // job's device (emulated under the same snapshot) is the right one.
    QString local = backend;
    if (!local.startsWith(QLatin1String("local:")))
        local = QStringLiteral("local:") + QString(backend).remove(QRegularExpression(QStringLiteral("^ibm_")));
    int index = m_backend->findText(local);
    if (index < 0)
        index = m_backend->findText(QStringLiteral("local:ideal"));
    if (index >= 0)
        m_backend->setCurrentIndex(index);
    m_source->setCurrentIndex(static_cast<int>(InstanceSource::File));
    updateInstance();
    m_note->setText(tr("Run analyses the %1 samples of the job instead of sampling.").arg(samples.total(), 0, 'f', 0));
}

engine::WarmstartReproductionOptions WarmstartPanel::sweepOptions() const
{
    engine::WarmstartReproductionOptions o;
    o.families.clear();
    const QStringList families = m_sweepFamilies->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& name : families)
        o.families.push_back(engine::warmstartGraphFamilyFromName(name.trimmed().toStdString()));
    if (o.families.empty())
        throw engine::Error(engine::ErrorCode::InvalidArgument, "the list is empty", "families");
    o.sizes = parseSizes(m_sweepSizes->text(), 2, engine::MAX_WARMSTART_REPRODUCTION_VERTICES, "sizes");
    o.depths = parseSizes(m_sweepDepths->text(), 1, 6, "depths");
    for (const engine::WarmstartGraphFamily& family : o.families) {
        if (family.kind != engine::WarmstartGraphFamily::Kind::Regular)
            continue;
        const auto d = static_cast<std::size_t>(family.parameter);
        for (std::size_t n : o.sizes)
            if (d >= n || (n * d) % 2 != 0)
                throw engine::Error(engine::ErrorCode::InvalidArgument,
                                    "no " + std::to_string(d) + "-regular graph on " + std::to_string(n)
                                        + " vertices (N × d must be even and d < N)",
                                    "sizes");
    }
    o.graphsPerSize = static_cast<std::size_t>(m_sweepGraphs->value());
    o.runsPerStartType = static_cast<std::size_t>(m_sweepRuns->value());
    o.samples = static_cast<std::uint64_t>(m_sweepShots->value());
    o.iterationCap = static_cast<std::uint64_t>(m_sweepCap->value());
    o.seed = static_cast<std::uint64_t>(m_sweepSeed->value());
    o.threads = m_threads;
    return o;
}

void WarmstartPanel::setDefaultBackend(const QString& backend)
{
    const int index = m_backend->findText(backend);
    if (index >= 0 && !m_job->isRunning())
        m_backend->setCurrentIndex(index);
}

void WarmstartPanel::setThreadCount(int threads)
{
    m_threads = std::max(0, threads);
}

bool WarmstartPanel::loadInstanceFile(const QString& path)
{
    try {
        m_fileInstance = engine::loadInstance(QFileInfo(path).absoluteFilePath().toStdString());
        m_jobSamples.reset();
        m_fileName = path;
        m_filePath->setText(QFileInfo(path).fileName());
        m_filePath->setToolTip(QFileInfo(path).absoluteFilePath());
        m_source->setCurrentIndex(static_cast<int>(InstanceSource::File));
        updateInstance();
        return true;
    } catch (const engine::Error& e) {
        m_note->setText(tr("Cannot read %1: %2").arg(path, errorMessage(e)));
        emit statusMessage(m_note->text());
        return false;
    }
}

void WarmstartPanel::openInstanceFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Instance"), QString(),
        tr("Instances (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;All files (*)"));
    if (!path.isEmpty())
        loadInstanceFile(path);
}

void WarmstartPanel::updateInstance()
{
    QString error;
    const std::optional<engine::Instance> instance = buildInstance(&error);
    m_instanceValid = instance.has_value();
    m_maxCut = false;
    if (instance) {
        const auto* graph = std::get_if<engine::GraphInstance>(&*instance);
        m_maxCut = graph != nullptr && graph->problem == engine::GraphProblem::MaxCut;
        m_instanceInfo->setText(instanceSummary(*instance));
    } else {
        m_instanceInfo->setText(error);
    }
    updateEnabled();
}

void WarmstartPanel::updateSweepCheck()
{
    try {
        sweepOptions();
        m_sweepValid = true;
        if (!m_job->isRunning() || m_job->kind() != WarmstartJobKind::Sweep)
            m_sweepStatus->clear();
    } catch (const engine::Error& e) {
        m_sweepValid = false;
        m_sweepStatus->setText(errorMessage(e));
    }
    updateEnabled();
}

void WarmstartPanel::updateEnabled()
{
    const bool running = m_job->isRunning();
    const auto source = static_cast<InstanceSource>(m_source->currentIndex());
    const bool generated = source == InstanceSource::Generated;
    const auto family = static_cast<GraphFamily>(m_family->currentIndex());
    for (QWidget* w : std::initializer_list<QWidget*>{m_source, m_depth, m_backend, m_shots, m_filter, m_runs,
                                                      m_timeBased, m_seed, m_sweepFamilies, m_sweepSizes,
                                                      m_sweepDepths, m_sweepGraphs, m_sweepRuns, m_sweepShots,
                                                      m_sweepCap, m_sweepSeed})
        w->setEnabled(!running);
    m_family->setEnabled(!running && generated);
    m_vertices->setEnabled(!running && generated);
    m_graphSeed->setEnabled(!running && generated);
    m_degree->setEnabled(!running && generated && family == GraphFamily::CustomRegular);
    m_probability->setEnabled(!running && generated && family == GraphFamily::CustomErdosRenyi);
    m_openFile->setEnabled(!running && source == InstanceSource::File);
    // Readout mitigation needs a calibration, which only the device backends have.
    const bool noisy = m_backend->currentText() != QLatin1String("local:ideal");
    m_readout->setEnabled(!running && noisy);
    m_iterationCap->setEnabled(!running && !m_timeBased->isChecked());
    m_timeLimit->setEnabled(!running && m_timeBased->isChecked());
    const bool vns = isVnsAvailable();
    setItemEnabled(m_solver, m_solver->findData(static_cast<int>(engine::WarmstartSolver::Vns)), vns);
    if (!vns && static_cast<engine::WarmstartSolver>(m_solver->currentData().toInt()) == engine::WarmstartSolver::Vns)
        m_solver->setCurrentIndex(m_solver->findData(static_cast<int>(engine::WarmstartSolver::Tabu)));
    m_solver->setEnabled(!running);
    const bool comparison = isRuntimeComparisonAvailable();
    m_compareRuntimes->setEnabled(!running && comparison);
    m_exactTimeLimit->setEnabled(!running && comparison && m_compareRuntimes->isChecked());
    m_run->setEnabled(!running && m_instanceValid);
    m_cancel->setEnabled(running && m_job->kind() == WarmstartJobKind::Pipeline);
    m_sweepRun->setEnabled(!running && m_sweepValid);
    m_sweepCancel->setEnabled(running && m_job->kind() == WarmstartJobKind::Sweep);
}

void WarmstartPanel::onDocumentChanged(const ChangeEvent& event)
{
    if (static_cast<InstanceSource>(m_source->currentIndex()) != InstanceSource::Project)
        return;
    updateInstance();
    if (event.kind != ChangeEvent::Kind::SettingsChanged && !m_job->isRunning()
        && m_job->kind() == WarmstartJobKind::Pipeline && m_job->pipelineOutcome().succeeded)
        m_note->setText(tr("The project was edited after this run; the figures are for the instance as run."));
}

void WarmstartPanel::run()
{
    if (m_job->isRunning())
        return;
    WarmstartPipelineRequest request;
    try {
        request = pipelineRequest();
    } catch (const engine::Error& e) {
        m_note->setText(QString::fromStdString(e.detail()));
        m_sideTabs->setCurrentIndex(1);
        return;
    }
    const engine::WarmstartPipelineOptions& o = request.options;
    clearPipelineResults(tr("Running the pipeline …"));
    engine::QFactorOptions live;
    live.cap = o.timeLimitSeconds > 0.0 ? o.timeLimitSeconds : static_cast<double>(o.iterationCap);
    live.bootstrapResamples = o.bootstrapResamples;
    live.confidenceLevel = o.confidenceLevel;
    live.seed = o.seed;
    m_liveQ->setOptions(live);
    m_finishedRuns = 0;
    m_progress->setRange(0, static_cast<int>(std::min<std::size_t>(2 * o.runs, INT_MAX)));
    m_progress->setValue(0);
    m_job->startPipeline(std::move(request));
    m_status->setText(tr("running"));
    m_plotTabs->setCurrentWidget(m_liveQ);
    updateEnabled();
    emit runStarted();
}

void WarmstartPanel::runSweep()
{
    if (m_job->isRunning())
        return;
    WarmstartSweepRequest request;
    try {
        request.options = sweepOptions();
    } catch (const engine::Error& e) {
        m_sweepStatus->setText(errorMessage(e));
        return;
    }
    m_sweepRows.clear();
    m_byDepth->clear();
    m_bySize->clear();
    m_summaryTable->setRowCount(0);
    m_sweepProgress->setRange(0, PROGRESS_STEPS);
    m_sweepProgress->setValue(0);
    m_sweepStatus->setText(tr("running"));
    m_job->startSweep(std::move(request));
    updateEnabled();
    emit runStarted();
}

void WarmstartPanel::cancel()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    if (m_job->kind() == WarmstartJobKind::Sweep)
        m_sweepStatus->setText(tr("Cancelling …"));
    else
        m_note->setText(tr("Cancelling …"));
}

void WarmstartPanel::shutdown()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->waitForFinished();
    }
}

void WarmstartPanel::onRunPoints(const std::vector<WarmstartRunPoint>& points)
{
    m_liveQ->addRuns(points);
    m_finishedRuns += static_cast<int>(points.size());
    m_progress->setValue(std::min(m_finishedRuns, m_progress->maximum()));
}

void WarmstartPanel::onSweepRows(const std::vector<engine::WarmstartReproductionRow>& rows)
{
    m_sweepRows.insert(m_sweepRows.end(), rows.begin(), rows.end());
    showSweep(engine::summarizeWarmstartReproduction(m_sweepRows));
    m_sweepStatus->setText(tr("running: %n row(s) finished", nullptr, static_cast<int>(m_sweepRows.size())));
}

void WarmstartPanel::onProgress(int value, int maximum)
{
    if (m_job->kind() != WarmstartJobKind::Sweep)
        return;  // the pipeline's bar counts runs
    m_sweepProgress->setRange(0, maximum);
    m_sweepProgress->setValue(value);
}

void WarmstartPanel::onStage(const QString& stage)
{
    if (m_job->kind() == WarmstartJobKind::Pipeline)
        m_status->setText(tr("running: %1").arg(stage));
    else
        m_sweepStatus->setText(tr("running: %1").arg(stage));
}

void WarmstartPanel::onJobFinished()
{
    updateEnabled();
    if (m_job->kind() == WarmstartJobKind::Sweep) {
        const WarmstartSweepOutcome& outcome = m_job->sweepOutcome();
        m_sweepRows = outcome.rows;
        showSweep(outcome.summary);
        QString text;
        if (!outcome.succeeded && m_job->status() == WarmstartJobStatus::Failed)
            text = errorCodeText(outcome.errorCode) + QLatin1Char(' ') + QString::fromStdString(outcome.errorMessage);
        else if (m_job->status() == WarmstartJobStatus::Cancelled)
            text = tr("cancelled after %n row(s)", nullptr, static_cast<int>(outcome.rows.size()));
        else
            text = tr("finished: %n row(s) in %1 s", nullptr, static_cast<int>(outcome.rows.size()))
                       .arg(seconds(outcome.seconds));
        if (m_job->status() == WarmstartJobStatus::Finished)
            m_sweepProgress->setValue(m_sweepProgress->maximum());
        m_sweepStatus->setText(text);
        emit statusMessage(tr("Warm-start sweep: %1").arg(text));
        return;
    }
    const WarmstartPipelineOutcome& outcome = m_job->pipelineOutcome();
    // The experiment's own estimate over every run ends the live series (nothing is recomputed here).
    m_liveQ->finish(outcome.succeeded ? outcome.result.experiment.qfactor : std::nullopt);
    if (!outcome.succeeded) {
        const bool cancelled = m_job->status() == WarmstartJobStatus::Cancelled;
        const QString message = cancelled ? tr("Cancelled before the run started.")
                                          : errorCodeText(outcome.errorCode) + QLatin1Char(' ')
                + QString::fromStdString(outcome.errorMessage);
        m_status->setText(cancelled ? tr("cancelled") : tr("failed"));
        m_note->setText(message);
        m_sideTabs->setCurrentIndex(1);
        emit statusMessage(message);
        return;
    }
    if (!outcome.result.cancelled)
        m_progress->setValue(m_progress->maximum());
    m_note->clear();
    showPipelineResults();
    m_sideTabs->setCurrentIndex(1);
    const auto& q = outcome.result.experiment.qfactor;
    emit statusMessage(q ? tr("Warm start: Q = %1 (%2) in %3 s")
                               .arg(number(q->q), qKindText(q->kind), seconds(outcome.result.seconds))
                         : tr("Warm start: cancelled after %1 s").arg(seconds(outcome.result.seconds)));
}

void WarmstartPanel::clearPipelineResults(const QString& note)
{
    for (QLabel* label : {m_status, m_qfactor, m_rmin, m_optimum, m_pool, m_parts, m_transpiled, m_stages})
        label->setText(QStringLiteral("–"));
    m_note->setText(note);
    m_histogram->clear();
    m_success->clear();
    m_liveQ->clear();
    m_runtimes->clear();
}

void WarmstartPanel::showPipelineResults()
{
    const WarmstartPipelineOutcome& outcome = m_job->pipelineOutcome();
    const engine::WarmstartPipelineResult& r = outcome.result;
    const engine::QFactorExperimentResult& e = r.experiment;
    const QString unit = r.timeBased ? tr("s") : tr("iterations");

    m_status->setText(r.cancelled ? tr("cancelled (finished stages shown)") : tr("finished"));
    if (e.qfactor) {
        const engine::QFactorResult& q = *e.qfactor;
        QString text = tr("Q = %1 (%2)").arg(number(q.q), qKindText(q.kind));
        if (q.interval)
            text += QLatin1Char('\n') + tr("%1 % interval [%2, %3]")
                                            .arg(number(q.interval->level * 100.0, 3), number(q.interval->lower),
                                                 number(q.interval->upper));
        if (q.upperBound)
            text += QLatin1Char('\n') + tr("upper bound %1").arg(number(*q.upperBound));
        m_qfactor->setText(text);
        const auto rmin = [&unit](const engine::MinimalRuntime& m) {
            return tr("%1 %2 (%3 of %4 runs succeeded%5)")
                .arg(number(m.value, 6), unit)
                .arg(m.successes)
                .arg(m.runs)
                .arg(m.censored ? tr(", censored") : QString());
        };
        m_rmin->setText(tr("random: %1\nwarm: %2").arg(rmin(q.random), rmin(q.warm)));
    } else {
        m_qfactor->setText(tr("– (the runs did not finish)"));
        m_rmin->setText(QStringLiteral("–"));
    }
    m_optimum->setText(r.optimumSource.empty() ? QStringLiteral("–")
                                               : tr("%1 (%2)").arg(number(r.optimum, 10),
                                                                   optimumSourceText(r.optimumSource)));
    m_pool->setText(tr("%1 samples, %2 distinct").arg(r.poolSize).arg(r.filtered.size()));
    m_parts->setText(QString::number(r.parts));
    if (r.transpiled) {
        const engine::WarmstartTranspileSummary& t = *r.transpiled;
        m_transpiled->setText(tr("%1 circuit(s) on %2: %3 physical qubits, %4 two-qubit gates, depth %5, %6 swaps, "
                                 "fidelity ≈ %7")
                                  .arg(t.parts)
                                  .arg(QString::fromStdString(r.backend))
                                  .arg(t.physicalQubits)
                                  .arg(t.twoQubitGates)
                                  .arg(t.depth)
                                  .arg(t.swaps)
                                  .arg(number(t.estimatedFidelity, 3)));
    } else {
        m_transpiled->setText(tr("– (%1 samples the logical state)").arg(QString::fromStdString(r.backend)));
    }
    const engine::WarmstartStageSeconds& s = r.stages;
    m_stages->setText(tr("angles %1 s, sampling %2 s, mitigation %3 s, filtering %4 s, optimum %5 s, runs %6 s; "
                         "total %7 s")
                          .arg(seconds(s.angles), seconds(s.sampling), seconds(s.mitigation), seconds(s.filtering),
                               seconds(s.optimum), seconds(s.runs), seconds(r.seconds)));

    m_histogram->setHistogram(outcome.histogram,
                              r.optimumSource.empty() ? std::nullopt : std::optional<double>(r.optimum));
    if (!e.randomFirstSuccess.empty() || !e.warmFirstSuccess.empty())
        m_success->setCurves(e.randomFirstSuccess, e.warmFirstSuccess, r.cap, r.timeBased);
    if (r.runtimes)
        m_runtimes->setComparison(*r.runtimes, r.cap);
    else
        m_runtimes->clear();
}

void WarmstartPanel::showSweep(const std::vector<engine::WarmstartSummaryRow>& summary)
{
    m_byDepth->setSummary(summary);
    m_bySize->setSummary(summary);
    m_summaryTable->setRowCount(static_cast<int>(summary.size()));
    const auto q = [](double value) {
        return std::isfinite(value) ? number(value) : QStringLiteral("–");
    };
    for (std::size_t i = 0; i < summary.size(); ++i) {
        const engine::WarmstartSummaryRow& row = summary[i];
        const bool any = row.graphs > 0;
        const QString cells[] = {QString::fromStdString(row.family),
                                 QString::number(row.n),
                                 QString::number(row.depth),
                                 QString::number(row.graphs),
                                 any ? q(row.medianQ) : QStringLiteral("–"),
                                 any ? q(row.minQ) : QStringLiteral("–"),
                                 any ? q(row.maxQ) : QStringLiteral("–"),
                                 QString::number(row.lowerBounds),
                                 QString::number(row.warmFailed)};
        for (int c = 0; c < 9; ++c)
            m_summaryTable->setItem(static_cast<int>(i), c, new QTableWidgetItem(cells[c]));
    }
}

} // namespace workbench
