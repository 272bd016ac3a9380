// SPDX-License-Identifier: MIT
// Tests of JobsPanel: Max-Cut jobs on local:fez and on the protocol emulator reach Completed with their analysis,
// cancel of a held job, offline re-analysis, delete, and handing the samples to the warm-start panel.
#include "panels/jobs_panel.h"

#include <QtTest>

#include "test_support.h"
#include "lcrp_test_instances.h"

#include "document/project_document.h"
#include "ibm_protocol_emulator.h"
#include "jobs/job_monitor.h"
#include "jobservice/job_analysis.h"
#include "models/job_table_model.h"
#include "panels/warmstart_panel.h"

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace workbench;

namespace {

engine::Instance smallMaxCut()
{
    engine::GraphInstance g;
    g.name = "ring5";
    g.graph = engine::WeightedGraph(5);
    for (std::size_t v = 0; v < 5; ++v)
        g.graph.addEdge(v, (v + 1) % 5);
    g.problem = engine::GraphProblem::MaxCut;
    return g;
}

engine::JobSubmission submissionFor(const std::string& backend)
{
    engine::JobSubmission s;
    s.instance = smallMaxCut();
    s.backend = backend;
    s.p = 1;
    s.shots = 500;
    s.seed = 3;
    s.instanceName = "ring5";
    return s;
}

JobsPanelOptions options(const QTemporaryDir& dir, std::shared_ptr<SecretBackend> secrets)
{
    JobsPanelOptions o;
    o.storePath = dir.filePath(QStringLiteral("jobs.sqlite"));
    o.secrets = std::move(secrets);
    o.externalAccount = std::nullopt;
    o.interactive = false;
    o.refreshIntervalMs = 100;
    return o;
}

QString statusOf(const JobsPanel& panel, std::int64_t id)
{
    const int row = panel.model()->rowOf(id);
    return row < 0 ? QString()
                   : panel.model()->data(panel.model()->index(row, JobTableModel::StatusColumn)).toString();
}

/// Submits and returns the new job's local id (0 when the submission failed).
std::int64_t submitAndWaitForRecord(JobsPanel& panel, const engine::JobSubmission& s)
{
    QSignalSpy submitted(&panel, &JobsPanel::jobSubmitted);
    QSignalSpy failed(&panel, &JobsPanel::submitFailed);
    panel.submit(s);
    if (!QTest::qWaitFor([&] { return submitted.count() + failed.count() > 0; }, 15000))
        return 0;
    if (failed.count() > 0) {
        qWarning() << failed.at(0).at(0).toString();
        return 0;
    }
    return submitted.at(0).at(0).toLongLong();
}

} // namespace

class TstJobsPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void localMaxCutCompletesWithAnalysis();
    void localLcrpShowsValidRateBesideTheBaseline();
    void emulatorJobCompletesAndCancels();
    void reanalysisAndDeleteOffline();

private:
    QTemporaryDir m_dir;
};

void TstJobsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_jobs_panel"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TstJobsPanel::localMaxCutCompletesWithAnalysis()
{
    QTemporaryDir dir;
    ProjectDocument document;
    JobsPanel panel(&document, options(dir, std::make_shared<MemorySecretBackend>()));
    QSignalSpy listed(&panel, &JobsPanel::backendsListed);
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 10000);
    QVERIFY(panel.backendNames().contains(QStringLiteral("local:fez")));
    QVERIFY(panel.backendNames().contains(QStringLiteral("local:ideal")));
    QCOMPARE(panel.backendTable()->rowCount(), panel.backendNames().size());

    const std::int64_t id = submitAndWaitForRecord(panel, submissionFor("local:fez"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(panel, id), QStringLiteral("Completed"), 10000);
    QCOMPARE(panel.selectedJob().value_or(0), id);
    QCOMPARE(panel.figureText(QStringLiteral("status")), QStringLiteral("Completed"));

    // The analysis shown is the stored one, and it is that of the stored results.
    engine::JobStore reader(dir.filePath(QStringLiteral("jobs.sqlite")).toStdString());
    const engine::JobRecord record = *reader.get(id);
    const nlohmann::json analysis = engine::analyzeJobRecord(record);
    QCOMPARE(analysis["shots"].get<double>(), 500.0);
    QCOMPARE(panel.figureText(QStringLiteral("bestEnergy")),
             QString::number(analysis["best_energy"].get<double>(), 'g', 8));
    QCOMPARE(panel.figureText(QStringLiteral("approximationRatio")),
             QString::number(analysis["approximation_ratio"].get<double>(), 'g', 4));
    const double ratio = analysis["approximation_ratio"].get<double>();
    QVERIFY(ratio > 0.0 && ratio <= 1.0);
    QCOMPARE(analysis["optimal_cut"].get<double>(), 4.0);  // an odd ring of 5 cuts at most 4 edges
    QVERIFY(panel.figureText(QStringLiteral("figures")).contains(QStringLiteral("500 shots")));
    QVERIFY(panel.historyTable()->rowCount() >= 4);  // Recorded, Submitting, Queued/Running, Completed
    QVERIFY(panel.reanalyzeButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());

    // "Open in warm start" hands the samples of the job to the warm-start panel.
    WarmstartPanel warmstart(&document);
    connect(&panel, &JobsPanel::openInWarmStartRequested, &warmstart, &WarmstartPanel::useJobSamples);
    QVERIFY(panel.openInWarmStart(id));
    QVERIFY(warmstart.jobSamples().has_value());
    QCOMPARE(warmstart.jobSamples()->total(), 500.0);
    QCOMPARE(warmstart.jobSamples()->numQubits(), std::size_t{5});
    QCOMPARE(warmstart.sourceBox()->currentIndex(), int(WarmstartPanel::InstanceSource::File));
    QCOMPARE(warmstart.backendBox()->currentText(), QStringLiteral("local:fez"));
    const WarmstartPipelineRequest request = warmstart.pipelineRequest();
    QVERIFY(request.options.samples.has_value());
    QCOMPARE(*request.options.samples, *warmstart.jobSamples());
    QVERIFY(std::holds_alternative<engine::GraphInstance>(request.instance));

    // A job without results cannot go there.
    const std::int64_t pending = reader.recordBeforeSubmit(engine::JobDraft{engine::JobProvider::Local, "local:fez",
                                                                            {}, nullptr, nullptr, {}, nullptr, {}});
    QVERIFY(!panel.openInWarmStart(pending));
    panel.shutdown();
}

