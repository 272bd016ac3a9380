// SPDX-License-Identifier: MIT
// Offscreen GUI tests of the main flows through one MainWindow: design an instance, run QAOA, transpile, submit to a local backend, export a figure.
#undef QT_NO_FOREACH  // qcustomplot.h uses Q_FOREACH; the widgets library compiles its plots the same way

#include "main_window.h"

#include <QtTest>

#include "test_support.h"

#include "circuit/circuit_view.h"
#include "document/project_document.h"
#include "jobs/qaoa_job.h"
#include "jobs/transpile_job.h"
#include "lcrp/lcrp_baseline.h"
#include "models/job_table_model.h"
#include "models/model_table_model.h"
#include "models/task_table_model.h"
#include "panels/jobs_panel.h"
#include "panels/qaoa_panel.h"
#include "panels/transpile_panel.h"
#include "plots/qaoa_trace_plots.h"
#include "plots/qubo_heatmap_plot.h"
#include "plots/state_histogram_plot.h"
#include "routing/routing_view.h"

#include <qcustomplot.h>

#include <QAbstractItemDelegate>
#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <memory>

using namespace workbench;

namespace {

const QString EXAMPLE = QStringLiteral(QAOA_SOURCE_DIR "/resources/examples/paper-4x3.qwproj");

/// A rendered picture is not blank: it has many distinct colours (every third pixel looked at).
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

QAction* action(const MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QString::fromLatin1(name));
}

/// Edits `index` of `view` the way a user does: the view's delegate makes the editor, the editor gets the value,
/// the delegate commits it to the model.
void editThroughDelegate(QTableView* view, const QModelIndex& index, const QVariant& value)
{
    QAbstractItemDelegate* delegate = view->itemDelegateForIndex(index);
    QVERIFY(delegate != nullptr);
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    std::unique_ptr<QWidget> editor(delegate->createEditor(view->viewport(), option, index));
    QVERIFY(editor != nullptr);
    delegate->setEditorData(editor.get(), index);
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor.get()))
        spin->setValue(value.toDouble());
    else if (auto* intSpin = qobject_cast<QSpinBox*>(editor.get()))
        intSpin->setValue(value.toInt());
    else if (auto* line = qobject_cast<QLineEdit*>(editor.get()))
        line->setText(value.toString());
    else
        QFAIL(qPrintable(QStringLiteral("unexpected editor %1").arg(QString::fromLatin1(editor->metaObject()->className()))));
    delegate->setModelData(editor.get(), view->model(), index);
}

} // namespace

class TstMainFlows : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void designAnInstance();
    void runQaoa();
    void transpile();
    void submitToALocalBackend();
    void exportAFigure();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    int m_count = 0;
};

void TstMainFlows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_widgets_main_flows"));
    QVERIFY(m_dir.isValid());
    // The Jobs dock reads its store from the environment, as the application does.
    qputenv("QAOA_JOB_STORE", m_dir.filePath(QStringLiteral("jobs.sqlite")).toUtf8());
}

void TstMainFlows::init()
{
    MainWindowOptions options;
    options.interactive = false;
    options.persistLayout = false;
    options.autosaveDirectory = m_dir.filePath(QStringLiteral("autosave%1").arg(++m_count));
    options.examplePath = EXAMPLE;
    m_window = std::make_unique<MainWindow>(options);
    QVERIFY(m_window->openInitial(QString()));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY(!m_window->heatmap()->isRebuildPending());
}

void TstMainFlows::cleanup()
{
    m_window.reset();
}

