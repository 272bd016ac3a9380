// SPDX-License-Identifier: MIT
// Tests of the exact CBC-based LCRP solver against brute force and against enumeration of allowed assignments.
#include "solvers/lcrp_exact_solver.h"

#include <QtTest>

#include "lcrp_costs.h"
#include "lcrp_test_instances.h"
#include "test_support.h"

#include "core/error.h"
#include "solvers/brute_force.h"
#include "solvers/lcrp_greedy.h"

#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace engine;
using test_support::label;
using test_support::makeTask;
using test_support::totalCost;

namespace {

// Random instance with N <= 6, M <= 5, random prices, qualities, latencies, context windows, SLAs, budget and
// penalty weights. Budgets range from "nothing fits" to "everything fits". Not test_support::randomLcrpInstance():
// the SLAs, premium model and budgets around the cheapest allowed total are drawn for the hard constraints.
LcrpInstance randomInstance(std::mt19937_64& rng, int maxTasks = 6, int maxModels = 5)
{
    auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * std::generate_canonical<double, 53>(rng); };
    auto between = [&](int lo, int hi) {
        return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
    };
    LcrpInstance inst;
    const int models = between(1, maxModels);
    for (int j = 0; j < models; ++j)
        inst.models.push_back({label("m", std::size_t(j)), between(0, 3) == 0 ? 0.0 : uniform(0.0, 20.0),
                               uniform(0.2, 1.0), uniform(10.0, 3000.0),
                               between(0, 1) ? 200000.0 : uniform(2000.0, 20000.0)});
    // Usually one premium model that every task may use, so hard-constraint instances are often feasible.
    if (between(0, 4) > 0)
        inst.models[std::size_t(between(0, models - 1))] = {"premium", uniform(20.0, 60.0), 0.99, 150.0, 200000.0};
    const int tasks = between(1, maxTasks);
    for (int i = 0; i < tasks; ++i) {
        LcrpTask t;
        t.id = label("T-", std::size_t(i));
        t.complexity = between(1, 5);
        t.tokens = std::floor(uniform(100.0, 15000.0));
        if (between(0, 4) < 2)
            t.latencySlaMs = uniform(200.0, 3000.0);  // class SLAs never bind for these latencies
        inst.tasks.push_back(t);
    }
    // Budget around the cheapest allowed total (tight, sometimes infeasible) or anywhere up to the dearest one.
    double cheapest = 0.0;
    double dearest = 0.0;
    for (int i = 0; i < tasks; ++i) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = 0.0;
        for (int j = 0; j < models; ++j) {
            const double c = inst.costUsd(std::size_t(i), std::size_t(j));
            hi = std::max(hi, c);
            if (inst.allowed(std::size_t(i), std::size_t(j)))
                lo = std::min(lo, c);
        }
        cheapest += std::isinf(lo) ? 0.0 : lo;
        dearest += hi;
    }
    inst.budgetUsd = std::max(0.05, between(0, 1) ? uniform(0.8, 1.3) * cheapest : uniform(0.01, 1.0) * dearest);
    inst.penalties.assignment = 50.0;
    inst.penalties.quality = uniform(0.0, 80.0);
    inst.penalties.budget = uniform(0.0, 400.0);
    inst.penalties.latency = uniform(0.0, 10.0);
    inst.penalties.context = uniform(0.0, 80.0);
    return inst;
}

// Calls `visit` for every one-hot assignment.
void forEachAssignment(const LcrpInstance& inst, const std::function<void(const std::vector<int>&)>& visit)
{
    std::vector<int> a(inst.numTasks(), 0);
    std::function<void(std::size_t)> rec = [&](std::size_t i) {
        if (i == inst.numTasks()) {
            visit(a);
            return;
        }
        for (std::size_t j = 0; j < inst.numModels(); ++j) {
            a[i] = int(j);
            rec(i + 1);
        }
    };
    rec(0);
}

