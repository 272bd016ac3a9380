// SPDX-License-Identifier: MIT
// Tests of MainWindow offscreen: the example opens, edits mark the title, save, autosave, actions, screenshots.
#include "main_window.h"

#include <QtTest>

#include "test_support.h"

#include "document/project_document.h"
#include "models/task_table_model.h"
#include "panels/qaoa_panel.h"
#include "plots/state_histogram_plot.h"
#include "plots/qubo_heatmap_plot.h"

#include <QAction>
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
        QCOMPARE(menus.value(3), QStringLiteral("&Hilfe"));
    }
    QCoreApplication::removeTranslator(&translator);
#else
    QSKIP("the German translation is not part of this build");
#endif
}

QTEST_MAIN(TstMainWindow)
#include "main_window.test.moc"
