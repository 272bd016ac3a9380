// SPDX-License-Identifier: MIT
// SubmitDialog: the option editors, building the submission, and the off-thread estimate with its figures.
#include "jobs/submit_dialog.h"

#include "core/error.h"
#include "document/error_text.h"
#include "document/project_document.h"
#include "jobs/job_monitor.h"
#include "jobservice/backend_listing.h"
#include "jobstore/qpu_estimate.h"
#include "panels/panel_parts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace workbench {

namespace {

enum Source { ProjectSource = 0, FileSource = 1 };

std::vector<double> parseAngles(const QString& text, const char* what)
{
    std::vector<double> values;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            throw engine::Error(engine::ErrorCode::InvalidArgument, "'" + part.trimmed().toStdString()
                                    + "' is not a number", what);
        values.push_back(value);
    }
    return values;
}

QString instanceText(const engine::Instance& instance)
{
    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&instance))
        return SubmitDialog::tr("LCRP: %1 tasks × %2 models").arg(lcrp->numTasks()).arg(lcrp->numModels());
    if (const auto* graph = std::get_if<engine::GraphInstance>(&instance))
        return SubmitDialog::tr("%1 graph: %2 vertices, %3 edges")
            .arg(graph->problem == engine::GraphProblem::MaxCut ? SubmitDialog::tr("Max-Cut") : SubmitDialog::tr("MIS"))
            .arg(graph->graph.numVertices())
            .arg(graph->graph.numEdges());
    const auto& qubo = std::get<engine::QuboInstance>(instance);
    return SubmitDialog::tr("QUBO: %1 variables").arg(qubo.qubo.numVariables());
}

/// What the estimate worker hands back.
struct EstimateAnswer {
    engine::PreparedJob job;
    double monthUsedSeconds = 0.0;  ///< this month's IBM usage in the store (provisional charges in full)
};

} // namespace

SubmitDialog::SubmitDialog(ProjectDocument* document, JobMonitor* monitor, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_monitor(monitor)
{
    setWindowTitle(tr("Submit QAOA Job"));
    setObjectName(QStringLiteral("SubmitDialog"));

    m_source = new QComboBox(this);
    m_source->addItem(tr("Project (LCRP)"));
    m_source->addItem(tr("Instance file"));
    m_openFile = new QPushButton(tr("Open…"), this);
    m_instance = new QLabel(this);
    m_backend = new QComboBox(this);
    m_backend->addItem(QString::fromLatin1(engine::DEFAULT_JOB_BACKEND));
    m_depth = spinBox(1, MAX_SUBMIT_DEPTH, tr("QAOA layers p"), this);
    m_shots = spinBox(1, static_cast<int>(engine::MAX_JOB_SHOTS), tr("Samples drawn from the circuit"), this);
    m_shots->setValue(4000);
    m_angles = new QComboBox(this);
    m_angles->addItem(tr("Predicted"), static_cast<int>(engine::JobAngles::Predicted));
    m_angles->addItem(tr("Fixed"), static_cast<int>(engine::JobAngles::Fixed));
    m_angles->setToolTip(tr("Predicted angles need no optimisation before the job; fixed ones are given below"));
    m_gammas = new QLineEdit(this);
    m_gammas->setPlaceholderText(tr("γ₁, γ₂, …"));
    m_betas = new QLineEdit(this);
    m_betas->setPlaceholderText(tr("β₁, β₂, …"));
    m_seed = spinBox(0, 1'000'000'000, tr("Seeds the layout search and, locally, the emulation"), this);
    m_seed->setValue(1);
    m_decoupling = new QComboBox(this);
    m_decoupling->addItem(tr("off"), QString());
    for (const char* sequence : {"XX", "XpXm", "XY4"})
        m_decoupling->addItem(QString::fromLatin1(sequence), QString::fromLatin1(sequence));
    m_decoupling->setToolTip(tr("Dynamical decoupling on idle qubits (IBM backends)"));
    m_twirling = new QCheckBox(tr("Pauli twirling"), this);
    m_twirling->setToolTip(tr("Twirl gates and measurements (IBM backends)"));
    m_maxTime = spinBox(0, 10800, tr("IBM stops the job after this many seconds; 0: the plan's default"), this);
    m_maxTime->setSuffix(tr(" s"));
    m_maxTime->setSpecialValueText(tr("default"));
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("comma-separated"));

    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_openFile);
    auto* options = new QFormLayout;
    options->addRow(tr("Instance:"), sourceRow);
    options->addRow(QString(), m_instance);
    options->addRow(tr("Backend:"), m_backend);
    options->addRow(tr("Depth p:"), m_depth);
    options->addRow(tr("Shots:"), m_shots);
    options->addRow(tr("Angles:"), m_angles);
    options->addRow(tr("Gammas:"), m_gammas);
    options->addRow(tr("Betas:"), m_betas);
    options->addRow(tr("Seed:"), m_seed);
    options->addRow(tr("Dynamical decoupling:"), m_decoupling);
    options->addRow(QString(), m_twirling);
    options->addRow(tr("Max. execution time:"), m_maxTime);
    options->addRow(tr("Tags:"), m_tags);

    m_twoQubit = new QLabel(this);
    m_circuitDepth = new QLabel(this);
    m_swaps = new QLabel(this);
    m_fidelity = new QLabel(this);
    m_qpu = new QLabel(this);
    m_month = new QLabel(this);
    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto* figures = new QFormLayout;
    figures->addRow(tr("Two-qubit gates:"), m_twoQubit);
    figures->addRow(tr("Depth (two-qubit):"), m_circuitDepth);
    figures->addRow(tr("SWAPs:"), m_swaps);
    figures->addRow(tr("Estimated fidelity:"), m_fidelity);
    figures->addRow(tr("QPU time estimate:"), m_qpu);
    figures->addRow(tr("Open Plan this month:"), m_month);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_estimateButton = buttons->addButton(tr("Estimate"), QDialogButtonBox::ActionRole);
    m_submitButton = buttons->addButton(tr("Submit"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_submitButton, &QPushButton::clicked, this, [this] {
        try {
            submission();
        } catch (const engine::Error& e) {
            m_message->setText(errorMessage(e));
            return;
        }
        accept();
    });
    connect(m_estimateButton, &QPushButton::clicked, this, &SubmitDialog::estimate);
    connect(m_openFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Instance"), QString(),
            tr("Instances (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;All files (*)"));
        if (!path.isEmpty())
            loadInstanceFile(path);
    });

    auto* columns = new QHBoxLayout;
    columns->addLayout(options, 3);
    columns->addLayout(figures, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_warnings);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    for (QComboBox* box : {m_source, m_backend, m_angles, m_decoupling})
        connect(box, &QComboBox::currentIndexChanged, this, &SubmitDialog::optionsChanged);
    for (QSpinBox* box : {m_depth, m_shots, m_seed, m_maxTime})
        connect(box, &QSpinBox::valueChanged, this, &SubmitDialog::optionsChanged);
    for (QLineEdit* edit : {m_gammas, m_betas, m_tags})
        connect(edit, &QLineEdit::textChanged, this, &SubmitDialog::optionsChanged);
    connect(m_twirling, &QCheckBox::toggled, this, &SubmitDialog::optionsChanged);
    if (!m_document)
        m_source->setCurrentIndex(FileSource);
    optionsChanged();
}

