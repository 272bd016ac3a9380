// SPDX-License-Identifier: MIT
// GraphEditorPanel: toolbar actions, selection linking, dialogs and the background spring layout.
#include "graph/graph_editor_panel.h"

#include "core/error.h"
#include "core/run_control.h"
#include "document/error_text.h"
#include "graph/graph_commands.h"
#include "graph/graph_document.h"
#include "graph/graph_file.h"
#include "graph/graph_generator_dialog.h"
#include "graph/graph_scene.h"
#include "graph/graph_table_model.h"
#include "graph/graph_view.h"
#include "graph/qubo_matrix_view.h"
#include "transpile/device_catalog.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <cmath>

namespace workbench {

namespace {

std::vector<QPointF> scaledPositions(const std::vector<engine::LayoutPoint>& points)
{
    std::vector<QPointF> out;
    out.reserve(points.size());
    for (const engine::LayoutPoint& p : points)
        out.emplace_back(p.x * LAYOUT_SCALE, p.y * LAYOUT_SCALE);
    return out;
}

} // namespace

GraphEditorPanel::GraphEditorPanel(QWidget* parent)
    : QWidget(parent)
    , m_document(new GraphDocument(this))
    , m_scene(new GraphScene(m_document, this))
    , m_view(new GraphView(m_scene, this))
    , m_model(new GraphTableModel(m_document, this))
    , m_table(new QTableView(this))
    , m_quboView(new QuboMatrixView(m_document, this))
    , m_status(new QLabel(this))
{
    m_pool.setMaxThreadCount(1);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionResizeMode(GraphTableModel::ColumnU, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(GraphTableModel::ColumnV, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(GraphTableModel::ColumnWeight, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(20);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_status->setWordWrap(true);

    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_problem = new QComboBox(this);
    m_problem->addItem(tr("Max-Cut"), static_cast<int>(GraphProblemKind::MaxCut));
    m_problem->addItem(tr("MIS"), static_cast<int>(GraphProblemKind::Mis));
    m_problem->addItem(tr("QUBO"), static_cast<int>(GraphProblemKind::Qubo));
    m_problem->setToolTip(tr("What the graph encodes"));
    m_misPenalty = new QDoubleSpinBox(this);
    m_misPenalty->setRange(0.001, 1e6);
    m_misPenalty->setDecimals(3);
    m_misPenalty->setValue(m_document->data().misPenalty);
    m_misPenalty->setKeyboardTracking(false);
    m_misPenalty->setPrefix(tr("λ = "));
    m_misPenalty->setToolTip(tr("MIS penalty λ on each edge (above 1 the QUBO minimum is a maximum independent set)"));

    auto* side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_table);
    side->addWidget(m_quboView);
    side->setStretchFactor(0, 1);
    side->setStretchFactor(1, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1200});  // proportions: the view gets most of the width

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    buildActions();
    for (QAction* action : actions())
        if (action->isSeparator() || !action->property("noToolbar").toBool())
            toolbar->addAction(action);
    toolbar->addSeparator();
    toolbar->addWidget(m_problem);
    toolbar->addWidget(m_misPenalty);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphEditorPanel::onSceneSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GraphEditorPanel::onTableSelectionChanged);
    connect(m_scene, &GraphScene::edgeEditRequested, this, &GraphEditorPanel::editEdgeWeight);
    connect(m_scene, &GraphScene::vertexEditRequested, this, &GraphEditorPanel::editVertexLinear);
    connect(m_document, &GraphDocument::changed, this, &GraphEditorPanel::onDocumentChanged);
    connect(m_problem, &QComboBox::currentIndexChanged, this, &GraphEditorPanel::onProblemEdited);
    connect(m_misPenalty, &QDoubleSpinBox::valueChanged, this, &GraphEditorPanel::onProblemEdited);
    connect(&m_layoutWatcher, &QFutureWatcherBase::finished, this, &GraphEditorPanel::onLayoutDone);
    connect(&m_layoutWatcher, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        m_status->setText(tr("Spring layout: %1 %").arg(value / 10));
    });
    onDocumentChanged();
    m_status->setText(tr("Click \"Add vertex\" or \"Generate…\" to start; drag between vertices in \"Add edge\" mode."));
}

GraphEditorPanel::~GraphEditorPanel()
{
    cancelLayout();
    m_layoutWatcher.waitForFinished();
    // Views before the scene and the scene before the document: items and views read the document while they go,
    // and the scene's selection signals must not reach a half-destroyed panel.
    disconnect(m_scene, nullptr, this, nullptr);
    delete m_quboView;
    delete m_view;
    delete m_scene;
}

