// SPDX-License-Identifier: MIT
// The graphics items of the graph editor: a vertex disc with its number and an edge line with its weight.
#pragma once

#include <QGraphicsItem>

namespace workbench {

class GraphScene;

/// Radius of a vertex disc in scene units (LAYOUT_SCALE is 60, so the layouts' 0.4 k separation is 24 units).
constexpr double VERTEX_RADIUS = 10.0;

/// A vertex: a disc with its index, selectable, movable in select mode. Cached as a device-coordinate pixmap,
/// so a repaint of a large graph blits instead of drawing text. Moving it asks the scene to re-route its edges.
class VertexItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 701 };

    VertexItem(GraphScene* scene, int index);
    int type() const override { return Type; }
    int index() const { return m_index; }
    /// Renumbers the item (after an insertion or removal before it) and redraws its label.
    void setIndex(int index);
    /// Redraws the label (the problem kind or linear term changed).
    void refresh();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    GraphScene* m_scene;
    int m_index;
};

/// An edge: a straight line between its endpoints' vertex items, its weight written at the middle when the scene
/// shows weights (small graphs, or zoomed in far enough). Negative weights are drawn dashed and red. Picking uses a
/// band a few units wide around the line.
class EdgeItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 702 };

    EdgeItem(GraphScene* scene, int index);
    int type() const override { return Type; }
    int index() const { return m_index; }
    void setIndex(int index) { m_index = index; }
    /// Re-reads the endpoints' item positions and the weight.
    void updateGeometry();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    GraphScene* m_scene;
    int m_index;
    QLineF m_line;
    double m_weight = 1.0;
};

} // namespace workbench
