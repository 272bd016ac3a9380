// SPDX-License-Identifier: MIT
// Tests of MainWindow offscreen: the example opens, edits mark the title, save, autosave, recovery after a crash,
// actions and shortcuts, the Run menu, help, preferences and palettes, the status bar, layouts, screenshots.
#include "main_window.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "help/help_browser.h"
#include "jobs/solve_job.h"
#include "jobstore/job_store.h"
#include "panels/jobs_panel.h"
#include "panels/penalty_panel.h"
#include "panels/solve_panel.h"
#include "panels/transpile_panel.h"
#include "panels/warmstart_panel.h"
#include "models/job_table_model.h"
#include "preferences/palettes.h"
#include "preferences/preferences_dialog.h"
#include "status/work_status_bar.h"
#include "models/task_table_model.h"
#include "panels/qaoa_panel.h"
#include "plots/state_histogram_plot.h"
#include "plots/qubo_heatmap_plot.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QSpinBox>
#include <QDockWidget>
#include <QImage>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>

#include <memory>

using namespace workbench;

namespace {

const QString EXAMPLE = QStringLiteral(QAOA_SOURCE_DIR "/resources/examples/paper-4x3.qwproj");

MainWindowOptions quietOptions(const QString& autosaveDirectory)
{
    MainWindowOptions options;
    options.interactive = false;
    options.persistLayout = false;
    options.autosaveDirectory = autosaveDirectory;
    options.examplePath = EXAMPLE;
    return options;
}

/// A rendered window is not blank: it has many distinct colours.
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

class TstMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void opensTheExample();
    void editsMarkTheTitleAndSaveClears();
    void autosaveWritesAndCloseRemoves();
    void recoveryIsOfferedWhenInteractive_data();
    void recoveryIsOfferedWhenInteractive();
    void editActionsAddAndRemove();
    void screenshotInProcess();
    void qaoaPanelRunsInTheWindow();
    void programWritesScreenshot();
    void germanMenus();
    void crashLeavesAnAutosaveToRecover();
    void menusAndShortcuts();
    void runShortcutsStartAndEscCancels();
    void statusBarCountsJobs();
    void resetLayoutAndVersionedState();
    void savedLayoutIsRestored();
    void preferencesReachPanelsAndPalette();
    void preferencesDialogSavesAndApplies();
    void f1ShowsHelpOfFocusedPanel();
    void languagePreferenceInProgram();

private:
    QTemporaryDir m_dir;
};

void TstMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // QSettings (recent files) go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("QAOA Workbench Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_widgets_main_window"));
    QVERIFY(m_dir.isValid());
    // The Jobs dock opens a job store: a scratch one, for this process and the programs it starts.
    qputenv("QAOA_JOB_STORE", m_dir.filePath(QStringLiteral("jobs.sqlite")).toUtf8());
}

void TstMainWindow::opensTheExample()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave1"))));
    QVERIFY(window.openInitial(QString()));
    ProjectDocument* document = window.document();
    QVERIFY(document->isUntitled());
    QCOMPARE(document->displayName(), QStringLiteral("paper-4x3"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("paper-4x3")));
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.taskView()->model()->rowCount(), 4);
    QCOMPARE(window.modelView()->model()->rowCount(), 3);
    QTRY_VERIFY(!window.heatmap()->isRebuildPending());
    QCOMPARE(window.heatmap()->numVariables(), std::size_t{12} + std::size_t(document->settings().budgetSlackBits));

    // A broken file keeps the example open and reports failure.
    MainWindow other(quietOptions(m_dir.filePath(QStringLiteral("autosave1"))));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot open")));
    QVERIFY(!other.openInitial(m_dir.filePath(QStringLiteral("does-not-exist.qwproj"))));
    QCOMPARE(other.document()->displayName(), QStringLiteral("paper-4x3"));
}

