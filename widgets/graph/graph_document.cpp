// SPDX-License-Identifier: MIT
// GraphDocument: mutators that keep vertex numbering, edge order and notifications consistent.
#include "graph/graph_document.h"

#include <QUndoStack>

#include <cmath>
#include <utility>

namespace workbench {

GraphDocument::GraphDocument(QObject* parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

GraphDocument::~GraphDocument() = default;

int GraphDocument::findEdge(int u, int v) const
{
    if (u > v)
        std::swap(u, v);
    for (std::size_t i = 0; i < m_data.edges.size(); ++i) {
        const engine::Edge& e = m_data.edges[i];
        if (static_cast<int>(e.u) == u && static_cast<int>(e.v) == v)
            return static_cast<int>(i);
    }
    return -1;
}

QList<int> GraphDocument::incidentEdges(int vertex) const
{
    QList<int> out;
    for (std::size_t i = 0; i < m_data.edges.size(); ++i) {
        const engine::Edge& e = m_data.edges[i];
        if (static_cast<int>(e.u) == vertex || static_cast<int>(e.v) == vertex)
            out.append(static_cast<int>(i));
    }
    return out;
}

QString GraphDocument::edgeProblem(int u, int v, double weight) const
{
    if (u < 0 || v < 0 || u >= numVertices() || v >= numVertices())
        return tr("Vertex %1 or %2 does not exist (the graph has %3 vertices).").arg(u).arg(v).arg(numVertices());
    if (u == v)
        return tr("An edge needs two different vertices (both are %1).").arg(u);
    if (!std::isfinite(weight))
        return tr("The weight of edge (%1, %2) is not a finite number.").arg(u).arg(v);
    if (findEdge(u, v) >= 0)
        return tr("Edge (%1, %2) already exists.").arg(std::min(u, v)).arg(std::max(u, v));
    return {};
}

void GraphDocument::setFilePath(const QString& path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool GraphDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void GraphDocument::setSaved()
{
    m_undoStack->setClean();
}

void GraphDocument::begin(const GraphChange& change)
{
    emit aboutToChange(change);
}

void GraphDocument::end(const GraphChange& change)
{
    ++m_revision;
    emit changed(change);
}

void GraphDocument::insertVertex(int index, QPointF position, double linear)
{
    const GraphChange change{GraphChange::Kind::VertexInserted, index, {}};
    begin(change);
    const auto at = static_cast<std::ptrdiff_t>(index);
    m_data.positions.insert(m_data.positions.begin() + at, position);
    m_data.linear.insert(m_data.linear.begin() + at, linear);
    const auto shifted = static_cast<std::uint32_t>(index);
    for (engine::Edge& e : m_data.edges) {
        if (e.u >= shifted)
            ++e.u;
        if (e.v >= shifted)
            ++e.v;
    }
    end(change);
}

void GraphDocument::removeVertex(int index)
{
    const GraphChange change{GraphChange::Kind::VertexRemoved, index, {}};
    begin(change);
    const auto at = static_cast<std::ptrdiff_t>(index);
    m_data.positions.erase(m_data.positions.begin() + at);
    m_data.linear.erase(m_data.linear.begin() + at);
    const auto removed = static_cast<std::uint32_t>(index);
    for (engine::Edge& e : m_data.edges) {
        if (e.u > removed)
            --e.u;
        if (e.v > removed)
            --e.v;
    }
    end(change);
}

void GraphDocument::insertEdge(int index, const engine::Edge& edge)
{
    const GraphChange change{GraphChange::Kind::EdgeInserted, index, {}};
    begin(change);
    engine::Edge e = edge;
    if (e.u > e.v)
        std::swap(e.u, e.v);
    m_data.edges.insert(m_data.edges.begin() + static_cast<std::ptrdiff_t>(index), e);
    end(change);
}

engine::Edge GraphDocument::removeEdge(int index)
{
    const GraphChange change{GraphChange::Kind::EdgeRemoved, index, {}};
    begin(change);
    const engine::Edge e = m_data.edges[static_cast<std::size_t>(index)];
    m_data.edges.erase(m_data.edges.begin() + static_cast<std::ptrdiff_t>(index));
    end(change);
    return e;
}

void GraphDocument::setEdgeWeight(int index, double weight)
{
    const GraphChange change{GraphChange::Kind::EdgeWeight, index, {}};
    begin(change);
    m_data.edges[static_cast<std::size_t>(index)].weight = weight;
    end(change);
}

void GraphDocument::setLinear(int vertex, double value)
{
    const GraphChange change{GraphChange::Kind::Linear, vertex, {}};
    begin(change);
    m_data.linear[static_cast<std::size_t>(vertex)] = value;
    end(change);
}

void GraphDocument::setPositions(const QList<int>& vertices, const QList<QPointF>& positions)
{
    const GraphChange change{GraphChange::Kind::Positions, -1, vertices};
    begin(change);
    for (qsizetype i = 0; i < vertices.size() && i < positions.size(); ++i)
        m_data.positions[static_cast<std::size_t>(vertices[i])] = positions[i];
    end(change);
}

void GraphDocument::setAllPositions(const std::vector<QPointF>& positions)
{
    const GraphChange change{GraphChange::Kind::Positions, -1, {}};
    begin(change);
    for (std::size_t v = 0; v < positions.size() && v < m_data.positions.size(); ++v)
        m_data.positions[v] = positions[v];
    end(change);
}

void GraphDocument::setProblem(GraphProblemKind problem, double misPenalty, double offset)
{
    const GraphChange change{GraphChange::Kind::Problem, -1, {}};
    begin(change);
    m_data.problem = problem;
    m_data.misPenalty = misPenalty;
    m_data.offset = offset;
    end(change);
}

void GraphDocument::resetData(GraphData data)
{
    const GraphChange change{GraphChange::Kind::Reset, -1, {}};
    begin(change);
    m_data = std::move(data);
    end(change);
}

} // namespace workbench