QUndoStack* GraphEditorPanel::undoStack() const
{
    return m_document->undoStack();
}

QString GraphEditorPanel::statusText() const
{
    return m_status->text();
}

void GraphEditorPanel::buildActions()
{
    auto add = [this](const QString& text, const QKeySequence& shortcut = {}) {
        auto* action = new QAction(text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    auto separator = [this] {
        auto* action = new QAction(this);
        action->setSeparator(true);
        addAction(action);
    };

    m_modeGroup = new QActionGroup(this);
    const std::pair<QString, GraphScene::Mode> modes[] = {
        {tr("Select"), GraphScene::Mode::Select},
        {tr("Add vertex"), GraphScene::Mode::AddVertex},
        {tr("Add edge"), GraphScene::Mode::AddEdge},
    };
    for (const auto& [text, mode] : modes) {
        QAction* action = add(text);
        action->setCheckable(true);
        action->setChecked(mode == GraphScene::Mode::Select);
        action->setObjectName(QStringLiteral("graphMode%1").arg(static_cast<int>(mode)));
        m_modeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] {
            m_scene->setMode(mode);
            m_view->updateDragMode();
        });
    }
    QAction* remove = add(tr("Delete"));
    remove->setToolTip(tr("Delete the selected vertices and edges (Delete key in the view)"));
    connect(remove, &QAction::triggered, this, [this] { m_scene->deleteSelection(); });
    QAction* fit = add(tr("Fit"));
    connect(fit, &QAction::triggered, m_view, &GraphView::fitGraph);
    separator();

    QAction* spring = add(tr("Spring layout"));
    connect(spring, &QAction::triggered, this, [this] { startSpringLayout(1); });
    QAction* circle = add(tr("Circular layout"));
    connect(circle, &QAction::triggered, this, &GraphEditorPanel::applyCircularLayout);
    QAction* device = add(tr("Device layout"));
    auto* deviceMenu = new QMenu(this);
    const std::pair<QString, QString> devices[] = {
        {tr("Heavy-hex Heron r2 (156 qubits)"), QStringLiteral("heavy-hex:heron-r2")},
        {tr("Heavy-hex Heron r1 (133 qubits)"), QStringLiteral("heavy-hex:heron-r1")},
        {tr("Heavy-hex Eagle (127 qubits)"), QStringLiteral("heavy-hex:eagle")},
        {tr("Square grid (fits the graph)"), QStringLiteral("grid")},
    };
    for (const auto& [text, spec] : devices) {
        QAction* item = deviceMenu->addAction(text);
        connect(item, &QAction::triggered, this, [this, spec = spec] {
            QString error;
            if (!applyDeviceLayout(spec, &error))
                showError(tr("Device layout"), error);
        });
    }
    device->setMenu(deviceMenu);
    connect(device, &QAction::triggered, this, [this] {
        QString error;
        if (!applyDeviceLayout(QStringLiteral("heavy-hex:heron-r2"), &error))
            showError(tr("Device layout"), error);
    });
    separator();

    QAction* generateAction = add(tr("Generate…"));
    connect(generateAction, &QAction::triggered, this, [this] {
        GraphGeneratorDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const GraphGeneratorSettings settings = dialog.settings();
        GraphData data = graphDataFrom(dialog.graph(), settings.problem, initialPositions(dialog.graph(), settings.seed));
        m_document->undoStack()->push(new ReplaceGraph(m_document, std::move(data), tr("Generate Graph")));
        m_view->fitGraph();
    });
    QAction* importAction = add(tr("Import…"));
    connect(importAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Graph"), {}, graphImportFilter());
        if (path.isEmpty())
            return;
        QString error;
        if (!openFile(path, &error))
            showError(tr("Import Graph"), error);
    });
    QAction* exportAction = add(tr("Export…"));
    connect(exportAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"), m_document->filePath(),
                                                          graphExportFilter());
        if (path.isEmpty())
            return;
        QString error;
        if (!saveTo(path, &error))
            showError(tr("Export Graph"), error);
    });
    separator();
    // Undo and redo are the widget's actions (for menus), not toolbar buttons: their texts grow with the command.
    // They carry no shortcut: in the main window Edit > Undo follows the focus into this editor (a QUndoGroup),
    // and a second Ctrl+Z here would make the key ambiguous.
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setProperty("noToolbar", true);
    addAction(undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setProperty("noToolbar", true);
    addAction(redo);
}

