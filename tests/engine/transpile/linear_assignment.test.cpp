// SPDX-License-Identifier: MIT
// Tests of the linear assignment solver against brute force over all permutations and a subset DP.
#include "transpile/linear_assignment.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include "routing_test_helpers.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

namespace {

using routing_test::codeOf;

double assignmentCost(const std::vector<double>& cost, unsigned n, const std::vector<unsigned>& assignment)
{
    double total = 0.0;
    for (unsigned row = 0; row < n; ++row)
        total += cost[std::size_t{row} * n + assignment[row]];
    return total;
}

bool isPermutation(const std::vector<unsigned>& assignment, unsigned n)
{
    return assignment.size() == n && routing_test::isInjective(assignment, n);
}

// Slow reference 1: every permutation.
double bruteForceMinimum(const std::vector<double>& cost, unsigned n)
{
    std::vector<unsigned> perm(n);
    std::iota(perm.begin(), perm.end(), 0u);
    double best = std::numeric_limits<double>::infinity();
    do {
        best = std::min(best, assignmentCost(cost, n, perm));
    } while (std::next_permutation(perm.begin(), perm.end()));
    return best;
}

// Slow reference 2: dynamic programming over the set of used columns, O(2^n n).
double subsetDpMinimum(const std::vector<double>& cost, unsigned n)
{
    std::vector<double> best(std::size_t{1} << n, std::numeric_limits<double>::infinity());
    best[0] = 0.0;
    for (std::size_t mask = 0; mask < best.size(); ++mask) {
        const auto row = static_cast<unsigned>(std::popcount(mask));
        if (row >= n || !std::isfinite(best[mask]))
            continue;
        for (unsigned col = 0; col < n; ++col) {
            if (mask & (std::size_t{1} << col))
                continue;
            const std::size_t next = mask | (std::size_t{1} << col);
            best[next] = std::min(best[next], best[mask] + cost[std::size_t{row} * n + col]);
        }
    }
    return best.back();
}

} // namespace

class TstLinearAssignment : public QObject {
    Q_OBJECT

private slots:
    void emptyAndSingle()
    {
        QVERIFY(engine::solveLinearAssignment({}, 0).empty());
        const auto one = engine::solveLinearAssignment({3.5}, 1);
        QCOMPARE(one.size(), std::size_t{1});
        QCOMPARE(one[0], 0u);
    }

    void knownSmallCase()
    {
        // Rows pick columns 1, 0, 2 for cost 1 + 2 + 2 = 5; the diagonal costs 4 + 4 + 2.
        const std::vector<double> cost{4, 1, 3, 2, 4, 5, 3, 2, 2};
        const auto a = engine::solveLinearAssignment(cost, 3);
        QCOMPARE(a, (std::vector<unsigned>{1, 0, 2}));
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<unsigned>("n");
        QTest::addColumn<bool>("integers");
        for (unsigned n = 1; n <= 7; ++n) {
            QTest::addRow("real n=%u", n) << n << false;
            QTest::addRow("ties n=%u", n) << n << true;
        }
    }
    void matchesBruteForce()
    {
        QFETCH(unsigned, n);
        QFETCH(bool, integers);
        std::mt19937_64 rng(1000 + n * 2 + (integers ? 1 : 0));
        std::uniform_real_distribution<double> real(-10.0, 10.0);
        std::uniform_int_distribution<int> small(0, 3);  // many ties
        for (int trial = 0; trial < 30; ++trial) {
            std::vector<double> cost(std::size_t{n} * n);
            for (double& c : cost)
                c = integers ? small(rng) : real(rng);
            const auto a = engine::solveLinearAssignment(cost, n);
            QVERIFY(isPermutation(a, n));
            QAOA_COMPARE_NEAR(assignmentCost(cost, n, a), bruteForceMinimum(cost, n), 1e-12);
        }
    }

    void matchesSubsetDp()
    {
        std::mt19937_64 rng(77);
        std::uniform_real_distribution<double> real(0.0, 100.0);
        for (unsigned n = 8; n <= 13; ++n) {
            std::vector<double> cost(std::size_t{n} * n);
            for (double& c : cost)
                c = real(rng);
            const auto a = engine::solveLinearAssignment(cost, n);
            QVERIFY(isPermutation(a, n));
            QAOA_COMPARE_NEAR(assignmentCost(cost, n, a), subsetDpMinimum(cost, n), 1e-12);
        }
    }

    void maximisationByNegation()
    {
        // A permutation matrix hidden in noise is recovered when its entries are the largest.
        const unsigned n = 40;
        std::mt19937_64 rng(5);
        std::vector<unsigned> hidden(n);
        std::iota(hidden.begin(), hidden.end(), 0u);
        std::shuffle(hidden.begin(), hidden.end(), rng);
        std::uniform_real_distribution<double> noise(0.0, 0.5);
        std::vector<double> cost(std::size_t{n} * n);
        for (unsigned r = 0; r < n; ++r) {
            for (unsigned c = 0; c < n; ++c)
                cost[std::size_t{r} * n + c] = -(c == hidden[r] ? 1.0 : noise(rng));
        }
        QCOMPARE(engine::solveLinearAssignment(cost, n), hidden);
    }

    void hugeRangeStaysFinite()
    {
        const std::vector<double> cost{1e300, -1e300, -1e300, 1e300};
        const auto a = engine::solveLinearAssignment(cost, 2);
        QCOMPARE(a, (std::vector<unsigned>{1, 0}));
    }

    void rejectsBadInput()
    {
        QCOMPARE(codeOf([] { engine::solveLinearAssignment({1, 2, 3}, 2); }), engine::ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([] { engine::solveLinearAssignment({1, std::nan(""), 3, 4}, 2); }),
                 engine::ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([] {
                     engine::solveLinearAssignment({1, std::numeric_limits<double>::infinity(), 3, 4}, 2);
                 }),
                 engine::ErrorCode::InvalidArgument);
    }
};

QTEST_APPLESS_MAIN(TstLinearAssignment)
#include "linear_assignment.test.moc"
