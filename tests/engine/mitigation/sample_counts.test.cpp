// SPDX-License-Identifier: MIT
// Tests of the sample multiset: bit order, Qiskit strings, totals, probabilities and seeded resampling.
#include "mitigation/sample_counts.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <random>

using engine::SampleCounts;

class TstSampleCounts : public QObject {
    Q_OBJECT

private slots:
    void qubitZeroIsBitZeroAndRightmost();
    void fromShotsCountsEachOutcome();
    void fromQiskitCountsSumsRepeats();
    void probabilitiesSumToOne();
    void badInputIsRejected();
    void resampleIsSeededAndFollowsDistribution();
    void resampleLimits();
};

void TstSampleCounts::qubitZeroIsBitZeroAndRightmost()
{
    // Qubit 0 reads 1, qubit 1 reads 0, qubit 2 reads 1: index 0b101 = 5, Qiskit "101"; qubit 0 alone: "001".
    QCOMPARE(engine::indexFromQiskitString("001", 3), std::uint64_t{1});
    QCOMPARE(engine::indexFromQiskitString("100", 3), std::uint64_t{4});
    QCOMPARE(engine::indexToQiskitString(1, 3), std::string("001"));
    QCOMPARE(engine::indexToQiskitString(6, 4), std::string("0110"));
    SampleCounts s(3);
    s.add(engine::Bits{1, 0, 0}, 2.0);
    QCOMPARE(s.count(1), 2.0);
    QCOMPARE(s.qiskitKey(1), std::string("001"));
}

void TstSampleCounts::fromShotsCountsEachOutcome()
{
    const auto s = SampleCounts::fromShots({3, 1, 3, 0, 3}, 2);
    QCOMPARE(s.size(), std::size_t{3});
    QCOMPARE(s.count(3), 3.0);
    QCOMPARE(s.count(1), 1.0);
    QCOMPARE(s.count(0), 1.0);
    QCOMPARE(s.count(2), 0.0);
    QCOMPARE(s.total(), 5.0);
}

void TstSampleCounts::fromQiskitCountsSumsRepeats()
{
    const auto s = SampleCounts::fromQiskitCounts({{"01", 2.5}, {"10", 1.0}, {"01", 0.5}}, 2);
    QCOMPARE(s.count(1), 3.0);
    QCOMPARE(s.count(2), 1.0);
    QCOMPARE(s.total(), 4.0);
}

void TstSampleCounts::probabilitiesSumToOne()
{
    SampleCounts s(4);
    s.add(7, 1.5);
    s.add(2, 4.5);
    s.add(9, 0.0); // zero counts are not stored
    const auto p = s.probabilities();
    QCOMPARE(p.size(), std::size_t{2});
    QCOMPARE(p[0].first, std::uint64_t{2});
    QAOA_COMPARE_NEAR(p[0].second, 0.75, 1e-15);
    QAOA_COMPARE_NEAR(p[1].second, 0.25, 1e-15);
    QVERIFY_THROWS_EXCEPTION(engine::Error, SampleCounts(4).probabilities());
}

void TstSampleCounts::badInputIsRejected()
{
    QVERIFY_THROWS_EXCEPTION(engine::Error, SampleCounts(65));
    QVERIFY_THROWS_EXCEPTION(engine::Error, SampleCounts::fromShots({1, 4}, 2));
    SampleCounts s(2);
    QVERIFY_THROWS_EXCEPTION(engine::Error, s.add(4, 1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, s.add(1, -1.0));
    QVERIFY_THROWS_EXCEPTION(engine::Error, s.add(1, std::nan("")));
    QVERIFY_THROWS_EXCEPTION(engine::Error, s.addQiskit("011"));
    QVERIFY_THROWS_EXCEPTION(engine::Error, s.addQiskit("0x"));
    try {
        (void)SampleCounts::fromShots({0, 1, 9}, 3);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidInput);
        QCOMPARE(e.where(), std::string("shots[2]"));
    }
    // 64 qubits: every index fits.
    SampleCounts wide(64);
    wide.add(~std::uint64_t{0});
    QCOMPARE(wide.qiskitKey(~std::uint64_t{0}), std::string(64, '1'));
}

void TstSampleCounts::resampleIsSeededAndFollowsDistribution()
{
    SampleCounts s(3);
    s.add(0, 0.5);
    s.add(5, 1.5);
    s.add(6, 2.0);
    const auto a = s.resample(20000, 42);
    const auto b = s.resample(20000, 42);
    const auto c = s.resample(20000, 43);
    QVERIFY(a == b);
    QVERIFY(!(a == c));
    QCOMPARE(a.total(), 20000.0);
    QCOMPARE(a.size(), std::size_t{3});
    // Binomial standard deviation of a frequency at N = 20000 is <= 0.0036; allow 5 sigma.
    QVERIFY(std::abs(a.count(0) / 20000.0 - 0.125) < 0.018);
    QVERIFY(std::abs(a.count(5) / 20000.0 - 0.375) < 0.018);
    QVERIFY(std::abs(a.count(6) / 20000.0 - 0.5) < 0.018);
}

void TstSampleCounts::resampleLimits()
{
    SampleCounts s(1);
    QVERIFY_THROWS_EXCEPTION(engine::Error, s.resample(10, 1));
    s.add(1, 1.0);
    QCOMPARE(s.resample(0, 1).total(), 0.0);
    try {
        (void)s.resample(engine::SAMPLE_COUNTS_MAX_RESAMPLE_SHOTS + 1, 1);
        QFAIL("no error");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::LimitExceeded);
    }
}

QTEST_APPLESS_MAIN(TstSampleCounts)
#include "sample_counts.test.moc"
