// SPDX-License-Identifier: MIT
// FieldDelegate: editors chosen from the model's editor roles.
#include "models/field_delegate.h"

#include "models/editor_roles.h"

#include <QDoubleSpinBox>
#include <QSpinBox>

namespace workbench {

namespace {

bool isIntCell(const QModelIndex& index)
{
    return index.data(Qt::EditRole).typeId() == QMetaType::Int;
}

bool isNumberCell(const QModelIndex& index)
{
    return index.data(EditorMinimumRole).isValid();
}

} // namespace

FieldDelegate::FieldDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QWidget* FieldDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    if (!isNumberCell(index))
        return QStyledItemDelegate::createEditor(parent, option, index);

    if (isIntCell(index)) {
        auto* spin = new QSpinBox(parent);
        spin->setRange(index.data(EditorMinimumRole).toInt(), index.data(EditorMaximumRole).toInt());
        spin->setSingleStep(index.data(EditorStepRole).toInt());
        spin->setSuffix(index.data(EditorSuffixRole).toString());
        spin->setFrame(false);
        return spin;
    }

    auto* spin = new QDoubleSpinBox(parent);
    const int decimals = index.data(EditorDecimalsRole).toInt();
    const double step = index.data(EditorStepRole).toDouble();
    double minimum = index.data(EditorMinimumRole).toDouble();
    const QString defaultText = index.data(EditorDefaultTextRole).toString();
    spin->setDecimals(decimals);
    if (!defaultText.isEmpty()) {
        // One step below the real minimum stands for "use the class default".
        minimum -= step;
        spin->setSpecialValueText(defaultText);
    }
    spin->setRange(minimum, index.data(EditorMaximumRole).toDouble());
    spin->setSingleStep(step);
    spin->setSuffix(index.data(EditorSuffixRole).toString());
    spin->setFrame(false);
    return spin;
}

void FieldDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(index.data(Qt::EditRole).toInt());
        return;
    }
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor)) {
        const QVariant value = index.data(Qt::EditRole);
        spin->setValue(value.isValid() ? value.toDouble() : spin->minimum());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void FieldDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
        return;
    }
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor)) {
        spin->interpretText();
        const bool isDefault = !spin->specialValueText().isEmpty() && spin->value() == spin->minimum();
        model->setData(index, isDefault ? QVariant() : QVariant(spin->value()), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace workbench