bool allAllowed(const LcrpInstance& inst, const std::vector<int>& a)
{
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!inst.allowed(i, std::size_t(a[i])))
            return false;
    return true;
}

bool firstTaskWithoutModel(const LcrpInstance& inst, std::string& id)
{
    for (std::size_t i = 0; i < inst.numTasks(); ++i) {
        bool any = false;
        for (std::size_t j = 0; j < inst.numModels(); ++j)
            any = any || inst.allowed(i, j);
        if (!any) {
            id = inst.tasks[i].id;
            return true;
        }
    }
    return false;
}

} // namespace

class TstLcrpExactSolver : public QObject {
    Q_OBJECT

private slots:
    void softEqualsBruteForce()
    {
        // 40 random instances; pairs penalised (not hard) and a soft budget: the MIP optimum must be the
        // brute-force optimum of the direct objective.
        std::mt19937_64 rng(31);
        int budgetActive = 0;
        for (int k = 0; k < 40; ++k) {
            const LcrpInstance inst = randomInstance(rng);
            const LcrpObjectiveKind kind = k % 3 == 2 ? LcrpObjectiveKind::ReferenceV2 : LcrpObjectiveKind::Exact;
            LcrpExactOptions options;
            options.budget = BudgetMode::Soft;
            options.hardPairConstraints = false;
            options.objective = kind;
            const SolverResult exact = solveLcrpExact(inst, options);
            const SolverResult brute = solveLcrpBruteForce(inst, kind);
            QCOMPARE(exact.status, SolverStatus::Optimal);
            QVERIFY(exact.provenOptimal);
            QCOMPARE(exact.solver, std::string("exact"));
            QVERIFY2(std::abs(exact.objective - brute.objective) <= 1e-7,
                     qPrintable(QStringLiteral("instance %1: exact %2, brute %3 (%4)")
                                    .arg(k)
                                    .arg(exact.objective, 0, 'g', 17)
                                    .arg(brute.objective, 0, 'g', 17)
                                    .arg(QString::fromStdString(exact.message))));
            QAOA_COMPARE_NEAR(exact.objective,
                              makeObjectiveTable(inst, kind).ofAssignment(exact.assignment), 1e-12);
            QCOMPARE(exact.bits.size(), inst.numAssignmentVariables());
            if (totalCost(inst, brute.assignment) > inst.budgetUsd && inst.penalties.budget > 0.0)
                ++budgetActive;
        }
        QVERIFY(budgetActive >= 3);  // the tangent refinement was exercised
    }

    void hardEverythingIsOptimalAmongFeasible()
    {
        // 40 random instances with hard pairs and hard budget: the result is feasible, and enumeration finds no
        // allowed within-budget assignment that is better; when enumeration finds none, the status is Infeasible.
        std::mt19937_64 rng(32);
        int optimalCount = 0;
        int infeasibleCount = 0;
        for (int k = 0; k < 40; ++k) {
            const LcrpInstance inst = randomInstance(rng);
            const LcrpObjectiveTable table = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
            double best = std::numeric_limits<double>::infinity();
            forEachAssignment(inst, [&](const std::vector<int>& a) {
                if (allAllowed(inst, a) && totalCost(inst, a) <= inst.budgetUsd)
                    best = std::min(best, table.ofAssignment(a));
            });
            LcrpExactOptions options;  // Hard, hard pairs
            const SolverResult r = solveLcrpExact(inst, options);
            if (std::isinf(best)) {
                QCOMPARE(r.status, SolverStatus::Infeasible);
                QVERIFY(!r.hasSolution());
                QVERIFY(!r.message.empty());
                std::string id;
                if (firstTaskWithoutModel(inst, id))
                    QVERIFY2(r.message.find(id) != std::string::npos, r.message.c_str());
                else
                    QVERIFY2(r.message.find("budget") != std::string::npos, r.message.c_str());
                ++infeasibleCount;
                continue;
            }
            QCOMPARE(r.status, SolverStatus::Optimal);
            QVERIFY(allAllowed(inst, r.assignment));
            QVERIFY(totalCost(inst, r.assignment) <= inst.budgetUsd * (1.0 + 1e-9));
            QVERIFY2(r.objective <= best + 1e-9,
                     qPrintable(QStringLiteral("%1 > %2").arg(r.objective, 0, 'g', 17).arg(best, 0, 'g', 17)));
            ++optimalCount;
        }
        qInfo("hard constraints: %d optimal, %d infeasible", optimalCount, infeasibleCount);
        QVERIFY(optimalCount >= 10);
        QVERIFY(infeasibleCount >= 3);
    }