void TstMainWindow::editsMarkTheTitleAndSaveClears()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave2"))));
    QVERIFY(window.openInitial(QString()));
    QAbstractItemModel* tasks = window.taskView()->model();
    QVERIFY(tasks->setData(tasks->index(0, TaskTableModel::TokensColumn), 1111.0));
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));

    const QString path = m_dir.filePath(QStringLiteral("saved.qwproj"));
    QVERIFY(window.saveTo(path));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("saved.qwproj")));
    QCOMPARE(window.recentFiles().value(0), QFileInfo(path).absoluteFilePath());

    MainWindow reopened(quietOptions(m_dir.filePath(QStringLiteral("autosave2"))));
    QVERIFY(reopened.openInitial(path));
    QCOMPARE(reopened.document()->instance().tasks[0].tokens, 1111.0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot save")));
    QVERIFY(!reopened.saveTo(m_dir.filePath(QStringLiteral("missing/x.qwproj"))));
    QCOMPARE(reopened.document()->filePath(), QFileInfo(path).absoluteFilePath());
}

void TstMainWindow::autosaveWritesAndCloseRemoves()
{
    const QString autosaveDir = m_dir.filePath(QStringLiteral("autosave3"));
    const QString path = m_dir.filePath(QStringLiteral("auto.qwproj"));
    auto window = std::make_unique<MainWindow>(quietOptions(autosaveDir));
    QVERIFY(window->openInitial(QString()));
    QVERIFY(window->saveTo(path));
    window->autosaveNow();  // clean document: nothing to write
    QVERIFY(!QFileInfo::exists(window->autosaveStore().pathFor(path)));

    QAbstractItemModel* tasks = window->taskView()->model();
    QVERIFY(tasks->setData(tasks->index(2, TaskTableModel::TokensColumn), 2222.0));
    QTest::qWait(20);  // the autosave must be strictly newer than the saved file
    window->autosaveNow();
    const QString autosave = window->autosaveStore().recoverable(path);
    QCOMPARE(autosave, window->autosaveStore().pathFor(path));
    QCOMPARE(readProjectFile(autosave).instance.tasks[2].tokens, 2222.0);

    // Non-interactive sessions never offer recovery: the file itself opens, and the autosave is left alone.
    MainWindow second(quietOptions(autosaveDir));
    QVERIFY(second.openInitial(path));
    QVERIFY(second.document()->instance().tasks[2].tokens != 2222.0);
    QVERIFY(QFileInfo::exists(autosave));

    // Closing (here without asking: non-interactive) removes the window's own autosave.
    QVERIFY(window->close());
    QVERIFY(!QFileInfo::exists(autosave));
}

void TstMainWindow::recoveryIsOfferedWhenInteractive_data()
{
    QTest::addColumn<bool>("accept");
    QTest::newRow("recover") << true;
    QTest::newRow("decline") << false;
}

void TstMainWindow::recoveryIsOfferedWhenInteractive()
{
    QFETCH(bool, accept);
    const QString name = accept ? QStringLiteral("recover-yes") : QStringLiteral("recover-no");
    const QString autosaveDir = m_dir.filePath(name);
    const QString path = m_dir.filePath(name + QStringLiteral(".qwproj"));
    ProjectData saved = readProjectFile(EXAMPLE);
    writeProjectFile(path, saved);
    ProjectData newer = saved;
    newer.instance.tasks[0].tokens = 3333.0;
    const AutosaveStore store(autosaveDir);
    store.write(path, newer);
    QFile autosaveFile(store.pathFor(path));
    QVERIFY(autosaveFile.open(QIODevice::ReadWrite));
    QVERIFY(autosaveFile.setFileTime(QFileInfo(path).lastModified().addSecs(5), QFileDevice::FileModificationTime));
    autosaveFile.close();

    MainWindowOptions options = quietOptions(autosaveDir);
    options.interactive = true;  // the question is asked; the timer below answers it
    MainWindow window(options);
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr)
            return;
        asked = true;
        box->button(accept ? QMessageBox::Yes : QMessageBox::No)->click();
    });
    QVERIFY(window.openInitial(path));
    QVERIFY(asked);
    QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
    if (accept) {
        QCOMPARE(window.document()->instance().tasks[0].tokens, 3333.0);
        QVERIFY(window.document()->isModified());  // recovered data are not on disk yet
        QVERIFY(QFileInfo::exists(store.pathFor(path)));
        QVERIFY(window.saveTo(path));  // saving makes the autosave obsolete
        QVERIFY(!QFileInfo::exists(store.pathFor(path)));
    } else {
        QCOMPARE(window.document()->instance().tasks[0].tokens, saved.instance.tasks[0].tokens);
        QVERIFY(!window.document()->isModified());
        QVERIFY(!QFileInfo::exists(store.pathFor(path)));  // declined: not asked again next time
    }
}

