// SPDX-License-Identifier: MIT
// Tests of the JSON display helpers: value texts (numbers to the bit, shortening) and the key/value tree.
#include "bundle/json_tree.h"

#include <QtTest>

#include <QTreeWidget>

using namespace workbench;
using nlohmann::json;

class TstJsonTree : public QObject {
    Q_OBJECT

private slots:
    void valueTexts()
    {
        QCOMPARE(jsonValueText(json("text")), QStringLiteral("text"));
        QCOMPARE(jsonValueText(json(42)), QStringLiteral("42"));
        QCOMPARE(jsonValueText(json(true)), QStringLiteral("true"));
        QCOMPARE(jsonValueText(json(nullptr)), QStringLiteral("null"));
        // 17 significant digits read back to the same double.
        const double third = 1.0 / 3.0;
        QCOMPARE(jsonValueText(json(third)).toDouble(), third);
        QCOMPARE(jsonValueText(json::array({1, 2})), QStringLiteral("[1,2]"));
        const QString shortened = jsonValueText(json(std::string(200, 'a')), 10);
        QCOMPARE(shortened.size(), 10);
        QVERIFY(shortened.endsWith(QChar(0x2026)));
    }

    void treeMirrorsTheDocument()
    {
        QTreeWidget tree;
        tree.setColumnCount(2);
        const json doc{{"depth", 2}, {"optimizer", {{"method", "cobyla"}, {"restarts", 8}}}, {"list", {1.5, 2.5, 3.5}},
                       {"empty", json::object()}};
        fillJsonTree(&tree, doc, 10);
        QCOMPARE(tree.topLevelItemCount(), 4);
        QTreeWidgetItem* optimizer = nullptr;
        QTreeWidgetItem* list = nullptr;
        for (int k = 0; k < tree.topLevelItemCount(); ++k) {
            QTreeWidgetItem* item = tree.topLevelItem(k);
            if (item->text(0) == QStringLiteral("optimizer"))
                optimizer = item;
            if (item->text(0) == QStringLiteral("list"))
                list = item;
            if (item->text(0) == QStringLiteral("depth"))
                QCOMPARE(item->text(1), QStringLiteral("2"));
            if (item->text(0) == QStringLiteral("empty"))
                QCOMPARE(item->childCount(), 0);
        }
        QVERIFY(optimizer && list);
        QCOMPARE(optimizer->childCount(), 2);
        QVERIFY(optimizer->isExpanded());
        QCOMPARE(list->childCount(), 3);
        QCOMPARE(list->child(1)->text(0), QStringLiteral("[1]"));
        QCOMPARE(list->child(1)->text(1), QStringLiteral("2.5"));
        // Refilling replaces the rows; a scalar document is one row.
        fillJsonTree(&tree, json(7));
        QCOMPARE(tree.topLevelItemCount(), 1);
        QCOMPARE(tree.topLevelItem(0)->text(1), QStringLiteral("7"));
    }
};

QTEST_MAIN(TstJsonTree)
#include "json_tree.test.moc"