void SubmitDialog::setBackends(const QStringList& names)
{
    const QString current = m_backend->currentText();
    const QSignalBlocker blocker(m_backend);
    m_backend->clear();
    m_backend->addItems(names);
    const int index = m_backend->findText(current);
    m_backend->setCurrentIndex(index >= 0 ? index : 0);
    optionsChanged();
}

void SubmitDialog::setInstance(const engine::Instance& instance, const QString& name)
{
    m_fileInstance = instance;
    m_fileName = name;
    m_source->setCurrentIndex(FileSource);
    optionsChanged();
}

bool SubmitDialog::loadInstanceFile(const QString& path)
{
    try {
        setInstance(engine::loadInstance(QFileInfo(path).absoluteFilePath().toStdString()), QFileInfo(path).fileName());
        return true;
    } catch (const engine::Error& e) {
        m_message->setText(tr("Cannot read %1: %2").arg(path, errorMessage(e)));
        return false;
    }
}

std::optional<engine::Instance> SubmitDialog::currentInstance(QString* error) const
{
    if (m_source->currentIndex() == ProjectSource) {
        if (m_document)
            return engine::Instance(m_document->instance());
        if (error)
            *error = tr("No project is open.");
        return std::nullopt;
    }
    if (!m_fileInstance && error)
        *error = tr("Open an instance file.");
    return m_fileInstance;
}

