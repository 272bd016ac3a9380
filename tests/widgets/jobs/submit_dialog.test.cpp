// SPDX-License-Identifier: MIT
// Tests of SubmitDialog: the submission its editors build, and the off-thread estimate against prepareJob.
#include "jobs/submit_dialog.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "emulator/local_backend.h"
#include "jobs/job_monitor.h"
#include "lcrp/lcrp_generator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
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

} // namespace

class TstSubmitDialog : public QObject {
    Q_OBJECT

private slots:
    void buildsTheSubmission();
    void badOptionsAreRefused();
    void estimateShowsPreparedFigures();
};

void TstSubmitDialog::buildsTheSubmission()
{
    ProjectDocument document;
    engine::LcrpGeneratorOptions lcrp;
    lcrp.numTasks = 2;
    lcrp.numModels = 2;
    lcrp.seed = 5;
    document.reset(ProjectData{engine::generateLcrp(lcrp), WorkbenchSettings{}}, QString());
    JobMonitor monitor;
    SubmitDialog dialog(&document, &monitor);
    dialog.setBackends({QStringLiteral("local:fez"), QStringLiteral("local:ideal"), QStringLiteral("ibm_fez")});

    // The project's LCRP instance by default.
    engine::JobSubmission s = dialog.submission();
    QVERIFY(std::holds_alternative<engine::LcrpInstance>(s.instance));
    QCOMPARE(s.backend, std::string("local:fez"));
    QCOMPARE(s.angleMethod, engine::JobAngles::Predicted);
    QVERIFY(dialog.figureText(QStringLiteral("instance")).startsWith(QStringLiteral("LCRP: 2 tasks")));
    // Sampler options only for IBM backends.
    QVERIFY(!dialog.decouplingBox()->isEnabled());
    dialog.backendBox()->setCurrentIndex(dialog.backendBox()->findText(QStringLiteral("ibm_fez")));
    QVERIFY(dialog.decouplingBox()->isEnabled());

    dialog.setInstance(smallMaxCut(), QStringLiteral("ring5.json"));
    dialog.depthBox()->setValue(2);
    dialog.shotsBox()->setValue(321);
    dialog.anglesBox()->setCurrentIndex(dialog.anglesBox()->findData(int(engine::JobAngles::Fixed)));
    dialog.gammasEdit()->setText(QStringLiteral("0.1, 0.2"));
    dialog.betasEdit()->setText(QStringLiteral("-0.3,0.4"));
    dialog.seedBox()->setValue(9);
    dialog.decouplingBox()->setCurrentIndex(dialog.decouplingBox()->findData(QStringLiteral("XY4")));
    dialog.twirlingBox()->setChecked(true);
    dialog.maxTimeBox()->setValue(120);
    dialog.tagsEdit()->setText(QStringLiteral("run-a, , run b"));
    s = dialog.submission();
    QVERIFY(std::holds_alternative<engine::GraphInstance>(s.instance));
    QCOMPARE(s.backend, std::string("ibm_fez"));
    QCOMPARE(s.p, std::size_t{2});
    QCOMPARE(s.shots, std::uint64_t{321});
    QCOMPARE(s.angleMethod, engine::JobAngles::Fixed);
    QCOMPARE(s.angles.gammas, (std::vector<double>{0.1, 0.2}));
    QCOMPARE(s.angles.betas, (std::vector<double>{-0.3, 0.4}));
    QCOMPARE(s.seed, std::uint64_t{9});
    QCOMPARE(s.dynamicalDecoupling, std::string("XY4"));
    QVERIFY(s.twirling);
    QCOMPARE(s.maxExecutionSeconds.value_or(0), 120);
    QCOMPARE(s.tags, (std::vector<std::string>{"run-a", "run b"}));
    QCOMPARE(s.instanceName, std::string("ring5.json"));
    QVERIFY(dialog.figureText(QStringLiteral("instance")).contains(QStringLiteral("5 vertices, 5 edges")));

    // The chosen backend survives a new list that still has it.
    dialog.setBackends({QStringLiteral("local:fez"), QStringLiteral("ibm_fez")});
    QCOMPARE(dialog.backendBox()->currentText(), QStringLiteral("ibm_fez"));
}

