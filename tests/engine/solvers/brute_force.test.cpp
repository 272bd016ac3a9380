// SPDX-License-Identifier: MIT
// Tests of exhaustive search: LCRP odometer against a naive recursion, QUBO Gray-code walk against a plain loop.
#include "solvers/brute_force.h"

#include <QtTest>

#include "lcrp_test_instances.h"
#include "test_support.h"

#include "core/error.h"
#include "qubo/qubo_generator.h"

#include <cmath>
#include <limits>
#include <random>

using namespace engine;

namespace {

// Naive recursion over all assignments (task 0 outermost); collects the minimum value and all assignments
// within `tieTol` of it.
void recurse(const LcrpObjectiveTable& table, std::vector<int>& a, std::size_t task, double& best,
             std::vector<std::vector<int>>& all, std::vector<double>& values)
{
    if (task == table.numTasks) {
        const double v = table.ofAssignment(a);
        all.push_back(a);
        values.push_back(v);
        best = std::min(best, v);
        return;
    }
    for (std::size_t j = 0; j < table.numModels; ++j) {
        a[task] = int(j);
        recurse(table, a, task + 1, best, all, values);
    }
}

// Odometer rank with task 0 the fastest digit: the order the solver promises for ties.
std::uint64_t odometerRank(const std::vector<int>& a, std::size_t m)
{
    std::uint64_t rank = 0;
    for (std::size_t i = a.size(); i-- > 0;)
        rank = rank * m + std::uint64_t(a[i]);
    return rank;
}

// Plain loop over all 2^n states with QuboModel::energy; first strict minimum (lowest index on ties).
std::pair<std::uint64_t, double> naiveQuboMin(const QuboModel& q)
{
    const std::size_t n = q.numVariables();
    std::uint64_t bestIndex = 0;
    double best = std::numeric_limits<double>::infinity();
    for (std::uint64_t s = 0; s < (std::uint64_t{1} << n); ++s) {
        const double e = q.energy(bitsFromIndex(s, n));
        if (e < best) {
            best = e;
            bestIndex = s;
        }
    }
    return {bestIndex, best};
}

} // namespace

class TstBruteForce : public QObject {
    Q_OBJECT

private slots:
    void lcrpMatchesNaiveRecursion()
    {
        std::mt19937_64 rng(99);
        for (int k = 0; k < 150; ++k) {
            const LcrpInstance inst = test_support::randomLcrpInstance(rng);
            const LcrpObjectiveKind kind = k % 2 ? LcrpObjectiveKind::Exact : LcrpObjectiveKind::ReferenceV2;
            const LcrpObjectiveTable table = makeObjectiveTable(inst, kind);
            std::vector<int> a(inst.numTasks(), 0);
            double best = std::numeric_limits<double>::infinity();
            std::vector<std::vector<int>> all;
            std::vector<double> values;
            recurse(table, a, 0, best, all, values);

            const SolverResult r = solveLcrpBruteForce(inst, kind);
            QCOMPARE(r.status, SolverStatus::Optimal);
            QVERIFY(r.provenOptimal);
            QCOMPARE(r.solver, std::string("brute"));
            QCOMPARE(r.iterations, std::uint64_t(all.size()));
            QAOA_COMPARE_NEAR(r.objective, best, 1e-12);
            QAOA_COMPARE_NEAR(table.ofAssignment(r.assignment), best, 1e-12);
            // Among the (numerically) tied optima the solver returns the first in odometer order.
            std::uint64_t firstRank = std::numeric_limits<std::uint64_t>::max();
            for (std::size_t s = 0; s < all.size(); ++s)
                if (values[s] <= best + 1e-12 * std::max(1.0, std::abs(best)))
                    firstRank = std::min(firstRank, odometerRank(all[s], inst.numModels()));
            QCOMPARE(odometerRank(r.assignment, inst.numModels()), firstRank);
            Bits bits(inst.numAssignmentVariables(), 0);
            for (std::size_t i = 0; i < inst.numTasks(); ++i)
                bits[i * inst.numModels() + std::size_t(r.assignment[i])] = 1;
            QCOMPARE(r.bits, bits);
        }
    }