void TstMainWindow::editActionsAddAndRemove()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave4"))));
    QVERIFY(window.openInitial(QString()));
    auto* addTask = window.findChild<QAction*>(QStringLiteral("addTaskAction"));
    auto* removeTask = window.findChild<QAction*>(QStringLiteral("removeTaskAction"));
    auto* addModel = window.findChild<QAction*>(QStringLiteral("addModelAction"));
    auto* undo = window.findChild<QAction*>(QStringLiteral("undoAction"));
    QVERIFY(addTask && removeTask && addModel && undo);
    QVERIFY(!undo->isEnabled());

    addTask->trigger();
    QCOMPARE(window.document()->instance().numTasks(), std::size_t{5});
    window.document()->instance().validate();
    QVERIFY(undo->isEnabled());
    QVERIFY(removeTask->isEnabled());  // the new row is current
    removeTask->trigger();
    QCOMPARE(window.document()->instance().numTasks(), std::size_t{4});

    addModel->trigger();  // the paper's fourth tier comes next
    QCOMPARE(window.document()->instance().models.back().name, std::string("opus"));
    undo->trigger();
    undo->trigger();
    undo->trigger();
    QCOMPARE(window.document()->instance().numTasks(), std::size_t{4});
    QCOMPARE(window.document()->instance().numModels(), std::size_t{3});
    QVERIFY(!window.isWindowModified());
}

void TstMainWindow::screenshotInProcess()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave5"))));
    QVERIFY(window.openInitial(QString()));
    window.resize(1400, 900);
    window.show();
    QTRY_VERIFY(!window.heatmap()->isRebuildPending());
    const QString png = m_dir.filePath(QStringLiteral("inprocess.png"));
    QVERIFY(window.saveScreenshot(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window.size());
    QVERIFY(distinctColours(image) > 20);
    QVERIFY(!window.saveScreenshot(m_dir.filePath(QStringLiteral("no/such/dir/x.png"))));
}

void TstMainWindow::qaoaPanelRunsInTheWindow()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave7"))));
    QVERIFY(window.openInitial(QString()));
    window.resize(1400, 900);
    window.show();
    QaoaPanel* panel = window.qaoaPanel();
    QVERIFY(panel != nullptr);
    QCOMPARE(window.qaoaDock()->widget(), panel);
    QCOMPARE(window.qaoaDock()->objectName(), QStringLiteral("QaoaDock"));
    QVERIFY(panel->figureText(QStringLiteral("qubits")).startsWith(QStringLiteral("18 ")));  // 4 x 3 + 6 slack

    QaoaSettings settings;
    settings.restarts = 2;
    settings.iterations = 20;
    settings.shots = 2000;
    panel->setSettings(settings);
    QSignalSpy finished(panel->job(), &QaoaJob::finished);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(panel->job()->status(), QaoaJobStatus::Finished);
    QVERIFY(!window.qaoaDock()->visibleRegion().isEmpty());  // the run raised the QAOA tab
    QVERIFY(panel->histogramPlot()->barCount() > 0);
    QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("QAOA")));

    // Keep a screenshot for a look at the layout: QAOA_WORKBENCH_SCREENSHOT_DIR names a folder to write it to.
    QTest::qWait(200);  // queued replots
    const QString folder = qEnvironmentVariable("QAOA_WORKBENCH_SCREENSHOT_DIR", m_dir.path());
    const QString png = QDir(folder).filePath(QStringLiteral("qaoa-run.png"));
    QVERIFY(window.saveScreenshot(png));
    QVERIFY(distinctColours(QImage(png)) > 20);
}

