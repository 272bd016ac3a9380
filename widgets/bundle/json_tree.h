// SPDX-License-Identifier: MIT
// JSON documents shown in Qt widgets: one-line value texts and a key/value tree.
#pragma once

#include <nlohmann/json.hpp>

#include <QString>

class QTreeWidget;
class QTreeWidgetItem;

namespace workbench {

/// Longest value text jsonValueText writes before it shortens with "…".
constexpr int JSON_VALUE_TEXT_CHARS = 80;

/// A one-line text of `value`: strings as they are, numbers with up to 17 significant digits (integers exactly),
/// true/false, "null", and containers as compact JSON; texts longer than `maxChars` end in "…".
QString jsonValueText(const nlohmann::json& value, int maxChars = JSON_VALUE_TEXT_CHARS);

/// Replaces the items of `tree` (two columns: key, value) by `document`: objects and arrays become expandable
/// rows (array elements keyed "[k]"), scalars a row with their jsonValueText (full text as tool tip). Top-level
/// rows are expanded when there are at most `expandBelow` of them. O(size of the document).
void fillJsonTree(QTreeWidget* tree, const nlohmann::json& document, int expandBelow = 0);

} // namespace workbench
