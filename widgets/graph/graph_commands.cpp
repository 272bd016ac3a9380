// SPDX-License-Identifier: MIT
// Undo commands of the graph editor.
#include "graph/graph_commands.h"

#include "graph/graph_document.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>
#include <utility>

namespace workbench {

namespace {

QString commandText(const char* text)
{
    return QCoreApplication::translate("UndoCommands", text);
}

} // namespace

AddVertex::AddVertex(GraphDocument* document, QPointF position, double linear, QUndoCommand* parent)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("UndoCommands", "Add Vertex")), parent)
    , m_document(document)
    , m_position(position)
    , m_linear(linear)
    , m_index(document->numVertices())
{
}

void AddVertex::redo()
{
    m_document->insertVertex(m_index, m_position, m_linear);
}

void AddVertex::undo()
{
    m_document->removeVertex(m_index);
}

AddEdge::AddEdge(GraphDocument* document, int u, int v, double weight, QUndoCommand* parent)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("UndoCommands", "Add Edge")), parent)
    , m_document(document)
    , m_edge{static_cast<std::uint32_t>(std::min(u, v)), static_cast<std::uint32_t>(std::max(u, v)), weight}
    , m_index(document->numEdges())
{
}

void AddEdge::redo()
{
    m_document->insertEdge(m_index, m_edge);
}

void AddEdge::undo()
{
    m_document->removeEdge(m_index);
}

RemoveElements::RemoveElements(GraphDocument* document, QList<int> vertices, QList<int> edges, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
{
    const std::set<int> vertexSet(vertices.begin(), vertices.end());
    std::set<int> edgeSet(edges.begin(), edges.end());
    for (int e = 0; e < document->numEdges(); ++e) {
        const engine::Edge& edge = document->edge(e);
        if (vertexSet.count(static_cast<int>(edge.u)) != 0 || vertexSet.count(static_cast<int>(edge.v)) != 0)
            edgeSet.insert(e);
    }
    for (int v : vertexSet)
        m_vertices.push_back({v, document->position(v), document->linear(v)});
    for (int e : edgeSet)
        m_edges.push_back({e, document->edge(e)});
    if (m_vertices.empty())
        setText(QCoreApplication::translate("UndoCommands", "Remove %n Edge(s)", nullptr,
                                            static_cast<int>(m_edges.size())));
    else
        setText(QCoreApplication::translate("UndoCommands", "Remove %n Vertex(es)", nullptr,
                                            static_cast<int>(m_vertices.size())));
}

void RemoveElements::redo()
{
    // Highest index first, so the indices still to remove stay valid; edges before vertices, so a vertex is
    // bare when it goes.
    for (auto it = m_edges.rbegin(); it != m_edges.rend(); ++it)
        m_document->removeEdge(it->index);
    for (auto it = m_vertices.rbegin(); it != m_vertices.rend(); ++it)
        m_document->removeVertex(it->index);
}

void RemoveElements::undo()
{
    // Ascending: each insertion restores the numbering the next one was recorded in.
    for (const RemovedVertex& v : m_vertices)
        m_document->insertVertex(v.index, v.position, v.linear);
    for (const RemovedEdge& e : m_edges)
        m_document->insertEdge(e.index, e.edge);
}

MoveVertices::MoveVertices(GraphDocument* document, QList<int> vertices, QList<QPointF> from, QList<QPointF> to,
                           QUndoCommand* parent)
    : QUndoCommand(QCoreApplication::translate("UndoCommands", "Move %n Vertex(es)", nullptr,
                                               static_cast<int>(vertices.size())),
                   parent)
    , m_document(document)
    , m_vertices(std::move(vertices))
    , m_from(std::move(from))
    , m_to(std::move(to))
{
}

void MoveVertices::redo()
{
    if (m_from == m_to) {
        setObsolete(true);
        return;
    }
    m_document->setPositions(m_vertices, m_to);
}

void MoveVertices::undo()
{
    if (m_from != m_to)
        m_document->setPositions(m_vertices, m_from);
}

bool MoveVertices::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const MoveVertices*>(other);
    if (next == nullptr || next->m_document != m_document || next->m_vertices != m_vertices)
        return false;
    m_to = next->m_to;
    setObsolete(m_from == m_to);
    return true;
}

SetEdgeWeight::SetEdgeWeight(GraphDocument* document, int index, double weight, QUndoCommand* parent)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("UndoCommands", "Set Edge Weight")), parent)
    , m_document(document)
    , m_index(index)
    , m_old(document->edge(index).weight)
    , m_new(weight)
{
}

void SetEdgeWeight::redo()
{
    if (m_old == m_new) {
        setObsolete(true);
        return;
    }
    m_document->setEdgeWeight(m_index, m_new);
}

void SetEdgeWeight::undo()
{
    if (m_old != m_new)
        m_document->setEdgeWeight(m_index, m_old);
}

SetVertexLinear::SetVertexLinear(GraphDocument* document, int vertex, double value, QUndoCommand* parent)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("UndoCommands", "Set Linear Term")), parent)
    , m_document(document)
    , m_vertex(vertex)
    , m_old(document->linear(vertex))
    , m_new(value)
{
}

void SetVertexLinear::redo()
{
    if (m_old == m_new) {
        setObsolete(true);
        return;
    }
    m_document->setLinear(m_vertex, m_new);
}

void SetVertexLinear::undo()
{
    if (m_old != m_new)
        m_document->setLinear(m_vertex, m_old);
}

ApplyLayout::ApplyLayout(GraphDocument* document, std::vector<QPointF> positions, const QString& text,
                         QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_old(document->data().positions)
    , m_new(std::move(positions))
{
    m_new.resize(m_old.size());
}

void ApplyLayout::redo()
{
    m_document->setAllPositions(m_new);
}

void ApplyLayout::undo()
{
    m_document->setAllPositions(m_old);
}

SetGraphProblem::SetGraphProblem(GraphDocument* document, GraphProblemKind problem, double misPenalty, double offset,
                                 QUndoCommand* parent)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("UndoCommands", "Change Graph Problem")), parent)
    , m_document(document)
    , m_old{document->data().problem, document->data().misPenalty, document->data().offset}
    , m_new{problem, misPenalty, offset}
{
}

void SetGraphProblem::redo()
{
    if (m_old == m_new) {
        setObsolete(true);
        return;
    }
    m_document->setProblem(m_new.problem, m_new.misPenalty, m_new.offset);
}

void SetGraphProblem::undo()
{
    if (!(m_old == m_new))
        m_document->setProblem(m_old.problem, m_old.misPenalty, m_old.offset);
}

ReplaceGraph::ReplaceGraph(GraphDocument* document, GraphData data, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_other(std::move(data))
{
}

void ReplaceGraph::redo()
{
    GraphData previous = m_document->data();
    m_document->resetData(std::move(m_other));
    m_other = std::move(previous);
}

void ReplaceGraph::undo()
{
    redo();  // swapping is its own inverse
}

} // namespace workbench
