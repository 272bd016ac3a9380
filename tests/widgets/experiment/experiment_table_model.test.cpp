// SPDX-License-Identifier: MIT
// Tests of ExperimentTableModel: rows inserted at their place as they arrive, cell texts, raw values, status.
#include "experiment/experiment_table_model.h"

#include <QtTest>

#include <QSignalSpy>

#include <cmath>

using namespace workbench;

namespace {

engine::ExperimentRow row(std::size_t point, double p, const char* mixer, double rate)
{
    engine::ExperimentRow r;
    r.point = point;
    r.axes = {p, std::string(mixer)};
    r.metrics = {rate, engine::ExperimentValue()};
    return r;
}

} // namespace

class TstExperimentTableModel : public QObject {
    Q_OBJECT

private slots:
    void rowsStayInPlanOrder()
    {
        ExperimentTableModel model;
        model.setHeader({"qaoa", {"p", "mixer"}, {"valid_rate", "best_valid_cost_usd"}});
        QCOMPARE(model.columnCount(), 5);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addRows({row(2, 3, "x", 0.5)});
        model.addRows({row(0, 1, "x", 0.25), row(1, 2, "xy", 1.0 / 3.0)});
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(inserted[1].at(1).toInt(), 0);  // point 0 went before point 2
        QCOMPARE(inserted[2].at(1).toInt(), 1);
        QCOMPARE(model.rowCount(), 3);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(model.rows()[static_cast<std::size_t>(k)].point, static_cast<std::size_t>(k));
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("xy"));
        QCOMPARE(model.data(model.index(1, 2)).toString(), QStringLiteral("0.333333"));
        QCOMPARE(model.data(model.index(1, 2), Qt::UserRole).toDouble(), 1.0 / 3.0);
        QCOMPARE(model.data(model.index(1, 3)).toString(), QString());
        QVERIFY(std::isnan(model.data(model.index(1, 3), Qt::UserRole).toDouble()));
        QCOMPARE(model.data(model.index(0, 4)).toString(), QStringLiteral("ok"));
    }

    void replacesAndShowsFailures()
    {
        ExperimentTableModel model;
        model.setHeader({"qaoa", {"p", "mixer"}, {"valid_rate", "best_valid_cost_usd"}});
        model.addRows({row(0, 1, "x", 0.25)});
        engine::ExperimentRow failed = row(0, 1, "x", std::nan(""));
        failed.metrics = {engine::ExperimentValue(), engine::ExperimentValue()};
        failed.status = engine::ExperimentRowStatus::Failed;
        failed.error = "/axes/0: bad";
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.addRows({failed});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.data(model.index(0, 4)).toString(), QStringLiteral("failed"));
        QCOMPARE(model.data(model.index(0, 4), Qt::ToolTipRole).toString(), QStringLiteral("/axes/0: bad"));
        model.clearRows();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 5);
    }

    void columnTitles()
    {
        ExperimentTableModel model;
        model.setHeader({"qaoa", {"p"}, {"valid_rate", "custom_metric"}});
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("valid rate"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("custom_metric"));
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("status"));
        QCOMPARE(ExperimentTableModel::columnTitle("random_valid_rate"), QStringLiteral("random valid rate"));
    }
};

QTEST_MAIN(TstExperimentTableModel)
#include "experiment_table_model.test.moc"
