// SPDX-License-Identifier: MIT
// Tests of the Q-factor estimator: the worked example of algorithms.md 5, every edge case, the success step
// function, R_min against a scan over every T, and the bootstrap against a slow reference.
#include "warmstart/qfactor.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace engine;

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();

// Slow and obvious R_min for integer t: C(T) = T / F(T) at every T = 1..cap, F counted from scratch each time.
double referenceMinimalRuntime(const std::vector<double>& t, int cap)
{
    double best = INF;
    for (int T = 1; T <= cap; ++T) {
        int hits = 0;
        for (double v : t)
            hits += v <= T ? 1 : 0;
        if (hits > 0)
            best = std::min(best, T * static_cast<double>(t.size()) / hits);
    }
    return best;  // INF when no run succeeded
}

// t_i of runs that succeed at each iteration with probability p (geometric), censored at `cap`.
std::vector<double> geometricRuns(std::size_t n, double p, int cap, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::geometric_distribution<int> geo(p);
    std::vector<double> t;
    for (std::size_t i = 0; i < n; ++i) {
        const int v = geo(rng) + 1;
        t.push_back(v <= cap ? v : INF);
    }
    return t;
}

// Q of integer runs from referenceMinimalRuntime with the edge rules of algorithms.md 5 written out again.
double referenceQ(const std::vector<double>& random, const std::vector<double>& warm, int cap)
{
    double r = referenceMinimalRuntime(random, cap);
    const double w = referenceMinimalRuntime(warm, cap);
    if (std::isinf(r) && std::isinf(w))
        return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(w))
        return 0.0;
    if (std::isinf(r))
        r = static_cast<double>(cap) * random.size();
    return r / w;
}

void expectInvalid(const std::vector<double>& t, double cap)
{
    try {
        minimalExpectedRuntime(t, cap);
        QFAIL("no error thrown");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
}

} // namespace

class TstQFactor : public QObject {
    Q_OBJECT

private slots:
    void workedExample()
    {
        // algorithms.md 5: random R_min = C(10) = 50, warm R_min = C(1) = C(3) = 5, Q = 10.
        const std::vector<double> random{10, 40, INF, 25, 100};
        const std::vector<double> warm{1, 3, 3, 8, INF};
        QCOMPARE(expectedRuntime(random, 10), 50.0);
        QCOMPARE(expectedRuntime(random, 25), 62.5);
        QAOA_COMPARE_NEAR(expectedRuntime(random, 40), 200.0 / 3.0, 1e-15);
        QCOMPARE(expectedRuntime(random, 100), 125.0);
        QCOMPARE(expectedRuntime(warm, 3), 5.0);
        QCOMPARE(expectedRuntime(warm, 8), 10.0);
        const QFactorResult q = estimateQFactor(random, warm, {200.0, 0, 0.95, 1});
        QCOMPARE(q.kind, QFactorKind::Estimate);
        QCOMPARE(q.random.value, 50.0);
        QCOMPARE(q.random.argmin, 10.0);
        QCOMPARE(q.random.successes, std::size_t(4));
        QCOMPARE(q.random.runs, std::size_t(5));
        QCOMPARE(q.warm.value, 5.0);
        QCOMPARE(q.warm.argmin, 1.0);  // ties between C(1) and C(3) go to the smaller T
        QCOMPARE(q.q, 10.0);
        QVERIFY(!q.upperBound);
        QVERIFY(!q.interval);
    }

    void successStepFunction_data()
    {
        QTest::addColumn<double>("limit");
        QTest::addColumn<double>("expected");
        // t = (1, 3, 3, 8, inf)
        QTest::newRow("below first") << 0.5 << 0.0;
        QTest::newRow("at first") << 1.0 << 0.2;
        QTest::newRow("between") << 2.999 << 0.2;
        QTest::newRow("tie counts both") << 3.0 << 0.6;
        QTest::newRow("just below 8") << 7.999 << 0.6;
        QTest::newRow("at 8") << 8.0 << 0.8;
        QTest::newRow("cap") << 200.0 << 0.8;
        QTest::newRow("infinity") << INF << 1.0;  // a never-successful run "succeeds" only at T = infinity
    }
    void successStepFunction()
    {
        QFETCH(double, limit);
        QFETCH(double, expected);
        const std::vector<double> warm{1, 3, 3, 8, INF};
        QAOA_COMPARE_NEAR(successFraction(warm, limit), expected, 1e-15);
        const double c = expectedRuntime(warm, limit);
        if (expected == 0.0 || std::isinf(limit))
            QVERIFY(std::isinf(c));
        else
            QAOA_COMPARE_NEAR(c, limit / expected, 1e-15);
    }

    void successIsNonDecreasing()
    {
        const std::vector<double> t = geometricRuns(200, 0.05, 100, 7);
        double previous = 0.0;
        for (int T = 0; T <= 120; ++T) {
            const double f = successFraction(t, T);
            QVERIFY(f >= previous);
            previous = f;
        }
    }

