// SPDX-License-Identifier: MIT
// GraphScene: the QGraphicsScene of a GraphDocument, kept in step with its changes, with the editing gestures.
#pragma once

#include <QGraphicsScene>
#include <QList>
#include <QPointF>

#include <vector>

class QGraphicsLineItem;

namespace workbench {

class EdgeItem;
class GraphDocument;
struct GraphChange;
class VertexItem;

/// Up to this many edges weights are written on the edges at any zoom level (above, only on selected edges).
constexpr int SHOW_WEIGHTS_EDGE_LIMIT = 200;

/// One VertexItem per vertex and one EdgeItem per edge, indexed like the document, on a BSP-indexed scene.
/// Follows every GraphChange incrementally (an insertion or removal renumbers the items after it; a move touches
/// only the moved vertices and their edges), so interaction stays fast on 1000-vertex graphs.
/// Gestures by mode: Select: click selects, rubber band in the view, drag moves the selection (one MoveVertices
/// on release); AddVertex: a click on empty space adds a vertex there; AddEdge: press on a vertex, release on
/// another adds the edge (weight 1). In every mode Delete or Backspace removes the selection, and a double click
/// asks to edit an edge's weight or a vertex's linear term (signals; the panel shows the dialog).
class GraphScene final : public QGraphicsScene {
    Q_OBJECT

public:
    enum class Mode { Select, AddVertex, AddEdge };

    explicit GraphScene(GraphDocument* document, QObject* parent = nullptr);
    ~GraphScene() override;

    GraphDocument* document() const { return m_document; }
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    int vertexCount() const { return static_cast<int>(m_vertices.size()); }
    int edgeCount() const { return static_cast<int>(m_edges.size()); }
    VertexItem* vertexItem(int index) const { return m_vertices[static_cast<std::size_t>(index)]; }
    EdgeItem* edgeItem(int index) const { return m_edges[static_cast<std::size_t>(index)]; }
    /// True when edges write their weights (small graphs).
    bool showsWeights() const { return m_showWeights; }

    /// Selected vertex and edge indices, ascending.
    QList<int> selectedVertices() const;
    QList<int> selectedEdges() const;
    /// Selects exactly these vertices and edges (emits selectionChanged once).
    void selectElements(const QList<int>& vertices, const QList<int>& edges);
    /// Pushes one RemoveElements for the selection; false when nothing is selected.
    bool deleteSelection();
    /// Scene rectangle around every vertex with a margin (a small square around the origin when empty).
    QRectF graphBounds() const;

    /// Called by a VertexItem whose position changed (drag or document): re-routes its edges.
    void vertexItemMoved(int index);
    /// Drops every item and builds them again from the document (also done on a Reset change).
    void rebuild();

signals:
    void edgeEditRequested(int edge);
    void vertexEditRequested(int vertex);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onChanged(const GraphChange& change);
    VertexItem* vertexAt(QPointF scenePos) const;
    void renumberVertices(int from);
    void renumberEdges(int from);
    const std::vector<std::vector<int>>& incidence();
    void updateShowWeights();

    GraphDocument* m_document;
    Mode m_mode = Mode::Select;
    std::vector<VertexItem*> m_vertices;           // m_vertices[v]: item of vertex v
    std::vector<EdgeItem*> m_edges;                // m_edges[e]: item of edge e
    std::vector<std::vector<int>> m_incidence;     // m_incidence[v]: edges touching v; rebuilt when stale
    bool m_incidenceValid = false;
    bool m_showWeights = true;
    bool m_applying = false;                       // true while items follow a document change
    QList<int> m_dragVertices;                     // vertices being dragged in select mode
    QList<QPointF> m_dragStart;                    // their positions at the press
    int m_edgeSource = -1;                         // AddEdge: the vertex the drag started on
    QGraphicsLineItem* m_rubberEdge = nullptr;     // AddEdge: the line following the mouse
};

} // namespace workbench
