// SPDX-License-Identifier: MIT
// Tests of ExperimentJob: live rows equal the engine runner's, pause and resume, cancel, and the status it ends in.
#include "experiment/experiment_job.h"

#include <QtTest>

#include "test_support.h"

#include "experiment/sweep_runner.h"
#include "experiment/sweep_spec.h"

#include <QSignalSpy>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace workbench;

namespace {

/// Points that wait until `release` (or cancel) and return one row each with metric i + 0.5.
engine::ExperimentPlan waitingPlan(std::size_t n, std::shared_ptr<std::atomic<int>> started,
                                   std::shared_ptr<std::atomic<bool>> release)
{
    engine::ExperimentPlan plan;
    plan.header = {"synthetic", {"i"}, {"value"}};
    for (std::size_t i = 0; i < n; ++i) {
        engine::ExperimentPoint point;
        point.axisValues = {static_cast<double>(i)};
        point.run = [i, started, release](engine::RunControl& control) {
            started->fetch_add(1);
            while (!release->load() && !control.isCancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            engine::ExperimentRow row;
            row.axes = {static_cast<double>(i)};
            row.metrics = {static_cast<double>(i) + 0.5};
            if (control.isCancelled())
                row.status = engine::ExperimentRowStatus::Cancelled;
            return std::vector<engine::ExperimentRow>{row};
        };
        plan.points.push_back(std::move(point));
    }
    return plan;
}

struct Collected {
    std::vector<engine::ExperimentRow> rows;
    int batches = 0;
};

void collect(ExperimentJob& job, Collected& into)
{
    QObject::connect(&job, &ExperimentJob::rowsReady, &job, [&into](const std::vector<engine::ExperimentRow>& rows) {
        into.rows.insert(into.rows.end(), rows.begin(), rows.end());
        ++into.batches;
    });
}

} // namespace

class TstExperimentJob : public QObject {
    Q_OBJECT

private slots:
    void liveRowsEqualTheRunner()
    {
        const engine::SweepSpec spec = engine::parseSweepSpec(nlohmann::json::parse(R"({
            "kind": "qaoa", "instance": {"generate": {"tasks": 3, "models": 3, "seed": 42}},
            "settings": {"params": "predicted", "shots": 200, "objective": "reference-v2"},
            "axes": [{"parameter": "p", "values": [1, 2, 3]}, {"parameter": "lambda_q", "values": [5, 40]}]})"),
                                                              "job-test");
        ExperimentJob job;
        Collected got;
        collect(job, got);
        QSignalSpy finished(&job, &ExperimentJob::finished);
        QSignalSpy progress(&job, &ExperimentJob::progressChanged);
        QVERIFY(job.start(engine::planSweep(spec), 3));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(engine::planSweep(spec), 1));  // one job at a time
        QVERIFY(finished.wait(20000));
        QCOMPARE(job.status(), ExperimentJobStatus::Finished);
        QCOMPARE(job.pointCount(), std::size_t{6});
        QCOMPARE(got.rows.size(), std::size_t{6});
        QCOMPARE(job.outcome().rows.size(), std::size_t{6});
        QVERIFY(job.outcome().succeeded);
        QVERIFY(!progress.isEmpty());
        engine::SweepRunner serial(engine::planSweep(spec), 1);
        const std::vector<engine::ExperimentRow> expected = serial.run();
        const int seconds = job.header().metricIndex("seconds");
        std::sort(got.rows.begin(), got.rows.end(), engine::experimentRowBefore);
        for (std::size_t k = 0; k < expected.size(); ++k) {
            QCOMPARE(got.rows[k].point, expected[k].point);
            for (std::size_t m = 0; m < expected[k].metrics.size(); ++m)
                if (static_cast<int>(m) != seconds)
                    QCOMPARE(engine::experimentValueText(got.rows[k].metrics[m]),
                             engine::experimentValueText(expected[k].metrics[m]));
        }
    }

    void pauseAndResume()
    {
        auto started = std::make_shared<std::atomic<int>>(0);
        auto release = std::make_shared<std::atomic<bool>>(false);
        ExperimentJob job;
        Collected got;
        collect(job, got);
        QSignalSpy paused(&job, &ExperimentJob::pausedChanged);
        QSignalSpy finished(&job, &ExperimentJob::finished);
        QVERIFY(job.start(waitingPlan(5, started, release), 1));
        QTRY_COMPARE_WITH_TIMEOUT(started->load(), 1, 5000);
        job.pause();
        QVERIFY(job.isPaused());
        QCOMPARE(paused.size(), 1);
        release->store(true);
        QTRY_COMPARE_WITH_TIMEOUT(got.rows.size(), std::size_t{1}, 5000);
        QTest::qWait(150);
        QCOMPARE(started->load(), 1);  // no new point while paused
        QVERIFY(job.isRunning());
        job.resume();
        QVERIFY(!job.isPaused());
        QVERIFY(finished.wait(5000));
        QCOMPARE(job.status(), ExperimentJobStatus::Finished);
        QCOMPARE(got.rows.size(), std::size_t{5});
        QCOMPARE(paused.size(), 2);
    }

    void cancelDeliversTheStoppedRows()
    {
        auto started = std::make_shared<std::atomic<int>>(0);
        auto release = std::make_shared<std::atomic<bool>>(false);
        ExperimentJob job;
        Collected got;
        collect(job, got);
        QSignalSpy finished(&job, &ExperimentJob::finished);
        QVERIFY(job.start(waitingPlan(6, started, release), 2));
        QTRY_COMPARE_WITH_TIMEOUT(started->load(), 2, 5000);
        job.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(job.status(), ExperimentJobStatus::Cancelled);
        QVERIFY(job.outcome().cancelled);
        QCOMPARE(job.outcome().rows.size(), std::size_t{2});
        QCOMPARE(got.rows.size(), std::size_t{2});  // handed on although the promise was cancelled
        for (const engine::ExperimentRow& row : got.rows)
            QCOMPARE(row.status, engine::ExperimentRowStatus::Cancelled);
        QCOMPARE(started->load(), 2);
    }

    void cancelWhilePausedAndDestroyWhileRunning()
    {
        auto started = std::make_shared<std::atomic<int>>(0);
        auto release = std::make_shared<std::atomic<bool>>(true);
        {
            ExperimentJob job;
            QSignalSpy finished(&job, &ExperimentJob::finished);
            release->store(false);
            QVERIFY(job.start(waitingPlan(4, started, release), 1));
            QTRY_COMPARE_WITH_TIMEOUT(started->load(), 1, 5000);
            job.pause();
            release->store(true);
            QTest::qWait(50);
            job.cancel();
            QVERIFY(finished.wait(5000));
            QCOMPARE(job.status(), ExperimentJobStatus::Cancelled);
            QVERIFY(!job.isPaused());
        }
        release->store(false);
        auto job = std::make_unique<ExperimentJob>();
        QVERIFY(job->start(waitingPlan(4, started, release), 2));
        QTRY_VERIFY_WITH_TIMEOUT(started->load() >= 2, 5000);
        job.reset();  // the destructor cancels the running points and waits
        QVERIFY(true);
    }
};

QTEST_MAIN(TstExperimentJob)
#include "experiment_job.test.moc"