bool GraphEditorPanel::openFile(const QString& path, QString* error)
{
    std::optional<GraphData> data = loadGraphFile(path, error);
    if (!data)
        return false;
    const bool large = data->numVertices() > IMMEDIATE_SPRING_LIMIT;
    cancelLayout();
    m_document->undoStack()->push(
        new ReplaceGraph(m_document, std::move(*data), tr("Import %1").arg(QFileInfo(path).fileName())));
    m_document->setFilePath(path);
    m_document->setSaved();
    m_view->fitGraph();
    m_status->setText(large ? tr("%1 vertices placed on a circle; use \"Spring layout\" to untangle them.")
                                  .arg(m_document->numVertices())
                            : tr("Imported %1.").arg(QFileInfo(path).fileName()));
    return true;
}

bool GraphEditorPanel::saveTo(const QString& path, QString* error)
{
    if (!saveGraphFile(m_document->data(), path, error))
        return false;
    m_document->setFilePath(path);
    m_document->setSaved();
    m_status->setText(tr("Exported %1.").arg(QFileInfo(path).fileName()));
    return true;
}

bool GraphEditorPanel::generate(const GraphGeneratorSettings& settings, QString* error)
{
    engine::WeightedGraph graph;
    try {
        graph = generateGraph(settings);
    } catch (const engine::Error& e) {
        if (error != nullptr)
            *error = errorMessage(e);
        return false;
    }
    cancelLayout();
    GraphData data = graphDataFrom(graph, settings.problem, initialPositions(graph, settings.seed));
    m_document->undoStack()->push(new ReplaceGraph(m_document, std::move(data), tr("Generate Graph")));
    m_view->fitGraph();
    return true;
}

void GraphEditorPanel::applyCircularLayout()
{
    const auto n = static_cast<std::size_t>(m_document->numVertices());
    if (n == 0)
        return;
    cancelLayout();
    m_document->undoStack()->push(new ApplyLayout(
        m_document, scaledPositions(engine::circularLayout(n, engine::circularRadiusForSpacing(n))),
        tr("Circular Layout")));
    m_view->fitGraph();
}

bool GraphEditorPanel::applyDeviceLayout(const QString& spec, QString* error)
{
    const auto n = static_cast<std::size_t>(m_document->numVertices());
    QString deviceSpec = spec;
    if (spec == QLatin1String("grid")) {
        const auto side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(std::max<std::size_t>(n, 1)))));
        deviceSpec = QStringLiteral("grid:%1x%2").arg(side).arg(side);
    }
    try {
        const engine::DeviceModel device = engine::deviceFromSpec(deviceSpec.toStdString());
        std::vector<engine::LayoutPoint> qubits;
        qubits.reserve(device.positions.size());
        for (const engine::QubitPosition& p : device.positions)
            qubits.push_back(engine::LayoutPoint{p.x, p.y});
        const std::vector<engine::LayoutPoint> positions = engine::deviceLayout(n, qubits);
        cancelLayout();
        m_document->undoStack()->push(new ApplyLayout(m_document, scaledPositions(positions),
                                                      tr("Device Layout (%1)").arg(deviceSpec)));
        m_view->fitGraph();
        return true;
    } catch (const engine::Error& e) {
        if (error != nullptr)
            *error = errorMessage(e);
        return false;
    }
}

void GraphEditorPanel::cancelLayout()
{
    if (m_layoutControl)
        m_layoutControl->requestCancel();
}

bool GraphEditorPanel::isLayoutRunning() const
{
    return m_layoutWatcher.isRunning();
}

void GraphEditorPanel::startSpringLayout(std::uint64_t seed)
{
    if (m_document->numVertices() == 0)
        return;
    cancelLayout();
    m_layoutWatcher.waitForFinished();
    engine::WeightedGraph graph;
    try {
        graph = m_document->data().graph();
    } catch (const engine::Error& e) {
        showError(tr("Spring layout"), errorMessage(e));
        return;
    }
    auto control = std::make_shared<engine::RunControl>();
    m_layoutControl = control;
    m_layoutRevision = m_document->revision();
    engine::SpringLayoutOptions options;
    options.seed = seed;
    m_status->setText(tr("Spring layout: running…"));
    m_layoutWatcher.setFuture(QtConcurrent::run(
        &m_pool, [graph = std::move(graph), options, control](QPromise<std::vector<engine::LayoutPoint>>& promise) {
            promise.setProgressRange(0, 1000);
            control->setCancelCallback([&promise] { return promise.isCanceled(); });
            control->setProgressCallback([&promise](double done, double total, std::string_view) {
                if (total > 0.0)
                    promise.setProgressValue(static_cast<int>(1000.0 * done / total));
            });
            promise.addResult(engine::springLayout(graph, options, *control));
        }));
}

