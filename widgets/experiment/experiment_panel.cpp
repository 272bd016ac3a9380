// SPDX-License-Identifier: MIT
// ExperimentPanel: building the sweep from the editor, starting jobs, relaying rows, saving the table.
#include "experiment/experiment_panel.h"

#include "document/error_text.h"
#include "experiment/experiment_job.h"
#include "experiment/experiment_plot.h"
#include "experiment/experiment_table_model.h"
#include "experiment/experiment_writers.h"
#include "io/atomic_file.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace workbench {

namespace {

QString defaultSettings(engine::SweepKind kind)
{
    return kind == engine::SweepKind::Qaoa
               ? QStringLiteral(R"({"params": "predicted", "shots": 1000, "seed": 1})")
               : QStringLiteral(R"({"runs": 100, "iterations": 500, "bootstrap": 200, "seed": 1})");
}

QString presetTitle(engine::PaperExperiment preset)
{
    switch (preset) {
    case engine::PaperExperiment::LcrpTable2:
        return ExperimentPanel::tr("LCRP Table 2");
    case engine::PaperExperiment::LcrpTable3:
        return ExperimentPanel::tr("LCRP Table 3");
    case engine::PaperExperiment::LcrpTable4:
        return ExperimentPanel::tr("LCRP Table 4");
    case engine::PaperExperiment::WarmstartFig5:
        return ExperimentPanel::tr("Warm starts Fig. 5");
    case engine::PaperExperiment::RoutingFig7:
        return ExperimentPanel::tr("Routing Fig. 7");
    }
    return {};
}

QString presetTip(engine::PaperExperiment preset)
{
    switch (preset) {
    case engine::PaperExperiment::LcrpTable2:
        return ExperimentPanel::tr("The LCRP paper's penalty-weight table (λ_Q = 5…80) on its 4 × 3 instance");
    case engine::PaperExperiment::LcrpTable3:
        return ExperimentPanel::tr("The LCRP paper's scaling table (N = 2, 4, 6 tasks)");
    case engine::PaperExperiment::LcrpTable4:
        return ExperimentPanel::tr("The LCRP paper's depth table (p = 1, 2, 3)");
    case engine::PaperExperiment::WarmstartFig5:
        return ExperimentPanel::tr("Q-factors of QAOA-warm-started tabu search on random graphs");
    case engine::PaperExperiment::RoutingFig7:
        return ExperimentPanel::tr("SWAP counts of the routers on random regular graphs");
    }
    return {};
}

} // namespace

ExperimentPanel::ExperimentPanel(QWidget* parent)
    : QWidget(parent)
    , m_job(new ExperimentJob(this))
    , m_model(new ExperimentTableModel(this))
{
    buildUi();
    connect(m_job, &ExperimentJob::rowsReady, this, &ExperimentPanel::onRowsReady);
    connect(m_job, &ExperimentJob::finished, this, &ExperimentPanel::onFinished);
    connect(m_job, &ExperimentJob::progressChanged, this, [this](int value, int maximum) {
        m_progress->setRange(0, maximum);
        m_progress->setValue(value);
    });
    connect(m_job, &ExperimentJob::pausedChanged, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        if (paused)
            m_status->setText(tr("Paused: running points finish, no new ones start."));
    });
    setKind(engine::SweepKind::Qaoa);
    setAxis(0, QStringLiteral("p"), QStringLiteral("1:3"));
    updateInstanceLabel();
    updateButtons();
}

ExperimentPanel::~ExperimentPanel() = default;

