// SPDX-License-Identifier: MIT
// Tests of BundleJob: the three steps arrive in order with the engine's report, progress and stage texts, cancel
// during the recomputation, errors attributed to their step, and the trace replay switch.
#include "bundle/bundle_job.h"

#include <QtTest>

#include "test_support.h"

#include "bundle_fixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace workbench;

namespace {

constexpr int JOB_TIMEOUT_MS = 60000;

QString writeBundle(const QTemporaryDir& dir, const engine::Bundle& bundle, const QString& name)
{
    const QString path = dir.filePath(name);
    engine::writeBundle(bundle, path.toStdString());
    return path;
}

engine::Bundle smallRun()
{
    return bundle_fixtures::qaoaBundle(bundle_fixtures::maxCutInstance(6, 2), bundle_fixtures::qaoaOptions(1, 2, 12));
}

} // namespace

class TstBundleJob : public QObject {
    Q_OBJECT

private slots:
    void stepsArriveInOrderWithTheEnginesReport()
    {
        QTemporaryDir dir;
        const QString path = writeBundle(dir, smallRun(), QStringLiteral("run.qwbundle"));
        BundleJob job;
        QStringList order;
        connect(&job, &BundleJob::bundleRead, &job, [&] { order << QStringLiteral("read"); });
        connect(&job, &BundleJob::verified, &job, [&] { order << QStringLiteral("verified"); });
        connect(&job, &BundleJob::plotsReady, &job, [&] { order << QStringLiteral("plots"); });
        connect(&job, &BundleJob::finished, &job, [&] { order << QStringLiteral("finished"); });
        QSignalSpy finished(&job, &BundleJob::finished);
        QSignalSpy progress(&job, &BundleJob::progressChanged);
        QSignalSpy stages(&job, &BundleJob::stageChanged);
        QVERIFY(job.start(path));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(path));  // one at a time
        QVERIFY(finished.wait(JOB_TIMEOUT_MS));

