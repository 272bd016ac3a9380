// SPDX-License-Identifier: MIT
// Tests of the solver status names and SolverResult's solution check.
#include "solvers/solver_result.h"

#include <QtTest>

#include "test_support.h"

#include <set>
#include <string>

using namespace engine;

class TstSolverResult : public QObject {
    Q_OBJECT

private slots:
    void statusNames_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("optimal") << int(SolverStatus::Optimal) << "optimal";
        QTest::newRow("feasible") << int(SolverStatus::Feasible) << "feasible";
        QTest::newRow("infeasible") << int(SolverStatus::Infeasible) << "infeasible";
        QTest::newRow("time_limit") << int(SolverStatus::TimeLimit) << "time_limit";
        QTest::newRow("cancelled") << int(SolverStatus::Cancelled) << "cancelled";
    }

    void statusNames()
    {
        QFETCH(int, status);
        QFETCH(QString, name);
        QCOMPARE(QString::fromLatin1(solverStatusName(static_cast<SolverStatus>(status))), name);
    }

    void namesAreDistinct()
    {
        std::set<std::string> names;
        for (SolverStatus s : {SolverStatus::Optimal, SolverStatus::Feasible, SolverStatus::Infeasible,
                               SolverStatus::TimeLimit, SolverStatus::Cancelled})
            names.insert(solverStatusName(s));
        QCOMPARE(names.size(), std::size_t{5});
    }

    void hasSolution()
    {
        SolverResult r;
        QVERIFY(!r.hasSolution());
        r.bits = {0, 1};
        QVERIFY(r.hasSolution());
        SolverResult a;
        a.assignment = {2};
        QVERIFY(a.hasSolution());
    }
};

QTEST_APPLESS_MAIN(TstSolverResult)
#include "solver_result.test.moc"
