// SPDX-License-Identifier: MIT
// GraphEditorPanel: the interactive graph editor (view, edge table, live QUBO) with its toolbar.
#pragma once

#include "graph/graph_data.h"
#include "graph/graph_layout.h"

#include <QFutureWatcher>
#include <QList>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableView;
class QUndoStack;

namespace engine {
class RunControl;
}

namespace workbench {

class GraphDocument;
class GraphScene;
class GraphTableModel;
class GraphView;
class QuboMatrixView;
struct GraphGeneratorSettings;

/// The graph editor for Max-Cut, MIS and QUBO graphs. A toolbar (select / add-vertex / add-edge modes, delete,
/// fit, spring / circular / device layouts, generate, import, export, undo, redo, problem kind and MIS penalty)
/// over a splitter with the GraphView on the left and, on the right, the edge table above a live QuboMatrixView.
/// Scene and table selections follow each other. Every edit is an undo command on the document's own stack.
/// The spring layout runs off the GUI thread; its result is applied only if the graph did not change meanwhile.
/// The toolbar's actions are also the widget's actions() (QWidget::actions), for a main window's menus.
class GraphEditorPanel final : public QWidget {
    Q_OBJECT

public:
    explicit GraphEditorPanel(QWidget* parent = nullptr);
    ~GraphEditorPanel() override;

    GraphDocument* document() const { return m_document; }
    /// The document's undo stack, for a QUndoGroup in the main window.
    QUndoStack* undoStack() const;
    /// Imports any supported graph or QUBO file (loadGraphFile) as one undoable "Import" step; the document takes
    /// the path and counts as saved. Returns false and sets `error` (translated) on failure, leaving the graph as is.
    bool openFile(const QString& path, QString* error);
    /// Exports by suffix (saveGraphFile); on success the document takes the path and counts as saved.
    bool saveTo(const QString& path, QString* error);

    /// Replaces the graph by a generated one (one undoable step). Returns false and sets `error` on bad parameters.
    bool generate(const GraphGeneratorSettings& settings, QString* error);
    /// Places the vertices on a circle (one undoable step).
    void applyCircularLayout();
    /// Places vertex i on qubit i of the device `spec` (engine::deviceFromSpec: "heavy-hex:heron-r2",
    /// "grid:RxC", "fez", ...; "grid" alone picks the smallest square grid that holds the graph). Returns false
    /// and sets `error` when the device is unknown or has fewer qubits than the graph has vertices.
    bool applyDeviceLayout(const QString& spec, QString* error);
    /// Starts a seeded spring layout off the GUI thread (cancelling one that runs).
    void startSpringLayout(std::uint64_t seed = 1);
    bool isLayoutRunning() const;

    GraphScene* scene() const { return m_scene; }
    GraphView* view() const { return m_view; }
    QTableView* edgeTable() const { return m_table; }
    GraphTableModel* edgeModel() const { return m_model; }
    QuboMatrixView* quboView() const { return m_quboView; }
    /// The status line (layout progress, hints, errors).
    QString statusText() const;

signals:
    /// A spring layout finished: applied (true) or discarded because the graph changed (false).
    void layoutFinished(bool applied);

private:
    void buildActions();
    void onSceneSelectionChanged();
    void onTableSelectionChanged();
    void onDocumentChanged();
    void editEdgeWeight(int edge);
    void editVertexLinear(int vertex);
    void onProblemEdited();
    void onLayoutDone();
    void showError(const QString& title, const QString& text);
    void cancelLayout();

    GraphDocument* m_document;
    GraphScene* m_scene;
    GraphView* m_view;
    GraphTableModel* m_model;
    QTableView* m_table;
    QuboMatrixView* m_quboView;
    QComboBox* m_problem = nullptr;
    QDoubleSpinBox* m_misPenalty = nullptr;
    QLabel* m_status;
    QActionGroup* m_modeGroup = nullptr;
    bool m_syncingSelection = false;
    QThreadPool m_pool;
    QFutureWatcher<std::vector<engine::LayoutPoint>> m_layoutWatcher;
    std::shared_ptr<engine::RunControl> m_layoutControl;
    quint64 m_layoutRevision = 0;
};

} // namespace workbench
