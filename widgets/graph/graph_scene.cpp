// SPDX-License-Identifier: MIT
// GraphScene: incremental updates from document changes and the mouse and keyboard gestures of the editor.
#include "graph/graph_scene.h"

#include "graph/graph_commands.h"
#include "graph/graph_document.h"
#include "graph/graph_items.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QUndoStack>

#include <algorithm>
#include <set>

namespace workbench {

GraphScene::GraphScene(GraphDocument* document, QObject* parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(document, &GraphDocument::changed, this, &GraphScene::onChanged);
    rebuild();
}

GraphScene::~GraphScene()
{
    // Items call back into the scene while they are destroyed (selection, geometry): drop them while the scene
    // is still whole.
    m_applying = true;
    clear();
}

void GraphScene::setMode(Mode mode)
{
    m_mode = mode;
    for (VertexItem* item : m_vertices)
        item->setFlag(QGraphicsItem::ItemIsMovable, mode == Mode::Select);
}

void GraphScene::updateShowWeights()
{
    const bool show = m_document->numEdges() <= SHOW_WEIGHTS_EDGE_LIMIT;
    if (show == m_showWeights)
        return;
    m_showWeights = show;
    for (EdgeItem* item : m_edges)
        item->updateGeometry();
}

void GraphScene::rebuild()
{
    m_applying = true;
    m_dragVertices.clear();
    m_dragStart.clear();
    m_edgeSource = -1;
    m_rubberEdge = nullptr;
    clear();
    m_vertices.clear();
    m_edges.clear();
    m_incidenceValid = false;
    m_showWeights = m_document->numEdges() <= SHOW_WEIGHTS_EDGE_LIMIT;
    const int n = m_document->numVertices();
    m_vertices.reserve(static_cast<std::size_t>(n));
    for (int v = 0; v < n; ++v) {
        auto* item = new VertexItem(this, v);
        item->setFlag(QGraphicsItem::ItemIsMovable, m_mode == Mode::Select);
        item->setPos(m_document->position(v));
        addItem(item);
        m_vertices.push_back(item);
    }
    const int m = m_document->numEdges();
    m_edges.reserve(static_cast<std::size_t>(m));
    for (int e = 0; e < m; ++e) {
        auto* item = new EdgeItem(this, e);
        item->updateGeometry();
        addItem(item);
        m_edges.push_back(item);
    }
    m_applying = false;
}

void GraphScene::renumberVertices(int from)
{
    for (std::size_t v = static_cast<std::size_t>(from); v < m_vertices.size(); ++v)
        m_vertices[v]->setIndex(static_cast<int>(v));
}

void GraphScene::renumberEdges(int from)
{
    for (std::size_t e = static_cast<std::size_t>(from); e < m_edges.size(); ++e)
        m_edges[e]->setIndex(static_cast<int>(e));
}

const std::vector<std::vector<int>>& GraphScene::incidence()
{
    if (!m_incidenceValid) {
        m_incidence.assign(m_vertices.size(), {});
        for (int e = 0; e < m_document->numEdges(); ++e) {
            const engine::Edge& edge = m_document->edge(e);
            m_incidence[edge.u].push_back(e);
            m_incidence[edge.v].push_back(e);
        }
        m_incidenceValid = true;
    }
    return m_incidence;
}

void GraphScene::onChanged(const GraphChange& change)
{
    using Kind = GraphChange::Kind;
    m_applying = true;
    switch (change.kind) {
    case Kind::Reset:
        m_applying = false;
        rebuild();
        emit selectionChanged();
        return;
    case Kind::VertexInserted: {
        auto* item = new VertexItem(this, change.index);
        item->setFlag(QGraphicsItem::ItemIsMovable, m_mode == Mode::Select);
        item->setPos(m_document->position(change.index));
        addItem(item);
        m_vertices.insert(m_vertices.begin() + change.index, item);
        renumberVertices(change.index + 1);
        m_incidenceValid = false;
        break;
    }
    case Kind::VertexRemoved: {
        VertexItem* item = m_vertices[static_cast<std::size_t>(change.index)];
        m_vertices.erase(m_vertices.begin() + change.index);
        m_dragVertices.clear();
        delete item;
        renumberVertices(change.index);
        m_incidenceValid = false;
        break;
    }
    case Kind::EdgeInserted: {
        auto* item = new EdgeItem(this, change.index);
        m_edges.insert(m_edges.begin() + change.index, item);
        item->updateGeometry();
        addItem(item);
        renumberEdges(change.index + 1);
        m_incidenceValid = false;
        updateShowWeights();
        break;
    }
    case Kind::EdgeRemoved: {
        EdgeItem* item = m_edges[static_cast<std::size_t>(change.index)];
        m_edges.erase(m_edges.begin() + change.index);
        delete item;
        renumberEdges(change.index);
        m_incidenceValid = false;
        updateShowWeights();
        break;
    }
    case Kind::EdgeWeight:
        m_edges[static_cast<std::size_t>(change.index)]->updateGeometry();
        break;
    case Kind::Positions: {
        if (change.vertices.isEmpty()) {
            for (std::size_t v = 0; v < m_vertices.size(); ++v)
                m_vertices[v]->setPos(m_document->position(static_cast<int>(v)));
            for (EdgeItem* item : m_edges)
                item->updateGeometry();
        } else {
            std::set<int> touched;
            const auto& incident = incidence();
            for (int v : change.vertices) {
                m_vertices[static_cast<std::size_t>(v)]->setPos(m_document->position(v));
                touched.insert(incident[static_cast<std::size_t>(v)].begin(),
                               incident[static_cast<std::size_t>(v)].end());
            }
            for (int e : touched)
                m_edges[static_cast<std::size_t>(e)]->updateGeometry();
        }
        break;
    }
    case Kind::Linear:
        m_vertices[static_cast<std::size_t>(change.index)]->refresh();
        break;
    case Kind::Problem:
        for (VertexItem* item : m_vertices)
            item->refresh();
        break;
    }
    m_applying = false;
}

void GraphScene::vertexItemMoved(int index)
{
    if (m_applying)
        return;
    const auto& incident = incidence();
    for (int e : incident[static_cast<std::size_t>(index)])
        m_edges[static_cast<std::size_t>(e)]->updateGeometry();
}

QList<int> GraphScene::selectedVertices() const
{
    QList<int> out;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == VertexItem::Type)
            out.append(static_cast<VertexItem*>(item)->index());
    std::sort(out.begin(), out.end());
    return out;
}

