// SPDX-License-Identifier: MIT
// MainWindow: wiring of document, views, docks (jobs included), menus, autosave, recovery and recent files.
#include "main_window.h"

#include "commands/add_remove_model.h"
#include "commands/add_remove_task.h"
#include "core/error.h"
#include "document/error_text.h"
#include "document/project_document.h"
#include "models/field_delegate.h"
#include "models/model_table_model.h"
#include "models/task_table_model.h"
#include "jobstore/job_store.h"
#include "panels/jobs_panel.h"
#include "panels/penalty_panel.h"
#include "panels/qaoa_panel.h"
#include "panels/solve_panel.h"
#include "panels/transpile_panel.h"
#include "panels/warmstart_panel.h"
#include "plots/qubo_heatmap_plot.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDebug>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace workbench {

namespace {

constexpr int MAX_RECENT_FILES = 8;
const QString RECENT_FILES_KEY = QStringLiteral("recentFiles");
const QString GEOMETRY_KEY = QStringLiteral("mainWindow/geometry");
const QString STATE_KEY = QStringLiteral("mainWindow/state");

QString exampleName(const QString& path)
{
    return QFileInfo(path).completeBaseName();
}

QWidget* titled(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 0);
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

QTableView* makeTableView(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setItemDelegate(new FieldDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed);
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    return view;
}

} // namespace

QString jobStorePathFor(const MainWindowOptions& options)
{
    if (!options.jobStorePath.isEmpty())
        return options.jobStorePath;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString fromEnv = env.value(QStringLiteral("QAOA_JOB_STORE"));
    if (!fromEnv.isEmpty())
        return fromEnv;
    try {
        return QString::fromStdString(engine::defaultJobStorePath(env.value(QStringLiteral("XDG_DATA_HOME")).toStdString(),
                                                                  env.value(QStringLiteral("HOME")).toStdString()));
    } catch (const engine::Error&) {
        return {};
    }
}

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_document(new ProjectDocument(this))
    , m_autosave(m_options.autosaveDirectory)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_taskModel = new TaskTableModel(m_document, this);
    m_modelModel = new ModelTableModel(m_document, this);
    m_taskView = makeTableView(m_taskModel, this);
    m_modelView = makeTableView(m_modelModel, this);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(titled(tr("Tasks"), m_taskView, splitter));
    splitter->addWidget(titled(tr("Model tiers"), m_modelView, splitter));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    createDocks();
    createActions();
    createMenus();
    statusBar()->showMessage(tr("Ready"));

    connect(m_taskModel, &TaskTableModel::validationFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_modelModel, &ModelTableModel::validationFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_solvePanel, &SolvePanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_qaoaPanel, &QaoaPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_qaoaPanel, &QaoaPanel::runStarted, m_qaoaDock, &QDockWidget::raise);
    connect(m_transpilePanel, &TranspilePanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_transpilePanel, &TranspilePanel::runStarted, m_transpileDock, &QDockWidget::raise);
    connect(m_warmstartPanel, &WarmstartPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_warmstartPanel, &WarmstartPanel::runStarted, m_warmstartDock, &QDockWidget::raise);
    connect(m_jobsPanel, &JobsPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_jobsPanel, &JobsPanel::openInWarmStartRequested, this,
            [this](const engine::Instance& instance, const engine::SampleCounts& samples, const QString& backend) {
                m_warmstartPanel->useJobSamples(instance, samples, backend);
                m_warmstartDock->show();
                m_warmstartDock->raise();
            });
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::fileChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::updateActions);
    connect(m_taskView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateActions);
    connect(m_modelView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateActions);

    m_autosaveTimer.setInterval(m_options.autosaveIntervalMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosaveTimer.start();

    resize(1400, 900);
    if (m_options.persistLayout) {
        QSettings settings;
        restoreGeometry(settings.value(GEOMETRY_KEY).toByteArray());
        restoreState(settings.value(STATE_KEY).toByteArray());
    }
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Jobs hold copies of the data, but their finished signal must not reach a half-destroyed window.
    m_solvePanel->shutdown();
    m_qaoaPanel->shutdown();
    m_transpilePanel->shutdown();
    m_warmstartPanel->shutdown();
    m_jobsPanel->shutdown();
}