    void hardPairsSoftBudgetMatchesEnumeration()
    {
        std::mt19937_64 rng(33);
        for (int k = 0; k < 30; ++k) {
            const LcrpInstance inst = randomInstance(rng);
            const LcrpObjectiveTable table = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
            double best = std::numeric_limits<double>::infinity();
            forEachAssignment(inst, [&](const std::vector<int>& a) {
                if (allAllowed(inst, a))
                    best = std::min(best, table.ofAssignment(a));
            });
            LcrpExactOptions options;
            options.budget = BudgetMode::Soft;
            const SolverResult r = solveLcrpExact(inst, options);
            if (std::isinf(best)) {
                QCOMPARE(r.status, SolverStatus::Infeasible);
                continue;
            }
            QCOMPARE(r.status, SolverStatus::Optimal);
            QVERIFY(allAllowed(inst, r.assignment));
            QVERIFY(std::abs(r.objective - best) <= 1e-7);
        }
    }

    void softPairsHardBudgetMatchesEnumeration()
    {
        std::mt19937_64 rng(34);
        for (int k = 0; k < 30; ++k) {
            const LcrpInstance inst = randomInstance(rng);
            const LcrpObjectiveTable table = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
            double best = std::numeric_limits<double>::infinity();
            forEachAssignment(inst, [&](const std::vector<int>& a) {
                if (totalCost(inst, a) <= inst.budgetUsd)
                    best = std::min(best, table.ofAssignment(a));
            });
            LcrpExactOptions options;
            options.hardPairConstraints = false;
            const SolverResult r = solveLcrpExact(inst, options);
            if (std::isinf(best)) {
                QCOMPARE(r.status, SolverStatus::Infeasible);
                QVERIFY2(r.message.find("budget") != std::string::npos, r.message.c_str());
                continue;
            }
            QCOMPARE(r.status, SolverStatus::Optimal);
            QVERIFY(totalCost(inst, r.assignment) <= inst.budgetUsd * (1.0 + 1e-9));
            QVERIFY(std::abs(r.objective - best) <= 1e-7);
        }
    }

