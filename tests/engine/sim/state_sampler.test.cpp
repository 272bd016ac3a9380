// SPDX-License-Identifier: MIT
// Tests of the alias-method sampler: exact tables for hand cases, frequencies, determinism, argument checks.
#include "sim/state_sampler.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "sim_test_helpers.h"

#include <algorithm>
#include <cmath>
#include <limits>

using engine::AliasSampler;

namespace {

// The distribution a table implies: P(k) = (acceptance[k] + sum over columns j aliased to k of (1 - acceptance[j]))
// / K. Exact for the dyadic hand cases below.
std::vector<double> impliedDistribution(const AliasSampler& s)
{
    const std::size_t k = s.size();
    std::vector<double> p(k, 0.0);
    for (std::size_t j = 0; j < k; ++j) {
        p[j] += s.acceptance()[j] / static_cast<double>(k);
        p[s.aliases()[j]] += (1.0 - s.acceptance()[j]) / static_cast<double>(k);
    }
    return p;
}

} // namespace

class TstStateSampler : public QObject {
    Q_OBJECT

private slots:
    void handTables_data();
    void handTables();
    void knownTableEntries();
    void frequenciesWithinFiveSigma();
    void zeroWeightNeverDrawn();
    void deterministicForSeed();
    void countsHistogram();
    void invalidWeights();
    void tooManyShots();
    void stateShotsWithinFiveSigma();
    void stateShotsSkipZeroAmplitudes();
    void stateShotsReproducible();
    void stateShotsInvalid();
};

void TstStateSampler::handTables_data()
{
    QTest::addColumn<std::vector<double>>("weights");
    QTest::newRow("single") << std::vector<double>{3.0};
    QTest::newRow("uniform") << std::vector<double>{1.0, 1.0, 1.0, 1.0};
    QTest::newRow("1-1-2") << std::vector<double>{1.0, 1.0, 2.0};
    QTest::newRow("zeros") << std::vector<double>{0.0, 1.0, 0.0, 3.0};
    QTest::newRow("dyadic") << std::vector<double>{0.5, 0.125, 0.125, 0.0625, 0.0625, 0.125, 0.0, 0.0};
    QTest::newRow("large-first") << std::vector<double>{7.0, 0.5, 0.25, 0.25};
}

void TstStateSampler::handTables()
{
    QFETCH(std::vector<double>, weights);
    const AliasSampler s(weights);
    QCOMPARE(s.size(), weights.size());
    double total = 0.0;
    for (double w : weights)
        total += w;
    const std::vector<double> p = impliedDistribution(s);
    for (std::size_t k = 0; k < weights.size(); ++k) {
        QVERIFY(s.acceptance()[k] >= 0.0 && s.acceptance()[k] <= 1.0);
        QVERIFY(s.aliases()[k] < weights.size());
        QCOMPARE(p[k], weights[k] / total);  // exact: every number involved is dyadic
    }
}

void TstStateSampler::knownTableEntries()
{
    // Weights 1, 1, 2: scaled 0.75, 0.75, 1.5. Column 0 and 1 keep 3/4 and borrow from column 2, which is full.
    const AliasSampler s({1.0, 1.0, 2.0});
    QCOMPARE(s.acceptance()[0], 0.75);
    QCOMPARE(s.aliases()[0], std::uint64_t{2});
    QCOMPARE(s.acceptance()[1], 0.75);
    QCOMPARE(s.aliases()[1], std::uint64_t{2});
    QCOMPARE(s.acceptance()[2], 1.0);
}

void TstStateSampler::frequenciesWithinFiveSigma()
{
    // Counts of outcome k are Binomial(S, p_k): |count - S p_k| <= 5 sqrt(S p_k (1 - p_k)) + 1 for every k. With
    // 32 outcomes the chance of a false failure is below 32 * 6e-7.
    const auto state = sim_test::randomState<double>(5, 21);
    const std::vector<double> p = state.probabilities();
    const std::uint64_t shots = 400000;
    const auto counts = engine::countShots(engine::sampleShots(p, shots, 1234));
    for (std::size_t k = 0; k < p.size(); ++k) {
        const double expected = static_cast<double>(shots) * p[k];
        const double sigma = std::sqrt(static_cast<double>(shots) * p[k] * (1.0 - p[k]));
        const auto it = counts.find(k);
        const double got = it == counts.end() ? 0.0 : static_cast<double>(it->second);
        QVERIFY2(std::abs(got - expected) <= 5.0 * sigma + 1.0,
                 qPrintable(QStringLiteral("outcome %1: %2 draws, expected %3 +- %4").arg(k).arg(got)
                                .arg(expected).arg(sigma)));
    }
}

void TstStateSampler::zeroWeightNeverDrawn()
{
    const std::vector<double> w{0.0, 2.0, 0.0, 1.0, 0.0};
    const auto counts = engine::countShots(engine::sampleShots(w, 20000, 5));
    for (const auto& [outcome, count] : counts) {
        QVERIFY(count > 0);
        QVERIFY2(w[outcome] > 0.0, qPrintable(QStringLiteral("drew weight-0 outcome %1").arg(outcome)));
    }
    QCOMPARE(counts.size(), std::size_t{2});
}