void MainWindow::createDocks()
{
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    m_penaltyPanel = new PenaltyPanel(m_document, this);
    m_penaltyDock = new QDockWidget(tr("Penalties"), this);
    m_penaltyDock->setObjectName(QStringLiteral("PenaltyDock"));
    m_penaltyDock->setWidget(m_penaltyPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_penaltyDock);

    auto* history = new QUndoView(m_document->undoStack(), this);
    history->setEmptyLabel(tr("<opened>"));
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("HistoryDock"));
    m_historyDock->setWidget(history);
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);
    splitDockWidget(m_penaltyDock, m_historyDock, Qt::Vertical);

    m_heatmap = new QuboHeatmapPlot(m_document, this);
    m_heatmapDock = new QDockWidget(tr("QUBO coefficients"), this);
    m_heatmapDock->setObjectName(QStringLiteral("HeatmapDock"));
    m_heatmapDock->setWidget(m_heatmap);
    addDockWidget(Qt::RightDockWidgetArea, m_heatmapDock);

    m_solvePanel = new SolvePanel(m_document, this);
    m_solveDock = new QDockWidget(tr("Solve"), this);
    m_solveDock->setObjectName(QStringLiteral("SolveDock"));
    m_solveDock->setWidget(m_solvePanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_solveDock);

    // The QAOA panel shares the bottom area with the solve panel as a tab: both compare solutions of one
    // instance, and the plots need the full width.
    m_qaoaPanel = new QaoaPanel(m_document, this);
    m_qaoaDock = new QDockWidget(tr("QAOA"), this);
    m_qaoaDock->setObjectName(QStringLiteral("QaoaDock"));
    m_qaoaDock->setWidget(m_qaoaPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_qaoaDock);
    tabifyDockWidget(m_solveDock, m_qaoaDock);

    // Transpiling the QAOA circuit for a device is the next step after simulating it: the next tab.
    m_transpilePanel = new TranspilePanel(m_document, this);
    m_transpileDock = new QDockWidget(tr("Transpile"), this);
    m_transpileDock->setObjectName(QStringLiteral("TranspileDock"));
    m_transpileDock->setWidget(m_transpilePanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_transpileDock);
    tabifyDockWidget(m_qaoaDock, m_transpileDock);

    // Warm starts sample the QAOA state of an instance for a classical heuristic: a tab beside the QAOA one.
    m_warmstartPanel = new WarmstartPanel(m_document, this);
    m_warmstartDock = new QDockWidget(tr("Warm start"), this);
    m_warmstartDock->setObjectName(QStringLiteral("WarmStartDock"));
    m_warmstartDock->setWidget(m_warmstartPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_warmstartDock);
    tabifyDockWidget(m_qaoaDock, m_warmstartDock);

    // Jobs take a QAOA circuit to a device (emulated or IBM) and their samples back into the warm-start analysis:
    // the last tab of the same row.
    JobsPanelOptions jobs;
    jobs.storePath = jobStorePathFor(m_options);
    jobs.interactive = m_options.interactive;
    m_jobsPanel = new JobsPanel(m_document, std::move(jobs), this);
    m_jobsDock = new QDockWidget(tr("Jobs"), this);
    m_jobsDock->setObjectName(QStringLiteral("JobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    tabifyDockWidget(m_warmstartDock, m_jobsDock);
    m_solveDock->raise();

    resizeDocks({m_penaltyDock, m_heatmapDock}, {290, 500}, Qt::Horizontal);
    resizeDocks({m_penaltyDock, m_historyDock}, {380, 200}, Qt::Vertical);
    resizeDocks({m_solveDock}, {400}, Qt::Vertical);
}

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
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

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

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock :
         {m_penaltyDock, m_heatmapDock, m_solveDock, m_qaoaDock, m_transpileDock, m_warmstartDock, m_jobsDock,
          m_historyDock})
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — QAOA Workbench").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::discardOwnAutosave()
{
    if (m_ownAutosave) {
        m_autosave.remove(*m_ownAutosave);
        m_ownAutosave.reset();
    }
}

