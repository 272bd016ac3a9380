// SPDX-License-Identifier: MIT
// GraphTableModel: edge rows, weight edits through undo commands, row notifications from document changes.
#include "graph/graph_table_model.h"

#include "graph/graph_commands.h"
#include "graph/graph_document.h"

#include <QLocale>
#include <QUndoStack>

#include <cmath>

namespace workbench {

GraphTableModel::GraphTableModel(GraphDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &GraphDocument::aboutToChange, this, &GraphTableModel::onAboutToChange);
    connect(document, &GraphDocument::changed, this, &GraphTableModel::onChanged);
}

int GraphTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_document->numEdges();
}

int GraphTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GraphTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_document->numEdges())
        return {};
    const engine::Edge& e = m_document->edge(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ColumnU: return static_cast<int>(e.u);
        case ColumnV: return static_cast<int>(e.v);
        case ColumnWeight: return QLocale().toString(e.weight, 'g', 10);
        default: return {};
        }
    }
    if (role == Qt::EditRole && index.column() == ColumnWeight)
        return QLocale().toString(e.weight, 'g', 17);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant GraphTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section;
    switch (section) {
    case ColumnU: return tr("u");
    case ColumnV: return tr("v");
    case ColumnWeight: return tr("weight");
    default: return {};
    }
}

Qt::ItemFlags GraphTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ColumnWeight)
        f |= Qt::ItemIsEditable;
    return f;
}

bool GraphTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != ColumnWeight
        || index.row() >= m_document->numEdges())
        return false;
    bool ok = false;
    double weight = 0.0;
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int) {
        weight = value.toDouble(&ok);
    } else {
        const QString text = value.toString().trimmed();
        weight = QLocale().toDouble(text, &ok);
        if (!ok)
            weight = QLocale::c().toDouble(text, &ok);
    }
    if (!ok || !std::isfinite(weight))
        return false;
    if (weight != m_document->edge(index.row()).weight)
        m_document->undoStack()->push(new SetEdgeWeight(m_document, index.row(), weight));
    return true;
}

void GraphTableModel::onAboutToChange(const GraphChange& change)
{
    switch (change.kind) {
    case GraphChange::Kind::Reset: beginResetModel(); break;
    case GraphChange::Kind::EdgeInserted: beginInsertRows({}, change.index, change.index); break;
    case GraphChange::Kind::EdgeRemoved: beginRemoveRows({}, change.index, change.index); break;
    default: break;
    }
}

void GraphTableModel::onChanged(const GraphChange& change)
{
    switch (change.kind) {
    case GraphChange::Kind::Reset: endResetModel(); break;
    case GraphChange::Kind::EdgeInserted: endInsertRows(); break;
    case GraphChange::Kind::EdgeRemoved: endRemoveRows(); break;
    case GraphChange::Kind::EdgeWeight:
        emit dataChanged(index(change.index, ColumnWeight), index(change.index, ColumnWeight));
        break;
    case GraphChange::Kind::VertexInserted:
    case GraphChange::Kind::VertexRemoved:
        if (m_document->numEdges() > 0)
            emit dataChanged(index(0, ColumnU), index(m_document->numEdges() - 1, ColumnV));
        break;
    default: break;
    }
}

} // namespace workbench
