// SPDX-License-Identifier: MIT
// TaskTableModel: the editable table of LCRP tasks over a ProjectDocument, validating every edit.
#pragma once

#include <QAbstractTableModel>

namespace workbench {

class ProjectDocument;
struct ChangeEvent;

/// Upper bounds the editors accept (far beyond any real task, low enough to keep costs finite).
constexpr double MAX_TASK_TOKENS = 1e9;
constexpr double MAX_LATENCY_MS = 1e9;

/// One row per task. Reads from the document and follows its change events; an edit is validated (field rules
/// and engine::LcrpInstance::validate on the edited copy) and pushed as an undo command. A rejected edit changes
/// nothing, returns false and emits `validationFailed` with a translated message.
class TaskTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { IdColumn, ComplexityColumn, TokensColumn, QMinColumn, LatencySlaColumn, AllowedColumn, ColumnCount };

    explicit TaskTableModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /// Translated name of complexity class `level` (1..5), e.g. "moderate".
    static QString complexityName(int level);

signals:
    void validationFailed(const QString& message);

private:
    void onAboutToChange(const ChangeEvent& event);
    void onChanged(const ChangeEvent& event);
    bool reject(const QString& message);

    ProjectDocument* m_document;
};

} // namespace workbench