        QCOMPARE(order, (QStringList{QStringLiteral("read"), QStringLiteral("verified"), QStringLiteral("plots"),
                                     QStringLiteral("finished")}));
        QCOMPARE(job.status(), BundleJobStatus::Finished);
        const BundleOutcome& outcome = job.outcome();
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.path, path);
        QVERIFY(outcome.bundle && outcome.report && outcome.plots);
        QCOMPARE(outcome.members.size(), outcome.bundle->files.size());
        QVERIFY(outcome.instance && outcome.instance->kind == "graph" && outcome.instance->vertices == 6);
        const engine::BundleVerifyReport direct = engine::verifyBundleFile(path.toStdString());
        QCOMPARE(outcome.report->ok, direct.ok);
        QCOMPARE(outcome.report->checks.size(), direct.checks.size());
        QCOMPARE(outcome.report->failedCount(), std::size_t{0});
        QVERIFY(outcome.plots->traceReplayed);
        // Progress only rises, ends at the maximum; each step announced its stage.
        QVERIFY(!progress.isEmpty());
        int last = -1;
        for (const QList<QVariant>& p : progress) {
            QVERIFY(p.at(0).toInt() >= last);
            last = p.at(0).toInt();
            QCOMPARE(p.at(1).toInt(), BundleJob::PROGRESS_MAXIMUM);
        }
        QCOMPARE(last, BundleJob::PROGRESS_MAXIMUM);
        QStringList texts;
        for (const QList<QVariant>& s : stages)
            texts << s.at(0).toString();
        QCOMPARE(texts, (QStringList{bundleJobStageText(BundleJobStage::Read), bundleJobStageText(BundleJobStage::Verify),
                                     bundleJobStageText(BundleJobStage::Plots)}));
    }

    // A recorded budget far beyond the stored run keeps the recomputation busy; cancel ends it without an error
    // and without a report.
    void cancelDuringTheRecomputation()
    {
        QTemporaryDir dir;
        engine::Bundle bundle = bundle_fixtures::qaoaBundle(bundle_fixtures::maxCutInstance(12, 3),
                                                            bundle_fixtures::qaoaOptions(2, 1, 5));
        bundle.settings["optimizer"]["restarts"] = 64;
        bundle.settings["optimizer"]["evaluationsPerRestart"] = 5000;
        const QString path = writeBundle(dir, bundle, QStringLiteral("long.qwbundle"));
        BundleJob job;
        QSignalSpy finished(&job, &BundleJob::finished);
        connect(&job, &BundleJob::bundleRead, &job, [&] { job.cancel(); });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(job.start(path));
        QVERIFY(finished.wait(JOB_TIMEOUT_MS));
        QCOMPARE(job.status(), BundleJobStatus::Cancelled);
        QVERIFY(!job.outcome().error);
        QVERIFY(job.outcome().bundle != nullptr);
        QVERIFY(job.outcome().report == nullptr);
        QVERIFY(job.outcome().plots == nullptr);
        QVERIFY2(clock.elapsed() < 20000, "cancel was not honoured promptly");

        // Cancel right after the start: nothing runs to the end.
        QVERIFY(job.start(path));
        job.cancel();
        QVERIFY(finished.wait(JOB_TIMEOUT_MS));
        QCOMPARE(job.status(), BundleJobStatus::Cancelled);
        QVERIFY(job.outcome().report == nullptr);
    }

    // Unusable settings fail the verification step, naming the JSON pointer; the read step's results stay.
    void errorsNameTheirStep()
    {
        QTemporaryDir dir;
        engine::Bundle bundle = smallRun();
        bundle.settings["mixer"] = "zz";
        const QString path = writeBundle(dir, bundle, QStringLiteral("bad-settings.qwbundle"));
        BundleJob job;
        QSignalSpy finished(&job, &BundleJob::finished);
        QVERIFY(job.start(path));
        QVERIFY(finished.wait(JOB_TIMEOUT_MS));
        QCOMPARE(job.status(), BundleJobStatus::Failed);
        QVERIFY(job.outcome().error.has_value());
        QCOMPARE(job.outcome().error->stage, BundleJobStage::Verify);
        QCOMPARE(job.outcome().error->code, engine::ErrorCode::InvalidInput);
        QVERIFY2(job.outcome().error->message.find("manifest.json:/settings/mixer") != std::string::npos,
                 job.outcome().error->message.c_str());
        QVERIFY(job.outcome().bundle != nullptr);

        const QString garbage = dir.filePath(QStringLiteral("garbage.qwbundle"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x1f\x8b not really gzip");
        file.close();
        QVERIFY(job.start(garbage));
        QVERIFY(finished.wait(JOB_TIMEOUT_MS));
        QCOMPARE(job.status(), BundleJobStatus::Failed);
        QCOMPARE(job.outcome().error->stage, BundleJobStage::Read);
        QVERIFY(job.outcome().error->message.find(garbage.toStdString()) != std::string::npos);
        QVERIFY(job.outcome().bundle == nullptr);
        QVERIFY(job.outcome().members.empty());
    }

    void traceReplayCanBeSwitchedOff()
    {
        QTemporaryDir dir;
        const QString path = writeBundle(dir, smallRun(), QStringLiteral("run.qwbundle"));
        BundleJob job;
        QSignalSpy finished(&job, &BundleJob::finished);
        BundleJobOptions options;
        options.plots.replayTrace = false;
        options.plots.landscapeSteps = 0;
        QVERIFY(job.start(path, options));
        QVERIFY(finished.wait(JOB_TIMEOUT_MS));
        QCOMPARE(job.status(), BundleJobStatus::Finished);
        QVERIFY(job.outcome().plots->trace.empty());
        QVERIFY(!job.outcome().plots->traceReplayed);
        QVERIFY(!job.outcome().plots->landscape.has_value());
        QVERIFY(job.outcome().report->ok);
    }
};

QTEST_MAIN(TstBundleJob)
#include "bundle_job.test.moc"