void GraphEditorPanel::onLayoutDone()
{
    const bool cancelled = m_layoutControl && m_layoutControl->isCancelled();
    m_layoutControl.reset();
    if (cancelled || m_layoutWatcher.future().resultCount() == 0) {
        m_status->setText(tr("Spring layout cancelled."));
        emit layoutFinished(false);
        return;
    }
    if (m_document->revision() != m_layoutRevision) {
        m_status->setText(tr("Spring layout discarded: the graph changed while it ran."));
        emit layoutFinished(false);
        return;
    }
    const std::vector<engine::LayoutPoint> points = m_layoutWatcher.result();
    if (points.size() != static_cast<std::size_t>(m_document->numVertices())) {
        emit layoutFinished(false);
        return;
    }
    m_document->undoStack()->push(new ApplyLayout(m_document, scaledPositions(points), tr("Spring Layout")));
    m_view->fitGraph();
    m_status->setText(tr("Spring layout applied."));
    emit layoutFinished(true);
}

void GraphEditorPanel::onSceneSelectionChanged()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    QItemSelection selection;
    const QList<int> edges = m_scene->selectedEdges();
    for (qsizetype i = 0; i < edges.size();) {
        // Contiguous rows as one range: selecting 1000 rows stays one cheap call.
        qsizetype j = i;
        while (j + 1 < edges.size() && edges[j + 1] == edges[j] + 1)
            ++j;
        selection.select(m_model->index(edges[i], 0), m_model->index(edges[j], GraphTableModel::ColumnCount - 1));
        i = j + 1;
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!edges.isEmpty())
        m_table->scrollTo(m_model->index(edges.first(), 0));
    m_syncingSelection = false;
}

void GraphEditorPanel::onTableSelectionChanged()
{
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    QList<int> edges;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        edges.append(index.row());
    std::sort(edges.begin(), edges.end());
    m_scene->selectElements({}, edges);
    m_syncingSelection = false;
}

void GraphEditorPanel::onDocumentChanged()
{
    const GraphData& data = m_document->data();
    const QSignalBlocker blockProblem(m_problem);
    const QSignalBlocker blockPenalty(m_misPenalty);
    m_problem->setCurrentIndex(m_problem->findData(static_cast<int>(data.problem)));
    m_misPenalty->setValue(data.misPenalty);
    m_misPenalty->setEnabled(data.problem == GraphProblemKind::Mis);
}

void GraphEditorPanel::onProblemEdited()
{
    const auto problem = static_cast<GraphProblemKind>(m_problem->currentData().toInt());
    const GraphData& data = m_document->data();
    if (problem == data.problem && m_misPenalty->value() == data.misPenalty)
        return;
    m_document->undoStack()->push(new SetGraphProblem(m_document, problem, m_misPenalty->value(), data.offset));
}

void GraphEditorPanel::editEdgeWeight(int edge)
{
    if (edge < 0 || edge >= m_document->numEdges())
        return;
    const engine::Edge& e = m_document->edge(edge);
    bool ok = false;
    const double weight = QInputDialog::getDouble(this, tr("Edge Weight"),
                                                  tr("Weight of edge (%1, %2):").arg(e.u).arg(e.v), e.weight,
                                                  -1e12, 1e12, 6, &ok);
    if (ok && std::isfinite(weight) && weight != m_document->edge(edge).weight)
        m_document->undoStack()->push(new SetEdgeWeight(m_document, edge, weight));
}

void GraphEditorPanel::editVertexLinear(int vertex)
{
    if (vertex < 0 || vertex >= m_document->numVertices())
        return;
    if (m_document->problem() != GraphProblemKind::Qubo) {
        m_status->setText(tr("Vertex %1: linear terms are edited in the QUBO problem kind.").arg(vertex));
        return;
    }
    bool ok = false;
    const double value = QInputDialog::getDouble(this, tr("Linear Term"), tr("Linear term a of vertex %1:").arg(vertex),
                                                 m_document->linear(vertex), -1e12, 1e12, 6, &ok);
    if (ok && std::isfinite(value) && value != m_document->linear(vertex))
        m_document->undoStack()->push(new SetVertexLinear(m_document, vertex, value));
}

void GraphEditorPanel::showError(const QString& title, const QString& text)
{
    m_status->setText(text);
    QMessageBox::warning(this, title, text);
}

} // namespace workbench