void TstMainWindow::programWritesScreenshot()
{
#ifdef QAOA_WORKBENCH_PATH
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QAOA_WORKBENCH_NO_RECOVERY"), QStringLiteral("1"));
    const auto runProgram = [&](const QStringList& arguments, QByteArray* errors = nullptr) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(QAOA_WORKBENCH_PATH), arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            return -1;
        }
        if (errors)
            *errors = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };

    const QString png = m_dir.filePath(QStringLiteral("program.png"));
    QCOMPARE(runProgram({QStringLiteral("--screenshot"), png}), 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1400, 900));
    QVERIFY(distinctColours(image) > 20);

    const QString german = m_dir.filePath(QStringLiteral("program-de.png"));
    QCOMPARE(runProgram({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--screenshot"), german}), 0);
    QVERIFY(!QImage(german).isNull());

    QByteArray errors;
    QCOMPARE(runProgram({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("none/x.png"))}, &errors), 2);
    QVERIFY(!errors.trimmed().isEmpty());
    QCOMPARE(runProgram({QStringLiteral("--version")}), 0);
    QCOMPARE(runProgram({QStringLiteral("--no-such-option")}), 1);
#else
    QSKIP("qaoa-workbench is not part of this build");
#endif
}

void TstMainWindow::germanMenus()
{
#ifdef QAOA_WORKBENCH_DE_QM
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(QAOA_WORKBENCH_DE_QM)));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave6"))));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus.value(0), QStringLiteral("&Datei"));
        QCOMPARE(menus.value(1), QStringLiteral("&Bearbeiten"));
        QCOMPARE(menus.value(4), QStringLiteral("&Hilfe"));
    }
    QCoreApplication::removeTranslator(&translator);
#else
    QSKIP("the German translation is not part of this build");
#endif
}

void TstMainWindow::crashLeavesAnAutosaveToRecover()
{
    const QString autosaveDir = m_dir.filePath(QStringLiteral("crash"));
    const QString path = m_dir.filePath(QStringLiteral("crash.qwproj"));
    auto crashed = std::make_unique<MainWindow>(quietOptions(autosaveDir));
    QVERIFY(crashed->openInitial(QString()));
    QVERIFY(crashed->saveTo(path));
    QAbstractItemModel* tasks = crashed->taskView()->model();
    QVERIFY(tasks->setData(tasks->index(1, TaskTableModel::TokensColumn), 4444.0));
    crashed->autosaveNow();  // what the timer does every minute
    const QString autosave = crashed->autosaveStore().pathFor(path);
    QVERIFY(QFileInfo::exists(autosave));
    // The autosave must be newer than the file; file times may be coarse, so make it clearly newer.
    QFile file(autosave);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QFileInfo(path).lastModified().addSecs(5), QFileDevice::FileModificationTime));
    file.close();
    // A crash: the window goes away without a close event, so nothing removes the autosave.
    crashed.reset();
    QVERIFY(QFileInfo::exists(autosave));

    MainWindowOptions options = quietOptions(autosaveDir);
    options.interactive = true;
    options.offerRecovery = true;
    MainWindow next(options);
    QString question;
    QTimer::singleShot(0, this, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        }
    });
    QVERIFY(next.openInitial(path));
    QVERIFY(question.contains(QStringLiteral("crash.qwproj")));
    QCOMPARE(next.document()->instance().tasks[1].tokens, 4444.0);
    QVERIFY(next.document()->isModified());
    QVERIFY(next.saveTo(path));
    QVERIFY(!QFileInfo::exists(autosave));
}