void TstMainFlows::designAnInstance()
{
    MainWindow& window = *m_window;
    ProjectDocument* document = window.document();
    QTableView* tasks = window.taskView();
    QTableView* models = window.modelView();
    QAction* undo = action(window, "undoAction");
    QAction* redo = action(window, "redoAction");
    QVERIFY(undo && redo && action(window, "addTaskAction") && action(window, "addModelAction"));
    const std::size_t variablesBefore = window.heatmap()->numVariables();

    // Grow the instance through the Edit actions: one task, one model tier.
    action(window, "addTaskAction")->trigger();
    action(window, "addModelAction")->trigger();
    QCOMPARE(tasks->model()->rowCount(), 5);
    QCOMPARE(models->model()->rowCount(), 4);
    QCOMPARE(document->instance().numTasks(), std::size_t{5});
    QCOMPARE(document->instance().numModels(), std::size_t{4});
    QVERIFY(window.isWindowModified());

    // Edit cells through the views' delegates: a number (spin box) and a name (line edit).
    const QModelIndex tokens = tasks->model()->index(4, TaskTableModel::TokensColumn);
    editThroughDelegate(tasks, tokens, 4321.0);
    QCOMPARE(document->instance().tasks[4].tokens, 4321.0);
    const QModelIndex id = tasks->model()->index(4, TaskTableModel::IdColumn);
    editThroughDelegate(tasks, id, QStringLiteral("summarise-report"));
    QCOMPARE(document->instance().tasks[4].id, std::string("summarise-report"));
    QCOMPARE(tasks->model()->data(id).toString(), QStringLiteral("summarise-report"));

    // The heat map follows the edits: 5 tasks x 4 models plus the slack bits.
    QTRY_VERIFY(!window.heatmap()->isRebuildPending());
    const int slack = document->settings().budgetSlackBits;
    QCOMPARE(window.heatmap()->numVariables(), std::size_t(5 * 4 + slack));
    QVERIFY(window.heatmap()->numVariables() > variablesBefore);

    // Undo walks back through the edits and the structure; redo replays them.
    undo->trigger();  // the name
    QCOMPARE(document->instance().tasks[4].id == std::string("summarise-report"), false);
    undo->trigger();  // the tokens
    QVERIFY(document->instance().tasks[4].tokens != 4321.0);
    undo->trigger();  // the model
    undo->trigger();  // the task
    QCOMPARE(document->instance().numTasks(), std::size_t{4});
    QCOMPARE(document->instance().numModels(), std::size_t{3});
    QVERIFY(!undo->isEnabled());
    QVERIFY(!window.isWindowModified());
    for (int i = 0; i < 4; ++i)
        redo->trigger();
    QCOMPARE(document->instance().numModels(), std::size_t{4});
    QCOMPARE(document->instance().tasks[4].tokens, 4321.0);
    QCOMPARE(document->instance().tasks[4].id, std::string("summarise-report"));
    QVERIFY(!redo->isEnabled());
    QVERIFY(window.isWindowModified());
    QTRY_COMPARE(window.heatmap()->numVariables(), std::size_t(5 * 4 + slack));
}

void TstMainFlows::runQaoa()
{
    MainWindow& window = *m_window;
    // A small instance: two of the example's tasks (2 x 3 assignment bits + the slack bits).
    window.taskView()->setCurrentIndex(window.taskView()->model()->index(3, 0));
    action(window, "removeTaskAction")->trigger();
    window.taskView()->setCurrentIndex(window.taskView()->model()->index(2, 0));
    action(window, "removeTaskAction")->trigger();
    QCOMPARE(window.document()->instance().numTasks(), std::size_t{2});
    QaoaPanel* panel = window.qaoaPanel();
    const int slack = window.document()->settings().budgetSlackBits;
    QVERIFY2(panel->figureText(QStringLiteral("qubits")).startsWith(QString::number(6 + slack) + QLatin1Char(' ')),
             qPrintable(panel->figureText(QStringLiteral("qubits"))));

    QaoaSettings settings;
    settings.restarts = 1;
    settings.iterations = 15;
    settings.shots = 1000;
    settings.seed = 5;
    panel->setSettings(settings);
    QSignalSpy finished(panel->job(), &QaoaJob::finished);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(panel->job()->status(), QaoaJobStatus::Finished);
    QVERIFY(!window.qaoaDock()->visibleRegion().isEmpty());  // the run raised its dock

    // The results shown: the valid rate beside the uniform-random baseline, in the figures and the plot.
    const double baseline = engine::uniformRandomValidRate(window.document()->instance());
    QCOMPARE(panel->job()->outcome().uniformValidRate, baseline);
    const QString percent = QLocale().toString(baseline * 100.0, 'g', 4) + QStringLiteral(" %");
    const QString validity = panel->figureText(QStringLiteral("validity"));
    QVERIFY2(validity.contains(QStringLiteral("uniform random")) && validity.contains(percent), qPrintable(validity));
    QVERIFY(panel->validRatePlot()->isBaselineShown());
    QCOMPARE(panel->validRatePlot()->baseline(), baseline);
    QVERIFY(panel->validRatePlot()->pointCount() > 0);
    QVERIFY(panel->convergencePlot()->pointCount() > 0);
    QVERIFY(panel->histogramPlot()->barCount() > 0);
    QVERIFY(panel->figureText(QStringLiteral("bestValid")) != QStringLiteral("–"));
    QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("QAOA")));
}