void TstJobsPanel::localLcrpShowsValidRateBesideTheBaseline()
{
    QTemporaryDir dir;
    ProjectDocument document;
    JobsPanel panel(&document, options(dir, std::make_shared<MemorySecretBackend>()));
    engine::JobSubmission s = submissionFor("local:fez");
    s.instance = test_support::referenceLcrpInstance(2, 2, 1.0);
    s.instanceName = "lcrp-2x2";
    const std::int64_t id = submitAndWaitForRecord(panel, s);
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(panel, id), QStringLiteral("Completed"), 20000);

    engine::JobStore reader(dir.filePath(QStringLiteral("jobs.sqlite")).toStdString());
    const nlohmann::json analysis = engine::analyzeJobRecord(*reader.get(id));
    const double rate = analysis["valid_rate"].get<double>();
    const double baseline = analysis["random_valid_rate"].get<double>();
    QVERIFY(rate >= 0.0 && rate <= 1.0);
    QCOMPARE(baseline, 0.25);  // (M / 2^M)^N = (2/4)^2 for 2 tasks x 2 models
    // The panel shows the sample's valid rate and, beside it, the uniform-random baseline.
    const QString shown = panel.figureText(QStringLiteral("validRate"));
    QVERIFY2(shown.contains(QString::number(100.0 * baseline, 'f', 2)), qPrintable(shown));
    panel.shutdown();
}