void TstMainWindow::menusAndShortcuts()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave8"))));
    QStringList menus;
    for (QAction* action : window.menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                                 QStringLiteral("&Run"), QStringLiteral("&Help")}));

    const auto action = [&](const char* name) {
        auto* a = window.findChild<QAction*>(QString::fromLatin1(name));
        if (a == nullptr)
            qWarning("no action %s", name);
        return a;
    };
    const QList<QPair<const char*, QKeySequence>> expected = {
        {"newAction", QKeySequence(QKeySequence::New)},
        {"openAction", QKeySequence(QKeySequence::Open)},
        {"saveAction", QKeySequence(QKeySequence::Save)},
        {"saveAsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
        {"quitAction", QKeySequence(Qt::CTRL | Qt::Key_Q)},
        {"undoAction", QKeySequence(QKeySequence::Undo)},
        {"redoAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)},
        {"runSolverAction", QKeySequence(Qt::Key_F5)},
        {"runQaoaAction", QKeySequence(Qt::Key_F6)},
        {"transpileAction", QKeySequence(Qt::Key_F7)},
        {"runWarmstartAction", QKeySequence(Qt::Key_F8)},
        {"submitJobAction", QKeySequence(Qt::CTRL | Qt::Key_J)},
        {"cancelWorkAction", QKeySequence(Qt::Key_Escape)},
        {"helpAction", QKeySequence(Qt::Key_F1)},
    };
    for (const auto& [name, keys] : expected) {
        QAction* a = action(name);
        QVERIFY2(a != nullptr, name);
        QVERIFY2(a->shortcuts().contains(keys), name);
    }
    QVERIFY(action("preferencesAction")->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));

    // No two actions share a key (an ambiguous shortcut fires neither).
    QHash<QKeySequence, QString> owners;
    for (QAction* a : window.findChildren<QAction*>()) {
        for (const QKeySequence& key : a->shortcuts()) {
            QVERIFY2(!owners.contains(key), qPrintable(key.toString() + QStringLiteral(": ") + owners.value(key)
                                                       + QStringLiteral(" and ") + a->text()));
            owners.insert(key, a->text());
        }
    }

    // The Run menu holds the run actions; the View menu every dock's toggle (with a key) and Reset Layout.
    auto* run = window.findChild<QMenu*>(QStringLiteral("runMenu"));
    QVERIFY(run != nullptr);
    for (const char* name : {"runSolverAction", "runQaoaAction", "transpileAction", "runWarmstartAction",
                             "submitJobAction", "cancelWorkAction"})
        QVERIFY2(run->actions().contains(action(name)), name);
    QMenu* view = window.menuBar()->actions().at(2)->menu();
    QVERIFY(view->actions().contains(action("resetLayoutAction")));
    QVERIFY(window.docks().size() >= 9);
    for (int i = 0; i < window.docks().size(); ++i) {
        QDockWidget* dock = window.docks().at(i);
        QVERIFY2(view->actions().contains(dock->toggleViewAction()), qPrintable(dock->objectName()));
        if (i < 9)  // Alt+1 ... Alt+9
            QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    QVERIFY(!action("cancelWorkAction")->isEnabled());  // nothing runs
}

void TstMainWindow::runShortcutsStartAndEscCancels()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave9"))));
    QVERIFY(window.openInitial(QString()));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    WorkStatusBar* status = window.workStatusBar();

    // F5 runs the solver chosen in the Solve panel (greedy: instant).
    QSignalSpy solved(window.solvePanel()->job(), &SolveJob::finished);
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(solved.wait(20000));
    QCOMPARE(window.solvePanel()->job()->status(), JobStatus::Finished);
    QVERIFY(status->button(WorkStatusBar::Work::Solver)->isHidden());

    // F6 starts QAOA (long enough to cancel); its status entry shows while it runs; Esc cancels it.
    QaoaSettings settings;
    settings.restarts = 64;
    settings.iterations = 5000;
    window.qaoaPanel()->setSettings(settings);
    QSignalSpy qaoaFinished(window.qaoaPanel()->job(), &QaoaJob::finished);
    QTest::keyClick(&window, Qt::Key_F6);
    QVERIFY(window.qaoaPanel()->job()->isRunning());
    QVERIFY(status->isRunning(WorkStatusBar::Work::Qaoa));
    QVERIFY(!status->button(WorkStatusBar::Work::Qaoa)->isHidden());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("cancelWorkAction"))->isEnabled());
    // Clicking the status entry raises the QAOA dock.
    QTest::mouseClick(status->button(WorkStatusBar::Work::Qaoa), Qt::LeftButton);
    QVERIFY(!window.qaoaDock()->visibleRegion().isEmpty());
    window.qaoaPanel()->runButton()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(qaoaFinished.wait(30000));
    QCOMPARE(window.qaoaPanel()->job()->status(), QaoaJobStatus::Cancelled);
    QVERIFY(!status->isRunning(WorkStatusBar::Work::Qaoa));
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("cancelWorkAction"))->isEnabled());
    QVERIFY(!window.cancelRunningWork());  // nothing left to cancel
}

