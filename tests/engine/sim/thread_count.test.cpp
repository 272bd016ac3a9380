// SPDX-License-Identifier: MIT
// Tests of the thread-count rule of the simulator kernels.
#include "sim/thread_count.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

using engine::detail::MIN_PARALLEL_AMPLITUDES;
using engine::detail::resolveThreadCount;

class TstThreadCount : public QObject {
    Q_OBJECT

private slots:
    void positivePassesThrough();
    void zeroMeansAll();
    void smallWorkRunsSerially();
    void negativeThrows();
};

void TstThreadCount::positivePassesThrough()
{
    QCOMPARE(resolveThreadCount(3, MIN_PARALLEL_AMPLITUDES), 3);
    QCOMPARE(resolveThreadCount(1, std::uint64_t{1} << 30), 1);
}

void TstThreadCount::zeroMeansAll()
{
    QVERIFY(resolveThreadCount(0, MIN_PARALLEL_AMPLITUDES) >= 1);
    QCOMPARE(resolveThreadCount(0), resolveThreadCount(0, std::uint64_t{1} << 30));
}

void TstThreadCount::smallWorkRunsSerially()
{
    QCOMPARE(resolveThreadCount(8, MIN_PARALLEL_AMPLITUDES - 1), 1);
    QCOMPARE(resolveThreadCount(0, 16), 1);
}

void TstThreadCount::negativeThrows()
{
    try {
        resolveThreadCount(-2, 1);
        QFAIL("no exception");
    } catch (const engine::Error& e) {
        QCOMPARE(e.code(), engine::ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(e.where()), QStringLiteral("threads"));
    }
}

QTEST_APPLESS_MAIN(TstThreadCount)
#include "thread_count.test.moc"