void TstStateSampler::deterministicForSeed()
{
    const std::vector<double> w{0.1, 0.2, 0.3, 0.4};
    const auto a = engine::sampleShots(w, 1000, 77);
    const auto b = engine::sampleShots(w, 1000, 77);
    const auto c = engine::sampleShots(w, 1000, 78);
    QVERIFY(a == b);
    QVERIFY(a != c);
    const AliasSampler s(w);
    std::mt19937_64 r1(9);
    std::mt19937_64 r2(9);
    for (int k = 0; k < 100; ++k)
        QCOMPARE(s.sample(r1), s.sample(r2));
}

void TstStateSampler::countsHistogram()
{
    const auto counts = engine::countShots({3, 1, 3, 3, 0, 1});
    QCOMPARE(counts.size(), std::size_t{3});
    QCOMPARE(counts.at(3), std::uint64_t{3});
    QCOMPARE(counts.at(1), std::uint64_t{2});
    QCOMPARE(counts.at(0), std::uint64_t{1});
    QVERIFY(engine::countShots({}).empty());
}

void TstStateSampler::invalidWeights()
{
    QVERIFY_THROWS_EXCEPTION(engine::Error, AliasSampler(std::vector<double>{}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, AliasSampler(std::vector<double>{0.0, 0.0}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, AliasSampler(std::vector<double>{1.0, -0.5}));
    QVERIFY_THROWS_EXCEPTION(engine::Error, AliasSampler(std::vector<double>{1.0, std::nan("")}));
    QVERIFY_THROWS_EXCEPTION(engine::Error,
                             AliasSampler(std::vector<double>{1.0, std::numeric_limits<double>::infinity()}));
    QVERIFY_THROWS_EXCEPTION(engine::Error,
                             AliasSampler(std::vector<double>{std::numeric_limits<double>::max(),
                                                              std::numeric_limits<double>::max()}));
}

void TstStateSampler::tooManyShots()
{
    try {
        engine::sampleShots({1.0}, std::uint64_t{1} << 40, 1);
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
    QVERIFY(engine::sampleShots({1.0}, 0, 1).empty());
}

void TstStateSampler::stateShotsWithinFiveSigma()
{
    // Same bound as frequenciesWithinFiveSigma, for the table-free sampler, in both precisions and with a state
    // large enough for several chunks (2^16 states, checked on the 32 aggregated buckets z mod 32).
    auto check = [](const auto& state, std::uint64_t seed) {
        const std::uint64_t shots = 300000;
        const auto counts = engine::countShots(engine::sampleStateShots(state, shots, seed));
        std::vector<double> p(32, 0.0);
        for (std::uint64_t z = 0; z < state.size(); ++z)
            p[z % 32] += std::norm(std::complex<double>(state.amplitudes()[z]));
        std::vector<double> got(32, 0.0);
        for (const auto& [outcome, count] : counts)
            got[outcome % 32] += static_cast<double>(count);
        for (std::size_t k = 0; k < 32; ++k) {
            const double expected = static_cast<double>(shots) * p[k];
            const double sigma = std::sqrt(static_cast<double>(shots) * p[k] * (1.0 - p[k]));
            QVERIFY2(std::abs(got[k] - expected) <= 5.0 * sigma + 1.0,
                     qPrintable(QStringLiteral("bucket %1: %2 draws, expected %3 +- %4").arg(k).arg(got[k])
                                    .arg(expected).arg(sigma)));
        }
    };
    check(sim_test::randomState<double>(5, 3), 10);
    check(sim_test::randomState<float>(5, 4), 11);
    check(sim_test::randomState<double>(16, 5), 12);
}

void TstStateSampler::stateShotsSkipZeroAmplitudes()
{
    engine::StateVector<double> s(17);
    s.amplitudes()[0] = 0.0;
    s.amplitudes()[3] = 2.0;                  // unnormalised on purpose
    s.amplitudes()[70000] = {0.0, 1.0};
    s.amplitudes()[(1 << 17) - 1] = 1.0;      // the very last state, end of the last chunk
    const auto counts = engine::countShots(engine::sampleStateShots(s, 60000, 8, 2));
    QCOMPARE(counts.size(), std::size_t{3});
    QVERIFY(counts.count(3) == 1 && counts.count(70000) == 1 && counts.count((1 << 17) - 1) == 1);
    // p = 4/6, 1/6, 1/6; 5 sigma of 60000 draws at p = 1/6 is about 460.
    QVERIFY(std::abs(static_cast<double>(counts.at(3)) - 40000.0) < 600.0);
}

void TstStateSampler::stateShotsReproducible()
{
    const auto state = sim_test::randomState<double>(16, 6);
    const auto a = engine::sampleStateShots(state, 5000, 21, 1);
    const auto b = engine::sampleStateShots(state, 5000, 21, 2);
    const auto c = engine::sampleStateShots(state, 5000, 22, 2);
    QVERIFY(a == b);
    QVERIFY(a != c);
    // Shuffled into draw order, not sorted by index.
    QVERIFY(!std::is_sorted(a.begin(), a.end()));
    QVERIFY(engine::sampleStateShots(state, 0, 1).empty());
}

void TstStateSampler::stateShotsInvalid()
{
    engine::StateVector<float> zero(3);
    zero.amplitudes()[0] = 0.0f;
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sampleStateShots(zero, 10, 1));
    engine::StateVector<double> s(3);
    QVERIFY_THROWS_EXCEPTION(engine::Error, engine::sampleStateShots(s, std::uint64_t{1} << 40, 1));
}

QTEST_APPLESS_MAIN(TstStateSampler)
#include "state_sampler.test.moc"