void TstSubmitDialog::badOptionsAreRefused()
{
    JobMonitor monitor;
    SubmitDialog dialog(nullptr, &monitor);
    QVERIFY_THROWS_EXCEPTION(engine::Error, dialog.submission());  // no instance yet
    QVERIFY(!dialog.estimate());
    QVERIFY(!dialog.figureText(QStringLiteral("message")).isEmpty());
    dialog.setInstance(smallMaxCut(), QStringLiteral("ring5"));
    dialog.anglesBox()->setCurrentIndex(dialog.anglesBox()->findData(int(engine::JobAngles::Fixed)));
    dialog.gammasEdit()->setText(QStringLiteral("0.1, x"));
    dialog.betasEdit()->setText(QStringLiteral("0.2"));
    QVERIFY_THROWS_EXCEPTION(engine::Error, dialog.submission());
    dialog.gammasEdit()->setText(QStringLiteral("0.1, 0.2"));  // two gammas for p = 1
    QVERIFY_THROWS_EXCEPTION(engine::Error, dialog.submission());
    dialog.gammasEdit()->setText(QStringLiteral("0.1"));
    QCOMPARE(dialog.submission().angles.gammas, std::vector<double>{0.1});
}

void TstSubmitDialog::estimateShowsPreparedFigures()
{
    QTemporaryDir dir;
    JobMonitor monitor;
    monitor.configure(dir.filePath(QStringLiteral("jobs.sqlite")), nullptr);
    SubmitDialog dialog(nullptr, &monitor);
    dialog.setBackends({QStringLiteral("local:fez")});
    dialog.setInstance(smallMaxCut(), QStringLiteral("ring5"));
    dialog.shotsBox()->setValue(2000);
    QSignalSpy estimated(&dialog, &SubmitDialog::estimated);
    QVERIFY(dialog.estimate());
    QVERIFY(!dialog.estimateButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(estimated.count(), 1, 15000);
    QVERIFY2(estimated.at(0).at(0).toBool(), qPrintable(dialog.figureText(QStringLiteral("message"))));
    QVERIFY(dialog.prepared().has_value());

    // The reference: the engine's own preparation of the same submission.
    const engine::JobSubmission s = dialog.submission();
    const engine::PreparedJob reference =
        engine::prepareJob(s, engine::localBackend("local:fez").device, engine::JobProvider::Local);
    QCOMPARE(dialog.prepared()->qasm, reference.qasm);
    QCOMPARE(dialog.figureText(QStringLiteral("twoQubitGates")), QString::number(reference.figures.twoQubitGates));
    QVERIFY(reference.figures.twoQubitGates >= 5);  // one ZZ per edge needs at least one two-qubit gate
    QCOMPARE(dialog.figureText(QStringLiteral("swaps")), QString::number(reference.figures.swaps));
    QCOMPARE(dialog.figureText(QStringLiteral("fidelity")),
             QString::number(reference.figures.estimatedFidelity, 'g', 3));
    QCOMPARE(dialog.figureText(QStringLiteral("qpuEstimate")),
             QStringLiteral("%1 s").arg(reference.estimatedQpuSeconds, 0, 'f', 1));
    QCOMPARE(dialog.figureText(QStringLiteral("monthUsage")), QStringLiteral("0.0 s used of 600 s, 600.0 s left"));

    // Any change drops the estimate.
    dialog.shotsBox()->setValue(2001);
    QVERIFY(!dialog.prepared().has_value());
    QCOMPARE(dialog.figureText(QStringLiteral("twoQubitGates")), QStringLiteral("–"));
    QVERIFY(monitor.waitForIdle(5000));
}

QTEST_MAIN(TstSubmitDialog)
#include "submit_dialog.test.moc"
