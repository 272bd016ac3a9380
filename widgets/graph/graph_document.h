// SPDX-License-Identifier: MIT
// GraphDocument: the editable graph (GraphData) with its own undo stack, file path and change notifications.
#pragma once

#include "graph/graph_data.h"

#include <QList>
#include <QObject>
#include <QString>

class QUndoStack;

namespace workbench {

/// One change of a GraphDocument, emitted once before (aboutToChange) and once after (changed) the mutation.
struct GraphChange {
    enum class Kind {
        Reset,           ///< everything may have changed
        VertexInserted,  ///< vertex `index` inserted; later vertices renumbered up (edge endpoints follow)
        VertexRemoved,   ///< vertex `index` (without edges) removed; later vertices renumbered down
        EdgeInserted,    ///< edge `index` inserted; later edges renumbered up
        EdgeRemoved,     ///< edge `index` removed; later edges renumbered down
        EdgeWeight,      ///< the weight of edge `index` changed
        Positions,       ///< the positions of `vertices` changed (every vertex when `vertices` is empty)
        Linear,          ///< the linear term of vertex `index` changed
        Problem,         ///< problem kind, MIS penalty or offset changed
    };
    Kind kind = Kind::Reset;
    int index = -1;       ///< the vertex or edge concerned
    QList<int> vertices;  ///< for Positions
};

/// Owns a GraphData and the QUndoStack of its edits. Every mutation goes through the mutators below, which undo
/// commands (graph_commands.h) call; each emits aboutToChange and changed once, and bumps revision(). The
/// document is modified while its undo stack is away from its clean index.
/// Mutators assume valid arguments (commands check before they are pushed).
class GraphDocument final : public QObject {
    Q_OBJECT

public:
    explicit GraphDocument(QObject* parent = nullptr);
    ~GraphDocument() override;

    const GraphData& data() const { return m_data; }
    int numVertices() const { return static_cast<int>(m_data.positions.size()); }
    int numEdges() const { return static_cast<int>(m_data.edges.size()); }
    const engine::Edge& edge(int index) const { return m_data.edges[static_cast<std::size_t>(index)]; }
    QPointF position(int vertex) const { return m_data.positions[static_cast<std::size_t>(vertex)]; }
    double linear(int vertex) const { return m_data.linear[static_cast<std::size_t>(vertex)]; }
    GraphProblemKind problem() const { return m_data.problem; }
    /// Index of edge {u, v} (either order), or -1. O(m).
    int findEdge(int u, int v) const;
    /// Indices of the edges touching `vertex`, ascending. O(m).
    QList<int> incidentEdges(int vertex) const;
    /// Why edge {u, v} with `weight` cannot be added (translated), or an empty string when it can.
    QString edgeProblem(int u, int v, double weight) const;

    QUndoStack* undoStack() const { return m_undoStack; }
    /// Counts every change; a background job compares it to know whether its input is still current.
    quint64 revision() const { return m_revision; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const;
    /// Marks the current state as saved (the undo stack's clean index).
    void setSaved();

    // Mutators for undo commands.
    void insertVertex(int index, QPointF position, double linear);
    /// Precondition: no edge touches `index`.
    void removeVertex(int index);
    void insertEdge(int index, const engine::Edge& edge);
    engine::Edge removeEdge(int index);
    void setEdgeWeight(int index, double weight);
    void setLinear(int vertex, double value);
    void setPositions(const QList<int>& vertices, const QList<QPointF>& positions);
    void setAllPositions(const std::vector<QPointF>& positions);
    void setProblem(GraphProblemKind problem, double misPenalty, double offset);
    /// Replaces everything (generator, import, undo of those); keeps the undo stack.
    void resetData(GraphData data);

signals:
    void aboutToChange(const workbench::GraphChange& change);
    void changed(const workbench::GraphChange& change);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void begin(const GraphChange& change);
    void end(const GraphChange& change);

    GraphData m_data;
    QUndoStack* m_undoStack;
    QString m_filePath;
    quint64 m_revision = 0;
};

} // namespace workbench
