// SPDX-License-Identifier: MIT
// TranspilePanel: option editors, job control, the figures, the three result tabs and the OpenQASM 3 export.
#include "panels/transpile_panel.h"
#include "panels/figure_label.h"
#include "panels/panel_parts.h"

#include "circuit/circuit_view.h"
#include "circuit/qasm.h"
#include "document/error_text.h"
#include "document/project_document.h"
#include "io/atomic_file.h"
#include "routing/routing_view.h"
#include "transpile/device_catalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QStringList>
#include <QTabWidget>
#include <QVBoxLayout>

#include <initializer_list>
#include <utility>

namespace workbench {

namespace {

QString layoutLabel(engine::LayoutMethod method)
{
    switch (method) {
    case engine::LayoutMethod::Trivial: return TranspilePanel::tr("Trivial (logical i on qubit i)");
    case engine::LayoutMethod::Fiedler: return TranspilePanel::tr("Fiedler line");
    case engine::LayoutMethod::Qap: return TranspilePanel::tr("Quadratic assignment (FAQ)");
    case engine::LayoutMethod::Noise: return TranspilePanel::tr("Noise-aware");
    }
    return {};
}

QString routerLabel(engine::RouterKind kind)
{
    switch (kind) {
    case engine::RouterKind::Greedy: return TranspilePanel::tr("Greedy swap network");
    case engine::RouterKind::AStar: return TranspilePanel::tr("A* over swap layers");
    case engine::RouterKind::Sabre: return TranspilePanel::tr("SABRE");
    }
    return {};
}

QString count(std::size_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

} // namespace

TranspilePanel::TranspilePanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_job(new TranspileJob(this))
{
    m_backend = new QComboBox(this);
    for (const std::string& name : engine::bundledDeviceNames())
        m_backend->addItem(QStringLiteral("ibm_") + QString::fromStdString(name), QString::fromStdString(name));
    m_backend->addItem(tr("Square grid"), QString::fromLatin1(GRID_ENTRY));
    m_backend->setToolTip(tr("IBM devices with their bundled calibration, or a generated grid without calibration"));
    m_gridRows = spinBox(1, MAX_TRANSPILE_GRID_SIDE, tr("Rows of the grid"), this);
    m_gridCols = spinBox(1, MAX_TRANSPILE_GRID_SIDE, tr("Columns of the grid"), this);
    m_layout = new QComboBox(this);
    for (engine::LayoutMethod method : {engine::LayoutMethod::Trivial, engine::LayoutMethod::Fiedler,
                                        engine::LayoutMethod::Qap, engine::LayoutMethod::Noise})
        m_layout->addItem(layoutLabel(method), static_cast<int>(method));
    m_layout->setToolTip(tr("Initial placement of the logical qubits on the device"));
    m_router = new QComboBox(this);
    for (engine::RouterKind kind : {engine::RouterKind::Greedy, engine::RouterKind::AStar, engine::RouterKind::Sabre})
        m_router->addItem(routerLabel(kind), static_cast<int>(kind));
    m_router->setToolTip(tr("How swaps are inserted so that every coupling term meets on a coupler"));
    m_iterations = spinBox(
        1, MAX_TRANSPILE_PANEL_ITERATIONS,
        tr("Route the first layer this often, each from the previous final layout; the best is kept"), this);
    m_depth = spinBox(1, MAX_TRANSPILE_PANEL_DEPTH, tr("Number of QAOA layers p"), this);
    m_seed = spinBox(0, static_cast<int>(MAX_SEED), tr("Seeds the layout search and SABRE's tie-breaking"), this);
    m_fractional = new QCheckBox(tr("Fractional rzz (Heron)"), this);
    m_fractional->setToolTip(tr("Use the native rzz(θ) of Heron devices for bound angles instead of two cz"));

    m_run = new QPushButton(tr("Transpile"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_save = new QPushButton(tr("Save OpenQASM 3…"), this);
    m_save->setToolTip(tr("Write the transpiled (ISA) circuit as OpenQASM 3"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    auto* grid = new QHBoxLayout;
    grid->addWidget(m_gridRows);
    grid->addWidget(new QLabel(QStringLiteral("×"), this));
    grid->addWidget(m_gridCols);
    grid->addStretch(1);
    auto* options = new QFormLayout;
    options->addRow(tr("Backend:"), m_backend);
    options->addRow(tr("Grid size:"), grid);
    options->addRow(tr("Layout:"), m_layout);
    options->addRow(tr("Router:"), m_router);
    options->addRow(tr("Iterations:"), m_iterations);
    options->addRow(tr("Layers p:"), m_depth);
    options->addRow(tr("Seed:"), m_seed);
    options->addRow(QString(), m_fractional);

    const auto figure = [this](const char* name) { return makeFigureLabel(this, name); };
    m_qubits = figure("qubits");
    m_status = figure("status");
    m_deviceText = figure("device");
    m_swaps = figure("swaps");
    m_twoQubitGates = figure("twoQubitGates");
    m_depthText = figure("depth");
    m_twoQubitDepth = figure("twoQubitDepth");
    m_fidelity = figure("fidelity");
    m_time = figure("time");
    m_layoutText = figure("layout");
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto* figures = new QFormLayout;
    figures->addRow(tr("Register:"), m_qubits);
    figures->addRow(tr("Status:"), m_status);
    figures->addRow(tr("Device:"), m_deviceText);
    figures->addRow(tr("Swaps:"), m_swaps);
    figures->addRow(tr("Two-qubit gates:"), m_twoQubitGates);
    figures->addRow(tr("Depth:"), m_depthText);
    figures->addRow(tr("Two-qubit depth:"), m_twoQubitDepth);
    figures->addRow(tr("Estimated fidelity:"), m_fidelity);
    figures->addRow(tr("Time:"), m_time);
    figures->addRow(tr("Initial layout:"), m_layoutText);

    const SideTabs sideTabs = makeSideTabs(this, options, figures, m_note, tr("Options"), tr("Results"));
    m_sideTabs = sideTabs.tabs;
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    QWidget* side = makeSideColumn(this, sideTabs, buttons, {m_progress, m_save});

    m_logical = new CircuitView(this);
    m_logical->setObjectName(QStringLiteral("logicalCircuit"));
    m_isa = new CircuitView(this);
    m_isa->setObjectName(QStringLiteral("isaCircuit"));
    m_routed = new CircuitView(this);
    m_routed->setObjectName(QStringLiteral("routedCircuit"));
    m_routing = new RoutingView(this);
    // Side by side: the heavy-hex lattice is about as tall as it is wide, and the routed circuit has a wire per
    // used qubit, so both want the height.
    auto* routingSplit = new QSplitter(Qt::Horizontal, this);
    routingSplit->addWidget(m_routing);
    routingSplit->addWidget(m_routed);
    routingSplit->setStretchFactor(0, 1);
    routingSplit->setStretchFactor(1, 1);
    routingSplit->setSizes({500, 600});
    // The routed circuit shares the tab with the device, so it starts zoomed out to show more of each step.
    m_routed->setZoom(0.7);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_logical, tr("Logical circuit"));
    m_tabs->addTab(m_isa, tr("Transpiled circuit (ISA)"));
    m_tabs->addTab(routingSplit, tr("Routing"));
    m_tabs->setTabToolTip(2, tr("The device with the routing step by step, over the routed circuit (before the "
                                "translation to native gates); the step's gates are highlighted"));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(m_run, &QPushButton::clicked, this, &TranspilePanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &TranspilePanel::cancel);
    connect(m_save, &QPushButton::clicked, this, &TranspilePanel::saveQasm3WithDialog);
    connect(m_job, &TranspileJob::finished, this, &TranspilePanel::onJobFinished);
    connect(m_job, &TranspileJob::progressChanged, this, [this](int value, int maximum) {
        if (value <= 0 || !m_job->isRunning())
            return;
        m_progress->setRange(0, maximum);
        m_progress->setValue(value);
    });
    connect(m_routing, &RoutingView::currentStepChanged, this, &TranspilePanel::onStepChanged);
    connect(document, &ProjectDocument::changed, this, &TranspilePanel::onDocumentChanged);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &TranspilePanel::updateEnabled);

    setSettings(TranspileSettings{});
    updateQubits();
    clearResults(tr("Press Transpile to map the QAOA circuit of the instance onto the device."));
}

TranspilePanel::~TranspilePanel()
{
    shutdown();
}

TranspileSettings TranspilePanel::settings() const
{
    TranspileSettings s;
    const QString backend = m_backend->currentData().toString();
    s.backend = backend == QLatin1String(GRID_ENTRY)
        ? QStringLiteral("grid:%1x%2").arg(m_gridRows->value()).arg(m_gridCols->value()).toStdString()
        : backend.toStdString();
    s.layout = static_cast<engine::LayoutMethod>(m_layout->currentData().toInt());
    s.router = static_cast<engine::RouterKind>(m_router->currentData().toInt());
    s.iterations = static_cast<unsigned>(m_iterations->value());
    s.depth = static_cast<std::size_t>(m_depth->value());
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    s.fractionalRzz = m_fractional->isChecked();
    return s;
}

void TranspilePanel::setSettings(const TranspileSettings& s)
{
    QString backend = QString::fromStdString(s.backend);
    if (backend.startsWith(QLatin1String("ibm_")))
        backend = backend.mid(4);
    static const QRegularExpression GRID(QStringLiteral("^grid:(\\d+)x(\\d+)$"));
    const QRegularExpressionMatch match = GRID.match(backend);
    if (match.hasMatch()) {
        m_backend->setCurrentIndex(m_backend->findData(QString::fromLatin1(GRID_ENTRY)));
        m_gridRows->setValue(match.captured(1).toInt());
        m_gridCols->setValue(match.captured(2).toInt());
    } else {
        m_backend->setCurrentIndex(std::max(0, m_backend->findData(backend)));
        m_gridRows->setValue(5);
        m_gridCols->setValue(5);
    }
    m_layout->setCurrentIndex(std::max(0, m_layout->findData(static_cast<int>(s.layout))));
    m_router->setCurrentIndex(std::max(0, m_router->findData(static_cast<int>(s.router))));
    m_iterations->setValue(static_cast<int>(std::min<unsigned>(s.iterations, MAX_TRANSPILE_PANEL_ITERATIONS)));
    m_depth->setValue(static_cast<int>(std::min<std::size_t>(s.depth, MAX_TRANSPILE_PANEL_DEPTH)));
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(s.seed, MAX_SEED)));
    m_fractional->setChecked(s.fractionalRzz);
    updateEnabled();
}

TranspileRequest TranspilePanel::request() const
{
    TranspileRequest request;
    request.instance = m_document->instance();
    request.encoding = encoderOptionsOf(*m_document);
    request.settings = settings();
    request.circuitFont = m_logical->fontDescription();
    return request;
}

QString TranspilePanel::figureText(const QString& key) const
{
    const auto* label = findChild<QLabel*>(key);
    return label ? label->text() : QString();
}

void TranspilePanel::run()
{
    if (m_job->isRunning() || m_registerSize == 0)
        return;
    m_runGeneration = m_generation;
    const TranspileRequest req = request();
    clearResults(tr("Transpiling %n logical qubit(s) for %1 …", nullptr, static_cast<int>(m_registerSize))
                     .arg(QString::fromStdString(req.settings.backend)));
    m_job->start(req);
    m_progress->setRange(0, 0);  // busy until the engine reports progress
    m_status->setText(tr("running"));
    updateEnabled();
    emit runStarted();
}

void TranspilePanel::cancel()
{
    m_job->cancel();
    if (m_job->isRunning())
        m_note->setText(tr("Cancelling …"));
}

void TranspilePanel::shutdown()
{
    if (m_job->isRunning()) {
        m_job->cancel();
        m_job->waitForFinished();
    }
}

void TranspilePanel::onJobFinished()
{
    updateEnabled();
    m_progress->setRange(0, 1);
    if (m_runGeneration != m_generation) {
        m_progress->setValue(0);
        return;  // the document was replaced while the job ran
    }
    const TranspileOutcome& outcome = m_job->outcome();
    if (m_job->status() == TranspileJobStatus::Cancelled) {
        m_progress->setValue(0);
        m_status->setText(tr("cancelled"));
        m_note->setText(tr("The transpilation was cancelled."));
        emit statusMessage(tr("Transpilation cancelled."));
        return;
    }
    if (!outcome.succeeded) {
        const QString message =
            errorCodeText(outcome.errorCode) + QLatin1Char(' ') + QString::fromStdString(outcome.errorMessage);
        m_progress->setValue(0);
        m_status->setText(tr("failed"));
        m_note->setText(message);
        emit statusMessage(message);
        return;
    }
    m_progress->setValue(1);
    m_note->clear();
    showResults();
    m_sideTabs->setCurrentIndex(1);
    const engine::TranspileResult& r = outcome.result;
    emit statusMessage(tr("Transpiled for %1: %2 swaps, %3 two-qubit gates, estimated fidelity %4")
                           .arg(QString::fromStdString(outcome.device.name), count(r.swaps), count(r.twoQubitGates),
                                QLocale().toString(r.estimatedFidelity, 'g', 4)));
}

void TranspilePanel::showResults()
{
    const TranspileOutcome& outcome = m_job->outcome();
    const engine::TranspileResult& r = outcome.result;
    const QLocale locale;
    std::size_t merged = 0;
    for (const engine::RoutedLayer& layer : r.layers)
        merged += layer.mergedSwaps;

    m_status->setText(tr("finished"));
    m_deviceText->setText(tr("%1 · %2 qubits · %3")
                              .arg(QString::fromStdString(outcome.device.name))
                              .arg(outcome.device.numQubits)
                              .arg(QString::fromStdString(outcome.device.twoQubitGate)));
    m_swaps->setText(tr("%1 (%2 merged with a term)").arg(count(r.swaps), count(merged)));
    m_twoQubitGates->setText(count(r.twoQubitGates));
    m_depthText->setText(count(r.depth));
    m_twoQubitDepth->setText(count(r.twoQubitDepth));
    m_fidelity->setText(locale.toString(r.estimatedFidelity, 'g', 4));
    m_time->setText(tr("%1 s").arg(locale.toString(r.seconds, 'f', 3)));
    QStringList layout;
    for (std::size_t logical = 0; logical < r.layout.size(); ++logical)
        layout << tr("%1 → %2").arg(logical).arg(r.layout[logical]);
    m_layoutText->setText(layout.join(QStringLiteral(", ")));

    // Laid out on the worker (TranspileRequest::circuitFont); a request made without a font is laid out here.
    const auto show = [](CircuitView* view, const std::shared_ptr<const CircuitLayout>& layout,
                         const engine::Circuit& circuit) {
        if (layout)
            view->setLayout(layout);
        else
            view->setCircuit(circuit);
    };
    show(m_logical, outcome.logicalLayout, r.logical);
    show(m_isa, outcome.isaLayout, r.isa);
    show(m_routed, outcome.routedLayout, r.routed);
    m_routing->setDevice(outcome.device);
    m_routing->setRouting(r.layers, r.layout);
    m_hasResult = true;
    updateEnabled();
    emit resultAvailable(true);
}

void TranspilePanel::clearResults(const QString& note)
{
    for (QLabel* label : {m_status, m_deviceText, m_swaps, m_twoQubitGates, m_depthText, m_twoQubitDepth, m_fidelity,
                          m_time, m_layoutText})
        label->setText(QStringLiteral("–"));
    m_note->setText(note);
    m_logical->clear();
    m_isa->clear();
    m_routed->clear();
    m_routing->clear();
    const bool had = m_hasResult;
    m_hasResult = false;
    updateEnabled();
    if (had)
        emit resultAvailable(false);
}

std::vector<std::size_t> TranspilePanel::routedOperationsAt(int position) const
{
    std::vector<std::size_t> operations;
    if (!m_hasResult)
        return operations;
    const auto& byStep = m_job->outcome().stepOperations;
    for (std::size_t flat : m_routing->stepIndicesAt(position))
        if (flat < byStep.size())
            operations.insert(operations.end(), byStep[flat].begin(), byStep[flat].end());
    return operations;
}

void TranspilePanel::onStepChanged(int position)
{
    const std::vector<std::size_t> operations = routedOperationsAt(position);
    if (operations.empty())
        m_routed->clearHighlight();
    else
        m_routed->highlightOperations(operations, true);
}

bool TranspilePanel::saveQasm3(const QString& path)
{
    if (!m_hasResult) {
        m_note->setText(tr("Nothing to save: transpile first."));
        return false;
    }
    try {
        const std::string text = engine::exportQasm3(m_job->outcome().result.isa);
        engine::writeFileAtomically(QFile::encodeName(path).toStdString(), text);
    } catch (const engine::Error& e) {
        const QString message = errorMessage(e);
        m_note->setText(message);
        emit statusMessage(message.section(QLatin1Char('\n'), 0, 0));
        return false;
    }
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void TranspilePanel::saveQasm3WithDialog()
{
    if (!m_hasResult)
        return;
    const QString name = QStringLiteral("%1-%2.qasm")
                             .arg(m_document->displayName(), QString::fromStdString(m_job->outcome().device.name))
                             .replace(QLatin1Char(':'), QLatin1Char('-'));
    const QString start = m_document->isUntitled() ? QDir::homePath()
                                                   : QFileInfo(m_document->filePath()).absolutePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Save OpenQASM 3"), QDir(start).filePath(name),
                                                tr("OpenQASM files (*.qasm);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".qasm");
    saveQasm3(path);
}

void TranspilePanel::onDocumentChanged(const ChangeEvent& event)
{
    updateQubits();
    if (event.kind == ChangeEvent::Kind::Reset) {
        ++m_generation;
        m_job->cancel();
        clearResults(tr("Press Transpile to map the QAOA circuit of the instance onto the device."));
        return;
    }
    if (m_hasResult && !m_job->isRunning())
        m_note->setText(tr("The project was edited after this transpilation; the result is for the instance as it "
                           "was."));
}

void TranspilePanel::updateQubits()
{
    const RegisterSize size = registerSizeOf(*m_document);
    const std::size_t assignment = size.assignment;
    const std::size_t slack = size.slack;
    m_registerSize = size.total();
    m_qubits->setText(tr("%1 logical qubits (%2 assignment, %3 budget slack)")
                          .arg(m_registerSize)
                          .arg(assignment)
                          .arg(slack));
    updateEnabled();
}

void TranspilePanel::updateEnabled()
{
    const bool running = m_job->isRunning();
    const bool grid = m_backend->currentData().toString() == QLatin1String(GRID_ENTRY);
    for (QWidget* w : std::initializer_list<QWidget*>{m_backend, m_layout, m_router, m_iterations, m_depth, m_seed,
                                                      m_fractional})
        w->setEnabled(!running);
    m_gridRows->setEnabled(!running && grid);
    m_gridCols->setEnabled(!running && grid);
    m_run->setEnabled(!running && m_registerSize > 0);
    m_cancel->setEnabled(running);
    m_save->setEnabled(!running && m_hasResult);
}

} // namespace workbench
