// SPDX-License-Identifier: MIT
// GraphTableModel: the edge list of a GraphDocument as an editable table (u, v, weight).
#pragma once

#include <QAbstractTableModel>

namespace workbench {

class GraphDocument;
struct GraphChange;

/// One row per edge in document order; columns u, v (read-only) and weight (editable). An edit pushes a
/// SetEdgeWeight on the document's undo stack, so the table, the scene and the QUBO view follow one history.
/// Insertions and removals arrive as row insertions and removals (not resets), so views keep their selection.
class GraphTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ColumnU = 0, ColumnV, ColumnWeight, ColumnCount };

    explicit GraphTableModel(GraphDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Weight column: a number in the user's locale or in C notation; rejects text that is not a finite number.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    void onAboutToChange(const GraphChange& change);
    void onChanged(const GraphChange& change);

    GraphDocument* m_document;
};

} // namespace workbench
