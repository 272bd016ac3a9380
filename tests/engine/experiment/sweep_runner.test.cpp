// SPDX-License-Identifier: MIT
// Tests of the sweep runner: rows equal the serial point runs, determinism across thread counts, live rows,
// progress, pause/resume, cancel and failed points.
#include "experiment/sweep_runner.h"

#include <QtTest>

#include "test_support.h"

#include "core/error.h"
#include "experiment/sweep_spec.h"

#include <atomic>
#include <mutex>
#include <set>
#include <chrono>
#include <thread>

using namespace engine;

namespace {

SweepSpec qaoaSweep()
{
    return parseSweepSpec(nlohmann::json::parse(R"({
        "kind": "qaoa",
        "instance": {"generate": {"tasks": 3, "models": 3, "seed": 42}},
        "settings": {"restarts": 1, "maxiter": 12, "shots": 200, "objective": "reference-v2", "seed": 3},
        "axes": [{"parameter": "p", "values": [1, 2]}, {"parameter": "mixer", "values": ["x", "xy"]},
                 {"parameter": "lambda_q", "values": [5, 40]}]
    })"),
                          "runner-test");
}

/// The rows without the seconds column (wall time differs between runs).
std::vector<std::string> comparable(const ExperimentHeader& header, const std::vector<ExperimentRow>& rows)
{
    const int seconds = header.metricIndex("seconds");
    std::vector<std::string> out;
    for (const ExperimentRow& row : rows) {
        std::string line = std::to_string(row.point) + "/" + std::to_string(row.sub) + ":";
        for (const ExperimentValue& v : row.axes)
            line += experimentValueText(v) + ",";
        for (std::size_t k = 0; k < row.metrics.size(); ++k)
            if (static_cast<int>(k) != seconds)
                line += experimentValueText(row.metrics[k]) + ",";
        line += experimentRowStatusName(row.status);
        out.push_back(line);
    }
    return out;
}

/// A plan of `n` synthetic points: point i waits until `release` (or cancel), records that it ran, and returns
/// one row whose single metric is i * i.
ExperimentPlan syntheticPlan(std::size_t n, std::atomic<int>& started, std::atomic<bool>& release)
{
    ExperimentPlan plan;
    plan.header = {"synthetic", {"i"}, {"square"}};
    for (std::size_t i = 0; i < n; ++i) {
        ExperimentPoint point;
        point.axisValues = {static_cast<double>(i)};
        point.run = [i, &started, &release](RunControl& control) {
            started.fetch_add(1);
            while (!release.load() && !control.isCancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ExperimentRow row;
            row.axes = {static_cast<double>(i)};
            row.metrics = {static_cast<double>(i * i)};
            if (control.isCancelled())
                row.status = ExperimentRowStatus::Cancelled;
            return std::vector<ExperimentRow>{row};
        };
        plan.points.push_back(std::move(point));
    }
    return plan;
}

bool waitFor(const std::function<bool()>& condition, int milliseconds = 5000)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

} // namespace

class TstSweepRunner : public QObject {
    Q_OBJECT

private slots:
    void rowsEqualTheSerialPointRuns()
    {
        const SweepSpec spec = qaoaSweep();
        const ExperimentHeader header = sweepHeader(spec);
        std::vector<ExperimentRow> serial;
        for (std::size_t i = 0; i < sweepPointCount(spec); ++i) {
            serial.push_back(runSweepPoint(spec, *spec.instance, i, 1));
            serial.back().point = i;
        }
        SweepRunner runner(planSweep(spec), 3);
        QCOMPARE(runner.threadCount(), 3);
        const std::vector<ExperimentRow> rows = runner.run();
        QCOMPARE(rows.size(), std::size_t{8});
        QCOMPARE(comparable(header, rows), comparable(header, serial));
    }

    void deterministicAcrossThreadCounts()
    {
        const SweepSpec spec = qaoaSweep();
        const ExperimentHeader header = sweepHeader(spec);
        SweepRunner one(planSweep(spec), 1);
        const std::vector<std::string> reference = comparable(header, one.run());
        for (int threads : {2, 4, 8}) {
            SweepRunner runner(planSweep(spec), threads);
            QCOMPARE(comparable(header, runner.run()), reference);
        }
        // Per-point seeds differ between points, so the optimiser starts differ too.
        std::set<std::string> seeds;
        for (const std::string& line : reference)
            seeds.insert(line.substr(line.rfind(',', line.rfind(',') - 1)));
        QVERIFY(seeds.size() > 1);
    }

