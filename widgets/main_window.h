// SPDX-License-Identifier: MIT
// MainWindow: menus, the task/model tables, the solver, QAOA, transpile, warm-start and job docks, autosave, recent files.
#pragma once

#include "document/autosave.h"

#include <QMainWindow>
#include <QTimer>

#include <optional>

class QAction;
class QDockWidget;
class QMenu;
class QTableView;

namespace workbench {

class JobsPanel;
class ModelTableModel;
class PenaltyPanel;
class ProjectDocument;
class QaoaPanel;
class QuboHeatmapPlot;
class SolvePanel;
class TaskTableModel;
class TranspilePanel;
class WarmstartPanel;

/// Largest instance the Add actions grow to (the heat map and the exact solver stay responsive below it).
constexpr int MAX_EDITOR_TASKS = 500;
constexpr int MAX_EDITOR_MODELS = 20;
/// The bundled example project (compiled into the application's resources).
inline constexpr const char* EXAMPLE_PROJECT_PATH = ":/examples/paper-4x3.qwproj";

/// How a MainWindow behaves outside an interactive session.
struct MainWindowOptions {
    /// false: never open a modal dialog (tests, --screenshot); errors go to the status bar and the log,
    /// closing never asks to save, recovery is never offered.
    bool interactive = true;
    /// Offer to recover a newer autosave when opening (only when interactive).
    bool offerRecovery = true;
    /// Restore and save the window geometry and dock layout in QSettings.
    bool persistLayout = true;
    QString autosaveDirectory;                                  ///< empty: AutosaveStore's default
    int autosaveIntervalMs = 60'000;                            ///< autosave period of a modified document
    QString examplePath = QString::fromLatin1(EXAMPLE_PROJECT_PATH);  ///< what opens when no file is given
    /// The job store of the Jobs dock. Empty: the environment variable QAOA_JOB_STORE when set, else the
    /// engine's default (XDG data folder).
    QString jobStorePath;
};

/// The job store path `options` choose (see MainWindowOptions::jobStorePath); empty when none can be found.
QString jobStorePathFor(const MainWindowOptions& options);

/// The workbench's one window over one ProjectDocument. The document object lives as long as the window;
/// New and Open replace its content (after asking to save), so views stay connected.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens `filePath`, or the example when it is empty; offers a newer autosave first (see options).
    /// Returns false when the file could not be opened (the example is then shown instead).
    bool openInitial(const QString& filePath);
    /// Opens a project file; on failure shows the error and keeps the current document. Does not ask to save.
    bool openFile(const QString& filePath);
    /// Replaces the document with the bundled example, untitled and named after it.
    bool openExample();
    /// Saves to `filePath` (the document then takes that path). Returns false after showing the error.
    bool saveTo(const QString& filePath);
    /// Writes the autosave of a modified document now (the timer calls this).
    void autosaveNow();
    /// Renders the window into a PNG file; false when it cannot be written.
    bool saveScreenshot(const QString& filePath);

    ProjectDocument* document() const { return m_document; }
    QTableView* taskView() const { return m_taskView; }
    QTableView* modelView() const { return m_modelView; }
    QuboHeatmapPlot* heatmap() const { return m_heatmap; }
    SolvePanel* solvePanel() const { return m_solvePanel; }
    QaoaPanel* qaoaPanel() const { return m_qaoaPanel; }
    QDockWidget* qaoaDock() const { return m_qaoaDock; }
    TranspilePanel* transpilePanel() const { return m_transpilePanel; }
    QDockWidget* transpileDock() const { return m_transpileDock; }
    WarmstartPanel* warmstartPanel() const { return m_warmstartPanel; }
    QDockWidget* warmstartDock() const { return m_warmstartDock; }
    JobsPanel* jobsPanel() const { return m_jobsPanel; }
    QDockWidget* jobsDock() const { return m_jobsDock; }
    PenaltyPanel* penaltyPanel() const { return m_penaltyPanel; }
    const AutosaveStore& autosaveStore() const { return m_autosave; }
    QStringList recentFiles() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void updateTitle();
    void updateActions();
    void updateRecentMenu();
    void addRecentFile(const QString& filePath);
    void showError(const QString& title, const QString& message);
    void discardOwnAutosave();
    bool maybeSave();
    bool save();
    bool saveAs();
    void newProject();
    void openDialog();
    void addTask();
    void removeTask();
    void addModel();
    void removeModel();
    void about();

    MainWindowOptions m_options;
    ProjectDocument* m_document;
    AutosaveStore m_autosave;
    // The document identity (file path, "" for untitled) of the autosave this window wrote or recovered;
    // only that one is ever deleted, so another session's autosave survives until it is offered.
    std::optional<QString> m_ownAutosave;
    QTimer m_autosaveTimer;

    TaskTableModel* m_taskModel = nullptr;
    ModelTableModel* m_modelModel = nullptr;
    QTableView* m_taskView = nullptr;
    QTableView* m_modelView = nullptr;
    PenaltyPanel* m_penaltyPanel = nullptr;
    QuboHeatmapPlot* m_heatmap = nullptr;
    SolvePanel* m_solvePanel = nullptr;
    QaoaPanel* m_qaoaPanel = nullptr;
    TranspilePanel* m_transpilePanel = nullptr;
    WarmstartPanel* m_warmstartPanel = nullptr;
    JobsPanel* m_jobsPanel = nullptr;
    QDockWidget* m_penaltyDock = nullptr;
    QDockWidget* m_heatmapDock = nullptr;
    QDockWidget* m_solveDock = nullptr;
    QDockWidget* m_qaoaDock = nullptr;
    QDockWidget* m_transpileDock = nullptr;
    QDockWidget* m_warmstartDock = nullptr;
    QDockWidget* m_jobsDock = nullptr;
    QDockWidget* m_historyDock = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_openExampleAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_addTaskAction = nullptr;
    QAction* m_removeTaskAction = nullptr;
    QAction* m_addModelAction = nullptr;
    QAction* m_removeModelAction = nullptr;
    QAction* m_transpileAction = nullptr;
    QAction* m_saveQasmAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace workbench
