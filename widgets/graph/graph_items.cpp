// SPDX-License-Identifier: MIT
// VertexItem and EdgeItem painting, picking and geometry.
#include "graph/graph_items.h"

#include "graph/graph_document.h"
#include "graph/graph_scene.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace workbench {

namespace {

// Half the width of the band around an edge that picks it.
constexpr double EDGE_PICK_HALF_WIDTH = 4.0;
// Room around the line for the weight label.
constexpr double LABEL_MARGIN = 26.0;
// Below this level of detail (scene units to pixels) weights are not written.
constexpr double LABEL_MIN_DETAIL = 0.6;

} // namespace

VertexItem::VertexItem(GraphScene* scene, int index)
    : m_scene(scene)
    , m_index(index)
{
    setFlags(ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1.0);
}

void VertexItem::setIndex(int index)
{
    if (index == m_index)
        return;
    m_index = index;
    update();
}

void VertexItem::refresh()
{
    update();
}

QRectF VertexItem::boundingRect() const
{
    const double r = VERTEX_RADIUS + 1.5;
    return QRectF(-r, -r, 2 * r, 2 * r);
}

QPainterPath VertexItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(), VERTEX_RADIUS, VERTEX_RADIUS);
    return path;
}

void VertexItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = (option->state & QStyle::State_Selected) != 0;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(selected ? QColor(0xd9, 0x5f, 0x02) : QColor(0x25, 0x3b, 0x5a), selected ? 2.5 : 1.2));
    QColor fill(0xdb, 0xe9, 0xf6);
    const GraphDocument* document = m_scene->document();
    if (document->problem() == GraphProblemKind::Qubo && m_index < document->numVertices()) {
        // Shade by the sign of the linear term: negative (favours x = 1) blue, positive red.
        const double a = document->linear(m_index);
        if (a < 0.0)
            fill = QColor(0xa6, 0xc8, 0xe8);
        else if (a > 0.0)
            fill = QColor(0xf4, 0xb8, 0xa8);
    }
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(), VERTEX_RADIUS, VERTEX_RADIUS);
    QFont font = painter->font();
    font.setPointSizeF(m_index >= 100 ? 6.0 : 7.5);
    painter->setFont(font);
    painter->setPen(Qt::black);
    painter->drawText(boundingRect(), Qt::AlignCenter, QString::number(m_index));
}

QVariant VertexItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged)
        m_scene->vertexItemMoved(m_index);
    return QGraphicsItem::itemChange(change, value);
}

EdgeItem::EdgeItem(GraphScene* scene, int index)
    : m_scene(scene)
    , m_index(index)
{
    setFlags(ItemIsSelectable);
    setZValue(0.0);
}

void EdgeItem::updateGeometry()
{
    const engine::Edge& e = m_scene->document()->edge(m_index);
    const QLineF line(m_scene->vertexItem(static_cast<int>(e.u))->pos(),
                      m_scene->vertexItem(static_cast<int>(e.v))->pos());
    if (line != m_line)
        prepareGeometryChange();
    m_line = line;
    m_weight = e.weight;
    update();
}

QRectF EdgeItem::boundingRect() const
{
    const double margin = m_scene->showsWeights() ? LABEL_MARGIN : EDGE_PICK_HALF_WIDTH + 1.0;
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-margin, -margin, margin, margin);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(2 * EDGE_PICK_HALF_WIDTH);
    return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const bool selected = (option->state & QStyle::State_Selected) != 0;
    QPen pen(m_weight < 0.0 ? QColor(0xb2, 0x18, 0x2b) : QColor(0x55, 0x55, 0x55), selected ? 3.0 : 1.3);
    if (m_weight < 0.0)
        pen.setStyle(Qt::DashLine);
    if (selected)
        pen.setColor(QColor(0xd9, 0x5f, 0x02));
    pen.setCosmetic(false);
    painter->setPen(pen);
    painter->drawLine(m_line);
    const double detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if ((m_scene->showsWeights() && detail >= LABEL_MIN_DETAIL) || (selected && detail >= LABEL_MIN_DETAIL)) {
        const QString text = QLocale().toString(m_weight, 'g', 4);
        const QPointF mid = m_line.center();
        const QRectF box(mid.x() - 24, mid.y() - 8, 48, 16);
        QFont font = painter->font();
        font.setPointSizeF(7.0);
        painter->setFont(font);
        const QRectF textBox = painter->boundingRect(box, Qt::AlignCenter, text).adjusted(-2, 0, 2, 0);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 220));
        painter->drawRect(textBox);
        painter->setPen(pen.color());
        painter->drawText(box, Qt::AlignCenter, text);
    }
}

} // namespace workbench