    void minimalRuntimeMatchesScanOverEveryT()
    {
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            const int cap = 60;
            const double p = 0.01 + 0.2 * static_cast<double>(seed % 7) / 7.0;
            const std::vector<double> t = geometricRuns(5 + seed % 23, p, cap, seed);
            const MinimalRuntime r = minimalExpectedRuntime(t, cap);
            const double reference = referenceMinimalRuntime(t, cap);
            if (std::isinf(reference)) {
                QVERIFY(r.censored);
                QCOMPARE(r.value, static_cast<double>(cap) * t.size());
            } else {
                QVERIFY(!r.censored);
                QAOA_COMPARE_NEAR(r.value, reference, 1e-14);
                QAOA_COMPARE_NEAR(expectedRuntime(t, r.argmin), reference, 1e-14);
            }
        }
    }

    void allWarmStartsOptimal()
    {
        const std::vector<double> random{10, 40, INF, 25, 100};
        const std::vector<double> warm(5, 1.0);
        const QFactorResult q = estimateQFactor(random, warm, {200.0, 0, 0.95, 1});
        QCOMPARE(q.warm.value, 1.0);
        QCOMPARE(q.q, q.random.value);
        QCOMPARE(q.q, 50.0);
        QCOMPARE(q.kind, QFactorKind::Estimate);
    }

    void randomCensoredIsLowerBound()
    {
        const std::vector<double> random(5, INF);
        const std::vector<double> warm{1, 3, 3, 8, INF};
        const QFactorResult q = estimateQFactor(random, warm, {200.0, 0, 0.95, 1});
        QCOMPARE(q.kind, QFactorKind::LowerBound);
        QVERIFY(q.random.censored);
        QCOMPARE(q.random.successes, std::size_t(0));
        QCOMPARE(q.random.value, 1000.0);  // T_total * N
        QCOMPARE(q.q, 200.0);
        QCOMPARE(qFactorKindName(q.kind), "lower_bound");
    }

    void warmNeverSucceeds()
    {
        const std::vector<double> random{10, 40, INF, 25, 100};
        const std::vector<double> warm(5, INF);
        const QFactorResult q = estimateQFactor(random, warm, {200.0, 0, 0.95, 1});
        QCOMPARE(q.kind, QFactorKind::WarmFailed);
        QCOMPARE(q.q, 0.0);
        QVERIFY(q.upperBound);
        QAOA_COMPARE_NEAR(*q.upperBound, 50.0 / 1000.0, 1e-15);
        QCOMPARE(qFactorKindName(q.kind), "warm_failed");
    }

    void neitherSucceedsIsNan()
    {
        const std::vector<double> none(4, INF);
        const QFactorResult q = estimateQFactor(none, none, {50.0, 100, 0.95, 1});
        QCOMPARE(q.kind, QFactorKind::Undefined);
        QVERIFY(std::isnan(q.q));
        QVERIFY(!q.upperBound);
        QVERIFY(!q.interval);  // every resample is undefined too
        QCOMPARE(qFactorKindName(q.kind), "undefined");
    }

    void timeBasedVariant()
    {
        // Seconds instead of iterations, cap 0.1 s: C(0.013) = 0.039, C(0.05) = 0.075 -> R_min = 0.039;
        // warm: C(0.002) = 0.006, C(0.004) = 0.006 -> 0.006.
        const std::vector<double> random{0.013, 0.05, INF};
        const std::vector<double> warm{0.002, 0.004, INF};
        const QFactorResult q = estimateQFactor(random, warm, {0.1, 0, 0.95, 1});
        QAOA_COMPARE_NEAR(q.random.value, 0.039, 1e-14);
        QAOA_COMPARE_NEAR(q.warm.value, 0.006, 1e-14);
        QAOA_COMPARE_NEAR(q.q, 6.5, 1e-14);
        QCOMPARE(q.warm.argmin, 0.002);
    }

    void bootstrapMatchesSlowReference()
    {
        // The library draws N_random then N_warm indices per resample from mt19937_64(seed) with
        // uniform_int_distribution; the reference repeats that and evaluates Q by scanning every T.
        const int cap = 100;
        const std::vector<double> random = geometricRuns(30, 0.03, cap, 11);
        const std::vector<double> warm = geometricRuns(30, 0.2, cap, 12);
        const std::size_t b = 301;
        const QFactorResult q = estimateQFactor(random, warm, {double(cap), b, 0.9, 99});
        QVERIFY(q.interval);
        std::mt19937_64 rng(99);
        std::vector<double> qs;
        auto resample = [&](const std::vector<double>& t) {
            std::uniform_int_distribution<std::size_t> pick(0, t.size() - 1);
            std::vector<double> s;
            for (std::size_t i = 0; i < t.size(); ++i)
                s.push_back(t[pick(rng)]);
            return s;
        };
        for (std::size_t i = 0; i < b; ++i) {
            const std::vector<double> r = resample(random);
            const std::vector<double> w = resample(warm);
            qs.push_back(referenceQ(r, w, cap));
        }
        std::sort(qs.begin(), qs.end());
        // Type-7 quantiles at 0.05 and 0.95 of 301 values are exactly the 16th and 286th order statistics.
        QAOA_COMPARE_NEAR(q.interval->lower, qs[15], 1e-12);
        QAOA_COMPARE_NEAR(q.interval->upper, qs[285], 1e-12);
        QCOMPARE(q.interval->resamples, b);
        QCOMPARE(q.interval->undefinedResamples, std::size_t(0));
        QCOMPARE(q.interval->level, 0.9);
    }

    void bootstrapContainsEstimateAndShrinks()
    {
        const int cap = 500;
        double previousWidth = INF;
        for (std::size_t n : {50, 200, 800}) {
            const std::vector<double> random = geometricRuns(n, 0.01, cap, 3);
            const std::vector<double> warm = geometricRuns(n, 0.1, cap, 4);
            const QFactorResult q = estimateQFactor(random, warm, {double(cap), 2000, 0.95, 5});
            QCOMPARE(q.kind, QFactorKind::Estimate);
            QVERIFY(q.interval);
            QVERIFY2(q.interval->lower <= q.q && q.q <= q.interval->upper,
                     qPrintable(QStringLiteral("N=%1: Q=%2 not in [%3, %4]").arg(n).arg(q.q)
                                    .arg(q.interval->lower).arg(q.interval->upper)));
            const double width = q.interval->upper - q.interval->lower;
            QVERIFY2(width < previousWidth, qPrintable(QStringLiteral("N=%1 width %2").arg(n).arg(width)));
            previousWidth = width;
        }
    }

    void bootstrapCountsUndefinedResamples()
    {
        // No random success and one warm success in 5: resamples without that run are undefined.
        const std::vector<double> random(5, INF);
        const std::vector<double> warm{INF, INF, 7, INF, INF};
        const QFactorResult q = estimateQFactor(random, warm, {20.0, 500, 0.95, 3});
        QCOMPARE(q.kind, QFactorKind::LowerBound);
        QCOMPARE(q.q, 100.0 / 35.0);
        QVERIFY(q.interval);
        // P(no draw of the successful run) = 0.8^5 = 0.328; 500 resamples give about 164.
        QVERIFY(q.interval->undefinedResamples > 100 && q.interval->undefinedResamples < 230);
        QVERIFY(q.interval->lower > 0.0);
    }

    void bootstrapIsDeterministic()
    {
        const std::vector<double> random = geometricRuns(100, 0.02, 300, 21);
        const std::vector<double> warm = geometricRuns(100, 0.1, 300, 22);
        const QFactorResult a = estimateQFactor(random, warm, {300.0, 500, 0.95, 42});
        const QFactorResult b = estimateQFactor(random, warm, {300.0, 500, 0.95, 42});
        const QFactorResult c = estimateQFactor(random, warm, {300.0, 500, 0.95, 43});
        QVERIFY(a.interval && b.interval && c.interval);
        QCOMPARE(a.q, b.q);
        QCOMPARE(a.interval->lower, b.interval->lower);
        QCOMPARE(a.interval->upper, b.interval->upper);
        QCOMPARE(a.q, c.q);  // the point estimate does not depend on the seed
        QVERIFY(a.interval->lower != c.interval->lower || a.interval->upper != c.interval->upper);
    }

    void rejectsBadInput()
    {
        expectInvalid({}, 10);
        expectInvalid({1, std::numeric_limits<double>::quiet_NaN()}, 10);
        expectInvalid({0, 2}, 10);
        expectInvalid({-1}, 10);
        expectInvalid({11}, 10);
        expectInvalid({1}, 0);
        expectInvalid({1}, INF);
        QVERIFY_THROWS_EXCEPTION(Error, estimateQFactor({1}, {1}, {10.0, 0, 1.0, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, estimateQFactor({1}, {1}, {10.0, 0, 0.0, 1}));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 estimateQFactor({1}, {1}, {10.0, MAX_QFACTOR_BOOTSTRAP_RESAMPLES + 1, 0.95, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, estimateQFactor({1}, {20}, {10.0, 0, 0.95, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, successFraction({}, 1.0));
        try {
            minimalExpectedRuntime({1, 2, 30}, 10);
            QFAIL("no error thrown");
        } catch (const Error& e) {
            QCOMPARE(e.where(), std::string("firstSuccess[2]"));
        }
    }
};

QTEST_APPLESS_MAIN(TstQFactor)
#include "qfactor.test.moc"
