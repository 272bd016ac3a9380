// SPDX-License-Identifier: MIT
// Tests of experiment cells: text round trips of numbers, empty values, header look-ups and row order.
#include "experiment/experiment_row.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <limits>

using namespace engine;

class TstExperimentRow : public QObject {
    Q_OBJECT

private slots:
    void valueText()
    {
        QCOMPARE(experimentValueText(ExperimentValue(0.1)), std::string("0.1"));
        QCOMPARE(experimentValueText(ExperimentValue(3.0)), std::string("3"));
        QCOMPARE(experimentValueText(ExperimentValue(std::string("xy"))), std::string("xy"));
        QCOMPARE(experimentValueText(ExperimentValue()), std::string());
        QCOMPARE(experimentValueText(finiteValue(std::numeric_limits<double>::infinity())), std::string());
        // Every double reads back exactly.
        for (double v : {1.0 / 3.0, 2.0 / 3.0 * 1e-300, 123456789.123456789, -0.0375})
            QCOMPARE(std::strtod(experimentValueText(ExperimentValue(v)).c_str(), nullptr), v);
        QVERIFY(std::isnan(experimentValueNumber(ExperimentValue(std::string("1")))));
        QCOMPARE(experimentValueNumber(ExperimentValue(2.5)), 2.5);
    }

    void headerAndRowLookups()
    {
        const ExperimentHeader h{"qaoa", {"p"}, {"valid_rate", "seconds"}};
        QCOMPARE(h.axisIndex("p"), 0);
        QCOMPARE(h.metricIndex("seconds"), 1);
        QCOMPARE(h.metricIndex("nope"), -1);
        ExperimentRow row;
        row.axes = {2.0};
        row.metrics = {0.5};  // shorter than the header: missing cells read as empty
        QCOMPARE(experimentValueNumber(row.metric(h, "valid_rate")), 0.5);
        QVERIFY(std::holds_alternative<std::monostate>(row.metric(h, "seconds")));
        QVERIFY(std::holds_alternative<std::monostate>(row.metric(h, "nope")));
        QCOMPARE(experimentValueNumber(row.axis(h, "p")), 2.0);
    }

    void orderAndStatusNames()
    {
        ExperimentRow a, b, c;
        a.point = 1;
        a.sub = 2;
        b.point = 1;
        b.sub = 3;
        c.point = 2;
        QVERIFY(experimentRowBefore(a, b) && experimentRowBefore(b, c) && !experimentRowBefore(c, a));
        QCOMPARE(std::string(experimentRowStatusName(ExperimentRowStatus::Failed)), std::string("failed"));
        QCOMPARE(std::string(experimentRowStatusName(ExperimentRowStatus::Cancelled)), std::string("cancelled"));
    }
};

QTEST_APPLESS_MAIN(TstExperimentRow)
#include "experiment_row.test.moc"