void TstMainWindow::statusBarCountsJobs()
{
    MainWindowOptions options = quietOptions(m_dir.filePath(QStringLiteral("autosave10")));
    options.jobStorePath = m_dir.filePath(QStringLiteral("counted-jobs.sqlite"));
    MainWindow window(options);
    QToolButton* jobs = window.workStatusBar()->button(WorkStatusBar::Work::Jobs);
    QCOMPARE(jobs->text(), QStringLiteral("Jobs: 0 running, 0 queued"));

    // Another process (the CLI) records jobs in the same store: two queued, one running, one finished.
    engine::JobStore writer(options.jobStorePath.toStdString());
    const auto record = [&](engine::JobState state) {
        engine::JobDraft draft;
        draft.provider = engine::JobProvider::Ibm;
        draft.backend = "ibm_fez";
        const std::int64_t id = writer.recordBeforeSubmit(draft);
        if (state != engine::JobState::Recorded)
            writer.appendStatus(id, state);
        return id;
    };
    record(engine::JobState::Queued);
    record(engine::JobState::Recorded);
    const std::int64_t running = record(engine::JobState::Running);
    record(engine::JobState::Completed);
    QSignalSpy counts(window.jobsPanel(), &JobsPanel::jobCountsChanged);
    window.jobsPanel()->model()->refresh();
    QCOMPARE(window.jobsPanel()->runningJobCount(), 1);
    QCOMPARE(window.jobsPanel()->queuedJobCount(), 2);
    QCOMPARE(jobs->text(), QStringLiteral("Jobs: 1 running, 2 queued"));
    QVERIFY(counts.count() >= 1);

    writer.appendStatus(running, engine::JobState::Completed);
    window.jobsPanel()->model()->refresh();
    QCOMPARE(jobs->text(), QStringLiteral("Jobs: 0 running, 2 queued"));

    // Clicking the entry brings the Jobs dock to the front.
    window.show();
    window.solveDock()->raise();
    QTest::mouseClick(jobs, Qt::LeftButton);
    QTRY_VERIFY(!window.jobsDock()->visibleRegion().isEmpty());
}

void TstMainWindow::resetLayoutAndVersionedState()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave11"))));
    window.show();
    const QByteArray initial = window.layoutState();
    window.jobsDock()->close();
    window.penaltyDock()->setFloating(true);
    window.showHelp(QStringLiteral("jobs"));
    QVERIFY(window.jobsDock()->isHidden());

    window.findChild<QAction*>(QStringLiteral("resetLayoutAction"))->trigger();
    QVERIFY(!window.jobsDock()->isHidden());
    QVERIFY(!window.penaltyDock()->isFloating());
    QVERIFY(window.helpDock()->isHidden());
    QCOMPARE(window.dockWidgetArea(window.penaltyDock()), Qt::LeftDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(window.jobsDock()), Qt::BottomDockWidgetArea);
    QVERIFY(window.tabifiedDockWidgets(window.solveDock()).contains(window.qaoaDock()));

    // A layout of another version (saved before docks were added) is refused and changes nothing.
    QVERIFY(window.restoreLayoutState(initial));
    window.historyDock()->close();
    const QByteArray unversioned = window.saveState(0);
    window.resetLayout();
    QVERIFY(!window.restoreLayoutState(unversioned));
    QVERIFY(!window.historyDock()->isHidden());
    QVERIFY(!window.restoreLayoutState(QByteArray("garbage")));
    QVERIFY(!window.restoreLayoutState(QByteArray()));
}

