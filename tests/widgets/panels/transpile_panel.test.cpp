// SPDX-License-Identifier: MIT
// Tests of TranspilePanel: the example project transpiled to fez fills figures and tabs, linking, save, cancel, reset.
#include "panels/transpile_panel.h"

#include <QtTest>

#include "test_support.h"

#include "temp_files.h"

#include "circuit/circuit_view.h"
#include "circuit/qasm.h"
#include "document/project_document.h"
#include "routing/routing_view.h"

#include <QCheckBox>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include <algorithm>

using namespace workbench;

namespace {

const QString EXAMPLE = QStringLiteral(QAOA_SOURCE_DIR "/resources/examples/paper-4x3.qwproj");

} // namespace

class TstTranspilePanel : public QObject {
    Q_OBJECT

private slots:
    void transpilesTheExampleToFez();
    void settingsRoundTrip();
    void cancelWorks();
};

void TstTranspilePanel::transpilesTheExampleToFez()
{
    ProjectDocument document;
    document.load(EXAMPLE);
    TranspilePanel panel(&document);
    panel.resize(1300, 700);
    QCOMPARE(panel.settings().backend, std::string("fez"));
    QVERIFY(!panel.saveButton()->isEnabled());
    QVERIFY(panel.figureText(QStringLiteral("qubits")).startsWith(QStringLiteral("18 ")));

    QSignalSpy finished(panel.job(), &TranspileJob::finished);
    QSignalSpy started(&panel, &TranspilePanel::runStarted);
    QSignalSpy message(&panel, &TranspilePanel::statusMessage);
    QSignalSpy available(&panel, &TranspilePanel::resultAvailable);
    QTest::mouseClick(panel.runButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QVERIFY(!panel.runButton()->isEnabled());
    QVERIFY(panel.cancelButton()->isEnabled());
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel.job()->status(), TranspileJobStatus::Finished);
    QCOMPARE(message.count(), 1);
    QCOMPARE(available.count(), 1);
    QVERIFY(panel.hasResult());
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QVERIFY(panel.saveButton()->isEnabled());
    QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());

    // Figures: exactly the result's numbers.
    const TranspileOutcome& outcome = panel.job()->outcome();
    const engine::TranspileResult& r = outcome.result;
    const QLocale locale;
    QCOMPARE(panel.figureText(QStringLiteral("status")), QStringLiteral("finished"));
    QVERIFY(panel.figureText(QStringLiteral("device")).contains(QStringLiteral("fez")));
    const QString swaps = locale.toString(qulonglong(r.swaps)) + QLatin1Char(' ');
    QVERIFY(panel.figureText(QStringLiteral("swaps")).startsWith(swaps));
    QCOMPARE(panel.figureText(QStringLiteral("twoQubitGates")), locale.toString(qulonglong(r.twoQubitGates)));
    QCOMPARE(panel.figureText(QStringLiteral("depth")), locale.toString(qulonglong(r.depth)));
    QCOMPARE(panel.figureText(QStringLiteral("twoQubitDepth")), locale.toString(qulonglong(r.twoQubitDepth)));
    QCOMPARE(panel.figureText(QStringLiteral("fidelity")), locale.toString(r.estimatedFidelity, 'g', 4));
    QVERIFY(panel.figureText(QStringLiteral("time")).contains(locale.toString(r.seconds, 'f', 3)));
    QVERIFY(panel.figureText(QStringLiteral("layout")).startsWith(QStringLiteral("0 → %1").arg(r.layout[0])));
    QVERIFY(r.twoQubitGates > 0);
    QVERIFY(r.estimatedFidelity > 0.0 && r.estimatedFidelity < 1.0);

    // Tabs: the three circuits and the routing.
    QCOMPARE(panel.tabs()->count(), 3);
    QCOMPARE(panel.logicalView()->circuit().size(), r.logical.size());
    QVERIFY(!panel.logicalView()->circuit().isPhysical());
    QCOMPARE(panel.logicalView()->wireCount(), 18);
    QCOMPARE(panel.isaView()->circuit().size(), r.isa.size());
    QVERIFY(panel.isaView()->circuit().isPhysical());
    QCOMPARE(panel.routedView()->circuit().size(), r.routed.size());
    // The diagrams were laid out on the worker with the views' font: the views show those layouts as they are.
    const TranspileOutcome& shown = panel.job()->outcome();
    QVERIFY(shown.logicalLayout && shown.isaLayout && shown.routedLayout);
    QCOMPARE(panel.logicalView()->layout(), shown.logicalLayout);
    QCOMPARE(panel.isaView()->layout(), shown.isaLayout);
    QCOMPARE(panel.routedView()->layout(), shown.routedLayout);
    QCOMPARE(panel.request().circuitFont, panel.isaView()->fontDescription());
    QCOMPARE(panel.routingView()->device().numQubits, 156u);
    QVERIFY(panel.routingView()->stepCount() > 0);
    QCOMPARE(panel.routingView()->layoutAt(0), r.layout);
    QCOMPARE(panel.routingView()->layoutAt(panel.routingView()->stepCount()), r.finalPermutation);

    // Linking: every position highlights exactly the routed operations of its steps.
    RoutingView* routing = panel.routingView();
    int withSwap = -1;
    for (int k = 1; k <= routing->stepCount(); ++k) {
        routing->setCurrentStep(k);
        std::vector<std::size_t> expected;
        for (std::size_t flat : routing->stepIndicesAt(k))
            expected.insert(expected.end(), outcome.stepOperations[flat].begin(), outcome.stepOperations[flat].end());
        std::sort(expected.begin(), expected.end());
        QVERIFY(!expected.empty());
        QCOMPARE(panel.routedView()->highlightedOperations(), expected);
        for (const engine::RoutingStep& s : routing->stepsAt(k))
            if (s.kind != engine::RoutingStep::Kind::Term && withSwap < 0)
                withSwap = k;
    }
    if (r.swaps > 0) {
        QVERIFY(withSwap > 0);
        routing->setCurrentStep(withSwap);
        bool swapGates = false;
        for (std::size_t op : panel.routedView()->highlightedOperations())
            swapGates = swapGates || r.routed.operations()[op].gate == engine::GateId::SWAP
                || r.routed.operations()[op].gate == engine::GateId::CX;
        QVERIFY(swapGates);
    }
    routing->setCurrentStep(0);
    QVERIFY(panel.routedView()->highlightedOperations().empty());

    // Save OpenQASM 3: the ISA circuit, which reads back with the same two-qubit gates.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("isa.qasm"));
    QVERIFY(panel.saveQasm3(path));
    const std::string text = test_support::readRaw(path.toStdString());
    QVERIFY(text.rfind("OPENQASM 3", 0) == 0);
    QCOMPARE(text, engine::exportQasm3(r.isa));
    const engine::Circuit back = engine::importQasm(text, "isa.qasm");
    QCOMPARE(back.stats().twoQubitGates, r.twoQubitGates);
    QVERIFY(!panel.saveQasm3(dir.filePath(QStringLiteral("missing/isa.qasm"))));

    // An edit keeps the result with a note; a new document clears it.
    document.setBudgetUsd(document.instance().budgetUsd + 1.0);
    QVERIFY(panel.hasResult());
    document.reset(ProjectDocument::newProjectData(), QString());
    QVERIFY(!panel.hasResult());
    QVERIFY(!panel.saveButton()->isEnabled());
    QCOMPARE(panel.figureText(QStringLiteral("swaps")), QStringLiteral("–"));
    QCOMPARE(panel.logicalView()->circuit().size(), std::size_t{0});
    QCOMPARE(panel.routingView()->stepCount(), 0);
    QCOMPARE(available.count(), 2);
}

