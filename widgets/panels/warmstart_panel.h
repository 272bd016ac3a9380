// SPDX-License-Identifier: MIT
// WarmstartPanel: the warm-start pipeline on one instance with live Q-factor, and the emulated Q-factor sweep.
#pragma once

#include "jobs/warmstart_job.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace workbench {

class EnergyHistogramPlot;
class LiveQFactorPlot;
class ProjectDocument;
class QFactorSweepPlot;
class RuntimeComparisonPlot;
class SuccessCurvePlot;
struct ChangeEvent;

/// Editor limits of the warm-start options (inside the engine's own limits).
constexpr int MAX_WARMSTART_PANEL_VERTICES = 1000;
constexpr int MAX_WARMSTART_PANEL_DEPTH = 64;
constexpr int MAX_WARMSTART_PANEL_SHOTS = 10'000'000;
constexpr int MAX_WARMSTART_PANEL_RUNS = 100'000;
constexpr int MAX_WARMSTART_PANEL_ITERATIONS = 100'000'000;
constexpr int MAX_WARMSTART_PANEL_GRAPHS = 1000;

/// Two pages. "Single instance": options on the left (the instance: the project's LCRP instance, a generated
/// random graph as Max-Cut, or an instance file; QAOA depth, backend, shots, readout mitigation, filter, solver,
/// runs, iteration cap or time limit, seed), Run/Cancel and progress in finished runs, the figures of the
/// finished run, and tabs with the energy histogram, the success curves, the live Q-factor, which is
/// recomputed from the runs finished so far while the experiment goes on, and (with "Compare runtimes", time-based
/// Max-Cut) the expected runtimes of tabu from both start types, VNS, the rank-two heuristic and the exact solver. "Sweep": the emulated protocol of the
/// warm-starts paper over families, sizes and depths, with the median Q against p and against N and a table of
/// the summary rows, filled group by group as the sweep goes on. One job runs at a time; the work runs on the
/// job's worker, never on the GUI thread (an instance file is read when it is chosen).
class WarmstartPanel final : public QWidget {
    Q_OBJECT

public:
    /// Where the pipeline's instance comes from (the order of the source box).
    enum class InstanceSource { Project = 0, Generated = 1, File = 2 };
    /// The generated graph families (the order of the family box).
    enum class GraphFamily { Regular3 = 0, ErdosRenyi03 = 1, CustomRegular = 2, CustomErdosRenyi = 3 };

    explicit WarmstartPanel(ProjectDocument* document, QWidget* parent = nullptr);
    ~WarmstartPanel() override;

    /// Starts the pipeline with the current options (no effect while a job runs or when the instance is invalid).
    void run();
    /// Starts the sweep with the current sweep options (no effect while a job runs or when they do not parse).
    void runSweep();
    /// Cancels the running job.
    void cancel();
    /// Cancels a running job and waits for it (window close).
    void shutdown();
    /// Reads an instance file for the File source; false (with the reason in the note) when it cannot be read.
    bool loadInstanceFile(const QString& path);
    /// Makes a finished job's measured samples (bit q = variable q) of `instance` the File source: Run then
    /// analyses them (options.samples) instead of sampling. `backend` is the job's backend; its emulated
    /// counterpart ("ibm_fez" -> "local:fez", else local:ideal) supplies the readout calibration.
    void useJobSamples(const engine::Instance& instance, const engine::SampleCounts& samples, const QString& backend);
    /// The job samples the File source carries, if any.
    const std::optional<engine::SampleCounts>& jobSamples() const { return m_jobSamples; }

    /// The pipeline request `run` would start now. Throws engine::Error when the instance cannot be built.
    WarmstartPipelineRequest pipelineRequest() const;
    /// The sweep options `runSweep` would use now. Throws engine::Error when a list does not parse.
    engine::WarmstartReproductionOptions sweepOptions() const;
    /// Whether the VNS solver can be chosen for the current instance (Max-Cut only).
    bool isVnsAvailable() const;
    /// Chooses `backend` (a local backend name) in the backend box; no effect for an unknown name or while a
    /// job runs. The main window passes the preferences' default backend.
    void setDefaultBackend(const QString& backend);
    /// Simulator and emulator threads of the next pipeline runs and sweeps (0 = all cores).
    void setThreadCount(int threads);

