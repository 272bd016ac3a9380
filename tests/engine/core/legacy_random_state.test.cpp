// SPDX-License-Identifier: MIT
// Tests of LegacyRandomState against NumPy's published legacy values and a textbook MT19937 written here.
#include "core/legacy_random_state.h"

#include <QtTest>

#include "test_support.h"

#include <array>
#include <cstdint>
#include <vector>

namespace {

/// Textbook MT19937 (Matsumoto & Nishimura 1998, init_genrand seeding), written out plainly as the reference.
class ReferenceMt19937 {
public:
    explicit ReferenceMt19937(std::uint32_t seed)
    {
        m_state[0] = seed;
        for (std::uint32_t i = 1; i < N; ++i)
            m_state[i] = 1812433253U * (m_state[i - 1] ^ (m_state[i - 1] >> 30)) + i;
        m_next = N;
    }

    std::uint32_t next()
    {
        if (m_next >= N)
            twist();
        std::uint32_t y = m_state[m_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

private:
    static constexpr std::uint32_t N = 624;
    static constexpr std::uint32_t M = 397;

    void twist()
    {
        for (std::uint32_t i = 0; i < N; ++i) {
            const std::uint32_t y = (m_state[i] & 0x80000000U) | (m_state[(i + 1) % N] & 0x7fffffffU);
            m_state[i] = m_state[(i + M) % N] ^ (y >> 1) ^ ((y & 1U) ? 0x9908b0dfU : 0U);
        }
        m_next = 0;
    }

    std::array<std::uint32_t, N> m_state{};
    std::uint32_t m_next = 0;
};

} // namespace

class TstLegacyRandomState : public QObject {
    Q_OBJECT

private slots:
    void next32MatchesInitGenrand_data();
    void next32MatchesInitGenrand();
    void standardCheckValue();
    void numpyRandomSampleSeed42();
    void numpyRandintSeed42();
    void randomSampleFormula();
    void boundedIntMatchesMaskedRejection_data();
    void boundedIntMatchesMaskedRejection();
    void boundedIntZeroDrawsNothing();
    void copiesContinueIdentically();
};

void TstLegacyRandomState::next32MatchesInitGenrand_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("0") << quint32(0);
    QTest::newRow("1") << quint32(1);
    QTest::newRow("42") << quint32(42);
    QTest::newRow("5489") << quint32(5489);
    QTest::newRow("max") << quint32(0xffffffffU);
}

void TstLegacyRandomState::next32MatchesInitGenrand()
{
    QFETCH(quint32, seed);
    engine::LegacyRandomState rs(seed);
    ReferenceMt19937 ref(seed);
    // 2000 draws cross several state regenerations (624 words each).
    for (int k = 0; k < 2000; ++k)
        QCOMPARE(rs.next32(), ref.next());
}

void TstLegacyRandomState::standardCheckValue()
{
    // The C++ standard's check: the 10000th output of mt19937 with the default seed 5489 is 4123659995.
    engine::LegacyRandomState rs(5489);
    std::uint32_t value = 0;
    for (int k = 0; k < 10000; ++k)
        value = rs.next32();
    QCOMPARE(value, std::uint32_t{4123659995U});
}

void TstLegacyRandomState::numpyRandomSampleSeed42()
{
    // numpy.random.RandomState(42).random_sample() twice.
    engine::LegacyRandomState rs(42);
    QCOMPARE(rs.randomSample(), 0.3745401188473625);
    QCOMPARE(rs.randomSample(), 0.9507143064099162);
}

void TstLegacyRandomState::numpyRandintSeed42()
{
    // numpy.random.RandomState(42).randint(0, 100), six times.
    engine::LegacyRandomState rs(42);
    const std::vector<std::uint32_t> expected{51, 92, 14, 71, 60, 20};
    for (std::uint32_t e : expected)
        QCOMPARE(rs.boundedInt(99), e);
}

void TstLegacyRandomState::randomSampleFormula()
{
    engine::LegacyRandomState rs(2024);
    ReferenceMt19937 ref(2024);
    for (int k = 0; k < 1000; ++k) {
        const std::uint64_t a = ref.next() >> 5;
        const std::uint64_t b = ref.next() >> 6;
        const double expected = static_cast<double>((a << 26) | b) / 9007199254740992.0;
        const double u = rs.randomSample();
        QCOMPARE(u, expected);
        QVERIFY(u >= 0.0 && u < 1.0);
    }
}

void TstLegacyRandomState::boundedIntMatchesMaskedRejection_data()
{
    QTest::addColumn<quint32>("max");
    QTest::newRow("1") << quint32(1);
    QTest::newRow("2") << quint32(2);
    QTest::newRow("99") << quint32(99);
    QTest::newRow("127") << quint32(127);
    QTest::newRow("128") << quint32(128);
    QTest::newRow("2^31") << quint32(0x80000000U);
    QTest::newRow("2^32-1") << quint32(0xffffffffU);
}

void TstLegacyRandomState::boundedIntMatchesMaskedRejection()
{
    QFETCH(quint32, max);
    std::uint32_t mask = 0;
    while (mask < max)
        mask = (mask << 1) | 1U;
    engine::LegacyRandomState rs(99);
    ReferenceMt19937 ref(99);
    for (int k = 0; k < 500; ++k) {
        std::uint32_t expected = 0;
        do {
            expected = ref.next() & mask;
        } while (expected > max);
        const std::uint32_t value = rs.boundedInt(max);
        QCOMPARE(value, expected);
        QVERIFY(value <= max);
    }
}

void TstLegacyRandomState::boundedIntZeroDrawsNothing()
{
    // NumPy returns the lower bound without drawing when the range is empty; the stream must not advance.
    engine::LegacyRandomState rs(42);
    QCOMPARE(rs.boundedInt(0), std::uint32_t{0});
    QCOMPARE(rs.boundedInt(99), std::uint32_t{51});
}

void TstLegacyRandomState::copiesContinueIdentically()
{
    engine::LegacyRandomState a(7);
    a.next32();
    engine::LegacyRandomState b = a;
    for (int k = 0; k < 100; ++k)
        QCOMPARE(a.randomSample(), b.randomSample());
}

QTEST_APPLESS_MAIN(TstLegacyRandomState)
#include "legacy_random_state.test.moc"
