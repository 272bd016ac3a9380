// SPDX-License-Identifier: MIT
// Undo commands of the graph editor: vertices, edges, weights, moves, layouts, problem kind, whole-graph replace.
#pragma once

#include "graph/graph_data.h"

#include <QList>
#include <QPointF>
#include <QUndoCommand>

#include <vector>

namespace workbench {

class GraphDocument;

/// Merge id of MoveVertices. Kept apart from the project's UndoId values (all below 100).
constexpr int MOVE_VERTICES_UNDO_ID = 701;

/// Appends a vertex at `position` (with linear term `linear`). Undo removes it.
class AddVertex final : public QUndoCommand {
public:
    AddVertex(GraphDocument* document, QPointF position, double linear = 0.0, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    /// The new vertex's index.
    int vertex() const { return m_index; }

private:
    GraphDocument* m_document;
    QPointF m_position;
    double m_linear;
    int m_index;
};

/// Appends edge {u, v} with `weight` (the caller checks GraphDocument::edgeProblem first). Undo removes it.
class AddEdge final : public QUndoCommand {
public:
    AddEdge(GraphDocument* document, int u, int v, double weight = 1.0, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument* m_document;
    engine::Edge m_edge;
    int m_index;
};

/// Removes the given vertices (with every edge touching them) and the given edges. Undo puts every vertex and
/// edge back at its old index, with its position, linear term and weight.
class RemoveElements final : public QUndoCommand {
public:
    RemoveElements(GraphDocument* document, QList<int> vertices, QList<int> edges, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    struct RemovedVertex {
        int index;
        QPointF position;
        double linear;
    };
    struct RemovedEdge {
        int index;
        engine::Edge edge;
    };
    GraphDocument* m_document;
    std::vector<RemovedVertex> m_vertices;  // ascending index
    std::vector<RemovedEdge> m_edges;       // ascending index, endpoints in the numbering before removal
};

/// Moves `vertices` from `from` to `to` (one position each). Consecutive moves of the same vertex set merge
/// into one undo step (a drag that is picked up again); a move that ends where it started is dropped.
class MoveVertices final : public QUndoCommand {
public:
    MoveVertices(GraphDocument* document, QList<int> vertices, QList<QPointF> from, QList<QPointF> to,
                 QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return MOVE_VERTICES_UNDO_ID; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    GraphDocument* m_document;
    QList<int> m_vertices;
    QList<QPointF> m_from;
    QList<QPointF> m_to;
};

/// Sets the weight of edge `index`. A no-op edit is dropped from the stack.
class SetEdgeWeight final : public QUndoCommand {
public:
    SetEdgeWeight(GraphDocument* document, int index, double weight, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument* m_document;
    int m_index;
    double m_old;
    double m_new;
};

/// Sets the linear term a_v of vertex `vertex` (the Qubo kind). A no-op edit is dropped.
class SetVertexLinear final : public QUndoCommand {
public:
    SetVertexLinear(GraphDocument* document, int vertex, double value, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument* m_document;
    int m_vertex;
    double m_old;
    double m_new;
};

/// Moves every vertex to `positions` (one per vertex) at once: the result of an automatic layout.
class ApplyLayout final : public QUndoCommand {
public:
    ApplyLayout(GraphDocument* document, std::vector<QPointF> positions, const QString& text,
                QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument* m_document;
    std::vector<QPointF> m_old;
    std::vector<QPointF> m_new;
};

/// Sets the problem kind, MIS penalty and QUBO offset. A no-op edit is dropped.
class SetGraphProblem final : public QUndoCommand {
public:
    SetGraphProblem(GraphDocument* document, GraphProblemKind problem, double misPenalty, double offset,
                    QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    struct Value {
        GraphProblemKind problem;
        double misPenalty;
        double offset;
        bool operator==(const Value&) const = default;
    };
    GraphDocument* m_document;
    Value m_old;
    Value m_new;
};

/// Replaces the whole graph (a generator's output, an imported file). Undo brings the old graph back.
class ReplaceGraph final : public QUndoCommand {
public:
    ReplaceGraph(GraphDocument* document, GraphData data, const QString& text, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument* m_document;
    GraphData m_other;  // the graph redo or undo puts in place next
};

} // namespace workbench
