// SPDX-License-Identifier: MIT
// Item data roles through which the table models tell FieldDelegate which editor and range a cell needs.
#pragma once

#include <Qt>

namespace workbench {

/// Custom roles answered by TaskTableModel and ModelTableModel for editable numeric cells. The editor kind
/// follows the Qt::EditRole value's type: int -> QSpinBox, double -> QDoubleSpinBox, else a line edit.
enum EditorRole : int {
    EditorMinimumRole = Qt::UserRole + 1,  ///< smallest accepted value
    EditorMaximumRole,                     ///< largest accepted value
    EditorDecimalsRole,                    ///< decimals shown by a QDoubleSpinBox
    EditorStepRole,                        ///< single step
    EditorSuffixRole,                      ///< unit suffix (" ms"), may be empty
    /// Non-empty for optional values: the spin box gets one step below the minimum that shows this text and
    /// means "no explicit value" (the model receives an invalid QVariant).
    EditorDefaultTextRole,
};

} // namespace workbench