void MainWindow::updateActions()
{
    const int tasks = static_cast<int>(m_document->instance().numTasks());
    const int models = static_cast<int>(m_document->instance().numModels());
    m_addTaskAction->setEnabled(tasks < MAX_EDITOR_TASKS);
    m_removeTaskAction->setEnabled(tasks > 1 && m_taskView->currentIndex().isValid());
    m_addModelAction->setEnabled(models < MAX_EDITOR_MODELS);
    m_removeModelAction->setEnabled(models > 1 && m_modelView->currentIndex().isValid());
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(RECENT_FILES_KEY).toStringList();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString& path : files) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("Clear List"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [] { QSettings().remove(RECENT_FILES_KEY); });
}

void MainWindow::addRecentFile(const QString& filePath)
{
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MAX_RECENT_FILES)
        files.removeLast();
    QSettings().setValue(RECENT_FILES_KEY, files);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    statusBar()->showMessage(title + QStringLiteral(": ") + message.section(QLatin1Char('\n'), 0, 0), 10000);
    if (m_options.interactive)
        QMessageBox::critical(this, title, message);
    else
        qWarning().noquote() << title << message;
}

bool MainWindow::openInitial(const QString& filePath)
{
    const QString target = filePath.isEmpty() ? QString() : QFileInfo(filePath).absoluteFilePath();
    const QString recovery = m_autosave.recoverable(target);
    if (!recovery.isEmpty() && m_options.interactive && m_options.offerRecovery) {
        const QString question = filePath.isEmpty()
            ? tr("An autosave of an unsaved project from an earlier session exists. Recover it?")
            : tr("An autosave of %1 is newer than the file. Recover it?").arg(QFileInfo(filePath).fileName());
        const auto answer = QMessageBox::question(this, tr("Recover Project"), question,
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            try {
                ProjectData data = readProjectFile(recovery);
                m_document->reset(std::move(data), target, tr("Recovered"));
                m_document->markModified();
                m_ownAutosave = target;
                statusBar()->showMessage(tr("Recovered from %1").arg(recovery), 10000);
                return true;
            } catch (const engine::Error& e) {
                showError(tr("Recovery failed"), errorMessage(e));
            }
        }
        // Declined or unreadable: forget it, or the question comes back at every start.
        QFile::remove(recovery);
    }
    if (filePath.isEmpty())
        return openExample();
    if (openFile(filePath))
        return true;
    openExample();
    return false;
}

bool MainWindow::openFile(const QString& filePath)
{
    try {
        m_document->load(filePath);
    } catch (const engine::Error& e) {
        showError(tr("Cannot open %1").arg(QFileInfo(filePath).fileName()), errorMessage(e));
        return false;
    }
    discardOwnAutosave();
    addRecentFile(filePath);
    statusBar()->showMessage(tr("Opened %1").arg(m_document->filePath()), 5000);
    return true;
}

bool MainWindow::openExample()
{
    try {
        m_document->loadAsUntitled(m_options.examplePath, exampleName(m_options.examplePath));
    } catch (const engine::Error& e) {
        showError(tr("Cannot open the example"), errorMessage(e));
        return false;
    }
    discardOwnAutosave();
    return true;
}

bool MainWindow::saveTo(const QString& filePath)
{
    try {
        m_document->save(filePath);
    } catch (const engine::Error& e) {
        showError(tr("Cannot save %1").arg(QFileInfo(filePath).fileName()), errorMessage(e));
        return false;
    }
    discardOwnAutosave();
    addRecentFile(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
    return true;
}

void MainWindow::autosaveNow()
{
    if (!m_document->isModified())
        return;
    if (m_ownAutosave && *m_ownAutosave != m_document->filePath())
        discardOwnAutosave();
    try {
        m_autosave.write(m_document->filePath(), m_document->data());
        m_ownAutosave = m_document->filePath();
    } catch (const engine::Error& e) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromStdString(e.what())), 10000);
    }
}

