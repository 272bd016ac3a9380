// SPDX-License-Identifier: MIT
// ModelTableModel: the editable table of model tiers (price, quality, latency, context) over a ProjectDocument.
#pragma once

#include <QAbstractTableModel>

namespace workbench {

class ProjectDocument;
struct ChangeEvent;

/// Upper bounds the editors accept.
constexpr double MAX_COST_PER_1K_USD = 1e6;
constexpr double MAX_CONTEXT_TOKENS = 1e9;

/// One row per model tier. Same contract as TaskTableModel: validated edits become undo commands, a rejected
/// edit changes nothing and emits `validationFailed`.
class ModelTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, CostColumn, QualityColumn, LatencyColumn, ContextColumn, ColumnCount };

    explicit ModelTableModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void validationFailed(const QString& message);

private:
    void onAboutToChange(const ChangeEvent& event);
    void onChanged(const ChangeEvent& event);
    bool reject(const QString& message);

    ProjectDocument* m_document;
};

} // namespace workbench