engine::JobSubmission SubmitDialog::submission() const
{
    QString error;
    std::optional<engine::Instance> instance = currentInstance(&error);
    if (!instance)
        throw engine::Error(engine::ErrorCode::InvalidArgument, error.toStdString(), "instance");
    engine::JobSubmission s;
    s.instance = std::move(*instance);
    s.backend = m_backend->currentText().toStdString();
    s.p = static_cast<std::size_t>(m_depth->value());
    s.shots = static_cast<std::uint64_t>(m_shots->value());
    s.angleMethod = static_cast<engine::JobAngles>(m_angles->currentData().toInt());
    if (s.angleMethod == engine::JobAngles::Fixed) {
        s.angles.gammas = parseAngles(m_gammas->text(), "gammas");
        s.angles.betas = parseAngles(m_betas->text(), "betas");
    }
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    if (m_source->currentIndex() == ProjectSource && m_document)
        s.lcrpEncoding = encoderOptionsOf(*m_document);
    s.dynamicalDecoupling = m_decoupling->currentData().toString().toStdString();
    s.twirling = m_twirling->isChecked();
    if (m_maxTime->value() > 0)
        s.maxExecutionSeconds = m_maxTime->value();
    for (const QString& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            s.tags.push_back(tag.trimmed().toStdString());
    s.instanceName = m_source->currentIndex() == ProjectSource && m_document
        ? m_document->displayName().toStdString()
        : m_fileName.toStdString();
    engine::validateSubmission(s);
    return s;
}

void SubmitDialog::optionsChanged()
{
    ++m_generation;
    m_prepared.reset();
    QString error;
    const std::optional<engine::Instance> instance = currentInstance(&error);
    m_instance->setText(instance ? (m_source->currentIndex() == FileSource && !m_fileName.isEmpty()
                                        ? m_fileName + QStringLiteral(" — ") + instanceText(*instance)
                                        : instanceText(*instance))
                                 : error);
    clearFigures();
    updateEnabled();
}

void SubmitDialog::updateEnabled()
{
    const bool fixed = static_cast<engine::JobAngles>(m_angles->currentData().toInt()) == engine::JobAngles::Fixed;
    m_gammas->setEnabled(fixed);
    m_betas->setEnabled(fixed);
    m_openFile->setEnabled(m_source->currentIndex() == FileSource);
    // Decoupling, twirling and the time limit are Sampler options of IBM's service; the emulator has none.
    const bool ibm = !engine::isLocalBackendName(m_backend->currentText().toStdString());
    m_decoupling->setEnabled(ibm);
    m_twirling->setEnabled(ibm);
    m_maxTime->setEnabled(ibm);
    m_estimateButton->setEnabled(!m_estimating);
}

void SubmitDialog::clearFigures()
{
    for (QLabel* label : {m_twoQubit, m_circuitDepth, m_swaps, m_fidelity, m_qpu, m_month})
        label->setText(tr("–"));
    m_warnings->clear();
    m_message->clear();
}

bool SubmitDialog::estimate()
{
    if (m_estimating)
        return false;
    engine::JobSubmission s;
    try {
        s = submission();
    } catch (const engine::Error& e) {
        m_message->setText(errorMessage(e));
        return false;
    }
    m_estimating = true;
    updateEnabled();
    m_message->setText(tr("Transpiling for %1 …").arg(m_backend->currentText()));
    const int generation = m_generation;
    m_monitor->call<EstimateAnswer>(
        [s](engine::JobService& service, engine::RunControl& control) {
            EstimateAnswer answer;
            answer.job = service.prepare(s, control);
            const QDate today = QDateTime::currentDateTimeUtc().date();
            answer.monthUsedSeconds = service.store().monthUsageSeconds(engine::JobProvider::Ibm, today.year(),
                                                                        today.month());
            return answer;
        },
        this,
        [this, generation](const ServiceOutcome<EstimateAnswer>& outcome) {
            m_estimating = false;
            updateEnabled();
            if (generation != m_generation)
                return;  // the options changed meanwhile: the figures would describe another job
            if (!outcome.succeeded) {
                m_message->setText(outcome.cancelled ? tr("Estimate cancelled.")
                                                     : tr("Cannot prepare the job: %1")
                                                           .arg(QString::fromStdString(outcome.errorMessage)));
                emit estimated(false);
                return;
            }
            const engine::PreparedJob& job = outcome.value.job;
            m_prepared = job;
            m_twoQubit->setText(QString::number(job.figures.twoQubitGates));
            m_circuitDepth->setText(tr("%1 (%2)").arg(job.figures.depth).arg(job.figures.twoQubitDepth));
            m_swaps->setText(QString::number(job.figures.swaps));
            m_fidelity->setText(QString::number(job.figures.estimatedFidelity, 'g', 3));
            m_qpu->setText(tr("%1 s").arg(job.estimatedQpuSeconds, 0, 'f', 1));
            const double used = job.budget ? job.budget->usedSeconds : outcome.value.monthUsedSeconds;
            m_month->setText(tr("%1 s used of %2 s, %3 s left")
                                 .arg(used, 0, 'f', 1)
                                 .arg(engine::OPEN_PLAN_SECONDS_PER_MONTH, 0, 'f', 0)
                                 .arg(engine::openPlanRemaining(used), 0, 'f', 1));
            QStringList warnings;
            for (const std::string& w : job.warnings)
                warnings.append(QString::fromStdString(w));
            m_warnings->setText(warnings.join(QLatin1Char('\n')));
            m_message->setText(tr("Ready to submit to %1.").arg(QString::fromStdString(job.backend)));
            emit estimated(true);
        });
    return true;
}

QString SubmitDialog::figureText(const QString& key) const
{
    const QLabel* label = key == QLatin1String("instance")        ? m_instance
                          : key == QLatin1String("twoQubitGates") ? m_twoQubit
                          : key == QLatin1String("depth")         ? m_circuitDepth
                          : key == QLatin1String("swaps")         ? m_swaps
                          : key == QLatin1String("fidelity")      ? m_fidelity
                          : key == QLatin1String("qpuEstimate")   ? m_qpu
                          : key == QLatin1String("monthUsage")    ? m_month
                          : key == QLatin1String("warnings")      ? m_warnings
                          : key == QLatin1String("message")       ? m_message
                                                                  : nullptr;
    return label ? label->text() : QString();
}

} // namespace workbench
