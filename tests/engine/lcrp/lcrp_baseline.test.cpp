// SPDX-License-Identifier: MIT
// Tests of the uniform-random baselines against closed forms and brute-force counts.
#include "lcrp/lcrp_baseline.h"

#include <QtTest>

#include "test_support.h"

#include "core/bits.h"
#include "core/error.h"

#include <cmath>

using engine::LcrpInstance;

namespace {

LcrpInstance instance(std::size_t numTasks, std::size_t numModels)
{
    LcrpInstance inst;
    inst.models.assign(engine::defaultModelTiers().begin(),
                       engine::defaultModelTiers().begin() + static_cast<std::ptrdiff_t>(numModels));
    const int complexities[] = {1, 3, 5, 2, 4, 2};
    for (std::size_t i = 0; i < numTasks; ++i) {
        engine::LcrpTask t;
        t.id = std::to_string(i);
        t.complexity = complexities[i % 6];
        t.tokens = 9000.0;  // beyond gemma's context window
        inst.tasks.push_back(t);
    }
    return inst;
}

/// Counts, over all 2^(NM) bitstrings, those whose rows are all one-hot (and, if `allowedOnly`, pick allowed
/// models): the slow reference.
double bruteForceRate(const LcrpInstance& inst, bool allowedOnly)
{
    const std::size_t n = inst.numAssignmentVariables();
    const std::size_t m = inst.numModels();
    std::uint64_t good = 0;
    for (std::uint64_t index = 0; index < (std::uint64_t{1} << n); ++index) {
        const engine::Bits x = engine::bitsFromIndex(index, n);
        bool ok = true;
        for (std::size_t i = 0; i < inst.numTasks() && ok; ++i) {
            int ones = 0;
            for (std::size_t j = 0; j < m; ++j)
                if (x[i * m + j]) {
                    ++ones;
                    if (allowedOnly && !inst.allowed(i, j))
                        ok = false;
                }
            ok = ok && ones == 1;
        }
        good += ok ? 1 : 0;
    }
    return static_cast<double>(good) / std::ldexp(1.0, static_cast<int>(n));
}

} // namespace

class TstLcrpBaseline : public QObject {
    Q_OBJECT

private slots:
    void paperValidRates_data();
    void paperValidRates();
    void validRateMatchesBruteForce();
    void allowedRateMatchesBruteForce();
    void largeInstancesUnderflowQuietly();
    void invalidInstanceRejected();
};

void TstLcrpBaseline::paperValidRates_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<double>("expected");
    QTest::newRow("2x3") << 2 << 0.140625;
    QTest::newRow("4x3") << 4 << std::pow(3.0 / 8.0, 4);
    QTest::newRow("6x3") << 6 << std::pow(3.0 / 8.0, 6);
}

void TstLcrpBaseline::paperValidRates()
{
    QFETCH(int, tasks);
    QFETCH(double, expected);
    QAOA_COMPARE_NEAR(engine::uniformRandomValidRate(instance(static_cast<std::size_t>(tasks), 3)), expected, 1e-14);
}

void TstLcrpBaseline::validRateMatchesBruteForce()
{
    for (const auto& [n, m] : {std::pair{1, 1}, {2, 3}, {3, 4}, {2, 5}, {4, 3}}) {
        const LcrpInstance inst = instance(static_cast<std::size_t>(n), static_cast<std::size_t>(m));
        QAOA_COMPARE_NEAR(engine::uniformRandomValidRate(inst), bruteForceRate(inst, false), 1e-14);
    }
}

void TstLcrpBaseline::allowedRateMatchesBruteForce()
{
    for (const auto& [n, m] : {std::pair{2, 3}, {3, 4}, {2, 5}, {4, 3}}) {
        const LcrpInstance inst = instance(static_cast<std::size_t>(n), static_cast<std::size_t>(m));
        const double rate = engine::uniformRandomAllowedRate(inst);
        QAOA_COMPARE_NEAR(rate, bruteForceRate(inst, true), 1e-14);
        QVERIFY(rate <= engine::uniformRandomValidRate(inst));
    }
    // Task 0 (trivial, 9000 tokens) cannot use gemma (context) but may use haiku or sonnet: 2 of 8.
    QAOA_COMPARE_NEAR(engine::uniformRandomAllowedRate(instance(1, 3)), 2.0 / 8.0, 1e-15);
    // The expert task 2 has no allowed model among three tiers.
    QCOMPARE(engine::uniformRandomAllowedRate(instance(3, 3)), 0.0);
}

void TstLcrpBaseline::largeInstancesUnderflowQuietly()
{
    const double rate = engine::uniformRandomValidRate(instance(600, 5));
    QVERIFY(rate >= 0.0 && rate < 1e-300);
    QVERIFY(std::isfinite(engine::uniformRandomAllowedRate(instance(600, 5))));
}

void TstLcrpBaseline::invalidInstanceRejected()
{
    LcrpInstance inst = instance(2, 3);
    inst.tasks.clear();
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::uniformRandomValidRate(inst));
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::uniformRandomAllowedRate(inst));
}

QTEST_APPLESS_MAIN(TstLcrpBaseline)
#include "lcrp_baseline.test.moc"
