// SPDX-License-Identifier: MIT
// GraphGeneratorDialog: the form, parameter enabling and generation on accept.
#include "graph/graph_generator_dialog.h"

#include "core/error.h"
#include "document/error_text.h"
#include "transpile/device_catalog.h"
#include "transpile/swap_enhanced_instance.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <string>

namespace workbench {

namespace {

/// The SWAP-enhanced heavy-hex graph (Phasecraft App. B) of the settings: a paper preset or a grown subset.
engine::WeightedGraph swapHeavyHexGraph(const GraphGeneratorSettings& s)
{
    const engine::DeviceModel device = engine::deviceFromSpec(s.device.trimmed().toStdString());
    if (s.swapPreset != 0) {
        const engine::SwapEnhancedPreset preset =
            engine::swapEnhancedPresetFromVertices(static_cast<unsigned>(std::max(0, s.swapPreset)));
        return engine::swapEnhancedPreset(device, preset, s.seed).graph;
    }
    engine::SwapEnhancedOptions o;
    o.numVertices = static_cast<unsigned>(std::max(0, s.vertices));
    o.seedQubit = static_cast<unsigned>(std::max(0, s.seedQubit));
    o.targetEdges = static_cast<std::size_t>(std::max(0, s.targetEdges));
    o.weightSeed = s.seed;
    return engine::generateSwapEnhancedInstance(device, o).graph;
}

} // namespace

engine::WeightedGraph generateGraph(const GraphGeneratorSettings& s)
{
    if (s.family == GraphFamily::SwapHeavyHex)
        return swapHeavyHexGraph(s);
    if (s.vertices < 0 || s.vertices > MAX_GENERATED_VERTICES)
        throw engine::Error(engine::ErrorCode::InvalidArgument,
                            "the vertex count must lie in [0, " + std::to_string(MAX_GENERATED_VERTICES) + "]",
                            "vertices");
    const auto n = static_cast<std::size_t>(s.vertices);
    const double pairs = 0.5 * static_cast<double>(n) * (static_cast<double>(n) - 1.0);
    double expectedEdges = 0.0;
    switch (s.family) {
    case GraphFamily::ErdosRenyi: expectedEdges = s.edgeProbability * pairs; break;
    case GraphFamily::RandomRegular: expectedEdges = 0.5 * static_cast<double>(n) * std::max(0, s.degree); break;
    case GraphFamily::Line: expectedEdges = static_cast<double>(n); break;
    case GraphFamily::Complete: expectedEdges = pairs; break;
    case GraphFamily::SwapHeavyHex: break;
    }
    if (expectedEdges > static_cast<double>(MAX_GENERATED_EDGES))
        throw engine::Error(engine::ErrorCode::LimitExceeded,
                            "about " + std::to_string(static_cast<long long>(expectedEdges))
                                + " edges, more than the editor's limit of " + std::to_string(MAX_GENERATED_EDGES),
                            "vertices");
    switch (s.family) {
    case GraphFamily::ErdosRenyi: return engine::erdosRenyiGraph(n, s.edgeProbability, s.weights, s.seed);
    case GraphFamily::RandomRegular:
        return engine::randomRegularGraph(n, static_cast<std::size_t>(std::max(0, s.degree)), s.weights, s.seed);
    case GraphFamily::Line: return engine::lineGraph(n, s.weights, s.seed);
    case GraphFamily::Complete: return engine::completeGraph(n, s.weights, s.seed);
    case GraphFamily::SwapHeavyHex: break;
    }
    return engine::WeightedGraph(n);
}

GraphGeneratorDialog::GraphGeneratorDialog(QWidget* parent)
    : QDialog(parent)
    , m_family(new QComboBox(this))
    , m_vertices(new QSpinBox(this))
    , m_probability(new QDoubleSpinBox(this))
    , m_degree(new QSpinBox(this))
    , m_weights(new QComboBox(this))
    , m_seed(new QSpinBox(this))
    , m_problem(new QComboBox(this))
    , m_device(new QComboBox(this))
    , m_swapPreset(new QComboBox(this))
    , m_seedQubit(new QSpinBox(this))
    , m_targetEdges(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Generate Graph"));
    m_family->addItem(tr("Erdős–Rényi G(n, p)"), static_cast<int>(GraphFamily::ErdosRenyi));
    m_family->addItem(tr("Random d-regular"), static_cast<int>(GraphFamily::RandomRegular));
    m_family->addItem(tr("Line (path)"), static_cast<int>(GraphFamily::Line));
    m_family->addItem(tr("Complete (SK with ±1 weights)"), static_cast<int>(GraphFamily::Complete));
    m_family->addItem(tr("SWAP-enhanced heavy-hex (weights in [-1, 1])"), static_cast<int>(GraphFamily::SwapHeavyHex));
    m_family->setItemData(m_family->count() - 1,
                          tr("A device subgraph plus the distance-two edges that mid-layer swaps make free "
                             "(Phasecraft paper, appendix B)"),
                          Qt::ToolTipRole);
    m_vertices->setObjectName(QStringLiteral("vertices"));
    m_vertices->setRange(1, MAX_GENERATED_VERTICES);
    m_probability->setRange(0.0, 1.0);
    m_probability->setDecimals(3);
    m_probability->setSingleStep(0.05);
    m_degree->setRange(0, MAX_GENERATED_VERTICES - 1);
    m_weights->addItem(tr("Unit (1)"), static_cast<int>(engine::WeightKind::Unit));
    m_weights->addItem(tr("±1 with probability 1/2"), static_cast<int>(engine::WeightKind::PlusMinusOne));
    m_weights->addItem(tr("Uniform in [0, 1)"), static_cast<int>(engine::WeightKind::Uniform));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_problem->addItem(tr("Max-Cut"), static_cast<int>(GraphProblemKind::MaxCut));
    m_problem->addItem(tr("Maximum independent set"), static_cast<int>(GraphProblemKind::Mis));
    m_problem->addItem(tr("QUBO (edge weights as couplings)"), static_cast<int>(GraphProblemKind::Qubo));
    m_device->setEditable(true);
    for (const std::string& name : engine::bundledDeviceNames())
        m_device->addItem(QString::fromStdString(name));
    for (const char* spec : {"heavy-hex:heron-r2", "heavy-hex:heron-r1", "heavy-hex:eagle"})
        m_device->addItem(QString::fromLatin1(spec));
    m_device->setToolTip(tr("A bundled device or a generated topology such as heavy-hex:heron-r1"));
    m_swapPreset->addItem(tr("Paper: 24 vertices, 40 edges"), 24);
    m_swapPreset->addItem(tr("Paper: 41 vertices, 68 edges"), 41);
    m_swapPreset->addItem(tr("Custom (grown from a qubit)"), 0);
    m_swapPreset->setToolTip(tr("The paper's presets use weight sets 1 to 10: set the seed to the instance number"));
    m_seedQubit->setRange(0, static_cast<int>(engine::MAX_DEVICE_QUBITS) - 1);
    m_targetEdges->setRange(0, MAX_GENERATED_EDGES);
    m_targetEdges->setSpecialValueText(tr("as many as possible"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b2182b"));

    auto* form = new QFormLayout;
    form->addRow(tr("Family:"), m_family);
    form->addRow(tr("Vertices n:"), m_vertices);
    form->addRow(tr("Edge probability p:"), m_probability);
    form->addRow(tr("Degree d:"), m_degree);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Heavy-hex preset:"), m_swapPreset);
    form->addRow(tr("Start qubit:"), m_seedQubit);
    form->addRow(tr("Edges:"), m_targetEdges);
    form->addRow(tr("Weights:"), m_weights);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Problem:"), m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &GraphGeneratorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GraphGeneratorDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_family, &QComboBox::currentIndexChanged, this, &GraphGeneratorDialog::updateEnabled);
    connect(m_swapPreset, &QComboBox::currentIndexChanged, this, &GraphGeneratorDialog::updateEnabled);
    setSettings(GraphGeneratorSettings{});
}

GraphGeneratorSettings GraphGeneratorDialog::settings() const
{
    GraphGeneratorSettings s;
    s.family = static_cast<GraphFamily>(m_family->currentData().toInt());
    s.vertices = m_vertices->value();
    s.edgeProbability = m_probability->value();
    s.degree = m_degree->value();
    s.weights = static_cast<engine::WeightKind>(m_weights->currentData().toInt());
    s.seed = static_cast<std::uint64_t>(m_seed->value());
    s.problem = static_cast<GraphProblemKind>(m_problem->currentData().toInt());
    s.device = m_device->currentText().trimmed();
    s.swapPreset = m_swapPreset->currentData().toInt();
    s.seedQubit = m_seedQubit->value();
    s.targetEdges = m_targetEdges->value();
    return s;
}

void GraphGeneratorDialog::setSettings(const GraphGeneratorSettings& s)
{
    m_family->setCurrentIndex(m_family->findData(static_cast<int>(s.family)));
    m_vertices->setValue(s.vertices);
    m_probability->setValue(s.edgeProbability);
    m_degree->setValue(s.degree);
    m_weights->setCurrentIndex(m_weights->findData(static_cast<int>(s.weights)));
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(s.seed, std::numeric_limits<int>::max())));
    m_problem->setCurrentIndex(m_problem->findData(static_cast<int>(s.problem)));
    const int deviceIndex = m_device->findText(s.device);
    if (deviceIndex >= 0)
        m_device->setCurrentIndex(deviceIndex);
    else
        m_device->setEditText(s.device);
    const int presetIndex = m_swapPreset->findData(s.swapPreset);
    m_swapPreset->setCurrentIndex(presetIndex >= 0 ? presetIndex : m_swapPreset->findData(0));
    m_seedQubit->setValue(s.seedQubit);
    m_targetEdges->setValue(s.targetEdges);
    updateEnabled();
}

QString GraphGeneratorDialog::errorText() const
{
    return m_error->text();
}

void GraphGeneratorDialog::updateEnabled()
{
    const auto family = static_cast<GraphFamily>(m_family->currentData().toInt());
    const bool swap = family == GraphFamily::SwapHeavyHex;
    const bool custom = swap && m_swapPreset->currentData().toInt() == 0;
    m_probability->setEnabled(family == GraphFamily::ErdosRenyi);
    m_degree->setEnabled(family == GraphFamily::RandomRegular);
    m_vertices->setEnabled(!swap || custom);
    m_weights->setEnabled(!swap);
    m_device->setEnabled(swap);
    m_swapPreset->setEnabled(swap);
    m_seedQubit->setEnabled(custom);
    m_targetEdges->setEnabled(custom);
}

void GraphGeneratorDialog::accept()
{
    try {
        m_graph = generateGraph(settings());
    } catch (const engine::Error& e) {
        m_error->setText(errorMessage(e));
        return;
    }
    m_error->clear();
    QDialog::accept();
}

} // namespace workbench
