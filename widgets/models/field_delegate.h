// SPDX-License-Identifier: MIT
// FieldDelegate: spin-box editors with the ranges, steps and units the table models announce through roles.
#pragma once

#include <QStyledItemDelegate>

namespace workbench {

/// Creates a QSpinBox for int cells and a QDoubleSpinBox for double cells (ranges from `EditorRole`s), and
/// the default line edit for text. Optional values get a "class default" entry one step below the minimum.
class FieldDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit FieldDelegate(QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace workbench