    void ampleBudgetGivesCheapestAllowedPerTask()
    {
        // With cost as the objective and a budget that is never binding, the optimum is the per-task cheapest
        // allowed model (the budget-aware greedy then picks the same).
        std::mt19937_64 rng(35);
        int checked = 0;
        for (int k = 0; k < 30; ++k) {
            LcrpInstance inst = randomInstance(rng);
            inst.budgetUsd = 1e6;
            std::string id;
            if (firstTaskWithoutModel(inst, id))
                continue;
            const SolverResult r = solveLcrpExact(inst);
            QCOMPARE(r.status, SolverStatus::Optimal);
            for (std::size_t i = 0; i < inst.numTasks(); ++i)
                for (std::size_t j = 0; j < inst.numModels(); ++j)
                    if (inst.allowed(i, j))
                        QVERIFY(inst.costUsd(i, std::size_t(r.assignment[i])) <= inst.costUsd(i, j) + 1e-12);
            QAOA_COMPARE_NEAR(r.objective, solveLcrpGreedy(inst, GreedyVariant::BudgetAware).objective, 1e-9);
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void infeasibleTaskIsNamed()
    {
        LcrpInstance inst;
        inst.models = {{"small", 1.0, 0.5, 100.0, 1000.0}, {"big", 2.0, 0.99, 100.0, 4000.0}};
        // "too-long" fits no context window.
        inst.tasks = {makeTask("fine", 1, 500.0), makeTask("too-long", 1, 5000.0)};
        inst.budgetUsd = 100.0;
        const SolverResult r = solveLcrpExact(inst);
        QCOMPARE(r.status, SolverStatus::Infeasible);
        QVERIFY(!r.hasSolution());
        QVERIFY2(r.message.find("too-long") != std::string::npos, r.message.c_str());
        QVERIFY(r.message.find("fine") == std::string::npos);

        // Without hard pairs the same instance is solvable (the context term is a penalty).
        LcrpExactOptions soft;
        soft.hardPairConstraints = false;
        QCOMPARE(solveLcrpExact(inst, soft).status, SolverStatus::Optimal);
    }

    void infeasibleBudget()
    {
        LcrpInstance inst;
        inst.models = {{"a", 1.0, 0.9, 100.0, 1e6}, {"b", 2.0, 0.95, 100.0, 1e6}};
        inst.tasks = {makeTask("T-0", 2, 1000.0)};
        inst.budgetUsd = 0.5;  // cheapest costs 1 USD
        const SolverResult r = solveLcrpExact(inst);
        QCOMPARE(r.status, SolverStatus::Infeasible);
        QVERIFY2(r.message.find("budget") != std::string::npos, r.message.c_str());
        // Soft budget: solvable, pays the penalty on the cheapest model.
        LcrpExactOptions soft;
        soft.budget = BudgetMode::Soft;
        const SolverResult s = solveLcrpExact(inst, soft);
        QCOMPARE(s.status, SolverStatus::Optimal);
        QCOMPARE(s.assignment, std::vector<int>{0});
        // F = 1/2 (normalised cost) + 5 * (1 - 0.5)^2 / 0.5^2 = 5.5
        QAOA_COMPARE_NEAR(s.objective, 5.5, 1e-12);
    }

    void cancelledBeforeSolve()
    {
        std::mt19937_64 rng(36);
        const LcrpInstance inst = randomInstance(rng);
        RunControl control;
        control.requestCancel();
        LcrpExactOptions options;
        options.hardPairConstraints = false;
        const SolverResult r = solveLcrpExact(inst, options, control);
        QCOMPARE(r.status, SolverStatus::Cancelled);
        QVERIFY(!r.provenOptimal);
    }

    void timeLimit()
    {
        // 2000 x 5 with penalised pairs and a binding hard budget is a hard knapsack for CBC.
        const LcrpInstance inst = test_support::referenceLcrpInstance(2000, 5, 2000.0, 1);
        LcrpExactOptions options;
        options.hardPairConstraints = false;
        options.timeLimitSeconds = 1e-9;  // spent before the first solve starts
        const SolverResult none = solveLcrpExact(inst, options);
        QCOMPARE(none.status, SolverStatus::TimeLimit);
        QVERIFY(!none.provenOptimal);
        QVERIFY(none.message.find("time limit") != std::string::npos);

        options.timeLimitSeconds = 0.02;
        const SolverResult r = solveLcrpExact(inst, options);
        QVERIFY(r.status == SolverStatus::TimeLimit || r.status == SolverStatus::Optimal);
        QVERIFY(r.seconds < 30.0);
        if (r.hasSolution())
            QAOA_COMPARE_NEAR(r.objective,
                              makeObjectiveTable(inst, LcrpObjectiveKind::Exact).ofAssignment(r.assignment), 1e-12);
    }

    void invalidTimeLimit()
    {
        std::mt19937_64 rng(37);
        const LcrpInstance inst = randomInstance(rng);
        LcrpExactOptions options;
        options.timeLimitSeconds = 0.0;
        try {
            solveLcrpExact(inst, options);
            QFAIL("expected InvalidArgument");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QCOMPARE(e.where(), std::string("timeLimitSeconds"));
        }
    }
};

QTEST_APPLESS_MAIN(TstLcrpExactSolver)
#include "lcrp_exact_solver.test.moc"