    void liveRowsAndProgress()
    {
        std::atomic<int> started{0};
        std::atomic<bool> release{true};
        SweepRunner runner(syntheticPlan(10, started, release), 3);
        std::vector<std::size_t> delivered;
        runner.setRowCallback([&](const ExperimentRow& row) { delivered.push_back(row.point); });
        RunControl control;
        std::mutex mutex;
        double lastDone = -1.0;
        double lastTotal = 0.0;
        bool stagesOk = true;
        control.setProgressCallback([&](double done, double total, std::string_view stage) {
            const std::lock_guard lock(mutex);
            stagesOk = stagesOk && stage == "points";
            lastDone = std::max(lastDone, done);
            lastTotal = total;
        });
        const std::vector<ExperimentRow> rows = runner.run(control);
        QCOMPARE(rows.size(), std::size_t{10});
        QCOMPARE(delivered.size(), std::size_t{10});
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].point, i);
            QCOMPARE(experimentValueNumber(rows[i].metrics[0]), static_cast<double>(i * i));
        }
        QVERIFY(stagesOk);
        QCOMPARE(lastDone, 10.0);
        QCOMPARE(lastTotal, 10.0);
        QCOMPARE(runner.pointsDone(), std::size_t{10});
    }

    void pauseStopsNewPointsUntilResumed()
    {
        std::atomic<int> started{0};
        std::atomic<bool> release{false};
        SweepRunner runner(syntheticPlan(6, started, release), 2);
        std::vector<ExperimentRow> rows;
        std::thread thread([&] { rows = runner.run(); });
        QVERIFY(waitFor([&] { return started.load() == 2; }));
        runner.pause();
        QVERIFY(runner.isPaused());
        release.store(true);  // the two running points finish; no new one may start
        QVERIFY(waitFor([&] { return runner.pointsDone() == 2; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        QCOMPARE(started.load(), 2);
        runner.resume();
        thread.join();
        QCOMPARE(started.load(), 6);
        QCOMPARE(rows.size(), std::size_t{6});
        for (const ExperimentRow& row : rows)
            QCOMPARE(row.status, ExperimentRowStatus::Ok);
    }

    void cancelStopsRunningPointsAndSkipsTheRest()
    {
        std::atomic<int> started{0};
        std::atomic<bool> release{false};
        SweepRunner runner(syntheticPlan(8, started, release), 2);
        std::vector<ExperimentRow> rows;
        std::thread thread([&] { rows = runner.run(); });
        QVERIFY(waitFor([&] { return started.load() == 2; }));
        runner.cancel();
        thread.join();
        QCOMPARE(started.load(), 2);
        QCOMPARE(rows.size(), std::size_t{2});
        for (const ExperimentRow& row : rows)
            QCOMPARE(row.status, ExperimentRowStatus::Cancelled);
    }

    void cancelWhilePausedAndFromTheOuterControl()
    {
        std::atomic<int> started{0};
        std::atomic<bool> release{true};
        {
            SweepRunner runner(syntheticPlan(4, started, release), 1);
            runner.pause();
            std::vector<ExperimentRow> rows;
            std::thread thread([&] { rows = runner.run(); });
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
            runner.cancel();
            thread.join();
            QVERIFY(rows.empty());
            QCOMPARE(started.load(), 0);
        }
        release.store(false);
        SweepRunner runner(syntheticPlan(4, started, release), 1);
        RunControl control;
        std::thread thread([&] {
            waitFor([&] { return started.load() == 1; });
            control.requestCancel();
        });
        const std::vector<ExperimentRow> rows = runner.run(control);
        thread.join();
        QCOMPARE(rows.size(), std::size_t{1});
        QCOMPARE(rows[0].status, ExperimentRowStatus::Cancelled);
        QVERIFY(runner.isCancelled());
    }

    void cancelledQaoaPointIsMarked()
    {
        SweepSpec spec = qaoaSweep();
        // 10^4 restarts of up to 10^3 evaluations: seconds of work even on an idle machine, cancelled at 100 ms.
        spec.settings["maxiter"] = 1000;
        spec.settings["restarts"] = 10000;
        spec.axes = {{"p", {1}}};
        SweepRunner runner(planSweep(spec), 1);
        std::thread thread([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            runner.cancel();
        });
        const std::vector<ExperimentRow> rows = runner.run();
        thread.join();
        QCOMPARE(rows.size(), std::size_t{1});
        QCOMPARE(rows[0].status, ExperimentRowStatus::Cancelled);
    }

    void failedPointGivesAFailedRowAndTheOthersRun()
    {
        ExperimentPlan plan;
        plan.header = {"synthetic", {"i"}, {"value"}};
        for (int i = 0; i < 3; ++i) {
            ExperimentPoint point;
            point.axisValues = {static_cast<double>(i)};
            point.run = [i](RunControl&) -> std::vector<ExperimentRow> {
                if (i == 1)
                    throw Error(ErrorCode::InvalidArgument, "no such thing", "somewhere");
                ExperimentRow row;
                row.axes = {static_cast<double>(i)};
                row.metrics = {1.0};
                return {row};
            };
            plan.points.push_back(std::move(point));
        }
        SweepRunner runner(std::move(plan), 2);
        const std::vector<ExperimentRow> rows = runner.run();
        QCOMPARE(rows.size(), std::size_t{3});
        QCOMPARE(rows[1].status, ExperimentRowStatus::Failed);
        QCOMPARE(rows[1].error, std::string("somewhere: no such thing"));
        QCOMPARE(experimentValueNumber(rows[1].axes[0]), 1.0);
        QVERIFY(std::holds_alternative<std::monostate>(rows[1].metrics[0]));
        QCOMPARE(rows[2].status, ExperimentRowStatus::Ok);
    }

    void threadCountIsClamped()
    {
        std::atomic<int> started{0};
        std::atomic<bool> release{true};
        QCOMPARE(SweepRunner(syntheticPlan(3, started, release), 16).threadCount(), 3);
        QVERIFY(SweepRunner(syntheticPlan(300, started, release), 0).threadCount() >= 1);
        QCOMPARE(SweepRunner(syntheticPlan(300, started, release), 100000).threadCount(), MAX_SWEEP_THREADS);
    }
};

QTEST_APPLESS_MAIN(TstSweepRunner)
#include "sweep_runner.test.moc"
