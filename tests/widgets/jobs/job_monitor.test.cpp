// SPDX-License-Identifier: MIT
// Tests of JobMonitor: pushed status changes of a watched job, service calls and their failures, resume, cancel.
#include "jobs/job_monitor.h"

#include <QtTest>

#include "test_support.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <atomic>

using namespace workbench;

namespace {

engine::JobDraft localDraft()
{
    engine::JobDraft d;
    d.provider = engine::JobProvider::Local;
    d.backend = "local:fez";
    return d;
}

} // namespace

class TstJobMonitor : public QObject {
    Q_OBJECT

private slots:
    void watchPushesEveryChange();
    void callsDeliverValuesAndErrors();
    void resumeMarksInterruptedLocalJobs();
    void cancelStopsAWatch();
};

void TstJobMonitor::watchPushesEveryChange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    engine::JobStore writer(path.toStdString());
    const std::int64_t id = writer.recordBeforeSubmit(localDraft());
    writer.markSubmitting(id);
    writer.appendStatus(id, engine::JobState::Queued);

    JobMonitor monitor;
    monitor.configure(path, nullptr);
    monitor.setPollTiming(0.01, 0.02);
    QSignalSpy changed(&monitor, &JobMonitor::jobChanged);
    QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
    monitor.watch(id);
    monitor.watch(id);  // already watched: no second worker
    QVERIFY(monitor.isWatching(id));
    QCOMPARE(monitor.activeCount(), 1);
    QTRY_COMPARE(changed.count(), 1);  // the state at the start
    QCOMPARE(changed.at(0).at(1).toInt(), int(engine::JobState::Queued));

    // Changes written by another connection (the CLI, another thread) are pushed as they happen.
    writer.appendStatus(id, engine::JobState::Running, "on the emulator");
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(1).toInt(), int(engine::JobState::Running));
    QCOMPARE(changed.at(1).at(2).toString(), QStringLiteral("on the emulator"));
    QCOMPARE(finished.count(), 0);
    writer.appendStatus(id, engine::JobState::Completed);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(changed.at(2).at(1).toInt(), int(engine::JobState::Completed));
    QCOMPARE(finished.at(0).at(0).toLongLong(), id);
    QCOMPARE(finished.at(0).at(1).toInt(), int(engine::JobState::Completed));
    QVERIFY(!monitor.isWatching(id));
    QVERIFY(monitor.waitForIdle(5000));
}

void TstJobMonitor::callsDeliverValuesAndErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    JobMonitor monitor;
    monitor.configure(path, nullptr);

    std::optional<ServiceOutcome<std::size_t>> counted;
    monitor.call<std::size_t>(
        [](engine::JobService& service, engine::RunControl&) {
            engine::JobDraft d = localDraft();
            service.store().recordBeforeSubmit(d);
            service.store().recordBeforeSubmit(d);
            return service.store().count();
        },
        &monitor, [&counted](const ServiceOutcome<std::size_t>& o) { counted = o; });
    QTRY_VERIFY(counted.has_value());
    QVERIFY(counted->succeeded);
    QCOMPARE(counted->value, std::size_t{2});

    // An engine error becomes a failed outcome with its code and text.
    std::optional<ServiceOutcome<int>> failed;
    monitor.call<int>(
        [](engine::JobService& service, engine::RunControl&) {
            service.get(12345);
            return 1;
        },
        &monitor, [&failed](const ServiceOutcome<int>& o) { failed = o; });
    QTRY_VERIFY(failed.has_value());
    QVERIFY(!failed->succeeded);
    QVERIFY(!failed->cancelled);
    QCOMPARE(failed->errorCode, engine::ErrorCode::InvalidArgument);
    QVERIFY(failed->errorMessage.find("12345") != std::string::npos);

    // A destroyed context never hears back.
    bool called = false;
    auto* context = new QObject;
    monitor.call<int>([](engine::JobService&, engine::RunControl&) { return 3; }, context,
                      [&called](const ServiceOutcome<int>&) { called = true; });
    delete context;
    QVERIFY(monitor.waitForIdle(5000));
    QVERIFY(!called);

    // A store that cannot be opened fails every call cleanly.
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    monitor.configure(dir.filePath(QStringLiteral("blocker/jobs.sqlite")), nullptr);
    std::optional<ServiceOutcome<int>> broken;
    monitor.call<int>([](engine::JobService&, engine::RunControl&) { return 1; }, &monitor,
                      [&broken](const ServiceOutcome<int>& o) { broken = o; });
    QTRY_VERIFY(broken.has_value());
    QVERIFY(!broken->succeeded);
    QVERIFY(!broken->errorMessage.empty());
}

void TstJobMonitor::resumeMarksInterruptedLocalJobs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    std::int64_t interrupted = 0;
    {
        engine::JobStore writer(path.toStdString());
        interrupted = writer.recordBeforeSubmit(localDraft());
        writer.markSubmitting(interrupted);
        writer.appendStatus(interrupted, engine::JobState::Running);
    }
    JobMonitor monitor;
    monitor.configure(path, nullptr);
    QSignalSpy resumed(&monitor, &JobMonitor::resumed);
    monitor.resumeUnfinished();
    QTRY_COMPARE(resumed.count(), 1);
    QVERIFY(resumed.at(0).at(0).toString().contains(QString::number(interrupted)));
    QVERIFY(monitor.waitForIdle(5000));
    engine::JobStore reader(path.toStdString());
    QCOMPARE(reader.get(interrupted)->status, engine::JobState::Failed);
    QVERIFY(reader.unfinished().empty());

    // Nothing left: the summary says so.
    monitor.resumeUnfinished();
    QTRY_COMPARE(resumed.count(), 2);
    QCOMPARE(resumed.at(1).at(0).toString(), QStringLiteral("No unfinished jobs to resume."));
}

void TstJobMonitor::cancelStopsAWatch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.sqlite"));
    engine::JobStore writer(path.toStdString());
    const std::int64_t id = writer.recordBeforeSubmit(localDraft());
    writer.markSubmitting(id);
    writer.appendStatus(id, engine::JobState::Queued);
    auto monitor = std::make_unique<JobMonitor>();
    monitor->configure(path, nullptr);
    monitor->setPollTiming(0.01, 0.02);
    QSignalSpy changed(monitor.get(), &JobMonitor::jobChanged);
    QSignalSpy finished(monitor.get(), &JobMonitor::jobFinished);
    QSignalSpy failed(monitor.get(), &JobMonitor::failed);
    monitor->watch(id);
    QTRY_COMPARE(changed.count(), 1);
    monitor->unwatch(id);
    QTRY_VERIFY(!monitor->isWatching(id));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    // The job itself is untouched, and shutdown with a running watch returns.
    QCOMPARE(writer.get(id)->status, engine::JobState::Queued);
    monitor->watch(id);
    QTRY_COMPARE(changed.count(), 2);
    monitor->shutdown();
    QCOMPARE(monitor->activeCount(), 0);
    monitor.reset();
    QCOMPARE(writer.get(id)->status, engine::JobState::Queued);
}

QTEST_MAIN(TstJobMonitor)
#include "job_monitor.test.moc"
