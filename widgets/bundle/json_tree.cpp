// SPDX-License-Identifier: MIT
// JSON documents shown in Qt widgets: value texts and the recursive fill of a key/value tree.
#include "bundle/json_tree.h"

#include <QCoreApplication>
#include <QTreeWidget>

#include <cmath>
#include <vector>

namespace workbench {

namespace {

/// Deepest nesting shown; deeper containers appear as compact JSON (a hostile document cannot exhaust the stack).
constexpr int MAX_TREE_DEPTH = 32;

QString fullText(const nlohmann::json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_number_float()) {
        const double v = value.get<double>();
        return std::isfinite(v) ? QString::number(v, 'g', 17) : QString::fromStdString(value.dump());
    }
    return QString::fromStdString(value.dump());
}

void addChildren(QTreeWidgetItem* parent, const nlohmann::json& value, int depth)
{
    const auto addRow = [&](const QString& key, const nlohmann::json& child) {
        auto* item = new QTreeWidgetItem(parent);
        item->setText(0, key);
        if ((child.is_object() || child.is_array()) && !child.empty() && depth < MAX_TREE_DEPTH) {
            const int n = static_cast<int>(child.size());
            item->setText(1, child.is_object() ? QCoreApplication::translate("JsonTree", "{%n key(s)}", nullptr, n)
                                               : QCoreApplication::translate("JsonTree", "[%n item(s)]", nullptr, n));
            addChildren(item, child, depth + 1);
        } else {
            item->setText(1, jsonValueText(child));
            item->setToolTip(1, fullText(child).left(4000));
        }
    };
    if (value.is_object()) {
        for (const auto& [key, child] : value.items())
            addRow(QString::fromStdString(key), child);
    } else {
        for (std::size_t k = 0; k < value.size(); ++k)
            addRow(QStringLiteral("[%1]").arg(k), value[k]);
    }
}

} // namespace

QString jsonValueText(const nlohmann::json& value, int maxChars)
{
    QString text = fullText(value);
    if (maxChars > 1 && text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026);
    return text;
}

void fillJsonTree(QTreeWidget* tree, const nlohmann::json& document, int expandBelow)
{
    tree->clear();
    if (!document.is_object() && !document.is_array()) {
        auto* item = new QTreeWidgetItem(tree);
        item->setText(1, jsonValueText(document));
        return;
    }
    // A hidden root collects the rows; they are then moved to the top level.
    QTreeWidgetItem root;
    addChildren(&root, document, 0);
    const QList<QTreeWidgetItem*> rows = root.takeChildren();
    tree->addTopLevelItems(rows);
    if (rows.size() <= expandBelow)
        for (QTreeWidgetItem* row : rows)
            row->setExpanded(true);
}

} // namespace workbench
