// SPDX-License-Identifier: MIT
// Tests of the LCRP decomposition: partition invariants, budget shares, candidate choice and the knapsack
// recombination against brute force over every combination.
#include "lcrp/lcrp_decomposition.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "lcrp/lcrp_generator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace engine;

namespace {

LcrpInstance production(std::size_t tasks = 80, std::size_t models = 5, std::uint32_t seed = 1)
{
    LcrpGeneratorOptions g;
    g.numTasks = tasks;
    g.numModels = models;
    g.seed = seed;
    g.budgetUsd = 5.0 * static_cast<double>(tasks);
    return generateLcrp(g);
}

LcrpGroupCandidate candidate(double cost, double unary, int model = 0)
{
    LcrpGroupCandidate c;
    c.models = {model};
    c.costUsd = cost;
    c.unaryObjective = unary;
    return c;
}

} // namespace

class TstLcrpDecomposition : public QObject {
    Q_OBJECT

private slots:
    void productionBatchSplitsIntoTwentyGroupsOfFour()
    {
        const LcrpInstance inst = production();
        const LcrpPartition p = partitionLcrpTasks(inst);
        QCOMPARE(p.groups.size(), std::size_t{20});
        QCOMPARE(p.tasksPerGroup, std::size_t{4});
        QCOMPARE(p.qubitsPerGroup, std::size_t{20});
        std::vector<int> seen(inst.numTasks(), 0);
        double budget = 0.0;
        double need = 0.0;
        for (const LcrpTaskGroup& g : p.groups) {
            QCOMPARE(g.tasks.size(), std::size_t{4});
            QVERIFY(std::is_sorted(g.tasks.begin(), g.tasks.end()));
            for (std::size_t t : g.tasks)
                ++seen[t];
            budget += g.budgetUsd;
            need += g.needUsd;
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int k) { return k == 1; }));
        QAOA_COMPARE_NEAR(budget, inst.budgetUsd, 1e-9);
        // Shares in proportion to needs.
        for (const LcrpTaskGroup& g : p.groups)
            QAOA_COMPARE_NEAR(g.budgetUsd, inst.budgetUsd * g.needUsd / need, 1e-9);
        // Snake dealing of needs sorted descending: group needs differ by at most the largest task need.
        double maxTask = 0.0;
        for (double v : p.taskNeedUsd)
            maxTask = std::max(maxTask, v);
        const auto [lo, hi] = std::minmax_element(p.groups.begin(), p.groups.end(),
                                                  [](const auto& a, const auto& b) { return a.needUsd < b.needUsd; });
        QVERIFY(hi->needUsd - lo->needUsd <= maxTask + 1e-9);
    }

    void needIsCheapestAllowedModel()
    {
        const LcrpInstance inst = production(10, 5, 4);
        for (std::size_t i = 0; i < inst.numTasks(); ++i) {
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j < inst.numModels(); ++j)
                if (inst.allowed(i, j))
                    best = std::min(best, inst.costUsd(i, j));
            QVERIFY(std::isfinite(best));  // o1 or opus serves every class with five tiers
            QCOMPARE(lcrpTaskNeedUsd(inst, i), best);
        }
    }

    void sizesFollowTheQubitLimitAndSlack()
    {
        const LcrpInstance inst = production(12, 3, 2);
        LcrpPartitionOptions o;
        o.maxQubits = 9;
        QCOMPARE(partitionLcrpTasks(inst, o).groups.size(), std::size_t{4});
        o.slackBits = 2;  // (9 - 2) / 3 = 2 tasks per group
        const LcrpPartition p = partitionLcrpTasks(inst, o);
        QCOMPARE(p.tasksPerGroup, std::size_t{2});
        QCOMPARE(p.groups.size(), std::size_t{6});
        QCOMPARE(p.qubitsPerGroup, std::size_t{8});
        o.maxQubits = 10;  // 13 tasks would not divide evenly: sizes differ by at most one
        o.slackBits = 0;
        const LcrpPartition q = partitionLcrpTasks(production(13, 3, 2), o);
        QCOMPARE(q.groups.size(), std::size_t{5});
        for (const LcrpTaskGroup& g : q.groups)
            QVERIFY(g.tasks.size() == 2 || g.tasks.size() == 3);
    }

    void deterministicForASeed()
    {
        const LcrpInstance inst = production(40, 5, 9);
        LcrpPartitionOptions o;
        o.seed = 17;
        const LcrpPartition a = partitionLcrpTasks(inst, o);
        const LcrpPartition b = partitionLcrpTasks(inst, o);
        QCOMPARE(a.groups.size(), b.groups.size());
        for (std::size_t g = 0; g < a.groups.size(); ++g)
            QCOMPARE(a.groups[g].tasks, b.groups[g].tasks);
    }

    void badLimitsAreNamed()
    {
        const LcrpInstance inst = production(6, 5, 1);
        LcrpPartitionOptions o;
        o.maxQubits = 4;  // one task needs 5 qubits
        try {
            partitionLcrpTasks(inst, o);
            QFAIL("expected LimitExceeded");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::LimitExceeded);
            QCOMPARE(e.where(), std::string("maxQubits"));
        }
        o.maxQubits = 0;
        QVERIFY_THROWS_EXCEPTION(Error, partitionLcrpTasks(inst, o));
        o.maxQubits = 20;
        o.slackBits = 31;
        QVERIFY_THROWS_EXCEPTION(Error, partitionLcrpTasks(inst, o));
    }

    void groupInstanceKeepsTasksModelsAndShare()
    {
        const LcrpInstance inst = production(12, 3, 5);
        const LcrpPartition p = partitionLcrpTasks(inst, {9, 0, 1});
        const LcrpInstance sub = lcrpGroupInstance(inst, p.groups[1], 1);
        QCOMPARE(sub.numTasks(), p.groups[1].tasks.size());
        QCOMPARE(sub.numModels(), inst.numModels());
        QCOMPARE(sub.tasks[0].id, inst.tasks[p.groups[1].tasks[0]].id);
        QCOMPARE(sub.budgetUsd, p.groups[1].budgetUsd);
        QVERIFY(sub.name.find("group 2") != std::string::npos);
        LcrpTaskGroup empty = p.groups[0];
        empty.budgetUsd = 0.0;  // a zero share still gives a valid instance
        QVERIFY(lcrpGroupInstance(inst, empty, 0).budgetUsd > 0.0);
    }

    void candidateFiguresComeFromTheFullTable()
    {
        const LcrpInstance inst = production(8, 5, 3);
        const LcrpObjectiveTable table = makeObjectiveTable(inst, LcrpObjectiveKind::Exact);
        const LcrpPartition p = partitionLcrpTasks(inst, {10, 0, 1});
        const LcrpTaskGroup& g = p.groups[0];
        std::vector<int> models(g.tasks.size(), 0);
        const LcrpGroupCandidate c = makeGroupCandidate(inst, table, g, models);
        double unary = 0.0;
        int quality = 0;
        for (std::size_t k = 0; k < g.tasks.size(); ++k) {
            unary += table.unary[g.tasks[k] * 5];
            quality += inst.meetsQuality(g.tasks[k], 0) ? 0 : 1;
        }
        QAOA_COMPARE_NEAR(c.unaryObjective, unary, 1e-12);
        QCOMPARE(c.qualityViolations, quality);
        QCOMPARE(c.costUsd, 0.0);  // gemma2-2b is free
        QVERIFY_THROWS_EXCEPTION(Error, makeGroupCandidate(inst, table, g, {0}));
    }

    void bestWithinBudgetAndSelection()
    {
        const std::vector<LcrpGroupCandidate> pool{candidate(5.0, 1.0, 0), candidate(1.0, 3.0, 1),
                                                   candidate(0.5, 4.0, 2), candidate(2.0, 2.0, 3),
                                                   candidate(9.0, 0.5, 4)};
        QCOMPARE(bestCandidateWithinBudget(pool, 2.0), std::size_t{3});
        QCOMPARE(bestCandidateWithinBudget(pool, 100.0), std::size_t{4});
        QCOMPARE(bestCandidateWithinBudget(pool, 0.1), std::size_t{2});  // none fits: the cheapest
        const std::vector<LcrpGroupCandidate> picked = selectGroupCandidates(pool, 2.0, 3);
        QCOMPARE(picked.size(), std::size_t{3});
        // The best two within 2 USD (models 3 and 1), then the Pareto front of the rest from the cheapest (model 2).
        std::vector<int> models;
        for (const LcrpGroupCandidate& c : picked)
            models.push_back(c.models[0]);
        std::sort(models.begin(), models.end());
        QCOMPARE(models, (std::vector<int>{1, 2, 3}));
        QCOMPARE(selectGroupCandidates(pool, 2.0, 10).size(), pool.size());
    }

    void knapsackMatchesBruteForce()
    {
        // Costs on the grid (multiples of budget / steps), so that rounding up changes nothing and the DP must
        // find the brute-force optimum exactly.
        std::mt19937_64 rng(11);
        const double budget = 10.0;
        const std::size_t steps = 100;
        std::uniform_int_distribution<int> units(0, 40);
        std::uniform_real_distribution<double> unary(0.0, 10.0);
        for (int trial = 0; trial < 50; ++trial) {
            std::vector<std::vector<LcrpGroupCandidate>> cands(4);
            for (auto& group : cands)
                for (int k = 0; k < 4; ++k)
                    group.push_back(candidate(units(rng) * budget / steps, unary(rng), k));
            double best = std::numeric_limits<double>::infinity();
            for (int a = 0; a < 4; ++a)
                for (int b = 0; b < 4; ++b)
                    for (int c = 0; c < 4; ++c)
                        for (int d = 0; d < 4; ++d) {
                            const double cost =
                                cands[0][a].costUsd + cands[1][b].costUsd + cands[2][c].costUsd + cands[3][d].costUsd;
                            if (cost <= budget + 1e-9)
                                best = std::min(best, cands[0][a].unaryObjective + cands[1][b].unaryObjective
                                                          + cands[2][c].unaryObjective + cands[3][d].unaryObjective);
                        }
            const LcrpRecombination r = recombineGroupCandidates(cands, budget, steps);
            if (std::isfinite(best)) {
                QVERIFY(r.withinBudget);
                QAOA_COMPARE_NEAR(r.unaryObjective, best, 1e-9);
                QVERIFY(r.costUsd <= budget + 1e-9);
            } else {
                QVERIFY(!r.withinBudget);
            }
        }
    }

    void knapsackFallsBackToTheCheapest()
    {
        const std::vector<std::vector<LcrpGroupCandidate>> cands{{candidate(6.0, 1.0, 0), candidate(5.0, 2.0, 1)},
                                                                 {candidate(7.0, 0.0, 0)}};
        const LcrpRecombination r = recombineGroupCandidates(cands, 10.0);
        QVERIFY(!r.withinBudget);
        QCOMPARE(r.choice, (std::vector<std::size_t>{1, 0}));
        QCOMPARE(r.costUsd, 12.0);
        QVERIFY_THROWS_EXCEPTION(Error, recombineGroupCandidates({}, 10.0));
        QVERIFY_THROWS_EXCEPTION(Error, recombineGroupCandidates({{}}, 10.0));
        QVERIFY_THROWS_EXCEPTION(Error, recombineGroupCandidates(cands, 0.0));
    }

    void assemblyPlacesEveryGroup()
    {
        std::vector<LcrpTaskGroup> groups(2);
        groups[0].tasks = {0, 3};
        groups[1].tasks = {1, 2};
        LcrpGroupCandidate a;
        a.models = {4, 1};
        LcrpGroupCandidate b;
        b.models = {2, 0};
        QCOMPARE(assembleLcrpAssignment(4, groups, {&a, &b}), (std::vector<int>{4, 2, 0, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, assembleLcrpAssignment(4, groups, {&a}));
    }
};

QTEST_APPLESS_MAIN(TstLcrpDecomposition)
#include "lcrp_decomposition.test.moc"