void TstJobsPanel::emulatorJobCompletesAndCancels()
{
    ibmemu::EmulatorOptions emuOptions;
    emuOptions.backends = {"fez"};
    emuOptions.queuedSeconds = 0.1;
    emuOptions.runningSeconds = 0.1;
    ibmemu::IbmProtocolEmulator emulator(emuOptions);
    emulator.start();

    QTemporaryDir dir;
    auto secrets = std::make_shared<MemorySecretBackend>();
    JobsPanelOptions o = options(dir, secrets);
    ProjectDocument document;
    JobsPanel panel(&document, o);
    panel.monitor()->setPollTiming(0.05, 0.2);
    AccountEntry account;
    account.name = QStringLiteral("emulator");
    account.instanceCrn = QString::fromStdString(emuOptions.instanceCrn);
    account.apiUrl = QString::fromStdString(emulator.apiBaseUrl());
    account.iamUrl = QString::fromStdString(emulator.iamUrl());
    QCOMPARE(panel.accountStore().save(account, QString::fromStdString(emuOptions.apiKey)), QString());

    QSignalSpy listed(&panel, &JobsPanel::backendsListed);
    QVERIFY(panel.selectAccount(QStringLiteral("emulator")));
    QVERIFY(panel.figureText(QStringLiteral("account")).contains(QStringLiteral("us-east")));
    QTRY_VERIFY_WITH_TIMEOUT(panel.backendNames().contains(QStringLiteral("ibm_fez")), 10000);
    QVERIFY(panel.backendNames().contains(QStringLiteral("local:fez")));

    // Submitted, watched, completed with results and analysis; each change reaches the status line.
    QSignalSpy messages(&panel, &JobsPanel::statusMessage);
    const std::int64_t id = submitAndWaitForRecord(panel, submissionFor("ibm_fez"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(panel, id), QStringLiteral("Completed"), 15000);
    QTRY_VERIFY(!panel.monitor()->isWatching(id));
    bool sawCompleted = false;
    for (const QList<QVariant>& m : messages)
        sawCompleted = sawCompleted || m.at(0).toString().startsWith(QStringLiteral("Job %1: Completed").arg(id));
    QVERIFY(sawCompleted);
    QVERIFY(!panel.model()->data(panel.model()->index(panel.model()->rowOf(id), JobTableModel::RemoteIdColumn))
                 .toString()
                 .isEmpty());
    QTRY_VERIFY(panel.figureText(QStringLiteral("approximationRatio")) != QStringLiteral("–")
                && !panel.figureText(QStringLiteral("approximationRatio")).isEmpty());
    QVERIFY(panel.figureText(QStringLiteral("usage")).contains(QStringLiteral("s (")));
    QCOMPARE(emulator.jobsCreated(), std::size_t{1});

    // A job held in the queue is cancelled from the panel.
    emulator.holdJobsQueued(true);
    const std::int64_t held = submitAndWaitForRecord(panel, submissionFor("ibm_fez"));
    QVERIFY(held > 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(panel, held), QStringLiteral("Queued"), 10000);
    QVERIFY(panel.selectJob(held));
    QVERIFY(panel.cancelButton()->isEnabled());
    QSignalSpy actions(&panel, &JobsPanel::actionFinished);
    panel.cancelJob(held);
    QTRY_COMPARE_WITH_TIMEOUT(actions.count(), 1, 10000);
    QCOMPARE(actions.at(0).at(0).toString(), QStringLiteral("cancel"));
    QVERIFY(actions.at(0).at(1).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(panel, held), QStringLiteral("Cancelled"), 10000);
    QCOMPARE(panel.figureText(QStringLiteral("status")), QStringLiteral("Cancelled"));
    QTRY_VERIFY(!panel.monitor()->isWatching(held));
    emulator.holdJobsQueued(false);
    QCOMPARE(emulator.jobsCreated(), std::size_t{2});

    // An account whose key cannot be had leaves the panel local.
    QVERIFY(secrets->remove(AccountStore::secretKey(QStringLiteral("emulator"))).isEmpty());
    QVERIFY(!panel.selectAccount(QStringLiteral("emulator")));
    QCOMPARE(panel.accountBox()->currentIndex(), 0);
    QVERIFY(panel.monitor()->ibmClient() == nullptr);
    panel.shutdown();
}

void TstJobsPanel::reanalysisAndDeleteOffline()
{
    QTemporaryDir dir;
    ProjectDocument document;
    std::int64_t id = 0;
    nlohmann::json stored;
    {
        JobsPanel first(&document, options(dir, std::make_shared<MemorySecretBackend>()));
        id = submitAndWaitForRecord(first, submissionFor("local:ideal"));
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(first, id), QStringLiteral("Completed"), 10000);
        first.shutdown();
    }
    {
        engine::JobStore store(dir.filePath(QStringLiteral("jobs.sqlite")).toStdString());
        stored = store.get(id)->analysis;
        QVERIFY(stored.is_object());
        store.setAnalysis(id, nullptr);  // as if it had never been analysed
    }
    // A new session, no account, nothing sent anywhere: the results are analysed again from the store.
    JobsPanelOptions o = options(dir, std::make_shared<MemorySecretBackend>());
    o.listBackendsOnStart = false;
    JobsPanel panel(&document, o);
    QVERIFY(panel.selectJob(id));
    QCOMPARE(panel.figureText(QStringLiteral("bestEnergy")), QString());
    QSignalSpy actions(&panel, &JobsPanel::actionFinished);
    panel.reanalyzeJob(id);
    QTRY_COMPARE_WITH_TIMEOUT(actions.count(), 1, 10000);
    QVERIFY(actions.at(0).at(1).toBool());
    QCOMPARE(panel.figureText(QStringLiteral("bestEnergy")),
             QString::number(stored["best_energy"].get<double>(), 'g', 8));
    QCOMPARE(panel.figureText(QStringLiteral("approximationRatio")),
             QString::number(stored["approximation_ratio"].get<double>(), 'g', 4));
    {
        engine::JobStore store(dir.filePath(QStringLiteral("jobs.sqlite")).toStdString());
        QCOMPARE(store.get(id)->analysis, stored);  // deterministic: the same document again
    }

    panel.deleteJob(id);
    QTRY_COMPARE_WITH_TIMEOUT(actions.count(), 2, 10000);
    QCOMPARE(actions.at(1).at(0).toString(), QStringLiteral("delete"));
    QVERIFY(actions.at(1).at(1).toBool());
    QCOMPARE(panel.model()->rowOf(id), -1);
    QVERIFY(!panel.selectedJob());
    panel.shutdown();
}

QTEST_MAIN(TstJobsPanel)
#include "jobs_panel.test.moc"