void ExperimentPanel::buildUi()
{
    m_kindCombo = new QComboBox(this);
    m_kindCombo->addItem(tr("QAOA"), static_cast<int>(engine::SweepKind::Qaoa));
    m_kindCombo->addItem(tr("Warm-start pipeline"), static_cast<int>(engine::SweepKind::Warmstart));
    connect(m_kindCombo, &QComboBox::activated, this, [this](int index) {
        setKind(static_cast<engine::SweepKind>(m_kindCombo->itemData(index).toInt()));
    });
    m_instanceLabel = new QLabel(this);
    m_instanceLabel->setWordWrap(true);
    m_settings = new QLineEdit(this);
    m_settings->setToolTip(tr("Settings of every point as a JSON object of parameter values, "
                              "for example {\"shots\": 1000, \"params\": \"predicted\"}"));
    auto* form = new QFormLayout;
    form->addRow(tr("Run"), m_kindCombo);
    form->addRow(tr("Instance"), m_instanceLabel);
    form->addRow(tr("Settings"), m_settings);

    auto* axes = new QGridLayout;
    axes->addWidget(new QLabel(tr("Axis"), this), 0, 0);
    axes->addWidget(new QLabel(tr("Values (1,2,3 or 1:6 or x,xy)"), this), 0, 1);
    for (int k = 0; k < AXIS_ROWS; ++k) {
        m_axisParameter[k] = new QComboBox(this);
        m_axisValues[k] = new QLineEdit(this);
        m_axisValues[k]->setPlaceholderText(tr("values"));
        axes->addWidget(m_axisParameter[k], k + 1, 0);
        axes->addWidget(m_axisValues[k], k + 1, 1);
    }
    form->addRow(axes);

    m_threads = new QSpinBox(this);
    m_threads->setRange(1, 256);
    m_threads->setValue(std::max(1, QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Points run in parallel; the results do not depend on it"));
    form->addRow(tr("Threads"), m_threads);
    m_sameSeed = new QCheckBox(tr("Same seed for every point"), this);
    m_sameSeed->setToolTip(tr("Otherwise each point's seed is derived from the base seed and its index"));
    form->addRow(m_sameSeed);

    m_run = new QPushButton(tr("Run"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    connect(m_run, &QPushButton::clicked, this, [this] { runSweep(); });
    connect(m_pause, &QPushButton::clicked, this, [this] { m_job->isPaused() ? resume() : pause(); });
    connect(m_cancel, &QPushButton::clicked, this, &ExperimentPanel::cancel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* presets = new QGroupBox(tr("Reproduce the papers"), this);
    auto* presetLayout = new QGridLayout(presets);
    int slot = 0;
    for (engine::PaperExperiment preset : engine::paperExperiments()) {
        auto* button = new QPushButton(presetTitle(preset), presets);
        button->setToolTip(presetTip(preset));
        connect(button, &QPushButton::clicked, this, [this, preset] { runPreset(preset); });
        presetLayout->addWidget(button, slot / 2, slot % 2);
        m_presetButtons.push_back(button);
        ++slot;
    }
    m_quick = new QCheckBox(tr("Quick (reduced size)"), presets);
    m_quick->setChecked(true);
    m_quick->setToolTip(tr("Seconds to a minute instead of the papers' full sizes"));
    presetLayout->addWidget(m_quick, slot / 2, slot % 2);

    m_saveCsv = new QPushButton(tr("Save CSV…"), this);
    m_saveJson = new QPushButton(tr("Save JSON…"), this);
    connect(m_saveCsv, &QPushButton::clicked, this, [this] { saveWithDialog(false); });
    connect(m_saveJson, &QPushButton::clicked, this, [this] { saveWithDialog(true); });
    auto* saves = new QHBoxLayout;
    saves->addWidget(m_saveCsv);
    saves->addWidget(m_saveJson);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->addLayout(form);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(m_progress);
    sideLayout->addWidget(m_status);
    sideLayout->addWidget(presets);
    sideLayout->addLayout(saves);
    sideLayout->addStretch(1);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plot = new ExperimentPlot(this);
    m_xAxisCombo = new QComboBox(this);
    m_metricCombo = new QComboBox(this);
    connect(m_xAxisCombo, &QComboBox::activated, this,
            [this](int index) { m_plot->setXAxis(m_xAxisCombo->itemData(index).toString()); });
    connect(m_metricCombo, &QComboBox::activated, this,
            [this](int index) { m_plot->setMetric(m_metricCombo->itemData(index).toString()); });
    auto* plotControls = new QHBoxLayout;
    plotControls->addWidget(new QLabel(tr("Plot"), this));
    plotControls->addWidget(m_metricCombo, 1);
    plotControls->addWidget(new QLabel(tr("against"), this));
    plotControls->addWidget(m_xAxisCombo, 1);
    auto* plotBox = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotBox);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addLayout(plotControls);
    plotLayout->addWidget(m_plot, 1);

    auto* results = new QSplitter(Qt::Vertical, this);
    results->addWidget(m_table);
    results->addWidget(plotBox);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void ExperimentPanel::setProjectInstance(const engine::LcrpInstance& instance)
{
    setInstance(engine::Instance(instance));
}

void ExperimentPanel::setInstance(const engine::Instance& instance)
{
    m_instance = instance;
    updateInstanceLabel();
    updateButtons();
}

bool ExperimentPanel::isRunning() const
{
    return m_job->isRunning();
}

void ExperimentPanel::setKind(engine::SweepKind kind)
{
    m_kind = kind;
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(static_cast<int>(kind)));
    m_settings->setText(defaultSettings(kind));
    fillParameterCombos();
}

void ExperimentPanel::fillParameterCombos()
{
    for (QComboBox* combo : m_axisParameter) {
        const QString previous = combo->currentData().toString();
        combo->clear();
        combo->addItem(tr("(none)"), QString());
        for (const engine::SweepParameter& p : engine::sweepParameters())
            if (m_kind == engine::SweepKind::Qaoa ? p.qaoa : p.warmstart)
                combo->addItem(ExperimentTableModel::columnTitle(p.name), QString::fromLatin1(p.name));
        combo->setCurrentIndex(std::max(0, combo->findData(previous)));
    }
}

void ExperimentPanel::setSettingsText(const QString& json)
{
    m_settings->setText(json);
}

void ExperimentPanel::setAxis(int row, const QString& parameter, const QString& values)
{
    if (row < 0 || row >= AXIS_ROWS)
        return;
    m_axisParameter[row]->setCurrentIndex(std::max(0, m_axisParameter[row]->findData(parameter)));
    m_axisValues[row]->setText(values);
}

void ExperimentPanel::setThreads(int threads)
{
    m_threads->setValue(threads);
}

void ExperimentPanel::setSameSeed(bool same)
{
    m_sameSeed->setChecked(same);
}

void ExperimentPanel::setQuick(bool quick)
{
    m_quick->setChecked(quick);
}

engine::SweepSpec ExperimentPanel::sweepSpec() const
{
    // The editor becomes the equivalent sweep document, so the same parser checks it with the same places.
    nlohmann::json document{{"kind", engine::sweepKindName(m_kind)},
                            {"seeds", engine::sweepSeedsName(m_sameSeed->isChecked() ? engine::SweepSeeds::Same
                                                                                      : engine::SweepSeeds::PerPoint)}};
    const std::string settings = m_settings->text().trimmed().toStdString();
    if (!settings.empty()) {
        try {
            document["settings"] = nlohmann::json::parse(settings);
        } catch (const nlohmann::json::parse_error& e) {
            throw engine::Error(engine::ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(),
                                "/settings");
        }
    }
    nlohmann::json axes = nlohmann::json::array();
    for (int k = 0; k < AXIS_ROWS; ++k) {
        const QString parameter = m_axisParameter[k]->currentData().toString();
        if (parameter.isEmpty())
            continue;
        axes.push_back({{"parameter", parameter.toStdString()}, {"values", m_axisValues[k]->text().toStdString()}});
    }
    document["axes"] = axes;
    return engine::parseSweepSpec(document, {});
}

bool ExperimentPanel::runSweep()
{
    if (isRunning())
        return false;
    if (!m_instance) {
        m_status->setText(tr("No instance: open or create a project first."));
        return false;
    }
    try {
        const engine::SweepSpec spec = sweepSpec();
        start(engine::planSweep(spec, &*m_instance, 1));
    } catch (const engine::Error& e) {
        m_status->setText(errorMessage(e));
        return false;
    }
    return true;
}

bool ExperimentPanel::runPreset(engine::PaperExperiment preset)
{
    if (isRunning())
        return false;
    engine::PaperExperimentOptions options;
    options.quick = m_quick->isChecked();
    start(engine::planPaperExperiment(preset, options));
    return true;
}

void ExperimentPanel::start(engine::ExperimentPlan plan)
{
    m_model->setHeader(plan.header);
    m_plot->setHeader(plan.header);
    fillPlotCombos();
    const std::size_t points = plan.points.size();
    if (!m_job->start(std::move(plan), m_threads->value()))
        return;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setText(tr("Running %n point(s)…", nullptr, static_cast<int>(points)));
    updateButtons();
    emit runningChanged(true);
}

void ExperimentPanel::fillPlotCombos()
{
    const engine::ExperimentHeader& h = m_plot->header();
    m_xAxisCombo->clear();
    for (const std::string& axis : h.axes)
        m_xAxisCombo->addItem(ExperimentTableModel::columnTitle(axis), QString::fromStdString(axis));
    m_metricCombo->clear();
    for (const std::string& metric : h.metrics)
        m_metricCombo->addItem(ExperimentTableModel::columnTitle(metric), QString::fromStdString(metric));
    m_xAxisCombo->setCurrentIndex(m_xAxisCombo->findData(m_plot->xAxis()));
    m_metricCombo->setCurrentIndex(m_metricCombo->findData(m_plot->metric()));
}

void ExperimentPanel::pause()
{
    m_job->pause();
}

void ExperimentPanel::resume()
{
    m_job->resume();
    if (isRunning())
        m_status->setText(tr("Running…"));
}

void ExperimentPanel::cancel()
{
    if (!isRunning())
        return;
    m_job->cancel();
    m_status->setText(tr("Cancelling…"));
}

void ExperimentPanel::onRowsReady(const std::vector<engine::ExperimentRow>& rows)
{
    m_model->addRows(rows);
    m_plot->addRows(rows);
}

void ExperimentPanel::onFinished()
{
    const ExperimentOutcome& outcome = m_job->outcome();
    const auto failed = std::count_if(outcome.rows.begin(), outcome.rows.end(), [](const engine::ExperimentRow& r) {
        return r.status == engine::ExperimentRowStatus::Failed;
    });
    const QString seconds = QString::number(outcome.seconds, 'f', 1);
    switch (m_job->status()) {
    case ExperimentJobStatus::Finished:
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("Finished: %n row(s) in %1 s.", nullptr, static_cast<int>(outcome.rows.size())).arg(seconds));
        break;
    case ExperimentJobStatus::Cancelled:
        m_status->setText(tr("Cancelled: %n row(s) finished.", nullptr, static_cast<int>(outcome.rows.size())));
        break;
    case ExperimentJobStatus::Failed:
        m_status->setText(errorCodeText(outcome.errorCode) + QLatin1Char(' ')
                          + QString::fromStdString(outcome.errorMessage));
        break;
    default:
        break;
    }
    if (failed > 0) {
        const auto first = std::find_if(outcome.rows.begin(), outcome.rows.end(), [](const engine::ExperimentRow& r) {
            return r.status == engine::ExperimentRowStatus::Failed;
        });
        m_status->setText(m_status->text() + QLatin1Char('\n')
                          + tr("%n point(s) failed; the first: %1", nullptr, static_cast<int>(failed))
                                .arg(QString::fromStdString(first->error)));
    }
    updateButtons();
    emit runningChanged(false);
}

void ExperimentPanel::updateInstanceLabel()
{
    if (!m_instance) {
        m_instanceLabel->setText(tr("none (open a project)"));
        return;
    }
    if (const auto* lcrp = std::get_if<engine::LcrpInstance>(&*m_instance))
        m_instanceLabel->setText(tr("LCRP, %1 tasks × %2 models")
                                     .arg(lcrp->numTasks())
                                     .arg(lcrp->numModels()));
    else if (const auto* graph = std::get_if<engine::GraphInstance>(&*m_instance))
        m_instanceLabel->setText(tr("graph, %1 vertices").arg(graph->graph.numVertices()));
    else
        m_instanceLabel->setText(tr("QUBO, %1 variables")
                                     .arg(std::get<engine::QuboInstance>(*m_instance).qubo.numVariables()));
}

void ExperimentPanel::updateButtons()
{
    const bool running = isRunning();
    m_run->setEnabled(!running && m_instance.has_value());
    m_pause->setEnabled(running);
    m_cancel->setEnabled(running);
    for (QPushButton* b : m_presetButtons)
        b->setEnabled(!running);
    m_kindCombo->setEnabled(!running);
    if (!running)
        m_pause->setText(tr("Pause"));
}

bool ExperimentPanel::saveCsv(const QString& path, QString* error) const
{
    try {
        engine::writeFileAtomically(path.toStdString(), engine::experimentCsv(m_model->header(), m_model->rows()));
    } catch (const engine::Error& e) {
        if (error)
            *error = errorMessage(e);
        return false;
    }
    return true;
}

bool ExperimentPanel::saveJson(const QString& path, QString* error) const
{
    try {
        engine::writeFileAtomically(path.toStdString(),
                                    engine::experimentJson(m_model->header(), m_model->rows()).dump(2) + "\n");
    } catch (const engine::Error& e) {
        if (error)
            *error = errorMessage(e);
        return false;
    }
    return true;
}

void ExperimentPanel::saveWithDialog(bool json)
{
    const QString path = QFileDialog::getSaveFileName(this, json ? tr("Save experiment as JSON") : tr("Save experiment as CSV"),
                                                      {}, json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(json ? saveJson(path, &error) : saveCsv(path, &error)))
        m_status->setText(error);
}

QString ExperimentPanel::statusText() const
{
    return m_status->text();
}

} // namespace workbench
