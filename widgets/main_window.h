// SPDX-License-Identifier: MIT
// MainWindow: menus, the task/model tables, the panel docks, help, preferences, status, autosave, recent files.
#pragma once

#include "document/autosave.h"
#include "preferences/app_preferences.h"

#include <QMainWindow>
#include <QTimer>

#include <optional>

class QAction;
class QUndoGroup;
class QDockWidget;
class QMenu;
class QTableView;

namespace workbench {

class HelpBrowser;
class ExperimentPanel;
class GraphEditorPanel;
class JobsPanel;
class LcrpBatchPanel;
class ModelTableModel;
class PenaltyPanel;
class ProjectDocument;
class QaoaPanel;
class QuboHeatmapPlot;
class SolvePanel;
class TaskTableModel;
class TranspilePanel;
class WarmstartPanel;
class WorkStatusBar;

/// Largest instance the Add actions grow to (the heat map and the exact solver stay responsive below it).
constexpr int MAX_EDITOR_TASKS = 500;
constexpr int MAX_EDITOR_MODELS = 20;
/// The bundled example project (compiled into the application's resources).
inline constexpr const char* EXAMPLE_PROJECT_PATH = ":/examples/paper-4x3.qwproj";

/// Version of the saved dock layout. A saved layout of another version is ignored (the default layout is used),
/// so a layout saved before a dock existed never hides or misplaces it: bump this when docks are added,
/// removed or renamed.
constexpr int LAYOUT_STATE_VERSION = 3;

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

    /// Applies `preferences` to the running window: palette, and the default backend, threads and precision
    /// of the panels (for their next runs). Does not save them.
    void applyPreferences(const AppPreferences& preferences);
    /// The preferences applied last.
    const AppPreferences& preferences() const { return m_preferences; }
    /// Opens the preferences dialog (interactive only); accepted values are saved and applied.
    void showPreferences();
    /// Shows the help dock at `page` ("index", "qaoa", ...; HelpBrowser::panelPages()).
    void showHelp(const QString& page);
    /// The help page of the dock that holds `widget` ("index" outside every panel dock).
    QString helpPageFor(const QWidget* widget) const;
    /// Puts every dock back where it was when the window was created, and shows them (the help dock hidden).
    void resetLayout();
    /// The dock layout as saved in the settings (versioned with LAYOUT_STATE_VERSION).
    QByteArray layoutState() const;
    /// Restores a layout from layoutState(); false (layout unchanged) when it is of another version or broken.
    bool restoreLayoutState(const QByteArray& state);
    /// Cancels the local work (solver, QAOA, transpile, warm start) of the panel that has the focus, or all of it
    /// when the focus is in none that runs. Returns whether anything was cancelled.
    bool cancelRunningWork();
    /// Whether any local work runs.
    bool isWorkRunning() const;

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
    GraphEditorPanel* graphEditor() const { return m_graphEditor; }
    QDockWidget* graphDock() const { return m_graphDock; }
    ExperimentPanel* experimentPanel() const { return m_experimentPanel; }
    QDockWidget* experimentDock() const { return m_experimentDock; }
    LcrpBatchPanel* lcrpBatchPanel() const { return m_lcrpBatchPanel; }
    QDockWidget* lcrpBatchDock() const { return m_lcrpBatchDock; }
    PenaltyPanel* penaltyPanel() const { return m_penaltyPanel; }
    QDockWidget* penaltyDock() const { return m_penaltyDock; }
    QDockWidget* heatmapDock() const { return m_heatmapDock; }
    QDockWidget* solveDock() const { return m_solveDock; }
    QDockWidget* historyDock() const { return m_historyDock; }
    QDockWidget* helpDock() const { return m_helpDock; }
    HelpBrowser* helpBrowser() const { return m_helpBrowser; }
    WorkStatusBar* workStatusBar() const { return m_workStatus; }
    /// Every dock, in the order of the View menu.
    const QList<QDockWidget*>& docks() const { return m_docks; }
    const AutosaveStore& autosaveStore() const { return m_autosave; }
    QStringList recentFiles() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createRunActions();
    void createMenus();
    void createDocks();
    // One helper per dock: each creates its panel and dock and places it in the default layout.
    QDockWidget* addPanelDock(QWidget* panel, const QString& title, const QString& objectName,
                              Qt::DockWidgetArea area, const QString& helpPage);
    void createPenaltyDock();
    void createHistoryDock();
    void createHeatmapDock();
    void createSolveDock();
    void createQaoaDock();
    void createTranspileDock();
    void createWarmstartDock();
    void createJobsDock();
    void createGraphEditorDock();
    void createExperimentDock();
    void createLcrpBatchDock();
    void createHelpDock();
    /// Edit > Undo/Redo act on the project, or on the graph editor while it has the focus.
    void followFocusForUndo(QWidget* now);
    void createStatusBar();
    void updateRunActions();
    void raiseDock(QDockWidget* dock);
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
    GraphEditorPanel* m_graphEditor = nullptr;
    QDockWidget* m_graphDock = nullptr;
    ExperimentPanel* m_experimentPanel = nullptr;
    QDockWidget* m_experimentDock = nullptr;
    LcrpBatchPanel* m_lcrpBatchPanel = nullptr;
    QDockWidget* m_lcrpBatchDock = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    QAction* m_exportFigureAction = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QDockWidget* m_helpDock = nullptr;
    HelpBrowser* m_helpBrowser = nullptr;
    WorkStatusBar* m_workStatus = nullptr;
    QList<QDockWidget*> m_docks;  // every dock, View menu order
    QByteArray m_defaultLayout;   // the layout right after the docks were created (Reset Layout)
    AppPreferences m_preferences;
    bool m_preferencesApplied = false;  // the palette is applied on the first applyPreferences in any case

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
    QAction* m_preferencesAction = nullptr;
    QAction* m_helpAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_runSolverAction = nullptr;
    QAction* m_runQaoaAction = nullptr;
    QAction* m_runWarmstartAction = nullptr;
    QAction* m_submitJobAction = nullptr;
    QAction* m_cancelWorkAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace workbench