QList<int> GraphScene::selectedEdges() const
{
    QList<int> out;
    for (QGraphicsItem* item : selectedItems())
        if (item->type() == EdgeItem::Type)
            out.append(static_cast<EdgeItem*>(item)->index());
    std::sort(out.begin(), out.end());
    return out;
}

void GraphScene::selectElements(const QList<int>& vertices, const QList<int>& edges)
{
    const bool blocked = blockSignals(true);
    clearSelection();
    for (int v : vertices)
        if (v >= 0 && v < vertexCount())
            m_vertices[static_cast<std::size_t>(v)]->setSelected(true);
    for (int e : edges)
        if (e >= 0 && e < edgeCount())
            m_edges[static_cast<std::size_t>(e)]->setSelected(true);
    blockSignals(blocked);
    emit selectionChanged();
}

bool GraphScene::deleteSelection()
{
    const QList<int> vertices = selectedVertices();
    const QList<int> edges = selectedEdges();
    if (vertices.isEmpty() && edges.isEmpty())
        return false;
    m_document->undoStack()->push(new RemoveElements(m_document, vertices, edges));
    return true;
}

QRectF GraphScene::graphBounds() const
{
    if (m_vertices.empty())
        return QRectF(-100, -100, 200, 200);
    QRectF bounds;
    for (VertexItem* item : m_vertices)
        bounds |= item->sceneBoundingRect();
    return bounds.adjusted(-20, -20, 20, 20);
}

VertexItem* GraphScene::vertexAt(QPointF scenePos) const
{
    for (QGraphicsItem* item : items(scenePos))
        if (item->type() == VertexItem::Type)
            return static_cast<VertexItem*>(item);
    return nullptr;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    const QPointF at = event->scenePos();
    switch (m_mode) {
    case Mode::AddVertex:
        if (items(at).isEmpty()) {
            m_document->undoStack()->push(new AddVertex(m_document, at));
            event->accept();
            return;
        }
        break;
    case Mode::AddEdge:
        if (VertexItem* source = vertexAt(at)) {
            m_edgeSource = source->index();
            m_rubberEdge = new QGraphicsLineItem(QLineF(source->pos(), at));
            m_rubberEdge->setPen(QPen(QColor(0xd9, 0x5f, 0x02), 1.5, Qt::DashLine));
            m_rubberEdge->setZValue(2.0);
            addItem(m_rubberEdge);
            event->accept();
            return;
        }
        break;
    case Mode::Select:
        break;
    }
    QGraphicsScene::mousePressEvent(event);
    m_dragVertices.clear();
    m_dragStart.clear();
    if (m_mode == Mode::Select && vertexAt(at) != nullptr) {
        m_dragVertices = selectedVertices();
        for (int v : m_dragVertices)
            m_dragStart.append(m_vertices[static_cast<std::size_t>(v)]->pos());
    }
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_rubberEdge != nullptr) {
        m_rubberEdge->setLine(QLineF(m_rubberEdge->line().p1(), event->scenePos()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_rubberEdge != nullptr) {
        delete m_rubberEdge;
        m_rubberEdge = nullptr;
        const int source = m_edgeSource;
        m_edgeSource = -1;
        VertexItem* target = vertexAt(event->scenePos());
        if (target != nullptr && source >= 0 && m_document->edgeProblem(source, target->index(), 1.0).isEmpty())
            m_document->undoStack()->push(new AddEdge(m_document, source, target->index(), 1.0));
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (m_dragVertices.isEmpty())
        return;
    QList<QPointF> now;
    for (int v : m_dragVertices)
        now.append(m_vertices[static_cast<std::size_t>(v)]->pos());
    const QList<int> vertices = std::exchange(m_dragVertices, {});
    const QList<QPointF> start = std::exchange(m_dragStart, {});
    if (now != start)
        m_document->undoStack()->push(new MoveVertices(m_document, vertices, start, now));
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    for (QGraphicsItem* item : items(event->scenePos())) {
        if (item->type() == VertexItem::Type) {
            emit vertexEditRequested(static_cast<VertexItem*>(item)->index());
            event->accept();
            return;
        }
        if (item->type() == EdgeItem::Type) {
            emit edgeEditRequested(static_cast<EdgeItem*>(item)->index());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void GraphScene::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        deleteSelection();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        clearSelection();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

} // namespace workbench
