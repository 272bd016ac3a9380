// SPDX-License-Identifier: MIT
// MainWindow's actions, shortcuts and menus (File, Edit, View, Run, Help), and cancelling running work.
#include "main_window.h"

#include "document/project_document.h"
#include "export/figure_export.h"
#include "graph/graph_editor_panel.h"
#include "jobs/qaoa_job.h"
#include "jobs/solve_job.h"
#include "jobs/transpile_job.h"
#include "jobs/warmstart_job.h"
#include "panels/jobs_panel.h"
#include "panels/lcrp_batch_panel.h"
#include "panels/qaoa_panel.h"
#include "panels/solve_panel.h"
#include "panels/transpile_panel.h"
#include "panels/warmstart_panel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

#include <functional>
#include <vector>

namespace workbench {

namespace {

/// The platform's keys for `key`, plus `fallback` when the platform has none or not that one (several standard
/// keys, Save As and Preferences among them, have no binding on plain X11).
QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence& fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (!keys.contains(fallback))
        keys.append(fallback);
    return keys;
}

} // namespace

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New"), this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);

    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDialog);

    m_openExampleAction = new QAction(tr("Open &Example"), this);
    connect(m_openExampleAction, &QAction::triggered, this, [this] {
        if (maybeSave())
            openExample();
    });

    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcuts(standardKeys(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcuts(standardKeys(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoGroup = new QUndoGroup(this);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->addStack(m_graphEditor->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) { followFocusForUndo(now); });
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_exportFigureAction = new QAction(tr("&Export Figure..."), this);
    m_exportFigureAction->setShortcut(figureExportShortcut());
    m_exportFigureAction->setObjectName(QStringLiteral("exportFigureAction"));
    connect(m_exportFigureAction, &QAction::triggered, this, [this] {
        if (!exportFocusedFigure(this))
            statusBar()->showMessage(tr("Click a plot or viewer first: Export Figure saves the one with the focus."),
                                     8000);
    });
    m_redoAction->setShortcuts(standardKeys(QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));

    m_addTaskAction = new QAction(tr("Add &Task"), this);
    m_addTaskAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_addTaskAction, &QAction::triggered, this, &MainWindow::addTask);
    m_removeTaskAction = new QAction(tr("Remove Task"), this);
    m_removeTaskAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_removeTaskAction, &QAction::triggered, this, &MainWindow::removeTask);
    m_addModelAction = new QAction(tr("Add &Model"), this);
    m_addModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_addModelAction, &QAction::triggered, this, &MainWindow::addModel);
    m_removeModelAction = new QAction(tr("Remove Model"), this);
    m_removeModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_removeModelAction, &QAction::triggered, this, &MainWindow::removeModel);

    m_transpileAction = new QAction(tr("&Transpile QAOA Circuit"), this);
    m_transpileAction->setShortcut(QKeySequence(Qt::Key_F7));
    m_transpileAction->setStatusTip(
        tr("Map the QAOA circuit of the instance onto the device chosen in the Transpile panel"));
    connect(m_transpileAction, &QAction::triggered, this, [this] {
        m_transpileDock->show();
        m_transpileDock->raise();
        m_transpilePanel->run();
    });
    m_saveQasmAction = new QAction(tr("Save Transpiled Circuit as &OpenQASM 3…"), this);
    m_saveQasmAction->setEnabled(false);
    connect(m_saveQasmAction, &QAction::triggered, m_transpilePanel, &TranspilePanel::saveQasm3WithDialog);
    connect(m_transpilePanel, &TranspilePanel::resultAvailable, m_saveQasmAction, &QAction::setEnabled);

    m_aboutAction = new QAction(tr("&About QAOA Workbench"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_preferencesAction = new QAction(tr("&Preferences…"), this);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setShortcuts(standardKeys(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    m_preferencesAction->setStatusTip(tr("Default backend, threads, precision, figure style, colours and language"));
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_helpAction = new QAction(tr("QAOA Workbench &Help"), this);
    m_helpAction->setShortcuts(standardKeys(QKeySequence::HelpContents, QKeySequence(Qt::Key_F1)));
    m_helpAction->setStatusTip(tr("Explain the panel that has the focus"));
    connect(m_helpAction, &QAction::triggered, this, [this] { showHelp(helpPageFor(QApplication::focusWidget())); });

    m_resetLayoutAction = new QAction(tr("&Reset Layout"), this);
    m_resetLayoutAction->setStatusTip(tr("Put every panel back where it was at the first start"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    // Stable names for tests and for saved shortcut customisations.
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openExampleAction->setObjectName(QStringLiteral("openExampleAction"));
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_addTaskAction->setObjectName(QStringLiteral("addTaskAction"));
    m_removeTaskAction->setObjectName(QStringLiteral("removeTaskAction"));
    m_addModelAction->setObjectName(QStringLiteral("addModelAction"));
    m_removeModelAction->setObjectName(QStringLiteral("removeModelAction"));
    m_transpileAction->setObjectName(QStringLiteral("transpileAction"));
    m_saveQasmAction->setObjectName(QStringLiteral("saveQasmAction"));
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    m_helpAction->setObjectName(QStringLiteral("helpAction"));
    m_resetLayoutAction->setObjectName(QStringLiteral("resetLayoutAction"));
}

void MainWindow::createRunActions()
{
    // Each action brings its panel to the front and presses its Run button; F7 (transpile) is set above.
    m_runSolverAction = new QAction(tr("Run &Solver"), this);
    m_runSolverAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runSolverAction->setStatusTip(tr("Solve the instance with the solver chosen in the Solve panel"));
    connect(m_runSolverAction, &QAction::triggered, this, [this] {
        raiseDock(m_solveDock);
        m_solvePanel->run();
    });
    m_runQaoaAction = new QAction(tr("Run &QAOA"), this);
    m_runQaoaAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_runQaoaAction->setStatusTip(tr("Simulate QAOA with the options of the QAOA panel"));
    connect(m_runQaoaAction, &QAction::triggered, this, [this] {
        raiseDock(m_qaoaDock);
        m_qaoaPanel->run();
    });
    m_runWarmstartAction = new QAction(tr("Run &Warm Start"), this);
    m_runWarmstartAction->setShortcut(QKeySequence(Qt::Key_F8));
    m_runWarmstartAction->setStatusTip(tr("Run the warm-start pipeline with the options of the Warm start panel"));
    connect(m_runWarmstartAction, &QAction::triggered, this, [this] {
        raiseDock(m_warmstartDock);
        m_warmstartPanel->run();
    });
    m_submitJobAction = new QAction(tr("Submit &Job…"), this);
    m_submitJobAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_submitJobAction->setStatusTip(tr("Send a QAOA circuit to a local emulator or to IBM Quantum"));
    connect(m_submitJobAction, &QAction::triggered, this, [this] {
        raiseDock(m_jobsDock);
        m_jobsPanel->openSubmitDialog();
    });
    m_cancelWorkAction = new QAction(tr("&Cancel Running Work"), this);
    m_cancelWorkAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelWorkAction->setStatusTip(
        tr("Cancel the run of the panel you are in, or every local run when that panel runs nothing"));
    connect(m_cancelWorkAction, &QAction::triggered, this, &MainWindow::cancelRunningWork);

    m_runSolverAction->setObjectName(QStringLiteral("runSolverAction"));
    m_runQaoaAction->setObjectName(QStringLiteral("runQaoaAction"));
    m_runWarmstartAction->setObjectName(QStringLiteral("runWarmstartAction"));
    m_submitJobAction->setObjectName(QStringLiteral("submitJobAction"));
    m_cancelWorkAction->setObjectName(QStringLiteral("cancelWorkAction"));
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_openExampleAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_exportFigureAction);
    file->addSeparator();
    // A submenu, not a top-level menu: the menu bar stays File, Edit, View, Help.
    QMenu* circuit = file->addMenu(tr("&Circuit"));
    circuit->addAction(m_transpileAction);
    circuit->addAction(m_saveQasmAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_addTaskAction);
    edit->addAction(m_removeTaskAction);
    edit->addSeparator();
    edit->addAction(m_addModelAction);
    edit->addAction(m_removeModelAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    // Alt+1, Alt+2, ... toggle the docks in menu order.
    for (int i = 0; i < m_docks.size(); ++i) {
        QAction* toggle = m_docks[i]->toggleViewAction();
        if (i < 9)
            toggle->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        toggle->setStatusTip(tr("Show or hide the %1 panel").arg(m_docks[i]->windowTitle()));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_resetLayoutAction);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    run->addAction(m_runSolverAction);
    run->addAction(m_runQaoaAction);
    run->addAction(m_transpileAction);
    run->addAction(m_runWarmstartAction);
    run->addSeparator();
    run->addAction(m_submitJobAction);
    run->addSeparator();
    run->addAction(m_cancelWorkAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_helpAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

bool MainWindow::isWorkRunning() const
{
    return m_solvePanel->job()->isRunning() || m_qaoaPanel->job()->isRunning()
        || m_transpilePanel->job()->isRunning() || m_warmstartPanel->job()->isRunning()
        || m_lcrpBatchPanel->isRunning();
}

bool MainWindow::cancelRunningWork()
{
    struct Work {
        QDockWidget* dock;
        bool running;
        std::function<void()> cancel;
    };
    const std::vector<Work> work = {
        {m_solveDock, m_solvePanel->job()->isRunning(), [this] { m_solvePanel->cancel(); }},
        {m_qaoaDock, m_qaoaPanel->job()->isRunning(), [this] { m_qaoaPanel->cancel(); }},
        {m_transpileDock, m_transpilePanel->job()->isRunning(), [this] { m_transpilePanel->cancel(); }},
        {m_warmstartDock, m_warmstartPanel->job()->isRunning(), [this] { m_warmstartPanel->cancel(); }},
        {m_lcrpBatchDock, m_lcrpBatchPanel->isRunning(), [this] { m_lcrpBatchPanel->cancel(); }},
    };
    // The panel with the focus first; when it runs nothing, everything that runs.
    for (const QWidget* w = QApplication::focusWidget(); w != nullptr; w = w->parentWidget()) {
        for (const Work& item : work) {
            if (w == item.dock && item.running) {
                item.cancel();
                statusBar()->showMessage(tr("Cancelling …"), 5000);
                return true;
            }
        }
    }
    bool any = false;
    for (const Work& item : work) {
        if (item.running) {
            item.cancel();
            any = true;
        }
    }
    if (any)
        statusBar()->showMessage(tr("Cancelling …"), 5000);
    return any;
}

void MainWindow::updateRunActions()
{
    m_cancelWorkAction->setEnabled(isWorkRunning());
}

} // namespace workbench