void TstTranspilePanel::settingsRoundTrip()
{
    ProjectDocument document;
    document.load(EXAMPLE);
    TranspilePanel panel(&document);
    TranspileSettings s;
    s.backend = "grid:4x5";
    s.layout = engine::LayoutMethod::Noise;
    s.router = engine::RouterKind::Sabre;
    s.iterations = 3;
    s.depth = 2;
    s.seed = 9;
    s.fractionalRzz = true;
    panel.setSettings(s);
    const TranspileSettings back = panel.settings();
    QCOMPARE(back.backend, s.backend);
    QCOMPARE(back.layout, s.layout);
    QCOMPARE(back.router, s.router);
    QCOMPARE(back.iterations, s.iterations);
    QCOMPARE(back.depth, s.depth);
    QCOMPARE(back.seed, s.seed);
    QCOMPARE(back.fractionalRzz, true);
    int gridEditors = 0;
    for (QSpinBox* box : panel.findChildren<QSpinBox*>()) {
        if (box->toolTip().contains(QStringLiteral("grid"))) {
            QVERIFY(box->isEnabled());
            QVERIFY(box->value() == 4 || box->value() == 5);
            ++gridEditors;
        }
    }
    QCOMPARE(gridEditors, 2);

    s.backend = "ibm_torino";
    panel.setSettings(s);
    QCOMPARE(panel.settings().backend, std::string("torino"));
    for (QSpinBox* box : panel.findChildren<QSpinBox*>())
        if (box->toolTip().contains(QStringLiteral("grid")))
            QVERIFY(!box->isEnabled());

    // The request copies the document's encoding settings.
    const TranspileRequest request = panel.request();
    QCOMPARE(request.encoding.budgetSlackBits, document.settings().budgetSlackBits);
    QCOMPARE(request.instance.numTasks(), document.instance().numTasks());
    QCOMPARE(request.settings.backend, std::string("torino"));
}

void TstTranspilePanel::cancelWorks()
{
    ProjectDocument document;
    document.load(EXAMPLE);
    TranspilePanel panel(&document);
    TranspileSettings s = panel.settings();
    s.iterations = MAX_TRANSPILE_PANEL_ITERATIONS;
    panel.setSettings(s);
    QSignalSpy finished(panel.job(), &TranspileJob::finished);
    panel.run();
    QVERIFY(panel.cancelButton()->isEnabled());
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel.job()->status(), TranspileJobStatus::Cancelled);
    QCOMPARE(panel.figureText(QStringLiteral("status")), QStringLiteral("cancelled"));
    QVERIFY(!panel.hasResult());
    QVERIFY(panel.runButton()->isEnabled());
    QVERIFY(!panel.cancelButton()->isEnabled());
    QVERIFY(!panel.saveButton()->isEnabled());
    QCOMPARE(panel.logicalView()->circuit().size(), std::size_t{0});
}

QTEST_MAIN(TstTranspilePanel)
#include "transpile_panel.test.moc"
