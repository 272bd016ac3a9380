// SPDX-License-Identifier: MIT
// Tests of the QPU-time estimate and the Open Plan budget against a shot-by-shot reference.
#include "jobstore/qpu_estimate.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"

#include <cmath>
#include <limits>

using engine::ErrorCode;
using engine::QpuEstimateInput;

namespace {

// Slow and obvious: walk every shot of every circuit and add its time.
double referenceSeconds(const QpuEstimateInput& in)
{
    double total = in.fixedSeconds;
    for (std::size_t c = 0; c < in.circuits; ++c) {
        for (std::size_t s = 0; s < in.shots; ++s) {
            double shot = in.repDelaySeconds;
            for (std::size_t l = 0; l < in.twoQubitLayers; ++l)
                shot += in.twoQubitGateSeconds;
            for (std::size_t l = 0; l < in.singleQubitLayers; ++l)
                shot += in.singleQubitGateSeconds;
            shot += in.measureSeconds;
            total += shot;
        }
    }
    return total;
}

template <class F>
ErrorCode codeOf(F&& call)
{
    try {
        call();
    } catch (const engine::Error& e) {
        return e.code();
    }
    return ErrorCode::SolverFailure;  // "no error": no test below expects this code
}

} // namespace

class TstQpuEstimate : public QObject {
    Q_OBJECT

private slots:
    void matchesShotByShotReference_data()
    {
        QTest::addColumn<int>("circuits");
        QTest::addColumn<int>("shots");
        QTest::addColumn<int>("twoQubitLayers");
        QTest::addColumn<int>("singleQubitLayers");
        QTest::addColumn<double>("repDelay");
        QTest::newRow("one circuit, one shot") << 1 << 1 << 0 << 0 << 250e-6;
        QTest::newRow("p=1 ring") << 1 << 1000 << 6 << 4 << 250e-6;
        QTest::newRow("three PUBs") << 3 << 4096 << 40 << 25 << 250e-6;
        QTest::newRow("short delay") << 2 << 2000 << 120 << 80 << 50e-6;
        QTest::newRow("no delay") << 5 << 100 << 1000 << 300 << 0.0;
    }
    void matchesShotByShotReference()
    {
        QFETCH(int, circuits);
        QFETCH(int, shots);
        QFETCH(int, twoQubitLayers);
        QFETCH(int, singleQubitLayers);
        QFETCH(double, repDelay);
        QpuEstimateInput in;
        in.circuits = static_cast<std::size_t>(circuits);
        in.shots = static_cast<std::size_t>(shots);
        in.twoQubitLayers = static_cast<std::size_t>(twoQubitLayers);
        in.singleQubitLayers = static_cast<std::size_t>(singleQubitLayers);
        in.repDelaySeconds = repDelay;
        // Summation order differs from the closed form: relative 1e-9 covers the rounding of ~1e7 additions.
        QAOA_COMPARE_NEAR(engine::estimateQpuSeconds(in), referenceSeconds(in), 1e-9);
    }

    void workedExamples()
    {
        // 4096 shots of a shallow circuit: 2 s + 4096 * (250 us + 3 * 84 ns + 2 * 24 ns + 1.56 us).
        const double expected = 2.0 + 4096.0 * (250e-6 + 3 * 84e-9 + 2 * 24e-9 + 1.56e-6);
        QAOA_COMPARE_NEAR(engine::estimateQpuSeconds(1, 4096, 3, 2), expected, 1e-12);
        QVERIFY(std::abs(engine::estimateQpuSeconds(1, 4096, 3, 2) - 3.03) < 0.01);
        // 10 circuits x 10,000 shots: the repetition delay alone is 25 s, the readouts 0.156 s.
        QVERIFY(engine::estimateQpuSeconds(10, 10000, 0) > 27.15);
        QVERIFY(engine::estimateQpuSeconds(10, 10000, 0) < 27.16);
        // A deeper circuit costs more, and so does every extra shot.
        QVERIFY(engine::estimateQpuSeconds(1, 1000, 100) > engine::estimateQpuSeconds(1, 1000, 10));
        QVERIFY(engine::estimateQpuSeconds(1, 1001, 10) > engine::estimateQpuSeconds(1, 1000, 10));
        // The fixed part is what a one-shot job costs (plus one shot).
        QpuEstimateInput single;
        single.fixedSeconds = 0.0;
        single.repDelaySeconds = 0.0;
        single.measureSeconds = 0.0;
        QCOMPARE(engine::estimateQpuSeconds(single), 0.0);
    }

    void rejectsBadInput()
    {
        QCOMPARE(codeOf([] { engine::estimateQpuSeconds(0, 100, 1); }), ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([] { engine::estimateQpuSeconds(1, 0, 1); }), ErrorCode::InvalidArgument);
        QpuEstimateInput in;
        in.repDelaySeconds = -1e-6;
        QCOMPARE(codeOf([&] { engine::estimateQpuSeconds(in); }), ErrorCode::InvalidArgument);
        in = {};
        in.twoQubitGateSeconds = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(codeOf([&] { engine::estimateQpuSeconds(in); }), ErrorCode::InvalidArgument);
        in = {};
        in.fixedSeconds = std::numeric_limits<double>::infinity();
        QCOMPARE(codeOf([&] { engine::estimateQpuSeconds(in); }), ErrorCode::InvalidArgument);
    }

    void hugeCountsDoNotWrap()
    {
        const std::size_t big = std::numeric_limits<std::size_t>::max();
        const double seconds = engine::estimateQpuSeconds(big, big, 0);
        QVERIFY(std::isfinite(seconds));
        QVERIFY(seconds > 1e30);
    }

    void openPlanBudget()
    {
        QCOMPARE(engine::OPEN_PLAN_SECONDS_PER_MONTH, 600.0);
        QCOMPARE(engine::openPlanRemaining(0.0), 600.0);
        QCOMPARE(engine::openPlanRemaining(123.5), 476.5);
        QCOMPARE(engine::openPlanRemaining(600.0), 0.0);
        QCOMPARE(engine::openPlanRemaining(750.0), 0.0);
        QCOMPARE(codeOf([] { engine::openPlanRemaining(-1.0); }), ErrorCode::InvalidArgument);
        QCOMPARE(codeOf([] { engine::openPlanRemaining(std::numeric_limits<double>::quiet_NaN()); }),
                 ErrorCode::InvalidArgument);
        // How many 4096-shot shallow jobs fit into a fresh month: 600 / 3.0316 -> 197.
        const double perJob = engine::estimateQpuSeconds(1, 4096, 3, 2);
        QCOMPARE(static_cast<int>(engine::openPlanRemaining(0.0) / perJob), 197);
    }
};

QTEST_APPLESS_MAIN(TstQpuEstimate)
#include "qpu_estimate.test.moc"