    WarmstartJob* job() const { return m_job; }
    // The editors, for the main window's tests and for scripted use.
    QTabWidget* pages() const { return m_pages; }
    QComboBox* sourceBox() const { return m_source; }
    QComboBox* familyBox() const { return m_family; }
    QSpinBox* degreeBox() const { return m_degree; }
    QDoubleSpinBox* probabilityBox() const { return m_probability; }
    QSpinBox* verticesBox() const { return m_vertices; }
    QSpinBox* graphSeedBox() const { return m_graphSeed; }
    QSpinBox* depthBox() const { return m_depth; }
    QComboBox* backendBox() const { return m_backend; }
    QSpinBox* shotsBox() const { return m_shots; }
    QComboBox* readoutBox() const { return m_readout; }
    QComboBox* filterBox() const { return m_filter; }
    QComboBox* solverBox() const { return m_solver; }
    QSpinBox* runsBox() const { return m_runs; }
    QCheckBox* timeBasedBox() const { return m_timeBased; }
    QSpinBox* iterationCapBox() const { return m_iterationCap; }
    QDoubleSpinBox* timeLimitBox() const { return m_timeLimit; }
    /// "Compare runtimes": after the Q-factor, time VNS, the rank-two heuristic and the exact solver as well
    /// (time-based Max-Cut with the tabu solver only).
    QCheckBox* compareRuntimesBox() const { return m_compareRuntimes; }
    /// The exact solver's time limit in that comparison, in seconds.
    QDoubleSpinBox* exactTimeLimitBox() const { return m_exactTimeLimit; }
    /// Whether the runtime comparison can be chosen for the current instance and options.
    bool isRuntimeComparisonAvailable() const;
    QSpinBox* seedBox() const { return m_seed; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLineEdit* sweepFamiliesEdit() const { return m_sweepFamilies; }
    QLineEdit* sweepSizesEdit() const { return m_sweepSizes; }
    QLineEdit* sweepDepthsEdit() const { return m_sweepDepths; }
    QSpinBox* sweepGraphsBox() const { return m_sweepGraphs; }
    QSpinBox* sweepRunsBox() const { return m_sweepRuns; }
    QSpinBox* sweepShotsBox() const { return m_sweepShots; }
    QSpinBox* sweepCapBox() const { return m_sweepCap; }
    QSpinBox* sweepSeedBox() const { return m_sweepSeed; }
    QPushButton* sweepRunButton() const { return m_sweepRun; }
    QPushButton* sweepCancelButton() const { return m_sweepCancel; }
    QProgressBar* sweepProgressBar() const { return m_sweepProgress; }
    EnergyHistogramPlot* histogramPlot() const { return m_histogram; }
    SuccessCurvePlot* successPlot() const { return m_success; }
    LiveQFactorPlot* liveQPlot() const { return m_liveQ; }
    RuntimeComparisonPlot* runtimePlot() const { return m_runtimes; }
    QFactorSweepPlot* depthPlot() const { return m_byDepth; }
    QFactorSweepPlot* sizePlot() const { return m_bySize; }
    QTableWidget* summaryTable() const { return m_summaryTable; }
    /// Text of the figure named `key`: "instance", "status", "qfactor", "rmin", "optimum", "pool", "parts",
    /// "transpiled", "stages", "note", "sweepStatus".
    QString figureText(const QString& key) const;

signals:
    /// A job started (the main window raises the dock).
    void runStarted();
    /// A one-line translated summary for the status bar when a job ends.
    void statusMessage(const QString& message);

private:
    QWidget* buildPipelinePage();
    QWidget* buildSweepPage();
    void onDocumentChanged(const ChangeEvent& event);
    void onRunPoints(const std::vector<WarmstartRunPoint>& points);
    void onSweepRows(const std::vector<engine::WarmstartReproductionRow>& rows);
    void onProgress(int value, int maximum);
    void onStage(const QString& stage);
    void onJobFinished();
    void openInstanceFile();
    void updateInstance();
    void updateSweepCheck();
    void updateEnabled();
    void clearPipelineResults(const QString& note);
    void showPipelineResults();
    void showSweep(const std::vector<engine::WarmstartSummaryRow>& summary);
    std::optional<engine::Instance> buildInstance(QString* error) const;

    ProjectDocument* m_document;
    WarmstartJob* m_job;
    QTabWidget* m_pages = nullptr;

    QComboBox* m_source = nullptr;
    QComboBox* m_family = nullptr;
    QSpinBox* m_degree = nullptr;
    QDoubleSpinBox* m_probability = nullptr;
    QSpinBox* m_vertices = nullptr;
    QSpinBox* m_graphSeed = nullptr;
    QPushButton* m_openFile = nullptr;
    QLabel* m_filePath = nullptr;
    QLabel* m_instanceInfo = nullptr;
    QSpinBox* m_depth = nullptr;
    QComboBox* m_backend = nullptr;
    QSpinBox* m_shots = nullptr;
    QComboBox* m_readout = nullptr;
    QComboBox* m_filter = nullptr;
    QComboBox* m_solver = nullptr;
    QSpinBox* m_runs = nullptr;
    QCheckBox* m_timeBased = nullptr;
    QSpinBox* m_iterationCap = nullptr;
    QDoubleSpinBox* m_timeLimit = nullptr;
    QCheckBox* m_compareRuntimes = nullptr;
    QDoubleSpinBox* m_exactTimeLimit = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QTabWidget* m_sideTabs = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_qfactor = nullptr;
    QLabel* m_rmin = nullptr;
    QLabel* m_optimum = nullptr;
    QLabel* m_pool = nullptr;
    QLabel* m_parts = nullptr;
    QLabel* m_transpiled = nullptr;
    QLabel* m_stages = nullptr;
    QLabel* m_note = nullptr;
    QTabWidget* m_plotTabs = nullptr;
    EnergyHistogramPlot* m_histogram = nullptr;
    SuccessCurvePlot* m_success = nullptr;
    LiveQFactorPlot* m_liveQ = nullptr;
    RuntimeComparisonPlot* m_runtimes = nullptr;

    QLineEdit* m_sweepFamilies = nullptr;
    QLineEdit* m_sweepSizes = nullptr;
    QLineEdit* m_sweepDepths = nullptr;
    QSpinBox* m_sweepGraphs = nullptr;
    QSpinBox* m_sweepRuns = nullptr;
    QSpinBox* m_sweepShots = nullptr;
    QSpinBox* m_sweepCap = nullptr;
    QSpinBox* m_sweepSeed = nullptr;
    QPushButton* m_sweepRun = nullptr;
    QPushButton* m_sweepCancel = nullptr;
    QProgressBar* m_sweepProgress = nullptr;
    QLabel* m_sweepStatus = nullptr;
    QFactorSweepPlot* m_byDepth = nullptr;
    QFactorSweepPlot* m_bySize = nullptr;
    QTableWidget* m_summaryTable = nullptr;

    std::optional<engine::Instance> m_fileInstance;  // the File source's instance, read when chosen
    std::optional<engine::SampleCounts> m_jobSamples;  // a job's samples of m_fileInstance (useJobSamples)
    QString m_fileName;
    bool m_instanceValid = false;  // the current source builds an instance
    bool m_maxCut = false;         // ... and it is a Max-Cut graph
    bool m_sweepValid = false;
    std::vector<engine::WarmstartReproductionRow> m_sweepRows;  // rows of the running sweep so far
    int m_finishedRuns = 0;
    int m_threads = 0;  // setThreadCount
};

} // namespace workbench
