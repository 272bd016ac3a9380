// SPDX-License-Identifier: MIT
// Tests of the indexed task pool: every index once, stop, the first exception rethrown, errors.
#include "gnn/task_pool.h"

#include <QtTest>

#include "core/error.h"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <vector>

class TestTaskPool : public QObject {
    Q_OBJECT

private slots:
    void everyIndexRunsOnce()
    {
        for (int threads : {1, 3}) {
            std::vector<std::atomic<int>> hits(100);
            engine::runIndexedTasks(100, threads, [&hits](std::size_t k) { ++hits[k]; });
            for (const auto& h : hits)
                QCOMPARE(h.load(), 1);
        }
        engine::runIndexedTasks(0, 2, [](std::size_t) { throw std::logic_error("never"); });
    }

    void stopEndsEarly()
    {
        std::atomic<int> ran{0};
        engine::runIndexedTasks(1000, 1, [&ran](std::size_t) { ++ran; }, [&ran] { return ran.load() >= 10; });
        QCOMPARE(ran.load(), 10);
    }

    void firstExceptionIsRethrown()
    {
        std::atomic<int> ran{0};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, engine::runIndexedTasks(50, 1, [&ran](std::size_t k) {
                                     ++ran;
                                     if (k == 5)
                                         throw std::runtime_error("task 5");
                                 }));
        QCOMPARE(ran.load(), 6);  // one thread: indices 0..5, then nothing new
        QVERIFY_THROWS_EXCEPTION(engine::Error, engine::runIndexedTasks(1, 0, [](std::size_t) {}));
    }
};

QTEST_GUILESS_MAIN(TestTaskPool)
#include "task_pool.test.moc"