    void lcrpExactTiesPickFirstInOdometerOrder()
    {
        // Three identical tasks and two identically priced qualifying models: every assignment among models 1
        // and 2 ties exactly (the costs are dyadic), so the answer is all-1 (first in odometer order).
        LcrpInstance inst;
        inst.models = {{"weak", 0.0, 0.1, 10.0, 1e6}, {"a", 2.0, 0.9, 10.0, 1e6}, {"b", 2.0, 0.9, 10.0, 1e6}};
        inst.tasks = test_support::numberedTasks(3, 3, 1024.0);
        inst.budgetUsd = 100.0;
        const SolverResult r = solveLcrpBruteForce(inst);
        QCOMPARE(r.assignment, (std::vector<int>{1, 1, 1}));
        QCOMPARE(r.objective, 3.0);
    }

    void lcrpLimit()
    {
        LcrpInstance inst;
        inst.models = {{"a", 1.0, 0.5, 10.0, 1e6}, {"b", 2.0, 0.6, 10.0, 1e6}, {"c", 3.0, 0.7, 10.0, 1e6},
                       {"d", 4.0, 0.8, 10.0, 1e6}, {"e", 5.0, 0.9, 10.0, 1e6}};
        inst.tasks = test_support::numberedTasks(12, 1, 100.0);  // 5^12 = 244140625 > 10^8
        try {
            solveLcrpBruteForce(inst);
            QFAIL("expected LimitExceeded");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::LimitExceeded);
            QVERIFY2(e.detail().find("100000000") != std::string::npos, e.what());
        }
        // A huge N must not overflow the M^N computation.
        inst.tasks.resize(200, inst.tasks[0]);
        for (std::size_t i = 0; i < inst.tasks.size(); ++i)
            inst.tasks[i].id = test_support::label("T", i);
        QVERIFY_THROWS_EXCEPTION(Error, solveLcrpBruteForce(inst));
    }

    void lcrpCancel()
    {
        LcrpInstance inst;
        inst.models = {{"a", 1.0, 0.5, 10.0, 1e6}, {"b", 2.0, 0.6, 10.0, 1e6}, {"c", 3.0, 0.7, 10.0, 1e6},
                       {"d", 4.0, 0.8, 10.0, 1e6}};
        inst.tasks = test_support::numberedTasks(13, 1, 100.0, 1.0);  // 4^13 = 67M states
        RunControl control;
        control.requestCancel();
        const SolverResult r = solveLcrpBruteForce(inst, LcrpObjectiveKind::Exact, control);
        QCOMPARE(r.status, SolverStatus::Cancelled);
        QVERIFY(!r.provenOptimal);
        QCOMPARE(r.assignment.size(), inst.numTasks());
        QVERIFY(r.iterations < (std::uint64_t{1} << 26));
        QAOA_COMPARE_NEAR(r.objective, makeObjectiveTable(inst, LcrpObjectiveKind::Exact).ofAssignment(r.assignment),
                          1e-12);
    }

    void quboMatchesNaiveLoop_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("integer");
        for (int n : {1, 2, 3, 5, 8, 11, 13, 16}) {
            QTest::addRow("real n=%d", n) << n << false;
            QTest::addRow("integer n=%d", n) << n << true;
        }
    }

    void quboMatchesNaiveLoop()
    {
        QFETCH(int, n);
        QFETCH(bool, integer);
        RandomQuboOptions options;
        options.numVariables = std::size_t(n);
        options.density = 0.6;
        // Small integer coefficients make many exact ties (integer sums are exact), which pins the tie rule.
        options.integer = integer;
        options.low = integer ? -2.0 : -1.0;
        options.high = integer ? 2.0 : 1.0;
        options.seed = std::uint64_t(1000 + n);
        QuboModel q = randomQubo(options);
        q.addOffset(0.75);
        const auto [index, energy] = naiveQuboMin(q);
        for (int threads : {1, 2, 3}) {
            const SolverResult r = solveQuboBruteForce(q, threads);
            QCOMPARE(r.status, SolverStatus::Optimal);
            QVERIFY(r.provenOptimal);
            QCOMPARE(r.iterations, std::uint64_t{1} << n);
            QAOA_COMPARE_NEAR(r.objective, energy, 1e-12);
            if (integer) {
                QCOMPARE(bitsToIndex(r.bits), index);
            } else {
                // Real coefficients: the minimum is unique unless the runner-up is within rounding; check it is
                // a minimiser either way.
                QAOA_COMPARE_NEAR(q.energy(r.bits), energy, 1e-12);
            }
        }
    }

    void quboRealMinimiserIsUnique()
    {
        // For real coefficients the state itself must match too (a gap of 1e-9 rules out rounding ties).
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            RandomQuboOptions options;
            options.numVariables = 12;
            options.density = 0.5;
            options.seed = seed;
            const QuboModel q = randomQubo(options);
            const auto [index, energy] = naiveQuboMin(q);
            double second = std::numeric_limits<double>::infinity();
            for (std::uint64_t s = 0; s < (1u << 12); ++s)
                if (s != index)
                    second = std::min(second, q.energy(bitsFromIndex(s, 12)));
            if (second - energy < 1e-9)
                continue;
            for (int threads : {1, 3})
                QCOMPARE(bitsToIndex(solveQuboBruteForce(q, threads).bits), index);
        }
    }

    void quboAllEqualEnergiesGiveIndexZero()
    {
        QuboModel q(10);
        q.addOffset(-2.5);
        const SolverResult r = solveQuboBruteForce(q, 3);
        QCOMPARE(bitsToIndex(r.bits), std::uint64_t{0});
        QCOMPARE(r.objective, -2.5);
    }

    void quboEmptyModel()
    {
        QuboModel q;
        q.addOffset(1.5);
        const SolverResult r = solveQuboBruteForce(q, 2);
        QCOMPARE(r.status, SolverStatus::Optimal);
        QCOMPARE(r.objective, 1.5);
        QCOMPARE(r.iterations, std::uint64_t{1});
        QVERIFY(r.bits.empty());
    }

    void quboDefaultThreads()
    {
        RandomQuboOptions options;
        options.numVariables = 14;
        options.seed = 5;
        const QuboModel q = randomQubo(options);
        QAOA_COMPARE_NEAR(solveQuboBruteForce(q, 0).objective, naiveQuboMin(q).second, 1e-12);
    }

    void quboLimits()
    {
        const QuboModel q(MAX_QUBO_BRUTE_FORCE_VARIABLES + 1);
        try {
            solveQuboBruteForce(q, 1);
            QFAIL("expected LimitExceeded");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::LimitExceeded);
            QVERIFY2(e.detail().find("36") != std::string::npos, e.what());
        }
        try {
            solveQuboBruteForce(QuboModel(3), -1);
            QFAIL("expected InvalidArgument");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        }
    }

    void quboCancel()
    {
        RandomQuboOptions options;
        options.numVariables = 30;
        options.density = 0.1;
        options.seed = 3;
        const QuboModel q = randomQubo(options);
        RunControl control;
        control.requestCancel();
        const SolverResult r = solveQuboBruteForce(q, 2, control);
        QCOMPARE(r.status, SolverStatus::Cancelled);
        QVERIFY(!r.provenOptimal);
        QCOMPARE(r.bits.size(), std::size_t{30});
        QVERIFY(r.iterations < (std::uint64_t{1} << 30));
        QAOA_COMPARE_NEAR(r.objective, q.energy(r.bits), 1e-12);
    }

    void quboProgressReported()
    {
        RandomQuboOptions options;
        options.numVariables = 18;
        options.seed = 8;
        const QuboModel q = randomQubo(options);
        RunControl control;
        double last = 0.0;
        double total = 0.0;
        control.setProgressCallback([&](double done, double all, std::string_view) {
            last = done;
            total = all;
        });
        solveQuboBruteForce(q, 2, control);
        QCOMPARE(total, double(1 << 18));
        QCOMPARE(last, double(1 << 18));
    }
};

QTEST_APPLESS_MAIN(TstBruteForce)
#include "brute_force.test.moc"