void TstMainWindow::savedLayoutIsRestored()
{
    MainWindowOptions options = quietOptions(m_dir.filePath(QStringLiteral("autosave12")));
    options.persistLayout = true;
    {
        MainWindow first(options);
        QVERIFY(first.openInitial(QString()));
        first.show();
        first.historyDock()->close();
        QVERIFY(first.close());  // saves geometry and layout
    }
    {
        MainWindow second(options);
        second.show();
        QVERIFY(second.historyDock()->isHidden());
        QVERIFY(!second.jobsDock()->isHidden());
        second.resetLayout();
        QVERIFY(second.close());
    }
    MainWindow third(options);
    QVERIFY(!third.historyDock()->isHidden());
    QSettings().remove(QStringLiteral("mainWindow"));
}

void TstMainWindow::preferencesReachPanelsAndPalette()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave13"))));
    QVERIFY(window.openInitial(QString()));
    QCOMPARE(window.preferences(), AppPreferences::load());

    AppPreferences p;
    p.defaultBackend = QStringLiteral("local:ideal");
    p.threads = 3;
    p.precision = engine::Precision::Single;
    p.palette = AppPreferences::Palette::Dark;
    window.applyPreferences(p);
    QCOMPARE(window.preferences(), p);
    QCOMPARE(window.qaoaPanel()->request().settings.threads, 3);
    QCOMPARE(window.qaoaPanel()->request().settings.precision, engine::Precision::Single);
    QCOMPARE(qaoaRunOptions(window.qaoaPanel()->request()).threads, 3);
    QCOMPARE(qaoaRunOptions(window.qaoaPanel()->request()).precision, engine::Precision::Single);
    QCOMPARE(window.warmstartPanel()->backendBox()->currentText(), QStringLiteral("local:ideal"));
    QCOMPARE(window.warmstartPanel()->pipelineRequest().options.threads, 3);
    QCOMPARE(window.warmstartPanel()->sweepOptions().threads, 3);
    QCOMPARE(window.jobsPanel()->defaultBackend(), QStringLiteral("local:ideal"));
    QVERIFY(isDarkPaletteActive());

    p.defaultBackend = QStringLiteral("local:fez");
    p.palette = AppPreferences::Palette::Light;
    window.applyPreferences(p);
    QVERIFY(!isDarkPaletteActive());
    QCOMPARE(window.warmstartPanel()->backendBox()->currentText(), QStringLiteral("local:fez"));
    window.applyPreferences(AppPreferences{});
    QCOMPARE(window.qaoaPanel()->request().settings.threads, 0);
}

void TstMainWindow::preferencesDialogSavesAndApplies()
{
    QSettings().remove(QStringLiteral("preferences"));
    MainWindowOptions options = quietOptions(m_dir.filePath(QStringLiteral("autosave15")));
    options.interactive = true;  // the dialog opens; the timer below fills and accepts it
    MainWindow window(options);
    bool shown = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr)
            return;
        shown = true;
        dialog->threadsBox()->setValue(2);
        dialog->plotStyleBox()->setCurrentIndex(dialog->plotStyleBox()->findData(QStringLiteral("print")));
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    window.findChild<QAction*>(QStringLiteral("preferencesAction"))->trigger();
    QVERIFY(shown);
    QCOMPARE(window.preferences().threads, 2);
    QCOMPARE(window.qaoaPanel()->request().settings.threads, 2);
    QCOMPARE(AppPreferences::load().threads, 2);  // saved
    QCOMPARE(QSettings().value(QLatin1String(PLOT_STYLE_KEY)).toString(), QStringLiteral("print"));

    // Cancel changes nothing.
    QTimer::singleShot(0, this, [&] {
        if (auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget())) {
            dialog->threadsBox()->setValue(7);
            dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
        }
    });
    window.showPreferences();
    QCOMPARE(window.preferences().threads, 2);
    QCOMPARE(AppPreferences::load().threads, 2);
    QSettings().remove(QStringLiteral("preferences"));
}