bool MainWindow::saveScreenshot(const QString& filePath)
{
    return grab().save(filePath, "PNG");
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified() || !m_options.interactive)
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    if (m_document->isUntitled())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    const QString untitledName = m_document->displayName() + QLatin1Char('.') + QLatin1String(PROJECT_SUFFIX);
    const QString suggestion =
        m_document->isUntitled() ? QDir(QDir::homePath()).filePath(untitledName) : m_document->filePath();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestion,
                                                tr("QAOA Workbench projects (*.qwproj)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + QLatin1String(PROJECT_SUFFIX);
    return saveTo(path);
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_document->reset(ProjectDocument::newProjectData(), QString());
    discardOwnAutosave();
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString start =
        m_document->isUntitled() ? QDir::homePath() : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), start,
                                                      tr("QAOA Workbench projects (*.qwproj);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::addTask()
{
    const engine::LcrpInstance& instance = m_document->instance();
    if (static_cast<int>(instance.numTasks()) >= MAX_EDITOR_TASKS)
        return;
    const QModelIndex current = m_taskView->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : static_cast<int>(instance.numTasks());
    engine::LcrpTask task;
    task.id = freeTaskId(instance);
    task.complexity = 1;
    task.tokens = 300.0;
    m_document->undoStack()->push(new AddTask(m_document, row, task));
    m_taskView->setCurrentIndex(m_taskModel->index(row, TaskTableModel::IdColumn));
}

void MainWindow::removeTask()
{
    const QModelIndex current = m_taskView->currentIndex();
    if (!current.isValid() || m_document->instance().numTasks() <= 1)
        return;
    m_document->undoStack()->push(new RemoveTask(m_document, current.row()));
}

void MainWindow::addModel()
{
    const engine::LcrpInstance& instance = m_document->instance();
    if (static_cast<int>(instance.numModels()) >= MAX_EDITOR_MODELS)
        return;
    // Offer the paper's next tier first; beyond the five tiers, a neutral new model.
    engine::LcrpModel model{freeModelName(instance), 1.0, 0.5, 500.0, 128000.0};
    for (const engine::LcrpModel& tier : engine::defaultModelTiers()) {
        bool used = false;
        for (const engine::LcrpModel& existing : instance.models)
            used = used || existing.name == tier.name;
        if (!used) {
            model = tier;
            break;
        }
    }
    const QModelIndex current = m_modelView->currentIndex();
    const int row = current.isValid() ? current.row() + 1 : static_cast<int>(instance.numModels());
    m_document->undoStack()->push(new AddModel(m_document, row, model));
    m_modelView->setCurrentIndex(m_modelModel->index(row, ModelTableModel::NameColumn));
}

void MainWindow::removeModel()
{
    const QModelIndex current = m_modelView->currentIndex();
    if (!current.isValid() || m_document->instance().numModels() <= 1)
        return;
    m_document->undoStack()->push(new RemoveModel(m_document, current.row()));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About QAOA Workbench"),
                       tr("<h3>QAOA Workbench %1</h3>"
                          "<p>Edit LLM cascade routing problems, inspect their QUBO and compare classical solvers.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_solvePanel->shutdown();
    m_qaoaPanel->shutdown();
    m_transpilePanel->shutdown();
    m_warmstartPanel->shutdown();
    m_jobsPanel->shutdown();
    m_autosaveTimer.stop();
    discardOwnAutosave();
    if (m_options.persistLayout) {
        QSettings settings;
        settings.setValue(GEOMETRY_KEY, saveGeometry());
        settings.setValue(STATE_KEY, saveState());
    }
    event->accept();
}

} // namespace workbench
