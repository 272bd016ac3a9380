// SPDX-License-Identifier: MIT
// Tests of the budget-constrained LCRP local search: repair, monotone improvement, the pair move, and bounds
// against the hard-budget optimum found by enumerating every assignment.
#include "lcrp/lcrp_local_search.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "lcrp/lcrp_generator.h"

#include <cmath>
#include <limits>

using namespace engine;

namespace {

LcrpInstance instance(std::size_t tasks, std::size_t models, std::uint32_t seed, double budget)
{
    LcrpGeneratorOptions g;
    g.numTasks = tasks;
    g.numModels = models;
    g.seed = seed;
    g.budgetUsd = budget;
    return generateLcrp(g);
}

double cost(const LcrpObjectiveTable& t, const std::vector<int>& a)
{
    double c = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        c += t.costUsd[i * t.numModels + static_cast<std::size_t>(a[i])];
    return c;
}

double unary(const LcrpObjectiveTable& t, const std::vector<int>& a)
{
    double u = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        u += t.unary[i * t.numModels + static_cast<std::size_t>(a[i])];
    return u;
}

/// min sum of unary terms with cost <= B over all M^N assignments (infinity when none fits).
double hardBudgetOptimum(const LcrpObjectiveTable& t)
{
    std::vector<int> a(t.numTasks, 0);
    double best = std::numeric_limits<double>::infinity();
    while (true) {
        if (cost(t, a) <= t.budgetUsd * (1.0 + 1e-9))
            best = std::min(best, unary(t, a));
        std::size_t i = 0;
        while (i < a.size() && ++a[i] == static_cast<int>(t.numModels))
            a[i++] = 0;
        if (i == a.size())
            return best;
    }
}

} // namespace

class TstLcrpLocalSearch : public QObject {
    Q_OBJECT

private slots:
    void repairsAnOverBudgetStart()
    {
        const LcrpInstance inst = instance(20, 5, 3, 30.0);
        const LcrpObjectiveTable t = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
        const std::vector<int> start(20, 4);  // everything on o1: far over 30 USD
        QVERIFY(cost(t, start) > 30.0);
        const LcrpLocalSearchResult r = refineLcrpAssignment(t, start);
        QVERIFY(r.withinBudget);
        QVERIFY(r.repairMoves > 0);
        QVERIFY(r.costUsd <= 30.0 * (1.0 + 1e-9));
        QAOA_COMPARE_NEAR(r.costUsd, cost(t, r.assignment), 1e-9);
        QAOA_COMPARE_NEAR(r.unaryObjective, unary(t, r.assignment), 1e-9);
        QAOA_COMPARE_NEAR(r.objective, t.ofAssignment(r.assignment), 1e-9);
        for (int j : r.assignment)
            QVERIFY(j >= 0 && j < 5);
    }

    void neverWorseThanAFeasibleStartAndNeverBelowTheOptimum()
    {
        for (std::uint32_t seed = 1; seed <= 8; ++seed) {
            const LcrpInstance inst = instance(6, 3, seed, 2.0);
            const LcrpObjectiveTable t = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
            const std::vector<int> start(6, 0);  // gemma2-2b: free, always within the budget
            const LcrpLocalSearchResult r = refineLcrpAssignment(t, start);
            const double optimum = hardBudgetOptimum(t);
            QVERIFY(r.withinBudget);
            QCOMPARE(r.repairMoves, std::size_t{0});
            QVERIFY(r.unaryObjective <= unary(t, start) + 1e-12);
            QVERIFY(r.unaryObjective >= optimum - 1e-9);
        }
    }

    void pairMoveTradesBudgetBetweenTasks()
    {
        // Two tasks, two models; B = 1. Start (1, 0): task 0 on the expensive model, task 1 on the cheap one.
        // Moving task 1 up alone breaks the budget; moving task 0 down alone costs more objective than it saves.
        // Only the pair (task 0 -> model 0, task 1 -> model 1) improves: unary 3 + 1 = 4 < 1 + 10 = 11.
        LcrpObjectiveTable t;
        t.numTasks = 2;
        t.numModels = 2;
        t.budgetUsd = 1.0;
        t.assignmentWeight = 50.0;
        t.budgetWeight = 5.0;
        t.costScale = 1.0;
        // unary[i * 2 + j]; costUsd alike.
        t.unary = {3.0, 1.0, 10.0, 1.0};
        t.costUsd = {0.0, 1.0, 0.0, 1.0};
        const std::vector<int> start{1, 0};  // unary 1 + 10 = 11, cost 1
        LcrpLocalSearchOptions single;
        single.pairMoves = false;
        const LcrpLocalSearchResult s = refineLcrpAssignment(t, start, single);
        QCOMPARE(s.assignment, start);
        QCOMPARE(s.moves, std::size_t{0});
        const LcrpLocalSearchResult p = refineLcrpAssignment(t, start);
        QCOMPARE(p.assignment, (std::vector<int>{0, 1}));  // unary 3 + 1 = 4, cost 1
        QCOMPARE(p.unaryObjective, 4.0);
        QVERIFY(p.withinBudget);
    }

    void deterministic()
    {
        const LcrpInstance inst = instance(30, 5, 7, 40.0);
        const LcrpObjectiveTable t = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
        const std::vector<int> start(30, 2);
        QCOMPARE(refineLcrpAssignment(t, start).assignment, refineLcrpAssignment(t, start).assignment);
    }

    void cancelStopsAndBadStartsThrow()
    {
        const LcrpInstance inst = instance(10, 5, 2, 20.0);
        const LcrpObjectiveTable t = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
        RunControl control;
        control.requestCancel();
        const LcrpLocalSearchResult r = refineLcrpAssignment(t, std::vector<int>(10, 0), {}, control);
        QVERIFY(r.cancelled);
        QCOMPARE(r.moves, std::size_t{0});
        QVERIFY_THROWS_EXCEPTION(Error, refineLcrpAssignment(t, std::vector<int>(9, 0)));
        QVERIFY_THROWS_EXCEPTION(Error, refineLcrpAssignment(t, std::vector<int>(10, 5)));
    }
};

QTEST_APPLESS_MAIN(TstLcrpLocalSearch)
#include "lcrp_local_search.test.moc"