void TstMainWindow::f1ShowsHelpOfFocusedPanel()
{
    MainWindow window(quietOptions(m_dir.filePath(QStringLiteral("autosave14"))));
    QVERIFY(window.openInitial(QString()));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.helpDock()->isHidden());

    window.qaoaDock()->raise();
    window.qaoaPanel()->runButton()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
    QVERIFY(!window.helpDock()->isHidden());
    QCOMPARE(window.helpBrowser()->currentPage(), QStringLiteral("qaoa"));

    QCOMPARE(window.helpPageFor(window.solvePanel()->runButton()), QStringLiteral("solver"));
    QCOMPARE(window.helpPageFor(window.jobsPanel()->newJobButton()), QStringLiteral("jobs"));
    QCOMPARE(window.helpPageFor(window.warmstartPanel()->runButton()), QStringLiteral("warmstart"));
    QCOMPARE(window.helpPageFor(window.transpilePanel()), QStringLiteral("transpile"));
    QCOMPARE(window.helpPageFor(window.penaltyPanel()), QStringLiteral("penalty"));
    QCOMPARE(window.helpPageFor(window.taskView()), QStringLiteral("index"));
    QCOMPARE(window.helpPageFor(nullptr), QStringLiteral("index"));
    // Every dock's page exists.
    for (QDockWidget* dock : window.docks())
        QVERIFY2(!HelpBrowser::pageUrl(window.helpPageFor(dock->widget())).isEmpty(), qPrintable(dock->objectName()));
}

void TstMainWindow::languagePreferenceInProgram()
{
#if defined(QAOA_WORKBENCH_PATH) && defined(QAOA_WORKBENCH_DE_QM)
    // The program's settings live under XDG_CONFIG_HOME: write a language preference there.
    const QString config = m_dir.filePath(QStringLiteral("xdg-config"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/QAOA Workbench")));
    QSettings settings(config + QStringLiteral("/QAOA Workbench/qaoa-workbench.conf"), QSettings::IniFormat);
    const auto help = [&](const QStringList& arguments, const QString& systemLanguage) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        environment.insert(QStringLiteral("LANG"), systemLanguage);
        environment.insert(QStringLiteral("LANGUAGE"), systemLanguage);
        environment.remove(QStringLiteral("LC_ALL"));
        environment.remove(QStringLiteral("LC_MESSAGES"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(QAOA_WORKBENCH_PATH), arguments + QStringList{QStringLiteral("--help")});
        if (!process.waitForFinished(30000))
            return QString();
        return QString::fromUtf8(process.readAllStandardOutput());
    };
    const QString german = QStringLiteral("bearbeiten");
    const QString english = QStringLiteral("edit LLM cascade routing problems");

    settings.setValue(QStringLiteral("preferences/language"), QStringLiteral("de"));
    settings.sync();
    QVERIFY(help({}, QStringLiteral("en_US.UTF-8")).contains(german));                  // preference beats system
    QVERIFY(help({QStringLiteral("--lang"), QStringLiteral("en")}, QStringLiteral("en_US.UTF-8"))
                .contains(english));                                                      // --lang beats preference
    settings.setValue(QStringLiteral("preferences/language"), QString());
    settings.sync();
    QVERIFY(help({}, QStringLiteral("de_DE.UTF-8")).contains(german));                  // no preference: system
    QVERIFY(help({}, QStringLiteral("en_US.UTF-8")).contains(english));
    settings.setValue(QStringLiteral("preferences/language"), QStringLiteral("en"));
    settings.sync();
    QVERIFY(help({}, QStringLiteral("de_DE.UTF-8")).contains(english));                 // preference beats system
#else
    QSKIP("qaoa-workbench is not part of this build");
#endif
}

QTEST_MAIN(TstMainWindow)
#include "main_window.test.moc"
