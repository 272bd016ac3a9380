// SPDX-License-Identifier: MIT
// Tests of the start bitstrings: uniform random bits, pools in order and at random, threads, argument checks.
#include "heuristics/start_source.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <set>
#include <thread>

using namespace engine;

class TstStartSource : public QObject {
    Q_OBJECT

private slots:
    void uniformBitsAreSeededAndBalanced()
    {
        const StartSource source(1000);
        QVERIFY(!source.isPool());
        std::mt19937_64 a(5);
        std::mt19937_64 b(5);
        Bits x;
        Bits y;
        std::size_t ones = 0;
        for (int draw = 0; draw < 64; ++draw) {
            source.draw(a, x);
            source.draw(b, y);
            QCOMPARE(x.size(), std::size_t{1000});
            QVERIFY(x == y);
            for (std::uint8_t bit : x) {
                QVERIFY(bit <= 1);
                ones += bit;
            }
        }
        // 64000 fair bits: the fraction of ones is within 0.5 +- 0.01 (about 5 standard deviations).
        QVERIFY(std::abs(static_cast<double>(ones) / 64000.0 - 0.5) < 0.01);
        // Consecutive draws differ (probability of equality 2^-1000).
        source.draw(a, y);
        QVERIFY(x != y);
    }

    void poolInOrderWraps()
    {
        const std::vector<Bits> pool = {{0, 0, 1}, {1, 1, 0}, {1, 0, 1}};
        StartSource source(3, pool);
        QCOMPARE(source.order(), StartOrder::InOrder);
        std::mt19937_64 rng(1);
        Bits x;
        for (int draw = 0; draw < 7; ++draw) {
            source.draw(rng, x);
            QVERIFY(x == pool[static_cast<std::size_t>(draw) % 3]);
        }
        source.rewind();
        source.draw(rng, x);
        QVERIFY(x == pool[0]);
    }

    void poolAtRandomUsesEveryMember()
    {
        std::vector<Bits> pool;
        for (std::uint8_t i = 0; i < 8; ++i)
            pool.push_back(bitsFromIndex(i, 3));
        const StartSource source(3, pool, StartOrder::Random);
        std::mt19937_64 rng(9);
        std::vector<int> counts(8, 0);
        Bits x;
        for (int draw = 0; draw < 8000; ++draw) {
            source.draw(rng, x);
            ++counts[bitsToIndex(x)];
        }
        // Each member has probability 1/8: 1000 +- 150 draws (about 5 standard deviations).
        for (int c : counts)
            QVERIFY2(c > 850 && c < 1150, qPrintable(QString::number(c)));
    }

    void threadsShareTheInOrderCursor()
    {
        std::vector<Bits> pool;
        for (std::uint64_t i = 0; i < 1024; ++i)
            pool.push_back(bitsFromIndex(i, 10));
        const StartSource source(10, pool);
        std::vector<std::uint64_t> seen[2];
        auto work = [&](int t) {
            std::mt19937_64 rng(static_cast<std::uint64_t>(t));
            Bits x;
            for (int draw = 0; draw < 512; ++draw) {
                source.draw(rng, x);
                seen[t].push_back(bitsToIndex(x));
            }
        };
        std::thread other(work, 1);
        work(0);
        other.join();
        // Every member drawn exactly once over both threads.
        std::set<std::uint64_t> all(seen[0].begin(), seen[0].end());
        all.insert(seen[1].begin(), seen[1].end());
        QCOMPARE(all.size(), std::size_t{1024});
    }

    void rejectsBadPools()
    {
        auto expectError = [](auto&& make, const char* where) {
            try {
                make();
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::InvalidArgument);
                QCOMPARE(QString::fromStdString(e.where()), QString::fromLatin1(where));
            }
        };
        expectError([] { StartSource(3, {}); }, "pool");
        expectError([] { StartSource(3, {{0, 1, 0}, {0, 1}}); }, "pool[1]");
        expectError([] { StartSource(2, {{0, 2}}); }, "pool[0]");
    }
};

QTEST_APPLESS_MAIN(TstStartSource)
#include "start_source.test.moc"
