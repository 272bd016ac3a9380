// SPDX-License-Identifier: MIT
// MainWindow: the document and its views, files, autosave and recovery, recent files, preferences, closing.
// Docks are in main_window_docks.cpp, actions and menus in main_window_actions.cpp.
#include "main_window.h"

#include "bundle/bundle_file.h"
#include "bundle/bundle_window.h"
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
#include "panels/lcrp_batch_panel.h"
#include "panels/penalty_panel.h"
#include "panels/qaoa_panel.h"
#include "panels/solve_panel.h"
#include "panels/transpile_panel.h"
#include "panels/warmstart_panel.h"
#include "plots/qubo_heatmap_plot.h"
#include "preferences/palettes.h"
#include "preferences/preferences_dialog.h"

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
#include <QMessageBox>
#include <QPixmap>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
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
    createRunActions();
    createMenus();
    createStatusBar();
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
    m_defaultLayout = layoutState();
    if (m_options.persistLayout) {
        QSettings settings;
        restoreGeometry(settings.value(GEOMETRY_KEY).toByteArray());
        restoreLayoutState(settings.value(STATE_KEY).toByteArray());
    }
    applyPreferences(AppPreferences::load());
    updateTitle();
    updateActions();
    updateRunActions();
}

MainWindow::~MainWindow()
{
    // Jobs hold copies of the data, but their finished signal must not reach a half-destroyed window.
    m_solvePanel->shutdown();
    m_qaoaPanel->shutdown();
    m_transpilePanel->shutdown();
    m_warmstartPanel->shutdown();
    m_jobsPanel->shutdown();
    m_lcrpBatchPanel->shutdown();
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
    if (filePath.endsWith(QLatin1String(engine::BUNDLE_EXTENSION), Qt::CaseInsensitive)) {
        // A bundle opens beside the example project, in its own window.
        openExample();
        return openFile(filePath);
    }
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
    // A bundle opens in its own window (recomputed and redrawn there); the project stays as it is.
    if (filePath.endsWith(QLatin1String(engine::BUNDLE_EXTENSION), Qt::CaseInsensitive)) {
        if (!QFileInfo::exists(filePath)) {
            showError(tr("Cannot open %1").arg(QFileInfo(filePath).fileName()), tr("The file does not exist."));
            return false;
        }
        showBundleWindow(this, filePath);
        return true;
    }
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
                                                      tr("QAOA Workbench projects (*.qwproj);;Reproducible bundles (*.qwbundle);;All files (*)"));
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

void MainWindow::applyPreferences(const AppPreferences& preferences)
{
    if (preferences.palette != m_preferences.palette || !m_preferencesApplied)
        applyPalette(preferences.palette);
    m_preferences = preferences;
    m_preferencesApplied = true;
    m_qaoaPanel->setThreadCount(preferences.threads);
    m_qaoaPanel->setPrecision(preferences.precision);
    m_warmstartPanel->setThreadCount(preferences.threads);
    m_warmstartPanel->setDefaultBackend(preferences.defaultBackend);
    m_jobsPanel->setDefaultBackend(preferences.defaultBackend);
}

void MainWindow::showPreferences()
{
    if (!m_options.interactive)
        return;
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const AppPreferences chosen = dialog.preferences();
    chosen.save();
    applyPreferences(chosen);
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
    m_lcrpBatchPanel->shutdown();
    m_autosaveTimer.stop();
    discardOwnAutosave();
    if (m_options.persistLayout) {
        QSettings settings;
        settings.setValue(GEOMETRY_KEY, saveGeometry());
        settings.setValue(STATE_KEY, layoutState());
    }
    event->accept();
}

} // namespace workbench