void TstMainFlows::transpile()
{
    MainWindow& window = *m_window;
    TranspilePanel* panel = window.transpilePanel();
    QAction* transpileAction = action(window, "transpileAction");
    QVERIFY(transpileAction != nullptr);
    QVERIFY(!panel->hasResult());
    QSignalSpy finished(panel->job(), &TranspileJob::finished);
    transpileAction->trigger();  // Tools > Transpile: raises the dock and runs with the panel's options (fez)
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel->job()->status(), TranspileJobStatus::Finished);
    QVERIFY(panel->hasResult());
    QVERIFY(!window.transpileDock()->visibleRegion().isEmpty());

    // The figures and the three views are filled.
    for (const char* key : {"swaps", "twoQubitGates", "depth", "fidelity", "layout"}) {
        const QString text = panel->figureText(QString::fromLatin1(key));
        QVERIFY2(!text.isEmpty() && text != QStringLiteral("–"), key);
    }
    const std::size_t qubits = 12 + std::size_t(window.document()->settings().budgetSlackBits);
    QCOMPARE(panel->logicalView()->wireCount(), int(qubits));
    QVERIFY(panel->isaView()->wireCount() >= int(qubits));
    QVERIFY(panel->isaView()->columnCount() > panel->logicalView()->columnCount() / 2);
    QVERIFY(panel->routingView()->stepCount() > 0);
    QVERIFY(panel->saveButton()->isEnabled());
    auto* saveQasm = action(window, "saveQasmAction");
    QVERIFY(saveQasm != nullptr && saveQasm->isEnabled());

    // The ISA circuit can be written as OpenQASM 3.
    const QString qasm = m_dir.filePath(QStringLiteral("flow.qasm"));
    QVERIFY(panel->saveQasm3(qasm));
    QFile file(qasm);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("OPENQASM 3"));
}

void TstMainFlows::submitToALocalBackend()
{
    MainWindow& window = *m_window;
    JobsPanel* panel = window.jobsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->backendNames().contains(QStringLiteral("local:ideal")), 10000);
    window.jobsDock()->raise();

    QSignalSpy submitted(panel, &JobsPanel::jobSubmitted);
    QSignalSpy failed(panel, &JobsPanel::submitFailed);
    engine::JobSubmission submission;
    submission.instance = window.document()->instance();
    submission.lcrpEncoding.budgetSlackBits = window.document()->settings().budgetSlackBits;
    submission.backend = "local:ideal";
    submission.p = 1;
    submission.shots = 1000;
    submission.seed = 11;
    submission.instanceName = "paper-4x3";
    panel->submit(submission);
    QTRY_VERIFY_WITH_TIMEOUT(submitted.count() + failed.count() > 0, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
    const qint64 id = submitted.at(0).at(0).toLongLong();
    const auto status = [&] {
        const int row = panel->model()->rowOf(id);
        return row < 0 ? QString()
                       : panel->model()->data(panel->model()->index(row, JobTableModel::StatusColumn)).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("Completed"), 20000);

    // The job is in the store the environment named, selected, and its analysis is shown.
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("jobs.sqlite"))));
    QCOMPARE(panel->selectedJob().value_or(0), id);
    QCOMPARE(panel->figureText(QStringLiteral("status")), QStringLiteral("Completed"));
    const double baseline = engine::uniformRandomValidRate(window.document()->instance());
    QTRY_VERIFY(panel->figureText(QStringLiteral("validRate")).contains(QStringLiteral("uniform random")));
    const QString shown = panel->figureText(QStringLiteral("validRate"));
    QVERIFY2(shown.contains(QString::number(100.0 * baseline, 'f', 2)), qPrintable(shown));
    QVERIFY(panel->figureText(QStringLiteral("figures")).contains(QStringLiteral("1000 shots")));
    QVERIFY(!panel->figureText(QStringLiteral("bestValidCost")).isEmpty());
}

void TstMainFlows::exportAFigure()
{
    MainWindow& window = *m_window;
    QuboHeatmapPlot* heatmap = window.heatmap();
    QVERIFY(heatmap->isVisible());

    // The plot's own export (QCustomPlot) at a fixed size ...
    const QString png = m_dir.filePath(QStringLiteral("heatmap.png"));
    QVERIFY(heatmap->customPlot()->savePng(png, 800, 600));
    const QImage exported(png);
    QVERIFY(!exported.isNull());
    QCOMPARE(exported.size(), QSize(800, 600));
    QVERIFY(distinctColours(exported) > 20);
    const QString pdf = m_dir.filePath(QStringLiteral("heatmap.pdf"));
    QVERIFY(heatmap->customPlot()->savePdf(pdf, 400, 300));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");

    // ... and the widget as shown on screen.
    const QString grabbed = m_dir.filePath(QStringLiteral("heatmap-grab.png"));
    const QPixmap pixmap = heatmap->grab();
    QVERIFY(pixmap.save(grabbed));
    const QImage shown(grabbed);
    QCOMPARE(shown.size(), heatmap->size() * heatmap->devicePixelRatioF());
    QVERIFY(distinctColours(shown) > 20);

    // A failed write says so instead of crashing.
    QVERIFY(!heatmap->customPlot()->savePng(m_dir.filePath(QStringLiteral("no/such/folder/x.png")), 100, 100));
}

QTEST_MAIN(TstMainFlows)
#include "main_flows.test.moc"
