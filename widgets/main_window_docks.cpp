// SPDX-License-Identifier: MIT
// MainWindow's docks: one helper per dock, the default layout, Reset Layout, the versioned saved state, the help
// dock and the status bar's work entries.
#include "main_window.h"

#include "document/project_document.h"
#include "experiment/experiment_panel.h"
#include "graph/graph_document.h"
#include "graph/graph_editor_panel.h"
#include "help/help_browser.h"
#include "jobs/qaoa_job.h"
#include "jobs/solve_job.h"
#include "jobs/transpile_job.h"
#include "jobs/warmstart_job.h"
#include "panels/jobs_panel.h"
#include "panels/lcrp_batch_panel.h"
#include "panels/penalty_panel.h"
#include "panels/qaoa_panel.h"
#include "panels/solve_panel.h"
#include "panels/transpile_panel.h"
#include "panels/warmstart_panel.h"
#include "plots/qubo_heatmap_plot.h"
#include "status/work_status_bar.h"

#include <QApplication>
#include <QDockWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoGroup>
#include <QStatusBar>
#include <QUndoView>

namespace workbench {

namespace {

/// The dynamic property of a dock that names its help page.
constexpr const char* HELP_PAGE_PROPERTY = "helpPage";
const QString CONTENTS_HELP_PAGE = QStringLiteral("index");

/// `panel` in a scroll area, so a tall panel never makes its dock area (and the window) taller than the screen.
QScrollArea* scrollable(QWidget* panel)
{
    auto* area = new QScrollArea;
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

void MainWindow::createDocks()
{
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    createPenaltyDock();
    createHistoryDock();
    createHeatmapDock();
    createSolveDock();
    createQaoaDock();
    createTranspileDock();
    createWarmstartDock();
    createJobsDock();
    createGraphEditorDock();
    createExperimentDock();
    createLcrpBatchDock();
    createHelpDock();
    m_solveDock->raise();

    resizeDocks({m_penaltyDock, m_heatmapDock}, {290, 500}, Qt::Horizontal);
    resizeDocks({m_penaltyDock, m_historyDock}, {380, 200}, Qt::Vertical);
    resizeDocks({m_solveDock}, {400}, Qt::Vertical);
}

QDockWidget* MainWindow::addPanelDock(QWidget* panel, const QString& title, const QString& objectName,
                                      Qt::DockWidgetArea area, const QString& helpPage)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setProperty(HELP_PAGE_PROPERTY, helpPage);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createPenaltyDock()
{
    m_penaltyPanel = new PenaltyPanel(m_document, this);
    m_penaltyDock = addPanelDock(m_penaltyPanel, tr("Penalties"), QStringLiteral("PenaltyDock"),
                                 Qt::LeftDockWidgetArea, QStringLiteral("penalty"));
}

void MainWindow::createHistoryDock()
{
    auto* history = new QUndoView(m_document->undoStack(), this);
    history->setEmptyLabel(tr("<opened>"));
    m_historyDock = addPanelDock(history, tr("History"), QStringLiteral("HistoryDock"), Qt::LeftDockWidgetArea,
                                 CONTENTS_HELP_PAGE);
    splitDockWidget(m_penaltyDock, m_historyDock, Qt::Vertical);
}

void MainWindow::createHeatmapDock()
{
    m_heatmap = new QuboHeatmapPlot(m_document, this);
    m_heatmapDock = addPanelDock(m_heatmap, tr("QUBO coefficients"), QStringLiteral("HeatmapDock"),
                                 Qt::RightDockWidgetArea, QStringLiteral("penalty"));
}

void MainWindow::createSolveDock()
{
    m_solvePanel = new SolvePanel(m_document, this);
    m_solveDock = addPanelDock(m_solvePanel, tr("Solve"), QStringLiteral("SolveDock"), Qt::BottomDockWidgetArea,
                               QStringLiteral("solver"));
}

void MainWindow::createQaoaDock()
{
    // The QAOA panel shares the bottom area with the solve panel as a tab: both compare solutions of one
    // instance, and the plots need the full width.
    m_qaoaPanel = new QaoaPanel(m_document, this);
    m_qaoaDock = addPanelDock(m_qaoaPanel, tr("QAOA"), QStringLiteral("QaoaDock"), Qt::BottomDockWidgetArea,
                              QStringLiteral("qaoa"));
    tabifyDockWidget(m_solveDock, m_qaoaDock);
}

void MainWindow::createTranspileDock()
{
    // Transpiling the QAOA circuit for a device is the next step after simulating it: the next tab.
    m_transpilePanel = new TranspilePanel(m_document, this);
    m_transpileDock = addPanelDock(m_transpilePanel, tr("Transpile"), QStringLiteral("TranspileDock"),
                                   Qt::BottomDockWidgetArea, QStringLiteral("transpile"));
    tabifyDockWidget(m_qaoaDock, m_transpileDock);
}

void MainWindow::createWarmstartDock()
{
    // Warm starts sample the QAOA state of an instance for a classical heuristic: a tab beside the QAOA one.
    m_warmstartPanel = new WarmstartPanel(m_document, this);
    m_warmstartDock = addPanelDock(m_warmstartPanel, tr("Warm start"), QStringLiteral("WarmStartDock"),
                                   Qt::BottomDockWidgetArea, QStringLiteral("warmstart"));
    tabifyDockWidget(m_qaoaDock, m_warmstartDock);
}

void MainWindow::createJobsDock()
{
    // Jobs take a QAOA circuit to a device (emulated or IBM) and their samples back into the warm-start analysis:
    // the last tab of the same row.
    JobsPanelOptions jobs;
    jobs.storePath = jobStorePathFor(m_options);
    jobs.interactive = m_options.interactive;
    m_jobsPanel = new JobsPanel(m_document, std::move(jobs), this);
    m_jobsDock = addPanelDock(m_jobsPanel, tr("Jobs"), QStringLiteral("JobsDock"), Qt::BottomDockWidgetArea,
                              QStringLiteral("jobs"));
    tabifyDockWidget(m_warmstartDock, m_jobsDock);
}

void MainWindow::createGraphEditorDock()
{
    // Graphs are designed beside the task tables; the editor keeps its own undo history (see followFocusForUndo).
    m_graphEditor = new GraphEditorPanel(this);
    m_graphDock = addPanelDock(scrollable(m_graphEditor), tr("Graph editor"), QStringLiteral("GraphEditorDock"),
                               Qt::RightDockWidgetArea, QStringLiteral("graph-editor"));
    tabifyDockWidget(m_heatmapDock, m_graphDock);
    m_heatmapDock->raise();
}

void MainWindow::createExperimentDock()
{
    // Sweeps and paper reproductions run on the current project's instance: a tab after the jobs.
    m_experimentPanel = new ExperimentPanel(this);
    m_experimentPanel->setProjectInstance(m_document->instance());
    connect(m_document, &ProjectDocument::changed, m_experimentPanel,
            [this] { m_experimentPanel->setProjectInstance(m_document->instance()); });
    m_experimentDock = addPanelDock(scrollable(m_experimentPanel), tr("Experiments"), QStringLiteral("ExperimentDock"),
                                    Qt::BottomDockWidgetArea, QStringLiteral("experiments"));
    tabifyDockWidget(m_jobsDock, m_experimentDock);
}

void MainWindow::createLcrpBatchDock()
{
    // Production-scale routing batches split into device-sized groups: a tab after the experiments.
    m_lcrpBatchPanel = new LcrpBatchPanel(m_document, this);
    m_lcrpBatchDock = addPanelDock(scrollable(m_lcrpBatchPanel), tr("LCRP batch"), QStringLiteral("LcrpBatchDock"),
                                   Qt::BottomDockWidgetArea, QStringLiteral("experiments"));
    tabifyDockWidget(m_experimentDock, m_lcrpBatchDock);
    connect(m_lcrpBatchPanel, &LcrpBatchPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    // Run (connected after the panel's own handler) and the end of a batch switch Cancel work on and off.
    connect(m_lcrpBatchPanel->runButton(), &QPushButton::clicked, this, &MainWindow::updateRunActions);
    connect(m_lcrpBatchPanel, &LcrpBatchPanel::finished, this, &MainWindow::updateRunActions);
    // Group jobs go through the Jobs panel (its account and service) and are read back from its store.
    m_lcrpBatchPanel->setJobHandling([this](const engine::JobSubmission& s) { m_jobsPanel->submit(s); },
                                     jobStorePathFor(m_options));
}

void MainWindow::followFocusForUndo(QWidget* now)
{
    for (QWidget* w = now; w != nullptr; w = w->parentWidget()) {
        if (w == m_graphEditor) {
            m_undoGroup->setActiveStack(m_graphEditor->undoStack());
            return;
        }
        if (w == this)
            break;
    }
    // Focus anywhere else in this window (not in another window, not nowhere) gives the project back its undo.
    if (now != nullptr && now->window() == this)
        m_undoGroup->setActiveStack(m_document->undoStack());
}

void MainWindow::createHelpDock()
{
    // Help sits beside the heat map and stays hidden until asked for (F1 or the Help menu).
    m_helpBrowser = new HelpBrowser(this);
    m_helpDock = addPanelDock(m_helpBrowser, tr("Help"), QStringLiteral("HelpDock"), Qt::RightDockWidgetArea,
                              CONTENTS_HELP_PAGE);
    tabifyDockWidget(m_heatmapDock, m_helpDock);
    m_helpDock->hide();
}

void MainWindow::createStatusBar()
{
    m_workStatus = new WorkStatusBar(this);
    statusBar()->addPermanentWidget(m_workStatus);
    const auto track = [this](auto* job, auto startedSignal, auto finishedSignal, WorkStatusBar::Work work) {
        connect(job, startedSignal, this, [this, work] {
            m_workStatus->setRunning(work, true);
            updateRunActions();
        });
        connect(job, finishedSignal, this, [this, work] {
            m_workStatus->setRunning(work, false);
            updateRunActions();
        });
    };
    track(m_solvePanel->job(), &SolveJob::started, &SolveJob::finished, WorkStatusBar::Work::Solver);
    track(m_qaoaPanel->job(), &QaoaJob::started, &QaoaJob::finished, WorkStatusBar::Work::Qaoa);
    track(m_transpilePanel->job(), &TranspileJob::started, &TranspileJob::finished, WorkStatusBar::Work::Transpile);
    track(m_warmstartPanel->job(), &WarmstartJob::started, &WarmstartJob::finished, WorkStatusBar::Work::Warmstart);
    m_workStatus->setJobCounts(m_jobsPanel->runningJobCount(), m_jobsPanel->queuedJobCount());
    connect(m_jobsPanel, &JobsPanel::jobCountsChanged, m_workStatus, &WorkStatusBar::setJobCounts);
    connect(m_workStatus, &WorkStatusBar::activated, this, [this](WorkStatusBar::Work work) {
        switch (work) {
        case WorkStatusBar::Work::Solver: raiseDock(m_solveDock); return;
        case WorkStatusBar::Work::Qaoa: raiseDock(m_qaoaDock); return;
        case WorkStatusBar::Work::Transpile: raiseDock(m_transpileDock); return;
        case WorkStatusBar::Work::Warmstart: raiseDock(m_warmstartDock); return;
        case WorkStatusBar::Work::Jobs: raiseDock(m_jobsDock); return;
        }
    });
}

void MainWindow::raiseDock(QDockWidget* dock)
{
    dock->show();
    dock->raise();
}

void MainWindow::showHelp(const QString& page)
{
    m_helpBrowser->showPage(page);
    raiseDock(m_helpDock);
}

QString MainWindow::helpPageFor(const QWidget* widget) const
{
    for (const QWidget* w = widget; w != nullptr; w = w->parentWidget()) {
        if (const auto* dock = qobject_cast<const QDockWidget*>(w); dock && m_docks.contains(dock)) {
            const QString page = dock->property(HELP_PAGE_PROPERTY).toString();
            return page.isEmpty() ? CONTENTS_HELP_PAGE : page;
        }
    }
    return CONTENTS_HELP_PAGE;
}

void MainWindow::resetLayout()
{
    restoreLayoutState(m_defaultLayout);
    for (QDockWidget* dock : std::as_const(m_docks)) {
        if (dock->isFloating())
            dock->setFloating(false);
        dock->setVisible(dock != m_helpDock);
    }
    m_solveDock->raise();
}

QByteArray MainWindow::layoutState() const
{
    return saveState(LAYOUT_STATE_VERSION);
}

bool MainWindow::restoreLayoutState(const QByteArray& state)
{
    return !state.isEmpty() && restoreState(state, LAYOUT_STATE_VERSION);
}

} // namespace workbench
